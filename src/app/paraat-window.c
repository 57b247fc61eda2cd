/* paraat-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-actor-dialog.h"
#include "paraat-demo.h"
#include "paraat-new-workspace-dialog.h"
#include "paraat-report-dialog.h"
#include "paraat-welcome-page.h"
#include "paraat-window.h"
#include "paraat-workspace-view.h"
#include "paraat-widget-util.h"

struct _ParaatWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  ParaatWelcomePage   *welcome_page;
  AdwStatusPage       *loading_status;
  GtkSpinner          *loading_spinner;
  ParaatWorkspaceView *workspace_view;

  /* Owned references */
  ParaatWorkspace     *workspace;
  GCancellable        *cancellable;
  char                *pending_path;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (ParaatWindow, paraat_window, ADW_TYPE_APPLICATION_WINDOW)

static GSettings *
get_settings (ParaatWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return paraat_application_get_settings (PARAAT_APPLICATION (app));
}

void
paraat_window_show_toast (ParaatWindow *self,
                          const char   *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, paraat_toast_new (message));
}

void
paraat_window_show_error (ParaatWindow *self,
                          const char   *heading,
                          const GError *error)
{
  paraat_show_message (GTK_WINDOW (self), heading, error->message);
}

static void
show_loading (ParaatWindow *self,
              const char   *title)
{
  adw_status_page_set_title (self->loading_status, title);
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

static void
show_welcome (ParaatWindow *self)
{
  gtk_spinner_stop (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->stack, "welcome");
  gtk_window_set_title (GTK_WINDOW (self), _("Paraat"));
}

/* Reports read the open workspace */
static void
update_workspace_actions (ParaatWindow *self,
                          gboolean      shown)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.board-report", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.audit-pack", shown);
}

static void
close_workspace (ParaatWindow *self)
{
  update_workspace_actions (self, FALSE);
  paraat_workspace_view_set_workspace (self->workspace_view, NULL);
  if (self->workspace != NULL)
    paraat_workspace_close (self->workspace);
  g_clear_object (&self->workspace);
}

static void
remember_actor (ParaatWindow    *self,
                ParaatWorkspace *workspace)
{
  GSettings *settings = get_settings (self);
  ParaatPerson *actor = paraat_workspace_get_actor (workspace);
  g_autoptr(GVariant) old = g_settings_get_value (settings, "remembered-actors");
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  GVariantIter iter;
  const char *key, *value;

  if (actor == NULL || paraat_workspace_get_uuid (workspace) == NULL)
    return;

  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (!g_str_equal (key, paraat_workspace_get_uuid (workspace)))
      g_variant_builder_add (&builder, "{ss}", key, value);
  g_variant_builder_add (&builder, "{ss}", paraat_workspace_get_uuid (workspace),
                         paraat_person_get_name (actor));
  g_settings_set_value (settings, "remembered-actors", g_variant_builder_end (&builder));
}

/* For the start-up benchmark: report when the first frame with the workspace is drawn. */
static void
on_benchmark_after_paint_cb (GdkFrameClock *clock,
                             ParaatWindow  *self)
{
  g_print ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, on_benchmark_after_paint_cb, self);
  g_application_quit (g_application_get_default ());
}

static void
watch_first_frame (ParaatWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL || g_getenv ("PARAAT_BENCHMARK_FIRST_FRAME") == NULL)
    return;
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_benchmark_after_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
show_workspace (ParaatWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  remember_actor (self, self->workspace);
  paraat_application_add_recent (PARAAT_APPLICATION (app),
                                 paraat_workspace_get_path (self->workspace));
  paraat_workspace_view_set_workspace (self->workspace_view, self->workspace);
  update_workspace_actions (self, TRUE);
  gtk_spinner_stop (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->stack, "workspace");
  gtk_window_set_title (GTK_WINDOW (self), paraat_workspace_get_organisation (self->workspace));
  watch_first_frame (self);
}

static char *
lookup_remembered_actor (ParaatWindow    *self,
                         ParaatWorkspace *workspace)
{
  g_autoptr(GVariant) map = g_settings_get_value (get_settings (self), "remembered-actors");
  char *name = NULL;

  if (paraat_workspace_get_uuid (workspace) != NULL)
    g_variant_lookup (map, paraat_workspace_get_uuid (workspace), "s", &name);
  return name;
}

static void
on_actor_dialog_response_cb (ParaatWindow      *self,
                             gboolean           chosen,
                             ParaatActorDialog *dialog)
{
  if (chosen)
    show_workspace (self);
  else
    {
      close_workspace (self);
      show_welcome (self);
    }
}

/* Every change is recorded under a person, so a workspace opens only once we know who
 * is working: the --as option, the person remembered for this file, or the user's answer. */
