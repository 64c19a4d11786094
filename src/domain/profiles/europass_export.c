/* Profile (+ optional identity) -> Europass CV XML v3.4. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#include "domain/profiles/profile_io.h"

#define EUROPASS_NS "http://europass.cedefop.europa.eu/Europass"

static xmlNode *el(xmlNode *parent, const char *name) { return xmlNewChild(parent, NULL, (const xmlChar *)name, NULL); }

/* Text children are escaped by libxml2 (xmlNewTextChild). */
static void put(xmlNode *parent, const char *name, const char *value) {
        if (value && *value)
                xmlNewTextChild(parent, NULL, (const xmlChar *)name, (const xmlChar *)value);
}

/* Europass descriptions are HTML: plain text is escaped once as HTML here,
 * then once more as XML by libxml2. */
static void put_html(xmlNode *parent, const char *name, const char *value) {
        if (!value || !*value)
                return;
        StrBuf b;
        strbuf_init(&b, 0);
        for (const char *s = value; *s; s++) {
                switch (*s) {
                case '<': strbuf_puts(&b, "&lt;"); break;
                case '>': strbuf_puts(&b, "&gt;"); break;
                case '&': strbuf_puts(&b, "&amp;"); break;
                case '"': strbuf_puts(&b, "&quot;"); break;
                default: strbuf_putc(&b, *s);
                }
        }
        if (!strbuf_error(&b))
                put(parent, name, strbuf_str(&b));
        strbuf_free(&b);
}

static void put_path(xmlNode *parent, const char *p, const char *value) {
        char part[64];
        if (!value || !*value)
                return;
        while (strchr(p, '/')) {
                size_t k = strcspn(p, "/");
                snprintf(part, sizeof part, "%.*s", (int)k, p);
                parent = el(parent, part);
                p += k + 1;
        }
        put(parent, p, value);
}

/* "2001-03-10" -> year="2001" month="--03" day="---10". */
static void date(xmlNode *parent, const char *name, const char *d) {
        int y = 0, m = 0, dd = 0;
        if (!d || sscanf(d, "%4d-%2d-%2d", &y, &m, &dd) < 1)
                return;
        xmlNode *n = el(parent, name);
        char buf[16];
        snprintf(buf, sizeof buf, "%04d", y);
        xmlNewProp(n, (const xmlChar *)"year", (const xmlChar *)buf);
        if (m >= 1 && m <= 12) {
                snprintf(buf, sizeof buf, "--%02d", m);
                xmlNewProp(n, (const xmlChar *)"month", (const xmlChar *)buf);
        }
        if (dd >= 1 && dd <= 31) {
                snprintf(buf, sizeof buf, "---%02d", dd);
                xmlNewProp(n, (const xmlChar *)"day", (const xmlChar *)buf);
        }
}

static void identification(xmlNode *li, const ProfileIdentity *id) {
        xmlNode *idn = el(li, "Identification");
        xmlNode *pn = el(idn, "PersonName");
        put(pn, "FirstName", id->given_name ? id->given_name : id->name);
        put(pn, "Surname", id->family_name);
        xmlNode *ci = el(idn, "ContactInfo");
        if (id->address || id->postal_code || id->city || id->country_code) {
                xmlNode *c = el(el(ci, "Address"), "Contact");
                put(c, "AddressLine", id->address);
                put(c, "PostalCode", id->postal_code);
                put(c, "Municipality", id->city);
                put_path(c, "Country/Code", id->country_code);
        }
        put_path(ci, "Email/Contact", id->email);
        xmlNode *tl = id->n_phones ? el(ci, "TelephoneList") : NULL;
        for (size_t i = 0; i < id->n_phones; i++)
                put(el(tl, "Telephone"), "Contact", id->phones[i]);
        xmlNode *wl = id->n_websites ? el(ci, "WebsiteList") : NULL;
        for (size_t i = 0; i < id->n_websites; i++)
                put(el(wl, "Website"), "Contact", id->websites[i]);
        xmlNode *demo = el(idn, "Demographics");
        date(demo, "Birthdate", id->birthdate);
        put_path(demo, "Gender/Code", id->gender);
        xmlNode *nl = id->n_nationalities ? el(demo, "NationalityList") : NULL;
        for (size_t i = 0; i < id->n_nationalities; i++)
                put(el(nl, "Nationality"), "Code", id->nationalities[i]);
}

static void experience(xmlNode *li, const Profile *p) {
        xmlNode *list = p->n_experience ? el(li, "WorkExperienceList") : NULL;
        for (size_t i = 0; i < p->n_experience; i++) {
                const ProfileExperience *e = &p->experience[i];
                xmlNode *w = el(list, "WorkExperience");
                xmlNode *per = el(w, "Period");
                date(per, "From", e->start);
                date(per, "To", e->end);
                if (!e->end)
                        put(per, "Current", "true");
                put_path(w, "Position/Label", e->role);
                put_html(w, "Activities", e->description);
                if (e->employer || e->sector) {
                        xmlNode *emp = el(w, "Employer");
                        put(emp, "Name", e->employer);
                        put_path(emp, "Sector/Label", e->sector);
                }
        }
}

