/* Benchmark harness: reads documents separated by NUL bytes on standard
 * input, anonymises each one on its own (a fresh session per document, as
 * the platform does per CV), and writes one JSON line per document:
 * {"text": ..., "lang": ..., "findings": [[start, end, "category"], ...]}.
 * Usage: anon_batch [--lang L] < docs */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/paths.h"
#include "core/utf8.h"
#include "domain/anonymize/anonymize.h"

static void one(const AnonEngine *e, const char *doc, size_t len, const AnonOptions *opt) {
        Arena *a = arena_new();
        char *text = a ? utf8_sanitize(a, doc, len) : NULL;
        AnonInput in = { .opt = *opt, .text = text, .len = text ? strlen(text) : 0 };
        AnonResult *r;
        json_t *o = json_object(), *f = json_array();
        if (text && anon_run(e, a, &in, &r) == 0) {
                json_object_set_new(o, "text", json_stringn(r->text, r->len));
                json_object_set_new(o, "lang", json_string(lang_code(r->lang)));
                for (size_t i = 0; i < r->n_findings; i++)
                        json_array_append_new(f, json_pack("[I,I,s]", (json_int_t)r->findings[i].start,
                                                           (json_int_t)r->findings[i].end,
                                                           anon_category_name(r->findings[i].category)));
        } else {
                json_object_set_new(o, "error", json_true());
        }
        json_object_set_new(o, "findings", f);
        json_dumpf(o, stdout, JSON_COMPACT);
        putchar('\n');
        json_decref(o);
        arena_free(a);
}

int main(int argc, char **argv) {
        AnonOptions opt = { .lang_auto = true, .first_name_is_candidate = true };
        memset(opt.key, 7, sizeof(opt.key));
        if (argc == 3 && strcmp(argv[1], "--lang") == 0 && strcmp(argv[2], "auto") != 0) {
                if (lang_parse(argv[2], &opt.lang) < 0)
                        return 2;
                opt.lang_auto = false;
        }
        int err;
        AnonEngine *e = anon_engine_new(paths_datadir(), &err);
        if (!e)
                return 1;
        size_t cap = 1 << 20, n = 0, k;
        char *buf = malloc(cap);
        while (buf && (k = fread(buf + n, 1, cap - n, stdin)) > 0)
                if ((n += k) == cap && !(buf = realloc(buf, cap *= 2)))
                        return 1;
        for (size_t s = 0; buf && s < n;) {
                char *z = memchr(buf + s, 0, n - s);
                size_t l = z ? (size_t)(z - buf) - s : n - s;
                one(e, buf + s, l, &opt);
                s += l + 1;
        }
        free(buf);
        anon_engine_free(e);
        return 0;
}
