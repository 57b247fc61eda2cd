/* test-risk.c — the scope register, the risk register and exceptions, and what they feed:
 * gap priority, the high-risk figure, the heatmap and the demo
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "paraat-action.h"
#include "paraat-catalog.h"
#include "paraat-chart.h"
#include "paraat-chart-private.h"
#include "paraat-check.h"
#include "paraat-clock.h"
#include "paraat-demo.h"
#include "paraat-error.h"
#include "paraat-metrics.h"
#include "paraat-requirement.h"
#include "paraat-risk.h"
#include "paraat-trail.h"
#include "paraat-trail-model.h"
#include "test-util.h"

typedef struct
{
  ParaatWorkspace *ws;
  gint64           anna;    /* the creator, who is working */
  gint64           bert;
  gint64           carla;
} Org;

static void
org_clear (Org *org)
{
  g_clear_object (&org->ws);
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
  org->ws = paraat_workspace_create (path, "Voorbeeld B.V.", "Anna de Boer", &error);
  g_assert_no_error (error);
  org->anna = paraat_person_get_id (paraat_workspace_get_actor (org->ws));
  org->bert = paraat_workspace_add_person (org->ws, "Bert Kok", "CTO", "", &error);
  g_assert_no_error (error);
  org->carla = paraat_workspace_add_person (org->ws, "Carla Smit", "HR", "", &error);
  g_assert_no_error (error);
}

static gint64
trail_count (Org *org)
{
  return test_util_trail_count (paraat_workspace_get_path (org->ws));
}

