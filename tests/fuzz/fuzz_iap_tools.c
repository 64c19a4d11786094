/* Fuzz target for the URBACT tool definition-file loader.
 * libFuzzer: clang -fsanitize=fuzzer,address ... (LLVMFuzzerTestOneInput).
 * Standalone (-DFUZZ_STANDALONE): runs every file or directory given on the
 * command line through the same entry point, e.g. over the corpus. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "domain/iap/tools.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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

#ifdef FUZZ_STANDALONE
static int run_file(const char *path) {
        FILE *f = fopen(path, "rb");
        if (!f)
                return -errno;
        char *buf = malloc(IAP_TOOL_FILE_MAX + 2);
        size_t n = buf ? fread(buf, 1, IAP_TOOL_FILE_MAX + 1, f) : 0;
        fclose(f);
        if (!buf)
                return -ENOMEM;
        LLVMFuzzerTestOneInput((const uint8_t *)buf, n);
        free(buf);
        return 0;
}

int main(int argc, char **argv) {
        int files = 0;
        for (int i = 1; i < argc; i++) {
                struct stat st;
                if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
                        DIR *d = opendir(argv[i]);
                        struct dirent *e;
                        while (d && (e = readdir(d))) {
                                if (e->d_name[0] == '.')
                                        continue;
                                char p[4096];
                                snprintf(p, sizeof p, "%s/%s", argv[i], e->d_name);
                                files += run_file(p) == 0;
                        }
                        if (d)
                                closedir(d);
                } else {
                        files += run_file(argv[i]) == 0;
                }
        }
        printf("# fuzz_iap_tools: ran %d inputs\n", files);
        return files > 0 ? 0 : 1;
}
#endif
