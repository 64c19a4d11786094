/* Names found from the rest of the document (earlier lone mentions,
 * enumerations of people), lower-case names after a name context,
 * Romanian surname endings, role nouns and speech verbs, names of any
 * locale; and the text that must survive these rules. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/paths.h"
#include "domain/anonymize/anonymize.h"
#include "anon_fixture.h"
#include "test.h"

/* Every listed word must be gone from the output. */
static const GoneCase gone[] = {
        /* a lone mention before the full name that makes it a person's */
        { LANG_EN, "Montaigne wrote essays. Later Michel Montaigne retired.", { "Montaigne", "Michel" } },
        { LANG_RO, "Kalnoky a vorbit cu ministrul. Ministrul austriac Gustav Kalnoky a plecat.", { "Kalnoky" } },
        { LANG_PT, "Beckenbauer aconselha calma. O técnico Franz Beckenbauer falou.", { "Beckenbauer" } },
        { LANG_EN, "It was Kaczmarek's song. It was by Bonifacy Kaczmarek.", { "Kaczmarek" } },
        { LANG_RO, "Am citit cartea Kalnokyului ieri. Ministrul Gustav Kalnoky a semnat.", { "Kalnoky" } },
        /* a sentence's first word that a verb of saying or a person's verb made a
         * name: its later mentions without a cue are the same person */
        { LANG_RO, "Ana Pop a venit. Montaigne s-a căsătorit în 1565. La cererea tatălui său, Montaigne a început.",
          { "Montaigne" } },
        { LANG_PT, "Ana Costa chegou. Quextilho salientou que sim. A casa de Quextilho é grande.", { "Quextilho" } },
        /* Romanian genitive-dative of a name in -a or -ă seen before */
        { LANG_RO, "Ieri Elena Udrea a venit. A fost mandatul Udreei, scurt.", { "Udre" } },
        /* enumerations: most items are names, so the rest are too */
        { LANG_EN, "The founders were Kónya, Becker and Vasquez.", { "Kónya", "Becker", "Vasquez" } },
        { LANG_RO, "Am lucrat cu Popescu, Ionescu, Georgescu și Kalnoky.", { "Kalnoky" } },
        { LANG_PT, "Jogaram Ronaldo, Costa, Silva e Zubizarreta.", { "Zubizarreta" } },
        /* people found by the enumeration rules, mentioned alone before it */
        { LANG_PT, "Ana Costa chegou. A revista a eles próprios, Christo e Voss e acordaram. Saiu sob a "
                   "direcção de Voss, René, Christo e Lourdes Castro.", { "Christo", "Voss" } },
        /* a single word joined by a conjunction to a person named in full */
        { LANG_RO, "Ana Pop a venit. Au vorbit despre Kalnoky și Ion Brătianu la Viena.", { "Kalnoky" } },
        { LANG_PT, "Ana Costa chegou. Obras de Mário Eloy e Maluda foram expostas.", { "Maluda" } },
        /* lower case after a name context */
        { LANG_EN, "my name is lena andersson and i need help", { "lena", "andersson" } },
        { LANG_EN, "sometimes people call me olga", { "olga" } },
        { LANG_EN, "name: lena t. maida", { "lena", "maida" } },
        { LANG_PT, "o meu nome é ana silva", { "ana", "silva" } },
        /* Romanian surnames by their ending, also in the genitive */
        { LANG_RO, "Ieri, Vulpescu a plecat.", { "Vulpescu" } },
        { LANG_RO, "Mandatul Urdăreanului a expirat.", { "Urdărean" } },
        /* role nouns, relatives and credits before a name; speech verbs after one */
        { LANG_RO, "Ieri fotbalistul Hagi a marcat.", { "Hagi" } },
        { LANG_RO, "A venit și generalul Zbarcea.", { "Zbarcea" } },
        { LANG_PT, "Ontem o jogador Ronaldinho marcou.", { "Ronaldinho" } },
        { LANG_EN, "A 2021 film directed by Joakim Westgård.", { "Joakim", "Westgård" } },
        { LANG_EN, "Her maiden name is Ybarra", { "Ybarra" } },
        { LANG_EN, "I would like to remove my kid Tadzio from the will.", { "Tadzio" } },
        { LANG_RO, "Zbarcea a subliniat că e greu.", { "Zbarcea" } },
        { LANG_PT, "Zubizarreta salientou que o jogo foi duro.", { "Zubizarreta" } },
        { LANG_RO, "Situația e grea, afirmă Gershoni pentru presă.", { "Gershoni" } },
        /* a regnal or generational number belongs to the name */
        { LANG_RO, "Regele Frederic al IX-lea a murit.", { "Frederic", "IX" } },
        { LANG_RO, "Vizita lui Carol I la Berlin.", { "Carol", " I " } },
        { LANG_EN, "My grandfather was called Kevin Veitonen II, and more.", { "Veitonen", "II" } },
        /* given names and surnames of other countries' locales */
        { LANG_EN, "Caitlin Lennox lives here.", { "Caitlin", "Lennox" } },
        { LANG_EN, "Have you been to a Homero Portillo concert?", { "Homero", "Portillo" } },
        /* the npm lists: census given names and surnames, given names of two sources */
        { LANG_EN, "Tilly Prochaska called.", { "Tilly", "Prochaska" } },
        { LANG_EN, "We met Detlef Jahn later.", { "Detlef", "Jahn" } },
        /* an unknown word before a long surname of the world lists, inside a sentence */
        { LANG_EN, "I want to add Tünde Hoffmann as a beneficiary.", { "Tünde", "Hoffmann" } },
        { LANG_RO, "La tobe și Mick Barnard la chitară.", { "Barnard" } },
        /* a listed name may be the speaker */
        { LANG_EN, "Then Beresford said no.", { "Beresford" } },
        /* verbs whose subject is a person, in every language */
        { LANG_EN, "Tomomi Nishiyama lives at 86036 Main Road.", { "Tomomi", "Nishiyama" } },
        { LANG_EN, "Mehrudin shouted at him.", { "Mehrudin" } },
        { LANG_EN, "Quionia is from Areavibes Inc.", { "Quionia" } },
        { LANG_IT, "Ieri Gualtiero Sbarbaro è nato a Genova.", { "Gualtiero", "Sbarbaro" } },
        { LANG_PT, "O avô Zubizarreta morreu em 1990.", { "Zubizarreta" } },
        { LANG_PL, "Wczoraj Zbyszko Bogdaniec mieszka w Krakowie.", { "Zbyszko", "Bogdaniec" } },
        { LANG_RO, "Bunicul Zbarcea a murit ieri.", { "Zbarcea" } },
        { LANG_EL, "Ο Ζαχαρίας Κουκουλάκης γεννήθηκε στην Κρήτη.", { "Κουκουλάκης" } },
        { LANG_SL, "Včeraj Zdravko Pušaver živi v Mariboru.", { "Pušaver" } },
        { LANG_RO, "În 1565 Montaigne s-a căsătorit.", { "Montaigne" } },
        { LANG_RO, "La 17 aprilie Boileau a fost ales de Academie.", { "Boileau" } },
        /* verbs that only a person's subject takes, and more verbs of saying */
        { LANG_RO, "Ana Pop a venit. Ieri Zbarcea a fost arestat la Cluj.", { "Zbarcea" } },
        { LANG_RO, "Ana Pop a venit. Atunci Zbarcea i-a cerut lui Ion să plece.", { "Zbarcea" } },
        { LANG_PT, "Ana Costa chegou. Ontem Quextilho foi contratado por o clube.", { "Quextilho" } },
        { LANG_PT, "Ana Costa chegou. «Não», ironizou Quextilho.", { "Quextilho" } },
        { LANG_IT, "Nel 1990 Gualtiero Sbarbaro si è laureato a Pisa.", { "Sbarbaro" } },
        /* a credit with its colon and the layout's blanks */
        { LANG_EN, "Kids & Family\nDirected By:    Johannes Varvio", { "Johannes", "Varvio" } },
        /* a role noun, an adjective after it, a name (it, pt, ro) */
        { LANG_RO, "Textul descrie cum împăratul asirian Nabucodonosor a trimis oaste.", { "Nabucodonosor" } },
        { LANG_PT, "É o filho mais novo do ex-presidente indonésio Suharto.", { "Suharto" } },
        { LANG_IT, "Ieri il presidente americano Obama è arrivato.", { "Obama" } },
        /* Romanian: a clitic before the verb, "pe" before the person */
        { LANG_RO, "Anul trecut l-au gonit pe Pauw din club.", { "Pauw" } },
        { LANG_RO, "Eu nu i-aș fi numit pe Dăncilă premier.", { "Dăncilă" } },
        { LANG_RO, "Voia să-l adopte pe Gordian.", { "Gordian" } },
        /* verbs of saying in it, pl, sl, el, pt */
        { LANG_IT, "«È difficile», ha sottolineato Gualtierozzi.", { "Gualtierozzi" } },
        { LANG_PL, "To trudne – podkreślił Wrzosowski.", { "Wrzosowski" } },
        { LANG_SL, "To je težko, je poudaril Pušaverjev.", { "Pušaverjev" } },
        { LANG_EL, "Είναι δύσκολο, τόνισε ο Κουκουλάκης.", { "Κουκουλάκης" } },
        { LANG_EL, "Ήταν σαφές, δήλωσε η Ζαχαροπούλου.", { "Ζαχαροπούλου" } },
        { LANG_PT, "«É difícil», observa Uvnas-Moberg.", { "Uvnas" } },
        /* relatives before a name */
        { LANG_EN, "She is the daughter of Quionia and lives abroad.", { "Quionia" } },
        { LANG_IT, "Ho conosciuto la moglie di Gualtiero ieri.", { "Gualtiero" } },
        { LANG_PT, "Mãe de Rossi agora quer ser candidata.", { "Rossi" } },
        { LANG_RO, "A vorbit cu soția lui Zbarcea ieri.", { "Zbarcea" } },
        { LANG_SL, "Včeraj je prišla žena Zdravka Pušaverja.", { "Zdravka" } },
        /* the speaker of a chat or an interview: a listed given name before a colon */
        { LANG_EN, "Zuzana: Who are you?\nKristíana: A friend.", { "Zuzana", "Kristíana" } },
        { LANG_PT, "Entrevista\nVsevolod: Cheguei ontem.", { "Vsevolod" } },
        /* a text without any capital letter: two listed words, or a given name and an initial */
        { LANG_EN, "follow up with patricia desrosiers in a couple of months", { "patricia", "desrosiers" } },
        { LANG_EN, "ok so benjamin a seiler will call", { "benjamin", "seiler" } },
        { LANG_EN, "verses from eric g. samoylova's tales", { "eric", "samoylova" } },
        { LANG_IT, "ho parlato con giulia bianchi ieri", { "giulia", "bianchi" } },
        { LANG_EN, "they had 4: silvana, adam, kristina and caleb.", { "silvana", "adam", "caleb" } },
        { LANG_PT, "os filhos: joana, pedro, tiago e xuxu.", { "joana", "xuxu" } },
        { LANG_PL, "rozmawiałem z anną kowalską wczoraj", { "kowalsk" } },
};

