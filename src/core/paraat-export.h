/* paraat-export.h — every register as a table, and the table as CSV or ODS
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

/* The framework whose Annex A the Statement of Applicability lists */
#define PARAAT_EXPORT_SOA_FRAMEWORK "iso27001-2022"

typedef enum
{
  PARAAT_EXPORT_SOA,            /* ISO/IEC 27001:2022 Annex A: Statement of Applicability */
  PARAAT_EXPORT_REQUIREMENTS,   /* the requirement register of one or all frameworks */
  PARAAT_EXPORT_ACTIONS,
  PARAAT_EXPORT_RISKS,
  PARAAT_EXPORT_EXCEPTIONS,
  PARAAT_EXPORT_SCOPE,
  PARAAT_EXPORT_EVIDENCE,
  PARAAT_EXPORT_REVIEWS,        /* one row per management review decision */
  PARAAT_N_EXPORTS
} ParaatExportKind;

typedef enum
{
  PARAAT_EXPORT_CSV,
  PARAAT_EXPORT_ODS,
  PARAAT_EXPORT_PDF,
} ParaatExportFormat;

/* A register as rows of text cells, independent of the file format it is written in. The
 * headings and the values in words (yes/no, statuses, levels) are in the current locale. */
typedef struct _ParaatExportTable ParaatExportTable;

/* "soa", "requirements", "actions", "risks", "exceptions", "scope", "evidence", "reviews" */
const char        *paraat_export_kind_to_string      (ParaatExportKind   kind);
gboolean           paraat_export_kind_from_string    (const char        *name,
                                                      ParaatExportKind  *kind);

/* FRAMEWORK_KEY is only used for PARAAT_EXPORT_REQUIREMENTS: that framework's
 * requirements, or with NULL those of every enabled framework. */
ParaatExportTable *paraat_workspace_build_export     (ParaatWorkspace   *self,
                                                      ParaatExportKind   kind,
                                                      const char        *framework_key,
                                                      GError           **error);

ParaatExportKind   paraat_export_table_get_kind      (ParaatExportTable *table);
const char        *paraat_export_table_get_title     (ParaatExportTable *table);
guint              paraat_export_table_get_n_columns (ParaatExportTable *table);
const char        *paraat_export_table_get_heading   (ParaatExportTable *table,
                                                      guint              column);
guint              paraat_export_table_get_n_rows    (ParaatExportTable *table);
const char        *paraat_export_table_get_cell      (ParaatExportTable *table,
                                                      guint              row,
                                                      guint              column);
/* Appends a row of n_columns cells (copied; NULL is an empty cell). */
void               paraat_export_table_add_row       (ParaatExportTable *table,
                                                      const char * const *cells);
void               paraat_export_table_free          (ParaatExportTable *table);

/* RFC 4180 with a UTF-8 byte order mark; written beside PATH and moved in place, so a
 * failure leaves no partial file and an earlier file intact. */
gboolean           paraat_export_table_write_csv     (ParaatExportTable *table,
                                                      const char        *path,
                                                      GError           **error);

/* OpenDocument Spreadsheet: one sheet named after the title, the headings in bold in its
 * first row. Cells that are whole numbers are numbers; all others are text, with the same
 * leading apostrophe as in CSV before =, +, -, @, ', a tab or a carriage return. Written
 * beside PATH and moved in place, like the CSV. */
gboolean           paraat_export_table_write_ods     (ParaatExportTable *table,
                                                      const char        *path,
                                                      GError           **error);

/* PDF: the title, the date and the organisation above a table whose headings repeat on
 * every page, A4 landscape, with page numbers; text stays text. Written beside PATH and
 * moved in place, like the others. */
gboolean           paraat_export_table_write_pdf     (ParaatExportTable *table,
                                                      const char        *organisation,
                                                      const char        *path,
                                                      GCancellable      *cancellable,
                                                      GError           **error);

/* In FORMAT; ORGANISATION is only used by PDF, and CANCELLABLE only by PDF, the one that
 * takes long enough to want it */
gboolean           paraat_export_table_write         (ParaatExportTable *table,
                                                      ParaatExportFormat format,
                                                      const char        *organisation,
                                                      const char        *path,
                                                      GCancellable      *cancellable,
                                                      GError           **error);

/* "csv", "ods", "pdf" */
const char        *paraat_export_format_to_string    (ParaatExportFormat format);
gboolean           paraat_export_format_from_string  (const char        *name,
                                                      ParaatExportFormat *format);
/* The format that PATH's extension names, case-insensitively; FALSE when none does */
gboolean           paraat_export_format_from_path    (const char        *path,
                                                      ParaatExportFormat *format);

/* Builds the register and writes it in FORMAT to PATH, in LANGUAGE ("en", "nl"; NULL: the
 * interface language). */
gboolean           paraat_workspace_export           (ParaatWorkspace   *self,
                                                      ParaatExportKind   kind,
                                                      const char        *framework_key,
                                                      ParaatExportFormat format,
                                                      const char        *language,
                                                      const char        *path,
                                                      GCancellable      *cancellable,
                                                      GError           **error);
/* The same in a worker thread on its own read-only connection to WORKSPACE_PATH. */
void               paraat_export_async               (const char        *workspace_path,
                                                      ParaatExportKind   kind,
                                                      const char        *framework_key,
                                                      ParaatExportFormat format,
                                                      const char        *language,
                                                      const char        *path,
                                                      GCancellable      *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer           user_data);
gboolean           paraat_export_finish              (GAsyncResult      *result,
                                                      GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParaatExportTable, paraat_export_table_free)

G_END_DECLS
