/* The network roadmap's rules: what a valid entry is (hostile input
 * included), statuses, quarters, uids, and saving over versions against a
 * real store ($TECHDIV_TEST_DB, or SQLite in a temporary file). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/network/calendar.h"
#include "domain/network/roadmap.h"
#include "test.h"

static const City CITIES[] = {
        { .slug = "idrija", .name = "Idrija" },
        { .slug = "arezzo", .name = "Arezzo" },
};

static char *repeat(const char *unit, int times) {
        size_t n = strlen(unit);
        char *s = malloc(n * (size_t)times + 1);
        for (int i = 0; i < times; i++)
                memcpy(s + n * (size_t)i, unit, n);
        s[n * (size_t)times] = '\0';
        return s;
}

/* Each case names the fields it changes after the valid ones. */
#pragma GCC diagnostic ignored "-Woverride-init"
#define OK_INPUT                                                                                               \
        .title = "Vision agreed", .kind = "milestone", .city = "", .starts_on = "2025-03-31", .ends_on = "",  \
        .location = "", .details = "", .done = NULL

typedef struct Case {
        const char *name;
        RoadmapInput in;
        const char *field; /* the first problem's field, NULL: accepted */
        const char *msgid; /* its message (NULL: not checked) */
} Case;

static void test_check_table(void) {
        char *title_max = repeat("ż", ROADMAP_TITLE_MAX), *title_over = repeat("ż", ROADMAP_TITLE_MAX + 1);
        char *place_max = repeat("a", ROADMAP_LOCATION_MAX), *place_over = repeat("a", ROADMAP_LOCATION_MAX + 1);
        char *details_over = repeat("x", ROADMAP_DETAILS_MAX + 1), *details_max = repeat("é", ROADMAP_DETAILS_MAX);
        const Case cases[] = {
                { "a plain milestone", { OK_INPUT }, NULL, NULL },
                { "a title of exactly ROADMAP_TITLE_MAX characters", { OK_INPUT, .title = title_max }, NULL, NULL },
                { "a title over ROADMAP_TITLE_MAX characters", { OK_INPUT, .title = title_over }, "title",
                  "At most %d characters, please." },
                { "an empty title", { OK_INPUT, .title = "" }, "title", "This field is required." },
                { "a blank title", { OK_INPUT, .title = " \t\r\n " }, "title", "This field is required." },
                { "no title at all", { OK_INPUT, .title = NULL }, "title", "This field is required." },
                { "a title with CR/LF", { OK_INPUT, .title = "Vision\r\nSet-Cookie: x" }, "title",
                  "Please write this on one line, without control characters." },
                { "a title with a control character", { OK_INPUT, .title = "a\x01" "b" }, "title", NULL },
                { "a title with a C1 control", { OK_INPUT, .title = "a\xc2\x85" "b" }, "title", NULL },
                { "a title of invalid UTF-8", { OK_INPUT, .title = "caf\xe9" }, "title", "This text is not valid UTF-8." },
                { "an overlong UTF-8 slash", { OK_INPUT, .title = "\xc0\xaf" }, "title", "This text is not valid UTF-8." },
                { "markup is text, not refused", { OK_INPUT, .title = "<script>alert(1)</script>" }, NULL, NULL },
                { "an unknown kind", { OK_INPUT, .kind = "party" }, "kind", "Please choose one of the kinds offered." },
                { "a kind with markup", { OK_INPUT, .kind = "<b>" }, "kind", NULL },
                { "no kind", { OK_INPUT, .kind = "" }, "kind", "This field is required." },
                { "a known city", { OK_INPUT, .city = "idrija" }, NULL, NULL },
                { "an unknown city", { OK_INPUT, .city = "atlantis" }, "city", NULL },
                { "a city slug with SQL", { OK_INPUT, .city = "idrija' OR '1'='1" }, "city", NULL },
                { "no first day", { OK_INPUT, .starts_on = "" }, "starts_on", "This field is required." },
                { "30 February", { OK_INPUT, .starts_on = "2025-02-30" }, "starts_on",
                  "Please give a real date as YYYY-MM-DD, e.g. 2025-03-31." },
                { "29 February of a leap year", { OK_INPUT, .starts_on = "2024-02-29" }, NULL, NULL },
                { "29 February of 2100", { OK_INPUT, .starts_on = "2100-02-29" }, "starts_on", NULL },
                { "a date with a time", { OK_INPUT, .starts_on = "2025-03-31T10:00" }, "starts_on", NULL },
                { "a date in another order", { OK_INPUT, .starts_on = "31.03.2025" }, "starts_on", NULL },
                { "a last day that is no date", { OK_INPUT, .ends_on = "soon" }, "ends_on", NULL },
                { "a last day before the first", { OK_INPUT, .ends_on = "2025-03-30" }, "ends_on",
                  "The last day cannot be before the first day." },
                { "exactly ROADMAP_SPAN_DAYS_MAX days", { OK_INPUT, .starts_on = "2025-01-01", .ends_on = "2026-01-01" },
                  NULL, NULL },
                { "one day over ROADMAP_SPAN_DAYS_MAX", { OK_INPUT, .starts_on = "2024-01-01", .ends_on = "2025-01-01" },
                  "ends_on", "An entry can last at most %d days." },
                { "a place of exactly ROADMAP_LOCATION_MAX", { OK_INPUT, .location = place_max }, NULL, NULL },
                { "a place over ROADMAP_LOCATION_MAX", { OK_INPUT, .location = place_over }, "location", NULL },
                { "a place on two lines", { OK_INPUT, .location = "Idrija\nCity hall" }, "location", NULL },
                { "details on several lines", { OK_INPUT, .details = "One\r\nTwo\rThree\n\tFour" }, NULL, NULL },
                { "details of exactly ROADMAP_DETAILS_MAX", { OK_INPUT, .details = details_max }, NULL, NULL },
                { "details over ROADMAP_DETAILS_MAX", { OK_INPUT, .details = details_over }, "details", NULL },
                { "details with an escape character", { OK_INPUT, .details = "a\x1b[31mb" }, "details",
                  "This text holds control characters that are not allowed." },
                { "a milestone done", { OK_INPUT, .done = "yes" }, NULL, NULL },
                { "a deadline done", { OK_INPUT, .kind = "deadline", .done = "yes" }, NULL, NULL },
                { "a meeting marked done", { OK_INPUT, .kind = "network-meeting", .done = "yes" }, "done",
                  "Only milestones and deadlines can be marked done." },
                { "done with another value", { OK_INPUT, .done = "1; DROP TABLE" }, "done", NULL },
        };
        Arena *a = arena_new();
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
                const Case *c = &cases[i];
                CalEvent ev = { .uid = "keep", .id = 7 };
                RoadmapResult res = { 0 };
                int r = roadmap_check(&c->in, CITIES, 2, a, &ev, &res);
                if (!c->field) {
                        CHECK(r == 0 && res.n_problems == 0 && strcmp(ev.uid, "keep") == 0 && ev.id == 7,
                              "accepted: %s", c->name);
                        continue;
                }
                CHECK(r == -EINVAL && res.n_problems >= 1 && res.problems[0].field &&
                              strcmp(res.problems[0].field, c->field) == 0 && !ev.title,
                      "refused on %s: %s", c->field, c->name);
                if (c->msgid)
                        CHECK_STREQ(res.problems[0].msgid, c->msgid, "the message for %s", c->name);
        }
        free(title_max), free(title_over), free(place_max), free(place_over), free(details_over), free(details_max);
        arena_free(a);
}

