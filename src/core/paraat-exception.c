/* paraat-exception.c — exceptions: who may deviate from which requirements, until when,
 * with which accepted risk, approved by whom
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "paraat-action-private.h"
#include "paraat-catalog.h"
#include "paraat-clock.h"
#include "paraat-db.h"
#include "paraat-error.h"
#include "paraat-evidence-private.h"
#include "paraat-i18n.h"
#include "paraat-risk-private.h"
#include "paraat-workspace-private.h"

struct _ParaatException
{
  GObject  parent_instance;

  gint64   id;
  gint64   person_id;
  gint64   scope_item_id;
  char    *holder_name;
  char    *justification;
  gint64   risk_id;
  gint64   approver_id;
  char    *approver_name;
  char    *start_date;
  char    *expiry_date;
  GArray  *requirement_ids;
  char    *requirements_label;
};

G_DEFINE_FINAL_TYPE (ParaatException, paraat_exception, G_TYPE_OBJECT)

static const char * const state_ids[] = { "valid", "expiring", "expired", "not-started" };

static void
paraat_exception_finalize (GObject *object)
{
  ParaatException *self = PARAAT_EXCEPTION (object);

  g_free (self->holder_name);
  g_free (self->justification);
  g_free (self->approver_name);
  g_free (self->start_date);
  g_free (self->expiry_date);
  g_free (self->requirements_label);
  g_clear_pointer (&self->requirement_ids, g_array_unref);

  G_OBJECT_CLASS (paraat_exception_parent_class)->finalize (object);
}

static void
paraat_exception_class_init (ParaatExceptionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = paraat_exception_finalize;
}

static void
paraat_exception_init (ParaatException *self)
{
}

gint64 paraat_exception_get_id (ParaatException *self) { return self->id; }
const char *paraat_exception_get_requirements_label (ParaatException *self) { return self->requirements_label; }
gint64 paraat_exception_get_person_id (ParaatException *self) { return self->person_id; }
gint64 paraat_exception_get_scope_item_id (ParaatException *self) { return self->scope_item_id; }
const char *paraat_exception_get_holder_name (ParaatException *self) { return self->holder_name; }
const char *paraat_exception_get_justification (ParaatException *self) { return self->justification; }
gint64 paraat_exception_get_risk_id (ParaatException *self) { return self->risk_id; }
gint64 paraat_exception_get_approver_id (ParaatException *self) { return self->approver_id; }
const char *paraat_exception_get_approver_name (ParaatException *self) { return self->approver_name; }
const char *paraat_exception_get_start_date (ParaatException *self) { return self->start_date; }
const char *paraat_exception_get_expiry_date (ParaatException *self) { return self->expiry_date; }

const gint64 *
paraat_exception_get_requirement_ids (ParaatException *self,
                                      guint           *n)
{
  g_return_val_if_fail (PARAAT_IS_EXCEPTION (self), NULL);

  if (n != NULL)
    *n = self->requirement_ids->len;
  return (const gint64 *) (gpointer) self->requirement_ids->data;
}

/* "YYYY-MM-DD" PARAAT_EXCEPTION_EXPIRING_DAYS after today; dates compare as text. */
static char *
expiring_limit (void)
{
  g_autofree char *today = paraat_evidence_today ();
  GDate date;

  paraat_action_parse_date (today, &date);
  g_date_add_days (&date, PARAAT_EXCEPTION_EXPIRING_DAYS);
  return paraat_action_format_date (&date);
}

/* The exception holds through its expiry date and ends the day after. */
ParaatExceptionState
paraat_exception_get_state (ParaatException *self)
{
  g_autofree char *today = paraat_evidence_today ();
  g_autofree char *limit = expiring_limit ();

  g_return_val_if_fail (PARAAT_IS_EXCEPTION (self), PARAAT_EXCEPTION_EXPIRED);

  if (strcmp (today, self->start_date) < 0)
    return PARAAT_EXCEPTION_NOT_STARTED;
  if (strcmp (self->expiry_date, today) < 0)
    return PARAAT_EXCEPTION_EXPIRED;
  if (strcmp (self->expiry_date, limit) <= 0)
    return PARAAT_EXCEPTION_EXPIRING;
  return PARAAT_EXCEPTION_VALID;
}

