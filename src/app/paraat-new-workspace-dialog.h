/* paraat-new-workspace-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PARAAT_TYPE_NEW_WORKSPACE_DIALOG (paraat_new_workspace_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParaatNewWorkspaceDialog, paraat_new_workspace_dialog, PARAAT,
                      NEW_WORKSPACE_DIALOG, AdwWindow)

ParaatNewWorkspaceDialog *paraat_new_workspace_dialog_new       (GtkWindow *parent);
char                     *paraat_new_workspace_dialog_file_name (const char *organisation);

G_END_DECLS
