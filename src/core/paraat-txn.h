/* paraat-txn.h — the one write path: a transaction that carries its audit-trail entries
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _ParaatChanges ParaatChanges;
typedef struct _ParaatTxn     ParaatTxn;

ParaatChanges *paraat_changes_new      (void);
void           paraat_changes_free     (ParaatChanges *changes);
void           paraat_changes_add      (ParaatChanges *changes,
                                        const char    *field,
                                        const char    *before,
                                        const char    *after);
void           paraat_changes_add_int  (ParaatChanges *changes,
                                        const char    *field,
                                        gint64         before,
                                        gint64         after);
guint          paraat_changes_get_len  (ParaatChanges *changes);
char          *paraat_changes_to_json  (ParaatChanges *changes);

ParaatTxn     *paraat_txn_begin        (sqlite3       *db,
                                        gboolean      *write_allowed,
                                        gint64         actor_id,
                                        const char    *actor_name,
                                        GError       **error);
sqlite3       *paraat_txn_get_db       (ParaatTxn     *txn);
void           paraat_txn_set_actor_id (ParaatTxn     *txn,
                                        gint64         actor_id);
gboolean       paraat_txn_log          (ParaatTxn     *txn,
                                        const char    *object_type,
                                        gint64         object_id,
                                        const char    *object_label,
                                        const char    *action,
                                        ParaatChanges *changes,
                                        const char    *reason,
                                        GError       **error);
gboolean       paraat_txn_commit       (ParaatTxn     *txn,
                                        GError       **error);
void           paraat_txn_free         (ParaatTxn     *txn);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParaatChanges, paraat_changes_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParaatTxn, paraat_txn_free)

G_END_DECLS
