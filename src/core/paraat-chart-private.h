/* paraat-chart-private.h — the chart's data and the geometry shared by drawing and tooltips
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "paraat-chart.h"

G_BEGIN_DECLS

typedef struct
{
  char   *name;
  GArray *values;  /* double; may be shorter than the categories (missing = NAN) */
} ParaatChartSeries;

struct _ParaatChart
{
  gatomicrefcount  ref_count;
  ParaatChartKind  kind;
  char            *title;
  char            *subject;     /* what it is about, for describe(): a scan's name */
  char            *subject_date;
  GPtrArray       *categories;  /* char* */
  GPtrArray       *series;      /* ParaatChartSeries* */
};

/* The scan a radar chart shows, for its description; NULL when none. */
void    paraat_chart_set_subject   (ParaatChart *chart,
                                    const char  *name,
                                    const char  *date);
/* NAN when the series has no value at INDEX */
double  paraat_chart_get_value     (ParaatChart *chart,
                                    guint        series,
                                    guint        index);
/* The category label, "" when out of range */
const char *paraat_chart_get_category (ParaatChart *chart,
                                       guint        index);
/* The size of a heatmap's grid: its categories, 5 when there are none */
guint   paraat_chart_heatmap_size  (ParaatChart *chart);

/* Geometry. One function computes where everything goes; drawing paints it and the tooltip
 * hit-tests it, so what the pointer finds is what the user sees. It depends on the size
 * and the font size only (text widths are estimated and the drawn text is ellipsized to
 * the room it was given), so a tooltip needs no cairo context. */

typedef struct
{
  double x, y, width, height;
} ChartRect;

typedef enum
{
  MARK_BAR,    /* a bar or a stacked segment: the rectangle */
  MARK_POINT,  /* a data point: centre X, Y and radius WIDTH */
  MARK_CELL,   /* a heatmap cell: the rectangle; CATEGORY is the cell's index */
} ChartMarkType;

typedef struct
{
  ChartMarkType type;
  guint         series;
  guint         category;
  double        value;
  ChartRect     rect;
} ChartMark;

typedef enum
{
  LABEL_START,
  LABEL_CENTER,
  LABEL_END,
} ChartAlign;

typedef struct
{
  const char *text;     /* owned by the chart or the layout's strings */
  ChartRect   rect;     /* the text is ellipsized to this width */
  ChartAlign  align;
  gboolean    vertical; /* turned a quarter anticlockwise, reading upwards */
  gboolean    bold;
  gboolean    muted;
  int         on_mark;  /* the mark it is drawn on (black or white for contrast), or -1 */
} ChartLabel;

typedef enum
{
  SHAPE_RADAR,
  SHAPE_HBARS,
  SHAPE_COLUMNS,   /* x = categories; bars and lines */
  SHAPE_HEATMAP,
  SHAPE_EMPTY,
} ChartShape;

typedef struct
{
  ChartShape  shape;
  double      width, height;
  double      font_px;
  double      line_px;     /* one line of text */
  double      pad;

  ChartRect   title;
  ChartRect   plot;        /* where the marks are */
  ChartRect   legend;

  /* Value axis: from 0 to scale_max, grid lines every tick_step, mapped onto AXIS (left
   * to right for bars, bottom to top for columns) */
  double      scale_max;
  double      tick_step;
  ChartRect   axis;

  /* Radar */
  double      cx, cy, radius;
  guint       n_axes;
  gboolean    short_labels;

  /* Heatmap: one grid per series */
  ChartRect   grids[4];
  guint       n_grids;
  guint       grid_size;   /* levels drawn: at most 10 */
  guint       grid_stride; /* levels in the data: a cell's index is L × stride + I */

  GArray     *marks;       /* ChartMark */
  GArray     *labels;      /* ChartLabel: categories, ticks, values, legend, title */
  GArray     *legend_keys; /* ChartMark: the swatches, SERIES set */
  GPtrArray  *strings;     /* text the labels point into */
} ChartLayout;

/* FONT_SIZE in points; 0 for the default */
ChartLayout *chart_layout_new   (ParaatChart            *chart,
                                 double                  width,
                                 double                  height,
                                 double                  font_size);
void         chart_layout_free  (ChartLayout            *layout);
/* The index of the mark under X, Y, or -1 */
int          chart_layout_hit   (ChartLayout            *layout,
                                 double                  x,
                                 double                  y);

/* Drawing (paraat-chart-draw.c) */
gboolean     chart_series_is_line (ParaatChart          *chart,
                                   guint                 series);
char        *chart_format_value   (ParaatChart          *chart,
                                   double                value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChartLayout, chart_layout_free)

G_END_DECLS
