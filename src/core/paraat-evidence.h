/* paraat-evidence.h — evidence files stored inside the workspace, with revisions and links
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "paraat-catalog.h"
#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_EVIDENCE (paraat_evidence_get_type ())

G_DECLARE_FINAL_TYPE (ParaatEvidence, paraat_evidence, PARAAT, EVIDENCE, GObject)

#define PARAAT_EXPIRING_DAYS 30

typedef enum
{
  PARAAT_FRESHNESS_FRESH,
  PARAAT_FRESHNESS_EXPIRING,   /* valid for at most PARAAT_EXPIRING_DAYS more days */
  PARAAT_FRESHNESS_STALE,      /* past its valid-until date */
} ParaatFreshness;

/* Metadata a user edits. Dates are "YYYY-MM-DD"; NULL fields take defaults on add:
 * title = file name, track = policy, evidence_date = today, valid_until = evidence_date plus
 * the workspace's validity period, owner = none, description = "". */
typedef struct
{
  const char *title;
  guint       track;          /* exactly one ParaatTracks bit; 0 = default */
  const char *evidence_date;
  const char *valid_until;
  gint64      owner_id;
  const char *description;
} ParaatEvidenceMeta;

gint64          paraat_evidence_get_id              (ParaatEvidence *self);
const char     *paraat_evidence_get_title           (ParaatEvidence *self);
guint           paraat_evidence_get_track           (ParaatEvidence *self);
const char     *paraat_evidence_get_evidence_date   (ParaatEvidence *self);
const char     *paraat_evidence_get_valid_until     (ParaatEvidence *self);
gint64          paraat_evidence_get_owner_id        (ParaatEvidence *self);
const char     *paraat_evidence_get_description     (ParaatEvidence *self);
/* The latest revision */
gint64          paraat_evidence_get_revision_id     (ParaatEvidence *self);
int             paraat_evidence_get_revision        (ParaatEvidence *self);
const char     *paraat_evidence_get_file_name       (ParaatEvidence *self);
const char     *paraat_evidence_get_content_type    (ParaatEvidence *self);
const char     *paraat_evidence_get_hash            (ParaatEvidence *self);
gint64          paraat_evidence_get_size            (ParaatEvidence *self);
guint           paraat_evidence_get_n_links         (ParaatEvidence *self);
/* Relative to paraat_clock_now_ms() */
ParaatFreshness paraat_evidence_get_freshness       (ParaatEvidence *self);

const char     *paraat_track_label                  (guint           track);
const char     *paraat_freshness_label              (ParaatFreshness freshness);

/* Adding content. The file is read in chunks in a worker thread on its own connection,
 * hashed (SHA-256) and stored once per distinct content, all in one transaction with its
 * trail entry: a cancel or a failure leaves nothing behind. PROGRESS is called on the
 * calling thread's main context with bytes done and total. */
void            paraat_workspace_add_evidence_async (ParaatWorkspace          *self,
                                                     const char               *path,
                                                     const ParaatEvidenceMeta *meta,
                                                     gint64                    requirement_id,
                                                     GCancellable             *cancellable,
                                                     GFileProgressCallback     progress,
                                                     gpointer                  progress_data,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
gint64          paraat_workspace_add_evidence_finish (ParaatWorkspace         *self,
                                                      GAsyncResult            *result,
                                                      GError                 **error);
/* The same, blocking the caller (for the CLI and tests). REQUIREMENT_ID 0: no link. */
gint64          paraat_workspace_add_evidence       (ParaatWorkspace          *self,
                                                     const char               *path,
                                                     const ParaatEvidenceMeta *meta,
                                                     gint64                    requirement_id,
                                                     GCancellable             *cancellable,
                                                     GError                  **error);
/* A new version of the same document: revision n + 1 of EVIDENCE_ID. */
gboolean        paraat_workspace_add_revision       (ParaatWorkspace          *self,
                                                     gint64                    evidence_id,
                                                     const char               *path,
                                                     GCancellable             *cancellable,
                                                     GError                  **error);
void            paraat_workspace_add_revision_async (ParaatWorkspace          *self,
                                                     gint64                    evidence_id,
                                                     const char               *path,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
gboolean        paraat_workspace_add_revision_finish (ParaatWorkspace         *self,
                                                      GAsyncResult            *result,
                                                      GError                 **error);

gboolean        paraat_workspace_update_evidence    (ParaatWorkspace          *self,
                                                     gint64                    evidence_id,
                                                     const ParaatEvidenceMeta *meta,
                                                     GError                  **error);
gboolean        paraat_workspace_link_evidence      (ParaatWorkspace          *self,
                                                     gint64                    evidence_id,
                                                     gint64                    requirement_id,
                                                     GError                  **error);
gboolean        paraat_workspace_unlink_evidence    (ParaatWorkspace          *self,
                                                     gint64                    evidence_id,
                                                     gint64                    requirement_id,
                                                     GError                  **error);

/* Reading */
GListModel     *paraat_workspace_list_evidence      (ParaatWorkspace          *self,
                                                     GError                  **error);
ParaatEvidence *paraat_workspace_get_evidence       (ParaatWorkspace          *self,
                                                     gint64                    evidence_id,
                                                     GError                  **error);
GListModel     *paraat_workspace_list_revisions     (ParaatWorkspace          *self,
                                                     gint64                    evidence_id,
                                                     GError                  **error);
GListModel     *paraat_workspace_list_evidence_for_requirement (ParaatWorkspace *self,
                                                     gint64                    requirement_id,
                                                     GError                  **error);
/* Requirements an evidence item is linked to (ParaatRequirement) */
GListModel     *paraat_workspace_list_evidence_links (ParaatWorkspace         *self,
                                                      gint64                   evidence_id,
                                                      GError                 **error);
/* ParaatTracks bits with fresh evidence linked to the requirement */
guint           paraat_workspace_get_fresh_tracks   (ParaatWorkspace          *self,
                                                     gint64                    requirement_id);
/* Applicable requirements whose only fresh evidence is on the policy track */
GListModel     *paraat_workspace_list_policy_only   (ParaatWorkspace          *self,
                                                     GError                  **error);

/* Content. Both stream chunk by chunk; a failed export leaves no partial file. */
gboolean        paraat_workspace_export_revision    (ParaatWorkspace          *self,
                                                     gint64                    revision_id,
                                                     GFile                    *destination,
                                                     GCancellable             *cancellable,
                                                     GError                  **error);
void            paraat_workspace_export_revision_async (ParaatWorkspace       *self,
                                                     gint64                    revision_id,
                                                     GFile                    *destination,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
gboolean        paraat_workspace_export_revision_finish (ParaatWorkspace      *self,
                                                      GAsyncResult            *result,
                                                      GError                 **error);
/* Recomputes the SHA-256 of the stored content; FALSE with an error when it differs. */
gboolean        paraat_workspace_verify_revision    (ParaatWorkspace          *self,
                                                     gint64                    revision_id,
                                                     GCancellable             *cancellable,
                                                     GError                  **error);
void            paraat_workspace_verify_revision_async (ParaatWorkspace       *self,
                                                     gint64                    revision_id,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
gboolean        paraat_workspace_verify_revision_finish (ParaatWorkspace      *self,
                                                      GAsyncResult            *result,
                                                      GError                 **error);

/* A name safe to use as a file name anywhere: no separators, control characters,
 * leading dots or reserved names; never empty; at most 200 bytes. */
char           *paraat_sanitize_file_name           (const char               *name);

G_END_DECLS
