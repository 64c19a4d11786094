/* Numbers and codes of pass 1 (anon_scan.c calls them on the byte they
 * start on): phone numbers, identifiers with and without check digits,
 * IBANs, payment cards, postcodes. */
#include <string.h>
#include <strings.h>

#include "core/utf8.h"
#include "domain/anonymize/anon_ids.h"
#include "domain/anonymize/anon_internal.h"

/* ---- numbers ---- */

typedef struct NumRun {
        size_t start, end;
        char d[32];
        size_t nd;
        int ng, glen[12];
        bool plus, space, dash, dot, slash, paren;
} NumRun;

static bool num_sep(NumRun *r, const char *t, size_t n, size_t *p) {
        size_t k = *p;
        int m = 0;
        while (k < n && m < 2 && (t[k] == ' ' || t[k] == '-' || t[k] == '.' || t[k] == '/' || t[k] == '(' || t[k] == ')'))
                k++, m++;
        if (m == 0 || k >= n || !is_digit(t[k]))
                return false;
        for (size_t q = *p; q < k; q++) { /* only separators that join two groups count */
                char c = t[q];
                r->space |= c == ' ';
                r->dash |= c == '-';
                r->dot |= c == '.';
                r->slash |= c == '/';
                r->paren |= c == '(' || c == ')';
        }
        *p = k;
        return true;
}

static void num_collect(const char *t, size_t n, size_t i, NumRun *r) {
        memset(r, 0, sizeof(*r));
        r->start = i;
        size_t p = i;
        if (t[p] == '+')
                r->plus = true, p++;
        else if (t[p] == '(')
                r->paren = true, p++;
        if (r->paren && p < n && t[p] == '+') /* "(+39) 333 1234567" */
                r->plus = true, p++;
        while (p < n && r->ng < 12) {
                r->glen[r->ng++] = 0;
                while (p < n && is_digit(t[p]) && r->nd < sizeof(r->d) - 1) {
                        r->d[r->nd++] = t[p++];
                        r->glen[r->ng - 1]++;
                }
                r->end = p;
                if (r->nd >= 24 || !num_sep(r, t, n, &p))
                        break;
        }
        if (r->end < n && t[r->end] == ')' && r->start < r->end && t[r->start] == '(')
                r->end++;
}

static bool year_like(const NumRun *r, int g, size_t off) {
        return r->glen[g] == 4 && ((r->d[off] == '1' && r->d[off + 1] == '9') ||
                                   (r->d[off] == '2' && r->d[off + 1] == '0'));
}

static bool looks_like_dates(const NumRun *r) {
        int years = 0;
        size_t off = 0;
        for (int g = 0; g < r->ng; g++) {
                years += year_like(r, g, off);
                off += (size_t)r->glen[g];
        }
        return years >= 2 || (years == 1 && r->nd <= 10 && (r->dot || r->slash) && !r->plus);
}

static bool groups_are(const NumRun *r, int a, int b, int c) {
        int want[3] = { a, b, c }, k = c ? 3 : 2;
        if (r->ng != k)
                return false;
        for (int g = 0; g < k; g++)
                if (r->glen[g] != want[g])
                        return false;
        return true;
}

static bool next_is_capital_word(const Scan *sc, size_t e) {
        if (e + 1 >= sc->n || sc->t[e] != ' ')
                return false;
        uint32_t cp;
        int l = utf8_decode(sc->t + e + 1, sc->n - e - 1, &cp);
        return l > 0 && anon_is_upper(cp);
}

/* Portuguese Cartão de Cidadão written "12345678 9 ZZ1": the digits, then
 * two letters and a check digit. Returns the end of the letters or 0. */
static size_t pt_cc_tail(const Scan *sc, const NumRun *r) {
        size_t e = r->end;
        if (r->nd != 9 || e + 3 > sc->n)
                return 0;
        if (sc->t[e] == ' ' && e + 4 <= sc->n)
                e++;
        const char *t = sc->t + e;
        if (!is_upper(t[0]) || !is_upper(t[1]) || !is_digit(t[2]) ||
            (e + 3 < sc->n && (is_alpha(t[3]) || is_digit(t[3]))))
                return 0;
        char buf[12];
        memcpy(buf, r->d, 9);
        memcpy(buf + 9, t, 3);
        return anon_pt_cc_ok(buf, 12) ? e + 3 : 0;
}

