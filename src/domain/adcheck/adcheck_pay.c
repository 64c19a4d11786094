/* Pay amounts and ranges in an ad: "RAL 28.000-34.000 €", "7 000–9 000 zł
 * brutto", "4500-6000 lei net", "between €40k and €50k a year". A number
 * counts as pay when a currency is next to it, or when it is a range near a
 * pay word ("salary", "RAL", "wynagrodzenie"). */
#include <string.h>

#include "domain/adcheck/adcheck_internal.h"

/* Tokens searched on either side of an amount for a currency or pay word. */
#define PAY_CURRENCY_WINDOW 3
#define PAY_KEYWORD_WINDOW 8
/* Tokens after an amount searched for a word saying it is not pay. */
#define PAY_NOTPAY_AFTER 2
/* Largest amount taken as pay (guards against phone numbers and IDs). */
#define PAY_MAX_AMOUNT 10000000.0

static const PayWord *payword(const Lexicon *lx, const AdText *t, size_t i) {
        if (i >= t->n)
                return NULL;
        const Tok *k = &t->toks[i];
        int32_t v = tok_get(&lx->paywords, t, k);
        return v >= 0 ? &lx->pw[v] : NULL;
}

static bool is_kind(const Lexicon *lx, const AdText *t, size_t i, int kind) {
        const PayWord *p = payword(lx, t, i);
        return p && p->kind == kind;
}

static bool punct_is(const AdText *t, size_t i, const char *set) {
        if (i >= t->n || t->toks[i].kind != TOK_PUNCT || t->toks[i].flen != 1)
                return false;
        return strchr(set, tok_str(t, &t->toks[i])[0]) != NULL;
}

