/* Shared by the IAP tests and bench/iapexport: registers the embedded
 * catalogues and builds a realistic demo plan of Trikala in Greek and
 * English, with a few hostile strings in it. Everything is arena-owned. */
#ifndef TD_TEST_IAP_FIXTURE_H
#define TD_TEST_IAP_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "core/embed.h"
#include "core/i18n.h"
#include "domain/iap/plan.h"

extern const EmbeddedFile td_catalogues[];

static inline void fixture_register_catalogues(void) {
        for (const EmbeddedFile *f = td_catalogues; f->name; f++) {
                Lang l;
                if (lang_parse(f->name, &l) == 0)
                        (void)i18n_register(l, f->data, f->len);
        }
}

static inline IapText fx_text(Arena *a, const char *el, const char *en) {
        IapText t = {.local_lang = LANG_EL};
        if (el)
                iap_text_set(a, &t, LANG_EL, el);
        if (en)
                iap_text_set(a, &t, LANG_EN, en);
        return t;
}

#define FX_HOSTILE "Tom & Jerry <script>alert(\"x\")</script> 'quoted'\r\nline two"

static const char *const fx_obj_el[] = {
        "Περισσότερες γυναίκες στον ψηφιακό τομέα", "Προσβάσιμες προσλήψεις για άτομα με αναπηρία",
        "Νέοι στην τεχνολογία", "Ένταξη μεταναστών", "Ψηφιακές δεξιότητες για όλους",
        "Επιχειρηματικότητα με ποικιλομορφία", "Δίκτυο εργοδοτών", "Παρακολούθηση και δεδομένα"};
static const char *const fx_obj_en[] = {
        "More women in the digital sector", "Accessible recruitment for people with disabilities",
        "Young people in tech", "Inclusion of migrants", "Digital skills for everyone",
        "Diverse entrepreneurship", "Employers' network", "Monitoring and data"};

static inline void fx_actions(Arena *a, IapPlan *p, size_t n_actions) {
        p->actions = arena_alloc(a, n_actions * sizeof *p->actions);
        p->n_actions = n_actions;
        for (size_t i = 0; i < n_actions; i++) {
                IapAction *x = &p->actions[i];
                x->id = arena_printf(a, "a%zu", i + 1);
                x->objective_id = p->objectives[8 + i % 8].id; /* specific objectives */
                x->parent_id = i % 5 == 4 ? p->actions[i - 1].id : NULL;
                x->weight = 1 + (int)(i % 3);
                x->own_progress = (int)((i * 137) % 1001);
                x->title = fx_text(a, arena_printf(a, "Δράση %zu: εργαστήρια κώδικα για κορίτσια", i + 1),
                                   arena_printf(a, "Action %zu: coding workshops for girls", i + 1));
                x->description = fx_text(a, "Σειρά εργαστηρίων με μέντορες από τοπικές εταιρείες.",
                                         i == 2 ? FX_HOSTILE : "A series of workshops with mentors from local firms.");
                x->intended_results = fx_text(a, "50 συμμετέχουσες, 60 % ολοκληρώνουν", "50 participants, 60 % complete");
                x->resources = fx_text(a, "2 εκπαιδευτές, αίθουσα, 10 φορητοί", "2 trainers, a room, 10 laptops");
                x->main_outputs = fx_text(a, "8 εργαστήρια", "8 workshops");
                x->long_term_change = fx_text(a, "Περισσότερες αιτήσεις γυναικών σε θέσεις ΤΠΕ",
                                              "More applications from women for ICT jobs");
                x->start = "2025-01-15";
                x->end = "2026-06-30";
                x->responsible = fx_text(a, "e-Trikala Α.Ε.", "e-Trikala S.A.");
                x->funding_source = fx_text(a, "ΕΣΠΑ 2021-2027 (ΕΚΤ+)", "NSRF 2021-2027 (ESF+)");
                x->outputs = fx_text(a, "Υλικό μαθημάτων", "Course material");
                x->connected = fx_text(a, "Δράση 1", "Action 1");
                x->implementation = fx_text(a, "Συνεργασία με σχολεία", "Cooperation with schools");
                x->budget_cents = (int64_t)(i + 1) * 1250000;
                if (i % 3 == 0) {
                        x->n_milestones = 2;
                        x->milestones = arena_alloc(a, 2 * sizeof *x->milestones);
                        x->milestones[0] = (IapMilestone){.id = "m1", .title = fx_text(a, "Έναρξη", "Kick-off"),
                                                          .due = "2025-02-01", .done = true, .weight = 1};
                        x->milestones[1] = (IapMilestone){.id = "m2", .title = fx_text(a, "Αξιολόγηση", "Evaluation"),
                                                          .due = "2025-12-15", .done = false, .weight = 3};
                }
                x->n_risks = 1;
                x->risks = arena_alloc(a, sizeof *x->risks);
                x->risks[0] = (IapRisk){.description = fx_text(a, "Χαμηλή συμμετοχή", "Low participation"),
                                        .mitigation = fx_text(a, "Συνεργασία με ΜΚΟ", "Partner with NGOs"),
                                        .likelihood = 1 + (int)(i % 5), .impact = 1 + (int)((i + 2) % 5)};
        }
}

