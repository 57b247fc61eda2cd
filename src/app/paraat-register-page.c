/* paraat-register-page.c — one framework's register (for Annex A: the Statement of
 * Applicability), grouped by clause or theme, with search and filters
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "paraat-catalog.h"
#include "paraat-evidence.h"
#include "paraat-evidence-importer.h"
#include "paraat-export-button.h"
#include "paraat-register-page.h"
#include "paraat-requirement.h"
#include "paraat-requirement-dialog.h"
#include "paraat-risk.h"
#include "paraat-widget-util.h"
#include "paraat-window.h"

struct _ParaatRegisterPage
{
  AdwBin           parent_instance;

  /* Template widgets */
  ParaatExportButton *export_button;
  GtkLabel        *summary_label;
  GtkSearchEntry  *search_entry;
  GtkDropDown     *applicability_dropdown;
  GtkDropDown     *status_dropdown;
  GtkDropDown     *evidence_dropdown;
  GtkDropDown     *owner_dropdown;
  GtkStack        *stack;
  GtkListView     *list_view;

  /* Owned references */
  ParaatWorkspace *workspace;
  gint64           framework_id;
  GListModel      *requirements;
  GListStore      *rows;
  GArray          *owner_ids;
  GHashTable      *exceptions;   /* requirement id → last expiry of an exception in force */
  ParaatEvidenceImporter *importer;
};

G_DEFINE_FINAL_TYPE (ParaatRegisterPage, paraat_register_page, ADW_TYPE_BIN)

enum {
  OWNER_ANYONE,
  OWNER_NOBODY,
  OWNER_FIRST_PERSON,
};

static gboolean
matches_text (ParaatRequirement *requirement,
              const char        *needle)
{
  return needle[0] == '\0' ||
         paraat_contains_folded (paraat_requirement_get_label (requirement), needle) ||
         paraat_contains_folded (paraat_requirement_get_title (requirement), needle) ||
         paraat_contains_folded (paraat_requirement_get_notes (requirement), needle) ||
         paraat_contains_folded (paraat_requirement_get_justification (requirement), needle);
}

enum {
  EVIDENCE_ANY,
  EVIDENCE_MISSING_TRACK,
  EVIDENCE_POLICY_ONLY,
  EVIDENCE_NONE,
};

/* Judged on evidence that is not stale, against the tracks an auditor expects. */
static gboolean
matches_evidence (ParaatRegisterPage *self,
                  ParaatRequirement  *requirement)
{
  guint filter = gtk_drop_down_get_selected (self->evidence_dropdown);
  guint fresh;

  if (filter == EVIDENCE_ANY || filter == GTK_INVALID_LIST_POSITION)
    return TRUE;
  if (!paraat_requirement_get_applicable (requirement))
    return FALSE;

  fresh = paraat_workspace_get_fresh_tracks (self->workspace,
                                             paraat_requirement_get_id (requirement));
  switch (filter)
    {
    case EVIDENCE_MISSING_TRACK:
      return (paraat_requirement_get_tracks (requirement) & ~fresh) != 0;
    case EVIDENCE_POLICY_ONLY:
      return fresh == PARAAT_TRACK_POLICY;
    case EVIDENCE_NONE:
    default:
      return fresh == 0;
    }
}

static gboolean
matches_filters (ParaatRegisterPage *self,
                 ParaatRequirement  *requirement)
{
  guint applicability = gtk_drop_down_get_selected (self->applicability_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint owner = gtk_drop_down_get_selected (self->owner_dropdown);
  gint64 owner_id = paraat_requirement_get_owner_id (requirement);

  if (applicability == 1 && !paraat_requirement_get_applicable (requirement))
    return FALSE;
  if (applicability == 2 && paraat_requirement_get_applicable (requirement))
    return FALSE;
  if (status > 0 && status != GTK_INVALID_LIST_POSITION &&
      paraat_requirement_get_status (requirement) != (ParaatImplementationStatus) (status - 1))
    return FALSE;
  if (owner == OWNER_NOBODY && owner_id != 0)
    return FALSE;
  if (owner >= OWNER_FIRST_PERSON && owner != GTK_INVALID_LIST_POSITION &&
      owner - OWNER_FIRST_PERSON < self->owner_ids->len &&
      owner_id != g_array_index (self->owner_ids, gint64, owner - OWNER_FIRST_PERSON))
    return FALSE;
  return matches_evidence (self, requirement);
}

static void
update_summary (ParaatRegisterPage *self)
{
  guint n = self->requirements ? g_list_model_get_n_items (self->requirements) : 0;
  guint applicable = 0, implemented = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatRequirement) r = g_list_model_get_item (self->requirements, i);
      applicable += paraat_requirement_get_applicable (r);
      implemented += paraat_requirement_get_applicable (r) &&
                     paraat_requirement_get_status (r) == PARAAT_STATUS_IMPLEMENTED;
    }

  /* Translators: "93 requirements · 90 applicable · 12 implemented" */
  text = g_strdup_printf (_("%u requirements · %u applicable · %u implemented"),
                          n, applicable, implemented);
  gtk_label_set_label (self->summary_label, text);
}

