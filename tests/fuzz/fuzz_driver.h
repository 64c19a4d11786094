/* Standalone driver for the fuzz targets: without libFuzzer
 * (-DFUZZ_STANDALONE, the default Meson build) main() feeds every file
 * named on the command line, and every file of a directory named there, to
 * LLVMFuzzerTestOneInput once, so a corpus can be replayed with gcc under
 * ASan/UBSan. A target frees what it keeps between inputs with atexit().
 * With clang use
 *   clang -fsanitize=fuzzer,address,undefined ... (without FUZZ_STANDALONE). */
#ifndef TD_FUZZ_DRIVER_H
#define TD_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifdef FUZZ_STANDALONE
#include <dirent.h>
#include <sys/stat.h>

/* The whole file in a heap buffer of its own size, so that ASan sees a
 * read past its end. Returns 0 or 1. */
static int fuzz_run_file(const char *path) {
        FILE *f = fopen(path, "rb");
        if (!f) {
                perror(path);
                return 1;
        }
        size_t cap = 1 << 16, n = 0, got;
        uint8_t *buf = malloc(cap);
        while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
                n += got;
                if (n == cap) {
                        uint8_t *nb = realloc(buf, cap *= 2);
                        if (!nb)
                                free(buf);
                        buf = nb;
                }
        }
        fclose(f);
        if (!buf)
                return 1;
        uint8_t *exact = malloc(n ? n : 1);
        if (exact && n)
                memcpy(exact, buf, n);
        free(buf);
        if (!exact)
                return 1;
        LLVMFuzzerTestOneInput(exact, n);
        free(exact);
        printf("%s: ok\n", path);
        return 0;
}

int main(int argc, char **argv) {
        int runs = 0;
        for (int i = 1; i < argc; i++) {
                struct stat st;
                DIR *d = stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode) ? opendir(argv[i]) : NULL;
                if (!d) {
                        if (fuzz_run_file(argv[i]))
                                return 1;
                        runs++;
                        continue;
                }
                struct dirent *e;
                while ((e = readdir(d))) {
                        char p[4096];
                        if (e->d_name[0] == '.' || snprintf(p, sizeof(p), "%s/%s", argv[i], e->d_name) >= (int)sizeof(p))
                                continue;
                        if (fuzz_run_file(p)) {
                                closedir(d);
                                return 1;
                        }
                        runs++;
                }
                closedir(d);
        }
        printf("# %d inputs ok\n", runs);
        return runs > 0 ? 0 : 1; /* a replay of nothing tests nothing */
}
#endif

#endif
