/* paraat-evidence.c — evidence items: metadata, revisions, links and freshness
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "paraat-clock.h"
#include "paraat-db.h"
#include "paraat-error.h"
#include "paraat-evidence-private.h"
#include "paraat-i18n.h"
#include "paraat-requirement.h"
#include "paraat-workspace-private.h"

struct _ParaatEvidence
{
  GObject  parent_instance;

  gint64   id;
  char    *title;
  guint    track;
  char    *evidence_date;
  char    *valid_until;
  gint64   owner_id;
  char    *description;

  /* The revision this object stands for: the latest, or one from the history. */
  gint64   revision_id;
  int      revision;
  char    *file_name;
  char    *content_type;
  char    *hash;
  gint64   size;
  guint    n_links;
};

G_DEFINE_FINAL_TYPE (ParaatEvidence, paraat_evidence, G_TYPE_OBJECT)

static const char * const track_ids[] = { "policy", "operation", "monitoring" };

static void
paraat_evidence_finalize (GObject *object)
{
  ParaatEvidence *self = PARAAT_EVIDENCE (object);

  g_free (self->title);
  g_free (self->evidence_date);
  g_free (self->valid_until);
  g_free (self->description);
  g_free (self->file_name);
  g_free (self->content_type);
  g_free (self->hash);

  G_OBJECT_CLASS (paraat_evidence_parent_class)->finalize (object);
}

static void
paraat_evidence_class_init (ParaatEvidenceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = paraat_evidence_finalize;
}

static void
paraat_evidence_init (ParaatEvidence *self)
{
}

gint64 paraat_evidence_get_id (ParaatEvidence *self) { return self->id; }
const char *paraat_evidence_get_title (ParaatEvidence *self) { return self->title; }
guint paraat_evidence_get_track (ParaatEvidence *self) { return self->track; }
const char *paraat_evidence_get_evidence_date (ParaatEvidence *self) { return self->evidence_date; }
const char *paraat_evidence_get_valid_until (ParaatEvidence *self) { return self->valid_until; }
gint64 paraat_evidence_get_owner_id (ParaatEvidence *self) { return self->owner_id; }
const char *paraat_evidence_get_description (ParaatEvidence *self) { return self->description; }
gint64 paraat_evidence_get_revision_id (ParaatEvidence *self) { return self->revision_id; }
int paraat_evidence_get_revision (ParaatEvidence *self) { return self->revision; }
const char *paraat_evidence_get_file_name (ParaatEvidence *self) { return self->file_name; }
const char *paraat_evidence_get_content_type (ParaatEvidence *self) { return self->content_type; }
const char *paraat_evidence_get_hash (ParaatEvidence *self) { return self->hash; }
gint64 paraat_evidence_get_size (ParaatEvidence *self) { return self->size; }
guint paraat_evidence_get_n_links (ParaatEvidence *self) { return self->n_links; }

/* Tracks and dates */

const char *
paraat_track_to_id (guint track)
{
  for (guint bit = 0; bit < G_N_ELEMENTS (track_ids); bit++)
    if (track == 1u << bit)
      return track_ids[bit];
  return NULL;
}

guint
paraat_track_from_id (const char *id)
{
  for (guint bit = 0; bit < G_N_ELEMENTS (track_ids); bit++)
    if (g_strcmp0 (id, track_ids[bit]) == 0)
      return 1u << bit;
  return 0;
}

const char *
paraat_track_label (guint track)
{
  switch (track)
    {
    case PARAAT_TRACK_POLICY: return _("Policy");
    case PARAAT_TRACK_OPERATION: return _("Operation");
    case PARAAT_TRACK_MONITORING: return _("Monitoring");
    default: return "";
    }
}

const char *
paraat_freshness_label (ParaatFreshness freshness)
{
  switch (freshness)
    {
    case PARAAT_FRESHNESS_EXPIRING: return _("Expiring soon");
    case PARAAT_FRESHNESS_STALE: return _("Stale");
    case PARAAT_FRESHNESS_FRESH:
    default: return _("Fresh");
    }
}