/* Nothing may be removed from these. */
static const char *const survive[][2] = {
        /* places and words, in enumerations and after conjunctions */
        { "en", "Worked in Paris, Berlin, Munich and Madrid." },
        { "pt", "Visitou o Porto, Coimbra, Faro e Évora." },
        { "ro", "Am vizitat Clujul, Iașiul, Brașovul și Sibiul." },
        { "en", "Skills: Django, Jenkins, Ansible and Docker." },
        /* countries in an enumeration, after a place's first word */
        { "pt", "As normas vêm de outros países, Estados Unidos, França e Itália, por exemplo." },
        /* place names that end like a surname's genitive do not */
        { "ro", "Am mers la Ploiești, apoi la Pitești și la Mărășești." },
        /* lower case without a name context, or not a name after one */
        { "en", "my name is not important. call me maybe tomorrow" },
        { "en", "olga and lena went home" },
        { "ro", "Guvernul a subliniat că PSD a spus nu." },
        /* CV words that are given names in some country but common words here */
        { "en", "Skills: Spring Boot, Visual Studio, SharePoint Server, Job Title." },
        { "en", "Honor Society; Washington State University; Dev team lead." },
        { "en", "Winner of the Most Valuable Player Award in 2019." },
        { "en", "Worked on World War II archives and XML." },
        /* a verb whose subject is a person after words that are not names */
        { "en", "This is from the archive. Python is from the Netherlands." },
        { "en", "The Company shouted nothing. Django lives in a repository." },
        { "it", "Il Progetto è nato nel 2019. Jenkins vive in un container." },
        { "pt", "O Brasil nasceu livre. A Empresa mora em Lisboa." },
        { "pl", "Firma Ansible mieszka w chmurze." },
        { "ro", "PSD a murit politic. Guvernul a strigat." },
        { "ro", "Guvernul a avertizat ieri, iar PSD a concluzionat." },
        { "pt", "A Empresa foi contratada e o Governo desabafou." },
        { "sl", "Podjetje živi v Ljubljani." },
        { "el", "Η Εταιρεία γεννήθηκε στην Αθήνα." },
        /* a sentence that ends without a space before the verb */
        { "ro", "Satul e în raionul Rahiv.A absolvit școala." },
        /* a title alone before a colon is a label, not a name context */
        { "en", "Member, COACH: Canadian Informatics Association" },
        /* a role noun, then a genitive, an acronym, a tool or a verb; English word order */
        { "ro", "Căpitanul echipei Juventus și directorul regional ADR au vorbit." },
        { "ro", "Piesa interpretată de către orchestra Candlelight a plăcut." },
        { "pt", "O curso ensina Python e Django." },
        { "en", "Worked as professor teaching Python courses." },
        /* Romanian "pe" without a clitic is "on"; a clitic with no "pe" right before the word */
        { "ro", "Am mers pe Valea Tisei și am scris pe Facebook." },
        { "ro", "Am postat-o pe Facebook și l-am pus pe Google Drive." },
        { "ro", "L-am pus pe masă lângă Biblioteca Centrală." },
        /* CV labels before a colon, in several languages; a name not at the start of its line */
        { "en", "Skills: Python\nEducation: MSc\nLanguages: Italian\nSummary: backend work" },
        { "it", "Competenze: Python\nIstruzione: Laurea\nLingue: inglese" },
        { "pt", "Formação: Mestrado\nCompetências: Java" },
        { "pl", "Umiejętności: Java\nJęzyki: angielski" },
        { "en", "Project: Phoenix\nClient: Acme" },
        /* "continua" and "respondeu por" are not verbs of saying after a subject */
        { "pt", "O Realejo continua a ser um grupo. A região Sudeste respondeu por 39%." },
        /* Greek: a verb of saying, the article, a country */
        { "el", "Είναι δύσκολο, δήλωσε η Ελλάδα και τόνισε η Γαλλία." },
        /* short world surnames after a word: CV subjects and bodies */
        { "en", "Studied Labor Law and Tort Law; member of the State Bar; Sarbanes-Oxley compliance." },
        /* relatives before a word that is not a name; founders of a monastery in Romanian */
        { "en", "The son of a farmer and the sister of a pilot came." },
        { "ro", "Fondatorul Mănăstirii Sinaia este cunoscut." },
        /* lower-case texts: words, places and tools; and any capital turns the rule off */
        { "en", "i met sandy beaches and clay courts. robin hood was there" },
        { "en", "go to san diego tomorrow, then jordan lake; the victor takes home the prize" },
        { "en", "we used java spring and django daily with jenkins and ansible" },
        { "en", "april showers bring may flowers; i hope the grace period ends" },
        { "en", "we used java, python, django and jenkins; i saw paris, rome, berlin and madrid" },
        { "en", "april, may and june were busy; red, green and blue" },
        { "it", "lavoro con python e django a milano da marzo" },
        { "pt", "moro em lisboa e trabalho com java desde maio" },
        { "en", "Met with patricia desrosiers in a couple of months" },
        /* products, universities and companies of the new lists */
        { "en", "Certified on Avaya Aura and SAP Ariba; studied at Drexel University." },
        { "en", "Education: DePaul University, Chicago. Roles: Dev Lead, Technical Architect." },
};

