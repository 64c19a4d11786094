#include "domain/doctext/doctext.h"

#include <errno.h>
#include <string.h>
#include <zip.h>

#include "core/strbuf.h"
#include "core/utf8.h"

const char *doctext_format_name(DocFormat f) {
        static const char *const names[DOC_FORMAT_MAX] = { "text", "pdf", "docx", "odt" };
        return (unsigned)f < DOC_FORMAT_MAX ? names[f] : NULL;
}

/* Which kind of zip: ODF declares itself in its first entry "mimetype";
 * OOXML has word/document.xml. */
static int sniff_zip(const char *data, size_t len, DocFormat *ret) {
        zip_error_t ze;
        zip_error_init(&ze);
        zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
        zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
        int r = -EINVAL;
        if (!z) {
                zip_source_free(src);
                zip_error_fini(&ze);
                return r;
        }
        if (zip_name_locate(z, "word/document.xml", 0) >= 0) {
                *ret = DOC_DOCX;
                r = 0;
        } else {
                zip_file_t *f = zip_fopen(z, "mimetype", 0);
                char buf[64] = { 0 };
                zip_int64_t n = f ? zip_fread(f, buf, sizeof(buf) - 1) : -1;
                if (f)
                        zip_fclose(f);
                if (n > 0 && strncmp(buf, "application/vnd.oasis.opendocument.text", 39) == 0) {
                        *ret = DOC_ODT;
                        r = 0;
                }
        }
        zip_discard(z);
        zip_error_fini(&ze);
        return r;
}

int doctext_sniff(const char *data, size_t len, DocFormat *ret) {
        if (len >= 5 && memcmp(data, "%PDF-", 5) == 0) {
                *ret = DOC_PDF;
                return 0;
        }
        if (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0)
                return sniff_zip(data, len, ret);
        /* Text: no NUL bytes in the first 4 KiB (binary formats have them). */
        if (memchr(data, 0, len < 4096 ? len : 4096))
                return -EINVAL;
        *ret = DOC_TEXT;
        return 0;
}

int doctext_extract(Arena *arena, const char *data, size_t len, DocText **ret) {
        if (!arena || (len && !data))
                return -EINVAL;
        if (len > DOCTEXT_MAX_INPUT)
                return -E2BIG;
        DocFormat f;
        int r = doctext_sniff(data, len, &f);
        if (r < 0)
                return r;
        StrBuf out;
        strbuf_init(&out, DOCTEXT_MAX_OUTPUT);
        size_t images = 0;
        if (f == DOC_TEXT)
                strbuf_append(&out, data, len);
        else if (f == DOC_PDF)
                r = doctext_pdf(data, len, &out, &images);
        else
                r = doctext_zip(data, len, f, &out, &images);
        if (r == 0)
                r = strbuf_error(&out);
        DocText *d = NULL;
        char *text = NULL;
        if (r == 0) {
                d = arena_alloc(arena, sizeof(*d));
                text = d ? utf8_sanitize(arena, strbuf_str(&out), out.len) : NULL;
                if (!text)
                        r = -ENOMEM;
        }
        strbuf_free(&out);
        if (r < 0)
                return r;
        *d = (DocText){ text, strlen(text), f, images };
        *ret = d;
        return 0;
}
