/* paraat-chart-data.c — the figures of each chart, read from the workspace
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "paraat-action.h"
#include "paraat-catalog.h"
#include "paraat-chart-private.h"
#include "paraat-clock.h"
#include "paraat-error.h"
#include "paraat-evidence.h"
#include "paraat-i18n.h"
#include "paraat-risk.h"
#include "paraat-scan.h"

/* Ten years of months is more than a chart can show legibly. */
#define MAX_MONTHS 120

/* N values, all NAN until they are known */
static GArray *
values_new (guint n)
{
  GArray *values = g_array_sized_new (FALSE, FALSE, sizeof (double), n);

  for (guint i = 0; i < n; i++)
    {
      double nan = NAN;
      g_array_append_val (values, nan);
    }
  return values;
}

static void
add_series (ParaatChart *chart,
            const char  *name,
            GArray      *values)
{
  paraat_chart_add_series (chart, name, (const double *) (gpointer) values->data, values->len);
}

static void
set_categories (ParaatChart *chart,
                GPtrArray   *labels)
{
  g_ptr_array_add (labels, NULL);
  paraat_chart_set_categories (chart, (const char * const *) labels->pdata);
  g_ptr_array_set_size (labels, labels->len - 1);
}

/* Scans */

/* Oldest first when OLDEST_FIRST, else newest first as the workspace lists them */
static GPtrArray *
list_scans (ParaatWorkspace  *ws,
            gboolean          oldest_first,
            GError          **error)
{
  g_autoptr(GListModel) model = paraat_workspace_list_scans (ws, error);
  GPtrArray *scans;
  guint n;

  if (model == NULL)
    return NULL;
  n = g_list_model_get_n_items (model);
  scans = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (scans, g_list_model_get_item (model, oldest_first ? n - 1 - i : i));
  return scans;
}

/* "A.5 Organizational controls" for a key like "A.5" or "7"; just the title where the key
 * is an internal name ("art21"). */
static char *
domain_label (const ParaatScanScore *score)
{
  const char *key = score->group_key ? score->group_key : "";
  const char *title = score->group_title ? score->group_title : "";
  gboolean identifier = *key != '\0';

  for (const char *p = key; *p != '\0'; p++)
    identifier = identifier && (g_ascii_isupper (*p) || g_ascii_isdigit (*p) || *p == '.');
  if (*title == '\0')
    return g_strdup (*key ? key : score->framework_title);
  if (!identifier)
    return g_strdup (title);
  return g_strdup_printf ("%s %s", key, title);
}

static gboolean
same_domain (const ParaatScanScore *a,
             const char            *framework_key,
             const char            *group_key)
{
  return g_strcmp0 (a->framework_key, framework_key) == 0 &&
         g_strcmp0 (a->group_key, group_key) == 0;
}

static double
domain_mean (const ParaatScanResults *results,
             const ParaatScanScore   *domain)
{
  for (guint i = 0; results != NULL && i < results->domains->len; i++)
    {
      const ParaatScanScore *score = g_ptr_array_index (results->domains, i);

      if (same_domain (score, domain->framework_key, domain->group_key))
        return score->mean_maturity < 0 ? NAN : score->mean_maturity;
    }
  return NAN;
}

/* The mean target of the domain's applicable requirements: a question can have a target of
 * its own. */
static double
domain_target (const ParaatScanResults *results,
               const ParaatScanScore   *domain,
               int                      fallback)
{
  double sum = 0;
  guint n = 0;

  for (guint i = 0; i < results->items->len; i++)
    {
      const ParaatScanItem *item = g_ptr_array_index (results->items, i);

      if (item->kind == PARAAT_ANSWER_NOT_APPLICABLE || item->target_level <= 0 ||
          g_strcmp0 (item->framework_key, domain->framework_key) != 0 ||
          g_strcmp0 (item->group_key, domain->group_key) != 0)
        continue;
      sum += item->target_level;
      n++;
    }
  return n > 0 ? sum / n : fallback;
}

