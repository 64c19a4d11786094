/* Skill mentions in free text: longest label match over normalised words. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "domain/esco/esco_internal.h"

/* One-word labels too generic to propose from prose: they are ESCO
 * labels, but in a CV "design" or "English" says little about a skill. */
static const char *const generic_words[] = {
        "management", "communication", "design",   "english",  "sales",      "teaching", "research",
        "support",    "planning",      "security", "quality",  "service",    "services", "work",
        "working",    "learning",      "training", "development", "analysis", "testing", "writing",
        "reading",    "speaking",      "listening", "engineering", "business", "marketing", "finance",
        "law",        "languages",     "language", "music",    "data",       "team",     "leadership",
        "administration", "operations", "production", "maintenance", "construction", "coaching",
        "monitoring", "reporting",     "delivery", "logistics", "transport", "health",   "safety",
        "customer",   "product",       "products", "project",  "projects",   "software", "systems",
        "technology", "technologies",  "it",       "ict",      "web",        "internet", "computer",
        "office",     "drive",         "driving",  "cooking",  "cleaning",   "care",     "art",
        "access",     "pregnancy",     "energy",   "source",   "history",    "less",     "go",
        "balance",    "form",          "guide",    "board",    "activity",   "schedule", "draw",
};

static bool is_generic(const char *norm) {
        for (size_t i = 0; i < sizeof generic_words / sizeof generic_words[0]; i++)
                if (strcmp(norm, generic_words[i]) == 0)
                        return true;
        return false;
}

/* A lone word is a weak signal ("plan", "access", "pregnancy" are ESCO
 * labels too): it counts only for digital skills ("docker", "python") and
 * for knowledge whose preferred label it is ("statistics"). */
static bool single_word_ok(const EscoIndex *idx, uint32_t label, const char *norm) {
        const Label *l = &idx->search[ESCO_SET_SKILLS].labels[label];
        const EscoSkill *s = &idx->skills[l->concept];
        if (strlen(norm) < 2 || is_generic(norm))
                return false;
        return s->digital || (l->preferred && strcmp(s->skill_type, "knowledge") == 0);
}

typedef struct Tok {
        char *norm;
        size_t start, end;
} Tok;

typedef struct Toks {
        Tok *t;
        size_t n, cap;
        char *store; /* all norms */
        size_t len, store_cap;
} Toks;

static int tok_add(void *ud, const char *norm, size_t len, size_t start, size_t end) {
        Toks *ts = ud;
        if (ts->n == ts->cap) {
                size_t c = ts->cap ? ts->cap * 2 : 256;
                Tok *t = realloc(ts->t, c * sizeof *t);
                if (!t)
                        return -ENOMEM;
                ts->t = t, ts->cap = c;
        }
        if (ts->len + len + 1 > ts->store_cap) {
                size_t c = ts->store_cap ? ts->store_cap * 2 : 4096;
                while (c < ts->len + len + 1)
                        c *= 2;
                char *s = realloc(ts->store, c);
                if (!s)
                        return -ENOMEM;
                ts->store = s, ts->store_cap = c;
        }
        memcpy(ts->store + ts->len, norm, len + 1);
        ts->t[ts->n++] = (Tok){(char *)(uintptr_t)ts->len, start, end};
        ts->len += len + 1;
        return 0;
}

/* Joins tokens [i, i + k) with spaces into buf; false when too long. */
static bool join(const Toks *ts, size_t i, size_t k, char *buf, size_t size) {
        size_t len = 0;
        for (size_t j = i; j < i + k; j++) {
                const char *w = ts->t[j].norm;
                size_t wl = strlen(w);
                if (len + wl + 2 > size)
                        return false;
                if (j > i)
                        buf[len++] = ' ';
                memcpy(buf + len, w, wl);
                len += wl;
        }
        buf[len] = '\0';
        return true;
}

static int add_mention(EscoMention **m, size_t *n, size_t *cap, EscoMention x) {
        for (size_t i = 0; i < *n; i++)
                if ((*m)[i].skill_id == x.skill_id)
                        return 0;
        if (*n == *cap) {
                size_t c = *cap ? *cap * 2 : 16;
                EscoMention *p = realloc(*m, c * sizeof *p);
                if (!p)
                        return -ENOMEM;
                *m = p, *cap = c;
        }
        (*m)[(*n)++] = x;
        return 0;
}

/* Longest label starting at token i: its length in tokens, or 0. */
static size_t match_at(const EscoIndex *idx, const Toks *ts, size_t i, uint32_t *ret_label) {
        char buf[1024];
        size_t maxk = ts->n - i < ESCO_EXTRACT_MAX_LABEL_WORDS ? ts->n - i : ESCO_EXTRACT_MAX_LABEL_WORDS;
        if (esco_text_is_stopword(ts->t[i].norm))
                return 0; /* a label never starts a mention with "of" */
        for (size_t k = maxk; k >= 1; k--) {
                uint32_t l;
                if (!join(ts, i, k, buf, sizeof buf) || esco_set_find_norm(&idx->search[ESCO_SET_SKILLS], buf, &l) < 0)
                        continue;
                if (k == 1 && !single_word_ok(idx, l, buf))
                        return 0;
                *ret_label = l;
                return k;
        }
        return 0;
}

int esco_extract(const EscoIndex *idx, const char *text, size_t len, EscoMention **ret_mentions, size_t *ret_n) {
        if (!idx || !idx->finished || (!text && len) || !utf8_valid(text ? text : "", len))
                return -EINVAL;
        if (len > ESCO_EXTRACT_MAX_TEXT_BYTES)
                return -E2BIG;
        Toks ts = {0};
        int rc = esco_text_words(text ? text : "", len, tok_add, &ts);
        for (size_t i = 0; i < ts.n; i++) /* offsets -> pointers now that store is final */
                ts.t[i].norm = ts.store + (uintptr_t)ts.t[i].norm;
        EscoMention *m = NULL;
        size_t n = 0, cap = 0;
        for (size_t i = 0; rc == 0 && i < ts.n;) {
                uint32_t l;
                size_t k = match_at(idx, &ts, i, &l);
                if (k == 0) {
                        i++;
                        continue;
                }
                const Label *lab = &idx->search[ESCO_SET_SKILLS].labels[l];
                rc = add_mention(&m, &n, &cap, (EscoMention){lab->concept, ts.t[i].start, ts.t[i + k - 1].end, lab->text});
                i += k;
        }
        free(ts.t);
        free(ts.store);
        if (rc) {
                free(m);
                return rc < 0 ? rc : -ENOMEM;
        }
        *ret_mentions = m;
        *ret_n = n;
        return 0;
}
