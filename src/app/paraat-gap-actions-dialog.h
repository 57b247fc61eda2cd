/* paraat-gap-actions-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-scan.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_GAP_ACTIONS_DIALOG (paraat_gap_actions_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParaatGapActionsDialog, paraat_gap_actions_dialog, PARAAT,
                      GAP_ACTIONS_DIALOG, AdwWindow)

/* GAPS: ParaatScanGap* of SCAN's results (copied). Emits "created" (guint count) once the
 * actions are in the workspace, all in one step. */
ParaatGapActionsDialog *paraat_gap_actions_dialog_new (GtkWindow       *parent,
                                                       ParaatWorkspace *workspace,
                                                       ParaatScan      *scan,
                                                       GPtrArray       *gaps);

G_END_DECLS