static int num_category(const Scan *sc, const NumRun *r) {
        const char *d = r->d;
        size_t nd = r->nd;
        bool pure = r->ng == 1 && !r->plus;
        if (groups_are(r, 3, 2, 4) && r->dash)
                return ANON_CAT_NATIONAL_ID; /* US SSN shape */
        if ((r->dot || r->slash) && looks_like_dates(r))
                return -1; /* "01.01.2019-31.12.2020": card numbers are not written with dots */
        if (nd >= 13 && nd <= 19 && !r->plus && (anon_luhn_ok(d, nd) || groups_are(r, 4, 4, 0)))
                return ANON_CAT_CARD;
        if (nd == 12 && pure && anon_luhn_ok(d, nd))
                return ANON_CAT_CARD; /* Maestro */
        if (nd == 16 && r->ng == 4 && r->glen[0] == 4)
                return ANON_CAT_CARD;
        if ((nd == 11 || nd == 13) && pure)
                return ANON_CAT_NATIONAL_ID; /* PESEL, AMKA / CNP, EMŠO: even if the check fails */
        if (nd == 9 && pure)
                return anon_pt_nif_ok(d, nd) || anon_gr_afm_ok(d, nd) ? ANON_CAT_NATIONAL_ID
                                                                        : ANON_CAT_PHONE;
        if (nd == 8 && pure && anon_si_tax_ok(d, nd))
                return ANON_CAT_NATIONAL_ID;
        if (looks_like_dates(r))
                return -1;
        if (r->plus && nd >= 8 && nd <= 15)
                return ANON_CAT_PHONE;
        if (nd >= 9 && nd <= 13 && !pure) {
                if (r->ng == 4 && r->dot && !r->space && r->glen[0] <= 3 && r->glen[3] <= 3)
                        return -1; /* IPv4 address */
                return ANON_CAT_PHONE;
        }
        if (nd == 10 && pure)
                return ANON_CAT_PHONE;
        if (nd == 8 && r->space && (d[0] == '2' || d[0] == '9') &&
            (groups_are(r, 2, 6, 0) || groups_are(r, 2, 3, 3)))
                return ANON_CAT_PHONE; /* Cyprus */
        if (r->dash && (groups_are(r, 4, 3, 0) ||
                        (groups_are(r, 2, 3, 0) && next_is_capital_word(sc, r->end))))
                return ANON_CAT_ADDRESS; /* PT / PL postcode */
        if (r->space && groups_are(r, 3, 2, 0) && next_is_capital_word(sc, r->end))
                return ANON_CAT_ADDRESS; /* GR postcode */
        return -1;
}

/* True when a phone label ("Tel:", "Mobile", "τηλ.") stands just before i:
 * then shorter local numbers ("467 3395") are phones too. */
static bool phone_context(const Scan *sc, size_t i) {
        static const char *const words[] = { "phone", "tel", "telephone", "mobile", "mob", "cell",
                                             "fax", "gsm", "whatsapp", "telefono", "cellulare",
                                             "telefone", "telemovel", "telefon", "komórka",
                                             "τηλ", "τηλέφωνο", "κινητό", "mobitel", "call me on", "desk",
                                             "office", "home", "work" };
        size_t k = i;
        while (k > 0 && i - k < 6 && sc->t[k - 1] && strchr(" :.-(\t\r\n", sc->t[k - 1]))
                k--;
        for (size_t w = 0; w < sizeof(words) / sizeof(*words); w++) {
                size_t l = strlen(words[w]);
                if (k >= l && (k == l || !is_alpha(sc->t[k - l - 1])) &&
                    !strncasecmp(sc->t + k - l, words[w], l))
                        return true;
        }
        return false;
}

/* A phone's role written after it ("416 60 039 office", "781 1704 fax"). */
static bool phone_after(const Scan *sc, size_t e) {
        static const char *const words[] = { "office", "fax", "mobile", "cell", "home", "work", "direct" };
        size_t k = e;
        while (k < sc->n && k - e < 3 && (sc->t[k] == ' ' || sc->t[k] == '(' || sc->t[k] == '-'))
                k++;
        for (size_t w = 0; k > e && w < sizeof(words) / sizeof(*words); w++) {
                size_t l = strlen(words[w]);
                if (k + l <= sc->n && !strncasecmp(sc->t + k, words[w], l) &&
                    (k + l == sc->n || !is_alpha(sc->t[k + l])))
                        return true;
        }
        return false;
}

/* "answering at 78 651 450", "my registered 668 5702": a grouped number
 * after "at", "on" or "registered" and not followed by a word (which would
 * make it an amount: "at 1 000 000 units"). */
static bool phone_reach(const Scan *sc, const NumRun *r) {
        static const char *const words[] = { "at", "on", "registered", "reach me", "number" };
        if (r->ng < 2 || r->dot || r->slash)
                return false;
        size_t k = r->end;
        while (k < sc->n && sc->t[k] == ' ')
                k++;
        if (k < sc->n && (is_alpha(sc->t[k]) || is_digit(sc->t[k]) || (unsigned char)sc->t[k] >= 0x80))
                return false;
        size_t b = r->start;
        if (b == 0 || sc->t[b - 1] != ' ')
                return false;
        b--;
        for (size_t w = 0; w < sizeof(words) / sizeof(*words); w++) {
                size_t l = strlen(words[w]);
                if (b >= l && !strncasecmp(sc->t + b - l, words[w], l) && (b == l || !is_alpha(sc->t[b - l - 1])))
                        return true;
        }
        return false;
}

