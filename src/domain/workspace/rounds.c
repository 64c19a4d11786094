/* Rubric rounds as records: {"id", "date", "tool_version", "scores":
 * [{"indicator", "score", "evidence": bilingual}], "poll": {"question":
 * [7, 8]}}. */
#include "domain/workspace/rounds.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "domain/iap/date.h"
#include "domain/workspace/selfcheck.h"

static void problem(WsProblem *out, size_t *n, const char *field, const char *msgid) {
        if (*n < WS_PROBLEMS_MAX)
                out[*n] = (WsProblem){ field, msgid };
        (*n)++;
}

int ws_poll_parse(Arena *a, const char *s, int lo, int hi, int **ret, size_t *ret_n, const char **ret_msgid) {
        int *v = arena_alloc(a, WS_POLL_ANSWERS_MAX * sizeof *v);
        size_t n = 0;
        if (!v)
                return -ENOMEM;
        if (s && strlen(s) > WS_POLL_TEXT_MAX)
                return *ret_msgid = N_("text is too long"), -E2BIG;
        while (s && *s) {
                s += strspn(s, " ,;\t");
                if (!*s)
                        break;
                char *end;
                errno = 0;
                long x = strtol(s, &end, 10);
                if (errno || end == s || !strchr(" ,;\t", *end) || x < lo || x > hi)
                        return *ret_msgid = N_("each answer must be a whole number on the poll's scale"), -EINVAL;
                if (n >= WS_POLL_ANSWERS_MAX)
                        return *ret_msgid = N_("list is too long"), -E2BIG;
                v[n++] = (int)x;
                s = end;
        }
        *ret = v;
        *ret_n = n;
        return 0;
}

static const char *field_name(Arena *a, const char *prefix, const char *id) {
        return arena_printf(a, "%s_%s", prefix, id);
}

/* One side of the evidence: "" when absent, NULL (with a problem) when
 * refused. */
static const char *evidence_side(const char *v, const char *field, WsProblem *out, size_t *n) {
        if (v && strlen(v) > IAP_EVIDENCE_MAX)
                return problem(out, n, field, N_("text is too long")), NULL;
        if (v && !utf8_valid(v, strlen(v)))
                return problem(out, n, field, N_("text is not valid UTF-8")), NULL;
        return v ? v : "";
}

/* Evidence is written in the city's language, in English or both (the
 * side written is the source; a round never changes afterwards, so
 * nothing goes stale). */
static json_t *evidence_json(const char *loc, const char *en) {
        return json_pack("{s:s, s:s, s:s, s:b}", "en", en, "local", loc, "source", *loc ? "local" : "en", "stale", 0);
}

static int read_score(Arena *a, const IapItem *it, Lang local, WsGetFn get, void *ctx, json_t *scores,
                      WsProblem *out, size_t *n) {
        const char *sf = field_name(a, "score", it->id), *ef = field_name(a, "evidence", it->id);
        const char *lf = ws_name_local(a, ef), *enf = ws_name_en(a, ef);
        const char *sv = get(ctx, sf);
        const char *loc = local == LANG_EN ? "" : evidence_side(get(ctx, lf), lf, out, n);
        const char *en = evidence_side(get(ctx, enf), enf, out, n);
        int score = 0;
        if (sv && *sv) {
                char *end;
                score = (int)strtol(sv, &end, 10);
                if (*end || !iap_score_valid(score))
                        return problem(out, n, sf, N_("score must be 1, 3 or 5")), 0;
        }
        if (!loc || !en)
                return 0;
        if (score == 0 && (*loc || *en))
                return problem(out, n, sf, N_("give a score for the evidence you wrote")), 0;
        if (score == 0)
                return 0;
        json_t *o = json_pack("{s:s, s:i}", "indicator", it->id, "score", score);
        if (o && (*loc || *en))
                json_object_set_new(o, "evidence", evidence_json(loc, en));
        return o && json_array_append_new(scores, o) == 0 ? 0 : -ENOMEM;
}

