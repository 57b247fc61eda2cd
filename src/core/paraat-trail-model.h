/* paraat-trail-model.h — a GListModel that pages audit-trail entries from SQLite
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "paraat-trail-entry.h"
#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_TRAIL_MODEL (paraat_trail_model_get_type ())

G_DECLARE_FINAL_TYPE (ParaatTrailModel, paraat_trail_model, PARAAT, TRAIL_MODEL, GObject)

typedef struct
{
  gint64      actor_id;     /* 0: anyone */
  const char *object_type;  /* NULL: any */
  gint64      object_id;    /* -1: any */
  gint64      from_ms;      /* 0: no lower bound */
  gint64      to_ms;        /* 0: no upper bound (exclusive) */
  const char *text;         /* NULL or "": no text filter */
  gboolean    oldest_first;
} ParaatTrailFilter;

#define PARAAT_TRAIL_FILTER_INIT { 0, NULL, -1, 0, 0, NULL, FALSE }

ParaatTrailModel *paraat_trail_model_new        (ParaatWorkspace         *workspace);
gboolean          paraat_trail_model_set_filter (ParaatTrailModel        *self,
                                                 const ParaatTrailFilter *filter,
                                                 GError                 **error);
gint64            paraat_trail_model_get_total  (ParaatTrailModel        *self);

G_END_DECLS
