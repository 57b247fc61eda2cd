/* paraat-review-window.c — the minutes of one management review (ISO/IEC 27001 clause 9.3)
 *
 * Written during the meeting: every change is saved as it is made, notes shortly after
 * typing stops. Once finalised the minutes are part of the record and only addenda can be
 * added, so every edit widget goes insensitive and its action is disabled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "paraat-action-dialog.h"
#include "paraat-history-dialog.h"
#include "paraat-review-window.h"
#include "paraat-widget-util.h"

#define NOTES_SAVE_DELAY_MS 800
#define ACTION_TITLE_CHARS  80

struct _ParaatReviewWindow
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *finalise_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkImage            *state_icon;
  GtkLabel            *state_label;
  AdwEntryRow         *title_row;
  AdwEntryRow         *date_row;
  AdwComboRow         *chair_row;
  AdwExpanderRow      *attendees_row;
  GtkListBox          *previous_list;
  GtkWidget           *previous_empty;
  AdwPreferencesGroup *inputs_group;
  GtkBox              *decisions_box;
  GtkWidget           *new_decision_list;
  AdwEntryRow         *decision_row;
  GtkListBox          *addenda_list;

  /* Built in code */
  GtkCheckButton      *covered_checks[PARAAT_N_REVIEW_INPUTS];
  GtkTextView         *notes_views[PARAAT_N_REVIEW_INPUTS];
  GPtrArray           *attendee_checks;   /* GtkCheckButton*, with "person-id" data */

  /* Owned references */
  ParaatWorkspace     *workspace;
  ParaatReview        *review;
  GArray              *chair_ids;

  gint64               review_id;
  guint                notes_timeout;
  guint                pending_inputs;    /* bit per input whose notes wait to be saved */
  gboolean             loading;           /* filling the widgets: not an edit */
  gboolean             saving_input;      /* our own save: the checklist is up to date */
};

G_DEFINE_FINAL_TYPE (ParaatReviewWindow, paraat_review_window, ADW_TYPE_WINDOW)

static gboolean reload (ParaatReviewWindow *self, GError **error);

/* Errors */

/* Shown above the minutes until dismissed: a refused save must not pass unnoticed. */
static void
show_error (ParaatReviewWindow *self,
            const char         *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
dismiss_error_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  gtk_revealer_set_reveal_child (PARAAT_REVIEW_WINDOW (widget)->error_revealer, FALSE);
}

static char *
format_local_ms (gint64 ms)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
}

/* An icon with a short text beside it: a warning is never told by colour or icon alone.
 * The text does not wrap; GTK 4.8 mismeasures a wrapping label beside an icon in a row. */
static GtkWidget *
icon_line_new (const char *icon_name,
               const char *text,
               const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  if (css_class != NULL)
    gtk_widget_add_css_class (box, css_class);
  return box;
}

typedef GtkWidget *(*RowNew) (gpointer item);

/* Fills LIST with a ROW_NEW row per item of ITEMS, hiding it when there are none; ITEMS is
 * NULL when reading failed with ERROR, which is shown. Returns the number of rows. */
static guint
fill_list (ParaatReviewWindow *self,
           GtkListBox         *list,
           GListModel         *items,
           const GError       *error,
           RowNew              row_new)
{
  guint n = items ? g_list_model_get_n_items (items) : 0;
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, row);
  if (items == NULL)
    show_error (self, error->message);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      gtk_list_box_append (list, row_new (item));
    }
  gtk_widget_set_visible (GTK_WIDGET (list), n > 0);
  return n;
}

/* Header and state */

static void
fill_state (ParaatReviewWindow *self)
{
  gboolean finalised = paraat_review_is_finalised (self->review);
  g_autofree char *text = NULL;

  gtk_window_set_title (GTK_WINDOW (self), paraat_review_get_title (self->review));
  adw_window_title_set_title (self->window_title, paraat_review_get_title (self->review));
  adw_window_title_set_subtitle (self->window_title,
                                 finalised ? _("Management review · finalised")
                                           : _("Management review · draft"));
  if (finalised)
    {
      g_autofree char *when = format_local_ms (paraat_review_get_finalised_ms (self->review));
      /* Translators: "Finalised by Eva Smit on 2025-03-31 14:02." */
      text = g_strdup_printf (_("Finalised by %s on %s. The minutes can no longer be changed; "
                                "later notes go into addenda."),
                              paraat_review_get_chair_name (self->review), when);
    }
  else
    text = g_strdup (_("Draft: every change is saved as you make it. Finalise the minutes "
                       "when the meeting is done."));
  gtk_image_set_from_icon_name (self->state_icon, finalised ? "emblem-ok-symbolic"
                                                            : "document-edit-symbolic");
  gtk_label_set_label (self->state_label, text);
}

