/* paraat-chart-layout.c — where a chart's marks, labels and legend go in a box
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "paraat-chart-private.h"
#include "paraat-i18n.h"

#define DEFAULT_FONT_SIZE 10.0
/* Text is measured by estimate, not by pango, so tooltips need no cairo context and the
 * geometry is the same for every font. A glyph of DejaVu Sans averages about 0.6 em;
 * guessing a little high only leaves some room, and drawn text is ellipsized to its box. */
#define GLYPH_EM          0.66
#define MAX_HEATMAP       10
#define MAX_GRIDS         4

static void
chart_label_init (ChartLabel *label)
{
  *label = (ChartLabel) { .align = LABEL_START, .on_mark = -1 };
}

static ChartLabel *
add_label (ChartLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       width,
           double       height,
           ChartAlign   align)
{
  ChartLabel label;

  chart_label_init (&label);
  label.text = text;
  label.rect = (ChartRect) { x, y, MAX (width, 0), MAX (height, 0) };
  label.align = align;
  g_array_append_val (layout->labels, label);
  return &g_array_index (layout->labels, ChartLabel, layout->labels->len - 1);
}

/* The layout keeps the text of labels it made itself. */
static const char *
keep_string (ChartLayout *layout,
             char        *text)
{
  g_ptr_array_add (layout->strings, text);
  return text;
}

static int
add_mark (ChartLayout   *layout,
          ChartMarkType  type,
          guint          series,
          guint          category,
          double         value,
          ChartRect      rect)
{
  ChartMark mark = { type, series, category, value, rect };

  g_array_append_val (layout->marks, mark);
  return (int) layout->marks->len - 1;
}

static double
text_width (ChartLayout *layout,
            const char  *text)
{
  return text ? g_utf8_strlen (text, -1) * layout->font_px * GLYPH_EM : 0;
}

static double
max_category_width (ChartLayout *layout,
                     ParaatChart *chart)
{
  double widest = 0;

  for (guint i = 0; i < paraat_chart_get_n_categories (chart); i++)
    widest = MAX (widest, text_width (layout, paraat_chart_get_category (chart, i)));
  return widest;
}

/* Edges on whole pixels, so bars are crisp. */
static ChartRect
crisp_rect (double x,
            double y,
            double width,
            double height)
{
  double x0 = round (x), y0 = round (y);

  return (ChartRect) { x0, y0, MAX (round (x + width) - x0, 0), MAX (round (y + height) - y0, 0) };
}

/* 0…1 of the scale; NaN and the infinities land on the ends or nowhere. */
static double
fraction (double value,
          double scale_max)
{
  if (!isfinite (value) || value <= 0 || scale_max <= 0)
    return value == INFINITY ? 1 : 0;
  return MIN (value / scale_max, 1);
}

/* 1, 2 or 5 times a power of ten, so there are at most five steps up to MAX. */
static void
nice_scale (double  max,
            double *scale_max,
            double *step)
{
  double raw, magnitude, residual;

  if (isnan (max) || max <= 0)
    max = 1;
  max = MIN (max, 1e12);   /* past that the ticks stop being whole numbers anyway */
  raw = max / 5;
  magnitude = pow (10, floor (log10 (raw)));
  residual = raw / magnitude;
  *step = magnitude * (residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1);
  *step = MAX (*step, 1);   /* counts: whole numbers */
  *scale_max = ceil (max / *step) * *step;
}

static double
max_value (ParaatChart *chart,
           gboolean     stacked)
{
  double max = 0;

  for (guint i = 0; i < paraat_chart_get_n_categories (chart); i++)
    {
      double total = 0;

      for (guint s = 0; s < paraat_chart_get_n_series (chart); s++)
        {
          double v = paraat_chart_get_value (chart, s, i);

          if (!isfinite (v) || v <= 0)
            continue;
          total = stacked ? total + v : MAX (total, v);
        }
      max = MAX (max, total);
    }
  return max;
}

