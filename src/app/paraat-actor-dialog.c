/* paraat-actor-dialog.c — "Who is working?": the person every change is recorded under
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-actor-dialog.h"

struct _ParaatActorDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  GtkListBox      *people_list;
  AdwEntryRow     *new_row;
  GtkCheckButton  *new_check;
  GtkLabel        *error_label;

  /* Owned references */
  ParaatWorkspace *workspace;
  gboolean         chosen;
};

G_DEFINE_FINAL_TYPE (ParaatActorDialog, paraat_actor_dialog, ADW_TYPE_WINDOW)

enum {
  RESPONSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static ParaatPerson *
selected_person (ParaatActorDialog *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->people_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");
      if (check != NULL && gtk_check_button_get_active (check))
        return g_object_get_data (G_OBJECT (row), "person");
    }
  return NULL;
}

static void
continue_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  ParaatActorDialog *self = PARAAT_ACTOR_DIALOG (widget);
  ParaatPerson *person = selected_person (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (person != NULL)
    ok = paraat_workspace_set_actor (self->workspace, paraat_person_get_id (person), &error);
  else if (gtk_check_button_get_active (self->new_check))
    ok = paraat_workspace_introduce_self (self->workspace,
                                          gtk_editable_get_text (GTK_EDITABLE (self->new_row)),
                                          &error) != 0;
  else
    {
      ok = FALSE;
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Choose your name, or enter it if you are not in the list."));
    }

  if (!ok)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  self->chosen = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
paraat_actor_dialog_close_request (GtkWindow *window)
{
  ParaatActorDialog *self = PARAAT_ACTOR_DIALOG (window);

  g_signal_emit (self, signals[RESPONSE], 0, self->chosen);
  return GTK_WINDOW_CLASS (paraat_actor_dialog_parent_class)->close_request (window);
}

static void
on_new_row_changed_cb (ParaatActorDialog *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->new_row))[0] != '\0')
    gtk_check_button_set_active (self->new_check, TRUE);
}

static void
on_new_row_activated_cb (ParaatActorDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "actor.continue", NULL);
}

static void
add_person_row (ParaatActorDialog *self,
                ParaatPerson      *person,
                gboolean           active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), paraat_person_get_name (person));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), paraat_person_get_role (person));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->new_check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data_full (G_OBJECT (row), "person", g_object_ref (person), g_object_unref);
  g_object_set_data (G_OBJECT (row), "check", check);
  gtk_list_box_append (self->people_list, row);
}

static const char *
os_user_name (void)
{
  const char *real = g_get_real_name ();

  return g_str_equal (real, "Unknown") ? g_get_user_name () : real;
}

/* The remembered name, else the OS user's real name, is proposed: as a row when it is in
 * the directory, otherwise typed in the "not in the list" field. */
static void
populate (ParaatActorDialog *self,
          const char        *suggested)
{
  GListModel *people = paraat_workspace_get_people (self->workspace);
  ParaatPerson *current = paraat_workspace_get_actor (self->workspace);
  const char *wanted = suggested ? suggested : os_user_name ();
  ParaatPerson *match = current ? current : paraat_workspace_find_person_by_name (self->workspace,
                                                                                  wanted);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ParaatPerson) person = g_list_model_get_item (people, i);
      add_person_row (self, person, person == match);
    }

  if (match == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->new_row), wanted);
      gtk_check_button_set_active (self->new_check, TRUE);
    }
}

static void
paraat_actor_dialog_dispose (GObject *object)
{
  ParaatActorDialog *self = PARAAT_ACTOR_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_ACTOR_DIALOG);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (paraat_actor_dialog_parent_class)->dispose (object);
}

static void
paraat_actor_dialog_class_init (ParaatActorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = paraat_actor_dialog_dispose;
  window_class->close_request = paraat_actor_dialog_close_request;

  /**
   * ParaatActorDialog::response:
   * @chosen: whether a person was chosen (FALSE when cancelled)
   */
  signals[RESPONSE] =
    g_signal_new ("response", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-actor-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatActorDialog, people_list);
  gtk_widget_class_bind_template_child (widget_class, ParaatActorDialog, new_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatActorDialog, new_check);
  gtk_widget_class_bind_template_child (widget_class, ParaatActorDialog, error_label);

  gtk_widget_class_install_action (widget_class, "actor.continue", NULL, continue_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
paraat_actor_dialog_init (ParaatActorDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->new_row, "changed", G_CALLBACK (on_new_row_changed_cb), self);
  g_signal_connect_swapped (self->new_row, "entry-activated",
                            G_CALLBACK (on_new_row_activated_cb), self);
}

ParaatActorDialog *
paraat_actor_dialog_new (GtkWindow       *parent,
                         ParaatWorkspace *workspace,
                         const char      *suggested_name)
{
  ParaatActorDialog *self = g_object_new (PARAAT_TYPE_ACTOR_DIALOG,
                                          "transient-for", parent,
                                          NULL);

  self->workspace = g_object_ref (workspace);
  populate (self, suggested_name);
  gtk_widget_grab_focus (GTK_WIDGET (self->people_list));
  return self;
}
