/* paraat-requirement.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "paraat-catalog.h"
#include "paraat-db.h"
#include "paraat-error.h"
#include "paraat-i18n.h"
#include "paraat-requirement.h"
#include "paraat-workspace-private.h"

struct _ParaatRequirement
{
  GObject                    parent_instance;

  gint64                     id;
  gint64                     framework_id;
  char                      *framework_key;
  char                      *framework_title;
  char                      *key;
  char                      *label;
  char                      *kind;
  char                      *group_key;
  char                      *group_title;
  int                        depth;
  char                      *title;
  char                      *guidance;
  char                      *question;
  guint                      tracks;
  double                     weight;
  gboolean                   applicable;
  char                      *justification;
  ParaatImplementationStatus status;
  gint64                     owner_id;
  char                      *notes;
};

G_DEFINE_FINAL_TYPE (ParaatRequirement, paraat_requirement, G_TYPE_OBJECT)

static const char * const status_ids[] = { "not-started", "planned", "partial", "implemented" };

G_STATIC_ASSERT (G_N_ELEMENTS (status_ids) == PARAAT_N_STATUSES);

static void
paraat_requirement_finalize (GObject *object)
{
  ParaatRequirement *self = PARAAT_REQUIREMENT (object);

  g_free (self->framework_key);
  g_free (self->framework_title);
  g_free (self->key);
  g_free (self->label);
  g_free (self->kind);
  g_free (self->group_key);
  g_free (self->group_title);
  g_free (self->title);
  g_free (self->guidance);
  g_free (self->question);
  g_free (self->justification);
  g_free (self->notes);

  G_OBJECT_CLASS (paraat_requirement_parent_class)->finalize (object);
}

static void
paraat_requirement_class_init (ParaatRequirementClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = paraat_requirement_finalize;
}

static void
paraat_requirement_init (ParaatRequirement *self)
{
}

gint64 paraat_requirement_get_id (ParaatRequirement *self) { return self->id; }
gint64 paraat_requirement_get_framework_id (ParaatRequirement *self) { return self->framework_id; }
const char *paraat_requirement_get_framework_key (ParaatRequirement *self) { return self->framework_key; }
const char *paraat_requirement_get_framework_title (ParaatRequirement *self) { return self->framework_title; }
const char *paraat_requirement_get_key (ParaatRequirement *self) { return self->key; }
const char *paraat_requirement_get_label (ParaatRequirement *self) { return self->label; }
const char *paraat_requirement_get_kind (ParaatRequirement *self) { return self->kind; }
const char *paraat_requirement_get_group_key (ParaatRequirement *self) { return self->group_key; }
const char *paraat_requirement_get_group_title (ParaatRequirement *self) { return self->group_title; }
int paraat_requirement_get_depth (ParaatRequirement *self) { return self->depth; }
const char *paraat_requirement_get_title (ParaatRequirement *self) { return self->title; }
const char *paraat_requirement_get_guidance (ParaatRequirement *self) { return self->guidance; }
const char *paraat_requirement_get_question (ParaatRequirement *self) { return self->question; }
guint paraat_requirement_get_tracks (ParaatRequirement *self) { return self->tracks; }
double paraat_requirement_get_weight (ParaatRequirement *self) { return self->weight; }
gboolean paraat_requirement_get_applicable (ParaatRequirement *self) { return self->applicable; }
const char *paraat_requirement_get_justification (ParaatRequirement *self) { return self->justification; }
ParaatImplementationStatus paraat_requirement_get_status (ParaatRequirement *self) { return self->status; }
gint64 paraat_requirement_get_owner_id (ParaatRequirement *self) { return self->owner_id; }
const char *paraat_requirement_get_notes (ParaatRequirement *self) { return self->notes; }

/* "A.5.1 Policies for information security", the name used in lists and the trail. */
char *
paraat_requirement_dup_display_name (ParaatRequirement *self)
{
  return g_strdup_printf ("%s %s", self->label, self->title ? self->title : "");
}

const char *
paraat_implementation_status_to_string (ParaatImplementationStatus status)
{
  return status < PARAAT_N_STATUSES ? status_ids[status] : status_ids[0];
}

const char *
paraat_implementation_status_label (ParaatImplementationStatus status)
{
  switch (status)
    {
    case PARAAT_STATUS_PLANNED: return _("Planned");
    case PARAAT_STATUS_PARTIAL: return _("Partially implemented");
    case PARAAT_STATUS_IMPLEMENTED: return _("Implemented");
    case PARAAT_STATUS_NOT_STARTED:
    default: return _("Not started");
    }
}

