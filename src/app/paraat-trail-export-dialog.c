/* paraat-trail-export-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <inttypes.h>
#include <glib/gi18n.h>

#include "paraat-trail-export-dialog.h"
#include "paraat-widget-util.h"

typedef struct
{
  GtkWindow         *parent;
  char              *workspace_path;
  char              *object_type;
  gint64             object_id;
  ParaatTrailFormat  format;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_clear_object (&request->parent);
  g_free (request->workspace_path);
  g_free (request->object_type);
  g_free (request);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExportRequest *request = user_data;
  g_autoptr(GError) error = NULL;

  if (!paraat_trail_export_finish (result, &error))
    paraat_show_message (request->parent, _("Export Failed"), error->message);
  export_request_free (request);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        ExportRequest   *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      paraat_trail_export_async (request->workspace_path, request->object_type,
                                 request->object_id, request->format, file, NULL,
                                 on_export_done_cb, request);
    }
  else
    export_request_free (request);

  g_object_unref (chooser);
}

void
paraat_trail_export_dialog_run (GtkWindow         *parent,
                                ParaatWorkspace   *workspace,
                                const char        *object_type,
                                gint64             object_id,
                                ParaatTrailFormat  format)
{
  ExportRequest *request = g_new0 (ExportRequest, 1);
  const char *extension = format == PARAAT_TRAIL_FORMAT_CSV ? "csv" : "xml";
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  request->parent = g_object_ref (parent);
  request->workspace_path = g_strdup (paraat_workspace_get_path (workspace));
  request->object_type = g_strdup (object_type);
  request->object_id = object_id;
  request->format = format;

  if (object_type != NULL)
    name = g_strdup_printf (_("history-%s-%" PRId64 ".%s"), object_type, object_id,
                            extension);
  else
    name = g_strdup_printf (_("audit-trail.%s"), extension);

  chooser = gtk_file_chooser_native_new (_("Export Audit Trail"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
