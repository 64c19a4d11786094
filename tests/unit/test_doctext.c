/* Text extraction from .docx, .odt and .pdf built by the test itself
 * (libzip, cairo), with images dropped and every limit exercised. */
#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/doctext/doctext.h"
#include "doctext_fixture.h"
#include "test.h"

static int extract(const char *data, size_t len, DocText **ret, Arena *a) {
        return doctext_extract(a, data, len, ret);
}

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

static void test_docx(Arena *a) {
        Part p[] = {
                { "[Content_Types].xml", "<Types/>", 0 },
                { "word/document.xml",
                  "<w:document " W "><w:body><w:p><w:r><w:t>Senior</w:t><w:tab/><w:t xml:space=\"preserve\"> Developer</w:t></w:r></w:p>"
                  "<w:p><w:r><w:instrText>HYPERLINK secret</w:instrText><w:t>Line</w:t><w:br/><w:t>two &amp; more</w:t></w:r></w:p></w:body></w:document>",
                  0 },
                { "word/header1.xml", "<w:hdr " W "><w:p><w:r><w:t>Anna Kowalska</w:t></w:r></w:p></w:hdr>", 0 },
                { "word/media/image1.png", "\x89PNG fake", 9 },
        };
        size_t n;
        char *z = make_zip(p, 4, &n);
        DocText *d = NULL;
        int r = z ? extract(z, n, &d, a) : -1;
        CHECK_INTEQ(r, 0, "docx extracts");
        if (r == 0) {
                CHECK_STREQ(d->text, "Anna Kowalska\nSenior\t Developer\nLine\ntwo & more\n",
                            "docx text: header first, tabs, breaks, entities, no field codes");
                CHECK_INTEQ(d->images_dropped, 1, "docx image counted and dropped");
                CHECK_INTEQ(d->format, DOC_DOCX, "format docx");
        }
        free(z);
}

static void test_odt(Arena *a) {
        Part p[] = {
                { "mimetype", "application/vnd.oasis.opendocument.text", 0 },
                { "content.xml",
                  "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                  "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
                  "<text:h>Maria Rossi</text:h><text:p>Via<text:s text:c=\"3\"/>Roma<text:tab/>15<text:line-break/>"
                  "<text:span>Milano</text:span></text:p><office:annotation><text:p>note</text:p></office:annotation>"
                  "</office:text></office:body></office:document-content>",
                  0 },
                { "Pictures/photo.jpg", "JFIF", 4 },
        };
        size_t n;
        char *z = make_zip(p, 3, &n);
        DocText *d = NULL;
        int r = z ? extract(z, n, &d, a) : -1;
        CHECK_INTEQ(r, 0, "odt extracts");
        if (r == 0) {
                CHECK_STREQ(d->text, "Maria Rossi\nVia   Roma\t15\nMilano\n", "odt text, annotations left out");
                CHECK_INTEQ(d->images_dropped, 1, "odt picture dropped");
        }
        free(z);
}

static cairo_status_t write_buf(void *closure, const unsigned char *data, unsigned int len) {
        FILE *f = closure;
        return fwrite(data, 1, len, f) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void test_pdf(Arena *a) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_buf, f, 300, 200);
        cairo_t *cr = cairo_create(s);
        cairo_select_font_face(cr, "sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr, 14);
        cairo_move_to(cr, 20, 50);
        cairo_show_text(cr, "Anna Kowalska");
        cairo_destroy(cr);
        cairo_surface_destroy(s);
        fclose(f);
        DocText *d = NULL;
        int r = extract(buf, len, &d, a);
        CHECK_INTEQ(r, 0, "pdf extracts");
        CHECK(r == 0 && strstr(d->text, "Anna Kowalska"), "pdf text: %s", r == 0 ? d->text : "");
        CHECK(r == 0 && d->format == DOC_PDF, "format pdf");
        CHECK_INTEQ(extract(buf, len / 3, &d, a), -EINVAL, "truncated pdf is rejected");
        free(buf);
        /* more pages than DOCTEXT_MAX_PAGES */
        buf = NULL;
        f = open_memstream(&buf, &len);
        s = cairo_pdf_surface_create_for_stream(write_buf, f, 100, 100);
        cr = cairo_create(s);
        for (int i = 0; i <= DOCTEXT_MAX_PAGES; i++)
                cairo_show_page(cr);
        cairo_destroy(cr);
        cairo_surface_destroy(s);
        fclose(f);
        CHECK_INTEQ(extract(buf, len, &d, a), -E2BIG, "page limit");
        free(buf);
}

