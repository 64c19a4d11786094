/* The workspace's record pages: /cities/{slug}/workspace/{kind} lists a
 * kind's records with a form to add one, .../{kind}/{id} edits one, POSTs
 * save (over the record's version) or delete. The forms are drawn from the
 * domain's field table (domain/workspace/edit.h), which also owns every
 * rule; this file only renders and passes the submitted values on. */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "domain/workspace/actions.h"
#include "domain/workspace/edit.h"
#include "domain/workspace/platform.h"
#include "domain/workspace/stakeholder.h"
#include "domain/workspace/workspace.h"
#include "web/ws.h"

/* What one form shows: the record (or NULL), submitted values to show
 * again, and problems by field. */
typedef struct Fm {
        HttpRequest *req;
        StrBuf *b;
        const City *city;
        Lang local;
        const WsForm *form;
        json_t *rec;
        bool submitted;
        const WsProblem *probs;
        size_t np;
        json_t *contact; /* a stakeholder's contact person as form values, or NULL */
        const IapPlan *plan; /* the action list's plan, for progress; else NULL */
} Fm;

static const char *problem_of(const Fm *f, const char *key) {
        for (size_t i = 0; i < f->np && i < WS_PROBLEMS_MAX; i++)
                if (f->probs[i].field && strcmp(f->probs[i].field, key) == 0)
                        return f->probs[i].msgid;
        return NULL;
}

static const char *value_of(const Fm *f, const WsField *fd, WsSide side) {
        if (f->submitted) {
                const char *name = side == WS_SIDE_LOCAL ? ws_name_local(f->req->arena, fd->key)
                                   : side == WS_SIDE_EN  ? ws_name_en(f->req->arena, fd->key)
                                                         : fd->key;
                const char *v = req_form_raw(f->req, name);
                return v ? v : "";
        }
        return f->rec ? ws_form_value(f->req->arena, fd, f->rec, f->local, side) : "";
}

/* <label> + hint/error + the control for one form name. */
static void control(const Fm *f, const WsField *fd, const char *name, const char *label, Lang lang, const char *note) {
        StrBuf *b = f->b;
        const char *id = arena_printf(f->req->arena, "f-%s", name), *err = problem_of(f, fd->key);
        const char *desc = "";
        html_lit(b, "<div class=\"field\"><label");
        html_attr(b, "for", id);
        html_lit(b, ">");
        html_text(b, label);
        if (fd->required && (strcmp(name, fd->key) == 0 || f->local == LANG_EN)) /* else on the legend */
                html_textf(b, " (%s)", T(f->req, "required"));
        html_lit(b, "</label>");
        const char *hint = note ? note : fd->hint ? T(f->req, fd->hint) : NULL;
        if (hint) {
                html_lit(b, "<p class=\"hint\"");
                html_attrf(b, "id", "%s-hint", id);
                html_lit(b, ">");
                html_text(b, hint);
                html_lit(b, "</p>");
                desc = arena_printf(f->req->arena, "%s-hint", id);
        }
        if (err) {
                html_lit(b, "<p class=\"error\"");
                html_attrf(b, "id", "%s-err", id);
                html_lit(b, ">");
                html_text(b, T(f->req, err));
                html_lit(b, "</p>");
                desc = arena_printf(f->req->arena, "%s%s%s-err", desc, *desc ? " " : "", id);
        }
        bool multi = fd->type == WS_FT_LONG || fd->type == WS_FT_LINES;
        bool sel = fd->type == WS_FT_REF || fd->type == WS_FT_CHOICE;
        if (multi)
                html_lit(b, "<textarea rows=\"4\"");
        else if (sel)
                html_lit(b, "<select");
        else
                html_lit(b, "<input type=\"text\"");
        html_attr(b, "id", id);
        html_attr(b, "name", name);
        if (lang != f->req->lang && !sel)
                html_attr(b, "lang", lang_code(lang));
        if (desc && *desc)
                html_attr(b, "aria-describedby", desc);
        if (err)
                html_lit(b, " aria-invalid=\"true\"");
        if (fd->type == WS_FT_DATE)
                html_lit(b, " inputmode=\"numeric\" placeholder=\"YYYY-MM-DD\"");
}

