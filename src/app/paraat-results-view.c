/* paraat-results-view.c — the outcome of a scan as tables: readiness, domains, gaps, and
 * the comparison with another scan
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "paraat-action.h"
#include "paraat-gap-actions-dialog.h"
#include "paraat-results-view.h"
#include "paraat-table.h"
#include "paraat-widget-util.h"

struct _ParaatResultsView
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkLabel          *summary_label;
  GtkBox            *frameworks_box;
  GtkBox            *domains_box;
  GtkBox            *top_box;
  GtkExpander       *gaps_expander;
  GtkBox            *gaps_box;
  GtkWidget         *create_button;
  GtkDropDown       *compare_dropdown;
  GtkBox            *compare_box;

  /* Owned references */
  ParaatWorkspace   *workspace;
  ParaatScanResults *results;
  ParaatScan        *scan;
  GPtrArray         *others;       /* ParaatScan*, the scans to compare with */
  GPtrArray         *top_checks;   /* GtkCheckButton*, per gap of the top list */

  gint64             scan_id;
  gboolean           filling;
};

G_DEFINE_FINAL_TYPE (ParaatResultsView, paraat_results_view, ADW_TYPE_BIN)

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

static char *
format_mean (double mean)
{
  return mean < 0 ? g_strdup (_("n/a")) : g_strdup_printf ("%.1f", mean);
}

static char *
format_uint (guint value)
{
  return g_strdup_printf ("%u", value);
}

/* Readiness and domains */

/* "A.5 Organizational controls", but "Article 20 Governance" for a catalog whose domain
 * keys are internal ("art20") and whose titles carry the number already. */
static char *
domain_name (const char *key,
             const char *title)
{
  if (key == NULL || key[0] == '\0' || g_ascii_islower (key[0]))
    return g_strdup (title);
  return g_strdup_printf ("%s %s", key, title);
}

static void
add_score_row (ParaatTable           *table,
               const ParaatScanScore *score,
               const char            *name)
{
  g_autofree char *readiness = paraat_scan_format_readiness (score->readiness);
  g_autofree char *mean = format_mean (score->mean_maturity);
  g_autofree char *at_target = format_uint (score->n_at_target);
  g_autofree char *answered = format_uint (score->n_answered);
  g_autofree char *na = format_uint (score->n_not_applicable);
  g_autofree char *open = format_uint (score->n_open);
  const char *cells[] = { name, readiness, mean, at_target, answered, na, open };

  paraat_table_add_row (table, NULL, cells);
}

static ParaatTable *
score_table_new (const char *first_heading)
{
  const char *headings[] = {
    first_heading, _("Readiness"), _("Mean maturity"), _("At target"), _("Answered"),
    _("Not applicable"), _("Open"), NULL,
  };

  return paraat_table_new (headings, 0x7e);
}

static void
fill_frameworks (ParaatResultsView *self)
{
  ParaatTable *table = score_table_new (_("Framework"));

  for (guint i = 0; i < self->results->frameworks->len; i++)
    {
      const ParaatScanScore *score = g_ptr_array_index (self->results->frameworks, i);
      add_score_row (table, score, score->framework_title);
    }
  gtk_box_append (self->frameworks_box, GTK_WIDGET (table));
}

static void
fill_domains (ParaatResultsView *self)
{
  ParaatTable *table = NULL;
  const char *framework = NULL;

  for (guint i = 0; i < self->results->domains->len; i++)
    {
      const ParaatScanScore *score = g_ptr_array_index (self->results->domains, i);
      g_autofree char *name = domain_name (score->group_key, score->group_title);

      if (g_strcmp0 (framework, score->framework_key) != 0)
        {
          GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

          framework = score->framework_key;
          table = score_table_new (score->framework_title);
          gtk_widget_add_css_class (card, "card");
          gtk_widget_add_css_class (card, "paraat-table-card");
          gtk_box_append (GTK_BOX (card), GTK_WIDGET (table));
          gtk_box_append (self->domains_box, card);
        }
      add_score_row (table, score, name);
    }
}

/* Gaps */

static ParaatTable *
gap_table_new (void)
{
  const char *headings[] = {
    _("Rank"), _("Requirement"), _("Level"), _("Target"), _("Weight"), _("Priority"), NULL,
  };

  return paraat_table_new (headings, 0x3d);
}

static void
add_gap_row (ParaatTable         *table,
             guint                rank,
             const ParaatScanGap *gap,
             GtkWidget           *check)
{
  g_autofree char *position = format_uint (rank);
  g_autofree char *name = g_strdup_printf ("%s %s", gap->item->label, gap->item->title);
  g_autofree char *level = g_strdup_printf ("%d", gap->item->level);
  g_autofree char *target = g_strdup_printf ("%d", gap->item->target_level);
  g_autofree char *weight = g_strdup_printf ("%g", gap->item->weight);
  g_autofree char *priority = g_strdup_printf ("%.1f", gap->priority);
  const char *cells[] = { position, name, level, target, weight, priority };

  paraat_table_add_row (table, check, cells);
}

