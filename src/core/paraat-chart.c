/* paraat-chart.c — chart data, its description and tooltips, and export to files
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "paraat-chart-private.h"
#include "paraat-error.h"
#include "paraat-i18n.h"
#include "paraat-partial-file.h"

#define EXPORT_MIN_SIZE 16
#define EXPORT_MAX_SIZE 4000
/* PNG is drawn at twice the size: sharp on high-density screens and in print. */
#define PNG_SCALE       2

static const char * const kind_ids[] = {
  "radar", "readiness", "trend", "actions", "freshness", "heatmap",
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_ids) == PARAAT_N_CHARTS);

static void
series_free (ParaatChartSeries *series)
{
  g_free (series->name);
  g_array_unref (series->values);
  g_free (series);
}

static const char *
default_title (ParaatChartKind kind)
{
  switch (kind)
    {
    case PARAAT_CHART_RADAR: return _("Mean maturity per domain");
    case PARAAT_CHART_READINESS: return _("Readiness per framework");
    case PARAAT_CHART_TREND: return _("Mean maturity over time");
    case PARAAT_CHART_ACTIONS: return _("Actions per month");
    case PARAAT_CHART_FRESHNESS: return _("Evidence freshness per track");
    case PARAAT_CHART_HEATMAP: return _("Risks by likelihood and impact");
    case PARAAT_N_CHARTS:
    default: return "";
    }
}

ParaatChart *
paraat_chart_new (ParaatChartKind kind)
{
  ParaatChart *chart;

  g_return_val_if_fail (kind < PARAAT_N_CHARTS, NULL);

  chart = g_new0 (ParaatChart, 1);
  g_atomic_ref_count_init (&chart->ref_count);
  chart->kind = kind;
  chart->title = g_strdup (default_title (kind));
  chart->categories = g_ptr_array_new_with_free_func (g_free);
  chart->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  return chart;
}

ParaatChart *
paraat_chart_ref (ParaatChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  g_atomic_ref_count_inc (&chart->ref_count);
  return chart;
}

void
paraat_chart_unref (ParaatChart *chart)
{
  g_return_if_fail (chart != NULL);

  if (!g_atomic_ref_count_dec (&chart->ref_count))
    return;
  g_free (chart->title);
  g_free (chart->subject);
  g_free (chart->subject_date);
  g_ptr_array_unref (chart->categories);
  g_ptr_array_unref (chart->series);
  g_free (chart);
}

ParaatChartKind
paraat_chart_get_kind (ParaatChart *chart)
{
  g_return_val_if_fail (chart != NULL, PARAAT_CHART_RADAR);
  return chart->kind;
}

const char *
paraat_chart_get_title (ParaatChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->title;
}

void
paraat_chart_set_title (ParaatChart *chart,
                        const char  *title)
{
  g_return_if_fail (chart != NULL);

  g_free (chart->title);
  chart->title = g_strdup (title);
}

void
paraat_chart_set_subject (ParaatChart *chart,
                          const char  *name,
                          const char  *date)
{
  g_free (chart->subject);
  g_free (chart->subject_date);
  chart->subject = g_strdup (name);
  chart->subject_date = g_strdup (date);
}

void
paraat_chart_set_categories (ParaatChart        *chart,
                             const char * const *labels)
{
  g_return_if_fail (chart != NULL);

  g_ptr_array_set_size (chart->categories, 0);
  for (guint i = 0; labels != NULL && labels[i] != NULL; i++)
    g_ptr_array_add (chart->categories, g_strdup (labels[i]));
}

guint
paraat_chart_add_series (ParaatChart  *chart,
                         const char   *name,
                         const double *values,
                         guint         n_values)
{
  ParaatChartSeries *series;

  g_return_val_if_fail (chart != NULL, 0);
  g_return_val_if_fail (values != NULL || n_values == 0, 0);

  series = g_new0 (ParaatChartSeries, 1);
  series->name = g_strdup (name ? name : "");
  series->values = g_array_sized_new (FALSE, FALSE, sizeof (double), n_values);
  g_array_append_vals (series->values, values, n_values);
  g_ptr_array_add (chart->series, series);
  return chart->series->len - 1;
}

