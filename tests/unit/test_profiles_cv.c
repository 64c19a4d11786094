/* CV text extraction: PDF (made here with cairo), DOCX and ODT (zipped
 * here with libzip), hostile archives. */
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "core/strbuf.h"
#include "domain/profiles/cv_text.h"
#include "test.h"

static cairo_status_t pdf_write(void *closure, const unsigned char *data, unsigned int len) {
        strbuf_append(closure, data, len);
        return CAIRO_STATUS_SUCCESS;
}

static void make_pdf(StrBuf *b, int pages) {
        cairo_surface_t *s = cairo_pdf_surface_create_for_stream(pdf_write, b, 595, 842);
        cairo_t *cr = cairo_create(s);
        cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr, 14);
        for (int i = 0; i < pages; i++) {
                cairo_move_to(cr, 50, 100);
                cairo_show_text(cr, "Skills: Python and SQL, project management");
                cairo_show_page(cr);
        }
        cairo_destroy(cr);
        cairo_surface_destroy(s);
}

/* A ZIP in memory with the given entries (name, content pairs). */
static void make_zip(StrBuf *out, const char *const *entries, size_t n) {
        zip_error_t ze;
        zip_error_init(&ze);
        zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
        zip_source_keep(src);
        zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
        for (size_t i = 0; i < n; i += 2) {
                zip_source_t *e = zip_source_buffer(z, entries[i + 1], strlen(entries[i + 1]), 0);
                zip_file_add(z, entries[i], e, ZIP_FL_OVERWRITE);
        }
        zip_close(z);
        zip_source_open(src);
        zip_source_seek(src, 0, SEEK_END);
        zip_int64_t size = zip_source_tell(src);
        zip_source_seek(src, 0, SEEK_SET);
        char *buf = malloc((size_t)size);
        zip_source_read(src, buf, (zip_uint64_t)size);
        zip_source_close(src);
        zip_source_free(src);
        strbuf_append(out, buf, (size_t)size);
        free(buf);
        zip_error_fini(&ze);
}

