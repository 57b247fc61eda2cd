/* paraat-demo-evidence.c — the demo workspace's evidence: small generated documents
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "paraat-clock.h"
#include "paraat-demo-private.h"
#include "paraat-evidence.h"
#include "paraat-requirement.h"

/* Everything is dated relative to today, so the demo tells the same story whenever it is
 * made: most evidence current, one item about to expire, two gone stale, and policies
 * that nothing shows being carried out. */

typedef GString *(*WriteFunc) (void);

typedef struct
{
  const char *file_name;
  const char *title;
  guint       track;
  int         age_days;        /* the evidence's date, this many days ago */
  int         valid_months;    /* 0: the workspace's validity period */
  const char *owner;
  const char *description;
  const char *links[4];        /* "framework:key", NULL-terminated */
  WriteFunc   write;
} DemoEvidence;

static const char * const staff[] = {
  "Marloes Jansen", "Pieter van Dijk", "Fatima El Amrani", "Joost Bakker", "Sanne de Vries",
  "Daan Visser", "Eva Smit", "Ruben Mulder", "Lotte Hendriks", "Bram de Groot", "Iris Vos",
  "Niels Peters", "Tessa Dekker", "Stijn Brouwer", "Mila de Boer", "Vincent Meijer",
};

static const char * const systems[] = {
  "Roosterwijs production", "Roosterwijs support console", "Source code hosting",
  "Cloud hosting console", "HR system", "Finance system",
};

static GString *
write_policy (int version)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out,
    "# Information security policy\n\n"
    "Tulpwerk Software B.V. — version %d.0, approved by the managing director.\n\n"
    "## Purpose\n\n"
    "Customers trust us with the schedules of their healthcare and retail staff. This policy\n"
    "states how we protect that information and the Roosterwijs platform that holds it.\n\n"
    "## Scope\n\n"
    "All staff, contractors and systems involved in developing, hosting and supporting\n"
    "Roosterwijs, in the Utrecht office and when working remotely.\n\n"
    "## Principles\n\n"
    "1. Information is classified as public, internal or confidential; customer data is\n"
    "   always confidential.\n"
    "2. Access is granted on a need-to-know basis, approved by the system owner and reviewed\n"
    "   every quarter.\n"
    "3. Every laptop uses full-disk encryption, a screen lock and managed updates.\n"
    "4. Production changes go through peer review and automated tests.\n"
    "5. Backups are encrypted, kept in a second region and restored as a test twice a year.\n"
    "6. Suppliers that process customer data sign a processing agreement and are assessed\n"
    "   before contracting and once a year after.\n"
    "7. Security incidents are reported to the ISMS owner at once; significant incidents are\n"
    "   notified to the CSIRT within 24 hours.\n\n"
    "## Roles\n\n"
    "- Managing director: owns this policy and decides on risk acceptance.\n"
    "- ISMS owner: maintains the ISMS, reports on it each quarter.\n"
    "- CTO: owns technical measures and access to production.\n"
    "- Every employee: follows this policy and reports incidents and weaknesses.\n\n"
    "## Review\n\n"
    "This policy is reviewed every year and after significant changes.\n", version);
  return out;
}

static GString *write_policy_v2 (void) { return write_policy (2); }
static GString *write_policy_v3 (void) { return write_policy (3); }

static GString *
write_crypto_policy (void)
{
  return g_string_new (
    "# Cryptography policy\n\n"
    "## Data in transit\n\n"
    "- TLS 1.2 or newer on every public endpoint; TLS 1.3 preferred.\n"
    "- HSTS with a one-year max-age on all Roosterwijs domains.\n"
    "- Internal service traffic in the hosting platform is encrypted as well.\n\n"
    "## Data at rest\n\n"
    "- Databases and backups use AES-256 encryption managed by the hosting supplier's key\n"
    "  service; keys rotate every year.\n"
    "- Laptops use full-disk encryption (FileVault, BitLocker or LUKS).\n\n"
    "## Keys and secrets\n\n"
    "- Secrets live in the secret manager, never in source code or tickets.\n"
    "- Access to key management is limited to two named engineers.\n"
    "- A leaked secret is revoked within one hour and handled as an incident.\n\n"
    "## Passwords\n\n"
    "- Customer passwords are stored with Argon2id.\n"
    "- Staff use the company password manager and multi-factor authentication.\n");
}

