/* paraat-chart.h — maturity and progress charts drawn with cairo and pango (no GTK), for
 * the screen, exports and reports
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

typedef enum
{
  PARAAT_CHART_RADAR,      /* mean maturity per domain: current scan, target, previous scan */
  PARAAT_CHART_READINESS,  /* readiness per framework, as bars */
  PARAAT_CHART_TREND,      /* mean maturity per scan over time */
  PARAAT_CHART_ACTIONS,    /* actions opened and closed per month, with the open ones left */
  PARAAT_CHART_FRESHNESS,  /* evidence per track: fresh, expiring, stale */
  PARAAT_CHART_HEATMAP,    /* 5×5 risks by likelihood and impact, inherent and residual */
  PARAAT_N_CHARTS
} ParaatChartKind;

typedef enum
{
  PARAAT_CHART_PNG,
  PARAAT_CHART_SVG,
  PARAAT_CHART_PDF,
} ParaatChartFormat;

typedef struct
{
  double red, green, blue, alpha;
} ParaatColor;

/* Colours from the caller's theme (light or dark, accent); the core has defaults. */
typedef struct
{
  ParaatColor foreground;   /* text and axes */
  ParaatColor background;   /* ALPHA 0: leave the surface as it is */
  ParaatColor accent;       /* the current value */
  ParaatColor muted;        /* grid lines */
  ParaatColor series[4];    /* further series: target, previous, … */
  ParaatColor good, warning, bad;
  const char *font_family;  /* NULL: "Sans" */
  double      font_size;    /* points; 0: 10 */
} ParaatChartStyle;

typedef struct _ParaatChart ParaatChart;

/* Data
 *
 * What the series of each kind mean (paraat_workspace_build_chart() fills them this way,
 * and drawing, tooltips and descriptions read them so):
 *
 * - RADAR: categories are domains ("A.5 Organizational controls"; a leading key of capitals,
 *   digits and dots is what a small chart shows). Series 0 is the current mean maturity
 *   (0–4), series 1 the target level (dashed), series 2 the previous scan. Fewer than three
 *   domains are drawn as bars.
 * - READINESS: categories are frameworks, one series in percent (0–100).
 * - TREND: categories are scan dates, oldest first; one series per framework (0–4).
 * - ACTIONS: categories are months; series 0 opened and series 1 closed in the month (bars),
 *   series 2 still open at its end (a line).
 * - FRESHNESS: categories are tracks; series 0 fresh, 1 expiring soon, 2 stale, stacked.
 * - HEATMAP: categories are the N levels shared by likelihood and impact ("1" … "5"; none
 *   means 5; at most 10 are drawn). Each series is one grid ("Inherent", "Residual") of N × N counts, row by row
 *   from likelihood 1: the count for likelihood L and impact I (both from 1) is at
 *   (L - 1) × N + (I - 1).
 *
 * Values are NAN where there is none; charts of counts are empty when every count is 0. */

/* An empty chart of KIND, to fill with series and labels (tests, reports). Its title is
 * the kind's; set it to NULL to leave the title out of the drawing. */
ParaatChart  *paraat_chart_new                  (ParaatChartKind          kind);
/* The chart of KIND from the workspace. FROM and TO ("YYYY-MM-DD", NULL = open) bound the
 * period where the kind has one (actions per month). */
ParaatChart  *paraat_workspace_build_chart      (ParaatWorkspace         *workspace,
                                                 ParaatChartKind          kind,
                                                 const char              *from,
                                                 const char              *to,
                                                 GError                 **error);
ParaatChart  *paraat_chart_ref                  (ParaatChart             *chart);
void          paraat_chart_unref                (ParaatChart             *chart);

ParaatChartKind paraat_chart_get_kind           (ParaatChart             *chart);
const char   *paraat_chart_get_title            (ParaatChart             *chart);
void          paraat_chart_set_title            (ParaatChart             *chart,
                                                 const char              *title);
/* Category labels: domains, frameworks, scans, months, tracks (in order) */
void          paraat_chart_set_categories       (ParaatChart             *chart,
                                                 const char * const      *labels);
/* One value per category (a heatmap: per cell); NAN where there is none. Returns the
 * series index. */
guint         paraat_chart_add_series           (ParaatChart             *chart,
                                                 const char              *name,
                                                 const double            *values,
                                                 guint                    n_values);
guint         paraat_chart_get_n_series         (ParaatChart             *chart);
guint         paraat_chart_get_n_categories     (ParaatChart             *chart);
/* TRUE when there is nothing to draw yet; the UI shows a helpful empty state instead */
gboolean      paraat_chart_is_empty             (ParaatChart             *chart);
/* What the chart shows, with its numbers, in sentences (accessible description) */
char         *paraat_chart_describe             (ParaatChart             *chart);
/* The legend entries (series names) */
const char   *paraat_chart_get_series_name      (ParaatChart             *chart,
                                                 guint                    series);

/* Drawing */

void          paraat_chart_style_init_default   (ParaatChartStyle        *style,
                                                 gboolean                 dark);
/* Draws the whole chart, title and legend included, into the WIDTH × HEIGHT box at the
 * origin and nowhere else. STYLE NULL: the light default. An empty chart says so. */
void          paraat_chart_draw                 (ParaatChart             *chart,
                                                 cairo_t                 *cr,
                                                 double                   width,
                                                 double                   height,
                                                 const ParaatChartStyle  *style);
/* The exact value under X, Y when drawn at WIDTH × HEIGHT ("A.5 Organizational controls:
 * 2.4 (target 3)"), or NULL */
char         *paraat_chart_query_tooltip        (ParaatChart             *chart,
                                                 double                   width,
                                                 double                   height,
                                                 double                   x,
                                                 double                   y);
/* The same for a chart drawn with STYLE (its font size moves things; NULL: the default) */
char         *paraat_chart_query_tooltip_for_style (ParaatChart          *chart,
                                                 const ParaatChartStyle  *style,
                                                 double                   width,
                                                 double                   height,
                                                 double                   x,
                                                 double                   y);
/* Writes the chart to PATH in the default light style, WIDTH × HEIGHT points (PNG: pixels
 * at twice that, for sharp text); the file appears under its name only when complete. */
gboolean      paraat_chart_export               (ParaatChart             *chart,
                                                 ParaatChartFormat        format,
                                                 const char              *path,
                                                 int                      width,
                                                 int                      height,
                                                 GError                 **error);

const char   *paraat_chart_kind_to_string       (ParaatChartKind          kind);
gboolean      paraat_chart_kind_from_string     (const char              *text,
                                                 ParaatChartKind         *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParaatChart, paraat_chart_unref)

G_END_DECLS
