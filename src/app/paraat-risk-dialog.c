/* paraat-risk-dialog.c — one risk: its assessment, treatment, scope, requirements and actions
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "paraat-action.h"
#include "paraat-action-dialog.h"
#include "paraat-catalog.h"
#include "paraat-clock.h"
#include "paraat-history-dialog.h"
#include "paraat-requirement.h"
#include "paraat-risk.h"
#include "paraat-risk-dialog.h"
#include "paraat-widget-util.h"

/* The link popover lists this many matches; the search narrows a longer list. */
#define MAX_ACTION_CHOICES 50

struct _ParaatRiskDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkWidget       *history_button;
  GtkWidget       *error_banner;
  GtkLabel        *error_label;
  AdwToastOverlay *toast_overlay;
  AdwEntryRow     *title_row;
  AdwComboRow     *owner_row;
  AdwEntryRow     *threat_row;
  AdwEntryRow     *vulnerability_row;
  GtkTextView     *scenario_view;
  AdwComboRow     *likelihood_row;
  AdwComboRow     *impact_row;
  GtkLabel        *inherent_label;
  AdwComboRow     *treatment_row;
  AdwComboRow     *accepted_by_row;
  AdwEntryRow     *accepted_date_row;
  AdwComboRow     *residual_likelihood_row;
  AdwComboRow     *residual_impact_row;
  GtkLabel        *residual_label;
  AdwEntryRow     *review_row;
  GtkListBox      *scope_list;
  GtkWidget       *scope_empty_label;
  GtkWidget       *scope_warning_box;
  GtkLabel        *scope_warning_label;
  GtkPopover      *requirement_popover;
  GtkEntry        *requirement_entry;
  GtkLabel        *requirement_error;
  GtkListBox      *requirements_list;
  GtkPopover      *action_popover;
  GtkEditable     *action_search;
  GtkListBox      *action_choices;
  GtkLabel        *action_choices_empty;
  GtkListBox      *actions_list;

  /* Owned references */
  ParaatWorkspace *workspace;
  gint64           risk_id;
  char            *risk_title;       /* as saved, for the history window */
  GArray          *owner_ids;
  GArray          *accepted_by_ids;
  GArray          *requirement_ids;  /* the links as edited, saved with the risk */
  GArray          *action_ids;
  GPtrArray       *scope_checks;     /* GtkCheckButton per scope item, "scope-item" attached */
  GtkWidget       *kind_rows[PARAAT_N_SCOPE_KINDS];  /* AdwExpanderRow per kind, in scope_list */
  GtkWidget       *marked;           /* the field the last refusal concerned */
};

G_DEFINE_FINAL_TYPE (ParaatRiskDialog, paraat_risk_dialog, ADW_TYPE_WINDOW)

/* Messages */

static void
clear_error (ParaatRiskDialog *self)
{
  gtk_widget_set_visible (self->error_banner, FALSE);
  if (self->marked != NULL)
    gtk_widget_remove_css_class (self->marked, "error");
  g_clear_object (&self->marked);
}

static void
show_error (ParaatRiskDialog *self,
            const char       *message,
            GtkWidget        *field)
{
  clear_error (self);
  paraat_label_show_error (self->error_label, message, field);
  gtk_widget_set_visible (self->error_banner, TRUE);
  if (field != NULL)
    self->marked = g_object_ref (field);
}

static void
toast (ParaatRiskDialog *self,
       const char       *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, paraat_toast_new (message));
}

/* Choices */

static GtkStringList *
scale_choices_new (const char *(*label) (int value),
                   const char  *none_label)
{
  GtkStringList *choices = gtk_string_list_new ((const char *[]) { none_label, NULL });

  for (int value = 1; value <= PARAAT_RISK_SCALE; value++)
    {
      /* Translators: a step on a risk scale, "3 · Possible — once in one to five years" */
      g_autofree char *text = g_strdup_printf (_("%d · %s"), value, label (value));
      gtk_string_list_append (choices, text);
    }
  return choices;
}

