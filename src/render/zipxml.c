#include "render/zipxml.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "render/doc.h"

struct ZipOut {
        zip_source_t *src;
        zip_t *za;
        int err;
};

ZipOut *zipout_new(void) {
        ZipOut *z = calloc(1, sizeof *z);
        if (!z)
                return NULL;
        zip_error_t ze;
        zip_error_init(&ze);
        z->src = zip_source_buffer_create(NULL, 0, 0, &ze);
        if (z->src)
                z->za = zip_open_from_source(z->src, ZIP_TRUNCATE, &ze);
        zip_error_fini(&ze);
        if (!z->za) {
                if (z->src)
                        zip_source_free(z->src);
                free(z);
                return NULL;
        }
        zip_source_keep(z->src); /* survives zip_close so we can read it back */
        return z;
}

int zipout_add(ZipOut *z, const char *name, const void *data, size_t len, bool store) {
        if (!z || z->err)
                return z ? z->err : -EINVAL;
        void *copy = malloc(len ? len : 1);
        if (!copy)
                return z->err = -ENOMEM;
        if (len)
                memcpy(copy, data, len);
        zip_source_t *s = zip_source_buffer(z->za, copy, len, 1);
        if (!s) {
                free(copy);
                return z->err = -ENOMEM;
        }
        zip_int64_t idx = zip_file_add(z->za, name, s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
        if (idx < 0) {
                zip_source_free(s);
                return z->err = -EIO;
        }
        if (zip_set_file_compression(z->za, (zip_uint64_t)idx, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) < 0)
                return z->err = -EIO;
        return 0;
}

void zipout_free(ZipOut *z) {
        if (!z)
                return;
        if (z->za)
                zip_discard(z->za);
        if (z->src)
                zip_source_free(z->src);
        free(z);
}

static int read_back(zip_source_t *src, StrBuf *out) {
        zip_stat_t st;
        if (zip_source_open(src) < 0)
                return -EIO;
        int r = 0;
        if (zip_source_stat(src, &st) < 0 || !(st.valid & ZIP_STAT_SIZE))
                r = -EIO;
        else if (st.size > DOC_OUTPUT_MAX)
                r = -E2BIG;
        char buf[16384];
        zip_int64_t n;
        while (r == 0 && (n = zip_source_read(src, buf, sizeof buf)) > 0) {
                strbuf_append(out, buf, (size_t)n);
                r = strbuf_error(out);
        }
        zip_source_close(src);
        return r;
}

int zipout_finish(ZipOut *z, StrBuf *out) {
        if (!z)
                return -EINVAL;
        int r = z->err;
        if (r == 0 && zip_close(z->za) < 0)
                r = -EIO;
        else if (r == 0)
                z->za = NULL;
        if (r == 0)
                r = read_back(z->src, out);
        zipout_free(z);
        return r;
}

int xml_part_begin(XmlPart *x) {
        memset(x, 0, sizeof *x);
        x->buf = xmlBufferCreate();
        x->xw = x->buf ? xmlNewTextWriterMemory(x->buf, 0) : NULL;
        if (!x->xw) {
                if (x->buf)
                        xmlBufferFree(x->buf);
                return -ENOMEM;
        }
        if (xmlTextWriterStartDocument(x->xw, "1.0", "UTF-8", "yes") < 0)
                x->err = -EIO;
        return 0;
}

int xml_part_end(XmlPart *x, ZipOut *z, const char *name) {
        if (!x->err && xmlTextWriterEndDocument(x->xw) < 0)
                x->err = -EIO;
        xmlFreeTextWriter(x->xw); /* flushes into buf */
        int r = x->err;
        if (r == 0)
                r = zipout_add(z, name, xmlBufferContent(x->buf), (size_t)xmlBufferLength(x->buf), false);
        xmlBufferFree(x->buf);
        return r;
}

static void chk(XmlPart *x, int rc) {
        if (rc < 0 && !x->err)
                x->err = -EIO;
}

void xml_start(XmlPart *x, const char *el) {
        chk(x, xmlTextWriterStartElement(x->xw, BAD_CAST el));
}

void xml_end(XmlPart *x) {
        chk(x, xmlTextWriterEndElement(x->xw));
}

void xml_attr(XmlPart *x, const char *name, const char *value) {
        chk(x, xmlTextWriterWriteAttribute(x->xw, BAD_CAST name, BAD_CAST value));
}

void xml_text(XmlPart *x, const char *text) {
        chk(x, xmlTextWriterWriteString(x->xw, BAD_CAST text));
}

void xml_elem(XmlPart *x, const char *el, const char *text) {
        xml_start(x, el);
        xml_text(x, text ? text : "");
        xml_end(x);
}

void xml_text_lines(XmlPart *x, const char *text, const char *run_el, const char *br_el) {
        const char *p = text ? text : "";
        for (;;) {
                const char *nl = strchr(p, '\n');
                size_t n = nl ? (size_t)(nl - p) : strlen(p);
                if (n || !nl) {
                        char *piece = strndup(p, n);
                        if (!piece) {
                                x->err = -ENOMEM;
                                return;
                        }
                        if (run_el) {
                                xml_start(x, run_el);
                                if (strcmp(run_el, "w:t") == 0)
                                        xml_attr(x, "xml:space", "preserve");
                                xml_text(x, piece);
                                xml_end(x);
                        } else {
                                xml_text(x, piece);
                        }
                        free(piece);
                }
                if (!nl)
                        return;
                xml_start(x, br_el);
                xml_end(x);
                p = nl + 1;
        }
}
