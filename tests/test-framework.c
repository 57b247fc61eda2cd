/* test-framework.c — bundled frameworks, the register data and mappings
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "paraat-error.h"
#include "paraat-framework.h"
#include "paraat-requirement.h"
#include "paraat-trail-model.h"
#include "test-util.h"

static ParaatWorkspace *
create_workspace (TestDir *fixture)
{
  g_autofree char *path = test_dir_path (fixture, "org.paraat");
  g_autoptr(GError) error = NULL;
  ParaatWorkspace *ws = paraat_workspace_create (path, "Voorbeeld B.V.", "Anna de Boer", &error);

  g_assert_no_error (error);
  return ws;
}

static ParaatFramework *
framework_by_key (ParaatWorkspace *ws,
                  const char      *key)
{
  GListModel *frameworks = paraat_workspace_get_frameworks (ws);

  for (guint i = 0; i < g_list_model_get_n_items (frameworks); i++)
    {
      g_autoptr(ParaatFramework) framework = g_list_model_get_item (frameworks, i);
      if (g_str_equal (paraat_framework_get_key (framework), key))
        return framework;
    }
  g_assert_not_reached ();
}

static guint
count_kind (GListModel *requirements,
            const char *kind,
            const char *prefix)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(ParaatRequirement) r = g_list_model_get_item (requirements, i);
      if (g_str_equal (paraat_requirement_get_kind (r), kind) &&
          g_str_has_prefix (paraat_requirement_get_key (r), prefix))
        n++;
    }
  return n;
}

static void
test_bundled (TestDir       *fixture,
              gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autoptr(GError) error = NULL;
  ParaatFramework *iso = framework_by_key (ws, "iso27001-2022");
  ParaatFramework *nis2 = framework_by_key (ws, "nis2");
  g_autoptr(GListModel) iso_reqs = paraat_workspace_list_requirements (ws,
                                                                       paraat_framework_get_id (iso),
                                                                       &error);
  g_autoptr(GListModel) nis2_reqs = paraat_workspace_list_requirements (ws,
                                                                        paraat_framework_get_id (nis2),
                                                                        &error);

  g_assert_no_error (error);
  g_assert_true (paraat_framework_get_bundled (iso));
  g_assert_true (paraat_framework_get_enabled (iso));
  g_assert_cmpuint (count_kind (iso_reqs, "control", "A."), ==, 93);
  g_assert_cmpuint (count_kind (iso_reqs, "clause", ""), >=, 30);
  g_assert_cmpuint (paraat_framework_get_n_requirements (iso),
                    ==, g_list_model_get_n_items (iso_reqs));
  g_assert_cmpuint (count_kind (nis2_reqs, "measure", "21(2)("), ==, 10);

  /* Every requirement has a title, a group and a default register state. */
  for (guint i = 0; i < g_list_model_get_n_items (iso_reqs); i++)
    {
      g_autoptr(ParaatRequirement) r = g_list_model_get_item (iso_reqs, i);
      g_assert_nonnull (paraat_requirement_get_title (r));
      g_assert_nonnull (paraat_requirement_get_group_title (r));
      g_assert_true (paraat_requirement_get_applicable (r));
      g_assert_cmpint (paraat_requirement_get_status (r), ==, PARAAT_STATUS_NOT_STARTED);
    }
}

static void
test_mapping_both_ways (TestDir       *fixture,
                        gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatRequirement) incident = paraat_workspace_find_requirement (ws, "nis2",
                                                                            "21(2)(b)", &error);
  g_autoptr(ParaatRequirement) control = NULL;
  g_autoptr(GListModel) to_iso = NULL;
  g_autoptr(GListModel) to_nis2 = NULL;
  gboolean found = FALSE;

  g_assert_no_error (error);
  to_iso = paraat_workspace_list_mapped (ws, paraat_requirement_get_id (incident), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (to_iso), >=, 5);
  for (guint i = 0; i < g_list_model_get_n_items (to_iso); i++)
    {
      g_autoptr(ParaatRequirement) r = g_list_model_get_item (to_iso, i);
      g_assert_cmpstr (paraat_requirement_get_framework_key (r), ==, "iso27001-2022");
      found |= g_str_equal (paraat_requirement_get_key (r), "A.5.24");
    }
  g_assert_true (found);

  control = paraat_workspace_find_requirement (ws, "iso27001-2022", "A.5.24", &error);
  g_assert_no_error (error);
  to_nis2 = paraat_workspace_list_mapped (ws, paraat_requirement_get_id (control), &error);
  g_assert_cmpuint (g_list_model_get_n_items (to_nis2), >=, 1);

  /* A disabled framework drops out of the mapping. */
  g_assert_true (paraat_workspace_set_actor (ws, 1, &error));
  g_assert_true (paraat_workspace_set_framework_enabled (ws,
                                                         paraat_requirement_get_framework_id (incident),
                                                         FALSE, &error));
  g_clear_object (&to_nis2);
  to_nis2 = paraat_workspace_list_mapped (ws, paraat_requirement_get_id (control), &error);
  g_assert_cmpuint (g_list_model_get_n_items (to_nis2), ==, 0);
}

