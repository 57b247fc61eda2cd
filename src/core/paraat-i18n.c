/* paraat-i18n.c — a document language per thread, read from the installed paraat.mo files
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gettext has one language per process, but a board report is written in the language
 * the reader asked for while the interface keeps its own. So for documents the core looks
 * messages up itself in the same compiled catalogs that gettext reads.
 */
#include "paraat-i18n.h"

#include <stdio.h>

#include "paraat-error.h"

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

static const char * const translated_languages[] = { "nl" };

typedef struct
{
  char       *language;
  GBytes     *bytes;      /* the .mo file; keys and values point into it */
  GHashTable *messages;   /* original (up to its first NUL) → MoString */
} Catalog;

typedef struct
{
  const char *text;       /* the translations, separated by NULs for plural forms */
  gsize       length;
} MoString;

static GMutex      catalogs_lock;
static GHashTable *catalogs;   /* language → Catalog, kept for the life of the process */
static GPrivate    language_stack = G_PRIVATE_INIT ((GDestroyNotify) g_ptr_array_unref);

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swapped)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* Plural forms are kept one after the other, each ended by a NUL */
static gboolean
forms_are_utf8 (const char *text,
                gsize       length)
{
  gsize start = 0;

  while (start <= length)
    {
      gsize form = strnlen (text + start, length - start);

      if (!g_utf8_validate_len (text + start, form, NULL))
        return FALSE;
      start += form + 1;
    }
  return TRUE;
}

/* The table entry at INDEX as a string inside DATA, or FALSE when it points outside or is
 * not UTF-8. Written so that no sum can wrap around, whatever the numbers in the file. */
static gboolean
read_entry (const guint8 *data,
            gsize         size,
            guint32       table,
            guint32       index,
            gboolean      swapped,
            MoString     *out)
{
  gsize entry;
  guint32 length, offset;

  if (table > size || index > (size - table) / 8 || (size - table) / 8 - index < 1)
    return FALSE;
  entry = (gsize) table + (gsize) index * 8;
  length = read_u32 (data, entry, swapped);
  offset = read_u32 (data, entry + 4, swapped);
  if (offset >= size || length >= size - offset || data[offset + length] != '\0' ||
      !forms_are_utf8 ((const char *) data + offset, length))
    return FALSE;
  out->text = (const char *) data + offset;
  out->length = length;
  return TRUE;
}

static GHashTable *
parse_mo (GBytes      *bytes,
          const char  *path,
          GError     **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GHashTable) messages = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                          NULL, g_free);
  guint32 magic, n, originals, translations;
  gboolean swapped;

  if (size < 20)
    goto corrupt;
  memcpy (&magic, data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    goto corrupt;
  swapped = magic == MO_MAGIC_SWAPPED;
  n = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translations = read_u32 (data, 16, swapped);

  for (guint32 i = 0; i < n; i++)
    {
      MoString original, translation;

      if (!read_entry (data, size, originals, i, swapped, &original) ||
          !read_entry (data, size, translations, i, swapped, &translation))
        goto corrupt;
      g_hash_table_insert (messages, (gpointer) original.text,
                           g_memdup2 (&translation, sizeof translation));
    }
  return g_steal_pointer (&messages);

corrupt:
  g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO,
               _("The translations in “%s” are damaged. Reinstall Paraat."), path);
  return NULL;
}

static char *
catalog_path (const char *language)
{
  const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);

  return g_build_filename (dir, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
}

static Catalog *
catalog_load (const char  *language,
              GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  GHashTable *messages;
  Catalog *catalog;

  if (g_strcmp0 (language, "en") != 0)
    {
      path = catalog_path (language);
      if (!(file = g_mapped_file_new (path, FALSE, &local_error)))
        {
          g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND,
                       _("Documents cannot be written in “%s”: its translations are not "
                         "installed (%s)."), language, local_error->message);
          return NULL;
        }
      bytes = g_mapped_file_get_bytes (file);
      if (!(messages = parse_mo (bytes, path, error)))
        return NULL;
    }
  else
    messages = NULL;   /* English is the messages themselves */

  catalog = g_new0 (Catalog, 1);
  catalog->language = g_strdup (language);
  catalog->bytes = g_steal_pointer (&bytes);
  catalog->messages = messages;
  return catalog;
}

