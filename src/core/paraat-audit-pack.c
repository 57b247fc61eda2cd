/* paraat-audit-pack.c — everything an auditor asks for, in one folder with a manifest
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pack is built in a hidden folder beside the destination and renamed into place when
 * complete, so a failure or a cancel never leaves half a pack under the chosen name.
 */
#include <errno.h>
#include <glib/gstdio.h>

#include "paraat-error.h"
#include "paraat-evidence.h"
#include "paraat-export.h"
#include "paraat-i18n.h"
#include "paraat-report.h"
#include "paraat-trail-export.h"

#define MANIFEST_NAME "MANIFEST.sha256"
#define READ_CHUNK    (64 * 1024)

typedef struct
{
  ParaatWorkspace    *workspace;
  char               *staging;     /* the hidden folder being filled */
  GPtrArray          *files;       /* paths relative to the pack, in the order written */
  ParaatProgressFunc  progress;
  gpointer            progress_data;
  GCancellable       *cancellable;
} Pack;

static const ParaatExportKind registers[] = {
  PARAAT_EXPORT_REQUIREMENTS, PARAAT_EXPORT_ACTIONS, PARAAT_EXPORT_RISKS,
  PARAAT_EXPORT_EXCEPTIONS, PARAAT_EXPORT_SCOPE, PARAAT_EXPORT_EVIDENCE, PARAAT_EXPORT_REVIEWS,
};

static void
pack_progress (Pack       *pack,
               double      fraction,
               const char *step)
{
  if (pack->progress != NULL)
    pack->progress (fraction, step, pack->progress_data);
}

/* The absolute path of RELATIVE inside the pack, remembered for the manifest */
static char *
pack_file (Pack       *pack,
           const char *relative)
{
  g_ptr_array_add (pack->files, g_strdup (relative));
  return g_build_filename (pack->staging, relative, NULL);
}

static gboolean
make_folder (Pack        *pack,
             const char  *relative,
             GError     **error)
{
  g_autofree char *path = g_build_filename (pack->staging, relative, NULL);

  if (g_mkdir (path, 0755) == 0)
    return TRUE;
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO, I_("Could not create the folder “%s”: %s"),
               name, g_strerror (errno));
  return FALSE;
}

static gboolean
write_board_report (Pack    *pack,
                    GError **error)
{
  g_autofree char *path = pack_file (pack, "board-report.pdf");

  return paraat_workspace_write_board_report (pack->workspace, NULL, path, NULL, NULL,
                                              pack->cancellable, error);
}

static gboolean
write_register (Pack               *pack,
                ParaatExportKind    kind,
                const char         *folder,
                ParaatExportFormat  format,
                GError            **error)
{
  g_autofree char *name = g_strdup_printf ("%s.%s", paraat_export_kind_to_string (kind),
                                           paraat_export_format_to_string (format));
  g_autofree char *relative = folder != NULL ? g_build_filename (folder, name, NULL)
                                             : g_strdup (name);
  g_autofree char *path = pack_file (pack, relative);

  return !g_cancellable_set_error_if_cancelled (pack->cancellable, error) &&
         paraat_workspace_export (pack->workspace, kind, NULL, format, NULL, path,
                                  pack->cancellable, error);
}

static gboolean
write_soa (Pack    *pack,
           GError **error)
{
  for (ParaatExportFormat format = PARAAT_EXPORT_CSV; format <= PARAAT_EXPORT_PDF; format++)
    if (!write_register (pack, PARAAT_EXPORT_SOA, NULL, format, error))
      return FALSE;
  return TRUE;
}

