#include "domain/network/calendar.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/ics.h"

const char *calendar_kind_msgid(const char *kind) {
        static const char *const map[][2] = {
                { "network-meeting", N_("Network meeting") }, { "ulg-meeting", N_("Local group meeting") },
                { "report", N_("Quarterly report") },         { "online", N_("Online meeting") },
                { "deadline", N_("Deadline") },               { "local", N_("Local activity") },
                { "break", N_("Break") },                     { "milestone", N_("Milestone") },
        };
        for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
                if (kind && strcmp(kind, map[i][0]) == 0)
                        return map[i][1];
        return N_("Event");
}

static const char *city_name(const City *cities, size_t n, const char *slug) {
        for (size_t i = 0; slug && i < n; i++)
                if (strcmp(cities[i].slug, slug) == 0)
                        return cities[i].name;
        return NULL;
}

int calendar_ics(const CalEvent *ev, size_t n, const City *cities, size_t n_cities, const char *name, Lang lang,
                 int64_t dtstamp, StrBuf *out) {
        if (n > ICS_EVENTS_MAX)
                return -E2BIG;
        IcsEvent *ie = calloc(n ? n : 1, sizeof(*ie));
        char (*uids)[160] = calloc(n ? n : 1, sizeof(*uids));
        int r = ie && uids ? 0 : -ENOMEM;
        for (size_t i = 0; r == 0 && i < n; i++) {
                snprintf(uids[i], sizeof(uids[i]), "%s@%s", ev[i].uid, CALENDAR_UID_DOMAIN);
                const char *where = ev[i].location ? ev[i].location : city_name(cities, n_cities, ev[i].city_slug);
                ie[i] = (IcsEvent){
                        .uid = uids[i], .summary = ev[i].title, .location = where, .description = ev[i].details,
                        .all_day = true, .start_date = ev[i].starts_on, .end_date = ev[i].ends_on,
                        .categories = { i18n_gettext(lang, calendar_kind_msgid(ev[i].kind)) }, .n_categories = 1,
                        .sequence = ev[i].version > 1 ? ev[i].version - 1 : 0,
                };
        }
        if (r == 0) {
                IcsCalendar cal = { .name = name, .dtstamp = dtstamp, .events = ie, .n_events = n };
                r = ics_render(&cal, out);
        }
        free(ie);
        free(uids);
        return r;
}
