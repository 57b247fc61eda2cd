/* test-ui-scope.c — the scope and exceptions registers under Xvfb: adding and removing
 * scope items, recording exceptions with their refusals, the states in words, and the
 * exceptions a requirement shows; checked through the core
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "paraat-exception-dialog.h"
#include "paraat-exceptions-page.h"
#include "paraat-framework.h"
#include "paraat-register-page.h"
#include "paraat-requirement.h"
#include "paraat-requirement-dialog.h"
#include "paraat-risk.h"
#include "paraat-scope-item-dialog.h"
#include "paraat-scope-page.h"
#include "test-util.h"
#include "ui-util.h"

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_drop_down_tipped (GtkWidget     *widget,
                     gconstpointer  tooltip)
{
  return GTK_IS_DROP_DOWN (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* Clicks the response labelled LABEL in the message dialog on screen, as a user would. */
/* A page of its own in a window over the workspace, as the sidebar would show it. */
static GtkWidget *
show_page (GtkWidget *page)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  spin (50);
  return window;
}

static ParaatScopeItem *
find_item (ParaatWorkspace *ws,
           const char      *name)
{
  g_autoptr(GListModel) items = paraat_workspace_list_scope_items (ws, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ParaatScopeItem) item = g_list_model_get_item (items, i);
      if (g_str_equal (paraat_scope_item_get_name (item), name))
        return g_steal_pointer (&item);
    }
  return NULL;
}

static guint
count (GListModel *model)
{
  g_autoptr(GListModel) owned = model;

  return g_list_model_get_n_items (owned);
}

static gboolean
window_gone (gpointer window)
{
  return !gtk_widget_get_visible (window);
}

/* An item out of scope needs a reason: refused at the field without one, listed with it. */
static void
test_add_item (TestDir       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Marloes Jansen");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  GtkWidget *page = g_object_new (PARAAT_TYPE_SCOPE_PAGE, NULL);
  guint before = count (paraat_workspace_list_scope_items (ws, NULL));
  ParaatScopeItemDialog *dialog;
  GtkWidget *root, *row;
  g_autoptr(ParaatScopeItem) item = NULL;

  paraat_scope_page_set_workspace (PARAAT_SCOPE_PAGE (page), ws);
  show_page (page);
  g_assert_nonnull (find_row (page, "Roosterwijs platform"));

  gtk_widget_activate_action (page, "scope.add", NULL);
  dialog = PARAAT_SCOPE_ITEM_DIALOG (wait_for_toplevel (PARAAT_TYPE_SCOPE_ITEM_DIALOG));
  root = GTK_WIDGET (dialog);
  g_object_ref (dialog);
  select_combo (root, "Kind", "Supplier");
  set_entry (root, "Name", "Print shop");
  gtk_switch_set_active (GTK_SWITCH (find_descendant (root, GTK_TYPE_SWITCH)), FALSE);
  g_assert_true (gtk_widget_activate_action (root, "scope-item.save", NULL));
  g_assert_nonnull (paraat_scope_item_dialog_get_error (dialog));
  row = find_row (root, "Why it is out of scope");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpuint (count (paraat_workspace_list_scope_items (ws, NULL)), ==, before);
  g_assert_null (find_item (ws, "Print shop"));

  set_entry (root, "Why it is out of scope", "Prints flyers only; handles no customer data");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_true (gtk_widget_activate_action (root, "scope-item.save", NULL));
  wait_until (window_gone, dialog);
  g_object_unref (dialog);

  item = find_item (ws, "Print shop");
  g_assert_nonnull (item);
  g_assert_cmpint (paraat_scope_item_get_kind (item), ==, PARAAT_SCOPE_SUPPLIER);
  g_assert_false (paraat_scope_item_get_in_scope (item));
  spin (50);
  row = find_row (page, "Print shop");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Out of scope: Prints flyers only; handles no customer data");
  close_all_windows ();
}

