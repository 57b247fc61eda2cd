/* paraat-evidence-importer.h — adds dropped, pasted or chosen files one after another
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_EVIDENCE_IMPORTER (paraat_evidence_importer_get_type ())

G_DECLARE_FINAL_TYPE (ParaatEvidenceImporter, paraat_evidence_importer, PARAAT,
                      EVIDENCE_IMPORTER, GObject)

ParaatEvidenceImporter *paraat_evidence_importer_new          (ParaatWorkspace        *workspace);
void                    paraat_evidence_importer_add          (ParaatEvidenceImporter *self,
                                                               GFile                  *file,
                                                               gint64                  requirement_id);
void                    paraat_evidence_importer_cancel       (ParaatEvidenceImporter *self);
gboolean                paraat_evidence_importer_get_busy     (ParaatEvidenceImporter *self);
double                  paraat_evidence_importer_get_fraction (ParaatEvidenceImporter *self);
const char             *paraat_evidence_importer_get_current  (ParaatEvidenceImporter *self);
guint                   paraat_evidence_importer_get_n_added  (ParaatEvidenceImporter *self);

G_END_DECLS