guint
paraat_chart_get_n_series (ParaatChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart->series->len;
}

guint
paraat_chart_get_n_categories (ParaatChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart->categories->len;
}

const char *
paraat_chart_get_series_name (ParaatChart *chart,
                              guint        series)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (series < chart->series->len, NULL);

  return ((ParaatChartSeries *) g_ptr_array_index (chart->series, series))->name;
}

double
paraat_chart_get_value (ParaatChart *chart,
                        guint        series,
                        guint        index)
{
  ParaatChartSeries *s;

  if (series >= chart->series->len)
    return NAN;
  s = g_ptr_array_index (chart->series, series);
  return index < s->values->len ? g_array_index (s->values, double, index) : NAN;
}

const char *
paraat_chart_get_category (ParaatChart *chart,
                           guint        index)
{
  return index < chart->categories->len ? g_ptr_array_index (chart->categories, index) : "";
}

guint
paraat_chart_heatmap_size (ParaatChart *chart)
{
  return chart->categories->len > 0 ? chart->categories->len : 5;
}

/* How many values the chart reads from a series */
static guint
n_values (ParaatChart *chart)
{
  guint n = chart->categories->len;

  if (chart->kind == PARAAT_CHART_HEATMAP)
    {
      n = paraat_chart_heatmap_size (chart);
      return n * n;
    }
  return n;
}

/* Counts show nothing when all are zero; a maturity or readiness of 0 is still a figure. */
static gboolean
counts_things (ParaatChartKind kind)
{
  return kind == PARAAT_CHART_ACTIONS || kind == PARAAT_CHART_FRESHNESS ||
         kind == PARAAT_CHART_HEATMAP;
}

gboolean
paraat_chart_is_empty (ParaatChart *chart)
{
  g_return_val_if_fail (chart != NULL, TRUE);

  for (guint s = 0; s < chart->series->len; s++)
    for (guint i = 0; i < n_values (chart); i++)
      {
        double v = paraat_chart_get_value (chart, s, i);

        if (!isnan (v) && (!counts_things (chart->kind) || v != 0))
          return FALSE;
      }
  return TRUE;
}

gboolean
chart_series_is_line (ParaatChart *chart,
                      guint        series)
{
  return chart->kind == PARAAT_CHART_TREND ||
         (chart->kind == PARAAT_CHART_ACTIONS && series >= 2);
}

/* Numbers in the user's locale: maturity with one decimal, readiness as a percentage,
 * counts whole. */
char *
chart_format_value (ParaatChart *chart,
                    double       value)
{
  if (isnan (value))
    return g_strdup ("–");
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : "-∞");
  switch (chart->kind)
    {
    case PARAAT_CHART_READINESS:
      /* Translators: a readiness percentage on a chart, "48%" */
      return g_strdup_printf (_("%.0f%%"), value);
    case PARAAT_CHART_RADAR:
    case PARAAT_CHART_TREND:
      return paraat_format_decimal (value, 1);
    default:
      return fabs (value) < 1e9 ? g_strdup_printf ("%.0f", value)
                                : g_strdup_printf ("%.3g", value);
    }
}

/* A target level reads as "3", not "3.0"; a mean target as "2.5". */
static char *
format_target (double value)
{
  if (isnan (value))
    return g_strdup ("–");
  if (fabs (value - round (value)) < 0.05)
    return g_strdup_printf ("%.0f", value);
  return paraat_format_decimal (value, 1);
}

/* Descriptions */

