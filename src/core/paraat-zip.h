/* paraat-zip.h — a small ZIP archive of stored (uncompressed) entries, built in memory
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ParaatZip ParaatZip;

/* CRC-32 as ZIP uses it (IEEE 802.3, reflected, polynomial 0xEDB88320). */
guint32    paraat_zip_crc32      (const void   *data,
                                  gsize         len);

ParaatZip *paraat_zip_new        (void);
/* Appends an entry with method 0 (stored), no extra field and a fixed date
 * (1980-01-01 00:00), so the same content gives the same archive. NAME is ASCII. */
void       paraat_zip_add_stored (ParaatZip    *zip,
                                  const char   *name,
                                  const void   *data,
                                  gsize         len);
/* The whole archive, with its central directory and end record; NULL when it would need
 * ZIP64 (an entry, or the archive, of 4 GiB or more, or 65535 entries or more). */
GBytes    *paraat_zip_finish     (ParaatZip    *zip);
void       paraat_zip_free       (ParaatZip    *zip);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParaatZip, paraat_zip_free)

G_END_DECLS
