/* A candidate's own profile as a service: loading and saving it (every
 * personal field encrypted by the vault), importing a Europass or JSON
 * Resume file, uploading a CV document, and the anonymised view that
 * employers will see only after the candidate approved it.
 *
 * Shared by the web pages, the JSON API and partner organisations'
 * counsellors (acting for a candidate who consented: the caller checks the
 * permission; every save by someone other than the candidate is written to
 * the candidate's audit log). Clear text exists only in the Arena passed
 * in. */
#ifndef TD_DOMAIN_MYPROFILE_H
#define TD_DOMAIN_MYPROFILE_H

#include <stdbool.h>
#include <stdint.h>

#include "auth/auth.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "domain/anonymize/anonymize.h"
#include "domain/esco/esco.h"
#include "domain/profiles/profile.h"
#include "domain/profiles/profile_io.h"
#include "store/store.h"

/* Named limits on the candidate's corrections to the anonymised view. */
#define MYP_MAX_MARKS 100       /* texts to remove, and texts to keep, each */
#define MYP_MARK_MAX_BYTES 200  /* one marked text */
#define MYP_MARK_MIN_BYTES 2    /* shorter marks would hit too much */
#define MYP_CV_MAX_BYTES ((size_t)10 * 1024 * 1024) /* an uploaded CV file */
#define MYP_CV_TEXT_MAX ((size_t)1024 * 1024)        /* text kept from it */

typedef struct MypCtx {
        Store *store;
        const Vault *vault;
        const EscoIndex *esco; /* may be NULL: no ESCO checks or proposals */
        const AnonEngine *anon;
} MypCtx;

/* Everything the platform keeps for one candidate's profile. */
typedef struct MyProfile {
        int64_t user_id;
        bool exists;           /* false: never saved (empty profile) */
        int64_t version;       /* for optimistic concurrency; 0 when new */
        Profile p;
        ProfileIdentity identity; /* from the last import (known values) */
        const char *cv_text;   /* text of the uploaded CV, NULL if none */
        const char **remove;   /* candidate's marks: also remove these texts */
        size_t n_remove;
        const char **keep;     /* ... and these are not personal: keep them */
        size_t n_keep;
        const char *approved;  /* the anonymised text employers may see, NULL if none */
        int64_t approved_at;
        int64_t updated_at, updated_by;
} MyProfile;

/* Loads the profile of user_id; an empty one (exists false) when there is
 * none. Returns 0, -EIO (a field that does not decrypt or parse), or the
 * store's error. Everything in a. */
int myp_load(const MypCtx *x, Arena *a, int64_t user_id, MyProfile *ret);

/* Saves mp over mp->version (-EEXIST when someone saved in between: the
 * caller reloads and says so). actor is who saves; when it is not the
 * candidate, the save is audited for the candidate. Also mirrors the
 * skills-only part (confirmed ESCO skills, languages, cities, remote) for
 * matching. On success mp->version is the new version. */
int myp_save(const MypCtx *x, Arena *a, int64_t actor, MyProfile *mp);

/* Imports a Europass CV XML or JSON Resume file (recognised from its first
 * byte) into mp: skills are added as proposed (never duplicated), the
 * other entries are appended, empty headline/summary filled, and the
 * identity replaced by the file's. Nothing is saved. Returns 0 or the
 * importer's error with err filled; mp unchanged on error. */
int myp_import(const MypCtx *x, Arena *a, MyProfile *mp, const char *data, size_t len, ProfileIoError *err);

/* Takes the text of a CV document (PDF, DOCX, ODT or plain text) into mp
 * and proposes the ESCO skills found in it; *ret_proposed (may be NULL)
 * counts them, *ret_images (may be NULL) the pictures dropped. Nothing is
 * saved. Returns 0, -EINVAL (unreadable document), -E2BIG (over
 * MYP_CV_MAX_BYTES or an extraction limit), -ENOMEM. */
int myp_take_cv(const MypCtx *x, Arena *a, MyProfile *mp, const char *data, size_t len, int *ret_proposed,
                size_t *ret_images);

/* The anonymised view: the profile as text (headings in lang, no employer
 * or school names, durations instead of dates, no accommodations), then
 * the CV's text, run through the anonymiser with the profile's known
 * values (account and imported identity) and the candidate's marks. */
typedef struct MypView {
        const char *source;      /* the text before anonymisation */
        size_t source_len;
        AnonResult *result;      /* findings index into source */
        bool approved_current;   /* result->text is exactly what was approved */
} MypView;
int myp_view(const MypCtx *x, Arena *a, const MyProfile *mp, const char *account_name, const char *account_email,
             Lang lang, MypView *ret);

/* Adds a mark: remove (true) or keep (false) every occurrence of text.
 * -EINVAL with *ret_msgid for an empty, too short or too long text, or one
 * that does not occur in the view's source (remove only); -E2BIG over
 * MYP_MAX_MARKS. Nothing is saved. */
int myp_mark(MyProfile *mp, Arena *a, const MypView *v, bool remove, const char *text, const char **ret_msgid);
/* Removes mark i of the list (remove or keep); -ENOENT when out of range. */
int myp_unmark(MyProfile *mp, bool remove, size_t i);

/* Records v's anonymised text as approved for employers (now). */
void myp_approve(MyProfile *mp, const MypView *v, int64_t now);

/* What an employer may see: the approved anonymised text, or -ENOENT when
 * the candidate has not approved one. */
int myp_employer_text(const MypCtx *x, Arena *a, int64_t user_id, const char **ret_text);

#endif
