/* Engine, one chunk from findings to output, whole-document runs. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/utf8.h"
#include "domain/anonymize/anon_session.h"

static const struct {
        const char *name, *placeholder;
} cats[ANON_CAT_MAX] = {
        [ANON_CAT_NAME] = { "name", "[name]" },
        [ANON_CAT_EMAIL] = { "email", "[email]" },
        [ANON_CAT_PHONE] = { "phone", "[phone]" },
        [ANON_CAT_ADDRESS] = { "address", "[address]" },
        [ANON_CAT_BIRTHDATE] = { "birthdate", "[date of birth]" },
        [ANON_CAT_AGE] = { "age", "[age]" },
        [ANON_CAT_NATIONAL_ID] = { "national_id", "[ID]" },
        [ANON_CAT_IBAN] = { "iban", "[IBAN]" },
        [ANON_CAT_CARD] = { "card", "[card]" },
        [ANON_CAT_URL] = { "url", "[URL]" },
        [ANON_CAT_HANDLE] = { "handle", "[handle]" },
        [ANON_CAT_NATIONALITY] = { "nationality", "[nationality]" },
        [ANON_CAT_BIRTHPLACE] = { "birthplace", "[place of birth]" },
        [ANON_CAT_RELIGION] = { "religion", "[religion]" },
        [ANON_CAT_FAMILY] = { "family", "[family]" },
        [ANON_CAT_HEALTH] = { "health", "[health]" },
        [ANON_CAT_GENDER] = { "gender", "[gender]" },
        [ANON_CAT_GENDERED_FORM] = { "gendered_form", "" },
        [ANON_CAT_IMAGE] = { "image", "[image]" },
        [ANON_CAT_FORCED] = { "forced", "[removed]" },
        [ANON_CAT_DURATION] = { "duration", "[period]" },
};

const char *anon_category_name(AnonCategory c) {
        return (unsigned)c < ANON_CAT_MAX ? cats[c].name : NULL;
}

AnonEngine *anon_engine_new(const char *datadir, int *ret_err) {
        int r = -ENOMEM;
        AnonEngine *e = calloc(1, sizeof(*e));
        if (e && (e->arena = arena_new())) {
                arena_set_limit(e->arena, 0);
                if (htab_init(&e->words, 4096) == 0 && htab_init(&e->names, 1 << 16) == 0 &&
                    htab_init(&e->phrases, 1024) == 0 && htab_init(&e->cue_words, 64) == 0 && htab_init(&e->origin, 4096) == 0 &&
                    htab_init(&e->cues, 256) == 0 && htab_init(&e->sens_anchor, 1024) == 0 &&
                    htab_init(&e->sens_words, 2048) == 0)
                        r = anon_lex_load(e, datadir);
                if (r == 0)
                        r = anon_lex_pool(e);
                if (r == 0)
                        r = anon_sens_index(e);
                if (r == 0)
                        r = anon_model_load(e, datadir);
                if (r == 0 && (htab_seal(&e->words) < 0 || htab_seal(&e->names) < 0 ||
                               htab_seal(&e->phrases) < 0 || htab_seal(&e->origin) < 0 ||
                               htab_seal(&e->cues) < 0 || htab_seal(&e->cue_words) < 0 ||
                               htab_seal(&e->sens_anchor) < 0 || htab_seal(&e->sens_words) < 0))
                        r = -ENOMEM;
                if (r == 0)
                        anon_cue_ends_build(e);
        }
        if (r < 0) {
                anon_engine_free(e);
                *ret_err = r;
                return NULL;
        }
        return e;
}

void anon_engine_free(AnonEngine *e) {
        if (!e)
                return;
        htab_free(&e->words);
        htab_free(&e->names);
        htab_free(&e->phrases);
        htab_free(&e->cue_words);
        htab_free(&e->origin);
        htab_free(&e->cues);
        htab_free(&e->sens_anchor);
        htab_free(&e->sens_words);
        free(e->sens_bits);
        anon_model_free(e);
        free(e->pool);
        arena_free(e->arena);
        free(e);
}

/* ---- language detection ---- */

static void letter_votes(uint32_t cp, int *score) {
        if (cp >= 0x370 && cp <= 0x3FF)
                score[LANG_EL] += 3;
        else if ((cp == 0x142 || cp == 0x105 || cp == 0x119 || cp == 0x15B ||
                                       cp == 0x17C || cp == 0x17A || cp == 0x144 || cp == 0x107))
                score[LANG_PL] += 2; /* ł ą ę ś ż ź ń ć */
        else if (cp == 0x103 || cp == 0x219 || cp == 0x21B || cp == 0x15F || cp == 0x163)
                score[LANG_RO] += 2; /* ă ș ț ş ţ */
        else if (cp == 0x10D || cp == 0x161 || cp == 0x17E)
                score[LANG_SL] += 1; /* č š ž */
        else if (cp == 0xE3 || cp == 0xF5 || cp == 0xE7)
                score[LANG_PT] += 2; /* ã õ ç */
        else if (cp == 0xE0 || cp == 0xE8 || cp == 0xEC || cp == 0xF2 || cp == 0xF9)
                score[LANG_IT] += 1; /* à è ì ò ù */
}

