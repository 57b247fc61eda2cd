/* paraat-person-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_PERSON_DIALOG (paraat_person_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParaatPersonDialog, paraat_person_dialog, PARAAT, PERSON_DIALOG, AdwWindow)

ParaatPersonDialog *paraat_person_dialog_new (GtkWindow       *parent,
                                              ParaatWorkspace *workspace,
                                              ParaatPerson    *person);

G_END_DECLS
