/* paraat-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "paraat-action.h"
#include "paraat-catalog.h"
#include "paraat-csv.h"
#include "paraat-error.h"
#include "paraat-evidence.h"
#include "paraat-evidence-private.h"
#include "paraat-export.h"
#include "paraat-framework.h"
#include "paraat-i18n.h"
#include "paraat-partial-file.h"
#include "paraat-pdf.h"
#include "paraat-requirement.h"
#include "paraat-review.h"
#include "paraat-risk.h"
#include "paraat-zip.h"

#define NIS2_KEY     "nis2"

struct _ParaatExportTable
{
  ParaatExportKind  kind;
  char             *title;
  GPtrArray        *headings;   /* char * */
  GPtrArray        *cells;      /* char *, row after row of headings->len cells */
};

static const char * const kind_ids[PARAAT_N_EXPORTS] = {
  "soa", "requirements", "actions", "risks", "exceptions", "scope", "evidence", "reviews",
};

const char *
paraat_export_kind_to_string (ParaatExportKind kind)
{
  g_return_val_if_fail (kind < PARAAT_N_EXPORTS, NULL);
  return kind_ids[kind];
}

static const char * const format_ids[] = { "csv", "ods", "pdf" };

const char *
paraat_export_format_to_string (ParaatExportFormat format)
{
  g_return_val_if_fail (format <= PARAAT_EXPORT_PDF, NULL);
  return format_ids[format];
}

gboolean
paraat_export_format_from_string (const char         *name,
                                  ParaatExportFormat *format)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (format_ids); i++)
    if (g_ascii_strcasecmp (name, format_ids[i]) == 0)
      {
        *format = (ParaatExportFormat) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
paraat_export_format_from_path (const char         *path,
                                ParaatExportFormat *format)
{
  g_autofree char *name = path != NULL ? g_path_get_basename (path) : NULL;
  const char *dot = name != NULL ? strrchr (name, '.') : NULL;

  return dot != NULL && paraat_export_format_from_string (dot + 1, format);
}

gboolean
paraat_export_kind_from_string (const char       *name,
                                ParaatExportKind *kind)
{
  for (guint i = 0; i < PARAAT_N_EXPORTS; i++)
    if (g_strcmp0 (name, kind_ids[i]) == 0)
      {
        *kind = (ParaatExportKind) i;
        return TRUE;
      }
  return FALSE;
}

/* The table */

static ParaatExportTable *
table_new (ParaatExportKind    kind,
           const char         *title,
           const char * const *headings,
           guint               n_headings)
{
  ParaatExportTable *table = g_new0 (ParaatExportTable, 1);

  table->kind = kind;
  table->title = g_strdup (title);
  table->headings = g_ptr_array_new_with_free_func (g_free);
  table->cells = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_headings; i++)
    g_ptr_array_add (table->headings, g_strdup (headings[i]));
  return table;
}

void
paraat_export_table_free (ParaatExportTable *table)
{
  if (table == NULL)
    return;
  g_free (table->title);
  g_ptr_array_unref (table->headings);
  g_ptr_array_unref (table->cells);
  g_free (table);
}

ParaatExportKind
paraat_export_table_get_kind (ParaatExportTable *table)
{
  g_return_val_if_fail (table != NULL, PARAAT_EXPORT_SOA);
  return table->kind;
}

const char *
paraat_export_table_get_title (ParaatExportTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  return table->title;
}

guint
paraat_export_table_get_n_columns (ParaatExportTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->headings->len;
}

const char *
paraat_export_table_get_heading (ParaatExportTable *table,
                                 guint              column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column < table->headings->len, NULL);
  return g_ptr_array_index (table->headings, column);
}

guint
paraat_export_table_get_n_rows (ParaatExportTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->headings->len ? table->cells->len / table->headings->len : 0;
}

const char *
paraat_export_table_get_cell (ParaatExportTable *table,
                              guint              row,
                              guint              column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column < table->headings->len, NULL);
  g_return_val_if_fail (row < paraat_export_table_get_n_rows (table), NULL);
  return g_ptr_array_index (table->cells, row * table->headings->len + column);
}

void
paraat_export_table_add_row (ParaatExportTable  *table,
                             const char * const *cells)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (cells != NULL);

  for (guint i = 0; i < table->headings->len; i++)
    g_ptr_array_add (table->cells, g_strdup (cells[i] ? cells[i] : ""));
}

/* Shared wording and look-ups */

static const char *
yes_no (gboolean value)
{
  return value ? _("Yes") : _("No");
}

static const char *
person_name (ParaatWorkspace *ws,
             gint64           person_id)
{
  ParaatPerson *person = person_id > 0 ? paraat_workspace_find_person (ws, person_id) : NULL;

  return person ? paraat_person_get_name (person) : "";
}

static char *
format_int (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* "" for 0, which the registers use for "not set" */
static char *
format_optional (gint64 value)
{
  return value ? format_int (value) : g_strdup ("");
}

/* Local calendar day of a millisecond timestamp; "" for 0 */
static char *
format_day (gint64 ms)
{
  g_autoptr(GDateTime) utc = ms ? g_date_time_new_from_unix_utc (ms / 1000) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d") : g_strdup ("");
}

static char *
tracks_label (guint tracks)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint bit = PARAAT_TRACK_POLICY; bit <= PARAAT_TRACK_MONITORING; bit <<= 1)
    if (tracks & bit)
      g_string_append_printf (out, "%s%s", out->len ? "; " : "", paraat_track_label (bit));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Names of linked items, "; "-separated, looked up once per export */
typedef struct
{
  ParaatWorkspace *ws;
  GHashTable      *requirements;   /* gint64 * id → char * "A.5.1 Policies …" */
  GHashTable      *scope_items;
  GHashTable      *actions;
  GHashTable      *risks;
} Names;

