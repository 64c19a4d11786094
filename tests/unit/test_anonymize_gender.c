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
        { LANG_SL, "Sem motivirana ter natančna.", "Sem motiviran/a ter natančen/a." },
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
        /* the masculine tells as much as the feminine; -os and -tor have their own feminines */
        { LANG_RO, "Sunt responsabil și comunicativ.", "Sunt responsabil/ă și comunicativ/ă." },
        { LANG_RO, "Sunt responsabilă și dornică să învăț.", "Sunt responsabil/ă și dornic/ă să învăț." },
        { LANG_RO, "Sunt serioasă și muncitoare.", "Sunt serios/oasă și muncitor/oare." },
        { LANG_RO, "Sunt serios și muncitor.", "Sunt serios/oasă și muncitor/oare." },
        { LANG_RO, "Sunt o persoană creativă. Am fost la Cluj.", "Sunt o persoană creativă. Am fost la Cluj." },
        /* the article and the adjective after the writer's noun tell it too; both genders read the same */
        { LANG_PT, "Sou uma engenheira dedicada.", "Sou um/a engenheiro/a dedicado/a." },
        { LANG_PT, "Sou um engenheiro dedicado.", "Sou um/a engenheiro/a dedicado/a." },
        { LANG_IT, "Sono una programmatrice appassionata.", "Sono un/a programmatore/trice appassionato/a." },
        { LANG_IT, "Sono un programmatore appassionato.", "Sono un/a programmatore/trice appassionato/a." },
        { LANG_RO, "Sunt o programatoare pasionată.", "Sunt un/o programator/oare pasionat/ă." },
        { LANG_RO, "Sunt un programator pasionat.", "Sunt un/o programator/oare pasionat/ă." },
        { LANG_EL, "Είμαι μια προγραμματίστρια.", "Είμαι ένας/μία προγραμματιστής/τρια." },
        { LANG_EL, "Είμαι ένας προγραμματιστής.", "Είμαι ένας/μία προγραμματιστής/τρια." },
        /* an article elsewhere, or before a noun of no gender list, stays */
        { LANG_PT, "Sou uma pessoa dedicada. Trabalho numa empresa, uma startup.",
          "Sou uma pessoa dedicada. Trabalho numa empresa, uma startup." },
        { LANG_IT, "Ho una laurea e sono una persona curiosa.", "Ho una laurea e sono una persona curiosa." },
        { LANG_SL, "Sem odgovorna in motivirana.", "Sem odgovoren/odgovorna in motiviran/a." },
        /* the masculine reads as the feminine does, mobile e or not */
        { LANG_SL, "Sem odgovoren in motiviran.", "Sem odgovoren/odgovorna in motiviran/a." },
        { LANG_SL, "Sem ustvarjalna, samostojna in uspešna.", "Sem ustvarjalen/a, samostojen/a in uspešen/a." },
        { LANG_SL, "Sem ustvarjalen, samostojen in uspešen.", "Sem ustvarjalen/a, samostojen/a in uspešen/a." },
        { LANG_SL, "Sem pripravljena in navdušena.", "Sem pripravljen/a in navdušen/a." },
        { LANG_SL, "Sem pripravljen in navdušen.", "Sem pripravljen/a in navdušen/a." },
        { LANG_SL, "Sem delaven in vesten.", "Sem delaven/delavna in vesten/vestna." },
        { LANG_SL, "Sem zaposlen. Natančna sem.", "Sem zaposlen/a. Natančen/a sem." },
        { LANG_SL, "Sem komunikativna, natančna in zanesljiva.",
          "Sem komunikativen/komunikativna, natančen/a in zanesljiv/a." },
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
        { LANG_EL, "Είμαι μηχανικός λογισμικού και οικονομολόγος.", "Είμαι μηχανικός λογισμικού και οικονομολόγος." },
        { LANG_SL, "Vodila sem ekipo. Projekt je trajal dve leti in uspel.", "Vodil/a sem ekipo. Projekt je trajal dve leti in uspel." },
        { LANG_PL, "Jestem osobą komunikatywną i sumienną.", "Jestem osobą komunikatywną i sumienną." },
        { LANG_EN, "", "" },
        { LANG_EN, "<script>I am female</script>", "<script>I am [gender]</script>" },
        { LANG_EN, "I am a\nwoman of many talents.", "I am a\nwoman of many talents." },
        { LANG_EN, "Female.\r\nBased in Leeds.\r\n", "[gender].\r\nBased in Leeds.\r\n" },
        { LANG_IT, "Sono stato male per due settimane.", "Sono stato/a male per due settimane." }, /* "ill" */
};

