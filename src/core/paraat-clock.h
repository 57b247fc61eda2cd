/* paraat-clock.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gint64 paraat_clock_now_ms       (void);
void   paraat_clock_set_fixed_ms (gint64 ms);
/* Pins the clock for the calling thread only (0: back to the shared clock). */
void   paraat_clock_set_thread_ms (gint64 ms);
char  *paraat_clock_format_ms    (gint64 ms);

G_END_DECLS
