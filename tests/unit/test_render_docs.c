/* Export writers end to end on a realistic Greek + English plan: the PDF
 * is checked with pdfinfo/pdftotext, DOCX/ODT/XLSX are unzipped and every
 * XML part parsed with libxml2, the .ics is parsed back with libical.
 * Escaping of <, &, quotes and CR/LF is checked in every format. */
#include <errno.h>
#include <libical/ical.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "domain/iap/export.h"
#include "iap_fixture.h"
#include "render/ics.h"
#include "test.h"

static char tmpdir[4096];
static IapTools *tools;

static const char *write_tmp(const char *name, const StrBuf *b) {
        static char path[4200];
        snprintf(path, sizeof path, "%s/%s", tmpdir, name);
        FILE *f = fopen(path, "wb");
        if (!f)
                return NULL;
        fwrite(b->data, 1, b->len, f);
        fclose(f);
        return path;
}

/* Output of a shell command (test code only). Caller frees. */
static char *run(const char *fmt, const char *arg) {
        char cmd[8600];
        snprintf(cmd, sizeof cmd, fmt, arg);
        FILE *p = popen(cmd, "r");
        if (!p)
                return NULL;
        StrBuf b = STRBUF_INIT;
        char buf[8192];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, p)) > 0)
                strbuf_append(&b, buf, n);
        int rc = pclose(p);
        if (rc != 0) {
                strbuf_free(&b);
                return NULL;
        }
        return strbuf_detach(&b, NULL);
}

/* Removes all whitespace in place: PDF text wraps inside table cells. */
static char *squash(char *s) {
        char *w = s;
        for (const char *r = s; r && *r; r++)
                if (!strchr(" \t\r\n\f", *r))
                        *w++ = *r;
        if (w)
                *w = '\0';
        return s;
}

static size_t count(const char *hay, const char *needle) {
        size_t n = 0;
        for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
                n++;
        return n;
}

/* Reads one ZIP entry into a NUL-terminated heap buffer. */
static char *zip_part(zip_t *z, const char *name, size_t *ret_len) {
        zip_stat_t st;
        if (zip_stat(z, name, 0, &st) < 0)
                return NULL;
        zip_file_t *f = zip_fopen(z, name, 0);
        char *buf = f ? malloc(st.size + 1) : NULL;
        zip_int64_t n = buf ? zip_fread(f, buf, st.size) : -1;
        if (f)
                zip_fclose(f);
        if (n < 0 || (zip_uint64_t)n != st.size) {
                free(buf);
                return NULL;
        }
        buf[n] = '\0';
        if (ret_len)
                *ret_len = (size_t)n;
        return buf;
}

/* Opens the archive and parses every .xml/.rels part; returns the number
 * of parts that failed to parse, or -1 when the archive does not open. */
static int parse_all_parts(const StrBuf *b, zip_t **ret) {
        zip_error_t ze;
        zip_error_init(&ze);
        zip_source_t *src = zip_source_buffer_create(b->data, b->len, 0, &ze);
        zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
        zip_error_fini(&ze);
        if (!z)
                return -1;
        int bad = 0;
        for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); i++) {
                const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
                size_t nl = strlen(name);
                if (!(nl > 4 && (strcmp(name + nl - 4, ".xml") == 0 || strcmp(name + nl - 5, ".rels") == 0)))
                        continue;
                size_t len;
                char *x = zip_part(z, name, &len);
                xmlDocPtr doc = x ? xmlReadMemory(x, (int)len, name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING) : NULL;
                if (!doc) {
                        printf("# part %s does not parse\n", name);
                        bad++;
                }
                xmlFreeDoc(doc);
                free(x);
        }
        *ret = z;
        return bad;
}

/* Text content of a parsed part (escapes decoded). Caller frees. */
static char *part_text(zip_t *z, const char *name) {
        size_t len;
        char *x = zip_part(z, name, &len);
        xmlDocPtr doc = x ? xmlReadMemory(x, (int)len, name, NULL, XML_PARSE_NONET) : NULL;
        free(x);
        if (!doc)
                return NULL;
        xmlChar *t = xmlNodeGetContent(xmlDocGetRootElement(doc));
        char *r = strdup((const char *)t);
        xmlFree(t);
        xmlFreeDoc(doc);
        return r;
}

static Doc *plan_doc(Arena *a, Lang lang) {
        IapPlan *p = fixture_plan(a, 30, 40);
        Doc *d = NULL;
        int r = iap_plan_doc(p, tools, lang, NULL, a, &d);
        CHECK_INTEQ(r, 0, "plan document built in %s", lang_code(lang));
        return d;
}

