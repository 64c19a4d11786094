#include "core/i18n.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct Catalogue {
        const unsigned char *mo;
        size_t len;
        uint32_t n, orig_off, trans_off;
        int swap;
} Catalogue;

static Catalogue catalogues[LANG_MAX];

static const char *const lang_codes[LANG_MAX] = { "en", "el", "it", "pt", "pl", "ro", "sl" };
static const char *const lang_names[LANG_MAX] = {
        "English", "Ελληνικά", "Italiano", "Português", "Polski", "Română", "Slovenščina",
};

const char *lang_code(Lang lang) { return lang < LANG_MAX ? lang_codes[lang] : "en"; }
const char *lang_native_name(Lang lang) { return lang < LANG_MAX ? lang_names[lang] : "English"; }

static uint32_t mo_u32(const Catalogue *c, size_t off) {
        uint32_t v;
        memcpy(&v, c->mo + off, 4);
        return c->swap ? __builtin_bswap32(v) : v;
}

/* Returns the string at table entry i, or NULL if it points outside. */
static const char *mo_string(const Catalogue *c, uint32_t table, uint32_t i, uint32_t *ret_len) {
        size_t e = (size_t)table + (size_t)i * 8;
        if (e + 8 > c->len)
                return NULL;
        uint32_t len = mo_u32(c, e), off = mo_u32(c, e + 4);
        if ((size_t)off + len >= c->len)
                return NULL;
        if (ret_len)
                *ret_len = len;
        return (const char *)c->mo + off;
}

int i18n_register(Lang lang, const unsigned char *mo, size_t len) {
        if (lang >= LANG_MAX || len < 28)
                return -EINVAL;
        Catalogue c = { .mo = mo, .len = len };
        uint32_t magic;
        memcpy(&magic, mo, 4);
        if (magic == 0xde120495)
                c.swap = 1;
        else if (magic != 0x950412de)
                return -EINVAL;
        c.n = mo_u32(&c, 8);
        c.orig_off = mo_u32(&c, 12);
        c.trans_off = mo_u32(&c, 16);
        if ((size_t)c.orig_off + (size_t)c.n * 8 > len || (size_t)c.trans_off + (size_t)c.n * 8 > len)
                return -EINVAL;
        catalogues[lang] = c;
        return 0;
}

/* Binary search (msgfmt sorts originals bytewise). Returns index or -1. */
static long mo_find(const Catalogue *c, const char *key, size_t keylen) {
        long lo = 0, hi = (long)c->n - 1;
        while (lo <= hi) {
                long mid = lo + (hi - lo) / 2;
                uint32_t len;
                const char *s = mo_string(c, c->orig_off, (uint32_t)mid, &len);
                if (!s)
                        return -1;
                /* Plural entries hold "msgid\0plural": compare the key part. */
                size_t slen = strnlen(s, len);
                int r = memcmp(key, s, keylen < slen ? keylen : slen);
                if (r == 0)
                        r = keylen < slen ? -1 : keylen > slen ? 1 : 0;
                if (r == 0)
                        return mid;
                if (r < 0)
                        hi = mid - 1;
                else
                        lo = mid + 1;
        }
        return -1;
}

static const char *lookup(Lang lang, const char *key, size_t keylen, unsigned form, uint32_t *ret_len) {
        if (lang >= LANG_MAX || lang == LANG_EN || !catalogues[lang].mo)
                return NULL;
        const Catalogue *c = &catalogues[lang];
        long i = mo_find(c, key, keylen);
        if (i < 0)
                return NULL;
        uint32_t len;
        const char *t = mo_string(c, c->trans_off, (uint32_t)i, &len);
        if (!t || len == 0)
                return NULL;
        const char *end = t + len;
        for (unsigned f = 0; f < form; f++) {
                t += strlen(t) + 1;
                if (t >= end)
                        return NULL;
        }
        if (!*t)
                return NULL;
        if (ret_len)
                *ret_len = (uint32_t)strlen(t);
        return t;
}

