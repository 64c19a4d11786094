/* Fuzz target: CV text extraction (PDF via poppler, DOCX/ODT via libzip
 * and libxml2). */
#include "core/strbuf.h"
#include "domain/profiles/cv_text.h"
#include "fuzz_driver.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
        StrBuf out;
        const char *msgid;
        strbuf_init(&out, 0);
        cv_text_extract(data, size, &out, &msgid);
        strbuf_free(&out);
        return 0;
}