static void test_pdf(void) {
        Arena *a = arena_new();
        StrBuf b = STRBUF_INIT;
        CHECK_INTEQ(doc_render_pdf(plan_doc(a, LANG_EL), &b), 0, "Greek PDF rendered");
        CHECK(b.len > 1000 && memcmp(b.data, "%PDF-", 5) == 0, "starts with %%PDF-");
        const char *path = write_tmp("iap-el.pdf", &b);
        char *info = run("pdfinfo '%s' 2>&1", path);
        CHECK(info != NULL, "pdfinfo accepts the file");
        int pages = 0;
        const char *pg = info ? strstr(info, "Pages:") : NULL;
        if (pg)
                pages = atoi(pg + 6);
        CHECK(pages >= 5, "several A4 pages (%d)", pages);
        CHECK(info && strstr(info, "Ολοκληρωμένο Σχέδιο Δράσης Τρικάλων"), "title metadata in Greek");
        CHECK(info && strstr(info, "595.276 x 841.89"), "A4 page size");
        CHECK(info && strstr(info, "Tagged:          yes"), "tagged PDF (structure for screen readers)");
        free(info);
        char *text = run("pdftotext -enc UTF-8 '%s' - 2>/dev/null", path);
        CHECK(text && strstr(text, "Πλαίσιο, ανάγκες και όραμα"), "section 1 heading in Greek");
        CHECK(text && strstr(text, "Πλαίσιο υλοποίησης"), "section 4 heading in Greek");
        CHECK(text && strstr(text, "Στερεότυπα στο σχολείο"), "problem tree cause");
        CHECK(text && strstr(text, "Τρίκαλα"), "city name");
        free(text);
        strbuf_reset(&b);
        CHECK_INTEQ(doc_render_pdf(plan_doc(a, LANG_EN), &b), 0, "English PDF rendered");
        path = write_tmp("iap-en.pdf", &b);
        text = squash(run("pdftotext -enc UTF-8 '%s' - 2>/dev/null", path));
        CHECK(text && strstr(text, "Tom&Jerry<script>alert(\"x\")</script>'quoted'linetwo"), "hostile text drawn literally");
        CHECK(text && count(text, "Progress(%)") >= 2, "details table header repeated across pages (%zu)",
              text ? count(text, "Progress(%)") : 0);
        CHECK(text && strstr(text, "Indicators:baseline,targetandlatestactual"), "chart title");
        free(text);
        strbuf_free(&b);
        arena_free(a);
}

static void test_docx(void) {
        Arena *a = arena_new();
        StrBuf b = STRBUF_INIT;
        CHECK_INTEQ(doc_render_docx(plan_doc(a, LANG_EN), &b), 0, "DOCX rendered");
        zip_t *z;
        int bad = parse_all_parts(&b, &z);
        CHECK_INTEQ(bad, 0, "DOCX opens and every XML part parses");
        if (bad < 0)
                return;
        char *raw = zip_part(z, "word/document.xml", NULL);
        CHECK(raw && strstr(raw, "<w:pStyle w:val=\"Heading1\"/>") && strstr(raw, "w:val=\"Heading2\""), "real heading styles");
        CHECK(raw && strstr(raw, "<w:tblHeader/>"), "table header row repeats");
        CHECK(raw && strstr(raw, "<w:numId w:val=\"1\"/>"), "bullet lists");
        CHECK(raw && strstr(raw, "Tom &amp; Jerry &lt;script&gt;"), "& and < escaped in the XML");
        CHECK(raw && strstr(raw, "'quoted'</w:t><w:br/><w:t xml:space=\"preserve\">line two"), "CR/LF became a line break");
        free(raw);
        char *text = part_text(z, "word/document.xml");
        CHECK(text && strstr(text, "Tom & Jerry <script>alert(\"x\")</script> 'quoted'"), "text round-trips through the parser");
        CHECK(text && strstr(text, "insufficient data (2025Q4)") && !strstr(text, "27 (2025Q4)"),
              "a platform figure below the minimum group size is not shown");
        CHECK(text && strstr(text, "Testing action: scale up"), "testing decision shown in the City Action Table");
        free(text);
        char *styles = zip_part(z, "word/styles.xml", NULL);
        CHECK(styles && strstr(styles, "heading 1") && strstr(styles, "<w:outlineLvl w:val=\"0\"/>"), "Heading 1 style with outline level");
        free(styles);
        char *ct = zip_part(z, "[Content_Types].xml", NULL);
        CHECK(ct && strstr(ct, "wordprocessingml.document.main+xml"), "content types");
        free(ct);
        char *core = part_text(z, "docProps/core.xml");
        CHECK(core && strstr(core, "Trikala Integrated Action Plan"), "core properties title");
        free(core);
        zip_close(z);
        strbuf_reset(&b);
        CHECK_INTEQ(doc_render_docx(plan_doc(a, LANG_EL), &b), 0, "Greek DOCX rendered");
        CHECK_INTEQ(parse_all_parts(&b, &z), 0, "Greek DOCX parses");
        text = part_text(z, "word/document.xml");
        CHECK(text && strstr(text, "Δράση 1: εργαστήρια κώδικα για κορίτσια"), "Greek action title");
        free(text);
        zip_close(z);
        strbuf_free(&b);
        arena_free(a);
}

