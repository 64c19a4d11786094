/* An action's progress and milestones:
 * /cities/{slug}/workspace/actions/{id}/milestones lists the milestones
 * with their due date, weight and state, ticks them done or undone,
 * removes them and adds one; .../milestones/{mid} edits one. Every POST
 * carries the action's version (a stale one changes nothing and says so).
 * The rules are the domain's (domain/workspace/actions.h). */
#include <errno.h>
#include <string.h>

#include "domain/workspace/actions.h"
#include "domain/workspace/workspace.h"
#include "web/ws.h"

static const char *const STALE = N_("Someone changed this record meanwhile: nothing was saved. Here it is as it "
                                    "stands now; make your change again.");

/* "47 %", or "47.5 %" (permille in). */
static const char *pct(HttpRequest *req, int pm) {
        return pm % 10 ? arena_printf(req->arena, "%d.%d %%", pm / 10, pm % 10)
                       : arena_printf(req->arena, "%d %%", pm / 10);
}

/* "from 2 sub-actions and 3 milestones", or what own progress means. */
static const char *basis(HttpRequest *req, const WsRollup *ru) {
        const char *subs = arena_printf(req->arena, i18n_ngettext(req->lang, "%zu sub-action", "%zu sub-actions",
                                                                  ru->n_sub), ru->n_sub);
        const char *ms = arena_printf(req->arena, i18n_ngettext(req->lang, "%zu milestone", "%zu milestones",
                                                                ru->n_milestones), ru->n_milestones);
        if (ru->own)
                return T(req, "as entered: the action has neither sub-actions nor milestones");
        if (ru->n_sub && ru->n_milestones)
                return arena_printf(req->arena, T(req, "from %s and %s"), subs, ms);
        return arena_printf(req->arena, T(req, "from %s"), ru->n_sub ? subs : ms);
}

void ws_web_action_progress(HttpRequest *req, StrBuf *b, const IapPlan *p, const char *action_id, bool long_form) {
        WsRollup ru;
        if (ws_action_rollup(p, action_id, &ru) < 0)
                return;
        if (!long_form) {
                html_textf(b, " · %s", arena_printf(req->arena, T(req, "progress %s"), pct(req, ru.permille)));
                return;
        }
        html_lit(b, "<p class=\"progress\"><progress max=\"1000\" aria-labelledby=\"progress-text\"");
        html_attrf(b, "value", "%d", ru.permille);
        html_lit(b, "></progress> <span id=\"progress-text\">");
        html_text(b, arena_printf(req->arena, T(req, "Progress: %s — %s"), pct(req, ru.permille), basis(req, &ru)));
        html_lit(b, "</span></p>");
}

void ws_web_action_summary(HttpRequest *req, StrBuf *b, const City *c, const char *action_id) {
        IapPlan p;
        if (ws_load(APP(req)->store, req->arena, c, &p) < 0)
                return;
        ws_web_action_progress(req, b, &p, action_id, true);
        long idx = iap_find_action(&p, action_id);
        html_lit(b, "<p><a");
        html_url(b, "href", arena_printf(req->arena, "/cities/%s/workspace/actions/%s/milestones", c->slug, action_id));
        html_lit(b, ">");
        html_text(b, T(req, "Milestones of this action"));
        html_lit(b, "</a>");
        if (idx >= 0) {
                const IapAction *a = &p.actions[idx];
                size_t done = 0;
                for (size_t i = 0; i < a->n_milestones; i++)
                        done += a->milestones[i].done;
                html_textf(b, " (%s)", arena_printf(req->arena, T(req, "%zu of %zu done"), done, a->n_milestones));
        }
        html_lit(b, "</p>");
}

/* The page's city, action record and row (of {slug}, {id}). */
typedef struct Ms {
        HttpRequest *req;
        StrBuf *b;
        City city;
        Lang local;
        const IapRecordRow *row;
        json_t *rec;
        IapText title;
} Ms;

static int ms_load(HttpRequest *req, Ms *m) {
        IapRecordRow *rows;
        size_t n;
        *m = (Ms){ .req = req };
        int r = ws_web_city(req, &m->city, &m->local);
        if (r == 0)
                r = ws_rows(APP(req)->store, req->arena, m->city.slug, WS_ACTION, &rows, &n);
        for (size_t i = 0; r == 0 && i < n; i++)
                if (strcmp(rows[i].rec_id, req_param(req, "id")) == 0)
                        m->row = &rows[i];
        if (r == 0 && !m->row)
                r = -ENOENT;
        if (r == 0 && !(m->rec = ws_row_doc(m->row)))
                r = -EIO;
        if (r == 0)
                m->title = ws_text_of(req->arena, m->rec, "title", m->local);
        return r;
}

static const char *base_url(const Ms *m) {
        return arena_printf(m->req->arena, "/cities/%s/workspace/actions/%s", m->city.slug, m->row->rec_id);
}

/* Page head: crumbs, the <h1> "what: action title", a way back, the error
 * (msgid) or notice. */