static void close_text(const Fm *f, const char *v, bool multi) {
        if (multi) {
                html_lit(f->b, ">");
                html_text(f->b, v);
                html_lit(f->b, "</textarea></div>");
        } else {
                html_attr(f->b, "value", v);
                html_lit(f->b, "></div>");
        }
}

/* The note under one side of a bilingual field: original, or lagging. */
static const char *side_note(const Fm *f, const WsField *fd, WsSide side) {
        if (!f->rec || f->submitted)
                return NULL;
        IapText t = ws_field_text(f->req->arena, fd, f->rec, f->local);
        if (iap_text_empty(&t))
                return NULL;
        bool is_source = (side == WS_SIDE_EN) == (t.source == LANG_EN);
        if (is_source)
                return T(f->req, "Original text.");
        return t.stale ? T(f->req, "Translation out of date: the original changed after it was written.") : NULL;
}

static void bilingual(const Fm *f, const WsField *fd) {
        bool multi = fd->type != WS_FT_TEXT;
        HttpRequest *req = f->req;
        if (f->local == LANG_EN) {
                control(f, fd, ws_name_en(req->arena, fd->key), T(req, fd->label), LANG_EN, side_note(f, fd, WS_SIDE_EN));
                return close_text(f, value_of(f, fd, WS_SIDE_EN), multi);
        }
        html_lit(f->b, "<fieldset class=\"bilingual\"><legend>");
        html_text(f->b, T(req, fd->label));
        if (fd->required) {
                html_textf(f->b, " (%s)", T(req, "required"));
                html_lit(f->b, "</legend><p class=\"hint\">");
                html_text(f->b, T(req, "In either language, or in both."));
                html_lit(f->b, "</p>");
        } else {
                html_lit(f->b, "</legend>");
        }
        control(f, fd, ws_name_local(req->arena, fd->key),
                arena_printf(req->arena, "%s (%s)", T(req, fd->label), lang_native_name(f->local)), f->local,
                side_note(f, fd, WS_SIDE_LOCAL));
        close_text(f, value_of(f, fd, WS_SIDE_LOCAL), multi);
        control(f, fd, ws_name_en(req->arena, fd->key), arena_printf(req->arena, "%s (%s)", T(req, fd->label), lang_native_name(LANG_EN)),
                LANG_EN, side_note(f, fd, WS_SIDE_EN));
        close_text(f, value_of(f, fd, WS_SIDE_EN), multi);
        html_lit(f->b, "</fieldset>");
}


/* The label of a record in lists and choices: its first text field (an
 * untranslated one, such as an organisation's name, as it is). */
static IapText record_label(const Fm *f, json_t *rec, const WsForm *form) {
        for (size_t i = 0; i < form->n_fields; i++) {
                const WsField *fd = &form->fields[i];
                if (fd->type == WS_FT_TEXT || fd->type == WS_FT_LONG)
                        return ws_field_text(f->req->arena, fd, rec, f->local);
                if (fd->type == WS_FT_STRING && !fd->obj)
                        return (IapText){ .en = json_string_value(json_object_get(rec, fd->key)), .source = LANG_EN,
                                          .local_lang = f->local };
        }
        return (IapText){ .local_lang = f->local };
}

static const WsForm *form_of(WsKind k) {
        size_t n;
        const WsForm *forms = ws_forms(&n);
        for (size_t i = 0; i < n; i++)
                if (forms[i].kind == k)
                        return &forms[i];
        return NULL;
}

static void ref_options(const Fm *f, const WsField *fd, const char *cur) {
        IapRecordRow *rows;
        size_t n = 0;
        const WsForm *target = form_of(fd->ref);
        form_option(f->b, "", T(f->req, "(none)"), cur);
        (void)ws_rows(APP(f->req)->store, f->req->arena, f->city->slug, fd->ref, &rows, &n);
        for (size_t i = 0; target && i < n; i++) {
                json_t *d = ws_row_doc(&rows[i]);
                const char *own = f->rec ? json_string_value(json_object_get(f->rec, "id")) : NULL;
                bool self = own && strcmp(own, rows[i].rec_id) == 0 && fd->ref == f->form->kind;
                if (!self && own && fd->ref == WS_ACTION && f->form->kind == WS_ACTION) {
                        json_t *as_child = json_pack("{s:s, s:s}", "id", own, "parent", rows[i].rec_id);
                        self = !as_child || ws_action_parent_cycle(as_child, rows, n); /* one of its own sub-actions */
                        json_decref(as_child);
                }
                IapText t = record_label(f, d, target);
                if (!self)
                        form_option(f->b, rows[i].rec_id, arena_printf(f->req->arena, "%s – %s", rows[i].rec_id,
                                                                  iap_text_get(&t, f->req->lang, NULL)), cur);
                json_decref(d);
        }
}