Lang anon_detect_lang(const AnonEngine *e, const char *text, size_t len) {
        int score[LANG_MAX] = { 0 };
        size_t n = len < ANON_DETECT_BYTES ? len : ANON_DETECT_BYTES;
        for (size_t i = 0; i < n;) {
                uint32_t cp;
                int l = utf8_decode(text + i, n - i, &cp);
                if (l < 0 || !anon_is_letter(cp)) {
                        i += (size_t)(l > 0 ? l : 1);
                        continue;
                }
                size_t j = i;
                while (j < n && (l = utf8_decode(text + j, n - j, &cp)) > 0 && anon_is_letter(cp)) {
                        letter_votes(cp, score);
                        j += (size_t)l;
                }
                char f[ANON_FOLD_MAX];
                size_t fl = anon_fold(text + i, j - i, f);
                const LexWord *w = fl ? anon_lex_get(e, f, fl) : NULL;
                for (int k = 0; w && k < LANG_MAX; k++)
                        score[k] += (w->flags[k] & LEX_STOP) ? 2 : 0;
                i = j > i ? j : i + 1;
        }
        Lang best = LANG_EN;
        score[LANG_EN] += 1; /* a tie (short or mixed text) goes to English */
        for (int k = 0; k < LANG_MAX; k++)
                if (score[k] > score[best])
                        best = (Lang)k;
        return best;
}

/* ---- one chunk ---- */

static int find_cmp(const void *a, const void *b) {
        const Find *x = a, *y = b;
        if (x->start != y->start)
                return x->start < y->start ? -1 : 1;
        return x->prio > y->prio ? -1 : x->prio < y->prio;
}

static inline bool find_before(const Find *x, const Find *y) {
        return x->start < y->start || (x->start == y->start && x->prio > y->prio);
}

/* Each pass adds its findings in text order, so the array is a few sorted
 * runs: merging them pairwise is linear per pass (qsort was 5% of the
 * time). Falls back to qsort when there is no memory for the merge. */
static void sort_finds(Find *f, size_t n) {
        size_t runs = 1;
        for (size_t k = 1; k < n; k++)
                runs += find_before(&f[k], &f[k - 1]);
        if (runs <= 1)
                return;
        Find *tmp = malloc(n * sizeof(*tmp));
        if (!tmp) {
                qsort(f, n, sizeof(*f), find_cmp);
                return;
        }
        while (runs > 1) {
                size_t o = 0, a = 0;
                runs = 0;
                while (a < n) {
                        size_t b = a + 1;
                        while (b < n && !find_before(&f[b], &f[b - 1]))
                                b++;
                        size_t c = b < n ? b + 1 : n;
                        while (c < n && !find_before(&f[c], &f[c - 1]))
                                c++;
                        size_t x = a, y = b;
                        while (x < b && y < c)
                                tmp[o++] = find_before(&f[y], &f[x]) ? f[y++] : f[x++];
                        while (x < b)
                                tmp[o++] = f[x++];
                        while (y < c)
                                tmp[o++] = f[y++];
                        runs++;
                        a = c;
                }
                memcpy(f, tmp, n * sizeof(*f));
        }
        free(tmp);
}

static bool in_keep(const AnonInput *sp, size_t base, const Find *f) {
        for (size_t k = 0; sp && k < sp->n_keep; k++)
                if (f->start + base < sp->keep[k].end && sp->keep[k].start < f->end + base)
                        return true;
        return false;
}

/* Sorts, drops kept spans, and merges overlaps (the higher priority names
 * the merged finding). Returns the new count. */
static size_t resolve(Find *f, size_t n, const AnonInput *sp, size_t base) {
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
                if (f[i].prio == PRIO_FORCED || !in_keep(sp, base, &f[i]))
                        f[m++] = f[i];
        sort_finds(f, m);
        size_t o = 0;
        for (size_t i = 0; i < m; i++) {
                if (o && f[i].start < f[o - 1].end) {
                        Find *c = &f[o - 1];
                        /* a silent removal (an honorific: "") never names the merged
                         * finding when the other has a replacement ("Ms Papadopoulou") */
                        bool silent_i = f[i].repl && !*f[i].repl, silent_c = c->repl && !*c->repl;
                        if ((f[i].prio > c->prio && (!silent_i || silent_c)) || (silent_c && !silent_i)) {
                                c->cat = f[i].cat, c->prio = f[i].prio, c->repl = f[i].repl;
                        }
                        if (f[i].end > c->end)
                                c->end = f[i].end;
                        continue;
                }
                f[o++] = f[i];
        }
        return o;
}

