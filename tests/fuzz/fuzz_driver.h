/* Standalone driver for the fuzz targets: without libFuzzer
 * (-DFUZZ_STANDALONE, the default Meson build) main() feeds every file
 * named on the command line to LLVMFuzzerTestOneInput once, so a corpus
 * can be replayed with gcc under ASan/UBSan. With clang use
 *   clang -fsanitize=fuzzer,address,undefined ... (without FUZZ_STANDALONE). */
#ifndef TD_FUZZ_DRIVER_H
#define TD_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifdef FUZZ_STANDALONE
int main(int argc, char **argv) {
        for (int i = 1; i < argc; i++) {
                FILE *f = fopen(argv[i], "rb");
                if (!f) {
                        perror(argv[i]);
                        return 1;
                }
                size_t cap = 1 << 16, n = 0, got;
                uint8_t *buf = malloc(cap);
                while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
                        n += got;
                        if (n == cap) {
                                uint8_t *nb = realloc(buf, cap *= 2);
                                if (!nb) {
                                        free(buf);
                                        buf = NULL;
                                }
                                buf = nb;
                        }
                }
                fclose(f);
                if (!buf)
                        return 1;
                LLVMFuzzerTestOneInput(buf, n);
                free(buf);
                printf("%s: ok\n", argv[i]);
        }
        return 0;
}
#endif

#endif
