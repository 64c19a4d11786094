/* PDF text through poppler-glib. Images are only counted. */
#include <errno.h>
#include <poppler.h>

#include "core/strbuf.h"
#include "domain/doctext/doctext.h"

int doctext_pdf(const char *data, size_t len, StrBuf *out, size_t *ret_images) {
        GBytes *bytes = g_bytes_new(data, len);
        GError *err = NULL;
        PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
        g_bytes_unref(bytes);
        if (!doc) {
                g_clear_error(&err);
                return -EINVAL;
        }
        int pages = poppler_document_get_n_pages(doc), r = 0;
        size_t images = 0;
        if (pages > DOCTEXT_MAX_PAGES)
                r = -E2BIG;
        for (int i = 0; i < pages && r == 0; i++) {
                PopplerPage *page = poppler_document_get_page(doc, i);
                if (!page)
                        continue;
                char *t = poppler_page_get_text(page);
                if (t) {
                        strbuf_puts(out, t);
                        strbuf_putc(out, '\n');
                        g_free(t);
                }
                GList *imgs = poppler_page_get_image_mapping(page);
                images += g_list_length(imgs);
                poppler_page_free_image_mapping(imgs);
                g_object_unref(page);
                r = strbuf_error(out);
        }
        g_object_unref(doc);
        if (r == 0)
                *ret_images = images;
        return r;
}
