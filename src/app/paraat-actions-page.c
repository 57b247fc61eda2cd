/* paraat-actions-page.c — the action tracker: every action with one owner and a due date,
 * filtered and sorted, with bulk changes, escalation and the quarterly plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-action.h"
#include "paraat-action-dialog.h"
#include "paraat-clock.h"
#include "paraat-actions-page.h"
#include "paraat-escalation-view.h"
#include "paraat-export-button.h"
#include "paraat-ical.h"
#include "paraat-plan-view.h"
#include "paraat-widget-util.h"

#define DUE_SOON_DAYS 14

typedef enum
{
  SHOW_ACTIVE,
  SHOW_ALL,
  SHOW_CLOSED,
  SHOW_CANCELLED,
} ShowFilter;

struct _ParaatActionsPage
{
  AdwBin               parent_instance;

  /* Template widgets */
  ParaatExportButton  *export_button;
  GtkStack            *views;
  GtkSearchEntry      *search_entry;
  GtkToggleButton     *mine_toggle;
  GtkToggleButton     *overdue_toggle;
  GtkToggleButton     *soon_toggle;
  GtkToggleButton     *review_toggle;
  GtkToggleButton     *high_toggle;
  GtkDropDown         *show_dropdown;
  GtkDropDown         *owner_dropdown;
  GtkDropDown         *plan_dropdown;
  GtkDropDown         *source_dropdown;
  GtkLabel            *summary_label;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkRevealer         *bulk_revealer;
  GtkLabel            *selection_label;
  ParaatEscalationView *escalation_view;
  ParaatPlanView      *plan_view;

  /* Owned references */
  ParaatWorkspace     *workspace;
  GListStore          *all;
  GtkFilter           *filter;
  GtkMultiSelection   *selection;
  GArray              *owner_ids;     /* gint64 per owner choice after "All owners" */
  GPtrArray           *plan_keys;     /* "q:2026-Q3" / "p:Project", per plan choice */
  GtkFileChooserNative *chooser;

  char                *today;
  char                *soon;
  gboolean             filling;
};

G_DEFINE_FINAL_TYPE (ParaatActionsPage, paraat_actions_page, ADW_TYPE_BIN)

static void
toast (ParaatActionsPage *self,
       const char        *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), paraat_toast_new (message));
  else
    g_warning ("%s", message);
}

/* Filtering */

static gboolean
matches_show (ParaatActionsPage *self,
              ParaatAction      *action)
{
  ParaatActionStatus status = paraat_action_get_status (action);

  switch ((ShowFilter) gtk_drop_down_get_selected (self->show_dropdown))
    {
    case SHOW_ALL: return TRUE;
    case SHOW_CLOSED: return status == PARAAT_ACTION_CLOSED;
    case SHOW_CANCELLED: return status == PARAAT_ACTION_CANCELLED;
    case SHOW_ACTIVE:
    default: return paraat_action_is_active (action);
    }
}

static gboolean
matches_quick (ParaatActionsPage *self,
               ParaatAction      *action)
{
  ParaatPerson *actor = paraat_workspace_get_actor (self->workspace);
  const char *due = paraat_action_get_due_date (action);

  if (gtk_toggle_button_get_active (self->mine_toggle) &&
      (actor == NULL || paraat_action_get_owner_id (action) != paraat_person_get_id (actor)))
    return FALSE;
  if (gtk_toggle_button_get_active (self->overdue_toggle) && !paraat_action_is_overdue (action))
    return FALSE;
  if (gtk_toggle_button_get_active (self->soon_toggle) &&
      (!paraat_action_is_active (action) || g_strcmp0 (due, self->today) < 0 ||
       g_strcmp0 (due, self->soon) > 0))
    return FALSE;
  if (gtk_toggle_button_get_active (self->review_toggle) &&
      paraat_action_get_status (action) != PARAAT_ACTION_AWAITING_REVIEW)
    return FALSE;
  if (gtk_toggle_button_get_active (self->high_toggle) && !paraat_action_is_high_risk (action))
    return FALSE;
  return TRUE;
}

