/* test-ui.c — real windows under Xvfb, driven through their actions
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "paraat-actor-dialog.h"
#include "paraat-application.h"
#include "paraat-demo.h"
#include "paraat-history-dialog.h"
#include "paraat-evidence.h"
#include "paraat-evidence-dialog.h"
#include "paraat-evidence-page.h"
#include "paraat-frameworks-dialog.h"
#include "paraat-people-page.h"
#include "paraat-register-page.h"
#include "paraat-requirement.h"
#include "paraat-requirement-dialog.h"
#include "paraat-new-scan-dialog.h"
#include "paraat-results-view.h"
#include "paraat-scan.h"
#include "paraat-scan-window.h"
#include "paraat-scans-page.h"
#include "paraat-action.h"
#include "paraat-actions-page.h"
#include "paraat-action-dialog.h"
#include "paraat-escalation-view.h"
#include "paraat-gap-actions-dialog.h"
#include "paraat-plan-view.h"
#include "paraat-person-dialog.h"
#include "paraat-trail-page.h"
#include "paraat-window.h"
#include "paraat-workspace-view.h"
#include "test-util.h"
#include "ui-util.h"

static gboolean
model_contains_person (GListModel *model,
                       const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParaatPerson) person = g_list_model_get_item (model, i);
      if (g_str_equal (paraat_person_get_name (person), name))
        return TRUE;
    }
  return FALSE;
}

static gboolean
model_has_one_item (gpointer model)
{
  return g_list_model_get_n_items (model) == 1;
}


static void
test_open_and_navigate (TestDir       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Eva Smit");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  ParaatWorkspaceView *view = get_view (window);
  ParaatTrailPage *trail;

  g_assert_cmpstr (paraat_person_get_name (paraat_workspace_get_actor (ws)), ==, "Eva Smit");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Tulpwerk Software B.V.");
  g_assert_cmpstr (paraat_workspace_view_get_page (view), ==, "dashboard");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "workspace.show-page", "s",
                                             "trail"));
  g_assert_cmpstr (paraat_workspace_view_get_page (view), ==, "trail");

  trail = PARAAT_TRAIL_PAGE (find_descendant (GTK_WIDGET (view), PARAAT_TYPE_TRAIL_PAGE));
  g_assert_cmpuint (g_list_model_get_n_items (paraat_trail_page_get_model (trail)), ==,
                    test_util_trail_count (path));

  paraat_trail_page_set_search (trail, "sanne.devries@");
  g_assert_cmpuint (g_list_model_get_n_items (paraat_trail_page_get_model (trail)), ==, 1);
  paraat_trail_page_set_search (trail, "no such text anywhere");
  g_assert_cmpuint (g_list_model_get_n_items (paraat_trail_page_get_model (trail)), ==, 0);

  paraat_trail_page_set_search (trail, "");
  {
    g_autoptr(GDateTime) today = g_date_time_new_now_local ();
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);
    g_autoptr(GDateTime) two_years_ago = g_date_time_add_days (today, -730);

    paraat_trail_page_set_range (trail, two_years_ago, today);
    g_assert_cmpuint (g_list_model_get_n_items (paraat_trail_page_get_model (trail)), ==,
                      test_util_trail_count (path));
    paraat_trail_page_set_range (trail, tomorrow, tomorrow);
    g_assert_cmpuint (g_list_model_get_n_items (paraat_trail_page_get_model (trail)), ==, 0);
  }

  /* The verification in the background finds the demo's trail intact. */
  spin (300);
  g_assert_null (paraat_workspace_view_get_trail_warning (view));
  close_all_windows ();
}