/* Details */

static const char *
person_name (ParaatReviewWindow *self,
             gint64              id)
{
  ParaatPerson *person = paraat_workspace_find_person (self->workspace, id);

  return person ? paraat_person_get_name (person) : "";
}

static void
fill_attendees_summary (ParaatReviewWindow *self)
{
  guint n;
  const gint64 *ids = paraat_review_get_attendee_ids (self->review, &n);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", person_name (self, ids[i]));
  adw_expander_row_set_subtitle (self->attendees_row,
                                 n ? names->str : _("Nobody recorded yet"));
}

static gboolean
is_attendee (ParaatReview *review,
             gint64        id)
{
  guint n;
  const gint64 *ids = paraat_review_get_attendee_ids (review, &n);

  for (guint i = 0; i < n; i++)
    if (ids[i] == id)
      return TRUE;
  return FALSE;
}

static void
fill_chair (ParaatReviewWindow *self)
{
  for (guint i = 0; i < self->chair_ids->len; i++)
    if (g_array_index (self->chair_ids, gint64, i) == paraat_review_get_chair_id (self->review))
      adw_combo_row_set_selected (self->chair_row, i + 1);
}

/* Only what changed in the core is put back: a title being typed stays while notes
 * elsewhere are saved. */
static void
fill_details (ParaatReviewWindow *self,
              ParaatReview       *old)
{
  ParaatReview *r = self->review;

  self->loading = TRUE;
  if (old == NULL || g_strcmp0 (paraat_review_get_title (old), paraat_review_get_title (r)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), paraat_review_get_title (r));
  if (old == NULL || g_strcmp0 (paraat_review_get_date (old), paraat_review_get_date (r)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), paraat_review_get_date (r));
  fill_chair (self);
  for (guint i = 0; i < self->attendee_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->attendee_checks, i);
      gint64 id = paraat_person_check_get_id (check);

      gtk_check_button_set_active (check, is_attendee (r, id));
    }
  fill_attendees_summary (self);
  self->loading = FALSE;
}

static void
save_details (ParaatReviewWindow *self)
{
  g_autoptr(GArray) attendees = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  ParaatReviewSpec spec;

  if (self->loading)
    return;
  attendees = paraat_person_checks_get_ids (self->attendee_checks);
  date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  spec = (ParaatReviewSpec) {
    .title = gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
    .date = date,
    .chair_id = paraat_person_choice_get_id (self->chair_ids,
                                             adw_combo_row_get_selected (self->chair_row)),
    .attendee_ids = (const gint64 *) (gpointer) attendees->data,
    .n_attendees = attendees->len,
  };
  if (!paraat_workspace_update_review (self->workspace, self->review_id, &spec, &error))
    {
      show_error (self, error->message);
      /* A chair or attendee that was refused goes back to what is saved; typed text stays
       * so it can be corrected. */
      self->loading = TRUE;
      fill_chair (self);
      self->loading = FALSE;
      return;
    }
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
build_people (ParaatReviewWindow *self)
{
  GListModel *people = paraat_workspace_get_people (self->workspace);
  g_autoptr(GtkStringList) choices = NULL;
  guint selected;

  self->loading = TRUE;
  choices = paraat_person_choices_new (self->workspace, _("Choose a person"),
                                       paraat_review_get_chair_id (self->review),
                                       self->chair_ids, &selected);
  adw_combo_row_set_model (self->chair_row, G_LIST_MODEL (choices));
  adw_combo_row_set_selected (self->chair_row, selected);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ParaatPerson) person = g_list_model_get_item (people, i);
      GtkWidget *check;
      GtkWidget *row = paraat_person_check_row_new (person, NULL, &check);

      adw_expander_row_add_row (self->attendees_row, row);
      g_ptr_array_add (self->attendee_checks, check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (save_details), self);
    }
  self->loading = FALSE;
}

/* Inputs (clause 9.3.2) */

static void
fill_inputs_description (ParaatReviewWindow *self)
{
  g_autofree char *text =
    /* Translators: "7 of 10 inputs of clause 9.3.2 covered. …" */
    g_strdup_printf (_("%u of %u inputs of clause 9.3.2 covered. Tick what the meeting "
                       "considered and note what was said."),
                     paraat_review_get_n_covered (self->review), (guint) PARAAT_N_REVIEW_INPUTS);

  adw_preferences_group_set_description (self->inputs_group, text);
}

