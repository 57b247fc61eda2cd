/* paraat-scan.h — readiness scans: questions, answers, scoring and comparison
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_SCAN          (paraat_scan_get_type ())
#define PARAAT_TYPE_SCAN_QUESTION (paraat_scan_question_get_type ())

G_DECLARE_FINAL_TYPE (ParaatScan, paraat_scan, PARAAT, SCAN, GObject)
G_DECLARE_FINAL_TYPE (ParaatScanQuestion, paraat_scan_question, PARAAT, SCAN_QUESTION, GObject)

typedef enum
{
  PARAAT_SCAN_QUICK,   /* the key requirements (weight >= 2), for budget approval */
  PARAAT_SCAN_FULL,    /* every applicable requirement, for the implementation plan */
} ParaatScanDepth;

typedef enum
{
  PARAAT_ANSWER_OPEN,            /* not answered yet */
  PARAAT_ANSWER_LEVEL,           /* maturity level 1–4 */
  PARAAT_ANSWER_NOT_APPLICABLE,  /* with a reason */
  PARAAT_ANSWER_UNKNOWN,         /* "don't know yet": still open */
  PARAAT_N_ANSWERS
} ParaatAnswerKind;

typedef enum
{
  PARAAT_TRACK_STATUS_UNKNOWN,
  PARAAT_TRACK_STATUS_PRESENT,
  PARAAT_TRACK_STATUS_PARTIAL,
  PARAAT_TRACK_STATUS_MISSING,
  PARAAT_N_TRACK_STATUSES
} ParaatTrackStatus;

#define PARAAT_QUICK_SCAN_MIN_WEIGHT 2.0

/* What a user enters to start a scan. The target level comes from the workspace settings. */
typedef struct
{
  const char   *name;
  const char   *date;           /* "YYYY-MM-DD" */
  ParaatScanDepth depth;
  const gint64 *framework_ids;  /* in order: earlier frameworks cover later ones */
  guint         n_frameworks;
  const char   *participants;
} ParaatScanSpec;

/* One answer as given. KIND must be LEVEL, NOT_APPLICABLE or UNKNOWN. */
typedef struct
{
  ParaatAnswerKind  kind;
  int               level;          /* 1–4 with PARAAT_ANSWER_LEVEL, else ignored */
  const char       *reason;         /* required with PARAAT_ANSWER_NOT_APPLICABLE */
  const char       *notes;
  ParaatTrackStatus policy;
  ParaatTrackStatus operation;
  ParaatTrackStatus monitoring;
  int               target_level;   /* 0: keep the question's current target */
} ParaatScanAnswer;

gint64          paraat_scan_get_id               (ParaatScan *self);
const char     *paraat_scan_get_name             (ParaatScan *self);
const char     *paraat_scan_get_date             (ParaatScan *self);
ParaatScanDepth paraat_scan_get_depth            (ParaatScan *self);
const char     *paraat_scan_get_participants     (ParaatScan *self);
int             paraat_scan_get_target_level     (ParaatScan *self);
/* Framework ids in the scan's order */
const gint64   *paraat_scan_get_framework_ids    (ParaatScan *self,
                                                  guint      *n_frameworks);
guint           paraat_scan_get_n_questions      (ParaatScan *self);
guint           paraat_scan_get_n_answered       (ParaatScan *self);

gint64            paraat_scan_question_get_id              (ParaatScanQuestion *self);
gint64            paraat_scan_question_get_scan_id         (ParaatScanQuestion *self);
gint64            paraat_scan_question_get_requirement_id  (ParaatScanQuestion *self);
guint             paraat_scan_question_get_position        (ParaatScanQuestion *self);
const char       *paraat_scan_question_get_framework_key   (ParaatScanQuestion *self);
const char       *paraat_scan_question_get_framework_title (ParaatScanQuestion *self);
const char       *paraat_scan_question_get_group_key       (ParaatScanQuestion *self);
const char       *paraat_scan_question_get_group_title     (ParaatScanQuestion *self);
const char       *paraat_scan_question_get_label           (ParaatScanQuestion *self);
const char       *paraat_scan_question_get_title           (ParaatScanQuestion *self);
const char       *paraat_scan_question_get_question        (ParaatScanQuestion *self);
const char       *paraat_scan_question_get_guidance        (ParaatScanQuestion *self);
/* What LEVEL (1–4) means for this question: the domain's own description, else the
 * framework's; NULL when the catalog has none */
const char       *paraat_scan_question_get_level_text      (ParaatScanQuestion *self,
                                                            int                 level);
double            paraat_scan_question_get_weight          (ParaatScanQuestion *self);
ParaatAnswerKind  paraat_scan_question_get_answer          (ParaatScanQuestion *self);
int               paraat_scan_question_get_level           (ParaatScanQuestion *self);
const char       *paraat_scan_question_get_reason          (ParaatScanQuestion *self);
const char       *paraat_scan_question_get_notes           (ParaatScanQuestion *self);
ParaatTrackStatus paraat_scan_question_get_track_status    (ParaatScanQuestion *self,
                                                            guint               track);
int               paraat_scan_question_get_target_level    (ParaatScanQuestion *self);
/* Requirements of the scan's other frameworks this question covers through the mapping */
const gint64     *paraat_scan_question_get_covers          (ParaatScanQuestion *self,
                                                            guint              *n_covers);

const char     *paraat_scan_depth_to_string      (ParaatScanDepth   depth);
const char     *paraat_scan_depth_label          (ParaatScanDepth   depth);
const char     *paraat_answer_kind_to_string     (ParaatAnswerKind  kind);
const char     *paraat_track_status_to_string    (ParaatTrackStatus status);
const char     *paraat_track_status_label        (ParaatTrackStatus status);

