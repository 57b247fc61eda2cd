/* paraat-review.h — management reviews (ISO/IEC 27001 clause 9.3)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "paraat-action.h"
#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_REVIEW          (paraat_review_get_type ())
#define PARAAT_TYPE_REVIEW_TOPIC    (paraat_review_topic_get_type ())
#define PARAAT_TYPE_REVIEW_DECISION (paraat_review_decision_get_type ())
#define PARAAT_TYPE_REVIEW_ADDENDUM (paraat_review_addendum_get_type ())

G_DECLARE_FINAL_TYPE (ParaatReview, paraat_review, PARAAT, REVIEW, GObject)
/* One of the clause 9.3.2 inputs as this review covered it */
G_DECLARE_FINAL_TYPE (ParaatReviewTopic, paraat_review_topic, PARAAT, REVIEW_TOPIC, GObject)
G_DECLARE_FINAL_TYPE (ParaatReviewDecision, paraat_review_decision, PARAAT, REVIEW_DECISION,
                      GObject)
G_DECLARE_FINAL_TYPE (ParaatReviewAddendum, paraat_review_addendum, PARAAT, REVIEW_ADDENDUM,
                      GObject)

/* The inputs clause 9.3.2 asks a management review to consider, in its order. */
typedef enum
{
  PARAAT_REVIEW_INPUT_PREVIOUS_ACTIONS,
  PARAAT_REVIEW_INPUT_ISSUES,
  PARAAT_REVIEW_INPUT_PARTY_NEEDS,
  PARAAT_REVIEW_INPUT_NONCONFORMITIES,
  PARAAT_REVIEW_INPUT_MONITORING,
  PARAAT_REVIEW_INPUT_AUDITS,
  PARAAT_REVIEW_INPUT_OBJECTIVES,
  PARAAT_REVIEW_INPUT_PARTY_FEEDBACK,
  PARAAT_REVIEW_INPUT_RISKS,
  PARAAT_REVIEW_INPUT_IMPROVEMENT,
  PARAAT_N_REVIEW_INPUTS
} ParaatReviewInput;

#define PARAAT_REVIEW_TITLE_MAX 200
#define PARAAT_REVIEW_TEXT_MAX  20000

typedef struct
{
  const char   *title;
  const char   *date;           /* "YYYY-MM-DD" */
  gint64        chair_id;       /* a person, required */
  const gint64 *attendee_ids;
  guint         n_attendees;
} ParaatReviewSpec;

gint64        paraat_review_get_id             (ParaatReview *self);
const char   *paraat_review_get_title          (ParaatReview *self);
const char   *paraat_review_get_date           (ParaatReview *self);
gint64        paraat_review_get_chair_id       (ParaatReview *self);
const char   *paraat_review_get_chair_name     (ParaatReview *self);
const gint64 *paraat_review_get_attendee_ids   (ParaatReview *self,
                                                guint        *n_attendees);
gint64        paraat_review_get_created_ms     (ParaatReview *self);
/* 0 while it can still be edited */
gint64        paraat_review_get_finalised_ms   (ParaatReview *self);
gboolean      paraat_review_is_finalised       (ParaatReview *self);
guint         paraat_review_get_n_covered      (ParaatReview *self);
guint         paraat_review_get_n_decisions    (ParaatReview *self);
/* Decisions with neither an action nor a reason for needing none */
guint         paraat_review_get_n_flagged      (ParaatReview *self);
guint         paraat_review_get_n_addenda      (ParaatReview *self);

ParaatReviewInput paraat_review_topic_get_input    (ParaatReviewTopic *self);
gboolean          paraat_review_topic_get_covered  (ParaatReviewTopic *self);
const char       *paraat_review_topic_get_notes    (ParaatReviewTopic *self);

gint64        paraat_review_decision_get_id               (ParaatReviewDecision *self);
gint64        paraat_review_decision_get_review_id        (ParaatReviewDecision *self);
const char   *paraat_review_decision_get_text             (ParaatReviewDecision *self);
/* "" unless recorded as needing no action */
const char   *paraat_review_decision_get_no_action_reason (ParaatReviewDecision *self);
guint         paraat_review_decision_get_n_actions        (ParaatReviewDecision *self);
gboolean      paraat_review_decision_is_flagged           (ParaatReviewDecision *self);

