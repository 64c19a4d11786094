#include "domain/network/roadmap.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "core/i18n.h"
#include "core/utf8.h"
#include "domain/iap/date.h"

const char *const roadmap_kinds[] = {
        "milestone", "deadline", "network-meeting", "ulg-meeting", "report", "online", "local", "break", NULL,
};

bool roadmap_kind_known(const char *kind) {
        for (size_t i = 0; kind && roadmap_kinds[i]; i++)
                if (strcmp(kind, roadmap_kinds[i]) == 0)
                        return true;
        return false;
}

bool roadmap_kind_has_done(const char *kind) {
        return kind && (strcmp(kind, "milestone") == 0 || strcmp(kind, "deadline") == 0);
}

static const char *const REQUIRED = N_("This field is required.");
static const char *const TOO_LONG = N_("At most %d characters, please.");
static const char *const NOT_UTF8 = N_("This text is not valid UTF-8.");
static const char *const ONE_LINE = N_("Please write this on one line, without control characters.");
static const char *const CONTROL = N_("This text holds control characters that are not allowed.");
static const char *const BAD_DATE = N_("Please give a real date as YYYY-MM-DD, e.g. 2025-03-31.");

static void problem(RoadmapResult *res, const char *field, const char *msgid, int arg) {
        if (res->n_problems < ROADMAP_PROBLEMS_MAX)
                res->problems[res->n_problems++] = (RoadmapProblem){ field, msgid, arg };
}

/* s without the blanks around it, in a (NULL for NULL). */
static char *trimmed(Arena *a, const char *s) {
        if (!s)
                return NULL;
        const char *e = s + strlen(s);
        while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
                s++;
        while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
                e--;
        return arena_strndup(a, s, (size_t)(e - s));
}

/* Line breaks as LF (browsers send CRLF). */
static void unix_breaks(char *s) {
        char *w = s;
        for (const char *r = s; *r; r++) {
                if (*r == '\r') {
                        *w++ = '\n';
                        if (r[1] == '\n')
                                r++;
                } else {
                        *w++ = *r;
                }
        }
        *w = '\0';
}

/* C0 (but line breaks and tabs in multi-line text), DEL and C1 controls. */
static bool has_control(const char *s, bool multiline) {
        size_t n = strlen(s);
        for (size_t i = 0; i < n;) {
                uint32_t cp;
                int len = utf8_decode(s + i, n - i, &cp);
                if (len < 0)
                        return true;
                if ((cp < 0x20 && !(multiline && (cp == '\n' || cp == '\t'))) || (cp >= 0x7F && cp <= 0x9F))
                        return true;
                i += (size_t)len;
        }
        return false;
}

/* A text field: trimmed into *ret (NULL when empty), or a problem. */
static void text_field(const char *field, const char *raw, bool required, bool multiline, int max, Arena *a,
                       const char **ret, RoadmapResult *res) {
        *ret = NULL;
        if (raw && !utf8_valid(raw, strlen(raw)))
                return problem(res, field, NOT_UTF8, 0);
        char *v = trimmed(a, raw);
        if (v && multiline)
                unix_breaks(v);
        if (!v || !*v) {
                if (required)
                        problem(res, field, REQUIRED, 0);
                return;
        }
        if (has_control(v, multiline))
                return problem(res, field, multiline ? CONTROL : ONE_LINE, 0);
        if (utf8_length(v, strlen(v)) > (size_t)max)
                return problem(res, field, TOO_LONG, max);
        *ret = v;
}

/* Days since 1970-01-01 of a valid date (H. Hinnant's days_from_civil). */
static long day_number(const char *date) {
        int y, m, d;
        if (sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3)
                return 0;
        y -= m <= 2;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
}