static ParaatImplementationStatus
status_from_string (const char *text)
{
  for (guint i = 0; i < PARAAT_N_STATUSES; i++)
    if (g_strcmp0 (text, status_ids[i]) == 0)
      return (ParaatImplementationStatus) i;
  return PARAAT_STATUS_NOT_STARTED;
}

#define SELECT_REQUIREMENT \
  "SELECT r.id, r.framework_id, f.key, f.title_en, f.title_nl, r.key, r.label, r.kind," \
  " r.group_key, g.title_en, g.title_nl, r.depth, r.title_en, r.title_nl, r.guidance_en," \
  " r.guidance_nl, r.question_en, r.question_nl, r.tracks, r.weight, r.applicable," \
  " r.justification, r.status, r.owner_id, r.notes" \
  " FROM requirement r JOIN framework f ON f.id = r.framework_id" \
  " LEFT JOIN requirement_group g ON g.framework_id = r.framework_id AND g.key = r.group_key"

static char *
pick_columns (sqlite3_stmt *stmt,
              int           column)
{
  ParaatText text = {
    .en = (char *) sqlite3_column_text (stmt, column),
    .nl = (char *) sqlite3_column_text (stmt, column + 1),
  };

  return g_strdup (paraat_text_pick (&text));
}

static ParaatRequirement *
requirement_from_row (sqlite3_stmt *stmt)
{
  ParaatRequirement *self = g_object_new (PARAAT_TYPE_REQUIREMENT, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->framework_id = sqlite3_column_int64 (stmt, 1);
  self->framework_key = paraat_db_column_dup (stmt, 2);
  self->framework_title = pick_columns (stmt, 3);
  self->key = paraat_db_column_dup (stmt, 5);
  self->label = paraat_db_column_dup (stmt, 6);
  self->kind = paraat_db_column_dup (stmt, 7);
  self->group_key = paraat_db_column_dup (stmt, 8);
  self->group_title = pick_columns (stmt, 9);
  self->depth = sqlite3_column_int (stmt, 11);
  self->title = pick_columns (stmt, 12);
  self->guidance = pick_columns (stmt, 14);
  self->question = pick_columns (stmt, 16);
  self->tracks = (guint) sqlite3_column_int (stmt, 18);
  self->weight = sqlite3_column_double (stmt, 19);
  self->applicable = sqlite3_column_int (stmt, 20) != 0;
  self->justification = paraat_db_column_dup (stmt, 21);
  self->status = status_from_string ((const char *) sqlite3_column_text (stmt, 22));
  self->owner_id = sqlite3_column_int64 (stmt, 23);
  self->notes = paraat_db_column_dup (stmt, 24);
  return self;
}

static GListModel *
collect (sqlite3_stmt  *stmt,
         GError       **error)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_REQUIREMENT);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ParaatRequirement) requirement = requirement_from_row (stmt);
      g_list_store_append (store, requirement);
    }
  if (rc != SQLITE_DONE)
    {
      paraat_db_set_error (sqlite3_db_handle (stmt), rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GListModel *
paraat_workspace_list_requirements (ParaatWorkspace  *self,
                                    gint64            framework_id,
                                    GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                            SELECT_REQUIREMENT " WHERE r.framework_id = ?1 ORDER BY r.position",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, framework_id);
  return collect (stmt, error);
}

static ParaatRequirement *
first_or_error (GListModel  *found,
                GError     **error)
{
  if (found == NULL)
    return NULL;
  if (g_list_model_get_n_items (found) == 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND,
                   _("That requirement is not in this workspace."));
      return NULL;
    }
  return g_list_model_get_item (found, 0);
}

ParaatRequirement *
paraat_workspace_get_requirement (ParaatWorkspace  *self,
                                  gint64            requirement_id,
                                  GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListModel) found = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  stmt = paraat_db_prepare (paraat_workspace_get_db (self), SELECT_REQUIREMENT " WHERE r.id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, requirement_id);
  found = collect (stmt, error);
  return first_or_error (found, error);
}

ParaatRequirement *
paraat_workspace_find_requirement (ParaatWorkspace  *self,
                                   const char       *framework_key,
                                   const char       *key,
                                   GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListModel) found = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                            SELECT_REQUIREMENT " WHERE f.key = ?1 AND r.key = ?2", error);
  if (stmt == NULL)
    return NULL;
  paraat_db_bind_text (stmt, 1, framework_key);
  paraat_db_bind_text (stmt, 2, key);
  found = collect (stmt, error);
  return first_or_error (found, error);
}

/* A link is stored from the mapping catalog's side (NIS2 → ISO); both directions count,
 * and only enabled frameworks take part. */
