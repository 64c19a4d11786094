"""The action-plan workspace's editing over HTTP, as a city officer: a ULG
meeting whose minutes go draft -> amended -> final, the problem tree,
objectives, the action table, indicators (one from the platform's own data,
shown only above the minimum group size), two rubric rounds and their change,
then the plan page and its PDF/DOCX. Also who may not, CSRF, stale versions,
invalid input and every named limit."""
import io
import re
import zipfile
from html.parser import HTMLParser
from xml.dom import minidom

from harness import check, parse_html
from suite_accounts import Client, add_user, cli
from suite_workspace import pdf_text

CITY = "idrija"
WS = f"/cities/{CITY}/workspace"
LANGS = ["en", "el", "it", "pt", "pl", "ro", "sl"]
# The named limits of src/domain/workspace/edit.h and rounds.h / platform.h.
WS_TITLE_MAX = 300
WS_LONG_MAX = 8000
WS_NODE_MAX = 1000
WS_ATTENDANCE_MAX = 10000
WS_DECISIONS_MAX = 30
WS_KIND_RECORDS_MAX = 200
WS_PLATFORM_MIN_GROUP = 5
WS_POLL_ANSWERS_MAX = 200
VERSION_RE = re.compile(r'name="version" value="(\d+)"')
CSRF_RE = re.compile(r'name="csrf" value="([^"]+)"')


def officer(srv, email, city):
    ok, err = add_user(srv, email, "city", "--city", city)
    check(ok, f"a {city} officer is added", err)
    c = Client(srv)
    c.login(email)
    return c


def version(c, path):
    _, _, body = c.req("GET", path)
    m = VERSION_RE.search(body.decode())
    return m.group(1) if m else ""


def save(c, path, form, page=None):
    """POST a form; returns (status, location, body text)."""
    st, h, body = c.post(path, form, page or path)
    return st, h.get("location", ""), body.decode("utf-8", "replace")


def rec_path(loc):
    return loc.split("?")[0]


def count(c, kind, city=CITY):
    ws = f"/cities/{city}/workspace"
    _, _, body = c.req("GET", f"{ws}/{kind}?lang=en")
    return len(re.findall(rf'href="{ws}/{kind}/[^"/]+"', body.decode()))


def test_refused(srv, other, network):
    anon = Client(srv)
    st, h, _ = anon.req("GET", f"{WS}/meetings")
    check(st in (303, 401) and "/login" in h.get("location", "/login"), "an anonymous visitor is sent to sign in", st)
    st, _, _ = other.req("GET", f"{WS}/meetings")
    check(st == 403, "another city's officer cannot open the workspace's records", st)
    st, _, _ = other.post(f"{WS}/meetings", {"title_local": "x", "date": "2024-05-14"}, "/account")
    check(st == 403, "nor add a record to it", st)
    st, _, _ = other.req("GET", "/network/rubric")
    check(st == 403, "a city officer cannot open the network's rubric page", st)
    st, _, body = network.req("GET", f"{WS}/meetings?lang=en")
    check(st == 200, "the network role opens a city's workspace", st)
    st, _, _ = network.req("GET", f"{WS}/rounds")
    check(st == 404, "a kind the workspace does not edit is 404", st)
    st, _, _ = network.req("GET", f"{WS}/meetings/meeting-999")
    check(st == 404, "an unknown record is 404", st)
    st, _, _ = network.req("GET", "/cities/nowhere/workspace/meetings")
    check(st in (403, 404), "an unknown city is refused", st)


