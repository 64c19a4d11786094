/* The integration self-assessment: /cities/{slug}/workspace/integration
 * shows a city's rounds of the 12 aspects of integrated urban development
 * and the integration grid, what changed from the previous round to the
 * latest, and the form for a new round, filled in from the latest; the
 * network's side-by-side view is a section of /network/rubric. Rounds and
 * their rules are domain/workspace/selfcheck.h; labels come from the
 * definition files. */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "domain/iap/export.h"
#include "domain/workspace/selfcheck.h"
#include "render/doc_html.h"
#include "web/ws.h"

static const IapTool *tool_of(HttpRequest *req, WsSelfTool t) {
        return iap_tools_get(APP(req)->tools, ws_self_tool_id(t));
}

static void tools_of(HttpRequest *req, const IapTool *out[WS_SELF_TOOL_MAX]) {
        for (int t = 0; t < WS_SELF_TOOL_MAX; t++)
                out[t] = tool_of(req, (WsSelfTool)t);
}

/* What a page shows: the city, its rounds and the refused submit. */
typedef struct Pg {
        HttpRequest *req;
        StrBuf *b;
        City c;
        Lang local;
        WsSelfCheck *w;
        size_t n;
        const WsProblem *p;
        size_t np;
        bool submitted; /* show the submitted values, not the latest round's */
} Pg;

static const char *problem_of(const Pg *g, const char *field) {
        for (size_t i = 0; i < g->np && i < WS_PROBLEMS_MAX; i++)
                if (g->p[i].field && field && strcmp(g->p[i].field, field) == 0)
                        return g->p[i].msgid;
        return NULL;
}

static const char *option_label(const IapColumn *col, const char *id, Lang lang) {
        for (size_t o = 0; id && o < col->n_options; o++)
                if (strcmp(col->options[o].id, id) == 0)
                        return iap_label(&col->options[o].label, lang);
        return id ? id : "";
}

/* Label, error and the opening of a control named name; lang is the
 * language of the text typed into it. */
static void control(const Pg *g, const char *name, const char *label, const char *stem, Lang lang, const char *open) {
        HttpRequest *req = g->req;
        const char *err = problem_of(g, stem);
        html_lit(g->b, "<div class=\"field\"><label");
        html_attrf(g->b, "for", "f-%s", name);
        html_lit(g->b, ">");
        html_text(g->b, label);
        html_lit(g->b, "</label>");
        if (err) {
                html_lit(g->b, "<p class=\"error\"");
                html_attrf(g->b, "id", "f-%s-err", name);
                html_lit(g->b, ">");
                html_text(g->b, T(req, err));
                html_lit(g->b, "</p>");
        }
        html_lit_(g->b, open);
        html_attrf(g->b, "id", "f-%s", name);
        html_attr(g->b, "name", name);
        if (lang != req->lang && lang != LANG_MAX)
                html_attr(g->b, "lang", lang_code(lang));
        if (err) {
                html_attrf(g->b, "aria-describedby", "f-%s-err", name);
                html_lit(g->b, " aria-invalid=\"true\"");
        }
}

/* The latest round's cell of (tool, item, column). */
static const IapCell *latest_cell(const Pg *g, WsSelfTool t, const char *item, const char *column) {
        return g->n ? iap_answers_cell(ws_self_answers(&g->w[g->n - 1].sc, t), item, column) : NULL;
}

static void choice_control(const Pg *g, WsSelfTool t, const IapItem *it, const IapColumn *col) {
        HttpRequest *req = g->req;
        const char *name = ws_self_field(req->arena, t, it->id, col->id);
        const IapCell *cell = latest_cell(g, t, it->id, col->id);
        const char *cur = g->submitted ? req_form_raw(req, name) : cell ? cell->choice : NULL;
        control(g, name, iap_label(&col->label, req->lang), name, LANG_MAX, "<select");
        html_lit(g->b, "><option value=\"\">");
        html_text(g->b, T(req, "not answered"));
        html_lit(g->b, "</option>");
        for (size_t o = 0; o < col->n_options; o++) {
                html_lit(g->b, "<option");
                html_attr(g->b, "value", col->options[o].id);
                if (cur && strcmp(cur, col->options[o].id) == 0)
                        html_lit(g->b, " selected");
                html_lit(g->b, ">");
                html_text(g->b, iap_label(&col->options[o].label, req->lang));
                html_lit(g->b, "</option>");
        }
        html_lit(g->b, "</select></div>");
}