/* Only the strict "YYYY-MM-DD" form, so dates sort and compare as text in SQL. */
static gboolean
parse_date (const char *text,
            GDate      *date)
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
  if (y < 1 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
today_date (GDate *date)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (paraat_clock_now_ms () / 1000);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  int y, m, d;

  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* The user's calendar day at paraat_clock_now_ms(), as "YYYY-MM-DD". */
char *
paraat_evidence_today (void)
{
  GDate today;

  today_date (&today);
  return format_date (&today);
}

ParaatFreshness
paraat_evidence_get_freshness (ParaatEvidence *self)
{
  GDate today, until;
  int days_left;

  g_return_val_if_fail (PARAAT_IS_EVIDENCE (self), PARAAT_FRESHNESS_STALE);

  if (!parse_date (self->valid_until, &until))
    return PARAAT_FRESHNESS_STALE;
  today_date (&today);
  days_left = g_date_days_between (&today, &until);
  if (days_left < 0)
    return PARAAT_FRESHNESS_STALE;
  if (days_left <= PARAAT_EXPIRING_DAYS)
    return PARAAT_FRESHNESS_EXPIRING;
  return PARAAT_FRESHNESS_FRESH;
}

/* Metadata */

void
paraat_evidence_fields_clear (ParaatEvidenceFields *fields)
{
  g_clear_pointer (&fields->title, g_free);
  g_clear_pointer (&fields->evidence_date, g_free);
  g_clear_pointer (&fields->valid_until, g_free);
  g_clear_pointer (&fields->description, g_free);
}

static gboolean
validate_title (const char  *title,
                GError     **error)
{
  if (title[0] == '\0')
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("Enter a title for the evidence."));
      return FALSE;
    }
  if (g_utf8_strlen (title, -1) > PARAAT_EVIDENCE_TITLE_MAX)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("The title is too long. Use at most 200 characters."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_date (const char  *text,
            GDate       *date,
            GError     **error)
{
  if (parse_date (text, date))
    return TRUE;
  g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
               _("“%s” is not a valid date. Use the form YYYY-MM-DD, for example 2025-03-31."),
               text);
  return FALSE;
}

static gboolean
validate_fields (ParaatWorkspace             *workspace,
                 const ParaatEvidenceFields  *f,
                 GError                     **error)
{
  GDate date, until;

  if (!validate_title (f->title, error) ||
      !check_date (f->evidence_date, &date, error) ||
      !check_date (f->valid_until, &until, error))
    return FALSE;

  if (g_date_compare (&until, &date) < 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("The evidence cannot stop being valid before its own date. Choose a "
                     "“valid until” date on or after %s."), f->evidence_date);
      return FALSE;
    }
  if (f->owner_id != 0 && paraat_workspace_find_person (workspace, f->owner_id) == NULL)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("The owner must be a person in the directory."));
      return FALSE;
    }
  if (g_utf8_strlen (f->description, -1) > PARAAT_EVIDENCE_TEXT_MAX)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("The text is too long. Use at most 20,000 characters."));
      return FALSE;
    }
  return TRUE;
}

static char *
clean_text (const char *text)
{
  return g_strstrip (g_utf8_make_valid (text, -1));
}

/* The valid-until date a new item gets: its date plus the workspace's validity period. */
static char *
default_valid_until (ParaatWorkspace *workspace,
                     const char      *evidence_date)
{
  ParaatSettings settings = { 0 };
  GDate date;

  if (!parse_date (evidence_date, &date))
    return g_strdup (evidence_date);
  paraat_workspace_get_settings (workspace, &settings);
  g_date_add_months (&date, (guint) settings.validity_months);
  paraat_settings_clear (&settings);
  return format_date (&date);
}

/* Fills OUT from META. Fields left NULL (track 0) keep CURRENT's value, or take the defaults
 * for a new item when CURRENT is NULL. The owner is always taken from META (0: none), unless
 * META is NULL, which changes nothing. */
