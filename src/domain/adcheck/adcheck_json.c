/* The JSON form of a result, shared by the command and the JSON API. */
#include <jansson.h>

#include "domain/adcheck/adcheck.h"

static json_t *finding_json(const AdcheckFinding *f, Lang ui) {
        const char *sugg = f->suggestion_is_msgid ? i18n_gettext(ui, f->suggestion) : f->suggestion;
        return json_pack("{s:s, s:I, s:I, s:s, s:s, s:s, s:s}", "category", adcheck_category_name(f->category),
                         "start", (json_int_t)f->start, "end", (json_int_t)f->end, "text", f->text ? f->text : "",
                         "severity", adcheck_severity_name(f->severity), "message", i18n_gettext(ui, f->message),
                         "suggestion", sugg ? sugg : "");
}

struct json_t *adcheck_result_to_json(const AdcheckResult *r, Lang ui_lang) {
        if (!r)
                return NULL;
        json_t *arr = json_array();
        for (size_t i = 0; arr && i < r->n_findings; i++) {
                if (json_array_append_new(arr, finding_json(&r->findings[i], ui_lang)) < 0) {
                        json_decref(arr);
                        return NULL;
                }
        }
        if (!arr)
                return NULL;
        return json_pack("{s:s, s:o, s:{s:I, s:I}}", "lang", lang_code(r->lang), "findings", arr, "coded",
                         "masculine", (json_int_t)r->masculine, "feminine", (json_int_t)r->feminine);
}
