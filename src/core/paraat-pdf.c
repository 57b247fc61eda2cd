/* paraat-pdf.c — documents paginated to A4 PDF with pango: real text, vector charts
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document is a list of blocks laid out twice: a first pass only measures, to learn the
 * number of pages and where each section starts; the second draws, with those numbers in
 * the contents and the footers.
 */
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "paraat-i18n.h"
#include "paraat-partial-file.h"
#include "paraat-pdf.h"

#define A4_SHORT       595.276
#define A4_LONG        841.89
#define MARGIN_X       56.0
#define BODY_TOP       72.0
#define BODY_BOTTOM    64.0    /* from the bottom edge */
#define FRAME_OFFSET   34.0    /* header and footer baselines from the edges */
#define FONT_FAMILY    "Cantarell, DejaVu Sans, Sans"
#define BODY_SIZE      10.0
#define SMALL_SIZE     8.5
#define CELL_PADDING   4.0
#define KEEP_WITH_NEXT 60.0

typedef struct { double r, g, b; } Rgb;

static const Rgb ink = { 0.12, 0.12, 0.13 };
static const Rgb quiet = { 0.37, 0.36, 0.40 };
static const Rgb accent = { 0.11, 0.37, 0.71 };
static const Rgb rule = { 0.80, 0.80, 0.82 };
static const Rgb shade = { 0.94, 0.95, 0.97 };
static const Rgb stripe = { 0.975, 0.975, 0.98 };

typedef enum
{
  BLOCK_COVER,
  BLOCK_CONTENTS,
  BLOCK_SECTION,
  BLOCK_SUBHEADING,
  BLOCK_PARAGRAPH,
  BLOCK_NOTE,
  BLOCK_FIGURES,
  BLOCK_TABLE,
  BLOCK_CHART,
} BlockKind;

typedef struct
{
  BlockKind    kind;
  char        *text;       /* heading, paragraph, cover title */
  char        *subtitle;
  char       **values;     /* cover lines, figure values, table headings */
  char       **labels;
  char       **notes;
  guint        n_columns;
  double      *weights;
  GPtrArray   *rows;       /* of char ** */
  ParaatChart *chart;
  double       height;
} Block;

struct _ParaatPdf
{
  char      *title;
  double     width;
  double     height;
  GPtrArray *blocks;
  guint      n_pages;
};

typedef struct
{
  ParaatPdf       *doc;
  PangoContext    *context;
  cairo_t         *cr;             /* NULL in the measuring pass */
  cairo_surface_t *surface;
  GCancellable    *cancellable;
  guint            page;           /* 1-based; 0 before the first */
  double           y;
  gboolean         framed;         /* the page gets a header and a footer */
  const char      *section;
  const char      *page_section;   /* the section the page's header names */
  GArray          *section_pages;  /* measured: the page each section starts on */
  guint            n_sections;
  guint            total_pages;    /* known in the drawing pass */
} Pass;

static void
block_free (Block *block)
{
  g_free (block->text);
  g_free (block->subtitle);
  g_strfreev (block->values);
  g_strfreev (block->labels);
  g_strfreev (block->notes);
  g_free (block->weights);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_clear_pointer (&block->chart, paraat_chart_unref);
  g_free (block);
}

ParaatPdf *
paraat_pdf_new (const char *title,
                gboolean    landscape)
{
  ParaatPdf *self = g_new0 (ParaatPdf, 1);

  self->title = g_strdup (title != NULL ? title : "");
  self->width = landscape ? A4_LONG : A4_SHORT;
  self->height = landscape ? A4_SHORT : A4_LONG;
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  return self;
}

void
paraat_pdf_free (ParaatPdf *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_ptr_array_unref (self->blocks);
  g_free (self);
}

guint
paraat_pdf_get_n_pages (ParaatPdf *self)
{
  return self->n_pages;
}

static Block *
add_block (ParaatPdf  *self,
           BlockKind   kind,
           const char *text)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (self->blocks, block);
  return block;
}

/* N strings from STRINGS, which may end early with a NULL: the rest are empty */
static char **
copy_strings (const char * const *strings,
              guint               n)
{
  char **copy = g_new0 (char *, n + 1);
  gboolean ended = strings == NULL;

  for (guint i = 0; i < n; i++)
    {
      ended = ended || strings[i] == NULL;
      copy[i] = g_strdup (ended ? "" : strings[i]);
    }
  return copy;
}

