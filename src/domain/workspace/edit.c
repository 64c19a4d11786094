/* Submitted form values onto a record's JSON: limits, bilingual text with
 * source and stale mark, numbers, references, periods and the minutes'
 * states. The whole-plan checks (links exist, no cycles) are ws_save's. */
#include "domain/workspace/edit.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "domain/iap/date.h"

typedef struct Ap {
        Arena *a;
        Lang local;
        WsGetFn get;
        void *ctx;
        WsProblem *out;
        size_t n;
} Ap;

static void problem(Ap *p, const char *field, const char *msgid) {
        if (p->n < WS_PROBLEMS_MAX)
                p->out[p->n] = (WsProblem){ field, msgid };
        p->n++;
}

const char *ws_name_local(Arena *a, const char *key) { return arena_printf(a, "%s_local", key); }
const char *ws_name_en(Arena *a, const char *key) { return arena_printf(a, "%s_en", key); }

/* Checks one submitted text: valid UTF-8, within max bytes, no control
 * characters except newlines and tabs in multi-line fields. Returns the
 * text with CR LF made LF (arena), "" for absent, NULL when refused. */
static const char *clean(Ap *p, const char *field, const char *s, int64_t max, bool multi) {
        if (!s)
                return "";
        size_t n = strlen(s);
        if (!utf8_valid(s, n)) {
                problem(p, field, N_("text is not valid UTF-8"));
                return NULL;
        }
        char *o = arena_alloc(p->a, n + 1), *w = o;
        if (!o)
                return NULL;
        for (const char *r = s; *r; r++) {
                unsigned char c = (unsigned char)*r;
                if (c == '\r' && r[1] == '\n')
                        continue;
                if ((c < 0x20 && !(multi && (c == '\n' || c == '\t'))) || c == 0x7f) {
                        problem(p, field, multi ? N_("text contains control characters")
                                                : N_("text must be on one line"));
                        return NULL;
                }
                *w++ = (char)c;
        }
        *w = '\0';
        while (w > o && (w[-1] == ' ' || w[-1] == '\n' || w[-1] == '\t'))
                *--w = '\0'; /* trailing blanks are not content */
        if ((int64_t)(w - o) > max) {
                problem(p, field, N_("text is too long"));
                return NULL;
        }
        return o;
}

static IapText text_from(Arena *a, json_t *v, Lang local) {
        IapText t = { .local_lang = local, .source = local };
        if (json_is_string(v)) {
                t.en = arena_strdup(a, json_string_value(v));
                t.source = LANG_EN;
        } else if (json_is_object(v)) {
                t.en = json_string_value(json_object_get(v, "en"));
                t.local = json_string_value(json_object_get(v, "local"));
                const char *src = json_string_value(json_object_get(v, "source"));
                t.source = src && strcmp(src, "en") == 0 ? LANG_EN : local;
                t.stale = json_is_true(json_object_get(v, "stale"));
        }
        return t;
}

IapText ws_text_of(Arena *a, json_t *rec, const char *key, Lang local) {
        return text_from(a, json_object_get(rec, key), local);
}

static json_t *text_json(const IapText *t) {
        bool en_src = t->source == LANG_EN;
        return json_pack("{s:s, s:s, s:s, s:b}", "en", t->en ? t->en : "", "local", t->local ? t->local : "",
                         "source", en_src ? "en" : "local", "stale", t->stale);
}

static bool same(const char *x, const char *y) { return strcmp(x ? x : "", y ? y : "") == 0; }

/* The new value of a bilingual field: sides written source first, so that
 * a changed source marks an unchanged other side stale. */
