"""Candidate profiles over HTTP: Europass import into proposals, fixing skills, the other parts, the
anonymised view with marks and approval, CV upload, the JSON API, career guidance, a counsellor acting
with consent, malformed files, stale edits, export and erasure. Runs on SQLite and PostgreSQL."""
import io
import json
import re
import socket
import uuid
import zipfile

from harness import Server, check, parse_html
from suite_accounts import Client, add_user, cli, mail_tokens, register

EUROPASS = "../shared/data/cvs/europass_examples/Europass_CV_V3.4.0_Example.xml"
JSONRESUME = "../shared/data/cvs/jsonresume/sample.resume.json"
PYTHON = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
DATA_ANALYST = "http://data.europa.eu/esco/occupation/d3edb8f8-3a06-47a0-8fb9-9b212c006aa2"
VERSION_RE = re.compile(r'name="version" value="(\d+)"')


def upload(c, path, filename, data, page="/profile", extra=None, copies=1):
    """POSTs a multipart form with a file (copies times) and the page's CSRF token."""
    boundary = uuid.uuid4().hex
    fields = {"csrf": c.csrf(page)}
    fields.update(extra or {})
    parts = []
    for k, v in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
    for _ in range(copies):
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
                     f"Content-Type: application/octet-stream\r\n\r\n".encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return c.req("POST", path, None, {"Content-Type": f"multipart/form-data; boundary={boundary}"},
                 raw=b"".join(parts))


def announce_big(c, path, size):
    """Sends only the headers of an oversized upload: the server answers 413 without reading it."""
    s = socket.create_connection(("127.0.0.1", c.srv.port), timeout=30)
    cookies = "; ".join(f"{k}={v}" for k, v in c.cookies.items())
    s.sendall(f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {cookies}\r\n"
              f"Content-Type: multipart/form-data; boundary=x\r\nContent-Length: {size}\r\n\r\n".encode())
    head = s.recv(4096).decode(errors="replace")
    s.close()
    m = re.match(r"HTTP/1\.[01] (\d+)", head)
    return int(m.group(1)) if m else 0


def version(c, page):
    _, _, body = c.req("GET", page)
    m = VERSION_RE.search(body.decode())
    return m.group(1) if m else "0"


def api_profile(c):
    st, h, body = c.req("GET", "/api/v1/me/profile")
    return st, h, (json.loads(body) if st == 200 else {})


def docx(text):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        paras = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in text.split("\n"))
        z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                   f'wordprocessingml/2006/main"><w:body>{paras}</w:body></w:document>')
    return buf.getvalue()


def test_import_and_skills(c):
    st, _, body = c.req("GET", "/profile?lang=en")
    p = parse_html(body)
    check(st == 200 and not p.errors and p.h1 == 1, "the empty profile page renders", p.errors[:3])
    check(b"Your profile is 0% complete" in body and b"Add at least 5 skills" in body,
          "it says how complete it is and what to do first")
    with open(EUROPASS, "rb") as f:
        xml = f.read()
    st, h, _ = upload(c, "/profile/import", "cv.xml", xml)
    check(st == 303 and h.get("location", "").startswith("/profile/skills"), "a Europass CV imports", st)
    st, _, body = c.req("GET", "/profile/skills?lang=en")
    text = body.decode()
    check(st == 200 and "Skills waiting for your confirmation" in text, "imported skills wait for confirmation")
    _, _, j = api_profile(c)
    proposed = [s for s in j.get("skills", []) if s.get("proposed")]
    check(proposed and len(proposed) == len(j["skills"]), "every imported skill is a proposal", len(proposed))
    check(j.get("experience") and j.get("languages"), "experience and languages came with it")
    first = proposed[0]["uri"] or "label:" + proposed[0]["label"]
    st, h, _ = c.post("/profile/skills/item", {"skill": first, "action": "remove",
                                               "version": version(c, "/profile/skills")}, "/profile/skills")
    check(st == 303, "a wrong skill is removed", st)
    st, _, _ = c.post("/profile/skills/item", {"skill": "*", "action": "confirm_all",
                                               "version": version(c, "/profile/skills")}, "/profile/skills")
    _, _, j = api_profile(c)
    check(st == 303 and not any(s["proposed"] for s in j["skills"]) and len(j["skills"]) == len(proposed) - 1,
          "the rest are confirmed at once", st)
    st, _, body = c.req("GET", "/profile/skills?q=pyhton")
    check(PYTHON.encode() in body, "a typo still finds Python in the skill search")
    st, _, _ = c.post("/profile/skills/add", {"uri": PYTHON, "version": version(c, "/profile/skills")},
                      "/profile/skills")
    st2, _, _ = c.post("/profile/skills/item", {"skill": PYTHON, "action": "level", "level": "3",
                                                "version": version(c, "/profile/skills")}, "/profile/skills")
    _, _, j = api_profile(c)
    py = [s for s in j["skills"] if s["uri"] == PYTHON]
    check(st == 303 and st2 == 303 and py and py[0]["level"] == 3, "Python added and rated proficient")
    st, _, body = c.post("/profile/skills/add", {"uri": "http://example.org/not-esco",
                                                 "version": version(c, "/profile/skills")}, "/profile/skills")
    check(st == 400 and b"European skills list" in body, "a skill outside ESCO is refused with a message", st)
    st, _, body = c.post("/profile/skills/item", {"skill": PYTHON, "action": "level", "level": "9",
                                                  "version": version(c, "/profile/skills")}, "/profile/skills")
    check(st == 400, "an impossible level is refused", st)


