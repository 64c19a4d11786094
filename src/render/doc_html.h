/* HTML rendering of the document model (render/doc.h), through the HTML
 * writer: the plan and report pages show the same content as the PDF. */
#ifndef TD_RENDER_DOC_HTML_H
#define TD_RENDER_DOC_HTML_H

#include "core/strbuf.h"
#include "render/doc.h"

/* Appends d as an HTML fragment (no <html>/<body>) to out. Heading level n
 * becomes <h(n + heading_offset)>, capped at h6. Tables get a caption and
 * column headers; charts become data tables (their numbers, readable by a
 * screen reader) with a bar drawn by CSS width classes. Returns 0 or the
 * StrBuf's error. */
int doc_render_html(const Doc *d, int heading_offset, StrBuf *out);
/* Same, leaving out a first level-1 heading (the title) so a page can write
 * its own <h1>: the one h1 of the page. */
int doc_render_html_body(const Doc *d, int heading_offset, StrBuf *out);

/* Escaped document text with its language spans (doc_lang_span) as
 * <span lang="xx">, e.g. a page's own <h1> from the document's first
 * heading. */
void doc_html_text(StrBuf *b, const char *s);

/* A complete, self-contained HTML document (with its own small stylesheet)
 * for `techdiv export ... --format html`. */
int doc_render_html_page(const Doc *d, StrBuf *out);

#endif
