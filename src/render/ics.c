#include "render/ics.h"

#include <errno.h>
#include <limits.h>
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/utf8.h"

/* Copy without CR and other C0 controls except LF and tab (RFC 5545 TEXT
 * allows neither); NULL for invalid UTF-8 or OOM. Caller frees. */
static char *clean(const char *s, int *err) {
        size_t n = strlen(s);
        if (n > ICS_TEXT_MAX) {
                *err = -E2BIG;
                return NULL;
        }
        if (!utf8_valid(s, n)) {
                *err = -EINVAL;
                return NULL;
        }
        char *c = malloc(n + 1), *w = c;
        if (!c) {
                *err = -ENOMEM;
                return NULL;
        }
        for (const char *r = s; *r; r++) {
                unsigned char ch = (unsigned char)*r;
                if (ch == '\r' && r[1] != '\n')
                        *w++ = '\n';
                else if (ch >= 0x20 || ch == '\n' || ch == '\t')
                        *w++ = (char)ch;
        }
        *w = '\0';
        return c;
}

static int parse_date(const char *s, struct icaltimetype *ret) {
        if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
                return -EINVAL;
        for (int i = 0; i < 10; i++)
                if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
                        return -EINVAL;
        struct icaltimetype t = icaltime_null_date();
        t.year = atoi(s);
        t.month = atoi(s + 5);
        t.day = atoi(s + 8);
        if (t.year < 1900 || t.year > 2999 || t.month < 1 || t.month > 12 || t.day < 1 ||
            t.day > icaltime_days_in_month(t.month, t.year))
                return -EINVAL;
        *ret = t;
        return 0;
}

typedef icalproperty *(*TextProp)(const char *);

static int add_text(icalcomponent *c, TextProp make, const char *s) {
        if (!s || !*s)
                return 0;
        int err = 0;
        char *v = clean(s, &err);
        if (!v)
                return err;
        icalproperty *p = make(v);
        free(v);
        if (!p)
                return -EIO;
        icalcomponent_add_property(c, p);
        return 0;
}

static int add_times(icalcomponent *ev, const IcsEvent *e) {
        icaltimezone *utc = icaltimezone_get_utc_timezone();
        if (e->all_day) {
                struct icaltimetype s, t;
                if (parse_date(e->start_date, &s) < 0)
                        return -EINVAL;
                t = s;
                if (e->end_date && parse_date(e->end_date, &t) < 0)
                        return -EINVAL;
                if (icaltime_compare_date_only(t, s) < 0)
                        return -EINVAL;
                icaltime_adjust(&t, 1, 0, 0, 0); /* DTEND of a DATE is exclusive */
                icalcomponent_add_property(ev, icalproperty_new_dtstart(s));
                icalcomponent_add_property(ev, icalproperty_new_dtend(t));
                return 0;
        }
        if (e->start <= 0 || (e->end && e->end < e->start))
                return -EINVAL;
        icalcomponent_add_property(ev, icalproperty_new_dtstart(icaltime_from_timet_with_zone((time_t)e->start, 0, utc)));
        if (e->end)
                icalcomponent_add_property(ev, icalproperty_new_dtend(icaltime_from_timet_with_zone((time_t)e->end, 0, utc)));
        return 0;
}

static int add_event(icalcomponent *cal, const IcsEvent *e, struct icaltimetype stamp) {
        if (!e->uid || !*e->uid || !e->summary || !*e->summary || e->n_categories > ICS_CATEGORIES_MAX)
                return -EINVAL;
        icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
        if (!ev)
                return -ENOMEM;
        icalcomponent_add_component(cal, ev); /* cal owns ev from here */
        icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
        int r = add_text(ev, icalproperty_new_uid, e->uid);
        if (r == 0 && e->sequence > 0)
                icalcomponent_add_property(ev, icalproperty_new_sequence(e->sequence > INT_MAX ? INT_MAX
                                                                                                : (int)e->sequence));
        if (r == 0)
                r = add_times(ev, e);
        if (r == 0)
                r = add_text(ev, icalproperty_new_summary, e->summary);
        if (r == 0)
                r = add_text(ev, icalproperty_new_location, e->location);
        if (r == 0)
                r = add_text(ev, icalproperty_new_description, e->description);
        if (r == 0)
                r = add_text(ev, icalproperty_new_url, e->url);
        for (size_t i = 0; r == 0 && i < e->n_categories; i++)
                r = add_text(ev, icalproperty_new_categories, e->categories[i]);
        return r;
}

static int add_header(icalcomponent *cal, const IcsCalendar *c) {
        int r = add_text(cal, icalproperty_new_prodid, c->prodid ? c->prodid : ICS_DEFAULT_PRODID);
        if (r < 0)
                return r;
        icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
        icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
        icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
        if (c->name && *c->name) {
                int err = 0;
                char *v = clean(c->name, &err);
                if (!v)
                        return err;
                for (char *q = v; *q; q++) /* an X- value is not TEXT-escaped by libical */
                        if (*q == '\n' || *q == '\t')
                                *q = ' ';
                icalproperty *x = icalproperty_new_x(v);
                free(v);
                if (!x)
                        return -EIO;
                icalproperty_set_x_name(x, "X-WR-CALNAME");
                icalcomponent_add_property(cal, x);
        }
        return 0;
}

int ics_render(const IcsCalendar *c, StrBuf *out) {
        if (!c || !out || (c->n_events && !c->events))
                return -EINVAL;
        if (c->n_events > ICS_EVENTS_MAX)
                return -E2BIG;
        icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
        if (!cal)
                return -ENOMEM;
        time_t now = c->dtstamp ? (time_t)c->dtstamp : time(NULL);
        struct icaltimetype stamp = icaltime_from_timet_with_zone(now, 0, icaltimezone_get_utc_timezone());
        int r = add_header(cal, c);
        for (size_t i = 0; r == 0 && i < c->n_events; i++)
                r = add_event(cal, &c->events[i], stamp);
        char *s = r == 0 ? icalcomponent_as_ical_string_r(cal) : NULL;
        icalcomponent_free(cal);
        if (r < 0)
                return r;
        if (!s)
                return -EIO;
        strbuf_puts(out, s);
        free(s);
        return strbuf_error(out);
}
