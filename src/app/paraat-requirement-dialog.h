/* paraat-requirement-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_REQUIREMENT_DIALOG (paraat_requirement_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParaatRequirementDialog, paraat_requirement_dialog, PARAAT,
                      REQUIREMENT_DIALOG, AdwWindow)

ParaatRequirementDialog *paraat_requirement_dialog_new (GtkWindow       *parent,
                                                        ParaatWorkspace *workspace,
                                                        gint64           requirement_id);

G_END_DECLS
