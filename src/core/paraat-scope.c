/* paraat-scope.c — the scope register: systems, suppliers, locations, processes and roles,
 * in or out of scope
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>

#include "paraat-action-private.h"
#include "paraat-clock.h"
#include "paraat-db.h"
#include "paraat-error.h"
#include "paraat-i18n.h"
#include "paraat-risk-private.h"
#include "paraat-workspace-private.h"

struct _ParaatScopeItem
{
  GObject          parent_instance;

  gint64           id;
  ParaatScopeKind  kind;
  char            *name;
  char            *description;
  gboolean         in_scope;
  char            *justification;
  guint            n_risks;
};

G_DEFINE_FINAL_TYPE (ParaatScopeItem, paraat_scope_item, G_TYPE_OBJECT)

static const char * const kind_ids[] = { "system", "supplier", "location", "process", "role" };

G_STATIC_ASSERT (G_N_ELEMENTS (kind_ids) == PARAAT_N_SCOPE_KINDS);

static void
paraat_scope_item_finalize (GObject *object)
{
  ParaatScopeItem *self = PARAAT_SCOPE_ITEM (object);

  g_free (self->name);
  g_free (self->description);
  g_free (self->justification);

  G_OBJECT_CLASS (paraat_scope_item_parent_class)->finalize (object);
}

static void
paraat_scope_item_class_init (ParaatScopeItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = paraat_scope_item_finalize;
}

static void
paraat_scope_item_init (ParaatScopeItem *self)
{
}

gint64 paraat_scope_item_get_id (ParaatScopeItem *self) { return self->id; }
ParaatScopeKind paraat_scope_item_get_kind (ParaatScopeItem *self) { return self->kind; }
const char *paraat_scope_item_get_name (ParaatScopeItem *self) { return self->name; }
const char *paraat_scope_item_get_description (ParaatScopeItem *self) { return self->description; }
gboolean paraat_scope_item_get_in_scope (ParaatScopeItem *self) { return self->in_scope; }
const char *paraat_scope_item_get_justification (ParaatScopeItem *self) { return self->justification; }
guint paraat_scope_item_get_n_risks (ParaatScopeItem *self) { return self->n_risks; }

const char *
paraat_scope_kind_to_string (ParaatScopeKind kind)
{
  return kind < PARAAT_N_SCOPE_KINDS ? kind_ids[kind] : kind_ids[0];
}

const char *
paraat_scope_kind_label (ParaatScopeKind kind)
{
  switch (kind)
    {
    case PARAAT_SCOPE_SUPPLIER: return C_("scope kind", "Supplier");
    case PARAAT_SCOPE_LOCATION: return C_("scope kind", "Location");
    case PARAAT_SCOPE_PROCESS: return C_("scope kind", "Process");
    case PARAAT_SCOPE_ROLE: return C_("scope kind", "Role");
    case PARAAT_SCOPE_SYSTEM:
    case PARAAT_N_SCOPE_KINDS:
    default: return C_("scope kind", "System");
    }
}

static ParaatScopeKind
kind_from_string (const char *id)
{
  for (guint i = 0; i < PARAAT_N_SCOPE_KINDS; i++)
    if (g_strcmp0 (kind_ids[i], id) == 0)
      return i;
  return PARAAT_SCOPE_SYSTEM;
}

/* Reading */

/* Kinds sort in the order of the enum, so the register reads system → role. */
#define SELECT_SCOPE \
  "SELECT s.id, s.kind, s.name, s.description, s.in_scope, s.justification," \
  " (SELECT count(*) FROM risk_scope_item x WHERE x.scope_item_id = s.id)" \
  " FROM scope_item s"
#define ORDER_SCOPE \
  " ORDER BY CASE s.kind WHEN 'system' THEN 0 WHEN 'supplier' THEN 1 WHEN 'location' THEN 2" \
  " WHEN 'process' THEN 3 ELSE 4 END, s.name COLLATE NOCASE, s.id"