static void dates(const RoadmapInput *in, Arena *a, CalEvent *ev, RoadmapResult *res) {
        char *from = trimmed(a, in->starts_on), *to = trimmed(a, in->ends_on);
        bool from_ok = false;
        if (!from || !*from)
                problem(res, "starts_on", REQUIRED, 0);
        else if (!(from_ok = iap_date_valid(from)))
                problem(res, "starts_on", BAD_DATE, 0);
        if (to && *to && !iap_date_valid(to))
                return problem(res, "ends_on", BAD_DATE, 0);
        if (!from_ok)
                return;
        if (!to || !*to)
                to = from;
        if (strcmp(to, from) < 0)
                return problem(res, "ends_on", N_("The last day cannot be before the first day."), 0);
        if (day_number(to) - day_number(from) + 1 > ROADMAP_SPAN_DAYS_MAX)
                return problem(res, "ends_on", N_("An entry can last at most %d days."), ROADMAP_SPAN_DAYS_MAX);
        ev->starts_on = from;
        ev->ends_on = to;
}

static void kind_city(const RoadmapInput *in, const City *cities, size_t n_cities, CalEvent *ev,
                      RoadmapResult *res) {
        if (!in->kind || !*in->kind)
                problem(res, "kind", REQUIRED, 0);
        else if (!roadmap_kind_known(in->kind))
                problem(res, "kind", N_("Please choose one of the kinds offered."), 0);
        else
                ev->kind = in->kind;
        ev->city_slug = NULL;
        if (!in->city || !*in->city)
                return;
        for (size_t i = 0; i < n_cities; i++)
                if (strcmp(cities[i].slug, in->city) == 0) {
                        ev->city_slug = cities[i].slug;
                        return;
                }
        problem(res, "city", N_("Please choose one of the network's cities, or the whole network."), 0);
}

static void done_field(const RoadmapInput *in, CalEvent *ev, RoadmapResult *res) {
        ev->done = 0;
        if (!in->done || !*in->done)
                return;
        if (strcmp(in->done, "yes") != 0)
                return problem(res, "done", N_("Please tick the box or leave it empty."), 0);
        if (roadmap_kind_known(in->kind) && !roadmap_kind_has_done(in->kind))
                return problem(res, "done", N_("Only milestones and deadlines can be marked done."), 0);
        ev->done = 1;
}

int roadmap_check(const RoadmapInput *in, const City *cities, size_t n_cities, Arena *a, CalEvent *ret,
                  RoadmapResult *res) {
        CalEvent ev = *ret;
        res->n_problems = 0;
        text_field("title", in->title, true, false, ROADMAP_TITLE_MAX, a, &ev.title, res);
        kind_city(in, cities, n_cities, &ev, res);
        dates(in, a, &ev, res);
        text_field("location", in->location, false, false, ROADMAP_LOCATION_MAX, a, &ev.location, res);
        text_field("details", in->details, false, true, ROADMAP_DETAILS_MAX, a, &ev.details, res);
        done_field(in, &ev, res);
        if (res->n_problems)
                return -EINVAL;
        *ret = ev;
        return 0;
}

RoadmapStatus roadmap_status(const CalEvent *ev, const char *today) {
        if (!roadmap_kind_has_done(ev->kind))
                return ROADMAP_NO_STATUS;
        if (ev->done)
                return ROADMAP_DONE;
        return ev->ends_on && today && strcmp(ev->ends_on, today) < 0 ? ROADMAP_OVERDUE : ROADMAP_UPCOMING;
}

const char *roadmap_status_msgid(RoadmapStatus st) {
        switch (st) {
        case ROADMAP_DONE:
                return N_("Done");
        case ROADMAP_UPCOMING:
                return N_("Not yet due");
        case ROADMAP_OVERDUE:
                return N_("Overdue");
        default:
                return "";
        }
}

int roadmap_today(int64_t now, char out[11]) {
        time_t t = (time_t)now;
        struct tm tm;
        if (now < 0 || !gmtime_r(&t, &tm) || tm.tm_year + 1900 > 9999)
                return -EINVAL;
        return strftime(out, 11, "%Y-%m-%d", &tm) == 10 ? 0 : -EINVAL;
}

