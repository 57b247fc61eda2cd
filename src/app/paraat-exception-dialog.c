/* paraat-exception-dialog.c — one exception: who may deviate from which requirements,
 * why, with which accepted risk, approved by whom and for how long
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "paraat-clock.h"
#include "paraat-exception-dialog.h"
#include "paraat-history-dialog.h"
#include "paraat-requirement.h"
#include "paraat-risk-dialog.h"
#include "paraat-risk.h"
#include "paraat-widget-util.h"

typedef enum
{
  HOLDER_PERSON,
  HOLDER_SCOPE_ITEM,
} HolderKind;

struct _ParaatExceptionDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkWidget       *history_button;
  GtkWidget       *error_banner;
  GtkLabel        *error_label;
  GtkWidget       *state_box;
  GtkImage        *state_icon;
  GtkLabel        *state_label;
  GtkWidget       *add_requirement_button;
  GtkPopover      *requirement_popover;
  GtkEntry        *requirement_entry;
  GtkLabel        *requirement_error;
  GtkListBox      *requirements_list;
  GtkWidget       *requirements_empty;
  GtkLabel        *requirements_error;
  AdwComboRow     *holder_kind_row;
  AdwComboRow     *person_row;
  AdwComboRow     *scope_item_row;
  GtkLabel        *holder_error;
  GtkWidget       *justification_frame;
  GtkTextView     *justification_view;
  GtkLabel        *justification_error;
  AdwComboRow     *approver_row;
  AdwComboRow     *risk_row;
  AdwEntryRow     *start_row;
  AdwEntryRow     *expiry_row;
  GtkLabel        *approval_error;
  GtkWidget       *remove_button;

  /* Owned references */
  ParaatWorkspace *workspace;
  gint64           exception_id;      /* 0 until a new exception is saved */
  GArray          *requirement_ids;   /* as edited, saved with the exception */
  GArray          *person_ids;        /* per choice after the "none" choice */
  GArray          *approver_ids;
  GArray          *scope_item_ids;
  GArray          *risk_ids;
};

G_DEFINE_FINAL_TYPE (ParaatExceptionDialog, paraat_exception_dialog, ADW_TYPE_WINDOW)

/* Choices */

static void
fill_people (ParaatExceptionDialog *self,
             AdwComboRow           *row,
             GArray                *ids,
             gint64                 selected_id)
{
  guint position;
  g_autoptr(GtkStringList) names = paraat_person_choices_new (self->workspace,
                                                              _("Choose a person"),
                                                              selected_id, ids, &position);

  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, position);
}

static void
fill_scope_items (ParaatExceptionDialog *self,
                  gint64                 selected_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char *[]) { _("Choose a scope item"), NULL });
  g_autoptr(GListModel) items = paraat_workspace_list_scope_items (self->workspace, NULL);
  guint position = 0;

  g_array_set_size (self->scope_item_ids, 0);
  for (guint i = 0; items && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ParaatScopeItem) item = g_list_model_get_item (items, i);
      gint64 id = paraat_scope_item_get_id (item);
      /* Translators: a scope item to choose, "Payroll system · Systems" */
      g_autofree char *name = g_strdup_printf (_("%s · %s"), paraat_scope_item_get_name (item),
                                               paraat_scope_kind_label (paraat_scope_item_get_kind (item)));

      gtk_string_list_append (names, name);
      g_array_append_val (self->scope_item_ids, id);
      if (id == selected_id)
        position = i + 1;
    }
  adw_combo_row_set_model (self->scope_item_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->scope_item_row, position);
}

static gint64
selected_risk_id (ParaatExceptionDialog *self)
{
  return paraat_person_choice_get_id (self->risk_ids, adw_combo_row_get_selected (self->risk_row));
}

static void
on_risk_changed_cb (ParaatExceptionDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exception.open-risk",
                                 selected_risk_id (self) != 0);
}

static void
open_risk_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  ParaatExceptionDialog *self = PARAAT_EXCEPTION_DIALOG (widget);
  gint64 id = selected_risk_id (self);

  if (id != 0)
    gtk_window_present (GTK_WINDOW (paraat_risk_dialog_new (GTK_WINDOW (self), self->workspace,
                                                            id)));
}

