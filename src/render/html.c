#include "render/html.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/utf8.h"

void html_lit_(StrBuf *b, const char *literal) { strbuf_puts(b, literal); }

/* Escapes one byte run; shared by text and attribute values (both escape
 * quotes so a value is safe in either place). */
void html_textn(StrBuf *b, const char *s, size_t n) {
        size_t i = 0, start = 0;
        uint32_t cp;
        while (i < n) {
                unsigned char c = (unsigned char)s[i];
                const char *rep = NULL;
                size_t adv = 1;
                if (c == '&')
                        rep = "&amp;";
                else if (c == '<')
                        rep = "&lt;";
                else if (c == '>')
                        rep = "&gt;";
                else if (c == '"')
                        rep = "&quot;";
                else if (c == '\'')
                        rep = "&#39;";
                else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
                        rep = "";
                else if (c >= 0x80) {
                        int l = utf8_decode(s + i, n - i, &cp);
                        if (l < 0)
                                rep = "\xEF\xBF\xBD";
                        else
                                adv = (size_t)l;
                }
                if (rep) {
                        strbuf_append(b, s + start, i - start);
                        strbuf_puts(b, rep);
                        i += adv;
                        start = i;
                } else {
                        i += adv;
                }
        }
        strbuf_append(b, s + start, i - start);
}

void html_text(StrBuf *b, const char *s) {
        if (s)
                html_textn(b, s, strlen(s));
}

void html_textf(StrBuf *b, const char *fmt, ...) {
        char small[512];
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(small, sizeof(small), fmt, ap);
        va_end(ap);
        if (n < 0)
                return;
        if ((size_t)n < sizeof(small)) {
                html_textn(b, small, (size_t)n);
                return;
        }
        StrBuf tmp = STRBUF_INIT;
        va_start(ap, fmt);
        strbuf_vprintf(&tmp, fmt, ap);
        va_end(ap);
        html_textn(b, strbuf_str(&tmp), tmp.len);
        strbuf_free(&tmp);
}

void html_int(StrBuf *b, long long v) { strbuf_printf(b, "%lld", v); }

void html_attr_(StrBuf *b, const char *name, const char *value) {
        strbuf_putc(b, ' ');
        strbuf_puts(b, name);
        strbuf_puts(b, "=\"");
        html_text(b, value ? value : "");
        strbuf_putc(b, '"');
}

void html_attrf_(StrBuf *b, const char *name, const char *fmt, ...) {
        StrBuf tmp = STRBUF_INIT;
        va_list ap;
        va_start(ap, fmt);
        strbuf_vprintf(&tmp, fmt, ap);
        va_end(ap);
        html_attr_(b, name, strbuf_str(&tmp));
        strbuf_free(&tmp);
}

int html_url_is_safe(const char *url) {
        if (!url)
                return 0;
        /* Browsers ignore tabs/newlines inside schemes ("java\tscript:"),
         * so any control character makes the URL unsafe. */
        for (const char *p = url; *p; p++)
                if ((unsigned char)*p < 0x20 || *p == 0x7F)
                        return 0;
        size_t scheme = strcspn(url, ":/?#");
        if (url[scheme] != ':')
                return 1; /* relative */
        return (scheme == 4 && strncasecmp(url, "http", 4) == 0) ||
               (scheme == 5 && strncasecmp(url, "https", 5) == 0) ||
               (scheme == 6 && strncasecmp(url, "mailto", 6) == 0);
}

void html_url_(StrBuf *b, const char *name, const char *url) {
        html_attr_(b, name, html_url_is_safe(url) ? url : "#");
}

void url_encode(StrBuf *b, const char *s) {
        static const char hex[] = "0123456789ABCDEF";
        for (; s && *s; s++) {
                unsigned char c = (unsigned char)*s;
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '.' || c == '_' || c == '~') {
                        strbuf_putc(b, (char)c);
                } else {
                        char e[3] = { '%', hex[c >> 4], hex[c & 15] };
                        strbuf_append(b, e, 3);
                }
        }
}