static void test_check_values(void) {
        Arena *a = arena_new();
        CalEvent ev = { 0 };
        RoadmapResult res = { 0 };
        RoadmapInput in = { OK_INPUT, .title = "  Vision agreed \n", .city = "arezzo", .location = "  ",
                            .details = "One\r\nTwo\r", .done = "yes" };
        CHECK(roadmap_check(&in, CITIES, 2, a, &ev, &res) == 0, "a full entry is accepted");
        CHECK_STREQ(ev.title, "Vision agreed", "the title is trimmed");
        CHECK_STREQ(ev.city_slug, "arezzo", "the city is kept");
        CHECK_STREQ(ev.ends_on, "2025-03-31", "an empty last day is the first day");
        CHECK(ev.location == NULL, "a blank place is none");
        CHECK_STREQ(ev.details, "One\nTwo", "line breaks become LF, trailing ones trimmed");
        CHECK(ev.done == 1 && strcmp(ev.kind, "milestone") == 0, "done milestone");
        RoadmapInput bad = { .title = "", .kind = "x", .city = "y", .starts_on = "z", .ends_on = "w",
                             .location = "a\nb", .details = "\x7f", .done = "no" };
        CHECK(roadmap_check(&bad, CITIES, 2, a, &ev, &res) == -EINVAL && res.n_problems == 8,
              "every bad field is reported at once (%zu)", res.n_problems);
        CHECK(res.n_problems == 8 && strcmp(res.problems[0].field, "title") == 0 &&
                      strcmp(res.problems[7].field, "done") == 0,
              "problems come in the form's order");
        CHECK(strcmp(ev.title, "Vision agreed") == 0, "a refused check leaves the entry as it was");
        RoadmapInput over = { OK_INPUT, .title = "x" };
        char *t = repeat("x", ROADMAP_TITLE_MAX + 1);
        over.title = t;
        CHECK(roadmap_check(&over, CITIES, 2, a, &ev, &res) == -EINVAL && res.problems[0].arg == ROADMAP_TITLE_MAX,
              "the limit comes with the problem");
        free(t);
        for (size_t i = 0; roadmap_kinds[i]; i++)
                CHECK(roadmap_kind_known(roadmap_kinds[i]), "kind %s is known", roadmap_kinds[i]);
        CHECK(!roadmap_kind_known(NULL) && !roadmap_kind_known("") && !roadmap_kind_known("Milestone"),
              "NULL, empty and differently cased kinds are unknown");
        arena_free(a);
}