void
paraat_pdf_add_cover (ParaatPdf          *self,
                      const char         *title,
                      const char         *subtitle,
                      const char * const *lines)
{
  Block *block = add_block (self, BLOCK_COVER, title);

  block->subtitle = g_strdup (subtitle);
  block->values = lines != NULL ? g_strdupv ((char **) lines) : NULL;
}

void
paraat_pdf_add_contents (ParaatPdf  *self,
                         const char *heading)
{
  add_block (self, BLOCK_CONTENTS, heading);
}

void
paraat_pdf_add_section (ParaatPdf  *self,
                        const char *heading)
{
  add_block (self, BLOCK_SECTION, heading);
}

void
paraat_pdf_add_subheading (ParaatPdf  *self,
                           const char *heading)
{
  add_block (self, BLOCK_SUBHEADING, heading);
}

void
paraat_pdf_add_paragraph (ParaatPdf  *self,
                          const char *text)
{
  add_block (self, BLOCK_PARAGRAPH, text);
}

void
paraat_pdf_add_note (ParaatPdf  *self,
                     const char *text)
{
  add_block (self, BLOCK_NOTE, text);
}

void
paraat_pdf_add_figures (ParaatPdf          *self,
                        guint               n_figures,
                        const char * const *values,
                        const char * const *labels,
                        const char * const *notes)
{
  Block *block = add_block (self, BLOCK_FIGURES, NULL);

  block->n_columns = n_figures;
  block->values = copy_strings (values, n_figures);
  block->labels = copy_strings (labels, n_figures);
  block->notes = copy_strings (notes, n_figures);
}

void
paraat_pdf_add_table (ParaatPdf          *self,
                      guint               n_columns,
                      const char * const *headings,
                      const double       *weights,
                      GPtrArray          *rows)
{
  Block *block;

  g_return_if_fail (n_columns > 0);

  block = add_block (self, BLOCK_TABLE, NULL);
  block->n_columns = n_columns;
  block->values = copy_strings (headings, n_columns);
  block->weights = weights != NULL ? g_memdup2 (weights, n_columns * sizeof (double)) : NULL;
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    g_ptr_array_add (block->rows, copy_strings (g_ptr_array_index (rows, i), n_columns));
}

void
paraat_pdf_add_chart (ParaatPdf   *self,
                      ParaatChart *chart,
                      double       height)
{
  Block *block = add_block (self, BLOCK_CHART, NULL);

  block->chart = paraat_chart_ref (chart);
  block->height = height;
}

/* Text */

static double
body_width (Pass *pass)
{
  return pass->doc->width - 2 * MARGIN_X;
}

static double
body_bottom (Pass *pass)
{
  return pass->doc->height - BODY_BOTTOM;
}

static PangoLayout *
make_layout (Pass       *pass,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_layout_new (pass->context);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

static void
show_layout (Pass        *pass,
             PangoLayout *layout,
             double       x,
             double       y,
             const Rgb   *color)
{
  if (pass->cr == NULL)
    return;
  cairo_set_source_rgb (pass->cr, color->r, color->g, color->b);
  cairo_move_to (pass->cr, x, y);
  pango_cairo_show_layout (pass->cr, layout);
}

static void
fill_rect (Pass      *pass,
           double     x,
           double     y,
           double     width,
           double     height,
           const Rgb *color)
{
  if (pass->cr == NULL)
    return;
  cairo_set_source_rgb (pass->cr, color->r, color->g, color->b);
  cairo_rectangle (pass->cr, x, y, width, height);
  cairo_fill (pass->cr);
}

/* Pages */

static void
draw_frame (Pass *pass)
{
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) section = NULL;
  g_autoptr(PangoLayout) number = NULL;
  g_autofree char *page_text = NULL;
  double half = body_width (pass) / 2 - 8;

  title = make_layout (pass, pass->doc->title, SMALL_SIZE, FALSE, half);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  show_layout (pass, title, MARGIN_X, FRAME_OFFSET - SMALL_SIZE, &quiet);

  section = make_layout (pass, pass->page_section ? pass->page_section : "", SMALL_SIZE,
                         FALSE, half);
  pango_layout_set_alignment (section, PANGO_ALIGN_RIGHT);
  pango_layout_set_ellipsize (section, PANGO_ELLIPSIZE_END);
  show_layout (pass, section, pass->doc->width / 2 + 8, FRAME_OFFSET - SMALL_SIZE, &quiet);
  fill_rect (pass, MARGIN_X, FRAME_OFFSET + 6, body_width (pass), 0.5, &rule);

  /* Translators: the footer of every page of a report */
  page_text = g_strdup_printf (_("Page %1$u of %2$u"), pass->page, pass->total_pages);
  number = make_layout (pass, page_text, SMALL_SIZE, FALSE, body_width (pass));
  pango_layout_set_alignment (number, PANGO_ALIGN_CENTER);
  show_layout (pass, number, MARGIN_X, pass->doc->height - FRAME_OFFSET - SMALL_SIZE, &quiet);
}

