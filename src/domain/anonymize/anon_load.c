/* Loading data/anonymize/<lang>/{first_names,surnames}.tsv, lexicon.tsv and
 * data/anonymize/common/keep.txt into the engine's tables. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "domain/anonymize/anon_internal.h"

static int read_all(const char *path, char **ret, size_t *ret_len) {
        FILE *f = fopen(path, "rb");
        if (!f)
                return errno == ENOENT ? -ENOENT : -EIO;
        char *buf = malloc(ANON_MAX_LIST_BYTES + 1);
        if (!buf) {
                fclose(f);
                return -ENOMEM;
        }
        size_t n = fread(buf, 1, ANON_MAX_LIST_BYTES + 1, f);
        int bad = ferror(f);
        fclose(f);
        if (bad || n > ANON_MAX_LIST_BYTES || !utf8_valid(buf, n)) {
                free(buf);
                return bad ? -EIO : n > ANON_MAX_LIST_BYTES ? -E2BIG : -EINVAL;
        }
        buf[n] = 0;
        *ret = buf;
        *ret_len = n;
        return 0;
}

static LexWord *word_get_or_add(AnonEngine *e, HTab *tab, const char *raw, size_t n) {
        char f[ANON_FOLD_MAX];
        size_t fl = anon_fold(raw, n, f);
        if (!fl)
                return NULL;
        uint32_t h = anon_hash(f, fl);
        LexWord *w = htab_get(tab, f, fl, h);
        if (w)
                return w;
        w = arena_alloc(e->arena, sizeof(*w));
        char *k = w ? arena_strndup(e->arena, f, fl) : NULL;
        if (!k)
                return NULL;
        w->key = w->base = k;
        w->klen = w->blen = (uint32_t)fl;
        w->hash = w->bhash = h;
        return htab_put(tab, w) < 0 ? NULL : w;
}

/* lang == LANG_MAX: every language. base may be NULL. */
static int word_add(AnonEngine *e, Lang lang, const char *raw, size_t n, uint16_t flag,
                    const char *base, size_t bn) {
        HTab *tab = flag & (LEX_FIRST | LEX_SURNAME | LEX_WFIRST | LEX_WSUR) ? &e->names : &e->words;
        LexWord *w = word_get_or_add(e, tab, raw, n);
        if (!w)
                return n && n < ANON_FOLD_MAX ? -ENOMEM : 0; /* over-long entries are skipped */
        for (int l = 0; l < LANG_MAX; l++)
                if (lang == LANG_MAX || (Lang)l == lang)
                        w->flags[l] |= flag, w->any |= flag;
        if (base && bn && w->base == w->key) {
                char f[ANON_FOLD_MAX];
                size_t fl = anon_fold(base, bn, f);
                if (fl && (fl != w->klen || memcmp(f, w->key, fl))) {
                        w->base = arena_strndup(e->arena, f, fl);
                        w->blen = (uint32_t)fl;
                        w->bhash = anon_hash(f, fl);
                }
                if (!w->base)
                        return -ENOMEM;
        }
        return 0;
}

static int cat_parse(const char *s, size_t n) {
        for (int c = 0; c < ANON_CAT_MAX; c++) {
                const char *name = anon_category_name((AnonCategory)c);
                if (strlen(name) == n && memcmp(name, s, n) == 0)
                        return c;
        }
        return -1;
}

static const struct {
        const char *name;
        uint16_t flag;
        int ph;
} kinds[] = {
        { "stop", LEX_STOP, 0 },       { "common", LEX_COMMON, 0 },
        { "keep", LEX_KEEP, 0 },       { "street", LEX_STREET, 0 },
        { "trigger", LEX_TRIGGER, 0 }, { "refhead", LEX_REFHEAD, 0 },
        { "particle", LEX_PARTICLE, 0 }, { "timehead", LEX_TIMEHEAD, 0 },
        { "project", LEX_PROJECT, 0 },  { "place", LEX_PLACE, 0 },
        { "conj", LEX_CONJ, 0 },
        { "phrase", 0, PH_PHRASE },    { "label", 0, PH_LABEL },
        { "prose", 0, PH_PROSE },      { "honorific", 0, PH_HONORIFIC },
        { "gender", 0, PH_GENDER },    { "namelabel", 0, PH_NAMELABEL },
        { "namectx", 0, PH_NAMECTX },  { "says", 0, PH_SAYS },
        { "subject", 0, PH_SUBJECT },  { "plural", 0, PH_PLURAL },
        { "kin", 0, PH_KIN },          { "vocative", 0, PH_VOCATIVE },
        { "postnominal", 0, PH_POSTNOM }, { "naming", 0, PH_NAMING },
        { "work", 0, PH_WORK },        { "trait", 0, PH_TRAIT },
        { "origin", 0, PH_ORIGIN },    { "originafter", 0, PH_ORIGIN_AFTER },
        { "originnot", 0, PH_ORIGIN_NOT }, { "birthin", 0, PH_BIRTHIN },
};

