/* paraat-risk.c — the risk register: likelihood × impact, treatment, residual risk and the
 * links to scope items, requirements and treatment actions
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <string.h>

#include "paraat-action-private.h"
#include "paraat-clock.h"
#include "paraat-db.h"
#include "paraat-error.h"
#include "paraat-evidence-private.h"
#include "paraat-i18n.h"
#include "paraat-risk-private.h"
#include "paraat-workspace-private.h"

struct _ParaatRisk
{
  GObject          parent_instance;

  gint64           id;
  char            *title;
  char            *scenario;
  char            *threat;
  char            *vulnerability;
  int              likelihood;
  int              impact;
  ParaatTreatment  treatment;
  gint64           owner_id;
  char            *owner_name;
  int              residual_likelihood;
  int              residual_impact;
  char            *review_date;
  gint64           accepted_by;
  char            *accepted_by_name;
  char            *accepted_date;
  gboolean         touches_out_of_scope;
  GArray          *scope_item_ids;
  GArray          *requirement_ids;
  GArray          *action_ids;
};

G_DEFINE_FINAL_TYPE (ParaatRisk, paraat_risk, G_TYPE_OBJECT)

static const char * const treatment_ids[] = { "mitigate", "accept", "transfer", "avoid" };
static const char * const level_ids[] = { "low", "medium", "high", "critical" };

G_STATIC_ASSERT (G_N_ELEMENTS (treatment_ids) == PARAAT_N_TREATMENTS);

static void
paraat_risk_finalize (GObject *object)
{
  ParaatRisk *self = PARAAT_RISK (object);

  g_free (self->title);
  g_free (self->scenario);
  g_free (self->threat);
  g_free (self->vulnerability);
  g_free (self->owner_name);
  g_free (self->review_date);
  g_free (self->accepted_by_name);
  g_free (self->accepted_date);
  g_clear_pointer (&self->scope_item_ids, g_array_unref);
  g_clear_pointer (&self->requirement_ids, g_array_unref);
  g_clear_pointer (&self->action_ids, g_array_unref);

  G_OBJECT_CLASS (paraat_risk_parent_class)->finalize (object);
}

static void
paraat_risk_class_init (ParaatRiskClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = paraat_risk_finalize;
}

static void
paraat_risk_init (ParaatRisk *self)
{
}

gint64 paraat_risk_get_id (ParaatRisk *self) { return self->id; }
const char *paraat_risk_get_title (ParaatRisk *self) { return self->title; }
const char *paraat_risk_get_scenario (ParaatRisk *self) { return self->scenario; }
const char *paraat_risk_get_threat (ParaatRisk *self) { return self->threat; }
const char *paraat_risk_get_vulnerability (ParaatRisk *self) { return self->vulnerability; }
int paraat_risk_get_likelihood (ParaatRisk *self) { return self->likelihood; }
int paraat_risk_get_impact (ParaatRisk *self) { return self->impact; }
ParaatTreatment paraat_risk_get_treatment (ParaatRisk *self) { return self->treatment; }
gint64 paraat_risk_get_owner_id (ParaatRisk *self) { return self->owner_id; }
const char *paraat_risk_get_owner_name (ParaatRisk *self) { return self->owner_name; }
int paraat_risk_get_residual_likelihood (ParaatRisk *self) { return self->residual_likelihood; }
int paraat_risk_get_residual_impact (ParaatRisk *self) { return self->residual_impact; }
const char *paraat_risk_get_review_date (ParaatRisk *self) { return self->review_date; }
gint64 paraat_risk_get_accepted_by (ParaatRisk *self) { return self->accepted_by; }
const char *paraat_risk_get_accepted_by_name (ParaatRisk *self) { return self->accepted_by_name; }
const char *paraat_risk_get_accepted_date (ParaatRisk *self) { return self->accepted_date; }
gboolean paraat_risk_touches_out_of_scope (ParaatRisk *self) { return self->touches_out_of_scope; }

int
paraat_risk_get_score (ParaatRisk *self)
{
  g_return_val_if_fail (PARAAT_IS_RISK (self), 0);

  return self->likelihood * self->impact;
}

ParaatRiskLevel
paraat_risk_get_level (ParaatRisk *self)
{
  return paraat_risk_level_for_score (paraat_risk_get_score (self));
}

int
paraat_risk_get_residual_score (ParaatRisk *self)
{
  g_return_val_if_fail (PARAAT_IS_RISK (self), 0);

  return self->residual_likelihood * self->residual_impact;
}

static const gint64 *
array_ids (GArray *ids,
           guint  *n)
{
  if (n != NULL)
    *n = ids->len;
  return (const gint64 *) (gpointer) ids->data;
}

const gint64 *
paraat_risk_get_scope_item_ids (ParaatRisk *self,
                                guint      *n)
{
  g_return_val_if_fail (PARAAT_IS_RISK (self), NULL);
  return array_ids (self->scope_item_ids, n);
}

const gint64 *
paraat_risk_get_requirement_ids (ParaatRisk *self,
                                 guint      *n)
{
  g_return_val_if_fail (PARAAT_IS_RISK (self), NULL);
  return array_ids (self->requirement_ids, n);
}

const gint64 *
paraat_risk_get_action_ids (ParaatRisk *self,
                            guint      *n)
{
  g_return_val_if_fail (PARAAT_IS_RISK (self), NULL);
  return array_ids (self->action_ids, n);
}

gboolean
paraat_risk_is_review_due (ParaatRisk *self)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (PARAAT_IS_RISK (self), FALSE);

  if (self->review_date[0] == '\0')
    return FALSE;
  today = paraat_evidence_today ();
  return strcmp (self->review_date, today) < 0;
}

/* Codes and labels */

