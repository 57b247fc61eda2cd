/* test-ui-actions.c — the action dialog under Xvfb: creating, the workflow with its refusals,
 * evidence and due-date moves, checked through the core
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "paraat-action.h"
#include "paraat-action-dialog.h"
#include "paraat-evidence.h"
#include "paraat-evidence-importer.h"
#include "paraat-requirement.h"
#include "test-util.h"
#include "ui-util.h"

/* Clicks the response labelled LABEL in the message dialog on screen, as a user would. */
static gboolean
step_shown (GtkWidget  *dialog,
            const char *label)
{
  GtkWidget *button = find_widget (dialog, is_labelled_button, label);

  g_assert_nonnull (button);
  return gtk_widget_is_visible (button) && gtk_widget_is_sensitive (button);
}

static GtkWidget *
current_prompt (void)
{
  return GTK_WIDGET (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static ParaatAction *
find_action (ParaatWorkspace *ws,
             const char      *title)
{
  g_autoptr(GListModel) actions = paraat_workspace_list_actions (ws, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(ParaatAction) action = g_list_model_get_item (actions, i);
      if (g_str_equal (paraat_action_get_title (action), title))
        return g_steal_pointer (&action);
    }
  return NULL;
}

static guint
count_actions (ParaatWorkspace *ws)
{
  g_autoptr(GListModel) actions = paraat_workspace_list_actions (ws, NULL);

  return g_list_model_get_n_items (actions);
}

static ParaatActionStatus
status_of (ParaatWorkspace *ws,
           gint64           id)
{
  g_autoptr(ParaatAction) action = paraat_workspace_get_action (ws, id, NULL);

  return paraat_action_get_status (action);
}

/* An action of this test's own, owned by Joost Bakker, needing evidence on TRACK. */
static gint64
make_action (ParaatWorkspace *ws,
             const char      *title,
             guint            track)
{
  g_autoptr(GError) error = NULL;
  ParaatActionSpec spec = {
    .title = title,
    .source = PARAAT_SOURCE_AUDIT,
    .owner_id = person_id (ws, "Joost Bakker"),
    .due_date = "2030-06-30",
    .priority = PARAAT_PRIORITY_HIGH,
    .required_track = track,
  };
  gint64 id = paraat_workspace_create_action (ws, &spec, &error);

  g_assert_no_error (error);
  return id;
}

static GtkWidget *
open_dialog (ParaatWindow *window,
             gint64        id)
{
  GtkWindow *dialog = GTK_WINDOW (paraat_action_dialog_new (GTK_WINDOW (window),
                                                            paraat_window_get_workspace (window),
                                                            id));

  gtk_window_present (dialog);
  spin (50);
  return GTK_WIDGET (dialog);
}

static void
on_created_cb (ParaatActionDialog *dialog,
               gint64              id,
               gint64             *out)
{
  *out = id;
}

static void
test_create (TestDir       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Marloes Jansen");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  guint before = count_actions (ws);
  ParaatActionDialog *dialog = paraat_action_dialog_new_action (GTK_WINDOW (window), ws, NULL);
  GtkWidget *root = GTK_WIDGET (dialog);
  g_autoptr(ParaatAction) action = NULL;
  g_autoptr(ParaatRequirement) requirement = NULL;
  GtkWidget *entry;
  const gint64 *requirement_ids;
  guint n_requirements;
  gint64 created = 0;

  g_object_ref (dialog);
  g_signal_connect (dialog, "created", G_CALLBACK (on_created_cb), &created);
  gtk_window_present (GTK_WINDOW (dialog));
  spin (50);

  /* Without a title, or without an owner, nothing is created and the dialog says why. */
  set_entry (root, "Due date (YYYY-MM-DD)", "2030-03-31");
  g_assert_true (gtk_widget_activate_action (root, "action.save", NULL));
  g_assert_nonnull (paraat_action_dialog_get_error (dialog));
  g_assert_cmpuint (count_actions (ws), ==, before);

  set_entry (root, "Title", "Test the restore of the customer database");
  g_assert_true (gtk_widget_activate_action (root, "action.save", NULL));
  g_assert_nonnull (paraat_action_dialog_get_error (dialog));
  g_assert_cmpuint (count_actions (ws), ==, before);
  g_assert_cmpint (created, ==, 0);
  g_assert_true (gtk_widget_get_visible (root));

  /* A requirement is linked by typing its identifier. */
  entry = find_descendant (root, GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "A.8.13");
  g_signal_emit_by_name (entry, "activate");

  select_combo (root, "Owner", "Joost Bakker");
  select_combo (root, "Track", "Operation");
  g_assert_true (gtk_widget_activate_action (root, "action.save", NULL));
  g_assert_cmpint (created, !=, 0);
  g_assert_cmpint (paraat_action_dialog_get_action_id (dialog), ==, created);
  g_assert_cmpuint (count_actions (ws), ==, before + 1);

  action = find_action (ws, "Test the restore of the customer database");
  g_assert_nonnull (action);
  g_assert_cmpint (paraat_action_get_id (action), ==, created);
  g_assert_cmpstr (paraat_action_get_owner_name (action), ==, "Joost Bakker");
  g_assert_cmpstr (paraat_action_get_due_date (action), ==, "2030-03-31");
  g_assert_cmpuint (paraat_action_get_required_track (action), ==, PARAAT_TRACK_OPERATION);
  g_assert_cmpint (paraat_action_get_status (action), ==, PARAAT_ACTION_OPEN);
  requirement_ids = paraat_action_get_requirement_ids (action, &n_requirements);
  g_assert_cmpuint (n_requirements, ==, 1);
  requirement = paraat_workspace_get_requirement (ws, requirement_ids[0], NULL);
  g_assert_cmpstr (paraat_requirement_get_label (requirement), ==, "A.8.13");

  g_object_unref (dialog);
  close_all_windows ();
}

static gboolean
has_evidence (gpointer data)
{
  gpointer *args = data;
  g_autoptr(GListModel) items = paraat_workspace_list_action_evidence (args[0],
                                                                       *(gint64 *) args[1], NULL);

  return g_list_model_get_n_items (items) > 0;
}

static gboolean
drop_files (GtkWidget *widget,
            GSList    *files)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &accepted);
    }
  return accepted;
}

