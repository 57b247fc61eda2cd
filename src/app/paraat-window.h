/* paraat-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-application.h"
#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_WINDOW (paraat_window_get_type ())

G_DECLARE_FINAL_TYPE (ParaatWindow, paraat_window, PARAAT, WINDOW, AdwApplicationWindow)

ParaatWindow    *paraat_window_new           (ParaatApplication *application);
ParaatWindow    *paraat_window_new_for_path  (ParaatApplication *application,
                                              const char        *path);
void             paraat_window_open_path     (ParaatWindow      *self,
                                              const char        *path);
void             paraat_window_open_demo     (ParaatWindow      *self);
const char      *paraat_window_get_path      (ParaatWindow      *self);
ParaatWorkspace *paraat_window_get_workspace (ParaatWindow      *self);
void             paraat_window_show_overdue  (ParaatWindow      *self);
gboolean         paraat_window_is_idle       (ParaatWindow      *self);
const char      *paraat_window_get_state     (ParaatWindow      *self);
void             paraat_window_show_toast    (ParaatWindow      *self,
                                              const char        *message);
void             paraat_window_show_error    (ParaatWindow      *self,
                                              const char        *heading,
                                              const GError      *error);

G_END_DECLS