static void
choose_actor (ParaatWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  const char *forced = paraat_application_get_forced_actor (PARAAT_APPLICATION (app));
  g_autofree char *remembered = lookup_remembered_actor (self, self->workspace);
  const char *wanted = forced ? forced : remembered;
  ParaatPerson *person = NULL;
  ParaatActorDialog *dialog;

  if (paraat_workspace_get_actor (self->workspace) != NULL)
    {
      show_workspace (self);
      return;
    }

  if (wanted != NULL)
    person = paraat_workspace_find_person_by_name (self->workspace, wanted);
  if (person != NULL &&
      paraat_workspace_set_actor (self->workspace, paraat_person_get_id (person), NULL))
    {
      show_workspace (self);
      return;
    }

  dialog = paraat_actor_dialog_new (GTK_WINDOW (self), self->workspace, remembered);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_actor_dialog_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
workspace_ready (ParaatWindow    *self,
                 ParaatWorkspace *workspace,
                 const GError    *error,
                 const char      *heading)
{
  /* A cancelled open was replaced by another one, or the window is going away: the
   * window's state belongs to whatever came after it. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (workspace == NULL)
    {
      show_welcome (self);
      paraat_window_show_error (self, heading, error);
      return;
    }

  close_workspace (self);
  self->workspace = workspace;
  choose_actor (self);
}

static void
on_open_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ParaatWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  ParaatWorkspace *workspace = paraat_workspace_open_finish (result, &error);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_clear_pointer (&self->pending_path, g_free);
  workspace_ready (self, workspace, error, _("Cannot Open Workspace"));
}

void
paraat_window_open_path (ParaatWindow *self,
                         const char   *path)
{
  g_return_if_fail (PARAAT_IS_WINDOW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_free (self->pending_path);
  self->pending_path = g_canonicalize_filename (path, NULL);

  show_loading (self, _("Opening Workspace…"));
  paraat_workspace_open_async (self->pending_path, self->cancellable, on_open_done_cb,
                               g_object_ref (self));
}

typedef struct
{
  ParaatWindow *window;
} OpenSlot;

static void
on_early_open_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  OpenSlot *slot = user_data;
  ParaatWindow *window = slot->window;

  g_free (slot);
  on_open_done_cb (source, result, window);
}

/* Starts reading PATH before the window is built, so both overlap at start-up. Completion
 * is only ever delivered from the main loop, so the slot is filled before it is read. */
ParaatWindow *
paraat_window_new_for_path (ParaatApplication *application,
                            const char        *path)
{
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  OpenSlot *slot = g_new0 (OpenSlot, 1);
  ParaatWindow *self;

  paraat_workspace_open_async (canonical, cancellable, on_early_open_done_cb, slot);
  self = paraat_window_new (application);
  slot->window = g_object_ref (self);
  self->cancellable = g_steal_pointer (&cancellable);
  self->pending_path = g_steal_pointer (&canonical);
  show_loading (self, _("Opening Workspace…"));
  return self;
}

static void
demo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  g_autofree char *dir = g_path_get_dirname (path);
  GError *error = NULL;
  ParaatWorkspace *workspace;

  g_mkdir_with_parents (dir, 0700);
  /* A fresh demo is opened like any handed-over file, so the user is asked who is working. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(ParaatWorkspace) created = paraat_demo_create (path, &error);
      if (created == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      paraat_workspace_close (created);
    }
  workspace = paraat_workspace_open (path, &error);

  if (workspace == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, workspace, g_object_unref);
}

static void
on_demo_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ParaatWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  ParaatWorkspace *workspace = g_task_propagate_pointer (G_TASK (result), &error);

  workspace_ready (self, workspace, error, _("Cannot Open Demo Workspace"));
}

void
paraat_window_open_demo (ParaatWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PARAAT_IS_WINDOW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  show_loading (self, _("Opening Demo Workspace…"));

  task = g_task_new (NULL, self->cancellable, on_demo_done_cb, g_object_ref (self));
  g_task_set_task_data (task, paraat_application_get_demo_path (PARAAT_APPLICATION (app)),
                        g_free);
  g_task_run_in_thread (task, demo_thread);
}

const char *
paraat_window_get_path (ParaatWindow *self)
{
  g_return_val_if_fail (PARAAT_IS_WINDOW (self), NULL);

  if (self->workspace != NULL)
    return paraat_workspace_get_path (self->workspace);
  return self->pending_path;
}

void
paraat_window_show_overdue (ParaatWindow *self)
{
  g_return_if_fail (PARAAT_IS_WINDOW (self));

  if (self->workspace != NULL)
    paraat_workspace_view_show_overdue (self->workspace_view);
}

ParaatWorkspace *
paraat_window_get_workspace (ParaatWindow *self)
{
  g_return_val_if_fail (PARAAT_IS_WINDOW (self), NULL);
  return self->workspace;
}

/* "welcome", "loading" or "workspace". */
const char *
paraat_window_get_state (ParaatWindow *self)
{
  g_return_val_if_fail (PARAAT_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
paraat_window_is_idle (ParaatWindow *self)
{
  return self->workspace == NULL && self->cancellable == NULL;
}

static void
on_create_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ParaatWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  ParaatWorkspace *workspace = paraat_workspace_create_finish (result, &error);

  workspace_ready (self, workspace, error, _("Cannot Create Workspace"));
}

static void
on_new_workspace_create_cb (ParaatWindow             *self,
                            const char               *path,
                            const char               *organisation,
                            const char               *person,
                            ParaatNewWorkspaceDialog *dialog)
{
  ParaatWindow *target = self;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!paraat_window_is_idle (self))
    target = paraat_window_new (PARAAT_APPLICATION (app));

  g_clear_object (&target->cancellable);
  target->cancellable = g_cancellable_new ();
  show_loading (target, _("Creating Workspace…"));
  gtk_window_present (GTK_WINDOW (target));
  paraat_workspace_create_async (path, organisation, person, target->cancellable,
                                 on_create_done_cb, g_object_ref (target));
}

static void
new_workspace_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  ParaatWindow *self = PARAAT_WINDOW (widget);
  ParaatNewWorkspaceDialog *dialog = paraat_new_workspace_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "create", G_CALLBACK (on_new_workspace_create_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_open_chooser_response_cb (ParaatWindow         *self,
                             int                   response,
                             GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      if (path != NULL)
        paraat_application_open_path (PARAAT_APPLICATION (app), path);
    }
  g_clear_object (&self->chooser);
}

static void
open_workspace_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  ParaatWindow *self = PARAAT_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Paraat workspaces"));
  gtk_file_filter_add_mime_type (filter, "application/x-paraat-workspace");
  gtk_file_filter_add_suffix (filter, "paraat");

  g_clear_object (&self->chooser);
  self->chooser = paraat_file_chooser_new (GTK_WINDOW (self), _("Open Workspace"),
                                           GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                           G_CALLBACK (on_open_chooser_response_cb), self);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_switch_response_cb (ParaatWindow      *self,
                       gboolean           chosen,
                       ParaatActorDialog *dialog)
{
  if (chosen && self->workspace != NULL)
    remember_actor (self, self->workspace);
}

static void
switch_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  ParaatWindow *self = PARAAT_WINDOW (widget);
  ParaatActorDialog *dialog;

  if (self->workspace == NULL)
    return;

  dialog = paraat_actor_dialog_new (GTK_WINDOW (self), self->workspace, NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_switch_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_workspace_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  ParaatWindow *self = PARAAT_WINDOW (widget);

  close_workspace (self);
  show_welcome (self);
}

static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ParaatWindow *self = PARAAT_WINDOW (widget);
  ParaatReportKind kind = g_str_equal (action_name, "win.audit-pack") ? PARAAT_REPORT_AUDIT_PACK
                                                                       : PARAAT_REPORT_BOARD;

  if (self->workspace != NULL)
    gtk_window_present (GTK_WINDOW (paraat_report_dialog_new (GTK_WINDOW (self), self->workspace,
                                                              kind)));
}

static void
save_window_state (ParaatWindow *self)
{
  GSettings *settings = get_settings (self);
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
paraat_window_close_request (GtkWindow *window)
{
  ParaatWindow *self = PARAAT_WINDOW (window);

  save_window_state (self);
  g_cancellable_cancel (self->cancellable);
  close_workspace (self);
  return GTK_WINDOW_CLASS (paraat_window_parent_class)->close_request (window);
}

static void
paraat_window_dispose (GObject *object)
{
  ParaatWindow *self = PARAAT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  close_workspace (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_WINDOW);

  G_OBJECT_CLASS (paraat_window_parent_class)->dispose (object);
}

static void
paraat_window_finalize (GObject *object)
{
  ParaatWindow *self = PARAAT_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->pending_path, g_free);

  G_OBJECT_CLASS (paraat_window_parent_class)->finalize (object);
}

/* Opens a file the app wrote (a toast's "Open" button) in the program the desktop uses */
static void
show_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}

