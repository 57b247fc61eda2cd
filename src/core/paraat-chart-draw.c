/* paraat-chart-draw.c — painting a chart's layout with cairo and pango
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <pango/pangocairo.h>

#include "paraat-chart-private.h"

typedef struct
{
  cairo_t                *cr;
  ParaatChart            *chart;
  ChartLayout            *layout;
  const ParaatChartStyle *style;
  PangoLayout            *text;
  PangoFontDescription   *font;
  PangoFontDescription   *bold;
} DrawContext;

static ParaatColor
rgb (guint32 hex)
{
  return (ParaatColor) { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                         (hex & 0xff) / 255.0, 1.0 };
}

/* The libadwaita palette: view colours, the blue accent, and its status colours. */
void
paraat_chart_style_init_default (ParaatChartStyle *style,
                                 gboolean          dark)
{
  g_return_if_fail (style != NULL);

  *style = (ParaatChartStyle) {
    .foreground = dark ? rgb (0xffffff) : rgb (0x241f31),
    .background = dark ? rgb (0x1e1e1e) : rgb (0xffffff),
    .accent = rgb (0x3584e4),
    .muted = dark ? (ParaatColor) { 1, 1, 1, 0.15 } : (ParaatColor) { 0, 0, 0, 0.12 },
    .series = {
      dark ? rgb (0xffa348) : rgb (0xc64600),   /* target: orange */
      dark ? rgb (0x9a9996) : rgb (0x77767b),   /* previous: grey */
      dark ? rgb (0x57e389) : rgb (0x26a269),   /* green */
      dark ? rgb (0xdc8add) : rgb (0x9141ac),   /* purple */
    },
    .good = dark ? rgb (0x26a269) : rgb (0x2ec27e),
    .warning = dark ? rgb (0xcd9309) : rgb (0xf5c211),
    .bad = dark ? rgb (0xc01c28) : rgb (0xe01b24),
    .font_family = NULL,
    .font_size = 0,
  };
}

