/* Fuzz target for the URBACT tool definition-file loader.
 * libFuzzer: clang -fsanitize=fuzzer,address ... (LLVMFuzzerTestOneInput).
 * Standalone (-DFUZZ_STANDALONE): runs every file or directory given on the
 * command line through the same entry point, e.g. over the corpus. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/iap/tools.h"
#include "fuzz_driver.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
        Arena *a = arena_new();
        if (!a)
                return 0;
        IapTool *t = NULL;
        IapLoadError err;
        /* Alternate the expected name so the rubric and poll checks run too. */
        static const char *const names[] = {NULL, "action_planning_rubric", "confidence_poll", "aspects12"};
        const char *name = names[size % 4];
        int r = iap_tool_parse(a, name, (const char *)data, size, &t, &err);
        if (r == 0) {
                /* Walk everything the loader promised to be valid. */
                size_t n = strlen(iap_label(&t->title, LANG_EL));
                for (size_t s = 0; s < t->n_sections; s++)
                        for (size_t i = 0; i < t->sections[s].n_items; i++)
                                n += strlen(iap_label(&t->sections[s].items[i].label, LANG_SL));
                if (n == 0)
                        abort(); /* the English title is required and non-empty */
        } else if (!err.msgid) {
                abort(); /* every refusal names its reason */
        }
        arena_free(a);
        return 0;
}