static void
fill_risks (ParaatExceptionDialog *self,
            gint64                 selected_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char *[]) { _("No accepted risk"), NULL });
  g_autoptr(GListModel) risks = paraat_workspace_list_risks (self->workspace, NULL);
  guint position = 0;

  g_array_set_size (self->risk_ids, 0);
  for (guint i = 0; risks && i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(ParaatRisk) risk = g_list_model_get_item (risks, i);
      gint64 id = paraat_risk_get_id (risk);

      gtk_string_list_append (names, paraat_risk_get_title (risk));
      g_array_append_val (self->risk_ids, id);
      if (id == selected_id)
        position = i + 1;
    }
  adw_combo_row_set_model (self->risk_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->risk_row, position);
  on_risk_changed_cb (self);
}

static HolderKind
holder_kind (ParaatExceptionDialog *self)
{
  return adw_combo_row_get_selected (self->holder_kind_row) == HOLDER_SCOPE_ITEM
         ? HOLDER_SCOPE_ITEM : HOLDER_PERSON;
}

static void
on_holder_kind_changed_cb (ParaatExceptionDialog *self)
{
  gboolean person = holder_kind (self) == HOLDER_PERSON;

  gtk_widget_set_visible (GTK_WIDGET (self->person_row), person);
  gtk_widget_set_visible (GTK_WIDGET (self->scope_item_row), !person);
}

/* Requirements: edited here, saved with the exception */

static void fill_requirements (ParaatExceptionDialog *self);

static void
on_requirement_remove_cb (GtkButton             *button,
                          ParaatExceptionDialog *self)
{
  paraat_ids_remove (self->requirement_ids, paraat_remove_button_get_id (button));
  fill_requirements (self);
}

static void
fill_requirements (ParaatExceptionDialog *self)
{
  paraat_requirement_list_fill (self->requirements_list, self->workspace, self->requirement_ids,
                                G_CALLBACK (on_requirement_remove_cb), self);
  gtk_widget_set_visible (self->requirements_empty, self->requirement_ids->len == 0);
}

static void
on_requirement_activate_cb (ParaatExceptionDialog *self)
{
  if (!paraat_requirement_entry_add (GTK_EDITABLE (self->requirement_entry),
                                     self->requirement_error, self->requirement_popover,
                                     self->workspace, self->requirement_ids))
    return;
  fill_requirements (self);
  gtk_widget_set_visible (GTK_WIDGET (self->requirements_error), FALSE);
}

/* Errors */

static GtkWidget *
marked_fields (ParaatExceptionDialog *self,
               guint                  i)
{
  GtkWidget *fields[] = {
    self->add_requirement_button, GTK_WIDGET (self->person_row),
    GTK_WIDGET (self->scope_item_row), self->justification_frame,
    GTK_WIDGET (self->approver_row), GTK_WIDGET (self->start_row),
    GTK_WIDGET (self->expiry_row),
  };

  return i < G_N_ELEMENTS (fields) ? fields[i] : NULL;
}

