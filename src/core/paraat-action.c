/* paraat-action.c — actions: fields, workflow, due-date history, evidence and bulk edits
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <string.h>

#include "paraat-action-private.h"
#include "paraat-catalog.h"
#include "paraat-clock.h"
#include "paraat-db.h"
#include "paraat-error.h"
#include "paraat-evidence-private.h"
#include "paraat-i18n.h"
#include "paraat-workspace-private.h"

#define SELF_REVIEW_KEY "allow_self_review"

struct _ParaatAction
{
  GObject             parent_instance;

  gint64              id;
  char               *title;
  char               *decision;
  ParaatActionSource  source;
  gint64              owner_id;
  char               *owner_name;
  char               *due_date;
  ParaatPriority      priority;
  ParaatActionStatus  status;
  guint               required_track;
  char               *required_evidence;
  char               *project;
  char               *quarter;
  gint64              created_ms;
  gint64              closed_ms;
  gint64              cancelled_ms;
  gint64              reviewer_id;
  char               *reviewer_name;
  char               *verification_note;
  char               *review_comment;
  char               *cancel_reason;
  gint64              scan_id;
  gint64              decision_id;
  guint               n_evidence;
  char               *framework_keys;
  GArray             *requirement_ids;
};

struct _ParaatActionDueChange
{
  GObject  parent_instance;

  gint64   action_id;
  char    *old_due;
  char    *new_due;
  char    *reason;
  gint64   actor_id;
  char    *actor_name;
  gint64   ts_ms;
};

G_DEFINE_FINAL_TYPE (ParaatAction, paraat_action, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (ParaatActionDueChange, paraat_action_due_change, G_TYPE_OBJECT)

static const char * const status_ids[] = {
  "open", "in-progress", "awaiting-review", "closed", "cancelled"
};
static const char * const source_ids[] = {
  "scan-gap", "review", "audit", "risk", "incident", "other"
};
static const char * const priority_ids[] = { "low", "medium", "high", "critical" };

G_STATIC_ASSERT (G_N_ELEMENTS (status_ids) == PARAAT_N_ACTION_STATUSES);
G_STATIC_ASSERT (G_N_ELEMENTS (source_ids) == PARAAT_N_SOURCES);
G_STATIC_ASSERT (G_N_ELEMENTS (priority_ids) == PARAAT_N_PRIORITIES);

static void
paraat_action_finalize (GObject *object)
{
  ParaatAction *self = PARAAT_ACTION (object);

  g_free (self->title);
  g_free (self->decision);
  g_free (self->owner_name);
  g_free (self->due_date);
  g_free (self->required_evidence);
  g_free (self->project);
  g_free (self->quarter);
  g_free (self->reviewer_name);
  g_free (self->verification_note);
  g_free (self->review_comment);
  g_free (self->cancel_reason);
  g_free (self->framework_keys);
  g_clear_pointer (&self->requirement_ids, g_array_unref);

  G_OBJECT_CLASS (paraat_action_parent_class)->finalize (object);
}

static void
paraat_action_class_init (ParaatActionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = paraat_action_finalize;
}

static void
paraat_action_init (ParaatAction *self)
{
  self->requirement_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
paraat_action_due_change_finalize (GObject *object)
{
  ParaatActionDueChange *self = PARAAT_ACTION_DUE_CHANGE (object);

  g_free (self->old_due);
  g_free (self->new_due);
  g_free (self->reason);
  g_free (self->actor_name);

  G_OBJECT_CLASS (paraat_action_due_change_parent_class)->finalize (object);
}

static void
paraat_action_due_change_class_init (ParaatActionDueChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = paraat_action_due_change_finalize;
}

static void
paraat_action_due_change_init (ParaatActionDueChange *self)
{
}

gint64 paraat_action_get_id (ParaatAction *self) { return self->id; }
const char *paraat_action_get_title (ParaatAction *self) { return self->title; }
const char *paraat_action_get_decision (ParaatAction *self) { return self->decision; }
ParaatActionSource paraat_action_get_source (ParaatAction *self) { return self->source; }
gint64 paraat_action_get_owner_id (ParaatAction *self) { return self->owner_id; }
const char *paraat_action_get_owner_name (ParaatAction *self) { return self->owner_name; }
const char *paraat_action_get_due_date (ParaatAction *self) { return self->due_date; }
ParaatPriority paraat_action_get_priority (ParaatAction *self) { return self->priority; }
ParaatActionStatus paraat_action_get_status (ParaatAction *self) { return self->status; }
guint paraat_action_get_required_track (ParaatAction *self) { return self->required_track; }
const char *paraat_action_get_required_evidence (ParaatAction *self) { return self->required_evidence; }
const char *paraat_action_get_project (ParaatAction *self) { return self->project; }
const char *paraat_action_get_quarter (ParaatAction *self) { return self->quarter; }
gint64 paraat_action_get_created_ms (ParaatAction *self) { return self->created_ms; }
gint64 paraat_action_get_closed_ms (ParaatAction *self) { return self->closed_ms; }
gint64 paraat_action_get_cancelled_ms (ParaatAction *self) { return self->cancelled_ms; }
gint64 paraat_action_get_reviewer_id (ParaatAction *self) { return self->reviewer_id; }
const char *paraat_action_get_reviewer_name (ParaatAction *self) { return self->reviewer_name; }
const char *paraat_action_get_verification_note (ParaatAction *self) { return self->verification_note; }
const char *paraat_action_get_review_comment (ParaatAction *self) { return self->review_comment; }
const char *paraat_action_get_cancel_reason (ParaatAction *self) { return self->cancel_reason; }
gint64 paraat_action_get_scan_id (ParaatAction *self) { return self->scan_id; }
gint64 paraat_action_get_decision_id (ParaatAction *self) { return self->decision_id; }
guint paraat_action_get_n_evidence (ParaatAction *self) { return self->n_evidence; }
const char *paraat_action_get_framework_keys (ParaatAction *self) { return self->framework_keys; }

const gint64 *
paraat_action_get_requirement_ids (ParaatAction *self,
                                   guint        *n_requirements)
{
  g_return_val_if_fail (PARAAT_IS_ACTION (self), NULL);

  if (n_requirements != NULL)
    *n_requirements = self->requirement_ids->len;
  return (const gint64 *) (gpointer) self->requirement_ids->data;
}

gboolean
paraat_action_is_active (ParaatAction *self)
{
  g_return_val_if_fail (PARAAT_IS_ACTION (self), FALSE);

  return self->status == PARAAT_ACTION_OPEN || self->status == PARAAT_ACTION_IN_PROGRESS ||
         self->status == PARAAT_ACTION_AWAITING_REVIEW;
}

int
paraat_action_get_days_overdue (ParaatAction *self)
{
  g_autofree char *today_text = paraat_evidence_today ();
  GDate today, due;

  g_return_val_if_fail (PARAAT_IS_ACTION (self), 0);

  if (!paraat_action_is_active (self) || !paraat_action_parse_date (self->due_date, &due) ||
      !paraat_action_parse_date (today_text, &today))
    return 0;
  return MAX (g_date_days_between (&due, &today), 0);
}

gboolean
paraat_action_is_overdue (ParaatAction *self)
{
  return paraat_action_get_days_overdue (self) > 0;
}

gboolean
paraat_action_is_high_risk (ParaatAction *self)
{
  g_return_val_if_fail (PARAAT_IS_ACTION (self), FALSE);

  return self->priority >= PARAAT_PRIORITY_HIGH;
}

gint64 paraat_action_due_change_get_action_id (ParaatActionDueChange *self) { return self->action_id; }
const char *paraat_action_due_change_get_old_due (ParaatActionDueChange *self) { return self->old_due; }
const char *paraat_action_due_change_get_new_due (ParaatActionDueChange *self) { return self->new_due; }
const char *paraat_action_due_change_get_reason (ParaatActionDueChange *self) { return self->reason; }
gint64 paraat_action_due_change_get_actor_id (ParaatActionDueChange *self) { return self->actor_id; }
const char *paraat_action_due_change_get_actor_name (ParaatActionDueChange *self) { return self->actor_name; }
gint64 paraat_action_due_change_get_ts_ms (ParaatActionDueChange *self) { return self->ts_ms; }

/* Codes and labels */

