/* paraat-catalog.c — reads framework catalogs: Paraat's own format, validated against its
 * RELAX NG schema, and (through paraat-oscal.c) OSCAL catalog XML
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/SAX2.h>
#include <string.h>

#include "paraat-catalog.h"
#include "paraat-catalog-private.h"
#include "paraat-core-resources.h"
#include "paraat-error.h"
#include "paraat-i18n.h"

#define CORE_RESOURCE_PREFIX "/io/github/paraat/Paraat/core"
#define SCHEMA_RESOURCE      CORE_RESOURCE_PREFIX "/catalogs/paraat-catalog.rng"

/* No network, no entity substitution, no DTD loading or default attributes, and libxml2's
 * default size limits (no XML_PARSE_HUGE). BIG_LINES keeps line numbers right past 65535. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | \
                       XML_PARSE_COMPACT)

#define ALL_TRACKS (PARAAT_TRACK_POLICY | PARAAT_TRACK_OPERATION | PARAAT_TRACK_MONITORING)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNGParserCtxt, xmlRelaxNGFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNG, xmlRelaxNGFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNGValidCtxt, xmlRelaxNGFreeValidCtxt)

static const char *const track_names[] = { "policy", "operation", "monitoring" };

/* Resources and libxml2 set-up ------------------------------------------------------ */

