/* paraat-action-dialog.c — one action: its fields, its workflow, its evidence and history
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-action-dialog.h"
#include "paraat-catalog.h"
#include "paraat-evidence.h"
#include "paraat-evidence-dialog.h"
#include "paraat-evidence-importer.h"
#include "paraat-history-dialog.h"
#include "paraat-requirement.h"
#include "paraat-review.h"
#include "paraat-widget-util.h"

/* The link popover lists this many matches; the search narrows a longer list. */
#define MAX_EVIDENCE_CHOICES 50

struct _ParaatActionDialog
{
  AdwWindow               parent_instance;

  /* Template widgets */
  AdwWindowTitle         *window_title;
  GtkButton              *close_button;
  GtkWidget              *save_button;
  GtkWidget              *history_button;
  GtkWidget              *error_banner;
  GtkLabel               *error_label;
  AdwToastOverlay        *toast_overlay;
  GtkWidget              *status_box;
  GtkLabel               *status_label;
  GtkWidget              *overdue_box;
  GtkLabel               *overdue_label;
  GtkLabel               *summary_label;
  GtkLabel               *note_label;
  AdwEntryRow            *title_row;
  AdwComboRow            *source_row;
  AdwComboRow            *owner_row;
  AdwEntryRow            *due_row;
  AdwActionRow           *due_shown_row;
  AdwComboRow            *priority_row;
  AdwEntryRow            *quarter_row;
  AdwEntryRow            *project_row;
  GtkTextView            *decision_view;
  AdwComboRow            *track_row;
  AdwEntryRow            *required_evidence_row;
  GtkWidget              *link_requirement_button;
  GtkPopover             *requirement_popover;
  GtkEntry               *requirement_entry;
  GtkLabel               *requirement_error;
  GtkListBox             *requirements_list;
  GtkWidget              *workflow_group;
  GtkFlowBox             *workflow_box;
  GtkWidget              *start_button;
  GtkWidget              *submit_button;
  GtkWidget              *approve_button;
  GtkWidget              *send_back_button;
  GtkWidget              *reopen_button;
  GtkWidget              *cancel_action_button;
  GtkWidget              *evidence_group;
  GtkPopover             *evidence_popover;
  GtkEditable            *evidence_search;
  GtkListBox             *evidence_choices;
  GtkLabel               *evidence_choices_empty;
  GtkLabel               *evidence_status_label;
  GtkListBox             *evidence_list;
  GtkWidget              *due_changes_group;
  GtkListBox             *due_changes_list;

  /* Owned references */
  ParaatWorkspace        *workspace;
  ParaatAction           *action;           /* NULL until a new action is saved */
  gint64                  action_id;
  GArray                 *owner_ids;
  GArray                 *requirement_ids;  /* the links as edited, saved with the action */
  gint64                  scan_id;
  gint64                  decision_id;
  ParaatEvidenceImporter *importer;
};

G_DEFINE_FINAL_TYPE (ParaatActionDialog, paraat_action_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const guint track_bits[] = { PARAAT_TRACK_POLICY, PARAAT_TRACK_OPERATION,
                                    PARAAT_TRACK_MONITORING };

/* Messages */

static void
show_error (ParaatActionDialog *self,
            const char         *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (self->error_banner, TRUE);
}

static void
clear_error (ParaatActionDialog *self)
{
  gtk_widget_set_visible (self->error_banner, FALSE);
}

static void
toast (ParaatActionDialog *self,
       const char         *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, paraat_toast_new (message));
}

/* Fields */

static guint
track_index (guint track)
{
  for (guint i = 0; i < G_N_ELEMENTS (track_bits); i++)
    if (track_bits[i] == track)
      return i;
  return 0;
}

static void
fill_choice_models (ParaatActionDialog *self)
{
  g_autoptr(GtkStringList) sources = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) priorities = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) tracks = gtk_string_list_new (NULL);

  for (guint i = 0; i < PARAAT_N_SOURCES; i++)
    gtk_string_list_append (sources, paraat_action_source_label (i));
  for (guint i = 0; i < PARAAT_N_PRIORITIES; i++)
    gtk_string_list_append (priorities, paraat_priority_label (i));
  for (guint i = 0; i < G_N_ELEMENTS (track_bits); i++)
    gtk_string_list_append (tracks, paraat_track_label (track_bits[i]));

  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (sources));
  adw_combo_row_set_model (self->priority_row, G_LIST_MODEL (priorities));
  adw_combo_row_set_model (self->track_row, G_LIST_MODEL (tracks));
}

static void
fill_owner_model (ParaatActionDialog *self,
                  gint64              owner_id)
{
  guint selected;
  g_autoptr(GtkStringList) names =
    paraat_person_choices_new (self->workspace, _("Not chosen yet"), owner_id, self->owner_ids,
                               &selected);

  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->owner_row, selected);
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void fill_requirements (ParaatActionDialog *self);

/* The editable fields, from a saved action or a prefill; called once, so edits in progress
 * are not thrown away when the workspace reports a change. */
