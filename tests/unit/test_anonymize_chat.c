/* Names in messages and chats (anon_chat.c and the pair rule of
 * anon_spread.c): coordination before a plural verb, a possessive before a
 * word of kin, a person addressed, the speakers of a dialogue, a
 * post-nominal, a name context that names ("my name is vitoria"), the
 * author of a work, a reference's judgement of a person; and the text that
 * must survive these rules (skills, products, places, companies). */
#include <errno.h>
#include <string.h>

#include "domain/anonymize/anonymize.h"
#include "anon_fixture.h"
#include "test.h"

/* Every listed word must be gone from the output. */
static const GoneCase gone[] = {
        /* two single words and a plural verb, one of them a listed name */
        { LANG_EN, "Is there a better song? Marrero and Murphy were precision engineers.", { "Marrero", "Murphy" } },
        { LANG_IT, "Ieri Lamovec e Rossi sono partiti per Roma.", { "Lamovec", "Rossi" } },
        { LANG_PT, "Ontem Kowalczyk e Silva foram ao Porto.", { "Kowalczyk", "Silva" } },
        { LANG_PL, "Wczoraj Nowak i Kadiev byli w Krakowie.", { "Nowak", "Kadiev" } },
        { LANG_RO, "În 1930, Vogl și Raffinsky au fost selecționați.", { "Vogl", "Raffinsky" } },
        { LANG_SL, "Včeraj Novak in Kadiev sta prišla v Maribor.", { "Novak", "Kadiev" } },
        { LANG_EN, "Kadiev and Adams said it was over.", { "Kadiev", "Adams" } },
        /* a list after a plural role and a colon */
        { LANG_EN, "It is the brainchild of our 3 founders: Monjeau, Graves and Reed.", { "Monjeau", "Graves", "Reed" } },
        { LANG_IT, "Lo hanno creato i fondatori: Monjeau, Graves e Rossi.", { "Monjeau", "Graves", "Rossi" } },
        /* a lower-case chat: a given name before a verb whose subject is a person */
        { LANG_EN, "eva kleist lives at 255 hersnapvej 18", { "eva", "kleist" } },
        { LANG_EN, "selma is from stillwater", { "selma" } },
        /* a possessive before a word of kin or of a person's fate, or a work */
        { LANG_EN, "(though Meza's song was about a boat)", { "Meza" } },
        { LANG_EN, "It was a done thing between him and Franciska's kid.", { "Franciska" } },
        { LANG_EN, "Wisława Szczepańska's killers sentenced to life in prison", { "Wisława", "Szczepańska" } },
        { LANG_EN, "I met Asya\xe2\x80\x99s husband yesterday.", { "Asya" } },
        /* English double object: a verb, a name, "his" or "her" and a noun */
        { LANG_EN, "Hakuba had given Hakuba his address: 0304 Rua Cidade", { "Hakuba" } },
        { LANG_EN, "We sent Maria her contract.", { "Maria" } },
        /* a person addressed */
        { LANG_EN, "Kuba, can you call me back?", { "Kuba" } },
        { LANG_EN, "Don't go to town, Mark!", { "Mark" } },
        { LANG_EN, "Remember me, Chelsea? When I met your brother.", { "Chelsea" } },
        { LANG_IT, "Kuba, puoi chiamarmi domani?", { "Kuba" } },
        { LANG_PT, "Aloisia, pode ligar-me amanhã?", { "Aloisia" } },
        { LANG_PL, "Kuba, czy możesz zadzwonić?", { "Kuba" } },
        { LANG_RO, "Aloisia, poți să mă suni?", { "Aloisia" } },
        { LANG_SL, "Kuba, lahko pokličeš jutri?", { "Kuba" } },
        { LANG_EL, "Kuba, μπορείς να με πάρεις;", { "Kuba" } },
        /* the speakers of a dialogue */
        { LANG_EN, "Ubul: What a wife.\nNicole: Remember me?", { "Ubul", "Nicole" } },
        { LANG_EN, "Koppány: \"Who are you?\"\nElizabeth:\"A friend.\"", { "Koppány", "Elizabeth" } },
        { LANG_IT, "Gijsbrecht: Chi sei?\nGiulia: Un'amica.", { "Gijsbrecht", "Giulia" } },
        { LANG_EN, "mika: \"who are you?\"\ntracy: \"a friend.\"", { "mika", "tracy" } },
        /* a person's property */
        { LANG_EN, "The true gender of Vehbija has been under debate.", { "Vehbija" } },
        { LANG_EN, "the true gender of bertram has been under debate", { "bertram" } },
        /* a post-nominal is part of the name */
        { LANG_EN, "my great grandmother was called Giovanna Rodrigues MD", { "Giovanna", "Rodrigues", "MD" } },
        { LANG_EN, "Ask Kathrine Filemonsen DDS, please.", { "Filemonsen", "DDS" } },
        { LANG_EN, "John Smith Jr. is our lead.", { "Smith", "Jr" } },
        /* a context that names: the word after it, listed or not */
        { LANG_EN, "my name is vitoria", { "vitoria" } },
        { LANG_EN, "her maiden name is nyberg.", { "nyberg" } },
        { LANG_EN, "sometimes people call me višeslav", { "višeslav" } },
        { LANG_IT, "ciao, mi chiamo vittorina", { "vittorina" } },
        { LANG_PL, "mam na imię zdzisia.", { "zdzisia" } },
        { LANG_RO, "bună, mă numesc ionuța", { "ionuța" } },
        { LANG_SL, "ime mi je špela", { "špela" } },
        { LANG_EN, "It's under my partner's name Nicodemus Azarov", { "Nicodemus", "Azarov" } },
        { LANG_EN, "Follow up with patricia desrosiers in a couple of months", { "patricia", "desrosiers" } },
        /* the author of a work */
        { LANG_EN, "Unlike the Petersson novel, it's not about love.", { "Petersson" } },
        { LANG_EN, "Have you been to a Pálmi Einarsson concert before?", { "Pálmi", "Einarsson" } },
        { LANG_IT, "Ho letto il romanzo di Järvilehto.", { "Järvilehto" } },
        /* a reference's judgement of a person, a career */
        { LANG_EN, "Reference: Irenka is a reliable person and always on time.", { "Irenka" } },
        { LANG_EN, "Järvilehto began writing as a teenager.", { "Järvilehto" } },
        { LANG_IT, "Irenka è una persona affidabile.", { "Irenka" } },
        { LANG_PT, "Irenka é uma pessoa confiável.", { "Irenka" } },
        /* a trait said of tools too: only a word of the name lists */
        { LANG_EN, "Sunniva is very reliable. You can always call her.", { "Sunniva" } },
        { LANG_IT, "Giulia è molto affidabile.", { "Giulia" } },
        { LANG_SL, "Špela je zelo zanesljiva.", { "Špela" } },
};

