/* The anonymiser's name rules that do not rely on one list (initials,
 * particles, titles, names of any country, every mention of a name found
 * once), the text that must survive them, and dates of jobs and degrees
 * written as durations in all seven languages. */
#include <stdlib.h>
#include <string.h>

#include "core/embed.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "domain/anonymize/anonymize.h"
#include "anon_fixture.h"
#include "test.h"

extern const EmbeddedFile td_catalogues[];

/* CV mode: the first person named is the writer. */
static const char *run_cv(Lang lang, const char *text) {
        AnonInput in = { .opt.lang = lang, .opt.first_name_is_candidate = true, .text = text,
                         .len = strlen(text) };
        AnonResult *r = run_in(&in);
        return r ? r->text : "(error)";
}

/* Every listed word must be gone from the output. */
static const struct {
        Lang lang;
        const char *in;
        const char *gone[3];
} names[] = {
        { LANG_EN, "The verses are from Faina D. Yefremova today.", { "Faina", "Yefremova" } },
        { LANG_EN, "Have you been to a Szabina J Gelencsér concert?", { "Szabina", "Gelencsér" } },
        { LANG_EN, "It was arranged by Bonifacy Kaczmarek in 1977.", { "Bonifacy", "Kaczmarek" } },
        { LANG_EN, "Please correct it to Dr. Cettina Fanucci soon.", { "Cettina", "Fanucci" } },
        { LANG_EN, "I worked for Waldemar de Brito and Maria van der Berg.", { "Waldemar", "Brito", "Berg" } },
        { LANG_EN, "I met Alvir D. Pušaver in May. Later Pušaver left.", { "Alvir", "Pušaver" } },
        { LANG_RO, "Vizita lui Bismarck la Berlin.", { "Bismarck" } },
        { LANG_RO, "Ne-am adresat domnului Adrian Bodo ieri.", { "Adrian", "Bodo" } },
        { LANG_PT, "O deputado Aloizio Mercadante falou ontem.", { "Aloizio", "Mercadante" } },
        { LANG_PT, "Segundo Conceição, o caso continua.", { "Conceição" } },
        { LANG_IT, "Secondo Gianfranco Zola la squadra è pronta.", { "Gianfranco", "Zola" } },
        { LANG_PL, "Według Bonifacego Nowaka projekt jest gotowy.", { "Nowak" } },
        { LANG_SL, "Profesor Janez Novak je dejal, da je res.", { "Janez", "Novak" } },
        { LANG_EL, "Ο καθηγητής Γιώργος Παπαδόπουλος μίλησε.", { "Γιώργος", "Παπαδόπουλος" } },
        { LANG_EN, "Referee: Prof. Imre Szabó, Budapest", { "Imre", "Szabó" } },
        { LANG_EN, "Contact\nJeff O'Kon  19217 Kennemer Drive", { "Jeff", "Kon" } },
        { LANG_EN, "Contact\nMaria D’Amore, Rome", { "Maria", "Amore" } },
        { LANG_EN, "Cell: 555 0100    Shelli Genaro Kuvalis    Rosharon, TX", { "Shelli", "Kuvalis" } },
        { LANG_EN, "What's your last name? Magnusson", { "Magnusson" } },
        { LANG_PT, "Nicolau diz que hoje o produtor ganha menos.", { "Nicolau" } },
        { LANG_RO, "Dorgon a răspuns decisiv la cerere.", { "Dorgon" } },
        { LANG_EN, "Then Beresford said no. Later Beresford left.", { "Beresford" } },
        /* a given name that is also a word or an abbreviation, alone on its line */
        { LANG_EN, "REFERENCES\nJan Kowalski\nSkills: SQL", { "Jan", "Kowalski" } },
        { LANG_EN, "Summary\r\n  Mark Nowak  \r\nDeveloper", { "Mark", "Nowak" } },
};

/* CV mode: the writer's name on the line after a heading ("CV", an
 * acronym, "PROFILE", a blank line between), given names that are also
 * common words or abbreviations ("Jan", "May", "Mark") included. */
