/* paraat-check.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "paraat-check.h"
#include "paraat-db.h"
#include "paraat-error.h"
#include "paraat-i18n.h"
#include "paraat-workspace.h"
#include "paraat-workspace-file.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)

/* Read-only: a check never changes the file, even when it is damaged. */
sqlite3 *
paraat_check_open_readonly (const char  *path,
                            GError     **error)
{
  ParaatFileHeader header;

  if (!paraat_workspace_file_inspect (path, &header, error))
    return NULL;
  return paraat_db_open_readonly (path, error);
}

static void
collect_rows (sqlite3    *db,
              const char *sql,
              const char *ok_value,
              GPtrArray  *problems,
              const char *prefix)
{
  g_autoptr(sqlite3_stmt) stmt = paraat_db_prepare (db, sql, NULL);
  int rc;

  if (stmt == NULL)
    {
      g_ptr_array_add (problems, g_strdup_printf ("%s: %s", prefix, sqlite3_errmsg (db)));
      return;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);
      if (ok_value == NULL || g_strcmp0 (text, ok_value) != 0)
        g_ptr_array_add (problems, g_strdup_printf ("%s: %s", prefix, text ? text : "?"));
    }
  if (rc != SQLITE_DONE)
    g_ptr_array_add (problems, g_strdup_printf ("%s: %s", prefix, sqlite3_errmsg (db)));
}

static void
check_schema (sqlite3   *db,
              GPtrArray *problems)
{
  static const char * const required[] = {
    "meta", "setting", "person", "trail",
    "trail_append_only_insert", "trail_append_only_update", "trail_append_only_delete",
    "person_guard_insert", "person_guard_update", "person_guard_delete",
  };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_autoptr(sqlite3_stmt) stmt =
        paraat_db_prepare (db, "SELECT 1 FROM sqlite_schema WHERE name = ?1", NULL);
      if (stmt == NULL)
        return;
      paraat_db_bind_text (stmt, 1, required[i]);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        g_ptr_array_add (problems, g_strdup_printf (_("Schema: “%s” is missing."),
                                                    required[i]));
    }
}

static void
check_trail (sqlite3   *db,
             GPtrArray *problems)
{
  ParaatTrailReport report;
  g_autoptr(GError) error = NULL;

  if (!paraat_trail_verify_db (db, &report, &error))
    g_ptr_array_add (problems, g_strdup_printf (_("Audit trail: %s"), error->message));
  else if (report.problem != NULL)
    g_ptr_array_add (problems, g_strdup_printf (_("Audit trail: %s"), report.problem));
  paraat_trail_report_clear (&report);
}

/* Returns FALSE (with ERROR) when the file cannot be opened at all; otherwise fills
 * PROBLEMS, which is empty for a healthy workspace. */
gboolean
paraat_check_file (const char  *path,
                   GPtrArray  **problems,
                   GError     **error)
{
  g_autoptr(sqlite3) db = paraat_check_open_readonly (path, error);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  if (db == NULL)
    return FALSE;

  collect_rows (db, "PRAGMA integrity_check", "ok", found, _("Integrity"));
  if (found->len == 0)
    {
      collect_rows (db, "SELECT \"table\" || ' row ' || rowid FROM pragma_foreign_key_check",
                    NULL, found, _("Foreign key"));
      check_schema (db, found);
      check_trail (db, found);
    }

  *problems = g_steal_pointer (&found);
  return TRUE;
}

gboolean
paraat_check_verify_trail (const char         *path,
                           ParaatTrailReport  *report,
                           GError            **error)
{
  g_autoptr(sqlite3) db = paraat_check_open_readonly (path, error);

  if (db == NULL)
    return FALSE;
  return paraat_trail_verify_db (db, report, error);
}

static void
report_free (ParaatTrailReport *report)
{
  paraat_trail_report_clear (report);
  g_free (report);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ParaatTrailReport *report = g_new0 (ParaatTrailReport, 1);
  GError *error = NULL;

  if (!paraat_check_verify_trail (task_data, report, &error))
    {
      report_free (report);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, report, (GDestroyNotify) report_free);
}

/* Runs on its own read-only connection, so the open workspace stays responsive. */
void
paraat_check_verify_trail_async (const char          *path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, paraat_check_verify_trail_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, verify_thread);
}

gboolean
paraat_check_verify_trail_finish (GAsyncResult       *result,
                                  ParaatTrailReport  *report,
                                  GError            **error)
{
  ParaatTrailReport *found = g_task_propagate_pointer (G_TASK (result), error);

  if (found == NULL)
    return FALSE;
  *report = *found;
  g_free (found);
  return TRUE;
}
