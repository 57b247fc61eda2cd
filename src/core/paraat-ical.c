/* paraat-ical.c — open actions as iCalendar to-dos, for a calendar or task app
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "paraat-action.h"
#include "paraat-clock.h"
#include "paraat-error.h"
#include "paraat-evidence.h"
#include "paraat-i18n.h"
#include "paraat-ical.h"
#include "paraat-partial-file.h"

#define FOLD_OCTETS 75

char *
paraat_ical_escape_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case ';': g_string_append (out, "\\;"); break;
        case ',': g_string_append (out, "\\,"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': break;
        default: g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

/* RFC 5545 3.1: lines longer than 75 octets continue on the next line after CRLF and a
 * space; a split never falls inside a multi-byte UTF-8 character. */
void
paraat_ical_append_line (GString    *out,
                         const char *line)
{
  const char *p = line;
  gsize limit = FOLD_OCTETS;

  while (strlen (p) > limit)
    {
      const char *cut = p + limit;

      while (cut > p && ((guchar) *cut & 0xC0) == 0x80)
        cut--;
      g_string_append_len (out, p, cut - p);
      g_string_append (out, "\r\n ");
      p = cut;
      limit = FOLD_OCTETS - 1;    /* the leading space counts */
    }
  g_string_append (out, p);
  g_string_append (out, "\r\n");
}

static void
append_property (GString    *out,
                 const char *name,
                 const char *text)
{
  g_autofree char *escaped = paraat_ical_escape_text (text);
  g_autofree char *line = g_strconcat (name, ":", escaped, NULL);

  paraat_ical_append_line (out, line);
}

/* RFC 5545 PRIORITY: 1 is the highest, 9 the lowest. */
static int
ical_priority (ParaatPriority priority)
{
  switch (priority)
    {
    case PARAAT_PRIORITY_CRITICAL: return 1;
    case PARAAT_PRIORITY_HIGH: return 3;
    case PARAAT_PRIORITY_MEDIUM: return 5;
    case PARAAT_PRIORITY_LOW:
    case PARAAT_N_PRIORITIES:
    default: return 9;
    }
}

/* A parameter value may not hold a double quote; quoted, it may hold ; : and ,. */
static char *
quote_param (const char *value)
{
  g_autofree char *clean = g_strdup (value);

  g_strdelimit (clean, "\"\r\n", ' ');
  return g_strdup_printf ("\"%s\"", clean);
}

static char *
describe (ParaatAction *action)
{
  GString *out = g_string_new (NULL);
  const char *decision = paraat_action_get_decision (action);
  const char *required = paraat_action_get_required_evidence (action);

  g_string_append_printf (out, _("Owner: %s"), paraat_action_get_owner_name (action));
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Status: %s"),
                          paraat_action_status_label (paraat_action_get_status (action)));
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Evidence needed: %s"),
                          paraat_track_label (paraat_action_get_required_track (action)));
  if (required[0] != '\0')
    g_string_append_printf (out, " — %s", required);
  if (decision[0] != '\0')
    g_string_append_printf (out, "\n\n%s", decision);
  return g_string_free (out, FALSE);
}

static void
append_todo (GString         *out,
             ParaatWorkspace *ws,
             ParaatAction    *action,
             const char      *stamp)
{
  ParaatPerson *owner = paraat_workspace_find_person (ws, paraat_action_get_owner_id (action));
  g_autofree char *uid = NULL;
  g_autofree char *due = NULL;
  g_autofree char *description = describe (action);
  g_autofree char *priority = NULL;
  const char *uuid = paraat_workspace_get_uuid (ws);

  uid = g_strdup_printf ("UID:action-%" G_GINT64_FORMAT "-%s@paraat",
                         paraat_action_get_id (action), uuid ? uuid : "workspace");
  due = g_strdup_printf ("DUE;VALUE=DATE:%.4s%.2s%.2s", paraat_action_get_due_date (action),
                         paraat_action_get_due_date (action) + 5,
                         paraat_action_get_due_date (action) + 8);
  priority = g_strdup_printf ("PRIORITY:%d", ical_priority (paraat_action_get_priority (action)));

  paraat_ical_append_line (out, "BEGIN:VTODO");
  paraat_ical_append_line (out, uid);
  paraat_ical_append_line (out, stamp);
  paraat_ical_append_line (out, due);
  append_property (out, "SUMMARY", paraat_action_get_title (action));
  append_property (out, "DESCRIPTION", description);
  paraat_ical_append_line (out, paraat_action_get_status (action) == PARAAT_ACTION_OPEN
                                ? "STATUS:NEEDS-ACTION" : "STATUS:IN-PROCESS");
  paraat_ical_append_line (out, priority);
  if (owner != NULL && paraat_person_get_email (owner)[0] != '\0')
    {
      g_autofree char *cn = quote_param (paraat_person_get_name (owner));
      g_autofree char *attendee = g_strdup_printf ("ATTENDEE;ROLE=REQ-PARTICIPANT;CN=%s:mailto:%s",
                                                   cn, paraat_person_get_email (owner));
      paraat_ical_append_line (out, attendee);
    }
  paraat_ical_append_line (out, "END:VTODO");
}

char *
paraat_workspace_build_deadlines (ParaatWorkspace  *self,
                                  GError          **error)
{
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  GString *out;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);

  if (!(actions = paraat_workspace_list_actions (self, error)))
    return NULL;

  now = g_date_time_new_from_unix_utc (paraat_clock_now_ms () / 1000);
  stamp = g_date_time_format (now, "DTSTAMP:%Y%m%dT%H%M%SZ");
  name = g_strdup_printf (_("Actions of %s"), paraat_workspace_get_organisation (self));

  out = g_string_new (NULL);
  paraat_ical_append_line (out, "BEGIN:VCALENDAR");
  paraat_ical_append_line (out, "VERSION:2.0");
  paraat_ical_append_line (out, "PRODID:-//Paraat//Paraat " PACKAGE_VERSION "//EN");
  paraat_ical_append_line (out, "CALSCALE:GREGORIAN");
  paraat_ical_append_line (out, "METHOD:PUBLISH");
  append_property (out, "X-WR-CALNAME", name);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(ParaatAction) action = g_list_model_get_item (actions, i);

      if (paraat_action_is_active (action))
        append_todo (out, self, action, stamp);
    }
  paraat_ical_append_line (out, "END:VCALENDAR");
  return g_string_free (out, FALSE);
}

gboolean
paraat_workspace_export_deadlines (ParaatWorkspace  *self,
                                   const char       *path,
                                   GError          **error)
{
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GFile) partial = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(text = paraat_workspace_build_deadlines (self, error)))
    return FALSE;

  destination = g_file_new_for_path (path);
  if (!(out = paraat_partial_file_create (destination, &partial, NULL, error)))
    return FALSE;
  if (!g_output_stream_write_all (out, text, strlen (text), NULL, NULL, error))
    {
      paraat_partial_file_discard (out, partial);
      return FALSE;
    }
  return paraat_partial_file_commit (out, partial, destination, NULL, error);
}
