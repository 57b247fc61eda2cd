/* paraat-frameworks-dialog.c — enable or disable frameworks and import catalogs
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-framework.h"
#include "paraat-frameworks-dialog.h"
#include "paraat-history-dialog.h"
#include "paraat-widget-util.h"

struct _ParaatFrameworksDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkListBox           *list;
  GtkWidget            *progress_box;
  GtkSpinner           *spinner;
  GtkLabel             *error_label;

  /* Owned references */
  ParaatWorkspace      *workspace;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  GQueue                pending;
};

G_DEFINE_FINAL_TYPE (ParaatFrameworksDialog, paraat_frameworks_dialog, ADW_TYPE_WINDOW)

static void import_next (ParaatFrameworksDialog *self);

static void
show_error (ParaatFrameworksDialog *self,
            const char             *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_switch_active_cb (GtkSwitch              *toggle,
                     GParamSpec             *pspec,
                     ParaatFrameworksDialog *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toggle), "framework-id"));
  g_autoptr(GError) error = NULL;

  if (!paraat_workspace_set_framework_enabled (self->workspace, id,
                                               gtk_switch_get_active (toggle), &error))
    {
      show_error (self, error->message);
      /* Show what is stored, not what was asked for. */
      g_signal_handlers_block_by_func (toggle, on_switch_active_cb, self);
      gtk_switch_set_active (toggle, !gtk_switch_get_active (toggle));
      g_signal_handlers_unblock_by_func (toggle, on_switch_active_cb, self);
    }
}

static void
on_history_clicked_cb (GtkButton              *button,
                       ParaatFrameworksDialog *self)
{
  ParaatFramework *framework = g_object_get_data (G_OBJECT (button), "framework");

  gtk_window_present (GTK_WINDOW (paraat_history_dialog_new (GTK_WINDOW (self), self->workspace,
                                                             "framework",
                                                             paraat_framework_get_id (framework),
                                                             paraat_framework_get_title (framework))));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ParaatFrameworksDialog *self = user_data;
  ParaatFramework *framework = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  GtkWidget *history = gtk_button_new_from_icon_name ("document-open-recent-symbolic");
  g_autofree char *history_label = NULL;
  g_autofree char *subtitle =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u requirement · %s", "%u requirements · %s",
                                  paraat_framework_get_n_requirements (framework)),
                     paraat_framework_get_n_requirements (framework),
                     paraat_framework_get_bundled (framework) ? _("included with Paraat")
                                                              : _("imported"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), paraat_framework_get_title (framework));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), paraat_framework_get_enabled (framework));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  paraat_framework_get_title (framework), -1);
  g_object_set_data (G_OBJECT (toggle), "framework-id",
                     GSIZE_TO_POINTER ((gsize) paraat_framework_get_id (framework)));
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_switch_active_cb), self, 0);

  gtk_widget_set_tooltip_text (history, _("History"));
  history_label = g_strdup_printf ("%s: %s", _("History"), paraat_framework_get_title (framework));
  gtk_accessible_update_property (GTK_ACCESSIBLE (history), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  history_label, -1);
  gtk_widget_set_valign (history, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (history, "flat");
  g_object_set_data_full (G_OBJECT (history), "framework", g_object_ref (framework), g_object_unref);
  g_signal_connect_object (history, "clicked", G_CALLBACK (on_history_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), history);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  return row;
}

static void
set_busy (ParaatFrameworksDialog *self,
          gboolean                busy)
{
  gtk_widget_set_visible (self->progress_box, busy);
  if (busy)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "frameworks.import", !busy);
}

static void
on_parsed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ParaatFrameworksDialog) self = user_data;
  g_autoptr(ParaatCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  catalog = paraat_catalog_parse_file_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (catalog != NULL && (id = paraat_workspace_import_catalog (self->workspace, catalog, &error)))
    {
      g_autofree char *message =
        g_strdup_printf (_("Imported “%s” with %u requirements"),
                         paraat_framework_get_title (paraat_workspace_find_framework (self->workspace, id)),
                         catalog->requirements->len);
      adw_toast_overlay_add_toast (self->toast_overlay, paraat_toast_new (message));
    }
  else
    show_error (self, error->message);

  import_next (self);
}