GListModel *
paraat_workspace_list_mapped (ParaatWorkspace  *self,
                              gint64            requirement_id,
                              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                            SELECT_REQUIREMENT
                            " WHERE f.enabled = 1 AND r.id IN ("
                            "  SELECT t.id FROM requirement_link l"
                            "  JOIN framework tf ON tf.key = l.target_framework"
                            "  JOIN requirement t ON t.framework_id = tf.id AND t.key = l.target_key"
                            "  WHERE l.requirement_id = ?1"
                            "  UNION"
                            "  SELECT l.requirement_id FROM requirement_link l"
                            "  JOIN requirement me ON me.id = ?1"
                            "  JOIN framework mf ON mf.id = me.framework_id"
                            "  WHERE l.target_framework = mf.key AND l.target_key = me.key)"
                            " ORDER BY f.id, r.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, requirement_id);
  return collect (stmt, error);
}

static gboolean
validate_state (ParaatWorkspace               *self,
                const ParaatRequirementState  *state,
                GError                       **error)
{
  g_autofree char *justification = g_strstrip (g_strdup (state->justification ?
                                                         state->justification : ""));

  if (!state->applicable && justification[0] == '\0')
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("Explain why this requirement does not apply. An auditor asks for the "
                     "justification of every exclusion."));
      return FALSE;
    }
  if ((guint) state->status >= PARAAT_N_STATUSES)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("Choose a valid implementation status."));
      return FALSE;
    }
  if (state->owner_id > 0 && paraat_workspace_find_person (self, state->owner_id) == NULL)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("The owner must be a person in the directory."));
      return FALSE;
    }
  if ((state->notes && strlen (state->notes) > 20000) ||
      strlen (justification) > 20000)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("The text is too long. Use at most 20,000 characters."));
      return FALSE;
    }
  return TRUE;
}

static const char *
owner_name (ParaatWorkspace *self,
            gint64           owner_id)
{
  ParaatPerson *person = owner_id > 0 ? paraat_workspace_find_person (self, owner_id) : NULL;

  return person ? paraat_person_get_name (person) : NULL;
}

static ParaatChanges *
describe_update (ParaatWorkspace              *self,
                 ParaatRequirement            *old,
                 const ParaatRequirementState *state,
                 const char                   *justification,
                 const char                   *notes)
{
  ParaatChanges *changes = paraat_changes_new ();

  paraat_changes_add (changes, "applicable", old->applicable ? "yes" : "no",
                      state->applicable ? "yes" : "no");
  paraat_changes_add (changes, "justification", old->justification, justification);
  paraat_changes_add (changes, "status", paraat_implementation_status_to_string (old->status),
                      paraat_implementation_status_to_string (state->status));
  paraat_changes_add (changes, "owner", owner_name (self, old->owner_id),
                      owner_name (self, state->owner_id));
  paraat_changes_add (changes, "notes", old->notes, notes);
  return changes;
}

gboolean
paraat_workspace_update_requirement (ParaatWorkspace               *self,
                                     gint64                         requirement_id,
                                     const ParaatRequirementState  *state,
                                     GError                       **error)
{
  g_autoptr(ParaatRequirement) old = NULL;
  g_autoptr(ParaatChanges) changes = NULL;
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *justification = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  if (!validate_state (self, state, error) ||
      !(old = paraat_workspace_get_requirement (self, requirement_id, error)))
    return FALSE;

  justification = g_strstrip (g_strdup (state->justification ? state->justification : ""));
  notes = g_strstrip (g_strdup (state->notes ? state->notes : ""));
  changes = describe_update (self, old, state, justification, notes);
  if (paraat_changes_get_len (changes) == 0)
    return TRUE;

  label = paraat_requirement_dup_display_name (old);
  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                                  "UPDATE requirement SET applicable = ?1, justification = ?2,"
                                  " status = ?3, owner_id = ?4, notes = ?5 WHERE id = ?6",
                                  error)))
    return FALSE;

  sqlite3_bind_int (stmt, 1, state->applicable ? 1 : 0);
  paraat_db_bind_text (stmt, 2, justification);
  paraat_db_bind_text (stmt, 3, paraat_implementation_status_to_string (state->status));
  paraat_db_bind_id (stmt, 4, state->owner_id);
  paraat_db_bind_text (stmt, 5, notes);
  sqlite3_bind_int64 (stmt, 6, requirement_id);

  return paraat_db_step_done (stmt, error) &&
         paraat_txn_log (txn, "requirement", requirement_id, label, "update", changes, NULL,
                         error) &&
         paraat_workspace_commit (self, txn, "requirement", error);
}