static void head(Ms *m, const char *what, const char *error, const char *notice) {
        HttpRequest *req = m->req;
        page_begin(req, arena_printf(req->arena, "%s: %s", what, iap_text_get(&m->title, req->lang, NULL)));
        m->b = resp_body(req);
        ws_web_top(req, m->b, &m->city);
        html_lit(m->b, "<h1>");
        html_textf(m->b, "%s: ", what);
        ws_web_text(req, m->b, &m->title);
        html_lit(m->b, "</h1><p><a");
        html_url(m->b, "href", base_url(m));
        html_lit(m->b, ">");
        html_text(m->b, T(req, "Back to the action"));
        html_lit(m->b, "</a></p>");
        if (error)
                form_error(req, m->b, error);
        if (notice)
                form_notice(m->b, notice);
}

static void hidden_version(const Ms *m) {
        web_csrf_field(m->req, m->b);
        html_lit(m->b, "<input type=\"hidden\" name=\"version\"");
        html_attrf(m->b, "value", "%lld", (long long)m->row->version);
        html_lit(m->b, ">");
}

/* A one-button form posting to path (with done=value when value). */
static void button_form(const Ms *m, const char *path, const char *value, const char *label, const char *described) {
        html_lit(m->b, "<form method=\"post\" class=\"inline\"");
        html_url(m->b, "action", path);
        html_lit(m->b, ">");
        hidden_version(m);
        if (value) {
                html_lit(m->b, "<input type=\"hidden\" name=\"done\"");
                html_attr(m->b, "value", value);
                html_lit(m->b, ">");
        }
        html_lit(m->b, "<button type=\"submit\"");
        html_attr(m->b, "aria-describedby", described);
        html_lit(m->b, ">");
        html_text(m->b, label);
        html_lit(m->b, "</button></form>");
}

static void ms_row(const Ms *m, json_t *ms) {
        HttpRequest *req = m->req;
        const char *id = json_string_value(json_object_get(ms, "id"));
        const char *due = json_string_value(json_object_get(ms, "due"));
        bool done = json_is_true(json_object_get(ms, "done"));
        json_int_t w = json_is_integer(json_object_get(ms, "weight")) ? json_integer_value(json_object_get(ms, "weight")) : 1;
        const char *path = arena_printf(req->arena, "%s/milestones/%s", base_url(m), id ? id : "");
        const char *cell = arena_printf(req->arena, "ms-%s", id ? id : "");
        IapText t = ws_text_of(req->arena, ms, "title", m->local);
        html_lit(m->b, "<tr><th scope=\"row\"");
        html_attr(m->b, "id", cell);
        html_lit(m->b, "><a");
        html_url(m->b, "href", path);
        html_lit(m->b, ">");
        ws_web_text(req, m->b, &t);
        html_lit(m->b, "</a></th><td>");
        html_text(m->b, due ? due : "");
        html_lit(m->b, "</td><td>");
        html_int(m->b, (long long)w);
        html_lit(m->b, "</td><td>");
        html_text(m->b, done ? T(req, "done") : T(req, "not done"));
        html_lit(m->b, "</td><td>");
        button_form(m, arena_printf(req->arena, "%s/done", path), done ? "0" : "1",
                    done ? T(req, "Mark as not done") : T(req, "Mark as done"), cell);
        button_form(m, arena_printf(req->arena, "%s/delete", path), NULL, T(req, "Remove"), cell);
        html_lit(m->b, "</td></tr>");
}

static void ms_table(const Ms *m) {
        HttpRequest *req = m->req;
        json_t *arr = json_object_get(m->rec, "milestones"), *ms;
        size_t i;
        html_lit(m->b, "<section aria-labelledby=\"h-ms\"><h2 id=\"h-ms\">");
        html_text(m->b, T(req, "Milestones"));
        html_lit(m->b, "</h2>");
        if (!json_array_size(arr)) {
                html_lit(m->b, "<p>");
                html_text(m->b, T(req, "None yet."));
                html_lit(m->b, "</p></section>");
                return;
        }
        html_lit(m->b, "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"h-ms\"><table><thead><tr>");
        const char *cols[] = { N_("Milestone"), N_("Due date"), N_("Weight"), N_("State"), N_("Tick or remove") };
        for (size_t k = 0; k < sizeof cols / sizeof *cols; k++) {
                html_lit(m->b, "<th scope=\"col\">");
                html_text(m->b, T(req, cols[k]));
                html_lit(m->b, "</th>");
        }
        html_lit(m->b, "</tr></thead><tbody>");
        json_array_foreach(arr, i, ms)
                ms_row(m, ms);
        html_lit(m->b, "</tbody></table></div></section>");
}

/* A milestone form posting to action: its problems first, the fields
 * showing ms (NULL: empty) or the submitted values. */
