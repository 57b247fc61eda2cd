/* paraat-settings-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_SETTINGS_DIALOG (paraat_settings_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParaatSettingsDialog, paraat_settings_dialog, PARAAT, SETTINGS_DIALOG,
                      AdwWindow)

ParaatSettingsDialog *paraat_settings_dialog_new (GtkWindow       *parent,
                                                  ParaatWorkspace *workspace);

G_END_DECLS
