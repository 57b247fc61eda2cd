/* paraat-zip.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "paraat-zip.h"

#define DOS_TIME 0x0000                       /* 00:00:00 */
#define DOS_DATE ((0 << 9) | (1 << 5) | 1)    /* 1980-01-01 */

struct _ParaatZip
{
  GByteArray *data;        /* local headers and file data */
  GByteArray *directory;   /* central directory records */
  guint       n_entries;
  gboolean    too_large;
};

guint32
paraat_zip_crc32 (const void *data,
                  gsize       len)
{
  static guint32 table[256];
  static gsize initialised = 0;
  const guint8 *p = data;
  guint32 crc = 0xFFFFFFFF;

  if (g_once_init_enter (&initialised))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320U ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&initialised, 1);
    }

  for (gsize i = 0; i < len; i++)
    crc = table[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFF;
}

static void
put16 (GByteArray *out,
       guint       value)
{
  guint8 bytes[2] = { value & 0xFF, (value >> 8) & 0xFF };

  g_byte_array_append (out, bytes, 2);
}

static void
put32 (GByteArray *out,
       guint32     value)
{
  guint8 bytes[4] = { value & 0xFF, (value >> 8) & 0xFF, (value >> 16) & 0xFF,
                      (value >> 24) & 0xFF };

  g_byte_array_append (out, bytes, 4);
}

ParaatZip *
paraat_zip_new (void)
{
  ParaatZip *zip = g_new0 (ParaatZip, 1);

  zip->data = g_byte_array_new ();
  zip->directory = g_byte_array_new ();
  return zip;
}

void
paraat_zip_add_stored (ParaatZip  *zip,
                       const char *name,
                       const void *data,
                       gsize       len)
{
  gsize name_len;
  guint32 crc, offset;

  g_return_if_fail (zip != NULL);
  g_return_if_fail (name != NULL && name[0] != '\0');
  g_return_if_fail (data != NULL || len == 0);

  name_len = strlen (name);
  if (zip->too_large || len >= G_MAXUINT32 || name_len > G_MAXUINT16 ||
      zip->n_entries >= G_MAXUINT16 - 1 ||
      (guint64) zip->data->len + 30 + name_len + len >= G_MAXUINT32)
    {
      zip->too_large = TRUE;
      return;
    }

  crc = paraat_zip_crc32 (data, len);
  offset = zip->data->len;

  put32 (zip->data, 0x04034b50);   /* local file header */
  put16 (zip->data, 10);           /* version needed: 1.0, stored */
  put16 (zip->data, 0);            /* flags */
  put16 (zip->data, 0);            /* method: stored */
  put16 (zip->data, DOS_TIME);
  put16 (zip->data, DOS_DATE);
  put32 (zip->data, crc);
  put32 (zip->data, (guint32) len);   /* compressed size */
  put32 (zip->data, (guint32) len);   /* uncompressed size */
  put16 (zip->data, (guint) name_len);
  put16 (zip->data, 0);            /* no extra field */
  g_byte_array_append (zip->data, (const guint8 *) name, (guint) name_len);
  if (len > 0)
    g_byte_array_append (zip->data, data, (guint) len);

  put32 (zip->directory, 0x02014b50);   /* central directory file header */
  put16 (zip->directory, 20);      /* made by: MS-DOS, 2.0 */
  put16 (zip->directory, 10);
  put16 (zip->directory, 0);
  put16 (zip->directory, 0);
  put16 (zip->directory, DOS_TIME);
  put16 (zip->directory, DOS_DATE);
  put32 (zip->directory, crc);
  put32 (zip->directory, (guint32) len);
  put32 (zip->directory, (guint32) len);
  put16 (zip->directory, (guint) name_len);
  put16 (zip->directory, 0);       /* extra field */
  put16 (zip->directory, 0);       /* comment */
  put16 (zip->directory, 0);       /* disk number */
  put16 (zip->directory, 0);       /* internal attributes */
  put32 (zip->directory, 0);       /* external attributes */
  put32 (zip->directory, offset);
  g_byte_array_append (zip->directory, (const guint8 *) name, (guint) name_len);
  zip->n_entries++;
}

GBytes *
paraat_zip_finish (ParaatZip *zip)
{
  guint32 directory_offset, directory_size;
  GByteArray *out;

  g_return_val_if_fail (zip != NULL, NULL);

  if (zip->too_large ||
      (guint64) zip->data->len + zip->directory->len + 22 >= G_MAXUINT32)
    return NULL;

  directory_offset = zip->data->len;
  directory_size = zip->directory->len;
  out = g_steal_pointer (&zip->data);
  g_byte_array_append (out, zip->directory->data, zip->directory->len);
  put32 (out, 0x06054b50);   /* end of central directory */
  put16 (out, 0);            /* this disk */
  put16 (out, 0);            /* disk with the central directory */
  put16 (out, zip->n_entries);
  put16 (out, zip->n_entries);
  put32 (out, directory_size);
  put32 (out, directory_offset);
  put16 (out, 0);            /* comment length */

  zip->data = g_byte_array_new ();
  g_byte_array_set_size (zip->directory, 0);
  zip->n_entries = 0;
  return g_byte_array_free_to_bytes (out);
}

void
paraat_zip_free (ParaatZip *zip)
{
  if (zip == NULL)
    return;
  g_byte_array_unref (zip->data);
  g_byte_array_unref (zip->directory);
  g_free (zip);
}