static guint
index_of (const char * const *ids,
          guint               n_ids,
          const char         *id)
{
  for (guint i = 0; i < n_ids; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return i;
  return 0;
}

const char *
paraat_action_status_to_string (ParaatActionStatus status)
{
  return status < PARAAT_N_ACTION_STATUSES ? status_ids[status] : status_ids[0];
}

const char *
paraat_action_status_label (ParaatActionStatus status)
{
  switch (status)
    {
    case PARAAT_ACTION_IN_PROGRESS: return C_("action status", "In progress");
    case PARAAT_ACTION_AWAITING_REVIEW: return C_("action status", "Awaiting review");
    case PARAAT_ACTION_CLOSED: return C_("action status", "Closed");
    case PARAAT_ACTION_CANCELLED: return C_("action status", "Cancelled");
    case PARAAT_ACTION_OPEN:
    case PARAAT_N_ACTION_STATUSES:
    default: return C_("action status", "Open");
    }
}

const char *
paraat_action_source_to_string (ParaatActionSource source)
{
  return source < PARAAT_N_SOURCES ? source_ids[source] : source_ids[PARAAT_SOURCE_OTHER];
}

const char *
paraat_action_source_label (ParaatActionSource source)
{
  switch (source)
    {
    case PARAAT_SOURCE_SCAN_GAP: return _("Scan gap");
    case PARAAT_SOURCE_REVIEW: return _("Management review decision");
    case PARAAT_SOURCE_AUDIT: return _("Internal audit finding");
    case PARAAT_SOURCE_RISK: return _("Risk treatment");
    case PARAAT_SOURCE_INCIDENT: return _("Incident");
    case PARAAT_SOURCE_OTHER:
    case PARAAT_N_SOURCES:
    default: return C_("action source", "Other");
    }
}

const char *
paraat_priority_to_string (ParaatPriority priority)
{
  return priority < PARAAT_N_PRIORITIES ? priority_ids[priority] : priority_ids[0];
}

const char *
paraat_priority_label (ParaatPriority priority)
{
  switch (priority)
    {
    case PARAAT_PRIORITY_MEDIUM: return C_("priority", "Medium");
    case PARAAT_PRIORITY_HIGH: return C_("priority", "High");
    case PARAAT_PRIORITY_CRITICAL: return C_("priority", "Critical");
    case PARAAT_PRIORITY_LOW:
    case PARAAT_N_PRIORITIES:
    default: return C_("priority", "Low");
    }
}

gboolean
paraat_action_source_is_corrective (ParaatActionSource source)
{
  return source == PARAAT_SOURCE_AUDIT || source == PARAAT_SOURCE_INCIDENT ||
         source == PARAAT_SOURCE_REVIEW || source == PARAAT_SOURCE_SCAN_GAP;
}

gboolean
paraat_quarter_is_valid (const char *quarter)
{
  if (quarter == NULL || strlen (quarter) != 7 || quarter[4] != '-' || quarter[5] != 'Q' ||
      quarter[6] < '1' || quarter[6] > '4')
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (quarter[i]))
      return FALSE;
  return quarter[0] != '0';
}

/* Shared helpers */

gboolean
paraat_action_parse_date (const char *text,
                          GDate      *date)
{
  guint64 y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  y = g_ascii_strtoull (text, NULL, 10);
  m = g_ascii_strtoull (text + 5, NULL, 10);
  d = g_ascii_strtoull (text + 8, NULL, 10);
  if (y < 1 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

gboolean
paraat_action_check_date (const char  *text,
                          GError     **error)
{
  GDate date;

  if (text == NULL || text[0] == '\0')
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID, _("Enter a due date."));
      return FALSE;
    }
  if (paraat_action_parse_date (text, &date))
    return TRUE;
  g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
               _("“%s” is not a valid date. Use the form YYYY-MM-DD, for example 2025-03-31."),
               text);
  return FALSE;
}

char *
paraat_action_format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

char *
paraat_action_clean_text (const char *text)
{
  return g_strstrip (g_utf8_make_valid (text ? text : "", -1));
}

gboolean
paraat_action_check_text (const char  *text,
                          guint        max_chars,
                          GError     **error)
{
  if (g_utf8_strlen (text, -1) <= (glong) max_chars)
    return TRUE;
  g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
               _("The text is too long. Use at most %u characters."), max_chars);
  return FALSE;
}

gboolean
paraat_action_check_open (ParaatWorkspace  *workspace,
                          GError          **error)
{
  if (paraat_workspace_get_db (workspace) != NULL)
    return TRUE;
  g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO, _("The workspace is closed."));
  return FALSE;
}

const char *
paraat_action_non_empty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

static const char *
person_name (ParaatWorkspace *self,
             gint64           person_id)
{
  ParaatPerson *person = person_id > 0 ? paraat_workspace_find_person (self, person_id) : NULL;

  return person ? paraat_person_get_name (person) : NULL;
}

/* Reading */

#define SELECT_ACTION \
  "SELECT a.id, a.title, a.decision, a.source, a.owner_id, p.name, a.due_date, a.priority," \
  " a.status, a.required_track, a.required_evidence, a.project, a.quarter, a.created_ms," \
  " a.closed_ms, a.cancelled_ms, a.reviewer_id, rv.name, a.verification_note," \
  " a.review_comment, a.cancel_reason, a.scan_id, a.decision_id," \
  " (SELECT count(*) FROM action_evidence x WHERE x.action_id = a.id)" \
  " FROM action a JOIN person p ON p.id = a.owner_id" \
  " LEFT JOIN person rv ON rv.id = a.reviewer_id"

static ParaatAction *
action_from_row (sqlite3_stmt *stmt)
{
  ParaatAction *self = g_object_new (PARAAT_TYPE_ACTION, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->title = paraat_db_column_dup (stmt, 1);
  self->decision = paraat_db_column_dup (stmt, 2);
  self->source = index_of (source_ids, PARAAT_N_SOURCES,
                           (const char *) sqlite3_column_text (stmt, 3));
  self->owner_id = sqlite3_column_int64 (stmt, 4);
  self->owner_name = paraat_db_column_dup (stmt, 5);
  self->due_date = paraat_db_column_dup (stmt, 6);
  self->priority = index_of (priority_ids, PARAAT_N_PRIORITIES,
                             (const char *) sqlite3_column_text (stmt, 7));
  self->status = index_of (status_ids, PARAAT_N_ACTION_STATUSES,
                           (const char *) sqlite3_column_text (stmt, 8));
  self->required_track = paraat_track_from_id ((const char *) sqlite3_column_text (stmt, 9));
  self->required_evidence = paraat_db_column_dup (stmt, 10);
  self->project = paraat_db_column_dup (stmt, 11);
  self->quarter = paraat_db_column_dup (stmt, 12);
  self->created_ms = sqlite3_column_int64 (stmt, 13);
  self->closed_ms = sqlite3_column_int64 (stmt, 14);
  self->cancelled_ms = sqlite3_column_int64 (stmt, 15);
  self->reviewer_id = sqlite3_column_int64 (stmt, 16);
  self->reviewer_name = paraat_db_column_dup (stmt, 17);
  self->verification_note = paraat_db_column_dup (stmt, 18);
  self->review_comment = paraat_db_column_dup (stmt, 19);
  self->cancel_reason = paraat_db_column_dup (stmt, 20);
  self->scan_id = sqlite3_column_int64 (stmt, 21);
  self->decision_id = sqlite3_column_int64 (stmt, 22);
  self->n_evidence = (guint) sqlite3_column_int (stmt, 23);
  return self;
}

/* Fills in the linked requirements and their frameworks for the actions in BY_ID. */
static gboolean
load_requirements (sqlite3     *db,
                   GHashTable  *by_id,
                   const char  *where,
                   gint64       id,
                   GError     **error)
{
  g_autofree char *sql =
    g_strconcat ("SELECT a.id, ar.requirement_id, f.key FROM action a"
                 " JOIN action_requirement ar ON ar.action_id = a.id"
                 " JOIN requirement r ON r.id = ar.requirement_id"
                 " JOIN framework f ON f.id = r.framework_id", where,
                 " ORDER BY a.id, f.id, r.position", NULL);
  g_autoptr(sqlite3_stmt) stmt = paraat_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 action_id = sqlite3_column_int64 (stmt, 0);
      gint64 requirement_id = sqlite3_column_int64 (stmt, 1);
      const char *key = (const char *) sqlite3_column_text (stmt, 2);
      ParaatAction *action = g_hash_table_lookup (by_id, &action_id);
      g_auto(GStrv) keys = NULL;

      if (action == NULL)
        continue;
      g_array_append_val (action->requirement_ids, requirement_id);
      keys = g_strsplit (action->framework_keys, ", ", -1);
      if (!g_strv_contains ((const char * const *) keys, key))
        {
          char *joined = action->framework_keys[0]
                         ? g_strconcat (action->framework_keys, ", ", key, NULL)
                         : g_strdup (key);
          g_free (action->framework_keys);
          action->framework_keys = joined;
        }
    }
  return rc == SQLITE_DONE || paraat_db_set_error (db, rc, error);
}