static void
fill_fields (ParaatActionDialog     *self,
             const ParaatActionSpec *spec)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->decision_view),
                            spec->decision ? spec->decision : "", -1);
  set_text (self->title_row, spec->title);
  set_text (self->due_row, spec->due_date);
  set_text (self->quarter_row, spec->quarter);
  set_text (self->project_row, spec->project);
  set_text (self->required_evidence_row, spec->required_evidence);
  adw_combo_row_set_selected (self->source_row, MIN (spec->source, PARAAT_N_SOURCES - 1));
  adw_combo_row_set_selected (self->priority_row, MIN (spec->priority, PARAAT_N_PRIORITIES - 1));
  adw_combo_row_set_selected (self->track_row, track_index (spec->required_track));
  fill_owner_model (self, spec->owner_id);

  g_array_set_size (self->requirement_ids, 0);
  if (spec->requirement_ids != NULL)
    g_array_append_vals (self->requirement_ids, spec->requirement_ids, spec->n_requirements);
  self->scan_id = spec->scan_id;
  self->decision_id = spec->decision_id;
  fill_requirements (self);
}

static void
spec_from_action (ParaatAction     *action,
                  ParaatActionSpec *spec)
{
  guint n_requirements = 0;
  const gint64 *requirement_ids = paraat_action_get_requirement_ids (action, &n_requirements);

  *spec = (ParaatActionSpec) {
    .title = paraat_action_get_title (action),
    .decision = paraat_action_get_decision (action),
    .source = paraat_action_get_source (action),
    .owner_id = paraat_action_get_owner_id (action),
    .due_date = paraat_action_get_due_date (action),
    .priority = paraat_action_get_priority (action),
    .required_track = paraat_action_get_required_track (action),
    .required_evidence = paraat_action_get_required_evidence (action),
    .project = paraat_action_get_project (action),
    .quarter = paraat_action_get_quarter (action),
    .requirement_ids = requirement_ids,
    .n_requirements = n_requirements,
    .scan_id = paraat_action_get_scan_id (action),
    .decision_id = paraat_action_get_decision_id (action),
  };
}

/* What the fields say now. DECISION receives the text view's text, which SPEC points to. */
static void
read_fields (ParaatActionDialog *self,
             ParaatActionSpec   *spec,
             char              **decision)
{
  guint track = adw_combo_row_get_selected (self->track_row);

  *decision = paraat_text_view_dup_text (self->decision_view);
  *spec = (ParaatActionSpec) {
    .title = gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
    .decision = *decision,
    .source = adw_combo_row_get_selected (self->source_row),
    .owner_id = paraat_person_choice_get_id (self->owner_ids,
                                             adw_combo_row_get_selected (self->owner_row)),
    .due_date = self->action ? paraat_action_get_due_date (self->action)
                             : gtk_editable_get_text (GTK_EDITABLE (self->due_row)),
    .priority = adw_combo_row_get_selected (self->priority_row),
    .required_track = track_bits[MIN (track, G_N_ELEMENTS (track_bits) - 1)],
    .required_evidence = gtk_editable_get_text (GTK_EDITABLE (self->required_evidence_row)),
    .project = gtk_editable_get_text (GTK_EDITABLE (self->project_row)),
    .quarter = gtk_editable_get_text (GTK_EDITABLE (self->quarter_row)),
    .requirement_ids = (const gint64 *) (gpointer) self->requirement_ids->data,
    .n_requirements = self->requirement_ids->len,
    .scan_id = self->scan_id,
    .decision_id = self->decision_id,
  };
}

/* Saves what the fields say; the core writes nothing when nothing changed. */
static gboolean
save_fields (ParaatActionDialog  *self,
             GError             **error)
{
  g_autofree char *decision = NULL;
  ParaatActionSpec spec;

  read_fields (self, &spec, &decision);
  return paraat_workspace_update_action (self->workspace, self->action_id, &spec, error);
}

/* Linked requirements: edited here, saved with the action */

static void
on_requirement_remove_cb (GtkButton          *button,
                          ParaatActionDialog *self)
{
  paraat_ids_remove (self->requirement_ids, paraat_remove_button_get_id (button));
  fill_requirements (self);
}

static void
fill_requirements (ParaatActionDialog *self)
{
  paraat_requirement_list_fill (self->requirements_list, self->workspace, self->requirement_ids,
                                G_CALLBACK (on_requirement_remove_cb), self);
}

static void
on_requirement_activate_cb (ParaatActionDialog *self)
{
  if (!paraat_requirement_entry_add (GTK_EDITABLE (self->requirement_entry),
                                     self->requirement_error, self->requirement_popover,
                                     self->workspace, self->requirement_ids))
    return;
  fill_requirements (self);
}

/* Status line */

static const char *
status_css_class (ParaatActionStatus status)
{
  /* The register's pill colours: amber while work is under way, green when done. */
  switch (status)
    {
    case PARAAT_ACTION_IN_PROGRESS: return "planned";
    case PARAAT_ACTION_AWAITING_REVIEW: return "partial";
    case PARAAT_ACTION_CLOSED: return "implemented";
    case PARAAT_ACTION_OPEN:
    case PARAAT_ACTION_CANCELLED:
    case PARAAT_N_ACTION_STATUSES:
    default: return NULL;
    }
}

