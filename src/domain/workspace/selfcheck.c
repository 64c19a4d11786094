/* Integration self-assessment rounds (see selfcheck.h). Each item of a
 * tool is read with ws_form_apply over a form built from the tool's
 * columns, so bilingual answers follow the same rules as every other
 * workspace text. */
#include "domain/workspace/selfcheck.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "domain/iap/date.h"
#include "domain/workspace/rounds.h"

static const char *const tool_keys[WS_SELF_TOOL_MAX] = { "aspects12", "integration_grid" };
static const char *const field_prefix[WS_SELF_TOOL_MAX] = { "a", "g" };

IapToolId ws_self_tool_id(WsSelfTool t) {
        return t == WS_SELF_GRID ? IAP_TOOL_INTEGRATION_GRID : IAP_TOOL_ASPECTS12;
}

const IapAnswers *ws_self_answers(const IapSelfCheck *sc, WsSelfTool t) {
        return t == WS_SELF_GRID ? &sc->grid : &sc->aspects;
}

bool ws_selfcheck_is(json_t *rec) {
        const char *t = json_string_value(json_object_get(rec, "tool"));
        return t && strcmp(t, WS_SELFCHECK_TOOL) == 0;
}

const char *ws_self_field(Arena *a, WsSelfTool t, const char *item, const char *column) {
        return arena_printf(a, "%s_%s_%s", field_prefix[t < WS_SELF_TOOL_MAX ? t : 0], item, column);
}

/* ---- reading the form ---- */

typedef struct Prefixed {
        Arena *a;
        const char *prefix; /* "a_ITEM_" */
        WsGetFn get;
        void *ctx;
} Prefixed;

static const char *prefixed_get(void *ctx, const char *name) {
        Prefixed *p = ctx;
        const char *full = arena_printf(p->a, "%s%s", p->prefix, name);
        return full ? p->get(p->ctx, full) : NULL;
}

/* The form of one item: a field per choice or text column of the tool. */
static int item_form(Arena *a, const IapTool *tool, WsForm *ret) {
        WsField *f = arena_alloc(a, (tool->n_columns ? tool->n_columns : 1) * sizeof *f);
        size_t n = 0;
        if (!f)
                return -ENOMEM;
        for (size_t c = 0; c < tool->n_columns; c++) {
                const IapColumn *col = &tool->columns[c];
                if (col->type == IAP_FIELD_TEXT) {
                        f[n++] = (WsField){ .key = col->id, .type = WS_FT_LONG, .max = WS_SELFCHECK_TEXT_MAX };
                } else if (col->type == IAP_FIELD_CHOICE) {
                        const char **ch = arena_alloc(a, (col->n_options + 2) * sizeof *ch);
                        if (!ch)
                                return -ENOMEM;
                        ch[0] = "";
                        for (size_t o = 0; o < col->n_options; o++)
                                ch[o + 1] = col->options[o].id;
                        ch[col->n_options + 1] = NULL;
                        f[n++] = (WsField){ .key = col->id, .type = WS_FT_CHOICE, .choices = ch,
                                            .choice_labels = ch };
                }
        }
        *ret = (WsForm){ .kind = WS_ROUND, .fields = f, .n_fields = n };
        return 0;
}

static void problem(WsProblem *out, size_t *n, const char *field, const char *msgid) {
        if (*n < WS_PROBLEMS_MAX)
                out[*n] = (WsProblem){ field, msgid };
        (*n)++;
}

/* One tool's answers over base's into a new object (items left empty are
 * left out). */
