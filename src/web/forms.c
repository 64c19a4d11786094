/* Form fields with labels, hints and errors tied together for assistive
 * technology. */
#include "web/web.h"

#include <string.h>

/* The label and the hint of a field. */
static void field_head(StrBuf *b, const char *id, const char *label, const char *hint) {
        html_lit(b, "<div class=\"field\"><label");
        html_attr(b, "for", id);
        html_lit(b, ">");
        html_text(b, label);
        html_lit(b, "</label>");
        if (hint) {
                html_lit(b, "<p class=\"hint\"");
                html_attrf(b, "id", "%s-hint", id);
                html_lit(b, ">");
                html_text(b, hint);
                html_lit(b, "</p>");
        }
}

void form_textarea(HttpRequest *req, StrBuf *b, const char *id, const char *label, const char *value,
                   const char *hint, int rows) {
        (void)req;
        field_head(b, id, label, hint);
        html_lit(b, "<textarea");
        html_attr(b, "id", id);
        html_attr(b, "name", id);
        html_attrf(b, "rows", "%d", rows);
        if (hint)
                html_attrf(b, "aria-describedby", "%s-hint", id);
        html_lit(b, ">");
        html_text(b, value ? value : "");
        html_lit(b, "</textarea></div>");
}

void form_field(HttpRequest *req, StrBuf *b, const char *id, const char *label, const char *type,
                const char *autocomplete, const char *value, const char *hint) {
        field_head(b, id, label, hint);
        html_lit(b, "<input");
        html_attr(b, "id", id);
        html_attr(b, "name", id);
        html_attr(b, "type", type);
        if (autocomplete)
                html_attr(b, "autocomplete", autocomplete);
        if (value)
                html_attr(b, "value", value);
        if (hint)
                html_attrf(b, "aria-describedby", "%s-hint", id);
        html_lit(b, "></div>");
}

void form_error(HttpRequest *req, StrBuf *b, const char *msgid) {
        html_lit(b, "<div class=\"error\" role=\"alert\"><p>");
        html_text(b, T(req, msgid));
        html_lit(b, "</p></div>");
}

void form_option(StrBuf *b, const char *value, const char *label, const char *current) {
        html_lit(b, "<option");
        html_attr(b, "value", value);
        if (current && strcmp(current, value) == 0)
                html_lit(b, " selected");
        html_lit(b, ">");
        html_text(b, label);
        html_lit(b, "</option>");
}

void form_notice(StrBuf *b, const char *text) {
        html_lit(b, "<div class=\"notice\" role=\"status\"><p>");
        html_text(b, text);
        html_lit(b, "</p></div>");
}
