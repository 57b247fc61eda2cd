/* paraat-trail-export-dialog.h — asks where to save an audit-trail export, then writes it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "paraat-trail-export.h"
#include "paraat-workspace.h"

G_BEGIN_DECLS

void paraat_trail_export_dialog_run (GtkWindow         *parent,
                                     ParaatWorkspace   *workspace,
                                     const char        *object_type,
                                     gint64             object_id,
                                     ParaatTrailFormat  format);

G_END_DECLS
