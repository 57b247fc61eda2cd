/* paraat-cli.c — headless operations on workspace files
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "paraat-action.h"
#include "paraat-chart.h"
#include "paraat-check.h"
#include "paraat-clock.h"
#include "paraat-demo.h"
#include "paraat-error.h"
#include "paraat-evidence.h"
#include "paraat-export.h"
#include "paraat-framework.h"
#include "paraat-i18n.h"
#include "paraat-ical.h"
#include "paraat-json.h"
#include "paraat-metrics.h"
#include "paraat-report.h"
#include "paraat-requirement.h"
#include "paraat-review.h"
#include "paraat-risk.h"
#include "paraat-scan.h"
#include "paraat-trail-export.h"
#include "paraat-workspace.h"

enum {
  EXIT_OK = 0,
  EXIT_PROBLEMS = 1,
  EXIT_CANNOT = 2,
};

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *args;
  const char  *summary;
  CommandFunc  func;
} Command;

static int
fail (GError *error)
{
  g_printerr ("paraat-cli: %s\n", error->message);
  return EXIT_CANNOT;
}

static const char *
os_user_name (void)
{
  return g_str_equal (g_get_real_name (), "Unknown") ? g_get_user_name () : g_get_real_name ();
}

static GOptionContext *
command_context (const char   *args,
                 const char   *summary,
                 GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (args);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

/* Parses options and demands exactly N_POSITIONAL arguments after the command name. */
static gboolean
parse_command (GOptionContext  *context,
               int             *argc,
               char          ***argv,
               int              n_positional)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("paraat-cli: %s\n", error->message);
      return FALSE;
    }
  if (*argc != n_positional + 1)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return FALSE;
    }
  return TRUE;
}

static int
cmd_create (int    argc,
            char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *person = NULL;
  GOptionEntry entries[] = {
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name, N_("Organisation name (required)"),
      N_("NAME") },
    { "person", 'p', 0, G_OPTION_ARG_STRING, &person,
      N_("Who is creating the workspace (default: your real name)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    command_context (_("FILE"), _("Create a new, empty workspace."), entries);
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_command (context, &argc, &argv, 1))
    return EXIT_CANNOT;
  if (name == NULL)
    {
      g_printerr ("paraat-cli: %s\n", _("Give the organisation’s name with --name."));
      return EXIT_CANNOT;
    }

  if (person == NULL)
    person = g_strdup (os_user_name ());

  ws = paraat_workspace_create (argv[1], name, person, &error);
  if (ws == NULL)
    return fail (error);

  g_print (_("Created workspace “%s” for %s.\n"), paraat_workspace_get_path (ws), name);
  return EXIT_OK;
}

static void
append_counts (GString    *out,
               GHashTable *counts)
{
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (counts), (GCompareFunc) strcmp);

  g_string_append (out, ",\"counts\":{");
  for (GList *l = keys; l != NULL; l = l->next)
    {
      if (l != keys)
        g_string_append_c (out, ',');
      paraat_json_append_string (out, l->data);
      g_string_append_printf (out, ":%d", GPOINTER_TO_INT (g_hash_table_lookup (counts,
                                                                                 l->data)));
    }
  g_string_append_c (out, '}');
}

static int
cmd_info (int    argc,
          char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    command_context (_("FILE"), _("Show a workspace’s schema version, organisation and "
                                  "row counts."), entries);
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new ("{");
  ParaatSettings settings = { 0 };

  if (!parse_command (context, &argc, &argv, 1))
    return EXIT_CANNOT;

  ws = paraat_workspace_open (argv[1], &error);
  if (ws == NULL || !(counts = paraat_workspace_count_rows (ws, &error)))
    return fail (error);

  paraat_workspace_get_settings (ws, &settings);
  paraat_json_append_int (out, "schema_version", paraat_workspace_get_schema_version (ws));
  paraat_json_append_member (out, "uuid", paraat_workspace_get_uuid (ws));
  paraat_json_append_member (out, "organisation", settings.organisation);
  paraat_json_append_member (out, "scope", settings.scope);
  paraat_json_append_int (out, "target_level", settings.target_level);
  paraat_json_append_int (out, "evidence_validity_months", settings.validity_months);
  append_counts (out, counts);
  g_string_append (out, "}\n");

  if (json)
    g_print ("%s", out->str);
  else
    {
      g_print (_("Organisation: %s\n"), settings.organisation);
      g_print (_("Schema version: %d\n"), paraat_workspace_get_schema_version (ws));
      g_print (_("People: %d\n"), GPOINTER_TO_INT (g_hash_table_lookup (counts, "person")));
      g_print (_("Audit trail entries: %d\n"),
               GPOINTER_TO_INT (g_hash_table_lookup (counts, "trail")));
    }
  paraat_settings_clear (&settings);
  return EXIT_OK;
}

static int
cmd_check (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context =
    command_context (_("FILE"), _("Check a workspace’s integrity, schema and audit trail "
                                  "without changing it. Exit status: 0 healthy, 1 problems "
                                  "found, 2 cannot be opened."), NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_command (context, &argc, &argv, 1))
    return EXIT_CANNOT;

  if (!paraat_check_file (argv[1], &problems, &error))
    return fail (error);

  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (problems, i));

  if (problems->len > 0)
    {
      g_printerr (ngettext ("paraat-cli: %u problem found. Restore a backup copy of the "
                            "workspace.\n",
                            "paraat-cli: %u problems found. Restore a backup copy of the "
                            "workspace.\n", problems->len), problems->len);
      return EXIT_PROBLEMS;
    }

  g_print (_("OK: the workspace is healthy.\n"));
  return EXIT_OK;
}

static int
cmd_verify (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context =
    command_context (_("FILE"), _("Recompute the audit trail’s hash chain. Exit status: 0 "
                                  "intact, 1 altered, 2 cannot be opened."), NULL);
  g_autoptr(GError) error = NULL;
  ParaatTrailReport report;
  int status;

  if (!parse_command (context, &argc, &argv, 1))
    return EXIT_CANNOT;

  if (!paraat_check_verify_trail (argv[1], &report, &error))
    return fail (error);

  if (report.problem == NULL)
    {
      g_print (_("OK: %" PRId64 " entries, head hash %s\n"), report.n_entries,
               report.head_hash);
      status = EXIT_OK;
    }
  else
    {
      g_printerr (_("BROKEN at entry %" PRId64 ": %s\n"), report.first_bad_seq,
                  report.problem);
      status = EXIT_PROBLEMS;
    }
  paraat_trail_report_clear (&report);
  return status;
}

static gboolean
parse_item (const char  *item,
            char       **type,
            gint64      *id)
{
  const char *colon = item ? strchr (item, ':') : NULL;
  guint64 value;

  if (colon == NULL || colon == item ||
      !g_ascii_string_to_unsigned (colon + 1, 10, 0, G_MAXINT64, &value, NULL))
    return FALSE;
  *type = g_strndup (item, colon - item);
  *id = (gint64) value;
  return TRUE;
}

