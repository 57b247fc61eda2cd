/* paraat-evidence-page.c — all evidence of the workspace; files are dropped, pasted or
 * chosen here
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "paraat-evidence.h"
#include "paraat-evidence-dialog.h"
#include "paraat-evidence-page.h"
#include "paraat-export-button.h"
#include "paraat-widget-util.h"
#include "paraat-window.h"

struct _ParaatEvidencePage
{
  AdwBin                  parent_instance;

  /* Template widgets */
  ParaatExportButton     *export_button;
  GtkLabel               *summary_label;
  GtkSearchEntry         *search_entry;
  GtkDropDown            *track_dropdown;
  GtkDropDown            *freshness_dropdown;
  GtkRevealer            *progress_revealer;
  GtkLabel               *progress_label;
  GtkProgressBar         *progress_bar;
  GtkStack               *stack;
  GtkListView            *list_view;

  /* Owned references */
  ParaatWorkspace        *workspace;
  ParaatEvidenceImporter *importer;
  GListModel             *all;
  GListStore             *shown;
  GtkFileChooserNative   *chooser;
};

G_DEFINE_FINAL_TYPE (ParaatEvidencePage, paraat_evidence_page, ADW_TYPE_BIN)

static const guint track_bits[] = { 0, PARAAT_TRACK_POLICY, PARAAT_TRACK_OPERATION,
                                    PARAAT_TRACK_MONITORING };

static gboolean
matches (ParaatEvidencePage *self,
         ParaatEvidence     *evidence,
         const char         *needle)
{
  guint track = gtk_drop_down_get_selected (self->track_dropdown);
  guint freshness = gtk_drop_down_get_selected (self->freshness_dropdown);

  if (track > 0 && track < G_N_ELEMENTS (track_bits) &&
      paraat_evidence_get_track (evidence) != track_bits[track])
    return FALSE;
  if (freshness > 0 && freshness != GTK_INVALID_LIST_POSITION &&
      paraat_evidence_get_freshness (evidence) != (ParaatFreshness) (freshness - 1))
    return FALSE;
  return needle[0] == '\0' ||
         paraat_contains_folded (paraat_evidence_get_title (evidence), needle) ||
         paraat_contains_folded (paraat_evidence_get_file_name (evidence), needle) ||
         paraat_contains_folded (paraat_evidence_get_description (evidence), needle);
}

static void
update_summary (ParaatEvidencePage *self)
{
  guint n = self->all ? g_list_model_get_n_items (self->all) : 0;
  guint counts[3] = { 0, };
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatEvidence) evidence = g_list_model_get_item (self->all, i);
      counts[paraat_evidence_get_freshness (evidence)]++;
    }

  /* Translators: "12 items · 9 fresh · 1 expiring soon · 2 stale" */
  text = g_strdup_printf (_("%u items · %u fresh · %u expiring soon · %u stale"), n,
                          counts[PARAAT_FRESHNESS_FRESH], counts[PARAAT_FRESHNESS_EXPIRING],
                          counts[PARAAT_FRESHNESS_STALE]);
  gtk_label_set_label (self->summary_label, text);
}

static void
refilter (ParaatEvidencePage *self)
{
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = self->all ? g_list_model_get_n_items (self->all) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatEvidence) evidence = g_list_model_get_item (self->all, i);
      if (matches (self, evidence, needle))
        g_ptr_array_add (shown, g_steal_pointer (&evidence));
    }

  g_list_store_splice (self->shown, 0, g_list_model_get_n_items (G_LIST_MODEL (self->shown)),
                       shown->pdata, shown->len);
  gtk_stack_set_visible_child_name (self->stack, shown->len > 0 ? "list" : "empty");
}

static void
reload (ParaatEvidencePage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->all);
  if (self->workspace != NULL)
    self->all = paraat_workspace_list_evidence (self->workspace, &error);
  if (error != NULL)
    g_warning ("Could not read the evidence: %s", error->message);
  update_summary (self);
  refilter (self);
}

static void
on_workspace_changed_cb (ParaatEvidencePage *self,
                         const char         *object_type)
{
  if (g_str_equal (object_type, "evidence") || g_str_equal (object_type, "person"))
    reload (self);
}

/* Rows */

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *freshness;

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
  gtk_box_append (GTK_BOX (row), icon);
  g_object_set_data (G_OBJECT (row), "icon", icon);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (row), text);
  paraat_row_add_label (GTK_BOX (text), row, "title", NULL);
  paraat_row_add_label (GTK_BOX (text), row, "subtitle", "dim-label");
  freshness = paraat_row_add_label (GTK_BOX (row), row, "freshness", "paraat-status");
  gtk_widget_set_valign (freshness, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (item, row);
}

