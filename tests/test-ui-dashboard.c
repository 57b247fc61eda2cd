/* test-ui-dashboard.c — the dashboard under Xvfb: its figures against the core's metrics,
 * the period, the charts (description, tooltip, export, drawing) and the lists
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "paraat-action.h"
#include "paraat-action-dialog.h"
#include "paraat-chart-view.h"
#include "paraat-dashboard-page.h"
#include "paraat-metrics.h"
#include "test-util.h"
#include "ui-util.h"

static const ParaatChartKind shown_kinds[] = {
  PARAAT_CHART_READINESS, PARAAT_CHART_RADAR, PARAAT_CHART_TREND,
  PARAAT_CHART_ACTIONS, PARAAT_CHART_FRESHNESS,
};

/* The page in a window of its own, as the sidebar will show it, on PATH */
static ParaatDashboardPage *
show_page (const char       *path,
           const char       *person,
           ParaatWorkspace **workspace)
{
  ParaatWindow *window = open_as (path, person);
  GtkWidget *host = adw_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *page = g_object_new (PARAAT_TYPE_DASHBOARD_PAGE, NULL);

  *workspace = paraat_window_get_workspace (window);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  adw_window_set_content (ADW_WINDOW (host), overlay);
  gtk_window_set_default_size (GTK_WINDOW (host), 1200, 900);
  gtk_window_present (GTK_WINDOW (host));
  paraat_dashboard_page_set_workspace (PARAAT_DASHBOARD_PAGE (page), *workspace);
  spin (200);
  return PARAAT_DASHBOARD_PAGE (page);
}

