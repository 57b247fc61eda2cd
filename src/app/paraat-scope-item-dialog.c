/* paraat-scope-item-dialog.c — add or edit one item of the scope register
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-history-dialog.h"
#include "paraat-risk.h"
#include "paraat-scope-item-dialog.h"
#include "paraat-widget-util.h"

struct _ParaatScopeItemDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwComboRow     *kind_row;
  AdwEntryRow     *name_row;
  AdwEntryRow     *description_row;
  GtkSwitch       *in_scope_switch;
  AdwEntryRow     *justification_row;
  GtkLabel        *error_label;
  GtkLabel        *usage_label;
  GtkWidget       *history_button;
  GtkWidget       *remove_button;

  /* Owned references */
  ParaatWorkspace *workspace;
  ParaatScopeItem *item;        /* NULL while adding */
};

G_DEFINE_FINAL_TYPE (ParaatScopeItemDialog, paraat_scope_item_dialog, ADW_TYPE_WINDOW)

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
is_blank (const char *text)
{
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* The core words the refusal; the field it is about is the first one a user left wrong. */
static void
show_error (ParaatScopeItemDialog *self,
            const char            *message)
{
  GtkWidget *field = NULL;

  if (is_blank (text_of (self->name_row)))
    field = GTK_WIDGET (self->name_row);
  else if (!gtk_switch_get_active (self->in_scope_switch) &&
           is_blank (text_of (self->justification_row)))
    field = GTK_WIDGET (self->justification_row);
  paraat_label_show_error (self->error_label, message, field);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ParaatScopeItemDialog *self = PARAAT_SCOPE_ITEM_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  ParaatScopeSpec spec = {
    .kind = MIN (adw_combo_row_get_selected (self->kind_row), PARAAT_N_SCOPE_KINDS - 1),
    .name = text_of (self->name_row),
    .description = text_of (self->description_row),
    .in_scope = gtk_switch_get_active (self->in_scope_switch),
    .justification = text_of (self->justification_row),
  };
  gboolean ok;

  if (self->item == NULL)
    ok = paraat_workspace_add_scope_item (self->workspace, &spec, &error) != 0;
  else
    ok = paraat_workspace_update_scope_item (self->workspace,
                                             paraat_scope_item_get_id (self->item), &spec,
                                             &error);
  if (!ok)
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ParaatScopeItemDialog *self = PARAAT_SCOPE_ITEM_DIALOG (widget);

  gtk_window_present (GTK_WINDOW (paraat_history_dialog_new (GTK_WINDOW (self), self->workspace,
                                                             "scope",
                                                             paraat_scope_item_get_id (self->item),
                                                             paraat_scope_item_get_name (self->item))));
}

static void
on_remove_response_cb (ParaatScopeItemDialog *self,
                       const char            *response)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "remove"))
    return;
  /* Refused while a risk or an exception names the item: the core says which. */
  if (!paraat_workspace_remove_scope_item (self->workspace, paraat_scope_item_get_id (self->item),
                                           &error))
    {
      paraat_label_show_error (self->error_label, error->message, NULL);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ParaatScopeItemDialog *self = PARAAT_SCOPE_ITEM_DIALOG (widget);
  g_autofree char *heading = g_strdup_printf (_("Remove %s?"),
                                              paraat_scope_item_get_name (self->item));

  paraat_confirm_remove (GTK_WINDOW (self), heading,
                         _("It leaves the scope register. Its past "
                           "changes stay in the audit trail."),
                         G_CALLBACK (on_remove_response_cb), self);
}

/* Out of scope needs a reason an auditor can accept; in scope it is only a note. */
static void
on_in_scope_changed_cb (ParaatScopeItemDialog *self)
{
  gboolean in_scope = gtk_switch_get_active (self->in_scope_switch);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->justification_row),
                                 in_scope ? _("Justification (optional)")
                                          : _("Why it is out of scope"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->justification_row), "error");
}

static void
on_field_changed_cb (ParaatScopeItemDialog *self,
                     GtkWidget             *field)
{
  gtk_widget_remove_css_class (field, "error");
}

