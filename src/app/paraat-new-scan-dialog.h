/* paraat-new-scan-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_NEW_SCAN_DIALOG (paraat_new_scan_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParaatNewScanDialog, paraat_new_scan_dialog, PARAAT, NEW_SCAN_DIALOG,
                      AdwWindow)

/* Emits "created" (gint64 scan id) and closes once the scan is in the workspace. */
ParaatNewScanDialog *paraat_new_scan_dialog_new (GtkWindow       *parent,
                                                 ParaatWorkspace *workspace);

G_END_DECLS
