/* Web pages: shared context, layout and helpers. One file per resource. */
#ifndef TD_WEB_WEB_H
#define TD_WEB_WEB_H

#include "http/http.h"
#include "render/html.h"
#include "domain/accounts/service.h"
#include "store/store.h"

typedef struct EscoIndex EscoIndex;
typedef struct AdcheckEngine AdcheckEngine;
typedef struct IapTools IapTools;
typedef struct AnonEngine AnonEngine;

typedef struct App {
        Store *store;
        HttpServer *server;
        EscoIndex *esco;        /* read-only after start; shared by all threads */
        AdcheckEngine *adcheck; /* likewise */
        IapTools *tools;        /* URBACT tool definitions (data/iap) */
        AnonEngine *anon;       /* the blind-CV anonymiser's lists; read-only */
        const char *base_url;   /* public root for links in feeds and JSON-LD */
        Vault *vault;         /* keys for personal data */
        int64_t session_idle; /* seconds; SESSION_IDLE_DEFAULT */
        int64_t session_max;  /* seconds; SESSION_ABSOLUTE_DEFAULT */
} App;

/* How the central permission check finds a resource's owner from the
 * route's owner_param (RoutePerm.owner). */
typedef enum OwnerRule {
        OWN_NONE,
        OWN_CITY, /* {param} is a city slug: city officers of that city (and network) */
        OWN_ORG,  /* {param} is an organisation slug: its members (and admins) */
        OWN_CONSENTED_CANDIDATE, /* {param} is a user id that consented to the asker's organisation */
        OWNER_RULE_MAX
} OwnerRule;

/* Who is asking, set by the before hook for every request (anonymous:
 * principal.user_id == 0). Owned by the request arena. */
typedef struct WebAuth {
        Principal principal;
        const char *session_hash; /* NULL unless signed in with a session cookie */
        const char *csrf;         /* the token every form of this response carries */
        int bearer;               /* signed in with an API token */
        int csrf_unsent;          /* a new pre-session token not yet in a cookie */
} WebAuth;

const WebAuth *web_auth(const HttpRequest *req);
#define WEB_USER_ID(req) (web_auth(req)->principal.user_id)
/* True when the signed-in user holds role. */
int web_has_role(const HttpRequest *req, Role role);
/* The account services bound to the request's store and vault. */
#define ACCT(req) (&(AcctCtx){ APP(req)->store, APP(req)->vault })
/* Writes the hidden CSRF field every POST form must carry. */
void web_csrf_field(HttpRequest *req, StrBuf *b);
/* Starts a new session for user_id (a fresh token, never the one the
 * browser sent: no fixation) and sets the cookie. */
int web_signin(HttpRequest *req, int64_t user_id);
/* Ends the current session and clears the cookie. */
void web_signout(HttpRequest *req);
/* Sessions, API tokens, the permission table and CSRF (auth.c). */
int web_auth_before(HttpRequest *req);
/* A validated local path to go to after sign-in ("/" otherwise). */
const char *web_safe_next(const char *next);

#define APP(req) ((App *)(req)->app)
/* Translation in the request's language; xgettext keyword T:2. */
#define T(req, msgid) i18n_gettext((req)->lang, (msgid))

/* Opens the document: head, skip link, header with navigation and the
 * language switcher, and <main>. title is text (escaped). */
void page_begin(HttpRequest *req, const char *title);
/* page_begin, then the <h1> (title), the error (msgid, translated; the
 * status becomes 400) and the notice (text) when given. Returns the body. */
StrBuf *page_head(HttpRequest *req, const char *title, const char *error_msgid, const char *notice);
/* Closes <main>, writes the footer and closes the document. */
void page_end(HttpRequest *req);

/* Localised date helpers writing escaped text. */
void web_month_year(HttpRequest *req, StrBuf *b, const char *iso_date);
void web_date_range(HttpRequest *req, StrBuf *b, const char *from, const char *to);
const char *web_country_name(HttpRequest *req, const char *iso2);
const char *web_event_kind(HttpRequest *req, const char *kind);
/* The name of the city slug among cities (NULL when it is not one). */
const char *web_city_name(const City *cities, size_t n, const char *slug);

/* Request hooks for the HTTP server. */
int web_before(HttpRequest *req);
void web_render_error(HttpRequest *req, int status);

/* Static assets (embedded). */
int web_static_init(void);
const char *web_static_version(const char *name);

/* The route table (routes.c). */
extern const Route web_routes[];
extern const int web_nroutes;

/* Moves a heap string returned by a library (JSON-LD, Atom) into the
 * request arena and releases it, so handlers never free memory. NULL stays
 * NULL (out of memory). */
char *web_own(HttpRequest *req, char *heap, size_t len);

/* Sends o (a new reference, released here; NULL means out of memory) as
 * the compact JSON body with status. */
struct json_t;
int web_json(HttpRequest *req, struct json_t *o, int status);