/* The same on the demo workspace */
static ParaatDashboardPage *
show_dashboard (TestDir          *fixture,
                ParaatWorkspace **workspace)
{
  g_autofree char *path = make_demo (fixture->dir);

  return show_page (path, "Marloes Jansen", workspace);
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
assert_figures_match (ParaatDashboardPage *page,
                      ParaatWorkspace     *ws)
{
  ParaatMetrics m;
  g_autoptr(GError) error = NULL;
  g_autofree char *high = NULL;
  g_autofree char *days = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *overdue = NULL;

  g_assert_true (paraat_workspace_compute_metrics (ws, paraat_dashboard_page_get_at (page), &m, &error));
  g_assert_no_error (error);
  high = g_strdup_printf ("%u", m.open_high_risk);
  days = m.mean_days_to_close < 0 ? g_strdup ("—") : g_strdup_printf ("%.1f", m.mean_days_to_close);
  fresh = m.fresh_evidence < 0 ? g_strdup ("—") : g_strdup_printf ("%.0f%%", m.fresh_evidence * 100);
  overdue = g_strdup_printf ("%u", m.overdue);
  g_assert_cmpstr (paraat_dashboard_page_get_figure_text (page, PARAAT_FIGURE_OPEN_HIGH_RISK), ==, high);
  g_assert_cmpstr (paraat_dashboard_page_get_figure_text (page, PARAAT_FIGURE_MEAN_DAYS_TO_CLOSE), ==, days);
  g_assert_cmpstr (paraat_dashboard_page_get_figure_text (page, PARAAT_FIGURE_FRESH_EVIDENCE), ==, fresh);
  g_assert_cmpstr (paraat_dashboard_page_get_figure_text (page, PARAAT_FIGURE_OVERDUE), ==, overdue);
}

static void
test_figures (TestDir       *fixture,
              gconstpointer  data)
{
  ParaatWorkspace *ws;
  ParaatDashboardPage *page = show_dashboard (fixture, &ws);
  g_autofree char *today = today_iso ();
  const char *change;

  /* This quarter ends today or later, so the figures are today's */
  g_assert_cmpstr (paraat_dashboard_page_get_at (page), ==, today);
  assert_figures_match (page, ws);

  /* The change is said in words and with an arrow, not by colour alone */
  change = paraat_dashboard_page_get_change_text (page, PARAAT_FIGURE_OPEN_HIGH_RISK);
  g_assert_true (g_str_has_prefix (change, "▲") || g_str_has_prefix (change, "▼") ||
                 g_str_has_prefix (change, "No change since"));
  g_assert_nonnull (strstr (change, " 20"));

  close_all_windows ();
}

static gboolean
page_loaded (gpointer data)
{
  return !paraat_dashboard_page_is_loading (data);
}

/* The figures are read in a worker thread while the page is already on screen */
static void
test_background (TestDir       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *window = open_as (path, "Marloes Jansen");
  ParaatWorkspace *ws = paraat_window_get_workspace (window);
  GtkWidget *host = adw_window_new ();
  ParaatDashboardPage *page = g_object_new (PARAAT_TYPE_DASHBOARD_PAGE, NULL);

  adw_window_set_content (ADW_WINDOW (host), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (host));
  paraat_dashboard_page_set_workspace (page, ws);
  g_assert_true (paraat_dashboard_page_is_loading (page));
  wait_until (page_loaded, page);
  assert_figures_match (page, ws);

  /* A change is read again, also in the background */
  g_assert_true (paraat_dashboard_page_set_period (page, PARAAT_PERIOD_YEAR, NULL, NULL, NULL));
  g_assert_true (paraat_dashboard_page_is_loading (page));
  wait_until (page_loaded, page);
  assert_figures_match (page, ws);
  close_all_windows ();
}

static void
test_period (TestDir       *fixture,
             gconstpointer  data)
{
  ParaatWorkspace *ws;
  ParaatDashboardPage *page = show_dashboard (fixture, &ws);
  g_autofree char *today = today_iso ();
  g_autoptr(GError) error = NULL;
  GtkWidget *dropdown = find_descendant (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN);
  GtkMenuButton *custom = GTK_MENU_BUTTON (find_descendant (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON));
  GtkWidget *popover;
  ParaatChart *actions;

  /* A custom period in the past moves the figures to its last day */
  g_assert_true (paraat_dashboard_page_set_period (page, PARAAT_PERIOD_CUSTOM, "2024-01-01",
                                                   "2024-03-31", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (paraat_dashboard_page_get_at (page), ==, "2024-03-31");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, PARAAT_PERIOD_CUSTOM);
  assert_figures_match (page, ws);
  actions = paraat_chart_view_get_chart (paraat_dashboard_page_get_chart_view (page, PARAAT_CHART_ACTIONS));
  g_assert_nonnull (actions);

  /* Choosing a month from the dropdown brings them back to today */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), PARAAT_PERIOD_MONTH);
  spin (20);
  g_assert_cmpstr (paraat_dashboard_page_get_at (page), ==, today);
  assert_figures_match (page, ws);

  /* Custom dates in the popover: a period that ends before it starts is refused, in words */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), PARAAT_PERIOD_CUSTOM);
  spin (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (custom)));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (custom));
  g_assert_true (gtk_widget_get_visible (popover));
  set_entry (popover, "From (YYYY-MM-DD)", "2025-06-30");
  set_entry (popover, "To (YYYY-MM-DD)", "2025-04-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "dashboard.apply-dates", NULL));
  g_assert_cmpstr (paraat_dashboard_page_get_at (page), ==, today);
  g_assert_nonnull (find_styled (popover, "error"));
  g_assert_true (gtk_widget_get_visible (find_styled (popover, "error")));

  set_entry (popover, "From (YYYY-MM-DD)", "2025-04-01");
  set_entry (popover, "To (YYYY-MM-DD)", "2025-06-30");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "dashboard.apply-dates", NULL));
  spin (50);
  g_assert_cmpstr (paraat_dashboard_page_get_at (page), ==, "2025-06-30");
  assert_figures_match (page, ws);

  g_assert_false (paraat_dashboard_page_set_period (page, PARAAT_PERIOD_CUSTOM, "30-06-2025",
                                                    "2025-07-31", &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (paraat_dashboard_page_get_at (page), ==, "2025-06-30");
  close_all_windows ();
}

/* The chart's menu button, when it is on screen */
static gboolean
is_export_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Export Chart") == 0;
}

static gboolean
contains_digit (const char *text)
{
  for (const char *p = text; p && *p; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

/* Scans the view for a point with a value, as a pointer moving over it would. */
static char *
find_tooltip (ParaatChartView *view)
{
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  int height = gtk_widget_get_height (GTK_WIDGET (view));

  for (int y = 4; y < height; y += 4)
    for (int x = 4; x < width; x += 4)
      {
        char *text = paraat_chart_view_query_value (view, x, y);
        if (text != NULL)
          return text;
      }
  return NULL;
}

static void
test_charts (TestDir       *fixture,
             gconstpointer  data)
{
  ParaatWorkspace *ws;
  ParaatDashboardPage *page = show_dashboard (fixture, &ws);
  ParaatChartView *heatmap = paraat_dashboard_page_get_chart_view (page, PARAAT_CHART_HEATMAP);

  for (guint i = 0; i < G_N_ELEMENTS (shown_kinds); i++)
    {
      ParaatChartView *view = paraat_dashboard_page_get_chart_view (page, shown_kinds[i]);
      ParaatChart *chart = paraat_chart_view_get_chart (view);
      g_autofree char *tooltip = NULL;

      g_test_message ("chart %s", paraat_chart_kind_to_string (shown_kinds[i]));
      g_assert_nonnull (chart);
      g_assert_false (paraat_chart_is_empty (chart));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
      g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (view)));
      g_assert_nonnull (find_widget (GTK_WIDGET (view), is_export_button, NULL));
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)), ==,
                       GTK_ACCESSIBLE_ROLE_IMG);
      /* Screen readers get the numbers, not just "a chart" */
      g_assert_true (contains_digit (paraat_chart_view_get_description (view)));
      tooltip = find_tooltip (view);
      g_assert_nonnull (tooltip);
      g_assert_true (contains_digit (tooltip));
    }

  /* The demo has no risks: the heatmap is left out rather than shown empty */
  if (paraat_chart_is_empty (paraat_chart_view_get_chart (heatmap)))
    g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (heatmap)));
  close_all_windows ();
}

