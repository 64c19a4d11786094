#include <errno.h>
#include <string.h>

#include "http/http.h"
#include "test.h"

static int h_ok(HttpRequest *req) {
        (void)req;
        return 0;
}

static const ParamSpec p_city[] = {
        { .name = "slug", .in = PARAM_PATH, .type = PT_SLUG, .required = 1 },
        { .name = "page", .in = PARAM_QUERY, .type = PT_INT },
        { .name = "q", .in = PARAM_QUERY, .type = PT_STRING, .max_len = 10 },
        { .name = "when", .in = PARAM_QUERY, .type = PT_DATE },
        { .name = "note", .in = PARAM_FORM, .type = PT_TEXT, .required = 1 },
        { 0 },
};

static const Route routes[] = {
        { "GET", "/", h_ok, ROUTE_HTML, NULL, 0, NULL },
        { "GET", "/cities/{slug}", h_ok, ROUTE_HTML, p_city, 0, NULL },
        { "POST", "/cities/{slug}/notes", h_ok, ROUTE_HTML, p_city, 0, NULL },
        { "GET", "/reports/{quarter}.pdf", h_ok, ROUTE_OTHER, NULL, 0, NULL },
        { "GET", "/reports/{quarter}", h_ok, ROUTE_HTML, NULL, 0, NULL },
};

static int match(HttpRequest *req, Arena *a, const char *method, const char *path, int *mismatch) {
        memset(req, 0, sizeof(*req));
        req->arena = a;
        req->method = method;
        req->path = path;
        *mismatch = 0;
        return router_match(routes, 5, req, mismatch);
}

static void test_match(void) {
        Arena *a = arena_new();
        HttpRequest req;
        int mm;
        CHECK(match(&req, a, "GET", "/", &mm) == 0 && req.route_index == 0, "root matches");
        CHECK(match(&req, a, "GET", "/cities/idrija", &mm) == 0 && req.route_index == 1 && req.npath == 1 &&
                      strcmp(req.path_params[0].value, "idrija") == 0,
              "path parameter bound");
        CHECK(match(&req, a, "HEAD", "/cities/idrija", &mm) == 0, "HEAD is served by GET routes");
        CHECK(match(&req, a, "GET", "/cities/", &mm) == -ENOENT, "empty segment does not match");
        CHECK(match(&req, a, "GET", "/cities/a/b", &mm) == -ENOENT, "extra segment does not match");
        CHECK(match(&req, a, "DELETE", "/", &mm) == -ENOENT && mm == 1, "wrong method is reported as such");
        CHECK(match(&req, a, "GET", "/nope", &mm) == -ENOENT && mm == 0, "unknown path");
        CHECK(match(&req, a, "GET", "/reports/2024Q2.pdf", &mm) == 0 && req.route_index == 3 &&
                      strcmp(req.path_params[0].value, "2024Q2") == 0,
              "a parameter followed by a literal suffix stops before it");
        CHECK(match(&req, a, "GET", "/reports/2024Q2", &mm) == 0 && req.route_index == 4 &&
                      strcmp(req.path_params[0].value, "2024Q2") == 0,
              "without the suffix the plain pattern matches");
        CHECK(match(&req, a, "GET", "/reports/.pdf", &mm) == 0 && req.route_index == 4,
              "an empty value before the suffix does not match the suffixed pattern");
        arena_free(a);
}

static int validate(const char *slug, HttpKV *query, int nq, HttpKV *form, int nf) {
        static Arena *a;
        if (!a)
                a = arena_new();
        HttpRequest req = { .arena = a, .route = &routes[2], .query = query, .nquery = nq, .form = form, .nform = nf };
        req.path_params[0] = (HttpKV){ "slug", slug };
        req.npath = 1;
        return router_validate(&req);
}

static void test_validate(void) {
        HttpKV note = { "note", "hello\nworld" };
        CHECK(validate("idrija", NULL, 0, &note, 1) == 0, "valid request");
        CHECK(validate("Idrija", NULL, 0, &note, 1) == -EINVAL, "slug must be lower case");
        CHECK(validate("<script>", NULL, 0, &note, 1) == -EINVAL, "hostile slug rejected");
        CHECK(validate("idrija", NULL, 0, NULL, 0) == -EINVAL, "missing required field");
        HttpKV empty = { "note", "" };
        CHECK(validate("idrija", NULL, 0, &empty, 1) == -EINVAL, "empty required field counts as missing");
        HttpKV q1[] = { { "page", "12a" } };
        CHECK(validate("idrija", q1, 1, &note, 1) == -EINVAL, "non-numeric int");
        HttpKV q2[] = { { "page", "99999999999999999999" } };
        CHECK(validate("idrija", q2, 1, &note, 1) == -EINVAL, "int overflow");
        HttpKV q3[] = { { "q", "12345678901" } };
        CHECK(validate("idrija", q3, 1, &note, 1) == -E2BIG, "over max length");
        HttpKV q4[] = { { "q", "a\r\nb: x" } };
        CHECK(validate("idrija", q4, 1, &note, 1) == -EINVAL, "CR/LF rejected in one-line fields");
        HttpKV q5[] = { { "q", "bad\xff" } };
        CHECK(validate("idrija", q5, 1, &note, 1) == -EINVAL, "invalid UTF-8 rejected");
        HttpKV q6[] = { { "when", "2024-02-30" } };
        CHECK(validate("idrija", q6, 1, &note, 1) == -EINVAL, "impossible date rejected");
        HttpKV q7[] = { { "when", "2024-02-29" } };
        CHECK(validate("idrija", q7, 1, &note, 1) == 0, "leap day accepted");
        HttpKV q8[] = { { "when", "2023-02-29" } };
        CHECK(validate("idrija", q8, 1, &note, 1) == -EINVAL, "non-leap 29 February rejected");
}

static void test_status(void) {
        CHECK_INTEQ(http_status_for(-EINVAL), 400, "EINVAL is 400");
        CHECK_INTEQ(http_status_for(-ENOENT), 404, "ENOENT is 404");
        CHECK_INTEQ(http_status_for(-E2BIG), 413, "E2BIG is 413");
        CHECK_INTEQ(http_status_for(-EACCES), 403, "EACCES is 403");
        CHECK_INTEQ(http_status_for(-EIO), 500, "EIO is 500");
        CHECK_STREQ(http_reason(413), "Content Too Large", "reason phrase");
}

int main(void) {
        test_match();
        test_validate();
        test_status();
        return test_done();
}
