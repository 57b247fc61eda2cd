/* paraat-dashboard-page.c — the workspace's home: the three numbers executives get each
 * quarter, the charts, and what needs chasing now
 *
 * Every figure is shown with its change against the same day one quarter earlier, because
 * a board asks "is it getting better?" before "how much is it?". The direction is said in
 * words and with an arrow, so it never rests on colour alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "paraat-action.h"
#include "paraat-action-dialog.h"
#include "paraat-chart-view.h"
#include "paraat-clock.h"
#include "paraat-dashboard-page.h"
#include "paraat-error.h"
#include "paraat-i18n.h"
#include "paraat-metrics.h"
#include "paraat-snapshot.h"
#include "paraat-widget-util.h"

#define COMPARE_MONTHS 3
#define LIST_MAX       10
#define CHART_HEIGHT   320
#define EMPTY_CHART_HEIGHT 160

/* The charts in the order shown: the big picture first, then follow-up and proof */
static const ParaatChartKind chart_order[] = {
  PARAAT_CHART_READINESS,
  PARAAT_CHART_RADAR,
  PARAAT_CHART_TREND,
  PARAAT_CHART_ACTIONS,
  PARAAT_CHART_FRESHNESS,
  PARAAT_CHART_HEATMAP,
};

struct _ParaatDashboardPage
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkDropDown     *period_dropdown;
  GtkMenuButton   *custom_button;
  GtkPopover      *custom_popover;
  GtkEditable     *from_row;
  GtkEditable     *to_row;
  GtkLabel        *custom_error;
  GtkLabel        *period_label;
  GtkLabel        *values[PARAAT_N_FIGURES];
  GtkLabel        *changes[PARAAT_N_FIGURES];
  GtkLabel        *notes[PARAAT_N_FIGURES];
  GtkFlowBox      *charts_box;
  AdwPreferencesGroup *overdue_group;
  GtkListBox      *overdue_list;
  GtkListBox      *deadlines_list;

  /* Built in code */
  ParaatChartView *charts[PARAAT_N_CHARTS];
  GtkWidget       *chart_children[PARAAT_N_CHARTS];

  /* Owned references */
  ParaatWorkspace *workspace;

  /* The period; AT is its end or today, BEFORE one quarter before AT */
  ParaatPeriod     period;
  GDate            custom_from;
  GDate            custom_to;
  char             from[11];
  char             to[11];
  char             at[11];
  char             before[11];
  char             today[11];

  gboolean         choosing;   /* the dropdown is being set from code */

  guint                 reload_source;
  GCancellable         *loading;   /* the snapshot being read in a worker thread */
};

G_DEFINE_FINAL_TYPE (ParaatDashboardPage, paraat_dashboard_page, ADW_TYPE_BIN)

/* Dates */

