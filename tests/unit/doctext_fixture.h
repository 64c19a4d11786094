/* Documents built at test time for the doctext tests and the end-to-end
 * check of `techdiv anonymize FILE`: zips (.docx, .odt) with libzip and
 * PDFs with cairo. Header-only; every function returns malloc'ed bytes
 * the caller frees, or NULL. */
#ifndef TD_TEST_DOCTEXT_FIXTURE_H
#define TD_TEST_DOCTEXT_FIXTURE_H

#include <cairo-pdf.h>
#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

typedef struct Part {
        const char *name;
        const char *data;
        size_t len; /* 0: strlen(data) */
} Part;

/* Builds a zip in a temporary file (in the working directory: the build
 * tree) and returns its bytes. */
static inline char *make_zip(const Part *parts, size_t n, size_t *ret_len) {
        char path[] = "td-doctext-XXXXXX";
        int fd = mkstemp(path);
        if (fd < 0)
                return NULL;
        close(fd);
        int err;
        zip_t *z = zip_open(path, ZIP_TRUNCATE, &err);
        for (size_t i = 0; z && i < n; i++) {
                size_t l = parts[i].len ? parts[i].len : strlen(parts[i].data);
                zip_source_t *s = zip_source_buffer(z, parts[i].data, l, 0);
                zip_file_add(z, parts[i].name, s, ZIP_FL_OVERWRITE);
        }
        if (z)
                zip_close(z);
        FILE *f = fopen(path, "rb");
        char *buf = NULL;
        if (f) {
                fseek(f, 0, SEEK_END);
                long sz = ftell(f);
                fseek(f, 0, SEEK_SET);
                buf = malloc((size_t)sz + 1);
                *ret_len = buf ? fread(buf, 1, (size_t)sz, f) : 0;
                fclose(f);
        }
        unlink(path);
        return buf;
}

#define FX_W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define FX_DOCX_NS                                                                                     \
        FX_W " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""               \
             " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""        \
             " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""    \
             " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""                      \
             " xmlns:v=\"urn:schemas-microsoft-com:vml\""                                              \
             " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define FX_ODT_NS                                                                                      \
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""                            \
        " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""                               \
        " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""                             \
        " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""                            \
        " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""                      \
        " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""                             \
        " xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\""                        \
        " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""

/* word/document.xml around body (the content of <w:body>), with extra
 * parts beside it (NULL-terminated pairs of name, data). */
static inline char *make_docx(const char *body, const char *const *extra, size_t *ret_len) {
        size_t bl = strlen(body) + 1024;
        char *doc = malloc(bl);
        if (!doc)
                return NULL;
        snprintf(doc, bl, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                          "<w:document " FX_DOCX_NS "><w:body>%s</w:body></w:document>", body);
        Part p[16] = { { "[Content_Types].xml", "<Types/>", 0 }, { "word/document.xml", doc, 0 } };
        size_t n = 2;
        for (size_t i = 0; extra && extra[i] && extra[i + 1] && n < 16; i += 2)
                p[n++] = (Part){ extra[i], extra[i + 1], 0 };
        char *z = make_zip(p, n, ret_len);
        free(doc);
        return z;
}

/* content.xml around text (the content of <office:text>), with styles.xml
 * when styles is not NULL. */
static inline char *make_odt(const char *text, const char *styles, size_t *ret_len) {
        size_t tl = strlen(text) + 1024;
        char *doc = malloc(tl);
        if (!doc)
                return NULL;
        snprintf(doc, tl, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content " FX_ODT_NS
                          "><office:body><office:text>%s</office:text></office:body></office:document-content>",
                 text);
        Part p[3] = { { "mimetype", "application/vnd.oasis.opendocument.text", 0 }, { "content.xml", doc, 0 },
                      { "styles.xml", styles ? styles : "", 0 } };
        char *z = make_zip(p, styles ? 3 : 2, ret_len);
        free(doc);
        return z;
}

static inline cairo_status_t fx_write(void *closure, const unsigned char *data, unsigned int len) {
        return fwrite(data, 1, len, (FILE *)closure) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* One line of a PDF page: text at (x, y) in points, in size pt. */
typedef struct FxLine {
        double x, y, size;
        const char *text;
} FxLine;

/* An A4 page with the lines, as a CV designer lays it out. */
static inline char *make_pdf(const FxLine *lines, size_t n, size_t *ret_len) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        if (!f)
                return NULL;
        cairo_surface_t *s = cairo_pdf_surface_create_for_stream(fx_write, f, 595, 842);
        cairo_t *cr = cairo_create(s);
        cairo_select_font_face(cr, "sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
        for (size_t i = 0; i < n; i++) {
                cairo_set_font_size(cr, lines[i].size);
                cairo_move_to(cr, lines[i].x, lines[i].y);
                cairo_show_text(cr, lines[i].text);
        }
        cairo_destroy(cr);
        cairo_surface_destroy(s);
        fclose(f);
        *ret_len = len;
        return buf;
}

#endif
