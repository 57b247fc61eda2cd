/* paraat-action-private.h — shared by the action, review and metrics modules of the core
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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

G_END_DECLS
