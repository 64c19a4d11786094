/* The network roadmap for its coordinators: /network/roadmap lists every
 * calendar entry by quarter (with where each milestone and deadline stands
 * today) and has the form to add one; /network/roadmap/{id} edits one, and
 * .../delete removes it. Saves go over the version the editor saw. The
 * rules are domain/network/roadmap.h; this file renders and passes the
 * submitted values on. Changes show at once on /calendar and in the
 * iCalendar feeds, which read the same events. */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "domain/network/calendar.h"
#include "domain/network/roadmap.h"
#include "web/web.h"

/* What one form shows: the stored entry (NULL for a new one), whether to
 * show the submitted values instead, and the problems by field. */
typedef struct RmForm {
        HttpRequest *req;
        StrBuf *b;
        const City *cities;
        size_t nc;
        const CalEvent *ev;
        bool submitted;
        const RoadmapProblem *p;
        size_t np;
} RmForm;

static const char *const FIELDS[] = { "title", "kind", "city", "starts_on", "ends_on", "location", "details", "done" };
static const char *const LABELS[] = { N_("Title (in English)"), N_("Kind"),  N_("City"),    N_("First day"),
                                      N_("Last day"),           N_("Place"), N_("Details"), N_("Done") };

static const char *label_of(HttpRequest *req, const char *field) {
        for (size_t i = 0; field && i < sizeof FIELDS / sizeof FIELDS[0]; i++)
                if (strcmp(FIELDS[i], field) == 0)
                        return T(req, LABELS[i]);
        return NULL;
}

static const RoadmapProblem *problem_of(const RmForm *f, const char *field) {
        for (size_t i = 0; i < f->np && i < ROADMAP_PROBLEMS_MAX; i++)
                if (f->p[i].field && strcmp(f->p[i].field, field) == 0)
                        return &f->p[i];
        return NULL;
}

static void problem_text(HttpRequest *req, StrBuf *b, const RoadmapProblem *p) {
        if (p->arg)
                html_textf(b, T(req, p->msgid), p->arg);
        else
                html_text(b, T(req, p->msgid));
}

static const char *stored(const RmForm *f, const char *field) {
        const CalEvent *e = f->ev;
        if (!e)
                return NULL;
        const char *v[] = { e->title, e->kind, e->city_slug, e->starts_on, e->ends_on, e->location, e->details,
                            e->done ? "yes" : NULL };
        for (size_t i = 0; i < sizeof FIELDS / sizeof FIELDS[0]; i++)
                if (strcmp(FIELDS[i], field) == 0)
                        return v[i];
        return NULL;
}

/* The value a field shows: as sent after a refused save, else as stored. */
static const char *value_of(const RmForm *f, const char *field) {
        const char *v = f->submitted ? req_form_raw(f->req, field) : stored(f, field);
        return v ? v : "";
}

/* The label, hint and error of a field, then the control's opening tag
 * (open, e.g. "<select") with its id, name and descriptions. */
static void field_open(const RmForm *f, const char *name, const char *hint, bool required, const char *open) {
        HttpRequest *req = f->req;
        StrBuf *b = f->b;
        const RoadmapProblem *p = problem_of(f, name);
        html_lit(b, "<div class=\"field\"><label");
        html_attrf(b, "for", "f-%s", name);
        html_lit(b, ">");
        html_text(b, label_of(req, name));
        if (required)
                html_textf(b, " (%s)", T(req, "required"));
        html_lit(b, "</label>");
        if (hint) {
                html_lit(b, "<p class=\"hint\"");
                html_attrf(b, "id", "f-%s-hint", name);
                html_lit(b, ">");
                html_text(b, hint);
                html_lit(b, "</p>");
        }
        if (p) {
                html_lit(b, "<p class=\"error\"");
                html_attrf(b, "id", "f-%s-err", name);
                html_lit(b, ">");
                problem_text(req, b, p);
                html_lit(b, "</p>");
        }
        html_lit_(b, open);
        html_attrf(b, "id", "f-%s", name);
        html_attr(b, "name", name);
        if (hint || p)
                html_attrf(b, "aria-describedby", "%s%s%s", hint ? arena_printf(req->arena, "f-%s-hint", name) : "",
                           hint && p ? " " : "", p ? arena_printf(req->arena, "f-%s-err", name) : "");
        if (p)
                html_lit(b, " aria-invalid=\"true\"");
}

