/* paraat-oscal.c — turns an OSCAL catalog (1.0 or 1.1) into a ParaatCatalog
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "paraat-catalog-private.h"
#include "paraat-i18n.h"

#define KEY_MAX_LENGTH 64

/* Parameters may refer to parameters (a choice that inserts another). Expanding them is a
 * second entity mechanism, so bound it like one: in depth, and in the total text all
 * expansions of one catalog may produce; past that, a parameter shows as "[id]". */
#define MAX_PARAM_DEPTH  4
#define PARAM_BUDGET     (16 * 1024 * 1024)

typedef struct
{
  const ParaatCatalogSource *source;
  ParaatCatalog             *catalog;
  GHashTable                *params;        /* id → xmlNode <param> */
  GHashTable                *group_keys;
  GHashTable                *control_keys;
  guint                      n_groups;
  gsize                      param_budget;  /* bytes expansions may still add */
} OscalBuilder;

static void append_children (OscalBuilder *builder,
                             xmlNode      *node,
                             GString      *out,
                             guint         depth);

static gboolean
is_oscal (xmlNode    *node,
          const char *name)
{
  return paraat_xml_is (node, PARAAT_OSCAL_NS, name);
}

static xmlNode *
first_child (xmlNode    *node,
             const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_oscal (child, name))
      return child;
  return NULL;
}

static gboolean
is_block (xmlNode *node)
{
  static const char *const blocks[] = {
    "p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "table",
    "tr",
  };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (strcmp ((const char *) node->name, blocks[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The shown identifier: OSCAL catalogs often carry several labels ("AC-01", "AC-1") told
 * apart by class; the one without a class is the canonical one. */
static char *
label_of (xmlNode *node)
{
  xmlNode *fallback = NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *name = NULL;
      g_autofree char *ns = NULL;
      g_autofree char *klass = NULL;

      if (!is_oscal (child, "prop"))
        continue;
      name = paraat_xml_attr (child, "name");
      ns = paraat_xml_attr (child, "ns");
      /* A label in another namespace means something else to someone else. */
      if (g_strcmp0 (name, "label") != 0 ||
          (ns != NULL && strstr (ns, "nist.gov/ns/oscal") == NULL))
        continue;
      klass = paraat_xml_attr (child, "class");
      if (klass == NULL)
        return paraat_xml_attr (child, "value");
      if (fallback == NULL)
        fallback = child;
    }
  return fallback != NULL ? paraat_xml_attr (fallback, "value") : NULL;
}

static void
append_param (OscalBuilder *builder,
              xmlNode      *param,
              GString      *out,
              guint         depth)
{
  xmlNode *label = first_child (param, "label");
  xmlNode *select = first_child (param, "select");
  gboolean first = TRUE;

  for (xmlNode *child = param->children; child != NULL; child = child->next)
    if (is_oscal (child, "value"))
      {
        g_string_append (out, first ? "" : ", ");
        append_children (builder, child, out, depth + 1);
        first = FALSE;
      }
  if (!first)
    return;

  if (label != NULL)
    {
      g_string_append (out, "[Assignment: ");
      append_children (builder, label, out, depth + 1);
      g_string_append_c (out, ']');
    }
  else if (select != NULL)
    {
      g_autofree char *how_many = paraat_xml_attr (select, "how-many");

      g_string_append (out, g_strcmp0 (how_many, "one-or-more") == 0
                            ? "[Selection (one or more): " : "[Selection: ");
      for (xmlNode *choice = select->children; choice != NULL; choice = choice->next)
        if (is_oscal (choice, "choice"))
          {
            g_string_append (out, first ? "" : "; ");
            append_children (builder, choice, out, depth + 1);
            first = FALSE;
          }
      g_string_append_c (out, ']');
    }
  else
    {
      g_autofree char *id = paraat_xml_attr (param, "id");
      g_string_append_printf (out, "[%s]", id);
    }
}

/* <insert type="param" id-ref="…"/> (OSCAL 1.1) or <insert param-id="…"/> (early 1.0). */
static void
append_insert (OscalBuilder *builder,
               xmlNode      *insert,
               GString      *out,
               guint         depth)
{
  g_autofree char *type = paraat_xml_attr (insert, "type");
  g_autofree char *id = paraat_xml_attr (insert, "id-ref");
  xmlNode *param;
  gsize before;

  if (type != NULL && strcmp (type, "param") != 0)
    return;
  if (id == NULL)
    id = paraat_xml_attr (insert, "param-id");
  if (id == NULL)
    return;

  param = g_hash_table_lookup (builder->params, id);
  if (param == NULL || depth >= MAX_PARAM_DEPTH || builder->param_budget == 0)
    {
      g_string_append_printf (out, "[%s]", id);
      return;
    }

  before = out->len;
  append_param (builder, param, out, depth);
  builder->param_budget -= MIN (builder->param_budget, out->len - before);
}

static void
append_node (OscalBuilder *builder,
             xmlNode      *node,
             GString      *out,
             guint         depth)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      g_string_append (out, (const char *) node->content);
      return;
    }
  if (node->type != XML_ELEMENT_NODE)
    return;

  if (is_oscal (node, "insert"))
    append_insert (builder, node, out, depth);
  else if (is_block (node))
    {
      g_string_append (out, "\n\n");
      append_children (builder, node, out, depth);
      g_string_append (out, "\n\n");
    }
  else
    {
      if (strcmp ((const char *) node->name, "td") == 0 ||
          strcmp ((const char *) node->name, "th") == 0)
        g_string_append_c (out, ' ');
      append_children (builder, node, out, depth);
    }
}

static void
append_children (OscalBuilder *builder,
                 xmlNode      *node,
                 GString      *out,
                 guint         depth)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    append_node (builder, child, out, depth);
}

