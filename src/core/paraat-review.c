/* paraat-review.c — management reviews: inputs, decisions and their outcomes, addenda
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "paraat-action-private.h"
#include "paraat-clock.h"
#include "paraat-db.h"
#include "paraat-error.h"
#include "paraat-i18n.h"
#include "paraat-review.h"
#include "paraat-workspace-private.h"

struct _ParaatReview
{
  GObject  parent_instance;

  gint64   id;
  char    *title;
  char    *date;
  gint64   chair_id;
  char    *chair_name;
  GArray  *attendee_ids;
  gint64   created_ms;
  gint64   finalised_ms;
  guint    n_covered;
  guint    n_decisions;
  guint    n_flagged;
  guint    n_addenda;
};

struct _ParaatReviewTopic
{
  GObject            parent_instance;

  ParaatReviewInput  input;
  gboolean           covered;
  char              *notes;
};

struct _ParaatReviewDecision
{
  GObject  parent_instance;

  gint64   id;
  gint64   review_id;
  char    *text;
  char    *no_action_reason;
  guint    n_actions;
};

struct _ParaatReviewAddendum
{
  GObject  parent_instance;

  gint64   id;
  char    *text;
  gint64   author_id;
  char    *author_name;
  gint64   ts_ms;
};

G_DEFINE_FINAL_TYPE (ParaatReview, paraat_review, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (ParaatReviewTopic, paraat_review_topic, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (ParaatReviewDecision, paraat_review_decision, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (ParaatReviewAddendum, paraat_review_addendum, G_TYPE_OBJECT)

static const char * const input_ids[] = {
  "previous-actions", "issues", "party-needs", "nonconformities", "monitoring", "audits",
  "objectives", "party-feedback", "risks", "improvement",
};

G_STATIC_ASSERT (G_N_ELEMENTS (input_ids) == PARAAT_N_REVIEW_INPUTS);

static void
paraat_review_finalize (GObject *object)
{
  ParaatReview *self = PARAAT_REVIEW (object);

  g_free (self->title);
  g_free (self->date);
  g_free (self->chair_name);
  g_clear_pointer (&self->attendee_ids, g_array_unref);

  G_OBJECT_CLASS (paraat_review_parent_class)->finalize (object);
}

static void
paraat_review_class_init (ParaatReviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = paraat_review_finalize;
}

static void
paraat_review_init (ParaatReview *self)
{
  self->attendee_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
paraat_review_topic_finalize (GObject *object)
{
  g_free (PARAAT_REVIEW_TOPIC (object)->notes);
  G_OBJECT_CLASS (paraat_review_topic_parent_class)->finalize (object);
}

static void
paraat_review_topic_class_init (ParaatReviewTopicClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = paraat_review_topic_finalize;
}

static void
paraat_review_topic_init (ParaatReviewTopic *self)
{
}

static void
paraat_review_decision_finalize (GObject *object)
{
  ParaatReviewDecision *self = PARAAT_REVIEW_DECISION (object);

  g_free (self->text);
  g_free (self->no_action_reason);
  G_OBJECT_CLASS (paraat_review_decision_parent_class)->finalize (object);
}

static void
paraat_review_decision_class_init (ParaatReviewDecisionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = paraat_review_decision_finalize;
}

static void
paraat_review_decision_init (ParaatReviewDecision *self)
{
}

static void
paraat_review_addendum_finalize (GObject *object)
{
  ParaatReviewAddendum *self = PARAAT_REVIEW_ADDENDUM (object);

  g_free (self->text);
  g_free (self->author_name);
  G_OBJECT_CLASS (paraat_review_addendum_parent_class)->finalize (object);
}

static void
paraat_review_addendum_class_init (ParaatReviewAddendumClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = paraat_review_addendum_finalize;
}

static void
paraat_review_addendum_init (ParaatReviewAddendum *self)
{
}

gint64 paraat_review_get_id (ParaatReview *self) { return self->id; }
const char *paraat_review_get_title (ParaatReview *self) { return self->title; }
const char *paraat_review_get_date (ParaatReview *self) { return self->date; }
gint64 paraat_review_get_chair_id (ParaatReview *self) { return self->chair_id; }
const char *paraat_review_get_chair_name (ParaatReview *self) { return self->chair_name; }
gint64 paraat_review_get_created_ms (ParaatReview *self) { return self->created_ms; }
gint64 paraat_review_get_finalised_ms (ParaatReview *self) { return self->finalised_ms; }
gboolean paraat_review_is_finalised (ParaatReview *self) { return self->finalised_ms != 0; }
guint paraat_review_get_n_covered (ParaatReview *self) { return self->n_covered; }
guint paraat_review_get_n_decisions (ParaatReview *self) { return self->n_decisions; }
guint paraat_review_get_n_flagged (ParaatReview *self) { return self->n_flagged; }
guint paraat_review_get_n_addenda (ParaatReview *self) { return self->n_addenda; }

const gint64 *
paraat_review_get_attendee_ids (ParaatReview *self,
                                guint        *n_attendees)
{
  g_return_val_if_fail (PARAAT_IS_REVIEW (self), NULL);

  if (n_attendees != NULL)
    *n_attendees = self->attendee_ids->len;
  return (const gint64 *) (gpointer) self->attendee_ids->data;
}

ParaatReviewInput paraat_review_topic_get_input (ParaatReviewTopic *self) { return self->input; }
gboolean paraat_review_topic_get_covered (ParaatReviewTopic *self) { return self->covered; }
const char *paraat_review_topic_get_notes (ParaatReviewTopic *self) { return self->notes; }

gint64 paraat_review_decision_get_id (ParaatReviewDecision *self) { return self->id; }
gint64 paraat_review_decision_get_review_id (ParaatReviewDecision *self) { return self->review_id; }
const char *paraat_review_decision_get_text (ParaatReviewDecision *self) { return self->text; }
const char *paraat_review_decision_get_no_action_reason (ParaatReviewDecision *self) { return self->no_action_reason; }
guint paraat_review_decision_get_n_actions (ParaatReviewDecision *self) { return self->n_actions; }

/* "Discussed" or "noted" is no outcome: a decision needs an action or a reason for none. */
gboolean
paraat_review_decision_is_flagged (ParaatReviewDecision *self)
{
  g_return_val_if_fail (PARAAT_IS_REVIEW_DECISION (self), FALSE);

  return self->n_actions == 0 && self->no_action_reason[0] == '\0';
}