static void one_field(const Fm *f, const WsField *fd) {
        HttpRequest *req = f->req;
        if (fd->type == WS_FT_TEXT || fd->type == WS_FT_LONG || fd->type == WS_FT_LINES)
                return bilingual(f, fd);
        const char *v = value_of(f, fd, WS_SIDE_PLAIN);
        control(f, fd, fd->key, T(req, fd->label), req->lang, NULL);
        if (fd->type == WS_FT_REF || fd->type == WS_FT_CHOICE) {
                html_lit(f->b, ">");
                if (fd->type == WS_FT_REF)
                        ref_options(f, fd, v);
                bool known = fd->type != WS_FT_CHOICE || !*v;
                for (size_t i = 0; fd->type == WS_FT_CHOICE && fd->choices[i]; i++) {
                        form_option(f->b, fd->choices[i], T(req, fd->choice_labels[i]), v);
                        known |= strcmp(fd->choices[i], v) == 0;
                }
                if (!known)
                        form_option(f->b, v, v, v); /* kept as it is (see the domain's choice rule) */
                html_lit(f->b, "</select></div>");
                return;
        }
        close_text(f, v, false);
}

static void summary(const Fm *f) {
        if (!f->np)
                return;
        StrBuf *b = f->b;
        html_lit(b, "<div class=\"errors\" role=\"alert\" tabindex=\"-1\" id=\"errors\"><h2>");
        html_text(b, T(f->req, "Please correct these fields:"));
        html_lit(b, "</h2><ul>");
        for (size_t i = 0; i < f->np && i < WS_PROBLEMS_MAX; i++) {
                const WsField *fd = NULL;
                for (size_t k = 0; f->probs[i].field && k < f->form->n_fields; k++)
                        if (strcmp(f->form->fields[k].key, f->probs[i].field) == 0)
                                fd = &f->form->fields[k];
                if (!fd && f->form->kind == WS_STAKEHOLDER)
                        fd = ws_contact_field(f->probs[i].field);
                html_lit(b, "<li>");
                if (fd) {
                        bool bi = fd->type == WS_FT_TEXT || fd->type == WS_FT_LONG || fd->type == WS_FT_LINES;
                        const char *name = bi ? (f->local == LANG_EN ? ws_name_en(f->req->arena, fd->key)
                                                                      : ws_name_local(f->req->arena, fd->key))
                                              : fd->key;
                        html_lit(b, "<a");
                        html_attrf(b, "href", "#f-%s", name);
                        html_lit(b, ">");
                        html_text(b, T(f->req, fd->label));
                        html_lit(b, "</a>: ");
                }
                html_text(b, T(f->req, f->probs[i].msgid));
                html_lit(b, "</li>");
        }
        html_lit(b, "</ul></div>");
}

void ws_web_fields(HttpRequest *req, StrBuf *b, const City *c, Lang local, const WsForm *form, json_t *rec,
                   const WsProblem *probs, size_t np) {
        Fm f = { .req = req, .b = b, .city = c, .local = local, .form = form, .rec = rec, .probs = probs, .np = np,
                 .submitted = np > 0 };
        for (size_t i = 0; i < form->n_fields; i++)
                one_field(&f, &form->fields[i]);
}

void ws_web_summary(HttpRequest *req, StrBuf *b, const WsForm *form, Lang local, const WsProblem *probs, size_t np) {
        Fm f = { .req = req, .b = b, .local = local, .form = form, .probs = probs, .np = np };
        summary(&f);
}

