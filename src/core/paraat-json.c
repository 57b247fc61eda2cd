/* paraat-json.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "paraat-json.h"

/* Appends VALUE as a JSON string literal, or null. */
void
paraat_json_append_string (GString    *out,
                           const char *value)
{
  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) value; *p; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

void
paraat_json_append_key (GString    *out,
                        const char *key)
{
  char last = out->len > 0 ? out->str[out->len - 1] : '\0';

  if (last != '{' && last != '[' && last != '\0' && last != '\n')
    g_string_append_c (out, ',');
  paraat_json_append_string (out, key);
  g_string_append_c (out, ':');
}

void
paraat_json_append_member (GString    *out,
                           const char *key,
                           const char *value)
{
  paraat_json_append_key (out, key);
  paraat_json_append_string (out, value);
}

void
paraat_json_append_int (GString    *out,
                        const char *key,
                        gint64      value)
{
  paraat_json_append_key (out, key);
  g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

void
paraat_json_append_double (GString    *out,
                           const char *key,
                           double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  paraat_json_append_key (out, key);
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.4f", value));
}

void
paraat_json_append_bool (GString    *out,
                         const char *key,
                         gboolean    value)
{
  paraat_json_append_key (out, key);
  g_string_append (out, value ? "true" : "false");
}
