/* GET /api/v1/me — who the bearer token (or session) belongs to. */
#include <errno.h>
#include <stdlib.h>

#include <jansson.h>

#include "web/web.h"

int api_me(HttpRequest *req) {
        const Principal *p = &web_auth(req)->principal;
        json_t *roles = json_array();
        for (int i = 0; roles && i < p->ngrants; i++)
                json_array_append_new(roles, json_pack("{s:s,s:s?,s:s?}", "role", role_name(p->grants[i].role),
                                                       "organisation", p->grants[i].org_slug, "city",
                                                       p->grants[i].city_slug));
        return web_json(req, json_pack("{s:I,s:o}", "user_id", (json_int_t)p->user_id, "roles", roles), 200);
}
