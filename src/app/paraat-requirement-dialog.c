/* paraat-requirement-dialog.c — a requirement's guidance and its register data
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-action.h"
#include "paraat-action-dialog.h"
#include "paraat-catalog.h"
#include "paraat-evidence.h"
#include "paraat-evidence-dialog.h"
#include "paraat-evidence-importer.h"
#include "paraat-exception-dialog.h"
#include "paraat-history-dialog.h"
#include "paraat-requirement.h"
#include "paraat-requirement-dialog.h"
#include "paraat-risk.h"
#include "paraat-widget-util.h"

struct _ParaatRequirementDialog
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkLabel          *title_label;
  GtkLabel          *framework_label;
  GtkLabel          *guidance_label;
  GtkLabel          *question_label;
  GtkLabel          *tracks_label;
  GtkSwitch         *applicable_switch;
  AdwEntryRow       *justification_row;
  AdwComboRow       *status_row;
  AdwComboRow       *owner_row;
  GtkTextView       *notes_view;
  GtkLabel          *tracks_status_label;
  GtkListBox        *evidence_list;
  GtkListBox        *actions_list;
  GtkWidget         *exceptions_group;
  GtkListBox        *exceptions_list;
  GtkWidget         *mapped_group;
  GtkListBox        *mapped_list;
  GtkLabel          *error_label;

  /* Owned references */
  ParaatWorkspace   *workspace;
  ParaatRequirement *requirement;
  GArray            *owner_ids;
  ParaatEvidenceImporter *importer;
};

G_DEFINE_FINAL_TYPE (ParaatRequirementDialog, paraat_requirement_dialog, ADW_TYPE_WINDOW)

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ParaatRequirementDialog *self = PARAAT_REQUIREMENT_DIALOG (widget);
  g_autofree char *notes = paraat_text_view_dup_text (self->notes_view);
  g_autoptr(GError) error = NULL;
  ParaatRequirementState state = {
    .applicable = gtk_switch_get_active (self->applicable_switch),
    .justification = gtk_editable_get_text (GTK_EDITABLE (self->justification_row)),
    .status = (ParaatImplementationStatus) adw_combo_row_get_selected (self->status_row),
    .owner_id = paraat_person_choice_get_id (self->owner_ids,
                                             adw_combo_row_get_selected (self->owner_row)),
    .notes = notes,
  };

  if (!paraat_workspace_update_requirement (self->workspace,
                                            paraat_requirement_get_id (self->requirement),
                                            &state, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      if (!state.applicable)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->justification_row), "error");
          gtk_widget_grab_focus (GTK_WIDGET (self->justification_row));
        }
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ParaatRequirementDialog *self = PARAAT_REQUIREMENT_DIALOG (widget);
  g_autofree char *name = paraat_requirement_dup_display_name (self->requirement);

  gtk_window_present (GTK_WINDOW (paraat_history_dialog_new (GTK_WINDOW (self), self->workspace,
                                                             "requirement",
                                                             paraat_requirement_get_id (self->requirement),
                                                             name)));
}

static void
on_applicable_changed_cb (ParaatRequirementDialog *self)
{
  gboolean applicable = gtk_switch_get_active (self->applicable_switch);

  gtk_widget_set_visible (GTK_WIDGET (self->justification_row), !applicable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), applicable);
}

static void
on_mapped_activated_cb (ParaatRequirementDialog *self,
                        GtkListBoxRow           *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "requirement-id"));

  gtk_window_present (GTK_WINDOW (paraat_requirement_dialog_new (GTK_WINDOW (self),
                                                                 self->workspace, id)));
}

static char *
describe_tracks (guint tracks)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (tracks & PARAAT_TRACK_POLICY)
    g_ptr_array_add (names, (gpointer) _("policy"));
  if (tracks & PARAAT_TRACK_OPERATION)
    g_ptr_array_add (names, (gpointer) _("operation"));
  if (tracks & PARAAT_TRACK_MONITORING)
    g_ptr_array_add (names, (gpointer) _("monitoring"));
  g_ptr_array_add (names, NULL);

  if (names->len == 1)
    return NULL;
  joined = g_strjoinv (", ", (char **) names->pdata);
  return g_strdup_printf (_("Evidence an auditor expects: %s"), joined);
}

static void
fill_mapped (ParaatRequirementDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) mapped = paraat_workspace_list_mapped (self->workspace,
                                                               paraat_requirement_get_id (self->requirement),
                                                               &error);
  guint n = mapped ? g_list_model_get_n_items (mapped) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatRequirement) other = g_list_model_get_item (mapped, i);
      g_autofree char *title = paraat_requirement_dup_display_name (other);
      g_autofree char *subtitle =
        g_strdup_printf ("%s · %s", paraat_requirement_get_framework_title (other),
                         paraat_requirement_get_applicable (other)
                           ? paraat_implementation_status_label (paraat_requirement_get_status (other))
                           : _("Not applicable"));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data (G_OBJECT (row), "requirement-id",
                         GSIZE_TO_POINTER ((gsize) paraat_requirement_get_id (other)));
      gtk_list_box_append (self->mapped_list, row);
    }
  gtk_widget_set_visible (self->mapped_group, n > 0);
}

