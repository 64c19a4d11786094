/* Importing and exporting profiles: Europass CV XML v3.x and JSON Resume.
 *
 * Imports fill a Profile (skills, experience, education, languages,
 * projects) and a separate ProfileIdentity (name, contacts, address,
 * birthdate, gender, nationality, websites). Photos and attachments are
 * never kept. On any error nothing is written to the ret_ structs; the
 * arena may hold unused allocations until it is freed. */
#ifndef TD_DOMAIN_PROFILES_PROFILE_IO_H
#define TD_DOMAIN_PROFILES_PROFILE_IO_H

#include <stddef.h>

#include "core/arena.h"
#include "core/strbuf.h"
#include "domain/esco/esco.h"
#include "domain/profiles/profile.h"

#define EUROPASS_MAX_BYTES (8 * 1024 * 1024) /* photos inflate Europass files */
#define EUROPASS_MAX_DEPTH 48                /* element nesting */
#define JSONRESUME_MAX_BYTES (1024 * 1024)
#define JSONRESUME_MAX_DEPTH 16

typedef struct ProfileImportOptions {
        /* "YYYY-MM-DD": end date of current positions for durations; NULL
         * leaves current positions at months = 0. */
        const char *today;
        /* When set, skill names and CV skill text are matched to ESCO
         * labels (exact after normalisation); matches become proposed
         * skills with their URI. */
        const EscoIndex *esco;
} ProfileImportOptions;

typedef struct ProfileIoError {
        const char *msgid;   /* N_() English message for i18n_gettext (static) */
        int line;            /* 1-based line in the source when known, else 0 */
        char detail[160];    /* untranslated context (parser message, field) */
} ProfileIoError;

/* Europass CV XML v3.x (SkillsPassport). DTDs and entity declarations
 * are refused outright (no XXE, no entity expansion), the network is never
 * used. Returns 0, -EINVAL (not XML, not Europass, DTD present, bad value),
 * -E2BIG (over EUROPASS_MAX_* or PROFILE_MAX_*), -ENOMEM. opt and err may
 * be NULL; ret_identity may be NULL (identity then discarded). */
int europass_import(Arena *a, const char *xml, size_t len, const ProfileImportOptions *opt, Profile *ret_profile,
                    ProfileIdentity *ret_identity, ProfileIoError *err);
/* Writes a Europass v3.4 XML document. identity may be NULL (an anonymous
 * CV). Accommodations are never exported. Returns 0, -ENOMEM, -EINVAL. */
int europass_export(const Profile *p, const ProfileIdentity *identity, StrBuf *out);

/* JSON Resume (jsonresume.org schema v1). Same contract as Europass. */
int jsonresume_import(Arena *a, const char *json, size_t len, const ProfileImportOptions *opt, Profile *ret_profile,
                      ProfileIdentity *ret_identity, ProfileIoError *err);
/* Writes JSON Resume; ESCO URIs go in the non-standard "x-escoUri" of each
 * skill (and back on import). Returns 0, -ENOMEM, -EINVAL. */
int jsonresume_export(const Profile *p, const ProfileIdentity *identity, StrBuf *out);

/* Proposes ESCO skills found in CV text (extracted from PDF/DOCX/ODT by
 * the caller): appends those not already in p as proposed skills with
 * their preferred label. Returns the number added (>= 0), or -EINVAL,
 * -E2BIG (text too long), -ENOMEM. Arrays are re-allocated in a. */
int profile_propose_skills(Arena *a, Profile *p, const EscoIndex *esco, const char *text, size_t len);

#endif