static void
fill_choice_models (ParaatRiskDialog *self)
{
  g_autoptr(GtkStringList) likelihood = scale_choices_new (paraat_likelihood_label, _("Not chosen yet"));
  g_autoptr(GtkStringList) impact = scale_choices_new (paraat_impact_label, _("Not chosen yet"));
  g_autoptr(GtkStringList) residual_likelihood = scale_choices_new (paraat_likelihood_label, _("Not assessed"));
  g_autoptr(GtkStringList) residual_impact = scale_choices_new (paraat_impact_label, _("Not assessed"));
  g_autoptr(GtkStringList) treatments = gtk_string_list_new (NULL);

  for (guint t = 0; t < PARAAT_N_TREATMENTS; t++)
    gtk_string_list_append (treatments, paraat_treatment_label ((ParaatTreatment) t));
  adw_combo_row_set_model (self->likelihood_row, G_LIST_MODEL (likelihood));
  adw_combo_row_set_model (self->impact_row, G_LIST_MODEL (impact));
  adw_combo_row_set_model (self->residual_likelihood_row, G_LIST_MODEL (residual_likelihood));
  adw_combo_row_set_model (self->residual_impact_row, G_LIST_MODEL (residual_impact));
  adw_combo_row_set_model (self->treatment_row, G_LIST_MODEL (treatments));
}

static void
fill_people (ParaatRiskDialog *self,
             gint64            owner_id,
             gint64            accepted_by)
{
  guint owner, acceptor;
  g_autoptr(GtkStringList) owners =
    paraat_person_choices_new (self->workspace, _("Not chosen yet"), owner_id, self->owner_ids, &owner);
  g_autoptr(GtkStringList) acceptors =
    paraat_person_choices_new (self->workspace, _("Not chosen yet"), accepted_by,
                               self->accepted_by_ids, &acceptor);

  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (owners));
  adw_combo_row_set_selected (self->owner_row, owner);
  adw_combo_row_set_model (self->accepted_by_row, G_LIST_MODEL (acceptors));
  adw_combo_row_set_selected (self->accepted_by_row, acceptor);
}

/* Scores, live as the scales change */

static void
show_score (GtkLabel *label,
            int       score,
            const char *none_text)
{
  static const char *classes[] = { "paraat-risk-low", "paraat-risk-medium",
                                   "paraat-risk-high", "paraat-risk-critical" };
  ParaatRiskLevel level = paraat_risk_level_for_score (score);
  const char *css[] = { "paraat-status", score > 0 ? classes[MIN (level, 3)] : NULL, NULL };
  g_autofree char *text = NULL;

  if (score > 0)
    /* Translators: a risk score with its level in words, "20 · Critical" */
    text = g_strdup_printf (_("%d · %s"), score, paraat_risk_level_label (level));
  gtk_label_set_label (label, text ? text : none_text);
  gtk_widget_set_css_classes (GTK_WIDGET (label), css);
}

static int
scale_value (AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected <= PARAAT_RISK_SCALE ? (int) selected : 0;
}

static void
update_scores (ParaatRiskDialog *self)
{
  show_score (self->inherent_label,
              scale_value (self->likelihood_row) * scale_value (self->impact_row),
              _("Choose likelihood and impact"));
  show_score (self->residual_label,
              scale_value (self->residual_likelihood_row) * scale_value (self->residual_impact_row),
              _("Not assessed"));
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (paraat_clock_now_ms () / 1000);

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Acceptance is asked for only when the risk is accepted; the date starts as today. */
static void
on_treatment_changed_cb (ParaatRiskDialog *self)
{
  gboolean accept = adw_combo_row_get_selected (self->treatment_row) == PARAAT_TREATMENT_ACCEPT;

  gtk_widget_set_visible (GTK_WIDGET (self->accepted_by_row), accept);
  gtk_widget_set_visible (GTK_WIDGET (self->accepted_date_row), accept);
  if (accept && gtk_editable_get_text (GTK_EDITABLE (self->accepted_date_row))[0] == '\0')
    {
      g_autofree char *date = today ();
      gtk_editable_set_text (GTK_EDITABLE (self->accepted_date_row), date);
    }
}

/* Affected scope */

static gboolean
is_scope_ticked (const gint64 *ids,
                 guint         n,
                 gint64        id)
{
  for (guint i = 0; i < n; i++)
    if (ids[i] == id)
      return TRUE;
  return FALSE;
}

static void
update_scope_warning (ParaatRiskDialog *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->scope_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->scope_checks, i);
      ParaatScopeItem *item = g_object_get_data (G_OBJECT (check), "scope-item");

      if (!gtk_check_button_get_active (check) || paraat_scope_item_get_in_scope (item))
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, _("‘%s’ is out of scope. A risk to it may mean the scope "
                                      "statement needs another look."),
                              paraat_scope_item_get_name (item));
    }
  gtk_label_set_label (self->scope_warning_label, text->str);
  gtk_widget_set_visible (self->scope_warning_box, text->len > 0);
}

