/* Atom feed of jobs: parsed back with libxml2. */
#include <errno.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdlib.h>
#include <string.h>

#include "job_fixture.h"
#include "render/atom.h"
#include "test.h"

static const AtomFeedInfo info = {
        .id = "https://jobs.example.org/cities/arezzo/jobs.atom",
        .title = "Lavoro ad Arezzo",
        .self_url = "https://jobs.example.org/cities/arezzo/jobs.atom",
        .alternate_url = "https://jobs.example.org/jobs?city=Arezzo&lang=it",
        .base_url = "https://jobs.example.org",
        .author = "techdiv",
        .lang = LANG_IT,
};

/* Text of the first node matching xpath (atom: prefix bound), or NULL. */
static char *xp(xmlDocPtr doc, const char *expr) {
        xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
        xmlXPathRegisterNs(ctx, BAD_CAST "a", BAD_CAST "http://www.w3.org/2005/Atom");
        xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
        char *s = NULL;
        if (r && r->nodesetval && r->nodesetval->nodeNr > 0)
                s = (char *)xmlNodeGetContent(r->nodesetval->nodeTab[0]);
        xmlXPathFreeObject(r);
        xmlXPathFreeContext(ctx);
        return s;
}

static int xp_count(xmlDocPtr doc, const char *expr) {
        xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
        xmlXPathRegisterNs(ctx, BAD_CAST "a", BAD_CAST "http://www.w3.org/2005/Atom");
        xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
        int n = r && r->nodesetval ? r->nodesetval->nodeNr : -1;
        xmlXPathFreeObject(r);
        xmlXPathFreeContext(ctx);
        return n;
}

static void check_xp(xmlDocPtr doc, const char *expr, const char *want) {
        char *s = xp(doc, expr);
        CHECK_STREQ(s, want, "%s", expr);
        xmlFree(s);
}

static xmlDocPtr parse(const char *xml, size_t len) {
        return xmlReadMemory(xml, (int)len, "feed.atom", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

static void test_feed(void) {
        Job a = fixture_job(), b = fixture_job();
        a.status = b.status = JOB_PUBLISHED;
        a.published_at = FIXTURE_NOW;
        b.id = 43;
        b.title = "Tester <QA> & \"dev\"";
        b.description = "Descrizione con \x01 controllo e \xff byte non valido ]]> fine.";
        b.published_at = FIXTURE_NOW + 3600;
        const Job *jobs[] = { &a, &b };
        char *xml = NULL;
        size_t len = 0;
        CHECK(atom_jobs_feed(&info, jobs, 2, &xml, &len) == 0 && xml && len == strlen(xml), "feed written");
        xmlDocPtr doc = xml ? parse(xml, len) : NULL;
        CHECK(doc != NULL, "feed is well-formed XML");
        if (!doc) {
                free(xml);
                return;
        }
        check_xp(doc, "/a:feed/a:id", info.id);
        check_xp(doc, "/a:feed/a:title", "Lavoro ad Arezzo");
        check_xp(doc, "/a:feed/a:updated", "2026-09-21T15:13:20Z");
        check_xp(doc, "/a:feed/a:link[@rel='self']/@href", info.self_url);
        check_xp(doc, "/a:feed/a:link[@rel='alternate']/@href", info.alternate_url);
        check_xp(doc, "/a:feed/a:author/a:name", "techdiv");
        check_xp(doc, "/a:feed/@xml:lang", "it");
        CHECK_INTEQ(xp_count(doc, "/a:feed/a:entry"), 2, "two entries");
        check_xp(doc, "/a:feed/a:entry[1]/a:id", "https://jobs.example.org/jobs/42");
        check_xp(doc, "/a:feed/a:entry[1]/a:published", "2026-09-21T14:13:20Z");
        check_xp(doc, "/a:feed/a:entry[1]/a:author/a:name", "Arezzo Digitale Srl");
        check_xp(doc, "/a:feed/a:entry[1]/a:category/@term", a.esco_occupation_uri);
        check_xp(doc, "/a:feed/a:entry[2]/a:title", "Tester <QA> & \"dev\"");
        char *sum = xp(doc, "/a:feed/a:entry[2]/a:summary");
        CHECK(sum && strstr(sum, "]]> fine.") && !strchr(sum, '\x01'), "summary escaped, control character removed");
        xmlFree(sum);
        xmlFreeDoc(doc);
        free(xml);
}

static void test_limits(void) {
        Job j = fixture_job();
        static char desc[ATOM_MAX_SUMMARY * 3];
        for (size_t i = 0; i + 2 < sizeof(desc); i += 2)
                memcpy(desc + i, "\xc3\xa8", 2); /* è: a cut must not split it */
        j.description = desc;
        const Job *jobs[] = { &j };
        char *xml = NULL;
        size_t len = 0;
        CHECK(atom_jobs_feed(&info, jobs, 1, &xml, &len) == 0, "long description");
        xmlDocPtr doc = xml ? parse(xml, len) : NULL;
        char *sum = doc ? xp(doc, "/a:feed/a:entry/a:summary") : NULL;
        CHECK(sum && strlen(sum) <= ATOM_MAX_SUMMARY && strlen(sum) % 2 == 0, "summary cut at ATOM_MAX_SUMMARY on a character");
        xmlFree(sum);
        xmlFreeDoc(doc);
        free(xml);
        static Job many[ATOM_MAX_ENTRIES + 1];
        static const Job *pm[ATOM_MAX_ENTRIES + 1];
        for (size_t i = 0; i < ATOM_MAX_ENTRIES + 1; i++) {
                many[i] = fixture_job();
                many[i].id = (int64_t)i;
                pm[i] = &many[i];
        }
        CHECK(atom_jobs_feed(&info, pm, ATOM_MAX_ENTRIES + 1, &xml, &len) == 0, "feed of ATOM_MAX_ENTRIES + 1 jobs");
        doc = parse(xml, len);
        CHECK_INTEQ(doc ? xp_count(doc, "/a:feed/a:entry") : -1, ATOM_MAX_ENTRIES, "capped at ATOM_MAX_ENTRIES");
        xmlFreeDoc(doc);
        free(xml);
        AtomFeedInfo bad = info;
        bad.id = NULL;
        CHECK(atom_jobs_feed(&bad, jobs, 1, &xml, &len) == -EINVAL, "missing feed id");
        CHECK(atom_jobs_feed(&info, NULL, 1, &xml, &len) == -EINVAL, "NULL jobs");
        xml = NULL;
        CHECK(atom_jobs_feed(&info, NULL, 0, &xml, &len) == 0 && xml && strstr(xml, "<feed"), "empty feed");
        free(xml);
}

int main(void) {
        test_feed();
        test_limits();
        xmlCleanupParser();
        return test_done();
}