static void
test_add_person (TestDir       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Marloes Jansen");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  ParaatWorkspaceView *view = get_view (window);
  GtkWidget *people_page = view_page (view, "people", PARAAT_TYPE_PEOPLE_PAGE);
  GListModel *people = paraat_workspace_get_people (ws);
  guint before = g_list_model_get_n_items (people);
  gint64 trail_before = test_util_trail_count (path);
  GtkWindow *dialog;
  ParaatPerson *added;

  /* A team is refused at the form, which stays open. */
  gtk_widget_activate_action (people_page, "people.add", NULL);
  dialog = wait_for_toplevel (PARAAT_TYPE_PERSON_DIALOG);
  set_entry (GTK_WIDGET (dialog), "Name", "Team Security");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "person.save", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, before);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  set_entry (GTK_WIDGET (dialog), "Name", "Kees Brouwer");
  set_entry (GTK_WIDGET (dialog), "Role", "Office manager");
  set_entry (GTK_WIDGET (dialog), "E-mail", "kees.brouwer@tulpwerk.example");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "person.save", NULL);
  wait_until (toplevel_gone, GSIZE_TO_POINTER (PARAAT_TYPE_PERSON_DIALOG));

  g_assert_cmpuint (g_list_model_get_n_items (people), ==, before + 1);
  added = paraat_workspace_find_person_by_name (ws, "Kees Brouwer");
  g_assert_nonnull (added);
  g_assert_cmpstr (paraat_person_get_role (added), ==, "Office manager");
  g_assert_true (model_contains_person (paraat_people_page_get_model (PARAAT_PEOPLE_PAGE (people_page)),
                                        "Kees Brouwer"));

  /* Saved at once, with its trail entry under the person who is working. */
  g_assert_cmpint (test_util_trail_count (path), ==, trail_before + 1);
  close_all_windows ();
}

static void
test_history_two_clicks (TestDir       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Marloes Jansen");
  ParaatWorkspaceView *view = get_view (window);
  GtkWidget *people_page = view_page (view, "people", PARAAT_TYPE_PEOPLE_PAGE);
  GListModel *shown = paraat_people_page_get_model (PARAAT_PEOPLE_PAGE (people_page));
  GtkWidget *search = find_descendant (people_page, GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *history_button;
  GtkWindow *history;
  GListModel *entries;

  /* Search narrows the directory to one person; click that row's History button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "workspace.show-page", "s",
                                             "people"));
  gtk_editable_set_text (GTK_EDITABLE (search), "Joost");
  wait_until (model_has_one_item, shown);
  spin (100);
  history_button = find_button (people_page, "History");
  g_assert_nonnull (history_button);
  g_signal_emit_by_name (history_button, "clicked");

  history = wait_for_toplevel (PARAAT_TYPE_HISTORY_DIALOG);
  entries = paraat_history_dialog_get_model (PARAAT_HISTORY_DIALOG (history));
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  {
    g_autoptr(ParaatTrailEntry) first = g_list_model_get_item (entries, 0);
    g_assert_cmpstr (paraat_trail_entry_get_action (first), ==, "create");
    g_assert_cmpstr (paraat_trail_entry_get_object_label (first), ==, "Joost Bakker");
  }
  close_all_windows ();
}

static gboolean
view_warns (gpointer view)
{
  return paraat_workspace_view_get_trail_warning (view) != NULL;
}

static void
test_tampered_trail_warns (TestDir       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window;
  ParaatWorkspaceView *view;

  test_util_tamper_trail_label (path, 5, "Mallory Bos");
  window = open_as (path, "Marloes Jansen");
  view = get_view (window);

  wait_until (view_warns, view);
  g_assert_nonnull (strstr (paraat_workspace_view_get_trail_warning (view), "5"));
  close_all_windows ();
}

static void
test_bad_file_message (TestDir       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "notes.paraat", NULL);
  g_autoptr(GBytes) baseline = NULL;
  ParaatWindow *window = paraat_window_new (app);
  GtkWindow *message;

  test_util_write_file (path, "meeting notes, not a workspace\n", 31);
  baseline = test_util_read_file (path);

  gtk_window_present (GTK_WINDOW (window));
  paraat_window_open_path (window, path);
  message = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)),
                            "not a Paraat workspace"));
  wait_until (window_shows_welcome, window);
  test_util_assert_unchanged (path, baseline);
  close_all_windows ();
}

/* INDEX counts sidebar rows: 0 is the dashboard, the registers follow. */
static ParaatRegisterPage *
show_register (ParaatWorkspaceView *view,
               int                  index)
{
  GtkStack *pages = GTK_STACK (find_descendant (GTK_WIDGET (view), GTK_TYPE_STACK));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "workspace.show-index", "i",
                                             index));
  return PARAAT_REGISTER_PAGE (gtk_stack_get_visible_child (pages));
}