/* A part's own prose, without its properties, links and sub-parts. */
static char *
part_prose (OscalBuilder *builder,
            xmlNode      *part,
            gboolean      keep_paragraphs)
{
  g_autoptr(GString) raw = g_string_new (NULL);

  for (xmlNode *child = part->children; child != NULL; child = child->next)
    {
      if (is_oscal (child, "prop") || is_oscal (child, "link") || is_oscal (child, "part") ||
          is_oscal (child, "title"))
        continue;
      append_node (builder, child, raw, 0);
    }
  return paraat_text_normalize (raw->str, keep_paragraphs);
}

static char *
markup_text (OscalBuilder *builder,
             xmlNode      *node)
{
  g_autoptr(GString) raw = g_string_new (NULL);

  if (node == NULL)
    return NULL;
  append_children (builder, node, raw, 0);
  return paraat_text_normalize (raw->str, FALSE);
}

/* Statement items read as an outline: "a. …", then "  1. …" under it. */
static void
append_statement_items (OscalBuilder *builder,
                        xmlNode      *part,
                        guint         level,
                        GString      *out)
{
  for (xmlNode *item = part->children; item != NULL; item = item->next)
    {
      g_autofree char *label = NULL;
      g_autofree char *prose = NULL;

      if (!is_oscal (item, "part"))
        continue;
      label = label_of (item);
      prose = part_prose (builder, item, FALSE);
      if (label != NULL || prose != NULL)
        {
          if (out->len > 0)
            g_string_append_c (out, '\n');
          for (guint i = 0; i < level; i++)
            g_string_append (out, "  ");
          g_string_append (out, label != NULL ? label : "");
          g_string_append (out, label != NULL && prose != NULL ? " " : "");
          g_string_append (out, prose != NULL ? prose : "");
        }
      append_statement_items (builder, item, level + 1, out);
    }
}

