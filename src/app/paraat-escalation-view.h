/* paraat-escalation-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_ESCALATION_VIEW (paraat_escalation_view_get_type ())

G_DECLARE_FINAL_TYPE (ParaatEscalationView, paraat_escalation_view, PARAAT, ESCALATION_VIEW, AdwBin)

/* ACTIONS: ParaatAction; the overdue ones are listed by owner, most overdue first */
void  paraat_escalation_view_set_actions (ParaatEscalationView *self,
                                          ParaatWorkspace      *workspace,
                                          GListModel           *actions);
/* The owners listed, in order (for tests) */
GStrv paraat_escalation_view_dup_owners  (ParaatEscalationView *self);

G_END_DECLS
