/* test-util.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paraat-check.h"
#include "paraat-clock.h"
#include "paraat-error.h"
#include "paraat-requirement.h"
#include "paraat-trail.h"
#include "test-util.h"

char *
test_util_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("paraat-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

void
test_util_rm_rf (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      /* Tests make folders read-only; give the permission back before emptying them. */
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          test_util_rm_rf (child);
        }
      g_assert_cmpint (g_rmdir (path), ==, 0);
    }
  else
    {
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

void
test_dir_setup (TestDir       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_util_make_tmpdir ();
}

void
test_dir_teardown (TestDir       *fixture,
                   gconstpointer  data)
{
  test_util_rm_rf (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

char *
test_dir_path (TestDir    *fixture,
               const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

GBytes *
test_util_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

void
test_util_write_file (const char *path,
                      const void *data,
                      gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

void
test_util_copy_file (const char *src,
                     const char *dest)
{
  g_autoptr(GBytes) bytes = test_util_read_file (src);

  test_util_write_file (dest, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

void
test_util_truncate_file (const char *path,
                         goffset     size)
{
  g_assert_cmpint (truncate (path, size), ==, 0);
}

goffset
test_util_file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

void
test_util_assert_unchanged (const char *path,
                            GBytes     *baseline)
{
  static const char * const sidecars[] = { "-wal", "-journal" };
  g_autoptr(GBytes) now = test_util_read_file (path);

  g_assert_cmpmem (g_bytes_get_data (now, NULL), g_bytes_get_size (now),
                   g_bytes_get_data (baseline, NULL), g_bytes_get_size (baseline));

  for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autofree char *sidecar = g_strconcat (path, sidecars[i], NULL);
      GStatBuf st;

      if (g_stat (sidecar, &st) == 0)
        g_assert_cmpint (st.st_size, ==, 0);
    }
}

char *
test_util_create_closed (const char *dir,
                         const char *basename)
{
  g_autofree char *path = g_build_filename (dir, basename, NULL);
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;

  ws = paraat_workspace_create (path, "Voorbeeld B.V.", "Anna de Boer", &error);
  g_assert_no_error (error);
  g_assert_nonnull (ws);
  paraat_workspace_close (ws);
  return g_steal_pointer (&path);
}

static void
write_allowed_func (sqlite3_context  *context,
                    int               argc,
                    sqlite3_value   **argv)
{
  sqlite3_result_int (context, 1);
}

TestDb *
test_util_raw_open (const char *path,
                    gboolean    read_only,
                    gboolean    guard)
{
  sqlite3 *db = NULL;
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2 (path, &db, flags, NULL);

  if (rc != SQLITE_OK)
    g_error ("Cannot open %s: %s", path, sqlite3_errmsg (db));
  sqlite3_busy_timeout (db, 2000);
  if (guard)
    sqlite3_create_function (db, "paraat_write_allowed", 0, SQLITE_UTF8, NULL,
                             write_allowed_func, NULL, NULL);
  return db;
}

gboolean
test_util_raw_try_exec (sqlite3     *db,
                        const char  *sql,
                        char       **message)
{
  char *errmsg = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &errmsg);

  if (message != NULL)
    *message = g_strdup (errmsg);
  sqlite3_free (errmsg);
  return rc == SQLITE_OK;
}

void
test_util_raw_exec (sqlite3    *db,
                    const char *sql)
{
  g_autofree char *message = NULL;

  if (!test_util_raw_try_exec (db, sql, &message))
    g_error ("SQL failed: %s\n%s", message, sql);
}

static sqlite3_stmt *
raw_query (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("SQL failed: %s\n%s", sqlite3_errmsg (db), sql);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("SQL returned no row: %s\n%s", sqlite3_errmsg (db), sql);
  return stmt;
}

gint64
test_util_raw_int (sqlite3    *db,
                   const char *sql)
{
  sqlite3_stmt *stmt = raw_query (db, sql);
  gint64 value = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);
  return value;
}

char *
test_util_raw_text (sqlite3    *db,
                    const char *sql)
{
  sqlite3_stmt *stmt = raw_query (db, sql);
  char *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  sqlite3_finalize (stmt);
  return value;
}

/* SQLite's JSON functions parse JSON for us; GLib has no JSON parser. */
static sqlite3_stmt *
json_query (sqlite3    *db,
            const char *json,
            const char *path)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT json_valid(?1), json_extract(?1, ?2)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, path, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  if (sqlite3_column_int (stmt, 0) != 1)
    g_error ("Not valid JSON: %s", json);
  return stmt;
}

char *
test_util_json_text (const char *json,
                     const char *path)
{
  g_autoptr(TestDb) db = test_util_raw_open (":memory:", FALSE, FALSE);
  sqlite3_stmt *stmt = json_query (db, json, path);
  char *value = g_strdup ((const char *) sqlite3_column_text (stmt, 1));

  sqlite3_finalize (stmt);
  return value;
}

gint64
test_util_json_int (const char *json,
                    const char *path)
{
  g_autoptr(TestDb) db = test_util_raw_open (":memory:", FALSE, FALSE);
  sqlite3_stmt *stmt = json_query (db, json, path);
  gint64 value;

  g_assert_cmpint (sqlite3_column_type (stmt, 1), ==, SQLITE_INTEGER);
  value = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  return value;
}

gint64
test_util_trail_count (const char *path)
{
  g_autoptr(TestDb) db = test_util_raw_open (path, TRUE, FALSE);

  return test_util_raw_int (db, "SELECT count(*) FROM trail");
}

void
test_util_tamper_trail_label (const char *path,
                              gint64      seq,
                              const char *label)
{
  g_autoptr(TestDb) db = test_util_raw_open (path, FALSE, FALSE);
  g_autofree char *trigger = test_util_raw_text (db,
                                                 "SELECT sql FROM sqlite_schema WHERE name ="
                                                 " 'trail_append_only_update'");
  char *update = sqlite3_mprintf ("UPDATE trail SET object_label = %Q WHERE seq = %lld",
                                  label, (long long) seq);

  test_util_raw_exec (db, "DROP TRIGGER trail_append_only_update");
  test_util_raw_exec (db, update);
  sqlite3_free (update);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  test_util_raw_exec (db, trigger);
}

void
test_util_assert_no_problems (GPtrArray *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_nonnull (problems);
  if (problems->len == 0)
    return;
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (text, "\n  %s", (const char *) g_ptr_array_index (problems, i));
  g_error ("paraat_check_file reported %u problem(s):%s", problems->len, text->str);
}

char *
test_util_last_trail (ParaatWorkspace *ws,
                      const char      *column)
{
  g_autoptr(TestDb) raw = test_util_raw_open (paraat_workspace_get_path (ws), TRUE, FALSE);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM trail ORDER BY seq DESC LIMIT 1",
                                          column);

  return test_util_raw_text (raw, sql);
}

void
test_util_assert_healthy (ParaatWorkspace *ws)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  ParaatTrailReport report;

  g_assert_true (paraat_check_file (paraat_workspace_get_path (ws), &problems, &error));
  g_assert_no_error (error);
  test_util_assert_no_problems (problems);
  g_assert_true (paraat_check_verify_trail (paraat_workspace_get_path (ws), &report, &error));
  g_assert_null (report.problem);
  paraat_trail_report_clear (&report);
}

void
test_util_record_change (ParaatWorkspace *ws,
                         const char      *object_type,
                         gpointer         user_data)
{
  g_ptr_array_add (user_data, g_strdup (object_type));
}

gint64
test_util_noon_ms (const char *date)
{
  g_autofree char *iso = g_strconcat (date, "T12:00:00Z", NULL);
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt) * 1000;
}

