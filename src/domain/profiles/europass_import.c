/* Europass CV XML v3.x -> Profile + ProfileIdentity. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "core/i18n.h"
#include "domain/profiles/profile_internal.h"

typedef struct Ctx {
        Arena *a;
        const ProfileImportOptions *opt;
        Profile p;
        ProfileIdentity id;
        int rc;
        StrBuf skills_text;
} Ctx;

static bool is(const xmlNode *n, const char *name) {
        return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static xmlNode *child(const xmlNode *n, const char *name) {
        for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
                if (is(c, name))
                        return c;
        return NULL;
}

/* Follows "A/B/C" by element names. */
static xmlNode *path(const xmlNode *n, const char *p) {
        char part[64];
        while (n && *p) {
                size_t k = strcspn(p, "/");
                if (k >= sizeof part)
                        return NULL;
                memcpy(part, p, k);
                part[k] = '\0';
                n = child(n, part);
                p += k + (p[k] == '/');
        }
        return (xmlNode *)n;
}

static const char *text(Ctx *c, const xmlNode *n, const char *p) {
        xmlNode *t = path(n, p);
        if (!t || c->rc)
                return NULL;
        xmlChar *s = xmlNodeGetContent(t);
        const char *r = profile_io_text(c->a, (const char *)s, &c->rc);
        xmlFree(s);
        return r;
}

/* Appends s to out line by line, each line trimmed and at most one empty
 * line in a row: Europass text carries the XML's indentation. */
static void tidy_lines(StrBuf *out, const char *s) {
        bool blank = false;
        for (const char *p = s; *p;) {
                size_t n = strcspn(p, "\n");
                const char *b = p, *e = p + n;
                while (b < e && isspace((unsigned char)*b))
                        b++;
                while (e > b && isspace((unsigned char)e[-1]))
                        e--;
                if (e > b) {
                        if (blank && out->len)
                                strbuf_putc(out, '\n');
                        if (out->len)
                                strbuf_putc(out, '\n');
                        strbuf_append(out, b, (size_t)(e - b));
                }
                blank = e == b;
                p += n + (p[n] == '\n');
        }
}

/* Europass rich text is HTML inside XML text: keep words, drop tags. */
static const char *plain(Ctx *c, const char *html) {
        static const struct {
                const char *ent, *rep;
        } ents[] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"},
                    {"&nbsp;", " "}};
        if (!html)
                return NULL;
        StrBuf b;
        strbuf_init(&b, PROFILE_MAX_TEXT_BYTES);
        for (const char *s = html; *s;) {
                if (*s == '<') {
                        const char *e = strchr(s, '>');
                        if (!e)
                                break;
                        if (strncmp(s, "<li", 3) == 0 || strncmp(s, "</p", 3) == 0 || strncmp(s, "<br", 3) == 0)
                                strbuf_putc(&b, '\n');
                        s = e + 1;
                        continue;
                }
                bool done = false;
                for (size_t i = 0; *s == '&' && i < sizeof ents / sizeof ents[0] && !done; i++)
                        if (strncmp(s, ents[i].ent, strlen(ents[i].ent)) == 0) {
                                strbuf_puts(&b, ents[i].rep);
                                s += strlen(ents[i].ent);
                                done = true;
                        }
                if (!done)
                        strbuf_putc(&b, *s++);
        }
        StrBuf t;
        strbuf_init(&t, PROFILE_MAX_TEXT_BYTES);
        if (!strbuf_error(&b))
                tidy_lines(&t, strbuf_str(&b));
        int err = strbuf_error(&b) ? strbuf_error(&b) : strbuf_error(&t);
        const char *r = err ? NULL : profile_io_text(c->a, strbuf_str(&t), &c->rc);
        if (err)
                c->rc = err;
        strbuf_free(&b);
        strbuf_free(&t);
        return r;
}

/* Leading dashes skipped, then up to 4 digits; -1 when there are none. */
static int small_int(const xmlChar *s) {
        int v = 0, n = 0;
        if (!s)
                return -1;
        while (*s == '-')
                s++;
        for (; n < 4 && *s >= '0' && *s <= '9'; s++, n++)
                v = v * 10 + (*s - '0');
        return n ? v : -1;
}