/* The lexicon kind of a phrase kind, for messages. */
static const char *ph_name(int ph) {
        for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
                if (kinds[k].ph == ph)
                        return kinds[k].name;
        return "?";
}

/* A kind that a rewritten or removed phrase can carry as well: a name may
 * follow it ("a professora Ana Lima", "my wife Anna", "panna Maria"). */
static bool ctx_kind(int kind) {
        return kind == PH_NAMECTX || kind == PH_HONORIFIC;
}

/* The phrase's own kind when the two lines are one entry with a name
 * context (v->ctx), or PH_NONE. */
static int with_ctx(int had, int kind) {
        if ((had == PH_GENDER || had == PH_PHRASE) && ctx_kind(kind))
                return had;
        if (ctx_kind(had) && (kind == PH_GENDER || kind == PH_PHRASE))
                return kind;
        return PH_NONE;
}

/* A second line for a phrase of lang with another kind or category: the
 * earlier meaning is lost, which the lexicon test reports. */
static int note_clash(AnonEngine *e, Lang lang, const PhraseVal *v, int kind, int cat, const char *key) {
        if (v->kind == PH_NONE || (v->kind == kind && v->cat == cat) || with_ctx(v->kind, kind) != PH_NONE)
                return 0;
        if (e->nclash < ANON_CLASH_KEEP &&
            !(e->clash[e->nclash] = arena_printf(e->arena, "%s: %s (%s, then %s)", lang_code(lang), key,
                                                 ph_name(v->kind), ph_name(kind))))
                return -ENOMEM;
        e->nclash++;
        return 0;
}

/* Adds a phrase to tab: e->phrases, or e->origin or e->cues (whose words
 * do not start a phrase of pass 2: no LEX_PHRASE for them). */
static int phrase_add_to(AnonEngine *e, HTab *tab, Lang lang, int kind, const char *raw, size_t n,
                         int cat, const char *repl, size_t rn) {
        char key[ANON_FOLD_MAX * ANON_PHRASE_MAX_TOKENS];
        size_t kl = anon_phrase_key(raw, n, key, sizeof(key)), words = 1;
        if (!kl)
                return -EINVAL;
        for (size_t k = 0; k < kl; k++)
                words += key[k] == ' ';
        if (words > ANON_PHRASE_MAX_TOKENS)
                return -E2BIG; /* the matcher never looks that far: the line would be dead */
        uint32_t h = anon_hash(key, kl);
        Phrase *p = htab_get(tab, key, kl, h);
        if (!p) {
                p = arena_alloc(e->arena, sizeof(*p));
                char *k = p ? arena_strndup(e->arena, key, kl) : NULL;
                if (!k)
                        return -ENOMEM;
                p->key = k;
                p->klen = (uint32_t)kl;
                p->hash = h;
                if (htab_put(tab, p) < 0)
                        return -ENOMEM;
        }
        /* proper prefixes, so that matching can stop at the first token that leads nowhere */
        for (size_t k = 1; k < kl; k++) {
                if (key[k] != ' ')
                        continue;
                uint32_t ph = anon_hash(key, k);
                if (htab_get(tab, key, k, ph))
                        continue;
                Phrase *pre = arena_alloc(e->arena, sizeof(*pre));
                char *pk = pre ? arena_strndup(e->arena, key, k) : NULL;
                if (!pk)
                        return -ENOMEM;
                pre->key = pk;
                pre->klen = (uint32_t)k;
                pre->hash = ph;
                if (htab_put(tab, pre) < 0)
                        return -ENOMEM;
        }
        PhraseVal *v = &p->v[lang];
        if (tab == &e->phrases && note_clash(e, lang, v, kind, cat, p->key) < 0)
                return -ENOMEM;
        /* a job title or a marital status that is also a name context: rewritten
         * or removed, and a name may follow */
        int own = with_ctx(v->kind, kind);
        if (own != PH_NONE && own == v->kind) {
                v->ctx = true;
                return 0;
        }
        v->ctx = own != PH_NONE || (v->ctx && v->kind == kind);
        if ((kind == PH_ORIGIN || kind == PH_SENS) && v->kind == kind)
                cat |= v->cat; /* a cue both before and after a demonym ("pochodzenia", "sem"); roles */
        p->v[lang].kind = (uint8_t)kind;
        p->v[lang].cat = (uint16_t)cat;
        if (repl && !(p->v[lang].repl = arena_strndup(e->arena, repl, rn)))
                return -ENOMEM;
        if (tab != &e->phrases)
                return 0;
        const char *sp = memchr(key, ' ', kl);
        size_t first = sp ? (size_t)(sp - key) : kl;
        if (first == 1 && key[0] == '#') {
                LexWord *w = word_get_or_add(e, &e->words, "#", 1);
                if (!w)
                        return -ENOMEM;
                w->flags[lang] |= LEX_PHRASE, w->any |= LEX_PHRASE;
                return 0;
        }
        LexWord *w = word_get_or_add(e, &e->words, key, first);
        if (!w)
                return -ENOMEM;
        w->flags[lang] |= LEX_PHRASE, w->any |= LEX_PHRASE;
        return 0;
}

