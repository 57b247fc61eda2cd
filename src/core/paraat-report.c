/* paraat-report.c — the board report: where the organisation stands, in a dozen pages
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "paraat-action.h"
#include "paraat-chart.h"
#include "paraat-evidence.h"
#include "paraat-evidence-private.h"
#include "paraat-framework.h"
#include "paraat-i18n.h"
#include "paraat-metrics.h"
#include "paraat-pdf.h"
#include "paraat-report.h"
#include "paraat-review.h"
#include "paraat-risk.h"
#include "paraat-scan.h"

#define TOP_RISKS        10
#define LISTED_ACTIONS   25
#define LISTED_REVIEWS   2
#define TREND_MONTHS     3
#define N_MOMENTS        4     /* now, and 3, 6 and 12 months earlier */

typedef struct
{
  ParaatWorkspace    *workspace;
  ParaatPdf          *pdf;
  char               *today;
  ParaatProgressFunc  progress;
  gpointer            progress_data;
  GCancellable       *cancellable;
} Report;

typedef gboolean (*SectionFunc) (Report *report, GError **error);

static void
report_progress (Report     *report,
                 double      fraction,
                 const char *step)
{
  if (report->progress != NULL)
    report->progress (fraction, step, report->progress_data);
}

static GPtrArray *
rows_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

/* Appends a row of N_CELLS cells from the arguments that follow; a NULL cell is empty. */
static void
rows_add (GPtrArray *rows,
          guint      n_cells,
          ...)
{
  char **row = g_new0 (char *, n_cells + 1);
  va_list args;

  va_start (args, n_cells);
  for (guint i = 0; i < n_cells; i++)
    {
      const char *cell = va_arg (args, const char *);
      row[i] = g_strdup (cell != NULL ? cell : "");
    }
  va_end (args);
  g_ptr_array_add (rows, row);
}

static char *
iso_months_before (const char *date,
                   guint       months)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_parse (&day, date);
  if (!g_date_valid (&day))
    return g_strdup (date);
  g_date_subtract_months (&day, months);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&day), g_date_get_month (&day),
                          g_date_get_day (&day));
}

static void
add_chart (Report          *report,
           ParaatChartKind  kind,
           double           height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatChart) chart = paraat_workspace_build_chart (report->workspace, kind, NULL,
                                                               NULL, &error);

  if (chart != NULL && !paraat_chart_is_empty (chart))
    paraat_pdf_add_chart (report->pdf, chart, height);
}

/* Cover and summary */

static char *
frameworks_line (ParaatWorkspace *workspace)
{
  GListModel *frameworks = paraat_workspace_get_frameworks (workspace);
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (frameworks); i++)
    {
      g_autoptr(ParaatFramework) framework = g_list_model_get_item (frameworks, i);

      if (!paraat_framework_get_enabled (framework))
        continue;
      if (titles->len > 0)
        g_string_append (titles, ", ");
      g_string_append (titles, paraat_framework_get_title (framework));
    }
  /* Translators: on the board report's cover, the enabled frameworks */
  return titles->len > 0 ? g_strdup_printf (_("Frameworks: %s"), titles->str) : NULL;
}

static void
add_cover (Report *report)
{
  ParaatSettings settings = { NULL, };
  g_autofree char *date = paraat_format_date_long (report->today);
  g_autofree char *frameworks = frameworks_line (report->workspace);
  g_autofree char *scope = NULL;
  g_autofree char *prepared = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  ParaatPerson *author = paraat_workspace_get_actor (report->workspace);

  paraat_workspace_get_settings (report->workspace, &settings);
  g_ptr_array_add (lines, settings.organisation);
  g_ptr_array_add (lines, date);
  if (frameworks != NULL)
    g_ptr_array_add (lines, frameworks);
  if (settings.scope != NULL && settings.scope[0] != '\0')
    /* Translators: on the board report's cover, the scope statement */
    g_ptr_array_add (lines, scope = g_strdup_printf (_("Scope: %s"), settings.scope));
  if (author != NULL)
    /* Translators: on the board report's cover, the person who made it */
    g_ptr_array_add (lines, prepared = g_strdup_printf (_("Prepared by %s"),
                                                        paraat_person_get_name (author)));
  g_ptr_array_add (lines, NULL);

  paraat_pdf_add_cover (report->pdf, _("Board Report"), _("Information security readiness"),
                        (const char * const *) lines->pdata);
  paraat_settings_clear (&settings);
}