static int read_poll(Arena *a, const IapTool *poll, WsGetFn get, void *ctx, json_t *doc, WsProblem *out, size_t *n) {
        json_t *po = json_object();
        for (size_t s = 0; po && poll && s < poll->n_sections; s++)
                for (size_t i = 0; i < poll->sections[s].n_items; i++) {
                        const char *id = poll->sections[s].items[i].id, *f = field_name(a, "poll", id), *msgid;
                        int *v;
                        size_t nv;
                        if (ws_poll_parse(a, get(ctx, f), poll->scale_min, poll->scale_max, &v, &nv, &msgid) < 0) {
                                problem(out, n, f, msgid);
                                continue;
                        }
                        json_t *arr = json_array();
                        for (size_t k = 0; arr && k < nv; k++)
                                json_array_append_new(arr, json_integer(v[k]));
                        if (arr && nv)
                                json_object_set_new(po, id, arr);
                        else
                                json_decref(arr);
                }
        return po && json_object_set_new(doc, "poll", po) == 0 ? 0 : -ENOMEM;
}

int ws_round_read(Arena *a, const IapTool *rubric, const IapTool *poll, Lang local, WsGetFn get, void *ctx,
                  json_t **ret_doc, WsProblem *out, size_t *ret_n) {
        size_t n = 0;
        const char *date = get(ctx, "date");
        if (!date || !iap_date_valid(date))
                problem(out, &n, "date", N_("date must be YYYY-MM-DD"));
        json_t *scores = json_array();
        json_t *doc = json_pack("{s:s, s:i, s:o}", "date", date && iap_date_valid(date) ? date : "",
                                "tool_version", rubric->version, "scores", scores);
        int r = doc ? 0 : -ENOMEM;
        for (size_t s = 0; r == 0 && s < rubric->n_sections; s++)
                for (size_t i = 0; r == 0 && i < rubric->sections[s].n_items; i++)
                        r = read_score(a, &rubric->sections[s].items[i], local, get, ctx, scores, out, &n);
        if (r == 0)
                r = read_poll(a, poll, get, ctx, doc, out, &n);
        if (r == 0 && n == 0 && json_array_size(scores) == 0)
                problem(out, &n, NULL, N_("score at least one indicator"));
        *ret_n = n;
        if (r < 0 || n) {
                json_decref(doc);
                return r < 0 ? r : -EINVAL;
        }
        *ret_doc = doc;
        return 0;
}

/* The evidence of one score: both sides copied into the arena (older
 * rounds hold a plain string). */
static IapText evidence_of(Arena *a, json_t *score, Lang local) {
        IapText t = ws_text_of(a, score, "evidence", local);
        t.en = t.en ? arena_strdup(a, t.en) : NULL;
        t.local = t.local ? arena_strdup(a, t.local) : NULL;
        return t;
}

static int decode(Arena *a, const IapRecordRow *row, Lang local, Lang lang, WsRound *w) {
        json_t *d = ws_row_doc(row), *v;
        const char *k;
        size_t i, ns = json_array_size(json_object_get(d, "scores")), np = json_object_size(json_object_get(d, "poll"));
        IapScore *sc = arena_alloc(a, (ns ? ns : 1) * sizeof *sc);
        IapText *ev = arena_alloc(a, (ns ? ns : 1) * sizeof *ev);
        WsPollAnswers *pa = arena_alloc(a, (np ? np : 1) * sizeof *pa);
        if (!d || !sc || !pa || !ev)
                return json_decref(d), -EINVAL;
        *w = (WsRound){ .id = row->rec_id, .poll = pa, .n_poll = np, .evidence = ev,
                        .round = { .date = arena_strdup(a, json_string_value(json_object_get(d, "date"))),
                                   .tool_version = (int)json_integer_value(json_object_get(d, "tool_version")),
                                   .scores = sc, .n_scores = ns } };
        json_array_foreach(json_object_get(d, "scores"), i, v) {
                ev[i] = evidence_of(a, v, local);
                sc[i] = (IapScore){ .indicator = arena_strdup(a, json_string_value(json_object_get(v, "indicator"))),
                                    .score = (int)json_integer_value(json_object_get(v, "score")),
                                    .evidence = iap_text_empty(&ev[i]) ? NULL : iap_text_get(&ev[i], lang, NULL) };
        }
        i = 0;
        json_object_foreach(json_object_get(d, "poll"), k, v) {
                size_t m = json_array_size(v);
                pa[i] = (WsPollAnswers){ .item = arena_strdup(a, k), .answers = arena_alloc(a, (m ? m : 1) * sizeof(int)),
                                         .n = m };
                for (size_t j = 0; pa[i].answers && j < m; j++)
                        pa[i].answers[j] = (int)json_integer_value(json_array_get(v, j));
                i++;
        }
        json_decref(d);
        return w->round.date ? 0 : -EINVAL;
}

