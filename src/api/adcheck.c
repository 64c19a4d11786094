/* POST /api/v1/adcheck — the job-ad checker, same output as
 * `techdiv check-ad --format json`. Body: {"text": "...", "lang": "auto"}. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "domain/adcheck/adcheck.h"
#include "web/web.h"

/* Reads the JSON body: 0 with the text and language, -EINVAL or -ENOTSUP. */
static int read_body(HttpRequest *req, const char **ret_text, int *ret_lang) {
        const char *ct = req_header(req, "Content-Type");
        if (!ct || strncmp(ct, "application/json", 16) != 0)
                return -ENOTSUP;
        json_error_t err;
        json_t *o = json_loadb(req->body ? req->body : "", req->body_len, JSON_REJECT_DUPLICATES, &err);
        json_t *t = json_object_get(o, "text");
        const char *lang = json_string_value(json_object_get(o, "lang"));
        int r = json_is_string(t) ? 0 : -EINVAL;
        Lang l;
        *ret_lang = ADCHECK_LANG_AUTO;
        if (r == 0 && lang && strcmp(lang, "auto") != 0) {
                if (strlen(lang) == 2 && lang_parse(lang, &l) == 0)
                        *ret_lang = (int)l;
                else
                        r = -EINVAL;
        }
        if (r == 0)
                *ret_text = arena_strndup(req->arena, json_string_value(t), json_string_length(t));
        req->error_detail = r ? (json_is_string(t) ? "lang" : "text") : NULL;
        json_decref(o);
        return r;
}

int api_adcheck(HttpRequest *req) {
        const char *text;
        int lang, r = read_body(req, &text, &lang);
        if (r < 0)
                return r;
        AdcheckResult *res;
        r = adcheck_run(APP(req)->adcheck, req->arena, text, strlen(text), lang, &res);
        if (r < 0)
                return r;
        return web_json(req, adcheck_result_to_json(res, req->lang), 200);
}