static int build(Scan *sc, size_t base, AnonResult **ret) {
        AnonResult *r = arena_alloc(sc->arena, sizeof(*r));
        AnonFinding *out = r ? arena_alloc(sc->arena, (sc->nfind + 1) * sizeof(*out)) : NULL;
        if (!out)
                return -ENOMEM;
        size_t total = sc->n, p = 0;
        for (size_t i = 0; i < sc->nfind; i++) {
                const Find *f = &sc->finds[i];
                const char *rep = f->repl ? f->repl : cats[f->cat].placeholder;
                out[i] = (AnonFinding){ f->start + base, f->end + base, (AnonCategory)f->cat,
                                        f->end - f->start, rep };
                total += strlen(rep);
        }
        char *text = arena_alloc_raw(sc->arena, total + 1); /* written whole below */
        if (!text)
                return -ENOMEM;
        size_t o = 0;
        for (size_t i = 0; i < sc->nfind; i++) {
                size_t rl = strlen(out[i].replacement);
                memcpy(text + o, sc->t + p, sc->finds[i].start - p);
                o += sc->finds[i].start - p;
                memcpy(text + o, out[i].replacement, rl);
                o += rl;
                p = sc->finds[i].end;
        }
        memcpy(text + o, sc->t + p, sc->n - p);
        o += sc->n - p;
        text[o] = 0;
        *r = (AnonResult){ text, o, out, sc->nfind, sc->lang };
        *ret = r;
        return 0;
}

static int check_spans(const AnonSpan *s, size_t n) {
        if (n > ANON_MAX_SPANS || (n && !s))
                return -EINVAL;
        for (size_t i = 0; i < n; i++)
                if (s[i].start >= s[i].end)
                        return -EINVAL;
        return 0;
}

int anon_session_run(AnonSession *s, Arena *arena, const char *text, size_t len, size_t base,
                     const AnonInput *sp, AnonResult **ret) {
        if ((len && !text) || !utf8_valid(text ? text : "", len))
                return -EINVAL;
        if (len > ANON_MAX_INPUT)
                return -E2BIG;
        if (sp && (check_spans(sp->force, sp->n_force) < 0 || check_spans(sp->keep, sp->n_keep) < 0))
                return -EINVAL;
        if (s->lang_auto && !s->lang_done)
                s->lang = anon_detect_lang(s->e, text, len);
        s->lang_done = true;
        Scan sc = { .e = s->e, .s = s, .arena = arena, .t = text ? text : "", .n = len, .base = base,
                    .lang = s->lang, .known_names = s->n_names != 0, .last_gender = SIZE_MAX, .indef_noun = SIZE_MAX, .toks = s->toks,
                    .captok = s->captok,
                    .fold = s->fold, .capfold = s->capfold, .finds = s->finds, .capfind = s->capfind };
        for (size_t k = 0; sp && k < sp->n_force; k++) {
                size_t a = sp->force[k].start, b = sp->force[k].end;
                if (b > base && a < base + len) {
                        a = a > base ? a - base : 0;
                        b = b - base < len ? b - base : len;
                        a = utf8_truncate(sc.t, len, a); /* keep code points whole */
                        scan_add(&sc, a, b, ANON_CAT_FORCED, PRIO_FORCED, NULL);
                }
        }
        if (s->memo && s->memo_lang != s->lang)
                memset(s->memo, 0, ANON_MEMO_SLOTS * sizeof(MemoSlot)); /* its flags are per language */
        /* NULL: no memo, same results. A short text (one CV, one profile) does
         * not repeat its words enough to repay clearing the memo's 512 KiB. */
        if (!s->memo && len >= ANON_MEMO_MIN_TEXT &&
            (s->memo = aligned_alloc(64, ANON_MEMO_SLOTS * sizeof(MemoSlot))))
                memset(s->memo, 0, ANON_MEMO_SLOTS * sizeof(MemoSlot));
        s->memo_lang = s->lang;
        sc.memo = s->memo;
        anon_scan_chunk(&sc);
        anon_scan_origin(&sc);
        anon_scan_sensitive(&sc);
        size_t first = sc.nfind;
        if (!sc.err && sc.ntok > s->capcov) {
                uint8_t *c = realloc(s->cov, sc.ntok);
                uint32_t *k = c ? realloc(s->caps, sc.ntok * sizeof(*k)) : NULL;
                if (c)
                        s->cov = c;
                if (k)
                        s->caps = k, s->capcov = sc.ntok;
        }
        bool pass2b = s->caps && sc.ntok <= s->capcov; /* no memory: no pass 2b, same rules otherwise */
        sc.caps = pass2b ? s->caps : NULL;
        anon_scan_words(&sc);
        if (!sc.err && pass2b)
                anon_scan_spread(&sc, first, s->cov);
        if (!sc.err && s->name_candidate)
                anon_model_report(&sc);
        anon_scan_durations(&sc);
        int r = sc.err;
        if (r == 0) {
                sc.nfind = resolve(sc.finds, sc.nfind, sp, base);
                for (size_t i = 0; i < sc.nfind; i++) /* forced ends inside a code point */
                        while (sc.finds[i].end < len && (sc.t[sc.finds[i].end] & 0xC0) == 0x80)
                                sc.finds[i].end++;
                r = build(&sc, base, ret);
        }
        s->toks = sc.toks, s->captok = sc.captok;
        s->fold = sc.fold, s->capfold = sc.capfold;
        s->finds = sc.finds, s->capfind = sc.capfind;
        return r;
}