/* Rebuilds the visible rows: a heading before each group, then its matching requirements. */
static void
rebuild_rows (ParaatRegisterPage *self)
{
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  const char *last_group = NULL;
  guint n = self->requirements ? g_list_model_get_n_items (self->requirements) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatRequirement) r = g_list_model_get_item (self->requirements, i);
      const char *group = paraat_requirement_get_group_key (r);

      if (!matches_text (r, needle) || !matches_filters (self, r))
        continue;

      if (g_strcmp0 (group, last_group) != 0 && paraat_requirement_get_group_title (r) != NULL)
        g_ptr_array_add (rows, gtk_string_object_new (paraat_requirement_get_group_title (r)));
      last_group = group;
      g_ptr_array_add (rows, g_object_ref (r));
    }

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
  gtk_stack_set_visible_child_name (self->stack, rows->len > 0 ? "list" : "empty");
}

static void
reload_owners (ParaatRegisterPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *people = paraat_workspace_get_people (self->workspace);
  guint selected = gtk_drop_down_get_selected (self->owner_dropdown);
  gint64 kept = selected >= OWNER_FIRST_PERSON && selected != GTK_INVALID_LIST_POSITION &&
                selected - OWNER_FIRST_PERSON < self->owner_ids->len
                  ? g_array_index (self->owner_ids, gint64, selected - OWNER_FIRST_PERSON) : 0;
  guint position = selected == OWNER_NOBODY ? OWNER_NOBODY : OWNER_ANYONE;

  g_array_set_size (self->owner_ids, 0);
  gtk_string_list_append (names, _("Any owner"));
  gtk_string_list_append (names, _("No owner"));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ParaatPerson) person = g_list_model_get_item (people, i);
      gint64 id = paraat_person_get_id (person);

      gtk_string_list_append (names, paraat_person_get_name (person));
      g_array_append_val (self->owner_ids, id);
      if (id == kept)
        position = OWNER_FIRST_PERSON + i;
    }
  /* A change in the directory keeps the owner the register is filtered on. */
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->owner_dropdown, position);
}

/* One query for the whole register, so a row knows its exception without one of its own. */
static void
reload_exceptions (ParaatRegisterPage *self)
{
  g_autoptr(GListModel) exceptions = paraat_workspace_list_exceptions (self->workspace, NULL);

  g_hash_table_remove_all (self->exceptions);
  for (guint i = 0; exceptions && i < g_list_model_get_n_items (exceptions); i++)
    {
      g_autoptr(ParaatException) exception = g_list_model_get_item (exceptions, i);
      ParaatExceptionState state = paraat_exception_get_state (exception);
      const char *expiry = paraat_exception_get_expiry_date (exception);
      guint n = 0;
      const gint64 *ids = paraat_exception_get_requirement_ids (exception, &n);

      if (state != PARAAT_EXCEPTION_VALID && state != PARAAT_EXCEPTION_EXPIRING)
        continue;
      for (guint j = 0; j < n; j++)
        {
          const char *known = g_hash_table_lookup (self->exceptions, &ids[j]);

          if (known == NULL || g_strcmp0 (expiry, known) > 0)
            g_hash_table_insert (self->exceptions, g_memdup2 (&ids[j], sizeof (gint64)),
                                 g_strdup (expiry));
        }
    }
}

static void
reload (ParaatRegisterPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->requirements);
  self->requirements = paraat_workspace_list_requirements (self->workspace, self->framework_id,
                                                           &error);
  if (self->requirements == NULL)
    g_warning ("Could not read the register: %s", error->message);
  reload_exceptions (self);
  update_summary (self);
  rebuild_rows (self);
}

/* Rows are built when the page is first shown, not for every register at open. */
static void
ensure_loaded (ParaatRegisterPage *self)
{
  if (self->requirements == NULL)
    reload (self);
}

static void
on_workspace_changed_cb (ParaatRegisterPage *self,
                         const char         *object_type)
{
  if (self->requirements == NULL)
    return;
  if (g_str_equal (object_type, "requirement") || g_str_equal (object_type, "person"))
    reload (self);
  else if (g_str_equal (object_type, "evidence"))
    rebuild_rows (self);
  else if (g_str_equal (object_type, "exception"))
    {
      reload_exceptions (self);
      rebuild_rows (self);
    }
}