static Catalog *
catalog_get (const char  *language,
             GError     **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&catalogs_lock);
  Catalog *catalog;

  if (catalogs == NULL)
    catalogs = g_hash_table_new (g_str_hash, g_str_equal);
  if ((catalog = g_hash_table_lookup (catalogs, language)) == NULL &&
      (catalog = catalog_load (language, error)) != NULL)
    g_hash_table_insert (catalogs, catalog->language, catalog);
  return catalog;
}

static Catalog *
current_catalog (void)
{
  GPtrArray *stack = g_private_get (&language_stack);

  return stack != NULL && stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;
}

gboolean
paraat_i18n_push_language (const char  *language,
                           GError     **error)
{
  GPtrArray *stack = g_private_get (&language_stack);
  Catalog *catalog;

  g_return_val_if_fail (language != NULL, FALSE);

  if (!(catalog = catalog_get (language, error)))
    return FALSE;
  if (stack == NULL)
    g_private_set (&language_stack, stack = g_ptr_array_new ());
  g_ptr_array_add (stack, catalog);
  return TRUE;
}

void
paraat_i18n_pop_language (void)
{
  GPtrArray *stack = g_private_get (&language_stack);

  g_return_if_fail (stack != NULL && stack->len > 0);
  g_ptr_array_remove_index (stack, stack->len - 1);
}

struct _ParaatLanguageScope
{
  gboolean pushed;
};

ParaatLanguageScope *
paraat_i18n_enter_language (const char  *language,
                            GError     **error)
{
  ParaatLanguageScope *scope;

  if (language != NULL && !paraat_i18n_push_language (language, error))
    return NULL;
  scope = g_new0 (ParaatLanguageScope, 1);
  scope->pushed = language != NULL;
  return scope;
}

void
paraat_i18n_leave_language (ParaatLanguageScope *scope)
{
  if (scope->pushed)
    paraat_i18n_pop_language ();
  g_free (scope);
}

static const MoString *
lookup (Catalog    *catalog,
        const char *key)
{
  return catalog->messages != NULL ? g_hash_table_lookup (catalog->messages, key) : NULL;
}

