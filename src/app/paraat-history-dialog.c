/* paraat-history-dialog.c — the story of one item, oldest first, from the audit trail
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "paraat-history-dialog.h"
#include "paraat-trail-export-dialog.h"
#include "paraat-trail-model.h"
#include "paraat-widget-util.h"

struct _ParaatHistoryDialog
{
  AdwWindow         parent_instance;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkListView      *list_view;

  /* Owned references */
  ParaatTrailModel *model;
  ParaatWorkspace  *workspace;
  char             *object_type;
  gint64            object_id;
};

G_DEFINE_FINAL_TYPE (ParaatHistoryDialog, paraat_history_dialog, ADW_TYPE_WINDOW)

static GtkWidget *
add_label (GtkBox     *box,
           const char *css_class)
{
  GtkWidget *label = paraat_wrapped_label_new (NULL, css_class);

  gtk_box_append (box, label);
  return label;
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  g_object_set_data (G_OBJECT (box), "meta", add_label (GTK_BOX (box), "dim-label"));
  g_object_set_data (G_OBJECT (box), "headline", add_label (GTK_BOX (box), "heading"));
  g_object_set_data (G_OBJECT (box), "changes", add_label (GTK_BOX (box), NULL));
  g_object_set_data (G_OBJECT (box), "reason", add_label (GTK_BOX (box), NULL));
  g_object_set_data (G_OBJECT (box), "hash", add_label (GTK_BOX (box), "paraat-hash"));
  gtk_list_item_set_child (item, box);
}

static void
set_label (GtkWidget  *box,
           const char *key,
           const char *text)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (box), key);

  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  ParaatTrailEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autofree char *time = paraat_trail_entry_format_time (entry);
  g_autofree char *meta = g_strdup_printf (_("%s · %s · entry %" PRId64), time,
                                           paraat_trail_entry_get_actor_name (entry),
                                           paraat_trail_entry_get_seq (entry));
  g_autofree char *changes = paraat_trail_entry_describe_changes (entry);
  g_autofree char *reason = NULL;
  g_autofree char *hash = g_strdup_printf (_("SHA-256 %s"), paraat_trail_entry_get_hash (entry));

  if (paraat_trail_entry_get_reason (entry) != NULL)
    reason = g_strdup_printf (_("Reason: %s"), paraat_trail_entry_get_reason (entry));

  set_label (box, "meta", meta);
  set_label (box, "headline", paraat_trail_entry_get_action_label (entry));
  set_label (box, "changes", changes);
  set_label (box, "reason", reason);
  set_label (box, "hash", hash);
}

GListModel *
paraat_history_dialog_get_model (ParaatHistoryDialog *self)
{
  g_return_val_if_fail (PARAAT_IS_HISTORY_DIALOG (self), NULL);
  return G_LIST_MODEL (self->model);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ParaatHistoryDialog *self = PARAAT_HISTORY_DIALOG (widget);
  ParaatTrailFormat format;

  if (paraat_trail_format_from_string (g_variant_get_string (param, NULL), &format))
    paraat_trail_export_dialog_run (GTK_WINDOW (self), self->workspace, self->object_type,
                                    self->object_id, format);
}

static void
paraat_history_dialog_dispose (GObject *object)
{
  ParaatHistoryDialog *self = PARAAT_HISTORY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_HISTORY_DIALOG);
  g_clear_object (&self->model);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->object_type, g_free);

  G_OBJECT_CLASS (paraat_history_dialog_parent_class)->dispose (object);
}

static void
paraat_history_dialog_class_init (ParaatHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_history_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-history-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatHistoryDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ParaatHistoryDialog, list_view);
  gtk_widget_class_install_action (widget_class, "history.export", "s", export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
paraat_history_dialog_init (ParaatHistoryDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
}

ParaatHistoryDialog *
paraat_history_dialog_new (GtkWindow       *parent,
                           ParaatWorkspace *workspace,
                           const char      *object_type,
                           gint64           object_id,
                           const char      *label)
{
  ParaatHistoryDialog *self = g_object_new (PARAAT_TYPE_HISTORY_DIALOG,
                                            "transient-for", parent,
                                            NULL);
  ParaatTrailFilter filter = PARAAT_TRAIL_FILTER_INIT;
  g_autoptr(GtkNoSelection) selection = NULL;

  filter.object_type = object_type;
  filter.object_id = object_id;
  filter.oldest_first = TRUE;

  self->workspace = g_object_ref (workspace);
  self->object_type = g_strdup (object_type);
  self->object_id = object_id;
  self->model = paraat_trail_model_new (workspace);
  paraat_trail_model_set_filter (self->model, &filter, NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  gtk_window_set_title (GTK_WINDOW (self), _("History"));
  adw_window_title_set_title (self->window_title, _("History"));
  adw_window_title_set_subtitle (self->window_title, label);
  return self;
}
