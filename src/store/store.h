/* Backend-neutral storage. Callers never see SQL or engine error codes:
 * every function returns 0 or a negative errno (-ENOENT not found,
 * -EEXIST unique conflict, -EINVAL bad input, -EIO engine failure,
 * -ENOMEM). Strings in results are owned by the Arena passed in.
 *
 * Two backends implement it: SQLite (sqlite:PATH, WAL) and PostgreSQL
 * (postgresql://...). Both run the same statements (written once, with
 * $1..$N parameters) and their own numbered migrations. */
#ifndef TD_STORE_STORE_H
#define TD_STORE_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"

typedef struct Store Store;
typedef struct StoreConn StoreConn;

/* Connections kept by one Store (per process). */
#define STORE_POOL_MAX 32
#define STORE_URL_MAX 1024

/* Opens a store for url ("sqlite:PATH" or "postgresql://..."); pool_size
 * connections are opened lazily. On success *ret is owned by the caller
 * (store_close). */
int store_open(const char *url, unsigned pool_size, Store **ret);
/* NULL-safe. Waits for no one: call only when no request is running. */
void store_close(Store *s);
/* "sqlite" or "postgresql" (static). */
const char *store_backend(const Store *s);
/* Applies missing migrations in order, each in its own transaction, under
 * a lock so several servers may start at once. *ret_applied (may be NULL)
 * gets the number applied. */
int store_migrate(Store *s, int *ret_applied);
/* Current schema version (highest applied migration). */
int store_schema_version(Store *s, int *ret_version);
/* Round trip to the engine; 0 when reachable. */
int store_ping(Store *s);
/* Count of engine errors since start (for /metrics). */
uint64_t store_error_count(const Store *s);

/* Explicit transactions: acquire a connection in BEGIN state; every
 * store_* function that takes a StoreConn runs inside it. End with exactly
 * one of commit/rollback, which also releases the connection. */
int store_begin(Store *s, StoreConn **ret);
int store_commit(StoreConn *c);
void store_rollback(StoreConn *c);
/* Ends the transaction by the outcome r of its work: commits when r >= 0
 * (returning the commit's result), rolls back and returns r otherwise. */
int store_end(StoreConn *c, int r);

/* ---- Network: cities and calendar ---- */

typedef struct City {
        int64_t id;
        const char *slug;       /* url key, e.g. "bielsko-biala" */
        const char *name;       /* English name */
        const char *name_local; /* name in the city's language */
        const char *country;    /* ISO 3166-1 alpha-2 */
        const char *lang;       /* main language code, e.g. "pl" */
        int64_t population;
        int is_lead;
        const char *focus_en;    /* local group's focus, English */
        const char *focus_local; /* same in the city's language, may be NULL */
        const char *partner;     /* partner body, e.g. "e-Trikala" */
} City;

typedef struct CalEvent {
        int64_t id;
        const char *uid;       /* stable across imports, used in iCalendar */
        const char *city_slug; /* NULL for network-wide events */
        const char *kind;      /* network-meeting, ulg-meeting, report, online, deadline, break */
        const char *title;     /* English */
        const char *starts_on; /* YYYY-MM-DD */
        const char *ends_on;   /* YYYY-MM-DD, >= starts_on */
        const char *location;  /* may be NULL */
        const char *details;   /* may be NULL */
        int64_t version;       /* increases with every change */
        int done;              /* a milestone or deadline that was met */
} CalEvent;

int store_city_upsert(StoreConn *c, const City *city);
/* All cities, lead partner first then by name. */
int store_city_list(Store *s, Arena *a, City **ret, size_t *ret_n);
int store_city_get(Store *s, Arena *a, const char *slug, City *ret);

/* Creates or replaces the event of ev->uid (imports); a replaced event's
 * version increases. */
int store_event_upsert(StoreConn *c, const CalEvent *ev);
/* Events of one city plus the network's (city_slug NULL: all events),
 * ordered by date. */
int store_event_list(Store *s, Arena *a, const char *city_slug, CalEvent **ret, size_t *ret_n);
/* One event by id; -ENOENT when there is none. Strings owned by a. */
int store_event_get(Store *s, Arena *a, int64_t id, CalEvent *ret);
/* Number of events of the whole calendar. */
int store_event_count(Store *s, int64_t *ret_n);
/* Adds a new event (version 1) and sets *ret_id: -EEXIST when its uid is
 * taken (nothing is overwritten), -ENOENT for an unknown city, -EINVAL
 * for missing fields or dates. */