void
test_util_at (const char *date)
{
  paraat_clock_set_fixed_ms (test_util_noon_ms (date));
}

gint64
test_util_requirement_id (ParaatWorkspace *ws,
                          const char      *framework_key,
                          const char      *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatRequirement) r = paraat_workspace_find_requirement (ws, framework_key, key,
                                                                     &error);

  g_assert_no_error (error);
  return paraat_requirement_get_id (r);
}

/* ZIP and ODS, read back independently of the writer */

static guint32
bitwise_crc32 (const guint8 *data,
               gsize         len)
{
  guint32 crc = 0xFFFFFFFF;

  for (gsize i = 0; i < len; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xEDB88320U & -(crc & 1));
    }
  return ~crc;
}

static guint
get16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
get32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

GHashTable *
test_util_read_zip (const char  *path,
                    char       **first)
{
  g_autoptr(GBytes) bytes = test_util_read_file (path);
  GHashTable *entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_bytes_unref);
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  const guint8 *end_record = NULL, *p;
  guint n_entries;
  guint32 dir_size, dir_offset;

  g_assert_cmpuint (len, >=, 22);
  for (gsize i = len - 22; ; i--)
    {
      if (get32 (data + i) == 0x06054b50)
        {
          end_record = data + i;
          break;
        }
      g_assert_cmpuint (i, >, 0);
    }
  g_assert_cmpuint (get16 (end_record + 4), ==, 0);
  g_assert_cmpuint (get16 (end_record + 8), ==, get16 (end_record + 10));
  n_entries = get16 (end_record + 10);
  dir_size = get32 (end_record + 12);
  dir_offset = get32 (end_record + 16);
  g_assert_cmpuint ((gsize) dir_offset + dir_size, ==, (gsize) (end_record - data));

  p = data + dir_offset;
  for (guint i = 0; i < n_entries; i++)
    {
      guint method, name_len, extra_len, comment_len, local_name_len, local_extra_len;
      guint32 crc, size, offset;
      const guint8 *local, *content;
      char *name;

      g_assert_cmpuint (p + 46 - data, <=, (gsize) (end_record - data));
      g_assert_cmpuint (get32 (p), ==, 0x02014b50);
      method = get16 (p + 10);
      crc = get32 (p + 16);
      size = get32 (p + 20);
      g_assert_cmpuint (get32 (p + 24), ==, size);   /* stored: both sizes equal */
      name_len = get16 (p + 28);
      extra_len = get16 (p + 30);
      comment_len = get16 (p + 32);
      offset = get32 (p + 42);
      name = g_strndup ((const char *) p + 46, name_len);
      g_assert_cmpuint (method, ==, 0);

      g_assert_cmpuint ((gsize) offset + 30, <=, dir_offset);
      local = data + offset;
      g_assert_cmpuint (get32 (local), ==, 0x04034b50);
      g_assert_cmpuint (get16 (local + 8), ==, 0);
      g_assert_cmpuint (get32 (local + 14), ==, crc);
      g_assert_cmpuint (get32 (local + 18), ==, size);
      g_assert_cmpuint (get32 (local + 22), ==, size);
      local_name_len = get16 (local + 26);
      local_extra_len = get16 (local + 28);
      g_assert_cmpmem (local + 30, local_name_len, name, name_len);
      content = local + 30 + local_name_len + local_extra_len;
      g_assert_cmpuint ((gsize) (content - data) + size, <=, dir_offset);
      g_assert_cmpuint (bitwise_crc32 (content, size), ==, crc);

      if (i == 0 && first != NULL)
        *first = g_strdup (name);
      if (g_str_equal (name, "mimetype"))
        g_assert_cmpuint (local_extra_len, ==, 0);
      g_assert_false (g_hash_table_contains (entries, name));
      g_hash_table_insert (entries, name, g_bytes_new (content, size));
      p += 46 + name_len + extra_len + comment_len;
    }
  g_assert_true (p == end_record);
  return entries;
}