static void test_stale_marker(void) {
        Arena *a = arena_new();
        IapPlan *p = fixture_plan(a, 5, 3);
        iap_text_set(a, &p->theme, LANG_EL, "Νέο θέμα: ποικιλομορφία στην τεχνολογία."); /* source edited */
        const struct {
                Lang lang;
                const char *want;
                bool marked;
        } cases[] = {{LANG_EN, "Diversity and inclusion in digital ecosystems. [translation out of date]", true},
                     {LANG_IT, "Diversity and inclusion in digital ecosystems. [traduzione non aggiornata]", true},
                     {LANG_EL, "Νέο θέμα: ποικιλομορφία στην τεχνολογία.", false}};
        for (size_t i = 0; i < 3; i++) {
                Doc *d;
                CHECK_INTEQ(iap_plan_doc(p, tools, cases[i].lang, NULL, a, &d), 0, "plan doc %s", lang_code(cases[i].lang));
                bool found = false, marker = false;
                for (const DocBlock *b = d->first; b; b = b->next)
                        if (b->kind == DOC_PARAGRAPH && b->text) {
                                found |= strcmp(b->text, cases[i].want) == 0;
                                marker |= strstr(b->text, "[") != NULL && strstr(b->text, "]") != NULL;
                        }
                CHECK(found, "stale translation %s shown as expected", lang_code(cases[i].lang));
                CHECK(marker == cases[i].marked, "marker only on the stale side (%s)", lang_code(cases[i].lang));
        }
        IcsCalendar c = {.name = "Line\nbreak", .dtstamp = 1719792000};
        StrBuf b = STRBUF_INIT;
        CHECK_INTEQ(ics_render(&c, &b), 0, "calendar without events");
        CHECK(strstr(strbuf_str(&b), "X-WR-CALNAME:Line break\r\n") != NULL, "newline in the calendar name flattened");
        strbuf_free(&b);
        arena_free(a);
}

static void test_odt(void) {
        Arena *a = arena_new();
        StrBuf b = STRBUF_INIT;
        CHECK_INTEQ(doc_render_odt(plan_doc(a, LANG_EN), &b), 0, "ODT rendered");
        zip_t *z;
        int bad = parse_all_parts(&b, &z);
        CHECK_INTEQ(bad, 0, "ODT opens and every XML part parses");
        if (bad < 0)
                return;
        zip_stat_t st;
        CHECK(zip_stat_index(z, 0, 0, &st) == 0 && strcmp(st.name, "mimetype") == 0 && st.comp_method == ZIP_CM_STORE,
              "mimetype first and stored");
        CHECK(b.len > 38 && memcmp(b.data + 30, "mimetype", 8) == 0, "mimetype at byte 30 as ODF requires");
        char *mt = zip_part(z, "mimetype", NULL);
        CHECK_STREQ(mt, "application/vnd.oasis.opendocument.text", "mimetype content");
        free(mt);
        char *raw = zip_part(z, "content.xml", NULL);
        CHECK(raw && strstr(raw, "text:outline-level=\"1\"") && strstr(raw, "Heading_20_2"), "headings with outline levels");
        CHECK(raw && strstr(raw, "<table:table-header-rows>"), "table header rows");
        CHECK(raw && strstr(raw, "office:value-type=\"float\" office:value=\"12500.00\""), "budget cell is a number");
        CHECK(raw && strstr(raw, "'quoted'<text:line-break/>line two"), "CR/LF became a line break");
        free(raw);
        char *text = part_text(z, "content.xml");
        CHECK(text && strstr(text, "Tom & Jerry <script>alert(\"x\")</script>"), "hostile text round-trips");
        free(text);
        char *man = zip_part(z, "META-INF/manifest.xml", NULL);
        CHECK(man && strstr(man, "content.xml") && strstr(man, "styles.xml"), "manifest lists the parts");
        free(man);
        zip_close(z);
        strbuf_free(&b);
        arena_free(a);
}

