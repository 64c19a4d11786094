/* The central check every request passes before its handler: who is
 * asking (session cookie or API bearer token), what the route table
 * allows them (RoutePerm, with the resource's owner resolved here), and
 * the CSRF token of every state-changing request. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "web/web.h"

#define COOKIE_SESSION "td_session"
#define COOKIE_SESSION_SECURE "__Host-td_session"
#define COOKIE_CSRF "td_csrf"
#define COOKIE_CSRF_SECURE "__Host-td_csrf"

const WebAuth *web_auth(const HttpRequest *req) {
        static const WebAuth anonymous;
        return req->user ? (const WebAuth *)req->user : &anonymous;
}

static const char *cookie_name(const HttpRequest *req, int session) {
        if (req->is_https)
                return session ? COOKIE_SESSION_SECURE : COOKIE_CSRF_SECURE;
        return session ? COOKIE_SESSION : COOKIE_CSRF;
}

static void set_cookie(HttpRequest *req, const char *name, const char *value, int clear) {
        char buf[256];
        snprintf(buf, sizeof(buf), "%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s", name, value,
                 req->is_https ? "; Secure" : "", clear ? "; Max-Age=0" : "");
        (void)resp_header(req, "Set-Cookie", buf);
}

static int is_token(const char *s) {
        if (!s || strlen(s) != AUTH_TOKEN_STRLEN - 1)
                return 0;
        for (; *s; s++)
                if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '-' ||
                      *s == '_'))
                        return 0;
        return 1;
}

/* Loads the session named by the cookie; a dead one is deleted. */
static int load_session(HttpRequest *req, WebAuth *w) {
        App *app = APP(req);
        const char *tok = req_cookie(req, cookie_name(req, 1));
        if (!is_token(tok))
                return 0;
        char h[AUTH_HASH_HEXLEN];
        auth_token_hash(tok, h);
        SessionRow s;
        int r = store_session_get(app->store, req->arena, h, &s);
        if (r == -ENOENT)
                return 0;
        if (r < 0)
                return r;
        int64_t now = acct_now();
        if (!session_alive(s.created_at, s.last_seen, s.expires_at, now, app->session_idle)) {
                (void)store_session_delete(app->store, h);
                set_cookie(req, cookie_name(req, 1), "", 1);
                return 0;
        }
        if (now > s.last_seen)
                (void)store_session_touch(app->store, h, now);
        w->session_hash = arena_strdup(req->arena, h);
        w->csrf = s.csrf;
        return acct_principal(ACCT(req), req->arena, s.user_id, NULL, &w->principal);
}

/* API requests: "Authorization: Bearer TOKEN", no cookies involved. */
static int load_bearer(HttpRequest *req, WebAuth *w) {
        const char *h = req_header(req, "Authorization");
        if (strncmp(req->path, "/api/", 5) != 0 || !h || strncasecmp(h, "Bearer ", 7) != 0)
                return 0; /* pages use sessions only */
        if (!is_token(h + 7))
                return -EPERM;
        char hash[AUTH_HASH_HEXLEN];
        auth_token_hash(h + 7, hash);
        TokenRow t;
        int r = store_token_get(APP(req)->store, req->arena, hash, &t);
        if (r < 0)
                return r == -ENOENT ? -EPERM : r;
        w->bearer = 1;
        return acct_principal(ACCT(req), req->arena, t.user_id, t.role, &w->principal);
}

/* The pre-session CSRF token (sign-in, registration, reset forms). */
static void anon_csrf(HttpRequest *req, WebAuth *w) {
        const char *c = req_cookie(req, cookie_name(req, 0));
        if (is_token(c)) {
                w->csrf = c;
                return;
        }
        char tok[AUTH_TOKEN_STRLEN];
        auth_token_new(tok);
        w->csrf = arena_strdup(req->arena, tok);
        w->csrf_unsent = 1; /* the cookie goes out with the first form only */
}

/* A request from this host itself, and not relayed by a reverse proxy on
 * it (which would make every visitor look local). */
static int is_local_client(HttpRequest *req) {
        const char *addr = req->remote_addr;
        if (req_header(req, "X-Forwarded-For") || req_header(req, "X-Forwarded-Proto") || req_header(req, "Forwarded") ||
            req_header(req, "X-Real-IP"))
                return 0;
        return addr && (strncmp(addr, "127.", 4) == 0 || strcmp(addr, "::1") == 0 ||
                        strncmp(addr, "::ffff:127.", 11) == 0);
}

/* The candidate belongs to the asker's organisation while an active
 * consent to it exists; else to nobody the asker is part of. */
static int consented_owner(HttpRequest *req, const char *id_s, Owner *o) {
        const Principal *p = &web_auth(req)->principal;
        int64_t id = strtoll(id_s, NULL, 10);
        o->org_slug = "-"; /* matches no organisation */
        for (int i = 0; i < p->ngrants; i++) {
                int active = 0;
                if (p->grants[i].role != ROLE_NGO || !p->grants[i].org_slug)
                        continue;
                int r = store_consent_active_org(APP(req)->store, id, p->grants[i].org_slug, CONSENT_NGO_SUPPORT, &active);
                if (r < 0)
                        return r;
                if (active) {
                        o->org_slug = p->grants[i].org_slug;
                        break;
                }
        }
        return 0;
}

