/* paraat-dashboard-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-chart-view.h"
#include "paraat-metrics.h"
#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_DASHBOARD_PAGE (paraat_dashboard_page_get_type ())

G_DECLARE_FINAL_TYPE (ParaatDashboardPage, paraat_dashboard_page, PARAAT, DASHBOARD_PAGE, AdwBin)

/* The period selector's choices, in the order shown */
typedef enum
{
  PARAAT_PERIOD_MONTH,
  PARAAT_PERIOD_QUARTER,
  PARAAT_PERIOD_YEAR,      /* the last 12 months, this one included */
  PARAAT_PERIOD_CUSTOM,
} ParaatPeriod;

void             paraat_dashboard_page_set_workspace   (ParaatDashboardPage  *self,
                                                        ParaatWorkspace      *workspace);
/* FROM and TO ("YYYY-MM-DD") are used for PARAAT_PERIOD_CUSTOM only; FALSE with an error
 * the page also shows when they are not two dates in order. */
gboolean         paraat_dashboard_page_set_period      (ParaatDashboardPage  *self,
                                                        ParaatPeriod          period,
                                                        const char           *from,
                                                        const char           *to,
                                                        GError              **error);
/* The day the figures are computed for: the period's end, or today when that is later */
const char      *paraat_dashboard_page_get_at          (ParaatDashboardPage  *self);

/* For the tests: what the cards, charts and lists show */
const char      *paraat_dashboard_page_get_figure_text (ParaatDashboardPage  *self,
                                                        ParaatFigure          figure);
const char      *paraat_dashboard_page_get_change_text (ParaatDashboardPage  *self,
                                                        ParaatFigure          figure);
ParaatChartView *paraat_dashboard_page_get_chart_view  (ParaatDashboardPage  *self,
                                                        ParaatChartKind       kind);
GtkListBox      *paraat_dashboard_page_get_overdue_list   (ParaatDashboardPage *self);
GtkListBox      *paraat_dashboard_page_get_deadlines_list (ParaatDashboardPage *self);

gboolean           paraat_dashboard_page_is_loading       (ParaatDashboardPage  *self);

G_END_DECLS