static const struct {
        Lang lang;
        const char *in, *gone[2], *kept;
} cv_headers[] = {
        { LANG_EN, "CV\nJan Kowalski\nSkills: SQL\n", { "Jan", "Kowalski" }, "Skills: SQL" },
        { LANG_EN, "ABC\nJan Kowalski\n", { "Jan", "Kowalski" }, "ABC" },
        { LANG_EN, "CV\n\nJan Kowalski\n", { "Jan", "Kowalski" }, "CV" },
        { LANG_EN, "CV\nJan Nowak\n", { "Jan", "Nowak" }, "CV" },
        { LANG_EN, "CV\r\nMay Lee\r\n", { "May", "Lee" }, "CV" },
        { LANG_EN, "PROFILE\nMark Evans\n", { "Mark", "Evans" }, "PROFILE" },
        { LANG_EN, "CURRICULUM VITAE\nMay Lee\nDeveloper", { "May", "Lee" }, "Developer" },
        { LANG_EN, "CV\nIT\nJan Kowalski\n", { "Jan", "Kowalski" }, "IT" },
        /* ANON_HEADING_MAX_LINES (2) heading lines; "Zorblat" is in no list */
        { LANG_EN, "CV\nQA\nMay Zorblat\n", { "May", "Zorblat" }, "QA" },
        { LANG_EN, "Jan Kowalski\nSkills: SQL\n", { "Jan", "Kowalski" }, "Skills: SQL" },
        { LANG_EN, "Resume\nJan Kowalski\n", { "Jan", "Kowalski" }, "Resume" },
        { LANG_EN, "CV\nPiotr Kowalski\n", { "Piotr", "Kowalski" }, "CV" },
        { LANG_PL, "ŻYCIORYS\nJan Kowalski\n", { "Jan", "Kowalski" }, "ŻYCIORYS" },
        { LANG_PL, "CV\nMaj Kowalska\nUmiejętności: SQL", { "Maj", "Kowalska" }, "SQL" },
        { LANG_IT, "CURRICULUM\nGiovanni Rossi\n", { "Giovanni", "Rossi" }, "CURRICULUM" },
        /* a section heading on the first line is no name (it used to become the candidate) */
        { LANG_EN, "PERSONAL DETAILS\nMaria Rossi\n", { "Maria", "Rossi" }, "PERSONAL DETAILS" },
        { LANG_EN, "Personal Information\nMaria Rossi\n", { "Maria", "Rossi" }, "Personal Information" },
        { LANG_IT, "DATI PERSONALI\nMaria Rossi\n", { "Maria", "Rossi" }, "DATI PERSONALI" },
        { LANG_PT, "DADOS PESSOAIS\nMaria Rossi\n", { "Maria", "Rossi" }, "DADOS PESSOAIS" },
        { LANG_PL, "DANE OSOBOWE\nMaria Rossi\n", { "Maria", "Rossi" }, "DANE OSOBOWE" },
        { LANG_RO, "DATE PERSONALE\nMaria Rossi\n", { "Maria", "Rossi" }, "DATE PERSONALE" },
        { LANG_SL, "OSEBNI PODATKI\nMaria Rossi\n", { "Maria", "Rossi" }, "OSEBNI PODATKI" },
        { LANG_EL, "ΒΙΟΓΡΑΦΙΚΟ ΣΗΜΕΙΩΜΑ\nΜΑΡΙΑ ΠΑΠΑΔΟΠΟΥΛΟΥ\n", { "ΜΑΡΙΑ", "ΠΑΠΑΔ" }, "ΒΙΟΓΡΑΦΙΚΟ ΣΗΜΕΙΩΜΑ" },
        { LANG_EL, "Προσωπικά Στοιχεία\nΜαρία Παπαδοπούλου\n", { "Μαρία", "Παπαδ" }, "Προσωπικά Στοιχεία" },
        { LANG_EL, "ΒΙΟΓΡΑΦΙΚΟ\nΓιώργος Παπαδόπουλος\n", { "Γιώργος", "Παπαδόπουλος" }, "ΒΙΟΓΡΑΦΙΚΟ" },
};

/* CV mode: what follows a heading stays when it is no name. */
static const struct {
        Lang lang;
        const char *in;
} cv_keep[] = {
        { LANG_EN, "ABC\nSoftware Engineer\n" },
        { LANG_EN, "CV\nJan 2019 - May 2020\n" },
        { LANG_EN, "CV\nSenior Developer    Acme Corp    Berlin\n" },
        { LANG_EN, "CV\nIT SUPPORT\nHelp Desk\n" },
        /* one heading line more than ANON_HEADING_MAX_LINES: no header name */
        { LANG_EN, "CV\nQA\nHR\nMay Zorblat\n" },
        /* a first line that is a label or code is no name */
        { LANG_EN, "Mission Statement: This non-profit was founded in 1990.\n" },
        { LANG_EN, "Inject SELECT * FROM Users WHERE id = 1\n" },
        /* a bracket parts the words: "Intercom (Sep" is no name */
        { LANG_EN, "EXPERIENCE\nIntercom (Sep 2015)\n" },
};