gint64 paraat_review_addendum_get_id (ParaatReviewAddendum *self) { return self->id; }
const char *paraat_review_addendum_get_text (ParaatReviewAddendum *self) { return self->text; }
gint64 paraat_review_addendum_get_author_id (ParaatReviewAddendum *self) { return self->author_id; }
const char *paraat_review_addendum_get_author_name (ParaatReviewAddendum *self) { return self->author_name; }
gint64 paraat_review_addendum_get_ts_ms (ParaatReviewAddendum *self) { return self->ts_ms; }

const char *
paraat_review_input_to_string (ParaatReviewInput input)
{
  return input < PARAAT_N_REVIEW_INPUTS ? input_ids[input] : input_ids[0];
}

/* Our own short wording of the clause 9.3.2 items, not the standard's text. */
const char *
paraat_review_input_label (ParaatReviewInput input)
{
  switch (input)
    {
    case PARAAT_REVIEW_INPUT_ISSUES:
      return _("Changes in external and internal issues");
    case PARAAT_REVIEW_INPUT_PARTY_NEEDS:
      return _("Changes in needs and expectations of interested parties");
    case PARAAT_REVIEW_INPUT_NONCONFORMITIES:
      return _("Feedback on performance: nonconformities and corrective actions");
    case PARAAT_REVIEW_INPUT_MONITORING:
      return _("Monitoring and measurement results");
    case PARAAT_REVIEW_INPUT_AUDITS:
      return _("Audit results");
    case PARAAT_REVIEW_INPUT_OBJECTIVES:
      return _("Fulfilment of information security objectives");
    case PARAAT_REVIEW_INPUT_PARTY_FEEDBACK:
      return _("Feedback from interested parties");
    case PARAAT_REVIEW_INPUT_RISKS:
      return _("Results of risk assessment and status of the risk treatment plan");
    case PARAAT_REVIEW_INPUT_IMPROVEMENT:
      return _("Opportunities for continual improvement");
    case PARAAT_REVIEW_INPUT_PREVIOUS_ACTIONS:
    case PARAAT_N_REVIEW_INPUTS:
    default:
      return _("Status of actions from previous management reviews");
    }
}

/* Reading */

#define SELECT_REVIEW \
  "SELECT v.id, v.title, v.review_date, v.chair_id, p.name, v.created_ms, v.finalised_ms," \
  " (SELECT count(*) FROM review_input i WHERE i.review_id = v.id AND i.covered = 1)," \
  " (SELECT count(*) FROM review_decision d WHERE d.review_id = v.id)," \
  " (SELECT count(*) FROM review_decision d WHERE d.review_id = v.id" \
  "   AND d.no_action_reason = ''" \
  "   AND NOT EXISTS (SELECT 1 FROM action a WHERE a.decision_id = d.id))," \
  " (SELECT count(*) FROM review_addendum x WHERE x.review_id = v.id)" \
  " FROM review v JOIN person p ON p.id = v.chair_id"