static char *
describe_note (ParaatAction *action)
{
  const char *reviewer = paraat_action_get_reviewer_name (action);
  gboolean has_reviewer = reviewer != NULL && reviewer[0] != '\0';
  const char *comment = paraat_action_get_review_comment (action);

  switch (paraat_action_get_status (action))
    {
    case PARAAT_ACTION_CLOSED:
      return has_reviewer
        ? g_strdup_printf (_("Verified by %s: %s"), reviewer,
                           paraat_action_get_verification_note (action))
        : g_strdup_printf (_("Verified: %s"), paraat_action_get_verification_note (action));
    case PARAAT_ACTION_CANCELLED:
      return g_strdup_printf (_("Cancelled: %s"), paraat_action_get_cancel_reason (action));
    case PARAAT_ACTION_OPEN:
    case PARAAT_ACTION_IN_PROGRESS:
    case PARAAT_ACTION_AWAITING_REVIEW:
    case PARAAT_N_ACTION_STATUSES:
    default:
      if (comment == NULL || comment[0] == '\0')
        return NULL;
      return has_reviewer ? g_strdup_printf (_("Sent back by %s: “%s”"), reviewer, comment)
                          : g_strdup_printf (_("Sent back: “%s”"), comment);
    }
}

static void
fill_status (ParaatActionDialog *self)
{
  ParaatAction *a = self->action;
  ParaatActionStatus status = paraat_action_get_status (a);
  const char *css[] = { "paraat-status", status_css_class (status), NULL };
  g_autofree char *summary = g_strdup_printf (_("Owner: %s · Due %s · %s priority"),
                                              paraat_action_get_owner_name (a),
                                              paraat_action_get_due_date (a),
                                              paraat_priority_label (paraat_action_get_priority (a)));
  g_autofree char *note = describe_note (a);

  gtk_window_set_title (GTK_WINDOW (self), paraat_action_get_title (a));
  adw_window_title_set_title (self->window_title, paraat_action_get_title (a));
  adw_window_title_set_subtitle (self->window_title, paraat_action_status_label (status));

  gtk_label_set_label (self->status_label, paraat_action_status_label (status));
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_label), css);

  /* Overdue is said in words with an icon, not by colour alone. */
  if (paraat_action_is_overdue (a))
    {
      int days = paraat_action_get_days_overdue (a);
      g_autofree char *text = g_strdup_printf (ngettext ("%d day overdue", "%d days overdue",
                                                         days), days);
      gtk_label_set_label (self->overdue_label, text);
    }
  gtk_widget_set_visible (self->overdue_box, paraat_action_is_overdue (a));

  gtk_label_set_label (self->summary_label, summary);
  gtk_label_set_label (self->note_label, note);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
  adw_action_row_set_subtitle (self->due_shown_row, paraat_action_get_due_date (a));
}

/* Workflow: only the steps the status allows are offered */

static void
offer_step (ParaatActionDialog *self,
            const char         *action_name,
            GtkWidget          *button,
            gboolean            legal)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), action_name, legal);
  /* The flow box child, so a hidden step leaves no gap */
  gtk_widget_set_visible (gtk_widget_get_parent (button), legal);
}

static void
fill_workflow (ParaatActionDialog *self)
{
  ParaatActionStatus status = self->action ? paraat_action_get_status (self->action)
                                           : PARAAT_N_ACTION_STATUSES;
  gboolean active = self->action != NULL && paraat_action_is_active (self->action);
  gboolean editable = self->action == NULL || active;
  GtkWidget *fields[] = {
    GTK_WIDGET (self->title_row), GTK_WIDGET (self->owner_row), GTK_WIDGET (self->priority_row),
    GTK_WIDGET (self->quarter_row), GTK_WIDGET (self->project_row), GTK_WIDGET (self->track_row),
    GTK_WIDGET (self->required_evidence_row), GTK_WIDGET (self->requirements_list),
    self->link_requirement_button,
  };

  offer_step (self, "action.start", self->start_button, status == PARAAT_ACTION_OPEN);
  offer_step (self, "action.submit", self->submit_button, status == PARAAT_ACTION_IN_PROGRESS);
  offer_step (self, "action.approve", self->approve_button,
              status == PARAAT_ACTION_AWAITING_REVIEW);
  offer_step (self, "action.send-back", self->send_back_button,
              status == PARAAT_ACTION_AWAITING_REVIEW);
  offer_step (self, "action.reopen", self->reopen_button,
              status == PARAAT_ACTION_CLOSED || status == PARAAT_ACTION_CANCELLED);
  offer_step (self, "action.cancel", self->cancel_action_button, active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "action.move-due", active);

  /* Closed and cancelled actions are on record: reopen them to change them. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_widget_set_sensitive (fields[i], editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->source_row), editable && self->decision_id == 0);
  gtk_text_view_set_editable (self->decision_view, editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "action.save", editable);
  gtk_widget_set_visible (self->save_button, editable);
  gtk_button_set_label (self->close_button, editable ? _("_Cancel") : _("_Close"));
}

/* Evidence */

static void
on_evidence_unlink_cb (GtkButton          *button,
                       ParaatActionDialog *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "evidence-id");
  g_autoptr(GError) error = NULL;

  if (!paraat_workspace_unlink_action_evidence (self->workspace, self->action_id, id, &error))
    {
      show_error (self, error->message);
      return;
    }
  clear_error (self);
  toast (self, _("Evidence unlinked"));
}

