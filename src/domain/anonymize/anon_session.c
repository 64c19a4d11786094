/* Session state: the profile's known values in normalised form, and the
 * people named so far with their pseudonyms, kept across the chunks of one
 * document (or across one pool's documents). */
#include <errno.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "domain/anonymize/anon_internal.h"
#include "domain/anonymize/anon_session.h"

static char *norm_copy(Arena *a, const char *s, int mode, size_t *ret_n) {
        size_t n = strlen(s), o = 0;
        if (n > ANON_MAX_KNOWN_LEN)
                return NULL;
        char *r = arena_alloc(a, n + 1);
        for (size_t i = 0; r && i < n; i++) {
                char c = s[i];
                bool digit = c >= '0' && c <= '9', alpha = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
                if (mode == 0 && digit)
                        r[o++] = c;
                else if (mode == 1 && (digit || alpha))
                        r[o++] = (char)(alpha ? c & ~0x20 : c);
                else if (mode == 2)
                        r[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        *ret_n = o;
        return r;
}

static int add_known(AnonSession *s, const char *const *v, size_t n, int mode, KnownList *l) {
        if (n > ANON_MAX_KNOWN)
                return -EINVAL;
        for (size_t i = 0; i < n; i++) {
                if (!v[i] || strlen(v[i]) > ANON_MAX_KNOWN_LEN)
                        return -EINVAL;
                size_t len;
                char *c = norm_copy(s->arena, v[i], mode, &len);
                if (!c)
                        return -ENOMEM;
                if (len >= 4 && l->n < ANON_MAX_KNOWN * 2) {
                        l->v[l->n] = c;
                        l->len[l->n++] = len;
                }
        }
        return 0;
}

static bool is_stem_vowel(const char *k, size_t n, size_t *ret_cut) {
        static const char *const v[] = { "a", "e", "i", "o", "u", "y", "ą", "ę", "α", "η", "ο",
                                         "ι", "υ", "ω", "σ", "ă" };
        for (size_t i = 0; i < sizeof(v) / sizeof(*v); i++) {
                size_t l = strlen(v[i]);
                if (n > l + 2 && memcmp(k + n - l, v[i], l) == 0) {
                        *ret_cut = l;
                        return true;
                }
        }
        return false;
}

/* Known names: folded tokens, each with a stem for inflected forms. */
static int add_known_names(AnonSession *s, const char *const *v, size_t n) {
        if (n > ANON_MAX_KNOWN)
                return -EINVAL;
        for (size_t i = 0; i < n; i++) {
                if (!v[i] || strlen(v[i]) > ANON_MAX_KNOWN_LEN)
                        return -EINVAL;
                char key[ANON_MAX_KNOWN_LEN * 4];
                size_t kl = anon_phrase_key(v[i], strlen(v[i]), key, sizeof(key));
                KnownName *kn = &s->names[s->n_names];
                for (size_t p = 0; p < kl && kn->n < ANON_NAME_RUN_MAX;) {
                        size_t e = p;
                        while (e < kl && key[e] != ' ')
                                e++;
                        char *t = arena_strndup(s->arena, key + p, e - p);
                        if (!t)
                                return -ENOMEM;
                        size_t cut = 0;
                        kn->tok[kn->n] = t;
                        kn->len[kn->n] = e - p;
                        kn->stem[kn->n] = is_stem_vowel(t, e - p, &cut) ? e - p - cut : e - p;
                        kn->n++;
                        p = e + 1;
                }
                if (kn->n)
                        s->n_names++;
        }
        return 0;
}

AnonSession *anon_session_new(const AnonEngine *e, const AnonOptions *opt, int *ret_err) {
        int r = -ENOMEM;
        AnonSession *s = calloc(1, sizeof(*s));
        if (!s || !(s->arena = arena_new()) || htab_init(&s->people, 64) < 0 ||
            htab_init(&s->codes, 64) < 0)
                goto fail;
        r = -EINVAL;
        if (opt->pool_id && strlen(opt->pool_id) > ANON_MAX_POOL_ID)
                goto fail;
        s->e = e;
        s->lang = opt->lang < LANG_MAX ? opt->lang : LANG_EN;
        s->lang_auto = opt->lang_auto;
        s->first_is_candidate = opt->first_name_is_candidate;
        s->name_candidate = opt->name_candidate;
        s->name_candidate_ctx = opt->name_candidate_ctx;
        memcpy(s->key, opt->key, ANON_KEY_BYTES);
        snprintf(s->pool, sizeof(s->pool), "%s", opt->pool_id ? opt->pool_id : "");
        const AnonKnown *k = &opt->known;
        if ((r = add_known(s, k->emails, k->n_emails, 2, &s->emails)) < 0 ||
            (r = add_known(s, k->phones, k->n_phones, 0, &s->digits)) < 0 ||
            (r = add_known(s, k->ids, k->n_ids, 0, &s->digits)) < 0 ||
            (r = add_known(s, k->ids, k->n_ids, 1, &s->alnum)) < 0 ||
            (r = add_known_names(s, k->names, k->n_names)) < 0)
                goto fail;
        return s;
fail:
        anon_session_free(s);
        *ret_err = r;
        return NULL;
}

void anon_session_free(AnonSession *s) {
        if (!s)
                return;
        htab_free(&s->people);
        htab_free(&s->codes);
        free(s->toks);
        free(s->fold);
        free(s->finds);
        free(s->cov);
        free(s->caps);
        free(s->memo);
        arena_free(s->arena);
        free(s);
}

static bool list_has(const KnownList *l, const char *v, size_t n, bool tail9) {
        for (size_t i = 0; i < l->n; i++) {
                if (l->len[i] == n && memcmp(l->v[i], v, n) == 0)
                        return true;
                if (tail9 && n >= 9 && l->len[i] >= 9 &&
                    memcmp(l->v[i] + l->len[i] - 9, v + n - 9, 9) == 0)
                        return true;
        }
        return false;
}

bool anon_session_known_digits(const AnonSession *s, const char *d, size_t n) {
        return list_has(&s->digits, d, n, true);
}

bool anon_session_known_alnum(const AnonSession *s, const char *d, size_t n) {
        return list_has(&s->alnum, d, n, false);
}

bool anon_session_known_email(const AnonSession *s, const char *e, size_t n) {
        char low[ANON_MAX_KNOWN_LEN];
        if (n > sizeof(low))
                return false;
        for (size_t i = 0; i < n; i++)
                low[i] = (char)(e[i] >= 'A' && e[i] <= 'Z' ? e[i] + 32 : e[i]);
        return list_has(&s->emails, low, n, false);
}

/* The folded word w (n bytes) is known token k, whole or inflected. */
static bool key_matches(const char *w, size_t n, const KnownName *kn, size_t k) {
        if (n == kn->len[k] && memcmp(w, kn->tok[k], n) == 0)
                return true;
        return kn->stem[k] >= 3 && n >= kn->stem[k] && n <= kn->stem[k] + 6 && memcmp(w, kn->tok[k], kn->stem[k]) == 0;
}

static bool tok_matches(const Scan *sc, const Tok *t, const KnownName *kn) {
        const char *w = tok_key(sc, t);
        for (size_t k = 0; k < kn->n; k++) {
                if (t->flags & TOK_INITIAL) {
                        if (t->flen >= 1 && w[0] == kn->tok[k][0])
                                return true;
                        continue;
                }
                if (key_matches(w, t->flen, kn, k))
                        return true;
        }
        /* "Олександр Шевченко", "Γιώργος" for a profile's "Oleksandr Shevchenko", "Giorgos" */
        char lat[ANON_FOLD_MAX * 2];
        for (int v = 0; v < 2 && t->flen && (unsigned char)w[0] >= 0x80 && !(t->flags & TOK_INITIAL); v++) {
                size_t ln = anon_translit(w, t->flen, v, lat, sizeof(lat));
                for (size_t k = 0; ln && k < kn->n; k++)
                        if (key_matches(lat, ln, kn, k))
                                return true;
        }
        return false;
}

size_t anon_session_known_name(Scan *sc, size_t i) {
        for (size_t n = 0; n < sc->s->n_names; n++) {
                const KnownName *kn = &sc->s->names[n];
                size_t j = i, real = 0;
                while (j < sc->ntok && j - i < ANON_NAME_RUN_MAX) {
                        const Tok *t = &sc->toks[j];
                        if ((j > i && !(t->flags & TOK_JOINED)) ||
                            !(t->flags & (TOK_CAP | TOK_ALLCAPS)) || !tok_matches(sc, t, kn))
                                break;
                        real += !(t->flags & TOK_INITIAL);
                        j++;
                }
                while (j > i && (sc->toks[j - 1].flags & TOK_INITIAL))
                        j--;
                if (real)
                        return j - i;
        }
        return 0;
}
