"""Actions in the workspace over HTTP, as a city officer: the action form's
details (outputs, connected activities, implementation, risk mitigation),
sub-actions with their weight and own progress, a sub-action cycle refused
with a clear message, milestones added, edited, ticked, unticked and
removed over the action's version (stale posts, bad input and the named
limit change nothing), and the progress roll-up on the workspace pages, the
plan page, the PDF and DOCX exports and the city's calendar."""
import io
import os
import re
import tempfile
import zipfile
from xml.dom import minidom

from harness import check, parse_html
from suite_accounts import Client, add_user, cli
from suite_iapedit import officer, save, version
from suite_workspace import pdf_text

CITY = "amarante"
WS = f"/cities/{CITY}/workspace"
LANGS = ["en", "el", "it", "pt", "pl", "ro", "sl"]
# The named limits of src/domain/workspace/actions.h and edit.h.
WS_MILESTONES_MAX = 40
WS_TITLE_MAX = 300
IAP_WEIGHT_MAX = 1000





def page(c, path, lang="en"):
    _, _, body = c.req("GET", f"{path}?lang={lang}")
    return body.decode()


def plan(srv, lang="en"):
    return srv.get(f"/cities/{CITY}/plan?lang={lang}")[2].decode()


def milestone_ids(c, action):
    return re.findall(rf'href="{WS}/actions/{action}/milestones/(m\d+)"', page(c, f"{WS}/actions/{action}/milestones"))


def test_action_form(c):
    st, loc, _ = save(c, f"{WS}/objectives", {"title_local": "Mais raparigas no digital",
                                              "title_en": "More girls in digital jobs"})
    check(st == 303, "an objective to hang the actions on", st)
    obj = loc.split("?")[0].rsplit("/", 1)[1]
    base = {"title_local": "Escola de verão de programação", "title_en": "Summer coding school", "objective": obj,
            "outputs_local": "Quatro oficinas", "connected_local": "Clube de programação da biblioteca",
            "implementation_local": "Com a escola secundária e duas empresas", "progress": "25",
            "risk1_description_local": "Poucas inscrições", "risk1_likelihood": "3", "risk1_impact": "4",
            "risk1_mitigation_local": "Divulgação nas escolas", "risk1_mitigation_en": "Notices in schools"}
    for extra, what, needle in [
        ({"progress": "101"}, "own progress over 100 %", "percentage from 0 to 100"),
        ({"progress": "12,5"}, "own progress with a comma", "percentage from 0 to 100"),
        ({"weight": "0"}, "weight 0", "weight must be from 1 to 1000"),
        ({"weight": str(IAP_WEIGHT_MAX + 1)}, f"weight over {IAP_WEIGHT_MAX}", "allowed range"),
        ({"objective": ""}, "an action under neither an objective nor an action", "choose the objective"),
        ({"risk1_description_local": "", "risk1_likelihood": "", "risk1_impact": ""}, "a mitigation without its risk",
         "a risk needs a description"),
    ]:
        st, _, body = save(c, f"{WS}/actions", dict(base, **extra), f"{WS}/actions")
        check(st == 400 and needle in body, f"{what} is refused with a clear error", st)
    st, loc, _ = save(c, f"{WS}/actions", base)
    check(st == 303, "an action is added with outputs, connected activities, implementation and a mitigation", st)
    action = loc.split("?")[0].rsplit("/", 1)[1]
    text = page(c, f"{WS}/actions/{action}")
    check(all(s in text for s in ["Quatro oficinas", "Clube de programação", "Com a escola secundária",
                                  "Divulgação nas escolas", "Notices in schools", 'value="25"']),
          "every detail is shown again in its editor")
    check("Progress: 25 % — as entered" in text and '<progress max="1000"' in text and 'value="250"' in text,
          "the action page shows its own progress as text and as a <progress>")
    return obj, action