static void
format_iso (const GDate *date,
            char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

static gboolean
parse_iso (const char *text,
           GDate      *date)
{
  int year, month, day;
  char end;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}


static void
get_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (paraat_clock_now_ms () / 1000);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* Whole months, so "this quarter" is what the quarterly plan and a board mean by it */
static void
period_bounds (ParaatDashboardPage *self,
               const GDate         *today,
               GDate               *from,
               GDate               *to)
{
  GDateMonth month = g_date_get_month (today);
  GDateYear year = g_date_get_year (today);
  guint months = 1;

  g_date_clear (from, 1);
  g_date_clear (to, 1);
  switch (self->period)
    {
    case PARAAT_PERIOD_CUSTOM:
      *from = self->custom_from;
      *to = self->custom_to;
      return;
    case PARAAT_PERIOD_QUARTER:
      g_date_set_dmy (from, 1, (month - 1) / 3 * 3 + 1, year);
      months = 3;
      break;
    case PARAAT_PERIOD_YEAR:
      g_date_set_dmy (from, 1, month, year);
      g_date_subtract_months (from, 11);
      months = 12;
      break;
    case PARAAT_PERIOD_MONTH:
    default:
      g_date_set_dmy (from, 1, month, year);
      break;
    }
  *to = *from;
  g_date_add_months (to, months);
  g_date_subtract_days (to, 1);
}

/* Figures are never computed for a day still to come: they would count today's open work
 * as if nothing will change. */
static void
update_period (ParaatDashboardPage *self)
{
  GDate today, from, to, at, before;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *at_text = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *summary = NULL;

  get_today (&today);
  period_bounds (self, &today, &from, &to);
  at = g_date_compare (&to, &today) > 0 ? today : to;
  before = at;
  g_date_subtract_months (&before, COMPARE_MONTHS);

  format_iso (&today, self->today);
  format_iso (&from, self->from);
  format_iso (&to, self->to);
  format_iso (&at, self->at);
  format_iso (&before, self->before);

  from_text = paraat_format_date_long (self->from);
  to_text = paraat_format_date_long (self->to);
  at_text = paraat_format_date_long (self->at);
  before_text = paraat_format_date_long (self->before);
  /* Translators: "Period 1 April 2026 – 30 June 2026. Figures at 12 May 2026, changes
   * since 12 February 2026." */
  summary = g_strdup_printf (_("Period %s – %s. Figures at %s, changes since %s."),
                             from_text, to_text, at_text, before_text);
  gtk_label_set_label (self->period_label, summary);
}

/* Figures */

static void
set_figure (ParaatDashboardPage *self,
            ParaatFigure         figure,
            const char          *value,
            const char          *note)
{
  gtk_label_set_label (self->values[figure], value);
  gtk_label_set_label (self->notes[figure], note);
  gtk_widget_set_visible (GTK_WIDGET (self->notes[figure]), note != NULL && note[0] != '\0');
}

/* BETTER: > 0 an improvement, < 0 a deterioration, 0 neither; the colour only repeats it */
static void
set_change (ParaatDashboardPage *self,
            ParaatFigure         figure,
            const char          *text,
            int                  better)
{
  GtkWidget *label = GTK_WIDGET (self->changes[figure]);

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_visible (label, text != NULL && text[0] != '\0');
  gtk_widget_remove_css_class (label, "paraat-better");
  gtk_widget_remove_css_class (label, "paraat-worse");
  if (better != 0)
    gtk_widget_add_css_class (label, better > 0 ? "paraat-better" : "paraat-worse");
}

static void
update_figures (ParaatDashboardPage  *self,
                const ParaatSnapshot *snapshot)
{
  g_autofree char *since = paraat_format_date_long (self->before);

  for (guint figure = 0; figure < PARAAT_N_FIGURES; figure++)
    {
      g_auto(ParaatFigureText) text = { NULL, };

      paraat_metrics_describe (&snapshot->now, &snapshot->before, since, figure, &text);
      set_figure (self, figure, text.value, text.note);
      set_change (self, figure, text.change, text.better);
    }
}

/* Charts */

static void
update_charts (ParaatDashboardPage  *self,
               const ParaatSnapshot *snapshot)
{
  for (guint i = 0; i < G_N_ELEMENTS (chart_order); i++)
    {
      ParaatChartKind kind = chart_order[i];
      ParaatChart *chart = snapshot->charts[kind];

      paraat_chart_view_set_chart (self->charts[kind], chart);
      /* An empty chart is one sentence; it need not push the rest of the page down */
      gtk_widget_set_size_request (GTK_WIDGET (self->charts[kind]), -1,
                                   paraat_chart_is_empty (chart) ? EMPTY_CHART_HEIGHT
                                                                 : CHART_HEIGHT);
      /* Risks are not registered yet in most workspaces; an empty grid would only puzzle */
      if (kind == PARAAT_CHART_HEATMAP)
        gtk_widget_set_visible (self->chart_children[kind], !paraat_chart_is_empty (chart));
    }
}

static void
add_chart (ParaatDashboardPage *self,
           ParaatChartKind      kind)
{
  GtkWidget *child = gtk_flow_box_child_new ();
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *view = paraat_chart_view_new ();

  gtk_widget_set_hexpand (view, TRUE);
  gtk_widget_set_vexpand (view, TRUE);
  /* A flow box gives its children their minimum height; a radar needs this much room for
   * its domain labels */
  gtk_widget_set_size_request (view, -1, CHART_HEIGHT);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "paraat-chart-card");
  gtk_box_append (GTK_BOX (card), view);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), card);
  /* The chart itself takes focus; the cell around it would be an empty stop */
  gtk_widget_set_focusable (child, FALSE);
  gtk_flow_box_append (self->charts_box, child);
  self->charts[kind] = PARAAT_CHART_VIEW (view);
  self->chart_children[kind] = child;
}

