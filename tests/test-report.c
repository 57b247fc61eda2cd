/* test-report.c — the board report, PDF registers, the audit pack and document languages,
 * read back as a reader would: text from the PDF, files and checksums from the folder
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "paraat-action.h"
#include "paraat-demo.h"
#include "paraat-error.h"
#include "paraat-evidence.h"
#include "paraat-export.h"
#include "paraat-i18n.h"
#include "paraat-pdf.h"
#include "paraat-report.h"
#include "paraat-risk.h"
#include "test-util.h"

static GThread *main_thread;

static ParaatWorkspace *
open_demo (TestDir *fixture)
{
  g_autofree char *path = test_dir_path (fixture, "demo.paraat");
  g_autoptr(GError) error = NULL;
  ParaatWorkspace *ws = paraat_demo_create (path, &error);

  g_assert_no_error (error);
  return ws;
}

/* The text of every page, as pdftotext extracts it: one string per page */
static GStrv
pdf_pages (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  char **pages;
  guint n;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = g_strsplit (out, "\f", -1);
  /* pdftotext ends every page with a form feed, the last one too */
  n = g_strv_length (pages);
  if (n > 0 && pages[n - 1][0] == '\0')
    g_clear_pointer (&pages[n - 1], g_free);
  return pages;
}

/* All the text on one line: words that wrapped in a cell are together again */
static char *
pdf_text (const char *path)
{
  g_auto(GStrv) pages = pdf_pages (path);
  char *text = g_strjoinv (" ", pages);

  g_strdelimit (text, "\n", ' ');
  return text;
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the text:\n%s", needle, text);
}

static gboolean
page_has_line (const char *page,
               const char *line)
{
  g_auto(GStrv) lines = g_strsplit (page, "\n", -1);

  return g_strv_contains ((const char * const *) lines, line);
}

/* The page the contents (on the second page) give for TITLE: pdftotext puts each entry's
 * number on the first non-empty line after its title. 0 when the title is not there. */
static guint
contents_page (GStrv       pages,
               const char *title)
{
  g_auto(GStrv) lines = g_strsplit (pages[1], "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_equal (lines[i], title))
      for (guint j = i + 1; lines[j] != NULL; j++)
        if (lines[j][0] != '\0')
          return (guint) g_ascii_strtoull (lines[j], NULL, 10);
  return 0;
}

static gboolean
has_raster_images (const char *path)
{
  g_autoptr(GBytes) bytes = test_util_read_file (path);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  const char needle[] = "/Subtype /Image";

  for (gsize i = 0; i + sizeof needle - 1 <= size; i++)
    if (memcmp (data + i, needle, sizeof needle - 1) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
dir_has_partial_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".partial") || g_str_has_prefix (name, ".paraat-pack-"))
      return TRUE;
  return FALSE;
}

/* pdftotext comes with poppler-utils (build-aux/setup.sh installs it); a Flatpak SDK that
 * lacks it skips the tests that read PDFs back rather than failing them */
static gboolean
pdftotext_available (void)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");

  if (program != NULL)
    return TRUE;
  g_test_skip ("pdftotext is not installed");
  return FALSE;
}

static gboolean
dutch_available (void)
{
  g_auto(GStrv) languages = paraat_i18n_list_languages ();

  if (g_strv_contains ((const char * const *) languages, "nl"))
    return TRUE;
  g_test_skip ("the Dutch translation has not been built");
  return FALSE;
}

static const char * const sections_en[] = {
  "Summary", "Readiness and maturity", "Risks", "Actions", "Management reviews", "Evidence",
  "Exceptions",
};

/* The contents name every section with the page it starts on; the page numbers in the
 * footers count the cover too. */
