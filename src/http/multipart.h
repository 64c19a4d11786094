/* multipart/form-data request bodies (internal to the HTTP layer). */
#ifndef TD_HTTP_MULTIPART_H
#define TD_HTTP_MULTIPART_H

#include "http/http.h"

/* Parses req->body: text fields into req->form, files into req->files
 * (both in the request arena). Returns 0, -EINVAL (malformed, NUL in a
 * text field), -E2BIG (over HTTP_FORM_FIELDS_MAX, HTTP_FILES_MAX or
 * HTTP_PARAM_VALUE_MAX for a text field), -ENOMEM. */
int http_multipart_parse(HttpRequest *req);

#endif
