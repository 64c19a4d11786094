/* The one route table: every URL of the platform, its method, handler,
 * declared parameters (validated before the handler runs) and who may use
 * it (checked centrally before that, see auth.c). A route without a
 * permission is refused. */
#include "web/jobs_form.h"
#include "web/web.h"

#define R(role) ROLE_BIT(ROLE_##role)

/* ---- who may use a route ---- */
static const RoutePerm PUBLIC = { .flags = PERM_F_PUBLIC };
/* Public POSTs that only compute an answer and change nothing (so there is
 * nothing for a forged request to do): no CSRF token needed, which lets
 * plain API clients use them without cookies. */
static const RoutePerm PUBLIC_COMPUTE = { .flags = PERM_F_PUBLIC | PERM_F_NO_CSRF };
/* /metrics: loopback (the host's own Prometheus) or an administrator. */
static const RoutePerm METRICS = { .flags = PERM_F_LOOPBACK, .roles = R(ADMIN) };
static const RoutePerm SIGNED_IN = { .roles = ROLES_ALL };
static const RoutePerm ADMIN = { .roles = R(ADMIN) };
static const RoutePerm CITY_OWN = { .roles = R(CITY) | R(NETWORK), .owner = OWN_CITY, .owner_param = "slug" };
static const RoutePerm NETWORK = { .roles = R(NETWORK) };
static const RoutePerm NGO_OWN = { .roles = R(NGO), .owner = OWN_ORG, .owner_param = "org" };
static const RoutePerm CONSENTED = { .roles = R(NGO), .owner = OWN_CONSENTED_CANDIDATE, .owner_param = "id" };
static const RoutePerm ORG_OWN = { .roles = R(EMPLOYER) | R(NGO) | R(ADMIN), .owner = OWN_ORG, .owner_param = "org" };

/* ---- declared parameters ---- */
static const ParamSpec p_city[] = {
        { .name = "slug", .in = PARAM_PATH, .type = PT_SLUG, .required = 1 },
        { 0 },
};
/* The workspace's forms: the fields come from the domain's tables and the
 * rubric's data file, read raw and checked by the domain (req_form_raw). */
static const ParamSpec p_ws_kind[] = {
        { .name = "slug", .in = PARAM_PATH, .type = PT_SLUG, .required = 1 },
        { .name = "kind", .in = PARAM_PATH, .type = PT_SLUG, .required = 1, .max_len = 16 },
        { 0 },
};
static const ParamSpec p_ws_rec[] = {
        { .name = "slug", .in = PARAM_PATH, .type = PT_SLUG, .required = 1 },
        { .name = "kind", .in = PARAM_PATH, .type = PT_SLUG, .required = 1, .max_len = 16 },
        { .name = "id", .in = PARAM_PATH, .type = PT_STRING, .required = 1, .max_len = 64 },
        { .name = "version", .in = PARAM_FORM, .type = PT_INT },
        { 0 },
};
static const ParamSpec p_ws_contact[] = {
        { .name = "slug", .in = PARAM_PATH, .type = PT_SLUG, .required = 1 },
        { .name = "id", .in = PARAM_PATH, .type = PT_STRING, .required = 1, .max_len = 64 },
        { 0 },
};
/* An action's milestones: {id} the action, {mid} the milestone. */
static const ParamSpec p_ws_action[] = {
        { .name = "slug", .in = PARAM_PATH, .type = PT_SLUG, .required = 1 },
        { .name = "id", .in = PARAM_PATH, .type = PT_STRING, .required = 1, .max_len = 64 },
        { .name = "version", .in = PARAM_FORM, .type = PT_INT },
        { 0 },
};
static const ParamSpec p_ws_milestone[] = {
        { .name = "slug", .in = PARAM_PATH, .type = PT_SLUG, .required = 1 },
        { .name = "id", .in = PARAM_PATH, .type = PT_STRING, .required = 1, .max_len = 64 },
        { .name = "mid", .in = PARAM_PATH, .type = PT_STRING, .required = 1, .max_len = 16 },
        { .name = "version", .in = PARAM_FORM, .type = PT_INT },
        { 0 },
};
#define WS_BODY_MAX ((size_t)1 << 20)
/* The roadmap's form: its fields are read raw and checked by the domain
 * (domain/network/roadmap.h), which names their limits. */