static gboolean
matches_choices (ParaatActionsPage *self,
                 ParaatAction      *action)
{
  guint owner = gtk_drop_down_get_selected (self->owner_dropdown);
  guint plan = gtk_drop_down_get_selected (self->plan_dropdown);
  guint source = gtk_drop_down_get_selected (self->source_dropdown);

  if (owner > 0 && owner <= self->owner_ids->len &&
      paraat_action_get_owner_id (action) != g_array_index (self->owner_ids, gint64, owner - 1))
    return FALSE;
  if (plan > 0 && plan <= self->plan_keys->len)
    {
      const char *key = g_ptr_array_index (self->plan_keys, plan - 1);
      const char *value = key[0] == 'q' ? paraat_action_get_quarter (action)
                                        : paraat_action_get_project (action);
      if (g_strcmp0 (value, key + 2) != 0)
        return FALSE;
    }
  if (source > 0 && source <= PARAAT_N_SOURCES &&
      paraat_action_get_source (action) != (ParaatActionSource) (source - 1))
    return FALSE;
  return TRUE;
}

static gboolean
matches_text (ParaatActionsPage *self,
              ParaatAction      *action)
{
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);

  return needle[0] == '\0' ||
         paraat_contains_folded (paraat_action_get_title (action), needle) ||
         paraat_contains_folded (paraat_action_get_decision (action), needle) ||
         paraat_contains_folded (paraat_action_get_owner_name (action), needle) ||
         paraat_contains_folded (paraat_action_get_project (action), needle);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  ParaatActionsPage *self = user_data;
  ParaatAction *action = item;

  return self->workspace != NULL && matches_show (self, action) &&
         matches_quick (self, action) && matches_choices (self, action) &&
         matches_text (self, action);
}

static void
update_summary (ParaatActionsPage *self)
{
  GListModel *shown = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (shown);
  guint overdue = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatAction) action = g_list_model_get_item (shown, i);
      overdue += paraat_action_is_overdue (action);
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action shown · %u overdue",
                                       "%u actions shown · %u overdue", n), n, overdue);
  gtk_label_set_label (self->summary_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
}

static void
refilter (ParaatActionsPage *self)
{
  if (self->filling)
    return;
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_summary (self);
}

/* Filter choices follow the data: the owners and plans that actions have. */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
fill_owner_choices (ParaatActionsPage *self)
{
  paraat_owner_dropdown_fill (self->owner_dropdown, self->owner_ids, G_LIST_MODEL (self->all),
                              (ParaatOwnerIdFunc) paraat_action_get_owner_id, self->workspace);
}

static void
collect_plan_keys (ParaatActionsPage *self,
                   GPtrArray         *quarters,
                   GPtrArray         *projects)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->all)); i++)
    {
      g_autoptr(ParaatAction) action = g_list_model_get_item (G_LIST_MODEL (self->all), i);
      const char *quarter = paraat_action_get_quarter (action);
      const char *project = paraat_action_get_project (action);
      g_autofree char *q = g_strconcat ("q:", quarter, NULL);
      g_autofree char *p = g_strconcat ("p:", project, NULL);

      /* The arrays own the keys; the set only points at them. */
      if (quarter[0] && !g_hash_table_contains (seen, q))
        {
          g_hash_table_add (seen, q);
          g_ptr_array_add (quarters, g_steal_pointer (&q));
        }
      if (project[0] && !g_hash_table_contains (seen, p))
        {
          g_hash_table_add (seen, p);
          g_ptr_array_add (projects, g_steal_pointer (&p));
        }
    }
  g_ptr_array_sort (quarters, compare_strings);
  g_ptr_array_sort (projects, compare_strings);
}