static gboolean
load_attendees (sqlite3       *db,
                ParaatReview  *review,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (db, "SELECT a.person_id FROM review_attendee a"
                           " JOIN person p ON p.id = a.person_id WHERE a.review_id = ?1"
                           " ORDER BY p.name COLLATE NOCASE", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, review->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (review->attendee_ids, id);
    }
  return rc == SQLITE_DONE || paraat_db_set_error (db, rc, error);
}

static GListModel *
query_reviews (ParaatWorkspace  *self,
               const char       *sql,
               gint64            id,
               GError          **error)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_REVIEW);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = paraat_workspace_get_db (self);
  int rc;

  if (!paraat_action_check_open (self, error) || !(stmt = paraat_db_prepare (db, sql, error)))
    return NULL;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ParaatReview) review = g_object_new (PARAAT_TYPE_REVIEW, NULL);

      review->id = sqlite3_column_int64 (stmt, 0);
      review->title = paraat_db_column_dup (stmt, 1);
      review->date = paraat_db_column_dup (stmt, 2);
      review->chair_id = sqlite3_column_int64 (stmt, 3);
      review->chair_name = paraat_db_column_dup (stmt, 4);
      review->created_ms = sqlite3_column_int64 (stmt, 5);
      review->finalised_ms = sqlite3_column_int64 (stmt, 6);
      review->n_covered = (guint) sqlite3_column_int (stmt, 7);
      review->n_decisions = (guint) sqlite3_column_int (stmt, 8);
      review->n_flagged = (guint) sqlite3_column_int (stmt, 9);
      review->n_addenda = (guint) sqlite3_column_int (stmt, 10);
      if (!load_attendees (db, review, error))
        return NULL;
      g_list_store_append (store, review);
    }
  if (rc != SQLITE_DONE)
    {
      paraat_db_set_error (db, rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GListModel *
paraat_workspace_list_reviews (ParaatWorkspace  *self,
                               GError          **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  return query_reviews (self, SELECT_REVIEW " ORDER BY v.review_date DESC, v.id DESC", 0,
                        error);
}

ParaatReview *
paraat_workspace_get_review (ParaatWorkspace  *self,
                             gint64            review_id,
                             GError          **error)
{
  g_autoptr(GListModel) found = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  if (!(found = query_reviews (self, SELECT_REVIEW " WHERE v.id = ?1", review_id, error)))
    return NULL;
  if (review_id <= 0 || g_list_model_get_n_items (found) == 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND,
                   _("That management review is not in this workspace."));
      return NULL;
    }
  return g_list_model_get_item (found, 0);
}

GListModel *
paraat_workspace_list_review_inputs (ParaatWorkspace  *self,
                                     gint64            review_id,
                                     GError          **error)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_REVIEW_TOPIC);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ParaatReview) review = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  if (!(review = paraat_workspace_get_review (self, review_id, error)) ||
      !(stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                                  "SELECT covered, notes FROM review_input"
                                  " WHERE review_id = ?1 AND input = ?2", error)))
    return NULL;

  /* Inputs not yet touched have no row: they read as not covered. */
  for (guint i = 0; i < PARAAT_N_REVIEW_INPUTS; i++)
    {
      g_autoptr(ParaatReviewTopic) topic = g_object_new (PARAAT_TYPE_REVIEW_TOPIC, NULL);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, review_id);
      paraat_db_bind_text (stmt, 2, input_ids[i]);
      topic->input = i;
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          topic->covered = sqlite3_column_int (stmt, 0) != 0;
          topic->notes = paraat_db_column_dup (stmt, 1);
        }
      else
        topic->notes = g_strdup ("");
      g_list_store_append (store, topic);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