gboolean
paraat_evidence_fields_resolve (ParaatWorkspace           *workspace,
                                const ParaatEvidenceMeta  *meta,
                                ParaatEvidence            *current,
                                const char                *default_title,
                                ParaatEvidenceFields      *out,
                                GError                   **error)
{
  static const ParaatEvidenceMeta empty = { 0 };
  gboolean keep_owner = meta == NULL && current != NULL;
  guint track;

  if (meta == NULL)
    meta = &empty;

  track = meta->track ? meta->track : current ? current->track : PARAAT_TRACK_POLICY;
  out->track = paraat_track_to_id (track);
  if (out->track == NULL)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("Choose one track for the evidence: policy, operation or monitoring."));
      return FALSE;
    }

  out->title = clean_text (meta->title ? meta->title : current ? current->title : default_title);
  out->description = clean_text (meta->description ? meta->description
                                 : current ? current->description : "");
  out->owner_id = keep_owner ? current->owner_id : MAX (meta->owner_id, 0);

  if (meta->evidence_date != NULL)
    out->evidence_date = g_strstrip (g_strdup (meta->evidence_date));
  else
    out->evidence_date = current ? g_strdup (current->evidence_date) : paraat_evidence_today ();

  if (meta->valid_until != NULL)
    out->valid_until = g_strstrip (g_strdup (meta->valid_until));
  else if (current != NULL)
    out->valid_until = g_strdup (current->valid_until);
  else
    out->valid_until = default_valid_until (workspace, out->evidence_date);

  return validate_fields (workspace, out, error);
}

static const char *
owner_name (ParaatWorkspace *workspace,
            gint64           owner_id)
{
  ParaatPerson *person = owner_id > 0 ? paraat_workspace_find_person (workspace, owner_id)
                                      : NULL;

  return person ? paraat_person_get_name (person) : NULL;
}

/* Field-level changes for the trail; BEFORE is NULL for a new item. */
void
paraat_evidence_fields_describe (ParaatWorkspace            *workspace,
                                 const ParaatEvidenceFields *before,
                                 const ParaatEvidenceFields *after,
                                 ParaatChanges              *changes)
{
  const ParaatEvidenceFields none = { 0 };

  if (before == NULL)
    before = &none;
  paraat_changes_add (changes, "title", before->title, after->title);
  paraat_changes_add (changes, "track", before->track, after->track);
  paraat_changes_add (changes, "evidence_date", before->evidence_date, after->evidence_date);
  paraat_changes_add (changes, "valid_until", before->valid_until, after->valid_until);
  paraat_changes_add (changes, "owner", owner_name (workspace, before->owner_id),
                      owner_name (workspace, after->owner_id));
  paraat_changes_add (changes, "description",
                      before->description && before->description[0] ? before->description : NULL,
                      after->description[0] ? after->description : NULL);
}

/* Reading */

#define SELECT_EVIDENCE \
  "SELECT e.id, e.title, e.track, e.evidence_date, e.valid_until, e.owner_id, e.description," \
  " r.id, r.revision, r.file_name, r.content_type, b.hash, r.size," \
  " (SELECT count(*) FROM evidence_link l WHERE l.evidence_id = e.id)" \
  " FROM evidence e JOIN evidence_revision r ON r.evidence_id = e.id" \
  " JOIN blob b ON b.id = r.blob_id"

#define WHERE_LATEST \
  " WHERE r.revision = (SELECT max(x.revision) FROM evidence_revision x" \
  "                     WHERE x.evidence_id = e.id)"

#define ORDER_BY_TITLE " ORDER BY e.title COLLATE NOCASE, e.id"

static ParaatEvidence *
evidence_from_row (sqlite3_stmt *stmt)
{
  ParaatEvidence *self = g_object_new (PARAAT_TYPE_EVIDENCE, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->title = paraat_db_column_dup (stmt, 1);
  self->track = paraat_track_from_id ((const char *) sqlite3_column_text (stmt, 2));
  self->evidence_date = paraat_db_column_dup (stmt, 3);
  self->valid_until = paraat_db_column_dup (stmt, 4);
  self->owner_id = sqlite3_column_int64 (stmt, 5);
  self->description = paraat_db_column_dup (stmt, 6);
  self->revision_id = sqlite3_column_int64 (stmt, 7);
  self->revision = sqlite3_column_int (stmt, 8);
  self->file_name = paraat_db_column_dup (stmt, 9);
  self->content_type = paraat_db_column_dup (stmt, 10);
  self->hash = paraat_db_column_dup (stmt, 11);
  self->size = sqlite3_column_int64 (stmt, 12);
  self->n_links = (guint) sqlite3_column_int (stmt, 13);
  return self;
}

static GListModel *
collect (sqlite3_stmt  *stmt,
         GError       **error)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_EVIDENCE);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ParaatEvidence) evidence = evidence_from_row (stmt);
      g_list_store_append (store, evidence);
    }
  if (rc != SQLITE_DONE)
    {
      paraat_db_set_error (sqlite3_db_handle (stmt), rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Runs SQL with ID bound to ?1 (when ID is not 0) and returns the evidence objects. */
static GListModel *
query (ParaatWorkspace  *self,
       const char       *sql,
       gint64            id,
       GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (paraat_workspace_get_db (self) == NULL)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO, _("The workspace is closed."));
      return NULL;
    }
  stmt = paraat_db_prepare (paraat_workspace_get_db (self), sql, error);
  if (stmt == NULL)
    return NULL;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  return collect (stmt, error);
}