static int
cmd_trail (int    argc,
           char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *item = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("“csv” or “xml” (default: csv)"),
      N_("FORMAT") },
    { "item", 'i', 0, G_OPTION_ARG_STRING, &item,
      N_("Only this item’s history, for example person:3"), N_("TYPE:ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file (required)"),
      N_("OUT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    command_context (_("FILE"), _("Export the audit trail, or one item’s history, with every "
                                  "entry’s hash and the chain’s head hash."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autofree char *type = NULL;
  ParaatTrailFormat format = PARAAT_TRAIL_FORMAT_CSV;
  gint64 id = -1;

  if (!parse_command (context, &argc, &argv, 1))
    return EXIT_CANNOT;

  if (format_name != NULL && !paraat_trail_format_from_string (format_name, &format))
    {
      g_printerr ("paraat-cli: %s\n", _("--format must be “csv” or “xml”."));
      return EXIT_CANNOT;
    }
  if (item != NULL && !parse_item (item, &type, &id))
    {
      g_printerr ("paraat-cli: %s\n", _("--item must look like TYPE:ID, for example person:3."));
      return EXIT_CANNOT;
    }
  if (output == NULL)
    {
      g_printerr ("paraat-cli: %s\n", _("Give the output file with -o."));
      return EXIT_CANNOT;
    }

  destination = g_file_new_for_commandline_arg (output);
  if (!paraat_trail_export (argv[1], type, id, format, destination, NULL, &error))
    return fail (error);

  g_print (_("Exported the audit trail to “%s”.\n"), output);
  return EXIT_OK;
}

/* --language: the documents' language, independent of the command line's */
static gboolean
check_language (const char *language)
{
  g_auto(GStrv) languages = paraat_i18n_list_languages ();

  if (language == NULL || g_strv_contains ((const char * const *) languages, language))
    return TRUE;
  g_printerr ("paraat-cli: %s\n", _("--language must be “en” or “nl”."));
  return FALSE;
}

/* Without --format, the output file's extension says which; CSV when it says neither */
static gboolean
choose_export_format (const char         *format,
                      const char         *output,
                      ParaatExportFormat *chosen)
{
  *chosen = PARAAT_EXPORT_CSV;
  if (format == NULL)
    {
      paraat_export_format_from_path (output, chosen);
      return TRUE;
    }
  if (paraat_export_format_from_string (format, chosen))
    return TRUE;
  g_printerr ("paraat-cli: %s\n", _("--format must be “csv”, “ods” or “pdf”."));
  return FALSE;
}

static int
write_export (const char         *path,
              ParaatExportKind    kind,
              const char         *framework,
              ParaatExportFormat  format,
              const char         *language,
              const char         *output)
{
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(ParaatExportTable) table = NULL;
  g_autoptr(GError) error = NULL;
  guint n_rows;

  if (!(ws = paraat_workspace_open_reader (path, &error)))
    return fail (error);
  {
    /* The table's words in the chosen language; the messages here in the command line's */
    g_autoptr(ParaatLanguageScope) scope = NULL;

    if (!(scope = paraat_i18n_enter_language (language, &error)) ||
        !(table = paraat_workspace_build_export (ws, kind, framework, &error)) ||
        !paraat_export_table_write (table, format, paraat_workspace_get_organisation (ws),
                                    output, NULL, &error))
      return fail (error);
  }

  n_rows = paraat_export_table_get_n_rows (table);
  g_print (ngettext ("Wrote “%s” with %u row.\n", "Wrote “%s” with %u rows.\n", n_rows),
           output, n_rows);
  return EXIT_OK;
}

static int
cmd_export (int    argc,
            char **argv)
{
  g_autofree char *what = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *framework = NULL;
  g_autofree char *language = NULL;
  GOptionEntry entries[] = {
    { "what", 'w', 0, G_OPTION_ARG_STRING, &what,
      N_("soa, requirements, actions, risks, exceptions, scope, evidence or reviews "
         "(required)"), N_("REGISTER") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("“csv”, “ods” or “pdf” (default: "
                                                         "from the output file’s name, else "
                                                         "csv)"),
      N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file (required)"),
      N_("OUT") },
    { "framework", 0, 0, G_OPTION_ARG_STRING, &framework,
      N_("With --what requirements: only this framework, for example nis2 (default: every "
         "enabled framework)"), N_("KEY") },
    { "language", 'l', 0, G_OPTION_ARG_STRING, &language,
      N_("“en” or “nl” (default: the language of the command line)"), N_("LANGUAGE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    command_context (_("FILE"), _("Export a register as a table: the Statement of "
                                  "Applicability (every Annex A control of ISO/IEC "
                                  "27001:2022), the requirements, actions, risks, exceptions, "
                                  "scope, evidence or management review decisions, as CSV, as "
                                  "an OpenDocument spreadsheet (ODS) or as PDF. CSV files are "
                                  "UTF-8 with a byte order mark. The workspace is not "
                                  "changed."), entries);
  ParaatExportKind kind;
  ParaatExportFormat chosen;

  if (!parse_command (context, &argc, &argv, 1))
    return EXIT_CANNOT;
  if (what == NULL || !paraat_export_kind_from_string (what, &kind))
    {
      g_printerr ("paraat-cli: %s\n", _("--what must be soa, requirements, actions, risks, "
                                        "exceptions, scope, evidence or reviews."));
      return EXIT_CANNOT;
    }
  if (!choose_export_format (format, output, &chosen) || !check_language (language))
    return EXIT_CANNOT;
  if (framework != NULL && kind != PARAAT_EXPORT_REQUIREMENTS)
    {
      g_printerr ("paraat-cli: %s\n", _("--framework only goes with --what requirements."));
      return EXIT_CANNOT;
    }
  if (output == NULL)
    {
      g_printerr ("paraat-cli: %s\n", _("Give the output file with -o."));
      return EXIT_CANNOT;
    }
  return write_export (argv[1], kind, framework, chosen, language, output);
}

/* Progress on standard error, one line per step, so that scripts can ignore it */
static void
print_progress (double      fraction,
                const char *step,
                gpointer    user_data)
{
  if (isatty (STDERR_FILENO))
    g_printerr ("%3.0f%% %s\n", fraction * 100, I_(step));
}

typedef gboolean (*DocumentFunc) (ParaatWorkspace    *self,
                                  const char         *language,
                                  const char         *path,
                                  ParaatProgressFunc  progress,
                                  gpointer            progress_data,
                                  GCancellable       *cancellable,
                                  GError            **error);

/* The board report and the audit pack: FILE -o OUT [--language] */
static int
run_document_command (int           argc,
                      char        **argv,
                      const char   *summary,
                      const char   *output_help,
                      DocumentFunc  write,
                      const char   *done)
{
  g_autofree char *output = NULL;
  g_autofree char *language = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, output_help, N_("OUT") },
    { "language", 'l', 0, G_OPTION_ARG_STRING, &language,
      N_("“en” or “nl” (default: the language of the command line)"), N_("LANGUAGE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = command_context (_("FILE"), summary, entries);
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_command (context, &argc, &argv, 1) || !check_language (language))
    return EXIT_CANNOT;
  if (output == NULL)
    {
      g_printerr ("paraat-cli: %s\n", _("Give the output with -o."));
      return EXIT_CANNOT;
    }
  /* Read-only: works while the workspace is open in the app, and never changes it */
  if (!(ws = paraat_workspace_open_reader (argv[1], &error)) ||
      !write (ws, language, output, print_progress, NULL, NULL, &error))
    return fail (error);
  g_print (done, output);
  g_print ("\n");
  return EXIT_OK;
}

static int
cmd_report (int    argc,
            char **argv)
{
  return run_document_command (argc, argv,
                               _("Write the board report as PDF: summary figures with their "
                                 "trend, readiness, maturity charts, risks, actions, "
                                 "management reviews, evidence freshness and exceptions. The "
                                 "workspace is not changed."),
                               N_("Write the PDF to this file (required)"),
                               paraat_workspace_write_board_report,
                               _("Wrote the board report “%s”."));
}

static int
cmd_audit_pack (int    argc,
                char **argv)
{
  return run_document_command (argc, argv,
                               _("Write the audit pack into a new folder: the board report, "
                                 "the Statement of Applicability, every register, the audit "
                                 "trail and every evidence file, with a SHA-256 manifest. The "
                                 "workspace is not changed."),
                               N_("Create this folder (required; it must not exist yet or be "
                                  "empty)"),
                               paraat_workspace_write_audit_pack,
                               _("Wrote the audit pack “%s”."));
}

/* Changes made from the command line are recorded under a person from the directory. */
static gboolean
choose_actor (ParaatWorkspace  *ws,
              const char       *name,
              GError          **error)
{
  ParaatPerson *person = paraat_workspace_find_person_by_name (ws, name ? name : os_user_name ());

  if (person == NULL)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NO_ACTOR,
                   _("“%s” is not in the workspace’s directory. Say who is working with "
                     "--person and a name from the directory."), name ? name : os_user_name ());
      return FALSE;
    }
  return paraat_workspace_set_actor (ws, paraat_person_get_id (person), error);
}