static void
test_update_requirement (TestDir       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatRequirement) before = paraat_workspace_find_requirement (ws, "iso27001-2022",
                                                                          "A.7.1", &error);
  g_autoptr(ParaatRequirement) after = NULL;
  gint64 id = paraat_requirement_get_id (before);
  gint64 owner = paraat_person_get_id (paraat_workspace_get_actor (ws));
  gint64 trail_before = test_util_trail_count (paraat_workspace_get_path (ws));
  ParaatRequirementState excluded = {
    .applicable = FALSE, .justification = "  ", .status = PARAAT_STATUS_NOT_STARTED,
  };
  ParaatRequirementState state = {
    .applicable = FALSE, .justification = "Fully remote company without offices",
    .status = PARAAT_STATUS_NOT_STARTED, .owner_id = owner, .notes = "Checked with facilities",
  };
  ParaatRequirementState bad_owner = { .applicable = TRUE, .owner_id = 9999 };

  /* An exclusion needs a justification; nothing changes without one. */
  g_assert_false (paraat_workspace_update_requirement (ws, id, &excluded, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (paraat_workspace_update_requirement (ws, id, &bad_owner, &error));
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_util_trail_count (paraat_workspace_get_path (ws)), ==, trail_before);

  g_assert_true (paraat_workspace_update_requirement (ws, id, &state, &error));
  g_assert_no_error (error);
  after = paraat_workspace_get_requirement (ws, id, &error);
  g_assert_false (paraat_requirement_get_applicable (after));
  g_assert_cmpstr (paraat_requirement_get_justification (after), ==,
                   "Fully remote company without offices");
  g_assert_cmpint (paraat_requirement_get_owner_id (after), ==, owner);
  g_assert_cmpint (test_util_trail_count (paraat_workspace_get_path (ws)), ==, trail_before + 1);

  /* The same state again is no change and writes no entry. */
  g_assert_true (paraat_workspace_update_requirement (ws, id, &state, &error));
  g_assert_cmpint (test_util_trail_count (paraat_workspace_get_path (ws)), ==, trail_before + 1);

  /* An owner cannot leave the directory while owning a requirement. */
  {
    gint64 other = paraat_workspace_add_person (ws, "Bert Jansen", "", "", &error);
    g_assert_true (paraat_workspace_set_actor (ws, other, &error));
    g_assert_false (paraat_workspace_remove_person (ws, owner, &error));
    g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
    g_assert_nonnull (paraat_workspace_find_person (ws, owner));
  }
}

static void
test_import_twice_refused (TestDir       *fixture,
                           gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ParaatCatalog) catalog = NULL;
  guint before = g_list_model_get_n_items (paraat_workspace_get_frameworks (ws));

  paraat_core_ensure_resources ();
  bytes = g_resources_lookup_data ("/io/github/paraat/Paraat/core/catalogs/nis2.xml", 0, &error);
  g_assert_no_error (error);
  catalog = paraat_catalog_parse_bytes (bytes, "nis2.xml", &error);
  g_assert_no_error (error);

  g_assert_cmpint (paraat_workspace_import_catalog (ws, catalog, &error), ==, 0);
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_EXISTS);
  g_assert_cmpuint (g_list_model_get_n_items (paraat_workspace_get_frameworks (ws)), ==, before);
}

static void
on_changed_cb (ParaatWorkspace *ws,
               const char      *object_type,
               gboolean        *seen)
{
  /* Listeners read the workspace's lists: they must already hold the change. */
  if (g_str_equal (object_type, "person"))
    *seen = paraat_workspace_find_person_by_name (ws, "Bert Jansen") != NULL;
}

static void
test_changed_after_refresh (TestDir       *fixture,
                            gconstpointer  data)
{
  g_autoptr(ParaatWorkspace) ws = create_workspace (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatTrailModel) trail = paraat_trail_model_new (ws);
  gboolean seen = FALSE;

  g_signal_connect (ws, "changed", G_CALLBACK (on_changed_cb), &seen);
  g_assert_cmpint (paraat_workspace_add_person (ws, "Bert Jansen", "", "", &error), >, 0);
  g_assert_true (seen);

  /* A closed workspace offers no entries any more. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trail)), >, 0);
  paraat_workspace_close (ws);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trail)), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, TestDir, NULL, test_dir_setup, func, test_dir_teardown)

  ADD ("/framework/bundled", test_bundled);
  ADD ("/framework/mapping-both-ways", test_mapping_both_ways);
  ADD ("/framework/update-requirement", test_update_requirement);
  ADD ("/framework/import-twice-refused", test_import_twice_refused);
  ADD ("/workspace/changed-after-refresh", test_changed_after_refresh);

#undef ADD

  return g_test_run ();
}