static void
finish_page (Pass *pass)
{
  if (pass->cr == NULL || pass->page == 0)
    return;
  if (pass->framed)
    draw_frame (pass);
  cairo_show_page (pass->cr);
}

static void
begin_page (Pass     *pass,
            gboolean  framed)
{
  finish_page (pass);
  pass->page++;
  pass->y = BODY_TOP;
  pass->framed = framed;
  pass->page_section = pass->section;
}

/* Starts a new page unless HEIGHT still fits on this one (or the page is empty, where
 * nothing can be gained by moving on). */
static void
ensure_space (Pass   *pass,
              double  height)
{
  if (pass->page == 0 ||
      (pass->y + height > body_bottom (pass) && pass->y > BODY_TOP + 0.5))
    begin_page (pass, TRUE);
}

static gboolean
page_is_empty (Pass *pass)
{
  return pass->page > 0 && pass->y <= BODY_TOP + 0.5;
}

/* Blocks */

static void
run_cover (Pass  *pass,
           Block *block)
{
  g_autoptr(PangoLayout) title = NULL;
  double width = body_width (pass);
  double y = pass->doc->height * 0.30;

  pass->section = NULL;
  begin_page (pass, FALSE);
  fill_rect (pass, MARGIN_X, y - 18, 64, 5, &accent);
  title = make_layout (pass, block->text, 28, TRUE, width);
  show_layout (pass, title, MARGIN_X, y, &ink);
  y += layout_height (title) + 10;

  if (block->subtitle != NULL)
    {
      g_autoptr(PangoLayout) subtitle = make_layout (pass, block->subtitle, 15, FALSE, width);
      show_layout (pass, subtitle, MARGIN_X, y, &accent);
      y += layout_height (subtitle) + 28;
    }
  for (guint i = 0; block->values != NULL && block->values[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) line = make_layout (pass, block->values[i], 11, FALSE, width);

      /* A scope statement can be long; the cover keeps its first lines */
      pango_layout_set_height (line, -6);
      pango_layout_set_ellipsize (line, PANGO_ELLIPSIZE_END);
      show_layout (pass, line, MARGIN_X, y, i == 0 ? &ink : &quiet);
      y += layout_height (line) + 8;
    }
  pass->y = body_bottom (pass);   /* what follows starts on a page of its own */
}

static double
draw_heading (Pass       *pass,
              const char *text,
              double      size,
              const Rgb  *color)
{
  g_autoptr(PangoLayout) layout = make_layout (pass, text, size, TRUE, body_width (pass));
  double height = layout_height (layout);

  show_layout (pass, layout, MARGIN_X, pass->y, color);
  return height;
}

static guint
section_page (Pass  *pass,
              guint  index)
{
  if (pass->section_pages == NULL || index >= pass->section_pages->len)
    return 0;
  return g_array_index (pass->section_pages, guint, index);
}

