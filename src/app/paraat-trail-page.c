/* paraat-trail-page.c — the whole audit trail, filtered, newest first
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "paraat-history-dialog.h"
#include "paraat-trail-export-dialog.h"
#include "paraat-trail-model.h"
#include "paraat-trail-page.h"

struct _ParaatTrailPage
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkSearchEntry   *search_entry;
  GtkDropDown      *person_dropdown;
  GtkDropDown      *type_dropdown;
  GtkDropDown      *period_dropdown;
  GtkRevealer      *range_revealer;
  GtkMenuButton    *from_button;
  GtkMenuButton    *to_button;
  GtkCalendar      *from_calendar;
  GtkCalendar      *to_calendar;
  GtkLabel         *range_error;
  GtkLabel         *count_label;
  GtkStack         *stack;
  GtkColumnView    *column_view;

  /* Owned references */
  ParaatWorkspace  *workspace;
  ParaatTrailModel *model;
  GArray           *person_ids;
  gulong            people_changed_id;
};

G_DEFINE_FINAL_TYPE (ParaatTrailPage, paraat_trail_page, ADW_TYPE_BIN)

typedef enum {
  COLUMN_TIME,
  COLUMN_PERSON,
  COLUMN_KIND,
  COLUMN_ITEM,
  COLUMN_ACTION,
  COLUMN_CHANGES,
} Column;

static char *
column_text (ParaatTrailEntry *entry,
             Column            column)
{
  switch (column)
    {
    case COLUMN_TIME: return paraat_trail_entry_format_time (entry);
    case COLUMN_PERSON: return g_strdup (paraat_trail_entry_get_actor_name (entry));
    case COLUMN_KIND: return g_strdup (paraat_trail_entry_get_type_label (entry));
    case COLUMN_ITEM: return g_strdup (paraat_trail_entry_get_object_label (entry));
    case COLUMN_ACTION: return g_strdup (paraat_trail_entry_get_action_label (entry));
    case COLUMN_CHANGES:
      {
        g_autofree char *changes = paraat_trail_entry_describe_changes (entry);
        g_auto(GStrv) lines = g_strsplit (changes, "\n", -1);
        /* One line in the table; the History window shows every line. */
        return g_strjoinv ("; ", lines);
      }
    default: return g_strdup ("");
    }
}

/* Minimum widths in characters: below them the table scrolls sideways instead of
 * shrinking every cell to an ellipsis on a narrow window. */
static const int column_chars[] = { 16, 12, 8, 14, 10, 24 };

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_width_chars (GTK_LABEL (label), column_chars[GPOINTER_TO_INT (column)]);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  column)
{
  ParaatTrailEntry *entry = gtk_list_item_get_item (item);
  g_autofree char *text = entry ? column_text (entry, GPOINTER_TO_INT (column)) : NULL;
  GtkWidget *label = gtk_list_item_get_child (item);

  /* No tooltips: setting one on each of the ~1,200 bound cells tripled the time a filter
   * change takes; the History window shows every entry in full. */
  gtk_label_set_label (GTK_LABEL (label), text ? text : "");
}

static void
add_column (ParaatTrailPage *self,
            const char      *title,
            Column           column,
            gboolean         expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
}

enum {
  PERIOD_ANY,
  PERIOD_TODAY,
  PERIOD_WEEK,
  PERIOD_MONTH,
  PERIOD_YEAR,
  PERIOD_CUSTOM,
};

static gint64
local_midnight_ms (GDateTime *day,
                   int        add_days)
{
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (day),
                                                         g_date_time_get_month (day),
                                                         g_date_time_get_day_of_month (day),
                                                         0, 0, 0);
  g_autoptr(GDateTime) shifted = g_date_time_add_days (midnight, add_days);

  return g_date_time_to_unix (shifted) * 1000;
}

/* Fills in the period's bounds; FALSE when a custom range ends before it starts. */
static gboolean
period_bounds (ParaatTrailPage   *self,
               ParaatTrailFilter *filter)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;

  switch (gtk_drop_down_get_selected (self->period_dropdown))
    {
    case PERIOD_TODAY: filter->from_ms = local_midnight_ms (now, 0); break;
    case PERIOD_WEEK: filter->from_ms = local_midnight_ms (now, -6); break;
    case PERIOD_MONTH: filter->from_ms = local_midnight_ms (now, -29); break;
    case PERIOD_YEAR: filter->from_ms = local_midnight_ms (now, -365); break;
    case PERIOD_CUSTOM:
      from = gtk_calendar_get_date (self->from_calendar);
      to = gtk_calendar_get_date (self->to_calendar);
      filter->from_ms = local_midnight_ms (from, 0);
      filter->to_ms = local_midnight_ms (to, 1);
      return filter->from_ms < filter->to_ms;
    default: break;
    }
  return TRUE;
}