static const char *
tick_text (ChartLayout *layout,
           ParaatChart *chart,
           double       value)
{
  if (paraat_chart_get_kind (chart) == PARAAT_CHART_READINESS)
    /* Translators: a percentage on a chart axis */
    return keep_string (layout, g_strdup_printf (_("%.0f%%"), value));
  return keep_string (layout, g_strdup_printf ("%.0f", value));
}

/* Title and legend */

static void
place_title (ChartLayout *layout,
             ParaatChart *chart,
             ChartRect   *box)
{
  const char *title = paraat_chart_get_title (chart);
  double height = ceil (layout->line_px * 1.2);
  ChartLabel *label;

  if (title == NULL || *title == '\0' || box->height < height * 3)
    return;
  layout->title = (ChartRect) { box->x, box->y, box->width, height };
  label = add_label (layout, title, box->x, box->y, box->width, height, LABEL_START);
  label->bold = TRUE;
  box->y += height + layout->pad / 2;
  box->height -= height + layout->pad / 2;
}

static gboolean
wants_legend (ParaatChart *chart)
{
  return paraat_chart_get_n_series (chart) >= 2 &&
         paraat_chart_get_kind (chart) != PARAAT_CHART_HEATMAP;
}

/* Entries flow left to right in rows under the plot; at most three rows. */
static void
place_legend (ChartLayout *layout,
              ParaatChart *chart,
              ChartRect   *box)
{
  double key = round (layout->font_px * 0.9);
  double gap = layout->pad / 2;
  double x = box->x;
  guint row = 0, n_rows;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));

  /* First which row each entry goes on, to know the legend's height. */
  for (guint s = 0; s < paraat_chart_get_n_series (chart); s++)
    {
      double room = MAX (box->width - key - gap, 0);
      double entry = key + gap + MIN (text_width (layout, paraat_chart_get_series_name (chart, s)),
                                      room);

      if (x > box->x && x + entry > box->x + box->width)
        {
          row++;
          x = box->x;
        }
      g_array_append_val (rows, row);
      x += entry + layout->pad * 1.5;
    }
  n_rows = MIN (row + 1, 3);
  if (box->height < (n_rows + 2) * layout->line_px)
    return;

  layout->legend = (ChartRect) { box->x, box->y + box->height - n_rows * layout->line_px,
                                 box->width, n_rows * layout->line_px };
  x = box->x;
  for (guint s = 0; s < rows->len; s++)
    {
      guint r = g_array_index (rows, guint, s);
      double y = layout->legend.y + r * layout->line_px;
      const char *name = paraat_chart_get_series_name (chart, s);
      double width = MIN (text_width (layout, name), MAX (box->x + box->width - x - key - gap, 0));
      ChartMark swatch = { MARK_BAR, s, 0, NAN, { 0 } };

      if (r >= n_rows)
        break;
      if (s > 0 && r != g_array_index (rows, guint, s - 1))
        x = box->x;
      swatch.rect = crisp_rect (x, y + (layout->line_px - key) / 2, key, key);
      g_array_append_val (layout->legend_keys, swatch);
      add_label (layout, name, x + key + gap, y, width, layout->line_px, LABEL_START);
      x += key + gap + width + layout->pad * 1.5;
    }
  box->height -= layout->legend.height + layout->pad / 2;
}

/* Radar */

static const char *
short_label (ChartLayout *layout,
             const char  *label)
{
  const char *space = strchr (label, ' ');
  gboolean identifier = space != NULL && space > label;

  /* "A.5 Organizational controls" → "A.5"; a label without such a key stays whole. */
  for (const char *p = label; identifier && p < space; p++)
    identifier = g_ascii_isupper (*p) || g_ascii_isdigit (*p) || *p == '.' || *p == '-' ||
                 *p == '(' || *p == ')';
  if (!identifier)
    return label;
  return keep_string (layout, g_strndup (label, (gsize) (space - label)));
}

static void layout_hbars (ChartLayout *layout, ParaatChart *chart, ChartRect box);