/* A word remembered from a person's name ("Ada Research") is not taken
 * inside a title or an organisation's name later. */
static void test_title(void) {
        const char *out = run(LANG_EN, "Ada Research wrote it. The Research Council of Norway paid.");
        CHECK(strstr(out, "The Research Council of Norway paid.") != NULL, "title kept: %s", out);
}

/* A genitive in -ei is a person's only when its base was part of a name
 * seen before: "Camerei" stays after "Gheorghe Mureșan". */
static void test_genitive(void) {
        const char *out = run(LANG_RO, "Gheorghe Mureșan a venit. Ședința Camerei a fost ieri.");
        CHECK(strstr(out, "Mureșan") == NULL && strstr(out, "Ședința Camerei a fost ieri.") != NULL,
              "genitive kept: %s", out);
}

/* A word next to a person named in full stays when it is a thing's:
 * after an article or a preposition of place, an item of a list of
 * things, a noun with the Romanian article, a country, a street before
 * its number, the last word of a longer name, after an organisation's
 * article. */
static void test_partner(void) {
        static const struct {
                Lang lang;
                const char *in, *kept;
        } cases[] = {
                { LANG_PT, "Ana Costa chegou. Viu o Flamengo e Paulo Santos.", "o Flamengo e " },
                { LANG_PT, "Ana Costa chegou. Esteve em Erez e Paulo Santos.", "em Erez e " },
                { LANG_PT, "Ana Costa chegou. Vende Sugar, Decénio e Paulina Figueiredo.", "Sugar, Decénio e " },
                { LANG_PT, "Ana Costa chegou. Visitou o Brasil e Paulo Santos.", "Brasil e " },
                { LANG_RO, "Ana Pop a venit. Guvernul și Victor Ponta au decis.", "Guvernul și " },
                { LANG_RO, "Ana Pop a venit. Au vizitat Spania și Ion Popescu.", "Spania și " },
                { LANG_EN, "The address of Acme Inc is Anne-Lotte and Aqqusinersuaq 99", "Aqqusinersuaq" },
                { LANG_EN, "Anna Smith came. She helped the FBI, Federal Police and U.S. Secret Service.",
                  "Federal Police and " },
                { LANG_EN, "Anna Smith came. Sponsored by the Curtis and Edith Munson Foundation.", "the Curtis and " },
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                const char *out = run(cases[i].lang, cases[i].in);
                CHECK(strstr(out, cases[i].kept) != NULL, "kept \"%s\": %s", cases[i].kept, out);
        }
}

