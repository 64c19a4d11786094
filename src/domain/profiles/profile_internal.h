/* Helpers shared by the importers of this module only. */
#ifndef TD_DOMAIN_PROFILES_INTERNAL_H
#define TD_DOMAIN_PROFILES_INTERNAL_H

#include "domain/profiles/profile.h"
#include "domain/profiles/profile_io.h"

/* Appends one zeroed element to an arena array of capacity max (allocated
 * whole on first use). Returns it, or NULL with *rc = -E2BIG / -ENOMEM. */
void *profile_io_push(Arena *a, void *arrp, size_t *n, size_t max, size_t elem, int *rc);
/* Arena copy of s trimmed of white space; NULL for NULL/empty. Sets *rc
 * to -E2BIG over PROFILE_MAX_TEXT_BYTES, -EINVAL for invalid UTF-8. */
const char *profile_io_text(Arena *a, const char *s, int *rc);
/* Sets err (if any) and returns rc. */
int profile_io_fail(ProfileIoError *err, int rc, const char *msgid, const char *detail);
/* Adds a skill by name: ESCO URI when opt->esco knows the label. Skips
 * duplicates (same URI, or same label without URI). */
int profile_io_add_skill(Arena *a, Profile *p, const ProfileImportOptions *opt, const char *name, const char *uri, int level,
                  bool proposed);
/* Duration of an experience from its dates (end NULL: opt->today). */
int profile_io_months(const char *start, const char *end, const ProfileImportOptions *opt);

#endif
