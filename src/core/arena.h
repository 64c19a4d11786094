/* Region allocator: one per request (or per command run).
 * Everything allocated from an arena is freed at once by arena_free();
 * callers never free() individual allocations. */
#ifndef TD_CORE_ARENA_H
#define TD_CORE_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct Arena Arena;

/* Returns a new arena owned by the caller (free with arena_free), or NULL. */
Arena *arena_new(void);
/* NULL-safe. Frees every allocation made from the arena. */
void arena_free(Arena *a);

/* Returns zeroed memory owned by the arena, aligned for any type; NULL on
 * out-of-memory or when the arena's limit would be exceeded. */
void *arena_alloc(Arena *a, size_t size);
/* Same without zeroing, for a buffer the caller writes whole before
 * reading it (a large output: zeroing it first doubles the writes). */
void *arena_alloc_raw(Arena *a, size_t size);
/* Arena-owned copies; NULL on failure. arena_strdup(NULL) returns NULL. */
char *arena_strdup(Arena *a, const char *s);
char *arena_strndup(Arena *a, const char *s, size_t n);
void *arena_memdup(Arena *a, const void *p, size_t n);
/* Arena-owned formatted string; NULL on failure. */
char *arena_printf(Arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *arena_vprintf(Arena *a, const char *fmt, va_list ap);

/* Upper bound on bytes one arena may hold (guards a request against
 * run-away allocation); 0 means unlimited. Default: ARENA_DEFAULT_LIMIT. */
#define ARENA_DEFAULT_LIMIT ((size_t)256 * 1024 * 1024)
void arena_set_limit(Arena *a, size_t limit);
size_t arena_used(const Arena *a);

#endif