static guint
count_requirements (GListModel *rows)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);
      n += PARAAT_IS_REQUIREMENT (row);
    }
  return n;
}

static void
test_register_edit (TestDir       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Marloes Jansen");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  ParaatWorkspaceView *view = get_view (window);
  ParaatRegisterPage *iso = show_register (view, 1);
  GListModel *rows = paraat_register_page_get_requirements (iso);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatRequirement) saved = NULL;
  GtkWindow *dialog;
  GtkWidget *toggle;
  guint position = G_MAXUINT;

  g_assert_cmpuint (count_requirements (rows), >, 93);

  /* Search finds one control; its row opens the requirement. */
  paraat_register_page_set_search (iso, "A.7.1");
  g_assert_cmpuint (count_requirements (rows), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (rows) && position == G_MAXUINT; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);
      if (PARAAT_IS_REQUIREMENT (row) &&
          g_str_equal (paraat_requirement_get_key (PARAAT_REQUIREMENT (row)), "A.7.1"))
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);
  g_signal_emit_by_name (find_styled (GTK_WIDGET (iso), "paraat-register"), "activate", position);
  dialog = wait_for_toplevel (PARAAT_TYPE_REQUIREMENT_DIALOG);

  /* Not applicable without a justification is refused at the form. */
  toggle = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SWITCH);
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "requirement.save", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  set_entry (GTK_WIDGET (dialog), "Justification for not applying",
             "All staff work remotely; no offices");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "requirement.save", NULL);
  wait_until (toplevel_gone, GSIZE_TO_POINTER (PARAAT_TYPE_REQUIREMENT_DIALOG));

  saved = paraat_workspace_find_requirement (ws, "iso27001-2022", "A.7.1", &error);
  g_assert_no_error (error);
  g_assert_false (paraat_requirement_get_applicable (saved));
  g_assert_cmpstr (paraat_requirement_get_justification (saved), ==,
                   "All staff work remotely; no offices");
  close_all_windows ();
}

static gboolean
import_finished (gpointer dialog)
{
  return !paraat_frameworks_dialog_is_busy (dialog);
}

