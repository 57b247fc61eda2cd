/* paraat-demo.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "paraat-db.h"
#include "paraat-demo.h"
#include "paraat-demo-private.h"
#include "paraat-clock.h"
#include "paraat-framework.h"
#include "paraat-i18n.h"
#include "paraat-requirement.h"
#include "paraat-scan.h"
#include "paraat-workspace-private.h"

/* A fictitious Dutch SaaS company of about 40 staff. The .example domain is reserved. */
static const struct {
  const char *name;
  const char *role;
  const char *email;
} demo_people[] = {
  { "Marloes Jansen", "ISMS owner", "marloes.jansen@tulpwerk.example" },
  { "Pieter van Dijk", "Managing director", "pieter.vandijk@tulpwerk.example" },
  { "Fatima El Amrani", "CTO", "fatima.elamrani@tulpwerk.example" },
  { "Joost Bakker", "Lead DevOps engineer", "joost.bakker@tulpwerk.example" },
  { "Sanne de Vries", "HR manager", "sanne.devries@tulpwerk.example" },
  { "Daan Visser", "Customer success lead", "daan.visser@tulpwerk.example" },
  { "Eva Smit", "Privacy officer", "eva.smit@tulpwerk.example" },
  { "Ruben Mulder", "Finance manager", "ruben.mulder@tulpwerk.example" },
};

static const char demo_scope[] =
  "The information security management system covers the development, hosting and support "
  "of the Roosterwijs workforce-planning platform, delivered as SaaS to healthcare and "
  "retail customers in the Netherlands and Belgium, from the office in Utrecht and by "
  "remote staff. Hosting is provided by a Dutch cloud supplier (in scope as a supplier).";

/* A register that a company a year into its ISMS would plausibly have. */
static const struct {
  const char *framework;
  const char *key;
  ParaatImplementationStatus status;
  int owner;               /* index into demo_people */
  const char *justification; /* non-NULL: not applicable */
} demo_register[] = {
  { "iso27001-2022", "4.3", PARAAT_STATUS_IMPLEMENTED, 0, NULL },
  { "iso27001-2022", "5.2", PARAAT_STATUS_IMPLEMENTED, 1, NULL },
  { "iso27001-2022", "6.1.2", PARAAT_STATUS_PARTIAL, 0, NULL },
  { "iso27001-2022", "6.1.3", PARAAT_STATUS_PLANNED, 0, NULL },
  { "iso27001-2022", "9.2", PARAAT_STATUS_PLANNED, 0, NULL },
  { "iso27001-2022", "9.3", PARAAT_STATUS_PARTIAL, 1, NULL },
  { "iso27001-2022", "A.5.1", PARAAT_STATUS_IMPLEMENTED, 0, NULL },
  { "iso27001-2022", "A.5.15", PARAAT_STATUS_PARTIAL, 2, NULL },
  { "iso27001-2022", "A.5.19", PARAAT_STATUS_PARTIAL, 7, NULL },
  { "iso27001-2022", "A.5.24", PARAAT_STATUS_PLANNED, 3, NULL },
  { "iso27001-2022", "A.5.34", PARAAT_STATUS_IMPLEMENTED, 6, NULL },
  { "iso27001-2022", "A.6.1", PARAAT_STATUS_IMPLEMENTED, 4, NULL },
  { "iso27001-2022", "A.6.3", PARAAT_STATUS_PARTIAL, 4, NULL },
  { "iso27001-2022", "A.8.5", PARAAT_STATUS_IMPLEMENTED, 3, NULL },
  { "iso27001-2022", "A.8.13", PARAAT_STATUS_PARTIAL, 3, NULL },
  { "iso27001-2022", "A.8.15", PARAAT_STATUS_PLANNED, 3, NULL },
  { "iso27001-2022", "A.8.30", PARAAT_STATUS_NOT_STARTED, 2,
    "All software is developed in-house by our own staff; no development is outsourced." },
  { "iso27001-2022", "A.7.10", PARAAT_STATUS_NOT_STARTED, 3,
    "No removable storage media are used; laptops use encrypted disks and cloud storage only." },
  { "nis2", "21(2)(j)", PARAAT_STATUS_PARTIAL, 2, NULL },
};

static gboolean
fill_register (ParaatWorkspace  *ws,
               GError          **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_register); i++)
    {
      g_autoptr(ParaatRequirement) r =
        paraat_workspace_find_requirement (ws, demo_register[i].framework, demo_register[i].key,
                                           error);
      ParaatPerson *owner = paraat_workspace_find_person_by_name (ws,
                                                                  demo_people[demo_register[i].owner].name);
      ParaatRequirementState state = {
        .applicable = demo_register[i].justification == NULL,
        .justification = demo_register[i].justification,
        .status = demo_register[i].status,
        .owner_id = owner ? paraat_person_get_id (owner) : 0,
      };

      if (r == NULL ||
          !paraat_workspace_update_requirement (ws, paraat_requirement_get_id (r), &state, error))
        return FALSE;
    }
  return TRUE;
}

