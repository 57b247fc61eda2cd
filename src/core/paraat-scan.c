/* paraat-scan.c — readiness scans: questions, answers, scoring and comparison
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "paraat-catalog.h"
#include "paraat-clock.h"
#include "paraat-db.h"
#include "paraat-error.h"
#include "paraat-framework.h"
#include "paraat-i18n.h"
#include "paraat-requirement.h"
#include "paraat-risk-private.h"
#include "paraat-scan.h"
#include "paraat-workspace-private.h"

#define SCAN_TEXT_MAX 20000

struct _ParaatScan
{
  GObject          parent_instance;

  gint64           id;
  char            *name;
  char            *date;
  ParaatScanDepth  depth;
  char            *participants;
  int              target_level;
  GArray          *framework_ids;
  guint            n_questions;
  guint            n_answered;
};

struct _ParaatScanQuestion
{
  GObject           parent_instance;

  gint64            id;
  gint64            scan_id;
  gint64            requirement_id;
  guint             position;
  char             *framework_key;
  char             *framework_title;
  char             *group_key;
  char             *group_title;
  char             *label;
  char             *title;
  char             *question;
  char             *guidance;
  char             *levels[4];
  double            weight;
  ParaatAnswerKind  answer;
  int               level;
  char             *reason;
  char             *notes;
  ParaatTrackStatus tracks[3];
  int               target_level;
  GArray           *covers;
};

G_DEFINE_FINAL_TYPE (ParaatScan, paraat_scan, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (ParaatScanQuestion, paraat_scan_question, G_TYPE_OBJECT)

static const char * const depth_ids[] = { "quick", "full" };
static const char * const answer_ids[] = { "open", "level", "not-applicable", "unknown" };
static const char * const track_status_ids[] = { "unknown", "present", "partial", "missing" };
static const char * const track_columns[] = { "policy", "operation", "monitoring" };

G_STATIC_ASSERT (G_N_ELEMENTS (answer_ids) == PARAAT_N_ANSWERS);
G_STATIC_ASSERT (G_N_ELEMENTS (track_status_ids) == PARAAT_N_TRACK_STATUSES);

static void
paraat_scan_finalize (GObject *object)
{
  ParaatScan *self = PARAAT_SCAN (object);

  g_free (self->name);
  g_free (self->date);
  g_free (self->participants);
  g_clear_pointer (&self->framework_ids, g_array_unref);

  G_OBJECT_CLASS (paraat_scan_parent_class)->finalize (object);
}

static void
paraat_scan_class_init (ParaatScanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = paraat_scan_finalize;
}

static void
paraat_scan_init (ParaatScan *self)
{
  self->framework_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
paraat_scan_question_finalize (GObject *object)
{
  ParaatScanQuestion *self = PARAAT_SCAN_QUESTION (object);

  g_free (self->framework_key);
  g_free (self->framework_title);
  g_free (self->group_key);
  g_free (self->group_title);
  g_free (self->label);
  g_free (self->title);
  g_free (self->question);
  g_free (self->guidance);
  for (guint i = 0; i < G_N_ELEMENTS (self->levels); i++)
    g_free (self->levels[i]);
  g_free (self->reason);
  g_free (self->notes);
  g_clear_pointer (&self->covers, g_array_unref);

  G_OBJECT_CLASS (paraat_scan_question_parent_class)->finalize (object);
}

static void
paraat_scan_question_class_init (ParaatScanQuestionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = paraat_scan_question_finalize;
}

static void
paraat_scan_question_init (ParaatScanQuestion *self)
{
  self->covers = g_array_new (FALSE, FALSE, sizeof (gint64));
}

gint64 paraat_scan_get_id (ParaatScan *self) { return self->id; }
const char *paraat_scan_get_name (ParaatScan *self) { return self->name; }
const char *paraat_scan_get_date (ParaatScan *self) { return self->date; }
ParaatScanDepth paraat_scan_get_depth (ParaatScan *self) { return self->depth; }
const char *paraat_scan_get_participants (ParaatScan *self) { return self->participants; }
int paraat_scan_get_target_level (ParaatScan *self) { return self->target_level; }
guint paraat_scan_get_n_questions (ParaatScan *self) { return self->n_questions; }
guint paraat_scan_get_n_answered (ParaatScan *self) { return self->n_answered; }

const gint64 *
paraat_scan_get_framework_ids (ParaatScan *self,
                               guint      *n_frameworks)
{
  g_return_val_if_fail (PARAAT_IS_SCAN (self), NULL);

  if (n_frameworks != NULL)
    *n_frameworks = self->framework_ids->len;
  return (const gint64 *) (gpointer) self->framework_ids->data;
}

gint64 paraat_scan_question_get_id (ParaatScanQuestion *self) { return self->id; }
gint64 paraat_scan_question_get_scan_id (ParaatScanQuestion *self) { return self->scan_id; }
gint64 paraat_scan_question_get_requirement_id (ParaatScanQuestion *self) { return self->requirement_id; }
guint paraat_scan_question_get_position (ParaatScanQuestion *self) { return self->position; }
const char *paraat_scan_question_get_framework_key (ParaatScanQuestion *self) { return self->framework_key; }
const char *paraat_scan_question_get_framework_title (ParaatScanQuestion *self) { return self->framework_title; }
const char *paraat_scan_question_get_group_key (ParaatScanQuestion *self) { return self->group_key; }
const char *paraat_scan_question_get_group_title (ParaatScanQuestion *self) { return self->group_title; }
const char *paraat_scan_question_get_label (ParaatScanQuestion *self) { return self->label; }
const char *paraat_scan_question_get_title (ParaatScanQuestion *self) { return self->title; }
const char *paraat_scan_question_get_question (ParaatScanQuestion *self) { return self->question; }
const char *paraat_scan_question_get_guidance (ParaatScanQuestion *self) { return self->guidance; }
double paraat_scan_question_get_weight (ParaatScanQuestion *self) { return self->weight; }
ParaatAnswerKind paraat_scan_question_get_answer (ParaatScanQuestion *self) { return self->answer; }
int paraat_scan_question_get_level (ParaatScanQuestion *self) { return self->level; }
const char *paraat_scan_question_get_reason (ParaatScanQuestion *self) { return self->reason; }
const char *paraat_scan_question_get_notes (ParaatScanQuestion *self) { return self->notes; }
int paraat_scan_question_get_target_level (ParaatScanQuestion *self) { return self->target_level; }

/* TRACK is one ParaatTracks bit. */
ParaatTrackStatus
paraat_scan_question_get_track_status (ParaatScanQuestion *self,
                                       guint               track)
{
  g_return_val_if_fail (PARAAT_IS_SCAN_QUESTION (self), PARAAT_TRACK_STATUS_UNKNOWN);

  switch (track)
    {
    case PARAAT_TRACK_POLICY: return self->tracks[0];
    case PARAAT_TRACK_OPERATION: return self->tracks[1];
    case PARAAT_TRACK_MONITORING: return self->tracks[2];
    default: return PARAAT_TRACK_STATUS_UNKNOWN;
    }
}

