/* Fuzz target: the ESCO CSV reader (every file kind) feeding an index,
 * then a search and an extraction over the same bytes. */
#include <string.h>

#include "domain/esco/esco.h"
#include "fuzz_driver.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
        EscoIndex *idx = esco_index_new();
        if (!idx)
                return 0;
        EscoCallbacks cb = esco_index_callbacks(idx);
        EscoError err;
        for (int k = 0; k < ESCO_FILE_KIND_MAX; k++)
                esco_csv_read_buffer("fuzz.csv", (const char *)data, size, (EscoFileKind)k, ESCO_COLLECTION_DIGITAL,
                                     &cb, &err);
        if (esco_index_finish(idx) == 0) {
                char q[ESCO_SEARCH_MAX_QUERY_BYTES + 1];
                size_t n = size < ESCO_SEARCH_MAX_QUERY_BYTES ? size : ESCO_SEARCH_MAX_QUERY_BYTES;
                memcpy(q, data, n);
                q[n] = '\0';
                EscoSearchHit hits[10];
                size_t nh;
                esco_search(idx, q, hits, 10, &nh);
                EscoOccupationHit oh[10];
                esco_search_occupations(idx, q, oh, 10, &nh);
                EscoMention *m = NULL;
                size_t nm;
                if (esco_extract(idx, (const char *)data, size, &m, &nm) == 0)
                        free(m);
        }
        esco_index_free(idx);
        return 0;
}
