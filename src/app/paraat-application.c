/* paraat-application.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-application.h"
#include "paraat-preferences-window.h"
#include "paraat-window.h"

#define MAX_RECENT 10

struct _ParaatApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  char      *forced_actor;
  gboolean   open_demo;
};

G_DEFINE_FINAL_TYPE (ParaatApplication, paraat_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the demo workspace"), NULL },
  { "as", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Work as this person from the workspace’s directory"), N_("NAME") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
  { NULL }
};

ParaatApplication *
paraat_application_new (void)
{
  return g_object_new (PARAAT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/paraat/Paraat",
                       NULL);
}

GSettings *
paraat_application_get_settings (ParaatApplication *self)
{
  g_return_val_if_fail (PARAAT_IS_APPLICATION (self), NULL);
  return self->settings;
}

const char *
paraat_application_get_forced_actor (ParaatApplication *self)
{
  g_return_val_if_fail (PARAAT_IS_APPLICATION (self), NULL);
  return self->forced_actor;
}

char *
paraat_application_get_demo_path (ParaatApplication *self)
{
  return g_build_filename (g_get_user_data_dir (), "paraat", "demo.paraat", NULL);
}

static void
update_recent (ParaatApplication *self,
               const char        *path,
               gboolean           add)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-workspaces");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;
  guint n = 0;

  if (add)
    {
      g_strv_builder_add (builder, path);
      n++;
    }
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    {
      if (g_str_equal (old[i], path))
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }

  result = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-workspaces", (const char * const *) result);
}

void
paraat_application_add_recent (ParaatApplication *self,
                               const char        *path)
{
  update_recent (self, path, TRUE);
}

void
paraat_application_remove_recent (ParaatApplication *self,
                                  const char        *path)
{
  update_recent (self, path, FALSE);
}

static ParaatWindow *
find_window (ParaatApplication *self,
             const char        *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (!PARAAT_IS_WINDOW (l->data))
        continue;
      if (path == NULL ? paraat_window_is_idle (l->data)
                       : g_strcmp0 (paraat_window_get_path (l->data), path) == 0)
        return l->data;
    }
  return NULL;
}

static ParaatWindow *
idle_or_new_window (ParaatApplication *self)
{
  ParaatWindow *window = find_window (self, NULL);

  return window ? window : paraat_window_new (self);
}

void
paraat_application_open_path (ParaatApplication *self,
                              const char        *path)
{
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  ParaatWindow *window = find_window (self, canonical);

  if (window == NULL && (window = find_window (self, NULL)) != NULL)
    paraat_window_open_path (window, canonical);
  else if (window == NULL)
    window = paraat_window_new_for_path (self, canonical);
  gtk_window_present (GTK_WINDOW (window));
}

void
paraat_application_open_demo (ParaatApplication *self)
{
  g_autofree char *path = paraat_application_get_demo_path (self);
  ParaatWindow *window = find_window (self, path);

  if (window == NULL)
    {
      window = idle_or_new_window (self);
      paraat_window_open_demo (window);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
paraat_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  ParaatApplication *self = PARAAT_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      if (path != NULL)
        paraat_application_open_path (self, path);
    }
}

static void
paraat_application_activate (GApplication *app)
{
  ParaatApplication *self = PARAAT_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_auto(GStrv) recent = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->open_demo)
    {
      self->open_demo = FALSE;
      paraat_application_open_demo (self);
      return;
    }

  recent = g_settings_get_strv (self->settings, "recent-workspaces");
  if (g_settings_get_boolean (self->settings, "reopen-last") && recent[0] != NULL &&
      g_file_test (recent[0], G_FILE_TEST_IS_REGULAR))
    {
      paraat_application_open_path (self, recent[0]);
      return;
    }

  gtk_window_present (GTK_WINDOW (paraat_window_new (self)));
}

static int
paraat_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  ParaatApplication *self = PARAAT_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("paraat %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "as", "s", &self->forced_actor);
  self->open_demo = g_variant_dict_contains (options, "demo");

  if (self->open_demo)
    {
      g_autoptr(GError) error = NULL;
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        {
          g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
          return 0;
        }
    }

  return -1;
}

static void
apply_color_scheme (ParaatApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme value = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    value = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    value = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), value);
}

static void
on_about_cb (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { "Paraat developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Paraat"),
                        "application-icon", APP_ID,
                        "developer-name", _("Paraat developers"),
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/paraat/paraat",
                        "issue-url", "https://github.com/paraat/paraat/issues",
                        "comments", _("Get your organisation ready for ISO/IEC 27001:2022 "
                                      "certification and NIS2, and prove it."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: credit yourself here */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
on_preferences_cb (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  ParaatApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (paraat_preferences_window_new (parent, self->settings)));
}

static void
on_quit_cb (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
on_open_demo_cb (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  paraat_application_open_demo (user_data);
}

static void
on_new_window_cb (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (paraat_window_new (user_data)));
}

/* From the deadline notification: the overdue actions of the workspace at PATH */
static void
on_show_overdue_cb (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  ParaatWindow *window = find_window (user_data, g_variant_get_string (param, NULL));

  if (window == NULL)
    return;
  gtk_window_present (GTK_WINDOW (window));
  paraat_window_show_overdue (window);
}

static const GActionEntry app_actions[] = {
  { "about", on_about_cb },
  { "preferences", on_preferences_cb },
  { "quit", on_quit_cb },
  { "open-demo", on_open_demo_cb },
  { "new-window", on_new_window_cb },
  { "show-overdue", on_show_overdue_cb, "s" },
};

static void
paraat_application_startup (GApplication *app)
{
  ParaatApplication *self = PARAAT_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *window_accels[] = { "<Control><Shift>n", NULL };

  G_APPLICATION_CLASS (paraat_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window",
                                         window_accels);

  g_signal_connect_swapped (self->settings, "changed::color-scheme",
                            G_CALLBACK (apply_color_scheme), self);
  apply_color_scheme (self);
  gtk_window_set_default_icon_name (APP_ID);
}

static void
paraat_application_finalize (GObject *object)
{
  ParaatApplication *self = PARAAT_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->forced_actor, g_free);

  G_OBJECT_CLASS (paraat_application_parent_class)->finalize (object);
}

static void
paraat_application_class_init (ParaatApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = paraat_application_finalize;
  app_class->activate = paraat_application_activate;
  app_class->open = paraat_application_open;
  app_class->startup = paraat_application_startup;
  app_class->handle_local_options = paraat_application_handle_local_options;
}

static void
paraat_application_init (ParaatApplication *self)
{
  self->settings = g_settings_new ("io.github.paraat.Paraat");
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
}