const char *
paraat_scan_question_get_level_text (ParaatScanQuestion *self,
                                     int                 level)
{
  g_return_val_if_fail (PARAAT_IS_SCAN_QUESTION (self), NULL);
  g_return_val_if_fail (level >= 1 && level <= 4, NULL);

  return self->levels[level - 1];
}

const gint64 *
paraat_scan_question_get_covers (ParaatScanQuestion *self,
                                 guint              *n_covers)
{
  g_return_val_if_fail (PARAAT_IS_SCAN_QUESTION (self), NULL);

  if (n_covers != NULL)
    *n_covers = self->covers->len;
  return (const gint64 *) (gpointer) self->covers->data;
}

const char *
paraat_scan_depth_to_string (ParaatScanDepth depth)
{
  return depth == PARAAT_SCAN_FULL ? depth_ids[1] : depth_ids[0];
}

const char *
paraat_scan_depth_label (ParaatScanDepth depth)
{
  return depth == PARAAT_SCAN_FULL ? _("Gap analysis") : _("Quick scan");
}

const char *
paraat_answer_kind_to_string (ParaatAnswerKind kind)
{
  return kind < PARAAT_N_ANSWERS ? answer_ids[kind] : answer_ids[0];
}

const char *
paraat_track_status_to_string (ParaatTrackStatus status)
{
  return status < PARAAT_N_TRACK_STATUSES ? track_status_ids[status] : track_status_ids[0];
}

const char *
paraat_track_status_label (ParaatTrackStatus status)
{
  switch (status)
    {
    case PARAAT_TRACK_STATUS_PRESENT: return _("Present");
    case PARAAT_TRACK_STATUS_PARTIAL: return _("Partly present");
    case PARAAT_TRACK_STATUS_MISSING: return _("Missing");
    case PARAAT_TRACK_STATUS_UNKNOWN:
    default: return _("Unknown");
    }
}

static guint
index_of (const char * const *ids,
          guint               n_ids,
          const char         *text)
{
  for (guint i = 0; i < n_ids; i++)
    if (g_strcmp0 (ids[i], text) == 0)
      return i;
  return 0;
}

/* Scoring */

static void
score_free (ParaatScanScore *score)
{
  g_free (score->framework_key);
  g_free (score->framework_title);
  g_free (score->group_key);
  g_free (score->group_title);
  g_free (score);
}

static void
item_free (ParaatScanItem *item)
{
  g_free (item->framework_key);
  g_free (item->group_key);
  g_free (item->group_title);
  g_free (item->label);
  g_free (item->title);
  g_free (item);
}

void
paraat_scan_results_free (ParaatScanResults *results)
{
  if (results == NULL)
    return;
  g_ptr_array_unref (results->top);
  g_ptr_array_unref (results->gaps);
  g_ptr_array_unref (results->items);
  g_ptr_array_unref (results->domains);
  g_ptr_array_unref (results->frameworks);
  g_free (results);
}

static gboolean
answer_reaches (const ParaatScoreAnswer *answer,
                gint64                   requirement_id)
{
  if (answer->requirement_id == requirement_id)
    return TRUE;
  for (guint i = 0; i < answer->n_covers; i++)
    if (answer->covers[i] == requirement_id)
      return TRUE;
  return FALSE;
}

/* The effective answer for one requirement from every question that reaches it: the lowest
 * level given wins (a mapped requirement is only as mature as its weakest cover); without
 * any level it is open while one of them is open, and not applicable only when all are. */
static ParaatScanItem *
resolve_item (const ParaatScoreRequirement *r,
              const ParaatScoreAnswer      *answers,
              guint                         n_answers)
{
  ParaatScanItem *item = NULL;
  gboolean any_open = FALSE;
  guint n_reaching = 0;
  int level = 0, target = 0, target_any = 0;
  gboolean asked = FALSE;

  for (guint i = 0; i < n_answers; i++)
    {
      const ParaatScoreAnswer *a = &answers[i];

      if (!answer_reaches (a, r->id))
        continue;
      n_reaching++;
      asked |= a->requirement_id == r->id;
      target_any = MAX (target_any, a->target_level);
      if (a->kind == PARAAT_ANSWER_LEVEL && a->level >= 1 && a->level <= 4)
        {
          if (level == 0 || a->level < level || (a->level == level && a->target_level > target))
            {
              level = a->level;
              target = a->target_level;
            }
        }
      else if (a->kind != PARAAT_ANSWER_NOT_APPLICABLE)
        any_open = TRUE;
    }
  if (n_reaching == 0)
    return NULL;

  item = g_new0 (ParaatScanItem, 1);
  item->requirement_id = r->id;
  item->framework_key = g_strdup (r->framework_key);
  item->group_key = g_strdup (r->group_key ? r->group_key : "");
  item->group_title = g_strdup (r->group_title);
  item->label = g_strdup (r->label);
  item->title = g_strdup (r->title);
  item->weight = r->weight;
  item->risk_factor = r->risk_factor > 0 ? r->risk_factor : 1.0;
  item->asked = asked;
  if (level > 0)
    {
      item->kind = PARAAT_ANSWER_LEVEL;
      item->level = level;
      item->target_level = target;
    }
  else
    {
      item->kind = any_open ? PARAAT_ANSWER_OPEN : PARAAT_ANSWER_NOT_APPLICABLE;
      item->target_level = target_any;
    }
  return item;
}