sqlite3_stmt *
paraat_action_prepare_for_id (ParaatWorkspace  *workspace,
                              const char       *sql,
                              gint64            id,
                              GError          **error)
{
  sqlite3_stmt *stmt;

  if (!paraat_action_check_open (workspace, error) ||
      !(stmt = paraat_db_prepare (paraat_workspace_get_db (workspace), sql, error)))
    return NULL;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  return stmt;
}

GListModel *
paraat_action_collect (sqlite3               *db,
                       sqlite3_stmt          *stmt,
                       GType                  type,
                       ParaatActionRowReader  read_row,
                       GError               **error)
{
  g_autoptr(GListStore) store = g_list_store_new (type);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GObject) object = read_row (db, stmt, error);

      if (object == NULL)
        return NULL;
      g_list_store_append (store, object);
    }
  if (rc != SQLITE_DONE)
    {
      paraat_db_set_error (db, rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

gpointer
paraat_action_first_found (GListModel  *found,
                           gint64       id,
                           const char  *message,
                           GError     **error)
{
  if (id <= 0 || g_list_model_get_n_items (found) == 0)
    {
      g_set_error_literal (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND, message);
      return NULL;
    }
  return g_list_model_get_item (found, 0);
}

GListModel *
paraat_action_query (ParaatWorkspace  *workspace,
                     const char       *where,
                     gint64            id,
                     GError          **error)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_ACTION);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db;
  int rc;

  sql = g_strconcat (SELECT_ACTION, where, " ORDER BY a.due_date, a.id", NULL);
  if (!(stmt = paraat_action_prepare_for_id (workspace, sql, id, error)))
    return NULL;
  db = paraat_workspace_get_db (workspace);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ParaatAction) action = action_from_row (stmt);

      action->framework_keys = g_strdup ("");
      g_hash_table_insert (by_id, &action->id, action);
      g_list_store_append (store, action);
    }
  if (rc != SQLITE_DONE)
    {
      paraat_db_set_error (db, rc, error);
      return NULL;
    }
  if (g_hash_table_size (by_id) > 0 && !load_requirements (db, by_id, where, id, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GListModel *
paraat_workspace_list_actions (ParaatWorkspace  *self,
                               GError          **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  return paraat_action_query (self, "", 0, error);
}

ParaatAction *
paraat_workspace_get_action (ParaatWorkspace  *self,
                             gint64            action_id,
                             GError          **error)
{
  g_autoptr(GListModel) found = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  if (!(found = paraat_action_query (self, " WHERE a.id = ?1", action_id, error)))
    return NULL;
  return paraat_action_first_found (found, action_id, _("That action is not in this workspace."),
                                    error);
}

GListModel *
paraat_workspace_list_requirement_actions (ParaatWorkspace  *self,
                                           gint64            requirement_id,
                                           GError          **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  return paraat_action_query (self,
                              " WHERE a.id IN (SELECT action_id FROM action_requirement"
                              "                WHERE requirement_id = ?1)",
                              requirement_id, error);
}

GListModel *
paraat_workspace_list_evidence_actions (ParaatWorkspace  *self,
                                        gint64            evidence_id,
                                        GError          **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  return paraat_action_query (self,
                              " WHERE a.id IN (SELECT action_id FROM action_evidence"
                              "                WHERE evidence_id = ?1)",
                              evidence_id, error);
}


GListModel *
paraat_workspace_list_action_due_changes (ParaatWorkspace  *self,
                                          gint64            action_id,
                                          GError          **error)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_ACTION_DUE_CHANGE);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  if (!(stmt = paraat_action_prepare_for_id (self, "SELECT action_id, old_due, new_due, reason, actor_id,"
                                     " actor_name, ts_ms FROM action_due_change"
                                     " WHERE action_id = ?1 ORDER BY id", action_id, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ParaatActionDueChange) change = g_object_new (PARAAT_TYPE_ACTION_DUE_CHANGE,
                                                              NULL);

      change->action_id = sqlite3_column_int64 (stmt, 0);
      change->old_due = paraat_db_column_dup (stmt, 1);
      change->new_due = paraat_db_column_dup (stmt, 2);
      change->reason = paraat_db_column_dup (stmt, 3);
      change->actor_id = sqlite3_column_int64 (stmt, 4);
      change->actor_name = paraat_db_column_dup (stmt, 5);
      change->ts_ms = sqlite3_column_int64 (stmt, 6);
      g_list_store_append (store, change);
    }
  if (rc != SQLITE_DONE)
    {
      paraat_db_set_error (paraat_workspace_get_db (self), rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GListModel *
paraat_workspace_list_action_evidence (ParaatWorkspace  *self,
                                       gint64            action_id,
                                       GError          **error)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_EVIDENCE);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  if (!(stmt = paraat_action_prepare_for_id (self, "SELECT e.id FROM action_evidence x"
                                     " JOIN evidence e ON e.id = x.evidence_id"
                                     " WHERE x.action_id = ?1"
                                     " ORDER BY e.title COLLATE NOCASE, e.id", action_id, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ParaatEvidence) evidence =
        paraat_workspace_get_evidence (self, sqlite3_column_int64 (stmt, 0), error);

      if (evidence == NULL)
        return NULL;
      g_list_store_append (store, evidence);
    }
  if (rc != SQLITE_DONE)
    {
      paraat_db_set_error (paraat_workspace_get_db (self), rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GHashTable *
paraat_workspace_list_retest_requirements (ParaatWorkspace  *self,
                                           gint64            since_ms,
                                           GError          **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  if (!(stmt = paraat_action_prepare_for_id (self, "SELECT DISTINCT ar.requirement_id FROM action a"
                                     " JOIN action_requirement ar ON ar.action_id = a.id"
                                     " WHERE a.status = 'closed' AND a.closed_ms > ?1",
                               since_ms, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      paraat_db_set_error (paraat_workspace_get_db (self), rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Fields as stored */

typedef struct
{
  char               *title;
  char               *decision;
  ParaatActionSource  source;
  gint64              owner_id;
  char               *due_date;
  ParaatPriority      priority;
  const char         *required_track;
  char               *required_evidence;
  char               *project;
  char               *quarter;
  GArray             *requirement_ids;   /* sorted, each once */
  gint64              scan_id;
  gint64              decision_id;
} ActionFields;

static void
action_fields_clear (ActionFields *f)
{
  g_clear_pointer (&f->title, g_free);
  g_clear_pointer (&f->decision, g_free);
  g_clear_pointer (&f->due_date, g_free);
  g_clear_pointer (&f->required_evidence, g_free);
  g_clear_pointer (&f->project, g_free);
  g_clear_pointer (&f->quarter, g_free);
  g_clear_pointer (&f->requirement_ids, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ActionFields, action_fields_clear)

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static GArray *
unique_ids (const gint64 *ids,
            guint         n_ids)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n_ids; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < out->len && !seen; j++)
        seen = g_array_index (out, gint64, j) == ids[i];
      if (!seen)
        g_array_append_val (out, ids[i]);
    }
  g_array_sort (out, compare_ids);
  return out;
}

static gboolean
row_exists (sqlite3    *db,
            const char *sql,
            gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = paraat_db_prepare (db, sql, NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, PARAAT_ERROR, PARAAT_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
validate_title (const char  *title,
                GError     **error)
{
  if (title[0] == '\0')
    return invalid (error, _("Enter a title for the action."));
  if (g_utf8_strlen (title, -1) > PARAAT_ACTION_TITLE_MAX)
    return invalid (error, _("The title is too long. Use at most 200 characters."));
  return TRUE;
}

static gboolean
validate_owner (ParaatWorkspace  *self,
                gint64            owner_id,
                GError          **error)
{
  if (owner_id <= 0)
    return invalid (error, _("Choose one person as the owner of the action."));
  if (paraat_workspace_find_person (self, owner_id) == NULL)
    return invalid (error, _("The owner must be a person in the directory."));
  return TRUE;
}

static gboolean
validate_quarter (const char  *quarter,
                  GError     **error)
{
  if (quarter[0] == '\0' || paraat_quarter_is_valid (quarter))
    return TRUE;
  g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
               _("“%s” is not a quarter. Use the form 2026-Q3, or leave it empty."), quarter);
  return FALSE;
}

static gboolean
validate_requirements (ParaatWorkspace     *self,
                       const ActionFields  *f,
                       GError             **error)
{
  sqlite3 *db = paraat_workspace_get_db (self);

  for (guint i = 0; i < f->requirement_ids->len; i++)
    if (!row_exists (db, "SELECT 1 FROM requirement WHERE id = ?1",
                     g_array_index (f->requirement_ids, gint64, i)))
      return invalid (error, _("A linked requirement is not in this workspace."));
  return TRUE;
}

/* Where a new action comes from; an edit keeps these links as they were. */
static gboolean
validate_origin (ParaatWorkspace     *self,
                 const ActionFields  *f,
                 GError             **error)
{
  sqlite3 *db = paraat_workspace_get_db (self);

  if (f->scan_id != 0 && !row_exists (db, "SELECT 1 FROM scan WHERE id = ?1", f->scan_id))
    return invalid (error, _("That scan is not in this workspace."));

  if (f->decision_id != 0)
    {
      if (!row_exists (db, "SELECT 1 FROM review_decision WHERE id = ?1", f->decision_id))
        return invalid (error, _("That management review decision is not in this workspace."));
      if (row_exists (db, "SELECT 1 FROM review_decision d JOIN review r ON r.id = d.review_id"
                          " WHERE d.id = ?1 AND r.finalised_ms IS NOT NULL", f->decision_id))
        return invalid (error, _("That management review is finalised, so its decisions take "
                                 "no new actions. Add an addendum to the review instead."));
      if (row_exists (db, "SELECT 1 FROM review_decision WHERE id = ?1"
                          " AND no_action_reason != ''", f->decision_id))
        return invalid (error, _("That decision was recorded as needing no action. Clear its "
                                 "reason first to give it actions."));
    }
  return TRUE;
}

/* Fills OUT from SPEC, or for an edit (CURRENT not NULL) keeps the due date and the links
 * to a scan or decision. */
static gboolean
resolve_fields (ParaatWorkspace         *self,
                const ParaatActionSpec  *spec,
                ParaatAction            *current,
                ActionFields            *out,
                GError                 **error)
{
  out->title = paraat_action_clean_text (spec->title);
  out->decision = paraat_action_clean_text (spec->decision);
  out->required_evidence = paraat_action_clean_text (spec->required_evidence);
  out->project = paraat_action_clean_text (spec->project);
  out->quarter = paraat_action_clean_text (spec->quarter);
  out->due_date = current ? g_strdup (current->due_date)
                          : paraat_action_clean_text (spec->due_date);
  out->source = spec->source;
  out->priority = spec->priority;
  out->owner_id = spec->owner_id;
  out->required_track = paraat_track_to_id (spec->required_track);
  out->requirement_ids = unique_ids (spec->requirement_ids,
                                     spec->requirement_ids ? spec->n_requirements : 0);
  out->scan_id = current ? current->scan_id : MAX (spec->scan_id, 0);
  out->decision_id = current ? current->decision_id : MAX (spec->decision_id, 0);

  if (!validate_title (out->title, error) || !validate_owner (self, out->owner_id, error) ||
      !paraat_action_check_date (out->due_date, error))
    return FALSE;
  if ((guint) out->source >= PARAAT_N_SOURCES)
    return invalid (error, _("Choose where the action comes from."));
  if ((guint) out->priority >= PARAAT_N_PRIORITIES)
    return invalid (error, _("Choose the action’s priority: low, medium, high or critical."));
  if (out->required_track == NULL)
    return invalid (error, _("Choose the track of the evidence the action needs: policy, "
                             "operation or monitoring."));
  if (g_utf8_strlen (out->project, -1) > PARAAT_ACTION_TITLE_MAX)
    return invalid (error, _("The project name is too long. Use at most 200 characters."));
  if (!validate_quarter (out->quarter, error) ||
      !paraat_action_check_text (out->decision, PARAAT_ACTION_TEXT_MAX, error) ||
      !paraat_action_check_text (out->required_evidence, PARAAT_ACTION_TEXT_MAX, error))
    return FALSE;
  return validate_requirements (self, out, error) &&
         (current != NULL || validate_origin (self, out, error));
}

static void
fields_from_action (ParaatAction *action,
                    ActionFields *out)
{
  out->title = g_strdup (action->title);
  out->decision = g_strdup (action->decision);
  out->source = action->source;
  out->owner_id = action->owner_id;
  out->due_date = g_strdup (action->due_date);
  out->priority = action->priority;
  out->required_track = paraat_track_to_id (action->required_track);
  out->required_evidence = g_strdup (action->required_evidence);
  out->project = g_strdup (action->project);
  out->quarter = g_strdup (action->quarter);
  out->requirement_ids = g_array_copy (action->requirement_ids);
  g_array_sort (out->requirement_ids, compare_ids);
  out->scan_id = action->scan_id;
  out->decision_id = action->decision_id;
}

/* "iso27001-2022 A.5.15, nis2 21(2)(j)": the requirements in words for the trail. */
static char *
describe_requirements (sqlite3 *db,
                       GArray  *ids)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *out;

  if (ids == NULL || ids->len == 0)
    return NULL;
  stmt = paraat_db_prepare (db, "SELECT f.key || ' ' || r.label FROM requirement r"
                                " JOIN framework f ON f.id = r.framework_id WHERE r.id = ?1",
                            NULL);
  if (stmt == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, (const char *) sqlite3_column_text (stmt, 0));
    }
  return g_string_free (out, FALSE);
}

static char *
query_text (sqlite3    *db,
            const char *sql,
            gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = id ? paraat_db_prepare (db, sql, NULL) : NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW ? paraat_db_column_dup (stmt, 0) : NULL;
}

/* Field-level changes for the trail; BEFORE is NULL for a new action. */
static void
describe_fields (ParaatWorkspace    *self,
                 const ActionFields *before,
                 const ActionFields *after,
                 ParaatChanges      *changes)
{
  sqlite3 *db = paraat_workspace_get_db (self);
  const ActionFields none = { .source = PARAAT_N_SOURCES, .priority = PARAAT_N_PRIORITIES };
  g_autofree char *reqs_before = NULL;
  g_autofree char *reqs_after = NULL;
  g_autofree char *scan_before = NULL;
  g_autofree char *scan_after = NULL;
  g_autofree char *decision_before = NULL;
  g_autofree char *decision_after = NULL;
  const char *scan_sql = "SELECT name FROM scan WHERE id = ?1";
  const char *decision_sql = "SELECT text FROM review_decision WHERE id = ?1";

  if (before == NULL)
    before = &none;

  paraat_changes_add (changes, "title", before->title, after->title);
  paraat_changes_add (changes, "decision", paraat_action_non_empty (before->decision),
                      paraat_action_non_empty (after->decision));
  paraat_changes_add (changes, "source",
                      before->source < PARAAT_N_SOURCES ? source_ids[before->source] : NULL,
                      source_ids[after->source]);
  paraat_changes_add (changes, "owner", person_name (self, before->owner_id),
                      person_name (self, after->owner_id));
  paraat_changes_add (changes, "due_date", before->due_date, after->due_date);
  paraat_changes_add (changes, "priority",
                      before->priority < PARAAT_N_PRIORITIES ? priority_ids[before->priority]
                                                             : NULL,
                      priority_ids[after->priority]);
  paraat_changes_add (changes, "required_track", before->required_track,
                      after->required_track);
  paraat_changes_add (changes, "required_evidence", paraat_action_non_empty (before->required_evidence),
                      paraat_action_non_empty (after->required_evidence));
  paraat_changes_add (changes, "project", paraat_action_non_empty (before->project), paraat_action_non_empty (after->project));
  paraat_changes_add (changes, "quarter", paraat_action_non_empty (before->quarter), paraat_action_non_empty (after->quarter));

  reqs_before = describe_requirements (db, before->requirement_ids);
  reqs_after = describe_requirements (db, after->requirement_ids);
  paraat_changes_add (changes, "requirements", reqs_before, reqs_after);

  scan_before = query_text (db, scan_sql, before->scan_id);
  scan_after = query_text (db, scan_sql, after->scan_id);
  paraat_changes_add (changes, "scan", scan_before, scan_after);
  decision_before = query_text (db, decision_sql, before->decision_id);
  decision_after = query_text (db, decision_sql, after->decision_id);
  paraat_changes_add (changes, "review_decision", decision_before, decision_after);
}

static gboolean
write_requirements (sqlite3       *db,
                    gint64         action_id,
                    GArray        *ids,
                    GError       **error)
{
  g_autoptr(sqlite3_stmt) clear = paraat_db_prepare (db, "DELETE FROM action_requirement"
                                                         " WHERE action_id = ?1", error);
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, action_id);
  if (!paraat_db_step_done (clear, error) ||
      !(insert = paraat_db_prepare (db, "INSERT INTO action_requirement (action_id,"
                                        " requirement_id) VALUES (?1, ?2)", error)))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, action_id);
      sqlite3_bind_int64 (insert, 2, g_array_index (ids, gint64, i));
      if (!paraat_db_step_done (insert, error))
        return FALSE;
    }
  return TRUE;
}

static void
bind_fields (sqlite3_stmt       *stmt,
             const ActionFields *f)
{
  paraat_db_bind_text (stmt, 1, f->title);
  paraat_db_bind_text (stmt, 2, f->decision);
  paraat_db_bind_text (stmt, 3, source_ids[f->source]);
  sqlite3_bind_int64 (stmt, 4, f->owner_id);
  paraat_db_bind_text (stmt, 5, f->due_date);
  paraat_db_bind_text (stmt, 6, priority_ids[f->priority]);
  paraat_db_bind_text (stmt, 7, f->required_track);
  paraat_db_bind_text (stmt, 8, f->required_evidence);
  paraat_db_bind_text (stmt, 9, f->project);
  paraat_db_bind_text (stmt, 10, f->quarter);
  paraat_db_bind_id (stmt, 11, f->scan_id);
  paraat_db_bind_id (stmt, 12, f->decision_id);
}

gint64
paraat_action_insert (ParaatWorkspace         *self,
                      ParaatTxn               *txn,
                      const ParaatActionSpec  *spec,
                      GError                 **error)
{
  g_auto(ActionFields) f = { 0 };
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = paraat_workspace_get_db (self);
  gint64 id;

  if (!resolve_fields (self, spec, NULL, &f, error) ||
      !(stmt = paraat_db_prepare (db, "INSERT INTO action (title, decision, source, owner_id,"
                                      " due_date, priority, required_track, required_evidence,"
                                      " project, quarter, scan_id, decision_id, created_ms)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                                      " ?12, ?13)", error)))
    return 0;

  bind_fields (stmt, &f);
  sqlite3_bind_int64 (stmt, 13, paraat_clock_now_ms ());
  if (!paraat_db_step_done (stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (db);

  describe_fields (self, NULL, &f, changes);
  paraat_changes_add (changes, "action_status", NULL, status_ids[PARAAT_ACTION_OPEN]);
  if (!write_requirements (db, id, f.requirement_ids, error) ||
      !paraat_txn_log (txn, "action", id, f.title, "create", changes, NULL, error))
    return 0;
  return id;
}

gboolean
paraat_workspace_create_actions (ParaatWorkspace         *self,
                                 const ParaatActionSpec  *specs,
                                 guint                    n_specs,
                                 GArray                  *ids_out,
                                 GError                 **error)
{
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (specs != NULL || n_specs == 0, FALSE);

  if (n_specs == 0)
    return TRUE;
  if (!paraat_action_check_open (self, error) || !(txn = paraat_workspace_begin (self, error)))
    return FALSE;

  for (guint i = 0; i < n_specs; i++)
    {
      gint64 id = paraat_action_insert (self, txn, &specs[i], error);

      if (id == 0)
        {
          if (n_specs > 1)
            g_prefix_error (error, _("Action %u of %u: "), i + 1, n_specs);
          return FALSE;
        }
      g_array_append_val (ids, id);
    }
  if (!paraat_workspace_commit (self, txn, "action", error))
    return FALSE;

  if (ids_out != NULL)
    g_array_append_vals (ids_out, ids->data, ids->len);
  return TRUE;
}

gint64
paraat_workspace_create_action (ParaatWorkspace         *self,
                                const ParaatActionSpec  *spec,
                                GError                 **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (spec != NULL, 0);

  if (!paraat_workspace_create_actions (self, spec, 1, ids, error))
    return 0;
  return g_array_index (ids, gint64, 0);
}

/* Closed and cancelled actions are part of the record: reopen them to change them. */
static gboolean
check_editable (ParaatAction  *action,
                GError       **error)
{
  if (action->status == PARAAT_ACTION_CLOSED)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("“%s” is closed. Reopen it, with a reason, to change it."), action->title);
      return FALSE;
    }
  if (action->status == PARAAT_ACTION_CANCELLED)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("“%s” is cancelled. Reopen it, with a reason, to change it."),
                   action->title);
      return FALSE;
    }
  return TRUE;
}

gboolean
paraat_workspace_update_action (ParaatWorkspace         *self,
                                gint64                   action_id,
                                const ParaatActionSpec  *spec,
                                GError                 **error)
{
  g_autoptr(ParaatAction) current = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(ActionFields) before = { 0 };
  g_auto(ActionFields) after = { 0 };
  sqlite3 *db;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if (!(current = paraat_workspace_get_action (self, action_id, error)) ||
      !check_editable (current, error) ||
      !resolve_fields (self, spec, current, &after, error))
    return FALSE;

  fields_from_action (current, &before);
  describe_fields (self, &before, &after, changes);
  if (paraat_changes_get_len (changes) == 0)
    return TRUE;

  db = paraat_workspace_get_db (self);
  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (db, "UPDATE action SET title = ?1, decision = ?2, source = ?3,"
                                      " owner_id = ?4, due_date = ?5, priority = ?6,"
                                      " required_track = ?7, required_evidence = ?8,"
                                      " project = ?9, quarter = ?10, scan_id = ?11,"
                                      " decision_id = ?12 WHERE id = ?13", error)))
    return FALSE;
  bind_fields (stmt, &after);
  sqlite3_bind_int64 (stmt, 13, action_id);

  return paraat_db_step_done (stmt, error) &&
         write_requirements (db, action_id, after.requirement_ids, error) &&
         paraat_txn_log (txn, "action", action_id, after.title, "update", changes, NULL, error) &&
         paraat_workspace_commit (self, txn, "action", error);
}

/* Loads every action of IDS, refusing unknown, closed and cancelled ones. */
static GPtrArray *
load_editable (ParaatWorkspace  *self,
               const gint64     *ids,
               guint             n_ids,
               GError          **error)
{
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);

  if (n_ids > 0 && ids == NULL)
    {
      invalid (error, _("Choose the actions to change."));
      return NULL;
    }
  for (guint i = 0; i < n_ids; i++)
    {
      ParaatAction *action = paraat_workspace_get_action (self, ids[i], error);

      if (action == NULL)
        return NULL;
      g_ptr_array_add (actions, action);
      if (!check_editable (action, error))
        return NULL;
    }
  return g_steal_pointer (&actions);
}

static gboolean
check_reason (const char  *reason,
              const char  *message,
              GError     **error)
{
  if (reason[0] == '\0')
    return invalid (error, message);
  return paraat_action_check_text (reason, PARAAT_ACTION_TEXT_MAX, error);
}

/* Moves the due date inside TXN and keeps the move in the history. */
static gboolean
write_due_move (ParaatWorkspace  *self,
                ParaatTxn        *txn,
                ParaatAction     *action,
                const char       *new_due,
                const char       *reason,
                GError          **error)
{
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) history = NULL;
  ParaatPerson *actor = paraat_workspace_get_actor (self);
  sqlite3 *db = paraat_workspace_get_db (self);

  if (g_strcmp0 (action->due_date, new_due) == 0)
    return TRUE;

  if (!(update = paraat_db_prepare (db, "UPDATE action SET due_date = ?1 WHERE id = ?2",
                                    error)) ||
      !(history = paraat_db_prepare (db, "INSERT INTO action_due_change (action_id, old_due,"
                                         " new_due, reason, actor_id, actor_name, ts_ms)"
                                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error)))
    return FALSE;

  paraat_db_bind_text (update, 1, new_due);
  sqlite3_bind_int64 (update, 2, action->id);
  sqlite3_bind_int64 (history, 1, action->id);
  paraat_db_bind_text (history, 2, action->due_date);
  paraat_db_bind_text (history, 3, new_due);
  paraat_db_bind_text (history, 4, reason);
  sqlite3_bind_int64 (history, 5, paraat_person_get_id (actor));
  paraat_db_bind_text (history, 6, paraat_person_get_name (actor));
  sqlite3_bind_int64 (history, 7, paraat_clock_now_ms ());

  paraat_changes_add (changes, "due_date", action->due_date, new_due);
  return paraat_db_step_done (update, error) && paraat_db_step_done (history, error) &&
         paraat_txn_log (txn, "action", action->id, action->title, "due", changes, reason,
                         error);
}

gboolean
paraat_workspace_move_actions_due (ParaatWorkspace  *self,
                                   const gint64     *action_ids,
                                   guint             n_actions,
                                   const char       *new_due,
                                   const char       *reason,
                                   GError          **error)
{
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(ParaatTxn) txn = NULL;
  g_autofree char *due = paraat_action_clean_text (new_due);
  g_autofree char *why = paraat_action_clean_text (reason);

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  if (!paraat_action_check_date (due, error) ||
      !check_reason (why, _("Give a reason for moving the due date; it is kept in the "
                            "action’s history."), error) ||
      !(actions = load_editable (self, action_ids, n_actions, error)))
    return FALSE;
  if (actions->len == 0)
    return TRUE;

  if (!(txn = paraat_workspace_begin (self, error)))
    return FALSE;
  for (guint i = 0; i < actions->len; i++)
    if (!write_due_move (self, txn, g_ptr_array_index (actions, i), due, why, error))
      return FALSE;
  return paraat_workspace_commit (self, txn, "action", error);
}

gboolean
paraat_workspace_move_action_due (ParaatWorkspace  *self,
                                  gint64            action_id,
                                  const char       *new_due,
                                  const char       *reason,
                                  GError          **error)
{
  return paraat_workspace_move_actions_due (self, &action_id, 1, new_due, reason, error);
}

/* Sets one column of every action in IDS to VALUE (a person id or text), all or nothing. */
static gboolean
bulk_set (ParaatWorkspace  *self,
          const gint64     *action_ids,
          guint             n_actions,
          const char       *column,
          gint64            owner_id,
          const char       *quarter,
          GError          **error)
{
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE action SET %s = ?1 WHERE id = ?2", column);
  gboolean owner = quarter == NULL;

  if (!(actions = load_editable (self, action_ids, n_actions, error)))
    return FALSE;
  if (actions->len == 0)
    return TRUE;
  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (paraat_workspace_get_db (self), sql, error)))
    return FALSE;

  for (guint i = 0; i < actions->len; i++)
    {
      ParaatAction *action = g_ptr_array_index (actions, i);
      g_autoptr(ParaatChanges) changes = paraat_changes_new ();

      if (owner)
        paraat_changes_add (changes, "owner", action->owner_name, person_name (self, owner_id));
      else
        paraat_changes_add (changes, "quarter", paraat_action_non_empty (action->quarter), paraat_action_non_empty (quarter));
      if (paraat_changes_get_len (changes) == 0)
        continue;

      sqlite3_reset (stmt);
      if (owner)
        sqlite3_bind_int64 (stmt, 1, owner_id);
      else
        paraat_db_bind_text (stmt, 1, quarter);
      sqlite3_bind_int64 (stmt, 2, action->id);
      if (!paraat_db_step_done (stmt, error) ||
          !paraat_txn_log (txn, "action", action->id, action->title, "update", changes, NULL,
                           error))
        return FALSE;
    }
  return paraat_workspace_commit (self, txn, "action", error);
}

