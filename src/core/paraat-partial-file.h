/* paraat-partial-file.h — exports that appear under their own name only when whole
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

GOutputStream *paraat_partial_file_create  (GFile          *destination,
                                            GFile         **partial,
                                            GCancellable   *cancellable,
                                            GError        **error);
gboolean       paraat_partial_file_commit  (GOutputStream  *out,
                                            GFile          *partial,
                                            GFile          *destination,
                                            GCancellable   *cancellable,
                                            GError        **error);
void           paraat_partial_file_discard (GOutputStream  *out,
                                            GFile          *partial);

/* Sets ERROR to why PATH could not be written (from CAUSE, which may be NULL) in words the
 * user can act on. Returns FALSE, for callers to return. */
gboolean       paraat_partial_file_set_error (const char  *path,
                                              GError      *cause,
                                              GError     **error);

/* For cairo surfaces that write to a stream: the first write error is kept, and every
 * write after it fails. */
typedef struct
{
  GOutputStream *out;
  GError        *error;
} ParaatStreamClosure;

cairo_status_t paraat_stream_closure_write (void                *closure,
                                            const unsigned char *data,
                                            unsigned int         length);

G_END_DECLS
