/* paraat-snapshot.c — the dashboard's figures, charts and actions, read in one go
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading all of it takes tens of milliseconds on a large workspace: too long for the
 * main loop, so the app reads it in a worker thread on a connection of its own.
 */
#include "paraat-action.h"
#include "paraat-snapshot.h"

void
paraat_snapshot_free (ParaatSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  for (guint i = 0; i < PARAAT_N_CHARTS; i++)
    g_clear_pointer (&snapshot->charts[i], paraat_chart_unref);
  g_clear_object (&snapshot->actions);
  g_free (snapshot);
}

ParaatSnapshot *
paraat_workspace_take_snapshot (ParaatWorkspace            *self,
                                const ParaatSnapshotDates  *dates,
                                GError                    **error)
{
  g_autoptr(ParaatSnapshot) snapshot = g_new0 (ParaatSnapshot, 1);

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (dates != NULL, NULL);

  if (!paraat_workspace_compute_metrics (self, dates->at, &snapshot->now, error) ||
      !paraat_workspace_compute_metrics (self, dates->before, &snapshot->before, error))
    return NULL;
  for (guint kind = 0; kind < PARAAT_N_CHARTS; kind++)
    {
      /* Only the actions chart is about a period; the others show the latest scans */
      gboolean period = kind == PARAAT_CHART_ACTIONS;

      if (!(snapshot->charts[kind] = paraat_workspace_build_chart (self, kind,
                                                                   period ? dates->from : NULL,
                                                                   period ? dates->to : NULL,
                                                                   error)))
        return NULL;
    }
  if (!(snapshot->actions = paraat_workspace_list_actions (self, error)))
    return NULL;
  return g_steal_pointer (&snapshot);
}

typedef struct
{
  char *workspace_path;
  char *at;
  char *before;
  char *from;
  char *to;
} SnapshotJob;

static void
snapshot_job_free (SnapshotJob *job)
{
  g_free (job->workspace_path);
  g_free (job->at);
  g_free (job->before);
  g_free (job->from);
  g_free (job->to);
  g_free (job);
}

static void
snapshot_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SnapshotJob *job = task_data;
  ParaatSnapshotDates dates = { job->at, job->before, job->from, job->to };
  g_autoptr(ParaatWorkspace) reader = NULL;
  ParaatSnapshot *snapshot = NULL;
  GError *error = NULL;

  if ((reader = paraat_workspace_open_reader (job->workspace_path, &error)) &&
      (snapshot = paraat_workspace_take_snapshot (reader, &dates, &error)))
    g_task_return_pointer (task, snapshot, (GDestroyNotify) paraat_snapshot_free);
  else
    g_task_return_error (task, error);
}

void
paraat_snapshot_take_async (const char                 *workspace_path,
                            const ParaatSnapshotDates  *dates,
                            GCancellable               *cancellable,
                            GAsyncReadyCallback         callback,
                            gpointer                    user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SnapshotJob *job = g_new0 (SnapshotJob, 1);

  job->workspace_path = g_strdup (workspace_path);
  job->at = g_strdup (dates->at);
  job->before = g_strdup (dates->before);
  job->from = g_strdup (dates->from);
  job->to = g_strdup (dates->to);
  g_task_set_source_tag (task, paraat_snapshot_take_async);
  g_task_set_task_data (task, job, (GDestroyNotify) snapshot_job_free);
  /* A newer request replaces this one; its result is then of no use */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, snapshot_thread);
}

ParaatSnapshot *
paraat_snapshot_take_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
