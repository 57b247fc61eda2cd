/* paraat-partial-file.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <string.h>

#include "paraat-error.h"
#include "paraat-i18n.h"
#include "paraat-partial-file.h"

/* A hidden name beside DESTINATION; not derived from the destination's name, which may
 * already be as long as a file name may be. */
GOutputStream *
paraat_partial_file_create (GFile         *destination,
                            GFile        **partial,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (destination);
  g_autofree char *name = NULL;
  GFileOutputStream *out;

  if (parent == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, g_strerror (EISDIR));
      return NULL;
    }

  name = g_strdup_printf (".paraat-export-%08x.partial", g_random_int ());
  *partial = g_file_get_child (parent, name);
  out = g_file_create (*partial, G_FILE_CREATE_NONE, cancellable, error);
  if (out == NULL)
    g_clear_object (partial);
  return G_OUTPUT_STREAM (out);
}

void
paraat_partial_file_discard (GOutputStream *out,
                             GFile         *partial)
{
  if (out != NULL && !g_output_stream_is_closed (out))
    g_output_stream_close (out, NULL, NULL);
  if (partial != NULL)
    g_file_delete (partial, NULL, NULL);
}

/* Closes OUT and moves it over DESTINATION; on failure nothing is left behind. */
gboolean
paraat_partial_file_commit (GOutputStream  *out,
                            GFile          *partial,
                            GFile          *destination,
                            GCancellable   *cancellable,
                            GError        **error)
{
  if (g_output_stream_close (out, cancellable, error) &&
      g_file_move (partial, destination,
                   G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                   cancellable, NULL, NULL, error))
    return TRUE;

  paraat_partial_file_discard (out, partial);
  return FALSE;
}

cairo_status_t
paraat_stream_closure_write (void                *data,
                             const unsigned char *bytes,
                             unsigned int         length)
{
  ParaatStreamClosure *closure = data;

  if (closure->error != NULL ||
      !g_output_stream_write_all (closure->out, bytes, length, NULL, NULL, &closure->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* What went wrong writing PATH, in words the user can act on: the partial file's hidden
 * name in GIO's message would only confuse. Always FALSE. */
gboolean
paraat_partial_file_set_error (const char  *path,
                               GError      *cause,
                               GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
      g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO,
                 I_("Could not write “%s”: the folder is not writable. Choose another "
                   "folder."), name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO,
                 I_("Could not write “%s”: the folder does not exist."), name);
  else
    g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO, I_("Could not write “%s”: %s"), name,
                 cause ? cause->message : g_strerror (EIO));
  return FALSE;
}