static ParaatScopeItem *
scope_item_from_row (sqlite3_stmt *stmt)
{
  ParaatScopeItem *self = g_object_new (PARAAT_TYPE_SCOPE_ITEM, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->kind = kind_from_string ((const char *) sqlite3_column_text (stmt, 1));
  self->name = paraat_db_column_dup (stmt, 2);
  self->description = paraat_db_column_dup (stmt, 3);
  self->in_scope = sqlite3_column_int (stmt, 4) != 0;
  self->justification = paraat_db_column_dup (stmt, 5);
  self->n_risks = (guint) sqlite3_column_int (stmt, 6);
  return self;
}

static gpointer
read_scope_item (sqlite3       *db,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  return scope_item_from_row (stmt);
}

static GListModel *
query_scope_items (ParaatWorkspace  *self,
                   const char       *where,
                   gint64            id,
                   GError          **error)
{
  g_autofree char *sql = g_strconcat (SELECT_SCOPE, where, ORDER_SCOPE, NULL);
  g_autoptr(sqlite3_stmt) stmt = paraat_action_prepare_for_id (self, sql, id, error);

  if (stmt == NULL)
    return NULL;
  return paraat_action_collect (paraat_workspace_get_db (self), stmt, PARAAT_TYPE_SCOPE_ITEM,
                                read_scope_item, error);
}

GListModel *
paraat_workspace_list_scope_items (ParaatWorkspace  *self,
                                   GError          **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  return query_scope_items (self, "", 0, error);
}

ParaatScopeItem *
paraat_workspace_get_scope_item (ParaatWorkspace  *self,
                                 gint64            item_id,
                                 GError          **error)
{
  g_autoptr(GListModel) found = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  if (!(found = query_scope_items (self, " WHERE s.id = ?1", item_id, error)))
    return NULL;
  return paraat_action_first_found (found, item_id,
                                    _("That scope item is not in this workspace."), error);
}

/* Writing */

typedef struct
{
  ParaatScopeKind  kind;
  char            *name;
  char            *description;
  gboolean         in_scope;
  char            *justification;
} ScopeFields;

static void
scope_fields_clear (ScopeFields *f)
{
  g_clear_pointer (&f->name, g_free);
  g_clear_pointer (&f->description, g_free);
  g_clear_pointer (&f->justification, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScopeFields, scope_fields_clear)

/* COLLATE NOCASE folds ASCII only; "Ö" and "ö" are the same item to a reader too. */
static gboolean
name_taken (ParaatWorkspace  *self,
            const char       *kind,
            const char       *name,
            gint64            except_id,
            gboolean         *taken,
            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *folded = g_utf8_casefold (name, -1);
  sqlite3 *db = paraat_workspace_get_db (self);
  int rc;

  *taken = FALSE;
  if (!(stmt = paraat_db_prepare (db, "SELECT name FROM scope_item WHERE kind = ?1 AND id != ?2",
                                  error)))
    return FALSE;
  paraat_db_bind_text (stmt, 1, kind);
  sqlite3_bind_int64 (stmt, 2, except_id);
  while (!*taken && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *other = g_utf8_casefold ((const char *) sqlite3_column_text (stmt, 0), -1);
      *taken = g_str_equal (folded, other);
    }
  return *taken || rc == SQLITE_DONE || paraat_db_set_error (db, rc, error);
}

static gboolean
resolve_scope (ParaatWorkspace        *self,
               const ParaatScopeSpec  *spec,
               gint64                  item_id,
               ScopeFields            *out,
               GError                **error)
{
  gboolean taken;

  out->kind = spec->kind;
  out->name = paraat_action_clean_text (spec->name);
  out->description = paraat_action_clean_text (spec->description);
  out->in_scope = spec->in_scope;
  out->justification = paraat_action_clean_text (spec->justification);

  if ((guint) out->kind >= PARAAT_N_SCOPE_KINDS)
    return paraat_risk_invalid (error, _("Choose what kind of scope item it is: a system, "
                                         "supplier, location, process or role."));
  if (out->name[0] == '\0')
    return paraat_risk_invalid (error, _("Enter a name for the scope item."));
  if (g_utf8_strlen (out->name, -1) > PARAAT_ACTION_TITLE_MAX)
    return paraat_risk_invalid (error, _("The name is too long. Use at most 200 characters."));
  if (!out->in_scope && out->justification[0] == '\0')
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("Say why “%s” is out of scope: an item left out needs a justification "
                     "an auditor can follow."), out->name);
      return FALSE;
    }
  if (!paraat_action_check_text (out->description, PARAAT_ACTION_TEXT_MAX, error) ||
      !paraat_action_check_text (out->justification, PARAAT_ACTION_TEXT_MAX, error) ||
      !name_taken (self, kind_ids[out->kind], out->name, item_id, &taken, error))
    return FALSE;
  if (taken)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_EXISTS,
                   /* Translators: the second %s is a scope kind, "Supplier" */
                   _("The scope register already has “%s” as a scope item of the kind %s. "
                     "Choose another name, or change that item instead."),
                   out->name, paraat_scope_kind_label (out->kind));
      return FALSE;
    }
  return TRUE;
}

static void
describe_scope (const ScopeFields *before,
                const ScopeFields *after,
                ParaatChanges     *changes)
{
  paraat_changes_add (changes, "kind", before ? kind_ids[before->kind] : NULL,
                      after ? kind_ids[after->kind] : NULL);
  paraat_changes_add (changes, "name", before ? before->name : NULL, after ? after->name : NULL);
  paraat_changes_add (changes, "description",
                      before ? paraat_action_non_empty (before->description) : NULL,
                      after ? paraat_action_non_empty (after->description) : NULL);
  paraat_changes_add (changes, "in_scope", before ? (before->in_scope ? "yes" : "no") : NULL,
                      after ? (after->in_scope ? "yes" : "no") : NULL);
  paraat_changes_add (changes, "justification",
                      before ? paraat_action_non_empty (before->justification) : NULL,
                      after ? paraat_action_non_empty (after->justification) : NULL);
}