static GListModel *
query_decisions (ParaatWorkspace  *self,
                 const char       *where,
                 gint64            id,
                 GError          **error)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_REVIEW_DECISION);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strconcat ("SELECT d.id, d.review_id, d.text, d.no_action_reason,"
                                      " (SELECT count(*) FROM action a"
                                      "  WHERE a.decision_id = d.id)"
                                      " FROM review_decision d", where,
                                      " ORDER BY d.position, d.id", NULL);
  sqlite3 *db = paraat_workspace_get_db (self);
  int rc;

  if (!paraat_action_check_open (self, error) || !(stmt = paraat_db_prepare (db, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ParaatReviewDecision) d = g_object_new (PARAAT_TYPE_REVIEW_DECISION, NULL);

      d->id = sqlite3_column_int64 (stmt, 0);
      d->review_id = sqlite3_column_int64 (stmt, 1);
      d->text = paraat_db_column_dup (stmt, 2);
      d->no_action_reason = paraat_db_column_dup (stmt, 3);
      d->n_actions = (guint) sqlite3_column_int (stmt, 4);
      g_list_store_append (store, d);
    }
  if (rc != SQLITE_DONE)
    {
      paraat_db_set_error (db, rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GListModel *
paraat_workspace_list_review_decisions (ParaatWorkspace  *self,
                                        gint64            review_id,
                                        GError          **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  return query_decisions (self, " WHERE d.review_id = ?1", review_id, error);
}

static ParaatReviewDecision *
get_decision (ParaatWorkspace  *self,
              gint64            decision_id,
              GError          **error)
{
  g_autoptr(GListModel) found = query_decisions (self, " WHERE d.id = ?1", decision_id, error);

  if (found == NULL)
    return NULL;
  if (g_list_model_get_n_items (found) == 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND,
                   _("That management review decision is not in this workspace."));
      return NULL;
    }
  return g_list_model_get_item (found, 0);
}

GListModel *
paraat_workspace_list_review_addenda (ParaatWorkspace  *self,
                                      gint64            review_id,
                                      GError          **error)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_REVIEW_ADDENDUM);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = paraat_workspace_get_db (self);
  int rc;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  if (!paraat_action_check_open (self, error) ||
      !(stmt = paraat_db_prepare (db, "SELECT id, text, author_id, author_name, ts_ms"
                                      " FROM review_addendum WHERE review_id = ?1 ORDER BY id",
                                  error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, review_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ParaatReviewAddendum) a = g_object_new (PARAAT_TYPE_REVIEW_ADDENDUM, NULL);

      a->id = sqlite3_column_int64 (stmt, 0);
      a->text = paraat_db_column_dup (stmt, 1);
      a->author_id = sqlite3_column_int64 (stmt, 2);
      a->author_name = paraat_db_column_dup (stmt, 3);
      a->ts_ms = sqlite3_column_int64 (stmt, 4);
      g_list_store_append (store, a);
    }
  if (rc != SQLITE_DONE)
    {
      paraat_db_set_error (db, rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GListModel *
paraat_workspace_list_decision_actions (ParaatWorkspace  *self,
                                        gint64            decision_id,
                                        GError          **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  return paraat_action_query (self, " WHERE a.decision_id = ?1", decision_id, error);
}

GListModel *
paraat_workspace_list_previous_review_actions (ParaatWorkspace  *self,
                                               gint64            review_id,
                                               GError          **error)
{
  g_autoptr(ParaatReview) review = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 previous = 0;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  if (!(review = paraat_workspace_get_review (self, review_id, error)) ||
      !(stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                                  "SELECT id FROM review WHERE review_date < ?1"
                                  " OR (review_date = ?1 AND id < ?2)"
                                  " ORDER BY review_date DESC, id DESC LIMIT 1", error)))
    return NULL;
  paraat_db_bind_text (stmt, 1, review->date);
  sqlite3_bind_int64 (stmt, 2, review_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    previous = sqlite3_column_int64 (stmt, 0);
  if (previous == 0)
    return G_LIST_MODEL (g_list_store_new (PARAAT_TYPE_ACTION));

  return paraat_action_query (self,
                              " WHERE a.decision_id IN (SELECT id FROM review_decision"
                              "                         WHERE review_id = ?1)",
                              previous, error);
}

/* Editing */

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, PARAAT_ERROR, PARAAT_ERROR_INVALID, message);
  return FALSE;
}

/* Finalised minutes are part of the record: later insights go into addenda. */
static ParaatReview *
get_editable (ParaatWorkspace  *self,
              gint64            review_id,
              GError          **error)
{
  ParaatReview *review = paraat_workspace_get_review (self, review_id, error);

  if (review != NULL && review->finalised_ms != 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("“%s” is finalised, so it can no longer be changed. Add an addendum "
                     "instead."), review->title);
      g_object_unref (review);
      return NULL;
    }
  return review;
}

typedef struct
{
  char   *title;
  char   *date;
  gint64  chair_id;
  GArray *attendee_ids;
} ReviewFields;

static void
review_fields_clear (ReviewFields *f)
{
  g_clear_pointer (&f->title, g_free);
  g_clear_pointer (&f->date, g_free);
  g_clear_pointer (&f->attendee_ids, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReviewFields, review_fields_clear)

static gboolean
resolve_spec (ParaatWorkspace         *self,
              const ParaatReviewSpec  *spec,
              ReviewFields            *out,
              GError                 **error)
{
  GDate date;

  out->title = paraat_action_clean_text (spec->title);
  out->date = paraat_action_clean_text (spec->date);
  out->chair_id = spec->chair_id;
  out->attendee_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (out->title[0] == '\0')
    return invalid (error, _("Enter a title for the management review."));
  if (g_utf8_strlen (out->title, -1) > PARAAT_REVIEW_TITLE_MAX)
    return invalid (error, _("The title is too long. Use at most 200 characters."));
  if (!paraat_action_parse_date (out->date, &date))
    return invalid (error, _("Enter the date of the review in the form YYYY-MM-DD, for "
                             "example 2025-03-31."));
  if (out->chair_id <= 0 || paraat_workspace_find_person (self, out->chair_id) == NULL)
    return invalid (error, _("Choose the person who chairs the review from the directory."));

  for (guint i = 0; spec->attendee_ids != NULL && i < spec->n_attendees; i++)
    {
      gint64 id = spec->attendee_ids[i];
      gboolean seen = FALSE;

      if (paraat_workspace_find_person (self, id) == NULL)
        return invalid (error, _("Every attendee must be a person in the directory."));
      for (guint j = 0; j < out->attendee_ids->len && !seen; j++)
        seen = g_array_index (out->attendee_ids, gint64, j) == id;
      if (!seen)
        g_array_append_val (out->attendee_ids, id);
    }
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* Attendee names sorted, for the trail */
static char *
describe_people (ParaatWorkspace *self,
                 GArray          *ids)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      ParaatPerson *p = paraat_workspace_find_person (self, g_array_index (ids, gint64, i));
      if (p != NULL)
        g_ptr_array_add (names, (gpointer) paraat_person_get_name (p));
    }
  if (names->len == 0)
    return NULL;
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

static const char *
person_name (ParaatWorkspace *self,
             gint64           id)
{
  ParaatPerson *p = id > 0 ? paraat_workspace_find_person (self, id) : NULL;

  return p ? paraat_person_get_name (p) : NULL;
}

static void
describe_review (ParaatWorkspace    *self,
                 const ReviewFields *before,
                 const ReviewFields *after,
                 ParaatChanges      *changes)
{
  const ReviewFields none = { 0 };
  g_autofree char *attendees_before = NULL;
  g_autofree char *attendees_after = NULL;

  if (before == NULL)
    before = &none;
  attendees_before = describe_people (self, before->attendee_ids);
  attendees_after = describe_people (self, after->attendee_ids);
  paraat_changes_add (changes, "title", before->title, after->title);
  paraat_changes_add (changes, "date", before->date, after->date);
  paraat_changes_add (changes, "chair", person_name (self, before->chair_id),
                      person_name (self, after->chair_id));
  paraat_changes_add (changes, "attendees", attendees_before, attendees_after);
}

static gboolean
write_attendees (sqlite3  *db,
                 gint64    review_id,
                 GArray   *ids,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) clear = paraat_db_prepare (db, "DELETE FROM review_attendee"
                                                         " WHERE review_id = ?1", error);
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, review_id);
  if (!paraat_db_step_done (clear, error) ||
      !(insert = paraat_db_prepare (db, "INSERT INTO review_attendee (review_id, person_id)"
                                        " VALUES (?1, ?2)", error)))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, review_id);
      sqlite3_bind_int64 (insert, 2, g_array_index (ids, gint64, i));
      if (!paraat_db_step_done (insert, error))
        return FALSE;
    }
  return TRUE;
}