size_t anon_try_number(Scan *sc, size_t i) {
        NumRun r;
        num_collect(sc->t, sc->n, i, &r);
        if (r.nd == 0)
                return i + 1;
        size_t e = r.end, ext = 0;
        /* a phone extension glued on: "345-899-3560x4587" */
        if (r.nd >= 9 && e + 1 < sc->n && sc->t[e] == 'x' && is_digit(sc->t[e + 1])) {
                for (ext = e + 1; ext < sc->n && is_digit(sc->t[ext]);)
                        ext++;
                if (ext < sc->n && is_alpha(sc->t[ext]))
                        ext = 0;
        }
        if (ext) {
                scan_add(sc, i, ext, ANON_CAT_PHONE, PRIO_RULE, NULL);
                return ext;
        }
        if (e < sc->n && (is_alpha(sc->t[e]) || (unsigned char)sc->t[e] >= 0x80)) {
                size_t cc = pt_cc_tail(sc, &r);
                if (cc) {
                        scan_add(sc, i, cc, ANON_CAT_NATIONAL_ID, PRIO_RULE, NULL);
                        return cc;
                }
                return 0; /* glued to letters: "3D", "10x", a TIC: the word path decides */
        }
        for (int g = 0, off = 0; g < r.ng; off += r.glen[g++])
                sc->years += year_like(&r, g, (size_t)off);
        if (r.ng == 1 && r.nd <= 3 && !r.plus && r.start == i && sc->t[i] != '(') {
                anon_tok_add(sc, i, e, TOK_NUM, SIZE_MAX);
                return e;
        }
        if (anon_session_known_digits(sc->s, r.d, r.nd)) {
                scan_add(sc, i, e, ANON_CAT_PHONE, PRIO_KNOWN, NULL);
                return e;
        }
        size_t cc = pt_cc_tail(sc, &r);
        int cat = cc ? ANON_CAT_NATIONAL_ID : num_category(sc, &r);
        if (cc)
                e = cc;
        if (cat == ANON_CAT_PHONE && e + 1 < sc->n && (sc->t[e] == 'x' || sc->t[e] == ' ')) {
                size_t x = e + (sc->t[e] == ' ');
                if (x + 1 < sc->n && sc->t[x] == 'x' && is_digit(sc->t[x + 1]))
                        for (e = x + 1; e < sc->n && is_digit(sc->t[e]);)
                                e++;
        }
        if (cat < 0 && r.nd >= 6 && r.nd <= 15 && !looks_like_dates(&r) &&
            (phone_context(sc, i) || phone_after(sc, e) || phone_reach(sc, &r)))
                cat = ANON_CAT_PHONE;
        if (cat >= 0)
                scan_add(sc, i, e, cat, PRIO_RULE, NULL);
        return e;
}

/* ---- mixed letter/digit codes ---- */

size_t anon_try_iban(Scan *sc, size_t i) {
        char u[40];
        size_t nu = 0, p = i, end = i;
        while (p < sc->n && nu < 34) {
                char c = sc->t[p];
                if (is_alpha(c) || is_digit(c)) {
                        u[nu++] = (char)(is_alpha(c) ? (c & ~0x20) : c);
                        end = ++p;
                } else if (c == ' ' && p + 1 < sc->n &&
                           (is_digit(sc->t[p + 1]) || is_upper(sc->t[p + 1])) && nu >= 4) {
                        p++;
                } else {
                        break;
                }
        }
        /* a trailing word after the last group ("PL61 1090 ... 2874 Bank") is not part of it */
        while (nu > 15 && !anon_iban_ok(u, nu) && end > i && is_alpha(sc->t[end - 1])) {
                while (end > i && sc->t[end - 1] != ' ')
                        end--, nu--;
                while (end > i && sc->t[end - 1] == ' ')
                        end--;
        }
        if (nu >= 15 && anon_iban_ok(u, nu)) {
                scan_add(sc, i, end, ANON_CAT_IBAN, PRIO_RULE, NULL);
                return end;
        }
        return 0;
}

void anon_code_check(Scan *sc, size_t s, size_t e) {
        char u[40] = ""; /* all of it: gcc cannot see that n >= 1 */
        size_t n = e - s;
        if (n > 34)
                return;
        for (size_t k = 0; k < n; k++)
                u[k] = (char)(is_alpha(sc->t[s + k]) ? sc->t[s + k] & ~0x20 : sc->t[s + k]);
        bool id = anon_session_known_alnum(sc->s, u, n);
        if (id) {
                scan_add(sc, s, e, ANON_CAT_NATIONAL_ID, PRIO_KNOWN, NULL);
                return;
        }
        char cf[17];
        memcpy(cf, u, n < 16 ? n : 16);
        if (n == 16) { /* shape of a codice fiscale, check digit or not */
                static const char shape[] = "LLLLLLDDLDDLDDDL";
                id = true;
                for (int k = 0; k < 16 && id; k++)
                        id = shape[k] == 'L' ? is_upper(u[k])
                                             : is_digit(u[k]) || strchr("LMNPQRSTUV", u[k]);
        }
        id = id || anon_pl_idcard_ok(u, n) || anon_cy_tic_ok(u, n) || anon_pt_cc_ok(u, n);
        if (id)
                scan_add(sc, s, e, ANON_CAT_NATIONAL_ID, PRIO_RULE, NULL);
}
