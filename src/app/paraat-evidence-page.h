/* paraat-evidence-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-evidence-importer.h"
#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_EVIDENCE_PAGE (paraat_evidence_page_get_type ())

G_DECLARE_FINAL_TYPE (ParaatEvidencePage, paraat_evidence_page, PARAAT, EVIDENCE_PAGE, AdwBin)

void                    paraat_evidence_page_set_workspace (ParaatEvidencePage *self,
                                                            ParaatWorkspace    *workspace);
GListModel             *paraat_evidence_page_get_items     (ParaatEvidencePage *self);
ParaatEvidenceImporter *paraat_evidence_page_get_importer  (ParaatEvidencePage *self);
void                    paraat_evidence_page_add_files     (ParaatEvidencePage *self,
                                                            GSList             *files);

G_END_DECLS