static void
test_workflow (TestDir       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  g_autofree char *file_path = g_build_filename (fixture->dir, "restore-procedure.md", NULL);
  const char *text = "# Restore procedure\nRestore the database from last night's backup.\n";
  ParaatWindow *window = open_as (path, "Marloes Jansen");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  gint64 id = make_action (ws, "Write the restore procedure", PARAAT_TRACK_POLICY);
  GtkWidget *dialog = open_dialog (window, id);
  g_autoptr(GFile) file = NULL;
  g_autoptr(ParaatAction) closed = NULL;
  gpointer args[] = { ws, &id };
  GSList *files;

  /* Only the steps the status allows are offered; the others do nothing. */
  g_assert_true (step_shown (dialog, "S_tart"));
  g_assert_false (step_shown (dialog, "Submit for _Review"));
  g_assert_false (step_shown (dialog, "_Approve and Close…"));
  gtk_widget_activate_action (dialog, "action.submit", NULL);
  g_assert_null (paraat_action_dialog_get_error (PARAAT_ACTION_DIALOG (dialog)));
  g_assert_cmpint (status_of (ws, id), ==, PARAAT_ACTION_OPEN);
  g_assert_true (gtk_widget_activate_action (dialog, "action.start", NULL));
  g_assert_cmpint (status_of (ws, id), ==, PARAAT_ACTION_IN_PROGRESS);
  g_assert_null (paraat_action_dialog_get_error (PARAAT_ACTION_DIALOG (dialog)));

  /* Without evidence on the policy track the core refuses; the refusal is shown. */
  g_assert_true (gtk_widget_activate_action (dialog, "action.submit", NULL));
  g_assert_nonnull (paraat_action_dialog_get_error (PARAAT_ACTION_DIALOG (dialog)));
  g_assert_nonnull (strstr (paraat_action_dialog_get_error (PARAAT_ACTION_DIALOG (dialog)),
                            "Policy"));
  g_assert_cmpint (status_of (ws, id), ==, PARAAT_ACTION_IN_PROGRESS);

  /* A file dropped on the dialog becomes evidence (policy by default) linked to it. */
  test_util_write_file (file_path, text, strlen (text));
  file = g_file_new_for_path (file_path);
  files = g_slist_append (NULL, file);
  g_assert_true (drop_files (dialog, files));
  g_slist_free (files);
  wait_until (has_evidence, args);

  g_assert_true (gtk_widget_activate_action (dialog, "action.submit", NULL));
  g_assert_cmpint (status_of (ws, id), ==, PARAAT_ACTION_AWAITING_REVIEW);
  g_assert_null (paraat_action_dialog_get_error (PARAAT_ACTION_DIALOG (dialog)));

  /* The owner may not approve their own action. */
  g_assert_true (gtk_widget_activate_action (dialog, "action.approve", NULL));
  select_combo (current_prompt (), "Reviewer", "Joost Bakker");
  set_entry (current_prompt (), "Verification note: what you checked", "Read it");
  answer_prompt ("_Approve and Close");
  g_assert_nonnull (paraat_action_dialog_get_error (PARAAT_ACTION_DIALOG (dialog)));
  g_assert_cmpint (status_of (ws, id), ==, PARAAT_ACTION_AWAITING_REVIEW);

  /* Asked again with the answers kept: another reviewer with a note closes it. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (current_prompt (),
                                                                  "Verification note: what you checked"))),
                   ==, "Read it");
  select_combo (current_prompt (), "Reviewer", "Marloes Jansen");
  set_entry (current_prompt (), "Verification note: what you checked",
             "Procedure read and matches the restore test of 1 November");
  answer_prompt ("_Approve and Close");
  g_assert_cmpint (status_of (ws, id), ==, PARAAT_ACTION_CLOSED);
  g_assert_null (paraat_action_dialog_get_error (PARAAT_ACTION_DIALOG (dialog)));

  closed = paraat_workspace_get_action (ws, id, NULL);
  g_assert_cmpstr (paraat_action_get_reviewer_name (closed), ==, "Marloes Jansen");
  g_assert_cmpstr (paraat_action_get_verification_note (closed), ==,
                   "Procedure read and matches the restore test of 1 November");

  /* Closed: nothing to save, only Reopen is offered. */
  g_assert_true (step_shown (dialog, "Re_open…"));
  g_assert_false (step_shown (dialog, "Cancel Act_ion…"));
  g_assert_false (step_shown (dialog, "_Save"));
  g_assert_true (gtk_widget_activate_action (dialog, "action.reopen", NULL));
  answer_prompt ("_Reopen");
  g_assert_cmpint (status_of (ws, id), ==, PARAAT_ACTION_CLOSED);
  set_entry (current_prompt (), "Reason", "The auditor asked for the offsite copy too");
  answer_prompt ("_Reopen");
  g_assert_cmpint (status_of (ws, id), ==, PARAAT_ACTION_IN_PROGRESS);
  close_all_windows ();
}

