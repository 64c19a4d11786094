/* Stakeholders: the contact person as encrypted personal data, and the
 * local group's members first (see stakeholder.h). */
#include "domain/workspace/stakeholder.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "domain/iap/date.h"
#include "store/accounts.h"
#include "store/contacts.h"

static const WsField contact_fields[] = {
        { "contact_name", WS_FT_STRING, N_("Name of the contact person"), NULL, false, WS_CONTACT_NAME_MAX, 0, NULL,
          NULL, NULL },
        { "contact_email", WS_FT_STRING, N_("E-mail address"), N_("e.g. name@example.org"), false,
          WS_CONTACT_EMAIL_MAX, 0, NULL, NULL, NULL },
        { "contact_phone", WS_FT_STRING, N_("Phone number"), N_("Optional. e.g. +386 5 123 4567"), false,
          WS_CONTACT_PHONE_MAX, 0, NULL, NULL, NULL },
        { "contact_agreed", WS_FT_DATE, N_("Date the person agreed to be contacted"),
          N_("As YYYY-MM-DD. Their agreement is the lawful basis for keeping the contact."), false, 0, 0, NULL,
          NULL, NULL },
};
#define N_CONTACT_FIELDS (sizeof(contact_fields) / sizeof(contact_fields[0]))

const WsField *ws_contact_fields(size_t *ret_n) {
        *ret_n = N_CONTACT_FIELDS;
        return contact_fields;
}

const WsField *ws_contact_field(const char *key) {
        for (size_t i = 0; key && i < N_CONTACT_FIELDS; i++)
                if (strcmp(contact_fields[i].key, key) == 0)
                        return &contact_fields[i];
        return NULL;
}

bool ws_contact_empty(const WsContact *k) { return !k->name && !k->email && !k->phone && !k->agreed_on; }

json_t *ws_contact_values(const WsContact *k) {
        return json_pack("{s:s?, s:s?, s:s?, s:s?}", "contact_name", k->name, "contact_email", k->email,
                         "contact_phone", k->phone, "contact_agreed", k->agreed_on);
}

static bool in(char c, const char *set) { return c && strchr(set, c) != NULL; }

/* The domain: labels of letters, digits (and UTF-8 for international
 * names) and inner hyphens, at least two of them. */
static bool domain_valid(const char *d) {
        size_t labels = 0, len = 0;
        for (const char *p = d;; p++) {
                if (*p == '.' || !*p) {
                        if (len == 0 || p[-1] == '-')
                                return false;
                        labels++;
                        len = 0;
                        if (!*p)
                                break;
                        continue;
                }
                unsigned char c = (unsigned char)*p;
                bool ok = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                          (c == '-' && len > 0);
                if (!ok || ++len > 63)
                        return false;
        }
        return labels >= 2;
}

bool ws_email_valid(const char *s) {
        const char *at = s ? strchr(s, '@') : NULL;
        size_t n = s ? strlen(s) : 0;
        if (!at || at == s || strchr(at + 1, '@') || n > WS_CONTACT_EMAIL_MAX || !utf8_valid(s, n) ||
            (size_t)(at - s) > WS_CONTACT_LOCAL_MAX)
                return false;
        for (const char *p = s; p < at; p++) {
                unsigned char c = (unsigned char)*p;
                if (c <= ' ' || c == 0x7f || in((char)c, "\"(),:;<>[\\]") || (c == '.' && (p == s || p[1] == '.' ||
                                                                                          p + 1 == at)))
                        return false;
        }
        return domain_valid(at + 1);
}

bool ws_phone_valid(const char *s) {
        size_t digits = 0, n = s ? strlen(s) : 0;
        if (!n || n > WS_CONTACT_PHONE_MAX)
                return false;
        for (const char *p = s; *p; p++) {
                if (*p >= '0' && *p <= '9')
                        digits++;
                else if (!(in(*p, " .-/()") || (*p == '+' && p == s)))
                        return false;
        }
        return digits >= WS_CONTACT_DIGITS_MIN && digits <= WS_CONTACT_DIGITS_MAX;
}

typedef struct Rd {
        Arena *a;
        WsProblem *out;
        size_t n;
} Rd;

static void problem(Rd *d, const char *field, const char *msgid) {
        if (d->n < WS_PROBLEMS_MAX)
                d->out[d->n] = (WsProblem){ field, msgid };
        d->n++;
}

