/* Rules of accounts: roles, the permission decision behind the route
 * table, who may decrypt what, password and e-mail rules, session
 * lifetimes and login throttling. No SQL, no HTTP, no HTML. */
#ifndef TD_DOMAIN_ACCOUNTS_H
#define TD_DOMAIN_ACCOUNTS_H

#include <stddef.h>
#include <stdint.h>

typedef enum Role { ROLE_CANDIDATE, ROLE_NGO, ROLE_EMPLOYER, ROLE_CITY, ROLE_NETWORK, ROLE_ADMIN, ROLE_MAX } Role;
#define ROLE_BIT(r) (1u << (r))
#define ROLES_ALL (ROLE_BIT(ROLE_MAX) - 1u)

/* "candidate" ... "admin"; -EINVAL for anything else. */
int role_parse(const char *s, Role *ret);
const char *role_name(Role r);     /* static */
const char *role_label(Role r);    /* English msgid, N_() marked */
/* Roles whose grant is scoped by organisation (employer, ngo) or city. */
int role_needs_org(Role r);
int role_needs_city(Role r);

#define PRINCIPAL_GRANTS_MAX 8

typedef struct Grant {
        Role role;
        const char *org_slug;  /* for employer/ngo */
        const char *city_slug; /* for city */
} Grant;

/* Who is asking: a signed-in user with their grants (memberships). A
 * bearer token restricted to one role keeps only that role's grants. */
typedef struct Principal {
        int64_t user_id; /* 0: nobody signed in */
        Grant grants[PRINCIPAL_GRANTS_MAX];
        int ngrants;
} Principal;

/* What a resource belongs to, as resolved from the route's owner
 * parameter; NULL fields are not scoped. */
typedef struct Owner {
        const char *org_slug;
        const char *city_slug;
} Owner;

typedef enum PermDecision { PERM_ALLOW, PERM_NEED_LOGIN, PERM_DENY, PERM_DECISION_MAX } PermDecision;

/* Decides for a route that admits `roles` (ROLE_BIT mask): anonymous →
 * NEED_LOGIN; a grant whose role is admitted and, when the role is scoped,
 * whose organisation/city equals the owner's → ALLOW; else DENY. Admin
 * grants pass organisation scopes (they manage organisations) but not
 * city scopes; network grants pass city scopes (they read every city). */
PermDecision perm_decide(unsigned roles, const Principal *p, const Owner *o);
/* Bit mask of the principal's roles. */
unsigned principal_roles(const Principal *p);

/* Classes of data and which roles may see them decrypted. */
typedef enum DataClass {
        DATA_OWN,      /* the user's own account data */
        DATA_IDENTITY, /* identifying data of another person (names, contacts) */
        DATA_SPECIAL,  /* GDPR Art. 9: health, disability, ethnicity ... */
        DATA_CLASS_MAX
} DataClass;
/* 1 when a principal holding only `roles` may decrypt data of class c
 * about another person with a recorded consent or reveal (consented);
 * admin never sees special-category data, whatever else holds. */
int perm_may_decrypt(unsigned roles, DataClass c, int consented);

/* ---- passwords (NIST SP 800-63B: length, not composition) ---- */
#define PW_MIN_CHARS 12
#define PW_MAX_BYTES 1024
/* Loads the common-password list (one per line); call once at start. */
int pwpolicy_load(const char *path);
/* Number of loaded common passwords. */
size_t pwpolicy_count(void);
/* 0 when acceptable; else -EINVAL with *ret_msgid an N_() message. */
int pwpolicy_check(const char *pw, const char *email, const char **ret_msgid);

/* ---- e-mail addresses ---- */
#define EMAIL_MAX 254
/* Trims and lower-cases an address into out (EMAIL_MAX + 1); -EINVAL when
 * it is not a plausible single address (no spaces, controls, one @). */
int email_normalize(const char *in, char out[EMAIL_MAX + 1]);

#define NAME_MAX_BYTES 200

/* ---- sessions ---- */
#define SESSION_IDLE_DEFAULT (30 * 60)          /* seconds without a request */
#define SESSION_ABSOLUTE_DEFAULT (12 * 60 * 60) /* seconds since sign-in */
/* 1 when a session created at `created` and last seen at `last_seen` is
 * still valid at now. */
int session_alive(int64_t created, int64_t last_seen, int64_t expires_at, int64_t now, int64_t idle);

/* ---- throttling ---- */
#define THROTTLE_ACCOUNT_FREE 5   /* failures before back-off, per account */
#define THROTTLE_ADDRESS_FREE 50  /* per client address */
#define THROTTLE_BASE_LOCK ((int64_t)15) /* seconds, doubled per further failure */
#define THROTTLE_MAX_LOCK (15 * 60)
/* Seconds to lock after `failures` failed attempts (0: none): exponential
 * from THROTTLE_BASE_LOCK once `free` is exceeded, capped at THROTTLE_MAX_LOCK. */
int64_t throttle_lock_seconds(int64_t failures, int64_t free_failures);

/* ---- consent ---- */
#define CONSENT_MATCHING "matching"     /* blind matching of one's profile */
#define CONSENT_MATCHING_VERSION "2026-1"
#define CONSENT_NGO_SUPPORT "ngo-support"  /* a partner organisation acts on one's behalf */
#define CONSENT_NGO_SUPPORT_VERSION "2026-1"

#endif