static const ParamSpec p_roadmap_entry[] = {
        { .name = "id", .in = PARAM_PATH, .type = PT_INT, .required = 1 },
        { .name = "version", .in = PARAM_FORM, .type = PT_INT },
        { 0 },
};
#define ROADMAP_BODY_MAX ((size_t)64 << 10)
static const ParamSpec p_roadmap_list[] = {
        { .name = "city", .in = PARAM_QUERY, .type = PT_SLUG },
        { 0 },
};
static const ParamSpec p_plan_export[] = {
        { .name = "slug", .in = PARAM_PATH, .type = PT_SLUG, .required = 1 },
        { .name = "format", .in = PARAM_PATH, .type = PT_SLUG, .required = 1, .max_len = 8 },
        { 0 },
};
static const ParamSpec p_report[] = {
        { .name = "quarter", .in = PARAM_PATH, .type = PT_STRING, .required = 1, .max_len = 6 },
        { 0 },
};
static const ParamSpec p_calendar[] = {
        { .name = "city", .in = PARAM_QUERY, .type = PT_SLUG },
        { 0 },
};
static const ParamSpec p_static[] = {
        { .name = "file", .in = PARAM_PATH, .type = PT_STRING, .required = 1, .max_len = 64 },
        { 0 },
};
static const ParamSpec p_login_page[] = {
        { .name = "next", .in = PARAM_QUERY, .type = PT_STRING, .max_len = 200 },
        { 0 },
};
static const ParamSpec p_login[] = {
        { .name = "email", .in = PARAM_FORM, .type = PT_STRING, .max_len = 320 },
        { .name = "password", .in = PARAM_FORM, .type = PT_STRING, .max_len = 1024 },
        { .name = "next", .in = PARAM_FORM, .type = PT_STRING, .max_len = 200 },
        { 0 },
};
static const ParamSpec p_register[] = {
        { .name = "email", .in = PARAM_FORM, .type = PT_STRING, .max_len = 320 },
        { .name = "name", .in = PARAM_FORM, .type = PT_STRING, .max_len = 200 },
        { .name = "password", .in = PARAM_FORM, .type = PT_STRING, .max_len = 1024 },
        { .name = "consent", .in = PARAM_FORM, .type = PT_STRING, .max_len = 8 },
        { 0 },
};
static const ParamSpec p_forgot[] = {
        { .name = "email", .in = PARAM_FORM, .type = PT_STRING, .max_len = 320 },
        { 0 },
};
static const ParamSpec p_reset_page[] = {
        { .name = "token", .in = PARAM_QUERY, .type = PT_STRING, .max_len = 64 },
        { 0 },
};
static const ParamSpec p_reset[] = {
        { .name = "token", .in = PARAM_FORM, .type = PT_STRING, .max_len = 64 },
        { .name = "password", .in = PARAM_FORM, .type = PT_STRING, .max_len = 1024 },
        { 0 },
};
static const ParamSpec p_password[] = {
        { .name = "current", .in = PARAM_FORM, .type = PT_STRING, .max_len = 1024 },
        { .name = "password", .in = PARAM_FORM, .type = PT_STRING, .max_len = 1024 },
        { 0 },
};
static const ParamSpec p_erase[] = {
        { .name = "erase-current", .in = PARAM_FORM, .type = PT_STRING, .max_len = 1024 },
        { 0 },
};
static const ParamSpec p_id[] = {
        { .name = "id", .in = PARAM_PATH, .type = PT_INT, .required = 1 },
        { 0 },
};
static const ParamSpec p_org[] = {
        { .name = "org", .in = PARAM_PATH, .type = PT_SLUG, .required = 1 },
        { 0 },
};
static const ParamSpec p_org_invite[] = {
        { .name = "org", .in = PARAM_PATH, .type = PT_SLUG, .required = 1 },
        { .name = "email", .in = PARAM_FORM, .type = PT_STRING, .max_len = 320 },
        { 0 },
};
static const ParamSpec p_admin_org[] = {
        { .name = "slug", .in = PARAM_FORM, .type = PT_STRING, .max_len = 64 },
        { .name = "name", .in = PARAM_FORM, .type = PT_STRING, .max_len = 200 },
        { .name = "kind", .in = PARAM_FORM, .type = PT_STRING, .max_len = 16 },
        { 0 },
};
static const ParamSpec p_ngo_reg[] = {
        { .name = "org", .in = PARAM_PATH, .type = PT_SLUG, .required = 1 },
        { .name = "email", .in = PARAM_FORM, .type = PT_STRING, .max_len = 320 },
        { .name = "name", .in = PARAM_FORM, .type = PT_STRING, .max_len = 200 },
        { .name = "consent", .in = PARAM_FORM, .type = PT_STRING, .max_len = 8 },
        { 0 },
};
static const ParamSpec p_candidate[] = {
        { .name = "id", .in = PARAM_PATH, .type = PT_INT, .required = 1 },
        { .name = "name", .in = PARAM_FORM, .type = PT_STRING, .max_len = 200 },
        { 0 },
};
static const ParamSpec p_invite_page[] = {
        { .name = "token", .in = PARAM_QUERY, .type = PT_STRING, .max_len = 64 },
        { 0 },
};
static const ParamSpec p_invite[] = {
        { .name = "token", .in = PARAM_FORM, .type = PT_STRING, .max_len = 64 },
        { .name = "email", .in = PARAM_FORM, .type = PT_STRING, .max_len = 320 },
        { .name = "name", .in = PARAM_FORM, .type = PT_STRING, .max_len = 200 },
        { .name = "password", .in = PARAM_FORM, .type = PT_STRING, .max_len = 1024 },
        { 0 },
};

