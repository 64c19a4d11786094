#include "domain/profiles/completeness.h"

#include <string.h>

#include "core/i18n.h"

static const struct {
        int points;
        const char *msgid;
} steps[COMPLETENESS_STEP_MAX] = {
        [COMPLETENESS_CONFIRM_SKILLS] = {0, N_("Check the skills we found in your CV: keep the ones you have and remove the others.")},
        [COMPLETENESS_SKILLS] = {25, N_("Add at least 5 skills for the roles you want.")},
        [COMPLETENESS_EXPERIENCE] = {15, N_("Add your work experience, paid or unpaid: what you did and for how long.")},
        [COMPLETENESS_GOAL] = {10, N_("Choose the job you want next, so we can show you which skills it needs.")},
        [COMPLETENESS_EDUCATION] = {10, N_("Add your education or training, including bootcamps and online courses.")},
        [COMPLETENESS_ENGLISH] = {10, N_("Say your English level (from A1 for beginners to C2 for fluent).")},
        [COMPLETENESS_PROJECT] = {10, N_("Describe one project: what you did, with whom, and with which tools.")},
        [COMPLETENESS_SKILL_LEVELS] = {5, N_("Say how good you are at each skill, from 1 (basic) to 4 (expert).")},
        [COMPLETENESS_LANGUAGES] = {5, N_("Add the other languages you speak, with your level in each.")},
        [COMPLETENESS_PLACE] = {5, N_("Say which cities you can work in, or that you want to work from home.")},
        [COMPLETENESS_AVAILABILITY] = {5, N_("Say when you can start and how many hours a week you want to work.")},
};

const char *completeness_step_msgid(CompletenessStep step) {
        return (unsigned)step < COMPLETENESS_STEP_MAX ? steps[step].msgid : "";
}

static size_t confirmed_skills(const Profile *p, size_t *ret_proposed, bool *ret_all_rated) {
        size_t n = 0, proposed = 0;
        bool rated = true;
        for (size_t i = 0; i < p->n_skills; i++) {
                const ProfileSkill *s = &p->skills[i];
                if (s->proposed) {
                        proposed++;
                        continue;
                }
                if (s->uri)
                        n++;
                rated &= s->level >= PROFILE_SKILL_LEVEL_MIN && s->level <= PROFILE_SKILL_LEVEL_MAX;
        }
        *ret_proposed = proposed;
        *ret_all_rated = rated && n > 0;
        return n;
}

static bool has_experience(const Profile *p) {
        for (size_t i = 0; i < p->n_experience; i++)
                if (p->experience[i].role && (p->experience[i].months > 0 || p->experience[i].start))
                        return true;
        return false;
}

static bool has_project(const Profile *p) {
        for (size_t i = 0; i < p->n_projects; i++)
                if (p->projects[i].description && strlen(p->projects[i].description) >= 20)
                        return true;
        return false;
}

static bool other_language(const Profile *p) {
        for (size_t i = 0; i < p->n_languages; i++)
                if (strcmp(p->languages[i].code, "en") != 0)
                        return true;
        return false;
}

/* Points still missing for each step. */
static void missing(const Profile *p, int miss[COMPLETENESS_STEP_MAX], bool *ret_confirm) {
        size_t proposed;
        bool rated;
        size_t n = confirmed_skills(p, &proposed, &rated);
        *ret_confirm = proposed > 0;
        for (int i = 0; i < COMPLETENESS_STEP_MAX; i++)
                miss[i] = 0;
        size_t have = n < COMPLETENESS_MIN_SKILLS ? n : COMPLETENESS_MIN_SKILLS;
        miss[COMPLETENESS_SKILLS] = steps[COMPLETENESS_SKILLS].points * (int)(COMPLETENESS_MIN_SKILLS - have) /
                                    COMPLETENESS_MIN_SKILLS;
        if (!has_experience(p))
                miss[COMPLETENESS_EXPERIENCE] = steps[COMPLETENESS_EXPERIENCE].points;
        if (!p->n_goal_occupations)
                miss[COMPLETENESS_GOAL] = steps[COMPLETENESS_GOAL].points;
        if (!p->n_education)
                miss[COMPLETENESS_EDUCATION] = steps[COMPLETENESS_EDUCATION].points;
        if (profile_language_find(p, "en") < 0)
                miss[COMPLETENESS_ENGLISH] = steps[COMPLETENESS_ENGLISH].points;
        if (!has_project(p))
                miss[COMPLETENESS_PROJECT] = steps[COMPLETENESS_PROJECT].points;
        if (!rated)
                miss[COMPLETENESS_SKILL_LEVELS] = steps[COMPLETENESS_SKILL_LEVELS].points;
        if (!other_language(p))
                miss[COMPLETENESS_LANGUAGES] = steps[COMPLETENESS_LANGUAGES].points;
        if (!p->prefs.n_cities && p->prefs.remote != REMOTE_ONLY)
                miss[COMPLETENESS_PLACE] = steps[COMPLETENESS_PLACE].points;
        if (!p->prefs.start_date || (p->prefs.hours == HOURS_ANY && !p->prefs.hours_per_week))
                miss[COMPLETENESS_AVAILABILITY] = steps[COMPLETENESS_AVAILABILITY].points;
}

void profile_completeness(const Profile *p, Completeness *ret) {
        int miss[COMPLETENESS_STEP_MAX];
        bool confirm;
        Completeness c;
        memset(&c, 0, sizeof c);
        missing(p, miss, &confirm);
        c.score = 100;
        for (int i = 0; i < COMPLETENESS_STEP_MAX; i++)
                c.score -= miss[i];
        if (confirm)
                c.steps[c.n_steps++] = COMPLETENESS_CONFIRM_SKILLS;
        /* Most points first; a stable pass keeps enum order among ties. */
        for (int pts = 25; pts > 0; pts--)
                for (int i = 1; i < COMPLETENESS_STEP_MAX; i++)
                        if (miss[i] == pts) {
                                c.missing_points[c.n_steps] = pts;
                                c.steps[c.n_steps++] = (CompletenessStep)i;
                        }
        *ret = c;
}