/* Contacts and identity documents found by the words around them. */
static const struct {
        Lang lang;
        const char *in, *gone, *placeholder;
} contacts[] = {
        { LANG_EN, "They're not answering at 78 651 450", "651", "[phone]" },
        { LANG_EN, "416 60 039 office | 555 0199 fax", "039", "[phone]" },
        { LANG_EN, "My driver's license number is 6940579", "6940579", "[ID]" },
        { LANG_EN, "Passport number: X1234567\n", "X1234567", "[ID]" },
        { LANG_IT, "Passaporto: YA1234567\n", "YA1234567", "[ID]" },
        { LANG_PL, "Numer paszportu: EA1234567\n", "EA1234567", "[ID]" },
        { LANG_SL, "Potni list: PB1234567\n", "PB1234567", "[ID]" },
};

/* Numbers those words must not take. */
static const char *const amounts[] = {
        "Revenue grew at 1 000 000 units a year.",
        "We met on 12 March and shipped 3 500 boxes.",
        "Office 2019 and Windows 10 on 250 000 PCs.",
};

static void test_contacts(void) {
        for (size_t i = 0; i < sizeof(contacts) / sizeof(contacts[0]); i++) {
                const char *out = run(contacts[i].lang, contacts[i].in);
                CHECK(strstr(out, contacts[i].gone) == NULL && strstr(out, contacts[i].placeholder) != NULL,
                      "removed: %s -> %s", contacts[i].in, out);
        }
        for (size_t i = 0; i < sizeof(amounts) / sizeof(amounts[0]); i++)
                CHECK_STREQ(run(LANG_EN, amounts[i]), amounts[i], "amount survives: %s", amounts[i]);
}

static void test_names(void) {
        for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
                const char *out = run(names[i].lang, names[i].in);
                for (int k = 0; k < 3 && names[i].gone[k]; k++)
                        CHECK(strstr(out, names[i].gone[k]) == NULL, "'%s' removed: %s -> %s",
                              names[i].gone[k], names[i].in, out);
        }
}