static void
save_input (ParaatReviewWindow *self,
            ParaatReviewInput   input)
{
  g_autofree char *notes = paraat_text_view_dup_text (self->notes_views[input]);
  g_autoptr(GError) error = NULL;
  gboolean saved;

  self->pending_inputs &= ~(1u << input);
  self->saving_input = TRUE;
  saved = paraat_workspace_set_review_input (self->workspace, self->review_id, input,
                                             gtk_check_button_get_active (self->covered_checks[input]),
                                             notes, &error);
  self->saving_input = FALSE;
  if (!saved)
    show_error (self, error->message);
}

static void
save_pending_inputs (ParaatReviewWindow *self)
{
  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  for (guint i = 0; i < PARAAT_N_REVIEW_INPUTS; i++)
    if (self->pending_inputs & (1u << i))
      save_input (self, i);
}

static gboolean
on_notes_timeout_cb (gpointer user_data)
{
  ParaatReviewWindow *self = user_data;

  self->notes_timeout = 0;
  save_pending_inputs (self);
  return G_SOURCE_REMOVE;
}

static void
on_notes_changed_cb (GtkTextBuffer      *buffer,
                     ParaatReviewWindow *self)
{
  if (self->loading)
    return;
  self->pending_inputs |= 1u << GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (buffer), "input"));
  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  self->notes_timeout = g_timeout_add (NOTES_SAVE_DELAY_MS, on_notes_timeout_cb, self);
}

static void
on_covered_toggled_cb (GtkCheckButton     *check,
                       ParaatReviewWindow *self)
{
  ParaatReviewInput input = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "input"));

  if (self->loading)
    return;
  save_pending_inputs (self);
  save_input (self, input);
  /* Ticked means discussed: the notes field opens for what was said. */
  if (gtk_check_button_get_active (check))
    adw_expander_row_set_expanded (g_object_get_data (G_OBJECT (check), "row"), TRUE);
}

static GtkWidget *
notes_view_new (ParaatReviewWindow *self,
                ParaatReviewTopic  *topic,
                ParaatReviewInput   input)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autofree char *label = g_strdup_printf (_("Notes on “%s”"), paraat_review_input_label (input));

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_text_buffer_set_text (buffer, paraat_review_topic_get_notes (topic), -1);
  g_object_set_data (G_OBJECT (buffer), "input", GUINT_TO_POINTER (input));
  g_signal_connect (buffer, "changed", G_CALLBACK (on_notes_changed_cb), self);
  self->notes_views[input] = GTK_TEXT_VIEW (view);
  return view;
}

static GtkWidget *
input_row_new (ParaatReviewWindow *self,
               ParaatReviewTopic  *topic)
{
  ParaatReviewInput input = paraat_review_topic_get_input (topic);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  g_autofree char *check_label = g_strdup_printf (_("“%s” covered"),
                                                  paraat_review_input_label (input));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), paraat_review_input_label (input));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Covered in the meeting"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  check_label, -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), paraat_review_topic_get_covered (topic));
  g_object_set_data (G_OBJECT (check), "input", GUINT_TO_POINTER (input));
  g_object_set_data (G_OBJECT (check), "row", row);
  g_signal_connect (check, "toggled", G_CALLBACK (on_covered_toggled_cb), self);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), check);
  self->covered_checks[input] = GTK_CHECK_BUTTON (check);

  gtk_frame_set_child (GTK_FRAME (frame), notes_view_new (self, topic, input));
  gtk_widget_set_margin_top (frame, 12);
  gtk_widget_set_margin_bottom (frame, 12);
  gtk_widget_set_margin_start (frame, 12);
  gtk_widget_set_margin_end (frame, 12);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), frame);
  /* What was covered or noted is open to read; the rest stays compact. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                 paraat_review_topic_get_covered (topic) ||
                                 paraat_review_topic_get_notes (topic)[0] != '\0');
  return row;
}

static gboolean
build_inputs (ParaatReviewWindow  *self,
              GError             **error)
{
  g_autoptr(GListModel) topics = paraat_workspace_list_review_inputs (self->workspace,
                                                                      self->review_id, error);

  if (topics == NULL)
    return FALSE;
  self->loading = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (topics) && i < PARAAT_N_REVIEW_INPUTS; i++)
    {
      g_autoptr(ParaatReviewTopic) topic = g_list_model_get_item (topics, i);
      adw_preferences_group_add (self->inputs_group, input_row_new (self, topic));
    }
  self->loading = FALSE;
  return TRUE;
}

/* Actions, from the previous review and from decisions */