gint64
paraat_workspace_create_review (ParaatWorkspace         *self,
                                const ParaatReviewSpec  *spec,
                                GError                 **error)
{
  g_auto(ReviewFields) f = { 0 };
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = paraat_workspace_get_db (self);
  gint64 id;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (spec != NULL, 0);

  if (!paraat_action_check_open (self, error) || !resolve_spec (self, spec, &f, error) ||
      !(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (db, "INSERT INTO review (title, review_date, chair_id,"
                                      " created_ms) VALUES (?1, ?2, ?3, ?4)", error)))
    return 0;
  paraat_db_bind_text (stmt, 1, f.title);
  paraat_db_bind_text (stmt, 2, f.date);
  sqlite3_bind_int64 (stmt, 3, f.chair_id);
  sqlite3_bind_int64 (stmt, 4, paraat_clock_now_ms ());
  if (!paraat_db_step_done (stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (db);

  describe_review (self, NULL, &f, changes);
  if (!write_attendees (db, id, f.attendee_ids, error) ||
      !paraat_txn_log (txn, "review", id, f.title, "create", changes, NULL, error) ||
      !paraat_workspace_commit (self, txn, "review", error))
    return 0;
  return id;
}

gboolean
paraat_workspace_update_review (ParaatWorkspace         *self,
                                gint64                   review_id,
                                const ParaatReviewSpec  *spec,
                                GError                 **error)
{
  g_autoptr(ParaatReview) review = NULL;
  g_auto(ReviewFields) before = { 0 };
  g_auto(ReviewFields) after = { 0 };
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = paraat_workspace_get_db (self);

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if (!(review = get_editable (self, review_id, error)) ||
      !resolve_spec (self, spec, &after, error))
    return FALSE;

  before.title = g_strdup (review->title);
  before.date = g_strdup (review->date);
  before.chair_id = review->chair_id;
  before.attendee_ids = g_array_ref (review->attendee_ids);
  describe_review (self, &before, &after, changes);
  if (paraat_changes_get_len (changes) == 0)
    return TRUE;

  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (db, "UPDATE review SET title = ?1, review_date = ?2,"
                                      " chair_id = ?3 WHERE id = ?4", error)))
    return FALSE;
  paraat_db_bind_text (stmt, 1, after.title);
  paraat_db_bind_text (stmt, 2, after.date);
  sqlite3_bind_int64 (stmt, 3, after.chair_id);
  sqlite3_bind_int64 (stmt, 4, review_id);
  return paraat_db_step_done (stmt, error) &&
         write_attendees (db, review_id, after.attendee_ids, error) &&
         paraat_txn_log (txn, "review", review_id, after.title, "update", changes, NULL,
                         error) &&
         paraat_workspace_commit (self, txn, "review", error);
}

