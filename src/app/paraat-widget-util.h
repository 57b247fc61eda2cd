/* paraat-widget-util.h — small helpers the pages and dialogs share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "paraat-requirement.h"
#include "paraat-risk.h"
#include "paraat-workspace.h"

G_BEGIN_DECLS

char          *paraat_text_view_dup_text     (GtkTextView     *view);
gboolean       paraat_contains_folded        (const char      *haystack,
                                              const char      *folded_needle);
GtkWidget     *paraat_row_add_label          (GtkBox          *box,
                                              GtkWidget       *row,
                                              const char      *key,
                                              const char      *css_class);
GtkStringList *paraat_person_choices_new     (ParaatWorkspace *workspace,
                                              const char      *none_label,
                                              gint64           selected_id,
                                              GArray          *ids,
                                              guint           *selected_position);
gint64         paraat_person_choice_get_id   (GArray          *ids,
                                              guint            position);
GtkWidget     *paraat_person_check_row_new   (ParaatPerson    *person,
                                              const char      *subtitle,
                                              GtkWidget      **check);
gint64         paraat_person_check_get_id    (GtkCheckButton  *check);
GArray        *paraat_person_checks_get_ids  (GPtrArray       *checks);

GtkFileChooserNative *paraat_file_chooser_new (GtkWindow            *parent,
                                               const char           *title,
                                               GtkFileChooserAction  action,
                                               const char           *accept_label,
                                               GCallback             on_response,
                                               gpointer              instance);

GtkWidget     *paraat_wrapped_label_new      (const char      *text,
                                              const char      *css_class);
void           paraat_label_show_error       (GtkLabel        *label,
                                              const char      *message,
                                              GtkWidget       *field);
/* A toast saying TEXT as it is: a toast's title is markup, and file names and titles may
 * hold & or < */
AdwToast      *paraat_toast_new              (const char      *text);
void           paraat_show_message           (GtkWindow       *parent,
                                              const char      *heading,
                                              const char      *body);
void           paraat_confirm_remove         (GtkWindow       *parent,
                                              const char      *heading,
                                              const char      *body,
                                              GCallback        on_response,
                                              gpointer         instance);
const char    *paraat_scope_kind_heading     (ParaatScopeKind  kind);

ParaatRequirement *paraat_requirement_entry_lookup (GtkEditable     *entry,
                                                    GtkLabel        *error_label,
                                                    ParaatWorkspace *workspace);
void               paraat_requirement_entry_done   (GtkEditable     *entry,
                                                    GtkLabel        *error_label,
                                                    GtkPopover      *popover);
gboolean           paraat_requirement_entry_add    (GtkEditable     *entry,
                                                    GtkLabel        *error_label,
                                                    GtkPopover      *popover,
                                                    ParaatWorkspace *workspace,
                                                    GArray          *ids);

void           paraat_list_box_clear         (GtkListBox      *list);

/* Links edited in a dialog and saved with it: an array of gint64 ids, listed as rows with a
 * remove button that carries the id */
gboolean       paraat_ids_add                (GArray          *ids,
                                              gint64           id);
void           paraat_ids_remove             (GArray          *ids,
                                              gint64           id);
GtkWidget     *paraat_remove_button_new      (const char      *name,
                                              gint64           id,
                                              GCallback        on_clicked,
                                              gpointer         instance);
gint64         paraat_remove_button_get_id   (GtkButton       *button);
void           paraat_requirement_list_fill  (GtkListBox      *list,
                                              ParaatWorkspace *workspace,
                                              GArray          *ids,
                                              GCallback        on_remove,
                                              gpointer         instance);

/* Pages that list from the workspace, and read it again only while shown */
typedef void (*ParaatReloadFunc) (gpointer widget);

void           paraat_page_set_workspace     (GtkWidget         *page,
                                              ParaatWorkspace  **slot,
                                              ParaatWorkspace   *workspace,
                                              GCallback          on_changed);

gboolean       paraat_follow_workspace       (GtkWidget         *widget,
                                              ParaatWorkspace  **slot,
                                              ParaatWorkspace   *workspace,
                                              GCallback          on_changed);
void           paraat_reload_on_map          (GtkWidget         *widget,
                                              ParaatReloadFunc   reload);
void           paraat_queue_reload           (GtkWidget         *widget);
void           paraat_reload_if_stale        (GtkWidget         *widget);

/* Tables of items: a column view, and filters that follow the data */
typedef gint64 (*ParaatOwnerIdFunc) (gpointer item);

void           paraat_column_view_add        (GtkColumnView      *view,
                                              const char         *title,
                                              GtkListItemFactory *factory,
                                              GCompareDataFunc    compare,
                                              gpointer            compare_data,
                                              int                 width,
                                              gboolean            expand);
void           paraat_owner_dropdown_fill    (GtkDropDown        *dropdown,
                                              GArray             *owner_ids,
                                              GListModel         *items,
                                              ParaatOwnerIdFunc   get_owner_id,
                                              ParaatWorkspace    *workspace);

/* One window per item: opens the window of item ID, as paraat_review_window_new() does */
typedef gpointer (*ParaatWindowOpenFunc) (GtkWindow        *parent,
                                          ParaatWorkspace  *workspace,
                                          gint64            id,
                                          GError          **error);

GHashTable    *paraat_window_table_new       (void);
void           paraat_window_table_present   (GHashTable           *windows,
                                              gint64                id,
                                              GtkWidget            *opener,
                                              ParaatWorkspace      *workspace,
                                              ParaatWindowOpenFunc  open,
                                              const char           *error_heading);
void           paraat_window_table_free      (GHashTable           *windows);

/* An exception's state in words, "Expired 12 days ago" or "Expires in 9 days"; ICON_NAME
 * receives an icon for the expired and expiring ones, NULL for the others. */
char          *paraat_exception_dup_state_text (ParaatException  *exception,
                                                const char      **icon_name);

G_END_DECLS
