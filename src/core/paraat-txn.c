/* paraat-txn.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "paraat-clock.h"
#include "paraat-db.h"
#include "paraat-error.h"
#include "paraat-i18n.h"
#include "paraat-json.h"
#include "paraat-trail.h"
#include "paraat-txn.h"

typedef struct
{
  char *field;
  char *before;
  char *after;
} FieldChange;

struct _ParaatChanges
{
  GPtrArray *items;
};

struct _ParaatTxn
{
  sqlite3  *db;
  gboolean *write_allowed;
  gint64    actor_id;
  char     *actor_name;
  gint64    changes_at_start;
  gint64    trail_rows;
  gboolean  finished;
};

static void
field_change_free (FieldChange *change)
{
  g_free (change->field);
  g_free (change->before);
  g_free (change->after);
  g_free (change);
}

ParaatChanges *
paraat_changes_new (void)
{
  ParaatChanges *changes = g_new0 (ParaatChanges, 1);

  changes->items = g_ptr_array_new_with_free_func ((GDestroyNotify) field_change_free);
  return changes;
}

void
paraat_changes_free (ParaatChanges *changes)
{
  if (changes == NULL)
    return;
  g_ptr_array_unref (changes->items);
  g_free (changes);
}

/* Records a field-level change; unchanged fields are left out. */
void
paraat_changes_add (ParaatChanges *changes,
                    const char    *field,
                    const char    *before,
                    const char    *after)
{
  FieldChange *change;

  if (g_strcmp0 (before, after) == 0)
    return;

  change = g_new0 (FieldChange, 1);
  change->field = g_strdup (field);
  change->before = g_strdup (before);
  change->after = g_strdup (after);
  g_ptr_array_add (changes->items, change);
}

void
paraat_changes_add_int (ParaatChanges *changes,
                        const char    *field,
                        gint64         before,
                        gint64         after)
{
  g_autofree char *b = g_strdup_printf ("%" G_GINT64_FORMAT, before);
  g_autofree char *a = g_strdup_printf ("%" G_GINT64_FORMAT, after);

  paraat_changes_add (changes, field, b, a);
}

guint
paraat_changes_get_len (ParaatChanges *changes)
{
  return changes ? changes->items->len : 0;
}

char *
paraat_changes_to_json (ParaatChanges *changes)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; changes != NULL && i < changes->items->len; i++)
    {
      FieldChange *change = g_ptr_array_index (changes->items, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      paraat_json_append_member (out, "field", change->field);
      paraat_json_append_member (out, "before", change->before);
      paraat_json_append_member (out, "after", change->after);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

ParaatTxn *
paraat_txn_begin (sqlite3     *db,
                  gboolean    *write_allowed,
                  gint64       actor_id,
                  const char  *actor_name,
                  GError     **error)
{
  ParaatTxn *txn;

  if (actor_name == NULL || actor_name[0] == '\0')
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NO_ACTOR,
                   _("Choose who is working before making changes."));
      return NULL;
    }

  if (!paraat_db_exec (db, "BEGIN IMMEDIATE", error))
    return NULL;

  txn = g_new0 (ParaatTxn, 1);
  txn->db = db;
  txn->write_allowed = write_allowed;
  txn->actor_id = actor_id;
  txn->actor_name = g_strdup (actor_name);
  txn->changes_at_start = sqlite3_total_changes64 (db);
  *write_allowed = TRUE;
  return txn;
}

sqlite3 *
paraat_txn_get_db (ParaatTxn *txn)
{
  return txn->db;
}

/* For a person who enters themselves: their id exists only after the insert. */
void
paraat_txn_set_actor_id (ParaatTxn *txn,
                         gint64     actor_id)
{
  txn->actor_id = actor_id;
}

