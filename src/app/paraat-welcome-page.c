/* paraat-welcome-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-application.h"
#include "paraat-welcome-page.h"

struct _ParaatWelcomePage
{
  AdwBin      parent_instance;

  /* Template widgets */
  GtkWidget  *recent_box;
  GtkListBox *recent_list;

  /* Owned references */
  GSettings  *settings;
};

G_DEFINE_FINAL_TYPE (ParaatWelcomePage, paraat_welcome_page, ADW_TYPE_BIN)

static ParaatApplication *
get_application (void)
{
  return PARAAT_APPLICATION (g_application_get_default ());
}

static void
on_recent_activated_cb (AdwActionRow *row)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  paraat_application_open_path (get_application (), path);
}

static void
on_recent_remove_cb (GtkButton  *button,
                     const char *path)
{
  paraat_application_remove_recent (get_application (), path);
}

static GtkWidget *
create_recent_row (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *title = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *subtitle = g_filename_display_name (dir);
  gboolean exists = g_file_test (path, G_FILE_TEST_IS_REGULAR);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *remove_label = NULL;

  if (g_str_has_suffix (base, ".paraat"))
    base[strlen (base) - strlen (".paraat")] = '\0';
  title = g_filename_display_name (base);

  if (!exists)
    {
      g_autofree char *missing = g_strdup_printf (_("%s — file not found"), subtitle);
      g_free (subtitle);
      subtitle = g_steal_pointer (&missing);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), exists);
  gtk_widget_set_tooltip_text (row, path);
  g_object_set_data_full (G_OBJECT (row), "path", g_strdup (path), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (on_recent_activated_cb), NULL);

  remove_label = g_strdup_printf (_("Remove “%s” from the list"), title);
  gtk_widget_set_tooltip_text (remove, _("Remove from List"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect_data (remove, "clicked", G_CALLBACK (on_recent_remove_cb), g_strdup (path),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  if (exists)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
reload_recent (ParaatWelcomePage *self)
{
  g_auto(GStrv) paths = g_settings_get_strv (self->settings, "recent-workspaces");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; paths[i] != NULL; i++)
    gtk_list_box_append (self->recent_list, create_recent_row (paths[i]));

  gtk_widget_set_visible (self->recent_box, paths[0] != NULL);
}

static void
paraat_welcome_page_dispose (GObject *object)
{
  ParaatWelcomePage *self = PARAAT_WELCOME_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_WELCOME_PAGE);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (paraat_welcome_page_parent_class)->dispose (object);
}

static void
paraat_welcome_page_class_init (ParaatWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_welcome_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatWelcomePage, recent_box);
  gtk_widget_class_bind_template_child (widget_class, ParaatWelcomePage, recent_list);
}

static void
paraat_welcome_page_init (ParaatWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new ("io.github.paraat.Paraat");
  g_signal_connect_object (self->settings, "changed::recent-workspaces",
                           G_CALLBACK (reload_recent), self, G_CONNECT_SWAPPED);
  reload_recent (self);
}
