/* paraat-migrations.c — the workspace schema, one step per version
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "paraat-db.h"
#include "paraat-framework-private.h"
#include "paraat-i18n.h"
#include "paraat-migrations.h"
#include "paraat-txn.h"
#include "paraat-workspace.h"

/* Guard triggers: data tables refuse writes that do not come through ParaatTxn. */
#define GUARD(table) \
  "CREATE TRIGGER " table "_guard_insert BEFORE INSERT ON " table \
  " WHEN NOT paraat_write_allowed() BEGIN" \
  " SELECT RAISE(ABORT, 'changes must be made through Paraat so they enter the audit trail');" \
  " END;" \
  "CREATE TRIGGER " table "_guard_update BEFORE UPDATE ON " table \
  " WHEN NOT paraat_write_allowed() BEGIN" \
  " SELECT RAISE(ABORT, 'changes must be made through Paraat so they enter the audit trail');" \
  " END;" \
  "CREATE TRIGGER " table "_guard_delete BEFORE DELETE ON " table \
  " WHEN NOT paraat_write_allowed() BEGIN" \
  " SELECT RAISE(ABORT, 'changes must be made through Paraat so they enter the audit trail');" \
  " END;"

static const char migration_1[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE person ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  role TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  created_ms INTEGER NOT NULL);"
  "CREATE UNIQUE INDEX person_name ON person (name COLLATE NOCASE);"
  "CREATE TABLE trail ("
  "  seq INTEGER PRIMARY KEY,"
  "  ts_ms INTEGER NOT NULL,"
  "  actor_id INTEGER NOT NULL,"
  "  actor_name TEXT NOT NULL,"
  "  object_type TEXT NOT NULL,"
  "  object_id INTEGER NOT NULL,"
  "  object_label TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  details TEXT NOT NULL,"
  "  reason TEXT,"
  "  prev_hash TEXT NOT NULL,"
  "  hash TEXT NOT NULL);"
  "CREATE TRIGGER trail_append_only_insert BEFORE INSERT ON trail"
  "  WHEN NOT paraat_write_allowed()"
  "    OR NEW.seq IS NOT coalesce((SELECT max(seq) FROM trail), 0) + 1 BEGIN"
  "  SELECT RAISE(ABORT, 'the audit trail is append-only');"
  "END;"
  "CREATE TRIGGER trail_append_only_update BEFORE UPDATE ON trail BEGIN"
  "  SELECT RAISE(ABORT, 'the audit trail is append-only');"
  "END;"
  "CREATE TRIGGER trail_append_only_delete BEFORE DELETE ON trail BEGIN"
  "  SELECT RAISE(ABORT, 'the audit trail is append-only');"
  "END;"
  GUARD ("meta")
  GUARD ("setting")
  GUARD ("person");

/* The audit-trail page filters by person, object and time. */
static const char migration_2[] =
  "CREATE INDEX trail_actor ON trail (actor_id, seq);"
  "CREATE INDEX trail_object ON trail (object_type, object_id, seq);"
  "CREATE INDEX trail_time ON trail (ts_ms);";

/* Frameworks: a copy of each catalog the workspace uses, so it reads the same anywhere,
 * and the workspace's own register data (applicability, status, owner) per requirement. */
