/* paraat-scan-window.c — answering a readiness scan, one question at a time
 *
 * Made for a workshop: the keyboard alone scores a question (1–4, 0, ?), moves on (arrows,
 * Page Up/Down, Ctrl+Enter) and jumps (Ctrl+F). Each answer is written the moment it is
 * given, so closing the window or the app never loses one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "paraat-catalog.h"
#include "paraat-requirement.h"
#include "paraat-results-view.h"
#include "paraat-scan-window.h"
#include "paraat-widget-util.h"

#define NOTES_SAVE_DELAY_MS 800

/* The answer as the window knows it; the question objects hold what was loaded. */
typedef struct
{
  ParaatAnswerKind  kind;
  int               level;
  char             *reason;
  char             *notes;
  ParaatTrackStatus tracks[3];
  int               target;
} Answer;

struct _ParaatScanWindow
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwHeaderBar    *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack    *view_stack;
  GtkToggleButton *search_button;
  GtkSearchBar    *search_bar;
  GtkSearchEntry  *search_entry;
  GtkLabel        *search_status;
  GtkWidget       *sections_scroller;
  GtkWidget       *sections_separator;
  GtkListBox      *sections_list;
  GtkScrolledWindow *question_scroller;
  AdwClamp        *question_clamp;
  GtkLabel        *context_label;
  GtkLabel        *title_label;
  GtkLabel        *question_label;
  GtkLabel        *covers_label;
  GtkExpander     *guidance_expander;
  GtkLabel        *guidance_label;
  GtkBox          *levels_box;
  GtkToggleButton *na_button;
  GtkToggleButton *unknown_button;
  GtkRevealer     *reason_revealer;
  GtkEntry        *reason_entry;
  GtkGrid         *details_grid;
  GtkTextView     *notes_view;
  GtkLabel        *progress_label;
  GtkProgressBar  *progress_bar;
  GtkWidget       *leave_workshop_button;
  ParaatResultsView *results;

  /* Built in code */
  GtkToggleButton *level_buttons[4];
  GtkLabel        *level_texts[4];
  GtkToggleButton *track_buttons[3][3];  /* track × present/partial/missing */
  GtkSpinButton   *target_spin;

  /* Owned references */
  ParaatWorkspace *workspace;
  ParaatScan      *scan;
  GListModel      *questions;
  GArray          *answers;      /* Answer, per question */
  GHashTable      *labels;       /* requirement id → display name, for "also answers" */

  gint64           scan_id;
  guint            current;
  guint            notes_timeout;
  gboolean         loading;      /* filling the widgets: not an answer */
  gboolean         workshop;
};

G_DEFINE_FINAL_TYPE (ParaatScanWindow, paraat_scan_window, ADW_TYPE_WINDOW)

static const ParaatTrackStatus track_choices[3] = {
  PARAAT_TRACK_STATUS_PRESENT, PARAAT_TRACK_STATUS_PARTIAL, PARAAT_TRACK_STATUS_MISSING,
};

static void
answer_clear (Answer *answer)
{
  g_clear_pointer (&answer->reason, g_free);
  g_clear_pointer (&answer->notes, g_free);
}

static guint
n_questions (ParaatScanWindow *self)
{
  return self->questions ? g_list_model_get_n_items (self->questions) : 0;
}

static Answer *
answer_at (ParaatScanWindow *self,
           guint             position)
{
  return &g_array_index (self->answers, Answer, position);
}

static gboolean
is_answered (const Answer *answer)
{
  return answer->kind == PARAAT_ANSWER_LEVEL || answer->kind == PARAAT_ANSWER_NOT_APPLICABLE;
}

