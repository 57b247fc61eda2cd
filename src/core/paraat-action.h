/* paraat-action.h — actions: one owner, a due date, required evidence and a workflow
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_ACTION            (paraat_action_get_type ())
#define PARAAT_TYPE_ACTION_DUE_CHANGE (paraat_action_due_change_get_type ())

G_DECLARE_FINAL_TYPE (ParaatAction, paraat_action, PARAAT, ACTION, GObject)
G_DECLARE_FINAL_TYPE (ParaatActionDueChange, paraat_action_due_change, PARAAT,
                      ACTION_DUE_CHANGE, GObject)

/* Open → In progress → Awaiting review → Closed. A reviewer can send it back to In progress;
 * anything unfinished can be cancelled with a reason; Closed and Cancelled can be reopened
 * (to In progress) with a reason. */
typedef enum
{
  PARAAT_ACTION_OPEN,
  PARAAT_ACTION_IN_PROGRESS,
  PARAAT_ACTION_AWAITING_REVIEW,
  PARAAT_ACTION_CLOSED,
  PARAAT_ACTION_CANCELLED,
  PARAAT_N_ACTION_STATUSES
} ParaatActionStatus;

typedef enum
{
  PARAAT_SOURCE_SCAN_GAP,   /* a gap found by a readiness scan */
  PARAAT_SOURCE_REVIEW,     /* a management review decision */
  PARAAT_SOURCE_AUDIT,      /* an internal audit finding */
  PARAAT_SOURCE_RISK,       /* a risk treatment */
  PARAAT_SOURCE_INCIDENT,   /* an incident */
  PARAAT_SOURCE_OTHER,
  PARAAT_N_SOURCES
} ParaatActionSource;

typedef enum
{
  PARAAT_PRIORITY_LOW,
  PARAAT_PRIORITY_MEDIUM,
  PARAAT_PRIORITY_HIGH,
  PARAAT_PRIORITY_CRITICAL,
  PARAAT_N_PRIORITIES
} ParaatPriority;

#define PARAAT_ACTION_TITLE_MAX 200
#define PARAAT_ACTION_TEXT_MAX  20000

/* What a user enters. Title, owner, due date ("YYYY-MM-DD") and the required track (one
 * ParaatTracks bit) are required; QUARTER is "2026-Q3" or empty. SCAN_ID (the scan whose gap
 * it came from) and DECISION_ID (a management review decision) are 0 when not set. */
typedef struct
{
  const char         *title;
  const char         *decision;           /* what is to be done and why */
  ParaatActionSource  source;
  gint64              owner_id;
  const char         *due_date;
  ParaatPriority      priority;
  guint               required_track;
  const char         *required_evidence;
  const char         *project;            /* improvement project, may be empty */
  const char         *quarter;
  const gint64       *requirement_ids;    /* any framework */
  guint               n_requirements;
  gint64              scan_id;
  gint64              decision_id;
} ParaatActionSpec;

gint64              paraat_action_get_id                (ParaatAction *self);
const char         *paraat_action_get_title             (ParaatAction *self);
const char         *paraat_action_get_decision          (ParaatAction *self);
ParaatActionSource  paraat_action_get_source            (ParaatAction *self);
gint64              paraat_action_get_owner_id          (ParaatAction *self);
const char         *paraat_action_get_owner_name        (ParaatAction *self);
const char         *paraat_action_get_due_date          (ParaatAction *self);
ParaatPriority      paraat_action_get_priority          (ParaatAction *self);
ParaatActionStatus  paraat_action_get_status            (ParaatAction *self);
guint               paraat_action_get_required_track    (ParaatAction *self);
const char         *paraat_action_get_required_evidence (ParaatAction *self);
const char         *paraat_action_get_project           (ParaatAction *self);
const char         *paraat_action_get_quarter           (ParaatAction *self);
gint64              paraat_action_get_created_ms        (ParaatAction *self);
/* 0 unless closed; cancelled_ms 0 unless cancelled */
gint64              paraat_action_get_closed_ms         (ParaatAction *self);
gint64              paraat_action_get_cancelled_ms      (ParaatAction *self);
gint64              paraat_action_get_reviewer_id       (ParaatAction *self);
const char         *paraat_action_get_reviewer_name     (ParaatAction *self);
const char         *paraat_action_get_verification_note (ParaatAction *self);
/* The reviewer's comment when it was last sent back; "" once submitted again */
const char         *paraat_action_get_review_comment    (ParaatAction *self);
const char         *paraat_action_get_cancel_reason     (ParaatAction *self);
gint64              paraat_action_get_scan_id           (ParaatAction *self);
gint64              paraat_action_get_decision_id       (ParaatAction *self);
guint               paraat_action_get_n_evidence        (ParaatAction *self);
/* The linked requirements' frameworks, "iso27001-2022, nis2" */
const char         *paraat_action_get_framework_keys    (ParaatAction *self);
const gint64       *paraat_action_get_requirement_ids   (ParaatAction *self,
                                                         guint        *n_requirements);
