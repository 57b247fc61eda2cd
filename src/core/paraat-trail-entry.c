/* paraat-trail-entry.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>

#include "paraat-i18n.h"
#include "paraat-risk.h"
#include "paraat-trail-entry.h"
#include "paraat-trail-private.h"

struct _ParaatTrailEntry
{
  GObject  parent_instance;

  gint64   seq;
  gint64   ts_ms;
  gint64   actor_id;
  gint64   object_id;
  char    *actor_name;
  char    *object_type;
  char    *object_label;
  char    *action;
  char    *details;
  char    *reason;
  char    *prev_hash;
  char    *hash;
};

G_DEFINE_FINAL_TYPE (ParaatTrailEntry, paraat_trail_entry, G_TYPE_OBJECT)

static void
paraat_trail_entry_finalize (GObject *object)
{
  ParaatTrailEntry *self = PARAAT_TRAIL_ENTRY (object);

  g_free (self->actor_name);
  g_free (self->object_type);
  g_free (self->object_label);
  g_free (self->action);
  g_free (self->details);
  g_free (self->reason);
  g_free (self->prev_hash);
  g_free (self->hash);

  G_OBJECT_CLASS (paraat_trail_entry_parent_class)->finalize (object);
}

static void
paraat_trail_entry_class_init (ParaatTrailEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = paraat_trail_entry_finalize;
}

static void
paraat_trail_entry_init (ParaatTrailEntry *self)
{
}

ParaatTrailEntry *
paraat_trail_entry_new (const ParaatTrailEntryData *data)
{
  ParaatTrailEntry *self = g_object_new (PARAAT_TYPE_TRAIL_ENTRY, NULL);

  self->seq = data->seq;
  self->ts_ms = data->ts_ms;
  self->actor_id = data->actor_id;
  self->object_id = data->object_id;
  self->actor_name = g_strdup (data->actor_name);
  self->object_type = g_strdup (data->object_type);
  self->object_label = g_strdup (data->object_label);
  self->action = g_strdup (data->action);
  self->details = g_strdup (data->details);
  self->reason = g_strdup (data->reason);
  self->prev_hash = g_strdup (data->prev_hash);
  self->hash = g_strdup (data->hash);
  return self;
}

ParaatTrailEntry *
paraat_trail_entry_new_from_row (sqlite3_stmt *stmt)
{
  ParaatTrailEntryData data = {
    .seq = sqlite3_column_int64 (stmt, 0),
    .ts_ms = sqlite3_column_int64 (stmt, 1),
    .actor_id = sqlite3_column_int64 (stmt, 2),
    .actor_name = (const char *) sqlite3_column_text (stmt, 3),
    .object_type = (const char *) sqlite3_column_text (stmt, 4),
    .object_id = sqlite3_column_int64 (stmt, 5),
    .object_label = (const char *) sqlite3_column_text (stmt, 6),
    .action = (const char *) sqlite3_column_text (stmt, 7),
    .details = (const char *) sqlite3_column_text (stmt, 8),
    .reason = (const char *) sqlite3_column_text (stmt, 9),
    .prev_hash = (const char *) sqlite3_column_text (stmt, 10),
    .hash = (const char *) sqlite3_column_text (stmt, 11),
  };

  return paraat_trail_entry_new (&data);
}

gint64 paraat_trail_entry_get_seq (ParaatTrailEntry *self) { return self->seq; }
gint64 paraat_trail_entry_get_ts_ms (ParaatTrailEntry *self) { return self->ts_ms; }
gint64 paraat_trail_entry_get_actor_id (ParaatTrailEntry *self) { return self->actor_id; }
gint64 paraat_trail_entry_get_object_id (ParaatTrailEntry *self) { return self->object_id; }
const char *paraat_trail_entry_get_actor_name (ParaatTrailEntry *self) { return self->actor_name; }
const char *paraat_trail_entry_get_object_type (ParaatTrailEntry *self) { return self->object_type; }
const char *paraat_trail_entry_get_object_label (ParaatTrailEntry *self) { return self->object_label; }
const char *paraat_trail_entry_get_action (ParaatTrailEntry *self) { return self->action; }
const char *paraat_trail_entry_get_details (ParaatTrailEntry *self) { return self->details; }
const char *paraat_trail_entry_get_reason (ParaatTrailEntry *self) { return self->reason; }
const char *paraat_trail_entry_get_prev_hash (ParaatTrailEntry *self) { return self->prev_hash; }
const char *paraat_trail_entry_get_hash (ParaatTrailEntry *self) { return self->hash; }

/* Local time in the user's locale format, for display; exports use UTC ISO 8601. */
char *
paraat_trail_entry_format_time (ParaatTrailEntry *self)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (self->ts_ms / 1000);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%x %X");
}

