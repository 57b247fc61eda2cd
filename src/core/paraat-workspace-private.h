/* paraat-workspace-private.h — for core modules only
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "paraat-txn.h"
#include "paraat-workspace.h"

G_BEGIN_DECLS

sqlite3    *paraat_workspace_get_db              (ParaatWorkspace *self);
GListStore *paraat_workspace_get_framework_store (ParaatWorkspace *self);
ParaatTxn *paraat_workspace_begin      (ParaatWorkspace  *self,
                                        GError          **error);
gboolean   paraat_workspace_commit     (ParaatWorkspace  *self,
                                        ParaatTxn        *txn,
                                        const char       *object_type,
                                        GError          **error);
/* For changes committed on another connection (evidence imports in a worker thread). */
void       paraat_workspace_notify_changed (ParaatWorkspace *self,
                                            const char      *object_type);

G_END_DECLS