/* The executive figures now and a quarter, half a year and a year ago */
static void
add_figure_history (Report              *report,
                    const ParaatMetrics *history,
                    char               **dates)
{
  g_autoptr(GPtrArray) rows = rows_new ();
  char *headings[N_MOMENTS + 1] = { NULL, };

  headings[0] = g_strdup (_("Figure"));
  for (guint c = 0; c < N_MOMENTS; c++)
    headings[c + 1] = paraat_format_date_long (dates[c]);

  for (guint figure = 0; figure < PARAAT_N_FIGURES; figure++)
    {
      ParaatFigureText texts[N_MOMENTS] = { { NULL, }, };

      for (guint c = 0; c < N_MOMENTS; c++)
        paraat_metrics_describe (&history[c], &history[c], "", figure, &texts[c]);
      rows_add (rows, 5, paraat_figure_label (figure), texts[0].value, texts[1].value,
                texts[2].value, texts[3].value);
      for (guint c = 0; c < N_MOMENTS; c++)
        paraat_figure_text_clear (&texts[c]);
    }
  paraat_pdf_add_subheading (report->pdf, _("Over the past year"));
  paraat_pdf_add_table (report->pdf, 5, (const char * const *) headings,
                        (const double[]) { 2.4, 1, 1, 1, 1 }, rows);
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    g_free (headings[c]);
}

static gboolean
add_summary (Report  *report,
             GError **error)
{
  static const guint months[N_MOMENTS] = { 0, TREND_MONTHS, 6, 12 };
  ParaatMetrics history[G_N_ELEMENTS (months)];
  char *dates[G_N_ELEMENTS (months) + 1] = { NULL, };
  const char *values[PARAAT_N_FIGURES], *labels[PARAAT_N_FIGURES], *notes[PARAAT_N_FIGURES];
  ParaatFigureText texts[PARAAT_N_FIGURES] = { { NULL, }, };
  g_autofree char *since = NULL;
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (months) && ok; i++)
    {
      dates[i] = iso_months_before (report->today, months[i]);
      ok = paraat_workspace_compute_metrics (report->workspace, dates[i], &history[i], error);
    }
  if (ok)
    {
      since = paraat_format_date_long (dates[1]);
      paraat_pdf_add_section (report->pdf, _("Summary"));
      paraat_pdf_add_paragraph (report->pdf,
                                _("The figures the board follows each quarter, with their "
                                  "change since the same day a quarter ago."));
      for (guint figure = 0; figure < PARAAT_N_FIGURES; figure++)
        {
          g_autofree char *note = NULL;

          paraat_metrics_describe (&history[0], &history[1], since, figure, &texts[figure]);
          note = texts[figure].change != NULL
                 ? g_strdup_printf ("%s\n%s", texts[figure].note, texts[figure].change)
                 : g_strdup (texts[figure].note);
          g_free (texts[figure].note);
          texts[figure].note = g_steal_pointer (&note);
          values[figure] = texts[figure].value;
          labels[figure] = paraat_figure_label (figure);
          notes[figure] = texts[figure].note;
        }
      paraat_pdf_add_figures (report->pdf, PARAAT_N_FIGURES, values, labels, notes);
      add_figure_history (report, history, dates);
    }
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    g_free (dates[i]);
  for (guint figure = 0; figure < PARAAT_N_FIGURES; figure++)
    paraat_figure_text_clear (&texts[figure]);
  return ok;
}

/* Readiness and maturity */

static char *
format_maturity (double mean)
{
  return mean < 0 ? g_strdup ("—") : paraat_format_decimal (mean, 1);
}

