/* paraat-risks-page.c — the risk register: every risk with its owner, its inherent and
 * residual score in words, its treatment and what in scope it affects, filtered and sorted
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-export-button.h"
#include "paraat-risk.h"
#include "paraat-risk-dialog.h"
#include "paraat-risks-page.h"
#include "paraat-widget-util.h"

struct _ParaatRisksPage
{
  AdwBin           parent_instance;

  /* Template widgets */
  ParaatExportButton *export_button;
  GtkSearchEntry  *search_entry;
  GtkDropDown     *level_dropdown;
  GtkDropDown     *treatment_dropdown;
  GtkDropDown     *owner_dropdown;
  GtkToggleButton *review_toggle;
  GtkLabel        *summary_label;
  GtkStack        *list_stack;
  GtkColumnView   *column_view;

  /* Owned references */
  ParaatWorkspace *workspace;
  GListStore      *all;
  GtkFilter       *filter;
  GtkSingleSelection *selection;
  GArray          *owner_ids;     /* gint64 per owner choice after "All owners" */
  GHashTable      *scope_names;   /* scope item id → its name, for the Affects column */
  gboolean         filling;
};

G_DEFINE_FINAL_TYPE (ParaatRisksPage, paraat_risks_page, ADW_TYPE_BIN)

/* Filtering */

static gboolean
matches_choices (ParaatRisksPage *self,
                 ParaatRisk      *risk)
{
  guint level = gtk_drop_down_get_selected (self->level_dropdown);
  guint treatment = gtk_drop_down_get_selected (self->treatment_dropdown);
  guint owner = gtk_drop_down_get_selected (self->owner_dropdown);

  /* Choice 0 is "All …"; the others follow the enums in order. */
  if (level > 0 && level != GTK_INVALID_LIST_POSITION &&
      paraat_risk_get_level (risk) != (ParaatRiskLevel) (level - 1))
    return FALSE;
  if (treatment > 0 && treatment <= PARAAT_N_TREATMENTS &&
      paraat_risk_get_treatment (risk) != (ParaatTreatment) (treatment - 1))
    return FALSE;
  if (owner > 0 && owner <= self->owner_ids->len &&
      paraat_risk_get_owner_id (risk) != g_array_index (self->owner_ids, gint64, owner - 1))
    return FALSE;
  if (gtk_toggle_button_get_active (self->review_toggle) && !paraat_risk_is_review_due (risk))
    return FALSE;
  return TRUE;
}

static gboolean
matches_text (ParaatRisksPage *self,
              ParaatRisk      *risk)
{
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);

  return needle[0] == '\0' ||
         paraat_contains_folded (paraat_risk_get_title (risk), needle) ||
         paraat_contains_folded (paraat_risk_get_scenario (risk), needle) ||
         paraat_contains_folded (paraat_risk_get_owner_name (risk), needle);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  ParaatRisksPage *self = user_data;

  return self->workspace != NULL && matches_choices (self, item) && matches_text (self, item);
}

static void
append_count (GString    *text,
              const char *format,
              guint       count)
{
  if (count == 0)
    return;
  g_string_append (text, " · ");
  g_string_append_printf (text, format, count);
}

/* The levels are counted in words here too, so the list can be read without the colours. */
static void
update_summary (ParaatRisksPage *self)
{
  GListModel *shown = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (shown);
  guint critical = 0, high = 0, due = 0;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatRisk) risk = g_list_model_get_item (shown, i);
      ParaatRiskLevel level = paraat_risk_get_level (risk);

      critical += level == PARAAT_RISK_CRITICAL;
      high += level == PARAAT_RISK_HIGH;
      due += paraat_risk_is_review_due (risk);
    }
  g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u risk shown", "%u risks shown", n), n);
  /* Translators: part of the risk register's summary, "12 risks shown · 2 critical" */
  append_count (text, _("%u critical"), critical);
  /* Translators: part of the risk register's summary, "12 risks shown · 4 high" */
  append_count (text, _("%u high"), high);
  /* Translators: part of the risk register's summary, "12 risks shown · 1 review due" */
  append_count (text, _("%u review due"), due);
  gtk_label_set_label (self->summary_label, text->str);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
}

