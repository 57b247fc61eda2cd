/* paraat-framework-private.h — for core modules only
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "paraat-catalog.h"
#include "paraat-framework.h"
#include "paraat-txn.h"

G_BEGIN_DECLS

gboolean paraat_framework_install_bundled (ParaatTxn             *txn,
                                           GError               **error);
gint64   paraat_framework_store_catalog   (ParaatTxn             *txn,
                                           const ParaatCatalog   *catalog,
                                           gboolean               bundled,
                                           GError               **error);
void     paraat_framework_reload          (ParaatWorkspace       *workspace);

G_END_DECLS
