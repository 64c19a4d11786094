/* Skills: confirm what a CV proposed, rate, remove, and add ESCO skills
 * found by a plain search (works without JavaScript). One small form per
 * action keeps every request far under the form-field limit. */
#include <errno.h>
#include <string.h>
#include <strings.h>

#include "web/profile.h"

#define PROF_SKILL_HITS 15 /* search results shown */

static const char *const level_opts[] = { N_("Not rated"), N_("basic"), N_("independent"), N_("proficient"),
                                          N_("expert") };

/* A skill's key in forms: its ESCO URI, or "label:" + its label. */
static const char *skill_key(HttpRequest *req, const ProfileSkill *s) {
        return s->uri ? s->uri : arena_printf(req->arena, "label:%s", s->label ? s->label : "");
}

static int find_skill(HttpRequest *req, const Profile *p, const char *key) {
        for (size_t i = 0; key && i < p->n_skills; i++)
                if (strcmp(skill_key(req, &p->skills[i]), key) == 0)
                        return (int)i;
        return -1;
}

static void action_form(HttpRequest *req, StrBuf *b, const MyProfile *mp, const char *key, const char *action,
                        const char *label, const char *skill_label) {
        const char *hidden[] = { "skill", key, "action", action, NULL };
        prof_button_form(req, b, mp, "/skills/item", hidden, label, skill_label);
}

static void level_form(HttpRequest *req, StrBuf *b, const MyProfile *mp, size_t i) {
        const ProfileSkill *s = &mp->p.skills[i];
        html_lit(b, "<form class=\"inline\" method=\"post\"");
        html_url(b, "action", arena_printf(req->arena, "%s/skills/item", prof_base(req)));
        html_lit(b, ">");
        web_csrf_field(req, b);
        prof_version_field(req, b, mp);
        html_lit(b, "<input type=\"hidden\" name=\"action\" value=\"level\"><input type=\"hidden\" name=\"skill\"");
        html_attr(b, "value", skill_key(req, s));
        html_lit(b, "><label class=\"vh\"");
        html_attrf(b, "for", "lvl-%zu", i);
        html_lit(b, ">");
        html_textf(b, T(req, "Your level in %s"), s->label ? s->label : "");
        html_lit(b, "</label><select name=\"level\"");
        html_attrf(b, "id", "lvl-%zu", i);
        html_lit(b, ">");
        for (int l = 0; l <= PROFILE_SKILL_LEVEL_MAX; l++) {
                html_lit(b, "<option");
                html_attrf(b, "value", "%d", l);
                if (l == s->level)
                        html_lit(b, " selected");
                html_lit(b, ">");
                html_text(b, T(req, level_opts[l]));
                html_lit(b, "</option>");
        }
        html_lit(b, "</select><button type=\"submit\">");
        html_text(b, T(req, "Set level"));
        html_lit(b, "<span class=\"vh\">: ");
        html_text(b, s->label ? s->label : "");
        html_lit(b, "</span></button></form>");
}

static void skill_rows(HttpRequest *req, StrBuf *b, const MyProfile *mp, bool proposed) {
        for (size_t i = 0; i < mp->p.n_skills; i++) {
                const ProfileSkill *s = &mp->p.skills[i];
                if (s->proposed != proposed)
                        continue;
                const char *label = s->label ? s->label : "";
                html_lit(b, "<tr><th scope=\"row\">");
                html_text(b, label);
                if (!s->uri) {
                        html_lit(b, " <span class=\"meta\">(");
                        html_text(b, T(req, "not in ESCO"));
                        html_lit(b, ")</span>");
                }
                html_lit(b, "</th><td>");
                level_form(req, b, mp, i);
                html_lit(b, "</td><td>");
                if (proposed)
                        action_form(req, b, mp, skill_key(req, s), "confirm", T(req, "Confirm"), label);
                action_form(req, b, mp, skill_key(req, s), "remove", T(req, "Remove"), label);
                html_lit(b, "</td></tr>");
        }
}