static void test_xlsx(void) {
        Arena *a = arena_new();
        StrBuf b = STRBUF_INIT;
        CHECK_INTEQ(doc_render_xlsx(plan_doc(a, LANG_EL), &b), 0, "XLSX rendered");
        zip_t *z;
        int bad = parse_all_parts(&b, &z);
        CHECK_INTEQ(bad, 0, "XLSX opens and every XML part parses");
        if (bad < 0)
                return;
        char *wb = zip_part(z, "xl/workbook.xml", NULL);
        size_t sheets = wb ? count(wb, "<sheet ") : 0;
        CHECK(sheets >= 10, "one sheet per table (%zu)", sheets);
        free(wb);
        char *s1 = zip_part(z, "xl/worksheets/sheet1.xml", NULL);
        CHECK(s1 && strstr(s1, "state=\"frozen\""), "header row frozen");
        CHECK(s1 && strstr(s1, "<cols>"), "column widths set");
        free(s1);
        char *ss = part_text(z, "xl/sharedStrings.xml");
        CHECK(ss && strstr(ss, "Δράση 1: εργαστήρια κώδικα για κορίτσια"), "Greek text in shared strings");
        free(ss);
        char *styles = zip_part(z, "xl/styles.xml", NULL);
        CHECK(styles && strstr(styles, "<b/>"), "a bold format exists for the header");
        free(styles);
        /* Action details: budget and progress are numbers (cells without t="s"). */
        int numeric = 0;
        for (int i = 1; i <= 20 && !numeric; i++) {
                char name[64];
                snprintf(name, sizeof name, "xl/worksheets/sheet%d.xml", i);
                char *x = zip_part(z, name, NULL);
                numeric = x && strstr(x, "<v>12500</v>") != NULL;
                free(x);
        }
        CHECK(numeric, "budget 12500.00 stored as the number 12500");
        zip_close(z);
        strbuf_reset(&b);
        CHECK_INTEQ(doc_render_xlsx(plan_doc(a, LANG_EN), &b), 0, "English XLSX rendered");
        CHECK_INTEQ(parse_all_parts(&b, &z), 0, "English XLSX parses");
        char *raw = zip_part(z, "xl/sharedStrings.xml", NULL);
        CHECK(raw && strstr(raw, "Tom &amp; Jerry &lt;script&gt;"), "& and < escaped in the XML");
        free(raw);
        ss = part_text(z, "xl/sharedStrings.xml");
        CHECK(ss && strstr(ss, "Tom & Jerry <script>alert(\"x\")</script> 'quoted'\nline two"),
              "hostile text with its line break round-trips");
        free(ss);
        zip_close(z);
        strbuf_free(&b);
        arena_free(a);
}

static void test_ics(void) {
        Arena *a = arena_new();
        IapPlan *p = fixture_plan(a, 30, 40);
        const IapPlan *plans[] = {p};
        IcsEvent roadmap = {.uid = "network-cnm4@techdiv.example.org", .summary = "CNM4 Idrija", .location = "Idrija",
                            .all_day = true, .start_date = "2024-09-17", .end_date = "2024-09-18",
                            .categories = {"Network meeting"}, .n_categories = 1};
        StrBuf b = STRBUF_INIT;
        CHECK_INTEQ(iap_export_calendar(plans, 1, &roadmap, 1, LANG_EL, "TechDiversity — Τρίκαλα", "techdiv.example.org", 1719792000, &b), 0,
                    "city calendar rendered");
        const char *ics = strbuf_str(&b);
        CHECK(strncmp(ics, "BEGIN:VCALENDAR\r\n", 17) == 0, "CRLF line endings");
        CHECK(strstr(ics, "METHOD:PUBLISH\r\n") && strstr(ics, "VERSION:2.0\r\n") && strstr(ics, "PRODID:"), "calendar header");
        CHECK(strstr(ics, "X-WR-CALNAME:TechDiversity — Τρίκαλα"), "calendar name");
        CHECK(strstr(ics, "UID:trikala-meeting-ulg2@techdiv.example.org"), "stable meeting UID");
        CHECK(strstr(ics, "UID:trikala-milestone-a1-m1@techdiv.example.org"), "stable milestone UID");
        CHECK(strstr(ics, "DTSTART;VALUE=DATE:20240220\r\n") && strstr(ics, "DTEND;VALUE=DATE:20240221\r\n"),
              "all-day event as DATE values with exclusive end");
        CHECK(strstr(ics, "DTSTAMP:20240701T000000Z"), "DTSTAMP in UTC");
        CHECK(strstr(ics, "Όραμα\\, στόχοι\\; δοκιμαστικές"), "commas and semicolons escaped");
        size_t longest = 0;
        for (const char *l = ics; *l;) {
                const char *e = strstr(l, "\r\n");
                size_t n = e ? (size_t)(e - l) : strlen(l);
                longest = n > longest ? n : longest;
                l += n + (e ? 2 : 0);
        }
        CHECK(longest <= 75, "lines folded at 75 octets (longest %zu)", longest);
        icalcomponent *cal = icalparser_parse_string(ics);
        CHECK(cal != NULL, "libical parses it back");
        int events = 0, loc_ok = 0;
        for (icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
             e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
                events++;
                const char *loc = icalcomponent_get_location(e);
                loc_ok |= loc && strcmp(loc, "Δημαρχείο Τρικάλων, Αίθουσα \"Α\"") == 0;
        }
        CHECK_INTEQ(events, 24, "3 meetings + 20 milestones + 1 roadmap event");
        CHECK(strstr(ics, "DTSTART;VALUE=DATE:20240917\r\nDTEND;VALUE=DATE:20240919\r\n"), "two-day event ends the day after");
        CHECK(loc_ok, "location with comma and quotes round-trips");
        icalcomponent_free(cal);
        strbuf_free(&b);
        /* Hostile event text and bad input. */
        IcsEvent ev = {.uid = "x-1@h", .summary = "A, B; C\r\n<script>&amp;", .description = "line1\rline2\x01",
                       .all_day = false, .start = 1719792000, .end = 1719799200,
                       .categories = {"ULG, local"}, .n_categories = 1};
        IcsCalendar c = {.name = "N", .dtstamp = 1719792000, .events = &ev, .n_events = 1};
        StrBuf h = STRBUF_INIT;
        CHECK_INTEQ(ics_render(&c, &h), 0, "hostile event rendered");
        cal = icalparser_parse_string(strbuf_str(&h));
        icalcomponent *e = cal ? icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT) : NULL;
        CHECK_STREQ(e ? icalcomponent_get_summary(e) : NULL, "A, B; C\n<script>&amp;", "summary round-trips (CR dropped)");
        CHECK_STREQ(e ? icalcomponent_get_description(e) : NULL, "line1\nline2", "lone CR becomes LF, controls dropped");
        CHECK(strstr(strbuf_str(&h), "DTSTART:20240701T000000Z"), "timed event in UTC");
        icalcomponent_free(cal);
        strbuf_free(&h);
        static const IcsEvent bad[] = {
                {.uid = "u", .summary = "s", .all_day = true, .start_date = "2024-02-30"},
                {.uid = "u", .summary = "s", .all_day = true, .start_date = "2024-03-02", .end_date = "2024-03-01"},
                {.uid = "", .summary = "s", .all_day = true, .start_date = "2024-03-02"},
                {.uid = "u", .summary = "bad \xff", .all_day = true, .start_date = "2024-03-02"},
                {.uid = "u", .summary = "s", .start = 100, .end = 50},
        };
        for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
                IcsCalendar bc = {.name = "N", .events = &bad[i], .n_events = 1};
                StrBuf o = STRBUF_INIT;
                CHECK_INTEQ(ics_render(&bc, &o), -EINVAL, "bad event %zu refused", i);
                CHECK_INTEQ(o.len, 0, "nothing written for bad event %zu", i);
                strbuf_free(&o);
        }
        IcsEvent *evs;
        size_t nev;
        CHECK_INTEQ(iap_calendar_events(plans, 1, LANG_EN, "bad host", a, &evs, &nev), -EINVAL, "host with a space refused");
        arena_free(a);
}

