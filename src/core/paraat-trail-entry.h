/* paraat-trail-entry.h — one audit-trail entry, as the UI and exports see it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PARAAT_TYPE_TRAIL_ENTRY (paraat_trail_entry_get_type ())

G_DECLARE_FINAL_TYPE (ParaatTrailEntry, paraat_trail_entry, PARAAT, TRAIL_ENTRY, GObject)

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
  const char *hash;
} ParaatTrailEntryData;

ParaatTrailEntry *paraat_trail_entry_new              (const ParaatTrailEntryData *data);
gint64            paraat_trail_entry_get_seq          (ParaatTrailEntry *self);
gint64            paraat_trail_entry_get_ts_ms        (ParaatTrailEntry *self);
gint64            paraat_trail_entry_get_actor_id     (ParaatTrailEntry *self);
const char       *paraat_trail_entry_get_actor_name   (ParaatTrailEntry *self);
const char       *paraat_trail_entry_get_object_type  (ParaatTrailEntry *self);
gint64            paraat_trail_entry_get_object_id    (ParaatTrailEntry *self);
const char       *paraat_trail_entry_get_object_label (ParaatTrailEntry *self);
const char       *paraat_trail_entry_get_action       (ParaatTrailEntry *self);
const char       *paraat_trail_entry_get_details      (ParaatTrailEntry *self);
const char       *paraat_trail_entry_get_reason       (ParaatTrailEntry *self);
const char       *paraat_trail_entry_get_prev_hash    (ParaatTrailEntry *self);
const char       *paraat_trail_entry_get_hash         (ParaatTrailEntry *self);

char             *paraat_trail_entry_format_time      (ParaatTrailEntry *self);
const char       *paraat_trail_entry_get_type_label   (ParaatTrailEntry *self);
const char       *paraat_trail_entry_get_action_label (ParaatTrailEntry *self);
char             *paraat_trail_entry_describe_changes (ParaatTrailEntry *self);

typedef void (*ParaatTrailChangeFunc) (const char *field,
                                       const char *before,
                                       const char *after,
                                       gpointer    user_data);

void              paraat_trail_entry_foreach_change   (ParaatTrailEntry      *self,
                                                       ParaatTrailChangeFunc  func,
                                                       gpointer               user_data);

const char       *paraat_trail_object_type_label      (const char       *object_type);
const char * const *paraat_trail_object_types         (void);

G_END_DECLS