static void
fields_from_item (ParaatScopeItem *item,
                  ScopeFields     *out)
{
  out->kind = item->kind;
  out->name = g_strdup (item->name);
  out->description = g_strdup (item->description);
  out->in_scope = item->in_scope;
  out->justification = g_strdup (item->justification);
}

static void
bind_scope (sqlite3_stmt      *stmt,
            const ScopeFields *f)
{
  paraat_db_bind_text (stmt, 1, kind_ids[f->kind]);
  paraat_db_bind_text (stmt, 2, f->name);
  paraat_db_bind_text (stmt, 3, f->description);
  sqlite3_bind_int (stmt, 4, f->in_scope ? 1 : 0);
  paraat_db_bind_text (stmt, 5, f->justification);
}

gint64
paraat_workspace_add_scope_item (ParaatWorkspace        *self,
                                 const ParaatScopeSpec  *spec,
                                 GError                **error)
{
  g_auto(ScopeFields) f = { 0 };
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (spec != NULL, 0);

  if (!paraat_action_check_open (self, error) || !resolve_scope (self, spec, 0, &f, error))
    return 0;
  db = paraat_workspace_get_db (self);
  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (db, "INSERT INTO scope_item (kind, name, description,"
                                      " in_scope, justification, created_ms)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)))
    return 0;
  bind_scope (stmt, &f);
  sqlite3_bind_int64 (stmt, 6, paraat_clock_now_ms ());
  if (!paraat_db_step_done (stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (db);

  describe_scope (NULL, &f, changes);
  if (!paraat_txn_log (txn, "scope", id, f.name, "create", changes, NULL, error) ||
      !paraat_workspace_commit (self, txn, "scope", error))
    return 0;
  return id;
}

gboolean
paraat_workspace_update_scope_item (ParaatWorkspace        *self,
                                    gint64                  item_id,
                                    const ParaatScopeSpec  *spec,
                                    GError                **error)
{
  g_autoptr(ParaatScopeItem) current = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(ScopeFields) before = { 0 };
  g_auto(ScopeFields) after = { 0 };

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if (!(current = paraat_workspace_get_scope_item (self, item_id, error)) ||
      !resolve_scope (self, spec, item_id, &after, error))
    return FALSE;
  fields_from_item (current, &before);
  describe_scope (&before, &after, changes);
  if (paraat_changes_get_len (changes) == 0)
    return TRUE;

  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                                  "UPDATE scope_item SET kind = ?1, name = ?2, description = ?3,"
                                  " in_scope = ?4, justification = ?5 WHERE id = ?6", error)))
    return FALSE;
  bind_scope (stmt, &after);
  sqlite3_bind_int64 (stmt, 6, item_id);
  return paraat_db_step_done (stmt, error) &&
         paraat_txn_log (txn, "scope", item_id, after.name, "update", changes, NULL, error) &&
         paraat_workspace_commit (self, txn, "scope", error);
}

/* A risk or exception that names the item would lose what it is about. */
static gboolean
check_not_named (ParaatWorkspace  *self,
                 ParaatScopeItem  *item,
                 GError          **error)
{
  sqlite3 *db = paraat_workspace_get_db (self);
  g_autofree char *exceptions_sql = g_strdup_printf ("SELECT count(*) FROM exception"
                                                     " WHERE scope_item_id = %" PRId64,
                                                     item->id);
  gint64 n_exceptions;

  if (item->n_risks > 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   paraat_ngettext (
                                "%u risk names “%s”. Take it out of that risk first.",
                                "%u risks name “%s”. Take it out of those risks first.",
                                item->n_risks),
                   item->n_risks, item->name);
      return FALSE;
    }
  n_exceptions = paraat_db_query_int (db, exceptions_sql, 0);
  if (n_exceptions > 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   paraat_ngettext (
                                "An exception is granted to “%1$s”. Remove or change the "
                                "exception first.",
                                "%2$" PRId64 " exceptions are granted to “%1$s”. Remove or "
                                "change them first.",
                                (gulong) n_exceptions),
                   item->name, n_exceptions);
      return FALSE;
    }
  return TRUE;
}

gboolean
paraat_workspace_remove_scope_item (ParaatWorkspace  *self,
                                    gint64            item_id,
                                    GError          **error)
{
  g_autoptr(ParaatScopeItem) current = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(ScopeFields) before = { 0 };

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  if (!(current = paraat_workspace_get_scope_item (self, item_id, error)) ||
      !check_not_named (self, current, error))
    return FALSE;
  fields_from_item (current, &before);
  describe_scope (&before, NULL, changes);

  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                                  "DELETE FROM scope_item WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  return paraat_db_step_done (stmt, error) &&
         paraat_txn_log (txn, "scope", item_id, current->name, "delete", changes, NULL, error) &&
         paraat_workspace_commit (self, txn, "scope", error);
}
