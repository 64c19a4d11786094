/* The text of CV documents as Word, LibreOffice and Europass write them:
 * every word once, in reading order, with the layout the anonymiser's
 * label rules read (a label and its value on one line, tab between; line
 * breaks between fields). Documents are built by the test. */
#include <cairo.h>
#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "domain/doctext/doctext.h"
#include "doctext_fixture.h"
#include "test.h"

typedef struct Case {
        const char *what;
        const char *xml;  /* the body of the document */
        const char *want; /* the whole extracted text */
} Case;

/* The text doctext_extract() finds in a document the fixture built (and
 * that this frees), or NULL; *ret_images, if given, counts the pictures
 * left out. */
static const char *extracted(Arena *a, char *doc, size_t n, size_t *ret_images) {
        DocText *d = NULL;
        int r = doc ? doctext_extract(a, doc, n, &d) : -1;
        free(doc);
        if (r == 0 && ret_images)
                *ret_images = d->images_dropped;
        return r == 0 ? d->text : NULL;
}

static const char *docx_text(Arena *a, const char *body, const char *const *extra) {
        size_t n = 0;
        char *z = make_docx(body, extra, &n);
        return extracted(a, z, n, NULL);
}

static const char *odt_text(Arena *a, const char *text, const char *styles, size_t *ret_images) {
        size_t n = 0;
        char *z = make_odt(text, styles, &n);
        return extracted(a, z, n, ret_images);
}

#define P(t) "<w:p><w:r><w:t xml:space=\"preserve\">" t "</w:t></w:r></w:p>"
#define R(t) "<w:r><w:t xml:space=\"preserve\">" t "</w:t></w:r>"
#define TC(x) "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>" x "</w:tc>"
#define TR(x) "<w:tr><w:trPr><w:cantSplit/></w:trPr>" x "</w:tr>"
#define TBL(x) "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid>" x "</w:tbl>"
/* A text box as Word 2010 and later write it: DrawingML, then VML again. */
#define BOX(x)                                                                                          \
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><wp:positionH "    \
        "relativeFrom=\"page\"><wp:posOffset>457200</wp:posOffset></wp:positionH><wp:docPr id=\"1\" "   \
        "name=\"Text Box 1\" descr=\"contact box\"/><a:graphic><a:graphicData><wps:wsp><wps:txbx>"      \
        "<w:txbxContent>" x "</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData>"      \
        "</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"    \
        "<w:txbxContent>" x "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"           \
        "</mc:AlternateContent></w:r>"