static double
radar_radius (ChartLayout *layout,
              ChartRect    box,
              double       label_width)
{
  double gap = layout->pad / 2;

  return MAX (MIN ((box.width - 2 * (label_width + gap)) / 2,
                   (box.height - 2 * (layout->line_px + gap)) / 2), 0);
}

static void
place_axis_label (ChartLayout *layout,
                  ChartRect    box,
                  const char  *text,
                  double       angle,
                  double       label_width)
{
  double gap = layout->pad / 2;
  double ca = cos (angle), sa = sin (angle);
  double ax = layout->cx + (layout->radius + gap) * ca;
  double ay = layout->cy + (layout->radius + gap) * sa;
  double right = box.x + box.width;
  double x, y, width;
  ChartAlign align;

  if (ca > 0.25)
    {
      align = LABEL_START;
      width = MIN (label_width, right - ax);
      x = ax;
    }
  else if (ca < -0.25)
    {
      align = LABEL_END;
      width = MIN (label_width, ax - box.x);
      x = ax - width;
    }
  else
    {
      align = LABEL_CENTER;
      width = MIN (label_width * 2, 2 * MIN (ax - box.x, right - ax));
      x = ax - width / 2;
    }

  if (sa < -0.25)
    y = ay - layout->line_px;
  else if (sa > 0.25)
    y = ay;
  else
    y = ay - layout->line_px / 2;
  y = CLAMP (y, box.y, box.y + box.height - layout->line_px);
  add_label (layout, text, x, y, width, layout->line_px, align);
}

static void
layout_radar (ChartLayout *layout,
              ParaatChart *chart,
              ChartRect    box)
{
  guint n = paraat_chart_get_n_categories (chart);
  double widest = max_category_width (layout, chart);
  double label_width = MIN (widest, box.width * 0.25);
  double spacing;
  guint label_step = 1;

  /* Fewer than three axes make no area: those are bars. */
  if (n < 3)
    {
      layout_hbars (layout, chart, box);
      return;
    }

  layout->shape = SHAPE_RADAR;
  layout->n_axes = n;
  layout->scale_max = 4;
  layout->tick_step = 1;

  /* When full labels would shrink to a few letters, the keys say more ("A.5"). */
  if (label_width < widest && label_width < text_width (layout, "Organizational"))
    {
      double widest_short = 0;

      layout->short_labels = TRUE;
      for (guint i = 0; i < n; i++)
        widest_short = MAX (widest_short,
                            text_width (layout, short_label (layout,
                                                             paraat_chart_get_category (chart, i))));
      label_width = MIN (widest_short, box.width * 0.25);
    }

  layout->radius = radar_radius (layout, box, label_width);
  layout->cx = box.x + box.width / 2;
  layout->cy = box.y + box.height / 2;
  layout->plot = (ChartRect) { layout->cx - layout->radius, layout->cy - layout->radius,
                               2 * layout->radius, 2 * layout->radius };

  /* Labels of neighbouring axes on the sides stack up; leave every other one out when
   * they would overlap. */
  spacing = (layout->radius + layout->pad / 2) * 2 * G_PI / n;
  while (spacing * label_step < layout->line_px * 0.9 && label_step < n)
    label_step++;

  for (guint i = 0; i < n; i++)
    {
      double angle = -G_PI_2 + 2 * G_PI * i / n;
      const char *text = paraat_chart_get_category (chart, i);

      if (i % label_step == 0)
        place_axis_label (layout, box, layout->short_labels ? short_label (layout, text) : text,
                          angle, label_width);
    }

  /* The levels between the first and the last axis, clear of the axes and their labels */
  if (layout->radius > layout->line_px * 4)
    for (guint ring = 1; ring <= 4; ring++)
      {
        double angle = -G_PI_2 - G_PI / n;
        double r = layout->radius * ring / 4 - layout->line_px / 2;
        ChartLabel *label = add_label (layout, tick_text (layout, chart, ring),
                                       layout->cx + r * cos (angle) - layout->font_px,
                                       layout->cy + r * sin (angle) - layout->line_px / 2,
                                       layout->font_px * 2, layout->line_px, LABEL_CENTER);
        label->muted = TRUE;
      }

  for (guint s = 0; s < paraat_chart_get_n_series (chart); s++)
    for (guint i = 0; i < n; i++)
      {
        double v = paraat_chart_get_value (chart, s, i);
        double angle = -G_PI_2 + 2 * G_PI * i / n;
        double r = layout->radius * fraction (v, layout->scale_max);

        if (isfinite (v))
          add_mark (layout, MARK_POINT, s, i, v,
                    (ChartRect) { layout->cx + r * cos (angle), layout->cy + r * sin (angle),
                                  MAX (3.5, layout->font_px * 0.3), 0 });
      }
}