static int resolve_owner(HttpRequest *req, const RoutePerm *p, Owner *o) {
        *o = (Owner){ 0 };
        if (p->owner == OWN_NONE || !p->owner_param)
                return 0;
        const char *v = NULL;
        for (int i = 0; i < req->npath; i++)
                if (strcmp(req->path_params[i].key, p->owner_param) == 0)
                        v = req->path_params[i].value;
        if (!v)
                return -ENOENT;
        if (p->owner == OWN_CITY) {
                City c;
                int r = store_city_get(APP(req)->store, req->arena, v, &c);
                o->city_slug = c.slug;
                return r;
        }
        if (p->owner == OWN_CONSENTED_CANDIDATE)
                return consented_owner(req, v, o);
        if (p->owner == OWN_ORG) {
                OrgRow org;
                int r = store_org_get(APP(req)->store, req->arena, v, &org);
                o->org_slug = org.slug;
                return r;
        }
        return -EACCES;
}

static int need_login(HttpRequest *req) {
        if (req->route->kind != ROUTE_HTML)
                return -EPERM;
        StrBuf loc = STRBUF_INIT;
        strbuf_puts(&loc, "/login?next=");
        url_encode(&loc, req->path);
        int r = resp_redirect(req, 303, strbuf_str(&loc));
        strbuf_free(&loc);
        return r < 0 ? r : 1;
}

static int check_perm(HttpRequest *req, const WebAuth *w) {
        const RoutePerm *p = req->route->perm;
        if (!p)
                return -EACCES; /* fail closed: every route declares who may use it */
        if (p->flags & PERM_F_PUBLIC)
                return 0;
        if ((p->flags & PERM_F_LOOPBACK) && is_local_client(req))
                return 0;
        Owner o;
        int r = resolve_owner(req, p, &o);
        if (r < 0)
                return r;
        switch (perm_decide(p->roles, &w->principal, &o)) {
        case PERM_ALLOW:
                return 0;
        case PERM_NEED_LOGIN:
                return need_login(req);
        default:
                return -EACCES;
        }
}

static int check_csrf(HttpRequest *req, const WebAuth *w) {
        if (strcmp(req->method, "GET") == 0 || strcmp(req->method, "HEAD") == 0 || w->bearer ||
            (req->route->perm->flags & PERM_F_NO_CSRF))
                return 0;
        const char *sent = NULL;
        for (int i = 0; i < req->nform; i++)
                if (strcmp(req->form[i].key, "csrf") == 0)
                        sent = req->form[i].value;
        if (!sent || !auth_str_equal(sent, w->csrf)) {
                req->error_detail = "csrf";
                return -EACCES;
        }
        return 0;
}

int web_auth_before(HttpRequest *req) {
        WebAuth *w = arena_alloc(req->arena, sizeof(*w));
        if (!w)
                return -ENOMEM;
        *w = (WebAuth){ 0 };
        req->user = w;
        int r = load_bearer(req, w);
        if (r == 0 && !w->bearer)
                r = load_session(req, w);
        if (r < 0)
                return r;
        if (!w->bearer && !w->session_hash)
                anon_csrf(req, w);
        if (!req->route)
                return 0;
        r = check_perm(req, w);
        if (r == 0)
                r = check_csrf(req, w);
        return r;
}

void web_csrf_field(HttpRequest *req, StrBuf *b) {
        WebAuth *w = req->user;
        if (w && w->csrf_unsent) {
                set_cookie(req, cookie_name(req, 0), w->csrf, 0);
                w->csrf_unsent = 0;
        }
        html_lit(b, "<input type=\"hidden\" name=\"csrf\"");
        html_attr(b, "value", web_auth(req)->csrf ? web_auth(req)->csrf : "");
        html_lit(b, ">");
}

int web_signin(HttpRequest *req, int64_t user_id) {
        WebAuth *w = req->user;
        if (w->session_hash)
                (void)store_session_delete(APP(req)->store, w->session_hash);
        const char *tok, *csrf;
        int r = acct_session_start(ACCT(req), req->arena, user_id, APP(req)->session_max, &tok, &csrf);
        if (r < 0)
                return r;
        set_cookie(req, cookie_name(req, 1), tok, 0);
        w->csrf = csrf;
        return acct_principal(ACCT(req), req->arena, user_id, NULL, &w->principal);
}

void web_signout(HttpRequest *req) {
        WebAuth *w = req->user;
        if (w && w->session_hash) {
                (void)store_session_delete(APP(req)->store, w->session_hash);
                (void)acct_audit(ACCT(req), w->principal.user_id, w->principal.user_id, "signout", "");
        }
        set_cookie(req, cookie_name(req, 1), "", 1);
        if (w)
                w->principal = (Principal){ 0 };
}

const char *web_safe_next(const char *next) {
        if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\' || strlen(next) > 200)
                return "/account";
        for (const char *p = next; *p; p++)
                if ((unsigned char)*p < 0x20 || *p == '\\')
                        return "/account";
        return next;
}

int web_has_role(const HttpRequest *req, Role role) {
        const Principal *p = &web_auth(req)->principal;
        for (int i = 0; i < p->ngrants; i++)
                if (p->grants[i].role == role)
                        return 1;
        return 0;
}