static void
run_contents_entry (Pass       *pass,
                    const char *heading,
                    guint       index)
{
  g_autoptr(PangoLayout) title = make_layout (pass, heading, 11, FALSE, body_width (pass) - 48);
  g_autoptr(PangoLayout) number = NULL;
  g_autofree char *page = g_strdup_printf ("%u", section_page (pass, index));
  g_autofree char *link = g_strdup_printf ("dest='section-%u'", index);
  double height = layout_height (title) + 7;

  ensure_space (pass, height);
  number = make_layout (pass, page, 11, FALSE, 48);
  pango_layout_set_alignment (number, PANGO_ALIGN_RIGHT);
  if (pass->cr != NULL)
    cairo_tag_begin (pass->cr, CAIRO_TAG_LINK, link);
  show_layout (pass, title, MARGIN_X, pass->y, &ink);
  show_layout (pass, number, MARGIN_X + body_width (pass) - 48, pass->y, &ink);
  if (pass->cr != NULL)
    cairo_tag_end (pass->cr, CAIRO_TAG_LINK);
  fill_rect (pass, MARGIN_X, pass->y + height - 3, body_width (pass), 0.3, &rule);
  pass->y += height;
}

static void
run_contents (Pass  *pass,
              Block *block)
{
  guint index = 0;

  pass->section = block->text;
  if (!page_is_empty (pass))
    begin_page (pass, TRUE);
  pass->page_section = block->text;
  pass->y += draw_heading (pass, block->text, 18, &accent) + 14;

  for (guint i = 0; i < pass->doc->blocks->len; i++)
    {
      Block *entry = g_ptr_array_index (pass->doc->blocks, i);
      if (entry->kind == BLOCK_SECTION)
        run_contents_entry (pass, entry->text, index++);
    }
}

static void
mark_section (Pass       *pass,
              const char *heading)
{
  g_autofree char *name = g_strdup_printf ("name='section-%u'", pass->n_sections);
  g_autofree char *link = g_strdup_printf ("dest='section-%u'", pass->n_sections);

  if (pass->cr == NULL)
    g_array_append_val (pass->section_pages, pass->page);
  else
    {
      cairo_tag_begin (pass->cr, CAIRO_TAG_DEST, name);
      cairo_tag_end (pass->cr, CAIRO_TAG_DEST);
      cairo_pdf_surface_add_outline (pass->surface, CAIRO_PDF_OUTLINE_ROOT, heading, link, 0);
    }
  pass->n_sections++;
}

/* A section starts on a new page unless most of this one is still free: short sections
 * (nothing recorded yet) then share a page instead of leaving pages nearly empty. */
#define SECTION_ROOM 0.55

static void
run_section (Pass  *pass,
             Block *block)
{
  double room = (body_bottom (pass) - pass->y) / (body_bottom (pass) - BODY_TOP);

  pass->section = block->text;
  if (pass->page == 0 || (!page_is_empty (pass) && room < SECTION_ROOM))
    begin_page (pass, TRUE);
  else if (!page_is_empty (pass))
    pass->y += 28;
  if (page_is_empty (pass))
    pass->page_section = block->text;
  mark_section (pass, block->text);
  pass->y += draw_heading (pass, block->text, 18, &accent) + 12;
}

static void
run_subheading (Pass  *pass,
                Block *block)
{
  g_autoptr(PangoLayout) layout = make_layout (pass, block->text, 12.5, TRUE, body_width (pass));
  double height = layout_height (layout);

  if (!page_is_empty (pass))
    pass->y += 8;
  ensure_space (pass, height + KEEP_WITH_NEXT);
  show_layout (pass, layout, MARGIN_X, pass->y, &ink);
  pass->y += height + 6;
}

/* Line by line, so that long text runs on over the next pages */
static void
run_paragraph (Pass      *pass,
               Block     *block,
               const Rgb *color)
{
  g_autoptr(PangoLayout) layout = make_layout (pass, block->text, BODY_SIZE, FALSE,
                                               body_width (pass));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      double top, height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      height = (double) logical.height / PANGO_SCALE;
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - top;
      ensure_space (pass, height);
      if (pass->cr != NULL)
        {
          cairo_set_source_rgb (pass->cr, color->r, color->g, color->b);
          cairo_move_to (pass->cr, MARGIN_X + (double) logical.x / PANGO_SCALE,
                         pass->y + baseline);
          pango_cairo_show_layout_line (pass->cr, pango_layout_iter_get_line_readonly (iter));
        }
      pass->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  pass->y += 8;
}

