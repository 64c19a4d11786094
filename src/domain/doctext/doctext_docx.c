/* WordprocessingML (.docx) element rules: what is read, what is left out.
 * Read: <w:t> (also inside w:ins, w:hyperlink, w:sdt, w:smartTag,
 * w:fldSimple: their visible text), tabs, breaks, non-breaking hyphens,
 * symbols, table rows, text boxes. Left out: deleted and moved-away text
 * of tracked changes (w:del, w:delText, w:moveFrom), field codes
 * (w:instrText: a HYPERLINK's target), property elements (w:pPr, w:rPr,
 * w:sdtPr...: tab stops, placeholders), and every branch of an
 * mc:AlternateContent but the first (Word writes a text box twice: the
 * DrawingML mc:Choice and the VML mc:Fallback). Link targets (the rels
 * part), comments, document properties and custom XML parts are other
 * parts of the zip and never read. */
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "domain/doctext/doctext_xml.h"

static bool ends_with(const char *s, const char *suffix) {
        size_t n = strlen(s), k = strlen(suffix);
        return n > k && !strcmp(s + n - k, suffix);
}

/* w:sym: a character of a symbol font. Code points F000-F0FF are icons of
 * Wingdings or Symbol (a telephone, an envelope): a blank keeps the words
 * on either side apart. Other characters are written as they are. */
static void sym(DocWalk *w, xmlTextReaderPtr rd) {
        xmlChar *c = xmlTextReaderGetAttribute(rd, BAD_CAST "w:char");
        char *end = NULL;
        unsigned long cp = c ? strtoul((const char *)c, &end, 16) : 0;
        bool ok = c && end && *end == '\0' && end != (char *)c;
        xmlFree(c);
        char buf[5] = { 0 };
        if (ok && cp >= 0xF000 && cp <= 0xF0FF)
                doctext_char(w, ' ');
        else if (ok && cp >= 0x20 && cp <= 0x10FFFF && !(cp >= 0x7F && cp < 0xA0) &&
                 utf8_encode((uint32_t)cp, buf) > 0)
                doctext_text(w, buf);
}

/* One branch of an mc:AlternateContent: the first that is not empty. */
static void alt_branch(DocWalk *w, xmlTextReaderPtr rd) {
        if (w->nalt == 0 || xmlTextReaderIsEmptyElement(rd))
                return;
        if (w->alt[w->nalt - 1])
                doctext_skip(w, rd);
        else
                w->alt[w->nalt - 1] = 1;
}

void doctext_docx_start(DocWalk *w, xmlTextReaderPtr rd, const char *name) {
        bool empty = xmlTextReaderIsEmptyElement(rd);
        if (!strcmp(name, "t")) {
                w->in_text += !empty;
        } else if (!strcmp(name, "del") || !strcmp(name, "moveFrom") || !strcmp(name, "delText") ||
                   !strcmp(name, "instrText") || !strcmp(name, "delInstrText") || ends_with(name, "Pr")) {
                doctext_skip(w, rd);
        } else if (!strcmp(name, "AlternateContent")) {
                if (!empty && w->nalt < DOCTEXT_MAX_XML_DEPTH + 1)
                        w->alt[w->nalt++] = 0;
        } else if (!strcmp(name, "Choice") || !strcmp(name, "Fallback")) {
                alt_branch(w, rd);
        } else if (!strcmp(name, "tab") || !strcmp(name, "ptab")) {
                doctext_char(w, '\t');
        } else if (!strcmp(name, "br") || !strcmp(name, "cr")) {
                doctext_char(w, '\n');
        } else if (!strcmp(name, "noBreakHyphen")) {
                doctext_char(w, '-');
        } else if (!strcmp(name, "sym")) {
                sym(w, rd);
        } else if (!strcmp(name, "p") && empty) {
                doctext_par_end(w);
        } else if (!strcmp(name, "tr") && !empty) {
                doctext_row_start(w);
        } else if (!strcmp(name, "txbxContent") && !empty) {
                doctext_box_break(w);
        }
}

void doctext_docx_end(DocWalk *w, const char *name) {
        if (!strcmp(name, "t") && w->in_text)
                w->in_text--;
        else if (!strcmp(name, "p"))
                doctext_par_end(w);
        else if (!strcmp(name, "tc"))
                doctext_cell_end(w);
        else if (!strcmp(name, "tr"))
                doctext_row_end(w);
        else if (!strcmp(name, "txbxContent"))
                doctext_box_end(w);
        else if (!strcmp(name, "AlternateContent") && w->nalt > 0)
                w->nalt--;
}

bool doctext_docx_text(const DocWalk *w) {
        return w->in_text > 0;
}