static int read_tool(Arena *a, const IapTool *tool, WsSelfTool t, Lang local, json_t *base, WsGetFn get, void *ctx,
                     json_t **ret, WsProblem *out, size_t *n) {
        WsForm form;
        int r = item_form(a, tool, &form);
        json_t *obj = json_object();
        if (r == 0 && !obj)
                r = -ENOMEM;
        for (size_t s = 0; r == 0 && s < tool->n_sections; s++)
                for (size_t i = 0; r == 0 && i < tool->sections[s].n_items; i++) {
                        const char *id = tool->sections[s].items[i].id;
                        Prefixed pc = { a, arena_printf(a, "%s_%s_", field_prefix[t], id), get, ctx };
                        json_t *old = json_object_get(base, id);
                        json_t *item = json_is_object(old) ? json_deep_copy(old) : json_object();
                        WsProblem probs[WS_PROBLEMS_MAX];
                        size_t np = 0;
                        if (!item || !pc.prefix) {
                                json_decref(item);
                                r = -ENOMEM;
                                break;
                        }
                        r = ws_form_apply(a, &form, item, local, prefixed_get, &pc, probs, &np);
                        for (size_t k = 0; k < np && k < WS_PROBLEMS_MAX; k++)
                                problem(out, n, arena_printf(a, "%s%s", pc.prefix, probs[k].field), probs[k].msgid);
                        if (r == -EINVAL)
                                r = 0; /* the problems say why */
                        if (r == 0 && json_object_size(item))
                                r = json_object_set_new(obj, id, item) == 0 ? 0 : -ENOMEM;
                        else
                                json_decref(item);
                }
        if (r < 0) {
                json_decref(obj);
                return r;
        }
        *ret = obj;
        return 0;
}

int ws_selfcheck_read(Arena *a, const IapTool *const tools[WS_SELF_TOOL_MAX], Lang local, json_t *base, WsGetFn get,
                      void *ctx, json_t **ret_doc, WsProblem *out, size_t *ret_n) {
        size_t n = 0, answered = 0;
        const char *date = get(ctx, "date");
        if (!date || !iap_date_valid(date))
                problem(out, &n, "date", N_("date must be YYYY-MM-DD"));
        json_t *doc = json_pack("{s:s, s:s, s:{}}", "tool", WS_SELFCHECK_TOOL, "date",
                                date && iap_date_valid(date) ? date : "", "versions");
        int r = doc ? 0 : -ENOMEM;
        for (int t = 0; r == 0 && t < WS_SELF_TOOL_MAX; t++) {
                json_t *obj;
                if (!tools[t])
                        continue;
                r = read_tool(a, tools[t], (WsSelfTool)t, local, json_object_get(base, tool_keys[t]), get, ctx, &obj,
                              out, &n);
                if (r < 0)
                        break;
                answered += json_object_size(obj);
                json_object_set_new(doc, tool_keys[t], obj);
                json_object_set_new(json_object_get(doc, "versions"), tool_keys[t], json_integer(tools[t]->version));
        }
        if (r == 0 && n == 0 && answered == 0)
                problem(out, &n, NULL, N_("answer at least one aspect or one type of integration"));
        *ret_n = n;
        if (r < 0 || n) {
                json_decref(doc);
                return r < 0 ? r : -EINVAL;
        }
        *ret_doc = doc;
        return 0;
}

/* ---- decoding ---- */

static IapText text_copy(Arena *a, json_t *item, const char *key, Lang local) {
        IapText t = ws_text_of(a, item, key, local);
        t.en = t.en ? arena_strdup(a, t.en) : NULL;
        t.local = t.local ? arena_strdup(a, t.local) : NULL;
        return t;
}

static int decode_row(Arena *a, const char *id, json_t *item, Lang local, IapAnswerRow *ret) {
        size_t nc = json_object_size(item), c = 0;
        const char *k;
        json_t *v;
        if (!json_is_object(item) || nc > IAP_ANSWER_COLUMNS_MAX)
                return -EINVAL;
        IapCell *cells = arena_alloc(a, (nc ? nc : 1) * sizeof *cells);
        if (!cells)
                return -ENOMEM;
        json_object_foreach(item, k, v) {
                cells[c] = (IapCell){ .column = arena_strdup(a, k) };
                if (json_is_string(v))
                        cells[c].choice = arena_strdup(a, json_string_value(v));
                else if (json_is_object(v))
                        cells[c].text = text_copy(a, item, k, local);
                else
                        return -EINVAL;
                c++;
        }
        *ret = (IapAnswerRow){ .item = arena_strdup(a, id), .cells = cells, .n_cells = c };
        return 0;
}