/* Horizontal bars: readiness, freshness (stacked) and radars of one or two domains */

static void
hbars_scale (ChartLayout *layout,
             ParaatChart *chart,
             gboolean     stacked)
{
  switch (paraat_chart_get_kind (chart))
    {
    case PARAAT_CHART_READINESS:
      layout->scale_max = 100;
      layout->tick_step = 25;
      break;
    case PARAAT_CHART_RADAR:
    case PARAAT_CHART_TREND:
      layout->scale_max = 4;
      layout->tick_step = 1;
      break;
    default:
      nice_scale (max_value (chart, stacked), &layout->scale_max, &layout->tick_step);
      break;
    }
}

static void
place_value_ticks (ChartLayout *layout,
                   ParaatChart *chart,
                   gboolean     vertical,
                   double       left)
{
  ChartRect axis = layout->axis;
  guint n_ticks = (guint) floor (layout->scale_max / layout->tick_step + 0.5);

  for (guint t = 0; t <= n_ticks && t <= 20; t++)
    {
      double value = t * layout->tick_step;
      double f = fraction (value, layout->scale_max);
      ChartLabel *label;

      if (vertical)
        {
          double width = axis.x - layout->pad / 2 - left;
          label = add_label (layout, tick_text (layout, chart, value), left,
                             axis.y + axis.height * (1 - f) - layout->line_px / 2,
                             width, layout->line_px, LABEL_END);
        }
      else
        {
          double width = text_width (layout, "100%") * 1.5;
          label = add_label (layout, tick_text (layout, chart, value),
                             axis.x + axis.width * f - width / 2, axis.y + axis.height,
                             width, layout->line_px, LABEL_CENTER);
        }
      label->muted = TRUE;
    }
}

static void
hbars_value_label (ChartLayout *layout,
                   ParaatChart *chart,
                   double       value,
                   double       x,
                   double       y,
                   double       height,
                   double       room)
{
  const char *text = isfinite (value)
                     ? keep_string (layout, chart_format_value (chart, value))
                     : "–";

  add_label (layout, text, x + layout->pad / 3, y, room, height, LABEL_START);
}

static void
layout_hbar_row (ChartLayout *layout,
                 ParaatChart *chart,
                 guint        category,
                 double       row_y,
                 double       row_height,
                 double       value_room)
{
  guint n_series = paraat_chart_get_n_series (chart);
  gboolean stacked = paraat_chart_get_kind (chart) == PARAAT_CHART_FRESHNESS;
  double group = row_height * 0.7;
  double bar = stacked ? group : group / MAX (n_series, 1);
  double top = row_y + (row_height - group) / 2;
  double x = layout->axis.x, total = 0;

  for (guint s = 0; s < n_series; s++)
    {
      double v = paraat_chart_get_value (chart, s, category);
      double width = layout->axis.width * fraction (v, layout->scale_max);
      double y = stacked ? top : top + s * bar;
      ChartRect rect;
      int mark;

      if (stacked)
        {
          width = MIN (width, layout->axis.x + layout->axis.width - x);
          if (!isfinite (v) || v <= 0)
            continue;
          rect = crisp_rect (x, y, width, bar);
          mark = add_mark (layout, MARK_BAR, s, category, v, rect);
          total += v;
          x += width;
          /* The count inside its segment, when it fits */
          if (rect.width >= layout->font_px * 2.2 && rect.height >= layout->font_px)
            {
              ChartLabel *label = add_label (layout, keep_string (layout, chart_format_value (chart, v)),
                                             rect.x, rect.y, rect.width, rect.height,
                                             LABEL_CENTER);
              label->on_mark = mark;
            }
          continue;
        }

      rect = crisp_rect (layout->axis.x, y, width, bar);
      if (isfinite (v))
        add_mark (layout, MARK_BAR, s, category, v, rect);
      if (bar >= layout->font_px * 0.8 || n_series == 1)
        hbars_value_label (layout, chart, v, rect.x + rect.width, y + bar / 2 - layout->line_px / 2,
                           layout->line_px, value_room);
    }

  if (stacked)
    hbars_value_label (layout, chart, total, x, top + group / 2 - layout->line_px / 2,
                       layout->line_px, value_room);
}