static void
test_import_framework (TestDir       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  g_autofree char *oscal = g_test_build_filename (G_TEST_DIST, "catalogs",
                                                  "nist-800-53-rev5-privacy-baseline-catalog.xml",
                                                  NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.xml", NULL);
  ParaatWindow *window = open_as (path, "Marloes Jansen");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  GListModel *frameworks = paraat_workspace_get_frameworks (ws);
  guint before = g_list_model_get_n_items (frameworks);
  ParaatFrameworksDialog *dialog;
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);

  gtk_widget_activate_action (GTK_WIDGET (get_view (window)), "workspace.frameworks", NULL);
  dialog = PARAAT_FRAMEWORKS_DIALOG (wait_for_toplevel (PARAAT_TYPE_FRAMEWORKS_DIALOG));

  /* A broken catalog is refused with its line and column, and imports nothing. */
  test_util_write_file (bad, "<catalog>\n  <oops>\n</catalog>\n", 29);
  paraat_frameworks_dialog_import (dialog, bad_file);
  wait_until (import_finished, dialog);
  g_assert_nonnull (paraat_frameworks_dialog_get_error (dialog));
  g_assert_nonnull (strstr (paraat_frameworks_dialog_get_error (dialog), "3"));
  g_assert_cmpuint (g_list_model_get_n_items (frameworks), ==, before);

  /* A real OSCAL catalog imports and gets its own register. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (oscal);

    paraat_frameworks_dialog_import (dialog, file);
    wait_until (import_finished, dialog);
    g_assert_null (paraat_frameworks_dialog_get_error (dialog));
    g_assert_cmpuint (g_list_model_get_n_items (frameworks), ==, before + 1);
  }
  close_all_windows ();
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static gboolean
drop_files (GtkWidget *widget,
            GSList    *files)
{
  GtkDropTarget *target = find_drop_target (widget);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  return accepted;
}

static gboolean
importer_idle (gpointer importer)
{
  return !paraat_evidence_importer_get_busy (importer);
}

static GFile *
write_temp (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  test_util_write_file (path, text, strlen (text));
  return g_file_new_for_path (path);
}

static void
test_drop_evidence (TestDir       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Marloes Jansen");
  ParaatWorkspaceView *view = get_view (window);
  ParaatEvidencePage *page = PARAAT_EVIDENCE_PAGE (view_page (view, "evidence",
                                                             PARAAT_TYPE_EVIDENCE_PAGE));
  ParaatEvidenceImporter *importer = paraat_evidence_page_get_importer (page);
  GListModel *items = paraat_evidence_page_get_items (page);
  guint before = g_list_model_get_n_items (items);
  g_autoptr(GFile) policy = write_temp (fixture->dir, "backup-policy.md",
                                        "# Backup policy\nDaily backups, kept 30 days.\n");
  g_autoptr(GFile) log = write_temp (fixture->dir, "restore-test.log",
                                     "2026-11-01 restore of db-prod: OK in 14 min\n");
  g_autoptr(GFile) empty = write_temp (fixture->dir, "empty.txt", "");
  GSList *files = NULL;
  gboolean found = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "workspace.show-page", "s",
                                             "evidence"));

  files = g_slist_append (files, policy);
  files = g_slist_append (files, log);
  g_assert_true (drop_files (GTK_WIDGET (page), files));
  g_slist_free (files);
  wait_until (importer_idle, importer);
  spin (50);

  g_assert_cmpuint (g_list_model_get_n_items (items), ==, before + 2);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ParaatEvidence) evidence = g_list_model_get_item (items, i);
      if (g_str_equal (paraat_evidence_get_file_name (evidence), "restore-test.log"))
        {
          found = TRUE;
          g_assert_cmpuint (strlen (paraat_evidence_get_hash (evidence)), ==, 64);
          g_assert_cmpint (paraat_evidence_get_size (evidence), ==, 44);
        }
    }
  g_assert_true (found);

  /* An empty file is refused with a message, and nothing is added. */
  files = g_slist_append (NULL, empty);
  g_assert_true (drop_files (GTK_WIDGET (page), files));
  g_slist_free (files);
  wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  wait_until (importer_idle, importer);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, before + 2);
  close_all_windows ();
}

static guint
count_links (ParaatWorkspace *ws,
             gint64           evidence_id)
{
  g_autoptr(GListModel) links = paraat_workspace_list_evidence_links (ws, evidence_id, NULL);

  return g_list_model_get_n_items (links);
}

static void
test_link_evidence (TestDir       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Marloes Jansen");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  g_autoptr(GListModel) items = paraat_workspace_list_evidence (ws, NULL);
  g_autoptr(ParaatEvidence) evidence = g_list_model_get_item (items, 0);
  gint64 id = paraat_evidence_get_id (evidence);
  guint before = count_links (ws, id);
  GtkWindow *dialog = GTK_WINDOW (paraat_evidence_dialog_new (GTK_WINDOW (window), ws, id));
  GtkWidget *entry;

  gtk_window_present (dialog);
  spin (50);
  entry = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);

  /* An identifier no enabled framework has is refused where it was typed. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Z.9.99");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (count_links (ws, id), ==, before);

  gtk_editable_set_text (GTK_EDITABLE (entry), "A.5.37");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (count_links (ws, id), ==, before + 1);
  close_all_windows ();
}

static guint
count_paraat_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      n += PARAAT_IS_WINDOW (window);
    }
  return n;
}

/* Opening a file as the file manager or the command line does: the workspace is read while
 * the window is built, and opening it again shows the same window. */