static char *
describe_evidence (ParaatEvidence *evidence)
{
  return g_strdup_printf ("%s · %s", paraat_track_label (paraat_evidence_get_track (evidence)),
                          paraat_freshness_label (paraat_evidence_get_freshness (evidence)));
}

static GtkWidget *
evidence_row_new (ParaatActionDialog *self,
                  ParaatEvidence     *evidence,
                  gboolean            linked)
{
  g_autofree char *subtitle = describe_evidence (evidence);
  gint64 id = paraat_evidence_get_id (evidence);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), paraat_evidence_get_title (evidence));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "evidence-id", g_memdup2 (&id, sizeof id), g_free);

  if (linked)
    {
      GtkWidget *unlink = gtk_button_new_from_icon_name ("edit-delete-symbolic");
      g_autofree char *label = g_strdup_printf (_("Unlink %s"),
                                                paraat_evidence_get_title (evidence));

      gtk_widget_set_tooltip_text (unlink, _("Unlink"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (unlink), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      gtk_widget_set_valign (unlink, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (unlink, "flat");
      g_object_set_data_full (G_OBJECT (unlink), "evidence-id", g_memdup2 (&id, sizeof id),
                              g_free);
      g_signal_connect_object (unlink, "clicked", G_CALLBACK (on_evidence_unlink_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), unlink);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  return row;
}

static void fill_evidence_choices (ParaatActionDialog *self);

static void
fill_evidence (ParaatActionDialog *self)
{
  g_autoptr(GListModel) items = paraat_workspace_list_action_evidence (self->workspace,
                                                                       self->action_id, NULL);
  guint required = paraat_action_get_required_track (self->action);
  const char *track = paraat_track_label (required);
  guint n = items ? g_list_model_get_n_items (items) : 0;
  gboolean on_track = FALSE;
  g_autofree char *status = NULL;

  paraat_list_box_clear (self->evidence_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatEvidence) evidence = g_list_model_get_item (items, i);

      on_track |= paraat_evidence_get_track (evidence) == required;
      gtk_list_box_append (self->evidence_list, evidence_row_new (self, evidence, TRUE));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_list), n > 0);

  if (on_track)
    status = g_strdup_printf (_("Evidence on the required track (%s) is linked."), track);
  else
    status = g_strdup_printf (_("No evidence on the required track (%s) yet. The action can "
                                "be submitted for review once there is."), track);
  gtk_label_set_label (self->evidence_status_label, status);
  fill_evidence_choices (self);
}

static gboolean
is_linked (ParaatActionDialog *self,
           gint64              evidence_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (*(gint64 *) g_object_get_data (G_OBJECT (row), "evidence-id") == evidence_id)
      return TRUE;
  return FALSE;
}

/* The evidence not linked yet that matches the search, at most MAX_EVIDENCE_CHOICES. */
static void
fill_evidence_choices (ParaatActionDialog *self)
{
  g_autoptr(GListModel) items = paraat_workspace_list_evidence (self->workspace, NULL);
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (self->evidence_search), -1);
  guint n = items ? g_list_model_get_n_items (items) : 0;
  guint shown = 0;
  gboolean more = FALSE;

  paraat_list_box_clear (self->evidence_choices);
  for (guint i = 0; i < n && !more; i++)
    {
      g_autoptr(ParaatEvidence) evidence = g_list_model_get_item (items, i);

      if (is_linked (self, paraat_evidence_get_id (evidence)) ||
          !paraat_contains_folded (paraat_evidence_get_title (evidence), needle))
        continue;
      if (shown == MAX_EVIDENCE_CHOICES)
        more = TRUE;
      else
        gtk_list_box_append (self->evidence_choices, evidence_row_new (self, evidence, FALSE));
      shown += !more;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->evidence_choices), shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_choices_empty), shown == 0 || more);
  if (more)
    gtk_label_set_label (self->evidence_choices_empty,
                         _("More evidence matches. Type more of its title to find it."));
  else if (needle[0] != '\0')
    gtk_label_set_label (self->evidence_choices_empty, _("No evidence matches the search."));
  else
    gtk_label_set_label (self->evidence_choices_empty,
                         _("No other evidence in this workspace. Drop a file on this window to "
                           "add it."));
}

/* Each time it opens, the whole list again (the change refills it). */
static void
on_evidence_popover_show_cb (ParaatActionDialog *self)
{
  gtk_editable_set_text (self->evidence_search, "");
}

static void
on_evidence_choice_activated_cb (ParaatActionDialog *self,
                                 GtkListBoxRow      *row)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "evidence-id");
  g_autoptr(GError) error = NULL;

  gtk_popover_popdown (self->evidence_popover);
  if (!paraat_workspace_link_action_evidence (self->workspace, self->action_id, id, &error))
    {
      show_error (self, error->message);
      return;
    }
  clear_error (self);
  toast (self, _("Evidence linked"));
}

