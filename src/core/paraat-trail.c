/* paraat-trail.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <string.h>

#include "paraat-db.h"
#include "paraat-i18n.h"
#include "paraat-trail.h"
#include "paraat-trail-private.h"

/* Length-prefixed fields make the serialisation unambiguous: no value can be shifted
 * into its neighbour without changing the bytes that are hashed. */
static void
append_field (GString    *out,
              const char *value)
{
  if (value == NULL)
    {
      g_string_append (out, "-;");
      return;
    }
  g_string_append_printf (out, "%zu:%s;", strlen (value), value);
}

static void
append_number (GString *out,
               gint64   value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  append_field (out, text);
}

char *
paraat_trail_hash (const ParaatTrailFields *f)
{
  g_autoptr(GString) canonical = g_string_new ("paraat-trail-v1;");
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  append_field (canonical, f->prev_hash);
  append_number (canonical, f->seq);
  append_number (canonical, f->ts_ms);
  append_number (canonical, f->actor_id);
  append_field (canonical, f->actor_name);
  append_field (canonical, f->object_type);
  append_number (canonical, f->object_id);
  append_field (canonical, f->object_label);
  append_field (canonical, f->action);
  append_field (canonical, f->details);
  append_field (canonical, f->reason);

  g_checksum_update (checksum, (const guchar *) canonical->str, canonical->len);
  return g_strdup (g_checksum_get_string (checksum));
}

void
paraat_trail_report_clear (ParaatTrailReport *report)
{
  g_clear_pointer (&report->head_hash, g_free);
  g_clear_pointer (&report->problem, g_free);
  report->n_entries = 0;
  report->first_bad_seq = 0;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static gboolean
check_row (sqlite3_stmt      *stmt,
           gint64             expected_seq,
           const char        *expected_prev,
           ParaatTrailReport *report)
{
  ParaatTrailFields f = {
    .seq = sqlite3_column_int64 (stmt, 0),
    .ts_ms = sqlite3_column_int64 (stmt, 1),
    .actor_id = sqlite3_column_int64 (stmt, 2),
    .actor_name = column_text (stmt, 3),
    .object_type = column_text (stmt, 4),
    .object_id = sqlite3_column_int64 (stmt, 5),
    .object_label = column_text (stmt, 6),
    .action = column_text (stmt, 7),
    .details = column_text (stmt, 8),
    .reason = column_text (stmt, 9),
    .prev_hash = column_text (stmt, 10),
  };
  const char *stored_hash = column_text (stmt, 11);
  g_autofree char *computed = paraat_trail_hash (&f);

  if (f.seq > expected_seq)
    {
      report->first_bad_seq = expected_seq;
      report->problem = g_strdup_printf (_("Entry %" PRId64 " is missing: the trail "
                                           "jumps to entry %" PRId64 ". An entry was "
                                           "removed."), expected_seq, f.seq);
      return FALSE;
    }

  if (g_strcmp0 (computed, stored_hash) != 0)
    {
      report->first_bad_seq = f.seq;
      report->problem = g_strdup_printf (_("Entry %" PRId64 " was altered: its content "
                                           "no longer matches its hash."), f.seq);
      return FALSE;
    }

  if (g_strcmp0 (f.prev_hash, expected_prev) != 0)
    {
      report->first_bad_seq = f.seq;
      report->problem = g_strdup_printf (_("Entry %" PRId64 " does not follow the "
                                           "entry before it. An entry was removed or "
                                           "inserted."), f.seq);
      return FALSE;
    }

  return TRUE;
}

/* Recomputes the whole chain. Returns FALSE only when it cannot be read; a broken chain
 * is reported through REPORT. */
gboolean
paraat_trail_verify_db (sqlite3            *db,
                        ParaatTrailReport  *report,
                        GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *prev = g_strdup (PARAAT_TRAIL_GENESIS);
  gint64 expected_seq = 1;
  int rc;

  memset (report, 0, sizeof *report);

  stmt = paraat_db_prepare (db, PARAAT_TRAIL_SELECT " ORDER BY seq", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* After the first problem keep counting, so the report still states the total. */
      if (report->problem == NULL)
        check_row (stmt, expected_seq, prev, report);
      g_free (prev);
      prev = g_strdup (column_text (stmt, 11));
      expected_seq = sqlite3_column_int64 (stmt, 0) + 1;
      report->n_entries++;
    }

  if (rc != SQLITE_DONE)
    return paraat_db_set_error (db, rc, error);

  report->head_hash = g_steal_pointer (&prev);
  return TRUE;
}
