#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "test.h"

static void test_arena(void) {
        Arena *a = arena_new();
        CHECK(a != NULL, "arena_new");
        char *s = arena_strdup(a, "hello");
        CHECK_STREQ(s, "hello", "arena_strdup");
        CHECK(arena_strdup(a, NULL) == NULL, "arena_strdup(NULL) is NULL");
        CHECK_STREQ(arena_printf(a, "%d-%s", 42, "x"), "42-x", "arena_printf");
        CHECK_STREQ(arena_strndup(a, "abcdef", 3), "abc", "arena_strndup");
        void *big = arena_alloc(a, 1 << 20);
        CHECK(big != NULL, "large allocation in its own block");
        unsigned char *z = arena_alloc(a, 64);
        int zero = 1;
        for (int i = 0; i < 64; i++)
                zero &= z[i] == 0;
        CHECK(zero, "arena memory is zeroed");
        CHECK(((uintptr_t)arena_alloc(a, 3) & 15) == 0, "allocations are 16-byte aligned");
        char *raw = arena_alloc_raw(a, 5);
        CHECK(raw != NULL && ((uintptr_t)raw & 15) == 0, "raw allocations are 16-byte aligned");
        memcpy(raw, "raw!", 5);
        CHECK_STREQ(raw, "raw!", "raw allocation is writable whole");
        CHECK(arena_alloc_raw(NULL, 8) == NULL, "raw allocation from no arena is NULL");
        arena_set_limit(a, arena_used(a) + 1024);
        CHECK(arena_alloc(a, 1 << 20) == NULL, "limit refuses a run-away allocation");
        CHECK(arena_alloc_raw(a, 1 << 20) == NULL, "limit refuses a run-away raw allocation");
        CHECK(arena_alloc(a, (size_t)-1) == NULL, "SIZE_MAX allocation fails cleanly");
        CHECK(arena_alloc_raw(a, (size_t)-1) == NULL, "SIZE_MAX raw allocation fails cleanly");
        arena_free(a);
        arena_free(NULL); /* NULL-safe: a crash here fails the binary */
}

static void test_strbuf(void) {
        StrBuf b = STRBUF_INIT;
        CHECK_STREQ(strbuf_str(&b), "", "empty strbuf reads as empty string");
        strbuf_puts(&b, "abc");
        strbuf_putc(&b, '-');
        strbuf_printf(&b, "%05d", 42);
        CHECK_STREQ(strbuf_str(&b), "abc-00042", "append, putc, printf");
        for (int i = 0; i < 10000; i++)
                strbuf_puts(&b, "0123456789");
        CHECK_INTEQ(b.len, 9 + 100000, "grows past many doublings");
        size_t len;
        char *d = strbuf_detach(&b, &len);
        CHECK(d && len == 100009 && b.data == NULL, "detach hands over ownership");
        free(d);
        StrBuf lim;
        strbuf_init(&lim, 8);
        strbuf_puts(&lim, "12345678");
        CHECK_INTEQ(strbuf_error(&lim), 0, "exactly at the limit is fine");
        strbuf_puts(&lim, "9");
        CHECK_INTEQ(strbuf_error(&lim), -E2BIG, "over the limit is -E2BIG");
        strbuf_puts(&lim, "more");
        CHECK_STREQ(strbuf_str(&lim), "12345678", "errors are sticky, content unchanged");
        strbuf_free(&lim);
        strbuf_free(NULL);
        StrBuf e = STRBUF_INIT;
        char *empty = strbuf_detach(&e, &len);
        CHECK(empty && *empty == '\0' && len == 0, "detach of empty buffer gives \"\"");
        free(empty);
}

