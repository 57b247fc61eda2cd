/* test-workspace.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <grp.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paraat-check.h"
#include "paraat-error.h"
#include "paraat-workspace.h"
#include "paraat-workspace-private.h"
#include "test-util.h"

#define NOBODY_ID 65534

static void
assert_settings (ParaatWorkspace *ws,
                 const char      *organisation,
                 const char      *scope,
                 int              target_level,
                 int              validity_months)
{
  ParaatSettings settings = { 0 };

  paraat_workspace_get_settings (ws, &settings);
  g_assert_cmpstr (settings.organisation, ==, organisation);
  g_assert_cmpstr (settings.scope, ==, scope);
  g_assert_cmpint (settings.target_level, ==, target_level);
  g_assert_cmpint (settings.validity_months, ==, validity_months);
  g_assert_cmpstr (paraat_workspace_get_organisation (ws), ==, organisation);
  paraat_settings_clear (&settings);
}

static guint
n_people (ParaatWorkspace *ws)
{
  return g_list_model_get_n_items (paraat_workspace_get_people (ws));
}

/* Creating and reopening */

static void
test_create_and_reopen (TestDir       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "org.paraat");
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  ParaatPerson *actor;

  ws = paraat_workspace_create (path, "  Voorbeeld B.V. ", "Anna de Boer", &error);
  g_assert_no_error (error);
  g_assert_nonnull (ws);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* The creator is the first person and the one working. */
  actor = paraat_workspace_get_actor (ws);
  g_assert_nonnull (actor);
  g_assert_cmpstr (paraat_person_get_name (actor), ==, "Anna de Boer");
  g_assert_cmpuint (n_people (ws), ==, 1);
  assert_settings (ws, "Voorbeeld B.V.", "", PARAAT_DEFAULT_TARGET, PARAAT_DEFAULT_VALIDITY);
  g_assert_cmpint (paraat_workspace_get_schema_version (ws), ==, PARAAT_SCHEMA_VERSION);
  g_assert_null (paraat_workspace_get_backup_path (ws));
  uuid = g_strdup (paraat_workspace_get_uuid (ws));
  g_assert_true (g_uuid_string_is_valid (uuid));

  g_clear_object (&ws);

  ws = paraat_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ws);
  /* Who is working is chosen per session, not stored in the file. */
  g_assert_null (paraat_workspace_get_actor (ws));
  g_assert_cmpuint (n_people (ws), ==, 1);
  g_assert_nonnull (paraat_workspace_find_person_by_name (ws, "anna de boer"));
  assert_settings (ws, "Voorbeeld B.V.", "", PARAAT_DEFAULT_TARGET, PARAAT_DEFAULT_VALIDITY);
  g_assert_cmpstr (paraat_workspace_get_uuid (ws), ==, uuid);
  g_assert_cmpint (paraat_workspace_get_schema_version (ws), ==, PARAAT_SCHEMA_VERSION);
  g_assert_null (paraat_workspace_get_backup_path (ws));
}

static void
test_create_refuses (TestDir       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = test_util_create_closed (fixture->dir, "org.paraat");
  g_autofree char *text = test_dir_path (fixture, "notes.txt");
  g_autofree char *fresh = test_dir_path (fixture, "fresh.paraat");
  g_autoptr(GBytes) baseline = test_util_read_file (path);
  g_autoptr(GBytes) text_baseline = NULL;
  ParaatWorkspace *ws;
  GError *error = NULL;

  ws = paraat_workspace_create (path, "Ander B.V.", "Bert Jansen", &error);
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_EXISTS);
  g_assert_null (ws);
  g_clear_error (&error);
  test_util_assert_unchanged (path, baseline);

  test_util_write_file (text, "keep me\n", 8);
  text_baseline = test_util_read_file (text);
  ws = paraat_workspace_create (text, "Ander B.V.", "Bert Jansen", &error);
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_EXISTS);
  g_assert_null (ws);
  g_clear_error (&error);
  test_util_assert_unchanged (text, text_baseline);

  /* Invalid input leaves no file behind. */
  ws = paraat_workspace_create (fresh, "   ", "Bert Jansen", &error);
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
  g_assert_null (ws);
  g_clear_error (&error);
  ws = paraat_workspace_create (fresh, "Ander B.V.", "the board", &error);
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
  g_assert_null (ws);
  g_clear_error (&error);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
}

