/* Writes DIR/cv.docx, DIR/cv.odt and DIR/cv.pdf: one CV as Word (text box
 * written twice by mc:AlternateContent, tables, tracked changes, a
 * comment, the author in docProps), LibreOffice (frame, table, footnote,
 * tracked deletion, page header) and a two-column PDF would hold it.
 * Used by test_anonymize_docs.sh; usage: make_cv_docs DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doctext_fixture.h"

#define P(t) "<w:p><w:r><w:t xml:space=\"preserve\">" t "</w:t></w:r></w:p>"
#define TC(x) "<w:tc><w:tcPr><w:tcW w:w=\"3000\" w:type=\"dxa\"/></w:tcPr>" x "</w:tc>"
#define TR(a, b) "<w:tr>" TC(P(a)) TC(P(b)) "</w:tr>"
#define BOX(x)                                                                                          \
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><wp:docPr "  \
        "id=\"1\" name=\"Text Box 1\"/><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>" x  \
        "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"     \
        "</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>" x "</w:txbxContent>"   \
        "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"

static const char docx_body[] =
        BOX(P("Maria Rossi") P("maria.rossi@example.com") P("+39 333 123 4567"))
        P("Personal information")
        "<w:tbl><w:tblPr/>" TR("Name", "Maria Rossi") TR("Date of birth", "17/08/1988") TR("Nationality", "Italian") "</w:tbl>"
        P("Work experience")
        "<w:tbl><w:tblPr/>" TR("2019 - 2023", "Software developer, Acme SpA") TR("2016 - 2019", "Junior developer, Beta Srl") "</w:tbl>"
        "<w:p><w:del w:id=\"1\" w:author=\"Luca Bianchi\"><w:r><w:delText>Married, two children</w:delText></w:r></w:del></w:p>"
        P("Skills: C, Python, PostgreSQL");

static const char *const docx_extra[] = {
        "docProps/core.xml", "<cp:coreProperties xmlns:cp=\"x\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                             "<dc:creator>Maria Rossi</dc:creator></cp:coreProperties>",
        "word/comments.xml", "<w:comments " FX_W "><w:comment w:id=\"0\" w:author=\"Luca Bianchi\">"
                             P("Maria Rossi is 36") "</w:comment></w:comments>",
        NULL,
};

#define OP(t) "<text:p>" t "</text:p>"
#define OROW(a, b) "<table:table-row><table:table-cell>" OP(a) "</table:table-cell><table:table-cell>" OP(b) \
                   "</table:table-cell></table:table-row>"

static const char odt_text[] =
        "<text:tracked-changes><text:changed-region text:id=\"c1\"><text:deletion><office:change-info><dc:creator>"
        "Luca Bianchi</dc:creator></office:change-info>" OP("Married, two children") "</text:deletion>"
        "</text:changed-region></text:tracked-changes>"
        OP("<draw:frame><svg:title>Photo of Maria Rossi</svg:title><draw:text-box>" OP("Maria Rossi")
           OP("maria.rossi@example.com") OP("+39 333 123 4567") "</draw:text-box></draw:frame>")
        OP("Personal information<text:change text:change-id=\"c1\"/>")
        "<table:table>" OROW("Name", "Maria Rossi") OROW("Date of birth", "17/08/1988") OROW("Nationality", "Italian") "</table:table>"
        OP("Work experience")
        "<table:table>" OROW("2019 - 2023", "Software developer, Acme SpA<text:note><text:note-citation>1</text:note-citation>"
                                            "<text:note-body>" OP("Acme SpA, Milano") "</text:note-body></text:note>")
        OROW("2016 - 2019", "Junior developer, Beta Srl") "</table:table>"
        OP("Skills: C, Python, PostgreSQL");

static const char odt_styles[] =
        "<office:document-styles " FX_ODT_NS "><office:styles><number:date-style><number:day/><number:text>/</number:text>"
        "</number:date-style></office:styles><office:master-styles><style:master-page style:name=\"Standard\"><style:header>"
        OP("Maria Rossi - Curriculum vitae") "</style:header></style:master-page></office:master-styles></office:document-styles>";

static const FxLine pdf_lines[] = {
        { 30, 60, 18, "Maria Rossi" },            { 200, 60, 14, "Work experience" },
        { 30, 90, 9, "maria.rossi@example.com" }, { 200, 85, 10, "2019 - 2023 Software developer, Acme SpA" },
        { 30, 105, 9, "+39 333 123 4567" },       { 200, 100, 10, "2016 - 2019 Junior developer, Beta Srl" },
        { 30, 150, 11, "Personal information" },  { 200, 130, 14, "Skills" },
        { 30, 165, 9, "Date of birth: 17/08/1988" }, { 200, 155, 10, "C, Python, PostgreSQL" },
        { 30, 180, 9, "Nationality: Italian" },
};

static int save(const char *dir, const char *name, char *data, size_t len) {
        char path[4096];
        snprintf(path, sizeof(path), "%s/%s", dir, name);
        FILE *f = data ? fopen(path, "wb") : NULL;
        int ok = f && fwrite(data, 1, len, f) == len;
        if (f)
                ok &= fclose(f) == 0;
        free(data);
        if (!ok)
                fprintf(stderr, "make_cv_docs: cannot write %s\n", path);
        return ok ? 0 : 1;
}

int main(int argc, char **argv) {
        if (argc != 2) {
                fprintf(stderr, "usage: make_cv_docs DIR\n");
                return 2;
        }
        if (chdir(argv[1]) != 0) { /* make_zip's temporary file goes there too */
                fprintf(stderr, "make_cv_docs: cannot enter %s\n", argv[1]);
                return 1;
        }
        size_t n = 0;
        int bad = 0;
        char *d = make_docx(docx_body, docx_extra, &n);
        bad |= save(".", "cv.docx", d, n);
        d = make_odt(odt_text, odt_styles, &n);
        bad |= save(".", "cv.odt", d, n);
        d = make_pdf(pdf_lines, sizeof(pdf_lines) / sizeof(*pdf_lines), &n);
        bad |= save(".", "cv.pdf", d, n);
        return bad;
}
