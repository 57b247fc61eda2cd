/* paraat-metrics.h — the three figures executives get each quarter, and deadline counts
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_METRICS_CLOSE_WINDOW_DAYS 90
#define PARAAT_METRICS_DUE_SOON_DAYS     14

/* Figures at the end of the day AT (the user's calendar day):
 *
 * - open_high_risk: actions that existed at AT and were not yet closed or cancelled then
 *   (statuses open, in progress or awaiting review) and are high-risk: of priority high or
 *   critical, or a treatment action of a risk whose inherent level is high or critical
 *   (likelihood × impact of 10 or more). Priority and risk are their current ones.
 *   (paraat_action_is_high_risk() looks at the priority only: it has no risks at hand.)
 * - mean_days_to_close: the mean time from creation to closing, in days, of the corrective
 *   actions closed in the PARAAT_METRICS_CLOSE_WINDOW_DAYS days up to AT. Corrective means
 *   the action came from an internal audit finding, an incident, a management review
 *   decision or a scan gap (paraat_action_source_is_corrective()); risk treatments and
 *   "other" are planned improvement and are left out. -1 when none was closed.
 * - fresh_evidence: of the applicable requirements (controls, clauses and measures) of the
 *   enabled frameworks, the share with at least one directly linked evidence item valid at
 *   AT (dated on or before AT, valid until AT or later). -1 when none is applicable.
 * - overdue: actions active at AT whose due date is before AT.
 * - due_soon: actions active at AT due from AT up to PARAAT_METRICS_DUE_SOON_DAYS days later.
 *
 * Actions that were reopened count from their current state: a reopened action has no
 * closing time until it is closed again. */
typedef struct
{
  guint  open_high_risk;
  double mean_days_to_close;
  guint  n_closed_corrective;
  double fresh_evidence;
  guint  n_applicable;
  guint  n_fresh;
  guint  overdue;
  guint  due_soon;
} ParaatMetrics;

/* AT is "YYYY-MM-DD", or NULL for today by paraat_clock_now_ms(). */
gboolean paraat_workspace_compute_metrics (ParaatWorkspace  *self,
                                           const char       *at,
                                           ParaatMetrics    *metrics,
                                           GError          **error);

/* The figures as executives see them, in the order shown */
typedef enum
{
  PARAAT_FIGURE_OPEN_HIGH_RISK,
  PARAAT_FIGURE_MEAN_DAYS_TO_CLOSE,
  PARAAT_FIGURE_FRESH_EVIDENCE,
  PARAAT_FIGURE_OVERDUE,
  PARAAT_N_FIGURES
} ParaatFigure;

/* One figure in words: its VALUE ("12", "62%", "—"), a NOTE on what it counts, and the
 * CHANGE since SINCE ("▲ 2 more than on 31 March 2026"; NULL when there is nothing to
 * compare). BETTER > 0 when the change is an improvement, < 0 when it is a deterioration. */
typedef struct
{
  char *value;
  char *note;
  char *change;
  int   better;
} ParaatFigureText;

const char *paraat_figure_label             (ParaatFigure         figure);
void        paraat_metrics_describe         (const ParaatMetrics *now,
                                             const ParaatMetrics *before,
                                             const char          *since,
                                             ParaatFigure         figure,
                                             ParaatFigureText    *text);
void        paraat_figure_text_clear        (ParaatFigureText    *text);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ParaatFigureText, paraat_figure_text_clear)

G_END_DECLS