static void text_side(const Pg *g, const char *stem, const char *label, const IapCell *cell, Lang side) {
        HttpRequest *req = g->req;
        const char *name = side == LANG_EN ? ws_name_en(req->arena, stem) : ws_name_local(req->arena, stem);
        const char *v = g->submitted ? req_form_raw(req, name)
                        : cell ? (side == LANG_EN ? cell->text.en : cell->text.local) : NULL;
        control(g, name, arena_printf(req->arena, "%s (%s)", label, lang_native_name(side)), stem, side,
                "<textarea rows=\"2\"");
        html_lit(g->b, ">");
        html_text(g->b, v ? v : "");
        html_lit(g->b, "</textarea></div>");
}

static void text_control(const Pg *g, WsSelfTool t, const IapItem *it, const IapColumn *col) {
        const char *stem = ws_self_field(g->req->arena, t, it->id, col->id);
        const IapCell *cell = latest_cell(g, t, it->id, col->id);
        const char *label = iap_label(&col->label, g->req->lang);
        if (g->local != LANG_EN)
                text_side(g, stem, label, cell, g->local);
        text_side(g, stem, label, cell, LANG_EN);
}

static const char *item_anchor(Arena *a, WsSelfTool t, const IapItem *it) {
        return arena_printf(a, "it-%s", ws_self_field(a, t, it->id, "row"));
}

static void item_fields(const Pg *g, const IapTool *tool, WsSelfTool t, const IapItem *it) {
        HttpRequest *req = g->req;
        html_lit(g->b, "<fieldset");
        html_attr(g->b, "id", item_anchor(req->arena, t, it));
        html_lit(g->b, "><legend>");
        html_text(g->b, iap_label(&it->label, req->lang));
        html_lit(g->b, "</legend>");
        if (it->n_notes) {
                html_lit(g->b, "<ul class=\"hint\">");
                for (size_t k = 0; k < it->n_notes; k++) {
                        html_lit(g->b, "<li>");
                        html_text(g->b, iap_label(&it->notes[k], req->lang));
                        html_lit(g->b, "</li>");
                }
                html_lit(g->b, "</ul>");
        }
        for (size_t c = 0; c < tool->n_columns; c++) {
                const IapColumn *col = &tool->columns[c];
                if (col->type == IAP_FIELD_CHOICE)
                        choice_control(g, t, it, col);
                else if (col->type == IAP_FIELD_TEXT)
                        text_control(g, t, it, col);
        }
        html_lit(g->b, "</fieldset>");
}

/* The form's own table of contents: one link per tool and per item. */
static void form_toc(const Pg *g, const IapTool *const tools[WS_SELF_TOOL_MAX]) {
        HttpRequest *req = g->req;
        html_lit(g->b, "<nav");
        html_attr(g->b, "aria-label", T(req, "Parts of the form"));
        html_lit(g->b, "><ul>");
        for (int t = 0; t < WS_SELF_TOOL_MAX; t++) {
                if (!tools[t])
                        continue;
                html_lit(g->b, "<li><a");
                html_attrf(g->b, "href", "#tool-%d", t);
                html_lit(g->b, ">");
                html_text(g->b, iap_label(&tools[t]->title, req->lang));
                html_lit(g->b, "</a><ul>");
                for (size_t s = 0; s < tools[t]->n_sections; s++)
                        for (size_t i = 0; i < tools[t]->sections[s].n_items; i++) {
                                const IapItem *it = &tools[t]->sections[s].items[i];
                                html_lit(g->b, "<li><a");
                                html_attrf(g->b, "href", "#%s", item_anchor(req->arena, (WsSelfTool)t, it));
                                html_lit(g->b, ">");
                                html_text(g->b, iap_label(&it->label, req->lang));
                                html_lit(g->b, "</a></li>");
                        }
                html_lit(g->b, "</ul></li>");
        }
        html_lit(g->b, "</ul></nav>");
}

