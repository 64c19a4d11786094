/* Files in and out of a profile: importing a Europass or JSON Resume file,
 * uploading a CV document, and downloading the profile as Europass XML or
 * JSON Resume. */
#include <errno.h>
#include <string.h>

#include "web/profile.h"

static const char *io_msgid(int r, const ProfileIoError *err) {
        if (r == -E2BIG)
                return N_("The file is too large or holds too many entries.");
        return err->msgid ? err->msgid : N_("This file could not be read. Use a Europass CV (XML) or a JSON Resume file.");
}

/* The uploaded file and the profile it goes into; 1 when the page with
 * the error has been written instead. */
static int upload_start(HttpRequest *req, const HttpFile **ret_file, MyProfile *ret) {
        *ret_file = req_file(req, "file");
        if (!*ret_file || (*ret_file)->len == 0) {
                int r = prof_overview_with(req, N_("Choose a file to upload."));
                return r < 0 ? r : 1;
        }
        return prof_load(req, ret);
}

int post_profile_import(HttpRequest *req) {
        const HttpFile *f;
        MyProfile mp;
        int r = upload_start(req, &f, &mp);
        if (r != 0)
                return r < 0 ? r : 0;
        ProfileIoError err = { 0 };
        r = myp_import(MYP(req), req->arena, &mp, f->data, f->len, &err);
        if (r == -EINVAL || r == -E2BIG)
                return prof_overview_with(req, io_msgid(r, &err));
        if (r < 0)
                return r;
        return prof_save_redirect(req, &mp, "/skills");
}

int post_profile_cv(HttpRequest *req) {
        const HttpFile *f;
        MyProfile mp;
        int r = upload_start(req, &f, &mp);
        if (r != 0)
                return r < 0 ? r : 0;
        r = myp_take_cv(MYP(req), req->arena, &mp, f->data, f->len, NULL, NULL);
        if (r == -E2BIG)
                return prof_overview_with(req, N_("The file is too large: up to 10 MB and 1 MB of text."));
        if (r == -EINVAL)
                return prof_overview_with(req, N_("This file could not be read. Use a PDF with text (not a scan), a Word (.docx) or an OpenDocument (.odt) file."));
        if (r < 0)
                return r;
        return prof_save_redirect(req, &mp, "/skills");
}

static int download(HttpRequest *req, int europass) {
        MyProfile mp;
        int r = prof_load(req, &mp);
        if (r < 0)
                return r;
        StrBuf *b = resp_body(req);
        r = europass ? europass_export(&mp.p, &mp.identity, b) : jsonresume_export(&mp.p, &mp.identity, b);
        if (r < 0)
                return r;
        req->resp.content_type = europass ? "application/xml" : "application/json";
        return resp_header(req, "Content-Disposition",
                           europass ? "attachment; filename=\"europass-cv.xml\"" : "attachment; filename=\"resume.json\"");
}

int get_profile_europass(HttpRequest *req) { return download(req, 1); }
int get_profile_jsonresume(HttpRequest *req) { return download(req, 0); }