static void
set_color (cairo_t           *cr,
           const ParaatColor *color,
           double             alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static ParaatColor
mix (const ParaatColor *a,
     const ParaatColor *b,
     double             t)
{
  return (ParaatColor) { a->red + (b->red - a->red) * t, a->green + (b->green - a->green) * t,
                         a->blue + (b->blue - a->blue) * t, a->alpha + (b->alpha - a->alpha) * t };
}

/* Which colour a series has: the accent for the current value, the style's status colours
 * where the series mean good, warning and bad, and otherwise the further series colours. */
static const ParaatColor *
series_color (DrawContext *ctx,
              guint        series)
{
  const ParaatChartStyle *style = ctx->style;
  static const guint others[] = { 2, 3, 0, 1 };

  if (series == 0)
    return paraat_chart_get_kind (ctx->chart) == PARAAT_CHART_FRESHNESS ? &style->good
                                                                         : &style->accent;
  switch (paraat_chart_get_kind (ctx->chart))
    {
    case PARAAT_CHART_FRESHNESS:
      return series == 1 ? &style->warning : series == 2 ? &style->bad : &style->series[series % 4];
    case PARAAT_CHART_ACTIONS:
      return series == 1 ? &style->good : &style->series[(series - 2) % 4];
    case PARAAT_CHART_RADAR:
      return &style->series[(series - 1) % 4];
    default:
      return &style->series[others[(series - 1) % 4]];
    }
}

static gboolean
series_dashed (DrawContext *ctx,
               guint        series)
{
  return paraat_chart_get_kind (ctx->chart) == PARAAT_CHART_RADAR && series == 1;
}

/* From good through warning to bad as likelihood × impact grows. */
static ParaatColor
heatmap_color (DrawContext *ctx,
               guint        index)
{
  guint size = MAX (ctx->layout->grid_stride, 2);
  double product = (index / size + 1) * (index % size + 1);
  double t = (product - 1) / (size * size - 1);

  if (t < 0.5)
    return mix (&ctx->style->good, &ctx->style->warning, t * 2);
  return mix (&ctx->style->warning, &ctx->style->bad, (t - 0.5) * 2);
}

static ParaatColor
mark_color (DrawContext     *ctx,
            const ChartMark *mark)
{
  if (mark->type == MARK_CELL)
    return heatmap_color (ctx, mark->category);
  return *series_color (ctx, mark->series);
}

/* Half a pixel off the grid, so one-pixel lines cover whole pixels (at 1× and 2×). */
static double
snap (double v)
{
  return floor (v) + 0.5;
}

/* Text */

static void
draw_label (DrawContext      *ctx,
            const ChartLabel *label)
{
  cairo_t *cr = ctx->cr;
  double length = label->vertical ? label->rect.height : label->rect.width;
  double thickness = label->vertical ? label->rect.width : label->rect.height;
  int text_width, text_height;

  if (label->text == NULL || *label->text == '\0' || length < 4)
    return;

  pango_layout_set_font_description (ctx->text, label->bold ? ctx->bold : ctx->font);
  pango_layout_set_text (ctx->text, label->text, -1);
  pango_layout_set_width (ctx->text, (int) (length * PANGO_SCALE));
  pango_layout_set_alignment (ctx->text, label->align == LABEL_START ? PANGO_ALIGN_LEFT
                                         : label->align == LABEL_END ? PANGO_ALIGN_RIGHT
                                         : PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (ctx->text, &text_width, &text_height);

  if (label->on_mark >= 0)
    {
      ChartMark *mark = &g_array_index (ctx->layout->marks, ChartMark, label->on_mark);
      ParaatColor fill = mark_color (ctx, mark);
      double luma = 0.2126 * fill.red + 0.7152 * fill.green + 0.0722 * fill.blue;

      cairo_set_source_rgba (cr, luma > 0.55 ? 0 : 1, luma > 0.55 ? 0 : 1, luma > 0.55 ? 0 : 1,
                             0.9);
    }
  else
    set_color (cr, &ctx->style->foreground, label->muted ? 0.65 : 1.0);

  cairo_save (cr);
  if (label->vertical)
    {
      cairo_translate (cr, label->rect.x, label->rect.y + label->rect.height);
      cairo_rotate (cr, -G_PI_2);
      pango_cairo_update_layout (cr, ctx->text);
      cairo_move_to (cr, 0, round ((thickness - text_height) / 2));
    }
  else
    cairo_move_to (cr, label->rect.x, round (label->rect.y + (thickness - text_height) / 2));
  pango_cairo_show_layout (cr, ctx->text);
  cairo_restore (cr);
  if (label->vertical)
    pango_cairo_update_layout (cr, ctx->text);
}

static void
draw_labels (DrawContext *ctx)
{
  for (guint i = 0; i < ctx->layout->labels->len; i++)
    draw_label (ctx, &g_array_index (ctx->layout->labels, ChartLabel, i));
}

/* Legend */

static void
draw_legend (DrawContext *ctx)
{
  cairo_t *cr = ctx->cr;

  for (guint i = 0; i < ctx->layout->legend_keys->len; i++)
    {
      ChartMark *key = &g_array_index (ctx->layout->legend_keys, ChartMark, i);
      ChartRect *r = &key->rect;

      set_color (cr, series_color (ctx, key->series), 1.0);
      if (chart_series_is_line (ctx->chart, key->series) || ctx->layout->shape == SHAPE_RADAR)
        {
          static const double dash[] = { 4, 3 };

          cairo_set_line_width (cr, 2);
          cairo_set_dash (cr, dash, series_dashed (ctx, key->series) ? 2 : 0, 0);
          cairo_move_to (cr, r->x, r->y + r->height / 2);
          cairo_line_to (cr, r->x + r->width, r->y + r->height / 2);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else
        {
          cairo_rectangle (cr, r->x, r->y, r->width, r->height);
          cairo_fill (cr);
        }
    }
}

/* Value axis grid lines */

static void
draw_value_grid (DrawContext *ctx,
                 gboolean     vertical)
{
  cairo_t *cr = ctx->cr;
  ChartLayout *layout = ctx->layout;
  ChartRect *axis = &layout->axis;
  guint n_ticks;

  if (layout->tick_step <= 0 || layout->scale_max <= 0)
    return;
  n_ticks = (guint) MIN (floor (layout->scale_max / layout->tick_step + 0.5), 20);
  cairo_set_line_width (cr, 1);
  set_color (cr, &ctx->style->muted, 1.0);
  for (guint t = 0; t <= n_ticks; t++)
    {
      double f = t * layout->tick_step / layout->scale_max;

      if (vertical)
        {
          double y = snap (axis->y + axis->height * (1 - f));
          cairo_move_to (cr, axis->x, y);
          cairo_line_to (cr, axis->x + axis->width, y);
        }
      else
        {
          double x = snap (axis->x + axis->width * f);
          cairo_move_to (cr, x, axis->y);
          cairo_line_to (cr, x, axis->y + axis->height);
        }
    }
  cairo_stroke (cr);

  /* The zero line in the text colour, as the baseline the bars stand on */
  set_color (cr, &ctx->style->foreground, 0.5);
  if (vertical)
    {
      cairo_move_to (cr, axis->x, snap (axis->y + axis->height));
      cairo_line_to (cr, axis->x + axis->width, snap (axis->y + axis->height));
    }
  else
    {
      cairo_move_to (cr, snap (axis->x), axis->y);
      cairo_line_to (cr, snap (axis->x), axis->y + axis->height);
    }
  cairo_stroke (cr);
}

static void
draw_bars (DrawContext *ctx)
{
  cairo_t *cr = ctx->cr;

  for (guint i = 0; i < ctx->layout->marks->len; i++)
    {
      ChartMark *mark = &g_array_index (ctx->layout->marks, ChartMark, i);

      if (mark->type != MARK_BAR || mark->rect.width <= 0 || mark->rect.height <= 0)
        continue;
      set_color (cr, series_color (ctx, mark->series), 1.0);
      cairo_rectangle (cr, mark->rect.x, mark->rect.y, mark->rect.width, mark->rect.height);
      cairo_fill (cr);
    }
}

/* Lines through the points of each line series; a gap (NaN) breaks the line. */
static void
draw_lines (DrawContext *ctx)
{
  cairo_t *cr = ctx->cr;
  GArray *marks = ctx->layout->marks;

  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < marks->len; i++)
    {
      ChartMark *mark = &g_array_index (marks, ChartMark, i);
      ChartMark *prev = i > 0 ? &g_array_index (marks, ChartMark, i - 1) : NULL;

      if (mark->type != MARK_POINT)
        continue;
      if (prev != NULL && prev->type == MARK_POINT && prev->series == mark->series &&
          prev->category + 1 == mark->category)
        cairo_line_to (cr, mark->rect.x, mark->rect.y);
      else
        {
          cairo_stroke (cr);
          set_color (cr, series_color (ctx, mark->series), 1.0);
          cairo_move_to (cr, mark->rect.x, mark->rect.y);
        }
    }
  cairo_stroke (cr);

  for (guint i = 0; i < marks->len; i++)
    {
      ChartMark *mark = &g_array_index (marks, ChartMark, i);

      if (mark->type != MARK_POINT)
        continue;
      set_color (cr, series_color (ctx, mark->series), 1.0);
      cairo_arc (cr, mark->rect.x, mark->rect.y, mark->rect.width, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

/* Radar */

static void
radar_vertex (ChartLayout *layout,
              guint        axis,
              double       r,
              double      *x,
              double      *y)
{
  double angle = -G_PI_2 + 2 * G_PI * axis / layout->n_axes;

  *x = layout->cx + r * cos (angle);
  *y = layout->cy + r * sin (angle);
}

static void
draw_radar_grid (DrawContext *ctx)
{
  cairo_t *cr = ctx->cr;
  ChartLayout *layout = ctx->layout;
  double x, y;

  cairo_set_line_width (cr, 1);
  set_color (cr, &ctx->style->muted, 1.0);
  for (guint ring = 1; ring <= 4; ring++)
    {
      for (guint i = 0; i < layout->n_axes; i++)
        {
          radar_vertex (layout, i, layout->radius * ring / 4, &x, &y);
          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
    }
  for (guint i = 0; i < layout->n_axes; i++)
    {
      radar_vertex (layout, i, layout->radius, &x, &y);
      cairo_move_to (cr, layout->cx, layout->cy);
      cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
}

/* The marks of SERIES indexed by axis; NULL where it has no value. */
static void
radar_points (DrawContext  *ctx,
              guint         series,
              ChartMark   **points)
{
  for (guint i = 0; i < ctx->layout->marks->len; i++)
    {
      ChartMark *mark = &g_array_index (ctx->layout->marks, ChartMark, i);

      if (mark->series == series && mark->category < ctx->layout->n_axes)
        points[mark->category] = mark;
    }
}

static void
draw_radar_series (DrawContext *ctx,
                   guint        series)
{
  static const double dash[] = { 5, 4 };
  cairo_t *cr = ctx->cr;
  guint n = ctx->layout->n_axes, n_points = 0;
  g_autofree ChartMark **points = g_new0 (ChartMark *, n);
  const ParaatColor *color = series_color (ctx, series);

  radar_points (ctx, series, points);
  for (guint i = 0; i < n; i++)
    if (points[i] != NULL)
      {
        if (n_points++ == 0)
          cairo_move_to (cr, points[i]->rect.x, points[i]->rect.y);
        else
          cairo_line_to (cr, points[i]->rect.x, points[i]->rect.y);
      }
  /* The area over the domains that have a value; only the current scan is filled */
  if (series == 0 && n_points >= 3)
    {
      cairo_close_path (cr);
      set_color (cr, color, 0.2);
      cairo_fill (cr);
    }
  cairo_new_path (cr);

  /* The outline joins neighbouring axes only, so a missing domain shows as a gap. */
  for (guint i = 0; i < n; i++)
    {
      ChartMark *a = points[i], *b = points[(i + 1) % n];

      if (a != NULL && b != NULL)
        {
          cairo_move_to (cr, a->rect.x, a->rect.y);
          cairo_line_to (cr, b->rect.x, b->rect.y);
        }
    }
  set_color (cr, color, 1.0);
  cairo_set_line_width (cr, series == 0 ? 2.5 : 1.5);
  cairo_set_dash (cr, dash, series_dashed (ctx, series) ? 2 : 0, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; series == 0 && i < n; i++)
    if (points[i] != NULL)
      {
        cairo_arc (cr, points[i]->rect.x, points[i]->rect.y, points[i]->rect.width, 0, 2 * G_PI);
        cairo_fill (cr);
      }
}

static void
draw_radar (DrawContext *ctx)
{
  draw_radar_grid (ctx);
  /* The current scan last, on top */
  for (guint s = paraat_chart_get_n_series (ctx->chart); s > 0; s--)
    draw_radar_series (ctx, s - 1);
}

/* Heatmap */

static void
draw_heatmap (DrawContext *ctx)
{
  cairo_t *cr = ctx->cr;

  for (guint i = 0; i < ctx->layout->marks->len; i++)
    {
      ChartMark *mark = &g_array_index (ctx->layout->marks, ChartMark, i);
      ParaatColor fill = mark_color (ctx, mark);

      /* Empty cells keep their colour faintly, so the grid still reads as a scale. */
      set_color (cr, &fill, isfinite (mark->value) && mark->value > 0 ? 1.0 : 0.22);
      cairo_rectangle (cr, mark->rect.x, mark->rect.y, mark->rect.width, mark->rect.height);
      cairo_fill (cr);
    }
}

static void
draw_shape (DrawContext *ctx)
{
  switch (ctx->layout->shape)
    {
    case SHAPE_RADAR:
      draw_radar (ctx);
      break;
    case SHAPE_HBARS:
      draw_value_grid (ctx, FALSE);
      draw_bars (ctx);
      break;
    case SHAPE_COLUMNS:
      draw_value_grid (ctx, TRUE);
      draw_bars (ctx);
      draw_lines (ctx);
      break;
    case SHAPE_HEATMAP:
      draw_heatmap (ctx);
      break;
    case SHAPE_EMPTY:
    default:
      break;
    }
}

void
paraat_chart_draw (ParaatChart            *chart,
                   cairo_t                *cr,
                   double                  width,
                   double                  height,
                   const ParaatChartStyle *style)
{
  ParaatChartStyle defaults;
  g_autoptr(ChartLayout) layout = NULL;
  g_autoptr(PangoLayout) text = NULL;
  DrawContext ctx;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  if (style == NULL)
    {
      paraat_chart_style_init_default (&defaults, FALSE);
      style = &defaults;
    }
  layout = chart_layout_new (chart, width, height, style->font_size);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_clip (cr);
  if (style->background.alpha > 0)
    {
      set_color (cr, &style->background, 1.0);
      cairo_paint (cr);
    }

  text = pango_cairo_create_layout (cr);
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (text, TRUE);
  ctx = (DrawContext) { cr, chart, layout, style, text, NULL, NULL };
  ctx.font = pango_font_description_new ();
  pango_font_description_set_family (ctx.font, style->font_family ? style->font_family : "Sans");
  pango_font_description_set_absolute_size (ctx.font, layout->font_px * PANGO_SCALE);
  ctx.bold = pango_font_description_copy (ctx.font);
  pango_font_description_set_weight (ctx.bold, PANGO_WEIGHT_BOLD);

  draw_shape (&ctx);
  draw_legend (&ctx);
  draw_labels (&ctx);

  pango_font_description_free (ctx.font);
  pango_font_description_free (ctx.bold);
  cairo_restore (cr);
}