/* Open, in progress or awaiting review */
gboolean            paraat_action_is_active             (ParaatAction *self);
/* Active and due before today (paraat_clock_now_ms(), the user's calendar day) */
gboolean            paraat_action_is_overdue            (ParaatAction *self);
int                 paraat_action_get_days_overdue      (ParaatAction *self);
/* Priority high or critical. The executive figure also counts treatment actions of high
 * and critical risks (see ParaatMetrics); this one knows only the action itself. */
gboolean            paraat_action_is_high_risk          (ParaatAction *self);

gint64              paraat_action_due_change_get_action_id  (ParaatActionDueChange *self);
const char         *paraat_action_due_change_get_old_due    (ParaatActionDueChange *self);
const char         *paraat_action_due_change_get_new_due    (ParaatActionDueChange *self);
const char         *paraat_action_due_change_get_reason     (ParaatActionDueChange *self);
gint64              paraat_action_due_change_get_actor_id   (ParaatActionDueChange *self);
const char         *paraat_action_due_change_get_actor_name (ParaatActionDueChange *self);
gint64              paraat_action_due_change_get_ts_ms      (ParaatActionDueChange *self);

const char         *paraat_action_status_to_string      (ParaatActionStatus  status);
const char         *paraat_action_status_label          (ParaatActionStatus  status);
const char         *paraat_action_source_to_string      (ParaatActionSource  source);
const char         *paraat_action_source_label          (ParaatActionSource  source);
const char         *paraat_priority_to_string           (ParaatPriority      priority);
const char         *paraat_priority_label               (ParaatPriority      priority);
/* Corrective sources (audit, incident, review, scan gap): what the mean time to close
 * measures. Risk treatments and "other" are planned improvement, not correction. */
gboolean            paraat_action_source_is_corrective  (ParaatActionSource  source);
/* "2026-Q3"; TRUE for a well-formed quarter */
gboolean            paraat_quarter_is_valid             (const char         *quarter);

/* Creating and editing */

gint64              paraat_workspace_create_action      (ParaatWorkspace         *self,
                                                         const ParaatActionSpec  *spec,
                                                         GError                 **error);
/* All or nothing, in one transaction ("turn these gaps into actions"). IDS_OUT (gint64,
 * may be NULL) receives the new ids in order. */
gboolean            paraat_workspace_create_actions     (ParaatWorkspace         *self,
                                                         const ParaatActionSpec  *specs,
                                                         guint                    n_specs,
                                                         GArray                  *ids_out,
                                                         GError                 **error);
/* Edits everything except the due date (see move_action_due), the status and the links to
 * a scan or decision, which keep what they were; the linked requirements become SPEC's.
 * Closed and cancelled actions are refused. */
gboolean            paraat_workspace_update_action      (ParaatWorkspace         *self,
                                                         gint64                   action_id,
                                                         const ParaatActionSpec  *spec,
                                                         GError                 **error);
/* REASON is required; the move is kept in the action's due-date history. */
gboolean            paraat_workspace_move_action_due    (ParaatWorkspace         *self,
                                                         gint64                   action_id,
                                                         const char              *new_due,
                                                         const char              *reason,
                                                         GError                 **error);

/* Workflow. Each refuses a transition its rules do not allow, saying why. */
gboolean            paraat_workspace_start_action       (ParaatWorkspace  *self,
                                                         gint64            action_id,
                                                         GError          **error);
/* Needs at least one linked evidence item on the required track. */
gboolean            paraat_workspace_submit_action      (ParaatWorkspace  *self,
                                                         gint64            action_id,
                                                         GError          **error);
