/* paraat-gap-actions-dialog.c — the chosen gaps of a scan become owned, dated actions in
 * one step
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-action.h"
#include "paraat-catalog.h"
#include "paraat-clock.h"
#include "paraat-evidence.h"
#include "paraat-gap-actions-dialog.h"
#include "paraat-widget-util.h"

#define DEFAULT_DUE_DAYS 90

static const guint tracks[] = { PARAAT_TRACK_POLICY, PARAAT_TRACK_OPERATION, PARAAT_TRACK_MONITORING };

typedef struct
{
  gint64        requirement_id;
  char         *name;      /* "A.5.24 Information security incident …" */
  char         *label;
  int           target;
  AdwEntryRow  *title_row;
  AdwComboRow  *track_row;
} Gap;

struct _ParaatGapActionsDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  GtkButton       *create_button;
  AdwComboRow     *owner_row;
  AdwEntryRow     *due_row;
  AdwComboRow     *priority_row;
  AdwEntryRow     *project_row;
  AdwEntryRow     *quarter_row;
  AdwPreferencesGroup *gaps_group;
  GtkLabel        *error_label;

  /* Owned references */
  ParaatWorkspace *workspace;
  GArray          *owner_ids;
  GArray          *gaps;        /* Gap */
  gint64           scan_id;
};

G_DEFINE_FINAL_TYPE (ParaatGapActionsDialog, paraat_gap_actions_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
gap_clear (Gap *gap)
{
  g_free (gap->name);
  g_free (gap->label);
}

/* The track the scan found weakest: missing before partly present; policy when the scan
 * did not say. */
static guint
weakest_track (ParaatScanQuestion *question)
{
  ParaatTrackStatus wanted[] = { PARAAT_TRACK_STATUS_MISSING, PARAAT_TRACK_STATUS_PARTIAL };

  for (guint w = 0; question != NULL && w < G_N_ELEMENTS (wanted); w++)
    for (guint t = 0; t < G_N_ELEMENTS (tracks); t++)
      if (paraat_scan_question_get_track_status (question, tracks[t]) == wanted[w])
        return t;
  return 0;
}

/* The question that answered for REQUIREMENT_ID: its own, or one covering it. */
static ParaatScanQuestion *
find_question (GListModel *questions,
               gint64      requirement_id)
{
  for (guint i = 0; questions && i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(ParaatScanQuestion) q = g_list_model_get_item (questions, i);
      guint n;
      const gint64 *covers = paraat_scan_question_get_covers (q, &n);

      if (paraat_scan_question_get_requirement_id (q) == requirement_id)
        return g_steal_pointer (&q);
      for (guint c = 0; c < n; c++)
        if (covers[c] == requirement_id)
          return g_steal_pointer (&q);
    }
  return NULL;
}

static GtkStringList *
track_choices (void)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint t = 0; t < G_N_ELEMENTS (tracks); t++)
    gtk_string_list_append (names, paraat_track_label (tracks[t]));
  return names;
}

static void
add_gap_rows (ParaatGapActionsDialog *self,
              Gap                    *gap,
              guint                   track)
{
  g_autoptr(GtkStringList) choices = track_choices ();
  /* Translators: the proposed title of an action from a scan gap, "Raise A.5.24 to level 3" */
  g_autofree char *title = g_strdup_printf (_("Raise %s to level %d"), gap->name, gap->target);
  /* Translators: which evidence an action from a gap must deliver, "Evidence for A.5.24" */
  g_autofree char *evidence_title = g_strdup_printf (_("Evidence for %s"), gap->label);
  GtkWidget *title_row = adw_entry_row_new ();
  GtkWidget *track_row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title_row), gap->label);
  gtk_editable_set_text (GTK_EDITABLE (title_row), title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (track_row), evidence_title);
  adw_combo_row_set_model (ADW_COMBO_ROW (track_row), G_LIST_MODEL (choices));
  adw_combo_row_set_selected (ADW_COMBO_ROW (track_row), track);
  adw_preferences_group_add (self->gaps_group, title_row);
  adw_preferences_group_add (self->gaps_group, track_row);
  gap->title_row = ADW_ENTRY_ROW (title_row);
  gap->track_row = ADW_COMBO_ROW (track_row);
}

static void
fill_defaults (ParaatGapActionsDialog *self,
               const char             *scan_name)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (paraat_clock_now_ms () / 1000);
  g_autoptr(GDateTime) due = g_date_time_add_days (now, DEFAULT_DUE_DAYS);
  g_autofree char *due_text = g_date_time_format (due, "%Y-%m-%d");
  g_autofree char *quarter = g_strdup_printf ("%d-Q%d", g_date_time_get_year (due),
                                              (g_date_time_get_month (due) - 1) / 3 + 1);
  g_autoptr(GtkStringList) priorities = gtk_string_list_new (NULL);
  ParaatPerson *actor = paraat_workspace_get_actor (self->workspace);
  g_autoptr(GtkStringList) people = NULL;
  guint position;

  people = paraat_person_choices_new (self->workspace, _("Choose a person"),
                                      actor ? paraat_person_get_id (actor) : 0,
                                      self->owner_ids, &position);
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (people));
  adw_combo_row_set_selected (self->owner_row, position);
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), due_text);
  for (guint p = 0; p < PARAAT_N_PRIORITIES; p++)
    gtk_string_list_append (priorities, paraat_priority_label ((ParaatPriority) p));
  adw_combo_row_set_model (self->priority_row, G_LIST_MODEL (priorities));
  adw_combo_row_set_selected (self->priority_row, PARAAT_PRIORITY_HIGH);
  gtk_editable_set_text (GTK_EDITABLE (self->project_row), scan_name);
  gtk_editable_set_text (GTK_EDITABLE (self->quarter_row), quarter);
}