def test_meeting(c):
    n0 = count(c, "meetings")
    form = {"title_local": "Srečanje lokalne skupine", "title_en": "Local group meeting", "date": "2024-05-14",
            "location": "Mestna hiša", "agenda_local": "1. Uvod\n2. Problemsko drevo", "attended": "14",
            "minutes_local": "Prvi osnutek zapisnika.", "decisions_local": "Ustanovimo delovno skupino\nNaslednje srečanje junija",
            "decisions_en": "Set up a working group\nNext meeting in June", "minutes_action": "draft"}
    st, loc, _ = save(c, f"{WS}/meetings", form)
    check(st == 303 and "/workspace/meetings/meeting-" in loc, "a ULG meeting is recorded with draft minutes", (st, loc))
    path = rec_path(loc)
    _, _, page = c.req("GET", path + "?lang=en")
    text = page.decode()
    check("Srečanje lokalne skupine" in text and "Minutes: draft" in text and parse_html(page).errors == [],
          "its editor shows the meeting and the minutes' state", parse_html(page).errors[:3])
    v1 = version(c, path)
    amended = dict(form, minutes_local="Popravljen zapisnik z imeni.", minutes_action="amended", version=v1)
    st, loc, _ = save(c, path, amended)
    _, _, page = c.req("GET", path + "?lang=en")
    text = page.decode()
    check(st == 303 and "Minutes: amended" in text, "the minutes are amended", st)
    check("Earlier versions of the minutes" in text and "Prvi osnutek zapisnika." in text,
          "the earlier text stays visible as history")
    stale = dict(amended, minutes_local="Tega ne bi smeli shraniti.")
    st, _, body = save(c, path, stale)
    check(st == 409 and "changed this record meanwhile" in body and "Tega ne bi smeli" not in body,
          "an edit over an old version is refused: someone changed it meanwhile", st)
    v2 = version(c, path)
    st, _, _ = save(c, path, dict(amended, minutes_action="final", version=v2))
    _, _, page = c.req("GET", path + "?lang=en")
    text = page.decode()
    check(st == 303 and "Minutes: final" in text and 'name="version"' not in text,
          "the minutes are made final and the editor is locked", st)
    v3 = v2 if not VERSION_RE.search(text) else VERSION_RE.search(text).group(1)
    st, _, body = save(c, path, dict(amended, minutes_local="Po koncu.", version=str(int(v2) + 1)), f"{WS}/meetings")
    _, _, page = c.req("GET", path + "?lang=en")
    check(st == 409 and "final and can no longer be changed" in body and "Po koncu." not in page.decode(),
          "an edit of final minutes is refused and changes nothing", (st, v3))
    st, _, _ = save(c, f"{path}/delete", {"version": str(int(v2) + 1)}, f"{WS}/meetings")
    check(st == 409 and count(c, "meetings") == n0 + 1, "final minutes cannot be deleted either", st)
    return path


def test_invalid(c):
    n0 = count(c, "meetings")
    base = {"title_local": "Srečanje", "date": "2024-05-14", "minutes_action": "draft"}
    cases = [
        ({"date": "2024-13-45"}, "an impossible date"),
        ({"date": ""}, "a missing date"),
        ({"title_local": "", "title_en": ""}, "a missing title"),
        ({"title_local": "x" * (WS_TITLE_MAX + 1)}, f"a title over {WS_TITLE_MAX} bytes"),
        ({"title_local": "two\nlines"}, "a title on two lines"),
        ({"agenda_local": "a" * (WS_LONG_MAX + 1)}, f"an agenda over {WS_LONG_MAX} bytes"),
        ({"attended": str(WS_ATTENDANCE_MAX + 1)}, f"attendance over {WS_ATTENDANCE_MAX}"),
        ({"attended": "-3"}, "a negative attendance"),
        ({"decisions_local": "\n".join(f"d{i}" for i in range(WS_DECISIONS_MAX + 1))},
         f"more than {WS_DECISIONS_MAX} decisions"),
        ({"minutes_action": "final"}, "draft minutes made final at once"),
        ({"minutes_action": "burnt"}, "an unknown minutes state"),
    ]
    for extra, what in cases:
        st, _, body = save(c, f"{WS}/meetings", dict(base, **extra), f"{WS}/meetings")
        check(st == 400 and 'role="alert"' in body, f"{what} is refused with a clear error", st)
    ok = dict(base, title_local="x" * WS_TITLE_MAX, attended=str(WS_ATTENDANCE_MAX),
              decisions_local="\n".join(f"d{i}" for i in range(WS_DECISIONS_MAX)))
    csrf = c.csrf(f"{WS}/meetings")
    st, _, _ = c.req("POST", f"{WS}/meetings", dict(ok, csrf=csrf + "x"))
    check(st == 403, "a form without the right CSRF token is refused", st)
    check(count(c, "meetings") == n0, "nothing was saved by the refused forms")
    st, loc, _ = save(c, f"{WS}/meetings", ok)
    check(st == 303, "values exactly at the limits are accepted", st)
    st, _, _ = save(c, rec_path(loc) + "/delete", {"version": version(c, rec_path(loc))}, rec_path(loc))
    check(st == 303 and count(c, "meetings") == n0, "a draft meeting can be deleted", st)
    raw = "title_local=%FF%FE&date=2024-05-14&minutes_action=draft&csrf=" + c.csrf(f"{WS}/meetings")
    st, _, _ = post_raw(c, f"{WS}/meetings", raw)
    check(st == 400 and count(c, "meetings") == n0, "invalid UTF-8 is refused", st)