static void
paraat_window_class_init (ParaatWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = paraat_window_dispose;
  object_class->finalize = paraat_window_finalize;
  window_class->close_request = paraat_window_close_request;

  g_type_ensure (PARAAT_TYPE_WELCOME_PAGE);
  g_type_ensure (PARAAT_TYPE_WORKSPACE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ParaatWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ParaatWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, ParaatWindow, loading_status);
  gtk_widget_class_bind_template_child (widget_class, ParaatWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, ParaatWindow, workspace_view);

  gtk_widget_class_install_action (widget_class, "win.new-workspace", NULL,
                                   new_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.open-workspace", NULL,
                                   open_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.switch-person", NULL,
                                   switch_person_action);
  gtk_widget_class_install_action (widget_class, "win.close-workspace", NULL,
                                   close_workspace_action);
  gtk_widget_class_install_action (widget_class, "win.show-file", "s", show_file_action);
  gtk_widget_class_install_action (widget_class, "win.board-report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "win.audit-pack", NULL, report_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-workspace", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-workspace", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
paraat_window_init (ParaatWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_workspace_actions (self, FALSE);

#if DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

ParaatWindow *
paraat_window_new (ParaatApplication *application)
{
  GSettings *settings = paraat_application_get_settings (application);
  ParaatWindow *self = g_object_new (PARAAT_TYPE_WINDOW, "application", application, NULL);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  return self;
}