static void
fill_plan_choices (ParaatActionsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char *[]) { _("All quarters and projects"), NULL });
  g_autoptr(GPtrArray) quarters = g_ptr_array_new ();
  g_autoptr(GPtrArray) projects = g_ptr_array_new ();
  guint selected = gtk_drop_down_get_selected (self->plan_dropdown);
  g_autofree char *was = selected > 0 && selected <= self->plan_keys->len
                         ? g_strdup (g_ptr_array_index (self->plan_keys, selected - 1)) : NULL;

  collect_plan_keys (self, quarters, projects);
  g_ptr_array_set_size (self->plan_keys, 0);
  g_ptr_array_extend_and_steal (self->plan_keys, g_steal_pointer (&quarters));
  g_ptr_array_extend_and_steal (self->plan_keys, g_steal_pointer (&projects));
  selected = 0;
  for (guint i = 0; i < self->plan_keys->len; i++)
    {
      const char *key = g_ptr_array_index (self->plan_keys, i);
      g_autofree char *label = key[0] == 'q'
        /* Translators: a filter choice, "Quarter 2026-Q3" */
        ? g_strdup_printf (_("Quarter %s"), key + 2)
        /* Translators: a filter choice, "Project Access control" */
        : g_strdup_printf (_("Project %s"), key + 2);

      gtk_string_list_append (names, label);
      if (g_strcmp0 (key, was) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_model (self->plan_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->plan_dropdown, selected);
}

static void
update_dates (ParaatActionsPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (paraat_clock_now_ms () / 1000);
  g_autoptr(GDateTime) soon = g_date_time_add_days (now, DUE_SOON_DAYS);

  g_free (self->today);
  g_free (self->soon);
  self->today = g_date_time_format (now, "%Y-%m-%d");
  self->soon = g_date_time_format (soon, "%Y-%m-%d");
}

static void
reload (ParaatActionsPage *self)
{
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->workspace != NULL && !(actions = paraat_workspace_list_actions (self->workspace, &error)))
    g_warning ("Could not read the actions: %s", error->message);
  for (guint i = 0; actions && i < g_list_model_get_n_items (actions); i++)
    g_ptr_array_add (items, g_list_model_get_item (actions, i));

  update_dates (self);
  self->filling = TRUE;
  g_list_store_splice (self->all, 0, g_list_model_get_n_items (G_LIST_MODEL (self->all)),
                       items->pdata, items->len);
  if (self->workspace != NULL)
    {
      fill_owner_choices (self);
      fill_plan_choices (self);
    }
  self->filling = FALSE;
  refilter (self);
  paraat_escalation_view_set_actions (self->escalation_view, self->workspace, G_LIST_MODEL (self->all));
  paraat_plan_view_set_actions (self->plan_view, self->workspace, G_LIST_MODEL (self->all));
}

static void
on_workspace_changed_cb (ParaatActionsPage *self,
                         const char        *object_type)
{
  if (!g_str_equal (object_type, "action") && !g_str_equal (object_type, "person") &&
      !g_str_equal (object_type, "review"))
    return;
  paraat_queue_reload (GTK_WIDGET (self));
}

void
paraat_actions_page_set_workspace (ParaatActionsPage *self,
                                   ParaatWorkspace   *workspace)
{
  g_return_if_fail (PARAAT_IS_ACTIONS_PAGE (self));

  paraat_page_set_workspace (GTK_WIDGET (self), &self->workspace, workspace,
                             G_CALLBACK (on_workspace_changed_cb));
  paraat_export_button_set_workspace (self->export_button, workspace);
}

GListModel *
paraat_actions_page_get_model (ParaatActionsPage *self)
{
  g_return_val_if_fail (PARAAT_IS_ACTIONS_PAGE (self), NULL);

  paraat_reload_if_stale (GTK_WIDGET (self));
  return G_LIST_MODEL (self->selection);
}

void
paraat_actions_page_set_search (ParaatActionsPage *self,
                                const char        *text)
{
  g_return_if_fail (PARAAT_IS_ACTIONS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  refilter (self);
}

/* Columns */

typedef char *(*CellText) (ParaatAction *action);

static char *
title_text (ParaatAction *action)
{
  return g_strdup (paraat_action_get_title (action));
}

static char *
owner_text (ParaatAction *action)
{
  return g_strdup (paraat_action_get_owner_name (action));
}

/* Overdue is said in words next to the date, so it does not rest on colour. */
static char *
due_text (ParaatAction *action)
{
  int days = paraat_action_get_days_overdue (action);

  if (!paraat_action_is_overdue (action))
    return g_strdup (paraat_action_get_due_date (action));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d day overdue",
                                       "%s · %d days overdue", days),
                          paraat_action_get_due_date (action), days);
}

static char *
status_text (ParaatAction *action)
{
  return g_strdup (paraat_action_status_label (paraat_action_get_status (action)));
}

static char *
priority_text (ParaatAction *action)
{
  return g_strdup (paraat_priority_label (paraat_action_get_priority (action)));
}

static char *
source_text (ParaatAction *action)
{
  return g_strdup (paraat_action_source_label (paraat_action_get_source (action)));
}