static const char * const object_types[] = {
  "workspace", "settings", "person", "framework", "requirement", "evidence", "scan", "action",
  "review", "scope", "risk", "exception", NULL
};

const char * const *
paraat_trail_object_types (void)
{
  return object_types;
}

const char *
paraat_trail_object_type_label (const char *object_type)
{
  if (g_strcmp0 (object_type, "workspace") == 0)
    return _("Workspace");
  if (g_strcmp0 (object_type, "settings") == 0)
    return _("Settings");
  if (g_strcmp0 (object_type, "person") == 0)
    return _("Person");
  if (g_strcmp0 (object_type, "framework") == 0)
    return _("Framework");
  if (g_strcmp0 (object_type, "requirement") == 0)
    return _("Requirement");
  if (g_strcmp0 (object_type, "evidence") == 0)
    return _("Evidence");
  if (g_strcmp0 (object_type, "scan") == 0)
    return _("Scan");
  if (g_strcmp0 (object_type, "action") == 0)
    return _("Action");
  if (g_strcmp0 (object_type, "review") == 0)
    return _("Management review");
  if (g_strcmp0 (object_type, "scope") == 0)
    return _("Scope item");
  if (g_strcmp0 (object_type, "risk") == 0)
    return _("Risk");
  if (g_strcmp0 (object_type, "exception") == 0)
    return _("Exception");
  return object_type;
}

const char *
paraat_trail_entry_get_type_label (ParaatTrailEntry *self)
{
  return paraat_trail_object_type_label (self->object_type);
}

const char *
paraat_trail_entry_get_action_label (ParaatTrailEntry *self)
{
  static const struct { const char *action; const char *label; } labels[] = {
    { "create", N_("Created") },
    { "update", N_("Changed") },
    { "delete", N_("Removed") },
    { "migrate", N_("Upgraded") },
    { "import", N_("Imported") },
    { "status", N_("Status changed") },
    { "link", N_("Linked") },
    { "unlink", N_("Unlinked") },
    { "evidence", N_("Evidence added") },
    { "sign-off", N_("Signed off") },
    { "due", N_("Due date moved") },
    { "approve", N_("Approved and closed") },
    { "reject", N_("Sent back") },
    { "cancel", N_("Cancelled") },
    { "reopen", N_("Reopened") },
    { "finalise", N_("Finalised") },
    { "addendum", N_("Addendum added") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (self->action, labels[i].action) == 0)
      return _(labels[i].label);
  return self->action;
}

static const char *
field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "name", N_("Name") },
    { "role", N_("Role") },
    { "email", N_("E-mail") },
    { "organisation", N_("Organisation") },
    { "scope", N_("Scope statement") },
    { "target_level", N_("Target level") },
    { "validity_months", N_("Evidence validity (months)") },
    { "schema_version", N_("Schema version") },
    { "key", N_("Identifier") },
    { "version", N_("Version") },
    { "format", N_("Format") },
    { "requirements", N_("Requirements") },
    { "enabled", N_("Enabled") },
    { "applicable", N_("Applicable") },
    { "justification", N_("Justification") },
    { "status", N_("Implementation status") },
    { "owner", N_("Owner") },
    { "notes", N_("Notes") },
    { "title", N_("Title") },
    { "track", N_("Track") },
    { "evidence_date", N_("Date of the evidence") },
    { "valid_until", N_("Valid until") },
    { "description", N_("Description") },
    { "file", N_("File") },
    { "sha256", N_("SHA-256") },
    { "size", N_("Size (bytes)") },
    { "revision", N_("Revision") },
    { "requirement", N_("Requirement") },
    { "date", N_("Date") },
    { "depth", N_("Depth") },
    { "frameworks", N_("Frameworks") },
    { "participants", N_("Participants") },
    { "questions", N_("Questions") },
    { "answer", N_("Answer") },
    { "level", N_("Maturity level") },
    { "reason", N_("Reason") },
    { "policy", N_("Policy") },
    { "operation", N_("Operation") },
    { "monitoring", N_("Monitoring") },
    { "decision", N_("Decision") },
    { "source", N_("Source") },
    { "due_date", N_("Due date") },
    { "priority", N_("Priority") },
    { "action_status", N_("Status") },
    { "required_track", N_("Track of the evidence needed") },
    { "required_evidence", N_("Evidence needed") },
    { "project", N_("Improvement project") },
    { "quarter", N_("Quarter") },
    { "scan", N_("Scan") },
    { "review_decision", N_("Management review decision") },
    { "reviewer", N_("Reviewer") },
    { "verification_note", N_("Verification note") },
    { "evidence", N_("Evidence") },
    { "allow_self_review", N_("Owners may review their own actions") },
    { "chair", N_("Chair") },
    { "attendees", N_("Attendees") },
    { "input", N_("Input") },
    { "covered", N_("Covered") },
    { "no_action_reason", N_("No action needed, because") },
    { "action", N_("Action") },
    { "finalised", N_("Finalised") },
    { "addendum", N_("Addendum") },
    { "kind", N_("Kind") },
    { "in_scope", N_("In scope") },
    { "scenario", N_("Scenario") },
    { "threat", N_("Threat") },
    { "vulnerability", N_("Vulnerability") },
    { "likelihood", N_("Likelihood") },
    { "impact", N_("Impact") },
    { "treatment", N_("Treatment") },
    { "residual_likelihood", N_("Residual likelihood") },
    { "residual_impact", N_("Residual impact") },
    { "review_date", N_("Review date") },
    { "accepted_by", N_("Accepted by") },
    { "accepted_date", N_("Date of acceptance") },
    { "scope_items", N_("Affected scope items") },
    { "actions", N_("Treatment actions") },
    { "person", N_("Person who may deviate") },
    { "scope_item", N_("Scope item that may deviate") },
    { "risk", N_("Accepted risk") },
    { "approver", N_("Approved by") },
    { "start_date", N_("Valid from") },
    { "expiry_date", N_("Valid until") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (field, labels[i].field) == 0)
      return _(labels[i].label);
  return field;
}

