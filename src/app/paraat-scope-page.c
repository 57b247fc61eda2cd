/* paraat-scope-page.c — the scope register: the scope statement, then the systems,
 * suppliers, locations, processes and roles in and out of scope
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-export-button.h"
#include "paraat-risk.h"
#include "paraat-scope-item-dialog.h"
#include "paraat-scope-page.h"
#include "paraat-widget-util.h"

typedef enum
{
  SHOW_ALL,
  SHOW_IN_SCOPE,
  SHOW_OUT_OF_SCOPE,
} ShowFilter;

struct _ParaatScopePage
{
  AdwBin           parent_instance;

  /* Template widgets */
  ParaatExportButton *export_button;
  GtkLabel        *statement_label;
  GtkSearchEntry  *search_entry;
  GtkDropDown     *scope_dropdown;
  GtkStack        *stack;
  GtkBox          *groups_box;
  AdwStatusPage   *empty_page;

  /* One group with its list per kind, built once */
  GtkWidget       *groups[PARAAT_N_SCOPE_KINDS];
  GtkListBox      *lists[PARAAT_N_SCOPE_KINDS];

  /* Owned references */
  ParaatWorkspace *workspace;
  GListModel      *items;
};

G_DEFINE_FINAL_TYPE (ParaatScopePage, paraat_scope_page, ADW_TYPE_BIN)

#define ITEM_ID_KEY "scope-item-id"

/* Filtering */

static gboolean
matches (ParaatScopePage *self,
         ParaatScopeItem *item,
         const char      *needle)
{
  gboolean in_scope = paraat_scope_item_get_in_scope (item);

  switch ((ShowFilter) gtk_drop_down_get_selected (self->scope_dropdown))
    {
    case SHOW_IN_SCOPE:
      if (!in_scope)
        return FALSE;
      break;
    case SHOW_OUT_OF_SCOPE:
      if (in_scope)
        return FALSE;
      break;
    case SHOW_ALL:
    default:
      break;
    }
  return needle[0] == '\0' ||
         paraat_contains_folded (paraat_scope_item_get_name (item), needle) ||
         paraat_contains_folded (paraat_scope_item_get_description (item), needle) ||
         paraat_contains_folded (paraat_scope_item_get_justification (item), needle);
}

/* Rows */

/* In or out of scope is said in words, with the reason, not by colour or icon alone. */
static char *
describe_item (ParaatScopeItem *item)
{
  guint n_risks = paraat_scope_item_get_n_risks (item);
  g_autofree char *scope = paraat_scope_item_get_in_scope (item)
    ? g_strdup (_("In scope"))
    : g_strdup_printf (_("Out of scope: %s"), paraat_scope_item_get_justification (item));

  if (n_risks == 0)
    return g_steal_pointer (&scope);
  /* Translators: "In scope · 2 risks"; how many risks name the item as affected */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u risk", "%s · %u risks",
                                       n_risks),
                          scope, n_risks);
}

static GtkWidget *
item_row_new (ParaatScopeItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe_item (item);
  const char *description = paraat_scope_item_get_description (item);
  gint64 id = paraat_scope_item_get_id (item);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), paraat_scope_item_get_name (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (description != NULL && description[0] != '\0')
    gtk_widget_set_tooltip_text (row, description);
  if (!paraat_scope_item_get_in_scope (item))
    adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                               gtk_image_new_from_icon_name ("action-unavailable-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), ITEM_ID_KEY, g_memdup2 (&id, sizeof id), g_free);
  return row;
}

static void
update_empty_page (ParaatScopePage *self,
                   guint            shown)
{
  guint total = self->items ? g_list_model_get_n_items (self->items) : 0;

  gtk_stack_set_visible_child_name (self->stack, shown > 0 ? "list" : "empty");
  if (total == 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "view-list-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Scope Items Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add the systems, suppliers, locations, processes "
                                         "and roles, and say which are in scope."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Matching Items"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try another name, or show all items."));
    }
}

/* Each kind's group lists its matching items; a kind with none is hidden. */
static void
rebuild_rows (ParaatScopePage *self)
{
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  guint n = self->items ? g_list_model_get_n_items (self->items) : 0;
  guint counts[PARAAT_N_SCOPE_KINDS] = { 0 };
  guint shown = 0;

  for (guint k = 0; k < PARAAT_N_SCOPE_KINDS; k++)
    paraat_list_box_clear (self->lists[k]);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatScopeItem) item = g_list_model_get_item (self->items, i);
      ParaatScopeKind kind = paraat_scope_item_get_kind (item);

      if (kind >= PARAAT_N_SCOPE_KINDS || !matches (self, item, needle))
        continue;
      gtk_list_box_append (self->lists[kind], item_row_new (item));
      counts[kind]++;
      shown++;
    }
  for (guint k = 0; k < PARAAT_N_SCOPE_KINDS; k++)
    gtk_widget_set_visible (self->groups[k], counts[k] > 0);
  update_empty_page (self, shown);
}

