/* test-ui-export.c — reports and exports under Xvfb: the export menu of every register page,
 * exports as CSV and ODS with their outcome on screen, the Statement of Applicability, the
 * board report and the audit pack with progress, cancel and failure
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "paraat-action.h"
#include "paraat-actions-page.h"
#include "paraat-evidence-page.h"
#include "paraat-exceptions-page.h"
#include "paraat-export-button.h"
#include "paraat-framework.h"
#include "paraat-register-page.h"
#include "paraat-report-dialog.h"
#include "paraat-reviews-page.h"
#include "paraat-risks-page.h"
#include "paraat-scope-page.h"
#include "test-util.h"
#include "ui-util.h"

#define BOM "\xEF\xBB\xBF"
#define ODS_MIMETYPE_ENTRY "mimetypeapplication/vnd.oasis.opendocument.spreadsheet"

/* Reports take longer than a click: give them more than wait_until()'s ten seconds. */
static void
wait_long (Predicate predicate,
           gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (!predicate (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

/* One CSV field from P, quoted or not; returns where it ends */
static const char *
read_field (const char *p,
            const char *end,
            GString    *field)
{
  if (p < end && *p == '"')
    {
      for (p++; p < end; p++)
        {
          if (*p == '"' && (p + 1 == end || p[1] != '"'))
            return p + 1;
          if (*p == '"')
            p++;   /* a doubled quote stands for one */
          g_string_append_c (field, *p);
        }
      g_assert_not_reached ();   /* an unterminated quote */
    }
  for (; p < end && *p != ',' && *p != '\r'; p++)
    g_string_append_c (field, *p);
  return p;
}

/* RFC 4180 records ending in CRLF, after a UTF-8 byte order mark; rows of fields (GStrv) */
static GPtrArray *
read_csv (const char *path)
{
  g_autoptr(GBytes) bytes = test_util_read_file (path);
  gsize len;
  const char *p = g_bytes_get_data (bytes, &len), *end = p + len;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);

  g_assert_true (len >= 3 && memcmp (p, BOM, 3) == 0);
  for (p += 3; p < end; p++)
    {
      p = read_field (p, end, field);
      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (p < end && *p == ',')
        continue;
      g_assert_true (p + 1 < end && p[0] == '\r' && p[1] == '\n');
      p++;
      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
    }
  return rows;
}

static gboolean
file_contains (const char *path,
               const char *text)
{
  g_autoptr(GBytes) bytes = test_util_read_file (path);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  gsize n = strlen (text);

  /* Byte by byte: a ZIP holds NULs, where string searches would stop */
  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, text, n) == 0)
      return TRUE;
  return FALSE;
}

/* The window on the demo workspace, showing page NAME */
static ParaatWindow *
open_demo_page (TestDir    *fixture,
                const char *name)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Marloes Jansen");

  paraat_workspace_view_show_page (get_view (window), name);
  spin (100);
  return window;
}

static gboolean
export_button_mapped (gpointer button)
{
  return gtk_widget_get_mapped (button);
}

/* The export button of the page of PAGE_TYPE, once it is on screen */
static ParaatExportButton *
page_export_button (ParaatWindow *window,
                    GType         page_type)
{
  GtkWidget *page = find_descendant (GTK_WIDGET (window), page_type);
  GtkWidget *button = page ? find_descendant (page, PARAAT_TYPE_EXPORT_BUTTON) : NULL;

  g_assert_nonnull (button);
  wait_until (export_button_mapped, button);
  return PARAAT_EXPORT_BUTTON (button);
}

/* What the export menu offers, as "kind:format" items in menu order */
static void
collect_menu (GMenuModel *model,
              GPtrArray  *offered)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr(GVariant) target = NULL;
      const char *kind, *format;

      if (section != NULL)
        {
          collect_menu (section, offered);
          continue;
        }
      target = g_menu_model_get_item_attribute_value (model, i, G_MENU_ATTRIBUTE_TARGET,
                                                      G_VARIANT_TYPE ("(ss)"));
      if (target == NULL)
        {
          /* One of the page's own exports: its action */
          g_autofree char *action = NULL;

          g_assert_true (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s",
                                                          &action));
          g_ptr_array_add (offered, g_steal_pointer (&action));
          continue;
        }
      g_variant_get (target, "(&s&s)", &kind, &format);
      g_ptr_array_add (offered, g_strdup_printf ("%s:%s", kind, format));
    }
}

