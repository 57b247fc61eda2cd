/* paraat-demo-risks.c — the demo's scope register, risk register and exceptions
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "paraat-action.h"
#include "paraat-clock.h"
#include "paraat-demo-private.h"
#include "paraat-requirement.h"
#include "paraat-risk.h"

/* Tulpwerk a year into its ISMS: what the scope covers and leaves out, the risks it found
 * (spread over the whole heatmap, so the chart and the register have something to show),
 * the treatments decided, and three exceptions: one expired, one about to expire and one
 * in force. Days count from today: negative in the past. */

enum { ISMS_OWNER, DIRECTOR, CTO, DEVOPS, HR, SUCCESS, PRIVACY, FINANCE, NOBODY = -1 };

static const char * const staff[] = {
  "Marloes Jansen", "Pieter van Dijk", "Fatima El Amrani", "Joost Bakker", "Sanne de Vries",
  "Daan Visser", "Eva Smit", "Ruben Mulder",
};

typedef struct
{
  ParaatScopeKind  kind;
  const char      *name;
  const char      *description;
  const char      *out_because;   /* non-NULL: out of scope */
} DemoScope;

static const DemoScope demo_scope[] = {
  { PARAAT_SCOPE_SYSTEM, "Roosterwijs platform",
    "The workforce-planning SaaS platform: web application, API and production database." },
  { PARAAT_SCOPE_SYSTEM, "Roosterwijs mobile app",
    "The app care and retail staff use to see and swap their shifts." },
  { PARAAT_SCOPE_SYSTEM, "Customer support console",
    "Where support agents look up customer accounts and act on their behalf." },
  { PARAAT_SCOPE_SYSTEM, "Source code repositories and build pipeline",
    "Git hosting, continuous integration and the deployment pipeline to production." },
  { PARAAT_SCOPE_SYSTEM, "Marketing website",
    "tulpwerk.example: product pages and the newsletter sign-up.",
    "Built and hosted by the marketing agency; it holds no customer data and has no "
    "connection to the platform or its accounts." },
  { PARAAT_SCOPE_SUPPLIER, "Hosting provider",
    "Dutch cloud provider running Roosterwijs in one region in Amsterdam." },
  { PARAAT_SCOPE_SUPPLIER, "Payment provider",
    "Collects the monthly subscription fees; holds customers' billing details." },
  { PARAAT_SCOPE_SUPPLIER, "Office and e-mail suite",
    "Cloud office suite with e-mail, documents and single sign-on for all staff." },
  { PARAAT_SCOPE_SUPPLIER, "Marketing agency",
    "Maintains the marketing website and sends the newsletter.",
    "Works only on the marketing website, which is out of scope; it has no access to "
    "customer data or to our systems." },
  { PARAAT_SCOPE_LOCATION, "Office in Utrecht",
    "Head office with the development team and the support desk." },
  { PARAAT_SCOPE_LOCATION, "Home workplaces",
    "Most staff work from home two or three days a week." },
  { PARAAT_SCOPE_LOCATION, "Hosting provider’s data centre",
    "The data centre in Amsterdam where the platform runs.",
    "Physical security is the hosting provider’s, covered by its own ISO 27001 certificate "
    "and checked in the yearly supplier review." },
  { PARAAT_SCOPE_PROCESS, "Software development",
    "From a change request through code review and testing to release." },
  { PARAAT_SCOPE_PROCESS, "Customer support",
    "Tickets, phone support and account changes for customers." },
  { PARAAT_SCOPE_PROCESS, "Incident response",
    "Detecting, handling and reporting security incidents, including to the CSIRT." },
  { PARAAT_SCOPE_PROCESS, "Payroll administration",
    "Salary payments and the payroll records of our own staff.",
    "Outsourced to an accountancy firm under its own processing agreement; it does not "
    "touch the platform or customer data." },
  { PARAAT_SCOPE_ROLE, "On-call engineer",
    "Handles production alerts outside office hours, one week at a time." },
  { PARAAT_SCOPE_ROLE, "Support agent",
    "Answers customers and can act in their accounts through the support console." },
  { PARAAT_SCOPE_ROLE, "Developer",
    "Writes and reviews code; has no standing access to production data." },
};

