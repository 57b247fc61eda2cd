/* paraat-reviews-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_REVIEWS_PAGE (paraat_reviews_page_get_type ())

G_DECLARE_FINAL_TYPE (ParaatReviewsPage, paraat_reviews_page, PARAAT, REVIEWS_PAGE, AdwBin)

void paraat_reviews_page_set_workspace (ParaatReviewsPage *self,
                                        ParaatWorkspace   *workspace);
/* Opens the review's minutes, or presents them when they are open already */
void paraat_reviews_page_open_review   (ParaatReviewsPage *self,
                                        gint64             review_id);

G_END_DECLS