static void
add_readiness_table (Report            *report,
                     ParaatScanResults *results)
{
  g_autoptr(GPtrArray) rows = rows_new ();
  const char *headings[] = {
    _("Framework"), _("Readiness"), _("Mean maturity"), _("At target"), _("Answered"),
    _("Not applicable"), _("Open"),
  };

  for (guint i = 0; i < results->frameworks->len; i++)
    {
      ParaatScanScore *score = g_ptr_array_index (results->frameworks, i);
      g_autofree char *readiness = paraat_scan_format_readiness (score->readiness);
      g_autofree char *maturity = format_maturity (score->mean_maturity);
      g_autofree char *at_target = g_strdup_printf ("%u", score->n_at_target);
      g_autofree char *answered = g_strdup_printf ("%u", score->n_answered);
      g_autofree char *na = g_strdup_printf ("%u", score->n_not_applicable);
      g_autofree char *open = g_strdup_printf ("%u", score->n_open);

      rows_add (rows, 7, score->framework_title, readiness, maturity, at_target, answered, na,
                open);
    }
  paraat_pdf_add_table (report->pdf, G_N_ELEMENTS (headings), headings,
                        (const double[]) { 3, 1, 1, 1, 1, 1.1, 0.8 }, rows);
}

static int
compare_domains (gconstpointer a,
                 gconstpointer b)
{
  const ParaatScanScore *x = *(ParaatScanScore * const *) a;
  const ParaatScanScore *y = *(ParaatScanScore * const *) b;

  return (x->mean_maturity > y->mean_maturity) - (x->mean_maturity < y->mean_maturity);
}

/* The five answered domains with the lowest mean maturity: where the work is */
static void
add_weakest_domains (Report            *report,
                     ParaatScanResults *results)
{
  g_autoptr(GPtrArray) domains = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = rows_new ();
  const char *headings[] = { _("Domain"), _("Mean maturity"), _("Readiness"), _("Answered") };

  for (guint i = 0; i < results->domains->len; i++)
    {
      ParaatScanScore *score = g_ptr_array_index (results->domains, i);
      if (score->mean_maturity >= 0)
        g_ptr_array_add (domains, score);
    }
  if (domains->len == 0)
    return;
  g_ptr_array_sort (domains, compare_domains);
  for (guint i = 0; i < MIN (domains->len, 5); i++)
    {
      ParaatScanScore *score = g_ptr_array_index (domains, i);
      g_autofree char *maturity = format_maturity (score->mean_maturity);
      g_autofree char *readiness = paraat_scan_format_readiness (score->readiness);
      g_autofree char *answered = g_strdup_printf ("%u", score->n_answered);

      rows_add (rows, 4, score->group_title, maturity, readiness, answered);
    }
  paraat_pdf_add_subheading (report->pdf, _("Weakest domains"));
  paraat_pdf_add_table (report->pdf, G_N_ELEMENTS (headings), headings,
                        (const double[]) { 4, 1, 1, 1 }, rows);
}

static gboolean
add_readiness (Report  *report,
               GError **error)
{
  g_autoptr(GListModel) scans = paraat_workspace_list_scans (report->workspace, error);
  g_autoptr(ParaatScan) latest = NULL;
  g_autoptr(ParaatScanResults) results = NULL;
  g_autofree char *date = NULL;
  g_autofree char *intro = NULL;

  if (scans == NULL)
    return FALSE;
  paraat_pdf_add_section (report->pdf, _("Readiness and maturity"));
  if (g_list_model_get_n_items (scans) == 0)
    {
      paraat_pdf_add_note (report->pdf, _("No readiness scan has been held yet. A quick scan "
                                          "with the management team gives the first figures."));
      return TRUE;
    }

  latest = g_list_model_get_item (scans, 0);
  if (!(results = paraat_workspace_compute_scan_results (report->workspace,
                                                         paraat_scan_get_id (latest), error)))
    return FALSE;
  date = paraat_format_date_long (paraat_scan_get_date (latest));
  /* Translators: %1$s is the scan's name, %2$s its date, %3$d the target level */
  intro = g_strdup_printf (_("From the latest readiness scan, “%1$s” of %2$s. Readiness is "
                             "the share of answered requirements at the target level (%3$d); "
                             "maturity runs from 1 (ad hoc) to 4 (optimised)."),
                           paraat_scan_get_name (latest), date,
                           paraat_scan_get_target_level (latest));
  paraat_pdf_add_paragraph (report->pdf, intro);
  add_readiness_table (report, results);
  add_chart (report, PARAAT_CHART_READINESS, 150);
  add_chart (report, PARAAT_CHART_RADAR, 330);
  add_weakest_domains (report, results);
  if (g_list_model_get_n_items (scans) > 1)
    {
      paraat_pdf_add_subheading (report->pdf, _("Maturity over time"));
      add_chart (report, PARAAT_CHART_TREND, 220);
    }
  return TRUE;
}