static void
toast (ParaatScanWindow *self,
       const char       *message)
{
  AdwToast *t = paraat_toast_new (message);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

/* Loading */

static void
load_answers (ParaatScanWindow *self)
{
  g_array_set_size (self->answers, 0);
  for (guint i = 0; i < n_questions (self); i++)
    {
      g_autoptr(ParaatScanQuestion) q = g_list_model_get_item (self->questions, i);
      Answer answer = {
        .kind = paraat_scan_question_get_answer (q),
        .level = paraat_scan_question_get_level (q),
        .reason = g_strdup (paraat_scan_question_get_reason (q)),
        .notes = g_strdup (paraat_scan_question_get_notes (q)),
        .target = paraat_scan_question_get_target_level (q),
      };

      answer.tracks[0] = paraat_scan_question_get_track_status (q, PARAAT_TRACK_POLICY);
      answer.tracks[1] = paraat_scan_question_get_track_status (q, PARAAT_TRACK_OPERATION);
      answer.tracks[2] = paraat_scan_question_get_track_status (q, PARAAT_TRACK_MONITORING);
      g_array_append_val (self->answers, answer);
    }
}

/* Requirements a question also answers are named by label and title; the names of the
 * scan's frameworks are read once. */
static void
load_labels (ParaatScanWindow *self)
{
  guint n_frameworks;
  const gint64 *ids = paraat_scan_get_framework_ids (self->scan, &n_frameworks);

  for (guint f = 0; f < n_frameworks; f++)
    {
      g_autoptr(GListModel) requirements =
        paraat_workspace_list_requirements (self->workspace, ids[f], NULL);

      for (guint i = 0; requirements && i < g_list_model_get_n_items (requirements); i++)
        {
          g_autoptr(ParaatRequirement) r = g_list_model_get_item (requirements, i);
          g_autofree char *name = paraat_requirement_dup_display_name (r);
          gint64 id = paraat_requirement_get_id (r);

          g_hash_table_insert (self->labels, g_memdup2 (&id, sizeof id),
                               g_strdup_printf ("%s %s", paraat_requirement_get_framework_title (r),
                                                name));
        }
    }
}

/* Sections */

static char *
section_key (ParaatScanQuestion *q)
{
  return g_strdup_printf ("%s\n%s", paraat_scan_question_get_framework_key (q),
                          paraat_scan_question_get_group_key (q) ? paraat_scan_question_get_group_key (q) : "");
}

static void
update_section_counts (ParaatScanWindow *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sections_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      guint first = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "first"));
      guint count = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "count"));
      guint done = 0;
      g_autofree char *text = NULL;

      for (guint i = first; i < first + count; i++)
        done += is_answered (answer_at (self, i));
      /* Translators: answered questions of a section, "3/7" */
      text = g_strdup_printf (_("%u/%u"), done, count);
      gtk_label_set_label (g_object_get_data (G_OBJECT (row), "count-label"), text);
      gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "done-icon"), done == count);
    }
}

static GtkWidget *
section_row_new (ParaatScanQuestion *q,
                 guint               first)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (paraat_scan_question_get_group_title (q));
  GtkWidget *framework = gtk_label_new (paraat_scan_question_get_framework_title (q));
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (framework), 0);
  gtk_label_set_ellipsize (GTK_LABEL (framework), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (framework, "dim-label");
  gtk_widget_add_css_class (framework, "caption");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), framework);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), count);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), "object-select-symbolic");
  gtk_widget_set_tooltip_text (icon, _("Every question answered"));
  gtk_box_append (GTK_BOX (box), icon);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "first", GUINT_TO_POINTER (first));
  g_object_set_data (G_OBJECT (row), "count-label", count);
  g_object_set_data (G_OBJECT (row), "done-icon", icon);
  return row;
}

static void
build_sections (ParaatScanWindow *self)
{
  g_autofree char *previous = NULL;
  GtkWidget *row = NULL;
  guint count = 0;

  for (guint i = 0; i < n_questions (self); i++)
    {
      g_autoptr(ParaatScanQuestion) q = g_list_model_get_item (self->questions, i);
      g_autofree char *key = section_key (q);

      if (g_strcmp0 (key, previous) != 0)
        {
          if (row != NULL)
            g_object_set_data (G_OBJECT (row), "count", GUINT_TO_POINTER (count));
          row = section_row_new (q, i);
          gtk_list_box_append (self->sections_list, row);
          g_free (previous);
          previous = g_steal_pointer (&key);
          count = 0;
        }
      count++;
    }
  if (row != NULL)
    g_object_set_data (G_OBJECT (row), "count", GUINT_TO_POINTER (count));
  update_section_counts (self);
}

static GtkListBoxRow *
section_row_of (ParaatScanWindow *self,
                guint             position)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sections_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      guint first = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "first"));
      guint count = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "count"));

      if (position >= first && position < first + count)
        return GTK_LIST_BOX_ROW (row);
    }
  return NULL;
}

/* Showing a question */

static void
update_progress (ParaatScanWindow *self)
{
  guint n = n_questions (self);
  guint done = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    done += is_answered (answer_at (self, i));
  /* Translators: "Baseline quick scan — question 12 of 30 · 9 answered" */
  text = g_strdup_printf (_("%s — question %u of %u · %u answered"),
                          paraat_scan_get_name (self->scan), self->current + 1, n, done);
  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, n ? (double) done / n : 0);
  update_section_counts (self);
}

