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
  AdwBin              parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;

  /* Owned references */
  ParaatWorkspace    *workspace;
  GtkFilterListModel *filtered;
  GtkStringFilter    *filter;
};

G_DEFINE_FINAL_TYPE (ParaatPeoplePage, paraat_people_page, ADW_TYPE_BIN)

static GtkWindow *
get_parent_window (ParaatPeoplePage *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

/* The row a suffix button sits in carries the person it shows. */
static ParaatPerson *
person_for (GtkWidget *button)
{
  return g_object_get_data (G_OBJECT (gtk_widget_get_parent (button)), "person");
}

static void
edit_person (ParaatPeoplePage *self,
             ParaatPerson     *person)
{
  gtk_window_present (GTK_WINDOW (paraat_person_dialog_new (get_parent_window (self),
                                                            self->workspace, person)));
}

static void
on_activate_cb (ParaatPeoplePage *self,
                guint             position)
{
  g_autoptr(ParaatPerson) person = g_list_model_get_item (G_LIST_MODEL (self->filtered),
                                                          position);

  if (person != NULL)
    edit_person (self, person);
}

static void
on_history_clicked_cb (GtkButton        *button,
                       ParaatPeoplePage *self)
{
  ParaatPerson *person = person_for (GTK_WIDGET (button));

  if (person == NULL)
    return;
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
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (person == NULL)
    return;

  heading = g_strdup_printf (_("Remove %s?"), paraat_person_get_name (person));
  dialog = adw_message_dialog_new (get_parent_window (self), heading,
                                   _("They disappear from the directory. Their past changes "
                                     "stay in the audit trail under their name."));
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
               GCallback         callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static GtkWidget *
add_label (GtkBox     *box,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
  return label;
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ParaatPeoplePage         *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *avatar = adw_avatar_new (32, NULL, TRUE);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), avatar);
  gtk_box_append (GTK_BOX (row), text);
  g_object_set_data (G_OBJECT (row), "avatar", avatar);
  g_object_set_data (G_OBJECT (row), "name", add_label (GTK_BOX (text), NULL));
  g_object_set_data (G_OBJECT (row), "subtitle", add_label (GTK_BOX (text), "dim-label"));
  g_object_set_data (G_OBJECT (row), "history",
                     suffix_button (self, "document-open-recent-symbolic", _("History"),
                                    G_CALLBACK (on_history_clicked_cb)));
  g_object_set_data (G_OBJECT (row), "remove",
                     suffix_button (self, "user-trash-symbolic", _("Remove"),
                                    G_CALLBACK (on_remove_clicked_cb)));
  gtk_box_append (GTK_BOX (row), g_object_get_data (G_OBJECT (row), "history"));
  gtk_box_append (GTK_BOX (row), g_object_get_data (G_OBJECT (row), "remove"));
  gtk_list_item_set_child (item, row);
}

static char *
person_search_text (ParaatPerson *person)
{
  return g_strjoin (" ", paraat_person_get_name (person), paraat_person_get_role (person),
                    paraat_person_get_email (person), NULL);
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

static void
label_button (GtkWidget  *row,
              const char *key,
              const char *action,
              const char *name)
{
  g_autofree char *label = g_strdup_printf ("%s: %s", action, name);

  gtk_accessible_update_property (g_object_get_data (G_OBJECT (row), key),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ParaatPeoplePage         *self)
{
  ParaatPerson *person = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  const char *name = paraat_person_get_name (person);
  g_autofree char *subtitle = describe_person (person);

  g_object_set_data_full (G_OBJECT (row), "person", g_object_ref (person), g_object_unref);
  adw_avatar_set_text (g_object_get_data (G_OBJECT (row), "avatar"), name);
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "name"), name);
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "subtitle"), subtitle);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "subtitle"), subtitle[0] != '\0');
  label_button (row, "history", _("History"), name);
  label_button (row, "remove", _("Remove"), name);
}

static void
update_empty_state (ParaatPeoplePage *self)
{
  guint n = self->filtered ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

/* The list is filled when the page is first shown: a list view builds rows for the
 * people at once, which a workspace that opens on another page need not wait for. */
static void
attach_people (ParaatPeoplePage *self)
{
  if (self->workspace != NULL && gtk_filter_list_model_get_model (self->filtered) == NULL)
    gtk_filter_list_model_set_model (self->filtered, paraat_workspace_get_people (self->workspace));
  update_empty_state (self);
}

void
paraat_people_page_set_workspace (ParaatPeoplePage *self,
                                  ParaatWorkspace  *workspace)
{
  g_return_if_fail (PARAAT_IS_PEOPLE_PAGE (self));

  if (!g_set_object (&self->workspace, workspace))
    return;

  gtk_filter_list_model_set_model (self->filtered, NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    attach_people (self);
}

/* The people shown, after the search filter. */
GListModel *
paraat_people_page_get_model (ParaatPeoplePage *self)
{
  g_return_val_if_fail (PARAAT_IS_PEOPLE_PAGE (self), NULL);

  attach_people (self);
  return G_LIST_MODEL (self->filtered);
}

static void
on_search_changed_cb (ParaatPeoplePage *self)
{
  gtk_string_filter_set_search (self->filter,
                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
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

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_PEOPLE_PAGE);
  g_clear_object (&self->filtered);
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
  gtk_widget_class_bind_template_child (widget_class, ParaatPeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ParaatPeoplePage, stack);
  gtk_widget_class_bind_template_child (widget_class, ParaatPeoplePage, list_view);
  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_action);
}

static void
paraat_people_page_init (ParaatPeoplePage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Search by name, role or e-mail address. */
  self->filter = gtk_string_filter_new (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0,
                                                                     NULL,
                                                                     G_CALLBACK (person_search_text),
                                                                     NULL, NULL));
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);

  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (on_search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_empty_state),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (attach_people), NULL);
}
