/* paraat-workspace-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-action.h"
#include "paraat-actions-page.h"
#include "paraat-check.h"
#include "paraat-dashboard-page.h"
#include "paraat-exceptions-page.h"
#include "paraat-clock.h"
#include "paraat-evidence-page.h"
#include "paraat-framework.h"
#include "paraat-frameworks-dialog.h"
#include "paraat-people-page.h"
#include "paraat-register-page.h"
#include "paraat-reviews-page.h"
#include "paraat-risk.h"
#include "paraat-risks-page.h"
#include "paraat-scans-page.h"
#include "paraat-scope-page.h"
#include "paraat-settings-dialog.h"
#include "paraat-trail-page.h"
#include "paraat-workspace-view.h"

struct _ParaatWorkspaceView
{
  AdwBin           parent_instance;

  /* Template widgets */
  AdwLeaflet      *leaflet;
  GtkWidget       *content;
  AdwWindowTitle  *sidebar_title;
  AdwWindowTitle  *content_title;
  GtkListBox      *sidebar_list;
  AdwAvatar       *actor_avatar;
  GtkLabel        *actor_label;
  GtkRevealer     *trail_banner;
  GtkLabel        *trail_banner_label;
  GtkStack        *pages;
  ParaatDashboardPage *dashboard_page;

  /* Owned references */
  ParaatWorkspace *workspace;
  GCancellable    *verify_cancellable;
  GSignalGroup    *workspace_signals;
  GSignalGroup    *framework_signals;
  char            *deadline_summary;
  guint            deadline_timer;
};

/* Deadlines are summarised when a workspace opens and every hour while it is open. */
#define DEADLINE_INTERVAL_S 3600
#define DEADLINE_SOON_DAYS  14

G_DEFINE_FINAL_TYPE (ParaatWorkspaceView, paraat_workspace_view, ADW_TYPE_BIN)

/* A count after the page's name, with an alarm icon when something is overdue; hidden
 * until set. */
static void
add_count (GtkWidget *row,
           GtkWidget *box)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("alarm-symbolic");
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_set_visible (icon, FALSE);
  gtk_widget_set_visible (count, FALSE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), count);
  g_object_set_data (G_OBJECT (row), "count-icon", icon);
  g_object_set_data (G_OBJECT (row), "count-label", count);
}

static GtkWidget *
create_sidebar_row (GtkStackPage *page)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (gtk_stack_page_get_title (page));

  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page)));
  gtk_box_append (GTK_BOX (box), label);
  add_count (row, box);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "page-name", g_strdup (gtk_stack_page_get_name (page)),
                          g_free);
  return row;
}

static void
append_sidebar_row (ParaatWorkspaceView *self,
                    const char          *name)
{
  GtkWidget *child = gtk_stack_get_child_by_name (self->pages, name);

  gtk_list_box_append (self->sidebar_list,
                       create_sidebar_row (gtk_stack_get_page (self->pages, child)));
}

/* A framework's register is built when it is first shown: each one takes some 25 ms, too
 * long to spend on every register while a workspace opens. Until then a placeholder
 * holds its place in the stack, carrying the framework's id. */
#define REGISTER_FRAMEWORK_ID "paraat-register-framework-id"

/* The other pages are built when first shown too (each takes milliseconds the first frame
 * is waiting for); until then the template holds an empty AdwBin under their name. */
static GType
page_type (const char *name)
{
  static const struct { const char *name; GType (*get_type) (void); } types[] = {
    { "actions", paraat_actions_page_get_type },
    { "scans", paraat_scans_page_get_type },
    { "reviews", paraat_reviews_page_get_type },
    { "risks", paraat_risks_page_get_type },
    { "exceptions", paraat_exceptions_page_get_type },
    { "scope", paraat_scope_page_get_type },
    { "evidence", paraat_evidence_page_get_type },
    { "people", paraat_people_page_get_type },
    { "trail", paraat_trail_page_get_type },
  };

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (name, types[i].name))
      return types[i].get_type ();
  return G_TYPE_INVALID;
}

