/* paraat-framework.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "paraat-clock.h"
#include "paraat-db.h"
#include "paraat-error.h"
#include "paraat-framework-private.h"
#include "paraat-i18n.h"
#include "paraat-workspace-private.h"

#define BUNDLED_PATH "/io/github/paraat/Paraat/core/catalogs/"

struct _ParaatFramework
{
  GObject     parent_instance;

  gint64      id;
  char       *key;
  char       *title_en;   /* either may be NULL; the reader's language picks */
  char       *title_nl;
  char       *version;
  char       *source;
  char       *format;
  gboolean    bundled;
  gboolean    enabled;
  guint       n_requirements;
};

G_DEFINE_FINAL_TYPE (ParaatFramework, paraat_framework, G_TYPE_OBJECT)

static void
paraat_framework_finalize (GObject *object)
{
  ParaatFramework *self = PARAAT_FRAMEWORK (object);

  g_free (self->key);
  g_free (self->title_en);
  g_free (self->title_nl);
  g_free (self->version);
  g_free (self->source);
  g_free (self->format);

  G_OBJECT_CLASS (paraat_framework_parent_class)->finalize (object);
}

static void
paraat_framework_class_init (ParaatFrameworkClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = paraat_framework_finalize;
}

static void
paraat_framework_init (ParaatFramework *self)
{
}

gint64 paraat_framework_get_id (ParaatFramework *self) { return self->id; }
const char *paraat_framework_get_key (ParaatFramework *self) { return self->key; }
const char *
paraat_framework_get_title (ParaatFramework *self)
{
  ParaatText title = { .en = self->title_en, .nl = self->title_nl };

  return paraat_text_pick (&title);
}
const char *paraat_framework_get_version (ParaatFramework *self) { return self->version; }
const char *paraat_framework_get_source (ParaatFramework *self) { return self->source; }
const char *paraat_framework_get_format (ParaatFramework *self) { return self->format; }
gboolean paraat_framework_get_bundled (ParaatFramework *self) { return self->bundled; }
gboolean paraat_framework_get_enabled (ParaatFramework *self) { return self->enabled; }
guint paraat_framework_get_n_requirements (ParaatFramework *self) { return self->n_requirements; }

static ParaatFramework *
framework_from_row (sqlite3_stmt *stmt)
{
  ParaatFramework *self = g_object_new (PARAAT_TYPE_FRAMEWORK, NULL);
  self->id = sqlite3_column_int64 (stmt, 0);
  self->key = paraat_db_column_dup (stmt, 1);
  self->title_en = paraat_db_column_dup (stmt, 2);
  self->title_nl = paraat_db_column_dup (stmt, 3);
  self->version = paraat_db_column_dup (stmt, 4);
  self->source = paraat_db_column_dup (stmt, 5);
  self->format = paraat_db_column_dup (stmt, 6);
  self->bundled = sqlite3_column_int (stmt, 7) != 0;
  self->enabled = sqlite3_column_int (stmt, 8) != 0;
  self->n_requirements = (guint) sqlite3_column_int64 (stmt, 9);
  return self;
}

void
paraat_framework_reload (ParaatWorkspace *workspace)
{
  GListStore *store = paraat_workspace_get_framework_store (workspace);
  g_autoptr(GPtrArray) frameworks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (paraat_workspace_get_db (workspace),
                       "SELECT f.id, f.key, f.title_en, f.title_nl, f.version, f.source, f.format,"
                       " f.bundled, f.enabled,"
                       " (SELECT count(*) FROM requirement r WHERE r.framework_id = f.id)"
                       " FROM framework f ORDER BY f.bundled DESC, f.id", NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (frameworks, framework_from_row (stmt));

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       frameworks->pdata, frameworks->len);
}

GListModel *
paraat_workspace_get_frameworks (ParaatWorkspace *self)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (paraat_workspace_get_framework_store (self));
}

ParaatFramework *
paraat_workspace_find_framework (ParaatWorkspace *self,
                                 gint64           framework_id)
{
  GListModel *frameworks = paraat_workspace_get_frameworks (self);

  for (guint i = 0; i < g_list_model_get_n_items (frameworks); i++)
    {
      g_autoptr(ParaatFramework) framework = g_list_model_get_item (frameworks, i);
      if (framework->id == framework_id)
        return framework;
    }
  return NULL;
}

/* Storing a parsed catalog */

static void
bind_text (sqlite3_stmt     *stmt,
           int               index,
           const ParaatText *text)
{
  paraat_db_bind_text (stmt, index, text->en);
  paraat_db_bind_text (stmt, index + 1, text->nl);
}

static gboolean
key_exists (sqlite3    *db,
            const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = paraat_db_prepare (db, "SELECT 1 FROM framework WHERE key = ?1",
                                                    NULL);

  paraat_db_bind_text (stmt, 1, key);
  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW;
}