/* Closes: the reviewer must be someone other than the owner (unless the workspace allows
 * self-review) and the verification note must say what was checked. */
gboolean            paraat_workspace_approve_action     (ParaatWorkspace  *self,
                                                         gint64            action_id,
                                                         gint64            reviewer_id,
                                                         const char       *verification_note,
                                                         GError          **error);
/* Sends it back to In progress with the reviewer's comment (required). */
gboolean            paraat_workspace_reject_action      (ParaatWorkspace  *self,
                                                         gint64            action_id,
                                                         gint64            reviewer_id,
                                                         const char       *comment,
                                                         GError          **error);
gboolean            paraat_workspace_cancel_action      (ParaatWorkspace  *self,
                                                         gint64            action_id,
                                                         const char       *reason,
                                                         GError          **error);
gboolean            paraat_workspace_reopen_action      (ParaatWorkspace  *self,
                                                         gint64            action_id,
                                                         const char       *reason,
                                                         GError          **error);

gboolean            paraat_workspace_link_action_evidence   (ParaatWorkspace  *self,
                                                             gint64            action_id,
                                                             gint64            evidence_id,
                                                             GError          **error);
gboolean            paraat_workspace_unlink_action_evidence (ParaatWorkspace  *self,
                                                             gint64            action_id,
                                                             gint64            evidence_id,
                                                             GError          **error);

/* Bulk edits: all or nothing, one transaction, one trail entry per action. */
gboolean            paraat_workspace_reassign_actions   (ParaatWorkspace  *self,
                                                         const gint64     *action_ids,
                                                         guint             n_actions,
                                                         gint64            owner_id,
                                                         GError          **error);
gboolean            paraat_workspace_move_actions_due   (ParaatWorkspace  *self,
                                                         const gint64     *action_ids,
                                                         guint             n_actions,
                                                         const char       *new_due,
                                                         const char       *reason,
                                                         GError          **error);
/* QUARTER "" takes them out of the quarterly plan. */
gboolean            paraat_workspace_move_actions_to_quarter (ParaatWorkspace *self,
                                                         const gint64     *action_ids,
                                                         guint             n_actions,
                                                         const char       *quarter,
                                                         GError          **error);

/* Whether an owner may review and close their own action; off unless turned on. */
gboolean            paraat_workspace_get_allow_self_review (ParaatWorkspace *self);
gboolean            paraat_workspace_set_allow_self_review (ParaatWorkspace *self,
                                                            gboolean         allow,
                                                            GError         **error);

/* Reading */

/* All actions, soonest due first */
GListModel         *paraat_workspace_list_actions       (ParaatWorkspace  *self,
                                                         GError          **error);
ParaatAction       *paraat_workspace_get_action         (ParaatWorkspace  *self,
                                                         gint64            action_id,
                                                         GError          **error);
/* ParaatActionDueChange, oldest first */
GListModel         *paraat_workspace_list_action_due_changes (ParaatWorkspace *self,
                                                         gint64            action_id,
                                                         GError          **error);
/* ParaatEvidence linked to the action */
GListModel         *paraat_workspace_list_action_evidence (ParaatWorkspace *self,
                                                         gint64            action_id,
                                                         GError          **error);
/* Actions linked to a requirement, soonest due first */
GListModel         *paraat_workspace_list_requirement_actions (ParaatWorkspace *self,
                                                         gint64            requirement_id,
                                                         GError          **error);
/* Actions linked to an evidence item */
GListModel         *paraat_workspace_list_evidence_actions (ParaatWorkspace *self,
                                                         gint64            evidence_id,
                                                         GError          **error);
/* The re-test marks for comparing scans: a set of requirement ids (gint64 * keys, hashed
 * with g_int64_hash) linked to actions closed after SINCE_MS and not reopened since. */
GHashTable         *paraat_workspace_list_retest_requirements (ParaatWorkspace *self,
                                                         gint64            since_ms,
                                                         GError          **error);

/* A mailto: URI to OWNER_ID listing their overdue actions, for "Remind owner". Without an
 * e-mail address the recipient is left for the user to fill in. Fails when the owner has
 * no overdue action. */
char               *paraat_workspace_build_reminder_uri (ParaatWorkspace  *self,
                                                         gint64            owner_id,
                                                         GError          **error);

G_END_DECLS