static int phrase_add(AnonEngine *e, Lang lang, int kind, const char *raw, size_t n,
                      int cat, const char *repl, size_t rn) {
        return phrase_add_to(e, &e->phrases, lang, kind, raw, n, cat, repl, rn);
}

/* Splits line into up to 3 tab-separated fields. */
static int split3(char *line, char *f[3], size_t fl[3]) {
        int k = 0;
        char *p = line;
        while (k < 3) {
                char *tab = strchr(p, '\t');
                f[k] = p;
                fl[k] = tab ? (size_t)(tab - p) : strlen(p);
                k++;
                if (!tab)
                        break;
                p = tab + 1;
        }
        for (int i = k; i < 3; i++)
                f[i] = NULL, fl[i] = 0;
        return k;
}


/* A cue word ("org", "placeprep", "with", "mine", ... and the months):
 * kept in its own small table, so that frequent words ("is") cost nothing
 * where no cue is asked for. */
static int cue_add(AnonEngine *e, Lang lang, const char *raw, size_t n, uint16_t cue) {
        LexWord *w = word_get_or_add(e, &e->cue_words, raw, n);
        if (!w)
                return n && n < ANON_FOLD_MAX ? -ENOMEM : -EINVAL;
        w->flags[lang] |= cue;
        return 0;
}

/* Kinds kept in the cue table (AnonEngine.cue_words), one bit each. */
static const struct {
        const char *name;
        uint16_t cue;
} cue_kinds[] = {
        { "org", ANON_CUE_ORG },             { "placeprep", ANON_CUE_PLACEPREP },
        { "placenoun", ANON_CUE_PLACENOUN }, { "thingnoun", ANON_CUE_THINGNOUN },
        { "article", ANON_CUE_ARTICLE },     { "particlearticle", ANON_CUE_PARTICLE_ARTICLE },
        { "salutation", ANON_CUE_SALUTATION },
        { "with", ANON_CUE_WITH },           { "closing", ANON_CUE_CLOSING },
        { "mine", ANON_CUE_MINE },
};

/* Kinds of the family-and-health tables (anon_family.c): their roles,
 * and whether pass 1c starts at them (an anchor). */
static const struct {
        const char *name;
        uint16_t role;
        bool anchor;
} sens_kinds[] = {
        { "parent", ANON_SENS_PARENT, true },   { "child", ANON_SENS_CHILD, true },
        { "condition", ANON_SENS_COND, true },  { "status", ANON_SENS_STATUS, true },
        { "count", ANON_SENS_COUNT, false },    { "selfcue", ANON_SENS_CUE, false },
        { "degree", ANON_SENS_DEGREE, false },  { "gendernoun", ANON_SENS_GNOUN, true },
};

/* The number that must follow a status, as its last word ("L. 68/99",
 * "αναπηρία #"): its start in text[0..n), or n. */
static size_t status_number(const char *text, size_t n) {
        size_t k = n;
        while (k > 0 && text[k - 1] != ' ')
                k--;
        return k > 0 && k < n && ((text[k] >= '0' && text[k] <= '9') || text[k] == '#') ? k : n;
}

