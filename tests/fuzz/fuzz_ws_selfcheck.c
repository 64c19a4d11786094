/* Fuzz target for the integration self-assessment: an even first byte
 * makes the rest a stored round record (JSON) to decode into answers; an
 * odd one splits the rest at '\n' into the form's values ("date", then per
 * aspect and type of integration a choice or both sides of a text). A round
 * read from the form must decode again and compare with itself unchanged. */
#include <string.h>

#include "domain/workspace/selfcheck.h"
#include "fuzz_driver.h"

#define FIELDS 512

typedef struct In {
        const char *names[FIELDS], *values[FIELDS];
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
        if (in->n >= FIELDS || !*cursor || !name)
                return;
        char *nl = strchr(*cursor, '\n');
        in->names[in->n] = name;
        in->values[in->n++] = *cursor;
        if (nl)
                *nl = '\0';
        *cursor = nl ? nl + 1 : NULL;
}

static const IapTool *tools[WS_SELF_TOOL_MAX];

static void form_names(Arena *a, In *in, char **cur) {
        add(in, "date", cur);
        for (int t = 0; t < WS_SELF_TOOL_MAX; t++)
                for (size_t s = 0; s < tools[t]->n_sections; s++)
                        for (size_t i = 0; i < tools[t]->sections[s].n_items; i++)
                                for (size_t c = 0; c < tools[t]->n_columns; c++) {
                                        const IapColumn *col = &tools[t]->columns[c];
                                        const char *f = ws_self_field(a, (WsSelfTool)t, tools[t]->sections[s].items[i].id,
                                                                      col->id);
                                        if (col->type == IAP_FIELD_CHOICE)
                                                add(in, f, cur);
                                        else if (col->type == IAP_FIELD_TEXT && f) {
                                                add(in, ws_name_local(a, f), cur);
                                                add(in, ws_name_en(a, f), cur);
                                        }
                                }
}

static void from_form(Arena *a, char *s, Lang local) {
        In in = { .n = 0 };
        form_names(a, &in, &s);
        json_t *doc;
        WsProblem p[WS_PROBLEMS_MAX];
        size_t np = 0;
        if (ws_selfcheck_read(a, tools, local, NULL, get, &in, &doc, p, &np) != 0)
                return;
        WsSelfCheck w;
        IapAnswerChange *ch;
        size_t nch;
        json_object_set_new(doc, "id", json_string("integration-1"));
        if (ws_selfcheck_decode(a, doc, local, &w) != 0 ||
            iap_answers_compare(a, tools[WS_SELF_ASPECTS], &w.sc.aspects, &w.sc.aspects, &ch, &nch) != 0 || nch)
                abort(); /* what the form reader wrote must read back, equal to itself */
        json_decref(doc);
}

static void from_record(Arena *a, const char *s, size_t n) {
        json_t *rec = json_loadb(s, n, JSON_REJECT_DUPLICATES, NULL);
        WsSelfCheck w;
        IapPlan plan = { .lang = LANG_PL };
        IapAnswers none = { 0 };
        IapAnswerChange *ch;
        size_t nch;
        if (rec && ws_selfcheck_decode(a, rec, LANG_PL, &w) == 0) {
                (void)iap_answers_compare(a, tools[WS_SELF_GRID], &none, &w.sc.grid, &ch, &nch);
                (void)iap_answers_count(tools[WS_SELF_ASPECTS], &w.sc.aspects, "relevant", "yes");
        }
        (void)ws_selfcheck_plan_add(a, &plan, rec);
        json_decref(rec);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
        static IapTools *all;
        IapLoadError err;
        if (!all && iap_tools_load(NULL, &all, &err) < 0)
                abort();
        for (int t = 0; t < WS_SELF_TOOL_MAX; t++)
                tools[t] = iap_tools_get(all, ws_self_tool_id((WsSelfTool)t));
        if (size < 1 || size > 65536)
                return 0;
        Arena *a = arena_new();
        char *s = a ? arena_strndup(a, (const char *)data + 1, size - 1) : NULL;
        if (s && (data[0] & 1))
                from_form(a, s, data[0] & 0x80 ? LANG_EN : LANG_SL);
        else if (s)
                from_record(a, (const char *)data + 1, size - 1);
        arena_free(a);
        return 0;
}