static void
on_evidence_activated_cb (ParaatActionDialog *self,
                          GtkListBoxRow      *row)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "evidence-id");

  gtk_window_present (GTK_WINDOW (paraat_evidence_dialog_new (GTK_WINDOW (self),
                                                              self->workspace, id)));
}

/* Dropped files are added to the workspace, then linked here once each has its id. */
static void
on_import_added_cb (ParaatActionDialog *self,
                    gint64              evidence_id)
{
  g_autoptr(GError) error = NULL;

  if (!paraat_workspace_link_action_evidence (self->workspace, self->action_id, evidence_id,
                                              &error))
    {
      show_error (self, error->message);
      return;
    }
  toast (self, _("Evidence added and linked"));
}

static void
on_import_failed_cb (ParaatActionDialog *self,
                     const char         *file_name,
                     const char         *message)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", file_name, message);

  show_error (self, text);
}

static gboolean
on_drop_cb (GtkDropTarget      *target,
            const GValue       *value,
            double              x,
            double              y,
            ParaatActionDialog *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->importer == NULL)
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l; l = l->next)
    paraat_evidence_importer_add (self->importer, l->data, 0);
  g_slist_free (files);
  return TRUE;
}

/* Due-date history */

static char *
format_local_day (gint64 ms)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%x") : g_strdup ("");
}

static void
fill_due_changes (ParaatActionDialog *self)
{
  g_autoptr(GListModel) changes = paraat_workspace_list_action_due_changes (self->workspace,
                                                                            self->action_id,
                                                                            NULL);
  guint n = changes ? g_list_model_get_n_items (changes) : 0;

  paraat_list_box_clear (self->due_changes_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatActionDueChange) change = g_list_model_get_item (changes, i);
      g_autofree char *when = format_local_day (paraat_action_due_change_get_ts_ms (change));
      /* Translators: a due date moved, "2026-05-01 → 2026-06-15" */
      g_autofree char *title = g_strdup_printf (_("%s → %s"),
                                                paraat_action_due_change_get_old_due (change),
                                                paraat_action_due_change_get_new_due (change));
      /* Translators: why a due date moved, who moved it and when */
      g_autofree char *subtitle = g_strdup_printf (_("%s — %s, %s"),
                                                   paraat_action_due_change_get_reason (change),
                                                   paraat_action_due_change_get_actor_name (change),
                                                   when);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->due_changes_list, row);
    }
  gtk_widget_set_visible (self->due_changes_group, n > 0);
}

/* Loading */

static gboolean
load (ParaatActionDialog  *self,
      GError             **error)
{
  ParaatAction *action = paraat_workspace_get_action (self->workspace, self->action_id, error);

  if (action == NULL)
    return FALSE;
  g_clear_object (&self->action);
  self->action = action;
  fill_status (self);
  fill_workflow (self);
  fill_evidence (self);
  fill_due_changes (self);
  return TRUE;
}

static void
on_workspace_changed_cb (ParaatActionDialog *self,
                         const char         *object_type)
{
  g_autoptr(GError) error = NULL;

  if (self->action_id == 0 ||
      !(g_str_equal (object_type, "action") || g_str_equal (object_type, "evidence")))
    return;
  if (!load (self, &error))
    show_error (self, error->message);
}

static void
on_workspace_closed_cb (ParaatActionDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Steps that ask for a reason, a note, a reviewer or a new date */

typedef enum
{
  PROMPT_MOVE_DUE,
  PROMPT_APPROVE,
  PROMPT_SEND_BACK,
  PROMPT_CANCEL,
  PROMPT_REOPEN,
} PromptKind;

typedef struct
{
  const char            *heading;
  const char            *body;
  const char            *response;
  const char            *label;
  const char            *dismiss;
  const char            *text_title;
  const char            *done;
  AdwResponseAppearance  appearance;
  gboolean               with_date;
  gboolean               with_reviewer;
} PromptInfo;

static const PromptInfo prompts[] = {
  [PROMPT_MOVE_DUE] = {
    N_("Move Due Date"),
    N_("The old date, the new one and your reason are kept in the action’s due-date history."),
    "move", N_("_Move"), N_("_Cancel"), N_("Reason"), N_("Due date moved"),
    ADW_RESPONSE_SUGGESTED, TRUE, FALSE,
  },
  [PROMPT_APPROVE] = {
    N_("Approve and Close?"),
    N_("Check the linked evidence first. Closing marks the linked requirements for a re-test "
       "in the next scan."),
    "approve", N_("_Approve and Close"), N_("_Cancel"), N_("Verification note: what you checked"),
    N_("Action closed"), ADW_RESPONSE_SUGGESTED, FALSE, TRUE,
  },
  [PROMPT_SEND_BACK] = {
    N_("Send Back?"),
    N_("The action goes back to In progress, with your comment for its owner."),
    "send-back", N_("_Send Back"), N_("_Cancel"), N_("Comment for the owner"),
    N_("Sent back to the owner"), ADW_RESPONSE_SUGGESTED, FALSE, TRUE,
  },
  [PROMPT_CANCEL] = {
    N_("Cancel Action?"),
    N_("A cancelled action stays on record with its reason, and can be reopened later."),
    "cancel-action", N_("C_ancel Action"), N_("_Keep Action"), N_("Reason"),
    N_("Action cancelled"), ADW_RESPONSE_DESTRUCTIVE, FALSE, FALSE,
  },
  [PROMPT_REOPEN] = {
    N_("Reopen Action?"),
    N_("The action goes back to In progress. Its earlier approval or cancellation stays in its "
       "history."),
    "reopen", N_("_Reopen"), N_("_Cancel"), N_("Reason"), N_("Action reopened"),
    ADW_RESPONSE_SUGGESTED, FALSE, FALSE,
  },
};

static void on_prompt_response_cb (AdwMessageDialog   *prompt,
                                   const char         *response,
                                   ParaatActionDialog *self);

static GtkWidget *
prompt_add_entry (GtkListBox *list,
                  const char *title,
                  const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_list_box_append (list, row);
  return row;
}

static GtkWidget *
prompt_add_reviewer (GtkListBox *list,
                     ParaatWorkspace *workspace,
                     gint64      reviewer_id)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkWidget *row = adw_combo_row_new ();
  guint selected;
  g_autoptr(GtkStringList) names = paraat_person_choices_new (workspace, _("Not chosen yet"),
                                                              reviewer_id, ids, &selected);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Reviewer"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data_full (G_OBJECT (row), "ids", ids, (GDestroyNotify) g_array_unref);
  gtk_list_box_append (list, row);
  return row;
}

