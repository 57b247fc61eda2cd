/* test-export.c — every register as a table, as CSV and as ODS: headings, row counts, RFC 4180
 * quoting, formula neutralisation, UTF-8, failures that leave nothing, Dutch headings
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "paraat-action.h"
#include "paraat-catalog.h"
#include "paraat-csv.h"
#include "paraat-demo.h"
#include "paraat-error.h"
#include "paraat-evidence.h"
#include "paraat-export.h"
#include "paraat-framework.h"
#include "paraat-requirement.h"
#include "paraat-review.h"
#include "paraat-risk.h"
#include "test-util.h"

#define BOM "\xEF\xBB\xBF"

/* A strict RFC 4180 reader: records end in CRLF, quoted fields may hold anything with
 * quotes doubled. Returns rows of fields (GStrv); fails the test on malformed input. */
static GPtrArray *
parse_csv (const char *text,
           gsize       len)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text, *end = text + len;

  while (p < end)
    {
      if (*p == '"')
        {
          for (p++; ; p++)
            {
              g_assert_true (p < end);   /* an unterminated quote */
              if (*p == '"' && p + 1 < end && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          p++;
        }
      else
        {
          for (; p < end && *p != ',' && *p != '\r' && *p != '\n'; p++)
            {
              g_assert_cmpint (*p, !=, '"');   /* a quote inside an unquoted field */
              g_string_append_c (field, *p);
            }
        }

      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (p < end && *p == ',')
        {
          p++;
          continue;
        }
      g_assert_true (p + 1 < end && p[0] == '\r' && p[1] == '\n');
      p += 2;
      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
    }
  return rows;
}

/* The file at PATH, which must start with a UTF-8 byte order mark */
static GPtrArray *
read_csv (const char *path)
{
  g_autoptr(GBytes) bytes = test_util_read_file (path);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_assert_cmpuint (len, >=, 3);
  g_assert_cmpmem (data, 3, BOM, 3);
  g_assert_true (g_utf8_validate (data + 3, len - 3, NULL));
  return parse_csv (data + 3, len - 3);
}

static ParaatWorkspace *
open_demo (TestDir *fixture)
{
  g_autofree char *path = test_dir_path (fixture, "demo.paraat");
  g_autoptr(GError) error = NULL;
  ParaatWorkspace *ws = paraat_demo_create (path, &error);

  g_assert_no_error (error);
  return ws;
}

static guint
n_items (GListModel *model)
{
  guint n;

  g_assert_nonnull (model);
  n = g_list_model_get_n_items (model);
  g_object_unref (model);
  return n;
}

static gint64
framework_id (ParaatWorkspace *ws,
              const char      *key)
{
  GListModel *frameworks = paraat_workspace_get_frameworks (ws);

  for (guint i = 0; i < g_list_model_get_n_items (frameworks); i++)
    {
      g_autoptr(ParaatFramework) f = g_list_model_get_item (frameworks, i);
      if (g_str_equal (paraat_framework_get_key (f), key))
        return paraat_framework_get_id (f);
    }
  g_assert_not_reached ();
}

static guint
expected_rows (ParaatWorkspace  *ws,
               ParaatExportKind  kind)
{
  switch (kind)
    {
    case PARAAT_EXPORT_SOA:
      return 93;
    case PARAAT_EXPORT_REQUIREMENTS:
      {
        GListModel *frameworks = paraat_workspace_get_frameworks (ws);
        guint n = 0;

        for (guint i = 0; i < g_list_model_get_n_items (frameworks); i++)
          {
            g_autoptr(ParaatFramework) f = g_list_model_get_item (frameworks, i);
            if (paraat_framework_get_enabled (f))
              n += n_items (paraat_workspace_list_requirements (ws, paraat_framework_get_id (f),
                                                                NULL));
          }
        return n;
      }
    case PARAAT_EXPORT_ACTIONS:
      return n_items (paraat_workspace_list_actions (ws, NULL));
    case PARAAT_EXPORT_RISKS:
      return n_items (paraat_workspace_list_risks (ws, NULL));
    case PARAAT_EXPORT_EXCEPTIONS:
      return n_items (paraat_workspace_list_exceptions (ws, NULL));
    case PARAAT_EXPORT_SCOPE:
      return n_items (paraat_workspace_list_scope_items (ws, NULL));
    case PARAAT_EXPORT_EVIDENCE:
      return n_items (paraat_workspace_list_evidence (ws, NULL));
    case PARAAT_EXPORT_REVIEWS:
      {
        g_autoptr(GListModel) reviews = paraat_workspace_list_reviews (ws, NULL);
        guint n = 0;

        for (guint i = 0; i < g_list_model_get_n_items (reviews); i++)
          {
            g_autoptr(ParaatReview) r = g_list_model_get_item (reviews, i);
            n += MAX (1, paraat_review_get_n_decisions (r));
          }
        return n;
      }
    case PARAAT_N_EXPORTS:
    default:
      g_assert_not_reached ();
    }
}

static const char * const first_headings[PARAAT_N_EXPORTS] = {
  "Control", "Framework", "Title", "Title", "Requirements", "Kind", "Title", "Review",
};

/* Each register: the file holds the table's headings and cells exactly, one record each */
static void
test_every_kind (TestDir       *fixture,
                 gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = open_demo (fixture);

  for (ParaatExportKind kind = 0; kind < PARAAT_N_EXPORTS; kind++)
    {
      const char *name = paraat_export_kind_to_string (kind);
      g_autofree char *basename = g_strconcat (name, ".csv", NULL);
      g_autofree char *path = test_dir_path (fixture, basename);
      g_autoptr(GError) error = NULL;
      g_autoptr(ParaatExportTable) table = paraat_workspace_build_export (ws, kind, NULL,
                                                                          &error);
      g_autoptr(GPtrArray) rows = NULL;
      ParaatExportKind parsed;
      guint n_columns;

      g_test_message ("%s", name);
      g_assert_no_error (error);
      g_assert_true (paraat_export_kind_from_string (name, &parsed));
      g_assert_cmpint (parsed, ==, kind);
      g_assert_cmpint (paraat_export_table_get_kind (table), ==, kind);
      g_assert_cmpstr (paraat_export_table_get_title (table), !=, "");
      g_assert_cmpuint (paraat_export_table_get_n_rows (table), ==, expected_rows (ws, kind));
      g_assert_cmpuint (paraat_export_table_get_n_rows (table), >, 0);

      g_assert_true (paraat_export_table_write_csv (table, path, &error));
      g_assert_no_error (error);
      rows = read_csv (path);
      n_columns = paraat_export_table_get_n_columns (table);
      g_assert_cmpuint (rows->len, ==, paraat_export_table_get_n_rows (table) + 1);
      g_assert_cmpstr (((char **) rows->pdata[0])[0], ==, first_headings[kind]);

      for (guint r = 0; r < rows->len; r++)
        {
          char **fields = g_ptr_array_index (rows, r);

          g_assert_cmpuint (g_strv_length (fields), ==, n_columns);
          for (guint c = 0; c < n_columns; c++)
            {
              const char *want = r == 0 ? paraat_export_table_get_heading (table, c)
                                        : paraat_export_table_get_cell (table, r - 1, c);
              /* Neutralised cells carry one extra leading apostrophe */
              const char *got = fields[c];

              if (want[0] != '\0' && strchr ("=+-@'\t\r", want[0]) != NULL)
                {
                  g_assert_cmpint (got[0], ==, '\'');
                  got++;
                }
              g_assert_cmpstr (got, ==, want);
            }
        }
    }
  g_assert_false (paraat_export_kind_from_string ("dragons", &(ParaatExportKind) { 0 }));
}

/* The SoA: every Annex A control once, in words, with evidence titles and NIS2 measures */
static void
test_soa (TestDir       *fixture,
          gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = open_demo (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatExportTable) table = paraat_workspace_build_export (ws, PARAAT_EXPORT_SOA,
                                                                      NULL, &error);
  g_autoptr(GHashTable) controls = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean any_evidence = FALSE, any_nis2 = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (paraat_export_table_get_n_columns (table), ==, 8);
  g_assert_cmpstr (paraat_export_table_get_heading (table, 7), ==, "NIS2 measures");
  for (guint r = 0; r < paraat_export_table_get_n_rows (table); r++)
    {
      const char *control = paraat_export_table_get_cell (table, r, 0);
      const char *applicable = paraat_export_table_get_cell (table, r, 2);

      g_assert_true (g_str_has_prefix (control, "A."));
      g_assert_true (g_hash_table_add (controls, (gpointer) control));
      g_assert_true (g_str_equal (applicable, "Yes") || g_str_equal (applicable, "No"));
      any_evidence |= paraat_export_table_get_cell (table, r, 6)[0] != '\0';
      any_nis2 |= g_str_has_prefix (paraat_export_table_get_cell (table, r, 7), "2");
    }
  g_assert_cmpuint (g_hash_table_size (controls), ==, 93);
  g_assert_true (g_hash_table_contains (controls, "A.5.1"));
  g_assert_true (g_hash_table_contains (controls, "A.8.34"));
  g_assert_true (any_evidence);
  g_assert_true (any_nis2);
}

/* One framework's requirements, or a clear error for one the workspace lacks */
static void
test_requirements_framework (TestDir       *fixture,
                             gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = open_demo (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatExportTable) nis2 = paraat_workspace_build_export (ws,
                                                                     PARAAT_EXPORT_REQUIREMENTS,
                                                                     "nis2", &error);
  g_autoptr(ParaatExportTable) none = NULL;
  guint n_nis2 = n_items (paraat_workspace_list_requirements (ws, framework_id (ws, "nis2"),
                                                              NULL));

  g_assert_no_error (error);
  g_assert_cmpuint (paraat_export_table_get_n_rows (nis2), ==, n_nis2);
  for (guint r = 0; r < n_nis2; r++)
    g_assert_cmpstr (paraat_export_table_get_cell (nis2, r, 0), ==,
                     paraat_export_table_get_cell (nis2, 0, 0));

  none = paraat_workspace_build_export (ws, PARAAT_EXPORT_REQUIREMENTS, "dora", &error);
  g_assert_null (none);
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "dora"));
}

