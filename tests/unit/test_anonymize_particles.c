/* Particles inside names and compound surnames, in every language: a
 * capitalised particle between a given name and a capitalised word
 * ("Marco Di Pasquale", "Fatima Zahra El Amrani"), lower-case ones
 * ("João dos Santos"), listed compound surnames alone ("con Di Maio") or
 * first ("Di Pasquale Marco"), each one person with nothing left; and the
 * things that must survive ("La Rosa dei Venti", "Di Marzio Srl", "La
 * Sapienza", "Ion Popescu la Cluj", a particle alone or starting a
 * sentence). */
#include <string.h>

#include "core/paths.h"
#include "domain/anonymize/anonymize.h"
#include "anon_fixture.h"
#include "test.h"

/* A text, the words that stay and go, and how many people it names (the
 * pseudonyms in the output: one name is one pseudonym, "Candidate X Di
 * Person Y" is two). */
typedef struct ParticleCase {
        KeptGone kg;
        int people;
} ParticleCase;

static const ParticleCase cases[] = {
        /* Italian: capitalised particles after a given name, lists in capitals */
        { { LANG_IT, "Ciao.\nIeri ho incontrato Marco Di Pasquale in ufficio.", { "ho incontrato ", " in ufficio." },
            { "Pasquale", "Di ", "Marco" } }, 1 },
        { { LANG_IT, "Ciao.\nLettera di Francesca Di Maio.", { "Lettera di " }, { "Francesca", "Maio", " Di " } }, 1 },
        { { LANG_IT, "Ciao.\nIeri ho incontrato Sara Lo Bianco.", { "ho incontrato " }, { "Sara", "Bianco", "Lo " } }, 1 },
        { { LANG_IT, "Ciao.\nIeri ho incontrato MARCO DI PASQUALE in ufficio.", { " in ufficio." },
            { "MARCO", "DI ", "PASQUALE" } }, 1 },
        /* a listed compound surname alone inside a sentence, or before the given name */
        { { LANG_IT, "Ciao.\nHo parlato con Di Pasquale ieri. Poi con La Rosa.", { "Ho parlato con ", " ieri." },
            { "Pasquale", "Di ", "Rosa", "La " } }, 2 },
        { { LANG_IT, "Ciao.\nHanno firmato Di Pasquale Marco e Rossi Anna.", { "Hanno firmato " },
            { "Pasquale", "Marco", "Di ", "Rossi" } }, 2 },
        { { LANG_IT, "Ciao.\nDi Maio ha detto di no.", { " ha detto di no." }, { "Maio", "Di " } }, 1 },
        /* a particle starting a sentence is a preposition; "La" an article of a thing's name */
        { { LANG_IT, "Ciao.\nDa Marco Rossi ho imparato molto.", { "Da ", " ho imparato" }, { "Rossi" } }, 1 },
        { { LANG_IT, "Ciao.\nHo studiato a La Sapienza. La Torre di Pisa è alta.", { "La Sapienza", "La Torre di Pisa" },
            { NULL } }, 0 },
        /* Portuguese: lower-case and capitalised particles */
        { { LANG_PT, "Olá.\nTrabalhei com Paulo da Silva, João dos Santos e Maria do Carmo.", { "Trabalhei com " },
            { "Silva", "Santos", " dos ", "Carmo" } }, 3 },
        { { LANG_PT, "Olá.\nFalei ontem com Ana Paula Do Nascimento.", { "Falei ontem com " }, { "Nascimento", "Do " } },
          1 },
        /* "de a Silva", "de os Santos": "da", "dos" written apart; "a" alone is no particle */
        { { LANG_PT, "Olá.\nEu conheci Adriano Herculano de a Silva e António José de os Santos.", { "Eu conheci " },
            { "Silva", "Santos", " de a ", " de os " } }, 2 },
        { { LANG_PT, "Olá.\nApresentei Ana a Maria. Foi o Dia de as Mães.", { " a ", "Dia de as Mães" }, { NULL } }, 2 },
        /* a preposition between a word in no list and a given name: "Lettera di Francesca" */
        { { LANG_PT, "Olá.\nUma Lembrança de Maria Santos chegou.", { "Uma Lembrança de " }, { "Maria", "Santos" } }, 1 },
        /* English: names of any origin in a reference list */
        { { LANG_EN, "Hi.\nReferences: Fatima Zahra El Amrani, Mohammed Al-Hassan.", { "References: " },
            { "Amrani", "El ", "Hassan", "Al-" } }, 2 },
        { { LANG_EN, "Hi.\nMy mentor was Anna Maria De Luca; before that Paulo da Silva and João dos Santos.",
            { "My mentor was " }, { "Luca", "De ", "João", "dos " } }, 3 },
        { { LANG_EN, "Hi.\nReferees: Hans van der Berg, Maria von Trapp, Juan de la Cruz, Pedro del Río.",
            { "Referees: " }, { "Berg", "Trapp", "Cruz", "Río" } }, 4 },
        { { LANG_EN, "Hi.\nReferees: Liam Mac Giolla, Mohammed bin Salman, Ahmed El-Sayed.", { "Referees: " },
            { "Giolla", "Mac ", "Salman", "Sayed" } }, 3 },
        /* "Le", "Li", "Do" at the end of a name are surnames, not particles */
        { { LANG_EN, "Hi.\nI worked with Anna Le and Wei Li. Kim Do helped.", { "I worked with ", " helped." },
            { "Le ", "Li.", "Do " } }, 3 },
        /* a listed compound surname starting a sentence, of a person named before */
        { { LANG_IT, "Ciao.\nHo lavorato con Marco Di Pasquale. Di Pasquale ha guidato il team.", { " ha guidato" },
            { "Pasquale", "Di " } }, 2 },
        /* a hyphenated prefix, alone after the full name */
        { { LANG_EN, "Hi.\nThanks to Nour El-Sayed and Abd al-Rahman. El-Sayed left.", { "Thanks to ", " left." },
            { "Sayed", "El-", "Rahman", "al-" } }, 3 },
        /* lower-case particles after an honorific */
        { { LANG_EN, "Hi.\nI spoke to Mrs. van der Berg and Mr. De Luca.", { "I spoke to " }, { "Berg", "van der", "Luca" } },
          2 },
        { { LANG_PT, "Olá.\nFalei com a Sra. dos Santos e o Sr. da Silva.", { "Falei com a " }, { "Santos", "dos", "Silva" } },
          2 },
        { { LANG_IT, "Ciao.\nHo scritto al Sig. de Santis.", { "Ho scritto al " }, { "Santis", "de " } }, 1 },
        /* a particle of a name seen earlier is nobody alone */
        { { LANG_EN, "Hi.\nMarco Di Pasquale wrote. Later Di arrived.", { "Later Di arrived." }, { "Pasquale" } }, 1 },
        /* Romanian: "la" is "at", not a particle; "de la" inside a name */
        { { LANG_RO, "Salut.\nAm lucrat cu Fatima Zahra El Amrani și cu Hans van der Berg.", { "Am lucrat cu " },
            { "Amrani", "El ", "Berg", "van der" } }, 2 },
        { { LANG_RO, "Salut.\nIon Popescu la Cluj a lucrat.", { "la Cluj a lucrat." }, { "Popescu" } }, 1 },
        /* Polish: "do" is "to"; Slovene: "da" is "that" */
        { { LANG_PL, "Cześć.\nPracowałem z Marco Di Pasquale w Krakowie.", { " w Krakowie." }, { "Pasquale", "Di " } },
          1 },
        { { LANG_PL, "Cześć.\nWysłałem Jana Kowalskiego do Krakowa.", { "do Krakowa." }, { "Kowalskiego" } }, 1 },
        { { LANG_SL, "Živjo.\nMoj mentor je bil Marco Di Pasquale.", { "Moj mentor je bil " }, { "Pasquale", "Di " } },
          1 },
        { { LANG_SL, "Živjo.\nRekla je Ana Novak da Marko ni prišel.", { " da " }, { "Novak", "Marko" } }, 2 },
        /* Greek: foreign names in Latin script */
        { { LANG_EL, "Γεια.\nΣυνεργάστηκα με τον Marco Di Pasquale και την Fatima Zahra El Amrani.",
            { "Συνεργάστηκα με τον " }, { "Pasquale", "Di ", "Amrani", "El " } }, 2 },
};

