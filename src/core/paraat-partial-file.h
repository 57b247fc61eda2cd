/* paraat-partial-file.h — exports that appear under their own name only when whole
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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

G_END_DECLS
