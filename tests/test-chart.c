/* test-chart.c — charts: data, drawing (checked by its properties, not golden images),
 * tooltips, descriptions, export and the charts of the demo workspace
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <float.h>
#include <math.h>
#include <string.h>

#include "paraat-chart.h"
#include "paraat-clock.h"
#include "paraat-demo.h"
#include "paraat-error.h"
#include "test-util.h"

#define WIDTH  480
#define HEIGHT 360

/* Pixels */

static cairo_surface_t *
render_style (ParaatChart            *chart,
              int                     width,
              int                     height,
              const ParaatChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  paraat_chart_draw (chart, cr, width, height, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static cairo_surface_t *
render (ParaatChart *chart,
        gboolean     dark)
{
  ParaatChartStyle style;

  paraat_chart_style_init_default (&style, dark);
  return render_style (chart, WIDTH, HEIGHT, &style);
}

/* Red, green, blue and alpha 0–255, unpremultiplied */
static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          guint            rgba[4])
{
  const guchar *data = cairo_image_surface_get_data (surface);
  guint32 p = ((const guint32 *) (gconstpointer) (data + y * cairo_image_surface_get_stride (surface)))[x];
  guint a = p >> 24;

  rgba[3] = a;
  for (guint i = 0; i < 3; i++)
    {
      guint c = (p >> (16 - 8 * i)) & 0xff;
      rgba[i] = a == 0 ? 0 : MIN (c * 255 / a, 255);
    }
}

static gboolean
pixel_is (cairo_surface_t   *surface,
          int                x,
          int                y,
          const ParaatColor *color)
{
  guint px[4];
  double want[3] = { color->red, color->green, color->blue };

  pixel_at (surface, x, y, px);
  if (px[3] < 250)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    if (fabs (px[i] - want[i] * 255) > 6)
      return FALSE;
  return TRUE;
}

static double
pixel_luma (cairo_surface_t *surface,
            int              x,
            int              y)
{
  guint px[4];

  pixel_at (surface, x, y, px);
  return (0.2126 * px[0] + 0.7152 * px[1] + 0.0722 * px[2]) / 255.0;
}

/* How many pixels in the rectangle have COLOR */
static guint
count_color (cairo_surface_t   *surface,
             const ParaatColor *color,
             int                x0,
             int                y0,
             int                x1,
             int                y1)
{
  guint n = 0;

  for (int y = MAX (y0, 0); y < MIN (y1, cairo_image_surface_get_height (surface)); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, cairo_image_surface_get_width (surface)); x++)
      n += pixel_is (surface, x, y, color);
  return n;
}

static guint
count_all (cairo_surface_t   *surface,
           const ParaatColor *color)
{
  return count_color (surface, color, 0, 0, cairo_image_surface_get_width (surface),
                      cairo_image_surface_get_height (surface));
}

/* Pixels in the rectangle darker than LUMA (text on a light background) */
static guint
count_dark (cairo_surface_t *surface,
            double           luma,
            int              x0,
            int              y0,
            int              x1,
            int              y1)
{
  guint n = 0;

  for (int y = MAX (y0, 0); y < MIN (y1, cairo_image_surface_get_height (surface)); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, cairo_image_surface_get_width (surface)); x++)
      n += pixel_luma (surface, x, y) < luma;
  return n;
}

/* The bounding box of the pixels that have COLOR; FALSE when there are none */
static gboolean
color_bounds (cairo_surface_t   *surface,
              const ParaatColor *color,
              int               *x0,
              int               *y0,
              int               *x1,
              int               *y1)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);

  *x0 = w, *y0 = h, *x1 = -1, *y1 = -1;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (pixel_is (surface, x, y, color))
        {
          *x0 = MIN (*x0, x), *y0 = MIN (*y0, y);
          *x1 = MAX (*x1, x), *y1 = MAX (*y1, y);
        }
  return *x1 >= 0;
}

/* Every tooltip found over the pixels of COLOR: what the user can point at in that colour */
static GHashTable *
tooltips_over (ParaatChart       *chart,
               cairo_surface_t   *surface,
               const ParaatColor *color)
{
  GHashTable *found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (pixel_is (surface, x, y, color))
        {
          char *tip = paraat_chart_query_tooltip (chart, w, h, x + 0.5, y + 0.5);

          if (tip != NULL)
            g_hash_table_add (found, tip);
        }
  return found;
}

static void
assert_tooltips (GHashTable         *found,
                 const char * const *expected)
{
  guint n = 0;

  for (; expected[n] != NULL; n++)
    if (!g_hash_table_contains (found, expected[n]))
      {
        g_autofree char **keys = (char **) g_hash_table_get_keys_as_array (found, NULL);
        g_autofree char *list = g_strjoinv ("\n", keys);
        g_error ("tooltip “%s” not found; found:\n%s", expected[n], list);
      }
  if (g_hash_table_size (found) != n)
    {
      g_autofree char **keys = (char **) g_hash_table_get_keys_as_array (found, NULL);
      g_autofree char *list = g_strjoinv ("\n", keys);
      g_error ("%u tooltips expected, found:\n%s", n, list);
    }
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in “%s”", part, text);
}

