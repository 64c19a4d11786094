/* The Integrated Action Plan as linked records: problem tree, vision,
 * objectives, actions with sub-actions, milestones and risks, indicators,
 * testing actions, good practices, meetings with minutes. Tables, canvases
 * and exports are views of these records (see export.h).
 *
 * All records are plain structs whose strings and arrays the caller owns
 * (usually one arena per request); nothing here frees them. Progress is in
 * permille (0..1000) and money in euro cents, so every figure is exact. */
#ifndef TD_DOMAIN_IAP_PLAN_H
#define TD_DOMAIN_IAP_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/i18n.h"

#define IAP_TEXT_MAX        20000 /* bytes of one language of one text field */
#define IAP_SHORT_MAX       300   /* bytes of titles, names, units, sources */
#define IAP_REC_ID_MAX      64    /* bytes of a record identifier */
#define IAP_DEPTH_MAX       8     /* nesting of sub-actions / problem tree */
#define IAP_RECORDS_MAX     2000  /* records of one kind in one plan */
#define IAP_PERIODS_MAX     40    /* targets or actuals per indicator */
#define IAP_WEIGHT_MAX      1000  /* weight of a sub-action or milestone */
#define IAP_MIN_GROUP_SIZE_DEFAULT 10 /* smallest group whose platform figures are shown */

/* --- Bilingual text: the city's language and English side by side --- */
typedef struct IapText {
        const char *local; /* text in local_lang (NULL or "" when empty) */
        const char *en;
        Lang local_lang;   /* the city's working language */
        Lang source;       /* which side was written first / is authoritative */
        bool stale;        /* the non-source side lags behind the source */
} IapText;

/* Sets one side of t (lang must be t->local_lang or LANG_EN) to an arena
 * copy of s. Rule: editing the source marks the other side stale (when it
 * has text); editing the other side clears stale. The first text written
 * into an empty field becomes its source. -EINVAL for another language or
 * invalid UTF-8, -E2BIG over IAP_TEXT_MAX; t unchanged on error. */
int iap_text_set(Arena *a, IapText *t, Lang lang, const char *s);
/* The text to show in lang: that side when present, else the other side
 * (*ret_fallback, may be NULL, tells). Never NULL. Owned by t. */
const char *iap_text_get(const IapText *t, Lang lang, bool *ret_fallback);
bool iap_text_empty(const IapText *t);

/* --- Problem tree and vision --- */
typedef enum IapNodeKind { IAP_NODE_PROBLEM, IAP_NODE_CAUSE, IAP_NODE_EFFECT, IAP_NODE_KIND_MAX } IapNodeKind;
typedef struct IapProblemNode {
        const char *id, *parent_id; /* parent NULL for the core problem */
        IapNodeKind kind;
        IapText text;
} IapProblemNode;

/* Newspaper of Tomorrow. */
typedef struct IapVision {
        IapText headline;
        const char *date; /* YYYY-MM-DD of the imagined newspaper */
        IapText story;
} IapVision;

/* --- Objectives, actions, milestones, risks --- */
typedef struct IapObjective {
        const char *id;
        const char *parent_id; /* NULL: strategic; else the strategic objective */
        IapText title, description;
} IapObjective;

typedef struct IapMilestone {
        const char *id;
        IapText title;
        const char *due; /* YYYY-MM-DD */
        bool done;
        int weight; /* 1..IAP_WEIGHT_MAX */
} IapMilestone;

#define IAP_RISK_SCALE 5 /* likelihood and impact are 1..5 */
typedef struct IapRisk {
        IapText description, mitigation;
        int likelihood, impact;
} IapRisk;
typedef enum IapRiskLevel { IAP_RISK_LOW, IAP_RISK_MEDIUM, IAP_RISK_HIGH, IAP_RISK_LEVEL_MAX } IapRiskLevel;
/* likelihood × impact: 1–6 low, 8–12 medium, 15–25 high. */
IapRiskLevel iap_risk_level(const IapRisk *r);
const char *iap_risk_level_msgid(IapRiskLevel l);