/* <From year="2001" month="--03" day="---10"/> -> "2001-03-10". */
static const char *date_attr(Ctx *c, const xmlNode *n) {
        if (!n)
                return NULL;
        xmlChar *y = xmlGetProp(n, (const xmlChar *)"year"), *m = xmlGetProp(n, (const xmlChar *)"month"),
                *d = xmlGetProp(n, (const xmlChar *)"day");
        char buf[32] = "";
        int mm = small_int(m), dd = small_int(d), yy = small_int(y);
        if (yy >= 1900 && yy <= 2200) {
                if (mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31)
                        snprintf(buf, sizeof buf, "%04d-%02d-%02d", yy, mm, dd);
                else if (mm >= 1 && mm <= 12)
                        snprintf(buf, sizeof buf, "%04d-%02d", yy, mm);
                else
                        snprintf(buf, sizeof buf, "%04d", yy);
        }
        xmlFree(y), xmlFree(m), xmlFree(d);
        return buf[0] ? profile_io_text(c->a, buf, &c->rc) : NULL;
}

static void add_str(Ctx *c, const char ***arr, size_t *n, size_t max, const char *s) {
        if (!s || c->rc)
                return;
        const char **slot = profile_io_push(c->a, arr, n, max, sizeof *slot, &c->rc);
        if (slot)
                *slot = s;
}

static void identity(Ctx *c, const xmlNode *li) {
        const xmlNode *idn = child(li, "Identification");
        ProfileIdentity *id = &c->id;
        id->given_name = text(c, idn, "PersonName/FirstName");
        id->family_name = text(c, idn, "PersonName/Surname");
        if (id->given_name || id->family_name)
                id->name = arena_printf(c->a, "%s%s%s", id->given_name ? id->given_name : "",
                                        id->given_name && id->family_name ? " " : "",
                                        id->family_name ? id->family_name : "");
        const xmlNode *ci = child(idn, "ContactInfo");
        id->address = text(c, ci, "Address/Contact/AddressLine");
        id->postal_code = text(c, ci, "Address/Contact/PostalCode");
        id->city = text(c, ci, "Address/Contact/Municipality");
        id->country_code = text(c, ci, "Address/Contact/Country/Code");
        id->email = text(c, ci, "Email/Contact");
        for (xmlNode *t = path(ci, "TelephoneList") ? path(ci, "TelephoneList")->children : NULL; t; t = t->next)
                if (is(t, "Telephone"))
                        add_str(c, &id->phones, &id->n_phones, 20, text(c, t, "Contact"));
        for (xmlNode *w = path(ci, "WebsiteList") ? path(ci, "WebsiteList")->children : NULL; w; w = w->next)
                if (is(w, "Website"))
                        add_str(c, &id->websites, &id->n_websites, 20, text(c, w, "Contact"));
        const xmlNode *demo = child(idn, "Demographics");
        id->birthdate = date_attr(c, child(demo, "Birthdate"));
        id->gender = text(c, demo, "Gender/Code");
        for (xmlNode *n = path(demo, "NationalityList") ? path(demo, "NationalityList")->children : NULL; n; n = n->next)
                if (is(n, "Nationality"))
                        add_str(c, &id->nationalities, &id->n_nationalities, 10, text(c, n, "Code"));
        /* Identification/Photo is deliberately never read. */
}

static void work(Ctx *c, const xmlNode *we) {
        ProfileExperience *e = profile_io_push(c->a, &c->p.experience, &c->p.n_experience, PROFILE_MAX_EXPERIENCE, sizeof *e, &c->rc);
        if (!e)
                return;
        e->role = text(c, we, "Position/Label");
        e->employer = text(c, we, "Employer/Name");
        e->sector = text(c, we, "Employer/Sector/Label");
        e->description = plain(c, text(c, we, "Activities"));
        e->start = date_attr(c, path(we, "Period/From"));
        e->end = date_attr(c, path(we, "Period/To"));
        e->months = profile_io_months(e->start, e->end, c->opt);
}

static void education(Ctx *c, const xmlNode *ed) {
        ProfileEducation *e = profile_io_push(c->a, &c->p.education, &c->p.n_education, PROFILE_MAX_EDUCATION, sizeof *e, &c->rc);
        if (!e)
                return;
        e->title = text(c, ed, "Title");
        e->institution = text(c, ed, "Organisation/Name");
        e->field = text(c, ed, "Field/Label");
        const char *lvl = text(c, ed, "Level/Code");
        e->eqf_level = lvl && lvl[0] >= '1' && lvl[0] <= '8' && !lvl[1] ? lvl[0] - '0' : 0;
        e->kind = e->title && strcasestr(e->title, "bootcamp") ? EDUCATION_BOOTCAMP : EDUCATION_FORMAL;
        e->start = date_attr(c, path(ed, "Period/From"));
        e->end = date_attr(c, path(ed, "Period/To"));
}