static void today(char out[11]) {
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        strftime(out, 11, "%Y-%m-%d", &tm);
}

static void round_form(const Pg *g) {
        HttpRequest *req = g->req;
        const IapTool *tools[WS_SELF_TOOL_MAX];
        char day[11];
        tools_of(req, tools);
        today(day);
        html_lit(g->b, "<section aria-labelledby=\"h-new\"><h2 id=\"h-new\">");
        html_text(g->b, T(req, "Self-assess a new round"));
        html_lit(g->b, "</h2><p>");
        html_text(g->b, g->n ? T(req, "The form starts from the latest round: change what has changed since.")
                             : T(req, "Answer what you can; the next round starts from these answers."));
        html_lit(g->b, "</p><form method=\"post\" class=\"ws-form\" novalidate");
        html_url(g->b, "action", arena_printf(req->arena, "/cities/%s/workspace/integration", g->c.slug));
        html_lit(g->b, ">");
        web_csrf_field(req, g->b);
        html_lit(g->b, "<input type=\"hidden\" name=\"base\"");
        html_attr(g->b, "value", g->n ? g->w[g->n - 1].id : "");
        html_lit(g->b, ">");
        form_toc(g, tools);
        const char *d = g->submitted ? req_form_raw(req, "date") : NULL;
        control(g, "date", T(req, "Date"), "date", LANG_MAX, "<input type=\"text\" inputmode=\"numeric\"");
        html_attr(g->b, "value", d ? d : day);
        html_lit(g->b, "></div>");
        for (int t = 0; t < WS_SELF_TOOL_MAX; t++) {
                if (!tools[t])
                        continue;
                html_lit(g->b, "<h3");
                html_attrf(g->b, "id", "tool-%d", t);
                html_lit(g->b, ">");
                html_text(g->b, iap_label(&tools[t]->title, req->lang));
                html_lit(g->b, "</h3><p class=\"hint\">");
                html_text(g->b, iap_label(&tools[t]->description, req->lang));
                html_lit(g->b, "</p>");
                for (size_t s = 0; s < tools[t]->n_sections; s++)
                        for (size_t i = 0; i < tools[t]->sections[s].n_items; i++)
                                item_fields(g, tools[t], (WsSelfTool)t, &tools[t]->sections[s].items[i]);
        }
        html_lit(g->b, "<p><button type=\"submit\">");
        html_text(g->b, T(req, "Save this round"));
        html_lit(g->b, "</button></p></form></section>");
}

/* ---- showing rounds ---- */

/* A text in the page's language, marked when shown in another. */
static const char *shown_text(Arena *a, const IapText *t, Lang lang) {
        bool fb;
        const char *s = iap_text_get(t, lang, &fb);
        bool want_en = lang == LANG_EN || lang != t->local_lang;
        Lang shown = (fb ? !want_en : want_en) ? LANG_EN : t->local_lang;
        const char *span = *s && shown != lang ? doc_lang_span(a, lang_code(shown), s) : NULL;
        return span ? span : s;
}

typedef struct CellCtx {
        Arena *a;
        const IapAnswers *ans;
} CellCtx;

static const char *cell_value(void *ctx, const char *item, const char *column, Lang lang) {
        CellCtx *c = ctx;
        const IapCell *cell = iap_answers_cell(c->ans, item, column);
        return !cell ? NULL : cell->choice ? cell->choice : shown_text(c->a, &cell->text, lang);
}