static char *
action_subtitle (ParaatAction *action)
{
  /* Translators: "Eva Smit · due 2025-06-30 · In progress" */
  return g_strdup_printf (_("%s · due %s · %s"), paraat_action_get_owner_name (action),
                          paraat_action_get_due_date (action),
                          paraat_action_status_label (paraat_action_get_status (action)));
}

/* Short, so the title keeps the row's width at 360 px; the due date is in the subtitle. */
static GtkWidget *
overdue_line_new (ParaatAction *action)
{
  int days = paraat_action_get_days_overdue (action);
  g_autofree char *tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d day",
                                                           "Overdue by %d days", days), days);
  GtkWidget *line = icon_line_new ("dialog-warning-symbolic", _("Overdue"), "error");

  gtk_widget_set_valign (line, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (line, tooltip);
  return line;
}

static GtkWidget *
action_row_new (ParaatAction *action)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = action_subtitle (action);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), paraat_action_get_title (action));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (paraat_action_is_overdue (action))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), overdue_line_new (action));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "review.open-action");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", paraat_action_get_id (action));
  return row;
}

static void
fill_previous (ParaatReviewWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) actions =
    paraat_workspace_list_previous_review_actions (self->workspace, self->review_id, &error);
  guint n = fill_list (self, self->previous_list, actions, error, (RowNew) action_row_new);

  gtk_widget_set_visible (self->previous_empty, n == 0);
}

/* Decisions */

static GtkWidget *
decision_state_new (ParaatReviewDecision *decision)
{
  const char *reason = paraat_review_decision_get_no_action_reason (decision);
  guint n_actions = paraat_review_decision_get_n_actions (decision);
  g_autofree char *text = NULL;

  if (paraat_review_decision_is_flagged (decision))
    return icon_line_new ("dialog-warning-symbolic", _("Needs an action or a reason"), "warning");
  if (n_actions == 0)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      gtk_box_append (GTK_BOX (box), icon_line_new ("object-select-symbolic",
                                                    _("No action needed"), "dim-label"));
      gtk_box_append (GTK_BOX (box), paraat_wrapped_label_new (reason, NULL));
      return box;
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", n_actions),
                          n_actions);
  return icon_line_new ("object-select-symbolic", text, "dim-label");
}

static GtkWidget *
decision_header_new (ParaatReviewDecision *decision,
                     guint                 number,
                     gboolean              editable)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  /* Translators: the heading of the n-th decision in the minutes */
  g_autofree char *heading = g_strdup_printf (_("Decision %u"), number);
  GtkWidget *remove;

  gtk_box_append (GTK_BOX (text), paraat_wrapped_label_new (heading, "caption-heading"));
  gtk_box_append (GTK_BOX (text),
                  paraat_wrapped_label_new (paraat_review_decision_get_text (decision), NULL));
  gtk_box_append (GTK_BOX (text), decision_state_new (decision));
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (remove, _("Remove Decision"));
  gtk_widget_set_valign (remove, GTK_ALIGN_START);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_visible (remove, editable);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "review.remove-decision");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x",
                                    paraat_review_decision_get_id (decision));
  gtk_box_append (GTK_BOX (box), remove);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* A row that reads like a button at the foot of a decision. */
static GtkWidget *
command_row_new (const char *icon_name,
                 const char *title,
                 const char *action_name,
                 gint64      decision_id)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", decision_id);
  return row;
}

static GtkWidget *
decision_list_new (ParaatReviewWindow   *self,
                   ParaatReviewDecision *decision,
                   guint                 number)
{
  GtkWidget *list = gtk_list_box_new ();
  gint64 id = paraat_review_decision_get_id (decision);
  gboolean editable = !paraat_review_is_finalised (self->review);
  gboolean has_reason = paraat_review_decision_get_no_action_reason (decision)[0] != '\0';
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) actions = paraat_workspace_list_decision_actions (self->workspace, id,
                                                                          &error);
  guint n_actions = actions ? g_list_model_get_n_items (actions) : 0;
  g_autofree char *label = g_strdup_printf (_("Decision %u"), number);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (list), "decision-id", GSIZE_TO_POINTER ((gsize) id));
  gtk_list_box_append (GTK_LIST_BOX (list), decision_header_new (decision, number, editable));
  if (actions == NULL)
    show_error (self, error->message);
  for (guint i = 0; i < n_actions; i++)
    {
      g_autoptr(ParaatAction) action = g_list_model_get_item (actions, i);
      gtk_list_box_append (GTK_LIST_BOX (list), action_row_new (action));
    }
  if (editable && !has_reason)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         command_row_new ("list-add-symbolic", _("Add _Action…"),
                                          "review.add-action", id));
  if (editable && n_actions == 0)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         command_row_new ("document-edit-symbolic",
                                          has_reason ? _("Change the _Reason…")
                                                     : _("_No Action Needed…"),
                                          "review.no-action", id));
  return list;
}

