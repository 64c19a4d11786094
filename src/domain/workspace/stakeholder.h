/* Stakeholders of a city's URBACT Local Group beyond their record: the
 * contact person, kept as personal data, and the local group's members
 * listed first.
 *
 * The contact (name, e-mail, optional phone, and the date the person agreed
 * to be contacted and kept: the lawful basis) is never part of the
 * stakeholder's JSON record, which the plan page, the exports, the calendar
 * and the API read. It is one vault ciphertext per stakeholder
 * (store/contacts.h), re-encrypted by `keys rotate`, erased with its
 * stakeholder or alone ("forget"). Only the city's officers and the
 * network's coordinators reach the pages that call these functions; every
 * view, save and erasure is written to the audit log, without the contact
 * itself. Clear text exists only in the Arena passed in. */
#ifndef TD_DOMAIN_WORKSPACE_STAKEHOLDER_H
#define TD_DOMAIN_WORKSPACE_STAKEHOLDER_H

#include <stdbool.h>
#include <stdint.h>

#include "auth/auth.h"
#include "domain/workspace/edit.h"

#define WS_CONTACT_NAME_MAX   200 /* bytes of the contact person's name */
#define WS_CONTACT_EMAIL_MAX  254 /* bytes of an e-mail address (RFC 5321 path) */
#define WS_CONTACT_LOCAL_MAX  64  /* bytes before the @ */
#define WS_CONTACT_PHONE_MAX  32  /* characters of a phone number as typed */
#define WS_CONTACT_DIGITS_MIN 6   /* digits of a phone number (short local numbers) */
#define WS_CONTACT_DIGITS_MAX 15  /* digits of a phone number (E.164) */

/* One contact; a field is NULL when absent. */
typedef struct WsContact {
        const char *name, *email, *phone;
        const char *agreed_on; /* YYYY-MM-DD */
} WsContact;

bool ws_contact_empty(const WsContact *k);

/* The contact's form fields (names contact_name, contact_email,
 * contact_phone, contact_agreed), for the editor; static. */
const WsField *ws_contact_fields(size_t *ret_n);
/* The contact field of that key, or NULL. */
const WsField *ws_contact_field(const char *key);
/* The contact as form values {"contact_name": ...} (a new reference). */
json_t *ws_contact_values(const WsContact *k);

/* Shapes: an address "local@domain.tld" without blanks or quotes within
 * the limits above; a number of digits with spaces, dots, dashes, slashes,
 * brackets and one leading "+". */
bool ws_email_valid(const char *s);
bool ws_phone_valid(const char *s);

/* Reads the submitted contact. All fields empty: an empty contact (to be
 * erased). Otherwise name and e-mail are required, the phone optional, and
 * the agreement date required, a real date not after today (YYYY-MM-DD).
 * Returns 0, or -EINVAL with problems appended to out (*ret_n counts them,
 * up to WS_PROBLEMS_MAX), -ENOMEM. Strings in a. */
int ws_contact_parse(Arena *a, WsGetFn get, void *ctx, const char *today, WsContact *ret, WsProblem *out,
                     size_t *ret_n);

/* The contact as one vault ciphertext (in a), and back: -EIO when it does
 * not decrypt or parse. */
int ws_contact_seal(const Vault *v, Arena *a, const WsContact *k, const char **ret_ct);
int ws_contact_open(const Vault *v, Arena *a, const char *ct, WsContact *ret);

/* Who acts, and when (for the audit log and the agreement date). */
typedef struct WsActor {
        int64_t user_id;
        int64_t now;       /* Unix seconds */
        const char *today; /* YYYY-MM-DD */
} WsActor;

/* The contact of stakeholder rec_id, audited as seen by who; -ENOENT when
 * none, -EIO when it does not decrypt. */
int ws_contact_read(Store *s, const Vault *v, Arena *a, const City *city, const char *rec_id, const WsActor *who,
                    WsContact *ret);
/* Erases the contact alone (the stakeholder stays); *ret_had (may be
 * NULL) tells whether there was one. Audited. */
int ws_contact_forget(Store *s, const City *city, const char *rec_id, const WsActor *who, bool *ret_had);

/* Saves a stakeholder (ws_save) with its contact from the same form, in
 * one transaction: an empty contact erases the kept one. Problems of both
 * come back together, and nothing is stored unless it returns 0. */
int ws_stakeholder_save(Store *s, const Vault *v, Arena *a, const City *city, const char *rec_id,
                        int64_t expected_version, WsGetFn get, void *ctx, const WsActor *who, WsSaveResult *ret);

/* Whether a stakeholder record is a member of the local group. */
bool ws_stakeholder_is_member(json_t *rec);
/* Reorders rows and their docs (parallel, n) so that the local group's
 * members come first, each part in its previous order; returns how many
 * members there are. */
size_t ws_stakeholders_members_first(IapRecordRow *rows, json_t **docs, size_t n);

#endif