static GString *
write_access_review (void)
{
  GString *out = g_string_new ("system,user,role,access,still_needed,action,reviewer\n");

  for (guint s = 0; s < G_N_ELEMENTS (systems); s++)
    for (guint p = 0; p < 8; p++)
      {
        gboolean admin = (p + s) % 5 == 0;
        gboolean revoke = (p * 7 + s) % 17 == 3;

        g_string_append_printf (out, "%s,%s,%s,%s,%s,%s,Fatima El Amrani\n", systems[s],
                                staff[p], admin ? "administrator" : "user",
                                admin ? "read-write" : "read", revoke ? "no" : "yes",
                                revoke ? "revoked" : "none");
      }
  return out;
}

static GString *
write_backup_log (void)
{
  GString *out = g_string_new ("Backup restore test — Roosterwijs production database\n\n");

  for (guint i = 0; i < 24; i++)
    g_string_append_printf (out,
                            "09:%02u:%02u  restore chunk %02u/24 from snapshot nightly-03"
                            "  %4u MB  checksum ok\n", 10 + i, (i * 37) % 60, i + 1,
                            180 + (i * 53) % 90);
  g_string_append (out,
                   "\nRestored database started on the isolated test environment.\n"
                   "Application smoke test: 42 of 42 checks passed.\n"
                   "Recovery time: 1 h 52 min (target 4 h). Data loss: 6 h (target 24 h).\n"
                   "Tested by Joost Bakker, witnessed by Marloes Jansen.\n");
  return out;
}

static GString *
write_supplier_register (void)
{
  static const char * const suppliers[][4] = {
    { "Dutch cloud hosting supplier", "hosting", "confidential", "yes" },
    { "E-mail and office suite", "collaboration", "internal", "yes" },
    { "Source code hosting", "development", "confidential", "yes" },
    { "Payroll provider", "HR", "confidential", "yes" },
    { "Customer support desk software", "support", "confidential", "yes" },
    { "Error tracking service", "development", "internal", "yes" },
    { "Password manager", "security", "confidential", "yes" },
    { "Accountancy firm", "finance", "internal", "yes" },
    { "Cleaning company", "facilities", "public", "no" },
    { "Coffee machine lease", "facilities", "public", "no" },
  };
  GString *out = g_string_new ("supplier,service,data_classification,processing_agreement,"
                               "last_assessment\n");

  for (guint i = 0; i < G_N_ELEMENTS (suppliers); i++)
    g_string_append_printf (out, "%s,%s,%s,%s,%s\n", suppliers[i][0], suppliers[i][1],
                            suppliers[i][2], suppliers[i][3],
                            g_str_equal (suppliers[i][3], "yes") ? "done" : "not needed");
  return out;
}

static GString *
write_incident_exercise (void)
{
  return g_string_new (
    "# Incident response exercise — ransomware on a support laptop\n\n"
    "Participants: Marloes Jansen (lead), Fatima El Amrani, Joost Bakker, Daan Visser,\n"
    "Eva Smit. Duration: 2 hours, tabletop.\n\n"
    "## Scenario\n\n"
    "A support engineer's laptop shows a ransom note on Monday 08:40. The laptop had a\n"
    "session open on the Roosterwijs support console.\n\n"
    "## Timeline\n\n"
    "| Time  | Step                                           | Result |\n"
    "|-------|------------------------------------------------|--------|\n"
    "| 08:45 | Laptop isolated from the network               | done   |\n"
    "| 08:55 | Support console sessions revoked               | done   |\n"
    "| 09:20 | Incident classified as potentially significant | done   |\n"
    "| 10:05 | Privacy officer assessed personal data impact  | done   |\n"
    "| 11:30 | Early warning to the CSIRT drafted             | late   |\n\n"
    "## Findings\n\n"
    "1. The CSIRT contact details in the runbook were out of date.\n"
    "2. Nobody knew who may decide on notifying customers in the director's absence.\n"
    "3. Revoking sessions worked well and took ten minutes.\n\n"
    "## Follow-up\n\n"
    "- Update the runbook with current CSIRT contacts (Joost Bakker).\n"
    "- Name a deputy for customer notification decisions (Pieter van Dijk).\n");
}

