/* paraat-risk.h — one risk story: the scope register, the risk register and exceptions,
 * linked to requirements and actions
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_SCOPE_ITEM (paraat_scope_item_get_type ())
#define PARAAT_TYPE_RISK       (paraat_risk_get_type ())
#define PARAAT_TYPE_EXCEPTION  (paraat_exception_get_type ())

G_DECLARE_FINAL_TYPE (ParaatScopeItem, paraat_scope_item, PARAAT, SCOPE_ITEM, GObject)
G_DECLARE_FINAL_TYPE (ParaatRisk, paraat_risk, PARAAT, RISK, GObject)
G_DECLARE_FINAL_TYPE (ParaatException, paraat_exception, PARAAT, EXCEPTION, GObject)

/* Scope */

typedef enum
{
  PARAAT_SCOPE_SYSTEM,
  PARAAT_SCOPE_SUPPLIER,
  PARAAT_SCOPE_LOCATION,
  PARAAT_SCOPE_PROCESS,
  PARAAT_SCOPE_ROLE,
  PARAAT_N_SCOPE_KINDS
} ParaatScopeKind;

/* NAME required; an item out of scope needs a JUSTIFICATION (in scope: optional). */
typedef struct
{
  ParaatScopeKind kind;
  const char     *name;
  const char     *description;
  gboolean        in_scope;
  const char     *justification;
} ParaatScopeSpec;

gint64          paraat_scope_item_get_id            (ParaatScopeItem *self);
ParaatScopeKind paraat_scope_item_get_kind          (ParaatScopeItem *self);
const char     *paraat_scope_item_get_name          (ParaatScopeItem *self);
const char     *paraat_scope_item_get_description   (ParaatScopeItem *self);
gboolean        paraat_scope_item_get_in_scope      (ParaatScopeItem *self);
const char     *paraat_scope_item_get_justification (ParaatScopeItem *self);
/* How many risks name this item as affected */
guint           paraat_scope_item_get_n_risks       (ParaatScopeItem *self);

const char     *paraat_scope_kind_to_string         (ParaatScopeKind  kind);
const char     *paraat_scope_kind_label             (ParaatScopeKind  kind);

gint64          paraat_workspace_add_scope_item     (ParaatWorkspace        *self,
                                                     const ParaatScopeSpec  *spec,
                                                     GError                **error);
gboolean        paraat_workspace_update_scope_item  (ParaatWorkspace        *self,
                                                     gint64                  item_id,
                                                     const ParaatScopeSpec  *spec,
                                                     GError                **error);
/* Refused while a risk or an exception names it */
gboolean        paraat_workspace_remove_scope_item  (ParaatWorkspace        *self,
                                                     gint64                  item_id,
                                                     GError                **error);
/* ParaatScopeItem by kind, then name */
GListModel     *paraat_workspace_list_scope_items   (ParaatWorkspace        *self,
                                                     GError                **error);
ParaatScopeItem *paraat_workspace_get_scope_item    (ParaatWorkspace        *self,
                                                     gint64                  item_id,
                                                     GError                **error);

/* Risks */

#define PARAAT_RISK_SCALE 5   /* likelihood and impact run 1..5 */

typedef enum
{
  PARAAT_TREATMENT_MITIGATE,
  PARAAT_TREATMENT_ACCEPT,
  PARAAT_TREATMENT_TRANSFER,
  PARAAT_TREATMENT_AVOID,
  PARAAT_N_TREATMENTS
} ParaatTreatment;

/* Score = likelihood × impact (1..25): low 1–4, medium 5–9, high 10–16, critical 20–25. */
typedef enum
{
  PARAAT_RISK_LOW,
  PARAAT_RISK_MEDIUM,
  PARAAT_RISK_HIGH,
  PARAAT_RISK_CRITICAL,
} ParaatRiskLevel;

/* TITLE, OWNER and likelihood/impact 1..5 are required; residual values 0 = not assessed
 * yet, else 1..5. An accepted risk (treatment ACCEPT) needs ACCEPTED_BY (a person) and
 * ACCEPTED_DATE. REVIEW_DATE "YYYY-MM-DD" or empty. */
