/* paraat-scans-page.c — the workspace's readiness scans, newest first
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-framework.h"
#include "paraat-new-scan-dialog.h"
#include "paraat-scan.h"
#include "paraat-scan-window.h"
#include "paraat-scans-page.h"
#include "paraat-widget-util.h"

struct _ParaatScansPage
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkStack        *stack;
  GtkListBox      *list_box;

  /* Owned references */
  ParaatWorkspace *workspace;
  GHashTable      *windows;   /* scan id → ParaatScanWindow*, while open */
};

G_DEFINE_FINAL_TYPE (ParaatScansPage, paraat_scans_page, ADW_TYPE_BIN)

static char *
framework_names (ParaatScansPage *self,
                 ParaatScan      *scan)
{
  guint n;
  const gint64 *ids = paraat_scan_get_framework_ids (scan, &n);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      ParaatFramework *framework = paraat_workspace_find_framework (self->workspace, ids[i]);
      if (framework != NULL)
        g_string_append_printf (names, "%s%s", names->len ? ", " : "",
                                paraat_framework_get_title (framework));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static GtkWidget *
scan_row_new (ParaatScansPage *self,
              ParaatScan      *scan)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *frameworks = framework_names (self, scan);
  g_autofree char *subtitle = NULL;
  g_autofree char *progress = NULL;
  GtkWidget *progress_label;

  /* Translators: "2025-03-31 · Quick scan · ISO/IEC 27001:2022, NIS2" */
  subtitle = g_strdup_printf (_("%s · %s · %s"), paraat_scan_get_date (scan),
                              paraat_scan_depth_label (paraat_scan_get_depth (scan)), frameworks);
  /* Translators: answered questions of a scan, "27 of 30 answered" */
  progress = g_strdup_printf (_("%u of %u answered"), paraat_scan_get_n_answered (scan),
                              paraat_scan_get_n_questions (scan));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), paraat_scan_get_name (scan));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  progress_label = gtk_label_new (progress);
  gtk_widget_add_css_class (progress_label, "dim-label");
  gtk_widget_add_css_class (progress_label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), progress_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "scan-id",
                          g_memdup2 (&(gint64) { paraat_scan_get_id (scan) }, sizeof (gint64)),
                          g_free);
  return row;
}

static void
reload (ParaatScansPage *self)
{
  g_autoptr(GListModel) scans = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  guint n;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))))
    gtk_list_box_remove (self->list_box, row);
  if (self->workspace == NULL)
    return;

  if (!(scans = paraat_workspace_list_scans (self->workspace, &error)))
    {
      g_warning ("Could not read the scans: %s", error->message);
      return;
    }
  n = g_list_model_get_n_items (scans);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatScan) scan = g_list_model_get_item (scans, i);
      gtk_list_box_append (self->list_box, scan_row_new (self, scan));
    }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
on_workspace_changed_cb (ParaatScansPage *self,
                         const char      *object_type)
{
  if (!g_str_equal (object_type, "scan") && !g_str_equal (object_type, "framework"))
    return;
  paraat_queue_reload (GTK_WIDGET (self));
}

void
paraat_scans_page_set_workspace (ParaatScansPage *self,
                                 ParaatWorkspace *workspace)
{
  g_return_if_fail (PARAAT_IS_SCANS_PAGE (self));

  if (paraat_follow_workspace (GTK_WIDGET (self), &self->workspace, workspace,
                               G_CALLBACK (on_workspace_changed_cb)))
    paraat_queue_reload (GTK_WIDGET (self));
}

void
paraat_scans_page_open_scan (ParaatScansPage *self,
                             gint64           scan_id)
{
  g_return_if_fail (PARAAT_IS_SCANS_PAGE (self));

  paraat_window_table_present (self->windows, scan_id, GTK_WIDGET (self), self->workspace,
                               (ParaatWindowOpenFunc) paraat_scan_window_new,
                               _("Cannot Open the Scan"));
}

static void
on_row_activated_cb (ParaatScansPage *self,
                     GtkListBoxRow   *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "scan-id");

  if (id != NULL)
    paraat_scans_page_open_scan (self, *id);
}

static void
on_scan_created_cb (ParaatScansPage *self,
                    gint64           scan_id)
{
  paraat_scans_page_open_scan (self, scan_id);
}

static void
new_scan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  ParaatScansPage *self = PARAAT_SCANS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  ParaatNewScanDialog *dialog;

  if (self->workspace == NULL)
    return;
  dialog = paraat_new_scan_dialog_new (GTK_WINDOW (root), self->workspace);
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_scan_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
paraat_scans_page_dispose (GObject *object)
{
  ParaatScansPage *self = PARAAT_SCANS_PAGE (object);

  g_clear_pointer (&self->windows, paraat_window_table_free);
  /* The stack is both a bound template child and the bin's child. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_SCANS_PAGE);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (paraat_scans_page_parent_class)->dispose (object);
}

static void
paraat_scans_page_class_init (ParaatScansPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_scans_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-scans-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatScansPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ParaatScansPage, list_box);
  gtk_widget_class_install_action (widget_class, "scans.new", NULL, new_scan_action);
}

static void
paraat_scans_page_init (ParaatScansPage *self)
{
  self->windows = paraat_window_table_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->list_box, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  /* Answering writes once per key press; the list is read again when it is shown. */
  paraat_reload_on_map (GTK_WIDGET (self), (ParaatReloadFunc) reload);
}