def test_sub_actions(c, obj, action):
    st, _, body = save(c, f"{WS}/actions", {"title_local": "Mentoras", "objective": obj, "parent": action},
                       f"{WS}/actions")
    check(st == 400 and "not to an objective" in body, "a sub-action with an objective as well is refused", st)
    st, loc, _ = save(c, f"{WS}/actions", {"title_local": "Mentoras", "title_en": "Mentors", "parent": action,
                                           "weight": "1", "progress": "50"})
    check(st == 303, "a sub-action is added under the action", st)
    sub = loc.split("?")[0].rsplit("/", 1)[1]
    text = page(c, f"{WS}/actions")
    nested = re.search(rf'href="{WS}/actions/{action}">.*?<ul><li><a href="{WS}/actions/{sub}">', text, re.S)
    check(nested is not None, "the action list shows the sub-action indented under its parent")
    check(re.search(rf'href="{WS}/actions/{sub}">[^<]*</a> · progress 50 %', text) is not None and
          re.search(rf'href="{WS}/actions/{action}">[^<]*</a> · progress 50 %', text) is not None,
          "with each action's progress as text: the parent rolls up from its sub-action")
    path = f"{WS}/actions/{action}"
    sel = re.search(r'<select id="f-parent".*?</select>', page(c, path), re.S)
    check(sel and f'value="{sub}"' not in sel.group(0) and f'value="{action}"' not in sel.group(0),
          "an action's \"sub-action of\" choices leave out itself and its own sub-actions")
    form = {"title_local": "Escola de verão de programação", "objective": "", "parent": sub, "version": version(c, path)}
    st, _, body = save(c, path, form)
    check(st == 400 and "cannot be a sub-action of one of its own sub-actions" in body,
          "putting an action under its own sub-action is refused with a clear message", st)
    _, _, body = c.req("POST", f"{path}?lang=pt", dict(form, csrf=c.csrf(path)))
    check("não pode ser uma subação de uma das suas próprias subações" in body.decode(),
          "and the message is translated (Portuguese)")
    check('value="25"' in page(c, path) and version(c, path) == form["version"], "nothing was changed")
    st, _, body = save(c, f"{path}/delete", {"version": version(c, path)}, path)
    check(st == 400 and "still refer" in body, "an action with sub-actions cannot be deleted", st)
    return sub


def add_ms(c, action, title, due, weight="1", title_en=""):
    mp = f"{WS}/actions/{action}/milestones"
    return save(c, mp, {"title_local": title, "title_en": title_en, "due": due, "weight": weight,
                        "version": version(c, mp)}, mp)


def test_milestones_invalid(c, action):
    mp = f"{WS}/actions/{action}/milestones"
    text = page(c, mp)
    check("None yet." in text and parse_html(text.encode()).errors == [], "the milestones page opens, empty")
    v = version(c, mp)
    for extra, what in [({"due": ""}, "no due date"), ({"due": "2025-02-30"}, "an impossible due date"),
                        ({"title_local": "", "title_en": ""}, "no title"),
                        ({"title_local": "x" * (WS_TITLE_MAX + 1)}, f"a title over {WS_TITLE_MAX} bytes"),
                        ({"title_local": "duas\nlinhas"}, "a title on two lines"),
                        ({"weight": "0"}, "weight 0"), ({"weight": str(IAP_WEIGHT_MAX + 1)}, "weight over the limit")]:
        form = dict({"title_local": "Inscrições abertas", "due": "2025-05-01", "weight": "1", "version": v}, **extra)
        st, _, body = save(c, mp, form)
        check(st == 400 and 'role="alert"' in body, f"a milestone with {what} is refused with a clear error", st)
    check(milestone_ids(c, action) == [] and version(c, mp) == v, "nothing was added by the refused forms")
    st, _, _ = c.req("POST", mp, {"title_local": "x", "due": "2025-05-01", "version": v, "csrf": c.csrf(mp) + "x"})
    check(st == 403, "a milestone form without the right CSRF token is refused", st)
    st, _, body = save(c, mp, {"title_local": "x", "due": "2025-05-01", "version": str(int(v) - 1)})
    check(st == 409 and "changed this record meanwhile" in body and milestone_ids(c, action) == [],
          "a milestone posted over an old version of the action is refused and says so", st)


