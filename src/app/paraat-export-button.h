/* paraat-export-button.h — the export menu of a register page: spreadsheet, CSV or PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-export.h"
#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_EXPORT_BUTTON (paraat_export_button_get_type ())

G_DECLARE_FINAL_TYPE (ParaatExportButton, paraat_export_button, PARAAT, EXPORT_BUTTON, AdwBin)

void       paraat_export_button_set_workspace     (ParaatExportButton  *self,
                                                   ParaatWorkspace     *workspace);
/* The register exported: "actions", "risks", … as paraat_export_kind_to_string() names it */
void       paraat_export_button_set_kind          (ParaatExportButton  *self,
                                                   const char          *kind);
/* For the requirement register: that framework's requirements. For ISO/IEC 27001:2022 the
 * menu also offers the Statement of Applicability. */
void       paraat_export_button_set_framework_key (ParaatExportButton  *self,
                                                   const char          *framework_key);
/* TRUE when the menu offers KIND */
gboolean   paraat_export_button_offers            (ParaatExportButton  *self,
                                                   ParaatExportKind     kind);
/* TRUE while an export runs */
gboolean   paraat_export_button_get_busy          (ParaatExportButton  *self);

/* Exports KIND in FORMAT to PATH as the menu does after the save dialog: in a worker thread,
 * the outcome shown as a toast or a message. CALLBACK (may be NULL) comes after that. */
void       paraat_export_button_export_to_path    (ParaatExportButton  *self,
                                                   ParaatExportKind     kind,
                                                   ParaatExportFormat   format,
                                                   const char          *path,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean   paraat_export_button_export_finish     (ParaatExportButton  *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* A section of the page's own exports, shown after the register's formats */
void       paraat_export_button_set_extra_menu    (ParaatExportButton  *self,
                                                   GMenuModel          *extra_menu);

G_END_DECLS