/* Texts that must come out unchanged: things named with a particle or a
 * compound surname, particles alone. */
static const char *const survive[][2] = {
        { "it", "Ciao.\nAbbiamo cenato a La Rosa dei Venti ieri sera." },
        { "it", "La Rosa dei Venti è un ristorante." },
        { "it", "Ciao.\nHo lavorato per Di Marzio Srl a Napoli." },
        { "it", "Ciao.\nLo Stato deve pagare. La Sapienza è a Roma." },
        { "it", "Di solito lavoro da solo. La parola Di è corta." },
        { "en", "Hi.\nI read The Da Vinci Code and visited the Van Gogh Museum." },
        { "en", "Hi.\nI studied at De Montfort University and watched Al Jazeera." },
        { "en", "Hi.\nI shopped at El Corte Inglés in Madrid." },
        { "en", "Hi.\nI live on Dos Passos Street, near the Van Gogh Museum." },
        { "it", "La Rosa è un ristorante. La Torre è alta." },
        { "en", "Hi.\nThe words Di, La and El are short." },
        { "pt", "Olá.\nDo outro lado, Da mesma forma." },
        { "pt", "Olá.\nA Casa de Maria é um restaurante." },
        { "ro", "Salut.\nLa mulți ani! De la Cluj la Iași." },
};

