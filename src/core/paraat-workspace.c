/* paraat-workspace.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "paraat-catalog.h"
#include "paraat-clock.h"
#include "paraat-db.h"
#include "paraat-error.h"
#include "paraat-framework-private.h"
#include "paraat-i18n.h"
#include "paraat-migrations.h"
#include "paraat-workspace-file.h"
#include "paraat-workspace-private.h"

struct _ParaatWorkspace
{
  GObject     parent_instance;

  sqlite3    *db;
  gboolean    write_allowed;
  int         lock_fd;

  char       *path;
  char       *uuid;
  char       *backup_path;
  ParaatSettings settings;

  GListStore *people;
  GListStore *frameworks;
  ParaatPerson *actor;
};

G_DEFINE_FINAL_TYPE (ParaatWorkspace, paraat_workspace, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ORGANISATION,
  PROP_ACTOR,
  N_PROPS
};

enum {
  CHANGED,
  CLOSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];

static gint64 add_person_as (ParaatWorkspace *self, gint64 actor_id, const char *actor_name,
                             const char *name, const char *role, const char *email,
                             GError **error);
static guint signals[N_SIGNALS];

void
paraat_settings_clear (ParaatSettings *settings)
{
  g_clear_pointer (&settings->organisation, g_free);
  g_clear_pointer (&settings->scope, g_free);
}

static gboolean load_people (ParaatWorkspace *self, GError **error);
static void release_file (ParaatWorkspace *self);
static void load_settings (ParaatWorkspace *self);

static void
paraat_workspace_finalize (GObject *object)
{
  ParaatWorkspace *self = PARAAT_WORKSPACE (object);

  release_file (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->backup_path, g_free);
  paraat_settings_clear (&self->settings);
  g_clear_object (&self->people);
  g_clear_object (&self->frameworks);
  g_clear_object (&self->actor);

  G_OBJECT_CLASS (paraat_workspace_parent_class)->finalize (object);
}

static void
paraat_workspace_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ParaatWorkspace *self = PARAAT_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      g_value_set_string (value, self->settings.organisation);
      break;
    case PROP_ACTOR:
      g_value_set_object (value, self->actor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
paraat_workspace_class_init (ParaatWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = paraat_workspace_finalize;
  object_class->get_property = paraat_workspace_get_property;

  properties[PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_object ("actor", NULL, NULL, PARAAT_TYPE_PERSON,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ParaatWorkspace::changed:
   * @object_type: the kind of object that changed ("person", "settings", …)
   *
   * Emitted after a change was committed together with its audit-trail entry.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * ParaatWorkspace::closed:
   *
   * Emitted when paraat_workspace_close() released the file; nothing can be read after.
   */
  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
paraat_workspace_init (ParaatWorkspace *self)
{
  self->lock_fd = -1;
  self->people = g_list_store_new (PARAAT_TYPE_PERSON);
  self->frameworks = g_list_store_new (PARAAT_TYPE_FRAMEWORK);
}

sqlite3 *
paraat_workspace_get_db (ParaatWorkspace *self)
{
  return self->db;
}

GListStore *
paraat_workspace_get_framework_store (ParaatWorkspace *self)
{
  return self->frameworks;
}

ParaatTxn *
paraat_workspace_begin (ParaatWorkspace  *self,
                        GError          **error)
{
  if (self->db == NULL)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO, _("The workspace is closed."));
      return NULL;
    }
  if (self->actor == NULL)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NO_ACTOR,
                   _("Choose who is working before making changes."));
      return NULL;
    }
  return paraat_txn_begin (self->db, &self->write_allowed,
                           paraat_person_get_id (self->actor),
                           paraat_person_get_name (self->actor), error);
}


