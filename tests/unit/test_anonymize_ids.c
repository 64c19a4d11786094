/* Checksums of every identifier the anonymiser knows, with valid and
 * invalid vectors (published examples where they exist). */
#include <string.h>

#include "domain/anonymize/anon_ids.h"
#include "test.h"

typedef bool (*Check)(const char *, size_t);

static const struct {
        const char *name;
        Check fn;
        const char *valid, *invalid;
} cases[] = {
        { "luhn (card)", anon_luhn_ok, "4111111111111111", "4111111111111112" },
        { "luhn (card 2)", anon_luhn_ok, "5500000000000004", "5500000000000005" },
        { "IBAN GB", anon_iban_ok, "GB82WEST12345698765432", "GB82WEST12345698765433" },
        { "IBAN IT", anon_iban_ok, "IT60X0542811101000000123456", "IT60X0542811101000000123457" },
        { "IBAN PL", anon_iban_ok, "PL61109010140000071219812874", "PL61109010140000071219812875" },
        { "codice fiscale", anon_it_codice_fiscale_ok, "RSSMRA85T10A562S", "RSSMRA85T10A562T" },
        { "codice fiscale 2", anon_it_codice_fiscale_ok, "MRTMTT25D09F205Z", "MRTMTT25D09F205A" },
        { "codice fiscale shape", anon_it_codice_fiscale_ok, "RSSMRA85T10A562S", "RSSMRA8XT10A562S" },
        { "PT NIF", anon_pt_nif_ok, "123456789", "123456780" },
        { "PT Cartao de Cidadao", anon_pt_cc_ok, "000000000ZZ4", "000000000ZZ5" },
        { "PT Cartao de Cidadao 2", anon_pt_cc_ok, "123456789ZZ1", "123456789ZZ2" },
        { "PL PESEL", anon_pl_pesel_ok, "44051401359", "44051401358" },
        { "PL ID card", anon_pl_idcard_ok, "ABA300000", "ABA400000" },
        { "RO CNP", anon_ro_cnp_ok, "1800101221144", "1800101221145" },
        { "GR AMKA", anon_gr_amka_ok, "01018045672", "01018045673" },
        { "GR AMKA date", anon_gr_amka_ok, "01018045672", "32018045679" },
        { "GR AFM", anon_gr_afm_ok, "094019245", "094019246" },
        { "SI EMSO", anon_si_emso_ok, "0101006500006", "0101006500007" },
        { "SI tax number", anon_si_tax_ok, "15012557", "15012558" },
        { "CY TIC", anon_cy_tic_ok, "10259033P", "10259033Q" },
        { "CY ID (shape)", anon_cy_id_ok, "1234567", "123456" },
};

int main(void) {
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                CHECK(cases[i].fn(cases[i].valid, strlen(cases[i].valid)), "%s accepts %s",
                      cases[i].name, cases[i].valid);
                CHECK(!cases[i].fn(cases[i].invalid, strlen(cases[i].invalid)), "%s rejects %s",
                      cases[i].name, cases[i].invalid);
                /* hostile: empty, too short, letters where digits belong */
                CHECK(!cases[i].fn("", 0), "%s rejects empty", cases[i].name);
                CHECK(!cases[i].fn(cases[i].valid, strlen(cases[i].valid) - 1), "%s rejects truncated",
                      cases[i].name);
        }
        CHECK(!anon_pl_pesel_ok("4405140135x", 11), "PESEL rejects a letter");
        CHECK(!anon_iban_ok("gb82west12345698765432", 22), "IBAN wants upper case (scanner upper-cases)");
        CHECK(!anon_luhn_ok("<script>", 8), "luhn rejects markup");
        return test_done();
}