static int decode_answers(Arena *a, json_t *obj, int version, Lang local, IapAnswers *ret) {
        size_t n = json_object_size(obj), i = 0;
        const char *k;
        json_t *v;
        if (obj && !json_is_object(obj))
                return -EINVAL;
        IapAnswerRow *rows = arena_alloc(a, (n ? n : 1) * sizeof *rows);
        if (!rows)
                return -ENOMEM;
        json_object_foreach(obj, k, v) {
                int r = decode_row(a, k, v, local, &rows[i]);
                if (r < 0)
                        return r;
                i++;
        }
        *ret = (IapAnswers){ .version = version, .rows = rows, .n_rows = i };
        return 0;
}

int ws_selfcheck_decode(Arena *a, json_t *rec, Lang local, WsSelfCheck *ret) {
        const char *date = json_string_value(json_object_get(rec, "date"));
        json_t *ver = json_object_get(rec, "versions");
        if (!ws_selfcheck_is(rec) || !date || !iap_date_valid(date))
                return -EINVAL;
        WsSelfCheck w = { .id = arena_strdup(a, json_string_value(json_object_get(rec, "id"))),
                          .sc = { .date = arena_strdup(a, date) } };
        int r = decode_answers(a, json_object_get(rec, tool_keys[0]),
                               (int)json_integer_value(json_object_get(ver, tool_keys[0])), local, &w.sc.aspects);
        if (r == 0)
                r = decode_answers(a, json_object_get(rec, tool_keys[1]),
                                   (int)json_integer_value(json_object_get(ver, tool_keys[1])), local, &w.sc.grid);
        if (r == 0 && !w.sc.date)
                r = -ENOMEM;
        if (r == 0)
                *ret = w;
        return r;
}

int ws_selfcheck_plan_add(Arena *a, IapPlan *p, json_t *rec) {
        WsSelfCheck *w = arena_alloc(a, sizeof *w);
        if (!w)
                return -ENOMEM;
        int r = ws_selfcheck_decode(a, rec, p->lang, w);
        if (r < 0)
                return r;
        if (!p->selfcheck || strcmp(w->sc.date, p->selfcheck->date) >= 0)
                p->selfcheck = &w->sc;
        return 0;
}

/* ---- the stored rounds ---- */

/* A city's stored self-assessment rounds: their documents (references the
 * caller drops with docs_free) by date, stable; *ret_next_pos gets the
 * position after every round record (rubric rounds included). */
typedef struct Stored {
        json_t **docs;
        const char **ids;
        size_t n;
        int64_t next_pos;
} Stored;

static void stored_free(Stored *st) {
        for (size_t i = 0; i < st->n; i++)
                json_decref(st->docs[i]);
        st->n = 0;
}

static const char *doc_date(json_t *d) {
        const char *s = json_string_value(json_object_get(d, "date"));
        return s ? s : "";
}

static int stored_load(Store *s, Arena *a, const City *city, Stored *ret) {
        IapRecordRow *rows;
        size_t n;
        int r = ws_rows(s, a, city->slug, WS_ROUND, &rows, &n);
        if (r < 0)
                return r;
        Stored st = { .docs = arena_alloc(a, (n ? n : 1) * sizeof(json_t *)),
                      .ids = arena_alloc(a, (n ? n : 1) * sizeof(char *)) };
        if (!st.docs || !st.ids)
                return -ENOMEM;
        for (size_t i = 0; i < n; i++) {
                if (rows[i].position >= st.next_pos)
                        st.next_pos = rows[i].position + 1;
                json_t *d = ws_row_doc(&rows[i]);
                if (!ws_selfcheck_is(d)) {
                        json_decref(d);
                        continue;
                }
                size_t k = st.n++; /* insertion by date keeps the saved order of one date */
                while (k > 0 && strcmp(doc_date(st.docs[k - 1]), doc_date(d)) > 0) {
                        st.docs[k] = st.docs[k - 1];
                        st.ids[k] = st.ids[k - 1];
                        k--;
                }
                st.docs[k] = d;
                st.ids[k] = rows[i].rec_id;
        }
        *ret = st;
        return 0;
}

