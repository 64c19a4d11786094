/* "About you": headline, summary, career goals, preferences (cities,
 * remote, hours, start) and the private accommodations. */
#include <errno.h>
#include <string.h>

#include "web/profile.h"

static const char *const remote_opts[] = { N_("No preference"), N_("On site"), N_("Hybrid"), N_("Remote only") };
static const char *const hours_opts[] = { N_("No preference"), N_("Full time"), N_("Part time") };

static const char *cities_text(HttpRequest *req, const Profile *p) {
        StrBuf s;
        strbuf_init(&s, 0);
        for (size_t i = 0; i < p->prefs.n_cities; i++)
                strbuf_printf(&s, "%s%s", i ? ", " : "", p->prefs.cities[i]);
        const char *out = arena_strdup(req->arena, strbuf_str(&s));
        strbuf_free(&s);
        return out;
}

static void about_form(HttpRequest *req, StrBuf *b, const MyProfile *mp) {
        const Profile *p = &mp->p;
        html_lit(b, "<form method=\"post\"");
        html_url(b, "action", arena_printf(req->arena, "%s/about", prof_base(req)));
        html_lit(b, ">");
        web_csrf_field(req, b);
        prof_version_field(req, b, mp);
        form_field(req, b, "headline", T(req, "Headline"), "text", "off", p->headline,
                   T(req, "The work you want, in a few words, e.g. \"Junior web developer\"."));
        form_textarea(req, b, "summary", T(req, "About you"), p->summary,
                      T(req, "What you do well and what you enjoy. Names and contact details are removed before employers read it."), 5);
        form_textarea(req, b, "career_goals", T(req, "Career goals"), p->career_goals, NULL, 3);
        html_lit(b, "<fieldset><legend>");
        html_text(b, T(req, "Preferences"));
        html_lit(b, "</legend>");
        form_field(req, b, "cities", T(req, "Cities where you would work"), "text", "off", cities_text(req, p),
                   T(req, "Separate cities with commas."));
        prof_select(req, b, "remote", T(req, "Remote work"), remote_opts, REMOTE_MAX, (size_t)p->prefs.remote);
        prof_select(req, b, "hours", T(req, "Working hours"), hours_opts, HOURS_MAX, (size_t)p->prefs.hours);
        form_field(req, b, "hours_per_week", T(req, "Hours per week (optional)"), "number", "off",
                   p->prefs.hours_per_week ? arena_printf(req->arena, "%d", p->prefs.hours_per_week) : NULL, NULL);
        form_field(req, b, "start_date", T(req, "Available from (optional)"), "date", "off", p->prefs.start_date,
                   T(req, "As year-month-day, e.g. 2027-01-15."));
        html_lit(b, "</fieldset><fieldset><legend>");
        html_text(b, T(req, "Adjustments you need (private)"));
        html_lit(b, "</legend>");
        form_textarea(req, b, "accommodations", T(req, "What would help you at interviews or at work"),
                      p->accommodations,
                      T(req, "Only you see this. It is never in your anonymised profile; an employer sees it after a reveal only if you tick the box below."), 3);
        html_lit(b, "<div class=\"field\"><input type=\"checkbox\" id=\"share_accommodations\" name=\"share_accommodations\" value=\"yes\"");
        if (p->share_accommodations)
                html_lit(b, " checked");
        html_lit(b, "> <label for=\"share_accommodations\">");
        html_text(b, T(req, "Share these adjustments with an employer when I agree to reveal my identity to them."));
        html_lit(b, "</label></div></fieldset><p><button type=\"submit\">");
        html_text(b, T(req, "Save"));
        html_lit(b, "</button></p></form>");
}

static int about_page(HttpRequest *req, const MyProfile *mp, const char *error_msgid) {
        prof_page_begin(req, T(req, "About you, your goals and preferences"), error_msgid);
        about_form(req, resp_body(req), mp);
        page_end(req);
        return 0;
}

static int prof_about_with(HttpRequest *req, const char *error_msgid) {
        MyProfile mp;
        int r = prof_load(req, &mp);
        return r < 0 ? r : about_page(req, &mp, error_msgid);
}

int page_profile_about(HttpRequest *req) { return prof_about_with(req, NULL); }

/* "Brno, Trikala" -> trimmed list; -E2BIG over PROFILE_MAX_CITIES. */
static int parse_cities(HttpRequest *req, const char *s, Profile *p) {
        const char **v = arena_alloc(req->arena, sizeof(char *) * PROFILE_MAX_CITIES);
        size_t n = 0;
        if (!v)
                return -ENOMEM;
        for (const char *q = s ? s : "";;) {
                size_t len = strcspn(q, ",");
                const char *b = q, *e = q + len;
                while (b < e && (*b == ' ' || *b == '\t'))
                        b++;
                while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
                        e--;
                if (e > b) {
                        if (n >= PROFILE_MAX_CITIES)
                                return -E2BIG;
                        v[n++] = arena_strndup(req->arena, b, (size_t)(e - b));
                }
                if (q[len] == '\0')
                        break;
                q += len + 1;
        }
        p->prefs.cities = v;
        p->prefs.n_cities = n;
        return 0;
}

static int choice(HttpRequest *req, const char *name, int max) {
        int64_t v = req_param_int(req, name, 0);
        return v >= 0 && v < max ? (int)v : -1;
}

int post_profile_about(HttpRequest *req) {
        MyProfile mp;
        int r = prof_load_for_edit(req, &mp);
        if (r == -EEXIST)
                return about_page(req, &mp, PROF_STALE);
        if (r < 0)
                return r;
        Profile *p = &mp.p;
        p->headline = req_param(req, "headline");
        p->summary = req_param(req, "summary");
        p->career_goals = req_param(req, "career_goals");
        p->accommodations = req_param(req, "accommodations");
        p->share_accommodations = req_param(req, "share_accommodations") != NULL;
        p->prefs.hours_per_week = (int)req_param_int(req, "hours_per_week", 0);
        p->prefs.start_date = req_param(req, "start_date");
        int remote = choice(req, "remote", REMOTE_MAX), hours = choice(req, "hours", HOURS_MAX);
        const char *msgid = NULL;
        if (remote < 0 || hours < 0)
                msgid = N_("Please choose one of the options.");
        else if (parse_cities(req, req_param(req, "cities"), p) < 0)
                msgid = N_("Name at most 50 cities.");
        if (!msgid) {
                p->prefs.remote = (RemotePreference)remote;
                p->prefs.hours = (HoursPreference)hours;
                r = prof_validate(req, p, &msgid);
                if (r < 0 && r != -EINVAL)
                        return r;
        }
        if (msgid)
                return about_page(req, &mp, msgid);
        return prof_save_redirect(req, &mp, "/about");
}