static void
names_init (Names           *names,
            ParaatWorkspace *ws)
{
  names->ws = ws;
  names->requirements = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  names->scope_items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  names->actions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  names->risks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static void
names_clear (Names *names)
{
  g_hash_table_unref (names->requirements);
  g_hash_table_unref (names->scope_items);
  g_hash_table_unref (names->actions);
  g_hash_table_unref (names->risks);
}

typedef enum { NAME_REQUIREMENT, NAME_SCOPE_ITEM, NAME_ACTION, NAME_RISK } NameKind;

static const char *
names_lookup (Names    *names,
              NameKind  kind,
              gint64    id)
{
  GHashTable *cache = kind == NAME_REQUIREMENT ? names->requirements
                      : kind == NAME_SCOPE_ITEM ? names->scope_items
                      : kind == NAME_ACTION ? names->actions : names->risks;
  const char *cached = g_hash_table_lookup (cache, &id);
  char *name = NULL;

  if (cached != NULL)
    return cached;

  if (kind == NAME_REQUIREMENT)
    {
      g_autoptr(ParaatRequirement) r = paraat_workspace_get_requirement (names->ws, id, NULL);
      name = r ? paraat_requirement_dup_display_name (r) : NULL;
    }
  else if (kind == NAME_SCOPE_ITEM)
    {
      g_autoptr(ParaatScopeItem) item = paraat_workspace_get_scope_item (names->ws, id, NULL);
      name = item ? g_strdup (paraat_scope_item_get_name (item)) : NULL;
    }
  else if (kind == NAME_ACTION)
    {
      g_autoptr(ParaatAction) action = paraat_workspace_get_action (names->ws, id, NULL);
      name = action ? g_strdup (paraat_action_get_title (action)) : NULL;
    }
  else
    {
      g_autoptr(ParaatRisk) risk = paraat_workspace_get_risk (names->ws, id, NULL);
      name = risk ? g_strdup (paraat_risk_get_title (risk)) : NULL;
    }

  if (name == NULL)
    name = g_strdup_printf ("#%" G_GINT64_FORMAT, id);
  g_hash_table_insert (cache, g_memdup2 (&id, sizeof id), name);
  return name;
}

static char *
names_join (Names        *names,
            NameKind      kind,
            const gint64 *ids,
            guint         n)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s", i ? "; " : "", names_lookup (names, kind, ids[i]));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef const char *(*ItemText) (gpointer item);

/* The texts of every item of MODEL, "; "-separated */
static char *
join_model (GListModel *model,
            ItemText    text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_string_append_printf (out, "%s%s", i ? "; " : "", text (item));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static ParaatFramework *
find_framework (ParaatWorkspace  *ws,
                const char       *key,
                GError          **error)
{
  GListModel *frameworks = paraat_workspace_get_frameworks (ws);

  for (guint i = 0; i < g_list_model_get_n_items (frameworks); i++)
    {
      g_autoptr(ParaatFramework) framework = g_list_model_get_item (frameworks, i);

      if (g_strcmp0 (paraat_framework_get_key (framework), key) == 0)
        return g_steal_pointer (&framework);
    }
  g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND,
               _("The workspace has no framework “%s”. Run “paraat-cli catalogs” to see "
                 "which it has."), key);
  return NULL;
}

/* Statement of Applicability: every Annex A control of ISO/IEC 27001:2022 */

static char *
dup_requirement_name (ParaatRequirement *r)
{
  return paraat_requirement_dup_display_name (r);
}

static char *
mapped_nis2 (ParaatWorkspace *ws,
             gint64           requirement_id)
{
  g_autoptr(GListModel) mapped = paraat_workspace_list_mapped (ws, requirement_id, NULL);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; mapped != NULL && i < g_list_model_get_n_items (mapped); i++)
    {
      g_autoptr(ParaatRequirement) r = g_list_model_get_item (mapped, i);
      g_autofree char *name = NULL;

      if (g_strcmp0 (paraat_requirement_get_framework_key (r), NIS2_KEY) != 0)
        continue;
      name = dup_requirement_name (r);
      g_string_append_printf (out, "%s%s", out->len ? "; " : "", name);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static ParaatExportTable *
build_soa (ParaatWorkspace  *ws,
           GError          **error)
{
  const char *headings[] = {
    _("Control"), _("Title"), _("Applicable"), _("Justification"),
    _("Implementation status"), _("Owner"), _("Evidence"), _("NIS2 measures"),
  };
  g_autoptr(ParaatExportTable) table = table_new (PARAAT_EXPORT_SOA,
                                                  _("Statement of Applicability"),
                                                  headings, G_N_ELEMENTS (headings));
  g_autoptr(ParaatFramework) iso = find_framework (ws, PARAAT_EXPORT_SOA_FRAMEWORK, error);
  g_autoptr(GListModel) requirements = NULL;

  if (iso == NULL ||
      !(requirements = paraat_workspace_list_requirements (ws, paraat_framework_get_id (iso),
                                                           error)))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(ParaatRequirement) r = g_list_model_get_item (requirements, i);
      gint64 id = paraat_requirement_get_id (r);
      g_autoptr(GListModel) evidence = NULL;
      g_autofree char *evidence_titles = NULL;
      g_autofree char *nis2 = NULL;

      if (g_strcmp0 (paraat_requirement_get_kind (r), "control") != 0)
        continue;

      evidence = paraat_workspace_list_evidence_for_requirement (ws, id, NULL);
      evidence_titles = join_model (evidence, (ItemText) paraat_evidence_get_title);
      nis2 = mapped_nis2 (ws, id);
      {
        const char *cells[] = {
          paraat_requirement_get_label (r), paraat_requirement_get_title (r),
          yes_no (paraat_requirement_get_applicable (r)),
          paraat_requirement_get_justification (r),
          paraat_implementation_status_label (paraat_requirement_get_status (r)),
          person_name (ws, paraat_requirement_get_owner_id (r)), evidence_titles, nis2,
        };
        paraat_export_table_add_row (table, cells);
      }
    }
  return g_steal_pointer (&table);
}

/* Requirements of one or all enabled frameworks */

static guint
count_open_actions (ParaatWorkspace *ws,
                    gint64           requirement_id)
{
  g_autoptr(GListModel) actions = paraat_workspace_list_requirement_actions (ws, requirement_id,
                                                                             NULL);
  guint n = 0;

  for (guint i = 0; actions != NULL && i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(ParaatAction) action = g_list_model_get_item (actions, i);
      n += paraat_action_is_active (action);
    }
  return n;
}

static gboolean
add_requirement_rows (ParaatExportTable  *table,
                      ParaatWorkspace    *ws,
                      ParaatFramework    *framework,
                      GError            **error)
{
  g_autoptr(GListModel) requirements =
    paraat_workspace_list_requirements (ws, paraat_framework_get_id (framework), error);

  if (requirements == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(ParaatRequirement) r = g_list_model_get_item (requirements, i);
      gint64 id = paraat_requirement_get_id (r);
      g_autoptr(GListModel) evidence = paraat_workspace_list_evidence_for_requirement (ws, id,
                                                                                      NULL);
      g_autofree char *n_evidence = format_int (evidence ? g_list_model_get_n_items (evidence)
                                                         : 0);
      g_autofree char *fresh = tracks_label (paraat_workspace_get_fresh_tracks (ws, id));
      g_autofree char *open_actions = format_int (count_open_actions (ws, id));
      const char *cells[] = {
        paraat_framework_get_title (framework), paraat_requirement_get_label (r),
        paraat_requirement_get_title (r), yes_no (paraat_requirement_get_applicable (r)),
        paraat_requirement_get_justification (r),
        paraat_implementation_status_label (paraat_requirement_get_status (r)),
        person_name (ws, paraat_requirement_get_owner_id (r)), n_evidence, fresh,
        open_actions,
      };

      paraat_export_table_add_row (table, cells);
    }
  return TRUE;
}

static ParaatExportTable *
build_requirements (ParaatWorkspace  *ws,
                    const char       *framework_key,
                    GError          **error)
{
  const char *headings[] = {
    _("Framework"), _("Identifier"), _("Title"), _("Applicable"), _("Justification"),
    _("Implementation status"), _("Owner"), _("Evidence items"), _("Tracks with fresh evidence"),
    _("Open actions"),
  };
  g_autoptr(ParaatExportTable) table = table_new (PARAAT_EXPORT_REQUIREMENTS, _("Requirements"),
                                                  headings, G_N_ELEMENTS (headings));

  if (framework_key != NULL)
    {
      g_autoptr(ParaatFramework) framework = find_framework (ws, framework_key, error);

      if (framework == NULL || !add_requirement_rows (table, ws, framework, error))
        return NULL;
    }
  else
    {
      GListModel *frameworks = paraat_workspace_get_frameworks (ws);

      for (guint i = 0; i < g_list_model_get_n_items (frameworks); i++)
        {
          g_autoptr(ParaatFramework) framework = g_list_model_get_item (frameworks, i);

          if (paraat_framework_get_enabled (framework) &&
              !add_requirement_rows (table, ws, framework, error))
            return NULL;
        }
    }
  return g_steal_pointer (&table);
}

/* Actions */

static ParaatExportTable *
build_actions (ParaatWorkspace  *ws,
               GError          **error)
{
  const char *headings[] = {
    _("Title"), _("What and why"), _("Status"), _("Owner"), _("Due"), _("Days overdue"),
    _("Priority"), _("Source"), _("Requirements"), _("Required evidence track"),
    _("Required evidence"), _("Evidence items"), _("Project"), _("Quarter"), _("Created"),
    _("Closed"), _("Reviewer"), _("Verification note"), _("Cancellation reason"),
  };
  g_autoptr(ParaatExportTable) table = table_new (PARAAT_EXPORT_ACTIONS, _("Actions"),
                                                  headings, G_N_ELEMENTS (headings));
  g_autoptr(GListModel) actions = paraat_workspace_list_actions (ws, error);
  Names names;

  if (actions == NULL)
    return NULL;

  names_init (&names, ws);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(ParaatAction) a = g_list_model_get_item (actions, i);
      guint n_requirements = 0;
      const gint64 *requirement_ids = paraat_action_get_requirement_ids (a, &n_requirements);
      g_autofree char *requirements = names_join (&names, NAME_REQUIREMENT, requirement_ids,
                                                  n_requirements);
      g_autofree char *overdue = paraat_action_is_overdue (a)
                                 ? format_int (paraat_action_get_days_overdue (a))
                                 : g_strdup ("");
      g_autofree char *n_evidence = format_int (paraat_action_get_n_evidence (a));
      g_autofree char *created = format_day (paraat_action_get_created_ms (a));
      g_autofree char *closed = format_day (paraat_action_get_closed_ms (a));
      const char *cells[] = {
        paraat_action_get_title (a), paraat_action_get_decision (a),
        paraat_action_status_label (paraat_action_get_status (a)),
        paraat_action_get_owner_name (a), paraat_action_get_due_date (a), overdue,
        paraat_priority_label (paraat_action_get_priority (a)),
        paraat_action_source_label (paraat_action_get_source (a)), requirements,
        paraat_track_label (paraat_action_get_required_track (a)),
        paraat_action_get_required_evidence (a), n_evidence, paraat_action_get_project (a),
        paraat_action_get_quarter (a), created, closed, paraat_action_get_reviewer_name (a),
        paraat_action_get_verification_note (a), paraat_action_get_cancel_reason (a),
      };

      paraat_export_table_add_row (table, cells);
    }
  names_clear (&names);
  return g_steal_pointer (&table);
}

