/* paraat-register-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-framework.h"
#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_REGISTER_PAGE (paraat_register_page_get_type ())

G_DECLARE_FINAL_TYPE (ParaatRegisterPage, paraat_register_page, PARAAT, REGISTER_PAGE, AdwBin)

ParaatRegisterPage *paraat_register_page_new              (ParaatWorkspace    *workspace,
                                                           ParaatFramework    *framework);
gint64              paraat_register_page_get_framework_id (ParaatRegisterPage *self);
GListModel         *paraat_register_page_get_requirements (ParaatRegisterPage *self);
void                paraat_register_page_set_search       (ParaatRegisterPage *self,
                                                           const char         *text);

G_END_DECLS
