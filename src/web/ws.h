/* The action-plan workspace pages (workspace.c hub, ws_edit.c records,
 * ws_rubric.c scoring rounds): what they share. */
#ifndef TD_WEB_WS_H
#define TD_WEB_WS_H

#include "domain/iap/plan.h"
#include "domain/workspace/edit.h"
#include "web/web.h"

/* The city of the route's {slug} and its working language. */
int ws_web_city(HttpRequest *req, City *ret, Lang *ret_local);
/* Crumbs (city › workspace) and the workspace's section navigation. */
void ws_web_top(HttpRequest *req, StrBuf *b, const City *c);
/* Bilingual text in the page's language: text in another language carries
 * its lang attribute, a side lagging behind its source says so. */
void ws_web_text(HttpRequest *req, StrBuf *b, const IapText *t);
/* The value of a submitted form field (raw, validated by the domain). */
const char *ws_web_get(void *req, const char *name);

/* Saves a record from the request's form (ws_save; a stakeholder with its
 * contact person, ws_stakeholder_save). Returns as ws_save. */
int ws_web_save(HttpRequest *req, const City *c, const WsForm *form, const char *rec_id, int64_t version,
                WsSaveResult *res);
/* The stakeholder's contact as form values (a new reference; the view is
 * audited), or NULL when none is kept or when it cannot be read (*ret_err:
 * 0, or the error, e.g. -EIO for a missing key) (ws_contact.c). */
json_t *ws_web_contact(HttpRequest *req, const City *c, const char *rec_id, int *ret_err);
/* The contact person's fieldset of the stakeholder form: the values (may be
 * NULL), or the submitted ones after a refused save, with their problems. */
void ws_contact_part(HttpRequest *req, StrBuf *b, json_t *values, bool submitted, const WsProblem *probs, size_t np);
/* The "forget the contact person" form of a stakeholder. */
void ws_contact_forget_form(HttpRequest *req, StrBuf *b, const City *c, const char *rec_id);
/* ws_edit.c: the controls of form's fields showing rec (NULL: empty) or,
 * when np > 0, the submitted values with their problems; and the list of
 * problems that heads a refused form. */
void ws_web_fields(HttpRequest *req, StrBuf *b, const City *c, Lang local, const WsForm *form, json_t *rec,
                   const WsProblem *probs, size_t np);
void ws_web_summary(HttpRequest *req, StrBuf *b, const WsForm *form, Lang local, const WsProblem *probs, size_t np);

/* ws_actions.c: an action's progress in a list (" · 47 %"), and on its
 * page with how it comes about and a link to its milestones. */
void ws_web_action_progress(HttpRequest *req, StrBuf *b, const IapPlan *p, const char *action_id, bool long_form);
void ws_web_action_summary(HttpRequest *req, StrBuf *b, const City *c, const char *action_id);
/* The network's section of every city's latest integration
 * self-assessment side by side (ws_selfcheck.c). */
int ws_web_network_selfcheck(HttpRequest *req, StrBuf *b, const City *cities, size_t nc);

#endif