/* One round's two tables, folded away. */
static int round_details(const Pg *g, const WsSelfCheck *w) {
        HttpRequest *req = g->req;
        Doc *d = doc_new(req->arena, w->sc.date, lang_code(req->lang));
        int r = d ? 0 : -ENOMEM;
        for (int t = 0; r == 0 && t < WS_SELF_TOOL_MAX; t++) {
                const IapTool *tool = tool_of(req, (WsSelfTool)t);
                const IapAnswers *ans = ws_self_answers(&w->sc, (WsSelfTool)t);
                CellCtx c = { req->arena, ans };
                if (!tool || iap_answers_empty(ans))
                        continue;
                r = doc_heading(d, 1, iap_label(&tool->title, req->lang));
                if (r == 0)
                        r = iap_table_tool_append(d, tool, 2, cell_value, &c, req->lang);
        }
        if (r < 0)
                return r;
        html_lit(g->b, "<details><summary>");
        html_textf(g->b, T(req, "Answers of %s"), w->sc.date);
        html_lit(g->b, "</summary><div class=\"plan\">");
        r = doc_render_html(d, 2, g->b);
        html_lit(g->b, "</div></details>");
        return r;
}

/* The one choice column of a tool that says where an item stands (the
 * aspects' relevance is asked apart). */
static const IapColumn *level_column(const IapTool *t) {
        for (size_t c = 0; t && c < t->n_columns; c++)
                if (t->columns[c].type == IAP_FIELD_CHOICE && strcmp(t->columns[c].id, "relevant") != 0)
                        return &t->columns[c];
        return NULL;
}

/* How many items of a tool stand at each option of col: "2 × Partly
 * integrated, 1 × Well integrated". */
static const char *level_counts(HttpRequest *req, const IapTool *t, const IapColumn *col, const IapAnswers *a) {
        const char *out = "";
        for (size_t o = 0; col && o < col->n_options; o++) {
                size_t k = iap_answers_count(t, a, col->id, col->options[o].id);
                if (k)
                        out = arena_printf(req->arena, "%s%s%zu × %s", out, *out ? ", " : "", k,
                                           iap_label(&col->options[o].label, req->lang));
        }
        return out && *out ? out : "–";
}

static const char *column_label(HttpRequest *req, const IapColumn *col) {
        return col ? iap_label(&col->label, req->lang) : "";
}

static void th(StrBuf *b, const char *text) {
        html_lit(b, "<th scope=\"col\">");
        html_text(b, text);
        html_lit(b, "</th>");
}

static void td(StrBuf *b, const char *text) {
        html_lit(b, "<td>");
        html_text(b, text);
        html_lit(b, "</td>");
}

static size_t n_items(const IapTool *t) {
        size_t n = 0;
        for (size_t s = 0; t && s < t->n_sections; s++)
                n += t->sections[s].n_items;
        return n;
}

static const char *relevant_count(HttpRequest *req, const IapTool *a12, const IapAnswers *a) {
        return arena_printf(req->arena, "%zu / %zu", iap_answers_count(a12, a, "relevant", "yes"), n_items(a12));
}

static int rounds_table(const Pg *g) {
        HttpRequest *req = g->req;
        const IapTool *a12 = tool_of(req, WS_SELF_ASPECTS), *grid = tool_of(req, WS_SELF_GRID);
        html_lit(g->b, "<section aria-labelledby=\"h-rounds\"><h2 id=\"h-rounds\">");
        html_text(g->b, T(req, "All rounds"));
        html_lit(g->b, "</h2>");
        if (!g->n) {
                html_lit(g->b, "<p>");
                html_text(g->b, T(req, "No self-assessment yet."));
                html_lit(g->b, "</p></section>");
                return 0;
        }
        html_lit(g->b, "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\"");
        html_attr(g->b, "aria-label", T(req, "All rounds"));
        html_lit(g->b, "><table><thead><tr>");
        th(g->b, T(req, "Date"));
        th(g->b, T(req, "Relevant aspects"));
        th(g->b, column_label(req, level_column(a12)));
        th(g->b, column_label(req, level_column(grid)));
        html_lit(g->b, "</tr></thead><tbody>");
        for (size_t i = g->n; i-- > 0;) {
                const IapSelfCheck *sc = &g->w[i].sc;
                html_lit(g->b, "<tr><th scope=\"row\">");
                html_text(g->b, sc->date);
                html_lit(g->b, "</th>");
                td(g->b, relevant_count(req, a12, &sc->aspects));
                td(g->b, level_counts(req, a12, level_column(a12), &sc->aspects));
                td(g->b, level_counts(req, grid, level_column(grid), &sc->grid));
                html_lit(g->b, "</tr>");
        }
        html_lit(g->b, "</tbody></table></div>");
        int r = 0;
        for (size_t i = g->n; r == 0 && i-- > 0;)
                r = round_details(g, &g->w[i]);
        html_lit(g->b, "</section>");
        return r;
}