def test_milestones(srv, c, action, sub):
    mp = f"{WS}/actions/{action}/milestones"
    st, loc, _ = add_ms(c, action, "Inscrições abertas", "2025-05-01", "1", "Registrations open")
    check(st == 303 and loc.startswith(mp), "a milestone is added", (st, loc))
    st, _, _ = add_ms(c, action, "Oficinas realizadas", "2025-08-31", "2")
    check(st == 303 and milestone_ids(c, action) == ["m1", "m2"], "a second milestone; ids m1 and m2",
          milestone_ids(c, action))
    text = page(c, mp)
    check("2025-05-01" in text and "Registrations open" in text and text.count("Mark as done") == 2,
          "the milestones are listed with due date, weight and state")
    # sub-action 500 ‰ × 1, m1 0 × 1, m2 0 × 2 → 500 / 4 = 12.5 %
    check("Progress: 12.5 % — from 1 sub-action and 2 milestones" in page(c, f"{WS}/actions/{action}"),
          "the action page tells how its progress comes about")
    plan_before = plan(srv, "pt")
    check(re.search(r"Escola de verão de programação.*?12\.5", plan_before, re.S) is not None,
          "the plan page shows 12.5 % for the action")
    v = version(c, mp)
    st, _, _ = save(c, f"{mp}/m2/done", {"done": "1", "version": v}, mp)
    check(st == 303 and text.count("Mark as done") == 2 and page(c, mp).count("Mark as not done") == 1,
          "m2 is ticked done", st)
    st, _, body = save(c, f"{mp}/m1/done", {"done": "1", "version": v}, mp)
    check(st == 409 and "changed this record meanwhile" in body and page(c, mp).count("Mark as not done") == 1,
          "a tick over a stale version changes nothing and says so", st)
    st, _, body = save(c, f"{mp}/m1/done", {"done": "yes", "version": version(c, mp)}, mp)
    check(st == 400 and page(c, mp).count("Mark as not done") == 1, "a tick with an unknown value is refused", st)
    # (500 + 2 × 1000) / 4 = 62.5 %
    check("Progress: 62.5 % — from 1 sub-action and 2 milestones" in page(c, f"{WS}/actions/{action}"),
          "ticking m2 moves the action to 62.5 %")
    check(re.search(r"Escola de verão de programação.*?62\.5", plan(srv, "pt"), re.S) is not None,
          "and the plan page shows 62.5 %")
    return v


def test_exports(srv, action):
    st, _, data = srv.get(f"/cities/{CITY}/plan.pdf?lang=pt")
    ok, text = pdf_text(data)
    flat = " ".join(text.split())
    check(st == 200 and ok and re.search(r"Escola de verão de programação.*?62\.5", flat) is not None,
          "the PDF shows the ticked milestone's progress (62.5)", flat[:300])
    text = plan(srv, "pt")
    check("Divulgação nas escolas" in text and "Com a escola secundária" in text and "↳ Mentoras" in text,
          "the plan page shows the risk's mitigation, the implementation details and the sub-action under its parent")
    st, _, data = srv.get(f"/cities/{CITY}/plan.docx?lang=pt")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        dom = minidom.parseString(z.read("word/document.xml"))
    rows = ["".join(t.firstChild.data for t in tr.getElementsByTagName("w:t") if t.firstChild)
            for tr in dom.getElementsByTagName("w:tr")]
    row = [r for r in rows if r.startswith("Escola de verão de programação") and "62.5" in r]
    check(st == 200 and row, "the DOCX parses and its action details row shows 62.5", [r[:80] for r in rows][:8])
    _, _, ics = srv.get(f"/cities/{CITY}/calendar.ics?lang=pt")
    flat = ics.decode().replace("\r\n ", "")
    check(f"UID:{CITY}-milestone-{action}-m1@" in flat and "Inscrições abertas" in flat,
          "the milestone is in the city's calendar (.ics) with a UID from its id")
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "city.ics")
        r = cli(srv, "export", "calendar", "--city", CITY, "-o", out)
        with open(out, "rb") as f:
            exported = f.read().decode().replace("\r\n ", "")
    check(r.returncode == 0 and f"UID:{CITY}-milestone-{action}-m1@" in exported,
          "and in the city's calendar written by techdiv export calendar --city", r.stderr)


