/* test-ui-risks.c — the risk register and the risk dialog under Xvfb: creating with its
 * refusals, scope and requirement links, the out-of-scope warning, treatment actions, the
 * trail, and the page's filters, search and sorting, checked through the core
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "paraat-action.h"
#include "paraat-action-dialog.h"
#include "paraat-history-dialog.h"
#include "paraat-requirement.h"
#include "paraat-risk.h"
#include "paraat-risk-dialog.h"
#include "paraat-risks-page.h"
#include "test-util.h"
#include "ui-util.h"

static gint64
make_scope_item (ParaatWorkspace *ws,
                 const char      *name,
                 gboolean         in_scope)
{
  g_autoptr(GError) error = NULL;
  ParaatScopeSpec spec = {
    .kind = PARAAT_SCOPE_SYSTEM,
    .name = name,
    .in_scope = in_scope,
    .justification = in_scope ? NULL : "Switched off next quarter",
  };
  gint64 id = paraat_workspace_add_scope_item (ws, &spec, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
make_risk (ParaatWorkspace *ws,
           const char      *title,
           const char      *scenario,
           int              likelihood,
           int              impact)
{
  g_autoptr(GError) error = NULL;
  ParaatRiskSpec spec = {
    .title = title,
    .scenario = scenario,
    .likelihood = likelihood,
    .impact = impact,
    .treatment = PARAAT_TREATMENT_MITIGATE,
    .owner_id = person_id (ws, "Joost Bakker"),
  };
  gint64 id = paraat_workspace_add_risk (ws, &spec, &error);

  g_assert_no_error (error);
  return id;
}

static guint
count_risks (ParaatWorkspace *ws)
{
  g_autoptr(GListModel) risks = paraat_workspace_list_risks (ws, NULL);

  return g_list_model_get_n_items (risks);
}

static ParaatRisk *
find_risk (ParaatWorkspace *ws,
           const char      *title)
{
  g_autoptr(GListModel) risks = paraat_workspace_list_risks (ws, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(ParaatRisk) risk = g_list_model_get_item (risks, i);
      if (g_str_equal (paraat_risk_get_title (risk), title))
        return g_steal_pointer (&risk);
    }
  return NULL;
}

/* The choice as the dialog words it: "4 · Likely — about once a year" */
static void
select_scale (GtkWidget  *root,
              const char *title,
              const char *(*label) (int value),
              int         value)
{
  g_autofree char *item = g_strdup_printf ("%d · %s", value, label (value));

  select_combo (root, title, item);
}