const char *
paraat_exception_state_to_string (ParaatExceptionState state)
{
  return state <= PARAAT_EXCEPTION_NOT_STARTED ? state_ids[state] : state_ids[0];
}

const char *
paraat_exception_state_label (ParaatExceptionState state)
{
  switch (state)
    {
    case PARAAT_EXCEPTION_EXPIRING: return C_("exception state", "Expiring soon");
    case PARAAT_EXCEPTION_EXPIRED: return C_("exception state", "Expired");
    case PARAAT_EXCEPTION_NOT_STARTED: return C_("exception state", "Not started yet");
    case PARAAT_EXCEPTION_VALID:
    default: return C_("exception state", "Valid");
    }
}

/* Reading */

#define SELECT_EXCEPTION \
  "SELECT e.id, e.person_id, e.scope_item_id, coalesce(p.name, s.name), e.justification," \
  " e.risk_id, e.approver_id, ap.name, e.start_date, e.expiry_date" \
  " FROM exception e LEFT JOIN person p ON p.id = e.person_id" \
  " LEFT JOIN scope_item s ON s.id = e.scope_item_id" \
  " JOIN person ap ON ap.id = e.approver_id"

static ParaatException *
exception_from_row (sqlite3_stmt *stmt)
{
  ParaatException *self = g_object_new (PARAAT_TYPE_EXCEPTION, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->person_id = sqlite3_column_int64 (stmt, 1);
  self->scope_item_id = sqlite3_column_int64 (stmt, 2);
  self->holder_name = paraat_db_column_dup (stmt, 3);
  self->justification = paraat_db_column_dup (stmt, 4);
  self->risk_id = sqlite3_column_int64 (stmt, 5);
  self->approver_id = sqlite3_column_int64 (stmt, 6);
  self->approver_name = paraat_db_column_dup (stmt, 7);
  self->start_date = paraat_db_column_dup (stmt, 8);
  self->expiry_date = paraat_db_column_dup (stmt, 9);
  return self;
}

/* The requirements in the reader's language: "A.8.8 Management of technical
 * vulnerabilities, 21(2)(e) …" */
static gboolean
load_requirements (sqlite3          *db,
                   ParaatException  *exception,
                   GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) label = g_string_new (NULL);
  int rc;

  exception->requirement_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!(stmt = paraat_db_prepare (db, "SELECT r.id, r.label, CASE WHEN ?2 THEN"
                                      " coalesce(r.title_nl, r.title_en) ELSE"
                                      " coalesce(r.title_en, r.title_nl) END"
                                      " FROM exception_requirement x"
                                      " JOIN requirement r ON r.id = x.requirement_id"
                                      " WHERE x.exception_id = ?1"
                                      " ORDER BY r.framework_id, r.position", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, exception->id);
  sqlite3_bind_int (stmt, 2, paraat_i18n_prefers_dutch ());
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *title = (const char *) sqlite3_column_text (stmt, 2);

      g_array_append_val (exception->requirement_ids, id);
      if (label->len > 0)
        g_string_append (label, ", ");
      g_string_append (label, (const char *) sqlite3_column_text (stmt, 1));
      if (title != NULL && title[0] != '\0')
        g_string_append_printf (label, " %s", title);
    }
  if (rc != SQLITE_DONE)
    return paraat_db_set_error (db, rc, error);
  exception->requirements_label = g_strdup (label->str);
  return TRUE;
}

static gpointer
read_exception (sqlite3       *db,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(ParaatException) exception = exception_from_row (stmt);

  return load_requirements (db, exception, error) ? g_steal_pointer (&exception) : NULL;
}

