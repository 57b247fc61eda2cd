/* test-scan.c — readiness scans: creation, answers, scoring, comparison and the CLI summary
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/wait.h>

#include "paraat-catalog.h"
#include "paraat-demo.h"
#include "paraat-error.h"
#include "paraat-framework.h"
#include "paraat-requirement.h"
#include "paraat-risk.h"
#include "paraat-scan.h"
#include "test-util.h"

static ParaatWorkspace *
create_workspace (TestDir *fixture)
{
  g_autofree char *path = test_dir_path (fixture, "org.paraat");
  g_autoptr(GError) error = NULL;
  ParaatWorkspace *ws = paraat_workspace_create (path, "Voorbeeld B.V.", "Anna de Boer", &error);

  g_assert_no_error (error);
  return ws;
}

static gint64
framework_id (ParaatWorkspace *ws,
              const char      *key)
{
  GListModel *frameworks = paraat_workspace_get_frameworks (ws);

  for (guint i = 0; i < g_list_model_get_n_items (frameworks); i++)
    {
      g_autoptr(ParaatFramework) framework = g_list_model_get_item (frameworks, i);
      if (g_str_equal (paraat_framework_get_key (framework), key))
        return paraat_framework_get_id (framework);
    }
  g_assert_not_reached ();
}

static gint64
create_scan (ParaatWorkspace *ws,
             const char      *name,
             ParaatScanDepth  depth,
             const char      *first_key,
             const char      *second_key)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[2] = { framework_id (ws, first_key), second_key ? framework_id (ws, second_key) : 0 };
  ParaatScanSpec spec = {
    .name = name, .date = "2025-03-31", .depth = depth,
    .framework_ids = ids, .n_frameworks = second_key ? 2 : 1,
    .participants = "Anna de Boer, Bert Kok",
  };
  gint64 id = paraat_workspace_create_scan (ws, &spec, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static ParaatScanQuestion *
find_question (GListModel *questions,
               gint64      requirement)
{
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(ParaatScanQuestion) q = g_list_model_get_item (questions, i);
      if (paraat_scan_question_get_requirement_id (q) == requirement)
        return g_steal_pointer (&q);
    }
  return NULL;
}

static gboolean
covers (ParaatScanQuestion *q,
        gint64              requirement)
{
  guint n = 0;
  const gint64 *ids = paraat_scan_question_get_covers (q, &n);

  for (guint i = 0; i < n; i++)
    if (ids[i] == requirement)
      return TRUE;
  return FALSE;
}

/* TRUE when a requirement of FRAMEWORK_KEY is mapped to R (either direction). */
static gboolean
mapped_to_framework (ParaatWorkspace   *ws,
                     ParaatRequirement *r,
                     const char        *framework_key,
                     gboolean           quick)
{
  g_autoptr(GListModel) mapped = paraat_workspace_list_mapped (ws, paraat_requirement_get_id (r),
                                                               NULL);

  for (guint i = 0; i < g_list_model_get_n_items (mapped); i++)
    {
      g_autoptr(ParaatRequirement) other = g_list_model_get_item (mapped, i);
      if (g_str_equal (paraat_requirement_get_framework_key (other), framework_key) &&
          (!quick || paraat_requirement_get_weight (other) >= 2))
        return TRUE;
    }
  return FALSE;
}

static void
test_create_quick (TestDir       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) questions = NULL;
  g_autoptr(ParaatScan) scan = NULL;
  g_autoptr(TestDb) raw = NULL;
  g_autofree char *details = NULL;
  g_autofree char *label = NULL;
  gint64 trail_before = test_util_trail_count (paraat_workspace_get_path (ws));
  gint64 id = create_scan (ws, "  Quick scan March  ", PARAAT_SCAN_QUICK, "iso27001-2022", "nis2");
  guint n, n_iso = 0;

  scan = paraat_workspace_get_scan (ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (paraat_scan_get_name (scan), ==, "Quick scan March");
  g_assert_cmpstr (paraat_scan_get_date (scan), ==, "2025-03-31");
  g_assert_cmpint (paraat_scan_get_depth (scan), ==, PARAAT_SCAN_QUICK);
  g_assert_cmpint (paraat_scan_get_target_level (scan), ==, PARAAT_DEFAULT_TARGET);
  g_assert_cmpuint (paraat_scan_get_n_answered (scan), ==, 0);

  questions = paraat_workspace_list_scan_questions (ws, id, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (questions);
  g_assert_cmpuint (n, >=, 25);
  g_assert_cmpuint (n, <=, 40);
  g_assert_cmpuint (paraat_scan_get_n_questions (scan), ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatScanQuestion) q = g_list_model_get_item (questions, i);
      g_autoptr(ParaatRequirement) r =
        paraat_workspace_get_requirement (ws, paraat_scan_question_get_requirement_id (q), NULL);

      g_assert_cmpfloat (paraat_scan_question_get_weight (q), >=, 2);
      g_assert_cmpint (paraat_scan_question_get_answer (q), ==, PARAAT_ANSWER_OPEN);
      g_assert_cmpint (paraat_scan_question_get_target_level (q), ==, 3);
      g_assert_cmpuint (paraat_scan_question_get_position (q), ==, i);
      g_assert_nonnull (paraat_scan_question_get_question (q));
      g_assert_cmpstr (paraat_scan_question_get_guidance (q), ==, paraat_requirement_get_guidance (r));
      /* Every question explains the four levels in the words of its own framework. */
      for (int level = 1; level <= 4; level++)
        g_assert_nonnull (paraat_scan_question_get_level_text (q, level));
      g_assert_true (g_str_has_prefix (paraat_scan_question_get_level_text (q, 3),
                                       "Defined and measured"));
      if (g_str_equal (paraat_scan_question_get_framework_key (q), "nis2"))
        g_assert_nonnull (strstr (paraat_scan_question_get_level_text (q, 3), "management body"));
      if (g_str_equal (paraat_scan_question_get_framework_key (q), "iso27001-2022"))
        {
          n_iso++;
          g_assert_cmpuint (n_iso, ==, i + 1); /* ISO first: the order given */
        }
      else
        /* A NIS2 measure is only asked when no ISO question covers it. */
        g_assert_false (mapped_to_framework (ws, r, "iso27001-2022", TRUE));
    }
  g_assert_cmpuint (n_iso, ==, 27);
  g_assert_cmpuint (n, >, n_iso);

  /* Incident management (A.5.24, weight 2) covers NIS2 incident handling. */
  {
    g_autoptr(ParaatScanQuestion) q =
      find_question (questions, test_util_requirement_id (ws, "iso27001-2022", "A.5.24"));
    g_assert_nonnull (q);
    g_assert_true (covers (q, test_util_requirement_id (ws, "nis2", "21(2)(b)")));
    g_assert_null (find_question (questions, test_util_requirement_id (ws, "nis2", "21(2)(b)")));
  }

  /* One trail entry for the new scan. */
  g_assert_cmpint (test_util_trail_count (paraat_workspace_get_path (ws)), ==, trail_before + 1);
  raw = test_util_raw_open (paraat_workspace_get_path (ws), TRUE, FALSE);
  label = test_util_raw_text (raw, "SELECT object_type || '|' || object_label || '|' || action"
                                   " FROM trail ORDER BY seq DESC LIMIT 1");
  g_assert_cmpstr (label, ==, "scan|Quick scan March|create");
  details = test_util_raw_text (raw, "SELECT details FROM trail ORDER BY seq DESC LIMIT 1");
  g_assert_nonnull (strstr (details, "\"depth\""));
  g_assert_nonnull (strstr (details, "iso27001-2022, nis2"));
}