static void test_cv_headers(void) {
        for (size_t i = 0; i < sizeof(cv_headers) / sizeof(cv_headers[0]); i++) {
                const char *out = run_cv(cv_headers[i].lang, cv_headers[i].in);
                for (int k = 0; k < 2; k++)
                        CHECK(strstr(out, cv_headers[i].gone[k]) == NULL, "'%s' removed: %s -> %s",
                              cv_headers[i].gone[k], cv_headers[i].in, out);
                CHECK(strstr(out, cv_headers[i].kept) != NULL && strstr(out, "Candidate") != NULL,
                      "heading kept, name is the candidate: %s -> %s", cv_headers[i].in, out);
        }
        /* a person named under a referee label is a referee, even the first one of a CV */
        static const struct {
                Lang lang;
                const char *in;
        } referee[] = {
                { LANG_EN, "Hello.\nReferee: Anna Smith\n" },
                { LANG_IT, "Ciao.\nReferente: dott. Marco Bianchi\n" },
                { LANG_PT, "Olá.\nReferência: Eng.ª Ana Rita Sousa\n" },
        };
        for (size_t i = 0; i < sizeof(referee) / sizeof(referee[0]); i++) {
                const char *out = run_cv(referee[i].lang, referee[i].in);
                CHECK(strstr(out, ": Referee ") != NULL && strstr(out, "Candidate") == NULL, "referee: %s", out);
        }
        /* a letter's addressee is never the candidate; an honorific does not swallow the pseudonym */
        const char *letter = run_cv(LANG_EN, "Dear Ms Papadopoulou,\nMy name is Amina Yusuf.\n");
        CHECK(strstr(letter, "Dear Person ") && strstr(letter, "My name is Candidate ") && !strstr(letter, "Yusuf"),
              "addressee and writer: %s", letter);
        letter = run_cv(LANG_IT, "Gentile dott. Rossi,\nmi chiamo Giulia Esposito.\n");
        CHECK(strstr(letter, "Gentile Person ") && strstr(letter, "mi chiamo Candidate "), "addressee and writer: %s", letter);
        letter = run_cv(LANG_PL, "Szanowna Pani Kowalska,\nnazywam się Anna Nowak.\n");
        CHECK(strstr(letter, "Szanowna Person ") && strstr(letter, "nazywam się Candidate "), "addressee and writer: %s",
              letter);
        letter = run_cv(LANG_EN, "Hello Ms Papadopoulou, thanks.\n");
        CHECK(strstr(letter, "Hello ") && strstr(letter, " thanks") && !strstr(letter, "Papadopoulou") &&
                      (strstr(letter, "Person ") || strstr(letter, "Candidate ")),
              "honorific and name keep the name's pseudonym: %s", letter);
        /* what a manager or a referee does says "person" at a sentence's start too */
        letter = run_cv(LANG_EN, "Hi.\nFrank Miller led the team. Tigist Bekele can confirm my work.\n");
        CHECK(!strstr(letter, "Miller") && !strstr(letter, "Bekele") && !strstr(letter, "Frank"), "subjects: %s", letter);
        letter = run_cv(LANG_EN, "Hi.\nGrace Okoro mentored me.\n");
        CHECK(!strstr(letter, "Grace") && !strstr(letter, "Okoro"), "a common given name before a subject: %s", letter);
        letter = run_cv(LANG_SL, "Živjo.\nMarko Novak je vodil ekipo.\n");
        CHECK(!strstr(letter, "Novak") && !strstr(letter, "Marko"), "subjects: %s", letter);
        letter = run_cv(LANG_EN, "Hi.\nMicrosoft Azure can confirm it.\n");
        CHECK(strstr(letter, "Microsoft Azure can confirm") != NULL, "a product is no subject: %s", letter);
        /* a dot after a word that ends its sentence is no title's ("Hello. References:") */
        letter = run_cv(LANG_EN, "Hello. References: Dr. Anna Smith, John Doe.\n");
        CHECK(strstr(letter, "Hello. References: Dr. Referee ") && !strstr(letter, "Smith"), "dots: %s", letter);
        /* a greeting names the next capitalised word, not "I" nor a keep word */
        letter = run_cv(LANG_EN, "Hi Christin, I am contacting you.\nHello World program.\nHi Team,\nHello I moved.\n");
        CHECK(!strstr(letter, "Christin") && strstr(letter, "Hello World") && strstr(letter, "Hi Team") &&
                      strstr(letter, "Hello I moved"),
              "greetings: %s", letter);
        /* the writer's name in two fields is one person, the candidate */
        static const struct {
                Lang lang;
                const char *in;
        } fields[] = {
                { LANG_IT, "INFORMAZIONI PERSONALI\nNome    Giulia\nCognome    Esposito\nEsposito ha scritto.\n" },
                { LANG_EN, "First name: Kwame\nSurname: Mensah\nEmail: k@x.com\n" },
        };
        /* only the fields' values: the people named after them are others */
        const char *after = run_cv(LANG_EN, "First name: Kwame\nSurname: Mensah\nI worked with my manager Anna Smith.\n");
        const char *c0 = strstr(after, "Candidate ");
        CHECK(c0 && strstr(after, "manager Person ") && !strstr(strstr(after, "manager"), "Candidate"),
              "a name after the name fields is someone else: %s", after);
        for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
                const char *out = run_cv(fields[i].lang, fields[i].in), *c = strstr(out, "Candidate ");
                CHECK(c && strstr(c + 1, "Candidate ") && !strncmp(strstr(c + 1, "Candidate "), c, 13) &&
                              !strstr(out, "Person") && !strstr(out, "Esposito") && !strstr(out, "Mensah"),
                      "name fields, one candidate: %s", out);
        }
        /* a name field's value, "SURNAME, Given" or after a tab (the Europass Word form): one person, whole */
        static const struct {
                Lang lang;
                const char *in, *want;
        } whole[] = {
                { LANG_IT, "Nome\tROSSI, Maria\nTelefono\t081 555 1234\n", "Nome\tCandidate " },
                { LANG_EN, "Name: SMITH, John Paul\n", "Name: Candidate " },
                { LANG_EN, "Referee: Smith, Acme Ltd\n", "Referee: Referee " },
        };
        for (size_t i = 0; i < sizeof(whole) / sizeof(whole[0]); i++) {
                const char *out = run_cv(whole[i].lang, whole[i].in);
                CHECK(!strncmp(out, whole[i].want, strlen(whole[i].want)) && !strstr(out, "ROSSI") &&
                              !strstr(out, "Maria") && !strstr(out, "SMITH") && !strstr(out, "Person") &&
                              (i < 2 || strstr(out, ", Acme Ltd")),
                      "a name field's value: %s", out);
        }
        CHECK(strstr(run_cv(LANG_IT, "CAPACITÀ E COMPETENZE PERSONALI\nPATENTE O PATENTI\tB\n"), "PATENTE O PATENTI\tB"),
              "a Europass label in capitals is no name");
        for (size_t i = 0; i < sizeof(cv_keep) / sizeof(cv_keep[0]); i++)
                CHECK_STREQ(run_cv(cv_keep[i].lang, cv_keep[i].in), cv_keep[i].in, "survives: %s",
                            cv_keep[i].in);
}

