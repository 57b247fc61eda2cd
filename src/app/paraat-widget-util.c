/* paraat-widget-util.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "paraat-widget-util.h"

char *
paraat_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Case-insensitive search, as the search fields do it. */
gboolean
paraat_contains_folded (const char *haystack,
                        const char *folded_needle)
{
  g_autofree char *folded = haystack ? g_utf8_casefold (haystack, -1) : NULL;

  return folded != NULL && strstr (folded, folded_needle) != NULL;
}

/* An ellipsizing label appended to BOX and reachable from ROW under KEY at bind time. */
GtkWidget *
paraat_row_add_label (GtkBox     *box,
                      GtkWidget  *row,
                      const char *key,
                      const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
  g_object_set_data (G_OBJECT (row), key, label);
  return label;
}

/* The directory as choices for an owner field: NONE_LABEL first, then every person, whose
 * ids are stored in IDS in the same order. */
GtkStringList *
paraat_person_choices_new (ParaatWorkspace *workspace,
                           const char      *none_label,
                           gint64           selected_id,
                           GArray          *ids,
                           guint           *selected_position)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  GListModel *people = paraat_workspace_get_people (workspace);

  g_array_set_size (ids, 0);
  *selected_position = 0;
  gtk_string_list_append (names, none_label);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ParaatPerson) person = g_list_model_get_item (people, i);
      gint64 id = paraat_person_get_id (person);

      gtk_string_list_append (names, paraat_person_get_name (person));
      g_array_append_val (ids, id);
      if (id == selected_id)
        *selected_position = i + 1;
    }
  return names;
}

/* 0 for the "none" choice or a position out of range. */
gint64
paraat_person_choice_get_id (GArray *ids,
                             guint   position)
{
  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > ids->len)
    return 0;
  return g_array_index (ids, gint64, position - 1);
}

/* A modal native file chooser whose response goes to ON_RESPONSE with INSTANCE first; the
 * caller adds filters or a name, shows it and keeps the reference until the response. */
GtkFileChooserNative *
paraat_file_chooser_new (GtkWindow            *parent,
                         const char           *title,
                         GtkFileChooserAction  action,
                         const char           *accept_label,
                         GCallback             on_response,
                         gpointer              instance)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent, action,
                                                               accept_label, _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", on_response, instance, G_CONNECT_SWAPPED);
  return chooser;
}
