/* paraat-exceptions-page.c — the exceptions register: who may deviate from which
 * requirements, until when, approved by whom; expired and expiring ones stand out
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-exception-dialog.h"
#include "paraat-exceptions-page.h"
#include "paraat-export-button.h"
#include "paraat-risk.h"
#include "paraat-widget-util.h"

/* The state filter's choices after "All states", in the order they are offered */
static const ParaatExceptionState state_choices[] = {
  PARAAT_EXCEPTION_VALID,
  PARAAT_EXCEPTION_EXPIRING,
  PARAAT_EXCEPTION_EXPIRED,
  PARAAT_EXCEPTION_NOT_STARTED,
};

enum {
  SORT_SOONEST,
  SORT_LATEST,
};

struct _ParaatExceptionsPage
{
  AdwBin             parent_instance;

  /* Template widgets */
  ParaatExportButton *export_button;
  GtkSearchEntry    *search_entry;
  GtkDropDown       *state_dropdown;
  GtkDropDown       *sort_dropdown;
  GtkLabel          *summary_label;
  GtkStack          *stack;
  GtkListBox        *list_box;
  AdwStatusPage     *empty_page;

  /* Owned references */
  ParaatWorkspace   *workspace;
  GListStore        *all;
  GtkFilter         *filter;
  GtkSorter         *sorter;
  GtkSortListModel  *shown;
};

G_DEFINE_FINAL_TYPE (ParaatExceptionsPage, paraat_exceptions_page, ADW_TYPE_BIN)

/* Filtering and sorting */

static gboolean
matches_text (ParaatException *exception,
              const char      *needle)
{
  return needle[0] == '\0' ||
         paraat_contains_folded (paraat_exception_get_requirements_label (exception), needle) ||
         paraat_contains_folded (paraat_exception_get_holder_name (exception), needle) ||
         paraat_contains_folded (paraat_exception_get_approver_name (exception), needle) ||
         paraat_contains_folded (paraat_exception_get_justification (exception), needle);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  ParaatExceptionsPage *self = user_data;
  ParaatException *exception = item;
  guint state = gtk_drop_down_get_selected (self->state_dropdown);
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);

  if (state > 0 && state <= G_N_ELEMENTS (state_choices) &&
      paraat_exception_get_state (exception) != state_choices[state - 1])
    return FALSE;
  return matches_text (exception, needle);
}

static int
compare_expiry (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  ParaatExceptionsPage *self = user_data;
  int order = g_strcmp0 (paraat_exception_get_expiry_date ((ParaatException *) a),
                         paraat_exception_get_expiry_date ((ParaatException *) b));

  if (gtk_drop_down_get_selected (self->sort_dropdown) == SORT_LATEST)
    order = -order;
  return order;
}

static void
update_summary (ParaatExceptionsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->all));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  guint expired = 0, expiring = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatException) exception = g_list_model_get_item (G_LIST_MODEL (self->all), i);
      ParaatExceptionState state = paraat_exception_get_state (exception);

      expired += state == PARAAT_EXCEPTION_EXPIRED;
      expiring += state == PARAAT_EXCEPTION_EXPIRING;
    }
  /* Translators: "5 exceptions · 1 expired · 1 expiring within 30 days" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u exception · %u expired · %u expiring within %d days",
                                       "%u exceptions · %u expired · %u expiring within %d days",
                                       n),
                          n, expired, expiring, PARAAT_EXCEPTION_EXPIRING_DAYS);
  gtk_label_set_label (self->summary_label, text);

  gtk_stack_set_visible_child_name (self->stack, shown > 0 ? "list" : "empty");
  if (n == 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "view-list-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Exceptions"));
      adw_status_page_set_description (self->empty_page,
                                       _("Every requirement applies to everyone in scope. "
                                         "Record an exception when someone may deviate for a "
                                         "while, with the risk that is accepted."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Matching Exceptions"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try another search, or show all states."));
    }
}

static void
refilter (ParaatExceptionsPage *self)
{
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_summary (self);
}

static void
resort (ParaatExceptionsPage *self)
{
  gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_INVERTED);
}

/* Rows */

static GtkWidget *
add_label (GtkBox     *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = paraat_wrapped_label_new (text, css_class);

  gtk_box_append (box, label);
  return label;
}

static GtkWidget *
state_box_new (ParaatException *exception)
{
  const char *icon_name = NULL;
  g_autofree char *text = paraat_exception_dup_state_text (exception, &icon_name);
  ParaatExceptionState state = paraat_exception_get_state (exception);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  if (icon_name != NULL)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  add_label (GTK_BOX (box), text, NULL);
  if (state == PARAAT_EXCEPTION_EXPIRED)
    gtk_widget_add_css_class (box, "error");
  else if (state == PARAAT_EXCEPTION_EXPIRING)
    gtk_widget_add_css_class (box, "warning");
  if (icon_name != NULL)
    gtk_widget_add_css_class (box, "heading");
  return box;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  ParaatException *exception = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* Translators: "Eva Smit may deviate · approved by Marloes Jansen" */
  g_autofree char *who = g_strdup_printf (_("%s may deviate · approved by %s"),
                                          paraat_exception_get_holder_name (exception),
                                          paraat_exception_get_approver_name (exception));
  /* Translators: the period an exception runs, "2026-01-01 – 2026-12-31" */
  g_autofree char *period = g_strdup_printf (_("%s – %s"),
                                             paraat_exception_get_start_date (exception),
                                             paraat_exception_get_expiry_date (exception));
  GtkWidget *title;

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  title = add_label (GTK_BOX (box), paraat_exception_get_requirements_label (exception), NULL);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  add_label (GTK_BOX (box), who, "dim-label");
  gtk_box_append (GTK_BOX (box), line);
  gtk_widget_set_hexpand (add_label (GTK_BOX (line), period, "dim-label"), TRUE);
  gtk_box_append (GTK_BOX (line), state_box_new (exception));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  paraat_exception_get_requirements_label (exception), -1);
  return row;
}