/* Words the new rules must leave alone. */
static const struct {
        Lang lang;
        const char *in;
} survive[] = {
        { LANG_EN, "Later designs won. Then Django, Jenkins and Ansible ran." },
        { LANG_EN, "Professor, Department of Government, Harvard University." },
        { LANG_EN, "Deployed with Docker Compose on Amazon Web Services in Frankfurt." },
        { LANG_EN, "Available from June 2024; started in May, finished in August." },
        { LANG_EN, "Worked in Los Angeles, San Francisco and New York." },
        { LANG_EN, "Skills: Microsoft Excel, Visual Studio Code, Power BI." },
        { LANG_EN, "I'm here. L'Oréal hired me; d'Artagnan is a novel." },
        { LANG_EN, "RESUME\nSenior Developer    Acme Corp    Berlin" },
        { LANG_EN, "Project 2019-2021: migration to PostgreSQL 15." },
        { LANG_IT, "Competenze: Python, Docker. Progetto 2018-2020 a Milano." },
        { LANG_PT, "Trabalhei em Lisboa e no Porto com Java e Spring." },
        { LANG_RO, "Am lucrat la București cu Python și Kubernetes." },
        { LANG_RO, "Guvernul a declarat ieri că PSD a spus nu." },
        { LANG_EN, "Microsoft said it would ship. NASA said so too." },
        { LANG_EN, "CV\nJan 2019 - May 2020: Acme\nMay Street\n" },
        { LANG_PL, "Pracowałem w Warszawie z Javą i Ansible." },
        { LANG_SL, "Projekt 2019–2023 v Ljubljani, ISO 9001." },
        { LANG_EL, "Έργο 2018-2020 στην Αθήνα, Python 3.11." },
};

static void test_survive(void) {
        for (size_t i = 0; i < sizeof(survive) / sizeof(survive[0]); i++) {
                const char *out = run(survive[i].lang, survive[i].in);
                /* gendered rewrites are not removals: compare the words that matter */
                CHECK(strstr(out, "Person") == NULL && strstr(out, "Candidate") == NULL &&
                              strstr(out, "[") == NULL,
                      "survives: %s -> %s", survive[i].in, out);
        }
}

/* Date ranges of jobs and degrees become durations in the text's language;
 * birth dates and ages are still removed; project dates stay. */
