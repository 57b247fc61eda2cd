/* paraat-evidence-dialog.c — one evidence item: metadata, links, versions and their files
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "paraat-evidence.h"
#include "paraat-evidence-dialog.h"
#include "paraat-history-dialog.h"
#include "paraat-requirement.h"
#include "paraat-widget-util.h"

struct _ParaatEvidenceDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  AdwEntryRow          *title_row;
  AdwComboRow          *track_row;
  AdwEntryRow          *date_row;
  AdwEntryRow          *valid_row;
  AdwComboRow          *owner_row;
  AdwEntryRow          *description_row;
  GtkLabel             *error_label;
  GtkPopover           *link_popover;
  GtkEntry             *link_entry;
  GtkLabel             *link_error;
  GtkListBox           *links_list;
  GtkListBox           *revisions_list;

  /* Owned references */
  ParaatWorkspace      *workspace;
  ParaatEvidence       *evidence;
  gint64                evidence_id;
  GArray               *owner_ids;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (ParaatEvidenceDialog, paraat_evidence_dialog, ADW_TYPE_WINDOW)

static const guint track_bits[] = { PARAAT_TRACK_POLICY, PARAAT_TRACK_OPERATION,
                                    PARAAT_TRACK_MONITORING };

static void
toast (ParaatEvidenceDialog *self,
       const char           *message)
{
  /* Work finishing after the window closed has nobody to tell. */
  if (self->toast_overlay != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, paraat_toast_new (message));
}

/* Links */

static void
on_unlink_clicked_cb (GtkButton            *button,
                      ParaatEvidenceDialog *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "requirement-id"));
  g_autoptr(GError) error = NULL;

  if (!paraat_workspace_unlink_evidence (self->workspace, self->evidence_id, id, &error))
    paraat_show_message (GTK_WINDOW (self), _("Cannot Unlink"), error->message);
}

static void
fill_links (ParaatEvidenceDialog *self)
{
  g_autoptr(GListModel) links = paraat_workspace_list_evidence_links (self->workspace,
                                                                      self->evidence_id, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_list))))
    gtk_list_box_remove (self->links_list, child);

  for (guint i = 0; links && i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(ParaatRequirement) r = g_list_model_get_item (links, i);
      g_autofree char *title = paraat_requirement_dup_display_name (r);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");
      g_autofree char *label = g_strdup_printf (_("Unlink %s"), title);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), paraat_requirement_get_framework_title (r));
      gtk_widget_set_tooltip_text (remove, _("Unlink"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data (G_OBJECT (remove), "requirement-id",
                         GSIZE_TO_POINTER ((gsize) paraat_requirement_get_id (r)));
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_unlink_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->links_list, row);
    }
}

static void
on_link_activate_cb (ParaatEvidenceDialog *self)
{
  g_autoptr(ParaatRequirement) requirement =
    paraat_requirement_entry_lookup (GTK_EDITABLE (self->link_entry), self->link_error,
                                     self->workspace);
  g_autoptr(GError) error = NULL;

  if (requirement == NULL)
    return;
  if (!paraat_workspace_link_evidence (self->workspace, self->evidence_id,
                                       paraat_requirement_get_id (requirement), &error))
    {
      paraat_label_show_error (self->link_error, error->message, NULL);
      return;
    }
  paraat_requirement_entry_done (GTK_EDITABLE (self->link_entry), self->link_error,
                                 self->link_popover);
}

/* Versions and their content */

typedef struct
{
  ParaatEvidenceDialog *dialog;
  GFile                *file;
} OpenRequest;

static void
open_request_free (OpenRequest *request)
{
  g_object_unref (request->dialog);
  g_object_unref (request->file);
  g_free (request);
}

static void
on_opened_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  OpenRequest *request = user_data;
  g_autoptr(GError) error = NULL;

  if (paraat_workspace_export_revision_finish (PARAAT_WORKSPACE (source), result, &error))
    {
      g_autofree char *uri = g_file_get_uri (request->file);
      gtk_show_uri (GTK_WINDOW (request->dialog), uri, GDK_CURRENT_TIME);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    paraat_show_message (GTK_WINDOW (request->dialog), _("Cannot Open the File"),
                         error->message);

  open_request_free (request);
}