static void
layout_hbars (ChartLayout *layout,
              ParaatChart *chart,
              ChartRect    box)
{
  gboolean stacked = paraat_chart_get_kind (chart) == PARAAT_CHART_FRESHNESS;
  guint n = paraat_chart_get_n_categories (chart);
  guint n_series = MAX (paraat_chart_get_n_series (chart), 1);
  double gap = layout->pad / 2;
  double label_width = MIN (max_category_width (layout, chart), box.width * 0.35);
  double value_room, rows_height, row_height, max_row;
  g_autofree char *widest_value = NULL;
  guint label_step = 1;

  layout->shape = SHAPE_HBARS;
  hbars_scale (layout, chart, stacked);
  widest_value = chart_format_value (chart, layout->scale_max);
  value_room = text_width (layout, widest_value) + layout->pad;

  rows_height = MAX (box.height - layout->line_px - gap, 0);
  max_row = layout->line_px * (stacked || n_series == 1 ? 2.4 : 1.1 * n_series + 0.8);
  row_height = MIN (rows_height / MAX (n, 1), max_row);

  /* Few rows sit in the middle rather than under the title with the space below empty */
  box.y += MAX ((rows_height - row_height * n) / 2, 0);
  layout->axis = (ChartRect) { box.x + label_width + gap, box.y,
                               MAX (box.width - label_width - gap - value_room, 1),
                               row_height * n };
  layout->plot = layout->axis;
  place_value_ticks (layout, chart, FALSE, box.x);

  while (row_height * label_step < layout->line_px * 0.8 && label_step < n)
    label_step++;
  for (guint i = 0; i < n; i++)
    {
      double row_y = box.y + i * row_height;

      if (i % label_step == 0)
        add_label (layout, paraat_chart_get_category (chart, i), box.x,
                   row_y + row_height / 2 - layout->line_px / 2, label_width, layout->line_px,
                   LABEL_START);
      layout_hbar_row (layout, chart, i, row_y, row_height, value_room);
    }
}

/* Columns: x = categories (scans, months); bars and lines */

static void
layout_column_marks (ChartLayout *layout,
                     ParaatChart *chart,
                     double       slot)
{
  guint n = paraat_chart_get_n_categories (chart);
  guint n_series = paraat_chart_get_n_series (chart);
  guint n_bars = 0;
  ChartRect axis = layout->axis;

  for (guint s = 0; s < n_series; s++)
    n_bars += chart_series_is_line (chart, s) ? 0 : 1;

  for (guint s = 0, bar = 0; s < n_series; s++)
    {
      gboolean line = chart_series_is_line (chart, s);

      for (guint i = 0; i < n; i++)
        {
          double v = paraat_chart_get_value (chart, s, i);
          double height = axis.height * fraction (v, layout->scale_max);
          double centre = axis.x + slot * (i + 0.5);

          if (!isfinite (v))
            continue;
          if (line)
            add_mark (layout, MARK_POINT, s, i, v,
                      (ChartRect) { centre, axis.y + axis.height - height,
                                    MAX (3.0, layout->font_px * 0.28), 0 });
          else
            {
              double group = slot * 0.7, width = group / n_bars;

              add_mark (layout, MARK_BAR, s, i, v,
                        crisp_rect (centre - group / 2 + bar * width + (n_bars > 1 ? 0.5 : 0),
                                    axis.y + axis.height - height,
                                    width - (n_bars > 1 ? 1 : 0), height));
            }
        }
      bar += line ? 0 : 1;
    }
}