static void text_input(const RmForm *f, const char *name, const char *hint, bool required, bool date) {
        field_open(f, name, hint, required,
                   date ? "<input type=\"text\" inputmode=\"numeric\" autocomplete=\"off\"" : "<input type=\"text\"");
        if (strcmp(name, "title") == 0 || strcmp(name, "location") == 0)
                html_lit(f->b, " lang=\"en\"");
        html_attr(f->b, "value", value_of(f, name));
        html_lit(f->b, "></div>");
}


static void kind_select(const RmForm *f) {
        const char *cur = value_of(f, "kind");
        field_open(f, "kind", NULL, true, "<select");
        html_lit(f->b, ">");
        for (size_t i = 0; roadmap_kinds[i]; i++)
                form_option(f->b, roadmap_kinds[i], web_event_kind(f->req, roadmap_kinds[i]), cur);
        html_lit(f->b, "</select></div>");
}

static void city_select(const RmForm *f) {
        const char *cur = value_of(f, "city");
        field_open(f, "city", NULL, false, "<select");
        html_lit(f->b, ">");
        form_option(f->b, "", T(f->req, "Whole network"), cur);
        for (size_t i = 0; i < f->nc; i++)
                form_option(f->b, f->cities[i].slug, f->cities[i].name, cur);
        html_lit(f->b, "</select></div>");
}

static void details_area(const RmForm *f) {
        field_open(f, "details", NULL, false, "<textarea rows=\"4\" lang=\"en\"");
        html_lit(f->b, ">");
        html_text(f->b, value_of(f, "details"));
        html_lit(f->b, "</textarea></div>");
}

/* The box first and its label after it, as the other forms have them. */
static void done_box(const RmForm *f) {
        HttpRequest *req = f->req;
        const RoadmapProblem *p = problem_of(f, "done");
        html_lit(f->b, "<div class=\"field\">");
        if (p) {
                html_lit(f->b, "<p class=\"error\" id=\"f-done-err\">");
                problem_text(req, f->b, p);
                html_lit(f->b, "</p>");
        }
        html_lit(f->b, "<input type=\"checkbox\" id=\"f-done\" name=\"done\" value=\"yes\"");
        if (p)
                html_lit(f->b, " aria-describedby=\"f-done-hint f-done-err\" aria-invalid=\"true\"");
        else
                html_lit(f->b, " aria-describedby=\"f-done-hint\"");
        if (*value_of(f, "done"))
                html_lit(f->b, " checked");
        html_lit(f->b, "> <label for=\"f-done\">");
        html_text(f->b, T(req, "Done"));
        html_lit(f->b, "</label><p class=\"hint\" id=\"f-done-hint\">");
        html_text(f->b, T(req, "Only for milestones and deadlines."));
        html_lit(f->b, "</p></div>");
}

static void entry_form(const RmForm *f) {
        HttpRequest *req = f->req;
        StrBuf *b = f->b;
        html_lit(b, "<form method=\"post\" class=\"ws-form\" novalidate");
        html_url(b, "action", f->ev ? arena_printf(req->arena, "/network/roadmap/%lld", (long long)f->ev->id)
                                    : "/network/roadmap");
        html_lit(b, ">");
        web_csrf_field(req, b);
        if (f->ev) {
                html_lit(b, "<input type=\"hidden\" name=\"version\"");
                html_attrf(b, "value", "%lld", (long long)f->ev->version);
                html_lit(b, ">");
        }
        text_input(f, "title", T(req, "The network works in English."), true, false);
        kind_select(f);
        city_select(f);
        text_input(f, "starts_on", T(req, "As YYYY-MM-DD, e.g. 2024-05-14."), true, true);
        text_input(f, "ends_on", T(req, "As YYYY-MM-DD; leave it empty for a single day."), false, true);
        text_input(f, "location", NULL, false, false);
        details_area(f);
        done_box(f);
        html_lit(b, "<p class=\"buttons\"><button type=\"submit\">");
        html_text(b, f->ev ? T(req, "Save") : T(req, "Add to the roadmap"));
        html_lit(b, "</button></p></form>");
}

/* The refused entry's problems, each linked to its field. */
static void summary(const RmForm *f) {
        StrBuf *b = f->b;
        if (!f->np)
                return;
        html_lit(b, "<div class=\"errors\" role=\"alert\" tabindex=\"-1\" id=\"errors\"><h2>");
        html_text(b, T(f->req, "Please correct these fields:"));
        html_lit(b, "</h2><ul>");
        for (size_t i = 0; i < f->np && i < ROADMAP_PROBLEMS_MAX; i++) {
                const char *label = label_of(f->req, f->p[i].field);
                html_lit(b, "<li>");
                if (label) {
                        html_lit(b, "<a");
                        html_attrf(b, "href", "#f-%s", f->p[i].field);
                        html_lit(b, ">");
                        html_text(b, label);
                        html_lit(b, "</a>: ");
                }
                problem_text(f->req, b, &f->p[i]);
                html_lit(b, "</li>");
        }
        html_lit(b, "</ul></div>");
}