const char *i18n_gettext(Lang lang, const char *msgid) {
        const char *t = lookup(lang, msgid, strlen(msgid), 0, NULL);
        return t ? t : msgid;
}

/* CLDR plural categories as gettext numbers them for each language. */
static unsigned plural_form(Lang lang, unsigned long n) {
        switch (lang) {
        case LANG_PL:
                return n == 1 ? 0 : (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20)) ? 1 : 2;
        case LANG_RO:
                return n == 1 ? 0 : (n == 0 || (n % 100 > 0 && n % 100 < 20)) ? 1 : 2;
        case LANG_SL:
                return n % 100 == 1 ? 0 : n % 100 == 2 ? 1 : (n % 100 == 3 || n % 100 == 4) ? 2 : 3;
        case LANG_IT:
        case LANG_PT:
        case LANG_EL:
        case LANG_EN:
        default:
                return n != 1;
        }
}

const char *i18n_ngettext(Lang lang, const char *msgid, const char *plural, unsigned long n) {
        const char *t = lookup(lang, msgid, strlen(msgid), plural_form(lang, n), NULL);
        if (t)
                return t;
        return n == 1 ? msgid : plural;
}

const char *i18n_pgettext(Lang lang, const char *ctx, const char *msgid) {
        char key[512];
        size_t cl = strlen(ctx), ml = strlen(msgid);
        if (cl + 1 + ml >= sizeof(key))
                return msgid;
        memcpy(key, ctx, cl);
        key[cl] = '\004';
        memcpy(key + cl + 1, msgid, ml + 1);
        const char *t = lookup(lang, key, cl + 1 + ml, 0, NULL);
        return t ? t : msgid;
}

int lang_parse(const char *s, Lang *ret) {
        if (!s)
                return -EINVAL;
        size_t n = strcspn(s, "-_");
        if (n != 2 || (s[2] != '\0' && s[2] != '-' && s[2] != '_'))
                return -EINVAL;
        for (int l = 0; l < LANG_MAX; l++)
                if (strncasecmp(s, lang_codes[l], 2) == 0) {
                        *ret = (Lang)l;
                        return 0;
                }
        return -EINVAL;
}

/* Parses ";q=0.8" style weights into thousandths; malformed gives 0. */
static int accept_q(const char *p, const char *end) {
        while (p < end && (*p == ' ' || *p == ';'))
                p++;
        if (end - p < 3 || (p[0] != 'q' && p[0] != 'Q') || p[1] != '=')
                return 1000;
        p += 2;
        int q = 0, scale = 1000, seen_dot = 0;
        for (; p < end && *p != ' ' && *p != ';'; p++) {
                if (*p == '.' && !seen_dot) {
                        seen_dot = 1;
                        continue;
                }
                if (*p < '0' || *p > '9')
                        return 0;
                if (!seen_dot)
                        q = q * 10 + (*p - '0') * 1000;
                else if (scale > 1)
                        q += (*p - '0') * (scale /= 10);
        }
        return q > 1000 ? 1000 : q;
}

int lang_from_accept(const char *header, Lang *ret) {
        int best_q = 0;
        Lang best = LANG_EN;
        for (const char *p = header; p && *p;) {
                const char *item = p + strspn(p, " ,");
                const char *end = item + strcspn(item, ",");
                p = *end ? end + 1 : end;
                const char *semi = memchr(item, ';', (size_t)(end - item));
                char tag[16];
                size_t tl = (size_t)((semi ? semi : end) - item);
                while (tl && item[tl - 1] == ' ')
                        tl--;
                if (tl == 0 || tl >= sizeof(tag))
                        continue;
                memcpy(tag, item, tl);
                tag[tl] = '\0';
                Lang l;
                int q = semi ? accept_q(semi, end) : 1000;
                if (lang_parse(tag, &l) == 0 && q > best_q) {
                        best_q = q;
                        best = l;
                }
        }
        if (best_q == 0)
                return -ENOENT;
        *ret = best;
        return 0;
}