static void
refilter (ParaatRisksPage *self)
{
  if (self->filling)
    return;
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_summary (self);
}

/* Filter choices follow the data: the owners that risks have. */
static void
fill_owner_choices (ParaatRisksPage *self)
{
  paraat_owner_dropdown_fill (self->owner_dropdown, self->owner_ids, G_LIST_MODEL (self->all),
                              (ParaatOwnerIdFunc) paraat_risk_get_owner_id, self->workspace);
}

static void
fill_scope_names (ParaatRisksPage *self)
{
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_remove_all (self->scope_names);
  if (self->workspace == NULL)
    return;
  if (!(items = paraat_workspace_list_scope_items (self->workspace, &error)))
    {
      g_warning ("Could not read the scope: %s", error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ParaatScopeItem) item = g_list_model_get_item (items, i);
      g_hash_table_insert (self->scope_names,
                           g_memdup2 (&(gint64) { paraat_scope_item_get_id (item) }, sizeof (gint64)),
                           g_strdup (paraat_scope_item_get_name (item)));
    }
}

static void
reload (ParaatRisksPage *self)
{
  g_autoptr(GListModel) risks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->workspace != NULL && !(risks = paraat_workspace_list_risks (self->workspace, &error)))
    g_warning ("Could not read the risks: %s", error->message);
  for (guint i = 0; risks && i < g_list_model_get_n_items (risks); i++)
    g_ptr_array_add (items, g_list_model_get_item (risks, i));

  fill_scope_names (self);
  self->filling = TRUE;
  g_list_store_splice (self->all, 0, g_list_model_get_n_items (G_LIST_MODEL (self->all)),
                       items->pdata, items->len);
  if (self->workspace != NULL)
    fill_owner_choices (self);
  self->filling = FALSE;
  refilter (self);
  /* The bin's own child, not bound: AdwBin unparents it itself on dispose. */
  gtk_stack_set_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (self))),
                                    items->len > 0 ? "register" : "none");
}

static void
on_workspace_changed_cb (ParaatRisksPage *self,
                         const char      *object_type)
{
  /* Risks show their owner's and their scope items' names. */
  if (!g_str_has_prefix (object_type, "risk") && !g_str_has_prefix (object_type, "scope") &&
      !g_str_equal (object_type, "person"))
    return;
  paraat_queue_reload (GTK_WIDGET (self));
}

void
paraat_risks_page_set_workspace (ParaatRisksPage *self,
                                 ParaatWorkspace *workspace)
{
  g_return_if_fail (PARAAT_IS_RISKS_PAGE (self));

  paraat_page_set_workspace (GTK_WIDGET (self), &self->workspace, workspace,
                             G_CALLBACK (on_workspace_changed_cb));
  paraat_export_button_set_workspace (self->export_button, workspace);
}

GListModel *
paraat_risks_page_get_model (ParaatRisksPage *self)
{
  g_return_val_if_fail (PARAAT_IS_RISKS_PAGE (self), NULL);

  paraat_reload_if_stale (GTK_WIDGET (self));
  return G_LIST_MODEL (self->selection);
}