typedef struct
{
  const char      *title;
  const char      *scenario;
  const char      *threat;
  const char      *vulnerability;
  int              likelihood, impact;
  ParaatTreatment  treatment;
  int              owner;
  int              residual_likelihood, residual_impact;   /* 0: not assessed yet */
  int              review;          /* days from today */
  int              accepted_by;
  int              accepted;        /* days from today */
  const char      *scope[3];
  const char      *links[4];        /* "framework:key" */
  const char      *actions[2];      /* treatment actions, by title */
} DemoRisk;

static const DemoRisk demo_risks[] = {
  { .title = "Account takeover of the hosting console through phishing",
    .scenario = "An engineer enters the console password on a fake login page; the attacker "
                "deletes or copies production.",
    .threat = "Targeted phishing", .vulnerability = "Console accounts protected by a password",
    .likelihood = 4, .impact = 5, .treatment = PARAAT_TREATMENT_MITIGATE, .owner = DEVOPS,
    .residual_likelihood = 1, .residual_impact = 5, .review = 120,
    .scope = { "Hosting provider", "Roosterwijs platform", "On-call engineer" },
    .links = { "iso27001-2022:A.5.17", "iso27001-2022:A.8.5", "nis2:21(2)(j)" },
    .actions = { "Enforce multi-factor authentication on the hosting console",
                 "Security awareness training for all staff" } },
  { .title = "Outage of the single hosting region",
    .scenario = "A regional outage at the hosting provider stops Roosterwijs for every "
                "customer for a day or more.",
    .threat = "Supplier outage", .vulnerability = "Everything runs in one region",
    .likelihood = 3, .impact = 5, .treatment = PARAAT_TREATMENT_ACCEPT, .owner = CTO,
    .residual_likelihood = 3, .residual_impact = 4, .review = 340,
    .accepted_by = DIRECTOR, .accepted = -21,
    .scope = { "Hosting provider", "Roosterwijs platform" },
    .links = { "iso27001-2022:A.5.29", "iso27001-2022:A.5.30", "nis2:21(2)(c)" },
    .actions = { "Business continuity plan for an outage of the hosting region" } },
  { .title = "Health data in rosters processed without a valid legal basis",
    .scenario = "The scheduling assistant uses sick-leave data of care staff to propose "
                "rosters before a DPIA has been done.",
    .threat = "Regulator’s fine and customer complaints",
    .vulnerability = "New feature built before the privacy assessment",
    .likelihood = 3, .impact = 5, .treatment = PARAAT_TREATMENT_MITIGATE, .owner = PRIVACY,
    .review = 60,
    .scope = { "Roosterwijs platform" },
    .links = { "iso27001-2022:A.5.34" },
    .actions = { "Data protection impact assessment for the scheduling assistant" } },
  { .title = "Unpatched vulnerability in a public endpoint exploited",
    .scenario = "A known flaw in a public endpoint is exploited before it is patched.",
    .threat = "Opportunistic attackers scanning the internet",
    .vulnerability = "Patches applied by hand, without a schedule",
    .likelihood = 4, .impact = 4, .treatment = PARAAT_TREATMENT_MITIGATE, .owner = DEVOPS,
    .residual_likelihood = 2, .residual_impact = 4, .review = 90,
    .scope = { "Roosterwijs platform", "Customer support console" },
    .links = { "iso27001-2022:A.8.8", "nis2:21(2)(e)" },
    .actions = { "Monthly vulnerability scan of the public endpoints",
                 "Yearly penetration test of Roosterwijs" } },
  { .title = "Ransomware on a staff laptop spreads to shared files",
    .scenario = "A laptop is infected at home and encrypts the shared drive and the "
                "synchronised documents.",
    .threat = "Ransomware", .vulnerability = "Broad write access to shared documents",
    .likelihood = 3, .impact = 4, .treatment = PARAAT_TREATMENT_MITIGATE, .owner = CTO,
    .residual_likelihood = 2, .residual_impact = 3, .review = 150,
    .scope = { "Home workplaces", "Office and e-mail suite" },
    .links = { "iso27001-2022:A.8.7", "iso27001-2022:A.8.13" },
    .actions = { "Restore test of the production database backup" } },
  { .title = "On-call engineer unreachable during a major outage",
    .scenario = "An alert at night goes unanswered; customers cannot plan shifts until the "
                "morning.",
    .threat = "Human unavailability", .vulnerability = "One on-call engineer without backup",
    .likelihood = 3, .impact = 4, .treatment = PARAAT_TREATMENT_MITIGATE, .owner = CTO,
    .review = -10,
    .scope = { "On-call engineer", "Incident response" },
    .links = { "iso27001-2022:A.5.29", "iso27001-2022:A.5.24" } },
  { .title = "Loss of the production database without a working restore",
    .scenario = "Storage corruption destroys the database and the backup turns out not to "
                "restore.",
    .threat = "Hardware or operator error", .vulnerability = "Restores never tested",
    .likelihood = 2, .impact = 5, .treatment = PARAAT_TREATMENT_MITIGATE, .owner = DEVOPS,
    .residual_likelihood = 1, .residual_impact = 4, .review = 180,
    .scope = { "Roosterwijs platform" },
    .links = { "iso27001-2022:A.8.13", "nis2:21(2)(c)" },
    .actions = { "Restore test of the production database backup",
                 "Half-yearly restore test of the production backup" } },
  { .title = "Former employee keeps access to the support console",
    .scenario = "A leaver still logs in weeks later and can act in customer accounts.",
    .threat = "Misuse by a former insider", .vulnerability = "No checklist for leavers",
    .likelihood = 3, .impact = 3, .treatment = PARAAT_TREATMENT_MITIGATE, .owner = HR,
    .residual_likelihood = 1, .residual_impact = 3, .review = 100,
    .scope = { "Customer support console", "Support agent" },
    .links = { "iso27001-2022:A.5.18", "iso27001-2022:A.6.5" },
    .actions = { "Quarterly access review of production",
                 "Offboarding checklist with access revocation" } },
  { .title = "Insecure code reaches production without a real review",
    .scenario = "A change with an injection flaw passes a review that only checked style.",
    .threat = "Developer mistake", .vulnerability = "No shared checklist for reviewers",
    .likelihood = 3, .impact = 3, .treatment = PARAAT_TREATMENT_MITIGATE, .owner = DEVOPS,
    .residual_likelihood = 2, .residual_impact = 3, .review = 130,
    .scope = { "Software development", "Source code repositories and build pipeline",
               "Developer" },
    .links = { "iso27001-2022:A.8.25", "iso27001-2022:A.8.28", "iso27001-2022:A.8.29" },
    .actions = { "Secure development guideline for the Roosterwijs team" } },
  { .title = "Critical supplier reports a security incident too late",
    .scenario = "A supplier’s breach reaches us after our own 24-hour NIS2 deadline.",
    .threat = "Supplier incident", .vulnerability = "No reporting terms in older contracts",
    .likelihood = 3, .impact = 3, .treatment = PARAAT_TREATMENT_MITIGATE, .owner = FINANCE,
    .review = 75,
    .scope = { "Hosting provider", "Payment provider" },
    .links = { "iso27001-2022:A.5.22", "nis2:21(2)(d)" },
    .actions = { "Yearly security assessment of the four critical suppliers" } },
  { .title = "Late report of a significant incident to the CSIRT",
    .scenario = "Nobody knows who reports to the CSIRT, and the early warning misses the "
                "24-hour deadline.",
    .threat = "Regulatory sanction", .vulnerability = "Reporting duty new and not rehearsed",
    .likelihood = 2, .impact = 4, .treatment = PARAAT_TREATMENT_MITIGATE, .owner = ISMS_OWNER,
    .residual_likelihood = 1, .residual_impact = 4, .review = 90,
    .scope = { "Incident response" },
    .links = { "nis2:23", "iso27001-2022:A.5.24", "iso27001-2022:A.5.26" },
    .actions = { "Register with the national CSIRT as an essential entity",
                 "Run an incident response tabletop exercise" } },
  { .title = "Customer exports readable in object storage",
    .scenario = "Exports kept for 30 days are read by someone with storage access.",
    .threat = "Unauthorised access", .vulnerability = "Exports stored unencrypted",
    .likelihood = 2, .impact = 4, .treatment = PARAAT_TREATMENT_MITIGATE, .owner = CTO,
    .residual_likelihood = 1, .residual_impact = 4, .review = 110,
    .scope = { "Roosterwijs platform" },
    .links = { "iso27001-2022:A.8.24", "iso27001-2022:A.8.11" },
    .actions = { "Encrypt customer exports at rest" } },
  { .title = "Laptop stolen from the office, a car or a train",
    .scenario = "A laptop with synchronised documents is stolen.",
    .threat = "Theft", .vulnerability = "Laptops travel daily between office and home",
    .likelihood = 4, .impact = 2, .treatment = PARAAT_TREATMENT_ACCEPT, .owner = CTO,
    .residual_likelihood = 4, .residual_impact = 1, .review = 200,
    .accepted_by = DIRECTOR, .accepted = -200,
    .scope = { "Office in Utrecht", "Home workplaces" },
    .links = { "iso27001-2022:A.7.9", "iso27001-2022:A.8.1" } },
  { .title = "Payment provider breach exposes billing details",
    .scenario = "The payment provider is breached and our customers’ billing details leak.",
    .threat = "Supplier breach", .vulnerability = "Billing details held by a third party",
    .likelihood = 2, .impact = 3, .treatment = PARAAT_TREATMENT_TRANSFER, .owner = FINANCE,
    .residual_likelihood = 2, .residual_impact = 2, .review = 250,
    .scope = { "Payment provider" },
    .links = { "iso27001-2022:A.5.19", "iso27001-2022:A.5.20", "nis2:21(2)(d)" },
    .actions = { "Supplier register with security ratings" } },
  { .title = "Marketing website defaced",
    .scenario = "The agency’s website is defaced and customers doubt the platform’s "
                "security.",
    .threat = "Vandalism", .vulnerability = "Outdated plug-ins on the agency’s website",
    .likelihood = 3, .impact = 2, .treatment = PARAAT_TREATMENT_AVOID, .owner = DIRECTOR,
    .residual_likelihood = 3, .residual_impact = 1, .review = 300,
    .scope = { "Marketing website", "Marketing agency" },
    .links = { "iso27001-2022:A.5.19" } },
  { .title = "Visitors read customer data on screens at the support desk",
    .scenario = "A visitor waiting in the office sees a customer’s staff list on a screen.",
    .threat = "Shoulder surfing", .vulnerability = "Support desk next to the entrance",
    .likelihood = 2, .impact = 2, .treatment = PARAAT_TREATMENT_MITIGATE, .owner = SUCCESS,
    .residual_likelihood = 1, .residual_impact = 2, .review = 160,
    .scope = { "Office in Utrecht", "Support agent" },
    .links = { "iso27001-2022:A.7.7" },
    .actions = { "Clean-desk and clear-screen check in the office" } },
  { .title = "Flooding makes the Utrecht office unusable",
    .scenario = "Heavy rain floods the ground floor; staff work from home for a week.",
    .threat = "Natural event", .vulnerability = "Office on the ground floor",
    .likelihood = 1, .impact = 2, .treatment = PARAAT_TREATMENT_ACCEPT, .owner = DIRECTOR,
    .residual_likelihood = 1, .residual_impact = 2, .review = 330,
    .accepted_by = DIRECTOR, .accepted = -330,
    .scope = { "Office in Utrecht" },
    .links = { "iso27001-2022:A.7.5" } },
};