/* Opens a private copy: the workspace's content is never handed out in place. */
static void
open_revision (ParaatEvidenceDialog *self,
               ParaatEvidence       *revision)
{
  g_autofree char *name = paraat_sanitize_file_name (paraat_evidence_get_file_name (revision));
  g_autofree char *dir = g_build_filename (g_get_user_runtime_dir (), "paraat", NULL);
  g_autofree char *unique = NULL;
  g_autofree char *path = NULL;
  OpenRequest *request;

  g_mkdir_with_parents (dir, 0700);
  unique = g_strdup_printf ("%s/%" G_GINT64_FORMAT "-XXXXXX", dir,
                            paraat_evidence_get_revision_id (revision));
  if (g_mkdtemp (unique) == NULL)
    {
      paraat_show_message (GTK_WINDOW (self), _("Cannot Open the File"),
                           _("No private temporary folder could be made. Free some disk space "
                             "and try again."));
      return;
    }
  path = g_build_filename (unique, name, NULL);
  request = g_new0 (OpenRequest, 1);
  request->dialog = g_object_ref (self);
  request->file = g_file_new_for_path (path);
  paraat_workspace_export_revision_async (self->workspace,
                                          paraat_evidence_get_revision_id (revision),
                                          request->file, self->cancellable, on_opened_cb,
                                          request);
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ParaatEvidenceDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (paraat_workspace_export_revision_finish (PARAAT_WORKSPACE (source), result, &error))
    toast (self, _("Copy saved"));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    paraat_show_message (GTK_WINDOW (self), _("Cannot Save the Copy"), error->message);
}

static void
on_save_chooser_cb (ParaatEvidenceDialog *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  gint64 revision_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chooser), "revision-id"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      paraat_workspace_export_revision_async (self->workspace, revision_id, file,
                                              self->cancellable, on_saved_cb,
                                              g_object_ref (self));
    }
  g_clear_object (&self->chooser);
}

static void
save_revision (ParaatEvidenceDialog *self,
               ParaatEvidence       *revision)
{
  g_autofree char *name = paraat_sanitize_file_name (paraat_evidence_get_file_name (revision));

  g_clear_object (&self->chooser);
  self->chooser = paraat_file_chooser_new (GTK_WINDOW (self), _("Save a Copy"),
                                           GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                           G_CALLBACK (on_save_chooser_cb), self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data (G_OBJECT (self->chooser), "revision-id",
                     GSIZE_TO_POINTER ((gsize) paraat_evidence_get_revision_id (revision)));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_verified_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ParaatEvidenceDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  /* A check cut short by closing the window says nothing about the content. */
  if (paraat_workspace_verify_revision_finish (PARAAT_WORKSPACE (source), result, &error))
    toast (self, _("Intact: the content matches its SHA-256 hash"));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    paraat_show_message (GTK_WINDOW (self), _("Integrity Check Failed"), error->message);
}

static void
on_revision_button_cb (GtkButton            *button,
                       ParaatEvidenceDialog *self)
{
  ParaatEvidence *revision = g_object_get_data (G_OBJECT (button), "revision");
  const char *what = g_object_get_data (G_OBJECT (button), "what");

  if (g_str_equal (what, "open"))
    open_revision (self, revision);
  else if (g_str_equal (what, "save"))
    save_revision (self, revision);
  else
    paraat_workspace_verify_revision_async (self->workspace,
                                            paraat_evidence_get_revision_id (revision),
                                            self->cancellable, on_verified_cb,
                                            g_object_ref (self));
}

static void
add_revision_button (ParaatEvidenceDialog *self,
                     GtkWidget            *row,
                     ParaatEvidence       *revision,
                     const char           *what,
                     const char           *icon,
                     const char           *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "revision", g_object_ref (revision), g_object_unref);
  g_object_set_data (G_OBJECT (button), "what", (gpointer) what);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_revision_button_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static void
fill_revisions (ParaatEvidenceDialog *self)
{
  g_autoptr(GListModel) revisions = paraat_workspace_list_revisions (self->workspace,
                                                                     self->evidence_id, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->revisions_list))))
    gtk_list_box_remove (self->revisions_list, child);

  for (guint i = 0; revisions && i < g_list_model_get_n_items (revisions); i++)
    {
      g_autoptr(ParaatEvidence) revision = g_list_model_get_item (revisions, i);
      g_autofree char *size = g_format_size (paraat_evidence_get_size (revision));
      g_autofree char *title = g_strdup_printf (_("Version %d · %s"),
                                                paraat_evidence_get_revision (revision),
                                                paraat_evidence_get_file_name (revision));
      g_autofree char *subtitle = g_strdup_printf ("%s · SHA-256 %.16s…", size,
                                                   paraat_evidence_get_hash (revision));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_tooltip_text (row, paraat_evidence_get_hash (revision));
      add_revision_button (self, row, revision, "open", "document-open-symbolic",
                           _("Open with the Default Application"));
      add_revision_button (self, row, revision, "save", "document-save-as-symbolic",
                           _("Save a Copy…"));
      add_revision_button (self, row, revision, "verify", "security-high-symbolic",
                           _("Verify Integrity"));
      gtk_list_box_append (self->revisions_list, row);
    }
}

