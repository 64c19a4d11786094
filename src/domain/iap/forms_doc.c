/* Forms and canvases of the definition files filled with a record: the
 * layout comes from the tool, so a revised form exports as revised. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "domain/iap/export.h"

static const char *shown(const IapItem *it, const char *v, Lang lang) {
        if (!v)
                return "";
        for (size_t i = 0; it->type == IAP_FIELD_CHOICE && i < it->n_options; i++)
                if (strcmp(it->options[i].id, v) == 0)
                        return iap_label(&it->options[i].label, lang);
        return v;
}

int iap_form_doc(const IapTool *form, const char *title, IapFormValueFn value, void *ctx, bool include_personal,
                 Lang lang, Arena *a, Doc **ret) {
        if (!form || !value || !a || !ret || (unsigned)lang >= LANG_MAX)
                return -EINVAL;
        const char *t = title && *title ? title : iap_label(&form->title, lang);
        Doc *d = doc_new(a, t, lang_code(lang));
        if (!d)
                return -ENOMEM;
        d->subject = iap_label(&form->title, lang);
        int e = doc_heading(d, 1, t);
        if (e == 0 && title && *title)
                e = doc_paragraph(d, iap_label(&form->title, lang));
        for (size_t s = 0; e == 0 && s < form->n_sections; s++) {
                const IapSection *sec = &form->sections[s];
                DocBlock *kv;
                e = doc_heading(d, 2, iap_label(&sec->label, lang));
                if (e == 0)
                        e = doc_kv(d, &kv);
                for (size_t i = 0; e == 0 && i < sec->n_items; i++) {
                        const IapItem *it = &sec->items[i];
                        if (it->personal && !include_personal)
                                continue;
                        e = doc_kv_add(d, kv, iap_label(&it->label, lang), shown(it, value(ctx, it->id, lang), lang));
                }
        }
        if (e < 0)
                return e;
        *ret = d;
        return 0;
}

static const char *practice_value(void *ctx, const char *id, Lang lang) {
        const IapPractice *g = ctx;
        static const struct {
                const char *id;
                size_t off;
        } plain[] = {
                {"partner", offsetof(IapPractice, partner)},   {"email", offsetof(IapPractice, email)},
                {"full_name", offsetof(IapPractice, author)},  {"author", offsetof(IapPractice, author)},
                {"body_in_charge", offsetof(IapPractice, body_in_charge)},
                {"title", offsetof(IapPractice, title)},       {"name", offsetof(IapPractice, title)},
                {"link", offsetof(IapPractice, link)},         {"timescale", offsetof(IapPractice, timescale)},
        };
        static const struct {
                const char *id;
                size_t off;
        } texts[] = {
                {"thematic_objectives", offsetof(IapPractice, thematic_objectives)},
                {"abstract", offsetof(IapPractice, abstract)},
                {"activities", offsetof(IapPractice, activities)},
                {"what_worked", offsetof(IapPractice, what_worked)},
                {"what_works", offsetof(IapPractice, what_worked)},
                {"useful_exchanges", offsetof(IapPractice, useful_exchanges)},
                {"useful_iap", offsetof(IapPractice, useful_iap)},
                {"people", offsetof(IapPractice, people)},
        };
        for (size_t i = 0; i < sizeof plain / sizeof *plain; i++)
                if (strcmp(id, plain[i].id) == 0)
                        return *(const char *const *)((const char *)g + plain[i].off);
        for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
                if (strcmp(id, texts[i].id) == 0)
                        return iap_text_get((const IapText *)((const char *)g + texts[i].off), lang, NULL);
        if (strcmp(id, "testing_action") == 0)
                return g->testing_action ? "yes" : "no";
        if (strcmp(id, "study_visit") == 0)
                return g->study_visit ? "yes" : "no";
        return NULL;
}

int iap_practice_doc(const IapPractice *g, const IapTools *tools, bool include_personal, Lang lang, Arena *a,
                     Doc **ret) {
        if (!g || (unsigned)g->kind >= IAP_PRACTICE_KIND_MAX)
                return -EINVAL;
        const IapTool *form = iap_tools_get(tools, g->kind == IAP_GOOD_PRACTICE ? IAP_TOOL_GOOD_PRACTICE
                                                                                : IAP_TOOL_CASE_EXAMPLE);
        return iap_form_doc(form, g->title, practice_value, (void *)g, include_personal, lang, a, ret);
}

static const char *testing_value(void *ctx, const char *id, Lang lang) {
        const IapTestingAction *t = ctx;
        static const char *const decisions[IAP_DECISION_MAX] = {NULL, "scale_up", "adapt", "drop"};
        const struct {
                const char *id;
                const IapText *text;
        } f[] = {{"challenge", &t->challenge}, {"what_if", &t->what_if}, {"test_if", &t->test_if},
                 {"idea", &t->idea},           {"measurement", &t->measurement},
                 {"what_happened", &t->what_happened}, {"result", &t->result}};
        for (size_t i = 0; i < sizeof f / sizeof *f; i++)
                if (strcmp(id, f[i].id) == 0)
                        return iap_text_get(f[i].text, lang, NULL);
        if (strcmp(id, "decision") == 0 && (unsigned)t->decision < IAP_DECISION_MAX)
                return decisions[t->decision];
        return NULL;
}

int iap_testing_doc(const IapTestingAction *t, const IapTools *tools, Lang lang, Arena *a, Doc **ret) {
        if (!t)
                return -EINVAL;
        const char *title = iap_text_get(&t->idea, lang, NULL);
        return iap_form_doc(iap_tools_get(tools, IAP_TOOL_TESTING_CANVAS), *title ? title : NULL, testing_value,
                            (void *)t, true, lang, a, ret);
}

/* What an "info" column shows: the item's notes, or its 1/3/5 indications. */
static const char *info_text(Arena *a, const IapItem *it, Lang lang) {
        StrBuf b = STRBUF_INIT;
        for (size_t i = 0; i < it->n_notes; i++)
                strbuf_printf(&b, "%s• %s", i ? "\n" : "", iap_label(&it->notes[i], lang));
        static const char *const score[3] = {"1", "3", "5"};
        for (int i = 0; it->has_indications && i < 3; i++)
                strbuf_printf(&b, "%s%s: %s", b.len ? "\n" : "", score[i], iap_label(&it->indications[i], lang));
        const char *r = strbuf_error(&b) ? NULL : arena_strdup(a, strbuf_str(&b));
        strbuf_free(&b);
        return r ? r : "";
}

