"""Integrated Action Plan workspace: plan pages, exports (PDF/DOCX/ODT/XLSX/HTML),
the quarterly report and the export commands."""
import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from xml.dom import minidom

from harness import check, parse_html

CITIES = ["trikala", "amarante", "arezzo", "bielsko-biala", "bucharest-d6", "idrija", "larnaka", "psachna"]


def pdf_text(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data)
        f.flush()
        info = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True)
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", f.name, "-"], capture_output=True, text=True)
        return info.returncode == 0 and "Pages:" in info.stdout, text.stdout


def zip_xml_ok(data):
    """Every XML part of an OOXML/ODF package parses."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = [n for n in z.namelist() if n.endswith(".xml") or n.endswith(".rels")]
        for n in parts:
            minidom.parseString(z.read(n))
        return parts, z


def test_pages(srv):
    for c in CITIES:
        status, _, body = srv.get(f"/cities/{c}/plan?lang=en")
        p = parse_html(body)
        check(status == 200 and not p.errors and p.h1 == 1, f"the plan of {c} renders as one well-formed page",
              p.errors[:3])
    _, _, body = srv.get("/cities/bielsko-biala/plan?lang=pl")
    text = body.decode()
    check("Inspiracja IT" in text and "Specjalizacja IT" in text and "Przywództwo w IT" in text,
          "Bielsko-Biała's three areas of intervention are its objectives, in Polish")
    check("Women in IT day" in text or "Dzień kobiet w IT" in text, "the action table lists the BBDays.4.IT action")
    status, _, _ = srv.get("/cities/nowhere/plan")
    check(status == 404, "the plan of an unknown city is 404")
    status, _, body = srv.get("/cities/idrija")
    check('href="/cities/idrija/plan"' in body.decode(), "the city page links to its plan")


def test_exports(srv):
    status, h, data = srv.get("/cities/trikala/plan.pdf?lang=el")
    ok, text = pdf_text(data)
    check(status == 200 and h.get("content-type") == "application/pdf" and ok, "the plan exports as a valid PDF")
    check("Τρίκαλα" in text and "σχεδιάζουμε μαζί" in text, "the PDF carries Greek text")
    check("attachment" in h.get("content-disposition", ""), "exports download as attachments")
    for fmt, main in [("docx", "word/document.xml"), ("odt", "content.xml"), ("xlsx", "xl/workbook.xml")]:
        status, h, data = srv.get(f"/cities/bielsko-biala/plan.{fmt}?lang=pl")
        try:
            parts, z = zip_xml_ok(data)
            ok = main in parts
        except Exception as e:  # noqa: BLE001
            ok, parts = False, str(e)
        check(status == 200 and ok, f"the {fmt.upper()} export unzips and every XML part parses", parts)
    status, _, data = srv.get("/cities/bielsko-biala/plan.docx?lang=pl")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        doc = z.read("word/document.xml").decode()
    check("Bielsko-Biała: IT dla każdego" in doc and "Heading1" in doc, "the DOCX holds the plan with real headings")
    status, h, data = srv.get("/cities/idrija/plan.html?lang=sl")
    p = parse_html(data)
    check(status == 200 and not p.errors and p.lang == "sl", "the standalone HTML export is well-formed")
    for bad in ["exe", "PDF", "pdf.pdf"]:
        status, _, _ = srv.get(f"/cities/idrija/plan.{bad}")
        check(status in (400, 404), f"an unknown export format ({bad}) is refused", status)


def test_report(srv):
    status, _, body = srv.get("/reports/2024Q2?lang=en")
    text = body.decode()
    p = parse_html(body)
    check(status == 200 and not p.errors and p.h1 == 1, "the quarterly report page renders")
    check("Bucharest" in text and "2024-06-12" in text, "the Q2 report lists the Bucharest network meeting")
    check("Idrija" in text and "2024-09-17" not in text.split("Meetings held")[1].split("</table>")[0]
          if "Meetings held" in text else False, "meetings of other quarters are not in Q2")
    status, h, data = srv.get("/reports/2024Q2.pdf?lang=ro")
    ok, pdf = pdf_text(data)
    check(status == 200 and ok and "Bielsko" in pdf, "the report exports as PDF")
    for bad in ["2024Q5", "24Q1", "2024q1", "%3Cscript%3E"]:
        status, _, _ = srv.get(f"/reports/{bad}")
        check(status in (400, 404, 413), f"a malformed quarter ({bad}) is refused", status)


def test_commands(srv, args):
    d = tempfile.mkdtemp()
    try:
        out = os.path.join(d, "arezzo.odt")
        p = subprocess.run([args.binary, "export", "iap", "--city", "arezzo", "--format", "odt", "-o", out,
                            "--db", args.db, "--lang", "it"], capture_output=True, text=True)
        with open(out, "rb") as f:
            parts, z = zip_xml_ok(f.read())
        check(p.returncode == 0 and "content.xml" in parts, "techdiv export iap writes an ODT", p.stderr)
        p = subprocess.run([args.binary, "export", "report", "--quarter", "2024Q2", "--format", "html",
                            "--db", args.db], capture_output=True)
        check(p.returncode == 0 and not parse_html(p.stdout).errors, "techdiv export report writes HTML to stdout")
        p = subprocess.run([args.binary, "export", "calendar", "--city", "psachna", "-o", os.path.join(d, "p.ics"),
                            "--db", args.db], capture_output=True)
        with open(os.path.join(d, "p.ics"), "rb") as f:
            ics = f.read()
        check(p.returncode == 0 and ics.startswith(b"BEGIN:VCALENDAR\r\n"), "techdiv export calendar writes .ics")
        for argv, want in [(["export", "iap", "--city", "nowhere", "--format", "pdf"], 1),
                           (["export", "iap", "--city", "idrija", "--format", "exe"], 2),
                           (["export", "report", "--quarter", "2024Q9", "--format", "pdf"], 1),
                           (["export", "nothing"], 2)]:
            p = subprocess.run([args.binary, *argv, "--db", args.db], capture_output=True, text=True)
            check(p.returncode == want and p.stderr, f"techdiv {' '.join(argv[:2])} with bad input exits {want}",
                  p.returncode)
    finally:
        shutil.rmtree(d)


def run(srv, args):
    test_pages(srv)
    test_exports(srv)
    test_report(srv)
    test_commands(srv, args)