static GString *
write_training (void)
{
  GString *out = g_string_new ("name,module,completed,score\n");

  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    {
      gboolean done = i % 7 != 5;

      g_string_append_printf (out, "%s,Security awareness 2024,%s,%s\n", staff[i],
                              done ? "yes" : "no", done ? (i % 3 ? "90" : "100") : "");
      g_string_append_printf (out, "%s,Phishing simulation,%s,%s\n", staff[i],
                              i % 4 ? "reported" : "clicked", i % 4 ? "pass" : "retake");
    }
  return out;
}

static GString *
write_vulnerability_scan (void)
{
  static const char * const findings[][3] = {
    { "high", "Outdated TLS cipher suite on legacy API endpoint", "fixed" },
    { "high", "Container base image with known OpenSSL issue", "fixed" },
    { "medium", "Missing security headers on status page", "planned" },
    { "medium", "Verbose error messages on login endpoint", "fixed" },
    { "low", "Cookie without SameSite attribute", "planned" },
    { "low", "Server version disclosed in header", "accepted" },
  };
  GString *out = g_string_new ("# Vulnerability scan summary\n\n"
                               "Scope: all public Roosterwijs endpoints and the production "
                               "container images.\n\n"
                               "| Severity | Finding | Status |\n"
                               "|----------|---------|--------|\n");

  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    g_string_append_printf (out, "| %s | %s | %s |\n", findings[i][0], findings[i][1],
                            findings[i][2]);
  g_string_append (out, "\nCritical findings: 0. All high findings fixed within 14 days.\n");
  return out;
}

static const DemoEvidence demo_evidence[] = {
  { "information-security-policy.md", "Information security policy", PARAAT_TRACK_POLICY,
    400, 0, "Pieter van Dijk", "Approved by the managing director.",
    { "iso27001-2022:5.2", "iso27001-2022:A.5.1", "nis2:21(2)(a)", NULL }, write_policy_v2 },
  { "cryptography-policy.md", "Cryptography policy", PARAAT_TRACK_POLICY,
    150, 0, "Fatima El Amrani", "",
    { "iso27001-2022:A.8.24", "nis2:21(2)(h)", NULL }, write_crypto_policy },
  { "access-review-q2.csv", "Quarterly access review", PARAAT_TRACK_OPERATION,
    20, 3, "Fatima El Amrani", "All production and support systems; two rights revoked.",
    { "iso27001-2022:A.5.15", "iso27001-2022:A.5.18", "nis2:21(2)(i)", NULL },
    write_access_review },
  { "backup-restore-test.log", "Backup restore test", PARAAT_TRACK_OPERATION,
    340, 0, "Joost Bakker", "Full restore of the production database to the test environment.",
    { "iso27001-2022:A.8.13", "nis2:21(2)(c)", NULL }, write_backup_log },
  { "supplier-register.csv", "Supplier register", PARAAT_TRACK_OPERATION,
    420, 12, "Ruben Mulder", "",
    { "iso27001-2022:A.5.19", "nis2:21(2)(d)", NULL }, write_supplier_register },
  { "incident-response-exercise.md", "Incident response exercise report",
    PARAAT_TRACK_MONITORING, 90, 0, "Marloes Jansen", "Tabletop exercise with five findings.",
    { "iso27001-2022:A.5.24", "iso27001-2022:A.5.26", "nis2:21(2)(b)", NULL },
    write_incident_exercise },
  { "training-attendance-2024.csv", "Security awareness training attendance",
    PARAAT_TRACK_OPERATION, 520, 12, "Sanne de Vries", "",
    { "iso27001-2022:A.6.3", "nis2:21(2)(g)", NULL }, write_training },
  { "vulnerability-scan-summary.md", "Vulnerability scan summary", PARAAT_TRACK_MONITORING,
    10, 3, "Joost Bakker", "External scan by the hosting supplier's service.",
    { "iso27001-2022:A.8.8", "nis2:21(2)(e)", NULL }, write_vulnerability_scan },
};

static char *
date_days_ago (int days,
               int plus_months)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (paraat_clock_now_ms () / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autoptr(GDateTime) then = g_date_time_add_days (local, -days);
  g_autoptr(GDateTime) until = g_date_time_add_months (then, plus_months);

  return g_date_time_format (until, "%Y-%m-%d");
}

