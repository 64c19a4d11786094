/* .docx (OOXML) and .odt (ODF) text: read the XML parts out of the zip
 * with libzip under size, ratio and count limits, in reading order, and
 * walk each one (doctext_xml.c). Media parts are counted, never read;
 * nor are link targets (_rels), comments, document properties (the
 * author's name), custom XML or meta.xml: only the parts below. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

#include "core/strbuf.h"
#include "domain/doctext/doctext.h"
#include "domain/doctext/doctext_xml.h"

/* Reads entry idx fully, enforcing the size and ratio limits on what is
 * actually decompressed (the sizes in the zip directory may lie). */
static int read_entry(zip_t *z, zip_uint64_t idx, size_t *budget, char **ret, size_t *ret_len) {
        zip_stat_t st;
        if (zip_stat_index(z, idx, 0, &st) < 0)
                return -EINVAL;
        size_t limit = DOCTEXT_MAX_ENTRY_SIZE < *budget ? DOCTEXT_MAX_ENTRY_SIZE : *budget;
        if ((st.valid & ZIP_STAT_COMP_SIZE) && st.comp_size * DOCTEXT_MAX_RATIO + 4096 < limit)
                limit = st.comp_size * DOCTEXT_MAX_RATIO + 4096;
        if ((st.valid & ZIP_STAT_SIZE) && st.size > limit)
                return -E2BIG;
        zip_file_t *f = zip_fopen_index(z, idx, 0);
        if (!f)
                return -EINVAL;
        size_t cap = (st.valid & ZIP_STAT_SIZE) ? st.size + 1 : 65536, n = 0;
        char *buf = malloc(cap);
        int r = buf ? 0 : -ENOMEM;
        while (r == 0) {
                if (n == cap) {
                        char *nb = n >= limit ? NULL : realloc(buf, cap * 2);
                        if (!nb) {
                                r = n >= limit ? -E2BIG : -ENOMEM;
                                break;
                        }
                        buf = nb, cap *= 2;
                }
                zip_int64_t k = zip_fread(f, buf + n, cap - n);
                if (k < 0)
                        r = -EINVAL;
                else if (k == 0)
                        break;
                else if ((n += (size_t)k) > limit)
                        r = -E2BIG;
        }
        zip_fclose(f);
        if (r < 0) {
                free(buf);
                return r;
        }
        *budget -= n;
        *ret = buf, *ret_len = n;
        return 0;
}

static bool is_media(const char *name) {
        static const char *const ext[] = { ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif",
                                           ".tiff", ".emf", ".wmf", ".svg", ".webp" };
        const char *dot = strrchr(name, '.');
        for (size_t i = 0; dot && i < sizeof(ext) / sizeof(*ext); i++)
                if (!strcasecmp(dot, ext[i]))
                        return true;
        return false;
}

/* Parts holding text, in reading order: headers (the name is often there),
 * body, footnotes, footers. */
static int part_rank(DocFormat f, const char *name) {
        if (f == DOC_ODT)
                return !strcmp(name, "styles.xml") ? 1 : !strcmp(name, "content.xml") ? 2 : 0;
        if (!strncmp(name, "word/header", 11) && strstr(name, ".xml"))
                return 1;
        if (!strcmp(name, "word/document.xml"))
                return 2;
        if (!strcmp(name, "word/footnotes.xml") || !strcmp(name, "word/endnotes.xml"))
                return 3;
        if (!strncmp(name, "word/footer", 11) && strstr(name, ".xml"))
                return 4;
        return 0;
}

int doctext_zip(const char *data, size_t len, DocFormat f, StrBuf *out, size_t *ret_images) {
        zip_error_t ze;
        zip_error_init(&ze);
        zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
        zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
        zip_error_fini(&ze);
        if (!z) {
                zip_source_free(src);
                return -EINVAL;
        }
        zip_int64_t n = zip_get_num_entries(z, 0);
        int r = n < 0 ? -EINVAL : n > DOCTEXT_MAX_ENTRIES ? -E2BIG : 0;
        size_t images = 0, budget = DOCTEXT_MAX_UNCOMPRESSED;
        for (int rank = 1; rank <= 4 && r == 0; rank++) {
                for (zip_int64_t i = 0; i < n && r == 0; i++) {
                        const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
                        if (!name)
                                continue;
                        if (rank == 1 && is_media(name))
                                images++;
                        if (part_rank(f, name) != rank)
                                continue;
                        char *xml;
                        size_t xl;
                        r = read_entry(z, (zip_uint64_t)i, &budget, &xml, &xl);
                        if (r == 0) {
                                r = doctext_walk_xml(xml, xl, f, out, &images);
                                free(xml);
                        }
                }
        }
        zip_discard(z);
        if (r == 0)
                *ret_images = images;
        return r;
}