static void
layout_columns (ChartLayout *layout,
                ParaatChart *chart,
                ChartRect    box)
{
  guint n = paraat_chart_get_n_categories (chart);
  double gap = layout->pad / 2;
  double tick_room, slot, label_width;
  guint label_step = 1;

  layout->shape = SHAPE_COLUMNS;
  if (paraat_chart_get_kind (chart) == PARAAT_CHART_TREND)
    {
      layout->scale_max = 4;
      layout->tick_step = 1;
    }
  else
    nice_scale (max_value (chart, FALSE), &layout->scale_max, &layout->tick_step);

  tick_room = text_width (layout, keep_string (layout, g_strdup_printf ("%.0f", layout->scale_max)))
              + gap;
  layout->axis = (ChartRect) { box.x + tick_room + gap, box.y + layout->line_px / 2,
                               MAX (box.width - tick_room - gap, 1),
                               MAX (box.height - layout->line_px * 1.5 - gap, 1) };
  layout->plot = layout->axis;
  place_value_ticks (layout, chart, TRUE, box.x);

  slot = layout->axis.width / MAX (n, 1);
  label_width = max_category_width (layout, chart);
  while (slot * label_step < label_width + gap && label_step < n)
    label_step++;
  for (guint i = 0; i < n; i += label_step)
    {
      double width = MIN (label_width, slot * label_step - gap);
      double x = layout->axis.x + slot * (i + 0.5) - width / 2;

      x = CLAMP (x, box.x, box.x + box.width - width);
      add_label (layout, paraat_chart_get_category (chart, i), x,
                 layout->axis.y + layout->axis.height + gap, width, layout->line_px,
                 LABEL_CENTER);
    }
  layout_column_marks (layout, chart, slot);
}

/* Heatmap: one N × N grid per series, likelihood up, impact to the right */

static double
heatmap_cell (ChartLayout *layout,
              ParaatChart *chart,
              double       panel_width,
              double       panel_height,
              guint        size)
{
  double left = layout->line_px + max_category_width (layout, chart) + layout->pad;
  double other = layout->line_px * 3 + layout->pad;

  return MAX (MIN ((panel_width - left) / size, (panel_height - other) / size), 0);
}

