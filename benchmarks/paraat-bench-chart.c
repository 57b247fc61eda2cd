/* paraat-bench-chart.c — draws every chart kind at 800 × 600 into an image surface, with
 * 14 domains and 20 scans worth of data. Prints JSON: median and worst time per kind.
 * The target is under 5 ms each, so a chart redraws within a frame.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>

#include "paraat-chart.h"

#define WIDTH        800
#define HEIGHT       600
#define N_DOMAINS    14
#define N_SCANS      20
#define N_MONTHS     12
#define N_ITERATIONS 200

static const char * const domain_names[N_DOMAINS + 1] = {
  "4 Context of the organization", "5 Leadership", "6 Planning", "7 Support", "8 Operation",
  "9 Performance evaluation", "10 Improvement", "A.5 Organizational controls",
  "A.6 People controls", "A.7 Physical controls", "A.8 Technological controls",
  "Article 20 Governance", "Article 21(2) Cybersecurity risk-management measures",
  "Article 23 Reporting obligations", NULL,
};

static void
set_labels (ParaatChart *chart,
            guint        n,
            const char  *format)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (labels, g_strdup_printf (format, 2020 + i / 12, i % 12 + 1));
  g_ptr_array_add (labels, NULL);
  paraat_chart_set_categories (chart, (const char * const *) labels->pdata);
}

static ParaatChart *
build (ParaatChartKind kind)
{
  ParaatChart *chart = paraat_chart_new (kind);
  double a[N_SCANS * 2], b[N_SCANS * 2], c[N_SCANS * 2], cells[25], cells2[25];
  static const char * const two[] = { "ISO/IEC 27001:2022", "NIS2 Directive (EU) 2022/2555",
                                      NULL };
  static const char * const tracks[] = { "Policy", "Operation", "Monitoring", NULL };
  static const char * const levels[] = { "1", "2", "3", "4", "5", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (a); i++)
    {
      a[i] = 1 + (i * 7 % 13) / 4.5;
      b[i] = 3;
      c[i] = 1 + (i * 5 % 11) / 4.0;
    }
  for (guint i = 0; i < 25; i++)
    {
      cells[i] = i * 3 % 7;
      cells2[i] = i * 2 % 3;
    }

  switch (kind)
    {
    case PARAAT_CHART_RADAR:
      paraat_chart_set_categories (chart, domain_names);
      paraat_chart_add_series (chart, "Current", a, N_DOMAINS);
      paraat_chart_add_series (chart, "Target", b, N_DOMAINS);
      paraat_chart_add_series (chart, "Previous", c, N_DOMAINS);
      break;
    case PARAAT_CHART_READINESS:
      paraat_chart_set_categories (chart, two);
      a[0] = 48, a[1] = 25;
      paraat_chart_add_series (chart, "Readiness", a, 2);
      break;
    case PARAAT_CHART_TREND:
      set_labels (chart, N_SCANS, "%d-%02d-15");
      paraat_chart_add_series (chart, two[0], a, N_SCANS);
      paraat_chart_add_series (chart, two[1], c, N_SCANS);
      break;
    case PARAAT_CHART_ACTIONS:
      set_labels (chart, N_MONTHS, "%d-%02d");
      for (guint i = 0; i < N_MONTHS; i++)
        a[i] = i % 5, b[i] = i % 3, c[i] = 10 + i;
      paraat_chart_add_series (chart, "Opened", a, N_MONTHS);
      paraat_chart_add_series (chart, "Closed", b, N_MONTHS);
      paraat_chart_add_series (chart, "Still open", c, N_MONTHS);
      break;
    case PARAAT_CHART_FRESHNESS:
      paraat_chart_set_categories (chart, tracks);
      a[0] = 40, a[1] = 22, a[2] = 9;
      b[0] = 3, b[1] = 5, b[2] = 1;
      c[0] = 2, c[1] = 8, c[2] = 4;
      paraat_chart_add_series (chart, "Fresh", a, 3);
      paraat_chart_add_series (chart, "Expiring soon", b, 3);
      paraat_chart_add_series (chart, "Stale", c, 3);
      break;
    case PARAAT_CHART_HEATMAP:
      paraat_chart_set_categories (chart, levels);
      paraat_chart_add_series (chart, "Inherent", cells, 25);
      paraat_chart_add_series (chart, "Residual", cells2, 25);
      break;
    case PARAAT_N_CHARTS:
    default:
      g_assert_not_reached ();
    }
  return chart;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint) MAX (atoi (argv[1]), 1) : N_ITERATIONS;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  g_autoptr(GString) out = g_string_new ("{\"benchmark\":\"chart-draw\"");
  g_autofree double *ms = g_new (double, n);
  ParaatChartStyle style;

  paraat_chart_style_init_default (&style, FALSE);
  g_string_append_printf (out, ",\"width\":%d,\"height\":%d,\"iterations\":%u,\"kinds\":{",
                          WIDTH, HEIGHT, n);

  for (guint k = 0; k < PARAAT_N_CHARTS; k++)
    {
      g_autoptr(ParaatChart) chart = build (k);
      cairo_t *cr = cairo_create (surface);

      /* Once first: loading fonts belongs to start-up, not to drawing a chart. */
      paraat_chart_draw (chart, cr, WIDTH, HEIGHT, &style);
      for (guint i = 0; i < n; i++)
        {
          gint64 start = g_get_monotonic_time ();

          paraat_chart_draw (chart, cr, WIDTH, HEIGHT, &style);
          cairo_surface_flush (surface);
          ms[i] = (g_get_monotonic_time () - start) / 1000.0;
        }
      cairo_destroy (cr);
      qsort (ms, n, sizeof (double), compare_doubles);
      g_string_append_printf (out, "%s\"%s\":{\"median_ms\":%.3f,\"max_ms\":%.3f}",
                              k > 0 ? "," : "", paraat_chart_kind_to_string (k), ms[n / 2],
                              ms[n - 1]);
    }
  cairo_surface_destroy (surface);
  g_print ("%s}}\n", out->str);
  return EXIT_SUCCESS;
}