/* Metadata */

static void
fill_owner_model (ParaatEvidenceDialog *self)
{
  guint selected;
  g_autoptr(GtkStringList) names =
    paraat_person_choices_new (self->workspace, _("No owner"),
                               paraat_evidence_get_owner_id (self->evidence), self->owner_ids,
                               &selected);

  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->owner_row, selected);
}

static guint
track_index (guint track)
{
  for (guint i = 0; i < G_N_ELEMENTS (track_bits); i++)
    if (track_bits[i] == track)
      return i;
  return 0;
}

static void
fill_metadata (ParaatEvidenceDialog *self)
{
  ParaatEvidence *e = self->evidence;

  gtk_window_set_title (GTK_WINDOW (self), paraat_evidence_get_title (e));
  adw_window_title_set_title (self->window_title, paraat_evidence_get_title (e));
  adw_window_title_set_subtitle (self->window_title,
                                 paraat_freshness_label (paraat_evidence_get_freshness (e)));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), paraat_evidence_get_title (e));
  adw_combo_row_set_selected (self->track_row, track_index (paraat_evidence_get_track (e)));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), paraat_evidence_get_evidence_date (e));
  gtk_editable_set_text (GTK_EDITABLE (self->valid_row), paraat_evidence_get_valid_until (e));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         paraat_evidence_get_description (e));
  fill_owner_model (self);
}

static gboolean
load (ParaatEvidenceDialog *self,
      GError              **error)
{
  ParaatEvidence *evidence = paraat_workspace_get_evidence (self->workspace, self->evidence_id,
                                                            error);

  if (evidence == NULL)
    return FALSE;
  g_clear_object (&self->evidence);
  self->evidence = evidence;
  fill_links (self);
  fill_revisions (self);
  return TRUE;
}