static const Case docx_cases[] = {
        { "text box read once (mc:Choice), not again from mc:Fallback",
          "<w:p>" R("Curriculum vitae") BOX(P("Maria Rossi") P("maria.rossi@example.com")) "</w:p>" P("Skills"),
          "Curriculum vitae\nMaria Rossi\nmaria.rossi@example.com\nSkills\n" },
        { "a paragraph holding only a text box adds no blank line",
          "<w:p>" BOX(P("Maria Rossi")) "</w:p>" P("Developer"), "Maria Rossi\nDeveloper\n" },
        { "VML text box without AlternateContent (older Word) is read",
          "<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>" P("Anna Kowalska")
          "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>",
          "Anna Kowalska\n" },
        { "an empty mc:Choice lets the mc:Fallback be read",
          "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"w14\"/><mc:Fallback>" R("once")
          "</mc:Fallback></mc:AlternateContent></w:r></w:p>",
          "once\n" },
        { "nested AlternateContent: one branch at each level",
          "<w:p><w:r><mc:AlternateContent><mc:Choice>" BOX(P("inner")) "</mc:Choice><mc:Fallback>" R("outer fallback")
          "</mc:Fallback></mc:AlternateContent></w:r></w:p>",
          "inner\n" },
        { "table: label and value cells on one line, tab between; tab stops and empty cells add nothing",
          TBL(TR(TC("<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"2835\"/></w:tabs></w:pPr>" R("Date of birth") "</w:p>")
                         TC("<w:p/>") TC(P("17/08/1988")))
                      TR(TC(P("Nationality")) TC(P("Italian")) TC("<w:p/>"))),
          "Date of birth\t17/08/1988\nNationality\tItalian\n" },
        { "table: a multi-paragraph cell keeps its lines; later cells start a line",
          P("Work experience") TBL(TR(TC(P("2019 – 2023")) TC(P("Software developer") P("Acme SpA, Milano")) TC(P("full time")))
                                   TR(TC(P("Languages") P("(CEFR)")) TC(P("English C1")))) P("Skills"),
          "Work experience\n2019 – 2023\tSoftware developer\nAcme SpA, Milano\nfull time\nLanguages\n(CEFR)\nEnglish C1\nSkills\n" },
        { "nested table in a cell",
          TBL(TR(TC(P("Contacts")) TC(TBL(TR(TC(P("E-mail")) TC(P("a@b.eu"))) TR(TC(P("Phone")) TC(P("+39 333 1234567"))))))),
          "Contacts\tE-mail\ta@b.eu\nPhone\t+39 333 1234567\n" },
        { "an empty row adds nothing; the paragraph before the table keeps its line end",
          P("Before") TBL(TR(TC("<w:p/>") TC("<w:p/>"))) P("After"), "Before\nAfter\n" },
        { "non-breaking hyphen is '-', soft hyphen nothing",
          "<w:p><w:r><w:t>Jean</w:t><w:noBreakHyphen/><w:t>Pierre, +39</w:t><w:noBreakHyphen/><w:t>333, "
          "Develop</w:t><w:softHyphen/><w:t>er</w:t></w:r></w:p>",
          "Jean-Pierre, +39-333, Developer\n" },
        { "w:sym: an icon font's glyph is a blank, a real character is itself, bad codes nothing",
          "<w:p><w:r><w:t>Tel.</w:t><w:sym w:font=\"Wingdings\" w:char=\"F028\"/><w:t>+39 333</w:t>"
          "<w:sym w:font=\"Arial\" w:char=\"2022\"/><w:sym w:char=\"D800\"/><w:sym w:char=\"zz\"/><w:sym w:char=\"0007\"/>"
          "<w:sym w:char=\"110000\"/><w:sym w:char=\"\"/><w:sym/><w:t>x</w:t></w:r></w:p>",
          "Tel. +39 333\xe2\x80\xa2x\n" },
        { "tracked changes: inserted text stays, deleted and moved-away text goes",
          "<w:p><w:del w:id=\"1\" w:author=\"Luca Bianchi\"><w:r><w:delText>Verdi</w:delText></w:r></w:del>"
          "<w:ins w:id=\"2\" w:author=\"Luca Bianchi\">" R("Rossi") "</w:ins></w:p>"
          "<w:p><w:moveFrom w:id=\"3\">" R("moved away") "</w:moveFrom>" R("stays") "<w:moveTo w:id=\"4\">" R(" moved here")
          "</w:moveTo></w:p><w:p><w:pPr><w:rPr><w:del w:id=\"5\" w:author=\"x\"/></w:rPr></w:pPr>" R("merged") "</w:p>",
          "Rossi\nstays moved here\nmerged\n" },
        { "content controls: the content, not the placeholder or alias",
          "<w:sdt><w:sdtPr><w:alias w:val=\"Full name\"/><w:tag w:val=\"name\"/><w:placeholder><w:docPart w:val=\"Enter your name\"/>"
          "</w:placeholder><w:dataBinding w:xpath=\"/cv/name\"/></w:sdtPr><w:sdtContent>" P("Maria Rossi")
          "</w:sdtContent></w:sdt><w:p><w:r><w:t xml:space=\"preserve\">Born: </w:t></w:r><w:sdt><w:sdtPr><w:date/></w:sdtPr>"
          "<w:sdtEndPr/><w:sdtContent>" R("17/08/1988") "</w:sdtContent></w:sdt></w:p>",
          "Maria Rossi\nBorn: 17/08/1988\n" },
        { "smart tags, simple fields and hyperlinks: the visible text only",
          "<w:p><w:smartTag w:uri=\"urn:schemas-microsoft-com:office:smarttags\" w:element=\"PersonName\">" R("Maria Rossi")
          "</w:smartTag></w:p><w:p><w:fldSimple w:instr=\" HYPERLINK &quot;https://www.linkedin.com/in/maria-r&quot; \">"
          R("my profile") "</w:fldSimple></w:p><w:p><w:hyperlink r:id=\"rId9\" w:history=\"1\">" R("LinkedIn")
          "</w:hyperlink></w:p><w:p>" R("see ") "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\">"
          " HYPERLINK \"https://www.linkedin.com/in/maria-r\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/>"
          "</w:r>" R("here") "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>",
          "Maria Rossi\nmy profile\nLinkedIn\nsee here\n" },
        { "markup in text stays text; whitespace between elements is no text",
          "\n  <w:p>\n    <w:r>\n      <w:t>&lt;script&gt;alert(1)&lt;/script&gt;</w:t>\n    </w:r>\n  </w:p>\n",
          "<script>alert(1)</script>\n" },
};

