/* paraat-risk-private.h — shared by the scope, risk and exception modules, and by the scan,
 * metrics and chart code that read the risk register
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "paraat-risk.h"
#include "paraat-txn.h"

G_BEGIN_DECLS

/* Sets an INVALID error with MESSAGE; always FALSE, so validation can return it. */
gboolean    paraat_risk_invalid            (GError       **error,
                                            const char    *message);
/* IDS without repeats, sorted, so links compare and store the same way every time. */
GArray     *paraat_risk_unique_ids         (const gint64  *ids,
                                            guint          n_ids);
gboolean    paraat_risk_ids_equal          (GArray        *a,
                                            GArray        *b);
gboolean    paraat_risk_row_exists         (sqlite3       *db,
                                            const char    *sql,
                                            gint64         id);
/* The ids SQL (with ID bound to ?1) returns, in its order. */
GArray     *paraat_risk_query_ids          (sqlite3       *db,
                                            const char    *sql,
                                            gint64         id,
                                            GError       **error);
/* Replaces the rows of TABLE (OWNER_COLUMN = OWNER_ID) with one per id of IDS. */
gboolean    paraat_risk_write_links        (sqlite3       *db,
                                            const char    *table,
                                            const char    *owner_column,
                                            const char    *target_column,
                                            gint64         owner_id,
                                            GArray        *ids,
                                            GError       **error);
/* Every id of IDS must be a row of TABLE; MESSAGE otherwise. */
gboolean    paraat_risk_check_ids          (sqlite3       *db,
                                            const char    *table,
                                            GArray        *ids,
                                            const char    *message,
                                            GError       **error);
/* "iso27001-2022 A.5.15, nis2 21(2)(j)": linked requirements in words, for the trail */
char       *paraat_risk_describe_requirements (sqlite3    *db,
                                            GArray        *ids);
/* The names of the rows of TABLE (a "name" or "title" column) in IDS, ", "-separated */
char       *paraat_risk_describe_names     (sqlite3       *db,
                                            const char    *sql,
                                            GArray        *ids);
/* A person's name, or NULL for 0 or someone not in the directory */
const char *paraat_risk_person_name        (ParaatWorkspace *workspace,
                                            gint64         person_id);

/* The highest inherent score (likelihood × impact) of the risks linked to each requirement:
 * gint64 * requirement id → GINT_TO_POINTER (score), for the scan's gap priority. */
GHashTable *paraat_risk_max_scores         (ParaatWorkspace *workspace,
                                            GError       **error);
/* Inherent scores from this one up are high or critical */
#define PARAAT_RISK_HIGH_SCORE 10

G_END_DECLS
