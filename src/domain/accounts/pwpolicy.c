/* Password and e-mail rules. The common-password list is loaded once at
 * start into a sorted array and searched by bisection. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "domain/accounts/accounts.h"

#define PWLIST_MAX 200000
#define PWLINE_MAX 128

static char **common;
static size_t ncommon;

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int pwpolicy_load(const char *path) {
        FILE *f = fopen(path, "re");
        if (!f)
                return -errno;
        char line[PWLINE_MAX];
        char **list = calloc(PWLIST_MAX, sizeof(char *));
        size_t n = 0;
        int r = list ? 0 : -ENOMEM;
        while (r == 0 && fgets(line, sizeof(line), f)) {
                line[strcspn(line, "\r\n")] = '\0';
                if (!*line)
                        continue;
                if (n == PWLIST_MAX || !(list[n] = strdup(line)))
                        r = n == PWLIST_MAX ? -E2BIG : -ENOMEM;
                else
                        n++;
        }
        fclose(f);
        if (r < 0) {
                for (size_t i = 0; list && i < n; i++)
                        free(list[i]);
                free(list);
                return r;
        }
        qsort(list, n, sizeof(char *), cmp);
        common = list; /* kept for the life of the process */
        ncommon = n;
        return 0;
}

size_t pwpolicy_count(void) { return ncommon; }

static int is_common(const char *pw) {
        char low[PWLINE_MAX];
        size_t n = strlen(pw);
        if (n >= sizeof(low))
                return 0;
        for (size_t i = 0; i <= n; i++)
                low[i] = (pw[i] >= 'A' && pw[i] <= 'Z') ? (char)(pw[i] + 32) : pw[i];
        const char *key = low;
        return common && bsearch(&key, common, ncommon, sizeof(char *), cmp) != NULL;
}

static size_t count_chars(const char *s) {
        size_t n = 0;
        for (const unsigned char *p = (const unsigned char *)s; *p; p++)
                if ((*p & 0xC0) != 0x80)
                        n++;
        return n;
}

int pwpolicy_check(const char *pw, const char *email, const char **ret_msgid) {
        const char *msg = NULL;
        if (!pw || strlen(pw) > PW_MAX_BYTES)
                msg = N_("The password is too long: at most 1024 bytes.");
        else if (!utf8_valid(pw, strlen(pw)))
                msg = N_("The password contains characters that are not valid text.");
        else if (count_chars(pw) < PW_MIN_CHARS)
                msg = N_("The password is too short: use at least 12 characters, for example a few words.");
        else if (is_common(pw) || (email && strcasecmp(pw, email) == 0))
                msg = N_("This password is too common or too easy to guess. Please choose another.");
        if (!msg)
                return 0;
        *ret_msgid = msg;
        return -EINVAL;
}

int email_normalize(const char *in, char out[EMAIL_MAX + 1]) {
        if (!in)
                return -EINVAL;
        while (*in == ' ' || *in == '\t')
                in++;
        size_t n = strlen(in);
        while (n && (in[n - 1] == ' ' || in[n - 1] == '\t'))
                n--;
        if (n < 3 || n > EMAIL_MAX || !utf8_valid(in, n))
                return -EINVAL;
        int at = 0;
        for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)in[i];
                if (c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == '"' || c == ',' || c == ';')
                        return -EINVAL;
                at += c == '@';
                out[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
        }
        out[n] = '\0';
        const char *a = strchr(out, '@');
        if (at != 1 || a == out || !a[1] || !strchr(a + 1, '.') || a[strlen(a) - 1] == '.')
                return -EINVAL;
        return 0;
}
