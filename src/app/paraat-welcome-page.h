/* paraat-welcome-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PARAAT_TYPE_WELCOME_PAGE (paraat_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (ParaatWelcomePage, paraat_welcome_page, PARAAT, WELCOME_PAGE, AdwBin)

G_END_DECLS
