/* paraat-plan-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_PLAN_VIEW (paraat_plan_view_get_type ())

G_DECLARE_FINAL_TYPE (ParaatPlanView, paraat_plan_view, PARAAT, PLAN_VIEW, AdwBin)

/* ACTIONS: ParaatAction, grouped by quarter and then by improvement project */
void  paraat_plan_view_set_actions        (ParaatPlanView  *self,
                                           ParaatWorkspace *workspace,
                                           GListModel      *actions);
/* "2026-Q3 / Access control: 2 of 5 closed" per project, in order (for tests) */
GStrv paraat_plan_view_dup_progress_lines (ParaatPlanView *self);

G_END_DECLS