static void test_report(void) {
        IapReportCity cities[] = {{"Trikala", "ULG3 agreed the vision; <b>bold</b> & more", 310},
                                  {"Bielsko-Biała", "Pierwsze działania testowe.", -1}};
        IapReportMeeting meetings[] = {{"2024-06-12", "CNM3 Bucharest", "Bucharest, SkyHUB", NULL, 38}};
        const char *hl[] = {"Confidence poll on integration: 3 out of 10"};
        IapReportEntry up[] = {{"17-18 September", "CNM4 – Workshops / Study visits", "Idrija", "All"}};
        IapReport r = {.network = "TechDiversity", .quarter = "2024Q2", .intro = "Network progress from April to June 2024",
                       .cities = cities, .n_cities = 2, .meetings = meetings, .n_meetings = 1, .highlights = hl,
                       .n_highlights = 1, .upcoming = up, .n_upcoming = 1};
        StrBuf b = STRBUF_INIT;
        CHECK_INTEQ(iap_export_report(&r, LANG_EN, DOC_FORMAT_PDF, &b), 0, "report PDF");
        const char *path = write_tmp("report.pdf", &b);
        char *text = run("pdftotext -enc UTF-8 '%s' - 2>/dev/null", path);
        CHECK(text && strstr(text, "Quarterly network report"), "report title");
        CHECK(text && strstr(text, "Bielsko-Biała") && strstr(text, "31 %"), "cities and progress");
        CHECK(text && strstr(text, "<b>bold</b> & more"), "markup shown as text");
        free(text);
        strbuf_reset(&b);
        CHECK_INTEQ(iap_export_report(&r, LANG_PL, DOC_FORMAT_DOCX, &b), 0, "report DOCX in Polish");
        zip_t *z;
        CHECK_INTEQ(parse_all_parts(&b, &z), 0, "report DOCX parses");
        zip_close(z);
        strbuf_free(&b);
        static const char *const bad_q[] = {"2024Q5", "2024-06", "24Q2", "", "2024Q2x"};
        for (size_t i = 0; i < sizeof bad_q / sizeof *bad_q; i++) {
                r.quarter = bad_q[i];
                StrBuf o = STRBUF_INIT;
                CHECK_INTEQ(iap_export_report(&r, LANG_EN, DOC_FORMAT_PDF, &o), -EINVAL, "quarter '%s' refused", bad_q[i]);
                strbuf_free(&o);
        }
}

