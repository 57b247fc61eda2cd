/* paraat-preferences-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PARAAT_TYPE_PREFERENCES_WINDOW (paraat_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (ParaatPreferencesWindow, paraat_preferences_window, PARAAT,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

ParaatPreferencesWindow *paraat_preferences_window_new (GtkWindow *parent,
                                                        GSettings *settings);

G_END_DECLS
