/* paraat-new-review-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_NEW_REVIEW_DIALOG (paraat_new_review_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParaatNewReviewDialog, paraat_new_review_dialog, PARAAT,
                      NEW_REVIEW_DIALOG, AdwWindow)

/* Emits "created" (gint64 review id) and closes once the review is in the workspace. */
ParaatNewReviewDialog *paraat_new_review_dialog_new (GtkWindow       *parent,
                                                     ParaatWorkspace *workspace);

G_END_DECLS