static const char *
freshness_class (ParaatFreshness freshness)
{
  switch (freshness)
    {
    case PARAAT_FRESHNESS_FRESH: return "implemented";
    case PARAAT_FRESHNESS_EXPIRING: return "partial";
    case PARAAT_FRESHNESS_STALE:
    default: return "stale";
    }
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  ParaatEvidence *evidence = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *freshness = g_object_get_data (G_OBJECT (row), "freshness");
  g_autoptr(GIcon) icon = g_content_type_get_symbolic_icon (paraat_evidence_get_content_type (evidence)
                                                            ? paraat_evidence_get_content_type (evidence)
                                                            : "application/octet-stream");
  guint links = paraat_evidence_get_n_links (evidence);
  g_autofree char *subtitle =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s · valid until %s · %u requirement",
                                  "%s · %s · valid until %s · %u requirements", links),
                     paraat_evidence_get_file_name (evidence),
                     paraat_track_label (paraat_evidence_get_track (evidence)),
                     paraat_evidence_get_valid_until (evidence), links);

  gtk_image_set_from_gicon (g_object_get_data (G_OBJECT (row), "icon"), icon);
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "title"),
                       paraat_evidence_get_title (evidence));
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "subtitle"), subtitle);
  gtk_label_set_label (GTK_LABEL (freshness),
                       paraat_freshness_label (paraat_evidence_get_freshness (evidence)));
  gtk_widget_remove_css_class (freshness, "implemented");
  gtk_widget_remove_css_class (freshness, "partial");
  gtk_widget_remove_css_class (freshness, "stale");
  gtk_widget_add_css_class (freshness, freshness_class (paraat_evidence_get_freshness (evidence)));
}

static void
on_activate_cb (ParaatEvidencePage *self,
                guint               position)
{
  g_autoptr(ParaatEvidence) evidence = g_list_model_get_item (G_LIST_MODEL (self->shown),
                                                              position);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (evidence != NULL)
    gtk_window_present (GTK_WINDOW (paraat_evidence_dialog_new (GTK_WINDOW (root), self->workspace,
                                                                paraat_evidence_get_id (evidence))));
}

/* Adding files */

static void
on_importer_state_cb (ParaatEvidencePage *self)
{
  const char *current = paraat_evidence_importer_get_current (self->importer);
  g_autofree char *text = current ? g_strdup_printf (_("Adding “%s”…"), current) : NULL;

  gtk_revealer_set_reveal_child (self->progress_revealer,
                                 paraat_evidence_importer_get_busy (self->importer));
  gtk_label_set_label (self->progress_label, text ? text : "");
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 paraat_evidence_importer_get_fraction (self->importer));
}

static void
on_import_failed_cb (ParaatEvidencePage *self,
                     const char         *file_name,
                     const char         *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, message);
  g_autofree char *heading = g_strdup_printf (_("Cannot Add “%s”"), file_name);

  if (PARAAT_IS_WINDOW (root))
    paraat_window_show_error (PARAAT_WINDOW (root), heading, error);
}

static void
add_folder_contents (ParaatEvidencePage *self,
                     GFile              *folder)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                               G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                               NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)))
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
        {
          g_autoptr(GFile) child = g_file_get_child (folder, g_file_info_get_name (info));
          paraat_evidence_importer_add (self->importer, child, 0);
        }
      g_object_unref (info);
    }
}

static void
on_folder_response_cb (AdwMessageDialog   *dialog,
                       const char         *response,
                       ParaatEvidencePage *self)
{
  GFile *folder = g_object_get_data (G_OBJECT (dialog), "folder");

  if (g_str_equal (response, "add"))
    add_folder_contents (self, folder);
}

