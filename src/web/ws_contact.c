/* A stakeholder's contact person on the workspace's stakeholder editor: the
 * part of the form that holds it, saving it with the record, and POST
 * /cities/{slug}/workspace/stakeholders/{id}/forget-contact, which erases
 * it alone. The rules and the encryption are the domain's
 * (domain/workspace/stakeholder.h); the routes are CITY_OWN, so only the
 * city's officers and the network's coordinators get here. */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "core/log.h"
#include "domain/workspace/stakeholder.h"
#include "web/ws.h"

static WsActor actor(HttpRequest *req) {
        time_t now = time(NULL);
        struct tm tm;
        char *today = arena_alloc(req->arena, 11);
        gmtime_r(&now, &tm);
        if (today)
                strftime(today, 11, "%Y-%m-%d", &tm);
        return (WsActor){ .user_id = WEB_USER_ID(req), .now = (int64_t)now, .today = today };
}

int ws_web_save(HttpRequest *req, const City *c, const WsForm *form, const char *rec_id, int64_t version,
                WsSaveResult *res) {
        if (form->kind != WS_STAKEHOLDER)
                return ws_save(APP(req)->store, req->arena, c, form, rec_id, version, ws_web_get, req, res);
        WsActor who = actor(req);
        return ws_stakeholder_save(APP(req)->store, APP(req)->vault, req->arena, c, rec_id, version, ws_web_get, req,
                                   &who, res);
}

json_t *ws_web_contact(HttpRequest *req, const City *c, const char *rec_id, int *ret_err) {
        WsContact k;
        WsActor who = actor(req);
        int r = ws_contact_read(APP(req)->store, APP(req)->vault, req->arena, c, rec_id, &who, &k);
        *ret_err = r == -ENOENT ? 0 : r;
        if (r < 0 && r != -ENOENT)
                log_error("contact.unreadable", "city=%s record=%s err=%d", c->slug, rec_id, r);
        return r < 0 ? NULL : ws_contact_values(&k);
}

static const char *problem_of(const WsProblem *probs, size_t np, const char *key) {
        for (size_t i = 0; i < np && i < WS_PROBLEMS_MAX; i++)
                if (probs[i].field && strcmp(probs[i].field, key) == 0)
                        return probs[i].msgid;
        return NULL;
}

static void input(HttpRequest *req, StrBuf *b, const WsField *fd, const char *value, const char *err) {
        const char *id = arena_printf(req->arena, "f-%s", fd->key), *desc = "";
        html_lit(b, "<div class=\"field\"><label");
        html_attr(b, "for", id);
        html_lit(b, ">");
        html_text(b, T(req, fd->label));
        html_lit(b, "</label>");
        if (fd->hint) {
                html_lit(b, "<p class=\"hint\"");
                html_attrf(b, "id", "%s-hint", id);
                html_lit(b, ">");
                html_text(b, T(req, fd->hint));
                html_lit(b, "</p>");
                desc = arena_printf(req->arena, "%s-hint", id);
        }
        if (err) {
                html_lit(b, "<p class=\"error\"");
                html_attrf(b, "id", "%s-err", id);
                html_lit(b, ">");
                html_text(b, T(req, err));
                html_lit(b, "</p>");
                desc = arena_printf(req->arena, "%s%s%s-err", desc, *desc ? " " : "", id);
        }
        if (strcmp(fd->key, "contact_email") == 0)
                html_lit(b, "<input type=\"email\" spellcheck=\"false\"");
        else if (strcmp(fd->key, "contact_phone") == 0)
                html_lit(b, "<input type=\"tel\"");
        else
                html_lit(b, "<input type=\"text\"");
        html_attr(b, "id", id);
        html_attr(b, "name", fd->key);
        html_lit(b, " autocomplete=\"off\"");
        if (fd->type == WS_FT_DATE)
                html_lit(b, " inputmode=\"numeric\" placeholder=\"YYYY-MM-DD\"");
        if (desc && *desc)
                html_attr(b, "aria-describedby", desc);
        if (err)
                html_lit(b, " aria-invalid=\"true\"");
        html_attr(b, "value", value);
        html_lit(b, "></div>");
}

void ws_contact_part(HttpRequest *req, StrBuf *b, json_t *values, bool submitted, const WsProblem *probs, size_t np) {
        size_t n;
        const WsField *fields = ws_contact_fields(&n);
        html_lit(b, "<fieldset class=\"contact\"><legend>");
        html_text(b, T(req, "Contact person (personal data)"));
        html_lit(b, "</legend><p class=\"hint\">");
        html_text(b, T(req, "Kept encrypted. Only this city's officers and the network's coordinators see it: it is "
                            "never published, exported or put in the calendar. Leave every field empty to keep no "
                            "contact."));
        html_lit(b, "</p>");
        for (size_t i = 0; i < n; i++) {
                const char *v = submitted ? req_form_raw(req, fields[i].key)
                                          : json_string_value(json_object_get(values, fields[i].key));
                input(req, b, &fields[i], v ? v : "", problem_of(probs, np, fields[i].key));
        }
        html_lit(b, "</fieldset>");
}

void ws_contact_forget_form(HttpRequest *req, StrBuf *b, const City *c, const char *rec_id) {
        html_lit(b, "<form method=\"post\" class=\"ws-forget\"");
        html_url(b, "action", arena_printf(req->arena, "/cities/%s/workspace/stakeholders/%s/forget-contact", c->slug,
                                           rec_id));
        html_lit(b, ">");
        web_csrf_field(req, b);
        html_lit(b, "<p>");
        html_text(b, T(req, "Erase the contact person and keep the stakeholder, e.g. when the person withdraws "
                            "their agreement."));
        html_lit(b, "</p><p><button type=\"submit\">");
        html_text(b, T(req, "Forget the contact person"));
        html_lit(b, "</button></p></form>");
}

int post_ws_forget_contact(HttpRequest *req) {
        City c;
        Lang local;
        IapRecordRow *rows;
        size_t n = 0;
        bool found = false;
        const char *id = req_param(req, "id");
        int r = ws_web_city(req, &c, &local);
        if (r == 0)
                r = ws_rows(APP(req)->store, req->arena, c.slug, WS_STAKEHOLDER, &rows, &n);
        for (size_t i = 0; r == 0 && i < n; i++)
                found |= strcmp(rows[i].rec_id, id) == 0;
        if (r == 0 && !found)
                r = -ENOENT;
        WsActor who = actor(req);
        if (r == 0)
                r = ws_contact_forget(APP(req)->store, &c, id, &who, NULL);
        return r < 0 ? r : resp_redirect(req, 303, arena_printf(req->arena,
                                                                "/cities/%s/workspace/stakeholders/%s?forgotten=1",
                                                                c.slug, id));
}