/* The lists the workspace keeps in memory are current before anyone hears of a change. */
static void
refresh_cached (ParaatWorkspace *self,
                const char      *object_type)
{
  if (g_str_equal (object_type, "person"))
    load_people (self, NULL);
  else if (g_str_equal (object_type, "framework"))
    paraat_framework_reload (self);
  else if (g_str_equal (object_type, "settings"))
    {
      load_settings (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
    }
}

gboolean
paraat_workspace_commit (ParaatWorkspace  *self,
                         ParaatTxn        *txn,
                         const char       *object_type,
                         GError          **error)
{
  if (!paraat_txn_commit (txn, error))
    return FALSE;
  refresh_cached (self, object_type);
  g_signal_emit (self, signals[CHANGED], 0, object_type);
  return TRUE;
}

void
paraat_workspace_notify_changed (ParaatWorkspace *self,
                                 const char      *object_type)
{
  g_return_if_fail (PARAAT_IS_WORKSPACE (self));
  g_signal_emit (self, signals[CHANGED], 0, object_type);
}

/* Opening and closing */

static gboolean
configure_connection (ParaatWorkspace  *self,
                      GError          **error)
{
  sqlite3_busy_timeout (self->db, 2000);
  sqlite3_extended_result_codes (self->db, 1);
  paraat_db_register_guard (self->db, &self->write_allowed);
  return paraat_db_exec (self->db, "PRAGMA foreign_keys = ON;", error);
}

static gboolean
open_connection (ParaatWorkspace  *self,
                 int               flags,
                 GError          **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->db, flags | SQLITE_OPEN_NOFOLLOW, NULL);

  if (rc != SQLITE_OK)
    {
      paraat_db_set_error (self->db, rc, error);
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }
  return configure_connection (self, error);
}

static char *
read_setting (sqlite3    *db,
              const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = paraat_db_prepare (db,
                                                    "SELECT value FROM setting WHERE key = ?1",
                                                    NULL);
  if (stmt == NULL)
    return NULL;
  paraat_db_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return paraat_db_column_dup (stmt, 0);
}

static int
read_int_setting (sqlite3    *db,
                  const char *key,
                  int         fallback)
{
  g_autofree char *value = read_setting (db, key);
  gint64 n;

  if (value == NULL || !g_ascii_string_to_signed (value, 10, 1, 1200, &n, NULL))
    return fallback;
  return (int) n;
}

static void
load_settings (ParaatWorkspace *self)
{
  paraat_settings_clear (&self->settings);
  self->settings.organisation = read_setting (self->db, "organisation");
  self->settings.scope = read_setting (self->db, "scope");
  self->settings.target_level = read_int_setting (self->db, "target_level", PARAAT_DEFAULT_TARGET);
  self->settings.validity_months = read_int_setting (self->db, "validity_months",
                                                     PARAAT_DEFAULT_VALIDITY);
  if (self->settings.organisation == NULL)
    self->settings.organisation = g_strdup ("");
  if (self->settings.scope == NULL)
    self->settings.scope = g_strdup ("");

  g_free (self->uuid);
  self->uuid = NULL;
  {
    g_autoptr(sqlite3_stmt) stmt =
      paraat_db_prepare (self->db, "SELECT value FROM meta WHERE key = 'uuid'", NULL);
    if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
      self->uuid = paraat_db_column_dup (stmt, 0);
  }
}

static gboolean
load_people (ParaatWorkspace  *self,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (self->db,
                       "SELECT id, name, role, email FROM person ORDER BY name COLLATE NOCASE",
                       error);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (people,
                     paraat_person_new (sqlite3_column_int64 (stmt, 0),
                                        (const char *) sqlite3_column_text (stmt, 1),
                                        (const char *) sqlite3_column_text (stmt, 2),
                                        (const char *) sqlite3_column_text (stmt, 3)));
  if (rc != SQLITE_DONE)
    return paraat_db_set_error (self->db, rc, error);

  g_list_store_splice (self->people, 0, g_list_model_get_n_items (G_LIST_MODEL (self->people)),
                       people->pdata, people->len);

  /* Keep the actor pointing at the fresh object for the same person. */
  if (self->actor != NULL)
    {
      ParaatPerson *fresh = paraat_workspace_find_person (self, paraat_person_get_id (self->actor));
      if (fresh != NULL && g_set_object (&self->actor, fresh))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
    }
  return TRUE;
}

/* Makes a copy with SQLite's backup API, so a failed migration can be undone by hand. */
static gboolean
backup_before_migration (ParaatWorkspace  *self,
                         int               from_version,
                         GError          **error)
{
  g_autofree char *target = g_strdup_printf ("%s.bak-v%d", self->path, from_version);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (target, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK && (backup = sqlite3_backup_init (dest, "main", self->db, "main")))
    {
      sqlite3_backup_step (backup, -1);
      sqlite3_backup_finish (backup);
    }
  rc = sqlite3_errcode (dest);
  sqlite3_close (dest);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO,
                   _("Could not write a backup copy before upgrading the workspace. Free some "
                     "disk space and try again."));
      return FALSE;
    }

  g_free (self->backup_path);
  self->backup_path = g_steal_pointer (&target);
  return TRUE;
}

