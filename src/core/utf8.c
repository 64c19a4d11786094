#include "core/utf8.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

int utf8_decode(const char *str, size_t n, uint32_t *ret_cp) {
        const unsigned char *s = (const unsigned char *)str;
        if (n == 0)
                return -1;
        unsigned c = s[0];
        if (c < 0x80) {
                *ret_cp = c;
                return 1;
        }
        int len;
        uint32_t cp, min;
        if ((c & 0xE0) == 0xC0) {
                len = 2, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
                len = 3, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
                len = 4, cp = c & 0x07, min = 0x10000;
        } else {
                return -1;
        }
        if ((size_t)len > n)
                return -1;
        for (int i = 1; i < len; i++) {
                if ((s[i] & 0xC0) != 0x80)
                        return -1;
                cp = (cp << 6) | (s[i] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                return -1;
        *ret_cp = cp;
        return len;
}

int utf8_encode(uint32_t cp, char out[4]) {
        if (cp < 0x80) {
                out[0] = (char)cp;
                return 1;
        }
        if (cp < 0x800) {
                out[0] = (char)(0xC0 | (cp >> 6));
                out[1] = (char)(0x80 | (cp & 0x3F));
                return 2;
        }
        if (cp >= 0xD800 && cp <= 0xDFFF)
                return 0;
        if (cp < 0x10000) {
                out[0] = (char)(0xE0 | (cp >> 12));
                out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
                out[2] = (char)(0x80 | (cp & 0x3F));
                return 3;
        }
        if (cp > 0x10FFFF)
                return 0;
        out[0] = (char)(0xF0 | (cp >> 18));
        out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[3] = (char)(0x80 | (cp & 0x3F));
        return 4;
}

/* The first byte >= 0x80 from i (or where fewer than 8 bytes are left),
 * looked at in whole blocks: 32 bytes with SSE2 (every x86-64 has it),
 * then 8, whose mask says which byte it is. */
static inline size_t ascii_run(const char *s, size_t i, size_t n) {
#ifdef __SSE2__
        for (; i + 32 <= n; i += 32) {
                __m128i a = _mm_loadu_si128((const __m128i *)(s + i));
                __m128i b = _mm_loadu_si128((const __m128i *)(s + i + 16));
                if (_mm_movemask_epi8(_mm_or_si128(a, b)))
                        break;
        }
#endif
        for (uint64_t w; i + 8 <= n; i += 8) {
                memcpy(&w, s + i, 8);
                w &= 0x8080808080808080ull;
                if (w) {
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
                        return i + (size_t)(__builtin_clzll(w) >> 3);
#else
                        return i + (size_t)(__builtin_ctzll(w) >> 3);
#endif
                }
        }
        return i;
}

bool utf8_valid(const char *s, size_t n) {
        uint32_t cp;
        for (size_t i = 0; i < n;) {
                i = ascii_run(s, i, n);
                if (i >= n)
                        break;
                unsigned char c = (unsigned char)s[i];
                if (c < 0x80) {
                        i++;
                        continue;
                }
                /* two-byte sequences (Latin letters with marks, Greek) inline:
                 * C2..DF and a continuation byte are always valid */
                if (c >= 0xC2 && c <= 0xDF && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
                        i += 2;
                        continue;
                }
                int l = utf8_decode(s + i, n - i, &cp);
                if (l < 0)
                        return false;
                i += (size_t)l;
        }
        return true;
}

char *utf8_sanitize(Arena *a, const char *s, size_t n) {
        if (n > (SIZE_MAX - 1) / 3)
                return NULL;
        char *out = arena_alloc(a, n * 3 + 1);
        if (!out)
                return NULL;
        size_t o = 0;
        uint32_t cp;
        for (size_t i = 0; i < n;) {
                int l = utf8_decode(s + i, n - i, &cp);
                if (l < 0) {
                        memcpy(out + o, "\xEF\xBF\xBD", 3);
                        o += 3;
                        i++;
                        continue;
                }
                if (cp != 0) {
                        memcpy(out + o, s + i, (size_t)l);
                        o += (size_t)l;
                }
                i += (size_t)l;
        }
        out[o] = '\0';
        return out;
}

size_t utf8_length(const char *s, size_t n) {
        size_t count = 0;
        uint32_t cp;
        for (size_t i = 0; i < n; count++) {
                int l = utf8_decode(s + i, n - i, &cp);
                i += l < 0 ? 1 : (size_t)l;
        }
        return count;
}

size_t utf8_truncate(const char *s, size_t n, size_t max_bytes) {
        if (n <= max_bytes)
                return n;
        size_t i = max_bytes;
        while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
                i--;
        return i;
}
