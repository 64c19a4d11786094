#include "domain/workspace/report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/workspace/workspace.h"

#define REPORT_DECISIONS_PER_MEETING 3

int ws_quarter_parse(const char *q, char first[11], char last[11], char next_first[11], char next_last[11]) {
        static const char *const ends[] = { "03-31", "06-30", "09-30", "12-31" };
        static const char *const starts[] = { "01-01", "04-01", "07-01", "10-01" };
        if (!q || strlen(q) != 6 || q[4] != 'Q' || q[5] < '1' || q[5] > '4')
                return -EINVAL;
        for (int i = 0; i < 4; i++)
                if (q[i] < '0' || q[i] > '9')
                        return -EINVAL;
        int year = atoi(q), n = q[5] - '1';
        if (year < 2000 || year > 2100)
                return -EINVAL;
        snprintf(first, 11, "%04d-%s", year, starts[n]);
        snprintf(last, 11, "%04d-%s", year, ends[n]);
        int ny = n == 3 ? year + 1 : year, nn = (n + 1) % 4;
        snprintf(next_first, 11, "%04d-%s", ny, starts[nn]);
        snprintf(next_last, 11, "%04d-%s", ny, ends[nn]);
        return 0;
}

static int in_range(const char *d, const char *from, const char *to) {
        return d && strcmp(d, from) >= 0 && strcmp(d, to) <= 0;
}

/* Mean progress of the plan's top-level actions, or -1 without any. */
static int plan_progress(const IapPlan *p) {
        long sum = 0, n = 0;
        for (size_t i = 0; i < p->n_actions; i++) {
                int pm;
                if (p->actions[i].parent_id || iap_action_progress(p, i, &pm) < 0)
                        continue;
                sum += pm;
                n++;
        }
        return n ? (int)((sum + n / 2) / n) : -1;
}

typedef struct Acc {
        Arena *a;
        IapReportMeeting *meetings;
        size_t n_meetings;
        const char **highlights;
        size_t n_highlights;
} Acc;

static int add_meetings(Acc *acc, const IapPlan *p, Lang lang, const char *from, const char *to) {
        for (size_t i = 0; i < p->n_meetings; i++) {
                const IapMeeting *m = &p->meetings[i];
                if (!in_range(m->date, from, to) || acc->n_meetings >= IAP_REPORT_ITEMS_MAX)
                        continue;
                acc->meetings[acc->n_meetings++] = (IapReportMeeting){
                        .date = m->date, .title = iap_text_get(&m->title, lang, NULL), .location = m->location,
                        .city = p->city_name, .attended = m->attended,
                };
                for (size_t d = 0; d < m->n_decisions && d < REPORT_DECISIONS_PER_MEETING; d++)
                        if (acc->n_highlights < IAP_REPORT_ITEMS_MAX)
                                acc->highlights[acc->n_highlights++] = arena_printf(
                                        acc->a, "%s: %s", p->city_name, iap_text_get(&m->decisions[d], lang, NULL));
        }
        return 0;
}

static int add_calendar(Store *s, Arena *a, Acc *acc, IapReport *r, const char *const dates[4]) {
        CalEvent *ev;
        size_t n;
        int rc = store_event_list(s, a, NULL, &ev, &n);
        if (rc < 0)
                return rc;
        IapReportEntry *up = arena_alloc(a, sizeof(*up) * (n ? n : 1));
        if (!up)
                return -ENOMEM;
        for (size_t i = 0; i < n; i++) {
                if (!ev[i].city_slug && strcmp(ev[i].kind, "network-meeting") == 0 &&
                    in_range(ev[i].starts_on, dates[0], dates[1]) && acc->n_meetings < IAP_REPORT_ITEMS_MAX)
                        acc->meetings[acc->n_meetings++] = (IapReportMeeting){
                                .date = ev[i].starts_on, .title = ev[i].title, .location = ev[i].location };
                if (in_range(ev[i].starts_on, dates[2], dates[3]) && r->n_upcoming < IAP_REPORT_ITEMS_MAX)
                        up[r->n_upcoming++] = (IapReportEntry){
                                .when = ev[i].starts_on, .what = ev[i].title,
                                .where = ev[i].location ? ev[i].location : ev[i].city_slug,
                                .who = ev[i].city_slug ? ev[i].city_slug : "TechDiversity" };
        }
        r->upcoming = up;
        return 0;
}

static int by_date(const void *x, const void *y) {
        const IapReportMeeting *a = x, *b = y;
        return strcmp(a->date, b->date);
}

int ws_quarter_report(Store *s, Arena *a, const char *q, Lang lang, IapReport *ret) {
        char first[11], last[11], nf[11], nl[11];
        if (ws_quarter_parse(q, first, last, nf, nl) < 0)
                return -EINVAL;
        City *cities;
        size_t nc;
        int r = store_city_list(s, a, &cities, &nc);
        if (r < 0)
                return r;
        IapReport rep = { .network = "TechDiversity", .quarter = arena_strdup(a, q) };
        IapReportCity *rc = arena_alloc(a, sizeof(*rc) * (nc ? nc : 1));
        Acc acc = { .a = a, .meetings = arena_alloc(a, sizeof(IapReportMeeting) * IAP_REPORT_ITEMS_MAX),
                    .highlights = arena_alloc(a, sizeof(char *) * IAP_REPORT_ITEMS_MAX) };
        if (!rc || !acc.meetings || !acc.highlights)
                return -ENOMEM;
        for (size_t i = 0; i < nc && r == 0; i++) {
                IapPlan p;
                r = ws_load(s, a, &cities[i], &p);
                if (r < 0)
                        break;
                rc[i] = (IapReportCity){ .city = cities[i].name, .update = iap_text_get(&p.theme, lang, NULL),
                                         .progress = plan_progress(&p) };
                r = add_meetings(&acc, &p, lang, first, last);
        }
        const char *dates[4] = { first, last, nf, nl };
        if (r == 0)
                r = add_calendar(s, a, &acc, &rep, dates);
        if (r < 0)
                return r;
        rep.cities = rc;
        rep.n_cities = nc;
        qsort(acc.meetings, acc.n_meetings, sizeof(*acc.meetings), by_date);
        rep.meetings = acc.meetings;
        rep.n_meetings = acc.n_meetings;
        rep.highlights = acc.highlights;
        rep.n_highlights = acc.n_highlights;
        *ret = rep;
        return 0;
}