/* Refused with a message, and nothing written */
static void
assert_refused (Org         *org,
                gint64       trail_before,
                gboolean     ok,
                GError     **error,
                const char  *expect)
{
  g_assert_false (ok);
  g_assert_error (*error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
  if (expect != NULL && strstr ((*error)->message, expect) == NULL)
    g_error ("“%s” does not mention “%s”", (*error)->message, expect);
  g_clear_error (error);
  g_assert_cmpint (trail_count (org), ==, trail_before);
}

static gint64
add_scope (Org             *org,
           ParaatScopeKind  kind,
           const char      *name,
           gboolean         in_scope)
{
  g_autoptr(GError) error = NULL;
  ParaatScopeSpec spec = {
    .kind = kind, .name = name, .in_scope = in_scope,
    .justification = in_scope ? NULL : "Hosted by the agency; no customer data.",
  };
  gint64 id = paraat_workspace_add_scope_item (org->ws, &spec, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static ParaatRiskSpec
risk_spec (Org        *org,
           const char *title,
           int         likelihood,
           int         impact)
{
  ParaatRiskSpec spec = {
    .title = title, .scenario = "Something goes wrong.", .likelihood = likelihood,
    .impact = impact, .treatment = PARAAT_TREATMENT_MITIGATE, .owner_id = org->bert,
  };
  return spec;
}

static gint64
add_risk (Org                  *org,
          const ParaatRiskSpec *spec)
{
  g_autoptr(GError) error = NULL;
  gint64 id = paraat_workspace_add_risk (org->ws, spec, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static ParaatRisk *
get_risk (Org    *org,
          gint64  id)
{
  g_autoptr(GError) error = NULL;
  ParaatRisk *risk = paraat_workspace_get_risk (org->ws, id, &error);

  g_assert_no_error (error);
  return risk;
}

static ParaatExceptionSpec
exception_spec (Org          *org,
                const gint64 *reqs,
                guint         n_reqs,
                const char   *start,
                const char   *expiry)
{
  ParaatExceptionSpec spec = {
    .requirement_ids = reqs, .n_requirements = n_reqs, .person_id = org->carla,
    .justification = "The new laptop arrives next month.", .approver_id = org->anna,
    .start_date = start, .expiry_date = expiry,
  };
  return spec;
}

static gint64
add_exception (Org                       *org,
               const ParaatExceptionSpec *spec)
{
  g_autoptr(GError) error = NULL;
  gint64 id = paraat_workspace_add_exception (org->ws, spec, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_action (Org            *org,
            const char     *title,
            ParaatPriority  priority)
{
  g_autoptr(GError) error = NULL;
  ParaatActionSpec spec = {
    .title = title, .source = PARAAT_SOURCE_RISK, .owner_id = org->bert,
    .due_date = "2026-06-30", .priority = priority, .required_track = PARAAT_TRACK_OPERATION,
  };
  gint64 id = paraat_workspace_create_action (org->ws, &spec, &error);

  g_assert_no_error (error);
  return id;
}

/* Scope */

static void
test_scope (TestDir       *fixture,
            gconstpointer  data)
{
  g_auto(Org) org = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) items = NULL;
  g_autoptr(ParaatScopeItem) item = NULL;
  static const char * const order[] = {
    "Platform", "Website", "Hosting", "Utrecht office", "Development", "On-call engineer",
  };
  gint64 before, platform, website;

  org_init (&org, fixture);
  g_signal_connect (org.ws, "changed", G_CALLBACK (test_util_record_change), seen);

  before = trail_count (&org);
  add_scope (&org, PARAAT_SCOPE_ROLE, "On-call engineer", TRUE);
  website = add_scope (&org, PARAAT_SCOPE_SYSTEM, "Website", FALSE);
  add_scope (&org, PARAAT_SCOPE_PROCESS, "Development", TRUE);
  add_scope (&org, PARAAT_SCOPE_LOCATION, "Utrecht office", TRUE);
  add_scope (&org, PARAAT_SCOPE_SUPPLIER, "Hosting", TRUE);
  platform = add_scope (&org, PARAAT_SCOPE_SYSTEM, "  Platform  ", TRUE);
  g_assert_cmpint (trail_count (&org), ==, before + 6);
  g_assert_cmpuint (seen->len, ==, 6);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "scope");
  {
    g_autofree char *type = test_util_last_trail (org.ws, "object_type");
    g_autofree char *label = test_util_last_trail (org.ws, "object_label");
    g_assert_cmpstr (type, ==, "scope");
    g_assert_cmpstr (label, ==, "Platform");
  }

  /* By kind (system → role), then name */
  items = paraat_workspace_list_scope_items (org.ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(ParaatScopeItem) it = g_list_model_get_item (items, i);
      g_assert_cmpstr (paraat_scope_item_get_name (it), ==, order[i]);
    }

  item = paraat_workspace_get_scope_item (org.ws, website, &error);
  g_assert_no_error (error);
  g_assert_cmpint (paraat_scope_item_get_kind (item), ==, PARAAT_SCOPE_SYSTEM);
  g_assert_false (paraat_scope_item_get_in_scope (item));
  g_assert_cmpstr (paraat_scope_item_get_justification (item), !=, "");
  g_assert_cmpuint (paraat_scope_item_get_n_risks (item), ==, 0);
  g_assert_cmpstr (paraat_scope_kind_to_string (PARAAT_SCOPE_SUPPLIER), ==, "supplier");
  g_assert_cmpstr (paraat_scope_kind_label (PARAAT_SCOPE_ROLE), ==, "Role");

  /* Refusals: nothing is written */
  before = trail_count (&org);
  {
    ParaatScopeSpec bad = { .kind = PARAAT_N_SCOPE_KINDS, .name = "X", .in_scope = TRUE };
    assert_refused (&org, before, paraat_workspace_add_scope_item (org.ws, &bad, &error) != 0,
                    &error, "system");
    bad.kind = PARAAT_SCOPE_SYSTEM;
    bad.name = "   ";
    assert_refused (&org, before, paraat_workspace_add_scope_item (org.ws, &bad, &error) != 0,
                    &error, "name");
    bad.name = "Marketing site";
    bad.in_scope = FALSE;
    assert_refused (&org, before, paraat_workspace_add_scope_item (org.ws, &bad, &error) != 0,
                    &error, "justification");
  }
  {
    g_autofree char *long_name = g_strnfill (201, 'x');
    ParaatScopeSpec bad = { .kind = PARAAT_SCOPE_SYSTEM, .name = long_name, .in_scope = TRUE };
    assert_refused (&org, before, paraat_workspace_add_scope_item (org.ws, &bad, &error) != 0,
                    &error, "200");
  }
  /* Unique per kind, case-insensitively (also beyond ASCII); another kind may share it */
  {
    ParaatScopeSpec dup = { .kind = PARAAT_SCOPE_SYSTEM, .name = "PLATFORM", .in_scope = TRUE };
    g_assert_cmpint (paraat_workspace_add_scope_item (org.ws, &dup, &error), ==, 0);
    g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_EXISTS);
    g_clear_error (&error);
    dup.name = "Ölfabriek";
    g_assert_cmpint (paraat_workspace_add_scope_item (org.ws, &dup, &error), >, 0);
    dup.name = "ÖLFABRIEK";
    g_assert_cmpint (paraat_workspace_add_scope_item (org.ws, &dup, &error), ==, 0);
    g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_EXISTS);
    g_clear_error (&error);
    dup.kind = PARAAT_SCOPE_SUPPLIER;
    dup.name = "Platform";
    g_assert_cmpint (paraat_workspace_add_scope_item (org.ws, &dup, &error), >, 0);
    g_assert_no_error (error);
  }

  /* Update: renaming to its own name in another case is fine; the trail has the change */
  {
    ParaatScopeSpec spec = { .kind = PARAAT_SCOPE_SYSTEM, .name = "PLATFORM",
                             .description = "The SaaS platform", .in_scope = TRUE };
    g_autofree char *details = NULL;

    before = trail_count (&org);
    g_assert_true (paraat_workspace_update_scope_item (org.ws, platform, &spec, &error));
    g_assert_no_error (error);
    g_assert_cmpint (trail_count (&org), ==, before + 1);
    details = test_util_last_trail (org.ws, "details");
    g_assert_nonnull (strstr (details, "The SaaS platform"));
    /* The same again changes nothing and logs nothing */
    g_assert_true (paraat_workspace_update_scope_item (org.ws, platform, &spec, &error));
    g_assert_cmpint (trail_count (&org), ==, before + 1);
    spec.in_scope = FALSE;
    assert_refused (&org, before + 1,
                    paraat_workspace_update_scope_item (org.ws, platform, &spec, &error), &error,
                    "justification");
  }

  g_assert_null (paraat_workspace_get_scope_item (org.ws, 999, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  before = trail_count (&org);
  g_assert_true (paraat_workspace_remove_scope_item (org.ws, website, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trail_count (&org), ==, before + 1);
  {
    g_autofree char *action = test_util_last_trail (org.ws, "action");
    g_assert_cmpstr (action, ==, "delete");
  }
  test_util_assert_healthy (org.ws);
}

/* Risk validation: every field rule refuses with a message naming the field */

static void
test_risk_validation (TestDir       *fixture,
                      gconstpointer  data)
{
  g_auto(Org) org = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 before;
  gint64 missing = 9999;
  g_autofree char *long_title = g_strnfill (201, 'r');
  g_autofree char *long_text = g_strnfill (PARAAT_ACTION_TEXT_MAX + 1, 't');

#define REFUSE(field, value, expect) \
  G_STMT_START { \
    ParaatRiskSpec s = risk_spec (&org, "Phishing", 3, 4); \
    s.field = value; \
    assert_refused (&org, before, paraat_workspace_add_risk (org.ws, &s, &error) != 0, \
                    &error, expect); \
  } G_STMT_END

  org_init (&org, fixture);
  before = trail_count (&org);

  REFUSE (title, "  ", "title");
  REFUSE (title, long_title, "200");
  REFUSE (scenario, long_text, "too long");
  REFUSE (likelihood, 0, "Likelihood must be from 1");
  REFUSE (likelihood, 6, "to 5");
  REFUSE (impact, 0, "Impact must be from 1");
  REFUSE (impact, -3, "to 5");
  REFUSE (residual_likelihood, 6, "Residual likelihood");
  REFUSE (residual_impact, -1, "Residual impact");
  REFUSE (residual_likelihood, 2, "both");   /* impact left at 0 */
  REFUSE (residual_impact, 2, "both");
  REFUSE (treatment, PARAAT_N_TREATMENTS, "treated");
  REFUSE (owner_id, 0, "owner");
  REFUSE (owner_id, missing, "directory");
  REFUSE (review_date, "2026-02-30", "review date");
  REFUSE (review_date, "next year", "YYYY-MM-DD");
  REFUSE (accepted_by, missing, "directory");
  REFUSE (accepted_date, "2026-03-01", "accepted");   /* a date without who */
#undef REFUSE
  /* Links to what is not in the workspace */
  {
    ParaatRiskSpec s = risk_spec (&org, "Phishing", 3, 4);
    s.scope_item_ids = &missing;
    s.n_scope_items = 1;
    assert_refused (&org, before, paraat_workspace_add_risk (org.ws, &s, &error) != 0, &error,
                    "scope item");
    s = risk_spec (&org, "Phishing", 3, 4);
    s.requirement_ids = &missing;
    s.n_requirements = 1;
    assert_refused (&org, before, paraat_workspace_add_risk (org.ws, &s, &error) != 0, &error,
                    "requirement");
    s = risk_spec (&org, "Phishing", 3, 4);
    s.action_ids = &missing;
    s.n_actions = 1;
    assert_refused (&org, before, paraat_workspace_add_risk (org.ws, &s, &error) != 0, &error,
                    "treatment action");
  }

  /* An accepted risk needs who and when */
  {
    ParaatRiskSpec s = risk_spec (&org, "Flooding", 1, 2);
    s.treatment = PARAAT_TREATMENT_ACCEPT;
    assert_refused (&org, before, paraat_workspace_add_risk (org.ws, &s, &error) != 0, &error,
                    "accepted");
    s.accepted_by = org.anna;
    assert_refused (&org, before, paraat_workspace_add_risk (org.ws, &s, &error) != 0, &error,
                    "date the risk was accepted");
    s.accepted_date = "2026-13-01";
    assert_refused (&org, before, paraat_workspace_add_risk (org.ws, &s, &error) != 0, &error,
                    "date of acceptance");
    s.accepted_date = "2026-03-01";
    add_risk (&org, &s);
  }

  /* Valid: residual both or neither, empty review date */
  {
    ParaatRiskSpec s = risk_spec (&org, "Phishing", 3, 4);
    s.residual_likelihood = 1;
    s.residual_impact = 4;
    s.review_date = "";
    add_risk (&org, &s);
  }
  g_assert_cmpint (trail_count (&org), ==, before + 2);

  /* Updates are validated the same way */
  {
    g_autoptr(GListModel) risks = paraat_workspace_list_risks (org.ws, &error);
    g_autoptr(ParaatRisk) first = g_list_model_get_item (risks, 0);
    ParaatRiskSpec s = risk_spec (&org, "Phishing", 3, 7);

    assert_refused (&org, before + 2,
                    paraat_workspace_update_risk (org.ws, paraat_risk_get_id (first), &s, &error),
                    &error, "Impact");
    g_assert_false (paraat_workspace_update_risk (org.ws, 999, &s, &error));
    g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND);
  }
}

/* Scores, levels, labels */

static void
test_risk_scores (TestDir       *fixture,
                  gconstpointer  data)
{
  g_auto(Org) org = { 0 };
  g_autoptr(ParaatRisk) risk = NULL;
  g_autoptr(ParaatRisk) unassessed = NULL;
  static const struct { int score; ParaatRiskLevel level; } levels[] = {
    { 1, PARAAT_RISK_LOW }, { 4, PARAAT_RISK_LOW }, { 5, PARAAT_RISK_MEDIUM },
    { 9, PARAAT_RISK_MEDIUM }, { 10, PARAAT_RISK_HIGH }, { 16, PARAAT_RISK_HIGH },
    { 20, PARAAT_RISK_CRITICAL }, { 25, PARAAT_RISK_CRITICAL },
  };
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    g_assert_cmpint (paraat_risk_level_for_score (levels[i].score), ==, levels[i].level);
  g_assert_cmpstr (paraat_risk_level_to_string (PARAAT_RISK_CRITICAL), ==, "critical");
  g_assert_cmpstr (paraat_risk_level_label (PARAAT_RISK_HIGH), ==, "High");
  g_assert_cmpstr (paraat_treatment_to_string (PARAAT_TREATMENT_TRANSFER), ==, "transfer");
  g_assert_cmpstr (paraat_treatment_label (PARAAT_TREATMENT_ACCEPT), ==, "Accept");

  /* Five steps on each scale, each in words, and nothing outside it */
  for (int v = 1; v <= PARAAT_RISK_SCALE; v++)
    {
      g_assert_cmpstr (paraat_likelihood_label (v), !=, "");
      g_assert_cmpstr (paraat_impact_label (v), !=, "");
      for (int w = 1; w < v; w++)
        {
          g_assert_cmpstr (paraat_likelihood_label (v), !=, paraat_likelihood_label (w));
          g_assert_cmpstr (paraat_impact_label (v), !=, paraat_impact_label (w));
        }
    }
  g_assert_true (g_str_has_prefix (paraat_likelihood_label (1), "Rare"));
  g_assert_true (g_str_has_prefix (paraat_likelihood_label (5), "Almost certain"));
  g_assert_true (g_str_has_prefix (paraat_impact_label (1), "Negligible"));
  g_assert_true (g_str_has_prefix (paraat_impact_label (5), "Severe"));
  g_assert_cmpstr (paraat_likelihood_label (0), ==, "");
  g_assert_cmpstr (paraat_impact_label (6), ==, "");

  org_init (&org, fixture);
  {
    ParaatRiskSpec s = risk_spec (&org, "Outage", 4, 5);
    s.residual_likelihood = 2;
    s.residual_impact = 3;
    s.review_date = "2026-03-14";
    id = add_risk (&org, &s);
  }
  risk = get_risk (&org, id);
  g_assert_cmpint (paraat_risk_get_score (risk), ==, 20);
  g_assert_cmpint (paraat_risk_get_level (risk), ==, PARAAT_RISK_CRITICAL);
  g_assert_cmpint (paraat_risk_get_residual_score (risk), ==, 6);
  g_assert_cmpstr (paraat_risk_get_owner_name (risk), ==, "Bert Kok");
  g_assert_null (paraat_risk_get_accepted_by_name (risk));
  /* Review date yesterday: due; today or later: not */
  g_assert_true (paraat_risk_is_review_due (risk));
  test_util_at ("2026-03-14");
  g_assert_false (paraat_risk_is_review_due (risk));

  {
    ParaatRiskSpec s = risk_spec (&org, "Typo", 1, 1);
    unassessed = get_risk (&org, add_risk (&org, &s));
  }
  g_assert_cmpint (paraat_risk_get_residual_score (unassessed), ==, 0);
  g_assert_cmpint (paraat_risk_get_level (unassessed), ==, PARAAT_RISK_LOW);
  g_assert_false (paraat_risk_is_review_due (unassessed));
}

/* Links, ordering and what names what */

static void
test_risk_links (TestDir       *fixture,
                 gconstpointer  data)
{
  g_auto(Org) org = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) risks = NULL;
  g_autoptr(ParaatRisk) risk = NULL;
  gint64 platform, website, access, nis, action, other_action, id, low, mid;
  gint64 reqs[3], scope[2], actions[2];
  const gint64 *ids;
  guint n;

  org_init (&org, fixture);
  platform = add_scope (&org, PARAAT_SCOPE_SYSTEM, "Platform", TRUE);
  website = add_scope (&org, PARAAT_SCOPE_SYSTEM, "Website", FALSE);
  access = test_util_requirement_id (org.ws, "iso27001-2022", "A.5.15");
  nis = test_util_requirement_id (org.ws, "nis2", "21(2)(i)");
  action = add_action (&org, "Review access rights", PARAAT_PRIORITY_MEDIUM);
  other_action = add_action (&org, "Enforce MFA", PARAAT_PRIORITY_MEDIUM);

  low = add_risk (&org, &(ParaatRiskSpec) { .title = "B low", .likelihood = 1, .impact = 2,
                                            .owner_id = org.bert });
  reqs[0] = nis;
  reqs[1] = access;
  reqs[2] = nis;
  scope[0] = platform;
  scope[1] = platform;
  actions[0] = action;
  {
    ParaatRiskSpec s = risk_spec (&org, "Former staff keep access", 3, 4);
    s.requirement_ids = reqs;
    s.n_requirements = 3;
    s.scope_item_ids = scope;
    s.n_scope_items = 2;
    s.action_ids = actions;
    s.n_actions = 1;
    id = add_risk (&org, &s);
  }
  mid = add_risk (&org, &(ParaatRiskSpec) { .title = "A mid", .likelihood = 2, .impact = 3,
                                            .owner_id = org.bert });

  risk = get_risk (&org, id);
  ids = paraat_risk_get_requirement_ids (risk, &n);
  g_assert_cmpuint (n, ==, 2);   /* each once */
  g_assert_true ((ids[0] == access && ids[1] == nis) || (ids[0] == nis && ids[1] == access));
  ids = paraat_risk_get_scope_item_ids (risk, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (ids[0], ==, platform);
  ids = paraat_risk_get_action_ids (risk, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (ids[0], ==, action);
  g_assert_false (paraat_risk_touches_out_of_scope (risk));
  {
    g_autofree char *details = test_util_last_trail (org.ws, "details");
    g_assert_true (g_str_has_prefix (details, "["));
  }
  /* The trail names the links of the create in words */
  {
    g_autoptr(TestDb) raw = test_util_raw_open (paraat_workspace_get_path (org.ws), TRUE, FALSE);
    g_autofree char *details = test_util_raw_text (raw, "SELECT details FROM trail WHERE"
                                                        " object_type = 'risk' AND object_label"
                                                        " = 'Former staff keep access'");
    g_assert_nonnull (strstr (details, "iso27001-2022 A.5.15"));
    g_assert_nonnull (strstr (details, "Platform"));
    g_assert_nonnull (strstr (details, "Review access rights"));
  }

  /* Highest inherent score first; ties by impact, then title */
  risks = paraat_workspace_list_risks (org.ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (risks), ==, 3);
  {
    g_autoptr(ParaatRisk) r0 = g_list_model_get_item (risks, 0);
    g_autoptr(ParaatRisk) r1 = g_list_model_get_item (risks, 1);
    g_autoptr(ParaatRisk) r2 = g_list_model_get_item (risks, 2);
    g_assert_cmpint (paraat_risk_get_id (r0), ==, id);
    g_assert_cmpint (paraat_risk_get_id (r1), ==, mid);
    g_assert_cmpint (paraat_risk_get_id (r2), ==, low);
  }

  /* From the requirement's and the action's side */
  {
    g_autoptr(GListModel) by_req = paraat_workspace_list_requirement_risks (org.ws, access,
                                                                           &error);
    g_autoptr(GListModel) by_action = paraat_workspace_list_action_risks (org.ws, action,
                                                                         &error);
    g_autoptr(GListModel) none = paraat_workspace_list_action_risks (org.ws, other_action,
                                                                    &error);
    g_autoptr(ParaatScopeItem) item = paraat_workspace_get_scope_item (org.ws, platform, &error);

    g_assert_cmpuint (g_list_model_get_n_items (by_req), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (by_action), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
    g_assert_cmpuint (paraat_scope_item_get_n_risks (item), ==, 1);
  }

  /* Changing the links replaces them and logs what changed */
  scope[0] = website;
  actions[1] = other_action;
  {
    ParaatRiskSpec s = risk_spec (&org, "Former staff keep access", 3, 4);
    g_autoptr(ParaatRisk) after = NULL;
    g_autofree char *details = NULL;

    s.requirement_ids = &access;
    s.n_requirements = 1;
    s.scope_item_ids = scope;
    s.n_scope_items = 1;
    s.action_ids = actions;
    s.n_actions = 2;
    g_assert_true (paraat_workspace_update_risk (org.ws, id, &s, &error));
    g_assert_no_error (error);
    after = get_risk (&org, id);
    paraat_risk_get_requirement_ids (after, &n);
    g_assert_cmpuint (n, ==, 1);
    paraat_risk_get_action_ids (after, &n);
    g_assert_cmpuint (n, ==, 2);
    g_assert_true (paraat_risk_touches_out_of_scope (after));
    details = test_util_last_trail (org.ws, "details");
    g_assert_nonnull (strstr (details, "\"scope_items\""));
    g_assert_nonnull (strstr (details, "\"actions\""));
    g_assert_nonnull (strstr (details, "\"requirements\""));
    g_assert_null (strstr (details, "\"likelihood\""));
  }
  test_util_assert_healthy (org.ws);
}

/* Removing what is still named is refused */

static void
test_remove_refused (TestDir       *fixture,
                     gconstpointer  data)
{
  g_auto(Org) org = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 platform, supplier, risk, exception, req, before;

  org_init (&org, fixture);
  platform = add_scope (&org, PARAAT_SCOPE_SYSTEM, "Platform", TRUE);
  supplier = add_scope (&org, PARAAT_SCOPE_SUPPLIER, "Hosting", TRUE);
  req = test_util_requirement_id (org.ws, "iso27001-2022", "A.8.8");
  {
    ParaatRiskSpec s = risk_spec (&org, "Unpatched server", 4, 4);
    s.scope_item_ids = &platform;
    s.n_scope_items = 1;
    risk = add_risk (&org, &s);
  }
  {
    ParaatExceptionSpec s = exception_spec (&org, &req, 1, "2026-03-01", "2026-06-01");
    s.person_id = 0;
    s.scope_item_id = supplier;
    s.risk_id = risk;
    exception = add_exception (&org, &s);
  }

  before = trail_count (&org);
  assert_refused (&org, before, paraat_workspace_remove_scope_item (org.ws, platform, &error),
                  &error, "risk");
  assert_refused (&org, before, paraat_workspace_remove_scope_item (org.ws, supplier, &error),
                  &error, "exception");
  assert_refused (&org, before, paraat_workspace_remove_risk (org.ws, risk, &error), &error,
                  "exception");

  /* Once the exception is gone the risk can go, and then the items */
  g_assert_true (paraat_workspace_remove_exception (org.ws, exception, &error));
  g_assert_true (paraat_workspace_remove_risk (org.ws, risk, &error));
  g_assert_true (paraat_workspace_remove_scope_item (org.ws, platform, &error));
  g_assert_true (paraat_workspace_remove_scope_item (org.ws, supplier, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trail_count (&org), ==, before + 4);
  {
    g_autoptr(TestDb) raw = test_util_raw_open (paraat_workspace_get_path (org.ws), TRUE, FALSE);
    g_assert_cmpint (test_util_raw_int (raw, "SELECT count(*) FROM risk_scope_item"), ==, 0);
    g_assert_cmpint (test_util_raw_int (raw, "SELECT count(*) FROM exception_requirement"), ==,
                     0);
    g_assert_cmpint (test_util_raw_int (raw, "SELECT count(*) FROM trail WHERE action ="
                                             " 'delete' AND object_type IN ('risk', 'scope',"
                                             " 'exception')"), ==, 4);
  }
  g_assert_null (paraat_workspace_get_risk (org.ws, risk, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (paraat_workspace_remove_exception (org.ws, exception, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND);
  test_util_assert_healthy (org.ws);
}

/* Exceptions */

static void
test_exception_validation (TestDir       *fixture,
                           gconstpointer  data)
{
  g_auto(Org) org = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 reqs[2], platform, before, missing = 9999;
  g_autoptr(ParaatException) e = NULL;
  gint64 id;

  org_init (&org, fixture);
  reqs[0] = test_util_requirement_id (org.ws, "iso27001-2022", "A.8.8");
  reqs[1] = test_util_requirement_id (org.ws, "nis2", "21(2)(e)");
  platform = add_scope (&org, PARAAT_SCOPE_SYSTEM, "Platform", TRUE);
  before = trail_count (&org);

#define REFUSE(field, value, expect) \
  G_STMT_START { \
    ParaatExceptionSpec s = exception_spec (&org, reqs, 2, "2026-03-01", "2026-09-01"); \
    s.field = value; \
    assert_refused (&org, before, paraat_workspace_add_exception (org.ws, &s, &error) != 0, \
                    &error, expect); \
  } G_STMT_END

  REFUSE (n_requirements, 0, "at least one requirement");
  REFUSE (person_id, 0, "who may deviate");
  REFUSE (scope_item_id, platform, "not both");
  REFUSE (person_id, missing, "directory");
  REFUSE (justification, " ", "justification");
  REFUSE (approver_id, 0, "approved");
  REFUSE (approver_id, missing, "directory");
  REFUSE (approver_id, org.carla, "own");
  REFUSE (start_date, "", "starts");
  REFUSE (start_date, "1 March", "start date");
  REFUSE (expiry_date, "", "expires");
  REFUSE (expiry_date, "2026-02-31", "expiry date");
  REFUSE (expiry_date, "2026-03-01", "after it starts");
  REFUSE (expiry_date, "2026-02-01", "after it starts");
  REFUSE (risk_id, missing, "risk");
#undef REFUSE
  {
    ParaatExceptionSpec s = exception_spec (&org, reqs, 2, "2026-03-01", "2026-09-01");
    s.requirement_ids = &missing;
    s.n_requirements = 1;
    assert_refused (&org, before, paraat_workspace_add_exception (org.ws, &s, &error) != 0,
                    &error, "requirement");
    s = exception_spec (&org, reqs, 2, "2026-03-01", "2026-09-01");
    s.person_id = 0;
    s.scope_item_id = missing;
    assert_refused (&org, before, paraat_workspace_add_exception (org.ws, &s, &error) != 0,
                    &error, "scope item");
  }

  /* A scope item may deviate; the label names the requirements with their titles */
  {
    ParaatExceptionSpec s = exception_spec (&org, reqs, 2, "2026-03-01", "2026-09-01");
    s.person_id = 0;
    s.scope_item_id = platform;
    id = add_exception (&org, &s);
  }
  e = paraat_workspace_get_exception (org.ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (paraat_exception_get_holder_name (e), ==, "Platform");
  g_assert_cmpint (paraat_exception_get_person_id (e), ==, 0);
  g_assert_cmpint (paraat_exception_get_scope_item_id (e), ==, platform);
  g_assert_cmpstr (paraat_exception_get_approver_name (e), ==, "Anna de Boer");
  g_assert_true (g_str_has_prefix (paraat_exception_get_requirements_label (e), "A.8.8 "));
  g_assert_nonnull (strstr (paraat_exception_get_requirements_label (e), ", 21(2)(e) "));
  {
    guint n;
    paraat_exception_get_requirement_ids (e, &n);
    g_assert_cmpuint (n, ==, 2);
  }
  {
    g_autofree char *label = test_util_last_trail (org.ws, "object_label");
    g_autofree char *type = test_util_last_trail (org.ws, "object_type");
    g_assert_cmpstr (type, ==, "exception");
    g_assert_cmpstr (label, ==, "Platform: A.8.8, 21(2)(e)");
  }

  /* Update: the approver cannot be the new holder either */
  {
    ParaatExceptionSpec s = exception_spec (&org, reqs, 1, "2026-03-01", "2026-10-01");
    s.approver_id = org.carla;
    assert_refused (&org, before + 1,
                    paraat_workspace_update_exception (org.ws, id, &s, &error), &error, "own");
    s.approver_id = org.bert;
    g_assert_true (paraat_workspace_update_exception (org.ws, id, &s, &error));
    g_assert_no_error (error);
    g_assert_cmpint (trail_count (&org), ==, before + 2);
  }
  test_util_assert_healthy (org.ws);
}

static void
test_exception_states (TestDir       *fixture,
                       gconstpointer  data)
{
  g_auto(Org) org = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  gint64 req, other, expired, expiring, valid, future, edge;
  guint n_expired = 99, n_expiring = 99;
  static const struct { const char *start, *expiry; } periods[] = {
    { "2025-01-01", "2026-03-14" },   /* ended yesterday */
    { "2026-01-01", "2026-04-14" },   /* 30 days left: expiring */
    { "2026-01-01", "2026-04-15" },   /* 31 days left: valid */
    { "2026-03-16", "2026-12-31" },   /* starts tomorrow */
    { "2026-03-15", "2026-03-15" },   /* refused: must end after it starts */
  };

  org_init (&org, fixture);
  req = test_util_requirement_id (org.ws, "iso27001-2022", "A.8.1");
  other = test_util_requirement_id (org.ws, "iso27001-2022", "A.8.2");

  {
    ParaatExceptionSpec s = exception_spec (&org, &req, 1, periods[0].start, periods[0].expiry);
    expired = add_exception (&org, &s);
    s = exception_spec (&org, &req, 1, periods[2].start, periods[2].expiry);
    valid = add_exception (&org, &s);
    s = exception_spec (&org, &req, 1, periods[1].start, periods[1].expiry);
    expiring = add_exception (&org, &s);
    s = exception_spec (&org, &other, 1, periods[3].start, periods[3].expiry);
    future = add_exception (&org, &s);
    s = exception_spec (&org, &req, 1, periods[4].start, periods[4].expiry);
    g_assert_cmpint (paraat_workspace_add_exception (org.ws, &s, &error), ==, 0);
    g_clear_error (&error);
    /* The last day it holds is its expiry date */
    s = exception_spec (&org, &other, 1, "2026-03-01", "2026-03-15");
    edge = add_exception (&org, &s);
  }

  /* Soonest expiry first, with the state of today (2026-03-15) */
  list = paraat_workspace_list_exceptions (org.ws, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  {
    const gint64 order[] = { expired, edge, expiring, valid, future };
    const ParaatExceptionState states[] = {
      PARAAT_EXCEPTION_EXPIRED, PARAAT_EXCEPTION_EXPIRING, PARAAT_EXCEPTION_EXPIRING,
      PARAAT_EXCEPTION_VALID, PARAAT_EXCEPTION_NOT_STARTED,
    };
    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        g_autoptr(ParaatException) e = g_list_model_get_item (list, i);
        g_assert_cmpint (paraat_exception_get_id (e), ==, order[i]);
        g_assert_cmpint (paraat_exception_get_state (e), ==, states[i]);
        g_assert_cmpstr (paraat_exception_state_label (states[i]), !=, "");
      }
  }
  g_assert_cmpstr (paraat_exception_state_to_string (PARAAT_EXCEPTION_NOT_STARTED), ==,
                   "not-started");

  g_assert_true (paraat_workspace_count_exceptions (org.ws, &n_expired, &n_expiring, &error));
  g_assert_cmpuint (n_expired, ==, 1);
  g_assert_cmpuint (n_expiring, ==, 2);

  /* What covers A.8.1 today: the valid and the expiring one, not the expired one */
  {
    g_autoptr(GListModel) covering = paraat_workspace_list_requirement_exceptions (org.ws, req,
                                                                                  &error);
    g_autoptr(GListModel) not_yet = paraat_workspace_list_requirement_exceptions (org.ws, other,
                                                                                 &error);
    g_assert_cmpuint (g_list_model_get_n_items (covering), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (not_yet), ==, 1);   /* the edge one */
  }

  /* A day later the clock has moved on */
  test_util_at ("2026-03-16");
  {
    g_autoptr(ParaatException) e = paraat_workspace_get_exception (org.ws, future, &error);
    g_autoptr(ParaatException) gone = paraat_workspace_get_exception (org.ws, edge, &error);
    g_autoptr(ParaatException) soon = paraat_workspace_get_exception (org.ws, valid, &error);
    g_assert_cmpint (paraat_exception_get_state (e), ==, PARAAT_EXCEPTION_VALID);
    g_assert_cmpint (paraat_exception_get_state (gone), ==, PARAAT_EXCEPTION_EXPIRED);
    g_assert_cmpint (paraat_exception_get_state (soon), ==, PARAAT_EXCEPTION_EXPIRING);
  }
  g_assert_true (paraat_workspace_count_exceptions (org.ws, &n_expired, NULL, &error));
  g_assert_cmpuint (n_expired, ==, 2);
}

/* People named in the registers stay */

static void
test_person_removal (TestDir       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(Org) org = { 0 };
  gint64 dora, eddy, fien, req, risk, exception, before;

  org_init (&org, fixture);
  dora = paraat_workspace_add_person (org.ws, "Dora Plas", "", "", &error);
  eddy = paraat_workspace_add_person (org.ws, "Eddy Wit", "", "", &error);
  fien = paraat_workspace_add_person (org.ws, "Fien Bos", "", "", &error);
  g_assert_no_error (error);
  req = test_util_requirement_id (org.ws, "iso27001-2022", "A.8.1");
  {
    ParaatRiskSpec s = risk_spec (&org, "Flooding", 1, 3);
    s.owner_id = dora;
    s.treatment = PARAAT_TREATMENT_ACCEPT;
    s.accepted_by = eddy;
    s.accepted_date = "2026-03-01";
    risk = add_risk (&org, &s);
  }
  {
    ParaatExceptionSpec s = exception_spec (&org, &req, 1, "2026-03-01", "2026-06-01");
    s.person_id = fien;
    s.approver_id = org.carla;
    exception = add_exception (&org, &s);
  }

  before = trail_count (&org);
  for (guint i = 0; i < 4; i++)
    {
      gint64 who = (gint64[]) { dora, eddy, fien, org.carla }[i];
      assert_refused (&org, before, paraat_workspace_remove_person (org.ws, who, &error), &error,
                      "risks");
    }

  g_assert_true (paraat_workspace_remove_exception (org.ws, exception, &error));
  g_assert_true (paraat_workspace_remove_person (org.ws, fien, &error));
  g_assert_true (paraat_workspace_remove_person (org.ws, org.carla, &error));
  g_assert_true (paraat_workspace_remove_risk (org.ws, risk, &error));
  g_assert_true (paraat_workspace_remove_person (org.ws, dora, &error));
  g_assert_true (paraat_workspace_remove_person (org.ws, eddy, &error));
  g_assert_no_error (error);
}

/* The trail: one entry per write, in words, and a chain that verifies */

static void
test_trail (TestDir       *fixture,
            gconstpointer  data)
{
  g_auto(Org) org = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ParaatTrailModel) model = NULL;
  ParaatTrailFilter filter = PARAAT_TRAIL_FILTER_INIT;
  gint64 item, risk, exception, req, before;

  org_init (&org, fixture);
  req = test_util_requirement_id (org.ws, "iso27001-2022", "A.5.30");
  g_signal_connect (org.ws, "changed", G_CALLBACK (test_util_record_change), seen);
  before = trail_count (&org);

  item = add_scope (&org, PARAAT_SCOPE_SUPPLIER, "Hosting", TRUE);
  {
    ParaatRiskSpec s = risk_spec (&org, "Region outage", 3, 5);
    risk = add_risk (&org, &s);
    s.likelihood = 2;
    s.treatment = PARAAT_TREATMENT_ACCEPT;
    s.accepted_by = org.anna;
    s.accepted_date = "2026-03-10";
    s.residual_likelihood = 2;
    s.residual_impact = 4;
    g_assert_true (paraat_workspace_update_risk (org.ws, risk, &s, &error));
  }
  {
    ParaatExceptionSpec s = exception_spec (&org, &req, 1, "2026-03-01", "2027-03-01");
    s.person_id = 0;
    s.scope_item_id = item;
    s.risk_id = risk;
    exception = add_exception (&org, &s);
    s.justification = "A second region is next year's budget.";
    g_assert_true (paraat_workspace_update_exception (org.ws, exception, &s, &error));
  }
  g_assert_no_error (error);
  g_assert_cmpint (trail_count (&org), ==, before + 5);
  g_assert_cmpuint (seen->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "risk");
  g_assert_cmpstr (g_ptr_array_index (seen, 4), ==, "exception");

  /* The history of the risk reads in words */
  model = paraat_trail_model_new (org.ws);
  filter.object_type = "risk";
  filter.object_id = risk;
  g_assert_true (paraat_trail_model_set_filter (model, &filter, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  {
    g_autoptr(ParaatTrailEntry) update = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_autoptr(ParaatTrailEntry) create = g_list_model_get_item (G_LIST_MODEL (model), 1);
    g_autofree char *changes = paraat_trail_entry_describe_changes (update);
    g_autofree char *created = paraat_trail_entry_describe_changes (create);

    g_assert_cmpstr (paraat_trail_entry_get_type_label (update), ==, "Risk");
    g_assert_nonnull (strstr (changes, "Likelihood: “Possible — once in one to five years” → "
                                       "“Unlikely — once in five to ten years”"));
    g_assert_nonnull (strstr (changes, "Treatment: “Mitigate” → “Accept”"));
    g_assert_nonnull (strstr (changes, "Accepted by: “Anna de Boer”"));
    g_assert_nonnull (strstr (changes, "Residual impact: “Major"));
    g_assert_null (strstr (changes, "Impact:"));   /* unchanged */
    g_assert_nonnull (strstr (created, "Impact: “Severe"));
  }
  filter.object_type = "scope";
  filter.object_id = item;
  g_assert_true (paraat_trail_model_set_filter (model, &filter, &error));
  {
    g_autoptr(ParaatTrailEntry) create = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_autofree char *changes = paraat_trail_entry_describe_changes (create);
    g_assert_cmpstr (paraat_trail_entry_get_type_label (create), ==, "Scope item");
    g_assert_nonnull (strstr (changes, "Kind: “Supplier”"));
    g_assert_nonnull (strstr (changes, "In scope: “yes”"));
  }
  filter.object_type = "exception";
  filter.object_id = exception;
  g_assert_true (paraat_trail_model_set_filter (model, &filter, &error));
  {
    g_autoptr(ParaatTrailEntry) create = g_list_model_get_item (G_LIST_MODEL (model), 1);
    g_autofree char *changes = paraat_trail_entry_describe_changes (create);
    g_assert_cmpstr (paraat_trail_entry_get_type_label (create), ==, "Exception");
    g_assert_nonnull (strstr (changes, "Accepted risk: “Region outage”"));
    g_assert_nonnull (strstr (changes, "Approved by: “Anna de Boer”"));
    g_assert_nonnull (strstr (changes, "Valid until: “2027-03-01”"));
  }
  {
    const char * const *types = paraat_trail_object_types ();
    g_assert_true (g_strv_contains (types, "risk"));
    g_assert_true (g_strv_contains (types, "scope"));
    g_assert_true (g_strv_contains (types, "exception"));
  }
  test_util_assert_healthy (org.ws);

  /* Every new table has its guard triggers, so only ParaatTxn writes to it */
  {
    g_autoptr(TestDb) raw = test_util_raw_open (paraat_workspace_get_path (org.ws), TRUE, FALSE);
    g_assert_cmpint (test_util_raw_int (raw, "SELECT count(*) FROM sqlite_schema"
                                             " WHERE type = 'trigger' AND tbl_name IN"
                                             " ('scope_item', 'risk', 'risk_scope_item',"
                                             "  'risk_requirement', 'risk_action', 'exception',"
                                             "  'exception_requirement')"
                                             " AND name LIKE '%_guard_%'"), ==, 7 * 3);
  }
}

/* Integrations: gap priority, the high-risk figure and the heatmap */

static void
test_metrics (TestDir       *fixture,
              gconstpointer  data)
{
  g_auto(Org) org = { 0 };
  g_autoptr(GError) error = NULL;
  ParaatMetrics m;
  gint64 low_action, high_action, done, risk;
  gint64 actions[2];

  org_init (&org, fixture);
  low_action = add_action (&org, "Write the patch procedure", PARAAT_PRIORITY_LOW);
  high_action = add_action (&org, "Replace the old firewall", PARAAT_PRIORITY_HIGH);
  done = add_action (&org, "Cancelled work", PARAAT_PRIORITY_LOW);
  g_assert_true (paraat_workspace_cancel_action (org.ws, done, "Duplicate.", &error));

  test_util_at ("2026-03-16");
  g_assert_true (paraat_workspace_compute_metrics (org.ws, NULL, &m, &error));
  g_assert_cmpuint (m.open_high_risk, ==, 1);

  /* A medium risk does not make its treatment high-risk … */
  actions[0] = low_action;
  actions[1] = done;
  {
    ParaatRiskSpec s = risk_spec (&org, "Unpatched server", 3, 3);
    s.action_ids = actions;
    s.n_actions = 2;
    risk = add_risk (&org, &s);
    g_assert_true (paraat_workspace_compute_metrics (org.ws, NULL, &m, &error));
    g_assert_cmpuint (m.open_high_risk, ==, 1);

    /* … a high one does (the cancelled one stays out, the high action counts once) */
    s.impact = 4;
    actions[1] = high_action;
    g_assert_true (paraat_workspace_update_risk (org.ws, risk, &s, &error));
    g_assert_true (paraat_workspace_compute_metrics (org.ws, NULL, &m, &error));
    g_assert_cmpuint (m.open_high_risk, ==, 2);
  }
  /* The action's own flag stays priority-based */
  {
    g_autoptr(ParaatAction) a = paraat_workspace_get_action (org.ws, low_action, &error);
    g_assert_false (paraat_action_is_high_risk (a));
  }
  /* Before the action existed it did not count */
  g_assert_true (paraat_workspace_compute_metrics (org.ws, "2026-03-01", &m, &error));
  g_assert_cmpuint (m.open_high_risk, ==, 0);
  g_assert_no_error (error);
}

static void
test_heatmap (TestDir       *fixture,
              gconstpointer  data)
{
  g_auto(Org) org = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatChart) empty = NULL;
  g_autoptr(ParaatChart) chart = NULL;
  double total_inherent = 0, total_residual = 0;

  org_init (&org, fixture);
  empty = paraat_workspace_build_chart (org.ws, PARAAT_CHART_HEATMAP, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (paraat_chart_is_empty (empty));
  g_assert_cmpuint (paraat_chart_get_n_categories (empty), ==, 5);

  {
    ParaatRiskSpec s = risk_spec (&org, "A", 5, 4);
    s.residual_likelihood = 2;
    s.residual_impact = 3;
    add_risk (&org, &s);
    s = risk_spec (&org, "B", 5, 4);
    add_risk (&org, &s);            /* not assessed: inherent only */
    s = risk_spec (&org, "C", 1, 2);
    s.residual_likelihood = 1;
    s.residual_impact = 1;
    add_risk (&org, &s);
  }
  chart = paraat_workspace_build_chart (org.ws, PARAAT_CHART_HEATMAP, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (paraat_chart_is_empty (chart));
  g_assert_cmpuint (paraat_chart_get_n_series (chart), ==, 2);
  g_assert_cmpstr (paraat_chart_get_series_name (chart, 0), ==, "Inherent");
  g_assert_cmpstr (paraat_chart_get_series_name (chart, 1), ==, "Residual");
  /* Likelihood L and impact I at (L - 1) × 5 + (I - 1) */
  g_assert_cmpfloat (paraat_chart_get_value (chart, 0, 4 * 5 + 3), ==, 2);
  g_assert_cmpfloat (paraat_chart_get_value (chart, 0, 0 * 5 + 1), ==, 1);
  g_assert_cmpfloat (paraat_chart_get_value (chart, 1, 1 * 5 + 2), ==, 1);
  g_assert_cmpfloat (paraat_chart_get_value (chart, 1, 0), ==, 1);
  for (guint i = 0; i < 25; i++)
    {
      total_inherent += paraat_chart_get_value (chart, 0, i);
      total_residual += paraat_chart_get_value (chart, 1, i);
    }
  g_assert_cmpfloat (total_inherent, ==, 3);
  g_assert_cmpfloat (total_residual, ==, 2);
}

/* The demo */

static void
test_demo (TestDir       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = test_dir_path (fixture, "demo.paraat");
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatWorkspace) ws = paraat_demo_create (path, &error);
  g_autoptr(GListModel) scope = NULL;
  g_autoptr(GListModel) risks = NULL;
  g_autoptr(GListModel) exceptions = NULL;
  g_autoptr(ParaatChart) heatmap = NULL;
  guint per_level[PARAAT_RISK_CRITICAL + 1] = { 0 };
  guint per_state[PARAAT_EXCEPTION_NOT_STARTED + 1] = { 0 };
  guint out_of_scope = 0, accepted = 0, assessed = 0, with_actions = 0, with_reqs = 0;
  guint expired, expiring;
  g_autoptr(GHashTable) cells = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_assert_no_error (error);
  scope = paraat_workspace_list_scope_items (ws, &error);
  risks = paraat_workspace_list_risks (ws, &error);
  exceptions = paraat_workspace_list_exceptions (ws, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (scope), >=, 12);
  for (guint i = 0; i < g_list_model_get_n_items (scope); i++)
    {
      g_autoptr(ParaatScopeItem) item = g_list_model_get_item (scope, i);
      if (!paraat_scope_item_get_in_scope (item))
        {
          out_of_scope++;
          g_assert_cmpstr (paraat_scope_item_get_justification (item), !=, "");
        }
    }
  g_assert_cmpuint (out_of_scope, >=, 2);

  g_assert_cmpuint (g_list_model_get_n_items (risks), >=, 15);
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(ParaatRisk) r = g_list_model_get_item (risks, i);
      guint n;

      per_level[paraat_risk_get_level (r)]++;
      g_hash_table_add (cells, GINT_TO_POINTER (paraat_risk_get_likelihood (r) * 10 +
                                                paraat_risk_get_impact (r)));
      if (paraat_risk_get_treatment (r) == PARAAT_TREATMENT_ACCEPT)
        {
          accepted++;
          g_assert_nonnull (paraat_risk_get_accepted_by_name (r));
          g_assert_cmpstr (paraat_risk_get_accepted_date (r), !=, "");
        }
      assessed += paraat_risk_get_residual_score (r) > 0;
      paraat_risk_get_action_ids (r, &n);
      with_actions += n > 0;
      paraat_risk_get_requirement_ids (r, &n);
      with_reqs += n > 0;
    }
  for (guint l = 0; l <= PARAAT_RISK_CRITICAL; l++)
    g_assert_cmpuint (per_level[l], >, 0);
  g_assert_cmpuint (g_hash_table_size (cells), >=, 10);
  g_assert_cmpuint (accepted, >=, 2);
  g_assert_cmpuint (assessed * 3, >=, g_list_model_get_n_items (risks) * 2);
  g_assert_cmpuint (with_actions, >=, 10);
  g_assert_cmpuint (with_reqs, ==, g_list_model_get_n_items (risks));

  g_assert_cmpuint (g_list_model_get_n_items (exceptions), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ParaatException) e = g_list_model_get_item (exceptions, i);
      per_state[paraat_exception_get_state (e)]++;
      g_assert_cmpint (paraat_exception_get_approver_id (e), !=,
                       paraat_exception_get_person_id (e));
    }
  g_assert_cmpuint (per_state[PARAAT_EXCEPTION_EXPIRED], ==, 1);
  g_assert_cmpuint (per_state[PARAAT_EXCEPTION_EXPIRING], ==, 1);
  g_assert_cmpuint (per_state[PARAAT_EXCEPTION_VALID], ==, 1);
  g_assert_true (paraat_workspace_count_exceptions (ws, &expired, &expiring, &error));
  g_assert_cmpuint (expired, ==, 1);
  g_assert_cmpuint (expiring, ==, 1);

  heatmap = paraat_workspace_build_chart (ws, PARAAT_CHART_HEATMAP, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (paraat_chart_is_empty (heatmap));

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

  ADD ("/risk/scope", test_scope);
  ADD ("/risk/validation", test_risk_validation);
  ADD ("/risk/scores", test_risk_scores);
  ADD ("/risk/links", test_risk_links);
  ADD ("/risk/remove-refused", test_remove_refused);
  ADD ("/risk/exception/validation", test_exception_validation);
  ADD ("/risk/exception/states", test_exception_states);
  ADD ("/risk/person-removal", test_person_removal);
  ADD ("/risk/trail", test_trail);
  ADD ("/risk/metrics", test_metrics);
  ADD ("/risk/heatmap", test_heatmap);
  ADD ("/risk/demo", test_demo);

#undef ADD

  return g_test_run ();
}