static void language(Ctx *c, const xmlNode *l, bool native) {
        const char *code = text(c, l, "Description/Code");
        if (!code || strlen(code) >= sizeof c->p.languages->code || profile_language_find(&c->p, code) >= 0)
                return; /* free-text languages ("Elvish") have no code to match jobs on */
        ProfileLanguage *lang = profile_io_push(c->a, &c->p.languages, &c->p.n_languages, PROFILE_MAX_LANGUAGES, sizeof *lang, &c->rc);
        if (!lang)
                return;
        for (size_t i = 0; code[i]; i++)
                lang->code[i] = (char)(code[i] >= 'A' && code[i] <= 'Z' ? code[i] + 32 : code[i]);
        lang->native = native;
        /* Five self-assessed skills: the overall level is the lowest. */
        CefrLevel lowest = CEFR_MAX, v;
        for (xmlNode *s = path(l, "ProficiencyLevel") ? path(l, "ProficiencyLevel")->children : NULL; s; s = s->next) {
                if (s->type != XML_ELEMENT_NODE)
                        continue;
                xmlChar *t = xmlNodeGetContent(s);
                if (cefr_parse((const char *)t, &v) == 0 && v < lowest)
                        lowest = v;
                xmlFree(t);
        }
        lang->level = native ? CEFR_C2 : lowest == CEFR_MAX ? CEFR_A1 : lowest;
}

/* "label [3/4]" -> label and level (as written by europass_export). */
static void skill_line(Ctx *c, char *line) {
        int level = 0;
        size_t n = strlen(line);
        const char *orig = arena_strdup(c->a, line);
        if (!orig) {
                c->rc = -ENOMEM;
                return;
        }
        if (n > 6 && line[n - 1] == ']' && line[n - 3] == '/' && line[n - 6] == ' ' && line[n - 5] == '[') {
                level = line[n - 4] - '0';
                line[n - 6] = '\0';
        }
        uint32_t id;
        if (c->opt && c->opt->esco && esco_index_find_label(c->opt->esco, line, &id) == 0) {
                int rc = profile_io_add_skill(c->a, &c->p, c->opt, line, NULL, level, true);
                if (rc)
                        c->rc = rc;
        } else if (line[strspn(line, " \t\r")]) {
                strbuf_puts(&c->skills_text, orig);
                strbuf_putc(&c->skills_text, '\n');
        }
}

static void skills(Ctx *c, const xmlNode *sk) {
        static const char *const parts[] = {"JobRelated", "Computer", "Communication", "Organisational", "Other"};
        for (xmlNode *l = path(sk, "Linguistic/MotherTongueList") ? path(sk, "Linguistic/MotherTongueList")->children : NULL;
             l; l = l->next)
                if (is(l, "MotherTongue"))
                        language(c, l, true);
        for (xmlNode *l = path(sk, "Linguistic/ForeignLanguageList") ? path(sk, "Linguistic/ForeignLanguageList")->children
                                                                     : NULL;
             l; l = l->next)
                if (is(l, "ForeignLanguage"))
                        language(c, l, false);
        for (size_t i = 0; i < sizeof parts / sizeof parts[0] && !c->rc; i++) {
                const char *d = plain(c, text(c, child(sk, parts[i]), "Description"));
                char *copy = d ? arena_strdup(c->a, d) : NULL, *save = NULL;
                for (char *line = copy ? strtok_r(copy, "\n", &save) : NULL; line && !c->rc; line = strtok_r(NULL, "\n", &save))
                        skill_line(c, line);
        }
}

static void achievements(Ctx *c, const xmlNode *list) {
        for (xmlNode *a = list ? list->children : NULL; a && !c->rc; a = a->next) {
                if (!is(a, "Achievement"))
                        continue;
                const char *code = text(c, a, "Title/Code");
                if (!code || strcmp(code, "projects") != 0)
                        continue;
                ProfileProject *pr = profile_io_push(c->a, &c->p.projects, &c->p.n_projects, PROFILE_MAX_PROJECTS, sizeof *pr, &c->rc);
                if (pr) {
                        pr->name = text(c, a, "Title/Label");
                        pr->description = plain(c, text(c, a, "Description"));
                }
        }
}