size_t anon_chunk_cut(const char *buf, size_t len, size_t max) {
        if (len <= max)
                return len;
        size_t lo = max / 2;
        for (size_t i = max; i > lo; i--)
                if (buf[i - 1] == '\n' && i >= 2 && buf[i - 2] == '\n')
                        return i;
        for (size_t i = max; i > lo; i--)
                if (buf[i - 1] == '\n')
                        return i;
        for (size_t i = max; i > lo; i--)
                if (buf[i - 1] == ' ')
                        return i;
        return utf8_truncate(buf, len, max);
}

/* ---- whole document ---- */

typedef struct Acc {
        StrBuf text;
        AnonFinding *f;
        size_t n, cap;
} Acc;

static int acc_add(Acc *acc, Arena *arena, const AnonResult *r) {
        strbuf_append(&acc->text, r->text, r->len);
        if (acc->n + r->n_findings > acc->cap) {
                size_t c = (acc->n + r->n_findings) * 2;
                AnonFinding *nf = realloc(acc->f, c * sizeof(*nf));
                if (!nf)
                        return -ENOMEM;
                acc->f = nf, acc->cap = c;
        }
        for (size_t i = 0; i < r->n_findings; i++) {
                acc->f[acc->n] = r->findings[i];
                if (!(acc->f[acc->n].replacement = arena_strdup(arena, r->findings[i].replacement)))
                        return -ENOMEM;
                acc->n++;
        }
        return strbuf_error(&acc->text);
}

static int acc_finish(Acc *acc, Arena *arena, Lang lang, AnonResult **ret) {
        AnonResult *r = arena_alloc(arena, sizeof(*r));
        char *t = r ? arena_memdup(arena, strbuf_str(&acc->text), acc->text.len + 1) : NULL;
        AnonFinding *f = t ? arena_alloc(arena, (acc->n + 1) * sizeof(*f)) : NULL;
        if (!f)
                return -ENOMEM;
        if (acc->n)
                memcpy(f, acc->f, acc->n * sizeof(*f));
        *r = (AnonResult){ t, acc->text.len, f, acc->n, lang };
        *ret = r;
        return 0;
}

int anon_run(const AnonEngine *e, Arena *arena, const AnonInput *in, AnonResult **ret) {
        if (!e || !arena || !in || (in->len && !in->text))
                return -EINVAL;
        if (in->len > ANON_MAX_INPUT)
                return -E2BIG;
        if (!utf8_valid(in->text ? in->text : "", in->len))
                return -EINVAL;
        int r;
        AnonSession *s = anon_session_new(e, &in->opt, &r);
        if (!s)
                return r;
        Acc acc = { .text = STRBUF_INIT };
        Arena *scratch = NULL;
        size_t off = 0;
        r = 0;
        do {
                size_t cut = anon_chunk_cut(in->text + off, in->len - off, ANON_CHUNK_MAX);
                AnonResult *cr;
                arena_free(scratch);
                if (!(scratch = arena_new())) {
                        r = -ENOMEM;
                        break;
                }
                r = anon_session_run(s, scratch, in->text + off, cut, off, in, &cr);
                if (r == 0)
                        r = acc_add(&acc, arena, cr);
                off += cut;
        } while (r == 0 && off < in->len);
        if (r == 0)
                r = acc_finish(&acc, arena, s->lang, ret);
        arena_free(scratch);
        strbuf_free(&acc.text);
        free(acc.f);
        anon_session_free(s);
        return r;
}
