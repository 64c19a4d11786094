#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "render/html.h"
#include "test.h"

static char *text(const char *in, size_t n) {
        StrBuf b = STRBUF_INIT;
        html_textn(&b, in, n);
        return strbuf_detach(&b, NULL);
}

static void test_text(void) {
        static const struct {
                const char *in;
                size_t n;
                const char *want;
        } cases[] = {
                { "plain", 5, "plain" },
                { "<script>alert(1)</script>", 25, "&lt;script&gt;alert(1)&lt;/script&gt;" },
                { "a & b", 5, "a &amp; b" },
                { "\"quoted\" 'single'", 17, "&quot;quoted&quot; &#39;single&#39;" },
                { "line\r\nnext", 10, "line\nnext" },
                { "tab\there", 8, "tab\there" },
                { "bell\a", 5, "bell" },
                { "bad\xff" "byte", 8, "bad\xef\xbf\xbd" "byte" },
                { "overlong\xc0\xaf", 10, "overlong\xef\xbf\xbd\xef\xbf\xbd" },
                { "Τρίκαλα", 14, "Τρίκαλα" },
                { "nul\0byte", 8, "nulbyte" },
                { "", 0, "" },
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                char *got = text(cases[i].in, cases[i].n);
                CHECK_STREQ(got, cases[i].want, "html_textn case %zu", i);
                free(got);
        }
        StrBuf big = STRBUF_INIT;
        char *huge = malloc(1 << 20);
        memset(huge, '<', 1 << 20);
        html_textn(&big, huge, 1 << 20);
        CHECK(big.len == 4u << 20, "over-long input escapes every byte (4 MiB out)");
        strbuf_free(&big);
        StrBuf lim;
        strbuf_init(&lim, 100);
        html_textn(&lim, huge, 1000);
        CHECK(strbuf_error(&lim) == -E2BIG, "output limit reports -E2BIG instead of growing");
        strbuf_free(&lim);
        free(huge);
}

static void test_attr_url(void) {
        StrBuf b = STRBUF_INIT;
        html_attr(&b, "title", "\" onmouseover=\"x");
        CHECK_STREQ(strbuf_str(&b), " title=\"&quot; onmouseover=&quot;x\"", "attribute cannot be broken out of");
        strbuf_reset(&b);
        html_url(&b, "href", "javascript:alert(1)");
        CHECK_STREQ(strbuf_str(&b), " href=\"#\"", "javascript: URL is neutralised");
        strbuf_reset(&b);
        html_url(&b, "href", "JaVaScRiPt:alert(1)");
        CHECK_STREQ(strbuf_str(&b), " href=\"#\"", "scheme check is case-insensitive");
        strbuf_reset(&b);
        html_url(&b, "href", "java\tscript:alert(1)");
        CHECK_STREQ(strbuf_str(&b), " href=\"#\"", "control characters inside a scheme are rejected");
        strbuf_reset(&b);
        html_url(&b, "href", "data:text/html,<b>");
        CHECK_STREQ(strbuf_str(&b), " href=\"#\"", "data: URL is neutralised");
        strbuf_reset(&b);
        html_url(&b, "href", "https://urbact.eu/networks/techdiversity?a=1&b=2");
        CHECK_STREQ(strbuf_str(&b), " href=\"https://urbact.eu/networks/techdiversity?a=1&amp;b=2\"",
                    "https URL kept, & escaped");
        strbuf_reset(&b);
        html_url(&b, "href", "/cities/idrija");
        CHECK_STREQ(strbuf_str(&b), " href=\"/cities/idrija\"", "relative URL kept");
        strbuf_reset(&b);
        url_encode(&b, "a b/č&=?");
        CHECK_STREQ(strbuf_str(&b), "a%20b%2F%C4%8D%26%3D%3F", "url_encode percent-encodes reserved and UTF-8");
        strbuf_reset(&b);
        html_textf(&b, "%d <%s>", 7, "x");
        CHECK_STREQ(strbuf_str(&b), "7 &lt;x&gt;", "html_textf escapes the formatted result");
        strbuf_free(&b);
}

int main(void) {
        test_text();
        test_attr_url();
        return test_done();
}
