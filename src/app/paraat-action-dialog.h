/* paraat-action-dialog.h — one action: its fields, its workflow, its evidence and history
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-action.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_ACTION_DIALOG (paraat_action_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParaatActionDialog, paraat_action_dialog, PARAAT, ACTION_DIALOG, AdwWindow)

/* Shows and edits the existing action ACTION_ID. */
ParaatActionDialog *paraat_action_dialog_new        (GtkWindow              *parent,
                                                     ParaatWorkspace        *workspace,
                                                     gint64                  action_id);
/* A new action with its fields filled from PREFILL (may be NULL). With PREFILL's
 * decision_id set, the action is created for that management review decision
 * (paraat_workspace_add_decision_action). Emits "created" (gint64 action id) on save. */
ParaatActionDialog *paraat_action_dialog_new_action (GtkWindow              *parent,
                                                     ParaatWorkspace        *workspace,
                                                     const ParaatActionSpec *prefill);
/* 0 while a new action is not saved yet */
gint64              paraat_action_dialog_get_action_id (ParaatActionDialog  *self);
/* The refusal the dialog shows, NULL when none (for the tests) */
const char         *paraat_action_dialog_get_error     (ParaatActionDialog  *self);

G_END_DECLS
