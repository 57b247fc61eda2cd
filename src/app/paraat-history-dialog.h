/* paraat-history-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-trail-entry.h"
#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_HISTORY_DIALOG (paraat_history_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParaatHistoryDialog, paraat_history_dialog, PARAAT, HISTORY_DIALOG,
                      AdwWindow)

ParaatHistoryDialog *paraat_history_dialog_new       (GtkWindow       *parent,
                                                      ParaatWorkspace *workspace,
                                                      const char      *object_type,
                                                      gint64           object_id,
                                                      const char      *label);
GListModel          *paraat_history_dialog_get_model (ParaatHistoryDialog *self);

G_END_DECLS