/* Asks for what KIND needs, filled with DATE, REVIEWER_ID and TEXT; a refused step asks
 * again with the same answers and the core's ERROR, so nothing typed is lost. */
static void
open_prompt (ParaatActionDialog *self,
             PromptKind          kind,
             const char         *date,
             gint64              reviewer_id,
             const char         *text,
             const char         *error)
{
  const PromptInfo *info = &prompts[kind];
  AdwMessageDialog *prompt = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         _(info->heading),
                                                                         _(info->body)));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *text_row;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (box), list);
  if (info->with_date)
    g_object_set_data (G_OBJECT (prompt), "date-row",
                       prompt_add_entry (GTK_LIST_BOX (list), _("New due date (YYYY-MM-DD)"),
                                         date));
  if (info->with_reviewer)
    g_object_set_data (G_OBJECT (prompt), "reviewer-row",
                       prompt_add_reviewer (GTK_LIST_BOX (list), self->workspace, reviewer_id));
  text_row = prompt_add_entry (GTK_LIST_BOX (list), _(info->text_title), text);
  g_object_set_data (G_OBJECT (prompt), "text-row", text_row);

  if (error != NULL)
    {
      GtkWidget *label = gtk_label_new (error);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_add_css_class (label, "error");
      gtk_box_append (GTK_BOX (box), label);
    }

  adw_message_dialog_set_extra_child (prompt, box);
  adw_message_dialog_add_responses (prompt, "cancel", _(info->dismiss),
                                    info->response, _(info->label), NULL);
  adw_message_dialog_set_response_appearance (prompt, info->response, info->appearance);
  adw_message_dialog_set_default_response (prompt, info->response);
  adw_message_dialog_set_close_response (prompt, "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (prompt), TRUE);
  g_object_set_data (G_OBJECT (prompt), "kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (prompt, "response", G_CALLBACK (on_prompt_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (prompt));
  /* A refusal is nearly always a missing reason, so that is where the cursor goes. */
  if (info->with_date && error == NULL)
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (prompt), "date-row"));
  else
    gtk_widget_grab_focus (text_row);
}

static gboolean
run_step (ParaatActionDialog  *self,
          PromptKind           kind,
          const char          *date,
          gint64               reviewer_id,
          const char          *text,
          GError             **error)
{
  ParaatWorkspace *ws = self->workspace;
  gint64 id = self->action_id;

  switch (kind)
    {
    case PROMPT_MOVE_DUE:
      return paraat_workspace_move_action_due (ws, id, date, text, error);
    case PROMPT_APPROVE:
      return paraat_workspace_approve_action (ws, id, reviewer_id, text, error);
    case PROMPT_SEND_BACK:
      return paraat_workspace_reject_action (ws, id, reviewer_id, text, error);
    case PROMPT_CANCEL:
      return paraat_workspace_cancel_action (ws, id, text, error);
    case PROMPT_REOPEN:
    default:
      return paraat_workspace_reopen_action (ws, id, text, error);
    }
}

/* Edits in the fields are saved before a step, so the step works on what the user sees and
 * nothing typed is lost when the action closes. Finished actions have nothing to save. */
static gboolean
save_then (ParaatActionDialog  *self,
           GError             **error)
{
  if (self->action == NULL || !paraat_action_is_active (self->action))
    return TRUE;
  return save_fields (self, error);
}