static char *
menu_offers (ParaatExportButton *button)
{
  GtkWidget *menu_button = find_descendant (GTK_WIDGET (button), GTK_TYPE_MENU_BUTTON);
  g_autoptr(GPtrArray) offered = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (menu_button);
  g_assert_nonnull (gtk_widget_get_tooltip_text (menu_button));
  collect_menu (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)), offered);
  g_ptr_array_add (offered, NULL);
  return g_strjoinv (" ", (char **) offered->pdata);
}

/* Exporting through the button, as the save dialog's answer does */

typedef struct
{
  gboolean  done;
  GError   *error;
} ExportResult;

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportResult *outcome = user_data;

  paraat_export_button_export_finish (PARAAT_EXPORT_BUTTON (source), result, &outcome->error);
  outcome->done = TRUE;
}

static gboolean
export_done (gpointer data)
{
  return ((ExportResult *) data)->done;
}

static gboolean
export_to (ParaatExportButton  *button,
           ParaatExportKind     kind,
           ParaatExportFormat   format,
           const char          *path,
           GError             **error)
{
  ExportResult outcome = { FALSE, NULL };

  paraat_export_button_export_to_path (button, kind, format, path, on_exported_cb, &outcome);
  g_assert_true (paraat_export_button_get_busy (button));
  wait_long (export_done, &outcome);
  g_assert_false (paraat_export_button_get_busy (button));
  if (outcome.error != NULL)
    {
      g_propagate_error (error, outcome.error);
      return FALSE;
    }
  return TRUE;
}

/* The page's rows */

static gboolean
is_register_of (GtkWidget     *widget,
                gconstpointer  framework_id)
{
  return PARAAT_IS_REGISTER_PAGE (widget) &&
         paraat_register_page_get_framework_id (PARAAT_REGISTER_PAGE (widget)) ==
         *(const gint64 *) framework_id;
}

static gint64
framework_id (ParaatWorkspace *ws,
              const char      *key)
{
  GListModel *frameworks = paraat_workspace_get_frameworks (ws);

  for (guint i = 0; i < g_list_model_get_n_items (frameworks); i++)
    {
      g_autoptr(ParaatFramework) framework = g_list_model_get_item (frameworks, i);
      if (g_str_equal (paraat_framework_get_key (framework), key))
        return paraat_framework_get_id (framework);
    }
  g_assert_not_reached ();
}

static ParaatExportButton *
register_export_button (ParaatWindow *window,
                        const char   *key)
{
  gint64 id = framework_id (paraat_window_get_workspace (window), key);
  g_autofree char *name = g_strdup_printf ("register-%" G_GINT64_FORMAT, id);
  GtkWidget *page, *button;

  paraat_workspace_view_show_page (get_view (window), name);
  spin (100);
  page = find_widget (GTK_WIDGET (window), is_register_of, &id);
  g_assert_nonnull (page);
  button = find_descendant (page, PARAAT_TYPE_EXPORT_BUTTON);
  wait_until (export_button_mapped, button);
  return PARAAT_EXPORT_BUTTON (button);
}