static gboolean
fill_radar (ParaatChart      *chart,
            ParaatWorkspace  *ws,
            GError          **error)
{
  g_autoptr(GPtrArray) scans = list_scans (ws, FALSE, error);
  g_autoptr(ParaatScanResults) current = NULL;
  g_autoptr(ParaatScanResults) previous = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) now = NULL;
  g_autoptr(GArray) target = NULL;
  g_autoptr(GArray) before = NULL;
  ParaatScan *scan;
  guint n;

  if (scans == NULL)
    return FALSE;
  if (scans->len == 0)
    return TRUE;
  scan = g_ptr_array_index (scans, 0);
  if (!(current = paraat_workspace_compute_scan_results (ws, paraat_scan_get_id (scan), error)))
    return FALSE;
  if (scans->len > 1 &&
      !(previous = paraat_workspace_compute_scan_results (
          ws, paraat_scan_get_id (g_ptr_array_index (scans, 1)), error)))
    return FALSE;

  n = current->domains->len;
  now = values_new (n);
  target = values_new (n);
  before = values_new (n);
  for (guint i = 0; i < n; i++)
    {
      const ParaatScanScore *domain = g_ptr_array_index (current->domains, i);

      g_ptr_array_add (labels, domain_label (domain));
      g_array_index (now, double, i) = domain_mean (current, domain);
      g_array_index (target, double, i) = domain_target (current, domain,
                                                         paraat_scan_get_target_level (scan));
      g_array_index (before, double, i) = domain_mean (previous, domain);
    }

  set_categories (chart, labels);
  paraat_chart_set_subject (chart, paraat_scan_get_name (scan), paraat_scan_get_date (scan));
  /* Translators: a chart series: the newest scan */
  add_series (chart, _("Current"), now);
  /* Translators: a chart series: the target maturity level */
  add_series (chart, _("Target"), target);
  if (previous != NULL)
    /* Translators: a chart series: the scan before the newest */
    add_series (chart, _("Previous"), before);
  return TRUE;
}

static gboolean
fill_readiness (ParaatChart      *chart,
                ParaatWorkspace  *ws,
                GError          **error)
{
  g_autoptr(GPtrArray) scans = list_scans (ws, FALSE, error);
  g_autoptr(ParaatScanResults) results = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = NULL;
  ParaatScan *scan;

  if (scans == NULL)
    return FALSE;
  if (scans->len == 0)
    return TRUE;
  scan = g_ptr_array_index (scans, 0);
  if (!(results = paraat_workspace_compute_scan_results (ws, paraat_scan_get_id (scan), error)))
    return FALSE;

  values = values_new (results->frameworks->len);
  for (guint i = 0; i < results->frameworks->len; i++)
    {
      const ParaatScanScore *score = g_ptr_array_index (results->frameworks, i);

      g_ptr_array_add (labels, g_strdup (score->framework_title));
      if (score->readiness >= 0)
        g_array_index (values, double, i) = score->readiness * 100;
    }
  set_categories (chart, labels);
  paraat_chart_set_subject (chart, paraat_scan_get_name (scan), paraat_scan_get_date (scan));
  /* Translators: a chart series: share of answered requirements at their target */
  add_series (chart, _("Readiness"), values);
  return TRUE;
}

static guint
framework_index (GPtrArray  *keys,
                 const char *key)
{
  for (guint i = 0; i < keys->len; i++)
    if (g_str_equal (g_ptr_array_index (keys, i), key))
      return i;
  return G_MAXUINT;
}

static gboolean
fill_trend (ParaatChart      *chart,
            ParaatWorkspace  *ws,
            GError          **error)
{
  g_autoptr(GPtrArray) scans = list_scans (ws, TRUE, error);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) series = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  if (scans == NULL)
    return FALSE;

  for (guint s = 0; s < scans->len; s++)
    {
      ParaatScan *scan = g_ptr_array_index (scans, s);
      g_autoptr(ParaatScanResults) results =
        paraat_workspace_compute_scan_results (ws, paraat_scan_get_id (scan), error);

      if (results == NULL)
        return FALSE;
      g_ptr_array_add (labels, g_strdup (paraat_scan_get_date (scan)));
      for (guint f = 0; f < results->frameworks->len; f++)
        {
          const ParaatScanScore *score = g_ptr_array_index (results->frameworks, f);
          guint index = framework_index (keys, score->framework_key);

          /* A framework first scanned later has no value for the earlier scans. */
          if (index == G_MAXUINT)
            {
              index = keys->len;
              g_ptr_array_add (keys, g_strdup (score->framework_key));
              g_ptr_array_add (titles, g_strdup (score->framework_title));
              g_ptr_array_add (series, values_new (scans->len));
            }
          if (score->mean_maturity >= 0)
            g_array_index ((GArray *) g_ptr_array_index (series, index), double, s) =
              score->mean_maturity;
        }
    }

  set_categories (chart, labels);
  for (guint i = 0; i < series->len; i++)
    add_series (chart, g_ptr_array_index (titles, i), g_ptr_array_index (series, i));
  return TRUE;
}

/* Actions per month */

static gboolean
parse_date (const char  *text,
            GDate       *date,
            GError     **error)
{
  guint64 y = 0, m = 0, d = 0;
  gboolean ok = text != NULL && strlen (text) == 10 && text[4] == '-' && text[7] == '-';

  for (guint i = 0; ok && i < 10; i++)
    ok = i == 4 || i == 7 || g_ascii_isdigit (text[i]);
  if (ok)
    {
      y = g_ascii_strtoull (text, NULL, 10);
      m = g_ascii_strtoull (text + 5, NULL, 10);
      d = g_ascii_strtoull (text + 8, NULL, 10);
      ok = y >= 1 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
    }
  if (!ok)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   /* Translators: %s is what the user gave as a date */
                   _("“%s” is not a date; give it as YYYY-MM-DD."), text ? text : "");
      return FALSE;
    }
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