def test_parts(c):
    v = version(c, "/profile/about")
    st, _, _ = c.post("/profile/about", {"headline": "Junior data analyst", "summary": "I like clean data. Write to zofia.t@example.org",
                                         "cities": "Larnaka, Trikala", "remote": "2", "hours": "1",
                                         "accommodations": "Screen reader", "version": v}, "/profile/about")
    _, _, j = api_profile(c)
    check(st == 303 and j.get("headline") == "Junior data analyst" and j["preferences"]["cities"] == ["Larnaka", "Trikala"]
          and j["preferences"]["remote"] == "hybrid", "about you and preferences are saved", st)
    st, _, body = c.post("/profile/about", {"headline": "x", "remote": "7", "hours": "0", "version": version(c, "/profile/about")},
                         "/profile/about")
    _, _, j2 = api_profile(c)
    check(st == 400 and j2.get("headline") == "Junior data analyst", "a bad choice is refused and changes nothing", st)
    st, _, _ = c.post("/profile/about", {"headline": "Stale", "remote": "0", "hours": "0", "version": "1"}, "/profile/about")
    _, _, j2 = api_profile(c)
    check(st == 400 and j2.get("headline") == "Junior data analyst", "an edit over an old version is refused", st)
    n_exp = len(j["experience"])
    st, _, _ = c.post("/profile/experience", {"role": "Data intern", "employer": "Acme", "start": "2023-01",
                                              "end": "2023-07", "version": version(c, "/profile/experience")},
                      "/profile/experience")
    _, _, j = api_profile(c)
    check(st == 303 and len(j["experience"]) == n_exp + 1 and j["experience"][-1]["months"] == 7,
          "an experience is added with its duration (months counted inclusively)", st)
    st, _, _ = c.post("/profile/experience", {"role": "Webmaster", "occupation": "web developer", "start": "2020-01",
                                              "version": version(c, "/profile/experience")}, "/profile/experience")
    _, _, j = api_profile(c)
    occ = j["experience"][-1].get("occupation_uri") or ""
    check(st == 303 and occ.startswith("http://data.europa.eu/esco/occupation/"),
          "a typed occupation is matched to ESCO", occ)
    st, _, body = c.post("/profile/experience", {"role": "Odd", "occupation": "qqqzzzxxx",
                                                 "version": version(c, "/profile/experience")}, "/profile/experience")
    check(st == 400 and b"No occupation matches" in body, "an occupation ESCO does not know is refused", st)
    st, _, body = c.post("/profile/experience", {"role": "Backwards", "start": "2023-07", "end": "2023-01",
                                                 "version": version(c, "/profile/experience")}, "/profile/experience")
    check(st == 400 and b"Backwards" in body, "an end before the start is refused, the form keeps what was typed", st)
    st, _, _ = c.post("/profile/languages", {"code": "el", "level": "3", "version": version(c, "/profile/languages")},
                      "/profile/languages")
    st2, _, _ = c.post("/profile/projects", {"name": "Bus data dashboard", "description": "Python and SQL",
                                             "version": version(c, "/profile/projects")}, "/profile/projects")
    st3, _, _ = c.post("/profile/education", {"title": "Data bootcamp", "kind": "1", "eqf_level": "5",
                                               "version": version(c, "/profile/education")}, "/profile/education")
    _, _, j = api_profile(c)
    check(st == 303 and st2 == 303 and st3 == 303 and any(x["code"] == "el" for x in j["languages"]) and
          j["projects"][-1]["name"] == "Bus data dashboard" and j["education"][-1]["kind"] == "bootcamp",
          "a language, a project and a bootcamp are added")
    n = len(j["projects"])
    st, _, _ = c.post("/profile/projects/remove", {"index": str(n - 1), "version": version(c, "/profile/projects")},
                      "/profile/projects")
    _, _, j = api_profile(c)
    check(st == 303 and len(j["projects"]) == n - 1, "a project is removed", st)
    st, _, _ = c.req("GET", "/profile/nonsense")
    check(st == 404, "an unknown part is 404", st)
    for page in ["/profile", "/profile/about", "/profile/skills", "/profile/experience", "/profile/education",
                 "/profile/languages", "/profile/projects", "/profile/preview", "/profile/guidance"]:
        for lang in ["en", "el", "pl"]:
            st, _, body = c.req("GET", f"{page}?lang={lang}")
            p = parse_html(body)
            check(st == 200 and not p.errors and p.h1 == 1 and p.lang == lang, f"{page} in {lang} is well-formed",
                  p.errors[:3])


