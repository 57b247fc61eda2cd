/* test-ui-reviews.c — management reviews: the page, the new-review dialog and the minutes,
 * driven through their actions under Xvfb and checked through the core
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "paraat-action-dialog.h"
#include "paraat-catalog.h"
#include "paraat-error.h"
#include "paraat-new-review-dialog.h"
#include "paraat-review.h"
#include "paraat-review-window.h"
#include "paraat-reviews-page.h"
#include "test-util.h"
#include "ui-util.h"

/* The page is not in the sidebar yet: it gets a window of its own. */
static ParaatReviewsPage *
show_page (ParaatWorkspace *ws)
{
  GtkWidget *window = gtk_window_new ();
  ParaatReviewsPage *page = g_object_new (PARAAT_TYPE_REVIEWS_PAGE, NULL);

  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (app));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 600);
  paraat_reviews_page_set_workspace (page, ws);
  gtk_window_present (GTK_WINDOW (window));
  spin (50);
  return page;
}

static gboolean
is_visible_error_label (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error") &&
         gtk_widget_get_visible (widget);
}

static guint
count_reviews (ParaatWorkspace *ws)
{
  g_autoptr(GListModel) reviews = paraat_workspace_list_reviews (ws, NULL);

  return g_list_model_get_n_items (reviews);
}

static ParaatReviewTopic *
topic (ParaatWorkspace   *ws,
       gint64             review_id,
       ParaatReviewInput  input)
{
  g_autoptr(GListModel) topics = paraat_workspace_list_review_inputs (ws, review_id, NULL);

  return g_list_model_get_item (topics, input);
}

static ParaatReviewDecision *
first_decision (ParaatWorkspace *ws,
                gint64           review_id)
{
  g_autoptr(GListModel) decisions = paraat_workspace_list_review_decisions (ws, review_id, NULL);

  return g_list_model_get_item (decisions, 0);
}

static guint
count_rows (ParaatReviewsPage *page)
{
  GtkWidget *list = find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_BOX);
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    n += GTK_IS_LIST_BOX_ROW (row);
  return n;
}

static guint
count_decisions (ParaatWorkspace *ws,
                 gint64           review_id)
{
  g_autoptr(GListModel) decisions = paraat_workspace_list_review_decisions (ws, review_id, NULL);

  return g_list_model_get_n_items (decisions);
}

typedef struct
{
  ParaatWorkspace *ws;
  gint64           review_id;
  const char      *notes;
} NotesWait;

static gboolean
notes_saved (gpointer data)
{
  NotesWait *wait = data;
  g_autoptr(ParaatReviewTopic) t = topic (wait->ws, wait->review_id, PARAAT_REVIEW_INPUT_AUDITS);

  return g_strcmp0 (paraat_review_topic_get_notes (t), wait->notes) == 0;
}

/* As a click on a response button does: the response, then the dialog goes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static AdwMessageDialog *
wait_for_message (void)
{
  return ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* New review through the dialog: the chair is required and said so at the form. */
static ParaatReviewWindow *
create_review (ParaatReviewsPage *page,
               ParaatWorkspace   *ws)
{
  guint before = count_reviews (ws);
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reviews.new", NULL));
  dialog = wait_for_toplevel (PARAAT_TYPE_NEW_REVIEW_DIALOG);
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "Title"))),
                                   "Management review "));
  set_entry (GTK_WIDGET (dialog), "Title", "Management review Q1");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "new-review.create", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_visible_error_label, NULL));
  g_assert_true (gtk_widget_has_css_class (find_row (GTK_WIDGET (dialog), "Chair"), "error"));
  g_assert_cmpuint (count_reviews (ws), ==, before);

  select_combo (GTK_WIDGET (dialog), "Chair", "Pieter van Dijk");
  gtk_widget_activate (find_row (GTK_WIDGET (dialog), "Marloes Jansen"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "new-review.create", NULL);
  wait_until (toplevel_gone, GSIZE_TO_POINTER (PARAAT_TYPE_NEW_REVIEW_DIALOG));
  return PARAAT_REVIEW_WINDOW (wait_for_toplevel (PARAAT_TYPE_REVIEW_WINDOW));
}

