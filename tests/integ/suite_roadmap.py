"""The network roadmap over HTTP, as a network coordinator: add a milestone,
edit it (the calendar feeds keep its UID), mark it done, a stale edit and a
stale deletion that change nothing, delete it; every bad field refused with
its message (400) and nothing changed; city officers and anonymous visitors
may not edit. Runs on SQLite and PostgreSQL."""
import re

from harness import check, parse_html
from suite_iapedit import version
from suite_accounts import Client, add_user
from suite_foundation import validate_ics

# The named limits of src/domain/network/roadmap.h.
ROADMAP_TITLE_MAX = 200
ROADMAP_LOCATION_MAX = 200
ROADMAP_DETAILS_MAX = 4000
ROADMAP_SPAN_DAYS_MAX = 366
RM = "/network/roadmap"
LANGS = ["en", "el", "it", "pt", "pl", "ro", "sl"]
CREATED = []


def user(srv, email, role, *extra):
    ok, err = add_user(srv, email, role, *extra)
    check(ok, f"a {role} user is added", err)
    c = Client(srv)
    st, _, _ = c.login(email)
    check(st == 303, f"the {role} user signs in", st)
    return c


def entry(**kw):
    form = {"title": "IAP draft agreed by every ULG", "kind": "milestone", "city": "", "starts_on": "2025-06-30",
            "ends_on": "", "location": "", "details": ""}
    form.update(kw)
    return form


def post(c, path, form):
    """POSTs a form in English (unless the path names a language)."""
    if "lang=" not in path:
        path += ("&" if "?" in path else "?") + "lang=en"
    st, h, body = c.post(path, form, RM)
    return st, h.get("location", ""), body.decode("utf-8", "replace")



def roadmap(c):
    _, _, body = c.req("GET", RM + "?lang=en")
    return body.decode()


def ics(srv, path="/calendar.ics"):
    _, _, body = srv.get(path)
    return body


def vevent(body, uid):
    """The unfolded lines of the VEVENT with this UID."""
    text = body.replace(b"\r\n ", b"").decode()
    for ev in text.split("BEGIN:VEVENT")[1:]:
        if f"UID:{uid}@" in ev:
            return ev.split("END:VEVENT")[0]
    return ""


def uid_of(body, title):
    text = body.replace(b"\r\n ", b"").decode()
    for ev in text.split("BEGIN:VEVENT")[1:]:
        if f"SUMMARY:{title}" in ev:
            m = re.search(r"UID:([^@\r\n]+)@", ev)
            return m.group(1) if m else ""
    return ""


def test_create_edit(srv, net):
    st, loc, _ = post(net, RM, entry(city="idrija", location="Idrija", details="Agreed by the ULG.\r\nSent to the JS."))
    m = re.match(rf"{RM}\?added=(\d+)", loc)
    check(st == 303 and m, "a coordinator adds a milestone (303 to the roadmap)", f"{st} {loc}")
    eid = m.group(1) if m else "0"
    _, _, page = net.req("GET", loc.split("#")[0] + "&lang=en")
    page = page.decode()
    check("The entry was added to the roadmap." in page and f'href="{RM}/{eid}"' in page and "Q2 2025" in page,
          "the roadmap shows it under Q2 2025 with a notice")
    check(not parse_html(page.encode()).errors and parse_html(page.encode()).h1 == 1, "the roadmap page is well-formed")
    _, _, cal = net.req("GET", "/calendar?lang=en")
    check(b"IAP draft agreed by every ULG" in cal, "the new milestone is on /calendar at once")
    body = ics(srv)
    uid = uid_of(body, "IAP draft agreed by every ULG")
    problems, _ = validate_ics(body)
    check(uid.startswith("roadmap-") and not problems, "the network feed has it with a fresh UID, and validates",
          f"{uid} {problems[:3]}")
    city_feed = ics(srv, "/cities/idrija/calendar.ics")
    check(vevent(city_feed, uid) and not vevent(ics(srv, "/cities/arezzo/calendar.ics"), uid),
          "Idrija's feed has it, Arezzo's does not")
    path = f"{RM}/{eid}"
    v = version(net, path)
    check(v == "1", "a new entry is at version 1", v)
    st, loc, _ = post(net, path, entry(title="IAP draft agreed", city="", starts_on="2025-07-01", ends_on="2025-07-02",
                                       version=v))
    check(st == 303 and loc.startswith(f"{RM}?saved="), "the coordinator edits it (network-wide now, two days)", st)
    body = ics(srv)
    ev = vevent(body, uid)
    check("SUMMARY:IAP draft agreed" in ev and "DTSTART;VALUE=DATE:20250701" in ev and "DTEND;VALUE=DATE:20250703" in ev,
          "the network feed shows the edit under the same UID", ev[:300])
    check(uid_of(body, "IAP draft agreed") == uid and not validate_ics(body)[0], "one event, same UID, still valid")
    check("SEQUENCE:1" in ev, "the edited event says it was revised once (SEQUENCE:1)")
    _, h, _ = srv.get("/calendar.ics")
    check(h.get("cache-control") == "no-cache", "the feed is not served from a cache after an edit",
          h.get("cache-control"))
    check(vevent(ics(srv, "/cities/arezzo/calendar.ics"), uid), "now network-wide, it is in every city's feed")
    return eid, uid


