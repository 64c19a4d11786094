/* The quarterly network report and the network/city calendar. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "domain/iap/date.h"
#include "domain/iap/export.h"

static const char *s0(const char *s) {
        return s ? s : "";
}

static int report_cities(Doc *d, const IapReport *r, Lang lang) {
        int e = doc_heading(d, 2, i18n_gettext(lang, N_("Cities' updates")));
        for (size_t i = 0; e == 0 && i < r->n_cities; i++) {
                const IapReportCity *c = &r->cities[i];
                e = doc_heading(d, 3, s0(c->city));
                if (e == 0 && c->progress >= 0) {
                        char v[32];
                        snprintf(v, sizeof v, "%d %%", (c->progress + 5) / 10);
                        DocBlock *kv;
                        e = doc_kv(d, &kv);
                        if (e == 0)
                                e = doc_kv_add(d, kv, i18n_gettext(lang, N_("Progress of actions")), v);
                }
                if (e == 0 && c->update && *c->update)
                        e = doc_paragraph(d, c->update);
        }
        return e;
}

static int report_meetings(Doc *d, const IapReport *r, Lang lang) {
        const char *hdr[] = {i18n_gettext(lang, N_("Date")), i18n_gettext(lang, N_("Meeting")),
                             i18n_gettext(lang, N_("City")), i18n_gettext(lang, N_("Location")),
                             i18n_gettext(lang, N_("Attended"))};
        DocTable *t;
        int e = doc_heading(d, 2, i18n_gettext(lang, N_("Meetings held")));
        if (e == 0)
                e = doc_table(d, NULL, 5, hdr, &t);
        if (e < 0)
                return e;
        t->col_type[4] = DOC_COL_NUMBER;
        for (size_t i = 0; e == 0 && i < r->n_meetings; i++) {
                const IapReportMeeting *m = &r->meetings[i];
                char n[24];
                snprintf(n, sizeof n, "%d", m->attended);
                const char *row[] = {s0(m->date), s0(m->title),
                                     m->city ? m->city : i18n_gettext(lang, N_("Network")), s0(m->location), n};
                e = doc_table_row(d, t, row);
        }
        return e;
}

static int report_rest(Doc *d, const IapReport *r, Lang lang) {
        DocBlock *l;
        int e = 0;
        if (r->n_highlights) {
                e = doc_heading(d, 2, i18n_gettext(lang, N_("Highlights")));
                if (e == 0)
                        e = doc_list(d, &l);
                for (size_t i = 0; e == 0 && i < r->n_highlights; i++)
                        e = doc_list_add(d, l, s0(r->highlights[i]));
        }
        if (e < 0 || !r->n_upcoming)
                return e;
        const char *hdr[] = {i18n_gettext(lang, N_("When")), i18n_gettext(lang, N_("What")),
                             i18n_gettext(lang, N_("Where")), i18n_gettext(lang, N_("Who"))};
        DocTable *t;
        e = doc_heading(d, 2, i18n_gettext(lang, N_("Upcoming")));
        if (e == 0)
                e = doc_table(d, NULL, 4, hdr, &t);
        for (size_t i = 0; e == 0 && i < r->n_upcoming; i++) {
                const IapReportEntry *u = &r->upcoming[i];
                const char *row[] = {s0(u->when), s0(u->what), s0(u->where), s0(u->who)};
                e = doc_table_row(d, t, row);
        }
        return e;
}

int iap_report_doc(const IapReport *r, Lang lang, Arena *a, Doc **ret) {
        if (!r || !a || !ret || !r->network || !*r->network || !r->quarter || strlen(r->quarter) != 6 ||
            r->quarter[4] != 'Q' || !iap_period_valid(r->quarter) || (unsigned)lang >= LANG_MAX)
                return -EINVAL;
        if (r->n_cities > IAP_REPORT_ITEMS_MAX || r->n_meetings > IAP_REPORT_ITEMS_MAX ||
            r->n_highlights > IAP_REPORT_ITEMS_MAX || r->n_upcoming > IAP_REPORT_ITEMS_MAX)
                return -E2BIG;
        char q[8];
        snprintf(q, sizeof q, "Q%c %.4s", r->quarter[5], r->quarter);
        const char *title = arena_printf(a, "%s — %s, %s", r->network,
                                         i18n_gettext(lang, N_("Quarterly network report")), q);
        Doc *d = title ? doc_new(a, title, lang_code(lang)) : NULL;
        if (!d)
                return -ENOMEM;
        int e = doc_heading(d, 1, title);
        if (e == 0 && r->intro && *r->intro)
                e = doc_paragraph(d, r->intro);
        if (e == 0)
                e = report_cities(d, r, lang);
        if (e == 0)
                e = report_meetings(d, r, lang);
        if (e == 0)
                e = report_rest(d, r, lang);
        if (e < 0)
                return e;
        *ret = d;
        return 0;
}

int iap_export_report(const IapReport *r, Lang lang, DocFormat fmt, StrBuf *out) {
        Arena *a = arena_new();
        if (!a)
                return -ENOMEM;
        Doc *d;
        int e = iap_report_doc(r, lang, a, &d);
        if (e == 0)
                e = doc_render(d, fmt, out);
        arena_free(a);
        return e;
}

static int count_events(const IapPlan *const *plans, size_t n, size_t *ret) {
        size_t total = 0;
        for (size_t i = 0; i < n; i++) {
                if (!plans[i] || !plans[i]->city_slug)
                        return -EINVAL;
                total += plans[i]->n_meetings;
                for (size_t k = 0; k < plans[i]->n_actions; k++)
                        total += plans[i]->actions[k].n_milestones;
        }
        if (total > ICS_EVENTS_MAX)
                return -E2BIG;
        *ret = total;
        return 0;
}

static void meeting_event(Arena *a, const IapPlan *p, const IapMeeting *m, Lang lang, const char *host,
                          IcsEvent *ev) {
        static const char *const kinds[IAP_MEETING_KIND_MAX] = {N_("ULG meeting"), N_("Network meeting"),
                                                                N_("Online meeting")};
        ev->uid = arena_printf(a, "%s-meeting-%s@%s", p->city_slug, m->id, host);
        ev->summary = arena_printf(a, "%s: %s", p->city_name ? p->city_name : p->city_slug,
                                   iap_text_get(&m->title, lang, NULL));
        ev->location = m->location;
        ev->description = iap_text_get(&m->agenda, lang, NULL);
        ev->all_day = true;
        ev->start_date = m->date;
        ev->categories[0] = i18n_gettext(lang, kinds[(unsigned)m->kind < IAP_MEETING_KIND_MAX ? m->kind : 0]);
        ev->categories[1] = p->city_name ? p->city_name : p->city_slug;
        ev->n_categories = 2;
}

static void milestone_event(Arena *a, const IapPlan *p, const IapAction *ac, const IapMilestone *m, Lang lang,
                            const char *host, IcsEvent *ev) {
        ev->uid = arena_printf(a, "%s-milestone-%s-%s@%s", p->city_slug, ac->id, m->id, host);
        ev->summary = arena_printf(a, "%s: %s", p->city_name ? p->city_name : p->city_slug,
                                   iap_text_get(&m->title, lang, NULL));
        ev->description = iap_text_get(&ac->title, lang, NULL);
        ev->all_day = true;
        ev->start_date = m->due;
        ev->categories[0] = i18n_gettext(lang, N_("Milestone"));
        ev->categories[1] = p->city_name ? p->city_name : p->city_slug;
        ev->n_categories = 2;
}

int iap_calendar_events(const IapPlan *const *plans, size_t n, Lang lang, const char *uid_host, Arena *a,
                        IcsEvent **ret, size_t *ret_n) {
        size_t total;
        if ((n && !plans) || !a || !ret || !ret_n || !uid_host || !*uid_host || strpbrk(uid_host, " \r\n@"))
                return -EINVAL;
        int r = count_events(plans, n, &total);
        if (r < 0)
                return r;
        IcsEvent *ev = total ? arena_alloc(a, total * sizeof *ev) : NULL;
        if (total && !ev)
                return -ENOMEM;
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
                const IapPlan *p = plans[i];
                for (size_t m = 0; m < p->n_meetings; m++)
                        if (p->meetings[m].date && p->meetings[m].id)
                                meeting_event(a, p, &p->meetings[m], lang, uid_host, &ev[k++]);
                for (size_t ai = 0; ai < p->n_actions; ai++)
                        for (size_t m = 0; m < p->actions[ai].n_milestones; m++) {
                                const IapMilestone *ms = &p->actions[ai].milestones[m];
                                if (ms->due && ms->id && p->actions[ai].id)
                                        milestone_event(a, p, &p->actions[ai], ms, lang, uid_host, &ev[k++]);
                        }
        }
        for (size_t i = 0; i < k; i++)
                if (!ev[i].uid || !ev[i].summary)
                        return -ENOMEM;
        *ret = ev;
        *ret_n = k;
        return 0;
}

int iap_export_calendar(const IapPlan *const *plans, size_t n, const IcsEvent *extra, size_t n_extra, Lang lang,
                        const char *name, const char *uid_host, int64_t dtstamp, StrBuf *out) {
        if ((n_extra && !extra) || n_extra > ICS_EVENTS_MAX)
                return n_extra > ICS_EVENTS_MAX ? -E2BIG : -EINVAL;
        Arena *a = arena_new();
        if (!a)
                return -ENOMEM;
        IcsEvent *ev;
        size_t nev;
        int r = iap_calendar_events(plans, n, lang, uid_host, a, &ev, &nev);
        IcsEvent *all = r == 0 && nev + n_extra ? arena_alloc(a, (nev + n_extra) * sizeof *all) : NULL;
        if (r == 0 && nev + n_extra && !all)
                r = -ENOMEM;
        if (r == 0) {
                if (nev)
                        memcpy(all, ev, nev * sizeof *all);
                if (n_extra)
                        memcpy(all + nev, extra, n_extra * sizeof *all);
                IcsCalendar cal = {.name = name, .dtstamp = dtstamp, .events = all, .n_events = nev + n_extra};
                r = ics_render(&cal, out);
        }
        arena_free(a);
        return r;
}
