/* paraat-widget-util.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "paraat-clock.h"
#include "paraat-framework.h"
#include "paraat-widget-util.h"

char *
paraat_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Case-insensitive search, as the search fields do it. */
gboolean
paraat_contains_folded (const char *haystack,
                        const char *folded_needle)
{
  g_autofree char *folded = haystack ? g_utf8_casefold (haystack, -1) : NULL;

  return folded != NULL && strstr (folded, folded_needle) != NULL;
}

/* An ellipsizing label appended to BOX and reachable from ROW under KEY at bind time. */
GtkWidget *
paraat_row_add_label (GtkBox     *box,
                      GtkWidget  *row,
                      const char *key,
                      const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
  g_object_set_data (G_OBJECT (row), key, label);
  return label;
}

/* The directory as choices for an owner field: NONE_LABEL first, then every person, whose
 * ids are stored in IDS in the same order. */
GtkStringList *
paraat_person_choices_new (ParaatWorkspace *workspace,
                           const char      *none_label,
                           gint64           selected_id,
                           GArray          *ids,
                           guint           *selected_position)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  GListModel *people = paraat_workspace_get_people (workspace);

  g_array_set_size (ids, 0);
  *selected_position = 0;
  gtk_string_list_append (names, none_label);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ParaatPerson) person = g_list_model_get_item (people, i);
      gint64 id = paraat_person_get_id (person);

      gtk_string_list_append (names, paraat_person_get_name (person));
      g_array_append_val (ids, id);
      if (id == selected_id)
        *selected_position = i + 1;
    }
  return names;
}

/* 0 for the "none" choice or a position out of range. */
gint64
paraat_person_choice_get_id (GArray *ids,
                             guint   position)
{
  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > ids->len)
    return 0;
  return g_array_index (ids, gint64, position - 1);
}

#define PERSON_ID_KEY "person-id"

/* A row to tick PERSON among several, such as a meeting's attendees; its check box, returned
 * in CHECK, knows the person's id. */
GtkWidget *
paraat_person_check_row_new (ParaatPerson  *person,
                             const char    *subtitle,
                             GtkWidget    **check)
{
  GtkWidget *row = adw_action_row_new ();
  gint64 id = paraat_person_get_id (person);

  *check = gtk_check_button_new ();
  gtk_widget_set_valign (*check, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (*check), PERSON_ID_KEY, g_memdup2 (&id, sizeof id), g_free);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), paraat_person_get_name (person));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), *check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *check);
  return row;
}

gint64
paraat_person_check_get_id (GtkCheckButton *check)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (check), PERSON_ID_KEY);
}

/* The ids of the people ticked among CHECKS, in the order of CHECKS. */
GArray *
paraat_person_checks_get_ids (GPtrArray *checks)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);
      gint64 id = paraat_person_check_get_id (check);

      if (gtk_check_button_get_active (check))
        g_array_append_val (ids, id);
    }
  return ids;
}

/* A modal native file chooser whose response goes to ON_RESPONSE with INSTANCE first; the
 * caller adds filters or a name, shows it and keeps the reference until the response. */
GtkFileChooserNative *
paraat_file_chooser_new (GtkWindow            *parent,
                         const char           *title,
                         GtkFileChooserAction  action,
                         const char           *accept_label,
                         GCallback             on_response,
                         gpointer              instance)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent, action,
                                                               accept_label, _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", on_response, instance, G_CONNECT_SWAPPED);
  return chooser;
}

