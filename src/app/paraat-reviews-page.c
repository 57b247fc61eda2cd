/* paraat-reviews-page.c — the workspace's management reviews (ISO/IEC 27001 clause 9.3),
 * newest first
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-export-button.h"
#include "paraat-new-review-dialog.h"
#include "paraat-review.h"
#include "paraat-review-window.h"
#include "paraat-reviews-page.h"
#include "paraat-widget-util.h"

struct _ParaatReviewsPage
{
  AdwBin           parent_instance;

  /* Template widgets */
  ParaatExportButton *export_button;
  GtkStack        *stack;
  GtkListBox      *list_box;

  /* Owned references */
  ParaatWorkspace *workspace;
  GHashTable      *windows;   /* review id → ParaatReviewWindow*, while open */
};

G_DEFINE_FINAL_TYPE (ParaatReviewsPage, paraat_reviews_page, ADW_TYPE_BIN)

/* "Draft" or "Finalised" as a pill next to the title, so a column of rows scans quickly. */
static GtkWidget *
title_line_new (ParaatReview *review)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = paraat_wrapped_label_new (paraat_review_get_title (review), "heading");
  gboolean finalised = paraat_review_is_finalised (review);
  GtkWidget *status = gtk_label_new (finalised ? C_("review state", "Finalised")
                                               : C_("review state", "Draft"));

  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (status, "paraat-status");
  if (finalised)
    gtk_widget_add_css_class (status, "implemented");
  gtk_widget_set_valign (status, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), status);
  return box;
}

static GtkWidget *
flagged_line_new (guint n_flagged)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  g_autofree char *text =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u decision without action or reason",
                                  "%u decisions without action or reason", n_flagged),
                     n_flagged);

  gtk_widget_add_css_class (box, "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), paraat_wrapped_label_new (text, NULL));
  return box;
}

static GtkWidget *
review_row_new (ParaatReview *review)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  guint n_decisions = paraat_review_get_n_decisions (review);
  g_autofree char *details = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *decisions = NULL;

  /* Translators: "2025-03-31 · chaired by Eva Smit" */
  details = g_strdup_printf (_("%s · chaired by %s"), paraat_review_get_date (review),
                             paraat_review_get_chair_name (review));
  decisions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u decision", "%u decisions",
                                            n_decisions), n_decisions);
  /* Translators: "Inputs covered 7/10 · 3 decisions" */
  counts = g_strdup_printf (_("Inputs covered %u/%u · %s"), paraat_review_get_n_covered (review),
                            (guint) PARAAT_N_REVIEW_INPUTS, decisions);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), title_line_new (review));
  gtk_box_append (GTK_BOX (box), paraat_wrapped_label_new (details, "dim-label"));
  gtk_box_append (GTK_BOX (box), paraat_wrapped_label_new (counts, "dim-label"));
  if (paraat_review_get_n_flagged (review) > 0)
    gtk_box_append (GTK_BOX (box), flagged_line_new (paraat_review_get_n_flagged (review)));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  paraat_review_get_title (review), -1);
  g_object_set_data_full (G_OBJECT (row), "review-id",
                          g_memdup2 (&(gint64) { paraat_review_get_id (review) }, sizeof (gint64)),
                          g_free);
  return row;
}

static void
reload (ParaatReviewsPage *self)
{
  g_autoptr(GListModel) reviews = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  guint n;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))))
    gtk_list_box_remove (self->list_box, row);
  if (self->workspace == NULL)
    return;

  if (!(reviews = paraat_workspace_list_reviews (self->workspace, &error)))
    {
      g_warning ("Could not read the management reviews: %s", error->message);
      return;
    }
  n = g_list_model_get_n_items (reviews);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatReview) review = g_list_model_get_item (reviews, i);
      gtk_list_box_append (self->list_box, review_row_new (review));
    }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
on_workspace_changed_cb (ParaatReviewsPage *self,
                         const char        *object_type)
{
  /* Actions count too: one made for a decision stops it being flagged. */
  if (!g_str_equal (object_type, "review") && !g_str_equal (object_type, "action") &&
      !g_str_equal (object_type, "person"))
    return;
  paraat_queue_reload (GTK_WIDGET (self));
}

void
paraat_reviews_page_set_workspace (ParaatReviewsPage *self,
                                   ParaatWorkspace   *workspace)
{
  g_return_if_fail (PARAAT_IS_REVIEWS_PAGE (self));

  paraat_export_button_set_workspace (self->export_button, workspace);
  if (paraat_follow_workspace (GTK_WIDGET (self), &self->workspace, workspace,
                               G_CALLBACK (on_workspace_changed_cb)))
    paraat_queue_reload (GTK_WIDGET (self));
}

void
paraat_reviews_page_open_review (ParaatReviewsPage *self,
                                 gint64             review_id)
{
  g_return_if_fail (PARAAT_IS_REVIEWS_PAGE (self));
  g_return_if_fail (self->workspace != NULL);

  paraat_window_table_present (self->windows, review_id, GTK_WIDGET (self), self->workspace,
                               (ParaatWindowOpenFunc) paraat_review_window_new,
                               _("Cannot Open the Review"));
}

static void
on_row_activated_cb (ParaatReviewsPage *self,
                     GtkListBoxRow     *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "review-id");

  if (id != NULL)
    paraat_reviews_page_open_review (self, *id);
}

static void
on_review_created_cb (ParaatReviewsPage *self,
                      gint64             review_id)
{
  paraat_reviews_page_open_review (self, review_id);
}

static void
new_review_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  ParaatReviewsPage *self = PARAAT_REVIEWS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  ParaatNewReviewDialog *dialog;

  if (self->workspace == NULL)
    return;
  dialog = paraat_new_review_dialog_new (GTK_WINDOW (root), self->workspace);
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_review_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
paraat_reviews_page_dispose (GObject *object)
{
  ParaatReviewsPage *self = PARAAT_REVIEWS_PAGE (object);

  g_clear_pointer (&self->windows, paraat_window_table_free);
  /* The stack is both a bound template child and the bin's child. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_REVIEWS_PAGE);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (paraat_reviews_page_parent_class)->dispose (object);
}

static void
paraat_reviews_page_class_init (ParaatReviewsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_reviews_page_dispose;

  g_type_ensure (PARAAT_TYPE_EXPORT_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-reviews-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatReviewsPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatReviewsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ParaatReviewsPage, list_box);
  gtk_widget_class_install_action (widget_class, "reviews.new", NULL, new_review_action);
}

static void
paraat_reviews_page_init (ParaatReviewsPage *self)
{
  self->windows = paraat_window_table_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->list_box, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  /* Minutes are saved as they are typed; the list is read again when it is shown. */
  paraat_reload_on_map (GTK_WIDGET (self), (ParaatReloadFunc) reload);
}