#define ODS_MIMETYPE "application/vnd.oasis.opendocument.spreadsheet"

xmlDoc *
test_util_read_ods (const char *path)
{
  g_autofree char *first = NULL;
  g_autoptr(GHashTable) entries = test_util_read_zip (path, &first);
  g_autoptr(GBytes) head = test_util_read_file (path);
  GBytes *mimetype, *manifest, *content;
  xmlDoc *doc;

  /* What file(1) and desktops look for: "mimetype" and the type at fixed offsets */
  g_assert_cmpstr (first, ==, "mimetype");
  g_assert_cmpuint (g_bytes_get_size (head), >, 38 + strlen (ODS_MIMETYPE));
  g_assert_cmpmem ((const char *) g_bytes_get_data (head, NULL) + 30, 8, "mimetype", 8);
  g_assert_cmpmem ((const char *) g_bytes_get_data (head, NULL) + 38, strlen (ODS_MIMETYPE),
                   ODS_MIMETYPE, strlen (ODS_MIMETYPE));

  mimetype = g_hash_table_lookup (entries, "mimetype");
  g_assert_nonnull (mimetype);
  g_assert_cmpmem (g_bytes_get_data (mimetype, NULL), g_bytes_get_size (mimetype),
                   ODS_MIMETYPE, strlen (ODS_MIMETYPE));

  manifest = g_hash_table_lookup (entries, "META-INF/manifest.xml");
  g_assert_nonnull (manifest);
  doc = xmlReadMemory (g_bytes_get_data (manifest, NULL), g_bytes_get_size (manifest),
                       "manifest.xml", "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "manifest");
  xmlFreeDoc (doc);

  content = g_hash_table_lookup (entries, "content.xml");
  g_assert_nonnull (content);
  doc = xmlReadMemory (g_bytes_get_data (content, NULL), g_bytes_get_size (content),
                       "content.xml", "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "document-content");
  return doc;
}

static const char *
ods_namespace (const char *prefix)
{
  if (g_str_equal (prefix, "office"))
    return "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
  if (g_str_equal (prefix, "table"))
    return "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
  if (g_str_equal (prefix, "text"))
    return "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
  g_assert_not_reached ();
}

static gboolean
is_ods (xmlNode    *node,
        const char *prefix,
        const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_str_equal ((const char *) node->ns->href, ods_namespace (prefix)) &&
         g_str_equal ((const char *) node->name, name);
}

char *
test_util_ods_attribute (xmlNode    *node,
                         const char *prefix,
                         const char *name)
{
  xmlChar *value = xmlGetNsProp (node, BAD_CAST name, BAD_CAST ods_namespace (prefix));
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static void
collect_rows (xmlNode   *node,
              GPtrArray *rows)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_ods (child, "table", "table-row"))
        {
          GPtrArray *cells = g_ptr_array_new ();

          for (xmlNode *cell = child->children; cell != NULL; cell = cell->next)
            if (is_ods (cell, "table", "table-cell"))
              g_ptr_array_add (cells, cell);
          g_ptr_array_add (rows, cells);
        }
      else if (child->type == XML_ELEMENT_NODE)
        collect_rows (child, rows);
    }
}

