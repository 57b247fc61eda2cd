/* paraat-evidence-content.c — stored evidence content read back: export and verification
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>

#include "paraat-db.h"
#include "paraat-error.h"
#include "paraat-evidence-private.h"
#include "paraat-i18n.h"
#include "paraat-partial-file.h"
#include "paraat-workspace-private.h"

typedef struct
{
  gint64  blob_id;
  gint64  size;
  int     revision;
  char   *hash;
  char   *title;
} RevisionInfo;

static void
revision_info_clear (RevisionInfo *info)
{
  g_clear_pointer (&info->hash, g_free);
  g_clear_pointer (&info->title, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RevisionInfo, revision_info_clear)

static gboolean
read_revision (sqlite3       *db,
               gint64         revision_id,
               RevisionInfo  *info,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (db,
                       "SELECT r.blob_id, r.size, r.revision, b.hash, e.title"
                       " FROM evidence_revision r JOIN blob b ON b.id = r.blob_id"
                       " JOIN evidence e ON e.id = r.evidence_id WHERE r.id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, revision_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND,
                   _("That version of the evidence is not in this workspace."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return paraat_db_set_error (db, rc, error);

  info->blob_id = sqlite3_column_int64 (stmt, 0);
  info->size = sqlite3_column_int64 (stmt, 1);
  info->revision = sqlite3_column_int (stmt, 2);
  info->hash = paraat_db_column_dup (stmt, 3);
  info->title = paraat_db_column_dup (stmt, 4);
  return TRUE;
}

static gboolean
set_incomplete_error (const RevisionInfo  *info,
                      gint64               found,
                      GError             **error)
{
  g_autofree char *have = g_strdup_printf ("%" G_GINT64_FORMAT, found);
  g_autofree char *want = g_strdup_printf ("%" G_GINT64_FORMAT, info->size);

  g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_CORRUPT,
               _("The stored content of “%s”, version %d, is incomplete: %s of %s bytes are "
                 "there. Restore a backup copy of the workspace."),
               info->title, info->revision, have, want);
  return FALSE;
}

static gboolean
check_hash (const RevisionInfo  *info,
            const char          *found,
            GError             **error)
{
  if (g_strcmp0 (found, info->hash) == 0)
    return TRUE;

  g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_CORRUPT,
               _("The stored content of “%s”, version %d, does not match its SHA-256 "
                 "fingerprint: expected %s, found %s. Restore a backup copy of the workspace."),
               info->title, info->revision, info->hash ? info->hash : "-", found);
  return FALSE;
}

typedef gboolean (*ChunkFunc) (const void    *data,
                               gsize          len,
                               gpointer       user_data,
                               GCancellable  *cancellable,
                               GError       **error);

/* Streams the content chunk by chunk to FUNC (when not NULL), checking on the way that no
 * chunk is missing and, at the end, that size and SHA-256 are what was stored. */
static gboolean
stream_content (sqlite3             *db,
                const RevisionInfo  *info,
                ChunkFunc            func,
                gpointer             user_data,
                GCancellable        *cancellable,
                GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (db, "SELECT seq, data FROM blob_chunk WHERE blob_id = ?1 ORDER BY seq",
                       error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gint64 total = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, info->blob_id);

  for (gint64 seq = 0; (rc = sqlite3_step (stmt)) == SQLITE_ROW; seq++)
    {
      const void *data = sqlite3_column_blob (stmt, 1);
      gsize len = (gsize) sqlite3_column_bytes (stmt, 1);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (sqlite3_column_int64 (stmt, 0) != seq)
        return set_incomplete_error (info, total, error);

      g_checksum_update (checksum, data, len);
      if (func != NULL && !func (data, len, user_data, cancellable, error))
        return FALSE;
      total += len;
    }
  if (rc != SQLITE_DONE)
    return paraat_db_set_error (db, rc, error);

  if (total != info->size)
    return set_incomplete_error (info, total, error);
  return check_hash (info, g_checksum_get_string (checksum), error);
}

static ParaatEvidenceDb *
open_reader (const char  *workspace_path,
             gint64       revision_id,
             RevisionInfo *info,
             GError     **error)
{
  g_autoptr(ParaatEvidenceDb) db = paraat_evidence_open_db (workspace_path, FALSE, NULL, error);

  if (db == NULL || !read_revision (db, revision_id, info, error))
    return NULL;
  return g_steal_pointer (&db);
}

/* Verifying */

static gboolean
verify_run (const char    *workspace_path,
            gint64         revision_id,
            GCancellable  *cancellable,
            GError       **error)
{
  g_auto(RevisionInfo) info = { 0 };
  g_autoptr(ParaatEvidenceDb) db = open_reader (workspace_path, revision_id, &info, error);

  return db != NULL && stream_content (db, &info, NULL, NULL, cancellable, error);
}

