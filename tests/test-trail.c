/* test-trail.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "paraat-check.h"
#include "paraat-clock.h"
#include "paraat-error.h"
#include "paraat-trail.h"
#include "paraat-workspace.h"
#include "paraat-workspace-private.h"
#include "test-util.h"

typedef struct
{
  gint64  seq;
  gint64  ts_ms;
  gint64  actor_id;
  char   *actor_name;
  char   *object_type;
  gint64  object_id;
  char   *object_label;
  char   *action;
  char   *details;
  char   *prev_hash;
  char   *hash;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->actor_name);
  g_free (entry->object_type);
  g_free (entry->object_label);
  g_free (entry->action);
  g_free (entry->details);
  g_free (entry->prev_hash);
  g_free (entry->hash);
  g_free (entry);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Entry, entry_free)

/* Reads an entry the way an auditor's tool would: from the file, on its own connection. */
static Entry *
read_entry (const char *path,
            gint64      seq)
{
  g_autoptr(TestDb) db = test_util_raw_open (path, TRUE, FALSE);
  sqlite3_stmt *stmt = NULL;
  Entry *entry = g_new0 (Entry, 1);
  const char *sql =
    "SELECT seq, ts_ms, actor_id, actor_name, object_type, object_id, object_label, action,"
    " details, prev_hash, hash FROM trail"
    " WHERE seq = CASE WHEN ?1 > 0 THEN ?1 ELSE (SELECT max(seq) FROM trail) END";

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, seq);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  entry->seq = sqlite3_column_int64 (stmt, 0);
  entry->ts_ms = sqlite3_column_int64 (stmt, 1);
  entry->actor_id = sqlite3_column_int64 (stmt, 2);
  entry->actor_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  entry->object_type = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  entry->object_id = sqlite3_column_int64 (stmt, 5);
  entry->object_label = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  entry->action = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  entry->details = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  entry->prev_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  entry->hash = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
  sqlite3_finalize (stmt);
  return entry;
}

static Entry *
read_last_entry (const char *path)
{
  return read_entry (path, 0);
}

static gint64
details_len (const char *details)
{
  g_autoptr(TestDb) db = test_util_raw_open (":memory:", FALSE, FALSE);
  sqlite3_stmt *stmt = NULL;
  gint64 len;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT json_valid(?1), json_array_length(?1)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, details, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  len = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  return len;
}

/* Asserts DETAILS records FIELD changing from BEFORE to AFTER (NULL for JSON null). */
static void
assert_change (const char *details,
               const char *field,
               const char *before,
               const char *after)
{
  g_autoptr(TestDb) db = test_util_raw_open (":memory:", FALSE, FALSE);
  sqlite3_stmt *stmt = NULL;
  const char *sql =
    "SELECT json_extract(value, '$.before'), json_extract(value, '$.after')"
    " FROM json_each(?1) WHERE json_extract(value, '$.field') = ?2";

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, details, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("No change of “%s” in %s", field, details);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, before);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, after);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
assert_entry (Entry      *entry,
              const char *actor_name,
              const char *object_type,
              gint64      object_id,
              const char *object_label,
              const char *action)
{
  g_assert_cmpstr (entry->actor_name, ==, actor_name);
  g_assert_cmpstr (entry->object_type, ==, object_type);
  g_assert_cmpint (entry->object_id, ==, object_id);
  g_assert_cmpstr (entry->object_label, ==, object_label);
  g_assert_cmpstr (entry->action, ==, action);
}

static void
assert_intact (const char *path,
               gint64      n_entries)
{
  g_autoptr(GError) error = NULL;
  ParaatTrailReport report;

  g_assert_true (paraat_check_verify_trail (path, &report, &error));
  g_assert_no_error (error);
  g_assert_null (report.problem);
  g_assert_cmpint (report.first_bad_seq, ==, 0);
  g_assert_cmpint (report.n_entries, ==, n_entries);
  paraat_trail_report_clear (&report);
}