/* Loading */

static void
reload (ParaatExceptionsPage *self)
{
  g_autoptr(GListModel) exceptions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->workspace != NULL &&
      !(exceptions = paraat_workspace_list_exceptions (self->workspace, &error)))
    g_warning ("Could not read the exceptions: %s", error->message);
  for (guint i = 0; exceptions && i < g_list_model_get_n_items (exceptions); i++)
    g_ptr_array_add (items, g_list_model_get_item (exceptions, i));
  g_list_store_splice (self->all, 0, g_list_model_get_n_items (G_LIST_MODEL (self->all)),
                       items->pdata, items->len);
  update_summary (self);
}

static void
on_workspace_changed_cb (ParaatExceptionsPage *self,
                         const char           *object_type)
{
  /* Rows show the names of people and scope items. */
  if (g_str_equal (object_type, "exception") || g_str_equal (object_type, "person") ||
      g_str_has_prefix (object_type, "scope"))
    paraat_queue_reload (GTK_WIDGET (self));
}

void
paraat_exceptions_page_set_workspace (ParaatExceptionsPage *self,
                                      ParaatWorkspace      *workspace)
{
  g_return_if_fail (PARAAT_IS_EXCEPTIONS_PAGE (self));

  paraat_page_set_workspace (GTK_WIDGET (self), &self->workspace, workspace,
                             G_CALLBACK (on_workspace_changed_cb));
  paraat_export_button_set_workspace (self->export_button, workspace);
}

GListModel *
paraat_exceptions_page_get_model (ParaatExceptionsPage *self)
{
  g_return_val_if_fail (PARAAT_IS_EXCEPTIONS_PAGE (self), NULL);

  paraat_reload_if_stale (GTK_WIDGET (self));
  return G_LIST_MODEL (self->shown);
}

/* Opening and creating */

static void
open_exception (ParaatExceptionsPage *self,
                gint64                exception_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_window_present (GTK_WINDOW (paraat_exception_dialog_new (GTK_WINDOW (root),
                                                               self->workspace, exception_id)));
}

static void
on_row_activated_cb (ParaatExceptionsPage *self,
                     GtkListBoxRow        *row)
{
  g_autoptr(ParaatException) exception =
    g_list_model_get_item (G_LIST_MODEL (self->shown), gtk_list_box_row_get_index (row));

  if (exception != NULL && self->workspace != NULL)
    open_exception (self, paraat_exception_get_id (exception));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  ParaatExceptionsPage *self = PARAAT_EXCEPTIONS_PAGE (widget);

  if (self->workspace != NULL)
    open_exception (self, 0);
}

/* Setup */

static void
fill_state_choices (ParaatExceptionsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char *[]) { _("All states"), NULL });

  for (guint i = 0; i < G_N_ELEMENTS (state_choices); i++)
    gtk_string_list_append (names, paraat_exception_state_label (state_choices[i]));
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (names));
}

static void
build_model (ParaatExceptionsPage *self)
{
  GtkFilterListModel *filtered;

  self->all = g_list_store_new (PARAAT_TYPE_EXCEPTION);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_func, self, NULL));
  self->sorter = GTK_SORTER (gtk_custom_sorter_new (compare_expiry, self, NULL));
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->all)),
                                        g_object_ref (self->filter));
  self->shown = gtk_sort_list_model_new (G_LIST_MODEL (filtered), g_object_ref (self->sorter));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->shown), create_row_cb, self, NULL);
}

static void
paraat_exceptions_page_dispose (GObject *object)
{
  ParaatExceptionsPage *self = PARAAT_EXCEPTIONS_PAGE (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_EXCEPTIONS_PAGE);
  g_clear_object (&self->shown);
  g_clear_object (&self->sorter);
  g_clear_object (&self->filter);
  g_clear_object (&self->all);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (paraat_exceptions_page_parent_class)->dispose (object);
}

static void
paraat_exceptions_page_class_init (ParaatExceptionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_exceptions_page_dispose;

  g_type_ensure (PARAAT_TYPE_EXPORT_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-exceptions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatExceptionsPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatExceptionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ParaatExceptionsPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatExceptionsPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatExceptionsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatExceptionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ParaatExceptionsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, ParaatExceptionsPage, empty_page);
  gtk_widget_class_install_action (widget_class, "exceptions.new", NULL, new_action);
}

static void
paraat_exceptions_page_init (ParaatExceptionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_state_choices (self);
  build_model (self);

  /* Tab goes from drop-down to drop-down, not through the flow box's own children. */
  gtk_widget_set_focusable (gtk_widget_get_parent (GTK_WIDGET (self->state_dropdown)), FALSE);
  gtk_widget_set_focusable (gtk_widget_get_parent (GTK_WIDGET (self->sort_dropdown)), FALSE);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (refilter), self);
  g_signal_connect_swapped (self->state_dropdown, "notify::selected", G_CALLBACK (refilter),
                            self);
  g_signal_connect_swapped (self->sort_dropdown, "notify::selected", G_CALLBACK (resort), self);
  g_signal_connect_swapped (self->list_box, "row-activated", G_CALLBACK (on_row_activated_cb),
                            self);
  paraat_reload_on_map (GTK_WIDGET (self), (ParaatReloadFunc) reload);
  update_summary (self);
}