static gboolean
check_open (ParaatWorkspace  *self,
            GError          **error)
{
  if (paraat_workspace_get_db (self) != NULL)
    return TRUE;
  g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO, _("The workspace is closed."));
  return FALSE;
}

gboolean
paraat_workspace_verify_revision (ParaatWorkspace  *self,
                                  gint64            revision_id,
                                  GCancellable     *cancellable,
                                  GError          **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  return check_open (self, error) &&
         verify_run (paraat_workspace_get_path (self), revision_id, cancellable, error);
}

/* Exporting */

static gboolean
write_chunk (const void    *data,
             gsize          len,
             gpointer       user_data,
             GCancellable  *cancellable,
             GError       **error)
{
  return g_output_stream_write_all (user_data, data, len, NULL, cancellable, error);
}

/* Write problems are the user's to solve (space, permissions); name the file they chose. */
static void
explain_write_error (GFile   *destination,
                     GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *reason = NULL;

  if (error == NULL || *error == NULL || (*error)->domain != G_IO_ERROR ||
      (*error)->code == G_IO_ERROR_CANCELLED)
    return;

  name = g_file_get_parse_name (destination);
  reason = g_strdup ((*error)->message);
  g_clear_error (error);
  g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO,
               _("“%s” could not be written: %s. Choose another place or free some disk space "
                 "and try again."), name, reason);
}

static gboolean
export_run (const char    *workspace_path,
            gint64         revision_id,
            GFile         *destination,
            GCancellable  *cancellable,
            GError       **error)
{
  g_auto(RevisionInfo) info = { 0 };
  g_autoptr(ParaatEvidenceDb) db = open_reader (workspace_path, revision_id, &info, error);
  g_autoptr(GFile) partial = NULL;
  g_autoptr(GOutputStream) out = NULL;

  if (db == NULL)
    return FALSE;

  out = paraat_partial_file_create (destination, &partial, cancellable, error);
  if (out != NULL)
    {
      if (!stream_content (db, &info, write_chunk, out, cancellable, error))
        paraat_partial_file_discard (out, partial);
      else if (paraat_partial_file_commit (out, partial, destination, cancellable, error))
        return TRUE;
    }

  explain_write_error (destination, error);
  return FALSE;
}

gboolean
paraat_workspace_export_revision (ParaatWorkspace  *self,
                                  gint64            revision_id,
                                  GFile            *destination,
                                  GCancellable     *cancellable,
                                  GError          **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  return check_open (self, error) &&
         export_run (paraat_workspace_get_path (self), revision_id, destination, cancellable,
                     error);
}

/* In a worker thread, each on a read-only connection of its own */

typedef struct
{
  char   *workspace_path;
  gint64  revision_id;
  GFile  *destination;   /* NULL: verify */
} ContentJob;

static void
content_job_free (ContentJob *job)
{
  g_free (job->workspace_path);
  g_clear_object (&job->destination);
  g_free (job);
}

static void
content_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ContentJob *job = task_data;
  GError *error = NULL;
  gboolean ok;

  if (job->destination != NULL)
    ok = export_run (job->workspace_path, job->revision_id, job->destination, cancellable,
                     &error);
  else
    ok = verify_run (job->workspace_path, job->revision_id, cancellable, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
start_content_job (ParaatWorkspace      *self,
                   gint64                revision_id,
                   GFile                *destination,
                   gpointer              source_tag,
                   GCancellable         *cancellable,
                   GAsyncReadyCallback   callback,
                   gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  ContentJob *job;
  GError *error = NULL;

  g_task_set_source_tag (task, source_tag);
  if (!check_open (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  job = g_new0 (ContentJob, 1);
  job->workspace_path = g_strdup (paraat_workspace_get_path (self));
  job->revision_id = revision_id;
  job->destination = destination ? g_object_ref (destination) : NULL;
  g_task_set_task_data (task, job, (GDestroyNotify) content_job_free);
  g_task_run_in_thread (task, content_thread);
}

void
paraat_workspace_export_revision_async (ParaatWorkspace      *self,
                                        gint64                revision_id,
                                        GFile                *destination,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data)
{
  g_return_if_fail (PARAAT_IS_WORKSPACE (self));
  g_return_if_fail (G_IS_FILE (destination));

  start_content_job (self, revision_id, destination, paraat_workspace_export_revision_async,
                     cancellable, callback, user_data);
}

gboolean
paraat_workspace_export_revision_finish (ParaatWorkspace  *self,
                                         GAsyncResult     *result,
                                         GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
paraat_workspace_verify_revision_async (ParaatWorkspace      *self,
                                        gint64                revision_id,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data)
{
  g_return_if_fail (PARAAT_IS_WORKSPACE (self));

  start_content_job (self, revision_id, NULL, paraat_workspace_verify_revision_async,
                     cancellable, callback, user_data);
}

gboolean
paraat_workspace_verify_revision_finish (ParaatWorkspace  *self,
                                         GAsyncResult     *result,
                                         GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