static void test_model(void) {
        Arena *a = arena_new();
        Doc *d = doc_new(a, "T\x01itle \xff", "el");
        CHECK_STREQ(d->title, "Title \xef\xbf\xbd", "controls dropped, invalid UTF-8 replaced");
        CHECK_INTEQ(doc_heading(d, 4, "x"), -EINVAL, "heading level 4 refused");
        CHECK_INTEQ(doc_paragraph(d, "a\r\nb\rc"), 0, "paragraph");
        CHECK_STREQ(d->last->text, "a\nb\nc", "CR LF and CR normalised to LF");
        const char *hdr[DOC_TABLE_COLS_MAX + 1] = {0};
        DocTable *t;
        CHECK_INTEQ(doc_table(d, NULL, DOC_TABLE_COLS_MAX + 1, hdr, &t), -EINVAL, "too many columns");
        const char *h2[] = {"a", NULL};
        CHECK_INTEQ(doc_table(d, NULL, 2, h2, &t), 0, "NULL cell becomes empty");
        CHECK_STREQ(doc_cell(t, 0, 1), "", "empty cell");
        CHECK_STREQ(doc_cell(t, 9, 9), "", "out of range cell");
        int r = 0;
        for (size_t i = 0; r == 0 && i < DOC_TABLE_ROWS_MAX + 1; i++)
                r = doc_table_row(d, t, h2);
        CHECK_INTEQ(r, -E2BIG, "row limit");
        CHECK(doc_is_number("12500.00") && doc_is_number("-3") && !doc_is_number("1e5") && !doc_is_number(" 1") &&
                      !doc_is_number("") && !doc_is_number("1."),
              "number detection is strict");
        DocFormat f;
        CHECK(doc_format_parse("PDF", &f) == 0 && f == DOC_FORMAT_PDF && doc_format_parse("exe", &f) == -EINVAL, "format names");
        StrBuf b = STRBUF_INIT;
        Doc *empty = doc_new(a, "", "en");
        CHECK_INTEQ(doc_render_pdf(empty, &b), 0, "empty document renders");
        strbuf_reset(&b);
        CHECK_INTEQ(doc_render_xlsx(empty, &b), 0, "empty workbook renders");
        strbuf_free(&b);
        IapPlan *p = fixture_plan(a, 5, 3);
        p->actions[0].budget_cents = -1;
        Doc *out = NULL;
        CHECK_INTEQ(iap_plan_doc(p, tools, LANG_EL, NULL, a, &out), -EINVAL, "invalid plan is not exported");
        CHECK_INTEQ(iap_plan_doc(p, NULL, LANG_EL, NULL, a, &out), -EINVAL, "tools are required");
        arena_free(a);
}

static void test_rubric_docs(void) {
        Arena *a = arena_new();
        const IapTool *ru = iap_tools_get(tools, IAP_TOOL_RUBRIC);
        IapScore s1[] = {{"problem_analysis", 3, "Problem tree"}, {"three_pillars", 1, NULL}};
        IapScore s2[] = {{"problem_analysis", 5, "Evidence <b>&</b> data"}, {"three_pillars", 3, NULL},
                         {"consultation_meetings", 5, NULL}};
        IapRound before = {"2024-06-12", 1, s1, 2}, after = {"2025-03-01", 2, s2, 3};
        Doc *d;
        CHECK_INTEQ(iap_round_compare_doc(ru, "Idrija", &before, &after, LANG_SL, a, &d), 0, "before/after document");
        StrBuf b = STRBUF_INIT;
        CHECK_INTEQ(doc_render_pdf(d, &b), 0, "before/after PDF");
        char *text = squash(run("pdftotext -enc UTF-8 '%s' - 2>/dev/null", write_tmp("compare.pdf", &b)));
        CHECK(text && strstr(text, "Idrija") && strstr(text, "2024-06-12") && strstr(text, "2025-03-01"), "both round dates");
        CHECK(text && strstr(text, "Analizaproblema"), "indicator label in Slovene");
        CHECK(text && strstr(text, "4/55") && strstr(text, "13/55"), "grand totals 3+1=4 -> 5+3+5=13 of 55");
        CHECK(text && strstr(text, "Evidence<b>&</b>data"), "evidence shown as text");
        free(text);
        strbuf_reset(&b);
        const char *cities[] = {"Trikala", "Amarante", "Arezzo", "Bielsko-Biała", "Bucharest D6", "Idrija", "Larnaka", "Psachna"};
        const IapRound *rounds[] = {&before, &after, NULL, &after, &before, &after, &before, NULL};
        CHECK_INTEQ(iap_rounds_side_by_side_doc(ru, cities, rounds, 8, LANG_EL, a, &d), 0, "network side by side");
        CHECK_INTEQ(doc_render_docx(d, &b), 0, "side by side DOCX");
        zip_t *z;
        CHECK_INTEQ(parse_all_parts(&b, &z), 0, "side by side DOCX parses");
        text = part_text(z, "word/document.xml");
        CHECK(text && strstr(text, "Bielsko-Biała") && strstr(text, "Ανάλυση του προβλήματος"), "cities and Greek labels");
        CHECK(text && strstr(text, "δεν βαθμολογήθηκε"), "unscored marked in Greek");
        free(text);
        zip_close(z);
        strbuf_free(&b);
        const IapRound *many[DOC_TABLE_COLS_MAX] = {0};
        const char *names[DOC_TABLE_COLS_MAX] = {0};
        CHECK_INTEQ(iap_rounds_side_by_side_doc(ru, names, many, DOC_TABLE_COLS_MAX, LANG_EN, a, &d), -E2BIG, "too many cities");
        IapScore bad = {"problem_analysis", 2, NULL};
        IapRound rb = {"2025-01-01", 1, &bad, 1};
        CHECK_INTEQ(iap_round_compare_doc(ru, "X", &before, &rb, LANG_EN, a, &d), -EINVAL, "invalid round refused");
        arena_free(a);
}

