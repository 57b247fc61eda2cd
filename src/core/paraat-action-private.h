/* paraat-action-private.h — shared by the action, review and metrics modules of the core
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "paraat-action.h"
#include "paraat-txn.h"

G_BEGIN_DECLS

/* Validates SPEC and inserts the action with its trail entry inside TXN; 0 on failure. */
gint64      paraat_action_insert      (ParaatWorkspace         *workspace,
                                       ParaatTxn               *txn,
                                       const ParaatActionSpec  *spec,
                                       GError                 **error);
/* Actions matching WHERE (on table alias "a"; ID bound to ?1 unless 0), soonest due first. */
GListModel *paraat_action_query       (ParaatWorkspace         *workspace,
                                       const char              *where,
                                       gint64                   id,
                                       GError                 **error);
/* Only the strict "YYYY-MM-DD" form, so dates sort and compare as text in SQL. */
gboolean    paraat_action_parse_date  (const char              *text,
                                       GDate                   *date);
gboolean    paraat_action_check_date  (const char              *text,
                                       GError                 **error);
char       *paraat_action_format_date (const GDate             *date);
/* Stripped, valid UTF-8, never NULL */
char       *paraat_action_clean_text  (const char              *text);
gboolean    paraat_action_check_text  (const char              *text,
                                       guint                    max_chars,
                                       GError                 **error);
gboolean    paraat_action_check_open  (ParaatWorkspace         *workspace,
                                       GError                 **error);
/* NULL for an empty string, so an empty field leaves no trail line */
const char *paraat_action_non_empty   (const char              *text);

/* SQL of the open WORKSPACE with ID bound to ?1 (unless 0), ready to step through its rows. */
sqlite3_stmt *paraat_action_prepare_for_id (ParaatWorkspace    *workspace,
                                            const char         *sql,
                                            gint64              id,
                                            GError            **error);
/* Makes one object of a row of STMT; NULL with ERROR set when that fails. */
typedef gpointer (*ParaatActionRowReader) (sqlite3       *db,
                                           sqlite3_stmt  *stmt,
                                           GError       **error);
/* Steps through all rows of STMT, each made into an object of TYPE by READ_ROW. */
GListModel *paraat_action_collect     (sqlite3                 *db,
                                       sqlite3_stmt            *stmt,
                                       GType                    type,
                                       ParaatActionRowReader    read_row,
                                       GError                 **error);
/* The only item of FOUND (a query by ID), or NULL with a NOT_FOUND error saying MESSAGE. */
gpointer    paraat_action_first_found (GListModel              *found,
                                       gint64                   id,
                                       const char              *message,
                                       GError                 **error);

G_END_DECLS