ParaatRiskLevel
paraat_risk_level_for_score (int score)
{
  if (score >= 20)
    return PARAAT_RISK_CRITICAL;
  if (score >= PARAAT_RISK_HIGH_SCORE)
    return PARAAT_RISK_HIGH;
  if (score >= 5)
    return PARAAT_RISK_MEDIUM;
  return PARAAT_RISK_LOW;
}

const char *
paraat_risk_level_to_string (ParaatRiskLevel level)
{
  return level <= PARAAT_RISK_CRITICAL ? level_ids[level] : level_ids[0];
}

const char *
paraat_risk_level_label (ParaatRiskLevel level)
{
  switch (level)
    {
    case PARAAT_RISK_MEDIUM: return C_("risk level", "Medium");
    case PARAAT_RISK_HIGH: return C_("risk level", "High");
    case PARAAT_RISK_CRITICAL: return C_("risk level", "Critical");
    case PARAAT_RISK_LOW:
    default: return C_("risk level", "Low");
    }
}

const char *
paraat_treatment_to_string (ParaatTreatment treatment)
{
  return treatment < PARAAT_N_TREATMENTS ? treatment_ids[treatment] : treatment_ids[0];
}

const char *
paraat_treatment_label (ParaatTreatment treatment)
{
  switch (treatment)
    {
    case PARAAT_TREATMENT_ACCEPT: return C_("risk treatment", "Accept");
    case PARAAT_TREATMENT_TRANSFER: return C_("risk treatment", "Transfer");
    case PARAAT_TREATMENT_AVOID: return C_("risk treatment", "Avoid");
    case PARAAT_TREATMENT_MITIGATE:
    case PARAAT_N_TREATMENTS:
    default: return C_("risk treatment", "Mitigate");
    }
}

/* Our own scale: how often the scenario could happen here. */
const char *
paraat_likelihood_label (int value)
{
  switch (value)
    {
    case 1: return _("Rare — less than once in ten years");
    case 2: return _("Unlikely — once in five to ten years");
    case 3: return _("Possible — once in one to five years");
    case 4: return _("Likely — about once a year");
    case 5: return _("Almost certain — several times a year");
    default: return "";
    }
}

/* Our own scale: what it would do to customers, the organisation and its obligations. */
const char *
paraat_impact_label (int value)
{
  switch (value)
    {
    case 1: return _("Negligible — hardly noticed; no harm to customers");
    case 2: return _("Minor — a short disruption or a complaint, handled in the normal course "
                     "of work");
    case 3: return _("Moderate — customers notice; a reportable incident or noticeable "
                     "financial damage");
    case 4: return _("Major — serious harm to customers, a regulator involved, or lasting "
                     "damage to the organisation’s reputation");
    case 5: return _("Severe — threatens the organisation’s continuity or its licence to "
                     "operate");
    default: return "";
    }
}

/* Shared helpers */

