/* test-cli.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <libxml/parser.h>
#include <sys/wait.h>

#include "paraat-check.h"
#include "paraat-workspace.h"
#include "test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliResult;

static void
cli_result_free (CliResult *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliResult, cli_result_free)

/* Runs paraat-cli with the NULL-terminated arguments; the process must exit, not crash. */
static CliResult *
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  CliResult *result = g_new0 (CliResult, 1);
  const char *cli = g_getenv ("PARAAT_CLI");
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);

  if (!WIFEXITED (wait_status))
    g_error ("paraat-cli %s did not exit normally (status %d); stderr:\n%s", first,
             wait_status, result->err);
  result->status = WEXITSTATUS (wait_status);
  if (g_test_verbose ())
    g_printerr ("paraat-cli %s → %d\n%s%s", first, result->status, result->out, result->err);
  return result;
}

static char *
create_with_cli (TestDir    *fixture,
                 const char *basename)
{
  g_autofree char *path = test_dir_path (fixture, basename);
  g_autoptr(CliResult) result = run_cli ("create", path, "--name", "Voorbeeld B.V.",
                                         "--person", "Anna de Boer", NULL);

  g_assert_cmpstr (result->err, ==, "");
  g_assert_cmpint (result->status, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return g_steal_pointer (&path);
}

static char *
info_json (const char *path)
{
  g_autoptr(CliResult) result = run_cli ("info", path, "--json", NULL);

  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpstr (result->err, ==, "");
  return g_steal_pointer (&result->out);
}

static void
test_help (void)
{
  static const char * const commands[] = {
    "create", "info", "check", "verify", "demo", "generate", "evidence", "actions", "metrics",
    "deadlines", "risks", "export", "report", "audit-pack",
  };
  g_autoptr(CliResult) result = run_cli ("--help", NULL);
  g_autoptr(CliResult) bare = run_cli (NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (result->status, ==, 0);
  lines = g_strsplit (result->out, "\n", -1);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      gboolean listed = FALSE;

      for (guint j = 0; lines[j] != NULL && !listed; j++)
        {
          g_autofree char *stripped = g_strchug (g_strdup (lines[j]));
          listed = g_str_has_prefix (stripped, commands[i]) &&
                   g_ascii_isspace (stripped[strlen (commands[i])]);
        }
      if (!listed)
        g_error ("“%s” is not listed in --help:\n%s", commands[i], result->out);
    }

  /* Without a command it shows the same overview, but as an error. */
  g_assert_cmpint (bare->status, ==, 2);
  g_assert_nonnull (strstr (bare->out, "generate"));
}

static void
test_unknown_command (void)
{
  g_autoptr(CliResult) result = run_cli ("frobnicate", "file.paraat", NULL);

  g_assert_cmpint (result->status, ==, 2);
  g_assert_nonnull (strstr (result->err, "frobnicate"));
}

static void
test_create_and_info (TestDir       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = create_with_cli (fixture, "org.paraat");
  g_autofree char *json = info_json (path);
  g_autofree char *organisation = test_util_json_text (json, "$.organisation");
  g_autoptr(GBytes) baseline = NULL;

  g_assert_nonnull (strstr (json, "\"schema_version\""));
  g_assert_nonnull (strstr (json, "\"organisation\":\"Voorbeeld B.V.\""));
  g_assert_cmpstr (organisation, ==, "Voorbeeld B.V.");
  g_assert_cmpint (test_util_json_int (json, "$.schema_version"), ==, PARAAT_SCHEMA_VERSION);
  g_assert_cmpint (test_util_json_int (json, "$.counts.person"), ==, 1);
  g_assert_cmpint (test_util_json_int (json, "$.counts.trail"), ==,
                   test_util_trail_count (path));

  /* The text form names the same facts. */
  {
    g_autoptr(CliResult) text = run_cli ("info", path, NULL);
    g_assert_cmpint (text->status, ==, 0);
    g_assert_nonnull (strstr (text->out, "Voorbeeld B.V."));
  }

  /* Refusals: existing file, missing --name, a team as creator. */
  baseline = test_util_read_file (path);
  {
    g_autoptr(CliResult) again = run_cli ("create", path, "--name", "Ander B.V.", "--person",
                                          "Bert Jansen", NULL);
    g_assert_cmpint (again->status, ==, 2);
    g_assert_cmpstr (again->err, !=, "");
    test_util_assert_unchanged (path, baseline);
  }
  {
    g_autofree char *other = test_dir_path (fixture, "other.paraat");
    g_autoptr(CliResult) no_name = run_cli ("create", other, "--person", "Bert Jansen", NULL);
    g_autoptr(CliResult) team = run_cli ("create", other, "--name", "Ander B.V.", "--person",
                                         "IT", NULL);
    g_assert_cmpint (no_name->status, ==, 2);
    g_assert_cmpint (team->status, ==, 2);
    g_assert_cmpstr (team->err, !=, "");
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  }
}

static void
test_check (TestDir       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = create_with_cli (fixture, "org.paraat");
  g_autofree char *damaged = test_dir_path (fixture, "damaged.paraat");
  g_autofree char *text = test_dir_path (fixture, "notes.paraat");
  g_autofree char *missing = test_dir_path (fixture, "missing.paraat");
  g_autoptr(GBytes) baseline = NULL;

  {
    g_autoptr(CliResult) result = run_cli ("check", path, NULL);
    g_assert_cmpint (result->status, ==, 0);
    g_assert_cmpstr (result->err, ==, "");
    g_assert_true (g_str_has_prefix (result->out, "OK"));
  }

  /* A copy with garbage in every page after the first. */
  {
    g_autoptr(GBytes) bytes = test_util_read_file (path);
    gsize len = g_bytes_get_size (bytes);
    guchar *garbage = g_memdup2 (g_bytes_get_data (bytes, NULL), len);
    guint page_size = (garbage[16] << 8) | garbage[17];

    g_assert_cmpuint (len, >, 2 * page_size);
    for (gsize i = page_size; i < len; i++)
      garbage[i] = (guchar) (i * 7919 % 251);
    test_util_write_file (damaged, garbage, len);
    g_free (garbage);
  }
  baseline = test_util_read_file (damaged);
  {
    g_autoptr(CliResult) result = run_cli ("check", damaged, NULL);
    g_assert_cmpint (result->status, >=, 1);
    g_assert_cmpint (result->status, <=, 2);
    g_assert_cmpstr (result->err, !=, "");
    test_util_assert_unchanged (damaged, baseline);
  }
  g_clear_pointer (&baseline, g_bytes_unref);

  test_util_write_file (text, "Not a workspace\n", 16);
  baseline = test_util_read_file (text);
  {
    g_autoptr(CliResult) result = run_cli ("check", text, NULL);
    g_assert_cmpint (result->status, ==, 2);
    g_assert_cmpstr (result->err, !=, "");
    test_util_assert_unchanged (text, baseline);
  }

  {
    g_autoptr(CliResult) result = run_cli ("check", missing, NULL);
    g_assert_cmpint (result->status, ==, 2);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
}

static void
assert_verify_ok (const char *path)
{
  g_autoptr(CliResult) result = run_cli ("verify", path, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  ParaatTrailReport report;

  g_assert_true (paraat_check_verify_trail (path, &report, &error));
  g_assert_no_error (error);
  g_assert_null (report.problem);

  g_assert_cmpint (result->status, ==, 0);
  g_assert_true (g_str_has_prefix (result->out, "OK:"));
  expected = g_strdup_printf ("OK: %" G_GINT64_FORMAT " ", report.n_entries);
  g_assert_true (g_str_has_prefix (result->out, expected));
  g_assert_nonnull (strstr (result->out, report.head_hash));
  paraat_trail_report_clear (&report);
}

static void
test_verify (TestDir       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = create_with_cli (fixture, "org.paraat");
  g_autoptr(GBytes) baseline = NULL;

  assert_verify_ok (path);

  test_util_tamper_trail_label (path, 2, "Mallory Bos");
  baseline = test_util_read_file (path);
  {
    g_autoptr(CliResult) result = run_cli ("verify", path, NULL);
    g_assert_cmpint (result->status, ==, 1);
    g_assert_false (g_str_has_prefix (result->out, "OK"));
    g_assert_cmpstr (result->err, !=, "");
    g_assert_nonnull (strstr (result->err, "2"));
  }
  test_util_assert_unchanged (path, baseline);
}

static void
test_demo (TestDir       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "demo.paraat");
  g_autoptr(CliResult) result = run_cli ("demo", path, NULL);
  g_autofree char *json = NULL;

  g_assert_cmpint (result->status, ==, 0);
  json = info_json (path);
  g_assert_cmpint (test_util_json_int (json, "$.counts.person"), ==, 8);
  g_assert_cmpint (test_util_json_int (json, "$.schema_version"), ==, PARAAT_SCHEMA_VERSION);

  {
    g_autoptr(CliResult) check = run_cli ("check", path, NULL);
    g_assert_cmpint (check->status, ==, 0);
  }
  assert_verify_ok (path);

  /* The demo does not overwrite an existing file. */
  {
    g_autoptr(GBytes) baseline = test_util_read_file (path);
    g_autoptr(CliResult) again = run_cli ("demo", path, NULL);
    g_assert_cmpint (again->status, ==, 2);
    test_util_assert_unchanged (path, baseline);
  }
}

static void
test_generate (TestDir       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "small.paraat");
  g_autofree char *bad = test_dir_path (fixture, "bad.paraat");
  g_autoptr(CliResult) result = run_cli ("generate", path, "--size", "small", NULL);
  g_autoptr(CliResult) bad_size = NULL;
  g_autofree char *json = NULL;

  g_assert_cmpint (result->status, ==, 0);
  json = info_json (path);
  g_assert_cmpint (test_util_json_int (json, "$.counts.trail"), >=, 2000);
  g_assert_cmpint (test_util_json_int (json, "$.counts.person"), >, 8);
  assert_verify_ok (path);

  bad_size = run_cli ("generate", bad, "--size", "huge", NULL);
  g_assert_cmpint (bad_size->status, ==, 2);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

static char *
verified_head_hash (const char *path)
{
  g_autoptr(CliResult) result = run_cli ("verify", path, NULL);
  const char *head;

  g_assert_cmpint (result->status, ==, 0);
  head = strstr (result->out, "head hash ");
  g_assert_nonnull (head);
  return g_strndup (head + strlen ("head hash "), 64);
}

static gint64
add_formula_person (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatWorkspace) ws = paraat_workspace_open (path, &error);
  ParaatPerson *first;
  gint64 id;

  g_assert_no_error (error);
  first = g_list_model_get_item (paraat_workspace_get_people (ws), 0);
  g_assert_true (paraat_workspace_set_actor (ws, paraat_person_get_id (first), &error));
  g_object_unref (first);
  id = paraat_workspace_add_person (ws, "=HYPERLINK(\"http://x.example\")", "-1+1", "",
                                    &error);
  g_assert_no_error (error);
  paraat_workspace_close (ws);
  return id;
}

static guint
count_entries (xmlNode *root)
{
  guint n = 0;

  for (xmlNode *node = root->children; node; node = node->next)
    if (node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, BAD_CAST "entry"))
      n++;
  return n;
}

