/* paraat-catalog.h — a framework catalog parsed from XML (Paraat's format or OSCAL)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PARAAT_CATALOG_MAX_SIZE (64 * 1024 * 1024)

typedef enum
{
  PARAAT_TRACK_POLICY     = 1 << 0,
  PARAAT_TRACK_OPERATION  = 1 << 1,
  PARAAT_TRACK_MONITORING = 1 << 2,
} ParaatTracks;

typedef enum
{
  PARAAT_CATALOG_FORMAT_PARAAT,
  PARAAT_CATALOG_FORMAT_OSCAL,
} ParaatCatalogFormat;

/* One text in English and Dutch; either may be NULL. */
typedef struct
{
  char *en;
  char *nl;
} ParaatText;

typedef struct
{
  char       *key;          /* unique within the catalog */
  char       *parent_key;   /* enclosing group, NULL at top level */
  ParaatText  title;
  ParaatText  maturity[4];  /* levels 1–4; all NULL when the group has none */
} ParaatCatalogGroup;

typedef struct
{
  char       *key;          /* unique within the catalog */
  char       *label;        /* shown identifier; equals key unless OSCAL gives a label */
  char       *kind;         /* "clause", "control" or "measure" */
  char       *group_key;    /* the group it sits in */
  char       *parent_key;   /* enclosing requirement for sub-clauses/enhancements, or NULL */
  ParaatText  title;
  ParaatText  guidance;
  ParaatText  question;
  guint       tracks;       /* ParaatTracks */
  double      weight;       /* default 1 */
  GPtrArray  *maps_to;      /* of char* "CATALOG-ID\x1fREQUIREMENT-ID" */
} ParaatCatalogRequirement;

typedef struct
{
  ParaatCatalogFormat  format;
  char                *key;
  char                *version;
  char                *source;
  ParaatText           title;
  ParaatText           maturity[4];
  GPtrArray           *groups;        /* ParaatCatalogGroup*, document order */
  GPtrArray           *requirements;  /* ParaatCatalogRequirement*, document order, flattened */
} ParaatCatalog;

/* Parses and validates a catalog. Never touches the network; refuses DTDs, entities,
 * files over PARAAT_CATALOG_MAX_SIZE, duplicate identifiers and schema violations with a
 * PARAAT_ERROR_INVALID error whose message names the line and column where it applies. */
ParaatCatalog *paraat_catalog_parse_file      (const char    *path,
                                               GError       **error);
ParaatCatalog *paraat_catalog_parse_bytes     (GBytes        *bytes,
                                               const char    *display_name,
                                               GError       **error);
void           paraat_catalog_free            (ParaatCatalog *catalog);
guint          paraat_tracks_from_string      (const char    *list);
char          *paraat_tracks_to_string        (guint          tracks);

/* The text in the language the user reads: Dutch when the UI language is Dutch. */
const char    *paraat_text_pick               (const ParaatText *text);

/* Registers the core's own resources (the bundled catalogs and the schema). */
void           paraat_core_ensure_resources   (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParaatCatalog, paraat_catalog_free)

G_END_DECLS
