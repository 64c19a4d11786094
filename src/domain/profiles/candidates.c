#include "domain/profiles/candidates.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

/* The line-by-line reader; the JSON of one line is parsed in
 * candidates_parse.c. */
static int fail(CandidatesError *err, int rc, const char *msgid, const char *detail) {
        if (err) {
                err->msgid = msgid;
                snprintf(err->detail, sizeof err->detail, "%s", detail ? detail : "");
        }
        return rc;
}

typedef struct Reader {
        CandidateFn fn;
        void *ud;
        CandidatesError *err;
        CandidateLineState *state;
        CandidateRecord *rec;
        unsigned long line, count;
} Reader;

static int one_line(Reader *rd, const char *s, size_t n) {
        rd->line++;
        if (n && s[n - 1] == '\r')
                n--;
        if (n > CANDIDATES_MAX_LINE_BYTES)
                return fail(rd->err, -E2BIG, N_("A line of the candidates file is too long."), NULL);
        size_t blank = 0;
        while (blank < n && (s[blank] == ' ' || s[blank] == '\t'))
                blank++;
        if (blank == n)
                return 0;
        if (++rd->count > CANDIDATES_MAX_RECORDS)
                return fail(rd->err, -E2BIG, N_("The candidates file has too many lines."), NULL);
        rd->rec->line = rd->line;
        int rc = candidates_parse_line(&rd->state, s, n, rd->rec, rd->err);
        if (rc == 0 && rd->fn)
                rc = rd->fn(rd->ud, rd->rec);
        return rc;
}

static int reader_init(Reader *rd, CandidateFn fn, void *ud, CandidatesError *err) {
        memset(rd, 0, sizeof *rd);
        rd->fn = fn, rd->ud = ud, rd->err = err;
        rd->rec = malloc(sizeof *rd->rec);
        if (err)
                memset(err, 0, sizeof *err);
        return rd->rec ? 0 : -ENOMEM;
}

static int reader_done(Reader *rd, int rc, unsigned long *ret_count) {
        if (rc && rd->err)
                rd->err->line = rd->line;
        else if (rd->err)
                memset(rd->err, 0, sizeof *rd->err);
        if (!rc && ret_count)
                *ret_count = rd->count;
        candidates_line_free(rd->state);
        free(rd->rec);
        return rc;
}

int candidates_read_buffer(const char *data, size_t len, CandidateFn fn, void *ud, unsigned long *ret_count,
                           CandidatesError *err) {
        Reader rd;
        int rc = reader_init(&rd, fn, ud, err);
        while (rc == 0 && len) {
                const char *nl = memchr(data, '\n', len);
                size_t n = nl ? (size_t)(nl - data) : len;
                rc = one_line(&rd, data, n);
                data += n + (nl != NULL);
                len -= n + (nl != NULL);
        }
        return reader_done(&rd, rc, ret_count);
}

int candidates_read_file(FILE *f, CandidateFn fn, void *ud, unsigned long *ret_count, CandidatesError *err) {
        Reader rd;
        int rc = reader_init(&rd, fn, ud, err);
        char *buf = NULL;
        size_t cap = 0;
        ssize_t n;
        while (rc == 0 && (n = getline(&buf, &cap, f)) > 0)
                rc = one_line(&rd, buf, (size_t)n - (buf[n - 1] == '\n'));
        if (rc == 0 && ferror(f))
                rc = fail(err, -EIO, N_("The candidates file could not be read."), NULL);
        free(buf);
        return reader_done(&rd, rc, ret_count);
}