static gboolean
verify_structure (ParaatWorkspace  *self,
                  GError          **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);
  g_autoptr(sqlite3_stmt) stmt = paraat_db_prepare (self->db, "PRAGMA quick_check", NULL);
  gint64 tables;

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW ||
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_CORRUPT,
                   _("“%s” is damaged. Open a backup copy instead, or run "
                     "“paraat-cli check” for details."), name);
      return FALSE;
    }

  tables = paraat_db_query_int (self->db,
                                "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                                " AND name IN ('meta', 'setting', 'person', 'trail')", -1);
  if (paraat_db_query_int (self->db, "PRAGMA user_version", 0) > 0 && tables != 4)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_CORRUPT,
                   _("“%s” is missing parts of a Paraat workspace. Open a backup copy "
                     "instead."), name);
      return FALSE;
    }
  return TRUE;
}

/* Checks everything read-only first; only a file that passes is opened for writing. */
ParaatWorkspace *
paraat_workspace_open (const char  *path,
                       GError     **error)
{
  g_autoptr(ParaatWorkspace) self = NULL;
  ParaatFileHeader header;
  int version;

  g_return_val_if_fail (path != NULL, NULL);

  if (!paraat_workspace_file_inspect (path, &header, error) ||
      !paraat_workspace_file_writable (path, error))
    return NULL;

  self = g_object_new (PARAAT_TYPE_WORKSPACE, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  self->lock_fd = paraat_workspace_file_lock (self->path, error);
  if (self->lock_fd < 0)
    return NULL;

  if (!(self->db = paraat_db_open_readonly (self->path, error)) ||
      !verify_structure (self, error))
    return NULL;

  version = (int) paraat_db_query_int (self->db, "PRAGMA user_version", 0);
  if (!paraat_workspace_file_check_identity (self->path,
                                             (guint32) paraat_db_query_int (self->db,
                                                                            "PRAGMA application_id",
                                                                            0),
                                             version, error) ||
      (version < PARAAT_SCHEMA_VERSION && !backup_before_migration (self, version, error)))
    return NULL;

  g_clear_pointer (&self->db, sqlite3_close);
  if (!open_connection (self, SQLITE_OPEN_READWRITE, error) ||
      !paraat_migrations_run (self->db, &self->write_allowed, PARAAT_SCHEMA_VERSION, error) ||
      !load_people (self, error))
    return NULL;

  load_settings (self);
  paraat_framework_reload (self);
  return g_steal_pointer (&self);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  ParaatWorkspace *workspace = paraat_workspace_open (task_data, &error);

  if (workspace == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, workspace, g_object_unref);
}

ParaatWorkspace *
paraat_workspace_open_reader (const char  *path,
                              GError     **error)
{
  g_autoptr(ParaatWorkspace) self = NULL;
  g_autofree char *name = NULL;
  ParaatFileHeader header;
  int version;

  g_return_val_if_fail (path != NULL, NULL);

  /* libxml2 sets itself up lazily, which is not safe in threads: the exports write XML */
  paraat_core_ensure_resources ();
  if (!paraat_workspace_file_inspect (path, &header, error))
    return NULL;
  self = g_object_new (PARAAT_TYPE_WORKSPACE, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  if (!(self->db = paraat_db_open_readonly (self->path, error)) ||
      !configure_connection (self, error))
    return NULL;

  version = (int) paraat_db_query_int (self->db, "PRAGMA user_version", 0);
  if (!paraat_workspace_file_check_identity (self->path,
                                             (guint32) paraat_db_query_int (self->db,
                                                                            "PRAGMA application_id",
                                                                            0),
                                             version, error))
    return NULL;
  if (version < PARAAT_SCHEMA_VERSION)
    {
      name = g_filename_display_basename (self->path);
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("“%s” was saved by an older version of Paraat. Open it in Paraat once to "
                     "bring it up to date, then try again."), name);
      return NULL;
    }
  /* One snapshot for the whole report or export: what others write meanwhile is not mixed
   * into it. */
  if (!paraat_db_exec (self->db, "BEGIN", error) || !load_people (self, error))
    return NULL;
  load_settings (self);
  paraat_framework_reload (self);
  return g_steal_pointer (&self);
}

void
paraat_workspace_open_async (const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, paraat_workspace_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

ParaatWorkspace *
paraat_workspace_open_finish (GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
insert_pair (sqlite3     *db,
             const char  *sql,
             const char  *key,
             const char  *value,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = paraat_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  paraat_db_bind_text (stmt, 1, key);
  paraat_db_bind_text (stmt, 2, value);
  return paraat_db_step_done (stmt, error);
}

static gboolean
write_initial_content (ParaatWorkspace  *self,
                       const char       *organisation,
                       GError          **error)
{
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *created = paraat_clock_format_ms (paraat_clock_now_ms ());
  g_autofree char *target = g_strdup_printf ("%d", PARAAT_DEFAULT_TARGET);
  g_autofree char *validity = g_strdup_printf ("%d", PARAAT_DEFAULT_VALIDITY);
  const char *setting_sql = "INSERT INTO setting (key, value) VALUES (?1, ?2)";

  txn = paraat_txn_begin (self->db, &self->write_allowed, 0, PARAAT_SYSTEM_ACTOR, error);
  if (txn == NULL)
    return FALSE;

  if (!insert_pair (self->db, "INSERT INTO meta (key, value) VALUES (?1, ?2)", "uuid", uuid,
                    error) ||
      !insert_pair (self->db, "INSERT INTO meta (key, value) VALUES (?1, ?2)", "created",
                    created, error) ||
      !insert_pair (self->db, setting_sql, "organisation", organisation, error) ||
      !insert_pair (self->db, setting_sql, "scope", "", error) ||
      !insert_pair (self->db, setting_sql, "target_level", target, error) ||
      !insert_pair (self->db, setting_sql, "validity_months", validity, error))
    return FALSE;

  paraat_changes_add (changes, "organisation", NULL, organisation);
  paraat_changes_add (changes, "target_level", NULL, target);
  paraat_changes_add (changes, "validity_months", NULL, validity);
  if (!paraat_txn_log (txn, "workspace", 0, organisation, "create", changes, NULL, error))
    return FALSE;

  return paraat_txn_commit (txn, error);
}

static gboolean
validate_organisation (const char  *organisation,
                       GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (organisation ? organisation : ""));

  if (stripped[0] == '\0')
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("Enter the organisation’s name."));
      return FALSE;
    }
  if (g_utf8_strlen (organisation, -1) > 200)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("The organisation’s name is too long. Use at most 200 characters."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
create_file (ParaatWorkspace  *self,
             const char       *organisation,
             GError          **error)
{
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d;"
                                              "PRAGMA journal_mode = WAL;",
                                              PARAAT_APPLICATION_ID);

  return open_connection (self, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error) &&
         paraat_db_exec (self->db, pragmas, error) &&
         paraat_migrations_run (self->db, &self->write_allowed, PARAAT_SCHEMA_VERSION, error) &&
         write_initial_content (self, organisation, error);
}

/* Creates a new workspace; CREATOR_NAME becomes the first person and the actor. */
ParaatWorkspace *
paraat_workspace_create (const char  *path,
                         const char  *organisation,
                         const char  *creator_name,
                         GError     **error)
{
  g_autoptr(ParaatWorkspace) self = NULL;
  g_autofree char *clean_org = NULL;
  gint64 creator_id;

  g_return_val_if_fail (path != NULL, NULL);

  if (!validate_organisation (organisation, error) ||
      !paraat_person_validate (creator_name, NULL, error))
    return NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_EXISTS,
                   _("“%s” already exists. Choose another name, or open the existing "
                     "workspace."), name);
      return NULL;
    }

  clean_org = g_strstrip (g_strdup (organisation));
  self = g_object_new (PARAAT_TYPE_WORKSPACE, NULL);
  self->path = g_canonicalize_filename (path, NULL);

  if (!create_file (self, clean_org, error))
    {
      paraat_workspace_close (self);
      g_unlink (self->path);
      g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);
      g_unlink (wal);
      g_unlink (shm);
      return NULL;
    }

  self->lock_fd = paraat_workspace_file_lock (self->path, error);
  if (self->lock_fd < 0)
    return NULL;

  load_settings (self);
  paraat_framework_reload (self);
  creator_id = add_person_as (self, 0, PARAAT_SYSTEM_ACTOR, creator_name, "", "", error);
  if (creator_id == 0 || !paraat_workspace_set_actor (self, creator_id, error))
    return NULL;

  return g_steal_pointer (&self);
}