/* Row widgets */

static gboolean
on_row_drop_cb (GtkDropTarget      *target,
                const GValue       *value,
                double              x,
                double              y,
                ParaatRegisterPage *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  ParaatRequirement *requirement = g_object_get_data (G_OBJECT (row), "requirement");
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || requirement == NULL)
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l; l = l->next)
    paraat_evidence_importer_add (self->importer, l->data, paraat_requirement_get_id (requirement));
  g_slist_free (files);
  return TRUE;
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ParaatRegisterPage       *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *status;

  paraat_row_add_label (GTK_BOX (row), row, "header", "paraat-register-header");
  gtk_box_append (GTK_BOX (row), line);
  g_object_set_data (G_OBJECT (row), "line", line);
  paraat_row_add_label (GTK_BOX (line), row, "label", "paraat-register-label");
  gtk_widget_set_hexpand (paraat_row_add_label (GTK_BOX (line), row, "title", NULL), TRUE);
  status = paraat_row_add_label (GTK_BOX (line), row, "status", "paraat-status");
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  paraat_row_add_label (GTK_BOX (row), row, "detail", "dim-label");
  g_signal_connect_object (target, "drop", G_CALLBACK (on_row_drop_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
  gtk_list_item_set_child (item, row);
}

static void
set_row_label (GtkWidget  *row,
               const char *key,
               const char *text)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (row), key);

  gtk_label_set_label (GTK_LABEL (label), text ? text : "");
  gtk_widget_set_visible (label, text != NULL && text[0] != '\0');
}

static char *
describe_owner (ParaatRegisterPage *self,
                ParaatRequirement  *r)
{
  ParaatPerson *owner = paraat_workspace_find_person (self->workspace,
                                                      paraat_requirement_get_owner_id (r));

  if (!paraat_requirement_get_applicable (r))
    return g_strdup_printf (_("Not applicable: %s"), paraat_requirement_get_justification (r));
  if (owner != NULL)
    return g_strdup_printf (_("Owner: %s"), paraat_person_get_name (owner));
  return NULL;
}

static char *
describe_detail (ParaatRegisterPage *self,
                 ParaatRequirement  *r)
{
  gint64 id = paraat_requirement_get_id (r);
  const char *until = g_hash_table_lookup (self->exceptions, &id);
  g_autofree char *owner = describe_owner (self, r);
  g_autofree char *exception = NULL;

  if (until == NULL)
    return g_steal_pointer (&owner);
  exception = g_strdup_printf (_("Exception until %s"), until);
  if (owner == NULL)
    return g_steal_pointer (&exception);
  return g_strdup_printf ("%s · %s", owner, exception);
}

static void
bind_requirement (ParaatRegisterPage *self,
                  GtkWidget          *row,
                  ParaatRequirement  *r)
{
  GtkWidget *status = g_object_get_data (G_OBJECT (row), "status");
  g_autofree char *detail = describe_detail (self, r);
  ParaatImplementationStatus value = paraat_requirement_get_status (r);

  set_row_label (row, "header", NULL);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "line"), TRUE);
  gtk_widget_set_margin_start (g_object_get_data (G_OBJECT (row), "line"),
                               24 * paraat_requirement_get_depth (r));
  set_row_label (row, "label", paraat_requirement_get_label (r));
  set_row_label (row, "title", paraat_requirement_get_title (r));
  set_row_label (row, "status", paraat_requirement_get_applicable (r)
                                  ? paraat_implementation_status_label (value)
                                  : _("Not applicable"));
  set_row_label (row, "detail", detail);

  for (guint i = 0; i < PARAAT_N_STATUSES; i++)
    gtk_widget_remove_css_class (status, paraat_implementation_status_to_string (i));
  if (paraat_requirement_get_applicable (r))
    gtk_widget_add_css_class (status, paraat_implementation_status_to_string (value));
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ParaatRegisterPage       *self)
{
  GObject *object = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);

  gtk_list_item_set_activatable (item, PARAAT_IS_REQUIREMENT (object));
  g_object_set_data_full (G_OBJECT (row), "requirement",
                          PARAAT_IS_REQUIREMENT (object) ? g_object_ref (object) : NULL,
                          g_object_unref);
  if (PARAAT_IS_REQUIREMENT (object))
    {
      bind_requirement (self, row, PARAAT_REQUIREMENT (object));
      return;
    }

  set_row_label (row, "header", gtk_string_object_get_string (GTK_STRING_OBJECT (object)));
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "line"), FALSE);
  set_row_label (row, "detail", NULL);
}

