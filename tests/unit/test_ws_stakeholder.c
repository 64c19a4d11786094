/* Stakeholders: the contact person's shapes and limits (hostile input
 * included), the vault round-trip, saving with the record in a real store,
 * key rotation, forgetting, deletion with the stakeholder, the local
 * group's members first, and the plan's exports: the local group's
 * organisations, the practices' annex, never a contact or a practice's
 * personal items. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "domain/iap/export.h"
#include "domain/workspace/stakeholder.h"
#include "domain/workspace/workspace.h"
#include "iap_fixture.h"
#include "render/doc_html.h"
#include "store/accounts.h"
#include "store/contacts.h"
#include "test.h"
#include "ws_fixture.h"

/* The first bytes of s for a test's name, control characters as '?'. */
static const char *shown(const char *s) {
        static char buf[32];
        size_t i = 0;
        for (; s && s[i] && i < sizeof buf - 1; i++)
                buf[i] = (unsigned char)s[i] < 0x20 ? '?' : s[i];
        buf[i] = '\0';
        return buf;
}

static void test_email(void) {
        char *local_max = repeat('l', WS_CONTACT_LOCAL_MAX), *local_over = repeat('l', WS_CONTACT_LOCAL_MAX + 1);
        /* "a@" and five labels of at most 63 bytes: exactly the limit, then
         * one byte more (the labels stay valid) */
        char at_max[WS_CONTACT_EMAIL_MAX + 1], over[WS_CONTACT_EMAIL_MAX + 2];
        memset(at_max, 'b', WS_CONTACT_EMAIL_MAX);
        at_max[WS_CONTACT_EMAIL_MAX] = '\0';
        at_max[0] = 'a';
        at_max[1] = '@';
        for (size_t i = 2 + 50; i < WS_CONTACT_EMAIL_MAX; i += 51)
                at_max[i] = '.';
        snprintf(over, sizeof over, "%sx", at_max);
        struct {
                const char *s;
                bool ok;
        } cases[] = {
                { "ana@example.org", true },      { "ana.novak+ulg@idrija.si", true },
                { "ana@xn--idrja-3xa.si", true }, { "ana@občina.si", true },
                { "", false },                    { "ana", false },
                { "ana@", false },                { "@example.org", false },
                { "ana@example", false },         { "ana@@example.org", false },
                { "a@b@example.org", false },     { "ana novak@example.org", false },
                { "<script>@example.org", false }, { "ana@exa<script>.org", false },
                { "ana@example.org\r\nBcc: x@y.z", false }, { "ana\n@example.org", false },
                { "ana@\xc3\x28.org", false },    { ".ana@example.org", false },
                { "ana.@example.org", false },    { "an..a@example.org", false },
                { "ana@-example.org", false },    { "ana@example-.org", false },
                { "ana@example..org", false },    { "\"ana\"@example.org", false },
                { at_max, true },                 { over, false },
        };
        for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
                CHECK(ws_email_valid(cases[i].s) == cases[i].ok, "e-mail %zu (%s) %s", i, shown(cases[i].s),
                      cases[i].ok ? "accepted" : "refused");
        CHECK_INTEQ(strlen(at_max), WS_CONTACT_EMAIL_MAX, "the longest address is exactly WS_CONTACT_EMAIL_MAX");
        char buf[WS_CONTACT_LOCAL_MAX + 32];
        snprintf(buf, sizeof buf, "%s@example.org", local_max);
        CHECK(ws_email_valid(buf), "a local part of WS_CONTACT_LOCAL_MAX bytes");
        snprintf(buf, sizeof buf, "%s@example.org", local_over);
        CHECK(!ws_email_valid(buf), "a local part over WS_CONTACT_LOCAL_MAX bytes");
        CHECK(!ws_email_valid(NULL), "NULL is no address");
        free(local_max);
        free(local_over);
}

