/* Loading the per-language data files of the ad checker
 * (data/adcheck/<lang>/, formats in data/adcheck/README.md). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/adcheck/adcheck_internal.h"

static int grow(void **v, size_t *cap, size_t n, size_t size) {
        if (n < *cap)
                return 0;
        size_t c = *cap ? *cap * 2 : 16;
        void *p = realloc(*v, c * size);
        if (!p)
                return -ENOMEM;
        *v = p;
        *cap = c;
        return 0;
}

/* Folds s and keeps the copy with the lexicon. */
static const char *lex_fold(Lexicon *lx, const char *s) {
        char *f;
        if (grow((void **)&lx->blobs, &lx->cap_blobs, lx->n_blobs, sizeof(char *)) < 0 ||
            adtext_fold_string(s, &f) < 0)
                return NULL;
        lx->blobs[lx->n_blobs++] = f;
        return f;
}

static const char *lex_strdup(Lexicon *lx, const char *s) {
        char *f = strdup(s);
        if (!f || grow((void **)&lx->blobs, &lx->cap_blobs, lx->n_blobs, sizeof(char *)) < 0) {
                free(f);
                return NULL;
        }
        lx->blobs[lx->n_blobs++] = f;
        return f;
}

typedef int (*LineFn)(Lexicon *lx, char **fields, int n_fields, void *ctx);

/* Calls fn for every non-comment line of dir/name split on tabs. A missing
 * optional file is not an error. */
static int read_lines(Lexicon *lx, const char *dir, const char *name, bool optional, LineFn fn, void *ctx) {
        char path[4096];
        if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >= sizeof(path))
                return -EINVAL;
        FILE *f = fopen(path, "r");
        if (!f)
                return optional ? 0 : -ENOENT;
        char line[2048];
        int r = 0;
        long total = 0;
        while (r == 0 && fgets(line, sizeof(line), f)) {
                total += (long)strlen(line);
                if ((size_t)total > ADCHECK_MAX_DATA_FILE) {
                        r = -E2BIG;
                        break;
                }
                line[strcspn(line, "\r\n")] = '\0';
                if (line[0] == '#' || line[0] == '\0')
                        continue;
                char *fields[4] = { 0 };
                int nf = 0;
                for (char *p = line; p && nf < 4; nf++) {
                        fields[nf] = p;
                        p = strchr(p, '\t');
                        if (p)
                                *p++ = '\0';
                }
                r = fn(lx, fields, nf, ctx);
        }
        fclose(f);
        return r;
}

static int put_folded(Lexicon *lx, StrMap *m, const char *s, int32_t val, uint32_t *max_len) {
        const char *f = lex_fold(lx, s);
        if (!f)
                return -ENOMEM;
        size_t n = strlen(f);
        if (n == 0)
                return -EINVAL;
        if (max_len && n > *max_len)
                *max_len = (uint32_t)n;
        return strmap_put(m, f, n, val);
}

static int on_stem(Lexicon *lx, char **f, int n, void *ctx) {
        return put_folded(lx, &lx->stems, f[0], *(int *)ctx, &lx->max_stem);
}

static int on_word(Lexicon *lx, char **f, int n, void *ctx) {
        return put_folded(lx, (StrMap *)ctx, f[0], 1, NULL);
}

static int on_title(Lexicon *lx, char **f, int n, void *ctx) {
        if (n < 3 || grow((void **)&lx->titles, &lx->cap_titles, lx->n_titles, sizeof(Title)) < 0)
                return n < 3 ? -EINVAL : -ENOMEM;
        Title *t = &lx->titles[lx->n_titles];
        t->form = lex_fold(lx, f[0]);
        t->other = lex_fold(lx, strcmp(f[1], "-") == 0 ? "" : f[1]);
        t->suggestion = lex_strdup(lx, f[2]);
        if (!t->form || !t->other || !t->suggestion)
                return -ENOMEM;
        return strmap_put(&lx->title_map, t->form, strlen(t->form), (int32_t)lx->n_titles++);
}

static const char *const pw_kinds[PW_MAX] = { "currency", "keyword", "period", "rangesep", "rangestart", "notpay" };