static void test_status(void) {
        static const struct {
                const char *kind, *ends_on;
                int done;
                const char *today;
                RoadmapStatus want;
        } t[] = {
                { "milestone", "2025-03-31", 0, "2025-03-30", ROADMAP_UPCOMING },
                { "milestone", "2025-03-31", 0, "2025-03-31", ROADMAP_UPCOMING },
                { "milestone", "2025-03-31", 0, "2025-04-01", ROADMAP_OVERDUE },
                { "milestone", "2025-03-31", 1, "2025-04-01", ROADMAP_DONE },
                { "deadline", "2024-12-31", 0, "2025-01-01", ROADMAP_OVERDUE },
                { "deadline", "2024-12-31", 1, "2020-01-01", ROADMAP_DONE },
                { "network-meeting", "2020-01-01", 0, "2025-01-01", ROADMAP_NO_STATUS },
                { "report", "2020-01-01", 1, "2025-01-01", ROADMAP_NO_STATUS },
                { NULL, "2020-01-01", 0, "2025-01-01", ROADMAP_NO_STATUS },
        };
        for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
                CalEvent ev = { .kind = t[i].kind, .starts_on = "2020-01-01", .ends_on = t[i].ends_on, .done = t[i].done };
                CHECK_INTEQ(roadmap_status(&ev, t[i].today), t[i].want, "status of %s ending %s on %s (done %d)",
                            t[i].kind ? t[i].kind : "(none)", t[i].ends_on, t[i].today, t[i].done);
        }
        CHECK_STREQ(roadmap_status_msgid(ROADMAP_OVERDUE), "Overdue", "overdue is named");
        CHECK_STREQ(roadmap_status_msgid(ROADMAP_NO_STATUS), "", "no status has no name");
}

