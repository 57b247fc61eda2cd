/* paraat-people-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_PEOPLE_PAGE (paraat_people_page_get_type ())

G_DECLARE_FINAL_TYPE (ParaatPeoplePage, paraat_people_page, PARAAT, PEOPLE_PAGE, AdwBin)

void        paraat_people_page_set_workspace (ParaatPeoplePage *self,
                                              ParaatWorkspace  *workspace);
GListModel *paraat_people_page_get_model     (ParaatPeoplePage *self);

G_END_DECLS