gboolean
paraat_workspace_set_review_input (ParaatWorkspace  *self,
                                   gint64            review_id,
                                   ParaatReviewInput input,
                                   gboolean          covered,
                                   const char       *notes,
                                   GError          **error)
{
  g_autoptr(ParaatReview) review = NULL;
  g_autoptr(GListModel) topics = NULL;
  g_autoptr(ParaatReviewTopic) topic = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *text = paraat_action_clean_text (notes);

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  if ((guint) input >= PARAAT_N_REVIEW_INPUTS)
    return invalid (error, _("That is not one of the inputs of a management review."));
  if (!(review = get_editable (self, review_id, error)) ||
      !paraat_action_check_text (text, PARAAT_REVIEW_TEXT_MAX, error) ||
      !(topics = paraat_workspace_list_review_inputs (self, review_id, error)))
    return FALSE;

  topic = g_list_model_get_item (topics, input);
  if (topic->covered == !!covered && g_str_equal (topic->notes, text))
    return TRUE;
  /* Which input it was comes first, so the entry reads "Input: Audit results". */
  paraat_changes_add (changes, "input", NULL, input_ids[input]);
  paraat_changes_add (changes, "covered", topic->covered ? "yes" : "no", covered ? "yes" : "no");
  paraat_changes_add (changes, "notes", topic->notes[0] ? topic->notes : NULL,
                      text[0] ? text : NULL);

  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                                  "INSERT OR REPLACE INTO review_input (review_id, input, covered,"
                                  " notes) VALUES (?1, ?2, ?3, ?4)", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, review_id);
  paraat_db_bind_text (stmt, 2, input_ids[input]);
  sqlite3_bind_int (stmt, 3, covered ? 1 : 0);
  paraat_db_bind_text (stmt, 4, text);
  return paraat_db_step_done (stmt, error) &&
         paraat_txn_log (txn, "review", review_id, review->title, "update", changes, NULL,
                         error) &&
         paraat_workspace_commit (self, txn, "review", error);
}

static gboolean
check_decision_text (const char  *text,
                     GError     **error)
{
  if (text[0] == '\0')
    return invalid (error, _("Write down what was decided."));
  return paraat_action_check_text (text, PARAAT_REVIEW_TEXT_MAX, error);
}