static void
on_evidence_activated_cb (ParaatRequirementDialog *self,
                          GtkListBoxRow           *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "evidence-id"));

  gtk_window_present (GTK_WINDOW (paraat_evidence_dialog_new (GTK_WINDOW (self), self->workspace,
                                                              id)));
}

/* Which tracks have evidence that is not stale: what an auditor could sample today. */
static char *
describe_fresh_tracks (guint expected,
                       guint fresh)
{
  g_autoptr(GString) present = g_string_new (NULL);
  g_autoptr(GString) missing = g_string_new (NULL);
  static const guint tracks[] = { PARAAT_TRACK_POLICY, PARAAT_TRACK_OPERATION,
                                  PARAAT_TRACK_MONITORING };

  for (guint i = 0; i < G_N_ELEMENTS (tracks); i++)
    {
      GString *list = (fresh & tracks[i]) ? present : missing;

      if (!(expected & tracks[i]) && !(fresh & tracks[i]))
        continue;
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, paraat_track_label (tracks[i]));
    }

  if (missing->len == 0)
    return g_strdup_printf (_("Current evidence on every expected track: %s."), present->str);
  if (present->len == 0)
    return g_strdup_printf (_("No current evidence yet. Expected: %s."), missing->str);
  return g_strdup_printf (_("Current evidence: %s. Missing: %s."), present->str, missing->str);
}

static void
fill_evidence (ParaatRequirementDialog *self)
{
  gint64 id = paraat_requirement_get_id (self->requirement);
  g_autoptr(GListModel) items = paraat_workspace_list_evidence_for_requirement (self->workspace,
                                                                                id, NULL);
  g_autofree char *status = describe_fresh_tracks (paraat_requirement_get_tracks (self->requirement),
                                                   paraat_workspace_get_fresh_tracks (self->workspace, id));
  GtkWidget *child;

  gtk_label_set_label (self->tracks_status_label, status);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_list))))
    gtk_list_box_remove (self->evidence_list, child);

  for (guint i = 0; items && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ParaatEvidence) evidence = g_list_model_get_item (items, i);
      g_autofree char *subtitle =
        g_strdup_printf ("%s · %s", paraat_track_label (paraat_evidence_get_track (evidence)),
                         paraat_freshness_label (paraat_evidence_get_freshness (evidence)));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), paraat_evidence_get_title (evidence));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data (G_OBJECT (row), "evidence-id",
                         GSIZE_TO_POINTER ((gsize) paraat_evidence_get_id (evidence)));
      gtk_list_box_append (self->evidence_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_list),
                          items != NULL && g_list_model_get_n_items (items) > 0);
}

static GtkWidget *
action_row_new (ParaatAction *action)
{
  GtkWidget *row = adw_action_row_new ();
  int days = paraat_action_get_days_overdue (action);
  g_autofree char *subtitle = NULL;

  if (paraat_action_is_overdue (action))
    /* Translators: "Eva Smit · In progress · due 2026-11-12, 10 days overdue" */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s · due %s, %d day overdue",
                                             "%s · %s · due %s, %d days overdue", days),
                                paraat_action_get_owner_name (action),
                                paraat_action_status_label (paraat_action_get_status (action)),
                                paraat_action_get_due_date (action), days);
  else
    /* Translators: "Eva Smit · In progress · due 2026-12-12" */
    subtitle = g_strdup_printf (_("%s · %s · due %s"), paraat_action_get_owner_name (action),
                                paraat_action_status_label (paraat_action_get_status (action)),
                                paraat_action_get_due_date (action));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), paraat_action_get_title (action));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (paraat_action_is_overdue (action))
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("alarm-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "action-id", GSIZE_TO_POINTER ((gsize) paraat_action_get_id (action)));
  return row;
}

static void
fill_actions (ParaatRequirementDialog *self)
{
  g_autoptr(GListModel) actions =
    paraat_workspace_list_requirement_actions (self->workspace,
                                               paraat_requirement_get_id (self->requirement), NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_list))))
    gtk_list_box_remove (self->actions_list, child);
  for (guint i = 0; actions && i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(ParaatAction) action = g_list_model_get_item (actions, i);
      gtk_list_box_append (self->actions_list, action_row_new (action));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->actions_list),
                          actions != NULL && g_list_model_get_n_items (actions) > 0);
}

