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
        { LANG_EN, "I was the only woman in the team.", "I was the only [gender] in the team." },
        /* Italian */
        { LANG_IT, "Sono l'unica donna del team.", "Sono [gender] del team." },
        { LANG_IT, "Lei è stata la prima donna a vincere.", "Lei è stata la prima donna a vincere." },
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
        /* l-participles with a mobile e: both forms written out; -eti verbs keep their e */
        { LANG_SL, "V Ljubljano sem prišla leta 2019.", "V Ljubljano sem prišel/prišla leta 2019." },
        { LANG_SL, "Sem prišel iz Maribora.", "Sem prišel/prišla iz Maribora." },
        { LANG_SL, "Rekla sem, da bom mogla. Šla sem naprej.",
          "Rekel/Rekla sem, da bom mogel/mogla. Šel/Šla sem naprej." },
        { LANG_SL, "Sem pekel kruh. Sem prinesla rešitev.", "Sem pekel/pekla kruh. Sem prinesel/prinesla rešitev." },
        { LANG_SL, "Sem videla priložnost in sem prevzela vodenje.",
          "Sem videl/a priložnost in sem prevzel/a vodenje." },
        { LANG_SL, "Kolegica je rekla, da je šla domov.", "Kolegica je rekla, da je šla domov." },
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

/* Gender nouns (lexicon kind "gendernoun"): removed about the writer, after
 * a cue of the writer, in "as a woman", as a field's value or as a clause
 * of their own; kept about someone else or a topic. */
