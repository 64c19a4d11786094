/* UTF-8 helpers on plain byte strings (libc only). Normalisation and case
 * folding live in the domain modules that need them (utf8proc). */
#ifndef TD_CORE_UTF8_H
#define TD_CORE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"

/* Decodes one code point at s[0..n). Returns its byte length (1..4) and sets
 * *ret_cp, or returns -1 for an invalid/overlong/surrogate/truncated
 * sequence (then *ret_cp is untouched). */
int utf8_decode(const char *s, size_t n, uint32_t *ret_cp);
/* Writes the encoding of cp into out (4 bytes room); returns its length, or
 * 0 for an invalid code point. */
int utf8_encode(uint32_t cp, char out[4]);
bool utf8_valid(const char *s, size_t n);
/* Returns an arena copy of s with every invalid sequence replaced by U+FFFD
 * and NUL bytes dropped; NULL on out-of-memory. */
char *utf8_sanitize(Arena *a, const char *s, size_t n);
/* Number of code points in a valid string (invalid bytes count as one). */
size_t utf8_length(const char *s, size_t n);
/* Byte offset at most max_bytes into s that does not split a code point. */
size_t utf8_truncate(const char *s, size_t n, size_t max_bytes);

#endif
