/* paraat-framework.h — a framework (catalog) kept in the workspace
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "paraat-catalog.h"
#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_FRAMEWORK (paraat_framework_get_type ())

G_DECLARE_FINAL_TYPE (ParaatFramework, paraat_framework, PARAAT, FRAMEWORK, GObject)

gint64           paraat_framework_get_id             (ParaatFramework *self);
const char      *paraat_framework_get_key            (ParaatFramework *self);
const char      *paraat_framework_get_title          (ParaatFramework *self);
const char      *paraat_framework_get_version        (ParaatFramework *self);
const char      *paraat_framework_get_source         (ParaatFramework *self);
const char      *paraat_framework_get_format         (ParaatFramework *self);
gboolean         paraat_framework_get_bundled        (ParaatFramework *self);
gboolean         paraat_framework_get_enabled        (ParaatFramework *self);
guint            paraat_framework_get_n_requirements (ParaatFramework *self);

GListModel      *paraat_workspace_get_frameworks     (ParaatWorkspace     *self);
ParaatFramework *paraat_workspace_find_framework     (ParaatWorkspace     *self,
                                                      gint64               framework_id);
gboolean         paraat_workspace_set_framework_enabled (ParaatWorkspace  *self,
                                                      gint64               framework_id,
                                                      gboolean             enabled,
                                                      GError             **error);
gint64           paraat_workspace_import_catalog     (ParaatWorkspace     *self,
                                                      const ParaatCatalog *catalog,
                                                      GError             **error);

/* Parses in a worker thread; the result is imported with paraat_workspace_import_catalog(). */
void             paraat_catalog_parse_file_async     (const char          *path,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
ParaatCatalog   *paraat_catalog_parse_file_finish    (GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
