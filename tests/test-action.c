/* test-action.c — actions, their workflow, management reviews, metrics and iCalendar export
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "paraat-action.h"
#include "paraat-catalog.h"
#include "paraat-check.h"
#include "paraat-clock.h"
#include "paraat-demo.h"
#include "paraat-error.h"
#include "paraat-evidence.h"
#include "paraat-ical.h"
#include "paraat-metrics.h"
#include "paraat-requirement.h"
#include "paraat-review.h"
#include "paraat-trail.h"
#include "test-util.h"

#define DAY_MS G_GINT64_CONSTANT (86400000)

typedef struct
{
  ParaatWorkspace *ws;
  char            *dir;
  gint64           anna;    /* the creator, who is working */
  gint64           bert;
  gint64           carla;
} Org;

static void
org_clear (Org *org)
{
  g_clear_object (&org->ws);
  g_free (org->dir);
  paraat_clock_set_fixed_ms (0);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Org, org_clear)

static void
org_init (Org     *org,
          TestDir *fixture)
{
  g_autofree char *path = test_dir_path (fixture, "org.paraat");
  g_autoptr(GError) error = NULL;

  test_util_at ("2026-03-15");
  org->dir = g_strdup (fixture->dir);
  org->ws = paraat_workspace_create (path, "Voorbeeld B.V.", "Anna de Boer", &error);
  g_assert_no_error (error);
  org->anna = paraat_person_get_id (paraat_workspace_get_actor (org->ws));
  org->bert = paraat_workspace_add_person (org->ws, "Bert Kok", "CTO", "bert@voorbeeld.example",
                                           &error);
  g_assert_no_error (error);
  org->carla = paraat_workspace_add_person (org->ws, "Carla Smit", "HR", "", &error);
  g_assert_no_error (error);
}

static ParaatActionSpec
spec_for (Org        *org,
          const char *title,
          const char *due)
{
  ParaatActionSpec spec = {
    .title = title,
    .decision = "Because the auditor will ask.",
    .source = PARAAT_SOURCE_AUDIT,
    .owner_id = org->bert,
    .due_date = due,
    .priority = PARAAT_PRIORITY_MEDIUM,
    .required_track = PARAAT_TRACK_OPERATION,
    .required_evidence = "Export of the access review",
  };
  return spec;
}