static void
on_activate_cb (ParaatRegisterPage *self,
                guint               position)
{
  g_autoptr(GObject) object = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (PARAAT_IS_REQUIREMENT (object))
    gtk_window_present (GTK_WINDOW (paraat_requirement_dialog_new (GTK_WINDOW (root),
                                                                   self->workspace,
                                                                   paraat_requirement_get_id (PARAAT_REQUIREMENT (object)))));
}

/* Public API */

gint64
paraat_register_page_get_framework_id (ParaatRegisterPage *self)
{
  g_return_val_if_fail (PARAAT_IS_REGISTER_PAGE (self), 0);
  return self->framework_id;
}

/* The rows shown: group headings (GtkStringObject) and requirements. */
GListModel *
paraat_register_page_get_requirements (ParaatRegisterPage *self)
{
  g_return_val_if_fail (PARAAT_IS_REGISTER_PAGE (self), NULL);

  ensure_loaded (self);
  return G_LIST_MODEL (self->rows);
}

void
paraat_register_page_set_search (ParaatRegisterPage *self,
                                 const char         *text)
{
  g_return_if_fail (PARAAT_IS_REGISTER_PAGE (self));

  ensure_loaded (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  rebuild_rows (self);
}

static void
build_status_model (ParaatRegisterPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_string_list_append (statuses, _("Any status"));
  for (guint i = 0; i < PARAAT_N_STATUSES; i++)
    gtk_string_list_append (statuses, paraat_implementation_status_label (i));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
}

static void
paraat_register_page_dispose (GObject *object)
{
  ParaatRegisterPage *self = PARAAT_REGISTER_PAGE (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_REGISTER_PAGE);
  g_clear_object (&self->requirements);
  g_clear_object (&self->rows);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->exceptions, g_hash_table_unref);
  if (self->importer != NULL)
    paraat_evidence_importer_cancel (self->importer);
  g_clear_object (&self->importer);

  G_OBJECT_CLASS (paraat_register_page_parent_class)->dispose (object);
}

static void
paraat_register_page_class_init (ParaatRegisterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_register_page_dispose;

  g_type_ensure (PARAAT_TYPE_EXPORT_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-register-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatRegisterPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatRegisterPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatRegisterPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ParaatRegisterPage, applicability_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatRegisterPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatRegisterPage, evidence_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatRegisterPage, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatRegisterPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ParaatRegisterPage, list_view);
}

static void
paraat_register_page_init (ParaatRegisterPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->exceptions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->rows = g_list_store_new (G_TYPE_OBJECT);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  build_status_model (self);

  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (rebuild_rows), self);
  g_signal_connect_swapped (self->applicability_dropdown, "notify::selected",
                            G_CALLBACK (rebuild_rows), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected",
                            G_CALLBACK (rebuild_rows), self);
  g_signal_connect_swapped (self->owner_dropdown, "notify::selected",
                            G_CALLBACK (rebuild_rows), self);
  g_signal_connect_swapped (self->evidence_dropdown, "notify::selected",
                            G_CALLBACK (rebuild_rows), self);
}

static void
on_evidence_added_cb (ParaatRegisterPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (PARAAT_IS_WINDOW (root))
    paraat_window_show_toast (PARAAT_WINDOW (root), _("Evidence added and linked"));
}

static void
on_evidence_failed_cb (ParaatRegisterPage *self,
                       const char         *file_name,
                       const char         *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, message);
  g_autofree char *heading = g_strdup_printf (_("Cannot Add “%s”"), file_name);

  if (PARAAT_IS_WINDOW (root))
    paraat_window_show_error (PARAAT_WINDOW (root), heading, error);
}

ParaatRegisterPage *
paraat_register_page_new (ParaatWorkspace *workspace,
                          ParaatFramework *framework)
{
  ParaatRegisterPage *self = g_object_new (PARAAT_TYPE_REGISTER_PAGE, NULL);

  self->workspace = g_object_ref (workspace);
  self->framework_id = paraat_framework_get_id (framework);
  paraat_export_button_set_framework_key (self->export_button, paraat_framework_get_key (framework));
  paraat_export_button_set_workspace (self->export_button, workspace);
  g_signal_connect_object (workspace, "changed", G_CALLBACK (on_workspace_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (paraat_workspace_get_people (workspace), "items-changed",
                           G_CALLBACK (reload_owners), self, G_CONNECT_SWAPPED);
  reload_owners (self);
  g_signal_connect (self, "map", G_CALLBACK (ensure_loaded), NULL);

  self->importer = paraat_evidence_importer_new (workspace);
  g_signal_connect_object (self->importer, "added", G_CALLBACK (on_evidence_added_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->importer, "failed", G_CALLBACK (on_evidence_failed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}