/* Items grouped by kind, so a long scope register stays a short list to scan. */
static void
update_scope_counts (ParaatRiskDialog *self)
{
  guint ticked[PARAAT_N_SCOPE_KINDS] = { 0 };
  guint total[PARAAT_N_SCOPE_KINDS] = { 0 };

  for (guint i = 0; i < self->scope_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->scope_checks, i);
      ParaatScopeKind kind = paraat_scope_item_get_kind (g_object_get_data (G_OBJECT (check), "scope-item"));

      total[kind]++;
      ticked[kind] += gtk_check_button_get_active (check);
    }
  for (guint k = 0; k < PARAAT_N_SCOPE_KINDS; k++)
    if (self->kind_rows[k] != NULL)
      {
        /* Translators: how many scope items of a kind the risk affects, "2 of 5 affected" */
        g_autofree char *text = g_strdup_printf (_("%u of %u affected"), ticked[k], total[k]);
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->kind_rows[k]), text);
      }
}

static void
on_scope_toggled_cb (ParaatRiskDialog *self)
{
  update_scope_warning (self);
  update_scope_counts (self);
}

static GtkWidget *
scope_row_new (ParaatRiskDialog *self,
               ParaatScopeItem  *item,
               gboolean          ticked)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), paraat_scope_item_get_name (item));
  if (!paraat_scope_item_get_in_scope (item))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Out of scope"));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), ticked);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  paraat_scope_item_get_name (item), -1);
  g_object_set_data_full (G_OBJECT (check), "scope-item", g_object_ref (item), g_object_unref);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_scope_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_ptr_array_add (self->scope_checks, check);
  return row;
}

static GtkWidget *
kind_row (ParaatRiskDialog *self,
          ParaatScopeKind   kind)
{
  if (self->kind_rows[kind] == NULL)
    {
      self->kind_rows[kind] = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_rows[kind]),
                                     paraat_scope_kind_heading (kind));
      gtk_list_box_append (self->scope_list, self->kind_rows[kind]);
    }
  return self->kind_rows[kind];
}

static GArray *
ticked_scope_ids (ParaatRiskDialog *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->scope_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->scope_checks, i);
      gint64 id = paraat_scope_item_get_id (g_object_get_data (G_OBJECT (check), "scope-item"));

      if (gtk_check_button_get_active (check))
        g_array_append_val (ids, id);
    }
  return ids;
}

static void
fill_scope (ParaatRiskDialog *self,
            const gint64     *ticked,
            guint             n_ticked)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = paraat_workspace_list_scope_items (self->workspace, &error);
  guint n = items ? g_list_model_get_n_items (items) : 0;

  if (items == NULL)
    show_error (self, error->message, NULL);
  g_ptr_array_set_size (self->scope_checks, 0);
  paraat_list_box_clear (self->scope_list);
  memset (self->kind_rows, 0, sizeof self->kind_rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatScopeItem) item = g_list_model_get_item (items, i);
      gboolean on = is_scope_ticked (ticked, n_ticked, paraat_scope_item_get_id (item));
      GtkWidget *group = kind_row (self, paraat_scope_item_get_kind (item));

      adw_expander_row_add_row (ADW_EXPANDER_ROW (group), scope_row_new (self, item, on));
      /* The kinds the risk affects are open, so what is ticked is seen at once. */
      if (on)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (group), TRUE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->scope_list), n > 0);
  gtk_widget_set_visible (self->scope_empty_label, n == 0);
  update_scope_warning (self);
  update_scope_counts (self);
}

/* Linked requirements: edited here, saved with the risk */