static const char migration_3[] =
  "CREATE TABLE framework ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL UNIQUE,"
  "  version TEXT NOT NULL DEFAULT '',"
  "  title_en TEXT,"
  "  title_nl TEXT,"
  "  source TEXT NOT NULL DEFAULT '',"
  "  format TEXT NOT NULL,"
  "  bundled INTEGER NOT NULL DEFAULT 0,"
  "  enabled INTEGER NOT NULL DEFAULT 1,"
  "  imported_ms INTEGER NOT NULL);"
  "CREATE TABLE framework_level ("
  "  framework_id INTEGER NOT NULL REFERENCES framework (id) ON DELETE CASCADE,"
  "  group_key TEXT NOT NULL DEFAULT '',"
  "  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),"
  "  text_en TEXT,"
  "  text_nl TEXT,"
  "  PRIMARY KEY (framework_id, group_key, level));"
  "CREATE TABLE requirement_group ("
  "  id INTEGER PRIMARY KEY,"
  "  framework_id INTEGER NOT NULL REFERENCES framework (id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL,"
  "  parent_key TEXT,"
  "  title_en TEXT,"
  "  title_nl TEXT,"
  "  position INTEGER NOT NULL,"
  "  UNIQUE (framework_id, key));"
  "CREATE TABLE requirement ("
  "  id INTEGER PRIMARY KEY,"
  "  framework_id INTEGER NOT NULL REFERENCES framework (id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL,"
  "  label TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  group_key TEXT,"
  "  parent_key TEXT,"
  "  depth INTEGER NOT NULL DEFAULT 0,"
  "  title_en TEXT,"
  "  title_nl TEXT,"
  "  guidance_en TEXT,"
  "  guidance_nl TEXT,"
  "  question_en TEXT,"
  "  question_nl TEXT,"
  "  tracks INTEGER NOT NULL DEFAULT 7,"
  "  weight REAL NOT NULL DEFAULT 1,"
  "  position INTEGER NOT NULL,"
  "  applicable INTEGER NOT NULL DEFAULT 1 CHECK (applicable IN (0, 1)),"
  "  justification TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'not-started'"
  "    CHECK (status IN ('not-started', 'planned', 'partial', 'implemented')),"
  "  owner_id INTEGER REFERENCES person (id),"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (framework_id, key));"
  "CREATE INDEX requirement_owner ON requirement (owner_id);"
  "CREATE TABLE requirement_link ("
  "  requirement_id INTEGER NOT NULL REFERENCES requirement (id) ON DELETE CASCADE,"
  "  target_framework TEXT NOT NULL,"
  "  target_key TEXT NOT NULL,"
  "  PRIMARY KEY (requirement_id, target_framework, target_key));"
  "CREATE INDEX requirement_link_target ON requirement_link (target_framework, target_key);"
  GUARD ("framework")
  GUARD ("framework_level")
  GUARD ("requirement_group")
  GUARD ("requirement")
  GUARD ("requirement_link");

/* Evidence: content stored once per SHA-256 in 1 MiB chunks (hash stays NULL while a blob
 * is being written), items with their metadata, numbered revisions and requirement links. */
static const char migration_4[] =
  "CREATE TABLE blob ("
  "  id INTEGER PRIMARY KEY,"
  "  hash TEXT UNIQUE CHECK (hash IS NULL OR length(hash) = 64),"
  "  size INTEGER NOT NULL CHECK (size >= 0),"
  "  created_ms INTEGER NOT NULL);"
  "CREATE TABLE blob_chunk ("
  "  blob_id INTEGER NOT NULL REFERENCES blob (id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL CHECK (seq >= 0),"
  "  data BLOB NOT NULL,"
  "  PRIMARY KEY (blob_id, seq));"
  "CREATE TABLE evidence ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  track TEXT NOT NULL CHECK (track IN ('policy', 'operation', 'monitoring')),"
  "  evidence_date TEXT NOT NULL,"
  "  valid_until TEXT NOT NULL CHECK (valid_until >= evidence_date),"
  "  owner_id INTEGER REFERENCES person (id),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  created_ms INTEGER NOT NULL);"
  "CREATE INDEX evidence_owner ON evidence (owner_id);"
  "CREATE TABLE evidence_revision ("
  "  id INTEGER PRIMARY KEY,"
  "  evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,"
  "  revision INTEGER NOT NULL CHECK (revision >= 1),"
  "  file_name TEXT NOT NULL,"
  "  content_type TEXT NOT NULL DEFAULT 'application/octet-stream',"
  "  blob_id INTEGER NOT NULL REFERENCES blob (id),"
  "  size INTEGER NOT NULL,"
  "  added_ms INTEGER NOT NULL,"
  "  UNIQUE (evidence_id, revision));"
  "CREATE INDEX evidence_revision_blob ON evidence_revision (blob_id);"
  "CREATE TABLE evidence_link ("
  "  evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,"
  "  requirement_id INTEGER NOT NULL REFERENCES requirement (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (evidence_id, requirement_id)) WITHOUT ROWID;"
  "CREATE INDEX evidence_link_requirement ON evidence_link (requirement_id);"
  GUARD ("blob")
  GUARD ("blob_chunk")
  GUARD ("evidence")
  GUARD ("evidence_revision")
  GUARD ("evidence_link");

/* Readiness scans: the frameworks in order, one question per requirement asked, the
 * requirements each question covers through the mapping, and the answers as given. */