/* A country remembered as a word of a name ("Ion Vasile Romania") is the
 * country when it stands alone, before the name or after it. */
static void test_country(void) {
        const char *out = run(LANG_RO, "Ana Pop a venit. Produsele din România sunt bune, spune Monitorul Oficial "
                                       "al României. Colaborăm cu Ion Vasile Romania și Ana Pop.");
        CHECK(strstr(out, "din România sunt") != NULL && strstr(out, "al României.") != NULL, "country kept: %s", out);
}

/* English "I" after a name is the pronoun, not a number. */
static void test_pronoun(void) {
        const char *out = run(LANG_EN, "When I met Anna Smith I said hello.");
        CHECK(strstr(out, "Smith") == NULL && strstr(out, " I said hello.") != NULL, "pronoun kept: %s", out);
}

/* The lone mention before the full name gets the full name's pseudonym. */
static void test_same_person(void) {
        const char *out = run(LANG_RO, "Kalnoky a vorbit. Ieri, Gustav Kalnoky a plecat.");
        const char *a = strstr(out, "Person ");
        CHECK(a != NULL && strlen(a) >= 10, "a pseudonym in %s", out);
        if (!a || strlen(a) < 10)
                return;
        char code[11] = { 0 };
        memcpy(code, a, 10);
        CHECK(strstr(a + 10, code) != NULL, "one person, one pseudonym: %s", out);
}

