/* Words that must survive in running text, and the names around them
 * that must not: sentence-initial pronouns, demonstratives, auxiliaries
 * and adverbs of every language; Romanian nouns in the genitive after a
 * role ("președintele Senatului") and nouns with the article before a
 * verb of saying ("Tradiția spune"). */
#include <string.h>

#include "core/paths.h"
#include "domain/anonymize/anonymize.h"
#include "anon_fixture.h"
#include "test.h"

static const KeptGone cases[] = {
        { LANG_RO, "Acesta a subliniat faptul că planul e bun.", { "Acesta" }, { NULL } },
        { LANG_RO, "Potrivit raportului, au murit zece oameni.", { "Potrivit" }, { NULL } },
        { LANG_RO, "Premierul Marii Britanii, Theresa May, a discutat ieri.", { "Marii Britanii" }, { "Theresa" } },
        { LANG_RO, "Președintele Austriei, Heinz Fischer, a declarat ieri.", { "Austriei" }, { "Fischer" } },
        { LANG_RO, "S-a întâlnit cu ministrul Agriculturii și cu fermierii.", { "Agriculturii" }, { NULL } },
        { LANG_RO, "Mesajul a fost trimis președintelui Camerei Deputaților.", { "Camerei Deputaților" }, { NULL } },
        { LANG_RO, "Am citit o carte veche. Tradiția spune că Graalul ar fi o cupă.", { "Tradiția" }, { NULL } },
        { LANG_RO, "A cumpărat moșia de la prințul Barbu Știrbei în 1890.", { NULL }, { "Știrbei" } },
        { LANG_RO, "I-am scris Mariei Popescu ieri.", { NULL }, { "Mariei", "Popescu" } },
        { LANG_RO, "Mandatul lui Vulpescu și al Urdăreanului a expirat.", { NULL }, { "Vulpescu", "Urdărean" } },
        { LANG_PT, "Ele afirmou que o plano é bom.", { "Ele" }, { NULL } },
        { LANG_PT, "Era uma época difícil. Está em estudo no ministério.", { "Era", "Está" }, { NULL } },
        { LANG_PT, "Segundo o relatório, Ana Silva saiu.", { "Segundo" }, { "Silva" } },
        /* a greeting that folds to a given name ("Ola") */
        { LANG_PT, "Olá, chamo-me Ana Silva e trabalhei com Ola Nordmann.", { "Olá, chamo-me" }, { "Silva", "Ola " } },
        /* a sentence may start inside typographic quotes, brackets or after a dash */
        { LANG_PT, "Disse ontem. «Esta é a altura ideal», e saiu. (Era tarde.)\n— Ora, bem.", { "Esta", "Era", "Ora" },
          { NULL } },
        { LANG_IT, "Questo è il piano. Secondo il rapporto, Marco Rossi è partito.", { "Questo", "Secondo" }, { "Rossi" } },
        { LANG_PL, "Według raportu plan jest dobry. Wczoraj Jan Kowalski wyjechał.", { "Według", "Wczoraj" },
          { "Kowalski" } },
        { LANG_EL, "Αυτός είναι ο πρώτος. Σήμερα ο Γιώργος Παπαδόπουλος έφυγε.", { "Αυτός", "Σήμερα" },
          { "Παπαδόπουλος" } },
        { LANG_SL, "Vendar je načrt dober. Včeraj je Janez Novak odšel.", { "Vendar", "Včeraj" }, { "Novak" } },
        { LANG_EN, "However, the plan is good. Yesterday Anna Smith left.", { "However", "Yesterday" }, { "Smith" } },
        /* a list of surnames that is one company's name */
        { LANG_EN, "Hi.\nThe Davis, Reynolds and Williamson Orchestra was founded in 1990.",
          { "Davis, Reynolds and Williamson" }, { NULL } },
        { LANG_EN, "Hi.\nLopez, Santos and Coleman is a design agency.", { "Lopez, Santos and Coleman" }, { NULL } },
        { LANG_EN, "Hi.\nI worked at Baker, Norton and Price Ltd for two years.", { "Baker, Norton and Price" }, { NULL } },
        { LANG_IT, "Ciao.\nRossi, Bianchi e Verdi è uno studio legale.", { "Rossi, Bianchi e Verdi" }, { NULL } },
        { LANG_EN, "Hi.\nKónya, Becker and Vasquez are engineers.", { NULL }, { "Kónya", "Vasquez" } },
        { LANG_EN, "Hi.\nI met Kónya, Becker and Vasquez yesterday.", { NULL }, { "Becker", "Vasquez" } },
        /* a street named after a person, with its house number or street type */
        { LANG_EN, "Hi.\nHe lives on the north side of Joaquin Suarez 2906.", { "[address]" }, { "Suarez" } },
        { LANG_EN, "Hi.\nSend it to Victor Hugo u. 49 | Budapest", { "[address]", "Budapest" }, { "Hugo" } },
        { LANG_EN, "Hi.\nShe lives at 1317 Kimberly Way, London.", { "[address]" }, { "Kimberly" } },
        { LANG_EN, "Hi.\nWrite to P.O. Box 2211, Springfield.", { "[address]", "Springfield" }, { "2211" } },
        { LANG_EN, "Hi.\nI met Anna Smith 3 times in 2019.", { "3 times" }, { "Smith" } },
        { LANG_EN, "Hi.\nAnna Smith 2019 was a good year.", { "2019" }, { "Smith" } },
        /* a person named again in full, with a given name in no list, in a flattened layout */
        { LANG_EN, "The report by Mosciski is good.\nI help students.    Trina Mosciski    Page 2 of 2",
          { "Page 2 of 2" }, { "Trina", "Mosciski" } },
        { LANG_EN, "Maria Schmidt wrote this. Later Schmidt left.", { "Later" }, { "Schmidt" } },
        /* a company or institution word after the words makes them its name; contractions */
        { LANG_EN, "Hi.\nDuring 1980, Nera Economic Consulting invested heavily.", { "Nera Economic Consulting" }, { NULL } },
        { LANG_EN, "Hi.\nShe studied at Johns Hopkins University and met Anna Kowalski there.",
          { "Johns Hopkins University" }, { "Kowalski" } },
        /* a company word inside the run wins over a given name and a label; a
         * short lower-case one ("Sa", an initial that folds to "è") does not */
        { LANG_EN, "Hi.\nClient: Atlas Corp\nWe worked for Atlas Corp in 2020 with Anna Kowalski.", { "Atlas Corp" },
          { "Kowalski" } },
        { LANG_IT, "Ciao.\nCliente: Marco Srl. Referente: Katie E Miles.", { "Marco Srl" }, { "Miles" } },
        { LANG_RO, "În august, Excelența Sa Martin Roos a vizitat orașul.", { NULL }, { "Roos" } },
        { LANG_RO, "Din 2019 lucrez la Atlas SA în Iași.", { "Atlas SA" }, { NULL } },
        { LANG_RO, "A lucrat ca directorul general ADR Nord-Est între 2019 și 2021.", { "directorul general" },
          { NULL } },
        { LANG_EN, "Hi.\nI DON'T KNOW WHAT TO DO. She isn't Here.", { "DON'T KNOW", "Here" }, { NULL } },
        /* a contraction stays itself where later rules look for names (a vocative, a quote, a
         * given name "Don" elsewhere in the text) */
        { LANG_EN, "Hi.\nDon Rossi called. \"Don't feed me,\" says Anna Kowalski. Don't go to town, Mark!",
          { "Don't feed", "Don't go" }, { "Kowalski" } },
        /* ages in running text */
        { LANG_EN, "Hi.\nMy brother just turned 60. I am 23 years old.", { "[age]" }, { "60", "23" } },
        { LANG_EN, "Hi.\nMy father retired at the age of 61.", { "[age]" }, { "61" } },
        { LANG_EN, "Hi.\nMy birthday is on Sunday. I'll turn 23. Written when she was 64. Turn 90 degrees.",
          { "[age]", "Turn 90 degrees" }, { "23", "64" } },
        { LANG_EN, "Hi.\nTurn 3 pages. The road turns 90 degrees at 12.", { "3 pages", "90 degrees", "12" }, { NULL } },
        { LANG_IT, "Ciao.\nÈ andato in pensione all'età di 61 anni. Ho compiuto 45 anni.", { "[age]" }, { "61", "45" } },
        { LANG_PT, "Olá.\nFiz 30 anos ontem e aos 18 anos saí de casa.", { "[age]" }, { "30", "18" } },
        { LANG_RO, "Salut.\nAm împlinit 40 de ani ieri; la vârsta de 18 ani am plecat.", { "[age]" }, { "40", "18" } },
        { LANG_PL, "Cześć.\nSkończyłam 30 lat w maju.", { "[age]" }, { "30" } },
        { LANG_SL, "Živjo.\nPri 18 letih sem odšel, lani sem dopolnil 40 let.", { "[age]" }, { "18", "40" } },
        { LANG_EL, "Γεια.\nΣε ηλικία 18 ετών έφυγα.", { "[age]" }, { "18" } },
        /* years of work next to an age phrase stay: a reviewer needs them */
        { LANG_IT, "Ciao.\nHo 5 anni di esperienza in Java e un'esperienza di 3 anni nel settore. Ho 34 anni.",
          { "Ho 5 anni di esperienza", "di 3 anni nel", "[age]" }, { "34" } },
        { LANG_PT, "Olá.\nTenho 5 anos de experiência. Programador com 10 anos de carreira. Com 30 anos, mudei.",
          { "Tenho 5 anos de", "com 10 anos de carreira" }, { "30" } },
        { LANG_PL, "Cześć.\nMam 5 lat doświadczenia. Mam 34 lata.", { "Mam 5 lat doświadczenia" }, { "34" } },
        { LANG_RO, "Salut.\nAm 5 ani de experiență. Am 34 de ani.", { "Am 5 ani de experiență" }, { "34" } },
        { LANG_SL, "Živjo.\nImam 5 let delovnih izkušenj. Imam 34 let.", { "Imam 5 let delovnih" }, { "34" } },
        /* a name after the head word of an institution's or a place's name is its name */
        { LANG_RO, "Salut.\nA studiat la Universitatea „Lucian Blaga” din Sibiu cu Ion Popescu.", { "Lucian Blaga" },
          { "Popescu" } },
        { LANG_RO, "Salut.\nElevele de la Liceul \"Nikolaus Lenau\" au câștigat. Le-a pregătit Maria Ionescu.",
          { "Nikolaus Lenau" }, { "Ionescu" } },
        /* a name that is a whole quotation names a work, a hall or an institution */
        { LANG_RO, "Salut.\nSala audio-video „George Enescu” este închisă. A vorbit Ion Popescu.", { "George Enescu" },
          { "Popescu" } },
        { LANG_EN, "Hi.\nWe sang \"Erna\" with Anna Kowalski.", { "\"Erna\"" }, { "Kowalski" } },
        { LANG_RO, "Salut.\nUniversitatea din Iași „Alexandru Ioan Cuza” are un rector nou.", { "Alexandru Ioan Cuza" },
          { NULL } },
        { LANG_PT, "Olá.\nO novo horário do Mercado de Manuel Firmino desagradou a Ana Silva.", { "Manuel Firmino" },
          { "Silva" } },
        /* the article after the particle, as treebanks split "do" */
        { LANG_PT, "Olá.\nQuer restaurar a Casa de o Nuno com Ana Silva.", { "Casa de o Nuno" }, { "Silva" } },
        { LANG_IT, "Ciao.\nHa studiato al Liceo Galileo Galilei con Marco Rossi.", { "Galileo Galilei" }, { "Rossi" } },
        { LANG_PL, "Cześć.\nPracuje w Szpitalu im. Jana Pawła z Janem Kowalskim.", { "Jana Pawła" }, { "Kowalskim" } },
        { LANG_SL, "Živjo.\nŠola Ivana Cankarja je stara. Tam uči Janez Novak.", { "Ivana Cankarja" }, { "Novak" } },
        { LANG_SL, "Živjo.\nRaziskovalka na Institutu Jožef Stefan, z Janezom Novakom.", { "Institutu Jožef Stefan" }, { "Novakom" } },
        { LANG_EL, "Γεια.\nΤο Ίδρυμα Σταύρος Νιάρχος χρηματοδότησε το έργο του Γιώργου Παπαδόπουλου.",
          { "Σταύρος Νιάρχος" }, { "Παπαδόπουλου" } },
        { LANG_PT, "Olá.\nO torneio em Nova York reúne Ana Silva e outras.", { "Nova York" }, { "Silva" } },
        /* a place adjective after the name ends a place's name; an enumeration after a noun of places */
        { LANG_RO, "Salut.\nAm deschis unități în Baia Mare, Satu Mare și Cluj cu Ion Popescu.", { "Baia", "Satu" },
          { "Popescu" } },
        { LANG_RO, "Salut.\nAu aderat județele Alba, Argeș, Bihor și Timiș, a spus Ion Popescu.", { "Alba", "Bihor" },
          { "Popescu" } },
        { LANG_PT, "Olá.\nNasceu em Vila Nova de Famalicão e estudou com Ana Silva.", { "Vila Nova" }, { "Silva" } },
        { LANG_PL, "Cześć.\nWola Wielka to wieś, gdzie mieszka Jan Kowalski.", { "Wola Wielka" }, { "Kowalski" } },
        { LANG_PT, "Olá.\nVisitou o distrito de Braga, de António Pedras.", { NULL }, { "Pedras" } },
        /* a noun of a company, a team, a ship or a work right before the name: its name */
        { LANG_PT, "Olá.\nA corretora Antonio Delapieve foi multada, disse Ana Silva.", { "Antonio Delapieve" },
          { "Silva" } },
        { LANG_RO, "Salut.\nA jucat în filmul Maria alături de Ion Popescu.", { "Maria" }, { "Popescu" } },
        { LANG_RO, "Salut.\nAlături de articolul directorului ziarului Georges Clemenceau.", { NULL }, { "Clemenceau" } },
        { LANG_IT, "Ciao.\nHa fondato la band Marta sul Tubo con Marco Rossi.", { "Marta" }, { "Rossi" } },
        { LANG_PL, "Cześć.\nWczoraj statek Maria wypłynął z portu z Janem Kowalskim.", { "Maria" }, { "Kowalskim" } },
        { LANG_SL, "Živjo.\nVčeraj je ladja Marija odplula z Janezom Novakom.", { "Marija" }, { "Novakom" } },
        { LANG_EL, "Γεια.\nΤο πλοίο Μαρία έφυγε με τον Γιώργο Παπαδόπουλο.", { "Μαρία" }, { "Παπαδόπουλο" } },
        /* the head word is looked for ANON_PLACE_BACK words back, no further */
        { LANG_RO, "Salut.\nUniversitatea Bună Frumoasă Albastră Verde Ion Popescu a vorbit.", { "Popescu" }, { NULL } },
        { LANG_RO, "Salut.\nUniversitatea Bună Frumoasă Albastră Verde Galbenă Ion Popescu a vorbit.", { NULL },
          { "Popescu" } },
        /* not across a comma or another conjunction after a capitalised head */
        { LANG_RO, "Salut.\nGuvernul și Ion Popescu au semnat.", { "Guvernul" }, { "Popescu" } },
        { LANG_PT, "Olá.\nNa Universidade, Ana Silva ensina.", { "Universidade" }, { "Silva" } },
        /* a street word or a noun of a settlement before the name, in any case */
        { LANG_RO, "Salut.\nLucrările pe străzile Hector și Eminescu continuă, a spus Ion Popescu.",
          { "Hector", "Eminescu" }, { "Popescu" } },
        { LANG_RO, "Salut.\nCirculați spre comuna Traian Vuia, apoi la dreapta.", { "Traian Vuia" }, { NULL } },
        { LANG_RO, "Salut.\nVirați la Bd. Regele Ferdinand.", { "Ferdinand" }, { NULL } },
        { LANG_PT, "Olá.\nMora na rua Augusto Nobre com Ana Silva.", { "Augusto Nobre" }, { "Silva" } },
        { LANG_IT, "Ciao.\nAbita in via Giuseppe Verdi con Marco Rossi.", { "Giuseppe Verdi" }, { "Rossi" } },
        { LANG_PL, "Cześć.\nMieszka przy ulicy Adama Mickiewicza z Janem Kowalskim.", { "Adama Mickiewicza" },
          { "Kowalskim" } },
        { LANG_SL, "Živjo.\nŽivi na ulici Ivana Cankarja z Janezom Novakom.", { "Ivana Cankarja" }, { "Novakom" } },
        { LANG_EL, "Γεια.\nΜένει στην οδό Γεωργίου Παπανδρέου με τον Νίκο Παπαδόπουλο.", { "Γεωργίου Παπανδρέου" },
          { "Παπαδόπουλο" } },
        /* a lone listed name after a preposition of place is a place, unless it was a person's */
        { LANG_PT, "Olá.\nA reunião começou ontem em Roma, disse Ana Silva.", { "Roma" }, { "Silva" } },
        { LANG_PT, "Olá.\nAna Roma chegou cedo. Pensei em Roma ontem.", { NULL }, { "Roma" } },
        { LANG_RO, "Salut.\nMeciul a avut loc în Israel, a spus Ion Popescu.", { "Israel" }, { "Popescu" } },
        { LANG_IT, "Ciao.\nLa riunione si è tenuta in Florida con Marco Rossi.", { "Florida" }, { "Rossi" } },
        { LANG_PL, "Cześć.\nMieszkał w Orlando, a Jan Kowalski w Krakowie.", { "Orlando" }, { "Kowalski" } },
        { LANG_RO, "Salut.\nS-a mutat la Odessa cu Ion Popescu.", { "Odessa" }, { "Popescu" } },
        { LANG_RO, "Salut.\nA primit o scrisoare de la Popescu ieri.", { NULL }, { "Popescu" } },
        { LANG_RO, "Salut.\nLocuiește în județul Caraș-Severin cu Ion Popescu.", { "Caraș-Severin" }, { "Popescu" } },
        /* countries and regions that are also names: never a name alone */
        { LANG_PT, "Olá.\nVisitei Braga e Coimbra com Ana Silva.", { "Braga" }, { "Silva" } },
        { LANG_PT, "Olá.\nO escritor Teófilo Braga nasceu nos Açores.", { NULL }, { "Braga" } },
        /* after a title an acronym, after a verb of saying a noun with the article, is no person */
        { LANG_RO, "Salut.\nPreședintele UDMR speră că Ion Popescu va veni.", { "UDMR" }, { "Popescu" } },
        { LANG_RO, "Salut.\nRaportul a fost publicat, a anunțat Pentagonul ieri.", { "Pentagonul" }, { NULL } },
        { LANG_RO, "Salut.\nAșa a declarat Paul ieri.", { NULL }, { "Paul" } },
        { LANG_PT, "Olá.\nO plano é bom, disse FHC ontem.", { NULL }, { "FHC" } },
        /* an honorific takes the name on its line only */
        { LANG_RO, "Așa zice Domnul.\nImportanța geometriei e mare.", { "Importanța" }, { NULL } },
        { LANG_RO, "Salut.\nCu ocazia sărbătorilor de Crăciun, Ion Popescu a plecat.", { "Crăciun" }, { "Popescu" } },
        /* a name in apposition to a role noun, in no name list: after its complement and a comma */
        { LANG_PT, "Olá.\nO ministro de a Fazenda, Zorvan Quextil, disse que sim.", { "ministro de a Fazenda," },
          { "Zorvan", "Quextil" } },
        { LANG_PT, "Olá.\nO partido apresentou seu presidente, Zorvan Quextil, como candidato.",
          { "seu presidente,", "como candidato" }, { "Quextil" } },
        { LANG_PT, "Olá.\nOs jogadores de o técnico, Zorvan Quextil (Holanda), saíram.", { "(Holanda)" }, { "Quextil" } },
        { LANG_PT, "Olá.\nOs presidentes de a Lituânia, Zorvan Quextil, e de a Ucrânia falaram.", { "Lituânia" },
          { "Quextil" } },
        { LANG_RO, "Salut.\nMinistrul Finanțelor, Zorvan Quextil, a declarat ieri.", { "Ministrul Finanțelor," },
          { "Zorvan", "Quextil" } },
        { LANG_RO, "Salut.\nMinistrul bulgar pentru afaceri europene, Zorvan Quextil, a declarat.", { "europene" },
          { "Quextil" } },
        { LANG_RO, "Salut.\nA venit și starețul mânăstirii, Zorvan Quextil și alții.", { "mânăstirii" }, { "Quextil" } },
        { LANG_RO, "Salut.\nMinistrul ucrainean al Industriei energetice și a Cărbunelui, Zorvan Quextil, a spus.",
          { "Cărbunelui" }, { "Quextil" } },
        { LANG_RO, "Salut.\nFiica lor, Zorvan, a fost soția lui.", { "Fiica lor" }, { "Zorvan" } },
        /* ANON_APPOS_GAP tokens of complement, no more */
        { LANG_PT, "Olá.\nO candidato de o PSDB a o governo de o Ceará, Zorvan Quextil, votou.", { "Zorvan Quextil" },
          { NULL } },
        { LANG_IT, "Ciao.\nIl ministro della Difesa, Zorvan Quextil, ha detto di no.", { "Difesa" }, { "Quextil" } },
        { LANG_IT, "Ciao.\nL'allenatore della Juventus, Zorvan Quextil, ha detto di no.", { "Juventus" },
          { "Quextil" } },
        { LANG_PT, "Olá.\nA professora de a turma, Zorvan Quextil, votou.", { "turma" }, { "Quextil" } },
        { LANG_PT, "Olá.\nSou professora de inglês, Zorvan Quextil, e Java.", { "Zorvan Quextil" }, { NULL } },
        { LANG_EN, "Hi.\nThe president of the club, Zorvan Quextil, said no.", { "of the club," }, { "Quextil" } },
        /* not an organisation, an acronym, a place or a word alone in no list; not after a
         * clause, without a role noun, without a determiner, nor before a verb */
        { LANG_PT, "Olá.\nO presidente de a empresa, Petrobras, disse ontem.", { "Petrobras" }, { NULL } },
        { LANG_PT, "Olá.\nO presidente de a empresa, PETROBRAS CORP, disse ontem.", { "PETROBRAS CORP" }, { NULL } },
        { LANG_PT, "Olá.\nO presidente de a empresa, Quextil Consulting, disse ontem.", { "Quextil Consulting" },
          { NULL } },
        { LANG_PT, "Olá.\nA capital de o país, Zorvan Quextil, cresce.", { "Zorvan Quextil" }, { NULL } },
        { LANG_PT, "Olá.\nO governador de o estado, Ceará, votou.", { "Ceará" }, { NULL } },
        { LANG_PT, "Olá.\nO presidente visitou ontem a nova fábrica de a empresa, Zorvan Quextil, e saiu.",
          { "Zorvan Quextil" }, { NULL } },
        { LANG_PT, "Olá.\nO ministro de a Fazenda, Zorvan Quextil aprovou o plano.", { "Zorvan Quextil" }, { NULL } },
        { LANG_EN, "Hi.\nAt noon he called, Zorvan Quextil, and left.", { "Zorvan Quextil" }, { NULL } },
        /* role nouns of news before a name in no list; an adjective after one is no name */
        { LANG_PT, "Olá.\nPepe espera que o centroavante Zorvan renove.", { "centroavante" }, { "Zorvan" } },
        { LANG_PT, "Olá.\nViajou com a bailarina Zorvan Quextil e outros.", { "bailarina" }, { "Zorvan", "Quextil" } },
        { LANG_PT, "Olá.\nVoltou o bom volante eslovênio Quextil.", { "eslovênio" }, { "Quextil" } },
        { LANG_RO, "Salut.\nSelecționerul Quextil a vorbit cu vulcanologul Zorvan.", { "Selecționerul", "vulcanologul" },
          { "Quextil", "Zorvan" } },
        { LANG_RO, "Salut.\nA fost de acord, a adăugat parlamentarul român.", { "parlamentarul român" }, { NULL } },
        /* a capitalised job title heading a CV's line, a title in quotes: no name after it */
        { LANG_PT, "Ana Silva\nJornalista Freelancer (2019-2021)\nEngenheiro Civil na Quextil", { "Freelancer", "Civil" },
          { "Silva" } },
        { LANG_PT, "Olá.\nO gibi «Sargento Rock» foi filmado.", { "Rock" }, { NULL } },
        { LANG_EN, "Hi.\nTools: Avid Media Composer Pro Tools\nTeam: Assistant detective  Private Security",
          { "Composer Pro Tools", "Private Security" }, { NULL } },
        { LANG_PT, "Olá.\nSegundo Zorvan Quextil, estão em estudo.", { "Segundo" }, { "Quextil" } },
        /* a name with its role noun after a comma; not a team, a place nor a title-case field */
        { LANG_PT, "Olá.\nZorvan Quextil, o chefe de a diplomacia, saiu.", { "o chefe" }, { "Zorvan", "Quextil" } },
        { LANG_RO, "Salut.\nL-a sunat Zorvan Quextil, șeful poliției.", { "șeful poliției" }, { "Quextil" } },
        { LANG_EN, "Hi.\nWe met Zorvan Quextil, the president of the club.", { "the president" }, { "Quextil" } },
        { LANG_PT, "Olá.\nFlamengo, o líder de o campeonato, venceu.", { "Flamengo" }, { NULL } },
        { LANG_PT, "Olá.\nVotaram em Zorvan Quextil, o presidente de o partido.", { "Zorvan Quextil" }, { NULL } },
        { LANG_EN, "Hi.\nStudent Council, President (2015-2016)", { "Student Council" }, { NULL } },
        /* role nouns of the other languages, in the case the name takes after them */
        { LANG_IT, "Ciao.\nHa segnato l'attaccante Zorvan Quextil.", { "attaccante" }, { "Zorvan", "Quextil" } },
        { LANG_EN, "Hi.\nThe striker Zorvan Quextil scored twice.", { "striker" }, { "Quextil" } },
        { LANG_PL, "Cześć.\nRozmawiał z reżyserem Zorvanem Quextilem.", { "reżyserem" }, { "Quextilem" } },
        { LANG_SL, "Živjo.\nKnjigo je napisal pisatelj Zorvan Quextil.", { "pisatelj" }, { "Quextil" } },
        { LANG_EL, "Γεια.\nΜίλησε ο προπονητής Ζόρβαν Κουέξτιλ χθες.", { "προπονητής" }, { "Κουέξτιλ" } },
        /* a Polish sports or office noun before a genitive is no role noun of the list */
        { LANG_PL, "Cześć.\nPiłkarz Legii strzelił gola, a prezes Zarządu milczał.", { "Legii", "Zarządu" }, { NULL } },
        /* verbs of news whose subject is a person; a country before one stays */
        { LANG_PT, "Olá.\nO jogo acabou. Quextil aconselha o lateral a sair.", { "aconselha" }, { "Quextil" } },
        { LANG_PT, "Olá.\nO jogo acabou. A Quextil criticou o lateral.", { "Quextil" }, { NULL } },
        { LANG_RO, "Salut.\nȘedința a început. Quextil a protestat, iar Marea Britanie a cerut ajutor.",
          { "Marea Britanie" }, { "Quextil" } },
        { LANG_RO, "Salut.\nȘedința a început. Guvernul a cerut ajutor de la PSD.", { "Guvernul" }, { NULL } },
};

/* The new stop words never make a detected language worse: plain English
 * with "to", "on", "my", "so" stays English. */
static void test_detection(void) {
        static const char *const en[] = {
                "I went to the office on Monday and my manager said so.",
                "Ten people came to the meeting; we talked on and on.",
        };
        for (size_t i = 0; i < sizeof(en) / sizeof(*en); i++) {
                AnonInput in = { .opt.lang_auto = true, .text = en[i], .len = strlen(en[i]) };
                AnonResult *r = run_in(&in);
                CHECK(r && r->lang == LANG_EN, "detected English: %s", en[i]);
        }
}

int main(void) {
        if (!engine_open())
                return 1;
        check_kept_gone(cases, sizeof(cases) / sizeof(cases[0]));
        test_detection();
        arena_free(arena);
        anon_engine_free(eng);
        return test_done();
}