typedef struct
{
  const char      *title;
  const char      *scenario;
  const char      *threat;
  const char      *vulnerability;
  int              likelihood;
  int              impact;
  ParaatTreatment  treatment;
  gint64           owner_id;
  int              residual_likelihood;
  int              residual_impact;
  const char      *review_date;
  gint64           accepted_by;
  const char      *accepted_date;
  const gint64    *scope_item_ids;    /* affected systems, suppliers, … */
  guint            n_scope_items;
  const gint64    *requirement_ids;   /* any framework */
  guint            n_requirements;
  const gint64    *action_ids;        /* treatment actions */
  guint            n_actions;
} ParaatRiskSpec;

gint64          paraat_risk_get_id                  (ParaatRisk *self);
const char     *paraat_risk_get_title               (ParaatRisk *self);
const char     *paraat_risk_get_scenario            (ParaatRisk *self);
const char     *paraat_risk_get_threat              (ParaatRisk *self);
const char     *paraat_risk_get_vulnerability       (ParaatRisk *self);
int             paraat_risk_get_likelihood          (ParaatRisk *self);
int             paraat_risk_get_impact              (ParaatRisk *self);
int             paraat_risk_get_score               (ParaatRisk *self);   /* inherent */
ParaatRiskLevel paraat_risk_get_level               (ParaatRisk *self);   /* inherent */
ParaatTreatment paraat_risk_get_treatment           (ParaatRisk *self);
gint64          paraat_risk_get_owner_id            (ParaatRisk *self);
const char     *paraat_risk_get_owner_name          (ParaatRisk *self);
int             paraat_risk_get_residual_likelihood (ParaatRisk *self);   /* 0: not assessed */
int             paraat_risk_get_residual_impact     (ParaatRisk *self);
int             paraat_risk_get_residual_score      (ParaatRisk *self);   /* 0: not assessed */
const char     *paraat_risk_get_review_date         (ParaatRisk *self);
gint64          paraat_risk_get_accepted_by         (ParaatRisk *self);
const char     *paraat_risk_get_accepted_by_name    (ParaatRisk *self);
const char     *paraat_risk_get_accepted_date       (ParaatRisk *self);
const gint64   *paraat_risk_get_scope_item_ids      (ParaatRisk *self, guint *n);
const gint64   *paraat_risk_get_requirement_ids     (ParaatRisk *self, guint *n);
const gint64   *paraat_risk_get_action_ids          (ParaatRisk *self, guint *n);
/* TRUE when an affected scope item is out of scope: the UI warns */
gboolean        paraat_risk_touches_out_of_scope    (ParaatRisk *self);
/* Review date passed (by paraat_clock_now_ms()) */
gboolean        paraat_risk_is_review_due           (ParaatRisk *self);

ParaatRiskLevel paraat_risk_level_for_score         (int              score);
const char     *paraat_risk_level_label             (ParaatRiskLevel  level);
/* "low", "medium", "high", "critical" (for files and the CLI) */
const char     *paraat_risk_level_to_string         (ParaatRiskLevel  level);
const char     *paraat_treatment_to_string          (ParaatTreatment  treatment);
const char     *paraat_treatment_label              (ParaatTreatment  treatment);
/* Our own wording of the scales, e.g. likelihood 1 "Rare: less than once in ten years" */
const char     *paraat_likelihood_label             (int              value);
const char     *paraat_impact_label                 (int              value);

gint64          paraat_workspace_add_risk           (ParaatWorkspace        *self,
                                                     const ParaatRiskSpec   *spec,
                                                     GError                **error);
gboolean        paraat_workspace_update_risk        (ParaatWorkspace        *self,
                                                     gint64                  risk_id,
                                                     const ParaatRiskSpec   *spec,
                                                     GError                **error);
/* Refused while an exception names it as its accepted risk */
gboolean        paraat_workspace_remove_risk        (ParaatWorkspace        *self,
                                                     gint64                  risk_id,
                                                     GError                **error);
/* ParaatRisk, highest inherent score first */
GListModel     *paraat_workspace_list_risks         (ParaatWorkspace        *self,
                                                     GError                **error);
ParaatRisk     *paraat_workspace_get_risk           (ParaatWorkspace        *self,
                                                     gint64                  risk_id,
                                                     GError                **error);