static int bilingual(Ap *p, json_t *obj, const char *key, const char *field, int64_t max, bool multi, bool required) {
        IapText t = ws_text_of(p->a, obj, key, p->local);
        const char *loc = clean(p, field, p->get(p->ctx, ws_name_local(p->a, field)), max, multi);
        const char *en = clean(p, field, p->get(p->ctx, ws_name_en(p->a, field)), max, multi);
        if (!loc || !en)
                return 0;
        if (p->local == LANG_EN)
                loc = en;
        bool ch_loc = !same(t.local, loc), ch_en = !same(t.en, en);
        if (!*loc && !*en) {
                if (required)
                        problem(p, field, N_("required field is missing"));
                return json_object_del(obj, key), 0;
        }
        Lang first = t.source == LANG_EN ? LANG_EN : p->local;
        if (iap_text_empty(&t))
                first = *loc ? p->local : LANG_EN;
        Lang second = first == LANG_EN ? p->local : LANG_EN;
        const char *v1 = first == LANG_EN ? en : loc, *v2 = first == LANG_EN ? loc : en;
        bool ch1 = first == LANG_EN ? ch_en : ch_loc, ch2 = first == LANG_EN ? ch_loc : ch_en;
        int r = 0;
        if (ch1 || iap_text_empty(&t))
                r = iap_text_set(p->a, &t, first, v1);
        if (r == 0 && ch2 && p->local != LANG_EN)
                r = iap_text_set(p->a, &t, second, v2);
        if (r < 0)
                return r == -ENOMEM ? r : (problem(p, field, N_("text is not valid")), 0);
        if (!*(first == LANG_EN ? en : loc) && *(first == LANG_EN ? loc : en)) {
                t.source = second; /* the source was emptied: the other side now stands alone */
                t.stale = false;
        }
        json_t *j = text_json(&t);
        return j && json_object_set_new(obj, key, j) == 0 ? 0 : -ENOMEM;
}

/* Where field f is written: "riskN_x" in the N-th object of rec's
 * "risks", a field with an obj in that object of rec (both made on
 * demand), else rec itself; *ret_key is the JSON key. */
static json_t *target(json_t *rec, const WsField *f, const char **ret_key) {
        const char *field = f->key;
        int n = 0, used = 0;
        if (f->obj) {
                json_t *o = json_object_get(rec, f->obj);
                if (!json_is_object(o)) {
                        o = json_object();
                        json_object_set_new(rec, f->obj, o);
                }
                *ret_key = field;
                return o;
        }
        if (sscanf(field, "risk%d_%n", &n, &used) != 1 || used == 0 || n < 1 || n > WS_RISKS_MAX) {
                *ret_key = field;
                return rec;
        }
        json_t *arr = json_object_get(rec, "risks");
        if (!json_is_array(arr)) {
                arr = json_array();
                json_object_set_new(rec, "risks", arr);
        }
        while (arr && json_array_size(arr) < (size_t)n)
                json_array_append_new(arr, json_object());
        *ret_key = field + used;
        return json_array_get(arr, (size_t)n - 1);
}

static int number(Ap *p, json_t *obj, const char *key, const WsField *f, const char *s) {
        if (!s || !*s) {
                if (f->required)
                        problem(p, f->key, N_("required field is missing"));
                return json_object_del(obj, key), 0;
        }
        char *end;
        errno = 0;
        long long v = strtoll(s, &end, 10);
        if (errno || *end || end == s || v < 0 || v > f->max) {
                problem(p, f->key, N_("enter a whole number in the allowed range"));
                return 0;
        }
        return json_object_set_new(obj, key, json_integer(v));
}

static int money(Ap *p, json_t *obj, const WsField *f, const char *s) {
        if (!s || !*s)
                return json_object_del(obj, "budget_cents"), 0;
        long long euros = 0, cents = 0;
        int n1 = 0, n2 = 0;
        char c2[3] = "";
        size_t len = strlen(s);
        bool ok = sscanf(s, "%lld%n", &euros, &n1) == 1 && euros >= 0 && euros <= f->max && s[0] != '+' && s[0] != ' ';
        if (ok && (size_t)n1 < len)
                ok = sscanf(s + n1, ".%2[0-9]%n", c2, &n2) == 1 && (size_t)(n1 + n2) == len;
        if (!ok) {
                problem(p, f->key, N_("enter an amount in euro, e.g. 12000 or 12000.50"));
                return 0;
        }
        cents = c2[0] ? (c2[0] - '0') * 10 + (c2[1] ? c2[1] - '0' : 0) : 0;
        return json_object_set_new(obj, "budget_cents", json_integer(euros * 100 + cents));
}

