/* paraat-exception-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_EXCEPTION_DIALOG (paraat_exception_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParaatExceptionDialog, paraat_exception_dialog, PARAAT, EXCEPTION_DIALOG,
                      AdwWindow)

/* EXCEPTION_ID 0 records a new exception */
ParaatExceptionDialog *paraat_exception_dialog_new          (GtkWindow             *parent,
                                                             ParaatWorkspace       *workspace,
                                                             gint64                 exception_id);
/* The new or edited exception; 0 until a new one is saved */
gint64                 paraat_exception_dialog_get_exception_id (ParaatExceptionDialog *self);
/* The refusal shown, or NULL */
const char            *paraat_exception_dialog_get_error    (ParaatExceptionDialog *self);

G_END_DECLS
