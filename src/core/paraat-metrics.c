/* paraat-metrics.c — open high-risk actions, time to close, fresh evidence and deadlines
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "paraat-action-private.h"
#include "paraat-db.h"
#include "paraat-error.h"
#include "paraat-evidence-private.h"
#include "paraat-i18n.h"
#include "paraat-metrics.h"
#include "paraat-risk-private.h"
#include "paraat-workspace-private.h"

#define DAY_MS G_GINT64_CONSTANT (86400000)

/* "Active at AT": created by then and neither closed nor cancelled by then. */
#define ACTIVE_AT \
  " a.created_ms < ?1 AND (a.closed_ms IS NULL OR a.closed_ms >= ?1)" \
  " AND (a.cancelled_ms IS NULL OR a.cancelled_ms >= ?1)"

/* Midnight after the calendar day DATE, local time, in ms since the epoch. */
static gint64
end_of_day_ms (const GDate *date)
{
  g_autoptr(GDateTime) start = g_date_time_new_local ((int) g_date_get_year (date),
                                                      (int) g_date_get_month (date),
                                                      (int) g_date_get_day (date), 0, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_add_days (start, 1);

  return g_date_time_to_unix (end) * 1000;
}

/* Runs SQL with ?1 = END_MS, ?2 = AT and ?3 = EXTRA and reads one row of numbers. */
static gboolean
query_row (sqlite3     *db,
           const char  *sql,
           gint64       end_ms,
           const char  *at,
           const char  *extra,
           double      *values,
           guint        n_values,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = paraat_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, end_ms);
  paraat_db_bind_text (stmt, 2, at);
  paraat_db_bind_text (stmt, 3, extra);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return paraat_db_set_error (db, rc, error);
  for (guint i = 0; i < n_values; i++)
    values[i] = sqlite3_column_type (stmt, (int) i) == SQLITE_NULL
                ? -1 : sqlite3_column_double (stmt, (int) i);
  return TRUE;
}

gboolean
paraat_workspace_compute_metrics (ParaatWorkspace  *self,
                                  const char       *at,
                                  ParaatMetrics    *metrics,
                                  GError          **error)
{
  g_autofree char *day = at ? paraat_action_clean_text (at) : paraat_evidence_today ();
  g_autofree char *soon = NULL;
  g_autofree char *corrective = NULL;
  double actions[3], closing[2], evidence[2];
  GDate date;
  gint64 end_ms;
  sqlite3 *db;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (metrics != NULL, FALSE);

  if (!paraat_action_check_open (self, error) || !paraat_action_check_date (day, error))
    return FALSE;
  paraat_action_parse_date (day, &date);
  end_ms = end_of_day_ms (&date);
  g_date_add_days (&date, PARAAT_METRICS_DUE_SOON_DAYS);
  soon = paraat_action_format_date (&date);
  db = paraat_workspace_get_db (self);

  if (!query_row (db, "SELECT"
                      " coalesce(sum(a.priority IN ('high', 'critical')"
                      "   OR EXISTS (SELECT 1 FROM risk_action x JOIN risk k ON k.id = x.risk_id"
                      "              WHERE x.action_id = a.id"
                      "              AND k.likelihood * k.impact >= "
                      G_STRINGIFY (PARAAT_RISK_HIGH_SCORE) ")), 0),"
                      " coalesce(sum(a.due_date < ?2), 0),"
                      " coalesce(sum(a.due_date >= ?2 AND a.due_date <= ?3), 0)"
                      " FROM action a WHERE" ACTIVE_AT,
                  end_ms, day, soon, actions, 3, error))
    return FALSE;

  {
    g_autoptr(GString) sources = g_string_new (NULL);

    for (guint s = 0; s < PARAAT_N_SOURCES; s++)
      if (paraat_action_source_is_corrective (s))
        g_string_append_printf (sources, "%s'%s'", sources->len ? ", " : "",
                                paraat_action_source_to_string (s));
    corrective = g_strdup_printf ("SELECT count(*), avg((a.closed_ms - a.created_ms) / %f)"
                                  " FROM action a WHERE a.status = 'closed'"
                                  " AND a.closed_ms < ?1 AND a.closed_ms >= ?1 - %" G_GINT64_FORMAT
                                  " AND a.source IN (%s)",
                                  (double) DAY_MS,
                                  PARAAT_METRICS_CLOSE_WINDOW_DAYS * DAY_MS, sources->str);
  }
  if (!query_row (db, corrective, end_ms, day, NULL, closing, 2, error))
    return FALSE;

  if (!query_row (db, "SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM evidence_link l"
                      "  JOIN evidence e ON e.id = l.evidence_id WHERE l.requirement_id = r.id"
                      "  AND e.evidence_date <= ?2 AND e.valid_until >= ?2)), 0)"
                      " FROM requirement r JOIN framework f ON f.id = r.framework_id"
                      " WHERE f.enabled = 1 AND r.applicable = 1",
                  end_ms, day, NULL, evidence, 2, error))
    return FALSE;

  *metrics = (ParaatMetrics) {
    .open_high_risk = (guint) actions[0],
    .overdue = (guint) actions[1],
    .due_soon = (guint) actions[2],
    .n_closed_corrective = (guint) closing[0],
    .mean_days_to_close = closing[0] > 0 ? closing[1] : -1,
    .n_applicable = (guint) evidence[0],
    .n_fresh = (guint) evidence[1],
    .fresh_evidence = evidence[0] > 0 ? evidence[1] / evidence[0] : -1,
  };
  return TRUE;
}