/* Exceptions in force: who may deviate from this requirement, and until when */
static GtkWidget *
exception_row_new (ParaatException *exception)
{
  GtkWidget *row = adw_action_row_new ();
  const char *icon_name = NULL;
  g_autofree char *state = paraat_exception_dup_state_text (exception, &icon_name);
  g_autofree char *until = g_strdup_printf (_("Until %s"),
                                            paraat_exception_get_expiry_date (exception));
  /* Expiring soon is said in words too, not only by the icon. */
  g_autofree char *subtitle = icon_name != NULL ? g_strdup_printf ("%s · %s", until, state)
                                                : g_steal_pointer (&until);
  gint64 id = paraat_exception_get_id (exception);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 paraat_exception_get_holder_name (exception));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "exception-id", g_memdup2 (&id, sizeof id), g_free);
  return row;
}

static void
fill_exceptions (ParaatRequirementDialog *self)
{
  g_autoptr(GListModel) exceptions =
    paraat_workspace_list_requirement_exceptions (self->workspace,
                                                  paraat_requirement_get_id (self->requirement),
                                                  NULL);
  guint n = exceptions ? g_list_model_get_n_items (exceptions) : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->exceptions_list))))
    gtk_list_box_remove (self->exceptions_list, child);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatException) exception = g_list_model_get_item (exceptions, i);
      gtk_list_box_append (self->exceptions_list, exception_row_new (exception));
    }
  gtk_widget_set_visible (self->exceptions_group, n > 0);
}

static void
on_exception_activated_cb (ParaatRequirementDialog *self,
                           GtkListBoxRow           *row)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "exception-id");

  gtk_window_present (GTK_WINDOW (paraat_exception_dialog_new (GTK_WINDOW (self), self->workspace,
                                                               id)));
}

static void
on_action_activated_cb (ParaatRequirementDialog *self,
                        GtkListBoxRow           *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "action-id"));

  gtk_window_present (GTK_WINDOW (paraat_action_dialog_new (GTK_WINDOW (self), self->workspace, id)));
}

static void
new_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  ParaatRequirementDialog *self = PARAAT_REQUIREMENT_DIALOG (widget);
  gint64 id;
  ParaatActionSpec prefill = { .source = PARAAT_SOURCE_OTHER, .priority = PARAAT_PRIORITY_MEDIUM };

  if (self->requirement == NULL)
    return;
  id = paraat_requirement_get_id (self->requirement);
  prefill.requirement_ids = &id;
  prefill.n_requirements = 1;
  prefill.owner_id = paraat_requirement_get_owner_id (self->requirement);
  gtk_window_present (GTK_WINDOW (paraat_action_dialog_new_action (GTK_WINDOW (self), self->workspace,
                                                                   &prefill)));
}

static void
on_workspace_changed_cb (ParaatRequirementDialog *self,
                         const char              *object_type)
{
  if (g_str_equal (object_type, "evidence"))
    fill_evidence (self);
  else if (g_str_equal (object_type, "action"))
    fill_actions (self);
  else if (g_str_equal (object_type, "exception"))
    fill_exceptions (self);
}

static void
on_import_failed_cb (ParaatRequirementDialog *self,
                     const char              *file_name,
                     const char              *message)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", file_name, message);

  gtk_label_set_label (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static gboolean
on_drop_cb (GtkDropTarget           *target,
            const GValue            *value,
            double                   x,
            double                   y,
            ParaatRequirementDialog *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->requirement == NULL)
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l; l = l->next)
    paraat_evidence_importer_add (self->importer, l->data,
                                  paraat_requirement_get_id (self->requirement));
  g_slist_free (files);
  return TRUE;
}

static void
fill_owner_model (ParaatRequirementDialog *self)
{
  guint selected;
  g_autoptr(GtkStringList) names =
    paraat_person_choices_new (self->workspace, _("No owner"),
                               paraat_requirement_get_owner_id (self->requirement),
                               self->owner_ids, &selected);

  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->owner_row, selected);
}

