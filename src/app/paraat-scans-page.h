/* paraat-scans-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_SCANS_PAGE (paraat_scans_page_get_type ())

G_DECLARE_FINAL_TYPE (ParaatScansPage, paraat_scans_page, PARAAT, SCANS_PAGE, AdwBin)

void paraat_scans_page_set_workspace (ParaatScansPage *self,
                                      ParaatWorkspace *workspace);
/* Opens the scan's window, or presents it when it is open already */
void paraat_scans_page_open_scan     (ParaatScansPage *self,
                                      gint64           scan_id);

G_END_DECLS