gboolean
paraat_risk_invalid (GError     **error,
                     const char  *message)
{
  g_set_error_literal (error, PARAAT_ERROR, PARAAT_ERROR_INVALID, message);
  return FALSE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

GArray *
paraat_risk_unique_ids (const gint64 *ids,
                        guint         n_ids)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; ids != NULL && i < n_ids; i++)
    g_array_append_val (out, ids[i]);
  g_array_sort (out, compare_ids);
  for (guint i = 1; i < out->len;)
    {
      if (g_array_index (out, gint64, i) == g_array_index (out, gint64, i - 1))
        g_array_remove_index (out, i);
      else
        i++;
    }
  return out;
}

gboolean
paraat_risk_ids_equal (GArray *a,
                       GArray *b)
{
  return a->len == b->len &&
         (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0);
}

gboolean
paraat_risk_row_exists (sqlite3    *db,
                        const char *sql,
                        gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = paraat_db_prepare (db, sql, NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

GArray *
paraat_risk_query_ids (sqlite3     *db,
                       const char  *sql,
                       gint64       id,
                       GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = paraat_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, value);
    }
  if (rc != SQLITE_DONE)
    {
      paraat_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
paraat_risk_write_links (sqlite3     *db,
                         const char  *table,
                         const char  *owner_column,
                         const char  *target_column,
                         gint64       owner_id,
                         GArray      *ids,
                         GError     **error)
{
  g_autofree char *clear_sql = g_strdup_printf ("DELETE FROM %s WHERE %s = ?1", table,
                                                owner_column);
  g_autofree char *insert_sql = g_strdup_printf ("INSERT INTO %s (%s, %s) VALUES (?1, ?2)",
                                                 table, owner_column, target_column);
  g_autoptr(sqlite3_stmt) clear = paraat_db_prepare (db, clear_sql, error);
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, owner_id);
  if (!paraat_db_step_done (clear, error) || !(insert = paraat_db_prepare (db, insert_sql, error)))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, owner_id);
      sqlite3_bind_int64 (insert, 2, g_array_index (ids, gint64, i));
      if (!paraat_db_step_done (insert, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
paraat_risk_check_ids (sqlite3     *db,
                       const char  *table,
                       GArray      *ids,
                       const char  *message,
                       GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) <= 0 ||
        !paraat_risk_row_exists (db, sql, g_array_index (ids, gint64, i)))
      return paraat_risk_invalid (error, message);
  return TRUE;
}

char *
paraat_risk_describe_names (sqlite3    *db,
                            const char *sql,
                            GArray     *ids)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *out;

  if (ids == NULL || ids->len == 0 || !(stmt = paraat_db_prepare (db, sql, NULL)))
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

char *
paraat_risk_describe_requirements (sqlite3 *db,
                                   GArray  *ids)
{
  return paraat_risk_describe_names (db, "SELECT f.key || ' ' || r.label FROM requirement r"
                                         " JOIN framework f ON f.id = r.framework_id"
                                         " WHERE r.id = ?1", ids);
}

const char *
paraat_risk_person_name (ParaatWorkspace *workspace,
                         gint64           person_id)
{
  ParaatPerson *person = person_id > 0 ? paraat_workspace_find_person (workspace, person_id)
                                       : NULL;

  return person ? paraat_person_get_name (person) : NULL;
}

/* Reading */

#define SELECT_RISK \
  "SELECT k.id, k.title, k.scenario, k.threat, k.vulnerability, k.likelihood, k.impact," \
  " k.treatment, k.owner_id, p.name, k.residual_likelihood, k.residual_impact," \
  " k.review_date, k.accepted_by, ab.name, k.accepted_date," \
  " EXISTS (SELECT 1 FROM risk_scope_item x JOIN scope_item s ON s.id = x.scope_item_id" \
  "         WHERE x.risk_id = k.id AND s.in_scope = 0)" \
  " FROM risk k JOIN person p ON p.id = k.owner_id" \
  " LEFT JOIN person ab ON ab.id = k.accepted_by"
#define ORDER_RISK \
  " ORDER BY k.likelihood * k.impact DESC, k.impact DESC, k.title COLLATE NOCASE, k.id"

static ParaatTreatment
treatment_from_string (const char *id)
{
  for (guint i = 0; i < PARAAT_N_TREATMENTS; i++)
    if (g_strcmp0 (treatment_ids[i], id) == 0)
      return i;
  return PARAAT_TREATMENT_MITIGATE;
}

static ParaatRisk *
risk_from_row (sqlite3_stmt *stmt)
{
  ParaatRisk *self = g_object_new (PARAAT_TYPE_RISK, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->title = paraat_db_column_dup (stmt, 1);
  self->scenario = paraat_db_column_dup (stmt, 2);
  self->threat = paraat_db_column_dup (stmt, 3);
  self->vulnerability = paraat_db_column_dup (stmt, 4);
  self->likelihood = sqlite3_column_int (stmt, 5);
  self->impact = sqlite3_column_int (stmt, 6);
  self->treatment = treatment_from_string ((const char *) sqlite3_column_text (stmt, 7));
  self->owner_id = sqlite3_column_int64 (stmt, 8);
  self->owner_name = paraat_db_column_dup (stmt, 9);
  self->residual_likelihood = sqlite3_column_int (stmt, 10);
  self->residual_impact = sqlite3_column_int (stmt, 11);
  self->review_date = paraat_db_column_dup (stmt, 12);
  self->accepted_by = sqlite3_column_int64 (stmt, 13);
  self->accepted_by_name = sqlite3_column_type (stmt, 14) == SQLITE_NULL
                           ? NULL : paraat_db_column_dup (stmt, 14);
  self->accepted_date = paraat_db_column_dup (stmt, 15);
  self->touches_out_of_scope = sqlite3_column_int (stmt, 16) != 0;
  return self;
}

/* A risk with the scope items, requirements and actions it is linked to */
static gpointer
read_risk (sqlite3       *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  g_autoptr(ParaatRisk) risk = risk_from_row (stmt);

  risk->scope_item_ids = paraat_risk_query_ids (db, "SELECT scope_item_id FROM risk_scope_item"
                                                    " WHERE risk_id = ?1 ORDER BY scope_item_id",
                                                risk->id, error);
  if (risk->scope_item_ids == NULL)
    return NULL;
  risk->requirement_ids = paraat_risk_query_ids (db, "SELECT requirement_id FROM"
                                                     " risk_requirement WHERE risk_id = ?1"
                                                     " ORDER BY requirement_id",
                                                 risk->id, error);
  if (risk->requirement_ids == NULL)
    return NULL;
  risk->action_ids = paraat_risk_query_ids (db, "SELECT action_id FROM risk_action"
                                                " WHERE risk_id = ?1 ORDER BY action_id",
                                            risk->id, error);
  return risk->action_ids != NULL ? g_steal_pointer (&risk) : NULL;
}

static GListModel *
query_risks (ParaatWorkspace  *self,
             const char       *where,
             gint64            id,
             GError          **error)
{
  g_autofree char *sql = g_strconcat (SELECT_RISK, where, ORDER_RISK, NULL);
  g_autoptr(sqlite3_stmt) stmt = paraat_action_prepare_for_id (self, sql, id, error);

  if (stmt == NULL)
    return NULL;
  return paraat_action_collect (paraat_workspace_get_db (self), stmt, PARAAT_TYPE_RISK,
                                read_risk, error);
}

GListModel *
paraat_workspace_list_risks (ParaatWorkspace  *self,
                             GError          **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  return query_risks (self, "", 0, error);
}

ParaatRisk *
paraat_workspace_get_risk (ParaatWorkspace  *self,
                           gint64            risk_id,
                           GError          **error)
{
  g_autoptr(GListModel) found = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  if (!(found = query_risks (self, " WHERE k.id = ?1", risk_id, error)))
    return NULL;
  return paraat_action_first_found (found, risk_id, _("That risk is not in this workspace."),
                                    error);
}

GListModel *
paraat_workspace_list_requirement_risks (ParaatWorkspace  *self,
                                         gint64            requirement_id,
                                         GError          **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  return query_risks (self, " WHERE k.id IN (SELECT risk_id FROM risk_requirement"
                            "                WHERE requirement_id = ?1)",
                      requirement_id, error);
}

GListModel *
paraat_workspace_list_action_risks (ParaatWorkspace  *self,
                                    gint64            action_id,
                                    GError          **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  return query_risks (self, " WHERE k.id IN (SELECT risk_id FROM risk_action"
                            "                WHERE action_id = ?1)",
                      action_id, error);
}

GHashTable *
paraat_risk_max_scores (ParaatWorkspace  *workspace,
                        GError          **error)
{
  g_autoptr(GHashTable) scores = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc;

  if (!paraat_action_check_open (workspace, error))
    return NULL;
  db = paraat_workspace_get_db (workspace);
  if (!(stmt = paraat_db_prepare (db, "SELECT x.requirement_id, max(k.likelihood * k.impact)"
                                      " FROM risk_requirement x JOIN risk k ON k.id = x.risk_id"
                                      " GROUP BY x.requirement_id", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (scores, g_memdup2 (&id, sizeof id),
                           GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      paraat_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&scores);
}

/* Writing */

typedef struct
{
  char            *title;
  char            *scenario;
  char            *threat;
  char            *vulnerability;
  int              likelihood;
  int              impact;
  ParaatTreatment  treatment;
  gint64           owner_id;
  int              residual_likelihood;
  int              residual_impact;
  char            *review_date;
  gint64           accepted_by;
  char            *accepted_date;
  GArray          *scope_item_ids;    /* sorted, each once */
  GArray          *requirement_ids;
  GArray          *action_ids;
} RiskFields;

static void
risk_fields_clear (RiskFields *f)
{
  g_clear_pointer (&f->title, g_free);
  g_clear_pointer (&f->scenario, g_free);
  g_clear_pointer (&f->threat, g_free);
  g_clear_pointer (&f->vulnerability, g_free);
  g_clear_pointer (&f->review_date, g_free);
  g_clear_pointer (&f->accepted_date, g_free);
  g_clear_pointer (&f->scope_item_ids, g_array_unref);
  g_clear_pointer (&f->requirement_ids, g_array_unref);
  g_clear_pointer (&f->action_ids, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RiskFields, risk_fields_clear)

static gboolean
validate_texts (const RiskFields  *f,
                GError           **error)
{
  if (f->title[0] == '\0')
    return paraat_risk_invalid (error, _("Enter a title for the risk: what could go wrong, in "
                                         "a few words."));
  if (g_utf8_strlen (f->title, -1) > PARAAT_ACTION_TITLE_MAX)
    return paraat_risk_invalid (error, _("The title is too long. Use at most 200 characters."));
  return paraat_action_check_text (f->scenario, PARAAT_ACTION_TEXT_MAX, error) &&
         paraat_action_check_text (f->threat, PARAAT_ACTION_TEXT_MAX, error) &&
         paraat_action_check_text (f->vulnerability, PARAAT_ACTION_TEXT_MAX, error);
}

/* Each scale field says which field is wrong and what it accepts. */
static gboolean
validate_scales (const RiskFields  *f,
                 GError           **error)
{
  if (f->likelihood < 1 || f->likelihood > PARAAT_RISK_SCALE)
    return paraat_risk_invalid (error, _("Likelihood must be from 1 (rare) to 5 (almost "
                                         "certain). Choose how often this could happen."));
  if (f->impact < 1 || f->impact > PARAAT_RISK_SCALE)
    return paraat_risk_invalid (error, _("Impact must be from 1 (negligible) to 5 (severe). "
                                         "Choose how bad it would be."));
  if (f->residual_likelihood < 0 || f->residual_likelihood > PARAAT_RISK_SCALE)
    return paraat_risk_invalid (error, _("Residual likelihood must be from 1 to 5, or 0 while "
                                         "the risk after treatment is not assessed yet."));
  if (f->residual_impact < 0 || f->residual_impact > PARAAT_RISK_SCALE)
    return paraat_risk_invalid (error, _("Residual impact must be from 1 to 5, or 0 while the "
                                         "risk after treatment is not assessed yet."));
  if ((f->residual_likelihood == 0) != (f->residual_impact == 0))
    return paraat_risk_invalid (error, _("Give both the residual likelihood and the residual "
                                         "impact, or neither while the risk after treatment is "
                                         "not assessed yet."));
  return TRUE;
}

static gboolean
validate_person (ParaatWorkspace  *self,
                 gint64            person_id,
                 const char       *missing,
                 GError          **error)
{
  if (person_id <= 0)
    return paraat_risk_invalid (error, missing);
  if (paraat_workspace_find_person (self, person_id) == NULL)
    return paraat_risk_invalid (error, _("Choose a person from the directory."));
  return TRUE;
}

/* Acceptance: required for an accepted risk; on other treatments it records who accepted
 * the residual risk, so when given it must be complete. */
static gboolean
validate_acceptance (ParaatWorkspace   *self,
                     const RiskFields  *f,
                     GError           **error)
{
  GDate date;

  if (f->treatment != PARAAT_TREATMENT_ACCEPT && f->accepted_by == 0 &&
      f->accepted_date[0] == '\0')
    return TRUE;
  if (!validate_person (self, f->accepted_by,
                        _("An accepted risk needs the person who accepted it. Choose who "
                          "accepted the risk, normally its owner or management."), error))
    return FALSE;
  if (f->accepted_date[0] == '\0')
    return paraat_risk_invalid (error, _("Enter the date the risk was accepted, in the form "
                                         "YYYY-MM-DD."));
  if (!paraat_action_parse_date (f->accepted_date, &date))
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("“%s” is not a valid date of acceptance. Use the form YYYY-MM-DD, for "
                     "example 2025-03-31."), f->accepted_date);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_links (ParaatWorkspace   *self,
                const RiskFields  *f,
                GError           **error)
{
  sqlite3 *db = paraat_workspace_get_db (self);

  return paraat_risk_check_ids (db, "scope_item", f->scope_item_ids,
                                _("An affected scope item is not in this workspace."), error) &&
         paraat_risk_check_ids (db, "requirement", f->requirement_ids,
                                _("A linked requirement is not in this workspace."), error) &&
         paraat_risk_check_ids (db, "action", f->action_ids,
                                _("A treatment action is not in this workspace."), error);
}

static gboolean
resolve_risk (ParaatWorkspace       *self,
              const ParaatRiskSpec  *spec,
              RiskFields            *out,
              GError               **error)
{
  GDate date;

  out->title = paraat_action_clean_text (spec->title);
  out->scenario = paraat_action_clean_text (spec->scenario);
  out->threat = paraat_action_clean_text (spec->threat);
  out->vulnerability = paraat_action_clean_text (spec->vulnerability);
  out->likelihood = spec->likelihood;
  out->impact = spec->impact;
  out->treatment = spec->treatment;
  out->owner_id = spec->owner_id;
  out->residual_likelihood = spec->residual_likelihood;
  out->residual_impact = spec->residual_impact;
  out->review_date = paraat_action_clean_text (spec->review_date);
  out->accepted_by = MAX (spec->accepted_by, 0);
  out->accepted_date = paraat_action_clean_text (spec->accepted_date);
  out->scope_item_ids = paraat_risk_unique_ids (spec->scope_item_ids, spec->n_scope_items);
  out->requirement_ids = paraat_risk_unique_ids (spec->requirement_ids, spec->n_requirements);
  out->action_ids = paraat_risk_unique_ids (spec->action_ids, spec->n_actions);

  if (!validate_texts (out, error) || !validate_scales (out, error))
    return FALSE;
  if ((guint) out->treatment >= PARAAT_N_TREATMENTS)
    return paraat_risk_invalid (error, _("Choose how the risk is treated: mitigate, accept, "
                                         "transfer or avoid."));
  if (!validate_person (self, out->owner_id, _("Choose one person as the owner of the risk."),
                        error))
    return FALSE;
  if (out->review_date[0] != '\0' && !paraat_action_parse_date (out->review_date, &date))
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("“%s” is not a valid review date. Use the form YYYY-MM-DD, or leave it "
                     "empty."), out->review_date);
      return FALSE;
    }
  return validate_acceptance (self, out, error) && validate_links (self, out, error);
}

static void
fields_from_risk (ParaatRisk *risk,
                  RiskFields *out)
{
  out->title = g_strdup (risk->title);
  out->scenario = g_strdup (risk->scenario);
  out->threat = g_strdup (risk->threat);
  out->vulnerability = g_strdup (risk->vulnerability);
  out->likelihood = risk->likelihood;
  out->impact = risk->impact;
  out->treatment = risk->treatment;
  out->owner_id = risk->owner_id;
  out->residual_likelihood = risk->residual_likelihood;
  out->residual_impact = risk->residual_impact;
  out->review_date = g_strdup (risk->review_date);
  out->accepted_by = risk->accepted_by;
  out->accepted_date = g_strdup (risk->accepted_date);
  out->scope_item_ids = g_array_copy (risk->scope_item_ids);
  out->requirement_ids = g_array_copy (risk->requirement_ids);
  out->action_ids = g_array_copy (risk->action_ids);
}

static void
add_scale (ParaatChanges *changes,
           const char    *field,
           int            before,
           int            after)
{
  g_autofree char *b = before > 0 ? g_strdup_printf ("%d", before) : NULL;
  g_autofree char *a = after > 0 ? g_strdup_printf ("%d", after) : NULL;

  paraat_changes_add (changes, field, b, a);
}

static void
add_links (ParaatChanges *changes,
           const char    *field,
           sqlite3       *db,
           const char    *sql,
           GArray        *before,
           GArray        *after)
{
  g_autofree char *b = NULL;
  g_autofree char *a = NULL;

  if (before != NULL && after != NULL && paraat_risk_ids_equal (before, after))
    return;
  b = sql ? paraat_risk_describe_names (db, sql, before)
          : paraat_risk_describe_requirements (db, before);
  a = sql ? paraat_risk_describe_names (db, sql, after)
          : paraat_risk_describe_requirements (db, after);
  paraat_changes_add (changes, field, b, a);
}

/* Field-level changes for the trail; BEFORE or AFTER is NULL for a new or removed risk. */
static void
describe_risk (ParaatWorkspace  *self,
               const RiskFields *before,
               const RiskFields *after,
               ParaatChanges    *changes)
{
  static const RiskFields none = { .treatment = PARAAT_N_TREATMENTS };
  sqlite3 *db = paraat_workspace_get_db (self);
  const RiskFields *b = before ? before : &none;
  const RiskFields *a = after ? after : &none;

  paraat_changes_add (changes, "title", b->title, a->title);
  paraat_changes_add (changes, "scenario", paraat_action_non_empty (b->scenario),
                      paraat_action_non_empty (a->scenario));
  paraat_changes_add (changes, "threat", paraat_action_non_empty (b->threat),
                      paraat_action_non_empty (a->threat));
  paraat_changes_add (changes, "vulnerability", paraat_action_non_empty (b->vulnerability),
                      paraat_action_non_empty (a->vulnerability));
  add_scale (changes, "likelihood", b->likelihood, a->likelihood);
  add_scale (changes, "impact", b->impact, a->impact);
  paraat_changes_add (changes, "treatment",
                      b->treatment < PARAAT_N_TREATMENTS ? treatment_ids[b->treatment] : NULL,
                      a->treatment < PARAAT_N_TREATMENTS ? treatment_ids[a->treatment] : NULL);
  paraat_changes_add (changes, "owner", paraat_risk_person_name (self, b->owner_id),
                      paraat_risk_person_name (self, a->owner_id));
  add_scale (changes, "residual_likelihood", b->residual_likelihood, a->residual_likelihood);
  add_scale (changes, "residual_impact", b->residual_impact, a->residual_impact);
  paraat_changes_add (changes, "review_date", paraat_action_non_empty (b->review_date),
                      paraat_action_non_empty (a->review_date));
  paraat_changes_add (changes, "accepted_by", paraat_risk_person_name (self, b->accepted_by),
                      paraat_risk_person_name (self, a->accepted_by));
  paraat_changes_add (changes, "accepted_date", paraat_action_non_empty (b->accepted_date),
                      paraat_action_non_empty (a->accepted_date));
  add_links (changes, "scope_items", db, "SELECT name FROM scope_item WHERE id = ?1",
             b->scope_item_ids, a->scope_item_ids);
  add_links (changes, "requirements", db, NULL, b->requirement_ids, a->requirement_ids);
  add_links (changes, "actions", db, "SELECT title FROM action WHERE id = ?1",
             b->action_ids, a->action_ids);
}

static void
bind_risk (sqlite3_stmt     *stmt,
           const RiskFields *f)
{
  paraat_db_bind_text (stmt, 1, f->title);
  paraat_db_bind_text (stmt, 2, f->scenario);
  paraat_db_bind_text (stmt, 3, f->threat);
  paraat_db_bind_text (stmt, 4, f->vulnerability);
  sqlite3_bind_int (stmt, 5, f->likelihood);
  sqlite3_bind_int (stmt, 6, f->impact);
  paraat_db_bind_text (stmt, 7, treatment_ids[f->treatment]);
  sqlite3_bind_int64 (stmt, 8, f->owner_id);
  sqlite3_bind_int (stmt, 9, f->residual_likelihood);
  sqlite3_bind_int (stmt, 10, f->residual_impact);
  paraat_db_bind_text (stmt, 11, f->review_date);
  paraat_db_bind_id (stmt, 12, f->accepted_by);
  paraat_db_bind_text (stmt, 13, f->accepted_date);
}

static gboolean
write_risk_links (sqlite3           *db,
                  gint64             risk_id,
                  const RiskFields  *f,
                  GError           **error)
{
  return paraat_risk_write_links (db, "risk_scope_item", "risk_id", "scope_item_id", risk_id,
                                  f->scope_item_ids, error) &&
         paraat_risk_write_links (db, "risk_requirement", "risk_id", "requirement_id", risk_id,
                                  f->requirement_ids, error) &&
         paraat_risk_write_links (db, "risk_action", "risk_id", "action_id", risk_id,
                                  f->action_ids, error);
}

gint64
paraat_workspace_add_risk (ParaatWorkspace       *self,
                           const ParaatRiskSpec  *spec,
                           GError               **error)
{
  g_auto(RiskFields) f = { 0 };
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  gint64 id;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (spec != NULL, 0);

  if (!paraat_action_check_open (self, error) || !resolve_risk (self, spec, &f, error))
    return 0;
  db = paraat_workspace_get_db (self);
  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (db, "INSERT INTO risk (title, scenario, threat, vulnerability,"
                                      " likelihood, impact, treatment, owner_id,"
                                      " residual_likelihood, residual_impact, review_date,"
                                      " accepted_by, accepted_date, created_ms)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                                      " ?12, ?13, ?14)", error)))
    return 0;
  bind_risk (stmt, &f);
  sqlite3_bind_int64 (stmt, 14, paraat_clock_now_ms ());
  if (!paraat_db_step_done (stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (db);

  describe_risk (self, NULL, &f, changes);
  if (!write_risk_links (db, id, &f, error) ||
      !paraat_txn_log (txn, "risk", id, f.title, "create", changes, NULL, error) ||
      !paraat_workspace_commit (self, txn, "risk", error))
    return 0;
  return id;
}

gboolean
paraat_workspace_update_risk (ParaatWorkspace       *self,
                              gint64                 risk_id,
                              const ParaatRiskSpec  *spec,
                              GError               **error)
{
  g_autoptr(ParaatRisk) current = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(RiskFields) before = { 0 };
  g_auto(RiskFields) after = { 0 };
  sqlite3 *db;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if (!(current = paraat_workspace_get_risk (self, risk_id, error)) ||
      !resolve_risk (self, spec, &after, error))
    return FALSE;
  fields_from_risk (current, &before);
  describe_risk (self, &before, &after, changes);
  if (paraat_changes_get_len (changes) == 0)
    return TRUE;

  db = paraat_workspace_get_db (self);
  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (db, "UPDATE risk SET title = ?1, scenario = ?2, threat = ?3,"
                                      " vulnerability = ?4, likelihood = ?5, impact = ?6,"
                                      " treatment = ?7, owner_id = ?8,"
                                      " residual_likelihood = ?9, residual_impact = ?10,"
                                      " review_date = ?11, accepted_by = ?12,"
                                      " accepted_date = ?13 WHERE id = ?14", error)))
    return FALSE;
  bind_risk (stmt, &after);
  sqlite3_bind_int64 (stmt, 14, risk_id);
  return paraat_db_step_done (stmt, error) &&
         write_risk_links (db, risk_id, &after, error) &&
         paraat_txn_log (txn, "risk", risk_id, after.title, "update", changes, NULL, error) &&
         paraat_workspace_commit (self, txn, "risk", error);
}

gboolean
paraat_workspace_remove_risk (ParaatWorkspace  *self,
                              gint64            risk_id,
                              GError          **error)
{
  g_autoptr(ParaatRisk) current = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(RiskFields) before = { 0 };
  sqlite3 *db;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  if (!(current = paraat_workspace_get_risk (self, risk_id, error)))
    return FALSE;
  db = paraat_workspace_get_db (self);
  /* An exception that rests on this accepted risk would lose its reason. */
  if (paraat_risk_row_exists (db, "SELECT 1 FROM exception WHERE risk_id = ?1", risk_id))
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("An exception names “%s” as its accepted risk. Change or remove the "
                     "exception first."), current->title);
      return FALSE;
    }
  fields_from_risk (current, &before);
  describe_risk (self, &before, NULL, changes);

  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (db, "DELETE FROM risk WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, risk_id);
  return paraat_db_step_done (stmt, error) &&
         paraat_txn_log (txn, "risk", risk_id, current->title, "delete", changes, NULL, error) &&
         paraat_workspace_commit (self, txn, "risk", error);
}