static void
on_prompt_response_cb (AdwMessageDialog   *prompt,
                       const char         *response,
                       ParaatActionDialog *self)
{
  PromptKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (prompt), "kind"));
  GtkWidget *date_row = g_object_get_data (G_OBJECT (prompt), "date-row");
  GtkWidget *reviewer_row = g_object_get_data (G_OBJECT (prompt), "reviewer-row");
  GtkWidget *text_row = g_object_get_data (G_OBJECT (prompt), "text-row");
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  gint64 reviewer_id = 0;
  g_autoptr(GError) error = NULL;

  /* A workspace closed under the prompt leaves nothing to change. */
  if (!g_str_equal (response, prompts[kind].response) || self->workspace == NULL)
    return;

  if (date_row != NULL)
    date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (date_row))));
  if (reviewer_row != NULL)
    reviewer_id = paraat_person_choice_get_id (g_object_get_data (G_OBJECT (reviewer_row), "ids"),
                                               adw_combo_row_get_selected (ADW_COMBO_ROW (reviewer_row)));
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (text_row)));

  if (!save_then (self, &error) ||
      !run_step (self, kind, date, reviewer_id, text, &error))
    {
      show_error (self, error->message);
      open_prompt (self, kind, date, reviewer_id, text, error->message);
      return;
    }
  clear_error (self);
  toast (self, _(prompts[kind].done));
}

static void
prompt_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ParaatActionDialog *self = PARAAT_ACTION_DIALOG (widget);
  ParaatPerson *actor = paraat_workspace_get_actor (self->workspace);
  gint64 actor_id = actor ? paraat_person_get_id (actor) : 0;

  if (g_str_equal (action_name, "action.move-due"))
    open_prompt (self, PROMPT_MOVE_DUE, paraat_action_get_due_date (self->action), 0, NULL, NULL);
  else if (g_str_equal (action_name, "action.approve"))
    open_prompt (self, PROMPT_APPROVE, NULL, actor_id, NULL, NULL);
  else if (g_str_equal (action_name, "action.send-back"))
    open_prompt (self, PROMPT_SEND_BACK, NULL, actor_id, NULL, NULL);
  else if (g_str_equal (action_name, "action.cancel"))
    open_prompt (self, PROMPT_CANCEL, NULL, 0, NULL, NULL);
  else
    open_prompt (self, PROMPT_REOPEN, NULL, 0, NULL, NULL);
}

/* Steps that need no answer */

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  ParaatActionDialog *self = PARAAT_ACTION_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!save_then (self, &error) ||
      !paraat_workspace_start_action (self->workspace, self->action_id, &error))
    {
      show_error (self, error->message);
      return;
    }
  clear_error (self);
  toast (self, _("Action started"));
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ParaatActionDialog *self = PARAAT_ACTION_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!save_then (self, &error) ||
      !paraat_workspace_submit_action (self->workspace, self->action_id, &error))
    {
      show_error (self, error->message);
      return;
    }
  clear_error (self);
  toast (self, _("Submitted for review"));
}

/* Saving */

static void
create (ParaatActionDialog *self)
{
  g_autofree char *decision = NULL;
  g_autoptr(GError) error = NULL;
  ParaatActionSpec spec;
  gint64 id;

  read_fields (self, &spec, &decision);
  id = self->decision_id != 0
         ? paraat_workspace_add_decision_action (self->workspace, self->decision_id, &spec, &error)
         : paraat_workspace_create_action (self->workspace, &spec, &error);
  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }

  self->action_id = id;
  g_signal_emit (self, signals[CREATED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ParaatActionDialog *self = PARAAT_ACTION_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (self->action_id == 0)
    {
      create (self);
      return;
    }
  if (!save_fields (self, &error))
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
  ParaatActionDialog *self = PARAAT_ACTION_DIALOG (widget);

  gtk_window_present (GTK_WINDOW (paraat_history_dialog_new (GTK_WINDOW (self), self->workspace,
                                                             "action", self->action_id,
                                                             paraat_action_get_title (self->action))));
}

/* Construction */

static void
paraat_action_dialog_dispose (GObject *object)
{
  ParaatActionDialog *self = PARAAT_ACTION_DIALOG (object);

  if (self->importer != NULL)
    paraat_evidence_importer_cancel (self->importer);
  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_ACTION_DIALOG);
  g_clear_object (&self->importer);
  g_clear_object (&self->action);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->requirement_ids, g_array_unref);

  G_OBJECT_CLASS (paraat_action_dialog_parent_class)->dispose (object);
}