static void
fill_decisions (ParaatReviewWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) decisions =
    paraat_workspace_list_review_decisions (self->workspace, self->review_id, &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->decisions_box))))
    gtk_box_remove (self->decisions_box, child);
  if (decisions == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(ParaatReviewDecision) decision = g_list_model_get_item (decisions, i);
      gtk_box_append (self->decisions_box, decision_list_new (self, decision, i + 1));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->decisions_box),
                          g_list_model_get_n_items (decisions) > 0);
}

static ParaatReviewDecision *
find_decision (ParaatReviewWindow *self,
               gint64              decision_id)
{
  g_autoptr(GListModel) decisions =
    paraat_workspace_list_review_decisions (self->workspace, self->review_id, NULL);

  for (guint i = 0; decisions && i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(ParaatReviewDecision) decision = g_list_model_get_item (decisions, i);
      if (paraat_review_decision_get_id (decision) == decision_id)
        return g_steal_pointer (&decision);
    }
  return NULL;
}

/* Addenda */

static GtkWidget *
addendum_row_new (ParaatReviewAddendum *addendum)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *when = format_local_ms (paraat_review_addendum_get_ts_ms (addendum));
  /* Translators: "Eva Smit · 2025-04-02 09:15" */
  g_autofree char *byline = g_strdup_printf (_("%s · %s"),
                                             paraat_review_addendum_get_author_name (addendum),
                                             when);
  GtkWidget *text = paraat_wrapped_label_new (paraat_review_addendum_get_text (addendum), NULL);

  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_box_append (GTK_BOX (box), paraat_wrapped_label_new (byline, "caption-heading"));
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
fill_addenda (ParaatReviewWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) addenda =
    paraat_workspace_list_review_addenda (self->workspace, self->review_id, &error);

  fill_list (self, self->addenda_list, addenda, error, (RowNew) addendum_row_new);
}

static void
set_read_only_style (GtkWidget *row,
                     gboolean   read_only)
{
  if (read_only)
    gtk_widget_add_css_class (row, "paraat-read-only");
  else
    gtk_widget_remove_css_class (row, "paraat-read-only");
}

/* Finalised minutes: everything but the addenda is read-only. */
static void
apply_editable (ParaatReviewWindow *self)
{
  gboolean editable = !paraat_review_is_finalised (self->review);
  static const char * const edit_actions[] = {
    "review.finalise", "review.add-decision", "review.add-action", "review.no-action",
    "review.remove-decision",
  };

  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edit_actions[i], editable);
  gtk_widget_set_visible (self->finalise_button, editable);
  gtk_widget_set_visible (self->new_decision_list, editable);
  /* Finalised minutes show no pencil that promises an edit. */
  set_read_only_style (GTK_WIDGET (self->title_row), !editable);
  set_read_only_style (GTK_WIDGET (self->date_row), !editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->chair_row), editable);
  for (guint i = 0; i < self->attendee_checks->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->attendee_checks, i), editable);
  for (guint i = 0; i < PARAAT_N_REVIEW_INPUTS; i++)
    {
      if (self->covered_checks[i] == NULL)
        continue;
      gtk_widget_set_sensitive (GTK_WIDGET (self->covered_checks[i]), editable);
      /* Read-only rather than insensitive: finalised notes must stay easy to read. */
      gtk_text_view_set_editable (self->notes_views[i], editable);
      gtk_text_view_set_cursor_visible (self->notes_views[i], editable);
    }
}

/* Loading */

static gboolean
reload (ParaatReviewWindow  *self,
        GError             **error)
{
  g_autoptr(ParaatReview) old = g_steal_pointer (&self->review);

  if (!(self->review = paraat_workspace_get_review (self->workspace, self->review_id, error)))
    {
      self->review = g_steal_pointer (&old);
      return FALSE;
    }
  fill_state (self);
  fill_details (self, old);
  fill_inputs_description (self);
  fill_previous (self);
  fill_decisions (self);
  fill_addenda (self);
  apply_editable (self);
  return TRUE;
}

