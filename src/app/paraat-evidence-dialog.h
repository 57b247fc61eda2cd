/* paraat-evidence-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_EVIDENCE_DIALOG (paraat_evidence_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParaatEvidenceDialog, paraat_evidence_dialog, PARAAT, EVIDENCE_DIALOG,
                      AdwWindow)

ParaatEvidenceDialog *paraat_evidence_dialog_new (GtkWindow       *parent,
                                                  ParaatWorkspace *workspace,
                                                  gint64           evidence_id);

G_END_DECLS
