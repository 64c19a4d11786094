/* HTML writer: the only way pages produce markup.
 *
 * Markup comes only from string literals (html_lit enforces that at compile
 * time); every run-time value goes through an escaper chosen by where it
 * lands: element text, attribute value, or URL. Output is appended to a
 * StrBuf owned by the caller. Invalid UTF-8 in values becomes U+FFFD and
 * control characters other than tab/newline are dropped. */
#ifndef TD_RENDER_HTML_H
#define TD_RENDER_HTML_H

#include <stddef.h>

#include "core/strbuf.h"

/* Literal markup only: `html_lit(b, "<p>")`. A variable does not compile. */
#define html_lit(b, lit) html_lit_((b), "" lit "")
void html_lit_(StrBuf *b, const char *literal);

/* Element text: escapes & < > " '. */
void html_text(StrBuf *b, const char *s);
void html_textn(StrBuf *b, const char *s, size_t n);
void html_textf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void html_int(StrBuf *b, long long v);

/* ` name="value"` with the value escaped; name must be a literal. */
#define html_attr(b, name, value) html_attr_((b), "" name "", (value))
void html_attr_(StrBuf *b, const char *name, const char *value);
void html_attrf_(StrBuf *b, const char *name, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
#define html_attrf(b, name, ...) html_attrf_((b), "" name "", __VA_ARGS__)

/* ` name="url"` for href/src/action: only relative URLs and http(s)/mailto
 * are kept; anything else (javascript:, data:, vbscript:) becomes "#". */
#define html_url(b, name, url) html_url_((b), "" name "", (url))
void html_url_(StrBuf *b, const char *name, const char *url);

/* Percent-encodes s for a URL path segment or query value (RFC 3986
 * unreserved characters kept). Append to a StrBuf that is later passed
 * through html_url/html_attr. */
void url_encode(StrBuf *b, const char *s);

/* Returns 1 when a URL is safe to link to (see html_url), else 0. */
int html_url_is_safe(const char *url);

#endif
