/* paraat-check.h — read-only inspection of a workspace file
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "paraat-trail.h"

G_BEGIN_DECLS

sqlite3  *paraat_check_open_readonly (const char         *path,
                                      GError            **error);
gboolean  paraat_check_file          (const char         *path,
                                      GPtrArray         **problems,
                                      GError            **error);
gboolean  paraat_check_verify_trail  (const char         *path,
                                      ParaatTrailReport  *report,
                                      GError            **error);

G_END_DECLS

G_BEGIN_DECLS

void     paraat_check_verify_trail_async  (const char          *path,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean paraat_check_verify_trail_finish (GAsyncResult        *result,
                                           ParaatTrailReport   *report,
                                           GError             **error);

G_END_DECLS