static void submit(StrBuf *b, const char *name, const char *value, const char *label) {
        html_lit(b, "<button type=\"submit\"");
        if (name) {
                html_attr(b, "name", name);
                html_attr(b, "value", value);
        }
        html_lit(b, ">");
        html_text(b, label);
        html_lit(b, "</button> ");
}

static void buttons(const Fm *f) {
        HttpRequest *req = f->req;
        html_lit(f->b, "<p class=\"buttons\">");
        if (f->form->kind != WS_MEETING) {
                submit(f->b, NULL, NULL, T(req, "Save"));
        } else {
                const char *st = f->rec ? json_string_value(json_object_get(f->rec, "minutes_status")) : NULL;
                bool amended = st && strcmp(st, "amended") == 0;
                if (!amended)
                        submit(f->b, "minutes_action", "draft", T(req, "Save the minutes as a draft"));
                submit(f->b, "minutes_action", "amended", T(req, "Save the minutes as amended"));
                if (amended)
                        submit(f->b, "minutes_action", "final", T(req, "Save and make the minutes final"));
        }
        html_lit(f->b, "</p>");
}

static void form(const Fm *f, const char *rec_id, int64_t version) {
        StrBuf *b = f->b;
        html_lit(b, "<form method=\"post\" class=\"ws-form\" novalidate");
        html_url(b, "action", rec_id ? arena_printf(f->req->arena, "/cities/%s/workspace/%s/%s", f->city->slug,
                                                    f->form->slug, rec_id)
                                     : arena_printf(f->req->arena, "/cities/%s/workspace/%s", f->city->slug,
                                                    f->form->slug));
        html_lit(b, ">");
        web_csrf_field(f->req, b);
        if (rec_id) {
                html_lit(b, "<input type=\"hidden\" name=\"version\"");
                html_attrf(b, "value", "%lld", (long long)version);
                html_lit(b, ">");
        }
        for (size_t i = 0; i < f->form->n_fields; i++)
                one_field(f, &f->form->fields[i]);
        if (f->form->kind == WS_STAKEHOLDER)
                ws_contact_part(f->req, b, f->contact, f->submitted, f->probs, f->np);
        buttons(f);
        html_lit(b, "</form>");
}

static const char *const status_msgids[] = { N_("draft"), N_("amended"), N_("final") };

static const char *status_label(HttpRequest *req, json_t *rec) {
        const char *st = json_string_value(json_object_get(rec, "minutes_status"));
        static const char *const names[] = { "draft", "amended", "final" };
        for (int i = 0; i < 3; i++)
                if (st && strcmp(st, names[i]) == 0)
                        return T(req, status_msgids[i]);
        return T(req, status_msgids[0]);
}

/* This quarter's figure of a platform indicator, or "not enough data"
 * below the minimum group size (no figure at all). */
static void platform_note(const Fm *f, json_t *d) {
        char q[8];
        int64_t v = 0;
        ws_quarter_of(time(NULL), q);
        int r = ws_platform_figure(APP(f->req)->store, f->city, json_string_value(json_object_get(d, "platform_metric")),
                                   q, &v);
        if (r == 0)
                html_textf(f->b, " · %s: %lld", arena_printf(f->req->arena, T(f->req, "platform figure for %s"), q),
                           (long long)v);
        else if (r == -ENODATA)
                html_textf(f->b, " · %s: %s", arena_printf(f->req->arena, T(f->req, "platform figure for %s"), q),
                           T(f->req, "not enough data"));
}

/* One record in the list (the caller closes its <li>): its label, linked
 * to its editor, and what tells records apart (date and minutes, kind). */
