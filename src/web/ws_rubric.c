/* Scoring the Action Planning Table rubric: /cities/{slug}/workspace/rubric
 * shows the city's rounds, the change from the previous round to the
 * latest (per indicator, per section total and the confidence poll) and
 * the form for a new round; /network/rubric puts every city's latest round
 * side by side. Rounds and their rules are domain/workspace/rounds.h. */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "domain/iap/export.h"
#include "domain/workspace/rounds.h"
#include "render/doc_html.h"
#include "web/ws.h"

static const IapTool *rubric_of(HttpRequest *req) { return iap_tools_get(APP(req)->tools, IAP_TOOL_RUBRIC); }
static const IapTool *poll_of(HttpRequest *req) { return iap_tools_get(APP(req)->tools, IAP_TOOL_CONFIDENCE_POLL); }

static const char *problem_of(const WsProblem *p, size_t n, const char *field) {
        for (size_t i = 0; i < n && i < WS_PROBLEMS_MAX; i++)
                if (p[i].field && field && strcmp(p[i].field, field) == 0)
                        return p[i].msgid;
        return NULL;
}

/* Label, optional error, and the opening of a control named name. */
static void label(HttpRequest *req, StrBuf *b, const char *name, const char *text, const char *err, const char *open) {
        html_lit(b, "<div class=\"field\"><label");
        html_attrf(b, "for", "f-%s", name);
        html_lit(b, ">");
        html_text(b, text);
        html_lit(b, "</label>");
        if (err) {
                html_lit(b, "<p class=\"error\"");
                html_attrf(b, "id", "f-%s-err", name);
                html_lit(b, ">");
                html_text(b, T(req, err));
                html_lit(b, "</p>");
        }
        html_lit_(b, open);
        html_attrf(b, "id", "f-%s", name);
        html_attr(b, "name", name);
        if (err) {
                html_attrf(b, "aria-describedby", "f-%s-err", name);
                html_lit(b, " aria-invalid=\"true\"");
        }
}

/* The label of a form field of the round, for the error summary. */
static const char *field_label(HttpRequest *req, const char *field) {
        static const char *const prefixes[] = { "score_", "evidence_", "poll_" };
        for (int k = 0; k < 3; k++) {
                size_t n = strlen(prefixes[k]);
                if (strncmp(field, prefixes[k], n) != 0)
                        continue;
                const IapTool *t = k == 2 ? poll_of(req) : rubric_of(req);
                const char *id = field + n;
                size_t len = strlen(id);
                if (k == 1) /* evidence_ID_local / evidence_ID_en */
                        len -= len > 6 && strcmp(id + len - 6, "_local") == 0 ? 6 : len > 3 ? 3 : 0;
                const IapItem *it = t ? iap_tool_find_item(t, arena_strndup(req->arena, id, len), NULL) : NULL;
                if (it)
                        return k == 1 ? arena_printf(req->arena, "%s: %s", T(req, "Evidence"),
                                                     iap_label(&it->label, req->lang))
                                      : iap_label(&it->label, req->lang);
        }
        return T(req, "Date");
}

static void evidence_side(HttpRequest *req, StrBuf *b, const char *name, Lang lang, const WsProblem *p, size_t np) {
        label(req, b, name, lang_native_name(lang), problem_of(p, np, name), "<textarea rows=\"2\"");
        if (lang != req->lang)
                html_attr(b, "lang", lang_code(lang));
        html_lit(b, ">");
        html_text(b, req_form_raw(req, name) ? req_form_raw(req, name) : "");
        html_lit(b, "</textarea></div>");
}

/* The evidence of one score: in the city's language, in English or both. */
static void evidence(HttpRequest *req, StrBuf *b, const IapItem *it, Lang local, const WsProblem *p, size_t np) {
        const char *stem = arena_printf(req->arena, "evidence_%s", it->id);
        html_lit(b, "<fieldset><legend>");
        html_textf(b, "%s: %s", T(req, "Evidence"), iap_label(&it->label, req->lang));
        html_lit(b, "</legend>");
        if (local != LANG_EN)
                evidence_side(req, b, ws_name_local(req->arena, stem), local, p, np);
        evidence_side(req, b, ws_name_en(req->arena, stem), LANG_EN, p, np);
        html_lit(b, "</fieldset>");
}