def test_preview(c):
    st, _, body = c.req("GET", "/profile/preview?lang=en")
    text = body.decode()
    view = text.split('id="anonview"')[1].split("</div>")[0] if 'id="anonview"' in text else ""
    check(st == 200 and view and "NORRIS" not in view and "Chuck" not in view, "the imported name is not in the view")
    check("Zofia" not in view and "Testowa" not in view, "nor is the account's name")
    check("Junior data analyst" in view and "Python" in view, "the skills and headline are")
    check("Screen reader" not in view and "Acme" not in view, "private adjustments and employers are not shown")
    check('<mark class="removed">' in view, "removals are highlighted")
    st, _, body = c.post("/profile/preview/marks", {"action": "remove", "text": "Bus data"}, "/profile/preview")
    check(st == 400, "a text that is not in the profile cannot be marked", st)
    st, _, _ = c.post("/profile/preview/marks", {"action": "remove", "text": "clean data"}, "/profile/preview")
    _, _, body = c.req("GET", "/profile/preview?lang=en")
    view = body.decode().split('id="anonview"')[1].split("</div>")[0]
    check(st == 303 and "clean data" not in view and "Texts you asked us to remove" in body.decode(),
          "a text the candidate marks as missed is removed", st)
    st, _, body = c.post("/profile/preview/approve", {"digest": "0" * 64}, "/profile/preview")
    check(st == 400, "approving a version one has not seen is refused", st)
    _, _, body = c.req("GET", "/profile/preview")
    m = re.search(r'name="digest" value="([0-9a-f]{64})"', body.decode())
    st, _, _ = c.post("/profile/preview/approve", {"digest": m.group(1) if m else ""}, "/profile/preview")
    _, _, body = c.req("GET", "/profile/preview?lang=en")
    check(st == 303 and b"You approved exactly this version" in body, "the candidate approves the view", st)
    c.post("/profile/about", {"headline": "Data analyst", "remote": "2", "hours": "1",
                              "version": version(c, "/profile/about")}, "/profile/about")
    _, _, body = c.req("GET", "/profile/preview?lang=en")
    check(b"changed since you approved" in body, "after a change the page asks for a new approval")


def test_cv_upload(c):
    st, h, _ = upload(c, "/profile/cv", "cv.docx", docx("Jan Kowalski\nSkills: SQL, data analytics, Excel"))
    _, _, body = c.req("GET", "/profile/skills?lang=en")
    check(st == 303 and b"Skills waiting for your confirmation" in body, "a DOCX CV proposes skills", st)
    _, _, body = c.req("GET", "/profile/preview?lang=en")
    view = body.decode().split('id="anonview"')[1].split("</div>")[0]
    check("data analytics" in view and "Kowalski" not in view and '<mark class="removed">' in view,
          "its text is in the preview, the writer's name replaced")
    _, _, before = api_profile(c)
    st, _, body = upload(c, "/profile/cv", "cv.pdf", b"%PDF-1.4 broken")
    _, _, after = api_profile(c)
    check(st == 400 and b"could not be read" in body and before == after, "a broken PDF is refused, nothing changes", st)
    st = announce_big(c, "/profile/cv", 12 << 20)
    check(st == 413, "a file over the upload limit is refused before it is read", st)


