/* paraat-clock.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "paraat-clock.h"

/* Tests and the CLI's --at option pin the clock so figures are reproducible. */
static gint64 fixed_ms = 0;

/* The demo replays a year of work in the thread that builds it; other threads (the app's
 * main loop) keep the real time meanwhile. */
static GPrivate thread_ms = G_PRIVATE_INIT (g_free);

gint64
paraat_clock_now_ms (void)
{
  gint64 *own = g_private_get (&thread_ms);

  if (own != NULL)
    return *own;
  if (fixed_ms != 0)
    return fixed_ms;
  return g_get_real_time () / 1000;
}

void
paraat_clock_set_fixed_ms (gint64 ms)
{
  fixed_ms = ms;
}

/* MS 0 returns this thread to the shared clock. */
void
paraat_clock_set_thread_ms (gint64 ms)
{
  gint64 *own = NULL;

  if (ms != 0)
    {
      own = g_new (gint64, 1);
      *own = ms;
    }
  g_private_replace (&thread_ms, own);
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