static ParaatScanScore *
score_new (const ParaatScoreRequirement *r,
           gboolean                      domain)
{
  ParaatScanScore *score = g_new0 (ParaatScanScore, 1);

  score->framework_key = g_strdup (r->framework_key);
  score->framework_title = g_strdup (r->framework_title);
  if (domain)
    {
      score->group_key = g_strdup (r->group_key ? r->group_key : "");
      score->group_title = g_strdup (r->group_title);
    }
  score->readiness = -1;
  score->mean_maturity = -1;
  return score;
}

static void
score_add (ParaatScanScore      *score,
           const ParaatScanItem *item,
           double               *level_sum)
{
  score->n_requirements++;
  switch (item->kind)
    {
    case PARAAT_ANSWER_LEVEL:
      score->n_answered++;
      *level_sum += item->level;
      if (item->level >= item->target_level)
        score->n_at_target++;
      break;
    case PARAAT_ANSWER_NOT_APPLICABLE:
      score->n_not_applicable++;
      break;
    case PARAAT_ANSWER_OPEN:
    case PARAAT_ANSWER_UNKNOWN:
    case PARAAT_N_ANSWERS:
    default:
      score->n_open++;
      break;
    }
}

static void
score_finish (ParaatScanScore *score,
              double           level_sum)
{
  if (score->n_answered > 0)
    {
      score->readiness = (double) score->n_at_target / score->n_answered;
      score->mean_maturity = level_sum / score->n_answered;
    }
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  const ParaatScanGap *x = *(ParaatScanGap * const *) a;
  const ParaatScanGap *y = *(ParaatScanGap * const *) b;

  if (x->priority != y->priority)
    return x->priority > y->priority ? -1 : 1;
  if (x->gap != y->gap)
    return x->gap > y->gap ? -1 : 1;
  return 0;
}

ParaatScanResults *
paraat_scan_score (const ParaatScoreRequirement *requirements,
                   guint                         n_requirements,
                   const ParaatScoreAnswer      *answers,
                   guint                         n_answers)
{
  ParaatScanResults *results = g_new0 (ParaatScanResults, 1);
  ParaatScanScore *framework = NULL, *domain = NULL;
  double framework_sum = 0, domain_sum = 0;
  /* The same requirement listed twice still counts once. */
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  results->frameworks = g_ptr_array_new_with_free_func ((GDestroyNotify) score_free);
  results->domains = g_ptr_array_new_with_free_func ((GDestroyNotify) score_free);
  results->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  results->gaps = g_ptr_array_new_with_free_func (g_free);
  results->top = g_ptr_array_new ();

  for (guint i = 0; i < n_requirements; i++)
    {
      const ParaatScoreRequirement *r = &requirements[i];
      ParaatScanItem *item;

      if (g_hash_table_contains (seen, &r->id))
        continue;
      item = resolve_item (r, answers, n_answers);
      if (item == NULL)
        continue;
      g_hash_table_add (seen, g_memdup2 (&r->id, sizeof r->id));
      g_ptr_array_add (results->items, item);

      if (framework == NULL || g_strcmp0 (framework->framework_key, r->framework_key) != 0)
        {
          if (framework != NULL)
            score_finish (framework, framework_sum);
          if (domain != NULL)
            score_finish (domain, domain_sum);
          framework = score_new (r, FALSE);
          framework_sum = 0;
          g_ptr_array_add (results->frameworks, framework);
          domain = NULL;
        }
      if (domain == NULL || g_strcmp0 (domain->group_key, item->group_key) != 0)
        {
          if (domain != NULL)
            score_finish (domain, domain_sum);
          domain = score_new (r, TRUE);
          domain_sum = 0;
          g_ptr_array_add (results->domains, domain);
        }
      score_add (framework, item, &framework_sum);
      score_add (domain, item, &domain_sum);

      if (item->kind == PARAAT_ANSWER_LEVEL && item->target_level > item->level)
        {
          ParaatScanGap *gap = g_new0 (ParaatScanGap, 1);

          gap->item = item;
          gap->gap = item->target_level - item->level;
          gap->priority = gap->gap * (item->weight > 0 ? item->weight : 1.0) *
                          item->risk_factor;
          g_ptr_array_add (results->gaps, gap);
        }
    }
  if (framework != NULL)
    score_finish (framework, framework_sum);
  if (domain != NULL)
    score_finish (domain, domain_sum);

  /* Stable, so equal priorities keep framework and catalog order. */
  g_ptr_array_sort (results->gaps, compare_gaps);
  /* The proposal holds the questions actually asked: a requirement covered through the
   * mapping is closed by working on the question that covers it. */
  for (guint i = 0; i < results->gaps->len && results->top->len < PARAAT_SCAN_TOP_GAPS; i++)
    {
      ParaatScanGap *gap = g_ptr_array_index (results->gaps, i);
      if (gap->item->asked)
        g_ptr_array_add (results->top, gap);
    }
  return results;
}

char *
paraat_scan_format_readiness (double readiness)
{
  if (readiness < 0)
    return g_strdup (_("n/a"));
  /* Translators: a readiness percentage, e.g. "62%" */
  return g_strdup_printf (_("%d%%"), (int) (readiness * 100 + 0.5));
}

static void
delta_free (ParaatScanDelta *delta)
{
  g_free (delta->framework_key);
  g_free (delta->group_key);
  g_free (delta->label);
  g_free (delta->title);
  g_free (delta);
}

static void
domain_delta_free (ParaatScanDomainDelta *delta)
{
  g_free (delta->framework_key);
  g_free (delta->group_key);
  g_free (delta->group_title);
  g_free (delta);
}

void
paraat_scan_comparison_free (ParaatScanComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_ptr_array_unref (comparison->requirements);
  g_ptr_array_unref (comparison->domains);
  g_free (comparison);
}