/* A new workspace: every chart says what to do to get data, and offers no export */
static void
test_empty (TestDir       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = test_util_create_closed (fixture->dir, "new.paraat");
  ParaatWorkspace *ws;
  ParaatDashboardPage *page = show_page (path, "Anna de Boer", &ws);
  ParaatChartView *radar = paraat_dashboard_page_get_chart_view (page, PARAAT_CHART_RADAR);

  g_assert_true (paraat_chart_is_empty (paraat_chart_view_get_chart (radar)));
  g_assert_cmpstr (paraat_chart_view_get_description (radar), ==,
                   "No scan yet — start a readiness scan to see maturity per domain");
  g_assert_null (find_widget (GTK_WIDGET (radar), is_export_button, NULL));
  g_assert_null (paraat_chart_view_query_value (radar, 100, 100));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (paraat_dashboard_page_get_chart_view (page, PARAAT_CHART_HEATMAP))));
  g_assert_cmpstr (paraat_dashboard_page_get_figure_text (page, PARAAT_FIGURE_OPEN_HIGH_RISK), ==, "0");
  assert_figures_match (page, ws);
  close_all_windows ();
}

static void
assert_file_starts_with (const char *path,
                         const char *magic,
                         gsize       length)
{
  g_autoptr(GBytes) bytes = test_util_read_file (path);
  gsize size;
  const char *content = g_bytes_get_data (bytes, &size);

  g_assert_cmpuint (size, >, length);
  g_assert_cmpmem (content, length, magic, length);
}

static void
test_export (TestDir       *fixture,
             gconstpointer  data)
{
  ParaatWorkspace *ws;
  ParaatDashboardPage *page = show_dashboard (fixture, &ws);
  ParaatChartView *view = paraat_dashboard_page_get_chart_view (page, PARAAT_CHART_RADAR);
  g_autofree char *png = test_dir_path (fixture, "radar.png");
  g_autofree char *svg = test_dir_path (fixture, "radar.svg");
  g_autofree char *pdf = test_dir_path (fixture, "radar.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  g_assert_true (paraat_chart_view_export_to_path (view, PARAAT_CHART_PNG, png, &error));
  g_assert_no_error (error);
  assert_file_starts_with (png, "\x89PNG", 4);
  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), >=, 720);

  g_assert_true (paraat_chart_view_export_to_path (view, PARAAT_CHART_SVG, svg, &error));
  g_assert_no_error (error);
  assert_file_starts_with (svg, "<?xml", 5);
  g_assert_true (paraat_chart_view_export_to_path (view, PARAAT_CHART_PDF, pdf, &error));
  g_assert_no_error (error);
  assert_file_starts_with (pdf, "%PDF", 4);

  /* A folder that does not exist gives an error, not a crash */
  g_assert_false (paraat_chart_view_export_to_path (view, PARAAT_CHART_PNG,
                                                    "/nonexistent/folder/radar.png", &error));
  g_assert_nonnull (error);
  close_all_windows ();
}

/* Renders VIEW as the screen would, with the cairo renderer, and counts the pixels that
 * are not transparent. */
static guint
count_painted (ParaatChartView *view)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (view));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  int height = gtk_widget_get_height (GTK_WIDGET (view));
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  guint painted = 0;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  for (gsize i = 0; i < (gsize) width * height; i++)
    painted += pixels[i * 4 + 3] != 0;
  return painted;
}

/* Drawn in a frame since it last changed: a widget's paintable is empty until then. */
static gboolean
is_drawn (gpointer widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;

  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) <= 0 ||
      gtk_widget_get_height (widget) <= 0)
    return FALSE;
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  return node != NULL;
}