GPtrArray *
test_util_ods_rows (xmlDoc *doc)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  collect_rows (xmlDocGetRootElement (doc), rows);
  return rows;
}

char *
test_util_ods_cell_text (xmlNode *cell)
{
  GString *text = g_string_new (NULL);
  gboolean first = TRUE;

  for (xmlNode *p = cell->children; p != NULL; p = p->next)
    {
      if (!is_ods (p, "text", "p"))
        continue;
      if (!first)
        g_string_append_c (text, '\n');
      first = FALSE;
      for (xmlNode *part = p->children; part != NULL; part = part->next)
        {
          if (part->type == XML_TEXT_NODE)
            {
              const char *s = (const char *) part->content;

              g_assert_null (strstr (s, "  "));
              g_assert_null (strpbrk (s, "\t\r\n"));
              g_assert_false (part == p->children && s[0] == ' ');
              g_assert_false (part->next == NULL && g_str_has_suffix (s, " "));
              g_string_append (text, s);
            }
          else if (is_ods (part, "text", "s"))
            {
              g_autofree char *c = test_util_ods_attribute (part, "text", "c");
              guint n = c ? (guint) g_ascii_strtoull (c, NULL, 10) : 1;

              for (guint i = 0; i < n; i++)
                g_string_append_c (text, ' ');
            }
          else if (is_ods (part, "text", "tab"))
            g_string_append_c (text, '\t');
          else
            g_assert_not_reached ();
        }
    }
  return g_string_free (text, FALSE);
}