static void
test_create_full (TestDir       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) iso = paraat_workspace_list_requirements (ws, framework_id (ws, "iso27001-2022"), NULL);
  g_autoptr(GListModel) nis2 = paraat_workspace_list_requirements (ws, framework_id (ws, "nis2"), NULL);
  g_autoptr(GListModel) questions = NULL;
  g_autoptr(GListModel) reversed = NULL;
  gint64 excluded = test_util_requirement_id (ws, "iso27001-2022", "A.7.1");
  ParaatRequirementState state = {
    .applicable = FALSE, .justification = "Fully remote company without offices",
  };
  guint expected, n_nis2_asked = 0;
  gint64 id;

  /* A requirement excluded in the register is not asked. */
  g_assert_true (paraat_workspace_update_requirement (ws, excluded, &state, &error));
  g_assert_no_error (error);

  expected = g_list_model_get_n_items (iso) - 1;
  for (guint i = 0; i < g_list_model_get_n_items (nis2); i++)
    {
      g_autoptr(ParaatRequirement) r = g_list_model_get_item (nis2, i);
      if (!mapped_to_framework (ws, r, "iso27001-2022", FALSE))
        n_nis2_asked++;
    }
  expected += n_nis2_asked;

  id = create_scan (ws, "Gap analysis", PARAAT_SCAN_FULL, "iso27001-2022", "nis2");
  questions = paraat_workspace_list_scan_questions (ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, expected);
  g_assert_null (find_question (questions, excluded));
  g_assert_cmpuint (g_list_model_get_n_items (questions), >, 100);

  /* The other order: NIS2 is asked in full and covers the ISO controls mapped to it. */
  id = create_scan (ws, "NIS2 first", PARAAT_SCAN_FULL, "nis2", "iso27001-2022");
  reversed = paraat_workspace_list_scan_questions (ws, id, &error);
  g_assert_no_error (error);
  {
    g_autoptr(ParaatScanQuestion) q =
      find_question (reversed, test_util_requirement_id (ws, "nis2", "21(2)(b)"));
    g_assert_nonnull (q);
    g_assert_true (covers (q, test_util_requirement_id (ws, "iso27001-2022", "A.5.24")));
    g_assert_null (find_question (reversed, test_util_requirement_id (ws, "iso27001-2022", "A.5.24")));
  }
  {
    g_autoptr(ParaatScanQuestion) first = g_list_model_get_item (reversed, 0);
    g_assert_cmpstr (paraat_scan_question_get_framework_key (first), ==, "nis2");
  }

  /* Newest first. */
  {
    g_autoptr(GListModel) scans = paraat_workspace_list_scans (ws, &error);
    g_autoptr(ParaatScan) latest = g_list_model_get_item (scans, 0);
    g_assert_cmpuint (g_list_model_get_n_items (scans), ==, 2);
    g_assert_cmpint (paraat_scan_get_id (latest), ==, id);
  }
}