static int
cmd_import_catalog (int    argc,
                    char **argv)
{
  g_autofree char *person = NULL;
  GOptionEntry entries[] = {
    { "person", 'p', 0, G_OPTION_ARG_STRING, &person,
      N_("Who is importing (default: your real name)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    command_context (_("FILE CATALOG.xml"), _("Import a framework catalog in Paraat’s format "
                                              "or OSCAL catalog XML. A bad catalog imports "
                                              "nothing."), entries);
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(ParaatCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!parse_command (context, &argc, &argv, 2))
    return EXIT_CANNOT;

  if (!(catalog = paraat_catalog_parse_file (argv[2], &error)) ||
      !(ws = paraat_workspace_open (argv[1], &error)) ||
      !choose_actor (ws, person, &error) ||
      !(id = paraat_workspace_import_catalog (ws, catalog, &error)))
    return fail (error);

  g_print (_("Imported “%s” with %u requirements.\n"),
           paraat_framework_get_title (paraat_workspace_find_framework (ws, id)),
           catalog->requirements->len);
  return EXIT_OK;
}

static int
cmd_catalogs (int    argc,
              char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    command_context (_("FILE"), _("List the workspace’s frameworks with their requirement "
                                  "counts."), entries);
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new ("[");
  GListModel *frameworks;

  if (!parse_command (context, &argc, &argv, 1))
    return EXIT_CANNOT;
  if (!(ws = paraat_workspace_open (argv[1], &error)))
    return fail (error);

  frameworks = paraat_workspace_get_frameworks (ws);
  for (guint i = 0; i < g_list_model_get_n_items (frameworks); i++)
    {
      g_autoptr(ParaatFramework) f = g_list_model_get_item (frameworks, i);

      if (json)
        {
          g_string_append (out, i ? ",{" : "{");
          paraat_json_append_member (out, "key", paraat_framework_get_key (f));
          paraat_json_append_member (out, "title", paraat_framework_get_title (f));
          paraat_json_append_member (out, "version", paraat_framework_get_version (f));
          paraat_json_append_member (out, "format", paraat_framework_get_format (f));
          paraat_json_append_int (out, "bundled", paraat_framework_get_bundled (f));
          paraat_json_append_int (out, "enabled", paraat_framework_get_enabled (f));
          paraat_json_append_int (out, "requirements", paraat_framework_get_n_requirements (f));
          g_string_append_c (out, '}');
        }
      else
        g_print ("%-16s %5u  %s%s\n", paraat_framework_get_key (f),
                 paraat_framework_get_n_requirements (f), paraat_framework_get_title (f),
                 paraat_framework_get_enabled (f) ? "" : _(" (disabled)"));
    }

  if (json)
    g_print ("%s]\n", out->str);
  return EXIT_OK;
}


static void
append_score (GString               *out,
              const ParaatScanScore *score)
{
  g_autofree char *readiness = paraat_scan_format_readiness (score->readiness);

  paraat_json_append_member (out, "framework", score->framework_key);
  if (score->group_key != NULL)
    {
      paraat_json_append_member (out, "group", score->group_key);
      paraat_json_append_member (out, "title", score->group_title);
    }
  else
    paraat_json_append_member (out, "title", score->framework_title);
  paraat_json_append_int (out, "requirements", score->n_requirements);
  paraat_json_append_int (out, "answered", score->n_answered);
  paraat_json_append_int (out, "at_target", score->n_at_target);
  paraat_json_append_int (out, "open", score->n_open);
  paraat_json_append_int (out, "not_applicable", score->n_not_applicable);
  paraat_json_append_double (out, "readiness", score->readiness);
  paraat_json_append_member (out, "readiness_text", readiness);
  if (score->group_key != NULL)
    paraat_json_append_double (out, "mean_maturity", score->mean_maturity);
}

static void
print_scan_summary (ParaatScan              *scan,
                    const ParaatScanResults *results)
{
  g_print ("%s (%s, %s)\n", paraat_scan_get_name (scan), paraat_scan_get_date (scan),
           paraat_scan_depth_label (paraat_scan_get_depth (scan)));
  for (guint i = 0; i < results->frameworks->len; i++)
    {
      const ParaatScanScore *score = g_ptr_array_index (results->frameworks, i);
      g_autofree char *readiness = paraat_scan_format_readiness (score->readiness);

      g_print ("  %-16s %6s\n", score->framework_key, readiness);
    }
  for (guint i = 0; i < results->domains->len; i++)
    {
      const ParaatScanScore *score = g_ptr_array_index (results->domains, i);
      g_autofree char *readiness = paraat_scan_format_readiness (score->readiness);

      g_print ("  %-16s %-8s %6s  %.1f  %s\n", score->framework_key, score->group_key, readiness,
               MAX (score->mean_maturity, 0), score->group_title ? score->group_title : "");
    }
  for (guint i = 0; i < results->top->len; i++)
    {
      const ParaatScanGap *gap = g_ptr_array_index (results->top, i);

      g_print ("  %2u. %s %s (%d → %d)\n", i + 1, gap->item->label,
               gap->item->title ? gap->item->title : "", gap->item->level,
               gap->item->target_level);
    }
}

static int
cmd_scan_summary (int    argc,
                  char **argv)
{
  gboolean json = FALSE;
  gint64 scan_id = 0;
  GOptionEntry entries[] = {
    { "scan", 's', 0, G_OPTION_ARG_INT64, &scan_id, N_("The scan (default: the latest)"),
      N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    command_context (_("FILE"), _("Summarise a readiness scan: readiness per framework and "
                                  "domain, and the ten biggest gaps."), entries);
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(ParaatScan) scan = NULL;
  g_autoptr(ParaatScanResults) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new ("{");
  guint n_ids = 0;
  const gint64 *ids;

  if (!parse_command (context, &argc, &argv, 1))
    return EXIT_CANNOT;
  if (!(ws = paraat_workspace_open (argv[1], &error)))
    return fail (error);

  if (scan_id == 0)
    {
      g_autoptr(GListModel) scans = paraat_workspace_list_scans (ws, &error);

      if (scans == NULL)
        return fail (error);
      if (g_list_model_get_n_items (scans) == 0)
        {
          g_printerr (_("paraat-cli: the workspace has no scans yet.\n"));
          return EXIT_CANNOT;
        }
      scan = g_list_model_get_item (scans, 0);
    }
  else if (!(scan = paraat_workspace_get_scan (ws, scan_id, &error)))
    return fail (error);

  if (!(results = paraat_workspace_compute_scan_results (ws, paraat_scan_get_id (scan), &error)))
    return fail (error);

  if (!json)
    {
      print_scan_summary (scan, results);
      return EXIT_OK;
    }

  g_string_append (out, "\"scan\":{");
  paraat_json_append_int (out, "id", paraat_scan_get_id (scan));
  paraat_json_append_member (out, "name", paraat_scan_get_name (scan));
  paraat_json_append_member (out, "date", paraat_scan_get_date (scan));
  paraat_json_append_member (out, "depth", paraat_scan_depth_to_string (paraat_scan_get_depth (scan)));
  paraat_json_append_member (out, "participants", paraat_scan_get_participants (scan));
  paraat_json_append_int (out, "target_level", paraat_scan_get_target_level (scan));
  paraat_json_append_int (out, "questions", paraat_scan_get_n_questions (scan));
  paraat_json_append_int (out, "answered", paraat_scan_get_n_answered (scan));
  g_string_append (out, ",\"frameworks\":[");
  ids = paraat_scan_get_framework_ids (scan, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      ParaatFramework *f = paraat_workspace_find_framework (ws, ids[i]);

      if (i > 0)
        g_string_append_c (out, ',');
      paraat_json_append_string (out, f ? paraat_framework_get_key (f) : NULL);
    }
  g_string_append (out, "]},\"frameworks\":[");
  for (guint i = 0; i < results->frameworks->len; i++)
    {
      g_string_append (out, i ? ",{" : "{");
      append_score (out, g_ptr_array_index (results->frameworks, i));
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],\"domains\":[");
  for (guint i = 0; i < results->domains->len; i++)
    {
      g_string_append (out, i ? ",{" : "{");
      append_score (out, g_ptr_array_index (results->domains, i));
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],\"top_gaps\":[");
  for (guint i = 0; i < results->top->len; i++)
    {
      const ParaatScanGap *gap = g_ptr_array_index (results->top, i);

      g_string_append (out, i ? ",{" : "{");
      paraat_json_append_int (out, "rank", i + 1);
      paraat_json_append_member (out, "framework", gap->item->framework_key);
      paraat_json_append_member (out, "requirement", gap->item->label);
      paraat_json_append_member (out, "title", gap->item->title);
      paraat_json_append_member (out, "group", gap->item->group_key);
      paraat_json_append_int (out, "level", gap->item->level);
      paraat_json_append_int (out, "target_level", gap->item->target_level);
      paraat_json_append_int (out, "gap", gap->gap);
      paraat_json_append_double (out, "weight", gap->item->weight);
      paraat_json_append_double (out, "priority", gap->priority);
      g_string_append_c (out, '}');
    }
  g_print ("%s]}\n", out->str);
  return EXIT_OK;
}

/* Actions, metrics and deadlines */

static const char *track_id (guint track);

/* KEY: the requirements of IDS as "framework label" names */
static void
append_requirement_labels (GString          *out,
                           ParaatWorkspace  *ws,
                           const char       *key,
                           const gint64     *ids,
                           guint             n)
{
  paraat_json_append_key (out, key);
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatRequirement) r = paraat_workspace_get_requirement (ws, ids[i], NULL);
      g_autofree char *name = r ? g_strdup_printf ("%s %s",
                                                   paraat_requirement_get_framework_key (r),
                                                   paraat_requirement_get_label (r))
                                : NULL;

      if (i > 0)
        g_string_append_c (out, ',');
      paraat_json_append_string (out, name);
    }
  g_string_append_c (out, ']');
}