static size_t count(const Profile *p, bool proposed) {
        size_t n = 0;
        for (size_t i = 0; i < p->n_skills; i++)
                n += p->skills[i].proposed == proposed;
        return n;
}

static void skill_table(HttpRequest *req, StrBuf *b, const MyProfile *mp, bool proposed, const char *hid,
                        const char *title) {
        html_lit(b, "<section");
        html_attrf(b, "aria-labelledby", "%s", hid);
        html_lit(b, "><h2");
        html_attr(b, "id", hid);
        html_lit(b, ">");
        html_text(b, title);
        html_lit(b, "</h2>");
        if (proposed) {
                html_lit(b, "<p>");
                html_text(b, T(req, "We found these in your CV. Confirm the ones you really have; employers only see confirmed skills."));
                html_lit(b, "</p>");
                action_form(req, b, mp, "*", "confirm_all", T(req, "Confirm all"), title);
        }
        html_lit(b, "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">");
        html_text(b, T(req, "Skill"));
        html_lit(b, "</th><th scope=\"col\">");
        html_text(b, T(req, "Level"));
        html_lit(b, "</th><th scope=\"col\">");
        html_text(b, T(req, "Actions"));
        html_lit(b, "</th></tr></thead><tbody>");
        skill_rows(req, b, mp, proposed);
        html_lit(b, "</tbody></table></div></section>");
}

static void search_results(HttpRequest *req, StrBuf *b, const MyProfile *mp, const char *q) {
        EscoSearchHit hits[PROF_SKILL_HITS];
        size_t n = 0;
        if (!APP(req)->esco || esco_search(APP(req)->esco, q, hits, PROF_SKILL_HITS, &n) < 0)
                n = 0;
        html_lit(b, "<h3 id=\"h-hits\">");
        html_textf(b, T(req, "Results for \"%s\""), q);
        html_lit(b, "</h3>");
        if (n == 0) {
                html_lit(b, "<p>");
                html_text(b, T(req, "No skill matches. Try another word."));
                html_lit(b, "</p>");
                return;
        }
        html_lit(b, "<ul aria-labelledby=\"h-hits\">");
        for (size_t i = 0; i < n; i++) {
                const char *hidden[] = { "uri", hits[i].skill->uri, NULL };
                html_lit(b, "<li>");
                prof_button_form(req, b, mp, "/skills/add", hidden, T(req, "Add"), hits[i].skill->label);
                html_lit(b, " ");
                html_text(b, hits[i].skill->label);
                if (!hits[i].preferred) {
                        html_lit(b, " <span class=\"meta\">(");
                        html_text(b, hits[i].matched_label);
                        html_lit(b, ")</span>");
                }
                html_lit(b, "</li>");
        }
        html_lit(b, "</ul>");
}

static void add_section(HttpRequest *req, StrBuf *b, const MyProfile *mp) {
        const char *q = req_param(req, "q");
        html_lit(b, "<section aria-labelledby=\"h-add\"><h2 id=\"h-add\">");
        html_text(b, T(req, "Add a skill"));
        html_lit(b, "</h2>");
        prof_search_form(req, b, "/skills", T(req, "Search the European skills list (ESCO)"),
                         T(req, "For example: Python, customer service, project management."));
        if (q)
                search_results(req, b, mp, q);
        html_lit(b, "</section>");
}

static int prof_skills_with(HttpRequest *req, const char *error_msgid) {
        MyProfile mp;
        int r = prof_load(req, &mp);
        if (r < 0)
                return r;
        prof_page_begin(req, T(req, "Skills"), error_msgid);
        StrBuf *b = resp_body(req);
        if (count(&mp.p, true))
                skill_table(req, b, &mp, true, "h-proposed", T(req, "Skills waiting for your confirmation"));
        if (count(&mp.p, false))
                skill_table(req, b, &mp, false, "h-mine", T(req, "Your skills"));
        else {
                html_lit(b, "<p>");
                html_text(b, T(req, "You have no confirmed skills yet."));
                html_lit(b, "</p>");
        }
        add_section(req, b, &mp);
        page_end(req);
        return 0;
}

int page_profile_skills(HttpRequest *req) { return prof_skills_with(req, NULL); }

static void remove_at(Profile *p, size_t i) {
        memmove(&p->skills[i], &p->skills[i + 1], sizeof(ProfileSkill) * (p->n_skills - i - 1));
        p->n_skills--;
}

static int apply(HttpRequest *req, Profile *p, const char *action, int i, const char **ret_msgid) {
        if (strcmp(action, "confirm_all") == 0) {
                for (size_t k = 0; k < p->n_skills; k++)
                        p->skills[k].proposed = false;
                return 0;
        }
        if (i < 0)
                return -ENOENT;
        if (strcmp(action, "confirm") == 0)
                p->skills[i].proposed = false;
        else if (strcmp(action, "remove") == 0)
                remove_at(p, (size_t)i);
        else if (strcmp(action, "level") == 0) {
                int64_t l = req_param_int(req, "level", -1);
                if (l < 0 || l > PROFILE_SKILL_LEVEL_MAX) {
                        *ret_msgid = N_("Please choose one of the options.");
                        return -EINVAL;
                }
                p->skills[i].level = (int)l;
        } else
                return -EINVAL;
        return 0;
}

int post_profile_skill(HttpRequest *req) {
        MyProfile mp;
        int r = prof_load_for_edit(req, &mp);
        if (r == -EEXIST)
                return prof_skills_with(req, PROF_STALE);
        if (r < 0)
                return r;
        /* Work on a copy: the arrays are shared with what was loaded. */
        ProfileSkill *copy = arena_alloc(req->arena, sizeof(ProfileSkill) * (mp.p.n_skills + 1));
        if (!copy)
                return -ENOMEM;
        if (mp.p.n_skills)
                memcpy(copy, mp.p.skills, sizeof(ProfileSkill) * mp.p.n_skills);
        mp.p.skills = copy;
        const char *msgid = NULL, *action = req_param(req, "action");
        r = apply(req, &mp.p, action ? action : "", find_skill(req, &mp.p, req_param(req, "skill")), &msgid);
        if (r == -ENOENT)
                return prof_skills_with(req, N_("That skill is no longer in your profile."));
        if (r < 0)
                return msgid ? prof_skills_with(req, msgid) : r;
        return prof_save_redirect(req, &mp, "/skills");
}

int post_profile_skill_add(HttpRequest *req) {
        MyProfile mp;
        int r = prof_load_for_edit(req, &mp);
        if (r == -EEXIST)
                return prof_skills_with(req, PROF_STALE);
        if (r < 0)
                return r;
        const char *uri = req_param(req, "uri");
        uint32_t id;
        if (!uri || !APP(req)->esco || esco_index_skill_id(APP(req)->esco, uri, &id) < 0)
                return prof_skills_with(req, N_("That is not a skill of the European skills list."));
        if (find_skill(req, &mp.p, uri) >= 0)
                return resp_redirect(req, 303, arena_printf(req->arena, "%s/skills?saved=1", prof_base(req)));
        if (mp.p.n_skills >= PROFILE_MAX_SKILLS)
                return prof_skills_with(req, N_("A profile holds at most 500 skills. Remove one first."));
        ProfileSkill *v = arena_alloc(req->arena, sizeof(ProfileSkill) * (mp.p.n_skills + 1));
        if (!v)
                return -ENOMEM;
        if (mp.p.n_skills)
                memcpy(v, mp.p.skills, sizeof(ProfileSkill) * mp.p.n_skills);
        v[mp.p.n_skills++] = (ProfileSkill){ .uri = uri, .label = esco_index_skill(APP(req)->esco, id)->label };
        mp.p.skills = v;
        return prof_save_redirect(req, &mp, "/skills");
}
