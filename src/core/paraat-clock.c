/* paraat-clock.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "paraat-clock.h"

/* Tests and the CLI's --at option pin the clock so figures are reproducible. */
static gint64 fixed_ms = 0;

gint64
paraat_clock_now_ms (void)
{
  if (fixed_ms != 0)
    return fixed_ms;
  return g_get_real_time () / 1000;
}

void
paraat_clock_set_fixed_ms (gint64 ms)
{
  fixed_ms = ms;
}

/* ISO 8601 in UTC with milliseconds, the form the trail exports use. */
char *
paraat_clock_format_ms (gint64 ms)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (ms / 1000);

  if (dt == NULL)
    return g_strdup ("");

  g_autofree char *base = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
  return g_strdup_printf ("%s.%03dZ", base, (int) (ms % 1000));
}