static void test_docx_cases(Arena *a) {
        for (size_t i = 0; i < sizeof(docx_cases) / sizeof(*docx_cases); i++)
                CHECK_STREQ(docx_text(a, docx_cases[i].xml, NULL), docx_cases[i].want, "docx: %s", docx_cases[i].what);
}

/* Parts beside the body that hold personal data the CV does not show. */
static void test_docx_parts_never_read(Arena *a) {
        static const char *const extra[] = {
                "word/_rels/document.xml.rels",
                "<Relationships><Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                "relationships/hyperlink\" Target=\"https://www.linkedin.com/in/maria-r\" TargetMode=\"External\"/></Relationships>",
                "word/comments.xml",
                "<w:comments " FX_W "><w:comment w:id=\"0\" w:author=\"Luca Bianchi\" w:initials=\"LB\">" P("ask about her kids")
                "</w:comment></w:comments>",
                "docProps/core.xml",
                "<cp:coreProperties xmlns:cp=\"x\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>Maria Rossi</dc:creator>"
                "<cp:lastModifiedBy>Luca Bianchi</cp:lastModifiedBy></cp:coreProperties>",
                "docProps/app.xml", "<Properties><Company>Rossi family</Company></Properties>",
                "customXml/item1.xml", "<cv><name>Maria Rossi</name><birth>1988-08-17</birth></cv>",
                "word/glossary/document.xml", "<w:document " FX_W "><w:body>" P("Enter your name") "</w:body></w:document>",
                NULL,
        };
        const char *t = docx_text(a, "<w:p><w:commentRangeStart w:id=\"0\"/>" R("Developer") "<w:commentRangeEnd w:id=\"0\"/>"
                                     "<w:r><w:commentReference w:id=\"0\"/></w:r><w:hyperlink r:id=\"rId9\">" R(" LinkedIn")
                                     "</w:hyperlink></w:p>", extra);
        CHECK_STREQ(t, "Developer LinkedIn\n", "docx: link target, comments, core/app properties, custom XML, glossary never read");
        CHECK(t && !strstr(t, "linkedin.com") && !strstr(t, "Rossi") && !strstr(t, "Bianchi") && !strstr(t, "kids"),
              "docx: no URL, author, commenter or comment leaks");
}