int anon_sens_line(AnonEngine *e, Lang lang, const char *kind, size_t kn, const char *text, size_t n,
                   const char *arg, size_t an) {
        size_t k = 0;
        while (k < sizeof(sens_kinds) / sizeof(sens_kinds[0]) &&
               (strlen(sens_kinds[k].name) != kn || memcmp(sens_kinds[k].name, kind, kn)))
                k++;
        if (k == sizeof(sens_kinds) / sizeof(sens_kinds[0]))
                return 1;
        int role = sens_kinds[k].role;
        if (role == ANON_SENS_CUE && an == 6 && (!memcmp(arg, "health", 6) || !memcmp(arg, "family", 6)))
                role |= ANON_SENS_TAKE; /* "diagnosed with", "married with": removed with what follows */
        else if (an)
                return -EINVAL;
        if (role & ANON_SENS_CUE) { /* cue_before() looks back ANON_SENS_CUE_TOKENS */
                char ck[ANON_FOLD_MAX * ANON_PHRASE_MAX_TOKENS];
                size_t cl = anon_phrase_key(text, n, ck, sizeof(ck)), words = cl ? 1 : 0;
                for (size_t c = 0; c < cl; c++)
                        words += ck[c] == ' ';
                if (words > ANON_SENS_CUE_TOKENS)
                        return -EINVAL;
        }
        size_t num = role == ANON_SENS_STATUS ? status_number(text, n) : n, tl = num;
        while (tl > 0 && (text[tl - 1] == ' ' || text[tl - 1] == '.'))
                tl--; /* "L." is the token "L" */
        HTab *tab = sens_kinds[k].anchor ? &e->sens_anchor : &e->sens_words;
        int r = phrase_add_to(e, tab, lang, PH_SENS, text, tl, role, NULL, 0);
        char key[ANON_FOLD_MAX * ANON_PHRASE_MAX_TOKENS];
        size_t kl = r < 0 ? 0 : anon_phrase_key(text, tl, key, sizeof(key));
        if (kl && sens_kinds[k].anchor) { /* its first word, so that a token knows it (anon_sens_index) */
                const char *sp = memchr(key, ' ', kl);
                if (!word_get_or_add(e, &e->words, key, sp ? (size_t)(sp - key) : kl))
                        return -ENOMEM;
        }
        if (r < 0 || num == n)
                return r;
        Phrase *p = kl ? htab_get(tab, key, kl, anon_hash(key, kl)) : NULL;
        if (!p)
                return -EINVAL;
        PhraseVal *v = &p->v[lang]; /* alternatives: "68/99|68/1999" */
        const char *old = v->repl;
        v->repl = old ? arena_printf(e->arena, "%s|%.*s", old, (int)(n - num), text + num)
                      : arena_strndup(e->arena, text + num, n - num);
        return v->repl ? 0 : -ENOMEM;
}

static int lexicon_line(AnonEngine *e, Lang lang, char *line) {
        char *f[3];
        size_t fl[3];
        if (split3(line, f, fl) < 2 || !fl[1])
                return -EINVAL;
        int sr = anon_sens_line(e, lang, f[0], fl[0], f[1], fl[1], f[2], fl[2]);
        if (sr <= 0)
                return sr;
        for (size_t k = 0; k < sizeof(cue_kinds) / sizeof(cue_kinds[0]); k++)
                if (strlen(cue_kinds[k].name) == fl[0] && !memcmp(cue_kinds[k].name, f[0], fl[0]))
                        return cue_add(e, lang, f[1], fl[1], cue_kinds[k].cue);
        if (fl[0] == 5 && !memcmp(f[0], "month", 5)) { /* "month<TAB>settembre<TAB>9" */
                int m = 0;
                for (size_t k = 0; k < fl[2] && k < 3; k++)
                        m = is_digit(f[2][k]) ? m * 10 + f[2][k] - '0' : 99;
                if (m < 1 || m > 12 || fl[2] > 2)
                        return -EINVAL;
                while (fl[1] > 1 && f[1][fl[1] - 1] == '.')
                        fl[1]--; /* "Sept." is the token "Sept" */
                return cue_add(e, lang, f[1], fl[1], (uint16_t)(m << ANON_CUE_MONTH_SHIFT));
        }
        if (fl[0] == 9 && !memcmp(f[0], "streetend", 9))
                return anon_street_end_add(e, f[1], fl[1], fl[2] == 4 && !memcmp(f[2], "weak", 4) ? STREET_END_WEAK : STREET_END);
        if (fl[0] == 4 && !memcmp(f[0], "flat", 4)) {
                int r = anon_street_end_add(e, f[1], fl[1], STREET_FLAT);
                return r ? r : word_add(e, lang, f[1], fl[1], LEX_STREET, NULL, 0);
        }
        for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
                if (strlen(kinds[k].name) != fl[0] || memcmp(kinds[k].name, f[0], fl[0]))
                        continue;
                if (!kinds[k].ph) { /* "ul." is looked up as the token "ul" */
                        while (fl[1] > 1 && f[1][fl[1] - 1] == '.')
                                fl[1]--;
                        return word_add(e, lang, f[1], fl[1], kinds[k].flag, NULL, 0);
                }
                if (kinds[k].ph >= PH_ORIGIN) /* a cue of the origin table: its kinds as bits */
                        return phrase_add_to(e, &e->cues, lang, PH_ORIGIN, f[1], fl[1],
                                             1 << (kinds[k].ph - PH_ORIGIN), NULL, 0);
                int cat = ANON_CAT_GENDER;
                const char *repl = NULL;
                if (kinds[k].ph == PH_GENDER) {
                        if (!fl[2])
                                return -EINVAL;
                        repl = f[2];
                        cat = ANON_CAT_GENDERED_FORM;
                } else if ((kinds[k].ph == PH_PHRASE || kinds[k].ph == PH_LABEL || kinds[k].ph == PH_PROSE) &&
                           (cat = cat_parse(f[2], fl[2])) < 0) {
                        return -EINVAL;
                }
                return phrase_add(e, lang, kinds[k].ph, f[1], fl[1], cat, repl, fl[2]);
        }
        return -EINVAL;
}