static void test_phone(void) {
        char digits_max[WS_CONTACT_DIGITS_MAX + 2] = "+", digits_over[WS_CONTACT_DIGITS_MAX + 3] = "+";
        memset(digits_max + 1, '1', WS_CONTACT_DIGITS_MAX);
        memset(digits_over + 1, '1', WS_CONTACT_DIGITS_MAX + 1);
        char *blank_over = repeat(' ', WS_CONTACT_PHONE_MAX);
        blank_over[0] = '5';
        char *long_ok = repeat(' ', WS_CONTACT_PHONE_MAX);
        memcpy(long_ok, "051234567", 9);
        struct {
                const char *s;
                bool ok;
        } cases[] = {
                { "+386 5 372 1100", true }, { "05 372 11 00", true },    { "(05) 372-1100", true },
                { "+30 2431.012345", true }, { "0537/21100", true },      { digits_max, true },
                { long_ok, true },           { "", false },               { "12345", false },
                { digits_over, false },      { blank_over, false },       { "call me", false },
                { "+386+5372", false },      { "5 372 1100 +", false },   { "<script>123456", false },
                { "0537\r\n21100", false },  { "0537\xc3\x28" "21100", false }, { "05372110O", false },
        };
        for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
                CHECK(ws_phone_valid(cases[i].s) == cases[i].ok, "phone %zu (%s) %s", i, shown(cases[i].s),
                      cases[i].ok ? "accepted" : "refused");
        CHECK_INTEQ(strlen(long_ok), WS_CONTACT_PHONE_MAX, "a number typed with WS_CONTACT_PHONE_MAX characters");
        free(blank_over);
        free(long_ok);
}

static int parse(Arena *a, const char *const *kv, WsContact *k, WsProblem *p, size_t *n) {
        Kv ctx = { kv };
        *n = 0;
        return ws_contact_parse(a, kv_get, &ctx, "2025-06-30", k, p, n);
}

static bool has(const WsProblem *p, size_t n, const char *field) {
        for (size_t i = 0; i < n && i < WS_PROBLEMS_MAX; i++)
                if (p[i].field && strcmp(p[i].field, field) == 0)
                        return true;
        return false;
}

static void test_parse(Arena *a) {
        WsProblem p[WS_PROBLEMS_MAX];
        size_t n;
        WsContact k;
        char *name_max = repeat('n', WS_CONTACT_NAME_MAX), *name_over = repeat('n', WS_CONTACT_NAME_MAX + 1);
        CHECK(parse(a, (const char *const[]){ NULL }, &k, p, &n) == 0 && ws_contact_empty(&k) && n == 0,
              "no contact fields: an empty contact");
        CHECK(parse(a, (const char *const[]){ "contact_name", "  ", "contact_email", "", NULL }, &k, p, &n) == 0 &&
                      ws_contact_empty(&k),
              "blank fields: an empty contact");
        CHECK(parse(a, (const char *const[]){ "contact_name", " Ana Novak ", "contact_email", "ana@example.org",
                                              "contact_agreed", "2025-06-30", NULL },
                    &k, p, &n) == 0 &&
                      strcmp(k.name, "Ana Novak") == 0 && !k.phone && strcmp(k.agreed_on, "2025-06-30") == 0,
              "a contact without a phone, agreed today, trimmed");
        struct {
                const char *const kv[10];
                const char *field, *what;
        } bad[] = {
                { { "contact_email", "ana@example.org", "contact_agreed", "2025-01-01", NULL }, "contact_name",
                  "a contact needs a name" },
                { { "contact_name", "Ana", "contact_agreed", "2025-01-01", NULL }, "contact_email",
                  "a contact needs an e-mail address" },
                { { "contact_name", "Ana", "contact_email", "ana@example.org", NULL }, "contact_agreed",
                  "a contact needs the date of agreement (the lawful basis)" },
                { { "contact_phone", "+386 5 372 1100", NULL }, "contact_agreed", "a phone alone needs the date too" },
                { { "contact_name", "Ana", "contact_email", "ana@example.org", "contact_agreed", "2025-07-01", NULL },
                  "contact_agreed", "a date after today" },
                { { "contact_name", "Ana", "contact_email", "ana@example.org", "contact_agreed", "2025-02-30", NULL },
                  "contact_agreed", "an impossible date" },
                { { "contact_name", "Ana", "contact_email", "ana@example.org", "contact_agreed", "1.3.2025", NULL },
                  "contact_agreed", "a date in another format" },
                { { "contact_name", "Ana\r\nX", "contact_email", "ana@example.org", "contact_agreed", "2025-01-01",
                    NULL },
                  "contact_name", "CR/LF in the name" },
                { { "contact_name", "Ana \xc3\x28", "contact_email", "ana@example.org", "contact_agreed",
                    "2025-01-01", NULL },
                  "contact_name", "invalid UTF-8 in the name" },
                { { "contact_name", name_over, "contact_email", "ana@example.org", "contact_agreed", "2025-01-01",
                    NULL },
                  "contact_name", "a name over WS_CONTACT_NAME_MAX" },
                { { "contact_name", "Ana", "contact_email", "ana@example.org", "contact_phone", "ring twice",
                    "contact_agreed", "2025-01-01", NULL },
                  "contact_phone", "a phone of words" },
                { { "contact_name", "<script>", "contact_email", "<script>@x.org", "contact_agreed", "2025-01-01",
                    NULL },
                  "contact_email", "markup in an address" },
        };
        for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
                CHECK(parse(a, bad[i].kv, &k, p, &n) == -EINVAL && has(p, n, bad[i].field), "%s", bad[i].what);
        CHECK(parse(a, (const char *const[]){ "contact_name", name_max, "contact_email", "ana@example.org",
                                              "contact_agreed", "2025-01-01", NULL },
                    &k, p, &n) == 0,
              "a name of WS_CONTACT_NAME_MAX bytes");
        CHECK(parse(a, (const char *const[]){ "contact_name", "<script>alert(1)</script>", "contact_email",
                                              "ana@example.org", "contact_agreed", "2025-01-01", NULL },
                    &k, p, &n) == 0 &&
                      strcmp(k.name, "<script>alert(1)</script>") == 0,
              "markup in a name is kept as text (escaped where shown)");
        for (size_t f = 0; f < 4; f++) {
                size_t nf;
                const WsField *fields = ws_contact_fields(&nf);
                CHECK(nf == 4 && ws_contact_field(fields[f].key) == &fields[f], "contact field %s found by key",
                      fields[f].key);
        }
        CHECK(ws_contact_field("organisation") == NULL && ws_contact_field(NULL) == NULL, "others are not contact fields");
        free(name_max);
        free(name_over);
}