static void fill_requirements (ParaatRiskDialog *self);

static void
on_requirement_remove_cb (GtkButton        *button,
                          ParaatRiskDialog *self)
{
  paraat_ids_remove (self->requirement_ids, paraat_remove_button_get_id (button));
  fill_requirements (self);
}

static void
fill_requirements (ParaatRiskDialog *self)
{
  paraat_requirement_list_fill (self->requirements_list, self->workspace, self->requirement_ids,
                                G_CALLBACK (on_requirement_remove_cb), self);
}

static void
on_requirement_activate_cb (ParaatRiskDialog *self)
{
  if (!paraat_requirement_entry_add (GTK_EDITABLE (self->requirement_entry),
                                     self->requirement_error, self->requirement_popover,
                                     self->workspace, self->requirement_ids))
    return;
  fill_requirements (self);
}

/* Treatment actions: edited here, saved with the risk */

static void fill_actions (ParaatRiskDialog *self);

static void
on_action_remove_cb (GtkButton        *button,
                     ParaatRiskDialog *self)
{
  paraat_ids_remove (self->action_ids, paraat_remove_button_get_id (button));
  fill_actions (self);
}

static GtkWidget *
action_row_new (ParaatAction *action)
{
  GtkWidget *row = adw_action_row_new ();
  /* Translators: a treatment action's owner, status and due date, "Joost Bakker · Open · due 2026-03-31" */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · due %s"),
                                               paraat_action_get_owner_name (action),
                                               paraat_action_status_label (paraat_action_get_status (action)),
                                               paraat_action_get_due_date (action));
  gint64 id = paraat_action_get_id (action);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), paraat_action_get_title (action));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "action-id", g_memdup2 (&id, sizeof id), g_free);
  return row;
}

static void
fill_actions (ParaatRiskDialog *self)
{
  paraat_list_box_clear (self->actions_list);
  for (guint i = 0; i < self->action_ids->len; i++)
    {
      g_autoptr(ParaatAction) action =
        paraat_workspace_get_action (self->workspace, g_array_index (self->action_ids, gint64, i), NULL);
      GtkWidget *row;

      if (action == NULL)
        continue;
      row = action_row_new (action);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 paraat_remove_button_new (paraat_action_get_title (action),
                                                    paraat_action_get_id (action),
                                                    G_CALLBACK (on_action_remove_cb), self));
      gtk_list_box_append (self->actions_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->actions_list), self->action_ids->len > 0);
}

static gboolean
is_linked_action (ParaatRiskDialog *self,
                  gint64            id)
{
  for (guint i = 0; i < self->action_ids->len; i++)
    if (g_array_index (self->action_ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static gboolean
is_action_choice (ParaatRiskDialog *self,
                  ParaatAction     *action,
                  const char       *needle)
{
  return paraat_action_get_status (action) != PARAAT_ACTION_CANCELLED &&
         !is_linked_action (self, paraat_action_get_id (action)) &&
         paraat_contains_folded (paraat_action_get_title (action), needle);
}

static void
show_choices_note (ParaatRiskDialog *self,
                   guint             shown,
                   gboolean          more,
                   gboolean          searched)
{
  gtk_widget_set_visible (GTK_WIDGET (self->action_choices), shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->action_choices_empty), shown == 0 || more);
  if (more)
    gtk_label_set_label (self->action_choices_empty,
                         _("More actions match. Type more of the title to find one."));
  else if (searched)
    gtk_label_set_label (self->action_choices_empty, _("No action matches the search."));
  else
    gtk_label_set_label (self->action_choices_empty,
                         _("No other actions in this workspace. Start a new treatment action "
                           "instead."));
}

/* The actions not linked yet that match the search, at most MAX_ACTION_CHOICES. */
static void
fill_action_choices (ParaatRiskDialog *self)
{
  g_autoptr(GListModel) actions = paraat_workspace_list_actions (self->workspace, NULL);
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (self->action_search), -1);
  guint n = actions ? g_list_model_get_n_items (actions) : 0;
  guint shown = 0;
  gboolean more = FALSE;

  paraat_list_box_clear (self->action_choices);
  for (guint i = 0; i < n && !more; i++)
    {
      g_autoptr(ParaatAction) action = g_list_model_get_item (actions, i);

      if (!is_action_choice (self, action, needle))
        continue;
      if (shown == MAX_ACTION_CHOICES)
        more = TRUE;
      else
        {
          gtk_list_box_append (self->action_choices, action_row_new (action));
          shown++;
        }
    }
  show_choices_note (self, shown, more, needle[0] != '\0');
}

/* Each time it opens, the whole list again. */
static void
on_action_popover_show_cb (ParaatRiskDialog *self)
{
  gtk_editable_set_text (self->action_search, "");
  fill_action_choices (self);
}

static void
on_action_choice_activated_cb (ParaatRiskDialog *self,
                               GtkListBoxRow    *row)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "action-id");

  gtk_popover_popdown (self->action_popover);
  paraat_ids_add (self->action_ids, id);
  fill_actions (self);
}