/* What one domain of a radar scored: current, target and previous scan when there are. */
static char *
describe_domain (ParaatChart *chart,
                 guint        i,
                 gboolean     tooltip)
{
  const char *label = paraat_chart_get_category (chart, i);
  double current = paraat_chart_get_value (chart, 0, i);
  double target = paraat_chart_get_value (chart, 1, i);
  double previous = paraat_chart_get_value (chart, 2, i);
  g_autofree char *value = chart_format_value (chart, current);
  g_autofree char *goal = format_target (target);
  g_autofree char *before = chart_format_value (chart, previous);

  if (isnan (current))
    /* Translators: a domain of a scan that has no answered question, "A.7 Physical controls
     * not scored" */
    return g_strdup_printf (_("%s not scored"), label);
  if (tooltip)
    {
      if (!isnan (target) && !isnan (previous))
        /* Translators: a chart tooltip: domain, its mean maturity, the target level and the
         * previous scan's mean, "A.5 Organizational controls: 2.4 (target 3, previously 2.1)" */
        return g_strdup_printf (_("%1$s: %2$s (target %3$s, previously %4$s)"), label, value,
                                goal, before);
      if (!isnan (target))
        /* Translators: a chart tooltip, "A.5 Organizational controls: 2.4 (target 3)" */
        return g_strdup_printf (_("%1$s: %2$s (target %3$s)"), label, value, goal);
      /* Translators: a chart tooltip: what is pointed at and its value */
      return g_strdup_printf (_("%1$s: %2$s"), label, value);
    }
  if (!isnan (target) && !isnan (previous))
    /* Translators: one domain in a chart's description, "A.5 Organizational controls 2.3 of
     * target 3, previously 2.1" */
    return g_strdup_printf (_("%1$s %2$s of target %3$s, previously %4$s"), label, value, goal,
                            before);
  if (!isnan (target))
    /* Translators: one domain in a chart's description, "A.5 Organizational controls 2.3 of
     * target 3" */
    return g_strdup_printf (_("%1$s %2$s of target %3$s"), label, value, goal);
  /* Translators: one item in a chart's description: a name and its value, "ISO/IEC 27001 48%" */
  return g_strdup_printf (_("%1$s %2$s"), label, value);
}

static void
append_item (GString    *list,
             const char *item)
{
  if (list->len > 0)
    /* Translators: separates the items of a list in a chart's description */
    g_string_append (list, _("; "));
  g_string_append (list, item);
}

static char *
describe_radar (ParaatChart *chart)
{
  g_autoptr(GString) items = g_string_new (NULL);

  for (guint i = 0; i < chart->categories->len; i++)
    {
      g_autofree char *item = describe_domain (chart, i, FALSE);
      append_item (items, item);
    }
  if (chart->subject != NULL && chart->subject_date != NULL)
    /* Translators: %1$s is a scan's name, %2$s its date and %3$s the list of its domains
     * with their figures */
    return g_strdup_printf (_("Mean maturity per domain in “%1$s” (%2$s): %3$s."), chart->subject,
                            chart->subject_date, items->str);
  /* Translators: %s is the list of domains with their figures */
  return g_strdup_printf (_("Mean maturity per domain: %s."), items->str);
}

static char *
describe_readiness (ParaatChart *chart)
{
  g_autoptr(GString) items = g_string_new (NULL);

  for (guint i = 0; i < chart->categories->len; i++)
    {
      const char *label = paraat_chart_get_category (chart, i);
      double v = paraat_chart_get_value (chart, 0, i);
      g_autofree char *value = chart_format_value (chart, v);
      g_autofree char *item = isnan (v) ? g_strdup_printf (_("%s not scored"), label)
                                        : g_strdup_printf (_("%1$s %2$s"), label, value);
      append_item (items, item);
    }
  if (chart->subject != NULL && chart->subject_date != NULL)
    /* Translators: %1$s is a scan's name, %2$s its date and %3$s the frameworks with their
     * readiness */
    return g_strdup_printf (_("Readiness per framework in “%1$s” (%2$s): %3$s."),
                            chart->subject, chart->subject_date, items->str);
  /* Translators: %s is the list of frameworks with their readiness */
  return g_strdup_printf (_("Readiness per framework: %s."), items->str);
}

