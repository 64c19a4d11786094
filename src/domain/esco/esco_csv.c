#include "domain/esco/esco_csv.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include "core/i18n.h"
#include "core/utf8.h"

enum {
        COL_CONCEPT_TYPE,
        COL_CONCEPT_URI,
        COL_PREFERRED_LABEL,
        COL_ALT_LABELS,
        COL_HIDDEN_LABELS,
        COL_SKILL_TYPE,
        COL_REUSE_LEVEL,
        COL_ISCO_GROUP,
        COL_CODE,
        COL_DESCRIPTION,
        COL_OCCUPATION_URI,
        COL_RELATION_TYPE,
        COL_SKILL_URI,
        COL_ORIGINAL_SKILL_URI,
        COL_RELATED_SKILL_URI,
        COL_BROADER_TYPE,
        COL_BROADER_URI,
        COL_MAX
};

static const char *const col_names[COL_MAX] = {
        "conceptType",   "conceptUri",    "preferredLabel", "altLabels",        "hiddenLabels",    "skillType",
        "reuseLevel",    "iscoGroup",     "code",           "description",      "occupationUri",   "relationType",
        "skillUri",      "originalSkillUri", "relatedSkillUri", "broaderType",  "broaderUri",
};

/* Columns a file of each kind cannot do without. */
static const int required_cols[ESCO_FILE_KIND_MAX][4] = {
        [ESCO_FILE_CONCEPTS] = {COL_CONCEPT_URI, COL_PREFERRED_LABEL, -1},
        [ESCO_FILE_OCC_SKILL_RELATIONS] = {COL_OCCUPATION_URI, COL_RELATION_TYPE, COL_SKILL_URI, -1},
        [ESCO_FILE_SKILL_SKILL_RELATIONS] = {COL_ORIGINAL_SKILL_URI, COL_RELATION_TYPE, COL_RELATED_SKILL_URI, -1},
        [ESCO_FILE_BROADER_RELATIONS] = {COL_CONCEPT_URI, COL_BROADER_URI, -1},
        [ESCO_FILE_COLLECTION] = {COL_CONCEPT_URI, -1},
};

typedef struct Reader {
        struct csv_parser p;
        const char *name;
        EscoFileKind kind;
        EscoCollection coll;
        const EscoCallbacks *cb;
        EscoError *err;
        unsigned long line, rec_line, records;
        char *buf; /* this record's fields, each NUL-terminated */
        size_t len, cap;
        size_t off[ESCO_CSV_MAX_FIELDS];
        int nf;
        bool have_header, bom_checked;
        int ncols;
        int col[COL_MAX];
        int rc; /* first error; stops the read */
        const char *alt[ESCO_CSV_MAX_ALT_LABELS];
} Reader;

static int fail(Reader *r, int rc, const char *msgid, const char *detail) {
        if (r->rc)
                return r->rc;
        r->rc = rc;
        if (r->err) {
                snprintf(r->err->file, sizeof r->err->file, "%s", r->name);
                r->err->line = r->rec_line;
                r->err->msgid = msgid;
                snprintf(r->err->detail, sizeof r->err->detail, "%s", detail ? detail : "");
        }
        return rc;
}

static void on_field(void *s, size_t n, void *data) {
        Reader *r = data;
        if (r->rc)
                return;
        if (r->nf >= ESCO_CSV_MAX_FIELDS) {
                fail(r, -E2BIG, N_("Too many columns in a CSV record."), NULL);
                return;
        }
        if (n > ESCO_CSV_MAX_FIELD_BYTES) {
                fail(r, -E2BIG, N_("A CSV field is too long."), NULL);
                return;
        }
        if (r->len + n + 1 > r->cap) {
                size_t cap = r->cap ? r->cap : 4096;
                while (cap < r->len + n + 1)
                        cap *= 2;
                char *b = realloc(r->buf, cap);
                if (!b) {
                        fail(r, -ENOMEM, N_("Out of memory while reading the ESCO file."), NULL);
                        return;
                }
                r->buf = b;
                r->cap = cap;
        }
        r->off[r->nf++] = r->len;
        if (n)
                memcpy(r->buf + r->len, s, n);
        r->len += n;
        r->buf[r->len++] = '\0';
}

