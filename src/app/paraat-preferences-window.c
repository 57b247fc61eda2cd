/* paraat-preferences-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-preferences-window.h"

struct _ParaatPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  AdwComboRow *style_row;
  GtkSwitch   *reopen_switch;
};

G_DEFINE_FINAL_TYPE (ParaatPreferencesWindow, paraat_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static const char * const schemes[] = { "default", "light", "dark" };

static gboolean
scheme_to_index (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (g_str_equal (scheme, schemes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
index_to_scheme (const GValue       *value,
                 const GVariantType *type,
                 gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  return g_variant_new_string (schemes[i < G_N_ELEMENTS (schemes) ? i : 0]);
}

static void
paraat_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PARAAT_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (paraat_preferences_window_parent_class)->dispose (object);
}

static void
paraat_preferences_window_class_init (ParaatPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatPreferencesWindow, reopen_switch);
}

static void
paraat_preferences_window_init (ParaatPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ParaatPreferencesWindow *
paraat_preferences_window_new (GtkWindow *parent,
                               GSettings *settings)
{
  ParaatPreferencesWindow *self = g_object_new (PARAAT_TYPE_PREFERENCES_WINDOW,
                                                "transient-for", parent,
                                                NULL);

  g_settings_bind_with_mapping (settings, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, scheme_to_index, index_to_scheme,
                                NULL, NULL);
  g_settings_bind (settings, "reopen-last", self->reopen_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  return self;
}
