/* paraat-db.h — SQLite helpers shared inside the core (never used by the UI)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

gboolean      paraat_db_exec        (sqlite3     *db,
                                     const char  *sql,
                                     GError     **error);
sqlite3_stmt *paraat_db_prepare     (sqlite3     *db,
                                     const char  *sql,
                                     GError     **error);
gboolean      paraat_db_step_done   (sqlite3_stmt *stmt,
                                     GError      **error);
gboolean      paraat_db_set_error   (sqlite3     *db,
                                     int          rc,
                                     GError     **error);
gint64        paraat_db_query_int   (sqlite3     *db,
                                     const char  *sql,
                                     gint64       fallback);
char         *paraat_db_column_dup  (sqlite3_stmt *stmt,
                                     int           column);
void          paraat_db_bind_text   (sqlite3_stmt *stmt,
                                     int           index,
                                     const char   *text);
void          paraat_db_bind_id     (sqlite3_stmt *stmt,
                                     int           index,
                                     gint64        id);
sqlite3      *paraat_db_open_readonly (const char *path,
                                       GError    **error);
void          paraat_db_register_guard (sqlite3  *db,
                                        gboolean *write_allowed);

G_END_DECLS
