#include "core/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK 8192
#define ARENA_ALIGN 16

typedef struct Block {
        struct Block *next;
        size_t cap, used;
        _Alignas(ARENA_ALIGN) unsigned char data[];
} Block;

struct Arena {
        Block *head;
        size_t total, limit;
};

Arena *arena_new(void) {
        Arena *a = calloc(1, sizeof(*a));
        if (a)
                a->limit = ARENA_DEFAULT_LIMIT;
        return a;
}

void arena_free(Arena *a) {
        if (!a)
                return;
        for (Block *b = a->head, *n; b; b = n) {
                n = b->next;
                free(b);
        }
        free(a);
}

void arena_set_limit(Arena *a, size_t limit) { a->limit = limit; }
size_t arena_used(const Arena *a) { return a->total; }

static Block *arena_grow(Arena *a, size_t need) {
        size_t cap = need > ARENA_BLOCK ? need : ARENA_BLOCK;
        if (a->limit && (cap > a->limit || a->total > a->limit - cap))
                return NULL;
        Block *b = malloc(sizeof(*b) + cap);
        if (!b)
                return NULL;
        b->cap = cap;
        b->used = 0;
        b->next = a->head;
        a->head = b;
        a->total += cap;
        return b;
}

void *arena_alloc_raw(Arena *a, size_t size) {
        if (!a || size > SIZE_MAX - ARENA_ALIGN)
                return NULL;
        size_t sz = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
        if (sz == 0)
                sz = ARENA_ALIGN;
        Block *b = a->head;
        if (!b || b->cap - b->used < sz) {
                /* Large requests get their own block behind the head so the
                 * head's remaining space is not wasted. */
                b = arena_grow(a, sz);
                if (!b)
                        return NULL;
        }
        void *p = b->data + b->used;
        b->used += sz;
        return p;
}

void *arena_alloc(Arena *a, size_t size) {
        void *p = arena_alloc_raw(a, size);
        if (p)
                memset(p, 0, size);
        return p;
}

void *arena_memdup(Arena *a, const void *p, size_t n) {
        void *q = arena_alloc(a, n + 1);
        if (q && n)
                memcpy(q, p, n);
        return q;
}

char *arena_strndup(Arena *a, const char *s, size_t n) {
        if (!s)
                return NULL;
        return arena_memdup(a, s, strnlen(s, n));
}

char *arena_strdup(Arena *a, const char *s) {
        if (!s)
                return NULL;
        return arena_memdup(a, s, strlen(s));
}

char *arena_vprintf(Arena *a, const char *fmt, va_list ap) {
        va_list ap2;
        va_copy(ap2, ap);
        int n = vsnprintf(NULL, 0, fmt, ap2);
        va_end(ap2);
        if (n < 0)
                return NULL;
        char *p = arena_alloc(a, (size_t)n + 1);
        if (p)
                vsnprintf(p, (size_t)n + 1, fmt, ap);
        return p;
}

char *arena_printf(Arena *a, const char *fmt, ...) {
        va_list ap;
        va_start(ap, fmt);
        char *p = arena_vprintf(a, fmt, ap);
        va_end(ap);
        return p;
}