static void
clear_errors (ParaatExceptionDialog *self)
{
  GtkLabel *labels[] = { self->requirements_error, self->holder_error,
                         self->justification_error, self->approval_error };
  GtkWidget *field;

  gtk_widget_set_visible (self->error_banner, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    gtk_widget_set_visible (GTK_WIDGET (labels[i]), FALSE);
  for (guint i = 0; (field = marked_fields (self, i)); i++)
    gtk_widget_remove_css_class (field, "error");
}

static gboolean
is_date (const char *text)
{
  guint year, month, day;

  return strlen (text) == 10 && sscanf (text, "%4u-%2u-%2u", &year, &month, &day) == 3 &&
         g_date_valid_dmy (day, month, year);
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  return copy[0] == '\0';
}

/* Which field a refusal of SPEC is about, and the label under it; NULL for none. */
static GtkWidget *
find_bad_field (ParaatExceptionDialog      *self,
                const ParaatExceptionSpec  *spec,
                GtkLabel                  **label)
{
  gboolean person = holder_kind (self) == HOLDER_PERSON;

  *label = self->requirements_error;
  if (spec->n_requirements == 0)
    return self->add_requirement_button;

  *label = self->holder_error;
  if ((person ? spec->person_id : spec->scope_item_id) == 0)
    return GTK_WIDGET (person ? self->person_row : self->scope_item_row);

  *label = self->justification_error;
  if (is_blank (spec->justification))
    return self->justification_frame;

  *label = self->approval_error;
  if (spec->approver_id == 0 || (person && spec->approver_id == spec->person_id))
    return GTK_WIDGET (self->approver_row);
  if (!is_date (spec->start_date))
    return GTK_WIDGET (self->start_row);
  if (!is_date (spec->expiry_date) || strcmp (spec->expiry_date, spec->start_date) <= 0)
    return GTK_WIDGET (self->expiry_row);
  return NULL;
}

/* The core words the refusal; it is shown under the field it is about, when there is one. */
static void
show_error (ParaatExceptionDialog     *self,
            const ParaatExceptionSpec *spec,
            const char                *message)
{
  GtkLabel *label = NULL;
  GtkWidget *field = spec ? find_bad_field (self, spec, &label) : NULL;

  clear_errors (self);
  if (field == NULL)
    {
      gtk_label_set_label (self->error_label, message);
      gtk_widget_set_visible (self->error_banner, TRUE);
      return;
    }
  paraat_label_show_error (label, message, field);
  if (field == self->justification_frame)
    gtk_widget_grab_focus (GTK_WIDGET (self->justification_view));
}

/* Saving */

/* What the fields say. JUSTIFICATION receives the text view's text, which SPEC points to. */
static void
read_fields (ParaatExceptionDialog *self,
             ParaatExceptionSpec   *spec,
             char                 **justification)
{
  gboolean person = holder_kind (self) == HOLDER_PERSON;

  *justification = paraat_text_view_dup_text (self->justification_view);
  *spec = (ParaatExceptionSpec) {
    .requirement_ids = (const gint64 *) (gpointer) self->requirement_ids->data,
    .n_requirements = self->requirement_ids->len,
    .person_id = person ? paraat_person_choice_get_id (self->person_ids,
                                                       adw_combo_row_get_selected (self->person_row))
                        : 0,
    .scope_item_id = person ? 0 : paraat_person_choice_get_id (self->scope_item_ids,
                                                               adw_combo_row_get_selected (self->scope_item_row)),
    .justification = *justification,
    .risk_id = selected_risk_id (self),
    .approver_id = paraat_person_choice_get_id (self->approver_ids,
                                                adw_combo_row_get_selected (self->approver_row)),
    .start_date = gtk_editable_get_text (GTK_EDITABLE (self->start_row)),
    .expiry_date = gtk_editable_get_text (GTK_EDITABLE (self->expiry_row)),
  };
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ParaatExceptionDialog *self = PARAAT_EXCEPTION_DIALOG (widget);
  g_autofree char *justification = NULL;
  g_autoptr(GError) error = NULL;
  ParaatExceptionSpec spec;
  gboolean ok;

  read_fields (self, &spec, &justification);
  if (self->exception_id == 0)
    ok = (self->exception_id = paraat_workspace_add_exception (self->workspace, &spec,
                                                               &error)) != 0;
  else
    ok = paraat_workspace_update_exception (self->workspace, self->exception_id, &spec, &error);
  if (!ok)
    {
      show_error (self, &spec, error->message);
      return;
    }
  clear_errors (self);
  gtk_window_close (GTK_WINDOW (self));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ParaatExceptionDialog *self = PARAAT_EXCEPTION_DIALOG (widget);

  gtk_window_present (GTK_WINDOW (paraat_history_dialog_new (GTK_WINDOW (self), self->workspace,
                                                             "exception", self->exception_id,
                                                             gtk_window_get_title (GTK_WINDOW (self)))));
}

static void
on_remove_response_cb (ParaatExceptionDialog *self,
                       const char            *response)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "remove"))
    return;
  if (!paraat_workspace_remove_exception (self->workspace, self->exception_id, &error))
    {
      show_error (self, NULL, error->message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  paraat_confirm_remove (GTK_WINDOW (widget), _("Remove Exception?"),
                         _("The requirements apply again in full. "
                           "The exception stays in the audit trail."),
                         G_CALLBACK (on_remove_response_cb), widget);
}

/* Loading */

/* Expired and expiring are said in words with an icon, not by colour alone. */
static void
fill_state (ParaatExceptionDialog *self,
            ParaatException       *exception)
{
  const char *icon_name = NULL;
  g_autofree char *text = paraat_exception_dup_state_text (exception, &icon_name);
  ParaatExceptionState state = paraat_exception_get_state (exception);

  gtk_label_set_label (self->state_label, text);
  gtk_image_set_from_icon_name (self->state_icon, icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->state_icon), icon_name != NULL);
  gtk_widget_remove_css_class (self->state_box, "error");
  gtk_widget_remove_css_class (self->state_box, "warning");
  if (state == PARAAT_EXCEPTION_EXPIRED)
    gtk_widget_add_css_class (self->state_box, "error");
  else if (state == PARAAT_EXCEPTION_EXPIRING)
    gtk_widget_add_css_class (self->state_box, "warning");
  gtk_widget_set_visible (self->state_box, TRUE);
  adw_window_title_set_subtitle (self->window_title, text);
}