static void
set_page_workspace (GtkWidget       *page,
                    ParaatWorkspace *workspace)
{
  if (PARAAT_IS_ACTIONS_PAGE (page))
    paraat_actions_page_set_workspace (PARAAT_ACTIONS_PAGE (page), workspace);
  else if (PARAAT_IS_SCANS_PAGE (page))
    paraat_scans_page_set_workspace (PARAAT_SCANS_PAGE (page), workspace);
  else if (PARAAT_IS_REVIEWS_PAGE (page))
    paraat_reviews_page_set_workspace (PARAAT_REVIEWS_PAGE (page), workspace);
  else if (PARAAT_IS_RISKS_PAGE (page))
    paraat_risks_page_set_workspace (PARAAT_RISKS_PAGE (page), workspace);
  else if (PARAAT_IS_EXCEPTIONS_PAGE (page))
    paraat_exceptions_page_set_workspace (PARAAT_EXCEPTIONS_PAGE (page), workspace);
  else if (PARAAT_IS_SCOPE_PAGE (page))
    paraat_scope_page_set_workspace (PARAAT_SCOPE_PAGE (page), workspace);
  else if (PARAAT_IS_EVIDENCE_PAGE (page))
    paraat_evidence_page_set_workspace (PARAAT_EVIDENCE_PAGE (page), workspace);
  else if (PARAAT_IS_PEOPLE_PAGE (page))
    paraat_people_page_set_workspace (PARAAT_PEOPLE_PAGE (page), workspace);
  else if (PARAAT_IS_TRAIL_PAGE (page))
    paraat_trail_page_set_workspace (PARAAT_TRAIL_PAGE (page), workspace);
}

static void
set_built_pages_workspace (ParaatWorkspaceView *self,
                           ParaatWorkspace     *workspace)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_page_workspace (child, workspace);
}

/* CHILD under the same name, title and icon as OLD, which it replaces */
static GtkWidget *
replace_page (ParaatWorkspaceView *self,
              GtkWidget           *old,
              GtkWidget           *child)
{
  GtkStackPage *page = gtk_stack_get_page (self->pages, old);
  g_autofree char *name = g_strdup (gtk_stack_page_get_name (page));
  g_autofree char *title = g_strdup (gtk_stack_page_get_title (page));
  g_autofree char *icon = g_strdup (gtk_stack_page_get_icon_name (page));

  gtk_stack_remove (self->pages, old);
  gtk_stack_page_set_icon_name (gtk_stack_add_titled (self->pages, child, name, title), icon);
  return child;
}

static GtkWidget *
ensure_page (ParaatWorkspaceView *self,
             GtkWidget           *child)
{
  GType type = page_type (gtk_stack_page_get_name (gtk_stack_get_page (self->pages, child)));
  GtkWidget *page;

  if (type == G_TYPE_INVALID || G_TYPE_CHECK_INSTANCE_TYPE (child, type))
    return child;
  page = g_object_new (type, NULL);
  set_page_workspace (page, self->workspace);
  return replace_page (self, child, page);
}

static gboolean
is_register_page (GtkWidget *child)
{
  return PARAAT_IS_REGISTER_PAGE (child) ||
         g_object_get_data (G_OBJECT (child), REGISTER_FRAMEWORK_ID) != NULL;
}

static GtkWidget *
register_placeholder_new (ParaatFramework *framework)
{
  GtkWidget *placeholder = adw_bin_new ();

  g_object_set_data_full (G_OBJECT (placeholder), REGISTER_FRAMEWORK_ID,
                          g_memdup2 (&(gint64) { paraat_framework_get_id (framework) },
                                     sizeof (gint64)), g_free);
  return placeholder;
}

