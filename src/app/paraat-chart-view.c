/* paraat-chart-view.c — one chart on screen, in the theme's colours, with tooltips and export
 *
 * The core draws the chart with cairo; the view only supplies the theme's colours and font,
 * so what is on screen, in an export and in a report is the same drawing. The snapshot keeps
 * it as vector operations, so it stays crisp at every scale factor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "paraat-chart-view.h"
#include "paraat-widget-util.h"

#define MIN_WIDTH      240
#define MIN_HEIGHT     220
#define NATURAL_WIDTH  400
#define NATURAL_HEIGHT 300
#define EMPTY_PADDING  24
/* Exports are meant for slides and documents, so a narrow window does not make them cramped */
#define EXPORT_MIN_WIDTH  720
#define EXPORT_MIN_HEIGHT 450

struct _ParaatChartView
{
  GtkWidget             parent_instance;

  /* Children */
  GtkWidget            *empty_box;     /* the title and what to do, instead of the chart */
  GtkWidget            *empty_title;
  GtkWidget            *empty_label;
  GtkWidget            *menu_button;

  /* Owned references */
  ParaatChart          *chart;
  GtkFileChooserNative *chooser;
  char                 *description;
  ParaatChartFormat     export_format;
};

G_DEFINE_FINAL_TYPE (ParaatChartView, paraat_chart_view, GTK_TYPE_WIDGET)

static const struct
{
  const char        *id;
  ParaatChartFormat  format;
  const char        *extension;
  const char        *mime_type;
} formats[] = {
  { "png", PARAAT_CHART_PNG, "png", "image/png" },
  { "svg", PARAAT_CHART_SVG, "svg", "image/svg+xml" },
  { "pdf", PARAAT_CHART_PDF, "pdf", "application/pdf" },
};

static void
toast (ParaatChartView *self,
       const char      *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), paraat_toast_new (message));
  else
    g_warning ("%s", message);
}

/* Says what to do to get data, rather than showing an empty frame. */
static const char *
empty_text (ParaatChartKind kind)
{
  switch (kind)
    {
    case PARAAT_CHART_RADAR:
      return _("No scan yet — start a readiness scan to see maturity per domain");
    case PARAAT_CHART_READINESS:
      return _("No scan yet — start a readiness scan to see readiness per framework");
    case PARAAT_CHART_TREND:
      return _("No scan yet — maturity over time appears here after the first readiness scan");
    case PARAAT_CHART_ACTIONS:
      return _("No actions in this period — actions opened and closed per month appear here");
    case PARAAT_CHART_FRESHNESS:
      return _("No evidence yet — add evidence to requirements to see how fresh it is");
    case PARAAT_CHART_HEATMAP:
      return _("No risks yet — risks appear here by likelihood and impact");
    case PARAAT_N_CHARTS:
    default:
      return "";
    }
}

static gboolean
is_empty (ParaatChartView *self)
{
  return self->chart == NULL || paraat_chart_is_empty (self->chart);
}

/* Theme */

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              ParaatColor     *color)
{
  GdkRGBA rgba;

  /* Keeps the core's default when the theme does not define the colour */
  if (gtk_style_context_lookup_color (context, name, &rgba))
    *color = (ParaatColor) { rgba.red, rgba.green, rgba.blue, rgba.alpha };
}

static void
fill_style (ParaatChartView  *self,
            ParaatChartStyle *style)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  PangoContext *pango = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (pango);
  GdkRGBA fg;

  paraat_chart_style_init_default (style, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  /* The widget's own colour, so the chart follows a card's or the window's text colour */
  gtk_style_context_get_color (context, &fg);
  style->foreground = (ParaatColor) { fg.red, fg.green, fg.blue, fg.alpha };
  style->muted = (ParaatColor) { fg.red, fg.green, fg.blue, fg.alpha * 0.15 };
  style->background.alpha = 0;
  lookup_color (context, "accent_bg_color", &style->accent);
  lookup_color (context, "success_color", &style->good);
  lookup_color (context, "warning_color", &style->warning);
  lookup_color (context, "error_color", &style->bad);
  /* The user's interface font, so "Large Text" makes the charts readable too */
  if (font != NULL)
    {
      double size = pango_font_description_get_size (font) / (double) PANGO_SCALE;

      style->font_family = pango_font_description_get_family (font);
      if (size > 0)
        style->font_size = pango_font_description_get_size_is_absolute (font) ? size * 72 / 96 : size;
    }
}

/* Sizing and drawing */

static void
paraat_chart_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  ParaatChartView *self = PARAAT_CHART_VIEW (widget);
  gboolean horizontal = orientation == GTK_ORIENTATION_HORIZONTAL;
  int children = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0;

      if (gtk_widget_should_layout (child))
        gtk_widget_measure (child, orientation, -1, &child_min, NULL, NULL, NULL);
      children = MAX (children, child_min + 2 * EMPTY_PADDING);
    }
  /* The chart scales to any size; these keep its labels readable. Empty, it is only text. */
  if (horizontal)
    {
      *minimum = MAX (MIN_WIDTH, children);
      *natural = MAX (NATURAL_WIDTH, *minimum);
    }
  else
    {
      *minimum = is_empty (self) ? children : MAX (MIN_HEIGHT, children);
      *natural = is_empty (self) ? children : MAX (NATURAL_HEIGHT, *minimum);
    }
}