static void
fill_statement (ParaatScopePage *self)
{
  ParaatSettings settings = { 0 };

  paraat_workspace_get_settings (self->workspace, &settings);
  if (settings.scope != NULL && settings.scope[0] != '\0')
    {
      gtk_label_set_label (self->statement_label, settings.scope);
      gtk_widget_remove_css_class (GTK_WIDGET (self->statement_label), "dim-label");
    }
  else
    {
      gtk_label_set_label (self->statement_label,
                           _("No scope statement yet. Say which organisation, locations and "
                             "activities the management system covers."));
      gtk_widget_add_css_class (GTK_WIDGET (self->statement_label), "dim-label");
    }
  paraat_settings_clear (&settings);
}

static void
reload (ParaatScopePage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->items);
  if (self->workspace != NULL)
    {
      self->items = paraat_workspace_list_scope_items (self->workspace, &error);
      if (self->items == NULL)
        g_warning ("Could not read the scope register: %s", error->message);
      fill_statement (self);
    }
  rebuild_rows (self);
}

static void
on_workspace_changed_cb (ParaatScopePage *self,
                         const char      *object_type)
{
  /* Risks carry the count shown per item. */
  if (g_str_has_prefix (object_type, "scope") || g_str_equal (object_type, "risk") ||
      g_str_equal (object_type, "settings"))
    paraat_queue_reload (GTK_WIDGET (self));
}

void
paraat_scope_page_set_workspace (ParaatScopePage *self,
                                 ParaatWorkspace *workspace)
{
  g_return_if_fail (PARAAT_IS_SCOPE_PAGE (self));

  paraat_page_set_workspace (GTK_WIDGET (self), &self->workspace, workspace,
                             G_CALLBACK (on_workspace_changed_cb));
  paraat_export_button_set_workspace (self->export_button, workspace);
}

/* Opening and adding */

static void
open_item (ParaatScopePage *self,
           gint64           item_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_window_present (GTK_WINDOW (paraat_scope_item_dialog_new (GTK_WINDOW (root),
                                                                self->workspace, item_id)));
}

static void
on_row_activated_cb (ParaatScopePage *self,
                     GtkListBoxRow   *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), ITEM_ID_KEY);

  if (id != NULL && self->workspace != NULL)
    open_item (self, *id);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  ParaatScopePage *self = PARAAT_SCOPE_PAGE (widget);

  if (self->workspace != NULL)
    open_item (self, 0);
}

/* Setup */

static void
build_groups (ParaatScopePage *self)
{
  for (guint k = 0; k < PARAAT_N_SCOPE_KINDS; k++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *list = gtk_list_box_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                       paraat_scope_kind_heading (k));
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      paraat_scope_kind_heading (k), -1);
      g_signal_connect_object (list, "row-activated", G_CALLBACK (on_row_activated_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
      gtk_box_append (self->groups_box, group);
      self->groups[k] = group;
      self->lists[k] = GTK_LIST_BOX (list);
    }
}

static void
paraat_scope_page_dispose (GObject *object)
{
  ParaatScopePage *self = PARAAT_SCOPE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_SCOPE_PAGE);
  g_clear_object (&self->items);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (paraat_scope_page_parent_class)->dispose (object);
}

static void
paraat_scope_page_class_init (ParaatScopePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_scope_page_dispose;

  g_type_ensure (PARAAT_TYPE_EXPORT_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-scope-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatScopePage, export_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatScopePage, statement_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatScopePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ParaatScopePage, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatScopePage, stack);
  gtk_widget_class_bind_template_child (widget_class, ParaatScopePage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, ParaatScopePage, empty_page);
  gtk_widget_class_install_action (widget_class, "scope.add", NULL, add_action);
}

static void
paraat_scope_page_init (ParaatScopePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_groups (self);

  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (rebuild_rows), self);
  g_signal_connect_swapped (self->scope_dropdown, "notify::selected",
                            G_CALLBACK (rebuild_rows), self);
  paraat_reload_on_map (GTK_WIDGET (self), (ParaatReloadFunc) reload);
  rebuild_rows (self);
}
