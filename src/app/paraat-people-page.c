/* paraat-people-page.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-history-dialog.h"
#include "paraat-people-page.h"
#include "paraat-person-dialog.h"
#include "paraat-window.h"

struct _ParaatPeoplePage
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkListBox      *list;

  /* Owned references */
  ParaatWorkspace *workspace;
};

G_DEFINE_FINAL_TYPE (ParaatPeoplePage, paraat_people_page, ADW_TYPE_BIN)

static GtkWindow *
get_parent_window (ParaatPeoplePage *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static ParaatPerson *
person_for (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

  return g_object_get_data (G_OBJECT (row), "person");
}

static void
edit_person (ParaatPeoplePage *self,
             ParaatPerson     *person)
{
  gtk_window_present (GTK_WINDOW (paraat_person_dialog_new (get_parent_window (self),
                                                            self->workspace, person)));
}

static void
on_row_activated_cb (AdwActionRow     *row,
                     ParaatPeoplePage *self)
{
  edit_person (self, g_object_get_data (G_OBJECT (row), "person"));
}

static void
on_history_clicked_cb (GtkButton        *button,
                       ParaatPeoplePage *self)
{
  ParaatPerson *person = person_for (GTK_WIDGET (button));

  gtk_window_present (GTK_WINDOW (paraat_history_dialog_new (get_parent_window (self),
                                                             self->workspace, "person",
                                                             paraat_person_get_id (person),
                                                             paraat_person_get_name (person))));
}

static void
on_remove_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       ParaatPeoplePage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "person-id"));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "remove") || self->workspace == NULL)
    return;

  if (!paraat_workspace_remove_person (self->workspace, id, &error))
    paraat_window_show_error (PARAAT_WINDOW (get_parent_window (self)),
                              _("Cannot Remove Person"), error);
}

static void
on_remove_clicked_cb (GtkButton        *button,
                      ParaatPeoplePage *self)
{
  ParaatPerson *person = person_for (GTK_WIDGET (button));
  g_autofree char *heading = g_strdup_printf (_("Remove %s?"), paraat_person_get_name (person));
  GtkWidget *dialog = adw_message_dialog_new (get_parent_window (self), heading,
                                              _("They disappear from the directory. Their "
                                                "past changes stay in the audit trail under "
                                                "their name."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "person-id",
                     GSIZE_TO_POINTER ((gsize) paraat_person_get_id (person)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
suffix_button (ParaatPeoplePage *self,
               const char       *icon,
               const char       *tooltip,
               const char       *name,
               GCallback         callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);
  g_autofree char *label = g_strdup_printf ("%s: %s", tooltip, name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static char *
describe_person (ParaatPerson *person)
{
  const char *role = paraat_person_get_role (person);
  const char *email = paraat_person_get_email (person);

  if (role[0] && email[0])
    return g_strdup_printf ("%s · %s", role, email);
  return g_strdup (role[0] ? role : email);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ParaatPeoplePage *self = user_data;
  ParaatPerson *person = item;
  const char *name = paraat_person_get_name (person);
  g_autofree char *subtitle = describe_person (person);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *avatar = adw_avatar_new (32, name, TRUE);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);
  g_object_set_data_full (G_OBJECT (row), "person", g_object_ref (person), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated_cb), self, 0);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             suffix_button (self, "document-open-recent-symbolic",
                                            _("History"), name,
                                            G_CALLBACK (on_history_clicked_cb)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             suffix_button (self, "user-trash-symbolic", _("Remove"), name,
                                            G_CALLBACK (on_remove_clicked_cb)));
  return row;
}

void
paraat_people_page_set_workspace (ParaatPeoplePage *self,
                                  ParaatWorkspace  *workspace)
{
  g_return_if_fail (PARAAT_IS_PEOPLE_PAGE (self));

  if (!g_set_object (&self->workspace, workspace))
    return;

  gtk_list_box_bind_model (self->list,
                           workspace ? paraat_workspace_get_people (workspace) : NULL,
                           workspace ? create_row : NULL, self, NULL);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  ParaatPeoplePage *self = PARAAT_PEOPLE_PAGE (widget);

  if (self->workspace != NULL)
    edit_person (self, NULL);
}

static void
paraat_people_page_dispose (GObject *object)
{
  ParaatPeoplePage *self = PARAAT_PEOPLE_PAGE (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_PEOPLE_PAGE);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (paraat_people_page_parent_class)->dispose (object);
}

static void
paraat_people_page_class_init (ParaatPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_people_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatPeoplePage, list);
  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_action);
}

static void
paraat_people_page_init (ParaatPeoplePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