const char *
paraat_gettext (const char *msgid)
{
  Catalog *catalog = current_catalog ();
  const MoString *found;

  if (catalog == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  found = lookup (catalog, msgid);
  return found != NULL ? found->text : msgid;
}

const char *
paraat_pgettext (const char *msgctxtid,
                 gsize       msgidoffset)
{
  Catalog *catalog = current_catalog ();
  const MoString *found;

  if (catalog == NULL)
    return g_dpgettext (GETTEXT_PACKAGE, msgctxtid, msgidoffset);
  found = lookup (catalog, msgctxtid);
  return found != NULL ? found->text : msgctxtid + msgidoffset;
}

const char *
paraat_pgettext2 (const char *context,
                  const char *msgid)
{
  Catalog *catalog = current_catalog ();
  g_autofree char *key = NULL;
  const MoString *found;

  if (catalog == NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);
  key = g_strconcat (context, "\004", msgid, NULL);
  found = lookup (catalog, key);
  return found != NULL ? found->text : msgid;
}

/* Both languages we ship have two forms: one, and everything else. */
const char *
paraat_ngettext (const char *msgid,
                 const char *msgid_plural,
                 gulong      n)
{
  Catalog *catalog = current_catalog ();
  const MoString *found;
  const char *form;

  if (catalog == NULL)
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  if ((found = lookup (catalog, msgid)) == NULL)
    return n == 1 ? msgid : msgid_plural;

  form = found->text;
  if (n != 1)
    {
      gsize first = strlen (form);
      if (first < found->length)
        form += first + 1;
    }
  return form;
}

char **
paraat_i18n_list_languages (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add (builder, "en");
  for (guint i = 0; i < G_N_ELEMENTS (translated_languages); i++)
    {
      g_autofree char *path = catalog_path (translated_languages[i]);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_strv_builder_add (builder, translated_languages[i]);
    }
  return g_strv_builder_end (builder);
}

const char *
paraat_i18n_language_name (const char *language)
{
  if (g_strcmp0 (language, "nl") == 0)
    return "Nederlands";
  return "English";
}

/* "nl", "nl_BE.UTF-8", "nl@euro" — but not "nds" or "nlx". strchr() also finds the
 * terminating NUL, which is what a bare "nl" ends in. */
static gboolean
names_dutch (const char *name)
{
  return name != NULL && g_str_has_prefix (name, "nl") && strchr ("_.@", name[2]) != NULL;
}

const char *
paraat_i18n_interface_language (void)
{
  const char * const *names = g_get_language_names ();

  return names != NULL && names_dutch (names[0]) ? "nl" : "en";
}

gboolean
paraat_i18n_prefers_dutch (void)
{
  Catalog *catalog = current_catalog ();

  if (catalog != NULL)
    return g_str_equal (catalog->language, "nl");
  return g_str_equal (paraat_i18n_interface_language (), "nl");
}

static const char *
month_name (int month)
{
  switch (month)
    {
    case 1: return C_("month", "January");
    case 2: return C_("month", "February");
    case 3: return C_("month", "March");
    case 4: return C_("month", "April");
    case 5: return C_("month", "May");
    case 6: return C_("month", "June");
    case 7: return C_("month", "July");
    case 8: return C_("month", "August");
    case 9: return C_("month", "September");
    case 10: return C_("month", "October");
    case 11: return C_("month", "November");
    default: return C_("month", "December");
    }
}

static const char *
month_abbreviation (int month)
{
  switch (month)
    {
    case 1: return C_("month abbreviation", "Jan");
    case 2: return C_("month abbreviation", "Feb");
    case 3: return C_("month abbreviation", "Mar");
    case 4: return C_("month abbreviation", "Apr");
    case 5: return C_("month abbreviation", "May");
    case 6: return C_("month abbreviation", "Jun");
    case 7: return C_("month abbreviation", "Jul");
    case 8: return C_("month abbreviation", "Aug");
    case 9: return C_("month abbreviation", "Sep");
    case 10: return C_("month abbreviation", "Oct");
    case 11: return C_("month abbreviation", "Nov");
    default: return C_("month abbreviation", "Dec");
    }
}

char *
paraat_format_decimal (double value,
                       int    digits)
{
  Catalog *catalog = current_catalog ();
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];

  if (catalog == NULL)
    return g_strdup_printf ("%.*f", digits, value);
  g_snprintf (format, sizeof format, "%%.%df", CLAMP (digits, 0, 9));
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  if (g_str_equal (catalog->language, "nl"))
    g_strdelimit (buffer, ".", ',');
  return g_strdup (buffer);
}

char *
paraat_format_date_long (const char *date)
{
  int year, month, day;
  char end;

  if (date == NULL ||
      sscanf (date, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return g_strdup (date);
  /* Translators: a date: day, month name, year ("22 November 2026") */
  return g_strdup_printf (C_("long date", "%1$d %2$s %3$d"), day, month_name (month), year);
}

char *
paraat_format_month_short (int year,
                           int month)
{
  /* Translators: a month on a chart axis ("Mar 2026") */
  return g_strdup_printf (C_("month on a chart", "%1$s %2$d"),
                          month_abbreviation (CLAMP (month, 1, 12)), year);
}