static gint64
insert_framework (sqlite3              *db,
                  const ParaatCatalog  *catalog,
                  gboolean              bundled,
                  GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (db,
                       "INSERT INTO framework (key, version, title_en, title_nl, source, format,"
                       " bundled, enabled, imported_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8)",
                       error);

  if (stmt == NULL)
    return 0;
  paraat_db_bind_text (stmt, 1, catalog->key);
  paraat_db_bind_text (stmt, 2, catalog->version ? catalog->version : "");
  bind_text (stmt, 3, &catalog->title);
  paraat_db_bind_text (stmt, 5, catalog->source ? catalog->source : "");
  paraat_db_bind_text (stmt, 6, catalog->format == PARAAT_CATALOG_FORMAT_OSCAL ? "oscal"
                                                                                : "paraat");
  sqlite3_bind_int (stmt, 7, bundled ? 1 : 0);
  sqlite3_bind_int64 (stmt, 8, paraat_clock_now_ms ());
  if (!paraat_db_step_done (stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (db);
}

static gboolean
insert_levels (sqlite3           *db,
               gint64             framework_id,
               const char        *group_key,
               const ParaatText   levels[4],
               GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (db,
                       "INSERT INTO framework_level (framework_id, group_key, level, text_en,"
                       " text_nl) VALUES (?1, ?2, ?3, ?4, ?5)", error);

  if (stmt == NULL)
    return FALSE;

  for (int level = 1; level <= 4; level++)
    {
      if (levels[level - 1].en == NULL && levels[level - 1].nl == NULL)
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, framework_id);
      paraat_db_bind_text (stmt, 2, group_key ? group_key : "");
      sqlite3_bind_int (stmt, 3, level);
      bind_text (stmt, 4, &levels[level - 1]);
      if (!paraat_db_step_done (stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_groups (sqlite3              *db,
               gint64                framework_id,
               const ParaatCatalog  *catalog,
               GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (db,
                       "INSERT INTO requirement_group (framework_id, key, parent_key, title_en,"
                       " title_nl, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < catalog->groups->len; i++)
    {
      const ParaatCatalogGroup *group = g_ptr_array_index (catalog->groups, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, framework_id);
      paraat_db_bind_text (stmt, 2, group->key);
      paraat_db_bind_text (stmt, 3, group->parent_key);
      bind_text (stmt, 4, &group->title);
      sqlite3_bind_int (stmt, 6, (int) i);
      if (!paraat_db_step_done (stmt, error) ||
          !insert_levels (db, framework_id, group->key, group->maturity, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_links (sqlite3                        *db,
              gint64                          requirement_id,
              const ParaatCatalogRequirement *requirement,
              GError                        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (requirement->maps_to == NULL || requirement->maps_to->len == 0)
    return TRUE;

  stmt = paraat_db_prepare (db,
                            "INSERT OR IGNORE INTO requirement_link (requirement_id,"
                            " target_framework, target_key) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < requirement->maps_to->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (requirement->maps_to, i), "\x1f", 2);

      if (g_strv_length (parts) != 2)
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, requirement_id);
      paraat_db_bind_text (stmt, 2, parts[0]);
      paraat_db_bind_text (stmt, 3, parts[1]);
      if (!paraat_db_step_done (stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_requirements (sqlite3              *db,
                     gint64                framework_id,
                     const ParaatCatalog  *catalog,
                     GError              **error)
{
  g_autoptr(GHashTable) depths = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (db,
                       "INSERT INTO requirement (framework_id, key, label, kind, group_key,"
                       " parent_key, depth, title_en, title_nl, guidance_en, guidance_nl,"
                       " question_en, question_nl, tracks, weight, position) VALUES (?1, ?2, ?3,"
                       " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)", error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < catalog->requirements->len; i++)
    {
      const ParaatCatalogRequirement *req = g_ptr_array_index (catalog->requirements, i);
      int depth = 0;

      /* Parents come before their children in document order. */
      if (req->parent_key != NULL)
        depth = GPOINTER_TO_INT (g_hash_table_lookup (depths, req->parent_key)) + 1;
      g_hash_table_insert (depths, req->key, GINT_TO_POINTER (depth));

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, framework_id);
      paraat_db_bind_text (stmt, 2, req->key);
      paraat_db_bind_text (stmt, 3, req->label ? req->label : req->key);
      paraat_db_bind_text (stmt, 4, req->kind ? req->kind : "control");
      paraat_db_bind_text (stmt, 5, req->group_key);
      paraat_db_bind_text (stmt, 6, req->parent_key);
      sqlite3_bind_int (stmt, 7, depth);
      bind_text (stmt, 8, &req->title);
      bind_text (stmt, 10, &req->guidance);
      bind_text (stmt, 12, &req->question);
      sqlite3_bind_int (stmt, 14, (int) req->tracks);
      sqlite3_bind_double (stmt, 15, req->weight);
      sqlite3_bind_int (stmt, 16, (int) i);
      if (!paraat_db_step_done (stmt, error) ||
          !insert_links (db, sqlite3_last_insert_rowid (db), req, error))
        return FALSE;
    }
  return TRUE;
}

/* Inserts the whole catalog inside TXN with one trail entry; the caller commits. */
gint64
paraat_framework_store_catalog (ParaatTxn            *txn,
                                const ParaatCatalog  *catalog,
                                gboolean              bundled,
                                GError              **error)
{
  sqlite3 *db = paraat_txn_get_db (txn);
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autofree char *count = g_strdup_printf ("%u", catalog->requirements->len);
  const char *title = paraat_text_pick (&catalog->title);
  gint64 id;

  if (key_exists (db, catalog->key))
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_EXISTS,
                   _("The framework “%s” (%s) is already in this workspace. Nothing was "
                     "imported."), title ? title : catalog->key, catalog->key);
      return 0;
    }

  if (!(id = insert_framework (db, catalog, bundled, error)) ||
      !insert_levels (db, id, NULL, catalog->maturity, error) ||
      !insert_groups (db, id, catalog, error) ||
      !insert_requirements (db, id, catalog, error))
    return 0;

  paraat_changes_add (changes, "key", NULL, catalog->key);
  paraat_changes_add (changes, "version", NULL, catalog->version);
  paraat_changes_add (changes, "format",
                      NULL, catalog->format == PARAAT_CATALOG_FORMAT_OSCAL ? "oscal" : "paraat");
  paraat_changes_add (changes, "requirements", NULL, count);
  if (!paraat_txn_log (txn, "framework", id, title ? title : catalog->key, "import", changes,
                       NULL, error))
    return 0;
  return id;
}

static ParaatCatalog *
load_bundled (const char  *name,
              GError     **error)
{
  g_autofree char *path = g_strconcat (BUNDLED_PATH, name, NULL);
  g_autoptr(GBytes) bytes = NULL;

  paraat_core_ensure_resources ();
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  return paraat_catalog_parse_bytes (bytes, name, error);
}

gboolean
paraat_framework_install_bundled (ParaatTxn  *txn,
                                  GError    **error)
{
  static const char * const bundled[] = { "iso27001-2022.xml", "nis2.xml" };

  for (guint i = 0; i < G_N_ELEMENTS (bundled); i++)
    {
      g_autoptr(ParaatCatalog) catalog = load_bundled (bundled[i], error);

      if (catalog == NULL || paraat_framework_store_catalog (txn, catalog, TRUE, error) == 0)
        return FALSE;
    }
  return TRUE;
}

gint64
paraat_workspace_import_catalog (ParaatWorkspace      *self,
                                 const ParaatCatalog  *catalog,
                                 GError              **error)
{
  g_autoptr(ParaatTxn) txn = NULL;
  gint64 id;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (catalog != NULL, 0);

  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(id = paraat_framework_store_catalog (txn, catalog, FALSE, error)) ||
      !paraat_workspace_commit (self, txn, "framework", error))
    return 0;
  return id;
}

gboolean
paraat_workspace_set_framework_enabled (ParaatWorkspace  *self,
                                        gint64            framework_id,
                                        gboolean          enabled,
                                        GError          **error)
{
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ParaatFramework *framework;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  framework = paraat_workspace_find_framework (self, framework_id);
  if (framework == NULL)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND,
                   _("That framework is no longer in this workspace."));
      return FALSE;
    }
  if (framework->enabled == enabled)
    return TRUE;

  paraat_changes_add (changes, "enabled", framework->enabled ? "yes" : "no",
                      enabled ? "yes" : "no");
  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (paraat_workspace_get_db (self),
                                  "UPDATE framework SET enabled = ?1 WHERE id = ?2", error)))
    return FALSE;

  sqlite3_bind_int (stmt, 1, enabled ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, framework_id);
  if (!paraat_db_step_done (stmt, error) ||
      !paraat_txn_log (txn, "framework", framework_id, paraat_framework_get_title (framework), "update", changes,
                       NULL, error) ||
      !paraat_workspace_commit (self, txn, "framework", error))
    return FALSE;
  return TRUE;
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  ParaatCatalog *catalog = paraat_catalog_parse_file (task_data, &error);

  if (catalog == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, catalog, (GDestroyNotify) paraat_catalog_free);
}

void
paraat_catalog_parse_file_async (const char          *path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, paraat_catalog_parse_file_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, parse_thread);
}

ParaatCatalog *
paraat_catalog_parse_file_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
