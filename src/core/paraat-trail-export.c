/* paraat-trail-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libxml/xmlwriter.h>
#include <string.h>

#include "paraat-check.h"
#include "paraat-clock.h"
#include "paraat-csv.h"
#include "paraat-db.h"
#include "paraat-error.h"
#include "paraat-i18n.h"
#include "paraat-partial-file.h"
#include "paraat-trail-export.h"
#include "paraat-trail-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)

gboolean
paraat_trail_format_from_string (const char        *name,
                                 ParaatTrailFormat *format)
{
  if (g_strcmp0 (name, "csv") == 0)
    *format = PARAAT_TRAIL_FORMAT_CSV;
  else if (g_strcmp0 (name, "xml") == 0)
    *format = PARAAT_TRAIL_FORMAT_XML;
  else
    return FALSE;
  return TRUE;
}

typedef struct
{
  sqlite3           *db;
  GOutputStream     *out;
  GCancellable      *cancellable;
  ParaatTrailReport  report;
  char              *organisation;
  char              *uuid;
} ExportContext;

static void
export_context_clear (ExportContext *ctx)
{
  paraat_trail_report_clear (&ctx->report);
  g_free (ctx->organisation);
  g_free (ctx->uuid);
}

static char *
read_text (sqlite3    *db,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = paraat_db_prepare (db, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return g_strdup ("");
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static sqlite3_stmt *
select_entries (sqlite3     *db,
                const char  *object_type,
                gint64       object_id,
                GError     **error)
{
  sqlite3_stmt *stmt;

  if (object_type == NULL)
    return paraat_db_prepare (db, PARAAT_TRAIL_SELECT " ORDER BY seq", error);

  stmt = paraat_db_prepare (db, PARAAT_TRAIL_SELECT
                            " WHERE object_type = ?1 AND object_id = ?2 ORDER BY seq", error);
  if (stmt != NULL)
    {
      paraat_db_bind_text (stmt, 1, object_type);
      sqlite3_bind_int64 (stmt, 2, object_id);
    }
  return stmt;
}

static gboolean
write_string (ExportContext  *ctx,
              GString        *text,
              GError        **error)
{
  gboolean ok = g_output_stream_write_all (ctx->out, text->str, text->len, NULL,
                                           ctx->cancellable, error);
  g_string_truncate (text, 0);
  return ok;
}

static void
append_csv_row (GString          *line,
                ParaatTrailEntry *entry)
{
  g_autofree char *time = paraat_clock_format_ms (paraat_trail_entry_get_ts_ms (entry));
  g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, paraat_trail_entry_get_seq (entry));
  g_autofree char *actor_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               paraat_trail_entry_get_actor_id (entry));
  g_autofree char *object_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                paraat_trail_entry_get_object_id (entry));
  g_autofree char *ts = g_strdup_printf ("%" G_GINT64_FORMAT, paraat_trail_entry_get_ts_ms (entry));
  const char *cells[] = {
    seq, time, ts, actor_id, paraat_trail_entry_get_actor_name (entry),
    paraat_trail_entry_get_object_type (entry), object_id,
    paraat_trail_entry_get_object_label (entry), paraat_trail_entry_get_action (entry),
    paraat_trail_entry_get_details (entry), paraat_trail_entry_get_reason (entry),
    paraat_trail_entry_get_prev_hash (entry), paraat_trail_entry_get_hash (entry),
  };

  paraat_csv_append_row (line, cells, G_N_ELEMENTS (cells));
}

static gboolean
export_csv (ExportContext  *ctx,
            sqlite3_stmt   *stmt,
            GError        **error)
{
  g_autoptr(GString) text =
    g_string_new ("seq,timestamp_utc,timestamp_ms,actor_id,actor,object_type,object_id,"
                  "object,action,details,reason,prev_hash,hash\r\n");
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ParaatTrailEntry) entry = paraat_trail_entry_new_from_row (stmt);

      append_csv_row (text, entry);
      if (text->len > 64 * 1024 && !write_string (ctx, text, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return paraat_db_set_error (ctx->db, rc, error);
  return write_string (ctx, text, error);
}

static int
xml_write_cb (void       *context,
              const char *buffer,
              int         len)
{
  ExportContext *ctx = context;

  if (!g_output_stream_write_all (ctx->out, buffer, len, NULL, ctx->cancellable, NULL))
    return -1;
  return len;
}

static void
write_element (xmlTextWriterPtr  writer,
               const char       *name,
               const char       *value)
{
  if (value != NULL)
    xmlTextWriterWriteElement (writer, BAD_CAST name, BAD_CAST value);
}

static void
write_int_attribute (xmlTextWriterPtr  writer,
                     const char       *name,
                     gint64            value)
{
  xmlTextWriterWriteFormatAttribute (writer, BAD_CAST name, "%" G_GINT64_FORMAT, value);
}

static void
write_change (const char *field,
              const char *before,
              const char *after,
              gpointer    user_data)
{
  xmlTextWriterPtr writer = user_data;

  xmlTextWriterStartElement (writer, BAD_CAST "change");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "field", BAD_CAST field);
  write_element (writer, "before", before);
  write_element (writer, "after", after);
  xmlTextWriterEndElement (writer);
}

static void
write_xml_entry (xmlTextWriterPtr  writer,
                 ParaatTrailEntry *entry)
{
  g_autofree char *time = paraat_clock_format_ms (paraat_trail_entry_get_ts_ms (entry));

  xmlTextWriterStartElement (writer, BAD_CAST "entry");
  write_int_attribute (writer, "seq", paraat_trail_entry_get_seq (entry));
  xmlTextWriterWriteAttribute (writer, BAD_CAST "time", BAD_CAST time);
  write_int_attribute (writer, "time-ms", paraat_trail_entry_get_ts_ms (entry));

  xmlTextWriterStartElement (writer, BAD_CAST "actor");
  write_int_attribute (writer, "id", paraat_trail_entry_get_actor_id (entry));
  xmlTextWriterWriteString (writer, BAD_CAST paraat_trail_entry_get_actor_name (entry));
  xmlTextWriterEndElement (writer);

  xmlTextWriterStartElement (writer, BAD_CAST "object");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "type",
                               BAD_CAST paraat_trail_entry_get_object_type (entry));
  write_int_attribute (writer, "id", paraat_trail_entry_get_object_id (entry));
  xmlTextWriterWriteString (writer, BAD_CAST paraat_trail_entry_get_object_label (entry));
  xmlTextWriterEndElement (writer);

  write_element (writer, "action", paraat_trail_entry_get_action (entry));
  paraat_trail_entry_foreach_change (entry, write_change, writer);
  write_element (writer, "details", paraat_trail_entry_get_details (entry));
  write_element (writer, "reason", paraat_trail_entry_get_reason (entry));
  write_element (writer, "prev-hash", paraat_trail_entry_get_prev_hash (entry));
  write_element (writer, "hash", paraat_trail_entry_get_hash (entry));
  xmlTextWriterEndElement (writer);
}

static void
write_xml_header (ExportContext    *ctx,
                  xmlTextWriterPtr  writer,
                  const char       *object_type,
                  gint64            object_id)
{
  g_autofree char *now = paraat_clock_format_ms (paraat_clock_now_ms ());

  xmlTextWriterStartDocument (writer, NULL, "UTF-8", NULL);
  xmlTextWriterStartElement (writer, BAD_CAST "audit-trail");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns",
                               BAD_CAST "https://github.com/paraat/paraat/ns/audit-trail/1");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "hash-algorithm", BAD_CAST "paraat-trail-v1");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "workspace", BAD_CAST ctx->uuid);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "organisation", BAD_CAST ctx->organisation);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "exported", BAD_CAST now);
  write_int_attribute (writer, "chain-entries", ctx->report.n_entries);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "head-hash", BAD_CAST ctx->report.head_hash);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "chain-intact",
                               BAD_CAST (ctx->report.problem ? "false" : "true"));
  if (object_type != NULL)
    {
      xmlTextWriterWriteAttribute (writer, BAD_CAST "item-type", BAD_CAST object_type);
      write_int_attribute (writer, "item-id", object_id);
    }
}

static gboolean
export_xml (ExportContext  *ctx,
            sqlite3_stmt   *stmt,
            const char     *object_type,
            gint64          object_id,
            GError        **error)
{
  xmlOutputBufferPtr buffer = xmlOutputBufferCreateIO (xml_write_cb, NULL, ctx, NULL);
  xmlTextWriterPtr writer = xmlNewTextWriter (buffer);
  int rc;

  xmlTextWriterSetIndent (writer, 1);
  write_xml_header (ctx, writer, object_type, object_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ParaatTrailEntry) entry = paraat_trail_entry_new_from_row (stmt);
      write_xml_entry (writer, entry);
    }
  xmlTextWriterEndDocument (writer);
  rc = rc == SQLITE_DONE ? xmlTextWriterFlush (writer) : -1;
  xmlFreeTextWriter (writer);

  if (rc < 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO,
                   _("Could not write the export. Check that there is enough disk space."));
      return FALSE;
    }
  return TRUE;
}

/* Writes beside the destination first, so a failed export leaves no partial file and
 * any earlier file intact. */