gboolean
paraat_workspace_reassign_actions (ParaatWorkspace  *self,
                                   const gint64     *action_ids,
                                   guint             n_actions,
                                   gint64            owner_id,
                                   GError          **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  return validate_owner (self, owner_id, error) &&
         bulk_set (self, action_ids, n_actions, "owner_id", owner_id, NULL, error);
}

gboolean
paraat_workspace_move_actions_to_quarter (ParaatWorkspace  *self,
                                          const gint64     *action_ids,
                                          guint             n_actions,
                                          const char       *quarter,
                                          GError          **error)
{
  g_autofree char *clean = paraat_action_clean_text (quarter);

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  return validate_quarter (clean, error) &&
         bulk_set (self, action_ids, n_actions, "quarter", 0, clean, error);
}

/* Workflow */

typedef struct
{
  ParaatActionStatus  status;
  gint64              reviewer_id;
  const char         *verification_note;
  const char         *review_comment;
  const char         *cancel_reason;
  gint64              closed_ms;
  gint64              cancelled_ms;
} WorkflowState;

static void
state_from_action (ParaatAction  *action,
                   WorkflowState *state)
{
  state->status = action->status;
  state->reviewer_id = action->reviewer_id;
  state->verification_note = action->verification_note;
  state->review_comment = action->review_comment;
  state->cancel_reason = action->cancel_reason;
  state->closed_ms = action->closed_ms;
  state->cancelled_ms = action->cancelled_ms;
}