static const struct {
        Lang lang;
        const char *in, *want;
} durations[] = {
        { LANG_EN, "WORK EXPERIENCE\n2019–2022 Developer at Acme\n03/2019 - 06/2021 Analyst\n",
          "WORK EXPERIENCE\n3 years Developer at Acme\n2 years 3 months Analyst\n" },
        { LANG_EN, "Education: 2012-2016 BSc Computer Science\n", "Education: 4 years BSc Computer Science\n" },
        { LANG_EN, "EXPERIENCE\n2021-2021 Intern\n", "EXPERIENCE\nless than a year Intern\n" },
        { LANG_EN, "EXPERIENCE\n01/2020 - 02/2020 Intern\n", "EXPERIENCE\n1 month Intern\n" },
        { LANG_IT, "ESPERIENZA\n2019–2022 Sviluppatore\n03/2019 - 06/2021 Analista\n",
          "ESPERIENZA\n3 anni Sviluppatore/trice\n2 anni 3 mesi Analista\n" },
        { LANG_PT, "EXPERIÊNCIA\n2020–2021 Programador\n01/2019 - 02/2021 Analista\n",
          "EXPERIÊNCIA\n1 ano Programador/a\n2 anos 1 mês Analista\n" },
        { LANG_PL, "DOŚWIADCZENIE\n2016–2021 Programista\n01/2019 - 06/2021 Analityk\n",
          "DOŚWIADCZENIE\n5 lat Programista/ka\n2 lata 5 miesięcy Analityk/czka\n" },
        { LANG_RO, "EXPERIENȚĂ\n2019–2021 Programator\n2000–2021 Inginer\n",
          "EXPERIENȚĂ\n2 ani Programator/oare\n21 de ani Inginer/ă\n" },
        { LANG_EL, "ΕΜΠΕΙΡΙΑ\n2019–2022 Προγραμματιστής\n03/2019 - 04/2019 Αναλυτής\n",
          "ΕΜΠΕΙΡΙΑ\n3 έτη Προγραμματιστής/τρια\n1 μήνας Αναλυτής/τρια\n" },
        { LANG_SL, "DELOVNE IZKUŠNJE\n2019–2021 Programer\n01/2020 - 04/2020 Analitik\n",
          "DELOVNE IZKUŠNJE\n2 leti Programer/ka\n3 meseci Analitik/čarka\n" },
        /* months by name, in the text's language or in English; an ongoing job keeps its start, as a year */
        { LANG_EN, "EXPERIENCE\nEngineer, Intercom (Sep 2015 – Dec 2019)\nAnalyst, Jan. 2011 – Jul. 2013\nLead (Jan 2020 – Present)\n",
          "EXPERIENCE\nEngineer, Intercom (4 years 3 months)\nAnalyst, 2 years 6 months\nLead (2020 – Present)\n" },
        /* ongoing ranges in each language: the year stays, the month goes; a year alone stays as written;
         * the text never depends on the day it is read */
        { LANG_EN, "EXPERIENCE\n09/2015 – 12/2019 Dev\n01/2020 - now Lead\n2020 – present Lead\nSince 2020 Lead\nMar 2021 –\n",
          "EXPERIENCE\n4 years 3 months Dev\n2020 - now Lead\n2020 – present Lead\nSince 2020 Lead\n2021 –\n" },
        { LANG_IT, "ESPERIENZA\nAnalista, 01/2020 – oggi\ngennaio 2021 - ad oggi\n2019 – in corso\n",
          "ESPERIENZA\nAnalista, 2020 – oggi\n2021 - ad oggi\n2019 – in corso\n" },
        { LANG_PL, "DOŚWIADCZENIE\nTester, od 2020 do dziś\n01.2020 – obecnie\n",
          "DOŚWIADCZENIE\nTester/ka, od 2020 do dziś\n2020 – obecnie\n" },
        { LANG_RO, "EXPERIENȚĂ\nTester, 2020 – prezent\n03/2021 – până în prezent\n",
          "EXPERIENȚĂ\nTester/ă, 2020 – prezent\n2021 – până în prezent\n" },
        { LANG_PT, "EXPERIÊNCIA\nTester, desde 2020\njaneiro de 2020 – atual\n",
          "EXPERIÊNCIA\nTester, desde 2020\n2020 – atual\n" },
        { LANG_SL, "DELOVNE IZKUŠNJE\n2020 – danes\n01/2020 – danes\n", "DELOVNE IZKUŠNJE\n2020 – danes\n2020 – danes\n" },
        { LANG_EL, "ΕΜΠΕΙΡΙΑ\n2020 – σήμερα\n01/2020 – σήμερα\n", "ΕΜΠΕΙΡΙΑ\n2020 – σήμερα\n2020 – σήμερα\n" },
        /* an open end that is no "present" word, or a project's: stays */
        { LANG_EN, "EXPERIENCE\n03/2021 - Developer at Acme\n", "EXPERIENCE\n03/2021 - Developer at Acme\n" },
        { LANG_EN, "PROJECTS\nAtlas, 01/2020 – present\n", "PROJECTS\nAtlas, 01/2020 – present\n" },
        { LANG_IT, "ESPERIENZA\nAnalista, settembre 2013 - agosto 2015\n", "ESPERIENZA\nAnalista, 1 anno 11 mesi\n" },
        { LANG_PT, "EXPERIÊNCIA\nAnalista, setembro de 2013 - agosto de 2015\nTester, set 2011 – dez 2013\n",
          "EXPERIÊNCIA\nAnalista, 1 ano 11 meses\nTester, 2 anos 3 meses\n" },
        { LANG_PL, "DOŚWIADCZENIE\nTester, wrz 2011 – sie 2013\n", "DOŚWIADCZENIE\nTester/ka, 1 rok 11 miesięcy\n" },
        { LANG_RO, "EXPERIENȚĂ\nTester, septembrie 2013 - august 2015\n", "EXPERIENȚĂ\nTester/ă, 1 an 11 luni\n" },
        { LANG_EL, "ΕΜΠΕΙΡΙΑ\nΣεπτέμβριος 2013 – Αύγουστος 2015\n", "ΕΜΠΕΙΡΙΑ\n1 έτος 11 μήνες\n" },
        { LANG_SL, "DELOVNE IZKUŠNJE\nseptember 2013 – avgust 2015\n", "DELOVNE IZKUŠNJE\n1 leto 11 mesecev\n" },
        /* a named month on one end only, or a word that names no month: no duration */
        { LANG_EN, "EXPERIENCE\nSep 2015 – 2019 Intern\nMax 2015 – Dec 2019\n", "EXPERIENCE\nSep 2015 – 2019 Intern\nMax 2015 – Dec 2019\n" },
        /* outside an experience or education section, and in a project, dates stay */
        { LANG_EN, "2019–2023 Senior Developer at Acme.\n", "2019–2023 Senior Developer at Acme.\n" },
        { LANG_EN, "EXPERIENCE\nProject Atlas 2019-2021\n", "EXPERIENCE\nProject Atlas 2019-2021\n" },
        { LANG_EN, "PROJECTS\nAtlas 2019-2021\n", "PROJECTS\nAtlas 2019-2021\n" },
        /* full dates, reversed or implausible ranges: not a duration */
        { LANG_EN, "EXPERIENCE\n01.01.2019-31.12.2020 Intern\n", "EXPERIENCE\n01.01.2019-31.12.2020 Intern\n" },
        { LANG_EN, "EXPERIENCE\n2022-2019 Intern\n", "EXPERIENCE\n2022-2019 Intern\n" },
        { LANG_EN, "EXPERIENCE\n13/2019 - 06/2021 Intern\n", "EXPERIENCE\n13/2019 - 06/2021 Intern\n" },
        /* birth dates and ages are still removed in such a section */
        { LANG_EN, "EDUCATION\nDate of birth: 12/03/1990\nI am 34 years old.\n",
          "EDUCATION\nDate of birth: [date of birth]\nI am [age].\n" },
};