gint64        paraat_review_addendum_get_id          (ParaatReviewAddendum *self);
const char   *paraat_review_addendum_get_text        (ParaatReviewAddendum *self);
gint64        paraat_review_addendum_get_author_id   (ParaatReviewAddendum *self);
const char   *paraat_review_addendum_get_author_name (ParaatReviewAddendum *self);
gint64        paraat_review_addendum_get_ts_ms       (ParaatReviewAddendum *self);

const char   *paraat_review_input_to_string (ParaatReviewInput input);
const char   *paraat_review_input_label     (ParaatReviewInput input);

/* Editing. Once a review is finalised every edit is refused; only addenda can be added. */
gint64        paraat_workspace_create_review          (ParaatWorkspace         *self,
                                                       const ParaatReviewSpec  *spec,
                                                       GError                 **error);
gboolean      paraat_workspace_update_review          (ParaatWorkspace         *self,
                                                       gint64                   review_id,
                                                       const ParaatReviewSpec  *spec,
                                                       GError                 **error);
gboolean      paraat_workspace_set_review_input       (ParaatWorkspace         *self,
                                                       gint64                   review_id,
                                                       ParaatReviewInput        input,
                                                       gboolean                 covered,
                                                       const char              *notes,
                                                       GError                 **error);
gint64        paraat_workspace_add_review_decision    (ParaatWorkspace         *self,
                                                       gint64                   review_id,
                                                       const char              *text,
                                                       GError                 **error);
gboolean      paraat_workspace_update_review_decision (ParaatWorkspace         *self,
                                                       gint64                   decision_id,
                                                       const char              *text,
                                                       GError                 **error);
/* Refused while actions came from it */
gboolean      paraat_workspace_remove_review_decision (ParaatWorkspace         *self,
                                                       gint64                   decision_id,
                                                       GError                 **error);
/* "No action needed, because REASON"; NULL or "" clears it. Refused when it has actions. */
gboolean      paraat_workspace_set_decision_no_action (ParaatWorkspace         *self,
                                                       gint64                   decision_id,
                                                       const char              *reason,
                                                       GError                 **error);
/* Creates an action for the decision in one transaction; SPEC's source and decision_id
 * are set to the management review and DECISION_ID. */
gint64        paraat_workspace_add_decision_action    (ParaatWorkspace         *self,
                                                       gint64                   decision_id,
                                                       const ParaatActionSpec  *spec,
                                                       GError                 **error);
/* Closes the minutes, signed off under the chair's name by whoever is working. */
gboolean      paraat_workspace_finalise_review        (ParaatWorkspace         *self,
                                                       gint64                   review_id,
                                                       GError                 **error);
/* Adds a note to a finalised review (or one still open), by whoever is working. */
gint64        paraat_workspace_add_review_addendum    (ParaatWorkspace         *self,
                                                       gint64                   review_id,
                                                       const char              *text,
                                                       GError                 **error);

/* Reading */

/* Newest first (by date, then by creation) */
GListModel   *paraat_workspace_list_reviews           (ParaatWorkspace  *self,
                                                       GError          **error);
ParaatReview *paraat_workspace_get_review             (ParaatWorkspace  *self,
                                                       gint64            review_id,
                                                       GError          **error);
/* ParaatReviewTopic, all PARAAT_N_REVIEW_INPUTS in clause order */
GListModel   *paraat_workspace_list_review_inputs     (ParaatWorkspace  *self,
                                                       gint64            review_id,
                                                       GError          **error);
/* ParaatReviewDecision, in the order they were taken */
GListModel   *paraat_workspace_list_review_decisions  (ParaatWorkspace  *self,
                                                       gint64            review_id,
                                                       GError          **error);
/* ParaatReviewAddendum, oldest first */
GListModel   *paraat_workspace_list_review_addenda    (ParaatWorkspace  *self,
                                                       gint64            review_id,
                                                       GError          **error);
/* ParaatAction that came from the decision */
GListModel   *paraat_workspace_list_decision_actions  (ParaatWorkspace  *self,
                                                       gint64            decision_id,
                                                       GError          **error);
/* ParaatAction from the decisions of the review held before this one (input a of 9.3.2);
 * empty for the first review. */
GListModel   *paraat_workspace_list_previous_review_actions (ParaatWorkspace *self,
                                                       gint64            review_id,
                                                       GError          **error);

G_END_DECLS