/* "47" or "47.5" (per cent, at most one decimal) into permille. */
static int percent(Ap *p, json_t *obj, const char *key, const WsField *f, const char *s) {
        if (!*s)
                return json_object_del(obj, key), 0;
        unsigned whole = 0, tenth = 0;
        int n1 = 0, n2 = 0;
        size_t len = strlen(s);
        bool ok = s[0] >= '0' && s[0] <= '9' && len <= 5 && sscanf(s, "%3u%n", &whole, &n1) == 1;
        if (ok && (size_t)n1 < len)
                ok = s[n1] == '.' && s[n1 + 1] >= '0' && s[n1 + 1] <= '9' && sscanf(s + n1 + 1, "%1u%n", &tenth, &n2) == 1 &&
                     (size_t)(n1 + 1 + n2) == len;
        if (!ok || whole * 10 + tenth > (unsigned)f->max) {
                problem(p, f->key, N_("enter a percentage from 0 to 100"));
                return 0;
        }
        return json_object_set_new(obj, key, json_integer((json_int_t)(whole * 10 + tenth)));
}

static int choice(Ap *p, json_t *obj, const WsField *f, const char *s) {
        const char *kept = json_string_value(json_object_get(obj, f->key));
        if (kept && same(s, kept))
                return 0; /* a value from elsewhere (e.g. a demo plan's metric) stays as it is */
        for (size_t i = 0; f->choices[i]; i++)
                if (same(s, f->choices[i]))
                        return *f->choices[i] ? json_object_set_new(obj, f->key, json_string(s))
                                              : (json_object_del(obj, f->key), 0);
        problem(p, f->key, f->required && (!s || !*s) ? N_("required field is missing") : N_("unknown value"));
        return 0;
}

/* Decisions: one bilingual text per line; line i keeps item i's source
 * and stale mark. */
static int lines(Ap *p, json_t *obj, const WsField *f) {
        const char *loc = clean(p, f->key, p->get(p->ctx, ws_name_local(p->a, f->key)), f->max, true);
        const char *en = clean(p, f->key, p->get(p->ctx, ws_name_en(p->a, f->key)), f->max, true);
        if (!loc || !en)
                return 0;
        if (p->local == LANG_EN) {
                loc = en;
                en = "";
        }
        json_t *old = json_object_get(obj, f->key), *arr = json_array();
        for (size_t i = 0; arr && (*loc || *en); i++) {
                if (i >= WS_DECISIONS_MAX) {
                        json_decref(arr);
                        problem(p, f->key, N_("list is too long"));
                        return 0;
                }
                size_t nl = strcspn(loc, "\n"), ne = strcspn(en, "\n");
                const char *vl = arena_strndup(p->a, loc, nl), *ve = arena_strndup(p->a, en, ne);
                IapText t = text_from(p->a, json_array_get(old, i), p->local);
                if (!vl || !ve)
                        return json_decref(arr), -ENOMEM;
                Lang first = iap_text_empty(&t) ? (*vl ? p->local : LANG_EN) : t.source;
                const char *v1 = first == LANG_EN ? ve : vl, *v2 = first == LANG_EN ? vl : ve;
                if (!same(first == LANG_EN ? t.en : t.local, v1) || iap_text_empty(&t))
                        (void)iap_text_set(p->a, &t, first, v1);
                if (p->local != LANG_EN && !same(first == LANG_EN ? t.local : t.en, v2))
                        (void)iap_text_set(p->a, &t, first == LANG_EN ? p->local : LANG_EN, v2);
                json_array_append_new(arr, text_json(&t));
                loc += nl + (loc[nl] == '\n');
                en += ne + (en[ne] == '\n');
        }
        return arr ? json_object_set_new(obj, f->key, arr) : -ENOMEM;
}

static int one_field(Ap *p, json_t *rec, const WsField *f) {
        const char *key;
        json_t *obj = target(rec, f, &key);
        if (!obj)
                return -ENOMEM;
        const char *s = f->type == WS_FT_TEXT || f->type == WS_FT_LONG || f->type == WS_FT_LINES
                                ? NULL
                                : clean(p, f->key, p->get(p->ctx, f->key), f->type == WS_FT_STRING ? f->max
                                        : f->type == WS_FT_PERIODS ? f->max : WS_TITLE_MAX, false);
        switch (f->type) {
        case WS_FT_TEXT: return bilingual(p, obj, key, f->key, f->max, false, f->required);
        case WS_FT_LONG: return bilingual(p, obj, key, f->key, f->max, true, f->required);
        case WS_FT_LINES: return lines(p, rec, f);
        case WS_FT_INT: return s ? number(p, obj, key, f, s) : 0;
        case WS_FT_MONEY: return s ? money(p, obj, f, s) : 0;
        case WS_FT_PERCENT: return s ? percent(p, obj, key, f, s) : 0;
        case WS_FT_CHOICE: return s ? choice(p, obj, f, s) : 0;
        default: break;
        }
        if (!s)
                return 0;
        if (!*s) {
                if (f->required)
                        problem(p, f->key, N_("required field is missing"));
                return json_object_del(obj, key), 0;
        }
        if (f->type == WS_FT_DATE && !iap_date_valid(s)) {
                problem(p, f->key, N_("date must be YYYY-MM-DD"));
                return 0;
        }
        if (f->type == WS_FT_PERIODS) {
                json_t *per;
                const char *msgid;
                int r = ws_periods_parse(s, &per, &msgid);
                if (r < 0)
                        return problem(p, f->key, msgid), 0;
                return json_object_set_new(obj, key, per);
        }
        return json_object_set_new(obj, key, json_string(s));
}