static void
test_file_format (TestDir       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "org.paraat");
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const guchar *header;

  ws = paraat_workspace_create (path, "Voorbeeld B.V.", "Anna de Boer", &error);
  g_assert_no_error (error);

  /* foreign_keys is a property of the connection, so ask the workspace's own one. */
  g_assert_cmpint (test_util_raw_int (paraat_workspace_get_db (ws), "PRAGMA foreign_keys"),
                   ==, 1);

  {
    g_autoptr(TestDb) raw = test_util_raw_open (path, TRUE, FALSE);
    g_autofree char *mode = test_util_raw_text (raw, "PRAGMA journal_mode");

    g_assert_cmpstr (mode, ==, "wal");
    g_assert_cmpint (test_util_raw_int (raw, "PRAGMA user_version"), ==,
                     PARAAT_SCHEMA_VERSION);
    g_assert_cmpint (test_util_raw_int (raw, "PRAGMA application_id"), ==,
                     PARAAT_APPLICATION_ID);
  }

  g_clear_object (&ws);
  ws = paraat_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_util_raw_int (paraat_workspace_get_db (ws), "PRAGMA foreign_keys"),
                   ==, 1);
  g_assert_cmpint (paraat_workspace_get_schema_version (ws), ==, PARAAT_SCHEMA_VERSION);
  g_clear_object (&ws);

  /* The header on disk says WAL (file format versions 2) after closing, too. */
  bytes = test_util_read_file (path);
  header = g_bytes_get_data (bytes, NULL);
  g_assert_cmpuint (g_bytes_get_size (bytes), >=, 100);
  g_assert_cmpmem (header, 16, "SQLite format 3", 16);
  g_assert_cmpint (header[18], ==, 2);
  g_assert_cmpint (header[19], ==, 2);
}

static void
on_open_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static ParaatWorkspace *
open_async_sync (const char  *path,
                 GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  paraat_workspace_open_async (path, NULL, on_open_ready_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return paraat_workspace_open_finish (result, error);
}

static void
test_open_async (TestDir       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = test_util_create_closed (fixture->dir, "org.paraat");
  g_autofree char *text = test_dir_path (fixture, "notes.txt");
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GBytes) baseline = NULL;
  GError *error = NULL;

  ws = open_async_sync (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ws);
  g_assert_cmpstr (paraat_workspace_get_organisation (ws), ==, "Voorbeeld B.V.");
  g_clear_object (&ws);

  test_util_write_file (text, "hello\n", 6);
  baseline = test_util_read_file (text);
  ws = open_async_sync (text, &error);
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_SQLITE);
  g_assert_null (ws);
  g_clear_error (&error);
  test_util_assert_unchanged (text, baseline);
}

/* Settings */

