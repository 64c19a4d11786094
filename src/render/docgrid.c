/* The table walk shared by the DOCX and ODT writers (see docgrid.h). */
#include <inttypes.h>
#include <stdio.h>

#include "render/docgrid.h"

void doc_grid_table(const DocTable *t, const DocGridWriter *w) {
        DocGrid g = { .caption = t->caption && *t->caption ? t->caption : NULL, .n_cols = t->n_cols };
        for (size_t c = 0; c < t->n_cols; c++)
                g.weight[c] = t->col_width[c] > 0 ? t->col_width[c] : 1;
        w->begin(w->ud, &g);
        for (size_t r = 0; r < t->n_rows; r++) {
                w->row_begin(w->ud, r == 0);
                for (size_t c = 0; c < t->n_cols; c++)
                        w->cell(w->ud, c, doc_cell(t, r, c), r == 0, r > 0 && t->col_type[c] == DOC_COL_NUMBER);
                w->row_end(w->ud, r == 0);
        }
        w->end(w->ud, &g);
}

void doc_grid_chart(const DocChart *c, const char *missing, const DocGridWriter *w) {
        DocGrid g = { .caption = c->title, .n_cols = c->n_series + 1, .chart = true };
        g.weight[0] = (int)c->n_series;
        for (size_t s = 0; s < c->n_series; s++)
                g.weight[s + 1] = 1;
        w->begin(w->ud, &g);
        w->row_begin(w->ud, true);
        w->cell(w->ud, 0, c->unit, true, false);
        for (size_t s = 0; s < c->n_series; s++)
                w->cell(w->ud, s + 1, c->series[s], true, false);
        w->row_end(w->ud, true);
        for (size_t k = 0; k < c->n_cats; k++) {
                w->row_begin(w->ud, false);
                w->cell(w->ud, 0, c->cats[k], false, false);
                for (size_t s = 0; s < c->n_series; s++) {
                        char num[32];
                        size_t i = k * c->n_series + s;
                        if (c->has_value[i])
                                snprintf(num, sizeof num, "%" PRId64, c->values[i]);
                        w->cell(w->ud, s + 1, c->has_value[i] ? num : missing, false, true);
                }
                w->row_end(w->ud, false);
        }
        w->end(w->ud, &g);
}