static const char *aspect_answer(void *ctx, const char *item, const char *col, Lang lang) {
        (void)ctx;
        (void)lang;
        if (strcmp(col, "relevant") == 0)
                return strcmp(item, "spatial") == 0 ? "no" : "yes";
        if (strcmp(col, "why") == 0 && strcmp(item, "funding") == 0)
                return "ESF+ & RRF <both>";
        return NULL;
}

static const char *rubric_answer(void *ctx, const char *item, const char *col, Lang lang) {
        (void)ctx;
        (void)lang;
        if (strcmp(item, "problem_analysis") != 0)
                return NULL;
        return strcmp(col, "score") == 0 ? "3" : strcmp(col, "evidence") == 0 ? "Drzewo problemów" : NULL;
}

static void test_table_tools(void) {
        Arena *a = arena_new();
        Doc *d;
        CHECK_INTEQ(iap_table_tool_doc(iap_tools_get(tools, IAP_TOOL_ASPECTS12), "Bielsko-Biała", aspect_answer, NULL,
                                       LANG_PL, a, &d), 0, "12 aspects table in Polish");
        StrBuf b = STRBUF_INIT;
        CHECK_INTEQ(doc_render_xlsx(d, &b), 0, "12 aspects XLSX");
        zip_t *z;
        CHECK_INTEQ(parse_all_parts(&b, &z), 0, "XLSX parses");
        char *ss = part_text(z, "xl/sharedStrings.xml");
        CHECK(ss && strstr(ss, "Uruchomienie wszystkich dostępnych źródeł finansowania") && strstr(ss, "ESF+ & RRF <both>"),
              "Polish aspect labels and the answer");
        CHECK(ss && strstr(ss, "Tak") && strstr(ss, "Nie"), "yes/no as Tak/Nie");
        free(ss);
        zip_close(z);
        strbuf_reset(&b);
        CHECK_INTEQ(iap_table_tool_doc(iap_tools_get(tools, IAP_TOOL_RUBRIC), NULL, rubric_answer, NULL, LANG_PL, a, &d), 0,
                    "rubric table");
        CHECK_INTEQ(doc_render_docx(d, &b), 0, "rubric DOCX");
        CHECK_INTEQ(parse_all_parts(&b, &z), 0, "rubric DOCX parses");
        char *text = part_text(z, "word/document.xml");
        CHECK(text && strstr(text, "3: Słaba próba analizy problemu") && strstr(text, "Drzewo problemów"),
              "indications column from the tool, evidence from the city");
        free(text);
        zip_close(z);
        strbuf_reset(&b);
        CHECK_INTEQ(iap_table_tool_doc(iap_tools_get(tools, IAP_TOOL_INTEGRATION_GRID), NULL, aspect_answer, NULL, LANG_IT,
                                       a, &d), 0, "integration grid");
        CHECK_INTEQ(doc_render_odt(d, &b), 0, "grid ODT");
        CHECK_INTEQ(parse_all_parts(&b, &z), 0, "grid ODT parses");
        text = part_text(z, "content.xml");
        CHECK(text && strstr(text, "• Per esempio, FESR + FSE"), "grid descriptions as bullets");
        free(text);
        zip_close(z);
        strbuf_free(&b);
        CHECK_INTEQ(iap_table_tool_doc(iap_tools_get(tools, IAP_TOOL_CONFIDENCE_POLL), NULL, aspect_answer, NULL, LANG_EN,
                                       a, &d), -EINVAL, "a tool without columns is not a table");
        arena_free(a);
}