/* Risks: a described risk needs its likelihood and impact; an empty row
 * is dropped. */
static void risks_tidy(Ap *p, json_t *rec) {
        json_t *arr = json_object_get(rec, "risks");
        for (size_t i = json_array_size(arr); i-- > 0;) {
                json_t *r = json_array_get(arr, i);
                bool described = json_object_get(r, "description") != NULL;
                bool rated = json_object_get(r, "likelihood") && json_object_get(r, "impact");
                if (!described && !json_object_get(r, "likelihood") && !json_object_get(r, "impact") &&
                    !json_object_get(r, "mitigation"))
                        json_array_remove(arr, i);
                else if (!described || !rated)
                        problem(p, i == 0 ? "risk1_description" : "risk2_description",
                                N_("a risk needs a description, a likelihood and an impact (1–5)"));
                else if (json_integer_value(json_object_get(r, "likelihood")) < 1 ||
                         json_integer_value(json_object_get(r, "impact")) < 1)
                        problem(p, i == 0 ? "risk1_likelihood" : "risk2_likelihood", N_("must be from 1 to 5"));
        }
}

/* A weight counts from 1 (0 would drop the record from its roll-up). */
static void weight_rule(Ap *p, json_t *rec) {
        json_t *w = json_object_get(rec, "weight");
        if (w && json_integer_value(w) < 1)
                problem(p, "weight", N_("weight must be from 1 to 1000"));
}

/* An action sits under an objective or under a parent action, exactly one
 * of the two, and never under itself (cycles through other actions are
 * ws_save's, which sees them all). */
static void action_rules(Ap *p, json_t *rec) {
        const char *id = json_string_value(json_object_get(rec, "id"));
        const char *parent = json_string_value(json_object_get(rec, "parent"));
        bool objective = json_object_get(rec, "objective") != NULL;
        if (parent && objective)
                problem(p, "parent", N_("a sub-action belongs to its parent action, not to an objective: leave one "
                                        "of the two empty"));
        else if (!parent && !objective)
                problem(p, "objective", N_("choose the objective of this action, or the action it is a sub-action "
                                           "of"));
        if (parent && id && strcmp(parent, id) == 0)
                problem(p, "parent", N_("an action cannot be a sub-action of itself"));
        weight_rule(p, rec);
        risks_tidy(p, rec);
}

/* Per-kind rules beyond single fields. */
static void kind_rules(Ap *p, const WsForm *form, json_t *rec) {
        if (form == ws_milestone_form()) {
                weight_rule(p, rec);
                return;
        }
        if (form->kind == WS_PROBLEM) {
                bool core = same(json_string_value(json_object_get(rec, "kind")), "problem");
                bool has_parent = json_object_get(rec, "parent") != NULL;
                if (core && has_parent)
                        problem(p, "parent", N_("a problem does not belong to another problem"));
                else if (!core && !has_parent && json_object_get(rec, "kind"))
                        problem(p, "parent", N_("a cause or an effect must belong to a problem"));
        } else if (form->kind == WS_INDICATOR) {
                if (!json_object_get(rec, "objective") && !json_object_get(rec, "action"))
                        problem(p, "objective", N_("choose the objective or the action this indicator measures"));
        } else if (form->kind == WS_ACTION) {
                action_rules(p, rec);
        }
}

bool ws_meeting_final(json_t *rec) {
        return same(json_string_value(json_object_get(rec, "minutes_status")), "final");
}

