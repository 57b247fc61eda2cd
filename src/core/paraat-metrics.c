/* paraat-metrics.c — open high-risk actions, time to close, fresh evidence and deadlines
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "paraat-action-private.h"
#include "paraat-db.h"
#include "paraat-error.h"
#include "paraat-evidence-private.h"
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