static void
run_figures (Pass  *pass,
             Block *block)
{
  double tile = body_width (pass) / MAX (block->n_columns, 1);
  double inner = tile - 10 - 2 * 10;
  double height = 0;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < block->n_columns; i++)
    {
      PangoLayout *value = make_layout (pass, block->values[i], 22, TRUE, inner);
      PangoLayout *label = make_layout (pass, block->labels[i], 9, TRUE, inner);
      PangoLayout *note = make_layout (pass, block->notes[i], SMALL_SIZE, FALSE, inner);

      height = MAX (height, layout_height (value) + layout_height (label) +
                            layout_height (note) + 2 * 10 + 8);
      g_ptr_array_add (layouts, value);
      g_ptr_array_add (layouts, label);
      g_ptr_array_add (layouts, note);
    }

  ensure_space (pass, height);
  for (guint i = 0; i < block->n_columns; i++)
    {
      PangoLayout *value = g_ptr_array_index (layouts, 3 * i);
      PangoLayout *label = g_ptr_array_index (layouts, 3 * i + 1);
      PangoLayout *note = g_ptr_array_index (layouts, 3 * i + 2);
      double x = MARGIN_X + i * tile;
      double y = pass->y + 10;

      fill_rect (pass, x, pass->y, tile - 10, height, &shade);
      fill_rect (pass, x, pass->y, 3, height, &accent);
      show_layout (pass, value, x + 10, y, &accent);
      y += layout_height (value) + 2;
      show_layout (pass, label, x + 10, y, &ink);
      y += layout_height (label) + 6;
      show_layout (pass, note, x + 10, y, &quiet);
    }
  pass->y += height + 14;
}

/* Table */

static double
natural_width (Pass       *pass,
               const char *text,
               gboolean    bold)
{
  g_autoptr(PangoLayout) layout = make_layout (pass, text, SMALL_SIZE, bold, -1);

  return layout_width (layout) + 2 * CELL_PADDING;
}

/* The widest word of TEXT: narrower columns would break it in the middle */
static double
longest_word_width (Pass       *pass,
                    const char *text,
                    gboolean    bold)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    widest = MAX (widest, natural_width (pass, words[i], bold));
  return widest;
}

#define MEASURED_ROWS 200
#define MIN_COLUMN    60.0
#define SHORT_CELL    24     /* dates, identifiers, statuses: their words never broken */

/* What a column needs at least: the widest word of its heading and of its short cells (a
 * date broken as "2026-11-1|3" would be misread). Long texts may break where they must. */
static double
column_floor (Pass  *pass,
              Block *block,
              guint  column)
{
  double floor = longest_word_width (pass, block->values[column], TRUE);

  for (guint r = 0; r < MIN (block->rows->len, MEASURED_ROWS); r++)
    {
      const char *cell = ((char **) g_ptr_array_index (block->rows, r))[column];

      if (strlen (cell) <= SHORT_CELL)
        floor = MAX (floor, longest_word_width (pass, cell, FALSE));
    }
  return floor;
}

static double
column_natural (Pass  *pass,
                Block *block,
                guint  column)
{
  double width = natural_width (pass, block->values[column], TRUE);

  for (guint r = 0; r < MIN (block->rows->len, MEASURED_ROWS); r++)
    width = MAX (width, natural_width (pass,
                                       ((char **) g_ptr_array_index (block->rows, r))[column],
                                       FALSE));
  return width;
}

/* Every column keeps its floor; the rest of the width is shared in proportion to WANTS
 * (what each column asks for beyond its floor). When even the floors do not fit, they
 * shrink together. */
static void
share_width (double       *widths,
             const double *floors,
             const double *wants,
             guint         n,
             double        available)
{
  double least = 0, wanted = 0;

  for (guint c = 0; c < n; c++)
    {
      least += floors[c];
      wanted += wants[c];
    }
  for (guint c = 0; c < n; c++)
    widths[c] = least >= available ? floors[c] * available / least
                                   : floors[c] + wants[c] * (available - least) /
                                                 MAX (wanted, 0.01);
}

/* Without weights each column wants its width on one line, where all fit; with weights
 * the caller says how the width is shared. Either way short tokens stay whole. */
