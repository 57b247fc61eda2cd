/* paraat-escalation-view.c — overdue actions by owner, with a reminder per owner
 *
 * Escalation is about people: who has to be chased, for how much and for how long.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-action.h"
#include "paraat-action-dialog.h"
#include "paraat-escalation-view.h"
#include "paraat-widget-util.h"

struct _ParaatEscalationView
{
  AdwBin           parent_instance;

  GtkBox          *box;
  ParaatWorkspace *workspace;
  GPtrArray       *owners;   /* Owner*, in the order shown */
};

typedef struct
{
  gint64     owner_id;
  char      *name;
  GPtrArray *actions;        /* ParaatAction*, most overdue first */
  int        max_days;
} Owner;

G_DEFINE_FINAL_TYPE (ParaatEscalationView, paraat_escalation_view, ADW_TYPE_BIN)

static void
owner_free (Owner *owner)
{
  g_free (owner->name);
  g_ptr_array_unref (owner->actions);
  g_free (owner);
}

static int
compare_overdue (gconstpointer a,
                 gconstpointer b)
{
  return paraat_action_get_days_overdue (*(ParaatAction **) b) -
         paraat_action_get_days_overdue (*(ParaatAction **) a);
}

static int
compare_owners (gconstpointer a,
                gconstpointer b)
{
  const Owner *x = *(const Owner **) a;
  const Owner *y = *(const Owner **) b;

  if (x->actions->len != y->actions->len)
    return (int) y->actions->len - (int) x->actions->len;
  return y->max_days - x->max_days;
}

static void
group_by_owner (ParaatEscalationView *self,
                GListModel           *actions)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_ptr_array_set_size (self->owners, 0);
  for (guint i = 0; actions && i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(ParaatAction) action = g_list_model_get_item (actions, i);
      gint64 id = paraat_action_get_owner_id (action);
      Owner *owner;

      if (!paraat_action_is_overdue (action))
        continue;
      if (!(owner = g_hash_table_lookup (by_id, &id)))
        {
          owner = g_new0 (Owner, 1);
          owner->owner_id = id;
          owner->name = g_strdup (paraat_action_get_owner_name (action));
          owner->actions = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (self->owners, owner);
          g_hash_table_insert (by_id, &owner->owner_id, owner);
        }
      owner->max_days = MAX (owner->max_days, paraat_action_get_days_overdue (action));
      g_ptr_array_add (owner->actions, g_steal_pointer (&action));
    }
  for (guint i = 0; i < self->owners->len; i++)
    g_ptr_array_sort (((Owner *) g_ptr_array_index (self->owners, i))->actions, compare_overdue);
  g_ptr_array_sort (self->owners, compare_owners);
}

static void
on_remind_cb (GtkButton            *button,
              ParaatEscalationView *self)
{
  gint64 *owner_id = g_object_get_data (G_OBJECT (button), "owner-id");
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = paraat_workspace_build_reminder_uri (self->workspace, *owner_id, &error);
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (uri != NULL)
    gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), uri, GDK_CURRENT_TIME);
  else if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), paraat_toast_new (error->message));
}

static void
on_action_activated_cb (AdwActionRow         *row,
                        ParaatEscalationView *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "action-id");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_window_present (GTK_WINDOW (paraat_action_dialog_new (GTK_WINDOW (root), self->workspace, *id)));
}

static GtkWidget *
action_row_new (ParaatEscalationView *self,
                ParaatAction         *action)
{
  GtkWidget *row = adw_action_row_new ();
  int days = paraat_action_get_days_overdue (action);
  gint64 id = paraat_action_get_id (action);
  /* Translators: "due 2026-09-01 · 82 days overdue · High" */
  g_autofree char *subtitle =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "due %s · %d day overdue · %s",
                                  "due %s · %d days overdue · %s", days),
                     paraat_action_get_due_date (action), days,
                     paraat_priority_label (paraat_action_get_priority (action)));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), paraat_action_get_title (action));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("alarm-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "action-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (on_action_activated_cb), self);
  return row;
}

static GtkWidget *
owner_group_new (ParaatEscalationView *self,
                 Owner                *owner)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *remind = gtk_button_new_with_mnemonic (_("_Remind Owner…"));
  g_autofree char *description =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue action, up to %d days late",
                                  "%u overdue actions, up to %d days late", owner->actions->len),
                     owner->actions->len, owner->max_days);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), owner->name);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_widget_set_valign (remind, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remind, _("Opens your mail program with a message listing these actions"));
  g_object_set_data_full (G_OBJECT (remind), "owner-id",
                          g_memdup2 (&owner->owner_id, sizeof owner->owner_id), g_free);
  g_signal_connect (remind, "clicked", G_CALLBACK (on_remind_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), remind);
  for (guint i = 0; i < owner->actions->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               action_row_new (self, g_ptr_array_index (owner->actions, i)));
  return group;
}

void
paraat_escalation_view_set_actions (ParaatEscalationView *self,
                                    ParaatWorkspace      *workspace,
                                    GListModel           *actions)
{
  GtkWidget *child;

  g_return_if_fail (PARAAT_IS_ESCALATION_VIEW (self));

  g_set_object (&self->workspace, workspace);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))))
    gtk_box_remove (self->box, child);
  group_by_owner (self, actions);

  if (self->owners->len == 0)
    {
      GtkWidget *status = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "object-select-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Nothing Overdue"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("Every active action is still within its due date."));
      gtk_box_append (self->box, status);
      return;
    }
  for (guint i = 0; i < self->owners->len; i++)
    gtk_box_append (self->box, owner_group_new (self, g_ptr_array_index (self->owners, i)));
}

GStrv
paraat_escalation_view_dup_owners (ParaatEscalationView *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PARAAT_IS_ESCALATION_VIEW (self), NULL);

  for (guint i = 0; i < self->owners->len; i++)
    g_strv_builder_add (builder, ((Owner *) g_ptr_array_index (self->owners, i))->name);
  return g_strv_builder_end (builder);
}

static void
paraat_escalation_view_dispose (GObject *object)
{
  ParaatEscalationView *self = PARAAT_ESCALATION_VIEW (object);

  g_clear_pointer (&self->owners, g_ptr_array_unref);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (paraat_escalation_view_parent_class)->dispose (object);
}

static void
paraat_escalation_view_class_init (ParaatEscalationViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = paraat_escalation_view_dispose;
}

static void
paraat_escalation_view_init (ParaatEscalationView *self)
{
  self->owners = g_ptr_array_new_with_free_func ((GDestroyNotify) owner_free);
  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->box));
}
