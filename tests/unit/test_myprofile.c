/* The profile service on a real SQLite store and vault: encrypted at rest,
 * Europass import merged as proposals, optimistic concurrency, the
 * anonymised view with the candidate's marks, approval as the gate for
 * employers, CV text, and erasure. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/paths.h"
#include "domain/accounts/service.h"
#include "domain/myprofile/myprofile.h"
#include "test.h"

#define EUROPASS "../shared/data/cvs/europass_examples/Europass_CV_V3.4.0_Example.xml"

static char *slurp(const char *path, size_t *ret_len) {
        FILE *f = fopen(path, "rb");
        if (!f)
                return NULL;
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *d = malloc((size_t)n + 1);
        if (d && fread(d, 1, (size_t)n, f) != (size_t)n) {
                free(d);
                d = NULL;
        }
        fclose(f);
        if (d)
                d[n] = '\0';
        *ret_len = (size_t)n;
        return d;
}

static int64_t add_user(AcctCtx *x, Arena *a, const char *email, const char *name) {
        NewUser nu = { .email = email, .name = name, .password = "correct horse battery staple",
                       .role = ROLE_CANDIDATE, .consent_matching = 1 };
        const char *msg = NULL;
        int64_t id = 0;
        CHECK(acct_create_user(x, a, &nu, 0, &id, &msg) == 0, "user %s created", email);
        return id;
}

static size_t proposed(const Profile *p) {
        size_t n = 0;
        for (size_t i = 0; i < p->n_skills; i++)
                n += p->skills[i].proposed;
        return n;
}

static void test_import_save(const MypCtx *x, Arena *a, int64_t uid) {
        MyProfile mp;
        CHECK(myp_load(x, a, uid, &mp) == 0 && !mp.exists && mp.version == 0, "no profile yet: an empty one");
        size_t len = 0;
        char *xml = slurp(EUROPASS, &len);
        CHECK(xml != NULL, "Europass example readable");
        ProfileIoError err = { 0 };
        CHECK_INTEQ(myp_import(x, a, &mp, xml, len, &err), 0, "Europass imported");
        CHECK(mp.p.n_experience > 0 && mp.identity.name && mp.p.n_languages > 0, "experience, languages, identity");
        size_t n_skills = mp.p.n_skills;
        CHECK(proposed(&mp.p) == n_skills, "every imported skill waits for the candidate's yes (%zu)", n_skills);
        CHECK_INTEQ(myp_import(x, a, &mp, xml, len, &err), 0, "imported twice");
        CHECK(mp.p.n_skills == n_skills, "skills are not duplicated by a second import");
        CHECK_INTEQ(myp_import(x, a, &mp, "<x>not europass</x>", 19, &err), -EINVAL, "not Europass refused");
        CHECK(err.msgid != NULL && mp.p.n_skills == n_skills, "with a message, profile unchanged");
        free(xml);
        CHECK_INTEQ(myp_save(x, a, uid, &mp), 0, "saved");
        CHECK(mp.version == 1 && mp.exists, "version 1");
        ProfileRow row;
        CHECK(store_profile_get(x->store, a, uid, &row) == 0 && !strstr(row.doc_enc, "Java") &&
                      row.identity_enc && !strstr(row.identity_enc, mp.identity.name),
              "stored as ciphertext");
        MyProfile again;
        CHECK(myp_load(x, a, uid, &again) == 0 && again.exists && again.version == 1, "loaded back");
        CHECK(again.p.n_skills == n_skills && again.identity.name && strcmp(again.identity.name, mp.identity.name) == 0,
              "the same skills and identity");
        again.p.headline = "Junior developer";
        CHECK_INTEQ(myp_save(x, a, uid, &again), 0, "second save");
        mp.p.headline = "Stale edit";
        CHECK_INTEQ(myp_save(x, a, uid, &mp), -EEXIST, "a save over an old version is refused");
        CHECK(myp_load(x, a, uid, &again) == 0 && strcmp(again.p.headline, "Junior developer") == 0,
              "and changed nothing");
}

static bool has_cat(const MypView *v, AnonCategory c) {
        for (size_t i = 0; i < v->result->n_findings; i++)
                if (v->result->findings[i].category == c)
                        return true;
        return false;
}

static void test_view(const MypCtx *x, Arena *a, int64_t uid) {
        MyProfile mp;
        CHECK(myp_load(x, a, uid, &mp) == 0, "loaded");
        mp.p.summary = "I am Zofia Kowalska, write to zofia.k@example.org. I build Django apps with Jenkins.";
        MypView v;
        CHECK_INTEQ(myp_view(x, a, &mp, "Zofia Kowalska", "zofia.k@example.org", LANG_EN, &v), 0, "view");
        CHECK(!strstr(v.result->text, "Kowalska") && !strstr(v.result->text, "zofia.k@"), "name and e-mail gone");
        CHECK(strstr(v.result->text, "Django") && strstr(v.result->text, "Jenkins"), "skills kept");
        CHECK(has_cat(&v, ANON_CAT_NAME) && has_cat(&v, ANON_CAT_EMAIL), "findings say what was removed");
        CHECK(!strstr(v.result->text, mp.identity.name), "the imported identity's name is gone too");
        const char *msg = NULL;
        CHECK_INTEQ(myp_mark(&mp, a, &v, true, "Jenkins", &msg), 0, "mark a missed text");
        CHECK_INTEQ(myp_mark(&mp, a, &v, true, "Quetzalcoatl", &msg), -EINVAL, "a text not in the profile");
        CHECK(msg != NULL, "... with a message");
        CHECK_INTEQ(myp_mark(&mp, a, &v, true, "x", &msg), -EINVAL, "too short");
        char long_mark[MYP_MARK_MAX_BYTES + 2];
        memset(long_mark, 'a', sizeof long_mark - 1);
        long_mark[sizeof long_mark - 1] = '\0';
        CHECK_INTEQ(myp_mark(&mp, a, &v, false, long_mark, &msg), -EINVAL, "over MYP_MARK_MAX_BYTES");
        MyProfile full = mp;
        int r = 0;
        for (int i = 0; i < MYP_MAX_MARKS && r == 0; i++)
                r = myp_mark(&full, a, &v, false, arena_printf(a, "keep %d", i), &msg);
        CHECK(r == 0 && full.n_keep == MYP_MAX_MARKS, "MYP_MAX_MARKS keep marks fit");
        CHECK_INTEQ(myp_mark(&full, a, &v, false, "one more", &msg), -E2BIG, "one more is refused");
        CHECK_INTEQ(myp_mark(&full, a, &v, false, "keep 7", &msg), 0, "a mark already there is no new mark");
        CHECK_INTEQ(myp_view(x, a, &mp, "Zofia Kowalska", "zofia.k@example.org", LANG_EN, &v), 0, "view again");
        CHECK(!strstr(v.result->text, "Jenkins") && has_cat(&v, ANON_CAT_FORCED), "the marked text is removed");
        CHECK_INTEQ(myp_unmark(&mp, true, 0), 0, "mark taken back");
        CHECK_INTEQ(myp_unmark(&mp, true, 0), -ENOENT, "no such mark");
        const char *emp = NULL;
        CHECK_INTEQ(myp_employer_text(x, a, uid, &emp), -ENOENT, "employers see nothing before approval");
        CHECK_INTEQ(myp_view(x, a, &mp, "Zofia Kowalska", "zofia.k@example.org", LANG_EN, &v), 0, "view");
        CHECK(!v.approved_current, "not approved yet");
        myp_approve(&mp, &v, 1000);
        CHECK_INTEQ(myp_save(x, a, uid, &mp), 0, "approval saved");
        CHECK(myp_employer_text(x, a, uid, &emp) == 0 && strcmp(emp, v.result->text) == 0,
              "employers see exactly the approved text");
        CHECK(!strstr(emp, "Kowalska"), "which has no name");
        mp.p.summary = "I changed my summary.";
        CHECK_INTEQ(myp_view(x, a, &mp, "Zofia Kowalska", "zofia.k@example.org", LANG_EN, &v), 0, "view");
        CHECK(!v.approved_current, "a changed profile needs a new approval");
        CHECK_INTEQ(myp_save(x, a, uid, &mp), 0, "saved");
        CHECK(myp_employer_text(x, a, uid, &emp) == 0 && !strstr(emp, "changed my summary"),
              "employers keep the approved version until the candidate approves again");
}

static void test_cv(const MypCtx *x, Arena *a, int64_t uid) {
        MyProfile mp;
        CHECK(myp_load(x, a, uid, &mp) == 0, "loaded");
        const char *cv = "Maria Ionescu\nSkills: Python, SQL, project management\n";
        int n = -1;
        size_t images = 9;
        CHECK_INTEQ(myp_take_cv(x, a, &mp, cv, strlen(cv), &n, &images), 0, "a text CV taken");
        CHECK(mp.cv_text && strstr(mp.cv_text, "Python") && images == 0, "its text kept");
        CHECK(n >= 1, "skills proposed from it (%d)", n);
        CHECK_INTEQ(myp_take_cv(x, a, &mp, "%PDF-1.4 broken", 15, &n, NULL), -EINVAL, "a broken PDF refused");
        CHECK_INTEQ(myp_take_cv(x, a, &mp, "", 0, &n, NULL), -EINVAL, "an empty file refused");
        char *big = calloc(1, MYP_CV_MAX_BYTES + 1);
        memset(big, 'a', MYP_CV_MAX_BYTES + 1);
        CHECK_INTEQ(myp_take_cv(x, a, &mp, big, MYP_CV_MAX_BYTES + 1, &n, NULL), -E2BIG, "over MYP_CV_MAX_BYTES");
        memset(big, ' ', MYP_CV_TEXT_MAX + 1);
        CHECK_INTEQ(myp_take_cv(x, a, &mp, big, MYP_CV_TEXT_MAX + 1, &n, NULL), -E2BIG, "text over MYP_CV_TEXT_MAX");
        free(big);
        CHECK(mp.cv_text && strstr(mp.cv_text, "Python"), "the refused files left the CV as it was");
}

int main(void) {
        char dir[] = "/tmp/td-myp-XXXXXX", url[128], keys[96];
        CHECK(auth_init() == 0 && mkdtemp(dir) != NULL, "setup");
        snprintf(url, sizeof(url), "sqlite:%s/t.db", dir);
        snprintf(keys, sizeof(keys), "%s/keys", dir);
        Store *s = NULL;
        Vault *v = NULL;
        CHECK(store_open(url, 2, &s) == 0 && store_migrate(s, NULL) == 0, "store opened and migrated");
        CHECK(vault_open(keys, 1, &v) == 0, "vault");
        int err = 0;
        AnonEngine *e = anon_engine_new(paths_datadir(), &err);
        EscoIndex *esco = NULL;
        EscoError eerr;
        CHECK(e != NULL, "anonymiser loaded (%d)", err);
        CHECK(esco_index_load_dir("data/esco", &esco, &eerr) == 0, "ESCO loaded");
        MypCtx x = { s, v, esco, e };
        AcctCtx ax = { s, v };
        Arena *a = arena_new();
        int64_t uid = add_user(&ax, a, "zofia@example.org", "Zofia Kowalska");
        test_import_save(&x, a, uid);
        test_view(&x, a, uid);
        test_cv(&x, a, uid);
        int64_t nc = 0, ns = 0;
        CHECK(store_candidates_count(s, &nc, &ns) == 0 && nc == 1, "the profile is mirrored for matching");
        CHECK_INTEQ(acct_erase(&ax, a, uid), 0, "account erased");
        ProfileRow row;
        CHECK_INTEQ(store_profile_get(s, a, uid, &row), -ENOENT, "the profile went with it");
        CHECK(store_candidates_count(s, &nc, &ns) == 0 && nc == 0, "and its mirror");
        arena_free(a);
        anon_engine_free(e);
        esco_index_free(esco);
        vault_free(v);
        store_close(s);
        char cmd[160];
        snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
        CHECK(system(cmd) == 0, "cleanup");
        return test_done();
}
