/* GET /api/v1/me — who the bearer token (or session) belongs to — and the
 * candidate's own profile: GET/PUT /api/v1/me/profile, POST /api/v1/me/cv. */
#include <errno.h>
#include <stdlib.h>

#include <jansson.h>

#include <string.h>

#include "domain/profiles/profile_json.h"
#include "web/profile.h"

int api_me(HttpRequest *req) {
        const Principal *p = &web_auth(req)->principal;
        json_t *roles = json_array();
        for (int i = 0; roles && i < p->ngrants; i++)
                json_array_append_new(roles, json_pack("{s:s,s:s?,s:s?}", "role", role_name(p->grants[i].role),
                                                       "organisation", p->grants[i].org_slug, "city",
                                                       p->grants[i].city_slug));
        return web_json(req, json_pack("{s:I,s:o}", "user_id", (json_int_t)p->user_id, "roles", roles), 200);
}

/* ---- GET/PUT /api/v1/me/profile, POST /api/v1/me/cv ---- */

static int api_problem(HttpRequest *req, int status, const char *msgid, const char *detail) {
        return web_json(req, json_pack("{s:i,s:s,s:s?}", "status", status, "error", T(req, msgid), "field", detail),
                        status);
}

/* The profile JSON with its version as ETag (send it back in If-Match). */
static int send_profile(HttpRequest *req, const MyProfile *mp, int status) {
        StrBuf *b = resp_body(req);
        int r = profile_json_write(&mp->p, b);
        if (r < 0)
                return r;
        resp_json_text(req);
        req->resp.status = status;
        return resp_header(req, "ETag", arena_printf(req->arena, "\"%lld\"", (long long)mp->version));
}

int api_me_profile_get(HttpRequest *req) {
        MyProfile mp;
        int r = myp_load(MYP(req), req->arena, WEB_USER_ID(req), &mp);
        return r < 0 ? r : send_profile(req, &mp, 200);
}

/* If-Match: "N" (optional): refuse when the profile moved on. */
static int if_match(HttpRequest *req, const MyProfile *mp) {
        const char *m = req_header(req, "If-Match");
        if (!m || strcmp(m, "*") == 0)
                return 0;
        return strcmp(m, arena_printf(req->arena, "\"%lld\"", (long long)mp->version)) == 0 ? 0 : -EEXIST;
}

int api_me_profile_put(HttpRequest *req) {
        MyProfile mp;
        int r = myp_load(MYP(req), req->arena, WEB_USER_ID(req), &mp);
        if (r < 0)
                return r;
        if (if_match(req, &mp) < 0)
                return api_problem(req, 412, N_("The profile changed since you read it. Read it again, then send your change."), NULL);
        ProfileIoError err = { 0 };
        Profile p;
        r = profile_json_read(req->arena, req->body ? req->body : "", req->body_len, APP(req)->esco, &p, &err);
        if (r == -EINVAL || r == -E2BIG)
                return api_problem(req, r == -E2BIG ? 413 : 400, err.msgid ? err.msgid : N_("Please check the form."),
                                   err.detail[0] ? err.detail : NULL);
        if (r < 0)
                return r;
        mp.p = p;
        r = myp_save(MYP(req), req->arena, WEB_USER_ID(req), &mp);
        if (r == -EEXIST)
                return api_problem(req, 412, N_("The profile changed since you read it. Read it again, then send your change."), NULL);
        return r < 0 ? r : send_profile(req, &mp, 200);
}

/* The CV as the raw body, or as the "file" field of a multipart form. */
int api_me_cv(HttpRequest *req) {
        const HttpFile *f = req_file(req, "file");
        const char *data = f ? f->data : req->body;
        size_t len = f ? f->len : req->body_len;
        MyProfile mp;
        int r = myp_load(MYP(req), req->arena, WEB_USER_ID(req), &mp);
        if (r < 0)
                return r;
        size_t before = mp.p.n_skills, images = 0;
        int proposed = 0;
        r = myp_take_cv(MYP(req), req->arena, &mp, data ? data : "", len, &proposed, &images);
        if (r == -EINVAL)
                return api_problem(req, 415, N_("This file could not be read. Use a PDF with text (not a scan), a Word (.docx) or an OpenDocument (.odt) file."), NULL);
        if (r == -E2BIG)
                return api_problem(req, 413, N_("The file is too large: up to 10 MB and 1 MB of text."), NULL);
        if (r == 0)
                r = myp_save(MYP(req), req->arena, WEB_USER_ID(req), &mp);
        if (r < 0)
                return r;
        json_t *skills = json_array();
        for (size_t i = before; skills && i < mp.p.n_skills; i++)
                json_array_append_new(skills, json_pack("{s:s?,s:s?}", "uri", mp.p.skills[i].uri, "label",
                                                        mp.p.skills[i].label));
        return web_json(req, json_pack("{s:I,s:i,s:I,s:o}", "text_bytes", (json_int_t)strlen(mp.cv_text),
                                       "proposed_skills", proposed, "images_dropped", (json_int_t)images,
                                       "skills", skills),
                        201);
}