static int on_payword(Lexicon *lx, char **f, int n, void *ctx) {
        if (n < 2 || grow((void **)&lx->pw, &lx->cap_pw, lx->n_pw, sizeof(PayWord)) < 0)
                return n < 2 ? -EINVAL : -ENOMEM;
        PayWord *p = &lx->pw[lx->n_pw];
        memset(p, 0, sizeof(*p));
        int k = 0;
        while (k < PW_MAX && strcmp(pw_kinds[k], f[0]) != 0)
                k++;
        if (k == PW_MAX)
                return -EINVAL;
        p->kind = (uint8_t)k;
        if (n >= 3)
                snprintf(p->value, sizeof(p->value), "%s", f[2]);
        return put_folded(lx, &lx->paywords, f[1], (int32_t)lx->n_pw++, NULL);
}

int adcheck_pattern_parse(Lexicon *lx, Pattern *p, char *text);

static int add_trigger(Lexicon *lx, StrMap *m, const PatAlt *alt, int32_t pat) {
        if (grow((void **)&lx->triggers, &lx->cap_triggers, lx->n_triggers, sizeof(Trigger)) < 0)
                return -ENOMEM;
        int32_t head = strmap_get(m, alt->s, alt->len);
        lx->triggers[lx->n_triggers] = (Trigger){ pat, head };
        if (alt->prefix && alt->len > lx->max_trig_prefix)
                lx->max_trig_prefix = alt->len;
        return strmap_put(m, alt->s, alt->len, (int32_t)lx->n_triggers++);
}

static int index_pattern(Lexicon *lx, int32_t idx) {
        const PatTok *first = &lx->patterns[idx].toks[0];
        if (first->kind == PT_NUM) {
                if (grow((void **)&lx->triggers, &lx->cap_triggers, lx->n_triggers, sizeof(Trigger)) < 0)
                        return -ENOMEM;
                lx->triggers[lx->n_triggers] = (Trigger){ idx, lx->trig_num };
                lx->trig_num = (int32_t)lx->n_triggers++;
                return 0;
        }
        if (first->kind != PT_LIT && first->kind != PT_PREFIX)
                return -EINVAL; /* a pattern must start with a word */
        for (int a = 0; a < first->n_alts; a++) {
                const PatAlt *alt = &first->alts[a];
                int r = add_trigger(lx, alt->prefix ? &lx->trig_prefix : &lx->trig_exact, alt, idx);
                if (r < 0)
                        return r;
        }
        return 0;
}

static int on_pattern(Lexicon *lx, char **f, int n, void *ctx) {
        if (n < 2)
                return -EINVAL;
        int cat;
        AdcheckCategory c;
        if (strcmp(f[0], "positive") == 0)
                cat = PAT_POSITIVE;
        else if (strcmp(f[0], "lookalike") == 0)
                cat = PAT_LOOKALIKE;
        else if (adcheck_category_parse(f[0], &c) == 0)
                cat = (int)c;
        else
                return -EINVAL;
        if (grow((void **)&lx->patterns, &lx->cap_patterns, lx->n_patterns, sizeof(Pattern)) < 0)
                return -ENOMEM;
        Pattern *p = &lx->patterns[lx->n_patterns];
        memset(p, 0, sizeof(*p));
        p->category = cat;
        if (n >= 3 && f[2][0] && !(p->suggestion = lex_strdup(lx, f[2])))
                return -ENOMEM;
        int r = adcheck_pattern_parse(lx, p, f[1]);
        if (r < 0) {
                /* not counted in n_patterns, so lexicon_free would miss these */
                for (int j = 0; j < p->n; j++)
                        free(p->toks[j].alts);
                return r;
        }
        return index_pattern(lx, (int32_t)lx->n_patterns++);
}