static void test_dates(void) {
        char today[11];
        CHECK(roadmap_today(0, today) == 0 && strcmp(today, "1970-01-01") == 0, "the epoch is 1970-01-01");
        CHECK(roadmap_today(1743379200, today) == 0 && strcmp(today, "2025-03-31") == 0, "2025-03-31 00:00 UTC");
        CHECK(roadmap_today(1743465599, today) == 0 && strcmp(today, "2025-03-31") == 0, "2025-03-31 23:59:59 UTC");
        CHECK(roadmap_today(-1, today) == -EINVAL, "a time before the epoch is refused");
        static const struct {
                const char *date;
                int year, quarter, r;
        } q[] = {
                { "2025-01-01", 2025, 1, 0 }, { "2025-03-31", 2025, 1, 0 }, { "2025-04-01", 2025, 2, 0 },
                { "2025-09-30", 2025, 3, 0 }, { "2025-12-31", 2025, 4, 0 }, { "2025-13-01", 0, 0, -EINVAL },
                { "", 0, 0, -EINVAL },         { "2025Q1", 0, 0, -EINVAL },
        };
        for (size_t i = 0; i < sizeof q / sizeof q[0]; i++) {
                int y = 0, n = 0;
                int r = roadmap_quarter(q[i].date, &y, &n);
                CHECK(r == q[i].r && (r < 0 || (y == q[i].year && n == q[i].quarter)), "quarter of '%s'", q[i].date);
        }
        CHECK(roadmap_quarter(NULL, &(int){ 0 }, &(int){ 0 }) == -EINVAL, "no date has no quarter");
        char u1[ROADMAP_UID_SIZE], u2[ROADMAP_UID_SIZE];
        CHECK(roadmap_new_uid(u1) == 0 && roadmap_new_uid(u2) == 0 && strcmp(u1, u2) != 0, "two fresh uids differ");
        CHECK(strlen(u1) == ROADMAP_UID_SIZE - 1 && strncmp(u1, ROADMAP_UID_PREFIX, strlen(ROADMAP_UID_PREFIX)) == 0 &&
                      strspn(u1 + strlen(ROADMAP_UID_PREFIX), "0123456789abcdef") == 16,
              "a uid is the prefix and 16 hex digits: %s", u1);
}

/* Edited entries keep their uid and carry a SEQUENCE of their revisions. */
static void test_ics(void) {
        CalEvent ev[] = {
                { .uid = "roadmap-00aa", .kind = "milestone", .title = "Vision agreed", .starts_on = "2025-03-31",
                  .ends_on = "2025-03-31", .version = 1 },
                { .uid = "roadmap-00bb", .city_slug = "idrija", .kind = "deadline", .title = "Edited <b>twice</b>",
                  .starts_on = "2025-04-01", .ends_on = "2025-04-02", .version = 3, .done = 1 },
        };
        StrBuf b = STRBUF_INIT;
        CHECK(calendar_ics(ev, 2, CITIES, 2, "TechDiversity", LANG_EN, 1743379200, &b) == 0, "the roadmap as iCalendar");
        const char *ics = strbuf_str(&b);
        const char *first = strstr(ics, "UID:roadmap-00aa@" CALENDAR_UID_DOMAIN);
        const char *second = strstr(ics, "UID:roadmap-00bb@" CALENDAR_UID_DOMAIN);
        const char *seq = strstr(ics, "SEQUENCE:");
        CHECK(first && second && seq && seq > second && strncmp(seq, "SEQUENCE:2\r\n", 12) == 0 &&
                      !strstr(seq + 1, "SEQUENCE:"),
              "only the entry saved twice since its creation has SEQUENCE:2");
        CHECK(strstr(ics, "CATEGORIES:Milestone\r\n") && strstr(ics, "LOCATION:Idrija\r\n"),
              "a milestone's category, a city's name as the place");
        strbuf_free(&b);
}

/* ---- against a store ---- */

static Store *open_store(char *tmp, size_t n) {
        const char *url = getenv("TECHDIV_TEST_DB");
        if (!url || !*url) {
                snprintf(tmp, n, "sqlite:/tmp/techdiv-roadmap-%d.db", (int)getpid());
                url = tmp;
        }
        Store *s = NULL;
        StoreConn *c;
        City city = { .slug = "idrija", .name = "Idrija", .name_local = "Idrija", .country = "SI", .lang = "sl" };
        if (store_open(url, 2, &s) < 0 || store_migrate(s, NULL) < 0 || store_begin(s, &c) < 0)
                return s;
        (void)store_city_upsert(c, &city);
        (void)store_commit(c);
        return s;
}