def post_raw(c, path, body):
    import http.client
    h = {"Cookie": "; ".join(f"{k}={v}" for k, v in c.cookies.items()),
         "Content-Type": "application/x-www-form-urlencoded"}
    conn = http.client.HTTPConnection("127.0.0.1", c.srv.port, timeout=30)
    conn.request("POST", path, body=body.encode(), headers=h)
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return r.status, {}, data


def test_tree_and_objectives(c):
    st, loc, _ = save(c, f"{WS}/problems", {"kind": "problem", "text_local": "Premalo žensk v IT",
                                            "text_en": "Too few women in IT"})
    check(st == 303, "a core problem is added to the problem tree", st)
    prob = rec_path(loc).rsplit("/", 1)[1]
    st, loc, _ = save(c, f"{WS}/problems", {"kind": "cause", "parent": prob, "text_local": "Stereotipi v šolah"})
    check(st == 303, "a cause is added under it", st)
    cause = rec_path(loc)
    st, _, _ = save(c, f"{WS}/problems", {"kind": "effect", "parent": prob, "text_en": "Firms cannot hire"})
    check(st == 303, "an effect is added under it", st)
    st, _, body = save(c, f"{WS}/problems", {"kind": "cause", "text_local": "Brez starša"})
    check(st == 400 and "must belong to a problem" in body, "a cause without its problem is refused", st)
    st, _, _ = save(c, f"{WS}/problems", {"kind": "cause", "parent": "problem-999", "text_local": "x"})
    check(st == 400, "a cause under a problem that does not exist is refused", st)
    st, _, _ = save(c, f"{WS}/problems", {"kind": "problem", "text_local": "y" * (WS_NODE_MAX + 1)})
    check(st == 400, f"a node over {WS_NODE_MAX} bytes is refused", st)
    v = version(c, cause)
    st, _, _ = save(c, cause, {"kind": "cause", "parent": prob, "text_local": "Stereotipi v šolah in doma",
                               "version": v})
    check(st == 303, "a cause is edited", st)
    st, loc, _ = save(c, f"{WS}/objectives", {"title_local": "Več žensk v digitalnih poklicih",
                                              "title_en": "More women in digital jobs"})
    check(st == 303, "a strategic objective is added", st)
    strat = rec_path(loc).rsplit("/", 1)[1]
    st, loc, _ = save(c, f"{WS}/objectives", {"title_en": "Coding club for girls aged 12-15", "parent": strat})
    check(st == 303, "a specific objective is linked to it (English only)", st)
    spec = rec_path(loc).rsplit("/", 1)[1]
    st, _, body = save(c, f"{WS}/objectives", {"title_local": "Napačno", "parent": spec})
    check(st == 400, "an objective under a specific objective is refused", st)
    return strat, spec, rec_path(loc)