/* Handlers. */
int page_home(HttpRequest *req);
int page_city(HttpRequest *req);
int page_calendar(HttpRequest *req);
int page_calendar_ics(HttpRequest *req);
int page_about(HttpRequest *req);
int page_static(HttpRequest *req);
int page_skills(HttpRequest *req);
int api_healthz(HttpRequest *req);
int api_skills(HttpRequest *req);
int page_adcheck(HttpRequest *req);
int page_plan(HttpRequest *req);
int page_plan_export(HttpRequest *req);
int page_report(HttpRequest *req);
int page_jobs(HttpRequest *req);
int page_job(HttpRequest *req);
int page_city_jobs_atom(HttpRequest *req);
int page_org_jobs(HttpRequest *req);
int page_job_new(HttpRequest *req);
int page_job_edit(HttpRequest *req);
int post_job_new(HttpRequest *req);
int post_job_edit(HttpRequest *req);
int post_job_close(HttpRequest *req);
int api_jobs_list(HttpRequest *req);
int api_jobs_create(HttpRequest *req);
int api_job_get(HttpRequest *req);
int api_job_patch(HttpRequest *req);
/* "1200–1600 EUR per month (gross)", escaped. */
struct Job;
void web_job_pay(HttpRequest *req, StrBuf *b, const struct Job *j);
int page_report_pdf(HttpRequest *req);
int api_adcheck(HttpRequest *req);
int page_login(HttpRequest *req);
int post_login(HttpRequest *req);
int post_logout(HttpRequest *req);
int page_register(HttpRequest *req);
int post_register(HttpRequest *req);
int page_forgot(HttpRequest *req);
int post_forgot(HttpRequest *req);
int page_reset(HttpRequest *req);
int post_reset(HttpRequest *req);
int page_account(HttpRequest *req);
int post_account_password(HttpRequest *req);
int get_account_export(HttpRequest *req);
int post_account_erase(HttpRequest *req);
int post_consent_give(HttpRequest *req);
int post_consent_withdraw(HttpRequest *req);
int post_token_create(HttpRequest *req);
int post_token_revoke(HttpRequest *req);
int post_sessions_revoke(HttpRequest *req);
int page_workspace(HttpRequest *req);
/* The workspace's records (ws_edit.c) and rubric rounds (ws_rubric.c). */
int page_ws_list(HttpRequest *req);
int post_ws_create(HttpRequest *req);
int page_ws_edit(HttpRequest *req);
int post_ws_edit(HttpRequest *req);
int post_ws_delete(HttpRequest *req);
/* A stakeholder's contact person erased alone (ws_contact.c). */
int post_ws_forget_contact(HttpRequest *req);
int page_ws_rubric(HttpRequest *req);
int post_ws_rubric(HttpRequest *req);
/* An action's milestones (ws_actions.c). */
int page_ws_milestones(HttpRequest *req);
int post_ws_milestone_add(HttpRequest *req);
int page_ws_milestone(HttpRequest *req);
int post_ws_milestone_edit(HttpRequest *req);
int post_ws_milestone_done(HttpRequest *req);
int post_ws_milestone_delete(HttpRequest *req);
int page_network_rubric(HttpRequest *req);
/* The network roadmap (roadmap.c). */
int page_roadmap(HttpRequest *req);
int post_roadmap_create(HttpRequest *req);
int page_roadmap_edit(HttpRequest *req);
int post_roadmap_edit(HttpRequest *req);
int post_roadmap_delete(HttpRequest *req);
int page_ws_selfcheck(HttpRequest *req);
int post_ws_selfcheck(HttpRequest *req);
int page_org(HttpRequest *req);
int page_admin(HttpRequest *req);
int post_admin_org(HttpRequest *req);
int page_ngo_candidates(HttpRequest *req);
int post_ngo_candidate(HttpRequest *req);
int page_candidate(HttpRequest *req);
int post_candidate(HttpRequest *req);
int api_me(HttpRequest *req);
int page_invite(HttpRequest *req);
int post_invite(HttpRequest *req);
int post_org_invite(HttpRequest *req);
/* The organisation page with an error (msgid) or a notice (text). */
int page_org_with(HttpRequest *req, const char *error_msgid, const char *notice);
/* "http(s)://HOST" of this request, for links in mail. */
const char *web_base_url(HttpRequest *req);
/* Form helpers (forms.c). */
void form_field(HttpRequest *req, StrBuf *b, const char *id, const char *label, const char *type,
                const char *autocomplete, const char *value, const char *hint);
/* A labelled textarea of rows lines. */
void form_textarea(HttpRequest *req, StrBuf *b, const char *id, const char *label, const char *value,
                   const char *hint, int rows);
void form_error(HttpRequest *req, StrBuf *b, const char *msgid);
void form_notice(StrBuf *b, const char *text);
/* An <option> of value showing label, selected when it equals current
 * (which may be NULL). */
void form_option(StrBuf *b, const char *value, const char *label, const char *current);
int api_metrics(HttpRequest *req);
/* The candidate's profile (profile*.c) and its API (api/me.c). */
int page_profile(HttpRequest *req);
int page_profile_about(HttpRequest *req);
int post_profile_about(HttpRequest *req);
int page_profile_skills(HttpRequest *req);
int post_profile_skill(HttpRequest *req);
int post_profile_skill_add(HttpRequest *req);
int page_profile_entries(HttpRequest *req);
int post_profile_entry_add(HttpRequest *req);
int post_profile_entry_remove(HttpRequest *req);
int post_profile_import(HttpRequest *req);
int post_profile_cv(HttpRequest *req);
int get_profile_europass(HttpRequest *req);
int get_profile_jsonresume(HttpRequest *req);
int page_profile_preview(HttpRequest *req);
int post_profile_marks(HttpRequest *req);
int post_profile_approve(HttpRequest *req);
int page_profile_guidance(HttpRequest *req);
int post_profile_goal(HttpRequest *req);
int api_me_profile_get(HttpRequest *req);
int api_me_profile_put(HttpRequest *req);
int api_me_cv(HttpRequest *req);

#endif
