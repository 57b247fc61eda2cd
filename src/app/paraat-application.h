/* paraat-application.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PARAAT_TYPE_APPLICATION (paraat_application_get_type ())

G_DECLARE_FINAL_TYPE (ParaatApplication, paraat_application, PARAAT, APPLICATION,
                      AdwApplication)

ParaatApplication *paraat_application_new                (void);
GSettings         *paraat_application_get_settings       (ParaatApplication *self);
void               paraat_application_add_recent         (ParaatApplication *self,
                                                          const char        *path);
void               paraat_application_remove_recent      (ParaatApplication *self,
                                                          const char        *path);
void               paraat_application_open_path          (ParaatApplication *self,
                                                          const char        *path);
void               paraat_application_open_demo          (ParaatApplication *self);
char              *paraat_application_get_demo_path      (ParaatApplication *self);
const char        *paraat_application_get_forced_actor   (ParaatApplication *self);

G_END_DECLS