static const char migration_5[] =
  "CREATE TABLE scan ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  scan_date TEXT NOT NULL CHECK (length(scan_date) = 10),"
  "  depth TEXT NOT NULL CHECK (depth IN ('quick', 'full')),"
  "  participants TEXT NOT NULL DEFAULT '',"
  "  target_level INTEGER NOT NULL CHECK (target_level BETWEEN 1 AND 4),"
  "  created_ms INTEGER NOT NULL);"
  "CREATE TABLE scan_framework ("
  "  scan_id INTEGER NOT NULL REFERENCES scan (id) ON DELETE CASCADE,"
  "  framework_id INTEGER NOT NULL REFERENCES framework (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (scan_id, framework_id)) WITHOUT ROWID;"
  "CREATE TABLE scan_question ("
  "  id INTEGER PRIMARY KEY,"
  "  scan_id INTEGER NOT NULL REFERENCES scan (id) ON DELETE CASCADE,"
  "  requirement_id INTEGER NOT NULL REFERENCES requirement (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  answer TEXT NOT NULL DEFAULT 'open'"
  "    CHECK (answer IN ('open', 'level', 'not-applicable', 'unknown')),"
  "  level INTEGER CHECK (level IS NULL OR level BETWEEN 1 AND 4),"
  "  reason TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  policy TEXT NOT NULL DEFAULT 'unknown',"
  "  operation TEXT NOT NULL DEFAULT 'unknown',"
  "  monitoring TEXT NOT NULL DEFAULT 'unknown',"
  "  target_level INTEGER NOT NULL CHECK (target_level BETWEEN 1 AND 4),"
  "  answered_ms INTEGER,"
  "  UNIQUE (scan_id, requirement_id));"
  "CREATE INDEX scan_question_scan ON scan_question (scan_id, position);"
  "CREATE TABLE scan_cover ("
  "  question_id INTEGER NOT NULL REFERENCES scan_question (id) ON DELETE CASCADE,"
  "  requirement_id INTEGER NOT NULL REFERENCES requirement (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (question_id, requirement_id)) WITHOUT ROWID;"
  "CREATE INDEX scan_cover_requirement ON scan_cover (requirement_id);"
  GUARD ("scan")
  GUARD ("scan_framework")
  GUARD ("scan_question")
  GUARD ("scan_cover");

/* Actions and management reviews. An action has one owner and moves through its workflow;
 * due-date moves are kept with their reason. A review records the ISO 27001 9.3.2 inputs,
 * its decisions (each yields actions or an explicit "no action, because …") and, once
 * finalised, only takes addenda. */