static ParaatFramework *
find_framework (ParaatWorkspaceView *self,
                gint64               framework_id)
{
  GListModel *frameworks = paraat_workspace_get_frameworks (self->workspace);

  for (guint i = 0; i < g_list_model_get_n_items (frameworks); i++)
    {
      g_autoptr(ParaatFramework) framework = g_list_model_get_item (frameworks, i);
      if (paraat_framework_get_id (framework) == framework_id)
        return g_steal_pointer (&framework);
    }
  return NULL;
}

/* The register page in the placeholder's place */
static GtkWidget *
realize_register (ParaatWorkspaceView *self,
                  GtkWidget           *placeholder)
{
  const gint64 *id = g_object_get_data (G_OBJECT (placeholder), REGISTER_FRAMEWORK_ID);
  g_autoptr(ParaatFramework) framework = find_framework (self, *id);

  if (framework == NULL)
    return placeholder;
  return replace_page (self, placeholder,
                       GTK_WIDGET (paraat_register_page_new (self->workspace, framework)));
}

static GtkWidget *
find_sidebar_row (ParaatWorkspaceView *self,
                  const char          *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "page-name"), name) == 0)
      return row;
  return NULL;
}

/* The sidebar counts the active actions and says how many are overdue. */
static void
update_action_count (ParaatWorkspaceView *self)
{
  GtkWidget *row = find_sidebar_row (self, "actions");
  g_autoptr(GListModel) actions = NULL;
  g_autofree char *count = NULL;
  g_autofree char *overdue_text = NULL;
  guint active = 0, overdue = 0;
  GtkWidget *icon;

  if (row == NULL || self->workspace == NULL ||
      !(actions = paraat_workspace_list_actions (self->workspace, NULL)))
    return;
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(ParaatAction) action = g_list_model_get_item (actions, i);
      active += paraat_action_is_active (action);
      overdue += paraat_action_is_overdue (action);
    }
  count = g_strdup_printf ("%u", active);
  overdue_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u active action, %u overdue",
                                               "%u active actions, %u overdue", active),
                                  active, overdue);
  icon = g_object_get_data (G_OBJECT (row), "count-icon");
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "count-label"), count);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "count-label"), TRUE);
  gtk_widget_set_visible (icon, overdue > 0);
  gtk_widget_set_tooltip_text (row, overdue_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  overdue_text, -1);
}

/* Deadline notification */

/* Takes both; either may be NULL */
static char *
join_sentences (char *first,
                char *second)
{
  g_autofree char *a = first;
  g_autofree char *b = second;

  if (b == NULL)
    return g_steal_pointer (&a);
  if (a == NULL)
    return g_steal_pointer (&b);
  return g_strdup_printf ("%s %s", a, b);
}

static char *
deadline_text (guint overdue,
               guint due_soon)
{
  g_autofree char *late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue action",
                                                        "%u overdue actions", overdue), overdue);
  g_autofree char *soon = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action due within 14 days",
                                                        "%u actions due within 14 days", due_soon),
                                           due_soon);

  if (overdue > 0 && due_soon > 0)
    /* Translators: "You own 3 overdue actions and 2 actions due within 14 days." */
    return g_strdup_printf (_("You own %s and %s."), late, soon);
  if (overdue > 0 || due_soon > 0)
    /* Translators: "You own 3 overdue actions." */
    return g_strdup_printf (_("You own %s."), overdue > 0 ? late : soon);
  return NULL;
}

/* Exceptions the person approved or holds that have run out or soon will: they are
 * chased like deadlines. */