static void
test_minutes (TestDir       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *main_window = open_as (path, "Eva Smit");
  ParaatWorkspace *ws = paraat_window_get_workspace (main_window);
  ParaatReviewsPage *page = show_page (ws);
  g_autoptr(ParaatReview) review = NULL;
  g_autoptr(ParaatReviewTopic) audits = NULL;
  g_autoptr(ParaatReviewDecision) decision = NULL;
  g_autoptr(GListModel) addenda = NULL;
  g_autoptr(ParaatReviewAddendum) addendum = NULL;
  g_autoptr(GError) error = NULL;
  ParaatReviewWindow *window;
  AdwMessageDialog *message;
  GtkWidget *row, *view;
  gint64 review_id, decision_id;
  guint n_attendees;

  guint before = count_reviews (ws);

  window = create_review (page, ws);
  review_id = paraat_review_window_get_review_id (window);
  review = paraat_workspace_get_review (ws, review_id, NULL);
  g_assert_cmpstr (paraat_review_get_title (review), ==, "Management review Q1");
  g_assert_cmpstr (paraat_review_get_chair_name (review), ==, "Pieter van Dijk");
  paraat_review_get_attendee_ids (review, &n_attendees);
  g_assert_cmpuint (n_attendees, ==, 1);
  g_clear_object (&review);

  /* The page lists it, newest first. */
  g_assert_cmpuint (count_reviews (ws), ==, before + 1);
  g_assert_cmpuint (count_rows (page), ==, before + 1);
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_label_with_text, "Management review Q1"));

  /* An input covered, with notes saved shortly after typing stops. */
  row = find_row (GTK_WIDGET (window), "Audit results");
  g_assert_nonnull (row);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_descendant (row, GTK_TYPE_CHECK_BUTTON)), TRUE);
  audits = topic (ws, review_id, PARAAT_REVIEW_INPUT_AUDITS);
  g_assert_true (paraat_review_topic_get_covered (audits));
  view = find_descendant (row, GTK_TYPE_TEXT_VIEW);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "Two minor findings from the internal audit", -1);
  wait_until (notes_saved, &(NotesWait) { ws, review_id, "Two minor findings from the internal audit" });
  g_clear_object (&audits);
  audits = topic (ws, review_id, PARAAT_REVIEW_INPUT_AUDITS);
  g_assert_true (paraat_review_topic_get_covered (audits));

  /* A decision without action or reason is flagged, with text. */
  set_entry (GTK_WIDGET (window), "New decision", "Renew the hosting contract with stricter terms");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "review.add-decision", NULL));
  g_assert_cmpuint (count_decisions (ws, review_id), ==, 1);
  decision = first_decision (ws, review_id);
  decision_id = paraat_review_decision_get_id (decision);
  g_assert_true (paraat_review_decision_is_flagged (decision));
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_with_text, "Needs an action or a reason"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (window), "New decision"))), ==, "");

  /* "No action needed" with a reason clears the flag. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "review.no-action", "x", decision_id));
  message = wait_for_message ();
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (message)),
                         "The current contract already has these terms until 2027");
  respond (message, "save");
  g_clear_object (&decision);
  decision = first_decision (ws, review_id);
  g_assert_false (paraat_review_decision_is_flagged (decision));
  g_assert_cmpstr (paraat_review_decision_get_no_action_reason (decision), ==,
                   "The current contract already has these terms until 2027");
  g_assert_null (find_widget (GTK_WIDGET (window), is_label_with_text, "Needs an action or a reason"));

  /* Finalise, confirmed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "review.finalise", NULL));
  message = wait_for_message ();
  respond (message, "finalise");
  review = paraat_workspace_get_review (ws, review_id, NULL);
  g_assert_true (paraat_review_is_finalised (review));
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_starting, "Finalised by Pieter van Dijk on "));

  /* Afterwards the edit actions do nothing and the edit widgets are read-only. */
  set_entry (GTK_WIDGET (window), "New decision", "Something decided later");
  gtk_widget_activate_action (GTK_WIDGET (window), "review.add-decision", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "review.remove-decision", "x", decision_id);
  gtk_widget_activate_action (GTK_WIDGET (window), "review.no-action", "x", decision_id);
  spin (50);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (count_decisions (ws, review_id), ==, 1);
  g_assert_false (gtk_widget_is_sensitive (find_row (GTK_WIDGET (window), "Title")));
  g_assert_false (gtk_widget_is_sensitive (find_descendant (find_row (GTK_WIDGET (window), "Audit results"),
                                                            GTK_TYPE_CHECK_BUTTON)));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  /* The core itself refuses too, with a message that says what to do instead. */
  g_assert_cmpint (paraat_workspace_add_review_decision (ws, review_id, "Sneaked in", &error), ==, 0);
  g_assert_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID);
  g_assert_cmpuint (count_decisions (ws, review_id), ==, 1);

  /* Only an addendum can still be added. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "review.add-addendum", NULL));
  message = wait_for_message ();
  view = find_descendant (GTK_WIDGET (message), GTK_TYPE_TEXT_VIEW);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "The board asked for a follow-up in June.", -1);
  respond (message, "add");
  addenda = paraat_workspace_list_review_addenda (ws, review_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (addenda), ==, 1);
  addendum = g_list_model_get_item (addenda, 0);
  g_assert_cmpstr (paraat_review_addendum_get_author_name (addendum), ==, "Eva Smit");
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_with_text,
                                 "The board asked for a follow-up in June."));

  /* Opening it again presents the same window. */
  paraat_reviews_page_open_review (page, review_id);
  g_assert_true (GTK_WINDOW (window) == find_toplevel (PARAAT_TYPE_REVIEW_WINDOW));
  close_all_windows ();
}

