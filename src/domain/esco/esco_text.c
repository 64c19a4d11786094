/* Word splitting and normalisation shared by index, search and extraction. */
#include <string.h>
#include <utf8proc.h>

#include "domain/esco/esco.h"

typedef struct Word {
        char buf[ESCO_TEXT_MAX_WORD_BYTES + 8];
        size_t len, start, end;
        bool open;
} Word;

static bool is_word_cp(utf8proc_int32_t cp) {
        switch (utf8proc_category(cp)) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LL:
        case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO:
        case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC:
        case UTF8PROC_CATEGORY_ME:
        case UTF8PROC_CATEGORY_ND:
        case UTF8PROC_CATEGORY_NL:
        case UTF8PROC_CATEGORY_NO:
                return true;
        default:
                return false;
        }
}

static void word_put(Word *w, const char *s, size_t n) {
        if (w->len + n <= ESCO_TEXT_MAX_WORD_BYTES) {
                memcpy(w->buf + w->len, s, n);
                w->len += n;
        }
}

/* Appends the folded, mark-stripped form of cp. */
static void word_put_cp(Word *w, utf8proc_int32_t cp) {
        utf8proc_int32_t out[8];
        int last = 0;
        utf8proc_ssize_t n = utf8proc_decompose_char(
                cp, out, 8, UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE, &last);
        for (utf8proc_ssize_t i = 0; i < n && i < 8; i++) {
                utf8proc_uint8_t enc[4];
                utf8proc_ssize_t k = utf8proc_encode_char(out[i], enc);
                word_put(w, (const char *)enc, (size_t)k);
        }
}

static int word_flush(Word *w, EscoWordFn fn, void *ud) {
        int rc = 0;
        if (w->open && w->len) {
                w->buf[w->len] = '\0';
                rc = fn(ud, w->buf, w->len, w->start, w->end);
        }
        w->open = false;
        w->len = 0;
        return rc;
}

int esco_text_words(const char *s, size_t n, EscoWordFn fn, void *ud) {
        Word w = {.open = false};
        size_t i = 0;
        while (i < n) {
                unsigned char c = (unsigned char)s[i];
                size_t k = 1;
                bool in_word;
                if (c < 0x80) {
                        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                        /* "C++", "C#": the sign is part of a word it ends */
                        bool sign = (c == '+' || c == '#') && w.open;
                        in_word = alnum || sign;
                        if (in_word) {
                                if (!w.open)
                                        w.open = true, w.start = i;
                                char l = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
                                word_put(&w, &l, 1);
                        }
                } else {
                        utf8proc_int32_t cp;
                        utf8proc_ssize_t got = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
                        if (got < 1) {
                                in_word = false;
                        } else {
                                k = (size_t)got;
                                in_word = is_word_cp(cp);
                                if (in_word) {
                                        if (!w.open)
                                                w.open = true, w.start = i;
                                        word_put_cp(&w, cp);
                                }
                        }
                }
                if (in_word) {
                        w.end = i + k;
                } else if (w.open) {
                        int rc = word_flush(&w, fn, ud);
                        if (rc)
                                return rc;
                }
                i += k;
        }
        return word_flush(&w, fn, ud);
}

typedef struct JoinCtx {
        char *out;
        size_t size, len;
} JoinCtx;

static int join_word(void *ud, const char *norm, size_t len, size_t start, size_t end) {
        JoinCtx *j = ud;
        (void)start, (void)end;
        size_t need = len + (j->len ? 1 : 0);
        if (j->len + need + 1 > j->size)
                return 1;
        if (j->len)
                j->out[j->len++] = ' ';
        memcpy(j->out + j->len, norm, len);
        j->len += len;
        j->out[j->len] = '\0';
        return 0;
}

size_t esco_text_normalize(const char *s, size_t n, char *out, size_t size) {
        JoinCtx j = {out, size, 0};
        if (size)
                out[0] = '\0';
        if (size)
                esco_text_words(s, n, join_word, &j);
        return j.len;
}

/* Function words of the seven interface languages that carry no skill. */
static const char *const stopwords[] = {
        "a",  "an",   "and", "as",  "at",  "by", "for", "from", "in",  "into", "of",  "on",  "or", "the",
        "to", "with", "da",  "das", "de",  "del", "della", "dei", "di", "do",  "dos", "e",   "em", "il",
        "la", "le",   "lo",  "na",  "nas", "no", "nos", "o",   "os",  "per", "si",  "sau", "cu", "din",
        "i",  "w",    "z",   "ze",  "oraz", "lub", "v",  "za",  "ali", "in",  "ter", "και", "η", "το",
        "του", "της", "των", "με",  "σε",  "για",
};

bool esco_text_is_stopword(const char *norm) {
        for (size_t i = 0; i < sizeof stopwords / sizeof stopwords[0]; i++)
                if (strcmp(norm, stopwords[i]) == 0)
                        return true;
        return false;
}