static void
tick_scope (GtkWidget  *root,
            const char *name,
            gboolean    active)
{
  GtkWidget *row = find_row (root, name);
  GtkWidget *check;

  g_assert_nonnull (row);
  check = find_descendant (row, GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
}

static ParaatRiskDialog *
open_dialog (ParaatWindow *window,
             gint64        id)
{
  ParaatRiskDialog *dialog = paraat_risk_dialog_new (GTK_WINDOW (window),
                                                     paraat_window_get_workspace (window), id);

  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  spin (50);
  return dialog;
}

static void
test_create (TestDir       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Marloes Jansen");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  gint64 portal = make_scope_item (ws, "Customer portal", TRUE);
  guint before = count_risks (ws);
  g_autoptr(ParaatRiskDialog) dialog = open_dialog (window, 0);
  GtkWidget *root = GTK_WIDGET (dialog);
  g_autoptr(ParaatRisk) risk = NULL;
  g_autoptr(ParaatRequirement) requirement = NULL;
  const gint64 *ids;
  GtkWidget *entry;
  guint n;

  /* The History button is for saved risks only. */
  gtk_widget_activate_action (root, "risk.history", NULL);
  spin (20);
  g_assert_null (find_toplevel (PARAAT_TYPE_HISTORY_DIALOG));

  set_entry (root, "Title", "Ransomware encrypts the customer portal");
  select_scale (root, "Likelihood", paraat_likelihood_label, 4);
  select_scale (root, "Impact", paraat_impact_label, 5);
  tick_scope (root, "Customer portal", TRUE);
  entry = find_descendant (root, GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "A.8.13");
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (find_row (root, "A.8.13 Information backup"));

  /* Without an owner the core refuses: the dialog says so, marks the owner, creates nothing. */
  g_assert_true (gtk_widget_activate_action (root, "risk.save", NULL));
  g_assert_nonnull (paraat_risk_dialog_get_error (dialog));
  g_assert_true (gtk_widget_has_css_class (find_row (root, "Owner"), "error"));
  g_assert_true (gtk_widget_get_visible (root));
  g_assert_cmpint (paraat_risk_dialog_get_risk_id (dialog), ==, 0);
  g_assert_cmpuint (count_risks (ws), ==, before);

  select_combo (root, "Owner", "Joost Bakker");
  g_assert_true (gtk_widget_activate_action (root, "risk.save", NULL));
  g_assert_null (paraat_risk_dialog_get_error (dialog));
  g_assert_cmpint (paraat_risk_dialog_get_risk_id (dialog), !=, 0);
  g_assert_cmpuint (count_risks (ws), ==, before + 1);

  risk = find_risk (ws, "Ransomware encrypts the customer portal");
  g_assert_nonnull (risk);
  g_assert_cmpint (paraat_risk_get_id (risk), ==, paraat_risk_dialog_get_risk_id (dialog));
  g_assert_cmpint (paraat_risk_get_likelihood (risk), ==, 4);
  g_assert_cmpint (paraat_risk_get_impact (risk), ==, 5);
  g_assert_cmpint (paraat_risk_get_score (risk), ==, 20);
  g_assert_cmpint (paraat_risk_get_level (risk), ==, PARAAT_RISK_CRITICAL);
  g_assert_cmpint (paraat_risk_get_residual_score (risk), ==, 0);
  g_assert_cmpstr (paraat_risk_get_owner_name (risk), ==, "Joost Bakker");
  ids = paraat_risk_get_scope_item_ids (risk, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (ids[0], ==, portal);
  ids = paraat_risk_get_requirement_ids (risk, &n);
  g_assert_cmpuint (n, ==, 1);
  requirement = paraat_workspace_get_requirement (ws, ids[0], NULL);
  g_assert_cmpstr (paraat_requirement_get_label (requirement), ==, "A.8.13");
  close_all_windows ();
}

/* An accepted risk needs who accepted it; the refusal marks that field. */
static void
test_accept_refused (TestDir       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Marloes Jansen");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  gint64 id = make_risk (ws, "Laptop stolen from a car", "A laptop is stolen.", 2, 2);
  g_autoptr(ParaatRiskDialog) dialog = open_dialog (window, id);
  GtkWidget *root = GTK_WIDGET (dialog);
  GtkWidget *accepted_by = find_row (root, "Accepted by");
  g_autoptr(ParaatRisk) risk = NULL;

  g_assert_false (gtk_widget_get_visible (accepted_by));
  select_combo (root, "Treatment", paraat_treatment_label (PARAAT_TREATMENT_ACCEPT));
  g_assert_true (gtk_widget_get_visible (accepted_by));
  /* The date starts as today. */
  g_assert_cmpuint (strlen (gtk_editable_get_text (GTK_EDITABLE (find_row (root, "Accepted on (YYYY-MM-DD)")))), ==, 10);
  g_assert_true (gtk_widget_activate_action (root, "risk.save", NULL));
  g_assert_nonnull (paraat_risk_dialog_get_error (dialog));
  g_assert_true (gtk_widget_has_css_class (accepted_by, "error"));
  risk = paraat_workspace_get_risk (ws, id, NULL);
  g_assert_cmpint (paraat_risk_get_treatment (risk), ==, PARAAT_TREATMENT_MITIGATE);
  g_clear_object (&risk);

  /* Fixed, the mark goes and the risk is saved as accepted. */
  select_combo (root, "Accepted by", "Marloes Jansen");
  g_assert_true (gtk_widget_activate_action (root, "risk.save", NULL));
  g_assert_null (paraat_risk_dialog_get_error (dialog));
  g_assert_false (gtk_widget_has_css_class (accepted_by, "error"));
  risk = paraat_workspace_get_risk (ws, id, NULL);
  g_assert_cmpint (paraat_risk_get_treatment (risk), ==, PARAAT_TREATMENT_ACCEPT);
  g_assert_cmpstr (paraat_risk_get_accepted_by_name (risk), ==, "Marloes Jansen");
  close_all_windows ();
}

static void
test_edit_history (TestDir       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Marloes Jansen");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  gint64 id = make_risk (ws, "Supplier loses our backups", "The backup supplier goes bankrupt.", 2, 4);
  g_autoptr(ParaatRiskDialog) dialog = open_dialog (window, id);
  GtkWidget *root = GTK_WIDGET (dialog);
  g_autoptr(ParaatRisk) risk = NULL;
  GtkWindow *history;

  /* The saved values are shown, and an edit keeps the rest. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (root, "Title"))), ==,
                   "Supplier loses our backups");
  select_scale (root, "Residual likelihood", paraat_likelihood_label, 1);
  select_scale (root, "Residual impact", paraat_impact_label, 4);
  set_entry (root, "Next review (YYYY-MM-DD)", "2031-13-45");
  g_assert_true (gtk_widget_activate_action (root, "risk.save", NULL));
  g_assert_nonnull (paraat_risk_dialog_get_error (dialog));
  g_assert_true (gtk_widget_has_css_class (find_row (root, "Next review (YYYY-MM-DD)"), "error"));
  risk = paraat_workspace_get_risk (ws, id, NULL);
  g_assert_cmpint (paraat_risk_get_residual_score (risk), ==, 0);
  g_clear_object (&risk);

  set_entry (root, "Next review (YYYY-MM-DD)", "2031-01-31");
  g_assert_true (gtk_widget_activate_action (root, "risk.save", NULL));
  g_assert_null (paraat_risk_dialog_get_error (dialog));
  risk = paraat_workspace_get_risk (ws, id, NULL);
  g_assert_cmpint (paraat_risk_get_residual_score (risk), ==, 4);
  g_assert_cmpstr (paraat_risk_get_review_date (risk), ==, "2031-01-31");
  g_assert_cmpint (paraat_risk_get_score (risk), ==, 8);
  g_assert_cmpstr (paraat_risk_get_scenario (risk), ==, "The backup supplier goes bankrupt.");
  g_clear_object (&dialog);

  /* The trail has the creation and the change; History shows them. */
  dialog = open_dialog (window, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "risk.history", NULL));
  history = wait_for_toplevel (PARAAT_TYPE_HISTORY_DIALOG);
  g_assert_cmpuint (g_list_model_get_n_items (paraat_history_dialog_get_model (PARAAT_HISTORY_DIALOG (history))),
                    >=, 2);
  close_all_windows ();
}

static void
test_out_of_scope (TestDir       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Marloes Jansen");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  g_autoptr(ParaatRiskDialog) dialog = NULL;
  GtkWidget *row;

  make_scope_item (ws, "Customer portal", TRUE);
  make_scope_item (ws, "Old print server", FALSE);
  dialog = open_dialog (window, 0);

  /* Out of scope is said in words on the row, and warned about only once ticked. */
  row = find_row (GTK_WIDGET (dialog), "Old print server");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Out of scope");
  g_assert_null (paraat_risk_dialog_get_scope_warning (dialog));
  tick_scope (GTK_WIDGET (dialog), "Customer portal", TRUE);
  g_assert_null (paraat_risk_dialog_get_scope_warning (dialog));
  tick_scope (GTK_WIDGET (dialog), "Old print server", TRUE);
  g_assert_cmpstr (paraat_risk_dialog_get_scope_warning (dialog), ==,
                   "‘Old print server’ is out of scope. A risk to it may mean the scope "
                   "statement needs another look.");
  tick_scope (GTK_WIDGET (dialog), "Old print server", FALSE);
  g_assert_null (paraat_risk_dialog_get_scope_warning (dialog));
  close_all_windows ();
}

static void
test_treatment_action (TestDir       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Marloes Jansen");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  gint64 id = make_risk (ws, "Phishing steals a password", "A phishing mail steals a password.", 4, 4);
  g_autoptr(ParaatRiskDialog) dialog = open_dialog (window, id);
  g_autoptr(ParaatRisk) risk = NULL;
  g_autoptr(ParaatAction) action = NULL;
  GtkWidget *action_dialog;
  const gint64 *ids;
  guint n;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "risk.new-action", NULL));
  action_dialog = g_object_ref (GTK_WIDGET (wait_for_toplevel (PARAAT_TYPE_ACTION_DIALOG)));
  set_entry (action_dialog, "Title", "Turn on two-factor sign-in for mail");
  set_entry (action_dialog, "Due date (YYYY-MM-DD)", "2031-03-31");
  g_assert_true (gtk_widget_activate_action (action_dialog, "action.save", NULL));
  g_assert_null (paraat_action_dialog_get_error (PARAAT_ACTION_DIALOG (action_dialog)));
  g_object_unref (action_dialog);
  spin (50);

  /* Shown in the risk at once, linked when the risk is saved. */
  g_assert_nonnull (find_row (GTK_WIDGET (dialog), "Turn on two-factor sign-in for mail"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "risk.save", NULL));
  g_assert_null (paraat_risk_dialog_get_error (dialog));

  risk = paraat_workspace_get_risk (ws, id, NULL);
  ids = paraat_risk_get_action_ids (risk, &n);
  g_assert_cmpuint (n, ==, 1);
  action = paraat_workspace_get_action (ws, ids[0], NULL);
  g_assert_cmpstr (paraat_action_get_title (action), ==, "Turn on two-factor sign-in for mail");
  /* It treats this risk: its source, the risk's owner, a priority from the level (16, high). */
  g_assert_cmpint (paraat_action_get_source (action), ==, PARAAT_SOURCE_RISK);
  g_assert_cmpint (paraat_action_get_priority (action), ==, PARAAT_PRIORITY_HIGH);
  g_assert_cmpstr (paraat_action_get_owner_name (action), ==, "Joost Bakker");
  close_all_windows ();
}

