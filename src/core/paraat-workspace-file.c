/* paraat-workspace-file.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "paraat-error.h"
#include "paraat-i18n.h"
#include "paraat-workspace.h"
#include "paraat-workspace-file.h"

#define SQLITE_HEADER_SIZE 100

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static char *
display_name (const char *path)
{
  return g_filename_display_basename (path);
}

static gboolean
read_header (const char  *path,
             guchar       header[SQLITE_HEADER_SIZE],
             goffset     *size,
             GError     **error)
{
  g_autofree char *name = display_name (path);
  GStatBuf st;
  int fd;
  gssize n;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, PARAAT_ERROR,
                   saved == ENOENT ? PARAAT_ERROR_NOT_FOUND : PARAAT_ERROR_IO,
                   saved == ENOENT ? _("“%s” does not exist. Check the location, or create a "
                                       "new workspace.")
                                   : _("“%s” cannot be read. Check the file’s permissions."),
                   name);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_SQLITE,
                   _("“%s” is not a regular file. Choose a Paraat workspace (.paraat)."), name);
      return FALSE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO,
                   _("“%s” cannot be read. Check the file’s permissions."), name);
      return FALSE;
    }

  n = read (fd, header, SQLITE_HEADER_SIZE);
  close (fd);
  *size = st.st_size;

  if (n < SQLITE_HEADER_SIZE || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_SQLITE,
                   _("“%s” is not a Paraat workspace. Choose a .paraat file, or create a new "
                     "workspace."), name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_size (const guchar  header[SQLITE_HEADER_SIZE],
            goffset        size,
            const char    *name,
            GError       **error)
{
  guint32 page_size = ((guint32) header[16] << 8) | header[17];
  guint32 change_counter = read_be32 (header + 24);
  guint32 pages = read_be32 (header + 28);
  guint32 valid_for = read_be32 (header + 92);

  if (page_size == 1)
    page_size = 65536;

  if (page_size < 512 || (page_size & (page_size - 1)) != 0 || size % page_size != 0 ||
      (pages > 0 && change_counter == valid_for && size < (goffset) pages * page_size))
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_CORRUPT,
                   _("“%s” is damaged or incomplete (it may have been cut off while copying). "
                     "Open a backup copy instead."), name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_wal_file (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

/* Reads only the 100-byte SQLite header, so foreign, newer and truncated files are
 * refused before SQLite opens them and can change nothing. */
gboolean
paraat_workspace_file_inspect (const char        *path,
                               ParaatFileHeader  *out,
                               GError           **error)
{
  g_autofree char *name = display_name (path);
  guchar header[SQLITE_HEADER_SIZE];
  goffset size;

  if (!read_header (path, header, &size, error) || !check_size (header, size, name, error))
    return FALSE;

  out->user_version = (int) read_be32 (header + 60);
  out->application_id = read_be32 (header + 68);

  /* After a crash the newest commits, schema upgrades included, may still sit in the
   * write-ahead log; the header then tells an old story and SQLite must be asked. */
  if (has_wal_file (path))
    {
      out->user_version = -1;
      return TRUE;
    }
  return paraat_workspace_file_check_identity (path, out->application_id, out->user_version,
                                               error);
}

gboolean
paraat_workspace_file_check_identity (const char  *path,
                                      guint32      application_id,
                                      int          user_version,
                                      GError     **error)
{
  g_autofree char *name = display_name (path);

  if (application_id != PARAAT_APPLICATION_ID)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_FOREIGN,
                   _("“%s” is a database of another program, not a Paraat workspace. Choose a "
                     ".paraat file."), name);
      return FALSE;
    }

  if (user_version > PARAAT_SCHEMA_VERSION)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Paraat (format %d; this version "
                     "reads up to %d). Update Paraat to open it."),
                   name, user_version, PARAAT_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

/* SQLite in WAL mode writes beside the file, so the folder must be writable too. */
gboolean
paraat_workspace_file_writable (const char  *path,
                                GError     **error)
{
  g_autofree char *name = display_name (path);
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_access (path, W_OK) != 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_READ_ONLY,
                   _("“%s” is read-only. Make it writable, or save a copy to a folder you "
                     "can write to and open that."), name);
      return FALSE;
    }
  if (g_access (dir, W_OK) != 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_READ_ONLY,
                   _("The folder that holds “%s” is read-only. Move the workspace to a "
                     "folder you can write to."), name);
      return FALSE;
    }
  return TRUE;
}

/* An advisory lock, separate from SQLite's own locks, marks the file as open in a
 * Paraat instance. Returns the descriptor that holds it, or -1. */
int
paraat_workspace_file_lock (const char  *path,
                            GError     **error)
{
  g_autofree char *name = display_name (path);
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO,
                   _("“%s” cannot be read. Check the file’s permissions."), name);
      return -1;
    }

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_LOCKED,
                   _("“%s” is already open in Paraat, in another window or on another "
                     "session. Close it there first."), name);
      return -1;
    }

  return fd;
}