/* Fixed data */

static const char * const domains[] = {
  "A.5 Organizational controls", "A.6 People controls", "A.7 Physical controls",
  "A.8 Technological controls", "Article 21(2) Cybersecurity risk-management measures",
  "10 Improvement", NULL,
};

static ParaatChart *
radar_chart (void)
{
  static const double current[] = { 4, 2.5, NAN, 1.5, 2, 3 };
  static const double target[] = { 3, 3, 3, 3, 3, 3 };
  static const double previous[] = { 2.1, 2, 2, 1, 1, 2 };
  ParaatChart *chart = paraat_chart_new (PARAAT_CHART_RADAR);

  paraat_chart_set_categories (chart, domains);
  g_assert_cmpuint (paraat_chart_add_series (chart, "Current", current, 6), ==, 0);
  g_assert_cmpuint (paraat_chart_add_series (chart, "Target", target, 6), ==, 1);
  g_assert_cmpuint (paraat_chart_add_series (chart, "Previous", previous, 6), ==, 2);
  return chart;
}

static ParaatChart *
readiness_chart (void)
{
  static const char * const frameworks[] = { "ISO/IEC 27001:2022", "NIS2", NULL };
  static const double values[] = { 80, 30 };
  ParaatChart *chart = paraat_chart_new (PARAAT_CHART_READINESS);

  paraat_chart_set_categories (chart, frameworks);
  paraat_chart_add_series (chart, "Readiness", values, 2);
  return chart;
}

static ParaatChart *
trend_chart (void)
{
  static const char * const dates[] = { "2025-01-10", "2025-07-01", "2026-01-15", NULL };
  static const double iso[] = { 3.2, 3.5, 3.9 };
  static const double nis2[] = { 1.0, NAN, 1.4 };
  ParaatChart *chart = paraat_chart_new (PARAAT_CHART_TREND);

  paraat_chart_set_categories (chart, dates);
  paraat_chart_add_series (chart, "ISO", iso, 3);
  paraat_chart_add_series (chart, "NIS2", nis2, 3);
  return chart;
}

static ParaatChart *
actions_chart (void)
{
  static const char * const months[] = { "Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026", NULL };
  static const double opened[] = { 4, 0, 7, 2 };
  static const double closed[] = { 1, 3, 2, 5 };
  static const double open[] = { 10, 7, 12, 9 };
  ParaatChart *chart = paraat_chart_new (PARAAT_CHART_ACTIONS);

  paraat_chart_set_categories (chart, months);
  paraat_chart_add_series (chart, "Opened", opened, 4);
  paraat_chart_add_series (chart, "Closed", closed, 4);
  paraat_chart_add_series (chart, "Still open", open, 4);
  return chart;
}

static ParaatChart *
freshness_chart (void)
{
  static const char * const tracks[] = { "Policy", "Operation", "Monitoring", NULL };
  static const double fresh[] = { 5, 3, 0 };
  static const double expiring[] = { 1, 0, 2 };
  static const double stale[] = { 0, 4, 1 };
  ParaatChart *chart = paraat_chart_new (PARAAT_CHART_FRESHNESS);

  paraat_chart_set_categories (chart, tracks);
  paraat_chart_add_series (chart, "Fresh", fresh, 3);
  paraat_chart_add_series (chart, "Expiring soon", expiring, 3);
  paraat_chart_add_series (chart, "Stale", stale, 3);
  return chart;
}

/* Likelihood L and impact I at (L - 1) × 5 + (I - 1) */
static ParaatChart *
heatmap_chart (void)
{
  static const char * const levels[] = { "1", "2", "3", "4", "5", NULL };
  double inherent[25] = { 0 }, residual[25] = { 0 };
  ParaatChart *chart = paraat_chart_new (PARAAT_CHART_HEATMAP);

  inherent[4 * 5 + 4] = 2;   /* likelihood 5, impact 5 */
  inherent[0] = 1;           /* likelihood 1, impact 1 */
  inherent[3 * 5 + 1] = 3;   /* likelihood 4, impact 2 */
  residual[1 * 5 + 2] = 4;   /* likelihood 2, impact 3 */
  paraat_chart_set_categories (chart, levels);
  paraat_chart_add_series (chart, "Inherent", inherent, 25);
  paraat_chart_add_series (chart, "Residual", residual, 25);
  return chart;
}