/* "Review title: start of the decision", so each trail entry says which decision. */
static char *
decision_label (ParaatReview *review,
                const char   *text)
{
  glong length = g_utf8_strlen (text, -1);
  /* g_utf8_substring() reads past the end when asked for more than there is. */
  g_autofree char *start = g_utf8_substring (text, 0, MIN (length, 60));
  gboolean cut = length > 60;

  return g_strdup_printf ("%s: %s%s", review->title, start, cut ? "…" : "");
}

gint64
paraat_workspace_add_review_decision (ParaatWorkspace  *self,
                                      gint64            review_id,
                                      const char       *text,
                                      GError          **error)
{
  g_autoptr(ParaatReview) review = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = paraat_action_clean_text (text);
  sqlite3 *db = paraat_workspace_get_db (self);
  gint64 id;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), 0);

  if (!(review = get_editable (self, review_id, error)) || !check_decision_text (clean, error) ||
      !(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (db, "INSERT INTO review_decision (review_id, position, text,"
                                      " created_ms) VALUES (?1, (SELECT coalesce(max(position),"
                                      " 0) + 1 FROM review_decision WHERE review_id = ?1), ?2,"
                                      " ?3)", error)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, review_id);
  paraat_db_bind_text (stmt, 2, clean);
  sqlite3_bind_int64 (stmt, 3, paraat_clock_now_ms ());
  if (!paraat_db_step_done (stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (db);

  paraat_changes_add (changes, "decision", NULL, clean);
  if (!paraat_txn_log (txn, "review", review_id, review->title, "update", changes, NULL, error) ||
      !paraat_workspace_commit (self, txn, "review", error))
    return 0;
  return id;
}

/* The decision and its review, refusing a finalised one. */
static gboolean
get_editable_decision (ParaatWorkspace        *self,
                       gint64                  decision_id,
                       ParaatReviewDecision  **decision,
                       ParaatReview          **review,
                       GError                **error)
{
  if (!(*decision = get_decision (self, decision_id, error)))
    return FALSE;
  return (*review = get_editable (self, (*decision)->review_id, error)) != NULL;
}

/* One statement on a decision with its trail entry, in one transaction. */
static gboolean
write_decision (ParaatWorkspace       *self,
                ParaatReview          *review,
                ParaatReviewDecision  *decision,
                const char            *sql,
                const char            *text,
                ParaatChanges         *changes,
                GError               **error)
{
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *label = decision_label (review, decision->text);

  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (paraat_workspace_get_db (self), sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, decision->id);
  if (text != NULL)
    paraat_db_bind_text (stmt, 2, text);
  return paraat_db_step_done (stmt, error) &&
         paraat_txn_log (txn, "review", review->id, label, "update", changes, NULL, error) &&
         paraat_workspace_commit (self, txn, "review", error);
}

gboolean
paraat_workspace_update_review_decision (ParaatWorkspace  *self,
                                         gint64            decision_id,
                                         const char       *text,
                                         GError          **error)
{
  g_autoptr(ParaatReviewDecision) decision = NULL;
  g_autoptr(ParaatReview) review = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autofree char *clean = paraat_action_clean_text (text);

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  if (!get_editable_decision (self, decision_id, &decision, &review, error) ||
      !check_decision_text (clean, error))
    return FALSE;
  paraat_changes_add (changes, "decision", decision->text, clean);
  if (paraat_changes_get_len (changes) == 0)
    return TRUE;
  return write_decision (self, review, decision,
                         "UPDATE review_decision SET text = ?2 WHERE id = ?1", clean, changes,
                         error);
}

gboolean
paraat_workspace_remove_review_decision (ParaatWorkspace  *self,
                                         gint64            decision_id,
                                         GError          **error)
{
  g_autoptr(ParaatReviewDecision) decision = NULL;
  g_autoptr(ParaatReview) review = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  if (!get_editable_decision (self, decision_id, &decision, &review, error))
    return FALSE;
  if (decision->n_actions > 0)
    return invalid (error, _("Actions came from this decision, so it stays on record. Cancel "
                             "the actions instead if the decision no longer stands."));
  paraat_changes_add (changes, "decision", decision->text, NULL);
  paraat_changes_add (changes, "no_action_reason",
                      decision->no_action_reason[0] ? decision->no_action_reason : NULL, NULL);
  return write_decision (self, review, decision, "DELETE FROM review_decision WHERE id = ?1",
                         NULL, changes, error);
}

gboolean
paraat_workspace_set_decision_no_action (ParaatWorkspace  *self,
                                         gint64            decision_id,
                                         const char       *reason,
                                         GError          **error)
{
  g_autoptr(ParaatReviewDecision) decision = NULL;
  g_autoptr(ParaatReview) review = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autofree char *clean = paraat_action_clean_text (reason);

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  if (!get_editable_decision (self, decision_id, &decision, &review, error) ||
      !paraat_action_check_text (clean, PARAAT_REVIEW_TEXT_MAX, error))
    return FALSE;
  if (clean[0] != '\0' && decision->n_actions > 0)
    return invalid (error, _("This decision already has actions, so it cannot also need no "
                             "action."));
  paraat_changes_add (changes, "no_action_reason",
                      decision->no_action_reason[0] ? decision->no_action_reason : NULL,
                      clean[0] ? clean : NULL);
  if (paraat_changes_get_len (changes) == 0)
    return TRUE;
  return write_decision (self, review, decision,
                         "UPDATE review_decision SET no_action_reason = ?2 WHERE id = ?1", clean,
                         changes, error);
}

gint64
paraat_workspace_add_decision_action (ParaatWorkspace         *self,
                                      gint64                   decision_id,
                                      const ParaatActionSpec  *spec,
                                      GError                 **error)
{
  g_autoptr(ParaatReviewDecision) decision = NULL;
  g_autoptr(ParaatReview) review = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  ParaatActionSpec own;
  gint64 id;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (spec != NULL, 0);

  if (!get_editable_decision (self, decision_id, &decision, &review, error))
    return 0;

  own = *spec;
  own.source = PARAAT_SOURCE_REVIEW;
  own.decision_id = decision_id;
  title = paraat_action_clean_text (spec->title);
  label = decision_label (review, decision->text);
  paraat_changes_add (changes, "action", NULL, title);

  /* The action and the review's own entry land together, or neither does. */
  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(id = paraat_action_insert (self, txn, &own, error)) ||
      !paraat_txn_log (txn, "review", review->id, label, "update", changes, NULL, error) ||
      !paraat_workspace_commit (self, txn, "action", error))
    return 0;
  paraat_workspace_notify_changed (self, "review");
  return id;
}

gboolean
paraat_workspace_finalise_review (ParaatWorkspace  *self,
                                  gint64            review_id,
                                  GError          **error)
{
  g_autoptr(ParaatReview) review = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *when = NULL;
  gint64 now = paraat_clock_now_ms ();

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  if (!(review = get_editable (self, review_id, error)))
    return FALSE;
  if (review->n_decisions == 0)
    return invalid (error, _("Record the review’s decisions before finalising it. A review "
                             "that decided nothing still records that, with a reason."));

  when = paraat_clock_format_ms (now);
  paraat_changes_add (changes, "finalised", NULL, when);
  paraat_changes_add (changes, "chair", NULL, review->chair_name);
  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                                  "UPDATE review SET finalised_ms = ?1 WHERE id = ?2", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, review_id);
  return paraat_db_step_done (stmt, error) &&
         paraat_txn_log (txn, "review", review_id, review->title, "finalise", changes, NULL,
                         error) &&
         paraat_workspace_commit (self, txn, "review", error);
}

