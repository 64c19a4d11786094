"""The integration self-assessment over HTTP, as a city officer of Arezzo
(working in Italian): the 12 aspects of integrated urban development and the
integration grid filled in as rounds, each kept with its date; the change from
one round to the next; every city side by side for the network; the latest
answers in the plan page, its PDF and its DOCX. Also who may not, invalid
input, a repeated and a stale submit, and the named limits."""
import io
import re
import zipfile
from urllib.parse import urlencode
from xml.dom import minidom

from harness import check, parse_html
from suite_accounts import Client, add_user
from suite_iapedit import FormScraper, officer, save
from suite_workspace import pdf_text

CITY = "arezzo"
PATH = f"/cities/{CITY}/workspace/integration"
LANGS = ["en", "el", "it", "pt", "pl", "ro", "sl"]
# The named limits of src/domain/workspace/selfcheck.h.
WS_SELFCHECK_ROUNDS_MAX = 40
WS_SELFCHECK_TEXT_MAX = 2000
HTTP_FORM_FIELDS_MAX = 256  # src/http/http.h
ROW_RE = re.compile(r'<tr><th scope="row">(\d{4}-\d\d-\d\d)</th>')


def form_of(c, path=PATH):
    """The new-round form as a browser would send it (filled in from the latest round)."""
    _, _, page = c.req("GET", path + "?lang=en")
    sc = FormScraper()
    sc.feed(page.decode())
    return dict(sc.fields)


def rounds(c, path=PATH):
    _, _, page = c.req("GET", path + "?lang=en")
    section = page.decode().split('id="h-rounds"', 1)[-1].split("</table>", 1)[0]
    return ROW_RE.findall(section)


def test_refused(srv, other):
    st, h, _ = Client(srv).req("GET", PATH)
    check(st in (303, 401) and "/login" in h.get("location", "/login"), "an anonymous visitor is sent to sign in", st)
    st, _, _ = other.req("GET", PATH)
    check(st == 403, "another city's officer cannot open the self-assessment", st)
    st, _, _ = other.post(PATH, {"date": "2024-06-01", "a_funding_relevant": "yes"}, "/account")
    check(st == 403, "nor save a round in it", st)


def test_csrf(c):
    csrf = c.csrf(PATH)
    st, _, _ = c.req("POST", PATH, {"csrf": csrf + "x", "base": "", "date": "2024-06-01", "a_funding_relevant": "yes"})
    st2, _, _ = c.req("POST", PATH, {"base": "", "date": "2024-06-01", "a_funding_relevant": "yes"})
    check(st == 403 and st2 == 403 and not rounds(c), "a round without the right CSRF token is refused", (st, st2))


def test_invalid(c):
    base = form_of(c)
    check("a_stakeholders_planning_why_local" in base and "a_stakeholders_planning_why_en" in base and
          "g_horizontal_current_level" in base and base.get("base") == "",
          "the form has both languages of every text, the choices, and no base round yet", sorted(base)[:6])
    cases = [
        (dict(base, date="2024-13-01", a_funding_relevant="yes"), "date must be YYYY-MM-DD", "a bad date"),
        (dict(base, date="2024-06-01", a_funding_relevant="maybe"), "unknown value", "an answer not among the options"),
        (dict(base, date="2024-06-01", g_vertical_current_level="<script>"), "unknown value", "markup as a level"),
        (dict(base, date="2024-06-01", a_funding_why_en="x" * (WS_SELFCHECK_TEXT_MAX + 1)), "text is too long",
         f"a text over {WS_SELFCHECK_TEXT_MAX} bytes"),
        (dict(base, date="2024-06-01"), "answer at least one aspect", "a round with no answer"),
    ]
    for form, msg, what in cases:
        st, _, body = save(c, PATH, form)
        check(st == 400 and msg in body and not parse_html(body.encode()).errors, f"{what} is refused with a clear "
              "message", (st, re.findall(r'class="errors".*?</ul>', body, re.S)[:1]))
    st, _, body = save(c, PATH, dict(base, date="2024-06-01", a_funding_relevant="yes",
                                     a_funding_why_local="x" * WS_SELFCHECK_TEXT_MAX), PATH)
    check(st == 303, f"a text of exactly {WS_SELFCHECK_TEXT_MAX} bytes is taken", st)
    check(len(rounds(c)) == 1, "that round is kept")
    return st


def test_invalid_utf8_and_italian(c):
    form = form_of(c)
    csrf = c.csrf(PATH)
    form.pop("a_spatial_why_en", None)
    raw = urlencode(dict(form, csrf=csrf, date="2024-06-02")).encode() + b"&a_spatial_why_en=%FF%FE"
    st, _, body = c.req("POST", PATH, raw=raw, headers={"Content-Type": "application/x-www-form-urlencoded"})
    check(st == 400, "invalid UTF-8 in an answer is refused", st)
    _, _, page = c.req("GET", PATH + "?lang=it")
    text = page.decode()
    check("Rilevante (sì/no)" in text and "Livello di integrazione di partenza" in text and
          "Coinvolgimento degli stakeholder nella pianificazione" in text and "Orizzontale" in text,
          "the form's labels come from the definition files, in Italian")