static void
test_open_twice (TestDir       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window;
  GtkWindow *dialog;

  close_all_windows ();
  paraat_application_open_path (app, path);
  dialog = wait_for_toplevel (PARAAT_TYPE_ACTOR_DIALOG);
  gtk_widget_activate (find_row (GTK_WIDGET (dialog), "Eva Smit"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "actor.continue", NULL);
  window = PARAAT_WINDOW (find_toplevel (PARAAT_TYPE_WINDOW));
  wait_until (window_shows_workspace, window);
  g_assert_cmpuint (count_paraat_windows (), ==, 1);

  paraat_application_open_path (app, path);
  spin (100);
  g_assert_cmpuint (count_paraat_windows (), ==, 1);
  g_assert_cmpstr (paraat_person_get_name (paraat_workspace_get_actor (paraat_window_get_workspace (window))),
                   ==, "Eva Smit");
  close_all_windows ();
}


/* Readiness scan wizard */


static ParaatScanQuestion *
question_at (ParaatWorkspace *ws,
             gint64           scan_id,
             guint            position)
{
  g_autoptr(GListModel) questions = paraat_workspace_list_scan_questions (ws, scan_id, NULL);

  g_assert_nonnull (questions);
  return g_list_model_get_item (questions, position);
}

static ParaatScanWindow *
start_scan (ParaatWorkspaceView *view,
            const char          *name)
{
  GtkWidget *page = view_page (view, "scans", PARAAT_TYPE_SCANS_PAGE);
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "workspace.show-page", "s", "scans"));
  g_assert_true (gtk_widget_activate_action (page, "scans.new", NULL));
  dialog = wait_for_toplevel (PARAAT_TYPE_NEW_SCAN_DIALOG);
  set_entry (GTK_WIDGET (dialog), "Name", name);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "new-scan.create", NULL));
  if (find_toplevel (PARAAT_TYPE_NEW_SCAN_DIALOG) != NULL)
    return NULL;
  return PARAAT_SCAN_WINDOW (wait_for_toplevel (PARAAT_TYPE_SCAN_WINDOW));
}

