#include "domain/anonymize/anon_ids.h"

#include <string.h>

static bool all_digits(const char *d, size_t n) {
        for (size_t i = 0; i < n; i++)
                if (d[i] < '0' || d[i] > '9')
                        return false;
        return n > 0;
}

static bool is_upper(char c) {
        return c >= 'A' && c <= 'Z';
}

bool anon_luhn_ok(const char *d, size_t n) {
        if (n < 2 || !all_digits(d, n))
                return false;
        unsigned sum = 0;
        for (size_t i = 0; i < n; i++) {
                unsigned v = (unsigned)(d[n - 1 - i] - '0');
                if (i % 2 == 1) {
                        v *= 2;
                        if (v > 9)
                                v -= 9;
                }
                sum += v;
        }
        return sum % 10 == 0;
}

bool anon_iban_ok(const char *s, size_t n) {
        if (n < 15 || n > 34 || !is_upper(s[0]) || !is_upper(s[1]))
                return false;
        unsigned rem = 0;
        for (size_t k = 0; k < n; k++) {
                char c = s[(k + 4) % n];
                if (c >= '0' && c <= '9')
                        rem = (rem * 10 + (unsigned)(c - '0')) % 97;
                else if (is_upper(c))
                        rem = (rem * 100 + (unsigned)(c - 'A' + 10)) % 97;
                else
                        return false;
        }
        return rem == 1;
}

static bool cf_digit_ok(char c) {
        return (c >= '0' && c <= '9') || (c && strchr("LMNPQRSTUV", c));
}

static int cf_value(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c - 'A';
}

/* Codice fiscale: letters at fixed places; the digit places may hold the
 * "omocodia" letters LMNPQRSTUV. */
bool anon_it_codice_fiscale_ok(const char *s, size_t n) {
        /* value of a character in an odd (1st, 3rd, ...) place: 0/A, 1/B, ... */
        static const int odd[26] = { 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18,
                                     20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23 };
        static const char shape[] = "LLLLLLDDLDDLDDDL";
        if (n != 16)
                return false;
        for (size_t i = 0; i < 16; i++)
                if (shape[i] == 'D' ? !cf_digit_ok(s[i]) : !is_upper(s[i]))
                        return false;
        int sum = 0;
        for (size_t i = 0; i < 15; i++)
                sum += i % 2 == 0 ? odd[cf_value(s[i])] : cf_value(s[i]);
        return s[15] == 'A' + sum % 26;
}

bool anon_pt_nif_ok(const char *d, size_t n) {
        if (n != 9 || !all_digits(d, n) || d[0] == '0' || d[0] == '4')
                return false;
        int sum = 0;
        for (int i = 0; i < 8; i++)
                sum += (d[i] - '0') * (9 - i);
        int r = 11 - sum % 11;
        if (r >= 10)
                r = 0;
        return d[8] - '0' == r;
}

bool anon_pt_cc_ok(const char *s, size_t n) {
        if (n != 12 || !all_digits(s, 9) || !is_upper(s[9]) || !is_upper(s[10]) ||
            s[11] < '0' || s[11] > '9')
                return false;
        int sum = 0;
        for (size_t i = 0; i < 12; i++) {
                char c = s[11 - i];
                int v = c >= '0' && c <= '9' ? c - '0' : c - 'A' + 10;
                if (i % 2 == 1) {
                        v *= 2;
                        if (v >= 10)
                                v -= 9;
                }
                sum += v;
        }
        return sum % 10 == 0;
}

static int weighted(const char *d, const int *w, size_t n) {
        int sum = 0;
        for (size_t i = 0; i < n; i++)
                sum += (d[i] - '0') * w[i];
        return sum;
}

bool anon_pl_pesel_ok(const char *d, size_t n) {
        static const int w[10] = { 1, 3, 7, 9, 1, 3, 7, 9, 1, 3 };
        if (n != 11 || !all_digits(d, n))
                return false;
        return (10 - weighted(d, w, 10) % 10) % 10 == d[10] - '0';
}

bool anon_pl_idcard_ok(const char *s, size_t n) {
        static const int w[9] = { 7, 3, 1, 0, 7, 3, 1, 7, 3 };
        if (n != 9 || !is_upper(s[0]) || !is_upper(s[1]) || !is_upper(s[2]) ||
            !all_digits(s + 3, 6))
                return false;
        int sum = 0;
        for (size_t i = 0; i < 9; i++)
                sum += (i < 3 ? s[i] - 'A' + 10 : s[i] - '0') * w[i];
        return sum % 10 == s[3] - '0';
}

bool anon_ro_cnp_ok(const char *d, size_t n) {
        static const int w[12] = { 2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9 };
        if (n != 13 || !all_digits(d, n) || d[0] == '0')
                return false;
        int r = weighted(d, w, 12) % 11;
        if (r == 10)
                r = 1;
        return d[12] - '0' == r;
}

bool anon_gr_amka_ok(const char *d, size_t n) {
        if (n != 11 || !all_digits(d, n))
                return false;
        int day = (d[0] - '0') * 10 + d[1] - '0', mon = (d[2] - '0') * 10 + d[3] - '0';
        if (day < 1 || day > 31 || mon < 1 || mon > 12)
                return false;
        return anon_luhn_ok(d, n);
}

bool anon_gr_afm_ok(const char *d, size_t n) {
        if (n != 9 || !all_digits(d, n))
                return false;
        int sum = 0;
        for (int i = 0; i < 8; i++)
                sum += (d[i] - '0') << (8 - i);
        return sum % 11 % 10 == d[8] - '0';
}

bool anon_si_emso_ok(const char *d, size_t n) {
        static const int w[12] = { 7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };
        if (n != 13 || !all_digits(d, n))
                return false;
        int m = 11 - weighted(d, w, 12) % 11;
        if (m == 11)
                m = 0;
        return m != 10 && d[12] - '0' == m;
}

bool anon_si_tax_ok(const char *d, size_t n) {
        static const int w[7] = { 8, 7, 6, 5, 4, 3, 2 };
        if (n != 8 || !all_digits(d, n) || d[0] == '0')
                return false;
        int m = 11 - weighted(d, w, 7) % 11;
        if (m == 11)
                return false;
        if (m == 10)
                m = 0;
        return d[7] - '0' == m;
}

bool anon_cy_tic_ok(const char *s, size_t n) {
        static const int even[10] = { 1, 0, 5, 7, 9, 13, 15, 17, 19, 21 };
        if (n != 9 || !all_digits(s, 8) || !is_upper(s[8]) || !strchr("013459", s[0]))
                return false;
        int sum = 0;
        for (int i = 0; i < 8; i++)
                sum += i % 2 == 0 ? even[s[i] - '0'] : s[i] - '0';
        return s[8] == 'A' + sum % 26;
}

bool anon_cy_id_ok(const char *d, size_t n) {
        return n >= 7 && n <= 10 && all_digits(d, n);
}