/* Risks */

static int
compare_risks (gconstpointer a,
               gconstpointer b)
{
  ParaatRisk *x = *(ParaatRisk * const *) a;
  ParaatRisk *y = *(ParaatRisk * const *) b;

  return paraat_risk_get_score (y) - paraat_risk_get_score (x);
}

static char *
risk_level_text (int             score,
                 ParaatRiskLevel level)
{
  /* Translators: a risk's level and score, "High (12)" */
  return score > 0 ? g_strdup_printf (_("%1$s (%2$d)"), paraat_risk_level_label (level), score)
                   : g_strdup (C_("residual risk", "Not assessed"));
}

static void
add_risk_row (GPtrArray  *rows,
              ParaatRisk *risk)
{
  int residual = paraat_risk_get_residual_score (risk);
  g_autofree char *inherent = risk_level_text (paraat_risk_get_score (risk),
                                               paraat_risk_get_level (risk));
  g_autofree char *after = risk_level_text (residual, paraat_risk_level_for_score (residual));
  const char *review = paraat_risk_get_review_date (risk);

  rows_add (rows, 6, paraat_risk_get_title (risk), inherent, after,
            paraat_treatment_label (paraat_risk_get_treatment (risk)),
            paraat_risk_get_owner_name (risk), review != NULL ? review : "");
}

static char *
risk_counts_sentence (GPtrArray *risks)
{
  guint counts[PARAAT_RISK_CRITICAL + 1] = { 0, };

  for (guint i = 0; i < risks->len; i++)
    counts[paraat_risk_get_level (g_ptr_array_index (risks, i))]++;
  /* Translators: the counts of risks by inherent level */
  return g_strdup_printf (paraat_ngettext ("%1$u risk is registered: %2$u critical, %3$u high, "
                                           "%4$u medium and %5$u low, by their inherent score "
                                           "(likelihood × impact).",
                                           "%1$u risks are registered: %2$u critical, %3$u "
                                           "high, %4$u medium and %5$u low, by their inherent "
                                           "score (likelihood × impact).", risks->len),
                          risks->len, counts[PARAAT_RISK_CRITICAL], counts[PARAAT_RISK_HIGH],
                          counts[PARAAT_RISK_MEDIUM], counts[PARAAT_RISK_LOW]);
}

static gboolean
add_risks (Report  *report,
           GError **error)
{
  g_autoptr(GListModel) model = paraat_workspace_list_risks (report->workspace, error);
  g_autoptr(GPtrArray) risks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rows = rows_new ();
  g_autofree char *counts = NULL;
  const char *headings[] = {
    _("Risk"), _("Inherent"), _("Residual"), _("Treatment"), _("Owner"), _("Review by"),
  };

  if (model == NULL)
    return FALSE;
  paraat_pdf_add_section (report->pdf, _("Risks"));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (risks, g_list_model_get_item (model, i));
  if (risks->len == 0)
    {
      paraat_pdf_add_note (report->pdf, _("No risks are registered yet."));
      return TRUE;
    }

  counts = risk_counts_sentence (risks);
  paraat_pdf_add_paragraph (report->pdf, counts);
  g_ptr_array_sort (risks, compare_risks);
  for (guint i = 0; i < MIN (risks->len, TOP_RISKS); i++)
    add_risk_row (rows, g_ptr_array_index (risks, i));
  paraat_pdf_add_subheading (report->pdf, _("Top risks"));
  paraat_pdf_add_table (report->pdf, G_N_ELEMENTS (headings), headings,
                        (const double[]) { 3.2, 1.1, 1.1, 1, 1.4, 1.1 }, rows);
  add_chart (report, PARAAT_CHART_HEATMAP, 260);
  return TRUE;
}

/* Actions */

static gboolean
is_high_priority (ParaatAction *action)
{
  return paraat_action_get_priority (action) >= PARAAT_PRIORITY_HIGH;
}

static void
add_overdue_row (GPtrArray    *rows,
                 ParaatAction *action)
{
  int days = paraat_action_get_days_overdue (action);
  g_autofree char *overdue = g_strdup_printf (paraat_ngettext ("%d day", "%d days", days), days);

  rows_add (rows, 5, paraat_action_get_title (action), paraat_action_get_owner_name (action),
            paraat_action_get_due_date (action), overdue,
            paraat_priority_label (paraat_action_get_priority (action)));
}