static void
append_action_json (GString          *out,
                    ParaatWorkspace  *ws,
                    ParaatAction     *a)
{
  g_autofree char *closed = paraat_action_get_closed_ms (a)
                            ? paraat_clock_format_ms (paraat_action_get_closed_ms (a)) : NULL;
  g_autofree char *created = paraat_clock_format_ms (paraat_action_get_created_ms (a));
  guint n_reqs = 0;
  const gint64 *reqs = paraat_action_get_requirement_ids (a, &n_reqs);

  g_string_append_c (out, '{');
  paraat_json_append_int (out, "id", paraat_action_get_id (a));
  paraat_json_append_member (out, "title", paraat_action_get_title (a));
  paraat_json_append_member (out, "status",
                             paraat_action_status_to_string (paraat_action_get_status (a)));
  paraat_json_append_member (out, "source",
                             paraat_action_source_to_string (paraat_action_get_source (a)));
  paraat_json_append_member (out, "priority",
                             paraat_priority_to_string (paraat_action_get_priority (a)));
  paraat_json_append_member (out, "owner", paraat_action_get_owner_name (a));
  paraat_json_append_member (out, "due_date", paraat_action_get_due_date (a));
  paraat_json_append_bool (out, "overdue", paraat_action_is_overdue (a));
  paraat_json_append_int (out, "days_overdue", paraat_action_get_days_overdue (a));
  paraat_json_append_bool (out, "high_risk", paraat_action_is_high_risk (a));
  paraat_json_append_member (out, "required_track",
                             track_id (paraat_action_get_required_track (a)));
  paraat_json_append_member (out, "required_evidence", paraat_action_get_required_evidence (a));
  paraat_json_append_member (out, "project", paraat_action_get_project (a));
  paraat_json_append_member (out, "quarter", paraat_action_get_quarter (a));
  paraat_json_append_member (out, "frameworks", paraat_action_get_framework_keys (a));
  append_requirement_labels (out, ws, "requirements", reqs, n_reqs);
  paraat_json_append_int (out, "evidence", paraat_action_get_n_evidence (a));
  paraat_json_append_member (out, "created", created);
  paraat_json_append_member (out, "closed", closed);
  paraat_json_append_member (out, "reviewer", paraat_action_get_reviewer_name (a));
  if (paraat_action_get_scan_id (a))
    paraat_json_append_int (out, "scan_id", paraat_action_get_scan_id (a));
  if (paraat_action_get_decision_id (a))
    paraat_json_append_int (out, "decision_id", paraat_action_get_decision_id (a));
  g_string_append_c (out, '}');
}

static int
cmd_actions (int    argc,
             char **argv)
{
  gboolean json = FALSE;
  gboolean overdue = FALSE;
  GOptionEntry entries[] = {
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("Only actions past their due date"),
      NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    command_context (_("FILE"), _("List the actions, soonest due first, with their owner, "
                                  "status and due date."), entries);
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new ("[");
  guint shown = 0;

  if (!parse_command (context, &argc, &argv, 1))
    return EXIT_CANNOT;
  if (!(ws = paraat_workspace_open (argv[1], &error)) ||
      !(actions = paraat_workspace_list_actions (ws, &error)))
    return fail (error);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(ParaatAction) a = g_list_model_get_item (actions, i);

      if (overdue && !paraat_action_is_overdue (a))
        continue;
      if (json)
        {
          if (shown > 0)
            g_string_append_c (out, ',');
          append_action_json (out, ws, a);
        }
      else
        g_print ("%5" PRId64 "  %s  %-16s %-9s %-20s %s\n", paraat_action_get_id (a),
                 paraat_action_get_due_date (a),
                 paraat_action_status_label (paraat_action_get_status (a)),
                 paraat_priority_label (paraat_action_get_priority (a)),
                 paraat_action_get_owner_name (a), paraat_action_get_title (a));
      shown++;
    }

  if (json)
    g_print ("%s]\n", out->str);
  return EXIT_OK;
}

static void
append_optional_double (GString    *out,
                        const char *key,
                        double      value)
{
  if (value < 0)
    paraat_json_append_member (out, key, NULL);
  else
    paraat_json_append_double (out, key, value);
}

static int
cmd_metrics (int    argc,
             char **argv)
{
  gboolean json = FALSE;
  g_autofree char *at = NULL;
  GOptionEntry entries[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("The day to compute them for (default: today)"),
      N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    command_context (_("FILE"), _("Show the quarterly figures: open high-risk actions, mean "
                                  "days to close corrective actions, controls with fresh "
                                  "evidence, and overdue work."), entries);
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new ("{");
  g_autofree char *today = NULL;
  ParaatMetrics m;

  if (!parse_command (context, &argc, &argv, 1))
    return EXIT_CANNOT;
  if (!(ws = paraat_workspace_open (argv[1], &error)) ||
      !paraat_workspace_compute_metrics (ws, at, &m, &error))
    return fail (error);

  if (at == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      today = g_date_time_format (now, "%Y-%m-%d");
    }

  if (!json)
    {
      g_print (_("Open high-risk actions: %u\n"), m.open_high_risk);
      if (m.mean_days_to_close < 0)
        g_print (_("Mean days to close corrective actions: none closed in the last %d days\n"),
                 PARAAT_METRICS_CLOSE_WINDOW_DAYS);
      else
        g_print (_("Mean days to close corrective actions: %.1f (%u closed in the last %d "
                   "days)\n"), m.mean_days_to_close, m.n_closed_corrective,
                 PARAAT_METRICS_CLOSE_WINDOW_DAYS);
      g_print (_("Requirements with fresh evidence: %u of %u\n"), m.n_fresh, m.n_applicable);
      g_print (_("Overdue actions: %u\n"), m.overdue);
      g_print (_("Actions due within %d days: %u\n"), PARAAT_METRICS_DUE_SOON_DAYS, m.due_soon);
      return EXIT_OK;
    }

  paraat_json_append_member (out, "at", at ? at : today);
  paraat_json_append_int (out, "open_high_risk", m.open_high_risk);
  append_optional_double (out, "mean_days_to_close", m.mean_days_to_close);
  paraat_json_append_int (out, "closed_corrective", m.n_closed_corrective);
  paraat_json_append_int (out, "close_window_days", PARAAT_METRICS_CLOSE_WINDOW_DAYS);
  append_optional_double (out, "fresh_evidence", m.fresh_evidence);
  paraat_json_append_int (out, "applicable_requirements", m.n_applicable);
  paraat_json_append_int (out, "requirements_with_fresh_evidence", m.n_fresh);
  paraat_json_append_int (out, "overdue", m.overdue);
  paraat_json_append_int (out, "due_soon", m.due_soon);
  paraat_json_append_int (out, "due_soon_days", PARAAT_METRICS_DUE_SOON_DAYS);
  g_print ("%s}\n", out->str);
  return EXIT_OK;
}

/* Scope, risks and exceptions */

/* ["iso27001-2022 A.5.17", …] under KEY */
static void
append_scope_names (GString          *out,
                    ParaatWorkspace  *ws,
                    ParaatRisk       *risk)
{
  guint n = 0;
  const gint64 *ids = paraat_risk_get_scope_item_ids (risk, &n);

  paraat_json_append_key (out, "scope_items");
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatScopeItem) item = paraat_workspace_get_scope_item (ws, ids[i], NULL);

      if (i > 0)
        g_string_append_c (out, ',');
      paraat_json_append_string (out, item ? paraat_scope_item_get_name (item) : NULL);
    }
  g_string_append_c (out, ']');
}