static void
layout_heatmap_grid (ChartLayout *layout,
                     ParaatChart *chart,
                     guint        series,
                     ChartRect    panel,
                     double       cell)
{
  guint size = layout->grid_size;
  double gap = layout->pad / 2;
  double left = layout->line_px + max_category_width (layout, chart) + layout->pad;
  double grid_side = cell * size;
  double x0 = panel.x + left + MAX ((panel.width - left - grid_side) / 2, 0);
  double needed = layout->line_px * 3 + gap + grid_side;
  double y0 = panel.y + MAX ((panel.height - needed) / 2, 0) + layout->line_px + gap;
  ChartRect grid = { x0, y0, grid_side, grid_side };
  ChartLabel *label;

  layout->grids[series] = grid;
  label = add_label (layout, paraat_chart_get_series_name (chart, series), x0,
                     y0 - gap - layout->line_px,
                     MAX (panel.x + panel.width - x0, 0), layout->line_px, LABEL_START);
  label->bold = TRUE;

  label = add_label (layout, _("Likelihood"), x0 - left, y0, layout->line_px, grid_side,
                     LABEL_CENTER);
  label->vertical = TRUE;
  label->muted = TRUE;
  label = add_label (layout, _("Impact"), x0, y0 + grid_side + layout->line_px, grid_side,
                     layout->line_px, LABEL_CENTER);
  label->muted = TRUE;

  for (guint k = 0; k < size; k++)
    {
      const char *text = paraat_chart_get_category (chart, k);

      add_label (layout, text, x0 - left + layout->line_px,
                 y0 + (size - 1 - k) * cell + cell / 2 - layout->line_px / 2,
                 left - layout->line_px - gap, layout->line_px, LABEL_END);
      add_label (layout, text, x0 + k * cell, y0 + grid_side, cell, layout->line_px,
                 LABEL_CENTER);
    }

  for (guint l = 0; l < size; l++)
    for (guint i = 0; i < size; i++)
      {
        guint index = l * layout->grid_stride + i;
        double v = paraat_chart_get_value (chart, series, index);
        ChartRect rect = crisp_rect (x0 + i * cell + 1, y0 + (size - 1 - l) * cell + 1,
                                     cell - 2, cell - 2);
        int mark = add_mark (layout, MARK_CELL, series, index, v, rect);

        if (isfinite (v) && v > 0 && cell >= layout->font_px * 1.3)
          {
            label = add_label (layout, keep_string (layout, chart_format_value (chart, v)),
                               rect.x, rect.y, rect.width, rect.height, LABEL_CENTER);
            label->on_mark = mark;
          }
      }
}

static void
layout_heatmap (ChartLayout *layout,
                ParaatChart *chart,
                ChartRect    box)
{
  guint n = MIN (paraat_chart_get_n_series (chart), MAX_GRIDS);
  double pad = layout->pad * 2;
  double beside, above;
  gboolean side_by_side;

  layout->shape = SHAPE_HEATMAP;
  layout->grid_stride = paraat_chart_heatmap_size (chart);
  layout->grid_size = MIN (layout->grid_stride, MAX_HEATMAP);
  layout->n_grids = n;
  layout->plot = box;
  if (n == 0 || layout->grid_size == 0)
    return;

  beside = heatmap_cell (layout, chart, (box.width - (n - 1) * pad) / n, box.height,
                         layout->grid_size);
  above = heatmap_cell (layout, chart, box.width, (box.height - (n - 1) * pad) / n,
                        layout->grid_size);
  side_by_side = beside >= above;

  for (guint s = 0; s < n; s++)
    {
      ChartRect panel = box;

      if (side_by_side)
        {
          panel.width = (box.width - (n - 1) * pad) / n;
          panel.x = box.x + s * (panel.width + pad);
        }
      else
        {
          panel.height = (box.height - (n - 1) * pad) / n;
          panel.y = box.y + s * (panel.height + pad);
        }
      layout_heatmap_grid (layout, chart, s, panel, side_by_side ? beside : above);
    }
}

/* The whole layout */

