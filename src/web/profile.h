/* The candidate's profile pages (web/profile*.c). The same handlers serve
 * the candidate at /profile/... and a partner organisation's counsellor
 * acting for a consenting candidate at /candidates/{id}/profile/... */
#ifndef TD_WEB_PROFILE_H
#define TD_WEB_PROFILE_H

#include "domain/myprofile/myprofile.h"
#include "web/web.h"

/* The profile services bound to the request's app. */
#define MYP(req) (&(MypCtx){ APP(req)->store, APP(req)->vault, APP(req)->esco, APP(req)->anon })

/* Whose profile: the {id} of a counsellor's route, else the user's own. */
int64_t prof_subject(HttpRequest *req);
/* True when a counsellor acts for the candidate. */
int prof_assisted(HttpRequest *req);
/* "/profile" or "/candidates/ID/profile", for links and form actions. */
const char *prof_base(HttpRequest *req);
/* Loads the subject's profile. */
int prof_load(HttpRequest *req, MyProfile *ret);
/* Saves mp (by the signed-in user) and answers 303 to base + suffix with
 * a notice; when someone saved in between, shows the overview with an
 * error instead and changes nothing. */
int prof_save_redirect(HttpRequest *req, MyProfile *mp, const char *suffix);
/* The candidate's account name and e-mail (decrypted; NULL when erased). */
void prof_account(HttpRequest *req, const char **ret_name, const char **ret_email);
/* Page start: title, breadcrumb back to the overview, the assisted-mode
 * banner, and an error (msgid) or the notice carried in ?saved=. */
void prof_page_begin(HttpRequest *req, const char *title, const char *error_msgid);
/* A select of options[0..n) (msgids, translated) with the chosen index. */
void prof_select(HttpRequest *req, StrBuf *b, const char *id, const char *label, const char *const *options,
                 size_t n, size_t chosen);
/* The "version" hidden field of a form. */
void prof_version_field(HttpRequest *req, StrBuf *b, const MyProfile *mp);
/* -EEXIST when the form's version is not the profile's. */
int prof_version_check(HttpRequest *req, const MyProfile *mp);
/* prof_load, then prof_version_check: -EEXIST means the form was stale
 * (*ret holds the latest profile to show again with PROF_STALE). */
int prof_load_for_edit(HttpRequest *req, MyProfile *ret);
/* The message for a stale edit (N_() msgid). */
extern const char PROF_STALE[];
/* A one-button POST form to base + suffix carrying the CSRF token, the
 * version (when mp is given) and hidden name/value pairs (NULL-ended
 * array); what (may be NULL) names the object for screen readers. */
void prof_button_form(HttpRequest *req, StrBuf *b, const MyProfile *mp, const char *suffix,
                      const char *const *hidden, const char *label, const char *what);

/* Validates p by the same rules as PUT /api/v1/me/profile (the JSON
 * form, with ESCO checks) and normalises it. -EINVAL with *ret_msgid. */
int prof_validate(HttpRequest *req, Profile *p, const char **ret_msgid);

/* A plain GET search form (field "q") to base + suffix. */
void prof_search_form(HttpRequest *req, StrBuf *b, const char *suffix, const char *label, const char *hint);

/* The overview again, with an error. */
int prof_overview_with(HttpRequest *req, const char *error_msgid);

#endif