static void
paraat_action_dialog_class_init (ParaatActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_action_dialog_dispose;

  /**
   * ParaatActionDialog::created:
   * @action_id: the new action
   *
   * Emitted when a new action was saved, just before the dialog closes.
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-action-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, history_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, error_banner);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, status_box);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, overdue_box);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, due_shown_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, priority_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, quarter_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, project_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, decision_view);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, track_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, required_evidence_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, link_requirement_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, requirement_popover);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, requirement_entry);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, requirement_error);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, requirements_list);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, workflow_group);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, workflow_box);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, start_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, submit_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, approve_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, send_back_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, cancel_action_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, evidence_group);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, evidence_popover);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, evidence_search);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, evidence_choices);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, evidence_choices_empty);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, evidence_status_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, due_changes_group);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionDialog, due_changes_list);

  gtk_widget_class_install_action (widget_class, "action.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "action.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "action.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "action.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "action.approve", NULL, prompt_action);
  gtk_widget_class_install_action (widget_class, "action.send-back", NULL, prompt_action);
  gtk_widget_class_install_action (widget_class, "action.cancel", NULL, prompt_action);
  gtk_widget_class_install_action (widget_class, "action.reopen", NULL, prompt_action);
  gtk_widget_class_install_action (widget_class, "action.move-due", NULL, prompt_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "action.save", NULL);
}

static void
paraat_action_dialog_init (ParaatActionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->requirement_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Tab goes from button to button, not through the flow box's own children. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->workflow_box)); child;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  g_signal_connect_swapped (self->requirement_entry, "activate",
                            G_CALLBACK (on_requirement_activate_cb), self);
  g_signal_connect_swapped (self->evidence_popover, "show",
                            G_CALLBACK (on_evidence_popover_show_cb), self);
  g_signal_connect_swapped (self->evidence_search, "search-changed",
                            G_CALLBACK (fill_evidence_choices), self);
  g_signal_connect_swapped (self->evidence_choices, "row-activated",
                            G_CALLBACK (on_evidence_choice_activated_cb), self);
  g_signal_connect_swapped (self->evidence_list, "row-activated",
                            G_CALLBACK (on_evidence_activated_cb), self);
}

static ParaatActionDialog *
dialog_new (GtkWindow       *parent,
            ParaatWorkspace *workspace)
{
  ParaatActionDialog *self = g_object_new (PARAAT_TYPE_ACTION_DIALOG,
                                           "transient-for", parent,
                                           NULL);

  self->workspace = g_object_ref (workspace);
  fill_choice_models (self);
  g_signal_connect_object (workspace, "changed", G_CALLBACK (on_workspace_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "closed", G_CALLBACK (on_workspace_closed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

/* An action that cannot be read leaves a dialog that says so and changes nothing. */
ParaatActionDialog *
paraat_action_dialog_new (GtkWindow       *parent,
                          ParaatWorkspace *workspace,
                          gint64           action_id)
{
  ParaatActionDialog *self;
  g_autoptr(GError) error = NULL;
  ParaatActionSpec spec;
  GtkDropTarget *target;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (workspace), NULL);

  self = dialog_new (parent, workspace);
  self->action_id = action_id;
  gtk_widget_set_visible (GTK_WIDGET (self->due_row), FALSE);
  if (!load (self, &error))
    {
      const char *steps[] = { "action.save", "action.history", "action.start", "action.submit",
                              "action.approve", "action.send-back", "action.cancel",
                              "action.reopen", "action.move-due" };

      show_error (self, error->message);
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        gtk_widget_action_set_enabled (GTK_WIDGET (self), steps[i], FALSE);
      gtk_widget_set_visible (self->status_box, FALSE);
      gtk_widget_set_visible (self->workflow_group, FALSE);
      gtk_widget_set_visible (self->evidence_group, FALSE);
      gtk_widget_set_visible (self->due_changes_group, FALSE);
      return self;
    }
  spec_from_action (self->action, &spec);
  fill_fields (self, &spec);
  fill_workflow (self);

  self->importer = paraat_evidence_importer_new (workspace);
  g_signal_connect_object (self->importer, "added", G_CALLBACK (on_import_added_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->importer, "failed", G_CALLBACK (on_import_failed_cb), self,
                           G_CONNECT_SWAPPED);
  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  return self;
}

ParaatActionDialog *
paraat_action_dialog_new_action (GtkWindow              *parent,
                                 ParaatWorkspace        *workspace,
                                 const ParaatActionSpec *prefill)
{
  ParaatActionDialog *self;
  ParaatActionSpec defaults = {
    .source = PARAAT_SOURCE_OTHER,
    .priority = PARAAT_PRIORITY_MEDIUM,
    .required_track = PARAAT_TRACK_OPERATION,
  };

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (workspace), NULL);

  self = dialog_new (parent, workspace);
  gtk_window_set_title (GTK_WINDOW (self), _("New Action"));
  adw_window_title_set_title (self->window_title, _("New Action"));
  gtk_widget_set_visible (self->status_box, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->due_shown_row), FALSE);
  gtk_widget_set_visible (self->workflow_group, FALSE);
  gtk_widget_set_visible (self->evidence_group, FALSE);
  gtk_widget_set_visible (self->due_changes_group, FALSE);
  gtk_widget_set_visible (self->history_button, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "action.history", FALSE);

  fill_fields (self, prefill ? prefill : &defaults);
  /* A decision's action always comes from the management review. */
  if (self->decision_id != 0)
    adw_combo_row_set_selected (self->source_row, PARAAT_SOURCE_REVIEW);
  fill_workflow (self);
  return self;
}

gint64
paraat_action_dialog_get_action_id (ParaatActionDialog *self)
{
  g_return_val_if_fail (PARAAT_IS_ACTION_DIALOG (self), 0);

  return self->action_id;
}

const char *
paraat_action_dialog_get_error (ParaatActionDialog *self)
{
  g_return_val_if_fail (PARAAT_IS_ACTION_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (self->error_banner))
    return NULL;
  return gtk_label_get_label (self->error_label);
}