/* Risks */

static ParaatExportTable *
build_risks (ParaatWorkspace  *ws,
             GError          **error)
{
  const char *headings[] = {
    _("Title"), _("Scenario"), _("Threat"), _("Vulnerability"), _("Likelihood"), _("Impact"),
    _("Inherent score"), _("Inherent level"), _("Treatment"), _("Owner"),
    _("Residual likelihood"), _("Residual impact"), _("Residual score"), _("Residual level"),
    _("Review date"), _("Accepted by"), _("Accepted on"), _("Affected scope items"),
    _("Requirements"), _("Treatment actions"),
  };
  g_autoptr(ParaatExportTable) table = table_new (PARAAT_EXPORT_RISKS, _("Risk register"),
                                                  headings, G_N_ELEMENTS (headings));
  g_autoptr(GListModel) risks = paraat_workspace_list_risks (ws, error);
  Names names;

  if (risks == NULL)
    return NULL;

  names_init (&names, ws);
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(ParaatRisk) k = g_list_model_get_item (risks, i);
      guint n_scope = 0, n_requirements = 0, n_actions = 0;
      const gint64 *scope_ids = paraat_risk_get_scope_item_ids (k, &n_scope);
      const gint64 *requirement_ids = paraat_risk_get_requirement_ids (k, &n_requirements);
      const gint64 *action_ids = paraat_risk_get_action_ids (k, &n_actions);
      int residual = paraat_risk_get_residual_score (k);
      g_autofree char *likelihood = format_int (paraat_risk_get_likelihood (k));
      g_autofree char *impact = format_int (paraat_risk_get_impact (k));
      g_autofree char *score = format_int (paraat_risk_get_score (k));
      g_autofree char *residual_likelihood =
        format_optional (paraat_risk_get_residual_likelihood (k));
      g_autofree char *residual_impact = format_optional (paraat_risk_get_residual_impact (k));
      g_autofree char *residual_score = format_optional (residual);
      g_autofree char *scope = names_join (&names, NAME_SCOPE_ITEM, scope_ids, n_scope);
      g_autofree char *requirements = names_join (&names, NAME_REQUIREMENT, requirement_ids,
                                                  n_requirements);
      g_autofree char *actions = names_join (&names, NAME_ACTION, action_ids, n_actions);
      const char *cells[] = {
        paraat_risk_get_title (k), paraat_risk_get_scenario (k), paraat_risk_get_threat (k),
        paraat_risk_get_vulnerability (k), likelihood, impact, score,
        paraat_risk_level_label (paraat_risk_get_level (k)),
        paraat_treatment_label (paraat_risk_get_treatment (k)),
        paraat_risk_get_owner_name (k), residual_likelihood, residual_impact, residual_score,
        residual ? paraat_risk_level_label (paraat_risk_level_for_score (residual)) : "",
        paraat_risk_get_review_date (k), paraat_risk_get_accepted_by_name (k),
        paraat_risk_get_accepted_date (k), scope, requirements, actions,
      };

      paraat_export_table_add_row (table, cells);
    }
  names_clear (&names);
  return g_steal_pointer (&table);
}

