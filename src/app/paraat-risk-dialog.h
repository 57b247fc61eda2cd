/* paraat-risk-dialog.h — one risk: its assessment, treatment, scope, requirements and actions
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_RISK_DIALOG (paraat_risk_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParaatRiskDialog, paraat_risk_dialog, PARAAT, RISK_DIALOG, AdwWindow)

/* Edits the risk RISK_ID, or a new one with RISK_ID 0. Everything is saved at once with
 * Save, in one core call: a refusal leaves the workspace as it was. */
ParaatRiskDialog *paraat_risk_dialog_new            (GtkWindow        *parent,
                                                     ParaatWorkspace  *workspace,
                                                     gint64            risk_id);
/* 0 while a new risk is not saved yet */
gint64            paraat_risk_dialog_get_risk_id    (ParaatRiskDialog *self);
/* The refusal the dialog shows, NULL when none (for the tests) */
const char       *paraat_risk_dialog_get_error      (ParaatRiskDialog *self);
/* The out-of-scope warning shown, NULL when none (for the tests) */
const char       *paraat_risk_dialog_get_scope_warning (ParaatRiskDialog *self);

G_END_DECLS