def test_bad_imports(c):
    _, _, before = api_profile(c)
    for name, data in [("not XML", b"hello"), ("not Europass", b"<cv/>"),
                       ("a DTD", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                                 b"<SkillsPassport>&e;</SkillsPassport>"),
                       ("broken JSON Resume", b'{"basics": '), ("empty", b"")]:
        st, _, body = upload(c, "/profile/import", "x.xml", data)
        check(st == 400 and b'role="alert"' in body, f"an import of {name} is refused with a message", st)
    st, _, _ = upload(c, "/profile/import", "x.xml", b"<cv/>", copies=5)
    check(st == 413, "more files in one form than HTTP_FILES_MAX (4) is refused", st)
    _, _, after = api_profile(c)
    check(before == after, "and nothing was stored")
    with open(JSONRESUME, "rb") as f:
        st, _, _ = upload(c, "/profile/import", "resume.json", f.read())
    check(st == 303, "a JSON Resume imports too", st)
    st, h, body = c.req("GET", "/profile/europass.xml")
    check(st == 200 and b"SkillsPassport" in body and "attachment" in h.get("content-disposition", ""),
          "the profile downloads as Europass XML")
    st, _, body = c.req("GET", "/profile/resume.json")
    check(st == 200 and "basics" in json.loads(body), "and as JSON Resume")


def test_api(srv):
    add_user(srv, "api.cand@example.org", "candidate")
    tok = cli(srv, "token", "create", "--user", "api.cand@example.org").stdout.strip()
    auth = {"Authorization": f"Bearer {tok}"}
    st, h, body = srv.request("GET", "/api/v1/me/profile", headers=auth)
    check(st == 200 and json.loads(body)["skills"] == [] and h.get("etag") == '"0"', "GET of a new profile", body[:100])
    doc = {"headline": "Tester", "skills": [{"uri": PYTHON, "level": 2}], "languages": [{"code": "en", "level": "B2"}]}
    st, h, body = srv.request("PUT", "/api/v1/me/profile", body=json.dumps(doc).encode(),
                              headers=dict(auth, **{"If-Match": '"0"'}))
    j = json.loads(body) if body else {}
    check(st == 200 and h.get("etag") == '"1"' and j["skills"][0]["label"].startswith("Python"), "PUT saves, labels from ESCO",
          body[:200])
    st, _, body = srv.request("PUT", "/api/v1/me/profile", body=json.dumps(doc).encode(),
                              headers=dict(auth, **{"If-Match": '"0"'}))
    check(st == 412, "PUT over an old version is refused", st)
    for bad, why in [({"headline": "x", "colour": "red"}, "an unknown field"),
                     ({"skills": [{"uri": "http://example.org/x"}]}, "a skill outside ESCO"),
                     ({"languages": [{"code": "en", "level": "Z9"}]}, "a bad CEFR level")]:
        st, _, body = srv.request("PUT", "/api/v1/me/profile", body=json.dumps(bad).encode(), headers=auth)
        check(st == 400 and json.loads(body).get("error"), f"PUT with {why} is refused with a message", body[:200])
    st, _, body = srv.request("PUT", "/api/v1/me/profile", body=b"{oops", headers=auth)
    check(st == 400, "malformed JSON is refused", st)
    st, _, body = srv.request("GET", "/api/v1/me/profile", headers=auth)
    check(json.loads(body)["headline"] == "Tester", "refused PUTs changed nothing")
    st, _, body = srv.request("POST", "/api/v1/me/cv", body=docx("Skills: SQL and data analytics"),
                              headers=dict(auth, **{"Content-Type": "application/octet-stream"}))
    j = json.loads(body) if body else {}
    check(st == 201 and j.get("proposed_skills", 0) >= 1 and j["skills"], "POST /api/v1/me/cv proposes skills", body[:200])
    st, _, _ = srv.request("POST", "/api/v1/me/cv", body=b"\x00\x01PK\x03\x04junk", headers=auth)
    check(st in (400, 415), "an unreadable CV is refused", st)
    add_user(srv, "api.emp@example.org", "employer", "--org", "guide-co")
    tok2 = cli(srv, "token", "create", "--user", "api.emp@example.org").stdout.strip()
    st, _, _ = srv.request("GET", "/api/v1/me/profile", headers={"Authorization": f"Bearer {tok2}"})
    check(st == 403, "an employer has no candidate profile to read", st)