/* Exceptions */

static ParaatExportTable *
build_exceptions (ParaatWorkspace  *ws,
                  GError          **error)
{
  const char *headings[] = {
    _("Requirements"), _("Who may deviate"), _("Justification"), _("Accepted risk"),
    _("Approved by"), _("Start"), _("Expiry"), _("State"),
  };
  g_autoptr(ParaatExportTable) table = table_new (PARAAT_EXPORT_EXCEPTIONS, _("Exceptions"),
                                                  headings, G_N_ELEMENTS (headings));
  g_autoptr(GListModel) exceptions = paraat_workspace_list_exceptions (ws, error);
  Names names;

  if (exceptions == NULL)
    return NULL;

  names_init (&names, ws);
  for (guint i = 0; i < g_list_model_get_n_items (exceptions); i++)
    {
      g_autoptr(ParaatException) e = g_list_model_get_item (exceptions, i);
      guint n_requirements = 0;
      const gint64 *requirement_ids = paraat_exception_get_requirement_ids (e, &n_requirements);
      g_autofree char *requirements = names_join (&names, NAME_REQUIREMENT, requirement_ids,
                                                  n_requirements);
      gint64 risk_id = paraat_exception_get_risk_id (e);
      const char *cells[] = {
        requirements, paraat_exception_get_holder_name (e),
        paraat_exception_get_justification (e),
        risk_id ? names_lookup (&names, NAME_RISK, risk_id) : "",
        paraat_exception_get_approver_name (e), paraat_exception_get_start_date (e),
        paraat_exception_get_expiry_date (e),
        paraat_exception_state_label (paraat_exception_get_state (e)),
      };

      paraat_export_table_add_row (table, cells);
    }
  names_clear (&names);
  return g_steal_pointer (&table);
}

/* Scope */

static ParaatExportTable *
build_scope (ParaatWorkspace  *ws,
             GError          **error)
{
  const char *headings[] = {
    _("Kind"), _("Name"), _("Description"), _("In scope"), _("Justification"), _("Risks"),
  };
  g_autoptr(ParaatExportTable) table = table_new (PARAAT_EXPORT_SCOPE, _("Scope"),
                                                  headings, G_N_ELEMENTS (headings));
  g_autoptr(GListModel) items = paraat_workspace_list_scope_items (ws, error);

  if (items == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ParaatScopeItem) item = g_list_model_get_item (items, i);
      g_autofree char *n_risks = format_int (paraat_scope_item_get_n_risks (item));
      const char *cells[] = {
        paraat_scope_kind_label (paraat_scope_item_get_kind (item)),
        paraat_scope_item_get_name (item), paraat_scope_item_get_description (item),
        yes_no (paraat_scope_item_get_in_scope (item)),
        paraat_scope_item_get_justification (item), n_risks,
      };

      paraat_export_table_add_row (table, cells);
    }
  return g_steal_pointer (&table);
}