/* An item a risk names stays: the core refuses, and the dialog says why. */
static void
test_remove_refused (TestDir       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Marloes Jansen");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  g_autoptr(ParaatScopeItem) item = find_item (ws, "Roosterwijs platform");
  g_autoptr(ParaatScopeItem) still = NULL;
  ParaatScopeItemDialog *dialog;

  g_assert_nonnull (item);
  g_assert_cmpuint (paraat_scope_item_get_n_risks (item), >, 0);
  dialog = paraat_scope_item_dialog_new (GTK_WINDOW (window), ws, paraat_scope_item_get_id (item));
  gtk_window_present (GTK_WINDOW (dialog));
  spin (50);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "scope-item.remove", NULL));
  answer_prompt ("_Remove");
  g_assert_nonnull (paraat_scope_item_dialog_get_error (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  still = find_item (ws, "Roosterwijs platform");
  g_assert_nonnull (still);
  close_all_windows ();
}

/* The approver may not be the person who deviates; the expiry comes after the start. */
static void
test_create_exception (TestDir       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Marloes Jansen");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  guint before = count (paraat_workspace_list_exceptions (ws, NULL));
  ParaatExceptionDialog *dialog = paraat_exception_dialog_new (GTK_WINDOW (window), ws, 0);
  GtkWidget *root = GTK_WIDGET (dialog);
  g_autoptr(ParaatException) exception = NULL;
  GtkWidget *entry;
  GtkTextView *view;
  gint64 id;

  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  spin (50);

  entry = find_descendant (root, GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "A.8.7");
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (find_row (root, "A.8.7 Protection against malware"));
  select_combo (root, "Person", "Joost Bakker");
  view = GTK_TEXT_VIEW (find_descendant (root, GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view),
                            "The build server cannot run the scanner until its upgrade.", -1);

  /* Approving one's own exception is refused at the approver. */
  select_combo (root, "Approved by", "Joost Bakker");
  set_entry (root, "Starts on (YYYY-MM-DD)", "2030-06-01");
  set_entry (root, "Expires on (YYYY-MM-DD)", "2030-12-31");
  g_assert_true (gtk_widget_activate_action (root, "exception.save", NULL));
  g_assert_nonnull (paraat_exception_dialog_get_error (dialog));
  g_assert_true (gtk_widget_has_css_class (find_row (root, "Approved by"), "error"));
  g_assert_cmpuint (count (paraat_workspace_list_exceptions (ws, NULL)), ==, before);

  /* An expiry before the start is refused at the expiry. */
  select_combo (root, "Approved by", "Marloes Jansen");
  set_entry (root, "Expires on (YYYY-MM-DD)", "2030-01-01");
  g_assert_true (gtk_widget_activate_action (root, "exception.save", NULL));
  g_assert_nonnull (paraat_exception_dialog_get_error (dialog));
  g_assert_false (gtk_widget_has_css_class (find_row (root, "Approved by"), "error"));
  g_assert_true (gtk_widget_has_css_class (find_row (root, "Expires on (YYYY-MM-DD)"), "error"));
  g_assert_cmpuint (count (paraat_workspace_list_exceptions (ws, NULL)), ==, before);

  set_entry (root, "Expires on (YYYY-MM-DD)", "2030-12-31");
  g_assert_true (gtk_widget_activate_action (root, "exception.save", NULL));
  g_assert_null (paraat_exception_dialog_get_error (dialog));
  id = paraat_exception_dialog_get_exception_id (dialog);
  g_assert_cmpint (id, !=, 0);
  g_assert_cmpuint (count (paraat_workspace_list_exceptions (ws, NULL)), ==, before + 1);

  exception = paraat_workspace_get_exception (ws, id, NULL);
  g_assert_nonnull (exception);
  g_assert_cmpstr (paraat_exception_get_holder_name (exception), ==, "Joost Bakker");
  g_assert_cmpstr (paraat_exception_get_approver_name (exception), ==, "Marloes Jansen");
  g_assert_cmpstr (paraat_exception_get_start_date (exception), ==, "2030-06-01");
  g_assert_cmpstr (paraat_exception_get_expiry_date (exception), ==, "2030-12-31");
  g_assert_cmpint (paraat_exception_get_state (exception), ==, PARAAT_EXCEPTION_NOT_STARTED);
  g_assert_cmpint (paraat_exception_get_risk_id (exception), ==, 0);

  g_object_unref (dialog);
  close_all_windows ();
}

static ParaatExceptionState
state_at (GListModel *model,
          guint       position)
{
  g_autoptr(ParaatException) exception = g_list_model_get_item (model, position);

  return paraat_exception_get_state (exception);
}

/* The demo's expired, expiring and valid exceptions, each said in words. */
static void
test_states (TestDir       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Marloes Jansen");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  GtkWidget *page = g_object_new (PARAAT_TYPE_EXCEPTIONS_PAGE, NULL);
  GListModel *shown;
  GtkDropDown *state, *sort;

  paraat_exceptions_page_set_workspace (PARAAT_EXCEPTIONS_PAGE (page), ws);
  show_page (page);
  shown = paraat_exceptions_page_get_model (PARAAT_EXCEPTIONS_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);

  g_assert_nonnull (find_widget (page, is_label_with_text, "Expired 10 days ago"));
  g_assert_nonnull (find_widget (page, is_label_with_text, "Expires in 20 days"));
  g_assert_nonnull (find_widget (page, is_label_starting, "Valid until "));
  g_assert_nonnull (find_widget (page, is_label_with_text,
                                 "3 exceptions · 1 expired · 1 expiring within 30 days"));

  /* Soonest expiry first, then the other way round. */
  g_assert_cmpint (state_at (shown, 0), ==, PARAAT_EXCEPTION_EXPIRED);
  state = GTK_DROP_DOWN (find_widget (page, is_drop_down_tipped, "State"));
  sort = GTK_DROP_DOWN (find_widget (page, is_drop_down_tipped, "Order"));
  gtk_drop_down_set_selected (sort, 1);
  g_assert_cmpint (state_at (shown, 0), ==, PARAAT_EXCEPTION_VALID);
  g_assert_cmpint (state_at (shown, 2), ==, PARAAT_EXCEPTION_EXPIRED);

  /* The state filter: only the expired one. */
  gtk_drop_down_set_selected (state, 3);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_cmpint (state_at (shown, 0), ==, PARAAT_EXCEPTION_EXPIRED);
  gtk_drop_down_set_selected (state, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  close_all_windows ();
}

/* A requirement under an exception in force shows it; an expired one is not listed. */
static void
test_requirement_dialog (TestDir       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Marloes Jansen");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  g_autoptr(ParaatRequirement) valid = paraat_workspace_find_requirement (ws, "iso27001-2022",
                                                                          "A.5.30", NULL);
  g_autoptr(ParaatRequirement) expired = paraat_workspace_find_requirement (ws, "iso27001-2022",
                                                                            "A.8.1", NULL);
  GtkWidget *dialog;
  GtkWidget *row;

  g_assert_nonnull (valid);
  g_assert_nonnull (expired);
  dialog = GTK_WIDGET (paraat_requirement_dialog_new (GTK_WINDOW (window), ws,
                                                      paraat_requirement_get_id (valid)));
  gtk_window_present (GTK_WINDOW (dialog));
  spin (50);
  row = find_row (dialog, "Roosterwijs platform");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_visible (row));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Until "));

  /* Activating it opens the exception. */
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  g_assert_nonnull (wait_for_toplevel (PARAAT_TYPE_EXCEPTION_DIALOG));
  gtk_window_destroy (find_toplevel (PARAAT_TYPE_EXCEPTION_DIALOG));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = GTK_WIDGET (paraat_requirement_dialog_new (GTK_WINDOW (window), ws,
                                                      paraat_requirement_get_id (expired)));
  gtk_window_present (GTK_WINDOW (dialog));
  spin (50);
  g_assert_null (find_row (dialog, "Daan Visser"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The register says so too, next to the requirement. */
  {
    GListModel *frameworks = paraat_workspace_get_frameworks (ws);
    g_autoptr(ParaatFramework) iso = g_list_model_get_item (frameworks, 0);
    GtkWidget *page = GTK_WIDGET (paraat_register_page_new (ws, iso));

    g_assert_cmpstr (paraat_framework_get_key (iso), ==, "iso27001-2022");
    show_page (page);
    paraat_register_page_set_search (PARAAT_REGISTER_PAGE (page), "A.5.30");
    spin (100);
    g_assert_nonnull (find_widget (page, is_label_containing, "Exception until "));
    /* A.8.1's exception expired: the requirement applies in full again. */
    paraat_register_page_set_search (PARAAT_REGISTER_PAGE (page), "User end point devices");
    spin (100);
    g_assert_nonnull (find_widget (page, is_label_with_text, "User end point devices"));
    g_assert_null (find_widget (page, is_label_containing, "Exception until "));
  }
  close_all_windows ();
}

int
main (int    argc,
      char **argv)
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/scope/add-item", TestDir, NULL, test_dir_setup, test_add_item,
              test_dir_teardown);
  g_test_add ("/ui/scope/remove-refused", TestDir, NULL, test_dir_setup, test_remove_refused,
              test_dir_teardown);
  g_test_add ("/ui/exceptions/create", TestDir, NULL, test_dir_setup, test_create_exception,
              test_dir_teardown);
  g_test_add ("/ui/exceptions/states", TestDir, NULL, test_dir_setup, test_states,
              test_dir_teardown);
  g_test_add ("/ui/exceptions/requirement-dialog", TestDir, NULL, test_dir_setup,
              test_requirement_dialog, test_dir_teardown);

  return ui_test_run ();
}