static void list_item(const Fm *f, const IapRecordRow *row, json_t *d) {
        StrBuf *b = f->b;
        IapText t = record_label(f, d, f->form);
        html_lit(b, "<li><a");
        html_url(b, "href", arena_printf(f->req->arena, "/cities/%s/workspace/%s/%s", f->city->slug, f->form->slug,
                                         row->rec_id));
        html_lit(b, ">");
        ws_web_text(f->req, b, &t);
        if (iap_text_empty(&t))
                html_text(b, row->rec_id);
        html_lit(b, "</a>");
        const char *date = json_string_value(json_object_get(d, "date"));
        const char *kind = json_string_value(json_object_get(d, "kind"));
        const char *parent = json_string_value(json_object_get(d, "parent"));
        if (f->form->kind == WS_MEETING)
                html_textf(b, " · %s · %s: %s", date ? date : "", T(f->req, "Minutes"), status_label(f->req, d));
        else if (f->form->kind == WS_PROBLEM && kind)
                html_textf(b, " · %s", T(f->req, strcmp(kind, "problem") == 0 ? N_("Problem")
                                                 : strcmp(kind, "cause") == 0 ? N_("Cause") : N_("Effect")));
        if (f->form->kind == WS_OBJECTIVE)
                html_textf(b, " · %s", parent ? T(f->req, "specific objective") : T(f->req, "strategic objective"));
        if (f->form->kind == WS_INDICATOR && json_object_get(d, "platform_metric"))
                platform_note(f, d);
        if (f->plan)
                ws_web_action_progress(f->req, b, f->plan, row->rec_id, false);
}

/* Records of the kind under parent (NULL: those without one, or whose
 * parent is gone), each with its own children nested: the problem tree and
 * strategic → specific objectives read as trees. */
static void list_level(const Fm *f, const IapRecordRow *rows, json_t **docs, size_t n, const char *parent, int depth) {
        bool open = false;
        for (size_t i = 0; i < n; i++) {
                const char *p = json_string_value(json_object_get(docs[i], "parent"));
                bool orphan = p && !parent;
                for (size_t k = 0; orphan && k < n; k++)
                        orphan = strcmp(rows[k].rec_id, p) != 0;
                if (parent ? !p || strcmp(p, parent) != 0 : p && !orphan)
                        continue;
                if (!open && depth)
                        html_lit(f->b, "<ul>");
                else if (!open)
                        html_lit(f->b, "<ul class=\"ws-list\">");
                open = true;
                list_item(f, &rows[i], docs[i]);
                if (depth < IAP_DEPTH_MAX &&
                    (f->form->kind == WS_PROBLEM || f->form->kind == WS_OBJECTIVE || f->form->kind == WS_ACTION))
                        list_level(f, rows, docs, n, rows[i].rec_id, depth + 1);
                html_lit(f->b, "</li>");
        }
        if (open)
                html_lit(f->b, "</ul>");
}

/* The local group's members first, then the other stakeholders, each
 * under a heading with its count. */
static void stakeholder_lists(const Fm *f, IapRecordRow *rows, json_t **docs, size_t n) {
        size_t members = ws_stakeholders_members_first(rows, docs, n);
        const char *heads[2] = { T(f->req, "Members of the URBACT Local Group: %d"), T(f->req, "Other stakeholders: %d") };
        size_t counts[2] = { members, n - members }, from[2] = { 0, members };
        for (int g = 0; g < 2; g++) {
                html_lit(f->b, "<h3>");
                html_textf(f->b, heads[g], (int)counts[g]);
                html_lit(f->b, "</h3>");
                list_level(f, rows + from[g], docs + from[g], counts[g], NULL, 0);
        }
}

static int list_records(Fm *f) {
        IapRecordRow *rows;
        size_t n;
        IapPlan *plan = f->form->kind == WS_ACTION ? arena_alloc(f->req->arena, sizeof *plan) : NULL;
        if (plan && ws_load(APP(f->req)->store, f->req->arena, f->city, plan) == 0)
                f->plan = plan; /* the progress of each action (none when the plan does not load) */
        int r = ws_rows(APP(f->req)->store, f->req->arena, f->city->slug, f->form->kind, &rows, &n);
        json_t **docs = r == 0 ? arena_alloc(f->req->arena, (n ? n : 1) * sizeof *docs) : NULL;
        if (r < 0 || !docs)
                return r < 0 ? r : -ENOMEM;
        html_lit(f->b, "<section aria-labelledby=\"h-list\"><h2 id=\"h-list\">");
        html_text(f->b, T(f->req, "Records"));
        html_lit(f->b, "</h2>");
        if (!n) {
                html_lit(f->b, "<p>");
                html_text(f->b, T(f->req, "None yet."));
                html_lit(f->b, "</p>");
        }
        for (size_t i = 0; i < n; i++)
                docs[i] = ws_row_doc(&rows[i]);
        if (f->form->kind == WS_STAKEHOLDER && n)
                stakeholder_lists(f, rows, docs, n);
        else
                list_level(f, rows, docs, n, NULL, 0);
        for (size_t i = 0; i < n; i++)
                json_decref(docs[i]);
        html_lit(f->b, "</section>");
        return 0;
}