static char *
describe_trend (ParaatChart *chart)
{
  g_autoptr(GString) items = g_string_new (NULL);

  for (guint s = 0; s < chart->series->len; s++)
    {
      g_autoptr(GString) points = g_string_new (NULL);
      g_autofree char *item = NULL;

      for (guint i = 0; i < chart->categories->len; i++)
        {
          double v = paraat_chart_get_value (chart, s, i);
          g_autofree char *value = chart_format_value (chart, v);
          g_autofree char *point = NULL;

          if (isnan (v))
            continue;
          /* Translators: a mean maturity and the date of the scan, "2.4 on 2026-10-23" */
          point = g_strdup_printf (_("%1$s on %2$s"), value, paraat_chart_get_category (chart, i));
          if (points->len > 0)
            /* Translators: separates the scans of one framework in a chart's description */
            g_string_append (points, _(", "));
          g_string_append (points, point);
        }
      /* Translators: a framework and its mean maturity per scan, "ISO/IEC 27001: 2.1 on
       * 2025-10-23, 2.4 on 2026-10-23" */
      item = g_strdup_printf (_("%1$s: %2$s"), paraat_chart_get_series_name (chart, s),
                              points->len > 0 ? points->str : _("no scores"));
      append_item (items, item);
    }
  /* Translators: %s is the list of frameworks with their mean maturity per scan */
  return g_strdup_printf (_("Mean maturity per scan over time: %s."), items->str);
}

/* "Opened 4, Closed 2" for series the sentence does not know by name */
static char *
describe_series_values (ParaatChart *chart,
                        guint        i)
{
  g_autoptr(GString) values = g_string_new (NULL);

  for (guint s = 0; s < chart->series->len; s++)
    {
      g_autofree char *value = chart_format_value (chart, paraat_chart_get_value (chart, s, i));
      g_autofree char *item = g_strdup_printf (_("%1$s %2$s"),
                                               paraat_chart_get_series_name (chart, s), value);
      if (values->len > 0)
        g_string_append (values, _(", "));
      g_string_append (values, item);
    }
  return g_string_free (g_steal_pointer (&values), FALSE);
}

static char *
describe_counts_item (ParaatChart *chart,
                      guint        i)
{
  const char *label = paraat_chart_get_category (chart, i);
  g_autofree char *a = chart_format_value (chart, paraat_chart_get_value (chart, 0, i));
  g_autofree char *b = chart_format_value (chart, paraat_chart_get_value (chart, 1, i));
  g_autofree char *c = chart_format_value (chart, paraat_chart_get_value (chart, 2, i));
  g_autofree char *values = NULL;

  if (chart->series->len == 3 && chart->kind == PARAAT_CHART_ACTIONS)
    /* Translators: one month in a chart's description, "March 2026: 4 opened, 2 closed, 10
     * still open at the end" */
    return g_strdup_printf (_("%1$s: %2$s opened, %3$s closed, %4$s still open at the end"),
                            label, a, b, c);
  if (chart->series->len == 3 && chart->kind == PARAAT_CHART_FRESHNESS)
    /* Translators: one track in a chart's description, "Policy: 12 fresh, 3 expiring soon,
     * 1 stale" */
    return g_strdup_printf (_("%1$s: %2$s fresh, %3$s expiring soon, %4$s stale"), label, a, b,
                            c);
  values = describe_series_values (chart, i);
  return g_strdup_printf (_("%1$s: %2$s"), label, values);
}

static char *
describe_counts (ParaatChart *chart)
{
  g_autoptr(GString) items = g_string_new (NULL);

  for (guint i = 0; i < chart->categories->len; i++)
    {
      g_autofree char *item = describe_counts_item (chart, i);
      append_item (items, item);
    }
  if (chart->kind == PARAAT_CHART_ACTIONS)
    /* Translators: %s is the list of months with their figures */
    return g_strdup_printf (_("Actions opened and closed per month, and still open at the end "
                              "of it: %s."), items->str);
  /* Translators: %s is the list of evidence tracks with their figures */
  return g_strdup_printf (_("Evidence per track: %s."), items->str);
}

