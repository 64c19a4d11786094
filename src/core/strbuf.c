#include "core/strbuf.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void strbuf_init(StrBuf *b, size_t limit) {
        *b = (StrBuf)STRBUF_INIT;
        b->limit = limit;
}

void strbuf_free(StrBuf *b) {
        if (!b)
                return;
        free(b->data);
        b->data = NULL;
        b->len = b->cap = 0;
}

void strbuf_reset(StrBuf *b) {
        b->len = 0;
        b->err = 0;
        if (b->data)
                b->data[0] = '\0';
}

int strbuf_error(const StrBuf *b) { return b->err; }

static int strbuf_reserve(StrBuf *b, size_t extra) {
        if (b->err)
                return b->err;
        if (extra > SIZE_MAX - b->len - 1)
                return b->err = -E2BIG;
        size_t need = b->len + extra + 1;
        if (b->limit && need > b->limit + 1)
                return b->err = -E2BIG;
        if (need <= b->cap)
                return 0;
        size_t cap = b->cap ? b->cap : 256;
        while (cap < need)
                cap = cap > SIZE_MAX / 2 ? need : cap * 2;
        char *p = realloc(b->data, cap);
        if (!p)
                return b->err = -ENOMEM;
        b->data = p;
        b->cap = cap;
        return 0;
}

void strbuf_append(StrBuf *b, const void *p, size_t n) {
        if (strbuf_reserve(b, n) < 0)
                return;
        if (n)
                memcpy(b->data + b->len, p, n);
        b->len += n;
        b->data[b->len] = '\0';
}

void strbuf_puts(StrBuf *b, const char *s) {
        if (s)
                strbuf_append(b, s, strlen(s));
}

void strbuf_putc(StrBuf *b, char c) { strbuf_append(b, &c, 1); }

void strbuf_vprintf(StrBuf *b, const char *fmt, va_list ap) {
        va_list ap2;
        va_copy(ap2, ap);
        int n = vsnprintf(NULL, 0, fmt, ap2);
        va_end(ap2);
        if (n < 0) {
                b->err = b->err ? b->err : -EINVAL;
                return;
        }
        if (strbuf_reserve(b, (size_t)n) < 0)
                return;
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
        b->len += (size_t)n;
}

void strbuf_printf(StrBuf *b, const char *fmt, ...) {
        va_list ap;
        va_start(ap, fmt);
        strbuf_vprintf(b, fmt, ap);
        va_end(ap);
}

char *strbuf_detach(StrBuf *b, size_t *ret_len) {
        char *p = b->data;
        if (!p)
                p = calloc(1, 1);
        if (ret_len)
                *ret_len = p ? b->len : 0;
        b->data = NULL;
        b->len = b->cap = 0;
        return p;
}

const char *strbuf_str(const StrBuf *b) { return b->data ? b->data : ""; }