static gint64
add_action (ParaatWorkspace *ws,
            const char      *title,
            const char      *decision)
{
  g_autoptr(GError) error = NULL;
  ParaatPerson *actor = paraat_workspace_get_actor (ws);
  ParaatActionSpec spec = {
    .title = title,
    .decision = decision,
    .source = PARAAT_SOURCE_OTHER,
    .owner_id = paraat_person_get_id (actor),
    .due_date = "2030-01-31",
    .priority = PARAAT_PRIORITY_LOW,
    .required_track = PARAAT_TRACK_POLICY,
    .required_evidence = "",
    .project = "",
    .quarter = "",
  };
  gint64 id = paraat_workspace_create_action (ws, &spec, &error);

  g_assert_no_error (error);
  return id;
}

static char **
find_row (GPtrArray  *rows,
          const char *first)
{
  for (guint r = 1; r < rows->len; r++)
    {
      char **fields = g_ptr_array_index (rows, r);
      if (g_str_equal (fields[0], first))
        return fields;
    }
  g_error ("no row starts with “%s”", first);
}

/* Formulas are neutralised; commas, quotes, line breaks and accents survive the round trip */
static void
test_quoting (TestDir       *fixture,
              gconstpointer  data)
{
  static const char *tricky = "Noël’s café, \"quoted\"\r\nsecond line\nthird, ë";
  g_autoptr(ParaatWorkspace) ws = open_demo (fixture);
  g_autofree char *path = test_dir_path (fixture, "actions.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatExportTable) table = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char **row;

  add_action (ws, "=HYPERLINK(\"http://example.com\",\"x\")", tricky);
  add_action (ws, "@SUM(A1:A2)", "-2+3");
  add_action (ws, "Privacyverklaring één, twee", "+31 20 123 4567");

  table = paraat_workspace_build_export (ws, PARAAT_EXPORT_ACTIONS, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (paraat_export_table_write_csv (table, path, &error));
  g_assert_no_error (error);

  /* In the raw bytes, the formula is inside quotes behind an apostrophe */
  bytes = test_util_read_file (path);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\""));
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               ",=HYPERLINK"));

  rows = read_csv (path);
  g_assert_cmpuint (rows->len, ==, expected_rows (ws, PARAAT_EXPORT_ACTIONS) + 1);
  row = find_row (rows, "'=HYPERLINK(\"http://example.com\",\"x\")");
  g_assert_cmpstr (row[1], ==, tricky);
  row = find_row (rows, "'@SUM(A1:A2)");
  g_assert_cmpstr (row[1], ==, "'-2+3");
  row = find_row (rows, "Privacyverklaring één, twee");
  g_assert_cmpstr (row[1], ==, "'+31 20 123 4567");

  /* The shared cell rule, as the trail export has always used it */
  {
    static const struct { const char *in, *out; } cases[] = {
      { NULL, "\"\"" }, { "", "\"\"" }, { "plain", "\"plain\"" }, { "a\"b", "\"a\"\"b\"" },
      { "=1+1", "\"'=1+1\"" }, { "+1", "\"'+1\"" }, { "-1", "\"'-1\"" }, { "@x", "\"'@x\"" },
      { "'x", "\"''x\"" }, { "\tx", "\"'\tx\"" }, { "\rx", "\"'\rx\"" }, { "a,b", "\"a,b\"" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *cell = paraat_csv_cell (cases[i].in);
        g_assert_cmpstr (cell, ==, cases[i].out);
      }
  }
}