static void score_select(HttpRequest *req, StrBuf *b, const IapItem *it, Lang local, const WsProblem *p, size_t np) {
        const char *name = arena_printf(req->arena, "score_%s", it->id);
        const char *cur = req_form_raw(req, name);
        label(req, b, name, iap_label(&it->label, req->lang), problem_of(p, np, name), "<select");
        html_lit(b, ">");
        static const int scores[] = { 0, 1, 3, 5 };
        for (int i = 0; i < 4; i++) {
                const char *v = arena_printf(req->arena, "%d", scores[i]);
                html_lit(b, "<option");
                html_attr(b, "value", v);
                if (cur && v && strcmp(cur, v) == 0)
                        html_lit(b, " selected");
                html_lit(b, ">");
                if (i == 0)
                        html_text(b, T(req, "not scored"));
                else
                        html_textf(b, "%d – %s", scores[i],
                                   it->has_indications ? iap_label(&it->indications[i - 1], req->lang) : "");
                html_lit(b, "</option>");
        }
        html_lit(b, "</select></div>");
        evidence(req, b, it, local, p, np);
}

static void poll_fields(HttpRequest *req, StrBuf *b, const WsProblem *p, size_t np) {
        const IapTool *poll = poll_of(req);
        if (!poll)
                return;
        html_lit(b, "<fieldset><legend>");
        html_text(b, iap_label(&poll->title, req->lang));
        html_lit(b, "</legend><p class=\"hint\">");
        html_textf(b, T(req, "Each participant's answer from %d to %d, separated by commas."), poll->scale_min,
                   poll->scale_max);
        html_lit(b, "</p>");
        for (size_t s = 0; s < poll->n_sections; s++)
                for (size_t i = 0; i < poll->sections[s].n_items; i++) {
                        const IapItem *it = &poll->sections[s].items[i];
                        const char *name = arena_printf(req->arena, "poll_%s", it->id);
                        label(req, b, name, iap_label(&it->label, req->lang), problem_of(p, np, name),
                              "<input type=\"text\" inputmode=\"numeric\"");
                        html_attr(b, "value", req_form_raw(req, name) ? req_form_raw(req, name) : "");
                        html_lit(b, "></div>");
                }
        html_lit(b, "</fieldset>");
}

static void round_form(HttpRequest *req, StrBuf *b, const City *c, Lang local, const WsProblem *p, size_t np) {
        const IapTool *ru = rubric_of(req);
        char today[11];
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        strftime(today, sizeof today, "%Y-%m-%d", &tm);
        html_lit(b, "<section aria-labelledby=\"h-new\"><h2 id=\"h-new\">");
        html_text(b, T(req, "Score a new round"));
        html_lit(b, "</h2><form method=\"post\" class=\"ws-form\" novalidate");
        html_url(b, "action", arena_printf(req->arena, "/cities/%s/workspace/rubric", c->slug));
        html_lit(b, ">");
        web_csrf_field(req, b);
        label(req, b, "date", T(req, "Date"), problem_of(p, np, "date"), "<input type=\"text\" inputmode=\"numeric\"");
        html_attr(b, "value", req_form_raw(req, "date") ? req_form_raw(req, "date") : today);
        html_lit(b, "></div>");
        for (size_t s = 0; s < ru->n_sections; s++) {
                html_lit(b, "<fieldset><legend>");
                html_text(b, iap_label(&ru->sections[s].label, req->lang));
                html_lit(b, "</legend>");
                for (size_t i = 0; i < ru->sections[s].n_items; i++)
                        score_select(req, b, &ru->sections[s].items[i], local, p, np);
                html_lit(b, "</fieldset>");
        }
        poll_fields(req, b, p, np);
        html_lit(b, "<p><button type=\"submit\">");
        html_text(b, T(req, "Save this round"));
        html_lit(b, "</button></p></form></section>");
}

