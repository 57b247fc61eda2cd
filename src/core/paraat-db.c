/* paraat-db.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <unistd.h>

#include "paraat-db.h"
#include "paraat-error.h"
#include "paraat-i18n.h"

gboolean
paraat_db_set_error (sqlite3  *db,
                     int       rc,
                     GError  **error)
{
  int code = PARAAT_ERROR_DATABASE;

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = PARAAT_ERROR_CORRUPT;
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = PARAAT_ERROR_READ_ONLY;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = PARAAT_ERROR_LOCKED;
      break;
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      code = PARAAT_ERROR_IO;
      break;
    default:
      break;
    }

  g_set_error (error, PARAAT_ERROR, code, _("The workspace database reported an error: %s"),
               db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

gboolean
paraat_db_exec (sqlite3     *db,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return paraat_db_set_error (db, rc, error);
  return TRUE;
}

sqlite3_stmt *
paraat_db_prepare (sqlite3     *db,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      paraat_db_set_error (db, rc, error);
      return NULL;
    }
  return stmt;
}

gboolean
paraat_db_step_done (sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return paraat_db_set_error (sqlite3_db_handle (stmt), rc, error);
  return TRUE;
}

gint64
paraat_db_query_int (sqlite3    *db,
                     const char *sql,
                     gint64      fallback)
{
  g_autoptr(sqlite3_stmt) stmt = paraat_db_prepare (db, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return fallback;
  return sqlite3_column_int64 (stmt, 0);
}

char *
paraat_db_column_dup (sqlite3_stmt *stmt,
                      int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

void
paraat_db_bind_text (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
paraat_db_bind_id (sqlite3_stmt *stmt,
                   int           index,
                   gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

static void
write_allowed_func (sqlite3_context  *context,
                    int               argc,
                    sqlite3_value   **argv)
{
  gboolean *allowed = sqlite3_user_data (context);

  sqlite3_result_int (context, *allowed ? 1 : 0);
}

/* Data tables carry triggers that call paraat_write_allowed(): only a change that goes
 * through ParaatTxn — and so writes its audit-trail entry — may modify them. Other tools
 * lack the function, so their writes fail as well. */
void
paraat_db_register_guard (sqlite3  *db,
                          gboolean *write_allowed)
{
  sqlite3_create_function (db, "paraat_write_allowed", 0, SQLITE_UTF8, write_allowed,
                           write_allowed_func, NULL, NULL);
}

/* A workspace without a -wal file is not open for writing anywhere (a WAL writer always
 * keeps one), so it is read as immutable: SQLite then creates no -shm/-wal files beside
 * it, which also works in read-only folders and leaves nothing behind. */
sqlite3 *
paraat_db_open_readonly (const char  *path,
                         GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW;
  int rc;

  if (!g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, NULL);
      if (file_uri != NULL)
        {
          uri = g_strconcat (file_uri, "?immutable=1", NULL);
          flags |= SQLITE_OPEN_URI;
        }
    }

  rc = sqlite3_open_v2 (uri ? uri : absolute, &db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      paraat_db_set_error (db, rc, error);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 2000);
  sqlite3_extended_result_codes (db, 1);
  return db;
}
