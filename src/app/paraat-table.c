/* paraat-table.c — a plain read-only table of text cells, for result pages
 *
 * Result tables hold at most a few hundred rows and are read, not edited, so a grid of
 * labels reads better than a list view: every cell is selectable text and the columns
 * line up across the whole table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "paraat-table.h"

struct _ParaatTable
{
  AdwBin     parent_instance;

  GtkGrid   *grid;
  GStrv      headings;
  guint      numeric;
  GPtrArray *rows;       /* GPtrArray* of GtkLabel*, per row */
};

G_DEFINE_FINAL_TYPE (ParaatTable, paraat_table, ADW_TYPE_BIN)

static gboolean
is_numeric (ParaatTable *self,
            guint        column)
{
  return column < 32 && (self->numeric & (1u << column)) != 0;
}

static GtkWidget *
cell_new (ParaatTable *self,
          guint        column,
          const char  *text)
{
  GtkWidget *label = gtk_label_new (text ? text : "");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), is_numeric (self, column) ? 1.0 : 0.0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "paraat-table-cell");
  if (is_numeric (self, column))
    gtk_widget_add_css_class (label, "numeric");
  else
    gtk_widget_set_hexpand (label, TRUE);
  /* Selectable labels take focus; a table is read with the keyboard by Tab only when
   * the user asks for it, so the cells stay out of the focus chain. */
  gtk_widget_set_focusable (label, FALSE);
  return label;
}

static void
add_headings (ParaatTable *self)
{
  for (guint c = 0; self->headings[c] != NULL; c++)
    {
      GtkWidget *label = cell_new (self, c, self->headings[c]);

      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->grid, label, (int) c + 1, 0, 1, 1);
    }
}

ParaatTable *
paraat_table_new (const char * const *headings,
                  guint               numeric)
{
  ParaatTable *self = g_object_new (PARAAT_TYPE_TABLE, NULL);

  g_return_val_if_fail (headings != NULL && headings[0] != NULL, self);

  self->headings = g_strdupv ((char **) headings);
  self->numeric = numeric;
  add_headings (self);
  return self;
}

guint
paraat_table_add_row (ParaatTable        *self,
                      GtkWidget          *prefix,
                      const char * const *cells)
{
  GPtrArray *row = g_ptr_array_new ();
  int y = (int) self->rows->len + 1;

  g_return_val_if_fail (PARAAT_IS_TABLE (self), 0);

  if (prefix != NULL)
    {
      gtk_widget_set_valign (prefix, GTK_ALIGN_START);
      gtk_grid_attach (self->grid, prefix, 0, y, 1, 1);
    }
  for (guint c = 0; self->headings[c] != NULL; c++)
    {
      GtkWidget *label = cell_new (self, c, cells[c]);

      gtk_grid_attach (self->grid, label, (int) c + 1, y, 1, 1);
      g_ptr_array_add (row, label);
    }
  g_ptr_array_add (self->rows, row);
  return self->rows->len - 1;
}

void
paraat_table_clear (ParaatTable *self)
{
  g_return_if_fail (PARAAT_IS_TABLE (self));

  for (int y = (int) self->rows->len; y > 0; y--)
    gtk_grid_remove_row (self->grid, y);
  g_ptr_array_set_size (self->rows, 0);
}

guint
paraat_table_get_n_rows (ParaatTable *self)
{
  g_return_val_if_fail (PARAAT_IS_TABLE (self), 0);
  return self->rows->len;
}

const char *
paraat_table_get_cell (ParaatTable *self,
                       guint        row,
                       guint        column)
{
  GPtrArray *cells;

  g_return_val_if_fail (PARAAT_IS_TABLE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  cells = g_ptr_array_index (self->rows, row);
  g_return_val_if_fail (column < cells->len, NULL);
  return gtk_label_get_text (g_ptr_array_index (cells, column));
}

void
paraat_table_add_row_class (ParaatTable *self,
                            guint        row,
                            const char  *css_class)
{
  GPtrArray *cells;

  g_return_if_fail (PARAAT_IS_TABLE (self));
  g_return_if_fail (row < self->rows->len);

  cells = g_ptr_array_index (self->rows, row);
  for (guint c = 0; c < cells->len; c++)
    gtk_widget_add_css_class (g_ptr_array_index (cells, c), css_class);
}

static void
paraat_table_finalize (GObject *object)
{
  ParaatTable *self = PARAAT_TABLE (object);

  g_strfreev (self->headings);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (paraat_table_parent_class)->finalize (object);
}

static void
paraat_table_class_init (ParaatTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = paraat_table_finalize;
  gtk_widget_class_set_css_name (widget_class, "paraat-table");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TABLE);
}

static void
paraat_table_init (ParaatTable *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 18);
  gtk_grid_set_row_spacing (self->grid, 6);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->grid));
}