/* Overdue actions and next deadlines */

static void
on_action_activated_cb (AdwActionRow        *row,
                        ParaatDashboardPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "action-id");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_window_present (GTK_WINDOW (paraat_action_dialog_new (GTK_WINDOW (root), self->workspace, *id)));
}

static GtkWidget *
action_row_new (ParaatDashboardPage *self,
                ParaatAction        *action,
                const char          *subtitle,
                const char          *icon_name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  gint64 id = paraat_action_get_id (action);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), paraat_action_get_title (action));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  g_object_set_data (G_OBJECT (row), "icon", icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "action-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (on_action_activated_cb), self);
  return row;
}

static GtkWidget *
overdue_row_new (ParaatDashboardPage *self,
                 ParaatAction        *action)
{
  int days = paraat_action_get_days_overdue (action);
  g_autofree char *due = paraat_format_date_long (paraat_action_get_due_date (action));
  /* Translators: "due 1 March 2026 · 12 days overdue · Joost Bakker" */
  g_autofree char *subtitle =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "due %s · %d day overdue · %s",
                                  "due %s · %d days overdue · %s", days),
                     due, days, paraat_action_get_owner_name (action));
  GtkWidget *row = action_row_new (self, action, subtitle, "alarm-symbolic");

  /* The subtitle says "overdue" in words; the red alarm only repeats it */
  gtk_widget_add_css_class (g_object_get_data (G_OBJECT (row), "icon"), "error");
  return row;
}

static GtkWidget *
deadline_row_new (ParaatDashboardPage *self,
                  ParaatAction        *action)
{
  GDate today, due;
  int days;
  g_autofree char *due_text = paraat_format_date_long (paraat_action_get_due_date (action));
  g_autofree char *subtitle = NULL;

  parse_iso (self->today, &today);
  days = parse_iso (paraat_action_get_due_date (action), &due) ? g_date_days_between (&today, &due) : 0;
  subtitle = days == 0
    /* Translators: "due today · Joost Bakker" */
    ? g_strdup_printf (_("due today · %s"), paraat_action_get_owner_name (action))
    /* Translators: "due 1 March 2026 · in 12 days · Joost Bakker" */
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "due %s · in %d day · %s",
                                    "due %s · in %d days · %s", days),
                       due_text, days, paraat_action_get_owner_name (action));
  return action_row_new (self, action, subtitle, "x-office-calendar-symbolic");
}

static GtkWidget *
placeholder_row_new (const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("object-select-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (paraat_action_get_due_date (*(ParaatAction **) a),
                    paraat_action_get_due_date (*(ParaatAction **) b));
}

static void
fill_lists (ParaatDashboardPage *self,
            GPtrArray           *overdue,
            GPtrArray           *upcoming)
{
  g_autofree char *description = NULL;

  paraat_list_box_clear (self->overdue_list);
  paraat_list_box_clear (self->deadlines_list);
  for (guint i = 0; i < MIN (overdue->len, LIST_MAX); i++)
    gtk_list_box_append (self->overdue_list, overdue_row_new (self, g_ptr_array_index (overdue, i)));
  for (guint i = 0; i < MIN (upcoming->len, LIST_MAX); i++)
    gtk_list_box_append (self->deadlines_list, deadline_row_new (self, g_ptr_array_index (upcoming, i)));
  if (overdue->len == 0)
    gtk_list_box_append (self->overdue_list, placeholder_row_new (_("Nothing overdue")));
  if (upcoming->len == 0)
    gtk_list_box_append (self->deadlines_list, placeholder_row_new (_("No deadlines ahead")));

  description = overdue->len > LIST_MAX
    ? g_strdup_printf (_("The %d most overdue of %u; the action tracker has them all."),
                       LIST_MAX, overdue->len)
    : g_strdup (_("Active actions past their due date today, most overdue first."));
  adw_preferences_group_set_description (self->overdue_group, description);
}