static void
test_trail_export (TestDir       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "demo.paraat");
  g_autofree char *csv = test_dir_path (fixture, "trail.csv");
  g_autofree char *xml = test_dir_path (fixture, "trail.xml");
  g_autofree char *item_xml = test_dir_path (fixture, "person.xml");
  g_autofree char *head = NULL;
  g_autofree char *id_arg = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *verifier_out = NULL;
  g_autofree char *expected = NULL;
  gint64 n_entries, id;

  {
    g_autoptr(CliResult) demo = run_cli ("demo", path, NULL);
    g_assert_cmpint (demo->status, ==, 0);
  }
  id = add_formula_person (path);
  n_entries = test_util_trail_count (path);
  head = verified_head_hash (path);

  /* CSV: every entry with its hashes; cells a spreadsheet would run are neutralised. */
  {
    g_autoptr(CliResult) result = run_cli ("trail", path, "-o", csv, NULL);
    const char *argv[] = { g_getenv ("PARAAT_PYTHON"), g_getenv ("PARAAT_VERIFY_SCRIPT"), csv,
                           NULL };
    g_auto(GStrv) lines = NULL;
    int status = 0;
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (result->status, ==, 0);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    lines = g_strsplit (contents, "\r\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, n_entries + 2);
    g_assert_nonnull (strstr (contents, "\"'=HYPERLINK(\"\"http://x.example\"\")\""));
    g_assert_null (strstr (contents, ",\"=HYPERLINK"));

    /* An auditor's own script recomputes the same chain from the export. */
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &verifier_out, NULL, &status, &error));
    g_assert_no_error (error);
    expected = g_strdup_printf ("OK: %" G_GINT64_FORMAT " entries, head hash %s\n",
                                n_entries, head);
    g_assert_cmpstr (verifier_out, ==, expected);
  }

  /* XML: the chain's head hash and state, and every entry. */
  {
    g_autoptr(CliResult) result = run_cli ("trail", path, "--format", "xml", "-o", xml, NULL);
    xmlDoc *doc;
    xmlNode *root;
    xmlChar *attr;

    g_assert_cmpint (result->status, ==, 0);
    doc = xmlReadFile (xml, NULL, XML_PARSE_NONET);
    g_assert_nonnull (doc);
    root = xmlDocGetRootElement (doc);
    g_assert_cmpstr ((const char *) root->name, ==, "audit-trail");
    attr = xmlGetProp (root, BAD_CAST "head-hash");
    g_assert_cmpstr ((const char *) attr, ==, head);
    xmlFree (attr);
    attr = xmlGetProp (root, BAD_CAST "chain-intact");
    g_assert_cmpstr ((const char *) attr, ==, "true");
    xmlFree (attr);
    g_assert_cmpuint (count_entries (root), ==, n_entries);
    xmlFreeDoc (doc);
  }

  /* One item's history: only its entries. */
  {
    g_autoptr(CliResult) result = NULL;
    xmlDoc *doc;

    id_arg = g_strdup_printf ("person:%" G_GINT64_FORMAT, id);
    result = run_cli ("trail", path, "--format", "xml", "--item", id_arg, "-o", item_xml, NULL);
    g_assert_cmpint (result->status, ==, 0);
    doc = xmlReadFile (item_xml, NULL, XML_PARSE_NONET);
    g_assert_nonnull (doc);
    g_assert_cmpuint (count_entries (xmlDocGetRootElement (doc)), ==, 1);
    xmlFreeDoc (doc);
  }
}

