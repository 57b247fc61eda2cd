/* paraat-widget-util.h — small helpers the pages and dialogs share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "paraat-workspace.h"

G_BEGIN_DECLS

char          *paraat_text_view_dup_text     (GtkTextView     *view);
gboolean       paraat_contains_folded        (const char      *haystack,
                                              const char      *folded_needle);
GtkWidget     *paraat_row_add_label          (GtkBox          *box,
                                              GtkWidget       *row,
                                              const char      *key,
                                              const char      *css_class);
GtkStringList *paraat_person_choices_new     (ParaatWorkspace *workspace,
                                              const char      *none_label,
                                              gint64           selected_id,
                                              GArray          *ids,
                                              guint           *selected_position);
gint64         paraat_person_choice_get_id   (GArray          *ids,
                                              guint            position);

GtkFileChooserNative *paraat_file_chooser_new (GtkWindow            *parent,
                                               const char           *title,
                                               GtkFileChooserAction  action,
                                               const char           *accept_label,
                                               GCallback             on_response,
                                               gpointer              instance);

G_END_DECLS
