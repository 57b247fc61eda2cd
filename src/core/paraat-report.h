/* paraat-report.h — the board report and the audit pack
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

/* FRACTION from 0 to 1; STEP says what is being done as an untranslated message: show it
 * with _() in the reader's language (the document's may be another). */
typedef void (*ParaatProgressFunc) (double      fraction,
                                    const char *step,
                                    gpointer    user_data);

/* The board report as PDF in LANGUAGE ("en", "nl"; NULL: the interface language): cover,
 * contents, summary figures with their trend, readiness, maturity charts, risks, actions,
 * management reviews, evidence freshness and exceptions, with running headers and page
 * numbers; the cover names the workspace's person working as having prepared it. Written beside PATH and moved in place: a failure or a cancel leaves no file and
 * an earlier file intact. PROGRESS (may be NULL) is called on the calling thread. */
gboolean paraat_workspace_write_board_report (ParaatWorkspace    *self,
                                              const char         *language,
                                              const char         *path,
                                              ParaatProgressFunc  progress,
                                              gpointer            progress_data,
                                              GCancellable       *cancellable,
                                              GError            **error);

/* The audit pack: DIRECTORY (must not exist yet, or be empty) gets the board report, the
 * Statement of Applicability (PDF, ODS, CSV), every register as ODS and CSV, the audit
 * trail as CSV and XML, every evidence file's latest revision under a safe name, a short
 * index and MANIFEST.sha256 (in the format of sha256sum, so `sha256sum -c` checks it). It is
 * built beside DIRECTORY and renamed into place when complete. */
gboolean paraat_workspace_write_audit_pack   (ParaatWorkspace    *self,
                                              const char         *language,
                                              const char         *directory,
                                              ParaatProgressFunc  progress,
                                              gpointer            progress_data,
                                              GCancellable       *cancellable,
                                              GError            **error);

/* The same in a worker thread on its own read-only connection to WORKSPACE_PATH (the
 * workspace stays open and usable meanwhile). AUTHOR_ID is the person named as having
 * prepared it (0: none). PROGRESS is called on the caller's thread-default main context;
 * PROGRESS_DESTROY frees PROGRESS_DATA there after the last call. */
void     paraat_board_report_write_async     (const char         *workspace_path,
                                              gint64              author_id,
                                              const char         *language,
                                              const char         *path,
                                              ParaatProgressFunc  progress,
                                              gpointer            progress_data,
                                              GDestroyNotify      progress_destroy,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
gboolean paraat_board_report_write_finish    (GAsyncResult       *result,
                                              GError            **error);
void     paraat_audit_pack_write_async       (const char         *workspace_path,
                                              gint64              author_id,
                                              const char         *language,
                                              const char         *directory,
                                              ParaatProgressFunc  progress,
                                              gpointer            progress_data,
                                              GDestroyNotify      progress_destroy,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
gboolean paraat_audit_pack_write_finish      (GAsyncResult       *result,
                                              GError            **error);

G_END_DECLS