static void test_saving(Store *s) {
        Arena *a = arena_new();
        RoadmapResult res = { 0 };
        CalEvent got;
        RoadmapInput in = { OK_INPUT, .city = "idrija" };
        CHECK(roadmap_create(s, a, &in, &res) == 0 && res.id > 0, "an entry is created");
        int64_t id = res.id;
        CHECK(store_event_get(s, a, id, &got) == 0 && got.version == 1 && strncmp(got.uid, ROADMAP_UID_PREFIX, 8) == 0,
              "with version 1 and a fresh uid");
        const char *uid = got.uid;
        RoadmapInput bad = { OK_INPUT, .starts_on = "2025-02-30" };
        CHECK(roadmap_create(s, a, &bad, &res) == -EINVAL && res.n_problems == 1, "a bad entry is refused");
        in.done = "yes";
        in.title = "Vision agreed by the ULG";
        CHECK(roadmap_update(s, a, id, 1, &in, &res) == 0, "the entry is saved over version 1");
        CHECK(store_event_get(s, a, id, &got) == 0 && got.version == 2 && got.done && strcmp(got.uid, uid) == 0 &&
                      strcmp(got.title, "Vision agreed by the ULG") == 0,
              "the uid stays, the version is 2, it is done");
        in.title = "Stale";
        CHECK(roadmap_update(s, a, id, 1, &in, &res) == -EEXIST, "a save over version 1 again is stale");
        CHECK(store_event_get(s, a, id, &got) == 0 && strcmp(got.title, "Vision agreed by the ULG") == 0 &&
                      got.version == 2,
              "the stale save changed nothing");
        CHECK(roadmap_update(s, a, id, 2, &bad, &res) == -EINVAL && store_event_get(s, a, id, &got) == 0 &&
                      got.version == 2,
              "a refused edit changes nothing");
        CHECK(roadmap_update(s, a, 999999, 1, &in, &res) == -ENOENT, "an unknown entry is -ENOENT");
        CHECK(roadmap_update(s, a, id, 0, &in, &res) == -EEXIST, "an edit without a version is stale");
        CHECK(roadmap_delete(s, id, 1) == -EEXIST, "a stale deletion is refused");
        CHECK(roadmap_delete(s, id, 2) == 0 && store_event_get(s, a, id, &got) == -ENOENT, "the entry is deleted");
        CHECK(roadmap_delete(s, id, 2) == -EEXIST, "deleting it again is refused");
        arena_free(a);
}

/* The whole calendar holds at most ROADMAP_ENTRIES_MAX entries. */
static void test_full(Store *s) {
        Arena *a = arena_new();
        StoreConn *c;
        int64_t n = 0;
        int r = store_event_count(s, &n) == 0 ? store_begin(s, &c) : -EIO;
        char uid[32];
        for (int64_t i = n; r == 0 && i < ROADMAP_ENTRIES_MAX; i++) {
                snprintf(uid, sizeof uid, "fill-%lld", (long long)i);
                CalEvent ev = { .uid = uid, .kind = "local", .title = "Fill", .starts_on = "2025-01-01",
                                .ends_on = "2025-01-01" };
                r = store_event_upsert(c, &ev);
        }
        CHECK(r == 0 && store_commit(c) == 0 && store_event_count(s, &n) == 0 && n == ROADMAP_ENTRIES_MAX,
              "the calendar filled to ROADMAP_ENTRIES_MAX");
        RoadmapResult res = { 0 };
        RoadmapInput in = { OK_INPUT };
        CHECK(roadmap_create(s, a, &in, &res) == -E2BIG && res.n_problems == 1 &&
                      res.problems[0].arg == ROADMAP_ENTRIES_MAX,
              "a full calendar takes no new entry, and says why");
        CHECK(store_event_count(s, &n) == 0 && n == ROADMAP_ENTRIES_MAX, "nothing was added");
        arena_free(a);
}

int main(void) {
        char tmp[256] = "";
        test_check_table();
        test_check_values();
        test_status();
        test_dates();
        test_ics();
        Store *s = open_store(tmp, sizeof tmp);
        CHECK(s != NULL, "a store for the saving tests");
        if (s) {
                test_saving(s);
                test_full(s);
                store_close(s);
        }
        if (*tmp) {
                unlink(tmp + 7);
                char side[300];
                snprintf(side, sizeof side, "%s-wal", tmp + 7);
                unlink(side);
                snprintf(side, sizeof side, "%s-shm", tmp + 7);
                unlink(side);
        }
        return test_done();
}