void
paraat_risks_page_set_search (ParaatRisksPage *self,
                              const char      *text)
{
  g_return_if_fail (PARAAT_IS_RISKS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  refilter (self);
}

/* Columns */

typedef char *(*CellText) (ParaatRisksPage *self, ParaatRisk *risk);
typedef int   (*Compare)  (ParaatRisk *a, ParaatRisk *b);

static char *
title_text (ParaatRisksPage *self, ParaatRisk *risk)
{
  return g_strdup (paraat_risk_get_title (risk));
}

static char *
owner_text (ParaatRisksPage *self, ParaatRisk *risk)
{
  return g_strdup (paraat_risk_get_owner_name (risk));
}

static char *
score_text (int score)
{
  if (score == 0)
    return g_strdup (_("Not assessed"));
  /* Translators: a risk score with its level in words, "20 · Critical" */
  return g_strdup_printf (_("%d · %s"), score,
                          paraat_risk_level_label (paraat_risk_level_for_score (score)));
}

static char *
inherent_text (ParaatRisksPage *self, ParaatRisk *risk)
{
  return score_text (paraat_risk_get_score (risk));
}

static char *
residual_text (ParaatRisksPage *self, ParaatRisk *risk)
{
  return score_text (paraat_risk_get_residual_score (risk));
}

static char *
treatment_text (ParaatRisksPage *self, ParaatRisk *risk)
{
  return g_strdup (paraat_treatment_label (paraat_risk_get_treatment (risk)));
}

/* A passed review date is said in words next to the date, so it does not rest on colour. */
static char *
review_text (ParaatRisksPage *self, ParaatRisk *risk)
{
  const char *date = paraat_risk_get_review_date (risk);

  if (date == NULL || date[0] == '\0')
    return g_strdup (_("No date"));
  if (paraat_risk_is_review_due (risk))
    /* Translators: a risk's review date that has passed, "2026-01-31 · review due" */
    return g_strdup_printf (_("%s · review due"), date);
  return g_strdup (date);
}

static char *
scope_text (ParaatRisksPage *self, ParaatRisk *risk)
{
  guint n = 0;
  const gint64 *ids = paraat_risk_get_scope_item_ids (risk, &n);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      const char *name = g_hash_table_lookup (self->scope_names, &ids[i]);

      if (name == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, name);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
level_css_class (int score)
{
  if (score == 0)
    return NULL;
  switch (paraat_risk_level_for_score (score))
    {
    case PARAAT_RISK_LOW: return "paraat-risk-low";
    case PARAAT_RISK_MEDIUM: return "paraat-risk-medium";
    case PARAAT_RISK_HIGH: return "paraat-risk-high";
    case PARAAT_RISK_CRITICAL:
    default: return "paraat-risk-critical";
    }
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  ParaatRisksPage          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  CellText text = g_object_get_data (G_OBJECT (factory), "text");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (text == review_text)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("alarm-symbolic");
      gtk_widget_add_css_class (icon, "error");
      gtk_box_append (GTK_BOX (box), icon);
      g_object_set_data (G_OBJECT (box), "icon", icon);
    }
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (box), "label", label);
  gtk_list_item_set_child (item, box);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 ParaatRisksPage          *self)
{
  ParaatRisk *risk = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = g_object_get_data (G_OBJECT (box), "icon");
  GtkWidget *label = g_object_get_data (G_OBJECT (box), "label");
  CellText text_func = g_object_get_data (G_OBJECT (factory), "text");
  g_autofree char *text = text_func (self, risk);
  int score = text_func == inherent_text ? paraat_risk_get_score (risk)
            : text_func == residual_text ? paraat_risk_get_residual_score (risk) : 0;
  const char *css[] = { "paraat-status", level_css_class (score), NULL };

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
  /* The score is a pill tinted by level; its words carry the meaning. */
  if (text_func == inherent_text || text_func == residual_text)
    gtk_widget_set_css_classes (label, score > 0 ? css : (const char *[]) { NULL });
  if (icon != NULL)
    gtk_widget_set_visible (icon, paraat_risk_is_review_due (risk));
}

static int
compare_by (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  return ((Compare) user_data) ((ParaatRisk *) a, (ParaatRisk *) b);
}

static int
compare_title (ParaatRisk *a, ParaatRisk *b)
{
  return g_utf8_collate (paraat_risk_get_title (a), paraat_risk_get_title (b));
}

static int
compare_owner (ParaatRisk *a, ParaatRisk *b)
{
  return g_utf8_collate (paraat_risk_get_owner_name (a), paraat_risk_get_owner_name (b));
}

static int
compare_inherent (ParaatRisk *a, ParaatRisk *b)
{
  return paraat_risk_get_score (a) - paraat_risk_get_score (b);
}

static int
compare_residual (ParaatRisk *a, ParaatRisk *b)
{
  return paraat_risk_get_residual_score (a) - paraat_risk_get_residual_score (b);
}

static int
compare_treatment (ParaatRisk *a, ParaatRisk *b)
{
  return (int) paraat_risk_get_treatment (a) - (int) paraat_risk_get_treatment (b);
}

static int
compare_review (ParaatRisk *a, ParaatRisk *b)
{
  return g_strcmp0 (paraat_risk_get_review_date (a), paraat_risk_get_review_date (b));
}