static double digits_value(const char *s, size_t n) {
        double v = 0;
        for (size_t i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
                v = v * 10 + (s[i] - '0');
        return v;
}

/* Parses the number at token i: "28.000", "7 000", "45,000.50", "45k".
 * Returns true, the value and the index of the token after it. */
static bool parse_number(const AdText *t, size_t i, double *ret_v, size_t *ret_next) {
        const Tok *k = &t->toks[i];
        const char *s = tok_str(t, k);
        if (!k->digits) {
                /* "45k" */
                if (k->flen < 2 || (s[k->flen - 1] != 'k') || !(s[0] >= '0' && s[0] <= '9'))
                        return false;
                for (size_t j = 0; j + 1 < k->flen; j++)
                        if (s[j] < '0' || s[j] > '9')
                                return false;
                *ret_v = digits_value(s, k->flen - 1) * 1000;
                *ret_next = i + 1;
                return true;
        }
        double v = digits_value(s, k->flen);
        size_t j = i + 1;
        for (;;) {
                bool sep = punct_is(t, j, ".,'") && t->toks[j].gap == 0 && j + 1 < t->n &&
                           t->toks[j + 1].gap == 0 && t->toks[j + 1].digits;
                size_t g = sep ? j + 1 : j;
                if (g >= t->n || !t->toks[g].digits || (!sep && t->toks[g].gap != 1))
                        break;
                if (t->toks[g].flen == 3) {
                        v = v * 1000 + digits_value(tok_str(t, &t->toks[g]), 3);
                        j = g + 1;
                        continue;
                }
                if (sep && t->toks[g].flen == 2) /* decimals */
                        v += digits_value(tok_str(t, &t->toks[g]), 2) / 100;
                if (sep && t->toks[g].flen == 2)
                        j = g + 1;
                break;
        }
        if (j < t->n && t->toks[j].gap == 0 && t->toks[j].flen == 1 && tok_str(t, &t->toks[j])[0] == 'k') {
                v *= 1000;
                j++;
        }
        *ret_v = v;
        *ret_next = j;
        return true;
}

static const PayWord *find_kind(const Lexicon *lx, const AdText *t, size_t from, size_t to, int kind) {
        for (size_t i = from; i < to && i < t->n; i++) {
                const PayWord *p = payword(lx, t, i);
                if (p && p->kind == kind)
                        return p;
        }
        return NULL;
}

static size_t back(size_t i, size_t n) { return i > n ? i - n : 0; }

/* Reads "A - B", "A to B", "A € - B €" starting at token i. */
static bool parse_range(const Lexicon *lx, const AdText *t, size_t i, double *lo, double *hi, size_t *ret_next) {
        size_t j;
        if (!parse_number(t, i, lo, &j))
                return false;
        *hi = *lo;
        *ret_next = j;
        size_t s = j;
        if (is_kind(lx, t, s, PW_CURRENCY))
                s++;
        if (!(punct_is(t, s, "-") || (s < t->n && tok_str(t, &t->toks[s])[0] == '\xe2' &&
                                       (strncmp(tok_str(t, &t->toks[s]), "\xe2\x80\x93", 3) == 0 ||
                                        strncmp(tok_str(t, &t->toks[s]), "\xe2\x80\x94", 3) == 0)) ||
              is_kind(lx, t, s, PW_RANGESEP)))
                return true;
        s++;
        if (is_kind(lx, t, s, PW_CURRENCY))
                s++;
        double b;
        size_t e;
        if (s < t->n && (t->toks[s].digits || t->toks[s].kind == TOK_WORD) && parse_number(t, s, &b, &e) && b >= *lo) {
                if (b >= 1000 && *lo < 1000 && *lo > 0 && b / *lo >= 100)
                        *lo *= 1000; /* "40-50k": the k belongs to both ends */
                *hi = b;
                *ret_next = e;
        }
        return true;
}

static void set_period(const Lexicon *lx, const AdText *t, size_t from, size_t to, AdcheckPay *p) {
        const PayWord *w = find_kind(lx, t, from, to, PW_PERIOD);
        static const char *const names[] = { "", "hour", "day", "week", "month", "year" };
        p->period = ADCHECK_PERIOD_UNKNOWN;
        for (int k = 1; w && k < ADCHECK_PERIOD_MAX; k++)
                if (strcmp(w->value, names[k]) == 0)
                        p->period = (AdcheckPeriod)k;
}

static bool try_at(const Lexicon *lx, const AdText *t, size_t i, AdcheckPay *ret) {
        double lo, hi;
        size_t next;
        if (!parse_range(lx, t, i, &lo, &hi, &next) || lo <= 0 || hi > PAY_MAX_AMOUNT)
                return false;
        const PayWord *cur = find_kind(lx, t, back(i, PAY_CURRENCY_WINDOW), next + PAY_CURRENCY_WINDOW, PW_CURRENCY);
        const PayWord *kw = find_kind(lx, t, back(i, PAY_KEYWORD_WINDOW), next + PAY_KEYWORD_WINDOW, PW_KEYWORD);
        if (find_kind(lx, t, back(i, PAY_KEYWORD_WINDOW), next + PAY_NOTPAY_AFTER, PW_NOTPAY))
                return false; /* "EUR 840 million budget", "€1,000 training budget" */
        bool range = hi > lo;
        if (!(cur && (range || kw || find_kind(lx, t, next, next + PAY_KEYWORD_WINDOW, PW_PERIOD))) &&
            !(range && kw && hi >= 100))
                return false;
        *ret = (AdcheckPay){ .found = true, .min = lo, .max = hi, .start = t->toks[i].start,
                             .end = t->toks[next - 1].end };
        if (cur)
                memcpy(ret->currency, cur->value, sizeof(ret->currency) - 1);
        set_period(lx, t, back(i, PAY_KEYWORD_WINDOW), next + PAY_KEYWORD_WINDOW, ret);
        return true;
}

void adcheck_find_pay(const Lexicon *lx, const AdText *t, AdcheckPay *ret) {
        memset(ret, 0, sizeof(*ret));
        for (size_t i = 0; i < t->n; i++) {
                const Tok *k = &t->toks[i];
                if (k->kind != TOK_WORD || tok_str(t, k)[0] < '0' || tok_str(t, k)[0] > '9')
                        continue;
                if (i > 0 && t->toks[i].gap == 0 && punct_is(t, i - 1, ".,"))
                        continue; /* the tail of a number already seen */
                if (try_at(lx, t, i, ret))
                        return;
        }
}