static ParaatChart *
chart_of_kind (ParaatChartKind kind)
{
  switch (kind)
    {
    case PARAAT_CHART_RADAR: return radar_chart ();
    case PARAAT_CHART_READINESS: return readiness_chart ();
    case PARAAT_CHART_TREND: return trend_chart ();
    case PARAAT_CHART_ACTIONS: return actions_chart ();
    case PARAAT_CHART_FRESHNESS: return freshness_chart ();
    case PARAAT_CHART_HEATMAP: return heatmap_chart ();
    case PARAAT_N_CHARTS:
    default: g_assert_not_reached ();
    }
}

/* Tests */

static void
test_kinds (void)
{
  for (guint k = 0; k < PARAAT_N_CHARTS; k++)
    {
      ParaatChartKind kind = PARAAT_N_CHARTS;

      g_assert_true (paraat_chart_kind_from_string (paraat_chart_kind_to_string (k), &kind));
      g_assert_cmpint (kind, ==, k);
    }
  g_assert_cmpstr (paraat_chart_kind_to_string (PARAAT_CHART_HEATMAP), ==, "heatmap");
  g_assert_false (paraat_chart_kind_from_string ("pie", NULL));
  g_assert_false (paraat_chart_kind_from_string (NULL, NULL));
}

static void
test_model (void)
{
  static const double zero[] = { 0, 0 };
  static const char * const two[] = { "a", "b", NULL };
  g_autoptr(ParaatChart) chart = paraat_chart_new (PARAAT_CHART_ACTIONS);
  g_autoptr(ParaatChart) radar = paraat_chart_new (PARAAT_CHART_RADAR);
  ParaatChart *again;

  g_assert_cmpint (paraat_chart_get_kind (chart), ==, PARAAT_CHART_ACTIONS);
  g_assert_cmpstr (paraat_chart_get_title (chart), ==, "Actions per month");
  paraat_chart_set_title (chart, "Werk");
  g_assert_cmpstr (paraat_chart_get_title (chart), ==, "Werk");
  g_assert_true (paraat_chart_is_empty (chart));

  paraat_chart_set_categories (chart, two);
  g_assert_cmpuint (paraat_chart_get_n_categories (chart), ==, 2);
  paraat_chart_add_series (chart, "Opened", zero, 2);
  g_assert_cmpuint (paraat_chart_get_n_series (chart), ==, 1);
  g_assert_cmpstr (paraat_chart_get_series_name (chart, 0), ==, "Opened");
  /* Nothing counted is nothing to show... */
  g_assert_true (paraat_chart_is_empty (chart));

  /* ...but a maturity of 0 is a figure. */
  paraat_chart_set_categories (radar, two);
  paraat_chart_add_series (radar, "Current", zero, 2);
  g_assert_false (paraat_chart_is_empty (radar));

  again = paraat_chart_ref (chart);
  g_assert_true (again == chart);
  paraat_chart_unref (again);
}

static void
test_radar (void)
{
  g_autoptr(ParaatChart) chart = radar_chart ();
  ParaatChartStyle style;
  cairo_surface_t *surface, *untitled;
  int x0, y0, x1, y1, tx0, ty0, tx1, ty1;
  g_autofree char *top = NULL;
  g_autofree char *centre = NULL;

  paraat_chart_style_init_default (&style, FALSE);
  surface = render (chart, FALSE);

  /* Drawn at all, on the background */
  g_assert_cmpuint (count_all (surface, &style.background), >, WIDTH * HEIGHT / 3);
  g_assert_cmpuint (count_all (surface, &style.background), <, WIDTH * HEIGHT);

  /* The first domain (up) scores the maximum: its point is the highest accent pixel, on
   * the vertical through the centre, and the target (3) is drawn lower. */
  g_assert_true (color_bounds (surface, &style.accent, &x0, &y0, &x1, &y1));
  g_assert_cmpuint (count_color (surface, &style.accent, WIDTH / 2 - 6, y0, WIDTH / 2 + 6, y0 + 3),
                    >, 0);
  g_assert_true (color_bounds (surface, &style.series[0], &tx0, &ty0, &tx1, &ty1));
  g_assert_cmpint (ty0, >, y0 + 10);
  /* The previous scan in its own colour */
  g_assert_cmpuint (count_all (surface, &style.series[1]), >, 20);

  /* The label of the first axis is above its point */
  g_assert_cmpuint (count_dark (surface, 0.5, WIDTH / 2 - 60, y0 - 30, WIDTH / 2 + 60, y0 - 4),
                    >, 20);

  /* Text was drawn: the title is there, and gone when the title is unset */
  g_assert_cmpuint (count_dark (surface, 0.5, 0, 0, WIDTH / 3, 24), >, 50);
  paraat_chart_set_title (chart, NULL);
  untitled = render (chart, FALSE);
  g_assert_cmpuint (count_dark (untitled, 0.5, 0, 0, WIDTH / 3, 24), ==, 0);

  /* Pointing at the top point, or near its axis, gives the exact figures */
  top = paraat_chart_query_tooltip (chart, WIDTH, HEIGHT, WIDTH / 2.0, y0 + 2);
  g_assert_cmpstr (top, ==, "A.5 Organizational controls: 4.0 (target 3, previously 2.1)");
  centre = paraat_chart_query_tooltip (chart, WIDTH, HEIGHT, 2, HEIGHT - 2);
  g_assert_null (centre);

  cairo_surface_destroy (surface);
  cairo_surface_destroy (untitled);
}