static const char *const survive[][2] = {
        /* skills, products and companies in pairs before a plural verb */
        { "en", "Python and Java were the main languages." },
        { "en", "Sales and Marketing were merged in 2019." },
        { "en", "Docker and Kubernetes are used daily with Jenkins and Ansible." },
        { "en", "Oracle and Microsoft have partnered." },
        /* places and clubs that are given names too: common words of the language */
        { "en", "Florence and Victoria are cities." },
        { "en", "Chelsea and Arsenal were playing." },
        { "it", "Milano e Torino sono città grandi." },
        { "pt", "Lisboa e Porto são cidades." },
        { "pl", "Kraków i Warszawa są duże." },
        { "ro", "București și Cluj sunt orașe." },
        { "sl", "Ljubljana in Maribor sta mesti." },
        { "en", "The Davis and Reynolds are a band." },
        { "en", "Smith and Wesson is a company." },
        { "it", "Python e Django sono strumenti." },
        { "pt", "Java e Python são linguagens." },
        { "pl", "Python i Django są narzędziami." },
        { "ro", "Python și Django sunt unelte." },
        { "sl", "Python in Django sta orodji." },
        /* lists after a heading, lists of skills, lower-case skills before a verb */
        { "en", "Founders: Python, Java and Go" },
        { "en", "Languages: English, Italian and French" },
        { "en", "our founders: Python and Django" },
        { "en", "java is from oracle and django lives at github" },
        /* possessives of companies and products */
        { "en", "Microsoft's family of products is large." },
        { "en", "IBM's children's program and Django's family of apps." },
        { "en", "Microsoft's album of icons." },
        /* commas, exclamations and questions around words that are no one */
        { "en", "Note, can you check the logs?" },
        { "en", "Team, can you review the Django code?" },
        { "en", "Do you know Python, Django?" },
        { "en", "Worked in Baltimore, MD." },
        /* labels and grades of a CV: no dialogue, in any case */
        { "en", "skills: python\nlanguages: english\nhobbies: chess" },
        { "en", "the gender of nouns" },
        { "en", "Skills: Python, Java\nLanguages: English\nHobbies: chess" },
        { "en", "Mark: 110/110\nGrade: A" },
        /* naming contexts before words that are no name */
        { "en", "Call me tomorrow." },
        { "en", "my name is not important" },
        { "it", "il mio nome è nel documento" },
        /* works and fans of products */
        { "en", "I am a huge Linux fan." },
        { "en", "Read the Python novel." },
        /* judgements of tools */
        { "en", "Postgres is very reliable." },
        { "en", "Ubuntu is very reliable and Linux is reliable." },
        { "it", "Postgres è molto affidabile." },
        { "en", "The system is a reliable tool." },
        { "pl", "Firma jest osobą prawną." },
};