static void education(xmlNode *li, const Profile *p) {
        xmlNode *list = p->n_education ? el(li, "EducationList") : NULL;
        for (size_t i = 0; i < p->n_education; i++) {
                const ProfileEducation *e = &p->education[i];
                xmlNode *ed = el(list, "Education");
                xmlNode *per = el(ed, "Period");
                date(per, "From", e->start);
                date(per, "To", e->end);
                put(ed, "Title", e->title);
                put_path(ed, "Organisation/Name", e->institution);
                if (e->eqf_level >= 1 && e->eqf_level <= 8) {
                        char lvl[4] = {(char)('0' + e->eqf_level), 0};
                        put_path(ed, "Level/Code", lvl);
                }
                put_path(ed, "Field/Label", e->field);
        }
}

static void languages(xmlNode *sk, const Profile *p) {
        static const char *const parts[] = {"Listening", "Reading", "SpokenInteraction", "SpokenProduction", "Writing"};
        xmlNode *ling = p->n_languages ? el(sk, "Linguistic") : NULL, *mt = NULL, *fl = NULL;
        for (size_t i = 0; i < p->n_languages; i++) {
                const ProfileLanguage *l = &p->languages[i];
                if (l->native) {
                        mt = mt ? mt : el(ling, "MotherTongueList");
                        put_path(el(mt, "MotherTongue"), "Description/Code", l->code);
                        continue;
                }
                fl = fl ? fl : el(ling, "ForeignLanguageList");
                xmlNode *f = el(fl, "ForeignLanguage");
                put_path(f, "Description/Code", l->code);
                xmlNode *pl = el(f, "ProficiencyLevel");
                for (size_t k = 0; k < 5; k++)
                        put(pl, parts[k], cefr_name(l->level));
        }
}

static int skills(xmlNode *li, const Profile *p) {
        xmlNode *sk = el(li, "Skills");
        languages(sk, p);
        StrBuf b;
        strbuf_init(&b, 0);
        for (size_t i = 0; i < p->n_skills; i++) {
                strbuf_puts(&b, p->skills[i].label);
                if (p->skills[i].level >= PROFILE_SKILL_LEVEL_MIN && p->skills[i].level <= PROFILE_SKILL_LEVEL_MAX)
                        strbuf_printf(&b, " [%d/4]", p->skills[i].level);
                strbuf_putc(&b, '\n');
        }
        int rc = strbuf_error(&b);
        if (b.len)
                put_html(el(sk, "JobRelated"), "Description", strbuf_str(&b));
        strbuf_free(&b);
        if (p->skills_text)
                put_html(el(sk, "Other"), "Description", p->skills_text);
        return rc;
}

static void projects(xmlNode *li, const Profile *p) {
        xmlNode *list = p->n_projects ? el(li, "AchievementList") : NULL;
        for (size_t i = 0; i < p->n_projects; i++) {
                xmlNode *a = el(list, "Achievement");
                xmlNode *t = el(a, "Title");
                put(t, "Code", "projects");
                put(t, "Label", p->projects[i].name);
                put_html(a, "Description", p->projects[i].description);
        }
}

int europass_export(const Profile *p, const ProfileIdentity *identity, StrBuf *out) {
        if (!p || !out)
                return -EINVAL;
        xmlDoc *doc = xmlNewDoc((const xmlChar *)"1.0");
        xmlNode *root = doc ? xmlNewNode(NULL, (const xmlChar *)"SkillsPassport") : NULL;
        if (!root) {
                xmlFreeDoc(doc);
                return -ENOMEM;
        }
        xmlDocSetRootElement(doc, root);
        xmlSetNs(root, xmlNewNs(root, (const xmlChar *)EUROPASS_NS, NULL));
        xmlNewProp(root, (const xmlChar *)"locale", (const xmlChar *)"en");
        xmlNode *di = el(root, "DocumentInfo");
        put(di, "DocumentType", "ECV");
        put(di, "XSDVersion", "V3.4");
        put(di, "Generator", "techdiv");
        xmlNode *li = el(root, "LearnerInfo");
        if (identity)
                identification(li, identity);
        put_path(li, "Headline/Description/Label", p->headline);
        experience(li, p);
        education(li, p);
        int rc = skills(li, p);
        projects(li, p);
        xmlChar *mem = NULL;
        int size = 0;
        xmlDocDumpFormatMemoryEnc(doc, &mem, &size, "UTF-8", 1);
        xmlFreeDoc(doc);
        if (!mem)
                return -ENOMEM;
        strbuf_append(out, mem, (size_t)size);
        xmlFree(mem);
        return rc ? rc : strbuf_error(out);
}