static char *
exceptions_text (ParaatWorkspaceView *self,
                 ParaatPerson        *actor)
{
  g_autoptr(GListModel) exceptions = paraat_workspace_list_exceptions (self->workspace, NULL);
  gint64 id = paraat_person_get_id (actor);
  guint expired = 0, expiring = 0;
  g_autofree char *ended = NULL;
  g_autofree char *ending = NULL;

  for (guint i = 0; exceptions && i < g_list_model_get_n_items (exceptions); i++)
    {
      g_autoptr(ParaatException) exception = g_list_model_get_item (exceptions, i);
      ParaatExceptionState state = paraat_exception_get_state (exception);

      if (paraat_exception_get_approver_id (exception) != id &&
          paraat_exception_get_person_id (exception) != id)
        continue;
      expired += state == PARAAT_EXCEPTION_EXPIRED;
      expiring += state == PARAAT_EXCEPTION_EXPIRING;
    }
  ended = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u exception you approved or hold has expired.",
                                        "%u exceptions you approved or hold have expired.", expired),
                           expired);
  ending = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u exception you approved or hold expires within 30 days.",
                                         "%u exceptions you approved or hold expire within 30 days.", expiring),
                            expiring);
  return join_sentences (expired ? g_steal_pointer (&ended) : NULL,
                         expiring ? g_steal_pointer (&ending) : NULL);
}

static char *
build_deadline_summary (ParaatWorkspaceView *self)
{
  ParaatPerson *actor = paraat_workspace_get_actor (self->workspace);
  g_autoptr(GListModel) actions = paraat_workspace_list_actions (self->workspace, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (paraat_clock_now_ms () / 1000);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, DEADLINE_SOON_DAYS);
  g_autofree char *soon = g_date_time_format (later, "%Y-%m-%d");
  guint overdue = 0, due_soon = 0;

  if (actor == NULL || actions == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(ParaatAction) action = g_list_model_get_item (actions, i);

      if (paraat_action_get_owner_id (action) != paraat_person_get_id (actor) ||
          !paraat_action_is_active (action))
        continue;
      if (paraat_action_is_overdue (action))
        overdue++;
      else if (g_strcmp0 (paraat_action_get_due_date (action), soon) <= 0)
        due_soon++;
    }
  return join_sentences (deadline_text (overdue, due_soon), exceptions_text (self, actor));
}

static gboolean
notify_deadlines (gpointer user_data)
{
  ParaatWorkspaceView *self = user_data;
  GApplication *app = g_application_get_default ();
  g_autofree char *id = NULL;
  g_autoptr(GNotification) notification = NULL;

  g_clear_pointer (&self->deadline_summary, g_free);
  if (self->workspace == NULL || !(self->deadline_summary = build_deadline_summary (self)))
    return G_SOURCE_CONTINUE;

  id = g_strdup_printf ("deadlines-%s", paraat_workspace_get_uuid (self->workspace));
  notification = g_notification_new (paraat_workspace_get_organisation (self->workspace));
  g_notification_set_body (notification, self->deadline_summary);
  g_notification_set_default_action_and_target (notification, "app.show-overdue", "s",
                                                 paraat_workspace_get_path (self->workspace));
  if (app != NULL)
    g_application_send_notification (app, id, notification);
  return G_SOURCE_CONTINUE;
}

/* The text of the last deadline notification, or NULL when there was nothing to say */
const char *
paraat_workspace_view_get_deadline_summary (ParaatWorkspaceView *self)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE_VIEW (self), NULL);
  return self->deadline_summary;
}

static void
start_deadline_notifications (ParaatWorkspaceView *self)
{
  g_clear_handle_id (&self->deadline_timer, g_source_remove);
  g_clear_pointer (&self->deadline_summary, g_free);
  if (self->workspace == NULL)
    return;
  notify_deadlines (self);
  self->deadline_timer = g_timeout_add_seconds (DEADLINE_INTERVAL_S, notify_deadlines, self);
}

void
paraat_workspace_view_show_overdue (ParaatWorkspaceView *self)
{
  g_return_if_fail (PARAAT_IS_WORKSPACE_VIEW (self));

  paraat_workspace_view_show_page (self, "actions");
  paraat_actions_page_show_overdue (PARAAT_ACTIONS_PAGE (
    gtk_stack_get_child_by_name (self->pages, "actions")));
}