/* The details column is our own JSON ([{"field","before","after"}]); reading it back
 * through GVariant's text parser would choke on JSON null, so it is walked by hand. */
static char *
read_json_string (const char **p)
{
  GString *out;

  while (**p == ' ' || **p == ':' || **p == ',')
    (*p)++;
  if (g_str_has_prefix (*p, "null"))
    {
      *p += 4;
      return NULL;
    }
  if (**p != '"')
    return NULL;

  out = g_string_new (NULL);
  for ((*p)++; **p && **p != '"'; (*p)++)
    {
      if (**p == '\\' && (*p)[1])
        {
          (*p)++;
          switch (**p)
            {
            case 'n': g_string_append_c (out, '\n'); break;
            case 't': g_string_append_c (out, '\t'); break;
            case 'r': g_string_append_c (out, '\r'); break;
            case 'u':
              if (g_ascii_isxdigit ((*p)[1]) && strlen (*p) >= 5)
                {
                  g_string_append_unichar (out, (gunichar) g_ascii_strtoull (*p + 1, NULL, 16));
                  *p += 4;
                }
              break;
            default: g_string_append_c (out, **p);
            }
        }
      else
        g_string_append_c (out, **p);
    }
  if (**p == '"')
    (*p)++;
  return g_string_free (out, FALSE);
}

static gboolean
read_member (const char **p,
             const char  *key,
             char       **value)
{
  g_autofree char *name = read_json_string (p);

  if (g_strcmp0 (name, key) != 0)
    return FALSE;
  *value = read_json_string (p);
  return TRUE;
}

/* Stored values that are codes are shown in words; the same code can mean different things
 * in different fields ("partial" status versus a partly present track). */