static const ParamSpec p_skills[] = {
        { .name = "q", .in = PARAM_QUERY, .type = PT_STRING, .max_len = 256 },
        { 0 },
};
static const ParamSpec p_api_skills[] = {
        { .name = "q", .in = PARAM_QUERY, .type = PT_STRING, .required = 1, .max_len = 256 },
        { .name = "limit", .in = PARAM_QUERY, .type = PT_INT },
        { 0 },
};

static const ParamSpec p_adcheck[] = {
        { .name = "text", .in = PARAM_FORM, .type = PT_TEXT, .max_len = 262144 },
        { .name = "adlang", .in = PARAM_FORM, .type = PT_STRING, .max_len = 5 },
        { 0 },
};

static const ParamSpec p_jobs[] = {
        { .name = "city", .in = PARAM_QUERY, .type = PT_STRING, .max_len = 100 },
        { .name = "remote", .in = PARAM_QUERY, .type = PT_STRING, .max_len = 10 },
        { .name = "hours", .in = PARAM_QUERY, .type = PT_STRING, .max_len = 12 },
        { .name = "accommodation", .in = PARAM_QUERY, .type = PT_STRING, .max_len = 32 },
        { .name = "skill", .in = PARAM_QUERY, .type = PT_STRING, .max_len = 256 },
        { 0 },
};
static const ParamSpec p_org_job[] = {
        { .name = "org", .in = PARAM_PATH, .type = PT_SLUG, .required = 1 },
        { .name = "id", .in = PARAM_PATH, .type = PT_INT, .required = 1 },
        { 0 },
};