typedef struct
{
  char *path;
  char *organisation;
  char *creator;
} CreateData;

static void
create_data_free (CreateData *data)
{
  g_free (data->path);
  g_free (data->organisation);
  g_free (data->creator);
  g_free (data);
}

static void
create_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CreateData *data = task_data;
  GError *error = NULL;
  ParaatWorkspace *workspace = paraat_workspace_create (data->path, data->organisation,
                                                        data->creator, &error);

  if (workspace == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, workspace, g_object_unref);
}

void
paraat_workspace_create_async (const char          *path,
                               const char          *organisation,
                               const char          *creator_name,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  CreateData *data = g_new0 (CreateData, 1);

  data->path = g_strdup (path);
  data->organisation = g_strdup (organisation);
  data->creator = g_strdup (creator_name);
  g_task_set_source_tag (task, paraat_workspace_create_async);
  g_task_set_task_data (task, data, (GDestroyNotify) create_data_free);
  g_task_run_in_thread (task, create_thread);
}

ParaatWorkspace *
paraat_workspace_create_finish (GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
release_file (ParaatWorkspace *self)
{
  g_clear_pointer (&self->db, sqlite3_close);
  if (self->lock_fd >= 0)
    {
      close (self->lock_fd);
      self->lock_fd = -1;
    }
}

/* Models that read from the workspace hear of it, so they stop offering items. */
void
paraat_workspace_close (ParaatWorkspace *self)
{
  gboolean was_open;

  g_return_if_fail (PARAAT_IS_WORKSPACE (self));

  was_open = self->db != NULL;
  release_file (self);
  if (was_open)
    g_signal_emit (self, signals[CLOSED], 0);
}

const char *
paraat_workspace_get_path (ParaatWorkspace *self)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);
  return self->path;
}