static gint64
create (Org                    *org,
        const ParaatActionSpec *spec)
{
  g_autoptr(GError) error = NULL;
  gint64 id = paraat_workspace_create_action (org->ws, spec, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
create_simple (Org        *org,
               const char *title,
               const char *due)
{
  ParaatActionSpec spec = spec_for (org, title, due);

  return create (org, &spec);
}

static gint64
add_evidence (Org        *org,
              const char *name,
              guint       track,
              const char *valid_until)
{
  g_autofree char *path = g_build_filename (org->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  ParaatEvidenceMeta meta = {
    .title = name, .track = track, .evidence_date = "2026-01-10", .valid_until = valid_until,
  };
  gint64 id;

  test_util_write_file (path, name, strlen (name));
  id = paraat_workspace_add_evidence (org->ws, path, &meta, 0, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static ParaatAction *
get (Org    *org,
     gint64  id)
{
  g_autoptr(GError) error = NULL;
  ParaatAction *action = paraat_workspace_get_action (org->ws, id, &error);

  g_assert_no_error (error);
  return action;
}

static ParaatActionStatus
status_of (Org    *org,
           gint64  id)
{
  g_autoptr(ParaatAction) action = get (org, id);

  return paraat_action_get_status (action);
}

static gint64
trail_count (Org *org)
{
  return test_util_trail_count (paraat_workspace_get_path (org->ws));
}

static void
assert_refused (gboolean  ok,
                GError   *error)
{
  g_assert_false (ok);
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
}

/* Creating */

static void
test_create (TestDir       *fixture,
             gconstpointer  data)
{
  g_auto(Org) org = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ParaatAction) action = NULL;
  g_autofree char *details = NULL;
  gint64 reqs[3];
  gint64 id, before;
  guint n = 0;
  const gint64 *ids;

  org_init (&org, fixture);
  reqs[0] = test_util_requirement_id (org.ws, "iso27001-2022", "A.5.15");
  reqs[1] = test_util_requirement_id (org.ws, "nis2", "21(2)(i)");
  reqs[2] = reqs[0];
  g_signal_connect (org.ws, "changed", G_CALLBACK (test_util_record_change), seen);

  {
    ParaatActionSpec spec = spec_for (&org, "  Review access rights  ", "2026-04-30");
    spec.requirement_ids = reqs;
    spec.n_requirements = 3;
    spec.priority = PARAAT_PRIORITY_HIGH;
    spec.project = "Access control";
    spec.quarter = "2026-Q2";
    before = trail_count (&org);
    id = create (&org, &spec);
  }
  g_assert_cmpint (trail_count (&org), ==, before + 1);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "action");

  action = get (&org, id);
  g_assert_cmpstr (paraat_action_get_title (action), ==, "Review access rights");
  g_assert_cmpint (paraat_action_get_status (action), ==, PARAAT_ACTION_OPEN);
  g_assert_cmpint (paraat_action_get_owner_id (action), ==, org.bert);
  g_assert_cmpstr (paraat_action_get_owner_name (action), ==, "Bert Kok");
  g_assert_cmpstr (paraat_action_get_due_date (action), ==, "2026-04-30");
  g_assert_cmpint (paraat_action_get_priority (action), ==, PARAAT_PRIORITY_HIGH);
  g_assert_true (paraat_action_is_high_risk (action));
  g_assert_false (paraat_action_is_overdue (action));
  g_assert_cmpuint (paraat_action_get_required_track (action), ==, PARAAT_TRACK_OPERATION);
  g_assert_cmpstr (paraat_action_get_quarter (action), ==, "2026-Q2");
  g_assert_cmpstr (paraat_action_get_project (action), ==, "Access control");
  g_assert_cmpstr (paraat_action_get_framework_keys (action), ==, "iso27001-2022, nis2");
  g_assert_cmpint (paraat_action_get_created_ms (action), ==, test_util_noon_ms ("2026-03-15"));
  ids = paraat_action_get_requirement_ids (action, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (ids[0] == reqs[0] || ids[1] == reqs[0]);

  details = test_util_last_trail (org.ws, "object_type || ':' || action");
  g_assert_cmpstr (details, ==, "action:create");

  {
    g_autoptr(GListModel) linked = paraat_workspace_list_requirement_actions (org.ws, reqs[1],
                                                                            &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 1);
  }

  /* Refusals, each with a message and nothing written. */
  before = trail_count (&org);
  {
    static const char long_title[] =
      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
      "xxxxxxxxxxxxxxxxxxxxxxxxx";
    gint64 bad_req = 99999999;

    for (guint i = 0; i < 10; i++)
      {
        ParaatActionSpec spec = spec_for (&org, "Valid", "2026-04-30");
        g_autoptr(GError) e = NULL;

        switch (i)
          {
          case 0: spec.title = "   "; break;
          case 1: spec.title = long_title; break;
          case 2: spec.owner_id = 0; break;
          case 3: spec.owner_id = 4242; break;
          case 4: spec.due_date = "2026-02-30"; break;
          case 5: spec.due_date = NULL; break;
          case 6: spec.quarter = "2026-Q5"; break;
          case 7: spec.required_track = PARAAT_TRACK_POLICY | PARAAT_TRACK_OPERATION; break;
          case 8: spec.requirement_ids = &bad_req; spec.n_requirements = 1; break;
          case 9: spec.scan_id = 77; break;
          default: g_assert_not_reached ();
          }
        g_assert_cmpint (paraat_workspace_create_action (org.ws, &spec, &e), ==, 0);
        g_assert_error (e, PARAAT_ERROR, PARAAT_ERROR_INVALID);
      }
  }
  g_assert_cmpint (trail_count (&org), ==, before);

  /* Editing keeps the due date; closed work refuses edits (tested with the workflow). */
  {
    ParaatActionSpec spec = spec_for (&org, "Review access rights quarterly", "2030-01-01");
    g_autoptr(ParaatAction) edited = NULL;

    spec.owner_id = org.carla;
    g_assert_true (paraat_workspace_update_action (org.ws, id, &spec, &error));
    g_assert_no_error (error);
    edited = get (&org, id);
    g_assert_cmpstr (paraat_action_get_title (edited), ==, "Review access rights quarterly");
    g_assert_cmpstr (paraat_action_get_due_date (edited), ==, "2026-04-30");
    g_assert_cmpstr (paraat_action_get_owner_name (edited), ==, "Carla Smit");
    g_assert_cmpstr (paraat_action_get_framework_keys (edited), ==, "");
    g_assert_cmpint (trail_count (&org), ==, before + 1);

    /* The same again changes nothing and writes nothing. */
    g_assert_true (paraat_workspace_update_action (org.ws, id, &spec, &error));
    g_assert_cmpint (trail_count (&org), ==, before + 1);
  }

  /* The guard triggers keep other programs from writing behind the trail's back. */
  {
    static const char * const writes[] = {
      "UPDATE action SET status = 'closed'", "DELETE FROM action_requirement",
      "INSERT INTO action_due_change (action_id, old_due, new_due, reason, actor_name, ts_ms)"
      " VALUES (1, '2026-01-01', '2026-02-01', 'x', 'x', 0)",
      "DELETE FROM action_evidence", "DELETE FROM review", "DELETE FROM review_decision",
      "DELETE FROM review_input", "DELETE FROM review_attendee", "DELETE FROM review_addendum",
    };
    g_autoptr(TestDb) rw = test_util_raw_open (paraat_workspace_get_path (org.ws), FALSE, FALSE);

    for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
      g_assert_false (test_util_raw_try_exec (rw, writes[i], NULL));
  }

  /* An owner with open actions stays in the directory. */
  g_assert_false (paraat_workspace_remove_person (org.ws, org.carla, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Carla Smit"));
  test_util_assert_healthy (org.ws);
}

/* Workflow */

static void
test_workflow (TestDir       *fixture,
               gconstpointer  data)
{
  g_auto(Org) org = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 id, other, policy, operation, before;
  gboolean ok;

  org_init (&org, fixture);
  id = create_simple (&org, "Restore test of the production backup", "2026-04-01");
  other = create_simple (&org, "Write the backup policy", "2026-04-01");
  policy = add_evidence (&org, "policy.txt", PARAAT_TRACK_POLICY, "2027-01-10");
  operation = add_evidence (&org, "restore-log.txt", PARAAT_TRACK_OPERATION, "2027-01-10");

  /* Open: only starting and cancelling are allowed. */
  ok = paraat_workspace_submit_action (org.ws, id, &error);
  assert_refused (ok, error);
  g_clear_error (&error);
  ok = paraat_workspace_approve_action (org.ws, id, org.anna, "Checked", &error);
  assert_refused (ok, error);
  g_clear_error (&error);
  ok = paraat_workspace_reject_action (org.ws, id, org.anna, "No", &error);
  assert_refused (ok, error);
  g_clear_error (&error);
  ok = paraat_workspace_reopen_action (org.ws, id, "Why not", &error);
  assert_refused (ok, error);
  g_clear_error (&error);

  before = trail_count (&org);
  g_assert_true (paraat_workspace_start_action (org.ws, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (&org, id), ==, PARAAT_ACTION_IN_PROGRESS);
  g_assert_cmpint (trail_count (&org), ==, before + 1);
  ok = paraat_workspace_start_action (org.ws, id, &error);
  assert_refused (ok, error);
  g_clear_error (&error);

  /* The evidence gate: nothing linked, then the wrong track, then the right one. */
  ok = paraat_workspace_submit_action (org.ws, id, &error);
  assert_refused (ok, error);
  g_assert_nonnull (strstr (error->message, "Operation"));
  g_clear_error (&error);
  g_assert_true (paraat_workspace_link_action_evidence (org.ws, id, policy, &error));
  ok = paraat_workspace_submit_action (org.ws, id, &error);
  assert_refused (ok, error);
  g_clear_error (&error);
  g_assert_true (paraat_workspace_link_action_evidence (org.ws, id, operation, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) evidence = paraat_workspace_list_action_evidence (org.ws, id, &error);
    g_autoptr(ParaatAction) action = get (&org, id);

    g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 2);
    g_assert_cmpuint (paraat_action_get_n_evidence (action), ==, 2);
  }
  g_assert_true (paraat_workspace_submit_action (org.ws, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (&org, id), ==, PARAAT_ACTION_AWAITING_REVIEW);
  ok = paraat_workspace_submit_action (org.ws, id, &error);
  assert_refused (ok, error);
  g_clear_error (&error);
  ok = paraat_workspace_start_action (org.ws, id, &error);
  assert_refused (ok, error);
  g_clear_error (&error);

  /* Sent back: a comment is required and is kept. */
  ok = paraat_workspace_reject_action (org.ws, id, org.anna, "  ", &error);
  assert_refused (ok, error);
  g_clear_error (&error);
  g_assert_true (paraat_workspace_reject_action (org.ws, id, org.anna,
                                                 "The log shows no restore of the database.",
                                                 &error));
  g_assert_no_error (error);
  {
    g_autoptr(ParaatAction) action = get (&org, id);
    g_autofree char *verb = test_util_last_trail (org.ws, "action");
    g_autofree char *reason = test_util_last_trail (org.ws, "reason");

    g_assert_cmpint (paraat_action_get_status (action), ==, PARAAT_ACTION_IN_PROGRESS);
    g_assert_cmpstr (paraat_action_get_review_comment (action), ==,
                     "The log shows no restore of the database.");
    g_assert_cmpstr (verb, ==, "reject");
    g_assert_cmpstr (reason, ==, "The log shows no restore of the database.");
  }
  g_assert_true (paraat_workspace_submit_action (org.ws, id, &error));

  /* Closing: a reviewer other than the owner, unless self-review is allowed, and a note. */
  ok = paraat_workspace_approve_action (org.ws, id, org.bert, "I checked it myself", &error);
  assert_refused (ok, error);
  g_clear_error (&error);
  ok = paraat_workspace_approve_action (org.ws, id, 0, "Checked", &error);
  assert_refused (ok, error);
  g_clear_error (&error);
  ok = paraat_workspace_approve_action (org.ws, id, org.anna, " ", &error);
  assert_refused (ok, error);
  g_clear_error (&error);

  g_assert_false (paraat_workspace_get_allow_self_review (org.ws));
  before = trail_count (&org);
  g_assert_true (paraat_workspace_set_allow_self_review (org.ws, TRUE, &error));
  g_assert_true (paraat_workspace_get_allow_self_review (org.ws));
  g_assert_cmpint (trail_count (&org), ==, before + 1);
  {
    g_autofree char *type = test_util_last_trail (org.ws, "object_type");
    g_assert_cmpstr (type, ==, "settings");
  }
  g_assert_true (paraat_workspace_approve_action (org.ws, id, org.bert,
                                                  "Restore log of 2026-03-10 shows the database "
                                                  "restored in 42 minutes.", &error));
  g_assert_no_error (error);
  g_assert_true (paraat_workspace_set_allow_self_review (org.ws, FALSE, &error));
  {
    g_autoptr(ParaatAction) action = get (&org, id);

    g_assert_cmpint (paraat_action_get_status (action), ==, PARAAT_ACTION_CLOSED);
    g_assert_cmpint (paraat_action_get_reviewer_id (action), ==, org.bert);
    g_assert_cmpstr (paraat_action_get_reviewer_name (action), ==, "Bert Kok");
    g_assert_cmpint (paraat_action_get_closed_ms (action), ==, test_util_noon_ms ("2026-03-15"));
    g_assert_false (paraat_action_is_active (action));
  }

  /* Closed: frozen except for reopening with a reason. */
  for (guint i = 0; i < 6; i++)
    {
      ParaatActionSpec spec = spec_for (&org, "Changed", "2026-05-01");
      g_autoptr(GError) e = NULL;

      switch (i)
        {
        case 0: ok = paraat_workspace_start_action (org.ws, id, &e); break;
        case 1: ok = paraat_workspace_cancel_action (org.ws, id, "Not needed", &e); break;
        case 2: ok = paraat_workspace_update_action (org.ws, id, &spec, &e); break;
        case 3: ok = paraat_workspace_move_action_due (org.ws, id, "2026-05-01", "Later", &e); break;
        case 4: ok = paraat_workspace_unlink_action_evidence (org.ws, id, policy, &e); break;
        case 5: ok = paraat_workspace_reopen_action (org.ws, id, "", &e); break;
        default: g_assert_not_reached ();
        }
      assert_refused (ok, e);
    }
  g_assert_true (paraat_workspace_reopen_action (org.ws, id, "The restore test failed in "
                                                 "April.", &error));
  {
    g_autoptr(ParaatAction) action = get (&org, id);

    g_assert_cmpint (paraat_action_get_status (action), ==, PARAAT_ACTION_IN_PROGRESS);
    g_assert_cmpint (paraat_action_get_closed_ms (action), ==, 0);
    g_assert_cmpint (paraat_action_get_reviewer_id (action), ==, 0);
    g_assert_cmpstr (paraat_action_get_verification_note (action), ==, "");
  }

  /* Cancelling needs a reason; cancelled work can be reopened. */
  ok = paraat_workspace_cancel_action (org.ws, other, "", &error);
  assert_refused (ok, error);
  g_clear_error (&error);
  g_assert_true (paraat_workspace_cancel_action (org.ws, other, "Covered by the group policy.",
                                                 &error));
  {
    g_autoptr(ParaatAction) action = get (&org, other);
    g_autofree char *verb = test_util_last_trail (org.ws, "action");

    g_assert_cmpint (paraat_action_get_status (action), ==, PARAAT_ACTION_CANCELLED);
    g_assert_cmpstr (paraat_action_get_cancel_reason (action), ==, "Covered by the group policy.");
    g_assert_cmpint (paraat_action_get_cancelled_ms (action), >, 0);
    g_assert_cmpstr (verb, ==, "cancel");
  }
  ok = paraat_workspace_cancel_action (org.ws, other, "Again", &error);
  assert_refused (ok, error);
  g_clear_error (&error);
  ok = paraat_workspace_submit_action (org.ws, other, &error);
  assert_refused (ok, error);
  g_clear_error (&error);
  g_assert_true (paraat_workspace_reopen_action (org.ws, other, "The group policy was withdrawn.",
                                                 &error));
  g_assert_cmpint (status_of (&org, other), ==, PARAAT_ACTION_IN_PROGRESS);

  /* In progress can be cancelled too. */
  g_assert_true (paraat_workspace_cancel_action (org.ws, other, "Merged into another action.",
                                                 &error));
  test_util_assert_healthy (org.ws);
}

static void
test_due_history (TestDir       *fixture,
                  gconstpointer  data)
{
  g_auto(Org) org = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(ParaatActionDueChange) change = NULL;
  gint64 id, before;
  gboolean ok;

  org_init (&org, fixture);
  id = create_simple (&org, "Supplier assessment of the hosting provider", "2026-03-01");
  {
    g_autoptr(ParaatAction) action = get (&org, id);

    g_assert_true (paraat_action_is_overdue (action));
    g_assert_cmpint (paraat_action_get_days_overdue (action), ==, 14);
  }

  before = trail_count (&org);
  ok = paraat_workspace_move_action_due (org.ws, id, "2026-04-15", "  ", &error);
  assert_refused (ok, error);
  g_clear_error (&error);
  ok = paraat_workspace_move_action_due (org.ws, id, "15-04-2026", "Supplier on holiday", &error);
  assert_refused (ok, error);
  g_clear_error (&error);
  g_assert_cmpint (trail_count (&org), ==, before);

  g_assert_true (paraat_workspace_move_action_due (org.ws, id, "2026-04-15",
                                                   "The supplier answers after the holidays.",
                                                   &error));
  g_assert_no_error (error);
  g_assert_true (paraat_workspace_move_action_due (org.ws, id, "2026-05-01",
                                                   "Waiting for their SOC 2 report.", &error));
  g_assert_cmpint (trail_count (&org), ==, before + 2);
  {
    g_autofree char *verb = test_util_last_trail (org.ws, "action");
    g_autofree char *reason = test_util_last_trail (org.ws, "reason");

    g_assert_cmpstr (verb, ==, "due");
    g_assert_cmpstr (reason, ==, "Waiting for their SOC 2 report.");
  }

  history = paraat_workspace_list_action_due_changes (org.ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  change = g_list_model_get_item (history, 0);
  g_assert_cmpstr (paraat_action_due_change_get_old_due (change), ==, "2026-03-01");
  g_assert_cmpstr (paraat_action_due_change_get_new_due (change), ==, "2026-04-15");
  g_assert_cmpstr (paraat_action_due_change_get_reason (change), ==,
                   "The supplier answers after the holidays.");
  g_assert_cmpstr (paraat_action_due_change_get_actor_name (change), ==, "Anna de Boer");
  g_assert_cmpint (paraat_action_due_change_get_ts_ms (change), ==, test_util_noon_ms ("2026-03-15"));
  {
    g_autoptr(ParaatAction) action = get (&org, id);
    g_assert_false (paraat_action_is_overdue (action));
  }
  test_util_assert_healthy (org.ws);
}

static void
test_bulk (TestDir       *fixture,
           gconstpointer  data)
{
  g_auto(Org) org = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GListModel) all = NULL;
  ParaatActionSpec specs[3];
  gint64 before, closed, evidence;

  org_init (&org, fixture);
  specs[0] = spec_for (&org, "Gap A.5.15: access control policy", "2026-06-30");
  specs[1] = spec_for (&org, "Gap A.8.13: backup", "2026-06-30");
  specs[2] = spec_for (&org, "Gap A.5.24: incident plan", "not a date");

  /* One bad spec: nothing is created. */
  before = trail_count (&org);
  g_assert_false (paraat_workspace_create_actions (org.ws, specs, 3, ids, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "3"));
  g_clear_error (&error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_assert_cmpint (trail_count (&org), ==, before);
  all = paraat_workspace_list_actions (org.ws, &error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 0);
  g_clear_object (&all);

  specs[2].due_date = "2026-05-31";
  g_assert_true (paraat_workspace_create_actions (org.ws, specs, 3, ids, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (trail_count (&org), ==, before + 3);
  all = paraat_workspace_list_actions (org.ws, &error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);
  {
    /* Soonest due first */
    g_autoptr(ParaatAction) first = g_list_model_get_item (all, 0);
    g_assert_cmpstr (paraat_action_get_due_date (first), ==, "2026-05-31");
  }

  before = trail_count (&org);
  g_assert_true (paraat_workspace_reassign_actions (org.ws, (gint64 *) ids->data, 3, org.carla,
                                                    &error));
  g_assert_cmpint (trail_count (&org), ==, before + 3);
  g_assert_true (paraat_workspace_move_actions_due (org.ws, (gint64 *) ids->data, 2,
                                                    "2026-07-31", "Budget comes in Q3", &error));
  g_assert_cmpint (trail_count (&org), ==, before + 5);
  g_assert_true (paraat_workspace_move_actions_to_quarter (org.ws, (gint64 *) ids->data, 3,
                                                           "2026-Q3", &error));
  g_assert_cmpint (trail_count (&org), ==, before + 8);
  {
    g_autoptr(ParaatAction) a = get (&org, g_array_index (ids, gint64, 1));
    g_autoptr(GListModel) history =
      paraat_workspace_list_action_due_changes (org.ws, g_array_index (ids, gint64, 1), &error);

    g_assert_cmpstr (paraat_action_get_owner_name (a), ==, "Carla Smit");
    g_assert_cmpstr (paraat_action_get_due_date (a), ==, "2026-07-31");
    g_assert_cmpstr (paraat_action_get_quarter (a), ==, "2026-Q3");
    g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
  }

  /* One closed action in the selection: nothing changes. */
  evidence = add_evidence (&org, "log.txt", PARAAT_TRACK_OPERATION, "2027-01-10");
  closed = g_array_index (ids, gint64, 2);
  g_assert_true (paraat_workspace_start_action (org.ws, closed, &error));
  g_assert_true (paraat_workspace_link_action_evidence (org.ws, closed, evidence, &error));
  g_assert_true (paraat_workspace_submit_action (org.ws, closed, &error));
  g_assert_true (paraat_workspace_approve_action (org.ws, closed, org.anna, "Seen the log.",
                                                  &error));
  g_assert_no_error (error);

  before = trail_count (&org);
  g_assert_false (paraat_workspace_reassign_actions (org.ws, (gint64 *) ids->data, 3, org.bert,
                                                     &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (paraat_workspace_move_actions_due (org.ws, (gint64 *) ids->data, 3,
                                                     "2026-09-30", "Later", &error));
  g_clear_error (&error);
  g_assert_false (paraat_workspace_move_actions_to_quarter (org.ws, (gint64 *) ids->data, 3,
                                                            "2026-Q4", &error));
  g_clear_error (&error);
  g_assert_false (paraat_workspace_move_actions_to_quarter (org.ws, (gint64 *) ids->data, 2,
                                                            "Q4", &error));
  g_clear_error (&error);
  g_assert_false (paraat_workspace_reassign_actions (org.ws, (gint64 *) ids->data, 2, 999,
                                                     &error));
  g_clear_error (&error);
  g_assert_cmpint (trail_count (&org), ==, before);
  {
    g_autoptr(ParaatAction) a = get (&org, g_array_index (ids, gint64, 0));
    g_assert_cmpstr (paraat_action_get_owner_name (a), ==, "Carla Smit");
  }
  test_util_assert_healthy (org.ws);
}

/* Closing marks the linked requirements for a re-test in the next scan. */
static void
test_retest (TestDir       *fixture,
             gconstpointer  data)
{
  g_auto(Org) org = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) marks = NULL;
  gint64 reqs[2], id, open_id, evidence;

  org_init (&org, fixture);
  reqs[0] = test_util_requirement_id (org.ws, "iso27001-2022", "A.8.13");
  reqs[1] = test_util_requirement_id (org.ws, "iso27001-2022", "A.5.30");
  evidence = add_evidence (&org, "restore.txt", PARAAT_TRACK_OPERATION, "2027-01-10");
  {
    ParaatActionSpec spec = spec_for (&org, "Restore test", "2026-04-01");
    spec.requirement_ids = reqs;
    spec.n_requirements = 2;
    id = create (&org, &spec);
    spec.requirement_ids = &reqs[1];
    spec.n_requirements = 1;
    open_id = create (&org, &spec);
  }
  marks = paraat_workspace_list_retest_requirements (org.ws, 0, &error);
  g_assert_cmpuint (g_hash_table_size (marks), ==, 0);
  g_clear_pointer (&marks, g_hash_table_unref);

  test_util_at ("2026-03-20");
  g_assert_true (paraat_workspace_start_action (org.ws, id, &error));
  g_assert_true (paraat_workspace_link_action_evidence (org.ws, id, evidence, &error));
  g_assert_true (paraat_workspace_submit_action (org.ws, id, &error));
  g_assert_true (paraat_workspace_approve_action (org.ws, id, org.anna, "Restore worked.",
                                                  &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (&org, open_id), ==, PARAAT_ACTION_OPEN);

  marks = paraat_workspace_list_retest_requirements (org.ws, test_util_noon_ms ("2026-03-01"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (marks), ==, 2);
  g_assert_true (g_hash_table_contains (marks, &reqs[0]));
  g_assert_true (g_hash_table_contains (marks, &reqs[1]));
  g_clear_pointer (&marks, g_hash_table_unref);

  /* Closed before the baseline scan: already re-tested there. */
  marks = paraat_workspace_list_retest_requirements (org.ws, test_util_noon_ms ("2026-03-25"), &error);
  g_assert_cmpuint (g_hash_table_size (marks), ==, 0);
  g_clear_pointer (&marks, g_hash_table_unref);

  g_assert_true (paraat_workspace_reopen_action (org.ws, id, "Restore failed after all.",
                                                 &error));
  marks = paraat_workspace_list_retest_requirements (org.ws, 0, &error);
  g_assert_cmpuint (g_hash_table_size (marks), ==, 0);
}

static void
test_reminder (TestDir       *fixture,
               gconstpointer  data)
{
  g_auto(Org) org = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GUri) parsed = NULL;

  org_init (&org, fixture);
  create_simple (&org, "Patch & reboot: the VPN gateway", "2026-03-10");
  create_simple (&org, "Not yet due", "2026-03-30");

  g_assert_null (paraat_workspace_build_reminder_uri (org.ws, org.carla, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
  g_clear_error (&error);

  uri = paraat_workspace_build_reminder_uri (org.ws, org.bert, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (uri, "mailto:bert@voorbeeld.example?subject="));
  g_assert_null (strchr (uri, ' '));
  g_assert_null (strchr (uri, '\n'));
  g_assert_nonnull (strstr (uri, "%0D%0A"));
  g_assert_null (strstr (uri, "Not%20yet"));

  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED_QUERY, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GHashTable) params = g_uri_parse_params (g_uri_get_query (parsed), -1, "&",
                                                       G_URI_PARAMS_NONE, &error);
    g_assert_no_error (error);
    body = g_strdup (g_hash_table_lookup (params, "body"));
    g_assert_cmpstr (g_hash_table_lookup (params, "subject"), ==,
                     "Reminder: 1 overdue action in the ISMS");
  }
  g_assert_nonnull (strstr (body, "Patch & reboot: the VPN gateway (due 2026-03-10, 5 days "
                                  "overdue, Open)"));
}

/* Management reviews */

static gint64
create_review (Org        *org,
               const char *title,
               const char *date)
{
  g_autoptr(GError) error = NULL;
  gint64 attendees[] = { org->bert, org->carla, org->bert };
  ParaatReviewSpec spec = {
    .title = title, .date = date, .chair_id = org->anna,
    .attendee_ids = attendees, .n_attendees = G_N_ELEMENTS (attendees),
  };
  gint64 id = paraat_workspace_create_review (org->ws, &spec, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_review (TestDir       *fixture,
             gconstpointer  data)
{
  g_auto(Org) org = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatReview) review = NULL;
  g_autoptr(GListModel) inputs = NULL;
  gint64 first, second, d1, d2, d3, action_id, before;
  guint n = 0;
  gboolean ok;

  org_init (&org, fixture);
  first = create_review (&org, "Management review 2025", "2025-03-10");

  /* Validation */
  {
    ParaatReviewSpec bad = { .title = "", .date = "2025-03-10", .chair_id = org.anna };
    g_assert_cmpint (paraat_workspace_create_review (org.ws, &bad, &error), ==, 0);
    g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
    g_clear_error (&error);
    bad.title = "Review";
    bad.chair_id = 0;
    g_assert_cmpint (paraat_workspace_create_review (org.ws, &bad, &error), ==, 0);
    g_clear_error (&error);
    bad.chair_id = org.anna;
    bad.date = "March";
    g_assert_cmpint (paraat_workspace_create_review (org.ws, &bad, &error), ==, 0);
    g_clear_error (&error);
  }

  review = paraat_workspace_get_review (org.ws, first, &error);
  g_assert_cmpstr (paraat_review_get_chair_name (review), ==, "Anna de Boer");
  paraat_review_get_attendee_ids (review, &n);
  g_assert_cmpuint (n, ==, 2);
  g_clear_object (&review);

  before = trail_count (&org);
  g_assert_true (paraat_workspace_set_review_input (org.ws, first, PARAAT_REVIEW_INPUT_AUDITS,
                                                    TRUE, "Internal audit: 3 minor findings.",
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpint (trail_count (&org), ==, before + 1);
  /* The same again writes nothing. */
  g_assert_true (paraat_workspace_set_review_input (org.ws, first, PARAAT_REVIEW_INPUT_AUDITS,
                                                    TRUE, "Internal audit: 3 minor findings.",
                                                    &error));
  g_assert_cmpint (trail_count (&org), ==, before + 1);
  inputs = paraat_workspace_list_review_inputs (org.ws, first, &error);
  g_assert_cmpuint (g_list_model_get_n_items (inputs), ==, PARAAT_N_REVIEW_INPUTS);
  {
    g_autoptr(ParaatReviewTopic) audits = g_list_model_get_item (inputs,
                                                                 PARAAT_REVIEW_INPUT_AUDITS);
    g_autoptr(ParaatReviewTopic) risks = g_list_model_get_item (inputs, PARAAT_REVIEW_INPUT_RISKS);

    g_assert_true (paraat_review_topic_get_covered (audits));
    g_assert_false (paraat_review_topic_get_covered (risks));
    g_assert_cmpstr (paraat_review_topic_get_notes (risks), ==, "");
    g_assert_cmpstr (paraat_review_input_label (PARAAT_REVIEW_INPUT_AUDITS), ==,
                     "Audit results");
  }

  /* Decisions: one with an action, one with no action needed, one vague (flagged). */
  d1 = paraat_workspace_add_review_decision (org.ws, first, "Test the restore of backups "
                                             "twice a year.", &error);
  d2 = paraat_workspace_add_review_decision (org.ws, first, "Keep the risk appetite as it is.",
                                             &error);
  d3 = paraat_workspace_add_review_decision (org.ws, first, "Supplier security was discussed.",
                                             &error);
  g_assert_no_error (error);
  {
    ParaatActionSpec spec = spec_for (&org, "Half-yearly restore test", "2025-09-30");
    spec.source = PARAAT_SOURCE_OTHER;
    action_id = paraat_workspace_add_decision_action (org.ws, d1, &spec, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(ParaatAction) action = get (&org, action_id);
    g_assert_cmpint (paraat_action_get_source (action), ==, PARAAT_SOURCE_REVIEW);
    g_assert_cmpint (paraat_action_get_decision_id (action), ==, d1);
  }
  ok = paraat_workspace_set_decision_no_action (org.ws, d1, "Nothing to do", &error);
  assert_refused (ok, error);
  g_clear_error (&error);
  ok = paraat_workspace_remove_review_decision (org.ws, d1, &error);
  assert_refused (ok, error);
  g_clear_error (&error);
  g_assert_true (paraat_workspace_set_decision_no_action (org.ws, d2, "The appetite was "
                                                          "reviewed in January.", &error));
  {
    ParaatActionSpec spec = spec_for (&org, "Something", "2025-09-30");
    g_assert_cmpint (paraat_workspace_add_decision_action (org.ws, d2, &spec, &error), ==, 0);
    g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
    g_clear_error (&error);
  }

  review = paraat_workspace_get_review (org.ws, first, &error);
  g_assert_cmpuint (paraat_review_get_n_decisions (review), ==, 3);
  g_assert_cmpuint (paraat_review_get_n_flagged (review), ==, 1);
  g_assert_cmpuint (paraat_review_get_n_covered (review), ==, 1);
  g_clear_object (&review);
  {
    g_autoptr(GListModel) decisions = paraat_workspace_list_review_decisions (org.ws, first,
                                                                              &error);
    g_autoptr(ParaatReviewDecision) vague = g_list_model_get_item (decisions, 2);
    g_autoptr(ParaatReviewDecision) with_action = g_list_model_get_item (decisions, 0);

    g_assert_cmpuint (g_list_model_get_n_items (decisions), ==, 3);
    g_assert_cmpint (paraat_review_decision_get_id (vague), ==, d3);
    g_assert_true (paraat_review_decision_is_flagged (vague));
    g_assert_false (paraat_review_decision_is_flagged (with_action));
    g_assert_cmpuint (paraat_review_decision_get_n_actions (with_action), ==, 1);
  }

  /* Finalised: every edit refused, addenda allowed. */
  test_util_at ("2025-03-12");
  g_assert_true (paraat_workspace_finalise_review (org.ws, first, &error));
  g_assert_no_error (error);
  before = trail_count (&org);
  for (guint i = 0; i < 8; i++)
    {
      ParaatReviewSpec spec = { .title = "Renamed", .date = "2025-03-10", .chair_id = org.anna };
      ParaatActionSpec action_spec = spec_for (&org, "Late action", "2025-12-31");
      g_autoptr(GError) e = NULL;

      switch (i)
        {
        case 0: ok = paraat_workspace_update_review (org.ws, first, &spec, &e); break;
        case 1:
          ok = paraat_workspace_set_review_input (org.ws, first, PARAAT_REVIEW_INPUT_RISKS, TRUE,
                                                  "Late", &e);
          break;
        case 2: ok = paraat_workspace_add_review_decision (org.ws, first, "More", &e) != 0; break;
        case 3: ok = paraat_workspace_update_review_decision (org.ws, d3, "Edited", &e); break;
        case 4: ok = paraat_workspace_set_decision_no_action (org.ws, d3, "Late", &e); break;
        case 5: ok = paraat_workspace_add_decision_action (org.ws, d3, &action_spec, &e) != 0; break;
        case 6: ok = paraat_workspace_finalise_review (org.ws, first, &e); break;
        case 7:
          action_spec.decision_id = d3;
          ok = paraat_workspace_create_action (org.ws, &action_spec, &e) != 0;
          break;
        default: g_assert_not_reached ();
        }
      assert_refused (ok, e);
      g_assert_nonnull (strstr (e->message, i == 7 ? "finalised" : "addendum"));
    }
  g_assert_cmpint (trail_count (&org), ==, before);
  g_assert_cmpint (paraat_workspace_add_review_addendum (org.ws, first, "The supplier item "
                                                         "became action 12 in April.", &error),
                   >, 0);
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) addenda = paraat_workspace_list_review_addenda (org.ws, first, &error);
    g_autoptr(ParaatReviewAddendum) addendum = g_list_model_get_item (addenda, 0);
    g_autofree char *verb = test_util_last_trail (org.ws, "action");

    g_assert_cmpstr (paraat_review_addendum_get_author_name (addendum), ==, "Anna de Boer");
    g_assert_cmpstr (verb, ==, "addendum");
  }
  review = paraat_workspace_get_review (org.ws, first, &error);
  g_assert_true (paraat_review_is_finalised (review));
  g_assert_cmpint (paraat_review_get_finalised_ms (review), ==, test_util_noon_ms ("2025-03-12"));
  g_clear_object (&review);

  /* The decisions' actions keep their own workflow after the review is finalised. */
  g_assert_true (paraat_workspace_start_action (org.ws, action_id, &error));

  /* The next review sees the status of the previous review's actions. */
  test_util_at ("2026-03-15");
  second = create_review (&org, "Management review 2026", "2026-03-12");
  {
    g_autoptr(GListModel) previous = paraat_workspace_list_previous_review_actions (org.ws,
                                                                                    second,
                                                                                    &error);
    g_autoptr(GListModel) none = paraat_workspace_list_previous_review_actions (org.ws, first,
                                                                                &error);
    g_autoptr(GListModel) reviews = paraat_workspace_list_reviews (org.ws, &error);
    g_autoptr(ParaatReview) newest = g_list_model_get_item (reviews, 0);
    g_autoptr(ParaatAction) action = g_list_model_get_item (previous, 0);

    g_assert_cmpuint (g_list_model_get_n_items (previous), ==, 1);
    g_assert_cmpint (paraat_action_get_id (action), ==, action_id);
    g_assert_cmpint (paraat_action_get_status (action), ==, PARAAT_ACTION_IN_PROGRESS);
    g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (reviews), ==, 2);
    g_assert_cmpint (paraat_review_get_id (newest), ==, second);
  }

  /* A review with no decisions cannot be finalised; a person in a review stays on record. */
  ok = paraat_workspace_finalise_review (org.ws, second, &error);
  assert_refused (ok, error);
  g_clear_error (&error);
  {
    gint64 dave = paraat_workspace_add_person (org.ws, "Dave Jansen", "", "", &error);
    gint64 attendees[] = { dave };
    ParaatReviewSpec spec = {
      .title = "Management review 2026", .date = "2026-03-12", .chair_id = org.anna,
      .attendee_ids = attendees, .n_attendees = 1,
    };

    g_assert_true (paraat_workspace_update_review (org.ws, second, &spec, &error));
    g_assert_no_error (error);
    ok = paraat_workspace_remove_person (org.ws, dave, &error);
    assert_refused (ok, error);
    g_clear_error (&error);
  }
  test_util_assert_healthy (org.ws);
}

/* Metrics on fixed data, with a fixed clock */

/* Creates an action at CREATED and, when CLOSED is set, takes it through to closed then. */
static gint64
action_at (Org               *org,
           const char        *created,
           const char        *closed,
           ParaatActionSource source,
           ParaatPriority     priority,
           const char        *due,
           gint64             evidence)
{
  g_autoptr(GError) error = NULL;
  ParaatActionSpec spec = spec_for (org, "Metric action", due);
  gint64 id;

  spec.source = source;
  spec.priority = priority;
  test_util_at (created);
  id = create (org, &spec);
  if (closed != NULL)
    {
      test_util_at (closed);
      g_assert_true (paraat_workspace_start_action (org->ws, id, &error));
      g_assert_true (paraat_workspace_link_action_evidence (org->ws, id, evidence, &error));
      g_assert_true (paraat_workspace_submit_action (org->ws, id, &error));
      g_assert_true (paraat_workspace_approve_action (org->ws, id, org->anna, "Checked.",
                                                      &error));
      g_assert_no_error (error);
    }
  return id;
}

static void
test_metrics (TestDir       *fixture,
              gconstpointer  data)
{
  g_auto(Org) org = { 0 };
  g_autoptr(GError) error = NULL;
  ParaatMetrics m;
  gint64 evidence, stale, cancelled, applicable;

  org_init (&org, fixture);
  evidence = add_evidence (&org, "log.txt", PARAAT_TRACK_OPERATION, "2027-01-10");
  stale = add_evidence (&org, "old.txt", PARAAT_TRACK_POLICY, "2026-02-01");
  g_assert_true (paraat_workspace_link_evidence (org.ws, evidence,
                                                 test_util_requirement_id (org.ws, "iso27001-2022",
                                                                 "A.8.13"), &error));
  g_assert_true (paraat_workspace_link_evidence (org.ws, evidence,
                                                 test_util_requirement_id (org.ws, "nis2", "21(2)(c)"),
                                                 &error));
  g_assert_true (paraat_workspace_link_evidence (org.ws, stale,
                                                 test_util_requirement_id (org.ws, "iso27001-2022",
                                                                 "A.5.1"), &error));

  /* Open: high and overdue, critical and due soon, low and later. */
  action_at (&org, "2026-01-01", NULL, PARAAT_SOURCE_AUDIT, PARAAT_PRIORITY_HIGH, "2026-03-01", 0);
  action_at (&org, "2026-01-01", NULL, PARAAT_SOURCE_RISK, PARAAT_PRIORITY_CRITICAL, "2026-03-20", 0);
  action_at (&org, "2026-01-01", NULL, PARAAT_SOURCE_OTHER, PARAAT_PRIORITY_LOW, "2026-04-30", 0);
  /* Closed corrective actions: 31 and 28 days; a risk treatment and an old one left out. */
  action_at (&org, "2026-01-01", "2026-02-01", PARAAT_SOURCE_AUDIT, PARAAT_PRIORITY_MEDIUM,
             "2026-02-15", evidence);
  action_at (&org, "2026-02-01", "2026-03-01", PARAAT_SOURCE_INCIDENT, PARAAT_PRIORITY_HIGH,
             "2026-03-05", evidence);
  action_at (&org, "2026-01-01", "2026-01-11", PARAAT_SOURCE_RISK, PARAAT_PRIORITY_MEDIUM,
             "2026-03-05", evidence);
  action_at (&org, "2025-06-01", "2025-07-01", PARAAT_SOURCE_SCAN_GAP, PARAAT_PRIORITY_MEDIUM,
             "2025-08-01", evidence);
  /* Cancelled high-risk work is not open. */
  cancelled = action_at (&org, "2026-01-01", NULL, PARAAT_SOURCE_AUDIT, PARAAT_PRIORITY_HIGH,
                         "2026-03-01", 0);
  test_util_at ("2026-03-10");
  g_assert_true (paraat_workspace_cancel_action (org.ws, cancelled, "Duplicate.", &error));

  test_util_at ("2026-03-15");
  g_assert_true (paraat_workspace_compute_metrics (org.ws, NULL, &m, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (m.open_high_risk, ==, 2);
  g_assert_cmpuint (m.n_closed_corrective, ==, 2);
  g_assert_cmpfloat_with_epsilon (m.mean_days_to_close, 29.5, 1e-9);
  g_assert_cmpuint (m.overdue, ==, 1);
  g_assert_cmpuint (m.due_soon, ==, 1);
  g_assert_cmpuint (m.n_fresh, ==, 2);
  {
    g_autoptr(TestDb) raw = test_util_raw_open (paraat_workspace_get_path (org.ws), TRUE, FALSE);
    applicable = test_util_raw_int (raw, "SELECT count(*) FROM requirement r JOIN framework f"
                                         " ON f.id = r.framework_id WHERE f.enabled = 1"
                                         " AND r.applicable = 1");
  }
  g_assert_cmpuint (m.n_applicable, ==, applicable);
  g_assert_cmpfloat_with_epsilon (m.fresh_evidence, 2.0 / applicable, 1e-9);

  /* A month earlier: the cancelled and the incident action were still open, and one
   * closing fell in the window. */
  g_assert_true (paraat_workspace_compute_metrics (org.ws, "2026-02-15", &m, &error));
  g_assert_cmpuint (m.open_high_risk, ==, 4);
  g_assert_cmpuint (m.n_closed_corrective, ==, 1);
  g_assert_cmpfloat_with_epsilon (m.mean_days_to_close, 31.0, 1e-9);
  g_assert_cmpuint (m.overdue, ==, 0);
  g_assert_cmpuint (m.due_soon, ==, 2);
  g_assert_cmpuint (m.n_fresh, ==, 2);

  /* While the policy was still valid */
  g_assert_true (paraat_workspace_compute_metrics (org.ws, "2026-01-20", &m, &error));
  g_assert_cmpuint (m.n_fresh, ==, 3);

  /* Nothing closed in the window */
  g_assert_true (paraat_workspace_compute_metrics (org.ws, "2025-12-31", &m, &error));
  g_assert_cmpuint (m.n_closed_corrective, ==, 0);
  g_assert_cmpfloat (m.mean_days_to_close, ==, -1);
  g_assert_cmpuint (m.open_high_risk, ==, 0);
  g_assert_cmpuint (m.n_fresh, ==, 0);

  g_assert_false (paraat_workspace_compute_metrics (org.ws, "2026-13-01", &m, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
}

/* iCalendar */

static char *
unfold (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ')
        p += 2;
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
test_ical (TestDir       *fixture,
           gconstpointer  data)
{
  g_auto(Org) org = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_dir_path (fixture, "deadlines.ics");
  g_autofree char *text = NULL;
  g_autofree char *unfolded = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) physical = NULL;
  GString *long_title = g_string_new (NULL);
  guint todos = 0, dues = 0;
  gint64 id, cancelled;

  org_init (&org, fixture);
  for (guint i = 0; i < 30; i++)
    g_string_append (long_title, "Één ");
  g_string_append (long_title, "end");
  id = create_simple (&org, "Patch, test; deploy \\ the gateway", "2026-03-01");
  {
    ParaatActionSpec spec = spec_for (&org, long_title->str, "2026-04-30");
    spec.owner_id = org.carla;
    spec.priority = PARAAT_PRIORITY_CRITICAL;
    spec.decision = "Line one\nLine two";
    create (&org, &spec);
  }
  cancelled = create_simple (&org, "Cancelled work", "2026-05-01");
  g_assert_true (paraat_workspace_cancel_action (org.ws, cancelled, "No longer needed.", &error));
  g_assert_true (paraat_workspace_start_action (org.ws, id, &error));
  g_string_free (long_title, TRUE);

  g_assert_true (paraat_workspace_export_deadlines (org.ws, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));

  /* Every physical line ends in CRLF and holds at most 75 octets. */
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  physical = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; physical[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (physical[i]), <=, 75);
      g_assert_null (strchr (physical[i], '\n'));
      g_assert_true (g_utf8_validate (physical[i], -1, NULL));
    }

  unfolded = unfold (text);
  lines = g_strsplit (unfolded, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "BEGIN:VCALENDAR");
  g_assert_true (g_strv_contains ((const char * const *) lines, "VERSION:2.0"));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_equal (lines[i], "BEGIN:VTODO"))
        todos++;
      if (g_str_has_prefix (lines[i], "DUE;VALUE=DATE:"))
        dues++;
      g_assert_false (g_str_has_prefix (lines[i], "SUMMARY:Cancelled"));
    }
  g_assert_cmpuint (todos, ==, 2);
  g_assert_cmpuint (dues, ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) lines, "DUE;VALUE=DATE:20260301"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "DUE;VALUE=DATE:20260430"));
  g_assert_true (g_strv_contains ((const char * const *) lines,
                                  "SUMMARY:Patch\\, test\\; deploy \\\\ the gateway"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "STATUS:IN-PROCESS"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "STATUS:NEEDS-ACTION"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "PRIORITY:1"));
  g_assert_true (g_strv_contains ((const char * const *) lines,
                                  "ATTENDEE;ROLE=REQ-PARTICIPANT;CN=\"Bert Kok\":"
                                  "mailto:bert@voorbeeld.example"));
  g_assert_nonnull (strstr (unfolded, "Line one\\nLine two"));
  g_assert_nonnull (strstr (unfolded, "Één Één"));
  g_assert_nonnull (strstr (unfolded, "UID:action-"));
  g_assert_nonnull (strstr (unfolded, "DTSTAMP:20260315T120000Z"));
  /* Carla has no e-mail address: no attendee, her name in the description. */
  g_assert_nonnull (strstr (unfolded, "Owner: Carla Smit"));
  g_assert_null (strstr (unfolded, "CN=\"Carla Smit\""));

  /* Nothing left beside it */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_suffix (name, ".partial"));
  }
}

/* The demo tells the whole story: every state, overdue work, two reviews. */
static void
test_demo (TestDir       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "demo.paraat");
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GListModel) reviews = NULL;
  g_autoptr(GError) error = NULL;
  guint per_status[PARAAT_N_ACTION_STATUSES] = { 0 };
  guint overdue = 0, from_scans = 0, with_requirements = 0, due_moved = 0;
  ParaatMetrics m;

  ws = paraat_demo_create (path, &error);
  g_assert_no_error (error);
  actions = paraat_workspace_list_actions (ws, &error);
  g_assert_cmpuint (g_list_model_get_n_items (actions), >=, 35);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(ParaatAction) a = g_list_model_get_item (actions, i);
      g_autoptr(GListModel) history = paraat_workspace_list_action_due_changes (
        ws, paraat_action_get_id (a), NULL);

      per_status[paraat_action_get_status (a)]++;
      overdue += paraat_action_is_overdue (a);
      from_scans += paraat_action_get_scan_id (a) != 0;
      with_requirements += paraat_action_get_framework_keys (a)[0] != '\0';
      due_moved += g_list_model_get_n_items (history) > 0;
      if (paraat_action_get_status (a) == PARAAT_ACTION_CLOSED)
        {
          g_assert_cmpint (paraat_action_get_reviewer_id (a), !=, paraat_action_get_owner_id (a));
          g_assert_cmpstr (paraat_action_get_verification_note (a), !=, "");
          g_assert_cmpuint (paraat_action_get_n_evidence (a), >, 0);
          g_assert_cmpint (paraat_action_get_closed_ms (a), >, paraat_action_get_created_ms (a));
        }
    }
  for (guint s = 0; s < PARAAT_N_ACTION_STATUSES; s++)
    g_assert_cmpuint (per_status[s], >, 0);
  g_assert_cmpuint (overdue, >=, 3);
  g_assert_cmpuint (from_scans, >=, 5);
  g_assert_cmpuint (with_requirements, >=, 20);
  g_assert_cmpuint (due_moved, >=, 3);

  reviews = paraat_workspace_list_reviews (ws, &error);
  g_assert_cmpuint (g_list_model_get_n_items (reviews), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ParaatReview) r = g_list_model_get_item (reviews, i);
      g_autoptr(GListModel) previous =
        paraat_workspace_list_previous_review_actions (ws, paraat_review_get_id (r), NULL);

      g_assert_cmpuint (paraat_review_get_n_covered (r), ==, PARAAT_N_REVIEW_INPUTS);
      g_assert_cmpuint (paraat_review_get_n_decisions (r), >=, 4);
      g_assert_cmpuint (g_list_model_get_n_items (previous), ==, i == 0 ? 4 : 0);
    }
  {
    g_autoptr(ParaatReview) recent = g_list_model_get_item (reviews, 0);
    g_assert_cmpuint (paraat_review_get_n_addenda (recent), >=, 1);
  }

  g_assert_true (paraat_workspace_compute_metrics (ws, NULL, &m, &error));
  g_assert_cmpuint (m.open_high_risk, >, 0);
  g_assert_cmpuint (m.n_closed_corrective, >, 0);
  g_assert_cmpfloat (m.mean_days_to_close, >, 1);
  g_assert_cmpfloat (m.fresh_evidence, >, 0);
  g_assert_cmpuint (m.overdue, ==, overdue);

  {
    g_autoptr(GPtrArray) problems = NULL;
    g_assert_true (paraat_check_file (path, &problems, &error));
    test_util_assert_no_problems (problems);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, TestDir, NULL, test_dir_setup, func, test_dir_teardown)

  ADD ("/action/create", test_create);
  ADD ("/action/workflow", test_workflow);
  ADD ("/action/due-history", test_due_history);
  ADD ("/action/bulk", test_bulk);
  ADD ("/action/retest", test_retest);
  ADD ("/action/reminder", test_reminder);
  ADD ("/action/review", test_review);
  ADD ("/action/metrics", test_metrics);
  ADD ("/action/ical", test_ical);
  ADD ("/action/demo", test_demo);

#undef ADD

  return g_test_run ();
}
