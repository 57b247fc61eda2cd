/* paraat-report-dialog.c — the board report and the audit pack: the user picks a language and
 * a destination, watches the progress (and may cancel), then opens the result or tries again
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "paraat-clock.h"
/* Instead of <glib/gi18n.h>, for the list of languages: with no document language pushed on
 * this thread, its _() is the interface's gettext all the same. */
#include "paraat-i18n.h"
#include "paraat-report.h"
#include "paraat-report-dialog.h"
#include "paraat-widget-util.h"

struct _ParaatReportDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  GtkLabel             *explanation_label;
  AdwComboRow          *language_row;
  AdwPreferencesGroup  *folder_group;
  AdwEntryRow          *name_row;
  GtkLabel             *error_label;
  GtkButton            *choose_button;
  AdwStatusPage        *running_page;
  GtkProgressBar       *progress_bar;
  GtkLabel             *step_label;
  GtkButton            *cancel_button;
  AdwStatusPage        *done_page;
  GtkButton            *open_button;
  AdwStatusPage        *failed_page;
  GtkButton            *retry_button;

  /* Owned references */
  ParaatWorkspace      *workspace;
  char                **languages;     /* codes, in the order of the language row */
  GCancellable         *cancellable;   /* set while writing */
  GtkFileChooserNative *chooser;
  char                 *path;          /* the file or folder being, or last, written */

  ParaatReportKind      kind;
  gboolean              closed;
};

G_DEFINE_FINAL_TYPE (ParaatReportDialog, paraat_report_dialog, ADW_TYPE_WINDOW)

typedef void     (*WriteAsyncFunc)  (const char          *workspace_path,
                                     gint64               author_id,
                                     const char          *language,
                                     const char          *path,
                                     ParaatProgressFunc   progress,
                                     gpointer             progress_data,
                                     GDestroyNotify       progress_destroy,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
typedef gboolean (*WriteFinishFunc) (GAsyncResult        *result,
                                     GError             **error);

static const struct
{
  const char      *title;
  const char      *explanation;
  const char      *choose;
  const char      *running;
  const char      *done;
  const char      *failed;
  const char      *open;
  WriteAsyncFunc   write_async;
  WriteFinishFunc  write_finish;
} kinds[] = {
  [PARAAT_REPORT_BOARD] = {
    N_("Board Report"),
    N_("A PDF for the board and management: the three key figures with their trend, "
       "readiness per framework, maturity charts, the main risks, open actions, management "
       "review decisions, evidence freshness and exceptions."),
    N_("_Choose File…"),
    N_("Writing the Board Report…"),
    N_("Board Report Ready"),
    N_("Board Report Not Written"),
    N_("_Open Report"),
    paraat_board_report_write_async,
    paraat_board_report_write_finish,
  },
  [PARAAT_REPORT_AUDIT_PACK] = {
    N_("Audit Pack"),
    N_("A folder to hand to the auditor: the board report, the Statement of Applicability, "
       "every register as spreadsheet and CSV, the audit trail, the latest version of every "
       "evidence file, an index, and a checksum manifest that shows whether anything was "
       "changed afterwards."),
    N_("_Choose Folder…"),
    N_("Assembling the Audit Pack…"),
    N_("Audit Pack Ready"),
    N_("Audit Pack Not Created"),
    N_("_Open Folder"),
    paraat_audit_pack_write_async,
    paraat_audit_pack_write_finish,
  },
};

static void
show_state (ParaatReportDialog *self,
            const char         *state,
            GtkWidget          *focus)
{
  gtk_stack_set_visible_child_name (self->stack, state);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.cancel",
                                 g_str_equal (state, "running"));
  gtk_widget_grab_focus (focus);
}

/* Writing */

static gint64
author_id (ParaatWorkspace *workspace)
{
  ParaatPerson *actor = paraat_workspace_get_actor (workspace);

  return actor != NULL ? paraat_person_get_id (actor) : 0;
}


static const char *
chosen_language (ParaatReportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (selected >= g_strv_length (self->languages))
    return NULL;
  return self->languages[selected];
}

static void
on_progress_cb (double      fraction,
                const char *step,
                gpointer    user_data)
{
  ParaatReportDialog *self = user_data;

  if (self->closed || g_cancellable_is_cancelled (self->cancellable))
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
  gtk_label_set_label (self->step_label, step ? _(step) : "");
}

/* Status pages take markup; paths and messages are text. */
static void
set_description (AdwStatusPage *page,
                 const char    *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_status_page_set_description (page, escaped);
}