/* One round's scores with their evidence, folded away. */
static void round_details(HttpRequest *req, StrBuf *b, const WsRound *w) {
        const IapTool *ru = rubric_of(req);
        html_lit(b, "<details><summary>");
        html_textf(b, T(req, "Scores and evidence of %s"), w->round.date);
        html_lit(b, "</summary><ul>");
        for (size_t i = 0; i < w->round.n_scores; i++) {
                const IapScore *sc = &w->round.scores[i];
                const IapItem *it = iap_tool_find_item(ru, sc->indicator, NULL);
                html_lit(b, "<li>");
                html_textf(b, "%s: %d", it ? iap_label(&it->label, req->lang) : sc->indicator, sc->score);
                if (!iap_text_empty(&w->evidence[i])) {
                        html_lit(b, " – ");
                        ws_web_text(req, b, &w->evidence[i]);
                }
                html_lit(b, "</li>");
        }
        html_lit(b, "</ul></details>");
}

static void rounds_table(HttpRequest *req, StrBuf *b, const WsRound *w, size_t n) {
        const IapTool *ru = rubric_of(req);
        html_lit(b, "<section aria-labelledby=\"h-rounds\"><h2 id=\"h-rounds\">");
        html_text(b, T(req, "All rounds"));
        html_lit(b, "</h2>");
        if (!n) {
                html_lit(b, "<p>");
                html_text(b, T(req, "No round scored yet."));
                html_lit(b, "</p></section>");
                return;
        }
        html_lit(b, "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\"");
        html_attr(b, "aria-label", T(req, "All rounds"));
        html_lit(b, "><table><thead><tr><th scope=\"col\">");
        html_text(b, T(req, "Date"));
        html_lit(b, "</th>");
        for (size_t s = 0; s < ru->n_sections; s++) {
                html_lit(b, "<th scope=\"col\">");
                html_text(b, iap_label(&ru->sections[s].label, req->lang));
                html_lit(b, "</th>");
        }
        html_lit(b, "<th scope=\"col\">");
        html_text(b, T(req, "Total"));
        html_lit(b, "</th></tr></thead><tbody>");
        IapSectionTotal tot[IAP_TOOL_SECTIONS_MAX], g;
        for (size_t i = n; i-- > 0;) {
                if (iap_round_totals(ru, &w[i].round, tot, IAP_TOOL_SECTIONS_MAX, &g) < 0)
                        continue;
                html_lit(b, "<tr><th scope=\"row\">");
                html_text(b, w[i].round.date);
                html_lit(b, "</th>");
                for (size_t s = 0; s <= ru->n_sections; s++) {
                        const IapSectionTotal *t = s < ru->n_sections ? &tot[s] : &g;
                        html_lit(b, "<td class=\"num\">");
                        html_textf(b, "%d / %d", t->total, t->max);
                        html_lit(b, "</td>");
                }
                html_lit(b, "</tr>");
        }
        html_lit(b, "</tbody></table></div>");
        for (size_t i = n; i-- > 0;)
                round_details(req, b, &w[i]);
        html_lit(b, "</section>");
}

static const int *answers_of(const WsRound *w, const char *item, size_t *ret_n) {
        for (size_t i = 0; i < w->n_poll; i++)
                if (strcmp(w->poll[i].item, item) == 0) {
                        *ret_n = w->poll[i].n;
                        return w->poll[i].answers;
                }
        *ret_n = 0;
        return NULL;
}

static void mean_cell(HttpRequest *req, StrBuf *b, const IapPollStats *st) {
        html_lit(b, "<td class=\"num\">");
        if (st->n)
                html_textf(b, "%d.%d (%zu)", st->mean_x10 / 10, st->mean_x10 % 10, st->n);
        else
                html_text(b, T(req, "no answers"));
        html_lit(b, "</td>");
}

