/* schema.org JobPosting as JSON-LD (https://schema.org/JobPosting and the
 * fields Google for Jobs reads), built with jansson. */
#ifndef TD_RENDER_JSONLD_H
#define TD_RENDER_JSONLD_H

#include "domain/jobs/jobs.h"

typedef struct JsonldSite {
        const char *base_url;  /* public root, no trailing slash: job URL is base_url/jobs/ID */
        const char *site_name; /* names the job's identifier */
} JsonldSite;

struct json_t;

/* Returns a new reference (caller json_decref()s) or NULL on out-of-memory.
 * Includes baseSalary (MonetaryAmount with QuantitativeValue minValue,
 * maxValue, unitText), jobLocationType TELECOMMUTE and
 * applicantLocationRequirements for remote jobs, experienceRequirements,
 * occupationalCategory (ESCO URI), datePosted, validThrough,
 * employmentType and hiringOrganization. */
struct json_t *jsonld_job_posting(const Job *job, const JsonldSite *site);

/* Serialises j so that it can sit inside <script type="application/ld+json">:
 * '<', '>', '&', U+2028 and U+2029 are written as \u escapes, so no
 * "</script>" or "<!--" can appear. Returns a heap string (caller free()s)
 * or NULL. */
char *jsonld_dumps_script_safe(const struct json_t *j);

/* Both steps at once; heap string (free()) or NULL. */
char *jsonld_job_posting_script(const Job *job, const JsonldSite *site);

#endif
