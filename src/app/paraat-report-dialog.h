/* paraat-report-dialog.h — writes the board report or the audit pack: language, destination,
 * progress with cancel, and the result
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

typedef enum
{
  PARAAT_REPORT_BOARD,       /* one PDF */
  PARAAT_REPORT_AUDIT_PACK,  /* a new folder */
} ParaatReportKind;

#define PARAAT_TYPE_REPORT_DIALOG (paraat_report_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParaatReportDialog, paraat_report_dialog, PARAAT, REPORT_DIALOG, AdwWindow)

ParaatReportDialog *paraat_report_dialog_new       (GtkWindow          *parent,
                                                    ParaatWorkspace    *workspace,
                                                    ParaatReportKind    kind);
/* Writes the document in LANGUAGE ("en", "nl"; NULL: the language chosen in the dialog) to
 * PATH, the PDF file or the pack's new folder, as the dialog does after the file chooser. */
void                paraat_report_dialog_start     (ParaatReportDialog *self,
                                                    const char         *language,
                                                    const char         *path);
void                paraat_report_dialog_cancel    (ParaatReportDialog *self);
/* "setup", "running", "done" or "failed" */
const char         *paraat_report_dialog_get_state (ParaatReportDialog *self);

G_END_DECLS