static void
paraat_chart_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  ParaatChartView *self = PARAAT_CHART_VIEW (widget);
  int button_width, button_height;

  gtk_widget_measure (self->menu_button, GTK_ORIENTATION_HORIZONTAL, -1, &button_width, NULL, NULL, NULL);
  gtk_widget_measure (self->menu_button, GTK_ORIENTATION_VERTICAL, -1, &button_height, NULL, NULL, NULL);
  gtk_widget_allocate (self->menu_button, button_width, button_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (width - button_width, 0)));
  if (gtk_widget_should_layout (self->empty_box))
    gtk_widget_allocate (self->empty_box, MAX (0, width - 2 * EMPTY_PADDING),
                         MAX (0, height - 2 * EMPTY_PADDING), -1,
                         gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (EMPTY_PADDING, EMPTY_PADDING)));
}

static void
paraat_chart_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  ParaatChartView *self = PARAAT_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (!is_empty (self) && width > 0 && height > 0)
    {
      ParaatChartStyle style;
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

      fill_style (self, &style);
      paraat_chart_draw (self->chart, cr, width, height, &style);
      cairo_destroy (cr);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);
}

char *
paraat_chart_view_query_value (ParaatChartView *self,
                               double           x,
                               double           y)
{
  ParaatChartStyle style;

  g_return_val_if_fail (PARAAT_IS_CHART_VIEW (self), NULL);

  if (is_empty (self))
    return NULL;
  /* With the style drawn, as the font size moves the marks */
  fill_style (self, &style);
  return paraat_chart_query_tooltip_for_style (self->chart, &style,
                                               gtk_widget_get_width (GTK_WIDGET (self)),
                                               gtk_widget_get_height (GTK_WIDGET (self)), x, y);
}

static gboolean
paraat_chart_view_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard_tooltip,
                                 GtkTooltip *tooltip)
{
  ParaatChartView *self = PARAAT_CHART_VIEW (widget);
  g_autofree char *text = NULL;

  /* From the keyboard there is no point to ask about: the whole chart in words helps more */
  if (keyboard_tooltip)
    text = is_empty (self) ? NULL : g_strdup (self->description);
  else
    text = paraat_chart_view_query_value (self, x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Accessibility: a picture, told in words */

static void
update_accessible (ParaatChartView *self)
{
  const char *title = self->chart ? paraat_chart_get_title (self->chart) : NULL;

  g_clear_pointer (&self->description, g_free);
  if (self->chart != NULL)
    self->description = is_empty (self)
      ? g_strdup (empty_text (paraat_chart_get_kind (self->chart)))
      : paraat_chart_describe (self->chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description ? self->description : "",
                                  -1);
}

/* Export */

static gboolean
export_to (ParaatChartView    *self,
           ParaatChartFormat   format,
           const char         *path,
           GError            **error)
{
  int width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), EXPORT_MIN_WIDTH);
  int height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), EXPORT_MIN_HEIGHT);

  return paraat_chart_export (self->chart, format, path, width, height, error);
}

gboolean
paraat_chart_view_export_to_path (ParaatChartView    *self,
                                  ParaatChartFormat   format,
                                  const char         *path,
                                  GError            **error)
{
  g_return_val_if_fail (PARAAT_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (self->chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return export_to (self, format, path, error);
}

static void
on_export_response_cb (ParaatChartView *self,
                       int              response)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->chart != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser))) &&
      (path = g_file_get_path (file)))
    {
      if (!export_to (self, self->export_format, path, &error))
        toast (self, error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *done = g_strdup_printf (_("Chart saved as “%s”"), name);
          toast (self, done);
        }
    }
  g_clear_object (&self->chooser);
}