const char *
paraat_workspace_get_uuid (ParaatWorkspace *self)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);
  return self->uuid;
}

const char *
paraat_workspace_get_backup_path (ParaatWorkspace *self)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);
  return self->backup_path;
}

int
paraat_workspace_get_schema_version (ParaatWorkspace *self)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), 0);
  return (int) paraat_db_query_int (self->db, "PRAGMA user_version", 0);
}

/* Settings */

void
paraat_workspace_get_settings (ParaatWorkspace *self,
                               ParaatSettings  *settings)
{
  g_return_if_fail (PARAAT_IS_WORKSPACE (self));

  settings->organisation = g_strdup (self->settings.organisation);
  settings->scope = g_strdup (self->settings.scope);
  settings->target_level = self->settings.target_level;
  settings->validity_months = self->settings.validity_months;
}

const char *
paraat_workspace_get_organisation (ParaatWorkspace *self)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);
  return self->settings.organisation;
}

static gboolean
validate_settings (const ParaatSettings  *settings,
                   GError               **error)
{
  if (!validate_organisation (settings->organisation, error))
    return FALSE;
  if (settings->target_level < 1 || settings->target_level > 4)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("The target maturity level must be between 1 and 4."));
      return FALSE;
    }
  if (settings->validity_months < 1 || settings->validity_months > 60)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("The evidence validity period must be between 1 and 60 months."));
      return FALSE;
    }
  if (settings->scope != NULL && strlen (settings->scope) > 20000)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("The scope statement is too long. Use at most 20,000 characters."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_setting (sqlite3     *db,
               const char  *key,
               const char  *value,
               GError     **error)
{
  return insert_pair (db, "INSERT OR REPLACE INTO setting (key, value) VALUES (?1, ?2)",
                      key, value, error);
}

gboolean
paraat_workspace_update_settings (ParaatWorkspace       *self,
                                  const ParaatSettings  *settings,
                                  GError               **error)
{
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autofree char *org = NULL;
  g_autofree char *target = NULL;
  g_autofree char *validity = NULL;
  const char *scope = settings->scope ? settings->scope : "";

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  if (!validate_settings (settings, error))
    return FALSE;

  org = g_strstrip (g_strdup (settings->organisation));
  target = g_strdup_printf ("%d", settings->target_level);
  validity = g_strdup_printf ("%d", settings->validity_months);

  paraat_changes_add (changes, "organisation", self->settings.organisation, org);
  paraat_changes_add (changes, "scope", self->settings.scope, scope);
  paraat_changes_add_int (changes, "target_level", self->settings.target_level,
                          settings->target_level);
  paraat_changes_add_int (changes, "validity_months", self->settings.validity_months,
                          settings->validity_months);
  if (paraat_changes_get_len (changes) == 0)
    return TRUE;

  if (!(txn = paraat_workspace_begin (self, error)) ||
      !write_setting (self->db, "organisation", org, error) ||
      !write_setting (self->db, "scope", scope, error) ||
      !write_setting (self->db, "target_level", target, error) ||
      !write_setting (self->db, "validity_months", validity, error) ||
      !paraat_txn_log (txn, "settings", 0, org, "update", changes, NULL, error) ||
      !paraat_workspace_commit (self, txn, "settings", error))
    return FALSE;
  return TRUE;
}

/* People */

GListModel *
paraat_workspace_get_people (ParaatWorkspace *self)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (self->people);
}