/* A date DAYS_AGO days before paraat_clock_now_ms(), as "YYYY-MM-DD". */
static char *
demo_date (int days_ago)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (paraat_clock_now_ms () / 1000);
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days_ago);

  return g_date_time_format (then, "%Y-%m-%d");
}

static ParaatTrackStatus
demo_track (int   level,
            guint hash,
            guint shift)
{
  if (level >= 3)
    return (hash >> shift) % 4 == 0 ? PARAAT_TRACK_STATUS_PARTIAL : PARAAT_TRACK_STATUS_PRESENT;
  if (level == 2)
    return (hash >> shift) % 2 ? PARAAT_TRACK_STATUS_PARTIAL : PARAAT_TRACK_STATUS_MISSING;
  return PARAAT_TRACK_STATUS_MISSING;
}

/* Deterministic answers derived from the requirement's key, so every demo is the same:
 * a baseline mostly at levels 1–2, and a year later a spread around 2–3 with a few 4s. */
static void
demo_answer (const char       *framework_key,
             const char       *key,
             gboolean          later,
             ParaatScanAnswer *answer)
{
  g_autofree char *full_key = g_strconcat (framework_key, ":", key, NULL);
  /* Mixed, so neighbouring keys ("A.6.1", "A.6.2") do not get neighbouring answers. */
  guint hash = (g_str_hash (full_key) * 2654435761u) >> 7;
  int level;

  memset (answer, 0, sizeof *answer);
  if (!later)
    {
      level = 1 + (int) (hash % 7) / 3;           /* 1, 2 or (rarely) 3 */
      if (hash % 11 == 0)
        {
          answer->kind = PARAAT_ANSWER_UNKNOWN;
          answer->notes = "Ask the CTO after the workshop.";
          return;
        }
    }
  else
    {
      static const int spread[] = { 1, 2, 2, 2, 3, 3, 3, 3, 4, 2, 3, 1 };

      level = spread[(hash >> 4) % G_N_ELEMENTS (spread)];
      if (hash % 37 == 0)
        {
          answer->kind = PARAAT_ANSWER_NOT_APPLICABLE;
          answer->reason = "Handled entirely by the hosting supplier under its own ISO 27001 "
                           "certificate; checked in the yearly supplier review.";
          return;
        }
      if (hash % 29 == 0)
        {
          answer->kind = PARAAT_ANSWER_UNKNOWN;
          answer->notes = "Waiting for the supplier's answer.";
          return;
        }
    }
  answer->kind = PARAAT_ANSWER_LEVEL;
  answer->level = level;
  answer->policy = demo_track (level + 1, hash, 1);
  answer->operation = demo_track (level, hash, 3);
  answer->monitoring = demo_track (level - 1, hash, 5);
}

