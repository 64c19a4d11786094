/* The profile as JSON: the body of GET/PUT /api/v1/me/profile.
 *
 *   {"headline": "...", "summary": "...", "skills_text": "...",
 *    "skills": [{"uri": "http://data.europa.eu/esco/skill/...", "label": "...", "level": 0..4, "proposed": false}],
 *    "experience": [{"role", "occupation_uri", "sector", "employer", "start", "end", "months", "description"}],
 *    "education": [{"title", "field", "institution", "eqf_level": 0..8, "kind": "formal|bootcamp|course", "start", "end"}],
 *    "languages": [{"code": "en", "level": "A1".."C2", "native": false}],
 *    "projects": [{"name", "description"}],
 *    "preferences": {"cities": [...], "remote": "any|no|hybrid|only", "hours": "any|full_time|part_time",
 *                    "hours_per_week": 0..80, "start_date": "YYYY-MM-DD"},
 *    "accommodations": "...", "share_accommodations": false,
 *    "career_goals": "...", "goal_occupations": ["http://data.europa.eu/esco/occupation/..."]}
 *
 * Dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD"; absent or null fields are
 * empty. This is the candidate's own view: it includes the private
 * accommodations (never send it to an employer: they get the anonymised
 * view). */
#ifndef TD_DOMAIN_PROFILES_PROFILE_JSON_H
#define TD_DOMAIN_PROFILES_PROFILE_JSON_H

#include "core/arena.h"
#include "core/strbuf.h"
#include "domain/esco/esco.h"
#include "domain/profiles/profile.h"
#include "domain/profiles/profile_io.h"

#define PROFILE_JSON_MAX_BYTES (512 * 1024)
#define PROFILE_MAX_HOURS_PER_WEEK 80

/* Appends the JSON of p to out. Returns 0, -ENOMEM, -EINVAL. */
int profile_json_write(const Profile *p, StrBuf *out);

/* Parses and validates a whole profile (PUT replaces it). Unknown fields
 * are refused (a typo must not silently drop data). With esco set, skill
 * and occupation URIs must exist in it, and a skill's label defaults to
 * its ESCO preferred label. Returns 0 and *ret_profile (allocated in a), or
 * -EINVAL / -E2BIG with err->msgid and err->detail naming the field
 * ("skills[2].level"); nothing is written to *ret_profile on error. */
int profile_json_read(Arena *a, const char *json, size_t len, const EscoIndex *esco, Profile *ret_profile,
                      ProfileIoError *err);

#endif