gint64
paraat_workspace_add_review_addendum (ParaatWorkspace  *self,
                                      gint64            review_id,
                                      const char       *text,
                                      GError          **error)
{
  g_autoptr(ParaatReview) review = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = paraat_action_clean_text (text);
  sqlite3 *db = paraat_workspace_get_db (self);
  ParaatPerson *author = paraat_workspace_get_actor (self);
  gint64 id;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), 0);

  if (!(review = paraat_workspace_get_review (self, review_id, error)))
    return 0;
  if (clean[0] == '\0')
    {
      invalid (error, _("Write the text of the addendum."));
      return 0;
    }
  if (!paraat_action_check_text (clean, PARAAT_REVIEW_TEXT_MAX, error) ||
      !(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (db, "INSERT INTO review_addendum (review_id, text, author_id,"
                                      " author_name, ts_ms) VALUES (?1, ?2, ?3, ?4, ?5)", error)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, review_id);
  paraat_db_bind_text (stmt, 2, clean);
  sqlite3_bind_int64 (stmt, 3, paraat_person_get_id (author));
  paraat_db_bind_text (stmt, 4, paraat_person_get_name (author));
  sqlite3_bind_int64 (stmt, 5, paraat_clock_now_ms ());
  if (!paraat_db_step_done (stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (db);

  paraat_changes_add (changes, "addendum", NULL, clean);
  if (!paraat_txn_log (txn, "review", review_id, review->title, "addendum", changes, NULL,
                       error) ||
      !paraat_workspace_commit (self, txn, "review", error))
    return 0;
  return id;
}