/* A changed text cell: the new text, or "(removed)". */
static void change_text(const Pg *g, const IapText *t) {
        html_lit(g->b, "<td>");
        if (iap_text_empty(t))
                html_text(g->b, T(g->req, "(empty)"));
        else
                ws_web_text(g->req, g->b, t);
        html_lit(g->b, "</td>");
}

static void change_choice(const Pg *g, const IapColumn *col, const char *id) {
        td(g->b, *id ? option_label(col, id, g->req->lang) : T(g->req, "not answered"));
}

static void change_row(const Pg *g, const IapAnswerChange *ch) {
        html_lit(g->b, "<tr><th scope=\"row\">");
        html_text(g->b, iap_label(&ch->item->label, g->req->lang));
        html_lit(g->b, "</th>");
        td(g->b, iap_label(&ch->column->label, g->req->lang));
        if (ch->column->type == IAP_FIELD_CHOICE) {
                change_choice(g, ch->column, ch->before);
                change_choice(g, ch->column, ch->after);
        } else {
                change_text(g, ch->text_before);
                change_text(g, ch->text_after);
        }
        html_lit(g->b, "</tr>");
}

/* Every changed cell of one tool from before to after. */
static int tool_change(const Pg *g, WsSelfTool t, const IapSelfCheck *before, const IapSelfCheck *after) {
        HttpRequest *req = g->req;
        const IapTool *tool = tool_of(req, t);
        IapAnswerChange *ch;
        size_t n;
        int r = tool ? iap_answers_compare(req->arena, tool, ws_self_answers(before, t), ws_self_answers(after, t),
                                           &ch, &n)
                     : 0;
        if (!tool || r < 0)
                return r;
        html_lit(g->b, "<h3>");
        html_text(g->b, iap_label(&tool->title, req->lang));
        html_lit(g->b, "</h3>");
        if (t == WS_SELF_ASPECTS) {
                html_lit(g->b, "<p>");
                html_textf(g->b, T(req, "Relevant aspects: %s before, %s now."), relevant_count(req, tool, &before->aspects),
                           relevant_count(req, tool, &after->aspects));
                html_lit(g->b, "</p>");
        }
        if (!n) {
                html_lit(g->b, "<p>");
                html_text(g->b, T(req, "No answer changed."));
                html_lit(g->b, "</p>");
                return 0;
        }
        html_lit(g->b, "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\"");
        html_attr(g->b, "aria-label", iap_label(&tool->title, req->lang));
        html_lit(g->b, "><table><thead><tr>");
        th(g->b, iap_label(&tool->sections[0].label, req->lang));
        th(g->b, T(req, "Question"));
        th(g->b, arena_printf(req->arena, T(req, "On %s"), before->date));
        th(g->b, arena_printf(req->arena, T(req, "On %s"), after->date));
        html_lit(g->b, "</tr></thead><tbody>");
        for (size_t i = 0; i < n; i++)
                change_row(g, &ch[i]);
        html_lit(g->b, "</tbody></table></div>");
        return 0;
}