static void
fill_fields (ParaatExceptionDialog *self,
             ParaatException       *exception)
{
  guint n = 0;
  const gint64 *ids = paraat_exception_get_requirement_ids (exception, &n);
  gint64 scope_item_id = paraat_exception_get_scope_item_id (exception);

  g_array_set_size (self->requirement_ids, 0);
  g_array_append_vals (self->requirement_ids, ids, n);
  fill_requirements (self);
  adw_combo_row_set_selected (self->holder_kind_row,
                              scope_item_id != 0 ? HOLDER_SCOPE_ITEM : HOLDER_PERSON);
  fill_people (self, self->person_row, self->person_ids, paraat_exception_get_person_id (exception));
  fill_scope_items (self, scope_item_id);
  fill_people (self, self->approver_row, self->approver_ids,
               paraat_exception_get_approver_id (exception));
  fill_risks (self, paraat_exception_get_risk_id (exception));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->justification_view),
                            paraat_exception_get_justification (exception), -1);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), paraat_exception_get_start_date (exception));
  gtk_editable_set_text (GTK_EDITABLE (self->expiry_row),
                         paraat_exception_get_expiry_date (exception));
}

static void
refresh_state (ParaatExceptionDialog *self)
{
  g_autoptr(ParaatException) exception = NULL;

  if (self->exception_id == 0)
    return;
  exception = paraat_workspace_get_exception (self->workspace, self->exception_id, NULL);
  if (exception != NULL)
    fill_state (self, exception);
}

/* Choices follow the registers, keeping what is chosen; the fields being edited stay. */
static void
on_workspace_changed_cb (ParaatExceptionDialog *self,
                         const char            *object_type)
{
  if (g_str_equal (object_type, "exception"))
    refresh_state (self);
  else if (g_str_equal (object_type, "risk"))
    fill_risks (self, selected_risk_id (self));
  else if (g_str_equal (object_type, "scope"))
    fill_scope_items (self, paraat_person_choice_get_id (self->scope_item_ids,
                                                         adw_combo_row_get_selected (self->scope_item_row)));
  else if (g_str_equal (object_type, "person"))
    {
      fill_people (self, self->person_row, self->person_ids,
                   paraat_person_choice_get_id (self->person_ids,
                                                adw_combo_row_get_selected (self->person_row)));
      fill_people (self, self->approver_row, self->approver_ids,
                   paraat_person_choice_get_id (self->approver_ids,
                                                adw_combo_row_get_selected (self->approver_row)));
    }
}

static void
on_workspace_closed_cb (ParaatExceptionDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_field_changed_cb (GtkWidget *field)
{
  gtk_widget_remove_css_class (field, "error");
}

static void
on_justification_changed_cb (ParaatExceptionDialog *self)
{
  gtk_widget_remove_css_class (self->justification_frame, "error");
}

/* Construction */

static void
paraat_exception_dialog_dispose (GObject *object)
{
  ParaatExceptionDialog *self = PARAAT_EXCEPTION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_EXCEPTION_DIALOG);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->requirement_ids, g_array_unref);
  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_pointer (&self->approver_ids, g_array_unref);
  g_clear_pointer (&self->scope_item_ids, g_array_unref);
  g_clear_pointer (&self->risk_ids, g_array_unref);

  G_OBJECT_CLASS (paraat_exception_dialog_parent_class)->dispose (object);
}

static void
paraat_exception_dialog_class_init (ParaatExceptionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_exception_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-exception-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ParaatExceptionDialog, name)
  BIND (window_title);
  BIND (history_button);
  BIND (error_banner);
  BIND (error_label);
  BIND (state_box);
  BIND (state_icon);
  BIND (state_label);
  BIND (add_requirement_button);
  BIND (requirement_popover);
  BIND (requirement_entry);
  BIND (requirement_error);
  BIND (requirements_list);
  BIND (requirements_empty);
  BIND (requirements_error);
  BIND (holder_kind_row);
  BIND (person_row);
  BIND (scope_item_row);
  BIND (holder_error);
  BIND (justification_frame);
  BIND (justification_view);
  BIND (justification_error);
  BIND (approver_row);
  BIND (risk_row);
  BIND (start_row);
  BIND (expiry_row);
  BIND (approval_error);
  BIND (remove_button);