static double *
column_widths (Pass  *pass,
               Block *block)
{
  guint n = block->n_columns;
  double available = body_width (pass);
  double *widths = g_new0 (double, n);
  g_autofree double *asks = g_new0 (double, n);
  g_autofree double *floors = g_new0 (double, n);
  g_autofree double *wants = g_new0 (double, n);
  double total = 0;

  for (guint c = 0; c < n; c++)
    total += asks[c] = block->weights != NULL ? MAX (block->weights[c], 0.01)
                                              : column_natural (pass, block, c);
  for (guint c = 0; c < n; c++)
    {
      /* Weights share the width out; natural widths fill it when they all fit */
      double share = block->weights != NULL || total <= available
                     ? asks[c] * available / total : asks[c];

      floors[c] = MAX (column_floor (pass, block, c), MIN (MIN_COLUMN, share));
      wants[c] = MAX (share - floors[c], 0);
    }
  share_width (widths, floors, wants, n, available);
  return widths;
}

/* A row's cells, each cut to MAX_HEIGHT; returns the row's height */
static double
layout_row (Pass        *pass,
            char       **cells,
            guint        n,
            gboolean     bold,
            double      *widths,
            double       max_height,
            PangoLayout **layouts)
{
  double height = 0;

  for (guint c = 0; c < n; c++)
    {
      layouts[c] = make_layout (pass, cells[c], SMALL_SIZE, bold, widths[c] - 2 * CELL_PADDING);
      pango_layout_set_height (layouts[c], (int) (max_height * PANGO_SCALE));
      pango_layout_set_ellipsize (layouts[c], PANGO_ELLIPSIZE_END);
      height = MAX (height, layout_height (layouts[c]));
    }
  return height + 2 * CELL_PADDING;
}

static void
draw_row (Pass         *pass,
          PangoLayout **layouts,
          guint         n,
          double       *widths,
          double        height,
          const Rgb    *background)
{
  double x = MARGIN_X;

  if (background != NULL)
    fill_rect (pass, MARGIN_X, pass->y, body_width (pass), height, background);
  for (guint c = 0; c < n; c++)
    {
      show_layout (pass, layouts[c], x + CELL_PADDING, pass->y + CELL_PADDING, &ink);
      x += widths[c];
    }
  fill_rect (pass, MARGIN_X, pass->y + height - 0.4, body_width (pass), 0.4, &rule);
  pass->y += height;
}

static void
free_layouts (PangoLayout **layouts,
              guint         n)
{
  for (guint c = 0; c < n; c++)
    g_clear_object (&layouts[c]);
}

static void
draw_table_heading (Pass   *pass,
                    Block  *block,
                    double *widths,
                    double  max_height)
{
  g_autofree PangoLayout **layouts = g_new0 (PangoLayout *, block->n_columns);
  double height = layout_row (pass, block->values, block->n_columns, TRUE, widths, max_height,
                              layouts);

  draw_row (pass, layouts, block->n_columns, widths, height, &shade);
  free_layouts (layouts, block->n_columns);
}

static void
run_table (Pass  *pass,
           Block *block)
{
  guint n = block->n_columns;
  g_autofree double *widths = column_widths (pass, block);
  g_autofree PangoLayout **layouts = g_new0 (PangoLayout *, n);
  double max_height = (body_bottom (pass) - BODY_TOP) / 2;
  double heading_height = layout_row (pass, block->values, n, TRUE, widths, max_height, layouts);

  free_layouts (layouts, n);
  ensure_space (pass, heading_height + 3 * SMALL_SIZE);
  draw_table_heading (pass, block, widths, max_height);

  for (guint r = 0; r < block->rows->len; r++)
    {
      double height = layout_row (pass, g_ptr_array_index (block->rows, r), n, FALSE, widths,
                                  max_height, layouts);

      if (pass->y + height > body_bottom (pass))
        {
          begin_page (pass, TRUE);
          draw_table_heading (pass, block, widths, max_height);
        }
      draw_row (pass, layouts, n, widths, height, r % 2 == 1 ? &stripe : NULL);
      free_layouts (layouts, n);
      if (r % 64 == 63 && g_cancellable_is_cancelled (pass->cancellable))
        return;
    }
  pass->y += 12;
}

