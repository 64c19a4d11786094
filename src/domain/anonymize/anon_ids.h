/* Checksums of the national identifiers, bank and card numbers the
 * anonymiser removes. Each takes the characters of the identifier with
 * separators already removed (digits, or upper-case letters and digits)
 * and returns true when the shape and the check digit are right. They are
 * exposed so that tests can check each algorithm with valid and invalid
 * vectors; the scanner also removes numbers of the right shape whose check
 * fails for the ids that encode birth date and sex. */
#ifndef TD_DOMAIN_ANON_IDS_H
#define TD_DOMAIN_ANON_IDS_H

#include <stdbool.h>
#include <stddef.h>

bool anon_luhn_ok(const char *d, size_t n);             /* payment cards, AMKA */
bool anon_iban_ok(const char *s, size_t n);             /* ISO 13616 mod 97 */
bool anon_it_codice_fiscale_ok(const char *s, size_t n);/* 16 chars */
bool anon_pt_nif_ok(const char *d, size_t n);           /* 9 digits */
bool anon_pt_cc_ok(const char *s, size_t n);            /* 12 chars: 9 digits, 2 letters, 1 digit */
bool anon_pl_pesel_ok(const char *d, size_t n);         /* 11 digits */
bool anon_pl_idcard_ok(const char *s, size_t n);        /* 3 letters + 6 digits */
bool anon_ro_cnp_ok(const char *d, size_t n);           /* 13 digits */
bool anon_gr_amka_ok(const char *d, size_t n);          /* 11 digits, DDMMYY + Luhn */
bool anon_gr_afm_ok(const char *d, size_t n);           /* 9 digits */
bool anon_si_emso_ok(const char *d, size_t n);          /* 13 digits */
bool anon_si_tax_ok(const char *d, size_t n);           /* 8 digits */
bool anon_cy_tic_ok(const char *s, size_t n);           /* 8 digits + letter */
bool anon_cy_id_ok(const char *d, size_t n);            /* 7 to 10 digits (shape only) */

#endif
