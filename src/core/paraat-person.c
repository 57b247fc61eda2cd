/* paraat-person.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "paraat-error.h"
#include "paraat-i18n.h"
#include "paraat-person.h"

struct _ParaatPerson
{
  GObject parent_instance;

  gint64  id;
  char   *name;
  char   *role;
  char   *email;
};

G_DEFINE_FINAL_TYPE (ParaatPerson, paraat_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_EMAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
paraat_person_finalize (GObject *object)
{
  ParaatPerson *self = PARAAT_PERSON (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->email, g_free);

  G_OBJECT_CLASS (paraat_person_parent_class)->finalize (object);
}

static void
paraat_person_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ParaatPerson *self = PARAAT_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
paraat_person_class_init (ParaatPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = paraat_person_finalize;
  object_class->get_property = paraat_person_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
paraat_person_init (ParaatPerson *self)
{
}

ParaatPerson *
paraat_person_new (gint64      id,
                   const char *name,
                   const char *role,
                   const char *email)
{
  ParaatPerson *self = g_object_new (PARAAT_TYPE_PERSON, NULL);

  self->id = id;
  paraat_person_set_fields (self, name, role, email);
  return self;
}

gint64
paraat_person_get_id (ParaatPerson *self)
{
  g_return_val_if_fail (PARAAT_IS_PERSON (self), 0);
  return self->id;
}

const char *
paraat_person_get_name (ParaatPerson *self)
{
  g_return_val_if_fail (PARAAT_IS_PERSON (self), NULL);
  return self->name;
}

const char *
paraat_person_get_role (ParaatPerson *self)
{
  g_return_val_if_fail (PARAAT_IS_PERSON (self), NULL);
  return self->role ? self->role : "";
}

const char *
paraat_person_get_email (ParaatPerson *self)
{
  g_return_val_if_fail (PARAAT_IS_PERSON (self), NULL);
  return self->email ? self->email : "";
}

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
paraat_person_set_fields (ParaatPerson *self,
                          const char   *name,
                          const char   *role,
                          const char   *email)
{
  g_return_if_fail (PARAAT_IS_PERSON (self));

  if (replace_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  if (replace_string (&self->role, role))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
  if (replace_string (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

/* Words that name a group rather than one accountable person, in English and Dutch. */
static const char * const team_words[] = {
  "team", "it", "ict", "department", "afdeling", "helpdesk", "servicedesk",
  "management", "directie", "board", "bestuur", "group", "groep", "everyone",
  "iedereen", "staff", "personeel", "all", "allen", "hr", "finance", "security",
  "security officers", "ops", "devops", "sales", "support", "unit", "office",
  NULL
};

static gboolean
name_is_team (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_auto(GStrv) words = g_strsplit_set (folded, " -_/&,.", -1);

  if (g_strv_contains (team_words, folded))
    return TRUE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (g_str_equal (words[i], "team") || g_str_equal (words[i], "afdeling") ||
          g_str_equal (words[i], "department") || g_str_equal (words[i], "groep") ||
          g_str_equal (words[i], "group"))
        return TRUE;
    }

  return g_str_has_prefix (folded, "the ") || g_str_has_suffix (folded, "team");
}

static gboolean
email_is_plausible (const char *email)
{
  const char *at = strchr (email, '@');

  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;
  if (strchr (email, ' ') != NULL)
    return FALSE;

  const char *dot = strrchr (at, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

gboolean
paraat_person_validate (const char  *name,
                        const char  *email,
                        GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  if (stripped[0] == '\0')
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("Enter the person’s name."));
      return FALSE;
    }

  if (g_utf8_strlen (stripped, -1) > 120)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("The name is too long. Use at most 120 characters."));
      return FALSE;
    }

  if (name_is_team (stripped))
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("“%s” looks like a team or department. Enter one named person, "
                     "for example “Sanne de Vries”."), stripped);
      return FALSE;
    }

  if (email != NULL && email[0] != '\0' && !email_is_plausible (email))
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("“%s” is not a valid e-mail address. Use the form name@example.org, "
                     "or leave it empty."), email);
      return FALSE;
    }

  return TRUE;
}