static gpointer
init_once (gpointer data)
{
  /* With a static core library the resource's constructor may never be linked in. */
  if (!g_resources_get_info (SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    g_resources_register (paraat_core_get_resource ());
  /* Both set up global tables lazily, without a lock; do it once, before any thread
   * parses (imports run in a GTask thread). */
  xmlInitParser ();
  xmlRelaxNGInitTypes ();
  return NULL;
}

void
paraat_core_ensure_resources (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, init_once, NULL);
}

/* Error capture ---------------------------------------------------------------------- */

/* libxml2 prints to stderr unless told otherwise. While we parse, this thread's handlers
 * point at a trap on our stack: libxml2 keeps them per thread, so parses in other threads
 * keep their own. */
typedef struct
{
  char                   *message;
  int                     line;
  int                     column;
  xmlNode                *node;
  xmlStructuredErrorFunc  saved_structured;
  void                   *saved_structured_data;
  xmlGenericErrorFunc     saved_generic;
  void                   *saved_generic_data;
} ErrorTrap;

static void
on_xml_structured_error_cb (void        *data,
                            xmlErrorPtr  err)
{
  ErrorTrap *trap = data;

  /* The first error is the cause; later ones are mostly consequences of it. */
  if (trap->message != NULL || err == NULL || err->level < XML_ERR_ERROR)
    return;
  trap->message = g_strdup (err->message != NULL ? err->message : "");
  trap->line = err->line;
  trap->column = err->int2;
  trap->node = err->node;
}

static void
on_xml_generic_error_cb (void       *data,
                         const char *format,
                         ...)
{
  /* Dropped: everything we report arrives through the structured handler. */
}

static void
error_trap_begin (ErrorTrap *trap)
{
  memset (trap, 0, sizeof *trap);
  trap->saved_structured = xmlStructuredError;
  trap->saved_structured_data = xmlStructuredErrorContext;
  trap->saved_generic = xmlGenericError;
  trap->saved_generic_data = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc (trap, on_xml_structured_error_cb);
  xmlSetGenericErrorFunc (NULL, on_xml_generic_error_cb);
}

static void
error_trap_end (ErrorTrap *trap)
{
  xmlSetStructuredErrorFunc (trap->saved_structured_data, trap->saved_structured);
  xmlSetGenericErrorFunc (trap->saved_generic_data, trap->saved_generic);
  g_clear_pointer (&trap->message, g_free);
}

/* libxml2's messages end in a newline and may span lines ("…!\nBytes: 0xFF"). */
static char *
tidy_libxml_message (const char *message)
{
  g_autofree char *text = paraat_text_normalize (message, FALSE);
  gsize len;

  if (text == NULL)
    return g_strdup (_("the file is not well-formed XML."));
  len = strlen (text);
  if (strchr (".!?", text[len - 1]) == NULL)
    return g_strconcat (text, ".", NULL);
  return g_steal_pointer (&text);
}

/* Locations -------------------------------------------------------------------------- */

static const char *
source_line_start (const ParaatCatalogSource *source,
                   long                       line)
{
  const char *p = source->data;
  const char *end = source->data + source->size;

  for (long i = 1; i < line; i++)
    {
      p = memchr (p, '\n', end - p);
      if (p == NULL)
        return NULL;
      p++;
    }
  return p;
}

static gboolean
count_elements_before (xmlNode    *node,
                       xmlNode    *target,
                       long        line,
                       const char *name,
                       int        *count)
{
  for (xmlNode *child = node; child != NULL; child = child->next)
    {
      if (child == target)
        return TRUE;
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (xmlGetLineNo (child) == line && strcmp ((const char *) child->name, name) == 0)
        (*count)++;
      if (count_elements_before (child->children, target, line, name, count))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_name_end (char c)
{
  return c == '\0' || c == '>' || c == '/' || g_ascii_isspace (c);
}

/* libxml2 keeps the line of each element but not its column, so find the element's start
 * tag in the source: the Nth "<name" on its line, N counting the same elements before it
 * on that line. Returns 0 when it cannot tell (the file is not in UTF-8, for instance). */
static int
source_column (const ParaatCatalogSource *source,
               xmlNode                   *node,
               long                       line)
{
  g_autofree char *needle = NULL;
  const char *start, *end, *p;
  int count = 0;

  while (node != NULL && node->type != XML_ELEMENT_NODE)
    node = node->parent;
  if (node == NULL || node->doc == NULL || (start = source_line_start (source, line)) == NULL)
    return 0;

  count_elements_before (xmlDocGetRootElement (node->doc), node, line,
                         (const char *) node->name, &count);
  if (node->ns != NULL && node->ns->prefix != NULL)
    needle = g_strdup_printf ("<%s:%s", node->ns->prefix, node->name);
  else
    needle = g_strdup_printf ("<%s", node->name);

  end = memchr (start, '\n', source->data + source->size - start);
  if (end == NULL)
    end = source->data + source->size;
  for (p = start; (p = g_strstr_len (p, end - p, needle)) != NULL; p++)
    {
      if (!is_name_end (p + strlen (needle) < end ? p[strlen (needle)] : '\0'))
        continue;
      if (count-- == 0)
        return g_utf8_validate (start, p - start, NULL) ? g_utf8_strlen (start, p - start) + 1 : 0;
    }
  return 0;
}

static void
set_error_at (GError     **error,
              const char  *name,
              long         line,
              int          column,
              const char  *problem,
              const char  *advice)
{
  g_autofree char *detail = NULL;

  if (line > 0 && column > 0)
    /* Translators: a place in a file, then what is wrong there */
    detail = g_strdup_printf (_("Line %ld, column %d: %s"), line, column, problem);
  else if (line > 0)
    /* Translators: a place in a file, then what is wrong there */
    detail = g_strdup_printf (_("Line %ld: %s"), line, problem);
  else
    detail = g_strdup (problem);

  /* Translators: the file name; "Line 3, column 7: what is wrong"; what to do about it */
  g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID, _("“%s” is not a valid catalog. %s %s"),
               name, detail, advice);
}

void
paraat_catalog_set_node_error (GError                    **error,
                               const ParaatCatalogSource  *source,
                               xmlNode                    *node,
                               const char                 *problem,
                               const char                 *advice)
{
  long line = node != NULL ? xmlGetLineNo (node) : 0;
  int column = line > 0 ? source_column (source, node, line) : 0;

  set_error_at (error, source->name, line, column, problem, advice);
}

gboolean
paraat_catalog_claim_key (GHashTable                 *seen,
                          const char                 *key,
                          xmlNode                    *node,
                          const ParaatCatalogSource  *source,
                          GError                    **error)
{
  gpointer first_line;
  g_autofree char *problem = NULL;

  if (!g_hash_table_lookup_extended (seen, key, NULL, &first_line))
    {
      g_hash_table_insert (seen, g_strdup (key), GINT_TO_POINTER ((int) xmlGetLineNo (node)));
      return TRUE;
    }

  problem = g_strdup_printf (_("the identifier “%s” is used more than once (first on line %d)."),
                             key, GPOINTER_TO_INT (first_line));
  paraat_catalog_set_node_error (error, source, node, problem,
                                 _("Give every group and requirement its own identifier."));
  return FALSE;
}

/* Small helpers shared with the OSCAL reader ----------------------------------------- */

gboolean
paraat_xml_is (xmlNode    *node,
               const char *ns,
               const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         strcmp ((const char *) node->name, name) == 0 &&
         strcmp ((const char *) node->ns->href, ns) == 0;
}

char *
paraat_xml_attr (xmlNode    *node,
                 const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

char *
paraat_xml_content (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup (value != NULL ? (const char *) value : "");

  xmlFree (value);
  return copy;
}

char *
paraat_text_normalize (const char *text,
                       gboolean    keep_paragraphs)
{
  GString *out;
  const char *p = text;

  if (text == NULL)
    return NULL;

  out = g_string_sized_new (strlen (text));
  while (*p != '\0')
    {
      int newlines = 0;

      if (!g_ascii_isspace (*p))
        {
          g_string_append_c (out, *p++);
          continue;
        }
      for (; g_ascii_isspace (*p); p++)
        newlines += *p == '\n';
      if (out->len > 0 && *p != '\0')
        g_string_append (out, keep_paragraphs && newlines >= 2 ? "\n\n" : " ");
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* Public helpers --------------------------------------------------------------------- */

guint
paraat_tracks_from_string (const char *list)
{
  g_auto(GStrv) words = NULL;
  guint tracks = 0;

  if (list == NULL)
    return 0;

  words = g_strsplit_set (list, " \t\r\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    for (guint bit = 0; bit < G_N_ELEMENTS (track_names); bit++)
      if (strcmp (words[i], track_names[bit]) == 0)
        tracks |= 1u << bit;
  return tracks;
}

char *
paraat_tracks_to_string (guint tracks)
{
  GString *out = g_string_new (NULL);

  for (guint bit = 0; bit < G_N_ELEMENTS (track_names); bit++)
    {
      if ((tracks & (1u << bit)) == 0)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, track_names[bit]);
    }
  return g_string_free (out, FALSE);
}

const char *
paraat_text_pick (const ParaatText *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (text->nl != NULL && paraat_i18n_prefers_dutch ())
    return text->nl;
  return text->en != NULL ? text->en : text->nl;
}

/* Construction ------------------------------------------------------------------------ */

static void
text_clear (ParaatText *text)
{
  g_clear_pointer (&text->en, g_free);
  g_clear_pointer (&text->nl, g_free);
}

ParaatCatalogGroup *
paraat_catalog_group_new (void)
{
  return g_new0 (ParaatCatalogGroup, 1);
}

void
paraat_catalog_group_free (ParaatCatalogGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->key);
  g_free (group->parent_key);
  text_clear (&group->title);
  for (guint i = 0; i < G_N_ELEMENTS (group->maturity); i++)
    text_clear (&group->maturity[i]);
  g_free (group);
}

ParaatCatalogRequirement *
paraat_catalog_requirement_new (void)
{
  ParaatCatalogRequirement *requirement = g_new0 (ParaatCatalogRequirement, 1);

  /* Auditors sample all three tracks unless a catalog says otherwise. */
  requirement->tracks = ALL_TRACKS;
  requirement->weight = 1.0;
  requirement->maps_to = g_ptr_array_new_with_free_func (g_free);
  return requirement;
}

void
paraat_catalog_requirement_free (ParaatCatalogRequirement *requirement)
{
  if (requirement == NULL)
    return;
  g_free (requirement->key);
  g_free (requirement->label);
  g_free (requirement->kind);
  g_free (requirement->group_key);
  g_free (requirement->parent_key);
  text_clear (&requirement->title);
  text_clear (&requirement->guidance);
  text_clear (&requirement->question);
  g_clear_pointer (&requirement->maps_to, g_ptr_array_unref);
  g_free (requirement);
}

ParaatCatalog *
paraat_catalog_new (ParaatCatalogFormat format)
{
  ParaatCatalog *catalog = g_new0 (ParaatCatalog, 1);

  catalog->format = format;
  catalog->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) paraat_catalog_group_free);
  catalog->requirements =
    g_ptr_array_new_with_free_func ((GDestroyNotify) paraat_catalog_requirement_free);
  return catalog;
}

void
paraat_catalog_free (ParaatCatalog *catalog)
{
  if (catalog == NULL)
    return;
  g_free (catalog->key);
  g_free (catalog->version);
  g_free (catalog->source);
  text_clear (&catalog->title);
  for (guint i = 0; i < G_N_ELEMENTS (catalog->maturity); i++)
    text_clear (&catalog->maturity[i]);
  g_clear_pointer (&catalog->groups, g_ptr_array_unref);
  g_clear_pointer (&catalog->requirements, g_ptr_array_unref);
  g_free (catalog);
}

/* Reading XML safely ------------------------------------------------------------------ */

typedef struct
{
  gboolean has_doctype;
  int      line;
  int      column;
} DoctypeGuard;

/* Called as soon as "<!DOCTYPE name …" is read and before any internal subset, so entity
 * declarations (and their expansion) are never processed at all. */
static void
on_internal_subset_cb (void          *ctx,
                       const xmlChar *name,
                       const xmlChar *external_id,
                       const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = ctx;
  DoctypeGuard *guard = ctxt->_private;

  guard->has_doctype = TRUE;
  guard->line = xmlSAX2GetLineNumber (ctxt);
  guard->column = xmlSAX2GetColumnNumber (ctxt);
  xmlStopParser (ctxt);
}

/* Points at the "<!DOCTYPE" itself rather than where libxml2 stopped reading. */
static void
locate_doctype (const ParaatCatalogSource *source,
                DoctypeGuard              *guard)
{
  const char *line_end = source_line_start (source, guard->line + 1);
  const char *found = NULL;
  const char *line_start;

  if (line_end == NULL)
    line_end = source->data + source->size;
  for (const char *p = source->data;
       (p = g_strstr_len (p, line_end - p, "<!DOCTYPE")) != NULL; p++)
    found = p;
  if (found == NULL)
    return;

  guard->line = 1;
  line_start = source->data;
  for (const char *p = source->data; p < found; p++)
    if (*p == '\n')
      {
        guard->line++;
        line_start = p + 1;
      }
  guard->column = g_utf8_validate (line_start, found - line_start, NULL)
                  ? g_utf8_strlen (line_start, found - line_start) + 1 : 0;
}

static void
set_doctype_error (GError                    **error,
                   const ParaatCatalogSource  *source,
                   DoctypeGuard               *guard)
{
  locate_doctype (source, guard);
  set_error_at (error, source->name, guard->line, guard->column,
                _("a document type declaration (DOCTYPE) is not allowed in a catalog."),
                _("Remove the declaration: Paraat never loads DTDs or entities."));
}

static xmlDoc *
read_document (const ParaatCatalogSource  *source,
               GError                    **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *problem = NULL;
  DoctypeGuard guard = { 0 };
  ErrorTrap trap;
  gboolean well_formed = FALSE;
  xmlDoc *result = NULL;

  error_trap_begin (&trap);
  ctxt = xmlCreateMemoryParserCtxt (source->data, (int) source->size);
  if (ctxt != NULL)
    {
      xmlCtxtUseOptions (ctxt, PARSE_OPTIONS);
      ctxt->_private = &guard;
      ctxt->sax->internalSubset = on_internal_subset_cb;
      xmlParseDocument (ctxt);
      well_formed = ctxt->wellFormed;
      doc = g_steal_pointer (&ctxt->myDoc);
    }

  if (guard.has_doctype || (doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL)))
    set_doctype_error (error, source, &guard);
  else if (!well_formed || doc == NULL)
    {
      problem = tidy_libxml_message (trap.message);
      set_error_at (error, source->name, trap.line, trap.column, problem,
                    _("Check that the file is a catalog in Paraat’s format or OSCAL catalog XML."));
    }
  else
    result = g_steal_pointer (&doc);

  error_trap_end (&trap);
  return result;
}

/* Paraat's format ----------------------------------------------------------------------- */

/* libxml2 reports some problems of an element on its first child ("Element requirement
 * failed to validate attributes" comes with the requirement's title): point at the element
 * the message names. */
static xmlNode *
named_element (xmlNode    *node,
               const char *message)
{
  for (xmlNode *n = node; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
    {
      g_autofree char *prefix = g_strdup_printf ("Element %s ", n->name);

      if (g_str_has_prefix (message, prefix))
        return n;
    }
  return node;
}

static gboolean
validate_paraat (xmlDoc                     *doc,
                 const ParaatCatalogSource  *source,
                 GError                    **error)
{
  g_autoptr(GBytes) schema = g_resources_lookup_data (SCHEMA_RESOURCE,
                                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(xmlRelaxNGParserCtxt) parser = NULL;
  g_autoptr(xmlRelaxNG) rng = NULL;
  g_autoptr(xmlRelaxNGValidCtxt) validator = NULL;
  g_autofree char *problem = NULL;
  ErrorTrap trap;
  xmlNode *node;
  long line;

  if (schema == NULL)
    {
      g_set_error_literal (error, PARAAT_ERROR, PARAAT_ERROR_IO,
                           _("The catalog schema is missing from this installation. "
                             "Reinstall Paraat."));
      return FALSE;
    }

  error_trap_begin (&trap);
  parser = xmlRelaxNGNewMemParserCtxt (g_bytes_get_data (schema, NULL),
                                       (int) g_bytes_get_size (schema));
  rng = parser != NULL ? xmlRelaxNGParse (parser) : NULL;
  validator = rng != NULL ? xmlRelaxNGNewValidCtxt (rng) : NULL;
  if (validator == NULL)
    {
      error_trap_end (&trap);
      g_set_error_literal (error, PARAAT_ERROR, PARAAT_ERROR_IO,
                           _("The catalog schema is missing from this installation. "
                             "Reinstall Paraat."));
      return FALSE;
    }

  xmlRelaxNGSetValidStructuredErrors (validator, on_xml_structured_error_cb, &trap);
  if (xmlRelaxNGValidateDoc (validator, doc) == 0)
    {
      error_trap_end (&trap);
      return TRUE;
    }

  problem = tidy_libxml_message (trap.message);
  node = trap.node != NULL ? named_element (trap.node, problem) : NULL;
  line = node != NULL ? xmlGetLineNo (node) : trap.line;
  set_error_at (error, source->name, line,
                node != NULL && line > 0 ? source_column (source, node, line) : 0,
                problem, _("Correct the catalog so that it follows Paraat’s catalog schema."));
  error_trap_end (&trap);
  return FALSE;
}

typedef struct
{
  const ParaatCatalogSource *source;
  ParaatCatalog             *catalog;
  GHashTable                *group_keys;
  GHashTable                *requirement_keys;
} Builder;

static gboolean
is_paraat (xmlNode    *node,
           const char *name)
{
  return paraat_xml_is (node, PARAAT_CATALOG_NS, name);
}

/* The schema allows several texts per element, one per language; the first one counts. */
static void
take_text (ParaatText *text,
           xmlNode    *node)
{
  xmlChar *lang = xmlGetNsProp (node, BAD_CAST "lang", XML_XML_NAMESPACE);
  char **slot = xmlStrEqual (lang, BAD_CAST "nl") ? &text->nl : &text->en;

  xmlFree (lang);
  if (*slot == NULL)
    {
      g_autofree char *content = paraat_xml_content (node);
      *slot = paraat_text_normalize (content, TRUE);
    }
}

static void
read_maturity (ParaatText  maturity[4],
               xmlNode    *element)
{
  for (xmlNode *level = element->children; level != NULL; level = level->next)
    {
      g_autofree char *value = NULL;
      guint64 n;

      if (!is_paraat (level, "level"))
        continue;
      value = paraat_xml_attr (level, "value");
      if (!g_ascii_string_to_unsigned (value, 10, 1, 4, &n, NULL))
        continue;
      for (xmlNode *child = level->children; child != NULL; child = child->next)
        if (is_paraat (child, "description"))
          take_text (&maturity[n - 1], child);
    }
}

static void
read_requirement_child (ParaatCatalogRequirement *requirement,
                        xmlNode                  *child)
{
  if (is_paraat (child, "title"))
    take_text (&requirement->title, child);
  else if (is_paraat (child, "guidance"))
    take_text (&requirement->guidance, child);
  else if (is_paraat (child, "question"))
    take_text (&requirement->question, child);
  else if (is_paraat (child, "tracks"))
    {
      g_autofree char *list = paraat_xml_content (child);
      requirement->tracks = paraat_tracks_from_string (list);
    }
  else if (is_paraat (child, "maps-to"))
    {
      g_autofree char *catalog = paraat_xml_attr (child, "catalog");
      g_autofree char *ref = paraat_xml_attr (child, "ref");
      g_ptr_array_add (requirement->maps_to, g_strconcat (catalog, "\x1f", ref, NULL));
    }
}

static gboolean
build_requirement (Builder     *builder,
                   xmlNode     *element,
                   const char  *group_key,
                   const char  *parent_key,
                   GError     **error)
{
  g_autoptr(ParaatCatalogRequirement) requirement = paraat_catalog_requirement_new ();
  g_autofree char *weight = paraat_xml_attr (element, "weight");
  const char *key;

  requirement->key = paraat_xml_attr (element, "id");
  if (!paraat_catalog_claim_key (builder->requirement_keys, requirement->key, element,
                                 builder->source, error))
    return FALSE;

  requirement->label = g_strdup (requirement->key);
  requirement->kind = paraat_xml_attr (element, "kind");
  requirement->group_key = g_strdup (group_key);
  requirement->parent_key = g_strdup (parent_key);
  if (weight != NULL)
    requirement->weight = g_ascii_strtod (weight, NULL);
  for (xmlNode *child = element->children; child != NULL; child = child->next)
    read_requirement_child (requirement, child);

  key = requirement->key;
  g_ptr_array_add (builder->catalog->requirements, g_steal_pointer (&requirement));

  for (xmlNode *child = element->children; child != NULL; child = child->next)
    if (is_paraat (child, "requirement") &&
        !build_requirement (builder, child, group_key, key, error))
      return FALSE;
  return TRUE;
}

static gboolean
build_group (Builder     *builder,
             xmlNode     *element,
             const char  *parent_key,
             GError     **error)
{
  g_autoptr(ParaatCatalogGroup) group = paraat_catalog_group_new ();
  const char *key;

  group->key = paraat_xml_attr (element, "id");
  if (!paraat_catalog_claim_key (builder->group_keys, group->key, element, builder->source, error))
    return FALSE;
  group->parent_key = g_strdup (parent_key);
  for (xmlNode *child = element->children; child != NULL; child = child->next)
    {
      if (is_paraat (child, "title"))
        take_text (&group->title, child);
      else if (is_paraat (child, "maturity"))
        read_maturity (group->maturity, child);
    }

  key = group->key;
  g_ptr_array_add (builder->catalog->groups, g_steal_pointer (&group));

  for (xmlNode *child = element->children; child != NULL; child = child->next)
    {
      if (is_paraat (child, "group") && !build_group (builder, child, key, error))
        return FALSE;
      if (is_paraat (child, "requirement") &&
          !build_requirement (builder, child, key, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static ParaatCatalog *
build_paraat (xmlDoc                     *doc,
              const ParaatCatalogSource  *source,
              GError                    **error)
{
  g_autoptr(ParaatCatalog) catalog = paraat_catalog_new (PARAAT_CATALOG_FORMAT_PARAAT);
  g_autoptr(GHashTable) group_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) requirement_keys =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Builder builder = { source, catalog, group_keys, requirement_keys };
  xmlNode *root = xmlDocGetRootElement (doc);

  catalog->key = paraat_xml_attr (root, "id");
  catalog->version = paraat_xml_attr (root, "version");
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (is_paraat (child, "title"))
        take_text (&catalog->title, child);
      else if (is_paraat (child, "source") && catalog->source == NULL)
        {
          g_autofree char *text = paraat_xml_content (child);
          catalog->source = paraat_text_normalize (text, TRUE);
        }
      else if (is_paraat (child, "maturity"))
        read_maturity (catalog->maturity, child);
      else if (is_paraat (child, "group") && !build_group (&builder, child, NULL, error))
        return NULL;
    }
  return g_steal_pointer (&catalog);
}

/* Entry points ------------------------------------------------------------------------- */

static void
set_root_error (GError                    **error,
                const ParaatCatalogSource  *source,
                xmlNode                    *root)
{
  g_autofree char *problem = NULL;

  if (root->ns == NULL)
    problem = g_strdup_printf (_("the root element “%s” has no namespace, so it is neither a "
                                 "catalog in Paraat’s format nor OSCAL."), root->name);
  else
    problem = g_strdup_printf (_("the root element “%s” in namespace “%s” is neither a catalog "
                                 "in Paraat’s format nor OSCAL."), root->name, root->ns->href);
  paraat_catalog_set_node_error (error, source, root, problem,
                                 _("Check that the file is a catalog in Paraat’s format or "
                                   "OSCAL catalog XML."));
}

ParaatCatalog *
paraat_catalog_parse_bytes (GBytes      *bytes,
                            const char  *display_name,
                            GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  ParaatCatalogSource source;
  xmlNode *root;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  source.name = display_name;
  source.data = g_bytes_get_data (bytes, &source.size);

  if (source.size > PARAAT_CATALOG_MAX_SIZE)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("“%s” is larger than 64 MiB, which is too large for a catalog. Check that "
                     "you chose the right file."), display_name);
      return NULL;
    }
  if (source.size == 0)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("“%s” is empty. Choose a catalog in Paraat’s format or OSCAL catalog XML."),
                   display_name);
      return NULL;
    }

  paraat_core_ensure_resources ();
  doc = read_document (&source, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (paraat_xml_is (root, PARAAT_CATALOG_NS, "catalog"))
    {
      if (!validate_paraat (doc, &source, error))
        return NULL;
      return build_paraat (doc, &source, error);
    }
  if (paraat_xml_is (root, PARAAT_OSCAL_NS, "catalog"))
    return paraat_oscal_build (doc, &source, error);

  set_root_error (error, &source, root);
  return NULL;
}

static void
set_file_error (GError     **error,
                const char  *name,
                GError      *io_error)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_NOT_FOUND,
                 _("“%s” does not exist. Check the location."), name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO,
                 _("“%s” is not a regular file. Choose a catalog file (.xml)."), name);
  else
    g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO,
                 _("“%s” cannot be read. Check the file’s permissions."), name);
}

ParaatCatalog *
paraat_catalog_parse_file (const char  *path,
                           GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_path (path);
  name = g_filename_display_basename (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      set_file_error (error, name, local_error);
      return NULL;
    }
  /* Refused before reading: a device or a pipe could be endless, a huge file is no catalog. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_IO,
                   _("“%s” is not a regular file. Choose a catalog file (.xml)."), name);
      return NULL;
    }
  if (g_file_info_get_size (info) > PARAAT_CATALOG_MAX_SIZE)
    {
      g_set_error (error, PARAAT_ERROR, PARAAT_ERROR_INVALID,
                   _("“%s” is larger than 64 MiB, which is too large for a catalog. Check that "
                     "you chose the right file."), name);
      return NULL;
    }

  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      set_file_error (error, name, local_error);
      return NULL;
    }
  return paraat_catalog_parse_bytes (bytes, name, error);
}