static void
on_workspace_changed_cb (ParaatReviewWindow *self,
                         const char         *object_type)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (object_type, "review") && !g_str_equal (object_type, "action"))
    return;
  /* Notes are saved while typed; then only the counts can have changed. */
  if (self->saving_input)
    {
      g_autoptr(ParaatReview) review = paraat_workspace_get_review (self->workspace,
                                                                    self->review_id, NULL);
      if (review != NULL)
        g_set_object (&self->review, review);
      fill_inputs_description (self);
      return;
    }
  if (!reload (self, &error))
    show_error (self, error->message);
}

static void
on_workspace_closed_cb (ParaatReviewWindow *self)
{
  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  self->pending_inputs = 0;
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
on_close_request_cb (ParaatReviewWindow *self)
{
  save_pending_inputs (self);
  return FALSE;
}

/* Window actions */

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ParaatReviewWindow *self = PARAAT_REVIEW_WINDOW (widget);

  save_pending_inputs (self);
  gtk_window_present (GTK_WINDOW (paraat_history_dialog_new (GTK_WINDOW (self), self->workspace,
                                                             "review", self->review_id,
                                                             paraat_review_get_title (self->review))));
}

static void
on_apply_details_cb (ParaatReviewWindow *self)
{
  save_details (self);
}

static void
on_decision_apply_cb (ParaatReviewWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "review.add-decision", NULL);
}

static void
add_decision_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  ParaatReviewWindow *self = PARAAT_REVIEW_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!paraat_workspace_add_review_decision (self->workspace, self->review_id,
                                             gtk_editable_get_text (GTK_EDITABLE (self->decision_row)),
                                             &error))
    {
      show_error (self, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->decision_row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->decision_row), "error");
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->decision_row), "");
}

/* The decision's first line, cut at a word so the action list stays readable; the whole
 * text goes into the action's description. */
static char *
title_from_decision (const char *text)
{
  g_autofree char *line = g_strndup (text, strcspn (text, "\n"));
  const char *cut;
  GString *title;

  if (g_utf8_strlen (line, -1) <= ACTION_TITLE_CHARS)
    return g_steal_pointer (&line);
  cut = g_utf8_offset_to_pointer (line, ACTION_TITLE_CHARS - 1);
  title = g_string_new_len (line, cut - line);
  if (strrchr (title->str, ' ') != NULL && strrchr (title->str, ' ') - title->str > ACTION_TITLE_CHARS / 2)
    g_string_truncate (title, strrchr (title->str, ' ') - title->str);
  g_string_append (title, "…");
  return g_string_free (title, FALSE);
}

static void
add_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  ParaatReviewWindow *self = PARAAT_REVIEW_WINDOW (widget);
  g_autoptr(ParaatReviewDecision) decision = find_decision (self, g_variant_get_int64 (param));
  g_autofree char *title = NULL;
  ParaatActionSpec prefill;

  if (decision == NULL)
    {
      show_error (self, _("That decision is no longer in the minutes."));
      return;
    }
  title = title_from_decision (paraat_review_decision_get_text (decision));
  /* The chair owns it until the action dialog says otherwise: someone must. */
  prefill = (ParaatActionSpec) {
    .title = title,
    .decision = paraat_review_decision_get_text (decision),
    .source = PARAAT_SOURCE_REVIEW,
    .owner_id = paraat_review_get_chair_id (self->review),
    .priority = PARAAT_PRIORITY_MEDIUM,
    .decision_id = paraat_review_decision_get_id (decision),
  };
  gtk_window_present (GTK_WINDOW (paraat_action_dialog_new_action (GTK_WINDOW (self),
                                                                   self->workspace, &prefill)));
}

static void
open_action_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  ParaatReviewWindow *self = PARAAT_REVIEW_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (paraat_action_dialog_new (GTK_WINDOW (self), self->workspace,
                                                            g_variant_get_int64 (param))));
}

static AdwMessageDialog *
message_dialog_new (ParaatReviewWindow *self,
                    const char         *heading,
                    const char         *body,
                    const char         *response,
                    const char         *response_label,
                    AdwResponseAppearance appearance)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, response, appearance);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

static gint64
dialog_decision_id (AdwMessageDialog *dialog)
{
  return (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "decision-id"));
}