static const char *const minutes_names[IAP_MINUTES_STATUS_MAX] = { "draft", "amended", "final" };

/* The minutes move as the officer asks ("minutes_action"): staying a draft,
 * amended (again) or made final, by iap_minutes_transition's rules (the
 * officer is the local group's coordinator). Amending keeps the text it
 * replaces, with its state, in "minutes_history". */
static int minutes(Ap *p, json_t *rec, json_t *before) {
        const char *want = p->get(p->ctx, "minutes_action");
        IapMeeting m = { .minutes_status = IAP_MINUTES_DRAFT };
        for (int i = 0; i < IAP_MINUTES_STATUS_MAX; i++)
                if (same(json_string_value(json_object_get(before, "minutes_status")), minutes_names[i]))
                        m.minutes_status = (IapMinutesStatus)i;
        IapMinutesStatus from = m.minutes_status, to = from;
        for (int i = 0; want && *want && i < IAP_MINUTES_STATUS_MAX; i++)
                if (strcmp(want, minutes_names[i]) == 0)
                        to = (IapMinutesStatus)i;
        if (want && *want && same(minutes_names[to], want) == false)
                return problem(p, "minutes", N_("unknown value")), 0;
        if (to != from && iap_minutes_transition(&m, to, IAP_ROLE_COORDINATOR) < 0)
                return problem(p, "minutes", N_("the minutes cannot move to that state")), 0;
        if (to == from && from != IAP_MINUTES_DRAFT && to != IAP_MINUTES_AMENDED)
                return problem(p, "minutes", N_("the minutes cannot move to that state")), 0;
        json_t *old = json_object_get(before, "minutes");
        json_t *now = json_object_get(rec, "minutes");
        if (to == IAP_MINUTES_AMENDED && old && !json_equal(old, now)) {
                json_t *h = json_object_get(rec, "minutes_history");
                if (!json_is_array(h)) {
                        h = json_array();
                        json_object_set_new(rec, "minutes_history", h);
                }
                if (json_array_size(h) >= WS_HISTORY_MAX)
                        json_array_remove(h, 0); /* the oldest goes first */
                json_array_append_new(h, json_pack("{s:s, s:O}", "status", minutes_names[from], "minutes", old));
        }
        json_object_set_new(rec, "minutes_status", json_string(minutes_names[to]));
        if (!json_object_get(rec, "kind"))
                json_object_set_new(rec, "kind", json_string("ulg"));
        return 0;
}

int ws_form_apply(Arena *a, const WsForm *form, json_t *rec, Lang local, WsGetFn get, void *ctx, WsProblem *out,
                  size_t *ret_n) {
        if (!form || !json_is_object(rec) || !get)
                return -EINVAL;
        if (form->kind == WS_MEETING && ws_meeting_final(rec))
                return -EACCES;
        Ap p = { .a = a, .local = local, .get = get, .ctx = ctx, .out = out };
        json_t *before = json_deep_copy(rec);
        int r = before ? 0 : -ENOMEM;
        for (size_t i = 0; r == 0 && i < form->n_fields; i++)
                r = one_field(&p, rec, &form->fields[i]);
        if (r == 0)
                kind_rules(&p, form, rec);
        if (r == 0 && form->kind == WS_MEETING && p.n == 0)
                r = minutes(&p, rec, before);
        json_decref(before);
        *ret_n = p.n;
        return r < 0 ? r : p.n ? -EINVAL : 0;
}

/* One "period: value" item (n bytes, trimmed of leading blanks) into o;
 * 0 or a negative errno with *msgid. */
static int period_item(json_t *o, const char *item, size_t n, const char **msgid) {
        char period[16], *end;
        const char *colon = memchr(item, ':', n);
        size_t pl = colon ? (size_t)(colon - item) : 0;
        while (pl && item[pl - 1] == ' ')
                pl--;
        if (!colon || pl == 0 || pl >= sizeof(period))
                return *msgid = N_("write each value as period: value, e.g. 2025: 10"), -EINVAL;
        memcpy(period, item, pl);
        period[pl] = '\0';
        errno = 0;
        long long v = strtoll(colon + 1, &end, 10);
        while (end < item + n && *end == ' ')
                end++;
        if (!iap_period_valid(period))
                return *msgid = N_("period must be YYYY, YYYYQn or YYYY-MM"), -EINVAL;
        if (errno || end != item + n || end == colon + 1 || v < 0 || v > WS_VALUE_MAX)
                return *msgid = N_("enter a whole number in the allowed range"), -EINVAL;
        if (json_object_get(o, period))
                return *msgid = N_("period given twice"), -EINVAL;
        if (json_object_size(o) >= IAP_PERIODS_MAX)
                return *msgid = N_("list is too long"), -E2BIG;
        return json_object_set_new(o, period, json_integer(v)) == 0 ? 0 : -ENOMEM;
}

