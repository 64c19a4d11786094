/* Names of people of every origin in CVs and letters (anon_lists.c): a
 * given name that is also a common word before a surname, lists of
 * people after a references label or "worked with", signatures after a
 * closing, hyphenated given names, names in scripts without case (Arabic,
 * Georgian, Hebrew, Han, Hangul); and the CV vocabulary around them that
 * must stay. */
#include <string.h>

#include "core/paths.h"
#include "domain/anonymize/anonymize.h"
#include "anon_fixture.h"
#include "test.h"

static const KeptGone cases[] = {
        /* a given name that is also a common word, before a surname of some list */
        { LANG_EN, "Hi.\nYesterday I met Frank Miller at the office.", { "Yesterday I met" }, { "Frank", "Miller" } },
        { LANG_EN, "Hi.\nI met Julia Kowalska and Max Weber in Berlin.", { "Berlin" }, { "Julia", "Kowalska", "Weber" } },
        { LANG_IT, "Ciao.\nHo incontrato Victoria Muñoz in ufficio.", { "in ufficio" }, { "Victoria", "Muñoz" } },
        { LANG_PT, "Olá.\nTrabalhei com Santiago Hernández em Lisboa.", { "Lisboa" }, { "Santiago", "Hernández" } },
        /* at a line's start, a field: a name; a sentence's first word may be a verb */
        { LANG_EN, "Hi.\nFrank Miller\nSoftware developer", { "Software developer" }, { "Frank", "Miller" } },
        /* lists of people after a references label or "worked with" */
        { LANG_EN, "Hi.\nReferences: Abdoulaye Diallo (team lead), Tigist Bekele, Kwame Mensah.",
          { "(team lead)" }, { "Tigist", "Bekele", "Mensah" } },
        { LANG_EN, "Hi.\nI worked with Frank Miller, Julia Kowalska, Max Weber and Jordan Lee on the migration.",
          { "on the migration" }, { "Jordan", "Lee", "Miller", "Kowalska" } },
        /* a given name that is a function word, first after the label: a name's slot */
        { LANG_EN, "Hi.\nReferences: Will Turner (lead), Anna Rossi.", { "(lead)" }, { "Will", "Turner", "Rossi" } },
        { LANG_EN, "Hi.\nReferences: The Smith Group, Anna Rossi.", { "The Smith Group" }, { "Rossi" } },
        { LANG_IT, "Ciao.\nReferenze: Marco Rossi (responsabile), Ngozi Eze, Zarmina Ahmadzai.", { "(responsabile)" },
          { "Ngozi", "Eze", "Ahmadzai" } },
        { LANG_RO, "Salut.\nAm lucrat cu Ion Popescu, Tigist Bekele și Abebe Girma la proiect.", { "la proiect" },
          { "Tigist", "Bekele", "Girma" } },
        { LANG_PL, "Cześć.\nReferencje: Jan Kowalski (kierownik), Oleksandr Shevchenko, Hodan Farah.", { "Referencje" },
          { "Shevchenko", "Hodan", "Farah" } },
        { LANG_EL, "Γεια.\nΣυστάσεις: Γιώργος Παπαδόπουλος, Tigist Bekele, Kwame Mensah.", { "Γεια" },
          { "Tigist", "Bekele", "Mensah" } },
        { LANG_SL, "Živjo.\nReference: Janez Novak (vodja), Esperance Niyonzima, Gulalai Wardak.", { "(vodja)" },
          { "Esperance", "Niyonzima", "Wardak" } },
        /* "with" and two items: an apposition, not a list ("with the EU, its negotiator X, ...") */
        { LANG_RO, "Salut.\nnegociatorul șef cu Uniunea Europeană, Leonard Orban, a spus.", { "Uniunea Europeană" },
          { "Orban" } },
        /* the writer's manager, a signature after a closing */
        { LANG_EN, "Hi.\nMy manager Tigist Bekele can confirm it.", { "can confirm it" }, { "Tigist", "Bekele" } },
        { LANG_PT, "Olá.\nO meu gestor Abebe Girma pode confirmar.", { "pode confirmar" }, { "Abebe", "Girma" } },
        { LANG_EN, "Dear hiring manager,\nI am applying.\nKind regards,\nNgozi Eze\n", { "Kind regards" },
          { "Ngozi", "Eze" } },
        { LANG_IT, "Gentile responsabile,\nmi candido.\nCordiali saluti,\nZarmina Ahmadzai", { "Cordiali saluti" },
          { "Zarmina", "Ahmadzai" } },
        { LANG_PL, "Szanowni Państwo,\nubiegam się.\nZ poważaniem,\nHodan Farah", { "Z poważaniem" }, { "Hodan", "Farah" } },
        /* a given name that is a function word ("sarà"), in the signature's slot */
        { LANG_IT, "Gentile responsabile,\nmi candido.\nDistinti saluti,\nSara Turki", { "Distinti saluti" },
          { "Sara", "Turki" } },
        /* hyphenated given names: the whole name, one pseudonym */
        { LANG_EN, "Hi.\nMy colleague Jean-Baptiste Mbappé helped.", { "helped" }, { "Jean", "Baptiste", "Mbappé" } },
        { LANG_EN, "Hi.\nI met Shu-hui Yang and Ha-eun Bak there.", { "there" }, { "Shu", "hui", "Bak" } },
        /* family name first, as news write Korean and Chinese names */
        { LANG_RO, "Salut.\nOficialii Samsung, Choi Gee-sung și Chang Choong-ki, pleacă.", { "pleacă" },
          { "Choi", "Gee", "sung", "Choong" } },
        /* words of scripts without case, in the name lists */
        { LANG_EN, "Hi.\nI worked with محمد أحمد on the project.", { "on the project" }, { "محمد" } },
        { LANG_IT, "Ciao.\nHo lavorato con ნიკოლოზი გელაშვილი nel team.", { "nel team" }, { "ნიკოლოზი", "გელაშვილი" } },
        { LANG_EN, "Hi.\nI worked with 김민준 and 王语桐 in Seoul.", { "in Seoul" }, { "김민준", "王语桐" } },
        /* an accented word is never the English pronoun "he" */
        { LANG_EN, "Hi.\nI met Yǔtóng Hé there. He left.", { "They left" }, { "Yǔtóng They" } },
};

