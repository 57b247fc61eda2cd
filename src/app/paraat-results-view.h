/* paraat-results-view.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-scan.h"
#include "paraat-table.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_RESULTS_VIEW (paraat_results_view_get_type ())

G_DECLARE_FINAL_TYPE (ParaatResultsView, paraat_results_view, PARAAT, RESULTS_VIEW, AdwBin)

void         paraat_results_view_set_scan          (ParaatResultsView *self,
                                                    ParaatWorkspace   *workspace,
                                                    gint64             scan_id);
/* Computes the results again from the workspace */
void         paraat_results_view_reload            (ParaatResultsView *self);
/* ParaatScanGap* (owned by the view) ticked in the top list */
GPtrArray   *paraat_results_view_dup_selected_gaps (ParaatResultsView *self);
/* WHICH: "frameworks", "domains" (the first framework's), "top", "gaps", "compare-domains"
 * or "compare-requirements" */
ParaatTable *paraat_results_view_get_table         (ParaatResultsView *self,
                                                    const char        *which);

G_END_DECLS
