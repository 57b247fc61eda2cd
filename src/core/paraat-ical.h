/* paraat-ical.h — open actions as an iCalendar (RFC 5545) file of to-dos
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

/* Escapes TEXT for a TEXT property value: backslash, semicolon, comma and newlines. */
char     *paraat_ical_escape_text           (const char       *text);
/* Appends one content line to OUT, folded at 75 octets (never inside a UTF-8 character)
 * and ended with CRLF. */
void      paraat_ical_append_line           (GString          *out,
                                             const char       *line);
/* The calendar text: one VTODO per action that is open, in progress or awaiting review. */
char     *paraat_workspace_build_deadlines  (ParaatWorkspace  *self,
                                             GError          **error);
/* Writes it to PATH; the file appears under its name only when complete. */
gboolean  paraat_workspace_export_deadlines (ParaatWorkspace  *self,
                                             const char       *path,
                                             GError          **error);

G_END_DECLS