def test_done_and_status(srv, net, eid):
    path = f"{RM}/{eid}"
    st, _, _ = post(net, path, entry(title="IAP draft agreed", starts_on="2025-07-01", ends_on="2025-07-02", done="yes",
                                     version=version(net, path)))
    check(st == 303, "the milestone is marked done", st)
    _, _, body = net.req("GET", path + "?lang=en")
    check(b'name="done" value="yes" aria-describedby="f-done-hint" checked' in body and b"Status: Done" in body,
          "its editor shows it done")
    # A past deadline not done is overdue; a far one is not yet due.
    for title, day in [("Overdue deadline of 2020", "2020-01-15"), ("Deadline of 2099", "2099-01-15")]:
        _, loc, _ = post(net, RM, entry(title=title, kind="deadline", starts_on=day))
        m = re.match(rf"{RM}\?added=(\d+)", loc)
        if m:
            CREATED.append(m.group(1))
    page = roadmap(net)
    check(re.search(r"Overdue deadline of 2020</span>?</a>.*?<strong class=\"rm-overdue\">Overdue</strong>", page) or
          re.search(r"Overdue deadline of 2020</a>.*?<strong class=\"rm-overdue\">Overdue</strong>", page),
          "a past deadline not done is overdue")
    check(re.search(r"Deadline of 2099</a>.*?<strong class=\"rm-due\">Not yet due</strong>", page),
          "a future deadline is not yet due")
    check(re.search(r"IAP draft agreed</a>.*?<strong class=\"rm-done\">Done</strong>", page), "the done milestone is done")
    m = re.search(r"(\d+) milestones? or deadlines? (?:is|are) overdue\.", page)
    check(m and int(m.group(1)) == page.count('class="rm-overdue"') >= 1, "the roadmap counts what is overdue",
          m and m.group(0))
    _, _, el = net.req("GET", RM + "?lang=pl")
    check("Zaległe".encode() in el or b"Zaleg" in el, "statuses are translated (pl)")


def test_stale(srv, net, eid, uid):
    path = f"{RM}/{eid}"
    v = version(net, path)
    st, _, _ = post(net, path, entry(title="First writer", starts_on="2025-07-01", version=v))
    check(st == 303, "a first writer saves", st)
    st, _, page = post(net, path, entry(title="Second writer", starts_on="2025-07-01", version=v))
    check(st == 409 and "Someone changed this entry meanwhile" in page and 'value="First writer"' in page,
          "a stale edit is refused (409) and shows the entry as it stands", st)
    check("Second writer" not in roadmap(net) and "Second writer" not in ics(srv).decode(),
          "the stale edit changed nothing")
    st, _, page = post(net, path + "/delete", {"version": v})
    check(st == 409 and "Someone changed this entry meanwhile" in page, "a stale deletion is refused (409)", st)
    check(vevent(ics(srv), uid), "the stale deletion removed nothing")
    st, _, page = post(net, path, entry(title="No version"))
    check(st == 409, "an edit without a version is stale", st)