#undef BIND

  gtk_widget_class_install_action (widget_class, "exception.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "exception.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "exception.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "exception.open-risk", NULL, open_risk_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "exception.save", NULL);
}

static void
paraat_exception_dialog_init (ParaatExceptionDialog *self)
{
  GtkWidget *fields[5];

  gtk_widget_init_template (GTK_WIDGET (self));
  fields[0] = GTK_WIDGET (self->person_row);
  fields[1] = GTK_WIDGET (self->scope_item_row);
  fields[2] = GTK_WIDGET (self->approver_row);
  fields[3] = GTK_WIDGET (self->start_row);
  fields[4] = GTK_WIDGET (self->expiry_row);

  self->requirement_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->approver_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->scope_item_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->risk_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_signal_connect_swapped (self->requirement_entry, "activate",
                            G_CALLBACK (on_requirement_activate_cb), self);
  g_signal_connect_swapped (self->holder_kind_row, "notify::selected",
                            G_CALLBACK (on_holder_kind_changed_cb), self);
  g_signal_connect_swapped (self->risk_row, "notify::selected",
                            G_CALLBACK (on_risk_changed_cb), self);
  /* A field marked as refused loses the mark once it is edited. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_signal_connect (fields[i], ADW_IS_COMBO_ROW (fields[i]) ? "notify::selected" : "changed",
                      G_CALLBACK (on_field_changed_cb), NULL);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->justification_view), "changed",
                            G_CALLBACK (on_justification_changed_cb), self);
  on_holder_kind_changed_cb (self);
}

static void
setup_new (ParaatExceptionDialog *self)
{
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (paraat_clock_now_ms () / 1000);

  today = g_date_time_format (now, "%Y-%m-%d");
  gtk_window_set_title (GTK_WINDOW (self), _("New Exception"));
  adw_window_title_set_title (self->window_title, _("New Exception"));
  gtk_widget_set_visible (self->history_button, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exception.history", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exception.remove", FALSE);
  fill_requirements (self);
  fill_people (self, self->person_row, self->person_ids, 0);
  fill_scope_items (self, 0);
  fill_people (self, self->approver_row, self->approver_ids, 0);
  fill_risks (self, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), today);
}

static gboolean
setup_existing (ParaatExceptionDialog  *self,
                GError                **error)
{
  g_autoptr(ParaatException) exception = paraat_workspace_get_exception (self->workspace,
                                                                         self->exception_id,
                                                                         error);

  if (exception == NULL)
    return FALSE;
  gtk_window_set_title (GTK_WINDOW (self), paraat_exception_get_requirements_label (exception));
  adw_window_title_set_title (self->window_title, _("Exception"));
  gtk_widget_set_visible (self->remove_button, TRUE);
  fill_fields (self, exception);
  fill_state (self, exception);
  return TRUE;
}

/* An exception that cannot be read leaves a dialog that says so and saves nothing. */
ParaatExceptionDialog *
paraat_exception_dialog_new (GtkWindow       *parent,
                             ParaatWorkspace *workspace,
                             gint64           exception_id)
{
  ParaatExceptionDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (PARAAT_TYPE_EXCEPTION_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->exception_id = exception_id;
  g_signal_connect_object (workspace, "changed", G_CALLBACK (on_workspace_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "closed", G_CALLBACK (on_workspace_closed_cb), self,
                           G_CONNECT_SWAPPED);

  if (exception_id == 0)
    setup_new (self);
  else if (!setup_existing (self, &error))
    {
      show_error (self, NULL, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "exception.save", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "exception.history", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "exception.remove", FALSE);
    }
  return self;
}

gint64
paraat_exception_dialog_get_exception_id (ParaatExceptionDialog *self)
{
  g_return_val_if_fail (PARAAT_IS_EXCEPTION_DIALOG (self), 0);

  return self->exception_id;
}

/* The refusal shown, under a field or in the banner */
const char *
paraat_exception_dialog_get_error (ParaatExceptionDialog *self)
{
  GtkLabel *labels[] = { self->error_label, self->requirements_error, self->holder_error,
                         self->justification_error, self->approval_error };

  g_return_val_if_fail (PARAAT_IS_EXCEPTION_DIALOG (self), NULL);

  if (gtk_widget_get_visible (self->error_banner))
    return gtk_label_get_label (self->error_label);
  for (guint i = 1; i < G_N_ELEMENTS (labels); i++)
    if (gtk_widget_get_visible (GTK_WIDGET (labels[i])))
      return gtk_label_get_label (labels[i]);
  return NULL;
}