static gboolean
demo_scan (ParaatWorkspace  *ws,
           const char       *name,
           int               days_ago,
           ParaatScanDepth   depth,
           const char       *participants,
           GError          **error)
{
  GListModel *frameworks = paraat_workspace_get_frameworks (ws);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GListModel) questions = NULL;
  g_autofree char *date = demo_date (days_ago);
  ParaatScanSpec spec = {
    .name = name, .date = date, .depth = depth, .participants = participants,
  };
  gint64 scan_id;

  /* ISO 27001 first, so NIS2 measures it covers are not asked twice. */
  for (guint i = 0; i < g_list_model_get_n_items (frameworks); i++)
    {
      g_autoptr(ParaatFramework) f = g_list_model_get_item (frameworks, i);
      gint64 id = paraat_framework_get_id (f);

      if (!paraat_framework_get_enabled (f))
        continue;
      if (g_str_equal (paraat_framework_get_key (f), "iso27001-2022"))
        g_array_prepend_val (ids, id);
      else
        g_array_append_val (ids, id);
    }
  spec.framework_ids = (const gint64 *) (gpointer) ids->data;
  spec.n_frameworks = ids->len;

  if (!(scan_id = paraat_workspace_create_scan (ws, &spec, error)) ||
      !(questions = paraat_workspace_list_scan_questions (ws, scan_id, error)))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(ParaatScanQuestion) q = g_list_model_get_item (questions, i);
      g_autoptr(ParaatRequirement) r =
        paraat_workspace_get_requirement (ws, paraat_scan_question_get_requirement_id (q), error);
      ParaatScanAnswer answer;

      if (r == NULL)
        return FALSE;
      demo_answer (paraat_requirement_get_framework_key (r), paraat_requirement_get_key (r),
                   depth == PARAAT_SCAN_FULL, &answer);
      if (!paraat_workspace_answer_scan_question (ws, paraat_scan_question_get_id (q), &answer,
                                                  error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_scans (ParaatWorkspace  *ws,
           GError          **error)
{
  return demo_scan (ws, "Baseline quick scan", 365, PARAAT_SCAN_QUICK,
                    "Marloes Jansen, Pieter van Dijk, Fatima El Amrani", error) &&
         demo_scan (ws, "Gap analysis before the internal audit", 30, PARAAT_SCAN_FULL,
                    "Marloes Jansen, Fatima El Amrani, Joost Bakker, Sanne de Vries", error);
}

ParaatWorkspace *
paraat_demo_create (const char  *path,
                    GError     **error)
{
  g_autoptr(ParaatWorkspace) ws = NULL;
  ParaatSettings settings = { 0 };

  ws = paraat_workspace_create (path, "Tulpwerk Software B.V.", demo_people[0].name, error);
  if (ws == NULL)
    return NULL;

  paraat_workspace_get_settings (ws, &settings);
  g_free (settings.scope);
  settings.scope = g_strdup (demo_scope);
  if (!paraat_workspace_update_settings (ws, &settings, error))
    {
      paraat_settings_clear (&settings);
      return NULL;
    }
  paraat_settings_clear (&settings);

  if (!paraat_workspace_update_person (ws, paraat_person_get_id (paraat_workspace_get_actor (ws)),
                                       demo_people[0].name, demo_people[0].role,
                                       demo_people[0].email, error))
    return NULL;

  for (guint i = 1; i < G_N_ELEMENTS (demo_people); i++)
    {
      if (paraat_workspace_add_person (ws, demo_people[i].name, demo_people[i].role,
                                       demo_people[i].email, error) == 0)
        return NULL;
    }

  if (!fill_register (ws, error) || !paraat_demo_add_evidence (ws, error) ||
      !add_scans (ws, error) || !paraat_demo_add_actions (ws, error) ||
      !paraat_demo_add_risks (ws, error))
    return NULL;
  return g_steal_pointer (&ws);
}

static const char * const first_names[] = {
  "Anna", "Bram", "Chantal", "Dirk", "Esther", "Frank", "Gerda", "Hans", "Iris", "Jan",
  "Kim", "Lars", "Mila", "Niels", "Olga", "Paul", "Roos", "Stijn", "Tessa", "Vincent",
};
static const char * const last_names[] = {
  "Jansen", "de Jong", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen",
  "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters",
  "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
};

static gboolean
add_synthetic_people (ParaatWorkspace  *ws,
                      GError          **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (first_names) * G_N_ELEMENTS (last_names); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s",
                                               first_names[i % G_N_ELEMENTS (first_names)],
                                               last_names[i / G_N_ELEMENTS (first_names)]);
      if (paraat_workspace_find_person_by_name (ws, name) != NULL)
        continue;
      if (paraat_workspace_add_person (ws, name, "Employee", NULL, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* Role revisions in one transaction: a long, valid hash chain for the trail benchmarks. */
static gboolean
add_trail_history (ParaatWorkspace  *ws,
                   guint             n_entries,
                   GError          **error)
{
  g_autoptr(ParaatTxn) txn = paraat_workspace_begin (ws, error);
  GListModel *people = paraat_workspace_get_people (ws);
  guint n_people = g_list_model_get_n_items (people);
  sqlite3 *db = paraat_workspace_get_db (ws);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (txn == NULL ||
      !(stmt = paraat_db_prepare (db, "UPDATE person SET role = ?1 WHERE id = ?2", error)))
    return FALSE;

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(ParaatPerson) person = g_list_model_get_item (people, i % n_people);
      g_autoptr(ParaatChanges) changes = paraat_changes_new ();
      g_autofree char *role = g_strdup_printf ("Role revision %u", i);

      sqlite3_reset (stmt);
      paraat_db_bind_text (stmt, 1, role);
      sqlite3_bind_int64 (stmt, 2, paraat_person_get_id (person));
      paraat_changes_add (changes, "role", paraat_person_get_role (person), role);
      if (!paraat_db_step_done (stmt, error) ||
          !paraat_txn_log (txn, "person", paraat_person_get_id (person),
                           paraat_person_get_name (person), "update", changes, NULL, error))
        return FALSE;
      paraat_person_set_fields (person, paraat_person_get_name (person), role,
                                paraat_person_get_email (person));
    }

  return paraat_workspace_commit (ws, txn, "person", error);
}

ParaatWorkspace *
paraat_demo_generate_large (const char  *path,
                            guint        trail_entries,
                            GError     **error)
{
  g_autoptr(ParaatWorkspace) ws = paraat_demo_create (path, error);

  if (ws == NULL || !add_synthetic_people (ws, error) ||
      !add_trail_history (ws, trail_entries, error))
    return NULL;
  return g_steal_pointer (&ws);
}