static void
test_create_invalid (TestDir       *fixture,
                     gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  gint64 iso = framework_id (ws, "iso27001-2022");
  gint64 nis2 = framework_id (ws, "nis2");
  gint64 twice[] = { iso, iso };
  gint64 trail_before = test_util_trail_count (paraat_workspace_get_path (ws));
  const ParaatScanSpec bad[] = {
    { .name = "X", .date = "2025-03-31", .framework_ids = &iso, .n_frameworks = 0 },
    { .name = "  ", .date = "2025-03-31", .framework_ids = &iso, .n_frameworks = 1 },
    { .name = "X", .date = "31-03-2025", .framework_ids = &iso, .n_frameworks = 1 },
    { .name = "X", .date = "2025-02-30", .framework_ids = &iso, .n_frameworks = 1 },
    { .name = "X", .date = "2025-03-31", .depth = 7, .framework_ids = &iso, .n_frameworks = 1 },
    { .name = "X", .date = "2025-03-31", .framework_ids = twice, .n_frameworks = 2 },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_cmpint (paraat_workspace_create_scan (ws, &bad[i], &error), ==, 0);
      g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
      g_clear_error (&error);
    }

  /* A disabled framework cannot be scanned. */
  g_assert_true (paraat_workspace_set_framework_enabled (ws, nis2, FALSE, &error));
  {
    ParaatScanSpec spec = { .name = "X", .date = "2025-03-31", .framework_ids = &nis2,
                            .n_frameworks = 1 };
    g_assert_cmpint (paraat_workspace_create_scan (ws, &spec, &error), ==, 0);
    g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* Only the framework change entered the trail. */
  g_assert_cmpint (test_util_trail_count (paraat_workspace_get_path (ws)), ==, trail_before + 1);
  {
    g_autoptr(GListModel) scans = paraat_workspace_list_scans (ws, &error);
    g_assert_cmpuint (g_list_model_get_n_items (scans), ==, 0);
  }
}

static void
test_answer (TestDir       *fixture,
             gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) questions = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(ParaatScanQuestion) q = NULL;
  g_autoptr(ParaatScanQuestion) q2 = NULL;
  g_autoptr(ParaatScan) scan = NULL;
  g_autoptr(TestDb) raw = NULL;
  g_autofree char *label = NULL;
  g_autofree char *details = NULL;
  g_autofree char *expected_label = NULL;
  const char *path = paraat_workspace_get_path (ws);
  gint64 id = create_scan (ws, "Quick scan", PARAAT_SCAN_QUICK, "iso27001-2022", "nis2");
  gint64 trail_before;
  gint64 qid;
  const ParaatScanAnswer bad[] = {
    { .kind = PARAAT_ANSWER_LEVEL, .level = 0 },
    { .kind = PARAAT_ANSWER_LEVEL, .level = 5 },
    { .kind = PARAAT_ANSWER_NOT_APPLICABLE, .reason = "   " },
    { .kind = PARAAT_ANSWER_NOT_APPLICABLE },
    { .kind = PARAAT_ANSWER_OPEN },
    { .kind = PARAAT_ANSWER_LEVEL, .level = 2, .target_level = 5 },
    { .kind = PARAAT_ANSWER_LEVEL, .level = 2, .policy = 9 },
  };
  ParaatScanAnswer good = {
    .kind = PARAAT_ANSWER_LEVEL, .level = 2, .notes = " Policy exists, not yet run ",
    .policy = PARAAT_TRACK_STATUS_PRESENT, .operation = PARAAT_TRACK_STATUS_PARTIAL,
    .monitoring = PARAAT_TRACK_STATUS_MISSING,
  };
  ParaatScanAnswer na = {
    .kind = PARAAT_ANSWER_NOT_APPLICABLE, .reason = "No offices", .target_level = 2,
  };
  ParaatScanAnswer unknown = { .kind = PARAAT_ANSWER_UNKNOWN };

  questions = paraat_workspace_list_scan_questions (ws, id, &error);
  q = g_list_model_get_item (questions, 0);
  q2 = g_list_model_get_item (questions, 1);
  qid = paraat_scan_question_get_id (q);
  trail_before = test_util_trail_count (path);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (paraat_workspace_answer_scan_question (ws, qid, &bad[i], &error));
      g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_false (paraat_workspace_answer_scan_question (ws, 999999, &good, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (test_util_trail_count (path), ==, trail_before);

  g_assert_true (paraat_workspace_answer_scan_question (ws, qid, &good, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_util_trail_count (path), ==, trail_before + 1);
  /* The same answer again changes nothing and writes nothing. */
  g_assert_true (paraat_workspace_answer_scan_question (ws, qid, &good, &error));
  g_assert_cmpint (test_util_trail_count (path), ==, trail_before + 1);

  raw = test_util_raw_open (path, TRUE, FALSE);
  expected_label = g_strdup_printf ("Quick scan: %s", paraat_scan_question_get_label (q));
  label = test_util_raw_text (raw, "SELECT object_label FROM trail ORDER BY seq DESC LIMIT 1");
  g_assert_cmpstr (label, ==, expected_label);
  g_assert_cmpint (test_util_raw_int (raw, "SELECT object_id FROM trail ORDER BY seq DESC LIMIT 1"),
                   ==, id);
  details = test_util_raw_text (raw, "SELECT details FROM trail ORDER BY seq DESC LIMIT 1");
  {
    g_autofree char *field = test_util_json_text (details, "$[0].field");
    g_autofree char *before = test_util_json_text (details, "$[0].before");
    g_autofree char *after_text = test_util_json_text (details, "$[0].after");
    g_autofree char *level = test_util_json_text (details, "$[1].after");
    g_assert_cmpstr (field, ==, "answer");
    g_assert_cmpstr (before, ==, "open");
    g_assert_cmpstr (after_text, ==, "level");
    g_assert_cmpstr (level, ==, "2");
  }
  g_clear_pointer (&raw, sqlite3_close);

  g_assert_true (paraat_workspace_answer_scan_question (ws, paraat_scan_question_get_id (q2), &na,
                                                        &error));
  g_assert_no_error (error);
  g_assert_true (paraat_workspace_answer_scan_question (ws, qid, &unknown, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_util_trail_count (path), ==, trail_before + 3);

  after = paraat_workspace_list_scan_questions (ws, id, &error);
  {
    g_autoptr(ParaatScanQuestion) a = g_list_model_get_item (after, 0);
    g_autoptr(ParaatScanQuestion) b = g_list_model_get_item (after, 1);

    g_assert_cmpint (paraat_scan_question_get_answer (a), ==, PARAAT_ANSWER_UNKNOWN);
    g_assert_cmpint (paraat_scan_question_get_level (a), ==, 0);
    g_assert_cmpstr (paraat_scan_question_get_notes (a), ==, "");
    g_assert_cmpint (paraat_scan_question_get_answer (b), ==, PARAAT_ANSWER_NOT_APPLICABLE);
    g_assert_cmpstr (paraat_scan_question_get_reason (b), ==, "No offices");
    g_assert_cmpint (paraat_scan_question_get_target_level (b), ==, 2);
  }
  g_assert_true (paraat_workspace_answer_scan_question (ws, qid, &good, &error));
  g_clear_object (&after);
  after = paraat_workspace_list_scan_questions (ws, id, &error);
  {
    g_autoptr(ParaatScanQuestion) a = g_list_model_get_item (after, 0);

    g_assert_cmpint (paraat_scan_question_get_level (a), ==, 2);
    g_assert_cmpstr (paraat_scan_question_get_notes (a), ==, "Policy exists, not yet run");
    g_assert_cmpint (paraat_scan_question_get_track_status (a, PARAAT_TRACK_POLICY), ==,
                     PARAAT_TRACK_STATUS_PRESENT);
    g_assert_cmpint (paraat_scan_question_get_track_status (a, PARAAT_TRACK_OPERATION), ==,
                     PARAAT_TRACK_STATUS_PARTIAL);
    g_assert_cmpint (paraat_scan_question_get_track_status (a, PARAAT_TRACK_MONITORING), ==,
                     PARAAT_TRACK_STATUS_MISSING);
  }
  scan = paraat_workspace_get_scan (ws, id, &error);
  g_assert_cmpuint (paraat_scan_get_n_answered (scan), ==, 2);

  /* The guard triggers keep other programs from writing answers behind the trail's back. */
  {
    g_autoptr(TestDb) rw = test_util_raw_open (path, FALSE, FALSE);
    g_autofree char *message = NULL;
    g_assert_false (test_util_raw_try_exec (rw, "UPDATE scan_question SET level = 4", &message));
    g_assert_false (test_util_raw_try_exec (rw, "DELETE FROM scan_cover", NULL));
  }
}

/* Scoring over plain data */

#define R(id_, fw, group, label_, weight_) \
  { .id = id_, .framework_key = fw, .framework_title = fw, .group_key = group, \
    .group_title = group, .label = label_, .title = label_, .weight = weight_ }

static const ParaatScoreRequirement score_reqs[] = {
  R (1, "iso", "A.5", "A.5.1", 2),
  R (2, "iso", "A.5", "A.5.2", 1),
  R (3, "iso", "A.8", "A.8.1", 1),
  R (4, "iso", "A.8", "A.8.2", 2),
  R (10, "nis2", "art21", "21(a)", 2),
  R (11, "nis2", "art21", "21(b)", 1),
  R (12, "nis2", "art23", "23", 1),
};

static const ParaatScanScore *
score_at (GPtrArray *scores,
          guint      i)
{
  g_assert_cmpuint (i, <, scores->len);
  return g_ptr_array_index (scores, i);
}

static void
test_score_edge_cases (void)
{
  ParaatScoreAnswer answers[4] = {
    { .requirement_id = 1, .kind = PARAAT_ANSWER_NOT_APPLICABLE, .target_level = 3 },
    { .requirement_id = 2, .kind = PARAAT_ANSWER_NOT_APPLICABLE, .target_level = 3 },
    { .requirement_id = 3, .kind = PARAAT_ANSWER_NOT_APPLICABLE, .target_level = 3 },
    { .requirement_id = 4, .kind = PARAAT_ANSWER_NOT_APPLICABLE, .target_level = 3 },
  };
  g_autoptr(ParaatScanResults) all_na = paraat_scan_score (score_reqs, 4, answers, 4);
  g_autoptr(ParaatScanResults) none = NULL;
  g_autoptr(ParaatScanResults) empty = paraat_scan_score (score_reqs, 4, answers, 0);
  g_autofree char *text = paraat_scan_format_readiness (score_at (all_na->frameworks, 0)->readiness);

  /* Everything not applicable: readiness is undefined, not 0% or 100%. */
  g_assert_cmpuint (all_na->frameworks->len, ==, 1);
  g_assert_cmpfloat (score_at (all_na->frameworks, 0)->readiness, ==, -1);
  g_assert_cmpuint (score_at (all_na->frameworks, 0)->n_not_applicable, ==, 4);
  g_assert_cmpfloat (score_at (all_na->domains, 1)->mean_maturity, ==, -1);
  g_assert_cmpstr (text, ==, "n/a");
  g_assert_cmpuint (all_na->gaps->len, ==, 0);

  /* Nothing answered: all open, readiness undefined. */
  for (guint i = 0; i < 4; i++)
    answers[i].kind = i % 2 ? PARAAT_ANSWER_OPEN : PARAAT_ANSWER_UNKNOWN;
  none = paraat_scan_score (score_reqs, 4, answers, 4);
  g_assert_cmpfloat (score_at (none->frameworks, 0)->readiness, ==, -1);
  g_assert_cmpuint (score_at (none->frameworks, 0)->n_open, ==, 4);
  g_assert_cmpuint (score_at (none->frameworks, 0)->n_answered, ==, 0);
  g_assert_cmpuint (none->top->len, ==, 0);

  /* No answers at all: nothing in the scan. */
  g_assert_cmpuint (empty->frameworks->len, ==, 0);
  g_assert_cmpuint (empty->items->len, ==, 0);
}

static void
test_score_frameworks (void)
{
  /* ISO questions cover NIS2 measures: 10 by 1 and 4; 11 by 4 only. 12 is asked itself. */
  static const gint64 covers_1[] = { 10 };
  static const gint64 covers_4[] = { 10, 11 };
  const ParaatScoreAnswer answers[] = {
    { .requirement_id = 1, .kind = PARAAT_ANSWER_LEVEL, .level = 3, .target_level = 3,
      .covers = covers_1, .n_covers = 1 },
    { .requirement_id = 2, .kind = PARAAT_ANSWER_LEVEL, .level = 1, .target_level = 3 },
    { .requirement_id = 3, .kind = PARAAT_ANSWER_UNKNOWN, .target_level = 3 },
    { .requirement_id = 4, .kind = PARAAT_ANSWER_LEVEL, .level = 2, .target_level = 3,
      .covers = covers_4, .n_covers = 2 },
    { .requirement_id = 12, .kind = PARAAT_ANSWER_LEVEL, .level = 4, .target_level = 3 },
  };
  g_autoptr(ParaatScanResults) results =
    paraat_scan_score (score_reqs, G_N_ELEMENTS (score_reqs), answers, G_N_ELEMENTS (answers));
  const ParaatScanScore *iso, *nis2, *a5, *a8, *art21, *art23;
  const ParaatScanGap *gap;

  g_assert_cmpuint (results->frameworks->len, ==, 2);
  iso = score_at (results->frameworks, 0);
  nis2 = score_at (results->frameworks, 1);
  g_assert_cmpstr (iso->framework_key, ==, "iso");
  g_assert_null (iso->group_key);
  /* Don't know: counted as open, left out of readiness. 1 of 3 answered at target. */
  g_assert_cmpuint (iso->n_requirements, ==, 4);
  g_assert_cmpuint (iso->n_answered, ==, 3);
  g_assert_cmpuint (iso->n_open, ==, 1);
  g_assert_cmpfloat_with_epsilon (iso->readiness, 1.0 / 3, 1e-9);

  /* NIS2: 10 takes the lowest of levels 3 and 2; each measure counts once. */
  g_assert_cmpuint (nis2->n_requirements, ==, 3);
  g_assert_cmpuint (nis2->n_answered, ==, 3);
  g_assert_cmpuint (nis2->n_at_target, ==, 1);
  g_assert_cmpfloat_with_epsilon (nis2->readiness, 1.0 / 3, 1e-9);

  g_assert_cmpuint (results->domains->len, ==, 4);
  a5 = score_at (results->domains, 0);
  a8 = score_at (results->domains, 1);
  art21 = score_at (results->domains, 2);
  art23 = score_at (results->domains, 3);
  g_assert_cmpstr (a5->group_key, ==, "A.5");
  g_assert_cmpfloat_with_epsilon (a5->readiness, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (a5->mean_maturity, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (a8->readiness, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (a8->mean_maturity, 2.0, 1e-9);
  g_assert_cmpuint (a8->n_open, ==, 1);
  g_assert_cmpstr (art21->group_key, ==, "art21");
  g_assert_cmpfloat_with_epsilon (art21->mean_maturity, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (art21->readiness, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (art23->readiness, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (art23->mean_maturity, 4.0, 1e-9);

  /* Gaps: A.5.2 (2 × 1 = 2), A.8.2 (1 × 2 = 2), 21(a) (1 × 2 = 2), 21(b) (1 × 1 = 1). */
  g_assert_cmpuint (results->gaps->len, ==, 4);
  gap = g_ptr_array_index (results->gaps, 0);
  g_assert_cmpstr (gap->item->label, ==, "A.5.2");
  g_assert_cmpint (gap->gap, ==, 2);
  g_assert_cmpfloat (gap->priority, ==, 2);
  gap = g_ptr_array_index (results->gaps, 3);
  g_assert_cmpstr (gap->item->label, ==, "21(b)");
  g_assert_cmpfloat (gap->priority, ==, 1);
  /* The proposal holds only questions asked: the covered NIS2 measures ride along. */
  g_assert_cmpuint (results->top->len, ==, 2);
  for (guint i = 0; i < results->top->len; i++)
    {
      gap = g_ptr_array_index (results->top, i);
      g_assert_cmpstr (gap->item->framework_key, ==, "iso");
      g_assert_true (gap->item->asked);
    }
}

/* A linked risk lifts a gap: priority × (1 + highest inherent score / 25); 0 reads as 1. */
static void
test_score_risk_factor (void)
{
  ParaatScoreRequirement reqs[] = {
    R (1, "iso", "A.5", "A.5.1", 1.5),
    R (2, "iso", "A.5", "A.5.2", 1.5),
    R (3, "iso", "A.5", "A.5.3", 1),
  };
  const ParaatScoreAnswer answers[] = {
    { .requirement_id = 1, .kind = PARAAT_ANSWER_LEVEL, .level = 2, .target_level = 3 },
    { .requirement_id = 2, .kind = PARAAT_ANSWER_LEVEL, .level = 2, .target_level = 3 },
    { .requirement_id = 3, .kind = PARAAT_ANSWER_LEVEL, .level = 2, .target_level = 3 },
  };
  g_autoptr(ParaatScanResults) plain =
    paraat_scan_score (reqs, G_N_ELEMENTS (reqs), answers, G_N_ELEMENTS (answers));
  g_autoptr(ParaatScanResults) lifted = NULL;
  const ParaatScanGap *gap;

  /* Without risks the weight decides: the lightest requirement comes last */
  gap = g_ptr_array_index (plain->gaps, 2);
  g_assert_cmpstr (gap->item->label, ==, "A.5.3");
  g_assert_cmpfloat (gap->priority, ==, 1);
  g_assert_cmpfloat (gap->item->risk_factor, ==, 1);

  /* A critical risk (5 × 5) doubles it past the others; a low one (2 × 2) adds a little */
  reqs[2].risk_factor = 1.0 + 25.0 / 25;
  reqs[1].risk_factor = 1.0 + 4.0 / 25;
  lifted = paraat_scan_score (reqs, G_N_ELEMENTS (reqs), answers, G_N_ELEMENTS (answers));
  gap = g_ptr_array_index (lifted->gaps, 0);
  g_assert_cmpstr (gap->item->label, ==, "A.5.3");
  g_assert_cmpfloat (gap->priority, ==, 2);
  gap = g_ptr_array_index (lifted->gaps, 1);
  g_assert_cmpstr (gap->item->label, ==, "A.5.2");
  g_assert_cmpfloat_with_epsilon (gap->priority, 1.5 * 1.16, 1e-9);
  gap = g_ptr_array_index (lifted->gaps, 2);
  g_assert_cmpstr (gap->item->label, ==, "A.5.1");
  g_assert_cmpfloat (gap->priority, ==, 1.5);
}

static void
test_score_no_double_counting (void)
{
  /* Three questions cover the same NIS2 measure, and the measure is listed twice. */
  static const gint64 covers_10[] = { 10, 10 };
  const ParaatScoreRequirement reqs[] = {
    R (1, "iso", "A.5", "A.5.1", 1),
    R (2, "iso", "A.5", "A.5.2", 1),
    R (3, "iso", "A.5", "A.5.3", 1),
    R (10, "nis2", "art21", "21(a)", 1),
    R (10, "nis2", "art21", "21(a)", 1),
  };
  const ParaatScoreAnswer answers[] = {
    { .requirement_id = 1, .kind = PARAAT_ANSWER_LEVEL, .level = 4, .target_level = 3,
      .covers = covers_10, .n_covers = 2 },
    { .requirement_id = 2, .kind = PARAAT_ANSWER_LEVEL, .level = 3, .target_level = 3,
      .covers = covers_10, .n_covers = 1 },
    { .requirement_id = 3, .kind = PARAAT_ANSWER_NOT_APPLICABLE, .target_level = 3,
      .covers = covers_10, .n_covers = 1 },
  };
  g_autoptr(ParaatScanResults) results =
    paraat_scan_score (reqs, G_N_ELEMENTS (reqs), answers, G_N_ELEMENTS (answers));
  const ParaatScanScore *nis2 = score_at (results->frameworks, 1);
  const ParaatScanItem *item = g_ptr_array_index (results->items, 3);

  g_assert_cmpuint (results->items->len, ==, 4);
  g_assert_cmpuint (nis2->n_requirements, ==, 1);
  g_assert_cmpuint (nis2->n_answered, ==, 1);
  g_assert_cmpfloat (nis2->readiness, ==, 1.0);
  g_assert_cmpfloat (nis2->mean_maturity, ==, 3.0);   /* the lowest level, not the mean */
  g_assert_false (item->asked);
  g_assert_cmpint (item->level, ==, 3);
}

static void
test_compare_results (void)
{
  const ParaatScoreAnswer before[] = {
    { .requirement_id = 1, .kind = PARAAT_ANSWER_LEVEL, .level = 1, .target_level = 3 },
    { .requirement_id = 2, .kind = PARAAT_ANSWER_LEVEL, .level = 2, .target_level = 3 },
    { .requirement_id = 3, .kind = PARAAT_ANSWER_LEVEL, .level = 3, .target_level = 3 },
  };
  const ParaatScoreAnswer after[] = {
    { .requirement_id = 1, .kind = PARAAT_ANSWER_LEVEL, .level = 3, .target_level = 3 },
    { .requirement_id = 2, .kind = PARAAT_ANSWER_UNKNOWN, .target_level = 3 },
    { .requirement_id = 4, .kind = PARAAT_ANSWER_LEVEL, .level = 2, .target_level = 3 },
  };
  g_autoptr(ParaatScanResults) a = paraat_scan_score (score_reqs, 4, before, 3);
  g_autoptr(ParaatScanResults) b = paraat_scan_score (score_reqs, 4, after, 3);
  g_autoptr(ParaatScanComparison) cmp = paraat_scan_compare_results (a, b);
  const ParaatScanDelta *d;
  const ParaatScanDomainDelta *dd;

  g_assert_cmpuint (cmp->requirements->len, ==, 4);
  d = g_ptr_array_index (cmp->requirements, 0);
  g_assert_cmpint (d->requirement_id, ==, 1);
  g_assert_cmpint (d->level_a, ==, 1);
  g_assert_cmpint (d->level_b, ==, 3);
  g_assert_cmpint (d->delta, ==, 2);
  d = g_ptr_array_index (cmp->requirements, 1);
  g_assert_cmpint (d->level_a, ==, 2);
  g_assert_cmpint (d->level_b, ==, 0);
  g_assert_cmpint (d->delta, ==, 0);
  d = g_ptr_array_index (cmp->requirements, 2);
  g_assert_cmpint (d->requirement_id, ==, 4);   /* only in B */
  g_assert_cmpint (d->level_a, ==, 0);
  d = g_ptr_array_index (cmp->requirements, 3);
  g_assert_cmpint (d->requirement_id, ==, 3);   /* only in A */
  g_assert_cmpint (d->level_b, ==, 0);

  g_assert_cmpuint (cmp->domains->len, ==, 2);
  dd = g_ptr_array_index (cmp->domains, 0);
  g_assert_cmpstr (dd->group_key, ==, "A.5");
  g_assert_cmpfloat_with_epsilon (dd->mean_a, 1.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (dd->mean_b, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (dd->delta, 1.5, 1e-9);
  dd = g_ptr_array_index (cmp->domains, 1);
  g_assert_cmpfloat_with_epsilon (dd->delta, -1.0, 1e-9);
}

/* Answers every question of SCAN_ID with LEVEL. */
static void
answer_all (ParaatWorkspace *ws,
            gint64           scan_id,
            int              level)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) questions = paraat_workspace_list_scan_questions (ws, scan_id, &error);
  ParaatScanAnswer answer = { .kind = PARAAT_ANSWER_LEVEL, .level = level };

  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(ParaatScanQuestion) q = g_list_model_get_item (questions, i);
      g_assert_true (paraat_workspace_answer_scan_question (ws, paraat_scan_question_get_id (q),
                                                            &answer, &error));
      g_assert_no_error (error);
    }
}

static void
test_workspace_results (TestDir       *fixture,
                        gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autoptr(GError) error = NULL;
  gint64 quick = create_scan (ws, "Baseline", PARAAT_SCAN_QUICK, "iso27001-2022", "nis2");
  gint64 full = create_scan (ws, "Gap analysis", PARAAT_SCAN_FULL, "iso27001-2022", "nis2");
  g_autoptr(ParaatScanResults) before = NULL;
  g_autoptr(ParaatScanResults) results = NULL;
  g_autoptr(ParaatScanComparison) cmp = NULL;
  g_autoptr(GListModel) questions = paraat_workspace_list_scan_questions (ws, quick, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 incident = test_util_requirement_id (ws, "nis2", "21(2)(b)");
  const ParaatScanScore *nis2;
  guint n_covered = 0;

  before = paraat_workspace_compute_scan_results (ws, quick, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->frameworks->len, ==, 2);
  g_assert_cmpfloat (score_at (before->frameworks, 0)->readiness, ==, -1);
  g_assert_cmpuint (score_at (before->frameworks, 0)->n_open, ==,
                    score_at (before->frameworks, 0)->n_requirements);
  /* Covered requirements count as well: more than the questions asked. */
  g_assert_cmpuint (before->items->len, >, g_list_model_get_n_items (questions));
  for (guint i = 0; i < before->items->len; i++)
    {
      ParaatScanItem *item = g_ptr_array_index (before->items, i);
      g_assert_false (g_hash_table_contains (seen, &item->requirement_id));
      g_hash_table_add (seen, &item->requirement_id);
    }
  g_clear_pointer (&before, paraat_scan_results_free);

  answer_all (ws, quick, 1);
  answer_all (ws, full, 3);
  /* One covering ISO question lower: the NIS2 measure it covers takes that level. */
  {
    g_autoptr(GListModel) fq = paraat_workspace_list_scan_questions (ws, full, NULL);
    g_autoptr(ParaatScanQuestion) q =
      find_question (fq, test_util_requirement_id (ws, "iso27001-2022", "A.5.24"));
    ParaatScanAnswer low = { .kind = PARAAT_ANSWER_LEVEL, .level = 2 };

    g_assert_true (covers (q, incident));
    paraat_scan_question_get_covers (q, &n_covered);
    g_assert_true (paraat_workspace_answer_scan_question (ws, paraat_scan_question_get_id (q),
                                                          &low, &error));
  }

  before = paraat_workspace_compute_scan_results (ws, quick, &error);
  results = paraat_workspace_compute_scan_results (ws, full, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (score_at (before->frameworks, 0)->readiness, ==, 0);
  g_assert_cmpuint (before->top->len, ==, PARAAT_SCAN_TOP_GAPS);
  nis2 = score_at (results->frameworks, 1);
  g_assert_cmpstr (nis2->framework_key, ==, "nis2");
  g_assert_cmpuint (nis2->n_at_target, ==, nis2->n_answered - n_covered);
  /* A.5.24 and the measures it covers; only A.5.24 is proposed. */
  g_assert_cmpuint (results->gaps->len, ==, 1 + n_covered);
  g_assert_cmpuint (results->top->len, ==, 1);

  cmp = paraat_workspace_compare_scans (ws, quick, full, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cmp->requirements->len; i++)
    {
      ParaatScanDelta *d = g_ptr_array_index (cmp->requirements, i);
      if (d->level_a && d->level_b)
        g_assert_cmpint (d->delta, ==, d->level_b - 1);
      if (d->requirement_id == incident)
        g_assert_cmpint (d->level_b, ==, 2);
    }
  g_assert_cmpuint (cmp->domains->len, >=, 10);

  g_assert_null (paraat_workspace_compute_scan_results (ws, 999, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND);
}

/* In the workspace: a critical risk linked to a requirement lifts its gap */
static void
test_workspace_risk_priority (TestDir       *fixture,
                              gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatScanResults) before = NULL;
  g_autoptr(ParaatScanResults) after = NULL;
  gint64 full = create_scan (ws, "Gap analysis", PARAAT_SCAN_FULL, "iso27001-2022", "nis2");
  gint64 target;
  guint rank_before = G_MAXUINT, rank_after = G_MAXUINT;
  double priority_before = 0, priority_after = 0;

  answer_all (ws, full, 2);
  before = paraat_workspace_compute_scan_results (ws, full, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->gaps->len, >, 10);
  /* The least urgent gap of all */
  {
    const ParaatScanGap *last = g_ptr_array_index (before->gaps, before->gaps->len - 1);
    target = last->item->requirement_id;
    g_assert_cmpfloat (last->item->risk_factor, ==, 1);
  }
  {
    ParaatRiskSpec spec = {
      .title = "Ransomware", .likelihood = 5, .impact = 5,
      .treatment = PARAAT_TREATMENT_MITIGATE,
      .owner_id = paraat_person_get_id (paraat_workspace_get_actor (ws)),
      .requirement_ids = &target, .n_requirements = 1,
    };
    g_assert_cmpint (paraat_workspace_add_risk (ws, &spec, &error), >, 0);
    g_assert_no_error (error);
  }
  after = paraat_workspace_compute_scan_results (ws, full, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->gaps->len, ==, before->gaps->len);

  for (guint i = 0; i < before->gaps->len; i++)
    {
      const ParaatScanGap *b = g_ptr_array_index (before->gaps, i);
      const ParaatScanGap *a = g_ptr_array_index (after->gaps, i);

      if (b->item->requirement_id == target)
        {
          rank_before = i;
          priority_before = b->priority;
        }
      if (a->item->requirement_id == target)
        {
          rank_after = i;
          priority_after = a->priority;
        }
    }
  g_assert_cmpfloat_with_epsilon (priority_after, 2 * priority_before, 1e-9);
  g_assert_cmpuint (rank_after, <, rank_before);
}

/* The CLI summary */

static char *
cli_path (void)
{
  if (g_getenv ("PARAAT_CLI"))
    return g_strdup (g_getenv ("PARAAT_CLI"));
  return g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "paraat-cli", NULL);
}

static char *
run_cli (int         expected_status,
         const char *first,
         ...)
{
  g_autofree char *cli = cli_path ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int wait_status = 0;
  va_list args;

  g_ptr_array_add (argv, cli);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  if (WEXITSTATUS (wait_status) != expected_status)
    g_error ("paraat-cli %s exited with %d: %s", first, WEXITSTATUS (wait_status), err);
  return out;
}

static double
json_double (const char *json,
             const char *path)
{
  g_autofree char *text = test_util_json_text (json, path);

  g_assert_nonnull (text);
  return g_ascii_strtod (text, NULL);
}

static void
test_cli_summary (TestDir       *fixture,
                  gconstpointer  data)
{
  g_autofree char *cli = cli_path ();
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  g_autofree char *first = NULL;
  g_autofree char *depth = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *missing = NULL;
  gint64 quick, full;

  if (!g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("paraat-cli is not built");
      return;
    }

  {
    g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);

    path = g_strdup (paraat_workspace_get_path (ws));
    missing = run_cli (2, "scan-summary", path, "--json", NULL);
    quick = create_scan (ws, "Baseline", PARAAT_SCAN_QUICK, "iso27001-2022", "nis2");
    full = create_scan (ws, "Gap analysis", PARAAT_SCAN_FULL, "iso27001-2022", "nis2");
    answer_all (ws, quick, 2);
  }

  /* The latest scan by default: the unanswered gap analysis. */
  json = run_cli (0, "scan-summary", path, "--json", NULL);
  g_assert_cmpint (test_util_json_int (json, "$.scan.id"), ==, full);
  depth = test_util_json_text (json, "$.scan.depth");
  g_assert_cmpstr (depth, ==, "full");
  g_assert_cmpint (test_util_json_int (json, "$.scan.answered"), ==, 0);
  text = test_util_json_text (json, "$.frameworks[0].readiness_text");
  g_assert_cmpstr (text, ==, "n/a");
  g_assert_cmpfloat (json_double (json, "$.frameworks[0].readiness"), ==, -1);
  g_clear_pointer (&text, g_free);
  text = test_util_json_text (json, "$.top_gaps[0]");
  g_assert_null (text);
  g_clear_pointer (&json, g_free);

  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, quick);
    json = run_cli (0, "scan-summary", path, "--scan", id, "--json", NULL);
  }
  name = test_util_json_text (json, "$.scan.name");
  g_assert_cmpstr (name, ==, "Baseline");
  first = test_util_json_text (json, "$.scan.frameworks[0]");
  g_assert_cmpstr (first, ==, "iso27001-2022");
  g_assert_cmpint (test_util_json_int (json, "$.scan.target_level"), ==, 3);
  g_assert_cmpfloat (json_double (json, "$.frameworks[0].readiness"), ==, 0);
  g_assert_cmpint (test_util_json_int (json, "$.frameworks[0].answered"), >, 0);
  text = test_util_json_text (json, "$.frameworks[1].framework");
  g_assert_cmpstr (text, ==, "nis2");
  g_clear_pointer (&text, g_free);
  text = test_util_json_text (json, "$.domains[0].group");
  g_assert_cmpstr (text, ==, "4");
  g_clear_pointer (&text, g_free);
  g_assert_cmpfloat (json_double (json, "$.domains[0].mean_maturity"), ==, 2.0);
  g_assert_cmpint (test_util_json_int (json, "$.top_gaps[9].rank"), ==, 10);
  text = test_util_json_text (json, "$.top_gaps[10]");
  g_assert_null (text);
  g_assert_cmpint (test_util_json_int (json, "$.top_gaps[0].gap"), ==, 1);
  g_assert_cmpint (test_util_json_int (json, "$.top_gaps[0].rank"), ==, 1);

  g_free (run_cli (2, "scan-summary", path, "--scan", "999", "--json", NULL));
}

static void
test_demo_scans (TestDir       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "demo.paraat");
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GListModel) scans = NULL;
  g_autoptr(ParaatScan) latest = NULL;
  g_autoptr(ParaatScan) baseline = NULL;
  g_autoptr(ParaatScanResults) results = NULL;
  g_autoptr(ParaatScanComparison) cmp = NULL;

  ws = paraat_demo_create (path, &error);
  g_assert_no_error (error);
  scans = paraat_workspace_list_scans (ws, &error);
  g_assert_cmpuint (g_list_model_get_n_items (scans), ==, 2);
  latest = g_list_model_get_item (scans, 0);
  baseline = g_list_model_get_item (scans, 1);
  g_assert_cmpint (paraat_scan_get_depth (latest), ==, PARAAT_SCAN_FULL);
  g_assert_cmpint (paraat_scan_get_depth (baseline), ==, PARAAT_SCAN_QUICK);
  g_assert_cmpstr (paraat_scan_get_date (baseline), <, paraat_scan_get_date (latest));
  g_assert_cmpuint (paraat_scan_get_n_answered (latest), >, paraat_scan_get_n_questions (latest) / 2);

  results = paraat_workspace_compute_scan_results (ws, paraat_scan_get_id (latest), &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (score_at (results->frameworks, 0)->readiness, >, 0);
  g_assert_cmpfloat (score_at (results->frameworks, 0)->readiness, <, 1);
  g_assert_cmpuint (results->top->len, ==, PARAAT_SCAN_TOP_GAPS);

  cmp = paraat_workspace_compare_scans (ws, paraat_scan_get_id (baseline),
                                        paraat_scan_get_id (latest), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cmp->requirements->len, >, 100);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, TestDir, NULL, test_dir_setup, func, test_dir_teardown)

  ADD ("/scan/create/quick", test_create_quick);
  ADD ("/scan/create/full", test_create_full);
  ADD ("/scan/create/invalid", test_create_invalid);
  ADD ("/scan/answer", test_answer);
  g_test_add_func ("/scan/score/edge-cases", test_score_edge_cases);
  g_test_add_func ("/scan/score/frameworks", test_score_frameworks);
  g_test_add_func ("/scan/score/no-double-counting", test_score_no_double_counting);
  g_test_add_func ("/scan/score/risk-factor", test_score_risk_factor);
  g_test_add_func ("/scan/compare/results", test_compare_results);
  ADD ("/scan/workspace-results", test_workspace_results);
  ADD ("/scan/workspace-risk-priority", test_workspace_risk_priority);
  ADD ("/scan/cli-summary", test_cli_summary);
  ADD ("/scan/demo", test_demo_scans);

  return g_test_run ();
}
