/* paraat-trail-model.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "paraat-db.h"
#include "paraat-i18n.h"
#include "paraat-trail-model.h"
#include "paraat-trail-private.h"
#include "paraat-workspace-private.h"

#define PAGE_SIZE 100
#define MAX_CACHED_PAGES 40

/* The model holds only the matching sequence numbers (8 bytes each); entries are read a
 * page at a time when the view asks for them, so 200,000 entries cost little memory. */
struct _ParaatTrailModel
{
  GObject          parent_instance;

  ParaatWorkspace *workspace;
  GArray          *seqs;
  GHashTable      *pages;
  char            *where;
  GPtrArray       *params;
  gboolean         oldest_first;
  gint64           max_seq;
  gulong           changed_id;
  gulong           closed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ParaatTrailModel, paraat_trail_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GPtrArray *
load_page (ParaatTrailModel *self,
           guint             page)
{
  sqlite3 *db = paraat_workspace_get_db (self->workspace);
  g_autoptr(GString) sql = g_string_new (PARAAT_TRAIL_SELECT);
  g_autoptr(GHashTable) by_seq = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);
  guint first = page * PAGE_SIZE;
  guint last = MIN (first + PAGE_SIZE, self->seqs->len);

  g_string_append (sql, " WHERE seq IN (");
  for (guint i = first; i < last; i++)
    g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, i > first ? "," : "",
                            g_array_index (self->seqs, gint64, i));
  g_string_append (sql, ")");

  if (db == NULL || !(stmt = paraat_db_prepare (db, sql->str, NULL)))
    return entries;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ParaatTrailEntry *entry = paraat_trail_entry_new_from_row (stmt);
      gint64 *key = g_new (gint64, 1);

      *key = paraat_trail_entry_get_seq (entry);
      g_hash_table_insert (by_seq, key, entry);
      g_object_set_data_full (G_OBJECT (entry), "paraat-key", key, g_free);
    }

  for (guint i = first; i < last; i++)
    {
      gint64 seq = g_array_index (self->seqs, gint64, i);
      ParaatTrailEntry *entry = g_hash_table_lookup (by_seq, &seq);
      if (entry != NULL)
        g_ptr_array_add (entries, g_object_ref (entry));
    }
  return entries;
}

static GType
paraat_trail_model_get_item_type (GListModel *model)
{
  return PARAAT_TYPE_TRAIL_ENTRY;
}

static guint
paraat_trail_model_get_n_items (GListModel *model)
{
  return PARAAT_TRAIL_MODEL (model)->seqs->len;
}

static gpointer
paraat_trail_model_get_item (GListModel *model,
                             guint       position)
{
  ParaatTrailModel *self = PARAAT_TRAIL_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *entries;

  if (position >= self->seqs->len)
    return NULL;

  entries = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page + 1));
  if (entries == NULL)
    {
      if (g_hash_table_size (self->pages) >= MAX_CACHED_PAGES)
        g_hash_table_remove_all (self->pages);
      entries = load_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page + 1), entries);
    }

  if (position % PAGE_SIZE >= entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (entries, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = paraat_trail_model_get_item_type;
  iface->get_n_items = paraat_trail_model_get_n_items;
  iface->get_item = paraat_trail_model_get_item;
}

static void
bind_params (sqlite3_stmt *stmt,
             GPtrArray    *params)
{
  for (guint i = 0; i < params->len; i++)
    {
      GVariant *value = g_ptr_array_index (params, i);

      if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        sqlite3_bind_int64 (stmt, (int) i + 1, g_variant_get_int64 (value));
      else
        sqlite3_bind_text (stmt, (int) i + 1, g_variant_get_string (value, NULL), -1,
                           SQLITE_TRANSIENT);
    }
}

/* Reads the sequence numbers that match the filter and are above AFTER_SEQ. */
static GArray *
query_seqs (ParaatTrailModel  *self,
            gint64             after_seq,
            GError           **error)
{
  sqlite3 *db = paraat_workspace_get_db (self->workspace);
  g_autofree char *sql = g_strdup_printf ("SELECT seq FROM trail WHERE seq > %" G_GINT64_FORMAT
                                          "%s ORDER BY seq %s", after_seq, self->where,
                                          self->oldest_first ? "ASC" : "DESC");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (db == NULL)
    return g_steal_pointer (&seqs);
  if (!(stmt = paraat_db_prepare (db, sql, error)))
    return NULL;

  bind_params (stmt, self->params);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (seqs, seq);
    }
  if (rc != SQLITE_DONE)
    {
      paraat_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&seqs);
}

static gint64
head_seq (ParaatTrailModel *self)
{
  sqlite3 *db = paraat_workspace_get_db (self->workspace);

  return db ? paraat_db_query_int (db, "SELECT max(seq) FROM trail", 0) : 0;
}

static char *
escape_like (const char *text)
{
  GString *out = g_string_new ("%");

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '%');
  return g_string_free (out, FALSE);
}