static GListModel *
query_exceptions (ParaatWorkspace  *self,
                  const char       *where,
                  gint64            id,
                  const char       *today,
                  GError          **error)
{
  g_autofree char *sql = g_strconcat (SELECT_EXCEPTION, where,
                                      " ORDER BY e.expiry_date, e.id", NULL);
  g_autoptr(sqlite3_stmt) stmt = paraat_action_prepare_for_id (self, sql, id, error);

  if (stmt == NULL)
    return NULL;
  if (today != NULL)
    paraat_db_bind_text (stmt, 2, today);
  return paraat_action_collect (paraat_workspace_get_db (self), stmt, PARAAT_TYPE_EXCEPTION,
                                read_exception, error);
}

GListModel *
paraat_workspace_list_exceptions (ParaatWorkspace  *self,
                                  GError          **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  return query_exceptions (self, "", 0, NULL, error);
}

ParaatException *
paraat_workspace_get_exception (ParaatWorkspace  *self,
                                gint64            exception_id,
                                GError          **error)
{
  g_autoptr(GListModel) found = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  if (!(found = query_exceptions (self, " WHERE e.id = ?1", exception_id, NULL, error)))
    return NULL;
  return paraat_action_first_found (found, exception_id,
                                    _("That exception is not in this workspace."), error);
}

GListModel *
paraat_workspace_list_requirement_exceptions (ParaatWorkspace  *self,
                                              gint64            requirement_id,
                                              GError          **error)
{
  g_autofree char *today = paraat_evidence_today ();

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  return query_exceptions (self, " WHERE e.id IN (SELECT exception_id FROM"
                                 "   exception_requirement WHERE requirement_id = ?1)"
                                 " AND e.start_date <= ?2 AND e.expiry_date >= ?2",
                           requirement_id, today, error);
}

gboolean
paraat_workspace_count_exceptions (ParaatWorkspace  *self,
                                   guint            *expired,
                                   guint            *expiring,
                                   GError          **error)
{
  g_autofree char *today = paraat_evidence_today ();
  g_autofree char *limit = expiring_limit ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  if (!paraat_action_check_open (self, error))
    return FALSE;
  db = paraat_workspace_get_db (self);
  if (!(stmt = paraat_db_prepare (db, "SELECT coalesce(sum(expiry_date < ?1), 0),"
                                      " coalesce(sum(start_date <= ?1 AND expiry_date >= ?1"
                                      "              AND expiry_date <= ?2), 0)"
                                      " FROM exception", error)))
    return FALSE;
  paraat_db_bind_text (stmt, 1, today);
  paraat_db_bind_text (stmt, 2, limit);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return paraat_db_set_error (db, rc, error);
  if (expired != NULL)
    *expired = (guint) sqlite3_column_int (stmt, 0);
  if (expiring != NULL)
    *expiring = (guint) sqlite3_column_int (stmt, 1);
  return TRUE;
}

/* Writing */

typedef struct
{
  GArray *requirement_ids;   /* sorted, each once */
  gint64  person_id;
  gint64  scope_item_id;
  char   *justification;
  gint64  risk_id;
  gint64  approver_id;
  char   *start_date;
  char   *expiry_date;
} ExceptionFields;