/* A folder that cannot be written to gives a clear error and leaves no file at all */
static void
test_unwritable (TestDir       *fixture,
                 gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = open_demo (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatExportTable) table = paraat_workspace_build_export (ws, PARAAT_EXPORT_SCOPE,
                                                                      NULL, &error);
  g_autofree char *missing = test_dir_path (fixture, "no-such-folder/scope.csv");
  g_autofree char *locked = test_dir_path (fixture, "locked");
  g_autofree char *inside = g_build_filename (locked, "scope.csv", NULL);

  g_assert_no_error (error);
  g_assert_false (paraat_export_table_write_csv (table, missing, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "scope.csv"));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
  if (access (locked, W_OK) == 0)
    {
      g_test_message ("running with privileges that ignore folder permissions");
      g_assert_cmpint (g_chmod (locked, 0700), ==, 0);
      return;
    }
  g_assert_false (paraat_export_table_write_csv (table, inside, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "not writable"));
  g_assert_cmpint (g_chmod (locked, 0700), ==, 0);
  {
    g_autoptr(GDir) dir = g_dir_open (locked, 0, NULL);
    g_assert_null (g_dir_read_name (dir));
  }
}

/* A whole number without sign but minus and without leading zeros is a number in ODS */
static gboolean
is_integer (const char *value)
{
  const char *digits = value[0] == '-' ? value + 1 : value;
  gsize n = strspn (digits, "0123456789");

  if (n == 0 || digits[n] != '\0' || n > 15)
    return FALSE;
  return digits[0] != '0' || (n == 1 && digits == value);
}