/* A label for running text: it wraps, also inside long identifiers and paths. */
GtkWidget *
paraat_wrapped_label_new (const char *text,
                          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The core says what is wrong; FIELD, when given, is the one it is about, marked so the eye
 * finds it. */
void
paraat_label_show_error (GtkLabel   *label,
                         const char *message,
                         GtkWidget  *field)
{
  gtk_label_set_label (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  if (field != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_widget_grab_focus (field);
    }
}

AdwToast *
paraat_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  return adw_toast_new (escaped);
}

/* A message the user only acknowledges, such as why something could not be done. */
void
paraat_show_message (GtkWindow  *parent,
                     const char *heading,
                     const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Asks before a removal; ON_RESPONSE gets INSTANCE and the response, "remove" or "cancel". */
void
paraat_confirm_remove (GtkWindow  *parent,
                       const char *heading,
                       const char *body,
                       GCallback   on_response,
                       gpointer    instance)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", on_response, instance, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The heading of a group of scope items of KIND */
const char *
paraat_scope_kind_heading (ParaatScopeKind kind)
{
  switch (kind)
    {
    case PARAAT_SCOPE_SUPPLIER: return _("Suppliers");
    case PARAAT_SCOPE_LOCATION: return _("Locations");
    case PARAAT_SCOPE_PROCESS: return _("Processes");
    case PARAAT_SCOPE_ROLE: return _("Roles");
    case PARAAT_SCOPE_SYSTEM:
    case PARAAT_N_SCOPE_KINDS:
    default: return _("Systems");
    }
}

/* Finds KEY in the enabled frameworks, ISO before NIS2 before imported ones. */
static ParaatRequirement *
find_enabled_requirement (ParaatWorkspace *workspace,
                          const char      *key)
{
  GListModel *frameworks = paraat_workspace_get_frameworks (workspace);

  for (guint i = 0; i < g_list_model_get_n_items (frameworks); i++)
    {
      g_autoptr(ParaatFramework) framework = g_list_model_get_item (frameworks, i);
      ParaatRequirement *found;

      if (!paraat_framework_get_enabled (framework))
        continue;
      found = paraat_workspace_find_requirement (workspace, paraat_framework_get_key (framework),
                                                 key, NULL);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The requirement whose identifier ("A.5.15") is typed in ENTRY; when no enabled framework
 * has one, ERROR_LABEL says so and NULL is returned. */
ParaatRequirement *
paraat_requirement_entry_lookup (GtkEditable     *entry,
                                 GtkLabel        *error_label,
                                 ParaatWorkspace *workspace)
{
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  ParaatRequirement *requirement = key[0] ? find_enabled_requirement (workspace, key) : NULL;

  if (requirement == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("No enabled framework has a requirement "
                                                     "“%s”. Check the identifier in its "
                                                     "register."), key);
      paraat_label_show_error (error_label, message, NULL);
    }
  return requirement;
}

/* The typed requirement was taken: ready the entry for the next one and close its popover. */
void
paraat_requirement_entry_done (GtkEditable *entry,
                               GtkLabel    *error_label,
                               GtkPopover  *popover)
{
  gtk_editable_set_text (entry, "");
  gtk_widget_set_visible (GTK_WIDGET (error_label), FALSE);
  gtk_popover_popdown (popover);
}

/* The requirement typed in ENTRY joins IDS, once; FALSE, with the reason under the entry,
 * when it names none. */
gboolean
paraat_requirement_entry_add (GtkEditable     *entry,
                              GtkLabel        *error_label,
                              GtkPopover      *popover,
                              ParaatWorkspace *workspace,
                              GArray          *ids)
{
  g_autoptr(ParaatRequirement) requirement =
    paraat_requirement_entry_lookup (entry, error_label, workspace);

  if (requirement == NULL)
    return FALSE;
  paraat_ids_add (ids, paraat_requirement_get_id (requirement));
  paraat_requirement_entry_done (entry, error_label, popover);
  return TRUE;
}

void
paraat_list_box_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

/* Returns FALSE when ID is linked already: a link is listed once */
gboolean
paraat_ids_add (GArray *ids,
                gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return FALSE;
  g_array_append_val (ids, id);
  return TRUE;
}

void
paraat_ids_remove (GArray *ids,
                   gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        g_array_remove_index (ids, i);
        return;
      }
}

/* An icon button, so NAME goes into its accessible label: a screen reader hears what goes */
GtkWidget *
paraat_remove_button_new (const char *name,
                          gint64      id,
                          GCallback   on_clicked,
                          gpointer    instance)
{
  g_autofree char *label = g_strdup_printf (_("Remove %s"), name);
  GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");

  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data_full (G_OBJECT (remove), "id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (remove, "clicked", on_clicked, instance, 0);
  return remove;
}

gint64
paraat_remove_button_get_id (GtkButton *button)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (button), "id");
}

static GtkWidget *
requirement_row_new (ParaatRequirement *requirement,
                     GCallback          on_remove,
                     gpointer           instance)
{
  g_autofree char *title = paraat_requirement_dup_display_name (requirement);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               paraat_requirement_get_framework_title (requirement));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             paraat_remove_button_new (title,
                                                       paraat_requirement_get_id (requirement),
                                                       on_remove, instance));
  return row;
}

