/* paraat-evidence-private.h — shared by the evidence modules of the core
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "paraat-evidence.h"
#include "paraat-txn.h"

G_BEGIN_DECLS

/* Content is stored and streamed in pieces of this size, so memory stays flat. */
#define PARAAT_EVIDENCE_CHUNK_SIZE (1024 * 1024)
#define PARAAT_EVIDENCE_TITLE_MAX  200
#define PARAAT_EVIDENCE_TEXT_MAX   20000

/* Metadata after defaults and validation, as stored. */
typedef struct
{
  char       *title;
  const char *track;          /* "policy", "operation" or "monitoring" */
  char       *evidence_date;
  char       *valid_until;
  gint64      owner_id;       /* 0: none */
  char       *description;
} ParaatEvidenceFields;

void        paraat_evidence_fields_clear   (ParaatEvidenceFields     *fields);
gboolean    paraat_evidence_fields_resolve (ParaatWorkspace          *workspace,
                                            const ParaatEvidenceMeta *meta,
                                            ParaatEvidence           *current,
                                            const char               *default_title,
                                            ParaatEvidenceFields     *out,
                                            GError                  **error);
void        paraat_evidence_fields_describe (ParaatWorkspace            *workspace,
                                             const ParaatEvidenceFields *before,
                                             const ParaatEvidenceFields *after,
                                             ParaatChanges              *changes);

const char *paraat_track_to_id             (guint        track);
guint       paraat_track_from_id           (const char  *id);
char       *paraat_evidence_today          (void);

/* A connection of its own to the workspace file, for work in another thread. */
sqlite3    *paraat_evidence_open_db        (const char  *path,
                                            gboolean     writable,
                                            gboolean    *write_allowed,
                                            GError     **error);

/* An alias, so this cleanup cannot clash with one another module declares for sqlite3. */
typedef sqlite3 ParaatEvidenceDb;

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ParaatEvidenceFields, paraat_evidence_fields_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParaatEvidenceDb, sqlite3_close)

G_END_DECLS