/* Text in English, marked as such on a page in another language. */
static void english(HttpRequest *req, StrBuf *b, const char *s) {
        if (req->lang != LANG_EN)
                html_lit(b, "<span lang=\"en\">");
        html_text(b, s);
        if (req->lang != LANG_EN)
                html_lit(b, "</span>");
}

static void entry_item(const RmForm *f, const CalEvent *e, const char *today) {
        HttpRequest *req = f->req;
        StrBuf *b = f->b;
        RoadmapStatus st = roadmap_status(e, today);
        html_lit(b, "<li");
        html_attrf(b, "id", "e-%lld", (long long)e->id);
        html_lit(b, "><a");
        html_url(b, "href", arena_printf(req->arena, "/network/roadmap/%lld", (long long)e->id));
        html_lit(b, ">");
        english(req, b, e->title);
        html_lit(b, "</a> <span class=\"meta\">· <time");
        html_attr(b, "datetime", e->starts_on);
        html_lit(b, ">");
        web_date_range(req, b, e->starts_on, e->ends_on);
        html_lit(b, "</time> · ");
        html_text(b, web_event_kind(req, e->kind));
        html_lit(b, " · ");
        const char *cn = web_city_name(f->cities, f->nc, e->city_slug);
        html_text(b, e->city_slug ? (cn ? cn : e->city_slug) : T(req, "Whole network"));
        html_lit(b, "</span>");
        if (st != ROADMAP_NO_STATUS) {
                html_lit(b, " <strong");
                html_attr(b, "class", st == ROADMAP_OVERDUE ? "rm-overdue" : st == ROADMAP_DONE ? "rm-done" : "rm-due");
                html_lit(b, ">");
                html_text(b, T(req, roadmap_status_msgid(st)));
                html_lit(b, "</strong>");
        }
        html_lit(b, "</li>");
}

static void quarter_head(HttpRequest *req, StrBuf *b, int y, int q) {
        html_lit(b, "<section");
        html_attrf(b, "aria-labelledby", "q-%d-%d", y, q);
        html_lit(b, "><h2");
        html_attrf(b, "id", "q-%d-%d", y, q);
        html_lit(b, ">");
        /* TRANSLATORS: a quarter of a year as a heading, e.g. "Q2 2025". */
        html_textf(b, T(req, "Q%2$d %1$d"), y, q);
        html_lit(b, "</h2><ul class=\"events\">");
}

/* The entries by quarter, and how many milestones and deadlines are overdue. */
static void entries(const RmForm *f, const CalEvent *ev, size_t n) {
        HttpRequest *req = f->req;
        char today[11] = "";
        size_t overdue = 0;
        (void)roadmap_today((int64_t)time(NULL), today);
        for (size_t i = 0; i < n; i++)
                overdue += roadmap_status(&ev[i], today) == ROADMAP_OVERDUE;
        html_lit(f->b, "<p>");
        html_textf(f->b, i18n_ngettext(req->lang, "%zu milestone or deadline is overdue.",
                                       "%zu milestones or deadlines are overdue.", overdue),
                   overdue);
        html_lit(f->b, "</p>");
        int cy = 0, cq = 0;
        for (size_t i = 0; i < n; i++) {
                int y, q;
                if (roadmap_quarter(ev[i].starts_on, &y, &q) < 0)
                        continue;
                if (y != cy || q != cq) {
                        if (cy)
                                html_lit(f->b, "</ul></section>");
                        quarter_head(req, f->b, y, q);
                        cy = y, cq = q;
                }
                entry_item(f, &ev[i], today);
        }
        if (cy)
                html_lit(f->b, "</ul></section>");
        else {
                html_lit(f->b, "<p>");
                html_text(f->b, T(req, "No events yet."));
                html_lit(f->b, "</p>");
        }
}