static void test_limits(Arena *a) {
        DocText *d;
        /* nesting deeper than DOCTEXT_MAX_XML_DEPTH */
        size_t depth = DOCTEXT_MAX_XML_DEPTH + 10, k = 0;
        char *xml = malloc(depth * 12 + 160);
        k += (size_t)sprintf(xml, "<w:document " W ">");
        for (size_t i = 0; i < depth; i++)
                k += (size_t)sprintf(xml + k, "<w:p>");
        for (size_t i = 0; i < depth; i++)
                k += (size_t)sprintf(xml + k, "</w:p>");
        sprintf(xml + k, "</w:document>");
        Part deep[] = { { "word/document.xml", xml, 0 } };
        size_t n;
        char *z = make_zip(deep, 1, &n);
        CHECK_INTEQ(extract(z, n, &d, a), -E2BIG, "XML nesting limit");
        free(z);
        free(xml);
        /* a zip bomb: highly compressible part, over DOCTEXT_MAX_RATIO */
        size_t big = 8 * 1024 * 1024;
        char *zeros = malloc(big);
        memset(zeros, ' ', big);
        memcpy(zeros, "<a>", 3);
        Part bomb[] = { { "word/document.xml", zeros, big } };
        z = make_zip(bomb, 1, &n);
        CHECK_INTEQ(extract(z, n, &d, a), -E2BIG, "decompression ratio limit");
        free(z);
        free(zeros);
        /* too many entries */
        Part *many = calloc(DOCTEXT_MAX_ENTRIES + 2, sizeof(*many));
        char (*names)[32] = calloc(DOCTEXT_MAX_ENTRIES + 2, 32);
        many[0] = (Part){ "word/document.xml", "<a/>", 0 };
        for (size_t i = 1; i < DOCTEXT_MAX_ENTRIES + 2; i++) {
                snprintf(names[i], 32, "x/%zu.txt", i);
                many[i] = (Part){ names[i], "x", 0 };
        }
        z = make_zip(many, DOCTEXT_MAX_ENTRIES + 2, &n);
        CHECK_INTEQ(extract(z, n, &d, a), -E2BIG, "entry count limit");
        free(z);
        free(many);
        free(names);
        CHECK_INTEQ(doctext_extract(a, "x", DOCTEXT_MAX_INPUT + 1, &d), -E2BIG, "input size limit");
        /* more text than DOCTEXT_MAX_OUTPUT, hardly compressible so no other limit fires first */
        size_t tl = DOCTEXT_MAX_OUTPUT + 4096;
        char *body = malloc(tl + tl / 1000 * 16 + 256);
        k = (size_t)sprintf(body, "<w:document " W "><w:p><w:r><w:t>");
        unsigned x = 12345;
        for (size_t i = 0; i < tl; i++) {
                x = x * 1103515245u + 12345u;
                body[k++] = (char)('a' + (x >> 16) % 26);
                if (i % 1000 == 999) /* libxml2 caps one text node at 10 MB */
                        k += (size_t)sprintf(body + k, "</w:t><w:t>");
        }
        k += (size_t)sprintf(body + k, "</w:t></w:r></w:p></w:document>");
        Part huge[] = { { "word/document.xml", body, k } };
        z = make_zip(huge, 1, &n);
        CHECK_INTEQ(z ? extract(z, n, &d, a) : 0, -E2BIG, "extracted text limit");
        free(z);
        free(body);
}

static void test_hostile(Arena *a) {
        DocText *d;
        /* external entity: never resolved, never read */
        Part xxe[] = { { "word/document.xml",
                         "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                         "<w:document " W "><w:body><w:p><w:r><w:t>a&x;b</w:t></w:r></w:p></w:body></w:document>",
                         0 } };
        size_t n;
        char *z = make_zip(xxe, 1, &n);
        int r = extract(z, n, &d, a);
        CHECK(r != 0 || !strstr(d->text, "root:"), "external entity not expanded (%d)", r);
        free(z);
        Part none[] = { { "readme.txt", "hello", 0 } };
        z = make_zip(none, 1, &n);
        CHECK_INTEQ(extract(z, n, &d, a), -EINVAL, "zip that is no document");
        free(z);
        CHECK_INTEQ(extract("PK\x03\x04garbage", 11, &d, a), -EINVAL, "corrupt zip");
        CHECK_INTEQ(extract("\x7f" "ELF\0\0\0", 7, &d, a), -EINVAL, "binary file");
        CHECK_INTEQ(extract("<script>x</script>\r\n\xff", 21, &d, a), 0, "text with bad UTF-8");
        CHECK_STREQ(d->text, "<script>x</script>\r\n\xef\xbf\xbd", "bad byte replaced, markup kept as text");
        CHECK_INTEQ(extract("", 0, &d, a), 0, "empty text");
        CHECK_STREQ(doctext_format_name(DOC_ODT), "odt", "format name");
        CHECK(doctext_format_name(DOC_FORMAT_MAX) == NULL, "format name out of range");
}

int main(void) {
        Arena *a = arena_new();
        arena_set_limit(a, 0);
        test_docx(a);
        test_odt(a);
        test_pdf(a);
        test_limits(a);
        test_hostile(a);
        arena_free(a);
        cairo_debug_reset_static_data(); /* font caches of the PDF fixture, for LeakSanitizer */
        FcFini();
        return test_done();
}