static void
on_entry_activated_cb (ParaatScopeItemDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "scope-item.save", NULL);
}

static void
fill_kinds (ParaatScopeItemDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  for (guint i = 0; i < PARAAT_N_SCOPE_KINDS; i++)
    gtk_string_list_append (kinds, paraat_scope_kind_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

static void
fill_item (ParaatScopeItemDialog *self)
{
  ParaatScopeItem *item = self->item;
  guint n_risks = paraat_scope_item_get_n_risks (item);
  g_autofree char *usage = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Named by %u risk.",
                                                         "Named by %u risks.", n_risks),
                                            n_risks);

  adw_combo_row_set_selected (self->kind_row, paraat_scope_item_get_kind (item));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), paraat_scope_item_get_name (item));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         paraat_scope_item_get_description (item));
  gtk_switch_set_active (self->in_scope_switch, paraat_scope_item_get_in_scope (item));
  gtk_editable_set_text (GTK_EDITABLE (self->justification_row),
                         paraat_scope_item_get_justification (item));
  gtk_label_set_label (self->usage_label, usage);
  gtk_widget_set_visible (GTK_WIDGET (self->usage_label), n_risks > 0);
}

static void
paraat_scope_item_dialog_dispose (GObject *object)
{
  ParaatScopeItemDialog *self = PARAAT_SCOPE_ITEM_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_SCOPE_ITEM_DIALOG);
  g_clear_object (&self->workspace);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (paraat_scope_item_dialog_parent_class)->dispose (object);
}

static void
paraat_scope_item_dialog_class_init (ParaatScopeItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_scope_item_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-scope-item-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ParaatScopeItemDialog, name)
  BIND (kind_row);
  BIND (name_row);
  BIND (description_row);
  BIND (in_scope_switch);
  BIND (justification_row);
  BIND (error_label);
  BIND (usage_label);
  BIND (history_button);
  BIND (remove_button);
#undef BIND

  gtk_widget_class_install_action (widget_class, "scope-item.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "scope-item.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "scope-item.remove", NULL, remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "scope-item.save", NULL);
}

static void
paraat_scope_item_dialog_init (ParaatScopeItemDialog *self)
{
  AdwEntryRow *entries[3];

  gtk_widget_init_template (GTK_WIDGET (self));
  entries[0] = self->name_row;
  entries[1] = self->description_row;
  entries[2] = self->justification_row;
  fill_kinds (self);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_signal_connect_swapped (entries[i], "entry-activated",
                                G_CALLBACK (on_entry_activated_cb), self);
      g_signal_connect_swapped (entries[i], "changed", G_CALLBACK (on_field_changed_cb), self);
    }
  g_signal_connect_swapped (self->in_scope_switch, "notify::active",
                            G_CALLBACK (on_in_scope_changed_cb), self);
  on_in_scope_changed_cb (self);
}

/* An item that cannot be read leaves a dialog that says so and saves nothing. */
ParaatScopeItemDialog *
paraat_scope_item_dialog_new (GtkWindow       *parent,
                              ParaatWorkspace *workspace,
                              gint64           item_id)
{
  ParaatScopeItemDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (PARAAT_TYPE_SCOPE_ITEM_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  gtk_window_set_title (GTK_WINDOW (self), item_id ? _("Edit Scope Item") : _("Add Scope Item"));
  gtk_widget_set_visible (self->history_button, item_id != 0);
  gtk_widget_set_visible (self->remove_button, item_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scope-item.history", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scope-item.remove", FALSE);

  if (item_id != 0)
    {
      self->item = paraat_workspace_get_scope_item (workspace, item_id, &error);
      if (self->item == NULL)
        {
          paraat_label_show_error (self->error_label, error->message, NULL);
          gtk_widget_action_set_enabled (GTK_WIDGET (self), "scope-item.save", FALSE);
          return self;
        }
      fill_item (self);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "scope-item.history", TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "scope-item.remove", TRUE);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

const char *
paraat_scope_item_dialog_get_error (ParaatScopeItemDialog *self)
{
  g_return_val_if_fail (PARAAT_IS_SCOPE_ITEM_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_label (self->error_label);
}