static void
on_workspace_changed_cb (ParaatWorkspaceView *self,
                         const char          *object_type)
{
  if (g_str_equal (object_type, "action"))
    update_action_count (self);
}

/* The dashboard first, then one register page per enabled framework. */
static void
rebuild_registers (ParaatWorkspaceView *self)
{
  g_autofree char *visible = g_strdup (gtk_stack_get_visible_child_name (self->pages));
  GListModel *frameworks = self->workspace ? paraat_workspace_get_frameworks (self->workspace)
                                           : NULL;
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages));
  GtkWidget *row;

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      if (is_register_page (child))
        gtk_stack_remove (self->pages, child);
      child = next;
    }
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list))))
    gtk_list_box_remove (self->sidebar_list, row);

  append_sidebar_row (self, "dashboard");
  for (guint i = 0; frameworks && i < g_list_model_get_n_items (frameworks); i++)
    {
      g_autoptr(ParaatFramework) framework = g_list_model_get_item (frameworks, i);
      g_autofree char *name = NULL;
      GtkStackPage *page;

      if (!paraat_framework_get_enabled (framework))
        continue;
      name = g_strdup_printf ("register-%" G_GINT64_FORMAT, paraat_framework_get_id (framework));
      page = gtk_stack_add_titled (self->pages, register_placeholder_new (framework), name,
                                   paraat_framework_get_title (framework));
      gtk_stack_page_set_icon_name (page, "view-list-bullet-symbolic");
      append_sidebar_row (self, name);
    }
  append_sidebar_row (self, "actions");
  append_sidebar_row (self, "scans");
  append_sidebar_row (self, "reviews");
  append_sidebar_row (self, "risks");
  append_sidebar_row (self, "exceptions");
  append_sidebar_row (self, "scope");
  append_sidebar_row (self, "evidence");
  append_sidebar_row (self, "people");
  append_sidebar_row (self, "trail");

  if (visible != NULL && gtk_stack_get_child_by_name (self->pages, visible) != NULL)
    paraat_workspace_view_show_page (self, visible);
  update_action_count (self);
}

static void
select_sidebar_row (ParaatWorkspaceView *self,
                    const char          *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "page-name"), name) == 0)
        gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
    }
}

void
paraat_workspace_view_show_page (ParaatWorkspaceView *self,
                                 const char          *name)
{
  GtkWidget *child;

  g_return_if_fail (PARAAT_IS_WORKSPACE_VIEW (self));

  child = gtk_stack_get_child_by_name (self->pages, name);
  if (child == NULL)
    return;
  if (!PARAAT_IS_REGISTER_PAGE (child) && is_register_page (child))
    child = realize_register (self, child);
  child = ensure_page (self, child);

  gtk_stack_set_visible_child (self->pages, child);
  adw_window_title_set_title (self->content_title,
                              gtk_stack_page_get_title (gtk_stack_get_page (self->pages, child)));
  select_sidebar_row (self, name);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

const char *
paraat_workspace_view_get_page (ParaatWorkspaceView *self)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->pages);
}

/* The tamper warning shown above every page, or NULL while the trail is intact. */
const char *
paraat_workspace_view_get_trail_warning (ParaatWorkspaceView *self)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE_VIEW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->trail_banner))
    return NULL;
  return gtk_label_get_label (self->trail_banner_label);
}

static void
on_sidebar_row_activated_cb (ParaatWorkspaceView *self,
                             GtkListBoxRow       *row)
{
  paraat_workspace_view_show_page (self, g_object_get_data (G_OBJECT (row), "page-name"));
}

static void
update_titles (ParaatWorkspaceView *self)
{
  ParaatPerson *actor;

  if (self->workspace == NULL)
    return;

  actor = paraat_workspace_get_actor (self->workspace);
  adw_window_title_set_title (self->sidebar_title,
                              paraat_workspace_get_organisation (self->workspace));
  gtk_label_set_label (self->actor_label, actor ? paraat_person_get_name (actor) : "");
  adw_avatar_set_text (self->actor_avatar, actor ? paraat_person_get_name (actor) : NULL);
}