ChartLayout *
chart_layout_new (ParaatChart *chart,
                  double       width,
                  double       height,
                  double       font_size)
{
  ChartLayout *layout = g_new0 (ChartLayout, 1);
  ChartRect box;

  layout->marks = g_array_new (FALSE, FALSE, sizeof (ChartMark));
  layout->labels = g_array_new (FALSE, FALSE, sizeof (ChartLabel));
  layout->legend_keys = g_array_new (FALSE, FALSE, sizeof (ChartMark));
  layout->strings = g_ptr_array_new_with_free_func (g_free);
  layout->shape = SHAPE_EMPTY;
  layout->width = isfinite (width) ? CLAMP (width, 0, 1e5) : 0;
  layout->height = isfinite (height) ? CLAMP (height, 0, 1e5) : 0;
  if (!isfinite (font_size) || font_size <= 0)
    font_size = DEFAULT_FONT_SIZE;
  layout->font_px = MIN (font_size, 200) * 96.0 / 72.0;
  layout->line_px = ceil (layout->font_px * 1.35);
  layout->pad = round (layout->font_px * 0.6);

  box = (ChartRect) { layout->pad, layout->pad, layout->width - 2 * layout->pad,
                      layout->height - 2 * layout->pad };
  /* Too small to show anything legible: leave it blank rather than draw a smudge. */
  if (box.width < layout->font_px * 4 || box.height < layout->line_px * 2)
    return layout;

  place_title (layout, chart, &box);
  if (paraat_chart_is_empty (chart))
    {
      ChartLabel *label = add_label (layout, _("No data yet"), box.x, box.y, box.width,
                                     box.height, LABEL_CENTER);
      label->muted = TRUE;
      return layout;
    }
  if (wants_legend (chart))
    place_legend (layout, chart, &box);

  switch (paraat_chart_get_kind (chart))
    {
    case PARAAT_CHART_RADAR:
      layout_radar (layout, chart, box);
      break;
    case PARAAT_CHART_READINESS:
    case PARAAT_CHART_FRESHNESS:
      layout_hbars (layout, chart, box);
      break;
    case PARAAT_CHART_TREND:
    case PARAAT_CHART_ACTIONS:
      layout_columns (layout, chart, box);
      break;
    case PARAAT_CHART_HEATMAP:
      layout_heatmap (layout, chart, box);
      break;
    case PARAAT_N_CHARTS:
    default:
      break;
    }
  return layout;
}

void
chart_layout_free (ChartLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->marks);
  g_array_unref (layout->labels);
  g_array_unref (layout->legend_keys);
  g_ptr_array_unref (layout->strings);
  g_free (layout);
}

static gboolean
in_rect (const ChartRect *rect,
         double           x,
         double           y,
         double           slack)
{
  return x >= rect->x - slack && x <= rect->x + rect->width + slack &&
         y >= rect->y - slack && y <= rect->y + rect->height + slack;
}

/* On a radar, anywhere near an axis counts: the domain of the nearest one, current series
 * first. */
static int
radar_axis_hit (ChartLayout *layout,
                double       x,
                double       y)
{
  double dx = x - layout->cx, dy = y - layout->cy;
  double angle;
  guint axis;
  int found = -1;

  if (layout->n_axes == 0 || hypot (dx, dy) > layout->radius + layout->pad)
    return -1;
  angle = atan2 (dy, dx) + G_PI_2;
  if (angle < 0)
    angle += 2 * G_PI;
  axis = (guint) floor (angle / (2 * G_PI) * layout->n_axes + 0.5) % layout->n_axes;
  for (guint i = 0; i < layout->marks->len; i++)
    {
      ChartMark *mark = &g_array_index (layout->marks, ChartMark, i);

      if (mark->category == axis && (found < 0 || mark->series == 0))
        found = (int) i;
      if (found >= 0 && g_array_index (layout->marks, ChartMark, found).series == 0)
        break;
    }
  return found;
}

int
chart_layout_hit (ChartLayout *layout,
                  double       x,
                  double       y)
{
  int best = -1;
  double best_distance = G_MAXDOUBLE;

  if (!isfinite (x) || !isfinite (y))
    return -1;
  for (guint i = 0; i < layout->marks->len; i++)
    {
      ChartMark *mark = &g_array_index (layout->marks, ChartMark, i);
      double distance;

      if (mark->type == MARK_POINT)
        {
          distance = hypot (x - mark->rect.x, y - mark->rect.y);
          if (distance > MAX (mark->rect.width * 2, 8))
            continue;
        }
      else if (in_rect (&mark->rect, x, y, 0))
        distance = 0;
      /* Thin bars get a pixel or two of slack, so a small one can still be found; a bar
       * that is really there wins. */
      else if ((mark->rect.height < 6 || mark->rect.width < 6) && in_rect (&mark->rect, x, y, 2))
        distance = 1;
      else
        continue;

      if (distance < best_distance)
        {
          best = (int) i;
          best_distance = distance;
        }
    }
  if (best < 0 && layout->shape == SHAPE_RADAR)
    best = radar_axis_hit (layout, x, y);
  return best;
}