int ws_periods_parse(const char *s, json_t **ret, const char **ret_msgid) {
        json_t *o = json_object();
        const char *msgid = NULL;
        int r = o ? 0 : -ENOMEM;
        while (r == 0 && s && *s) {
                size_t n = strcspn(s, ",");
                const char *item = s;
                s += n + (s[n] == ',');
                while (n && (*item == ' ' || *item == '\t'))
                        item++, n--;
                if (n)
                        r = period_item(o, item, n, &msgid);
        }
        if (r < 0) {
                json_decref(o);
                if (ret_msgid)
                        *ret_msgid = msgid;
                return r;
        }
        *ret = o;
        return 0;
}

const char *ws_periods_text(Arena *a, json_t *obj) {
        const char *out = "", *k;
        json_t *v;
        json_object_foreach(obj, k, v) {
                out = arena_printf(a, "%s%s%s: %lld", out, *out ? ", " : "", k, (long long)json_integer_value(v));
                if (!out)
                        return "";
        }
        return out;
}

/* The JSON object and key a field is stored under (risks live in an
 * array); NULL when absent. Does not create anything. */
static json_t *stored(json_t *rec, const WsField *f, const char **ret_key) {
        const char *field = f->key;
        int n = 0, used = 0;
        *ret_key = field;
        if (f->obj)
                return json_object_get(rec, f->obj);
        if (sscanf(field, "risk%d_%n", &n, &used) != 1 || used == 0)
                return rec;
        *ret_key = field + used;
        return n >= 1 ? json_array_get(json_object_get(rec, "risks"), (size_t)n - 1) : NULL;
}

IapText ws_field_text(Arena *a, const WsField *f, json_t *rec, Lang local) {
        const char *key;
        json_t *obj = stored(rec, f, &key);
        return text_from(a, json_object_get(obj, key), local);
}

static const char *joined(Arena *a, json_t *arr, Lang local, bool en) {
        const char *out = "";
        size_t i;
        json_t *v;
        json_array_foreach(arr, i, v) {
                IapText t = text_from(a, v, local);
                const char *s = en ? t.en : t.local;
                out = arena_printf(a, "%s%s%s", out, i ? "\n" : "", s ? s : "");
                if (!out)
                        return "";
        }
        return out;
}

const char *ws_form_value(Arena *a, const WsField *f, json_t *rec, Lang local, WsSide side) {
        const char *key;
        json_t *obj = stored(rec, f, &key);
        json_t *v = json_object_get(obj, f->type == WS_FT_MONEY ? "budget_cents" : key);
        switch (f->type) {
        case WS_FT_TEXT:
        case WS_FT_LONG: {
                IapText t = text_from(a, v, local);
                const char *s = side == WS_SIDE_EN || local == LANG_EN ? t.en : t.local;
                return s ? s : "";
        }
        case WS_FT_LINES: return joined(a, v, local, side == WS_SIDE_EN || local == LANG_EN);
        case WS_FT_INT: return json_is_integer(v) ? arena_printf(a, "%lld", (long long)json_integer_value(v)) : "";
        case WS_FT_MONEY: {
                long long c = json_integer_value(v);
                if (!json_is_integer(v))
                        return "";
                return c % 100 ? arena_printf(a, "%lld.%02lld", c / 100, c % 100) : arena_printf(a, "%lld", c / 100);
        }
        case WS_FT_PERIODS: return ws_periods_text(a, v);
        case WS_FT_PERCENT: {
                long long pm = json_integer_value(v);
                if (!json_is_integer(v))
                        return "";
                return pm % 10 ? arena_printf(a, "%lld.%lld", pm / 10, pm % 10) : arena_printf(a, "%lld", pm / 10);
        }
        default: return json_is_string(v) ? json_string_value(v) : "";
        }
}