/* The list is hidden while empty: an empty boxed list still draws its frame */
void
paraat_requirement_list_fill (GtkListBox      *list,
                              ParaatWorkspace *workspace,
                              GArray          *ids,
                              GCallback        on_remove,
                              gpointer         instance)
{
  paraat_list_box_clear (list);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(ParaatRequirement) requirement =
        paraat_workspace_get_requirement (workspace, g_array_index (ids, gint64, i), NULL);

      if (requirement != NULL)
        gtk_list_box_append (list, requirement_row_new (requirement, on_remove, instance));
    }
  gtk_widget_set_visible (GTK_WIDGET (list), ids->len > 0);
}

/* Pages that list from the workspace */

typedef struct
{
  ParaatReloadFunc reload;
  gboolean         stale;
} LazyReload;

#define LAZY_RELOAD_KEY "paraat-lazy-reload"

/* Swaps the workspace in *SLOT for WORKSPACE and follows its "changed" signal with
 * ON_CHANGED, swapped to WIDGET; FALSE when WORKSPACE is the one already there. */
gboolean
paraat_follow_workspace (GtkWidget        *widget,
                         ParaatWorkspace **slot,
                         ParaatWorkspace  *workspace,
                         GCallback         on_changed)
{
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, widget);
  if (!g_set_object (slot, workspace))
    return FALSE;
  if (workspace != NULL)
    g_signal_connect_object (workspace, "changed", on_changed, widget, G_CONNECT_SWAPPED);
  return TRUE;
}

/* For a page's set_workspace(): it reads the new workspace when next shown, but lets go of a
 * closed one at once, shown or not. */
void
paraat_page_set_workspace (GtkWidget        *page,
                           ParaatWorkspace **slot,
                           ParaatWorkspace  *workspace,
                           GCallback         on_changed)
{
  if (!paraat_follow_workspace (page, slot, workspace, on_changed))
    return;
  paraat_queue_reload (page);
  if (workspace == NULL)
    paraat_reload_if_stale (page);
}

/* WIDGET lists from the workspace with RELOAD, but only while it is shown: answers and minutes
 * are saved as they are typed, and every page behind the window need not read them again on
 * each key press. */
void
paraat_reload_on_map (GtkWidget        *widget,
                      ParaatReloadFunc  reload)
{
  LazyReload *lazy = g_new0 (LazyReload, 1);

  lazy->reload = reload;
  g_object_set_data_full (G_OBJECT (widget), LAZY_RELOAD_KEY, lazy, g_free);
  g_signal_connect (widget, "map", G_CALLBACK (paraat_reload_if_stale), NULL);
}

/* The list is out of date: read it now if it is shown, otherwise when it is next mapped. */
void
paraat_queue_reload (GtkWidget *widget)
{
  LazyReload *lazy = g_object_get_data (G_OBJECT (widget), LAZY_RELOAD_KEY);

  lazy->stale = TRUE;
  if (gtk_widget_get_mapped (widget))
    paraat_reload_if_stale (widget);
}

void
paraat_reload_if_stale (GtkWidget *widget)
{
  LazyReload *lazy = g_object_get_data (G_OBJECT (widget), LAZY_RELOAD_KEY);

  if (!lazy->stale)
    return;
  lazy->stale = FALSE;
  lazy->reload (widget);
}

/* Tables of items */

/* Fixed widths keep the columns steady while filtering; the EXPAND one takes what is left.
 * Takes FACTORY. */
void
paraat_column_view_add (GtkColumnView      *view,
                        const char         *title,
                        GtkListItemFactory *factory,
                        GCompareDataFunc    compare,
                        gpointer            compare_data,
                        int                 width,
                        gboolean            expand)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare, compare_data, NULL));
  g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (title, factory);

  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
}

/* Filter choices follow the data: "All owners", then the people that own one of ITEMS, with
 * their ids in OWNER_IDS. The person chosen stays chosen while still an owner. */
void
paraat_owner_dropdown_fill (GtkDropDown       *dropdown,
                            GArray            *owner_ids,
                            GListModel        *items,
                            ParaatOwnerIdFunc  get_owner_id,
                            ParaatWorkspace   *workspace)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char *[]) { _("All owners"), NULL });
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GListModel *people = paraat_workspace_get_people (workspace);
  guint selected = gtk_drop_down_get_selected (dropdown);
  gint64 was = selected > 0 && selected <= owner_ids->len
               ? g_array_index (owner_ids, gint64, selected - 1) : 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      g_hash_table_add (seen, g_memdup2 (&(gint64) { get_owner_id (item) }, sizeof (gint64)));
    }
  g_array_set_size (owner_ids, 0);
  selected = 0;
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ParaatPerson) person = g_list_model_get_item (people, i);
      gint64 id = paraat_person_get_id (person);

      if (!g_hash_table_contains (seen, &id))
        continue;
      gtk_string_list_append (names, paraat_person_get_name (person));
      g_array_append_val (owner_ids, id);
      if (id == was)
        selected = owner_ids->len;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, selected);
}