/* Writes the new workflow state with one trail entry; VERB names the step in the trail. */
static gboolean
write_state (ParaatWorkspace      *self,
             ParaatAction         *action,
             const WorkflowState  *to,
             const char           *verb,
             const char           *reason,
             GError              **error)
{
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  paraat_changes_add (changes, "action_status", status_ids[action->status],
                      status_ids[to->status]);
  paraat_changes_add (changes, "reviewer", action->reviewer_name,
                      person_name (self, to->reviewer_id));
  paraat_changes_add (changes, "verification_note", paraat_action_non_empty (action->verification_note),
                      paraat_action_non_empty (to->verification_note));

  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                                  "UPDATE action SET status = ?1, reviewer_id = ?2,"
                                  " verification_note = ?3, review_comment = ?4,"
                                  " cancel_reason = ?5, closed_ms = ?6, cancelled_ms = ?7"
                                  " WHERE id = ?8", error)))
    return FALSE;

  paraat_db_bind_text (stmt, 1, status_ids[to->status]);
  paraat_db_bind_id (stmt, 2, to->reviewer_id);
  paraat_db_bind_text (stmt, 3, to->verification_note);
  paraat_db_bind_text (stmt, 4, to->review_comment);
  paraat_db_bind_text (stmt, 5, to->cancel_reason);
  paraat_db_bind_id (stmt, 6, to->closed_ms);
  paraat_db_bind_id (stmt, 7, to->cancelled_ms);
  sqlite3_bind_int64 (stmt, 8, action->id);

  return paraat_db_step_done (stmt, error) &&
         paraat_txn_log (txn, "action", action->id, action->title, verb, changes, reason,
                         error) &&
         paraat_workspace_commit (self, txn, "action", error);
}