typedef struct IapAction {
        const char *id;
        const char *objective_id; /* specific (or strategic) objective */
        const char *parent_id;    /* NULL, or the action this is a sub-action of */
        int weight;               /* in its parent's roll-up, 1..IAP_WEIGHT_MAX */
        int own_progress;         /* permille, used when it has no sub-actions or milestones */
        /* City Action Table */
        IapText title, description, intended_results, resources, main_outputs, long_term_change;
        const char *start, *end; /* YYYY-MM-DD, may be NULL */
        /* Action Details */
        IapText responsible, funding_source, outputs, connected, implementation;
        int64_t budget_cents; /* euro cents, >= 0 */
        IapMilestone *milestones;
        size_t n_milestones;
        IapRisk *risks;
        size_t n_risks;
} IapAction;

/* --- Indicators --- */
typedef struct IapPeriodValue {
        const char *period; /* "2025", "2025Q3" or "2025-09" */
        int64_t value;
        bool insufficient; /* actuals: the platform group was below the minimum
                            * size (iap_platform_actual gave -ENODATA); value unused */
} IapPeriodValue;

typedef struct IapIndicator {
        const char *id;
        const char *objective_id, *action_id; /* either may be NULL, not both */
        IapText name, source;
        const char *unit;
        bool decrease; /* lower is better */
        int64_t baseline;
        IapPeriodValue *targets, *actuals;
        size_t n_targets, n_actuals;
        bool from_platform;          /* actuals come from the job platform's aggregates */
        const char *platform_metric; /* e.g. "placements.tech.women" */
} IapIndicator;

typedef enum IapIndicatorStatus {
        IAP_IND_NO_DATA,
        IAP_IND_INSUFFICIENT, /* platform group below the minimum size */
        IAP_IND_BEHIND,
        IAP_IND_ON_TRACK, /* meets the target of that period */
        IAP_IND_ACHIEVED, /* meets the final target */
        IAP_IND_STATUS_MAX
} IapIndicatorStatus;
const char *iap_indicator_status_msgid(IapIndicatorStatus s);

/* One aggregate from the job platform for one period (never per person). */
typedef struct IapPlatformFigure {
        int64_t value;      /* e.g. placements of the group */
        int64_t group_size; /* people in the group behind the figure */
} IapPlatformFigure;

/* The "only above minimum group size" rule: 0 and *ret_value for a group of
 * at least min_group (< 1 means IAP_MIN_GROUP_SIZE_DEFAULT) people;
 * -ENODATA ("insufficient data") below it; -EINVAL for negative figures. */
int iap_platform_actual(const IapPlatformFigure *f, int min_group, int64_t *ret_value);

/* Status of an indicator in a period, and the progress from baseline to
 * the final target (the target with the latest period) in permille, capped
 * to 0..1000. insufficient (or the actual's own flag): the platform figure
 * of that period was below the minimum group size. */
IapIndicatorStatus iap_indicator_status(const IapIndicator *ind, const char *period, bool insufficient,
                                        int *ret_progress);

/* --- Testing actions, practices, meetings --- */
typedef enum IapDecision { IAP_DECISION_NONE, IAP_DECISION_SCALE_UP, IAP_DECISION_ADAPT, IAP_DECISION_DROP,
                           IAP_DECISION_MAX } IapDecision;
const char *iap_decision_msgid(IapDecision d);

typedef struct IapTestingAction {
        const char *id;
        const char *action_id; /* the action it feeds, may be NULL */
        IapText challenge, what_if, test_if, idea, measurement;
        IapText what_happened, result;
        IapDecision decision;
} IapTestingAction;

typedef enum IapPracticeKind { IAP_GOOD_PRACTICE, IAP_CASE_EXAMPLE, IAP_PRACTICE_KIND_MAX } IapPracticeKind;
typedef struct IapPractice {
        const char *id;
        IapPracticeKind kind;
        const char *partner, *email, *author; /* email/author: personal data */
        const char *body_in_charge, *title, *link, *timescale;
        IapText thematic_objectives, abstract, activities, what_worked, useful_exchanges, useful_iap, people;
        bool testing_action, study_visit; /* case example only */
} IapPractice;

typedef enum IapMinutesStatus { IAP_MINUTES_DRAFT, IAP_MINUTES_AMENDED, IAP_MINUTES_FINAL,
                                IAP_MINUTES_STATUS_MAX } IapMinutesStatus;
typedef enum IapRole { IAP_ROLE_VIEWER, IAP_ROLE_MEMBER, IAP_ROLE_ATTENDEE, IAP_ROLE_COORDINATOR,
                       IAP_ROLE_MAX } IapRole;