static void
update_create_button (ParaatResultsView *self)
{
  guint selected = 0;

  for (guint i = 0; i < self->top_checks->len; i++)
    selected += gtk_check_button_get_active (g_ptr_array_index (self->top_checks, i));
  gtk_widget_set_sensitive (self->create_button, selected > 0);
}

static void
fill_gaps (ParaatResultsView *self)
{
  ParaatTable *top = gap_table_new ();
  ParaatTable *all = gap_table_new ();
  g_autofree char *expander = NULL;

  g_ptr_array_set_size (self->top_checks, 0);
  for (guint i = 0; i < self->results->top->len; i++)
    {
      const ParaatScanGap *gap = g_ptr_array_index (self->results->top, i);
      g_autofree char *accessible = g_strdup_printf ("%s %s", gap->item->label, gap->item->title);
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_create_button), self);
      g_ptr_array_add (self->top_checks, check);
      add_gap_row (top, i + 1, gap, check);
    }
  for (guint i = 0; i < self->results->gaps->len; i++)
    add_gap_row (all, i + 1, g_ptr_array_index (self->results->gaps, i), NULL);

  gtk_box_append (self->top_box, GTK_WIDGET (top));
  gtk_box_append (self->gaps_box, GTK_WIDGET (all));
  gtk_widget_set_visible (GTK_WIDGET (self->top_box), self->results->top->len > 0);
  expander = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_All %u Gaps by Priority",
                                           "_All %u Gaps by Priority", self->results->gaps->len),
                              self->results->gaps->len);
  gtk_expander_set_label (self->gaps_expander, expander);
  gtk_widget_set_visible (GTK_WIDGET (self->gaps_expander), self->results->gaps->len > 0);
  update_create_button (self);
}

/* The gaps ticked in the top list, for turning into actions */
GPtrArray *
paraat_results_view_dup_selected_gaps (ParaatResultsView *self)
{
  GPtrArray *gaps = g_ptr_array_new ();

  g_return_val_if_fail (PARAAT_IS_RESULTS_VIEW (self), gaps);

  for (guint i = 0; self->results && i < self->top_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->top_checks, i)))
      g_ptr_array_add (gaps, g_ptr_array_index (self->results->top, i));
  return gaps;
}

static void
on_actions_created_cb (ParaatResultsView *self,
                       guint              count)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u action created; find it under Actions",
                                                        "%u actions created; find them under Actions",
                                                        count), count);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), paraat_toast_new (text));
}

static void
create_actions_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  ParaatResultsView *self = PARAAT_RESULTS_VIEW (widget);
  g_autoptr(GPtrArray) gaps = paraat_results_view_dup_selected_gaps (self);
  ParaatGapActionsDialog *dialog;

  if (gaps->len == 0 || self->scan == NULL)
    return;
  dialog = paraat_gap_actions_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                          self->workspace, self->scan, gaps);
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_actions_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Comparison */

static char *
format_level (int level)
{
  return level > 0 ? g_strdup_printf ("%d", level) : g_strdup ("–");
}

static char *
format_delta (double delta,
              gboolean defined)
{
  if (!defined)
    return g_strdup ("–");
  return g_strdup_printf ("%+.1f", delta);
}

static void
fill_domain_deltas (ParaatResultsView    *self,
                    ParaatScanComparison *comparison,
                    ParaatScan           *a,
                    ParaatScan           *b)
{
  const char *headings[] = { _("Domain"), "", "", _("Change"), NULL };
  g_autofree char *head_a = g_strdup (paraat_scan_get_date (a));
  g_autofree char *head_b = g_strdup (paraat_scan_get_date (b));
  ParaatTable *table;
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  headings[1] = head_a;
  headings[2] = head_b;
  table = paraat_table_new (headings, 0xe);
  for (guint i = 0; i < comparison->domains->len; i++)
    {
      const ParaatScanDomainDelta *d = g_ptr_array_index (comparison->domains, i);
      g_autofree char *name = domain_name (d->group_key, d->group_title);
      g_autofree char *mean_a = format_mean (d->mean_a);
      g_autofree char *mean_b = format_mean (d->mean_b);
      g_autofree char *delta = format_delta (d->delta, d->mean_a >= 0 && d->mean_b >= 0);
      const char *cells[] = { name, mean_a, mean_b, delta };

      paraat_table_add_row (table, NULL, cells);
    }
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "paraat-table-card");
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (table));
  gtk_box_append (self->compare_box, card);
}

