/* Names of the languages a profile offers to choose from (ISO 639 codes
 * with English names as msgids, translated by the caller). */
#include <string.h>

#include "core/i18n.h"
#include "domain/profiles/profile.h"

static const ProfileLanguageName names[] = {
        { "en", N_("English") },   { "el", N_("Greek") },      { "it", N_("Italian") },   { "pt", N_("Portuguese") },
        { "pl", N_("Polish") },    { "ro", N_("Romanian") },   { "sl", N_("Slovene") },   { "de", N_("German") },
        { "fr", N_("French") },    { "es", N_("Spanish") },    { "uk", N_("Ukrainian") }, { "ru", N_("Russian") },
        { "ar", N_("Arabic") },    { "tr", N_("Turkish") },    { "rom", N_("Romani") },   { "hu", N_("Hungarian") },
        { "bg", N_("Bulgarian") }, { "hr", N_("Croatian") },   { "sq", N_("Albanian") },  { "fa", N_("Persian") },
};

const ProfileLanguageName *profile_language_names(size_t *ret_n) {
        *ret_n = sizeof names / sizeof names[0];
        return names;
}

const char *profile_language_msgid(const char *code) {
        for (size_t i = 0; code && i < sizeof names / sizeof names[0]; i++)
                if (strcmp(names[i].code, code) == 0)
                        return names[i].msgid;
        return NULL;
}
