/* main.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "paraat-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(ParaatApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* PARAAT_LOCALEDIR lets an uninstalled build find its own translations. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PARAAT_LOCALEDIR") ? g_getenv ("PARAAT_LOCALEDIR")
                                                                 : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = paraat_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