def publish_jobs(srv, n):
    cli(srv, "org", "add", "--slug", "guide-co", "--name", "Guide Co", "--kind", "employer")
    add_user(srv, "hr@guide.example.org", "employer", "--org", "guide-co")
    tok = cli(srv, "token", "create", "--user", "hr@guide.example.org").stdout.strip()
    auth = {"Authorization": f"Bearer {tok}", "Content-Type": "application/json"}
    for i in range(n):
        job = {"title": f"Data analyst {i}", "description": "Help a city team read its data.", "lang": "en",
               "location": {"city": "Larnaka", "country": "CY", "remote": "onsite"}, "hours": "full-time",
               "contract": "permanent", "questions": ["How would you check a spreadsheet for errors?"],
               "deadline": "2030-06-30T23:59:59Z",
               "pay": {"min": 1400 + 100 * i, "max": 1800 + 100 * i, "currency": "EUR", "period": "month",
                       "gross": True},
               "occupation": {"uri": DATA_ANALYST, "label": "data analyst"},
               "skills": [{"uri": PYTHON, "label": "Python", "essential": True}],
               "languages": [{"code": "en", "level": "B2"}]}
        st, _, body = srv.request("POST", "/api/v1/jobs", body=json.dumps(job).encode(), headers=auth)
        jid = json.loads(body).get("id") if st == 201 else None
        srv.request("PATCH", f"/api/v1/jobs/{jid}", body=b'{"status": "published"}', headers=auth)


def test_guidance(c, srv):
    publish_jobs(srv, 5)
    st, _, body = c.req("GET", "/profile/guidance?q=data+analyst&lang=en")
    check(st == 200 and DATA_ANALYST.encode() in body, "an occupation is found by name")
    st, _, body = c.req("GET", f"/profile/guidance?occupation={DATA_ANALYST}&city=Larnaka&lang=en")
    text = body.decode()
    check(st == 200 and "Essential skills you have" in text and "Essential skills to learn or add" in text,
          "guidance shows the essential skills had and lacking")
    check("Data analyst 0" in text and "you have 1 of the 1 skills" in text, "and the open jobs that fit")
    check(re.search(r"half under \d+", text) and re.search(r"Based on \d+ published jobs", text),
          "and the pay quartiles with the number of jobs behind them")
    st, _, body = c.req("GET", f"/profile/guidance?occupation={DATA_ANALYST}&city=Idrija&lang=en")
    check(b"Not enough published jobs" in body and b"half under" not in body, "no pay figure below the minimum count")
    check(b'name="city"' in body, "the city of the pay figures can be chosen")
    st, _, _ = c.post("/profile/guidance/goals", {"occupation": DATA_ANALYST, "action": "add",
                                                  "version": version(c, f"/profile/guidance?occupation={DATA_ANALYST}")},
                      f"/profile/guidance?occupation={DATA_ANALYST}")
    _, _, j = api_profile(c)
    check(st == 303 and j["goal_occupations"] == [DATA_ANALYST], "the occupation becomes a career goal", st)