int ws_selfchecks_load(Store *s, Arena *a, const City *city, WsSelfCheck **ret, size_t *ret_n) {
        Stored st;
        Lang local = LANG_EN;
        (void)lang_parse(city->lang, &local);
        int r = stored_load(s, a, city, &st);
        if (r < 0)
                return r;
        WsSelfCheck *w = arena_alloc(a, (st.n ? st.n : 1) * sizeof *w);
        if (!w)
                r = -ENOMEM;
        for (size_t i = 0; r == 0 && i < st.n; i++)
                r = ws_selfcheck_decode(a, st.docs[i], local, &w[i]);
        size_t n = st.n;
        stored_free(&st);
        if (r < 0)
                return r;
        *ret = w;
        *ret_n = n;
        return 0;
}

int ws_selfcheck_latest(Store *s, Arena *a, const City *city, json_t **ret, const char **ret_id) {
        Stored st;
        int r = stored_load(s, a, city, &st);
        if (r < 0)
                return r;
        *ret = st.n ? json_incref(st.docs[st.n - 1]) : NULL;
        *ret_id = st.n ? st.ids[st.n - 1] : NULL;
        stored_free(&st);
        return 0;
}

/* The stored round with the same date and answers as doc; NULL when none. */
static const char *same_round(const Stored *st, json_t *doc) {
        for (size_t i = 0; i < st->n; i++) {
                json_t *c = json_copy(st->docs[i]);
                if (c)
                        json_object_del(c, "id");
                bool eq = c && json_equal(c, doc);
                json_decref(c);
                if (eq)
                        return st->ids[i];
        }
        return NULL;
}

static json_t *doc_by_id(const Stored *st, const char *id) {
        for (size_t i = 0; id && i < st->n; i++)
                if (strcmp(st->ids[i], id) == 0)
                        return st->docs[i];
        return NULL;
}

static int save_doc(Store *s, Arena *a, const City *city, const Stored *st, json_t *doc, const char *base,
                    WsSaveResult *ret) {
        const char *dup = same_round(st, doc), *latest = st->n ? st->ids[st->n - 1] : "";
        if (dup) { /* the same round submitted again */
                ret->rec_id = dup;
                return 0;
        }
        if (strcmp(base ? base : "", latest) != 0)
                return -EEXIST;
        if (st->n >= WS_SELFCHECK_ROUNDS_MAX) {
                ret->problems[0] = (WsProblem){ NULL, N_("this city has reached the most records of this kind") };
                ret->n_problems = 1;
                return -E2BIG;
        }
        return ws_round_insert(s, a, city, doc, "integration", st->next_pos, &ret->rec_id);
}

int ws_selfcheck_save(Store *s, Arena *a, const City *city, const IapTool *const tools[WS_SELF_TOOL_MAX], WsGetFn get,
                      void *ctx, WsSaveResult *ret) {
        Stored st;
        json_t *doc;
        *ret = (WsSaveResult){ 0 };
        Lang local = LANG_EN;
        (void)lang_parse(city->lang, &local);
        int r = stored_load(s, a, city, &st);
        if (r < 0)
                return r;
        const char *base = get(ctx, "base");
        r = ws_selfcheck_read(a, tools, local, doc_by_id(&st, base), get, ctx, &doc, ret->problems,
                              &ret->n_problems);
        if (r == 0) {
                r = save_doc(s, a, city, &st, doc, base, ret);
                json_decref(doc);
        }
        stored_free(&st);
        return r;
}
