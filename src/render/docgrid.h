/* Tables for the word-processor writers (DOCX, ODT): a DocTable, or the
 * numbers of a chart as a table (neither format has charts of its own),
 * walked row by row so that each writer says only how a table, a row and
 * a cell are written. Internal to src/render. */
#ifndef TD_RENDER_DOCGRID_H
#define TD_RENDER_DOCGRID_H

#include <stdbool.h>
#include <stddef.h>

#include "render/doc.h"

typedef struct DocGrid {
        const char *caption; /* NULL: none; a chart always has its title (maybe "") */
        size_t n_cols;
        int weight[DOC_TABLE_COLS_MAX]; /* relative column widths, > 0 */
        bool chart;                     /* the numbers of a chart */
} DocGrid;

/* Called in document order: begin, then per row row_begin, cell for each
 * column, row_end, and at last end. The first row is the header row.
 * number: a value in a number column of a body row (right-aligned, kept as
 * a number where the format can). */
typedef struct DocGridWriter {
        void (*begin)(void *ud, const DocGrid *g);
        void (*row_begin)(void *ud, bool header);
        void (*cell)(void *ud, size_t col, const char *text, bool header, bool number);
        void (*row_end)(void *ud, bool header);
        void (*end)(void *ud, const DocGrid *g);
        void *ud;
} DocGridWriter;

void doc_grid_table(const DocTable *t, const DocGridWriter *w);
/* missing: the text of a cell without a value (e.g. "–"). The first
 * column (categories) weighs as much as all the series together. */
void doc_grid_chart(const DocChart *c, const char *missing, const DocGridWriter *w);

#endif