static void
test_move_due (TestDir       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Marloes Jansen");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  gint64 id = make_action (ws, "Renew the supplier contract register", PARAAT_TRACK_OPERATION);
  GtkWidget *dialog = open_dialog (window, id);
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(ParaatActionDueChange) change = NULL;
  g_autoptr(ParaatAction) action = NULL;

  /* Without a reason the date stays. */
  g_assert_true (gtk_widget_activate_action (dialog, "action.move-due", NULL));
  set_entry (current_prompt (), "New due date (YYYY-MM-DD)", "2030-09-30");
  answer_prompt ("_Move");
  g_assert_nonnull (paraat_action_dialog_get_error (PARAAT_ACTION_DIALOG (dialog)));
  action = paraat_workspace_get_action (ws, id, NULL);
  g_assert_cmpstr (paraat_action_get_due_date (action), ==, "2030-06-30");
  changes = paraat_workspace_list_action_due_changes (ws, id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 0);
  g_clear_object (&changes);
  g_clear_object (&action);

  /* The new date typed is kept; with a reason it is moved and recorded. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (current_prompt (),
                                                                  "New due date (YYYY-MM-DD)"))),
                   ==, "2030-09-30");
  set_entry (current_prompt (), "Reason", "The supplier moved its renewal to September");
  answer_prompt ("_Move");
  g_assert_null (paraat_action_dialog_get_error (PARAAT_ACTION_DIALOG (dialog)));

  action = paraat_workspace_get_action (ws, id, NULL);
  g_assert_cmpstr (paraat_action_get_due_date (action), ==, "2030-09-30");
  changes = paraat_workspace_list_action_due_changes (ws, id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
  change = g_list_model_get_item (changes, 0);
  g_assert_cmpstr (paraat_action_due_change_get_old_due (change), ==, "2030-06-30");
  g_assert_cmpstr (paraat_action_due_change_get_new_due (change), ==, "2030-09-30");
  g_assert_cmpstr (paraat_action_due_change_get_reason (change), ==,
                   "The supplier moved its renewal to September");
  g_assert_cmpstr (paraat_action_due_change_get_actor_name (change), ==, "Marloes Jansen");
  /* The dialog's own history list shows it. */
  g_assert_nonnull (find_row (dialog, "2030-06-30 → 2030-09-30"));
  close_all_windows ();
}