/* The kind's page: its records and the form for a new one (again with
 * the submitted values and problems after a refused save). */
static int list_page(HttpRequest *req, const WsProblem *probs, size_t np, const char *notice) {
        City c;
        Fm f = { .req = req, .city = &c, .probs = probs, .np = np, .submitted = np > 0 };
        int r = ws_web_city(req, &c, &f.local);
        if (r == 0 && !(f.form = ws_form_by_slug(req_param(req, "kind"))))
                r = -ENOENT;
        if (r < 0)
                return r;
        page_begin(req, T(req, f.form->title));
        f.b = resp_body(req);
        ws_web_top(req, f.b, &c);
        html_lit(f.b, "<h1>");
        html_text(f.b, T(req, f.form->title));
        html_lit(f.b, "</h1>");
        if (notice)
                form_notice(f.b, notice);
        summary(&f);
        if ((r = list_records(&f)) < 0)
                return r;
        html_lit(f.b, "<section aria-labelledby=\"h-new\"><h2 id=\"h-new\">");
        html_textf(f.b, T(req, "Add: %s"), T(req, f.form->record));
        html_lit(f.b, "</h2>");
        form(&f, NULL, 0);
        html_lit(f.b, "</section>");
        page_end(req);
        if (np)
                req->resp.status = 400;
        return 0;
}

int page_ws_list(HttpRequest *req) {
        const WsForm *form = ws_form_by_slug(req_param(req, "kind"));
        IapRecordRow *rows;
        size_t n = 0;
        /* A kind with one record (the vision) goes straight to its editor. */
        if (form && form->singleton &&
            ws_rows(APP(req)->store, req->arena, req_param(req, "slug"), form->kind, &rows, &n) == 0 && n)
                return resp_redirect(req, 303, arena_printf(req->arena, "/cities/%s/workspace/%s/%s",
                                                            req_param(req, "slug"), form->slug, form->singleton));
        return list_page(req, NULL, 0, req_query_raw(req, "deleted") ? T(req, "The record was deleted.") : NULL);
}

static void history(const Fm *f) {
        json_t *h = json_object_get(f->rec, "minutes_history"), *v;
        size_t i;
        if (!json_array_size(h))
                return;
        html_lit(f->b, "<section aria-labelledby=\"h-hist\"><h2 id=\"h-hist\">");
        html_text(f->b, T(f->req, "Earlier versions of the minutes"));
        html_lit(f->b, "</h2><ol class=\"ws-history\">");
        json_array_foreach(h, i, v) {
                json_t *wrap = json_pack("{s:O}", "minutes", json_object_get(v, "minutes"));
                IapText t = ws_text_of(f->req->arena, wrap, "minutes", f->local);
                html_lit(f->b, "<li><p><strong>");
                html_text(f->b, status_label(f->req, v));
                html_lit(f->b, "</strong></p><p class=\"pre\">");
                ws_web_text(f->req, f->b, &t);
                html_lit(f->b, "</p></li>");
                json_decref(wrap);
        }
        html_lit(f->b, "</ol></section>");
}

/* Final minutes: the record as text, no form. */
static void read_only(const Fm *f) {
        html_lit(f->b, "<dl class=\"kv\">");
        for (size_t i = 0; i < f->form->n_fields; i++) {
                const WsField *fd = &f->form->fields[i];
                bool bi = fd->type == WS_FT_TEXT || fd->type == WS_FT_LONG;
                html_lit(f->b, "<div><dt>");
                html_text(f->b, T(f->req, fd->label));
                html_lit(f->b, "</dt><dd class=\"pre\">");
                if (bi) {
                        IapText t = ws_field_text(f->req->arena, fd, f->rec, f->local);
                        ws_web_text(f->req, f->b, &t);
                } else {
                        html_text(f->b, ws_form_value(f->req->arena, fd, f->rec, f->local,
                                                      fd->type == WS_FT_LINES ? WS_SIDE_LOCAL : WS_SIDE_PLAIN));
                }
                html_lit(f->b, "</dd></div>");
        }
        html_lit(f->b, "</dl>");
}

