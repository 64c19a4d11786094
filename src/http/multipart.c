/* multipart/form-data bodies (HTML file uploads), parsed with
 * libmicrohttpd's post processor over the body the server has already
 * buffered: text fields join req->form, file fields req->files. */
#include <errno.h>
#include <string.h>
#include <strings.h>

#include <microhttpd.h>

#include "http/multipart.h"

#define MP_BUFFER 16384 /* the post processor's working buffer */

typedef struct MpState {
        HttpRequest *req;
        StrBuf cur;        /* value of the field being read */
        const char *key;   /* its name (arena) */
        const char *fname; /* its file name, NULL for a text field */
        const char *ctype;
        int err;
} MpState;

/* Stores the finished field (if any) in the request. */
static int mp_flush(MpState *st) {
        HttpRequest *req = st->req;
        if (!st->key)
                return 0;
        if (st->cur.err)
                return st->cur.err;
        char *v = arena_alloc(req->arena, st->cur.len + 1);
        if (!v)
                return -ENOMEM;
        if (st->cur.len)
                memcpy(v, st->cur.data, st->cur.len);
        v[st->cur.len] = '\0';
        if (st->fname) {
                if (req->nfiles >= HTTP_FILES_MAX)
                        return -E2BIG;
                req->files[req->nfiles++] = (HttpFile){ st->key, st->fname, st->ctype, v, st->cur.len };
        } else {
                if (req->nform >= HTTP_FORM_FIELDS_MAX)
                        return -E2BIG;
                if (strlen(v) != st->cur.len)
                        return -EINVAL; /* NUL inside a text field */
                req->form[req->nform++] = (HttpKV){ st->key, v };
        }
        st->key = NULL;
        strbuf_reset(&st->cur);
        return 0;
}

static enum MHD_Result mp_iter(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
                               const char *content_type, const char *transfer_encoding, const char *data,
                               uint64_t off, size_t size) {
        (void)kind;
        (void)transfer_encoding;
        MpState *st = cls;
        if (off == 0 || !st->key || strcmp(st->key, key ? key : "") != 0) {
                int r = mp_flush(st);
                if (r < 0) {
                        st->err = r;
                        return MHD_NO;
                }
                st->key = arena_strdup(st->req->arena, key ? key : "");
                st->fname = filename ? arena_strdup(st->req->arena, filename) : NULL;
                st->ctype = content_type ? arena_strdup(st->req->arena, content_type) : NULL;
                if (!st->key) {
                        st->err = -ENOMEM;
                        return MHD_NO;
                }
                st->cur.limit = st->fname ? st->req->body_len + 1 : HTTP_PARAM_VALUE_MAX;
        }
        if (size)
                strbuf_append(&st->cur, data, size);
        if (st->cur.err) {
                st->err = st->cur.err;
                return MHD_NO;
        }
        return MHD_YES;
}

int http_multipart_parse(HttpRequest *req) {
        req->form = arena_alloc(req->arena, sizeof(HttpKV) * HTTP_FORM_FIELDS_MAX);
        req->files = arena_alloc(req->arena, sizeof(HttpFile) * HTTP_FILES_MAX);
        if (!req->form || !req->files)
                return -ENOMEM;
        MpState st = { .req = req };
        strbuf_init(&st.cur, HTTP_PARAM_VALUE_MAX);
        struct MHD_PostProcessor *pp = MHD_create_post_processor(req->conn, MP_BUFFER, mp_iter, &st);
        if (!pp) {
                strbuf_free(&st.cur);
                return -EINVAL; /* no boundary, or not a form */
        }
        enum MHD_Result ok = MHD_post_process(pp, req->body ? req->body : "", req->body_len);
        MHD_destroy_post_processor(pp);
        int r = st.err;
        if (r == 0 && ok != MHD_YES)
                r = -EINVAL;
        if (r == 0)
                r = mp_flush(&st);
        strbuf_free(&st.cur);
        return r;
}

const HttpFile *req_file(const HttpRequest *req, const char *name) {
        for (int i = 0; i < req->nfiles; i++)
                if (strcmp(req->files[i].name, name) == 0)
                        return &req->files[i];
        return NULL;
}