static const char *field(const Reader *r, int col) {
        int i = r->col[col];
        return i >= 0 ? r->buf + r->off[i] : "";
}

static int take_header(Reader *r) {
        for (int c = 0; c < COL_MAX; c++)
                r->col[c] = -1;
        for (int i = 0; i < r->nf; i++)
                for (int c = 0; c < COL_MAX; c++)
                        if (r->col[c] < 0 && strcmp(r->buf + r->off[i], col_names[c]) == 0)
                                r->col[c] = i;
        for (const int *req = required_cols[r->kind]; *req >= 0; req++)
                if (r->col[*req] < 0)
                        return fail(r, -EINVAL, N_("A required CSV column is missing."), col_names[*req]);
        r->ncols = r->nf;
        r->have_header = true;
        return 0;
}

static size_t trim_len(const char *s, size_t n, const char **ret_start) {
        while (n && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
                s++, n--;
        while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
                n--;
        *ret_start = s;
        return n;
}

/* Splits a labels field in place on newlines or " | " into r->alt[*n...]. */
static int split_labels(Reader *r, char *s, size_t *n) {
        while (*s) {
                char *nl = strchr(s, '\n'), *bar = strstr(s, " | ");
                char *end = nl && (!bar || nl < bar) ? nl : bar;
                size_t skip = end == bar && end ? 3 : 1;
                size_t len = end ? (size_t)(end - s) : strlen(s);
                const char *start;
                size_t tl = trim_len(s, len, &start);
                char *next = end ? end + skip : s + len;
                if (tl) {
                        if (*n >= ESCO_CSV_MAX_ALT_LABELS)
                                return fail(r, -E2BIG, N_("Too many alternative labels for one concept."), NULL);
                        ((char *)start)[tl] = '\0';
                        r->alt[(*n)++] = start;
                }
                s = next;
        }
        return 0;
}

EscoConceptType esco_concept_type_parse(const char *s) {
        static const char *const names[] = {"KnowledgeSkillCompetence", "Occupation", "ISCOGroup", "SkillGroup"};
        for (int i = 0; i < ESCO_CONCEPT_OTHER; i++)
                if (strcmp(s, names[i]) == 0)
                        return (EscoConceptType)i;
        return ESCO_CONCEPT_OTHER;
}

static int emit_concept(Reader *r) {
        EscoConcept c = {0};
        const char *type = field(r, COL_CONCEPT_TYPE);
        c.type = *type ? esco_concept_type_parse(type) : ESCO_CONCEPT_OTHER;
        if (!*type) /* trimmed files without the column: guess from the URI */
                c.type = strstr(field(r, COL_CONCEPT_URI), "/occupation/") ? ESCO_CONCEPT_OCCUPATION
                                                                          : ESCO_CONCEPT_SKILL;
        c.uri = field(r, COL_CONCEPT_URI);
        c.preferred_label = field(r, COL_PREFERRED_LABEL);
        if (!*c.uri || !*c.preferred_label)
                return fail(r, -EINVAL, N_("A concept has no URI or no preferred label."), NULL);
        size_t n = 0;
        if (r->col[COL_ALT_LABELS] >= 0 && split_labels(r, r->buf + r->off[r->col[COL_ALT_LABELS]], &n) < 0)
                return r->rc;
        size_t before = n;
        if (r->col[COL_HIDDEN_LABELS] >= 0 && split_labels(r, r->buf + r->off[r->col[COL_HIDDEN_LABELS]], &n) < 0)
                return r->rc;
        c.alt_labels = r->alt;
        c.n_alt_labels = n;
        c.n_hidden_labels = n - before;
        c.skill_type = field(r, COL_SKILL_TYPE);
        c.reuse_level = field(r, COL_REUSE_LEVEL);
        c.isco_group = field(r, COL_ISCO_GROUP);
        c.code = field(r, COL_CODE);
        c.description = field(r, COL_DESCRIPTION);
        return r->cb->concept ? r->cb->concept(r->cb->userdata, &c) : 0;
}

static int emit_occ_skill(Reader *r) {
        EscoOccSkillRelation rel = {field(r, COL_OCCUPATION_URI), ESCO_RELATION_ESSENTIAL, field(r, COL_SKILL_TYPE),
                                    field(r, COL_SKILL_URI)};
        const char *t = field(r, COL_RELATION_TYPE);
        if (strcmp(t, "optional") == 0)
                rel.relation = ESCO_RELATION_OPTIONAL;
        else if (strcmp(t, "essential") != 0)
                return fail(r, -EINVAL, N_("Unknown relation type (expected essential or optional)."), t);
        if (!*rel.occupation_uri || !*rel.skill_uri)
                return fail(r, -EINVAL, N_("A relation has an empty URI."), NULL);
        return r->cb->occ_skill ? r->cb->occ_skill(r->cb->userdata, &rel) : 0;
}

static int emit_record(Reader *r) {
        switch (r->kind) {
        case ESCO_FILE_CONCEPTS:
                return emit_concept(r);
        case ESCO_FILE_OCC_SKILL_RELATIONS:
                return emit_occ_skill(r);
        case ESCO_FILE_SKILL_SKILL_RELATIONS: {
                EscoSkillSkillRelation rel = {field(r, COL_ORIGINAL_SKILL_URI), field(r, COL_RELATION_TYPE),
                                              field(r, COL_RELATED_SKILL_URI)};
                return r->cb->skill_skill ? r->cb->skill_skill(r->cb->userdata, &rel) : 0;
        }
        case ESCO_FILE_BROADER_RELATIONS: {
                EscoBroaderRelation rel = {field(r, COL_CONCEPT_TYPE), field(r, COL_CONCEPT_URI),
                                           field(r, COL_BROADER_TYPE), field(r, COL_BROADER_URI)};
                return r->cb->broader ? r->cb->broader(r->cb->userdata, &rel) : 0;
        }
        case ESCO_FILE_COLLECTION:
                return r->cb->collection ? r->cb->collection(r->cb->userdata, r->coll, field(r, COL_CONCEPT_URI))
                                         : 0;
        default:
                return fail(r, -EINVAL, N_("Unknown ESCO file kind."), NULL);
        }
}

static void on_record(int c, void *data) {
        Reader *r = data;
        (void)c;
        if (r->rc)
                return;
        if (!utf8_valid(r->buf, r->len)) {
                fail(r, -EINVAL, N_("The CSV file is not valid UTF-8."), NULL);
        } else if (!r->have_header) {
                take_header(r);
        } else if (r->nf != r->ncols) {
                char d[64];
                snprintf(d, sizeof d, "%d/%d", r->nf, r->ncols);
                fail(r, -EINVAL, N_("A CSV record has the wrong number of columns."), d);
        } else if (++r->records > ESCO_CSV_MAX_RECORDS) {
                fail(r, -E2BIG, N_("The CSV file has too many records."), NULL);
        } else {
                int rc = emit_record(r);
                if (rc && !r->rc)
                        fail(r, rc < 0 ? rc : -ECANCELED, N_("Loading ESCO stopped."), NULL);
        }
        r->nf = 0;
        r->len = 0;
}

/* Feeds one physical line (with its '\n') so errors know their line. */
static int feed(Reader *r, const char *s, size_t n) {
        if (!r->bom_checked) {
                r->bom_checked = true;
                if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
                        s += 3, n -= 3;
        }
        if (r->p.pstate == 0) /* between records: the next one starts here */
                r->rec_line = r->line;
        if (csv_parse(&r->p, s, n, on_field, on_record, r) != n && !r->rc)
                return fail(r, -EINVAL, N_("Malformed CSV (a stray or unbalanced quote)."), NULL);
        if (!r->rc && r->p.entry_pos > ESCO_CSV_MAX_FIELD_BYTES)
                return fail(r, -E2BIG, N_("A CSV field is too long."), NULL);
        return r->rc;
}

/* Splits a chunk at newlines; *pending counts bytes of the current line. */
static int feed_chunk(Reader *r, const char *s, size_t n, size_t *pending) {
        while (n) {
                const char *nl = memchr(s, '\n', n);
                size_t k = nl ? (size_t)(nl - s) + 1 : n;
                if (*pending == 0 && r->p.pstate == 0) /* a record starts on this line */
                        r->rec_line = r->line;
                *pending += k;
                if (*pending > ESCO_CSV_MAX_LINE_BYTES)
                        return fail(r, -E2BIG, N_("A CSV line is too long."), NULL);
                int rc = feed(r, s, k);
                if (rc)
                        return rc;
                if (nl) {
                        r->line++;
                        *pending = 0;
                }
                s += k;
                n -= k;
        }
        return 0;
}

static int reader_init(Reader *r, const char *name, EscoFileKind kind, EscoCollection coll, const EscoCallbacks *cb,
                       EscoError *err) {
        memset(r, 0, sizeof *r);
        r->name = name;
        r->kind = kind;
        r->coll = coll;
        r->cb = cb;
        r->err = err;
        r->line = r->rec_line = 1;
        if (kind >= ESCO_FILE_KIND_MAX)
                return fail(r, -EINVAL, N_("Unknown ESCO file kind."), NULL);
        if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
                return fail(r, -ENOMEM, N_("Out of memory while reading the ESCO file."), NULL);
        return 0;
}

static int reader_finish(Reader *r) {
        if (!r->rc && csv_fini(&r->p, on_field, on_record, r) != 0 && !r->rc)
                fail(r, -EINVAL, N_("Malformed CSV (a quoted field is not closed)."), NULL);
        if (!r->rc && !r->have_header)
                fail(r, -EINVAL, N_("The CSV file is empty."), NULL);
        csv_free(&r->p);
        free(r->buf);
        if (!r->rc && r->err)
                memset(r->err, 0, sizeof *r->err);
        return r->rc;
}

int esco_csv_read_buffer(const char *name, const char *data, size_t len, EscoFileKind kind, EscoCollection coll,
                         const EscoCallbacks *cb, EscoError *err) {
        Reader *r = malloc(sizeof *r);
        if (!r)
                return -ENOMEM;
        int rc = reader_init(r, name, kind, coll, cb, err);
        if (rc == 0) {
                size_t pending = 0;
                feed_chunk(r, data, len, &pending);
                rc = reader_finish(r);
        }
        free(r);
        return rc;
}

static int read_gz(Reader *r, gzFile gz, const char *path) {
        struct stat st;
        size_t total = stat(path, &st) == 0 ? (size_t)st.st_size : 0, pending = 0;
        enum { CHUNK = 64 * 1024 };
        char *chunk = malloc(CHUNK);
        if (!chunk)
                return fail(r, -ENOMEM, N_("Out of memory while reading the ESCO file."), NULL);
        for (unsigned long n = 0;; n++) {
                int got = gzread(gz, chunk, CHUNK);
                if (got < 0) {
                        fail(r, -EIO, N_("The ESCO file could not be read (damaged or not gzip)."), NULL);
                        break;
                }
                if (got == 0 || feed_chunk(r, chunk, (size_t)got, &pending) != 0)
                        break;
                if (r->cb->progress && n % 16 == 0)
                        r->cb->progress(r->cb->userdata, r->name, (size_t)gzoffset(gz), total);
        }
        if (r->cb->progress && !r->rc)
                r->cb->progress(r->cb->userdata, r->name, total, total);
        free(chunk);
        return r->rc;
}

int esco_csv_read_file(const char *path, EscoFileKind kind, EscoCollection coll, const EscoCallbacks *cb,
                       EscoError *err) {
        Reader *r = malloc(sizeof *r);
        if (!r)
                return -ENOMEM;
        int rc = reader_init(r, path, kind, coll, cb, err);
        if (rc == 0) {
                gzFile gz = gzopen(path, "rb");
                if (!gz) {
                        rc = fail(r, -ENOENT, N_("The ESCO file could not be opened."), NULL);
                        r->rec_line = 0;
                        if (err)
                                err->line = 0;
                        csv_free(&r->p);
                } else {
                        read_gz(r, gz, path);
                        gzclose(gz);
                        rc = reader_finish(r);
                }
        }
        free(r);
        return rc;
}