static void learner(Ctx *c, const xmlNode *li) {
        identity(c, li);
        c->p.headline = text(c, li, "Headline/Description/Label");
        for (xmlNode *w = path(li, "WorkExperienceList") ? path(li, "WorkExperienceList")->children : NULL; w && !c->rc; w = w->next)
                if (is(w, "WorkExperience"))
                        work(c, w);
        for (xmlNode *e = path(li, "EducationList") ? path(li, "EducationList")->children : NULL; e && !c->rc; e = e->next)
                if (is(e, "Education"))
                        education(c, e);
        skills(c, child(li, "Skills"));
        achievements(c, child(li, "AchievementList"));
        if (!c->rc && strbuf_error(&c->skills_text))
                c->rc = strbuf_error(&c->skills_text);
        if (!c->rc && c->skills_text.len)
                c->p.skills_text = profile_io_text(c->a, strbuf_str(&c->skills_text), &c->rc);
}

static int depth_ok(const xmlNode *n, int depth) {
        if (depth > EUROPASS_MAX_DEPTH)
                return 0;
        for (const xmlNode *c = n->children; c; c = c->next)
                if (c->type == XML_ELEMENT_NODE && !depth_ok(c, depth + 1))
                        return 0;
        return 1;
}

static int parse(const char *xml, size_t len, xmlDoc **ret, ProfileIoError *err) {
        if (len > EUROPASS_MAX_BYTES)
                return profile_io_fail(err, -E2BIG, N_("The CV file is too large."), NULL);
        /* No DTD, no entities: nothing to expand, nothing external to fetch. */
        if (memmem(xml, len, "<!DOCTYPE", 9) || memmem(xml, len, "<!ENTITY", 8) || memchr(xml, '\0', len))
                return profile_io_fail(err, -EINVAL, N_("The XML file declares a DTD or entities, which is not allowed."), NULL);
        xmlParserCtxt *ctxt = xmlNewParserCtxt();
        if (!ctxt)
                return -ENOMEM;
        xmlDoc *doc = xmlCtxtReadMemory(ctxt, xml, (int)len, "cv.xml", NULL,
                                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
        if (!doc || doc->intSubset || doc->extSubset) {
                int rc = profile_io_fail(err, -EINVAL, N_("The CV file is not well-formed XML."),
                                  ctxt->lastError.message ? ctxt->lastError.message : "");
                if (err)
                        err->line = ctxt->lastError.line;
                xmlFreeDoc(doc);
                xmlFreeParserCtxt(ctxt);
                return rc;
        }
        xmlFreeParserCtxt(ctxt);
        *ret = doc;
        return 0;
}

int europass_import(Arena *a, const char *xml, size_t len, const ProfileImportOptions *opt, Profile *ret_profile,
                    ProfileIdentity *ret_identity, ProfileIoError *err) {
        xmlDoc *doc = NULL;
        if (!a || (!xml && len) || !ret_profile)
                return profile_io_fail(err, -EINVAL, N_("The CV file is not well-formed XML."), NULL);
        int rc = parse(xml ? xml : "", len, &doc, err);
        if (rc)
                return rc;
        xmlNode *root = xmlDocGetRootElement(doc);
        xmlNode *li = is(root, "SkillsPassport") ? child(root, "LearnerInfo") : NULL;
        if (!li) {
                xmlFreeDoc(doc);
                return profile_io_fail(err, -EINVAL, N_("This is not a Europass CV (no SkillsPassport/LearnerInfo)."), NULL);
        }
        if (!depth_ok(root, 1)) {
                xmlFreeDoc(doc);
                return profile_io_fail(err, -E2BIG, N_("The XML file is nested too deeply."), NULL);
        }
        Ctx c = {.a = a, .opt = opt};
        strbuf_init(&c.skills_text, PROFILE_MAX_TEXT_BYTES);
        learner(&c, li);
        xmlFreeDoc(doc);
        strbuf_free(&c.skills_text);
        if (c.rc)
                return profile_io_fail(err, c.rc,
                                c.rc == -E2BIG ? N_("The CV has more entries than a profile can hold.")
                                : c.rc == -EINVAL ? N_("The CV contains text that is not valid UTF-8.")
                                                  : N_("Out of memory while reading the CV."),
                                NULL);
        *ret_profile = c.p;
        if (ret_identity)
                *ret_identity = c.id;
        if (err)
                memset(err, 0, sizeof *err);
        return 0;
}
