/* test-catalog.c — catalog parsing: Paraat's format, OSCAL, the bundled catalogs, and
 * hostile or broken files
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <libxml/parser.h>
#include <string.h>

#include "paraat-catalog.h"
#include "paraat-error.h"
#include "paraat-i18n.h"
#include "test-util.h"

#define CORE_CATALOGS "/io/github/paraat/Paraat/core/catalogs/"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "catalogs", name, NULL);
}

static ParaatCatalog *
parse_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (name);
  ParaatCatalog *catalog = paraat_catalog_parse_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}

/* A catalog from the core GResource, as the app installs it. */
static ParaatCatalog *
parse_bundled (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strconcat (CORE_CATALOGS, name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  ParaatCatalog *catalog;

  paraat_core_ensure_resources ();
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  catalog = paraat_catalog_parse_bytes (bytes, name, &error);
  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}

static ParaatCatalogGroup *
find_group (ParaatCatalog *catalog,
            const char    *key)
{
  for (guint i = 0; i < catalog->groups->len; i++)
    {
      ParaatCatalogGroup *group = catalog->groups->pdata[i];
      if (g_strcmp0 (group->key, key) == 0)
        return group;
    }
  return NULL;
}

static ParaatCatalogRequirement *
find_requirement (ParaatCatalog *catalog,
                  const char    *key)
{
  for (guint i = 0; i < catalog->requirements->len; i++)
    {
      ParaatCatalogRequirement *requirement = catalog->requirements->pdata[i];
      if (g_strcmp0 (requirement->key, key) == 0)
        return requirement;
    }
  return NULL;
}

static void
assert_invalid (GError     *error,
                const char *where,
                const char *what)
{
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
  if (where != NULL && strstr (error->message, where) == NULL)
    g_error ("“%s” not in: %s", where, error->message);
  if (what != NULL && strstr (error->message, what) == NULL)
    g_error ("“%s” not in: %s", what, error->message);
}

static void
assert_fixture_refused (const char *name,
                        const char *where,
                        const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (name);
  g_autoptr(ParaatCatalog) catalog = paraat_catalog_parse_file (path, &error);

  g_assert_null (catalog);
  assert_invalid (error, where, what);
}

/* --- Paraat's format --- */

static void
test_paraat_valid (void)
{
  g_autoptr(ParaatCatalog) catalog = parse_fixture ("paraat-valid.xml");
  const char *keys[] = { "1.1", "1.1.1", "A(1)", "1.2" };
  ParaatCatalogRequirement *r;
  ParaatCatalogGroup *g;

  g_assert_cmpint (catalog->format, ==, PARAAT_CATALOG_FORMAT_PARAAT);
  g_assert_cmpstr (catalog->key, ==, "test-catalog");
  g_assert_cmpstr (catalog->version, ==, "1.0");
  g_assert_cmpstr (catalog->title.en, ==, "Test catalog");
  g_assert_cmpstr (catalog->title.nl, ==, "Testcatalogus");
  g_assert_cmpstr (catalog->source, ==, "Written for the Paraat test suite");
  g_assert_cmpstr (catalog->maturity[0].en, ==, "Ad hoc");
  g_assert_null (catalog->maturity[1].en);
  g_assert_cmpstr (catalog->maturity[2].en, ==, "Defined and measured");
  g_assert_cmpstr (catalog->maturity[2].nl, ==, "Gedefinieerd en gemeten");
  g_assert_null (catalog->maturity[3].en);

  /* Groups in document order, nesting kept as parent keys. */
  g_assert_cmpuint (catalog->groups->len, ==, 3);
  g = catalog->groups->pdata[0];
  g_assert_cmpstr (g->key, ==, "G1");
  g_assert_null (g->parent_key);
  g_assert_cmpstr (g->title.nl, ==, "Groep één");
  g_assert_cmpstr (g->maturity[3].en, ==, "Optimised");
  g_assert_null (g->maturity[0].en);
  g = catalog->groups->pdata[1];
  g_assert_cmpstr (g->key, ==, "G1.a");
  g_assert_cmpstr (g->parent_key, ==, "G1");
  g_assert_cmpstr (((ParaatCatalogGroup *) catalog->groups->pdata[2])->key, ==, "G2");

  /* Requirements flattened in document order. */
  g_assert_cmpuint (catalog->requirements->len, ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_cmpstr (((ParaatCatalogRequirement *) catalog->requirements->pdata[i])->key, ==,
                     keys[i]);

  r = find_requirement (catalog, "1.1");
  g_assert_cmpstr (r->label, ==, "1.1");
  g_assert_cmpstr (r->kind, ==, "clause");
  g_assert_cmpstr (r->group_key, ==, "G1");
  g_assert_null (r->parent_key);
  g_assert_cmpstr (r->title.nl, ==, "Eerste paragraaf");
  g_assert_cmpstr (r->guidance.en, ==, "First paragraph.\n\nSecond paragraph.");
  g_assert_cmpstr (r->guidance.nl, ==, "Eerste alinea.");
  g_assert_cmpstr (r->question.en, ==, "Is it done?");
  g_assert_cmpstr (r->question.nl, ==, "Is het gedaan?");
  g_assert_cmpuint (r->tracks, ==, PARAAT_TRACK_POLICY | PARAAT_TRACK_MONITORING);
  g_assert_cmpfloat (r->weight, ==, 2.5);
  g_assert_cmpuint (r->maps_to->len, ==, 2);
  g_assert_cmpstr (r->maps_to->pdata[0], ==, "other\x1fX.1");
  g_assert_cmpstr (r->maps_to->pdata[1], ==, "other\x1fX.2");

  r = find_requirement (catalog, "1.1.1");
  g_assert_cmpstr (r->group_key, ==, "G1");
  g_assert_cmpstr (r->parent_key, ==, "1.1");
  g_assert_cmpfloat (r->weight, ==, 1.0);
  g_assert_cmpuint (r->tracks, ==,
                    PARAAT_TRACK_POLICY | PARAAT_TRACK_OPERATION | PARAAT_TRACK_MONITORING);
  g_assert_cmpuint (r->maps_to->len, ==, 0);
  g_assert_null (r->guidance.en);

  r = find_requirement (catalog, "A(1)");
  g_assert_cmpstr (r->kind, ==, "measure");
  g_assert_cmpstr (r->group_key, ==, "G1.a");
  g_assert_null (r->title.en);
  g_assert_cmpstr (r->title.nl, ==, "Alleen Nederlands");
  g_assert_cmpstr (paraat_text_pick (&r->title), ==, "Alleen Nederlands");
  g_assert_cmpuint (r->tracks, ==, PARAAT_TRACK_OPERATION);
  g_assert_cmpfloat (r->weight, ==, 0.0);

  r = find_requirement (catalog, "1.2");
  g_assert_cmpstr (r->group_key, ==, "G1");
  g_assert_null (r->parent_key);
}

/* The same catalog in UTF-16 with a byte order mark is as good as in UTF-8. */
static void
test_paraat_utf16 (TestDir       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = fixture_path ("paraat-valid.xml");
  g_autofree char *path = test_dir_path (fixture, "utf16.xml");
  g_autoptr(GBytes) utf8 = test_util_read_file (source);
  g_autofree char *text = g_strndup (g_bytes_get_data (utf8, NULL), g_bytes_get_size (utf8));
  g_autoptr(GString) declared = g_string_new (text);
  g_autofree char *utf16 = NULL;
  g_autoptr(ParaatCatalog) catalog = NULL;
  gsize len;

  g_string_replace (declared, "encoding=\"UTF-8\"", "encoding=\"UTF-16\"", 1);
  g_string_prepend (declared, "\xef\xbb\xbf");
  utf16 = g_convert (declared->str, -1, "UTF-16LE", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  test_util_write_file (path, utf16, len);

  catalog = paraat_catalog_parse_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (find_group (catalog, "G1")->title.nl, ==, "Groep één");
}

static void
test_bundled_iso (void)
{
  static const char *const clauses[] = {
    "4", "4.1", "4.2", "4.3", "4.4", "5", "5.1", "5.2", "5.3", "6", "6.1", "6.1.1", "6.1.2",
    "6.1.3", "6.2", "6.3", "7", "7.1", "7.2", "7.3", "7.4", "7.5", "7.5.1", "7.5.2", "7.5.3",
    "8", "8.1", "8.2", "8.3", "9", "9.1", "9.2", "9.2.1", "9.2.2", "9.3", "9.3.1", "9.3.2",
    "9.3.3", "10", "10.1", "10.2",
  };
  g_autoptr(ParaatCatalog) catalog = parse_bundled ("iso27001-2022.xml");
  guint controls = 0;

  g_assert_cmpstr (catalog->key, ==, "iso27001-2022");
  g_assert_nonnull (catalog->title.en);
  g_assert_nonnull (catalog->title.nl);
  for (guint i = 0; i < catalog->requirements->len; i++)
    {
      ParaatCatalogRequirement *r = catalog->requirements->pdata[i];

      g_assert_nonnull (r->title.en);
      g_assert_nonnull (r->title.nl);
      if (g_str_has_prefix (r->key, "A."))
        {
          g_assert_cmpstr (r->kind, ==, "control");
          controls++;
        }
    }
  g_assert_cmpuint (controls, ==, 93);
  g_assert_nonnull (find_requirement (catalog, "A.5.1"));
  g_assert_nonnull (find_requirement (catalog, "A.8.34"));

  for (guint i = 0; i < G_N_ELEMENTS (clauses); i++)
    if (find_requirement (catalog, clauses[i]) == NULL && find_group (catalog, clauses[i]) == NULL)
      g_error ("clause %s is missing from iso27001-2022.xml", clauses[i]);
}

static void
test_bundled_nis2 (void)
{
  static const char *const measures[] = {
    "21(2)(a)", "21(2)(b)", "21(2)(c)", "21(2)(d)", "21(2)(e)", "21(2)(f)", "21(2)(g)",
    "21(2)(h)", "21(2)(i)", "21(2)(j)",
  };
  g_autoptr(ParaatCatalog) nis2 = parse_bundled ("nis2.xml");
  g_autoptr(ParaatCatalog) iso = parse_bundled ("iso27001-2022.xml");
  guint mapped = 0;

  g_assert_cmpstr (nis2->key, ==, "nis2");
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    {
      ParaatCatalogRequirement *r = find_requirement (nis2, measures[i]);

      if (r == NULL)
        g_error ("measure %s is missing from nis2.xml", measures[i]);
      g_assert_cmpstr (r->kind, ==, "measure");
      g_assert_cmpuint (r->maps_to->len, >, 0);
    }

  /* Every mapping lands on something that exists in the ISO catalog. */
  for (guint i = 0; i < nis2->requirements->len; i++)
    {
      ParaatCatalogRequirement *r = nis2->requirements->pdata[i];

      for (guint j = 0; j < r->maps_to->len; j++)
        {
          g_auto(GStrv) parts = g_strsplit (r->maps_to->pdata[j], "\x1f", 2);

          g_assert_cmpstr (parts[0], ==, "iso27001-2022");
          if (find_requirement (iso, parts[1]) == NULL)
            g_error ("%s maps to %s, which iso27001-2022.xml lacks", r->key, parts[1]);
          mapped++;
        }
    }
  g_assert_cmpuint (mapped, >, 0);
}

/* --- OSCAL --- */

static guint
count_substring (GBytes     *bytes,
                 const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *end = data + size;
  guint n = 0;

  for (const char *p = data; (p = g_strstr_len (p, end - p, needle)) != NULL; p++)
    n++;
  return n;
}

static void
test_oscal_nist (void)
{
  g_autofree char *path = fixture_path ("nist-800-53-rev5-privacy-baseline-catalog.xml");
  g_autoptr(GBytes) bytes = test_util_read_file (path);
  g_autoptr(ParaatCatalog) catalog =
    parse_fixture ("nist-800-53-rev5-privacy-baseline-catalog.xml");
  guint enhancements = 0;
  ParaatCatalogRequirement *r;

  g_assert_cmpint (catalog->format, ==, PARAAT_CATALOG_FORMAT_OSCAL);
  g_assert_cmpstr (catalog->version, ==, "5.1.1+u4");
  g_assert_cmpstr (catalog->title.en, ==,
                   "NIST Special Publication 800-53 Revision 5.1.1 PRIVACY BASELINE");
  g_assert_null (catalog->title.nl);
  g_assert_cmpstr (catalog->source, ==,
                   "NIST Special Publication 800-53 Revision 5.1.1 PRIVACY BASELINE (OSCAL 1.1.2)");
  g_assert_true (g_regex_match_simple ("^[a-z0-9][a-z0-9._()-]*$", catalog->key, 0, 0));
  g_assert_cmpuint (strlen (catalog->key), <=, 64);

  /* Counted independently, on the raw text. */
  g_assert_cmpuint (catalog->requirements->len, ==, count_substring (bytes, "<control "));
  g_assert_cmpuint (catalog->groups->len, ==, count_substring (bytes, "<group "));
  g_assert_cmpuint (catalog->requirements->len, ==, 102);

  for (guint i = 0; i < catalog->requirements->len; i++)
    {
      r = catalog->requirements->pdata[i];
      g_assert_cmpstr (r->kind, ==, "control");
      g_assert_nonnull (r->group_key);
      g_assert_nonnull (r->title.en);
      g_assert_nonnull (r->guidance.en);
      g_assert_cmpuint (r->tracks, ==,
                        PARAAT_TRACK_POLICY | PARAAT_TRACK_OPERATION | PARAAT_TRACK_MONITORING);
      g_assert_cmpfloat (r->weight, ==, 1.0);
      enhancements += r->parent_key != NULL;
    }
  g_assert_cmpuint (enhancements, ==, count_substring (bytes, "class=\"SP800-53-enhancement\""));

  r = find_requirement (catalog, "ac-1");
  g_assert_cmpstr (r->label, ==, "AC-1");
  g_assert_cmpstr (r->group_key, ==, "ac");
  g_assert_cmpstr (r->title.en, ==, "Policy and Procedures");
  g_assert_true (g_str_has_prefix (r->guidance.en, "a. Develop, document, and disseminate to "
                                   "[Assignment: organization-defined personnel or roles]:\n"));
  g_assert_nonnull (strstr (r->guidance.en, "\nb. Designate an [Assignment: official]"));
  g_assert_nonnull (strstr (r->guidance.en, "\n\nAccess control policy and procedures address"));

  r = find_requirement (catalog, "ac-3.14");
  g_assert_cmpstr (r->label, ==, "AC-3(14)");
  g_assert_cmpstr (r->parent_key, ==, "ac-3");
  g_assert_cmpstr (r->group_key, ==, "ac");
  g_assert_cmpstr (find_group (catalog, "pt")->title.en, ==,
                   "Personally Identifiable Information Processing and Transparency");
}

static void
test_oscal_nested (void)
{
  g_autoptr(ParaatCatalog) catalog = parse_fixture ("oscal-nested.xml");
  ParaatCatalogRequirement *r;

  g_assert_cmpstr (catalog->key, ==, "example-controls-catalog");
  g_assert_cmpstr (catalog->title.en, ==, "Example Controls Catalog");
  g_assert_cmpstr (catalog->version, ==, "2.0");
  g_assert_cmpstr (catalog->source, ==, "Example Controls Catalog (OSCAL 1.1.2)");

  g_assert_cmpuint (catalog->groups->len, ==, 2);
  g_assert_null (find_group (catalog, "fam")->parent_key);
  g_assert_cmpstr (find_group (catalog, "sub")->parent_key, ==, "fam");
  g_assert_cmpstr (find_group (catalog, "sub")->title.en, ==, "Sub-family");

  g_assert_cmpuint (catalog->requirements->len, ==, 4);
  r = catalog->requirements->pdata[0];
  g_assert_cmpstr (r->key, ==, "top-1");
  g_assert_null (r->group_key);
  g_assert_cmpstr (r->label, ==, "top-1");
  g_assert_cmpstr (r->guidance.en, ==, "Keep [Assignment: top-level value] up to date.");

  r = catalog->requirements->pdata[1];
  g_assert_cmpstr (r->key, ==, "ex-1");
  g_assert_cmpstr (r->label, ==, "EX-1");
  g_assert_cmpstr (r->group_key, ==, "sub");
  g_assert_cmpstr (r->guidance.en, ==,
                   "a. Review the logs [Assignment: frequency]:\n"
                   "  1. and report [Selection (one or more): daily; weekly];\n"
                   "b. Keep records of [missing_prm].\n"
                   "\n"
                   "First guidance paragraph.\n"
                   "\n"
                   "Second guidance paragraph.");

  r = catalog->requirements->pdata[2];
  g_assert_cmpstr (r->key, ==, "ex-1.1");
  g_assert_cmpstr (r->label, ==, "EX-1(1)");
  g_assert_cmpstr (r->parent_key, ==, "ex-1");
  g_assert_cmpstr (r->group_key, ==, "sub");
  g_assert_cmpstr (r->guidance.en, ==, "Automate the review.");

  r = catalog->requirements->pdata[3];
  g_assert_cmpstr (r->key, ==, "ex-2");
  g_assert_cmpstr (r->group_key, ==, "fam");
  g_assert_null (r->guidance.en);
}

/* Parameters that insert parameters, many choices deep: expanded naively this is a
 * billion-laughs of its own. The text stays bounded and the parse quick. */
static void
test_oscal_param_bomb (TestDir       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_dir_path (fixture, "bomb.xml");
  g_autoptr(GString) xml = g_string_new ("<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\""
                                         " uuid=\"b0b0b0b0-0000-4000-8000-000000000000\">"
                                         "<metadata><title>Bomb</title><version>1</version>"
                                         "<oscal-version>1.1.2</oscal-version></metadata>\n");
  g_autoptr(ParaatCatalog) catalog = NULL;
  gsize total = 0;

  for (guint level = 0; level < 5; level++)
    {
      g_string_append_printf (xml, "<param id=\"p%u\">", level);
      if (level == 4)
        g_string_append (xml, "<label>leaf value</label>");
      else
        {
          g_string_append (xml, "<select>");
          for (guint i = 0; i < 30; i++)
            g_string_append_printf (xml, "<choice><insert type=\"param\" id-ref=\"p%u\"/></choice>",
                                    level + 1);
          g_string_append (xml, "</select>");
        }
      g_string_append (xml, "</param>\n");
    }
  for (guint c = 0; c < 200; c++)
    {
      g_string_append_printf (xml, "<control id=\"c%u\"><title>C</title>"
                              "<part name=\"statement\"><p>", c);
      for (guint i = 0; i < 10; i++)
        g_string_append (xml, "<insert type=\"param\" id-ref=\"p0\"/> ");
      g_string_append (xml, "</p></part></control>\n");
    }
  g_string_append (xml, "</catalog>\n");
  test_util_write_file (path, xml->str, xml->len);

  /* Unbounded expansion would be 30⁴ copies per insert: the size bound below shows it was
   * stopped (how fast is a benchmark's business, not a test's) */
  catalog = paraat_catalog_parse_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (catalog->requirements->len, ==, 200);
  for (guint i = 0; i < catalog->requirements->len; i++)
    total += strlen (((ParaatCatalogRequirement *) catalog->requirements->pdata[i])->guidance.en);
  g_assert_cmpuint (total, <, 64 * 1024 * 1024);
  g_assert_nonnull (strstr (((ParaatCatalogRequirement *) catalog->requirements->pdata[199])
                              ->guidance.en, "[p0]"));
}

/* --- Refused files --- */

static void
test_bad_unclosed (void)
{
  assert_fixture_refused ("bad-unclosed.xml", "Line 7, column 11: ", "mismatch");
}

static void
test_bad_root (void)
{
  assert_fixture_refused ("bad-root.xml", "Line 3, column 1: ", "“html”");
}

static void
test_bad_external_entity (void)
{
  assert_fixture_refused ("bad-external-entity.xml", "Line 3, column 1: ", "DOCTYPE");
}

/* Refused at its DOCTYPE, before any entity is expanded */
static void
test_bad_billion_laughs (void)
{
  assert_fixture_refused ("bad-billion-laughs.xml", "Line 3, column 1: ", "DOCTYPE");
}

static void
test_bad_unknown_encoding (void)
{
  assert_fixture_refused ("bad-unknown-encoding.xml", "Line 1, column ", "x-unknown");
}

static void
test_bad_duplicate_requirement (void)
{
  assert_fixture_refused ("bad-duplicate-requirement.xml", "Line 11, column 91: ",
                          "“1.1” is used more than once (first on line 7)");
}

static void
test_bad_duplicate_group (void)
{
  assert_fixture_refused ("bad-duplicate-group.xml", "Line 7, column 5: ", "“G1”");
}

static void
test_bad_duplicate_control (void)
{
  assert_fixture_refused ("oscal-duplicate.xml", "Line 13, column 7: ", "“dup-1”");
}

static void
test_bad_missing_title (void)
{
  assert_fixture_refused ("bad-missing-title.xml", "Line 8, column 7: ", "guidance");
}

static void
test_bad_kind (void)
{
  assert_fixture_refused ("bad-kind.xml", "Line 8, column 5: ", "requirement");
}

static void
test_bad_attributes (TestDir       *fixture,
                     gconstpointer  data)
{
  const char *bad[] = {
    "id=\"r\" kind=\"clause\" weight=\"11\"",
    "id=\"r\" kind=\"clause\" weight=\"heavy\"",
    "id=\"a b\" kind=\"clause\"",
    "id=\"r\" kind=\"clause\" colour=\"red\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = test_dir_path (fixture, "bad.xml");
      g_autofree char *xml =
        g_strdup_printf ("<catalog xmlns=\"https://github.com/paraat/paraat/ns/catalog/1\""
                         " id=\"t\" version=\"1\">\n"
                         " <title xml:lang=\"en\">T</title>\n"
                         " <group id=\"g\"><title xml:lang=\"en\">G</title>\n"
                         "  <requirement %s><title xml:lang=\"en\">R</title></requirement>\n"
                         " </group>\n</catalog>\n", bad[i]);
      g_autoptr(ParaatCatalog) catalog = NULL;

      test_util_write_file (path, xml, strlen (xml));
      catalog = paraat_catalog_parse_file (path, &error);
      g_assert_null (catalog);
      assert_invalid (error, "Line 4, column 3: ", "schema");
    }
}

static void
test_bad_invalid_utf8 (TestDir       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_dir_path (fixture, "latin1.xml");
  const char xml[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<catalog xmlns=\"https://github.com/paraat/paraat/ns/catalog/1\""
                     " id=\"x\" version=\"1\">\n"
                     "  <title xml:lang=\"en\">Caf\xe9</title>\n"
                     "</catalog>\n";
  g_autoptr(ParaatCatalog) catalog = NULL;

  test_util_write_file (path, xml, sizeof xml - 1);
  catalog = paraat_catalog_parse_file (path, &error);
  g_assert_null (catalog);
  assert_invalid (error, "Line 3, column ", "UTF-8");
}

static void
test_bad_empty (TestDir       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_dir_path (fixture, "empty.xml");
  g_autoptr(ParaatCatalog) catalog = NULL;

  test_util_write_file (path, "", 0);
  catalog = paraat_catalog_parse_file (path, &error);
  g_assert_null (catalog);
  assert_invalid (error, "“empty.xml”", "empty");
}

static void
test_bad_too_large (TestDir       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_dir_path (fixture, "huge.xml");
  g_autoptr(ParaatCatalog) catalog = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* Sparse: the size is refused before a byte is read. */
  test_util_write_file (path, "<", 1);
  test_util_truncate_file (path, PARAAT_CATALOG_MAX_SIZE + 1024 * 1024);
  catalog = paraat_catalog_parse_file (path, &error);
  g_assert_null (catalog);
  assert_invalid (error, "“huge.xml”", "64 MiB");
  g_clear_error (&error);

  /* The same limit on bytes from elsewhere; calloc'ed pages are never touched. */
  bytes = g_bytes_new_take (g_malloc0 (PARAAT_CATALOG_MAX_SIZE + 1), PARAAT_CATALOG_MAX_SIZE + 1);
  catalog = paraat_catalog_parse_bytes (bytes, "huge.xml", &error);
  g_assert_null (catalog);
  assert_invalid (error, "“huge.xml”", "64 MiB");
}

/* A DTD or an external entity on the network: Paraat must not even connect. The listening
 * socket's backlog would hold any attempt. */
static void
test_bad_network (TestDir       *fixture,
                  gconstpointer  data)
{
  const char *templates[] = {
    "<!DOCTYPE catalog SYSTEM \"http://127.0.0.1:%u/x.dtd\">\n",
    "<!DOCTYPE catalog [<!ENTITY e SYSTEM \"http://127.0.0.1:%u/e\">]>\n",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GSocket) server = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GSocket) client = NULL;
  guint port;

  g_assert_no_error (error);
  g_assert_true (g_socket_bind (server, any, TRUE, &error));
  g_assert_true (g_socket_listen (server, &error));
  bound = g_socket_get_local_address (server, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      g_autofree char *path = test_dir_path (fixture, "net.xml");
      g_autofree char *doctype = g_strdup_printf (templates[i], port);
      g_autofree char *xml =
        g_strconcat ("<?xml version=\"1.0\"?>\n", doctype,
                     "<catalog xmlns=\"https://github.com/paraat/paraat/ns/catalog/1\""
                     " id=\"n\" version=\"1\"><title xml:lang=\"en\">&e;</title>"
                     "<group id=\"g\"><title xml:lang=\"en\">G</title></group></catalog>\n", NULL);
      g_autoptr(ParaatCatalog) catalog = NULL;

      test_util_write_file (path, xml, strlen (xml));
      catalog = paraat_catalog_parse_file (path, &error);
      g_assert_null (catalog);
      assert_invalid (error, "Line 2, column 1: ", "DOCTYPE");
      g_clear_error (&error);
    }

  g_socket_set_blocking (server, FALSE);
  client = g_socket_accept (server, NULL, &error);
  g_assert_null (client);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK);
}

static void
test_bad_file (TestDir       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = test_dir_path (fixture, "missing.xml");
  g_autoptr(ParaatCatalog) catalog = paraat_catalog_parse_file (missing, &error);

  g_assert_null (catalog);
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  catalog = paraat_catalog_parse_file (fixture->dir, &error);
  g_assert_null (catalog);
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_IO);
}

/* A parse must leave libxml2's error handlers as it found them. */
static void
on_counting_error_cb (void        *data,
                      xmlErrorPtr  err)
{
  (*(guint *) data)++;
}

static void
test_error_handlers_restored (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path ("bad-unclosed.xml");
  g_autoptr(ParaatCatalog) catalog = NULL;
  guint count = 0;
  xmlDoc *doc;

  xmlSetStructuredErrorFunc (&count, on_counting_error_cb);
  catalog = paraat_catalog_parse_file (path, &error);
  g_assert_null (catalog);
  g_assert_cmpuint (count, ==, 0);

  doc = xmlReadMemory ("<a>", 3, NULL, NULL, XML_PARSE_NONET);
  g_assert_null (doc);
  g_assert_cmpuint (count, >, 0);
  xmlSetStructuredErrorFunc (NULL, NULL);
}

/* --- Helpers --- */

static void
test_tracks (void)
{
  g_autofree char *all = NULL;
  g_autofree char *none = NULL;
  g_autofree char *some = NULL;

  g_assert_cmpuint (paraat_tracks_from_string ("policy operation monitoring"), ==,
                    PARAAT_TRACK_POLICY | PARAAT_TRACK_OPERATION | PARAAT_TRACK_MONITORING);
  g_assert_cmpuint (paraat_tracks_from_string ("  monitoring\tpolicy "), ==,
                    PARAAT_TRACK_POLICY | PARAAT_TRACK_MONITORING);
  g_assert_cmpuint (paraat_tracks_from_string ("operation bogus"), ==, PARAAT_TRACK_OPERATION);
  g_assert_cmpuint (paraat_tracks_from_string (""), ==, 0);
  g_assert_cmpuint (paraat_tracks_from_string (NULL), ==, 0);

  all = paraat_tracks_to_string (PARAAT_TRACK_MONITORING | PARAAT_TRACK_POLICY |
                                 PARAAT_TRACK_OPERATION);
  g_assert_cmpstr (all, ==, "policy operation monitoring");
  some = paraat_tracks_to_string (PARAAT_TRACK_MONITORING | PARAAT_TRACK_POLICY);
  g_assert_cmpstr (some, ==, "policy monitoring");
  none = paraat_tracks_to_string (0);
  g_assert_cmpstr (none, ==, "");
}

static void
test_text_pick (void)
{
  ParaatText both = { (char *) "Policy", (char *) "Beleid" };
  ParaatText en_only = { (char *) "Policy", NULL };
  ParaatText nl_only = { NULL, (char *) "Beleid" };
  ParaatText neither = { NULL, NULL };
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  g_setenv ("LANGUAGE", "en_GB:nl", TRUE);
  g_assert_false (paraat_i18n_prefers_dutch ());
  g_assert_cmpstr (paraat_text_pick (&both), ==, "Policy");
  g_assert_cmpstr (paraat_text_pick (&nl_only), ==, "Beleid");
  g_assert_null (paraat_text_pick (&neither));

  g_setenv ("LANGUAGE", "nl_NL:en", TRUE);
  g_assert_true (paraat_i18n_prefers_dutch ());
  g_assert_cmpstr (paraat_text_pick (&both), ==, "Beleid");
  g_assert_cmpstr (paraat_text_pick (&en_only), ==, "Policy");

  g_setenv ("LANGUAGE", "nl", TRUE);
  g_assert_true (paraat_i18n_prefers_dutch ());
  g_setenv ("LANGUAGE", "nds", TRUE);
  g_assert_false (paraat_i18n_prefers_dutch ());

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD_DIR_TEST(name, func) \
  g_test_add (name, TestDir, NULL, test_dir_setup, func, test_dir_teardown)

  g_test_add_func ("/catalog/paraat/valid", test_paraat_valid);
  ADD_DIR_TEST ("/catalog/paraat/utf16", test_paraat_utf16);
  g_test_add_func ("/catalog/bundled/iso27001", test_bundled_iso);
  g_test_add_func ("/catalog/bundled/nis2", test_bundled_nis2);
  g_test_add_func ("/catalog/oscal/nist-privacy-baseline", test_oscal_nist);
  g_test_add_func ("/catalog/oscal/nested", test_oscal_nested);
  ADD_DIR_TEST ("/catalog/oscal/param-bomb", test_oscal_param_bomb);
  g_test_add_func ("/catalog/bad/unclosed-tag", test_bad_unclosed);
  g_test_add_func ("/catalog/bad/wrong-root", test_bad_root);
  g_test_add_func ("/catalog/bad/external-entity", test_bad_external_entity);
  g_test_add_func ("/catalog/bad/billion-laughs", test_bad_billion_laughs);
  ADD_DIR_TEST ("/catalog/bad/network", test_bad_network);
  g_test_add_func ("/catalog/bad/unknown-encoding", test_bad_unknown_encoding);
  ADD_DIR_TEST ("/catalog/bad/invalid-utf8", test_bad_invalid_utf8);
  g_test_add_func ("/catalog/bad/duplicate-requirement", test_bad_duplicate_requirement);
  g_test_add_func ("/catalog/bad/duplicate-group", test_bad_duplicate_group);
  g_test_add_func ("/catalog/bad/duplicate-control", test_bad_duplicate_control);
  g_test_add_func ("/catalog/bad/missing-title", test_bad_missing_title);
  g_test_add_func ("/catalog/bad/kind", test_bad_kind);
  ADD_DIR_TEST ("/catalog/bad/attributes", test_bad_attributes);
  ADD_DIR_TEST ("/catalog/bad/empty", test_bad_empty);
  ADD_DIR_TEST ("/catalog/bad/too-large", test_bad_too_large);
  ADD_DIR_TEST ("/catalog/bad/file", test_bad_file);
  g_test_add_func ("/catalog/error-handlers-restored", test_error_handlers_restored);
  g_test_add_func ("/catalog/tracks", test_tracks);
  g_test_add_func ("/catalog/text-pick", test_text_pick);

  return g_test_run ();
}