/* A decision with an action stays: the core's reason is shown, not lost. The action opens
 * in the action dialog, and a new one starts from the decision. */
static void
test_decision_actions (TestDir       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = make_demo (fixture->dir);
  ParaatWindow *main_window = open_as (path, "Marloes Jansen");
  ParaatWorkspace *ws = paraat_window_get_workspace (main_window);
  ParaatReviewsPage *page = show_page (ws);
  ParaatReviewWindow *window = create_review (page, ws);
  gint64 review_id = paraat_review_window_get_review_id (window);
  g_autoptr(ParaatReviewDecision) decision = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *banner;
  gint64 decision_id, action_id;
  ParaatActionSpec spec = {
    .title = "Tender the hosting contract",
    .owner_id = paraat_person_get_id (paraat_workspace_get_actor (ws)),
    .due_date = "2030-06-30",
    .priority = PARAAT_PRIORITY_MEDIUM,
    .required_track = PARAAT_TRACK_OPERATION,
    .required_evidence = "Signed contract",
  };

  set_entry (GTK_WIDGET (window), "New decision", "Tender the hosting contract");
  gtk_widget_activate_action (GTK_WIDGET (window), "review.add-decision", NULL);
  decision = first_decision (ws, review_id);
  decision_id = paraat_review_decision_get_id (decision);
  action_id = paraat_workspace_add_decision_action (ws, decision_id, &spec, &error);
  g_assert_no_error (error);
  g_assert_null (find_widget (GTK_WIDGET (window), is_label_with_text, "Needs an action or a reason"));
  g_assert_nonnull (find_row (GTK_WIDGET (window), "Tender the hosting contract"));

  gtk_widget_activate_action (GTK_WIDGET (window), "review.remove-decision", "x", decision_id);
  g_assert_cmpuint (count_decisions (ws, review_id), ==, 1);
  banner = find_descendant (GTK_WIDGET (window), GTK_TYPE_REVEALER);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_nonnull (find_widget (banner, is_label_starting, "Actions came from this decision"));

  gtk_widget_activate_action (GTK_WIDGET (window), "review.open-action", "x", action_id);
  {
    ParaatActionDialog *dialog = PARAAT_ACTION_DIALOG (wait_for_toplevel (PARAAT_TYPE_ACTION_DIALOG));
    g_assert_cmpint (paraat_action_dialog_get_action_id (dialog), ==, action_id);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "review.add-action", "x", decision_id);
  {
    ParaatActionDialog *dialog = PARAAT_ACTION_DIALOG (wait_for_toplevel (PARAAT_TYPE_ACTION_DIALOG));
    g_assert_cmpint (paraat_action_dialog_get_action_id (dialog), ==, 0);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* Closing the workspace closes the minutes. */
  paraat_workspace_close (ws);
  wait_until (toplevel_gone, GSIZE_TO_POINTER (PARAAT_TYPE_REVIEW_WINDOW));
  close_all_windows ();
}

int
main (int    argc,
      char **argv)
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/reviews/minutes", TestDir, NULL, test_dir_setup, test_minutes,
              test_dir_teardown);
  g_test_add ("/ui/reviews/decision-actions", TestDir, NULL, test_dir_setup,
              test_decision_actions, test_dir_teardown);

  return ui_test_run ();
}