def test_vision(srv, c):
    st, h, _ = c.req("GET", f"{WS}/vision")
    path = f"{WS}/vision/plan"
    check(st == 303 and h.get("location") == path, "the vision page opens the plan record's editor", (st, h.get("location")))
    form = {"headline_local": "Idrija, mesto digitalnih talentov", "headline_en": "Idrija, a town of digital talent",
            "date": "2030-05-01", "story_local": "Leta 2030 je polovica novih programerjev žensk.",
            "version": version(c, path)}
    st, _, _ = save(c, path, dict(form, date="2030-02-30"))
    check(st == 400, "an impossible date of the newspaper is refused", st)
    st, _, _ = save(c, path, form)
    check(st == 303, "the Newspaper of Tomorrow is written", st)
    st, _, body = save(c, path, dict(form, headline_local="Zastarelo"))
    check(st == 409 and "Zastarelo" not in body, "an edit over the old version is refused", st)
    st, _, body = save(c, f"{path}/delete", {"version": version(c, path)}, path)
    check(st == 400 and "cannot be deleted" in body, "the plan record cannot be deleted", st)
    _, _, page = srv.get(f"/cities/{CITY}/plan?lang=sl")
    check("Idrija, mesto digitalnih talentov" in page.decode() and "Leta 2030 je polovica" in page.decode(),
          "the plan page shows the vision")


def test_actions(c, spec):
    st, _, body = save(c, f"{WS}/actions", {"title_local": "Poletna šola kodiranja", "objective": spec,
                                            "budget": "12.000,00"})
    check(st == 400 and "amount in euro" in body, "a budget written with the wrong separators is refused", st)
    st, _, body = save(c, f"{WS}/actions", {"title_local": "Poletna šola kodiranja", "objective": spec,
                                            "risk1_description_local": "Premalo prijav"})
    check(st == 400 and "likelihood" in body, "a risk without likelihood and impact is refused", st)
    st, _, _ = save(c, f"{WS}/actions", {"title_local": "Poletna šola", "objective": "objective-999"})
    check(st == 400, "an action on an objective that does not exist is refused", st)
    form = {"title_local": "Poletna šola kodiranja", "title_en": "Summer coding school", "objective": spec,
            "intended_results_local": "40 deklet se nauči programirati", "resources_local": "Dva mentorja, učilnica",
            "main_outputs_local": "Štiri tedenske delavnice", "long_term_change_local": "Več deklet izbere računalništvo",
            "start": "2025-07-01", "end": "2025-08-31", "responsible_local": "Mestna knjižnica Idrija",
            "budget": "12000.50", "funding_source_local": "Občinski proračun",
            "risk1_description_local": "Premalo prijav", "risk1_likelihood": "3", "risk1_impact": "4"}
    st, loc, _ = save(c, f"{WS}/actions", dict(form, end="2025-06-01"))
    check(st == 400, "an action ending before it starts is refused", st)
    st, loc, _ = save(c, f"{WS}/actions", form)
    check(st == 303, "an action is added to the action table with its details and a risk", st)
    _, _, page = c.req("GET", rec_path(loc) + "?lang=en")
    check('value="12000.50"' in page.decode() and "Premalo prijav" in page.decode(),
          "the budget and the risk are shown again in the editor")
    return rec_path(loc).rsplit("/", 1)[1]


def test_indicators(c, spec, action):
    st, _, body = save(c, f"{WS}/indicators", {"name_local": "Dekleta na delavnicah", "unit": "dekleta",
                                               "objective": spec, "targets": "2025Q5: 40"})
    check(st == 400 and "YYYYQn" in body, "a target in a quarter that does not exist is refused", st)
    st, _, body = save(c, f"{WS}/indicators", {"name_local": "Dekleta", "unit": "dekleta"})
    check(st == 400, "an indicator that measures nothing is refused", st)
    st, _, _ = save(c, f"{WS}/indicators", {"name_local": "Dekleta na delavnicah", "name_en": "Girls at the workshops",
                                            "unit": "girls", "objective": spec, "action": action, "baseline": "0",
                                            "targets": "2025: 40, 2026: 60", "actuals": "2025: 31",
                                            "source_local": "Prijavnice"})
    check(st == 303, "an indicator with baseline, targets, actuals and source is added", st)
    st, loc, _ = save(c, f"{WS}/indicators", {"name_en": "Tech job postings in Idrija", "unit": "postings",
                                              "action": action, "platform_metric": "jobs.published"})
    check(st == 303, "an indicator whose actuals come from the platform is added", st)
    return rec_path(loc)