int store_event_insert(StoreConn *c, const CalEvent *ev, int64_t *ret_id);
/* Replaces everything but the uid of event ev->id, only at
 * expected_version: -EEXIST when it changed meanwhile or is gone, -ENOENT
 * for an unknown city, -EINVAL for missing fields or dates. */
int store_event_update(StoreConn *c, const CalEvent *ev, int64_t expected_version);
/* Removes event id only at expected_version: -EEXIST when it changed or
 * is gone. */
int store_event_delete_at(StoreConn *c, int64_t id, int64_t expected_version);

/* ---- ESCO reference data ---- */

/* One concept with its labels in one language. kind: 0 skill, 1 occupation
 * (other kinds are not stored). alt: alternative labels joined by '\n'. */
typedef struct EscoConceptRow {
        const char *uri;
        int kind;
        const char *skill_type, *reuse_level, *isco_group, *code;
        const char *lang, *preferred, *alt, *description;
} EscoConceptRow;

typedef struct EscoRelationRow {
        const char *occupation_uri, *skill_uri;
        int essential;
} EscoRelationRow;

typedef struct EscoCounts {
        int64_t skills, occupations, relations;
} EscoCounts;

/* Upserts (idempotent). Batches of any size; callers keep them to a few
 * thousand rows. */
int store_esco_put_concepts(StoreConn *c, const EscoConceptRow *rows, size_t n);
int store_esco_put_relations(StoreConn *c, const EscoRelationRow *rows, size_t n);
int store_esco_put_collection(StoreConn *c, int collection, const char *const *uris, size_t n);

/* Streams everything back: concepts ordered by URI with English labels
 * first, then relations, then collection memberships. Row strings are
 * valid only during the callback. A callback's non-zero return stops. */
typedef struct EscoScan {
        int (*concept)(void *userdata, const EscoConceptRow *row);
        int (*relation)(void *userdata, const EscoRelationRow *row);
        int (*collection)(void *userdata, int collection, const char *uri);
        void *userdata;
} EscoScan;
int store_esco_scan(Store *s, const EscoScan *scan);
int store_esco_counts(Store *s, EscoCounts *ret);

/* ---- Candidate profiles (skills-only part) ---- */

typedef struct CandidateRowSkill {
        const char *uri;
        int level; /* 1..4, 0 not given */
} CandidateRowSkill;
typedef struct CandidateRowLanguage {
        const char *code, *level; /* "en", "B2" or "native" */
} CandidateRowLanguage;

typedef struct CandidateRow {
        const char *external_id;
        const char *remote; /* "any", "no", "hybrid", "only" */
        const CandidateRowSkill *skills;
        size_t n_skills;
        const CandidateRowLanguage *languages;
        size_t n_languages;
        const char *const *cities;
        size_t n_cities;
} CandidateRow;

/* Upserts a batch by external id (replacing each profile's skills,
 * languages and cities; within a batch the last row of an external id
 * wins). c comes from store_begin. -EINVAL, with nothing written, for a
 * row without an external id, a NULL skill URI, language or city, or text
 * that is not UTF-8. */
int store_candidates_put(StoreConn *c, const CandidateRow *rows, size_t n);
int store_candidates_count(Store *s, int64_t *ret_candidates, int64_t *ret_skills);
/* One profile's skills by URI (none for an unknown external id); the
 * array and strings are owned by a. */
int store_candidates_skills(Store *s, Arena *a, const char *external_id, CandidateRowSkill **ret, size_t *ret_n);

/* A bulk import inside one transaction, around its store_candidates_put
 * calls: on SQLite the index of candidate skills by skill is dropped and
 * built again at the end (sorting once is several times cheaper than
 * keeping it up to date row by row), but only when about expected profiles
 * (an estimate) is at least STORE_CAND_BULK_MIN and at least half of the
 * profiles already stored, so that a small import into a large database
 * does not rebuild everything. Call _end before store_commit; a rollback
 * restores the index by itself. Both do nothing on PostgreSQL. */
#define STORE_CAND_BULK_MIN 10000
int store_candidates_bulk_begin(StoreConn *c, size_t expected);
int store_candidates_bulk_end(StoreConn *c);

/* ---- Job postings ---- */

#define STORE_JOB_DOC_MAX ((size_t)1 << 20)
#define STORE_JOBS_LIST_MAX 1000

