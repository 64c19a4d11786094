/* Atom 1.0 feed of jobs with libxml2's xmlTextWriter. */
#include "render/atom.h"

#include <errno.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/utf8.h"

#define ATOM_NS "http://www.w3.org/2005/Atom"

/* Valid UTF-8 without the control characters XML 1.0 forbids. Arena-owned. */
static const xmlChar *xml_text(Arena *a, const char *s) {
        if (!s)
                return (const xmlChar *)"";
        char *t = utf8_sanitize(a, s, strlen(s));
        if (!t)
                return NULL;
        for (unsigned char *p = (unsigned char *)t; *p; p++)
                if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
                        *p = ' ';
        return (const xmlChar *)t;
}

static void rfc3339(int64_t t, char buf[32]) {
        time_t tt = (time_t)t;
        struct tm tm;
        if (!gmtime_r(&tt, &tm) || !strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm))
                snprintf(buf, 32, "1970-01-01T00:00:00Z");
}

typedef struct W {
        xmlTextWriterPtr w;
        Arena *a;
        int rc; /* first failure */
} W;

static void elem(W *w, const char *name, const char *text) {
        const xmlChar *t = xml_text(w->a, text);
        if (!t || xmlTextWriterWriteElement(w->w, (const xmlChar *)name, t) < 0)
                w->rc = -ENOMEM;
}

static void time_elem(W *w, const char *name, int64_t t) {
        char buf[32];
        rfc3339(t, buf);
        elem(w, name, buf);
}

static void link_elem(W *w, const char *rel, const char *href, const char *type) {
        const xmlChar *h = xml_text(w->a, href);
        if (!h || xmlTextWriterStartElement(w->w, BAD_CAST "link") < 0 ||
            xmlTextWriterWriteAttribute(w->w, BAD_CAST "rel", BAD_CAST rel) < 0 ||
            xmlTextWriterWriteAttribute(w->w, BAD_CAST "href", h) < 0 ||
            (type && xmlTextWriterWriteAttribute(w->w, BAD_CAST "type", BAD_CAST type) < 0) ||
            xmlTextWriterEndElement(w->w) < 0)
                w->rc = -ENOMEM;
}

static int64_t job_time(const Job *j) { return j->updated_at > j->published_at ? j->updated_at : j->published_at; }

static void summary(W *w, const Job *j) {
        const char *d = j->description ? j->description : "";
        size_t n = utf8_truncate(d, strlen(d), ATOM_MAX_SUMMARY);
        char *cut = arena_strndup(w->a, d, n);
        const xmlChar *t = cut ? xml_text(w->a, cut) : NULL;
        if (!t || xmlTextWriterStartElement(w->w, BAD_CAST "summary") < 0 ||
            xmlTextWriterWriteAttribute(w->w, BAD_CAST "type", BAD_CAST "text") < 0 ||
            xmlTextWriterWriteString(w->w, t) < 0 || xmlTextWriterEndElement(w->w) < 0)
                w->rc = -ENOMEM;
}

static void category(W *w, const Job *j) {
        if (!j->esco_occupation_uri || !*j->esco_occupation_uri)
                return;
        const xmlChar *term = xml_text(w->a, j->esco_occupation_uri);
        const xmlChar *label = xml_text(w->a, j->esco_occupation_label);
        if (!term || !label || xmlTextWriterStartElement(w->w, BAD_CAST "category") < 0 ||
            xmlTextWriterWriteAttribute(w->w, BAD_CAST "term", term) < 0 ||
            xmlTextWriterWriteAttribute(w->w, BAD_CAST "scheme", BAD_CAST "http://data.europa.eu/esco/occupation") < 0 ||
            (*label && xmlTextWriterWriteAttribute(w->w, BAD_CAST "label", label) < 0) ||
            xmlTextWriterEndElement(w->w) < 0)
                w->rc = -ENOMEM;
}

static void entry(W *w, const AtomFeedInfo *info, const Job *j) {
        char *url = arena_printf(w->a, "%s/jobs/%lld", info->base_url, (long long)j->id);
        if (!url || xmlTextWriterStartElement(w->w, BAD_CAST "entry") < 0) {
                w->rc = -ENOMEM;
                return;
        }
        elem(w, "id", url);
        elem(w, "title", j->title);
        link_elem(w, "alternate", url, "text/html");
        time_elem(w, "published", j->published_at);
        time_elem(w, "updated", job_time(j));
        if (j->employer_name && *j->employer_name) {
                if (xmlTextWriterStartElement(w->w, BAD_CAST "author") < 0)
                        w->rc = -ENOMEM;
                elem(w, "name", j->employer_name);
                if (xmlTextWriterEndElement(w->w) < 0)
                        w->rc = -ENOMEM;
        }
        category(w, j);
        summary(w, j);
        if (xmlTextWriterEndElement(w->w) < 0)
                w->rc = -ENOMEM;
}

static void feed_head(W *w, const AtomFeedInfo *info, const Job *const *jobs, size_t n) {
        if (xmlTextWriterStartDocument(w->w, "1.0", "UTF-8", NULL) < 0 ||
            xmlTextWriterStartElementNS(w->w, NULL, BAD_CAST "feed", BAD_CAST ATOM_NS) < 0 ||
            xmlTextWriterWriteAttribute(w->w, BAD_CAST "xml:lang", BAD_CAST lang_code(info->lang)) < 0) {
                w->rc = -ENOMEM;
                return;
        }
        int64_t updated = info->updated;
        for (size_t i = 0; !info->updated && i < n; i++)
                if (job_time(jobs[i]) > updated)
                        updated = job_time(jobs[i]);
        elem(w, "id", info->id);
        elem(w, "title", info->title);
        time_elem(w, "updated", updated ? updated : (int64_t)time(NULL));
        link_elem(w, "self", info->self_url, "application/atom+xml");
        if (info->alternate_url)
                link_elem(w, "alternate", info->alternate_url, "text/html");
        if (xmlTextWriterStartElement(w->w, BAD_CAST "author") < 0)
                w->rc = -ENOMEM;
        elem(w, "name", info->author);
        if (xmlTextWriterEndElement(w->w) < 0)
                w->rc = -ENOMEM;
}

int atom_jobs_feed(const AtomFeedInfo *info, const Job *const *jobs, size_t n, char **ret_xml, size_t *ret_len) {
        if (!info || !info->id || !info->title || !info->self_url || !info->base_url || !info->author ||
            (n && !jobs) || !ret_xml)
                return -EINVAL;
        xmlBufferPtr buf = xmlBufferCreate();
        W w = { .w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL, .a = arena_new() };
        if (!w.w || !w.a) {
                xmlBufferFree(buf);
                arena_free(w.a);
                return -ENOMEM;
        }
        feed_head(&w, info, jobs, n);
        for (size_t i = 0; i < n && i < ATOM_MAX_ENTRIES && w.rc == 0; i++)
                entry(&w, info, jobs[i]);
        if (xmlTextWriterEndDocument(w.w) < 0)
                w.rc = -ENOMEM;
        xmlFreeTextWriter(w.w); /* flushes into buf */
        char *out = w.rc == 0 ? strndup((const char *)xmlBufferContent(buf), (size_t)xmlBufferLength(buf)) : NULL;
        int rc = w.rc ? w.rc : out ? 0 : -ENOMEM;
        if (rc == 0) {
                *ret_xml = out;
                if (ret_len)
                        *ret_len = strlen(out);
        }
        xmlBufferFree(buf);
        arena_free(w.a);
        return rc;
}