/* Hostile input around the new rules: a clear result, never a crash. */
static void test_hostile(void) {
        static const struct {
                const char *in;
                int rc;
        } cases[] = {
                { ", , and and , și", 0 },
                { "my name is", 0 },
                { "my name is \xff\xfe", -EINVAL },
                { "A, B, C and D, E, F, G, H, I, J, K, L, M, N, O, P and Q", 0 },
                { "Popescu, Ionescu, Georgescu, Marinescu, Dumitrescu, Stănescu, Vasilescu, Petrescu, "
                  "Constantinescu, Niculescu, Mihăilescu, Grigorescu, Teodorescu și Kalnoky", 0 },
                { "<script>alert('Kalnoky')</script> Gustav Kalnoky", 0 },
                { "", 0 },
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                arena_free(arena);
                arena = arena_new();
                AnonInput ai = { .opt.lang = LANG_RO, .text = cases[i].in, .len = strlen(cases[i].in) };
                AnonResult *r = NULL;
                CHECK_INTEQ(anon_run(eng, arena, &ai, &r), cases[i].rc, "result of %s", cases[i].in);
        }
        /* more items than an enumeration looks at: the first ones still count */
        const char *out = run(LANG_RO, cases[4].in);
        CHECK(!strstr(out, "Kalnoky"), "long list: %s", out);
        /* a line break ends the name context: "lena" is not its value */
        CHECK_STREQ(run(LANG_EN, "call me\r\nlena"), "call me\r\nlena", "line break");
        CHECK(!strstr(run(LANG_EN, "<b>Gustav Kalnoky</b>"), "Kalnoky"), "name inside markup");
}

int main(void) {
        if (!engine_open())
                return test_done();
        arena = arena_new();
        check_gone(gone, sizeof(gone) / sizeof(gone[0]));
        check_survive(survive, sizeof(survive) / sizeof(survive[0]));
        test_same_person();
        test_title();
        test_genitive();
        test_partner();
        test_country();
        test_pronoun();
        test_hostile();
        arena_free(arena);
        anon_engine_free(eng);
        return test_done();
}