static char *
describe_heatmap (ParaatChart *chart)
{
  guint size = paraat_chart_heatmap_size (chart);
  g_autoptr(GString) out = g_string_new (_("Risks by likelihood and impact."));

  for (guint s = 0; s < chart->series->len; s++)
    {
      g_autoptr(GString) cells = g_string_new (NULL);
      g_autofree char *sentence = NULL;

      for (guint index = 0; index < size * size; index++)
        {
          double v = paraat_chart_get_value (chart, s, index);
          g_autofree char *count = chart_format_value (chart, v);
          g_autofree char *cell = NULL;

          if (isnan (v) || v == 0)
            continue;
          /* Translators: one cell of a risk heatmap, "likelihood 4, impact 5: 2" */
          cell = g_strdup_printf (_("likelihood %1$s, impact %2$s: %3$s"),
                                  paraat_chart_get_category (chart, index / size),
                                  paraat_chart_get_category (chart, index % size), count);
          append_item (cells, cell);
        }
      /* Translators: %1$s is “Inherent” or “Residual”, %2$s the cells with risks */
      sentence = cells->len > 0 ? g_strdup_printf (_("%1$s: %2$s."),
                                                   paraat_chart_get_series_name (chart, s),
                                                   cells->str)
                                /* Translators: a series of a risk heatmap without risks */
                                : g_strdup_printf (_("%s: none."),
                                                   paraat_chart_get_series_name (chart, s));
      g_string_append_c (out, ' ');
      g_string_append (out, sentence);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
paraat_chart_describe (ParaatChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  if (paraat_chart_is_empty (chart))
    {
      if (chart->title != NULL && *chart->title != '\0')
        /* Translators: %s is a chart's title */
        return g_strdup_printf (_("%s: no data yet."), chart->title);
      return g_strdup (_("No data yet."));
    }
  switch (chart->kind)
    {
    case PARAAT_CHART_RADAR: return describe_radar (chart);
    case PARAAT_CHART_READINESS: return describe_readiness (chart);
    case PARAAT_CHART_TREND: return describe_trend (chart);
    case PARAAT_CHART_ACTIONS:
    case PARAAT_CHART_FRESHNESS: return describe_counts (chart);
    case PARAAT_CHART_HEATMAP: return describe_heatmap (chart);
    case PARAAT_N_CHARTS:
    default: return g_strdup ("");
    }
}

/* Tooltips */

static char *
mark_tooltip (ParaatChart     *chart,
              const ChartMark *mark)
{
  g_autofree char *value = chart_format_value (chart, mark->value);
  const char *series = paraat_chart_get_series_name (chart, mark->series);
  const char *category = paraat_chart_get_category (chart, mark->category);
  guint size = paraat_chart_heatmap_size (chart);

  switch (chart->kind)
    {
    case PARAAT_CHART_RADAR:
      return describe_domain (chart, mark->category, TRUE);
    case PARAAT_CHART_READINESS:
      return g_strdup_printf (_("%1$s: %2$s"), category, value);
    case PARAAT_CHART_HEATMAP:
      /* Translators: a heatmap cell's tooltip, "Residual, likelihood 4, impact 5: 2" */
      return g_strdup_printf (_("%1$s, likelihood %2$s, impact %3$s: %4$s"), series,
                              paraat_chart_get_category (chart, mark->category / size),
                              paraat_chart_get_category (chart, mark->category % size), value);
    case PARAAT_CHART_TREND:
    case PARAAT_CHART_ACTIONS:
    case PARAAT_CHART_FRESHNESS:
    case PARAAT_N_CHARTS:
    default:
      /* Translators: a chart tooltip: the category, the series and the value, "Mar 2026,
       * Opened: 4" or "Policy, Fresh: 12" */
      return g_strdup_printf (_("%1$s, %2$s: %3$s"), category, series, value);
    }
}

char *
paraat_chart_query_tooltip_for_style (ParaatChart            *chart,
                                      const ParaatChartStyle *style,
                                      double                  width,
                                      double                  height,
                                      double                  x,
                                      double                  y)
{
  g_autoptr(ChartLayout) layout = NULL;
  int hit;

  g_return_val_if_fail (chart != NULL, NULL);

  layout = chart_layout_new (chart, width, height, style ? style->font_size : 0);
  hit = chart_layout_hit (layout, x, y);
  if (hit < 0)
    return NULL;
  return mark_tooltip (chart, &g_array_index (layout->marks, ChartMark, hit));
}

char *
paraat_chart_query_tooltip (ParaatChart *chart,
                            double       width,
                            double       height,
                            double       x,
                            double       y)
{
  return paraat_chart_query_tooltip_for_style (chart, NULL, width, height, x, y);
}

/* Export */

static void
draw_export (ParaatChart *chart,
             cairo_surface_t *surface,
             double       scale,
             int          width,
             int          height)
{
  ParaatChartStyle style;
  cairo_t *cr = cairo_create (surface);

  paraat_chart_style_init_default (&style, FALSE);
  cairo_scale (cr, scale, scale);
  paraat_chart_draw (chart, cr, width, height, &style);
  cairo_destroy (cr);
}

/* Draws into a surface of FORMAT writing to CLOSURE; the cairo status of the result. */
static cairo_status_t
render (ParaatChart       *chart,
        ParaatChartFormat  format,
        int                width,
        int                height,
        ParaatStreamClosure *closure)
{
  cairo_surface_t *surface;
  cairo_status_t status;

  if (format == PARAAT_CHART_PNG)
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * PNG_SCALE,
                                            height * PNG_SCALE);
      draw_export (chart, surface, PNG_SCALE, width, height);
      status = cairo_surface_status (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_write_to_png_stream (surface, paraat_stream_closure_write,
                                                     closure);
    }
  else
    {
      surface = format == PARAAT_CHART_SVG
                ? cairo_svg_surface_create_for_stream (paraat_stream_closure_write, closure,
                                                       width, height)
                : cairo_pdf_surface_create_for_stream (paraat_stream_closure_write, closure,
                                                       width, height);
      draw_export (chart, surface, 1, width, height);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  return status;
}

gboolean
paraat_chart_export (ParaatChart        *chart,
                     ParaatChartFormat   format,
                     const char         *path,
                     int                 width,
                     int                 height,
                     GError            **error)
{
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GFile) partial = NULL;
  g_autoptr(GOutputStream) out = NULL;
  ParaatStreamClosure closure = { NULL, NULL };
  cairo_status_t status;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (format <= PARAAT_CHART_PDF, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (width < EXPORT_MIN_SIZE || height < EXPORT_MIN_SIZE ||
      width > EXPORT_MAX_SIZE || height > EXPORT_MAX_SIZE)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   /* Translators: the allowed width and height of an exported chart */
                   _("A chart must be from %d to %d pixels wide and high."),
                   EXPORT_MIN_SIZE, EXPORT_MAX_SIZE);
      return FALSE;
    }

  destination = g_file_new_for_path (path);
  if (!(out = paraat_partial_file_create (destination, &partial, NULL, error)))
    return FALSE;

  closure.out = out;
  status = render (chart, format, width, height, &closure);
  if (closure.error != NULL)
    {
      paraat_partial_file_discard (out, partial);
      g_propagate_error (error, closure.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      paraat_partial_file_discard (out, partial);
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO,
                   /* Translators: %s is the reason from the drawing library */
                   _("Could not draw the chart: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return paraat_partial_file_commit (out, partial, destination, NULL, error);
}

/* Kinds */

const char *
paraat_chart_kind_to_string (ParaatChartKind kind)
{
  return kind < PARAAT_N_CHARTS ? kind_ids[kind] : kind_ids[0];
}

gboolean
paraat_chart_kind_from_string (const char      *text,
                               ParaatChartKind *kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kind_ids); i++)
    if (g_str_equal (text, kind_ids[i]))
      {
        if (kind != NULL)
          *kind = (ParaatChartKind) i;
        return TRUE;
      }
  return FALSE;
}
