/* test-util.h — helpers shared by the headless core tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>
#include <sqlite3.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

/* An alias, so the cleanup function cannot clash with one the core may declare. */
typedef sqlite3 TestDb;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestDb, sqlite3_close)

/* A fresh temporary directory per test, removed with everything in it afterwards. */
typedef struct
{
  char *dir;
} TestDir;

void             test_dir_setup               (TestDir       *fixture,
                                               gconstpointer  data);
void             test_dir_teardown            (TestDir       *fixture,
                                               gconstpointer  data);
char            *test_dir_path                (TestDir       *fixture,
                                               const char    *name);

char            *test_util_make_tmpdir        (void);
void             test_util_rm_rf              (const char    *path);

GBytes          *test_util_read_file          (const char    *path);
void             test_util_write_file         (const char    *path,
                                               const void    *data,
                                               gsize          len);
void             test_util_copy_file          (const char    *src,
                                               const char    *dest);
void             test_util_truncate_file      (const char    *path,
                                               goffset        size);
goffset          test_util_file_size          (const char    *path);

/* Asserts PATH still holds exactly BASELINE, and that no rollback journal or write-ahead
 * log with content was left beside it (either could later be replayed into the file). */
void             test_util_assert_unchanged   (const char    *path,
                                               GBytes        *baseline);

/* A workspace created by "Anna de Boer" and closed again; returns its path. */
char            *test_util_create_closed      (const char    *dir,
                                               const char    *basename);

/* Raw SQLite access, as another tool would have it. With GUARD the connection defines
 * paraat_write_allowed() returning 1, so the guard triggers let writes through. */
TestDb          *test_util_raw_open           (const char    *path,
                                               gboolean       read_only,
                                               gboolean       guard);
void             test_util_raw_exec           (sqlite3       *db,
                                               const char    *sql);
gboolean         test_util_raw_try_exec       (sqlite3       *db,
                                               const char    *sql,
                                               char         **message);
gint64           test_util_raw_int            (sqlite3       *db,
                                               const char    *sql);
char            *test_util_raw_text           (sqlite3       *db,
                                               const char    *sql);

/* Value at JSON path PATH (SQLite's json_extract syntax) in JSON; asserts JSON is valid. */
char            *test_util_json_text          (const char    *json,
                                               const char    *path);
gint64           test_util_json_int           (const char    *json,
                                               const char    *path);

/* Asserts PROBLEMS (from paraat_check_file) is empty, listing them when it is not. */
void             test_util_assert_no_problems (GPtrArray     *problems);

gint64           test_util_trail_count        (const char    *path);
/* The newest trail entry of WS, as raw text of one COLUMN */
char            *test_util_last_trail         (ParaatWorkspace *ws,
                                               const char    *column);
/* Asserts the file of WS passes the check and its trail verifies. */
void             test_util_assert_healthy     (ParaatWorkspace *ws);
/* A "changed" handler that adds the object type to the GPtrArray USER_DATA. */
void             test_util_record_change      (ParaatWorkspace *ws,
                                               const char    *object_type,
                                               gpointer       user_data);

/* Noon UTC on DATE ("YYYY-MM-DD"), so local dates agree in any time zone tests run in. */
gint64           test_util_noon_ms            (const char    *date);
/* Fixes the clock at noon UTC on DATE. */
void             test_util_at                 (const char    *date);
gint64           test_util_requirement_id     (ParaatWorkspace *ws,
                                               const char    *framework_key,
                                               const char    *key);

/* Changes the object_label of trail entry SEQ behind Paraat's back: drops the append-only
 * trigger, edits the row and puts the trigger back. */
void             test_util_tamper_trail_label (const char    *path,
                                               gint64         seq,
                                               const char    *label);

/* Reads the ZIP archive at PATH with a reader of its own: walks the central directory and
 * asserts every entry is stored (method 0), matches its local header and has the right
 * CRC-32. Returns entry name → GBytes; *FIRST (if given) is the first entry's name. */
GHashTable      *test_util_read_zip           (const char    *path,
                                               char         **first);
/* Reads the OpenDocument Spreadsheet at PATH: a "mimetype" entry first, stored, without
 * extra field, holding the ODS media type exactly; a well-formed manifest; returns
 * content.xml parsed. */
xmlDoc          *test_util_read_ods           (const char    *path);
/* Every table:table-row of DOC in order, each a GPtrArray of its table:table-cell nodes */
GPtrArray       *test_util_ods_rows           (xmlDoc        *doc);
/* What a cell shows: its text:p paragraphs joined by newlines, text:s and text:tab
 * expanded. Asserts no text relies on white space that ODF would collapse. */
char            *test_util_ods_cell_text      (xmlNode       *cell);
/* An attribute of an ODS node in the namespace with that prefix (office, table, text) */
char            *test_util_ods_attribute      (xmlNode       *node,
                                               const char    *prefix,
                                               const char    *name);

G_END_DECLS
