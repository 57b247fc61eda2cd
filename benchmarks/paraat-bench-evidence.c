/* paraat-bench-evidence.c — imports a large file as evidence and compares the time with
 * sha256sum on the same file; also reports how much the process's peak memory grew.
 * import_ms is the blocking call, which also folds the write-ahead log into the file;
 * import_async_result_ms is how long a caller of the asynchronous call waits for its result
 * (content committed), while the fold goes on in the worker afterwards.
 * PARAAT_BENCH_EVIDENCE_MIB sets the size (default 1024). Prints JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paraat-evidence.h"
#include "paraat-workspace.h"

#define MIB (1024 * 1024)
#define GOAL_RATIO 1.5

/* Incompressible content, fast enough that writing 1 GiB takes about a second. */
static void
write_random_file (const char *path,
                   gsize       mib)
{
  g_autofree guint64 *buffer = g_malloc (MIB);
  FILE *file = fopen (path, "wb");
  guint64 x = 0x9E3779B97F4A7C15u;

  if (file == NULL)
    g_error ("Cannot write %s", path);
  for (gsize m = 0; m < mib; m++)
    {
      for (gsize i = 0; i < MIB / sizeof (guint64); i++)
        {
          x ^= x << 13;
          x ^= x >> 7;
          x ^= x << 17;
          buffer[i] = x;
        }
      if (fwrite (buffer, 1, MIB, file) != MIB)
        g_error ("Cannot write %s", path);
    }
  if (fclose (file) != 0)
    g_error ("Cannot write %s", path);
}

/* Peak resident set size so far, in KiB. */
static gint64
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10);
}

static double
time_sha256sum (const char  *path,
                char       **hash)
{
  const char *argv[] = { "sha256sum", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                     &status, &error) || !g_spawn_check_wait_status (status, &error))
    g_error ("sha256sum failed: %s", error->message);
  *hash = g_strndup (out, 64);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void remove_workspace (const char *path);

typedef struct
{
  gint64  id;
  GError *error;
} AsyncResult;

static void
on_added_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncResult *out = user_data;

  out->id = paraat_workspace_add_evidence_finish (PARAAT_WORKSPACE (source), result, &out->error);
}

/* The worker folds the log after reporting; wait for that before removing the files. */
static void
wait_for_fold (const char *workspace_path)
{
  g_autofree char *wal = g_strconcat (workspace_path, "-wal", NULL);

  for (guint i = 0; i < 600; i++)
    {
      GStatBuf st;

      if (g_stat (wal, &st) != 0 || st.st_size == 0)
        return;
      g_usleep (100 * 1000);
    }
}

static double
time_async_import (const char *dir,
                   const char *source)
{
  g_autofree char *path = g_build_filename (dir, "bench-async.paraat", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatWorkspace) ws = paraat_workspace_create (path, "Benchmark B.V.",
                                                           "Anna de Boer", &error);
  AsyncResult result = { 0 };
  gint64 start;
  double ms;

  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  paraat_workspace_add_evidence_async (ws, source, NULL, 0, NULL, NULL, NULL, on_added_cb,
                                       &result);
  while (result.id == 0 && result.error == NULL)
    g_main_context_iteration (NULL, TRUE);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_no_error (result.error);

  wait_for_fold (path);
  g_clear_object (&ws);
  remove_workspace (path);
  return ms;
}

static void
remove_workspace (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

int
main (int    argc,
      char **argv)
{
  const char *env = g_getenv ("PARAAT_BENCH_EVIDENCE_MIB");
  gsize mib = env ? (gsize) g_ascii_strtoull (env, NULL, 10) : 1024;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("paraat-bench-XXXXXX", &error);
  g_autofree char *source = NULL;
  g_autofree char *workspace_path = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(ParaatEvidence) evidence = NULL;
  double sha_ms, import_ms, async_ms;
  gint64 rss_before, rss_after, start, id;

  g_assert_no_error (error);
  if (mib == 0)
    mib = 1024;
  source = g_build_filename (dir, "evidence.bin", NULL);
  workspace_path = g_build_filename (dir, "bench.paraat", NULL);
  write_random_file (source, mib);

  sha_ms = time_sha256sum (source, &expected);

  ws = paraat_workspace_create (workspace_path, "Benchmark B.V.", "Anna de Boer", &error);
  g_assert_no_error (error);

  rss_before = peak_rss_kib ();
  start = g_get_monotonic_time ();
  id = paraat_workspace_add_evidence (ws, source, NULL, 0, NULL, &error);
  import_ms = (g_get_monotonic_time () - start) / 1000.0;
  rss_after = peak_rss_kib ();
  g_assert_no_error (error);

  /* The same content, or the comparison means nothing. */
  evidence = paraat_workspace_get_evidence (ws, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (paraat_evidence_get_hash (evidence), ==, expected);

  g_clear_object (&evidence);
  g_clear_object (&ws);
  remove_workspace (workspace_path);

  async_ms = time_async_import (dir, source);

  g_print ("{\"benchmark\":\"evidence-import\",\"bytes\":%" G_GUINT64_FORMAT ","
           "\"sha256sum_ms\":%.0f,\"import_ms\":%.0f,\"ratio\":%.2f,\"goal_ratio\":%.1f,"
           "\"peak_rss_growth_mib\":%.1f,\"import_async_result_ms\":%.0f,"
           "\"async_result_ratio\":%.2f}\n",
           (guint64) mib * MIB, sha_ms, import_ms, import_ms / sha_ms, GOAL_RATIO,
           (rss_after - rss_before) / 1024.0, async_ms, async_ms / sha_ms);

  g_unlink (source);
  g_rmdir (dir);
  return EXIT_SUCCESS;
}