static const ParaatScanItem *
find_item (const ParaatScanResults *results,
           gint64                   requirement_id)
{
  for (guint i = 0; i < results->items->len; i++)
    {
      const ParaatScanItem *item = g_ptr_array_index (results->items, i);
      if (item->requirement_id == requirement_id)
        return item;
    }
  return NULL;
}

static const ParaatScanScore *
find_domain (const ParaatScanResults *results,
             const char              *framework_key,
             const char              *group_key)
{
  for (guint i = 0; i < results->domains->len; i++)
    {
      const ParaatScanScore *score = g_ptr_array_index (results->domains, i);
      if (g_strcmp0 (score->framework_key, framework_key) == 0 &&
          g_strcmp0 (score->group_key, group_key) == 0)
        return score;
    }
  return NULL;
}

static void
add_delta (GPtrArray            *out,
           const ParaatScanItem *item,
           const ParaatScanItem *a,
           const ParaatScanItem *b)
{
  ParaatScanDelta *delta = g_new0 (ParaatScanDelta, 1);

  delta->requirement_id = item->requirement_id;
  delta->framework_key = g_strdup (item->framework_key);
  delta->group_key = g_strdup (item->group_key);
  delta->label = g_strdup (item->label);
  delta->title = g_strdup (item->title);
  delta->level_a = a && a->kind == PARAAT_ANSWER_LEVEL ? a->level : 0;
  delta->level_b = b && b->kind == PARAAT_ANSWER_LEVEL ? b->level : 0;
  delta->delta = delta->level_a && delta->level_b ? delta->level_b - delta->level_a : 0;
  g_ptr_array_add (out, delta);
}

static void
add_domain_delta (GPtrArray             *out,
                  const ParaatScanScore *score,
                  const ParaatScanScore *a,
                  const ParaatScanScore *b)
{
  ParaatScanDomainDelta *delta = g_new0 (ParaatScanDomainDelta, 1);

  delta->framework_key = g_strdup (score->framework_key);
  delta->group_key = g_strdup (score->group_key);
  delta->group_title = g_strdup (score->group_title);
  delta->mean_a = a ? a->mean_maturity : -1;
  delta->mean_b = b ? b->mean_maturity : -1;
  delta->delta = delta->mean_a >= 0 && delta->mean_b >= 0 ? delta->mean_b - delta->mean_a : 0;
  g_ptr_array_add (out, delta);
}

/* Per requirement and per domain, B against A (A is normally the baseline). */
ParaatScanComparison *
paraat_scan_compare_results (const ParaatScanResults *a,
                             const ParaatScanResults *b)
{
  ParaatScanComparison *comparison = g_new0 (ParaatScanComparison, 1);

  g_return_val_if_fail (a != NULL && b != NULL, NULL);

  comparison->requirements = g_ptr_array_new_with_free_func ((GDestroyNotify) delta_free);
  comparison->domains = g_ptr_array_new_with_free_func ((GDestroyNotify) domain_delta_free);

  for (guint i = 0; i < b->items->len; i++)
    {
      const ParaatScanItem *item = g_ptr_array_index (b->items, i);
      add_delta (comparison->requirements, item, find_item (a, item->requirement_id), item);
    }
  for (guint i = 0; i < a->items->len; i++)
    {
      const ParaatScanItem *item = g_ptr_array_index (a->items, i);
      if (find_item (b, item->requirement_id) == NULL)
        add_delta (comparison->requirements, item, item, NULL);
    }

  for (guint i = 0; i < b->domains->len; i++)
    {
      const ParaatScanScore *score = g_ptr_array_index (b->domains, i);
      add_domain_delta (comparison->domains, score,
                        find_domain (a, score->framework_key, score->group_key), score);
    }
  for (guint i = 0; i < a->domains->len; i++)
    {
      const ParaatScanScore *score = g_ptr_array_index (a->domains, i);
      if (find_domain (b, score->framework_key, score->group_key) == NULL)
        add_domain_delta (comparison->domains, score, score, NULL);
    }
  return comparison;
}

/* Dates */

static gboolean
valid_date (const char *text)
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
  return y >= 1 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* Reading */

static gboolean
check_open (ParaatWorkspace  *self,
            GError          **error)
{
  if (paraat_workspace_get_db (self) != NULL)
    return TRUE;
  g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO, _("The workspace is closed."));
  return FALSE;
}

#define SELECT_SCAN \
  "SELECT s.id, s.name, s.scan_date, s.depth, s.participants, s.target_level," \
  " (SELECT count(*) FROM scan_question q WHERE q.scan_id = s.id)," \
  " (SELECT count(*) FROM scan_question q WHERE q.scan_id = s.id" \
  "   AND q.answer IN ('level', 'not-applicable'))" \
  " FROM scan s"

static gboolean
load_scan_frameworks (sqlite3     *db,
                      ParaatScan  *scan,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (db, "SELECT framework_id FROM scan_framework WHERE scan_id = ?1"
                           " ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scan->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (scan->framework_ids, id);
    }
  return rc == SQLITE_DONE || paraat_db_set_error (db, rc, error);
}