/* Calls fn on every non-empty, non-comment line (the buffer is modified). */
static int each_line(char *buf, int (*fn)(AnonEngine *, Lang, uint16_t, char *), AnonEngine *e,
                     Lang lang, uint16_t flag) {
        for (char *p = buf; *p;) {
                char *nl = strchr(p, '\n');
                if (nl)
                        *nl = 0;
                size_t l = strlen(p);
                if (l && p[l - 1] == '\r')
                        p[--l] = 0;
                int r = l && p[0] != '#' ? fn(e, lang, flag, p) : 0;
                if (r < 0)
                        return r;
                p = nl ? nl + 1 : p + l;
        }
        return 0;
}

static int names_line(AnonEngine *e, Lang lang, uint16_t flag, char *line) {
        char *f[3];
        size_t fl[3];
        split3(line, f, fl);
        return word_add(e, lang, f[0], fl[0], flag, f[1], fl[1]);
}

static int lex_line(AnonEngine *e, Lang lang, uint16_t flag, char *line) {
        (void)flag;
        return lexicon_line(e, lang, line);
}

/* Marks the demonym raw of lang as one that counts only capitalised. */
static int demonym_cap(AnonEngine *e, Lang lang, const char *raw, size_t n) {
        char key[ANON_FOLD_MAX * ANON_PHRASE_MAX_TOKENS];
        size_t kl = anon_phrase_key(raw, n, key, sizeof(key));
        Phrase *p = kl ? htab_get(&e->origin, key, kl, anon_hash(key, kl)) : NULL;
        if (!p)
                return -EINVAL;
        p->v[lang].cap = true;
        return 0;
}

/* "form<TAB>category[<TAB>cap]" of a demonyms.tsv: nationality or religion;
 * "cap": only written with a capital ("Pole", "Black"). */
static int demonym_line(AnonEngine *e, Lang lang, uint16_t flag, char *line) {
        (void)flag;
        char *f[3];
        size_t fl[3];
        int cat;
        uint32_t cp;
        if (split3(line, f, fl) < 2 || !fl[0] || (cat = cat_parse(f[1], fl[1])) < 0 || utf8_decode(f[0], fl[0], &cp) < 0)
                return -EINVAL;
        bool cap = fl[2] == 3 && memcmp(f[2], "cap", 3) == 0;
        if (fl[2] && !cap)
                return -EINVAL;
        if (!anon_is_upper(cp)) /* otherwise pass 1b looks at capitalised words only, but after a cue */
                e->origin_lower[lang] = true;
        int r = phrase_add_to(e, &e->origin, lang, PH_DEMONYM, f[0], fl[0], cat, NULL, 0);
        return r < 0 || !cap ? r : demonym_cap(e, lang, f[0], fl[0]);
}

static int load_file(AnonEngine *e, const char *datadir, const char *sub, const char *file,
                     int (*fn)(AnonEngine *, Lang, uint16_t, char *), Lang lang, uint16_t flag) {
        char path[4096];
        if (snprintf(path, sizeof(path), "%s/anonymize/%s/%s", datadir, sub, file) >=
            (int)sizeof(path))
                return -E2BIG;
        char *buf;
        size_t n;
        int r = read_all(path, &buf, &n);
        if (r < 0)
                return r;
        r = each_line(buf, fn, e, lang, flag);
        free(buf);
        return r;
}