def test_platform_figure(srv, c):
    _, _, page = srv.get(f"/cities/{CITY}/plan?lang=en")
    text = page.decode()
    row = re.search(r"Tech job postings in Idrija.*?</tr>", text, re.S)
    check(row and "insufficient data" in row.group(0) and not re.search(r"<td[^>]*>\d+ \(\d{4}Q\d\)", row.group(0)),
          f"below {WS_PLATFORM_MIN_GROUP} postings the plan says there is not enough data and shows no figure",
          row.group(0)[:300] if row else None)
    _, _, page = c.req("GET", f"{WS}/indicators?lang=en")
    check(re.search(r"platform figure for \d{4}Q\d: not enough data", page.decode()) is not None,
          "the workspace says \"not enough data\" too, with no figure")
    from suite_jobs import FAIR, employer
    emp = employer(srv, "hr@iapedit.example.org", "iapedit-jobs")
    for i in range(WS_PLATFORM_MIN_GROUP):
        st, _, _ = emp.post("/orgs/iapedit-jobs/jobs", dict(FAIR, title=f"Programer {i}", city="Idrija", country="SI"),
                            "/orgs/iapedit-jobs/jobs/new")
    _, _, page = srv.get(f"/cities/{CITY}/plan?lang=en")
    row = re.search(r"Tech job postings in Idrija.*?</tr>", page.decode(), re.S)
    check(row and re.search(r">\d+ \(\d{4}Q\d\)<", row.group(0)) and "insufficient data" not in row.group(0),
          f"with at least {WS_PLATFORM_MIN_GROUP} postings this quarter the figure is shown",
          row.group(0)[:300] if row else None)
    _, _, page = c.req("GET", f"{WS}/indicators?lang=en")
    m = re.search(r"platform figure for \d{4}Q\d: (\d+)", page.decode())
    check(m and int(m.group(1)) >= WS_PLATFORM_MIN_GROUP, "and the workspace shows the figure", m and m.group(0))


def test_bilingual(srv, c, spec_path):
    v = version(c, spec_path)
    _, _, page = c.req("GET", spec_path + "?lang=en")
    parent = re.search(r'<option value="([^"]+)" selected', page.decode())
    form = {"title_en": "Coding club for girls aged 12-15", "version": v, "parent": parent.group(1) if parent else ""}
    st, _, _ = save(c, spec_path, dict(form, title_local="Klub kodiranja za dekleta"))
    check(st == 303, "a translation is added to the English original", st)
    _, _, page = srv.get(f"/cities/{CITY}/plan?lang=sl")
    check("Klub kodiranja za dekleta" in page.decode(), "the plan page shows the city's language when it is there")
    v = version(c, spec_path)
    st, _, _ = save(c, spec_path, dict(form, title_en="Coding club for girls aged 11-15", version=v,
                                       title_local="Klub kodiranja za dekleta"))
    _, _, page = c.req("GET", spec_path + "?lang=en")
    check(st == 303 and "Translation out of date" in page.decode() and "Original text." in page.decode(),
          "changing the original marks the translation out of date in the editor", st)
    _, _, page = srv.get(f"/cities/{CITY}/plan?lang=sl")
    check("Klub kodiranja za dekleta [prevod ni posodobljen]" in page.decode(),
          "the plan page marks the lagging translation as out of date")
    _, _, page = srv.get(f"/cities/{CITY}/plan?lang=it")
    check('lang="en">Coding club for girls aged 11-15</span>' in page.decode(),
          "English text inside a page in another language carries lang=\"en\"")
    check(re.search(r'<h1><span lang="(en|sl)">', page.decode()) is not None,
          "so does the plan's title in the page's heading")
    v = version(c, spec_path)
    st, _, _ = save(c, spec_path, dict(form, title_en="Coding club for girls aged 11-15", version=v,
                                       title_local="Klub kodiranja za dekleta od 11 do 15 let"))
    _, _, page = c.req("GET", spec_path + "?lang=en")
    check(st == 303 and "Translation out of date" not in page.decode(), "updating the translation clears the mark")