/* ---- the candidate's profile ({id}: a counsellor acting for a consenting candidate) ---- */
static const RoutePerm CANDIDATE = { .roles = R(CANDIDATE) };
#define P_ID { .name = "id", .in = PARAM_PATH, .type = PT_INT }
#define P_VERSION { .name = "version", .in = PARAM_FORM, .type = PT_INT }
static const ParamSpec p_prof[] = { P_ID, { .name = "saved", .in = PARAM_QUERY, .type = PT_STRING, .max_len = 1 }, { 0 } };
static const ParamSpec p_prof_about[] = {
        P_ID, P_VERSION,
        { .name = "headline", .in = PARAM_FORM, .type = PT_STRING, .max_len = 200 },
        { .name = "summary", .in = PARAM_FORM, .type = PT_TEXT, .max_len = 16384 },
        { .name = "career_goals", .in = PARAM_FORM, .type = PT_TEXT, .max_len = 16384 },
        { .name = "cities", .in = PARAM_FORM, .type = PT_STRING, .max_len = 2000 },
        { .name = "remote", .in = PARAM_FORM, .type = PT_INT },
        { .name = "hours", .in = PARAM_FORM, .type = PT_INT },
        { .name = "hours_per_week", .in = PARAM_FORM, .type = PT_INT },
        { .name = "start_date", .in = PARAM_FORM, .type = PT_STRING, .max_len = 10 },
        { .name = "accommodations", .in = PARAM_FORM, .type = PT_TEXT, .max_len = 16384 },
        { .name = "share_accommodations", .in = PARAM_FORM, .type = PT_STRING, .max_len = 8 },
        { 0 },
};
static const ParamSpec p_prof_skills[] = {
        P_ID, { .name = "q", .in = PARAM_QUERY, .type = PT_STRING, .max_len = 256 },
        { .name = "saved", .in = PARAM_QUERY, .type = PT_STRING, .max_len = 1 }, { 0 },
};
static const ParamSpec p_prof_skill[] = {
        P_ID, P_VERSION,
        { .name = "skill", .in = PARAM_FORM, .type = PT_STRING, .max_len = 512 },
        { .name = "action", .in = PARAM_FORM, .type = PT_STRING, .max_len = 16 },
        { .name = "level", .in = PARAM_FORM, .type = PT_INT },
        { .name = "uri", .in = PARAM_FORM, .type = PT_STRING, .max_len = 512 },
        { 0 },
};
static const ParamSpec p_prof_entry[] = {
        P_ID, P_VERSION,
        { .name = "section", .in = PARAM_PATH, .type = PT_SLUG, .required = 1 },
        { .name = "index", .in = PARAM_FORM, .type = PT_INT },
        { .name = "role", .in = PARAM_FORM, .type = PT_STRING, .max_len = 200 },
        { .name = "occupation", .in = PARAM_FORM, .type = PT_STRING, .max_len = 256 },
        { .name = "sector", .in = PARAM_FORM, .type = PT_STRING, .max_len = 200 },
        { .name = "employer", .in = PARAM_FORM, .type = PT_STRING, .max_len = 200 },
        { .name = "start", .in = PARAM_FORM, .type = PT_STRING, .max_len = 10 },
        { .name = "end", .in = PARAM_FORM, .type = PT_STRING, .max_len = 10 },
        { .name = "description", .in = PARAM_FORM, .type = PT_TEXT, .max_len = 16384 },
        { .name = "title", .in = PARAM_FORM, .type = PT_STRING, .max_len = 200 },
        { .name = "field", .in = PARAM_FORM, .type = PT_STRING, .max_len = 200 },
        { .name = "institution", .in = PARAM_FORM, .type = PT_STRING, .max_len = 200 },
        { .name = "kind", .in = PARAM_FORM, .type = PT_INT },
        { .name = "eqf_level", .in = PARAM_FORM, .type = PT_INT },
        { .name = "code", .in = PARAM_FORM, .type = PT_STRING, .max_len = 8 },
        { .name = "level", .in = PARAM_FORM, .type = PT_INT },
        { .name = "native", .in = PARAM_FORM, .type = PT_STRING, .max_len = 8 },
        { .name = "name", .in = PARAM_FORM, .type = PT_STRING, .max_len = 200 },
        { .name = "saved", .in = PARAM_QUERY, .type = PT_STRING, .max_len = 1 },
        { 0 },
};
static const ParamSpec p_prof_marks[] = {
        P_ID,
        { .name = "action", .in = PARAM_FORM, .type = PT_STRING, .max_len = 16 },
        { .name = "text", .in = PARAM_FORM, .type = PT_STRING, .max_len = 200 },
        { .name = "digest", .in = PARAM_FORM, .type = PT_STRING, .max_len = 64 },
        { 0 },
};
static const ParamSpec p_prof_guidance[] = {
        P_ID, P_VERSION,
        { .name = "occupation", .in = PARAM_QUERY, .type = PT_STRING, .max_len = 512 },
        { .name = "q", .in = PARAM_QUERY, .type = PT_STRING, .max_len = 256 },
        { .name = "city", .in = PARAM_QUERY, .type = PT_STRING, .max_len = 100 },
        { .name = "saved", .in = PARAM_QUERY, .type = PT_STRING, .max_len = 1 },
        { 0 },
};
static const ParamSpec p_prof_goal[] = {
        P_ID, P_VERSION,
        { .name = "occupation", .in = PARAM_FORM, .type = PT_STRING, .max_len = 512 },
        { .name = "action", .in = PARAM_FORM, .type = PT_STRING, .max_len = 8 },
        { 0 },
};
#define PROF_UPLOAD_MAX ((size_t)11 << 20) /* MYP_CV_MAX_BYTES and the form around it */
static const RoutePerm EMPLOYER_OWN = { .roles = R(EMPLOYER), .owner = OWN_ORG, .owner_param = "org" };
static const RoutePerm EMPLOYER = { .roles = R(EMPLOYER) };