static void
run_chart (Pass  *pass,
           Block *block)
{
  ParaatChartStyle style;

  ensure_space (pass, block->height);
  if (pass->cr != NULL)
    {
      paraat_chart_style_init_default (&style, FALSE);
      style.font_family = "Cantarell";
      style.font_size = 8.5;
      cairo_save (pass->cr);
      cairo_translate (pass->cr, MARGIN_X, pass->y);
      paraat_chart_draw (block->chart, pass->cr, body_width (pass), block->height, &style);
      cairo_restore (pass->cr);
    }
  pass->y += block->height + 12;
}

static void
run_block (Pass  *pass,
           Block *block)
{
  switch (block->kind)
    {
    case BLOCK_COVER: run_cover (pass, block); break;
    case BLOCK_CONTENTS: run_contents (pass, block); break;
    case BLOCK_SECTION: run_section (pass, block); break;
    case BLOCK_SUBHEADING: run_subheading (pass, block); break;
    case BLOCK_PARAGRAPH: run_paragraph (pass, block, &ink); break;
    case BLOCK_NOTE: run_paragraph (pass, block, &quiet); break;
    case BLOCK_FIGURES: run_figures (pass, block); break;
    case BLOCK_TABLE: run_table (pass, block); break;
    case BLOCK_CHART: run_chart (pass, block); break;
    default: g_assert_not_reached ();
    }
}

static PangoContext *
create_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Print metrics: what is measured is what is drawn, at any zoom */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_destroy (options);
  return context;
}

/* Runs every block; FALSE when cancelled on the way */
static gboolean
run (Pass *pass)
{
  for (guint i = 0; i < pass->doc->blocks->len; i++)
    {
      if (g_cancellable_is_cancelled (pass->cancellable))
        return FALSE;
      run_block (pass, g_ptr_array_index (pass->doc->blocks, i));
    }
  if (pass->page == 0)
    begin_page (pass, TRUE);
  finish_page (pass);
  return !g_cancellable_is_cancelled (pass->cancellable);
}

static cairo_status_t
draw (ParaatPdf           *self,
      Pass                *measured,
      ParaatStreamClosure *closure,
      GCancellable        *cancellable,
      gboolean            *completed)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (paraat_stream_closure_write,
                                                                  closure, self->width,
                                                                  self->height);
  Pass pass = {
    .doc = self,
    .context = measured->context,
    .surface = surface,
    .cancellable = cancellable,
    .section_pages = measured->section_pages,
    .total_pages = measured->page,
  };
  cairo_status_t status;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Paraat");
  pass.cr = cairo_create (surface);
  *completed = run (&pass);
  cairo_destroy (pass.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

gboolean
paraat_pdf_write (ParaatPdf     *self,
                  const char    *path,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GFile) partial = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GObject) context = G_OBJECT (create_context ());
  g_autoptr(GArray) section_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  ParaatStreamClosure closure = { NULL, NULL };
  Pass measured = {
    .doc = self,
    .context = PANGO_CONTEXT (context),
    .cancellable = cancellable,
    .section_pages = section_pages,
  };
  g_autoptr(GError) local_error = NULL;
  gboolean completed = FALSE;
  cairo_status_t status;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!run (&measured))
    return !g_cancellable_set_error_if_cancelled (cancellable, error);
  self->n_pages = measured.page;

  destination = g_file_new_for_path (path);
  if (!(closure.out = out = paraat_partial_file_create (destination, &partial, cancellable,
                                                        &local_error)))
    return paraat_partial_file_set_error (path, local_error, error);

  status = draw (self, &measured, &closure, cancellable, &completed);
  if (!completed || closure.error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      paraat_partial_file_discard (out, partial);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_clear_error (&closure.error);
          return FALSE;
        }
      if (closure.error != NULL)
        {
          paraat_partial_file_set_error (path, closure.error, error);
          g_clear_error (&closure.error);
          return FALSE;
        }
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is the reason from the drawing library */
                   I_("Could not write the document: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  if (!paraat_partial_file_commit (out, partial, destination, cancellable, &local_error))
    return paraat_partial_file_set_error (path, local_error, error);
  return TRUE;
}