/* Evidence */

static ParaatExportTable *
build_evidence (ParaatWorkspace  *ws,
                GError          **error)
{
  const char *headings[] = {
    _("Title"), _("Track"), _("Date"), _("Valid until"), _("Freshness"), _("Owner"),
    _("File name"), _("SHA-256"), _("Size in bytes"), _("Revision"), _("Requirements"),
  };
  g_autoptr(ParaatExportTable) table = table_new (PARAAT_EXPORT_EVIDENCE, _("Evidence"),
                                                  headings, G_N_ELEMENTS (headings));
  g_autoptr(GListModel) evidence = paraat_workspace_list_evidence (ws, error);

  if (evidence == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(ParaatEvidence) e = g_list_model_get_item (evidence, i);
      g_autoptr(GListModel) links = paraat_workspace_list_evidence_links (ws,
                                                                           paraat_evidence_get_id (e),
                                                                           NULL);
      g_autoptr(GString) requirements = g_string_new (NULL);
      g_autofree char *size = format_int (paraat_evidence_get_size (e));
      g_autofree char *revision = format_int (paraat_evidence_get_revision (e));

      for (guint j = 0; links != NULL && j < g_list_model_get_n_items (links); j++)
        {
          g_autoptr(ParaatRequirement) r = g_list_model_get_item (links, j);
          g_autofree char *name = dup_requirement_name (r);
          g_string_append_printf (requirements, "%s%s", j ? "; " : "", name);
        }
      {
        const char *cells[] = {
          paraat_evidence_get_title (e), paraat_track_label (paraat_evidence_get_track (e)),
          paraat_evidence_get_evidence_date (e), paraat_evidence_get_valid_until (e),
          paraat_freshness_label (paraat_evidence_get_freshness (e)),
          person_name (ws, paraat_evidence_get_owner_id (e)),
          paraat_evidence_get_file_name (e), paraat_evidence_get_hash (e), size, revision,
          requirements->str,
        };
        paraat_export_table_add_row (table, cells);
      }
    }
  return g_steal_pointer (&table);
}

/* Management reviews: one row per decision; a review without decisions still gets a row,
 * with the decision cells empty, so it does not vanish from the export. */

static ParaatExportTable *
build_reviews (ParaatWorkspace  *ws,
               GError          **error)
{
  const char *headings[] = {
    _("Review"), _("Date"), _("Chair"), _("Finalised"), _("Decision"), _("Actions"),
    _("No action needed, because"), _("Flagged as vague"),
  };
  g_autoptr(ParaatExportTable) table = table_new (PARAAT_EXPORT_REVIEWS,
                                                  _("Management reviews"),
                                                  headings, G_N_ELEMENTS (headings));
  g_autoptr(GListModel) reviews = paraat_workspace_list_reviews (ws, error);

  if (reviews == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (reviews); i++)
    {
      g_autoptr(ParaatReview) review = g_list_model_get_item (reviews, i);
      g_autoptr(GListModel) decisions =
        paraat_workspace_list_review_decisions (ws, paraat_review_get_id (review), error);
      const char *finalised = yes_no (paraat_review_is_finalised (review));
      guint n;

      if (decisions == NULL)
        return NULL;

      n = g_list_model_get_n_items (decisions);
      if (n == 0)
        {
          const char *cells[] = {
            paraat_review_get_title (review), paraat_review_get_date (review),
            paraat_review_get_chair_name (review), finalised, "", "", "", "",
          };
          paraat_export_table_add_row (table, cells);
        }
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(ParaatReviewDecision) d = g_list_model_get_item (decisions, j);
          g_autoptr(GListModel) actions =
            paraat_workspace_list_decision_actions (ws, paraat_review_decision_get_id (d),
                                                    NULL);
          g_autofree char *titles = join_model (actions, (ItemText) paraat_action_get_title);
          const char *cells[] = {
            paraat_review_get_title (review), paraat_review_get_date (review),
            paraat_review_get_chair_name (review), finalised,
            paraat_review_decision_get_text (d), titles,
            paraat_review_decision_get_no_action_reason (d),
            yes_no (paraat_review_decision_is_flagged (d)),
          };

          paraat_export_table_add_row (table, cells);
        }
    }
  return g_steal_pointer (&table);
}

ParaatExportTable *
paraat_workspace_build_export (ParaatWorkspace   *self,
                               ParaatExportKind   kind,
                               const char        *framework_key,
                               GError           **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (kind < PARAAT_N_EXPORTS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (kind)
    {
    case PARAAT_EXPORT_SOA: return build_soa (self, error);
    case PARAAT_EXPORT_REQUIREMENTS: return build_requirements (self, framework_key, error);
    case PARAAT_EXPORT_ACTIONS: return build_actions (self, error);
    case PARAAT_EXPORT_RISKS: return build_risks (self, error);
    case PARAAT_EXPORT_EXCEPTIONS: return build_exceptions (self, error);
    case PARAAT_EXPORT_SCOPE: return build_scope (self, error);
    case PARAAT_EXPORT_EVIDENCE: return build_evidence (self, error);
    case PARAAT_EXPORT_REVIEWS: return build_reviews (self, error);
    case PARAAT_N_EXPORTS:
    default: g_assert_not_reached ();
    }
}

/* CSV */

gboolean
paraat_export_table_write_csv (ParaatExportTable  *table,
                               const char         *path,
                               GError            **error)
{
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GFile) partial = NULL;
  g_autoptr(GOutputStream) out = NULL;
  /* UTF-8 with a byte order mark: without it, spreadsheet programs (Excel above all) read
   * the file in a legacy code page and garble accented names such as "Noël". */
  g_autoptr(GString) text = g_string_new ("\xEF\xBB\xBF");
  g_autoptr(GError) local_error = NULL;
  guint n_columns, n_rows;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  n_columns = table->headings->len;
  n_rows = paraat_export_table_get_n_rows (table);
  paraat_csv_append_row (text, (const char * const *) table->headings->pdata, n_columns);
  for (guint row = 0; row < n_rows; row++)
    paraat_csv_append_row (text,
                           (const char * const *) table->cells->pdata + (gsize) row * n_columns,
                           n_columns);

  destination = g_file_new_for_path (path);
  out = paraat_partial_file_create (destination, &partial, NULL, &local_error);
  if (out != NULL &&
      !g_output_stream_write_all (out, text->str, text->len, NULL, NULL, &local_error))
    paraat_partial_file_discard (out, partial);
  else if (out != NULL &&
           paraat_partial_file_commit (out, partial, destination, NULL, &local_error))
    return TRUE;

  return paraat_partial_file_set_error (path, local_error, error);
}