/* The rubric's rounds among a city's round records (self-assessments of
 * selfcheck.h are kept beside them), in place; *ret_next_pos (may be NULL)
 * gets the position after every round record. */
static int rubric_rows(Store *s, Arena *a, const City *city, IapRecordRow **ret, size_t *ret_n, int64_t *ret_next_pos) {
        IapRecordRow *rows;
        size_t n, k = 0;
        int64_t next = 0;
        int r = ws_rows(s, a, city->slug, WS_ROUND, &rows, &n);
        if (r < 0)
                return r;
        for (size_t i = 0; i < n; i++) {
                json_t *d = ws_row_doc(&rows[i]);
                if (rows[i].position >= next)
                        next = rows[i].position + 1;
                if (!ws_selfcheck_is(d))
                        rows[k++] = rows[i];
                json_decref(d);
        }
        *ret = rows;
        *ret_n = k;
        if (ret_next_pos)
                *ret_next_pos = next;
        return 0;
}

int ws_rounds_load(Store *s, Arena *a, const City *city, Lang lang, WsRound **ret, size_t *ret_n) {
        IapRecordRow *rows;
        size_t n;
        Lang local = LANG_EN;
        (void)lang_parse(city->lang, &local);
        int r = rubric_rows(s, a, city, &rows, &n, NULL);
        WsRound *w = r == 0 ? arena_alloc(a, (n ? n : 1) * sizeof *w) : NULL;
        if (r == 0 && !w)
                r = -ENOMEM;
        for (size_t i = 0; r == 0 && i < n; i++)
                r = decode(a, &rows[i], local, lang, &w[i]);
        if (r < 0)
                return r;
        *ret = w;
        *ret_n = n;
        return 0;
}

static int insert_at(Store *s, Arena *a, const City *city, json_t *doc, const char *prefix, int64_t pos,
                     const char **ret_id) {
        const char *id = arena_printf(a, "%s-%lld", prefix, (long long)pos + 1);
        json_object_set_new(doc, "id", json_string(id ? id : ""));
        char *text = json_dumps(doc, JSON_COMPACT);
        IapRecordRow row = { .city_slug = city->slug, .kind = "round", .rec_id = id, .position = pos,
                             .doc = text ? arena_strdup(a, text) : NULL };
        free(text);
        json_object_del(doc, "id");
        if (!row.doc || !id)
                return -ENOMEM;
        StoreConn *c;
        int r = store_begin(s, &c);
        if (r < 0)
                return r;
        if ((r = store_iap_insert(c, &row)) < 0) {
                store_rollback(c);
                return r;
        }
        if ((r = store_commit(c)) == 0)
                *ret_id = id;
        return r;
}

int ws_round_insert(Store *s, Arena *a, const City *city, json_t *doc, const char *prefix, int64_t pos,
                    const char **ret_id) {
        int r = -EEXIST;
        for (int tries = 0; r == -EEXIST && tries < 3; tries++, pos++) /* a round saved at the same moment */
                r = insert_at(s, a, city, doc, prefix, pos, ret_id);
        return r;
}

int ws_round_save(Store *s, Arena *a, const City *city, const IapTool *rubric, const IapTool *poll, WsGetFn get,
                  void *ctx, WsSaveResult *ret) {
        IapRecordRow *rows;
        size_t n;
        json_t *doc;
        int64_t pos;
        *ret = (WsSaveResult){ 0 };
        int r = rubric_rows(s, a, city, &rows, &n, &pos);
        if (r < 0)
                return r;
        if (n >= WS_ROUNDS_MAX) {
                ret->problems[0] = (WsProblem){ NULL, N_("this city has reached the most records of this kind") };
                ret->n_problems = 1;
                return -E2BIG;
        }
        Lang local = LANG_EN;
        (void)lang_parse(city->lang, &local);
        r = ws_round_read(a, rubric, poll, local, get, ctx, &doc, ret->problems, &ret->n_problems);
        if (r < 0)
                return r;
        r = ws_round_insert(s, a, city, doc, "round", pos, &ret->rec_id);
        json_decref(doc);
        return r;
}
