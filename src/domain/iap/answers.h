/* A city's answers to a table-shaped tool of the definition files (the 12
 * aspects of integrated urban development, the integration self-assessment
 * grid): per item, per column a choice (an option id) or a bilingual text.
 * The answers follow the tool's columns, so a revised tool needs no code:
 * an answer to a column the tool no longer has is kept but not shown.
 *
 * Also what a before/after of two self-assessment rounds shows: per item
 * the choices that changed and the texts that changed. */
#ifndef TD_DOMAIN_IAP_ANSWERS_H
#define TD_DOMAIN_IAP_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>

#include "domain/iap/plan.h"
#include "domain/iap/tools.h"

#define IAP_ANSWER_COLUMNS_MAX 16 /* answered columns per item */

typedef struct IapCell {
        const char *column; /* column id */
        const char *choice; /* option id of a choice column, else NULL */
        IapText text;       /* text columns */
} IapCell;

typedef struct IapAnswerRow {
        const char *item; /* item id */
        IapCell *cells;
        size_t n_cells;
} IapAnswerRow;

typedef struct IapAnswers {
        int version; /* of the tool they were given against; 0 when none */
        IapAnswerRow *rows;
        size_t n_rows;
} IapAnswers;

/* The latest integration self-assessment of a city, shown in section 2 of
 * its plan ("overall logic and integrated approach"). date NULL: none. */
typedef struct IapSelfCheck {
        const char *date;
        IapAnswers aspects, grid;
} IapSelfCheck;

/* The cell of (item, column); NULL when not answered. Owned by a. */
const IapCell *iap_answers_cell(const IapAnswers *a, const char *item, const char *column);
/* The choice of (item, column), "" when none. */
const char *iap_answers_choice(const IapAnswers *a, const char *item, const char *column);
/* How many items of tool have choice in column (e.g. relevant = yes);
 * items no longer in the tool do not count. */
size_t iap_answers_count(const IapTool *tool, const IapAnswers *a, const char *column, const char *choice);
/* Whether any item has an answer in any column. */
bool iap_answers_empty(const IapAnswers *a);

/* What changed in one cell from one round to the next. */
typedef struct IapAnswerChange {
        const IapItem *item;     /* owned by the tool */
        const IapColumn *column; /* owned by the tool */
        const char *before, *after; /* choice columns: option ids ("" none); text columns: NULL */
        const IapText *text_before, *text_after; /* text columns (empty texts when unanswered) */
} IapAnswerChange;

/* Every cell of tool that differs between before and after (a text
 * differs when either language side differs), in the tool's order of items
 * and columns. *ret (arena-owned, may be NULL when nothing changed). */
int iap_answers_compare(Arena *a, const IapTool *tool, const IapAnswers *before, const IapAnswers *after,
                        IapAnswerChange **ret, size_t *ret_n);

#endif