static void
show_done (ParaatReportDialog *self)
{
  g_autofree char *name = g_filename_display_name (self->path);

  set_description (self->done_page, name);
  show_state (self, "done", GTK_WIDGET (self->open_button));
}

static void
show_failed (ParaatReportDialog *self,
             const GError       *error)
{
  set_description (self->failed_page, error->message);
  show_state (self, "failed", GTK_WIDGET (self->retry_button));
}

static void
on_write_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ParaatReportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean written = kinds[self->kind].write_finish (result, &error);

  g_clear_object (&self->cancellable);
  /* A closed dialog cancelled the work on its way out; there is nobody left to tell. */
  if (self->closed)
    return;
  if (written)
    show_done (self);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_state (self, "setup", GTK_WIDGET (self->choose_button));
  else
    show_failed (self, error);
}

void
paraat_report_dialog_start (ParaatReportDialog *self,
                            const char         *language,
                            const char         *path)
{
  g_return_if_fail (PARAAT_IS_REPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->cancellable != NULL || self->closed)
    return;

  g_free (self->path);
  self->path = g_strdup (path);
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_label (self->step_label, "");
  show_state (self, "running", GTK_WIDGET (self->cancel_button));
  /* A worker thread on its own read-only connection: the workspace stays usable meanwhile. */
  kinds[self->kind].write_async (paraat_workspace_get_path (self->workspace),
                                 author_id (self->workspace),
                                 language ? language : chosen_language (self), path,
                                 on_progress_cb, g_object_ref (self), g_object_unref,
                                 self->cancellable, on_write_done_cb, g_object_ref (self));
}

void
paraat_report_dialog_cancel (ParaatReportDialog *self)
{
  g_return_if_fail (PARAAT_IS_REPORT_DIALOG (self));

  if (self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  gtk_label_set_label (self->step_label, _("Cancelling…"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.cancel", FALSE);
}

const char *
paraat_report_dialog_get_state (ParaatReportDialog *self)
{
  g_return_val_if_fail (PARAAT_IS_REPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* Choosing the destination */

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (paraat_clock_now_ms () / 1000);

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The organisation's name goes into a folder name: no separators, no spaces. */
static char *
default_folder_name (ParaatReportDialog *self)
{
  g_autofree char *organisation = g_strdup (paraat_workspace_get_organisation (self->workspace));
  g_autofree char *date = today ();

  g_strdelimit (g_strstrip (organisation), "/\\:*?\"<>| \t", '-');
  /* Translators: the suggested folder name of an audit pack: the organisation, then the
   * date; keep it without spaces */
  return g_strdup_printf (_("audit-pack-%s-%s"), organisation, date);
}

static char *
folder_name (ParaatReportDialog *self)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));

  g_strstrip (name);
  if (name[0] == '\0' || strchr (name, '/') != NULL || g_str_equal (name, ".") ||
      g_str_equal (name, ".."))
    return NULL;
  return g_steal_pointer (&name);
}

static void
on_chooser_response_cb (ParaatReportDialog *self,
                        int                 response)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *name = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser))) &&
      (chosen = g_file_get_path (file)))
    {
      if (self->kind == PARAAT_REPORT_BOARD)
        paraat_report_dialog_start (self, NULL, chosen);
      else if ((name = folder_name (self)))
        {
          g_autofree char *path = g_build_filename (chosen, name, NULL);
          paraat_report_dialog_start (self, NULL, path);
        }
    }
  g_clear_object (&self->chooser);
}