static char *
covers_text (ParaatScanWindow   *self,
             ParaatScanQuestion *q)
{
  guint n;
  const gint64 *covers = paraat_scan_question_get_covers (q, &n);
  g_autoptr(GString) names = g_string_new (NULL);

  if (n == 0)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      const char *name = g_hash_table_lookup (self->labels, &covers[i]);
      if (name != NULL)
        g_string_append_printf (names, "%s%s", names->len ? "; " : "", name);
    }
  /* Translators: followed by requirements of another framework, e.g. "NIS2 21(2)(b) …" */
  return g_strdup_printf (_("This answer also counts for: %s"), names->str);
}

static void
show_answer (ParaatScanWindow *self,
             const Answer     *answer)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);

  for (int l = 0; l < 4; l++)
    gtk_toggle_button_set_active (self->level_buttons[l],
                                  answer->kind == PARAAT_ANSWER_LEVEL && answer->level == l + 1);
  gtk_toggle_button_set_active (self->na_button, answer->kind == PARAAT_ANSWER_NOT_APPLICABLE);
  gtk_toggle_button_set_active (self->unknown_button, answer->kind == PARAAT_ANSWER_UNKNOWN);
  gtk_revealer_set_reveal_child (self->reason_revealer,
                                 answer->kind == PARAAT_ANSWER_NOT_APPLICABLE);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), answer->reason);
  for (guint t = 0; t < 3; t++)
    for (guint c = 0; c < 3; c++)
      gtk_toggle_button_set_active (self->track_buttons[t][c], answer->tracks[t] == track_choices[c]);
  gtk_spin_button_set_value (self->target_spin, answer->target);
  gtk_text_buffer_set_text (buffer, answer->notes, -1);
}

/* Catalogs start a level's text with its name ("Ad hoc: …"), which the button already
 * shows. */
static char *
level_description (const char *text)
{
  const char *colon = text ? strstr (text, ": ") : NULL;
  GString *out;
  gunichar first;

  if (text == NULL || text[0] == '\0')
    return NULL;
  if (colon == NULL || colon - text > 40 || memchr (text, '.', (size_t) (colon - text)))
    return g_strdup (text);
  text = colon + 2;
  first = g_unichar_toupper (g_utf8_get_char (text));
  out = g_string_new (NULL);
  g_string_append_unichar (out, first);
  g_string_append (out, g_utf8_next_char (text));
  return g_string_free (out, FALSE);
}

static void
show_question (ParaatScanWindow *self)
{
  g_autoptr(ParaatScanQuestion) q = g_list_model_get_item (self->questions, self->current);
  g_autofree char *context = NULL;
  g_autofree char *title = NULL;
  g_autofree char *covers = NULL;
  const char *guidance;

  if (q == NULL)
    return;

  self->loading = TRUE;
  context = g_strdup_printf ("%s · %s", paraat_scan_question_get_framework_title (q),
                             paraat_scan_question_get_group_title (q));
  title = g_strdup_printf ("%s %s", paraat_scan_question_get_label (q),
                           paraat_scan_question_get_title (q));
  covers = covers_text (self, q);
  guidance = paraat_scan_question_get_guidance (q);

  gtk_label_set_label (self->context_label, context);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->question_label, paraat_scan_question_get_question (q));
  gtk_label_set_label (self->covers_label, covers);
  gtk_widget_set_visible (GTK_WIDGET (self->covers_label), covers != NULL);
  gtk_label_set_label (self->guidance_label, guidance);
  gtk_widget_set_visible (GTK_WIDGET (self->guidance_expander), guidance && guidance[0]);
  for (int l = 0; l < 4; l++)
    {
      g_autofree char *text = level_description (paraat_scan_question_get_level_text (q, l + 1));
      gtk_label_set_label (self->level_texts[l], text ? text : "");
      gtk_widget_set_visible (GTK_WIDGET (self->level_texts[l]), text != NULL);
    }
  show_answer (self, answer_at (self, self->current));
  self->loading = FALSE;

  gtk_list_box_select_row (self->sections_list, section_row_of (self, self->current));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->question_scroller), 0);
  update_progress (self);
}

/* Saving */