static const char *
value_label (const char *field,
             const char *value)
{
  /* CONTEXT, when set, is the message context the label was marked with (NC_). */
  static const struct {
    const char *field;
    const char *value;
    const char *label;
    const char *context;
  } words[] = {
    { "applicable", "yes", N_("yes") },
    { "applicable", "no", N_("no") },
    { "enabled", "yes", N_("yes") },
    { "enabled", "no", N_("no") },
    { "status", "not-started", N_("Not started") },
    { "status", "planned", N_("Planned") },
    { "status", "partial", N_("Partially implemented") },
    { "status", "implemented", N_("Implemented") },
    { "track", "policy", N_("Policy") },
    { "track", "operation", N_("Operation") },
    { "track", "monitoring", N_("Monitoring") },
    { "answer", "open", N_("not answered") },
    { "answer", "level", N_("maturity level") },
    { "answer", "not-applicable", N_("not applicable") },
    { "answer", "unknown", N_("don’t know yet") },
    { "depth", "quick", N_("Quick scan") },
    { "depth", "full", N_("Gap analysis") },
    { "*track", "unknown", N_("Unknown") },
    { "*track", "present", N_("Present") },
    { "*track", "partial", N_("Partly present") },
    { "*track", "missing", N_("Missing") },
    { "required_track", "policy", N_("Policy") },
    { "required_track", "operation", N_("Operation") },
    { "required_track", "monitoring", N_("Monitoring") },
    { "action_status", "open", NC_("action status", "Open"), "action status" },
    { "action_status", "in-progress", NC_("action status", "In progress"), "action status" },
    { "action_status", "awaiting-review", NC_("action status", "Awaiting review"), "action status" },
    { "action_status", "closed", NC_("action status", "Closed"), "action status" },
    { "action_status", "cancelled", NC_("action status", "Cancelled"), "action status" },
    { "source", "scan-gap", N_("Scan gap") },
    { "source", "review", N_("Management review decision") },
    { "source", "audit", N_("Internal audit finding") },
    { "source", "risk", N_("Risk treatment") },
    { "source", "incident", N_("Incident") },
    { "source", "other", NC_("action source", "Other"), "action source" },
    { "priority", "low", NC_("priority", "Low"), "priority" },
    { "priority", "medium", NC_("priority", "Medium"), "priority" },
    { "priority", "high", NC_("priority", "High"), "priority" },
    { "priority", "critical", NC_("priority", "Critical"), "priority" },
    { "covered", "yes", N_("yes") },
    { "covered", "no", N_("no") },
    { "allow_self_review", "yes", N_("yes") },
    { "allow_self_review", "no", N_("no") },
    { "input", "previous-actions", N_("Status of actions from previous management reviews") },
    { "input", "issues", N_("Changes in external and internal issues") },
    { "input", "party-needs", N_("Changes in needs and expectations of interested parties") },
    { "input", "nonconformities",
      N_("Feedback on performance: nonconformities and corrective actions") },
    { "input", "monitoring", N_("Monitoring and measurement results") },
    { "input", "audits", N_("Audit results") },
    { "input", "objectives", N_("Fulfilment of information security objectives") },
    { "input", "party-feedback", N_("Feedback from interested parties") },
    { "input", "risks", N_("Results of risk assessment and status of the risk treatment plan") },
    { "input", "improvement", N_("Opportunities for continual improvement") },
    { "kind", "system", NC_("scope kind", "System"), "scope kind" },
    { "kind", "supplier", NC_("scope kind", "Supplier"), "scope kind" },
    { "kind", "location", NC_("scope kind", "Location"), "scope kind" },
    { "kind", "process", NC_("scope kind", "Process"), "scope kind" },
    { "kind", "role", NC_("scope kind", "Role"), "scope kind" },
    { "in_scope", "yes", N_("yes") },
    { "in_scope", "no", N_("no") },
    { "treatment", "mitigate", NC_("risk treatment", "Mitigate"), "risk treatment" },
    { "treatment", "accept", NC_("risk treatment", "Accept"), "risk treatment" },
    { "treatment", "transfer", NC_("risk treatment", "Transfer"), "risk treatment" },
    { "treatment", "avoid", NC_("risk treatment", "Avoid"), "risk treatment" },
  };
  /* Scan questions record a status per track under the track's own name. */
  const char *kind = (g_str_equal (field, "policy") || g_str_equal (field, "operation") ||
                      g_str_equal (field, "monitoring")) ? "*track" : field;

  if (value == NULL)
    return NULL;
  /* Risk scales are stored as 1–5 and read back in the scale's own words. */
  if (g_str_equal (field, "likelihood") || g_str_equal (field, "residual_likelihood"))
    return *paraat_likelihood_label (atoi (value)) ? paraat_likelihood_label (atoi (value)) : value;
  if (g_str_equal (field, "impact") || g_str_equal (field, "residual_impact"))
    return *paraat_impact_label (atoi (value)) ? paraat_impact_label (atoi (value)) : value;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (kind, words[i].field) && g_str_equal (value, words[i].value))
      return words[i].context
             ? paraat_pgettext2 (words[i].context, words[i].label)
             : _(words[i].label);
  return value;
}

static void
append_change (GString    *out,
               const char *field,
               const char *before,
               const char *after)
{
  before = value_label (field, before);
  after = value_label (field, after);

  if (out->len > 0)
    g_string_append_c (out, '\n');

  if (before == NULL)
    g_string_append_printf (out, _("%s: “%s”"), field_label (field), after ? after : "");
  else if (after == NULL)
    g_string_append_printf (out, _("%s: was “%s”"), field_label (field), before);
  else
    g_string_append_printf (out, _("%s: “%s” → “%s”"), field_label (field), before, after);
}

void
paraat_trail_entry_foreach_change (ParaatTrailEntry      *self,
                                   ParaatTrailChangeFunc  func,
                                   gpointer               user_data)
{
  const char *p = self->details ? self->details : "";

  while ((p = strchr (p, '{')) != NULL)
    {
      g_autofree char *field = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      p++;
      if (!read_member (&p, "field", &field) || !read_member (&p, "before", &before) ||
          !read_member (&p, "after", &after))
        break;
      func (field, before, after, user_data);
    }
}

static void
describe_one (const char *field,
              const char *before,
              const char *after,
              gpointer    user_data)
{
  append_change (user_data, field, before, after);
}

/* One line per changed field, "Field: before → after", in the UI language. */
char *
paraat_trail_entry_describe_changes (ParaatTrailEntry *self)
{
  GString *out = g_string_new (NULL);

  paraat_trail_entry_foreach_change (self, describe_one, out);
  return g_string_free (out, FALSE);
}
