/* A candidate's profile: ESCO skills, experience, education and training,
 * languages, preferences, private accommodations and career goals; and,
 * apart from it, the identity fields (ProfileIdentity) that the store
 * encrypts and that employers see only after a reveal.
 *
 * Every string and array of a Profile lives in the Arena it was built in
 * (imports, profile_new); a Profile is never freed piece by piece. */
#ifndef TD_DOMAIN_PROFILES_PROFILE_H
#define TD_DOMAIN_PROFILES_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "domain/cefr.h"

/* Limits on what one profile may hold (imports stop with -E2BIG). */
#define PROFILE_MAX_SKILLS 500
#define PROFILE_MAX_EXPERIENCE 100
#define PROFILE_MAX_EDUCATION 100
#define PROFILE_MAX_LANGUAGES 50
#define PROFILE_MAX_CITIES 50
#define PROFILE_MAX_PROJECTS 100
#define PROFILE_MAX_GOAL_OCCUPATIONS 20
#define PROFILE_MAX_TEXT_BYTES (16 * 1024) /* one free-text field */


/* "A1".."C2" (case-insensitive) -> level; -EINVAL otherwise. */
int cefr_parse(const char *s, CefrLevel *ret);
/* "A1".."C2"; "?" for an invalid value (static). */
const char *cefr_name(CefrLevel level);

/* Self-rated skill level: 1 basic, 2 independent, 3 proficient, 4 expert;
 * 0 = not rated yet. */
#define PROFILE_SKILL_LEVEL_NONE 0
#define PROFILE_SKILL_LEVEL_MIN 1
#define PROFILE_SKILL_LEVEL_MAX 4

typedef struct ProfileSkill {
        const char *uri;   /* ESCO skill URI; NULL for a skill not mapped to ESCO yet */
        const char *label; /* as the candidate or the CV named it */
        int level;         /* PROFILE_SKILL_LEVEL_* */
        bool proposed;     /* found in a CV/import: the candidate has not confirmed it */
} ProfileSkill;

typedef struct ProfileExperience {
        const char *role;           /* job title as written */
        const char *occupation_uri; /* ESCO occupation, NULL if not chosen */
        const char *sector;         /* e.g. NACE label "Information and communication" */
        const char *employer;       /* kept for the candidate; the anonymiser hides it */
        const char *start, *end;    /* "YYYY", "YYYY-MM" or "YYYY-MM-DD"; end NULL = current */
        int months;                 /* duration; 0 = unknown */
        const char *description;
} ProfileExperience;

typedef enum EducationKind {
        EDUCATION_FORMAL,   /* school, university */
        EDUCATION_BOOTCAMP, /* intensive course (coding bootcamp, ...) */
        EDUCATION_COURSE,   /* other training, online course, certificate */
        EDUCATION_KIND_MAX
} EducationKind;

typedef struct ProfileEducation {
        const char *title;
        const char *field;       /* e.g. ISCED-F label "Information and Communication Technologies" */
        const char *institution; /* kept for the candidate; hidden by the anonymiser */
        int eqf_level;           /* European Qualifications Framework 1..8; 0 = unknown */
        EducationKind kind;
        const char *start, *end;
} ProfileEducation;

typedef struct ProfileLanguage {
        char code[12];   /* ISO 639 code ("en", "ro", "rom"), lower case */
        bool native;     /* mother tongue: level is then meaningless */
        CefrLevel level; /* overall self-assessed level */
} ProfileLanguage;

typedef enum RemotePreference { REMOTE_ANY, REMOTE_NO, REMOTE_HYBRID, REMOTE_ONLY, REMOTE_MAX } RemotePreference;
typedef enum HoursPreference { HOURS_ANY, HOURS_FULL_TIME, HOURS_PART_TIME, HOURS_MAX } HoursPreference;

typedef struct ProfilePreferences {
        const char **cities;
        size_t n_cities;
        RemotePreference remote;
        HoursPreference hours;
        int hours_per_week;     /* 0 = not said */
        const char *start_date; /* "YYYY-MM-DD"; NULL = not said */
} ProfilePreferences;

typedef struct ProfileProject {
        const char *name;
        const char *description;
} ProfileProject;

typedef struct Profile {
        ProfileSkill *skills;
        size_t n_skills;
        ProfileExperience *experience;
        size_t n_experience;
        ProfileEducation *education;
        size_t n_education;
        ProfileLanguage *languages;
        size_t n_languages;
        ProfileProject *projects;
        size_t n_projects;
        ProfilePreferences prefs;
        const char *headline;     /* e.g. "Junior web developer" */
        const char *summary;      /* about me, in the candidate's words */
        const char *skills_text;  /* free-text skills from a CV, not yet mapped to ESCO */
        /* PRIVATE to the candidate: never shown to employers, never in the
         * anonymised view; shared on reveal only if share_accommodations. */
        const char *accommodations;
        bool share_accommodations;
        const char *career_goals; /* in the candidate's words */
        const char **goal_occupations; /* ESCO occupation URIs the candidate aims for */
        size_t n_goal_occupations;
} Profile;

/* Identity: everything that names or locates the person. The store keeps
 * it encrypted and apart from Profile. A photo is never kept. */
typedef struct ProfileIdentity {
        const char *name; /* full name as written */
        const char *given_name, *family_name;
        const char *email;
        const char **phones;
        size_t n_phones;
        const char *address, *postal_code, *city, *country_code;
        const char *birthdate;   /* "YYYY-MM-DD" (partial allowed) */
        const char *gender;      /* as given in the source ("M", "F", ...) */
        const char **nationalities; /* country codes */
        size_t n_nationalities;
        const char **websites;
        size_t n_websites;
} ProfileIdentity;

/* The languages offered in forms: code and English name (N_() msgid). */
typedef struct ProfileLanguageName {
        const char *code, *msgid;
} ProfileLanguageName;
/* The offered languages (static), *ret_n of them. */
const ProfileLanguageName *profile_language_names(size_t *ret_n);
/* The name msgid of an offered language's code; NULL for another code. */
const char *profile_language_msgid(const char *code);

/* Number of education entries of kind EDUCATION_BOOTCAMP. */
size_t profile_bootcamp_count(const Profile *p);
/* Index of the language with code (case-insensitive), or -1. */
int profile_language_find(const Profile *p, const char *code);
/* Months between two "YYYY[-MM[-DD]]" dates (missing month = January);
 * -EINVAL if either is malformed or end precedes start. */
int profile_months_between(const char *start, const char *end, int *ret_months);

#endif
