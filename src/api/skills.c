/* GET /api/v1/skills?q=&limit= — ESCO skill search as you type. */
#include <errno.h>
#include <stdlib.h>

#include <jansson.h>

#include "domain/esco/esco.h"
#include "web/web.h"

#define API_SKILLS_LIMIT_MAX 50

int api_skills(HttpRequest *req) {
        const char *q = req_param(req, "q");
        int64_t limit = req_param_int(req, "limit", 10);
        if (limit < 1 || limit > API_SKILLS_LIMIT_MAX) {
                req->error_detail = "limit";
                return -EINVAL;
        }
        EscoSearchHit hits[API_SKILLS_LIMIT_MAX];
        size_t n = 0;
        int r = esco_search(APP(req)->esco, q, hits, (size_t)limit, &n);
        if (r < 0)
                return r;
        json_t *arr = json_array();
        for (size_t i = 0; arr && i < n; i++)
                json_array_append_new(arr, json_pack("{s:s,s:s,s:s,s:b,s:s}", "uri", hits[i].skill->uri, "label",
                                                     hits[i].skill->label, "matched", hits[i].matched_label,
                                                     "digital", hits[i].skill->digital, "type",
                                                     hits[i].skill->skill_type ? hits[i].skill->skill_type : ""));
        return web_json(req, json_pack("{s:s,s:o}", "query", q, "skills", arr ? arr : json_array()), 200);
}
