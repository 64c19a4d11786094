/* Answers to table-shaped tools and what changed between two rounds. */
#include "domain/iap/answers.h"

#include <errno.h>
#include <string.h>

const IapCell *iap_answers_cell(const IapAnswers *a, const char *item, const char *column) {
        for (size_t i = 0; a && item && column && i < a->n_rows; i++) {
                if (strcmp(a->rows[i].item, item) != 0)
                        continue;
                for (size_t c = 0; c < a->rows[i].n_cells; c++)
                        if (strcmp(a->rows[i].cells[c].column, column) == 0)
                                return &a->rows[i].cells[c];
        }
        return NULL;
}

const char *iap_answers_choice(const IapAnswers *a, const char *item, const char *column) {
        const IapCell *c = iap_answers_cell(a, item, column);
        return c && c->choice ? c->choice : "";
}

size_t iap_answers_count(const IapTool *tool, const IapAnswers *a, const char *column, const char *choice) {
        size_t n = 0;
        for (size_t s = 0; tool && choice && s < tool->n_sections; s++)
                for (size_t i = 0; i < tool->sections[s].n_items; i++)
                        n += strcmp(iap_answers_choice(a, tool->sections[s].items[i].id, column), choice) == 0;
        return n;
}

bool iap_answers_empty(const IapAnswers *a) {
        for (size_t i = 0; a && i < a->n_rows; i++)
                for (size_t c = 0; c < a->rows[i].n_cells; c++) {
                        const IapCell *x = &a->rows[i].cells[c];
                        if ((x->choice && *x->choice) || !iap_text_empty(&x->text))
                                return false;
                }
        return true;
}

static bool same(const char *x, const char *y) {
        return strcmp(x ? x : "", y ? y : "") == 0;
}

static const IapText empty_text;

static bool cell_changed(const IapColumn *col, const IapCell *b, const IapCell *a) {
        if (col->type == IAP_FIELD_CHOICE)
                return !same(b ? b->choice : NULL, a ? a->choice : NULL);
        const IapText *tb = b ? &b->text : &empty_text, *ta = a ? &a->text : &empty_text;
        return !same(tb->en, ta->en) || !same(tb->local, ta->local);
}

int iap_answers_compare(Arena *a, const IapTool *tool, const IapAnswers *before, const IapAnswers *after,
                        IapAnswerChange **ret, size_t *ret_n) {
        if (!a || !tool || !ret || !ret_n)
                return -EINVAL;
        size_t cap = 0, n = 0;
        for (size_t s = 0; s < tool->n_sections; s++)
                cap += tool->sections[s].n_items * tool->n_columns;
        IapAnswerChange *ch = cap ? arena_alloc(a, cap * sizeof *ch) : NULL;
        if (cap && !ch)
                return -ENOMEM;
        for (size_t s = 0; s < tool->n_sections; s++)
                for (size_t i = 0; i < tool->sections[s].n_items; i++) {
                        const IapItem *it = &tool->sections[s].items[i];
                        for (size_t c = 0; c < tool->n_columns; c++) {
                                const IapColumn *col = &tool->columns[c];
                                if (col->type != IAP_FIELD_CHOICE && col->type != IAP_FIELD_TEXT)
                                        continue;
                                const IapCell *cb = iap_answers_cell(before, it->id, col->id);
                                const IapCell *ca = iap_answers_cell(after, it->id, col->id);
                                if (!cell_changed(col, cb, ca))
                                        continue;
                                bool choice = col->type == IAP_FIELD_CHOICE;
                                ch[n++] = (IapAnswerChange){
                                        .item = it, .column = col,
                                        .before = choice ? (cb && cb->choice ? cb->choice : "") : NULL,
                                        .after = choice ? (ca && ca->choice ? ca->choice : "") : NULL,
                                        .text_before = choice ? NULL : cb ? &cb->text : &empty_text,
                                        .text_after = choice ? NULL : ca ? &ca->text : &empty_text };
                        }
                }
        *ret = n ? ch : NULL;
        *ret_n = n;
        return 0;
}