static int
compare_scope (ParaatRisk *a, ParaatRisk *b)
{
  guint na = 0, nb = 0;

  paraat_risk_get_scope_item_ids (a, &na);
  paraat_risk_get_scope_item_ids (b, &nb);
  return (int) na - (int) nb;
}

/* The title takes what width is left. */
static void
add_column (ParaatRisksPage *self,
            const char      *title,
            CellText         text,
            Compare          compare,
            int              width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "text", text);
  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), self);
  paraat_column_view_add (self->column_view, title, factory, compare_by, compare, width,
                          text == title_text);
}

static void
build_columns (ParaatRisksPage *self)
{
  /* The level comes right after the title, so it is in sight on a narrow screen too. */
  add_column (self, _("Risk"), title_text, compare_title, 250);
  add_column (self, _("Inherent"), inherent_text, compare_inherent, 115);
  add_column (self, _("Residual"), residual_text, compare_residual, 140);
  add_column (self, _("Owner"), owner_text, compare_owner, 140);
  add_column (self, _("Treatment"), treatment_text, compare_treatment, 100);
  add_column (self, _("Review"), review_text, compare_review, 210);
  add_column (self, _("Affects"), scope_text, compare_scope, 200);
}

/* Opening and creating */

static void
on_activate_cb (ParaatRisksPage *self,
                guint            position)
{
  g_autoptr(ParaatRisk) risk = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (risk != NULL)
    gtk_window_present (GTK_WINDOW (paraat_risk_dialog_new (GTK_WINDOW (root), self->workspace,
                                                            paraat_risk_get_id (risk))));
}

static void
new_risk (GtkWidget  *widget,
          const char *action_name,
          GVariant   *param)
{
  ParaatRisksPage *self = PARAAT_RISKS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->workspace != NULL)
    gtk_window_present (GTK_WINDOW (paraat_risk_dialog_new (GTK_WINDOW (root),
                                                            self->workspace, 0)));
}

/* Setup */

static void
fill_treatment_choices (ParaatRisksPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char *[]) { _("All treatments"), NULL });

  for (guint t = 0; t < PARAAT_N_TREATMENTS; t++)
    gtk_string_list_append (names, paraat_treatment_label ((ParaatTreatment) t));
  gtk_drop_down_set_model (self->treatment_dropdown, G_LIST_MODEL (names));
}

static void
build_model (ParaatRisksPage *self)
{
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;

  self->all = g_list_store_new (PARAAT_TYPE_RISK);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_func, self, NULL));
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->all)),
                                        g_object_ref (self->filter));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

static void
connect_filters (ParaatRisksPage *self)
{
  GtkDropDown *dropdowns[] = { self->level_dropdown, self->treatment_dropdown,
                               self->owner_dropdown };

  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    g_signal_connect_swapped (dropdowns[i], "notify::selected", G_CALLBACK (refilter), self);
  g_signal_connect_swapped (self->review_toggle, "toggled", G_CALLBACK (refilter), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (refilter), self);
}

static void
paraat_risks_page_dispose (GObject *object)
{
  ParaatRisksPage *self = PARAAT_RISKS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_RISKS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->all);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->scope_names, g_hash_table_unref);

  G_OBJECT_CLASS (paraat_risks_page_parent_class)->dispose (object);
}

static void
paraat_risks_page_class_init (ParaatRisksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_risks_page_dispose;

  g_type_ensure (PARAAT_TYPE_EXPORT_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paraat/Paraat/ui/paraat-risks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatRisksPage, export_button);
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ParaatRisksPage, name)
  BIND (search_entry);
  BIND (level_dropdown);
  BIND (treatment_dropdown);
  BIND (owner_dropdown);
  BIND (review_toggle);
  BIND (summary_label);
  BIND (list_stack);
  BIND (column_view);
#undef BIND

  gtk_widget_class_install_action (widget_class, "risks.new", NULL, new_risk);
}

static void
paraat_risks_page_init (ParaatRisksPage *self)
{
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->scope_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  build_columns (self);
  build_model (self);
  fill_treatment_choices (self);
  connect_filters (self);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (on_activate_cb), self);
  paraat_reload_on_map (GTK_WIDGET (self), (ParaatReloadFunc) reload);
}