static void test_docx_hostile(Arena *a) {
        /* a row of many cells: each separator once, nothing quadratic */
        size_t n = 5000, k = 0;
        char *body = malloc(n * 80 + 256);
        k += (size_t)sprintf(body + k, "<w:tbl><w:tr>");
        unsigned x = 7; /* letters at random, so the part is no zip bomb */
        for (size_t i = 0; i < n; i++, x = x * 1103515245u + 12345u)
                k += (size_t)sprintf(body + k, "<w:tc><w:p><w:r><w:t>%c</w:t></w:r></w:p></w:tc>", 'a' + (x >> 16) % 26);
        sprintf(body + k, "</w:tr></w:tbl>");
        const char *t = docx_text(a, body, NULL);
        size_t tabs = 0;
        for (const char *p = t; p && *p; p++)
                tabs += *p == '\t';
        CHECK(t && tabs == n - 1 && strlen(t) == 2 * n, "docx: a row of %zu cells is one line (%zu tabs)", n, tabs);
        free(body);
        /* cells, rows and branches out of place: read, never crash */
        CHECK_STREQ(docx_text(a, "<w:tc>" P("a") "</w:tc><w:tr>" P("b") "</w:tr><mc:Fallback>" P("c") "</mc:Fallback>"
                                 "<w:tr/><w:tc/><mc:AlternateContent/><w:txbxContent/>" P("d"), NULL),
                    "a\nb\nc\nd\n", "docx: table and branch elements out of place");
        CHECK_STREQ(docx_text(a, "<w:p><w:r><w:t>bad \xff byte</w:t></w:r></w:p>", NULL), NULL,
                    "docx: invalid UTF-8 in the XML is rejected");
}

#define TP(t) "<text:p text:style-name=\"P1\">" t "</text:p>"
#define OCELL(x) "<table:table-cell office:value-type=\"string\">" x "</table:table-cell>"
#define OROW(x) "<table:table-row>" x "</table:table-row>"
#define OTBL(x) "<table:table table:name=\"T1\"><table:table-column table:number-columns-repeated=\"2\"/>" x "</table:table>"

static const Case odt_cases[] = {
        { "table: a row's cells on one line, tab between; covered and empty cells add nothing",
          OTBL("<table:table-header-rows>" OROW(OCELL(TP("Personal information")) "<table:covered-table-cell/>")
               "</table:table-header-rows>" OROW(OCELL(TP("Date of birth")) OCELL("<text:p/>") OCELL(TP("17/08/1988")))
               OROW(OCELL(TP("Nationality")) OCELL(TP("Italian"))) OROW(OCELL(TP("2019 – 2023")) OCELL(TP("Developer") TP("Acme SpA")))),
          "Personal information\nDate of birth\t17/08/1988\nNationality\tItalian\n2019 – 2023\tDeveloper\nAcme SpA\n" },
        { "text box in a frame: its own lines; the frame's alt text left out",
          TP("Curriculum <draw:frame draw:name=\"Frame1\"><svg:title>Photo of Maria Rossi</svg:title><svg:desc>a smiling woman</svg:desc>"
             "<draw:text-box>" TP("Maria Rossi") TP("maria.rossi@example.com") "</draw:text-box></draw:frame>vitae") TP("Skills"),
          "Curriculum \nMaria Rossi\nmaria.rossi@example.com\nvitae\nSkills\n" },
        { "a paragraph holding only a frame adds no blank line",
          TP("<draw:frame><draw:text-box>" TP("Maria Rossi") "</draw:text-box></draw:frame>") TP("Developer"),
          "Maria Rossi\nDeveloper\n" },
        { "footnote: no citation mark glued to the word, body after the text",
          TP("Worked at Acme<text:note text:id=\"ftn1\" text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
             "<text:note-body>" TP("Acme SpA, Milano") "</text:note-body></text:note> for four years.") TP("Skills"),
          "Worked at Acme for four years.\nSkills\nAcme SpA, Milano\n" },
        { "tracked changes: the deleted text and its author left out, insertions kept",
          "<text:tracked-changes><text:changed-region text:id=\"ct1\"><text:deletion><office:change-info><dc:creator>Luca Bianchi"
          "</dc:creator><dc:date>2024-01-01T10:00:00</dc:date></office:change-info>" TP("Verdi") "</text:deletion></text:changed-region>"
          "<text:changed-region text:id=\"ct2\"><text:insertion><office:change-info><dc:creator>Luca Bianchi</dc:creator>"
          "</office:change-info></text:insertion></text:changed-region></text:tracked-changes>"
          TP("Maria <text:change text:change-id=\"ct1\"/><text:change-start text:change-id=\"ct2\"/>Rossi<text:change-end text:change-id=\"ct2\"/>"),
          "Maria Rossi\n" },
        { "soft page break inside a word joins nothing apart; hyphen characters normalised",
          TP("Soft<text:soft-page-break/>ware, Jean\xe2\x80\x91Pierre, Develop\xc2\xad" "er") "<text:soft-page-break/>" TP("next"),
          "Software, Jean-Pierre, Developer\nnext\n" },
        { "annotation (and its author) left out; link text kept, its target not",
          TP("Skills<office:annotation><dc:creator>Luca Bianchi</dc:creator><dc:date>2024</dc:date>" TP("ask her age")
             "</office:annotation>: <text:a xlink:href=\"https://www.linkedin.com/in/maria-r\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
             "LinkedIn</text:a>"),
          "Skills: LinkedIn\n" },
        { "pretty-printed XML: blanks between elements are no text",
          "\n  <text:sequence-decls>\n    <text:sequence-decl text:name=\"Figure\"/>\n  </text:sequence-decls>\n  " TP("a")
          "\n  <text:list>\n    <text:list-item>\n      " TP("b") "\n    </text:list-item>\n  </text:list>\n",
          "a\nb\n" },
        { "index template text left out",
          "<text:table-of-content><text:table-of-content-source><text:index-title-template>Contents</text:index-title-template>"
          "</text:table-of-content-source><text:index-body>" TP("Experience\t1") "</text:index-body></text:table-of-content>",
          "Experience\t1\n" },
};