static void intro(HttpRequest *req, StrBuf *b) {
        html_lit(b, "<p>");
        html_text(b, T(req, "Milestones, deadlines, meetings and reports of the whole network and of each city. "
                            "Every change shows at once in the network calendar and in its iCalendar feeds."));
        html_lit(b, "</p><ul class=\"ws-hub\"><li><a href=\"/calendar\">");
        html_text(b, T(req, "Network calendar"));
        html_lit(b, "</a></li><li><a href=\"/calendar.ics\" type=\"text/calendar\">");
        html_text(b, T(req, "Subscribe to the network calendar (iCalendar)"));
        html_lit(b, "</a></li><li><a href=\"/network/rubric\">");
        html_text(b, T(req, "Rubric scores of all cities"));
        html_lit(b, "</a></li></ul>");
}

/* GET: one city's entries and the network's, or all (slug NULL). */
static void filter_form(HttpRequest *req, StrBuf *b, const City *cities, size_t n, const char *slug) {
        html_lit(b, "<form method=\"get\" action=\"/network/roadmap\" class=\"filter\"><label for=\"filter-city\">");
        html_text(b, T(req, "Show the roadmap of"));
        html_lit(b, "</label> <select id=\"filter-city\" name=\"city\">");
        form_option(b, "", T(req, "All cities"), slug ? slug : "");
        for (size_t i = 0; i < n; i++)
                form_option(b, cities[i].slug, cities[i].name, slug ? slug : "");
        html_lit(b, "</select> <button type=\"submit\">");
        html_text(b, T(req, "Show"));
        html_lit(b, "</button></form>");
}

/* The roadmap with the form for a new entry; error (msgid) or problems
 * after a refused one, with status. */
static int list_page(HttpRequest *req, const RoadmapProblem *p, size_t np, const char *error, const char *notice,
                     int status) {
        RmForm f = { .req = req, .p = p, .np = np, .submitted = np > 0 };
        City *cities, one;
        CalEvent *ev;
        size_t n;
        const char *slug = req_param(req, "city");
        int r = store_city_list(APP(req)->store, req->arena, &cities, &f.nc);
        if (r == 0 && slug)
                r = store_city_get(APP(req)->store, req->arena, slug, &one);
        if (r == 0)
                r = store_event_list(APP(req)->store, req->arena, slug, &ev, &n);
        if (r < 0)
                return r;
        f.cities = cities;
        page_begin(req, T(req, "Network roadmap"));
        f.b = resp_body(req);
        html_lit(f.b, "<h1>");
        html_text(f.b, T(req, "Network roadmap"));
        html_lit(f.b, "</h1>");
        if (error)
                form_error(req, f.b, error);
        if (notice)
                form_notice(f.b, notice);
        summary(&f);
        intro(req, f.b);
        filter_form(req, f.b, cities, f.nc, slug);
        entries(&f, ev, n);
        html_lit(f.b, "<section aria-labelledby=\"h-new\"><h2 id=\"h-new\">");
        html_text(f.b, T(req, "Add an entry"));
        html_lit(f.b, "</h2>");
        entry_form(&f);
        html_lit(f.b, "</section>");
        page_end(req);
        req->resp.status = status;
        return 0;
}

int page_roadmap(HttpRequest *req) {
        const char *notice = req_query_raw(req, "added")     ? T(req, "The entry was added to the roadmap.")
                             : req_query_raw(req, "saved")   ? T(req, "The entry was saved.")
                             : req_query_raw(req, "deleted") ? T(req, "The entry was deleted.")
                                                             : NULL;
        return list_page(req, NULL, 0, NULL, notice, 200);
}

static RoadmapInput input_of(HttpRequest *req) {
        return (RoadmapInput){
                .title = req_form_raw(req, "title"),         .kind = req_form_raw(req, "kind"),
                .city = req_form_raw(req, "city"),           .starts_on = req_form_raw(req, "starts_on"),
                .ends_on = req_form_raw(req, "ends_on"),     .location = req_form_raw(req, "location"),
                .details = req_form_raw(req, "details"),     .done = req_form_raw(req, "done"),
        };
}

static const char *const STALE = N_("Someone changed this entry meanwhile: nothing was saved. Here it is as it "
                                    "stands now; make your change again.");
static const char *const GONE = N_("This entry no longer exists (someone may have deleted it): nothing was saved.");

int post_roadmap_create(HttpRequest *req) {
        RoadmapInput in = input_of(req);
        RoadmapResult res = { 0 };
        int r = roadmap_create(APP(req)->store, req->arena, &in, &res);
        if (r == -EINVAL || r == -E2BIG)
                return list_page(req, res.problems, res.n_problems, NULL, NULL, 400);
        if (r == -EEXIST) {
                res.problems[0] = (RoadmapProblem){ NULL, N_("Someone added an entry at the same moment: nothing "
                                                             "was saved. Please send the form again."), 0 };
                return list_page(req, res.problems, 1, NULL, NULL, 409);
        }
        return r < 0 ? r : resp_redirect(req, 303, arena_printf(req->arena, "/network/roadmap?added=%lld#e-%lld",
                                                                (long long)res.id, (long long)res.id));
}

