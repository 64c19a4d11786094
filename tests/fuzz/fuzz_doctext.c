/* Fuzz target for document text extraction. The first byte picks the
 * path: 'd' walks the rest as one WordprocessingML part, 'o' as one ODF
 * part (the element rules, tables, text boxes, notes: where the state
 * is), anything else hands the whole input to doctext_extract (zip, PDF,
 * text). Whatever the input: no crash, and extracted text is valid UTF-8.
 * Build with clang -fsanitize=fuzzer, or with -DFUZZ_STANDALONE to run
 * over files given on the command line (each file is one input). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "domain/doctext/doctext.h"
#include "domain/doctext/doctext_xml.h"
#include "fuzz_driver.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
        if (size > 0 && (data[0] == 'd' || data[0] == 'o')) {
                StrBuf out;
                strbuf_init(&out, DOCTEXT_MAX_OUTPUT);
                size_t images = 0;
                doctext_walk_xml((const char *)data + 1, size - 1, data[0] == 'd' ? DOC_DOCX : DOC_ODT, &out, &images);
                if (strbuf_error(&out) == 0 && out.len && !memchr(out.data, 0, out.len) && !utf8_valid(out.data, out.len))
                        abort(); /* libxml2 hands over UTF-8 only */
                strbuf_free(&out);
                return 0;
        }
        Arena *a = arena_new();
        if (!a)
                return 0;
        arena_set_limit(a, 0);
        DocText *d;
        if (doctext_extract(a, (const char *)data, size, &d) == 0 && (!utf8_valid(d->text, d->len) || strlen(d->text) != d->len))
                abort();
        arena_free(a);
        return 0;
}