static void
update_range_labels (ParaatTrailPage *self)
{
  g_autoptr(GDateTime) from = gtk_calendar_get_date (self->from_calendar);
  g_autoptr(GDateTime) to = gtk_calendar_get_date (self->to_calendar);
  g_autofree char *from_text = g_date_time_format (from, "%x");
  g_autofree char *to_text = g_date_time_format (to, "%x");

  gtk_menu_button_set_label (self->from_button, from_text);
  gtk_menu_button_set_label (self->to_button, to_text);
}

static void
update_count (ParaatTrailPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  gint64 total = paraat_trail_model_get_total (self->model);
  g_autofree char *text = NULL;

  if ((gint64) n == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u entry", "%'u entries", n), n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'" PRId64 " entry",
                                         "%'u of %'" PRId64 " entries", total),
                            n, total);
  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
apply_filter (ParaatTrailPage *self)
{
  ParaatTrailFilter filter = PARAAT_TRAIL_FILTER_INIT;
  const char * const *types = paraat_trail_object_types ();
  guint person = gtk_drop_down_get_selected (self->person_dropdown);
  guint type = gtk_drop_down_get_selected (self->type_dropdown);
  g_autoptr(GError) error = NULL;
  gboolean valid_range;

  if (self->model == NULL)
    return;

  if (person != GTK_INVALID_LIST_POSITION && person > 0 && person <= self->person_ids->len)
    filter.actor_id = g_array_index (self->person_ids, gint64, person - 1);
  if (type != GTK_INVALID_LIST_POSITION && type > 0 && type <= g_strv_length ((GStrv) types))
    filter.object_type = types[type - 1];

  gtk_revealer_set_reveal_child (self->range_revealer,
                                 gtk_drop_down_get_selected (self->period_dropdown) ==
                                 PERIOD_CUSTOM);
  update_range_labels (self);
  valid_range = period_bounds (self, &filter);
  gtk_widget_set_visible (GTK_WIDGET (self->range_error), !valid_range);
  if (!valid_range)
    return;

  filter.text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (!paraat_trail_model_set_filter (self->model, &filter, &error))
    g_warning ("Could not filter the audit trail: %s", error->message);
  update_count (self);
}

/* People who have left the directory keep their trail entries, so the person filter lists
 * the current directory; removed people are still found by searching their name. */
static void
reload_people (ParaatTrailPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *people = paraat_workspace_get_people (self->workspace);
  guint selected = gtk_drop_down_get_selected (self->person_dropdown);
  gint64 kept = selected > 0 && selected <= self->person_ids->len
                  ? g_array_index (self->person_ids, gint64, selected - 1) : 0;
  guint position = 0;

  g_array_set_size (self->person_ids, 0);
  gtk_string_list_append (names, _("Anyone"));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ParaatPerson) person = g_list_model_get_item (people, i);
      gint64 id = paraat_person_get_id (person);

      gtk_string_list_append (names, paraat_person_get_name (person));
      g_array_append_val (self->person_ids, id);
      if (id == kept)
        position = i + 1;
    }
  /* A change in the directory keeps the person the trail is filtered on. */
  gtk_drop_down_set_model (self->person_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->person_dropdown, position);
}

static void
build_type_model (ParaatTrailPage *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  const char * const *ids = paraat_trail_object_types ();

  gtk_string_list_append (types, _("All items"));
  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (types, paraat_trail_object_type_label (ids[i]));
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (types));
}

static void
on_activate_cb (ParaatTrailPage *self,
                guint            position)
{
  g_autoptr(ParaatTrailEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->model),
                                                             position);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *label = NULL;

  if (entry == NULL)
    return;

  label = g_strdup_printf ("%s: %s", paraat_trail_entry_get_type_label (entry),
                           paraat_trail_entry_get_object_label (entry));
  gtk_window_present (GTK_WINDOW (paraat_history_dialog_new (GTK_WINDOW (root), self->workspace,
                                                             paraat_trail_entry_get_object_type (entry),
                                                             paraat_trail_entry_get_object_id (entry),
                                                             label)));
}

static void
disconnect_workspace (ParaatTrailPage *self)
{
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->people_changed_id,
                            paraat_workspace_get_people (self->workspace));
  g_clear_object (&self->workspace);
  g_clear_object (&self->model);
}

static gboolean
filters_active (ParaatTrailPage *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0' ||
         gtk_drop_down_get_selected (self->person_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->type_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->period_dropdown) > 0;
}

/* The model and the person filter are built only once the page is shown: a workspace
 * that opens on another page need not wait for them. */