/* The confidence poll before and after: the mean answer (and how many). */
static void poll_change(HttpRequest *req, StrBuf *b, const WsRound *before, const WsRound *after) {
        const IapTool *poll = poll_of(req);
        if (!poll)
                return;
        html_lit(b, "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\"");
        html_attr(b, "aria-label", iap_label(&poll->title, req->lang));
        html_lit(b, "><table><caption>");
        html_text(b, iap_label(&poll->title, req->lang));
        html_lit(b, "</caption><thead><tr><th scope=\"col\">");
        html_text(b, T(req, "Question"));
        html_lit(b, "</th><th scope=\"col\">");
        html_textf(b, T(req, "Mean on %s"), before->round.date);
        html_lit(b, "</th><th scope=\"col\">");
        html_textf(b, T(req, "Mean on %s"), after->round.date);
        html_lit(b, "</th><th scope=\"col\">");
        html_text(b, T(req, "Change"));
        html_lit(b, "</th></tr></thead><tbody>");
        for (size_t s = 0; s < poll->n_sections; s++)
                for (size_t i = 0; i < poll->sections[s].n_items; i++) {
                        const IapItem *it = &poll->sections[s].items[i];
                        IapPollStats sb = { 0 }, sa = { 0 };
                        size_t nb, na;
                        const int *ab = answers_of(before, it->id, &nb), *aa = answers_of(after, it->id, &na);
                        (void)iap_poll_stats(poll->scale_min, poll->scale_max, ab, nb, &sb);
                        (void)iap_poll_stats(poll->scale_min, poll->scale_max, aa, na, &sa);
                        html_lit(b, "<tr><th scope=\"row\">");
                        html_text(b, iap_label(&it->label, req->lang));
                        html_lit(b, "</th>");
                        mean_cell(req, b, &sb);
                        mean_cell(req, b, &sa);
                        html_lit(b, "<td class=\"num\">");
                        if (sb.n && sa.n) {
                                int d = sa.mean_x10 - sb.mean_x10;
                                html_textf(b, "%c%d.%d", d < 0 ? '-' : '+', (d < 0 ? -d : d) / 10, (d < 0 ? -d : d) % 10);
                        }
                        html_lit(b, "</td></tr>");
                }
        html_lit(b, "</tbody></table></div>");
}

static int change(HttpRequest *req, StrBuf *b, const City *c, const WsRound *w, size_t n) {
        if (n < 2)
                return 0;
        Doc *doc;
        html_lit(b, "<section aria-labelledby=\"h-change\"><h2 id=\"h-change\">");
        html_textf(b, T(req, "Change from %s to %s"), w[n - 2].round.date, w[n - 1].round.date);
        html_lit(b, "</h2>");
        if (iap_round_compare_doc(rubric_of(req), c->name, &w[n - 2].round, &w[n - 1].round, req->lang, req->arena,
                                  &doc) == 0) {
                html_lit(b, "<div class=\"plan\">");
                int r = doc_render_html_body(doc, 1, b);
                html_lit(b, "</div>");
                if (r < 0)
                        return r;
        }
        poll_change(req, b, &w[n - 2], &w[n - 1]);
        html_lit(b, "</section>");
        return 0;
}

/* The refused round's problems, each linked to its field. */
static void summary(HttpRequest *req, StrBuf *b, const WsProblem *p, size_t np) {
        if (!np)
                return;
        html_lit(b, "<div class=\"errors\" role=\"alert\"><h2>");
        html_text(b, T(req, "Please correct these fields:"));
        html_lit(b, "</h2><ul>");
        for (size_t i = 0; i < np && i < WS_PROBLEMS_MAX; i++) {
                html_lit(b, "<li>");
                if (p[i].field) {
                        html_lit(b, "<a");
                        html_attrf(b, "href", "#f-%s", p[i].field);
                        html_lit(b, ">");
                        html_text(b, field_label(req, p[i].field));
                        html_lit(b, "</a>: ");
                }
                html_text(b, T(req, p[i].msgid));
                html_lit(b, "</li>");
        }
        html_lit(b, "</ul></div>");
}

static int rubric_page(HttpRequest *req, const WsProblem *p, size_t np) {
        City c;
        Lang local;
        WsRound *w;
        size_t n;
        int r = ws_web_city(req, &c, &local);
        if (r == 0)
                r = rubric_of(req) ? ws_rounds_load(APP(req)->store, req->arena, &c, req->lang, &w, &n) : -ENOENT;
        if (r < 0)
                return r;
        const char *title = iap_label(&rubric_of(req)->title, req->lang);
        page_begin(req, title);
        StrBuf *b = resp_body(req);
        ws_web_top(req, b, &c);
        html_lit(b, "<h1>");
        html_text(b, title);
        html_lit(b, "</h1>");
        if (req_query_raw(req, "saved") && !np)
                form_notice(b, T(req, "The round was saved."));
        summary(req, b, p, np);
        if ((r = change(req, b, &c, w, n)) < 0)
                return r;
        rounds_table(req, b, w, n);
        round_form(req, b, &c, local, p, np);
        page_end(req);
        if (np)
                req->resp.status = 400;
        return 0;
}