/* The lists are about today, whatever the period: they are the work to chase now. */
static void
update_lists (ParaatDashboardPage  *self,
              const ParaatSnapshot *snapshot)
{
  GListModel *actions = snapshot->actions;
  g_autoptr(GPtrArray) overdue = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) upcoming = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(ParaatAction) action = g_list_model_get_item (actions, i);

      if (paraat_action_is_overdue (action))
        g_ptr_array_add (overdue, g_steal_pointer (&action));
      else if (paraat_action_is_active (action) &&
               g_strcmp0 (paraat_action_get_due_date (action), self->today) >= 0)
        g_ptr_array_add (upcoming, g_steal_pointer (&action));
    }
  g_ptr_array_sort (overdue, compare_due);
  g_ptr_array_sort (upcoming, compare_due);
  fill_lists (self, overdue, upcoming);
}

/* Loading */

static void
show_snapshot (ParaatDashboardPage  *self,
               const ParaatSnapshot *snapshot)
{
  update_figures (self, snapshot);
  update_charts (self, snapshot);
  update_lists (self, snapshot);
}

static void
snapshot_dates (ParaatDashboardPage *self,
                ParaatSnapshotDates *dates)
{
  dates->at = self->at;
  dates->before = self->before;
  dates->from = self->from;
  dates->to = self->to;
}

static void
on_snapshot_taken_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(ParaatDashboardPage) self = user_data;
  g_autoptr(ParaatSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  snapshot = paraat_snapshot_take_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (snapshot == NULL)
    g_warning ("Could not read the dashboard: %s", error->message);
  else
    show_snapshot (self, snapshot);
}

/* The figures and charts are read in a worker thread; a newer reading replaces one still
 * under way. */
static void
reload (gpointer widget)
{
  ParaatDashboardPage *self = widget;
  ParaatSnapshotDates dates;

  update_period (self);
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->workspace == NULL)
    return;

  self->loading = g_cancellable_new ();
  snapshot_dates (self, &dates);
  paraat_snapshot_take_async (paraat_workspace_get_path (self->workspace), &dates,
                              self->loading, on_snapshot_taken_cb, g_object_ref (self));
}

static gboolean
on_reload_idle_cb (gpointer data)
{
  ParaatDashboardPage *self = data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* The page is drawn first (it is the home page, shown as a workspace opens) and filled
 * right after. */
static void
reload_soon (gpointer widget)
{
  ParaatDashboardPage *self = widget;

  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_LOW, on_reload_idle_cb, self, NULL);
}

/* What the page shows is asked for (by the tests): it must be up to date now, so what is
 * pending is read here and then. */
static void
flush_reload (ParaatDashboardPage *self)
{
  g_autoptr(ParaatSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  ParaatSnapshotDates dates;

  if (self->reload_source == 0 && self->loading == NULL)
    return;
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  update_period (self);
  if (self->workspace == NULL)
    return;
  snapshot_dates (self, &dates);
  if (!(snapshot = paraat_workspace_take_snapshot (self->workspace, &dates, &error)))
    g_warning ("Could not read the dashboard: %s", error->message);
  else
    show_snapshot (self, snapshot);
}

static void
on_workspace_changed_cb (ParaatDashboardPage *self,
                         const char          *object_type)
{
  static const char * const relevant[] = {
    "scan", "action", "evidence", "requirement", "framework", "review", "person", NULL
  };

  if (g_strv_contains (relevant, object_type))
    paraat_queue_reload (GTK_WIDGET (self));
}

void
paraat_dashboard_page_set_workspace (ParaatDashboardPage *self,
                                     ParaatWorkspace     *workspace)
{
  g_return_if_fail (PARAAT_IS_DASHBOARD_PAGE (self));

  if (paraat_follow_workspace (GTK_WIDGET (self), &self->workspace, workspace,
                               G_CALLBACK (on_workspace_changed_cb)))
    paraat_queue_reload (GTK_WIDGET (self));
}

/* The period */

static void
select_period (ParaatDashboardPage *self,
               ParaatPeriod         period)
{
  self->choosing = TRUE;
  gtk_drop_down_set_selected (self->period_dropdown, period);
  self->choosing = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->custom_button), period == PARAAT_PERIOD_CUSTOM);
}