static void
on_action_activated_cb (ParaatRiskDialog *self,
                        GtkListBoxRow    *row)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "action-id");

  gtk_window_present (GTK_WINDOW (paraat_action_dialog_new (GTK_WINDOW (self), self->workspace, id)));
}

static void
on_action_created_cb (ParaatRiskDialog *self,
                      gint64            action_id)
{
  paraat_ids_add (self->action_ids, action_id);
  fill_actions (self);
  toast (self, _("Action created. It is linked to this risk when you save."));
}

static ParaatPriority
priority_for_level (ParaatRiskLevel level)
{
  switch (level)
    {
    case PARAAT_RISK_LOW: return PARAAT_PRIORITY_LOW;
    case PARAAT_RISK_HIGH: return PARAAT_PRIORITY_HIGH;
    case PARAAT_RISK_CRITICAL: return PARAAT_PRIORITY_CRITICAL;
    case PARAAT_RISK_MEDIUM:
    default: return PARAAT_PRIORITY_MEDIUM;
    }
}

/* The new action treats this risk: its source, its priority from the level as the fields say
 * now, the risk's owner and requirements to start from. */
static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  ParaatRiskDialog *self = PARAAT_RISK_DIALOG (widget);
  int score = scale_value (self->likelihood_row) * scale_value (self->impact_row);
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  g_autofree char *decision = title[0] ? g_strdup_printf (_("Treats the risk “%s”."), title) : NULL;
  ParaatActionSpec prefill = {
    .decision = decision,
    .source = PARAAT_SOURCE_RISK,
    .owner_id = paraat_person_choice_get_id (self->owner_ids,
                                             adw_combo_row_get_selected (self->owner_row)),
    .priority = score > 0 ? priority_for_level (paraat_risk_level_for_score (score))
                          : PARAAT_PRIORITY_MEDIUM,
    .required_track = PARAAT_TRACK_OPERATION,
    .requirement_ids = (const gint64 *) (gpointer) self->requirement_ids->data,
    .n_requirements = self->requirement_ids->len,
  };
  ParaatActionDialog *dialog = paraat_action_dialog_new_action (GTK_WINDOW (self), self->workspace,
                                                                &prefill);

  g_signal_connect_object (dialog, "created", G_CALLBACK (on_action_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Fields */

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
set_ids (GArray       *ids,
         const gint64 *values,
         guint         n)
{
  g_array_set_size (ids, 0);
  if (values != NULL)
    g_array_append_vals (ids, values, n);
}

/* The editable fields from the saved risk; called once, so edits in progress are not thrown
 * away when the workspace reports a change. */
static void
fill_fields (ParaatRiskDialog *self,
             ParaatRisk       *risk)
{
  guint n = 0;
  const gint64 *ids;

  set_text (self->title_row, paraat_risk_get_title (risk));
  set_text (self->threat_row, paraat_risk_get_threat (risk));
  set_text (self->vulnerability_row, paraat_risk_get_vulnerability (risk));
  set_text (self->review_row, paraat_risk_get_review_date (risk));
  set_text (self->accepted_date_row, paraat_risk_get_accepted_date (risk));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->scenario_view),
                            paraat_risk_get_scenario (risk), -1);
  adw_combo_row_set_selected (self->likelihood_row, paraat_risk_get_likelihood (risk));
  adw_combo_row_set_selected (self->impact_row, paraat_risk_get_impact (risk));
  adw_combo_row_set_selected (self->residual_likelihood_row, paraat_risk_get_residual_likelihood (risk));
  adw_combo_row_set_selected (self->residual_impact_row, paraat_risk_get_residual_impact (risk));
  adw_combo_row_set_selected (self->treatment_row, paraat_risk_get_treatment (risk));
  fill_people (self, paraat_risk_get_owner_id (risk), paraat_risk_get_accepted_by (risk));

  ids = paraat_risk_get_requirement_ids (risk, &n);
  set_ids (self->requirement_ids, ids, n);
  ids = paraat_risk_get_action_ids (risk, &n);
  set_ids (self->action_ids, ids, n);
  ids = paraat_risk_get_scope_item_ids (risk, &n);
  fill_scope (self, ids, n);
}

