/* Ad checker, per language and category: phrases that must be flagged (with
 * the exact text reported) and phrases that must not be (positive action,
 * look-alikes, paired titles). */
#include <stdio.h>
#include <string.h>

#include "core/paths.h"
#include "domain/adcheck/adcheck.h"
#include "test.h"

#define NONE NULL /* the category must not be reported */

typedef struct Case {
        Lang lang;
        AdcheckCategory cat;
        const char *text;
        const char *want; /* reported text, or NONE */
} Case;

#define W ADCHECK_GENDERED_WORDING
#define T ADCHECK_GENDERED_TITLE
#define AGE ADCHECK_AGE
#define NAT ADCHECK_NATIVE_LANGUAGE
#define PH ADCHECK_PHOTO
#define NA ADCHECK_NATIONALITY
#define FA ADCHECK_FAMILY_STATUS
#define AP ADCHECK_APPEARANCE
#define HE ADCHECK_HEALTH
#define SH ADCHECK_SALARY_HISTORY
#define PM ADCHECK_PAY_MISSING

static const Case cases[] = {
        /* English */
        { LANG_EN, W, "We want an aggressive self-starter.", "aggressive" },
        { LANG_EN, W, "Responsibilities include code review.", NONE },
        { LANG_EN, T, "Salesman wanted for our shop.", "Salesman" },
        { LANG_EN, T, "Salesperson wanted for our shop.", NONE },
        { LANG_EN, AGE, "Candidates aged 25-35 preferred.", "aged 25-35" },
        { LANG_EN, AGE, "We are a young company founded in 2019.", NONE },
        { LANG_EN, AGE, "Join our young and dynamic team.", "young and dynamic" },
        { LANG_EN, AGE, "3-5 years of experience.", NONE },
        { LANG_EN, NAT, "Native English speaker required.", "Native English" },
        { LANG_EN, NAT, "You build native mobile apps.", NONE },
        { LANG_EN, NAT, "English at C1 level.", NONE },
        { LANG_EN, PH, "Please attach a recent photo to your CV.", "attach a recent photo" },
        { LANG_EN, PH, "Experience with photo editing software.", NONE },
        { LANG_EN, NA, "EU citizens only.", "EU citizens only" },
        { LANG_EN, NA, "Treat security as a first class citizen.", NONE },
        { LANG_EN, FA, "Ideal candidates have no family commitments.", "no family commitments" },
        { LANG_EN, FA, "Build a single page application.", NONE },
        { LANG_EN, AP, "Good appearance is a must.", "Good appearance" },
        { LANG_EN, AP, "Attractive salary package.", NONE },
        { LANG_EN, HE, "Applicants must be in perfect health.", "perfect health" },
        { LANG_EN, HE, "Work in health-tech with health insurance.", NONE },
        { LANG_EN, SH, "Tell us your current salary.", "current salary" },
        { LANG_EN, SH, "Tell us your salary expectations.", NONE },
        { LANG_EN, PM, "Competitive salary.", "" },
        { LANG_EN, PM, "Salary: €28,000 - €34,000 per year.", NONE },
        { LANG_EN, NAT, "We especially welcome applications from native speakers of any language.", NONE },
        /* Italiano */
        { LANG_IT, W, "Cerchiamo una persona ambiziosa e competitiva.", "ambiziosa" },
        { LANG_IT, W, "Competenze richieste: Java.", NONE },
        { LANG_IT, T, "Cercasi programmatore Java.", "programmatore" },
        { LANG_IT, T, "Cercasi programmatore/programmatrice Java.", NONE },
        { LANG_IT, T, "Cercasi programmatore Java (m/f).", NONE },
        { LANG_IT, AGE, "Età massima 35 anni.", "Età massima" },
        { LANG_IT, AGE, "Siamo una giovane azienda fondata nel 2019.", NONE },
        { LANG_IT, AGE, "Cerchiamo un giovane e dinamico sviluppatore.", "Cerchiamo un giovane" },
        { LANG_IT, NAT, "Richiesto inglese madrelingua.", "madrelingua" },
        { LANG_IT, NAT, "Inglese livello C1.", NONE },
        { LANG_IT, PH, "Inviare CV con foto.", "Inviare CV con foto" },
        { LANG_IT, PH, "Esperienza in fotoritocco e foto editing.", NONE },
        { LANG_IT, NA, "Richiesta cittadinanza italiana.", "cittadinanza italiana" },
        { LANG_IT, FA, "Preferibilmente senza figli.", "senza figli" },
        { LANG_IT, AP, "Richiesta bella presenza.", "bella presenza" },
        { LANG_IT, HE, "Sana e robusta costituzione.", "Sana e robusta costituzione" },
        { LANG_IT, SH, "Indicare la RAL attuale.", "RAL attuale" },
        { LANG_IT, PM, "Stipendio competitivo.", "" },
        { LANG_IT, PM, "RAL 28.000-34.000 €", NONE },
        { LANG_IT, W, "Contratto a tempo determinato.", NONE },
        { LANG_IT, AGE, "Incoraggiamo le candidature di giovani, donne e persone con disabilità.", NONE },
        /* Português */
        { LANG_PT, W, "Procuramos alguém ambicioso e competitivo.", "ambicioso" },
        { LANG_PT, T, "Procuramos programador Java.", "programador" },
        { LANG_PT, T, "Procuramos programador/a Java.", NONE },
        { LANG_PT, T, "Procuramos programador(a) Java.", NONE },
        { LANG_PT, AGE, "Idade máxima de 30 anos.", "Idade máxima" },
        { LANG_PT, AGE, "Somos uma empresa jovem fundada em 2019.", NONE },
        { LANG_PT, NAT, "Falante nativo de inglês.", "Falante nativo" },
        { LANG_PT, PH, "Enviar CV com fotografia.", "Enviar CV com fotografia" },
        { LANG_PT, NA, "Nacionalidade portuguesa obrigatória.", "Nacionalidade portuguesa" },
        { LANG_PT, FA, "Estado civil: solteiro.", "Estado civil" },
        { LANG_PT, AP, "Boa apresentação.", "Boa apresentação" },
        { LANG_PT, HE, "Sem deficiência.", "Sem deficiência" },
        { LANG_PT, SH, "Indique o salário atual.", "salário atual" },
        { LANG_PT, PM, "Salário: 1500 a 2000 euros brutos por mês.", NONE },
        { LANG_PT, AGE, "Encorajamos candidaturas de mulheres e pessoas com deficiência.", NONE },
        /* Polski */
        { LANG_PL, W, "Szukamy osoby ambitnej i przebojowej.", "ambitnej" },
        { LANG_PL, T, "Programista Java", "Programista" },
        { LANG_PL, T, "Programista/Programistka Java", NONE },
        { LANG_PL, T, "Programista Java (k/m)", NONE },
        { LANG_PL, AGE, "Wiek do 35 lat.", "Wiek do 35" },
        { LANG_PL, AGE, "Jesteśmy młodą firmą założoną w 2019.", NONE },
        { LANG_PL, NAT, "Język ojczysty: angielski.", "Język ojczysty" },
        { LANG_PL, NAT, "Tworzymy natywne aplikacje mobilne.", NONE },
        { LANG_PL, PH, "Prosimy o CV ze zdjęciem.", "CV ze zdjęciem" },
        { LANG_PL, PH, "Obróbka zdjęć w Photoshopie.", NONE },
        { LANG_PL, NA, "Wymagane obywatelstwo polskie.", "obywatelstwo polskie" },
        { LANG_PL, FA, "Osoby bez zobowiązań rodzinnych.", "bez zobowiązań rodzinnych" },
        { LANG_PL, AP, "Miła aparycja.", "Miła aparycja" },
        { LANG_PL, AP, "Wysoka kultura osobista.", NONE },
        { LANG_PL, HE, "Dobry stan zdrowia.", "Dobry stan zdrowia" },
        { LANG_PL, HE, "Prywatna opieka medyczna.", NONE },
        { LANG_PL, SH, "Podaj obecne wynagrodzenie.", "obecne wynagrodzenie" },
        { LANG_PL, PM, "Wynagrodzenie: 7 000–9 000 zł brutto", NONE },
        { LANG_PL, PM, "Konkurencyjne wynagrodzenie.", "" },
        { LANG_PL, AGE, "Zachęcamy do aplikowania kobiety i osoby z niepełnosprawnościami.", NONE },
        /* Română */
        { LANG_RO, W, "Căutăm o persoană ambițioasă.", "ambițioasă" },
        { LANG_RO, T, "Angajăm programator Java.", "programator" },
        { LANG_RO, T, "Angajăm programator/programatoare Java.", NONE },
        { LANG_RO, AGE, "Vârsta maximă 30 de ani.", "Vârsta maximă" },
        { LANG_RO, AGE, "Suntem o companie tânără fondată în 2019.", NONE },
        { LANG_RO, NAT, "Vorbitor nativ de limba engleză.", "Vorbitor nativ" },
        { LANG_RO, PH, "Trimiteți CV cu poză.", "Trimiteți CV cu poză" },
        { LANG_RO, NA, "Cetățenie română obligatorie.", "Cetățenie română" },
        { LANG_RO, FA, "Starea civilă: necăsătorit.", "Starea civilă" },
        { LANG_RO, AP, "Aspect fizic plăcut.", "Aspect fizic plăcut" },
        { LANG_RO, HE, "Stare de sănătate perfectă.", "Stare de sănătate perfectă" },
        { LANG_RO, SH, "Menționați salariul actual.", "salariul actual" },
        { LANG_RO, PM, "4500-6000 lei net", NONE },
        { LANG_RO, PM, "Salariu atractiv.", "" },
        { LANG_RO, W, "Contract pe perioadă determinată.", NONE },
        { LANG_RO, FA, "Încurajăm candidaturile indiferent de starea civilă.", NONE },
        /* Ελληνικά */
        { LANG_EL, W, "Ζητάμε φιλόδοξο και ανταγωνιστικό άτομο.", "φιλόδοξο" },
        { LANG_EL, W, "Ανεξαρτήτως φύλου.", NONE },
        { LANG_EL, T, "Ζητείται προγραμματιστής Java.", "προγραμματιστής" },
        { LANG_EL, T, "Ζητείται προγραμματιστής/προγραμματίστρια Java.", NONE },
        { LANG_EL, T, "Ζητείται προγραμματιστής Java (Α/Γ).", NONE },
        { LANG_EL, AGE, "Ηλικία έως 35 ετών.", "Ηλικία έως" },
        { LANG_EL, NAT, "Μητρική γλώσσα τα αγγλικά.", "Μητρική γλώσσα" },
        { LANG_EL, NAT, "ΜΗΤΡΙΚΗ ΓΛΩΣΣΑ τα αγγλικά.", "ΜΗΤΡΙΚΗ ΓΛΩΣΣΑ" },
        { LANG_EL, PH, "Βιογραφικό με φωτογραφία.", "Βιογραφικό με φωτογραφία" },
        { LANG_EL, NA, "Ελληνική ιθαγένεια.", "Ελληνική ιθαγένεια" },
        { LANG_EL, FA, "Οικογενειακή κατάσταση: άγαμος.", "Οικογενειακή κατάσταση" },
        { LANG_EL, AP, "Ευχάριστη εμφάνιση.", "Ευχάριστη εμφάνιση" },
        { LANG_EL, HE, "Άριστη κατάσταση υγείας.", "Άριστη κατάσταση υγείας" },
        { LANG_EL, HE, "Ιδιωτική ασφάλιση υγείας.", NONE },
        { LANG_EL, SH, "Αναφέρετε τον τρέχοντα μισθό.", "τρέχοντα μισθό" },
        { LANG_EL, PM, "Μισθός 1.200 - 1.500 ευρώ μικτά.", NONE },
        { LANG_EL, PM, "Ανταγωνιστικές αποδοχές.", "" },
        { LANG_EL, AGE, "Ενθαρρύνουμε αιτήσεις από νέους, γυναίκες και άτομα με αναπηρία.", NONE },
        /* Slovenščina */
        { LANG_SL, W, "Iščemo ambiciozno in samozavestno osebo.", "ambiciozno" },
        { LANG_SL, T, "Zaposlimo programerja.", "programerja" },
        { LANG_SL, T, "Zaposlimo programerja (m/ž).", NONE },
        { LANG_SL, T, "Zaposlimo programerja/programerko.", NONE },
        { LANG_SL, AGE, "Starost do 30 let.", "Starost do 30" },
        { LANG_SL, AGE, "Smo mlado podjetje, ustanovljeno 2019.", NONE },
        { LANG_SL, NAT, "Materni jezik angleščina.", "Materni jezik" },
        { LANG_SL, PH, "Pošljite življenjepis s fotografijo.", "Pošljite življenjepis s fotografijo" },
        { LANG_SL, NA, "Slovensko državljanstvo.", "Slovensko državljanstvo" },
        { LANG_SL, FA, "Brez otrok.", "Brez otrok" },
        { LANG_SL, AP, "Urejen videz.", "Urejen videz" },
        { LANG_SL, HE, "Brez zdravstvenih težav.", "Brez zdravstvenih težav" },
        { LANG_SL, HE, "Dodatno zdravstveno zavarovanje.", NONE },
        { LANG_SL, SH, "Navedite trenutno plačo.", "trenutno plačo" },
        { LANG_SL, PM, "Plača od 2.000 do 2.800 EUR bruto.", NONE },
        { LANG_SL, PM, "Konkurenčna plača.", "" },
        { LANG_SL, W, "Pogodba za določen čas.", NONE },
        { LANG_SL, AGE, "Spodbujamo prijave mladih, žensk in oseb z invalidnostjo.", NONE },
        /* Words that are titles only sometimes, paired short forms, equal-opportunity lists */
        { LANG_IT, T, "Offriamo supporto tecnico e un sistema informatico moderno.", NONE },
        { LANG_IT, T, "Cercasi programmatore/trice Java.", NONE },
        { LANG_IT, FA, "Selezioniamo senza distinzione di sesso, età, stato civile o nazionalità.", NONE },
        { LANG_PT, T, "Prestamos suporte técnico.", NONE },
        { LANG_PT, FA, "Igualdade de oportunidades independentemente do estado civil ou da nacionalidade.", NONE },
        { LANG_PL, T, "Oferujemy elastyczny grafik.", NONE },
        { LANG_PL, FA, "Nie dyskryminujemy ze względu na stan cywilny, wiek ani narodowość.", NONE },
        { LANG_EL, T, "Ζητείται Προγραμματιστής/τρια Java.", NONE },
        { LANG_EL, T, "Θα είσαι υπεύθυνος για το backend.", NONE },
        { LANG_EL, FA, "Ίσες ευκαιρίες ανεξαρτήτως οικογενειακής κατάστασης ή εθνικότητας.", NONE },
        { LANG_RO, T, "Angajăm programator (m/f).", NONE },
        { LANG_RO, NA, "Nu facem discriminare pe criterii de cetățenie română sau străină.", NONE },
        { LANG_SL, FA, "Kandidate izbiramo ne glede na zakonski stan, starost ali narodnost.", NONE },
        { LANG_EN, FA, "We do not discriminate on the basis of marital status, pregnancy or age.", NONE },
        { LANG_EN, HE, "Accommodations for people with disabilities are available on request.", NONE },
        { LANG_EN, NAT, "We use React Native and cloud native tooling.", NONE },
        { LANG_EN, AGE, "We are a young and dynamic company founded in 2019.", NONE },
};