static void
exception_fields_clear (ExceptionFields *f)
{
  g_clear_pointer (&f->requirement_ids, g_array_unref);
  g_clear_pointer (&f->justification, g_free);
  g_clear_pointer (&f->start_date, g_free);
  g_clear_pointer (&f->expiry_date, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExceptionFields, exception_fields_clear)

static gboolean
validate_holder (ParaatWorkspace        *self,
                 const ExceptionFields  *f,
                 GError                **error)
{
  sqlite3 *db = paraat_workspace_get_db (self);

  if (f->person_id == 0 && f->scope_item_id == 0)
    return paraat_risk_invalid (error, _("Choose who may deviate: one person, or one scope item "
                                         "such as a system or a supplier."));
  if (f->person_id != 0 && f->scope_item_id != 0)
    return paraat_risk_invalid (error, _("Choose either a person or a scope item as who may "
                                         "deviate, not both."));
  if (f->person_id != 0 && paraat_workspace_find_person (self, f->person_id) == NULL)
    return paraat_risk_invalid (error, _("The person who may deviate must be in the "
                                         "directory."));
  if (f->scope_item_id != 0 &&
      !paraat_risk_row_exists (db, "SELECT 1 FROM scope_item WHERE id = ?1", f->scope_item_id))
    return paraat_risk_invalid (error, _("That scope item is not in this workspace."));
  return TRUE;
}

static gboolean
validate_approval (ParaatWorkspace        *self,
                   const ExceptionFields  *f,
                   GError                **error)
{
  if (f->approver_id <= 0)
    return paraat_risk_invalid (error, _("Choose the person who approved the exception."));
  if (paraat_workspace_find_person (self, f->approver_id) == NULL)
    return paraat_risk_invalid (error, _("The approver must be a person in the directory."));
  /* Nobody approves their own deviation. */
  if (f->approver_id == f->person_id)
    return paraat_risk_invalid (error, _("The person who deviates cannot approve their own "
                                         "exception. Choose another approver."));
  return TRUE;
}

static gboolean
validate_period (const ExceptionFields  *f,
                 GError                **error)
{
  GDate date;

  if (f->start_date[0] == '\0')
    return paraat_risk_invalid (error, _("Enter the date the exception starts, in the form "
                                         "YYYY-MM-DD."));
  if (!paraat_action_parse_date (f->start_date, &date))
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("“%s” is not a valid start date. Use the form YYYY-MM-DD, for example "
                     "2025-03-31."), f->start_date);
      return FALSE;
    }
  if (f->expiry_date[0] == '\0')
    return paraat_risk_invalid (error, _("Enter the date the exception expires: every "
                                         "exception ends and is reconsidered."));
  if (!paraat_action_parse_date (f->expiry_date, &date))
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("“%s” is not a valid expiry date. Use the form YYYY-MM-DD, for example "
                     "2025-03-31."), f->expiry_date);
      return FALSE;
    }
  if (strcmp (f->expiry_date, f->start_date) <= 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("The exception must expire after it starts. Choose an expiry date after "
                     "%s."), f->start_date);
      return FALSE;
    }
  return TRUE;
}

static gboolean
resolve_exception (ParaatWorkspace            *self,
                   const ParaatExceptionSpec  *spec,
                   ExceptionFields            *out,
                   GError                    **error)
{
  sqlite3 *db = paraat_workspace_get_db (self);

  out->requirement_ids = paraat_risk_unique_ids (spec->requirement_ids, spec->n_requirements);
  out->person_id = MAX (spec->person_id, 0);
  out->scope_item_id = MAX (spec->scope_item_id, 0);
  out->justification = paraat_action_clean_text (spec->justification);
  out->risk_id = MAX (spec->risk_id, 0);
  out->approver_id = spec->approver_id;
  out->start_date = paraat_action_clean_text (spec->start_date);
  out->expiry_date = paraat_action_clean_text (spec->expiry_date);

  if (out->requirement_ids->len == 0)
    return paraat_risk_invalid (error, _("Choose at least one requirement the exception "
                                         "deviates from."));
  if (!paraat_risk_check_ids (db, "requirement", out->requirement_ids,
                              _("A linked requirement is not in this workspace."), error) ||
      !validate_holder (self, out, error))
    return FALSE;
  if (out->justification[0] == '\0')
    return paraat_risk_invalid (error, _("Say why the deviation is needed: enter a "
                                         "justification."));
  if (!paraat_action_check_text (out->justification, PARAAT_ACTION_TEXT_MAX, error) ||
      !validate_approval (self, out, error) || !validate_period (out, error))
    return FALSE;
  if (out->risk_id != 0 &&
      !paraat_risk_row_exists (db, "SELECT 1 FROM risk WHERE id = ?1", out->risk_id))
    return paraat_risk_invalid (error, _("That risk is not in this workspace."));
  return TRUE;
}

