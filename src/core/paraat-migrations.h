/* paraat-migrations.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define PARAAT_SYSTEM_ACTOR "Paraat"

gboolean paraat_migrations_run (sqlite3   *db,
                                gboolean  *write_allowed,
                                int        target_version,
                                GError   **error);

G_END_DECLS