/* What the ODS cell must show for VALUE: the CSV's apostrophe, line ends as newlines */
static char *
ods_expected (const char *value)
{
  g_autofree char *marked = (value[0] != '\0' && strchr ("=+-@'\t\r", value[0]) != NULL)
                            ? g_strconcat ("'", value, NULL) : g_strdup (value);
  g_autoptr(GString) out = g_string_new (marked);

  g_string_replace (out, "\r\n", "\n", 0);
  g_string_replace (out, "\r", "\n", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Asserts the ODS at PATH holds TABLE exactly; returns its rows for further checks */
static GPtrArray *
check_ods (ParaatExportTable *table,
           const char        *path,
           xmlDoc           **doc_out)
{
  xmlDoc *doc = test_util_read_ods (path);
  GPtrArray *rows = test_util_ods_rows (doc);
  guint n_columns = paraat_export_table_get_n_columns (table);

  g_assert_cmpuint (rows->len, ==, paraat_export_table_get_n_rows (table) + 1);
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (rows, r);

      g_assert_cmpuint (cells->len, ==, n_columns);
      for (guint c = 0; c < n_columns; c++)
        {
          const char *want = r == 0 ? paraat_export_table_get_heading (table, c)
                                    : paraat_export_table_get_cell (table, r - 1, c);
          xmlNode *cell = g_ptr_array_index (cells, c);
          g_autofree char *type = test_util_ods_attribute (cell, "office", "value-type");
          g_autofree char *value = test_util_ods_attribute (cell, "office", "value");
          g_autofree char *text = test_util_ods_cell_text (cell);

          if (is_integer (want))
            {
              g_assert_cmpstr (type, ==, "float");
              g_assert_cmpstr (value, ==, want);
              g_assert_cmpstr (text, ==, want);
            }
          else
            {
              g_autofree char *expected = ods_expected (want);

              g_assert_cmpstr (type, ==, "string");
              g_assert_null (value);
              g_assert_cmpstr (text, ==, expected);
            }
        }
    }
  *doc_out = doc;
  return rows;
}

static char *
ods_sheet_name (xmlDoc *doc)
{
  for (xmlNode *n = xmlDocGetRootElement (doc)->children; n; n = n->next)
    if (g_str_equal ((const char *) n->name, "body"))
      for (xmlNode *s = n->children; s; s = s->next)
        if (g_str_equal ((const char *) s->name, "spreadsheet"))
          for (xmlNode *t = s->children; t; t = t->next)
            if (t->type == XML_ELEMENT_NODE && g_str_equal ((const char *) t->name, "table"))
              return test_util_ods_attribute (t, "table", "name");
  g_assert_not_reached ();
}

/* Each register as ODS: a valid archive whose sheet holds the table's headings and cells */
static void
test_ods_every_kind (TestDir       *fixture,
                     gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = open_demo (fixture);

  for (ParaatExportKind kind = 0; kind < PARAAT_N_EXPORTS; kind++)
    {
      const char *name = paraat_export_kind_to_string (kind);
      g_autofree char *basename = g_strconcat (name, ".ods", NULL);
      g_autofree char *path = test_dir_path (fixture, basename);
      g_autoptr(GError) error = NULL;
      g_autoptr(ParaatExportTable) table = paraat_workspace_build_export (ws, kind, NULL,
                                                                          &error);
      g_autoptr(GPtrArray) rows = NULL;
      g_autofree char *sheet = NULL;
      g_autofree char *first = NULL;
      xmlDoc *doc = NULL;

      g_test_message ("%s", name);
      g_assert_no_error (error);
      g_assert_true (paraat_export_table_write_ods (table, path, &error));
      g_assert_no_error (error);
      rows = check_ods (table, path, &doc);
      first = test_util_ods_cell_text (g_ptr_array_index ((GPtrArray *) rows->pdata[0], 0));
      g_assert_cmpstr (first, ==, first_headings[kind]);
      sheet = ods_sheet_name (doc);
      g_assert_cmpuint (g_utf8_strlen (sheet, -1), <=, 31);
      g_assert_cmpuint (g_utf8_strlen (sheet, -1), >, 0);
      g_assert_null (strpbrk (sheet, "[]*?:/\\"));
      if (kind == PARAAT_EXPORT_SOA)
        g_assert_cmpstr (sheet, ==, "Statement of Applicability");
      xmlFreeDoc (doc);
    }
}

/* In ODS too: formulas neutralised, numbers as numbers, accents, line breaks and spaces kept */
static void
test_ods_cells (TestDir       *fixture,
                gconstpointer  data)
{
  static const char *tricky = "Noël’s café, \"quoted\" <b>&amp;\r\nsecond  line\nthird,\të";
  g_autoptr(ParaatWorkspace) ws = open_demo (fixture);
  g_autofree char *path = test_dir_path (fixture, "actions.ods");
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatExportTable) table = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  xmlDoc *doc = NULL;
  guint found = 0;

  add_action (ws, "=HYPERLINK(\"http://example.com\",\"x\")", tricky);
  add_action (ws, "@SUM(A1:A2)", "-2+3");
  add_action (ws, "Privacyverklaring één, twee", "12  345");
  add_action (ws, "4711", "007");

  table = paraat_workspace_build_export (ws, PARAAT_EXPORT_ACTIONS, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (paraat_export_table_write_ods (table, path, &error));
  g_assert_no_error (error);
  rows = check_ods (table, path, &doc);

  for (guint r = 1; r < rows->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (rows, r);
      g_autofree char *title = test_util_ods_cell_text (g_ptr_array_index (cells, 0));
      g_autofree char *type = test_util_ods_attribute (g_ptr_array_index (cells, 0), "office",
                                                       "value-type");
      g_autofree char *decision = test_util_ods_cell_text (g_ptr_array_index (cells, 1));
      g_autofree char *decision_type = test_util_ods_attribute (g_ptr_array_index (cells, 1),
                                                                "office", "value-type");

      if (g_str_has_prefix (title, "'=HYPERLINK"))
        {
          g_assert_cmpstr (title, ==, "'=HYPERLINK(\"http://example.com\",\"x\")");
          g_assert_cmpstr (type, ==, "string");
          g_assert_cmpstr (decision, ==,
                           "Noël’s café, \"quoted\" <b>&amp;\nsecond  line\nthird,\të");
          found++;
        }
      else if (g_str_equal (title, "'@SUM(A1:A2)"))
        {
          g_assert_cmpstr (decision, ==, "'-2+3");
          g_assert_cmpstr (decision_type, ==, "string");
          found++;
        }
      else if (g_str_equal (title, "Privacyverklaring één, twee"))
        {
          g_assert_cmpstr (decision, ==, "12  345");
          g_assert_cmpstr (decision_type, ==, "string");
          found++;
        }
      else if (g_str_equal (title, "4711"))
        {
          g_assert_cmpstr (type, ==, "float");
          g_assert_cmpstr (decision, ==, "007");
          g_assert_cmpstr (decision_type, ==, "string");
          found++;
        }
      g_assert_false (g_str_has_prefix (title, "=") || g_str_has_prefix (title, "@"));
    }
  g_assert_cmpuint (found, ==, 4);
  xmlFreeDoc (doc);
}

/* A failed ODS write leaves no file, and keeps an earlier one intact */
static void
test_ods_unwritable (TestDir       *fixture,
                     gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = open_demo (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatExportTable) table = paraat_workspace_build_export (ws, PARAAT_EXPORT_SCOPE,
                                                                      NULL, &error);
  g_autofree char *missing = test_dir_path (fixture, "no-such-folder/scope.ods");
  g_autofree char *locked = test_dir_path (fixture, "locked");
  g_autofree char *inside = g_build_filename (locked, "scope.ods", NULL);

  g_assert_no_error (error);
  g_assert_false (paraat_export_table_write_ods (table, missing, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "scope.ods"));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (locked, 0700), ==, 0);
  test_util_write_file (inside, "earlier", 7);
  g_assert_cmpint (g_chmod (locked, 0500), ==, 0);
  if (access (locked, W_OK) == 0)
    {
      g_test_message ("running with privileges that ignore folder permissions");
      g_assert_cmpint (g_chmod (locked, 0700), ==, 0);
      return;
    }
  g_assert_false (paraat_export_table_write_ods (table, inside, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "not writable"));
  g_assert_cmpint (g_chmod (locked, 0700), ==, 0);
  {
    g_autoptr(GBytes) earlier = test_util_read_file (inside);
    g_autoptr(GDir) dir = g_dir_open (locked, 0, NULL);

    g_assert_cmpmem (g_bytes_get_data (earlier, NULL), g_bytes_get_size (earlier),
                     "earlier", 7);
    g_assert_cmpstr (g_dir_read_name (dir), ==, "scope.ods");
    g_assert_null (g_dir_read_name (dir));
  }
}