static void
append_risk_json (GString          *out,
                  ParaatWorkspace  *ws,
                  ParaatRisk       *k)
{
  guint n_reqs = 0, n_actions = 0;
  const gint64 *reqs = paraat_risk_get_requirement_ids (k, &n_reqs);
  const gint64 *actions = paraat_risk_get_action_ids (k, &n_actions);
  int residual = paraat_risk_get_residual_score (k);

  g_string_append_c (out, '{');
  paraat_json_append_int (out, "id", paraat_risk_get_id (k));
  paraat_json_append_member (out, "title", paraat_risk_get_title (k));
  paraat_json_append_int (out, "likelihood", paraat_risk_get_likelihood (k));
  paraat_json_append_int (out, "impact", paraat_risk_get_impact (k));
  paraat_json_append_int (out, "score", paraat_risk_get_score (k));
  paraat_json_append_member (out, "level",
                             paraat_risk_level_to_string (paraat_risk_get_level (k)));
  paraat_json_append_member (out, "treatment",
                             paraat_treatment_to_string (paraat_risk_get_treatment (k)));
  paraat_json_append_member (out, "owner", paraat_risk_get_owner_name (k));
  if (residual > 0)
    {
      paraat_json_append_int (out, "residual_likelihood",
                              paraat_risk_get_residual_likelihood (k));
      paraat_json_append_int (out, "residual_impact", paraat_risk_get_residual_impact (k));
      paraat_json_append_int (out, "residual_score", residual);
      paraat_json_append_member (out, "residual_level",
                                 paraat_risk_level_to_string (paraat_risk_level_for_score (residual)));
    }
  else
    paraat_json_append_member (out, "residual_score", NULL);
  paraat_json_append_member (out, "review_date",
                             *paraat_risk_get_review_date (k) ? paraat_risk_get_review_date (k)
                                                              : NULL);
  paraat_json_append_bool (out, "review_due", paraat_risk_is_review_due (k));
  paraat_json_append_member (out, "accepted_by", paraat_risk_get_accepted_by_name (k));
  paraat_json_append_member (out, "accepted_date",
                             *paraat_risk_get_accepted_date (k) ? paraat_risk_get_accepted_date (k)
                                                                : NULL);
  paraat_json_append_bool (out, "touches_out_of_scope", paraat_risk_touches_out_of_scope (k));
  append_scope_names (out, ws, k);
  append_requirement_labels (out, ws, "requirements", reqs, n_reqs);
  paraat_json_append_key (out, "actions");
  g_string_append_c (out, '[');
  for (guint i = 0; i < n_actions; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "," : "", actions[i]);
  g_string_append (out, "]}");
}

static void
append_scope_json (GString         *out,
                   ParaatScopeItem *item)
{
  g_string_append_c (out, '{');
  paraat_json_append_int (out, "id", paraat_scope_item_get_id (item));
  paraat_json_append_member (out, "kind",
                             paraat_scope_kind_to_string (paraat_scope_item_get_kind (item)));
  paraat_json_append_member (out, "name", paraat_scope_item_get_name (item));
  paraat_json_append_member (out, "description", paraat_scope_item_get_description (item));
  paraat_json_append_bool (out, "in_scope", paraat_scope_item_get_in_scope (item));
  paraat_json_append_member (out, "justification", paraat_scope_item_get_justification (item));
  paraat_json_append_int (out, "risks", paraat_scope_item_get_n_risks (item));
  g_string_append_c (out, '}');
}

static void
append_exception_json (GString          *out,
                       ParaatWorkspace  *ws,
                       ParaatException  *e)
{
  guint n = 0;
  const gint64 *reqs = paraat_exception_get_requirement_ids (e, &n);

  g_string_append_c (out, '{');
  paraat_json_append_int (out, "id", paraat_exception_get_id (e));
  paraat_json_append_member (out, "holder", paraat_exception_get_holder_name (e));
  paraat_json_append_member (out, "holder_kind",
                             paraat_exception_get_person_id (e) ? "person" : "scope");
  append_requirement_labels (out, ws, "requirements", reqs, n);
  paraat_json_append_member (out, "justification", paraat_exception_get_justification (e));
  if (paraat_exception_get_risk_id (e))
    paraat_json_append_int (out, "risk_id", paraat_exception_get_risk_id (e));
  paraat_json_append_member (out, "approver", paraat_exception_get_approver_name (e));
  paraat_json_append_member (out, "start_date", paraat_exception_get_start_date (e));
  paraat_json_append_member (out, "expiry_date", paraat_exception_get_expiry_date (e));
  paraat_json_append_member (out, "state",
                             paraat_exception_state_to_string (paraat_exception_get_state (e)));
  g_string_append_c (out, '}');
}

static void
print_risk (ParaatRisk *k)
{
  int residual = paraat_risk_get_residual_score (k);
  g_autofree char *rest = residual > 0 ? g_strdup_printf ("%2d", residual) : g_strdup (" –");

  g_print ("%5" PRId64 "  %2d %-9s %s  %-10s %-20s %s\n", paraat_risk_get_id (k),
           paraat_risk_get_score (k), paraat_risk_level_label (paraat_risk_get_level (k)), rest,
           paraat_treatment_label (paraat_risk_get_treatment (k)),
           paraat_risk_get_owner_name (k), paraat_risk_get_title (k));
}

static void
print_scope_item (ParaatScopeItem *item)
{
  g_print ("%5" PRId64 "  %-9s %-13s %s\n", paraat_scope_item_get_id (item),
           paraat_scope_kind_label (paraat_scope_item_get_kind (item)),
           paraat_scope_item_get_in_scope (item) ? _("in scope") : _("out of scope"),
           paraat_scope_item_get_name (item));
}

static void
print_exception (ParaatException *e)
{
  g_print ("%5" PRId64 "  %s  %-16s %-20s %s\n", paraat_exception_get_id (e),
           paraat_exception_get_expiry_date (e),
           paraat_exception_state_label (paraat_exception_get_state (e)),
           paraat_exception_get_holder_name (e), paraat_exception_get_requirements_label (e));
}

typedef enum { WHAT_RISKS = 1, WHAT_SCOPE = 2, WHAT_EXCEPTIONS = 4 } RegisterWhat;