const Route web_routes[] = {
        { "GET", "/", page_home, ROUTE_HTML, NULL, 0, &PUBLIC },
        { "GET", "/cities/{slug}", page_city, ROUTE_HTML, p_city, 0, &PUBLIC },
        { "GET", "/cities/{slug}/workspace", page_workspace, ROUTE_HTML, p_city, 0, &CITY_OWN },
        /* "rubric" and "integration" before {kind}, which would take them. */
        { "GET", "/cities/{slug}/workspace/rubric", page_ws_rubric, ROUTE_HTML, p_city, 0, &CITY_OWN },
        { "POST", "/cities/{slug}/workspace/rubric", post_ws_rubric, ROUTE_HTML, p_city, WS_BODY_MAX, &CITY_OWN },
        { "GET", "/cities/{slug}/workspace/actions/{id}/milestones", page_ws_milestones, ROUTE_HTML, p_ws_action, 0,
          &CITY_OWN },
        { "POST", "/cities/{slug}/workspace/actions/{id}/milestones", post_ws_milestone_add, ROUTE_HTML, p_ws_action,
          WS_BODY_MAX, &CITY_OWN },
        { "GET", "/cities/{slug}/workspace/actions/{id}/milestones/{mid}", page_ws_milestone, ROUTE_HTML,
          p_ws_milestone, 0, &CITY_OWN },
        { "POST", "/cities/{slug}/workspace/actions/{id}/milestones/{mid}", post_ws_milestone_edit, ROUTE_HTML,
          p_ws_milestone, WS_BODY_MAX, &CITY_OWN },
        { "POST", "/cities/{slug}/workspace/actions/{id}/milestones/{mid}/done", post_ws_milestone_done, ROUTE_HTML,
          p_ws_milestone, 0, &CITY_OWN },
        { "POST", "/cities/{slug}/workspace/actions/{id}/milestones/{mid}/delete", post_ws_milestone_delete,
          ROUTE_HTML, p_ws_milestone, 0, &CITY_OWN },
        { "GET", "/cities/{slug}/workspace/integration", page_ws_selfcheck, ROUTE_HTML, p_city, 0, &CITY_OWN },
        { "POST", "/cities/{slug}/workspace/integration", post_ws_selfcheck, ROUTE_HTML, p_city, WS_BODY_MAX,
          &CITY_OWN },
        { "GET", "/cities/{slug}/workspace/{kind}", page_ws_list, ROUTE_HTML, p_ws_kind, 0, &CITY_OWN },
        { "POST", "/cities/{slug}/workspace/{kind}", post_ws_create, ROUTE_HTML, p_ws_kind, WS_BODY_MAX, &CITY_OWN },
        { "GET", "/cities/{slug}/workspace/{kind}/{id}", page_ws_edit, ROUTE_HTML, p_ws_rec, 0, &CITY_OWN },
        { "POST", "/cities/{slug}/workspace/{kind}/{id}", post_ws_edit, ROUTE_HTML, p_ws_rec, WS_BODY_MAX, &CITY_OWN },
        { "POST", "/cities/{slug}/workspace/{kind}/{id}/delete", post_ws_delete, ROUTE_HTML, p_ws_rec, 0, &CITY_OWN },
        { "POST", "/cities/{slug}/workspace/stakeholders/{id}/forget-contact", post_ws_forget_contact, ROUTE_HTML,
          p_ws_contact, 0, &CITY_OWN },
        { "GET", "/network/rubric", page_network_rubric, ROUTE_HTML, NULL, 0, &NETWORK },
        /* The network roadmap (the calendar's entries), for the network's coordinators. */
        { "GET", "/network/roadmap", page_roadmap, ROUTE_HTML, p_roadmap_list, 0, &NETWORK },
        { "POST", "/network/roadmap", post_roadmap_create, ROUTE_HTML, NULL, ROADMAP_BODY_MAX, &NETWORK },
        { "GET", "/network/roadmap/{id}", page_roadmap_edit, ROUTE_HTML, p_roadmap_entry, 0, &NETWORK },
        { "POST", "/network/roadmap/{id}", post_roadmap_edit, ROUTE_HTML, p_roadmap_entry, ROADMAP_BODY_MAX, &NETWORK },
        { "POST", "/network/roadmap/{id}/delete", post_roadmap_delete, ROUTE_HTML, p_roadmap_entry, 0, &NETWORK },
        { "GET", "/calendar", page_calendar, ROUTE_HTML, p_calendar, 0, &PUBLIC },
        { "GET", "/calendar.ics", page_calendar_ics, ROUTE_OTHER, NULL, 0, &PUBLIC },
        { "GET", "/cities/{slug}/calendar.ics", page_calendar_ics, ROUTE_OTHER, p_city, 0, &PUBLIC },
        { "GET", "/cities/{slug}/plan", page_plan, ROUTE_HTML, p_city, 0, &PUBLIC },
        { "GET", "/cities/{slug}/plan.{format}", page_plan_export, ROUTE_OTHER, p_plan_export, 0, &PUBLIC },
        { "GET", "/skills", page_skills, ROUTE_HTML, p_skills, 0, &PUBLIC },
        /* The more specific pattern first: {quarter} would take "2024Q2.pdf". */
        { "GET", "/reports/{quarter}.pdf", page_report_pdf, ROUTE_OTHER, p_report, 0, &PUBLIC },
        { "GET", "/reports/{quarter}", page_report, ROUTE_HTML, p_report, 0, &PUBLIC },
        { "GET", "/api/v1/skills", api_skills, ROUTE_JSON, p_api_skills, 0, &PUBLIC },
        { "GET", "/jobs", page_jobs, ROUTE_HTML, p_jobs, 0, &PUBLIC },
        { "GET", "/jobs/check", page_adcheck, ROUTE_HTML, NULL, 0, &PUBLIC },
        { "GET", "/jobs/{id}", page_job, ROUTE_HTML, p_id, 0, &PUBLIC },
        { "GET", "/cities/{slug}/jobs.atom", page_city_jobs_atom, ROUTE_OTHER, p_city, 0, &PUBLIC },
        { "GET", "/orgs/{org}/jobs", page_org_jobs, ROUTE_HTML, p_org, 0, &EMPLOYER_OWN },
        { "GET", "/orgs/{org}/jobs/new", page_job_new, ROUTE_HTML, p_org, 0, &EMPLOYER_OWN },
        { "POST", "/orgs/{org}/jobs", post_job_new, ROUTE_HTML, jobs_form_params, (size_t)1 << 20, &EMPLOYER_OWN },
        { "GET", "/orgs/{org}/jobs/{id}/edit", page_job_edit, ROUTE_HTML, p_org_job, 0, &EMPLOYER_OWN },
        { "POST", "/orgs/{org}/jobs/{id}", post_job_edit, ROUTE_HTML, jobs_form_params, (size_t)1 << 20, &EMPLOYER_OWN },
        { "POST", "/orgs/{org}/jobs/{id}/close", post_job_close, ROUTE_HTML, p_org_job, 0, &EMPLOYER_OWN },
        { "GET", "/api/v1/jobs", api_jobs_list, ROUTE_JSON, p_jobs, 0, &PUBLIC },
        { "POST", "/api/v1/jobs", api_jobs_create, ROUTE_JSON, NULL, (size_t)1 << 20, &EMPLOYER },
        { "GET", "/api/v1/jobs/{id}", api_job_get, ROUTE_JSON, p_id, 0, &PUBLIC },
        { "PATCH", "/api/v1/jobs/{id}", api_job_patch, ROUTE_JSON, p_id, (size_t)1 << 20, &EMPLOYER },
        { "POST", "/jobs/check", page_adcheck, ROUTE_HTML, p_adcheck, (size_t)1 << 20, &PUBLIC },
        { "POST", "/api/v1/adcheck", api_adcheck, ROUTE_JSON, NULL, (size_t)2 << 20, &PUBLIC_COMPUTE },
        { "GET", "/about", page_about, ROUTE_HTML, NULL, 0, &PUBLIC },
        { "GET", "/static/{file}", page_static, ROUTE_OTHER, p_static, 0, &PUBLIC },
        { "GET", "/healthz", api_healthz, ROUTE_JSON, NULL, 0, &PUBLIC },
        { "GET", "/metrics", api_metrics, ROUTE_OTHER, NULL, 0, &METRICS },
        { "GET", "/login", page_login, ROUTE_HTML, p_login_page, 0, &PUBLIC },
        { "POST", "/login", post_login, ROUTE_HTML, p_login, 0, &PUBLIC },
        { "POST", "/logout", post_logout, ROUTE_HTML, NULL, 0, &SIGNED_IN },
        { "GET", "/register", page_register, ROUTE_HTML, NULL, 0, &PUBLIC },
        { "POST", "/register", post_register, ROUTE_HTML, p_register, 0, &PUBLIC },
        { "GET", "/password/forgot", page_forgot, ROUTE_HTML, NULL, 0, &PUBLIC },
        { "POST", "/password/forgot", post_forgot, ROUTE_HTML, p_forgot, 0, &PUBLIC },
        { "GET", "/password/reset", page_reset, ROUTE_HTML, p_reset_page, 0, &PUBLIC },
        { "POST", "/password/reset", post_reset, ROUTE_HTML, p_reset, 0, &PUBLIC },
        { "GET", "/account", page_account, ROUTE_HTML, NULL, 0, &SIGNED_IN },
        { "POST", "/account/password", post_account_password, ROUTE_HTML, p_password, 0, &SIGNED_IN },
        { "GET", "/account/export", get_account_export, ROUTE_OTHER, NULL, 0, &SIGNED_IN },
        { "POST", "/account/erase", post_account_erase, ROUTE_HTML, p_erase, 0, &SIGNED_IN },
        { "POST", "/account/consent", post_consent_give, ROUTE_HTML, NULL, 0, &SIGNED_IN },
        { "POST", "/account/consent/{id}/withdraw", post_consent_withdraw, ROUTE_HTML, p_id, 0, &SIGNED_IN },
        { "POST", "/account/sessions/revoke", post_sessions_revoke, ROUTE_HTML, NULL, 0, &SIGNED_IN },
        { "POST", "/account/tokens", post_token_create, ROUTE_HTML, NULL, 0, &SIGNED_IN },
        { "POST", "/account/tokens/{id}/revoke", post_token_revoke, ROUTE_HTML, p_id, 0, &SIGNED_IN },
        { "GET", "/orgs/{org}", page_org, ROUTE_HTML, p_org, 0, &ORG_OWN },
        { "POST", "/orgs/{org}/invite", post_org_invite, ROUTE_HTML, p_org_invite, 0, &ORG_OWN },
        { "GET", "/orgs/{org}/candidates", page_ngo_candidates, ROUTE_HTML, p_org, 0, &NGO_OWN },
        { "POST", "/orgs/{org}/candidates", post_ngo_candidate, ROUTE_HTML, p_ngo_reg, 0, &NGO_OWN },
        { "GET", "/candidates/{id}", page_candidate, ROUTE_HTML, p_candidate, 0, &CONSENTED },
        { "POST", "/candidates/{id}", post_candidate, ROUTE_HTML, p_candidate, 0, &CONSENTED },
        { "GET", "/invite", page_invite, ROUTE_HTML, p_invite_page, 0, &PUBLIC },
        { "POST", "/invite", post_invite, ROUTE_HTML, p_invite, 0, &PUBLIC },
        { "GET", "/admin", page_admin, ROUTE_HTML, NULL, 0, &ADMIN },
        { "POST", "/admin/orgs", post_admin_org, ROUTE_HTML, p_admin_org, 0, &ADMIN },
        { "GET", "/api/v1/me", api_me, ROUTE_JSON, NULL, 0, &SIGNED_IN },
        { "GET", "/api/v1/me/profile", api_me_profile_get, ROUTE_JSON, NULL, 0, &CANDIDATE },
        { "PUT", "/api/v1/me/profile", api_me_profile_put, ROUTE_JSON, NULL, (size_t)512 << 10, &CANDIDATE },
        { "POST", "/api/v1/me/cv", api_me_cv, ROUTE_JSON, NULL, PROF_UPLOAD_MAX, &CANDIDATE },
        /* The candidate's own profile; the specific patterns before {section}. */
        { "GET", "/profile", page_profile, ROUTE_HTML, p_prof, 0, &CANDIDATE },
        { "GET", "/profile/about", page_profile_about, ROUTE_HTML, p_prof, 0, &CANDIDATE },
        { "POST", "/profile/about", post_profile_about, ROUTE_HTML, p_prof_about, 0, &CANDIDATE },
        { "GET", "/profile/skills", page_profile_skills, ROUTE_HTML, p_prof_skills, 0, &CANDIDATE },
        { "POST", "/profile/skills/item", post_profile_skill, ROUTE_HTML, p_prof_skill, 0, &CANDIDATE },
        { "POST", "/profile/skills/add", post_profile_skill_add, ROUTE_HTML, p_prof_skill, 0, &CANDIDATE },
        { "POST", "/profile/import", post_profile_import, ROUTE_HTML, p_prof, PROF_UPLOAD_MAX, &CANDIDATE },
        { "POST", "/profile/cv", post_profile_cv, ROUTE_HTML, p_prof, PROF_UPLOAD_MAX, &CANDIDATE },
        { "GET", "/profile/europass.xml", get_profile_europass, ROUTE_OTHER, p_prof, 0, &CANDIDATE },
        { "GET", "/profile/resume.json", get_profile_jsonresume, ROUTE_OTHER, p_prof, 0, &CANDIDATE },
        { "GET", "/profile/preview", page_profile_preview, ROUTE_HTML, p_prof, 0, &CANDIDATE },
        { "POST", "/profile/preview/marks", post_profile_marks, ROUTE_HTML, p_prof_marks, 0, &CANDIDATE },
        { "POST", "/profile/preview/approve", post_profile_approve, ROUTE_HTML, p_prof_marks, 0, &CANDIDATE },
        { "GET", "/profile/guidance", page_profile_guidance, ROUTE_HTML, p_prof_guidance, 0, &CANDIDATE },
        { "POST", "/profile/guidance/goals", post_profile_goal, ROUTE_HTML, p_prof_goal, 0, &CANDIDATE },
        { "GET", "/profile/{section}", page_profile_entries, ROUTE_HTML, p_prof_entry, 0, &CANDIDATE },
        { "POST", "/profile/{section}", post_profile_entry_add, ROUTE_HTML, p_prof_entry, 0, &CANDIDATE },
        { "POST", "/profile/{section}/remove", post_profile_entry_remove, ROUTE_HTML, p_prof_entry, 0, &CANDIDATE },
        /* The same for a partner organisation's counsellor, with the candidate's consent (no approval). */
        { "GET", "/candidates/{id}/profile", page_profile, ROUTE_HTML, p_prof, 0, &CONSENTED },
        { "GET", "/candidates/{id}/profile/about", page_profile_about, ROUTE_HTML, p_prof, 0, &CONSENTED },
        { "POST", "/candidates/{id}/profile/about", post_profile_about, ROUTE_HTML, p_prof_about, 0, &CONSENTED },
        { "GET", "/candidates/{id}/profile/skills", page_profile_skills, ROUTE_HTML, p_prof_skills, 0, &CONSENTED },
        { "POST", "/candidates/{id}/profile/skills/item", post_profile_skill, ROUTE_HTML, p_prof_skill, 0, &CONSENTED },
        { "POST", "/candidates/{id}/profile/skills/add", post_profile_skill_add, ROUTE_HTML, p_prof_skill, 0, &CONSENTED },
        { "POST", "/candidates/{id}/profile/import", post_profile_import, ROUTE_HTML, p_prof, PROF_UPLOAD_MAX, &CONSENTED },
        { "POST", "/candidates/{id}/profile/cv", post_profile_cv, ROUTE_HTML, p_prof, PROF_UPLOAD_MAX, &CONSENTED },
        { "GET", "/candidates/{id}/profile/europass.xml", get_profile_europass, ROUTE_OTHER, p_prof, 0, &CONSENTED },
        { "GET", "/candidates/{id}/profile/resume.json", get_profile_jsonresume, ROUTE_OTHER, p_prof, 0, &CONSENTED },
        { "GET", "/candidates/{id}/profile/preview", page_profile_preview, ROUTE_HTML, p_prof, 0, &CONSENTED },
        { "POST", "/candidates/{id}/profile/preview/marks", post_profile_marks, ROUTE_HTML, p_prof_marks, 0, &CONSENTED },
        { "GET", "/candidates/{id}/profile/guidance", page_profile_guidance, ROUTE_HTML, p_prof_guidance, 0, &CONSENTED },
        { "POST", "/candidates/{id}/profile/guidance/goals", post_profile_goal, ROUTE_HTML, p_prof_goal, 0, &CONSENTED },
        { "GET", "/candidates/{id}/profile/{section}", page_profile_entries, ROUTE_HTML, p_prof_entry, 0, &CONSENTED },
        { "POST", "/candidates/{id}/profile/{section}", post_profile_entry_add, ROUTE_HTML, p_prof_entry, 0, &CONSENTED },
        { "POST", "/candidates/{id}/profile/{section}/remove", post_profile_entry_remove, ROUTE_HTML, p_prof_entry, 0, &CONSENTED },
};
const int web_nroutes = (int)(sizeof(web_routes) / sizeof(web_routes[0]));
