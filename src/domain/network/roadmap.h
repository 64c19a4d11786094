/* The network roadmap: the calendar's entries (milestones, deadlines,
 * network and local-group meetings, reports...) as the network's
 * coordinators add, change and remove them. The rules live here: what a
 * valid entry is, whether a milestone is done, upcoming or overdue, the
 * quarter an entry falls in, and saving over the version the editor saw.
 * Every message is an English msgid for the caller to translate. */
#ifndef TD_DOMAIN_NETWORK_ROADMAP_H
#define TD_DOMAIN_NETWORK_ROADMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* Limits on what an editor sends, in characters (code points). */
#define ROADMAP_TITLE_MAX    200
#define ROADMAP_LOCATION_MAX 200
#define ROADMAP_DETAILS_MAX  4000
/* An entry lasts at most this many days, first and last included. */
#define ROADMAP_SPAN_DAYS_MAX 366
/* Entries of the whole calendar (the iCalendar feeds carry them all). */
#define ROADMAP_ENTRIES_MAX 2000
/* New entries' uids: ROADMAP_UID_PREFIX and 16 hexadecimal digits. */
#define ROADMAP_UID_PREFIX "roadmap-"
#define ROADMAP_UID_SIZE   (sizeof(ROADMAP_UID_PREFIX) + 16)
#define ROADMAP_PROBLEMS_MAX 10

/* Where a milestone or deadline stands on a given day. Entries of other
 * kinds have no status (ROADMAP_NO_STATUS). */
typedef enum RoadmapStatus {
        ROADMAP_NO_STATUS,
        ROADMAP_DONE,
        ROADMAP_UPCOMING, /* not done, its last day not yet past */
        ROADMAP_OVERDUE,  /* not done, its last day past */
        ROADMAP_STATUS_MAX
} RoadmapStatus;

/* The submitted form, raw (NULL for a field not sent). done is "yes" when
 * ticked. */
typedef struct RoadmapInput {
        const char *title, *kind, *city, *starts_on, *ends_on, *location, *details, *done;
} RoadmapInput;

/* One refused field (NULL: the entry as a whole) and why: msgid, a
 * printf format with one %d taking arg when arg is not 0 (a limit). */
typedef struct RoadmapProblem {
        const char *field;
        const char *msgid;
        int arg;
} RoadmapProblem;

typedef struct RoadmapResult {
        int64_t id; /* the entry created or saved */
        RoadmapProblem problems[ROADMAP_PROBLEMS_MAX];
        size_t n_problems;
} RoadmapResult;

/* The kinds an entry may have, in the order a form offers them; NULL
 * terminated, static. */
extern const char *const roadmap_kinds[];
bool roadmap_kind_known(const char *kind);
/* Milestones and deadlines can be marked done. */
bool roadmap_kind_has_done(const char *kind);

/* Checks in and fills *ret (strings trimmed and copied into a; optional
 * fields left empty are NULL; an empty last day is the first day) against
 * the network's cities. 0, or -EINVAL with every problem in res (the
 * title's first), -ENOMEM. ret->uid, id and version are left as they were. */
int roadmap_check(const RoadmapInput *in, const City *cities, size_t n_cities, Arena *a, CalEvent *ret,
                  RoadmapResult *res);

/* The status of ev on today ("YYYY-MM-DD"). */
RoadmapStatus roadmap_status(const CalEvent *ev, const char *today);
/* English msgid naming a status ("Done"); "" for ROADMAP_NO_STATUS. */
const char *roadmap_status_msgid(RoadmapStatus st);
/* Today's date in UTC at now (Unix seconds) into out: 0 or -EINVAL. */
int roadmap_today(int64_t now, char out[11]);
/* The quarter of a date: *ret_year and *ret_quarter (1..4). 0 or -EINVAL. */
int roadmap_quarter(const char *date, int *ret_year, int *ret_quarter);
/* A fresh uid for a new entry (random): 0 or -EIO. */
int roadmap_new_uid(char out[ROADMAP_UID_SIZE]);

/* Adds an entry with a fresh uid (res->id set). -EINVAL with problems for
 * bad input, -E2BIG (with a problem) when the calendar already holds
 * ROADMAP_ENTRIES_MAX entries, -EEXIST when the uid was taken meanwhile;
 * nothing is stored then. */
int roadmap_create(Store *s, Arena *a, const RoadmapInput *in, RoadmapResult *res);
/* Saves entry id over expected_version, keeping its uid (subscribed
 * calendars update it in place). -EINVAL with problems, -ENOENT for no
 * such entry, -EEXIST when it changed or was removed meanwhile; nothing is
 * stored then. */
int roadmap_update(Store *s, Arena *a, int64_t id, int64_t expected_version, const RoadmapInput *in,
                   RoadmapResult *res);
/* Removes entry id at expected_version: -EEXIST when it changed or is
 * gone. */
int roadmap_delete(Store *s, int64_t id, int64_t expected_version);

#endif