static void ms_form(Ms *m, const char *action, json_t *ms, const WsProblem *probs, size_t np, const char *button) {
        HttpRequest *req = m->req;
        ws_web_summary(req, m->b, ws_milestone_form(), m->local, probs, np);
        html_lit(m->b, "<form method=\"post\" class=\"ws-form\" novalidate");
        html_url(m->b, "action", action);
        html_lit(m->b, ">");
        hidden_version(m);
        ws_web_fields(req, m->b, &m->city, m->local, ws_milestone_form(), ms, probs, np);
        html_lit(m->b, "<p class=\"buttons\"><button type=\"submit\">");
        html_text(m->b, button);
        html_lit(m->b, "</button></p></form>");
}

/* The milestones page; probs: a refused new milestone, shown again. */
static int ms_page(HttpRequest *req, const WsProblem *probs, size_t np, const char *error, int status) {
        Ms m;
        int r = ms_load(req, &m);
        if (r < 0)
                return r;
        const char *notice = !error && !np && req_query_raw(req, "saved") ? T(req, "Saved.") : NULL;
        head(&m, T(req, "Milestones"), error, notice);
        IapPlan p;
        if (ws_load(APP(req)->store, req->arena, &m.city, &p) == 0)
                ws_web_action_progress(req, m.b, &p, m.row->rec_id, true);
        ms_table(&m);
        html_lit(m.b, "<section aria-labelledby=\"h-new\"><h2 id=\"h-new\">");
        html_text(m.b, T(req, "Add a milestone"));
        html_lit(m.b, "</h2>");
        ms_form(&m, arena_printf(req->arena, "%s/milestones", base_url(&m)), NULL, probs, np,
                T(req, "Add the milestone"));
        html_lit(m.b, "</section>");
        json_decref(m.rec);
        page_end(req);
        req->resp.status = status;
        return 0;
}

int page_ws_milestones(HttpRequest *req) {
        return ms_page(req, NULL, 0, NULL, 200);
}

/* The editor of one milestone ({mid}). */
static int ms_edit_page(HttpRequest *req, const WsProblem *probs, size_t np, const char *error, int status) {
        Ms m;
        int r = ms_load(req, &m);
        json_t *ms = r == 0 ? ws_milestone_get(m.rec, req_param(req, "mid")) : NULL;
        if (r == 0 && !ms)
                r = -ENOENT;
        if (r < 0) {
                json_decref(m.rec);
                return r;
        }
        head(&m, T(req, "Milestone of the action"), error, NULL);
        html_lit(m.b, "<p><a");
        html_url(m.b, "href", arena_printf(req->arena, "%s/milestones", base_url(&m)));
        html_lit(m.b, ">");
        html_text(m.b, T(req, "All milestones of this action"));
        html_lit(m.b, "</a></p>");
        ms_form(&m, arena_printf(req->arena, "%s/milestones/%s", base_url(&m), req_param(req, "mid")), ms, probs, np,
                T(req, "Save"));
        json_decref(m.rec);
        page_end(req);
        req->resp.status = status;
        return 0;
}

int page_ws_milestone(HttpRequest *req) {
        return ms_edit_page(req, NULL, 0, NULL, 200);
}

/* Runs op for the route and answers: back to the milestones page, or the
 * page again with what went wrong (nothing changed). */
static int ms_post(HttpRequest *req, WsMilestoneOp op) {
        City c;
        Lang local;
        WsSaveResult res = { 0 };
        int r = ws_web_city(req, &c, &local);
        if (r == 0)
                r = ws_milestone_save(APP(req)->store, req->arena, &c, req_param(req, "id"),
                                      req_param_int(req, "version", 0), op, req_param(req, "mid"), ws_web_get, req, &res);
        bool edit = op == WS_MS_EDIT;
        if (r == -EEXIST)
                return edit ? ms_edit_page(req, NULL, 0, STALE, 409) : ms_page(req, NULL, 0, STALE, 409);
        if ((r == -EINVAL || r == -E2BIG) && res.n_problems == 0)
                res.problems[res.n_problems++] = (WsProblem){ NULL, N_("this change would leave the plan inconsistent") };
        if (r == -EINVAL || r == -E2BIG) {
                if (edit)
                        return ms_edit_page(req, res.problems, res.n_problems, NULL, 400);
                if (op == WS_MS_ADD)
                        return ms_page(req, res.problems, res.n_problems, NULL, 400);
                return ms_page(req, NULL, 0, res.problems[0].msgid, 400);
        }
        if (r < 0)
                return r;
        return resp_redirect(req, 303, arena_printf(req->arena, "/cities/%s/workspace/actions/%s/milestones?saved=1",
                                                    c.slug, req_param(req, "id")));
}

int post_ws_milestone_add(HttpRequest *req) { return ms_post(req, WS_MS_ADD); }
int post_ws_milestone_edit(HttpRequest *req) { return ms_post(req, WS_MS_EDIT); }
int post_ws_milestone_done(HttpRequest *req) { return ms_post(req, WS_MS_DONE); }
int post_ws_milestone_delete(HttpRequest *req) { return ms_post(req, WS_MS_REMOVE); }