/* The refusal for an action that is finished, in words that say what to do instead. */
static gboolean
refuse_finished (ParaatAction  *action,
                 GError       **error)
{
  if (action->status == PARAAT_ACTION_CLOSED)
    g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                 _("“%s” is already closed. Reopen it, with a reason, to work on it again."),
                 action->title);
  else
    g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                 _("“%s” was cancelled. Reopen it, with a reason, to work on it again."),
                 action->title);
  return FALSE;
}

static gboolean
is_finished (ParaatAction *action)
{
  return action->status == PARAAT_ACTION_CLOSED || action->status == PARAAT_ACTION_CANCELLED;
}

/* The action for a workflow step; a finished one takes no step but being reopened. */
static ParaatAction *
get_unfinished (ParaatWorkspace  *self,
                gint64            action_id,
                GError          **error)
{
  g_autoptr(ParaatAction) action = paraat_workspace_get_action (self, action_id, error);

  if (action != NULL && is_finished (action))
    {
      refuse_finished (action, error);
      return NULL;
    }
  return g_steal_pointer (&action);
}

gboolean
paraat_workspace_start_action (ParaatWorkspace  *self,
                               gint64            action_id,
                               GError          **error)
{
  g_autoptr(ParaatAction) action = NULL;
  WorkflowState to;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  if (!(action = get_unfinished (self, action_id, error)))
    return FALSE;
  if (action->status == PARAAT_ACTION_IN_PROGRESS)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("“%s” is already in progress."), action->title);
      return FALSE;
    }
  if (action->status == PARAAT_ACTION_AWAITING_REVIEW)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("“%s” is waiting for review. A reviewer approves it or sends it back."),
                   action->title);
      return FALSE;
    }

  state_from_action (action, &to);
  to.status = PARAAT_ACTION_IN_PROGRESS;
  return write_state (self, action, &to, "status", NULL, error);
}

