/* paraat-pdf.h — documents of headings, text, tables and charts, paginated to A4 PDF with
 * a contents page, running headers and page numbers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "paraat-chart.h"

G_BEGIN_DECLS

typedef struct _ParaatPdf ParaatPdf;

/* TITLE runs in the header of every page but the cover and names the PDF's metadata. */
ParaatPdf *paraat_pdf_new            (const char          *title,
                                      gboolean             landscape);
void       paraat_pdf_free           (ParaatPdf           *self);

/* A cover page of its own: TITLE, SUBTITLE and LINES (NULL-terminated, may be NULL) */
void       paraat_pdf_add_cover      (ParaatPdf           *self,
                                      const char          *title,
                                      const char          *subtitle,
                                      const char * const  *lines);
/* Where the contents go: every section heading with its page, linked */
void       paraat_pdf_add_contents   (ParaatPdf           *self,
                                      const char          *heading);
/* A section: on a new page, in the contents, the PDF outline and the running header */
void       paraat_pdf_add_section    (ParaatPdf           *self,
                                      const char          *heading);
/* A heading inside a section, kept with what follows it */
void       paraat_pdf_add_subheading (ParaatPdf           *self,
                                      const char          *heading);
/* Plain text (no markup); it breaks across pages by lines */
void       paraat_pdf_add_paragraph  (ParaatPdf           *self,
                                      const char          *text);
/* The same in a quieter colour, for "nothing recorded yet" and explanations */
void       paraat_pdf_add_note       (ParaatPdf           *self,
                                      const char          *text);
/* Key figures side by side: a big VALUE, its LABEL and a NOTE (its trend) each */
void       paraat_pdf_add_figures    (ParaatPdf           *self,
                                      guint                n_figures,
                                      const char * const  *values,
                                      const char * const  *labels,
                                      const char * const  *notes);
/* A table whose heading row repeats on every page it runs over. ROWS holds NULL-terminated
 * string arrays of N_COLUMNS cells; WEIGHTS (may be NULL) shares out the width. Cells too
 * long for a page are cut with an ellipsis. The cells are copied. */
void       paraat_pdf_add_table      (ParaatPdf           *self,
                                      guint                n_columns,
                                      const char * const  *headings,
                                      const double        *weights,
                                      GPtrArray           *rows);
/* A chart drawn as vectors at the full text width and HEIGHT points */
void       paraat_pdf_add_chart      (ParaatPdf           *self,
                                      ParaatChart         *chart,
                                      double               height);

guint      paraat_pdf_get_n_pages    (ParaatPdf           *self);

/* Lays the document out and writes it beside PATH, then moves it in place; a failure or a
 * cancel leaves no file behind and an earlier file intact. */
gboolean   paraat_pdf_write          (ParaatPdf           *self,
                                      const char          *path,
                                      GCancellable        *cancellable,
                                      GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParaatPdf, paraat_pdf_free)

G_END_DECLS