static void
on_verify_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ParaatWorkspaceView *self = user_data;
  g_autoptr(GError) error = NULL;
  ParaatTrailReport report;

  if (!paraat_check_verify_trail_finish (result, &report, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_label_set_label (self->trail_banner_label, error->message);
      gtk_revealer_set_reveal_child (self->trail_banner, TRUE);
      return;
    }

  if (report.problem != NULL)
    {
      g_autofree char *text =
        g_strdup_printf (_("The audit trail has been tampered with. %s Treat this workspace's "
                           "history as unreliable and restore a trusted copy."), report.problem);
      gtk_label_set_label (self->trail_banner_label, text);
    }
  gtk_revealer_set_reveal_child (self->trail_banner, report.problem != NULL);
  paraat_trail_report_clear (&report);
}

static void
start_verification (ParaatWorkspaceView *self)
{
  g_cancellable_cancel (self->verify_cancellable);
  g_clear_object (&self->verify_cancellable);

  gtk_revealer_set_reveal_child (self->trail_banner, FALSE);
  if (self->workspace == NULL)
    return;

  self->verify_cancellable = g_cancellable_new ();
  paraat_check_verify_trail_async (paraat_workspace_get_path (self->workspace),
                                   self->verify_cancellable, on_verify_done_cb, self);
}

void
paraat_workspace_view_set_workspace (ParaatWorkspaceView *self,
                                     ParaatWorkspace     *workspace)
{
  g_return_if_fail (PARAAT_IS_WORKSPACE_VIEW (self));

  if (!g_set_object (&self->workspace, workspace))
    return;

  g_signal_group_set_target (self->workspace_signals, workspace);
  g_signal_group_set_target (self->framework_signals,
                             workspace ? paraat_workspace_get_frameworks (workspace) : NULL);
  set_built_pages_workspace (self, workspace);
  paraat_dashboard_page_set_workspace (self->dashboard_page, workspace);
  update_titles (self);
  start_verification (self);
  start_deadline_notifications (self);

  rebuild_registers (self);
  if (workspace != NULL)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->sidebar_list, 0);
      paraat_workspace_view_show_page (self, g_object_get_data (G_OBJECT (first), "page-name"));
      adw_leaflet_set_visible_child (self->leaflet, self->content);
    }
}

ParaatWorkspace *
paraat_workspace_view_get_workspace (ParaatWorkspaceView *self)
{
  g_return_val_if_fail (PARAAT_IS_WORKSPACE_VIEW (self), NULL);
  return self->workspace;
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  paraat_workspace_view_show_page (PARAAT_WORKSPACE_VIEW (widget),
                                   g_variant_get_string (param, NULL));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ParaatWorkspaceView *self = PARAAT_WORKSPACE_VIEW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
settings_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  ParaatWorkspaceView *self = PARAAT_WORKSPACE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->workspace != NULL)
    gtk_window_present (GTK_WINDOW (paraat_settings_dialog_new (GTK_WINDOW (root),
                                                                self->workspace)));
}

static void
frameworks_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  ParaatWorkspaceView *self = PARAAT_WORKSPACE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->workspace != NULL)
    gtk_window_present (GTK_WINDOW (paraat_frameworks_dialog_new (GTK_WINDOW (root),
                                                                  self->workspace)));
}

static void
show_index_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  ParaatWorkspaceView *self = PARAAT_WORKSPACE_VIEW (widget);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list,
                                                      g_variant_get_int32 (param));

  if (row != NULL)
    paraat_workspace_view_show_page (self, g_object_get_data (G_OBJECT (row), "page-name"));
}

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_entry (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Ctrl+F goes to the search field of whichever page is shown. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ParaatWorkspaceView *self = PARAAT_WORKSPACE_VIEW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->pages);
  GtkWidget *entry = page ? find_search_entry (page) : NULL;

  if (entry != NULL)
    gtk_widget_grab_focus (entry);
}