typedef struct
{
  const char *links[3];
  int         person;
  const char *scope_item;
  const char *justification;
  const char *risk;
  int         approver;
  int         start, expiry;   /* days from today */
} DemoException;

static const DemoException demo_exceptions[] = {
  { .links = { "iso27001-2022:A.8.1" }, .person = SUCCESS,
    .justification = "The company phones were late; until they arrived Daan answered "
                     "customer calls on his own phone, with the support app behind a PIN.",
    .risk = "Laptop stolen from the office, a car or a train",
    .approver = ISMS_OWNER, .start = -200, .expiry = -10 },
  { .links = { "iso27001-2022:A.5.20", "nis2:21(2)(d)" }, .person = NOBODY,
    .scope_item = "Payment provider",
    .justification = "The provider’s standard terms cannot be negotiated at our size; its "
                     "PCI DSS attestation is accepted instead until the contract is renewed.",
    .risk = "Payment provider breach exposes billing details",
    .approver = DIRECTOR, .start = -150, .expiry = 20 },
  { .links = { "iso27001-2022:A.5.30", "nis2:21(2)(c)" }, .person = NOBODY,
    .scope_item = "Roosterwijs platform",
    .justification = "A second hosting region costs more than this year’s budget allows; the "
                     "management review accepted a single region for one more year while the "
                     "continuity plan is finished.",
    .risk = "Outage of the single hosting region",
    .approver = DIRECTOR, .start = -21, .expiry = 344 },
};