def test_rubric(srv, c, network):
    path = f"{WS}/rubric"
    st, _, page = c.req("GET", path + "?lang=en")
    check(st == 200 and "No round scored yet." in page.decode(), "the rubric page opens with no round", st)
    st, _, body = save(c, path, {"date": "2024-06-01", "score_strategic_goal": "4"})
    check(st == 400 and "1, 3 or 5" in body, "a score other than 1, 3 or 5 is refused", st)
    st, _, body = save(c, path, {"date": "2024-06-01", "poll_integration": "11"})
    check(st == 400, "a poll answer off the 1-10 scale is refused", st)
    st, _, body = save(c, path, {"date": "2024-06-01", "poll_integration": ",".join(["5"] * (WS_POLL_ANSWERS_MAX + 1)),
                                 "score_strategic_goal": "1"})
    check(st == 400, f"more than {WS_POLL_ANSWERS_MAX} poll answers are refused", st)
    st, _, body = save(c, path, {"date": "2024-06-01"})
    check(st == 400, "a round with no score is refused", st)
    r1 = {"date": "2024-06-01", "score_developed_with_partners": "1", "evidence_developed_with_partners_local": "Samo občina",
          "score_strategic_goal": "3", "score_three_pillars": "1", "poll_integration": "4, 5, 6"}
    st, _, _ = save(c, path, r1)
    check(st == 303, "a first rubric round is scored", st)
    r2 = dict(r1, date="2024-11-20", score_developed_with_partners="5", score_three_pillars="3",
              evidence_developed_with_partners_local="Lokalna skupina s šolami in podjetji",
              evidence_developed_with_partners_en="The local group with schools and firms", poll_integration="7, 8, 8")
    st, _, _ = save(c, path, r2)
    check(st == 303, "a second round is scored", st)
    _, _, page = c.req("GET", path + "?lang=en")
    text = page.decode()
    check("Change from 2024-06-01 to 2024-11-20" in text and "+4" in text and "+2" in text,
          "the city sees the change per indicator and per section total", text.count("+"))
    check("5.0 (3)" in text and "7.7 (3)" in text and "+2.7" in text, "and the confidence poll's change")
    check(text.count("<tr><th scope=\"row\">2024-") == 2, "both rounds are kept")
    check("Scores and evidence of 2024-06-01" in text and '<span lang="sl">Samo občina</span>' in text and
          "The local group with schools and firms" in text, "each with its own evidence, in the page's language "
          "where written, else marked as Slovenian")
    _, _, page = c.req("GET", path + "?lang=sl")
    check("Lokalna skupina s šolami in podjetji" in page.decode(), "the Slovenian page shows the Slovenian evidence")
    st, _, page = network.req("GET", "/network/rubric?lang=en")
    check(st == 200 and "Idrija" in page.decode() and "change since 2024-06-01: +6" in page.decode(),
          "the network sees all cities side by side with the change", st)


def test_exports(srv):
    st, _, data = srv.get(f"/cities/{CITY}/plan.pdf?lang=sl")
    ok, text = pdf_text(data)
    flat = " ".join(text.split())
    check(st == 200 and ok and "Poletna šola kodiranja" in flat and "Več žensk v digitalnih poklicih" in flat,
          "the PDF carries the new action and objective", flat[:200])
    check("Premalo žensk v IT" in flat and "Srečanje lokalne skupine" in flat and "mesto digitalnih talentov" in flat,
          "and the problem tree, the vision and the meeting")
    st, _, data = srv.get(f"/cities/{CITY}/plan.docx?lang=sl")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml")
    dom = minidom.parseString(xml)
    words = "".join(n.firstChild.data for n in dom.getElementsByTagName("w:t") if n.firstChild)
    check(st == 200 and "Poletna šola kodiranja" in words and "Dekleta na delavnicah" in words,
          "the DOCX parses and carries the new action and indicator")