static void
test_trail_export_refusals (TestDir       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = create_with_cli (fixture, "org.paraat");
  g_autofree char *out = test_dir_path (fixture, "out.csv");
  g_autofree char *nowhere = test_dir_path (fixture, "no-such-folder/out.csv");
  const char * const bad[][6] = {
    { "trail", path, "--format", "pdf", "-o", out },
    { "trail", path, "--item", "person", "-o", out },
    { "trail", path, "--item", "person:x", "-o", out },
    { "trail", path, "--format", "csv", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(CliResult) result = run_cli (bad[i][0], bad[i][1], bad[i][2], bad[i][3],
                                             bad[i][4], bad[i][5], NULL);
      g_assert_cmpint (result->status, ==, 2);
      g_assert_cmpstr (result->err, !=, "");
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }

  {
    g_autoptr(CliResult) result = run_cli ("trail", path, "-o", nowhere, NULL);
    g_assert_cmpint (result->status, ==, 2);
    g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  }
}

static void
test_catalogs (TestDir       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = create_with_cli (fixture, "org.paraat");
  g_autofree char *oscal = g_test_build_filename (G_TEST_DIST, "catalogs",
                                                  "nist-800-53-rev5-privacy-baseline-catalog.xml",
                                                  NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "catalogs",
                                                "bad-external-entity.xml", NULL);
  gint64 trail_before;

  {
    g_autoptr(CliResult) list = run_cli ("catalogs", path, "--json", NULL);
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;

    g_assert_cmpint (list->status, ==, 0);
    first = test_util_json_text (list->out, "$[0].key");
    second = test_util_json_text (list->out, "$[1].key");
    g_assert_cmpstr (first, ==, "iso27001-2022");
    g_assert_cmpint (test_util_json_int (list->out, "$[0].requirements"), ==, 127);
    g_assert_cmpstr (second, ==, "nis2");
  }

  /* A hostile catalog is refused and leaves the workspace as it was. */
  trail_before = test_util_trail_count (path);
  {
    g_autoptr(CliResult) refused = run_cli ("import-catalog", path, bad, "--person",
                                            "Anna de Boer", NULL);
    g_assert_cmpint (refused->status, ==, 2);
    g_assert_nonnull (strstr (refused->err, "DOCTYPE"));
  }
  g_assert_cmpint (test_util_trail_count (path), ==, trail_before);

  /* Someone outside the directory cannot import. */
  {
    g_autoptr(CliResult) stranger = run_cli ("import-catalog", path, oscal, "--person",
                                             "Mallory Bos", NULL);
    g_assert_cmpint (stranger->status, ==, 2);
  }

  {
    g_autoptr(CliResult) imported = run_cli ("import-catalog", path, oscal, "--person",
                                             "Anna de Boer", NULL);
    g_autoptr(CliResult) list = run_cli ("catalogs", path, "--json", NULL);
    g_autofree char *format = test_util_json_text (list->out, "$[2].format");

    g_assert_cmpint (imported->status, ==, 0);
    g_assert_cmpint (test_util_json_int (list->out, "$[2].requirements"), ==, 102);
    g_assert_cmpstr (format, ==, "oscal");
  }
  g_assert_cmpint (test_util_trail_count (path), ==, trail_before + 1);
}

static void
test_evidence (TestDir       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = create_with_cli (fixture, "org.paraat");
  g_autofree char *policy = test_dir_path (fixture, "policy.md");
  g_autofree char *scan = test_dir_path (fixture, "scan.csv");
  g_autofree char *out = test_dir_path (fixture, "out.md");
  g_autofree char *sha = NULL;
  g_autofree char *expected_sha = NULL;
  gint64 trail_before;

  test_util_write_file (policy, "# Information security policy\n", 30);
  test_util_write_file (scan, "host,critical\nweb01,0\n", 22);
  {
    g_autoptr(GBytes) bytes = test_util_read_file (policy);
    expected_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  }

  {
    g_autoptr(CliResult) added = run_cli ("evidence", "add", path, policy, scan, "--track",
                                          "operation", "--link", "iso27001-2022:A.5.1",
                                          "--link", "nis2:21(2)(a)", "--person", "Anna de Boer",
                                          NULL);
    g_assert_cmpint (added->status, ==, 0);
    g_assert_cmpstr (added->err, ==, "");
    g_assert_nonnull (strstr (added->out, expected_sha));
  }

  {
    g_autoptr(CliResult) list = run_cli ("evidence", "list", path, "--json", NULL);
    g_autofree char *title = NULL;
    g_autofree char *track = NULL;
    g_autofree char *freshness = NULL;
    g_autofree char *link = NULL;

    g_assert_cmpint (list->status, ==, 0);
    title = test_util_json_text (list->out, "$[0].title");
    track = test_util_json_text (list->out, "$[0].track");
    freshness = test_util_json_text (list->out, "$[0].freshness");
    sha = test_util_json_text (list->out, "$[0].sha256");
    link = test_util_json_text (list->out, "$[0].links[1]");
    g_assert_cmpstr (title, ==, "policy.md");
    g_assert_cmpstr (track, ==, "operation");
    g_assert_cmpstr (freshness, ==, "fresh");
    g_assert_cmpstr (sha, ==, expected_sha);
    g_assert_cmpstr (link, ==, "nis2:21(2)(a)");
    g_assert_cmpint (test_util_json_int (list->out, "$[0].revision"), ==, 1);
    g_assert_cmpint (test_util_json_int (list->out, "$[0].size"), ==, 30);
    g_assert_cmpint (test_util_json_int (list->out, "$[1].id"), ==, 2);
  }

  {
    g_autoptr(CliResult) get = run_cli ("evidence", "get", path, "1", "-o", out, NULL);
    g_autoptr(GBytes) a = test_util_read_file (policy);
    g_autoptr(GBytes) b = test_util_read_file (out);

    g_assert_cmpint (get->status, ==, 0);
    g_assert_true (g_bytes_equal (a, b));
  }

  /* Refusals store nothing: a device, an unknown requirement, a missing version. */
  trail_before = test_util_trail_count (path);
  {
    g_autoptr(CliResult) device = run_cli ("evidence", "add", path, "/dev/null", "--person",
                                           "Anna de Boer", NULL);
    g_autoptr(CliResult) unknown = run_cli ("evidence", "add", path, policy, "--link",
                                            "iso27001-2022:Z.9", "--person", "Anna de Boer",
                                            NULL);
    g_autoptr(CliResult) version = run_cli ("evidence", "get", path, "1", "-o", out,
                                            "--revision", "2", NULL);
    g_autoptr(CliResult) verb = run_cli ("evidence", "frobnicate", NULL);

    g_assert_cmpint (device->status, ==, 2);
    g_assert_cmpstr (device->err, !=, "");
    g_assert_cmpint (unknown->status, ==, 2);
    g_assert_cmpint (version->status, ==, 2);
    g_assert_cmpint (verb->status, ==, 2);
  }
  g_assert_cmpint (test_util_trail_count (path), ==, trail_before);
}

static gint64
json_array_length (const char *json,
                   const char *where)
{
  g_autoptr(TestDb) db = test_util_raw_open (":memory:", FALSE, FALSE);
  g_autofree char *sql = g_strconcat ("SELECT count(*) FROM json_each(?1)", where, NULL);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Actions, metrics and deadlines agree with each other on the demo, and change nothing. */
static void
test_actions (TestDir       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "demo.paraat");
  g_autofree char *ics = test_dir_path (fixture, "deadlines.ics");
  g_autofree char *calendar = NULL;
  g_autoptr(GBytes) baseline = NULL;
  g_autoptr(CliResult) all = NULL;
  g_autoptr(CliResult) overdue = NULL;
  g_autoptr(CliResult) plain = NULL;
  g_autoptr(CliResult) metrics = NULL;
  g_autoptr(CliResult) past = NULL;
  gint64 n_all, n_active, n_overdue;
  guint n_todos = 0;

  {
    g_autoptr(CliResult) demo = run_cli ("demo", path, NULL);
    g_assert_cmpint (demo->status, ==, 0);
  }
  baseline = test_util_read_file (path);

  all = run_cli ("actions", path, "--json", NULL);
  g_assert_cmpint (all->status, ==, 0);
  g_assert_cmpstr (all->err, ==, "");
  n_all = json_array_length (all->out, "");
  g_assert_cmpint (n_all, >=, 35);
  n_active = json_array_length (all->out, " WHERE json_extract(value, '$.status')"
                                          " IN ('open', 'in-progress', 'awaiting-review')");
  g_assert_cmpint (json_array_length (all->out, " WHERE json_extract(value, '$.status')"
                                                " = 'closed' AND json_extract(value,"
                                                " '$.reviewer') IS NULL"), ==, 0);
  g_assert_cmpint (json_array_length (all->out, " WHERE json_extract(value, '$.source')"
                                                " = 'scan-gap' AND json_extract(value,"
                                                " '$.scan_id') > 0"), >, 0);

  overdue = run_cli ("actions", path, "--json", "--overdue", NULL);
  g_assert_cmpint (overdue->status, ==, 0);
  n_overdue = json_array_length (overdue->out, "");
  g_assert_cmpint (n_overdue, >, 0);
  g_assert_cmpint (json_array_length (overdue->out, " WHERE json_extract(value, '$.overdue')"
                                                    " = 1 AND json_extract(value,"
                                                    " '$.days_overdue') > 0"), ==, n_overdue);

  plain = run_cli ("actions", path, NULL);
  g_assert_cmpint (plain->status, ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (g_strchomp (plain->out), "\n", -1);
    g_assert_cmpint (g_strv_length (lines), ==, n_all);
  }

  metrics = run_cli ("metrics", path, "--json", NULL);
  g_assert_cmpint (metrics->status, ==, 0);
  g_assert_cmpint (test_util_json_int (metrics->out, "$.overdue"), ==, n_overdue);
  g_assert_cmpint (test_util_json_int (metrics->out, "$.open_high_risk"), >, 0);
  g_assert_cmpint (test_util_json_int (metrics->out, "$.closed_corrective"), >, 0);
  g_assert_cmpint (test_util_json_int (metrics->out, "$.applicable_requirements"), >, 100);
  g_assert_cmpint (test_util_json_int (metrics->out, "$.close_window_days"), ==, 90);

  /* Long before the story started nothing was open. */
  past = run_cli ("metrics", path, "--json", "--at", "2000-01-01", NULL);
  g_assert_cmpint (past->status, ==, 0);
  g_assert_cmpint (test_util_json_int (past->out, "$.open_high_risk"), ==, 0);
  {
    g_autofree char *at = test_util_json_text (past->out, "$.at");
    g_autofree char *mean = test_util_json_text (past->out, "$.mean_days_to_close");
    g_assert_cmpstr (at, ==, "2000-01-01");
    g_assert_null (mean);
  }
  {
    g_autoptr(CliResult) bad = run_cli ("metrics", path, "--at", "2026-02-30", NULL);
    g_autoptr(CliResult) text = run_cli ("metrics", path, NULL);
    g_assert_cmpint (bad->status, ==, 2);
    g_assert_nonnull (strstr (bad->err, "2026-02-30"));
    g_assert_cmpint (text->status, ==, 0);
    g_assert_nonnull (strstr (text->out, "Open high-risk actions:"));
  }

  {
    g_autoptr(CliResult) export = run_cli ("deadlines", path, "-o", ics, NULL);
    g_autoptr(CliResult) missing = run_cli ("deadlines", path, NULL);
    g_auto(GStrv) lines = NULL;

    g_assert_cmpint (export->status, ==, 0);
    g_assert_cmpint (missing->status, ==, 2);
    g_assert_true (g_file_get_contents (ics, &calendar, NULL, NULL));
    g_assert_true (g_str_has_prefix (calendar, "BEGIN:VCALENDAR\r\n"));
    lines = g_strsplit (calendar, "\r\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
      n_todos += g_str_equal (lines[i], "BEGIN:VTODO");
    g_assert_cmpint (n_todos, ==, n_active);
  }

  test_util_assert_unchanged (path, baseline);
}

/* Count of the elements of the array at PATH in JSON that match WHERE (on json_each) */
static gint64
json_count (const char *json,
            const char *path,
            const char *where)
{
  g_autoptr(TestDb) db = test_util_raw_open (":memory:", FALSE, FALSE);
  g_autofree char *sql = g_strconcat ("SELECT count(*) FROM json_each(?1, ?2)", where, NULL);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, path, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* The risk register, the scope and the exceptions of the demo, read without a change */
static void
test_risks (TestDir       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "demo.paraat");
  g_autoptr(GBytes) baseline = NULL;
  g_autoptr(CliResult) all = NULL;
  g_autoptr(CliResult) text = NULL;
  gint64 n_risks;

  {
    g_autoptr(CliResult) demo = run_cli ("demo", path, NULL);
    g_assert_cmpint (demo->status, ==, 0);
  }
  baseline = test_util_read_file (path);

  all = run_cli ("risks", path, "--json", NULL);
  g_assert_cmpint (all->status, ==, 0);
  g_assert_cmpstr (all->err, ==, "");
  n_risks = json_count (all->out, "$.risks", "");
  g_assert_cmpint (n_risks, >=, 15);
  /* Highest score first, each with its level, owner and linked requirements by label */
  g_assert_cmpint (test_util_json_int (all->out, "$.risks[0].score"), ==, 20);
  {
    g_autofree char *level = test_util_json_text (all->out, "$.risks[0].level");
    g_autofree char *req = test_util_json_text (all->out, "$.risks[0].requirements[0]");
    g_assert_cmpstr (level, ==, "critical");
    g_assert_true (g_str_has_prefix (req, "iso27001-2022 A."));
  }
  g_assert_cmpint (json_count (all->out, "$.risks", " WHERE json_extract(value, '$.score') !="
                                                    " json_extract(value, '$.likelihood') *"
                                                    " json_extract(value, '$.impact')"), ==, 0);
  g_assert_cmpint (json_count (all->out, "$.risks", " WHERE json_extract(value, '$.owner')"
                                                    " IS NULL"), ==, 0);
  g_assert_cmpint (json_count (all->out, "$.risks", " WHERE json_extract(value,"
                                                    " '$.treatment') = 'accept' AND"
                                                    " json_extract(value, '$.accepted_by')"
                                                    " IS NULL"), ==, 0);
  g_assert_cmpint (json_count (all->out, "$.risks", " WHERE json_extract(value,"
                                                    " '$.residual_score') > 0"), >, n_risks / 2);
  g_assert_cmpint (json_count (all->out, "$.scope", " WHERE json_extract(value,"
                                                    " '$.in_scope') = 0 AND json_extract(value,"
                                                    " '$.justification') != ''"), >=, 2);
  g_assert_cmpint (json_count (all->out, "$.exceptions", ""), ==, 3);
  g_assert_cmpint (json_count (all->out, "$.exceptions", " WHERE json_extract(value,"
                                                         " '$.state') IN ('valid', 'expiring',"
                                                         " 'expired')"), ==, 3);

  /* One register at a time */
  {
    g_autoptr(CliResult) scope = run_cli ("risks", path, "--what", "scope", "--json", NULL);
    g_autoptr(CliResult) exceptions = run_cli ("risks", path, "--what", "exceptions", NULL);
    g_autoptr(CliResult) bad = run_cli ("risks", path, "--what", "dragons", NULL);
    g_autofree char *risks = test_util_json_text (scope->out, "$.risks");

    g_assert_cmpint (scope->status, ==, 0);
    g_assert_null (risks);
    g_assert_cmpint (json_count (scope->out, "$.scope", ""), >=, 12);
    g_assert_cmpint (exceptions->status, ==, 0);
    g_assert_nonnull (strstr (exceptions->out, "Expired"));
    g_assert_cmpint (bad->status, ==, 2);
    g_assert_nonnull (strstr (bad->err, "dragons"));
  }

  text = run_cli ("risks", path, NULL);
  g_assert_cmpint (text->status, ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (g_strchomp (text->out), "\n", -1);
    g_assert_cmpint (g_strv_length (lines), ==, n_risks);
    g_assert_nonnull (strstr (lines[0], "Critical"));
  }

  test_util_assert_unchanged (path, baseline);
}

/* Charts are drawn from a workspace opened read-only; a bad kind is refused clearly. */
static void
test_chart (TestDir       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "demo.paraat");
  g_autofree char *png = test_dir_path (fixture, "radar.png");
  g_autofree char *svg = test_dir_path (fixture, "actions.svg");
  g_autoptr(GBytes) baseline = NULL;

  {
    g_autoptr(CliResult) demo = run_cli ("demo", path, NULL);
    g_assert_cmpint (demo->status, ==, 0);
  }
  baseline = test_util_read_file (path);

  {
    g_autoptr(CliResult) result = run_cli ("chart", path, "--kind", "radar", "--format", "png",
                                           "-o", png, "--width", "640", "--height", "480", NULL);
    g_autoptr(GBytes) bytes = NULL;

    g_assert_cmpstr (result->err, ==, "");
    g_assert_cmpint (result->status, ==, 0);
    g_assert_nonnull (strstr (result->out, "radar.png"));
    bytes = test_util_read_file (png);
    g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 4, "\x89PNG", 4);
  }
  {
    /* The format follows the file name when not given */
    g_autoptr(CliResult) result = run_cli ("chart", path, "--kind", "actions", "-o", svg,
                                           "--from", "2026-01-01", "--to", "2026-06-30", NULL);
    g_autoptr(GBytes) bytes = NULL;

    g_assert_cmpint (result->status, ==, 0);
    bytes = test_util_read_file (svg);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), 200, "<svg"));
  }
  {
    g_autoptr(CliResult) result = run_cli ("chart", path, "--kind", "pie", "-o", png, NULL);

    g_assert_cmpint (result->status, ==, 2);
    g_assert_nonnull (strstr (result->err, "--kind must be radar, readiness, trend"));
  }
  {
    g_autoptr(CliResult) result = run_cli ("chart", path, "--kind", "trend", NULL);

    g_assert_cmpint (result->status, ==, 2);
    g_assert_nonnull (strstr (result->err, "-o"));
  }
  {
    g_autoptr(CliResult) result = run_cli ("chart", path, "--kind", "actions", "-o", png,
                                           "--from", "2026-02-30", NULL);

    g_assert_cmpint (result->status, ==, 2);
    g_assert_nonnull (strstr (result->err, "2026-02-30"));
  }
  test_util_assert_unchanged (path, baseline);
}