typedef struct
{
  ParaatWorkspace *ws;
  GHashTable      *scope_ids;    /* name → gint64 * */
  GHashTable      *action_ids;   /* title → gint64 * */
  GHashTable      *risk_ids;     /* title → gint64 * */
} Register;

static gint64
person_id (ParaatWorkspace *ws,
           int              who)
{
  ParaatPerson *person = who >= 0 ? paraat_workspace_find_person_by_name (ws, staff[who])
                                  : NULL;

  return person ? paraat_person_get_id (person) : 0;
}

/* DAYS from today, on the user's calendar, as "YYYY-MM-DD" */
static char *
day_from_today (int days)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (paraat_clock_now_ms () / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autoptr(GDateTime) day = g_date_time_add_days (local, days);

  return g_date_time_format (day, "%Y-%m-%d");
}

static void
remember (GHashTable *table,
          const char *key,
          gint64      id)
{
  g_hash_table_insert (table, g_strdup (key), g_memdup2 (&id, sizeof id));
}

static gboolean
lookup (GHashTable  *table,
        const char  *key,
        gint64      *id,
        GError     **error)
{
  gint64 *found = g_hash_table_lookup (table, key);

  if (found == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "the demo has no “%s”", key);
      return FALSE;
    }
  *id = *found;
  return TRUE;
}