static void
collect_answer (ParaatScanWindow *self,
                Answer           *answer)
{
  answer->kind = PARAAT_ANSWER_OPEN;
  for (int l = 0; l < 4; l++)
    if (gtk_toggle_button_get_active (self->level_buttons[l]))
      {
        answer->kind = PARAAT_ANSWER_LEVEL;
        answer->level = l + 1;
      }
  if (gtk_toggle_button_get_active (self->na_button))
    answer->kind = PARAAT_ANSWER_NOT_APPLICABLE;
  else if (gtk_toggle_button_get_active (self->unknown_button))
    answer->kind = PARAAT_ANSWER_UNKNOWN;
  answer->reason = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry)));
  answer->notes = paraat_text_view_dup_text (self->notes_view);
  for (guint t = 0; t < 3; t++)
    {
      answer->tracks[t] = PARAAT_TRACK_STATUS_UNKNOWN;
      for (guint c = 0; c < 3; c++)
        if (gtk_toggle_button_get_active (self->track_buttons[t][c]))
          answer->tracks[t] = track_choices[c];
    }
  answer->target = gtk_spin_button_get_value_as_int (self->target_spin);
}

static gboolean
same_answer (const Answer *a,
             const Answer *b)
{
  return a->kind == b->kind && (a->kind != PARAAT_ANSWER_LEVEL || a->level == b->level) &&
         g_strcmp0 (a->reason, b->reason) == 0 && g_strcmp0 (a->notes, b->notes) == 0 &&
         memcmp (a->tracks, b->tracks, sizeof a->tracks) == 0 && a->target == b->target;
}

/* Writes what the widgets show for the current question. Notes, tracks or a target on a
 * question without an answer make it "don't know yet": noted, but still open. */
static void
save_current (ParaatScanWindow *self)
{
  g_autoptr(ParaatScanQuestion) q = NULL;
  g_autoptr(GError) error = NULL;
  Answer answer = { 0, };
  Answer *saved;
  ParaatScanAnswer spec;

  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  if (self->loading || !(q = g_list_model_get_item (self->questions, self->current)))
    return;

  collect_answer (self, &answer);
  saved = answer_at (self, self->current);
  if (same_answer (&answer, saved) ||
      (answer.kind == PARAAT_ANSWER_NOT_APPLICABLE && g_strstrip (answer.reason)[0] == '\0'))
    {
      answer_clear (&answer);
      return;
    }
  if (answer.kind == PARAAT_ANSWER_OPEN)
    answer.kind = PARAAT_ANSWER_UNKNOWN;

  spec = (ParaatScanAnswer) {
    .kind = answer.kind, .level = answer.level, .reason = answer.reason, .notes = answer.notes,
    .policy = answer.tracks[0], .operation = answer.tracks[1], .monitoring = answer.tracks[2],
    .target_level = answer.target,
  };
  if (!paraat_workspace_answer_scan_question (self->workspace, paraat_scan_question_get_id (q),
                                              &spec, &error))
    {
      toast (self, error->message);
      answer_clear (&answer);
      self->loading = TRUE;
      show_answer (self, saved);
      self->loading = FALSE;
      return;
    }
  answer_clear (saved);
  *saved = answer;
  if (answer.kind == PARAAT_ANSWER_UNKNOWN)
    {
      self->loading = TRUE;
      gtk_toggle_button_set_active (self->unknown_button, TRUE);
      self->loading = FALSE;
    }
  update_progress (self);
}

static gboolean
on_notes_timeout_cb (gpointer user_data)
{
  ParaatScanWindow *self = user_data;

  self->notes_timeout = 0;
  save_current (self);
  return G_SOURCE_REMOVE;
}

static void
on_notes_changed_cb (ParaatScanWindow *self)
{
  if (self->loading)
    return;
  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  self->notes_timeout = g_timeout_add (NOTES_SAVE_DELAY_MS, on_notes_timeout_cb, self);
}

static gboolean
has_reason (ParaatScanWindow *self)
{
  g_autofree char *reason = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry)));

  return g_strstrip (reason)[0] != '\0';
}

static void
on_answer_toggled_cb (ParaatScanWindow *self,
                      GtkToggleButton  *button)
{
  gboolean na;

  if (self->loading || !gtk_toggle_button_get_active (button))
    return;

  na = gtk_toggle_button_get_active (self->na_button);
  gtk_revealer_set_reveal_child (self->reason_revealer, na);
  if (na && !has_reason (self))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
      return;
    }
  save_current (self);
}

static void
on_detail_changed_cb (ParaatScanWindow *self)
{
  if (!self->loading)
    save_current (self);
}