/* One register as text, or under its own key in the JSON object OUT */
static gboolean
list_register (ParaatWorkspace  *ws,
               RegisterWhat      what,
               GString          *out,
               GError          **error)
{
  g_autoptr(GListModel) model = what == WHAT_RISKS ? paraat_workspace_list_risks (ws, error)
                                : what == WHAT_SCOPE ? paraat_workspace_list_scope_items (ws, error)
                                : paraat_workspace_list_exceptions (ws, error);
  const char *key = what == WHAT_RISKS ? "risks" : what == WHAT_SCOPE ? "scope" : "exceptions";

  if (model == NULL)
    return FALSE;
  if (out != NULL)
    {
      paraat_json_append_key (out, key);
      g_string_append_c (out, '[');
    }
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (out != NULL && i > 0)
        g_string_append_c (out, ',');
      if (what == WHAT_RISKS && out != NULL)
        append_risk_json (out, ws, PARAAT_RISK (item));
      else if (what == WHAT_RISKS)
        print_risk (PARAAT_RISK (item));
      else if (what == WHAT_SCOPE && out != NULL)
        append_scope_json (out, PARAAT_SCOPE_ITEM (item));
      else if (what == WHAT_SCOPE)
        print_scope_item (PARAAT_SCOPE_ITEM (item));
      else if (out != NULL)
        append_exception_json (out, ws, PARAAT_EXCEPTION (item));
      else
        print_exception (PARAAT_EXCEPTION (item));
    }
  if (out != NULL)
    g_string_append_c (out, ']');
  return TRUE;
}

static int
cmd_risks (int    argc,
           char **argv)
{
  gboolean json = FALSE;
  g_autofree char *what_text = NULL;
  GOptionEntry entries[] = {
    { "what", 0, 0, G_OPTION_ARG_STRING, &what_text,
      N_("Only this register: risks, scope or exceptions (default: risks as text, all three "
         "in JSON)"), N_("REGISTER") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print JSON: an object with the keys “risks”, “scope” and “exceptions”"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    command_context (_("FILE"), _("List the risk register, highest inherent score first, with "
                                  "level, residual score, treatment and owner; or the scope "
                                  "register; or the exceptions, soonest expiry first, with "
                                  "their state."), entries);
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new ("{");
  guint what;

  if (!parse_command (context, &argc, &argv, 1))
    return EXIT_CANNOT;
  if (what_text == NULL)
    what = json ? WHAT_RISKS | WHAT_SCOPE | WHAT_EXCEPTIONS : WHAT_RISKS;
  else if (g_str_equal (what_text, "risks"))
    what = WHAT_RISKS;
  else if (g_str_equal (what_text, "scope"))
    what = WHAT_SCOPE;
  else if (g_str_equal (what_text, "exceptions"))
    what = WHAT_EXCEPTIONS;
  else
    {
      g_printerr (_("paraat-cli: unknown register “%s”. Use risks, scope or exceptions.\n"),
                  what_text);
      return EXIT_CANNOT;
    }
  if (!(ws = paraat_workspace_open (argv[1], &error)))
    return fail (error);

  for (guint w = WHAT_RISKS; w <= WHAT_EXCEPTIONS; w <<= 1)
    if ((what & w) && !list_register (ws, w, json ? out : NULL, &error))
      return fail (error);
  if (json)
    g_print ("%s}\n", out->str);
  return EXIT_OK;
}

static int
cmd_deadlines (int    argc,
               char **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The calendar file to write"),
      N_("OUT.ics") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    command_context (_("FILE"), _("Export the due dates of unfinished actions as an iCalendar "
                                  "file of to-dos, for a calendar or task app."), entries);
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_command (context, &argc, &argv, 1))
    return EXIT_CANNOT;
  if (output == NULL)
    {
      g_printerr ("paraat-cli: %s\n", _("Give the calendar file to write with -o."));
      return EXIT_CANNOT;
    }
  if (!(ws = paraat_workspace_open (argv[1], &error)) ||
      !paraat_workspace_export_deadlines (ws, output, &error))
    return fail (error);

  g_print (_("Wrote “%s”.\n"), output);
  return EXIT_OK;
}