static void
test_render (TestDir       *fixture,
             gconstpointer  data)
{
  ParaatWorkspace *ws;
  ParaatDashboardPage *page = show_dashboard (fixture, &ws);
  AdwStyleManager *style = adw_style_manager_get_default ();
  ParaatChartView *view = paraat_dashboard_page_get_chart_view (page, PARAAT_CHART_READINESS);
  guint light, dark;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  spin (50);
  wait_until (is_drawn, view);
  light = count_painted (view);
  g_assert_cmpuint (light, >, 1000);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  spin (50);
  wait_until (is_drawn, view);
  dark = count_painted (view);
  g_assert_cmpuint (dark, >, 1000);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  close_all_windows ();
}

static int
count_rows (GtkListBox *list)
{
  int n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static guint
count_overdue (ParaatWorkspace *ws)
{
  g_autoptr(GListModel) actions = paraat_workspace_list_actions (ws, NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(ParaatAction) action = g_list_model_get_item (actions, i);
      n += paraat_action_is_overdue (action);
    }
  return n;
}

static void
test_lists (TestDir       *fixture,
            gconstpointer  data)
{
  ParaatWorkspace *ws;
  ParaatDashboardPage *page = show_dashboard (fixture, &ws);
  GtkListBox *overdue = paraat_dashboard_page_get_overdue_list (page);
  GtkListBox *deadlines = paraat_dashboard_page_get_deadlines_list (page);
  guint n_overdue = count_overdue (ws);

  g_assert_cmpuint (n_overdue, >, 0);
  g_assert_cmpint (count_rows (overdue), ==, MIN (n_overdue, 10));
  g_assert_cmpint (count_rows (deadlines), >, 0);
  g_assert_cmpint (count_rows (deadlines), <=, 10);
  /* Overdue is said in words too */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (overdue, 0))),
                            "overdue"));

  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (overdue, 0)));
  g_assert_nonnull (wait_for_toplevel (PARAAT_TYPE_ACTION_DIALOG));
  close_all_windows ();
}

/* A change in the workspace shows at once on the page that is on screen */
static void
test_reload (TestDir       *fixture,
             gconstpointer  data)
{
  ParaatWorkspace *ws;
  ParaatDashboardPage *page = show_dashboard (fixture, &ws);
  ParaatPerson *owner = paraat_workspace_find_person_by_name (ws, "Joost Bakker");
  g_autofree char *before = g_strdup (paraat_dashboard_page_get_figure_text (page, PARAAT_FIGURE_OPEN_HIGH_RISK));
  g_autoptr(GError) error = NULL;
  ParaatActionSpec spec = {
    .title = "Patch the VPN gateways",
    .source = PARAAT_SOURCE_INCIDENT,
    .owner_id = paraat_person_get_id (owner),
    .due_date = "2099-06-30",
    .priority = PARAAT_PRIORITY_CRITICAL,
    .required_track = 1,
  };
  g_autofree char *expected = NULL;

  g_assert_cmpint (paraat_workspace_create_action (ws, &spec, &error), >, 0);
  g_assert_no_error (error);
  spin (20);
  expected = g_strdup_printf ("%d", atoi (before) + 1);
  g_assert_cmpstr (paraat_dashboard_page_get_figure_text (page, PARAAT_FIGURE_OPEN_HIGH_RISK), ==, expected);
  assert_figures_match (page, ws);
  close_all_windows ();
}

int
main (int    argc,
      char **argv)
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/dashboard/figures", TestDir, NULL, test_dir_setup, test_figures,
              test_dir_teardown);
  g_test_add ("/ui/dashboard/background", TestDir, NULL, test_dir_setup, test_background,
              test_dir_teardown);
  g_test_add ("/ui/dashboard/period", TestDir, NULL, test_dir_setup, test_period,
              test_dir_teardown);
  g_test_add ("/ui/dashboard/charts", TestDir, NULL, test_dir_setup, test_charts,
              test_dir_teardown);
  g_test_add ("/ui/dashboard/empty", TestDir, NULL, test_dir_setup, test_empty,
              test_dir_teardown);
  g_test_add ("/ui/dashboard/export", TestDir, NULL, test_dir_setup, test_export,
              test_dir_teardown);
  g_test_add ("/ui/dashboard/render", TestDir, NULL, test_dir_setup, test_render,
              test_dir_teardown);
  g_test_add ("/ui/dashboard/lists", TestDir, NULL, test_dir_setup, test_lists,
              test_dir_teardown);
  g_test_add ("/ui/dashboard/reload", TestDir, NULL, test_dir_setup, test_reload,
              test_dir_teardown);

  return ui_test_run ();
}