static int change(const Pg *g) {
        if (g->n < 2)
                return 0;
        const IapSelfCheck *before = &g->w[g->n - 2].sc, *after = &g->w[g->n - 1].sc;
        html_lit(g->b, "<section aria-labelledby=\"h-change\"><h2 id=\"h-change\">");
        html_textf(g->b, T(g->req, "Change from %s to %s"), before->date, after->date);
        html_lit(g->b, "</h2>");
        int r = 0;
        for (int t = 0; r == 0 && t < WS_SELF_TOOL_MAX; t++)
                r = tool_change(g, (WsSelfTool)t, before, after);
        html_lit(g->b, "</section>");
        return r;
}

/* The tool column of a form field (its stem for texts); NULL for the date. */
static const IapColumn *field_column(const Pg *g, const char *field, const IapItem **ret_item) {
        HttpRequest *req = g->req;
        for (int t = 0; field && t < WS_SELF_TOOL_MAX; t++) {
                const IapTool *tool = tool_of(req, (WsSelfTool)t);
                for (size_t s = 0; tool && s < tool->n_sections; s++)
                        for (size_t i = 0; i < tool->sections[s].n_items; i++)
                                for (size_t c = 0; c < tool->n_columns; c++) {
                                        const IapItem *it = &tool->sections[s].items[i];
                                        const char *f = ws_self_field(req->arena, (WsSelfTool)t, it->id,
                                                                      tool->columns[c].id);
                                        if (f && strcmp(f, field) == 0) {
                                                *ret_item = it;
                                                return &tool->columns[c];
                                        }
                                }
        }
        return NULL;
}

/* The label of a form field, for the error summary. */
static const char *field_label(const Pg *g, const char *field) {
        const IapItem *it;
        const IapColumn *col = field_column(g, field, &it);
        if (!col)
                return T(g->req, "Date");
        return arena_printf(g->req->arena, "%s: %s", iap_label(&it->label, g->req->lang),
                            iap_label(&col->label, g->req->lang));
}

/* The id of the control a problem links to (a text's first side). */
static const char *field_target(const Pg *g, const char *field) {
        const IapItem *it;
        const IapColumn *col = field_column(g, field, &it);
        if (!col || col->type == IAP_FIELD_CHOICE)
                return field;
        return g->local == LANG_EN ? ws_name_en(g->req->arena, field) : ws_name_local(g->req->arena, field);
}

static void summary(const Pg *g) {
        if (!g->np)
                return;
        html_lit(g->b, "<div class=\"errors\" role=\"alert\"><h2>");
        html_text(g->b, T(g->req, "Please correct these fields:"));
        html_lit(g->b, "</h2><ul>");
        for (size_t i = 0; i < g->np && i < WS_PROBLEMS_MAX; i++) {
                html_lit(g->b, "<li>");
                if (g->p[i].field) {
                        html_lit(g->b, "<a");
                        html_attrf(g->b, "href", "#f-%s", field_target(g, g->p[i].field));
                        html_lit(g->b, ">");
                        html_text(g->b, field_label(g, g->p[i].field));
                        html_lit(g->b, "</a>: ");
                }
                html_text(g->b, T(g->req, g->p[i].msgid));
                html_lit(g->b, "</li>");
        }
        html_lit(g->b, "</ul></div>");
}

/* Links to the parts of the page. */
static void page_toc(const Pg *g) {
        static const char *const ids[] = { "h-change", "h-rounds", "h-new" };
        const char *labels[] = { T(g->req, "What changed"), T(g->req, "All rounds"),
                                 T(g->req, "Self-assess a new round") };
        html_lit(g->b, "<nav");
        html_attr(g->b, "aria-label", T(g->req, "On this page"));
        html_lit(g->b, "><ul class=\"ws-hub\">");
        for (int i = g->n >= 2 ? 0 : 1; i < 3; i++) {
                html_lit(g->b, "<li><a");
                html_attrf(g->b, "href", "#%s", ids[i]);
                html_lit(g->b, ">");
                html_text(g->b, labels[i]);
                html_lit(g->b, "</a></li>");
        }
        html_lit(g->b, "</ul></nav>");
}

