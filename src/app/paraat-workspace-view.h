/* paraat-workspace-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_WORKSPACE_VIEW (paraat_workspace_view_get_type ())

G_DECLARE_FINAL_TYPE (ParaatWorkspaceView, paraat_workspace_view, PARAAT, WORKSPACE_VIEW, AdwBin)

void             paraat_workspace_view_set_workspace (ParaatWorkspaceView *self,
                                                      ParaatWorkspace     *workspace);
ParaatWorkspace *paraat_workspace_view_get_workspace (ParaatWorkspaceView *self);
void             paraat_workspace_view_show_page     (ParaatWorkspaceView *self,
                                                      const char          *name);
const char      *paraat_workspace_view_get_page      (ParaatWorkspaceView *self);
const char      *paraat_workspace_view_get_trail_warning (ParaatWorkspaceView *self);
/* Shows the action tracker with only the overdue actions */
void             paraat_workspace_view_show_overdue  (ParaatWorkspaceView *self);
const char      *paraat_workspace_view_get_deadline_summary (ParaatWorkspaceView *self);

G_END_DECLS
