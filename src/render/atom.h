/* Atom 1.0 feed (RFC 4287) of open jobs, written with libxml2's
 * xmlTextWriter so that every text and attribute is escaped by the writer. */
#ifndef TD_RENDER_ATOM_H
#define TD_RENDER_ATOM_H

#include <stddef.h>
#include <stdint.h>

#include "domain/jobs/jobs.h"

/* Longest entry summary (bytes of the description, cut on a character). */
#define ATOM_MAX_SUMMARY 600
/* Most entries in one feed. */
#define ATOM_MAX_ENTRIES 500

typedef struct AtomFeedInfo {
        const char *id;            /* feed IRI, e.g. base_url/cities/arezzo/jobs.atom */
        const char *title;         /* already translated, e.g. "Jobs in Arezzo" */
        const char *self_url;      /* the feed's own URL */
        const char *alternate_url; /* the HTML list it mirrors (optional) */
        const char *base_url;      /* entry links: base_url/jobs/ID */
        const char *author;        /* feed author (the platform) */
        Lang lang;                 /* xml:lang of the feed */
        int64_t updated;           /* 0: the newest job's time (or now when empty) */
} AtomFeedInfo;

/* Writes the feed for jobs[0..n) (at most ATOM_MAX_ENTRIES are written).
 * Returns 0 and a heap string (caller free()s) with its length, -EINVAL for
 * missing feed fields, -ENOMEM. Invalid UTF-8 and characters XML forbids
 * are replaced, never passed through. */
int atom_jobs_feed(const AtomFeedInfo *info, const Job *const *jobs, size_t n, char **ret_xml, size_t *ret_len);

#endif