/* ODS */

#define ODS_MIMETYPE "application/vnd.oasis.opendocument.spreadsheet"
#define NS_OFFICE    "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE     "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT      "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE     "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_FO        "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_MANIFEST  "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

/* A whole number a spreadsheet can add up: no sign but minus, no leading zeros (those are
 * codes, such as "007"), and few enough digits to stay exact as a double. */
static gboolean
is_integer_cell (const char *value)
{
  const char *digits = value[0] == '-' ? value + 1 : value;
  gsize n = strspn (digits, "0123456789");

  if (n == 0 || digits[n] != '\0' || n > 15)
    return FALSE;
  if (digits[0] == '0')
    return n == 1 && digits == value;   /* "0", but neither "-0" nor "01" */
  return TRUE;
}

/* VALUE as valid UTF-8 without the characters XML 1.0 cannot hold */
static char *
xml_text (const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* One text:p per line; ODF collapses white space, so tabs and runs of spaces are
 * written as text:tab and text:s. */
static void
write_paragraphs (xmlTextWriterPtr  writer,
                  const char       *text)
{
  g_autofree char *clean = xml_text (text);
  g_autoptr(GString) run = g_string_new (NULL);
  const char *p = clean;

  for (;;)
    {
      xmlTextWriterStartElementNS (writer, BAD_CAST "text", BAD_CAST "p", NULL);
      while (*p != '\0' && *p != '\n' && *p != '\r')
        {
          if (*p == '\t')
            {
              xmlTextWriterWriteString (writer, BAD_CAST run->str);
              g_string_truncate (run, 0);
              xmlTextWriterStartElementNS (writer, BAD_CAST "text", BAD_CAST "tab", NULL);
              xmlTextWriterEndElement (writer);
              p++;
            }
          else if (*p == ' ')
            {
              /* A space between two characters of text stays as it is; any other (more
               * than one, at the start or end, beside a tab) becomes text:s. */
              gsize n = strspn (p, " ");
              gboolean before = run->len > 0;
              gboolean after = strchr ("\t\r\n", p[n]) == NULL;   /* also false at the end */

              p += n;
              if (before && after)
                {
                  g_string_append_c (run, ' ');
                  n--;
                }
              if (n == 0)
                continue;
              xmlTextWriterWriteString (writer, BAD_CAST run->str);
              g_string_truncate (run, 0);
              xmlTextWriterStartElementNS (writer, BAD_CAST "text", BAD_CAST "s", NULL);
              if (n > 1)
                xmlTextWriterWriteFormatAttributeNS (writer, BAD_CAST "text", BAD_CAST "c",
                                                     NULL, "%" G_GSIZE_FORMAT, n);
              xmlTextWriterEndElement (writer);
            }
          else
            g_string_append_c (run, *p++);
        }
      xmlTextWriterWriteString (writer, BAD_CAST run->str);
      g_string_truncate (run, 0);
      xmlTextWriterEndElement (writer);

      if (*p == '\0')
        break;
      if (p[0] == '\r' && p[1] == '\n')
        p++;
      p++;
    }
}

static void
write_cell (xmlTextWriterPtr  writer,
            const char       *value,
            const char       *style)
{
  xmlTextWriterStartElementNS (writer, BAD_CAST "table", BAD_CAST "table-cell", NULL);
  if (style != NULL)
    xmlTextWriterWriteAttributeNS (writer, BAD_CAST "table", BAD_CAST "style-name", NULL,
                                   BAD_CAST style);
  if (is_integer_cell (value))
    {
      xmlTextWriterWriteAttributeNS (writer, BAD_CAST "office", BAD_CAST "value-type", NULL,
                                     BAD_CAST "float");
      xmlTextWriterWriteAttributeNS (writer, BAD_CAST "office", BAD_CAST "value", NULL,
                                     BAD_CAST value);
      write_paragraphs (writer, value);
    }
  else
    {
      /* Calc never runs a text cell as a formula, but the visible value is kept the same
       * as in the CSV export, so both files of one register read alike. */
      g_autofree char *text = NULL;

      if (value[0] != '\0' && strchr ("=+-@'\t\r", value[0]) != NULL)
        value = text = g_strconcat ("'", value, NULL);
      xmlTextWriterWriteAttributeNS (writer, BAD_CAST "office", BAD_CAST "value-type", NULL,
                                     BAD_CAST "string");
      write_paragraphs (writer, value);
    }
  xmlTextWriterEndElement (writer);
}

/* Sheet names may not hold []*?:/\ and, for Excel, not be longer than 31 characters */
static char *
sheet_name (ParaatExportTable *table)
{
  g_autofree char *clean = xml_text (table->title ? table->title : "");
  GString *name = g_string_new (NULL);
  guint n = 0;

  for (const char *p = clean; *p && n < 31; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || strchr ("[]*?:/\\", (int) (c < 0x80 ? c : 'x')) != NULL)
        continue;
      g_string_append_unichar (name, c);
      n++;
    }
  g_strstrip (name->str);
  g_string_set_size (name, strlen (name->str));
  if (name->len == 0)
    g_string_assign (name, paraat_export_kind_to_string (table->kind));
  return g_string_free (name, FALSE);
}

