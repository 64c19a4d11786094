#include "domain/profiles/cv_text.h"

#include <errno.h>
#include <string.h>

#include <libxml/parser.h>
#include <poppler.h>
#include <zip.h>

#include "core/i18n.h"
#include "core/utf8.h"

static bool zip_has(zip_t *z, const char *name) { return zip_name_locate(z, name, 0) >= 0; }

static zip_t *zip_open_buf(const void *data, size_t len) {
        zip_error_t ze;
        zip_error_init(&ze);
        zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
        zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
        if (!z && src)
                zip_source_free(src);
        zip_error_fini(&ze);
        return z;
}

/* Reads the mimetype entry of an OpenDocument file into buf. */
static bool odt_mimetype(zip_t *z) {
        char buf[64] = "";
        zip_file_t *f = zip_fopen(z, "mimetype", 0);
        if (!f)
                return false;
        zip_int64_t n = zip_fread(f, buf, sizeof buf - 1);
        zip_fclose(f);
        return n > 0 && strncmp(buf, "application/vnd.oasis.opendocument.text", 39) == 0;
}

int cv_detect(const void *data, size_t len, CvFormat *ret) {
        if (!data || len < 5)
                return -EINVAL;
        if (memcmp(data, "%PDF-", 5) == 0) {
                *ret = CV_FORMAT_PDF;
                return 0;
        }
        if (len < 4 || memcmp(data, "PK\x03\x04", 4) != 0)
                return -EINVAL;
        zip_t *z = zip_open_buf(data, len);
        if (!z)
                return -EINVAL;
        int rc = -EINVAL;
        if (zip_has(z, "word/document.xml"))
                *ret = CV_FORMAT_DOCX, rc = 0;
        else if (zip_has(z, "content.xml") && odt_mimetype(z))
                *ret = CV_FORMAT_ODT, rc = 0;
        zip_discard(z);
        return rc;
}

/* ---- PDF (poppler) ---- */

static int pdf_text(const void *data, size_t len, StrBuf *out, const char **msgid) {
        GBytes *bytes = g_bytes_new_static(data, len);
        GError *err = NULL;
        PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
        g_bytes_unref(bytes);
        if (!doc) {
                *msgid = N_("The PDF file is damaged or protected by a password.");
                g_clear_error(&err);
                return -EINVAL;
        }
        int pages = poppler_document_get_n_pages(doc), rc = 0;
        if (pages > CV_MAX_PDF_PAGES) {
                *msgid = N_("The CV has too many pages.");
                rc = -E2BIG;
        }
        for (int i = 0; rc == 0 && i < pages; i++) {
                PopplerPage *page = poppler_document_get_page(doc, i);
                char *t = page ? poppler_page_get_text(page) : NULL;
                if (t) {
                        strbuf_puts(out, t);
                        strbuf_putc(out, '\n');
                }
                g_free(t);
                if (page)
                        g_object_unref(page);
                if (strbuf_error(out))
                        rc = strbuf_error(out);
        }
        g_object_unref(doc);
        return rc;
}

/* ---- DOCX / ODT (libzip + libxml2) ---- */

typedef struct XmlText {
        const char *para[3]; /* element names that end a paragraph */
        const char *tab, *brk, *space;
} XmlText;

static const XmlText docx_names = {{"p", "tr", NULL}, "tab", "br", NULL};
static const XmlText odt_names = {{"p", "h", "list-item"}, "tab", "line-break", "s"};

static void walk(const xmlNode *n, const XmlText *names, StrBuf *out, int depth) {
        for (; n && depth < 256; n = n->next) {
                if (n->type == XML_TEXT_NODE) {
                        strbuf_puts(out, (const char *)n->content);
                        continue;
                }
                if (n->type != XML_ELEMENT_NODE)
                        continue;
                const char *name = (const char *)n->name;
                if (strcmp(name, names->tab) == 0)
                        strbuf_putc(out, '\t');
                else if (strcmp(name, names->brk) == 0)
                        strbuf_putc(out, '\n');
                else if (names->space && strcmp(name, names->space) == 0)
                        strbuf_putc(out, ' ');
                /* DOCX keeps text in w:t only: skip instructions (w:instrText) */
                if (strcmp(name, "instrText") != 0 && strcmp(name, "delText") != 0)
                        walk(n->children, names, out, depth + 1);
                for (int i = 0; i < 3 && names->para[i]; i++)
                        if (strcmp(name, names->para[i]) == 0)
                                strbuf_putc(out, '\n');
        }
}