static void test_odt_cases(Arena *a) {
        for (size_t i = 0; i < sizeof(odt_cases) / sizeof(*odt_cases); i++)
                CHECK_STREQ(odt_text(a, odt_cases[i].xml, NULL, NULL), odt_cases[i].want, "odt: %s", odt_cases[i].what);
}

static void test_odt_styles_and_pictures(Arena *a) {
        static const char styles[] =
                "<office:document-styles " FX_ODT_NS "><office:font-face-decls><style:font-face style:name=\"Liberation\"/>"
                "</office:font-face-decls><office:styles><number:date-style style:name=\"N37\"><number:day/><number:text>/</number:text>"
                "<number:month/><number:text>/</number:text><number:year/></number:date-style><text:list-style style:name=\"L1\">"
                "<text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"•\"/></text:list-style></office:styles>"
                "<office:automatic-styles><number:number-style style:name=\"N2\"><number:text>EUR </number:text></number:number-style>"
                "</office:automatic-styles><office:master-styles><style:master-page style:name=\"Standard\"><style:header>"
                "<text:p>Maria Rossi – Curriculum vitae</text:p></style:header><style:footer><text:p>Page <text:page-number>1"
                "</text:page-number></text:p></style:footer></style:master-page></office:master-styles></office:document-styles>";
        CHECK_STREQ(odt_text(a, TP("Body"), styles, NULL), "Maria Rossi – Curriculum vitae\nPage 1\nBody\n",
                    "odt: header and footer read, style definitions add nothing");
        size_t images = 0;
        const char *t = odt_text(a, TP("<draw:frame><draw:image><office:binary-data>iVBORw0KGgoAAAANSUhEUg==</office:binary-data>"
                                       "</draw:image></draw:frame>Photo above"),
                                 NULL, &images);
        CHECK_STREQ(t, "Photo above\n", "odt: an embedded picture's base64 is no text");
        CHECK_INTEQ(images, 1, "odt: an embedded picture is counted as dropped");
        CHECK_STREQ(odt_text(a, "<text:p>outside</text:p>", "<office:document-styles><text:p>no master styles</text:p>"
                                                            "</office:document-styles>", NULL),
                    "outside\n", "odt: text outside office:master-styles in styles.xml is not read");
        /* a note in a note (not valid ODF) and a table in a note */
        CHECK_STREQ(odt_text(a, TP("a<text:note><text:note-body>" TP("n1<text:note><text:note-body>" TP("n2") "</text:note-body></text:note>")
                                   OTBL(OROW(OCELL(TP("x")) OCELL(TP("y")))) "</text:note-body></text:note>b"), NULL, NULL),
                    "ab\nn1n2\n\nx\ty\n", "odt: nested notes and a table in a note stay readable");
}