/* A register as CSV, ODS or PDF, without changing the workspace */
static void
test_export (TestDir       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "demo.paraat");
  g_autofree char *csv = test_dir_path (fixture, "soa.csv");
  g_autofree char *ods = test_dir_path (fixture, "soa.ods");
  g_autoptr(GBytes) baseline = NULL;

  {
    g_autoptr(CliResult) demo = run_cli ("demo", path, NULL);
    g_assert_cmpint (demo->status, ==, 0);
  }
  baseline = test_util_read_file (path);

  {
    g_autoptr(CliResult) result = run_cli ("export", path, "--what", "soa", "-o", csv, NULL);
    g_autoptr(GBytes) bytes = NULL;
    g_auto(GStrv) lines = NULL;

    g_assert_cmpstr (result->err, ==, "");
    g_assert_cmpint (result->status, ==, 0);
    g_assert_nonnull (strstr (result->out, "93"));
    bytes = test_util_read_file (csv);
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 3, "\xEF\xBB\xBF", 3);
    lines = g_strsplit ((const char *) g_bytes_get_data (bytes, NULL) + 3, "\r\n", -1);
    g_assert_true (g_str_has_prefix (lines[0], "\"Control\",\"Title\",\"Applicable\""));
    g_assert_true (g_str_has_prefix (lines[1], "\"A.5.1\","));
  }
  {
    g_autoptr(CliResult) result = run_cli ("export", path, "--what", "requirements",
                                           "--framework", "nis2", "--format", "csv", "-o", csv,
                                           NULL);
    g_assert_cmpint (result->status, ==, 0);
  }
  {
    g_autoptr(CliResult) result = run_cli ("export", path, "--what", "soa", "--format", "ods",
                                           "-o", ods, NULL);
    g_autoptr(GPtrArray) rows = NULL;
    g_autofree char *first = NULL;
    xmlDoc *doc;

    g_assert_cmpstr (result->err, ==, "");
    g_assert_cmpint (result->status, ==, 0);
    g_assert_nonnull (strstr (result->out, "93"));
    doc = test_util_read_ods (ods);
    rows = test_util_ods_rows (doc);
    g_assert_cmpuint (rows->len, ==, 94);
    first = test_util_ods_cell_text (g_ptr_array_index ((GPtrArray *) rows->pdata[0], 0));
    g_assert_cmpstr (first, ==, "Control");
    xmlFreeDoc (doc);
  }
  {
    /* Without --format, the extension decides */
    g_autofree char *risks = test_dir_path (fixture, "risks.ODS");
    g_autoptr(CliResult) result = run_cli ("export", path, "--what", "risks", "-o", risks,
                                           NULL);
    const char *python = g_getenv ("PARAAT_PYTHON");
    xmlDoc *doc;

    g_assert_cmpstr (result->err, ==, "");
    g_assert_cmpint (result->status, ==, 0);
    doc = test_util_read_ods (risks);
    xmlFreeDoc (doc);
    if (python != NULL && python[0] != '\0')
      {
        const char *argv[] = {
          python, "-c",
          "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; "
          "assert z.namelist()[0]=='mimetype'; "
          "assert z.getinfo('mimetype').compress_type==zipfile.ZIP_STORED",
          NULL, NULL,
        };
        g_autoptr(GError) error = NULL;
        int wait_status = 0;

        for (guint i = 0; i < 2; i++)
          {
            argv[3] = i == 0 ? ods : risks;
            g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                          NULL, &wait_status, &error);
            g_assert_no_error (error);
            g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
          }
      }
  }
  {
    g_autofree char *other = test_dir_path (fixture, "soa.xlsx");
    g_autoptr(CliResult) result = run_cli ("export", path, "--what", "soa", "--format", "xlsx",
                                           "-o", other, NULL);

    g_assert_cmpint (result->status, ==, 2);
    g_assert_nonnull (strstr (result->err, "--format must be"));
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  }
  {
    g_autofree char *pdf_path = test_dir_path (fixture, "soa.pdf");
    g_autoptr(CliResult) result = run_cli ("export", path, "--what", "soa", "--language", "en",
                                           "-o", pdf_path, NULL);
    g_autoptr(GBytes) bytes = NULL;

    g_assert_cmpint (result->status, ==, 0);
    g_assert_nonnull (strstr (result->out, "93 rows"));
    bytes = test_util_read_file (pdf_path);
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);
  }
  {
    g_autoptr(CliResult) pdf = run_cli ("export", path, "--what", "soa", "--language", "fr",
                                        "-o", ods, NULL);
    g_autoptr(CliResult) what = run_cli ("export", path, "--what", "dragons", "-o", csv, NULL);
    g_autoptr(CliResult) output = run_cli ("export", path, "--what", "risks", NULL);
    g_autoptr(CliResult) framework = run_cli ("export", path, "--what", "requirements",
                                              "--framework", "dora", "-o", csv, NULL);

    g_assert_cmpint (pdf->status, ==, 2);
    g_assert_nonnull (strstr (pdf->err, "--language must be"));
    g_assert_cmpint (what->status, ==, 2);
    g_assert_nonnull (strstr (what->err, "--what must be"));
    g_assert_cmpint (output->status, ==, 2);
    g_assert_nonnull (strstr (output->err, "-o"));
    g_assert_cmpint (framework->status, ==, 2);
    g_assert_nonnull (strstr (framework->err, "dora"));
  }
  test_util_assert_unchanged (path, baseline);
}