static void
fields_from_exception (ParaatException *exception,
                       ExceptionFields *out)
{
  out->requirement_ids = paraat_risk_unique_ids ((const gint64 *) (gpointer) exception->requirement_ids->data,
                                                 exception->requirement_ids->len);
  out->person_id = exception->person_id;
  out->scope_item_id = exception->scope_item_id;
  out->justification = g_strdup (exception->justification);
  out->risk_id = exception->risk_id;
  out->approver_id = exception->approver_id;
  out->start_date = g_strdup (exception->start_date);
  out->expiry_date = g_strdup (exception->expiry_date);
}

static char *
name_of (sqlite3    *db,
         const char *sql,
         gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = id > 0 ? paraat_db_prepare (db, sql, NULL) : NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW ? paraat_db_column_dup (stmt, 0) : NULL;
}

static void
add_named (ParaatChanges *changes,
           const char    *field,
           sqlite3       *db,
           const char    *sql,
           gint64         before,
           gint64         after)
{
  g_autofree char *b = name_of (db, sql, before);
  g_autofree char *a = name_of (db, sql, after);

  paraat_changes_add (changes, field, b, a);
}

/* Field-level changes for the trail; BEFORE or AFTER NULL for a new or removed one. */
static void
describe_exception (ParaatWorkspace       *self,
                    const ExceptionFields *before,
                    const ExceptionFields *after,
                    ParaatChanges         *changes)
{
  static const ExceptionFields none = { 0 };
  sqlite3 *db = paraat_workspace_get_db (self);
  const ExceptionFields *b = before ? before : &none;
  const ExceptionFields *a = after ? after : &none;
  g_autofree char *reqs_before = NULL;
  g_autofree char *reqs_after = NULL;

  if (b->requirement_ids == NULL || a->requirement_ids == NULL ||
      !paraat_risk_ids_equal (b->requirement_ids, a->requirement_ids))
    {
      reqs_before = paraat_risk_describe_requirements (db, b->requirement_ids);
      reqs_after = paraat_risk_describe_requirements (db, a->requirement_ids);
      paraat_changes_add (changes, "requirements", reqs_before, reqs_after);
    }
  add_named (changes, "person", db, "SELECT name FROM person WHERE id = ?1", b->person_id,
             a->person_id);
  add_named (changes, "scope_item", db, "SELECT name FROM scope_item WHERE id = ?1",
             b->scope_item_id, a->scope_item_id);
  paraat_changes_add (changes, "justification", b->justification, a->justification);
  add_named (changes, "risk", db, "SELECT title FROM risk WHERE id = ?1", b->risk_id,
             a->risk_id);
  add_named (changes, "approver", db, "SELECT name FROM person WHERE id = ?1", b->approver_id,
             a->approver_id);
  paraat_changes_add (changes, "start_date", b->start_date, a->start_date);
  paraat_changes_add (changes, "expiry_date", b->expiry_date, a->expiry_date);
}

/* "Joost Bakker: A.8.8, A.8.9": who deviates from what, as the trail names it */
static char *
exception_label (ParaatWorkspace       *self,
                 const ExceptionFields *f)
{
  sqlite3 *db = paraat_workspace_get_db (self);
  g_autofree char *holder = f->person_id
                            ? name_of (db, "SELECT name FROM person WHERE id = ?1", f->person_id)
                            : name_of (db, "SELECT name FROM scope_item WHERE id = ?1",
                                       f->scope_item_id);
  g_autofree char *reqs = paraat_risk_describe_names (db, "SELECT label FROM requirement"
                                                          " WHERE id = ?1", f->requirement_ids);

  return g_strdup_printf ("%s: %s", holder ? holder : "", reqs ? reqs : "");
}