static const char migration_6[] =
  "CREATE TABLE review ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  review_date TEXT NOT NULL CHECK (length(review_date) = 10),"
  "  chair_id INTEGER NOT NULL REFERENCES person (id),"
  "  created_ms INTEGER NOT NULL,"
  "  finalised_ms INTEGER);"
  "CREATE INDEX review_date ON review (review_date, id);"
  "CREATE TABLE review_attendee ("
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES person (id),"
  "  PRIMARY KEY (review_id, person_id)) WITHOUT ROWID;"
  "CREATE INDEX review_attendee_person ON review_attendee (person_id);"
  "CREATE TABLE review_input ("
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  input TEXT NOT NULL,"
  "  covered INTEGER NOT NULL DEFAULT 0 CHECK (covered IN (0, 1)),"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (review_id, input)) WITHOUT ROWID;"
  "CREATE TABLE review_decision ("
  "  id INTEGER PRIMARY KEY,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  no_action_reason TEXT NOT NULL DEFAULT '',"
  "  created_ms INTEGER NOT NULL);"
  "CREATE INDEX review_decision_review ON review_decision (review_id, position);"
  "CREATE TABLE review_addendum ("
  "  id INTEGER PRIMARY KEY,"
  "  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,"
  "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  author_id INTEGER,"
  "  author_name TEXT NOT NULL,"
  "  ts_ms INTEGER NOT NULL);"
  "CREATE TABLE action ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  decision TEXT NOT NULL DEFAULT '',"
  "  source TEXT NOT NULL"
  "    CHECK (source IN ('scan-gap', 'review', 'audit', 'risk', 'incident', 'other')),"
  "  owner_id INTEGER NOT NULL REFERENCES person (id),"
  "  due_date TEXT NOT NULL CHECK (length(due_date) = 10),"
  "  priority TEXT NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'critical')),"
  "  status TEXT NOT NULL DEFAULT 'open'"
  "    CHECK (status IN ('open', 'in-progress', 'awaiting-review', 'closed', 'cancelled')),"
  "  required_track TEXT NOT NULL"
  "    CHECK (required_track IN ('policy', 'operation', 'monitoring')),"
  "  required_evidence TEXT NOT NULL DEFAULT '',"
  "  project TEXT NOT NULL DEFAULT '',"
  "  quarter TEXT NOT NULL DEFAULT '',"
  "  scan_id INTEGER REFERENCES scan (id) ON DELETE SET NULL,"
  "  decision_id INTEGER REFERENCES review_decision (id) ON DELETE SET NULL,"
  "  created_ms INTEGER NOT NULL,"
  "  closed_ms INTEGER,"
  "  cancelled_ms INTEGER,"
  "  reviewer_id INTEGER REFERENCES person (id),"
  "  verification_note TEXT NOT NULL DEFAULT '',"
  "  review_comment TEXT NOT NULL DEFAULT '',"
  "  cancel_reason TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX action_due ON action (due_date, id);"
  "CREATE INDEX action_owner ON action (owner_id);"
  "CREATE INDEX action_reviewer ON action (reviewer_id);"
  "CREATE INDEX action_decision ON action (decision_id);"
  "CREATE TABLE action_requirement ("
  "  action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,"
  "  requirement_id INTEGER NOT NULL REFERENCES requirement (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (action_id, requirement_id)) WITHOUT ROWID;"
  "CREATE INDEX action_requirement_requirement ON action_requirement (requirement_id);"
  "CREATE TABLE action_evidence ("
  "  action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,"
  "  evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (action_id, evidence_id)) WITHOUT ROWID;"
  "CREATE INDEX action_evidence_evidence ON action_evidence (evidence_id);"
  "CREATE TABLE action_due_change ("
  "  id INTEGER PRIMARY KEY,"
  "  action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,"
  "  old_due TEXT NOT NULL,"
  "  new_due TEXT NOT NULL,"
  "  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),"
  "  actor_id INTEGER,"
  "  actor_name TEXT NOT NULL,"
  "  ts_ms INTEGER NOT NULL);"
  "CREATE INDEX action_due_change_action ON action_due_change (action_id, id);"
  GUARD ("review")
  GUARD ("review_attendee")
  GUARD ("review_input")
  GUARD ("review_decision")
  GUARD ("review_addendum")
  GUARD ("action")
  GUARD ("action_requirement")
  GUARD ("action_evidence")
  GUARD ("action_due_change");

/* One risk story: the scope register (what the ISMS covers and what it leaves out, and
 * why), the risk register with its links to scope items, requirements and treatment
 * actions, and exceptions (who may deviate from which requirements, until when, approved
 * by whom). Links name scope items and risks without cascading, so the core can refuse
 * to remove what is still named instead of silently dropping history. */