/* Requirements whose actions were closed after scan B was held need scoring again. */
static GHashTable *
load_retest (ParaatResultsView *self,
             ParaatScan        *b)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (sscanf (paraat_scan_get_date (b), "%d-%d-%d", &year, &month, &day) != 3 ||
      !(date = g_date_time_new_local (year, month, day, 0, 0, 0)))
    return NULL;
  return paraat_workspace_list_retest_requirements (self->workspace,
                                                    g_date_time_to_unix (date) * 1000, NULL);
}

static void
fill_requirement_deltas (ParaatResultsView    *self,
                         ParaatScanComparison *comparison,
                         ParaatScan           *a,
                         ParaatScan           *b)
{
  const char *headings[] = { _("Requirement"), "", "", _("Change"), _("Re-test"), NULL };
  g_autofree char *head_a = g_strdup (paraat_scan_get_date (a));
  g_autofree char *head_b = g_strdup (paraat_scan_get_date (b));
  g_autoptr(GHashTable) retest = load_retest (self, b);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = gtk_label_new (_("Requirements whose level changed or that need a re-test"));
  ParaatTable *table;

  headings[1] = head_a;
  headings[2] = head_b;
  table = paraat_table_new (headings, 0xe);
  for (guint i = 0; i < comparison->requirements->len; i++)
    {
      const ParaatScanDelta *d = g_ptr_array_index (comparison->requirements, i);
      gboolean again = retest && g_hash_table_contains (retest, &d->requirement_id);
      g_autofree char *name = NULL;
      g_autofree char *level_a = NULL;
      g_autofree char *level_b = NULL;
      g_autofree char *delta = NULL;

      if (d->level_a == d->level_b && !again)
        continue;
      name = g_strdup_printf ("%s %s", d->label, d->title);
      level_a = format_level (d->level_a);
      level_b = format_level (d->level_b);
      delta = d->level_a > 0 && d->level_b > 0 ? g_strdup_printf ("%+d", d->delta) : g_strdup ("–");
      paraat_table_add_row (table, NULL, (const char *[]) {
        name, level_a, level_b, delta,
        /* Translators: in a table: an action on this requirement closed after the scan */
        again ? _("Actions closed since; score again") : "",
      });
    }
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (self->compare_box, heading);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "paraat-table-card");
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (table));
  gtk_box_append (self->compare_box, card);
}

static void
fill_comparison (ParaatResultsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->compare_dropdown);
  g_autoptr(ParaatScanComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  ParaatScan *other, *a, *b;

  clear_box (self->compare_box);
  if (self->filling || selected == GTK_INVALID_LIST_POSITION || selected >= self->others->len)
    return;

  /* The older scan is the baseline, whichever of the two is shown. */
  other = g_ptr_array_index (self->others, selected);
  if (g_strcmp0 (paraat_scan_get_date (other), paraat_scan_get_date (self->scan)) <= 0)
    a = other, b = self->scan;
  else
    a = self->scan, b = other;

  comparison = paraat_workspace_compare_scans (self->workspace, paraat_scan_get_id (a),
                                               paraat_scan_get_id (b), &error);
  if (comparison == NULL)
    {
      GtkWidget *label = gtk_label_new (error->message);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (self->compare_box, label);
      return;
    }
  fill_domain_deltas (self, comparison, a, b);
  fill_requirement_deltas (self, comparison, a, b);
}

static void
fill_compare_choices (ParaatResultsView *self)
{
  g_autoptr(GListModel) scans = paraat_workspace_list_scans (self->workspace, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint previous = GTK_INVALID_LIST_POSITION;

  g_ptr_array_set_size (self->others, 0);
  for (guint i = 0; scans && i < g_list_model_get_n_items (scans); i++)
    {
      g_autoptr(ParaatScan) scan = g_list_model_get_item (scans, i);
      g_autofree char *name = NULL;

      if (paraat_scan_get_id (scan) == self->scan_id)
        continue;
      /* The newest scan before this one is the natural baseline. */
      if (previous == GTK_INVALID_LIST_POSITION &&
          g_strcmp0 (paraat_scan_get_date (scan), paraat_scan_get_date (self->scan)) <= 0)
        previous = self->others->len;
      name = g_strdup_printf ("%s (%s)", paraat_scan_get_name (scan), paraat_scan_get_date (scan));
      gtk_string_list_append (names, name);
      g_ptr_array_add (self->others, g_steal_pointer (&scan));
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->compare_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->compare_dropdown, previous != GTK_INVALID_LIST_POSITION ? previous : 0);
  self->filling = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->compare_dropdown), self->others->len > 0);
  fill_comparison (self);
}

/* Loading */

