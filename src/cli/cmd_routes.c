/* techdiv routes: prints the route table with who may use each route, for
 * audits and for the permission test that walks it. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "web/web.h"

static void print_perm(const RoutePerm *p) {
        if (!p) {
                printf("refused");
                return;
        }
        if (p->flags & PERM_F_PUBLIC) {
                printf("public");
                return;
        }
        if (p->flags & PERM_F_LOOPBACK)
                printf("loopback,");
        printf("roles=");
        int first = 1;
        for (int r = 0; r < ROLE_MAX; r++)
                if (p->roles & ROLE_BIT(r)) {
                        printf("%s%s", first ? "" : ",", role_name((Role)r));
                        first = 0;
                }
        static const char *const owners[OWNER_RULE_MAX] = { "none", "city", "org", "consented-candidate" };
        if (p->owner > OWN_NONE && p->owner < OWNER_RULE_MAX)
                printf(" owner=%s:%s", owners[p->owner], p->owner_param ? p->owner_param : "?");
}

int cmd_routes(int argc, char **argv) {
        if (argc > 1) {
                int help = strcmp(argv[1], "--help") == 0;
                fprintf(help ? stdout : stderr, "%s\n", _("Usage: techdiv routes"));
                return help ? CLI_OK : CLI_USAGE;
        }
        for (int i = 0; i < web_nroutes; i++) {
                printf("%s %s ", web_routes[i].method, web_routes[i].pattern);
                print_perm(web_routes[i].perm);
                printf("\n");
        }
        return CLI_OK;
}