/* Every register page has the export menu, for its own register in every format. */
static void
test_every_page (TestDir       *fixture,
                 gconstpointer  data)
{
  const struct { const char *page, *kind; GType type; const char *own; } pages[] = {
    { "actions", "actions", PARAAT_TYPE_ACTIONS_PAGE, " actions.export-deadlines" },
    { "risks", "risks", PARAAT_TYPE_RISKS_PAGE, "" },
    { "exceptions", "exceptions", PARAAT_TYPE_EXCEPTIONS_PAGE, "" },
    { "scope", "scope", PARAAT_TYPE_SCOPE_PAGE, "" },
    { "evidence", "evidence", PARAAT_TYPE_EVIDENCE_PAGE, "" },
    { "reviews", "reviews", PARAAT_TYPE_REVIEWS_PAGE, "" },
  };
  ParaatWindow *window = open_demo_page (fixture, "actions");
  ParaatExportButton *nis2 = NULL;
  g_autofree char *nis2_offers = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *offers = NULL;
      g_autofree char *expected = g_strdup_printf ("%s:ods %s:csv %s:pdf%s", pages[i].kind,
                                                   pages[i].kind, pages[i].kind, pages[i].own);

      paraat_workspace_view_show_page (get_view (window), pages[i].page);
      offers = menu_offers (page_export_button (window, pages[i].type));
      g_assert_cmpstr (offers, ==, expected);
    }

  nis2 = register_export_button (window, "nis2");
  nis2_offers = menu_offers (nis2);
  g_assert_cmpstr (nis2_offers, ==, "requirements:ods requirements:csv requirements:pdf");
  close_all_windows ();
}

/* The actions as CSV and as an OpenDocument spreadsheet, with a toast saying where */
static void
test_actions (TestDir       *fixture,
              gconstpointer  data)
{
  ParaatWindow *window = open_demo_page (fixture, "actions");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  ParaatExportButton *button = page_export_button (window, PARAAT_TYPE_ACTIONS_PAGE);
  g_autoptr(GListModel) actions = paraat_workspace_list_actions (ws, NULL);
  g_autofree char *csv = test_dir_path (fixture, "actions.csv");
  g_autofree char *ods = test_dir_path (fixture, "actions.ods");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (export_to (button, PARAAT_EXPORT_ACTIONS, PARAAT_EXPORT_CSV, csv, &error));
  g_assert_no_error (error);
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_with_text,
                                 "Exported to “actions.csv”"));
  rows = read_csv (csv);
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (actions) + 1);
  g_assert_cmpstr (((char **) rows->pdata[0])[0], ==, "Title");
  for (guint i = 1; i < rows->len; i++)
    g_hash_table_add (titles, ((char **) rows->pdata[i])[0]);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(ParaatAction) action = g_list_model_get_item (actions, i);
      g_assert_true (g_hash_table_contains (titles, paraat_action_get_title (action)));
    }

  g_assert_true (export_to (button, PARAAT_EXPORT_ACTIONS, PARAAT_EXPORT_ODS, ods, &error));
  g_assert_no_error (error);
  bytes = test_util_read_file (ods);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 2, "PK", 2);
  g_assert_true (file_contains (ods, ODS_MIMETYPE_ENTRY));
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_with_text,
                                 "Exported to “actions.ods”"));
  close_all_windows ();
}

/* The ISO/IEC 27001 register offers the Statement of Applicability: Annex A's 93 controls */
static void
test_soa (TestDir       *fixture,
          gconstpointer  data)
{
  ParaatWindow *window = open_demo_page (fixture, "dashboard");
  ParaatExportButton *button = register_export_button (window, "iso27001-2022");
  g_autofree char *offers = menu_offers (button);
  g_autofree char *csv = test_dir_path (fixture, "statement-of-applicability.csv");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (offers, ==, "requirements:ods requirements:csv requirements:pdf "
                               "soa:ods soa:csv soa:pdf");
  g_assert_true (export_to (button, PARAAT_EXPORT_SOA, PARAAT_EXPORT_CSV, csv, &error));
  g_assert_no_error (error);
  rows = read_csv (csv);
  g_assert_cmpuint (rows->len, ==, 1 + 93);
  g_assert_cmpstr (((char **) rows->pdata[0])[0], ==, "Control");
  g_assert_cmpstr (((char **) rows->pdata[1])[0], ==, "A.5.1");
  g_assert_cmpstr (((char **) rows->pdata[93])[0], ==, "A.8.34");
  for (guint i = 1; i < rows->len; i++)
    g_assert_true (g_str_has_prefix (((char **) rows->pdata[i])[0], "A."));
  close_all_windows ();
}