static char *
frameworks_text (ParaatAction *action)
{
  return g_strdup (paraat_action_get_framework_keys (action));
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (user_data == due_text)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("alarm-symbolic");
      gtk_widget_add_css_class (icon, "error");
      gtk_box_append (GTK_BOX (box), icon);
      g_object_set_data (G_OBJECT (box), "icon", icon);
    }
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (box), "label", label);
  gtk_list_item_set_child (item, box);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  ParaatAction *action = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = g_object_get_data (G_OBJECT (box), "icon");
  g_autofree char *text = ((CellText) user_data) (action);

  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "label"), text);
  gtk_widget_set_tooltip_text (g_object_get_data (G_OBJECT (box), "label"), text);
  if (icon != NULL)
    gtk_widget_set_visible (icon, paraat_action_is_overdue (action));
}

typedef int (*Compare) (ParaatAction *a, ParaatAction *b);

static int
compare_by (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  return ((Compare) user_data) ((ParaatAction *) a, (ParaatAction *) b);
}

static int
compare_title (ParaatAction *a, ParaatAction *b)
{
  return g_utf8_collate (paraat_action_get_title (a), paraat_action_get_title (b));
}

static int
compare_owner (ParaatAction *a, ParaatAction *b)
{
  return g_utf8_collate (paraat_action_get_owner_name (a), paraat_action_get_owner_name (b));
}

static int
compare_due (ParaatAction *a, ParaatAction *b)
{
  return g_strcmp0 (paraat_action_get_due_date (a), paraat_action_get_due_date (b));
}

static int
compare_status (ParaatAction *a, ParaatAction *b)
{
  return (int) paraat_action_get_status (a) - (int) paraat_action_get_status (b);
}

static int
compare_priority (ParaatAction *a, ParaatAction *b)
{
  return (int) paraat_action_get_priority (a) - (int) paraat_action_get_priority (b);
}

static int
compare_source (ParaatAction *a, ParaatAction *b)
{
  return (int) paraat_action_get_source (a) - (int) paraat_action_get_source (b);
}

static int
compare_frameworks (ParaatAction *a, ParaatAction *b)
{
  return g_strcmp0 (paraat_action_get_framework_keys (a), paraat_action_get_framework_keys (b));
}

/* The title takes what width is left. */
static void
add_column (ParaatActionsPage *self,
            const char        *title,
            CellText           text,
            Compare            compare,
            int                width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), text);
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), text);
  paraat_column_view_add (self->column_view, title, factory, compare_by, compare, width,
                          text == title_text);
}

static void
build_columns (ParaatActionsPage *self)
{
  add_column (self, _("Title"), title_text, compare_title, 280);
  add_column (self, _("Owner"), owner_text, compare_owner, 140);
  add_column (self, _("Due"), due_text, compare_due, 250);
  add_column (self, _("Status"), status_text, compare_status, 170);
  add_column (self, _("Priority"), priority_text, compare_priority, 90);
  add_column (self, _("Source"), source_text, compare_source, 150);
  add_column (self, _("Frameworks"), frameworks_text, compare_frameworks, 160);
}

/* Opening and creating */

static void
on_activate_cb (ParaatActionsPage *self,
                guint              position)
{
  g_autoptr(ParaatAction) action = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (action != NULL)
    gtk_window_present (GTK_WINDOW (paraat_action_dialog_new (GTK_WINDOW (root), self->workspace,
                                                              paraat_action_get_id (action))));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  ParaatActionsPage *self = PARAAT_ACTIONS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->workspace != NULL)
    gtk_window_present (GTK_WINDOW (paraat_action_dialog_new_action (GTK_WINDOW (root),
                                                                     self->workspace, NULL)));
}

/* Bulk changes on the selection */

static GArray *
selected_ids (ParaatActionsPage *self)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, set, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(ParaatAction) action = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      gint64 id = paraat_action_get_id (action);
      g_array_append_val (ids, id);
    }
  return ids;
}

static void
on_selection_changed_cb (ParaatActionsPage *self)
{
  g_autoptr(GArray) ids = selected_ids (self);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action selected",
                                                        "%u actions selected", ids->len), ids->len);

  gtk_label_set_label (self->selection_label, text);
  gtk_revealer_set_reveal_child (self->bulk_revealer, ids->len > 0);
}

typedef enum
{
  BULK_REASSIGN,
  BULK_DUE,
  BULK_QUARTER,
} BulkKind;