/* A two-column CV page: a sidebar with the name and contacts, the main
 * column with experience, lines of the two at interleaved heights.
 * poppler's own page text glued them: "Maria RossiWork experience",
 * "maria.rossi@example.com2019 - 2023 Software developer". */
static const FxLine two_columns[] = {
        { 30, 60, 18, "Maria Rossi" },           { 200, 60, 14, "Work experience" },
        { 30, 90, 9, "maria.rossi@example.com" }, { 200, 85, 10, "2019 - 2023 Software developer" },
        { 30, 105, 9, "+39 333 123 4567" },       { 200, 100, 10, "Acme SpA, Milano: C, Python, PostgreSQL" },
        { 30, 120, 9, "Via Roma 15, Milano" },    { 200, 130, 14, "Education" },
        { 30, 150, 11, "Personal information" },  { 200, 155, 10, "2014 - 2018 MSc Computer Science" },
        { 30, 165, 9, "Date of birth: 17/08/1988" }, { 200, 170, 10, "Politecnico di Milano" },
        { 30, 180, 9, "Nationality: Italian" },
};

/* One column with a label/value table and dates on the right: poppler
 * wrote all labels, then all values. */
static const FxLine label_table[] = {
        { 50, 60, 16, "Anna Kowalska" },  { 50, 90, 10, "Date of birth" }, { 200, 90, 10, "17/08/1988" },
        { 50, 105, 10, "Nationality" },   { 200, 105, 10, "Polish" },      { 50, 120, 10, "E-mail" },
        { 200, 120, 10, "anna.k@example.pl" },
        { 50, 150, 10, "I have worked for ten years as a developer of embedded systems and web" },
        { 50, 163, 10, "applications in C and Python, mostly for small companies in Silesia." },
        { 50, 190, 11, "Software developer, Acme" }, { 480, 190, 10, "2019 - 2023" },
};

/* A full-width header above a sidebar and a main column. */
static const FxLine header_sidebar[] = {
        { 200, 40, 20, "Anna Kowalska" },
        { 50, 60, 10, "Senior developer with a long and varied experience in many fields" },
        { 30, 100, 9, "anna.k@example.pl" }, { 200, 100, 12, "Work experience" },
        { 30, 113, 9, "+48 600 100 200" },   { 200, 118, 10, "2019 - 2023 Developer, Acme" },
        { 30, 126, 9, "Katowice" },          { 200, 132, 10, "C, Python, Linux" },
};

/* A sidebar on the main column's baselines: read side by side (a known
 * limit: lines stay whole, a tab between, so label rules still work). */
static const FxLine same_baselines[] = {
        { 30, 100, 10, "anna.k@example.pl" }, { 200, 100, 10, "Work experience" },
        { 30, 114, 10, "+48 600 100 200" },   { 200, 114, 10, "2019 - 2023 Developer, Acme" },
};

static const char *pdf_text(Arena *a, const FxLine *lines, size_t n) {
        size_t len = 0;
        char *pdf = make_pdf(lines, n, &len);
        return extracted(a, pdf, len, NULL);
}