static void
test_radar_axes (void)
{
  ParaatChartStyle style;

  paraat_chart_style_init_default (&style, FALSE);
  /* 1 and 2 domains are bars; 3 to 20 a radar; all show the accent */
  for (guint n = 1; n <= 20; n++)
    {
      g_autoptr(ParaatChart) chart = paraat_chart_new (PARAAT_CHART_RADAR);
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
      cairo_surface_t *surface;

      for (guint i = 0; i < n; i++)
        {
          double v = 1 + (i % 4) * 0.8;

          g_ptr_array_add (labels, g_strdup_printf ("A.%u Domain with a rather long title %u",
                                                    i + 1, i));
          g_array_append_val (values, v);
        }
      g_ptr_array_add (labels, NULL);
      paraat_chart_set_categories (chart, (const char * const *) labels->pdata);
      paraat_chart_add_series (chart, "Current", (double *) (gpointer) values->data, n);
      surface = render_style (chart, 320, 240, &style);
      g_assert_cmpuint (count_all (surface, &style.accent), >, 10);
      cairo_surface_destroy (surface);
    }
}

static void
test_readiness (void)
{
  g_autoptr(ParaatChart) chart = readiness_chart ();
  g_autoptr(GHashTable) tips = NULL;
  ParaatChartStyle style;
  cairo_surface_t *surface;
  int x0, y0, x1, y1, first_end = -1, second_end = -1;
  static const char * const expected[] = { "ISO/IEC 27001:2022: 80%", "NIS2: 30%", NULL };

  paraat_chart_style_init_default (&style, FALSE);
  surface = render (chart, FALSE);
  g_assert_true (color_bounds (surface, &style.accent, &x0, &y0, &x1, &y1));

  /* Bars start right of the labels, which are drawn in the left part */
  g_assert_cmpint (x0, >, WIDTH / 10);
  g_assert_cmpint (x0, <, WIDTH / 2);
  g_assert_cmpuint (count_dark (surface, 0.5, 0, y0, x0 - 2, y1), >, 50);

  /* The left part of each bar row is accent; the first bar (80%) is longer than the second */
  for (int x = x0; x <= x1; x++)
    {
      if (pixel_is (surface, x, y0 + 2, &style.accent))
        first_end = x;
      if (pixel_is (surface, x, y1 - 2, &style.accent))
        second_end = x;
    }
  g_assert_cmpint (first_end - x0, >, 2 * (second_end - x0));
  /* Its value is printed at its end */
  g_assert_cmpuint (count_dark (surface, 0.5, first_end + 1, y0, first_end + 40, y0 + 20),
                    >, 10);

  tips = tooltips_over (chart, surface, &style.accent);
  assert_tooltips (tips, expected);
  cairo_surface_destroy (surface);
}

static void
test_trend (void)
{
  g_autoptr(ParaatChart) chart = trend_chart ();
  g_autoptr(GHashTable) accent_tips = NULL;
  g_autoptr(GHashTable) other_tips = NULL;
  ParaatChartStyle style;
  cairo_surface_t *surface;
  static const char * const iso[] = {
    "2025-01-10, ISO: 3.2", "2025-07-01, ISO: 3.5", "2026-01-15, ISO: 3.9", NULL,
  };
  static const char * const nis2[] = { "2025-01-10, NIS2: 1.0", "2026-01-15, NIS2: 1.4", NULL };

  paraat_chart_style_init_default (&style, FALSE);
  surface = render (chart, FALSE);

  /* The first framework in the accent, the second in the next series colour; the missing
   * middle value of NIS2 leaves no point. */
  accent_tips = tooltips_over (chart, surface, &style.accent);
  assert_tooltips (accent_tips, iso);
  other_tips = tooltips_over (chart, surface, &style.series[2]);
  assert_tooltips (other_tips, nis2);
  cairo_surface_destroy (surface);
}

