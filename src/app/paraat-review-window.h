/* paraat-review-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-review.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_REVIEW_WINDOW (paraat_review_window_get_type ())

G_DECLARE_FINAL_TYPE (ParaatReviewWindow, paraat_review_window, PARAAT, REVIEW_WINDOW, AdwWindow)

/* NULL with ERROR when the review cannot be read */
ParaatReviewWindow *paraat_review_window_new           (GtkWindow          *parent,
                                                        ParaatWorkspace    *workspace,
                                                        gint64              review_id,
                                                        GError            **error);
gint64              paraat_review_window_get_review_id (ParaatReviewWindow *self);

G_END_DECLS