ParaatPerson *
paraat_workspace_find_person (ParaatWorkspace *self,
                              gint64           person_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->people));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatPerson) person = g_list_model_get_item (G_LIST_MODEL (self->people), i);
      if (paraat_person_get_id (person) == person_id)
        return person;
    }
  return NULL;
}

ParaatPerson *
paraat_workspace_find_person_by_name (ParaatWorkspace *self,
                                      const char      *name)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  g_autofree char *wanted = g_utf8_casefold (name, -1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatPerson) person = g_list_model_get_item (G_LIST_MODEL (self->people), i);
      g_autofree char *folded = g_utf8_casefold (paraat_person_get_name (person), -1);
      if (g_str_equal (folded, wanted))
        return person;
    }
  return NULL;
}

ParaatPerson *
paraat_workspace_get_actor (ParaatWorkspace *self)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), NULL);
  return self->actor;
}

gboolean
paraat_workspace_set_actor (ParaatWorkspace  *self,
                            gint64            person_id,
                            GError          **error)
{
  ParaatPerson *person;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  person = paraat_workspace_find_person (self, person_id);
  if (person == NULL)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND,
                   _("That person is not in this workspace’s directory."));
      return FALSE;
    }

  if (g_set_object (&self->actor, person))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
  return TRUE;
}

static gboolean
check_unique_name (ParaatWorkspace  *self,
                   const char       *name,
                   gint64            own_id,
                   GError          **error)
{
  ParaatPerson *other = paraat_workspace_find_person_by_name (self, name);

  if (other != NULL && paraat_person_get_id (other) != own_id)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_EXISTS,
                   _("“%s” is already in the directory. Use a distinguishing name, for "
                     "example with an initial."), name);
      return FALSE;
    }
  return TRUE;
}

static gint64
insert_person (sqlite3     *db,
               const char  *name,
               const char  *role,
               const char  *email,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (db,
                       "INSERT INTO person (name, role, email, created_ms)"
                       " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return 0;
  paraat_db_bind_text (stmt, 1, name);
  paraat_db_bind_text (stmt, 2, role);
  paraat_db_bind_text (stmt, 3, email);
  sqlite3_bind_int64 (stmt, 4, paraat_clock_now_ms ());
  if (!paraat_db_step_done (stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (db);
}

typedef struct
{
  char *name;
  char *role;
  char *email;
} PersonFields;

static void
person_fields_clear (PersonFields *f)
{
  g_free (f->name);
  g_free (f->role);
  g_free (f->email);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PersonFields, person_fields_clear)

static gboolean
prepare_person (ParaatWorkspace  *self,
                gint64            own_id,
                const char       *name,
                const char       *role,
                const char       *email,
                PersonFields     *out,
                GError          **error)
{
  out->name = g_strstrip (g_strdup (name ? name : ""));
  out->role = g_strstrip (g_strdup (role ? role : ""));
  out->email = g_strstrip (g_strdup (email ? email : ""));

  return paraat_person_validate (out->name, out->email, error) &&
         check_unique_name (self, out->name, own_id, error);
}

static gint64
add_person_as (ParaatWorkspace  *self,
               gint64            actor_id,
               const char       *actor_name,
               const char       *name,
               const char       *role,
               const char       *email,
               GError          **error)
{
  g_auto(PersonFields) f = { 0 };
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  gint64 id;

  if (!prepare_person (self, 0, name, role, email, &f, error))
    return 0;

  txn = paraat_txn_begin (self->db, &self->write_allowed, actor_id,
                          actor_name ? actor_name : f.name, error);
  if (txn == NULL || (id = insert_person (self->db, f.name, f.role, f.email, error)) == 0)
    return 0;
  if (actor_name == NULL)
    paraat_txn_set_actor_id (txn, id);

  paraat_changes_add (changes, "name", NULL, f.name);
  paraat_changes_add (changes, "role", NULL, f.role[0] ? f.role : NULL);
  paraat_changes_add (changes, "email", NULL, f.email[0] ? f.email : NULL);
  if (!paraat_txn_log (txn, "person", id, f.name, "create", changes, NULL, error) ||
      !paraat_workspace_commit (self, txn, "person", error))
    return 0;
  return id;
}

gint64
paraat_workspace_add_person (ParaatWorkspace  *self,
                             const char       *name,
                             const char       *role,
                             const char       *email,
                             GError          **error)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), 0);

  if (self->actor == NULL)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NO_ACTOR,
                   _("Choose who is working before making changes."));
      return 0;
    }
  return add_person_as (self, paraat_person_get_id (self->actor),
                        paraat_person_get_name (self->actor), name, role, email, error);
}