static void test_durations(void) {
        for (size_t i = 0; i < sizeof(durations) / sizeof(durations[0]); i++)
                CHECK_STREQ(run(durations[i].lang, durations[i].in), durations[i].want, "duration (%s): %s",
                            lang_code(durations[i].lang), durations[i].in);
        /* the finding says what it was, with byte offsets of the range */
        const char *t = "EXPERIENCE\n2019-2022 Dev\n";
        AnonInput in = { .opt.lang = LANG_EN, .text = t, .len = strlen(t) };
        AnonResult *r = NULL;
        arena_free(arena);
        arena = arena_new();
        CHECK(anon_run(eng, arena, &in, &r) == 0 && r->n_findings == 1 &&
                      r->findings[0].category == ANON_CAT_DURATION && r->findings[0].start == 11 &&
                      r->findings[0].end == 20 && strcmp(anon_category_name(ANON_CAT_DURATION), "duration") == 0,
              "duration finding");
        /* hostile: a huge number of ranges, a range cut by the end of the text */
        CHECK_STREQ(run(LANG_EN, "EXPERIENCE\n2019-"), "EXPERIENCE\n2019-", "range cut at the end");
        CHECK_STREQ(run(LANG_EN, "EXPERIENCE\n<script>2019-2020</script>"), "EXPERIENCE\n<script>1 year</script>",
                    "markup around a range");
}

int main(void) {
        for (const EmbeddedFile *f = td_catalogues; f->name; f++) {
                Lang l;
                if (lang_parse(f->name, &l) == 0)
                        (void)i18n_register(l, f->data, f->len);
        }
        if (!engine_open())
                return test_done();
        test_names();
        test_cv_headers();
        test_contacts();
        test_survive();
        test_durations();
        arena_free(arena);
        anon_engine_free(eng);
        return test_done();
}
