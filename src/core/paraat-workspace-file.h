/* paraat-workspace-file.h — checks made on a file before SQLite may touch it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int     user_version;    /* -1: only SQLite knows (a write-ahead log is pending) */
  guint32 application_id;
} ParaatFileHeader;

gboolean paraat_workspace_file_inspect  (const char        *path,
                                         ParaatFileHeader  *header,
                                         GError           **error);
gboolean paraat_workspace_file_check_identity (const char *path,
                                               guint32     application_id,
                                               int         user_version,
                                               GError    **error);
gboolean paraat_workspace_file_writable (const char        *path,
                                         GError           **error);
int      paraat_workspace_file_lock     (const char        *path,
                                         GError           **error);

G_END_DECLS