def test_counsellor(srv):
    for slug in ["helpers", "other-ngo"]:
        cli(srv, "org", "add", "--slug", slug, "--name", slug.title(), "--kind", "ngo")
    add_user(srv, "counsel@helpers.example", "ngo", "--org", "helpers")
    add_user(srv, "counsel@other.example", "ngo", "--org", "other-ngo")
    staff = Client(srv)
    staff.login("counsel@helpers.example")
    st, _, body = staff.post("/orgs/helpers/candidates", {"email": "assisted@example.org", "name": "Rada Assisted",
                                                          "consent": "yes"}, "/orgs/helpers/candidates")
    m = re.search(rb'href="/candidates/(\d+)"[^>]*>Rada', body)
    cid = m.group(1).decode() if m else "0"
    base = f"/candidates/{cid}/profile"
    st, _, body = staff.req("GET", base + "?lang=en")
    check(st == 200 and b"on the candidate&#39;s behalf" in body, "a counsellor opens a consenting candidate's profile", st)
    with open(EUROPASS, "rb") as f:
        st, _, _ = upload(staff, base + "/import", "cv.xml", f.read(), page=base)
    st2, _, _ = staff.post(base + "/about", {"headline": "Help desk", "remote": "0", "hours": "0",
                                             "version": version(staff, base + "/about")}, base + "/about")
    check(st == 303 and st2 == 303, "the counsellor imports a CV and edits the profile", (st, st2))
    _, _, body = staff.req("GET", base + "/preview")
    check(b"/preview/approve" not in body, "but approval is left to the candidate")
    st, _, _ = staff.post(base + "/preview/approve", {"digest": "x"}, base)
    check(st in (404, 405), "and there is no approval route for counsellors", st)
    other = Client(srv)
    other.login("counsel@other.example")
    st, _, _ = other.req("GET", base)
    check(st == 403, "another organisation's counsellor is refused", st)
    tokens, _ = mail_tokens(srv)
    cand = Client(srv)
    cand.post("/password/reset", {"token": tokens[-1] if tokens else "", "password": "correct horse battery staple"},
              "/password/forgot")
    cand.login("assisted@example.org")
    _, _, j = api_profile(cand)
    check(j.get("headline") == "Help desk", "the candidate takes over the account and finds the profile")
    _, _, body = cand.req("GET", "/account/export")
    exp = json.loads(body)
    acts = [e["action"] for e in exp.get("audit_log", []) if not e["by_you"]]
    check(acts.count("profile.saved_for_candidate") >= 2, "every save by the counsellor is in the candidate's audit log",
          acts)
    check(exp.get("profile", {}).get("profile", {}).get("headline") == "Help desk",
          "the data export carries the profile")


def test_erase(srv):
    c, _, _ = register(srv, "erase.profile@example.org", name="Erin Erased")
    c.post("/profile/about", {"headline": "To be erased", "remote": "0", "hours": "0", "version": "0"}, "/profile/about")
    _, _, j = api_profile(c)
    check(j.get("headline") == "To be erased", "a profile exists")
    st, _, _ = c.post("/account/erase", {"erase-current": "correct horse battery staple"}, "/account")
    check(st in (200, 303), "the account is erased", st)
    st, _, _ = c.req("GET", "/profile")
    check(st in (303, 401), "the profile is gone with the session", st)


def test_rotation(srv, args):
    c, _, _ = register(srv, "rotate.profile@example.org", name="Rota Tion")
    c.post("/profile/about", {"headline": "Survives rotation", "remote": "0", "hours": "0", "version": "0"},
           "/profile/about")
    with open(EUROPASS, "rb") as f:
        upload(c, "/profile/import", "cv.xml", f.read())
    r = cli(srv, "keys", "rotate")
    check(r.returncode == 0, "keys rotate with profiles in the database", r.stderr)
    srv2 = Server(args.binary, args.db)
    try:
        c2 = Client(srv2)
        c2.login("rotate.profile@example.org", "correct horse battery staple")
        st, _, j = api_profile(c2)
        _, _, body = c2.req("GET", "/profile/preview?lang=en")
        check(st == 200 and j.get("headline") == "Survives rotation" and b"NORRIS" not in body.split(b"anonview")[1][:4000],
              "after rotation and restart the profile and its imported identity still decrypt", st)
    finally:
        srv2.stop()


def run(srv, args):
    c, st, _ = register(srv, "profile.owner@example.org", name="Zofia Testowa")
    check(st == 303, "a candidate registers", st)
    test_import_and_skills(c)
    test_parts(c)
    test_preview(c)
    test_cv_upload(c)
    test_bad_imports(c)
    test_guidance(c, srv)
    test_api(srv)
    test_counsellor(srv)
    test_erase(srv)
    test_rotation(srv, args)
    st, h, _ = Client(srv).req("GET", "/profile")
    check(st == 303 and h.get("location", "").startswith("/login"), "anonymous visitors are sent to sign in", st)
