/* paraat-exceptions-page.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_EXCEPTIONS_PAGE (paraat_exceptions_page_get_type ())

G_DECLARE_FINAL_TYPE (ParaatExceptionsPage, paraat_exceptions_page, PARAAT, EXCEPTIONS_PAGE,
                      AdwBin)

void        paraat_exceptions_page_set_workspace (ParaatExceptionsPage *self,
                                                  ParaatWorkspace      *workspace);
/* The ParaatExceptions shown, after search, filter and sort */
GListModel *paraat_exceptions_page_get_model     (ParaatExceptionsPage *self);

G_END_DECLS
