/* Exports of the IAP records: the city's Integrated Action Plan in URBACT's
 * structure (1 context, needs and vision; 2 overall logic and integrated
 * approach; 3 action tables; 4 implementation framework: governance,
 * monitoring, risks, funding, communication), the quarterly network report
 * and the calendar. Each builds a render/doc.h document first (the lead's
 * HTML writer walks the same model) and then renders it to PDF, DOCX, ODT
 * or XLSX in memory. No I/O here besides the XLSX writer's temporary file. */
#ifndef TD_DOMAIN_IAP_EXPORT_H
#define TD_DOMAIN_IAP_EXPORT_H

#include "core/arena.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "domain/iap/plan.h"
#include "domain/iap/tools.h"
#include "render/doc.h"
#include "render/ics.h"

#define IAP_REPORT_ITEMS_MAX 500 /* cities, meetings, highlights or entries of a report */

/* The plan as a document in lang (section and column labels from tools,
 * which may be NULL: then built-in English/gettext labels are used).
 * period ("2025Q4", may be NULL: the latest actual of each indicator) is
 * the period for indicator status. *ret is owned by arena a. -EINVAL when
 * the plan does not validate (the caller shows iap_plan_validate's
 * problems), -ENOMEM. */
int iap_plan_doc(const IapPlan *p, const IapTools *tools, Lang lang, const char *period, Arena *a, Doc **ret);
/* As iap_plan_doc; flags IAP_DOC_LANG_SPANS marks text shown in another
 * language than lang (an English fallback, or the city's language in a
 * third language) with doc_lang_span, for the HTML page's lang attributes.
 * Only the HTML writer understands the marks: leave it 0 for files. */
#define IAP_DOC_LANG_SPANS 1u
int iap_plan_doc_ex(const IapPlan *p, const IapTools *tools, Lang lang, const char *period, unsigned flags, Arena *a,
                    Doc **ret);
/* iap_plan_doc rendered to fmt, appended to out. */
int iap_export(const IapPlan *p, const IapTools *tools, Lang lang, DocFormat fmt, StrBuf *out);

/* --- Action Planning Table rounds as documents --- */
/* One city's before/after comparison: per indicator the two scores, the
 * change and the evidence of the later round, then the section totals. */
int iap_round_compare_doc(const IapTool *rubric, const char *city, const IapRound *before, const IapRound *after,
                          Lang lang, Arena *a, Doc **ret);
/* All cities side by side (the network's view): one column per city with
 * its scores, section and grand totals, and a chart of the section totals.
 * n at most DOC_TABLE_COLS_MAX - 1; rounds[i] may be NULL (not scored). */
int iap_rounds_side_by_side_doc(const IapTool *rubric, const char *const *cities, const IapRound *const *rounds,
                                size_t n, Lang lang, Arena *a, Doc **ret);

/* --- Forms and canvases as documents --- */
/* Returns the value of a form item for a record (NULL or "" when empty). */
typedef const char *(*IapFormValueFn)(void *ctx, const char *item_id, Lang lang);
/* Any form or canvas of the definition files filled with one record's
 * values: a heading per section and its items as key-value pairs, in the
 * tool's order (items added to a revised tool appear empty). Items marked
 * personal are left out unless include_personal. Choice values are item
 * option ids and are shown with their labels. */
int iap_form_doc(const IapTool *form, const char *title, IapFormValueFn value, void *ctx, bool include_personal,
                 Lang lang, Arena *a, Doc **ret);
/* Value of one cell of a table-shaped tool (item × column). */
typedef const char *(*IapCellValueFn)(void *ctx, const char *item_id, const char *column_id, Lang lang);
/* A table-shaped tool (the 12 aspects, the integration grid, the rubric)
 * filled with one city's answers: one table per section, a row per item, a
 * column per tool column. "info" columns are filled from the tool itself
 * (the grid's descriptions, the rubric's 1/3/5 indications); choice values
 * are option ids shown with their labels. */
int iap_table_tool_doc(const IapTool *tool, const char *title, IapCellValueFn value, void *ctx, Lang lang,
                       Arena *a, Doc **ret);
/* The same tables appended to d (a heading of level before each section
 * when the tool has several). */
int iap_table_tool_append(Doc *d, const IapTool *tool, int level, IapCellValueFn value, void *ctx, Lang lang);
/* A Good Practice or Case Example form (by its kind) with the record. */
int iap_practice_doc(const IapPractice *g, const IapTools *tools, bool include_personal, Lang lang, Arena *a,
                     Doc **ret);
/* The Testing Actions canvas and its outcome for one testing action. */
int iap_testing_doc(const IapTestingAction *t, const IapTools *tools, Lang lang, Arena *a, Doc **ret);

/* --- Quarterly network report --- */
typedef struct IapReportCity {
        const char *city;
        const char *update; /* the city's paragraph for the quarter */
        int progress;       /* permille of its actions, or -1 when unknown */
} IapReportCity;

typedef struct IapReportMeeting {
        const char *date, *title, *location, *city; /* city NULL: network meeting */
        int attended;
} IapReportMeeting;

typedef struct IapReportEntry {
        const char *when, *what, *where, *who; /* the network calendar's columns */
} IapReportEntry;

typedef struct IapReport {
        const char *network; /* "TechDiversity" */
        const char *quarter; /* "2024Q2" */
        const char *intro;
        const IapReportCity *cities;
        size_t n_cities;
        const IapReportMeeting *meetings;
        size_t n_meetings;
        const char *const *highlights;
        size_t n_highlights;
        const IapReportEntry *upcoming;
        size_t n_upcoming;
} IapReport;

/* The report as a document; *ret owned by a. -EINVAL for a malformed
 * quarter or missing network name, -E2BIG over IAP_REPORT_ITEMS_MAX. */
int iap_report_doc(const IapReport *r, Lang lang, Arena *a, Doc **ret);
int iap_export_report(const IapReport *r, Lang lang, DocFormat fmt, StrBuf *out);

/* --- Calendar --- */
/* Events of the meetings and action milestones of n plans (one city, or
 * the whole network), with UIDs "<city>-meeting-<id>@<uid_host>" and
 * "<city>-milestone-<action>-<id>@<uid_host>" that stay the same across
 * exports. *ret (arena-owned) may be NULL when there are none. */
int iap_calendar_events(const IapPlan *const *plans, size_t n, Lang lang, const char *uid_host, Arena *a,
                        IcsEvent **ret, size_t *ret_n);
/* The calendar of those plans as iCalendar, appended to out, followed by
 * extra events (e.g. the network roadmap's meetings and deadlines; may be
 * NULL). name is the X-WR-CALNAME; dtstamp 0 means now. */
int iap_export_calendar(const IapPlan *const *plans, size_t n, const IcsEvent *extra, size_t n_extra, Lang lang,
                        const char *name, const char *uid_host, int64_t dtstamp, StrBuf *out);

#endif