static gboolean
chart_format_from_string (const char        *text,
                          ParaatChartFormat *format)
{
  static const char * const names[] = { "png", "svg", "pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i]) == 0)
      {
        *format = (ParaatChartFormat) i;
        return TRUE;
      }
  return FALSE;
}

/* Without --format, the output file's extension says which; PNG when it has none we know. */
static ParaatChartFormat
chart_format_for_path (const char *path)
{
  const char *dot = strrchr (path, '.');
  ParaatChartFormat format = PARAAT_CHART_PNG;

  if (dot != NULL)
    chart_format_from_string (dot + 1, &format);
  return format;
}

static int
cmd_chart (int    argc,
           char **argv)
{
  g_autofree char *kind_name = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int width = 800, height = 600;
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name,
      N_("radar, readiness, trend, actions, freshness or heatmap (required)"), N_("KIND") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("png, svg or pdf (default: from the output file’s name)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file (required)"),
      N_("OUT") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (default: 800)"), N_("N") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height in pixels (default: 600)"),
      N_("N") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("First month of the actions chart (default: a year ago)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("Last month of the actions chart (default: this month)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    command_context (_("FILE"), _("Draw a chart of the workspace to a PNG, SVG or PDF file: "
                                  "maturity per domain of the latest scan (radar), readiness "
                                  "per framework, maturity over time, actions per month, "
                                  "evidence freshness per track, or the risk heatmap."),
                     entries);
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(ParaatChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  ParaatChartKind kind;
  ParaatChartFormat format;

  if (!parse_command (context, &argc, &argv, 1))
    return EXIT_CANNOT;
  if (kind_name == NULL || !paraat_chart_kind_from_string (kind_name, &kind))
    {
      g_printerr ("paraat-cli: %s\n", _("--kind must be radar, readiness, trend, actions, "
                                        "freshness or heatmap."));
      return EXIT_CANNOT;
    }
  if (output == NULL)
    {
      g_printerr ("paraat-cli: %s\n", _("Give the output file with -o."));
      return EXIT_CANNOT;
    }
  format = chart_format_for_path (output);
  if (format_name != NULL && !chart_format_from_string (format_name, &format))
    {
      g_printerr ("paraat-cli: %s\n", _("--format must be png, svg or pdf."));
      return EXIT_CANNOT;
    }
  if (!(ws = paraat_workspace_open (argv[1], &error)) ||
      !(chart = paraat_workspace_build_chart (ws, kind, from, to, &error)) ||
      !paraat_chart_export (chart, format, output, width, height, &error))
    return fail (error);

  if (paraat_chart_is_empty (chart))
    g_print (_("Wrote “%s”; the chart has no data yet.\n"), output);
  else
    g_print (_("Wrote “%s”.\n"), output);
  return EXIT_OK;
}

static int
cmd_demo (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context =
    command_context (_("FILE"), _("Create the demo workspace of a fictitious Dutch SaaS "
                                  "company."), NULL);
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_command (context, &argc, &argv, 1))
    return EXIT_CANNOT;

  ws = paraat_demo_create (argv[1], &error);
  if (ws == NULL)
    return fail (error);

  g_print (_("Created demo workspace “%s”.\n"), paraat_workspace_get_path (ws));
  return EXIT_OK;
}

static int
cmd_generate (int    argc,
              char **argv)
{
  g_autofree char *size = NULL;
  GOptionEntry entries[] = {
    { "size", 's', 0, G_OPTION_ARG_STRING, &size, N_("“small” or “large” (default: large)"),
      N_("SIZE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    command_context (_("FILE"), _("Write a big synthetic workspace for benchmarks."), entries);
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  guint entries_wanted;

  if (!parse_command (context, &argc, &argv, 1))
    return EXIT_CANNOT;

  if (size == NULL || g_str_equal (size, "large"))
    entries_wanted = 200000;
  else if (g_str_equal (size, "small"))
    entries_wanted = 2000;
  else
    {
      g_printerr ("paraat-cli: %s\n", _("--size must be “small” or “large”."));
      return EXIT_CANNOT;
    }

  ws = paraat_demo_generate_large (argv[1], entries_wanted, &error);
  if (ws == NULL)
    return fail (error);

  g_print (_("Generated workspace “%s”.\n"), paraat_workspace_get_path (ws));
  return EXIT_OK;
}

/* Evidence: one command with its own verbs */

static gboolean
parse_track (const char  *name,
             guint       *track)
{
  static const struct { const char *name; guint track; } tracks[] = {
    { "policy", PARAAT_TRACK_POLICY },
    { "operation", PARAAT_TRACK_OPERATION },
    { "monitoring", PARAAT_TRACK_MONITORING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tracks); i++)
    if (g_str_equal (name, tracks[i].name))
      {
        *track = tracks[i].track;
        return TRUE;
      }
  return FALSE;
}

/* "iso27001-2022:A.5.1" → that requirement's id. */
static gint64
find_link (ParaatWorkspace  *ws,
           const char       *link,
           GError          **error)
{
  const char *colon = strchr (link, ':');
  g_autofree char *framework = NULL;
  g_autoptr(ParaatRequirement) requirement = NULL;

  if (colon == NULL || colon == link || colon[1] == '\0')
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("--link must look like FRAMEWORK:REQUIREMENT, for example "
                     "iso27001-2022:A.5.1."));
      return 0;
    }
  framework = g_strndup (link, colon - link);
  requirement = paraat_workspace_find_requirement (ws, framework, colon + 1, error);
  return requirement ? paraat_requirement_get_id (requirement) : 0;
}

static gint64 *
find_links (ParaatWorkspace  *ws,
            char            **links,
            GError          **error)
{
  guint n = links ? g_strv_length (links) : 0;
  g_autofree gint64 *ids = g_new0 (gint64, n + 1);

  for (guint i = 0; i < n; i++)
    if (!(ids[i] = find_link (ws, links[i], error)))
      return NULL;
  return g_steal_pointer (&ids);
}

static gboolean
add_one (ParaatWorkspace           *ws,
         const char                *path,
         const ParaatEvidenceMeta  *meta,
         const gint64              *links,
         GError                   **error)
{
  g_autoptr(ParaatEvidence) evidence = NULL;
  gint64 id = paraat_workspace_add_evidence (ws, path, meta, links[0], NULL, error);

  if (id == 0)
    return FALSE;
  for (guint i = 1; links[0] && links[i]; i++)
    if (!paraat_workspace_link_evidence (ws, id, links[i], error))
      return FALSE;
  if (!(evidence = paraat_workspace_get_evidence (ws, id, error)))
    return FALSE;

  g_print (_("Added “%s” as evidence %" PRId64 " (SHA-256 %s).\n"),
           paraat_evidence_get_title (evidence), id, paraat_evidence_get_hash (evidence));
  return TRUE;
}

static int
evidence_add (int    argc,
              char **argv)
{
  g_autofree char *track_name = NULL;
  g_auto(GStrv) links = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *valid_until = NULL;
  g_autofree char *description = NULL;
  g_autofree char *person = NULL;
  GOptionEntry entries[] = {
    { "track", 't', 0, G_OPTION_ARG_STRING, &track_name,
      N_("“policy”, “operation” or “monitoring” (default: policy)"), N_("TRACK") },
    { "link", 'l', 0, G_OPTION_ARG_STRING_ARRAY, &links,
      N_("Link to this requirement, for example iso27001-2022:A.5.1 (repeatable)"),
      N_("FRAMEWORK:REQUIREMENT") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title,
      N_("Title, with a single PATH (default: the file name)"), N_("TITLE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("Date of the evidence (default: today)"), N_("YYYY-MM-DD") },
    { "valid-until", 0, 0, G_OPTION_ARG_STRING, &valid_until,
      N_("Last day it counts as evidence (default: the date plus the workspace’s validity "
         "period)"), N_("YYYY-MM-DD") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("What it shows"),
      N_("TEXT") },
    { "person", 'p', 0, G_OPTION_ARG_STRING, &person,
      N_("Who is adding (default: your real name)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    command_context (_("FILE PATH…"), _("Store files in the workspace as evidence, each as a "
                                        "new item. A file that cannot be stored whole is not "
                                        "stored at all."), entries);
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *link_ids = NULL;
  ParaatEvidenceMeta meta = { 0 };

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if (argc < 3)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return EXIT_CANNOT;
    }
  if (track_name != NULL && !parse_track (track_name, &meta.track))
    {
      g_printerr ("paraat-cli: %s\n", _("--track must be “policy”, “operation” or "
                                        "“monitoring”."));
      return EXIT_CANNOT;
    }
  if (title != NULL && argc > 3)
    {
      g_printerr ("paraat-cli: %s\n", _("--title needs a single PATH. Add the files one by "
                                        "one to give each a title."));
      return EXIT_CANNOT;
    }

  meta.title = title;
  meta.evidence_date = date;
  meta.valid_until = valid_until;
  meta.description = description;
  if (!(ws = paraat_workspace_open (argv[1], &error)) ||
      !choose_actor (ws, person, &error) ||
      !(link_ids = find_links (ws, links, &error)))
    return fail (error);

  for (int i = 2; i < argc; i++)
    if (!add_one (ws, argv[i], &meta, link_ids, &error))
      return fail (error);
  return EXIT_OK;
}

static const char *
freshness_id (ParaatFreshness freshness)
{
  switch (freshness)
    {
    case PARAAT_FRESHNESS_EXPIRING: return "expiring";
    case PARAAT_FRESHNESS_STALE: return "stale";
    case PARAAT_FRESHNESS_FRESH:
    default: return "fresh";
    }
}

static const char *
track_id (guint track)
{
  switch (track)
    {
    case PARAAT_TRACK_OPERATION: return "operation";
    case PARAAT_TRACK_MONITORING: return "monitoring";
    case PARAAT_TRACK_POLICY:
    default: return "policy";
    }
}

static gboolean
append_links (GString          *out,
              ParaatWorkspace  *ws,
              ParaatEvidence   *evidence,
              GError          **error)
{
  g_autoptr(GListModel) links =
    paraat_workspace_list_evidence_links (ws, paraat_evidence_get_id (evidence), error);

  if (links == NULL)
    return FALSE;
  g_string_append (out, ",\"links\":[");
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(ParaatRequirement) r = g_list_model_get_item (links, i);
      g_autofree char *link = g_strdup_printf ("%s:%s", paraat_requirement_get_framework_key (r),
                                               paraat_requirement_get_key (r));
      if (i > 0)
        g_string_append_c (out, ',');
      paraat_json_append_string (out, link);
    }
  g_string_append_c (out, ']');
  return TRUE;
}

static gboolean
append_evidence_json (GString          *out,
                      ParaatWorkspace  *ws,
                      ParaatEvidence   *e,
                      GError          **error)
{
  g_string_append_c (out, '{');
  paraat_json_append_int (out, "id", paraat_evidence_get_id (e));
  paraat_json_append_member (out, "title", paraat_evidence_get_title (e));
  paraat_json_append_member (out, "track", track_id (paraat_evidence_get_track (e)));
  paraat_json_append_member (out, "evidence_date", paraat_evidence_get_evidence_date (e));
  paraat_json_append_member (out, "valid_until", paraat_evidence_get_valid_until (e));
  paraat_json_append_member (out, "freshness", freshness_id (paraat_evidence_get_freshness (e)));
  paraat_json_append_int (out, "revision", paraat_evidence_get_revision (e));
  paraat_json_append_int (out, "revision_id", paraat_evidence_get_revision_id (e));
  paraat_json_append_member (out, "file_name", paraat_evidence_get_file_name (e));
  paraat_json_append_member (out, "content_type", paraat_evidence_get_content_type (e));
  paraat_json_append_member (out, "sha256", paraat_evidence_get_hash (e));
  paraat_json_append_int (out, "size", paraat_evidence_get_size (e));
  if (!append_links (out, ws, e, error))
    return FALSE;
  g_string_append_c (out, '}');
  return TRUE;
}

static int
evidence_list (int    argc,
               char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    command_context (_("FILE"), _("List the evidence with its track, freshness, latest "
                                  "version and links."), entries);
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new ("[");

  if (!parse_command (context, &argc, &argv, 1))
    return EXIT_CANNOT;
  if (!(ws = paraat_workspace_open (argv[1], &error)) ||
      !(items = paraat_workspace_list_evidence (ws, &error)))
    return fail (error);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ParaatEvidence) e = g_list_model_get_item (items, i);

      if (json)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          if (!append_evidence_json (out, ws, e, &error))
            return fail (error);
        }
      else
        g_print ("%5" PRId64 "  %-10s %-21s %s  %s\n", paraat_evidence_get_id (e),
                 paraat_track_label (paraat_evidence_get_track (e)),
                 paraat_freshness_label (paraat_evidence_get_freshness (e)),
                 paraat_evidence_get_valid_until (e), paraat_evidence_get_title (e));
    }

  if (json)
    g_print ("%s]\n", out->str);
  return EXIT_OK;
}