static inline void fx_indicators(Arena *a, IapPlan *p, size_t n) {
        p->indicators = arena_alloc(a, n * sizeof *p->indicators);
        p->n_indicators = n;
        for (size_t i = 0; i < n; i++) {
                IapIndicator *d = &p->indicators[i];
                d->id = arena_printf(a, "i%zu", i + 1);
                d->action_id = p->actions[i % p->n_actions].id;
                d->name = fx_text(a, arena_printf(a, "Γυναίκες που προσλήφθηκαν σε θέσεις τεχνολογίας (%zu)", i + 1),
                                  arena_printf(a, "Women hired into tech jobs (%zu)", i + 1));
                d->source = fx_text(a, "Μητρώο δήμου", "Municipal register");
                d->unit = "people";
                d->baseline = (int64_t)(10 + i);
                d->n_targets = 2;
                d->targets = arena_alloc(a, 2 * sizeof *d->targets);
                d->targets[0] = (IapPeriodValue){.period = "2025Q4", .value = (int64_t)(20 + i)};
                d->targets[1] = (IapPeriodValue){.period = "2026Q4", .value = (int64_t)(40 + i)};
                d->n_actuals = i % 4 == 3 ? 0 : 1;
                d->actuals = arena_alloc(a, sizeof *d->actuals);
                d->actuals[0] = (IapPeriodValue){.period = "2025Q4", .value = (int64_t)(15 + 2 * i), .insufficient = i == 6};
                d->from_platform = i % 2 == 0;
                d->platform_metric = d->from_platform ? "placements.tech.women" : NULL;
        }
}

static inline void fx_meetings(Arena *a, IapPlan *p) {
        p->n_meetings = 3;
        p->meetings = arena_alloc(a, 3 * sizeof *p->meetings);
        static const char *const dates[] = {"2024-02-20", "2024-04-10", "2024-06-27"};
        for (size_t i = 0; i < 3; i++)
                p->meetings[i] = (IapMeeting){
                        .id = arena_printf(a, "ulg%zu", i + 2),
                        .kind = IAP_MEETING_ULG,
                        .title = fx_text(a, arena_printf(a, "Συνάντηση ΤΟΔ %zu", i + 2),
                                         arena_printf(a, "ULG meeting %zu", i + 2)),
                        .agenda = fx_text(a, "Όραμα, στόχοι; δοκιμαστικές δράσεις, κ.λπ.",
                                          "Vision, objectives; testing actions, etc."),
                        .date = dates[i],
                        .location = i == 1 ? "Δημαρχείο Τρικάλων, Αίθουσα \"Α\"" : "Trikala, e-Trikala",
                        .registered = 20,
                        .attended = 14 + (int)i,
                        .minutes_status = (IapMinutesStatus)i,
                };
}

/* A plan with 8 strategic + 8 specific objectives, n_actions actions and
 * n_indicators indicators. */
