/* Pass 1's matchers for e-mail addresses, @handles and profile URLs:
 * anon_scan.c calls them at the byte they start on. */
#include <string.h>

#include "domain/anonymize/anon_internal.h"

static bool local_char(char c) {
        return is_alpha(c) || is_digit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

static bool dom_char(char c) {
        return is_alpha(c) || is_digit(c) || c == '.' || c == '-';
}

size_t anon_try_at(Scan *sc, size_t at) {
        const char *t = sc->t;
        size_t s = at;
        while (s > 0 && at - s < 64 && local_char(t[s - 1]))
                s--;
        size_t e = at + 1, dot = 0;
        while (e < sc->n && e - at < 255 && dom_char(t[e])) {
                if (t[e] == '.')
                        dot = e;
                e++;
        }
        while (e > at + 1 && (t[e - 1] == '.' || t[e - 1] == '-'))
                e--;
        while (dot && dot >= e - 1) /* the last dot may have been trailing punctuation */
                for (dot--; dot > at && t[dot] != '.';)
                        dot--;
        if (dot <= at + 1)
                dot = 0;
        if (s < at && dot && is_alpha(t[e - 1]) && is_alpha(t[e - 2])) {
                bool known = anon_session_known_email(sc->s, t + s, e - s);
                scan_add(sc, s, e, ANON_CAT_EMAIL, known ? PRIO_KNOWN : PRIO_RULE, NULL);
                return e;
        }
        if (s == at) { /* @handle */
                size_t h = at + 1;
                while (h < sc->n && (is_alpha(t[h]) || is_digit(t[h]) || t[h] == '_'))
                        h++;
                if (h - at >= 3 && h - at <= 31) {
                        scan_add(sc, at, h, ANON_CAT_HANDLE, PRIO_RULE, NULL);
                        return h;
                }
        }
        return at + 1;
}

/* Length of "(at)", "[at]", "( at )", "(dot)", "[.]" ... written at i (word:
 * "at", "dot" or "."), or 0. */
static size_t bracket_word(const char *t, size_t n, size_t i, const char *word) {
        if (i >= n || (t[i] != '(' && t[i] != '['))
                return 0;
        char close = t[i] == '(' ? ')' : ']';
        size_t p = i + 1, l = strlen(word);
        while (p < n && t[p] == ' ')
                p++;
        for (size_t k = 0; k < l; k++, p++)
                if (p >= n || (t[p] | 0x20) != word[k])
                        return 0;
        while (p < n && t[p] == ' ')
                p++;
        return p < n && t[p] == close ? p + 1 - i : 0;
}

/* The domain after an obfuscated '@': labels joined by '.', "(dot)" or
 * "[dot]", two at least, the last of letters. Returns its end or 0. */
static size_t obfuscated_domain(const char *t, size_t n, size_t p) {
        size_t labels = 0, end = 0, last = 0;
        for (;;) {
                size_t a = p;
                while (p < n && (is_alpha(t[p]) || is_digit(t[p]) || t[p] == '-'))
                        p++;
                if (p == a)
                        break;
                labels++, end = p, last = a;
                size_t q = p + (p < n && t[p] == ' '), d;
                if (p < n && t[p] == '.' && p + 1 < n && is_alpha(t[p + 1]))
                        p++;
                else if ((d = bracket_word(t, n, q, "dot")) || (d = bracket_word(t, n, q, ".")))
                        p = q + d + (q + d < n && t[q + d] == ' ');
                else
                        break;
        }
        bool tld = end - last >= 2 && is_alpha(t[end - 1]) && is_alpha(t[last]);
        return labels >= 2 && tld ? end : 0;
}

size_t anon_try_at_word(Scan *sc, size_t i) {
        const char *t = sc->t;
        size_t at = bracket_word(t, sc->n, i, "at");
        if (!at)
                return 0;
        size_t s = i - (i > 0 && t[i - 1] == ' '), ls = s;
        while (s > 0 && ls - s < 64 && local_char(t[s - 1]))
                s--;
        size_t d = i + at + (i + at < sc->n && t[i + at] == ' ');
        size_t e = s < ls ? obfuscated_domain(t, sc->n, d) : 0;
        if (!e)
                return 0;
        scan_add(sc, s, e, ANON_CAT_EMAIL, PRIO_RULE, NULL);
        return e;
}

/* No strlen(): most words differ from every prefix at their first byte. */
static bool prefix_ci(const char *t, size_t n, const char *p) {
        for (size_t i = 0; p[i]; i++)
                if (i >= n || (t[i] | 0x20) != p[i])
                        return false;
        return true;
}

static const char *const social_hosts[] = {
        "linkedin.com/", "github.com/", "gitlab.com/", "facebook.com/", "fb.com/",
        "twitter.com/", "x.com/", "instagram.com/", "tiktok.com/", "youtube.com/",
        "behance.net/", "dribbble.com/", "medium.com/@", "stackoverflow.com/users/",
        "about.me/", "bitbucket.org/", "t.me/", "wa.me/", "xing.com/", "vk.com/",
        "kaggle.com/", "orcid.org/", "researchgate.net/", "scholar.google.",
};

size_t anon_try_url(Scan *sc, size_t i) {
        const char *t = sc->t + i;
        size_t n = sc->n - i, skip = 0, w = 0;
        while (w < n && w < 24 && (is_alpha(t[w]) || is_digit(t[w])))
                w++;
        if (w >= n || (t[w] != '.' && t[w] != ':'))
                return 0;
        bool ok = prefix_ci(t, n, "http://") || prefix_ci(t, n, "https://") ||
                  prefix_ci(t, n, "www.");
        if (!ok) {
                if (prefix_ci(t, n, "www."))
                        skip = 4;
                for (size_t k = 0; k < sizeof(social_hosts) / sizeof(*social_hosts) && !ok; k++)
                        ok = prefix_ci(t + skip, n - skip, social_hosts[k]);
        }
        if (!ok)
                return 0;
        size_t e = 0;
        while (e < n && (unsigned char)t[e] > ' ' && !strchr("<>\"'`|{}[]", t[e]))
                e++;
        while (e > 0 && strchr(".,;:!?)", t[e - 1]))
                e--;
        scan_add(sc, i, i + e, ANON_CAT_URL, PRIO_RULE, NULL);
        return i + e;
}