static void test_forms(void) {
        Arena *a = arena_new();
        IapPractice gp = {.id = "gp1", .kind = IAP_GOOD_PRACTICE, .partner = "Bucharest District 6",
                          .email = "mihaela.calin@example.org", .author = "Mihaela Călin", .body_in_charge = "Jobful (private)",
                          .title = "Jobs4all", .link = "Jobsforall.ro", .timescale = "June 2023 – ongoing",
                          .abstract = {.local_lang = LANG_RO, .en = "A job platform <meant> to increase access & \"fairness\"",
                                       .source = LANG_EN}};
        Doc *d;
        CHECK_INTEQ(iap_practice_doc(&gp, tools, false, LANG_EN, a, &d), 0, "good practice document");
        StrBuf b = STRBUF_INIT;
        CHECK_INTEQ(doc_render_odt(d, &b), 0, "good practice ODT");
        zip_t *z;
        CHECK_INTEQ(parse_all_parts(&b, &z), 0, "good practice ODT parses");
        char *text = part_text(z, "content.xml");
        CHECK(text && strstr(text, "Abstract of the practice") && strstr(text, "A job platform <meant> to increase access & \"fairness\""),
              "form labels from the definition file, values escaped");
        CHECK(text && strstr(text, "Jobful (private)") && !strstr(text, "mihaela.calin@example.org") && !strstr(text, "Mihaela"),
              "personal data left out unless asked for");
        free(text);
        zip_close(z);
        strbuf_reset(&b);
        CHECK_INTEQ(iap_practice_doc(&gp, tools, true, LANG_EN, a, &d), 0, "with personal data");
        CHECK_INTEQ(doc_render_docx(d, &b), 0, "good practice DOCX");
        CHECK_INTEQ(parse_all_parts(&b, &z), 0, "parses");
        text = part_text(z, "word/document.xml");
        CHECK(text && strstr(text, "mihaela.calin@example.org"), "e-mail included when asked");
        free(text);
        zip_close(z);
        strbuf_reset(&b);
        IapPractice ce = {.id = "ce1", .kind = IAP_CASE_EXAMPLE, .title = "Romanian Diversity Chamber of Commerce",
                          .testing_action = true, .study_visit = false};
        CHECK_INTEQ(iap_practice_doc(&ce, tools, false, LANG_RO, a, &d), 0, "case example in Romanian");
        CHECK_INTEQ(doc_render_odt(d, &b), 0, "case example ODT");
        CHECK_INTEQ(parse_all_parts(&b, &z), 0, "case example ODT parses");
        text = part_text(z, "content.xml");
        CHECK(text && strstr(text, "acțiune de testare locală?: Da") && strstr(text, "rețelei?: Nu"), "yes/no shown as Da/Nu");
        free(text);
        zip_close(z);
        strbuf_reset(&b);
        Arena *pa = arena_new();
        IapPlan *p = fixture_plan(pa, 5, 3);
        CHECK_INTEQ(iap_testing_doc(&p->testing[0], tools, LANG_EL, a, &d), 0, "testing canvas in Greek");
        CHECK_INTEQ(doc_render_pdf(d, &b), 0, "testing canvas PDF");
        text = squash(run("pdftotext -layout -enc UTF-8 '%s' - 2>/dev/null", write_tmp("testing.pdf", &b)));
        CHECK(text && strstr(text, "Θέλουμεναδοκιμάσουμεοιμέντορεςαυξάνουντησυμμετοχή"), "canvas field beside its value");
        CHECK(text && strstr(text, "ΑπόφασηΚλιμάκωση"), "decision label from the canvas");
        free(text);
        strbuf_free(&b);
        IapPractice bad = {.kind = (IapPracticeKind)9};
        CHECK_INTEQ(iap_practice_doc(&bad, tools, false, LANG_EN, a, &d), -EINVAL, "unknown kind refused");
        arena_free(pa);
        arena_free(a);
}

int main(void) {
        fixture_register_catalogues();
        const char *base = getenv("TMPDIR");
        snprintf(tmpdir, sizeof tmpdir, "%s/td-render-XXXXXX", base && *base ? base : P_tmpdir);
        if (!mkdtemp(tmpdir) || iap_tools_load(NULL, &tools, NULL) < 0) {
                CHECK(0, "setup");
                return test_done();
        }
        test_model();
        test_pdf();
        test_docx();
        test_odt();
        test_stale_marker();
        test_xlsx();
        test_ics();
        test_report();
        test_rubric_docs();
        test_forms();
        test_table_tools();
        iap_tools_free(tools);
        if (!getenv("KEEP_TMP")) {
                char *rm = run("rm -rf '%s'", tmpdir);
                free(rm);
        }
        return test_done();
}
