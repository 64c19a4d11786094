/* Interface languages and message catalogues.
 *
 * Catalogues are GNU .mo files compiled from po/LANG.po by msgfmt and
 * embedded in the binary. Lookups are per call with an explicit language
 * (never the process locale), so one server thread can answer in Greek
 * while the next answers in Polish. Mark strings for xgettext with _() (or
 * N_() where no lookup happens yet). */
#ifndef TD_CORE_I18N_H
#define TD_CORE_I18N_H

#include <stddef.h>

typedef enum Lang { LANG_EN, LANG_EL, LANG_IT, LANG_PT, LANG_PL, LANG_RO, LANG_SL, LANG_MAX } Lang;

/* Registers the .mo image for lang; the bytes must outlive the process
 * (embedded data). Returns 0, or -EINVAL for a malformed catalogue. */
int i18n_register(Lang lang, const unsigned char *mo, size_t len);

/* Returns the translation of msgid in lang, or msgid itself when there is
 * none. The result is owned by the catalogue (static storage). */
const char *i18n_gettext(Lang lang, const char *msgid);
/* Plural lookup with each language's CLDR plural rule. */
const char *i18n_ngettext(Lang lang, const char *msgid, const char *plural, unsigned long n);
/* Context lookup ("ctx" \004 "msgid" in the catalogue). */
const char *i18n_pgettext(Lang lang, const char *ctx, const char *msgid);

/* "en", "el", ... (static). */
const char *lang_code(Lang lang);
/* Native name of the language, e.g. "Ελληνικά" (static). */
const char *lang_native_name(Lang lang);
/* Parses a code such as "pl" or "pl-PL" (case-insensitive). Returns 0 and
 * sets *ret, or -EINVAL. */
int lang_parse(const char *s, Lang *ret);
/* Best supported language of an Accept-Language header by q-value;
 * returns -ENOENT when none is supported. Ignores malformed items. */
int lang_from_accept(const char *header, Lang *ret);

#define N_(s) (s)

#endif