static void
add_open_row (GPtrArray    *rows,
              ParaatAction *action)
{
  rows_add (rows, 5, paraat_action_get_title (action), paraat_action_get_owner_name (action),
            paraat_action_get_due_date (action),
            paraat_action_status_label (paraat_action_get_status (action)),
            paraat_priority_label (paraat_action_get_priority (action)));
}

static void
add_action_table (Report     *report,
                  const char *title,
                  GPtrArray  *rows,
                  const char *fourth_heading,
                  const char *empty)
{
  const char *headings[] = { _("Action"), _("Owner"), _("Due"), fourth_heading, _("Priority") };

  paraat_pdf_add_subheading (report->pdf, title);
  if (rows->len == 0)
    paraat_pdf_add_note (report->pdf, empty);
  else
    paraat_pdf_add_table (report->pdf, G_N_ELEMENTS (headings), headings,
                          (const double[]) { 3.6, 1.5, 1, 1.1, 0.9 }, rows);
}

static int
compare_overdue (gconstpointer a,
                 gconstpointer b)
{
  ParaatAction *x = *(ParaatAction * const *) a;
  ParaatAction *y = *(ParaatAction * const *) b;

  return paraat_action_get_days_overdue (y) - paraat_action_get_days_overdue (x);
}

static gboolean
add_actions (Report  *report,
             GError **error)
{
  g_autoptr(GListModel) model = paraat_workspace_list_actions (report->workspace, error);
  g_autoptr(GPtrArray) overdue = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) overdue_rows = rows_new ();
  g_autoptr(GPtrArray) high_rows = rows_new ();
  g_autofree char *counts = NULL;
  guint n_active = 0;

  if (model == NULL)
    return FALSE;
  paraat_pdf_add_section (report->pdf, _("Actions"));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParaatAction) action = g_list_model_get_item (model, i);

      if (!paraat_action_is_active (action))
        continue;
      n_active++;
      if (paraat_action_is_overdue (action))
        g_ptr_array_add (overdue, g_object_ref (action));
      else if (is_high_priority (action) && high_rows->len < LISTED_ACTIONS)
        add_open_row (high_rows, action);
    }
  g_ptr_array_sort (overdue, compare_overdue);
  for (guint i = 0; i < MIN (overdue->len, LISTED_ACTIONS); i++)
    add_overdue_row (overdue_rows, g_ptr_array_index (overdue, i));

  /* Translators: the counts of open and overdue actions */
  counts = g_strdup_printf (paraat_ngettext ("%1$u action is open, of which %2$u overdue.",
                                             "%1$u actions are open, of which %2$u overdue.",
                                             n_active), n_active, overdue->len);
  paraat_pdf_add_paragraph (report->pdf, counts);
  add_action_table (report, _("Overdue actions"), overdue_rows, _("Overdue by"),
                    _("No action is overdue."));
  add_action_table (report, _("Open high-priority actions"), high_rows, _("Status"),
                    _("No other action of high or critical priority is open."));
  add_chart (report, PARAAT_CHART_ACTIONS, 220);
  return TRUE;
}

/* Management reviews */