static void
import_next (ParaatFrameworksDialog *self)
{
  g_autoptr(GFile) file = g_queue_pop_head (&self->pending);
  g_autofree char *path = NULL;

  set_busy (self, file != NULL);
  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_error (self, _("Only local files can be imported. Save the catalog to a folder on "
                          "this computer first."));
      import_next (self);
      return;
    }
  paraat_catalog_parse_file_async (path, self->cancellable, on_parsed_cb, g_object_ref (self));
}

/* Imports one catalog after another, so two files cannot race for the same key. */
void
paraat_frameworks_dialog_import (ParaatFrameworksDialog *self,
                                 GFile                  *file)
{
  g_return_if_fail (PARAAT_IS_FRAMEWORKS_DIALOG (self));

  show_error (self, NULL);
  g_queue_push_tail (&self->pending, g_object_ref (file));
  if (!gtk_widget_get_visible (self->progress_box))
    import_next (self);
}

const char *
paraat_frameworks_dialog_get_error (ParaatFrameworksDialog *self)
{
  g_return_val_if_fail (PARAAT_IS_FRAMEWORKS_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_label (self->error_label);
}

gboolean
paraat_frameworks_dialog_is_busy (ParaatFrameworksDialog *self)
{
  g_return_val_if_fail (PARAAT_IS_FRAMEWORKS_DIALOG (self), FALSE);
  return gtk_widget_get_visible (self->progress_box);
}

static void
on_chooser_response_cb (ParaatFrameworksDialog *self,
                        int                     response,
                        GtkFileChooserNative   *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          paraat_frameworks_dialog_import (self, file);
        }
    }
  g_clear_object (&self->chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ParaatFrameworksDialog *self = PARAAT_FRAMEWORKS_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Catalogs (XML)"));
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_mime_type (filter, "text/xml");
  gtk_file_filter_add_suffix (filter, "xml");

  g_clear_object (&self->chooser);
  self->chooser = paraat_file_chooser_new (GTK_WINDOW (self), _("Import Framework"),
                                           GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                           G_CALLBACK (on_chooser_response_cb), self);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
on_drop_cb (GtkDropTarget          *target,
            const GValue           *value,
            double                  x,
            double                  y,
            ParaatFrameworksDialog *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l; l = l->next)
    paraat_frameworks_dialog_import (self, l->data);
  g_slist_free (files);
  return TRUE;
}

static void
paraat_frameworks_dialog_dispose (GObject *object)
{
  ParaatFrameworksDialog *self = PARAAT_FRAMEWORKS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_FRAMEWORKS_DIALOG);
  g_queue_clear_full (&self->pending, g_object_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chooser);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (paraat_frameworks_dialog_parent_class)->dispose (object);
}

static void
paraat_frameworks_dialog_class_init (ParaatFrameworksDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_frameworks_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-frameworks-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatFrameworksDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ParaatFrameworksDialog, list);
  gtk_widget_class_bind_template_child (widget_class, ParaatFrameworksDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, ParaatFrameworksDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, ParaatFrameworksDialog, error_label);

  gtk_widget_class_install_action (widget_class, "frameworks.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "frameworks.import", NULL);
}

static void
paraat_frameworks_dialog_init (ParaatFrameworksDialog *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->pending);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

ParaatFrameworksDialog *
paraat_frameworks_dialog_new (GtkWindow       *parent,
                              ParaatWorkspace *workspace)
{
  ParaatFrameworksDialog *self = g_object_new (PARAAT_TYPE_FRAMEWORKS_DIALOG,
                                               "transient-for", parent,
                                               NULL);

  self->workspace = g_object_ref (workspace);
  gtk_list_box_bind_model (self->list, paraat_workspace_get_frameworks (workspace), create_row,
                           self, NULL);
  return self;
}