/* One window per item */

/* Windows open for items, by item id, so that opening an item again presents its window
 * instead of a second one; a window is forgotten when it is destroyed. */
GHashTable *
paraat_window_table_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
on_window_gone_cb (gpointer  windows,
                   GObject  *where_the_window_was)
{
  GHashTableIter iter;
  gpointer window;

  g_hash_table_iter_init (&iter, windows);
  while (g_hash_table_iter_next (&iter, NULL, &window))
    if (window == (gpointer) where_the_window_was)
      g_hash_table_iter_remove (&iter);
}

/* Presents the window of item ID, opening it with OPEN over OPENER's window when it is not
 * open yet; when it cannot be opened, ERROR_HEADING and the reason are shown instead. */
void
paraat_window_table_present (GHashTable           *windows,
                             gint64                id,
                             GtkWidget            *opener,
                             ParaatWorkspace      *workspace,
                             ParaatWindowOpenFunc  open,
                             const char           *error_heading)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (opener));
  GtkWindow *window = g_hash_table_lookup (windows, &id);
  g_autoptr(GError) error = NULL;

  if (window == NULL)
    {
      if (!(window = open (parent, workspace, id, &error)))
        {
          paraat_show_message (parent, error_heading, error->message);
          return;
        }
      g_hash_table_insert (windows, g_memdup2 (&id, sizeof id), window);
      g_object_weak_ref (G_OBJECT (window), on_window_gone_cb, windows);
    }
  gtk_window_present (window);
}

static void
forget_window (gpointer id,
               gpointer window,
               gpointer windows)
{
  g_object_weak_unref (window, on_window_gone_cb, windows);
}

/* The windows stay open; only the table goes. */
void
paraat_window_table_free (GHashTable *windows)
{
  g_hash_table_foreach (windows, forget_window, windows);
  g_hash_table_unref (windows);
}

/* Exceptions */

static gboolean
parse_day (const char *text,
           GDate      *date)
{
  guint year, month, day;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* Days from today (by the workspace clock) to TEXT, a "YYYY-MM-DD" date. */
static gboolean
days_from_today (const char *text,
                 int        *days)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (paraat_clock_now_ms () / 1000);
  GDate today, date;

  if (!parse_day (text, &date))
    return FALSE;
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  *days = g_date_days_between (&today, &date);
  return TRUE;
}

static char *
describe_expired (int days_ago)
{
  if (days_ago <= 0)
    return g_strdup (_("Expired today"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Expired %d day ago",
                                       "Expired %d days ago", days_ago), days_ago);
}

static char *
describe_expiring (int days)
{
  if (days <= 0)
    return g_strdup (_("Expires today"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Expires in %d day",
                                       "Expires in %d days", days), days);
}

char *
paraat_exception_dup_state_text (ParaatException  *exception,
                                 const char      **icon_name)
{
  const char *expiry = paraat_exception_get_expiry_date (exception);
  const char *start = paraat_exception_get_start_date (exception);
  int days = 0;

  *icon_name = NULL;
  switch (paraat_exception_get_state (exception))
    {
    case PARAAT_EXCEPTION_EXPIRED:
      *icon_name = "dialog-warning-symbolic";
      if (!days_from_today (expiry, &days))
        return g_strdup (paraat_exception_state_label (PARAAT_EXCEPTION_EXPIRED));
      return describe_expired (-days);
    case PARAAT_EXCEPTION_EXPIRING:
      *icon_name = "alarm-symbolic";
      if (!days_from_today (expiry, &days))
        return g_strdup (paraat_exception_state_label (PARAAT_EXCEPTION_EXPIRING));
      return describe_expiring (days);
    case PARAAT_EXCEPTION_NOT_STARTED:
      /* Translators: an exception that is approved but not in force yet */
      return g_strdup_printf (_("Starts on %s"), start);
    case PARAAT_EXCEPTION_VALID:
    default:
      return g_strdup_printf (_("Valid until %s"), expiry);
    }
}