static GListModel *
collect_scans (ParaatWorkspace  *self,
               sqlite3_stmt     *stmt,
               GError          **error)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_SCAN);
  sqlite3 *db = paraat_workspace_get_db (self);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ParaatScan) scan = g_object_new (PARAAT_TYPE_SCAN, NULL);

      scan->id = sqlite3_column_int64 (stmt, 0);
      scan->name = paraat_db_column_dup (stmt, 1);
      scan->date = paraat_db_column_dup (stmt, 2);
      scan->depth = (ParaatScanDepth) index_of (depth_ids, G_N_ELEMENTS (depth_ids),
                                                (const char *) sqlite3_column_text (stmt, 3));
      scan->participants = paraat_db_column_dup (stmt, 4);
      scan->target_level = sqlite3_column_int (stmt, 5);
      scan->n_questions = (guint) sqlite3_column_int (stmt, 6);
      scan->n_answered = (guint) sqlite3_column_int (stmt, 7);
      if (!load_scan_frameworks (db, scan, error))
        return NULL;
      g_list_store_append (store, scan);
    }
  if (rc != SQLITE_DONE)
    {
      paraat_db_set_error (db, rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GListModel *
paraat_workspace_list_scans (ParaatWorkspace  *self,
                             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  if (!check_open (self, error) ||
      !(stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                                  SELECT_SCAN " ORDER BY s.scan_date DESC, s.id DESC", error)))
    return NULL;
  return collect_scans (self, stmt, error);
}

ParaatScan *
paraat_workspace_get_scan (ParaatWorkspace  *self,
                           gint64            scan_id,
                           GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListModel) found = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  if (!check_open (self, error) ||
      !(stmt = paraat_db_prepare (paraat_workspace_get_db (self), SELECT_SCAN " WHERE s.id = ?1",
                                  error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, scan_id);
  if (!(found = collect_scans (self, stmt, error)))
    return NULL;
  if (g_list_model_get_n_items (found) == 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND,
                   _("That scan is not in this workspace."));
      return NULL;
    }
  return g_list_model_get_item (found, 0);
}

#define SELECT_QUESTION \
  "SELECT q.id, q.scan_id, q.requirement_id, q.position, f.key, f.title_en, f.title_nl," \
  " r.group_key, g.title_en, g.title_nl, r.label, r.title_en, r.title_nl, r.question_en," \
  " r.question_nl, r.weight, q.answer, q.level, q.reason, q.notes, q.policy, q.operation," \
  " q.monitoring, q.target_level, r.guidance_en, r.guidance_nl, r.framework_id" \
  " FROM scan_question q JOIN requirement r ON r.id = q.requirement_id" \
  " JOIN framework f ON f.id = r.framework_id" \
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

static gboolean
load_covers (sqlite3             *db,
             ParaatScanQuestion  *question,
             GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (db, "SELECT c.requirement_id FROM scan_cover c"
                           " JOIN requirement r ON r.id = c.requirement_id"
                           " WHERE c.question_id = ?1 ORDER BY r.framework_id, r.position",
                       error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, question->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (question->covers, id);
    }
  return rc == SQLITE_DONE || paraat_db_set_error (db, rc, error);
}

/* The group's own level descriptions where the catalog has them, else the framework's. */
static gboolean
load_levels (sqlite3             *db,
             ParaatScanQuestion  *question,
             gint64               framework_id,
             GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (db, "SELECT level, text_en, text_nl FROM framework_level"
                           " WHERE framework_id = ?1 AND group_key IN ('', ?2)"
                           " ORDER BY group_key = ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, framework_id);
  paraat_db_bind_text (stmt, 2, question->group_key ? question->group_key : "");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int level = sqlite3_column_int (stmt, 0);

      if (level < 1 || level > 4)
        continue;
      g_free (question->levels[level - 1]);
      question->levels[level - 1] = pick_columns (stmt, 1);
    }
  return rc == SQLITE_DONE || paraat_db_set_error (db, rc, error);
}

static GListModel *
collect_questions (ParaatWorkspace  *self,
                   sqlite3_stmt     *stmt,
                   GError          **error)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_SCAN_QUESTION);
  sqlite3 *db = paraat_workspace_get_db (self);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ParaatScanQuestion) q = g_object_new (PARAAT_TYPE_SCAN_QUESTION, NULL);

      q->id = sqlite3_column_int64 (stmt, 0);
      q->scan_id = sqlite3_column_int64 (stmt, 1);
      q->requirement_id = sqlite3_column_int64 (stmt, 2);
      q->position = (guint) sqlite3_column_int (stmt, 3);
      q->framework_key = paraat_db_column_dup (stmt, 4);
      q->framework_title = pick_columns (stmt, 5);
      q->group_key = paraat_db_column_dup (stmt, 7);
      q->group_title = pick_columns (stmt, 8);
      q->label = paraat_db_column_dup (stmt, 10);
      q->title = pick_columns (stmt, 11);
      q->question = pick_columns (stmt, 13);
      q->weight = sqlite3_column_double (stmt, 15);
      q->answer = (ParaatAnswerKind) index_of (answer_ids, G_N_ELEMENTS (answer_ids),
                                               (const char *) sqlite3_column_text (stmt, 16));
      q->level = sqlite3_column_int (stmt, 17);
      q->reason = paraat_db_column_dup (stmt, 18);
      q->notes = paraat_db_column_dup (stmt, 19);
      for (guint t = 0; t < 3; t++)
        q->tracks[t] = (ParaatTrackStatus) index_of (track_status_ids,
                                                     G_N_ELEMENTS (track_status_ids),
                                                     (const char *) sqlite3_column_text (stmt, 20 + t));
      q->target_level = sqlite3_column_int (stmt, 23);
      q->guidance = pick_columns (stmt, 24);
      if (!load_covers (db, q, error) ||
          !load_levels (db, q, sqlite3_column_int64 (stmt, 26), error))
        return NULL;
      g_list_store_append (store, q);
    }
  if (rc != SQLITE_DONE)
    {
      paraat_db_set_error (db, rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GListModel *
paraat_workspace_list_scan_questions (ParaatWorkspace  *self,
                                      gint64            scan_id,
                                      GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  if (!check_open (self, error) ||
      !(stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                                  SELECT_QUESTION " WHERE q.scan_id = ?1 ORDER BY q.position",
                                  error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, scan_id);
  return collect_questions (self, stmt, error);
}

static ParaatScanQuestion *
get_question (ParaatWorkspace  *self,
              gint64            question_id,
              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListModel) found = NULL;

  if (!check_open (self, error) ||
      !(stmt = paraat_db_prepare (paraat_workspace_get_db (self), SELECT_QUESTION " WHERE q.id = ?1",
                                  error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, question_id);
  if (!(found = collect_questions (self, stmt, error)))
    return NULL;
  if (g_list_model_get_n_items (found) == 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND,
                   _("That scan question is not in this workspace."));
      return NULL;
    }
  return g_list_model_get_item (found, 0);
}

/* Creating */

static gboolean
validate_spec (ParaatWorkspace       *self,
               const ParaatScanSpec  *spec,
               const char            *name,
               GPtrArray             *frameworks,
               GError               **error)
{
  if (name[0] == '\0')
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID, _("Enter a name for the scan."));
      return FALSE;
    }
  if (g_utf8_strlen (name, -1) > 200)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("The name is too long. Use at most 200 characters."));
      return FALSE;
    }
  if (!valid_date (spec->date))
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("“%s” is not a valid date. Use the form YYYY-MM-DD, for example 2025-03-31."),
                   spec->date ? spec->date : "");
      return FALSE;
    }
  if (spec->depth != PARAAT_SCAN_QUICK && spec->depth != PARAAT_SCAN_FULL)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("Choose a quick scan or a full gap analysis."));
      return FALSE;
    }
  if (spec->participants && g_utf8_strlen (spec->participants, -1) > SCAN_TEXT_MAX)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("The text is too long. Use at most 20,000 characters."));
      return FALSE;
    }
  for (guint i = 0; i < spec->n_frameworks; i++)
    {
      ParaatFramework *framework = paraat_workspace_find_framework (self, spec->framework_ids[i]);

      if (framework == NULL || !paraat_framework_get_enabled (framework))
        {
          g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("A scan can only use frameworks that are enabled in this workspace."));
          return FALSE;
        }
      for (guint j = 0; j < frameworks->len; j++)
        if (g_ptr_array_index (frameworks, j) == framework)
          {
            g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                         _("Choose each framework only once."));
            return FALSE;
          }
      g_ptr_array_add (frameworks, framework);
    }
  if (frameworks->len == 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("Choose at least one framework for the scan."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
in_frameworks (GPtrArray *frameworks,
               gint64     framework_id)
{
  for (guint i = 0; i < frameworks->len; i++)
    if (paraat_framework_get_id (g_ptr_array_index (frameworks, i)) == framework_id)
      return TRUE;
  return FALSE;
}

/* Inserts the questions of a new scan. Frameworks are taken in the order given; a
 * requirement that a question of an earlier framework already covers through the mapping
 * is not asked again. */
static gboolean
insert_questions (ParaatWorkspace  *self,
                  gint64            scan_id,
                  ParaatScanDepth   depth,
                  int               target_level,
                  GPtrArray        *frameworks,
                  guint            *n_questions,
                  GError          **error)
{
  sqlite3 *db = paraat_workspace_get_db (self);
  g_autoptr(GHashTable) covered = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) insert_q = NULL;
  g_autoptr(sqlite3_stmt) insert_c = NULL;
  guint position = 0;

  if (!(insert_q = paraat_db_prepare (db, "INSERT INTO scan_question (scan_id, requirement_id,"
                                          " position, target_level) VALUES (?1, ?2, ?3, ?4)",
                                      error)) ||
      !(insert_c = paraat_db_prepare (db, "INSERT OR IGNORE INTO scan_cover (question_id,"
                                          " requirement_id) VALUES (?1, ?2)", error)))
    return FALSE;

  for (guint f = 0; f < frameworks->len; f++)
    {
      ParaatFramework *framework = g_ptr_array_index (frameworks, f);
      g_autoptr(GListModel) requirements =
        paraat_workspace_list_requirements (self, paraat_framework_get_id (framework), error);

      if (requirements == NULL)
        return FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
        {
          g_autoptr(ParaatRequirement) r = g_list_model_get_item (requirements, i);
          g_autoptr(GListModel) mapped = NULL;
          gint64 id = paraat_requirement_get_id (r);
          gint64 question_id;

          if (!paraat_requirement_get_applicable (r) ||
              (depth == PARAAT_SCAN_QUICK &&
               paraat_requirement_get_weight (r) < PARAAT_QUICK_SCAN_MIN_WEIGHT) ||
              g_hash_table_contains (covered, &id))
            continue;

          sqlite3_reset (insert_q);
          sqlite3_bind_int64 (insert_q, 1, scan_id);
          sqlite3_bind_int64 (insert_q, 2, id);
          sqlite3_bind_int (insert_q, 3, (int) position++);
          sqlite3_bind_int (insert_q, 4, target_level);
          if (!paraat_db_step_done (insert_q, error))
            return FALSE;
          question_id = sqlite3_last_insert_rowid (db);

          if (!(mapped = paraat_workspace_list_mapped (self, id, error)))
            return FALSE;
          for (guint m = 0; m < g_list_model_get_n_items (mapped); m++)
            {
              g_autoptr(ParaatRequirement) other = g_list_model_get_item (mapped, m);
              gint64 other_id = paraat_requirement_get_id (other);

              if (!paraat_requirement_get_applicable (other) ||
                  !in_frameworks (frameworks, paraat_requirement_get_framework_id (other)) ||
                  paraat_requirement_get_framework_id (other) == paraat_framework_get_id (framework))
                continue;
              sqlite3_reset (insert_c);
              sqlite3_bind_int64 (insert_c, 1, question_id);
              sqlite3_bind_int64 (insert_c, 2, other_id);
              if (!paraat_db_step_done (insert_c, error))
                return FALSE;
              g_hash_table_add (covered, g_memdup2 (&other_id, sizeof other_id));
            }
        }
    }
  *n_questions = position;
  return TRUE;
}

gint64
paraat_workspace_create_scan (ParaatWorkspace       *self,
                              const ParaatScanSpec  *spec,
                              GError               **error)
{
  g_autoptr(GPtrArray) frameworks = g_ptr_array_new ();
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) keys = g_string_new ("");
  g_autofree char *name = NULL;
  g_autofree char *participants = NULL;
  ParaatSettings settings = { 0 };
  sqlite3 *db;
  int target_level;
  guint n_questions = 0;
  gint64 scan_id;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (spec != NULL, 0);

  name = g_strstrip (g_utf8_make_valid (spec->name ? spec->name : "", -1));
  participants = g_strstrip (g_utf8_make_valid (spec->participants ? spec->participants : "",
                                                -1));
  if (!check_open (self, error) || !validate_spec (self, spec, name, frameworks, error))
    return 0;

  paraat_workspace_get_settings (self, &settings);
  target_level = CLAMP (settings.target_level, 1, 4);
  paraat_settings_clear (&settings);

  db = paraat_workspace_get_db (self);
  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (db, "INSERT INTO scan (name, scan_date, depth, participants,"
                                      " target_level, created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                  error)))
    return 0;
  paraat_db_bind_text (stmt, 1, name);
  paraat_db_bind_text (stmt, 2, spec->date);
  paraat_db_bind_text (stmt, 3, paraat_scan_depth_to_string (spec->depth));
  paraat_db_bind_text (stmt, 4, participants);
  sqlite3_bind_int (stmt, 5, target_level);
  sqlite3_bind_int64 (stmt, 6, paraat_clock_now_ms ());
  if (!paraat_db_step_done (stmt, error))
    return 0;
  scan_id = sqlite3_last_insert_rowid (db);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(stmt = paraat_db_prepare (db, "INSERT INTO scan_framework (scan_id, framework_id,"
                                      " position) VALUES (?1, ?2, ?3)", error)))
    return 0;
  for (guint i = 0; i < frameworks->len; i++)
    {
      ParaatFramework *framework = g_ptr_array_index (frameworks, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, scan_id);
      sqlite3_bind_int64 (stmt, 2, paraat_framework_get_id (framework));
      sqlite3_bind_int (stmt, 3, (int) i);
      if (!paraat_db_step_done (stmt, error))
        return 0;
      if (i > 0)
        g_string_append (keys, ", ");
      g_string_append (keys, paraat_framework_get_key (framework));
    }

  if (!insert_questions (self, scan_id, spec->depth, target_level, frameworks, &n_questions,
                         error))
    return 0;

  paraat_changes_add (changes, "name", NULL, name);
  paraat_changes_add (changes, "date", NULL, spec->date);
  paraat_changes_add (changes, "depth", NULL, paraat_scan_depth_to_string (spec->depth));
  paraat_changes_add (changes, "frameworks", NULL, keys->str);
  paraat_changes_add (changes, "participants", NULL, participants[0] ? participants : NULL);
  paraat_changes_add_int (changes, "target_level", 0, target_level);
  paraat_changes_add_int (changes, "questions", 0, n_questions);

  if (!paraat_txn_log (txn, "scan", scan_id, name, "create", changes, NULL, error) ||
      !paraat_workspace_commit (self, txn, "scan", error))
    return 0;
  return scan_id;
}