static void
paraat_workspace_view_dispose (GObject *object)
{
  ParaatWorkspaceView *self = PARAAT_WORKSPACE_VIEW (object);

  g_cancellable_cancel (self->verify_cancellable);
  g_clear_object (&self->verify_cancellable);
  /* The leaflet is both a bound template child and the bin's child: let the bin drop it
   * first, so it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_WORKSPACE_VIEW);
  g_clear_handle_id (&self->deadline_timer, g_source_remove);
  g_clear_pointer (&self->deadline_summary, g_free);
  g_clear_object (&self->workspace_signals);
  g_clear_object (&self->framework_signals);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (paraat_workspace_view_parent_class)->dispose (object);
}

static void
paraat_workspace_view_class_init (ParaatWorkspaceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_workspace_view_dispose;

  g_type_ensure (PARAAT_TYPE_EVIDENCE_PAGE);
  g_type_ensure (PARAAT_TYPE_PEOPLE_PAGE);
  g_type_ensure (PARAAT_TYPE_SCANS_PAGE);
  g_type_ensure (PARAAT_TYPE_ACTIONS_PAGE);
  g_type_ensure (PARAAT_TYPE_DASHBOARD_PAGE);
  g_type_ensure (PARAAT_TYPE_RISKS_PAGE);
  g_type_ensure (PARAAT_TYPE_EXCEPTIONS_PAGE);
  g_type_ensure (PARAAT_TYPE_SCOPE_PAGE);
  g_type_ensure (PARAAT_TYPE_REVIEWS_PAGE);
  g_type_ensure (PARAAT_TYPE_TRAIL_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-workspace-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatWorkspaceView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ParaatWorkspaceView, content);
  gtk_widget_class_bind_template_child (widget_class, ParaatWorkspaceView, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, ParaatWorkspaceView, content_title);
  gtk_widget_class_bind_template_child (widget_class, ParaatWorkspaceView, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, ParaatWorkspaceView, actor_avatar);
  gtk_widget_class_bind_template_child (widget_class, ParaatWorkspaceView, actor_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatWorkspaceView, trail_banner);
  gtk_widget_class_bind_template_child (widget_class, ParaatWorkspaceView, trail_banner_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatWorkspaceView, pages);
  gtk_widget_class_bind_template_child (widget_class, ParaatWorkspaceView, dashboard_page);

  gtk_widget_class_install_action (widget_class, "workspace.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "workspace.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "workspace.settings", NULL, settings_action);

  gtk_widget_class_install_action (widget_class, "workspace.frameworks", NULL,
                                   frameworks_action);
  gtk_widget_class_install_action (widget_class, "workspace.show-index", "i", show_index_action);
  gtk_widget_class_install_action (widget_class, "workspace.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "workspace.search", NULL);

  for (int i = 0; i < 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "workspace.show-index", "i", i);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "workspace.go-back", NULL);
}

static void
paraat_workspace_view_init (ParaatWorkspaceView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->sidebar_list, "row-activated",
                           G_CALLBACK (on_sidebar_row_activated_cb), self, G_CONNECT_SWAPPED);
  rebuild_registers (self);

  self->framework_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->framework_signals, "items-changed",
                                  G_CALLBACK (rebuild_registers), self);

  self->workspace_signals = g_signal_group_new (PARAAT_TYPE_WORKSPACE);
  g_signal_group_connect_swapped (self->workspace_signals, "notify::organisation",
                                  G_CALLBACK (update_titles), self);
  g_signal_group_connect_swapped (self->workspace_signals, "notify::actor",
                                  G_CALLBACK (update_titles), self);
  g_signal_group_connect_swapped (self->workspace_signals, "changed",
                                  G_CALLBACK (on_workspace_changed_cb), self);
}
