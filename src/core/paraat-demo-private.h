/* paraat-demo-private.h — parts of the demo workspace, for paraat-demo.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "paraat-workspace.h"

G_BEGIN_DECLS

/* Small generated documents stored as evidence, linked to ISO 27001 and NIS2 requirements.
 * Needs the actor set. */
gboolean paraat_demo_add_evidence (ParaatWorkspace  *ws,
                                   GError          **error);

/* A year of follow-up replayed day by day: actions in every state, some from the scans'
 * gaps, and two management reviews. Needs the evidence and the two scans. */
gboolean paraat_demo_add_actions  (ParaatWorkspace  *ws,
                                   GError          **error);

/* The scope register, about fifteen risks spread over the heatmap with their treatments,
 * and three exceptions (expired, expiring, valid). Needs the actions. */
gboolean paraat_demo_add_risks    (ParaatWorkspace  *ws,
                                   GError          **error);

G_END_DECLS