/* What the fields say now. SPEC points into the widgets, SCENARIO and SCOPE_IDS, which the
 * caller frees after the core call. */
static void
read_fields (ParaatRiskDialog *self,
             ParaatRiskSpec   *spec,
             char            **scenario,
             GArray          **scope_ids)
{
  gboolean accept = adw_combo_row_get_selected (self->treatment_row) == PARAAT_TREATMENT_ACCEPT;

  *scenario = paraat_text_view_dup_text (self->scenario_view);
  *scope_ids = ticked_scope_ids (self);
  *spec = (ParaatRiskSpec) {
    .title = gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
    .scenario = *scenario,
    .threat = gtk_editable_get_text (GTK_EDITABLE (self->threat_row)),
    .vulnerability = gtk_editable_get_text (GTK_EDITABLE (self->vulnerability_row)),
    .likelihood = scale_value (self->likelihood_row),
    .impact = scale_value (self->impact_row),
    .treatment = MIN (adw_combo_row_get_selected (self->treatment_row), PARAAT_N_TREATMENTS - 1),
    .owner_id = paraat_person_choice_get_id (self->owner_ids,
                                             adw_combo_row_get_selected (self->owner_row)),
    .residual_likelihood = scale_value (self->residual_likelihood_row),
    .residual_impact = scale_value (self->residual_impact_row),
    .review_date = gtk_editable_get_text (GTK_EDITABLE (self->review_row)),
    /* Acceptance belongs to an accepted risk only; another treatment drops it. */
    .accepted_by = accept ? paraat_person_choice_get_id (self->accepted_by_ids,
                                                         adw_combo_row_get_selected (self->accepted_by_row))
                          : 0,
    .accepted_date = accept ? gtk_editable_get_text (GTK_EDITABLE (self->accepted_date_row)) : "",
    .scope_item_ids = (const gint64 *) (gpointer) (*scope_ids)->data,
    .n_scope_items = (*scope_ids)->len,
    .requirement_ids = (const gint64 *) (gpointer) self->requirement_ids->data,
    .n_requirements = self->requirement_ids->len,
    .action_ids = (const gint64 *) (gpointer) self->action_ids->data,
    .n_actions = self->action_ids->len,
  };
}

static gboolean
is_date (const char *text)
{
  int year, month, day;
  char end;

  return strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) == 3 &&
         g_date_valid_dmy (day, month, year);
}

/* The core says why it refused in words; this finds the field to mark, by what it requires. */
static GtkWidget *
refused_field (ParaatRiskDialog     *self,
               const ParaatRiskSpec *spec)
{
  g_autofree char *title = g_strstrip (g_strdup (spec->title));

  if (title[0] == '\0')
    return GTK_WIDGET (self->title_row);
  if (spec->owner_id == 0)
    return GTK_WIDGET (self->owner_row);
  if (spec->likelihood == 0)
    return GTK_WIDGET (self->likelihood_row);
  if (spec->impact == 0)
    return GTK_WIDGET (self->impact_row);
  if ((spec->residual_likelihood == 0) != (spec->residual_impact == 0))
    return GTK_WIDGET (spec->residual_likelihood == 0 ? self->residual_likelihood_row
                                                      : self->residual_impact_row);
  if (spec->treatment == PARAAT_TREATMENT_ACCEPT && spec->accepted_by == 0)
    return GTK_WIDGET (self->accepted_by_row);
  if (spec->treatment == PARAAT_TREATMENT_ACCEPT && !is_date (spec->accepted_date))
    return GTK_WIDGET (self->accepted_date_row);
  if (spec->review_date[0] != '\0' && !is_date (spec->review_date))
    return GTK_WIDGET (self->review_row);
  return NULL;
}