/* Headings and values in words follow the UI language */
static void
test_dutch (TestDir       *fixture,
            gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = open_demo (fixture);
  g_autofree char *localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po",
                                                 NULL);
  g_autofree char *mo = g_build_filename (localedir, "nl", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(ParaatExportTable) english = NULL;
  g_autoptr(ParaatExportTable) dutch = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the Dutch translation has not been built");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  english = paraat_workspace_build_export (ws, PARAAT_EXPORT_RISKS, NULL, &error);
  g_assert_no_error (error);
  g_setenv ("LANGUAGE", "nl", TRUE);
  textdomain (textdomain (NULL));   /* makes gettext look at LANGUAGE again */
  dutch = paraat_workspace_build_export (ws, PARAAT_EXPORT_RISKS, NULL, &error);
  g_unsetenv ("LANGUAGE");
  textdomain (textdomain (NULL));
  g_assert_no_error (error);

  g_assert_cmpstr (paraat_export_table_get_heading (english, 0), ==, "Title");
  g_assert_cmpstr (paraat_export_table_get_heading (dutch, 0), ==, "Titel");
  g_assert_cmpstr (paraat_export_table_get_heading (dutch, 9), ==, "Eigenaar");
  /* The same risks, the treatment in Dutch words */
  g_assert_cmpuint (paraat_export_table_get_n_rows (dutch), ==,
                    paraat_export_table_get_n_rows (english));
  g_assert_cmpstr (paraat_export_table_get_cell (dutch, 0, 0), ==,
                   paraat_export_table_get_cell (english, 0, 0));
  g_assert_cmpstr (paraat_export_table_get_cell (dutch, 0, 8), !=,
                   paraat_export_table_get_cell (english, 0, 8));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, TestDir, NULL, test_dir_setup, func, test_dir_teardown)

  ADD ("/export/every-kind", test_every_kind);
  ADD ("/export/soa", test_soa);
  ADD ("/export/requirements-framework", test_requirements_framework);
  ADD ("/export/quoting", test_quoting);
  ADD ("/export/unwritable", test_unwritable);
  ADD ("/export/dutch", test_dutch);
  ADD ("/export/ods-every-kind", test_ods_every_kind);
  ADD ("/export/ods-cells", test_ods_cells);
  ADD ("/export/ods-unwritable", test_ods_unwritable);

#undef ADD

  return g_test_run ();
}
