/* The fields of each editable record kind, in the order the forms show
 * them. Keys are those of the record's JSON form (plan_json.c), so what is
 * saved here is what the plan page and the exports read. */
#include <string.h>

#include "domain/workspace/edit.h"

static const char *const node_kinds[] = { "problem", "cause", "effect", NULL };
static const char *const node_labels[] = { N_("Problem"), N_("Cause"), N_("Effect"), NULL };
static const char *const metrics[] = { "", "jobs.published", NULL };
static const char *const metric_labels[] = { N_("None: actuals are entered by hand"),
                                             N_("Job postings published in the city this quarter (from the platform)"),
                                             NULL };

static const WsField meeting_fields[] = {
        { "title", WS_FT_TEXT, N_("Title"), NULL, true, WS_TITLE_MAX, 0, NULL, NULL, NULL },
        { "date", WS_FT_DATE, N_("Date"), N_("As YYYY-MM-DD, e.g. 2024-05-14."), true, 0, 0, NULL, NULL, NULL },
        { "location", WS_FT_STRING, N_("Place"), NULL, false, WS_TITLE_MAX, 0, NULL, NULL, NULL },
        { "agenda", WS_FT_LONG, N_("Agenda"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, NULL },
        { "registered", WS_FT_INT, N_("Number of people registered"), NULL, false, WS_ATTENDANCE_MAX, 0, NULL, NULL, NULL },
        { "attended", WS_FT_INT, N_("Number of people who attended"), NULL, false, WS_ATTENDANCE_MAX, 0, NULL, NULL, NULL },
        { "minutes", WS_FT_LONG, N_("Minutes"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, NULL },
        { "decisions", WS_FT_LINES, N_("Decisions"), N_("One decision per line."), false, WS_LONG_MAX, 0, NULL, NULL, NULL },
};

static const WsField problem_fields[] = {
        { "kind", WS_FT_CHOICE, N_("Kind"), NULL, true, 0, 0, node_kinds, node_labels, NULL },
        { "text", WS_FT_LONG, N_("Text"), NULL, true, WS_NODE_MAX, 0, NULL, NULL, NULL },
        { "parent", WS_FT_REF, N_("Belongs to the problem"), N_("Causes and effects belong to a problem."), false, 0,
          WS_PROBLEM, NULL, NULL, NULL },
};

static const WsField objective_fields[] = {
        { "title", WS_FT_TEXT, N_("Title"), NULL, true, WS_TITLE_MAX, 0, NULL, NULL, NULL },
        { "description", WS_FT_LONG, N_("Description"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, NULL },
        { "parent", WS_FT_REF, N_("Strategic objective"),
          N_("Leave empty for a strategic objective; choose one to make this a specific objective."), false, 0,
          WS_OBJECTIVE, NULL, NULL, NULL },
};

static const WsField action_fields[] = {
        { "title", WS_FT_TEXT, N_("Title"), NULL, true, WS_TITLE_MAX, 0, NULL, NULL, NULL },
        /* An action sits under an objective or, as a sub-action, under a
         * parent action (never both): ws_form_apply asks for exactly one. */
        { "objective", WS_FT_REF, N_("Objective"),
          N_("Choose the objective of a main action; leave it empty for a sub-action."), false, 0, WS_OBJECTIVE, NULL,
          NULL, NULL },
        { "parent", WS_FT_REF, N_("Sub-action of"),
          N_("Choose the action this is a sub-action of; leave it empty for a main action under an objective."),
          false, 0, WS_ACTION, NULL, NULL, NULL },
        { "weight", WS_FT_INT, N_("Weight in the progress above it"),
          N_("From 1 to 1000: how much this action counts in the progress of its parent action or objective. "
             "Empty means 1."),
          false, IAP_WEIGHT_MAX, 0, NULL, NULL, NULL },
        { "intended_results", WS_FT_LONG, N_("Intended results"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, NULL },
        { "resources", WS_FT_LONG, N_("Resources"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, NULL },
        { "main_outputs", WS_FT_LONG, N_("Main outputs"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, NULL },
        { "long_term_change", WS_FT_LONG, N_("Long-term change"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, NULL },
        { "start", WS_FT_DATE, N_("Start"), N_("As YYYY-MM-DD."), false, 0, 0, NULL, NULL, NULL },
        { "end", WS_FT_DATE, N_("End"), N_("As YYYY-MM-DD."), false, 0, 0, NULL, NULL, NULL },
        { "responsible", WS_FT_TEXT, N_("Responsible"), NULL, false, WS_TITLE_MAX, 0, NULL, NULL, NULL },
        { "budget", WS_FT_MONEY, N_("Budget (EUR)"), N_("e.g. 12000 or 12000.50"), false, WS_BUDGET_MAX_EURO, 0,
          NULL, NULL, NULL },
        { "funding_source", WS_FT_TEXT, N_("Funding source"), NULL, false, WS_TITLE_MAX, 0, NULL, NULL, NULL },
        { "outputs", WS_FT_LONG, N_("Outputs"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, NULL },
        { "connected", WS_FT_LONG, N_("Connected activities"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, NULL },
        { "implementation", WS_FT_LONG, N_("Implementation details"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, NULL },
        { "progress", WS_FT_PERCENT, N_("Own progress (%)"),
          N_("From 0 to 100. Used only while the action has neither sub-actions nor milestones; otherwise its "
             "progress is worked out from them."),
          false, 1000, 0, NULL, NULL, NULL },
        { "risk1_description", WS_FT_TEXT, N_("Risk 1"), NULL, false, WS_TITLE_MAX, 0, NULL, NULL, NULL },
        { "risk1_likelihood", WS_FT_INT, N_("Risk 1: likelihood (1–5)"), NULL, false, IAP_RISK_SCALE, 0, NULL, NULL, NULL },
        { "risk1_impact", WS_FT_INT, N_("Risk 1: impact (1–5)"), NULL, false, IAP_RISK_SCALE, 0, NULL, NULL, NULL },
        { "risk1_mitigation", WS_FT_LONG, N_("Risk 1: mitigation"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, NULL },
        { "risk2_description", WS_FT_TEXT, N_("Risk 2"), NULL, false, WS_TITLE_MAX, 0, NULL, NULL, NULL },
        { "risk2_likelihood", WS_FT_INT, N_("Risk 2: likelihood (1–5)"), NULL, false, IAP_RISK_SCALE, 0, NULL, NULL, NULL },
        { "risk2_impact", WS_FT_INT, N_("Risk 2: impact (1–5)"), NULL, false, IAP_RISK_SCALE, 0, NULL, NULL, NULL },
        { "risk2_mitigation", WS_FT_LONG, N_("Risk 2: mitigation"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, NULL },
};

/* One milestone of an action (kept in the action's "milestones"; edited
 * on its own page, see actions.h). */
static const WsField milestone_fields[] = {
        { "title", WS_FT_TEXT, N_("Milestone"), NULL, true, WS_TITLE_MAX, 0, NULL, NULL, NULL },
        { "due", WS_FT_DATE, N_("Due date"), N_("As YYYY-MM-DD."), true, 0, 0, NULL, NULL, NULL },
        { "weight", WS_FT_INT, N_("Weight in the action's progress"), N_("From 1 to 1000. Empty means 1."), false,
          IAP_WEIGHT_MAX, 0, NULL, NULL, NULL },
};

static const WsField indicator_fields[] = {
        { "name", WS_FT_TEXT, N_("Name"), NULL, true, WS_TITLE_MAX, 0, NULL, NULL, NULL },
        { "objective", WS_FT_REF, N_("Objective"), N_("An indicator measures an objective or an action."), false, 0,
          WS_OBJECTIVE, NULL, NULL, NULL },
        { "action", WS_FT_REF, N_("Action"), NULL, false, 0, WS_ACTION, NULL, NULL, NULL },
        { "unit", WS_FT_STRING, N_("Unit"), N_("e.g. people, %, events"), true, WS_TITLE_MAX, 0, NULL, NULL, NULL },
        { "baseline", WS_FT_INT, N_("Baseline"), NULL, false, WS_VALUE_MAX, 0, NULL, NULL, NULL },
        { "targets", WS_FT_PERIODS, N_("Targets"), N_("Period: value, separated by commas, e.g. 2025: 10, 2026Q2: 15"),
          false, WS_PERIODS_TEXT_MAX, 0, NULL, NULL, NULL },
        { "actuals", WS_FT_PERIODS, N_("Actuals"), N_("Period: value, separated by commas, e.g. 2025: 8"), false,
          WS_PERIODS_TEXT_MAX, 0, NULL, NULL, NULL },
        { "source", WS_FT_TEXT, N_("Source of the data"), NULL, false, WS_TITLE_MAX, 0, NULL, NULL, NULL },
        { "platform_metric", WS_FT_CHOICE, N_("Actuals from the platform"), NULL, false, 0, 0, metrics, metric_labels, NULL },
};

/* The Newspaper of Tomorrow lives in the plan record's "vision" object. */
static const WsField vision_fields[] = {
        { "headline", WS_FT_TEXT, N_("Headline"), N_("The headline on the day the plan has worked."), false,
          WS_TITLE_MAX, 0, NULL, NULL, "vision" },
        { "date", WS_FT_DATE, N_("Date of the newspaper"), N_("As YYYY-MM-DD."), false, 0, 0, NULL, NULL, "vision" },
        { "story", WS_FT_LONG, N_("Story"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, "vision" },
};

static const char *const ulg_values[] = { "", "yes", NULL };
static const char *const ulg_labels[] = { N_("Not a member"), N_("Member of the local group"), NULL };

/* Stakeholders for the influence/interest map, and whether they sit in the
 * URBACT Local Group. The contact person is personal data and is not part
 * of the record: it is kept encrypted apart (stakeholder.h). */
static const WsField stakeholder_fields[] = {
        { "organisation", WS_FT_STRING, N_("Organisation"), NULL, true, WS_TITLE_MAX, 0, NULL, NULL, NULL },
        { "sector", WS_FT_STRING, N_("Sector"), N_("e.g. public, private, education, civil society"), false,
          WS_TITLE_MAX, 0, NULL, NULL, NULL },
        { "role", WS_FT_STRING, N_("Role in the local group"), NULL, false, WS_TITLE_MAX, 0, NULL, NULL, NULL },
        { "influence", WS_FT_INT, N_("Influence (1–5)"), N_("1 little, 5 a great deal"), true, WS_SCALE_MAX, 0, NULL,
          NULL, NULL },
        { "interest", WS_FT_INT, N_("Interest (1–5)"), N_("1 little, 5 a great deal"), true, WS_SCALE_MAX, 0, NULL,
          NULL, NULL },
        { "ulg", WS_FT_CHOICE, N_("Member of the URBACT Local Group"), NULL, false, 0, 0, ulg_values, ulg_labels,
          NULL },
};

static const char *const decisions[] = { "none", "scale-up", "adapt", "drop", NULL };
static const char *const decision_labels[] = { N_("Not decided yet"), N_("Scale up"), N_("Adapt"), N_("Drop"), NULL };

/* The URBACT Testing Action canvas, what happened, and the decision that
 * feeds the action table. */
static const WsField testing_fields[] = {
        { "challenge", WS_FT_LONG, N_("Challenge"), NULL, true, WS_LONG_MAX, 0, NULL, NULL, NULL },
        { "action", WS_FT_REF, N_("Action it tests"), NULL, false, 0, WS_ACTION, NULL, NULL, NULL },
        { "what_if", WS_FT_LONG, N_("What if…"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, NULL },
        { "test_if", WS_FT_LONG, N_("We want to test if…"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, NULL },
        { "idea", WS_FT_LONG, N_("Idea"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, NULL },
        { "measurement", WS_FT_LONG, N_("How we measure it"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, NULL },
        { "what_happened", WS_FT_LONG, N_("What happened"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, NULL },
        { "result", WS_FT_LONG, N_("Measured result"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, NULL },
        { "decision", WS_FT_CHOICE, N_("Decision"), NULL, false, 0, 0, decisions, decision_labels, NULL },
};

static const char *const practice_kinds[] = { "good-practice", "case-example", NULL };
static const char *const practice_labels[] = { N_("Good practice"), N_("Case example"), NULL };

/* The Good Practice and Case Example forms of the seed appendix. */
static const WsField practice_fields[] = {
        { "title", WS_FT_STRING, N_("Title"), NULL, true, WS_TITLE_MAX, 0, NULL, NULL, NULL },
        { "kind", WS_FT_CHOICE, N_("Kind"), NULL, true, 0, 0, practice_kinds, practice_labels, NULL },
        { "partner", WS_FT_STRING, N_("Partner"), NULL, false, WS_TITLE_MAX, 0, NULL, NULL, NULL },
        { "body_in_charge", WS_FT_STRING, N_("Body in charge"), NULL, false, WS_TITLE_MAX, 0, NULL, NULL, NULL },
        { "link", WS_FT_STRING, N_("Link"), NULL, false, WS_TITLE_MAX, 0, NULL, NULL, NULL },
        { "timescale", WS_FT_STRING, N_("Timescale"), N_("e.g. 2022–2024"), false, WS_TITLE_MAX, 0, NULL, NULL, NULL },
        { "thematic_objectives", WS_FT_LONG, N_("Thematic objectives"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, NULL },
        { "abstract", WS_FT_LONG, N_("Abstract"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, NULL },
        { "activities", WS_FT_LONG, N_("Activities"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, NULL },
        { "what_worked", WS_FT_LONG, N_("What worked well"), NULL, false, WS_LONG_MAX, 0, NULL, NULL, NULL },
        { "useful_iap", WS_FT_LONG, N_("Elements useful for our action plan"), NULL, false, WS_LONG_MAX, 0, NULL, NULL,
          NULL },
        { "people", WS_FT_LONG, N_("People involved"), N_("Roles and organisations, not personal contacts."), false,
          WS_LONG_MAX, 0, NULL, NULL, NULL },
};

#define FORM(k, s, t, r, f, one) { k, s, t, r, f, sizeof(f) / sizeof((f)[0]), one }
static const WsForm forms[WS_FORMS_MAX] = {
        FORM(WS_MEETING, "meetings", N_("Local group meetings"), N_("Meeting"), meeting_fields, NULL),
        FORM(WS_PROBLEM, "problems", N_("Problem tree"), N_("Problem, cause or effect"), problem_fields, NULL),
        FORM(WS_PLAN, "vision", N_("Vision: Newspaper of Tomorrow"), N_("Vision"), vision_fields, "plan"),
        FORM(WS_OBJECTIVE, "objectives", N_("Objectives"), N_("Objective"), objective_fields, NULL),
        FORM(WS_ACTION, "actions", N_("Action table"), N_("Action"), action_fields, NULL),
        FORM(WS_INDICATOR, "indicators", N_("Indicators"), N_("Indicator"), indicator_fields, NULL),
        FORM(WS_STAKEHOLDER, "stakeholders", N_("Stakeholders"), N_("Stakeholder"), stakeholder_fields, NULL),
        FORM(WS_TESTING, "testing", N_("Testing actions"), N_("Testing action"), testing_fields, NULL),
        FORM(WS_PRACTICE, "practices", N_("Good practices and case examples"), N_("Practice"), practice_fields, NULL),
};

static const WsForm milestone_form = FORM(WS_ACTION, "milestones", N_("Milestones"), N_("Milestone"),
                                          milestone_fields, NULL);

const WsForm *ws_milestone_form(void) { return &milestone_form; }

const WsForm *ws_forms(size_t *ret_n) {
        *ret_n = WS_FORMS_MAX;
        return forms;
}

const WsForm *ws_form_by_slug(const char *s) {
        for (size_t i = 0; s && i < WS_FORMS_MAX; i++)
                if (strcmp(forms[i].slug, s) == 0)
                        return &forms[i];
        return NULL;
}