int roadmap_quarter(const char *date, int *ret_year, int *ret_quarter) {
        if (!iap_date_valid(date))
                return -EINVAL;
        int y = 0, m = 0;
        if (sscanf(date, "%4d-%2d", &y, &m) != 2)
                return -EINVAL;
        *ret_year = y;
        *ret_quarter = (m - 1) / 3 + 1;
        return 0;
}

int roadmap_new_uid(char out[ROADMAP_UID_SIZE]) {
        unsigned char rnd[8];
        if (getrandom(rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd)
                return -EIO;
        int n = snprintf(out, ROADMAP_UID_SIZE, "%s", ROADMAP_UID_PREFIX);
        for (size_t i = 0; i < sizeof rnd; i++)
                n += snprintf(out + n, ROADMAP_UID_SIZE - (size_t)n, "%02x", rnd[i]);
        return 0;
}

/* ---- saving ---- */

static int in_tx(Store *s, int (*fn)(StoreConn *c, void *ud), void *ud) {
        StoreConn *c;
        int r = store_begin(s, &c);
        if (r < 0)
                return r;
        r = fn(c, ud);
        return store_end(c, r);
}

typedef struct SaveOp {
        CalEvent *ev;
        int64_t expected_version;
        int64_t id;
} SaveOp;

static int do_insert(StoreConn *c, void *ud) {
        SaveOp *op = ud;
        return store_event_insert(c, op->ev, &op->id);
}

static int do_update(StoreConn *c, void *ud) {
        SaveOp *op = ud;
        return store_event_update(c, op->ev, op->expected_version);
}

static int do_delete(StoreConn *c, void *ud) {
        SaveOp *op = ud;
        return store_event_delete_at(c, op->id, op->expected_version);
}

/* A city removed between the check and the save. */
static int city_gone(int r, RoadmapResult *res) {
        if (r == -ENOENT) {
                problem(res, "city", N_("Please choose one of the network's cities, or the whole network."), 0);
                return -EINVAL;
        }
        return r;
}

int roadmap_create(Store *s, Arena *a, const RoadmapInput *in, RoadmapResult *res) {
        City *cities;
        size_t nc;
        int64_t n = 0;
        char uid[ROADMAP_UID_SIZE];
        CalEvent ev = { 0 };
        res->n_problems = 0;
        int r = store_city_list(s, a, &cities, &nc);
        if (r == 0)
                r = roadmap_check(in, cities, nc, a, &ev, res);
        if (r == 0)
                r = store_event_count(s, &n);
        if (r == 0 && n >= ROADMAP_ENTRIES_MAX) {
                problem(res, NULL, N_("The calendar is full: it holds %d entries. Please remove old ones first."),
                        ROADMAP_ENTRIES_MAX);
                return -E2BIG;
        }
        if (r == 0)
                r = roadmap_new_uid(uid);
        if (r < 0)
                return r;
        ev.uid = uid;
        ev.version = 1;
        SaveOp op = { .ev = &ev };
        r = city_gone(in_tx(s, do_insert, &op), res);
        if (r == 0)
                res->id = op.id;
        return r;
}

int roadmap_update(Store *s, Arena *a, int64_t id, int64_t expected_version, const RoadmapInput *in,
                   RoadmapResult *res) {
        City *cities;
        size_t nc;
        CalEvent ev;
        res->n_problems = 0;
        if (id <= 0)
                return -ENOENT;
        int r = store_event_get(s, a, id, &ev);
        if (r == 0)
                r = store_city_list(s, a, &cities, &nc);
        if (r == 0)
                r = roadmap_check(in, cities, nc, a, &ev, res);
        if (r < 0)
                return r;
        if (expected_version <= 0)
                return -EEXIST;
        SaveOp op = { .ev = &ev, .expected_version = expected_version };
        r = city_gone(in_tx(s, do_update, &op), res);
        if (r == 0)
                res->id = id;
        return r;
}

int roadmap_delete(Store *s, int64_t id, int64_t expected_version) {
        if (id <= 0)
                return -ENOENT;
        if (expected_version <= 0)
                return -EEXIST;
        SaveOp op = { .id = id, .expected_version = expected_version };
        return in_tx(s, do_delete, &op);
}