/* Lines of a CV with no person in them: they come out unchanged. */
static const char *const survive[][2] = {
        { "en", "Hi.\nSkills: Julia, Python, Ruby on Rails, Jenkins" },
        { "en", "Hi.\nMax 5 people in my team" },
        { "en", "Hi.\nFrank feedback and clear goals" },
        { "en", "Hi.\nErasmus+ in Lisbon, 2018" },
        { "en", "Hi.\nI worked with Python, Go and Rust on the migration." },
        { "en", "Hi.\nExperience with Google Cloud, Amazon Web Services and Microsoft Azure." },
        { "en", "Hi.\nGrace period, Will to learn, Hope for the best" },
        { "en", "Hi.\nSend an E-mail to the Front-end team about Li-ion batteries." },
        { "en", "Hi.\nWe set up Cisco Wi-fi, a Top Hi-fi and the Long Co-op shop." },
        { "en", "Hi.\nKind regards,\nThe HR Team" },
        { "en", "Hi.\nKind regards,\nHuman Resources" },
        { "it", "Ciao.\nCordiali saluti,\nUfficio Personale" },
        { "pt", "Olá.\nCom os melhores cumprimentos,\nRecursos Humanos" },
        { "en", "Hi.\nLanguages: English C1, French B2, Arabic (native)" },
        { "it", "Ciao.\nHo lavorato con Python, Django e PostgreSQL." },
        { "ro", "Salut.\nUniversitatea Babeș-Bolyai, Cluj-Napoca" },
        { "pt", "Olá.\nTrabalhei com Python, Django e PostgreSQL na Caixa Geral de Depósitos." },
        { "el", "Γεια.\nΕργαλεία: Jira, Confluence, Trello, Slack" },
        { "pl", "Szanowni Państwo,\nubiegam się o stanowisko analityka." },
        /* a long line that ends with a closing's word is no closing */
        { "ro", "Salut.\nAbilități: lucru în echipă, comunicare și respect\nLimba Engleză" },
        { "it", "Ciao.\nVolontariato alla Croce Rossa di Bari." },
        { "pt", "Olá.\nVoluntariado na Cruz Vermelha em Lisboa." },
        { "sl", "Živjo.\nUniverza v Ljubljani, Fakulteta za računalništvo" },
};

/* Hostile inputs around the new rules: a list cut short, a role in an
 * unclosed bracket, a closing at the very end, a lone caseless letter,
 * CR/LF, markup. Nothing crashes and the names still go. */
static const KeptGone hostile[] = {
        { LANG_EN, "Hi.\nReferences: Tigist Bekele (team lead, Kwame Mensah, ", { "References" }, { NULL } },
        { LANG_EN, "Hi.\nReferences: Abdoulaye Diallo, Tigist Bekele,", { "References" }, { "Tigist", "Diallo" } },
        { LANG_EN, "Hi.\r\nKind regards,\r\nNgozi Eze\r\n", { "Kind regards" }, { "Ngozi" } },
        { LANG_EN, "Hi.\nKind regards,", { "Kind regards," }, { NULL } },
        { LANG_EN, "Hi.\nby Szabina J Gelencsér ג go", { "ג go" }, { "Gelencsér" } },
        { LANG_EN, "Hi.\n<script>References: Abdoulaye Diallo, Tigist Bekele and Kwame Mensah</script>",
          { "<script>", "</script>" }, { "Tigist", "Mensah" } },
};

/* One pseudonym per person: "Jean-Baptiste Mbappé" is one name. */
static void test_one_pseudonym(void) {
        const char *out = run(LANG_EN, "Hi.\nMy colleague Jean-Baptiste Mbappé helped.");
        CHECK(strstr(out, "colleague Person ") != NULL && strstr(out, "- ") == NULL && strstr(out, " helped") != NULL,
              "one pseudonym: %s", out);
        out = run(LANG_EN, "Hi.\nReferences: Abdoulaye Diallo (team lead), Tigist Bekele.");
        CHECK(strstr(out, "(team lead), Referee ") != NULL && strchr(strstr(out, "Referee "), '.') != NULL,
              "referee pseudonym: %s", out);
}

int main(void) {
        if (!engine_open())
                return 1;
        check_kept_gone(cases, sizeof(cases) / sizeof(cases[0]));
        check_survive(survive, sizeof(survive) / sizeof(survive[0]));
        check_kept_gone(hostile, sizeof(hostile) / sizeof(hostile[0]));
        test_one_pseudonym();
        arena_free(arena);
        anon_engine_free(eng);
        return test_done();
}