static int selfcheck_page(HttpRequest *req, const WsProblem *p, size_t np, const char *error, int status) {
        Pg g = { .req = req, .p = p, .np = np, .submitted = np > 0 || error };
        int r = ws_web_city(req, &g.c, &g.local);
        if (r == 0)
                r = tool_of(req, WS_SELF_ASPECTS) && tool_of(req, WS_SELF_GRID)
                            ? ws_selfchecks_load(APP(req)->store, req->arena, &g.c, &g.w, &g.n)
                            : -ENOENT;
        if (r < 0)
                return r;
        const char *title = T(req, "Integration self-assessment");
        page_begin(req, title);
        g.b = resp_body(req);
        ws_web_top(req, g.b, &g.c);
        html_lit(g.b, "<h1>");
        html_text(g.b, title);
        html_lit(g.b, "</h1>");
        if (error)
                form_error(req, g.b, error);
        else if (req_query_raw(req, "saved") && !np)
                form_notice(g.b, T(req, "The round was saved."));
        summary(&g);
        page_toc(&g);
        if ((r = change(&g)) == 0)
                r = rounds_table(&g);
        if (r < 0)
                return r;
        round_form(&g);
        page_end(req);
        req->resp.status = status;
        return 0;
}

int page_ws_selfcheck(HttpRequest *req) {
        return selfcheck_page(req, NULL, 0, NULL, 200);
}

static const char *const STALE = N_("Another round was saved while you filled in this form: nothing was saved. "
                                    "Your answers are still in the form; check them against the latest round and "
                                    "save again.");

int post_ws_selfcheck(HttpRequest *req) {
        City c;
        Lang local;
        WsSaveResult res = { 0 };
        const IapTool *tools[WS_SELF_TOOL_MAX];
        tools_of(req, tools);
        int r = ws_web_city(req, &c, &local);
        if (r == 0)
                r = tools[0] && tools[1] ? ws_selfcheck_save(APP(req)->store, req->arena, &c, tools, ws_web_get, req,
                                                             &res)
                                         : -ENOENT;
        if (r == -EEXIST)
                return selfcheck_page(req, NULL, 0, STALE, 409);
        if ((r == -EINVAL || r == -E2BIG) && res.n_problems)
                return selfcheck_page(req, res.problems, res.n_problems, NULL, 400);
        return r < 0 ? r : resp_redirect(req, 303, arena_printf(req->arena,
                                                                "/cities/%s/workspace/integration?saved=1", c.slug));
}

/* ---- the network's view ---- */

/* One aspect in one city: relevant or not, with its baseline level. */
static const char *aspect_cell(HttpRequest *req, const IapTool *a12, const IapSelfCheck *sc, const char *item) {
        const IapColumn *rel = NULL, *lvl = level_column(a12);
        for (size_t c = 0; c < a12->n_columns; c++)
                if (strcmp(a12->columns[c].id, "relevant") == 0)
                        rel = &a12->columns[c];
        const char *r = sc && rel ? iap_answers_choice(&sc->aspects, item, rel->id) : "";
        const char *l = sc && lvl ? iap_answers_choice(&sc->aspects, item, lvl->id) : "";
        if (!*r && !*l)
                return "–";
        if (!*l)
                return option_label(rel, r, req->lang);
        return arena_printf(req->arena, "%s – %s", *r && rel ? option_label(rel, r, req->lang) : "?",
                            option_label(lvl, l, req->lang));
}

/* The 12 aspects (rows) in every city (columns). */
static void aspects_by_city(HttpRequest *req, StrBuf *b, const IapTool *a12, const City *cities,
                            const IapSelfCheck *const *latest, size_t nc) {
        html_lit(b, "<h3 id=\"h-aspects-cities\">");
        html_text(b, T(req, "The aspects in each city"));
        html_lit(b, "</h3><div class=\"table-wrap\" tabindex=\"0\" role=\"region\"");
        html_attr(b, "aria-labelledby", "h-aspects-cities");
        html_lit(b, "><table><thead><tr>");
        th(b, iap_label(&a12->sections[0].label, req->lang));
        for (size_t k = 0; k < nc; k++)
                th(b, cities[k].name);
        html_lit(b, "</tr></thead><tbody>");
        for (size_t s = 0; s < a12->n_sections; s++)
                for (size_t i = 0; i < a12->sections[s].n_items; i++) {
                        const IapItem *it = &a12->sections[s].items[i];
                        html_lit(b, "<tr><th scope=\"row\">");
                        html_text(b, iap_label(&it->label, req->lang));
                        html_lit(b, "</th>");
                        for (size_t k = 0; k < nc; k++)
                                td(b, aspect_cell(req, a12, latest[k], it->id));
                        html_lit(b, "</tr>");
                }
        html_lit(b, "</tbody></table></div>");
}

