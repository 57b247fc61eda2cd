/* paraat-actor-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_ACTOR_DIALOG (paraat_actor_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParaatActorDialog, paraat_actor_dialog, PARAAT, ACTOR_DIALOG, AdwWindow)

ParaatActorDialog *paraat_actor_dialog_new (GtkWindow       *parent,
                                            ParaatWorkspace *workspace,
                                            const char      *suggested_name);

G_END_DECLS
