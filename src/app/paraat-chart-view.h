/* paraat-chart-view.h — one chart on screen, in the theme's colours, with tooltips and export
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-chart.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_CHART_VIEW (paraat_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (ParaatChartView, paraat_chart_view, PARAAT, CHART_VIEW, GtkWidget)

GtkWidget   *paraat_chart_view_new             (void);
/* CHART may be NULL (nothing to show); the view keeps a reference */
void         paraat_chart_view_set_chart       (ParaatChartView    *self,
                                                ParaatChart        *chart);
ParaatChart *paraat_chart_view_get_chart       (ParaatChartView    *self);
/* What screen readers get: the chart's description with its numbers, or the empty text */
const char  *paraat_chart_view_get_description (ParaatChartView    *self);
/* The exact value under X, Y as the tooltip shows it, or NULL */
char        *paraat_chart_view_query_value     (ParaatChartView    *self,
                                                double              x,
                                                double              y);
/* Exports at the size shown on screen (at least the export minimum), as the menu does
 * after the save dialog (for tests). */
gboolean     paraat_chart_view_export_to_path  (ParaatChartView    *self,
                                                ParaatChartFormat   format,
                                                const char         *path,
                                                GError            **error);

G_END_DECLS