/* A folder that does not exist: the user is told, and no file is left anywhere */
static void
test_failure (TestDir       *fixture,
              gconstpointer  data)
{
  ParaatWindow *window = open_demo_page (fixture, "risks");
  ParaatExportButton *button = page_export_button (window, PARAAT_TYPE_RISKS_PAGE);
  g_autofree char *missing = test_dir_path (fixture, "missing");
  g_autofree char *path = g_build_filename (missing, "risks.ods", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  GtkWidget *prompt;
  const char *name;

  g_assert_false (export_to (button, PARAAT_EXPORT_RISKS, PARAAT_EXPORT_ODS, path, &error));
  g_assert_nonnull (error);
  prompt = GTK_WIDGET (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (prompt)), ==,
                   "Export Failed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (prompt)),
                            "risks.ods"));
  answer_prompt ("_Close");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)))
    g_assert_true (g_str_has_prefix (name, "demo.paraat"));
  close_all_windows ();
}

/* The board report and the audit pack */

static gboolean
pointer_cleared (gpointer location)
{
  return *(gpointer *) location == NULL;
}

static gboolean
report_settled (gpointer dialog)
{
  const char *state = paraat_report_dialog_get_state (dialog);

  return g_str_equal (state, "done") || g_str_equal (state, "failed") ||
         g_str_equal (state, "setup");
}

static void
on_fraction_cb (GtkProgressBar *bar,
                GParamSpec     *pspec,
                double         *highest)
{
  *highest = MAX (*highest, gtk_progress_bar_get_fraction (bar));
}

static ParaatReportDialog *
open_report_dialog (ParaatWindow *window,
                    const char   *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  return PARAAT_REPORT_DIALOG (wait_for_toplevel (PARAAT_TYPE_REPORT_DIALOG));
}

/* Runs DIALOG to PATH; returns the highest progress shown. */
static double
run_report (ParaatReportDialog *dialog,
            const char         *path)
{
  GtkWidget *bar = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_PROGRESS_BAR);
  double highest = 0;
  gulong handler = g_signal_connect (bar, "notify::fraction", G_CALLBACK (on_fraction_cb),
                                     &highest);

  paraat_report_dialog_start (dialog, "en", path);
  g_assert_cmpstr (paraat_report_dialog_get_state (dialog), ==, "running");
  wait_long (report_settled, dialog);
  g_signal_handler_disconnect (bar, handler);
  return highest;
}

static void
test_board_report (TestDir       *fixture,
                   gconstpointer  data)
{
  ParaatWindow *window = open_demo_page (fixture, "dashboard");
  ParaatReportDialog *dialog = open_report_dialog (window, "win.board-report");
  g_autofree char *path = test_dir_path (fixture, "board-report.pdf");
  AdwComboRow *language = ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), "Language"));
  GListModel *languages = adw_combo_row_get_model (language);
  g_autoptr(GBytes) bytes = NULL;
  double highest;

  /* The interface speaks English here, so the report does too unless chosen otherwise */
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (languages),
                                               adw_combo_row_get_selected (language)), ==,
                   "English");
  highest = run_report (dialog, path);
  g_assert_cmpstr (paraat_report_dialog_get_state (dialog), ==, "done");
  g_assert_cmpfloat (highest, ==, 1.0);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_labelled_button, "_Open Report"));
  bytes = test_util_read_file (path);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 4, "%PDF", 4);
  close_all_windows ();
}

/* A window without a workspace has nothing to report on. */
static void
test_needs_workspace (TestDir       *fixture,
                      gconstpointer  data)
{
  ParaatWindow *window = paraat_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  spin (50);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.board-report", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.audit-pack", NULL);
  spin (50);
  g_assert_null (find_toplevel (PARAAT_TYPE_REPORT_DIALOG));
  close_all_windows ();
}