/* Pseudonyms in out: "Person X", "Candidate X", "Referee X". */
static int pseudonyms(const char *out) {
        static const char *const roles[] = { "Person ", "Candidate ", "Referee " };
        int n = 0;
        for (size_t r = 0; r < sizeof(roles) / sizeof(*roles); r++)
                for (const char *p = strstr(out, roles[r]); p; p = strstr(p + 1, roles[r]))
                        n++;
        return n;
}

static void test_people(void) {
        for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
                check_kept_gone(&cases[i].kg, 1);
                const char *out = run(cases[i].kg.lang, cases[i].kg.in);
                CHECK_INTEQ(pseudonyms(out), cases[i].people, "people in %s", out);
        }
}

/* Hostile input around particles: empty, a particle alone, particles only,
 * CR/LF between a particle and the name, markup, invalid UTF-8. Nothing
 * crashes and no particle alone is taken. */
static void test_hostile(void) {
        static const char *const in[] = {
                "", "Di", "Di La Lo Dos", "de la", "Marco Di", "Marco Di\r\nPasquale", "<script>Di Maio</script>",
                "Di Di Di Di Di Di Di Di Di Di Di Di",
        };
        for (size_t i = 0; i < sizeof(in) / sizeof(*in); i++) {
                const char *out = run(LANG_IT, in[i]);
                CHECK(strcmp(out, "(error)") != 0, "runs: %s", in[i]);
        }
        CHECK_STREQ(run(LANG_IT, "Di La Lo Dos"), "Di La Lo Dos", "particles alone stay");
        CHECK_STREQ(run(LANG_IT, "Di Di Di Di Di Di Di Di Di Di Di Di"), "Di Di Di Di Di Di Di Di Di Di Di Di",
                    "a row of particles stays");
        CHECK_STREQ(run(LANG_IT, "Marco Di \xff\xfe Pasquale"), "(error)", "invalid UTF-8 is refused");
        /* markup around the name stays, the name goes whole */
        static const KeptGone markup[] = {
                { LANG_IT, "<script>Di Maio</script>", { "<script>", "</script>" }, { "Maio", "Di " } },
                { LANG_IT, "Ciao. Ho visto <b>Marco Di Pasquale</b> ieri.", { "<b>", "</b> ieri." }, { "Di ", "Pasquale" } },
        };
        check_kept_gone(markup, sizeof(markup) / sizeof(*markup));
        /* a line break ends the name: "Pasquale" starts the next line */
        const char *out = run(LANG_IT, "Ciao.\nHo visto Marco Di\nPasquale Rossi ieri.");
        CHECK(strstr(out, "Marco") == NULL, "Marco removed: %s", out);
}

int main(void) {
        if (!engine_open())
                return 1;
        test_people();
        check_survive(survive, sizeof(survive) / sizeof(*survive));
        test_hostile();
        arena_free(arena);
        anon_engine_free(eng);
        return test_done();
}
