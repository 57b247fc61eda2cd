/* ui-util.h — driving real windows in the UI tests: waiting, finding widgets, opening the
 * demo workspace as a person
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "paraat-actor-dialog.h"
#include "paraat-application.h"
#include "paraat-demo.h"
#include "paraat-window.h"
#include "paraat-workspace.h"
#include "paraat-workspace-view.h"

G_BEGIN_DECLS

extern ParaatApplication *app;

typedef gboolean (*Predicate) (gpointer data);
typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);

void wait_until (Predicate predicate, gpointer data);
void spin (guint ms);
GtkWidget * find_widget (GtkWidget *root, WidgetMatch match, gconstpointer data);
gboolean is_of_type (GtkWidget *widget, gconstpointer type);
gboolean has_style (GtkWidget *widget, gconstpointer css_class);
gboolean is_row_titled (GtkWidget *widget, gconstpointer title);
gboolean is_shown_button (GtkWidget *widget, gconstpointer tooltip);
gboolean is_labelled_button (GtkWidget *widget, gconstpointer label);
gboolean is_label_with_text (GtkWidget *widget, gconstpointer text);
gboolean is_label_starting (GtkWidget *widget, gconstpointer prefix);
GtkWindow * find_toplevel (GType type);
gboolean toplevel_exists (gpointer type);
gboolean toplevel_gone (gpointer type);
GtkWindow * wait_for_toplevel (GType type);
gboolean window_shows_workspace (gpointer window);
gboolean window_shows_welcome (gpointer window);
void set_entry (GtkWidget *root, const char *title, const char *text);
void select_combo (GtkWidget *root, const char *title, const char *item);
void close_all_windows (void);
/* Clicks the button labelled LABEL in the message dialog that is, or is about to be, shown */
void answer_prompt (const char *label);
gint64 person_id (ParaatWorkspace *ws, const char *name);
char * make_demo (const char *dir);
ParaatWindow * open_as (const char *path, const char *person);
ParaatWorkspaceView * get_view (ParaatWindow *window);
/* Shows the page NAME (built when first shown) and returns it, a TYPE */
GtkWidget *view_page (ParaatWorkspaceView *view, const char *name, GType type);
/* Emits KEYVAL to WINDOW's key controllers, as a key press would; TRUE when handled */
gboolean press_key (GtkWidget *window, guint keyval);
gboolean ui_test_init (int *argc, char ***argv);
int ui_test_run (void);
const char *last_notification_body (void);
void forget_notifications (void);

#define find_descendant(root, type) find_widget (root, is_of_type, GSIZE_TO_POINTER (type))
#define find_styled(root, css_class) find_widget (root, has_style, css_class)
#define find_row(root, title) find_widget (root, is_row_titled, title)
#define find_button(root, tooltip) find_widget (root, is_shown_button, tooltip)

G_END_DECLS