static char *
write_document (const char  *dir,
                const char  *file_name,
                WriteFunc    write,
                GError     **error)
{
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autoptr(GString) text = write ();

  if (!g_file_set_contents (path, text->str, (gssize) text->len, error))
    return NULL;
  return g_steal_pointer (&path);
}

/* "framework:key" → the requirement's id, or 0 with ERROR set. */
static gint64
find_requirement (ParaatWorkspace  *ws,
                  const char       *link,
                  GError          **error)
{
  g_auto(GStrv) parts = g_strsplit (link, ":", 2);
  g_autoptr(ParaatRequirement) requirement =
    paraat_workspace_find_requirement (ws, parts[0], parts[1], error);

  return requirement ? paraat_requirement_get_id (requirement) : 0;
}

/* The first link is made with the import itself; the others each with their own entry. */
static gboolean
link_rest (ParaatWorkspace     *ws,
           gint64               evidence_id,
           const char * const  *links,
           GError             **error)
{
  for (guint i = 1; i < G_N_ELEMENTS (demo_evidence[0].links) && links[i] != NULL; i++)
    {
      gint64 requirement_id = find_requirement (ws, links[i], error);

      if (requirement_id == 0 ||
          !paraat_workspace_link_evidence (ws, evidence_id, requirement_id, error))
        return FALSE;
    }
  return TRUE;
}

static gint64
add_one (ParaatWorkspace     *ws,
         const char          *dir,
         const DemoEvidence  *item,
         GError             **error)
{
  g_autofree char *path = write_document (dir, item->file_name, item->write, error);
  g_autofree char *date = date_days_ago (item->age_days, 0);
  g_autofree char *until = item->valid_months ? date_days_ago (item->age_days, item->valid_months)
                                              : NULL;
  ParaatPerson *owner = paraat_workspace_find_person_by_name (ws, item->owner);
  ParaatEvidenceMeta meta = {
    .title = item->title, .track = item->track, .evidence_date = date, .valid_until = until,
    .owner_id = owner ? paraat_person_get_id (owner) : 0, .description = item->description,
  };
  gint64 requirement_id;
  gint64 id;

  if (path == NULL ||
      !(requirement_id = find_requirement (ws, item->links[0], error)) ||
      !(id = paraat_workspace_add_evidence (ws, path, &meta, requirement_id, NULL, error)) ||
      !link_rest (ws, id, item->links, error))
    return 0;
  return id;
}

/* The policy was revised since: version 3 replaces version 2, which stays retrievable. */
static gboolean
revise_policy (ParaatWorkspace  *ws,
               const char       *dir,
               gint64            policy_id,
               GError          **error)
{
  g_autofree char *path = write_document (dir, "information-security-policy-v3.md",
                                          write_policy_v3, error);
  g_autofree char *date = date_days_ago (30, 0);
  g_autofree char *until = date_days_ago (30, 12);
  ParaatEvidenceMeta meta = { .evidence_date = date, .valid_until = until };
  g_autoptr(ParaatEvidence) current = NULL;

  if (path == NULL || !paraat_workspace_add_revision (ws, policy_id, path, NULL, error) ||
      !(current = paraat_workspace_get_evidence (ws, policy_id, error)))
    return FALSE;

  meta.owner_id = paraat_evidence_get_owner_id (current);
  return paraat_workspace_update_evidence (ws, policy_id, &meta, error);
}

gboolean
paraat_demo_add_evidence (ParaatWorkspace  *ws,
                          GError          **error)
{
  g_autofree char *dir = g_dir_make_tmp ("paraat-demo-XXXXXX", error);
  gboolean ok = dir != NULL;
  gint64 policy_id = 0;

  for (guint i = 0; ok && i < G_N_ELEMENTS (demo_evidence); i++)
    {
      gint64 id = add_one (ws, dir, &demo_evidence[i], error);

      ok = id != 0;
      if (i == 0)
        policy_id = id;
    }
  ok = ok && revise_policy (ws, dir, policy_id, error);

  if (dir != NULL)
    {
      g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
      const char *name;

      while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_unlink (path);
        }
      g_rmdir (dir);
    }
  return ok;
}
