/* paraat-csv.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "paraat-csv.h"

/* RFC 4180 quoting. A cell that a spreadsheet would run as a formula gets one leading
 * apostrophe; so does a cell that already starts with one, which keeps the rule
 * reversible for anyone recomputing hashes (strip exactly one leading apostrophe). */
char *
paraat_csv_cell (const char *value)
{
  GString *out = g_string_new ("\"");

  if (value == NULL)
    value = "";
  if (strchr ("=+-@'\t\r", value[0]) != NULL && value[0] != '\0')
    g_string_append_c (out, '\'');

  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

void
paraat_csv_append_row (GString            *out,
                       const char * const *cells,
                       guint               n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    {
      g_autofree char *cell = paraat_csv_cell (cells[i]);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, cell);
    }
  g_string_append (out, "\r\n");
}