static void
assert_settings_refused (ParaatWorkspace *ws,
                         const char      *organisation,
                         int              target_level,
                         int              validity_months)
{
  ParaatSettings settings = {
    .organisation = (char *) organisation,
    .scope = (char *) "Changed scope",
    .target_level = target_level,
    .validity_months = validity_months,
  };
  GError *error = NULL;

  g_assert_false (paraat_workspace_update_settings (ws, &settings, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_settings (TestDir       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "org.paraat");
  g_autofree char *long_name = g_strnfill (201, 'x');
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  ParaatSettings settings = {
    .organisation = (char *) "  Nieuwe Naam B.V.  ",
    .scope = (char *) "Development and hosting of the platform",
    .target_level = 4,
    .validity_months = 24,
  };
  gint64 trail_before;

  ws = paraat_workspace_create (path, "Voorbeeld B.V.", "Anna de Boer", &error);
  g_assert_no_error (error);

  g_assert_true (paraat_workspace_update_settings (ws, &settings, &error));
  g_assert_no_error (error);
  assert_settings (ws, "Nieuwe Naam B.V.", settings.scope, 4, 24);

  /* The edges of both ranges are accepted. */
  settings.target_level = 1;
  settings.validity_months = 60;
  g_assert_true (paraat_workspace_update_settings (ws, &settings, &error));
  g_assert_no_error (error);
  assert_settings (ws, "Nieuwe Naam B.V.", settings.scope, 1, 60);
  settings.target_level = 4;
  settings.validity_months = 1;
  g_assert_true (paraat_workspace_update_settings (ws, &settings, &error));
  g_assert_no_error (error);
  assert_settings (ws, "Nieuwe Naam B.V.", settings.scope, 4, 1);

  trail_before = test_util_trail_count (path);

  assert_settings_refused (ws, "Org", 0, 12);
  assert_settings_refused (ws, "Org", 5, 12);
  assert_settings_refused (ws, "Org", -3, 12);
  assert_settings_refused (ws, "Org", 3, 0);
  assert_settings_refused (ws, "Org", 3, 61);
  assert_settings_refused (ws, "Org", 3, -1);
  assert_settings_refused (ws, "", 3, 12);
  assert_settings_refused (ws, "   ", 3, 12);
  assert_settings_refused (ws, NULL, 3, 12);
  assert_settings_refused (ws, long_name, 3, 12);

  /* Nothing changed, in memory, in the file, or in the trail. */
  assert_settings (ws, "Nieuwe Naam B.V.", settings.scope, 4, 1);
  g_assert_cmpint (test_util_trail_count (path), ==, trail_before);

  g_clear_object (&ws);
  ws = paraat_workspace_open (path, &error);
  g_assert_no_error (error);
  assert_settings (ws, "Nieuwe Naam B.V.", settings.scope, 4, 1);
}

/* People */

static void
assert_add_refused (ParaatWorkspace *ws,
                    const char      *name,
                    const char      *email,
                    int              code)
{
  guint before = n_people (ws);
  GError *error = NULL;

  g_assert_cmpint (paraat_workspace_add_person (ws, name, "Role", email, &error), ==, 0);
  g_assert_error (error, PARAAT_ERROR, code);
  g_clear_error (&error);
  g_assert_cmpuint (n_people (ws), ==, before);
}

static void
assert_person (ParaatWorkspace *ws,
               gint64           id,
               const char      *name,
               const char      *role,
               const char      *email)
{
  ParaatPerson *person = paraat_workspace_find_person (ws, id);

  g_assert_nonnull (person);
  g_assert_cmpint (paraat_person_get_id (person), ==, id);
  g_assert_cmpstr (paraat_person_get_name (person), ==, name);
  g_assert_cmpstr (paraat_person_get_role (person), ==, role);
  g_assert_cmpstr (paraat_person_get_email (person), ==, email);
}

static void
test_people (TestDir       *fixture,
             gconstpointer  data)
{
  static const char * const teams[] = {
    "IT", "Team Security", "the board", "afdeling ICT", "Security Team", "HR",
    "Everyone", "ICT-afdeling", "  ", "",
  };
  static const char * const bad_emails[] = {
    "bert@", "bert.example.org", "bert jansen@example.org", "bert@@example.org",
    "@example.org", "bert@example", "bert@example.",
  };
  g_autofree char *path = test_dir_path (fixture, "org.paraat");
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = NULL;
  gint64 anna, bert, carla, trail_before;

  ws = paraat_workspace_create (path, "Voorbeeld B.V.", "Anna de Boer", &error);
  g_assert_no_error (error);
  anna = paraat_person_get_id (paraat_workspace_get_actor (ws));

  bert = paraat_workspace_add_person (ws, " Bert Jansen ", "CTO", "bert@example.org", &error);
  g_assert_no_error (error);
  g_assert_cmpint (bert, >, 0);
  assert_person (ws, bert, "Bert Jansen", "CTO", "bert@example.org");
  carla = paraat_workspace_add_person (ws, "Carla el Idrissi", NULL, NULL, &error);
  g_assert_no_error (error);
  assert_person (ws, carla, "Carla el Idrissi", "", "");
  g_assert_cmpuint (n_people (ws), ==, 3);

  trail_before = test_util_trail_count (path);

  for (guint i = 0; i < G_N_ELEMENTS (teams); i++)
    assert_add_refused (ws, teams[i], NULL, PARAAT_ERROR_INVALID);
  assert_add_refused (ws, NULL, NULL, PARAAT_ERROR_INVALID);
  for (guint i = 0; i < G_N_ELEMENTS (bad_emails); i++)
    assert_add_refused (ws, "Dirk Smit", bad_emails[i], PARAAT_ERROR_INVALID);
  assert_add_refused (ws, "bert jansen", NULL, PARAAT_ERROR_EXISTS);
  assert_add_refused (ws, "  BERT JANSEN ", NULL, PARAAT_ERROR_EXISTS);
  assert_add_refused (ws, "Anna De Boer", NULL, PARAAT_ERROR_EXISTS);
  g_assert_cmpint (test_util_trail_count (path), ==, trail_before);

  /* Update */
  g_assert_true (paraat_workspace_update_person (ws, bert, "Bert Jansen", "CISO", "",
                                                 &error));
  g_assert_no_error (error);
  assert_person (ws, bert, "Bert Jansen", "CISO", "");
  /* Changing only the case of one's own name is not a duplicate. */
  g_assert_true (paraat_workspace_update_person (ws, bert, "Bert JANSEN", "CISO", "",
                                                 &error));
  g_assert_no_error (error);
  assert_person (ws, bert, "Bert JANSEN", "CISO", "");

  trail_before = test_util_trail_count (path);
  g_assert_false (paraat_workspace_update_person (ws, bert, "anna de boer", "CISO", "",
                                                  &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (paraat_workspace_update_person (ws, bert, "Team Security", "CISO", "",
                                                  &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (paraat_workspace_update_person (ws, bert, "Bert Jansen", "CISO", "bert@",
                                                  &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (paraat_workspace_update_person (ws, 9999, "Nobody Known", "", "", &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_person (ws, bert, "Bert JANSEN", "CISO", "");
  g_assert_cmpint (test_util_trail_count (path), ==, trail_before);

  /* Remove */
  g_assert_false (paraat_workspace_remove_person (ws, anna, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_nonnull (paraat_workspace_find_person (ws, anna));
  g_assert_cmpint (test_util_trail_count (path), ==, trail_before);

  g_assert_true (paraat_workspace_remove_person (ws, carla, &error));
  g_assert_no_error (error);
  g_assert_null (paraat_workspace_find_person (ws, carla));
  g_assert_cmpuint (n_people (ws), ==, 2);
  g_assert_false (paraat_workspace_remove_person (ws, carla, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A removed person's name can be used again. */
  carla = paraat_workspace_add_person (ws, "Carla el Idrissi", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (carla, >, 0);

  /* Someone else can remove Anna once she is no longer the one working. */
  g_assert_false (paraat_workspace_set_actor (ws, 9999, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (paraat_person_get_id (paraat_workspace_get_actor (ws)), ==, anna);
  g_assert_true (paraat_workspace_set_actor (ws, bert, &error));
  g_assert_no_error (error);
  g_assert_true (paraat_workspace_remove_person (ws, anna, &error));
  g_assert_no_error (error);

  counts = paraat_workspace_count_rows (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "person")), ==, 2);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, "trail")), ==,
                   test_util_trail_count (path));

  g_clear_object (&ws);
  ws = paraat_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_people (ws), ==, 2);
  assert_person (ws, bert, "Bert JANSEN", "CISO", "");
  assert_person (ws, carla, "Carla el Idrissi", "", "");
  g_assert_null (paraat_workspace_find_person (ws, anna));
}

static void
test_actor_required (TestDir       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = test_util_create_closed (fixture->dir, "org.paraat");
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  ParaatSettings settings = {
    .organisation = (char *) "Other B.V.",
    .scope = (char *) "",
    .target_level = 4,
    .validity_months = 12,
  };
  ParaatPerson *anna;
  gint64 anna_id, trail_before;

  ws = paraat_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (paraat_workspace_get_actor (ws));
  anna = paraat_workspace_find_person_by_name (ws, "Anna de Boer");
  g_assert_nonnull (anna);
  anna_id = paraat_person_get_id (anna);
  trail_before = test_util_trail_count (path);

  g_assert_cmpint (paraat_workspace_add_person (ws, "Bert Jansen", "", "", &error), ==, 0);
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NO_ACTOR);
  g_clear_error (&error);

  g_assert_false (paraat_workspace_update_settings (ws, &settings, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NO_ACTOR);
  g_clear_error (&error);

  g_assert_false (paraat_workspace_update_person (ws, anna_id, "Anna de Boer", "ISMS owner",
                                                  "", &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NO_ACTOR);
  g_clear_error (&error);

  g_assert_false (paraat_workspace_remove_person (ws, anna_id, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NO_ACTOR);
  g_clear_error (&error);

  g_assert_cmpuint (n_people (ws), ==, 1);
  assert_person (ws, anna_id, "Anna de Boer", "", "");
  assert_settings (ws, "Voorbeeld B.V.", "", PARAAT_DEFAULT_TARGET, PARAAT_DEFAULT_VALIDITY);
  g_assert_cmpint (test_util_trail_count (path), ==, trail_before);

  /* Once someone is working, the same changes go through. */
  g_assert_true (paraat_workspace_set_actor (ws, anna_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (paraat_workspace_add_person (ws, "Bert Jansen", "", "", &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (paraat_workspace_update_settings (ws, &settings, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_util_trail_count (path), ==, trail_before + 2);
}

/* Files that must be refused, untouched */

static void
assert_open_refused (const char *path,
                     int         code)
{
  g_autoptr(GBytes) baseline = test_util_read_file (path);
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GError *error = NULL;

  ws = paraat_workspace_open (path, &error);
  g_assert_error (error, PARAAT_ERROR, code);
  g_assert_null (ws);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);
  test_util_assert_unchanged (path, baseline);

  /* A check reads, it never repairs. */
  if (paraat_check_file (path, &problems, &error))
    {
      g_assert_no_error (error);
      g_assert_cmpuint (problems->len, >, 0);
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == PARAAT_ERROR);
      g_clear_error (&error);
    }
  test_util_assert_unchanged (path, baseline);

  /* Trying again does not find a changed file either. */
  ws = paraat_workspace_open (path, &error);
  g_assert_error (error, PARAAT_ERROR, code);
  g_clear_error (&error);
  test_util_assert_unchanged (path, baseline);
}

static void
test_bad_not_sqlite (TestDir       *fixture,
                     gconstpointer  data)
{
  static const guchar png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
  };
  g_autofree char *text = test_dir_path (fixture, "notes.paraat");
  g_autofree char *empty = test_dir_path (fixture, "empty.paraat");
  g_autofree char *image = test_dir_path (fixture, "image.paraat");
  g_autofree char *short_header = test_dir_path (fixture, "short.paraat");
  g_autoptr(GByteArray) png_bytes = g_byte_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (27001);
  const char *lines = "Minutes of the management review\nNothing to see here.\n";

  test_util_write_file (text, lines, strlen (lines));
  assert_open_refused (text, PARAAT_ERROR_NOT_SQLITE);

  /* SQLite would happily treat an empty file as a new database. */
  test_util_write_file (empty, "", 0);
  assert_open_refused (empty, PARAAT_ERROR_NOT_SQLITE);
  g_assert_cmpint (test_util_file_size (empty), ==, 0);

  g_byte_array_append (png_bytes, png, sizeof png);
  for (guint i = 0; i < 4096; i++)
    {
      guint8 b = g_rand_int_range (rand, 0, 256);
      g_byte_array_append (png_bytes, &b, 1);
    }
  test_util_write_file (image, png_bytes->data, png_bytes->len);
  assert_open_refused (image, PARAAT_ERROR_NOT_SQLITE);

  /* The magic string alone, without a full header. */
  test_util_write_file (short_header, "SQLite format 3", 16);
  assert_open_refused (short_header, PARAAT_ERROR_NOT_SQLITE);
}

static void
test_bad_foreign (TestDir       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "other.paraat");
  g_autofree char *wal_path = test_dir_path (fixture, "other-wal.paraat");

  {
    g_autoptr(TestDb) raw = test_util_raw_open (path, FALSE, FALSE);
    test_util_raw_exec (raw, "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT);"
                             "INSERT INTO contacts (name) VALUES ('Anna'), ('Bert');");
    g_assert_cmpint (test_util_raw_int (raw, "PRAGMA application_id"), ==, 0);
  }
  assert_open_refused (path, PARAAT_ERROR_FOREIGN);

  /* Another program's WAL database with a user_version that looks like ours. */
  {
    g_autoptr(TestDb) raw = test_util_raw_open (wal_path, FALSE, FALSE);
    test_util_raw_exec (raw, "PRAGMA journal_mode = WAL;"
                             "CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT);"
                             "PRAGMA user_version = 1;");
  }
  assert_open_refused (wal_path, PARAAT_ERROR_FOREIGN);
}

static void
test_bad_truncated (TestDir       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = test_util_create_closed (fixture->dir, "org.paraat");
  g_autofree char *copy = test_dir_path (fixture, "cut.paraat");
  g_autofree char *odd = test_dir_path (fixture, "odd.paraat");
  goffset size = test_util_file_size (path);

  g_assert_cmpint (size, >=, 4 * 4096);
  test_util_copy_file (path, copy);
  test_util_truncate_file (copy, size / 2);
  assert_open_refused (copy, PARAAT_ERROR_CORRUPT);

  /* Cut off in the middle of a page. */
  test_util_copy_file (path, odd);
  test_util_truncate_file (odd, size - 1000);
  assert_open_refused (odd, PARAAT_ERROR_CORRUPT);
}

/* Overwrites every page but the first (header and schema) and the last with garbage. */
static void
corrupt_middle_pages (const char *path)
{
  g_autoptr(GBytes) bytes = test_util_read_file (path);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  gsize len = g_bytes_get_size (bytes);
  guchar *data = g_memdup2 (g_bytes_get_data (bytes, NULL), len);
  guint page_size = (data[16] << 8) | data[17];

  g_assert_cmpuint (len / page_size, >=, 4);
  for (gsize i = page_size; i < len - page_size; i++)
    data[i] = g_rand_int_range (rand, 0, 256);
  test_util_write_file (path, data, len);
  g_free (data);
}

/* Garbles one page: the root of an index that opening a workspace does not otherwise read,
 * so only an integrity check can notice. */
static void
corrupt_index_page (const char *path,
                    const char *index)
{
  g_autoptr(GBytes) bytes = test_util_read_file (path);
  gsize len = g_bytes_get_size (bytes);
  guchar *garbage = g_memdup2 (g_bytes_get_data (bytes, NULL), len);
  guint page_size = (garbage[16] << 8) | garbage[17];
  g_autofree char *sql = g_strdup_printf ("SELECT rootpage FROM sqlite_schema WHERE name = '%s'",
                                          index);
  gint64 page;

  {
    g_autoptr(TestDb) db = test_util_raw_open (path, TRUE, FALSE);
    page = test_util_raw_int (db, sql);
  }
  g_assert_cmpint (page, >, 1);
  g_assert_cmpuint (page * page_size, <=, len);
  for (gsize i = (gsize) (page - 1) * page_size; i < (gsize) page * page_size; i++)
    garbage[i] = (guchar) (i * 31 % 253);
  test_util_write_file (path, garbage, len);
  g_free (garbage);
}

static char *
make_bigger_workspace (const char *dir,
                       const char *basename)
{
  g_autofree char *path = g_build_filename (dir, basename, NULL);
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;

  ws = paraat_workspace_create (path, "Voorbeeld B.V.", "Anna de Boer", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Medewerker Nummer %u", i);
      g_assert_cmpint (paraat_workspace_add_person (ws, name, "Developer with a long role "
                                                    "description", NULL, &error), >, 0);
      g_assert_no_error (error);
    }
  paraat_workspace_close (ws);
  return g_steal_pointer (&path);
}

static void
test_bad_corrupt (TestDir       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = make_bigger_workspace (fixture->dir, "org.paraat");
  g_autofree char *copy = test_dir_path (fixture, "damaged.paraat");
  g_autofree char *index_copy = test_dir_path (fixture, "damaged-index.paraat");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  test_util_copy_file (path, copy);
  corrupt_middle_pages (copy);
  assert_open_refused (copy, PARAAT_ERROR_CORRUPT);

  test_util_copy_file (path, index_copy);
  corrupt_index_page (index_copy, "trail_time");
  assert_open_refused (index_copy, PARAAT_ERROR_CORRUPT);

  /* The original, healthy file checks clean. */
  g_assert_true (paraat_check_file (path, &problems, &error));
  g_assert_no_error (error);
  test_util_assert_no_problems (problems);
}

static void
test_bad_too_new (TestDir       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = test_util_create_closed (fixture->dir, "org.paraat");

  {
    g_autoptr(TestDb) raw = test_util_raw_open (path, FALSE, FALSE);
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                            PARAAT_SCHEMA_VERSION + 1);
    test_util_raw_exec (raw, sql);
  }
  assert_open_refused (path, PARAAT_ERROR_TOO_NEW);
}

static void
test_bad_locked (TestDir       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = test_util_create_closed (fixture->dir, "org.paraat");
  g_autoptr(ParaatWorkspace) first = NULL;
  g_autoptr(ParaatWorkspace) second = NULL;
  GError *error = NULL;

  first = paraat_workspace_open (path, &error);
  g_assert_no_error (error);

  second = paraat_workspace_open (path, &error);
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_LOCKED);
  g_assert_null (second);
  g_clear_error (&error);

  /* A workspace that was just created counts as open, too. */
  {
    g_autofree char *fresh = test_dir_path (fixture, "fresh.paraat");
    g_autoptr(ParaatWorkspace) created = paraat_workspace_create (fresh, "Voorbeeld B.V.",
                                                                  "Anna de Boer", &error);
    g_autoptr(ParaatWorkspace) again = NULL;

    g_assert_no_error (error);
    again = paraat_workspace_open (fresh, &error);
    g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_LOCKED);
    g_assert_null (again);
    g_clear_error (&error);
  }

  paraat_workspace_close (first);
  second = paraat_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);

  /* Dropping the last reference releases the lock as well. */
  g_clear_object (&second);
  g_clear_object (&first);
  first = paraat_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
}

static void
test_bad_paths (TestDir       *fixture,
                gconstpointer  data)
{
  g_autofree char *missing = test_dir_path (fixture, "missing.paraat");
  g_autofree char *folder = test_dir_path (fixture, "folder.paraat");
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GError *error = NULL;

  ws = paraat_workspace_open (missing, &error);
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND);
  g_assert_null (ws);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_assert_false (paraat_check_file (missing, &problems, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  ws = paraat_workspace_open (folder, &error);
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_SQLITE);
  g_assert_null (ws);
  g_clear_error (&error);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
}

/* Read-only: root may write anywhere, so as root the checks run in a child process that
 * first becomes an unprivileged user. */

static void
check_read_only_cases (const char *ro_file,
                       const char *ro_folder_file)
{
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GError *error = NULL;

  g_assert_cmpint (access (ro_file, W_OK), !=, 0);

  ws = paraat_workspace_open (ro_file, &error);
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_READ_ONLY);
  g_assert_null (ws);
  g_clear_error (&error);

  ws = paraat_workspace_open (ro_folder_file, &error);
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_READ_ONLY);
  g_assert_null (ws);
  g_clear_error (&error);

  /* A read-only file can still be checked. */
  g_assert_true (paraat_check_file (ro_file, &problems, &error));
  g_assert_no_error (error);
  test_util_assert_no_problems (problems);
}

/* …also when it lies in a read-only folder (a handed-over copy, a read-only share). */
static void
check_read_only_folder (const char *ro_folder_file)
{
  g_autoptr(GPtrArray) problems = NULL;
  GError *error = NULL;

  g_assert_true (paraat_check_file (ro_folder_file, &problems, &error));
  g_assert_no_error (error);
  test_util_assert_no_problems (problems);
}

static void
drop_privileges (void)
{
  g_assert_cmpint (setgroups (0, NULL), ==, 0);
  g_assert_cmpint (setgid (NOBODY_ID), ==, 0);
  g_assert_cmpint (setuid (NOBODY_ID), ==, 0);
  g_assert_cmpint (geteuid (), ==, NOBODY_ID);
}

static void
test_bad_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *file_dir = NULL;
  g_autofree char *folder_dir = NULL;
  g_autofree char *ro_file = NULL;
  g_autofree char *ro_folder_file = NULL;
  g_autoptr(GBytes) file_baseline = NULL;
  g_autoptr(GBytes) folder_baseline = NULL;
  gboolean as_root = geteuid () == 0;

  if (g_test_subprocess ())
    {
      drop_privileges ();
      if (g_str_equal (g_getenv ("PARAAT_TEST_RO_PART"), "file"))
        check_read_only_cases (g_getenv ("PARAAT_TEST_RO_FILE"),
                               g_getenv ("PARAAT_TEST_RO_FOLDER_FILE"));
      else
        check_read_only_folder (g_getenv ("PARAAT_TEST_RO_FOLDER_FILE"));
      return;
    }

  dir = test_util_make_tmpdir ();
  file_dir = g_build_filename (dir, "a", NULL);
  folder_dir = g_build_filename (dir, "b", NULL);
  g_assert_cmpint (g_mkdir (file_dir, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (folder_dir, 0755), ==, 0);
  ro_file = test_util_create_closed (file_dir, "org.paraat");
  ro_folder_file = test_util_create_closed (folder_dir, "org.paraat");

  if (as_root)
    {
      g_assert_cmpint (chmod (dir, 0755), ==, 0);
      g_assert_cmpint (chown (file_dir, NOBODY_ID, NOBODY_ID), ==, 0);
      g_assert_cmpint (chown (folder_dir, NOBODY_ID, NOBODY_ID), ==, 0);
      g_assert_cmpint (chown (ro_file, NOBODY_ID, NOBODY_ID), ==, 0);
      g_assert_cmpint (chown (ro_folder_file, NOBODY_ID, NOBODY_ID), ==, 0);
    }
  g_assert_cmpint (chmod (ro_file, 0444), ==, 0);
  g_assert_cmpint (chmod (folder_dir, 0555), ==, 0);

  file_baseline = test_util_read_file (ro_file);
  folder_baseline = test_util_read_file (ro_folder_file);

  if (as_root)
    {
      g_setenv ("PARAAT_TEST_RO_FILE", ro_file, TRUE);
      g_setenv ("PARAAT_TEST_RO_FOLDER_FILE", ro_folder_file, TRUE);

      g_setenv ("PARAAT_TEST_RO_PART", "file", TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();

      g_setenv ("PARAAT_TEST_RO_PART", "folder", TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();

      g_unsetenv ("PARAAT_TEST_RO_PART");
      g_unsetenv ("PARAAT_TEST_RO_FILE");
      g_unsetenv ("PARAAT_TEST_RO_FOLDER_FILE");
    }
  else
    {
      check_read_only_cases (ro_file, ro_folder_file);
      check_read_only_folder (ro_folder_file);
    }

  test_util_assert_unchanged (ro_file, file_baseline);
  test_util_assert_unchanged (ro_folder_file, folder_baseline);

  test_util_rm_rf (dir);
}

/* Checks */

static void
test_check_healthy (TestDir       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = test_util_create_closed (fixture->dir, "org.paraat");
  g_autoptr(GBytes) baseline = test_util_read_file (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  ParaatTrailReport report;

  g_assert_true (paraat_check_file (path, &problems, &error));
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  test_util_assert_no_problems (problems);
  test_util_assert_unchanged (path, baseline);

  g_assert_true (paraat_check_verify_trail (path, &report, &error));
  g_assert_no_error (error);
  g_assert_null (report.problem);
  g_assert_cmpint (report.n_entries, ==, test_util_trail_count (path));
  paraat_trail_report_clear (&report);
  test_util_assert_unchanged (path, baseline);
}

/* After a crash, commits may still be in the write-ahead log only: the file's header then
 * shows an older schema version than the workspace has. */
static void
test_pending_wal (TestDir       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = test_util_create_closed (fixture->dir, "org.paraat");
  g_autofree char *set_current = g_strdup_printf ("PRAGMA user_version = %d",
                                                  PARAAT_SCHEMA_VERSION);
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  gint64 entries = test_util_trail_count (path);

  {
    g_autoptr(TestDb) raw = test_util_raw_open (path, FALSE, TRUE);
    test_util_raw_exec (raw, "PRAGMA user_version = 1");
  }
  {
    g_autoptr(TestDb) raw = test_util_raw_open (path, FALSE, TRUE);
    sqlite3_db_config (raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
    test_util_raw_exec (raw, set_current);
  }

  ws = paraat_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (paraat_workspace_get_schema_version (ws), ==, PARAAT_SCHEMA_VERSION);
  g_assert_null (paraat_workspace_get_backup_path (ws));
  g_clear_object (&ws);
  g_assert_cmpint (test_util_trail_count (path), ==, entries);
}

/* Migration from schema version 1 */

static void
test_migration (TestDir       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = test_util_create_closed (fixture->dir, "org.paraat");
  g_autofree char *expected_backup = NULL;
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  ParaatTrailReport report;
  gint64 entries_before;
  g_autofree char *uuid = NULL;
  static const char index_sql[] =
    "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
    " AND name IN ('trail_actor', 'trail_object', 'trail_time')";

  ws = paraat_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (paraat_workspace_get_backup_path (ws));
  uuid = g_strdup (paraat_workspace_get_uuid (ws));
  g_clear_object (&ws);

  /* Turn the file back into a version 1 workspace. */
  {
    g_autoptr(TestDb) raw = test_util_raw_open (path, FALSE, TRUE);
    g_assert_cmpint (test_util_raw_int (raw, index_sql), ==, 3);
    test_util_raw_exec (raw, "DROP INDEX trail_actor;"
                             "DROP INDEX trail_object;"
                             "DROP INDEX trail_time;"
                             "DROP TABLE exception_requirement;"
                             "DROP TABLE exception;"
                             "DROP TABLE risk_action;"
                             "DROP TABLE risk_requirement;"
                             "DROP TABLE risk_scope_item;"
                             "DROP TABLE risk;"
                             "DROP TABLE scope_item;"
                             "DROP TABLE action_due_change;"
                             "DROP TABLE action_evidence;"
                             "DROP TABLE action_requirement;"
                             "DROP TABLE action;"
                             "DROP TABLE review_addendum;"
                             "DROP TABLE review_decision;"
                             "DROP TABLE review_input;"
                             "DROP TABLE review_attendee;"
                             "DROP TABLE review;"
                             "DROP TABLE scan_cover;"
                             "DROP TABLE scan_question;"
                             "DROP TABLE scan_framework;"
                             "DROP TABLE scan;"
                             "DROP TABLE evidence_link;"
                             "DROP TABLE evidence_revision;"
                             "DROP TABLE evidence;"
                             "DROP TABLE blob_chunk;"
                             "DROP TABLE blob;"
                             "DROP TABLE requirement_link;"
                             "DROP TABLE requirement;"
                             "DROP TABLE requirement_group;"
                             "DROP TABLE framework_level;"
                             "DROP TABLE framework;"
                             "PRAGMA user_version = 1;");
  }
  entries_before = test_util_trail_count (path);

  ws = paraat_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ws);
  g_assert_cmpint (paraat_workspace_get_schema_version (ws), ==, PARAAT_SCHEMA_VERSION);
  g_assert_cmpstr (paraat_workspace_get_uuid (ws), ==, uuid);
  g_assert_cmpstr (paraat_workspace_get_organisation (ws), ==, "Voorbeeld B.V.");
  g_assert_nonnull (paraat_workspace_find_person_by_name (ws, "Anna de Boer"));

  expected_backup = g_strconcat (paraat_workspace_get_path (ws), ".bak-v1", NULL);
  g_assert_cmpstr (paraat_workspace_get_backup_path (ws), ==, expected_backup);
  g_assert_true (g_file_test (expected_backup, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&ws);

  {
    g_autoptr(TestDb) raw = test_util_raw_open (path, TRUE, FALSE);
    g_autofree char *action = NULL;
    g_autofree char *details = NULL;
    g_autofree char *field = NULL;
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;

    g_assert_cmpint (test_util_raw_int (raw, index_sql), ==, 3);
    g_assert_cmpint (test_util_raw_int (raw, "PRAGMA user_version"), ==,
                     PARAAT_SCHEMA_VERSION);
    /* Six upgrade steps, the second bringing the bundled frameworks, each in the trail. */
    action = test_util_raw_text (raw, "SELECT action FROM trail ORDER BY seq DESC LIMIT 1"
                                      " OFFSET 4");
    g_assert_cmpstr (action, ==, "import");
    g_assert_cmpint (test_util_raw_int (raw, "SELECT count(*) FROM framework"), ==, 2);
    g_assert_cmpint (test_util_raw_int (raw, "SELECT count(*) FROM evidence"), ==, 0);
    details = test_util_raw_text (raw, "SELECT details FROM trail WHERE action = 'migrate'"
                                       " ORDER BY seq DESC LIMIT 1 OFFSET 5");
    field = test_util_json_text (details, "$[0].field");
    before = test_util_json_text (details, "$[0].before");
    after = test_util_json_text (details, "$[0].after");
    g_assert_cmpstr (field, ==, "schema_version");
    g_assert_cmpstr (before, ==, "1");
    g_assert_cmpstr (after, ==, "2");
  }

  /* The backup is the version 1 file as it was. */
  {
    g_autoptr(TestDb) raw = test_util_raw_open (expected_backup, TRUE, FALSE);
    g_autofree char *integrity = test_util_raw_text (raw, "PRAGMA integrity_check");

    g_assert_cmpstr (integrity, ==, "ok");
    g_assert_cmpint (test_util_raw_int (raw, "PRAGMA user_version"), ==, 1);
    g_assert_cmpint (test_util_raw_int (raw, "PRAGMA application_id"), ==,
                     PARAAT_APPLICATION_ID);
    g_assert_cmpint (test_util_raw_int (raw, index_sql), ==, 0);
    g_assert_cmpint (test_util_raw_int (raw, "SELECT count(*) FROM trail"), ==,
                     entries_before);
  }

  g_assert_true (paraat_check_verify_trail (path, &report, &error));
  g_assert_no_error (error);
  g_assert_null (report.problem);
  g_assert_cmpint (report.first_bad_seq, ==, 0);
  g_assert_cmpint (report.n_entries, ==, entries_before + 8);
  paraat_trail_report_clear (&report);

  /* Opening again migrates nothing more. */
  ws = paraat_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (paraat_workspace_get_backup_path (ws));
  g_clear_object (&ws);
  g_assert_cmpint (test_util_trail_count (path), ==, entries_before + 8);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, TestDir, NULL, test_dir_setup, func, test_dir_teardown)

  ADD ("/workspace/create-and-reopen", test_create_and_reopen);
  ADD ("/workspace/create-refuses", test_create_refuses);
  ADD ("/workspace/file-format", test_file_format);
  ADD ("/workspace/open-async", test_open_async);
  ADD ("/workspace/settings", test_settings);
  ADD ("/workspace/people", test_people);
  ADD ("/workspace/actor-required", test_actor_required);
  ADD ("/workspace/bad-file/not-sqlite", test_bad_not_sqlite);
  ADD ("/workspace/bad-file/foreign", test_bad_foreign);
  ADD ("/workspace/bad-file/truncated", test_bad_truncated);
  ADD ("/workspace/bad-file/corrupt", test_bad_corrupt);
  ADD ("/workspace/bad-file/too-new", test_bad_too_new);
  ADD ("/workspace/bad-file/locked", test_bad_locked);
  ADD ("/workspace/bad-file/paths", test_bad_paths);
  g_test_add_func ("/workspace/bad-file/read-only", test_bad_read_only);
  ADD ("/workspace/check-healthy", test_check_healthy);
  ADD ("/workspace/migration", test_migration);
  ADD ("/workspace/pending-wal", test_pending_wal);

#undef ADD

  return g_test_run ();
}