typedef struct
{
  ParaatActionsPage *self;
  BulkKind           kind;
  GArray            *ids;
  GArray            *people;
  AdwComboRow       *owner;
  GtkEditable       *first;
  GtkEditable       *second;
} BulkRequest;

static void
bulk_request_free (BulkRequest *request)
{
  g_object_unref (request->self);
  g_array_unref (request->ids);
  g_array_unref (request->people);
  g_free (request);
}

static void
bulk_request_notify (gpointer  data,
                     GClosure *closure)
{
  bulk_request_free (data);
}

static gboolean
apply_bulk (BulkRequest  *request,
            GError      **error)
{
  ParaatWorkspace *ws = request->self->workspace;
  const gint64 *ids = (const gint64 *) (gpointer) request->ids->data;
  guint n = request->ids->len;

  switch (request->kind)
    {
    case BULK_REASSIGN:
      return paraat_workspace_reassign_actions (ws, ids, n,
                                                paraat_person_choice_get_id (request->people,
                                                                             adw_combo_row_get_selected (request->owner)),
                                                error);
    case BULK_DUE:
      return paraat_workspace_move_actions_due (ws, ids, n, gtk_editable_get_text (request->first),
                                                gtk_editable_get_text (request->second), error);
    case BULK_QUARTER:
    default:
      return paraat_workspace_move_actions_to_quarter (ws, ids, n,
                                                       gtk_editable_get_text (request->first), error);
    }
}

static void
on_bulk_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     BulkRequest      *request)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "apply"))
    return;
  if (!apply_bulk (request, &error))
    toast (request->self, error->message);
  else
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (request->self->selection));
}

static GtkEditable *
add_field (GtkListBox *list,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_list_box_append (list, row);
  return GTK_EDITABLE (row);
}

static GtkWidget *
bulk_fields (BulkRequest *request)
{
  GtkWidget *list = gtk_list_box_new ();
  ParaatActionsPage *self = request->self;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  switch (request->kind)
    {
    case BULK_REASSIGN:
      {
        guint position;
        g_autoptr(GtkStringList) names = paraat_person_choices_new (self->workspace, _("Choose a person"),
                                                                    0, request->people, &position);
        GtkWidget *row = adw_combo_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("New owner"));
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
        request->owner = ADW_COMBO_ROW (row);
        gtk_list_box_append (GTK_LIST_BOX (list), row);
        break;
      }
    case BULK_DUE:
      request->first = add_field (GTK_LIST_BOX (list), _("New due date (YYYY-MM-DD)"), self->soon);
      request->second = add_field (GTK_LIST_BOX (list), _("Reason for the move"), NULL);
      break;
    case BULK_QUARTER:
    default:
      request->first = add_field (GTK_LIST_BOX (list), _("Quarter, for example 2026-Q3; empty to unplan"), NULL);
      break;
    }
  return list;
}

static void
bulk_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ParaatActionsPage *self = PARAAT_ACTIONS_PAGE (widget);
  BulkRequest *request = g_new0 (BulkRequest, 1);
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  request->self = g_object_ref (self);
  request->ids = selected_ids (self);
  request->people = g_array_new (FALSE, FALSE, sizeof (gint64));
  request->kind = g_str_equal (action_name, "actions.bulk-reassign") ? BULK_REASSIGN
                : g_str_equal (action_name, "actions.bulk-due") ? BULK_DUE : BULK_QUARTER;
  if (request->ids->len == 0)
    {
      bulk_request_free (request);
      return;
    }

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Change %u Action", "Change %u Actions",
                                          request->ids->len), request->ids->len);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       heading, NULL));
  adw_message_dialog_set_extra_child (dialog, bulk_fields (request));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "apply", _("_Apply"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "apply");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_bulk_response_cb), request,
                         bulk_request_notify, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Export */

static void
on_export_response_cb (ParaatActionsPage *self,
                       int                response)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser))) &&
      (path = g_file_get_path (file)))
    {
      if (!paraat_workspace_export_deadlines (self->workspace, path, &error))
        toast (self, error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          done = g_strdup_printf (_("Deadlines saved to “%s”"), name);
          toast (self, done);
        }
    }
  g_clear_object (&self->chooser);
}

