/* paraat-i18n.h — the core's translations, with a language per thread so that a document
 * can be written in another language than the interface's
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core sources include this instead of <glib/gi18n-lib.h>: _(), C_() and paraat_ngettext()
 * answer in the calling thread's document language when one is set, and otherwise through
 * gettext in the interface language. Translations come from the same paraat.mo files that
 * gettext uses (the directory bound with bindtextdomain()).
 */
#pragma once

#include <glib/gi18n-lib.h>
#include <string.h>

G_BEGIN_DECLS

#undef _
#undef C_
#define _(String) paraat_gettext (String)
#define C_(Context, String) paraat_pgettext (Context "\004" String, strlen (Context) + 1)
/* For the person working (error messages, progress): always the interface language, also
 * while a document is written in another */
#define I_(String) g_dgettext (GETTEXT_PACKAGE, String)

const char  *paraat_gettext                  (const char *msgid) G_GNUC_FORMAT (1);
/* MSGCTXTID is "context\004message"; MSGIDOFFSET where the message starts */
const char  *paraat_pgettext                 (const char *msgctxtid,
                                              gsize       msgidoffset) G_GNUC_FORMAT (1);
/* The same with the context apart, for messages from tables */
const char  *paraat_pgettext2                (const char *context,
                                              const char *msgid) G_GNUC_FORMAT (2);
const char  *paraat_ngettext                 (const char *msgid,
                                              const char *msgid_plural,
                                              gulong      n) G_GNUC_FORMAT (1) G_GNUC_FORMAT (2);

/* The languages documents can be written in: "en", and "nl" where its translations are
 * installed. Free with g_strfreev(). */
char       **paraat_i18n_list_languages      (void);
/* "English", "Nederlands": each language in its own words */
const char  *paraat_i18n_language_name       (const char *language);
/* The interface language among paraat_i18n_list_languages(): "nl" or "en" */
const char  *paraat_i18n_interface_language  (void);

/* Until the matching pop, _() and friends on this thread answer in LANGUAGE ("en", "nl").
 * Fails with a clear message for a language that is not installed. Pushes nest. */
gboolean     paraat_i18n_push_language       (const char  *language,
                                              GError     **error);
void         paraat_i18n_pop_language        (void);
/* The same for a block of code: LANGUAGE NULL leaves the language as it is. NULL with an
 * error when the language is not installed; the language is popped when the scope ends. */
typedef struct _ParaatLanguageScope ParaatLanguageScope;

ParaatLanguageScope *paraat_i18n_enter_language (const char  *language,
                                                 GError     **error);
void         paraat_i18n_leave_language      (ParaatLanguageScope *scope);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParaatLanguageScope, paraat_i18n_leave_language)

/* TRUE when text for the reader should be Dutch: the thread's document language, or else
 * the interface language */
gboolean     paraat_i18n_prefers_dutch       (void);

/* Dates for readers, in the thread's document language or the interface's: "22 November
 * 2026" from "YYYY-MM-DD" (anything else comes back as it is), and "Mar 2026" (MONTH 1–12) */
/* VALUE with DIGITS decimals: with a document language pushed, with its decimal separator
 * ("2,4" in Dutch); otherwise as printf() does in the interface's locale */
char        *paraat_format_decimal           (double      value,
                                              int         digits);
char        *paraat_format_date_long         (const char *date);
char        *paraat_format_month_short       (int         year,
                                              int         month);

G_END_DECLS
