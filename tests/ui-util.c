/* ui-util.c — driving real windows in the UI tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ui-util.h"

ParaatApplication *app;

/* Runs the main loop until PREDICATE holds; fails the test after ten seconds. */
void
wait_until (Predicate predicate,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!predicate (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Depth-first search of ROOT's widget tree for the first widget MATCH accepts. */
GtkWidget *
find_widget (GtkWidget     *root,
             WidgetMatch    match,
             gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

gboolean
has_style (GtkWidget     *widget,
           gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

gboolean
is_shown_button (GtkWidget     *widget,
                 gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* A menu button counts too: its label is what a user sees. */
gboolean
is_labelled_button (GtkWidget     *widget,
                    gconstpointer  label)
{
  if (GTK_IS_MENU_BUTTON (widget))
    return g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), label) == 0;
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix);
}


GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

gboolean
toplevel_exists (gpointer type)
{
  return find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

gboolean
toplevel_gone (gpointer type)
{
  return find_toplevel (GPOINTER_TO_SIZE (type)) == NULL;
}

GtkWindow *
wait_for_toplevel (GType type)
{
  wait_until (toplevel_exists, GSIZE_TO_POINTER (type));
  return find_toplevel (type);
}

gboolean
window_shows_workspace (gpointer window)
{
  return g_strcmp0 (paraat_window_get_state (window), "workspace") == 0;
}

gboolean
window_shows_welcome (gpointer window)
{
  return g_strcmp0 (paraat_window_get_state (window), "welcome") == 0;
}

void
set_entry (GtkWidget  *root,
           const char *title,
           const char *text)
{
  GtkWidget *row = find_row (root, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Selects ITEM in the combo row titled TITLE under ROOT, as picking it from the list does. */
void
select_combo (GtkWidget  *root,
              const char *title,
              const char *item)
{
  AdwComboRow *row = ADW_COMBO_ROW (find_row (root, title));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), item))
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_assert_not_reached ();
}

void
close_all_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  spin (50);
}

void
answer_prompt (const char *label)
{
  GtkWidget *prompt = GTK_WIDGET (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  GtkWidget *button = find_widget (prompt, is_labelled_button, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  spin (20);
}

gint64
person_id (ParaatWorkspace *ws,
           const char      *name)
{
  ParaatPerson *person = paraat_workspace_find_person_by_name (ws, name);

  g_assert_nonnull (person);
  return paraat_person_get_id (person);
}

char *
make_demo (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "demo.paraat", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatWorkspace) ws = paraat_demo_create (path, &error);

  g_assert_no_error (error);
  paraat_workspace_close (ws);
  return g_steal_pointer (&path);
}

/* Opens PATH in a new window and answers "Who is working?" with PERSON. */
ParaatWindow *
open_as (const char *path,
         const char *person)
{
  ParaatWindow *window = paraat_window_new (app);
  GtkWindow *dialog;
  GtkWidget *row;

  gtk_window_present (GTK_WINDOW (window));
  paraat_window_open_path (window, path);

  dialog = wait_for_toplevel (PARAAT_TYPE_ACTOR_DIALOG);
  row = find_row (GTK_WIDGET (dialog), person);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "actor.continue", NULL);

  wait_until (window_shows_workspace, window);
  return window;
}



ParaatWorkspaceView *
get_view (ParaatWindow *window)
{
  return PARAAT_WORKSPACE_VIEW (find_descendant (GTK_WIDGET (window),
                                                 PARAAT_TYPE_WORKSPACE_VIEW));
}

GtkWidget *
view_page (ParaatWorkspaceView *view,
           const char          *name,
           GType                type)
{
  GtkWidget *page;

  paraat_workspace_view_show_page (view, name);
  page = find_descendant (GTK_WIDGET (view), type);
  g_assert_nonnull (page);
  return page;
}

gboolean
press_key (GtkWidget *window,
           guint      keyval)
{
  GListModel *controllers = gtk_widget_observe_controllers (window);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_object_unref (controllers);
  return handled;
}

/* A stand-in for the desktop's notification service on the test session bus: it keeps
 * the body of the last notification, so tests can read what the user would see. */
static char *last_notification;

static const char notifications_xml[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  "<method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='as' direction='in'/><arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "<arg type='u' direction='out'/></method>"
  "<method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "</interface></node>";

static void
on_notifications_call_cb (GDBusConnection       *connection,
                          const char            *sender,
                          const char            *path,
                          const char            *interface,
                          const char            *method,
                          GVariant              *params,
                          GDBusMethodInvocation *invocation,
                          gpointer               user_data)
{
  if (g_str_equal (method, "Notify"))
    {
      const char *body;

      g_variant_get_child (params, 4, "&s", &body);
      g_free (last_notification);
      last_notification = g_strdup (body);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", 1));
    }
  else if (g_str_equal (method, "GetCapabilities"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new_parsed ("(['body'],)"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
serve_notifications (void)
{
  static const GDBusInterfaceVTable vtable = { on_notifications_call_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  g_autoptr(GVariant) reply = NULL;

  if (bus == NULL)
    return;
  g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications", info->interfaces[0],
                                     &vtable, NULL, NULL, NULL);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.Notifications", 0),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
}

void
forget_notifications (void)
{
  g_clear_pointer (&last_notification, g_free);
}

/* The body of the last desktop notification, or NULL */
const char *
last_notification_body (void)
{
  return last_notification;
}

/* Sets up GTK and the application the tests drive. FALSE (after printing a TAP skip) when
 * there is no display, as in a Flatpak build's test run. */
gboolean
ui_test_init (int    *argc,
              char ***argv)
{
  g_autoptr(GError) error = NULL;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  serve_notifications ();

  app = paraat_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return TRUE;
}

int
ui_test_run (void)
{
  int status = g_test_run ();

  g_clear_object (&app);
  return status;
}