static void
test_actions (void)
{
  g_autoptr(ParaatChart) chart = actions_chart ();
  g_autoptr(GHashTable) opened = NULL;
  g_autoptr(GHashTable) closed = NULL;
  g_autoptr(GHashTable) open = NULL;
  ParaatChartStyle style;
  cairo_surface_t *surface;
  static const char * const opened_tips[] = {
    "Jan 2026, Opened: 4", "Mar 2026, Opened: 7", "Apr 2026, Opened: 2", NULL,
  };
  static const char * const closed_tips[] = {
    "Jan 2026, Closed: 1", "Feb 2026, Closed: 3", "Mar 2026, Closed: 2", "Apr 2026, Closed: 5",
    NULL,
  };
  static const char * const open_tips[] = {
    "Jan 2026, Still open: 10", "Feb 2026, Still open: 7", "Mar 2026, Still open: 12",
    "Apr 2026, Still open: 9", NULL,
  };

  paraat_chart_style_init_default (&style, FALSE);
  surface = render (chart, FALSE);
  opened = tooltips_over (chart, surface, &style.accent);
  assert_tooltips (opened, opened_tips);
  closed = tooltips_over (chart, surface, &style.good);
  assert_tooltips (closed, closed_tips);
  open = tooltips_over (chart, surface, &style.series[0]);
  assert_tooltips (open, open_tips);

  /* Month labels under the plot */
  g_assert_cmpuint (count_dark (surface, 0.5, 0, HEIGHT * 3 / 4, WIDTH, HEIGHT), >, 100);
  cairo_surface_destroy (surface);
}

static void
test_freshness (void)
{
  g_autoptr(ParaatChart) chart = freshness_chart ();
  g_autoptr(GHashTable) fresh = NULL;
  g_autoptr(GHashTable) stale = NULL;
  ParaatChartStyle style;
  cairo_surface_t *surface;
  static const char * const fresh_tips[] = { "Policy, Fresh: 5", "Operation, Fresh: 3", NULL };
  static const char * const stale_tips[] = { "Operation, Stale: 4", "Monitoring, Stale: 1", NULL };

  paraat_chart_style_init_default (&style, FALSE);
  surface = render (chart, FALSE);
  fresh = tooltips_over (chart, surface, &style.good);
  assert_tooltips (fresh, fresh_tips);
  stale = tooltips_over (chart, surface, &style.bad);
  assert_tooltips (stale, stale_tips);
  g_assert_cmpuint (count_all (surface, &style.warning), >, 100);
  cairo_surface_destroy (surface);
}

static void
test_heatmap (void)
{
  g_autoptr(ParaatChart) chart = heatmap_chart ();
  g_autoptr(GHashTable) bad = NULL;
  g_autoptr(GHashTable) good = NULL;
  g_autofree char *text = NULL;
  ParaatChartStyle style;
  cairo_surface_t *surface;
  static const char * const bad_tips[] = { "Inherent, likelihood 5, impact 5: 2", NULL };
  static const char * const good_tips[] = { "Inherent, likelihood 1, impact 1: 1", NULL };
  int x0, y0, x1, y1, gx0, gy0, gx1, gy1;

  paraat_chart_style_init_default (&style, FALSE);
  g_assert_false (paraat_chart_is_empty (chart));
  surface = render (chart, FALSE);

  /* Only the cells with risks have the full colour: 5 × 5 is the bad corner, 1 × 1 good */
  bad = tooltips_over (chart, surface, &style.bad);
  assert_tooltips (bad, bad_tips);
  good = tooltips_over (chart, surface, &style.good);
  assert_tooltips (good, good_tips);

  /* Likelihood goes up and impact to the right: the bad corner is above and right of the
   * good one */
  g_assert_true (color_bounds (surface, &style.bad, &x0, &y0, &x1, &y1));
  g_assert_true (color_bounds (surface, &style.good, &gx0, &gy0, &gx1, &gy1));
  g_assert_cmpint (x0, >, gx1);
  g_assert_cmpint (y1, <, gy0);

  text = paraat_chart_describe (chart);
  assert_contains (text, "likelihood 5, impact 5: 2");
  assert_contains (text, "Residual: likelihood 2, impact 3: 4.");
  cairo_surface_destroy (surface);
}

static void
test_describe (void)
{
  g_autoptr(ParaatChart) radar = radar_chart ();
  g_autoptr(ParaatChart) readiness = readiness_chart ();
  g_autoptr(ParaatChart) trend = trend_chart ();
  g_autoptr(ParaatChart) actions = actions_chart ();
  g_autoptr(ParaatChart) freshness = freshness_chart ();
  g_autofree char *a = paraat_chart_describe (radar);
  g_autofree char *b = paraat_chart_describe (readiness);
  g_autofree char *c = paraat_chart_describe (trend);
  g_autofree char *d = paraat_chart_describe (actions);
  g_autofree char *e = paraat_chart_describe (freshness);

  assert_contains (a, "Mean maturity per domain: A.5 Organizational controls 4.0 of target 3, "
                      "previously 2.1; ");
  assert_contains (a, "A.7 Physical controls not scored");
  assert_contains (b, "ISO/IEC 27001:2022 80%; NIS2 30%");
  assert_contains (c, "ISO: 3.2 on 2025-01-10, 3.5 on 2025-07-01, 3.9 on 2026-01-15; NIS2: 1.0 on");
  assert_contains (d, "Mar 2026: 7 opened, 2 closed, 12 still open at the end");
  assert_contains (e, "Operation: 3 fresh, 0 expiring soon, 4 stale");
}