static void
assert_broken_at (const char *path,
                  gint64      seq,
                  gint64      n_entries)
{
  g_autoptr(GError) error = NULL;
  ParaatTrailReport report;

  g_assert_true (paraat_check_verify_trail (path, &report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (report.problem);
  g_assert_cmpstr (report.problem, !=, "");
  g_assert_cmpint (report.first_bad_seq, ==, seq);
  g_assert_cmpint (report.n_entries, ==, n_entries);
  paraat_trail_report_clear (&report);
}

static void
test_entries (TestDir       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "org.paraat");
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  ParaatSettings settings = { 0 };
  gint64 anna, bert, n;

  ws = paraat_workspace_create (path, "Voorbeeld B.V.", "Anna de Boer", &error);
  g_assert_no_error (error);
  anna = paraat_person_get_id (paraat_workspace_get_actor (ws));
  n = test_util_trail_count (path);
  /* At least the workspace and its first person were recorded at creation. */
  g_assert_cmpint (n, >=, 2);
  {
    g_autoptr(Entry) entry = read_last_entry (path);
    g_assert_cmpstr (entry->object_type, ==, "person");
    g_assert_cmpint (entry->object_id, ==, anna);
    g_assert_cmpstr (entry->object_label, ==, "Anna de Boer");
    g_assert_cmpstr (entry->action, ==, "create");
    assert_change (entry->details, "name", NULL, "Anna de Boer");
  }

  /* Add */
  bert = paraat_workspace_add_person (ws, "Bert Jansen", "CTO", "bert@example.org", &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_util_trail_count (path), ==, ++n);
  {
    g_autoptr(Entry) entry = read_last_entry (path);
    assert_entry (entry, "Anna de Boer", "person", bert, "Bert Jansen", "create");
    g_assert_cmpint (entry->actor_id, ==, anna);
    g_assert_cmpint (entry->seq, ==, n);
    assert_change (entry->details, "name", NULL, "Bert Jansen");
    assert_change (entry->details, "role", NULL, "CTO");
    assert_change (entry->details, "email", NULL, "bert@example.org");
  }

  /* Update: only the changed field is recorded. */
  g_assert_true (paraat_workspace_update_person (ws, bert, "Bert Jansen", "CISO",
                                                 "bert@example.org", &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_util_trail_count (path), ==, ++n);
  {
    g_autoptr(Entry) entry = read_last_entry (path);
    assert_entry (entry, "Anna de Boer", "person", bert, "Bert Jansen", "update");
    g_assert_cmpint (details_len (entry->details), ==, 1);
    assert_change (entry->details, "role", "CTO", "CISO");
  }

  /* Saving without a change writes no entry. */
  g_assert_true (paraat_workspace_update_person (ws, bert, "Bert Jansen", "CISO",
                                                 "bert@example.org", &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_util_trail_count (path), ==, n);

  /* Settings */
  paraat_workspace_get_settings (ws, &settings);
  g_free (settings.organisation);
  settings.organisation = g_strdup ("Nieuwe Naam B.V.");
  settings.target_level = 4;
  g_assert_true (paraat_workspace_update_settings (ws, &settings, &error));
  g_assert_no_error (error);
  paraat_settings_clear (&settings);
  g_assert_cmpint (test_util_trail_count (path), ==, ++n);
  {
    g_autoptr(Entry) entry = read_last_entry (path);
    g_assert_cmpstr (entry->actor_name, ==, "Anna de Boer");
    g_assert_cmpstr (entry->object_type, ==, "settings");
    g_assert_cmpstr (entry->action, ==, "update");
    g_assert_cmpint (details_len (entry->details), ==, 2);
    assert_change (entry->details, "organisation", "Voorbeeld B.V.", "Nieuwe Naam B.V.");
    assert_change (entry->details, "target_level", "3", "4");
  }

  /* Another person working is recorded as the actor. */
  g_assert_true (paraat_workspace_set_actor (ws, bert, &error));
  g_assert_no_error (error);
  g_assert_true (paraat_workspace_update_person (ws, anna, "Anna de Boer", "ISMS owner", "",
                                                 &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_util_trail_count (path), ==, ++n);
  {
    g_autoptr(Entry) entry = read_last_entry (path);
    assert_entry (entry, "Bert Jansen", "person", anna, "Anna de Boer", "update");
    g_assert_cmpint (entry->actor_id, ==, bert);
    assert_change (entry->details, "role", "", "ISMS owner");
  }

  /* Remove */
  g_assert_true (paraat_workspace_set_actor (ws, anna, &error));
  g_assert_no_error (error);
  g_assert_true (paraat_workspace_remove_person (ws, bert, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_util_trail_count (path), ==, ++n);
  {
    g_autoptr(Entry) entry = read_last_entry (path);
    assert_entry (entry, "Anna de Boer", "person", bert, "Bert Jansen", "delete");
    assert_change (entry->details, "name", "Bert Jansen", NULL);
    assert_change (entry->details, "role", "CISO", NULL);
  }

  /* A refused change writes nothing. */
  g_assert_cmpint (paraat_workspace_add_person (ws, "IT", NULL, NULL, &error), ==, 0);
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_util_trail_count (path), ==, n);

  g_clear_object (&ws);
  assert_intact (path, n);
}

static char *
make_trail (const char *dir,
            const char *basename,
            gint64     *n_entries)
{
  g_autofree char *path = g_build_filename (dir, basename, NULL);
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const names[] = {
    "Bert Jansen", "Carla el Idrissi", "Dirk Smit", "Esther Bos", "Frank de Groot",
  };

  ws = paraat_workspace_create (path, "Voorbeeld B.V.", "Anna de Boer", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpint (paraat_workspace_add_person (ws, names[i], "Engineer", NULL, &error),
                       >, 0);
      g_assert_no_error (error);
    }
  paraat_workspace_close (ws);
  *n_entries = test_util_trail_count (path);
  g_assert_cmpint (*n_entries, >=, 7);
  return g_steal_pointer (&path);
}

static gboolean
is_sha256_hex (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    {
      if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
        return FALSE;
    }
  return TRUE;
}

static void
test_chain_verifies (TestDir       *fixture,
                     gconstpointer  data)
{
  gint64 n;
  g_autofree char *path = make_trail (fixture->dir, "org.paraat", &n);
  g_autoptr(GBytes) baseline = test_util_read_file (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(Entry) first = read_entry (path, 1);
  g_autoptr(Entry) last = read_last_entry (path);
  ParaatTrailReport report;

  g_assert_true (paraat_check_verify_trail (path, &report, &error));
  g_assert_no_error (error);
  g_assert_null (report.problem);
  g_assert_cmpint (report.first_bad_seq, ==, 0);
  g_assert_cmpint (report.n_entries, ==, n);
  g_assert_true (is_sha256_hex (report.head_hash));
  g_assert_cmpstr (report.head_hash, ==, last->hash);
  paraat_trail_report_clear (&report);
  test_util_assert_unchanged (path, baseline);

  /* The chain starts at the genesis hash and every entry links to the one before. */
  g_assert_cmpstr (first->prev_hash, ==, PARAAT_TRAIL_GENESIS);
  for (gint64 seq = 2; seq <= n; seq++)
    {
      g_autoptr(Entry) prev = read_entry (path, seq - 1);
      g_autoptr(Entry) entry = read_entry (path, seq);
      g_assert_cmpstr (entry->prev_hash, ==, prev->hash);
      g_assert_true (is_sha256_hex (entry->hash));
    }

  /* Verifying works while the workspace is open elsewhere. */
  {
    g_autoptr(ParaatWorkspace) ws = paraat_workspace_open (path, &error);
    g_assert_no_error (error);
    assert_intact (path, n);
  }
}

static void
test_append_only (TestDir       *fixture,
                  gconstpointer  data)
{
  gint64 n;
  g_autofree char *path = make_trail (fixture->dir, "org.paraat", &n);
  g_autoptr(TestDb) db = test_util_raw_open (path, FALSE, TRUE);
  static const char * const refused[] = {
    "UPDATE trail SET object_label = 'Someone else' WHERE seq = 3",
    "UPDATE trail SET hash = prev_hash",
    "DELETE FROM trail WHERE seq = 3",
    "DELETE FROM trail",
  };
  g_autoptr(Entry) before = read_entry (path, 3);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *message = NULL;

      g_assert_false (test_util_raw_try_exec (db, refused[i], &message));
      g_assert_nonnull (strstr (message, "append-only"));
    }

  {
    g_autoptr(Entry) after = read_entry (path, 3);
    g_assert_cmpstr (after->object_label, ==, before->object_label);
    g_assert_cmpstr (after->hash, ==, before->hash);
  }
  g_clear_pointer (&db, sqlite3_close);
  assert_intact (path, n);
}

/* INSERT OR REPLACE deletes the old row without firing DELETE triggers (SQLite's
 * recursive_triggers is off), so it must be refused on its own. */
static void
test_append_only_replace (TestDir       *fixture,
                          gconstpointer  data)
{
  gint64 n;
  g_autofree char *path = make_trail (fixture->dir, "org.paraat", &n);
  g_autoptr(TestDb) db = test_util_raw_open (path, FALSE, TRUE);
  g_autoptr(Entry) before = read_entry (path, 3);
  g_autofree char *message = NULL;
  gboolean replaced;

  replaced = test_util_raw_try_exec (db,
                                     "INSERT OR REPLACE INTO trail SELECT seq, ts_ms,"
                                     " actor_id, actor_name, object_type, object_id,"
                                     " 'Mallory Bos', action, details, reason, prev_hash, hash"
                                     " FROM trail WHERE seq = 3",
                                     &message);
  g_clear_pointer (&db, sqlite3_close);

  g_assert_false (replaced);

  g_assert_nonnull (strstr (message, "append-only"));
  {
    g_autoptr(Entry) after = read_entry (path, 3);
    g_assert_cmpstr (after->object_label, ==, before->object_label);
  }
  assert_intact (path, n);
}

static void
test_data_guard (TestDir       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = test_util_create_closed (fixture->dir, "org.paraat");
  g_autoptr(TestDb) db = test_util_raw_open (path, FALSE, FALSE);
  static const char * const refused[] = {
    "INSERT INTO person (name, role, email, created_ms) VALUES ('Mallory Bos', '', '', 0)",
    "UPDATE person SET name = 'Mallory Bos'",
    "DELETE FROM person",
    "UPDATE setting SET value = 'Mallory B.V.' WHERE key = 'organisation'",
    "DELETE FROM meta",
  };
  gint64 people = test_util_raw_int (db, "SELECT count(*) FROM person");
  gint64 trail = test_util_raw_int (db, "SELECT count(*) FROM trail");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_false (test_util_raw_try_exec (db, refused[i], NULL));

  g_assert_cmpint (test_util_raw_int (db, "SELECT count(*) FROM person"), ==, people);
  g_assert_cmpint (test_util_raw_int (db, "SELECT count(*) FROM person WHERE name ="
                                          " 'Anna de Boer'"), ==, 1);
  g_assert_cmpint (test_util_raw_int (db, "SELECT count(*) FROM trail"), ==, trail);
  g_clear_pointer (&db, sqlite3_close);

  /* It is the guard that refused: where it allows writing, the same insert works. */
  db = test_util_raw_open (path, FALSE, TRUE);
  g_assert_true (test_util_raw_try_exec (db, refused[0], NULL));
  g_assert_cmpint (test_util_raw_int (db, "SELECT count(*) FROM person"), ==, people + 1);
}

/* Tampering with the trail behind Paraat's back, on a copy each time. */

static char *
tamper_copy (const char *dir,
             const char *src,
             const char *basename)
{
  g_autofree char *copy = g_build_filename (dir, basename, NULL);

  test_util_copy_file (src, copy);
  return g_steal_pointer (&copy);
}

static void
test_tamper (TestDir       *fixture,
             gconstpointer  data)
{
  gint64 n, k;
  g_autofree char *path = make_trail (fixture->dir, "org.paraat", &n);
  g_autofree char *edited = tamper_copy (fixture->dir, path, "edited.paraat");
  g_autofree char *removed = tamper_copy (fixture->dir, path, "removed.paraat");
  g_autofree char *forged = tamper_copy (fixture->dir, path, "forged.paraat");
  g_autofree char *rehashed = tamper_copy (fixture->dir, path, "rehashed.paraat");

  k = n / 2 + 1;
  g_assert_cmpint (k, >, 1);
  g_assert_cmpint (k, <, n);
  assert_intact (path, n);

  /* (a) An edited label */
  {
    g_autoptr(TestDb) db = test_util_raw_open (edited, FALSE, FALSE);
    g_autofree char *sql = g_strdup_printf ("UPDATE trail SET object_label = 'Mallory Bos'"
                                            " WHERE seq = %" G_GINT64_FORMAT, k);
    test_util_raw_exec (db, "DROP TRIGGER trail_append_only_update");
    test_util_raw_exec (db, sql);
    g_assert_cmpint (sqlite3_changes (db), ==, 1);
  }
  assert_broken_at (edited, k, n);

  /* (b) A removed entry */
  {
    g_autoptr(TestDb) db = test_util_raw_open (removed, FALSE, FALSE);
    g_autofree char *sql = g_strdup_printf ("DELETE FROM trail WHERE seq = %" G_GINT64_FORMAT,
                                            k);
    test_util_raw_exec (db, "DROP TRIGGER trail_append_only_delete");
    test_util_raw_exec (db, sql);
    g_assert_cmpint (sqlite3_changes (db), ==, 1);
  }
  assert_broken_at (removed, k, n - 1);

  /* (c) An entry replaced by a forged one with a made-up hash */
  {
    g_autoptr(TestDb) db = test_util_raw_open (forged, FALSE, FALSE);
    g_autofree char *del = g_strdup_printf ("DELETE FROM trail WHERE seq = %" G_GINT64_FORMAT,
                                            k);
    g_autofree char *ins =
      g_strdup_printf ("INSERT INTO trail (seq, ts_ms, actor_id, actor_name, object_type,"
                       " object_id, object_label, action, details, reason, prev_hash, hash)"
                       " SELECT %" G_GINT64_FORMAT ", ts_ms, actor_id, actor_name,"
                       " object_type, 999, 'Mallory Bos', 'create', '[]', NULL, hash,"
                       " '%s' FROM trail WHERE seq = %" G_GINT64_FORMAT,
                       k, "abababababababababababababababababababababababababababababababab",
                       k - 1);
    test_util_raw_exec (db, "DROP TRIGGER trail_append_only_delete");
    test_util_raw_exec (db, "DROP TRIGGER trail_append_only_insert");
    test_util_raw_exec (db, del);
    test_util_raw_exec (db, ins);
    g_assert_cmpint (sqlite3_changes (db), ==, 1);
  }
  assert_broken_at (forged, k, n);

  /* (d) A forged entry whose own hash was recomputed correctly: the next entry no longer
   * links to it. */
  {
    g_autoptr(TestDb) db = test_util_raw_open (rehashed, FALSE, FALSE);
    g_autoptr(Entry) original = read_entry (rehashed, k);
    g_autofree char *hash = NULL;
    sqlite3_stmt *stmt = NULL;
    ParaatTrailFields f = {
      .seq = k,
      .ts_ms = original->ts_ms,
      .actor_id = original->actor_id,
      .actor_name = original->actor_name,
      .object_type = original->object_type,
      .object_id = original->object_id,
      .object_label = "Mallory Bos",
      .action = original->action,
      .details = original->details,
      .reason = NULL,
      .prev_hash = original->prev_hash,
    };

    hash = paraat_trail_hash (&f);
    g_assert_cmpstr (hash, !=, original->hash);
    test_util_raw_exec (db, "DROP TRIGGER trail_append_only_update");
    g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE trail SET object_label = ?1, hash = ?2"
                                             " WHERE seq = ?3", -1, &stmt, NULL), ==,
                     SQLITE_OK);
    sqlite3_bind_text (stmt, 1, f.object_label, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_STATIC);
    sqlite3_bind_int64 (stmt, 3, k);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_finalize (stmt);
    g_assert_cmpint (sqlite3_changes (db), ==, 1);
  }
  assert_broken_at (rehashed, k + 1, n);

  /* The untouched original is still intact. */
  assert_intact (path, n);
}

static void
test_check_file_tampered (TestDir       *fixture,
                          gconstpointer  data)
{
  gint64 n;
  g_autofree char *path = make_trail (fixture->dir, "org.paraat", &n);
  g_autofree char *no_trigger = tamper_copy (fixture->dir, path, "no-trigger.paraat");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) baseline = NULL;

  g_assert_true (paraat_check_file (path, &problems, &error));
  g_assert_no_error (error);
  test_util_assert_no_problems (problems);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Edited, with the trigger put back so only the trail itself is wrong. */
  test_util_tamper_trail_label (path, 3, "Mallory Bos");
  baseline = test_util_read_file (path);
  g_assert_true (paraat_check_file (path, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "3"));
  g_clear_pointer (&problems, g_ptr_array_unref);
  test_util_assert_unchanged (path, baseline);

  /* A removed protection is reported even while the trail is intact. */
  {
    g_autoptr(TestDb) db = test_util_raw_open (no_trigger, FALSE, FALSE);
    test_util_raw_exec (db, "DROP TRIGGER trail_append_only_delete");
  }
  assert_intact (no_trigger, n);
  g_assert_true (paraat_check_file (no_trigger, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, >=, 1);
}

static void
test_fixed_clock (TestDir       *fixture,
                  gconstpointer  data)
{
  const gint64 when = G_GINT64_CONSTANT (1714564800123); /* 2024-05-01T12:00:00.123Z */
  g_autofree char *path = test_dir_path (fixture, "org.paraat");
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before, after;

  before = g_get_real_time () / 1000;
  ws = paraat_workspace_create (path, "Voorbeeld B.V.", "Anna de Boer", &error);
  g_assert_no_error (error);
  after = g_get_real_time () / 1000;
  {
    g_autoptr(Entry) entry = read_last_entry (path);
    g_assert_cmpint (entry->ts_ms, >=, before);
    g_assert_cmpint (entry->ts_ms, <=, after);
  }

  paraat_clock_set_fixed_ms (when);
  g_assert_cmpint (paraat_clock_now_ms (), ==, when);
  g_assert_cmpint (paraat_workspace_add_person (ws, "Bert Jansen", NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (paraat_workspace_add_person (ws, "Carla el Idrissi", NULL, NULL, &error),
                   >, 0);
  g_assert_no_error (error);
  paraat_clock_set_fixed_ms (0);

  {
    g_autoptr(Entry) last = read_last_entry (path);
    g_autoptr(Entry) prev = read_entry (path, last->seq - 1);
    g_assert_cmpint (last->ts_ms, ==, when);
    g_assert_cmpint (prev->ts_ms, ==, when);
  }

  {
    g_autofree char *formatted = paraat_clock_format_ms (when);
    g_assert_cmpstr (formatted, ==, "2024-05-01T12:00:00.123Z");
  }

  /* Back to the real clock. */
  before = g_get_real_time () / 1000;
  g_assert_cmpint (paraat_workspace_add_person (ws, "Dirk Smit", NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  {
    g_autoptr(Entry) last = read_last_entry (path);
    g_assert_cmpint (last->ts_ms, >=, before);
  }
}

/* A change that bypasses the trail is rolled back; the core g_critical()s, which is fatal
 * under G_DEBUG=fatal-warnings, so it runs in a child process. */
static void
test_change_without_entry (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gint64 n;

  if (g_test_subprocess ())
    {
      g_autoptr(ParaatWorkspace) ws = NULL;
      g_autoptr(ParaatTxn) txn = NULL;
      g_autoptr(GError) error = NULL;
      ParaatPerson *anna;

      ws = paraat_workspace_open (g_getenv ("PARAAT_TEST_PATH"), &error);
      g_assert_no_error (error);
      anna = paraat_workspace_find_person_by_name (ws, "Anna de Boer");
      g_assert_true (paraat_workspace_set_actor (ws, paraat_person_get_id (anna), &error));
      txn = paraat_workspace_begin (ws, &error);
      g_assert_no_error (error);
      test_util_raw_exec (paraat_workspace_get_db (ws), "UPDATE person SET role = 'Hacked'");
      paraat_workspace_commit (ws, txn, "person", &error);
      /* Not reached: the commit g_critical()s, which aborts under fatal-warnings. */
      return;
    }

  dir = test_util_make_tmpdir ();
  path = test_util_create_closed (dir, "org.paraat");
  n = test_util_trail_count (path);

  g_setenv ("PARAAT_TEST_PATH", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*without an audit-trail entry*");
  g_unsetenv ("PARAAT_TEST_PATH");

  /* Nothing of the change reached the file. */
  {
    g_autoptr(TestDb) db = test_util_raw_open (path, TRUE, FALSE);
    g_assert_cmpint (test_util_raw_int (db, "SELECT count(*) FROM person WHERE role ="
                                            " 'Hacked'"), ==, 0);
  }
  g_assert_cmpint (test_util_trail_count (path), ==, n);
  assert_intact (path, n);

  test_util_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, TestDir, NULL, test_dir_setup, func, test_dir_teardown)

  ADD ("/trail/entries", test_entries);
  ADD ("/trail/chain-verifies", test_chain_verifies);
  ADD ("/trail/append-only", test_append_only);
  ADD ("/trail/append-only/replace", test_append_only_replace);
  ADD ("/trail/data-guard", test_data_guard);
  ADD ("/trail/tamper", test_tamper);
  ADD ("/trail/check-file-tampered", test_check_file_tampered);
  ADD ("/trail/fixed-clock", test_fixed_clock);
  g_test_add_func ("/trail/change-without-entry", test_change_without_entry);

#undef ADD

  return g_test_run ();
}
