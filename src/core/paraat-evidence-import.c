/* paraat-evidence-import.c — adding files as evidence: checked, hashed and streamed into the
 * workspace in chunks, in one transaction with its trail entry, on a connection of its own
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paraat-clock.h"
#include "paraat-db.h"
#include "paraat-error.h"
#include "paraat-evidence-private.h"
#include "paraat-i18n.h"
#include "paraat-requirement.h"
#include "paraat-workspace-private.h"

/* Progress is reported this often, so a large file does not flood the caller's loop. */
#define PROGRESS_STEP (8 * 1024 * 1024)
/* Chunk buffers shared by the reader and the hasher: the memory an import needs. */
#define N_BUFFERS 4
/* After an import this large, the write-ahead log is folded back and shrunk. */
#define LARGE_IMPORT (16 * 1024 * 1024)

typedef struct
{
  /* Fixed on the caller's thread before the work starts */
  char                  *workspace_path;
  char                  *path;
  char                  *file_name;        /* display name, stored with the revision */
  gint64                 actor_id;
  char                  *actor_name;
  ParaatEvidenceFields   fields;           /* a new item's metadata */
  ParaatChanges         *changes;          /* its trail changes so far */
  gint64                 evidence_id;      /* a new revision's item; 0 for a new item */
  gint64                 requirement_id;
  char                  *requirement_name;
  GMainContext          *context;
  GFileProgressCallback  progress;
  gpointer               progress_data;
  GTask                 *reply;            /* the caller's result, when asynchronous */

  /* The worker's connection, its guard flag, and how much it stored */
  sqlite3               *db;
  gboolean               write_allowed;
  gint64                 stored_size;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->workspace_path);
  g_free (job->path);
  g_free (job->file_name);
  g_free (job->actor_name);
  paraat_evidence_fields_clear (&job->fields);
  g_clear_pointer (&job->changes, paraat_changes_free);
  g_free (job->requirement_name);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_object (&job->reply);
  g_clear_pointer (&job->db, sqlite3_close);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportJob, import_job_free)

/* The file being added, and how it looked when reading began. */
typedef struct
{
  int          fd;
  struct stat  st;
} Source;

static void
source_clear (Source *source)
{
  if (source->fd >= 0)
    close (source->fd);
  source->fd = -1;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Source, source_clear)

/* What was stored: one blob, new or an existing one with the same content. */
typedef struct
{
  gint64  blob_id;
  gint64  size;
  char   *hash;
  char   *content_type;
} Stored;

static void
stored_clear (Stored *stored)
{
  g_clear_pointer (&stored->hash, g_free);
  g_clear_pointer (&stored->content_type, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Stored, stored_clear)

/* Opening the file */

static gboolean
set_open_error (const char  *file_name,
                int          saved_errno,
                GError     **error)
{
  switch (saved_errno)
    {
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND,
                   _("“%s” does not exist. Choose the file again."), file_name);
      break;
    case EACCES:
    case EPERM:
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO,
                   _("“%s” cannot be read. Check the file’s permissions."), file_name);
      break;
    case ELOOP:
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO,
                   _("“%s” is a link that leads back to itself. Choose the file it should "
                     "point to instead."), file_name);
      break;
    default:
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO,
                   _("“%s” cannot be opened: %s. Check the file and try again."), file_name,
                   g_strerror (saved_errno));
    }
  return FALSE;
}

/* Only a regular file with content: a pipe or a device never ends, a folder is no document. */
static gboolean
check_kind (const struct stat  *st,
            const char         *file_name,
            GError            **error)
{
  if (S_ISDIR (st->st_mode))
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("“%s” is a folder. Choose the files in it one by one."), file_name);
      return FALSE;
    }
  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("“%s” is not an ordinary file but a device, pipe or socket. Choose a "
                     "saved document instead."), file_name);
      return FALSE;
    }
  if (st->st_size == 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("“%s” is empty. Choose a file with content."), file_name);
      return FALSE;
    }
  return TRUE;
}