static char *
decision_follow_up (Report               *report,
                    ParaatReviewDecision *decision)
{
  const char *reason = paraat_review_decision_get_no_action_reason (decision);
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (reason != NULL && reason[0] != '\0')
    /* Translators: a management review decision that needs no action, with the reason */
    return g_strdup_printf (_("No action needed: %s"), reason);
  actions = paraat_workspace_list_decision_actions (report->workspace,
                                                    paraat_review_decision_get_id (decision),
                                                    NULL);
  for (guint i = 0; actions != NULL && i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(ParaatAction) action = g_list_model_get_item (actions, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: an action taken on a decision: title, owner and status */
      g_string_append_printf (text, _("%1$s (%2$s, %3$s)"), paraat_action_get_title (action),
                              paraat_action_get_owner_name (action),
                              paraat_action_status_label (paraat_action_get_status (action)));
    }
  if (text->len == 0)
    return g_strdup (_("Neither an action nor a reason for none: to be settled"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
add_review (Report        *report,
            ParaatReview  *review,
            GError       **error)
{
  g_autoptr(GListModel) decisions = NULL;
  g_autoptr(GPtrArray) rows = rows_new ();
  g_autofree char *date = paraat_format_date_long (paraat_review_get_date (review));
  g_autofree char *heading = g_strdup_printf ("%s — %s", paraat_review_get_title (review), date);
  g_autofree char *about = NULL;
  const char *headings[] = { _("Decision"), _("Follow-up") };

  if (!(decisions = paraat_workspace_list_review_decisions (report->workspace,
                                                            paraat_review_get_id (review),
                                                            error)))
    return FALSE;
  about = g_strdup_printf (_("Chaired by %1$s; %2$u of %3$d inputs of clause 9.3.2 covered; %4$s."),
                           paraat_review_get_chair_name (review),
                           paraat_review_get_n_covered (review), PARAAT_N_REVIEW_INPUTS,
                           paraat_review_get_finalised_ms (review) > 0
                           ? _("minutes finalised") : _("minutes still in draft"));
  paraat_pdf_add_subheading (report->pdf, heading);
  paraat_pdf_add_paragraph (report->pdf, about);
  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(ParaatReviewDecision) decision = g_list_model_get_item (decisions, i);
      g_autofree char *follow_up = decision_follow_up (report, decision);

      rows_add (rows, 2, paraat_review_decision_get_text (decision), follow_up);
    }
  if (rows->len > 0)
    paraat_pdf_add_table (report->pdf, 2, headings, (const double[]) { 1, 1 }, rows);
  else
    paraat_pdf_add_note (report->pdf, _("No decisions were recorded."));
  return TRUE;
}

static gboolean
add_reviews (Report  *report,
             GError **error)
{
  g_autoptr(GListModel) reviews = paraat_workspace_list_reviews (report->workspace, error);

  if (reviews == NULL)
    return FALSE;
  paraat_pdf_add_section (report->pdf, _("Management reviews"));
  if (g_list_model_get_n_items (reviews) == 0)
    paraat_pdf_add_note (report->pdf, _("No management review has been recorded yet "
                                        "(clause 9.3)."));
  for (guint i = 0; i < MIN (g_list_model_get_n_items (reviews), LISTED_REVIEWS); i++)
    {
      g_autoptr(ParaatReview) review = g_list_model_get_item (reviews, i);
      if (!add_review (report, review, error))
        return FALSE;
    }
  return TRUE;
}

/* Evidence and exceptions */

static gboolean
add_evidence (Report  *report,
              GError **error)
{
  g_autoptr(GListModel) evidence = paraat_workspace_list_evidence (report->workspace, error);
  guint counts[3] = { 0, };
  guint n;
  g_autofree char *sentence = NULL;

  if (evidence == NULL)
    return FALSE;
  paraat_pdf_add_section (report->pdf, _("Evidence"));
  n = g_list_model_get_n_items (evidence);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatEvidence) item = g_list_model_get_item (evidence, i);
      counts[MIN (paraat_evidence_get_freshness (item), 2)]++;
    }
  /* Translators: the counts of evidence items by freshness */
  sentence = g_strdup_printf (paraat_ngettext ("%1$u evidence item: %2$u fresh, %3$u expiring "
                                               "within a month and %4$u stale.",
                                               "%1$u evidence items: %2$u fresh, %3$u expiring "
                                               "within a month and %4$u stale.", n),
                              n, counts[PARAAT_FRESHNESS_FRESH], counts[PARAAT_FRESHNESS_EXPIRING],
                              counts[PARAAT_FRESHNESS_STALE]);
  paraat_pdf_add_paragraph (report->pdf, sentence);
  add_chart (report, PARAAT_CHART_FRESHNESS, 200);
  return TRUE;
}

static int
compare_exceptions (gconstpointer a,
                    gconstpointer b)
{
  ParaatException *x = *(ParaatException * const *) a;
  ParaatException *y = *(ParaatException * const *) b;

  return g_strcmp0 (paraat_exception_get_expiry_date (x), paraat_exception_get_expiry_date (y));
}

static gboolean
add_exceptions (Report  *report,
                GError **error)
{
  g_autoptr(GListModel) model = paraat_workspace_list_exceptions (report->workspace, error);
  g_autoptr(GPtrArray) exceptions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rows = rows_new ();
  const char *headings[] = {
    _("Requirements"), _("Granted to"), _("Justification"), _("Approved by"), _("Expires"),
    _("State"),
  };

  if (model == NULL)
    return FALSE;
  paraat_pdf_add_section (report->pdf, _("Exceptions"));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (exceptions, g_list_model_get_item (model, i));
  if (exceptions->len == 0)
    {
      paraat_pdf_add_note (report->pdf, _("No exceptions are granted."));
      return TRUE;
    }
  g_ptr_array_sort (exceptions, compare_exceptions);
  for (guint i = 0; i < exceptions->len; i++)
    {
      ParaatException *exception = g_ptr_array_index (exceptions, i);

      rows_add (rows, 6, paraat_exception_get_requirements_label (exception),
                paraat_exception_get_holder_name (exception),
                paraat_exception_get_justification (exception),
                paraat_exception_get_approver_name (exception),
                paraat_exception_get_expiry_date (exception),
                paraat_exception_state_label (paraat_exception_get_state (exception)));
    }
  paraat_pdf_add_table (report->pdf, G_N_ELEMENTS (headings), headings,
                        (const double[]) { 2.4, 1.1, 2.6, 1.1, 0.9, 0.9 }, rows);
  return TRUE;
}

/* The whole */

static gboolean
build (Report  *report,
       GError **error)
{
  static const SectionFunc sections[] = {
    add_summary, add_readiness, add_risks, add_actions, add_reviews, add_evidence,
    add_exceptions,
  };

  add_cover (report);
  paraat_pdf_add_contents (report->pdf, _("Contents"));
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      if (g_cancellable_set_error_if_cancelled (report->cancellable, error) ||
          !sections[i] (report, error))
        return FALSE;
      report_progress (report, 0.8 * (i + 1) / G_N_ELEMENTS (sections),
                       N_("Gathering the figures"));
    }
  return TRUE;
}