def bad_cases():
    return [
        ("an empty title", entry(title=""), "This field is required."),
        ("a title over ROADMAP_TITLE_MAX", entry(title="ż" * (ROADMAP_TITLE_MAX + 1)),
         f"At most {ROADMAP_TITLE_MAX} characters, please."),
        ("a title with CR/LF", entry(title="Split\r\nSet-Cookie: x=1"),
         "Please write this on one line, without control characters."),
        ("an unknown kind", entry(kind="party"), "Please choose one of the kinds offered."),
        ("an unknown city", entry(city="atlantis"), "Please choose one of the network"),
        ("30 February", entry(starts_on="2025-02-30"), "Please give a real date as YYYY-MM-DD"),
        ("a first day that is no date", entry(starts_on="<script>alert(1)</script>"), "Please give a real date"),
        ("no first day", entry(starts_on=""), "This field is required."),
        ("a last day before the first", entry(ends_on="2025-06-01"), "The last day cannot be before the first day."),
        ("a span over ROADMAP_SPAN_DAYS_MAX", entry(starts_on="2025-01-01", ends_on="2026-01-02"),
         f"An entry can last at most {ROADMAP_SPAN_DAYS_MAX} days."),
        ("a place over ROADMAP_LOCATION_MAX", entry(location="a" * (ROADMAP_LOCATION_MAX + 1)),
         f"At most {ROADMAP_LOCATION_MAX} characters, please."),
        ("details over ROADMAP_DETAILS_MAX", entry(details="x" * (ROADMAP_DETAILS_MAX + 1)),
         f"At most {ROADMAP_DETAILS_MAX} characters, please."),
        ("details with an escape character", entry(details="a\x1b[31m"),
         "This text holds control characters that are not allowed."),
        ("a meeting marked done", entry(kind="network-meeting", done="yes"),
         "Only milestones and deadlines can be marked done."),
    ]


def test_bad_input(srv, net, eid):
    before_page, before_ics = roadmap(net), ics(srv)
    n_before = before_page.count(f'href="{RM}/')
    for name, form, msg in bad_cases():
        st, _, page = post(net, RM + "?lang=en", form)
        check(st == 400 and msg in page and 'role="alert"' in page and 'aria-invalid="true"' in page,
              f"adding {name}: 400 with its message", f"{st} {page[page.find('errors'):][:300]}")
    check(roadmap(net).count(f'href="{RM}/') == n_before, "no refused entry was added")
    _, _, page = post(net, RM, entry(title="<script>alert(1)</script>", starts_on="2025-02-30"))
    check("<script>alert(1)" not in page and "&lt;script&gt;" in page, "a refused title is shown back escaped")
    path = f"{RM}/{eid}"
    v = version(net, path)
    for name, form, msg in bad_cases():
        form = dict(form, version=v)
        st, _, page = post(net, path, form)
        check(st == 400 and msg in page, f"editing to {name}: 400 with its message", st)
    check(version(net, path) == v and ics(srv) .count(b"BEGIN:VEVENT") == before_ics.count(b"BEGIN:VEVENT"),
          "no refused edit changed the entry")
    st, _, _ = post(net, path, dict(entry(), version="x"))
    check(st == 400, "a version that is no number is refused", st)
    st, _, _ = net.req("GET", f"{RM}/999999")
    check(st == 404, "an unknown entry is 404", st)
    st, _, page = post(net, f"{RM}/999999", dict(entry(), version="1"))
    check(st == 409 and "This entry no longer exists" in page, "saving an unknown entry changes nothing and says so", st)
    _, _, page = post(net, RM + "?lang=sl", entry(title=""))
    check("To polje je obvezno." in page, "errors are translated (sl)")