static GtkFileChooserNative *
board_report_chooser_new (ParaatReportDialog *self)
{
  GtkFileChooserNative *chooser =
    paraat_file_chooser_new (GTK_WINDOW (self), _("Save Board Report"),
                             GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                             G_CALLBACK (on_chooser_response_cb), self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *type_name = g_content_type_get_description ("application/pdf");
  g_autofree char *date = today ();
  /* Translators: the suggested file name of the board report, with the date */
  g_autofree char *name = g_strdup_printf (_("board-report-%s.pdf"), date);

  gtk_file_filter_set_name (filter, type_name);
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  return chooser;
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ParaatReportDialog *self = PARAAT_REPORT_DIALOG (widget);
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->cancellable != NULL)
    return;
  if (self->kind == PARAAT_REPORT_BOARD)
    self->chooser = board_report_chooser_new (self);
  else if (!(name = folder_name (self)))
    {
      paraat_label_show_error (self->error_label,
                               _("Enter a name for the new folder, without slashes."),
                               GTK_WIDGET (self->name_row));
      return;
    }
  else
    self->chooser = paraat_file_chooser_new (GTK_WINDOW (self),
                                             _("Choose Where to Create the Audit Pack"),
                                             GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                             _("_Select"), G_CALLBACK (on_chooser_response_cb),
                                             self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_name_changed_cb (ParaatReportDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
}

/* The other actions */

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  paraat_report_dialog_cancel (PARAAT_REPORT_DIALOG (widget));
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  ParaatReportDialog *self = PARAAT_REPORT_DIALOG (widget);

  show_state (self, "setup", GTK_WIDGET (self->choose_button));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ParaatReportDialog *self = PARAAT_REPORT_DIALOG (widget);
  g_autofree char *uri = self->path ? g_filename_to_uri (self->path, NULL, NULL) : NULL;

  if (uri != NULL)
    gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/* Setup */

static void
fill_languages (ParaatReportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *interface = paraat_i18n_interface_language ();
  guint selected = 0;

  self->languages = paraat_i18n_list_languages ();
  for (guint i = 0; self->languages[i] != NULL; i++)
    {
      gtk_string_list_append (names, paraat_i18n_language_name (self->languages[i]));
      if (g_strcmp0 (self->languages[i], interface) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->language_row, selected);
}

static void
apply_kind (ParaatReportDialog *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _(kinds[self->kind].title));
  gtk_label_set_label (self->explanation_label, _(kinds[self->kind].explanation));
  gtk_button_set_label (self->choose_button, _(kinds[self->kind].choose));
  adw_status_page_set_title (self->running_page, _(kinds[self->kind].running));
  adw_status_page_set_title (self->done_page, _(kinds[self->kind].done));
  adw_status_page_set_title (self->failed_page, _(kinds[self->kind].failed));
  gtk_button_set_label (self->open_button, _(kinds[self->kind].open));
  gtk_widget_set_visible (GTK_WIDGET (self->folder_group), self->kind == PARAAT_REPORT_AUDIT_PACK);
  if (self->kind == PARAAT_REPORT_AUDIT_PACK)
    {
      g_autofree char *name = default_folder_name (self);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
    }
}

/* Closing cancels: the core then leaves no file, or no folder, behind. */
static gboolean
paraat_report_dialog_close_request (GtkWindow *window)
{
  ParaatReportDialog *self = PARAAT_REPORT_DIALOG (window);

  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (paraat_report_dialog_parent_class)->close_request (window);
}

static void
paraat_report_dialog_dispose (GObject *object)
{
  ParaatReportDialog *self = PARAAT_REPORT_DIALOG (object);

  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_REPORT_DIALOG);

  G_OBJECT_CLASS (paraat_report_dialog_parent_class)->dispose (object);
}

static void
paraat_report_dialog_finalize (GObject *object)
{
  ParaatReportDialog *self = PARAAT_REPORT_DIALOG (object);

  g_clear_object (&self->workspace);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (paraat_report_dialog_parent_class)->finalize (object);
}

static void
paraat_report_dialog_class_init (ParaatReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = paraat_report_dialog_dispose;
  object_class->finalize = paraat_report_dialog_finalize;
  window_class->close_request = paraat_report_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-report-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ParaatReportDialog, name)
  BIND (stack);
  BIND (explanation_label);
  BIND (language_row);
  BIND (folder_group);
  BIND (name_row);
  BIND (error_label);
  BIND (choose_button);
  BIND (running_page);
  BIND (progress_bar);
  BIND (step_label);
  BIND (cancel_button);
  BIND (done_page);
  BIND (open_button);
  BIND (failed_page);
  BIND (retry_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);

  gtk_widget_class_install_action (widget_class, "report.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "report.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "report.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "report.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
paraat_report_dialog_init (ParaatReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_languages (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.cancel", FALSE);
}

ParaatReportDialog *
paraat_report_dialog_new (GtkWindow        *parent,
                          ParaatWorkspace  *workspace,
                          ParaatReportKind  kind)
{
  ParaatReportDialog *self;

  g_return_val_if_fail (PARAAT_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (kind == PARAAT_REPORT_BOARD || kind == PARAAT_REPORT_AUDIT_PACK, NULL);

  self = g_object_new (PARAAT_TYPE_REPORT_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->kind = kind;
  apply_kind (self);
  /* Enter goes straight on to choosing where: the defaults are usually right */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->choose_button));
  return self;
}
