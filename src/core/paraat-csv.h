/* paraat-csv.h — RFC 4180 cells that spreadsheets will not run as formulas
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* VALUE quoted for RFC 4180 (always in double quotes, quotes doubled). A cell starting with
 * =, +, -, @, ', a tab or a carriage return gets one leading apostrophe; NULL is "". */
char *paraat_csv_cell       (const char         *value);
/* Appends the N cells as one record ending in CRLF. */
void  paraat_csv_append_row (GString            *out,
                             const char * const *cells,
                             guint               n_cells);

G_END_DECLS