/* Saving: the whole risk in one core call, so a refusal writes nothing. */
static void
save_risk (GtkWidget  *widget,
           const char *action_name,
           GVariant   *param)
{
  ParaatRiskDialog *self = PARAAT_RISK_DIALOG (widget);
  g_autofree char *scenario = NULL;
  g_autoptr(GArray) scope_ids = NULL;
  g_autoptr(GError) error = NULL;
  ParaatRiskSpec spec;
  gboolean saved;

  read_fields (self, &spec, &scenario, &scope_ids);
  if (self->risk_id == 0)
    saved = (self->risk_id = paraat_workspace_add_risk (self->workspace, &spec, &error)) != 0;
  else
    saved = paraat_workspace_update_risk (self->workspace, self->risk_id, &spec, &error);
  if (!saved)
    {
      show_error (self, error->message, refused_field (self, &spec));
      return;
    }
  clear_error (self);
  gtk_window_close (GTK_WINDOW (self));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ParaatRiskDialog *self = PARAAT_RISK_DIALOG (widget);

  if (self->risk_id != 0)
    gtk_window_present (GTK_WINDOW (paraat_history_dialog_new (GTK_WINDOW (self), self->workspace,
                                                               "risk", self->risk_id,
                                                               self->risk_title)));
}

/* Following the workspace */

static void
on_workspace_changed_cb (ParaatRiskDialog *self,
                         const char       *object_type)
{
  /* Treatment actions show their owner and status, which change elsewhere. */
  if (g_str_equal (object_type, "action"))
    fill_actions (self);
  else if (g_str_has_prefix (object_type, "scope"))
    {
      g_autoptr(GArray) ticked = ticked_scope_ids (self);
      fill_scope (self, (const gint64 *) (gpointer) ticked->data, ticked->len);
    }
}

static void
on_workspace_closed_cb (ParaatRiskDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Construction */

static void
paraat_risk_dialog_dispose (GObject *object)
{
  ParaatRiskDialog *self = PARAAT_RISK_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_RISK_DIALOG);
  g_clear_object (&self->marked);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->risk_title, g_free);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->accepted_by_ids, g_array_unref);
  g_clear_pointer (&self->requirement_ids, g_array_unref);
  g_clear_pointer (&self->action_ids, g_array_unref);
  g_clear_pointer (&self->scope_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (paraat_risk_dialog_parent_class)->dispose (object);
}

static void
paraat_risk_dialog_class_init (ParaatRiskDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_risk_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-risk-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ParaatRiskDialog, name)
  BIND (window_title);
  BIND (history_button);
  BIND (error_banner);
  BIND (error_label);
  BIND (toast_overlay);
  BIND (title_row);
  BIND (owner_row);
  BIND (threat_row);
  BIND (vulnerability_row);
  BIND (scenario_view);
  BIND (likelihood_row);
  BIND (impact_row);
  BIND (inherent_label);
  BIND (treatment_row);
  BIND (accepted_by_row);
  BIND (accepted_date_row);
  BIND (residual_likelihood_row);
  BIND (residual_impact_row);
  BIND (residual_label);
  BIND (review_row);
  BIND (scope_list);
  BIND (scope_empty_label);
  BIND (scope_warning_box);
  BIND (scope_warning_label);
  BIND (requirement_popover);
  BIND (requirement_entry);
  BIND (requirement_error);
  BIND (requirements_list);
  BIND (action_popover);
  BIND (action_search);
  BIND (action_choices);
  BIND (action_choices_empty);
  BIND (actions_list);
#undef BIND

  gtk_widget_class_install_action (widget_class, "risk.save", NULL, save_risk);
  gtk_widget_class_install_action (widget_class, "risk.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "risk.new-action", NULL, new_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "risk.save", NULL);
}