def test_other_records(srv, c, action):
    """Stakeholders, a testing action with its decision, and a good practice."""
    st, loc, _ = save(c, f"{WS}/stakeholders", {"organisation": "Tehnološki park", "sector": "private",
                                                 "role": "Mentorstvo", "influence": "4", "interest": "5"})
    check(st == 303 and "/workspace/stakeholders/" in loc, "a stakeholder is added to the map", (st, loc))
    st, _, body = save(c, f"{WS}/stakeholders", {"organisation": "Ničelni vpliv", "influence": "0", "interest": "3"})
    check(st == 400 and count(c, "stakeholders") >= 1 and "Ničelni vpliv" not in
          c.req("GET", f"{WS}/stakeholders?lang=en")[2].decode(), "an influence outside 1–5 is refused", st)
    st, loc, _ = save(c, f"{WS}/testing", {"challenge_local": "Dekleta ne poznajo poklicev v IT",
                                           "action": action.rsplit("/", 1)[-1], "idea_local": "Poletni tabor",
                                           "result_local": "18 od 20 deklet želi nadaljevati", "decision": "scale-up"})
    check(st == 303 and "/workspace/testing/" in loc, "a testing action is recorded with its decision", (st, loc))
    st, loc, _ = save(c, f"{WS}/practices", {"title": "Coding clubs in libraries", "kind": "good-practice",
                                             "partner": "Idrija", "abstract_local": "Knjižnice gostijo programerske krožke."})
    check(st == 303 and "/workspace/practices/" in loc, "a good practice is recorded", (st, loc))
    _, _, page = srv.get(f"/cities/{CITY}/plan?lang=sl")
    text = page.decode()
    check("Tehnološki park" in text and "Poletni tabor" in text and "18 od 20 deklet" in text,
          "the plan page shows the stakeholder and the testing action with its result")
    for kind in ["stakeholders", "testing", "practices"]:
        _, _, page = c.req("GET", f"{WS}/{kind}?lang=en")
        check(parse_html(page).errors == [] and count(c, kind) >= 1, f"the {kind} list is well-formed and lists the record")


def test_pages_all_languages(c, network, paths):
    for lang in LANGS:
        for p in paths:
            st, _, body = c.req("GET", f"{p}?lang={lang}")
            hp = parse_html(body)
            check(st == 200 and not hp.errors and hp.h1 == 1 and hp.lang == lang,
                  f"{p} in {lang} is one well-formed page", (st, hp.errors[:2]))
        st, _, body = network.req("GET", f"/network/rubric?lang={lang}")
        check(st == 200 and not parse_html(body).errors, f"/network/rubric in {lang} is well-formed", st)