static void
on_workspace_changed_cb (ParaatEvidenceDialog *self,
                         const char           *object_type)
{
  if (g_str_equal (object_type, "evidence"))
    load (self, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ParaatEvidenceDialog *self = PARAAT_EVIDENCE_DIALOG (widget);
  guint owner = adw_combo_row_get_selected (self->owner_row);
  guint track = adw_combo_row_get_selected (self->track_row);
  g_autoptr(GError) error = NULL;
  ParaatEvidenceMeta meta = {
    .title = gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
    .track = track_bits[MIN (track, G_N_ELEMENTS (track_bits) - 1)],
    .evidence_date = gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
    .valid_until = gtk_editable_get_text (GTK_EDITABLE (self->valid_row)),
    .owner_id = paraat_person_choice_get_id (self->owner_ids, owner),
    .description = gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
  };

  if (!paraat_workspace_update_evidence (self->workspace, self->evidence_id, &meta, &error))
    {
      paraat_label_show_error (self->error_label, error->message, NULL);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ParaatEvidenceDialog *self = PARAAT_EVIDENCE_DIALOG (widget);

  gtk_window_present (GTK_WINDOW (paraat_history_dialog_new (GTK_WINDOW (self), self->workspace,
                                                             "evidence", self->evidence_id,
                                                             paraat_evidence_get_title (self->evidence))));
}

static void
on_revision_added_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(ParaatEvidenceDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!paraat_workspace_add_revision_finish (PARAAT_WORKSPACE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        paraat_show_message (GTK_WINDOW (self), _("Cannot Add the Version"), error->message);
      return;
    }
  toast (self, _("New version added"));
}

static void
add_revision_file (ParaatEvidenceDialog *self,
                   GFile                *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      paraat_show_message (GTK_WINDOW (self), _("Cannot Add the Version"),
                           _("Only local files can be added. Save the file to a folder on this "
                             "computer first."));
      return;
    }
  paraat_workspace_add_revision_async (self->workspace, self->evidence_id, path,
                                       self->cancellable, on_revision_added_cb,
                                       g_object_ref (self));
}

static void
on_revision_chooser_cb (ParaatEvidenceDialog *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      add_revision_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
add_revision_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  ParaatEvidenceDialog *self = PARAAT_EVIDENCE_DIALOG (widget);

  g_clear_object (&self->chooser);
  self->chooser = paraat_file_chooser_new (GTK_WINDOW (self), _("Add a Version"),
                                           GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"),
                                           G_CALLBACK (on_revision_chooser_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
on_drop_cb (GtkDropTarget        *target,
            const GValue         *value,
            double                x,
            double                y,
            ParaatEvidenceDialog *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files != NULL)
    add_revision_file (self, files->data);
  g_slist_free (files);
  return TRUE;
}

static void
paraat_evidence_dialog_dispose (GObject *object)
{
  ParaatEvidenceDialog *self = PARAAT_EVIDENCE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_EVIDENCE_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chooser);
  g_clear_object (&self->evidence);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->owner_ids, g_array_unref);

  G_OBJECT_CLASS (paraat_evidence_dialog_parent_class)->dispose (object);
}

static void
paraat_evidence_dialog_class_init (ParaatEvidenceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_evidence_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-evidence-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidenceDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidenceDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidenceDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidenceDialog, track_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidenceDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidenceDialog, valid_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidenceDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidenceDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidenceDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidenceDialog, link_popover);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidenceDialog, link_entry);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidenceDialog, link_error);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidenceDialog, links_list);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidenceDialog, revisions_list);

  gtk_widget_class_install_action (widget_class, "item.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "item.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "item.add-revision", NULL, add_revision_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "item.save", NULL);
}

static void
paraat_evidence_dialog_init (ParaatEvidenceDialog *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->link_entry, "activate", G_CALLBACK (on_link_activate_cb), self);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* An item that cannot be read leaves a dialog that says so and saves nothing. */
ParaatEvidenceDialog *
paraat_evidence_dialog_new (GtkWindow       *parent,
                            ParaatWorkspace *workspace,
                            gint64           evidence_id)
{
  ParaatEvidenceDialog *self = g_object_new (PARAAT_TYPE_EVIDENCE_DIALOG,
                                             "transient-for", parent,
                                             NULL);
  g_autoptr(GError) error = NULL;

  self->workspace = g_object_ref (workspace);
  self->evidence_id = evidence_id;
  if (!load (self, &error))
    {
      paraat_label_show_error (self->error_label, error->message, NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.save", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.history", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.add-revision", FALSE);
      return self;
    }
  fill_metadata (self);
  g_signal_connect_object (workspace, "changed", G_CALLBACK (on_workspace_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}