static void
test_scan_wizard (TestDir       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Eva Smit");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  ParaatWorkspaceView *view = get_view (window);
  g_autoptr(ParaatScanQuestion) first = NULL;
  g_autoptr(ParaatScanQuestion) second = NULL;
  g_autoptr(ParaatScanQuestion) last = NULL;
  ParaatScanWindow *scan;
  GtkWindow *dialog;
  GtkWidget *reason;
  gint64 scan_id;

  /* A scan without a name is refused in the dialog; nothing is created. */
  g_assert_null (start_scan (view, "   "));
  dialog = find_toplevel (PARAAT_TYPE_NEW_SCAN_DIALOG);
  g_assert_true (gtk_widget_get_visible (find_styled (GTK_WIDGET (dialog), "error")));
  gtk_window_destroy (dialog);

  scan = start_scan (view, "Workshop with the board");
  g_assert_nonnull (scan);
  scan_id = paraat_scan_window_get_scan_id (scan);
  g_assert_cmpuint (paraat_scan_window_get_position (scan), ==, 0);

  /* 3 scores the first question at once; → moves on; 0 asks for a reason first. */
  g_assert_true (press_key (GTK_WIDGET (scan), GDK_KEY_3));
  first = question_at (ws, scan_id, 0);
  g_assert_cmpint (paraat_scan_question_get_answer (first), ==, PARAAT_ANSWER_LEVEL);
  g_assert_cmpint (paraat_scan_question_get_level (first), ==, 3);
  g_assert_true (press_key (GTK_WIDGET (scan), GDK_KEY_Right));
  g_assert_cmpuint (paraat_scan_window_get_position (scan), ==, 1);
  g_assert_true (press_key (GTK_WIDGET (scan), GDK_KEY_0));
  reason = gtk_root_get_focus (GTK_ROOT (scan));
  g_assert_true (GTK_IS_TEXT (reason));
  /* Digits typed into the reason are text, not scores. */
  g_assert_false (press_key (GTK_WIDGET (scan), GDK_KEY_2));
  second = question_at (ws, scan_id, 1);
  g_assert_cmpint (paraat_scan_question_get_answer (second), ==, PARAAT_ANSWER_OPEN);
  g_clear_object (&second);
  gtk_editable_set_text (GTK_EDITABLE (reason), "No development in house");
  g_signal_emit_by_name (gtk_widget_get_parent (reason), "activate");
  second = question_at (ws, scan_id, 1);
  g_assert_cmpint (paraat_scan_question_get_answer (second), ==, PARAAT_ANSWER_NOT_APPLICABLE);
  g_assert_cmpstr (paraat_scan_question_get_reason (second), ==, "No development in house");

  /* Ctrl+Enter: the next question never answered. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (scan), "scan.previous", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (scan), "scan.next-unanswered", NULL));
  g_assert_cmpuint (paraat_scan_window_get_position (scan), ==, 2);

  /* Ctrl+F: jump by requirement number. */
  last = question_at (ws, scan_id, paraat_scan_get_n_questions (paraat_workspace_get_scan (ws, scan_id, NULL)) - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (scan), "scan.jump", NULL));
  {
    GtkWidget *entry = find_descendant (GTK_WIDGET (scan), GTK_TYPE_SEARCH_ENTRY);
    gtk_editable_set_text (GTK_EDITABLE (entry), paraat_scan_question_get_label (last));
    g_signal_emit_by_name (entry, "activate");
  }
  g_assert_cmpuint (paraat_scan_window_get_position (scan), ==,
                    paraat_scan_question_get_position (last));
  g_assert_true (press_key (GTK_WIDGET (scan), GDK_KEY_Page_Up));
  g_assert_cmpuint (paraat_scan_window_get_position (scan), <, paraat_scan_question_get_position (last));

  /* Workshop mode: F11 in, Esc out. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (scan), "scan.workshop", NULL));
  g_assert_true (paraat_scan_window_get_workshop (scan));
  g_assert_true (press_key (GTK_WIDGET (scan), GDK_KEY_Escape));
  g_assert_false (paraat_scan_window_get_workshop (scan));

  /* Results: both frameworks, the first answer counted. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (scan), "scan.view", "s", "results"));
  {
    ParaatResultsView *results = PARAAT_RESULTS_VIEW (find_descendant (GTK_WIDGET (scan), PARAAT_TYPE_RESULTS_VIEW));
    ParaatTable *frameworks = paraat_results_view_get_table (results, "frameworks");
    ParaatTable *compare = paraat_results_view_get_table (results, "compare-domains");

    g_assert_cmpuint (paraat_table_get_n_rows (frameworks), ==, 2);
    g_assert_cmpstr (paraat_table_get_cell (frameworks, 0, 0), ==, "ISO/IEC 27001:2022");
    g_assert_cmpstr (paraat_table_get_cell (frameworks, 0, 4), ==, "1");
    /* Compared with the demo's latest scan, the baseline */
    g_assert_nonnull (compare);
    g_assert_cmpuint (paraat_table_get_n_rows (compare), >, 0);
  }

  /* Closing and opening again resumes at the first open question. */
  gtk_window_close (GTK_WINDOW (scan));
  wait_until (toplevel_gone, GSIZE_TO_POINTER (PARAAT_TYPE_SCAN_WINDOW));
  paraat_scans_page_open_scan (PARAAT_SCANS_PAGE (view_page (view, "scans", PARAAT_TYPE_SCANS_PAGE)),
                               scan_id);
  scan = PARAAT_SCAN_WINDOW (wait_for_toplevel (PARAAT_TYPE_SCAN_WINDOW));
  g_assert_cmpuint (paraat_scan_window_get_position (scan), ==, 2);
  close_all_windows ();
}

/* Action tracker */

static guint
count_actions (ParaatWorkspace *ws,
               gboolean (*keep) (ParaatAction *action))
{
  g_autoptr(GListModel) actions = paraat_workspace_list_actions (ws, NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(ParaatAction) action = g_list_model_get_item (actions, i);
      n += keep == NULL || keep (action);
    }
  return n;
}

static ParaatAction *
model_action (GListModel *model,
              guint       position)
{
  ParaatAction *action = g_list_model_get_item (model, position);

  g_assert_nonnull (action);
  return action;
}

static gboolean
notification_arrived (gpointer data)
{
  return last_notification_body () != NULL;
}

