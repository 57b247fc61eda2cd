/* paraat-bench-catalog.c — parses a synthetic several-MB OSCAL catalog. Prints JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdlib.h>

#include "paraat-catalog.h"

#define N_GROUPS   20
#define N_CONTROLS 1200
#define N_RUNS     3

static const char lorem[] =
  "The organization defines, documents and reviews the handling of information assets, "
  "assigns responsibilities to named roles, and keeps records that show the activity was "
  "carried out as planned and checked by someone independent of the work. ";

static void
append_prose (GString *xml,
              guint    sentences)
{
  g_string_append (xml, "<p>");
  for (guint i = 0; i < sentences; i++)
    g_string_append (xml, lorem);
  g_string_append (xml, "</p>\n");
}

static void
append_control (GString    *xml,
                const char *id,
                const char *label,
                gboolean    enhancement)
{
  g_string_append_printf (xml, "<control id=\"%s\" class=\"%s\">\n<title>Control %s</title>\n",
                          id, enhancement ? "enhancement" : "base", label);
  g_string_append_printf (xml, "<param id=\"%s_prm_1\"><label>frequency</label></param>\n", id);
  g_string_append_printf (xml, "<prop name=\"label\" value=\"%s\"/>\n", label);
  g_string_append_printf (xml, "<part name=\"statement\" id=\"%s_smt\">\n", id);
  for (char item = 'a'; item <= 'd'; item++)
    {
      g_string_append_printf (xml, "<part name=\"item\" id=\"%s_smt.%c\">"
                              "<prop name=\"label\" value=\"%c.\"/>\n", id, item, item);
      g_string_append_printf (xml, "<p>Review <insert type=\"param\" id-ref=\"%s_prm_1\"/> "
                              "and follow up.</p>\n", id);
      append_prose (xml, 2);
      g_string_append (xml, "</part>\n");
    }
  g_string_append_printf (xml, "</part>\n<part name=\"guidance\" id=\"%s_gdn\">\n", id);
  append_prose (xml, 6);
  append_prose (xml, 4);
  g_string_append (xml, "</part>\n");
}

static GString *
generate (guint *n_controls)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\""
                               " uuid=\"5e1f0000-0000-4000-8000-000000000000\">\n"
                               "<metadata><title>Synthetic benchmark catalog</title>"
                               "<version>1</version><oscal-version>1.1.2</oscal-version>"
                               "</metadata>\n");

  *n_controls = 0;
  for (guint g = 0; g < N_GROUPS; g++)
    {
      g_string_append_printf (xml, "<group id=\"g%u\"><title>Family %u</title>\n", g, g);
      for (guint c = 0; c < N_CONTROLS / N_GROUPS; c++)
        {
          g_autofree char *id = g_strdup_printf ("g%u-%u", g, c + 1);
          g_autofree char *label = g_strdup_printf ("G%u-%u", g, c + 1);

          append_control (xml, id, label, FALSE);
          (*n_controls)++;
          /* Every fourth control has an enhancement. */
          if (c % 4 == 0)
            {
              g_autofree char *eid = g_strconcat (id, ".1", NULL);
              g_autofree char *elabel = g_strconcat (label, "(1)", NULL);

              append_control (xml, eid, elabel, TRUE);
              g_string_append (xml, "</control>\n");
              (*n_controls)++;
            }
          g_string_append (xml, "</control>\n");
        }
      g_string_append (xml, "</group>\n");
    }
  g_string_append (xml, "</catalog>\n");
  return xml;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("paraat-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GString) xml = NULL;
  double runs[N_RUNS];
  guint n_controls;

  g_assert_no_error (error);
  path = g_build_filename (dir, "synthetic-oscal.xml", NULL);
  xml = generate (&n_controls);
  g_file_set_contents (path, xml->str, xml->len, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(ParaatCatalog) catalog = paraat_catalog_parse_file (path, &error);

      runs[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      g_assert_cmpuint (catalog->requirements->len, ==, n_controls);
    }
  qsort (runs, N_RUNS, sizeof runs[0], compare_doubles);

  g_print ("{\"benchmark\":\"catalog-parse\",\"controls\":%u,\"bytes\":%" G_GSIZE_FORMAT
           ",\"parse_ms\":%.1f,\"goal_ms\":2000}\n", n_controls, xml->len, runs[N_RUNS / 2]);

  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