/* Closing needs proof: an evidence item on the track the action asked for. */
static gboolean
check_evidence (ParaatWorkspace  *self,
                ParaatAction     *action,
                GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (paraat_workspace_get_db (self),
                       "SELECT 1 FROM action_evidence x JOIN evidence e ON e.id = x.evidence_id"
                       " WHERE x.action_id = ?1 AND e.track = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action->id);
  paraat_db_bind_text (stmt, 2, paraat_track_to_id (action->required_track));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;

  g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
               _("“%s” needs evidence on the “%s” track before it can be reviewed. Link an "
                 "evidence item on that track to it first."),
               action->title, paraat_track_label (action->required_track));
  return FALSE;
}

gboolean
paraat_workspace_submit_action (ParaatWorkspace  *self,
                                gint64            action_id,
                                GError          **error)
{
  g_autoptr(ParaatAction) action = NULL;
  WorkflowState to;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  if (!(action = get_unfinished (self, action_id, error)))
    return FALSE;
  if (action->status == PARAAT_ACTION_OPEN)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("“%s” has not been started. Start it before submitting it for review."),
                   action->title);
      return FALSE;
    }
  if (action->status == PARAAT_ACTION_AWAITING_REVIEW)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("“%s” is already waiting for review."), action->title);
      return FALSE;
    }
  if (!check_evidence (self, action, error))
    return FALSE;

  state_from_action (action, &to);
  to.status = PARAAT_ACTION_AWAITING_REVIEW;
  to.review_comment = "";
  return write_state (self, action, &to, "status", NULL, error);
}

static gboolean
check_awaiting_review (ParaatAction  *action,
                       GError       **error)
{
  if (action->status == PARAAT_ACTION_AWAITING_REVIEW)
    return TRUE;
  g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
               _("“%s” is not waiting for review. Its owner submits it for review first."),
               action->title);
  return FALSE;
}

static gboolean
check_reviewer_known (ParaatWorkspace  *self,
                      gint64            reviewer_id,
                      GError          **error)
{
  if (reviewer_id <= 0 || paraat_workspace_find_person (self, reviewer_id) == NULL)
    return invalid (error, _("Choose the reviewer from the directory."));
  return TRUE;
}

/* Sending back needs only a known reviewer; closing also someone other than the owner. */
static gboolean
check_reviewer (ParaatWorkspace  *self,
                ParaatAction     *action,
                gint64            reviewer_id,
                GError          **error)
{
  if (!check_reviewer_known (self, reviewer_id, error))
    return FALSE;
  if (reviewer_id == action->owner_id && !paraat_workspace_get_allow_self_review (self))
    return invalid (error, _("The owner cannot review their own action. Ask someone else to "
                             "review it, or allow self-review in the settings."));
  return TRUE;
}

gboolean
paraat_workspace_approve_action (ParaatWorkspace  *self,
                                 gint64            action_id,
                                 gint64            reviewer_id,
                                 const char       *verification_note,
                                 GError          **error)
{
  g_autoptr(ParaatAction) action = NULL;
  g_autofree char *note = paraat_action_clean_text (verification_note);
  WorkflowState to;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  if (!(action = get_unfinished (self, action_id, error)) ||
      !check_awaiting_review (action, error) ||
      !check_reviewer (self, action, reviewer_id, error) ||
      !check_reason (note, _("Describe in the verification note what you checked before "
                             "closing the action."), error) ||
      !check_evidence (self, action, error))
    return FALSE;

  state_from_action (action, &to);
  to.status = PARAAT_ACTION_CLOSED;
  to.reviewer_id = reviewer_id;
  to.verification_note = note;
  to.closed_ms = paraat_clock_now_ms ();
  return write_state (self, action, &to, "approve", NULL, error);
}

gboolean
paraat_workspace_reject_action (ParaatWorkspace  *self,
                                gint64            action_id,
                                gint64            reviewer_id,
                                const char       *comment,
                                GError          **error)
{
  g_autoptr(ParaatAction) action = NULL;
  g_autofree char *why = paraat_action_clean_text (comment);
  WorkflowState to;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  if (!(action = get_unfinished (self, action_id, error)) ||
      !check_awaiting_review (action, error) ||
      !check_reviewer_known (self, reviewer_id, error))
    return FALSE;
  if (!check_reason (why, _("Say why the action goes back, so the owner knows what is still "
                            "needed."), error))
    return FALSE;

  state_from_action (action, &to);
  to.status = PARAAT_ACTION_IN_PROGRESS;
  to.review_comment = why;
  return write_state (self, action, &to, "reject", why, error);
}

gboolean
paraat_workspace_cancel_action (ParaatWorkspace  *self,
                                gint64            action_id,
                                const char       *reason,
                                GError          **error)
{
  g_autoptr(ParaatAction) action = NULL;
  g_autofree char *why = paraat_action_clean_text (reason);
  WorkflowState to;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  if (!(action = get_unfinished (self, action_id, error)))
    return FALSE;
  if (!check_reason (why, _("Give a reason for cancelling the action."), error))
    return FALSE;

  state_from_action (action, &to);
  to.status = PARAAT_ACTION_CANCELLED;
  to.cancel_reason = why;
  to.cancelled_ms = paraat_clock_now_ms ();
  return write_state (self, action, &to, "cancel", why, error);
}