static gboolean
write_board_report (ParaatWorkspace    *workspace,
                    const char         *path,
                    ParaatProgressFunc  progress,
                    gpointer            progress_data,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_autofree char *title = NULL;
  g_autoptr(ParaatPdf) pdf = NULL;
  g_autofree char *today = paraat_evidence_today ();
  Report report = {
    .workspace = workspace,
    .today = today,
    .progress = progress,
    .progress_data = progress_data,
    .cancellable = cancellable,
  };

  /* Translators: the running header of the board report: "Board report · Acme B.V." */
  title = g_strdup_printf (_("Board report · %s"), paraat_workspace_get_organisation (workspace));
  report.pdf = pdf = paraat_pdf_new (title, FALSE);
  report_progress (&report, 0, N_("Gathering the figures"));
  if (!build (&report, error))
    return FALSE;
  report_progress (&report, 0.85, N_("Laying out the pages"));
  if (!paraat_pdf_write (pdf, path, cancellable, error))
    return FALSE;
  report_progress (&report, 1, N_("Done"));
  return TRUE;
}

gboolean
paraat_workspace_write_board_report (ParaatWorkspace    *self,
                                     const char         *language,
                                     const char         *path,
                                     ParaatProgressFunc  progress,
                                     gpointer            progress_data,
                                     GCancellable       *cancellable,
                                     GError            **error)
{
  g_autoptr(ParaatLanguageScope) scope = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return (scope = paraat_i18n_enter_language (language, error)) != NULL &&
         write_board_report (self, path, progress, progress_data, cancellable, error);
}

/* In a worker thread */

/* Shared by the worker and every progress report on its way to the caller's context */
typedef struct
{
  gatomicrefcount     ref_count;
  ParaatProgressFunc  func;
  gpointer            data;
  GDestroyNotify      destroy;
  GMainContext       *context;
} Progress;

typedef struct
{
  Progress *progress;
  double    fraction;
  char     *step;
} ProgressReport;

typedef gboolean (*WriteFunc) (ParaatWorkspace    *self,
                               const char         *language,
                               const char         *path,
                               ParaatProgressFunc  progress,
                               gpointer            progress_data,
                               GCancellable       *cancellable,
                               GError            **error);

typedef struct
{
  WriteFunc  write;
  gint64     author_id;
  char      *workspace_path;
  char      *language;
  char      *path;
  Progress  *progress;
} Job;