static gboolean
is_tooltipped_dropdown (GtkWidget     *widget,
                        gconstpointer  tooltip)
{
  return GTK_IS_DROP_DOWN (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static GtkColumnViewColumn *
find_column (GtkColumnView *view,
             const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      GtkColumnViewColumn *column = g_list_model_get_item (columns, i);

      /* The view keeps its own reference. */
      g_object_unref (column);
      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_assert_not_reached ();
}

static gboolean
scores_sorted (GListModel *model,
               int         direction)
{
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParaatRisk) a = g_list_model_get_item (model, i - 1);
      g_autoptr(ParaatRisk) b = g_list_model_get_item (model, i);
      if ((paraat_risk_get_score (b) - paraat_risk_get_score (a)) * direction < 0)
        return FALSE;
    }
  return TRUE;
}

static guint
count_level (ParaatWorkspace *ws,
             ParaatRiskLevel  level)
{
  g_autoptr(GListModel) risks = paraat_workspace_list_risks (ws, NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(ParaatRisk) risk = g_list_model_get_item (risks, i);
      n += paraat_risk_get_level (risk) == level;
    }
  return n;
}

static void
test_page (TestDir       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Marloes Jansen");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  GtkWidget *page_window = gtk_window_new ();
  ParaatRisksPage *page = g_object_new (PARAAT_TYPE_RISKS_PAGE, NULL);
  GtkDropDown *level;
  GtkColumnView *view;
  GListModel *model;
  guint all;

  make_risk (ws, "Ransomware on the file server", "Files are encrypted.", 4, 5);
  make_risk (ws, "Phishing steals a password", "A phishing mail steals a password.", 3, 3);
  make_risk (ws, "Coffee on the switch", "A spill takes the office network down.", 1, 2);
  gtk_window_set_child (GTK_WINDOW (page_window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (page_window), 1200, 700);
  paraat_risks_page_set_workspace (page, ws);
  gtk_window_present (GTK_WINDOW (page_window));
  spin (50);

  model = paraat_risks_page_get_model (page);
  all = count_risks (ws);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);

  /* A risk added elsewhere shows up. */
  make_risk (ws, "Key supplier stops trading", "The hosting supplier goes bankrupt.", 2, 5);
  spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (paraat_risks_page_get_model (page)), ==, ++all);

  level = GTK_DROP_DOWN (find_widget (GTK_WIDGET (page), is_tooltipped_dropdown, "Inherent risk level"));
  g_assert_nonnull (level);
  gtk_drop_down_set_selected (level, 1 + PARAAT_RISK_CRITICAL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, count_level (ws, PARAAT_RISK_CRITICAL));
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParaatRisk) risk = g_list_model_get_item (model, i);
      g_assert_cmpint (paraat_risk_get_level (risk), ==, PARAAT_RISK_CRITICAL);
    }
  gtk_drop_down_set_selected (level, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);

  /* The search looks in titles, scenarios and owners. */
  paraat_risks_page_set_search (page, "STEALS A PASSWORD");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  paraat_risks_page_set_search (page, "spill takes");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  paraat_risks_page_set_search (page, "Joost");
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 4);
  paraat_risks_page_set_search (page, "");

  view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  gtk_column_view_sort_by_column (view, find_column (view, "Inherent"), GTK_SORT_ASCENDING);
  g_assert_true (scores_sorted (model, 1));
  gtk_column_view_sort_by_column (view, find_column (view, "Inherent"), GTK_SORT_DESCENDING);
  g_assert_true (scores_sorted (model, -1));
  {
    g_autoptr(ParaatRisk) first = g_list_model_get_item (model, 0);
    g_assert_cmpint (paraat_risk_get_score (first), >=, 20);
  }
  close_all_windows ();
}

int
main (int    argc,
      char **argv)
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/risks/create", TestDir, NULL, test_dir_setup, test_create, test_dir_teardown);
  g_test_add ("/ui/risks/accept-refused", TestDir, NULL, test_dir_setup, test_accept_refused,
              test_dir_teardown);
  g_test_add ("/ui/risks/edit-history", TestDir, NULL, test_dir_setup, test_edit_history,
              test_dir_teardown);
  g_test_add ("/ui/risks/out-of-scope", TestDir, NULL, test_dir_setup, test_out_of_scope,
              test_dir_teardown);
  g_test_add ("/ui/risks/treatment-action", TestDir, NULL, test_dir_setup,
              test_treatment_action, test_dir_teardown);
  g_test_add ("/ui/risks/page", TestDir, NULL, test_dir_setup, test_page, test_dir_teardown);

  return ui_test_run ();
}