static void delete_form(HttpRequest *req, StrBuf *b, const CalEvent *e) {
        html_lit(b, "<form method=\"post\" class=\"ws-delete\"");
        html_url(b, "action", arena_printf(req->arena, "/network/roadmap/%lld/delete", (long long)e->id));
        html_lit(b, ">");
        web_csrf_field(req, b);
        html_lit(b, "<input type=\"hidden\" name=\"version\"");
        html_attrf(b, "value", "%lld", (long long)e->version);
        html_lit(b, "><p><button type=\"submit\" class=\"danger\">");
        html_text(b, T(req, "Delete this entry"));
        html_lit(b, "</button></p></form>");
}

/* The editor of entry {id}; error (msgid) or problems after a refused
 * save, with status. A stale save shows the entry as stored now. */
static int edit_page(HttpRequest *req, const RoadmapProblem *p, size_t np, const char *error, int status) {
        CalEvent e;
        City *cities;
        RmForm f = { .req = req, .ev = &e, .p = p, .np = np, .submitted = np > 0 };
        int r = store_event_get(APP(req)->store, req->arena, req_param_int(req, "id", 0), &e);
        if (r == 0)
                r = store_city_list(APP(req)->store, req->arena, &cities, &f.nc);
        if (r < 0)
                return r;
        f.cities = cities;
        const char *title = arena_printf(req->arena, T(req, "Roadmap entry: %s"), e.title);
        page_begin(req, title);
        f.b = resp_body(req);
        html_lit(f.b, "<p class=\"crumbs\"><a href=\"/network/roadmap\">");
        html_text(f.b, T(req, "Network roadmap"));
        html_lit(f.b, "</a></p><h1>");
        html_textf(f.b, "%s: ", T(req, "Roadmap entry"));
        english(req, f.b, e.title);
        html_lit(f.b, "</h1>");
        if (error)
                form_error(req, f.b, error);
        summary(&f);
        RoadmapStatus st;
        char today[11] = "";
        (void)roadmap_today((int64_t)time(NULL), today);
        if ((st = roadmap_status(&e, today)) != ROADMAP_NO_STATUS) {
                html_lit(f.b, "<p>");
                html_textf(f.b, "%s: %s", T(req, "Status"), T(req, roadmap_status_msgid(st)));
                html_lit(f.b, "</p>");
        }
        entry_form(&f);
        delete_form(req, f.b, &e);
        page_end(req);
        req->resp.status = status;
        return 0;
}

int page_roadmap_edit(HttpRequest *req) {
        return edit_page(req, NULL, 0, NULL, 200);
}

/* After a save or deletion that found the entry changed: the entry as it
 * is now, or the roadmap when it is gone. */
static int conflict(HttpRequest *req) {
        CalEvent e;
        int r = store_event_get(APP(req)->store, req->arena, req_param_int(req, "id", 0), &e);
        if (r == -ENOENT)
                return list_page(req, NULL, 0, GONE, NULL, 409);
        return r < 0 ? r : edit_page(req, NULL, 0, STALE, 409);
}

int post_roadmap_edit(HttpRequest *req) {
        RoadmapInput in = input_of(req);
        RoadmapResult res = { 0 };
        int r = roadmap_update(APP(req)->store, req->arena, req_param_int(req, "id", 0),
                               req_param_int(req, "version", 0), &in, &res);
        if (r == -EINVAL)
                return edit_page(req, res.problems, res.n_problems, NULL, 400);
        if (r == -EEXIST || r == -ENOENT)
                return conflict(req);
        return r < 0 ? r : resp_redirect(req, 303, arena_printf(req->arena, "/network/roadmap?saved=%lld#e-%lld",
                                                                (long long)res.id, (long long)res.id));
}

int post_roadmap_delete(HttpRequest *req) {
        int64_t id = req_param_int(req, "id", 0);
        CalEvent e;
        int r = store_event_get(APP(req)->store, req->arena, id, &e);
        if (r == 0)
                r = roadmap_delete(APP(req)->store, id, req_param_int(req, "version", 0));
        if (r == -EEXIST || r == -ENOENT)
                return conflict(req);
        return r < 0 ? r : resp_redirect(req, 303, "/network/roadmap?deleted=1");
}