/* The months FROM and TO fall in; by default the twelve up to today. */
static gboolean
resolve_period (const char  *from,
                const char  *to,
                GDate       *first,
                guint       *n_months,
                GError     **error)
{
  GDate start, end;
  int months;

  if (to != NULL)
    {
      if (!parse_date (to, &end, error))
        return FALSE;
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (paraat_clock_now_ms () / 1000);

      g_date_clear (&end, 1);
      g_date_set_dmy (&end, (GDateDay) g_date_time_get_day_of_month (now),
                      (GDateMonth) g_date_time_get_month (now),
                      (GDateYear) g_date_time_get_year (now));
    }
  if (from != NULL)
    {
      if (!parse_date (from, &start, error))
        return FALSE;
    }
  else
    {
      start = end;
      g_date_subtract_months (&start, 11);
    }

  months = ((int) g_date_get_year (&end) - (int) g_date_get_year (&start)) * 12 +
           (int) g_date_get_month (&end) - (int) g_date_get_month (&start) + 1;
  if (months < 1)
    {
      g_set_error_literal (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                           _("The period ends before it starts."));
      return FALSE;
    }
  if (months > MAX_MONTHS)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("The period is too long for one chart: at most %d months."), MAX_MONTHS);
      return FALSE;
    }
  g_date_clear (first, 1);
  g_date_set_dmy (first, 1, g_date_get_month (&start), g_date_get_year (&start));
  *n_months = (guint) months;
  return TRUE;
}

/* Local midnight at the start of DATE's month, plus MONTHS months */
static GDateTime *
month_start (const GDate *date,
             int          months)
{
  g_autoptr(GDateTime) first = g_date_time_new_local ((int) g_date_get_year (date),
                                                      (int) g_date_get_month (date), 1, 0, 0, 0);
  return g_date_time_add_months (first, months);
}

static gboolean
in_range (gint64 ms,
          gint64 start,
          gint64 end)
{
  return ms > 0 && ms >= start && ms < end;
}

static gboolean
fill_actions (ParaatChart      *chart,
              ParaatWorkspace  *ws,
              const char       *from,
              const char       *to,
              GError          **error)
{
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) opened = NULL;
  g_autoptr(GArray) closed = NULL;
  g_autoptr(GArray) open = NULL;
  gint64 now_ms = paraat_clock_now_ms ();
  GDate first;
  guint n_months, n_actions;

  if (!resolve_period (from, to, &first, &n_months, error) ||
      !(actions = paraat_workspace_list_actions (ws, error)))
    return FALSE;

  opened = values_new (n_months);
  closed = values_new (n_months);
  open = values_new (n_months);
  n_actions = g_list_model_get_n_items (actions);
  for (guint m = 0; m < n_months; m++)
    {
      g_autoptr(GDateTime) start = month_start (&first, (int) m);
      g_autoptr(GDateTime) end = month_start (&first, (int) m + 1);
      gint64 start_ms = g_date_time_to_unix (start) * 1000;
      gint64 end_ms = g_date_time_to_unix (end) * 1000;
      /* Still open at the end of the month, or now for the month under way */
      gint64 at_ms = MIN (end_ms, now_ms);
      guint n_opened = 0, n_closed = 0, n_open = 0;

      g_ptr_array_add (labels, paraat_format_month_short (g_date_time_get_year (start),
                                                          g_date_time_get_month (start)));
      for (guint i = 0; i < n_actions; i++)
        {
          g_autoptr(ParaatAction) action = g_list_model_get_item (actions, i);
          gint64 created = paraat_action_get_created_ms (action);
          gint64 done = paraat_action_get_closed_ms (action);
          gint64 cancelled = paraat_action_get_cancelled_ms (action);

          n_opened += in_range (created, start_ms, end_ms);
          n_closed += in_range (done, start_ms, end_ms);
          n_open += created < at_ms && (done == 0 || done >= at_ms) &&
                    (cancelled == 0 || cancelled >= at_ms);
        }
      g_array_index (opened, double, m) = n_opened;
      g_array_index (closed, double, m) = n_closed;
      /* The future has no burn-down yet. */
      if (start_ms <= now_ms)
        g_array_index (open, double, m) = n_open;
    }

  set_categories (chart, labels);
  /* Translators: a chart series: actions created in a month */
  add_series (chart, _("Opened"), opened);
  /* Translators: a chart series: actions closed in a month */
  add_series (chart, _("Closed"), closed);
  /* Translators: a chart series: actions not closed or cancelled at the end of a month */
  add_series (chart, _("Still open"), open);
  return TRUE;
}