static Progress *
progress_ref (Progress *progress)
{
  g_atomic_ref_count_inc (&progress->ref_count);
  return progress;
}

/* Runs FUNC on the caller's context, always from its main loop, never in this thread */
static void
progress_dispatch (Progress       *progress,
                   GSourceFunc     func,
                   gpointer        data,
                   GDestroyNotify  notify)
{
  GSource *source = g_idle_source_new ();

  /* The priority of the task's own result, so that every report arrives before it */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, notify);
  g_source_attach (source, progress->context);
  g_source_unref (source);
}

static gboolean
progress_free_cb (gpointer data)
{
  Progress *progress = data;

  /* The data is the caller's (a dialog, say): it is let go where it was made */
  if (progress->destroy != NULL)
    progress->destroy (progress->data);
  g_main_context_unref (progress->context);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

static void
progress_unref (Progress *progress)
{
  if (g_atomic_ref_count_dec (&progress->ref_count))
    progress_dispatch (progress, progress_free_cb, progress, NULL);
}

static gboolean
deliver_progress (gpointer data)
{
  ProgressReport *report = data;

  if (report->progress->func != NULL)
    report->progress->func (report->fraction, report->step, report->progress->data);
  return G_SOURCE_REMOVE;
}

static void
progress_report_free (ProgressReport *report)
{
  progress_unref (report->progress);
  g_free (report->step);
  g_free (report);
}

static void
progress_from_thread (double      fraction,
                      const char *step,
                      gpointer    user_data)
{
  ProgressReport *report = g_new0 (ProgressReport, 1);

  report->progress = progress_ref (user_data);
  report->fraction = fraction;
  report->step = g_strdup (step);
  progress_dispatch (report->progress, deliver_progress, report,
                     (GDestroyNotify) progress_report_free);
}

static void
job_free (Job *job)
{
  g_free (job->workspace_path);
  g_free (job->language);
  g_free (job->path);
  progress_unref (job->progress);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(ParaatWorkspace) reader = NULL;
  GError *error = NULL;

  if (!(reader = paraat_workspace_open_reader (job->workspace_path, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  /* A person removed meanwhile is simply not named */
  if (job->author_id != 0)
    paraat_workspace_set_actor (reader, job->author_id, NULL);
  if (job->write (reader, job->language, job->path, progress_from_thread, job->progress,
                  cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
run_job (WriteFunc           write,
         gpointer            source_tag,
         const char         *workspace_path,
         gint64              author_id,
         const char         *language,
         const char         *path,
         ParaatProgressFunc  progress,
         gpointer            progress_data,
         GDestroyNotify      progress_destroy,
         GCancellable       *cancellable,
         GAsyncReadyCallback callback,
         gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->write = write;
  job->author_id = author_id;
  job->workspace_path = g_strdup (workspace_path);
  job->language = g_strdup (language);
  job->path = g_strdup (path);
  job->progress = g_new0 (Progress, 1);
  g_atomic_ref_count_init (&job->progress->ref_count);
  job->progress->func = progress;
  job->progress->data = progress_data;
  job->progress->destroy = progress_destroy;
  job->progress->context = g_main_context_ref_thread_default ();
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  /* A cancel that comes after the file was moved in place changes nothing: the worker's
   * own result says what happened */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, job_thread);
}

void
paraat_board_report_write_async (const char          *workspace_path,
                                 gint64               author_id,
                                 const char          *language,
                                 const char          *path,
                                 ParaatProgressFunc   progress,
                                 gpointer             progress_data,
                                 GDestroyNotify       progress_destroy,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  run_job (paraat_workspace_write_board_report, paraat_board_report_write_async,
           workspace_path, author_id, language, path, progress, progress_data, progress_destroy,
           cancellable, callback, user_data);
}

gboolean
paraat_board_report_write_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
paraat_audit_pack_write_async (const char          *workspace_path,
                               gint64               author_id,
                               const char          *language,
                               const char          *directory,
                               ParaatProgressFunc   progress,
                               gpointer             progress_data,
                               GDestroyNotify       progress_destroy,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  run_job (paraat_workspace_write_audit_pack, paraat_audit_pack_write_async, workspace_path,
           author_id, language, directory, progress, progress_data, progress_destroy, cancellable,
           callback, user_data);
}

gboolean
paraat_audit_pack_write_finish (GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
