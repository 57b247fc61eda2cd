/* paraat-catalog-private.h — shared by the catalog parsers (Paraat format and OSCAL)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>

#include "paraat-catalog.h"

G_BEGIN_DECLS

#define PARAAT_CATALOG_NS "https://github.com/paraat/paraat/ns/catalog/1"
#define PARAAT_OSCAL_NS   "http://csrc.nist.gov/ns/oscal/1.0"

/* The bytes being parsed, kept so error messages can point at a column. */
typedef struct
{
  const char *name;   /* display name of the file */
  const char *data;
  gsize       size;
} ParaatCatalogSource;

ParaatCatalog            *paraat_catalog_new                (ParaatCatalogFormat         format);
ParaatCatalogGroup       *paraat_catalog_group_new          (void);
void                      paraat_catalog_group_free         (ParaatCatalogGroup         *group);
ParaatCatalogRequirement *paraat_catalog_requirement_new    (void);
void                      paraat_catalog_requirement_free   (ParaatCatalogRequirement   *requirement);

gboolean                  paraat_xml_is                     (xmlNode                    *node,
                                                             const char                 *ns,
                                                             const char                 *name);
char                     *paraat_xml_attr                   (xmlNode                    *node,
                                                             const char                 *name);
char                     *paraat_xml_content                (xmlNode                    *node);

/* Collapses runs of white space to one space; a run holding a blank line becomes a
 * paragraph break ("\n\n") when KEEP_PARAGRAPHS. Returns NULL for an empty result. */
char                     *paraat_text_normalize             (const char                 *text,
                                                             gboolean                    keep_paragraphs);

/* Sets a PARAAT_ERROR_INVALID error: "“name” is not a valid catalog. Line L, column C:
 * PROBLEM ADVICE". The location is taken from NODE; NODE may be NULL. */
void                      paraat_catalog_set_node_error     (GError                    **error,
                                                             const ParaatCatalogSource  *source,
                                                             xmlNode                    *node,
                                                             const char                 *problem,
                                                             const char                 *advice);

/* Records KEY as used by NODE in SEEN (key → line); on a second use sets an error naming
 * the key and both lines. */
gboolean                  paraat_catalog_claim_key          (GHashTable                 *seen,
                                                             const char                 *key,
                                                             xmlNode                    *node,
                                                             const ParaatCatalogSource  *source,
                                                             GError                    **error);

ParaatCatalog            *paraat_oscal_build                (xmlDoc                     *doc,
                                                             const ParaatCatalogSource  *source,
                                                             GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParaatCatalogGroup, paraat_catalog_group_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParaatCatalogRequirement, paraat_catalog_requirement_free)

G_END_DECLS