static void test_vault(Arena *a, const Vault *v) {
        WsContact k = { "Ana Novak", "ana.novak@example.org", "+386 5 372 1100", "2025-01-01" }, back;
        const char *ct;
        CHECK(ws_contact_seal(v, a, &k, &ct) == 0 && strncmp(ct, "v1.", 3) == 0, "the contact seals to v1 ciphertext");
        CHECK(!strstr(ct, "ana.novak") && !strstr(ct, "Novak") && !strstr(ct, "372"), "no clear text in it");
        CHECK(ws_contact_open(v, a, ct, &back) == 0 && strcmp(back.name, k.name) == 0 &&
                      strcmp(back.email, k.email) == 0 && strcmp(back.phone, k.phone) == 0 &&
                      strcmp(back.agreed_on, k.agreed_on) == 0,
              "and opens to the same contact");
        char *forged = strdup(ct);
        forged[strlen(forged) - 2] = forged[strlen(forged) - 2] == 'A' ? 'B' : 'A';
        CHECK_INTEQ(ws_contact_open(v, a, forged, &back), -EIO, "a changed ciphertext does not open");
        CHECK_INTEQ(ws_contact_open(v, a, "not a ciphertext", &back), -EIO, "nor does garbage");
        free(forged);
        WsContact half = { "Ana", "ana@example.org", NULL, "2025-01-01" };
        CHECK(ws_contact_seal(v, a, &half, &ct) == 0 && ws_contact_open(v, a, ct, &back) == 0 && back.phone == NULL,
              "an absent phone stays absent");
}

typedef struct Rewrap {
        Vault *v;
        Arena *a;
} Rewrap;

/* As `techdiv keys rotate` does it (src/cli/cmd_keys.c). */
static int rewrap(void *ud, const char *ct, const char **ret) {
        Rewrap *w = ud;
        const char *plain;
        int r = vault_decrypt(w->v, w->a, ct, &plain);
        return r < 0 ? r : vault_encrypt(w->v, w->a, plain, ret);
}

static const char *const STAKE[] = { "organisation", "Zavod Idrija", "influence", "4", "interest", "5", "ulg", "yes",
                                     "contact_name", "Ana Novak", "contact_email", "ana.novak@example.org",
                                     "contact_agreed", "2025-01-01", NULL };

static size_t contact_rows(Store *s, Arena *a) {
        IapRecordRow *rows;
        size_t n, count = 0;
        ContactRow row;
        ws_rows(s, a, "idrija", WS_STAKEHOLDER, &rows, &n);
        for (size_t i = 0; i < n; i++)
                count += store_contact_get(s, a, "idrija", rows[i].rec_id, &row) == 0;
        return count;
}