/* O_NONBLOCK: opening a FIFO must not wait for a writer before it can be refused. */
static gboolean
source_open (Source      *source,
             const char  *path,
             const char  *file_name,
             GError     **error)
{
  source->fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  if (source->fd < 0)
    return set_open_error (file_name, errno, error);
  if (fstat (source->fd, &source->st) != 0)
    return set_open_error (file_name, errno, error);
  if (!check_kind (&source->st, file_name, error))
    return FALSE;

  posix_fadvise (source->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  return TRUE;
}

static gboolean
set_changed_error (const char  *file_name,
                   GError     **error)
{
  g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO,
               _("“%s” changed while it was being added. Wait until it is saved and try "
                 "again."), file_name);
  return FALSE;
}

/* A file still being written would be stored half old, half new. */
static gboolean
check_unchanged (Source      *source,
                 const char  *file_name,
                 GError     **error)
{
  struct stat now;

  if (fstat (source->fd, &now) != 0)
    return set_open_error (file_name, errno, error);
  if (now.st_size != source->st.st_size ||
      now.st_mtim.tv_sec != source->st.st_mtim.tv_sec ||
      now.st_mtim.tv_nsec != source->st.st_mtim.tv_nsec)
    return set_changed_error (file_name, error);
  return TRUE;
}

/* Fills BUFFER up to LEN bytes; fewer only at the end of the file. */
static gssize
read_chunk (Source      *source,
            guchar      *buffer,
            gsize        len,
            const char  *file_name,
            GError     **error)
{
  gsize done = 0;

  while (done < len)
    {
      gssize n = read (source->fd, buffer + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;
          g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO,
                       _("“%s” could not be read: %s. Check the disk or copy the file "
                         "elsewhere and try again."), file_name, g_strerror (saved_errno));
          return -1;
        }
      if (n == 0)
        break;
      done += n;
    }
  return (gssize) done;
}

/* Hashing beside storing: the reader hands each chunk to a thread that hashes it while the
 * reader writes the same chunk to SQLite, so the slower of the two sets the pace. */

typedef struct
{
  guchar *data;
  gsize   len;
} Chunk;

typedef struct
{
  GAsyncQueue *pending;   /* chunks to hash, ended by end_marker */
  GAsyncQueue *spare;     /* chunks free to be read into */
  GChecksum   *checksum;
  GThread     *thread;
  Chunk        chunks[N_BUFFERS];
} Hasher;

static Chunk end_marker;

static gpointer
hasher_thread (gpointer data)
{
  Hasher *hasher = data;
  Chunk *chunk;

  while ((chunk = g_async_queue_pop (hasher->pending)) != &end_marker)
    {
      g_checksum_update (hasher->checksum, chunk->data, chunk->len);
      g_async_queue_push (hasher->spare, chunk);
    }
  return NULL;
}

static Hasher *
hasher_new (void)
{
  Hasher *hasher = g_new0 (Hasher, 1);

  hasher->pending = g_async_queue_new ();
  hasher->spare = g_async_queue_new ();
  hasher->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  for (guint i = 0; i < N_BUFFERS; i++)
    {
      hasher->chunks[i].data = g_malloc (PARAAT_EVIDENCE_CHUNK_SIZE);
      g_async_queue_push (hasher->spare, &hasher->chunks[i]);
    }
  hasher->thread = g_thread_new ("paraat-hash", hasher_thread, hasher);
  return hasher;
}

/* Waits until every chunk handed over is hashed. */
static void
hasher_stop (Hasher *hasher)
{
  if (hasher->thread == NULL)
    return;
  g_async_queue_push (hasher->pending, &end_marker);
  g_thread_join (hasher->thread);
  hasher->thread = NULL;
}

static void
hasher_free (Hasher *hasher)
{
  hasher_stop (hasher);
  for (guint i = 0; i < N_BUFFERS; i++)
    g_free (hasher->chunks[i].data);
  g_async_queue_unref (hasher->pending);
  g_async_queue_unref (hasher->spare);
  g_checksum_free (hasher->checksum);
  g_free (hasher);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Hasher, hasher_free)