static const char migration_7[] =
  "CREATE TABLE scope_item ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL"
  "    CHECK (kind IN ('system', 'supplier', 'location', 'process', 'role')),"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  in_scope INTEGER NOT NULL DEFAULT 1 CHECK (in_scope IN (0, 1)),"
  "  justification TEXT NOT NULL DEFAULT '',"
  "  created_ms INTEGER NOT NULL,"
  "  CHECK (in_scope = 1 OR length(trim(justification)) > 0));"
  "CREATE UNIQUE INDEX scope_item_name ON scope_item (kind, name COLLATE NOCASE);"
  "CREATE TABLE risk ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  scenario TEXT NOT NULL DEFAULT '',"
  "  threat TEXT NOT NULL DEFAULT '',"
  "  vulnerability TEXT NOT NULL DEFAULT '',"
  "  likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),"
  "  impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),"
  "  treatment TEXT NOT NULL CHECK (treatment IN ('mitigate', 'accept', 'transfer', 'avoid')),"
  "  owner_id INTEGER NOT NULL REFERENCES person (id),"
  "  residual_likelihood INTEGER NOT NULL DEFAULT 0"
  "    CHECK (residual_likelihood BETWEEN 0 AND 5),"
  "  residual_impact INTEGER NOT NULL DEFAULT 0 CHECK (residual_impact BETWEEN 0 AND 5),"
  "  review_date TEXT NOT NULL DEFAULT '' CHECK (review_date = '' OR length(review_date) = 10),"
  "  accepted_by INTEGER REFERENCES person (id),"
  "  accepted_date TEXT NOT NULL DEFAULT '',"
  "  created_ms INTEGER NOT NULL,"
  "  CHECK ((residual_likelihood = 0) = (residual_impact = 0)),"
  "  CHECK (treatment != 'accept' OR (accepted_by IS NOT NULL AND accepted_date != '')));"
  "CREATE INDEX risk_owner ON risk (owner_id);"
  "CREATE INDEX risk_accepted_by ON risk (accepted_by);"
  "CREATE TABLE risk_scope_item ("
  "  risk_id INTEGER NOT NULL REFERENCES risk (id) ON DELETE CASCADE,"
  "  scope_item_id INTEGER NOT NULL REFERENCES scope_item (id),"
  "  PRIMARY KEY (risk_id, scope_item_id)) WITHOUT ROWID;"
  "CREATE INDEX risk_scope_item_item ON risk_scope_item (scope_item_id);"
  "CREATE TABLE risk_requirement ("
  "  risk_id INTEGER NOT NULL REFERENCES risk (id) ON DELETE CASCADE,"
  "  requirement_id INTEGER NOT NULL REFERENCES requirement (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (risk_id, requirement_id)) WITHOUT ROWID;"
  "CREATE INDEX risk_requirement_requirement ON risk_requirement (requirement_id);"
  "CREATE TABLE risk_action ("
  "  risk_id INTEGER NOT NULL REFERENCES risk (id) ON DELETE CASCADE,"
  "  action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (risk_id, action_id)) WITHOUT ROWID;"
  "CREATE INDEX risk_action_action ON risk_action (action_id);"
  "CREATE TABLE exception ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER REFERENCES person (id),"
  "  scope_item_id INTEGER REFERENCES scope_item (id),"
  "  justification TEXT NOT NULL CHECK (length(trim(justification)) > 0),"
  "  risk_id INTEGER REFERENCES risk (id),"
  "  approver_id INTEGER NOT NULL REFERENCES person (id),"
  "  start_date TEXT NOT NULL CHECK (length(start_date) = 10),"
  "  expiry_date TEXT NOT NULL CHECK (length(expiry_date) = 10),"
  "  created_ms INTEGER NOT NULL,"
  "  CHECK ((person_id IS NULL) != (scope_item_id IS NULL)),"
  "  CHECK (approver_id IS NOT person_id),"
  "  CHECK (expiry_date > start_date));"
  "CREATE INDEX exception_expiry ON exception (expiry_date, id);"
  "CREATE INDEX exception_person ON exception (person_id);"
  "CREATE INDEX exception_scope_item ON exception (scope_item_id);"
  "CREATE INDEX exception_risk ON exception (risk_id);"
  "CREATE INDEX exception_approver ON exception (approver_id);"
  "CREATE TABLE exception_requirement ("
  "  exception_id INTEGER NOT NULL REFERENCES exception (id) ON DELETE CASCADE,"
  "  requirement_id INTEGER NOT NULL REFERENCES requirement (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (exception_id, requirement_id)) WITHOUT ROWID;"
  "CREATE INDEX exception_requirement_requirement ON exception_requirement (requirement_id);"
  GUARD ("scope_item")
  GUARD ("risk")
  GUARD ("risk_scope_item")
  GUARD ("risk_requirement")
  GUARD ("risk_action")
  GUARD ("exception")
  GUARD ("exception_requirement");

static const char * const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
  migration_7,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == PARAAT_SCHEMA_VERSION);

static gboolean
run_step (sqlite3   *db,
          gboolean  *write_allowed,
          int        version,
          GError   **error)
{
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", version);

  txn = paraat_txn_begin (db, write_allowed, 0, PARAAT_SYSTEM_ACTOR, error);
  if (txn == NULL)
    return FALSE;

  if (!paraat_db_exec (db, migrations[version - 1], error) ||
      !paraat_db_exec (db, pragma, error))
    return FALSE;

  paraat_changes_add_int (changes, "schema_version", version - 1, version);
  if (!paraat_txn_log (txn, "workspace", 0, "schema", "migrate", changes, NULL, error))
    return FALSE;

  /* Version 3 brings the bundled frameworks into every workspace. */
  if (version == 3 && !paraat_framework_install_bundled (txn, error))
    return FALSE;

  return paraat_txn_commit (txn, error);
}

/* Each step runs in its own transaction, so a failure leaves the last good version. */
gboolean
paraat_migrations_run (sqlite3   *db,
                       gboolean  *write_allowed,
                       int        target_version,
                       GError   **error)
{
  int current = (int) paraat_db_query_int (db, "PRAGMA user_version", 0);

  for (int version = current + 1; version <= target_version; version++)
    {
      if (!run_step (db, write_allowed, version, error))
        return FALSE;
    }
  return TRUE;
}