static void test_pdf_layouts(Arena *a) {
        const char *t = pdf_text(a, two_columns, sizeof(two_columns) / sizeof(*two_columns));
        CHECK_STREQ(t, "Maria Rossi\nmaria.rossi@example.com\n+39 333 123 4567\nVia Roma 15, Milano\nPersonal information\n"
                       "Date of birth: 17/08/1988\nNationality: Italian\nWork experience\n2019 - 2023 Software developer\n"
                       "Acme SpA, Milano: C, Python, PostgreSQL\nEducation\n2014 - 2018 MSc Computer Science\nPolitecnico di Milano\n",
                    "pdf: two columns read one after the other, every line whole and once");
        t = pdf_text(a, label_table, sizeof(label_table) / sizeof(*label_table));
        CHECK_STREQ(t, "Anna Kowalska\nDate of birth\t17/08/1988\nNationality\tPolish\nE-mail\tanna.k@example.pl\n"
                       "I have worked for ten years as a developer of embedded systems and web\n"
                       "applications in C and Python, mostly for small companies in Silesia.\nSoftware developer, Acme\t2019 - 2023\n",
                    "pdf: a label and its value on one line, tab between; a paragraph's lines in order");
        t = pdf_text(a, header_sidebar, sizeof(header_sidebar) / sizeof(*header_sidebar));
        CHECK_STREQ(t, "Anna Kowalska\nSenior developer with a long and varied experience in many fields\nanna.k@example.pl\n"
                       "+48 600 100 200\nKatowice\nWork experience\n2019 - 2023 Developer, Acme\nC, Python, Linux\n",
                    "pdf: a full-width header, then the sidebar, then the main column");
        t = pdf_text(a, same_baselines, sizeof(same_baselines) / sizeof(*same_baselines));
        CHECK_STREQ(t, "anna.k@example.pl\tWork experience\n+48 600 100 200\t2019 - 2023 Developer, Acme\n",
                    "pdf: columns on shared baselines read side by side, tab between");
}

/* More runs on a page than DOCTEXT_PDF_MAX_RUNS: poppler's order, all text kept. */
static void test_pdf_run_limit(Arena *a) {
        size_t cols = 60, rows = DOCTEXT_PDF_MAX_RUNS / cols + 2, n = 0;
        FxLine *l = calloc(cols * rows, sizeof(*l));
        for (size_t i = 0; i < rows; i++)
                for (size_t j = 0; j < cols; j++)
                        l[n++] = (FxLine){ 5 + 9.5 * (double)j, 10 + 12 * (double)i, 3, "x" };
        const char *t = pdf_text(a, l, n);
        size_t xs = 0;
        for (const char *p = t; p && *p; p++)
                xs += *p == 'x';
        CHECK(t && xs == n && !strchr(t, '\t'), "pdf: %zu runs, over the limit: poppler's order, every run kept (%zu)", n, xs);
        t = pdf_text(a, l, cols * 3);
        CHECK(t && strchr(t, '\t'), "pdf: %zu runs, under the limit: laid out", cols * 3);
        /* evenly spaced lines: each cut takes one off, more than DOCTEXT_PDF_MAX_CUTS deep */
        size_t lines = DOCTEXT_PDF_MAX_CUTS + 10;
        char (*txt)[16] = calloc(lines, 16);
        StrBuf want;
        strbuf_init(&want, 0);
        for (size_t i = 0; i < lines; i++) {
                snprintf(txt[i], 16, "line %zu", i);
                l[i] = (FxLine){ 40, 20 + 13 * (double)i, 10, txt[i] };
                strbuf_printf(&want, "%s\n", txt[i]);
        }
        CHECK_STREQ(pdf_text(a, l, lines), strbuf_str(&want), "pdf: %zu lines, deeper than the cut limit, all in order", lines);
        strbuf_free(&want);
        free(txt);
        free(l);
}

int main(void) {
        Arena *a = arena_new();
        arena_set_limit(a, 0);
        test_docx_cases(a);
        test_docx_parts_never_read(a);
        test_docx_hostile(a);
        test_odt_cases(a);
        test_odt_styles_and_pictures(a);
        test_pdf_layouts(a);
        test_pdf_run_limit(a);
        arena_free(a);
        cairo_debug_reset_static_data();
        FcFini();
        return test_done();
}