/* The board report and the audit pack from the command line */
static void
test_documents (TestDir       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "demo.paraat");
  g_autofree char *report = test_dir_path (fixture, "board.pdf");
  g_autofree char *pack = test_dir_path (fixture, "pack");
  g_autofree char *manifest = test_dir_path (fixture, "pack/MANIFEST.sha256");
  g_autoptr(GBytes) baseline = NULL;

  {
    g_autoptr(CliResult) demo = run_cli ("demo", path, NULL);
    g_assert_cmpint (demo->status, ==, 0);
  }
  baseline = test_util_read_file (path);
  {
    g_autoptr(CliResult) result = run_cli ("report", path, "-o", report, NULL);
    g_autoptr(GBytes) bytes = NULL;

    g_assert_cmpint (result->status, ==, 0);
    g_assert_nonnull (strstr (result->out, "board.pdf"));
    bytes = test_util_read_file (report);
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);
  }
  {
    g_autoptr(CliResult) result = run_cli ("audit-pack", path, "-o", pack, "--language", "en",
                                           NULL);
    g_autoptr(CliResult) again = run_cli ("audit-pack", path, "-o", pack, NULL);
    g_autoptr(CliResult) no_output = run_cli ("report", path, NULL);

    g_assert_cmpint (result->status, ==, 0);
    g_assert_true (g_file_test (manifest, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (again->status, ==, 2);
    g_assert_nonnull (strstr (again->err, "already exists"));
    g_assert_cmpint (no_output->status, ==, 2);
    g_assert_nonnull (strstr (no_output->err, "-o"));
  }
  test_util_assert_unchanged (path, baseline);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, TestDir, NULL, test_dir_setup, func, test_dir_teardown)

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/unknown-command", test_unknown_command);
  ADD ("/cli/create-and-info", test_create_and_info);
  ADD ("/cli/check", test_check);
  ADD ("/cli/verify", test_verify);
  ADD ("/cli/demo", test_demo);
  ADD ("/cli/generate", test_generate);
  ADD ("/cli/trail-export", test_trail_export);
  ADD ("/cli/trail-export-refusals", test_trail_export_refusals);
  ADD ("/cli/catalogs", test_catalogs);
  ADD ("/cli/evidence", test_evidence);
  ADD ("/cli/actions", test_actions);
  ADD ("/cli/risks", test_risks);
  ADD ("/cli/chart", test_chart);
  ADD ("/cli/export", test_export);
  ADD ("/cli/documents", test_documents);

#undef ADD

  return g_test_run ();
}
