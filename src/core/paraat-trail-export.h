/* paraat-trail-export.h — the audit trail as CSV or XML, for auditors to check independently
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  PARAAT_TRAIL_FORMAT_CSV,
  PARAAT_TRAIL_FORMAT_XML,
} ParaatTrailFormat;

gboolean paraat_trail_format_from_string (const char         *name,
                                          ParaatTrailFormat  *format);
gboolean paraat_trail_export             (const char         *workspace_path,
                                          const char         *object_type,
                                          gint64              object_id,
                                          ParaatTrailFormat   format,
                                          GFile              *destination,
                                          GCancellable       *cancellable,
                                          GError            **error);
void     paraat_trail_export_async       (const char         *workspace_path,
                                          const char         *object_type,
                                          gint64              object_id,
                                          ParaatTrailFormat   format,
                                          GFile              *destination,
                                          GCancellable       *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer            user_data);
gboolean paraat_trail_export_finish      (GAsyncResult       *result,
                                          GError            **error);

G_END_DECLS