static void
bind_exception (sqlite3_stmt          *stmt,
                const ExceptionFields *f)
{
  paraat_db_bind_id (stmt, 1, f->person_id);
  paraat_db_bind_id (stmt, 2, f->scope_item_id);
  paraat_db_bind_text (stmt, 3, f->justification);
  paraat_db_bind_id (stmt, 4, f->risk_id);
  sqlite3_bind_int64 (stmt, 5, f->approver_id);
  paraat_db_bind_text (stmt, 6, f->start_date);
  paraat_db_bind_text (stmt, 7, f->expiry_date);
}

gint64
paraat_workspace_add_exception (ParaatWorkspace            *self,
                                const ParaatExceptionSpec  *spec,
                                GError                    **error)
{
  g_auto(ExceptionFields) f = { 0 };
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *label = NULL;
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (spec != NULL, 0);

  if (!paraat_action_check_open (self, error) || !resolve_exception (self, spec, &f, error))
    return 0;
  db = paraat_workspace_get_db (self);
  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (db, "INSERT INTO exception (person_id, scope_item_id,"
                                      " justification, risk_id, approver_id, start_date,"
                                      " expiry_date, created_ms)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error)))
    return 0;
  bind_exception (stmt, &f);
  sqlite3_bind_int64 (stmt, 8, paraat_clock_now_ms ());
  if (!paraat_db_step_done (stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (db);

  describe_exception (self, NULL, &f, changes);
  label = exception_label (self, &f);
  if (!paraat_risk_write_links (db, "exception_requirement", "exception_id", "requirement_id",
                                id, f.requirement_ids, error) ||
      !paraat_txn_log (txn, "exception", id, label, "create", changes, NULL, error) ||
      !paraat_workspace_commit (self, txn, "exception", error))
    return 0;
  return id;
}

gboolean
paraat_workspace_update_exception (ParaatWorkspace            *self,
                                   gint64                      exception_id,
                                   const ParaatExceptionSpec  *spec,
                                   GError                    **error)
{
  g_autoptr(ParaatException) current = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(ExceptionFields) before = { 0 };
  g_auto(ExceptionFields) after = { 0 };
  g_autofree char *label = NULL;
  sqlite3 *db;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if (!(current = paraat_workspace_get_exception (self, exception_id, error)) ||
      !resolve_exception (self, spec, &after, error))
    return FALSE;
  fields_from_exception (current, &before);
  describe_exception (self, &before, &after, changes);
  if (paraat_changes_get_len (changes) == 0)
    return TRUE;

  db = paraat_workspace_get_db (self);
  label = exception_label (self, &after);
  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (db, "UPDATE exception SET person_id = ?1, scope_item_id = ?2,"
                                      " justification = ?3, risk_id = ?4, approver_id = ?5,"
                                      " start_date = ?6, expiry_date = ?7 WHERE id = ?8",
                                  error)))
    return FALSE;
  bind_exception (stmt, &after);
  sqlite3_bind_int64 (stmt, 8, exception_id);
  return paraat_db_step_done (stmt, error) &&
         paraat_risk_write_links (db, "exception_requirement", "exception_id", "requirement_id",
                                  exception_id, after.requirement_ids, error) &&
         paraat_txn_log (txn, "exception", exception_id, label, "update", changes, NULL, error) &&
         paraat_workspace_commit (self, txn, "exception", error);
}

gboolean
paraat_workspace_remove_exception (ParaatWorkspace  *self,
                                   gint64            exception_id,
                                   GError          **error)
{
  g_autoptr(ParaatException) current = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(ExceptionFields) before = { 0 };
  g_autofree char *label = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  if (!(current = paraat_workspace_get_exception (self, exception_id, error)))
    return FALSE;
  fields_from_exception (current, &before);
  describe_exception (self, &before, NULL, changes);
  label = exception_label (self, &before);

  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                                  "DELETE FROM exception WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, exception_id);
  return paraat_db_step_done (stmt, error) &&
         paraat_txn_log (txn, "exception", exception_id, label, "delete", changes, NULL,
                         error) &&
         paraat_workspace_commit (self, txn, "exception", error);
}