static void delete_form(const Fm *f, const char *rec_id, int64_t version) {
        html_lit(f->b, "<form method=\"post\" class=\"ws-delete\"");
        html_url(f->b, "action", arena_printf(f->req->arena, "/cities/%s/workspace/%s/%s/delete", f->city->slug,
                                              f->form->slug, rec_id));
        html_lit(f->b, ">");
        web_csrf_field(f->req, f->b);
        html_lit(f->b, "<input type=\"hidden\" name=\"version\"");
        html_attrf(f->b, "value", "%lld", (long long)version);
        html_lit(f->b, "><p>");
        submit(f->b, NULL, NULL, T(f->req, "Delete this record"));
        html_lit(f->b, "</p></form>");
}

/* The city (into *c, which f->city points to), form and record of the
 * route ({slug}, {kind}, {id}) into f and *ret_row. */
static int load_record(HttpRequest *req, City *c, Fm *f, const IapRecordRow **ret_row) {
        IapRecordRow *rows;
        size_t n;
        int r = ws_web_city(req, c, &f->local);
        if (r == 0 && !(f->form = ws_form_by_slug(req_param(req, "kind"))))
                r = -ENOENT;
        if (r == 0)
                r = ws_rows(APP(req)->store, req->arena, f->city->slug, f->form->kind, &rows, &n);
        for (size_t i = 0; r == 0 && i < n; i++)
                if (strcmp(rows[i].rec_id, req_param(req, "id")) == 0)
                        *ret_row = &rows[i];
        if (r == 0 && !*ret_row)
                r = -ENOENT;
        if (r == 0 && !(f->rec = ws_row_doc(*ret_row)))
                r = -EIO;
        return r;
}

/* The editor of one record; error (a msgid) or problems after a refused
 * save, with status. A stale save shows the stored record again. */
static int edit_page(HttpRequest *req, const WsProblem *probs, size_t np, const char *error, int status) {
        City c;
        const IapRecordRow *row = NULL;
        Fm f = { .req = req, .city = &c, .probs = probs, .np = np, .submitted = np > 0 };
        int r = load_record(req, &c, &f, &row);
        if (r < 0)
                return r;
        IapText label = record_label(&f, f.rec, f.form);
        const char *title = arena_printf(req->arena, "%s: %s", T(req, f.form->record),
                                         iap_text_get(&label, req->lang, NULL));
        page_begin(req, title);
        f.b = resp_body(req);
        ws_web_top(req, f.b, &c);
        html_lit(f.b, "<h1>");
        html_textf(f.b, "%s: ", T(req, f.form->record));
        ws_web_text(req, f.b, &label);
        html_lit(f.b, "</h1>");
        if (error)
                form_error(req, f.b, error);
        if (req_query_raw(req, "saved") && !error && !np)
                form_notice(f.b, T(req, "Saved."));
        if (req_query_raw(req, "forgotten") && !error && !np)
                form_notice(f.b, T(req, "The contact person was erased."));
        int contact_err = 0;
        if (f.form->kind == WS_STAKEHOLDER && !f.submitted)
                f.contact = ws_web_contact(req, &c, row->rec_id, &contact_err);
        if (contact_err && !error)
                form_error(req, f.b, N_("The contact person kept for this stakeholder cannot be read (check the key "
                                        "directory). Saving this form with its fields empty would erase it."));
        summary(&f);
        bool final = f.form->kind == WS_MEETING && ws_meeting_final(f.rec);
        if (f.form->kind == WS_MEETING) {
                html_lit(f.b, "<p>");
                html_textf(f.b, "%s: %s", T(req, "Minutes"), status_label(req, f.rec));
                html_lit(f.b, "</p>");
        }
        if (f.form->kind == WS_ACTION)
                ws_web_action_summary(req, f.b, &c, row->rec_id);
        if (final) {
                html_lit(f.b, "<p>");
                html_text(f.b, T(req, "These minutes are final and can no longer be changed."));
                html_lit(f.b, "</p>");
                read_only(&f);
        } else {
                form(&f, row->rec_id, row->version);
        }
        if (f.form->kind == WS_MEETING)
                history(&f);
        if (f.contact || contact_err)
                ws_contact_forget_form(req, f.b, &c, row->rec_id);
        if (!final && !f.form->singleton)
                delete_form(&f, row->rec_id, row->version);
        json_decref(f.contact);
        json_decref(f.rec);
        page_end(req);
        req->resp.status = status;
        return 0;
}