/* Figures in words */

const char *
paraat_figure_label (ParaatFigure figure)
{
  switch (figure)
    {
    case PARAAT_FIGURE_MEAN_DAYS_TO_CLOSE: return _("Mean days to close");
    case PARAAT_FIGURE_FRESH_EVIDENCE: return _("Requirements with fresh evidence");
    case PARAAT_FIGURE_OVERDUE: return _("Overdue actions");
    case PARAAT_FIGURE_OPEN_HIGH_RISK:
    case PARAAT_N_FIGURES:
    default: return _("Open high-risk actions");
    }
}

void
paraat_figure_text_clear (ParaatFigureText *text)
{
  g_clear_pointer (&text->value, g_free);
  g_clear_pointer (&text->note, g_free);
  g_clear_pointer (&text->change, g_free);
  text->better = 0;
}

/* A count where fewer is better (open high-risk actions, overdue actions) */
static void
describe_count_change (guint             now,
                       guint             before,
                       const char       *since,
                       ParaatFigureText *text)
{
  if (now > before)
    /* Translators: "▲ 2 more than on 31 March 2026" */
    text->change = g_strdup_printf (paraat_ngettext ("▲ %u more than on %s",
                                                     "▲ %u more than on %s", now - before),
                                    now - before, since);
  else if (now < before)
    /* Translators: "▼ 2 fewer than on 31 March 2026" */
    text->change = g_strdup_printf (paraat_ngettext ("▼ %u fewer than on %s",
                                                     "▼ %u fewer than on %s", before - now),
                                    before - now, since);
  else
    text->change = g_strdup_printf (_("No change since %s"), since);
  text->better = now > before ? -1 : now < before ? 1 : 0;
}

static void
describe_high_risk (const ParaatMetrics *now,
                    const ParaatMetrics *before,
                    const char          *since,
                    ParaatFigureText    *text)
{
  text->value = g_strdup_printf ("%u", now->open_high_risk);
  text->note = g_strdup (_("High or critical priority, not yet closed"));
  describe_count_change (now->open_high_risk, before->open_high_risk, since, text);
}

static char *
days_to_close_change (const ParaatMetrics *now,
                      const ParaatMetrics *before,
                      const char          *since,
                      double               diff)
{
  gulong whole = (gulong) ceil (fabs (diff));
  g_autofree char *days = paraat_format_decimal (fabs (diff), 1);

  if (now->mean_days_to_close < 0)
    return NULL;
  if (before->mean_days_to_close < 0)
    return g_strdup_printf (_("Nothing was closed in the %d days up to %s to compare with"),
                            PARAAT_METRICS_CLOSE_WINDOW_DAYS, since);
  if (diff > 0)
    /* Translators: "▲ 2.5 days longer than on 31 March 2026" */
    return g_strdup_printf (paraat_ngettext ("▲ %s day longer than on %s",
                                             "▲ %s days longer than on %s", whole), days, since);
  if (diff < 0)
    /* Translators: "▼ 2.5 days shorter than on 31 March 2026" */
    return g_strdup_printf (paraat_ngettext ("▼ %s day shorter than on %s",
                                             "▼ %s days shorter than on %s", whole), days, since);
  return g_strdup_printf (_("No change since %s"), since);
}