static void
test_empty (void)
{
  ParaatChartStyle style;

  paraat_chart_style_init_default (&style, FALSE);
  for (guint k = 0; k < PARAAT_N_CHARTS; k++)
    {
      g_autoptr(ParaatChart) chart = paraat_chart_new (k);
      g_autofree char *text = NULL;
      cairo_surface_t *surface;

      g_assert_true (paraat_chart_is_empty (chart));
      surface = render (chart, FALSE);
      /* It says so, in the middle */
      g_assert_cmpuint (count_dark (surface, 0.7, WIDTH / 4, HEIGHT / 3, WIDTH * 3 / 4,
                                    HEIGHT * 2 / 3), >, 10);
      g_assert_null (paraat_chart_query_tooltip (chart, WIDTH, HEIGHT, WIDTH / 2, HEIGHT / 2));
      text = paraat_chart_describe (chart);
      assert_contains (text, "no data yet");
      cairo_surface_destroy (surface);
    }
}

/* Nothing lands outside the box: drawn into the middle of a bigger transparent surface,
 * the margin stays untouched. */
static void
assert_inside_box (ParaatChart *chart,
                   int          width,
                   int          height,
                   gboolean     dark)
{
  const int margin = 30;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width + 2 * margin,
                                                         height + 2 * margin);
  cairo_t *cr = cairo_create (surface);
  ParaatChartStyle style;
  int w = width + 2 * margin, h = height + 2 * margin;

  paraat_chart_style_init_default (&style, dark);
  style.background.alpha = 0;   /* so the box's own pixels count as drawn */
  cairo_translate (cr, margin, margin);
  paraat_chart_draw (chart, cr, width, height, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint px[4];

        if (x >= margin && x < margin + width && y >= margin && y < margin + height)
          continue;
        pixel_at (surface, x, y, px);
        if (px[3] != 0)
          g_error ("%s chart at %d × %d drew outside its box at %d, %d",
                   paraat_chart_kind_to_string (paraat_chart_get_kind (chart)), width, height,
                   x - margin, y - margin);
      }
  cairo_surface_destroy (surface);
}

static void
test_sizes (void)
{
  static const int sizes[][2] = { { 320, 240 }, { 800, 600 }, { 1600, 1200 }, { 200, 600 },
                                  { 900, 120 }, { 40, 30 }, { 1, 1 } };

  for (guint k = 0; k < PARAAT_N_CHARTS; k++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr(ParaatChart) chart = chart_of_kind (k);
        assert_inside_box (chart, sizes[s][0], sizes[s][1], s % 2 == 1);
      }
}

/* NaN, infinities, negative and huge values and odd sizes draw without a crash, inside the
 * box, and describe themselves. */
static void
test_bad_values (void)
{
  static const double bad[] = { NAN, INFINITY, -INFINITY, -5, 1e300, DBL_MAX, 0, 2 };
  static const char * const one[] = { "Only one", NULL };
  double cells[25];

  for (guint i = 0; i < 25; i++)
    cells[i] = bad[i % G_N_ELEMENTS (bad)];

  for (guint k = 0; k < PARAAT_N_CHARTS; k++)
    {
      g_autoptr(ParaatChart) chart = paraat_chart_new (k);
      g_autoptr(ParaatChart) single = paraat_chart_new (k);
      g_autofree char *text = NULL;
      cairo_surface_t *surface;
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < (k == PARAAT_CHART_HEATMAP ? 5 : G_N_ELEMENTS (bad)); i++)
        g_ptr_array_add (labels, g_strdup_printf ("Category %u", i));
      g_ptr_array_add (labels, NULL);
      paraat_chart_set_categories (chart, (const char * const *) labels->pdata);
      for (guint s = 0; s < 4; s++)
        paraat_chart_add_series (chart, "Series", k == PARAAT_CHART_HEATMAP ? cells : bad,
                                 k == PARAAT_CHART_HEATMAP ? 25 : G_N_ELEMENTS (bad));
      /* A series shorter than the categories: the rest is missing */
      paraat_chart_add_series (chart, "Short", bad, 1);

      surface = render (chart, FALSE);
      cairo_surface_destroy (surface);
      assert_inside_box (chart, 320, 240, FALSE);
      text = paraat_chart_describe (chart);
      g_assert_nonnull (text);
      for (double x = 0; x < WIDTH; x += 7)
        for (double y = 0; y < HEIGHT; y += 7)
          g_free (paraat_chart_query_tooltip (chart, WIDTH, HEIGHT, x, y));
      g_free (paraat_chart_query_tooltip (chart, NAN, INFINITY, NAN, 3));

      /* One category, one value */
      paraat_chart_set_categories (single, one);
      paraat_chart_add_series (single, "Current", &bad[7], 1);
      assert_inside_box (single, 320, 240, TRUE);
      {
        cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
        cairo_t *cr = cairo_create (s);

        /* Sizes that are no size at all */
        paraat_chart_draw (single, cr, NAN, 100, NULL);
        paraat_chart_draw (single, cr, -50, -50, NULL);
        paraat_chart_draw (single, cr, 0, 0, NULL);
        paraat_chart_draw (single, cr, 1e9, 1e9, NULL);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_destroy (s);
      }
    }
}