class FormScraper(HTMLParser):
    """The fields of the page's form.ws-form as a browser would send them
    (the first submit button's name/value included)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fields, self.inform, self.cur, self.select, self.button = {}, False, None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and "ws-form" in (a.get("class") or ""):
            self.inform = True
        if not self.inform:
            return
        if tag == "input" and a.get("name") and a.get("name") != "csrf":
            self.fields[a["name"]] = a.get("value", "")
        elif tag == "textarea":
            self.cur = a["name"]
            self.fields[self.cur] = ""
        elif tag == "select":
            self.select = a["name"]
            self.fields.setdefault(self.select, None)
        elif tag == "option" and self.select:
            if self.fields[self.select] is None or "selected" in a:
                self.fields[self.select] = a.get("value", "")
        elif tag == "button" and a.get("name") and not self.button:
            self.button = (a["name"], a["value"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.inform = False
        elif tag == "textarea":
            self.cur = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data):
        if self.cur:
            self.fields[self.cur] += data


def test_demo_roundtrip(srv):
    """Saving every demo record of a city unchanged leaves its plan exactly as it was."""
    city = "bielsko-biala"
    c = officer(srv, "roundtrip.officer@example.org", city)
    _, _, before = srv.get(f"/cities/{city}/plan?lang=pl")
    saved = 0
    for kind in ["meetings", "problems", "vision", "objectives", "actions", "indicators"]:
        _, _, body = c.req("GET", f"/cities/{city}/workspace/{kind}?lang=pl")
        hrefs = re.findall(rf'href="(/cities/{city}/workspace/{kind}/[^"/]+)"', body.decode())
        for href in hrefs or [f"/cities/{city}/workspace/vision/plan"] * (kind == "vision"):
            _, _, page = c.req("GET", href)
            sc = FormScraper()
            sc.feed(page.decode())
            if "version" not in sc.fields:
                continue  # final minutes: no form
            form = dict(sc.fields)
            if sc.button:
                form[sc.button[0]] = sc.button[1]
            st, _, resp = c.post(href, form, href)
            check(st == 303, f"the demo record {href} saves unchanged", (st, re.findall(r"<li>.*?</li>", resp.decode())[:3]))
            saved += 1
    _, _, after = srv.get(f"/cities/{city}/plan?lang=pl")
    check(saved > 5 and before == after, f"after saving {saved} demo records unchanged the plan is the same",
          [a for a, b in zip(before.decode().split("<"), after.decode().split("<")) if a != b][:4])


def test_records_limit(srv):
    c = officer(srv, "limit.officer@example.org", "psachna")
    path = "/cities/psachna/workspace/problems"
    csrf = c.csrf(path)
    n = count(c, "problems", "psachna")
    for i in range(n, WS_KIND_RECORDS_MAX):
        c.req("POST", path, {"kind": "problem", "text_en": f"Problem {i}", "csrf": csrf})
    check(count(c, "problems", "psachna") == WS_KIND_RECORDS_MAX, f"a city may keep {WS_KIND_RECORDS_MAX} problem-tree nodes")
    st, _, body = c.req("POST", path, {"kind": "problem", "text_en": "One too many", "csrf": csrf})
    check(st == 400 and "most records of this kind" in body.decode() and count(c, "problems", "psachna") == WS_KIND_RECORDS_MAX,
          "one more is refused and nothing is stored", st)


def test_delete(c, strat):
    _, _, body = c.req("GET", f"{WS}/problems?lang=en")
    prob = re.search(rf'href="{WS}/problems/(problem-\d+)">Too few women in IT', body.decode())
    if prob:
        p = f"{WS}/problems/{prob.group(1)}"
        st, _, body2 = save(c, f"{p}/delete", {"version": version(c, p)}, p)
        check(st == 400 and "still refer" in body2, "a problem with causes under it cannot be deleted", st)
    else:
        check(False, "the problem is listed", body[:200])
    st, _, body = save(c, f"{WS}/objectives/{strat}/delete", {"version": version(c, f"{WS}/objectives/{strat}")},
                       f"{WS}/objectives/{strat}")
    check(st == 400 and "still refer" in body, "an objective other records refer to cannot be deleted", st)


def run(srv, args):
    c = officer(srv, "iapedit.officer@example.org", CITY)
    other = officer(srv, "iapedit.other@example.org", "arezzo")
    ok, err = add_user(srv, "iapedit.network@example.org", "network")
    network = Client(srv)
    network.login("iapedit.network@example.org")
    test_refused(srv, other, network)
    meeting = test_meeting(c)
    test_invalid(c)
    strat, spec, spec_path = test_tree_and_objectives(c)
    test_vision(srv, c)
    action = test_actions(c, spec)
    test_indicators(c, spec, action)
    test_platform_figure(srv, c)
    test_bilingual(srv, c, spec_path)
    test_rubric(srv, c, network)
    test_other_records(srv, c, action)
    test_exports(srv)
    test_delete(c, strat)
    paths = [WS, f"{WS}/meetings", meeting, f"{WS}/problems", f"{WS}/vision/plan", f"{WS}/objectives", spec_path, f"{WS}/actions",
             f"{WS}/indicators", f"{WS}/stakeholders", f"{WS}/testing", f"{WS}/practices", f"{WS}/rubric",
             f"/cities/{CITY}/plan"]
    test_pages_all_languages(c, network, paths)
    test_records_limit(srv)
    test_demo_roundtrip(srv)
    _ = cli