static void test_utf8(void) {
        static const struct {
                const char *in;
                size_t n;
                int valid;
        } cases[] = {
                { "plain", 5, 1 },
                { "Ελληνικά", 16, 1 },
                { "Bielsko-Bia\xc5\x82\x61", 13, 1 },
                { "\xc0\xaf", 2, 0 },          /* overlong '/' */
                { "\xed\xa0\x80", 3, 0 },      /* surrogate */
                { "\xf4\x90\x80\x80", 4, 0 },  /* > U+10FFFF */
                { "\xe2\x82", 2, 0 },          /* truncated */
                { "\xff", 1, 0 },
                { "", 0, 1 },
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
                CHECK(utf8_valid(cases[i].in, cases[i].n) == cases[i].valid, "utf8_valid case %zu", i);
        /* ASCII is checked eight bytes at a time: a bad or truncated sequence
         * at every offset of a longer text, and a good one across words */
        int all = 1;
        for (size_t at = 0; at < 20; at++) {
                char buf[24];
                memset(buf, 'a', sizeof(buf));
                buf[at] = '\xff';
                all &= !utf8_valid(buf, sizeof(buf));
                memcpy(buf + at, "\xe2\x82\xac", 3); /* € */
                all &= utf8_valid(buf, sizeof(buf));
                all &= !utf8_valid(buf, at + 2); /* cut inside € */
        }
        CHECK(all, "utf8_valid finds a bad byte at any offset and accepts € at any offset");
        /* and in blocks of 32 (SSE2) and 8 bytes: every offset of a longer text */
        all = 1;
        for (size_t at = 0; at + 3 <= 100; at++) {
                char buf[100];
                memset(buf, 'a', sizeof(buf));
                buf[at] = '\x80';
                all &= !utf8_valid(buf, sizeof(buf));
                memcpy(buf + at, "\xe2\x82\xac", 3);
                all &= utf8_valid(buf, sizeof(buf));
                all &= !utf8_valid(buf, at + 2);
                all &= utf8_valid(buf, at);
        }
        CHECK(all, "utf8_valid in long texts: a bad byte, a good and a cut sequence at any offset");
        Arena *a = arena_new();
        CHECK_STREQ(utf8_sanitize(a, "a\xff" "b", 3), "a\xef\xbf\xbd" "b", "invalid byte becomes U+FFFD");
        CHECK_STREQ(utf8_sanitize(a, "a\0b", 3), "ab", "NUL bytes are dropped");
        CHECK_INTEQ(utf8_length("Ελλάδα", 12), 6, "code point count");
        CHECK_INTEQ(utf8_truncate("Ελλάδα", 12, 5), 4, "truncate never splits a code point");
        char out[4];
        uint32_t cp;
        CHECK(utf8_encode(0x20AC, out) == 3 && utf8_decode(out, 3, &cp) == 3 && cp == 0x20AC, "round trip €");
        CHECK(utf8_encode(0xD800, out) == 0, "surrogates are not encoded");
        arena_free(a);
}

static void test_lang(void) {
        Lang l = LANG_EN;
        CHECK(lang_parse("pl", &l) == 0 && l == LANG_PL, "parse pl");
        CHECK(lang_parse("EL-gr", &l) == 0 && l == LANG_EL, "parse EL-gr");
        CHECK(lang_parse("de", &l) == -EINVAL, "unsupported language");
        CHECK(lang_parse("<script>", &l) == -EINVAL, "hostile language code");
        CHECK(lang_parse("", &l) == -EINVAL, "empty language code");
        CHECK(lang_from_accept("de-DE,de;q=0.9,it;q=0.8,en;q=0.7", &l) == 0 && l == LANG_IT,
              "Accept-Language picks the best supported");
        CHECK(lang_from_accept("ro;q=0.2, sl;q=0.5", &l) == 0 && l == LANG_SL, "q-values order");
        CHECK(lang_from_accept("fr, de", &l) == -ENOENT, "nothing supported");
        CHECK(lang_from_accept("pt;q=0", &l) == -ENOENT, "q=0 means not acceptable");
        CHECK(lang_from_accept(";;;,,,q=,\r\n", &l) == -ENOENT, "garbage header");
        CHECK(lang_from_accept(NULL, &l) == -ENOENT, "missing header");
        CHECK_STREQ(i18n_gettext(LANG_EN, "Home"), "Home", "English is the source");
        CHECK_STREQ(i18n_ngettext(LANG_EN, "%d city", "%d cities", 2), "%d cities", "English plural");
}

int main(void) {
        test_arena();
        test_strbuf();
        test_utf8();
        test_lang();
        return test_done();
}