static void
export_deadlines (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  ParaatActionsPage *self = PARAAT_ACTIONS_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->workspace == NULL || self->chooser != NULL)
    return;
  self->chooser = paraat_file_chooser_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                           _("Export Deadlines"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                           _("_Export"), G_CALLBACK (on_export_response_cb), self);
  gtk_file_filter_set_name (filter, _("Calendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* Translators: the suggested file name of the exported deadlines */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("deadlines.ics"));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Setup */

static void
fill_source_choices (ParaatActionsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char *[]) { _("All sources"), NULL });

  for (guint s = 0; s < PARAAT_N_SOURCES; s++)
    gtk_string_list_append (names, paraat_action_source_label ((ParaatActionSource) s));
  gtk_drop_down_set_model (self->source_dropdown, G_LIST_MODEL (names));
}

static void
build_model (ParaatActionsPage *self)
{
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;

  self->all = g_list_store_new (PARAAT_TYPE_ACTION);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_func, self, NULL));
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->all)),
                                        g_object_ref (self->filter));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect_swapped (self->selection, "items-changed",
                            G_CALLBACK (on_selection_changed_cb), self);
}

static void
connect_filters (ParaatActionsPage *self)
{
  GtkToggleButton *toggles[] = { self->mine_toggle, self->overdue_toggle, self->soon_toggle,
                                 self->review_toggle, self->high_toggle };
  GtkDropDown *dropdowns[] = { self->show_dropdown, self->owner_dropdown, self->plan_dropdown,
                               self->source_dropdown };

  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    g_signal_connect_swapped (toggles[i], "toggled", G_CALLBACK (refilter), self);
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    g_signal_connect_swapped (dropdowns[i], "notify::selected", G_CALLBACK (refilter), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (refilter), self);
}

/* Shows only the overdue actions, as the sidebar's count and a notification lead here. */
void
paraat_actions_page_show_overdue (ParaatActionsPage *self)
{
  g_return_if_fail (PARAAT_IS_ACTIONS_PAGE (self));

  gtk_stack_set_visible_child_name (self->views, "tracker");
  gtk_drop_down_set_selected (self->show_dropdown, SHOW_ACTIVE);
  gtk_toggle_button_set_active (self->overdue_toggle, TRUE);
}

static void
paraat_actions_page_dispose (GObject *object)
{
  ParaatActionsPage *self = PARAAT_ACTIONS_PAGE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_ACTIONS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->all);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->plan_keys, g_ptr_array_unref);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->soon, g_free);

  G_OBJECT_CLASS (paraat_actions_page_parent_class)->dispose (object);
}

static void
paraat_actions_page_class_init (ParaatActionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_actions_page_dispose;

  g_type_ensure (PARAAT_TYPE_ESCALATION_VIEW);
  g_type_ensure (PARAAT_TYPE_PLAN_VIEW);
  g_type_ensure (PARAAT_TYPE_EXPORT_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-actions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatActionsPage, export_button);
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ParaatActionsPage, name)
  BIND (views);
  BIND (search_entry);
  BIND (mine_toggle);
  BIND (overdue_toggle);
  BIND (soon_toggle);
  BIND (review_toggle);
  BIND (high_toggle);
  BIND (show_dropdown);
  BIND (owner_dropdown);
  BIND (plan_dropdown);
  BIND (source_dropdown);
  BIND (summary_label);
  BIND (list_stack);
  BIND (column_view);
  BIND (bulk_revealer);
  BIND (selection_label);
  BIND (escalation_view);
  BIND (plan_view);
#undef BIND

  gtk_widget_class_install_action (widget_class, "actions.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "actions.bulk-reassign", NULL, bulk_action);
  gtk_widget_class_install_action (widget_class, "actions.bulk-due", NULL, bulk_action);
  gtk_widget_class_install_action (widget_class, "actions.bulk-quarter", NULL, bulk_action);
  gtk_widget_class_install_action (widget_class, "actions.export-deadlines", NULL, export_deadlines);
}

static void
paraat_actions_page_init (ParaatActionsPage *self)
{
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->plan_keys = g_ptr_array_new_with_free_func (g_free);
  update_dates (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  build_columns (self);
  build_model (self);
  fill_source_choices (self);
  connect_filters (self);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (on_activate_cb), self);
  paraat_reload_on_map (GTK_WIDGET (self), (ParaatReloadFunc) reload);
}