static void
test_dark (void)
{
  ParaatChartStyle style;

  paraat_chart_style_init_default (&style, TRUE);
  for (guint k = 0; k < PARAAT_N_CHARTS; k++)
    {
      g_autoptr(ParaatChart) chart = chart_of_kind (k);
      cairo_surface_t *surface = render (chart, TRUE);
      guint light = 0;

      /* A dark background with light text on it */
      g_assert_cmpfloat (pixel_luma (surface, 2, 2), <, 0.2);
      g_assert_cmpfloat (pixel_luma (surface, WIDTH - 2, HEIGHT - 2), <, 0.2);
      for (int y = 0; y < 24; y++)
        for (int x = 0; x < WIDTH / 3; x++)
          light += pixel_luma (surface, x, y) > 0.7;
      g_assert_cmpuint (light, >, 30);
      if (k != PARAAT_CHART_FRESHNESS && k != PARAAT_CHART_HEATMAP)
        g_assert_cmpuint (count_all (surface, &style.accent), >, 10);
      cairo_surface_destroy (surface);
    }
}

static void
test_font_style (void)
{
  g_autoptr(ParaatChart) chart = readiness_chart ();
  ParaatChartStyle style;
  cairo_surface_t *surface;
  int x0, y0, x1, y1;
  g_autofree char *tip = NULL;

  /* A bigger font moves the bars; the tooltip for that style still finds them */
  paraat_chart_style_init_default (&style, FALSE);
  style.font_size = 16;
  style.font_family = "Serif";
  surface = render_style (chart, WIDTH, HEIGHT, &style);
  g_assert_true (color_bounds (surface, &style.accent, &x0, &y0, &x1, &y1));
  tip = paraat_chart_query_tooltip_for_style (chart, &style, WIDTH, HEIGHT, x0 + 3, y0 + 3);
  g_assert_cmpstr (tip, ==, "ISO/IEC 27001:2022: 80%");
  cairo_surface_destroy (surface);
}

