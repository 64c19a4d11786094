/* Roles and the permission decision. */
#include <errno.h>
#include <string.h>

#include "core/i18n.h"
#include "domain/accounts/accounts.h"

static const char *const names[ROLE_MAX] = { "candidate", "ngo", "employer", "city", "network", "admin" };
static const char *const labels[ROLE_MAX] = {
        N_("Candidate"), N_("Partner organisation staff"), N_("Employer"),
        N_("City officer"), N_("Network lead"), N_("Administrator"),
};

int role_parse(const char *s, Role *ret) {
        for (int i = 0; s && i < ROLE_MAX; i++)
                if (strcmp(s, names[i]) == 0) {
                        *ret = (Role)i;
                        return 0;
                }
        return -EINVAL;
}

const char *role_name(Role r) { return (unsigned)r < ROLE_MAX ? names[r] : "?"; }
const char *role_label(Role r) { return (unsigned)r < ROLE_MAX ? labels[r] : "?"; }
int role_needs_org(Role r) { return r == ROLE_EMPLOYER || r == ROLE_NGO; }
int role_needs_city(Role r) { return r == ROLE_CITY; }

unsigned principal_roles(const Principal *p) {
        unsigned m = 0;
        for (int i = 0; p && i < p->ngrants; i++)
                m |= ROLE_BIT(p->grants[i].role);
        return m;
}

static int same(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

static int grant_fits(const Grant *g, const Owner *o) {
        if (o && o->org_slug && role_needs_org(g->role) && !same(g->org_slug, o->org_slug))
                return 0;
        if (o && o->org_slug && !role_needs_org(g->role) && g->role != ROLE_ADMIN)
                return 0; /* an organisation's resource: its members and admins only */
        if (o && o->city_slug && g->role != ROLE_NETWORK && !(role_needs_city(g->role) && same(g->city_slug, o->city_slug)))
                return 0;
        return 1;
}

PermDecision perm_decide(unsigned roles, const Principal *p, const Owner *o) {
        if (!p || p->user_id == 0)
                return PERM_NEED_LOGIN;
        for (int i = 0; i < p->ngrants; i++)
                if ((roles & ROLE_BIT(p->grants[i].role)) && grant_fits(&p->grants[i], o))
                        return PERM_ALLOW;
        return PERM_DENY;
}

int perm_may_decrypt(unsigned roles, DataClass c, int consented) {
        switch (c) {
        case DATA_OWN:
                return 1;
        case DATA_IDENTITY:
                return consented && (roles & (ROLE_BIT(ROLE_NGO) | ROLE_BIT(ROLE_EMPLOYER))) != 0;
        case DATA_SPECIAL:
                /* Only the partner organisation the candidate consented to;
                 * never an administrator, even one with other grants. */
                return consented && !(roles & ROLE_BIT(ROLE_ADMIN)) && (roles & ROLE_BIT(ROLE_NGO)) != 0;
        default:
                return 0;
        }
}

int session_alive(int64_t created, int64_t last_seen, int64_t expires_at, int64_t now, int64_t idle) {
        (void)created;
        return now < expires_at && now - last_seen <= idle;
}

int64_t throttle_lock_seconds(int64_t failures, int64_t free_failures) {
        if (failures <= free_failures)
                return 0;
        int64_t over = failures - free_failures - 1;
        if (over >= 16)
                return THROTTLE_MAX_LOCK;
        int64_t s = THROTTLE_BASE_LOCK << over;
        return s > THROTTLE_MAX_LOCK ? THROTTLE_MAX_LOCK : s;
}