static char *
required_evidence (Gap   *gap,
                   guint  track)
{
  /* Translators: the evidence an action from a gap must deliver, "Operation evidence that A.5.24 is at level 3" */
  return g_strdup_printf (_("%s evidence that %s is at level %d"), paraat_track_label (tracks[track]),
                          gap->label, gap->target);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ParaatGapActionsDialog *self = PARAAT_GAP_ACTIONS_DIALOG (widget);
  g_autoptr(GArray) specs = g_array_new (FALSE, TRUE, sizeof (ParaatActionSpec));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->gaps->len; i++)
    {
      Gap *gap = &g_array_index (self->gaps, Gap, i);
      guint track = adw_combo_row_get_selected (gap->track_row);
      char *evidence = required_evidence (gap, MIN (track, G_N_ELEMENTS (tracks) - 1));
      ParaatActionSpec spec = {
        .title = gtk_editable_get_text (GTK_EDITABLE (gap->title_row)),
        .decision = "",
        .source = PARAAT_SOURCE_SCAN_GAP,
        .owner_id = paraat_person_choice_get_id (self->owner_ids,
                                                 adw_combo_row_get_selected (self->owner_row)),
        .due_date = gtk_editable_get_text (GTK_EDITABLE (self->due_row)),
        .priority = (ParaatPriority) adw_combo_row_get_selected (self->priority_row),
        .required_track = tracks[MIN (track, G_N_ELEMENTS (tracks) - 1)],
        .required_evidence = evidence,
        .project = gtk_editable_get_text (GTK_EDITABLE (self->project_row)),
        .quarter = gtk_editable_get_text (GTK_EDITABLE (self->quarter_row)),
        .requirement_ids = &gap->requirement_id,
        .n_requirements = 1,
        .scan_id = self->scan_id,
      };

      g_ptr_array_add (texts, evidence);
      g_array_append_val (specs, spec);
    }
  if (!paraat_workspace_create_actions (self->workspace, (ParaatActionSpec *) (gpointer) specs->data,
                                        specs->len, NULL, &error))
    {
      paraat_label_show_error (self->error_label, error->message, NULL);
      return;
    }
  g_signal_emit (self, signals[CREATED], 0, specs->len);
  gtk_window_destroy (GTK_WINDOW (self));
}

ParaatGapActionsDialog *
paraat_gap_actions_dialog_new (GtkWindow       *parent,
                               ParaatWorkspace *workspace,
                               ParaatScan      *scan,
                               GPtrArray       *gaps)
{
  ParaatGapActionsDialog *self = g_object_new (PARAAT_TYPE_GAP_ACTIONS_DIALOG,
                                               "transient-for", parent, NULL);
  g_autoptr(GListModel) questions =
    paraat_workspace_list_scan_questions (workspace, paraat_scan_get_id (scan), NULL);
  g_autofree char *create = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "C_reate %u Action",
                                                          "C_reate %u Actions", gaps->len), gaps->len);

  self->workspace = g_object_ref (workspace);
  self->scan_id = paraat_scan_get_id (scan);
  gtk_button_set_label (self->create_button, create);
  fill_defaults (self, paraat_scan_get_name (scan));
  g_array_set_size (self->gaps, gaps->len);
  for (guint i = 0; i < gaps->len; i++)
    {
      const ParaatScanGap *source = g_ptr_array_index (gaps, i);
      g_autoptr(ParaatScanQuestion) question = find_question (questions, source->item->requirement_id);
      Gap *gap = &g_array_index (self->gaps, Gap, i);

      gap->requirement_id = source->item->requirement_id;
      gap->label = g_strdup (source->item->label);
      gap->name = g_strdup_printf ("%s %s", source->item->label, source->item->title);
      gap->target = source->item->target_level;
      add_gap_rows (self, gap, weakest_track (question));
    }
  return self;
}

static void
paraat_gap_actions_dialog_dispose (GObject *object)
{
  ParaatGapActionsDialog *self = PARAAT_GAP_ACTIONS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_GAP_ACTIONS_DIALOG);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->gaps, g_array_unref);

  G_OBJECT_CLASS (paraat_gap_actions_dialog_parent_class)->dispose (object);
}

static void
paraat_gap_actions_dialog_class_init (ParaatGapActionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_gap_actions_dialog_dispose;

  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-gap-actions-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatGapActionsDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatGapActionsDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatGapActionsDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatGapActionsDialog, priority_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatGapActionsDialog, project_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatGapActionsDialog, quarter_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatGapActionsDialog, gaps_group);
  gtk_widget_class_bind_template_child (widget_class, ParaatGapActionsDialog, error_label);
  gtk_widget_class_install_action (widget_class, "gaps.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
paraat_gap_actions_dialog_init (ParaatGapActionsDialog *self)
{
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->gaps = g_array_new (FALSE, TRUE, sizeof (Gap));
  g_array_set_clear_func (self->gaps, (GDestroyNotify) gap_clear);
  gtk_widget_init_template (GTK_WIDGET (self));
}
