/* paraat-bench-report.c — writes the board report of the demo workspace, the Statement of
 * Applicability as PDF and the whole audit pack, several times each. Prints JSON: median
 * and worst time per document. The board report's target is under 1 s.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdlib.h>

#include "paraat-demo.h"
#include "paraat-export.h"
#include "paraat-report.h"

#define N_ITERATIONS 7

typedef gboolean (*WriteFunc) (ParaatWorkspace *ws,
                               const char      *path,
                               GError         **error);

static gboolean
write_report (ParaatWorkspace *ws,
              const char      *path,
              GError         **error)
{
  return paraat_workspace_write_board_report (ws, "en", path, NULL, NULL, NULL, error);
}

static gboolean
write_soa (ParaatWorkspace *ws,
           const char      *path,
           GError         **error)
{
  return paraat_workspace_export (ws, PARAAT_EXPORT_SOA, NULL, PARAAT_EXPORT_PDF, "en", path,
                                  NULL, error);
}

static gboolean
write_pack (ParaatWorkspace *ws,
            const char      *path,
            GError         **error)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", path);

  /* The pack's folder must be new each time */
  if (system (command) != 0)
    return FALSE;
  return paraat_workspace_write_audit_pack (ws, "en", path, NULL, NULL, NULL, error);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
measure (ParaatWorkspace *ws,
         const char      *name,
         WriteFunc        write,
         const char      *path,
         gboolean         last)
{
  double times[N_ITERATIONS];
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_ITERATIONS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!write (ws, path, &error))
        g_error ("%s: %s", name, error ? error->message : "failed");
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, N_ITERATIONS, sizeof (double), compare_doubles);
  g_print ("  \"%s\": { \"median_ms\": %.1f, \"max_ms\": %.1f }%s\n", name,
           times[N_ITERATIONS / 2], times[N_ITERATIONS - 1], last ? "" : ",");
}

int
main (void)
{
  g_autofree char *dir = g_dir_make_tmp ("paraat-bench-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.paraat", NULL);
  g_autofree char *report = g_build_filename (dir, "board.pdf", NULL);
  g_autofree char *soa = g_build_filename (dir, "soa.pdf", NULL);
  g_autofree char *pack = g_build_filename (dir, "pack", NULL);
  g_autofree char *cleanup = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatWorkspace) ws = paraat_demo_create (path, &error);

  if (ws == NULL)
    g_error ("%s", error->message);
  g_print ("{\n  \"iterations\": %d,\n", N_ITERATIONS);
  measure (ws, "board_report", write_report, report, FALSE);
  measure (ws, "soa_pdf", write_soa, soa, FALSE);
  measure (ws, "audit_pack", write_pack, pack, TRUE);
  g_print ("}\n");
  g_clear_object (&ws);
  return system (cleanup) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