static void
describe_days_to_close (const ParaatMetrics *now,
                        const ParaatMetrics *before,
                        const char          *since,
                        ParaatFigureText    *text)
{
  double diff = round ((now->mean_days_to_close - before->mean_days_to_close) * 10) / 10;

  text->value = now->mean_days_to_close < 0 ? g_strdup ("—")
                                            : paraat_format_decimal (now->mean_days_to_close, 1);
  text->note = now->n_closed_corrective == 0
    ? g_strdup_printf (_("No corrective action closed in the %d days up to then"),
                       PARAAT_METRICS_CLOSE_WINDOW_DAYS)
    : g_strdup_printf (paraat_ngettext ("%u corrective action closed in the %d days up to then",
                                        "%u corrective actions closed in the %d days up to then",
                                        now->n_closed_corrective),
                       now->n_closed_corrective, PARAAT_METRICS_CLOSE_WINDOW_DAYS);
  text->change = days_to_close_change (now, before, since, diff);
  text->better = before->mean_days_to_close < 0 || now->mean_days_to_close < 0 ? 0
                 : diff > 0 ? -1 : diff < 0 ? 1 : 0;
}

static void
describe_fresh_evidence (const ParaatMetrics *now,
                         const ParaatMetrics *before,
                         const char          *since,
                         ParaatFigureText    *text)
{
  int points = (int) round ((now->fresh_evidence - before->fresh_evidence) * 100);

  /* Translators: a share in per cent, "62%" */
  text->value = now->fresh_evidence < 0 ? g_strdup ("—")
                                        : g_strdup_printf (_("%.0f%%"), now->fresh_evidence * 100);
  text->note = now->n_applicable == 0
    ? g_strdup (_("No applicable requirements in the enabled frameworks"))
    : g_strdup_printf (paraat_ngettext ("%u of %u applicable requirement",
                                        "%u of %u applicable requirements", now->n_applicable),
                       now->n_fresh, now->n_applicable);

  if (now->fresh_evidence < 0 || before->fresh_evidence < 0)
    return;
  if (points > 0)
    /* Translators: "▲ 5 percentage points more than on 31 March 2026" */
    text->change = g_strdup_printf (paraat_ngettext ("▲ %d percentage point more than on %s",
                                                     "▲ %d percentage points more than on %s",
                                                     points), points, since);
  else if (points < 0)
    /* Translators: "▼ 5 percentage points fewer than on 31 March 2026" */
    text->change = g_strdup_printf (paraat_ngettext ("▼ %d percentage point fewer than on %s",
                                                     "▼ %d percentage points fewer than on %s",
                                                     -points), -points, since);
  else
    text->change = g_strdup_printf (_("No change since %s"), since);
  text->better = points;
}

static void
describe_overdue (const ParaatMetrics *now,
                  const ParaatMetrics *before,
                  const char          *since,
                  ParaatFigureText    *text)
{
  text->value = g_strdup_printf ("%u", now->overdue);
  text->note = now->due_soon == 0
    ? g_strdup_printf (_("Nothing else due within %d days"), PARAAT_METRICS_DUE_SOON_DAYS)
    : g_strdup_printf (paraat_ngettext ("%u more due within %d days",
                                        "%u more due within %d days", now->due_soon),
                       now->due_soon, PARAAT_METRICS_DUE_SOON_DAYS);
  describe_count_change (now->overdue, before->overdue, since, text);
}

void
paraat_metrics_describe (const ParaatMetrics *now,
                         const ParaatMetrics *before,
                         const char          *since,
                         ParaatFigure         figure,
                         ParaatFigureText    *text)
{
  g_return_if_fail (now != NULL && before != NULL && text != NULL);

  switch (figure)
    {
    case PARAAT_FIGURE_MEAN_DAYS_TO_CLOSE: describe_days_to_close (now, before, since, text); break;
    case PARAAT_FIGURE_FRESH_EVIDENCE: describe_fresh_evidence (now, before, since, text); break;
    case PARAAT_FIGURE_OVERDUE: describe_overdue (now, before, since, text); break;
    case PARAAT_FIGURE_OPEN_HIGH_RISK:
    case PARAAT_N_FIGURES:
    default: describe_high_risk (now, before, since, text); break;
    }
}
