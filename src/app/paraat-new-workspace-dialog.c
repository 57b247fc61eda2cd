/* paraat-new-workspace-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-error.h"
#include "paraat-new-workspace-dialog.h"
#include "paraat-person.h"
#include "paraat-widget-util.h"

struct _ParaatNewWorkspaceDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwEntryRow          *organisation_row;
  AdwEntryRow          *person_row;
  AdwActionRow         *folder_row;
  GtkLabel             *error_label;

  /* Owned references */
  char                 *folder;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (ParaatNewWorkspaceDialog, paraat_new_workspace_dialog, ADW_TYPE_WINDOW)

enum {
  CREATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A file name from the organisation's name: no path separators or control characters. */
char *
paraat_new_workspace_dialog_file_name (const char *organisation)
{
  g_autofree char *clean = g_strstrip (g_strdup (organisation ? organisation : ""));
  GString *out = g_string_new (NULL);

  for (const char *p = clean; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '/' || c == '\\' || c == ':' || g_unichar_iscntrl (c))
        g_string_append_c (out, '-');
      else
        g_string_append_unichar (out, c);
    }

  if (out->len == 0 || out->str[0] == '.')
    g_string_prepend (out, _("Workspace"));
  g_string_append (out, ".paraat");
  return g_string_free (out, FALSE);
}

static void
set_folder (ParaatNewWorkspaceDialog *self,
            const char               *folder)
{
  g_autofree char *display = g_filename_display_name (folder);

  g_free (self->folder);
  self->folder = g_strdup (folder);
  adw_action_row_set_subtitle (self->folder_row, display);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ParaatNewWorkspaceDialog *self = PARAAT_NEW_WORKSPACE_DIALOG (widget);
  const char *organisation = gtk_editable_get_text (GTK_EDITABLE (self->organisation_row));
  const char *person = gtk_editable_get_text (GTK_EDITABLE (self->person_row));
  g_autofree char *org_clean = g_strstrip (g_strdup (organisation));
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (org_clean[0] == '\0')
    {
      paraat_label_show_error (self->error_label, _("Enter the organisation’s name."),
                               GTK_WIDGET (self->organisation_row));
      return;
    }
  if (!paraat_person_validate (person, NULL, &error))
    {
      paraat_label_show_error (self->error_label, error->message, GTK_WIDGET (self->person_row));
      return;
    }

  file_name = paraat_new_workspace_dialog_file_name (org_clean);
  path = g_build_filename (self->folder, file_name, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” already exists in this folder. Open "
                                                    "it, or choose another folder."), file_name);
      paraat_label_show_error (self->error_label, message, NULL);
      return;
    }

  g_signal_emit (self, signals[CREATE], 0, path, org_clean, person);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_chooser_response_cb (ParaatNewWorkspaceDialog *self,
                        int                       response,
                        GtkFileChooserNative     *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        set_folder (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  ParaatNewWorkspaceDialog *self = PARAAT_NEW_WORKSPACE_DIALOG (widget);

  g_clear_object (&self->chooser);
  self->chooser = paraat_file_chooser_new (GTK_WINDOW (self), _("Choose a Folder"),
                                           GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"),
                                           G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_field_changed_cb (ParaatNewWorkspaceDialog *self,
                     GtkWidget                *field)
{
  gtk_widget_remove_css_class (field, "error");
}

static void
on_entry_activated_cb (ParaatNewWorkspaceDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "new-workspace.create", NULL);
}

static void
paraat_new_workspace_dialog_dispose (GObject *object)
{
  ParaatNewWorkspaceDialog *self = PARAAT_NEW_WORKSPACE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_NEW_WORKSPACE_DIALOG);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->folder, g_free);

  G_OBJECT_CLASS (paraat_new_workspace_dialog_parent_class)->dispose (object);
}

static void
paraat_new_workspace_dialog_class_init (ParaatNewWorkspaceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_new_workspace_dialog_dispose;

  /**
   * ParaatNewWorkspaceDialog::create:
   * @path: where to create the workspace file
   * @organisation: the organisation's name
   * @person: the name of the person creating it
   */
  signals[CREATE] =
    g_signal_new ("create", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-new-workspace-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatNewWorkspaceDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatNewWorkspaceDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatNewWorkspaceDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatNewWorkspaceDialog, error_label);

  gtk_widget_class_install_action (widget_class, "new-workspace.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "new-workspace.choose-folder", NULL,
                                   choose_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
paraat_new_workspace_dialog_init (ParaatNewWorkspaceDialog *self)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  const char *real = g_get_real_name ();

  gtk_widget_init_template (GTK_WIDGET (self));

  set_folder (self, documents && g_file_test (documents, G_FILE_TEST_IS_DIR)
                      ? documents : g_get_home_dir ());
  gtk_editable_set_text (GTK_EDITABLE (self->person_row),
                         g_str_equal (real, "Unknown") ? "" : real);

  g_signal_connect_swapped (self->organisation_row, "changed",
                            G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect_swapped (self->person_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect_swapped (self->organisation_row, "entry-activated",
                            G_CALLBACK (on_entry_activated_cb), self);
  g_signal_connect_swapped (self->person_row, "entry-activated",
                            G_CALLBACK (on_entry_activated_cb), self);
}

ParaatNewWorkspaceDialog *
paraat_new_workspace_dialog_new (GtkWindow *parent)
{
  return g_object_new (PARAAT_TYPE_NEW_WORKSPACE_DIALOG, "transient-for", parent, NULL);
}