static AdwMessageDialog *
bulk_dialog (ParaatActionsPage *page,
             const char        *action_name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action_name, NULL));
  return ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_action_tracker (TestDir       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = (forget_notifications (), open_as (path, "Fatima El Amrani"));
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  ParaatWorkspaceView *view = get_view (window);
  ParaatActionsPage *page = PARAAT_ACTIONS_PAGE (view_page (view, "actions", PARAAT_TYPE_ACTIONS_PAGE));
  GListModel *model;
  AdwMessageDialog *dialog;
  g_autoptr(ParaatAction) first = NULL;
  g_autoptr(ParaatAction) second = NULL;
  g_autofree char *first_due = NULL;
  g_auto(GStrv) owners = NULL;
  g_auto(GStrv) plan = NULL;
  guint overdue = count_actions (ws, paraat_action_is_overdue);

  /* The demo has overdue work; the person working hears about their own. */
  g_assert_cmpuint (overdue, >, 0);
  g_assert_nonnull (strstr (paraat_workspace_view_get_deadline_summary (view), "overdue"));
  wait_until (notification_arrived, NULL);
  g_assert_cmpstr (last_notification_body (), ==, paraat_workspace_view_get_deadline_summary (view));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "workspace.show-page", "s", "actions"));
  model = paraat_actions_page_get_model (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, count_actions (ws, paraat_action_is_active));

  paraat_workspace_view_show_overdue (view);
  g_assert_cmpstr (paraat_workspace_view_get_page (view), ==, "actions");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, overdue);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParaatAction) action = model_action (model, i);
      g_assert_true (paraat_action_is_overdue (action));
    }

  /* Escalation lists the owners of exactly these actions. */
  owners = paraat_escalation_view_dup_owners (PARAAT_ESCALATION_VIEW (find_descendant (GTK_WIDGET (page), PARAAT_TYPE_ESCALATION_VIEW)));
  g_assert_cmpuint (g_strv_length (owners), >, 0);
  g_assert_true (g_strv_contains ((const char * const *) owners, "Fatima El Amrani"));

  /* Two overdue actions move to a quarter together. */
  first = model_action (model, 0);
  second = model_action (model, 1);
  first_due = g_strdup (paraat_action_get_due_date (first));
  gtk_selection_model_select_range (GTK_SELECTION_MODEL (model), 0, 2, TRUE);
  dialog = bulk_dialog (page, "actions.bulk-quarter");
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW)), "2027-Q2");
  adw_message_dialog_response (dialog, "apply");
  g_clear_object (&first);
  first = paraat_workspace_get_action (ws, paraat_action_get_id (second), NULL);
  g_assert_cmpstr (paraat_action_get_quarter (first), ==, "2027-Q2");
  plan = paraat_plan_view_dup_progress_lines (PARAAT_PLAN_VIEW (find_descendant (GTK_WIDGET (page), PARAAT_TYPE_PLAN_VIEW)));
  g_assert_true (g_str_has_prefix (plan[0], "2026") || g_str_has_prefix (plan[0], "2027"));

  /* Moving due dates without a reason is refused; nothing changes. */
  g_clear_object (&first);
  first = model_action (model, 0);
  g_free (first_due);
  first_due = g_strdup (paraat_action_get_due_date (first));
  gtk_selection_model_select_range (GTK_SELECTION_MODEL (model), 0, 1, TRUE);
  dialog = bulk_dialog (page, "actions.bulk-due");
  adw_message_dialog_response (dialog, "apply");
  {
    g_autoptr(ParaatAction) again = paraat_workspace_get_action (ws, paraat_action_get_id (first), NULL);
    g_assert_cmpstr (paraat_action_get_due_date (again), ==, first_due);
  }

  paraat_actions_page_set_search (page, "no action is called like this");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  close_all_windows ();
}

static gboolean
is_from_scan (ParaatAction *action)
{
  return paraat_action_get_scan_id (action) == 1 &&
         paraat_action_get_source (action) == PARAAT_SOURCE_SCAN_GAP;
}

