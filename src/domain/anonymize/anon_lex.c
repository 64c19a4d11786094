/* Lexicon: folding, hash tables, and loading the per-language lists. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/utf8.h"
#include "domain/anonymize/anon_internal.h"

int htab_init(HTab *t, size_t cap) {
        size_t c = 64;
        while (c < cap * 2)
                c <<= 1;
        t->slots = calloc(c, sizeof(HSlot));
        t->cap = c;
        t->n = 0;
        t->bloom = NULL;
        t->bloom_mask = 0;
        return t->slots ? 0 : -ENOMEM;
}

void htab_free(HTab *t) {
        free(t->bloom);
        t->bloom = NULL;
        free(t->slots);
        t->slots = NULL;
        t->cap = t->n = 0;
}

int htab_seal(HTab *t) {
        size_t bits = 1 << 12;
        while (bits < t->n * 16)
                bits <<= 1;
        free(t->bloom);
        if (!(t->bloom = calloc(bits / 64, sizeof(uint64_t))))
                return -ENOMEM;
        t->bloom_mask = bits - 1;
        for (size_t i = 0; i < t->cap; i++) {
                if (!t->slots[i].item)
                        continue;
                uint32_t h = t->slots[i].hash;
                size_t a = h & t->bloom_mask, b = ((h >> 16) * 40503u) & t->bloom_mask;
                t->bloom[a >> 6] |= 1ull << (a & 63);
                t->bloom[b >> 6] |= 1ull << (b & 63);
        }
        return 0;
}

void *htab_get(const HTab *t, const char *key, size_t n, uint32_t h) {
        if (!htab_maybe(t, h))
                return NULL;
        for (size_t i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
                const HSlot *sl = &t->slots[i];
                if (!sl->item)
                        return NULL;
                if (sl->hash != h)
                        continue;
                HItem *it = sl->item;
                if (it->klen == n && memcmp(it->key, key, n) == 0)
                        return it;
        }
}

static int htab_grow(HTab *t) {
        HTab nt;
        if (htab_init(&nt, t->cap) < 0)
                return -ENOMEM;
        for (size_t i = 0; i < t->cap; i++) {
                if (!t->slots[i].item)
                        continue;
                size_t j = t->slots[i].hash & (nt.cap - 1);
                while (nt.slots[j].item)
                        j = (j + 1) & (nt.cap - 1);
                nt.slots[j] = t->slots[i];
                nt.n++;
        }
        free(t->slots);
        *t = nt;
        return 0;
}

int htab_put(HTab *t, void *item) {
        HItem *it = item;
        free(t->bloom); /* a table that grows again is no longer sealed */
        t->bloom = NULL;
        if ((t->n + 1) * 2 > t->cap && htab_grow(t) < 0)
                return -ENOMEM;
        size_t j = it->hash & (t->cap - 1);
        while (t->slots[j].item)
                j = (j + 1) & (t->cap - 1);
        t->slots[j] = (HSlot){ it->hash, item };
        t->n++;
        return 0;
}

bool anon_is_letter(uint32_t cp) {
        if (cp < 0x80)
                return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
        /* fast paths for the scripts of our languages: Latin-1, Latin Extended-A, Greek */
        if (cp >= 0xC0 && cp <= 0x17F)
                return cp != 0xD7 && cp != 0xF7;
        if ((cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x3AC && cp <= 0x3CE))
                return cp != 0x3A2;
        utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
        return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
}

bool anon_caseless_at(uint32_t cp) {
        if (cp >= 0x10D0 && cp <= 0x10FF)
                return true; /* Georgian Mkhedruli: lower case since Unicode 11, written without capitals */
        return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LO;
}

bool anon_is_upper(uint32_t cp) {
        if (cp < 0x80)
                return cp >= 'A' && cp <= 'Z';
        if (cp >= 0xC0 && cp <= 0xDE)
                return cp != 0xD7;
        if (cp >= 0xDF && cp <= 0xFF)
                return false;
        if (cp >= 0x391 && cp <= 0x3A9)
                return true;
        if (cp >= 0x3AC && cp <= 0x3CE)
                return false;
        return utf8proc_isupper((utf8proc_int32_t)cp);
}

/* Folded forms and classes of the two-byte code points (U+0080..U+07FF:
 * Latin, Greek, Cyrillic), computed once with utf8proc: most non-ASCII
 * letters of our languages, without a utf8proc call per letter. fold[0]
 * is the length, or ANON_FOLD2_SLOW when the form does not fit (utf8proc
 * is asked then). */
static AnonTwoByte two_byte;
static pthread_once_t two_byte_once = PTHREAD_ONCE_INIT;

static void two_byte_init(void) {
        for (uint32_t cp = 0x80; cp < 0x800; cp++) {
                unsigned char *f = two_byte.fold[cp - 0x80];
                two_byte.cls[cp - 0x80] = (uint8_t)((anon_is_letter(cp) ? ANON_L2_LETTER : 0) |
                                                    (anon_is_upper(cp) ? ANON_L2_UPPER : 0));
                utf8proc_int32_t buf[8];
                int last = 0;
                utf8proc_ssize_t k = utf8proc_decompose_char(
                        (utf8proc_int32_t)cp, buf, 8,
                        UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK, &last);
                size_t o = 0;
                char tmp[32];
                for (utf8proc_ssize_t j = 0; k >= 0 && k <= 8 && j < k; j++)
                        o += (size_t)utf8_encode((uint32_t)buf[j], tmp + o);
                if (k < 0 || k > 8 || o > 7) {
                        f[0] = ANON_FOLD2_SLOW;
                        continue;
                }
                f[0] = (unsigned char)o;
                memcpy(f + 1, tmp, o);
        }
}

