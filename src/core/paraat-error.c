/* paraat-error.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "paraat-error.h"

G_DEFINE_QUARK (paraat-error-quark, paraat_error)
