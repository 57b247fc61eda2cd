/* paraat-bench-trail.c — audit-trail figures on a 200,000-entry workspace. Prints JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "paraat-check.h"
#include "paraat-demo.h"
#include "paraat-trail-model.h"

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_filter (ParaatTrailModel        *model,
             const ParaatTrailFilter *filter,
             guint                   *n_items)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GObject) first = NULL;

  paraat_trail_model_set_filter (model, filter, &error);
  g_assert_no_error (error);
  *n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  return elapsed_ms (start);
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("paraat-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "large.paraat", NULL);
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(ParaatTrailModel) model = NULL;
  ParaatTrailReport report;
  ParaatTrailFilter all = PARAAT_TRAIL_FILTER_INIT;
  ParaatTrailFilter by_text = PARAAT_TRAIL_FILTER_INIT;
  ParaatTrailFilter by_person = PARAAT_TRAIL_FILTER_INIT;
  gint64 start;
  double generate, verify, scroll, filter_all, filter_text, filter_person, format;
  guint n_all, n_text, n_person;

  start = g_get_monotonic_time ();
  ws = paraat_demo_generate_large (path, 200000, &error);
  g_assert_no_error (error);
  generate = elapsed_ms (start);

  start = g_get_monotonic_time ();
  g_assert_true (paraat_check_verify_trail (path, &report, &error));
  verify = elapsed_ms (start);
  g_assert_null (report.problem);

  model = paraat_trail_model_new (ws);
  filter_all = time_filter (model, &all, &n_all);

  /* Reading every entry once, page by page, as a view scrolled to the end would. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_all; i += 50)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  scroll = elapsed_ms (start);

  /* What a view does for the 200 rows it keeps bound: the texts of every cell. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(ParaatTrailEntry) entry = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autofree char *time = paraat_trail_entry_format_time (entry);
      g_autofree char *changes = paraat_trail_entry_describe_changes (entry);
    }
  format = elapsed_ms (start);

  by_text.text = "Role revision 19999";
  filter_text = time_filter (model, &by_text, &n_text);
  by_person.actor_id = 1;
  filter_person = time_filter (model, &by_person, &n_person);

  g_print ("{\"benchmark\":\"audit-trail\",\"entries\":%" G_GINT64_FORMAT ","
           "\"generate_ms\":%.0f,\"verify_ms\":%.1f,\"verify_goal_ms\":2000,"
           "\"filter_all_ms\":%.1f,\"filter_text_ms\":%.1f,\"filter_text_matches\":%u,"
           "\"filter_person_ms\":%.1f,\"filter_person_matches\":%u,\"filter_goal_ms\":100,"
           "\"read_all_pages_ms\":%.1f,\"format_200_rows_ms\":%.1f}\n",
           report.n_entries, generate, verify, filter_all, filter_text, n_text,
           filter_person, n_person, scroll, format);

  paraat_trail_report_clear (&report);
  paraat_workspace_close (ws);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
