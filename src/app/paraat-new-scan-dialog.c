/* paraat-new-scan-dialog.c — name, date, depth, frameworks and participants of a new scan
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-framework.h"
#include "paraat-new-scan-dialog.h"
#include "paraat-scan.h"

struct _ParaatNewScanDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwEntryRow     *name_row;
  AdwEntryRow     *date_row;
  AdwEntryRow     *participants_row;
  GtkCheckButton  *quick_check;
  AdwPreferencesGroup *frameworks_group;
  GtkLabel        *error_label;

  /* Owned references */
  ParaatWorkspace *workspace;
  GPtrArray       *framework_checks;  /* GtkCheckButton*, with "framework-id" data */
};

G_DEFINE_FINAL_TYPE (ParaatNewScanDialog, paraat_new_scan_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (ParaatNewScanDialog *self,
            const char          *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ParaatNewScanDialog *self = PARAAT_NEW_SCAN_DIALOG (widget);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  ParaatScanSpec spec;
  gint64 scan_id;

  for (guint i = 0; i < self->framework_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->framework_checks, i);
      if (gtk_check_button_get_active (check))
        g_array_append_val (ids, *(gint64 *) g_object_get_data (G_OBJECT (check), "framework-id"));
    }
  spec = (ParaatScanSpec) {
    .name = gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
    .date = date,
    .depth = gtk_check_button_get_active (self->quick_check) ? PARAAT_SCAN_QUICK : PARAAT_SCAN_FULL,
    .framework_ids = (const gint64 *) (gpointer) ids->data,
    .n_frameworks = ids->len,
    .participants = gtk_editable_get_text (GTK_EDITABLE (self->participants_row)),
  };
  if (!(scan_id = paraat_workspace_create_scan (self->workspace, &spec, &error)))
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[CREATED], 0, scan_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
add_frameworks (ParaatNewScanDialog *self)
{
  GListModel *frameworks = paraat_workspace_get_frameworks (self->workspace);

  for (guint i = 0; i < g_list_model_get_n_items (frameworks); i++)
    {
      g_autoptr(ParaatFramework) framework = g_list_model_get_item (frameworks, i);
      GtkWidget *row, *check;
      gint64 id = paraat_framework_get_id (framework);

      if (!paraat_framework_get_enabled (framework))
        continue;
      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "framework-id", g_memdup2 (&id, sizeof id), g_free);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), paraat_framework_get_title (framework));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->frameworks_group, row);
      g_ptr_array_add (self->framework_checks, check);
    }
}

ParaatNewScanDialog *
paraat_new_scan_dialog_new (GtkWindow       *parent,
                            ParaatWorkspace *workspace)
{
  ParaatNewScanDialog *self = g_object_new (PARAAT_TYPE_NEW_SCAN_DIALOG,
                                            "transient-for", parent,
                                            NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the default name of a new scan, with its date */
  g_autofree char *name = g_strdup_printf (_("Readiness scan %s"), today);

  self->workspace = g_object_ref (workspace);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  add_frameworks (self);
  return self;
}

static void
paraat_new_scan_dialog_dispose (GObject *object)
{
  ParaatNewScanDialog *self = PARAAT_NEW_SCAN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_NEW_SCAN_DIALOG);
  g_clear_pointer (&self->framework_checks, g_ptr_array_unref);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (paraat_new_scan_dialog_parent_class)->dispose (object);
}

static void
paraat_new_scan_dialog_class_init (ParaatNewScanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_new_scan_dialog_dispose;

  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-new-scan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatNewScanDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatNewScanDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatNewScanDialog, participants_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatNewScanDialog, quick_check);
  gtk_widget_class_bind_template_child (widget_class, ParaatNewScanDialog, frameworks_group);
  gtk_widget_class_bind_template_child (widget_class, ParaatNewScanDialog, error_label);
  gtk_widget_class_install_action (widget_class, "new-scan.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
paraat_new_scan_dialog_init (ParaatNewScanDialog *self)
{
  self->framework_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