def test_fields_limit(c):
    """A form body may carry HTTP_FORM_FIELDS_MAX fields (the self-assessment has 124)."""
    form = form_of(c)
    check(100 < len(form) + 1 < HTTP_FORM_FIELDS_MAX, "the whole form fits the named limit of form fields", len(form))
    many = {f"x{i}": "1" for i in range(HTTP_FORM_FIELDS_MAX + 1)}
    st, _, _ = c.post(PATH, dict(many, date="2024-06-03", a_spatial_relevant="yes"), PATH)
    check(st == 413 and len(rounds(c)) == 1, "a body over the limit is refused with 413, nothing stored", st)


def first_round(c):
    form = form_of(c)
    form.update(date="2024-06-10", a_stakeholders_planning_relevant="yes", a_stakeholders_planning_baseline_level="low",
                a_stakeholders_planning_why_local="Il gruppo locale riunisce scuole e imprese",
                a_stakeholders_planning_future_actions_en="Invite the employment office",
                g_horizontal_current_level="low", g_horizontal_current_situation_local="Pochi partenariati locali",
                a_funding_relevant="", a_funding_why_local="")
    st, loc, _ = save(c, PATH, form)
    check(st == 303 and "saved=1" in loc, "a first self-assessment round is saved", (st, loc))
    st, _, _ = save(c, PATH, form)
    check(st == 303 and len(rounds(c)) == 2, "the same form sent twice (a double click) stores one round", rounds(c))


def second_round(c):
    stale = form_of(c)
    form = dict(stale)
    check(form["a_stakeholders_planning_why_local"] == "Il gruppo locale riunisce scuole e imprese" and
          form["g_horizontal_current_level"] == "low", "the next round's form starts from the latest answers")
    form.update(date="2024-11-20", a_stakeholders_planning_baseline_level="partial",
                a_stakeholders_planning_why_local="Il gruppo locale riunisce scuole, imprese e associazioni",
                a_funding_relevant="yes", a_funding_why_en="ESF+ and regional funds together",
                g_horizontal_current_level="partial", g_horizontal_progress_possible_local="Un patto locale entro il 2025")
    st, _, _ = save(c, PATH, form)
    check(st == 303 and len(rounds(c)) == 3, "a second round is saved", st)
    st, _, body = save(c, PATH, dict(stale, date="2024-11-21", a_spatial_relevant="yes"))
    check(st == 409 and "Another round was saved" in body and len(rounds(c)) == 3,
          "a form filled in from an older round is refused and nothing is stored", st)
    check('name="a_spatial_relevant"' in body and re.search(r'value="yes" selected', body) is not None,
          "and the answers typed are still in the form")


def test_change(c):
    _, _, page = c.req("GET", PATH + "?lang=en")
    text = page.decode()
    check("Change from 2024-06-10 to 2024-11-20" in text, "the city sees the change from its previous round")
    check("Relevant aspects: 1 / 12 before, 2 / 12 now." in text, "with the aspects that became relevant")
    change = text.split('id="h-change"', 1)[-1].split('id="h-rounds"', 1)[0]
    check("Not yet integrated" in change and "Partly integrated" in change and "Mobilising all available funding" in change
          and "scuole, imprese e associazioni" in change and "Un patto locale entro il 2025" in change,
          "levels, texts and grid progress that changed are listed")
    check("Invite the employment office" not in change, "an unchanged answer is not listed as a change")
    check(text.count("Answers of 2024-") == 3, "every round is kept with its answers")
    _, _, page = c.req("GET", f"/cities/{CITY}/workspace/rubric?lang=en")
    check("2024-11-20" not in page.decode(), "the rubric's page shows no self-assessment round")


def test_network(network, other):
    st, _, page = network.req("GET", "/network/rubric?lang=en")
    text = page.decode().split('id="h-selfcheck"', 1)[-1]
    check(st == 200 and "Integration self-assessment of all cities" in page.decode(), "the network page has the section", st)
    row = re.search(r'workspace/integration">Arezzo</a></th>(.*?)</tr>', text, re.S)
    check(row is not None and "2024-11-20" in row.group(1) and "2 / 12" in row.group(1) and
          "Partly integrated" in row.group(1), "Arezzo's latest round: its relevant aspects and levels",
          row.group(1) if row else text[:300])
    check("Idrija" in text and "Trikala" in text, "every city is listed side by side")
    trikala = re.search(r'workspace/integration">Trikala</a></th>(.*?)</tr>', text, re.S)
    check(trikala is not None and "2024-06-20" in trikala.group(1) and "3 / 12" in trikala.group(1),
          "with the demo plan's baseline round of Trikala", trikala.group(1) if trikala else "")
    by_city = text.split('id="h-aspects-cities"', 1)[-1].split("</table>", 1)[0]
    funding = re.search(r'<th scope="row">Mobilising all available funding</th>(.*?)</tr>', by_city, re.S)
    cells = re.findall(r"<td>(.*?)</td>", funding.group(1)) if funding else []
    check(len(cells) == 8 and cells[0] == "Yes – Not yet integrated" and cells[2] == "Yes" and cells[1] == "–",
          "each aspect in every city: Trikala's funding relevant and not yet integrated, Arezzo's relevant", cells)
    st, _, _ = other.req("GET", "/network/rubric")
    check(st == 403, "a city officer cannot open the network page", st)


