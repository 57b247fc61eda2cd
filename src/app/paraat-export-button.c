/* paraat-export-button.c — the export menu of a register page: the save dialog, the export in
 * a worker thread, and its outcome as a toast or a message
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-export-button.h"
#include "paraat-widget-util.h"

struct _ParaatExportButton
{
  AdwBin                parent_instance;

  GtkWidget            *menu_button;

  /* Owned references */
  ParaatWorkspace      *workspace;
  char                 *framework_key;
  GMenuModel           *extra_menu;    /* the page's own exports, after the register's */
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  AdwToast             *toast;         /* the last outcome, while shown */

  ParaatExportKind      kind;          /* PARAAT_N_EXPORTS until set */
  ParaatExportKind      chosen_kind;   /* what the open save dialog is for */
  ParaatExportFormat    chosen_format;
  gboolean              busy;
};

G_DEFINE_FINAL_TYPE (ParaatExportButton, paraat_export_button, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_KIND,
  PROP_FRAMEWORK_KEY,
  PROP_EXTRA_MENU,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const titles[PARAAT_N_EXPORTS] = {
  N_("Export Statement of Applicability"),
  N_("Export Requirements"),
  N_("Export Actions"),
  N_("Export Risks"),
  N_("Export Exceptions"),
  N_("Export Scope"),
  N_("Export Evidence List"),
  N_("Export Management Reviews"),
};

static const char * const base_names[PARAAT_N_EXPORTS] = {
  /* Translators: the suggested file names of exported registers, before the extension;
   * keep them short, without spaces */
  N_("statement-of-applicability"),
  N_("requirements"),
  N_("actions"),
  N_("risks"),
  N_("exceptions"),
  N_("scope"),
  N_("evidence"),
  N_("management-reviews"),
};

static const struct
{
  const char *label;
  const char *extension;
  const char *mime_type;
} formats[] = {
  [PARAAT_EXPORT_CSV] = { N_("Export as _CSV…"), "csv", "text/csv" },
  [PARAAT_EXPORT_ODS] = { N_("Export as _Spreadsheet (ODS)…"), "ods",
                          "application/vnd.oasis.opendocument.spreadsheet" },
  [PARAAT_EXPORT_PDF] = { N_("Export as P_DF…"), "pdf", "application/pdf" },
};

/* Spreadsheet first: it is what most people open an exported register in. */
static const ParaatExportFormat menu_order[] = {
  PARAAT_EXPORT_ODS, PARAAT_EXPORT_CSV, PARAAT_EXPORT_PDF,
};

static gboolean
offers_soa (ParaatExportButton *self)
{
  return self->kind == PARAAT_EXPORT_REQUIREMENTS &&
         g_strcmp0 (self->framework_key, PARAAT_EXPORT_SOA_FRAMEWORK) == 0;
}

static void
update_enabled (ParaatExportButton *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save",
                                 self->workspace != NULL && !self->busy &&
                                 self->kind < PARAAT_N_EXPORTS);
}

static void
set_busy (ParaatExportButton *self,
          gboolean            busy)
{
  self->busy = busy;
  update_enabled (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The menu */

static GMenuModel *
format_section_new (ParaatExportKind kind)
{
  GMenu *section = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (menu_order); i++)
    {
      ParaatExportFormat format = menu_order[i];
      g_autoptr(GMenuItem) item = g_menu_item_new (_(formats[format].label), NULL);

      g_menu_item_set_action_and_target_value (item, "export.save",
                                               g_variant_new ("(ss)",
                                                              paraat_export_kind_to_string (kind),
                                                              paraat_export_format_to_string (format)));
      g_menu_append_item (section, item);
    }
  return G_MENU_MODEL (section);
}

/* One section of formats; a titled one per register where the page has two. */
static void
rebuild_menu (ParaatExportButton *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  const char *title = offers_soa (self) ? _("Export")
                      : self->kind < PARAAT_N_EXPORTS ? _(titles[self->kind]) : NULL;

  if (self->kind < PARAAT_N_EXPORTS)
    {
      g_autoptr(GMenuModel) own = format_section_new (self->kind);

      g_menu_append_section (menu, offers_soa (self) ? _("Requirements") : NULL, own);
    }
  if (offers_soa (self))
    {
      g_autoptr(GMenuModel) soa = format_section_new (PARAAT_EXPORT_SOA);

      g_menu_append_section (menu, _("Statement of Applicability"), soa);
    }
  if (self->extra_menu != NULL)
    g_menu_append_section (menu, NULL, self->extra_menu);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (self->menu_button, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : "", -1);
  update_enabled (self);
}

/* The outcome */

static void
show_success (ParaatExportButton *self,
              const char         *path)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), name);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  if (overlay == NULL)
    return;
  /* The newest export is the news: it replaces, rather than queues behind, the last one. */
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_clear_object (&self->toast);
  self->toast = paraat_toast_new (message);
  if (uri != NULL)
    {
      adw_toast_set_button_label (self->toast, _("_Open"));
      adw_toast_set_action_name (self->toast, "win.show-file");
      adw_toast_set_action_target_value (self->toast, g_variant_new_string (uri));
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (self->toast));
}