static char *
hasher_finish (Hasher *hasher)
{
  hasher_stop (hasher);
  return g_strdup (g_checksum_get_string (hasher->checksum));
}

/* Progress on the caller's main context */

typedef struct
{
  GFileProgressCallback progress;
  gpointer              data;
  goffset               done;
  goffset               total;
} ProgressUpdate;

static gboolean
progress_idle_cb (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  update->progress (update->done, update->total, update->data);
  return G_SOURCE_REMOVE;
}

static void
report_progress (ImportJob *job,
                 goffset    done,
                 goffset    total)
{
  ProgressUpdate *update;

  if (job->progress == NULL)
    return;

  update = g_new (ProgressUpdate, 1);
  *update = (ProgressUpdate) { job->progress, job->progress_data, done, total };
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, progress_idle_cb, update,
                              g_free);
}

/* Storing the content */

static char *
guess_content_type (const char   *file_name,
                    const guchar *data,
                    gsize         len)
{
  g_autofree char *type = g_content_type_guess (file_name, data, MIN (len, 4096), NULL);
  char *mime = type ? g_content_type_get_mime_type (type) : NULL;

  return mime ? mime : g_strdup ("application/octet-stream");
}

/* The blob's hash stays NULL until all of it is written and hashed. */
static gint64
insert_blob (sqlite3  *db,
             gint64    size,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (db, "INSERT INTO blob (hash, size, created_ms) VALUES (NULL, ?1, ?2)",
                       error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, size);
  sqlite3_bind_int64 (stmt, 2, paraat_clock_now_ms ());
  if (!paraat_db_step_done (stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (db);
}

static gboolean
insert_chunk (sqlite3_stmt  *stmt,
              gint64         blob_id,
              gint64         seq,
              const Chunk   *chunk,
              GError       **error)
{
  gboolean ok;

  sqlite3_bind_int64 (stmt, 1, blob_id);
  sqlite3_bind_int64 (stmt, 2, seq);
  sqlite3_bind_blob64 (stmt, 3, chunk->data, chunk->len, SQLITE_STATIC);
  ok = paraat_db_step_done (stmt, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

static gboolean
stream_chunks (ImportJob     *job,
               Source        *source,
               sqlite3       *db,
               Stored        *out,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(Hasher) hasher = NULL;
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (db, "INSERT INTO blob_chunk (blob_id, seq, data) VALUES (?1, ?2, ?3)",
                       error);
  goffset done = 0;
  goffset reported = 0;

  if (stmt == NULL)
    return FALSE;

  hasher = hasher_new ();
  for (gint64 seq = 0;; seq++)
    {
      Chunk *chunk;
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      chunk = g_async_queue_pop (hasher->spare);
      n = read_chunk (source, chunk->data, PARAAT_EVIDENCE_CHUNK_SIZE, job->file_name, error);
      if (n <= 0)
        {
          g_async_queue_push (hasher->spare, chunk);
          if (n < 0)
            return FALSE;
          break;
        }
      if ((done += n) > out->size)
        {
          g_async_queue_push (hasher->spare, chunk);
          return set_changed_error (job->file_name, error);
        }

      chunk->len = (gsize) n;
      if (seq == 0)
        out->content_type = guess_content_type (job->file_name, chunk->data, chunk->len);
      g_async_queue_push (hasher->pending, chunk);
      if (!insert_chunk (stmt, out->blob_id, seq, chunk, error))
        return FALSE;

      if (done - reported >= PROGRESS_STEP)
        report_progress (job, reported = done, out->size);
    }

  if (done != out->size)
    return set_changed_error (job->file_name, error);

  out->hash = hasher_finish (hasher);
  report_progress (job, done, out->size);
  return TRUE;
}

static gint64
find_blob (sqlite3    *db,
           const char *hash)
{
  g_autoptr(sqlite3_stmt) stmt = paraat_db_prepare (db, "SELECT id FROM blob WHERE hash = ?1",
                                                    NULL);

  if (stmt == NULL)
    return 0;
  paraat_db_bind_text (stmt, 1, hash);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* Content already in the workspace is kept once: the new copy goes, the old one is used. */
static gboolean
seal_blob (sqlite3  *db,
           Stored   *stored,
           GError  **error)
{
  gint64 existing = find_blob (db, stored->hash);
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (db, existing ? "DELETE FROM blob WHERE id = ?2"
                                    : "UPDATE blob SET hash = ?1 WHERE id = ?2", error);

  if (stmt == NULL)
    return FALSE;
  if (!existing)
    paraat_db_bind_text (stmt, 1, stored->hash);
  sqlite3_bind_int64 (stmt, 2, stored->blob_id);
  if (!paraat_db_step_done (stmt, error))
    return FALSE;
  if (existing)
    stored->blob_id = existing;
  return TRUE;
}

static gboolean
store_content (ImportJob     *job,
               Source        *source,
               sqlite3       *db,
               Stored        *out,
               GCancellable  *cancellable,
               GError       **error)
{
  out->size = source->st.st_size;
  return (out->blob_id = insert_blob (db, out->size, error)) != 0 &&
         stream_chunks (job, source, db, out, cancellable, error) &&
         check_unchanged (source, job->file_name, error) &&
         seal_blob (db, out, error);
}

/* Items and revisions */

static gint64
insert_revision (sqlite3       *db,
                 gint64         evidence_id,
                 int            revision,
                 const char    *file_name,
                 const Stored  *stored,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (db,
                       "INSERT INTO evidence_revision (evidence_id, revision, file_name,"
                       " content_type, blob_id, size, added_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                       " ?7)", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  sqlite3_bind_int (stmt, 2, revision);
  paraat_db_bind_text (stmt, 3, file_name);
  paraat_db_bind_text (stmt, 4, stored->content_type);
  sqlite3_bind_int64 (stmt, 5, stored->blob_id);
  sqlite3_bind_int64 (stmt, 6, stored->size);
  sqlite3_bind_int64 (stmt, 7, paraat_clock_now_ms ());
  if (!paraat_db_step_done (stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (db);
}

static gint64
insert_item (sqlite3                     *db,
             const ParaatEvidenceFields  *f,
             GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (db,
                       "INSERT INTO evidence (title, track, evidence_date, valid_until, owner_id,"
                       " description, created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);

  if (stmt == NULL)
    return 0;
  paraat_db_bind_text (stmt, 1, f->title);
  paraat_db_bind_text (stmt, 2, f->track);
  paraat_db_bind_text (stmt, 3, f->evidence_date);
  paraat_db_bind_text (stmt, 4, f->valid_until);
  paraat_db_bind_id (stmt, 5, f->owner_id);
  paraat_db_bind_text (stmt, 6, f->description);
  sqlite3_bind_int64 (stmt, 7, paraat_clock_now_ms ());
  if (!paraat_db_step_done (stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (db);
}

static gboolean
insert_link (sqlite3  *db,
             gint64    evidence_id,
             gint64    requirement_id,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (db, "INSERT INTO evidence_link (evidence_id, requirement_id)"
                           " VALUES (?1, ?2)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  sqlite3_bind_int64 (stmt, 2, requirement_id);
  return paraat_db_step_done (stmt, error);
}

static void
describe_content (ParaatChanges *changes,
                  const char    *file_name,
                  const Stored  *stored)
{
  g_autofree char *size = g_strdup_printf ("%" G_GINT64_FORMAT, stored->size);

  paraat_changes_add (changes, "file", NULL, file_name);
  paraat_changes_add (changes, "sha256", NULL, stored->hash);
  paraat_changes_add (changes, "size", NULL, size);
}

/* A new item with revision 1, and its link when one was asked for. Returns its id. */
static gint64
add_item (ImportJob     *job,
          ParaatTxn     *txn,
          const Stored  *stored,
          GError       **error)
{
  sqlite3 *db = paraat_txn_get_db (txn);
  gint64 id;

  if (!(id = insert_item (db, &job->fields, error)) ||
      !insert_revision (db, id, 1, job->file_name, stored, error) ||
      (job->requirement_id && !insert_link (db, id, job->requirement_id, error)))
    return 0;

  describe_content (job->changes, job->file_name, stored);
  paraat_changes_add (job->changes, "requirement", NULL, job->requirement_name);
  if (!paraat_txn_log (txn, "evidence", id, job->fields.title, "create", job->changes, NULL,
                       error))
    return 0;
  return id;
}

/* Read inside the transaction, so two imports of new versions cannot take the same number. */
static gboolean
read_latest (sqlite3   *db,
             gint64     evidence_id,
             char     **title,
             int       *revision,
             GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (db,
                       "SELECT e.title, max(r.revision) FROM evidence e"
                       " JOIN evidence_revision r ON r.evidence_id = e.id WHERE e.id = ?1"
                       " GROUP BY e.id", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND,
                   _("That evidence is not in this workspace."));
      return FALSE;
    }
  *title = paraat_db_column_dup (stmt, 0);
  *revision = sqlite3_column_int (stmt, 1);
  return TRUE;
}

/* Revision n + 1 of an existing item. Returns the revision's id. */
static gint64
add_revision (ImportJob     *job,
              ParaatTxn     *txn,
              const Stored  *stored,
              GError       **error)
{
  sqlite3 *db = paraat_txn_get_db (txn);
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autofree char *title = NULL;
  int latest;
  gint64 id;

  if (!read_latest (db, job->evidence_id, &title, &latest, error) ||
      !(id = insert_revision (db, job->evidence_id, latest + 1, job->file_name, stored, error)))
    return 0;

  paraat_changes_add_int (changes, "revision", latest, latest + 1);
  describe_content (changes, job->file_name, stored);
  if (!paraat_txn_log (txn, "evidence", job->evidence_id, title, "evidence", changes, NULL,
                       error))
    return 0;
  return id;
}

/* The whole import */

/* SQLite reports a full disk as a database error; say what the user can do about it. */
static void
explain_failure (sqlite3     *db,
                 const char  *file_name,
                 GError     **error)
{
  if (db == NULL || (sqlite3_errcode (db) & 0xff) != SQLITE_FULL || error == NULL)
    return;
  g_clear_error (error);
  g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO,
               _("There is not enough free disk space to store “%s” in the workspace. Free "
                 "some space and try again."), file_name);
}

/* The commit leaves a large import in the write-ahead log, where it is already safe. Folding
 * it into the file copies it once more, so it happens after the result is reported. PASSIVE
 * never blocks the workspace's own connection; the log's disk space is then given back
 * unless someone is reading (no waiting: that just means later). */
static void
fold_log (ImportJob *job)
{
  if (job->db == NULL || job->stored_size < LARGE_IMPORT)
    return;
  sqlite3_wal_checkpoint_v2 (job->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  sqlite3_busy_timeout (job->db, 0);
  sqlite3_wal_checkpoint_v2 (job->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
}

static gboolean
open_db (ImportJob  *job,
         GError    **error)
{
  int chunk = 1024 * 1024;

  job->db = paraat_evidence_open_db (job->workspace_path, TRUE, &job->write_allowed, error);
  if (job->db == NULL)
    return FALSE;
  /* Otherwise the commit itself would fold the log before the caller hears of it. */
  sqlite3_wal_autocheckpoint (job->db, 0);
  /* The fold grows the file first and then fills it, so a check reading the file meanwhile
   * never sees a header that counts more pages than the file holds. */
  sqlite3_file_control (job->db, "main", SQLITE_FCNTL_CHUNK_SIZE, &chunk);
  return TRUE;
}

/* Stores and commits; returns the new item's id, or the new revision's id. */
static gint64
import_run (ImportJob     *job,
            GCancellable  *cancellable,
            GError       **error)
{
  g_auto(Source) source = { .fd = -1 };
  g_auto(Stored) stored = { 0 };
  g_autoptr(ParaatTxn) txn = NULL;
  gint64 id = 0;

  if (source_open (&source, job->path, job->file_name, error) &&
      open_db (job, error) &&
      (txn = paraat_txn_begin (job->db, &job->write_allowed, job->actor_id, job->actor_name,
                               error)) &&
      store_content (job, &source, job->db, &stored, cancellable, error) &&
      (id = job->evidence_id ? add_revision (job, txn, &stored, error)
                             : add_item (job, txn, &stored, error)) &&
      paraat_txn_commit (txn, error))
    {
      job->stored_size = stored.size;
      return id;
    }

  explain_failure (job->db, job->file_name, error);
  return 0;
}

/* Preparing on the caller's thread: everything that reads the workspace's own state. */

static ImportJob *
import_job_new (ParaatWorkspace  *self,
                const char       *path,
                GError          **error)
{
  ParaatPerson *actor = paraat_workspace_get_actor (self);
  ImportJob *job;

  if (paraat_workspace_get_db (self) == NULL)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO, _("The workspace is closed."));
      return NULL;
    }
  if (actor == NULL)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NO_ACTOR,
                   _("Choose who is working before making changes."));
      return NULL;
    }

  job = g_new0 (ImportJob, 1);
  job->workspace_path = g_strdup (paraat_workspace_get_path (self));
  job->path = g_strdup (path);
  job->file_name = g_filename_display_basename (path);
  job->actor_id = paraat_person_get_id (actor);
  job->actor_name = g_strdup (paraat_person_get_name (actor));
  return job;
}

static ImportJob *
prepare_add (ParaatWorkspace           *self,
             const char                *path,
             const ParaatEvidenceMeta  *meta,
             gint64                     requirement_id,
             GError                   **error)
{
  g_autoptr(ImportJob) job = import_job_new (self, path, error);

  if (job == NULL ||
      !paraat_evidence_fields_resolve (self, meta, NULL, job->file_name, &job->fields, error))
    return NULL;

  if (requirement_id != 0)
    {
      g_autoptr(ParaatRequirement) requirement =
        paraat_workspace_get_requirement (self, requirement_id, error);
      if (requirement == NULL)
        return NULL;
      job->requirement_id = requirement_id;
      job->requirement_name = paraat_requirement_dup_display_name (requirement);
    }

  job->changes = paraat_changes_new ();
  paraat_evidence_fields_describe (self, NULL, &job->fields, job->changes);
  return g_steal_pointer (&job);
}

static ImportJob *
prepare_revision (ParaatWorkspace  *self,
                  gint64            evidence_id,
                  const char       *path,
                  GError          **error)
{
  g_autoptr(ImportJob) job = import_job_new (self, path, error);
  g_autoptr(ParaatEvidence) evidence = NULL;

  if (job == NULL || !(evidence = paraat_workspace_get_evidence (self, evidence_id, error)))
    return NULL;
  job->evidence_id = evidence_id;
  return g_steal_pointer (&job);
}

/* Running it in a worker thread */

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;
  gint64 id = import_run (job, cancellable, &error);

  if (id == 0)
    g_task_return_error (job->reply, error);
  else
    g_task_return_int (job->reply, id);
  g_clear_object (&job->reply);

  fold_log (job);
  g_task_return_boolean (task, TRUE);
}

typedef struct
{
  GAsyncReadyCallback callback;
  gpointer            user_data;
} Reply;

/* The commit happened on the worker's connection; tell the workspace's listeners here, on
 * the caller's thread, before the caller hears the result. */
static void
on_import_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Reply *reply = user_data;

  if (!g_task_had_error (G_TASK (result)))
    paraat_workspace_notify_changed (PARAAT_WORKSPACE (source_object), "evidence");
  if (reply->callback != NULL)
    reply->callback (source_object, result, reply->user_data);
}

/* Two tasks: REPLY carries the result to the caller as soon as the content is committed;
 * the worker's own task runs on until the log is folded. */
static void
start_import (ParaatWorkspace       *self,
              ImportJob             *job,
              gpointer               source_tag,
              GCancellable          *cancellable,
              GFileProgressCallback  progress,
              gpointer               progress_data,
              GAsyncReadyCallback    callback,
              gpointer               user_data)
{
  g_autoptr(GTask) worker = NULL;
  Reply *reply = g_new0 (Reply, 1);

  reply->callback = callback;
  reply->user_data = user_data;
  job->reply = g_task_new (self, cancellable, on_import_done_cb, reply);
  g_task_set_source_tag (job->reply, source_tag);
  g_task_set_task_data (job->reply, reply, g_free);
  /* Once committed, the content is stored; a late cancel must not report otherwise. */
  g_task_set_check_cancellable (job->reply, FALSE);

  job->context = g_main_context_ref_thread_default ();
  job->progress = progress;
  job->progress_data = progress_data;

  /* No source object: a workspace closed meanwhile does not wait for the fold. */
  worker = g_task_new (NULL, cancellable, NULL, NULL);
  g_task_set_source_tag (worker, start_import);
  g_task_set_task_data (worker, job, (GDestroyNotify) import_job_free);
  g_task_set_check_cancellable (worker, FALSE);
  g_task_run_in_thread (worker, import_thread);
}

void
paraat_workspace_add_evidence_async (ParaatWorkspace           *self,
                                     const char                *path,
                                     const ParaatEvidenceMeta  *meta,
                                     gint64                     requirement_id,
                                     GCancellable              *cancellable,
                                     GFileProgressCallback      progress,
                                     gpointer                   progress_data,
                                     GAsyncReadyCallback        callback,
                                     gpointer                   user_data)
{
  GError *error = NULL;
  ImportJob *job;

  g_return_if_fail (PARAAT_IS_WORKSPACE (self));
  g_return_if_fail (path != NULL);

  job = prepare_add (self, path, meta, requirement_id, &error);
  if (job == NULL)
    {
      g_task_report_error (self, callback, user_data, paraat_workspace_add_evidence_async,
                           error);
      return;
    }
  start_import (self, job, paraat_workspace_add_evidence_async, cancellable, progress,
                progress_data, callback, user_data);
}

gint64
paraat_workspace_add_evidence_finish (ParaatWorkspace  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  gssize id;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  id = g_task_propagate_int (G_TASK (result), error);
  return id > 0 ? id : 0;   /* -1 on error */
}

gint64
paraat_workspace_add_evidence (ParaatWorkspace           *self,
                               const char                *path,
                               const ParaatEvidenceMeta  *meta,
                               gint64                     requirement_id,
                               GCancellable              *cancellable,
                               GError                   **error)
{
  g_autoptr(ImportJob) job = NULL;
  gint64 id;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (path != NULL, 0);

  if (!(job = prepare_add (self, path, meta, requirement_id, error)) ||
      !(id = import_run (job, cancellable, error)))
    return 0;

  fold_log (job);
  paraat_workspace_notify_changed (self, "evidence");
  return id;
}

gboolean
paraat_workspace_add_revision (ParaatWorkspace  *self,
                               gint64            evidence_id,
                               const char       *path,
                               GCancellable     *cancellable,
                               GError          **error)
{
  g_autoptr(ImportJob) job = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(job = prepare_revision (self, evidence_id, path, error)) ||
      import_run (job, cancellable, error) == 0)
    return FALSE;

  fold_log (job);
  paraat_workspace_notify_changed (self, "evidence");
  return TRUE;
}

void
paraat_workspace_add_revision_async (ParaatWorkspace      *self,
                                     gint64                evidence_id,
                                     const char           *path,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  GError *error = NULL;
  ImportJob *job;

  g_return_if_fail (PARAAT_IS_WORKSPACE (self));
  g_return_if_fail (path != NULL);

  job = prepare_revision (self, evidence_id, path, &error);
  if (job == NULL)
    {
      g_task_report_error (self, callback, user_data, paraat_workspace_add_revision_async,
                           error);
      return;
    }
  start_import (self, job, paraat_workspace_add_revision_async, cancellable, NULL, NULL,
                callback, user_data);
}

gboolean
paraat_workspace_add_revision_finish (ParaatWorkspace  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_int (G_TASK (result), error) > 0;   /* -1 on error */
}
