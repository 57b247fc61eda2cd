/* paraat-actions-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_ACTIONS_PAGE (paraat_actions_page_get_type ())

G_DECLARE_FINAL_TYPE (ParaatActionsPage, paraat_actions_page, PARAAT, ACTIONS_PAGE, AdwBin)

void        paraat_actions_page_set_workspace (ParaatActionsPage *self,
                                               ParaatWorkspace   *workspace);
/* The actions shown, after filters and sorting (a GtkSelectionModel of ParaatAction) */
GListModel *paraat_actions_page_get_model     (ParaatActionsPage *self);
void        paraat_actions_page_set_search    (ParaatActionsPage *self,
                                               const char        *text);
void        paraat_actions_page_show_overdue  (ParaatActionsPage *self);

G_END_DECLS
