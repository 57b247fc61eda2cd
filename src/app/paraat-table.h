/* paraat-table.h — a plain read-only table of text cells, for result pages
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PARAAT_TYPE_TABLE (paraat_table_get_type ())

G_DECLARE_FINAL_TYPE (ParaatTable, paraat_table, PARAAT, TABLE, AdwBin)

/* HEADINGS: NULL-terminated. Bit N of NUMERIC marks column N as numeric: right aligned,
 * with tabular figures. */
ParaatTable *paraat_table_new          (const char * const *headings,
                                        guint               numeric);
/* Adds a row; CELLS has one text per column. PREFIX (may be NULL) goes before the first
 * cell, for a check button. Returns the row's index. */
guint        paraat_table_add_row      (ParaatTable        *self,
                                        GtkWidget          *prefix,
                                        const char * const *cells);
void         paraat_table_clear        (ParaatTable        *self);
guint        paraat_table_get_n_rows   (ParaatTable        *self);
/* The text of a cell, for tests and accessibility */
const char  *paraat_table_get_cell     (ParaatTable        *self,
                                        guint               row,
                                        guint               column);
/* Adds a style class to every cell of a row, e.g. "dim-label" */
void         paraat_table_add_row_class (ParaatTable       *self,
                                         guint              row,
                                         const char        *css_class);

G_END_DECLS
