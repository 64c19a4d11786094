/* iCalendar (RFC 5545) writer on libical: a VCALENDAR with PRODID,
 * VERSION, CALSCALE, METHOD:PUBLISH and X-WR-CALNAME, and one VEVENT per
 * event with a stable UID, DTSTAMP, DTSTART/DTEND (DATE values for all-day
 * events), SEQUENCE, SUMMARY, LOCATION, DESCRIPTION, CATEGORIES and URL. libical does
 * the escaping and the 75-octet line folding. */
#ifndef TD_RENDER_ICS_H
#define TD_RENDER_ICS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/strbuf.h"

#define ICS_EVENTS_MAX     10000
#define ICS_CATEGORIES_MAX 8
#define ICS_TEXT_MAX       20000 /* bytes of one text property */
#define ICS_DEFAULT_PRODID "-//TechDiversity//techdiv//EN"

typedef struct IcsEvent {
        const char *uid; /* stable per event, e.g. "meeting-42@techdiv.example.org" */
        const char *summary, *location, *description, *url; /* location..url may be NULL */
        const char *categories[ICS_CATEGORIES_MAX];
        size_t n_categories;
        bool all_day;
        /* all-day: first and last day, inclusive, "YYYY-MM-DD" (end may be
         * NULL for one day); DTEND is written as the day after the last. */
        const char *start_date, *end_date;
        /* timed: Unix seconds, written in UTC; end 0 for no DTEND. */
        int64_t start, end;
        /* SEQUENCE: how many times the event was revised (0: not written),
         * so that subscribed calendars take a changed event over the old. */
        int64_t sequence;
} IcsEvent;

typedef struct IcsCalendar {
        const char *name;   /* X-WR-CALNAME */
        const char *prodid; /* NULL: ICS_DEFAULT_PRODID */
        int64_t dtstamp;    /* Unix seconds; 0: now */
        const IcsEvent *events;
        size_t n_events;
} IcsCalendar;

/* Appends the calendar to out. 0, -EINVAL (bad date, missing uid or
 * summary, invalid UTF-8, end before start), -E2BIG (over a limit),
 * -ENOMEM, -EIO (libical failure). Nothing is appended on error. */
int ics_render(const IcsCalendar *cal, StrBuf *out);

#endif
