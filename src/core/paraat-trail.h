/* paraat-trail.h — hash chain of the append-only audit trail
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define PARAAT_TRAIL_GENESIS \
  "0000000000000000000000000000000000000000000000000000000000000000"

typedef struct
{
  gint64      seq;
  gint64      ts_ms;
  gint64      actor_id;
  const char *actor_name;
  const char *object_type;
  gint64      object_id;
  const char *object_label;
  const char *action;
  const char *details;
  const char *reason;
  const char *prev_hash;
} ParaatTrailFields;

typedef struct
{
  gint64  n_entries;
  char   *head_hash;
  gint64  first_bad_seq;   /* 0 when the chain is intact */
  char   *problem;         /* translated, NULL when intact */
} ParaatTrailReport;

char     *paraat_trail_hash          (const ParaatTrailFields *fields);
void      paraat_trail_report_clear  (ParaatTrailReport       *report);
gboolean  paraat_trail_verify_db     (sqlite3                 *db,
                                      ParaatTrailReport       *report,
                                      GError                 **error);

G_END_DECLS