static const AdcheckFinding *find(const AdcheckResult *r, AdcheckCategory c) {
        for (size_t i = 0; r && i < r->n_findings; i++)
                if (r->findings[i].category == c)
                        return &r->findings[i];
        return NULL;
}

int main(void) {
        AdcheckEngine *e;
        int rc = adcheck_engine_load(paths_datadir(), &e);
        CHECK(rc == 0, "engine loads (%d)", rc);
        if (rc < 0)
                return test_done();
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                const Case *c = &cases[i];
                Arena *a = arena_new();
                AdcheckResult *r = NULL;
                rc = adcheck_run(e, a, c->text, strlen(c->text), (int)c->lang, &r);
                const AdcheckFinding *f = rc == 0 ? find(r, c->cat) : NULL;
                if (c->want) {
                        CHECK_STREQ(f ? f->text : NULL, c->want, "%s %s flags: %s", lang_code(c->lang),
                                    adcheck_category_name(c->cat), c->text);
                        if (f && f->end > f->start)
                                CHECK(memcmp(c->text + f->start, c->want, f->end - f->start) == 0 &&
                                              strlen(c->want) == f->end - f->start,
                                      "%s offsets point at the text", lang_code(c->lang));
                } else {
                        CHECK(rc == 0 && f == NULL, "%s %s not flagged: %s%s%s", lang_code(c->lang),
                              adcheck_category_name(c->cat), c->text, f ? " -> " : "", f ? f->text : "");
                }
                arena_free(a);
        }
        adcheck_engine_free(e);
        return test_done();
}
