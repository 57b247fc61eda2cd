/* paraat-frameworks-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_FRAMEWORKS_DIALOG (paraat_frameworks_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParaatFrameworksDialog, paraat_frameworks_dialog, PARAAT,
                      FRAMEWORKS_DIALOG, AdwWindow)

ParaatFrameworksDialog *paraat_frameworks_dialog_new    (GtkWindow              *parent,
                                                         ParaatWorkspace        *workspace);
void                    paraat_frameworks_dialog_import (ParaatFrameworksDialog *self,
                                                         GFile                  *file);
const char             *paraat_frameworks_dialog_get_error (ParaatFrameworksDialog *self);
gboolean                paraat_frameworks_dialog_is_busy   (ParaatFrameworksDialog *self);

G_END_DECLS