static inline IapPlan *fixture_plan(Arena *a, size_t n_actions, size_t n_indicators) {
        IapPlan *p = arena_alloc(a, sizeof *p);
        p->city_slug = "trikala";
        p->city_name = "Τρίκαλα";
        p->lang = LANG_EL;
        p->title = fx_text(a, "Ολοκληρωμένο Σχέδιο Δράσης Τρικάλων", "Trikala Integrated Action Plan");
        p->theme = fx_text(a, "Ποικιλομορφία και ένταξη στα ψηφιακά οικοσυστήματα.",
                           "Diversity and inclusion in digital ecosystems.");
        p->current_situation = fx_text(a, "Μόνο το 19 % των ειδικών ΤΠΕ στην Ελλάδα είναι γυναίκες.",
                                       "Only 19 % of ICT specialists in Greece are women.");
        p->related_strategies = fx_text(a, "Στρατηγική Έξυπνης Πόλης 2030", "Smart City Strategy 2030");
        p->n_problems = 3;
        p->problems = arena_alloc(a, 3 * sizeof *p->problems);
        p->problems[0] = (IapProblemNode){"p1", NULL, IAP_NODE_PROBLEM,
                                          fx_text(a, "Λίγες γυναίκες σε θέσεις τεχνολογίας", "Few women in tech jobs")};
        p->problems[1] = (IapProblemNode){"c1", "p1", IAP_NODE_CAUSE,
                                          fx_text(a, "Στερεότυπα στο σχολείο", "Stereotypes at school")};
        p->problems[2] = (IapProblemNode){"e1", "p1", IAP_NODE_EFFECT,
                                          fx_text(a, "Έλλειψη ταλέντων", "Talent shortage")};
        p->vision = (IapVision){fx_text(a, "Τα Τρίκαλα, πόλη ψηφιακών ευκαιριών για όλους",
                                        "Trikala, a city of digital opportunity for all"),
                                "2030-06-01",
                                fx_text(a, "Το 2030 οι μισοί νέοι προγραμματιστές της πόλης είναι γυναίκες.",
                                        "In 2030 half of the city's new developers are women.")};
        p->integration_challenges = fx_text(a, "Συντονισμός σχολείων, εταιρειών και ΜΚΟ.",
                                            "Coordinating schools, firms and NGOs.");
        p->overall_logic = fx_text(a, "Από το πρόβλημα στους στόχους και τις δράσεις.",
                                   "From the problem to objectives and actions.");
        p->integrated_approach = fx_text(a, "Οικονομικές, κοινωνικές και περιβαλλοντικές πτυχές μαζί.",
                                         "Economic, social and environmental aspects together.");
        p->n_objectives = 16;
        p->objectives = arena_alloc(a, 16 * sizeof *p->objectives);
        for (size_t i = 0; i < 8; i++) {
                p->objectives[i] = (IapObjective){arena_printf(a, "so%zu", i + 1), NULL,
                                                  fx_text(a, fx_obj_el[i], fx_obj_en[i]), fx_text(a, NULL, NULL)};
                p->objectives[8 + i] = (IapObjective){
                        arena_printf(a, "sp%zu", i + 1), p->objectives[i].id,
                        fx_text(a, arena_printf(a, "Ειδικός στόχος %zu.1", i + 1), arena_printf(a, "Specific objective %zu.1", i + 1)),
                        fx_text(a, NULL, NULL)};
        }
        fx_actions(a, p, n_actions);
        fx_indicators(a, p, n_indicators);
        fx_meetings(a, p);
        p->n_testing = 1;
        p->testing = arena_alloc(a, sizeof *p->testing);
        p->testing[0] = (IapTestingAction){.id = "t1", .action_id = "a1",
                .challenge = fx_text(a, "Αύξηση της ποικιλομορφίας", "Increase diversity"),
                .test_if = fx_text(a, "οι μέντορες αυξάνουν τη συμμετοχή", "mentors raise participation"),
                .idea = fx_text(a, "Πιλοτικό bootcamp", "Pilot bootcamp"),
                .measurement = fx_text(a, "Ποσοστό ολοκλήρωσης", "Completion rate"),
                .result = fx_text(a, "72 % ολοκλήρωσαν", "72 % completed"), .decision = IAP_DECISION_SCALE_UP};
        p->n_stakeholders = 1;
        p->stakeholders = arena_alloc(a, sizeof *p->stakeholders);
        p->stakeholders[0] = (IapStakeholder){"s1", "Πανεπιστήμιο Θεσσαλίας", "Εκπαίδευση", "Εταίρος", 4, 5, true};
        /* A good practice with the personal items of its form filled in:
         * exports must leave them out. */
        p->n_practices = 1;
        p->practices = arena_alloc(a, sizeof *p->practices);
        p->practices[0] = (IapPractice){.id = "gp1", .kind = IAP_GOOD_PRACTICE, .partner = "Trikala",
                                        .email = "maria.papadopoulou@example.org", .author = "Maria Papadopoulou",
                                        .body_in_charge = "e-trikala SA", .title = "Jobs4all",
                                        .link = "https://example.org/jobs4all", .timescale = "2021–2024",
                                        .abstract = fx_text(a, "Πλατφόρμα εργασίας", "A blind-pairing job platform"),
                                        .what_worked = fx_text(a, "Ανωνυμία", "Anonymised profiles")};
        p->governance = fx_text(a, "Η ΤΟΔ συνεδριάζει κάθε τρίμηνο.", "The ULG meets every quarter.");
        p->monitoring = fx_text(a, "Δείκτες ανά τρίμηνο.", "Indicators every quarter.");
        p->funding = fx_text(a, "ΕΣΠΑ, ΕΚΤ+, δημοτικοί πόροι.", "NSRF, ESF+, municipal funds.");
        p->communication = fx_text(a, "Ιστοσελίδα, μέσα κοινωνικής δικτύωσης.", "Website, social media.");
        return p;
}

#endif