/* One city's row: its latest round's date, relevant aspects, the aspects'
 * levels and each type of integration's current level. */
static void city_row(HttpRequest *req, StrBuf *b, const City *c, const IapSelfCheck *sc) {
        const IapTool *a12 = tool_of(req, WS_SELF_ASPECTS), *grid = tool_of(req, WS_SELF_GRID);
        const IapColumn *gl = level_column(grid);
        html_lit(b, "<tr><th scope=\"row\"><a");
        html_url(b, "href", arena_printf(req->arena, "/cities/%s/workspace/integration", c->slug));
        html_lit(b, ">");
        html_text(b, c->name);
        html_lit(b, "</a></th>");
        td(b, sc ? sc->date : T(req, "No self-assessment yet."));
        td(b, sc ? relevant_count(req, a12, &sc->aspects) : "–");
        td(b, sc ? level_counts(req, a12, level_column(a12), &sc->aspects) : "–");
        for (size_t i = 0; i < grid->sections[0].n_items; i++) {
                const char *v = sc ? iap_answers_choice(&sc->grid, grid->sections[0].items[i].id, gl->id) : "";
                td(b, *v ? option_label(gl, v, req->lang) : "–");
        }
        html_lit(b, "</tr>");
}

/* Every city's latest self-assessment side by side: relevant aspects, the
 * aspects' baseline levels and each type of integration's current level;
 * then each aspect in every city. */
int ws_web_network_selfcheck(HttpRequest *req, StrBuf *b, const City *cities, size_t nc) {
        const IapTool *a12 = tool_of(req, WS_SELF_ASPECTS), *grid = tool_of(req, WS_SELF_GRID);
        const IapSelfCheck **latest = arena_alloc(req->arena, (nc ? nc : 1) * sizeof *latest);
        if (!a12 || !grid || !level_column(grid) || !grid->n_sections || !a12->n_sections)
                return 0;
        if (!latest)
                return -ENOMEM;
        for (size_t k = 0; k < nc; k++) {
                WsSelfCheck *w;
                size_t n;
                int r = ws_selfchecks_load(APP(req)->store, req->arena, &cities[k], &w, &n);
                if (r < 0)
                        return r;
                latest[k] = n ? &w[n - 1].sc : NULL;
        }
        html_lit(b, "<section aria-labelledby=\"h-selfcheck\"><h2 id=\"h-selfcheck\">");
        html_text(b, T(req, "Integration self-assessment of all cities"));
        html_lit(b, "</h2><div class=\"table-wrap\" tabindex=\"0\" role=\"region\"");
        html_attr(b, "aria-label", T(req, "Integration self-assessment of all cities"));
        html_lit(b, "><table><thead><tr>");
        th(b, T(req, "City"));
        th(b, T(req, "Date"));
        th(b, T(req, "Relevant aspects"));
        th(b, column_label(req, level_column(a12)));
        for (size_t i = 0; i < grid->sections[0].n_items; i++)
                th(b, iap_label(&grid->sections[0].items[i].label, req->lang));
        html_lit(b, "</tr></thead><tbody>");
        for (size_t k = 0; k < nc; k++)
                city_row(req, b, &cities[k], latest[k]);
        html_lit(b, "</tbody></table></div>");
        aspects_by_city(req, b, a12, cities, latest, nc);
        html_lit(b, "</section>");
        return 0;
}