static const struct {
        Lang lang;
        const char *in, *want;
} nouns[] = {
        /* English: what goes */
        { LANG_EN, "I am a woman engineer with 5 years of experience.", "I am a [gender] engineer with 5 years of experience." },
        { LANG_EN, "I'm a 34-year-old man from Leeds.", "I'm a [age] [gender] from Leeds." },
        { LANG_EN, "I am female.", "I am [gender]." },
        { LANG_EN, "I identify as non-binary.", "I identify as [gender]." },
        { LANG_EN, "I am the only woman in my team.", "I am the only [gender] in my team." },
        { LANG_EN, "Being female in tech is not easy.", "Being [gender] in tech is not easy." },
        { LANG_EN, "As a woman in tech, I mentor others.", "As a person in tech, I mentor others." },
        { LANG_EN, "As a female engineer, I mentor others.", "As a [gender] engineer, I mentor others." },
        { LANG_EN, "Gender: female", "Gender: [gender]" },
        { LANG_EN, "Female. Based in Lisbon.", "[gender]. Based in Lisbon." },
        { LANG_EN, "Male, 29, Leeds.", "[gender], 29, Leeds." },
        { LANG_EN, "16-01-1991  Indian  Male  English, Hindi\n", "16-01-1991  Indian  [gender]  English, Hindi\n" },
        { LANG_EN, "Aided a 20 y.o. male with severe physical disabilities.",
          "Aided a 20 y.o. male with severe physical disabilities." },
        { LANG_EN, "Procedures, male and female adult urology.", "Procedures, male and female adult urology." },
        { LANG_EN, "I am a trans woman.", "I am a [gender]." },
        /* English: what stays */
        { LANG_EN, "Organised workshops for women in STEM.", "Organised workshops for women in STEM." },
        { LANG_EN, "Ran a mentoring programme for girls.", "Ran a mentoring programme for girls." },
        { LANG_EN, "Lead of the female founders programme.", "Lead of the female founders programme." },
        { LANG_EN, "Ten years in a male-dominated industry.", "Ten years in a male-dominated industry." },
        { LANG_EN, "I am working with a female colleague.", "I am working with a female colleague." },
        { LANG_EN, "I am a big fan of women in tech.", "I am a big fan of women in tech." },
        { LANG_EN, "I'm a woman's rights advocate.", "I'm a woman's rights advocate." },
        { LANG_EN, "Man, that was hard work.", "Man, that was hard work." },
        /* Italian */
        { LANG_IT, "Sono una giovane donna motivata.", "Sono [gender] motivato/a." },
        { LANG_IT, "Sono donna e ingegnera.", "Sono [gender] e ingegnere/a." },
        { LANG_IT, "Come donna nel settore, ho fondato un gruppo.", "Come persona nel settore, ho fondato un gruppo." },
        { LANG_IT, "In quanto donna, conosco il problema.", "In quanto persona, conosco il problema." },
        { LANG_IT, "Sesso: femmina", "Sesso: [gender]" },
        { LANG_IT, "Donna, 34 anni.", "[gender], 34 anni." },
        { LANG_IT, "Fu la prima donna a vincere il premio.", "Fu la prima donna a vincere il premio." },
        { LANG_IT, "Donna che ha cambiato la storia.", "Donna che ha cambiato la storia." },
        { LANG_IT, "Laboratori per donne e ragazze.", "Laboratori per donne e ragazze." },
        /* Portuguese */
        { LANG_PT, "Sou mulher.", "Sou [gender]." },
        { LANG_PT, "Sou uma mulher determinada.", "Sou [gender] determinado/a." },
        { LANG_PT, "Como mulher na tecnologia, fundei uma associação.", "Como pessoa na tecnologia, fundei uma associação." },
        { LANG_PT, "Mulher, 34 anos, Lisboa.", "[gender], 34 anos, Lisboa." },
        { LANG_PT, "Fui a única mulher da equipa.", "Fui [gender] da equipa." },
        { LANG_PT, "Ele foi o homem que construiu um império.", "Ele foi o homem que construiu um império." },
        { LANG_PT, "A mulher de o candidato falou ontem.", "A mulher de o candidato falou ontem." },
        { LANG_PT, "Treinadora da equipa de futebol feminino.", "Treinadora da equipa de futebol feminino." },
        /* Polish */
        { LANG_PL, "Jestem kobietą.", "Jestem [gender]." },
        { LANG_PL, "Jestem młodą kobietą z pasją.", "Jestem [gender] z pasją." },
        { LANG_PL, "Jestem osobą niebinarną.", "Jestem [gender]." },
        { LANG_PL, "Jako kobieta w IT prowadzę warsztaty.", "Jako osoba w IT prowadzę warsztaty." },
        { LANG_PL, "Kobieta, 34 lata.", "[gender], 34 lata." },
        { LANG_PL, "Byłam jedyną kobietą w zespole.", "Byłem/łam [gender] w zespole." },
        { LANG_PL, "Ten mężczyzna zbudował firmę.", "Ten mężczyzna zbudował firmę." },
        { LANG_PL, "Kobieta, która zmieniła świat.", "Kobieta, która zmieniła świat." },
        /* Romanian */
        { LANG_RO, "Sunt femeie.", "Sunt [gender]." },
        { LANG_RO, "Sunt o femeie de 30 de ani.", "Sunt [gender] de 30 de ani." },
        { LANG_RO, "Ca femeie în IT, am fondat o asociație.", "Ca persoană în IT, am fondat o asociație." },
        { LANG_RO, "Sex: feminin", "Sex: [gender]" },
        { LANG_RO, "Am fost singura femeie din echipă.", "Am fost [gender] din echipă." },
        { LANG_RO, "Ea a fost prima femeie ministru.", "Ea a fost prima femeie ministru." },
        { LANG_RO, "Sunt o tânără femeie dedicată.", "Sunt [gender] dedicat/ă." },
        { LANG_RO, "Acea femeie a construit o firmă.", "Acea femeie a construit o firmă." },
        { LANG_RO, "Echipa de fotbal feminin.", "Echipa de fotbal feminin." },
        /* Greek */
        { LANG_EL, "Είμαι γυναίκα.", "Είμαι [gender]." },
        { LANG_EL, "Είμαι μια νέα γυναίκα.", "Είμαι [gender]." },
        { LANG_EL, "Ως γυναίκα στην τεχνολογία, ίδρυσα μια ομάδα.", "Ως άτομο στην τεχνολογία, ίδρυσα μια ομάδα." },
        { LANG_EL, "Φύλο: θήλυ", "Φύλο: [gender]" },
        { LANG_EL, "Ήμουν η μόνη γυναίκα στην ομάδα.", "Ήμουν [gender] στην ομάδα." },
        { LANG_EL, "Η γυναίκα που έχτισε την εταιρεία.", "Η γυναίκα που έχτισε την εταιρεία." },
        /* Slovene */
        { LANG_SL, "Sem ženska.", "Sem [gender]." },
        { LANG_SL, "Ženska sem in inženirka.", "[gender] sem in inženir/ka." },
        { LANG_SL, "Kot ženska v IT sem ustanovila skupino.", "Kot oseba v IT sem ustanovil/a skupino." },
        { LANG_SL, "Moški, 34 let.", "[gender], 34 let." },
        { LANG_SL, "Sem edina ženska v ekipi.", "Sem [gender] v ekipi." },
        { LANG_SL, "Ta ženska je zgradila podjetje.", "Ta ženska je zgradila podjetje." },
        { LANG_SL, "Delavnice za ženske in dekleta.", "Delavnice za ženske in dekleta." },
        /* hostile: empty, markup, a line break between the cue and the noun */
        { LANG_EN, "", "" },
        { LANG_EN, "<script>I am female</script>", "<script>I am [gender]</script>" },
        { LANG_EN, "I am a\nwoman of many talents.", "I am a\nwoman of many talents." },
        { LANG_EN, "Female.\r\nBased in Leeds.\r\n", "[gender].\r\nBased in Leeds.\r\n" },
        { LANG_IT, "Sono stato male per due settimane.", "Sono stato/a male per due settimane." }, /* "ill" */
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
        for (size_t i = 0; i < sizeof(nouns) / sizeof(nouns[0]); i++)
                CHECK_STREQ(run(nouns[i].lang, nouns[i].in), nouns[i].want, "%s: %s", lang_code(nouns[i].lang),
                            nouns[i].in);
        CHECK(run(LANG_EN, "I am a \xff woman.") == NULL, "invalid UTF-8 before a gender noun is rejected");
        anon_engine_free(eng);
        return test_done();
}