/* Answering */

static gboolean
validate_answer (const ParaatScanAnswer  *answer,
                 const char              *reason,
                 const char              *notes,
                 GError                 **error)
{
  if (answer->kind != PARAAT_ANSWER_LEVEL && answer->kind != PARAAT_ANSWER_NOT_APPLICABLE &&
      answer->kind != PARAAT_ANSWER_UNKNOWN)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("Choose a maturity level, “not applicable” or “don’t know yet”."));
      return FALSE;
    }
  if (answer->kind == PARAAT_ANSWER_LEVEL && (answer->level < 1 || answer->level > 4))
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("The maturity level must be 1, 2, 3 or 4."));
      return FALSE;
    }
  if (answer->kind == PARAAT_ANSWER_NOT_APPLICABLE && reason[0] == '\0')
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("Explain why this requirement does not apply. An auditor asks for the "
                     "justification of every exclusion."));
      return FALSE;
    }
  if (answer->target_level != 0 && (answer->target_level < 1 || answer->target_level > 4))
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("The target level must be 1, 2, 3 or 4."));
      return FALSE;
    }
  if ((guint) answer->policy >= PARAAT_N_TRACK_STATUSES ||
      (guint) answer->operation >= PARAAT_N_TRACK_STATUSES ||
      (guint) answer->monitoring >= PARAAT_N_TRACK_STATUSES)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("Choose present, partly present, missing or unknown for each track."));
      return FALSE;
    }
  if (g_utf8_strlen (reason, -1) > SCAN_TEXT_MAX || g_utf8_strlen (notes, -1) > SCAN_TEXT_MAX)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("The text is too long. Use at most 20,000 characters."));
      return FALSE;
    }
  return TRUE;
}

