/* Minimal table-friendly test harness. Each check prints one TAP line
 * ("ok N - ..." / "not ok N - ..."); tests/run counts them and prints the
 * suite's "N passed, N failed" line. */
#ifndef TD_TEST_H
#define TD_TEST_H

#include <stdio.h>
#include <string.h>

static int test_n, test_failed;

#define CHECK(cond, ...)                                                                                \
        do {                                                                                           \
                test_n++;                                                                              \
                if (cond) {                                                                            \
                        printf("ok %d - ", test_n);                                                    \
                } else {                                                                               \
                        test_failed++;                                                                 \
                        printf("not ok %d - %s:%d: ", test_n, __FILE__, __LINE__);                     \
                }                                                                                      \
                printf(__VA_ARGS__);                                                                   \
                printf("\n");                                                                          \
        } while (0)

#define CHECK_STREQ(got, want, ...)                                                                     \
        do {                                                                                           \
                const char *g_ = (got), *w_ = (want);                                                  \
                int eq_ = g_ && w_ ? strcmp(g_, w_) == 0 : g_ == w_;                                   \
                CHECK(eq_, __VA_ARGS__);                                                               \
                if (!eq_)                                                                              \
                        printf("#   got:  \"%s\"\n#   want: \"%s\"\n", g_ ? g_ : "(null)",             \
                               w_ ? w_ : "(null)");                                                    \
        } while (0)

#define CHECK_INTEQ(got, want, ...)                                                                     \
        do {                                                                                           \
                long long g_ = (long long)(got), w_ = (long long)(want);                               \
                CHECK(g_ == w_, __VA_ARGS__);                                                          \
                if (g_ != w_)                                                                          \
                        printf("#   got: %lld want: %lld\n", g_, w_);                                  \
        } while (0)

static inline int test_done(void) {
        printf("1..%d\n# %d passed, %d failed\n", test_n, test_n - test_failed, test_failed);
        return test_failed ? 1 : 0;
}

#endif