static void
go_to (ParaatScanWindow *self,
       guint             position)
{
  if (position >= n_questions (self))
    return;
  save_current (self);
  self->current = position;
  show_question (self);
}

/* Navigation */

static guint
next_unanswered (ParaatScanWindow *self,
                 ParaatAnswerKind  kind)
{
  guint n = n_questions (self);

  for (guint step = 1; step <= n; step++)
    {
      guint i = (self->current + step) % n;
      if (answer_at (self, i)->kind == kind)
        return i;
    }
  return G_MAXUINT;
}

/* After the current question: the next one never answered, else the next "don't know yet" */
static guint
find_unanswered (ParaatScanWindow *self)
{
  guint next = next_unanswered (self, PARAAT_ANSWER_OPEN);

  return next != G_MAXUINT ? next : next_unanswered (self, PARAAT_ANSWER_UNKNOWN);
}

static void
next_unanswered_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  ParaatScanWindow *self = PARAAT_SCAN_WINDOW (widget);
  guint next;

  save_current (self);
  next = find_unanswered (self);
  if (next == G_MAXUINT)
    {
      toast (self, _("Every question has an answer. The results are ready."));
      return;
    }
  go_to (self, next);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ParaatScanWindow *self = PARAAT_SCAN_WINDOW (widget);

  if (g_str_equal (action_name, "scan.previous") && self->current > 0)
    go_to (self, self->current - 1);
  else if (g_str_equal (action_name, "scan.next"))
    go_to (self, self->current + 1);
}

/* Page Up/Down: the first question of the previous or next section. */
static void
step_section (ParaatScanWindow *self,
              int               direction)
{
  GtkWidget *row = GTK_WIDGET (section_row_of (self, self->current));
  guint first;

  if (row == NULL)
    return;
  first = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "first"));
  if (direction < 0 && self->current > first)
    {
      go_to (self, first);
      return;
    }
  row = direction < 0 ? gtk_widget_get_prev_sibling (row) : gtk_widget_get_next_sibling (row);
  if (row != NULL)
    go_to (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "first")));
}

static void
on_section_activated_cb (ParaatScanWindow *self,
                         GtkListBoxRow    *row)
{
  guint first = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "first"));

  if (section_row_of (self, self->current) != row)
    go_to (self, first);
}

/* Jumping */

static gboolean
question_matches (ParaatScanQuestion *q,
                  const char         *needle)
{
  g_autofree char *label = g_utf8_casefold (paraat_scan_question_get_label (q), -1);

  return g_str_has_prefix (label, needle) ||
         paraat_contains_folded (paraat_scan_question_get_title (q), needle) ||
         paraat_contains_folded (paraat_scan_question_get_question (q), needle);
}

static guint
find_match (ParaatScanWindow *self,
            guint            *n_matches)
{
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  guint found = G_MAXUINT;

  *n_matches = 0;
  g_strstrip (needle);
  if (needle[0] == '\0')
    return G_MAXUINT;
  for (guint i = 0; i < n_questions (self); i++)
    {
      g_autoptr(ParaatScanQuestion) q = g_list_model_get_item (self->questions, i);
      if (question_matches (q, needle) && (*n_matches)++ == 0)
        found = i;
    }
  return found;
}

static void
on_search_changed_cb (ParaatScanWindow *self)
{
  guint n_matches;
  g_autofree char *text = NULL;

  if (find_match (self, &n_matches) == G_MAXUINT)
    text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0]
           ? g_strdup (_("No question matches")) : NULL;
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question matches; Enter goes to the first",
                                         "%u questions match; Enter goes to the first", n_matches),
                            n_matches);
  gtk_label_set_label (self->search_status, text);
}

static void
on_search_activate_cb (ParaatScanWindow *self)
{
  guint n_matches;
  guint found = find_match (self, &n_matches);

  if (found == G_MAXUINT)
    return;
  go_to (self, found);
  gtk_toggle_button_set_active (self->search_button, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->level_buttons[0]));
}

static void
on_search_stopped_cb (ParaatScanWindow *self)
{
  gtk_toggle_button_set_active (self->search_button, FALSE);
}

static void
jump_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ParaatScanWindow *self = PARAAT_SCAN_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "questions");
  gtk_toggle_button_set_active (self->search_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ParaatScanWindow *self = PARAAT_SCAN_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (param, NULL));
}

/* Workshop mode */

