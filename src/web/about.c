/* GET /about — what the platform is, its licence, data sources and
 * accessibility statement. */
#include "web/web.h"

static void para(HttpRequest *req, StrBuf *b, const char *msgid) {
        html_lit(b, "<p>");
        html_text(b, T(req, msgid));
        html_lit(b, "</p>");
}

int page_about(HttpRequest *req) {
        StrBuf *b = page_head(req, T(req, "About this platform"), NULL, NULL);
        para(req, b, N_("This platform supports the TechDiversity network: a job platform with blind pairing for "
                     "under-represented groups, and a workspace where each city's local group writes its "
                     "Integrated Action Plan."));
        html_lit(b, "<h2>");
        html_text(b, T(req, "Accessibility"));
        html_lit(b, "</h2>");
        para(req, b, N_("We aim to meet WCAG 2.2 level AA (EN 301 549). Every page works without JavaScript, by "
                     "keyboard alone, with a screen reader, zoomed to 200 percent and on small screens."));
        para(req, b, N_("If something does not work for you, please tell your city's local group coordinator."));
        html_lit(b, "<h2>");
        html_text(b, T(req, "Data sources"));
        html_lit(b, "</h2>");
        para(req, b, N_("This service uses the ESCO classification of the European Commission."));
        para(req, b, N_("ESCO version 1.1.1, published under the Creative Commons Attribution 4.0 licence. "
                        "We ship the English skills, occupations, their relations and the digital skills "
                        "collection, with unused columns removed and the files compressed; the labels are unchanged. "
                        "The European Commission does not endorse this service."));
        html_lit(b, "<p><a href=\"https://esco.ec.europa.eu/\" lang=\"en\">ESCO — European Skills, Competences, "
                    "Qualifications and Occupations</a></p>");
        html_lit(b, "<h2>");
        html_text(b, T(req, "Free software"));
        html_lit(b, "</h2>");
        para(req, b, N_("techdiv is free software under the GNU Affero General Public License, version 3 or later. "
                     "Any city or organisation may run it on its own server."));
        page_end(req);
        return 0;
}