static char *
level_text (ParaatAnswerKind kind,
            int              level)
{
  return kind == PARAAT_ANSWER_LEVEL ? g_strdup_printf ("%d", level) : NULL;
}

static const char *
non_empty (const char *text)
{
  return text && text[0] ? text : NULL;
}

gboolean
paraat_workspace_answer_scan_question (ParaatWorkspace         *self,
                                       gint64                   question_id,
                                       const ParaatScanAnswer  *answer,
                                       GError                 **error)
{
  g_autoptr(ParaatScanQuestion) old = NULL;
  g_autoptr(ParaatScan) scan = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *old_level = NULL;
  g_autofree char *new_level = NULL;
  g_autofree char *label = NULL;
  ParaatTrackStatus tracks[3];
  int target;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (answer != NULL, FALSE);

  reason = g_strstrip (g_utf8_make_valid (answer->reason ? answer->reason : "", -1));
  notes = g_strstrip (g_utf8_make_valid (answer->notes ? answer->notes : "", -1));
  if (!validate_answer (answer, reason, notes, error) ||
      !(old = get_question (self, question_id, error)) ||
      !(scan = paraat_workspace_get_scan (self, old->scan_id, error)))
    return FALSE;

  /* A reason only belongs to "not applicable"; the level only to a level. */
  if (answer->kind != PARAAT_ANSWER_NOT_APPLICABLE)
    reason[0] = '\0';
  tracks[0] = answer->policy;
  tracks[1] = answer->operation;
  tracks[2] = answer->monitoring;
  target = answer->target_level ? answer->target_level : old->target_level;

  paraat_changes_add (changes, "answer", paraat_answer_kind_to_string (old->answer),
                      paraat_answer_kind_to_string (answer->kind));
  old_level = level_text (old->answer, old->level);
  new_level = level_text (answer->kind, answer->level);
  paraat_changes_add (changes, "level", old_level, new_level);
  paraat_changes_add (changes, "reason", non_empty (old->reason), non_empty (reason));
  paraat_changes_add (changes, "notes", non_empty (old->notes), non_empty (notes));
  for (guint t = 0; t < 3; t++)
    paraat_changes_add (changes, track_columns[t], paraat_track_status_to_string (old->tracks[t]),
                        paraat_track_status_to_string (tracks[t]));
  paraat_changes_add_int (changes, "target_level", old->target_level, target);
  if (paraat_changes_get_len (changes) == 0)
    return TRUE;

  label = g_strdup_printf ("%s: %s", scan->name, old->label);
  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                                  "UPDATE scan_question SET answer = ?1, level = ?2, reason = ?3,"
                                  " notes = ?4, policy = ?5, operation = ?6, monitoring = ?7,"
                                  " target_level = ?8, answered_ms = ?9 WHERE id = ?10", error)))
    return FALSE;

  paraat_db_bind_text (stmt, 1, paraat_answer_kind_to_string (answer->kind));
  if (answer->kind == PARAAT_ANSWER_LEVEL)
    sqlite3_bind_int (stmt, 2, answer->level);
  else
    sqlite3_bind_null (stmt, 2);
  paraat_db_bind_text (stmt, 3, reason);
  paraat_db_bind_text (stmt, 4, notes);
  for (guint t = 0; t < 3; t++)
    paraat_db_bind_text (stmt, 5 + (int) t, paraat_track_status_to_string (tracks[t]));
  sqlite3_bind_int (stmt, 8, target);
  sqlite3_bind_int64 (stmt, 9, paraat_clock_now_ms ());
  sqlite3_bind_int64 (stmt, 10, question_id);

  return paraat_db_step_done (stmt, error) &&
         paraat_txn_log (txn, "scan", old->scan_id, label, "update", changes, NULL, error) &&
         paraat_workspace_commit (self, txn, "scan", error);
}