/* The core's message names the file and says what went wrong and what to do. */
static void
show_failure (ParaatExportButton *self,
              const GError       *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root != NULL)
    paraat_show_message (GTK_WINDOW (root), _("Export Failed"), error->message);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ParaatExportButton *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!paraat_export_finish (result, &error))
    {
      /* Cancelled: the page went away, and nobody is left to tell */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failure (self, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  show_success (self, g_task_get_task_data (task));
  g_task_return_boolean (task, TRUE);
}

void
paraat_export_button_export_to_path (ParaatExportButton  *self,
                                     ParaatExportKind     kind,
                                     ParaatExportFormat   format,
                                     const char          *path,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PARAAT_IS_EXPORT_BUTTON (self));
  g_return_if_fail (self->workspace != NULL);
  g_return_if_fail (kind < PARAAT_N_EXPORTS);
  g_return_if_fail (path != NULL);

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, paraat_export_button_export_to_path);
  g_task_set_task_data (task, g_strdup (path), g_free);
  set_busy (self, TRUE);
  /* The worker reads the file on a connection of its own, so the page stays usable. */
  paraat_export_async (paraat_workspace_get_path (self->workspace), kind,
                       kind == PARAAT_EXPORT_REQUIREMENTS ? self->framework_key : NULL,
                       format, NULL, path, self->cancellable, on_export_done_cb, task);
}

gboolean
paraat_export_button_export_finish (ParaatExportButton  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (PARAAT_IS_EXPORT_BUTTON (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The save dialog */

static void
on_chooser_response_cb (ParaatExportButton *self,
                        int                 response)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->workspace != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser))) &&
      (path = g_file_get_path (file)))
    paraat_export_button_export_to_path (self, self->chosen_kind, self->chosen_format, path,
                                         NULL, NULL);
  g_clear_object (&self->chooser);
}

static char *
suggested_name (ParaatExportButton *self,
                ParaatExportKind    kind,
                ParaatExportFormat  format)
{
  const char *base = _(base_names[kind]);

  /* Registers of two frameworks exported side by side must not share a name. */
  if (kind == PARAAT_EXPORT_REQUIREMENTS && self->framework_key != NULL)
    return g_strdup_printf ("%s-%s.%s", base, self->framework_key, formats[format].extension);
  return g_strdup_printf ("%s.%s", base, formats[format].extension);
}

static void
open_chooser (ParaatExportButton *self,
              ParaatExportKind    kind,
              ParaatExportFormat  format)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *type_name = g_content_type_get_description (formats[format].mime_type);
  g_autofree char *name = suggested_name (self, kind, format);

  self->chosen_kind = kind;
  self->chosen_format = format;
  self->chooser = paraat_file_chooser_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                           _(titles[kind]), GTK_FILE_CHOOSER_ACTION_SAVE,
                                           _("_Export"), G_CALLBACK (on_chooser_response_cb),
                                           self);
  gtk_file_filter_set_name (filter, type_name);
  gtk_file_filter_add_mime_type (filter, formats[format].mime_type);
  gtk_file_filter_add_suffix (filter, formats[format].extension);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ParaatExportButton *self = PARAAT_EXPORT_BUTTON (widget);
  const char *kind_name, *format_name;
  ParaatExportKind kind;
  ParaatExportFormat format;

  g_variant_get (param, "(&s&s)", &kind_name, &format_name);
  if (self->chooser == NULL && self->workspace != NULL &&
      paraat_export_kind_from_string (kind_name, &kind) &&
      paraat_export_format_from_string (format_name, &format))
    open_chooser (self, kind, format);
}