static void
update_summary (ParaatResultsView *self)
{
  g_autofree char *text = NULL;
  guint n = paraat_scan_get_n_questions (self->scan);
  guint answered = paraat_scan_get_n_answered (self->scan);

  if (answered == 0)
    text = g_strdup (_("No question has been answered yet. Answer questions on the Questions tab; "
                       "the results follow each answer."));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u of %u question answered. Open questions are left out of readiness.",
                                         "%u of %u questions answered. Open questions are left out of readiness.",
                                         n),
                            answered, n);
  gtk_label_set_label (self->summary_label, text);
}

void
paraat_results_view_reload (ParaatResultsView *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PARAAT_IS_RESULTS_VIEW (self));

  clear_box (self->frameworks_box);
  clear_box (self->domains_box);
  clear_box (self->top_box);
  clear_box (self->gaps_box);
  g_ptr_array_set_size (self->top_checks, 0);
  g_clear_pointer (&self->results, paraat_scan_results_free);
  g_clear_object (&self->scan);
  if (self->workspace == NULL)
    return;

  if (!(self->scan = paraat_workspace_get_scan (self->workspace, self->scan_id, &error)) ||
      !(self->results = paraat_workspace_compute_scan_results (self->workspace, self->scan_id, &error)))
    {
      gtk_label_set_label (self->summary_label, error->message);
      return;
    }
  update_summary (self);
  fill_frameworks (self);
  fill_domains (self);
  fill_gaps (self);
  fill_compare_choices (self);
}

void
paraat_results_view_set_scan (ParaatResultsView *self,
                              ParaatWorkspace   *workspace,
                              gint64             scan_id)
{
  g_return_if_fail (PARAAT_IS_RESULTS_VIEW (self));

  g_set_object (&self->workspace, workspace);
  self->scan_id = scan_id;
}

/* The text of a cell of one of the tables, for tests: TABLE is "frameworks", "domains",
 * "top", "gaps" or "compare-domains"/"compare-requirements". */
ParaatTable *
paraat_results_view_get_table (ParaatResultsView *self,
                               const char        *which)
{
  GtkWidget *box = NULL;
  GtkWidget *child;
  guint skip = 0;

  g_return_val_if_fail (PARAAT_IS_RESULTS_VIEW (self), NULL);

  if (g_str_equal (which, "frameworks"))
    box = GTK_WIDGET (self->frameworks_box);
  else if (g_str_equal (which, "domains"))
    box = GTK_WIDGET (self->domains_box);
  else if (g_str_equal (which, "top"))
    box = GTK_WIDGET (self->top_box);
  else if (g_str_equal (which, "gaps"))
    box = GTK_WIDGET (self->gaps_box);
  else if (g_str_equal (which, "compare-domains") || g_str_equal (which, "compare-requirements"))
    {
      box = GTK_WIDGET (self->compare_box);
      skip = g_str_equal (which, "compare-requirements") ? 2 : 0;
    }
  g_return_val_if_fail (box != NULL, NULL);

  for (child = gtk_widget_get_first_child (box); child && skip > 0; skip--)
    child = gtk_widget_get_next_sibling (child);
  if (child != NULL && !PARAAT_IS_TABLE (child))
    child = gtk_widget_get_first_child (child);
  return child && PARAAT_IS_TABLE (child) ? PARAAT_TABLE (child) : NULL;
}

static void
paraat_results_view_dispose (GObject *object)
{
  ParaatResultsView *self = PARAAT_RESULTS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_RESULTS_VIEW);
  g_clear_pointer (&self->results, paraat_scan_results_free);
  g_clear_pointer (&self->others, g_ptr_array_unref);
  g_clear_pointer (&self->top_checks, g_ptr_array_unref);
  g_clear_object (&self->scan);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (paraat_results_view_parent_class)->dispose (object);
}

static void
paraat_results_view_class_init (ParaatResultsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_results_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-results-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatResultsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatResultsView, frameworks_box);
  gtk_widget_class_bind_template_child (widget_class, ParaatResultsView, domains_box);
  gtk_widget_class_bind_template_child (widget_class, ParaatResultsView, top_box);
  gtk_widget_class_bind_template_child (widget_class, ParaatResultsView, gaps_expander);
  gtk_widget_class_bind_template_child (widget_class, ParaatResultsView, gaps_box);
  gtk_widget_class_bind_template_child (widget_class, ParaatResultsView, create_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatResultsView, compare_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatResultsView, compare_box);
  gtk_widget_class_install_action (widget_class, "results.create-actions", NULL, create_actions_action);
}

static void
paraat_results_view_init (ParaatResultsView *self)
{
  self->others = g_ptr_array_new_with_free_func (g_object_unref);
  self->top_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->compare_dropdown, "notify::selected",
                            G_CALLBACK (fill_comparison), self);
}