static const char DOCX[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
        "<w:p><w:r><w:t>Maria Ionescu</w:t></w:r></w:p>"
        "<w:p><w:r><w:t xml:space=\"preserve\">Skills: </w:t></w:r><w:r><w:t>JavaScript</w:t><w:tab/>"
        "<w:t>&lt;b&gt;SQL&lt;/b&gt; and ăîșț</w:t></w:r><w:r><w:instrText>HYPERLINK x</w:instrText></w:r></w:p>"
        "</w:body></w:document>";
static const char ODT[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
        "<text:h>Curriculum</text:h><text:p>Python<text:s/>and<text:tab/>Docker<text:line-break/>Ελληνικά</text:p>"
        "</office:text></office:body></office:document-content>";

static void test_formats(void) {
        StrBuf pdf, docx, odt, out;
        strbuf_init(&pdf, 0), strbuf_init(&docx, 0), strbuf_init(&odt, 0), strbuf_init(&out, 0);
        make_pdf(&pdf, 2);
        const char *d[] = {"[Content_Types].xml", "<Types/>", "word/document.xml", DOCX};
        make_zip(&docx, d, 4);
        const char *o[] = {"mimetype", "application/vnd.oasis.opendocument.text", "content.xml", ODT};
        make_zip(&odt, o, 4);
        CvFormat f;
        CHECK(cv_detect(pdf.data, pdf.len, &f) == 0 && f == CV_FORMAT_PDF, "PDF detected");
        CHECK(cv_detect(docx.data, docx.len, &f) == 0 && f == CV_FORMAT_DOCX, "DOCX detected");
        CHECK(cv_detect(odt.data, odt.len, &f) == 0 && f == CV_FORMAT_ODT, "ODT detected");
        const char *msgid = NULL;
        CHECK_INTEQ(cv_text_extract(pdf.data, pdf.len, &out, &msgid), 0, "PDF text");
        CHECK(strstr(strbuf_str(&out), "Python and SQL") != NULL, "PDF words");
        strbuf_reset(&out);
        CHECK_INTEQ(cv_text_extract(docx.data, docx.len, &out, &msgid), 0, "DOCX text");
        CHECK_STREQ(strbuf_str(&out), "Maria Ionescu\nSkills: JavaScript\t<b>SQL</b> and ăîșț\n",
                    "DOCX paragraphs, tab, entities decoded, field codes skipped");
        strbuf_reset(&out);
        CHECK_INTEQ(cv_text_extract(odt.data, odt.len, &out, &msgid), 0, "ODT text");
        CHECK_STREQ(strbuf_str(&out), "Curriculum\nPython and\tDocker\nΕλληνικά\n", "ODT headings, spaces, breaks");

        StrBuf many;
        strbuf_init(&many, 0);
        make_pdf(&many, CV_MAX_PDF_PAGES + 1);
        strbuf_reset(&out);
        CHECK_INTEQ(cv_text_extract(many.data, many.len, &out, &msgid), -E2BIG, "over CV_MAX_PDF_PAGES -> -E2BIG");
        CHECK(out.len == 0 && msgid, "nothing appended, a message");
        strbuf_free(&many);
        strbuf_free(&pdf), strbuf_free(&docx), strbuf_free(&odt), strbuf_free(&out);
}

static void test_hostile(void) {
        StrBuf out, z;
        strbuf_init(&out, 0), strbuf_init(&z, 0);
        const char *msgid = NULL;
        static const struct {
                const char *name, *data;
                size_t len;
        } bad[] = {
                {"empty", "", 0},
                {"text file", "hello world", 11},
                {"truncated PDF", "%PDF-1.4\n1 0 obj", 16},
                {"truncated ZIP", "PK\x03\x04\x14\x00", 6},
                {"HTML", "<script>alert(1)</script>", 25},
        };
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
                msgid = NULL;
                CHECK_INTEQ(cv_text_extract(bad[i].data, bad[i].len, &out, &msgid), -EINVAL, "%s rejected", bad[i].name);
                CHECK(msgid && out.len == 0, "%s: message, nothing appended", bad[i].name);
        }
        const char *plain_zip[] = {"readme.txt", "not a document"};
        make_zip(&z, plain_zip, 2);
        CHECK_INTEQ(cv_text_extract(z.data, z.len, &out, &msgid), -EINVAL, "a ZIP that is no document");
        strbuf_reset(&z);
        const char *xxe[] = {"word/document.xml",
                             "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>"};
        make_zip(&z, xxe, 2);
        CHECK_INTEQ(cv_text_extract(z.data, z.len, &out, &msgid), -EINVAL, "DOCX with a DTD refused");
        strbuf_reset(&z);
        /* highly compressible document bigger than CV_MAX_XML_BYTES once inflated */
        size_t big = CV_MAX_XML_BYTES + 16;
        char *bomb = malloc(big + 1);
        memset(bomb, 'a', big);
        bomb[big] = '\0';
        const char *b[] = {"word/document.xml", bomb};
        make_zip(&z, b, 2);
        CHECK(z.len < CV_MAX_UPLOAD_BYTES, "the bomb is small (%zu bytes)", z.len);
        CHECK_INTEQ(cv_text_extract(z.data, z.len, &out, &msgid), -E2BIG, "zip bomb -> -E2BIG");
        free(bomb);
        char *huge = calloc(1, CV_MAX_UPLOAD_BYTES + 1);
        memcpy(huge, "%PDF-", 5);
        CHECK_INTEQ(cv_text_extract(huge, CV_MAX_UPLOAD_BYTES + 1, &out, &msgid), -E2BIG, "upload over the limit");
        free(huge);
        CHECK(out.len == 0, "nothing appended on any error");
        strbuf_free(&out), strbuf_free(&z);
}

int main(void) {
        test_formats();
        test_hostile();
        /* cairo and fontconfig keep caches for the process: free them so
         * LeakSanitizer reports only leaks of our own. */
        cairo_debug_reset_static_data();
        FcFini();
        return test_done();
}