/* A post-nominal is not taken when a capitalised word follows it ("Sr.
 * Sec. School"), and a US state after a comma is not one. */
static void test_postnominal(void) {
        const char *out = run(LANG_EN, "Studied at St Johns Sr. Sec. School in Chennai.");
        CHECK(strstr(out, "Sr. Sec. School") != NULL, "school kept: %s", out);
        out = run(LANG_EN, "Anna Rossi, MD 20678");
        CHECK(strstr(out, "MD 20678") != NULL, "state kept: %s", out);
}

/* A tool before "his" or "her" stays (the pronoun itself is rewritten). */
static void test_double_object(void) {
        const char *out = run(LANG_EN, "I worked with Python his whole career.");
        CHECK(strstr(out, "with Python") != NULL, "tool kept: %s", out);
        out = run(LANG_EN, "She taught Python her way.");
        CHECK(strstr(out, "taught Python") != NULL, "tool kept: %s", out);
}

/* Hostile input around the new rules: a clear result, never a crash. */
static void test_hostile(void) {
        static const struct {
                const char *in;
                int rc;
        } cases[] = {
                { "'s kid", 0 },
                { "Anna's", 0 },
                { "X and", 0 },
                { ":\n:\n:", 0 },
                { "Ubul:", 0 },
                { ", Mark", 0 },
                { "Anna MD", 0 },
                { "my name is \xff", -EINVAL },
                { "<script>Ubul: hi</script>\r\nNicole: <b>x</b>", 0 },
                { "", 0 },
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                arena_free(arena);
                arena = arena_new();
                AnonInput ai = { .opt.lang = LANG_EN, .text = cases[i].in, .len = strlen(cases[i].in) };
                AnonResult *r = NULL;
                CHECK_INTEQ(anon_run(eng, arena, &ai, &r), cases[i].rc, "result of %s", cases[i].in);
        }
        /* a line break between the speakers' lines and CR/LF endings */
        const char *out = run(LANG_EN, "Ubul: What a wife.\r\nNicole: Remember me?\r\n");
        CHECK(!strstr(out, "Ubul") && !strstr(out, "Nicole"), "CR/LF dialogue: %s", out);
        /* the name context ends at a line break: the next line's word is no name */
        CHECK_STREQ(run(LANG_EN, "my name is\nvitoria"), "my name is\nvitoria", "line break");
}

int main(void) {
        if (!engine_open())
                return test_done();
        arena = arena_new();
        check_gone(gone, sizeof(gone) / sizeof(gone[0]));
        check_survive(survive, sizeof(survive) / sizeof(survive[0]));
        test_postnominal();
        test_double_object();
        test_hostile();
        arena_free(arena);
        anon_engine_free(eng);
        return test_done();
}