/* Public API */

void
paraat_export_button_set_workspace (ParaatExportButton *self,
                                    ParaatWorkspace    *workspace)
{
  g_return_if_fail (PARAAT_IS_EXPORT_BUTTON (self));

  g_set_object (&self->workspace, workspace);
  update_enabled (self);
}

void
paraat_export_button_set_kind (ParaatExportButton *self,
                               const char         *kind)
{
  ParaatExportKind value = PARAAT_N_EXPORTS;

  g_return_if_fail (PARAAT_IS_EXPORT_BUTTON (self));

  if (kind != NULL && !paraat_export_kind_from_string (kind, &value))
    g_return_if_reached ();

  if (value == self->kind)
    return;
  self->kind = value;
  rebuild_menu (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

void
paraat_export_button_set_framework_key (ParaatExportButton *self,
                                        const char         *framework_key)
{
  g_return_if_fail (PARAAT_IS_EXPORT_BUTTON (self));

  if (g_strcmp0 (self->framework_key, framework_key) == 0)
    return;
  g_free (self->framework_key);
  self->framework_key = g_strdup (framework_key);
  rebuild_menu (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAMEWORK_KEY]);
}

void
paraat_export_button_set_extra_menu (ParaatExportButton *self,
                                     GMenuModel         *extra_menu)
{
  g_return_if_fail (PARAAT_IS_EXPORT_BUTTON (self));

  if (!g_set_object (&self->extra_menu, extra_menu))
    return;
  rebuild_menu (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTRA_MENU]);
}

gboolean
paraat_export_button_get_busy (ParaatExportButton *self)
{
  g_return_val_if_fail (PARAAT_IS_EXPORT_BUTTON (self), FALSE);

  return self->busy;
}

/* Setup */

static void
paraat_export_button_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ParaatExportButton *self = PARAAT_EXPORT_BUTTON (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind < PARAAT_N_EXPORTS
                                 ? paraat_export_kind_to_string (self->kind) : NULL);
      break;
    case PROP_FRAMEWORK_KEY:
      g_value_set_string (value, self->framework_key);
      break;
    case PROP_EXTRA_MENU:
      g_value_set_object (value, self->extra_menu);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
paraat_export_button_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ParaatExportButton *self = PARAAT_EXPORT_BUTTON (object);

  switch (prop_id)
    {
    case PROP_KIND:
      paraat_export_button_set_kind (self, g_value_get_string (value));
      break;
    case PROP_FRAMEWORK_KEY:
      paraat_export_button_set_framework_key (self, g_value_get_string (value));
      break;
    case PROP_EXTRA_MENU:
      paraat_export_button_set_extra_menu (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
paraat_export_button_dispose (GObject *object)
{
  ParaatExportButton *self = PARAAT_EXPORT_BUTTON (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->toast);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (paraat_export_button_parent_class)->dispose (object);
}

static void
paraat_export_button_finalize (GObject *object)
{
  ParaatExportButton *self = PARAAT_EXPORT_BUTTON (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->framework_key, g_free);
  g_clear_object (&self->extra_menu);

  G_OBJECT_CLASS (paraat_export_button_parent_class)->finalize (object);
}

static void
paraat_export_button_class_init (ParaatExportButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = paraat_export_button_get_property;
  object_class->set_property = paraat_export_button_set_property;
  object_class->dispose = paraat_export_button_dispose;
  object_class->finalize = paraat_export_button_finalize;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRAMEWORK_KEY] =
    g_param_spec_string ("framework-key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXTRA_MENU] =
    g_param_spec_object ("extra-menu", NULL, NULL, G_TYPE_MENU_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "export.save", "(ss)", save_action);
}

static void
paraat_export_button_init (ParaatExportButton *self)
{
  self->kind = PARAAT_N_EXPORTS;
  self->cancellable = g_cancellable_new ();
  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "document-save-symbolic");
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (self->menu_button), FALSE);
  adw_bin_set_child (ADW_BIN (self), self->menu_button);
  rebuild_menu (self);
}
