/* paraat-settings-dialog.c — the workspace's own settings, saved with one trail entry
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-action.h"
#include "paraat-history-dialog.h"
#include "paraat-settings-dialog.h"
#include "paraat-widget-util.h"

struct _ParaatSettingsDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwEntryRow     *organisation_row;
  GtkTextView     *scope_view;
  AdwComboRow     *target_row;
  GtkSpinButton   *validity_spin;
  GtkSwitch       *self_review_switch;
  GtkLabel        *error_label;

  /* Owned references */
  ParaatWorkspace *workspace;
};

G_DEFINE_FINAL_TYPE (ParaatSettingsDialog, paraat_settings_dialog, ADW_TYPE_WINDOW)

static gboolean
save_self_review (ParaatSettingsDialog  *self,
                  GError               **error)
{
  gboolean allow = gtk_switch_get_active (self->self_review_switch);

  return allow == paraat_workspace_get_allow_self_review (self->workspace) ||
         paraat_workspace_set_allow_self_review (self->workspace, allow, error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ParaatSettingsDialog *self = PARAAT_SETTINGS_DIALOG (widget);
  g_autofree char *scope = paraat_text_view_dup_text (self->scope_view);
  g_autoptr(GError) error = NULL;
  ParaatSettings settings;

  /* Commit a value still being typed into the spin button. */
  gtk_spin_button_update (self->validity_spin);
  settings = (ParaatSettings) {
    .organisation = (char *) gtk_editable_get_text (GTK_EDITABLE (self->organisation_row)),
    .scope = scope,
    .target_level = (int) adw_combo_row_get_selected (self->target_row) + 1,
    .validity_months = gtk_spin_button_get_value_as_int (self->validity_spin),
  };

  if (!paraat_workspace_update_settings (self->workspace, &settings, &error) ||
      !save_self_review (self, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ParaatSettingsDialog *self = PARAAT_SETTINGS_DIALOG (widget);

  gtk_window_present (GTK_WINDOW (paraat_history_dialog_new (GTK_WINDOW (self), self->workspace,
                                                             "settings", 0,
                                                             _("Workspace settings"))));
}

static void
paraat_settings_dialog_dispose (GObject *object)
{
  ParaatSettingsDialog *self = PARAAT_SETTINGS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_SETTINGS_DIALOG);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (paraat_settings_dialog_parent_class)->dispose (object);
}

static void
paraat_settings_dialog_class_init (ParaatSettingsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_settings_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-settings-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatSettingsDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatSettingsDialog, scope_view);
  gtk_widget_class_bind_template_child (widget_class, ParaatSettingsDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatSettingsDialog, validity_spin);
  gtk_widget_class_bind_template_child (widget_class, ParaatSettingsDialog, self_review_switch);
  gtk_widget_class_bind_template_child (widget_class, ParaatSettingsDialog, error_label);

  gtk_widget_class_install_action (widget_class, "settings.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "settings.history", NULL, history_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "settings.save", NULL);
}

static void
paraat_settings_dialog_init (ParaatSettingsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ParaatSettingsDialog *
paraat_settings_dialog_new (GtkWindow       *parent,
                            ParaatWorkspace *workspace)
{
  ParaatSettingsDialog *self = g_object_new (PARAAT_TYPE_SETTINGS_DIALOG,
                                             "transient-for", parent,
                                             NULL);
  ParaatSettings settings = { 0 };

  self->workspace = g_object_ref (workspace);
  paraat_workspace_get_settings (workspace, &settings);
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), settings.organisation);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->scope_view), settings.scope, -1);
  adw_combo_row_set_selected (self->target_row, (guint) settings.target_level - 1);
  gtk_spin_button_set_value (self->validity_spin, settings.validity_months);
  gtk_switch_set_active (self->self_review_switch,
                         paraat_workspace_get_allow_self_review (self->workspace));
  paraat_settings_clear (&settings);
  return self;
}