static void
set_workshop (ParaatScanWindow *self,
              gboolean          workshop)
{
  self->workshop = workshop;
  if (workshop)
    {
      gtk_window_fullscreen (GTK_WINDOW (self));
      gtk_widget_add_css_class (GTK_WIDGET (self), "paraat-workshop");
      adw_view_stack_set_visible_child_name (self->view_stack, "questions");
    }
  else
    {
      gtk_window_unfullscreen (GTK_WINDOW (self));
      gtk_widget_remove_css_class (GTK_WIDGET (self), "paraat-workshop");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), !workshop);
  gtk_widget_set_visible (self->sections_scroller, !workshop);
  gtk_widget_set_visible (self->sections_separator, !workshop);
  gtk_widget_set_visible (self->leave_workshop_button, workshop);
  /* On a projector the text is larger; wider lines keep all four levels on one screen. */
  adw_clamp_set_maximum_size (self->question_clamp, workshop ? 1400 : 860);
  gtk_expander_set_expanded (self->guidance_expander, FALSE);
}

static void
workshop_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  ParaatScanWindow *self = PARAAT_SCAN_WINDOW (widget);

  set_workshop (self, !self->workshop);
}

gboolean
paraat_scan_window_get_workshop (ParaatScanWindow *self)
{
  g_return_val_if_fail (PARAAT_IS_SCAN_WINDOW (self), FALSE);
  return self->workshop;
}

/* Keys. Digits, arrows and "?" score and move unless the focus is in a text field, where
 * they are text. */

static gboolean
focus_in_text (ParaatScanWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    if (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus))
      return TRUE;
  return FALSE;
}

static void
choose (ParaatScanWindow *self,
        GtkToggleButton  *button)
{
  gtk_toggle_button_set_active (button, TRUE);
  if (button != self->na_button)
    gtk_widget_grab_focus (GTK_WIDGET (button));
}

static gboolean
handle_answer_key (ParaatScanWindow *self,
                   guint             keyval)
{
  switch (keyval)
    {
    case GDK_KEY_1: case GDK_KEY_KP_1: choose (self, self->level_buttons[0]); return TRUE;
    case GDK_KEY_2: case GDK_KEY_KP_2: choose (self, self->level_buttons[1]); return TRUE;
    case GDK_KEY_3: case GDK_KEY_KP_3: choose (self, self->level_buttons[2]); return TRUE;
    case GDK_KEY_4: case GDK_KEY_KP_4: choose (self, self->level_buttons[3]); return TRUE;
    case GDK_KEY_0: case GDK_KEY_KP_0: choose (self, self->na_button); return TRUE;
    case GDK_KEY_question: choose (self, self->unknown_button); return TRUE;
    case GDK_KEY_Left: case GDK_KEY_Up:
      if (self->current > 0)
        go_to (self, self->current - 1);
      return TRUE;
    case GDK_KEY_Right: case GDK_KEY_Down:
      go_to (self, self->current + 1);
      return TRUE;
    case GDK_KEY_Page_Up: step_section (self, -1); return TRUE;
    case GDK_KEY_Page_Down: step_section (self, 1); return TRUE;
    default: return FALSE;
    }
}

static gboolean
on_key_pressed_cb (ParaatScanWindow      *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask () & ~GDK_SHIFT_MASK;

  if (keyval == GDK_KEY_Escape && self->workshop)
    {
      set_workshop (self, FALSE);
      return TRUE;
    }
  if (mods != 0 || focus_in_text (self) ||
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "questions") != 0)
    return FALSE;
  return handle_answer_key (self, keyval);
}

/* Building the answer widgets */

static GtkToggleButton *
level_button_new (ParaatScanWindow *self,
                  int               level)
{
  static const char *names[] = { N_("Ad hoc"), N_("Repeatable"), N_("Defined and measured"),
                                 N_("Optimised") };
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *number = g_strdup_printf ("%d", level);
  g_autofree char *tooltip = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *digit = gtk_label_new (number);
  GtkWidget *name = gtk_label_new (_(names[level - 1]));
  GtkWidget *description = gtk_label_new (NULL);

  gtk_widget_add_css_class (digit, "paraat-level-digit");
  gtk_widget_set_valign (digit, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_widget_set_hexpand (description, TRUE);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_add_css_class (description, "paraat-level-text");
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), description);
  gtk_box_append (GTK_BOX (box), digit);
  gtk_box_append (GTK_BOX (box), text);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "paraat-level");
  /* Translators: tooltip of a maturity level button, "Key 3" */
  tooltip = g_strdup_printf (_("Key %d"), level);
  gtk_widget_set_tooltip_text (button, tooltip);
  accessible = g_strdup_printf ("%d %s", level, _(names[level - 1]));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  self->level_texts[level - 1] = GTK_LABEL (description);
  return GTK_TOGGLE_BUTTON (button);
}

