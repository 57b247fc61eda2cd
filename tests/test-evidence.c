/* test-evidence.c — evidence storage: import, dedupe, revisions, links, freshness, export
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <grp.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paraat-check.h"
#include "paraat-clock.h"
#include "paraat-demo.h"
#include "paraat-error.h"
#include "paraat-evidence.h"
#include "paraat-framework.h"
#include "paraat-requirement.h"
#include "test-util.h"

#define NOBODY_ID 65534
#define MIB (1024 * 1024)

/* Helpers */

static gint64
local_noon_ms (int year,
               int month,
               int day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, 12, 0, 0);

  return g_date_time_to_unix (dt) * 1000;
}

/* Every test runs on 15 June 2025, local time. */
static void
pin_clock (void)
{
  paraat_clock_set_fixed_ms (local_noon_ms (2025, 6, 15));
}

static ParaatWorkspace *
create_workspace (TestDir *fixture)
{
  g_autofree char *path = test_dir_path (fixture, "org.paraat");
  g_autoptr(GError) error = NULL;
  ParaatWorkspace *ws;

  pin_clock ();
  ws = paraat_workspace_create (path, "Voorbeeld B.V.", "Anna de Boer", &error);
  g_assert_no_error (error);
  return ws;
}

static char *
write_text (TestDir    *fixture,
            const char *name,
            const char *text)
{
  char *path = test_dir_path (fixture, name);

  test_util_write_file (path, text, strlen (text));
  return path;
}

/* Pseudo-random content (xorshift), different for each SEED. */
static void
write_random (const char *path,
              gsize       size,
              guint32     seed)
{
  g_autofree guint32 *buffer = g_malloc (MIB);
  FILE *file = fopen (path, "wb");
  guint32 x = seed | 1;

  g_assert_nonnull (file);
  while (size > 0)
    {
      gsize n = MIN (size, (gsize) MIB);

      for (gsize i = 0; i < MIB / 4; i++)
        {
          x ^= x << 13;
          x ^= x >> 17;
          x ^= x << 5;
          buffer[i] = x;
        }
      g_assert_cmpuint (fwrite (buffer, 1, n, file), ==, n);
      size -= n;
    }
  g_assert_cmpint (fclose (file), ==, 0);
}

static gint64
count_rows (ParaatWorkspace *ws,
            const char      *table)
{
  g_autoptr(TestDb) db = test_util_raw_open (paraat_workspace_get_path (ws), TRUE, FALSE);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return test_util_raw_int (db, sql);
}

typedef struct
{
  gint64 blobs;
  gint64 chunks;
  gint64 evidence;
  gint64 revisions;
  gint64 trail;
} Counts;

static Counts
take_counts (ParaatWorkspace *ws)
{
  return (Counts) {
    count_rows (ws, "blob"), count_rows (ws, "blob_chunk"), count_rows (ws, "evidence"),
    count_rows (ws, "evidence_revision"), count_rows (ws, "trail"),
  };
}

static void
assert_counts_equal (Counts a,
                     Counts b)
{
  g_assert_cmpint (a.blobs, ==, b.blobs);
  g_assert_cmpint (a.chunks, ==, b.chunks);
  g_assert_cmpint (a.evidence, ==, b.evidence);
  g_assert_cmpint (a.revisions, ==, b.revisions);
  g_assert_cmpint (a.trail, ==, b.trail);
}

/* The "after" value of FIELD in the latest trail entry, or NULL when it is not there. */
static char *
last_change (ParaatWorkspace *ws,
             const char      *field,
             const char      *which)
{
  g_autoptr(TestDb) db = test_util_raw_open (paraat_workspace_get_path (ws), TRUE, FALSE);
  g_autofree char *sql =
    g_strdup_printf ("SELECT (SELECT json_extract(value, '$.%s') FROM json_each(details)"
                     " WHERE json_extract(value, '$.field') = '%s')"
                     " FROM trail ORDER BY seq DESC LIMIT 1", which, field);

  return test_util_raw_text (db, sql);
}

static char *
last_trail_text (ParaatWorkspace *ws,
                 const char      *column)
{
  g_autoptr(TestDb) db = test_util_raw_open (paraat_workspace_get_path (ws), TRUE, FALSE);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM trail ORDER BY seq DESC LIMIT 1",
                                          column);

  return test_util_raw_text (db, sql);
}

