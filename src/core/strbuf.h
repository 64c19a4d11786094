/* Growable byte buffer on the heap. The buffer is always NUL-terminated.
 * Errors are sticky: after a failed append, strbuf_error() returns the
 * negative errno and further appends are ignored, so callers can check once
 * at the end. */
#ifndef TD_CORE_STRBUF_H
#define TD_CORE_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct StrBuf {
        char *data;   /* owned by the StrBuf until strbuf_detach() */
        size_t len, cap;
        size_t limit; /* 0 = unlimited; exceeding it sets -E2BIG */
        int err;
} StrBuf;

#define STRBUF_INIT { NULL, 0, 0, 0, 0 }

void strbuf_init(StrBuf *b, size_t limit);
/* NULL-safe. Frees the data unless detached. */
void strbuf_free(StrBuf *b);
void strbuf_reset(StrBuf *b);
int strbuf_error(const StrBuf *b);

void strbuf_append(StrBuf *b, const void *p, size_t n);
void strbuf_puts(StrBuf *b, const char *s);
void strbuf_putc(StrBuf *b, char c);
void strbuf_printf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vprintf(StrBuf *b, const char *fmt, va_list ap);

/* Returns the data, now owned by the caller (free()), and empties the
 * buffer. Never NULL unless out of memory: an empty buffer yields "". */
char *strbuf_detach(StrBuf *b, size_t *ret_len);

/* Returns a view of the contents ("" when empty); owned by the StrBuf. */
const char *strbuf_str(const StrBuf *b);

#endif