static void
test_board_report_english (TestDir       *fixture,
                           gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = open_demo (fixture);
  g_autofree char *path = test_dir_path (fixture, "board.pdf");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *text = NULL;
  g_autofree char *footer = NULL;
  guint n_pages;

  if (!pdftotext_available ())
    return;
  g_assert_true (paraat_workspace_write_board_report (ws, "en", path, NULL, NULL, NULL,
                                                      &error));
  g_assert_no_error (error);
  pages = pdf_pages (path);
  text = pdf_text (path);
  n_pages = g_strv_length (pages);
  g_assert_cmpuint (n_pages, >=, 8);

  /* Cover */
  assert_contains (pages[0], "Board Report");
  assert_contains (pages[0], paraat_workspace_get_organisation (ws));
  assert_contains (pages[0], "Frameworks: ISO/IEC 27001:2022");
  g_assert_null (strstr (pages[0], "Page 1 of"));

  /* Contents: each section on the page the contents give, in order */
  assert_contains (pages[1], "Contents");
  for (guint i = 0, previous = 2; i < G_N_ELEMENTS (sections_en); i++)
    {
      guint page = contents_page (pages, sections_en[i]);

      g_assert_cmpuint (page, >=, previous);
      g_assert_cmpuint (page, <=, n_pages);
      g_assert_true (page_has_line (pages[page - 1], sections_en[i]));
      previous = page;
    }

  /* Running headers and page numbers */
  footer = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  assert_contains (pages[n_pages - 1], footer);
  assert_contains (pages[2], "Board report · ");

  /* The content: figures, readiness, the top risk, an overdue action, review decisions */
  assert_contains (text, "Open high-risk actions");
  assert_contains (text, "Mean days to close");
  assert_contains (text, "Over the past year");
  assert_contains (text, "Readiness per framework");
  assert_contains (text, "Mean maturity per domain");
  assert_contains (text, "Top risks");
  assert_contains (text, "Account takeover of the hosting console");
  assert_contains (text, "Overdue actions");
  assert_contains (text, "Management review 2");
  assert_contains (text, "Evidence freshness per track");
  assert_contains (text, "Payment provider");

  /* Charts are drawn as vectors, their text as text */
  g_assert_false (has_raster_images (path));
}