static void
on_no_action_response_cb (AdwMessageDialog   *dialog,
                          const char         *response,
                          ParaatReviewWindow *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save"))
    return;
  if (!paraat_workspace_set_decision_no_action (self->workspace, dialog_decision_id (dialog),
                                                gtk_editable_get_text (entry), &error))
    show_error (self, error->message);
}

static void
on_reason_changed_cb (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  gboolean had_reason = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "had-reason"));

  /* An empty reason takes back an earlier one; with none yet it would do nothing. */
  adw_message_dialog_set_response_enabled (dialog, "save", had_reason || text[0] != '\0');
}

static void
no_action_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  ParaatReviewWindow *self = PARAAT_REVIEW_WINDOW (widget);
  g_autoptr(ParaatReviewDecision) decision = find_decision (self, g_variant_get_int64 (param));
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  gboolean had_reason;

  if (decision == NULL)
    {
      show_error (self, _("That decision is no longer in the minutes."));
      return;
    }
  had_reason = paraat_review_decision_get_no_action_reason (decision)[0] != '\0';
  dialog = message_dialog_new (self, _("No Action Needed"),
                               had_reason
                                 ? _("Why does this decision need no action? Leave the reason "
                                     "empty to take it back, for example to add an action instead.")
                                 : _("Why does this decision need no action? An auditor reads "
                                     "this reason where an action would otherwise be."),
                               "save", _("_Save"), ADW_RESPONSE_SUGGESTED);
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), paraat_review_decision_get_no_action_reason (decision));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_object_set_data (G_OBJECT (dialog), "decision-id",
                     GSIZE_TO_POINTER ((gsize) paraat_review_decision_get_id (decision)));
  g_object_set_data (G_OBJECT (dialog), "had-reason", GINT_TO_POINTER (had_reason));
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_reason_changed_cb), dialog, 0);
  on_reason_changed_cb (GTK_EDITABLE (entry), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_no_action_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_remove_response_cb (AdwMessageDialog   *dialog,
                       const char         *response,
                       ParaatReviewWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "remove") &&
      !paraat_workspace_remove_review_decision (self->workspace, dialog_decision_id (dialog),
                                                &error))
    show_error (self, error->message);
}

static void
remove_decision_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  ParaatReviewWindow *self = PARAAT_REVIEW_WINDOW (widget);
  g_autoptr(ParaatReviewDecision) decision = find_decision (self, g_variant_get_int64 (param));
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (decision == NULL)
    return;
  /* The core refuses one with actions; say why at once instead of asking first. */
  if (paraat_review_decision_get_n_actions (decision) > 0)
    {
      if (!paraat_workspace_remove_review_decision (self->workspace,
                                                    paraat_review_decision_get_id (decision),
                                                    &error))
        show_error (self, error->message);
      return;
    }
  body = g_strdup_printf (_("“%s” is taken out of the minutes. The audit trail keeps a "
                            "record of it."), paraat_review_decision_get_text (decision));
  dialog = message_dialog_new (self, _("Remove the Decision?"), body, "remove", _("_Remove"),
                               ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "decision-id",
                     GSIZE_TO_POINTER ((gsize) paraat_review_decision_get_id (decision)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_finalise_response_cb (AdwMessageDialog   *dialog,
                         const char         *response,
                         ParaatReviewWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "finalise"))
    return;
  save_pending_inputs (self);
  if (!paraat_workspace_finalise_review (self->workspace, self->review_id, &error))
    show_error (self, error->message);
}

static void
finalise_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  ParaatReviewWindow *self = PARAAT_REVIEW_WINDOW (widget);
  guint n_flagged = paraat_review_get_n_flagged (self->review);
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;

  save_pending_inputs (self);
  g_string_printf (body, _("The minutes are signed off under the name of the chair, %s, and "
                           "can no longer be changed. Later notes go into addenda."),
                   paraat_review_get_chair_name (self->review));
  if (n_flagged > 0)
    {
      g_string_append (body, "\n\n");
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u decision still has no action and no reason.",
                                                 "%u decisions still have no action and no reason.",
                                                 n_flagged), n_flagged);
    }
  dialog = message_dialog_new (self, _("Finalise the Minutes?"), body->str, "finalise",
                               _("_Finalise"), ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_finalise_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_addendum_response_cb (AdwMessageDialog   *dialog,
                         const char         *response,
                         ParaatReviewWindow *self)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (dialog), "text-view");
  g_autofree char *text = paraat_text_view_dup_text (view);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "add") &&
      !paraat_workspace_add_review_addendum (self->workspace, self->review_id, text, &error))
    show_error (self, error->message);
}