static void
start_document (xmlTextWriterPtr  writer,
                const char       *root)
{
  xmlTextWriterStartDocument (writer, NULL, "UTF-8", NULL);
  xmlTextWriterStartElementNS (writer, BAD_CAST "office", BAD_CAST root, BAD_CAST NS_OFFICE);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns:style", BAD_CAST NS_STYLE);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns:text", BAD_CAST NS_TEXT);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns:table", BAD_CAST NS_TABLE);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns:fo", BAD_CAST NS_FO);
  xmlTextWriterWriteAttributeNS (writer, BAD_CAST "office", BAD_CAST "version", NULL,
                                 BAD_CAST "1.2");
}

static void
write_content (xmlTextWriterPtr   writer,
               ParaatExportTable *table)
{
  g_autofree char *name = sheet_name (table);
  guint n_columns = table->headings->len;
  guint n_rows = paraat_export_table_get_n_rows (table);

  start_document (writer, "document-content");

  xmlTextWriterStartElementNS (writer, BAD_CAST "office", BAD_CAST "automatic-styles", NULL);
  xmlTextWriterStartElementNS (writer, BAD_CAST "style", BAD_CAST "style", NULL);
  xmlTextWriterWriteAttributeNS (writer, BAD_CAST "style", BAD_CAST "name", NULL,
                                 BAD_CAST "heading");
  xmlTextWriterWriteAttributeNS (writer, BAD_CAST "style", BAD_CAST "family", NULL,
                                 BAD_CAST "table-cell");
  xmlTextWriterStartElementNS (writer, BAD_CAST "style", BAD_CAST "text-properties", NULL);
  xmlTextWriterWriteAttributeNS (writer, BAD_CAST "fo", BAD_CAST "font-weight", NULL,
                                 BAD_CAST "bold");
  xmlTextWriterEndElement (writer);   /* style:text-properties */
  xmlTextWriterEndElement (writer);   /* style:style */
  xmlTextWriterEndElement (writer);   /* office:automatic-styles */

  xmlTextWriterStartElementNS (writer, BAD_CAST "office", BAD_CAST "body", NULL);
  xmlTextWriterStartElementNS (writer, BAD_CAST "office", BAD_CAST "spreadsheet", NULL);
  xmlTextWriterStartElementNS (writer, BAD_CAST "table", BAD_CAST "table", NULL);
  xmlTextWriterWriteAttributeNS (writer, BAD_CAST "table", BAD_CAST "name", NULL,
                                 BAD_CAST name);

  xmlTextWriterStartElementNS (writer, BAD_CAST "table", BAD_CAST "table-column", NULL);
  if (n_columns > 1)
    xmlTextWriterWriteFormatAttributeNS (writer, BAD_CAST "table",
                                         BAD_CAST "number-columns-repeated", NULL, "%u",
                                         n_columns);
  xmlTextWriterEndElement (writer);

  xmlTextWriterStartElementNS (writer, BAD_CAST "table", BAD_CAST "table-header-rows", NULL);
  xmlTextWriterStartElementNS (writer, BAD_CAST "table", BAD_CAST "table-row", NULL);
  for (guint c = 0; c < n_columns; c++)
    write_cell (writer, g_ptr_array_index (table->headings, c), "heading");
  xmlTextWriterEndElement (writer);   /* table:table-row */
  xmlTextWriterEndElement (writer);   /* table:table-header-rows */

  for (guint r = 0; r < n_rows; r++)
    {
      xmlTextWriterStartElementNS (writer, BAD_CAST "table", BAD_CAST "table-row", NULL);
      for (guint c = 0; c < n_columns; c++)
        write_cell (writer, g_ptr_array_index (table->cells, (gsize) r * n_columns + c), NULL);
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterEndDocument (writer);
}

static void
write_styles (xmlTextWriterPtr writer)
{
  start_document (writer, "document-styles");
  xmlTextWriterEndDocument (writer);
}

static void
write_manifest (xmlTextWriterPtr writer)
{
  static const char * const files[][2] = {
    { "/", ODS_MIMETYPE },
    { "content.xml", "text/xml" },
    { "styles.xml", "text/xml" },
  };

  xmlTextWriterStartDocument (writer, NULL, "UTF-8", NULL);
  xmlTextWriterStartElementNS (writer, BAD_CAST "manifest", BAD_CAST "manifest",
                               BAD_CAST NS_MANIFEST);
  xmlTextWriterWriteAttributeNS (writer, BAD_CAST "manifest", BAD_CAST "version", NULL,
                                 BAD_CAST "1.2");
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      xmlTextWriterStartElementNS (writer, BAD_CAST "manifest", BAD_CAST "file-entry", NULL);
      xmlTextWriterWriteAttributeNS (writer, BAD_CAST "manifest", BAD_CAST "full-path", NULL,
                                     BAD_CAST files[i][0]);
      if (i == 0)
        xmlTextWriterWriteAttributeNS (writer, BAD_CAST "manifest", BAD_CAST "version", NULL,
                                       BAD_CAST "1.2");
      xmlTextWriterWriteAttributeNS (writer, BAD_CAST "manifest", BAD_CAST "media-type", NULL,
                                     BAD_CAST files[i][1]);
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterEndDocument (writer);
}

/* Runs WRITE into memory and adds the document to the archive as NAME */
static gboolean
add_xml (ParaatZip  *zip,
         const char *name,
         void      (*write) (xmlTextWriterPtr writer, gpointer data),
         gpointer    data)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr writer = buffer ? xmlNewTextWriterMemory (buffer, 0) : NULL;
  gboolean ok;

  if (writer == NULL)
    {
      if (buffer != NULL)
        xmlBufferFree (buffer);
      return FALSE;
    }
  write (writer, data);
  ok = xmlTextWriterFlush (writer) >= 0;
  xmlFreeTextWriter (writer);
  if (ok)
    paraat_zip_add_stored (zip, name, xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return ok;
}

static void
content_cb (xmlTextWriterPtr writer,
            gpointer         data)
{
  write_content (writer, data);
}

static void
styles_cb (xmlTextWriterPtr writer,
           gpointer         data)
{
  write_styles (writer);
}

static void
manifest_cb (xmlTextWriterPtr writer,
             gpointer         data)
{
  write_manifest (writer);
}

gboolean
paraat_export_table_write_ods (ParaatExportTable  *table,
                               const char         *path,
                               GError            **error)
{
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GFile) partial = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(ParaatZip) zip = NULL;
  g_autoptr(GBytes) archive = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The mimetype first and stored, so that tools recognise the file by its first bytes */
  zip = paraat_zip_new ();
  paraat_zip_add_stored (zip, "mimetype", ODS_MIMETYPE, strlen (ODS_MIMETYPE));
  if (!add_xml (zip, "META-INF/manifest.xml", manifest_cb, NULL) ||
      !add_xml (zip, "styles.xml", styles_cb, NULL) ||
      !add_xml (zip, "content.xml", content_cb, table) ||
      !(archive = paraat_zip_finish (zip)))
    {
      g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_FAILED, g_strerror (EFBIG));
      return paraat_partial_file_set_error (path, local_error, error);
    }

  destination = g_file_new_for_path (path);
  out = paraat_partial_file_create (destination, &partial, NULL, &local_error);
  if (out != NULL &&
      !g_output_stream_write_all (out, g_bytes_get_data (archive, NULL),
                                  g_bytes_get_size (archive), NULL, NULL, &local_error))
    paraat_partial_file_discard (out, partial);
  else if (out != NULL &&
           paraat_partial_file_commit (out, partial, destination, NULL, &local_error))
    return TRUE;

  return paraat_partial_file_set_error (path, local_error, error);
}

