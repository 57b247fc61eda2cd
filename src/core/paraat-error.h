/* paraat-error.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PARAAT_ERROR (paraat_error_quark ())

typedef enum
{
  PARAAT_ERROR_NOT_FOUND,
  PARAAT_ERROR_NOT_SQLITE,
  PARAAT_ERROR_FOREIGN,
  PARAAT_ERROR_CORRUPT,
  PARAAT_ERROR_TOO_NEW,
  PARAAT_ERROR_READ_ONLY,
  PARAAT_ERROR_LOCKED,
  PARAAT_ERROR_IO,
  PARAAT_ERROR_DATABASE,
  PARAAT_ERROR_INVALID,
  PARAAT_ERROR_NO_ACTOR,
  PARAAT_ERROR_EXISTS,
} ParaatError;

GQuark paraat_error_quark (void);

G_END_DECLS
