/* Fuzz target for the workspace's form parsers: the input's first byte picks
 * a record kind, the rest is split at '\n' into the values of that form's
 * fields (bilingual fields get a local and an English value) followed by
 * "minutes_action"; the whole input also goes through the periods and poll
 * parsers, and as a milestone's values through adding, ticking, editing and
 * removing it. A record that applies must read back through ws_form_value. */
#include <string.h>

#include "domain/workspace/actions.h"
#include "domain/workspace/edit.h"
#include "domain/workspace/rounds.h"
#include "fuzz_driver.h"

typedef struct In {
        const char *names[64], *values[64];
        size_t n;
} In;

static const char *get(void *ctx, const char *name) {
        In *in = ctx;
        for (size_t i = 0; i < in->n; i++)
                if (strcmp(in->names[i], name) == 0)
                        return in->values[i];
        return NULL;
}

static void add(In *in, const char *name, char **cursor) {
        if (in->n >= 64 || !*cursor)
                return;
        char *nl = strchr(*cursor, '\n');
        in->names[in->n] = name;
        in->values[in->n++] = *cursor;
        if (nl)
                *nl = '\0';
        *cursor = nl ? nl + 1 : NULL;
}

/* The input as one milestone's values, through every milestone operation. */
static void milestones(Arena *a, const char *s) {
        static const char *const names[] = { "title_local", "title_en", "due", "weight", "done" };
        char *cur = arena_strdup(a, s);
        In in = { .n = 0 };
        for (size_t i = 0; i < sizeof names / sizeof *names; i++)
                add(&in, names[i], &cur);
        json_t *act = json_pack("{s:s}", "id", "a1");
        WsProblem p[WS_PROBLEMS_MAX];
        size_t np;
        const char *id = NULL;
        if (act && ws_milestone_apply(a, act, LANG_EL, WS_MS_ADD, NULL, get, &in, p, &np, &id) == 0) {
                (void)ws_milestone_apply(a, act, LANG_EL, WS_MS_DONE, id, get, &in, p, &np, NULL);
                (void)ws_milestone_apply(a, act, LANG_EL, WS_MS_EDIT, id, get, &in, p, &np, NULL);
                if (ws_milestone_apply(a, act, LANG_EL, WS_MS_REMOVE, id, get, &in, p, &np, NULL) != 0)
                        abort();
        }
        json_decref(act);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
        if (size < 1 || size > 65536)
                return 0;
        Arena *a = arena_new();
        char *s = a ? arena_strndup(a, (const char *)data + 1, size - 1) : NULL;
        if (!s) {
                arena_free(a);
                return 0;
        }
        json_t *per = NULL;
        const char *msgid;
        if (ws_periods_parse(s, &per, &msgid) == 0)
                (void)ws_periods_text(a, per);
        json_decref(per);
        int *v;
        size_t nv;
        (void)ws_poll_parse(a, s, 1, 10, &v, &nv, &msgid);
        milestones(a, s);
        size_t nf;
        const WsForm *forms = ws_forms(&nf), *f = &forms[data[0] % nf];
        In in = { .n = 0 };
        char *cur = s;
        for (size_t i = 0; i < f->n_fields; i++) {
                const WsField *fd = &f->fields[i];
                bool bi = fd->type == WS_FT_TEXT || fd->type == WS_FT_LONG || fd->type == WS_FT_LINES;
                add(&in, bi ? ws_name_local(a, fd->key) : fd->key, &cur);
                if (bi)
                        add(&in, ws_name_en(a, fd->key), &cur);
        }
        add(&in, "minutes_action", &cur);
        json_t *rec = json_object();
        WsProblem p[WS_PROBLEMS_MAX];
        size_t np = 0;
        if (rec && ws_form_apply(a, f, rec, data[0] & 0x80 ? LANG_EN : LANG_EL, get, &in, p, &np) == 0) {
                for (size_t i = 0; i < f->n_fields; i++)
                        (void)ws_form_value(a, &f->fields[i], rec, LANG_EL, WS_SIDE_LOCAL);
                char *dump = json_dumps(rec, JSON_COMPACT);
                if (!dump)
                        abort();
                free(dump);
        }
        json_decref(rec);
        arena_free(a);
        return 0;
}