static const char *column_value(const IapColumn *c, const char *v, Lang lang) {
        if (!v)
                return "";
        for (size_t i = 0; c->type == IAP_FIELD_CHOICE && i < c->n_options; i++)
                if (strcmp(c->options[i].id, v) == 0)
                        return iap_label(&c->options[i].label, lang);
        return v;
}

static int tool_section_table(Doc *d, const IapTool *tool, const IapSection *sec, IapCellValueFn value, void *ctx,
                              Lang lang) {
        size_t nc = tool->n_columns + 1;
        if (nc > DOC_TABLE_COLS_MAX)
                return -E2BIG;
        const char *hdr[DOC_TABLE_COLS_MAX], *row[DOC_TABLE_COLS_MAX];
        hdr[0] = iap_label(&sec->label, lang);
        for (size_t c = 0; c < tool->n_columns; c++)
                hdr[c + 1] = iap_label(&tool->columns[c].label, lang);
        DocTable *t;
        int e = doc_table(d, NULL, nc, hdr, &t);
        if (e < 0)
                return e;
        for (size_t c = 0; c < tool->n_columns; c++) {
                IapFieldType ty = tool->columns[c].type;
                /* a choice's labels ("Partly integrated") must not break inside a word */
                t->col_width[c + 1] = ty == IAP_FIELD_TEXT || ty == IAP_FIELD_INFO ? 3 : ty == IAP_FIELD_CHOICE ? 2 : 1;
                t->col_type[c + 1] = ty == IAP_FIELD_SCORE || ty == IAP_FIELD_NUMBER ? DOC_COL_NUMBER : DOC_COL_TEXT;
        }
        t->col_width[0] = 3;
        for (size_t i = 0; e == 0 && i < sec->n_items; i++) {
                const IapItem *it = &sec->items[i];
                row[0] = iap_label(&it->label, lang);
                for (size_t c = 0; c < tool->n_columns; c++) {
                        const IapColumn *col = &tool->columns[c];
                        row[c + 1] = col->type == IAP_FIELD_INFO ? info_text(d->arena, it, lang)
                                                                 : column_value(col, value(ctx, it->id, col->id, lang), lang);
                }
                e = doc_table_row(d, t, row);
        }
        return e;
}

int iap_table_tool_append(Doc *d, const IapTool *tool, int level, IapCellValueFn value, void *ctx, Lang lang) {
        if (!d || !tool || !value || (unsigned)lang >= LANG_MAX || tool->n_columns == 0)
                return -EINVAL;
        int e = 0;
        for (size_t s = 0; e == 0 && s < tool->n_sections; s++) {
                if (tool->n_sections > 1)
                        e = doc_heading(d, level, iap_label(&tool->sections[s].label, lang));
                if (e == 0)
                        e = tool_section_table(d, tool, &tool->sections[s], value, ctx, lang);
        }
        return e;
}

int iap_table_tool_doc(const IapTool *tool, const char *title, IapCellValueFn value, void *ctx, Lang lang,
                       Arena *a, Doc **ret) {
        if (!tool || !value || !a || !ret || (unsigned)lang >= LANG_MAX || tool->n_columns == 0)
                return -EINVAL;
        const char *t = title && *title ? title : iap_label(&tool->title, lang);
        Doc *d = doc_new(a, t, lang_code(lang));
        if (!d)
                return -ENOMEM;
        d->subject = iap_label(&tool->title, lang);
        int e = doc_heading(d, 1, t);
        if (e == 0 && tool->description.s[LANG_EN])
                e = doc_paragraph(d, iap_label(&tool->description, lang));
        if (e == 0)
                e = iap_table_tool_append(d, tool, 2, value, ctx, lang);
        if (e < 0)
                return e;
        *ret = d;
        return 0;
}