/* The revision's id: the latest, or revision number REVISION (when above 0). */
static gint64
find_revision (ParaatWorkspace  *ws,
               gint64            evidence_id,
               gint64            revision,
               GError          **error)
{
  g_autoptr(GListModel) revisions = paraat_workspace_list_revisions (ws, evidence_id, error);
  guint n = revisions ? g_list_model_get_n_items (revisions) : 0;

  if (revisions == NULL)
    return 0;
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(ParaatEvidence) e = g_list_model_get_item (revisions, i - 1);
      if (revision <= 0 || paraat_evidence_get_revision (e) == revision)
        return paraat_evidence_get_revision_id (e);
    }

  if (n == 0)
    g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND,
                 _("There is no evidence with that number. Run “paraat-cli evidence list” to "
                   "see the numbers."));
  else
    g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND,
                 _("The evidence has no version %" PRId64 ". Its latest version is %u."),
                 revision, n);
  return 0;
}

static int
evidence_get (int    argc,
              char **argv)
{
  g_autofree char *output = NULL;
  gint64 revision = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file (required)"),
      N_("OUT") },
    { "revision", 'r', 0, G_OPTION_ARG_INT64, &revision,
      N_("This version instead of the latest"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    command_context (_("FILE ID"), _("Write the stored content of evidence ID to a file, "
                                     "checked against its SHA-256 fingerprint."), entries);
  g_autoptr(ParaatWorkspace) ws = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  gint64 revision_id;

  if (!parse_command (context, &argc, &argv, 2))
    return EXIT_CANNOT;
  if (!g_ascii_string_to_signed (argv[2], 10, 1, G_MAXINT64, &id, NULL))
    {
      g_printerr ("paraat-cli: %s\n", _("ID must be an evidence number from “paraat-cli "
                                        "evidence list”."));
      return EXIT_CANNOT;
    }
  if (output == NULL)
    {
      g_printerr ("paraat-cli: %s\n", _("Give the output file with -o."));
      return EXIT_CANNOT;
    }

  destination = g_file_new_for_commandline_arg (output);
  if (!(ws = paraat_workspace_open (argv[1], &error)) ||
      !(revision_id = find_revision (ws, id, revision, &error)) ||
      !paraat_workspace_export_revision (ws, revision_id, destination, NULL, &error))
    return fail (error);

  g_print (_("Wrote evidence %" PRId64 " to “%s”.\n"), id, output);
  return EXIT_OK;
}

static const Command evidence_commands[] = {
  { "add", N_("FILE PATH… [--track TRACK] [--link FRAMEWORK:REQUIREMENT] [--person NAME]"),
    N_("Store files as evidence"), evidence_add },
  { "list", N_("FILE [--json]"), N_("List evidence with freshness, version and links"),
    evidence_list },
  { "get", N_("FILE ID -o OUT [--revision N]"), N_("Write stored evidence to a file"),
    evidence_get },
};

static void
print_evidence_usage (void)
{
  g_print ("%s\n  paraat-cli evidence %s\n\n%s\n", _("Usage:"), _("VERB [OPTION…]"),
           _("Verbs:"));
  for (guint i = 0; i < G_N_ELEMENTS (evidence_commands); i++)
    g_print ("  %-6s %s\n         %s\n", evidence_commands[i].name,
             _(evidence_commands[i].args), _(evidence_commands[i].summary));
  g_print ("\n%s\n", _("Run “paraat-cli evidence VERB --help” for a verb’s options."));
}

static int
cmd_evidence (int    argc,
              char **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_evidence_usage ();
      return argc < 2 ? EXIT_CANNOT : EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (evidence_commands); i++)
    if (g_str_equal (argv[1], evidence_commands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("paraat-cli evidence %s",
                                                    evidence_commands[i].name);
        g_set_prgname (prgname);
        return evidence_commands[i].func (argc - 1, argv + 1);
      }

  g_printerr (_("paraat-cli: unknown evidence verb “%s”.\n"), argv[1]);
  print_evidence_usage ();
  return EXIT_CANNOT;
}

static const Command commands[] = {
  { "create", N_("FILE --name NAME"), N_("Create a new workspace"), cmd_create },
  { "info", N_("FILE [--json]"), N_("Show schema version, organisation and row counts"),
    cmd_info },
  { "check", N_("FILE"), N_("Check integrity, schema and audit trail (read-only)"), cmd_check },
  { "verify", N_("FILE"), N_("Verify the audit trail’s hash chain"), cmd_verify },
  { "trail", N_("FILE -o OUT [--format csv|xml] [--item TYPE:ID]"),
    N_("Export the audit trail or one item’s history"), cmd_trail },
  { "export", N_("FILE --what REGISTER -o OUT [--format csv|ods|pdf] [--framework KEY] "
                  "[--language en|nl]"),
    N_("Export a register (SoA, requirements, actions, risks, …) as CSV, ODS or PDF"),
    cmd_export },
  { "report", N_("FILE -o OUT.pdf [--language en|nl]"), N_("Write the board report (PDF)"),
    cmd_report },
  { "audit-pack", N_("FILE -o FOLDER [--language en|nl]"),
    N_("Write the audit pack: reports, registers, trail, evidence, manifest"), cmd_audit_pack },
  { "import-catalog", N_("FILE CATALOG.xml [--person NAME]"),
    N_("Import a framework catalog (Paraat format or OSCAL)"), cmd_import_catalog },
  { "catalogs", N_("FILE [--json]"), N_("List frameworks with their requirement counts"),
    cmd_catalogs },
  { "evidence", N_("add|list|get FILE …"), N_("Store, list and export evidence files"),
    cmd_evidence },
  { "scan-summary", N_("FILE [--scan ID] [--json]"),
    N_("Readiness per framework and domain, and the top gaps of a scan"), cmd_scan_summary },
  { "actions", N_("FILE [--overdue] [--json]"),
    N_("List the actions with owner, status and due date"), cmd_actions },
  { "metrics", N_("FILE [--at YYYY-MM-DD] [--json]"),
    N_("Open high-risk actions, time to close, fresh evidence, overdue work"), cmd_metrics },
  { "risks", N_("FILE [--what risks|scope|exceptions] [--json]"),
    N_("The risk register, the scope register and the exceptions"), cmd_risks },
  { "deadlines", N_("FILE -o OUT.ics"), N_("Export the due dates of open actions (iCalendar)"),
    cmd_deadlines },
  { "chart", N_("FILE --kind KIND -o OUT [--format png|svg|pdf] [--width N --height N]"),
    N_("Draw a chart: radar, readiness, trend, actions, freshness or heatmap"), cmd_chart },
  { "demo", N_("FILE"), N_("Create the demo workspace"), cmd_demo },
  { "generate", N_("FILE [--size large]"), N_("Write a big synthetic workspace"),
    cmd_generate },
};

static void
print_usage (void)
{
  g_print ("%s\n  paraat-cli %s\n\n%s\n", _("Usage:"), _("COMMAND [OPTION…]"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-14s %s\n                 %s\n", commands[i].name, _(commands[i].args),
             _(commands[i].summary));
  g_print ("\n%s\n", _("Run “paraat-cli COMMAND --help” for a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* PARAAT_LOCALEDIR lets an uninstalled build find its own translations. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PARAAT_LOCALEDIR") ? g_getenv ("PARAAT_LOCALEDIR")
                                                                 : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage ();
      return argc < 2 ? EXIT_CANNOT : EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("paraat-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        {
          g_autofree char *prgname = g_strdup_printf ("paraat-cli %s", commands[i].name);
          g_set_prgname (prgname);
          return commands[i].func (argc - 1, argv + 1);
        }
    }

  g_printerr (_("paraat-cli: unknown command “%s”.\n"), argv[1]);
  print_usage ();
  return EXIT_CANNOT;
}