/* Risks linked to a requirement or naming an action as treatment */
GListModel     *paraat_workspace_list_requirement_risks (ParaatWorkspace    *self,
                                                     gint64                  requirement_id,
                                                     GError                **error);
GListModel     *paraat_workspace_list_action_risks  (ParaatWorkspace        *self,
                                                     gint64                  action_id,
                                                     GError                **error);

/* Exceptions */

typedef enum
{
  PARAAT_EXCEPTION_VALID,
  PARAAT_EXCEPTION_EXPIRING,   /* valid for at most PARAAT_EXCEPTION_EXPIRING_DAYS more days */
  PARAAT_EXCEPTION_EXPIRED,
  PARAAT_EXCEPTION_NOT_STARTED,
} ParaatExceptionState;

#define PARAAT_EXCEPTION_EXPIRING_DAYS 30

/* At least one requirement; who may deviate is a person (PERSON_ID) or a scope item
 * (SCOPE_ITEM_ID), exactly one of them; JUSTIFICATION, APPROVER, START and EXPIRY (after
 * START) required; RISK_ID (the accepted risk) optional. */
typedef struct
{
  const gint64 *requirement_ids;
  guint         n_requirements;
  gint64        person_id;
  gint64        scope_item_id;
  const char   *justification;
  gint64        risk_id;
  gint64        approver_id;
  const char   *start_date;
  const char   *expiry_date;
} ParaatExceptionSpec;

gint64          paraat_exception_get_id              (ParaatException *self);
const gint64   *paraat_exception_get_requirement_ids (ParaatException *self, guint *n);
/* "A.8.8 Management of technical vulnerabilities, 21(2)(e) …" */
const char     *paraat_exception_get_requirements_label (ParaatException *self);
gint64          paraat_exception_get_person_id       (ParaatException *self);
gint64          paraat_exception_get_scope_item_id   (ParaatException *self);
/* The person's or scope item's name */
const char     *paraat_exception_get_holder_name     (ParaatException *self);
const char     *paraat_exception_get_justification   (ParaatException *self);
gint64          paraat_exception_get_risk_id         (ParaatException *self);
gint64          paraat_exception_get_approver_id     (ParaatException *self);
const char     *paraat_exception_get_approver_name   (ParaatException *self);
const char     *paraat_exception_get_start_date      (ParaatException *self);
const char     *paraat_exception_get_expiry_date     (ParaatException *self);
/* By paraat_clock_now_ms() */
ParaatExceptionState paraat_exception_get_state      (ParaatException *self);
const char     *paraat_exception_state_label         (ParaatExceptionState state);
/* "valid", "expiring", "expired", "not-started" (for files and the CLI) */
const char     *paraat_exception_state_to_string     (ParaatExceptionState state);

gint64          paraat_workspace_add_exception       (ParaatWorkspace            *self,
                                                      const ParaatExceptionSpec  *spec,
                                                      GError                    **error);
gboolean        paraat_workspace_update_exception    (ParaatWorkspace            *self,
                                                      gint64                      exception_id,
                                                      const ParaatExceptionSpec  *spec,
                                                      GError                    **error);
gboolean        paraat_workspace_remove_exception    (ParaatWorkspace            *self,
                                                      gint64                      exception_id,
                                                      GError                    **error);
/* ParaatException, soonest expiry first */
GListModel     *paraat_workspace_list_exceptions     (ParaatWorkspace            *self,
                                                      GError                    **error);
ParaatException *paraat_workspace_get_exception      (ParaatWorkspace            *self,
                                                      gint64                      exception_id,
                                                      GError                    **error);
/* Valid (or expiring) exceptions that cover the requirement today */
GListModel     *paraat_workspace_list_requirement_exceptions (ParaatWorkspace    *self,
                                                      gint64                      requirement_id,
                                                      GError                    **error);

/* For the dashboard and notifications, today by paraat_clock_now_ms(): EXPIRED counts the
 * exceptions past their expiry date (they should be renewed or removed), EXPIRING those in
 * force that end within PARAAT_EXCEPTION_EXPIRING_DAYS days. Either may be NULL. */
gboolean        paraat_workspace_count_exceptions    (ParaatWorkspace            *self,
                                                      guint                      *expired,
                                                      guint                      *expiring,
                                                      GError                    **error);

G_END_DECLS