int lexicon_load(Lexicon *lx, const char *dir) {
        memset(lx, 0, sizeof(*lx));
        lx->trig_num = -1;
        int masc = 1, fem = 2, r; /* stem values: 1 masculine, 2 feminine */
        if ((r = read_lines(lx, dir, "masculine.txt", false, on_stem, &masc)) < 0 ||
            (r = read_lines(lx, dir, "feminine.txt", false, on_stem, &fem)) < 0 ||
            (r = read_lines(lx, dir, "exceptions.txt", false, on_word, &lx->exceptions)) < 0 ||
            (r = read_lines(lx, dir, "stopwords.txt", false, on_word, &lx->stopwords)) < 0 ||
            (r = read_lines(lx, dir, "titles.tsv", false, on_title, NULL)) < 0 ||
            (r = read_lines(lx, dir, "patterns.tsv", false, on_pattern, NULL)) < 0 ||
            (r = read_lines(lx, dir, "pay.tsv", false, on_payword, NULL)) < 0) {
                lexicon_free(lx);
                return r;
        }
        lx->loaded = true;
        return 0;
}

void lexicon_free(Lexicon *lx) {
        strmap_free(&lx->stems);
        strmap_free(&lx->exceptions);
        strmap_free(&lx->title_map);
        strmap_free(&lx->trig_exact);
        strmap_free(&lx->trig_prefix);
        strmap_free(&lx->stopwords);
        strmap_free(&lx->paywords);
        for (size_t i = 0; i < lx->n_patterns; i++)
                for (int j = 0; j < lx->patterns[i].n; j++)
                        free(lx->patterns[i].toks[j].alts);
        for (size_t i = 0; i < lx->n_blobs; i++)
                free(lx->blobs[i]);
        free(lx->blobs);
        free(lx->titles);
        free(lx->triggers);
        free(lx->patterns);
        free(lx->pw);
        memset(lx, 0, sizeof(*lx));
}

/* ---- pattern lines: words separated by spaces; "a|b" alternatives,
 * "word*" a prefix, "#" a number, "?" any one word, "..." up to
 * ADCHECK_MAX_GAP_WORDS words ---- */

static int parse_alt(Lexicon *lx, PatAlt *alt, char *s) {
        size_t n = strlen(s);
        alt->prefix = n > 1 && s[n - 1] == '*';
        if (alt->prefix)
                s[n - 1] = '\0';
        AdText t;
        int r = adtext_build(&t, s, strlen(s));
        bool one = r == 0 && t.n == 1;
        adtext_free(&t);
        if (r < 0)
                return r;
        if (!one)
                return -EINVAL; /* each alternative must be a single word or sign */
        alt->s = lex_fold(lx, s);
        if (!alt->s)
                return -ENOMEM;
        alt->len = (uint32_t)strlen(alt->s);
        return 0;
}

static int parse_piece(Lexicon *lx, PatTok *pt, char *piece) {
        if (strcmp(piece, "#") == 0) {
                pt->kind = PT_NUM;
                return 0;
        }
        if (strcmp(piece, "?") == 0) {
                pt->kind = PT_ANY;
                return 0;
        }
        if (strcmp(piece, "...") == 0) {
                pt->kind = PT_GAP;
                return 0;
        }
        size_t n_alts = 1;
        for (const char *c = piece; *c; c++)
                n_alts += *c == '|';
        if (n_alts > 64 || !(pt->alts = calloc(n_alts, sizeof(PatAlt))))
                return n_alts > 64 ? -EINVAL : -ENOMEM;
        pt->kind = PT_LIT;
        char *save = NULL;
        for (char *a = strtok_r(piece, "|", &save); a; a = strtok_r(NULL, "|", &save)) {
                int r = parse_alt(lx, &pt->alts[pt->n_alts], a);
                if (r < 0)
                        return r;
                pt->n_alts++;
        }
        return pt->n_alts ? 0 : -EINVAL;
}

int adcheck_pattern_parse(Lexicon *lx, Pattern *p, char *text) {
        char *save = NULL;
        for (char *piece = strtok_r(text, " ", &save); piece; piece = strtok_r(NULL, " ", &save)) {
                if (p->n == ADCHECK_MAX_PATTERN_TOKENS)
                        return -EINVAL;
                int r = parse_piece(lx, &p->toks[p->n], piece);
                p->n++; /* counted even on failure, so lexicon_free frees the alts */
                if (r < 0)
                        return r;
        }
        if (p->n == 0 || p->toks[p->n - 1].kind == PT_GAP)
                return -EINVAL;
        return 0;
}