static void test_store(Arena *a, Store *s, Vault *v, const City *city) {
        WsActor who = { .user_id = 0, .now = 1750000000, .today = "2025-06-30" };
        WsSaveResult res;
        Kv ok = { STAKE };
        CHECK(ws_stakeholder_save(s, v, a, city, NULL, 0, kv_get, &ok, &who, &res) == 0, "a stakeholder with a contact");
        const char *id = res.rec_id;
        WsContact k;
        CHECK(ws_contact_read(s, v, a, city, id, &who, &k) == 0 && strcmp(k.email, "ana.novak@example.org") == 0,
              "its contact reads back");
        ContactRow row;
        CHECK(store_contact_get(s, a, "idrija", id, &row) == 0 && !strstr(row.contact_enc, "ana.novak"),
              "the store holds ciphertext only");
        IapRecordRow *rows;
        size_t n;
        ws_rows(s, a, "idrija", WS_STAKEHOLDER, &rows, &n);
        CHECK(n == 1 && !strstr(rows[0].doc, "Novak") && !strstr(rows[0].doc, "contact") && strstr(rows[0].doc, "\"ulg\""),
              "the record holds the membership and no contact");
        /* A refused save stores neither the record's change nor the contact. */
        Kv bad = { (const char *const[]){ "organisation", "Renamed", "influence", "9", "interest", "5",
                                          "contact_name", "Eva", "contact_email", "eva@", NULL } };
        CHECK(ws_stakeholder_save(s, v, a, city, id, 1, kv_get, &bad, &who, &res) == -EINVAL && res.n_problems >= 3,
              "the record's and the contact's problems come back together (%zu)", res.n_problems);
        CHECK(ws_contact_read(s, v, a, city, id, &who, &k) == 0 && strcmp(k.name, "Ana Novak") == 0,
              "and nothing changed");
        /* Rotation: a new key, the column rewritten, still readable. */
        unsigned old_key = vault_current_key(v);
        StoreConn *c;
        int64_t rewritten = 0;
        Rewrap w = { v, a };
        CHECK(vault_add_key(v) == 0 && store_begin(s, &c) == 0 &&
                      store_vault_rewrite(c, a, VC_STAKEHOLDER_CONTACT, rewrap, &w, &rewritten) == 0 &&
                      store_commit(c) == 0 && rewritten == 1,
              "keys rotate rewrites the contact column");
        CHECK(store_contact_get(s, a, "idrija", id, &row) == 0 && vault_key_of(row.contact_enc) == (int)old_key + 1,
              "under the new key");
        CHECK(ws_contact_read(s, v, a, city, id, &who, &k) == 0 && strcmp(k.name, "Ana Novak") == 0,
              "and it still reads back");
        /* Forget, then save a contact again and delete the stakeholder. */
        bool had = false;
        CHECK(ws_contact_forget(s, city, id, &who, &had) == 0 && had, "forget erases the contact");
        CHECK_INTEQ(ws_contact_read(s, v, a, city, id, &who, &k), -ENOENT, "it is gone");
        ws_rows(s, a, "idrija", WS_STAKEHOLDER, &rows, &n);
        CHECK(n == 1, "the stakeholder stays");
        CHECK(ws_contact_forget(s, city, id, &who, &had) == 0 && !had, "forgetting twice is harmless");
        CHECK(ws_stakeholder_save(s, v, a, city, id, rows[0].version, kv_get, &ok, &who, &res) == 0 &&
                      contact_rows(s, a) == 1,
              "a contact is kept again");
        ws_rows(s, a, "idrija", WS_STAKEHOLDER, &rows, &n);
        Kv empty = { (const char *const[]){ "organisation", "Zavod Idrija", "influence", "4", "interest", "5", NULL } };
        CHECK(ws_stakeholder_save(s, v, a, city, id, rows[0].version, kv_get, &empty, &who, &res) == 0 &&
                      contact_rows(s, a) == 0,
              "saving with every contact field empty erases it");
        ws_rows(s, a, "idrija", WS_STAKEHOLDER, &rows, &n);
        CHECK(ws_stakeholder_save(s, v, a, city, id, rows[0].version, kv_get, &ok, &who, &res) == 0, "kept once more");
        ws_rows(s, a, "idrija", WS_STAKEHOLDER, &rows, &n);
        CHECK(ws_delete(s, a, city, ws_form_by_slug("stakeholders"), id, rows[0].version, &res) == 0 &&
                      store_contact_get(s, a, "idrija", id, &row) == -ENOENT,
              "deleting the stakeholder deletes its contact");
        CHECK_INTEQ(store_contact_put(NULL, "idrija", "x", "", 0, 0), -EINVAL, "an empty ciphertext is refused");
}

