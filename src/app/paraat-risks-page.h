/* paraat-risks-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_RISKS_PAGE (paraat_risks_page_get_type ())

G_DECLARE_FINAL_TYPE (ParaatRisksPage, paraat_risks_page, PARAAT, RISKS_PAGE, AdwBin)

void        paraat_risks_page_set_workspace (ParaatRisksPage *self,
                                             ParaatWorkspace *workspace);
/* The risks shown, after filters and sorting (a GtkSelectionModel of ParaatRisk) */
GListModel *paraat_risks_page_get_model     (ParaatRisksPage *self);
void        paraat_risks_page_set_search    (ParaatRisksPage *self,
                                             const char      *text);

G_END_DECLS
