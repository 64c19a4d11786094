/* How complete a profile is, and what to do next, in plain words. */
#ifndef TD_DOMAIN_PROFILES_COMPLETENESS_H
#define TD_DOMAIN_PROFILES_COMPLETENESS_H

#include "domain/profiles/profile.h"

/* Each step is worth points; the score is the sum of points earned. */
typedef enum CompletenessStep {
        COMPLETENESS_CONFIRM_SKILLS, /* 0 points, but first when CV skills wait for a yes */
        COMPLETENESS_SKILLS,         /* 25: 5 per confirmed ESCO skill, up to 5 */
        COMPLETENESS_EXPERIENCE,     /* 15 */
        COMPLETENESS_GOAL,           /* 10 */
        COMPLETENESS_EDUCATION,      /* 10 */
        COMPLETENESS_ENGLISH,        /* 10 */
        COMPLETENESS_PROJECT,        /* 10 */
        COMPLETENESS_SKILL_LEVELS,   /* 5 */
        COMPLETENESS_LANGUAGES,      /* 5: a language other than English */
        COMPLETENESS_PLACE,          /* 5 */
        COMPLETENESS_AVAILABILITY,   /* 5 */
        COMPLETENESS_STEP_MAX
} CompletenessStep;

#define COMPLETENESS_MIN_SKILLS 5

typedef struct Completeness {
        int score; /* 0..100 */
        /* Steps still open, most valuable first (ties in enum order). */
        CompletenessStep steps[COMPLETENESS_STEP_MAX];
        int missing_points[COMPLETENESS_STEP_MAX];
        size_t n_steps;
} Completeness;

/* Fills *ret; never fails. */
void profile_completeness(const Profile *p, Completeness *ret);
/* English msgid (N_-marked, translated by i18n_gettext) of a step, e.g.
 * "Add at least 5 skills for the roles you want."; static. */
const char *completeness_step_msgid(CompletenessStep step);

#endif