static gboolean
read_chain_head (sqlite3  *db,
                 gint64   *seq,
                 char    **hash,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (db, "SELECT seq, hash FROM trail ORDER BY seq DESC LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *seq = sqlite3_column_int64 (stmt, 0);
      *hash = paraat_db_column_dup (stmt, 1);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return paraat_db_set_error (db, rc, error);

  *seq = 0;
  *hash = g_strdup (PARAAT_TRAIL_GENESIS);
  return TRUE;
}

static gboolean
insert_trail_row (sqlite3                 *db,
                  const ParaatTrailFields *f,
                  const char              *hash,
                  GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (db,
                       "INSERT INTO trail (seq, ts_ms, actor_id, actor_name, object_type,"
                       " object_id, object_label, action, details, reason, prev_hash, hash)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                       error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, f->seq);
  sqlite3_bind_int64 (stmt, 2, f->ts_ms);
  sqlite3_bind_int64 (stmt, 3, f->actor_id);
  paraat_db_bind_text (stmt, 4, f->actor_name);
  paraat_db_bind_text (stmt, 5, f->object_type);
  sqlite3_bind_int64 (stmt, 6, f->object_id);
  paraat_db_bind_text (stmt, 7, f->object_label);
  paraat_db_bind_text (stmt, 8, f->action);
  paraat_db_bind_text (stmt, 9, f->details);
  paraat_db_bind_text (stmt, 10, f->reason);
  paraat_db_bind_text (stmt, 11, f->prev_hash);
  paraat_db_bind_text (stmt, 12, hash);
  return paraat_db_step_done (stmt, error);
}

/* Appends one hash-chained entry in the same transaction as the change it describes. */
gboolean
paraat_txn_log (ParaatTxn     *txn,
                const char    *object_type,
                gint64         object_id,
                const char    *object_label,
                const char    *action,
                ParaatChanges *changes,
                const char    *reason,
                GError       **error)
{
  g_autofree char *prev_hash = NULL;
  g_autofree char *details = paraat_changes_to_json (changes);
  g_autofree char *hash = NULL;
  g_autofree char *clean_reason = NULL;
  gint64 head_seq;

  g_return_val_if_fail (txn != NULL && !txn->finished, FALSE);

  if (!read_chain_head (txn->db, &head_seq, &prev_hash, error))
    return FALSE;

  if (reason != NULL)
    clean_reason = g_strstrip (g_strdup (reason));

  ParaatTrailFields f = {
    .seq = head_seq + 1,
    .ts_ms = paraat_clock_now_ms (),
    .actor_id = txn->actor_id,
    .actor_name = txn->actor_name,
    .object_type = object_type,
    .object_id = object_id,
    .object_label = object_label ? object_label : "",
    .action = action,
    .details = details,
    .reason = clean_reason && clean_reason[0] ? clean_reason : NULL,
    .prev_hash = prev_hash,
  };

  hash = paraat_trail_hash (&f);
  if (!insert_trail_row (txn->db, &f, hash, error))
    return FALSE;

  txn->trail_rows++;
  return TRUE;
}

static void
finish (ParaatTxn *txn)
{
  txn->finished = TRUE;
  *txn->write_allowed = FALSE;
}

gboolean
paraat_txn_commit (ParaatTxn  *txn,
                   GError    **error)
{
  gint64 data_changes;

  g_return_val_if_fail (txn != NULL && !txn->finished, FALSE);

  /* Each trail row is one change itself; anything beyond those changed data. */
  data_changes = sqlite3_total_changes64 (txn->db) - txn->changes_at_start - txn->trail_rows;
  if (data_changes > 0 && txn->trail_rows == 0)
    {
      g_critical ("A change was made without an audit-trail entry; it was rolled back");
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_DATABASE,
                   _("The change was not saved because it had no audit-trail entry."));
      return FALSE;
    }

  if (!paraat_db_exec (txn->db, "COMMIT", error))
    return FALSE;

  finish (txn);
  return TRUE;
}

void
paraat_txn_free (ParaatTxn *txn)
{
  if (txn == NULL)
    return;

  if (!txn->finished)
    {
      sqlite3_exec (txn->db, "ROLLBACK", NULL, NULL, NULL);
      finish (txn);
    }

  g_free (txn->actor_name);
  g_free (txn);
}
