/* paraat-person-dialog.c — add or edit one person in the directory
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-error.h"
#include "paraat-person-dialog.h"

struct _ParaatPersonDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwEntryRow     *name_row;
  AdwEntryRow     *role_row;
  AdwEntryRow     *email_row;
  GtkLabel        *error_label;

  /* Owned references */
  ParaatWorkspace *workspace;
  ParaatPerson    *person;
};

G_DEFINE_FINAL_TYPE (ParaatPersonDialog, paraat_person_dialog, ADW_TYPE_WINDOW)

static void
show_error (ParaatPersonDialog *self,
            const GError       *error)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  gboolean name_ok = paraat_person_validate (name, NULL, NULL);
  GtkWidget *field = GTK_WIDGET (self->name_row);

  /* A valid name with an invalid-input error means the e-mail address was refused. */
  if (name_ok && g_error_matches (error, PARAAT_ERROR, PARAAT_ERROR_INVALID))
    field = GTK_WIDGET (self->email_row);

  gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_add_css_class (field, "error");
  gtk_widget_grab_focus (field);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ParaatPersonDialog *self = PARAAT_PERSON_DIALOG (widget);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *role = gtk_editable_get_text (GTK_EDITABLE (self->role_row));
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->email_row));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->person == NULL)
    ok = paraat_workspace_add_person (self->workspace, name, role, email, &error) != 0;
  else
    ok = paraat_workspace_update_person (self->workspace, paraat_person_get_id (self->person),
                                         name, role, email, &error);

  if (!ok)
    {
      show_error (self, error);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_entry_activated_cb (ParaatPersonDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "person.save", NULL);
}

static void
on_field_changed_cb (ParaatPersonDialog *self,
                     GtkWidget          *field)
{
  gtk_widget_remove_css_class (field, "error");
}

static void
paraat_person_dialog_dispose (GObject *object)
{
  ParaatPersonDialog *self = PARAAT_PERSON_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_PERSON_DIALOG);
  g_clear_object (&self->workspace);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (paraat_person_dialog_parent_class)->dispose (object);
}

static void
paraat_person_dialog_class_init (ParaatPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_person_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatPersonDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatPersonDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatPersonDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatPersonDialog, error_label);

  gtk_widget_class_install_action (widget_class, "person.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
paraat_person_dialog_init (ParaatPersonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->name_row, "entry-activated",
                            G_CALLBACK (on_entry_activated_cb), self);
  g_signal_connect_swapped (self->role_row, "entry-activated",
                            G_CALLBACK (on_entry_activated_cb), self);
  g_signal_connect_swapped (self->email_row, "entry-activated",
                            G_CALLBACK (on_entry_activated_cb), self);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect_swapped (self->email_row, "changed", G_CALLBACK (on_field_changed_cb), self);
}

ParaatPersonDialog *
paraat_person_dialog_new (GtkWindow       *parent,
                          ParaatWorkspace *workspace,
                          ParaatPerson    *person)
{
  ParaatPersonDialog *self = g_object_new (PARAAT_TYPE_PERSON_DIALOG,
                                           "transient-for", parent,
                                           NULL);

  self->workspace = g_object_ref (workspace);
  g_set_object (&self->person, person);

  gtk_window_set_title (GTK_WINDOW (self), person ? _("Edit Person") : _("Add Person"));
  if (person != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), paraat_person_get_name (person));
      gtk_editable_set_text (GTK_EDITABLE (self->role_row), paraat_person_get_role (person));
      gtk_editable_set_text (GTK_EDITABLE (self->email_row), paraat_person_get_email (person));
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