gboolean
paraat_dashboard_page_set_period (ParaatDashboardPage  *self,
                                  ParaatPeriod          period,
                                  const char           *from,
                                  const char           *to,
                                  GError              **error)
{
  GDate first, last;

  g_return_val_if_fail (PARAAT_IS_DASHBOARD_PAGE (self), FALSE);
  g_return_val_if_fail (period <= PARAAT_PERIOD_CUSTOM, FALSE);

  if (period == PARAAT_PERIOD_CUSTOM)
    {
      if (!parse_iso (from, &first) || !parse_iso (to, &last))
        {
          g_set_error_literal (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                               _("Enter both dates as YYYY-MM-DD, for example 2026-03-31."));
          return FALSE;
        }
      if (g_date_compare (&first, &last) > 0)
        {
          g_set_error_literal (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                               _("The period cannot end before it starts."));
          return FALSE;
        }
      self->custom_from = first;
      self->custom_to = last;
    }
  self->period = period;
  select_period (self, period);
  update_period (self);
  paraat_queue_reload (GTK_WIDGET (self));
  return TRUE;
}

const char *
paraat_dashboard_page_get_at (ParaatDashboardPage *self)
{
  g_return_val_if_fail (PARAAT_IS_DASHBOARD_PAGE (self), NULL);

  return self->at;
}

static void
on_period_selected_cb (ParaatDashboardPage *self)
{
  ParaatPeriod period = gtk_drop_down_get_selected (self->period_dropdown);

  if (self->choosing)
    return;
  if (period != PARAAT_PERIOD_CUSTOM)
    {
      paraat_dashboard_page_set_period (self, period, NULL, NULL, NULL);
      return;
    }
  /* A custom period starts from the one shown, so only what differs needs typing */
  gtk_editable_set_text (self->from_row, self->from);
  gtk_editable_set_text (self->to_row, self->to);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_button), TRUE);
  gtk_menu_button_popup (self->custom_button);
}

/* Leaving the date popover without applying keeps the period that is shown, and says so */
static void
on_custom_closed_cb (ParaatDashboardPage *self)
{
  if (self->period != PARAAT_PERIOD_CUSTOM)
    select_period (self, self->period);
}

static void
apply_dates_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  ParaatDashboardPage *self = PARAAT_DASHBOARD_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!paraat_dashboard_page_set_period (self, PARAAT_PERIOD_CUSTOM,
                                         gtk_editable_get_text (self->from_row),
                                         gtk_editable_get_text (self->to_row), &error))
    {
      gtk_label_set_label (self->custom_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->custom_error), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->custom_error), FALSE);
  gtk_popover_popdown (self->custom_popover);
}

static void
on_entry_activated_cb (ParaatDashboardPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dashboard.apply-dates", NULL);
}

/* Getters for the tests */

/* TRUE while a reading is pending or under way in the worker thread */
gboolean
paraat_dashboard_page_is_loading (ParaatDashboardPage *self)
{
  g_return_val_if_fail (PARAAT_IS_DASHBOARD_PAGE (self), FALSE);

  return self->reload_source != 0 || self->loading != NULL;
}

const char *
paraat_dashboard_page_get_figure_text (ParaatDashboardPage *self,
                                       ParaatFigure         figure)
{
  g_return_val_if_fail (PARAAT_IS_DASHBOARD_PAGE (self), NULL);
  g_return_val_if_fail (figure < PARAAT_N_FIGURES, NULL);
  flush_reload (self);

  return gtk_label_get_label (self->values[figure]);
}

const char *
paraat_dashboard_page_get_change_text (ParaatDashboardPage *self,
                                       ParaatFigure         figure)
{
  g_return_val_if_fail (PARAAT_IS_DASHBOARD_PAGE (self), NULL);
  g_return_val_if_fail (figure < PARAAT_N_FIGURES, NULL);
  flush_reload (self);

  return gtk_label_get_label (self->changes[figure]);
}