const AnonTwoByte *anon_two_byte(void) {
        pthread_once(&two_byte_once, two_byte_init);
        return &two_byte;
}

size_t anon_fold(const char *s, size_t n, char *out) {
        size_t o = 0;
        const AnonTwoByte *tb = anon_two_byte();
        for (size_t i = 0; i < n;) {
                unsigned char c = (unsigned char)s[i];
                if (c < 0x80) {
                        if (o >= ANON_FOLD_MAX)
                                return 0;
                        out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
                        i++;
                        continue;
                }
                if (c >= 0xC2 && c <= 0xDF && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
                        const unsigned char *f = tb->fold[(((c & 0x1Fu) << 6) | ((unsigned char)s[i + 1] & 0x3Fu)) - 0x80];
                        if (f[0] != ANON_FOLD2_SLOW) {
                                if (o + f[0] > ANON_FOLD_MAX || o + 4 > ANON_FOLD_MAX)
                                        return 0;
                                memcpy(out + o, f + 1, f[0]);
                                o += f[0];
                                i += 2;
                                continue;
                        }
                }
                uint32_t cp;
                int l = utf8_decode(s + i, n - i, &cp);
                if (l < 0)
                        return 0;
                i += (size_t)l;
                utf8proc_int32_t buf[8];
                int last = 0;
                utf8proc_ssize_t k = utf8proc_decompose_char(
                        (utf8proc_int32_t)cp, buf, 8,
                        UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK, &last);
                if (k < 0 || k > 8)
                        return 0;
                for (utf8proc_ssize_t j = 0; j < k; j++) {
                        if (o + 4 > ANON_FOLD_MAX)
                                return 0;
                        o += (size_t)utf8_encode((uint32_t)buf[j], out + o);
                }
        }
        return o;
}

size_t anon_phrase_key(const char *s, size_t n, char *out, size_t cap) {
        size_t o = 0;
        for (size_t i = 0; i < n;) {
                uint32_t cp = 0;
                int l = utf8_decode(s + i, n - i, &cp);
                if (l < 0)
                        return 0;
                bool digit = (cp >= '0' && cp <= '9') || cp == '#'; /* "#": any small number */
                if (!digit && !anon_is_letter(cp)) {
                        i += (size_t)l;
                        continue;
                }
                size_t j = i;
                while (j < n) {
                        int m = utf8_decode(s + j, n - j, &cp);
                        if (m < 0 || (digit ? !((cp >= '0' && cp <= '9') || cp == '#') : !anon_is_letter(cp)))
                                break;
                        j += (size_t)m;
                }
                char f[ANON_FOLD_MAX];
                size_t fl = digit ? 1 : anon_fold(s + i, j - i, f);
                if (digit)
                        f[0] = '#';
                if (!fl || o + fl + 1 >= cap)
                        return 0;
                if (o)
                        out[o++] = ' ';
                memcpy(out + o, f, fl);
                o += fl;
                i = j;
        }
        return o;
}

/* Copies w into cell c, with its key (and base, when it is the key) in the
 * cell when it fits. */
static void cell_fill(LexCell *c, const LexWord *w) {
        c->w = *w;
        if (w->klen >= ANON_CELL_KEY)
                return;
        memcpy(c->key, w->key, w->klen);
        c->key[w->klen] = 0;
        if (w->base == w->key)
                c->w.base = c->key;
        c->w.key = c->key;
}

int anon_lex_pool(AnonEngine *e) {
        HTab *tabs[2] = { &e->words, &e->names };
        size_t n = e->words.n + e->names.n, k = 0;
        if (n >= UINT32_MAX)
                return -E2BIG;
        size_t bytes = ((n ? n : 1) * sizeof(LexCell) + 63) & ~(size_t)63; /* a multiple of the alignment */
        LexCell *pool = aligned_alloc(64, bytes);
        if (!pool)
                return -ENOMEM;
        for (int t = 0; t < 2; t++)
                for (size_t i = 0; i < tabs[t]->cap; i++)
                        if (tabs[t]->slots[i].item) {
                                cell_fill(&pool[k], tabs[t]->slots[i].item);
                                tabs[t]->slots[i].item = &pool[k++].w;
                        }
        free(e->pool);
        e->pool = pool;
        e->npool = k;
        return 0;
}

const LexWord *anon_lex_get(const AnonEngine *e, const char *key, size_t n) {
        return htab_get(&e->words, key, n, anon_hash(key, n));
}

const LexWord *anon_lex_get_h(const AnonEngine *e, const char *key, size_t n, uint32_t h) {
        return htab_get(&e->words, key, n, h);
}

const LexWord *anon_name_get_h(const AnonEngine *e, const char *key, size_t n, uint32_t h) {
        return htab_get(&e->names, key, n, h);
}

const Phrase *anon_phrase_get(const AnonEngine *e, const char *key, size_t n) {
        return htab_get(&e->phrases, key, n, anon_hash(key, n));
}

