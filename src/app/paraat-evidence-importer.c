/* paraat-evidence-importer.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-evidence.h"
#include "paraat-evidence-importer.h"

typedef struct
{
  GFile  *file;
  gint64  requirement_id;
} Pending;

struct _ParaatEvidenceImporter
{
  GObject          parent_instance;

  ParaatWorkspace *workspace;
  GQueue           queue;
  GCancellable    *cancellable;
  char            *current;
  double           fraction;
  guint            n_added;
  gboolean         busy;
};

G_DEFINE_FINAL_TYPE (ParaatEvidenceImporter, paraat_evidence_importer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_FRACTION,
  PROP_CURRENT,
  N_PROPS
};

enum {
  ADDED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_next (ParaatEvidenceImporter *self);

static void
pending_free (Pending *pending)
{
  g_object_unref (pending->file);
  g_free (pending);
}

static void
set_state (ParaatEvidenceImporter *self,
           gboolean                busy,
           const char             *current,
           double                  fraction)
{
  if (self->busy != busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  if (g_strcmp0 (self->current, current) != 0)
    {
      g_free (self->current);
      self->current = g_strdup (current);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
    }
  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

static void
on_progress_cb (goffset  done,
                goffset  total,
                gpointer user_data)
{
  ParaatEvidenceImporter *self = user_data;

  set_state (self, TRUE, self->current, total > 0 ? (double) done / (double) total : 0);
}

static void
on_added_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ParaatEvidenceImporter) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = paraat_workspace_add_evidence_finish (PARAAT_WORKSPACE (source), result, &error);

  if (id != 0)
    {
      self->n_added++;
      g_signal_emit (self, signals[ADDED], 0, id);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_signal_emit (self, signals[FAILED], 0, self->current, error->message);

  start_next (self);
}

static void
start_next (ParaatEvidenceImporter *self)
{
  Pending *pending = g_queue_pop_head (&self->queue);
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  if (pending == NULL)
    {
      set_state (self, FALSE, NULL, 0);
      return;
    }

  path = g_file_get_path (pending->file);
  name = g_file_get_basename (pending->file);
  set_state (self, TRUE, name, 0);

  if (path == NULL)
    {
      g_signal_emit (self, signals[FAILED], 0, name,
                     _("Only local files can be added. Save the file to a folder on this "
                       "computer first."));
      pending_free (pending);
      start_next (self);
      return;
    }

  paraat_workspace_add_evidence_async (self->workspace, path, NULL, pending->requirement_id,
                                       self->cancellable, on_progress_cb, self, on_added_cb,
                                       g_object_ref (self));
  pending_free (pending);
}

/* Files are added one at a time, in the order they arrived. */
void
paraat_evidence_importer_add (ParaatEvidenceImporter *self,
                              GFile                  *file,
                              gint64                  requirement_id)
{
  Pending *pending;

  g_return_if_fail (PARAAT_IS_EVIDENCE_IMPORTER (self));

  pending = g_new0 (Pending, 1);
  pending->file = g_object_ref (file);
  pending->requirement_id = requirement_id;
  g_queue_push_tail (&self->queue, pending);
  if (!self->busy)
    start_next (self);
}

/* Stops the file being added (nothing of it is kept) and drops the queue. */
void
paraat_evidence_importer_cancel (ParaatEvidenceImporter *self)
{
  g_return_if_fail (PARAAT_IS_EVIDENCE_IMPORTER (self));

  g_queue_clear_full (&self->queue, (GDestroyNotify) pending_free);
  g_cancellable_cancel (self->cancellable);
  /* The add in flight keeps the cancelled one; files added from now on start afresh. */
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

gboolean
paraat_evidence_importer_get_busy (ParaatEvidenceImporter *self)
{
  return self->busy;
}

double
paraat_evidence_importer_get_fraction (ParaatEvidenceImporter *self)
{
  return self->fraction;
}

const char *
paraat_evidence_importer_get_current (ParaatEvidenceImporter *self)
{
  return self->current;
}

guint
paraat_evidence_importer_get_n_added (ParaatEvidenceImporter *self)
{
  return self->n_added;
}

static void
paraat_evidence_importer_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  ParaatEvidenceImporter *self = PARAAT_EVIDENCE_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_CURRENT:
      g_value_set_string (value, self->current);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
paraat_evidence_importer_dispose (GObject *object)
{
  ParaatEvidenceImporter *self = PARAAT_EVIDENCE_IMPORTER (object);

  paraat_evidence_importer_cancel (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->current, g_free);

  G_OBJECT_CLASS (paraat_evidence_importer_parent_class)->dispose (object);
}

static void
paraat_evidence_importer_class_init (ParaatEvidenceImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = paraat_evidence_importer_dispose;
  object_class->get_property = paraat_evidence_importer_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT] =
    g_param_spec_string ("current", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ParaatEvidenceImporter::added:
   * @evidence_id: the new evidence item
   */
  signals[ADDED] =
    g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * ParaatEvidenceImporter::failed:
   * @file_name: the file that could not be added
   * @message: what went wrong and what to do
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
paraat_evidence_importer_init (ParaatEvidenceImporter *self)
{
  g_queue_init (&self->queue);
  self->cancellable = g_cancellable_new ();
}

ParaatEvidenceImporter *
paraat_evidence_importer_new (ParaatWorkspace *workspace)
{
  ParaatEvidenceImporter *self = g_object_new (PARAAT_TYPE_EVIDENCE_IMPORTER, NULL);

  self->workspace = g_object_ref (workspace);
  return self;
}