int page_ws_edit(HttpRequest *req) {
        return edit_page(req, NULL, 0, NULL, 200);
}

static const char *const STALE = N_("Someone changed this record meanwhile: nothing was saved. Here it is as it "
                                    "stands now; make your change again.");
static const char *const FINAL = N_("These minutes are final and can no longer be changed.");

static int saved(HttpRequest *req, const City *c, const WsForm *form, const char *id) {
        return resp_redirect(req, 303, arena_printf(req->arena, "/cities/%s/workspace/%s/%s?saved=1", c->slug,
                                                    form->slug, id));
}

/* The city and the form of a record POST ({kind}); -ENOENT for an
 * unknown kind. */
static int post_begin(HttpRequest *req, City *ret_city, const WsForm **ret_form) {
        Lang local;
        *ret_form = ws_form_by_slug(req_param(req, "kind"));
        return *ret_form ? ws_web_city(req, ret_city, &local) : -ENOENT;
}

int post_ws_create(HttpRequest *req) {
        City c;
        WsSaveResult res;
        const WsForm *form;
        int r = post_begin(req, &c, &form);
        if (r == 0)
                r = ws_web_save(req, &c, form, NULL, 0, &res);
        if (r == -EEXIST) /* a record of the same id was added at the same moment */
                res.problems[res.n_problems++] = (WsProblem){ NULL, N_("Someone added a record at the same moment: "
                                                                       "nothing was saved. Please send the form again.") };
        if ((r == -EINVAL || r == -E2BIG) && res.n_problems == 0)
                res.problems[res.n_problems++] = (WsProblem){ NULL, N_("this change would leave the plan inconsistent") };
        if (r == -EINVAL || r == -E2BIG || r == -EEXIST)
                return list_page(req, res.problems, res.n_problems, NULL);
        return r < 0 ? r : saved(req, &c, form, res.rec_id);
}

int post_ws_edit(HttpRequest *req) {
        City c;
        WsSaveResult res;
        const WsForm *form;
        int r = post_begin(req, &c, &form);
        if (r == 0)
                r = ws_web_save(req, &c, form, req_param(req, "id"), req_param_int(req, "version", 0), &res);
        if (r == -EEXIST || r == -EACCES) /* changed meanwhile, or final minutes */
                return edit_page(req, NULL, 0, r == -EEXIST ? STALE : FINAL, 409);
        if (r == -EINVAL && res.n_problems == 0)
                res.problems[res.n_problems++] = (WsProblem){ NULL, N_("this change would leave the plan inconsistent") };
        if (r == -EINVAL)
                return edit_page(req, res.problems, res.n_problems, NULL, 400);
        return r < 0 ? r : saved(req, &c, form, res.rec_id);
}

int post_ws_delete(HttpRequest *req) {
        City c;
        WsSaveResult res;
        const WsForm *form;
        int r = post_begin(req, &c, &form);
        if (r == 0)
                r = ws_delete(APP(req)->store, req->arena, &c, form, req_param(req, "id"),
                              req_param_int(req, "version", 0), &res);
        if (r == -EEXIST || r == -EACCES) /* changed meanwhile, or final minutes */
                return edit_page(req, NULL, 0, r == -EEXIST ? STALE : FINAL, 409);
        if (r == -EINVAL)
                return edit_page(req, NULL, 0, res.n_problems ? res.problems[0].msgid : STALE, 400);
        return r < 0 ? r : resp_redirect(req, 303, arena_printf(req->arena, "/cities/%s/workspace/%s?deleted=1",
                                                                c.slug, form->slug));
}