/* Reopened work needs a fresh review, so the earlier verdict is cleared (the trail keeps it). */
gboolean
paraat_workspace_reopen_action (ParaatWorkspace  *self,
                                gint64            action_id,
                                const char       *reason,
                                GError          **error)
{
  g_autoptr(ParaatAction) action = NULL;
  g_autofree char *why = paraat_action_clean_text (reason);
  WorkflowState to;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  if (!(action = paraat_workspace_get_action (self, action_id, error)))
    return FALSE;
  if (!is_finished (action))
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("“%s” is neither closed nor cancelled, so there is nothing to reopen."),
                   action->title);
      return FALSE;
    }
  if (!check_reason (why, _("Give a reason for reopening the action."), error))
    return FALSE;

  to = (WorkflowState) {
    .status = PARAAT_ACTION_IN_PROGRESS,
    .verification_note = "",
    .review_comment = "",
    .cancel_reason = "",
  };
  return write_state (self, action, &to, "reopen", why, error);
}

/* Evidence */

static gboolean
change_evidence_link (ParaatWorkspace  *self,
                      gint64            action_id,
                      gint64            evidence_id,
                      gboolean          link,
                      GError          **error)
{
  g_autoptr(ParaatAction) action = NULL;
  g_autoptr(ParaatEvidence) evidence = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  const char *title;

  if (!(action = paraat_workspace_get_action (self, action_id, error)) ||
      !(evidence = paraat_workspace_get_evidence (self, evidence_id, error)) ||
      !check_editable (action, error))
    return FALSE;

  db = paraat_workspace_get_db (self);
  {
    g_autoptr(sqlite3_stmt) probe =
      paraat_db_prepare (db, "SELECT 1 FROM action_evidence WHERE action_id = ?1"
                             " AND evidence_id = ?2", error);
    if (probe == NULL)
      return FALSE;
    sqlite3_bind_int64 (probe, 1, action_id);
    sqlite3_bind_int64 (probe, 2, evidence_id);
    if ((sqlite3_step (probe) == SQLITE_ROW) == link)
      return TRUE;
  }

  title = paraat_evidence_get_title (evidence);
  paraat_changes_add (changes, "evidence", link ? NULL : title, link ? title : NULL);
  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (db, link ? "INSERT INTO action_evidence (action_id,"
                                             " evidence_id) VALUES (?1, ?2)"
                                           : "DELETE FROM action_evidence WHERE action_id = ?1"
                                             " AND evidence_id = ?2", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action_id);
  sqlite3_bind_int64 (stmt, 2, evidence_id);
  return paraat_db_step_done (stmt, error) &&
         paraat_txn_log (txn, "action", action_id, action->title, link ? "link" : "unlink",
                         changes, NULL, error) &&
         paraat_workspace_commit (self, txn, "action", error);
}

gboolean
paraat_workspace_link_action_evidence (ParaatWorkspace  *self,
                                       gint64            action_id,
                                       gint64            evidence_id,
                                       GError          **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);
  return change_evidence_link (self, action_id, evidence_id, TRUE, error);
}

gboolean
paraat_workspace_unlink_action_evidence (ParaatWorkspace  *self,
                                         gint64            action_id,
                                         gint64            evidence_id,
                                         GError          **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);
  return change_evidence_link (self, action_id, evidence_id, FALSE, error);
}

/* Settings */

gboolean
paraat_workspace_get_allow_self_review (ParaatWorkspace *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  if (paraat_workspace_get_db (self) == NULL ||
      !(stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                                  "SELECT value FROM setting WHERE key = '" SELF_REVIEW_KEY "'",
                                  NULL)))
    return FALSE;
  return sqlite3_step (stmt) == SQLITE_ROW &&
         g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "yes") == 0;
}

gboolean
paraat_workspace_set_allow_self_review (ParaatWorkspace  *self,
                                        gboolean          allow,
                                        GError          **error)
{
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *value = allow ? "yes" : "no";

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  if (!paraat_action_check_open (self, error))
    return FALSE;
  paraat_changes_add (changes, SELF_REVIEW_KEY,
                      paraat_workspace_get_allow_self_review (self) ? "yes" : "no", value);
  if (paraat_changes_get_len (changes) == 0)
    return TRUE;

  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                                  "INSERT OR REPLACE INTO setting (key, value)"
                                  " VALUES ('" SELF_REVIEW_KEY "', ?1)", error)))
    return FALSE;
  paraat_db_bind_text (stmt, 1, value);
  return paraat_db_step_done (stmt, error) &&
         paraat_txn_log (txn, "settings", 0, paraat_workspace_get_organisation (self), "update",
                         changes, NULL, error) &&
         paraat_workspace_commit (self, txn, "settings", error);
}

/* Reminders */

/* RFC 6068: line breaks as CRLF, everything outside the unreserved set escaped. */
static void
append_query_value (GString    *uri,
                    const char *text)
{
  g_autoptr(GString) crlf = g_string_new (NULL);
  g_autofree char *escaped = NULL;

  for (const char *p = text; *p; p++)
    {
      if (*p == '\n')
        g_string_append (crlf, "\r\n");
      else if (*p != '\r')
        g_string_append_c (crlf, *p);
    }
  escaped = g_uri_escape_string (crlf->str, NULL, FALSE);
  g_string_append (uri, escaped);
}

char *
paraat_workspace_build_reminder_uri (ParaatWorkspace  *self,
                                     gint64            owner_id,
                                     GError          **error)
{
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) uri = g_string_new ("mailto:");
  g_autofree char *subject = NULL;
  g_autofree char *address = NULL;
  ParaatPerson *owner;
  ParaatPerson *actor;
  guint n_overdue = 0;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  if (!(owner = paraat_workspace_find_person (self, owner_id)))
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND,
                   _("That person is no longer in the directory."));
      return NULL;
    }
  if (!(actions = paraat_action_query (self, " WHERE a.owner_id = ?1", owner_id, error)))
    return NULL;

  g_string_append_printf (body, _("Hello %s,"), paraat_person_get_name (owner));
  g_string_append (body, "\n\n");
  g_string_append (body, _("These actions of yours are past their due date:"));
  g_string_append (body, "\n\n");
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(ParaatAction) action = g_list_model_get_item (actions, i);
      int days = paraat_action_get_days_overdue (action);

      if (days <= 0)
        continue;
      n_overdue++;
      g_string_append (body, "- ");
      g_string_append_printf (body,
                              paraat_ngettext (
                                           "%s (due %s, %d day overdue, %s)",
                                           "%s (due %s, %d days overdue, %s)", (gulong) days),
                              action->title, action->due_date, days,
                              paraat_action_status_label (action->status));
      g_string_append_c (body, '\n');
    }
  if (n_overdue == 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("%s has no overdue actions."), paraat_person_get_name (owner));
      return NULL;
    }

  g_string_append_c (body, '\n');
  g_string_append (body, _("Please finish them, or agree a new due date with me so it can be "
                           "recorded with a reason."));
  actor = paraat_workspace_get_actor (self);
  if (actor != NULL)
    g_string_append_printf (body, "\n\n%s", paraat_person_get_name (actor));

  subject = g_strdup_printf (paraat_ngettext (
                                          "Reminder: %u overdue action in the ISMS",
                                          "Reminder: %u overdue actions in the ISMS",
                                          n_overdue), n_overdue);
  address = g_uri_escape_string (paraat_person_get_email (owner), "@", FALSE);
  g_string_append (uri, address);
  g_string_append (uri, "?subject=");
  append_query_value (uri, subject);
  g_string_append (uri, "&body=");
  append_query_value (uri, body->str);
  return g_string_free (g_steal_pointer (&uri), FALSE);
}
