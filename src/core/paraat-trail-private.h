/* paraat-trail-private.h — reading trail rows, for core modules only
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "paraat-trail-entry.h"

G_BEGIN_DECLS

#define PARAAT_TRAIL_SELECT \
  "SELECT seq, ts_ms, actor_id, actor_name, object_type, object_id, object_label, action," \
  " details, reason, prev_hash, hash FROM trail"

ParaatTrailEntry *paraat_trail_entry_new_from_row (sqlite3_stmt *stmt);

G_END_DECLS
