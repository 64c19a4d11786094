/* The network calendar as iCalendar (RFC 5545): every event of the network,
 * or of one city plus the network's own. */
#ifndef TD_DOMAIN_NETWORK_CALENDAR_H
#define TD_DOMAIN_NETWORK_CALENDAR_H

#include "core/i18n.h"
#include "core/strbuf.h"
#include "store/store.h"

/* Domain part of every event UID ("<uid>@" CALENDAR_UID_DOMAIN), stable so
 * that subscribed calendars update events in place. */
#define CALENDAR_UID_DOMAIN "calendar.techdiversity.network"

/* Appends the calendar of events (names of cities from cities, n_cities)
 * to out; name is the calendar's title (X-WR-CALNAME), category names are
 * translated into lang. dtstamp 0 means now. Returns 0, -EINVAL for an
 * event with invalid dates or text, -ENOMEM. Nothing appended on error. */
int calendar_ics(const CalEvent *ev, size_t n, const City *cities, size_t n_cities, const char *name, Lang lang,
                 int64_t dtstamp, StrBuf *out);

/* English msgid naming an event kind ("Network meeting"), "Event" for an
 * unknown kind. */
const char *calendar_kind_msgid(const char *kind);

#endif