/* One line of text: NULL when empty or refused (a problem says which). */
static const char *line(Rd *d, const char *field, const char *s, size_t max) {
        if (!s)
                return NULL;
        while (*s == ' ' || *s == '\t')
                s++;
        size_t n = strlen(s);
        while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
                n--;
        if (!n)
                return NULL;
        if (!utf8_valid(s, n))
                return problem(d, field, N_("text is not valid UTF-8")), NULL;
        for (size_t i = 0; i < n; i++)
                if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
                        return problem(d, field, N_("text must be on one line")), NULL;
        if (n > max)
                return problem(d, field, N_("text is too long")), NULL;
        return arena_strndup(d->a, s, n);
}

int ws_contact_parse(Arena *a, WsGetFn get, void *ctx, const char *today, WsContact *ret, WsProblem *out,
                     size_t *ret_n) {
        Rd d = { a, out, *ret_n };
        size_t before = d.n;
        WsContact k = {
                .name = line(&d, "contact_name", get(ctx, "contact_name"), WS_CONTACT_NAME_MAX),
                .email = line(&d, "contact_email", get(ctx, "contact_email"), WS_CONTACT_EMAIL_MAX),
                .phone = line(&d, "contact_phone", get(ctx, "contact_phone"), WS_CONTACT_PHONE_MAX),
                .agreed_on = line(&d, "contact_agreed", get(ctx, "contact_agreed"), 10),
        };
        bool given = !ws_contact_empty(&k) || d.n > before;
        if (given && !k.name && d.n == before)
                problem(&d, "contact_name", N_("required field is missing"));
        if (k.email && !ws_email_valid(k.email))
                problem(&d, "contact_email", N_("enter an e-mail address such as name@example.org"));
        else if (given && !k.email)
                problem(&d, "contact_email", N_("required field is missing"));
        if (k.phone && !ws_phone_valid(k.phone))
                problem(&d, "contact_phone", N_("enter a phone number of 6 to 15 digits, e.g. +386 5 123 4567"));
        if (k.agreed_on && !iap_date_valid(k.agreed_on))
                problem(&d, "contact_agreed", N_("date must be YYYY-MM-DD"));
        else if (k.agreed_on && today && strcmp(k.agreed_on, today) > 0)
                problem(&d, "contact_agreed", N_("the date of agreement cannot be in the future"));
        else if (given && !k.agreed_on)
                problem(&d, "contact_agreed", N_("a contact can only be kept with the date the person agreed"));
        *ret_n = d.n;
        if (d.n > before)
                return -EINVAL;
        *ret = k;
        return 0;
}

int ws_contact_seal(const Vault *v, Arena *a, const WsContact *k, const char **ret_ct) {
        json_t *o = json_pack("{s:s?, s:s?, s:s?, s:s?}", "name", k->name, "email", k->email, "phone", k->phone,
                              "agreed_on", k->agreed_on);
        char *plain = o ? json_dumps(o, JSON_COMPACT) : NULL;
        json_decref(o);
        if (!plain)
                return -ENOMEM;
        int r = vault_encrypt(v, a, plain, ret_ct);
        memset(plain, 0, strlen(plain)); /* no clear copy left on the heap */
        free(plain);
        return r;
}

static const char *opt(Arena *a, json_t *o, const char *key) {
        const char *s = json_string_value(json_object_get(o, key));
        return s ? arena_strdup(a, s) : NULL;
}

int ws_contact_open(const Vault *v, Arena *a, const char *ct, WsContact *ret) {
        const char *plain;
        if (vault_decrypt(v, a, ct, &plain) < 0)
                return -EIO;
        json_t *o = json_loads(plain, JSON_REJECT_DUPLICATES, NULL);
        if (!json_is_object(o)) {
                json_decref(o);
                return -EIO;
        }
        *ret = (WsContact){ .name = opt(a, o, "name"), .email = opt(a, o, "email"), .phone = opt(a, o, "phone"),
                            .agreed_on = opt(a, o, "agreed_on") };
        json_decref(o);
        return 0;
}

/* Audit detail: where, never what. */
static int audit(StoreConn *c, Arena *a, const WsActor *who, const char *action, const City *city, const char *rec_id) {
        const char *detail = arena_printf(a, "%s/%s", city->slug, rec_id);
        return detail ? store_audit_add(c, who->now, who->user_id, 0, action, detail) : -ENOMEM;
}