/* Evidence freshness per track */

static gboolean
fill_freshness (ParaatChart      *chart,
                ParaatWorkspace  *ws,
                GError          **error)
{
  static const guint tracks[] = {
    PARAAT_TRACK_POLICY, PARAAT_TRACK_OPERATION, PARAAT_TRACK_MONITORING,
  };
  static const ParaatFreshness states[] = {
    PARAAT_FRESHNESS_FRESH, PARAAT_FRESHNESS_EXPIRING, PARAAT_FRESHNESS_STALE,
  };
  g_autoptr(GListModel) evidence = paraat_workspace_list_evidence (ws, error);
  const char *labels[G_N_ELEMENTS (tracks) + 1] = { NULL };
  double counts[G_N_ELEMENTS (states)][G_N_ELEMENTS (tracks)] = { { 0 } };

  if (evidence == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(ParaatEvidence) item = g_list_model_get_item (evidence, i);
      ParaatFreshness freshness = paraat_evidence_get_freshness (item);

      for (guint t = 0; t < G_N_ELEMENTS (tracks); t++)
        if (paraat_evidence_get_track (item) & tracks[t])
          for (guint f = 0; f < G_N_ELEMENTS (states); f++)
            counts[f][t] += freshness == states[f];
    }

  for (guint t = 0; t < G_N_ELEMENTS (tracks); t++)
    labels[t] = paraat_track_label (tracks[t]);
  paraat_chart_set_categories (chart, labels);
  for (guint f = 0; f < G_N_ELEMENTS (states); f++)
    paraat_chart_add_series (chart, paraat_freshness_label (states[f]), counts[f],
                             G_N_ELEMENTS (tracks));
  return TRUE;
}

/* The risk register on the 5 × 5 grid: inherent risk, and residual for assessed risks */

static gboolean
fill_heatmap (ParaatChart      *chart,
              ParaatWorkspace  *ws,
              GError          **error)
{
  static const char * const levels[] = { "1", "2", "3", "4", "5", NULL };
  enum { N = PARAAT_RISK_SCALE };
  g_autoptr(GListModel) risks = paraat_workspace_list_risks (ws, error);
  double inherent[N * N] = { 0 }, residual[N * N] = { 0 };

  G_STATIC_ASSERT (G_N_ELEMENTS (levels) == N + 1);

  if (risks == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(ParaatRisk) risk = g_list_model_get_item (risks, i);
      int l = paraat_risk_get_likelihood (risk);
      int m = paraat_risk_get_impact (risk);
      int rl = paraat_risk_get_residual_likelihood (risk);
      int rm = paraat_risk_get_residual_impact (risk);

      if (l >= 1 && l <= N && m >= 1 && m <= N)
        inherent[(l - 1) * N + (m - 1)]++;
      /* Not assessed yet (0) is not "low": it stays off the residual grid. */
      if (rl >= 1 && rl <= N && rm >= 1 && rm <= N)
        residual[(rl - 1) * N + (rm - 1)]++;
    }

  paraat_chart_set_categories (chart, levels);
  /* Translators: a heatmap grid: risks before treatment */
  paraat_chart_add_series (chart, _("Inherent"), inherent, N * N);
  /* Translators: a heatmap grid: risks after treatment */
  paraat_chart_add_series (chart, _("Residual"), residual, N * N);
  return TRUE;
}

ParaatChart *
paraat_workspace_build_chart (ParaatWorkspace  *workspace,
                              ParaatChartKind   kind,
                              const char       *from,
                              const char       *to,
                              GError          **error)
{
  g_autoptr(ParaatChart) chart = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (kind < PARAAT_N_CHARTS, NULL);

  chart = paraat_chart_new (kind);
  switch (kind)
    {
    case PARAAT_CHART_RADAR:
      ok = fill_radar (chart, workspace, error);
      break;
    case PARAAT_CHART_READINESS:
      ok = fill_readiness (chart, workspace, error);
      break;
    case PARAAT_CHART_TREND:
      ok = fill_trend (chart, workspace, error);
      break;
    case PARAAT_CHART_ACTIONS:
      ok = fill_actions (chart, workspace, from, to, error);
      break;
    case PARAAT_CHART_FRESHNESS:
      ok = fill_freshness (chart, workspace, error);
      break;
    case PARAAT_CHART_HEATMAP:
      ok = fill_heatmap (chart, workspace, error);
      break;
    case PARAAT_N_CHARTS:
    default:
      break;
    }
  return ok ? g_steal_pointer (&chart) : NULL;
}