/* The chart's title makes the suggested name; slashes would make it a path. */
static char *
suggested_name (ParaatChartView *self,
                const char      *extension)
{
  g_autofree char *title = g_strdup (paraat_chart_get_title (self->chart));

  g_strdelimit (title, "/\\:", '-');
  return g_strdup_printf ("%s.%s", title[0] ? title : _("Chart"), extension);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ParaatChartView *self = PARAAT_CHART_VIEW (widget);
  const char *id = g_variant_get_string (param, NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *type_name = NULL;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (formats) && !g_str_equal (formats[i].id, id); i++)
    ;
  if (i == G_N_ELEMENTS (formats) || self->chart == NULL || self->chooser != NULL)
    return;

  self->export_format = formats[i].format;
  self->chooser = paraat_file_chooser_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                           _("Export Chart"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                           _("_Export"), G_CALLBACK (on_export_response_cb), self);
  gtk_file_filter_add_mime_type (filter, formats[i].mime_type);
  type_name = g_content_type_get_description (formats[i].mime_type);
  gtk_file_filter_set_name (filter, type_name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  name = suggested_name (self, formats[i].extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  ParaatChartView *self = PARAAT_CHART_VIEW (widget);

  if (gtk_widget_get_visible (self->menu_button))
    gtk_menu_button_popup (GTK_MENU_BUTTON (self->menu_button));
}

static void
on_secondary_pressed_cb (GtkGestureClick *gesture,
                         int              n_press,
                         double           x,
                         double           y,
                         ParaatChartView *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  menu_action (GTK_WIDGET (self), "chart.menu", NULL);
}

static void
on_primary_pressed_cb (GtkGestureClick *gesture,
                       int              n_press,
                       double           x,
                       double           y,
                       ParaatChartView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Public API */

void
paraat_chart_view_set_chart (ParaatChartView *self,
                             ParaatChart     *chart)
{
  g_return_if_fail (PARAAT_IS_CHART_VIEW (self));

  if (chart != NULL)
    paraat_chart_ref (chart);
  g_clear_pointer (&self->chart, paraat_chart_unref);
  self->chart = chart;

  gtk_label_set_label (GTK_LABEL (self->empty_title), chart ? paraat_chart_get_title (chart) : "");
  gtk_label_set_label (GTK_LABEL (self->empty_label),
                       chart ? empty_text (paraat_chart_get_kind (chart)) : "");
  gtk_widget_set_visible (self->empty_box, chart != NULL && is_empty (self));
  gtk_widget_set_visible (self->menu_button, !is_empty (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", !is_empty (self));
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

ParaatChart *
paraat_chart_view_get_chart (ParaatChartView *self)
{
  g_return_val_if_fail (PARAAT_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

const char *
paraat_chart_view_get_description (ParaatChartView *self)
{
  g_return_val_if_fail (PARAAT_IS_CHART_VIEW (self), NULL);

  return self->description;
}

GtkWidget *
paraat_chart_view_new (void)
{
  return g_object_new (PARAAT_TYPE_CHART_VIEW, NULL);
}

/* Setup */

static GMenuModel *
export_menu_new (void)
{
  GMenu *menu = g_menu_new ();

  g_menu_append (menu, _("Export as _PNG…"), "chart.export::png");
  g_menu_append (menu, _("Export as _SVG…"), "chart.export::svg");
  g_menu_append (menu, _("Export as P_DF…"), "chart.export::pdf");
  return G_MENU_MODEL (menu);
}

static void
add_children (ParaatChartView *self)
{
  g_autoptr(GMenuModel) menu = export_menu_new ();

  self->empty_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_halign (self->empty_box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->empty_box, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->empty_box, FALSE);
  gtk_widget_set_parent (self->empty_box, GTK_WIDGET (self));

  self->empty_title = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->empty_title), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->empty_title), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->empty_title, "heading");
  gtk_box_append (GTK_BOX (self->empty_box), self->empty_title);

  self->empty_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->empty_label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (self->empty_label), 40);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_box_append (GTK_BOX (self->empty_box), self->empty_label);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), menu);
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (self->menu_button), FALSE);
  gtk_widget_set_tooltip_text (self->menu_button, _("Export Chart"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Export Chart"), -1);
  gtk_widget_set_visible (self->menu_button, FALSE);
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));
}

static void
add_gestures (ParaatChartView *self)
{
  GtkGesture *secondary = gtk_gesture_click_new ();
  GtkGesture *primary = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (on_secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (secondary));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (primary), GDK_BUTTON_PRIMARY);
  g_signal_connect (primary, "pressed", G_CALLBACK (on_primary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (primary));
}

static void
paraat_chart_view_dispose (GObject *object)
{
  ParaatChartView *self = PARAAT_CHART_VIEW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->empty_box, gtk_widget_unparent);
  self->empty_title = self->empty_label = NULL;
  g_clear_pointer (&self->menu_button, gtk_widget_unparent);
  g_clear_pointer (&self->chart, paraat_chart_unref);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (paraat_chart_view_parent_class)->dispose (object);
}

static void
paraat_chart_view_class_init (ParaatChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_chart_view_dispose;
  widget_class->measure = paraat_chart_view_measure;
  widget_class->size_allocate = paraat_chart_view_size_allocate;
  widget_class->snapshot = paraat_chart_view_snapshot;
  widget_class->query_tooltip = paraat_chart_view_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "paraat-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "chart.menu", NULL, menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "chart.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "chart.menu", NULL);
}

static void
paraat_chart_view_init (ParaatChartView *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  add_children (self);
  add_gestures (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", FALSE);
  /* Colours come from the theme at draw time, so a light/dark switch only needs a redraw */
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (style, "notify::high-contrast", G_CALLBACK (gtk_widget_queue_draw),
                           self, G_CONNECT_SWAPPED);
  update_accessible (self);
}