static gboolean
write_registers (Pack    *pack,
                 GError **error)
{
  if (!make_folder (pack, "registers", error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (registers); i++)
    if (!write_register (pack, registers[i], "registers", PARAAT_EXPORT_ODS, error) ||
        !write_register (pack, registers[i], "registers", PARAAT_EXPORT_CSV, error))
      return FALSE;
  return TRUE;
}

static gboolean
write_trail (Pack    *pack,
             GError **error)
{
  g_autofree char *csv = pack_file (pack, "audit-trail.csv");
  g_autofree char *xml = pack_file (pack, "audit-trail.xml");
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr(GFile) xml_file = g_file_new_for_path (xml);
  const char *workspace_path = paraat_workspace_get_path (pack->workspace);

  return paraat_trail_export (workspace_path, NULL, 0, PARAAT_TRAIL_FORMAT_CSV, csv_file,
                              pack->cancellable, error) &&
         paraat_trail_export (workspace_path, NULL, 0, PARAAT_TRAIL_FORMAT_XML, xml_file,
                              pack->cancellable, error);
}

/* "E0012 Access policy.pdf": the number keeps names apart and leads back to the register */
static char *
evidence_file_name (ParaatEvidence *evidence)
{
  g_autofree char *name = g_strdup_printf ("E%04" G_GINT64_FORMAT " %s",
                                           paraat_evidence_get_id (evidence),
                                           paraat_evidence_get_file_name (evidence));

  return paraat_sanitize_file_name (name);
}

static gboolean
write_evidence (Pack    *pack,
                GError **error)
{
  g_autoptr(GListModel) evidence = paraat_workspace_list_evidence (pack->workspace, error);

  if (evidence == NULL || !make_folder (pack, "evidence", error))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(ParaatEvidence) item = g_list_model_get_item (evidence, i);
      g_autofree char *name = evidence_file_name (item);
      g_autofree char *relative = g_build_filename ("evidence", name, NULL);
      g_autofree char *path = pack_file (pack, relative);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      if (!paraat_workspace_export_revision (pack->workspace,
                                             paraat_evidence_get_revision_id (item), file,
                                             pack->cancellable, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_text (Pack        *pack,
            const char  *relative,
            const char  *text,
            gboolean     listed,
            GError     **error)
{
  g_autofree char *path = listed ? pack_file (pack, relative)
                                 : g_build_filename (pack->staging, relative, NULL);

  return g_file_set_contents (path, text, -1, error);
}

static gboolean
write_index (Pack    *pack,
             GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: the first lines of README.txt in an audit pack; %s is the organisation */
  g_string_append_printf (text, _("Audit pack of %s, made with Paraat."),
                          paraat_workspace_get_organisation (pack->workspace));
  g_string_append (text, "\n\n");
  g_string_append_printf (text, "board-report.pdf\n  %s\n", _("The board report."));
  g_string_append_printf (text, "soa.pdf, soa.ods, soa.csv\n  %s\n",
                          _("The Statement of Applicability: every Annex A control of ISO/IEC "
                            "27001:2022 with its applicability, justification, status, owner "
                            "and evidence."));
  g_string_append_printf (text, "registers/\n  %s\n",
                          _("Every register as an OpenDocument spreadsheet and as CSV."));
  g_string_append_printf (text, "audit-trail.csv, audit-trail.xml\n  %s\n",
                          _("The whole audit trail with its hash chain, checked before it was "
                            "written."));
  g_string_append_printf (text, "evidence/\n  %s\n",
                          _("The latest version of every evidence item, numbered as in the "
                            "evidence register."));
  g_string_append (text, MANIFEST_NAME "\n  ");
  g_string_append_printf (text, _("The SHA-256 checksum of every file; check them with "
                                  "“sha256sum -c %s”."), MANIFEST_NAME);
  g_string_append_c (text, '\n');
  return write_text (pack, "README.txt", text->str, TRUE, error);
}

static gboolean
hash_file (const char  *path,
           GString     *manifest,
           const char  *relative,
           GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, error);
  g_autofree guchar *buffer = g_malloc (READ_CHUNK);
  gssize n;

  if (in == NULL)
    return FALSE;
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, READ_CHUNK, NULL, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return FALSE;
  g_string_append_printf (manifest, "%s  %s\n", g_checksum_get_string (checksum), relative);
  return TRUE;
}

/* In the format of sha256sum: "<hex>  <path>", paths relative to the pack */
static gboolean
write_manifest (Pack    *pack,
                GError **error)
{
  g_autoptr(GString) manifest = g_string_new (NULL);

  for (guint i = 0; i < pack->files->len; i++)
    {
      const char *relative = g_ptr_array_index (pack->files, i);
      g_autofree char *path = g_build_filename (pack->staging, relative, NULL);

      if (g_cancellable_set_error_if_cancelled (pack->cancellable, error) ||
          !hash_file (path, manifest, relative, error))
        return FALSE;
    }
  return write_text (pack, MANIFEST_NAME, manifest->str, FALSE, error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* The destination may not exist yet, or be an empty folder; its parent must exist. */
static gboolean
check_destination (const char  *directory,
                   GError     **error)
{
  g_autofree char *parent = g_path_get_dirname (directory);
  g_autofree char *name = g_filename_display_name (directory);
  g_autoptr(GDir) dir = NULL;

  if (!g_file_test (parent, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO,
                   I_("Could not write “%s”: the folder does not exist."), name);
      return FALSE;
    }
  if (!g_file_test (directory, G_FILE_TEST_EXISTS))
    return TRUE;
  if (g_file_test (directory, G_FILE_TEST_IS_DIR) && (dir = g_dir_open (directory, 0, NULL)) &&
      g_dir_read_name (dir) == NULL)
    return TRUE;
  g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_EXISTS,
               I_("“%s” already exists and is not an empty folder. Choose a new name for the "
                  "audit pack."), name);
  return FALSE;
}

/* rename() replaces an empty folder the user chose, and refuses anything else */
static gboolean
move_into_place (Pack        *pack,
                 const char  *directory,
                 GError     **error)
{
  g_autofree char *name = NULL;
  int saved;

  if (g_rename (pack->staging, directory) == 0)
    return TRUE;
  saved = errno;
  name = g_filename_display_name (directory);
  g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO, I_("Could not write “%s”: %s"), name,
               g_strerror (saved));
  return FALSE;
}

typedef gboolean (*PackStep) (Pack *pack, GError **error);

static gboolean
fill (Pack    *pack,
      GError **error)
{
  static const PackStep steps[] = {
    write_board_report, write_soa, write_registers, write_trail, write_evidence, write_index,
    write_manifest,
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (g_cancellable_set_error_if_cancelled (pack->cancellable, error) ||
          !steps[i] (pack, error))
        return FALSE;
      pack_progress (pack, (double) (i + 1) / (G_N_ELEMENTS (steps) + 1),
                     N_("Writing the audit pack"));
    }
  return TRUE;
}

static gboolean
write_pack (ParaatWorkspace    *self,
            const char         *directory,
            ParaatProgressFunc  progress,
            gpointer            progress_data,
            GCancellable       *cancellable,
            GError            **error)
{
  /* Also without a trailing slash, so that the staging folder lands beside it */
  g_autofree char *target = g_canonicalize_filename (directory, NULL);
  g_autofree char *parent = g_path_get_dirname (target);
  g_autofree char *template = g_build_filename (parent, ".paraat-pack-XXXXXX", NULL);
  g_autofree char *name = g_filename_display_name (target);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  Pack pack = {
    .workspace = self,
    .files = files,
    .progress = progress,
    .progress_data = progress_data,
    .cancellable = cancellable,
  };

  if (!check_destination (target, error))
    return FALSE;
  if (!(pack.staging = g_mkdtemp_full (template, 0755)))
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO,
                   I_("Could not write “%s”: the folder is not writable. Choose another "
                      "folder."), name);
      return FALSE;
    }
  pack_progress (&pack, 0, N_("Writing the audit pack"));
  if (!fill (&pack, error) || !move_into_place (&pack, target, error))
    {
      remove_tree (pack.staging);
      return FALSE;
    }
  pack_progress (&pack, 1, N_("Done"));
  return TRUE;
}

gboolean
paraat_workspace_write_audit_pack (ParaatWorkspace    *self,
                                   const char         *language,
                                   const char         *directory,
                                   ParaatProgressFunc  progress,
                                   gpointer            progress_data,
                                   GCancellable       *cancellable,
                                   GError            **error)
{
  g_autoptr(ParaatLanguageScope) scope = NULL;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (directory != NULL, FALSE);

  return (scope = paraat_i18n_enter_language (language, error)) != NULL &&
         write_pack (self, directory, progress, progress_data, cancellable, error);
}