static void
test_board_report_dutch (TestDir       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autofree char *path = test_dir_path (fixture, "bestuur.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!pdftotext_available ())
    return;
  if (!dutch_available ())
    return;
  ws = open_demo (fixture);
  g_assert_true (paraat_workspace_write_board_report (ws, "nl", path, NULL, NULL, NULL,
                                                      &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  assert_contains (text, "Bestuursrapportage");
  assert_contains (text, "Inhoud");
  assert_contains (text, "Samenvatting");
  assert_contains (text, "Directiebeoordelingen");
  assert_contains (text, "Pagina 2 van");
  assert_contains (text, "november 2026");
  g_assert_null (strstr (text, "Open high-risk actions"));
  /* The interface language is left as it was */
  g_assert_cmpstr (_("Contents"), ==, "Contents");
}

/* A workspace with nothing in it yet still gets a report that says what is missing */
static void
test_board_report_empty (TestDir       *fixture,
                         gconstpointer  data)
{
  g_autofree char *ws_path = test_dir_path (fixture, "empty.paraat");
  g_autofree char *path = test_dir_path (fixture, "board.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatWorkspace) ws = paraat_workspace_create (ws_path, "Leeg B.V.", "Anna de Boer",
                                                           &error);
  g_autofree char *text = NULL;

  if (!pdftotext_available ())
    return;
  g_assert_no_error (error);
  g_assert_true (paraat_workspace_write_board_report (ws, "en", path, NULL, NULL, NULL,
                                                      &error));
  text = pdf_text (path);
  assert_contains (text, "Leeg B.V.");
  assert_contains (text, "No readiness scan has been held yet.");
  assert_contains (text, "No risks are registered yet.");
  assert_contains (text, "No action is overdue.");
  assert_contains (text, "No exceptions are granted.");
}

static void
count_progress (double      fraction,
                const char *step,
                gpointer    user_data)
{
  GArray *fractions = user_data;

  /* Delivered by the main loop of the thread that asked, never by the worker */
  g_assert_true (g_thread_self () == main_thread);
  g_assert_nonnull (step);
  g_array_append_val (fractions, fraction);
}

static void
cancel_on_first_progress (double      fraction,
                          const char *step,
                          gpointer    user_data)
{
  g_cancellable_cancel (user_data);
}

/* A cancel or an unwritable destination leaves nothing behind, an earlier file intact */
static void
test_board_report_failures (TestDir       *fixture,
                            gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = open_demo (fixture);
  g_autofree char *path = test_dir_path (fixture, "board.pdf");
  g_autofree char *missing = test_dir_path (fixture, "no-such-folder/board.pdf");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  test_util_write_file (path, "earlier", 7);
  before = test_util_read_file (path);
  g_assert_false (paraat_workspace_write_board_report (ws, "en", path,
                                                       cancel_on_first_progress, cancellable,
                                                       cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = test_util_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (dir_has_partial_files (fixture->dir));
  g_clear_error (&error);

  g_assert_false (paraat_workspace_write_board_report (ws, "en", missing, NULL, NULL, NULL,
                                                       &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "the folder does not exist"));
  g_clear_error (&error);

  g_assert_false (paraat_workspace_write_board_report (ws, "tlh", path, NULL, NULL, NULL,
                                                       &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“tlh”"));
}

static void
on_report_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GError **error = user_data;

  g_assert_true (paraat_board_report_write_finish (result, error) || *error != NULL);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

/* In a worker thread while the workspace stays open; progress arrives in the main context,
 * in order, up to 1 */
static void
test_board_report_async (TestDir       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = open_demo (fixture);
  g_autofree char *path = test_dir_path (fixture, "board.pdf");
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  GError *error = NULL;

  ParaatPerson *author = paraat_workspace_find_person_by_name (ws, "Marloes Jansen");

  paraat_board_report_write_async (paraat_workspace_get_path (ws),
                                   paraat_person_get_id (author), "en", path, count_progress,
                                   g_array_ref (fractions), (GDestroyNotify) g_array_unref,
                                   NULL, on_report_written, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);   /* "done" */
  g_clear_error (&error);

  /* Progress reports queued before the result may still be pending */
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (fractions->len, >=, 3);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=,
                       g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (pdftotext_available ())
    {
      g_auto(GStrv) pages = pdf_pages (path);
      assert_contains (pages[0], "Prepared by Marloes Jansen");
    }
  /* The workspace is still ours to change */
  g_assert_cmpint (paraat_workspace_get_schema_version (ws), ==, PARAAT_SCHEMA_VERSION);
}

static void
cancel_when_done (double      fraction,
                  const char *step,
                  gpointer    user_data)
{
  if (fraction >= 1.0)
    g_cancellable_cancel (user_data);
}

/* A cancel that arrives after the report was moved in place is no failure: the report is
 * there, and the result says so */
static void
test_board_report_late_cancel (TestDir       *fixture,
                               gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = open_demo (fixture);
  g_autofree char *path = test_dir_path (fixture, "board.pdf");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GError *error = NULL;

  paraat_board_report_write_async (paraat_workspace_get_path (ws), 0, "en", path,
                                   cancel_when_done, g_object_ref (cancellable),
                                   g_object_unref, cancellable, on_report_written, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);   /* "done", not "cancelled" */
  g_clear_error (&error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  while (g_main_context_iteration (NULL, FALSE));
}

/* Long tables run over pages with their headings repeated; huge and odd cells neither
 * break the layout nor get interpreted */
static void
test_pdf_long_table (TestDir       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "long.pdf");
  g_autoptr(ParaatPdf) pdf = paraat_pdf_new ("Long", TRUE);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) huge = g_string_new (NULL);
  const char *headings[] = { "Key", "Text" };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *text = NULL;

  if (!pdftotext_available ())
    return;
  for (guint i = 0; i < 40000; i++)
    g_string_append (huge, "word ");
  for (guint i = 0; i < 400; i++)
    {
      char **row = g_new0 (char *, 3);
      row[0] = g_strdup_printf ("R%03u", i);
      row[1] = g_strdup (i == 7 ? huge->str : i == 8 ? "<b>not bold</b> & =1+1" : "short");
      g_ptr_array_add (rows, row);
    }
  /* A row that ends early: its missing cells are empty */
  g_ptr_array_add (rows, g_strdupv ((char *[]) { "R-short", NULL }));
  paraat_pdf_add_section (pdf, "A long table");
  paraat_pdf_add_paragraph (pdf, huge->str);
  paraat_pdf_add_table (pdf, 2, headings, NULL, rows);
  g_assert_true (paraat_pdf_write (pdf, path, NULL, &error));
  g_assert_no_error (error);

  pages = pdf_pages (path);
  g_assert_cmpuint (g_strv_length (pages), ==, paraat_pdf_get_n_pages (pdf));
  g_assert_cmpuint (g_strv_length (pages), >, 10);
  for (guint p = 1; pages[p] != NULL; p++)
    if (strstr (pages[p], "R399") == NULL && strstr (pages[p], "R2") != NULL)
      assert_contains (pages[p], "Key");
  assert_contains (pages[g_strv_length (pages) - 1], "R399");
  text = g_strjoinv ("", pages);
  assert_contains (text, "<b>not bold</b> & =1+1");
}

/* The Statement of Applicability as PDF: every Annex A control, in the chosen language */
static void
test_soa_pdf (TestDir       *fixture,
              gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = open_demo (fixture);
  g_autofree char *path = test_dir_path (fixture, "soa.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  static const guint per_theme[] = { 37, 8, 14, 34 };

  if (!pdftotext_available ())
    return;
  g_assert_true (paraat_workspace_export (ws, PARAAT_EXPORT_SOA, NULL, PARAAT_EXPORT_PDF, "en",
                                          path, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  assert_contains (text, "Statement of Applicability");
  assert_contains (text, paraat_workspace_get_organisation (ws));
  for (guint theme = 0; theme < G_N_ELEMENTS (per_theme); theme++)
    for (guint n = 1; n <= per_theme[theme]; n++)
      {
        g_autofree char *id = g_strdup_printf (" A.%u.%u ", theme + 5, n);
        assert_contains (text, id);
      }

  if (!dutch_available ())
    return;
  g_assert_true (paraat_workspace_export (ws, PARAAT_EXPORT_SOA, NULL, PARAAT_EXPORT_PDF, "nl",
                                          path, NULL, &error));
  g_clear_pointer (&text, g_free);
  text = pdf_text (path);
  assert_contains (text, "Verklaring van toepasselijkheid");
  assert_contains (text, "Beheersmaatregel");
}

/* Every register as CSV in Dutch, by the same call, neutralised like the others */
static void
test_export_language (TestDir       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autofree char *path = test_dir_path (fixture, "risks.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!dutch_available ())
    return;
  ws = open_demo (fixture);
  g_assert_true (paraat_workspace_export (ws, PARAAT_EXPORT_RISKS, NULL, PARAAT_EXPORT_CSV, "nl",
                                          path, NULL, &error));
  g_assert_no_error (error);
  bytes = test_util_read_file (path);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "Eigenaar"));
}

static gboolean
verify_manifest (const char *dir,
                 guint      *n_files)
{
  g_autofree char *manifest_path = g_build_filename (dir, "MANIFEST.sha256", NULL);
  g_autofree char *manifest = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (manifest_path, &manifest, NULL, NULL));
  lines = g_strsplit (manifest, "\n", -1);
  *n_files = 0;
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sum = NULL;

      g_assert_cmpuint (strlen (lines[i]), >, 66);
      g_assert_cmpint (lines[i][64], ==, ' ');
      g_assert_cmpint (lines[i][65], ==, ' ');
      path = g_build_filename (dir, lines[i] + 66, NULL);
      bytes = test_util_read_file (path);
      sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      if (strncmp (sum, lines[i], 64) != 0)
        return FALSE;
      (*n_files)++;
    }
  return TRUE;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      n += g_file_test (child, G_FILE_TEST_IS_DIR) ? count_files (child) : 1;
    }
  return n;
}

static void
test_audit_pack (TestDir       *fixture,
                 gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = open_demo (fixture);
  g_autofree char *hostile = test_dir_path (fixture, "..report|final?.txt");
  g_autofree char *pack = test_dir_path (fixture, "pack");
  g_autofree char *soa = NULL;
  g_autofree char *evidence_dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_listed, n_evidence = 0;
  gint64 id;

  test_util_write_file (hostile, "contents", 8);
  g_assert_true (paraat_workspace_set_actor (ws, 1, &error));
  id = paraat_workspace_add_evidence (ws, hostile, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  g_assert_true (paraat_workspace_write_audit_pack (ws, "en", pack, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Every file is in the manifest, and every checksum matches */
  g_assert_true (verify_manifest (pack, &n_listed));
  g_assert_cmpuint (n_listed + 1, ==, count_files (pack));
  for (const char * const *f = (const char * const[]) { "board-report.pdf", "soa.pdf", "soa.ods",
                                                        "soa.csv", "registers/actions.ods",
                                                        "registers/reviews.csv",
                                                        "audit-trail.csv", "audit-trail.xml",
                                                        "README.txt", NULL }; *f; f++)
    {
      g_autofree char *path = g_build_filename (pack, *f, NULL);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  soa = g_build_filename (pack, "soa.pdf", NULL);
  g_assert_false (has_raster_images (soa));

  /* Evidence under safe names, the hostile one too, with its content */
  evidence_dir = g_build_filename (pack, "evidence", NULL);
  dir = g_dir_open (evidence_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_null (strpbrk (name, "/\\|?:*<>\"\n"));
      g_assert_cmpint (name[0], !=, '.');
      n_evidence++;
      if (strstr (name, "report") != NULL)
        {
          g_autofree char *path = g_build_filename (evidence_dir, name, NULL);
          g_autoptr(GBytes) bytes = test_util_read_file (path);
          g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                           "contents", 8);
        }
    }
  g_assert_cmpuint (n_evidence, ==, 9);

  /* A second pack cannot overwrite the first; nothing is left over from trying */
  g_assert_false (paraat_workspace_write_audit_pack (ws, "en", pack, NULL, NULL, NULL, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_EXISTS);
  g_assert_true (verify_manifest (pack, &n_listed));
  g_assert_false (dir_has_partial_files (fixture->dir));
}

static void
test_audit_pack_cancel (TestDir       *fixture,
                        gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = open_demo (fixture);
  g_autofree char *pack = test_dir_path (fixture, "pack");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  /* An empty folder may be chosen; a cancel leaves it as it was */
  g_assert_cmpint (g_mkdir (pack, 0755), ==, 0);
  g_assert_false (paraat_workspace_write_audit_pack (ws, "en", pack, cancel_on_first_progress,
                                                     cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (dir_has_partial_files (fixture->dir));
  g_assert_cmpuint (count_files (pack), ==, 0);
  g_clear_error (&error);

  /* Named with a trailing slash, as shells complete folder names */
  {
    g_autofree char *slashed = g_strconcat (pack, "/", NULL);

    g_assert_true (paraat_workspace_write_audit_pack (ws, NULL, slashed, NULL, NULL, NULL,
                                                      &error));
  }
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (pack), >, 20);
  g_assert_false (dir_has_partial_files (fixture->dir));
}

/* Documents in another language than the interface's, per thread */
static void
test_languages (void)
{
  g_auto(GStrv) languages = paraat_i18n_list_languages ();
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;

  g_assert_true (g_strv_contains ((const char * const *) languages, "en"));
  g_assert_cmpstr (paraat_i18n_language_name ("nl"), ==, "Nederlands");
  g_assert_cmpstr (paraat_i18n_language_name ("en"), ==, "English");

  date = paraat_format_date_long ("2026-03-01");
  g_assert_cmpstr (date, ==, "1 March 2026");
  g_clear_pointer (&date, g_free);
  date = paraat_format_date_long ("2026-02-30");
  g_assert_cmpstr (date, ==, "2026-02-30");
  g_clear_pointer (&date, g_free);

  g_assert_false (paraat_i18n_push_language ("xx", &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  if (!g_strv_contains ((const char * const *) languages, "nl"))
    return;
  g_assert_true (paraat_i18n_push_language ("nl", &error));
  g_assert_cmpstr (_("Contents"), ==, "Inhoud");
  g_assert_cmpstr (C_("action status", "Closed"), ==, "Afgesloten");
  g_assert_true (paraat_i18n_prefers_dutch ());
  date = paraat_format_date_long ("2026-03-01");
  g_assert_cmpstr (date, ==, "1 maart 2026");
  g_assert_true (paraat_i18n_push_language ("en", &error));
  g_assert_cmpstr (_("Contents"), ==, "Contents");
  paraat_i18n_pop_language ();
  g_assert_cmpstr (_("Contents"), ==, "Inhoud");
  paraat_i18n_pop_language ();
  g_assert_cmpstr (_("Contents"), ==, "Contents");
  g_assert_false (paraat_i18n_prefers_dutch ());
}

/* Damaged translation files are refused with a message, not read out of bounds */
static void
test_damaged_translations (TestDir       *fixture,
                           gconstpointer  data)
{
  g_autofree char *saved = g_strdup (bindtextdomain (GETTEXT_PACKAGE, NULL));
  /* The right magic number, one message, and its tables: [28] original, [36] translation;
   * the strings at 44 ("a") and 46 */
  static const struct { const char *language; guint32 words[12]; } files[] = {
    /* tables far beyond the file */
    { "za", { 0x950412de, 0, 1, 1000, 99999, 0, 0, 1, 44, 1, 46, 0 } },
    /* a string that would wrap around a 32-bit size */
    { "zb", { 0x950412de, 0, 1, 28, 36, 0, 0, 1, 44, 0x100, 0xFFFFFF00, 0 } },
    /* a translation that is not UTF-8 (bytes 0xFF 0xFE) */
    { "zc", { 0x950412de, 0, 1, 28, 36, 0, 0, 1, 44, 2, 46, 0x00FEFF61 } },
  };

  bindtextdomain (GETTEXT_PACKAGE, fixture->dir);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *folder = g_build_filename (fixture->dir, files[i].language,
                                                  "LC_MESSAGES", NULL);
      g_autofree char *mo = g_build_filename (folder, "paraat.mo", NULL);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
      test_util_write_file (mo, files[i].words, sizeof files[i].words);
      g_assert_false (paraat_i18n_push_language (files[i].language, &error));
      g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "damaged"));
    }
  bindtextdomain (GETTEXT_PACKAGE, saved);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po",
                                                 NULL);

  main_thread = g_thread_self ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, TestDir, NULL, test_dir_setup, func, test_dir_teardown)

  ADD ("/report/board/english", test_board_report_english);
  ADD ("/report/board/dutch", test_board_report_dutch);
  ADD ("/report/board/empty", test_board_report_empty);
  ADD ("/report/board/failures", test_board_report_failures);
  ADD ("/report/board/async", test_board_report_async);
  ADD ("/report/board/late-cancel", test_board_report_late_cancel);
  ADD ("/report/pdf/long-table", test_pdf_long_table);
  ADD ("/report/export/soa-pdf", test_soa_pdf);
  ADD ("/report/export/language", test_export_language);
  ADD ("/report/audit-pack/contents", test_audit_pack);
  ADD ("/report/audit-pack/cancel", test_audit_pack_cancel);
  g_test_add_func ("/report/languages", test_languages);
  ADD ("/report/languages/damaged", test_damaged_translations);
  return g_test_run ();
}
