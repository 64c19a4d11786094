/* Word splitting and folding for the ad checker, plus its string map. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "domain/adcheck/adcheck_internal.h"

/* ---- string map ---- */

uint32_t strmap_hash(const char *s, size_t n) { return strmap_hash_more(STRMAP_HASH_INIT, s, n); }

static int strmap_grow(StrMap *m) {
        size_t cap = m->cap ? m->cap * 2 : 64;
        MapSlot *s = calloc(cap, sizeof(*s));
        if (!s)
                return -ENOMEM;
        for (size_t i = 0; i < m->cap; i++) {
                if (!m->slots[i].key)
                        continue;
                size_t j = m->slots[i].hash & (cap - 1);
                while (s[j].key)
                        j = (j + 1) & (cap - 1);
                s[j] = m->slots[i];
        }
        free(m->slots);
        m->slots = s;
        m->cap = cap;
        return 0;
}

int strmap_put(StrMap *m, const char *key, size_t klen, int32_t val) {
        if ((m->n + 1) * 2 > m->cap && strmap_grow(m) < 0)
                return -ENOMEM;
        if (!m->filter && !(m->filter = calloc(STRMAP_FILTER_BITS / 64, sizeof(uint64_t))))
                return -ENOMEM;
        uint32_t h = strmap_hash(key, klen);
        uint32_t bit = (h >> 7) % STRMAP_FILTER_BITS;
        m->filter[bit / 64] |= (uint64_t)1 << (bit % 64);
        size_t j = h & (m->cap - 1);
        while (m->slots[j].key) {
                MapSlot *s = &m->slots[j];
                if (s->hash == h && s->klen == klen && memcmp(s->key, key, klen) == 0) {
                        s->val = val;
                        return 0;
                }
                j = (j + 1) & (m->cap - 1);
        }
        m->slots[j] = (MapSlot){ key, (uint32_t)klen, h, val };
        m->n++;
        return 0;
}

int32_t strmap_probe(const StrMap *m, const char *key, size_t klen, uint32_t hash) {
        if (!m->cap)
                return -1;
        size_t j = hash & (m->cap - 1);
        while (m->slots[j].key) {
                const MapSlot *s = &m->slots[j];
                if (s->hash == hash && s->klen == klen && memcmp(s->key, key, klen) == 0)
                        return s->val;
                j = (j + 1) & (m->cap - 1);
        }
        return -1;
}

void strmap_free(StrMap *m) {
        free(m->slots);
        free(m->filter);
        *m = (StrMap){ 0 };
}

/* ---- folding ---- */

/* Letters that keep no decomposition in Unicode but that writers often
 * type without their stroke ("zl" for "zł", "Dakovic" for "Đaković"). */
static int32_t fold_extra(int32_t cp) {
        switch (cp) {
        case 0x0142: return 'l'; /* ł */
        case 0x0111: return 'd'; /* đ */
        case 0x00F8: return 'o'; /* ø */
        case 0x0131: return 'i'; /* dotless ı */
        case 0x2010: case 0x2011: return '-';
        default: return cp;
        }
}

/* Appends the folded form of cp to buf; returns bytes written (<= 64). */
static size_t fold_cp(int32_t cp, char *buf) {
        if (cp < 0x80) {
                buf[0] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
                return 1;
        }
        utf8proc_int32_t dec[16];
        int last = 0;
        utf8proc_ssize_t nd = utf8proc_decompose_char(
                cp, dec, 16, UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_COMPAT,
                &last);
        if (nd < 0 || nd > 16) {
                dec[0] = cp;
                nd = 1;
        }
        size_t o = 0;
        for (utf8proc_ssize_t i = 0; i < nd; i++)
                o += (size_t)utf8proc_encode_char(fold_extra(dec[i]), (utf8proc_uint8_t *)buf + o);
        return o;
}

enum { CC_SPACE, CC_NEWLINE, CC_WORD, CC_IGNORE, CC_PUNCT };

static int char_class(int32_t cp) {
        if (cp == '\n' || cp == 0x2028 || cp == 0x2029 || cp == 0x85)
                return CC_NEWLINE;
        if (cp < 0)
                return CC_SPACE; /* invalid byte: a separator */
        if (cp < 0x80) {
                if ((cp | 32) >= 'a' && (cp | 32) <= 'z')
                        return CC_WORD;
                if (cp >= '0' && cp <= '9')
                        return CC_WORD;
                if (cp <= ' ' || cp == 0x7f)
                        return CC_SPACE;
                return CC_PUNCT;
        }
        switch (utf8proc_category(cp)) {
        case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
        case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
                return CC_WORD;
        case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CS:
        case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_CO:
                return CC_SPACE;
        case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
                return CC_NEWLINE;
        case UTF8PROC_CATEGORY_CF:
                return CC_IGNORE; /* soft hyphen, zero-width joiner: inside words */
        default:
                return CC_PUNCT;
        }
}

static int fold_reserve(AdText *t, size_t more) {
        if (t->fold_len + more + 1 <= t->fold_cap)
                return 0;
        size_t cap = t->fold_cap ? t->fold_cap : 256;
        while (cap < t->fold_len + more + 1)
                cap *= 2;
        char *p = realloc(t->fold, cap);
        if (!p)
                return -ENOMEM;
        t->fold = p;
        t->fold_cap = cap;
        return 0;
}

static Tok *tok_push(AdText *t) {
        if (t->n == t->cap) {
                size_t cap = t->cap ? t->cap * 2 : 128;
                Tok *p = realloc(t->toks, cap * sizeof(*p));
                if (!p)
                        return NULL;
                t->toks = p;
                t->cap = cap;
        }
        Tok *k = &t->toks[t->n++];
        memset(k, 0, sizeof(*k));
        return k;
}