/* Scoring. Pure functions over plain data, so they can be tested without a workspace. */

typedef struct
{
  gint64      id;
  const char *framework_key;
  const char *framework_title;
  const char *group_key;
  const char *group_title;
  const char *label;
  const char *title;
  double      weight;
  /* How much the risks linked to the requirement raise its gaps' priority: 1 + (the highest
   * inherent score of those risks) / 25, so 1 without risks and 2 for a 5 × 5 risk.
   * 0 is read as 1, so callers that know no risks can leave it out. */
  double      risk_factor;
} ParaatScoreRequirement;

typedef struct
{
  gint64            requirement_id;  /* the requirement asked about */
  ParaatAnswerKind  kind;
  int               level;
  int               target_level;
  const gint64     *covers;          /* further requirements it answers for */
  guint             n_covers;
} ParaatScoreAnswer;

/* Readiness of a framework (group_key NULL) or of one domain (group) of it. */
typedef struct
{
  char   *framework_key;
  char   *framework_title;
  char   *group_key;
  char   *group_title;
  guint   n_requirements;    /* in the scan, asked or covered; each counted once */
  guint   n_not_applicable;
  guint   n_open;            /* not answered or "don't know yet" */
  guint   n_answered;        /* with a level */
  guint   n_at_target;
  double  readiness;         /* n_at_target / n_answered, or -1 when undefined */
  double  mean_maturity;     /* mean level of the answered ones, or -1 */
} ParaatScanScore;

/* The effective answer for one requirement, asked or covered through the mapping. */
typedef struct
{
  gint64            requirement_id;
  char             *framework_key;
  char             *group_key;
  char             *group_title;
  char             *label;
  char             *title;
  double            weight;
  double            risk_factor;   /* >= 1, see ParaatScoreRequirement */
  ParaatAnswerKind  kind;          /* LEVEL, NOT_APPLICABLE or OPEN */
  int               level;         /* the lowest level of the questions covering it */
  int               target_level;
  gboolean          asked;         /* it has a question of its own */
} ParaatScanItem;

typedef struct
{
  const ParaatScanItem *item;      /* owned by the results' items */
  int                   gap;       /* target - level, > 0 */
  double                priority;  /* gap × weight × risk factor (ParaatScanItem) */
} ParaatScanGap;

typedef struct
{
  GPtrArray *frameworks;  /* ParaatScanScore*, in the scan's framework order */
  GPtrArray *domains;     /* ParaatScanScore*, per framework in catalog order */
  GPtrArray *items;       /* ParaatScanItem*, per framework in catalog order */
  GPtrArray *gaps;        /* ParaatScanGap*, highest priority first */
  GPtrArray *top;         /* ParaatScanGap* (not owned): the proposed top 10 */
} ParaatScanResults;

#define PARAAT_SCAN_TOP_GAPS 10

/* REQUIREMENTS: the requirements to score, grouped by framework in scan order and in
 * catalog order within one. Requirements no answer reaches are left out. */
ParaatScanResults *paraat_scan_score              (const ParaatScoreRequirement *requirements,
                                                   guint                         n_requirements,
                                                   const ParaatScoreAnswer      *answers,
                                                   guint                         n_answers);
void               paraat_scan_results_free       (ParaatScanResults *results);
/* "62%" or "n/a" */
char              *paraat_scan_format_readiness   (double             readiness);

typedef struct
{
  gint64  requirement_id;
  char   *framework_key;
  char   *group_key;
  char   *label;
  char   *title;
  int     level_a;      /* 0: no level in scan A (open, not applicable or not in it) */
  int     level_b;
  int     delta;        /* level_b - level_a when both have a level, else 0 */
} ParaatScanDelta;

typedef struct
{
  char   *framework_key;
  char   *group_key;
  char   *group_title;
  double  mean_a;       /* -1: no answered requirement */
  double  mean_b;
  double  delta;        /* mean_b - mean_a when both are defined, else 0 */
} ParaatScanDomainDelta;

typedef struct
{
  GPtrArray *requirements;  /* ParaatScanDelta*, in B's order, then those only in A */
  GPtrArray *domains;       /* ParaatScanDomainDelta* */
} ParaatScanComparison;

ParaatScanComparison *paraat_scan_compare_results (const ParaatScanResults *a,
                                                   const ParaatScanResults *b);
void               paraat_scan_comparison_free    (ParaatScanComparison *comparison);

/* The workspace */

gint64             paraat_workspace_create_scan   (ParaatWorkspace         *self,
                                                   const ParaatScanSpec    *spec,
                                                   GError                 **error);
/* Newest first (by date, then by creation) */
GListModel        *paraat_workspace_list_scans    (ParaatWorkspace         *self,
                                                   GError                 **error);
ParaatScan        *paraat_workspace_get_scan      (ParaatWorkspace         *self,
                                                   gint64                   scan_id,
                                                   GError                 **error);
/* ParaatScanQuestion, in question order */
GListModel        *paraat_workspace_list_scan_questions (ParaatWorkspace   *self,
                                                   gint64                   scan_id,
                                                   GError                 **error);
gboolean           paraat_workspace_answer_scan_question (ParaatWorkspace  *self,
                                                   gint64                   question_id,
                                                   const ParaatScanAnswer  *answer,
                                                   GError                 **error);
ParaatScanResults *paraat_workspace_compute_scan_results (ParaatWorkspace  *self,
                                                   gint64                   scan_id,
                                                   GError                 **error);
ParaatScanComparison *paraat_workspace_compare_scans (ParaatWorkspace      *self,
                                                   gint64                   scan_a,
                                                   gint64                   scan_b,
                                                   GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParaatScanResults, paraat_scan_results_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParaatScanComparison, paraat_scan_comparison_free)

G_END_DECLS