/* Someone not yet in the directory starts working: they add themselves, and the trail
 * records them as the actor of their own entry. */
gint64
paraat_workspace_introduce_self (ParaatWorkspace  *self,
                                 const char       *name,
                                 GError          **error)
{
  gint64 id;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), 0);

  id = add_person_as (self, 0, NULL, name, "", "", error);
  if (id != 0 && !paraat_workspace_set_actor (self, id, error))
    return 0;
  return id;
}

static ParaatPerson *
require_person (ParaatWorkspace  *self,
                gint64            person_id,
                GError          **error)
{
  ParaatPerson *person = paraat_workspace_find_person (self, person_id);

  if (person == NULL)
    g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND,
                 _("That person is no longer in the directory."));
  return person;
}

gboolean
paraat_workspace_update_person (ParaatWorkspace  *self,
                                gint64            person_id,
                                const char       *name,
                                const char       *role,
                                const char       *email,
                                GError          **error)
{
  g_auto(PersonFields) f = { 0 };
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ParaatPerson *person;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  if (!(person = require_person (self, person_id, error)) ||
      !prepare_person (self, person_id, name, role, email, &f, error))
    return FALSE;

  paraat_changes_add (changes, "name", paraat_person_get_name (person), f.name);
  paraat_changes_add (changes, "role", paraat_person_get_role (person), f.role);
  paraat_changes_add (changes, "email", paraat_person_get_email (person), f.email);
  if (paraat_changes_get_len (changes) == 0)
    return TRUE;

  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (self->db,
                                  "UPDATE person SET name = ?1, role = ?2, email = ?3"
                                  " WHERE id = ?4", error)))
    return FALSE;

  paraat_db_bind_text (stmt, 1, f.name);
  paraat_db_bind_text (stmt, 2, f.role);
  paraat_db_bind_text (stmt, 3, f.email);
  sqlite3_bind_int64 (stmt, 4, person_id);
  if (!paraat_db_step_done (stmt, error) ||
      !paraat_txn_log (txn, "person", person_id, f.name, "update", changes, NULL, error) ||
      !paraat_workspace_commit (self, txn, "person", error))
    return FALSE;
  return TRUE;
}