/* Cancelling goes back to the start and leaves nothing; so does closing the dialog. */
static void
test_cancel (TestDir       *fixture,
             gconstpointer  data)
{
  ParaatWindow *window = open_demo_page (fixture, "dashboard");
  ParaatReportDialog *dialog = open_report_dialog (window, "win.board-report");
  g_autofree char *path = test_dir_path (fixture, "cancelled.pdf");
  g_autofree char *closed = test_dir_path (fixture, "closed.pdf");
  GtkWidget *cancel;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  paraat_report_dialog_start (dialog, "en", path);
  cancel = find_widget (GTK_WIDGET (dialog), is_labelled_button, "_Cancel");
  g_assert_true (gtk_widget_get_mapped (cancel));
  g_signal_emit_by_name (cancel, "clicked");
  wait_long (report_settled, dialog);
  g_assert_cmpstr (paraat_report_dialog_get_state (dialog), ==, "setup");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Closed while writing: the dialog lives on until the worker has stopped */
  paraat_report_dialog_start (dialog, "en", closed);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  wait_long (pointer_cleared, &dialog);
  spin (50);
  g_assert_false (g_file_test (closed, G_FILE_TEST_EXISTS));
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)))
    g_assert_true (g_str_has_prefix (name, "demo.paraat"));
  close_all_windows ();
}

/* A folder that does not exist: the dialog says why, and offers to try again */
static void
test_report_failure (TestDir       *fixture,
                     gconstpointer  data)
{
  ParaatWindow *window = open_demo_page (fixture, "dashboard");
  ParaatReportDialog *dialog = open_report_dialog (window, "win.board-report");
  g_autofree char *path = test_dir_path (fixture, "missing/board-report.pdf");
  GtkWidget *retry;

  run_report (dialog, path);
  g_assert_cmpstr (paraat_report_dialog_get_state (dialog), ==, "failed");
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_label_containing, "board-report.pdf"));
  retry = find_widget (GTK_WIDGET (dialog), is_labelled_button, "_Try Again");
  g_signal_emit_by_name (retry, "clicked");
  g_assert_cmpstr (paraat_report_dialog_get_state (dialog), ==, "setup");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  close_all_windows ();
}

static void
test_audit_pack (TestDir       *fixture,
                 gconstpointer  data)
{
  ParaatWindow *window = open_demo_page (fixture, "dashboard");
  ParaatReportDialog *dialog = open_report_dialog (window, "win.audit-pack");
  GtkWidget *name_row = find_row (GTK_WIDGET (dialog), "Folder Name");
  g_autofree char *pack = test_dir_path (fixture, "pack");
  g_autofree char *manifest = g_build_filename (pack, "MANIFEST.sha256", NULL);
  double highest;

  g_assert_true (gtk_widget_get_mapped (name_row));
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (name_row)),
                                   "audit-pack-"));
  highest = run_report (dialog, pack);
  g_assert_cmpstr (paraat_report_dialog_get_state (dialog), ==, "done");
  g_assert_cmpfloat (highest, ==, 1.0);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_labelled_button, "_Open Folder"));
  g_assert_true (g_file_test (pack, G_FILE_TEST_IS_DIR));
  g_assert_cmpint (test_util_file_size (manifest), >, 0);
  close_all_windows ();
}

int
main (int    argc,
      char **argv)
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/export/every-page", TestDir, NULL, test_dir_setup, test_every_page,
              test_dir_teardown);
  g_test_add ("/ui/export/actions", TestDir, NULL, test_dir_setup, test_actions,
              test_dir_teardown);
  g_test_add ("/ui/export/soa", TestDir, NULL, test_dir_setup, test_soa,
              test_dir_teardown);
  g_test_add ("/ui/export/failure", TestDir, NULL, test_dir_setup, test_failure,
              test_dir_teardown);
  g_test_add ("/ui/report/board", TestDir, NULL, test_dir_setup, test_board_report,
              test_dir_teardown);
  g_test_add ("/ui/report/needs-workspace", TestDir, NULL, test_dir_setup,
              test_needs_workspace, test_dir_teardown);
  g_test_add ("/ui/report/cancel", TestDir, NULL, test_dir_setup, test_cancel,
              test_dir_teardown);
  g_test_add ("/ui/report/failure", TestDir, NULL, test_dir_setup, test_report_failure,
              test_dir_teardown);
  g_test_add ("/ui/report/audit-pack", TestDir, NULL, test_dir_setup, test_audit_pack,
              test_dir_teardown);

  return ui_test_run ();
}
