/* paraat-person.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PARAAT_TYPE_PERSON (paraat_person_get_type ())

G_DECLARE_FINAL_TYPE (ParaatPerson, paraat_person, PARAAT, PERSON, GObject)

ParaatPerson *paraat_person_new        (gint64        id,
                                        const char   *name,
                                        const char   *role,
                                        const char   *email);
gint64        paraat_person_get_id     (ParaatPerson *self);
const char   *paraat_person_get_name   (ParaatPerson *self);
const char   *paraat_person_get_role   (ParaatPerson *self);
const char   *paraat_person_get_email  (ParaatPerson *self);
void          paraat_person_set_fields (ParaatPerson *self,
                                        const char   *name,
                                        const char   *role,
                                        const char   *email);

/* Owners are always one named person: refuses blanks, teams and bad e-mail. */
gboolean      paraat_person_validate   (const char   *name,
                                        const char   *email,
                                        GError      **error);

G_END_DECLS
