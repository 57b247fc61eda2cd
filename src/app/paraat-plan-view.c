/* paraat-plan-view.c — the quarterly implementation plan: actions by quarter and project,
 * with how far each has come
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-action.h"
#include "paraat-action-dialog.h"
#include "paraat-plan-view.h"

struct _ParaatPlanView
{
  AdwBin     parent_instance;

  GtkBox          *box;
  GPtrArray       *lines;
  ParaatWorkspace *workspace;     /* char*, the progress per project as shown */
};

typedef struct
{
  char      *quarter;   /* "" when not planned */
  char      *project;   /* "" when not in a project */
  GPtrArray *actions;   /* ParaatAction* */
  guint      closed;
  guint      cancelled;
  guint      overdue;
} Bucket;

G_DEFINE_FINAL_TYPE (ParaatPlanView, paraat_plan_view, ADW_TYPE_BIN)

static void
bucket_free (Bucket *bucket)
{
  g_free (bucket->quarter);
  g_free (bucket->project);
  g_ptr_array_unref (bucket->actions);
  g_free (bucket);
}

/* Planned quarters in order, then what has no quarter; projects by name, the actions
 * without a project last. */
static int
compare_buckets (gconstpointer a,
                 gconstpointer b)
{
  const Bucket *x = *(const Bucket **) a;
  const Bucket *y = *(const Bucket **) b;
  int by_quarter;

  if ((x->quarter[0] == '\0') != (y->quarter[0] == '\0'))
    return x->quarter[0] == '\0' ? 1 : -1;
  if ((by_quarter = g_strcmp0 (x->quarter, y->quarter)) != 0)
    return by_quarter;
  if ((x->project[0] == '\0') != (y->project[0] == '\0'))
    return x->project[0] == '\0' ? 1 : -1;
  return g_utf8_collate (x->project, y->project);
}

static GPtrArray *
collect_buckets (GListModel *actions)
{
  GPtrArray *buckets = g_ptr_array_new_with_free_func ((GDestroyNotify) bucket_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; actions && i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(ParaatAction) action = g_list_model_get_item (actions, i);
      g_autofree char *key = g_strdup_printf ("%s\n%s", paraat_action_get_quarter (action),
                                              paraat_action_get_project (action));
      Bucket *bucket = g_hash_table_lookup (by_key, key);
      ParaatActionStatus status = paraat_action_get_status (action);

      if (bucket == NULL)
        {
          bucket = g_new0 (Bucket, 1);
          bucket->quarter = g_strdup (paraat_action_get_quarter (action));
          bucket->project = g_strdup (paraat_action_get_project (action));
          bucket->actions = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (buckets, bucket);
          g_hash_table_insert (by_key, g_steal_pointer (&key), bucket);
        }
      bucket->closed += status == PARAAT_ACTION_CLOSED;
      bucket->cancelled += status == PARAAT_ACTION_CANCELLED;
      bucket->overdue += paraat_action_is_overdue (action);
      g_ptr_array_add (bucket->actions, g_steal_pointer (&action));
    }
  g_ptr_array_sort (buckets, compare_buckets);
  return buckets;
}

static void
on_action_activated_cb (AdwActionRow   *row,
                        ParaatPlanView *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "action-id");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_window_present (GTK_WINDOW (paraat_action_dialog_new (GTK_WINDOW (root), self->workspace, *id)));
}

static GtkWidget *
action_row_new (ParaatPlanView *self,
                ParaatAction   *action)
{
  GtkWidget *row = adw_action_row_new ();
  gint64 id = paraat_action_get_id (action);
  /* Translators: "Marloes Jansen · due 2026-09-30 · In progress" */
  g_autofree char *subtitle = g_strdup_printf (_("%s · due %s · %s"),
                                               paraat_action_get_owner_name (action),
                                               paraat_action_get_due_date (action),
                                               paraat_action_status_label (paraat_action_get_status (action)));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), paraat_action_get_title (action));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (paraat_action_is_overdue (action))
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("alarm-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "action-id", g_memdup2 (&id, sizeof id), g_free);
  return row;
}

static char *
progress_text (Bucket *bucket)
{
  guint planned = bucket->actions->len - bucket->cancelled;

  if (bucket->overdue > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u closed · %u overdue",
                                         "%u of %u closed · %u overdue", planned),
                            bucket->closed, planned, bucket->overdue);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u closed", "%u of %u closed",
                                       planned), bucket->closed, planned);
}

static GtkWidget *
project_row_new (ParaatPlanView  *self,
                 Bucket          *bucket)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
  guint planned = bucket->actions->len - bucket->cancelled;
  g_autofree char *progress = progress_text (bucket);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 bucket->project[0] ? bucket->project : _("No improvement project"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), progress);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), planned ? (double) bucket->closed / planned : 0);
  gtk_widget_set_size_request (bar, 100, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, progress, -1);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), bar);
  for (guint i = 0; i < bucket->actions->len; i++)
    {
      GtkWidget *action_row = action_row_new (self, g_ptr_array_index (bucket->actions, i));
      g_signal_connect (action_row, "activated", G_CALLBACK (on_action_activated_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), action_row);
    }
  g_ptr_array_add (self->lines, g_strdup_printf ("%s / %s: %s", bucket->quarter, bucket->project, progress));
  return row;
}

static GtkWidget *
quarter_group_new (const char *quarter)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   quarter[0] ? quarter : _("Not planned in a quarter"));
  return group;
}

void
paraat_plan_view_set_actions (ParaatPlanView  *self,
                              ParaatWorkspace *workspace,
                              GListModel      *actions)
{
  g_autoptr(GPtrArray) buckets = collect_buckets (actions);
  GtkWidget *group = NULL;
  const char *quarter = NULL;
  GtkWidget *child;

  g_return_if_fail (PARAAT_IS_PLAN_VIEW (self));

  g_set_object (&self->workspace, workspace);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))))
    gtk_box_remove (self->box, child);
  g_ptr_array_set_size (self->lines, 0);
  for (guint i = 0; i < buckets->len; i++)
    {
      Bucket *bucket = g_ptr_array_index (buckets, i);

      if (group == NULL || g_strcmp0 (quarter, bucket->quarter) != 0)
        {
          group = quarter_group_new (bucket->quarter);
          quarter = bucket->quarter;
          gtk_box_append (self->box, group);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 project_row_new (self, bucket));
    }
}

GStrv
paraat_plan_view_dup_progress_lines (ParaatPlanView *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PARAAT_IS_PLAN_VIEW (self), NULL);

  for (guint i = 0; i < self->lines->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->lines, i));
  return g_strv_builder_end (builder);
}

static void
paraat_plan_view_dispose (GObject *object)
{
  ParaatPlanView *self = PARAAT_PLAN_VIEW (object);

  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (paraat_plan_view_parent_class)->dispose (object);
}

static void
paraat_plan_view_class_init (ParaatPlanViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = paraat_plan_view_dispose;
}

static void
paraat_plan_view_init (ParaatPlanView *self)
{
  self->lines = g_ptr_array_new_with_free_func (g_free);
  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->box));
}