/* "threshold<TAB>-1.5", "veto<TAB>-6" or "<feature><TAB><weight>" of a
 * names_model.tsv. */
static int model_line(AnonEngine *e, Lang lang, uint16_t flag, char *line) {
        (void)flag;
        NameModel *m = &e->model[lang];
        char *tab = strchr(line, '\t'), *end;
        if (!tab || tab == line || (size_t)(tab - line) >= ANON_MODEL_FEAT_LEN)
                return -EINVAL;
        *tab = 0;
        float w = strtof(tab + 1, &end);
        if (end == tab + 1 || *end || w != w)
                return -EINVAL;
        if (!strcmp(line, "threshold") || !strcmp(line, "veto")) {
                *(line[0] == 't' ? &m->threshold : &m->veto) = w;
                return 0;
        }
        if (m->weights.n >= ANON_MODEL_MAX_WEIGHTS)
                return -E2BIG;
        size_t n = (size_t)(tab - line);
        uint32_t h = anon_hash(line, n);
        if (htab_get(&m->weights, line, n, h))
                return -EINVAL; /* a feature twice */
        ModelWeight *mw = arena_alloc(e->arena, sizeof(*mw));
        if (!mw || !(mw->key = arena_strndup(e->arena, line, n)))
                return -ENOMEM;
        mw->klen = (uint32_t)n, mw->hash = h, mw->w = w;
        return htab_put(&m->weights, mw);
}

size_t anon_lex_clashes(const AnonEngine *e, const char *const **ret) {
        *ret = e->clash;
        return e->nclash;
}

int anon_model_load(AnonEngine *e, const char *datadir) {
        for (int l = 0; l < LANG_MAX; l++) {
                NameModel *m = &e->model[l];
                m->threshold = 1e30f, m->veto = -1e30f; /* a file without them: neither */
                if (htab_init(&m->weights, 1024) < 0)
                        return -ENOMEM;
                int r = load_file(e, datadir, lang_code((Lang)l), "names_model.tsv", model_line, (Lang)l, 0);
                if (r == -ENOENT)
                        continue;
                if (r < 0)
                        return r;
                m->on = m->weights.n > 0;
        }
        return 0;
}

void anon_model_free(AnonEngine *e) {
        for (int l = 0; l < LANG_MAX; l++)
                htab_free(&e->model[l].weights);
}

/* Optional common lists: names of countries and regions that are also
 * names ("Roma", "Israel": never a name alone), and the world lists that
 * widen detection. Without them it still works. */
static const struct {
        const char *file;
        uint16_t flag;
} world_lists[] = {
        {"places.txt", LEX_COMMON},
        {"world_first.txt", LEX_WFIRST},       {"world_surnames.txt", LEX_WSUR},
        {"world_first_faker.txt", LEX_WFIRST}, {"world_surnames_faker.txt", LEX_WSUR},
        {"world_first_npm.txt", LEX_WFIRST},   {"world_surnames_npm.txt", LEX_WSUR},
};

int anon_lex_load(AnonEngine *e, const char *datadir) {
        int r = load_file(e, datadir, "common", "keep.txt", names_line, LANG_MAX, LEX_KEEP);
        for (size_t i = 0; i < sizeof(world_lists) / sizeof(world_lists[0]) && r >= 0; i++)
                if ((r = load_file(e, datadir, "common", world_lists[i].file, names_line, LANG_MAX,
                                   world_lists[i].flag)) == -ENOENT)
                        r = 0;
        for (int l = 0; l < LANG_MAX && r >= 0; l++) {
                const char *code = lang_code((Lang)l);
                r = load_file(e, datadir, code, "first_names.tsv", names_line, (Lang)l, LEX_FIRST);
                if (r >= 0)
                        r = load_file(e, datadir, code, "surnames.tsv", names_line, (Lang)l,
                                      LEX_SURNAME);
                if (r >= 0)
                        r = load_file(e, datadir, code, "lexicon.tsv", lex_line, (Lang)l, 0);
                if (r >= 0 && (r = load_file(e, datadir, code, "demonyms.tsv", demonym_line, (Lang)l, 0)) == -ENOENT)
                        r = 0; /* no demonyms: only labelled nationalities are removed */
        }
        return r;
}