/* Existing evidence is linked from the popover; a cancel needs a reason. */
static void
test_link_and_cancel (TestDir       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Marloes Jansen");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  gint64 id = make_action (ws, "Review the access rights of leavers", PARAAT_TRACK_OPERATION);
  GtkWidget *dialog = open_dialog (window, id);
  g_autoptr(GListModel) items = paraat_workspace_list_evidence (ws, NULL);
  g_autoptr(ParaatEvidence) evidence = g_list_model_get_item (items, 0);
  g_autoptr(GListModel) linked = NULL;
  g_autoptr(ParaatAction) action = NULL;
  GtkMenuButton *button = GTK_MENU_BUTTON (find_widget (dialog, is_labelled_button,
                                                        "_Link Evidence…"));
  GtkWidget *row;

  g_assert_nonnull (evidence);
  g_assert_nonnull (button);
  row = find_row (GTK_WIDGET (gtk_menu_button_get_popover (button)),
                  paraat_evidence_get_title (evidence));
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  spin (20);
  linked = paraat_workspace_list_action_evidence (ws, id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 1);

  g_assert_true (gtk_widget_activate_action (dialog, "action.cancel", NULL));
  answer_prompt ("C_ancel Action");
  g_assert_nonnull (paraat_action_dialog_get_error (PARAAT_ACTION_DIALOG (dialog)));
  g_assert_cmpint (status_of (ws, id), ==, PARAAT_ACTION_OPEN);
  set_entry (current_prompt (), "Reason", "Covered by the quarterly access review");
  answer_prompt ("C_ancel Action");
  g_assert_cmpint (status_of (ws, id), ==, PARAAT_ACTION_CANCELLED);
  action = paraat_workspace_get_action (ws, id, NULL);
  g_assert_cmpstr (paraat_action_get_cancel_reason (action), ==,
                   "Covered by the quarterly access review");
  close_all_windows ();
}

int
main (int    argc,
      char **argv)
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/actions/create", TestDir, NULL, test_dir_setup, test_create,
              test_dir_teardown);
  g_test_add ("/ui/actions/workflow", TestDir, NULL, test_dir_setup, test_workflow,
              test_dir_teardown);
  g_test_add ("/ui/actions/move-due", TestDir, NULL, test_dir_setup, test_move_due,
              test_dir_teardown);
  g_test_add ("/ui/actions/link-and-cancel", TestDir, NULL, test_dir_setup,
              test_link_and_cancel, test_dir_teardown);

  return ui_test_run ();
}