/* Requirement ids of LINKS ("framework:key", up to N, NULL-ended early) into IDS */
static gboolean
resolve_links (ParaatWorkspace    *ws,
               const char * const *links,
               guint               n,
               GArray             *ids,
               GError            **error)
{
  for (guint i = 0; i < n && links[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (links[i], ":", 2);
      g_autoptr(ParaatRequirement) r = paraat_workspace_find_requirement (ws, parts[0],
                                                                         parts[1], error);
      gint64 id;

      if (r == NULL)
        return FALSE;
      id = paraat_requirement_get_id (r);
      g_array_append_val (ids, id);
    }
  return TRUE;
}

static gboolean
add_scope (Register  *reg,
           GError   **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_scope); i++)
    {
      const DemoScope *s = &demo_scope[i];
      ParaatScopeSpec spec = {
        .kind = s->kind, .name = s->name, .description = s->description,
        .in_scope = s->out_because == NULL, .justification = s->out_because,
      };
      gint64 id = paraat_workspace_add_scope_item (reg->ws, &spec, error);

      if (id == 0)
        return FALSE;
      remember (reg->scope_ids, s->name, id);
    }
  return TRUE;
}

static gboolean
load_actions (Register  *reg,
              GError   **error)
{
  g_autoptr(GListModel) actions = paraat_workspace_list_actions (reg->ws, error);

  if (actions == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(ParaatAction) a = g_list_model_get_item (actions, i);
      remember (reg->action_ids, paraat_action_get_title (a), paraat_action_get_id (a));
    }
  return TRUE;
}