int ws_contact_read(Store *s, const Vault *v, Arena *a, const City *city, const char *rec_id, const WsActor *who,
                    WsContact *ret) {
        ContactRow row;
        WsContact k;
        int r = store_contact_get(s, a, city->slug, rec_id, &row);
        if (r == 0)
                r = ws_contact_open(v, a, row.contact_enc, &k);
        StoreConn *c;
        if (r == 0 && (r = store_begin(s, &c)) == 0) {
                r = audit(c, a, who, "stakeholder.contact.viewed", city, rec_id);
                r = store_end(c, r);
        }
        if (r == 0)
                *ret = k;
        return r;
}

int ws_contact_forget(Store *s, const City *city, const char *rec_id, const WsActor *who, bool *ret_had) {
        Arena *a = arena_new();
        StoreConn *c;
        int64_t n = 0;
        int r = a ? store_begin(s, &c) : -ENOMEM;
        if (r < 0) {
                arena_free(a);
                return r;
        }
        r = store_contact_delete(c, city->slug, rec_id, &n);
        if (r == 0 && n)
                r = audit(c, a, who, "stakeholder.contact.erased", city, rec_id);
        r = store_end(c, r);
        arena_free(a);
        if (r == 0 && ret_had)
                *ret_had = n > 0;
        return r;
}

/* The save hook: the contact's problems join the record's; the sealed
 * contact (or its erasure) is written with the record. */
typedef struct Hook {
        Arena *a;
        const WsActor *who;
        const char *sealed; /* NULL: erase */
        WsProblem probs[WS_PROBLEMS_MAX];
        size_t n_probs;
} Hook;

static void hook_check(void *ctx, WsSaveResult *res) {
        Hook *h = ctx;
        for (size_t i = 0; i < h->n_probs && i < WS_PROBLEMS_MAX; i++) {
                if (res->n_problems < WS_PROBLEMS_MAX)
                        res->problems[res->n_problems] = h->probs[i];
                res->n_problems++;
        }
}

static int hook_write(void *ctx, StoreConn *c, const City *city, const char *rec_id) {
        Hook *h = ctx;
        int64_t n = 0;
        int r = h->sealed ? store_contact_put(c, city->slug, rec_id, h->sealed, h->who->now, h->who->user_id)
                          : store_contact_delete(c, city->slug, rec_id, &n);
        if (r == 0 && (h->sealed || n))
                r = audit(c, h->a, h->who, h->sealed ? "stakeholder.contact.saved" : "stakeholder.contact.erased", city,
                          rec_id);
        return r;
}

int ws_stakeholder_save(Store *s, const Vault *v, Arena *a, const City *city, const char *rec_id,
                        int64_t expected_version, WsGetFn get, void *ctx, const WsActor *who, WsSaveResult *ret) {
        const WsForm *form = ws_form_by_slug("stakeholders");
        Hook *h = arena_alloc(a, sizeof *h);
        if (!form || !h)
                return -ENOMEM;
        *h = (Hook){ .a = a, .who = who };
        WsContact k = { 0 };
        int r = ws_contact_parse(a, get, ctx, who->today, &k, h->probs, &h->n_probs);
        if (r == 0 && !ws_contact_empty(&k))
                r = ws_contact_seal(v, a, &k, &h->sealed);
        if (r < 0 && r != -EINVAL)
                return r;
        WsSaveHook hook = { hook_check, hook_write, h };
        return ws_save_ex(s, a, city, form, rec_id, expected_version, get, ctx, &hook, ret);
}

bool ws_stakeholder_is_member(json_t *rec) {
        json_t *v = json_object_get(rec, "ulg");
        return json_is_true(v) || (json_is_string(v) && strcmp(json_string_value(v), "yes") == 0);
}

size_t ws_stakeholders_members_first(IapRecordRow *rows, json_t **docs, size_t n) {
        size_t members = 0;
        for (size_t i = 0; i < n; i++) {
                if (!ws_stakeholder_is_member(docs[i]))
                        continue;
                /* move i down to position members, shifting the others up one */
                IapRecordRow row = rows[i];
                json_t *doc = docs[i];
                memmove(&rows[members + 1], &rows[members], (i - members) * sizeof *rows);
                memmove(&docs[members + 1], &docs[members], (i - members) * sizeof *docs);
                rows[members] = row;
                docs[members] = doc;
                members++;
        }
        return members;
}
