/* paraat-bench-startup.c — time from process start to the first frame of the main window
 * with a large workspace open, next to a bare libadwaita window measured in the same run.
 * Prints JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "paraat-demo.h"

#define RUNS 5

static void
on_bare_after_paint_cb (GdkFrameClock *clock,
                        GApplication  *app)
{
  g_print ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, on_bare_after_paint_cb, app);
  g_application_quit (app);
}

static void
on_bare_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), adw_status_page_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_bare_after_paint_cb), app);
}

static int
run_bare_window (void)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.paraat.Bench",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_bare_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

/* Runs ARGV and returns milliseconds from spawning to the first frame it reports. */
static double
time_first_frame (char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  gint64 start = g_get_monotonic_time ();
  const char *line;
  int status;

  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                     &error))
    g_error ("Could not start %s: %s", argv[0], error->message);

  line = out ? strstr (out, "first-frame-us ") : NULL;
  if (line == NULL)
    g_error ("%s reported no frame (exit status %d)", argv[0], status);
  return (g_ascii_strtoll (line + strlen ("first-frame-us "), NULL, 10) - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median_of_runs (char **argv)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    times[i] = time_first_frame (argv);
  qsort (times, RUNS, sizeof (double), compare_doubles);
  return times[RUNS / 2];
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *self_path = NULL;
  g_autoptr(ParaatWorkspace) ws = NULL;
  double bare, paraat;

  if (argc == 2 && g_str_equal (argv[1], "--bare"))
    return run_bare_window ();

  if (argc != 2)
    {
      g_printerr ("usage: %s PARAAT-BINARY\n", argv[0]);
      return 2;
    }

  dir = g_dir_make_tmp ("paraat-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "large.paraat", NULL);
  ws = paraat_demo_generate_large (path, 200000, &error);
  g_assert_no_error (error);
  paraat_workspace_close (ws);

  self_path = g_canonicalize_filename (argv[0], NULL);
  g_setenv ("PARAAT_BENCHMARK_FIRST_FRAME", "1", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  {
    char *bare_argv[] = { self_path, (char *) "--bare", NULL };
    char *paraat_argv[] = { argv[1], (char *) "--as", (char *) "Marloes Jansen", path, NULL };

    /* One warm-up each, so both read their libraries from the page cache. */
    time_first_frame (bare_argv);
    time_first_frame (paraat_argv);
    bare = median_of_runs (bare_argv);
    paraat = median_of_runs (paraat_argv);
  }

  g_print ("{\"benchmark\":\"startup-first-frame\",\"workspace_trail_entries\":200000,"
           "\"runs\":%d,\"bare_libadwaita_ms\":%.1f,\"paraat_ms\":%.1f,\"ratio\":%.2f,"
           "\"goal_ratio\":1.3}\n", RUNS, bare, paraat, paraat / bare);

  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
