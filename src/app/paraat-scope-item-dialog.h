/* paraat-scope-item-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_SCOPE_ITEM_DIALOG (paraat_scope_item_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParaatScopeItemDialog, paraat_scope_item_dialog, PARAAT, SCOPE_ITEM_DIALOG,
                      AdwWindow)

/* ITEM_ID 0 adds a new item */
ParaatScopeItemDialog *paraat_scope_item_dialog_new       (GtkWindow             *parent,
                                                           ParaatWorkspace       *workspace,
                                                           gint64                 item_id);
/* The refusal shown, or NULL */
const char            *paraat_scope_item_dialog_get_error (ParaatScopeItemDialog *self);

G_END_DECLS