def test_permissions(srv, net, eid):
    officer = user(srv, "rm.officer@example.org", "city", "--city", "idrija")
    anon = Client(srv)
    path = f"{RM}/{eid}"
    v = version(net, path)
    for who, c, want in [("a city officer", officer, (403,)), ("an anonymous visitor", anon, (303, 401))]:
        st, _, _ = c.req("GET", RM)
        check(st in want, f"{who} cannot open the roadmap editor", st)
        st, _, _ = c.post(RM, entry(title="Intruder"), "/account" if c is officer else "/login")
        check(st in want, f"{who} cannot add an entry", st)
        st, _, _ = c.post(path, dict(entry(title="Intruder"), version=v), "/account" if c is officer else "/login")
        check(st in want, f"{who} cannot edit an entry", st)
        st, _, _ = c.post(path + "/delete", {"version": v}, "/account" if c is officer else "/login")
        check(st in want, f"{who} cannot delete an entry", st)
    check("Intruder" not in roadmap(net) and version(net, path) == v, "nothing changed for them")
    _, _, cal = officer.req("GET", "/calendar?lang=en")
    check(b'href="/network/roadmap"' not in cal, "a city officer's calendar has no link to the editor")
    _, _, cal = net.req("GET", "/calendar?lang=en")
    check(b'href="/network/roadmap"' in cal, "a coordinator's calendar links to the editor")
    _, _, hub = net.req("GET", "/cities/idrija/workspace?lang=en")
    check(b'href="/network/roadmap"' in hub, "the workspace hub links coordinators to the roadmap")
    st, _, _ = net.req("POST", RM, entry(title="No token"))
    check(st == 403, "a POST without the CSRF token is refused", st)


def test_delete(srv, net, eid, uid):
    path = f"{RM}/{eid}"
    st, loc, _ = post(net, path + "/delete", {"version": version(net, path)})
    check(st == 303 and loc == f"{RM}?deleted=1", "the coordinator deletes the entry", f"{st} {loc}")
    _, _, page = net.req("GET", loc + "&lang=en")
    check(b"The entry was deleted." in page and f'href="{path}"'.encode() not in page, "the roadmap says so")
    body = ics(srv)
    check(not vevent(body, uid) and not validate_ics(body)[0], "the entry left the feed, which still validates")
    st, _, page = post(net, path, dict(entry(), version="3"))
    check(st == 409 and "This entry no longer exists" in page, "saving a deleted entry says it is gone", st)
    st, _, page = post(net, path + "/delete", {"version": "3"})
    check(st == 409 and "This entry no longer exists" in page, "deleting it again says it is gone", st)


def test_filter(net):
    post(net, RM, entry(title="Arezzo only", kind="deadline", city="arezzo", starts_on="2099-03-01"))
    post(net, RM, entry(title="Idrija only", kind="deadline", city="idrija", starts_on="2099-03-01"))
    _, _, body = net.req("GET", RM + "?city=arezzo&lang=en")
    page = body.decode()
    check("Arezzo only" in page and "Idrija only" not in page and "Summer break" in page,
          "?city=arezzo shows Arezzo's entries and the network's, not Idrija's")
    check('<option value="arezzo" selected>' in page, "the filter keeps the chosen city")
    st, _, _ = net.req("GET", RM + "?city=nowhere")
    check(st == 404, "an unknown city is 404", st)
    st, _, _ = net.req("GET", RM + "?city=Bad%20Slug")
    check(st == 400, "a malformed city is 400", st)
    page = roadmap(net)
    for title in ["Arezzo only", "Idrija only"]:
        m = re.search(rf'href="{RM}/(\d+)"><?[^<]*{title}', page)
        if m:
            CREATED.append(m.group(1))


def test_languages(net):
    for lang in LANGS:
        st, _, body = net.req("GET", f"{RM}?lang={lang}")
        p = parse_html(body)
        check(st == 200 and not p.errors and p.lang == lang, f"the roadmap in {lang} is well-formed", p.errors[:3])


def cleanup(net):
    """Entries this suite added, removed so that later suites see the demo calendar."""
    for eid in CREATED:
        path = f"{RM}/{eid}"
        st, _, _ = post(net, path + "/delete", {"version": version(net, path)})
        check(st == 303, f"entry {eid} of this suite removed", st)


def run(srv, args):
    net = user(srv, "rm.network@example.org", "network")
    eid, uid = test_create_edit(srv, net)
    test_done_and_status(srv, net, eid)
    test_stale(srv, net, eid, uid)
    test_bad_input(srv, net, eid)
    test_permissions(srv, net, eid)
    test_filter(net)
    test_languages(net)
    test_delete(srv, net, eid, uid)
    cleanup(net)
