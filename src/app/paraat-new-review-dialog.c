/* paraat-new-review-dialog.c — title, date, chair and attendees of a new management review
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-new-review-dialog.h"
#include "paraat-review.h"
#include "paraat-widget-util.h"

struct _ParaatNewReviewDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwEntryRow         *title_row;
  AdwEntryRow         *date_row;
  AdwComboRow         *chair_row;
  AdwPreferencesGroup *attendees_group;
  GtkLabel            *error_label;

  /* Owned references */
  ParaatWorkspace     *workspace;
  GArray              *chair_ids;        /* person ids behind the chair choices */
  GPtrArray           *attendee_checks;  /* GtkCheckButton*, with "person-id" data */
};

G_DEFINE_FINAL_TYPE (ParaatNewReviewDialog, paraat_new_review_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_date (const char *text)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *iso = g_strdup_printf ("%sT00:00:00Z", text);

  return (parsed = g_date_time_new_from_iso8601 (iso, NULL)) != NULL;
}

static void
clear_error_marks (ParaatNewReviewDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->chair_row), "error");
}

static GtkWidget *
field_in_error (ParaatNewReviewDialog *self,
                const ParaatReviewSpec *spec)
{
  g_autofree char *title = g_strstrip (g_strdup (spec->title));

  if (title[0] == '\0')
    return GTK_WIDGET (self->title_row);
  if (!is_date (spec->date))
    return GTK_WIDGET (self->date_row);
  if (spec->chair_id == 0)
    return GTK_WIDGET (self->chair_row);
  return NULL;
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ParaatNewReviewDialog *self = PARAAT_NEW_REVIEW_DIALOG (widget);
  g_autoptr(GArray) attendees = paraat_person_checks_get_ids (self->attendee_checks);
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  ParaatReviewSpec spec;
  gint64 review_id;

  spec = (ParaatReviewSpec) {
    .title = gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
    .date = date,
    .chair_id = paraat_person_choice_get_id (self->chair_ids,
                                             adw_combo_row_get_selected (self->chair_row)),
    .attendee_ids = (const gint64 *) (gpointer) attendees->data,
    .n_attendees = attendees->len,
  };
  clear_error_marks (self);
  if (!(review_id = paraat_workspace_create_review (self->workspace, &spec, &error)))
    {
      paraat_label_show_error (self->error_label, error->message, field_in_error (self, &spec));
      return;
    }
  g_signal_emit (self, signals[CREATED], 0, review_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
add_people (ParaatNewReviewDialog *self)
{
  GListModel *people = paraat_workspace_get_people (self->workspace);
  g_autoptr(GtkStringList) choices = NULL;
  guint selected;

  /* No chair is chosen for the user: clause 9.3 wants top management in the chair, which
   * is seldom whoever types the minutes. */
  choices = paraat_person_choices_new (self->workspace, _("Choose a person"), 0,
                                       self->chair_ids, &selected);
  adw_combo_row_set_model (self->chair_row, G_LIST_MODEL (choices));
  adw_combo_row_set_selected (self->chair_row, selected);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ParaatPerson) person = g_list_model_get_item (people, i);
      GtkWidget *check;
      GtkWidget *row = paraat_person_check_row_new (person, paraat_person_get_role (person),
                                                    &check);

      adw_preferences_group_add (self->attendees_group, row);
      g_ptr_array_add (self->attendee_checks, check);
    }
}

ParaatNewReviewDialog *
paraat_new_review_dialog_new (GtkWindow       *parent,
                              ParaatWorkspace *workspace)
{
  ParaatNewReviewDialog *self = g_object_new (PARAAT_TYPE_NEW_REVIEW_DIALOG,
                                              "transient-for", parent,
                                              NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the default title of a new management review, with its date */
  g_autofree char *title = g_strdup_printf (_("Management review %s"), today);

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (workspace), NULL);

  self->workspace = g_object_ref (workspace);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  add_people (self);
  return self;
}

static void
paraat_new_review_dialog_dispose (GObject *object)
{
  ParaatNewReviewDialog *self = PARAAT_NEW_REVIEW_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_NEW_REVIEW_DIALOG);
  g_clear_pointer (&self->attendee_checks, g_ptr_array_unref);
  g_clear_pointer (&self->chair_ids, g_array_unref);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (paraat_new_review_dialog_parent_class)->dispose (object);
}

static void
paraat_new_review_dialog_class_init (ParaatNewReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_new_review_dialog_dispose;

  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-new-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatNewReviewDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatNewReviewDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatNewReviewDialog, chair_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatNewReviewDialog, attendees_group);
  gtk_widget_class_bind_template_child (widget_class, ParaatNewReviewDialog, error_label);
  gtk_widget_class_install_action (widget_class, "new-review.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
paraat_new_review_dialog_init (ParaatNewReviewDialog *self)
{
  self->attendee_checks = g_ptr_array_new ();
  self->chair_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}