int page_ws_rubric(HttpRequest *req) {
        return rubric_page(req, NULL, 0);
}

int post_ws_rubric(HttpRequest *req) {
        City c;
        Lang local;
        WsSaveResult res = { 0 };
        int r = ws_web_city(req, &c, &local);
        if (r == 0)
                r = rubric_of(req) ? ws_round_save(APP(req)->store, req->arena, &c, rubric_of(req), poll_of(req),
                                                   ws_web_get, req, &res)
                                   : -ENOENT;
        if ((r == -EINVAL || r == -E2BIG) && res.n_problems)
                return rubric_page(req, res.problems, res.n_problems);
        return r < 0 ? r : resp_redirect(req, 303, arena_printf(req->arena, "/cities/%s/workspace/rubric?saved=1",
                                                                c.slug));
}

/* One city in the network's list: its latest total and the change since
 * its previous round. */
static void city_line(HttpRequest *req, StrBuf *b, const City *c, const WsRound *w, size_t n) {
        const IapTool *ru = rubric_of(req);
        IapSectionTotal tot[IAP_TOOL_SECTIONS_MAX], g, gp;
        html_lit(b, "<li><a");
        html_url(b, "href", arena_printf(req->arena, "/cities/%s/workspace/rubric", c->slug));
        html_lit(b, ">");
        html_text(b, c->name);
        html_lit(b, "</a>: ");
        if (!n || iap_round_totals(ru, &w[n - 1].round, tot, IAP_TOOL_SECTIONS_MAX, &g) < 0) {
                html_text(b, T(req, "No round scored yet."));
        } else {
                html_textf(b, "%d / %d (%s)", g.total, g.max, w[n - 1].round.date);
                if (n >= 2 && iap_round_totals(ru, &w[n - 2].round, tot, IAP_TOOL_SECTIONS_MAX, &gp) == 0)
                        html_textf(b, T(req, ", change since %s: %+d"), w[n - 2].round.date, g.total - gp.total);
        }
        html_lit(b, "</li>");
}

/* GET /network/rubric: every city's latest round side by side, and the
 * change of each city's total since its previous round. */
int page_network_rubric(HttpRequest *req) {
        City *cities;
        size_t nc;
        const IapTool *ru = rubric_of(req);
        int r = ru ? store_city_list(APP(req)->store, req->arena, &cities, &nc) : -ENOENT;
        if (r < 0)
                return r;
        if (nc > DOC_TABLE_COLS_MAX - 1)
                nc = DOC_TABLE_COLS_MAX - 1;
        const char **names = arena_alloc(req->arena, (nc ? nc : 1) * sizeof *names);
        const IapRound **latest = arena_alloc(req->arena, (nc ? nc : 1) * sizeof *latest);
        if (!names || !latest)
                return -ENOMEM;
        page_begin(req, T(req, "Rubric scores of all cities"));
        StrBuf *b = resp_body(req);
        html_lit(b, "<h1>");
        html_text(b, T(req, "Rubric scores of all cities"));
        html_lit(b, "</h1><p><a href=\"/network/roadmap\">");
        html_text(b, T(req, "Edit the network roadmap"));
        html_lit(b, "</a></p><ul class=\"ws-list\">");
        for (size_t i = 0; i < nc; i++) {
                WsRound *w = NULL;
                size_t n = 0;
                names[i] = cities[i].name;
                latest[i] = NULL;
                if (ws_rounds_load(APP(req)->store, req->arena, &cities[i], req->lang, &w, &n) == 0 && n)
                        latest[i] = &w[n - 1].round;
                city_line(req, b, &cities[i], w, n);
        }
        html_lit(b, "</ul>");
        Doc *doc;
        if (iap_rounds_side_by_side_doc(ru, names, latest, nc, req->lang, req->arena, &doc) == 0) {
                html_lit(b, "<div class=\"plan\">");
                r = doc_render_html_body(doc, 1, b);
                html_lit(b, "</div>");
        }
        if (r == 0)
                r = ws_web_network_selfcheck(req, b, cities, nc);
        page_end(req);
        return r;
}
