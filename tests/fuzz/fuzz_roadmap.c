/* Fuzz target for the roadmap's form check: the input is split at '\n' into
 * title, kind, city, first day, last day, place, details and done. An
 * accepted entry must hold what the rules promise (a known kind, real dates
 * in order, no control characters in one-line fields) and must render as
 * iCalendar; its quarter must be found. */
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "domain/iap/date.h"
#include "domain/network/calendar.h"
#include "domain/network/roadmap.h"
#include "fuzz_driver.h"

static const City CITIES[] = { { .slug = "idrija", .name = "Idrija" }, { .slug = "trikala", .name = "Trikala" } };

static const char *next(char **cursor) {
        char *v = *cursor;
        if (!v)
                return NULL;
        char *nl = strchr(v, '\n');
        if (nl)
                *nl = '\0';
        *cursor = nl ? nl + 1 : NULL;
        return v;
}

static void must_hold(const CalEvent *ev) {
        int y, q;
        if (!roadmap_kind_known(ev->kind) || !iap_date_valid(ev->starts_on) || !iap_date_valid(ev->ends_on) ||
            strcmp(ev->ends_on, ev->starts_on) < 0 || !ev->title || strpbrk(ev->title, "\r\n") ||
            (ev->location && strpbrk(ev->location, "\r\n")) || (ev->done && !roadmap_kind_has_done(ev->kind)) ||
            roadmap_quarter(ev->starts_on, &y, &q) < 0)
                abort();
        StrBuf b = STRBUF_INIT;
        CalEvent e = *ev;
        e.uid = "roadmap-fuzz";
        if (calendar_ics(&e, 1, CITIES, 2, "TechDiversity", LANG_EN, 1743379200, &b) < 0)
                abort();
        strbuf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
        if (size > 65536)
                return 0;
        Arena *a = arena_new();
        char *s = a ? arena_strndup(a, (const char *)data, size) : NULL;
        if (!s) {
                arena_free(a);
                return 0;
        }
        char *cur = s;
        RoadmapInput in;
        in.title = next(&cur), in.kind = next(&cur), in.city = next(&cur), in.starts_on = next(&cur);
        in.ends_on = next(&cur), in.location = next(&cur), in.details = next(&cur), in.done = next(&cur);
        CalEvent ev = { 0 };
        RoadmapResult res;
        if (roadmap_check(&in, CITIES, 2, a, &ev, &res) == 0)
                must_hold(&ev);
        else if (res.n_problems == 0 || res.n_problems > ROADMAP_PROBLEMS_MAX)
                abort();
        arena_free(a);
        return 0;
}