/* One sentence as a woman and as a man writes it, in the seven languages:
 * both must come out the same, and changed. */
static const struct {
        Lang lang;
        const char *her, *his;
} pairs[] = {
        { LANG_SL, "Prepričana sem, da bom uspešno prispevala k ekipi.", "Prepričan sem, da bom uspešno prispeval k ekipi." },
        { LANG_SL, "Prijavljam se na delovno mesto razvijalke.", "Prijavljam se na delovno mesto razvijalca." },
        { LANG_PT, "Estou convicta de que posso contribuir e estou satisfeita.",
          "Estou convicto de que posso contribuir e estou satisfeito." },
        { LANG_SL, "Vodila sem ekipo 5 razvijalcev in uvedla avtomatsko testiranje.",
          "Vodil sem ekipo 5 razvijalcev in uvedel avtomatsko testiranje." },
        { LANG_SL, "Sedela sem v pisarni.", "Sedel sem v pisarni." },
        { LANG_PL, "Jestem doświadczoną analityczką danych.", "Jestem doświadczonym analitykiem danych." },
        { LANG_PL, "Byłam zaangażowaną członkinią zespołu.", "Byłem zaangażowanym członkiem zespołu." },
        { LANG_PT, "Fui voluntária na associação. Sou bibliotecária.", "Fui voluntário na associação. Sou bibliotecário." },
        { LANG_IT, "Volontaria presso CoderDojo dal 2018.", "Volontario presso CoderDojo dal 2018." },
        { LANG_SL, "Vodila sem ekipo 6 razvijalcev in skrajšala čas uvajanja za 40 %.",
          "Vodil sem ekipo 6 razvijalcev in skrajšal čas uvajanja za 40 %." },
        { LANG_SL, "Rada bi delala v mednarodni ekipi.", "Rad bi delal v mednarodni ekipi." }, /* "Rada" is no name here */
        { LANG_EL, "Είμαι υπεύθυνη μηχανικός λογισμικού.", "Είμαι υπεύθυνος μηχανικός λογισμικού." },
        { LANG_IT, "Ingegnera informatica con 5 anni di esperienza.", "Ingegnere informatico con 5 anni di esperienza." },
        { LANG_PT, "Engenheira informática sénior.\nLisboa", "Engenheiro informático sénior.\nLisboa" },
        { LANG_EN, "She is a backend developer with five years of experience.", "He is a backend developer with five years of experience." },
        { LANG_EN, "She has led a team of four. Her main skills are Python and Go.", "He has led a team of four. His main skills are Python and Go." },
        { LANG_EN, "I am a proud mother of two.", "I am a proud father of two." },
        { LANG_EN, "Chairwoman of the student union.", "Chairman of the student union." },
        { LANG_IT, "Sono laureata in informatica.", "Sono laureato in informatica." },
        { LANG_IT, "Mi sono laureata nel 2015.", "Mi sono laureato nel 2015." },
        { LANG_IT, "Sono stata responsabile del team.", "Sono stato responsabile del team." },
        { LANG_IT, "Sono una sviluppatrice esperta.", "Sono uno sviluppatore esperto." },
        { LANG_IT, "Sono interessata a ruoli backend.", "Sono interessato a ruoli backend." },
        { LANG_IT, "Sono nata a Roma.", "Sono nato a Roma." },
        { LANG_IT, "Sono stata assunta come analista.", "Sono stato assunto come analista." },
        { LANG_IT, "Mi sono trasferita a Milano.", "Mi sono trasferito a Milano." },
        { LANG_IT, "Sono molto motivata e curiosa.", "Sono molto motivato e curioso." },
        { LANG_IT, "Sono certificata AWS.", "Sono certificato AWS." },
        { LANG_PT, "Sou licenciada em Engenharia Informática.", "Sou licenciado em Engenharia Informática." },
        { LANG_PT, "Fui responsável pela equipa e fui promovida.", "Fui responsável pela equipa e fui promovido." },
        { LANG_PT, "Estou interessada em funções de backend.", "Estou interessado em funções de backend." },
        { LANG_PT, "Sou uma programadora experiente.", "Sou um programador experiente." },
        { LANG_PT, "Fui contratada como analista.", "Fui contratado como analista." },
        { LANG_PT, "Sou formada em Matemática.", "Sou formado em Matemática." },
        { LANG_PT, "Sou proativa, organizada e dedicada.", "Sou proativo, organizado e dedicado." },
        { LANG_PT, "Estou muito motivada.", "Estou muito motivado." },
        { LANG_PT, "Sou certificada em Scrum.", "Sou certificado em Scrum." },
        { LANG_PT, "Engenheira de software com 5 anos de experiência.", "Engenheiro de software com 5 anos de experiência." },
        { LANG_PL, "Pracowałam jako analityczka.", "Pracowałem jako analityk." },
        { LANG_PL, "Jestem absolwentką informatyki.", "Jestem absolwentem informatyki." },
        { LANG_PL, "Byłam odpowiedzialna za testy.", "Byłem odpowiedzialny za testy." },
        { LANG_PL, "Jestem zmotywowana i sumienna.", "Jestem zmotywowany i sumienny." },
        { LANG_PL, "Ukończyłam studia w 2015 roku.", "Ukończyłem studia w 2015 roku." },
        { LANG_PL, "Jestem programistką z 5-letnim doświadczeniem.", "Jestem programistą z 5-letnim doświadczeniem." },
        { LANG_PL, "Chciałabym rozwijać się w IT.", "Chciałbym rozwijać się w IT." },
        { LANG_PL, "Jestem gotowa do pracy zdalnej.", "Jestem gotowy do pracy zdalnej." },
        { LANG_PL, "Jestem bardzo komunikatywna.", "Jestem bardzo komunikatywny." },
        { LANG_RO, "Sunt absolventă de informatică.", "Sunt absolvent de informatică." },
        { LANG_RO, "Am fost angajată ca analist.", "Am fost angajat ca analist." },
        { LANG_RO, "Sunt interesată de roluri backend.", "Sunt interesat de roluri backend." },
        { LANG_RO, "Am fost promovată în 2019.", "Am fost promovat în 2019." },
        { LANG_RO, "Sunt licențiată în matematică.", "Sunt licențiat în matematică." },
        { LANG_RO, "Sunt foarte motivată și serioasă.", "Sunt foarte motivat și serios." },
        { LANG_RO, "Sunt certificată AWS.", "Sunt certificat AWS." },
        { LANG_RO, "Sunt dezvoltatoare cu 5 ani de experiență.", "Sunt dezvoltator cu 5 ani de experiență." },
        { LANG_RO, "Sunt pregătită pentru muncă la distanță.", "Sunt pregătit pentru muncă la distanță." },
        { LANG_EL, "Είμαι απόφοιτη πληροφορικής.", "Είμαι απόφοιτος πληροφορικής." },
        { LANG_EL, "Είμαι υπεύθυνη και οργανωμένη.", "Είμαι υπεύθυνος και οργανωμένος." },
        { LANG_EL, "Ήμουν υπεύθυνη της ομάδας.", "Ήμουν υπεύθυνος της ομάδας." },
        { LANG_EL, "Είμαι προγραμματίστρια με 5 χρόνια εμπειρία.", "Είμαι προγραμματιστής με 5 χρόνια εμπειρία." },
        { LANG_EL, "Είμαι πολύ ενθουσιασμένη.", "Είμαι πολύ ενθουσιασμένος." },
        { LANG_EL, "Είμαι πιστοποιημένη στο AWS.", "Είμαι πιστοποιημένος στο AWS." },
        { LANG_EL, "Είμαι διαθέσιμη για εργασία.", "Είμαι διαθέσιμος για εργασία." },
        { LANG_SL, "Diplomirala sem leta 2015.", "Diplomiral sem leta 2015." },
        { LANG_SL, "Sem odgovorna in natančna.", "Sem odgovoren in natančen." },
        { LANG_SL, "Delala sem kot razvijalka.", "Delal sem kot razvijalec." },
        { LANG_SL, "Sem zelo motivirana.", "Sem zelo motiviran." },
        { LANG_SL, "Bila sem vodja ekipe.", "Bil sem vodja ekipe." },
        { LANG_SL, "Sem certificirana za AWS.", "Sem certificiran za AWS." },
        { LANG_SL, "Zaposlena sem kot analitičarka.", "Zaposlen sem kot analitik." },
        { LANG_SL, "Želela bi delati na daljavo.", "Želel bi delati na daljavo." },
        { LANG_SL, "Sem pripravljena na izzive.", "Sem pripravljen na izzive." },
        { LANG_SL, "Študirala sem računalništvo.", "Študiral sem računalništvo." },
        { LANG_IT, "Nel 2019 sono diventata team leader.", "Nel 2019 sono diventato team leader." },
        { LANG_IT, "Mi considero una persona affidabile e sono abituata a lavorare in team.", "Mi considero una persona affidabile e sono abituato a lavorare in team." },
        { LANG_IT, "Sono appassionata di cybersecurity.", "Sono appassionato di cybersecurity." },
        { LANG_IT, "Ero coinvolta nel progetto.", "Ero coinvolto nel progetto." },
        { LANG_IT, "Dottoressa in Informatica.", "Dottore in Informatica." },
        { LANG_PT, "Sou apaixonada por tecnologia.", "Sou apaixonado por tecnologia." },
        { LANG_PT, "Estive envolvida no projeto.", "Estive envolvido no projeto." },
        { LANG_PT, "Sou uma profissional dedicada.", "Sou um profissional dedicado." },
        { LANG_PL, "Byłam zaangażowana w projekt.", "Byłem zaangażowany w projekt." },
        { LANG_PL, "Jestem pasjonatką cyberbezpieczeństwa.", "Jestem pasjonatem cyberbezpieczeństwa." },
        { LANG_PL, "Prowadziłam zespół czterech osób.", "Prowadziłem zespół czterech osób." },
        { LANG_PL, "Jestem otwarta na nowe wyzwania.", "Jestem otwarty na nowe wyzwania." },
        { LANG_PL, "Byłam pierwsza na roku.", "Byłem pierwszy na roku." },
        { LANG_RO, "Am fost implicată în proiect.", "Am fost implicat în proiect." },
        { LANG_RO, "Sunt pasionată de securitate cibernetică.", "Sunt pasionat de securitate cibernetică." },
        { LANG_RO, "Sunt deschisă la provocări noi.", "Sunt deschis la provocări noi." },
        { LANG_RO, "Sunt ingineră software.", "Sunt inginer software." },
        { LANG_EL, "Είμαι παθιασμένη με την τεχνολογία.", "Είμαι παθιασμένος με την τεχνολογία." },
        { LANG_EL, "Είμαι ανοιχτή σε νέες προκλήσεις.", "Είμαι ανοιχτός σε νέες προκλήσεις." },
        { LANG_EL, "Είμαι μηχανικός λογισμικού και ήμουν υπεύθυνη έργου.", "Είμαι μηχανικός λογισμικού και ήμουν υπεύθυνος έργου." },
        { LANG_SL, "Bila sem vključena v projekt.", "Bil sem vključen v projekt." },
        { LANG_SL, "Sem navdušena nad tehnologijo.", "Sem navdušen nad tehnologijo." },
        { LANG_SL, "Vodila sem ekipo štirih ljudi.", "Vodil sem ekipo štirih ljudi." },
        { LANG_SL, "Sem odprta za nove izzive.", "Sem odprt za nove izzive." },
        { LANG_SL, "Sem inženirka programske opreme.", "Sem inženir programske opreme." },
        { LANG_SL, "Rada imam izzive.", "Rad imam izzive." },
        /* job titles as a CV's headline */
        { LANG_IT, "Dottoressa\n", "Dottore\n" },
        { LANG_IT, "Formatrice\n", "Formatore\n" },
        { LANG_IT, "Traduttrice\n", "Traduttore\n" },
        { LANG_IT, "Architetta\n", "Architetto\n" },
        { LANG_IT, "Amministratrice\n", "Amministratore\n" },
        { LANG_IT, "Collaboratrice\n", "Collaboratore\n" },
        { LANG_IT, "Operatrice\n", "Operatore\n" },
        { LANG_IT, "Educatrice\n", "Educatore\n" },
        { LANG_IT, "Laureanda\n", "Laureando\n" },
        { LANG_IT, "Dottoranda\n", "Dottorando\n" },
        { LANG_PT, "Programadora\n", "Programador\n" },
        { LANG_PT, "Engenheira\n", "Engenheiro\n" },
        { LANG_PT, "Consultora\n", "Consultor\n" },
        { LANG_PT, "Formadora\n", "Formador\n" },
        { LANG_PT, "Tradutora\n", "Tradutor\n" },
        { LANG_PT, "Professora\n", "Professor\n" },
        { LANG_PT, "Diretora\n", "Diretor\n" },
        { LANG_PT, "Coordenadora\n", "Coordenador\n" },
        { LANG_PT, "Investigadora\n", "Investigador\n" },
        { LANG_PT, "Estagiária\n", "Estagiário\n" },
        { LANG_PT, "Gestora\n", "Gestor\n" },
        { LANG_PT, "Arquiteta\n", "Arquiteto\n" },
        { LANG_PT, "Administradora\n", "Administrador\n" },
        { LANG_PT, "Doutoranda\n", "Doutorando\n" },
        { LANG_PT, "Mestranda\n", "Mestrando\n" },
        { LANG_PT, "Licenciada\n", "Licenciado\n" },
        { LANG_PL, "Programistka\n", "Programista\n" },
        { LANG_PL, "Inżynierka\n", "Inżynier\n" },
        { LANG_PL, "Specjalistka\n", "Specjalista\n" },
        { LANG_PL, "Konsultantka\n", "Konsultant\n" },
        { LANG_PL, "Kierowniczka\n", "Kierownik\n" },
        { LANG_PL, "Tłumaczka\n", "Tłumacz\n" },
        { LANG_PL, "Nauczycielka\n", "Nauczyciel\n" },
        { LANG_PL, "Praktykantka\n", "Praktykant\n" },
        { LANG_PL, "Stażystka\n", "Stażysta\n" },
        { LANG_PL, "Doktorantka\n", "Doktorant\n" },
        { LANG_PL, "Trenerka\n", "Trener\n" },
        { LANG_PL, "Liderka\n", "Lider\n" },
        { LANG_PL, "Menedżerka\n", "Menedżer\n" },
        { LANG_PL, "Projektantka\n", "Projektant\n" },
        { LANG_PL, "Informatyczka\n", "Informatyk\n" },
        { LANG_RO, "Programatoare\n", "Programator\n" },
        { LANG_RO, "Ingineră\n", "Inginer\n" },
        { LANG_RO, "Consultantă\n", "Consultant\n" },
        { LANG_RO, "Directoare\n", "Director\n" },
        { LANG_RO, "Profesoară\n", "Profesor\n" },
        { LANG_RO, "Traducătoare\n", "Traducător\n" },
        { LANG_RO, "Stagiară\n", "Stagiar\n" },
        { LANG_RO, "Analistă\n", "Analist\n" },
        { LANG_RO, "Cercetătoare\n", "Cercetător\n" },
        { LANG_RO, "Dezvoltatoare\n", "Dezvoltator\n" },
        { LANG_RO, "Designeră\n", "Designer\n" },
        { LANG_RO, "Manageră\n", "Manager\n" },
        { LANG_RO, "Doctorandă\n", "Doctorand\n" },
        { LANG_RO, "Studentă\n", "Student\n" },
        { LANG_RO, "Absolventă\n", "Absolvent\n" },
        { LANG_EL, "Προγραμματίστρια\n", "Προγραμματιστής\n" },
        { LANG_EL, "Αναλύτρια\n", "Αναλυτής\n" },
        { LANG_EL, "Ερευνήτρια\n", "Ερευνητής\n" },
        { LANG_EL, "Διευθύντρια\n", "Διευθυντής\n" },
        { LANG_EL, "Καθηγήτρια\n", "Καθηγητής\n" },
        { LANG_EL, "Μεταφράστρια\n", "Μεταφραστής\n" },
        { LANG_EL, "Συντονίστρια\n", "Συντονιστής\n" },
        { LANG_EL, "Φοιτήτρια\n", "Φοιτητής\n" },
        { LANG_EL, "Υποψήφια διδάκτορας\n", "Υποψήφιος διδάκτορας\n" },
        { LANG_EL, "Σχεδιάστρια\n", "Σχεδιαστής\n" },
        { LANG_EL, "Ασκούμενη\n", "Ασκούμενος\n" },
        { LANG_SL, "Programerka\n", "Programer\n" },
        { LANG_SL, "Inženirka\n", "Inženir\n" },
        { LANG_SL, "Razvijalka\n", "Razvijalec\n" },
        { LANG_SL, "Svetovalka\n", "Svetovalec\n" },
        { LANG_SL, "Prevajalka\n", "Prevajalec\n" },
        { LANG_SL, "Učiteljica\n", "Učitelj\n" },
        { LANG_SL, "Analitičarka\n", "Analitik\n" },
        { LANG_SL, "Oblikovalka\n", "Oblikovalec\n" },
        { LANG_SL, "Raziskovalka\n", "Raziskovalec\n" },
        { LANG_SL, "Direktorica\n", "Direktor\n" },
        { LANG_SL, "Študentka\n", "Študent\n" },
        { LANG_SL, "Pripravnica\n", "Pripravnik\n" },
        { LANG_SL, "Asistentka\n", "Asistent\n" },
        { LANG_SL, "Magistrica\n", "Magister\n" },
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
        for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
                char *her = run(pairs[i].lang, pairs[i].her);
                her = her ? strdup(her) : NULL; /* run() frees the last result on its next call */
                const char *his = run(pairs[i].lang, pairs[i].his);
                CHECK(her && his && !strcmp(her, his) && strcmp(her, pairs[i].her) && strcmp(his, pairs[i].his),
                      "%s: \"%s\" and \"%s\" read the same: \"%s\" and \"%s\"", lang_code(pairs[i].lang),
                      pairs[i].her, pairs[i].his, her ? her : "(error)", his ? his : "(error)");
                free(her);
        }
        CHECK(run(LANG_EN, "I am a \xff woman.") == NULL, "invalid UTF-8 before a gender noun is rejected");
        anon_engine_free(eng);
        return test_done();
}