typedef struct JobRow {
        int64_t id;          /* 0 when new */
        const char *ext_key; /* stable key of demo/imported jobs, may be NULL */
        const char *org_key; /* the employer organisation, may be NULL */
        const char *status;  /* "draft", "published", "closed" */
        const char *lang, *city, *remote, *occupation_uri;
        const char *deadline;     /* RFC 3339 UTC or NULL */
        const char *published_at; /* RFC 3339 UTC or NULL */
        const char *doc;          /* the posting as JSON */
        int64_t version;
} JobRow;

/* Inserts (id 0; upserts by ext_key when given) or updates job->id, the
 * latter only over expected_version when > 0 (-EEXIST otherwise). */
int store_job_put(StoreConn *c, const JobRow *job, int64_t expected_version, int64_t *ret_id);
int store_job_get(Store *s, Arena *a, int64_t id, JobRow *ret);
/* Published jobs whose deadline is not before now_iso (RFC 3339), newest
 * first, at most limit (<= STORE_JOBS_LIST_MAX). */
int store_job_list_open(Store *s, Arena *a, const char *now_iso, int64_t limit, JobRow **ret, size_t *ret_n);
/* Every job of one organisation, most recently changed first. */
int store_job_list_org(Store *s, Arena *a, const char *org_key, int64_t limit, JobRow **ret, size_t *ret_n);

/* ---- Integrated Action Plan records ---- */

#define STORE_IAP_ID_MAX 64
#define STORE_IAP_DOC_MAX ((size_t)1 << 20)

typedef struct IapRecordRow {
        const char *city_slug;
        const char *kind;   /* "plan", "problem", "objective", "action", ... */
        const char *rec_id; /* unique within the city and kind */
        int64_t position;   /* display order within the kind */
        const char *doc;    /* the record as JSON */
        int64_t version;    /* increases with every save */
        const char *updated_at;
} IapRecordRow;

/* Creates or replaces a record. expected_version > 0 saves only over that
 * version (-EEXIST when someone saved in between); 0 saves regardless.
 * -ENOENT for an unknown city, -EINVAL for missing fields or over limits. */
int store_iap_put(StoreConn *c, const IapRecordRow *rec, int64_t expected_version);
int store_iap_delete(StoreConn *c, const char *city_slug, const char *kind, const char *rec_id);
/* Adds a new record (version 1); -EEXIST when the city already has one of
 * that kind and id (or there is no such city), so two creations never
 * overwrite each other. */
int store_iap_insert(StoreConn *c, const IapRecordRow *rec);
/* Removes a record only at expected_version: -EEXIST when it changed or
 * is gone. */
int store_iap_delete_at(StoreConn *c, const char *city_slug, const char *kind, const char *rec_id,
                        int64_t expected_version);
/* Job postings published in the city named city (the postings' own city
 * field) with published_at in [from, to) (RFC 3339 prefixes). */
int store_jobs_published_in(Store *s, const char *city, const char *from, const char *to, int64_t *ret_n);
/* Every record of a city, by kind and position. */
int store_iap_list(Store *s, Arena *a, const char *city_slug, IapRecordRow **ret, size_t *ret_n);

/* ---- Candidate profiles (as their owner edits them) ---- */

/* Ciphertext can be large: a CV's text is up to 16 MiB before encryption. */
#define STORE_PROFILE_FIELD_MAX ((size_t)24 << 20)

typedef struct ProfileRow {
        int64_t user_id;
        const char *doc_enc;      /* vault ciphertext of the profile JSON (required) */
        const char *identity_enc; /* of the identity JSON from an import, may be NULL */
        const char *cv_enc;       /* of the uploaded CV's text, may be NULL */
        const char *marks_enc;    /* of the candidate's corrections to the anonymised view */
        const char *approved_enc; /* of the anonymised view the candidate approved */
        int64_t approved_at;      /* 0 = never approved */
        int64_t version;          /* increases with every save */
        int64_t created_at, updated_at;
        int64_t updated_by;       /* user who saved last */
} ProfileRow;

/* Creates (expected_version 0, -EEXIST if one exists) or replaces the
 * profile of row->user_id over expected_version (-EEXIST when someone saved
 * in between). -EINVAL for a missing document or a field over
 * STORE_PROFILE_FIELD_MAX. */
int store_profile_put(StoreConn *c, const ProfileRow *row, int64_t expected_version);
/* -ENOENT when the user has no profile. */
int store_profile_get(Store *s, Arena *a, int64_t user_id, ProfileRow *ret);
/* Removes the profile (erasure); 0 also when there was none. */
int store_profile_delete(StoreConn *c, int64_t user_id);
/* Removes a bulk/mirrored candidate by external id; 0 also when absent. */
int store_candidate_delete(StoreConn *c, const char *external_id);

#endif