GListModel *
paraat_workspace_list_evidence (ParaatWorkspace  *self,
                                GError          **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  return query (self, SELECT_EVIDENCE WHERE_LATEST ORDER_BY_TITLE, 0, error);
}

ParaatEvidence *
paraat_workspace_get_evidence (ParaatWorkspace  *self,
                               gint64            evidence_id,
                               GError          **error)
{
  g_autoptr(GListModel) found = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  found = query (self, SELECT_EVIDENCE WHERE_LATEST " AND e.id = ?1", evidence_id, error);
  if (found == NULL)
    return NULL;
  if (evidence_id <= 0 || g_list_model_get_n_items (found) == 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND,
                   _("That evidence is not in this workspace."));
      return NULL;
    }
  return g_list_model_get_item (found, 0);
}

/* Oldest first: item n is revision n + 1. */
GListModel *
paraat_workspace_list_revisions (ParaatWorkspace  *self,
                                 gint64            evidence_id,
                                 GError          **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  return query (self, SELECT_EVIDENCE " WHERE e.id = ?1 ORDER BY r.revision", evidence_id,
                error);
}

GListModel *
paraat_workspace_list_evidence_for_requirement (ParaatWorkspace  *self,
                                                gint64            requirement_id,
                                                GError          **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  return query (self,
                SELECT_EVIDENCE WHERE_LATEST
                " AND e.id IN (SELECT evidence_id FROM evidence_link WHERE requirement_id = ?1)"
                ORDER_BY_TITLE, requirement_id, error);
}

/* The requirements whose ids STMT returns, in its order. */
static GListModel *
collect_requirements (ParaatWorkspace  *self,
                      sqlite3_stmt     *stmt,
                      GError          **error)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_REQUIREMENT);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ParaatRequirement) requirement =
        paraat_workspace_get_requirement (self, sqlite3_column_int64 (stmt, 0), error);
      if (requirement == NULL)
        return NULL;
      g_list_store_append (store, requirement);
    }
  if (rc != SQLITE_DONE)
    {
      paraat_db_set_error (paraat_workspace_get_db (self), rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GListModel *
paraat_workspace_list_evidence_links (ParaatWorkspace  *self,
                                      gint64            evidence_id,
                                      GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                            "SELECT r.id FROM evidence_link l"
                            " JOIN requirement r ON r.id = l.requirement_id"
                            " WHERE l.evidence_id = ?1 ORDER BY r.framework_id, r.position",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  return collect_requirements (self, stmt, error);
}

/* Evidence counts for a track while it has not gone stale; expiring evidence still counts. */
guint
paraat_workspace_get_fresh_tracks (ParaatWorkspace *self,
                                   gint64           requirement_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = paraat_evidence_today ();
  guint tracks = 0;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), 0);

  stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                            "SELECT DISTINCT e.track FROM evidence e"
                            " JOIN evidence_link l ON l.evidence_id = e.id"
                            " WHERE l.requirement_id = ?1 AND e.valid_until >= ?2", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, requirement_id);
  paraat_db_bind_text (stmt, 2, today);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    tracks |= paraat_track_from_id ((const char *) sqlite3_column_text (stmt, 0));
  return tracks;
}

/* Policy-only evidence is a classic audit finding: written down, never shown to be done. */
GListModel *
paraat_workspace_list_policy_only (ParaatWorkspace  *self,
                                   GError          **error)
{
  g_autofree char *today = paraat_evidence_today ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                            "SELECT r.id FROM requirement r"
                            " JOIN framework f ON f.id = r.framework_id"
                            " JOIN evidence_link l ON l.requirement_id = r.id"
                            " JOIN evidence e ON e.id = l.evidence_id"
                            " WHERE f.enabled = 1 AND r.applicable = 1 AND e.valid_until >= ?1"
                            " GROUP BY r.id"
                            " HAVING min(e.track) = 'policy' AND max(e.track) = 'policy'"
                            " ORDER BY f.id, r.position", error);
  if (stmt == NULL)
    return NULL;
  paraat_db_bind_text (stmt, 1, today);
  return collect_requirements (self, stmt, error);
}