static int read_entry(zip_t *z, const char *name, char **ret, size_t *ret_len, const char **msgid) {
        zip_stat_t st;
        if (zip_stat(z, name, 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE)) {
                *msgid = N_("The document is damaged.");
                return -EINVAL;
        }
        if (st.size > CV_MAX_XML_BYTES) {
                *msgid = N_("The document is too large once unpacked.");
                return -E2BIG;
        }
        char *buf = malloc(st.size + 1);
        zip_file_t *f = buf ? zip_fopen(z, name, 0) : NULL;
        zip_int64_t n = f ? zip_fread(f, buf, st.size) : -1;
        if (f)
                zip_fclose(f);
        if (n < 0 || (zip_uint64_t)n != st.size) { /* sizes in the archive can lie */
                free(buf);
                *msgid = N_("The document is damaged.");
                return buf ? -EINVAL : -ENOMEM;
        }
        *ret = buf;
        *ret_len = (size_t)n;
        return 0;
}

static int xml_text(const char *xml, size_t len, const XmlText *names, StrBuf *out, const char **msgid) {
        if (memmem(xml, len, "<!DOCTYPE", 9) || memmem(xml, len, "<!ENTITY", 8)) {
                *msgid = N_("The document is damaged.");
                return -EINVAL;
        }
        xmlDoc *doc = xmlReadMemory(xml, (int)len, "cv.xml", NULL,
                                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
        if (!doc) {
                *msgid = N_("The document is damaged.");
                return -EINVAL;
        }
        walk(xmlDocGetRootElement(doc), names, out, 0);
        xmlFreeDoc(doc);
        return strbuf_error(out);
}

static int zip_text(const void *data, size_t len, CvFormat fmt, StrBuf *out, const char **msgid) {
        zip_t *z = zip_open_buf(data, len);
        if (!z) {
                *msgid = N_("The document is damaged.");
                return -EINVAL;
        }
        char *xml = NULL;
        size_t n = 0;
        int rc = read_entry(z, fmt == CV_FORMAT_DOCX ? "word/document.xml" : "content.xml", &xml, &n, msgid);
        zip_discard(z);
        if (rc == 0)
                rc = xml_text(xml, n, fmt == CV_FORMAT_DOCX ? &docx_names : &odt_names, out, msgid);
        free(xml);
        return rc;
}

int cv_text_extract(const void *data, size_t len, StrBuf *out, const char **ret_msgid) {
        const char *msgid = N_("This file is not a PDF, DOCX or ODT document.");
        CvFormat fmt;
        int rc;
        StrBuf tmp;
        if (!out)
                return -EINVAL;
        strbuf_init(&tmp, CV_MAX_TEXT_BYTES);
        if (len > CV_MAX_UPLOAD_BYTES) {
                msgid = N_("The CV file is too large.");
                rc = -E2BIG;
        } else if ((rc = cv_detect(data, len, &fmt)) == 0) {
                rc = fmt == CV_FORMAT_PDF ? pdf_text(data, len, &tmp, &msgid) : zip_text(data, len, fmt, &tmp, &msgid);
                if (rc == -E2BIG && strbuf_error(&tmp) == -E2BIG)
                        msgid = N_("The CV has too much text.");
        }
        if (rc == 0 && !utf8_valid(tmp.data ? tmp.data : "", tmp.len)) { /* poppler and libxml2 give UTF-8 */
                rc = -EINVAL;
                msgid = N_("The document is damaged.");
        }
        if (rc == 0)
                strbuf_append(out, tmp.data ? tmp.data : "", tmp.len);
        strbuf_free(&tmp);
        if (rc && ret_msgid)
                *ret_msgid = msgid;
        return rc ? rc : strbuf_error(out);
}