static void
connect_fields (ParaatRiskDialog *self)
{
  AdwComboRow *scales[] = { self->likelihood_row, self->impact_row,
                            self->residual_likelihood_row, self->residual_impact_row };

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    g_signal_connect_swapped (scales[i], "notify::selected", G_CALLBACK (update_scores), self);
  g_signal_connect_swapped (self->treatment_row, "notify::selected",
                            G_CALLBACK (on_treatment_changed_cb), self);
  g_signal_connect_swapped (self->requirement_entry, "activate",
                            G_CALLBACK (on_requirement_activate_cb), self);
  g_signal_connect_swapped (self->action_popover, "show",
                            G_CALLBACK (on_action_popover_show_cb), self);
  g_signal_connect_swapped (self->action_search, "search-changed",
                            G_CALLBACK (fill_action_choices), self);
  g_signal_connect_swapped (self->action_choices, "row-activated",
                            G_CALLBACK (on_action_choice_activated_cb), self);
  g_signal_connect_swapped (self->actions_list, "row-activated",
                            G_CALLBACK (on_action_activated_cb), self);
}

static void
paraat_risk_dialog_init (ParaatRiskDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->accepted_by_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->requirement_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->action_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->scope_checks = g_ptr_array_new ();

  fill_choice_models (self);
  connect_fields (self);
}

static void
show_title (ParaatRiskDialog *self,
            ParaatRisk       *risk)
{
  /* Translators: the risk dialog's subtitle, "Inherent risk 20 · Critical" */
  g_autofree char *subtitle = g_strdup_printf (_("Inherent risk %d · %s"),
                                               paraat_risk_get_score (risk),
                                               paraat_risk_level_label (paraat_risk_get_level (risk)));

  gtk_window_set_title (GTK_WINDOW (self), paraat_risk_get_title (risk));
  adw_window_title_set_title (self->window_title, paraat_risk_get_title (risk));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
start_new (ParaatRiskDialog *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("New Risk"));
  adw_window_title_set_title (self->window_title, _("New Risk"));
  gtk_widget_set_visible (self->history_button, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.history", FALSE);
  adw_combo_row_set_selected (self->treatment_row, PARAAT_TREATMENT_MITIGATE);
  fill_people (self, 0, 0);
  fill_scope (self, NULL, 0);
}

/* A risk that cannot be read leaves a dialog that says so and changes nothing. */
ParaatRiskDialog *
paraat_risk_dialog_new (GtkWindow       *parent,
                        ParaatWorkspace *workspace,
                        gint64           risk_id)
{
  ParaatRiskDialog *self;
  g_autoptr(ParaatRisk) risk = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (PARAAT_TYPE_RISK_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->risk_id = risk_id;
  g_signal_connect_object (workspace, "changed", G_CALLBACK (on_workspace_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "closed", G_CALLBACK (on_workspace_closed_cb), self,
                           G_CONNECT_SWAPPED);

  if (risk_id == 0)
    start_new (self);
  else if ((risk = paraat_workspace_get_risk (workspace, risk_id, &error)) == NULL)
    {
      show_error (self, error->message, NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.save", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.history", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "risk.new-action", FALSE);
    }
  else
    {
      self->risk_title = g_strdup (paraat_risk_get_title (risk));
      show_title (self, risk);
      fill_fields (self, risk);
    }
  on_treatment_changed_cb (self);
  update_scores (self);
  fill_requirements (self);
  fill_actions (self);
  return self;
}

gint64
paraat_risk_dialog_get_risk_id (ParaatRiskDialog *self)
{
  g_return_val_if_fail (PARAAT_IS_RISK_DIALOG (self), 0);

  return self->risk_id;
}

const char *
paraat_risk_dialog_get_error (ParaatRiskDialog *self)
{
  g_return_val_if_fail (PARAAT_IS_RISK_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (self->error_banner))
    return NULL;
  return gtk_label_get_label (self->error_label);
}

const char *
paraat_risk_dialog_get_scope_warning (ParaatRiskDialog *self)
{
  g_return_val_if_fail (PARAAT_IS_RISK_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (self->scope_warning_box))
    return NULL;
  return gtk_label_get_label (self->scope_warning_label);
}