static void test_members_first(void) {
        json_t *docs[5] = { json_pack("{s:s}", "id", "a"), json_pack("{s:s,s:s}", "id", "b", "ulg", "yes"),
                            json_pack("{s:s}", "id", "c"), json_pack("{s:s,s:b}", "id", "d", "ulg", 1),
                            json_pack("{s:s,s:s}", "id", "e", "ulg", "no") };
        IapRecordRow rows[5] = { { .rec_id = "a" }, { .rec_id = "b" }, { .rec_id = "c" }, { .rec_id = "d" },
                                 { .rec_id = "e" } };
        size_t m = ws_stakeholders_members_first(rows, docs, 5);
        char order[6] = "";
        for (int i = 0; i < 5; i++)
                order[i] = rows[i].rec_id[0];
        CHECK(m == 2 && strcmp(order, "bdace") == 0, "members first, each part in its order (%s)", order);
        CHECK(ws_stakeholder_is_member(docs[0]) && ws_stakeholder_is_member(docs[1]) && !ws_stakeholder_is_member(docs[2]),
              "the docs moved with their rows");
        for (int i = 0; i < 5; i++)
                json_decref(docs[i]);
        CHECK(ws_stakeholders_members_first(rows, docs, 0) == 0, "an empty list");
}

static void test_exports(Arena *a, const IapTools *tools) {
        IapPlan *p = fixture_plan(a, 3, 2);
        static const char *const secrets[] = { "maria.papadopoulou@example.org", "Maria Papadopoulou" };
        for (int f = 0; f < 3; f++) {
                Doc *d;
                StrBuf b = STRBUF_INIT;
                int r = iap_plan_doc(p, tools, LANG_EN, NULL, a, &d);
                if (r == 0)
                        r = f == 0 ? doc_render_html_page(d, &b) : doc_render(d, f == 1 ? DOC_FORMAT_DOCX : DOC_FORMAT_ODT, &b);
                const char *names[] = { "HTML", "DOCX", "ODT" };
                CHECK(r == 0, "the plan renders as %s", names[f]);
                if (f == 0) {
                        const char *s = strbuf_str(&b);
                        CHECK(strstr(s, "Annex: good practices and case examples") && strstr(s, "Jobs4all") &&
                                      strstr(s, "e-trikala SA") && strstr(s, "A blind-pairing job platform"),
                              "the annex has the practice with its form's items");
                        CHECK(strstr(s, "Member organisations of the URBACT Local Group (1)") &&
                                      strstr(s, "Πανεπιστήμιο Θεσσαλίας"),
                              "governance names the local group's organisations");
                        for (int i = 0; i < 2; i++)
                                CHECK(!strstr(s, secrets[i]), "a practice's personal item is not exported (%s)", secrets[i]);
                }
                strbuf_free(&b);
        }
        /* No practices, no members: neither the annex nor the list. */
        p->n_practices = 0;
        p->stakeholders[0].ulg_member = false;
        Doc *d;
        StrBuf b = STRBUF_INIT;
        CHECK(iap_plan_doc(p, tools, LANG_EN, NULL, a, &d) == 0 && doc_render_html_page(d, &b) == 0 &&
                      !strstr(strbuf_str(&b), "Annex:") && !strstr(strbuf_str(&b), "Member organisations"),
              "without practices or members the plan has neither");
        strbuf_free(&b);
}

int main(void) {
        fixture_register_catalogues();
        Arena *a = arena_new();
        test_email();
        test_phone();
        test_parse(a);
        test_members_first();
        IapTools *tools = NULL;
        CHECK(iap_tools_load(NULL, &tools, NULL) == 0, "the tool definitions load");
        if (tools)
                test_exports(a, tools);
        iap_tools_free(tools);
        char dir[] = "/tmp/td-stake-XXXXXX", db[300], keys[300], url[320];
        Store *s = NULL;
        Vault *v = NULL;
        CHECK(auth_init() == 0 && mkdtemp(dir) != NULL, "setup");
        snprintf(db, sizeof db, "%s/db", dir);
        snprintf(keys, sizeof keys, "%s/keys", dir);
        snprintf(url, sizeof url, "sqlite:%s", db);
        CHECK(store_open(url, 2, &s) == 0 && store_migrate(s, NULL) == 0 && vault_open(keys, 1, &v) == 0,
              "a fresh store and vault");
        if (s && v) {
                City city = { .slug = "idrija", .name = "Idrija", .name_local = "Idrija", .country = "SI",
                              .lang = "sl", .population = 11800 };
                StoreConn *c;
                store_begin(s, &c);
                store_city_upsert(c, &city);
                store_commit(c);
                test_vault(a, v);
                test_store(a, s, v, &city);
        }
        vault_free(v);
        store_close(s);
        char cmd[400];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        CHECK(system(cmd) == 0, "cleanup");
        arena_free(a);
        return test_done();
}