/* PDF */

gboolean
paraat_export_table_write_pdf (ParaatExportTable  *table,
                               const char         *organisation,
                               const char         *path,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_autoptr(ParaatPdf) pdf = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *today = paraat_evidence_today ();
  g_autofree char *date = paraat_format_date_long (today);
  g_autofree char *line = NULL;
  guint n_columns;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  n_columns = table->headings->len;

  /* Each row points at its first cell: the PDF copies n_columns cells from there */
  for (guint i = 0; i + n_columns <= table->cells->len; i += n_columns)
    g_ptr_array_add (rows, &table->cells->pdata[i]);
  /* Translators: under a register's title in a PDF: organisation, then the date */
  line = g_strdup_printf (_("%1$s · %2$s"), organisation != NULL ? organisation : "", date);

  pdf = paraat_pdf_new (table->title, TRUE);
  paraat_pdf_add_section (pdf, table->title);
  paraat_pdf_add_note (pdf, line);
  paraat_pdf_add_table (pdf, n_columns, (const char * const *) table->headings->pdata, NULL,
                        rows);
  return paraat_pdf_write (pdf, path, cancellable, error);
}

/* Building and writing */

gboolean
paraat_export_table_write (ParaatExportTable  *table,
                           ParaatExportFormat  format,
                           const char         *organisation,
                           const char         *path,
                           GCancellable       *cancellable,
                           GError            **error)
{
  switch (format)
    {
    case PARAAT_EXPORT_ODS:
      return paraat_export_table_write_ods (table, path, error);
    case PARAAT_EXPORT_PDF:
      return paraat_export_table_write_pdf (table, organisation, path, cancellable, error);
    case PARAAT_EXPORT_CSV:
    default:
      return paraat_export_table_write_csv (table, path, error);
    }
}

gboolean
paraat_workspace_export (ParaatWorkspace    *self,
                         ParaatExportKind    kind,
                         const char         *framework_key,
                         ParaatExportFormat  format,
                         const char         *language,
                         const char         *path,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr(ParaatLanguageScope) scope = NULL;
  g_autoptr(ParaatExportTable) table = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return (scope = paraat_i18n_enter_language (language, error)) != NULL &&
         (table = paraat_workspace_build_export (self, kind, framework_key, error)) != NULL &&
         paraat_export_table_write (table, format, paraat_workspace_get_organisation (self),
                                    path, cancellable, error);
}

typedef struct
{
  char               *workspace_path;
  ParaatExportKind    kind;
  char               *framework_key;
  ParaatExportFormat  format;
  char               *language;
  char               *path;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_free (request->workspace_path);
  g_free (request->framework_key);
  g_free (request->language);
  g_free (request->path);
  g_free (request);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportRequest *request = task_data;
  g_autoptr(ParaatWorkspace) reader = NULL;
  GError *error = NULL;

  if ((reader = paraat_workspace_open_reader (request->workspace_path, &error)) &&
      paraat_workspace_export (reader, request->kind, request->framework_key, request->format,
                               request->language, request->path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
paraat_export_async (const char          *workspace_path,
                     ParaatExportKind     kind,
                     const char          *framework_key,
                     ParaatExportFormat   format,
                     const char          *language,
                     const char          *path,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportRequest *request = g_new0 (ExportRequest, 1);

  request->workspace_path = g_strdup (workspace_path);
  request->kind = kind;
  request->framework_key = g_strdup (framework_key);
  request->format = format;
  request->language = g_strdup (language);
  request->path = g_strdup (path);
  g_task_set_source_tag (task, paraat_export_async);
  g_task_set_task_data (task, request, (GDestroyNotify) export_request_free);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, export_thread);
}

gboolean
paraat_export_finish (GAsyncResult  *result,
                      GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
