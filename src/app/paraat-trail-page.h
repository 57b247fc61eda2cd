/* paraat-trail-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_TRAIL_PAGE (paraat_trail_page_get_type ())

G_DECLARE_FINAL_TYPE (ParaatTrailPage, paraat_trail_page, PARAAT, TRAIL_PAGE, AdwBin)

void        paraat_trail_page_set_workspace (ParaatTrailPage *self,
                                             ParaatWorkspace *workspace);
GListModel *paraat_trail_page_get_model     (ParaatTrailPage *self);
void        paraat_trail_page_set_search    (ParaatTrailPage *self,
                                             const char      *text);
void        paraat_trail_page_set_range     (ParaatTrailPage *self,
                                             GDateTime       *from,
                                             GDateTime       *to);

G_END_DECLS
