/* The writer's grammatical gender, per language: each gendered form must be
 * rewritten into a form that reads the same for any writer, and forms that
 * are not about the writer must stay. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/paths.h"
#include "domain/anonymize/anonymize.h"
#include "test.h"

static AnonEngine *eng;

static char *run(Lang lang, const char *text) {
        static Arena *a;
        arena_free(a);
        a = arena_new();
        AnonInput in = { .opt.lang = lang, .text = text, .len = strlen(text) };
        AnonResult *r;
        return anon_run(eng, a, &in, &r) == 0 ? r->text : NULL;
}

static const struct {
        Lang lang;
        const char *in, *want;
} cases[] = {
        /* Italian */
        { LANG_IT, "Sono laureata in fisica.", "Sono laureato/a in fisica." },
        { LANG_IT, "Sono laureato in fisica.", "Sono laureato/a in fisica." },
        { LANG_IT, "Sono stata assunta nel 2019.", "Sono stato/a assunto/a nel 2019." },
        { LANG_IT, "Sono curiosa e motivata.", "Sono curioso/a e motivato/a." },
        { LANG_IT, "La pizza era buona.", "La pizza era buona." },
        /* Portuguese */
        { LANG_PT, "Sou formada em gestão.", "Sou formado/a em gestão." },
        { LANG_PT, "Sou licenciado em economia.", "Sou licenciado/a em economia." },
        { LANG_PT, "Fui contratada em 2020.", "Fui contratado/a em 2020." },
        /* Polish */
        { LANG_PL, "Pracowałam w banku.", "Pracowałem/łam w banku." },
        { LANG_PL, "Pracowałem w banku.", "Pracowałem/łam w banku." },
        { LANG_PL, "Chciałabym pracować.", "Chciałbym/łabym pracować." },
        { LANG_PL, "Jestem zaangażowana i odpowiedzialna.", "Jestem zaangażowany/a i odpowiedzialny/a." },
        { LANG_PL, "Zespół był duży.", "Zespół był duży." },
        { LANG_PL, "Byłam odpowiedzialna za testy.", "Byłem/łam odpowiedzialny/a za testy." },
        { LANG_PL, "Młodsza programistka, Comarch.", "Młodszy/a programista/ka, Comarch." },
        /* nouns that only end like a past form: the team, the department, the title */
        { LANG_PL, "Kierowałam zespołem i działem IT z tytułem inżyniera. Działam w fundacji.",
          "Kierowałem/łam zespołem i działem IT z tytułem inżyniera. Działam w fundacji." },
        { LANG_PL, "Jestem zmotywowana, komunikatywna i sumienna.",
          "Jestem zmotywowany/a, komunikatywny/a i sumienny/a." },
        { LANG_PL, "Jestem zmotywowana, praca jest ważna.", "Jestem zmotywowany/a, praca jest ważna." },
        /* Romanian */
        { LANG_RO, "Am fost angajată în 2018.", "Am fost angajat/ă în 2018." },
        { LANG_RO, "Am fost angajat în 2018.", "Am fost angajat/ă în 2018." },
        { LANG_RO, "Sunt absolventă de informatică.", "Sunt absolvent/ă de informatică." },
        /* Greek */
        { LANG_EL, "Είμαι υπεύθυνη και οργανωτική.", "Είμαι υπεύθυνος/η και οργανωτικός/ή." },
        { LANG_EL, "Είμαι υπεύθυνος έργων.", "Είμαι υπεύθυνος/η έργων." },
        /* Slovene */
        { LANG_SL, "Diplomirala sem leta 2015.", "Diplomiral/a sem leta 2015." },
        { LANG_SL, "Sem delal v Ljubljani.", "Sem delal/a v Ljubljani." },
        { LANG_SL, "Šola je bila nova.", "Šola je bila nova." },
        /* "bil"/"bila" with "sem" are the writer's; with "je" a third person's */
        { LANG_SL, "Bila sem vodja ekipe. Nisem bila sama.", "Bil/a sem vodja ekipe. Nisem bil/a sama." },
        { LANG_SL, "Sem bil vodja ekipe, šola je bila nova.", "Sem bil/a vodja ekipe, šola je bila nova." },
        { LANG_SL, "Sem motivirana ter natančna.", "Sem motiviran/a ter natančen/natančna." },
        { LANG_SL, "Leta 2019 sem se preselila v Ljubljano in sem si želela izzivov.",
          "Leta 2019 sem se preselil/a v Ljubljano in sem si želel/a izzivov." },
        /* degree titles */
        { LANG_SL, "2017 magistrica inženirka računalništva", "2017 magister/ica inženir/ka računalništva" },
        { LANG_SL, "univerzitetna diplomirana inženirka", "univerzitetni/a diplomiran/a inženir/ka" },
        { LANG_RO, "Licențiată în informatică, 2012.", "Licențiat/ă în informatică, 2012." },
        { LANG_RO, "Sunt doctorandă și motivată.", "Sunt doctorand/ă și motivat/ă." },
        { LANG_SL, "Sem odgovorna in motivirana.", "Sem odgovoren/odgovorna in motiviran/a." },
        { LANG_SL, "Sem zaposlen. Natančna sem.", "Sem zaposlen/a. Natančen/Natančna sem." },
        { LANG_SL, "Sem komunikativna, natančna in zanesljiva.",
          "Sem komunikativen/komunikativna, natančen/natančna in zanesljiv/a." },
        { LANG_IT, "Sono responsabile e organizzata.", "Sono responsabile e organizzato/a." },
        { LANG_IT, "La sottoscritta autorizza il trattamento dei dati.",
          "Il/la sottoscritto/a autorizza il trattamento dei dati." },
        /* English: pronouns and nouns about the writer */
        { LANG_EN, "She led the team and he helped her.", "They led the team and they helped them." },
        /* "he's" is "he is" or "he has": "they're" or "they've", never "they's" */
        { LANG_EN, "He's injured. She's been leading the team. He’s worked at Google. Ask him, he's here.",
          "They're injured. They've been leading the team. They’ve worked at Google. Ask them, they're here." },
        { LANG_EN, "Chairwoman of the board.", "Chairperson of the board." },
        { LANG_EN, "He is a salesman.", "They are a salesperson." },
        { LANG_EN, "As a woman in tech, I mentor others.", "As a person in tech, I mentor others." },
        /* job titles and degrees, both forms, anywhere (a CV heading tells the gender otherwise) */
        { LANG_PT, "Engenheira de dados na Critical Software. Sou programadora.",
          "Engenheiro/a de dados na Critical Software. Sou programador/a." },
        { LANG_IT, "Lavoro come sviluppatrice. Direttore tecnico.", "Lavoro come sviluppatore/trice. Direttore/trice tecnico." },
        { LANG_RO, "Dezvoltatoare software la Endava. Inginer de sistem.",
          "Dezvoltator/oare software la Endava. Inginer/ă de sistem." },
        { LANG_PL, "Pracuję jako programistka i testerka.", "Pracuję jako programista/ka i tester/ka." },
        { LANG_SL, "Delam kot programerka. Študent.", "Delam kot programer/ka. Študent/ka." },
        { LANG_EL, "Είμαι προγραμματίστρια.", "Είμαι προγραμματιστής/τρια." },
        /* a title that is also a name context: rewritten, and the name after it removed */
        { LANG_PT, "Falei com a professora Ludovina ontem.", "Falei com a professor/a Person CJ4 ontem." },
        /* English: the verb agrees with "they"; "her" as an object is "them" */
        { LANG_EN, "She has 5 years of experience and she was promoted.",
          "They have 5 years of experience and they were promoted." },
        { LANG_EN, "He works at Acme. He lives in Rome. She studies law.",
          "They work at Acme. They live in Rome. They study law." },
        { LANG_EN, "She teaches maths. He goes home. She does sports.", "They teach maths. They go home. They do sports." },
        { LANG_EN, "She also manages a team. He currently leads QA. She always says yes.",
          "They also manage a team. They currently lead QA. They always say yes." },
        { LANG_EN, "He doesn't smoke. She isn't here. He wasn't late. She hasn't left.",
          "They don't smoke. They aren't here. They weren't late. They haven't left." },
        { LANG_EN, "He thus left. She can code. He will lead. She led.", "They thus left. They can code. They will lead. They led." },
        { LANG_EN, "Her skills include Python. Her Python skills are good.",
          "Their skills include Python. Their Python skills are good." },
        { LANG_EN, "We gave her the book. I like her. I told her to go. With her, we won.",
          "We gave them the book. I like them. I told them to go. With them, we won." },
};

int main(void) {
        int err;
        eng = anon_engine_new(paths_datadir(), &err);
        CHECK(eng != NULL, "engine loads (%d)", eng ? 0 : err);
        if (!eng)
                return test_done();
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
                CHECK_STREQ(run(cases[i].lang, cases[i].in), cases[i].want, "%s: %s",
                            lang_code(cases[i].lang), cases[i].in);
        anon_engine_free(eng);
        return test_done();
}