gboolean
paraat_trail_export (const char         *workspace_path,
                     const char         *object_type,
                     gint64              object_id,
                     ParaatTrailFormat   format,
                     GFile              *destination,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_autoptr(sqlite3) db = paraat_check_open_readonly (workspace_path, error);
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GFile) partial = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ExportContext ctx = { 0 };
  gboolean ok;

  if (db == NULL || !paraat_trail_verify_db (db, &ctx.report, error))
    return FALSE;

  ctx.db = db;
  ctx.cancellable = cancellable;
  ctx.organisation = read_text (db, "SELECT value FROM setting WHERE key = 'organisation'");
  ctx.uuid = read_text (db, "SELECT value FROM meta WHERE key = 'uuid'");

  stmt = select_entries (db, object_type, object_id, error);
  out = stmt ? paraat_partial_file_create (destination, &partial, cancellable, error) : NULL;
  if (out == NULL)
    {
      export_context_clear (&ctx);
      return FALSE;
    }

  ctx.out = out;
  if (format == PARAAT_TRAIL_FORMAT_CSV)
    ok = export_csv (&ctx, stmt, error);
  else
    ok = export_xml (&ctx, stmt, object_type, object_id, error);

  if (ok)
    ok = paraat_partial_file_commit (out, partial, destination, cancellable, error);
  else
    paraat_partial_file_discard (out, partial);

  export_context_clear (&ctx);
  return ok;
}

typedef struct
{
  char              *path;
  char              *object_type;
  gint64             object_id;
  ParaatTrailFormat  format;
  GFile             *destination;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->path);
  g_free (data->object_type);
  g_clear_object (&data->destination);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (paraat_trail_export (data->path, data->object_type, data->object_id, data->format,
                           data->destination, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
paraat_trail_export_async (const char          *workspace_path,
                           const char          *object_type,
                           gint64               object_id,
                           ParaatTrailFormat    format,
                           GFile               *destination,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportData *data = g_new0 (ExportData, 1);

  data->path = g_strdup (workspace_path);
  data->object_type = g_strdup (object_type);
  data->object_id = object_id;
  data->format = format;
  data->destination = g_object_ref (destination);
  g_task_set_source_tag (task, paraat_trail_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
paraat_trail_export_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