/* Changing metadata and links */

static void
fields_from_evidence (ParaatEvidence       *evidence,
                      ParaatEvidenceFields *out)
{
  out->title = g_strdup (evidence->title);
  out->track = paraat_track_to_id (evidence->track);
  out->evidence_date = g_strdup (evidence->evidence_date);
  out->valid_until = g_strdup (evidence->valid_until);
  out->owner_id = evidence->owner_id;
  out->description = g_strdup (evidence->description);
}

static gboolean
write_fields (sqlite3                     *db,
              gint64                       evidence_id,
              const ParaatEvidenceFields  *f,
              GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (db,
                       "UPDATE evidence SET title = ?1, track = ?2, evidence_date = ?3,"
                       " valid_until = ?4, owner_id = ?5, description = ?6 WHERE id = ?7",
                       error);

  if (stmt == NULL)
    return FALSE;
  paraat_db_bind_text (stmt, 1, f->title);
  paraat_db_bind_text (stmt, 2, f->track);
  paraat_db_bind_text (stmt, 3, f->evidence_date);
  paraat_db_bind_text (stmt, 4, f->valid_until);
  paraat_db_bind_id (stmt, 5, f->owner_id);
  paraat_db_bind_text (stmt, 6, f->description);
  sqlite3_bind_int64 (stmt, 7, evidence_id);
  return paraat_db_step_done (stmt, error);
}

/* META as for adding, except that NULL fields (track 0) keep their current value; the
 * owner is always set from META (0: no owner). */
gboolean
paraat_workspace_update_evidence (ParaatWorkspace           *self,
                                  gint64                     evidence_id,
                                  const ParaatEvidenceMeta  *meta,
                                  GError                   **error)
{
  g_autoptr(ParaatEvidence) current = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_auto(ParaatEvidenceFields) before = { 0 };
  g_auto(ParaatEvidenceFields) after = { 0 };

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  if (!(current = paraat_workspace_get_evidence (self, evidence_id, error)) ||
      !paraat_evidence_fields_resolve (self, meta, current, NULL, &after, error))
    return FALSE;

  fields_from_evidence (current, &before);
  paraat_evidence_fields_describe (self, &before, &after, changes);
  if (paraat_changes_get_len (changes) == 0)
    return TRUE;

  return (txn = paraat_workspace_begin (self, error)) != NULL &&
         write_fields (paraat_workspace_get_db (self), evidence_id, &after, error) &&
         paraat_txn_log (txn, "evidence", evidence_id, after.title, "update", changes, NULL,
                         error) &&
         paraat_workspace_commit (self, txn, "evidence", error);
}

static gboolean
is_linked (ParaatWorkspace *self,
           gint64           evidence_id,
           gint64           requirement_id)
{
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (paraat_workspace_get_db (self),
                       "SELECT 1 FROM evidence_link WHERE evidence_id = ?1 AND requirement_id = ?2",
                       NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  sqlite3_bind_int64 (stmt, 2, requirement_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Links or unlinks in one transaction with its trail entry; doing what is already so is
 * no change and writes nothing. */
static gboolean
change_link (ParaatWorkspace  *self,
             gint64            evidence_id,
             gint64            requirement_id,
             gboolean          link,
             GError          **error)
{
  g_autoptr(ParaatEvidence) evidence = NULL;
  g_autoptr(ParaatRequirement) requirement = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;

  if (!(evidence = paraat_workspace_get_evidence (self, evidence_id, error)) ||
      !(requirement = paraat_workspace_get_requirement (self, requirement_id, error)))
    return FALSE;
  if (is_linked (self, evidence_id, requirement_id) == link)
    return TRUE;

  name = paraat_requirement_dup_display_name (requirement);
  paraat_changes_add (changes, "requirement", link ? NULL : name, link ? name : NULL);

  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                                  link ? "INSERT INTO evidence_link (evidence_id, requirement_id)"
                                         " VALUES (?1, ?2)"
                                       : "DELETE FROM evidence_link WHERE evidence_id = ?1"
                                         " AND requirement_id = ?2", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, evidence_id);
  sqlite3_bind_int64 (stmt, 2, requirement_id);
  return paraat_db_step_done (stmt, error) &&
         paraat_txn_log (txn, "evidence", evidence_id, evidence->title, link ? "link" : "unlink",
                         changes, NULL, error) &&
         paraat_workspace_commit (self, txn, "evidence", error);
}

gboolean
paraat_workspace_link_evidence (ParaatWorkspace  *self,
                                gint64            evidence_id,
                                gint64            requirement_id,
                                GError          **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);
  return change_link (self, evidence_id, requirement_id, TRUE, error);
}

gboolean
paraat_workspace_unlink_evidence (ParaatWorkspace  *self,
                                  gint64            evidence_id,
                                  gint64            requirement_id,
                                  GError          **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);
  return change_link (self, evidence_id, requirement_id, FALSE, error);
}