static void
assert_signature (const char *path,
                  const char *signature,
                  const char *other)
{
  g_autoptr(GBytes) bytes = test_util_read_file (path);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_cmpuint (size, >, 100);
  if (memcmp (data, signature, strlen (signature)) != 0 &&
      (other == NULL || memcmp (data, other, strlen (other)) != 0))
    g_error ("%s does not start with %s", path, signature);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_export (TestDir       *fixture,
             gconstpointer  data)
{
  g_autoptr(ParaatChart) chart = radar_chart ();
  g_autofree char *png = test_dir_path (fixture, "radar.png");
  g_autofree char *svg = test_dir_path (fixture, "radar.svg");
  g_autofree char *pdf = test_dir_path (fixture, "radar.pdf");
  g_autofree char *nowhere = test_dir_path (fixture, "missing/radar.png");
  g_autoptr(GError) error = NULL;

  g_assert_true (paraat_chart_export (chart, PARAAT_CHART_PNG, png, 640, 480, &error));
  g_assert_no_error (error);
  assert_signature (png, "\x89PNG", NULL);
  g_assert_true (paraat_chart_export (chart, PARAAT_CHART_SVG, svg, 640, 480, &error));
  g_assert_no_error (error);
  assert_signature (svg, "<?xml", "<svg");
  g_assert_true (paraat_chart_export (chart, PARAAT_CHART_PDF, pdf, 640, 480, &error));
  g_assert_no_error (error);
  assert_signature (pdf, "%PDF", NULL);

  /* PNG at twice the size */
  {
    cairo_surface_t *image = cairo_image_surface_create_from_png (png);

    g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1280);
    g_assert_cmpint (cairo_image_surface_get_height (image), ==, 960);
    cairo_surface_destroy (image);
  }

  /* Refusals leave nothing behind */
  g_assert_false (paraat_chart_export (chart, PARAAT_CHART_PNG, png, 0, 480, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (paraat_chart_export (chart, PARAAT_CHART_PDF, nowhere, 640, 480, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (fixture->dir), ==, 3);
}

static void
test_workspace (TestDir       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "demo.paraat");
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;

  ws = paraat_demo_create (path, &error);
  g_assert_no_error (error);

  for (guint k = 0; k < PARAAT_N_CHARTS; k++)
    {
      g_autoptr(ParaatChart) chart = paraat_workspace_build_chart (ws, k, NULL, NULL, &error);
      g_autofree char *text = NULL;
      cairo_surface_t *surface;

      g_assert_no_error (error);
      g_assert_nonnull (chart);
      g_assert_cmpint (paraat_chart_get_kind (chart), ==, k);
      /* The demo has data for every chart, its risk register included. */
      g_assert_false (paraat_chart_is_empty (chart));
      g_assert_cmpuint (paraat_chart_get_n_categories (chart), >, 0);
      surface = render (chart, FALSE);
      cairo_surface_destroy (surface);
      text = paraat_chart_describe (chart);
      if (g_test_verbose ())
        g_printerr ("%s: %s\n", paraat_chart_kind_to_string (k), text);
    }

  /* The heatmap: the demo's risks before and after treatment on the 5 × 5 grid */
  {
    g_autoptr(ParaatChart) heatmap = paraat_workspace_build_chart (ws, PARAAT_CHART_HEATMAP,
                                                                   NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (paraat_chart_get_n_categories (heatmap), ==, 5);
    g_assert_cmpuint (paraat_chart_get_n_series (heatmap), ==, 2);
    g_assert_cmpstr (paraat_chart_get_series_name (heatmap, 0), ==, "Inherent");
    g_assert_cmpstr (paraat_chart_get_series_name (heatmap, 1), ==, "Residual");
  }

  /* The radar: every domain of the latest scan with its target and the previous scan */
  {
    g_autoptr(ParaatChart) radar = paraat_workspace_build_chart (ws, PARAAT_CHART_RADAR, NULL,
                                                                 NULL, &error);
    g_autofree char *text = paraat_chart_describe (radar);

    g_assert_cmpuint (paraat_chart_get_n_categories (radar), >=, 10);
    g_assert_cmpuint (paraat_chart_get_n_series (radar), ==, 3);
    g_assert_cmpstr (paraat_chart_get_series_name (radar, 1), ==, "Target");
    assert_contains (text, "Mean maturity per domain in “Gap analysis before the internal audit”");
    assert_contains (text, "A.5 Organizational controls 2.3 of target 3");
    assert_contains (text, "Article 20 Governance");
  }

  /* Actions over a chosen period: one category per month */
  {
    g_autoptr(ParaatChart) actions = paraat_workspace_build_chart (ws, PARAAT_CHART_ACTIONS,
                                                                   "2026-01-15", "2026-06-01",
                                                                   &error);
    g_assert_no_error (error);
    g_assert_cmpuint (paraat_chart_get_n_categories (actions), ==, 6);
    g_assert_cmpuint (paraat_chart_get_n_series (actions), ==, 3);
  }
  g_assert_null (paraat_workspace_build_chart (ws, PARAAT_CHART_ACTIONS, "2026-13-01", NULL,
                                               &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (paraat_workspace_build_chart (ws, PARAAT_CHART_ACTIONS, "2026-06-01",
                                               "2026-01-01", &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_workspace_empty (TestDir       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "new.paraat");
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatWorkspace) ws = paraat_workspace_create (path, "Voorbeeld B.V.", "Anna de Boer",
                                                           &error);

  g_assert_no_error (error);
  for (guint k = 0; k < PARAAT_N_CHARTS; k++)
    {
      g_autoptr(ParaatChart) chart = paraat_workspace_build_chart (ws, k, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_true (paraat_chart_is_empty (chart));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, TestDir, NULL, test_dir_setup, func, test_dir_teardown)

  g_test_add_func ("/chart/kinds", test_kinds);
  g_test_add_func ("/chart/model", test_model);
  g_test_add_func ("/chart/radar", test_radar);
  g_test_add_func ("/chart/radar/axes", test_radar_axes);
  g_test_add_func ("/chart/readiness", test_readiness);
  g_test_add_func ("/chart/trend", test_trend);
  g_test_add_func ("/chart/actions", test_actions);
  g_test_add_func ("/chart/freshness", test_freshness);
  g_test_add_func ("/chart/heatmap", test_heatmap);
  g_test_add_func ("/chart/describe", test_describe);
  g_test_add_func ("/chart/empty", test_empty);
  g_test_add_func ("/chart/sizes", test_sizes);
  g_test_add_func ("/chart/bad-values", test_bad_values);
  g_test_add_func ("/chart/dark", test_dark);
  g_test_add_func ("/chart/font-style", test_font_style);
  ADD ("/chart/export", test_export);
  ADD ("/chart/workspace", test_workspace);
  ADD ("/chart/workspace-empty", test_workspace_empty);

#undef ADD

  return g_test_run ();
}