static void
build_levels (ParaatScanWindow *self)
{
  for (int l = 0; l < 4; l++)
    {
      self->level_buttons[l] = level_button_new (self, l + 1);
      if (l > 0)
        gtk_toggle_button_set_group (self->level_buttons[l], self->level_buttons[0]);
      gtk_box_append (self->levels_box, GTK_WIDGET (self->level_buttons[l]));
      g_signal_connect_swapped (self->level_buttons[l], "toggled",
                                G_CALLBACK (on_answer_toggled_cb), self);
    }
  gtk_toggle_button_set_group (self->na_button, self->level_buttons[0]);
  gtk_toggle_button_set_group (self->unknown_button, self->level_buttons[0]);
}

static void
build_tracks (ParaatScanWindow *self)
{
  static const char *tracks[] = { N_("Policy"), N_("Operation"), N_("Monitoring") };
  static const char *choices[] = { N_("Present"), N_("Partly present"), N_("Missing") };
  GtkWidget *target_label = gtk_label_new_with_mnemonic (_("_Target level"));

  for (guint t = 0; t < 3; t++)
    {
      GtkWidget *label = gtk_label_new (_(tracks[t]));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (box, "linked");
      gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(tracks[t]), -1);
      for (guint c = 0; c < 3; c++)
        {
          GtkWidget *button = gtk_toggle_button_new_with_label (_(choices[c]));
          self->track_buttons[t][c] = GTK_TOGGLE_BUTTON (button);
          if (c > 0)
            gtk_toggle_button_set_group (self->track_buttons[t][c], self->track_buttons[t][0]);
          g_signal_connect_swapped (button, "toggled", G_CALLBACK (on_detail_changed_cb), self);
          gtk_box_append (GTK_BOX (box), button);
        }
      gtk_grid_attach (self->details_grid, label, 0, (int) t, 1, 1);
      gtk_grid_attach (self->details_grid, box, 1, (int) t, 1, 1);
    }

  self->target_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 4, 1));
  gtk_widget_set_halign (GTK_WIDGET (self->target_spin), GTK_ALIGN_START);
  gtk_label_set_mnemonic_widget (GTK_LABEL (target_label), GTK_WIDGET (self->target_spin));
  gtk_label_set_xalign (GTK_LABEL (target_label), 0);
  g_signal_connect_swapped (self->target_spin, "value-changed", G_CALLBACK (on_detail_changed_cb), self);
  gtk_grid_attach (self->details_grid, target_label, 0, 3, 1, 1);
  gtk_grid_attach (self->details_grid, GTK_WIDGET (self->target_spin), 1, 3, 1, 1);
}

/* Setup */

static gboolean
load (ParaatScanWindow  *self,
      GError           **error)
{
  g_autofree char *subtitle = NULL;

  if (!(self->scan = paraat_workspace_get_scan (self->workspace, self->scan_id, error)) ||
      !(self->questions = paraat_workspace_list_scan_questions (self->workspace, self->scan_id, error)))
    return FALSE;

  load_answers (self);
  load_labels (self);
  build_sections (self);
  gtk_window_set_title (GTK_WINDOW (self), paraat_scan_get_name (self->scan));
  adw_view_switcher_title_set_title (self->switcher_title, paraat_scan_get_name (self->scan));
  /* Translators: "2025-03-31 · Quick scan" */
  subtitle = g_strdup_printf (_("%s · %s"), paraat_scan_get_date (self->scan),
                              paraat_scan_depth_label (paraat_scan_get_depth (self->scan)));
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  paraat_results_view_set_scan (self->results, self->workspace, self->scan_id);

  /* A scan resumes where it was left: at the first question still open. */
  self->current = n_questions (self) > 0 ? n_questions (self) - 1 : 0;
  self->current = find_unanswered (self);
  if (self->current == G_MAXUINT)
    self->current = 0;
  if (n_questions (self) > 0)
    show_question (self);
  return TRUE;
}

static void
on_visible_page_cb (ParaatScanWindow *self)
{
  save_current (self);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "results") == 0)
    paraat_results_view_reload (self->results);
}

static gboolean
on_close_request_cb (ParaatScanWindow *self)
{
  save_current (self);
  return FALSE;
}