/* The top gaps of the baseline scan become actions in one step. */
static void
test_gaps_to_actions (TestDir       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Eva Smit");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  ParaatWorkspaceView *view = get_view (window);
  GtkWidget *page = view_page (view, "scans", PARAAT_TYPE_SCANS_PAGE);
  guint before = count_actions (ws, is_from_scan);
  ParaatResultsView *results;
  GtkWindow *scan, *dialog;
  g_autoptr(GPtrArray) gaps = NULL;

  paraat_scans_page_open_scan (PARAAT_SCANS_PAGE (page), 1);
  scan = wait_for_toplevel (PARAAT_TYPE_SCAN_WINDOW);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (scan), "scan.view", "s", "results"));
  results = PARAAT_RESULTS_VIEW (find_descendant (GTK_WIDGET (scan), PARAAT_TYPE_RESULTS_VIEW));
  gaps = paraat_results_view_dup_selected_gaps (results);
  g_assert_cmpuint (gaps->len, ==, 10);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (results), "results.create-actions", NULL));
  dialog = wait_for_toplevel (PARAAT_TYPE_GAP_ACTIONS_DIALOG);
  /* Without a due date nothing is created at all. */
  set_entry (GTK_WIDGET (dialog), "Due date (YYYY-MM-DD)", "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "gaps.create", NULL));
  g_assert_cmpuint (count_actions (ws, is_from_scan), ==, before);
  set_entry (GTK_WIDGET (dialog), "Due date (YYYY-MM-DD)", "2027-03-31");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "gaps.create", NULL));
  wait_until (toplevel_gone, GSIZE_TO_POINTER (PARAAT_TYPE_GAP_ACTIONS_DIALOG));
  g_assert_cmpuint (count_actions (ws, is_from_scan), ==, before + 10);
  close_all_windows ();
}

/* A requirement's window lists its actions and starts a new one for it. */
static void
test_requirement_actions (TestDir       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Eva Smit");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  g_autoptr(ParaatRequirement) requirement = paraat_workspace_find_requirement (ws, "iso27001-2022", "A.5.24", NULL);
  g_autoptr(GListModel) actions = paraat_workspace_list_requirement_actions (ws, paraat_requirement_get_id (requirement), NULL);
  g_autoptr(ParaatAction) first = NULL;
  ParaatRequirementDialog *dialog;

  g_assert_cmpuint (g_list_model_get_n_items (actions), >, 0);
  first = g_list_model_get_item (actions, 0);
  dialog = paraat_requirement_dialog_new (GTK_WINDOW (window), ws, paraat_requirement_get_id (requirement));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_nonnull (find_row (GTK_WIDGET (dialog), paraat_action_get_title (first)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "requirement.new-action", NULL));
  g_assert_nonnull (wait_for_toplevel (PARAAT_TYPE_ACTION_DIALOG));
  close_all_windows ();
}

int
main (int    argc,
      char **argv)
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/open-and-navigate", TestDir, NULL, test_dir_setup, test_open_and_navigate,
              test_dir_teardown);
  g_test_add ("/ui/add-person", TestDir, NULL, test_dir_setup, test_add_person,
              test_dir_teardown);
  g_test_add ("/ui/history-two-clicks", TestDir, NULL, test_dir_setup, test_history_two_clicks,
              test_dir_teardown);
  g_test_add ("/ui/tampered-trail-warns", TestDir, NULL, test_dir_setup,
              test_tampered_trail_warns, test_dir_teardown);
  g_test_add ("/ui/bad-file-message", TestDir, NULL, test_dir_setup, test_bad_file_message,
              test_dir_teardown);
  g_test_add ("/ui/register-edit", TestDir, NULL, test_dir_setup, test_register_edit,
              test_dir_teardown);
  g_test_add ("/ui/import-framework", TestDir, NULL, test_dir_setup, test_import_framework,
              test_dir_teardown);
  g_test_add ("/ui/drop-evidence", TestDir, NULL, test_dir_setup, test_drop_evidence,
              test_dir_teardown);
  g_test_add ("/ui/link-evidence", TestDir, NULL, test_dir_setup, test_link_evidence,
              test_dir_teardown);
  g_test_add ("/ui/scan-wizard", TestDir, NULL, test_dir_setup, test_scan_wizard,
              test_dir_teardown);
  g_test_add ("/ui/action-tracker", TestDir, NULL, test_dir_setup, test_action_tracker,
              test_dir_teardown);
  g_test_add ("/ui/gaps-to-actions", TestDir, NULL, test_dir_setup, test_gaps_to_actions,
              test_dir_teardown);
  g_test_add ("/ui/requirement-actions", TestDir, NULL, test_dir_setup, test_requirement_actions,
              test_dir_teardown);
  g_test_add ("/ui/open-twice", TestDir, NULL, test_dir_setup, test_open_twice,
              test_dir_teardown);

  return ui_test_run ();
}
