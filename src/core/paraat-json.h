/* paraat-json.h — the small JSON writer the CLI and the trail use
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void paraat_json_append_string (GString    *out,
                                const char *value);
/* The comma when needed and "KEY":, for a value the caller writes (an array, an object) */
void paraat_json_append_key    (GString    *out,
                                const char *key);
void paraat_json_append_member (GString    *out,
                                const char *key,
                                const char *value);
void paraat_json_append_int    (GString    *out,
                                const char *key,
                                gint64      value);
/* With four decimals and a dot whatever the locale */
void paraat_json_append_double (GString    *out,
                                const char *key,
                                double      value);
void paraat_json_append_bool   (GString    *out,
                                const char *key,
                                gboolean    value);

G_END_DECLS