static void
fill (ParaatRequirementDialog *self)
{
  ParaatRequirement *r = self->requirement;
  g_autofree char *name = paraat_requirement_dup_display_name (r);
  g_autofree char *tracks = describe_tracks (paraat_requirement_get_tracks (r));
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkTextBuffer *notes = gtk_text_view_get_buffer (self->notes_view);

  gtk_window_set_title (GTK_WINDOW (self), name);
  adw_window_title_set_title (self->window_title, paraat_requirement_get_label (r));
  adw_window_title_set_subtitle (self->window_title, paraat_requirement_get_framework_title (r));
  gtk_label_set_label (self->title_label, name);
  gtk_label_set_label (self->framework_label, paraat_requirement_get_group_title (r));
  gtk_label_set_label (self->guidance_label, paraat_requirement_get_guidance (r));
  gtk_widget_set_visible (GTK_WIDGET (self->guidance_label),
                          paraat_requirement_get_guidance (r) != NULL);
  gtk_label_set_label (self->question_label, paraat_requirement_get_question (r));
  gtk_widget_set_visible (GTK_WIDGET (self->question_label),
                          paraat_requirement_get_question (r) != NULL);
  gtk_label_set_label (self->tracks_label, tracks);
  gtk_widget_set_visible (GTK_WIDGET (self->tracks_label), tracks != NULL);

  for (guint i = 0; i < PARAAT_N_STATUSES; i++)
    gtk_string_list_append (statuses, paraat_implementation_status_label (i));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_selected (self->status_row, paraat_requirement_get_status (r));

  gtk_switch_set_active (self->applicable_switch, paraat_requirement_get_applicable (r));
  gtk_editable_set_text (GTK_EDITABLE (self->justification_row),
                         paraat_requirement_get_justification (r));
  gtk_text_buffer_set_text (notes, paraat_requirement_get_notes (r), -1);
  fill_owner_model (self);
  fill_mapped (self);
  fill_evidence (self);
  fill_actions (self);
  fill_exceptions (self);
  on_applicable_changed_cb (self);
}

static void
paraat_requirement_dialog_dispose (GObject *object)
{
  ParaatRequirementDialog *self = PARAAT_REQUIREMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_REQUIREMENT_DIALOG);
  g_clear_object (&self->workspace);
  g_clear_object (&self->requirement);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  if (self->importer != NULL)
    paraat_evidence_importer_cancel (self->importer);
  g_clear_object (&self->importer);

  G_OBJECT_CLASS (paraat_requirement_dialog_parent_class)->dispose (object);
}

static void
paraat_requirement_dialog_class_init (ParaatRequirementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_requirement_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-requirement-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatRequirementDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ParaatRequirementDialog, title_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatRequirementDialog, framework_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatRequirementDialog, guidance_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatRequirementDialog, question_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatRequirementDialog, tracks_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatRequirementDialog, applicable_switch);
  gtk_widget_class_bind_template_child (widget_class, ParaatRequirementDialog, justification_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatRequirementDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatRequirementDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatRequirementDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, ParaatRequirementDialog, tracks_status_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatRequirementDialog, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, ParaatRequirementDialog, actions_list);
  gtk_widget_class_bind_template_child (widget_class, ParaatRequirementDialog, exceptions_group);
  gtk_widget_class_bind_template_child (widget_class, ParaatRequirementDialog, exceptions_list);
  gtk_widget_class_bind_template_child (widget_class, ParaatRequirementDialog, mapped_group);
  gtk_widget_class_bind_template_child (widget_class, ParaatRequirementDialog, mapped_list);
  gtk_widget_class_bind_template_child (widget_class, ParaatRequirementDialog, error_label);

  gtk_widget_class_install_action (widget_class, "requirement.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "requirement.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "requirement.new-action", NULL, new_action_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "requirement.save", NULL);
}

static void
paraat_requirement_dialog_init (ParaatRequirementDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect_swapped (self->applicable_switch, "notify::active",
                            G_CALLBACK (on_applicable_changed_cb), self);
  g_signal_connect_swapped (self->mapped_list, "row-activated",
                            G_CALLBACK (on_mapped_activated_cb), self);
  g_signal_connect_swapped (self->actions_list, "row-activated",
                            G_CALLBACK (on_action_activated_cb), self);
  g_signal_connect_swapped (self->exceptions_list, "row-activated",
                            G_CALLBACK (on_exception_activated_cb), self);
  g_signal_connect_swapped (self->evidence_list, "row-activated",
                            G_CALLBACK (on_evidence_activated_cb), self);
}

/* A requirement that cannot be read leaves a dialog that says so and saves nothing. */
ParaatRequirementDialog *
paraat_requirement_dialog_new (GtkWindow       *parent,
                               ParaatWorkspace *workspace,
                               gint64           requirement_id)
{
  ParaatRequirementDialog *self = g_object_new (PARAAT_TYPE_REQUIREMENT_DIALOG,
                                                "transient-for", parent,
                                                NULL);
  g_autoptr(GError) error = NULL;

  self->workspace = g_object_ref (workspace);
  self->requirement = paraat_workspace_get_requirement (workspace, requirement_id, &error);
  if (self->requirement == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "requirement.save", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "requirement.history", FALSE);
      return self;
    }
  fill (self);

  self->importer = paraat_evidence_importer_new (workspace);
  g_signal_connect_object (self->importer, "failed", G_CALLBACK (on_import_failed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "changed", G_CALLBACK (on_workspace_changed_cb), self,
                           G_CONNECT_SWAPPED);
  {
    GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
    g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }
  return self;
}