static void
ask_about_folder (ParaatEvidencePage *self,
                  GFile              *folder)
{
  g_autofree char *name = g_file_get_basename (folder);
  g_autofree char *heading = g_strdup_printf (_("Add the Files in “%s”?"), name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading,
                                              _("Each file inside the folder becomes its own "
                                                "evidence item. Folders inside it are left out."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "add", _("_Add Files"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  g_object_set_data_full (G_OBJECT (dialog), "folder", g_object_ref (folder), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_folder_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
paraat_evidence_page_add_files (ParaatEvidencePage *self,
                                GSList             *files)
{
  g_return_if_fail (PARAAT_IS_EVIDENCE_PAGE (self));

  if (self->importer == NULL)
    return;

  for (GSList *l = files; l; l = l->next)
    {
      if (g_file_query_file_type (l->data, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) ==
          G_FILE_TYPE_DIRECTORY)
        ask_about_folder (self, l->data);
      else
        paraat_evidence_importer_add (self->importer, l->data, 0);
    }
}

static gboolean
on_drop_cb (GtkDropTarget      *target,
            const GValue       *value,
            double              x,
            double              y,
            ParaatEvidencePage *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  paraat_evidence_page_add_files (self, files);
  g_slist_free (files);
  return TRUE;
}

static void
on_chooser_response_cb (ParaatEvidencePage   *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      GSList *list = NULL;

      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
      paraat_evidence_page_add_files (self, list);
      g_slist_free_full (list, g_object_unref);
    }
  g_clear_object (&self->chooser);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  ParaatEvidencePage *self = PARAAT_EVIDENCE_PAGE (widget);

  g_clear_object (&self->chooser);
  self->chooser = paraat_file_chooser_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                           _("Add Evidence"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                           _("_Add"), G_CALLBACK (on_chooser_response_cb), self);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_paste_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ParaatEvidencePage) self = user_data;
  const GValue *value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (source), result, NULL);

  if (value != NULL && G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
      paraat_evidence_page_add_files (self, files);
      g_slist_free (files);
    }
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  /* A focused text field handles Ctrl+V itself; only other pastes reach here. */
  gdk_clipboard_read_value_async (gtk_widget_get_clipboard (widget), GDK_TYPE_FILE_LIST,
                                  G_PRIORITY_DEFAULT, NULL, on_paste_read_cb,
                                  g_object_ref (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ParaatEvidencePage *self = PARAAT_EVIDENCE_PAGE (widget);

  if (self->importer != NULL)
    paraat_evidence_importer_cancel (self->importer);
}

/* Public API */

void
paraat_evidence_page_set_workspace (ParaatEvidencePage *self,
                                    ParaatWorkspace    *workspace)
{
  g_return_if_fail (PARAAT_IS_EVIDENCE_PAGE (self));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  if (self->importer != NULL)
    paraat_evidence_importer_cancel (self->importer);
  g_clear_object (&self->importer);
  g_set_object (&self->workspace, workspace);
  paraat_export_button_set_workspace (self->export_button, workspace);

  if (workspace != NULL)
    {
      self->importer = paraat_evidence_importer_new (workspace);
      g_signal_connect_object (self->importer, "notify", G_CALLBACK (on_importer_state_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->importer, "failed", G_CALLBACK (on_import_failed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_swapped (workspace, "changed", G_CALLBACK (on_workspace_changed_cb), self);
    }
  reload (self);
}

GListModel *
paraat_evidence_page_get_items (ParaatEvidencePage *self)
{
  g_return_val_if_fail (PARAAT_IS_EVIDENCE_PAGE (self), NULL);
  return G_LIST_MODEL (self->shown);
}

ParaatEvidenceImporter *
paraat_evidence_page_get_importer (ParaatEvidencePage *self)
{
  g_return_val_if_fail (PARAAT_IS_EVIDENCE_PAGE (self), NULL);
  return self->importer;
}

static void
paraat_evidence_page_dispose (GObject *object)
{
  ParaatEvidencePage *self = PARAAT_EVIDENCE_PAGE (object);

  paraat_evidence_page_set_workspace (self, NULL);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_EVIDENCE_PAGE);
  g_clear_object (&self->shown);
  g_clear_object (&self->all);
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (paraat_evidence_page_parent_class)->dispose (object);
}

static void
paraat_evidence_page_class_init (ParaatEvidencePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_evidence_page_dispose;

  g_type_ensure (PARAAT_TYPE_EXPORT_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-evidence-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidencePage, export_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidencePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidencePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidencePage, track_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidencePage, freshness_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidencePage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidencePage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidencePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidencePage, stack);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvidencePage, list_view);

  gtk_widget_class_install_action (widget_class, "evidence.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "evidence.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "evidence.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK,
                                       "evidence.paste", NULL);
}

static void
paraat_evidence_page_init (ParaatEvidencePage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->shown = g_list_store_new (PARAAT_TYPE_EVIDENCE);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (refilter), self);
  g_signal_connect_swapped (self->track_dropdown, "notify::selected", G_CALLBACK (refilter), self);
  g_signal_connect_swapped (self->freshness_dropdown, "notify::selected",
                            G_CALLBACK (refilter), self);
}