ParaatChartView *
paraat_dashboard_page_get_chart_view (ParaatDashboardPage *self,
                                      ParaatChartKind      kind)
{
  g_return_val_if_fail (PARAAT_IS_DASHBOARD_PAGE (self), NULL);
  g_return_val_if_fail (kind < PARAAT_N_CHARTS, NULL);
  flush_reload (self);

  return self->charts[kind];
}

GtkListBox *
paraat_dashboard_page_get_overdue_list (ParaatDashboardPage *self)
{
  g_return_val_if_fail (PARAAT_IS_DASHBOARD_PAGE (self), NULL);
  flush_reload (self);

  return self->overdue_list;
}

GtkListBox *
paraat_dashboard_page_get_deadlines_list (ParaatDashboardPage *self)
{
  g_return_val_if_fail (PARAAT_IS_DASHBOARD_PAGE (self), NULL);
  flush_reload (self);

  return self->deadlines_list;
}

/* Setup */

static void
paraat_dashboard_page_dispose (GObject *object)
{
  ParaatDashboardPage *self = PARAAT_DASHBOARD_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_DASHBOARD_PAGE);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (paraat_dashboard_page_parent_class)->dispose (object);
}

static void
bind_figure (GtkWidgetClass *widget_class,
             const char     *id,
             ParaatFigure    figure)
{
  g_autofree char *value = g_strconcat (id, "_value", NULL);
  g_autofree char *change = g_strconcat (id, "_change", NULL);
  g_autofree char *note = g_strconcat (id, "_note", NULL);

  gtk_widget_class_bind_template_child_full (widget_class, value, FALSE,
                                             G_STRUCT_OFFSET (ParaatDashboardPage, values) +
                                             figure * sizeof (GtkLabel *));
  gtk_widget_class_bind_template_child_full (widget_class, change, FALSE,
                                             G_STRUCT_OFFSET (ParaatDashboardPage, changes) +
                                             figure * sizeof (GtkLabel *));
  gtk_widget_class_bind_template_child_full (widget_class, note, FALSE,
                                             G_STRUCT_OFFSET (ParaatDashboardPage, notes) +
                                             figure * sizeof (GtkLabel *));
}

static void
paraat_dashboard_page_class_init (ParaatDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_dashboard_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-dashboard-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ParaatDashboardPage, name)
  BIND (period_dropdown);
  BIND (custom_button);
  BIND (custom_popover);
  BIND (from_row);
  BIND (to_row);
  BIND (custom_error);
  BIND (period_label);
  BIND (charts_box);
  BIND (overdue_group);
  BIND (overdue_list);
  BIND (deadlines_list);
#undef BIND
  bind_figure (widget_class, "high_risk", PARAAT_FIGURE_OPEN_HIGH_RISK);
  bind_figure (widget_class, "close", PARAAT_FIGURE_MEAN_DAYS_TO_CLOSE);
  bind_figure (widget_class, "fresh", PARAAT_FIGURE_FRESH_EVIDENCE);
  bind_figure (widget_class, "overdue", PARAAT_FIGURE_OVERDUE);

  gtk_widget_class_install_action (widget_class, "dashboard.apply-dates", NULL, apply_dates_action);
}

static void
paraat_dashboard_page_init (ParaatDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_date_clear (&self->custom_from, 1);
  g_date_clear (&self->custom_to, 1);
  for (guint i = 0; i < G_N_ELEMENTS (chart_order); i++)
    add_chart (self, chart_order[i]);
  /* A quarter by default: the figures are the quarterly ones a board asks for */
  self->period = PARAAT_PERIOD_QUARTER;
  select_period (self, self->period);
  update_period (self);

  g_signal_connect_swapped (self->period_dropdown, "notify::selected",
                            G_CALLBACK (on_period_selected_cb), self);
  g_signal_connect_swapped (self->custom_popover, "closed", G_CALLBACK (on_custom_closed_cb), self);
  g_signal_connect_swapped (self->from_row, "entry-activated", G_CALLBACK (on_entry_activated_cb), self);
  g_signal_connect_swapped (self->to_row, "entry-activated", G_CALLBACK (on_entry_activated_cb), self);
  /* Evidence and answers are saved as they are typed; the page reads them when shown */
  paraat_reload_on_map (GTK_WIDGET (self), reload_soon);
}
