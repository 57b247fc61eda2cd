/* paraat-scope-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_SCOPE_PAGE (paraat_scope_page_get_type ())

G_DECLARE_FINAL_TYPE (ParaatScopePage, paraat_scope_page, PARAAT, SCOPE_PAGE, AdwBin)

void paraat_scope_page_set_workspace (ParaatScopePage *self,
                                      ParaatWorkspace *workspace);

G_END_DECLS