def test_edit_and_remove(srv, c, action):
    mp = f"{WS}/actions/{action}/milestones"
    ep = f"{mp}/m1"
    text = page(c, ep)
    check('value="Inscrições abertas"' in text and 'value="2025-05-01"' in text and parse_html(text.encode()).errors == [],
          "a milestone's editor shows it")
    v = version(c, mp)
    form = {"title_local": "Inscrições encerradas", "title_en": "Registrations closed", "due": "2025-05-15",
            "weight": "1", "version": v}
    st, _, body = save(c, ep, dict(form, due="2025-13-01"))
    check(st == 400 and 'role="alert"' in body and "Inscrições abertas" in page(c, mp, "pt"),
          "an edit with a bad due date is refused and changes nothing", st)
    st, _, _ = save(c, ep, form)
    text = page(c, mp, "pt")
    check(st == 303 and "Inscrições encerradas" in text and "2025-05-15" in text and "Inscrições abertas" not in text,
          "the milestone is edited", st)
    st, _, body = save(c, ep, dict(form, title_local="Obsoleto"))
    check(st == 409 and "Obsoleto" not in page(c, mp, "pt"), "an edit over the old version is refused", st)
    st, _, _ = save(c, f"{mp}/m2/done", {"done": "0", "version": version(c, mp)}, mp)
    check(st == 303 and "Progress: 12.5 %" in page(c, f"{WS}/actions/{action}"), "unticking m2 brings back 12.5 %", st)
    st, _, _ = save(c, f"{mp}/m1/delete", {"version": version(c, mp)}, mp)
    check(st == 303 and milestone_ids(c, action) == ["m2"], "m1 is removed", st)
    _, _, ics = srv.get(f"/cities/{CITY}/calendar.ics")
    check(f"-milestone-{action}-m1@" not in ics.decode().replace("\r\n ", ""), "and leaves the calendar")
    st, _, _ = add_ms(c, action, "Certificados entregues", "2025-09-15")
    check(st == 303 and milestone_ids(c, action) == ["m2", "m3"], "a new milestone gets m3: ids are never reused",
          milestone_ids(c, action))
    st, _, _ = c.req("GET", f"{mp}/m1")
    check(st == 404, "a removed milestone's page is 404", st)
    st, _, _ = save(c, f"{mp}/m1/done", {"done": "1", "version": version(c, mp)}, mp)
    check(st == 404, "ticking a removed milestone is 404", st)
    st, _, _ = c.req("GET", f"{WS}/actions/action-999/milestones")
    check(st == 404, "the milestones of an unknown action are 404", st)


def test_limit(c, obj):
    st, loc, _ = save(c, f"{WS}/actions", {"title_local": "Muitos marcos", "objective": obj}, f"{WS}/actions")
    action = loc.split("?")[0].rsplit("/", 1)[1]
    mp = f"{WS}/actions/{action}/milestones"
    csrf = c.csrf(mp)
    v = int(version(c, mp))
    for i in range(WS_MILESTONES_MAX):
        c.req("POST", mp, {"title_local": f"Marco {i}", "due": "2026-01-01", "version": str(v + i), "csrf": csrf})
    check(len(milestone_ids(c, action)) == WS_MILESTONES_MAX, f"an action may have {WS_MILESTONES_MAX} milestones")
    st, _, body = c.req("POST", mp, {"title_local": "Um a mais", "due": "2026-01-01", "version": version(c, mp),
                                     "csrf": csrf})
    check(st == 400 and "most milestones" in body.decode() and len(milestone_ids(c, action)) == WS_MILESTONES_MAX,
          "one more is refused and nothing is stored", st)
    return action


def test_refused(srv, other, action):
    mp = f"{WS}/actions/{action}/milestones"
    st, _, _ = other.req("GET", mp)
    check(st == 403, "another city's officer cannot open the milestones", st)
    st, _, _ = other.post(mp, {"title_local": "x", "due": "2025-01-01", "version": "1"}, "/account")
    check(st == 403, "nor add one", st)
    st, h, _ = Client(srv).req("GET", mp)
    check(st in (303, 401), "an anonymous visitor is sent to sign in", st)


def test_pages_all_languages(c, action):
    paths = [f"{WS}/actions", f"{WS}/actions/{action}", f"{WS}/actions/{action}/milestones",
             f"{WS}/actions/{action}/milestones/m2"]
    for lang in LANGS:
        for p in paths:
            st, _, body = c.req("GET", f"{p}?lang={lang}")
            hp = parse_html(body)
            check(st == 200 and not hp.errors and hp.h1 == 1 and hp.lang == lang,
                  f"{p} in {lang} is one well-formed page", (st, hp.errors[:2]))


def run(srv, args):
    c = officer(srv, "actions.officer@example.org", CITY)
    other = officer(srv, "actions.other@example.org", "arezzo")
    obj, action = test_action_form(c)
    sub = test_sub_actions(c, obj, action)
    test_milestones_invalid(c, action)
    test_milestones(srv, c, action, sub)
    test_exports(srv, action)
    test_edit_and_remove(srv, c, action)
    test_limit(c, obj)
    test_refused(srv, other, action)
    test_pages_all_languages(c, action)