typedef enum IapMeetingKind { IAP_MEETING_ULG, IAP_MEETING_NETWORK, IAP_MEETING_ONLINE,
                              IAP_MEETING_KIND_MAX } IapMeetingKind;
const char *iap_minutes_status_msgid(IapMinutesStatus s);

typedef struct IapMeeting {
        const char *id;
        IapMeetingKind kind;
        IapText title, agenda, minutes;
        const char *date; /* YYYY-MM-DD */
        const char *location;
        int registered, attended;
        IapMinutesStatus minutes_status;
        IapText *decisions;
        size_t n_decisions;
} IapMeeting;

/* Minutes move draft → amended → final (amended → amended again as
 * attendees correct them). Attendees and the coordinator may amend; only
 * the coordinator makes them final; final minutes never change. Returns 0
 * and updates m, -EACCES for a role that may not, -EINVAL for a move that
 * does not exist. */
int iap_minutes_transition(IapMeeting *m, IapMinutesStatus to, IapRole who);
/* Whether who may edit the minutes text now (not final; attendee or
 * coordinator). */
bool iap_minutes_editable(const IapMeeting *m, IapRole who);

/* No contact person here: that is personal data, kept encrypted apart
 * from the plan (domain/workspace/stakeholder.h), so no view of the plan
 * can show it. */
typedef struct IapStakeholder {
        const char *id, *organisation, *sector, *role;
        int influence, interest; /* 1..5, for the stakeholder map */
        bool ulg_member;         /* sits in the URBACT Local Group */
} IapStakeholder;

/* --- The plan --- */
typedef struct IapPlan {
        const char *city_slug, *city_name;
        Lang lang; /* the city's working language */
        IapText title;
        /* Section 1: context, needs and vision */
        IapText theme, current_situation, related_strategies;
        IapProblemNode *problems;
        size_t n_problems;
        IapVision vision;
        IapText integration_challenges;
        /* Section 2: overall logic and integrated approach */
        IapText overall_logic, integrated_approach;
        IapObjective *objectives;
        size_t n_objectives;
        const struct IapSelfCheck *selfcheck; /* latest 12 aspects and grid (answers.h); NULL: none */
        /* Section 3: actions */
        IapAction *actions;
        size_t n_actions;
        IapIndicator *indicators;
        size_t n_indicators;
        IapTestingAction *testing;
        size_t n_testing;
        /* Section 4: implementation framework */
        IapText governance, monitoring, funding, communication;
        IapStakeholder *stakeholders;
        size_t n_stakeholders;
        IapMeeting *meetings;
        size_t n_meetings;
        IapPractice *practices;
        size_t n_practices;
} IapPlan;

/* Progress of action idx in permille: the weighted mean over its
 * sub-actions (recursively) and milestones (done = 1000); an action with
 * neither uses own_progress. Half-up integer rounding. -ELOOP for a cycle or
 * nesting deeper than IAP_DEPTH_MAX, -EINVAL for a bad index. */
int iap_action_progress(const IapPlan *p, size_t idx, int *ret_permille);
/* Weighted progress of an objective over its top-level actions (and those
 * of its specific objectives when it is strategic); -ENOENT if none. */
int iap_objective_progress(const IapPlan *p, const char *objective_id, int *ret_permille);
/* Sum of the budgets of all actions (cents); -E2BIG on overflow. */
int iap_plan_budget(const IapPlan *p, int64_t *ret_cents);

/* One problem found by validation: the record kind ("action"), its id
 * (may be NULL), the field ("budget") and an English msgid. */
typedef struct IapProblem {
        const char *record, *id, *field, *msgid;
} IapProblem;
#define IAP_PROBLEMS_MAX 200

/* Validates every record: required fields, UTF-8 and lengths, dates,
 * ranges, unique ids, links to existing records, cycles. Writes up to cap
 * problems to out and their count to *ret_n (which may exceed cap). Returns
 * 0 when valid, -EINVAL when problems were found. */
int iap_plan_validate(const IapPlan *p, IapProblem *out, size_t cap, size_t *ret_n);

/* Index of the record with that id, or -1. */
long iap_find_action(const IapPlan *p, const char *id);
long iap_find_objective(const IapPlan *p, const char *id);

#endif
