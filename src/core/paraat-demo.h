/* paraat-demo.h — the demo workspace and synthetic workspaces for benchmarks
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "paraat-workspace.h"

G_BEGIN_DECLS

ParaatWorkspace *paraat_demo_create         (const char *path,
                                             GError    **error);
ParaatWorkspace *paraat_demo_generate_large (const char *path,
                                             guint       trail_entries,
                                             GError    **error);

G_END_DECLS