static void
build_where (ParaatTrailModel        *self,
             const ParaatTrailFilter *filter)
{
  GString *where = g_string_new (NULL);

  g_ptr_array_set_size (self->params, 0);

#define ADD_PARAM(v) g_ptr_array_add (self->params, g_variant_ref_sink (v))
  if (filter->actor_id > 0)
    {
      g_string_append_printf (where, " AND actor_id = ?%u", self->params->len + 1);
      ADD_PARAM (g_variant_new_int64 (filter->actor_id));
    }
  if (filter->object_type != NULL)
    {
      g_string_append_printf (where, " AND object_type = ?%u", self->params->len + 1);
      ADD_PARAM (g_variant_new_string (filter->object_type));
    }
  if (filter->object_id >= 0)
    {
      g_string_append_printf (where, " AND object_id = ?%u", self->params->len + 1);
      ADD_PARAM (g_variant_new_int64 (filter->object_id));
    }
  if (filter->from_ms > 0)
    {
      g_string_append_printf (where, " AND ts_ms >= ?%u", self->params->len + 1);
      ADD_PARAM (g_variant_new_int64 (filter->from_ms));
    }
  if (filter->to_ms > 0)
    {
      g_string_append_printf (where, " AND ts_ms < ?%u", self->params->len + 1);
      ADD_PARAM (g_variant_new_int64 (filter->to_ms));
    }
  if (filter->text != NULL && filter->text[0] != '\0')
    {
      guint n = self->params->len + 1;
      g_string_append_printf (where, " AND (object_label LIKE ?%u ESCAPE '\\'"
                                     " OR actor_name LIKE ?%u ESCAPE '\\'"
                                     " OR details LIKE ?%u ESCAPE '\\'"
                                     " OR reason LIKE ?%u ESCAPE '\\')", n, n, n, n);
      ADD_PARAM (g_variant_new_take_string (escape_like (filter->text)));
    }
#undef ADD_PARAM

  g_free (self->where);
  self->where = g_string_free (where, FALSE);
  self->oldest_first = filter->oldest_first;
}

gboolean
paraat_trail_model_set_filter (ParaatTrailModel         *self,
                               const ParaatTrailFilter  *filter,
                               GError                  **error)
{
  g_autoptr(GArray) seqs = NULL;
  guint removed;

  g_return_val_if_fail (PARAAT_IS_TRAIL_MODEL (self), FALSE);

  build_where (self, filter);
  self->max_seq = head_seq (self);
  if (!(seqs = query_seqs (self, 0, error)))
    return FALSE;

  removed = self->seqs->len;
  g_array_unref (self->seqs);
  self->seqs = g_steal_pointer (&seqs);
  g_hash_table_remove_all (self->pages);
  /* Two steps: list views try to match every added item against removed rows to reuse
   * their widgets, which reads each of them; a pure insertion lets them skip that. */
  if (removed > 0)
    {
      g_autoptr(GArray) added = self->seqs;
      self->seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
      g_array_unref (self->seqs);
      self->seqs = g_steal_pointer (&added);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->seqs->len);
  return TRUE;
}

/* New entries are only ever appended, so a change adds the new matches at one end. */
static void
on_workspace_changed_cb (ParaatTrailModel *self)
{
  g_autoptr(GArray) fresh = query_seqs (self, self->max_seq, NULL);
  guint position;

  self->max_seq = head_seq (self);
  if (fresh == NULL || fresh->len == 0)
    return;

  position = self->oldest_first ? self->seqs->len : 0;
  if (self->oldest_first)
    g_array_append_vals (self->seqs, fresh->data, fresh->len);
  else
    g_array_prepend_vals (self->seqs, fresh->data, fresh->len);

  g_hash_table_remove_all (self->pages);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, fresh->len);
}

static void
on_workspace_closed_cb (ParaatTrailModel *self)
{
  guint removed = self->seqs->len;

  g_array_set_size (self->seqs, 0);
  g_hash_table_remove_all (self->pages);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
}

gint64
paraat_trail_model_get_total (ParaatTrailModel *self)
{
  g_return_val_if_fail (PARAAT_IS_TRAIL_MODEL (self), 0);
  return head_seq (self);
}

static void
paraat_trail_model_dispose (GObject *object)
{
  ParaatTrailModel *self = PARAAT_TRAIL_MODEL (object);

  g_clear_signal_handler (&self->changed_id, self->workspace);
  g_clear_signal_handler (&self->closed_id, self->workspace);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (paraat_trail_model_parent_class)->dispose (object);
}

static void
paraat_trail_model_finalize (GObject *object)
{
  ParaatTrailModel *self = PARAAT_TRAIL_MODEL (object);

  g_array_unref (self->seqs);
  g_hash_table_unref (self->pages);
  g_ptr_array_unref (self->params);
  g_free (self->where);

  G_OBJECT_CLASS (paraat_trail_model_parent_class)->finalize (object);
}

static void
paraat_trail_model_class_init (ParaatTrailModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = paraat_trail_model_dispose;
  object_class->finalize = paraat_trail_model_finalize;
}

static void
paraat_trail_model_init (ParaatTrailModel *self)
{
  self->seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  self->where = g_strdup ("");
}

ParaatTrailModel *
paraat_trail_model_new (ParaatWorkspace *workspace)
{
  ParaatTrailModel *self = g_object_new (PARAAT_TYPE_TRAIL_MODEL, NULL);
  ParaatTrailFilter all = PARAAT_TRAIL_FILTER_INIT;

  self->workspace = g_object_ref (workspace);
  self->changed_id = g_signal_connect_swapped (workspace, "changed",
                                               G_CALLBACK (on_workspace_changed_cb), self);
  self->closed_id = g_signal_connect_swapped (workspace, "closed",
                                              G_CALLBACK (on_workspace_closed_cb), self);
  paraat_trail_model_set_filter (self, &all, NULL);
  return self;
}
