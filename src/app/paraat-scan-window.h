/* paraat-scan-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-scan.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_SCAN_WINDOW (paraat_scan_window_get_type ())

G_DECLARE_FINAL_TYPE (ParaatScanWindow, paraat_scan_window, PARAAT, SCAN_WINDOW, AdwWindow)

/* NULL with ERROR when the scan cannot be read */
ParaatScanWindow *paraat_scan_window_new          (GtkWindow        *parent,
                                                   ParaatWorkspace  *workspace,
                                                   gint64            scan_id,
                                                   GError          **error);
gint64            paraat_scan_window_get_scan_id  (ParaatScanWindow *self);
/* The question shown, from 0 */
guint             paraat_scan_window_get_position (ParaatScanWindow *self);
gboolean          paraat_scan_window_get_workshop (ParaatScanWindow *self);

G_END_DECLS