/* Results */

/* The requirements a scan scores: every one asked or covered, in scan framework order and
 * catalog order within a framework. */
static gboolean
load_score_requirements (ParaatWorkspace  *self,
                         ParaatScan       *scan,
                         GPtrArray        *requirements,
                         GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                            "SELECT r.id FROM requirement r"
                            " JOIN scan_framework sf ON sf.framework_id = r.framework_id"
                            "  AND sf.scan_id = ?1"
                            " WHERE r.id IN (SELECT requirement_id FROM scan_question"
                            "                WHERE scan_id = ?1"
                            "                UNION SELECT c.requirement_id FROM scan_cover c"
                            "                JOIN scan_question q ON q.id = c.question_id"
                            "                WHERE q.scan_id = ?1)"
                            " ORDER BY sf.position, r.position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scan->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParaatRequirement *r = paraat_workspace_get_requirement (self,
                                                               sqlite3_column_int64 (stmt, 0),
                                                               error);
      if (r == NULL)
        return FALSE;
      g_ptr_array_add (requirements, r);
    }
  return rc == SQLITE_DONE || paraat_db_set_error (paraat_workspace_get_db (self), rc, error);
}

ParaatScanResults *
paraat_workspace_compute_scan_results (ParaatWorkspace  *self,
                                       gint64            scan_id,
                                       GError          **error)
{
  g_autoptr(ParaatScan) scan = NULL;
  g_autoptr(GListModel) questions = NULL;
  g_autoptr(GPtrArray) requirements = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) reqs = g_array_new (FALSE, TRUE, sizeof (ParaatScoreRequirement));
  g_autoptr(GArray) answers = g_array_new (FALSE, TRUE, sizeof (ParaatScoreAnswer));
  g_autoptr(GHashTable) risk_scores = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  if (!(risk_scores = paraat_risk_max_scores (self, error)) ||
      !(scan = paraat_workspace_get_scan (self, scan_id, error)) ||
      !(questions = paraat_workspace_list_scan_questions (self, scan_id, error)) ||
      !load_score_requirements (self, scan, requirements, error))
    return NULL;

  for (guint i = 0; i < requirements->len; i++)
    {
      ParaatRequirement *r = g_ptr_array_index (requirements, i);
      gint64 id = paraat_requirement_get_id (r);
      int risk_score = GPOINTER_TO_INT (g_hash_table_lookup (risk_scores, &id));
      ParaatScoreRequirement sr = {
        .id = paraat_requirement_get_id (r),
        .framework_key = paraat_requirement_get_framework_key (r),
        .framework_title = paraat_requirement_get_framework_title (r),
        .group_key = paraat_requirement_get_group_key (r),
        .group_title = paraat_requirement_get_group_title (r),
        .label = paraat_requirement_get_label (r),
        .title = paraat_requirement_get_title (r),
        .weight = paraat_requirement_get_weight (r),
        /* Gaps where a serious risk is known come first: monotone in the worst linked
         * risk's inherent score, and 1 (no change) without linked risks. */
        .risk_factor = 1.0 + (double) risk_score / (PARAAT_RISK_SCALE * PARAAT_RISK_SCALE),
      };
      g_array_append_val (reqs, sr);
    }
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(ParaatScanQuestion) q = g_list_model_get_item (questions, i);
      ParaatScoreAnswer a = {
        .requirement_id = q->requirement_id,
        .kind = q->answer,
        .level = q->level,
        .target_level = q->target_level,
      };

      /* The list model keeps the question, and with it the covers, alive. */
      a.covers = paraat_scan_question_get_covers (q, &a.n_covers);
      g_array_append_val (answers, a);
    }
  return paraat_scan_score ((const ParaatScoreRequirement *) (gpointer) reqs->data, reqs->len,
                            (const ParaatScoreAnswer *) (gpointer) answers->data, answers->len);
}

ParaatScanComparison *
paraat_workspace_compare_scans (ParaatWorkspace  *self,
                                gint64            scan_a,
                                gint64            scan_b,
                                GError          **error)
{
  g_autoptr(ParaatScanResults) a = NULL;
  g_autoptr(ParaatScanResults) b = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  if (!(a = paraat_workspace_compute_scan_results (self, scan_a, error)) ||
      !(b = paraat_workspace_compute_scan_results (self, scan_b, error)))
    return NULL;
  return paraat_scan_compare_results (a, b);
}