static gboolean
count_owned (ParaatWorkspace  *self,
             const char       *sql,
             gint64            person_id,
             gint64           *owned,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = paraat_db_prepare (self->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  *owned = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* Work keeps its one named owner: someone who still owns something cannot leave. */
static gboolean
check_not_owner (ParaatWorkspace  *self,
                 ParaatPerson     *person,
                 GError          **error)
{
  gint64 id = paraat_person_get_id (person);
  gint64 owned;

  if (!count_owned (self, "SELECT count(*) FROM requirement WHERE owner_id = ?1", id, &owned,
                    error))
    return FALSE;
  if (owned > 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   paraat_ngettext (
                                "%s owns %" PRId64 " requirement. Give it another owner first.",
                                "%s owns %" PRId64 " requirements. Give them another owner first.",
                                (gulong) owned),
                   paraat_person_get_name (person), owned);
      return FALSE;
    }

  if (!count_owned (self, "SELECT count(*) FROM evidence WHERE owner_id = ?1", id, &owned,
                    error))
    return FALSE;
  if (owned > 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   paraat_ngettext (
                                "%s owns %" PRId64 " evidence item. Give it another owner "
                                "first.",
                                "%s owns %" PRId64 " evidence items. Give them another owner "
                                "first.",
                                (gulong) owned),
                   paraat_person_get_name (person), owned);
      return FALSE;
    }

  if (!count_owned (self, "SELECT count(*) FROM action WHERE owner_id = ?1"
                          " AND status IN ('open', 'in-progress', 'awaiting-review')", id,
                    &owned, error))
    return FALSE;
  if (owned > 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   paraat_ngettext (
                                "%s owns %" PRId64 " open action. Give it another owner first.",
                                "%s owns %" PRId64 " open actions. Give them another owner "
                                "first.",
                                (gulong) owned),
                   paraat_person_get_name (person), owned);
      return FALSE;
    }

  /* A risk keeps its one named owner and the name of who accepted it; an exception names
   * who may deviate and who approved it. */
  if (!count_owned (self, "SELECT (SELECT count(*) FROM risk"
                          "         WHERE owner_id = ?1 OR accepted_by = ?1)"
                          " + (SELECT count(*) FROM exception"
                          "    WHERE person_id = ?1 OR approver_id = ?1)", id, &owned, error))
    return FALSE;
  if (owned > 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("%s owns or accepted risks, or is named in exceptions. Give the risks "
                     "another owner and change the exceptions first."),
                   paraat_person_get_name (person));
      return FALSE;
    }

  /* Finished actions and reviews are the record of who did and decided what. */
  if (!count_owned (self, "SELECT (SELECT count(*) FROM action"
                          "         WHERE owner_id = ?1 OR reviewer_id = ?1)"
                          " + (SELECT count(*) FROM review WHERE chair_id = ?1)"
                          " + (SELECT count(*) FROM review_attendee WHERE person_id = ?1)", id,
                    &owned, error))
    return FALSE;
  if (owned > 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("%s is named in finished actions or management reviews, which stay on "
                     "record. Change their role instead, for example to “Left the company”."),
                   paraat_person_get_name (person));
      return FALSE;
    }
  return TRUE;
}

gboolean
paraat_workspace_remove_person (ParaatWorkspace  *self,
                                gint64            person_id,
                                GError          **error)
{
  g_autoptr(ParaatTxn) txn = NULL;
  g_autoptr(ParaatChanges) changes = paraat_changes_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *label = NULL;
  ParaatPerson *person;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (self), FALSE);

  if (!(person = require_person (self, person_id, error)))
    return FALSE;

  if (person == self->actor)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("You cannot remove yourself while you are working. Switch to another "
                     "person first."));
      return FALSE;
    }

  if (!check_not_owner (self, person, error))
    return FALSE;

  label = g_strdup (paraat_person_get_name (person));
  paraat_changes_add (changes, "name", label, NULL);
  paraat_changes_add (changes, "role", paraat_person_get_role (person), NULL);
  paraat_changes_add (changes, "email", paraat_person_get_email (person), NULL);

  if (!(txn = paraat_workspace_begin (self, error)) ||
      !(stmt = paraat_db_prepare (self->db, "DELETE FROM person WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_id);
  if (!paraat_db_step_done (stmt, error) ||
      !paraat_txn_log (txn, "person", person_id, label, "delete", changes, NULL, error) ||
      !paraat_workspace_commit (self, txn, "person", error))
    return FALSE;
  return TRUE;
}

GHashTable *
paraat_workspace_count_rows (ParaatWorkspace  *self,
                             GError          **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt =
    paraat_db_prepare (self->db,
                       "SELECT name FROM sqlite_schema WHERE type = 'table'"
                       " AND name NOT LIKE 'sqlite_%' ORDER BY name", error);

  if (stmt == NULL)
    return NULL;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
      gint64 n = paraat_db_query_int (self->db, sql, 0);

      g_hash_table_insert (counts, g_strdup (table), GINT_TO_POINTER ((int) n));
    }
  return g_steal_pointer (&counts);
}