static void
on_workspace_closed_cb (ParaatScanWindow *self)
{
  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  gtk_window_destroy (GTK_WINDOW (self));
}

ParaatScanWindow *
paraat_scan_window_new (GtkWindow        *parent,
                        ParaatWorkspace  *workspace,
                        gint64            scan_id,
                        GError          **error)
{
  ParaatScanWindow *self = g_object_new (PARAAT_TYPE_SCAN_WINDOW,
                                         "application", parent ? gtk_window_get_application (parent) : NULL,
                                         NULL);

  self->workspace = g_object_ref (workspace);
  self->scan_id = scan_id;
  if (!load (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  g_signal_connect_object (workspace, "closed", G_CALLBACK (on_workspace_closed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

gint64
paraat_scan_window_get_scan_id (ParaatScanWindow *self)
{
  g_return_val_if_fail (PARAAT_IS_SCAN_WINDOW (self), 0);
  return self->scan_id;
}

guint
paraat_scan_window_get_position (ParaatScanWindow *self)
{
  g_return_val_if_fail (PARAAT_IS_SCAN_WINDOW (self), 0);
  return self->current;
}

static void
paraat_scan_window_dispose (GObject *object)
{
  ParaatScanWindow *self = PARAAT_SCAN_WINDOW (object);

  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_SCAN_WINDOW);
  g_clear_object (&self->questions);
  g_clear_object (&self->scan);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (paraat_scan_window_parent_class)->dispose (object);
}

static void
paraat_scan_window_finalize (GObject *object)
{
  ParaatScanWindow *self = PARAAT_SCAN_WINDOW (object);

  for (guint i = 0; i < self->answers->len; i++)
    answer_clear (answer_at (self, i));
  g_array_unref (self->answers);
  g_hash_table_unref (self->labels);

  G_OBJECT_CLASS (paraat_scan_window_parent_class)->finalize (object);
}

static void
paraat_scan_window_class_init (ParaatScanWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_scan_window_dispose;
  object_class->finalize = paraat_scan_window_finalize;

  g_type_ensure (PARAAT_TYPE_RESULTS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-scan-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ParaatScanWindow, name)
  BIND (toast_overlay);
  BIND (header_bar);
  BIND (switcher_title);
  BIND (view_stack);
  BIND (search_button);
  BIND (search_bar);
  BIND (search_entry);
  BIND (search_status);
  BIND (sections_scroller);
  BIND (sections_separator);
  BIND (sections_list);
  BIND (question_scroller);
  BIND (question_clamp);
  BIND (context_label);
  BIND (title_label);
  BIND (question_label);
  BIND (covers_label);
  BIND (guidance_expander);
  BIND (guidance_label);
  BIND (levels_box);
  BIND (na_button);
  BIND (unknown_button);
  BIND (reason_revealer);
  BIND (reason_entry);
  BIND (details_grid);
  BIND (notes_view);
  BIND (progress_label);
  BIND (progress_bar);
  BIND (leave_workshop_button);
  BIND (results);
#undef BIND

  gtk_widget_class_install_action (widget_class, "scan.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "scan.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "scan.next-unanswered", NULL,
                                   next_unanswered_action);
  gtk_widget_class_install_action (widget_class, "scan.jump", NULL, jump_action);
  gtk_widget_class_install_action (widget_class, "scan.workshop", NULL, workshop_action);
  gtk_widget_class_install_action (widget_class, "scan.view", "s", view_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "scan.view", "s", "questions");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "scan.view", "s", "results");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "scan.next-unanswered", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "scan.next-unanswered", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "scan.jump", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "scan.workshop", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
paraat_scan_window_init (ParaatScanWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->answers = g_array_new (FALSE, TRUE, sizeof (Answer));
  self->labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  build_levels (self);
  build_tracks (self);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (on_search_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (on_search_stopped_cb), self);
  g_signal_connect_swapped (self->na_button, "toggled", G_CALLBACK (on_answer_toggled_cb), self);
  g_signal_connect_swapped (self->unknown_button, "toggled", G_CALLBACK (on_answer_toggled_cb), self);
  g_signal_connect_swapped (self->reason_entry, "activate", G_CALLBACK (on_detail_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_notes_changed_cb), self);
  g_signal_connect_swapped (self->sections_list, "row-activated",
                            G_CALLBACK (on_section_activated_cb), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child",
                            G_CALLBACK (on_visible_page_cb), self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), NULL);
}