static gboolean
add_risk (Register        *reg,
          const DemoRisk  *r,
          GError         **error)
{
  g_autoptr(GArray) scope = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) reqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) actions = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *review = day_from_today (r->review);
  g_autofree char *accepted = r->accepted_by != 0 || r->accepted != 0
                              ? day_from_today (r->accepted) : NULL;
  ParaatRiskSpec spec;
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (r->scope) && r->scope[i] != NULL; i++)
    {
      if (!lookup (reg->scope_ids, r->scope[i], &id, error))
        return FALSE;
      g_array_append_val (scope, id);
    }
  for (guint i = 0; i < G_N_ELEMENTS (r->actions) && r->actions[i] != NULL; i++)
    {
      if (!lookup (reg->action_ids, r->actions[i], &id, error))
        return FALSE;
      g_array_append_val (actions, id);
    }
  if (!resolve_links (reg->ws, r->links, G_N_ELEMENTS (r->links), reqs, error))
    return FALSE;

  spec = (ParaatRiskSpec) {
    .title = r->title, .scenario = r->scenario, .threat = r->threat,
    .vulnerability = r->vulnerability, .likelihood = r->likelihood, .impact = r->impact,
    .treatment = r->treatment, .owner_id = person_id (reg->ws, r->owner),
    .residual_likelihood = r->residual_likelihood, .residual_impact = r->residual_impact,
    .review_date = review,
    .accepted_by = accepted ? person_id (reg->ws, r->accepted_by) : 0,
    .accepted_date = accepted,
    .scope_item_ids = (const gint64 *) (gpointer) scope->data, .n_scope_items = scope->len,
    .requirement_ids = (const gint64 *) (gpointer) reqs->data, .n_requirements = reqs->len,
    .action_ids = (const gint64 *) (gpointer) actions->data, .n_actions = actions->len,
  };
  if (!(id = paraat_workspace_add_risk (reg->ws, &spec, error)))
    return FALSE;
  remember (reg->risk_ids, r->title, id);
  return TRUE;
}

static gboolean
add_exception (Register             *reg,
               const DemoException  *e,
               GError              **error)
{
  g_autoptr(GArray) reqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *start = day_from_today (e->start);
  g_autofree char *expiry = day_from_today (e->expiry);
  gint64 scope_item = 0, risk = 0;
  ParaatExceptionSpec spec;

  if (!resolve_links (reg->ws, e->links, G_N_ELEMENTS (e->links), reqs, error) ||
      (e->scope_item && !lookup (reg->scope_ids, e->scope_item, &scope_item, error)) ||
      (e->risk && !lookup (reg->risk_ids, e->risk, &risk, error)))
    return FALSE;
  spec = (ParaatExceptionSpec) {
    .requirement_ids = (const gint64 *) (gpointer) reqs->data, .n_requirements = reqs->len,
    .person_id = person_id (reg->ws, e->person), .scope_item_id = scope_item,
    .justification = e->justification, .risk_id = risk,
    .approver_id = person_id (reg->ws, e->approver),
    .start_date = start, .expiry_date = expiry,
  };
  return paraat_workspace_add_exception (reg->ws, &spec, error) != 0;
}

gboolean
paraat_demo_add_risks (ParaatWorkspace  *ws,
                       GError          **error)
{
  Register reg = {
    .ws = ws,
    .scope_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .action_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .risk_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
  };
  gboolean ok = add_scope (&reg, error) && load_actions (&reg, error);

  for (guint i = 0; ok && i < G_N_ELEMENTS (demo_risks); i++)
    ok = add_risk (&reg, &demo_risks[i], error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (demo_exceptions); i++)
    ok = add_exception (&reg, &demo_exceptions[i], error);

  g_hash_table_unref (reg.scope_ids);
  g_hash_table_unref (reg.action_ids);
  g_hash_table_unref (reg.risk_ids);
  return ok;
}