/* File names */

static gboolean
is_reserved_name (const char *name)
{
  static const char * const reserved[] = { "CON", "PRN", "AUX", "NUL" };
  g_autofree char *stem = g_ascii_strup (name, strcspn (name, "."));

  g_strchomp (stem);
  for (guint i = 0; i < G_N_ELEMENTS (reserved); i++)
    if (g_str_equal (stem, reserved[i]))
      return TRUE;
  /* COM1–COM9 and LPT1–LPT9 */
  return strlen (stem) == 4 && (g_str_has_prefix (stem, "COM") || g_str_has_prefix (stem, "LPT")) &&
         stem[3] >= '1' && stem[3] <= '9';
}

/* Cuts NAME to at most MAX bytes on a character boundary, keeping a short extension. */
static char *
truncate_name (const char *name,
               gsize       max)
{
  const char *dot = strrchr (name, '.');
  gsize ext_len = dot && dot != name && strlen (dot) <= 16 ? strlen (dot) : 0;
  g_autofree char *head = NULL;
  const char *end;

  if (strlen (name) <= max)
    return g_strdup (name);

  end = name + (max - ext_len);
  /* Step back to the start of a UTF-8 character. */
  while (end > name && ((guchar) *end & 0xC0) == 0x80)
    end--;
  head = g_strndup (name, end - name);
  return g_strconcat (head, ext_len ? dot : "", NULL);
}

/* No hidden files; Windows drops trailing dots and spaces. Works in place. */
static char *
trim_edges (char *name)
{
  gsize len;

  g_strstrip (name);
  while (name[0] == '.' || g_ascii_isspace (name[0]))
    memmove (name, name + 1, strlen (name));
  len = strlen (name);
  while (len > 0 && (name[len - 1] == '.' || g_ascii_isspace (name[len - 1])))
    name[--len] = '\0';
  return name;
}

static char *
replace_unsafe (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || (c < 128 && strchr ("/\\:*?\"<>|", (int) c) != NULL))
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* A name safe on Linux, macOS and Windows, for exporting evidence under its own name. */
char *
paraat_sanitize_file_name (const char *name)
{
  g_autofree char *clean = trim_edges (replace_unsafe (name ? name : ""));
  g_autofree char *safe = NULL;
  char *result;

  if (is_reserved_name (clean))
    safe = g_strconcat ("_", clean, NULL);
  else
    safe = g_steal_pointer (&clean);

  result = trim_edges (truncate_name (safe, PARAAT_EVIDENCE_TITLE_MAX));
  if (result[0] == '\0')
    {
      g_free (result);
      return g_strdup ("evidence");
    }
  return result;
}

/* Connections of their own */

/* Threads other than the caller's may not share the workspace's connection; WAL mode lets
 * them open their own beside it. */
sqlite3 *
paraat_evidence_open_db (const char  *path,
                         gboolean     writable,
                         gboolean    *write_allowed,
                         GError     **error)
{
  sqlite3 *db = NULL;
  int flags = (writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_NOFOLLOW;
  int rc = sqlite3_open_v2 (path, &db, flags, NULL);

  if (rc != SQLITE_OK)
    {
      paraat_db_set_error (db, rc, error);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, 2000);
  sqlite3_extended_result_codes (db, 1);
  if (write_allowed != NULL)
    paraat_db_register_guard (db, write_allowed);
  if (!paraat_db_exec (db, "PRAGMA foreign_keys = ON", error))
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}
