/* The route table: every route declares who may use it, and every
 * ownership rule names a parameter of its own pattern. */
#include <stdio.h>
#include <string.h>

#include "test.h"
#include "web/web.h"

int main(void) {
        for (int i = 0; i < web_nroutes; i++) {
                const Route *r = &web_routes[i];
                const RoutePerm *p = r->perm;
                CHECK(p != NULL, "%s %s declares its permission", r->method, r->pattern);
                if (!p)
                        continue;
                CHECK((p->flags & PERM_F_PUBLIC) || p->roles != 0, "%s %s: public or some roles", r->method,
                      r->pattern);
                if (p->owner != OWN_NONE) {
                        char want[80];
                        snprintf(want, sizeof(want), "{%s}", p->owner_param ? p->owner_param : "");
                        CHECK(strstr(r->pattern, want) != NULL, "%s %s: owner parameter %s is in the pattern",
                              r->method, r->pattern, want);
                }
                if (strcmp(r->method, "GET") != 0 && !(p->flags & PERM_F_PUBLIC))
                        CHECK(p->roles != 0, "%s %s: state-changing route needs a role", r->method, r->pattern);
        }
        return test_done();
}