static void
on_addendum_changed_cb (GtkTextBuffer    *buffer,
                        AdwMessageDialog *dialog)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  adw_message_dialog_set_response_enabled (dialog, "add", text[0] != '\0');
}

static void
add_addendum_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  ParaatReviewWindow *self = PARAAT_REVIEW_WINDOW (widget);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  ParaatPerson *actor = paraat_workspace_get_actor (self->workspace);

  save_pending_inputs (self);
  body = g_strdup_printf (_("The addendum is signed with your name, %s, and the time. It "
                            "cannot be changed later."), actor ? paraat_person_get_name (actor) : "");
  dialog = message_dialog_new (self, _("Add Addendum"), body, "add", _("_Add"),
                               ADW_RESPONSE_SUGGESTED);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 100);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Addendum"), -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  adw_message_dialog_set_extra_child (dialog, frame);
  adw_message_dialog_set_response_enabled (dialog, "add", FALSE);
  g_object_set_data (G_OBJECT (dialog), "text-view", view);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (on_addendum_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_addendum_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

/* Construction */

ParaatReviewWindow *
paraat_review_window_new (GtkWindow        *parent,
                          ParaatWorkspace  *workspace,
                          gint64            review_id,
                          GError          **error)
{
  ParaatReviewWindow *self;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (PARAAT_TYPE_REVIEW_WINDOW,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->workspace = g_object_ref (workspace);
  self->review_id = review_id;
  if (!(self->review = paraat_workspace_get_review (workspace, review_id, error)) ||
      !build_inputs (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  build_people (self);
  g_clear_object (&self->review);
  if (!reload (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  g_signal_connect_object (workspace, "changed", G_CALLBACK (on_workspace_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "closed", G_CALLBACK (on_workspace_closed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

gint64
paraat_review_window_get_review_id (ParaatReviewWindow *self)
{
  g_return_val_if_fail (PARAAT_IS_REVIEW_WINDOW (self), 0);
  return self->review_id;
}

static void
paraat_review_window_dispose (GObject *object)
{
  ParaatReviewWindow *self = PARAAT_REVIEW_WINDOW (object);

  /* Notes typed just before the window went away are still written. */
  if (self->workspace != NULL && self->pending_inputs != 0)
    save_pending_inputs (self);
  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_REVIEW_WINDOW);
  g_clear_pointer (&self->attendee_checks, g_ptr_array_unref);
  g_clear_pointer (&self->chair_ids, g_array_unref);
  g_clear_object (&self->review);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (paraat_review_window_parent_class)->dispose (object);
}

static void
paraat_review_window_class_init (ParaatReviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_review_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-review-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ParaatReviewWindow, name)
  BIND (window_title);
  BIND (finalise_button);
  BIND (error_revealer);
  BIND (error_label);
  BIND (state_icon);
  BIND (state_label);
  BIND (title_row);
  BIND (date_row);
  BIND (chair_row);
  BIND (attendees_row);
  BIND (previous_list);
  BIND (previous_empty);
  BIND (inputs_group);
  BIND (decisions_box);
  BIND (new_decision_list);
  BIND (decision_row);
  BIND (addenda_list);
#undef BIND

  gtk_widget_class_install_action (widget_class, "review.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "review.finalise", NULL, finalise_action);
  gtk_widget_class_install_action (widget_class, "review.add-decision", NULL, add_decision_action);
  gtk_widget_class_install_action (widget_class, "review.add-action", "x", add_action_action);
  gtk_widget_class_install_action (widget_class, "review.no-action", "x", no_action_action);
  gtk_widget_class_install_action (widget_class, "review.remove-decision", "x",
                                   remove_decision_action);
  gtk_widget_class_install_action (widget_class, "review.open-action", "x", open_action_action);
  gtk_widget_class_install_action (widget_class, "review.add-addendum", NULL, add_addendum_action);
  gtk_widget_class_install_action (widget_class, "review.dismiss-error", NULL,
                                   dismiss_error_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
paraat_review_window_init (ParaatReviewWindow *self)
{
  self->attendee_checks = g_ptr_array_new ();
  self->chair_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->title_row, "apply", G_CALLBACK (on_apply_details_cb), self);
  g_signal_connect_swapped (self->date_row, "apply", G_CALLBACK (on_apply_details_cb), self);
  g_signal_connect_swapped (self->chair_row, "notify::selected", G_CALLBACK (save_details), self);
  g_signal_connect_swapped (self->decision_row, "apply", G_CALLBACK (on_decision_apply_cb), self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), NULL);
}