static gint64
add_file (ParaatWorkspace          *ws,
          const char               *path,
          const ParaatEvidenceMeta *meta,
          gint64                    requirement)
{
  g_autoptr(GError) error = NULL;
  gint64 id = paraat_workspace_add_evidence (ws, path, meta, requirement, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static ParaatEvidence *
get_evidence (ParaatWorkspace *ws,
              gint64           id)
{
  g_autoptr(GError) error = NULL;
  ParaatEvidence *evidence = paraat_workspace_get_evidence (ws, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (evidence);
  return evidence;
}

static void
assert_same_file (const char *a,
                  const char *b)
{
  g_autoptr(GBytes) x = test_util_read_file (a);
  g_autoptr(GBytes) y = test_util_read_file (b);

  g_assert_true (g_bytes_equal (x, y));
}

static char *
sha256_of_file (const char *path)
{
  g_autoptr(GBytes) bytes = test_util_read_file (path);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static void
assert_healthy (ParaatWorkspace *ws)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  paraat_check_file (paraat_workspace_get_path (ws), &problems, &error);
  g_assert_no_error (error);
  test_util_assert_no_problems (problems);
}

/* Adding */

static void
test_add_defaults (TestDir       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autofree char *path = write_text (fixture, "Information security policy.md",
                                      "# Information security policy\n\nVersion 1.\n");
  g_autofree char *expected_hash = sha256_of_file (path);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ParaatEvidence) evidence = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *action = NULL;
  g_autofree char *type = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *title = NULL;
  g_autofree char *track = NULL;
  g_autofree char *size = NULL;
  gint64 id;

  g_signal_connect (ws, "changed", G_CALLBACK (test_util_record_change), seen);
  id = add_file (ws, path, NULL, 0);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "evidence");

  evidence = get_evidence (ws, id);
  g_assert_cmpint (paraat_evidence_get_id (evidence), ==, id);
  g_assert_cmpstr (paraat_evidence_get_title (evidence), ==, "Information security policy.md");
  g_assert_cmpuint (paraat_evidence_get_track (evidence), ==, PARAAT_TRACK_POLICY);
  g_assert_cmpstr (paraat_evidence_get_evidence_date (evidence), ==, "2025-06-15");
  g_assert_cmpstr (paraat_evidence_get_valid_until (evidence), ==, "2026-06-15");
  g_assert_cmpint (paraat_evidence_get_owner_id (evidence), ==, 0);
  g_assert_cmpstr (paraat_evidence_get_description (evidence), ==, "");
  g_assert_cmpint (paraat_evidence_get_revision (evidence), ==, 1);
  g_assert_cmpint (paraat_evidence_get_revision_id (evidence), >, 0);
  g_assert_cmpstr (paraat_evidence_get_file_name (evidence), ==,
                   "Information security policy.md");
  g_assert_nonnull (paraat_evidence_get_content_type (evidence));
  g_assert_cmpstr (paraat_evidence_get_hash (evidence), ==, expected_hash);
  g_assert_cmpint (paraat_evidence_get_size (evidence), ==, test_util_file_size (path));
  g_assert_cmpuint (paraat_evidence_get_n_links (evidence), ==, 0);
  g_assert_cmpint (paraat_evidence_get_freshness (evidence), ==, PARAAT_FRESHNESS_FRESH);

  all = paraat_workspace_list_evidence (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);

  /* One trail entry, naming the content by its SHA-256. */
  action = last_trail_text (ws, "action");
  type = last_trail_text (ws, "object_type");
  sha = last_change (ws, "sha256", "after");
  title = last_change (ws, "title", "after");
  track = last_change (ws, "track", "after");
  size = last_change (ws, "size", "after");
  g_assert_cmpstr (action, ==, "create");
  g_assert_cmpstr (type, ==, "evidence");
  g_assert_cmpstr (sha, ==, expected_hash);
  g_assert_cmpstr (title, ==, "Information security policy.md");
  g_assert_cmpstr (track, ==, "policy");
  g_assert_cmpint (g_ascii_strtoll (size, NULL, 10), ==, test_util_file_size (path));
  assert_healthy (ws);
}

static void
test_add_metadata (TestDir       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autofree char *path = write_text (fixture, "review.csv", "user,access,approved\n");
  gint64 owner = paraat_person_get_id (paraat_workspace_get_actor (ws));
  g_autoptr(ParaatEvidence) evidence = NULL;
  g_autofree char *long_title = g_strnfill (201, 'x');
  Counts before;
  ParaatEvidenceMeta meta = {
    .title = "  Access review Q2  ", .track = PARAAT_TRACK_OPERATION,
    .evidence_date = "2025-04-01", .owner_id = owner, .description = "Signed by the CTO",
  };
  const struct {
    ParaatEvidenceMeta meta;
  } bad[] = {
    { { .evidence_date = "2025-4-1" } },
    { { .evidence_date = "2025-02-30" } },
    { { .evidence_date = "yesterday" } },
    { { .valid_until = "2025-06-14" } },
    { { .title = "   " } },
    { { .title = long_title } },
    { { .track = PARAAT_TRACK_POLICY | PARAAT_TRACK_OPERATION } },
    { { .track = 8 } },
    { { .owner_id = 9999 } },
  };

  /* Given metadata is kept; valid-until follows the date plus the validity period. */
  evidence = get_evidence (ws, add_file (ws, path, &meta, 0));
  g_assert_cmpstr (paraat_evidence_get_title (evidence), ==, "Access review Q2");
  g_assert_cmpuint (paraat_evidence_get_track (evidence), ==, PARAAT_TRACK_OPERATION);
  g_assert_cmpstr (paraat_evidence_get_evidence_date (evidence), ==, "2025-04-01");
  g_assert_cmpstr (paraat_evidence_get_valid_until (evidence), ==, "2026-04-01");
  g_assert_cmpint (paraat_evidence_get_owner_id (evidence), ==, owner);
  g_assert_cmpstr (paraat_evidence_get_description (evidence), ==, "Signed by the CTO");

  /* Each bad field is refused and stores nothing. */
  before = take_counts (ws);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (paraat_workspace_add_evidence (ws, path, &bad[i].meta, 0, NULL, &error),
                       ==, 0);
      g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
    }
  {
    g_autoptr(GError) error = NULL;
    g_assert_cmpint (paraat_workspace_add_evidence (ws, path, NULL, 999999, NULL, &error), ==, 0);
    g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND);
  }
  assert_counts_equal (before, take_counts (ws));

  /* Exactly 200 characters is fine, also when they are not ASCII. */
  {
    g_autoptr(GString) title = g_string_new (NULL);
    ParaatEvidenceMeta ok = { .title = NULL };

    for (guint i = 0; i < 200; i++)
      g_string_append (title, "é");
    ok.title = title->str;
    add_file (ws, path, &ok, 0);
  }

  /* An owner of evidence cannot leave the directory. */
  {
    g_autoptr(GError) error = NULL;
    gint64 other = paraat_workspace_add_person (ws, "Bert Jansen", "", "", &error);

    g_assert_no_error (error);
    g_assert_true (paraat_workspace_set_actor (ws, other, &error));
    g_assert_false (paraat_workspace_remove_person (ws, owner, &error));
    g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
  }
}