static char *
statement_text (OscalBuilder *builder,
                xmlNode      *statement)
{
  g_autofree char *prose = part_prose (builder, statement, FALSE);
  GString *out = g_string_new (prose);

  append_statement_items (builder, statement, 0, out);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* Guidance is prose in paragraphs; sub-parts (rare) follow as further paragraphs. */
static void
append_guidance (OscalBuilder *builder,
                 xmlNode      *part,
                 GString      *out)
{
  g_autofree char *prose = part_prose (builder, part, TRUE);

  if (prose != NULL)
    {
      g_string_append (out, out->len > 0 ? "\n\n" : "");
      g_string_append (out, prose);
    }
  for (xmlNode *child = part->children; child != NULL; child = child->next)
    if (is_oscal (child, "part"))
      append_guidance (builder, child, out);
}

static char *
control_guidance (OscalBuilder *builder,
                  xmlNode      *control)
{
  GString *out = g_string_new (NULL);

  for (xmlNode *part = control->children; part != NULL; part = part->next)
    {
      g_autofree char *name = NULL;

      if (!is_oscal (part, "part"))
        continue;
      name = paraat_xml_attr (part, "name");
      if (g_strcmp0 (name, "statement") == 0)
        {
          g_autofree char *text = statement_text (builder, part);
          if (text != NULL)
            {
              g_string_append (out, out->len > 0 ? "\n\n" : "");
              g_string_append (out, text);
            }
        }
      else if (g_strcmp0 (name, "guidance") == 0)
        append_guidance (builder, part, out);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static gboolean
build_control (OscalBuilder  *builder,
               xmlNode       *element,
               const char    *group_key,
               const char    *parent_key,
               GError       **error)
{
  g_autoptr(ParaatCatalogRequirement) requirement = paraat_catalog_requirement_new ();
  const char *key;

  requirement->key = paraat_xml_attr (element, "id");
  if (requirement->key == NULL || requirement->key[0] == '\0')
    {
      paraat_catalog_set_node_error (error, builder->source, element,
                                     _("a control has no “id” attribute."),
                                     _("Check that the file is a catalog in Paraat’s format or "
                                       "OSCAL catalog XML."));
      return FALSE;
    }
  if (!paraat_catalog_claim_key (builder->control_keys, requirement->key, element,
                                 builder->source, error))
    return FALSE;

  requirement->label = label_of (element);
  if (requirement->label == NULL)
    requirement->label = g_strdup (requirement->key);
  requirement->kind = g_strdup ("control");
  requirement->group_key = g_strdup (group_key);
  requirement->parent_key = g_strdup (parent_key);
  requirement->title.en = markup_text (builder, first_child (element, "title"));
  requirement->guidance.en = control_guidance (builder, element);

  key = requirement->key;
  g_ptr_array_add (builder->catalog->requirements, g_steal_pointer (&requirement));

  /* Enhancements: children of their control, in the same group. */
  for (xmlNode *child = element->children; child != NULL; child = child->next)
    if (is_oscal (child, "control") &&
        !build_control (builder, child, group_key, key, error))
      return FALSE;
  return TRUE;
}

static gboolean
build_group (OscalBuilder  *builder,
             xmlNode       *element,
             const char    *parent_key,
             GError       **error)
{
  g_autoptr(ParaatCatalogGroup) group = paraat_catalog_group_new ();
  const char *key;

  builder->n_groups++;
  group->key = paraat_xml_attr (element, "id");
  /* OSCAL makes a group's id optional; ours are not. */
  if (group->key == NULL || group->key[0] == '\0')
    {
      g_free (group->key);
      group->key = g_strdup_printf ("group-%u", builder->n_groups);
    }
  if (!paraat_catalog_claim_key (builder->group_keys, group->key, element, builder->source, error))
    return FALSE;
  group->parent_key = g_strdup (parent_key);
  group->title.en = markup_text (builder, first_child (element, "title"));

  key = group->key;
  g_ptr_array_add (builder->catalog->groups, g_steal_pointer (&group));

  for (xmlNode *child = element->children; child != NULL; child = child->next)
    {
      if (is_oscal (child, "group") && !build_group (builder, child, key, error))
        return FALSE;
      if (is_oscal (child, "control") && !build_control (builder, child, key, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Parameters are declared on the catalog, its groups and its controls; inserts may refer
 * to any of them. */
static void
collect_params (GHashTable *params,
                xmlNode    *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_oscal (child, "param"))
        {
          char *id = paraat_xml_attr (child, "id");

          if (id != NULL && !g_hash_table_contains (params, id))
            g_hash_table_insert (params, id, child);
          else
            g_free (id);
        }
      else if (is_oscal (child, "group") || is_oscal (child, "control"))
        collect_params (params, child);
    }
}

/* A catalog key must match the schema's pattern [A-Za-z0-9][A-Za-z0-9._()-]* and fit in
 * 64 characters: a slug of the title, made unique with the uuid when it has to be cut. */
static char *
make_key (const char *title,
          const char *uuid)
{
  GString *key = g_string_new (NULL);
  GString *tag = g_string_new (NULL);

  for (const char *p = title; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (key, g_ascii_tolower (*p));
      else if (key->len > 0 && key->str[key->len - 1] != '-')
        g_string_append_c (key, '-');
    }
  for (const char *p = uuid; p != NULL && *p != '\0' && tag->len < 8; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (tag, g_ascii_tolower (*p));

  if (key->len > 0 && key->str[key->len - 1] == '-')
    g_string_truncate (key, key->len - 1);

  if (key->len == 0)
    {
      g_string_assign (key, "oscal");
      if (tag->len > 0)
        g_string_append_printf (key, "-%s", tag->str);
    }
  else if (key->len > KEY_MAX_LENGTH)
    {
      g_string_truncate (key, tag->len > 0 ? KEY_MAX_LENGTH - 1 - tag->len : KEY_MAX_LENGTH);
      while (key->str[key->len - 1] == '-')
        g_string_truncate (key, key->len - 1);
      if (tag->len > 0)
        g_string_append_printf (key, "-%s", tag->str);
    }

  g_string_free (tag, TRUE);
  return g_string_free (key, FALSE);
}

static void
read_metadata (ParaatCatalog *catalog,
               OscalBuilder  *builder,
               xmlNode       *root)
{
  xmlNode *metadata = first_child (root, "metadata");
  g_autofree char *uuid = paraat_xml_attr (root, "uuid");
  g_autofree char *oscal_version = NULL;

  if (metadata != NULL)
    {
      catalog->title.en = markup_text (builder, first_child (metadata, "title"));
      catalog->version = markup_text (builder, first_child (metadata, "version"));
      oscal_version = markup_text (builder, first_child (metadata, "oscal-version"));
    }

  catalog->key = make_key (catalog->title.en, uuid);
  if (catalog->version == NULL)
    catalog->version = g_strdup ("");
  if (catalog->title.en == NULL)
    catalog->title.en = g_strdup (catalog->key);
  catalog->source = oscal_version != NULL
                    ? g_strdup_printf ("%s (OSCAL %s)", catalog->title.en, oscal_version)
                    : g_strdup_printf ("%s (OSCAL)", catalog->title.en);
}

ParaatCatalog *
paraat_oscal_build (xmlDoc                     *doc,
                    const ParaatCatalogSource  *source,
                    GError                    **error)
{
  g_autoptr(ParaatCatalog) catalog = paraat_catalog_new (PARAAT_CATALOG_FORMAT_OSCAL);
  g_autoptr(GHashTable) params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) group_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) control_keys =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  OscalBuilder builder = { source, catalog, params, group_keys, control_keys, 0, PARAM_BUDGET };
  xmlNode *root = xmlDocGetRootElement (doc);

  collect_params (params, root);
  read_metadata (catalog, &builder, root);

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (is_oscal (child, "group") && !build_group (&builder, child, NULL, error))
        return NULL;
      if (is_oscal (child, "control") && !build_control (&builder, child, NULL, NULL, error))
        return NULL;
    }

  if (catalog->requirements->len == 0)
    {
      paraat_catalog_set_node_error (error, source, root,
                                     _("the OSCAL catalog has no controls."),
                                     _("Choose a catalog that contains controls."));
      return NULL;
    }
  return g_steal_pointer (&catalog);
}