def test_exports(srv):
    st, _, page = srv.get(f"/cities/{CITY}/plan?lang=it")
    text = page.decode()
    check(st == 200 and "Autovalutazione del 2024-11-20." in text and "scuole, imprese e associazioni" in text and
          "Parzialmente integrato" in text, "the plan page shows the latest self-assessment in section 2", st)
    check("Il gruppo locale riunisce scuole e imprese<" not in text, "and not an older answer")
    st, _, data = srv.get(f"/cities/{CITY}/plan.pdf?lang=it")
    ok, pdf = pdf_text(data)
    flat = " ".join(pdf.split())
    check(st == 200 and ok and "Un patto locale entro il 2025" in flat and "Parzialmente integrato" in flat,
          "the PDF carries the latest answers", flat[:200])
    st, _, data = srv.get(f"/cities/{CITY}/plan.docx?lang=en")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        dom = minidom.parseString(z.read("word/document.xml"))
    words = "".join(n.firstChild.data for n in dom.getElementsByTagName("w:t") if n.firstChild)
    check(st == 200 and "ESF+ and regional funds together" in words and "Self-assessment of 2024-11-20." in words and
          "Current level of integration" in words, "the DOCX parses and carries the latest answers")
    st, _, data = srv.get(f"/cities/{CITY}/plan.xlsx?lang=it")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        strings = z.read("xl/sharedStrings.xml").decode()
    check(st == 200 and "Un patto locale entro il 2025" in strings and "Parzialmente integrato" in strings,
          "the spreadsheet of the plan's tables carries them too")


def test_limit(srv):
    c = officer(srv, "selfcheck.limit@example.org", "psachna")
    path = "/cities/psachna/workspace/integration"
    csrf = c.csrf(path)
    base = ""
    for i in range(WS_SELFCHECK_ROUNDS_MAX):
        st, _, _ = c.req("POST", path, {"csrf": csrf, "base": base, "date": f"2024-01-{1 + i % 28:02d}"
                                        if i < 28 else f"2024-02-{i - 27:02d}", "a_funding_relevant": "yes",
                                        "a_funding_why_en": f"round {i}"})
        if st != 303:
            break
        base = form_of(c, path)["base"]
    n = len(rounds(c, path))
    check(n == WS_SELFCHECK_ROUNDS_MAX, f"a city keeps {WS_SELFCHECK_ROUNDS_MAX} self-assessment rounds", n)
    st, _, body = c.req("POST", path, {"csrf": csrf, "base": base, "date": "2024-03-01", "a_funding_relevant": "no"})
    check(st == 400 and "most records of this kind" in body.decode() and len(rounds(c, path)) == n,
          "one more is refused and nothing is stored", st)


def test_pages_all_languages(c, network):
    for lang in LANGS:
        st, _, body = c.req("GET", f"{PATH}?lang={lang}")
        hp = parse_html(body)
        check(st == 200 and not hp.errors and hp.h1 == 1 and hp.lang == lang,
              f"the self-assessment page in {lang} is one well-formed page", (st, hp.errors[:2]))
        st, _, body = network.req("GET", f"/network/rubric?lang={lang}")
        check(st == 200 and not parse_html(body).errors, f"/network/rubric in {lang} is well-formed", st)


def run(srv, args):
    c = officer(srv, "selfcheck.officer@example.org", CITY)
    other = officer(srv, "selfcheck.other@example.org", "idrija")
    add_user(srv, "selfcheck.network@example.org", "network")
    network = Client(srv)
    network.login("selfcheck.network@example.org")
    _, _, page = c.req("GET", PATH + "?lang=en")
    check("No self-assessment yet." in page.decode(), "the page opens with no round")
    test_refused(srv, other)
    test_csrf(c)
    test_invalid(c)
    test_invalid_utf8_and_italian(c)
    test_fields_limit(c)
    first_round(c)
    second_round(c)
    test_change(c)
    test_network(network, other)
    test_exports(srv)
    test_pages_all_languages(c, network)
    test_limit(srv)
