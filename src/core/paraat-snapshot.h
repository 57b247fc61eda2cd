/* paraat-snapshot.h — what the dashboard shows, read in one go, also in a worker thread
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "paraat-chart.h"
#include "paraat-metrics.h"

G_BEGIN_DECLS

/* Dates are "YYYY-MM-DD". */
typedef struct
{
  const char *at;       /* the figures' day */
  const char *before;   /* the day to compare them with */
  const char *from;     /* the period of the charts that have one; NULL: open */
  const char *to;
} ParaatSnapshotDates;

typedef struct
{
  ParaatMetrics  now;
  ParaatMetrics  before;
  ParaatChart   *charts[PARAAT_N_CHARTS];
  GListModel    *actions;   /* ParaatAction, soonest due first */
} ParaatSnapshot;

ParaatSnapshot *paraat_workspace_take_snapshot (ParaatWorkspace            *self,
                                                const ParaatSnapshotDates  *dates,
                                                GError                    **error);
/* The same on a read-only connection of its own to WORKSPACE_PATH, in a worker thread */
void            paraat_snapshot_take_async     (const char                 *workspace_path,
                                                const ParaatSnapshotDates  *dates,
                                                GCancellable               *cancellable,
                                                GAsyncReadyCallback         callback,
                                                gpointer                    user_data);
ParaatSnapshot *paraat_snapshot_take_finish    (GAsyncResult               *result,
                                                GError                    **error);
void            paraat_snapshot_free           (ParaatSnapshot             *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParaatSnapshot, paraat_snapshot_free)

G_END_DECLS