static int32_t peek_cp(const char *s, size_t n, size_t i, size_t *ret_len) {
        if ((unsigned char)s[i] < 0x80) {
                *ret_len = 1;
                return (unsigned char)s[i];
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (l <= 0) {
                *ret_len = 1;
                return -1;
        }
        *ret_len = (size_t)l;
        return cp;
}

static bool is_ascii_digit_str(const char *s, size_t n) {
        for (size_t i = 0; i < n; i++)
                if (s[i] < '0' || s[i] > '9')
                        return false;
        return n > 0;
}

/* A hyphen joins two words ("health-tech", "co-operative") but not two
 * numbers ("28-34"), which the pay detector reads as a range. */
static bool hyphen_joins(const AdText *t, size_t i, size_t *ret_len) {
        size_t l1, l2;
        int32_t h = peek_cp(t->src, t->len, i, &l1);
        if (h != '-' && h != 0x2010)
                return false;
        if (i + l1 >= t->len || t->fold_len == 0)
                return false;
        int32_t next = peek_cp(t->src, t->len, i + l1, &l2);
        if (char_class(next) != CC_WORD)
                return false;
        char c = t->fold[t->fold_len - 1];
        bool prev_digit = c >= '0' && c <= '9';
        bool next_digit = next >= '0' && next <= '9';
        if (prev_digit && next_digit)
                return false;
        *ret_len = l1;
        return true;
}

/* Reads one word starting at i into a new token; returns the end offset. */
static size_t read_word(AdText *t, size_t i, Tok *k) {
        k->kind = TOK_WORD;
        k->start = (uint32_t)i;
        k->f = (uint32_t)t->fold_len;
        size_t end = i;
        while (i < t->len) {
                size_t l;
                int32_t cp = peek_cp(t->src, t->len, i, &l);
                int cc = char_class(cp);
                if (cc == CC_PUNCT && hyphen_joins(t, i, &l))
                        cc = CC_WORD;
                if (cc == CC_IGNORE) {
                        i += l;
                        continue;
                }
                if (cc != CC_WORD)
                        break;
                if (fold_reserve(t, 64) < 0) {
                        t->err = -ENOMEM;
                        break;
                }
                t->fold_len += fold_cp(cp, t->fold + t->fold_len);
                i += l;
                end = i;
        }
        k->end = (uint32_t)end;
        k->flen = (uint32_t)(t->fold_len - k->f);
        k->digits = is_ascii_digit_str(t->fold + k->f, k->flen);
        k->hash = strmap_hash(t->fold + k->f, k->flen);
        return end;
}

static bool ends_sentence(const AdText *t, const Tok *k, size_t next) {
        if (k->kind != TOK_PUNCT || k->flen != 1)
                return false;
        char c = t->fold[k->f];
        if (c != '.' && c != '!' && c != '?' && c != ';')
                return false;
        if (next >= t->len)
                return true;
        size_t l;
        int cc = char_class(peek_cp(t->src, t->len, next, &l));
        return cc == CC_SPACE || cc == CC_NEWLINE;
}

static int adtext_step(AdText *t, size_t *pi, int *gap, uint32_t *sent) {
        size_t l, i = *pi;
        int32_t cp = peek_cp(t->src, t->len, i, &l);
        int cc = char_class(cp);
        if (cc == CC_SPACE || cc == CC_IGNORE || cc == CC_NEWLINE) {
                if (cc == CC_NEWLINE) {
                        if (*gap != 3 && t->n)
                                (*sent)++;
                        *gap = 3;
                } else if (cc == CC_SPACE && *gap < 3) {
                        *gap = *gap ? 2 : 1;
                }
                *pi = i + l;
                return 0;
        }
        Tok *k = tok_push(t);
        if (!k || fold_reserve(t, 64) < 0)
                return -ENOMEM;
        k->gap = (uint8_t)*gap;
        k->sent = *sent;
        *gap = 0;
        if (cc == CC_WORD) {
                *pi = read_word(t, i, k);
                return t->err;
        }
        k->kind = TOK_PUNCT;
        k->start = (uint32_t)i;
        k->end = (uint32_t)(i + l);
        k->f = (uint32_t)t->fold_len;
        t->fold_len += fold_cp(cp, t->fold + t->fold_len);
        k->flen = (uint32_t)(t->fold_len - k->f);
        k->hash = strmap_hash(t->fold + k->f, k->flen);
        *pi = i + l;
        if (ends_sentence(t, k, *pi))
                (*sent)++;
        return 0;
}

int adtext_build(AdText *t, const char *s, size_t n) {
        *t = (AdText){ .src = s, .len = n };
        if (fold_reserve(t, n + 16) < 0)
                return -ENOMEM;
        int gap = 0;
        uint32_t sent = 0;
        size_t i = 0;
        while (i < n) {
                int r = adtext_step(t, &i, &gap, &sent);
                if (r < 0)
                        return r;
        }
        t->fold[t->fold_len] = '\0';
        return 0;
}

void adtext_free(AdText *t) {
        free(t->fold);
        free(t->toks);
        *t = (AdText){ 0 };
}

int adtext_fold_string(const char *s, char **ret) {
        size_t n = strlen(s);
        char *out = malloc(n * 64 + 1); /* fold_cp writes <= 64 bytes per code point */
        if (!out)
                return -ENOMEM;
        size_t o = 0, i = 0;
        while (i < n) {
                size_t l;
                int32_t cp = peek_cp(s, n, i, &l);
                if (cp >= 0 && char_class(cp) != CC_IGNORE)
                        o += fold_cp(cp, out + o);
                i += l;
        }
        out[o] = '\0';
        *ret = out;
        return 0;
}