static void
test_dedupe (TestDir       *fixture,
             gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autofree char *a = test_dir_path (fixture, "backup-test.log");
  g_autofree char *b = test_dir_path (fixture, "copy of backup-test.log");
  g_autoptr(ParaatEvidence) first = NULL;
  g_autoptr(ParaatEvidence) second = NULL;
  gsize size = 2 * MIB + 12345;

  write_random (a, size, 7);
  test_util_copy_file (a, b);

  first = get_evidence (ws, add_file (ws, a, NULL, 0));
  second = get_evidence (ws, add_file (ws, b, NULL, 0));

  g_assert_cmpint (paraat_evidence_get_id (first), !=, paraat_evidence_get_id (second));
  g_assert_cmpstr (paraat_evidence_get_hash (first), ==, paraat_evidence_get_hash (second));
  g_assert_cmpint (count_rows (ws, "evidence"), ==, 2);
  g_assert_cmpint (count_rows (ws, "blob"), ==, 1);
  g_assert_cmpint (count_rows (ws, "blob_chunk"), ==, 3);
  g_assert_cmpint (count_rows (ws, "blob WHERE hash IS NULL"), ==, 0);
  assert_healthy (ws);
}

static void
test_revisions (TestDir       *fixture,
                gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autofree char *v1 = test_dir_path (fixture, "supplier-list.csv");
  g_autofree char *v2 = test_dir_path (fixture, "supplier-list-2025.csv");
  g_autofree char *out1 = test_dir_path (fixture, "out1.csv");
  g_autofree char *out2 = test_dir_path (fixture, "out2.csv");
  g_autoptr(GListModel) revisions = NULL;
  g_autoptr(ParaatEvidence) first = NULL;
  g_autoptr(ParaatEvidence) latest = NULL;
  g_autoptr(ParaatEvidence) old = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file1 = NULL;
  g_autoptr(GFile) file2 = NULL;
  g_autofree char *action = NULL;
  g_autofree char *rev_before = NULL;
  g_autofree char *rev_after = NULL;
  g_autofree char *sha = NULL;
  gint64 id;

  write_random (v1, MIB + 10, 1);
  write_random (v2, 3 * MIB, 2);
  id = add_file (ws, v1, NULL, 0);
  first = get_evidence (ws, id);

  g_assert_true (paraat_workspace_add_revision (ws, id, v2, NULL, &error));
  g_assert_no_error (error);
  latest = get_evidence (ws, id);
  g_assert_cmpint (paraat_evidence_get_revision (latest), ==, 2);
  g_assert_cmpstr (paraat_evidence_get_file_name (latest), ==, "supplier-list-2025.csv");
  g_assert_cmpint (paraat_evidence_get_size (latest), ==, 3 * MIB);
  /* The item keeps its metadata; the title stays the first file's name. */
  g_assert_cmpstr (paraat_evidence_get_title (latest), ==, "supplier-list.csv");

  action = last_trail_text (ws, "action");
  rev_before = last_change (ws, "revision", "before");
  rev_after = last_change (ws, "revision", "after");
  sha = last_change (ws, "sha256", "after");
  g_assert_cmpstr (action, ==, "evidence");
  g_assert_cmpstr (rev_before, ==, "1");
  g_assert_cmpstr (rev_after, ==, "2");
  g_assert_cmpstr (sha, ==, paraat_evidence_get_hash (latest));

  revisions = paraat_workspace_list_revisions (ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 2);
  old = g_list_model_get_item (revisions, 0);
  g_assert_cmpint (paraat_evidence_get_revision (old), ==, 1);
  g_assert_cmpint (paraat_evidence_get_revision_id (old), ==,
                   paraat_evidence_get_revision_id (first));
  g_assert_cmpstr (paraat_evidence_get_hash (old), ==, paraat_evidence_get_hash (first));

  /* Both versions come back byte for byte. */
  file1 = g_file_new_for_path (out1);
  file2 = g_file_new_for_path (out2);
  g_assert_true (paraat_workspace_export_revision (ws, paraat_evidence_get_revision_id (old),
                                                   file1, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (paraat_workspace_export_revision (ws, paraat_evidence_get_revision_id (latest),
                                                   file2, NULL, &error));
  g_assert_no_error (error);
  assert_same_file (v1, out1);
  assert_same_file (v2, out2);

  /* A new version of an item that does not exist is refused. */
  g_assert_false (paraat_workspace_add_revision (ws, 4242, v2, NULL, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND);
  assert_healthy (ws);
}

static void
test_update (TestDir       *fixture,
             gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autofree char *path = write_text (fixture, "scan.txt", "0 critical, 2 high\n");
  gint64 owner = paraat_person_get_id (paraat_workspace_get_actor (ws));
  gint64 id = add_file (ws, path, NULL, 0);
  g_autoptr(ParaatEvidence) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *action = NULL;
  g_autofree char *title_before = NULL;
  g_autofree char *title_after = NULL;
  g_autofree char *track_after = NULL;
  g_autofree char *owner_after = NULL;
  g_autofree char *date_change = NULL;
  gint64 trail;
  ParaatEvidenceMeta meta = {
    .title = "Vulnerability scan summary", .track = PARAAT_TRACK_MONITORING,
    .valid_until = "2025-12-31", .owner_id = owner,
  };
  ParaatEvidenceMeta backwards = { .owner_id = owner, .valid_until = "2025-01-01" };

  g_assert_true (paraat_workspace_update_evidence (ws, id, &meta, &error));
  g_assert_no_error (error);
  after = get_evidence (ws, id);
  g_assert_cmpstr (paraat_evidence_get_title (after), ==, "Vulnerability scan summary");
  g_assert_cmpuint (paraat_evidence_get_track (after), ==, PARAAT_TRACK_MONITORING);
  g_assert_cmpstr (paraat_evidence_get_evidence_date (after), ==, "2025-06-15");
  g_assert_cmpstr (paraat_evidence_get_valid_until (after), ==, "2025-12-31");
  g_assert_cmpint (paraat_evidence_get_owner_id (after), ==, owner);

  action = last_trail_text (ws, "action");
  title_before = last_change (ws, "title", "before");
  title_after = last_change (ws, "title", "after");
  track_after = last_change (ws, "track", "after");
  owner_after = last_change (ws, "owner", "after");
  date_change = last_change (ws, "evidence_date", "after");
  g_assert_cmpstr (action, ==, "update");
  g_assert_cmpstr (title_before, ==, "scan.txt");
  g_assert_cmpstr (title_after, ==, "Vulnerability scan summary");
  g_assert_cmpstr (track_after, ==, "monitoring");
  g_assert_cmpstr (owner_after, ==, "Anna de Boer");
  g_assert_null (date_change);

  /* The same again is no change; a bad one is refused; neither writes an entry. */
  trail = count_rows (ws, "trail");
  g_assert_true (paraat_workspace_update_evidence (ws, id, &meta, &error));
  g_assert_false (paraat_workspace_update_evidence (ws, id, &backwards, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (paraat_workspace_update_evidence (ws, 4242, &meta, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND);
  g_assert_cmpint (count_rows (ws, "trail"), ==, trail);
}

static void
test_links (TestDir       *fixture,
            gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autofree char *path = write_text (fixture, "policy.md", "# Policy\n");
  gint64 policy_req = test_util_requirement_id (ws, "iso27001-2022", "A.5.1");
  gint64 nis2_req = test_util_requirement_id (ws, "nis2", "21(2)(a)");
  g_autoptr(GListModel) links = NULL;
  g_autoptr(GListModel) for_req = NULL;
  g_autoptr(ParaatEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *linked = NULL;
  g_autofree char *action = NULL;
  g_autofree char *unlinked = NULL;
  gint64 id, trail;

  id = add_file (ws, path, NULL, policy_req);
  linked = last_change (ws, "requirement", "after");
  g_assert_nonnull (strstr (linked, "A.5.1"));

  g_assert_true (paraat_workspace_link_evidence (ws, id, nis2_req, &error));
  g_assert_no_error (error);
  g_clear_pointer (&action, g_free);
  action = last_trail_text (ws, "action");
  g_assert_cmpstr (action, ==, "link");

  evidence = get_evidence (ws, id);
  g_assert_cmpuint (paraat_evidence_get_n_links (evidence), ==, 2);
  links = paraat_workspace_list_evidence_links (ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 2);
  for_req = paraat_workspace_list_evidence_for_requirement (ws, nis2_req, &error);
  g_assert_cmpuint (g_list_model_get_n_items (for_req), ==, 1);

  /* Linking twice is no change. */
  trail = count_rows (ws, "trail");
  g_assert_true (paraat_workspace_link_evidence (ws, id, nis2_req, &error));
  g_assert_cmpint (count_rows (ws, "trail"), ==, trail);

  g_assert_true (paraat_workspace_unlink_evidence (ws, id, policy_req, &error));
  g_assert_no_error (error);
  g_clear_pointer (&action, g_free);
  action = last_trail_text (ws, "action");
  unlinked = last_change (ws, "requirement", "before");
  g_assert_cmpstr (action, ==, "unlink");
  g_assert_nonnull (strstr (unlinked, "A.5.1"));
  g_assert_cmpint (count_rows (ws, "evidence_link"), ==, 1);

  g_assert_false (paraat_workspace_link_evidence (ws, id, 999999, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (paraat_workspace_link_evidence (ws, 4242, nis2_req, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND);
  assert_healthy (ws);
}

/* Freshness */

static ParaatFreshness
freshness_of (ParaatWorkspace *ws,
              gint64           id)
{
  g_autoptr(ParaatEvidence) evidence = get_evidence (ws, id);

  return paraat_evidence_get_freshness (evidence);
}

static gint64
add_valid_until (ParaatWorkspace *ws,
                 const char      *path,
                 guint            track,
                 const char      *date,
                 const char      *valid_until,
                 gint64           requirement)
{
  ParaatEvidenceMeta meta = { .track = track, .evidence_date = date,
                              .valid_until = valid_until };

  return add_file (ws, path, &meta, requirement);
}

static void
test_freshness (TestDir       *fixture,
                gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autofree char *path = write_text (fixture, "log.txt", "backup restored\n");
  gint64 yesterday = add_valid_until (ws, path, 0, "2024-06-14", "2025-06-14", 0);
  gint64 today = add_valid_until (ws, path, 0, "2024-06-15", "2025-06-15", 0);
  gint64 day30 = add_valid_until (ws, path, 0, "2025-01-01", "2025-07-15", 0);
  gint64 day31 = add_valid_until (ws, path, 0, "2025-01-01", "2025-07-16", 0);

  g_assert_cmpint (freshness_of (ws, yesterday), ==, PARAAT_FRESHNESS_STALE);
  g_assert_cmpint (freshness_of (ws, today), ==, PARAAT_FRESHNESS_EXPIRING);
  g_assert_cmpint (freshness_of (ws, day30), ==, PARAAT_FRESHNESS_EXPIRING);
  g_assert_cmpint (freshness_of (ws, day31), ==, PARAAT_FRESHNESS_FRESH);

  /* A day later the boundaries move with the clock. */
  paraat_clock_set_fixed_ms (local_noon_ms (2025, 6, 16));
  g_assert_cmpint (freshness_of (ws, today), ==, PARAAT_FRESHNESS_STALE);
  g_assert_cmpint (freshness_of (ws, day31), ==, PARAAT_FRESHNESS_EXPIRING);

  g_assert_cmpstr (paraat_freshness_label (PARAAT_FRESHNESS_STALE), ==, "Stale");
  g_assert_cmpstr (paraat_track_label (PARAAT_TRACK_MONITORING), ==, "Monitoring");
  pin_clock ();
}

static gboolean
model_has (GListModel *requirements,
           gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(ParaatRequirement) r = g_list_model_get_item (requirements, i);
      if (paraat_requirement_get_id (r) == id)
        return TRUE;
    }
  return FALSE;
}

static GListModel *
policy_only (ParaatWorkspace *ws)
{
  g_autoptr(GError) error = NULL;
  GListModel *found = paraat_workspace_list_policy_only (ws, &error);

  g_assert_no_error (error);
  return found;
}

static void
test_fresh_tracks (TestDir       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autofree char *path = write_text (fixture, "doc.txt", "evidence\n");
  gint64 only_policy = test_util_requirement_id (ws, "iso27001-2022", "A.5.1");
  gint64 mixed = test_util_requirement_id (ws, "iso27001-2022", "A.8.13");
  gint64 stale_only = test_util_requirement_id (ws, "iso27001-2022", "A.5.24");
  gint64 monitored = test_util_requirement_id (ws, "nis2", "21(2)(f)");
  gint64 excluded = test_util_requirement_id (ws, "iso27001-2022", "A.7.10");
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;
  ParaatRequirementState not_applicable = {
    .applicable = FALSE, .justification = "No removable media in use",
  };

  /* Fresh policy, and an operation record that went stale: policy only. */
  add_valid_until (ws, path, PARAAT_TRACK_POLICY, "2025-01-10", "2026-01-10", only_policy);
  add_valid_until (ws, path, PARAAT_TRACK_OPERATION, "2024-01-10", "2025-01-10", only_policy);
  /* Policy and operation, both current (one expiring soon). */
  add_valid_until (ws, path, PARAAT_TRACK_POLICY, "2025-01-10", "2026-01-10", mixed);
  add_valid_until (ws, path, PARAAT_TRACK_OPERATION, "2024-07-01", "2025-07-01", mixed);
  /* Only stale policy evidence. */
  add_valid_until (ws, path, PARAAT_TRACK_POLICY, "2023-01-10", "2024-01-10", stale_only);
  add_valid_until (ws, path, PARAAT_TRACK_MONITORING, "2025-06-01", "2026-06-01", monitored);
  add_valid_until (ws, path, PARAAT_TRACK_POLICY, "2025-06-01", "2026-06-01", excluded);
  g_assert_true (paraat_workspace_update_requirement (ws, excluded, &not_applicable, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (paraat_workspace_get_fresh_tracks (ws, only_policy), ==, PARAAT_TRACK_POLICY);
  g_assert_cmpuint (paraat_workspace_get_fresh_tracks (ws, mixed), ==,
                    PARAAT_TRACK_POLICY | PARAAT_TRACK_OPERATION);
  g_assert_cmpuint (paraat_workspace_get_fresh_tracks (ws, stale_only), ==, 0);
  g_assert_cmpuint (paraat_workspace_get_fresh_tracks (ws, monitored), ==,
                    PARAAT_TRACK_MONITORING);

  found = policy_only (ws);
  g_assert_true (model_has (found, only_policy));
  g_assert_false (model_has (found, mixed));
  g_assert_false (model_has (found, stale_only));
  g_assert_false (model_has (found, monitored));
  g_assert_false (model_has (found, excluded));
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);

  /* When the operation record expires, the mixed requirement is policy only as well. */
  paraat_clock_set_fixed_ms (local_noon_ms (2025, 7, 2));
  g_clear_object (&found);
  found = policy_only (ws);
  g_assert_true (model_has (found, mixed));
  g_assert_cmpuint (paraat_workspace_get_fresh_tracks (ws, mixed), ==, PARAAT_TRACK_POLICY);

  /* A disabled framework takes no part. */
  {
    g_autoptr(ParaatRequirement) r = paraat_workspace_get_requirement (ws, only_policy, &error);
    g_assert_true (paraat_workspace_set_framework_enabled (ws,
                                                           paraat_requirement_get_framework_id (r),
                                                           FALSE, &error));
    g_clear_object (&found);
    found = policy_only (ws);
    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
  }
  pin_clock ();
}

/* Export and verification */

static void
assert_no_partial_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".partial"))
      g_error ("A partial export was left behind: %s", name);
}

static void
test_export (TestDir       *fixture,
             gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autofree char *source = test_dir_path (fixture, "training.csv");
  g_autofree char *target = test_dir_path (fixture, "exported.csv");
  g_autofree char *nowhere = test_dir_path (fixture, "missing-folder/exported.csv");
  g_autoptr(ParaatEvidence) evidence = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GFile) bad = g_file_new_for_path (nowhere);
  g_autoptr(GError) error = NULL;

  write_random (source, 2 * MIB + 1, 11);
  evidence = get_evidence (ws, add_file (ws, source, NULL, 0));

  g_assert_true (paraat_workspace_export_revision (ws, paraat_evidence_get_revision_id (evidence),
                                                   file, NULL, &error));
  g_assert_no_error (error);
  assert_same_file (source, target);

  /* Over an existing file: replaced whole. */
  test_util_write_file (target, "old", 3);
  g_assert_true (paraat_workspace_export_revision (ws, paraat_evidence_get_revision_id (evidence),
                                                   file, NULL, &error));
  assert_same_file (source, target);

  g_assert_false (paraat_workspace_export_revision (ws, paraat_evidence_get_revision_id (evidence),
                                                    bad, NULL, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));

  g_assert_false (paraat_workspace_export_revision (ws, 4242, file, NULL, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND);
  assert_same_file (source, target);
  assert_no_partial_files (fixture->dir);
}

static void
test_sanitize (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "../../etc/passwd", "_.._etc_passwd" },
    { "con", "_con" },
    { "CON.txt", "_CON.txt" },
    { "lpt1", "_lpt1" },
    { "console.txt", "console.txt" },
    { "", "evidence" },
    { "...", "evidence" },
    { ".hidden", "hidden" },
    { "a/b\\c", "a_b_c" },
    { "tab\there\nnew", "tab_here_new" },
    { "report.pdf. ", "report.pdf" },
    { "what?<>:*|\".txt", "what_______.txt" },
    { "Beleid informatiebeveiliging.pdf", "Beleid informatiebeveiliging.pdf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *safe = paraat_sanitize_file_name (cases[i].in);
      g_assert_cmpstr (safe, ==, cases[i].out);
    }

  {
    g_autofree char *null_name = paraat_sanitize_file_name (NULL);
    g_assert_cmpstr (null_name, ==, "evidence");
  }

  /* Long names are cut on a character boundary and keep their extension. */
  {
    g_autoptr(GString) name = g_string_new (NULL);
    g_autofree char *safe = NULL;

    for (guint i = 0; i < 150; i++)
      g_string_append (name, "ë");
    g_string_append (name, ".pdf");
    g_assert_cmpuint (name->len, ==, 304);
    safe = paraat_sanitize_file_name (name->str);
    g_assert_cmpuint (strlen (safe), <=, 200);
    g_assert_true (g_utf8_validate (safe, -1, NULL));
    g_assert_true (g_str_has_suffix (safe, ".pdf"));
  }
  {
    g_autofree char *name = g_strnfill (300, 'a');
    g_autofree char *safe = paraat_sanitize_file_name (name);
    g_assert_cmpuint (strlen (safe), ==, 200);
  }
  /* Control characters anywhere, and invalid UTF-8. */
  {
    g_autofree char *safe = paraat_sanitize_file_name ("\x01\x1f\x7f" "x\xff.txt");
    g_assert_true (g_utf8_validate (safe, -1, NULL));
    g_assert_null (strpbrk (safe, "\x01\x1f\x7f/\\"));
  }
}

static void
test_verify (TestDir       *fixture,
             gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autofree char *source = test_dir_path (fixture, "incident-exercise.md");
  g_autofree char *target = test_dir_path (fixture, "out.md");
  g_autoptr(ParaatEvidence) evidence = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GError) error = NULL;
  gint64 revision;

  write_random (source, 3 * MIB, 5);
  evidence = get_evidence (ws, add_file (ws, source, NULL, 0));
  revision = paraat_evidence_get_revision_id (evidence);

  g_assert_true (paraat_workspace_verify_revision (ws, revision, NULL, &error));
  g_assert_no_error (error);

  /* One byte of one chunk changed behind Paraat's back. */
  {
    g_autoptr(TestDb) raw = test_util_raw_open (paraat_workspace_get_path (ws), FALSE, TRUE);
    test_util_raw_exec (raw, "UPDATE blob_chunk SET data = zeroblob(length(data)) WHERE seq = 1");
  }
  g_assert_false (paraat_workspace_verify_revision (ws, revision, NULL, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "SHA-256"));
  g_assert_nonnull (strstr (error->message, paraat_evidence_get_hash (evidence)));
  g_clear_error (&error);

  /* Corrupt content is never exported. */
  g_assert_false (paraat_workspace_export_revision (ws, revision, file, NULL, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  assert_no_partial_files (fixture->dir);

  /* A missing chunk is named as such. */
  {
    g_autoptr(TestDb) raw = test_util_raw_open (paraat_workspace_get_path (ws), FALSE, TRUE);
    test_util_raw_exec (raw, "DELETE FROM blob_chunk WHERE seq = 2");
  }
  g_assert_false (paraat_workspace_verify_revision (ws, revision, NULL, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "incomplete"));
}

/* Files that are refused */

static void
assert_refused (ParaatWorkspace *ws,
                const char      *path,
                int              code,
                const char      *words)
{
  g_autoptr(GError) error = NULL;
  Counts before = take_counts (ws);

  g_assert_cmpint (paraat_workspace_add_evidence (ws, path, NULL, 0, NULL, &error), ==, 0);
  g_assert_error (error, PARAAT_ERROR, code);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” refused with “%s”, expected it to mention “%s”", path, error->message,
             words);
  assert_counts_equal (before, take_counts (ws));
}

static void
test_bad_files (TestDir       *fixture,
                gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autofree char *empty = write_text (fixture, "empty.txt", "");
  g_autofree char *folder = test_dir_path (fixture, "folder");
  g_autofree char *fifo = test_dir_path (fixture, "pipe");
  g_autofree char *loop_a = test_dir_path (fixture, "loop-a");
  g_autofree char *loop_b = test_dir_path (fixture, "loop-b");
  g_autofree char *missing = test_dir_path (fixture, "missing.pdf");

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (symlink (loop_b, loop_a), ==, 0);
  g_assert_cmpint (symlink (loop_a, loop_b), ==, 0);

  assert_refused (ws, empty, PARAAT_ERROR_INVALID, "empty");
  assert_refused (ws, folder, PARAAT_ERROR_INVALID, "folder");
  assert_refused (ws, fifo, PARAAT_ERROR_INVALID, "not an ordinary file");
  assert_refused (ws, "/dev/null", PARAAT_ERROR_INVALID, "not an ordinary file");
  assert_refused (ws, loop_a, PARAAT_ERROR_IO, "link");
  assert_refused (ws, missing, PARAAT_ERROR_NOT_FOUND, "does not exist");
  assert_healthy (ws);
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
check_unreadable (const char *workspace,
                  const char *secret)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatWorkspace) ws = paraat_workspace_open (workspace, &error);

  g_assert_no_error (error);
  g_assert_true (paraat_workspace_set_actor (ws, 1, &error));
  assert_refused (ws, secret, PARAAT_ERROR_IO, "cannot be read");
}

static void
test_unreadable (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *secret = NULL;

  if (g_test_subprocess ())
    {
      drop_privileges ();
      check_unreadable (g_getenv ("PARAAT_TEST_WORKSPACE"), g_getenv ("PARAAT_TEST_SECRET"));
      return;
    }

  pin_clock ();
  dir = test_util_make_tmpdir ();
  workspace = test_util_create_closed (dir, "org.paraat");
  secret = g_build_filename (dir, "salaries.xlsx", NULL);
  test_util_write_file (secret, "confidential", 12);
  g_assert_cmpint (chmod (secret, 0000), ==, 0);

  if (geteuid () == 0)
    {
      g_assert_cmpint (chmod (dir, 0755), ==, 0);
      g_assert_cmpint (chown (dir, NOBODY_ID, NOBODY_ID), ==, 0);
      g_assert_cmpint (chown (workspace, NOBODY_ID, NOBODY_ID), ==, 0);
      g_setenv ("PARAAT_TEST_WORKSPACE", workspace, TRUE);
      g_setenv ("PARAAT_TEST_SECRET", secret, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      g_unsetenv ("PARAAT_TEST_WORKSPACE");
      g_unsetenv ("PARAAT_TEST_SECRET");
    }
  else
    {
      check_unreadable (workspace, secret);
    }

  test_util_rm_rf (dir);
}

/* The asynchronous import */

typedef struct
{
  GCancellable  *cancellable;
  const char    *append_to;      /* appended to on the first progress report */
  gboolean       cancel;         /* cancel on the first progress report */
  guint          n_progress;
  goffset        last_done;
  goffset        last_total;
  gboolean       changed_before_done;
  GPtrArray     *seen;
  gboolean       done;
  gint64         id;
  GError        *error;
} AsyncRun;

static void
on_progress_cb (goffset  done,
                goffset  total,
                gpointer user_data)
{
  AsyncRun *run = user_data;

  g_assert_false (run->done);
  g_assert_cmpint (done, >=, run->last_done);
  run->last_done = done;
  run->last_total = total;
  if (run->n_progress++ > 0)
    return;

  if (run->append_to != NULL)
    {
      FILE *file = fopen (run->append_to, "ab");
      g_assert_nonnull (file);
      fputs ("a late line\n", file);
      fclose (file);
    }
  if (run->cancel)
    g_cancellable_cancel (run->cancellable);
}

static void
on_added_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncRun *run = user_data;

  run->changed_before_done = run->seen->len > 0;
  run->id = paraat_workspace_add_evidence_finish (PARAAT_WORKSPACE (source), result, &run->error);
  run->done = TRUE;
}

static void
run_async_add (ParaatWorkspace *ws,
               const char      *path,
               AsyncRun        *run)
{
  run->cancellable = g_cancellable_new ();
  run->seen = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (ws, "changed", G_CALLBACK (test_util_record_change), run->seen);

  paraat_workspace_add_evidence_async (ws, path, NULL, 0, run->cancellable, on_progress_cb, run,
                                       on_added_cb, run);
  while (!run->done)
    g_main_context_iteration (NULL, TRUE);

  g_signal_handlers_disconnect_by_func (ws, test_util_record_change, run->seen);
}

static void
async_run_clear (AsyncRun *run)
{
  g_clear_object (&run->cancellable);
  g_clear_pointer (&run->seen, g_ptr_array_unref);
  g_clear_error (&run->error);
}

static void
test_async_add (TestDir       *fixture,
                gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autofree char *path = test_dir_path (fixture, "recording.bin");
  AsyncRun run = { 0 };
  g_autoptr(ParaatEvidence) evidence = NULL;

  write_random (path, 20 * MIB + 3, 3);
  run_async_add (ws, path, &run);

  g_assert_no_error (run.error);
  g_assert_cmpint (run.id, >, 0);
  g_assert_true (run.changed_before_done);
  g_assert_cmpuint (run.n_progress, >=, 2);
  g_assert_cmpint (run.last_done, ==, 20 * MIB + 3);
  g_assert_cmpint (run.last_total, ==, 20 * MIB + 3);
  evidence = get_evidence (ws, run.id);
  {
    g_autofree char *expected = sha256_of_file (path);
    g_assert_cmpstr (paraat_evidence_get_hash (evidence), ==, expected);
  }
  async_run_clear (&run);
  assert_healthy (ws);
}

static void
test_changed_during_import (TestDir       *fixture,
                            gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autofree char *path = test_dir_path (fixture, "growing.log");
  AsyncRun run = { 0 };
  Counts before;

  write_random (path, 64 * MIB, 9);
  before = take_counts (ws);
  run.append_to = path;
  run_async_add (ws, path, &run);

  g_assert_cmpint (run.id, ==, 0);
  g_assert_error (run.error, PARAAT_ERROR, PARAAT_ERROR_IO);
  g_assert_nonnull (strstr (run.error->message, "changed while it was being added"));
  g_assert_cmpuint (run.seen->len, ==, 0);
  assert_counts_equal (before, take_counts (ws));
  async_run_clear (&run);
  assert_healthy (ws);
}

static void
test_cancel (TestDir       *fixture,
             gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autofree char *path = test_dir_path (fixture, "big.iso");
  AsyncRun run = { 0 };
  Counts before;

  write_random (path, 64 * MIB, 4);
  before = take_counts (ws);
  run.cancel = TRUE;
  run_async_add (ws, path, &run);

  g_assert_cmpint (run.id, ==, 0);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_counts_equal (before, take_counts (ws));
  async_run_clear (&run);

  /* Nothing half-stored: the file is healthy, also once closed. */
  assert_healthy (ws);
  paraat_workspace_close (ws);
  {
    g_autoptr(GPtrArray) problems = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *file = test_dir_path (fixture, "org.paraat");

    g_assert_true (paraat_check_file (file, &problems, &error));
    test_util_assert_no_problems (problems);
  }
}

static void
on_bool_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_async_content (TestDir       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autofree char *v1 = write_text (fixture, "v1.txt", "first version\n");
  g_autofree char *v2 = write_text (fixture, "v2.txt", "second version\n");
  g_autofree char *target = test_dir_path (fixture, "out.txt");
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GAsyncResult) revised = NULL;
  g_autoptr(GAsyncResult) exported = NULL;
  g_autoptr(GAsyncResult) verified = NULL;
  g_autoptr(ParaatEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_file (ws, v1, NULL, 0);

  paraat_workspace_add_revision_async (ws, id, v2, NULL, on_bool_done_cb, &revised);
  g_assert_true (paraat_workspace_add_revision_finish (ws, wait_for (&revised), &error));
  g_assert_no_error (error);
  evidence = get_evidence (ws, id);
  g_assert_cmpint (paraat_evidence_get_revision (evidence), ==, 2);

  paraat_workspace_export_revision_async (ws, paraat_evidence_get_revision_id (evidence), file,
                                          NULL, on_bool_done_cb, &exported);
  g_assert_true (paraat_workspace_export_revision_finish (ws, wait_for (&exported), &error));
  g_assert_no_error (error);
  assert_same_file (v2, target);

  paraat_workspace_verify_revision_async (ws, paraat_evidence_get_revision_id (evidence), NULL,
                                          on_bool_done_cb, &verified);
  g_assert_true (paraat_workspace_verify_revision_finish (ws, wait_for (&verified), &error));
  g_assert_no_error (error);
}

static void
test_no_actor (TestDir       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *doc = write_text (fixture, "doc.txt", "text\n");
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Counts before;

  pin_clock ();
  path = test_util_create_closed (fixture->dir, "org.paraat");
  ws = paraat_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (paraat_workspace_get_actor (ws));
  before = take_counts (ws);

  g_assert_cmpint (paraat_workspace_add_evidence (ws, doc, NULL, 0, NULL, &error), ==, 0);
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NO_ACTOR);
  g_clear_error (&error);

  paraat_workspace_add_evidence_async (ws, doc, NULL, 0, NULL, NULL, NULL, on_bool_done_cb,
                                       &result);
  g_assert_cmpint (paraat_workspace_add_evidence_finish (ws, wait_for (&result), &error), ==, 0);
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NO_ACTOR);
  assert_counts_equal (before, take_counts (ws));
}

/* The demo tells the evidence story: current, expiring, stale and policy-only. */
static void
test_demo (TestDir       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "demo.paraat");
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GListModel) found = NULL;
  guint tracks = 0, stale = 0, expiring = 0, revised = 0;

  pin_clock ();
  ws = paraat_demo_create (path, &error);
  g_assert_no_error (error);
  items = paraat_workspace_list_evidence (ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), >=, 7);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ParaatEvidence) e = g_list_model_get_item (items, i);
      g_autoptr(GListModel) revisions =
        paraat_workspace_list_revisions (ws, paraat_evidence_get_id (e), &error);

      tracks |= paraat_evidence_get_track (e);
      stale += paraat_evidence_get_freshness (e) == PARAAT_FRESHNESS_STALE;
      expiring += paraat_evidence_get_freshness (e) == PARAAT_FRESHNESS_EXPIRING;
      g_assert_cmpuint (paraat_evidence_get_n_links (e), >=, 1);
      g_assert_cmpint (paraat_evidence_get_size (e), >, 500);
      revised += g_list_model_get_n_items (revisions) > 1;
      for (guint r = 0; r < g_list_model_get_n_items (revisions); r++)
        {
          g_autoptr(ParaatEvidence) rev = g_list_model_get_item (revisions, r);
          gint64 revision_id = paraat_evidence_get_revision_id (rev);

          g_assert_true (paraat_workspace_verify_revision (ws, revision_id, NULL, &error));
          g_assert_no_error (error);
        }
    }
  g_assert_cmpuint (tracks, ==, PARAAT_TRACK_POLICY | PARAAT_TRACK_OPERATION |
                                PARAAT_TRACK_MONITORING);
  g_assert_cmpuint (stale, >=, 2);
  g_assert_cmpuint (expiring, >=, 1);
  g_assert_cmpuint (revised, >=, 1);

  found = policy_only (ws);
  g_assert_cmpuint (g_list_model_get_n_items (found), >=, 1);
  g_assert_true (model_has (found, test_util_requirement_id (ws, "iso27001-2022", "A.8.24")));
  assert_healthy (ws);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, TestDir, NULL, test_dir_setup, func, test_dir_teardown)

  ADD ("/evidence/add-defaults", test_add_defaults);
  ADD ("/evidence/add-metadata", test_add_metadata);
  ADD ("/evidence/dedupe", test_dedupe);
  ADD ("/evidence/revisions", test_revisions);
  ADD ("/evidence/update", test_update);
  ADD ("/evidence/links", test_links);
  ADD ("/evidence/freshness", test_freshness);
  ADD ("/evidence/fresh-tracks", test_fresh_tracks);
  ADD ("/evidence/export", test_export);
  g_test_add_func ("/evidence/sanitize-file-name", test_sanitize);
  ADD ("/evidence/verify", test_verify);
  ADD ("/evidence/bad-files", test_bad_files);
  g_test_add_func ("/evidence/unreadable", test_unreadable);
  ADD ("/evidence/async-add", test_async_add);
  ADD ("/evidence/changed-during-import", test_changed_during_import);
  ADD ("/evidence/cancel", test_cancel);
  ADD ("/evidence/async-content", test_async_content);
  ADD ("/evidence/no-actor", test_no_actor);
  ADD ("/evidence/demo", test_demo);

#undef ADD

  return g_test_run ();
}