static void
ensure_model (ParaatTrailPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->workspace == NULL || self->model != NULL)
    return;

  self->model = paraat_trail_model_new (self->workspace);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  self->people_changed_id =
    g_signal_connect_object (paraat_workspace_get_people (self->workspace), "items-changed",
                             G_CALLBACK (reload_people), self, G_CONNECT_SWAPPED);
  reload_people (self);

  /* Filter before the view sees the model, so it lays out the rows only once. */
  if (filters_active (self))
    apply_filter (self);
  else
    update_count (self);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
}

void
paraat_trail_page_set_workspace (ParaatTrailPage *self,
                                 ParaatWorkspace *workspace)
{
  g_return_if_fail (PARAAT_IS_TRAIL_PAGE (self));

  if (workspace == self->workspace)
    return;

  gtk_column_view_set_model (self->column_view, NULL);
  disconnect_workspace (self);
  if (workspace == NULL)
    return;

  self->workspace = g_object_ref (workspace);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_model (self);
}

GListModel *
paraat_trail_page_get_model (ParaatTrailPage *self)
{
  g_return_val_if_fail (PARAAT_IS_TRAIL_PAGE (self), NULL);

  ensure_model (self);
  return G_LIST_MODEL (self->model);
}

void
paraat_trail_page_set_search (ParaatTrailPage *self,
                              const char      *text)
{
  g_return_if_fail (PARAAT_IS_TRAIL_PAGE (self));

  ensure_model (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  apply_filter (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ParaatTrailPage *self = PARAAT_TRAIL_PAGE (widget);
  ParaatTrailFormat format;

  if (self->workspace != NULL &&
      paraat_trail_format_from_string (g_variant_get_string (param, NULL), &format))
    paraat_trail_export_dialog_run (GTK_WINDOW (gtk_widget_get_root (widget)), self->workspace,
                                    NULL, -1, format);
}

/* Shows only entries made between FROM and TO, both days included. */
void
paraat_trail_page_set_range (ParaatTrailPage *self,
                             GDateTime       *from,
                             GDateTime       *to)
{
  g_return_if_fail (PARAAT_IS_TRAIL_PAGE (self));

  ensure_model (self);
  gtk_calendar_select_day (self->from_calendar, from);
  gtk_calendar_select_day (self->to_calendar, to);
  gtk_drop_down_set_selected (self->period_dropdown, PERIOD_CUSTOM);
  apply_filter (self);
}

static void
paraat_trail_page_dispose (GObject *object)
{
  ParaatTrailPage *self = PARAAT_TRAIL_PAGE (object);

  disconnect_workspace (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_TRAIL_PAGE);
  g_clear_pointer (&self->person_ids, g_array_unref);

  G_OBJECT_CLASS (paraat_trail_page_parent_class)->dispose (object);
}

static void
paraat_trail_page_class_init (ParaatTrailPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_trail_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-trail-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatTrailPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ParaatTrailPage, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatTrailPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatTrailPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatTrailPage, range_revealer);
  gtk_widget_class_bind_template_child (widget_class, ParaatTrailPage, from_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatTrailPage, to_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatTrailPage, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, ParaatTrailPage, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, ParaatTrailPage, range_error);
  gtk_widget_class_bind_template_child (widget_class, ParaatTrailPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatTrailPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ParaatTrailPage, column_view);
  gtk_widget_class_install_action (widget_class, "trail.export", "s", export_action);
}

static void
paraat_trail_page_init (ParaatTrailPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  build_type_model (self);

  /* A custom range starts as the last 30 days. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) month_ago = g_date_time_add_days (now, -29);
    gtk_calendar_select_day (self->from_calendar, month_ago);
    update_range_labels (self);
  }

  add_column (self, _("Time"), COLUMN_TIME, FALSE);
  add_column (self, _("Person"), COLUMN_PERSON, FALSE);
  add_column (self, _("Kind"), COLUMN_KIND, FALSE);
  add_column (self, _("Item"), COLUMN_ITEM, FALSE);
  add_column (self, _("Action"), COLUMN_ACTION, FALSE);
  add_column (self, _("Changes"), COLUMN_CHANGES, TRUE);

  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (apply_filter), self);
  g_signal_connect_swapped (self->person_dropdown, "notify::selected",
                            G_CALLBACK (apply_filter), self);
  g_signal_connect_swapped (self->type_dropdown, "notify::selected",
                            G_CALLBACK (apply_filter), self);
  g_signal_connect_swapped (self->period_dropdown, "notify::selected",
                            G_CALLBACK (apply_filter), self);
  g_signal_connect_swapped (self->from_calendar, "day-selected", G_CALLBACK (apply_filter), self);
  g_signal_connect_swapped (self->to_calendar, "day-selected", G_CALLBACK (apply_filter), self);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (on_activate_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (ensure_model), NULL);
}
