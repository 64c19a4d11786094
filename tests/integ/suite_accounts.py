"""Accounts, roles, sessions, CSRF, throttling, reset, export/erasure, encryption at rest and the
permission table walked for every route and role. Runs on SQLite and PostgreSQL."""
import glob
import http.client
import json
import os
import re
import shutil
import sqlite3
import subprocess
import time
from urllib.parse import urlencode, urlparse

from harness import Server, check, parse_html

PW = "correct horse battery staple"
CSRF_RE = re.compile(r'name="csrf" value="([^"]+)"')


class Client:
    """A browser-like client: a cookie jar and form posts."""

    def __init__(self, srv, headers=None):
        self.srv, self.cookies, self.extra = srv, {}, dict(headers or {})
        self.set_cookies = []

    def req(self, method, path, form=None, headers=None, raw=None):
        h = dict(self.extra)
        h.update(headers or {})
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form).encode()
            h["Content-Type"] = "application/x-www-form-urlencoded"
        if raw is not None:
            body = raw
        c = http.client.HTTPConnection("127.0.0.1", self.srv.port, timeout=60)
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        self.set_cookies = r.headers.get_all("Set-Cookie") or []
        for sc in self.set_cookies:
            name, _, rest = sc.partition("=")
            value = rest.split(";")[0]
            if "Max-Age=0" in sc:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        hdrs = {k.lower(): v for k, v in r.getheaders()}
        c.close()
        return r.status, hdrs, data

    def csrf(self, path="/login"):
        _, _, body = self.req("GET", path)
        m = CSRF_RE.search(body.decode())
        return m.group(1) if m else ""

    def post(self, path, form, page=None):
        form = dict(form)
        form.setdefault("csrf", self.csrf(page or "/login"))
        return self.req("POST", path, form)

    def login(self, email, pw=PW):
        token = self.csrf("/account") if self.cookies.get("td_session") else ""
        return self.post("/login", {"email": email, "password": pw, "csrf": token or self.csrf("/login")})


def cli(srv, *args, stdin=None):
    return subprocess.run([srv.binary, *args, "--db", srv.db], capture_output=True, text=True, input=stdin)


def add_user(srv, email, role, *extra, name=None):
    args = ["user", "add", "--email", email, "--role", role, "--password-stdin", *extra]
    if name:
        args += ["--name", name]
    r = cli(srv, *args, stdin=PW + "\n")
    return r.returncode == 0, r.stderr


def register(srv, email, name="Zofia Testowa", consent=True):
    c = Client(srv)
    form = {"email": email, "name": name, "password": PW}
    if consent:
        form["consent"] = "yes"
    status, h, _ = c.post("/register", form, "/register")
    return c, status, h


def test_register_login(srv):
    c, status, h = register(srv, "zofia.reg@example.org")
    check(status == 303 and h.get("location") == "/account", "registration signs the candidate in", status)
    sc = " ".join(c.set_cookies)
    check("td_session=" in sc and "HttpOnly" in sc and "SameSite=Lax" in sc and "Path=/" in sc
          and "Secure" not in sc, "session cookie is HttpOnly, SameSite=Lax, Path=/ (no Secure over plain HTTP)", sc)
    status, _, body = c.req("GET", "/account?lang=en")
    text = body.decode()
    check(status == 200 and "zofia.reg@example.org" in text and "Zofia Testowa" in text,
          "account page shows the decrypted e-mail and name", status)
    check(not parse_html(body).errors, "account page is well-formed")
    _, _, body = Client(srv).post("/register", {"email": "short@example.org", "password": "short"}, "/register")
    check("too short" in body.decode(), "a short password is refused with an explanation")
    _, _, body = Client(srv).post("/register", {"email": "common@example.org", "password": "password1234"}, "/register")
    check("too common" in body.decode(), "a common password is refused")
    st, _, body = Client(srv).post("/register", {"email": "zofia.reg@example.org", "password": PW + "x"}, "/register")
    check(st == 400 and "already have one" in body.decode() and "exists" not in body.decode(),
          "registering a taken address does not say that it exists", st)
    st, _, body = Client(srv).post("/register", {"email": "<script>@x.org", "password": PW}, "/register")
    check(st == 400 and "<script>@" not in body.decode(), "hostile address refused and not echoed raw", st)


def test_csrf(srv):
    add_user(srv, "csrf@example.org", "candidate")
    c = Client(srv)
    c.login("csrf@example.org")
    st, _, _ = c.req("POST", "/account/password", {"current": PW, "password": PW + " new"})
    check(st == 403, "POST without a CSRF token is refused (403)", st)
    st, _, _ = c.req("POST", "/account/password", {"current": PW, "password": PW + " new", "csrf": "x" * 43})
    check(st == 403, "POST with a wrong CSRF token is refused", st)
    other = Client(srv)
    other.login("csrf@example.org")
    st, _, _ = c.req("POST", "/account/consent", {"csrf": other.csrf("/account")})
    check(st == 403, "another session's CSRF token is refused (bound to the session)", st)
    st, _, _ = Client(srv).req("POST", "/login", {"email": "csrf@example.org", "password": PW})
    check(st == 403, "sign-in form without its pre-session token is refused", st)
    st, _, _ = c.req("POST", "/account/consent", {"csrf": c.csrf("/account")})
    check(st == 303, "the same POST with the session's token works", st)


def test_fixation(srv):
    add_user(srv, "fix@example.org", "candidate")
    planted = "A" * 43
    c = Client(srv)
    c.cookies["td_session"] = planted
    st, _, _ = c.login("fix@example.org")
    check(st == 303 and c.cookies.get("td_session") not in (None, planted),
          "sign-in issues a new session token, never the planted one", c.cookies)
    st, h, _ = Client(srv).req("GET", "/account", headers={"Cookie": f"td_session={planted}"})
    check(st == 303 and h.get("location", "").startswith("/login"), "the planted token is not signed in", st)
    first = c.cookies["td_session"]
    c.login("fix@example.org")
    check(c.cookies["td_session"] != first, "signing in again rotates the token")
    st, _, _ = Client(srv).req("GET", "/account", headers={"Cookie": f"td_session={first}"})
    check(st == 303, "the previous token no longer works after re-sign-in", st)


def test_revocation(srv):
    add_user(srv, "rev@example.org", "candidate")
    a, b = Client(srv), Client(srv)
    a.login("rev@example.org")
    b.login("rev@example.org")
    tok = a.cookies["td_session"]
    st, _, _ = a.post("/logout", {}, "/account")
    check(st == 303, "sign-out", st)
    st, _, _ = Client(srv).req("GET", "/account", headers={"Cookie": f"td_session={tok}"})
    check(st == 303, "a signed-out session token is revoked", st)
    st, _, _ = b.post("/account/password", {"current": PW, "password": PW + " again"}, "/account")
    check(st == 200, "password change", st)
    st, _, _ = b.req("GET", "/account")
    check(st == 200, "the session that changed the password stays signed in (new token)", st)
    c = Client(srv)
    c.login("rev@example.org")
    st, _, _ = c.login("rev@example.org", PW + " again")
    check(st == 303, "the new password works", st)
    d1, d2 = Client(srv), Client(srv)
    d1.login("rev@example.org", PW + " again")
    d2.login("rev@example.org", PW + " again")
    _, _, page = d1.req("GET", "/account?lang=en")
    check(b"this browser" in page and page.count(b"<li><time") >= 2, "the account page lists where one is signed in")
    st, _, _ = d1.post("/account/sessions/revoke", {}, "/account")
    st2, _, _ = d2.req("GET", "/account")
    st3, _, _ = d1.req("GET", "/account")
    check(st == 303 and st2 == 303 and st3 == 200, "sign out everywhere else keeps only this session", (st, st2, st3))
    b2 = Client(srv)
    b2.login("rev@example.org", PW + " again")
    b3 = Client(srv)
    b3.login("rev@example.org", PW + " again")
    b3.post("/account/password", {"current": PW + " again", "password": PW}, "/account")
    st, _, _ = b2.req("GET", "/account")
    check(st == 303, "a password change revokes every other session", st)


def test_expiry(args):
    # Idle limit long enough that a loaded CI machine still serves the first
    # two requests inside it.
    srv = Server(args.binary, args.db, extra=("--session-idle", "6", "--trust-proxy"))
    try:
        c = Client(srv)
        c.login("rev@example.org")
        st, _, _ = c.req("GET", "/account")
        check(st == 200, "fresh session works", st)
        time.sleep(8)
        st, h, _ = c.req("GET", "/account")
        check(st == 303 and h.get("location", "").startswith("/login"), "an idle session expires", st)
        s = Client(srv, {"X-Forwarded-Proto": "https"})
        s.login("rev@example.org")
        sc = " ".join(s.set_cookies)
        check("__Host-td_session=" in sc and "Secure" in sc,
              "behind a trusted TLS proxy the cookie is __Host- and Secure", sc)
    finally:
        srv.stop()


def test_throttle(srv):
    add_user(srv, "thr@example.org", "candidate")
    c = Client(srv)
    bodies = []
    for _ in range(6):
        st, _, body = c.login("thr@example.org", "wrong password here")
        bodies.append((st, body.decode()))
    check(all(st == 400 for st, _ in bodies), "wrong passwords are answered 400", [s for s, _ in bodies])
    st, h, body = c.login("thr@example.org", PW)
    check(st == 429 and int(h.get("retry-after", "0")) > 0, "after repeated failures even the right password waits (429, Retry-After)", st)
    _, _, unknown = Client(srv).login("nobody-at-all@example.org", "wrong password here")
    msg = "The e-mail address or the password is not correct."
    check(msg in bodies[0][1] and msg in unknown.decode(), "the same generic message for unknown accounts")
    st, _, _ = Client(srv).login("fix@example.org")
    check(st == 303, "another account from the same address is not locked", st)


def mail_tokens(srv):
    r = cli(srv, "mail")
    return re.findall(r"/password/reset\?token=([A-Za-z0-9_-]{43})", r.stdout), r


def test_reset(srv):
    add_user(srv, "reset@example.org", "candidate")
    c = Client(srv)
    st, _, body = c.post("/password/forgot", {"email": "reset@example.org"}, "/password/forgot")
    st2, _, body2 = Client(srv).post("/password/forgot", {"email": "ghost@example.org"}, "/password/forgot")
    strip = lambda b: re.sub(r'value="[^"]+"', "", b.decode())  # noqa: E731
    check(st == st2 == 200 and strip(body) == strip(body2), "reset request answers the same for unknown addresses")
    tokens, r = mail_tokens(srv)
    check(len(tokens) == 1 and "To: reset@example.org" in r.stdout, "techdiv mail prints the one reset message",
          r.stdout + r.stderr)
    if not tokens:
        return
    st, _, _ = c.req("GET", f"/password/reset?token={tokens[0]}")
    check(st == 200, "reset page opens", st)
    st, _, _ = c.post("/password/reset", {"token": tokens[0], "password": "a brand new passphrase"}, "/password/forgot")
    check(st == 303, "reset sets the new password", st)
    st, _, body = c.post("/password/reset", {"token": tokens[0], "password": "yet another passphrase"}, "/password/forgot")
    check(st == 400 and "no longer valid" in body.decode(), "a used reset token cannot be reused", st)
    st, _, _ = Client(srv).login("reset@example.org", "a brand new passphrase")
    check(st == 303, "sign-in with the reset password", st)
    st, _, _ = Client(srv).login("reset@example.org", "yet another passphrase")
    check(st == 400, "the reuse attempt did not change the password", st)
    again, _ = mail_tokens(srv)
    check(again == [], "delivered mail is not sent twice")


def invite_tokens(srv):
    r = cli(srv, "mail")
    return re.findall(r"/invite\?token=([A-Za-z0-9_-]{43})", r.stdout), r


def test_invitation(srv):
    add_user(srv, "inviter@example.org", "employer", "--org", "acme")
    add_user(srv, "outsider@example.org", "employer", "--org", "beta")
    boss = Client(srv)
    boss.login("inviter@example.org")
    st, _, _ = boss.post("/orgs/acme/invite", {"email": "not an address"}, "/orgs/acme")
    check(st == 400, "an invalid address is refused", st)
    st, _, body = boss.post("/orgs/acme/invite", {"email": "new.colleague@example.org"}, "/orgs/acme")
    check(st == 200 and "on its way" in body.decode(), "an employer invites a colleague to the organisation", st)
    out = Client(srv)
    out.login("outsider@example.org")
    st, _, _ = out.post("/orgs/acme/invite", {"email": "spy@example.org"}, "/account")
    check(st == 403, "another employer cannot invite into the organisation", st)
    tokens, r = invite_tokens(srv)
    check(len(tokens) == 1 and "To: new.colleague@example.org" in r.stdout, "the invitation is mailed", r.stdout)
    if not tokens:
        return
    c = Client(srv)
    st, _, _ = c.req("GET", f"/invite?token={tokens[0]}")
    check(st == 200, "the invitation page opens", st)
    st, _, body = c.post("/invite", {"token": tokens[0], "email": "someone.else@example.org", "password": PW}, "/login")
    check(st == 400 and "not valid for this address" in body.decode(), "an invitation works only for its address", st)
    st, _, _ = c.post("/invite", {"token": tokens[0], "email": "new.colleague@example.org", "password": PW}, "/login")
    check(st == 303, "the invited colleague creates the account", st)
    st, _, _ = c.req("GET", "/orgs/acme")
    check(st == 200, "the new colleague is a member of the organisation", st)
    st, _, _ = c.req("GET", "/orgs/beta")
    check(st == 403, "and of no other organisation", st)
    d = Client(srv)
    st, _, _ = d.post("/invite", {"token": tokens[0], "email": "new.colleague@example.org", "password": PW}, "/login")
    check(st == 400, "an invitation cannot be used twice", st)


def test_ngo(srv):
    add_user(srv, "staff@helpers.example", "ngo", "--org", "helpers")
    add_user(srv, "staff@other.example", "ngo", "--org", "other-ngo")
    add_user(srv, "boss@acme.example", "employer", "--org", "acme")
    add_user(srv, "root@admin.example", "admin")
    staff = Client(srv)
    staff.login("staff@helpers.example")
    st, _, _ = staff.post("/orgs/helpers/candidates", {"email": "ngo.cand@example.org", "name": "Nadia Supported"},
                          "/orgs/helpers/candidates")
    check(st == 400, "registering a candidate needs the recorded consent", st)
    st, _, body = staff.post("/orgs/helpers/candidates", {"email": "ngo.cand@example.org", "name": "Nadia Supported",
                                                          "consent": "yes"}, "/orgs/helpers/candidates")
    check(st == 200 and b"Nadia Supported" in body, "ngo staff registers a consenting candidate and sees them listed", st)
    m = re.search(rb'href="/candidates/(\d+)"', body)
    cid = m.group(1).decode() if m else "0"
    tokens, r = mail_tokens(srv)
    check(len(tokens) == 1 and "To: ngo.cand@example.org" in r.stdout, "the candidate gets a link to set a password")
    st, _, body = staff.req("GET", f"/candidates/{cid}")
    check(st == 200 and b"ngo.cand@example.org" in body, "ngo staff opens the candidate's profile", st)
    st, _, body = staff.post(f"/candidates/{cid}", {"name": "Nadia S."}, f"/candidates/{cid}")
    check(st == 200 and b"Nadia S." in body, "ngo staff updates the profile on the candidate's behalf", st)
    for email, who in [("staff@other.example", "another organisation's staff"), ("boss@acme.example", "an employer"),
                       ("root@admin.example", "an administrator")]:
        c = Client(srv)
        c.login(email)
        st, _, _ = c.req("GET", f"/candidates/{cid}")
        check(st == 403, f"{who} cannot see the candidate", st)
    if tokens:
        cand = Client(srv)
        cand.post("/password/reset", {"token": tokens[0], "password": PW}, "/password/forgot")
        cand.login("ngo.cand@example.org")
        _, _, body = cand.req("GET", "/account/export")
        j = json.loads(body)
        views = [e for e in j["audit_log"] if e["action"] == "view.identity" and not e["by_you"]]
        check(len(views) >= 2 and j["account"]["name"] == "Nadia S.",
              "the candidate sees every view by the organisation in their audit log", len(views))
        ngo_consent = [x for x in j["consents"] if x["purpose"] == "ngo-support"]
        st, _, _ = cand.post(f"/account/consent/{ngo_consent[0]['id'] if ngo_consent else 0}/withdraw", {}, "/account")
        check(st == 303, "the candidate withdraws the organisation's consent", st)
        st, _, _ = staff.req("GET", f"/candidates/{cid}")
        _, _, body = staff.req("GET", "/orgs/helpers/candidates")
        check(st == 403 and b"Nadia" not in body, "after withdrawal the organisation no longer sees the candidate", st)


def test_bearer(srv):
    add_user(srv, "api@example.org", "employer", "--org", "acme")
    r = cli(srv, "token", "create", "--user", "api@example.org")
    tok = r.stdout.strip()
    st, _, body = srv.get("/api/v1/me", headers={"Authorization": f"Bearer {tok}"})
    j = json.loads(body) if st == 200 else {}
    check(st == 200 and j.get("roles", [{}])[0].get("organisation") == "acme", "bearer token authenticates the API", body)
    st, h, _ = srv.get("/api/v1/me")
    check(st == 401 and h.get("www-authenticate", "").startswith("Bearer"), "API without a token answers 401 with WWW-Authenticate", st)
    st, _, _ = srv.get("/api/v1/me", headers={"Authorization": "Bearer " + "B" * 43})
    check(st == 401, "unknown token answers 401", st)
    r2 = cli(srv, "token", "create", "--user", "api@example.org", "--role", "candidate")
    st, _, body = srv.get("/api/v1/me", headers={"Authorization": f"Bearer {r2.stdout.strip()}"})
    check(st == 403, "a token restricted to a role the user lacks grants nothing", body)
    st, _, _ = srv.get("/orgs/acme", headers={"Authorization": f"Bearer {tok}"})
    check(st == 303, "bearer tokens authenticate the JSON API only, not pages", st)
    a = Client(srv)
    a.login("api@example.org")
    ids = [int(x) for x in re.findall(r"/account/tokens/(\d+)/revoke", a.req("GET", "/account")[2].decode())]
    check(len(ids) == 2, "the account page lists the user's live tokens", ids)
    r = cli(srv, "token", "revoke", "--user", "api@example.org", "--id", str(min(ids or [0])))
    st, _, _ = srv.get("/api/v1/me", headers={"Authorization": f"Bearer {tok}"})
    check(r.returncode == 0 and st == 401, "a revoked token no longer works", r.stderr)


SEED_EMAIL, SEED_NAME = "seeded.person@example.org", "Ileana Seedwoman"


def test_export_erase(srv):
    c, st, _ = register(srv, SEED_EMAIL, SEED_NAME)
    st, h, body = c.req("GET", "/account/export")
    try:
        j = json.loads(body)
    except ValueError:
        j = {}
    acc = j.get("account", {})
    check(st == 200 and "attachment" in h.get("content-disposition", "") and acc.get("email") == SEED_EMAIL
          and acc.get("name") == SEED_NAME, "export gives own data as a JSON download", body[:300])
    check(any(x["purpose"] == "matching" for x in j.get("consents", [])), "export lists the recorded consent")
    cid = j["consents"][0]["id"] if j.get("consents") else 0
    st, _, _ = c.post(f"/account/consent/{cid}/withdraw", {}, "/account")
    _, _, body = c.req("GET", "/account/export")
    j = json.loads(body)
    check(st == 303 and j["consents"][0]["withdrawn_at"], "consent withdrawal is recorded with its time", st)
    actions = [e["action"] for e in j.get("audit_log", [])]
    check("export" in actions and "signin" in actions and "consent.withdrawn" in actions,
          "the audit log of own data is in the export", actions)
    _, _, page = c.req("GET", "/account?lang=en")
    check("Who did what with your data" in page.decode() and "export" in page.decode(),
          "the data subject sees the audit log on the account page")
    Client(srv).post("/password/forgot", {"email": SEED_EMAIL}, "/password/forgot")  # mail about them, pending
    st, _, _ = c.post("/account/erase", {"erase-current": "not my password"}, "/account")
    check(st == 400, "erasure needs the current password", st)
    st, _, body = c.post("/account/erase", {"erase-current": PW}, "/account")
    check(st == 200 and "erased" in body.decode(), "erasure", st)
    st, _, _ = Client(srv).login(SEED_EMAIL)
    check(st == 400, "an erased account cannot sign in", st)
    r = cli(srv, "mail")
    check(r.returncode == 0 and SEED_EMAIL not in r.stdout, "erasure removed the mail queued about the person", r.stdout)
    st, _, _ = c.req("GET", "/account")
    check(st == 303, "the erased account's session is gone", st)
    c2, st, _ = register(srv, SEED_EMAIL, "Someone Else")
    check(st == 303, "the erased address can register anew (nothing left of it)", st)
    c2.post("/account/erase", {"erase-current": PW}, "/account")


def db_bytes(srv):
    if srv.db.startswith("sqlite:"):
        path = srv.db[7:]
        data = b""
        for p in (path, path + "-wal"):
            if os.path.exists(p):
                with open(p, "rb") as f:
                    data += f.read()
        return data, "SQLite file and WAL"
    bindir = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    pg_dump = os.path.join(bindir[-1], "pg_dump") if bindir else shutil.which("pg_dump")
    r = subprocess.run([pg_dump, srv.db], capture_output=True)
    return r.stdout, "pg_dump"


def test_at_rest(srv):
    add_user(srv, "rest.check@example.org", "candidate", name="Radosława Restcheck")
    data, where = db_bytes(srv)
    check(len(data) > 1000, f"read the database ({where})", len(data))
    for needle in ["rest.check@example.org", "Radosława Restcheck", SEED_EMAIL, SEED_NAME, "Zofia Testowa",
                   "zofia.reg@example.org", "new.colleague@example.org", "reset@example.org"]:
        check(needle.encode() not in data, f"'{needle}' does not appear in the {where}")
    check(b"v1.1." in data or b"v1." in data, f"ciphertext with key id present in the {where}")


def test_audit_append_only(srv):
    if srv.db.startswith("sqlite:"):
        con = sqlite3.connect(srv.db[7:], timeout=10)
        try:
            con.execute("DELETE FROM audit_log")
            con.commit()
            ok = False
        except sqlite3.DatabaseError as e:
            ok = "append-only" in str(e)
        con.close()
    else:
        bindir = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
        psql = os.path.join(bindir[-1], "psql") if bindir else "psql"
        r = subprocess.run([psql, srv.db, "-c", "UPDATE audit_log SET action = 'x'"], capture_output=True, text=True)
        ok = r.returncode != 0 and "append-only" in r.stderr
    check(ok, "the audit log refuses UPDATE and DELETE")


# ---- the permission table, walked for every route and role ----

ROLES = ["anon", "candidate", "ngo", "employer", "employer2", "city", "city2", "network", "admin"]
PATHS = {"{section}": "experience", "{slug}": "idrija", "{file}": "style.css", "{org}": "acme", "{id}": "999999",
         "{format}": "pdf", "{quarter}": "2024Q2", "{kind}": "meetings",
         "{mid}": "m1"}
ALL = set(ROLES) - {"anon"}
# route -> roles allowed (everyone else: 403, anonymous: sign-in)
EXPECT = {
    "GET /": "public", "GET /cities/{slug}": "public", "GET /calendar": "public", "GET /about": "public",
    "GET /static/{file}": "public", "GET /healthz": "public", "GET /metrics": "public",  # loopback
    "GET /calendar.ics": "public", "GET /cities/{slug}/calendar.ics": "public", "GET /cities/{slug}/plan": "public",
    "GET /cities/{slug}/plan.{format}": "public", "GET /skills": "public", "GET /reports/{quarter}.pdf": "public",
    "GET /reports/{quarter}": "public", "GET /api/v1/skills": "public", "GET /jobs/check": "public",
    "POST /jobs/check": "public", "POST /api/v1/adcheck": "public",
    "GET /jobs": "public", "GET /jobs/{id}": "public", "GET /cities/{slug}/jobs.atom": "public",
    "GET /api/v1/jobs": "public", "GET /api/v1/jobs/{id}": "public",
    # employers of the organisation only (employer2 belongs to another one)
    "GET /orgs/{org}/jobs": {"employer"}, "GET /orgs/{org}/jobs/new": {"employer"},
    "POST /orgs/{org}/jobs": {"employer"}, "GET /orgs/{org}/jobs/{id}/edit": {"employer"},
    "POST /orgs/{org}/jobs/{id}": {"employer"}, "POST /orgs/{org}/jobs/{id}/close": {"employer"},
    # any employer may try; another employer's job is then refused by the handler (see suite_jobs)
    "POST /api/v1/jobs": {"employer", "employer2"}, "PATCH /api/v1/jobs/{id}": {"employer", "employer2"},
    "GET /login": "public", "POST /login": "public", "GET /register": "public", "POST /register": "public",
    "GET /password/forgot": "public", "POST /password/forgot": "public", "GET /password/reset": "public",
    "POST /password/reset": "public",
    "GET /cities/{slug}/workspace": {"city", "network"},  # city2 is another city: refused
    # the workspace's records and rubric rounds: that city's officers and the network (see suite_iapedit)
    "GET /cities/{slug}/workspace/rubric": {"city", "network"}, "POST /cities/{slug}/workspace/rubric": {"city", "network"},
    "GET /cities/{slug}/workspace/integration": {"city", "network"},
    "POST /cities/{slug}/workspace/integration": {"city", "network"},
    "GET /cities/{slug}/workspace/{kind}": {"city", "network"}, "POST /cities/{slug}/workspace/{kind}": {"city", "network"},
    "GET /cities/{slug}/workspace/{kind}/{id}": {"city", "network"},
    "POST /cities/{slug}/workspace/{kind}/{id}": {"city", "network"},
    "POST /cities/{slug}/workspace/{kind}/{id}/delete": {"city", "network"},
    "POST /cities/{slug}/workspace/stakeholders/{id}/forget-contact": {"city", "network"},
    # an action's milestones: that city's officers and the network (see suite_actions)
    "GET /cities/{slug}/workspace/actions/{id}/milestones": {"city", "network"},
    "POST /cities/{slug}/workspace/actions/{id}/milestones": {"city", "network"},
    "GET /cities/{slug}/workspace/actions/{id}/milestones/{mid}": {"city", "network"},
    "POST /cities/{slug}/workspace/actions/{id}/milestones/{mid}": {"city", "network"},
    "POST /cities/{slug}/workspace/actions/{id}/milestones/{mid}/done": {"city", "network"},
    "POST /cities/{slug}/workspace/actions/{id}/milestones/{mid}/delete": {"city", "network"},
    "GET /network/rubric": {"network"},
    # the network roadmap: its coordinators only (see suite_roadmap)
    "GET /network/roadmap": {"network"}, "POST /network/roadmap": {"network"},
    "GET /network/roadmap/{id}": {"network"}, "POST /network/roadmap/{id}": {"network"},
    "POST /network/roadmap/{id}/delete": {"network"},
    "GET /orgs/{org}": {"employer", "admin"},  # employer2 is another employer: refused
    "POST /orgs/{org}/invite": {"employer", "admin"},
    # the walk's ngo belongs to another organisation and no candidate 999999 consented to it
    "GET /orgs/{org}/candidates": set(), "POST /orgs/{org}/candidates": set(),
    "GET /candidates/{id}": set(), "POST /candidates/{id}": set(), "GET /invite": "public", "POST /invite": "public",
    "GET /admin": {"admin"}, "POST /admin/orgs": {"admin"},
    "GET /api/v1/me": ALL, "GET /account": ALL, "POST /account/password": ALL, "GET /account/export": ALL,
    "POST /account/erase": ALL, "POST /account/consent": ALL, "POST /account/consent/{id}/withdraw": ALL,
    "POST /account/tokens": ALL, "POST /account/sessions/revoke": ALL, "POST /account/tokens/{id}/revoke": ALL, "POST /logout": ALL,
    # the candidate's own profile; a counsellor's routes need a consenting candidate (999999 is none)
    "GET /api/v1/me/profile": {"candidate"}, "PUT /api/v1/me/profile": {"candidate"},
    "POST /api/v1/me/cv": {"candidate"},
    **{f"{m} /profile{p}": {"candidate"} for m, p in [
        ("GET", ""), ("GET", "/about"), ("POST", "/about"), ("GET", "/skills"), ("POST", "/skills/item"),
        ("POST", "/skills/add"), ("POST", "/import"), ("POST", "/cv"), ("GET", "/europass.xml"),
        ("GET", "/resume.json"), ("GET", "/preview"), ("POST", "/preview/marks"), ("POST", "/preview/approve"),
        ("GET", "/guidance"), ("POST", "/guidance/goals"), ("GET", "/{section}"), ("POST", "/{section}"),
        ("POST", "/{section}/remove")]},
    **{f"{m} /candidates/{{id}}/profile{p}": set() for m, p in [
        ("GET", ""), ("GET", "/about"), ("POST", "/about"), ("GET", "/skills"), ("POST", "/skills/item"),
        ("POST", "/skills/add"), ("POST", "/import"), ("POST", "/cv"), ("GET", "/europass.xml"),
        ("GET", "/resume.json"), ("GET", "/preview"), ("POST", "/preview/marks"),
        ("GET", "/guidance"), ("POST", "/guidance/goals"), ("GET", "/{section}"), ("POST", "/{section}"),
        ("POST", "/{section}/remove")]},
}
SKIP_FORMS = {"POST /login", "POST /register", "POST /password/forgot", "POST /password/reset", "POST /invite"}


def walk_users(srv):
    users = {"candidate": ("walk.cand@example.org", "candidate", []), "ngo": ("walk.ngo@example.org", "ngo", ["--org", "helpers"]),
             "employer": ("walk.emp@example.org", "employer", ["--org", "acme"]),
             "employer2": ("walk.emp2@example.org", "employer", ["--org", "beta"]),
             "city": ("walk.city@example.org", "city", ["--city", "idrija"]),
             "city2": ("walk.city2@example.org", "city", ["--city", "arezzo"]),
             "network": ("walk.net@example.org", "network", []), "admin": ("walk.admin@example.org", "admin", [])}
    clients = {"anon": Client(srv)}
    for key, (email, role, extra) in users.items():
        ok, err = add_user(srv, email, role, *extra)
        c = Client(srv)
        st, _, _ = c.login(email)
        check(ok and st == 303, f"walk user {key} created and signed in", err)
        clients[key] = c
    return clients


def outcome(c, method, pattern):
    path = pattern
    for k, v in PATHS.items():
        path = path.replace(k, v)
    page = "/account" if c.cookies.get("td_session") else "/login"
    if method == "GET":
        st, h, _ = c.req("GET", path)
    elif method == "POST":
        st, h, _ = c.post(path, {}, page)
    else:  # PATCH, DELETE: the same CSRF token as a form would carry
        st, h, _ = c.req(method, path, {"csrf": c.csrf(page)})
    loc = h.get("location", "")
    if st in (401,) or (st == 303 and loc.startswith("/login?next")):
        return "login", st
    if st == 403:
        return "denied", st
    return "allowed", st


def add_orgs(srv):
    for slug, kind in [("acme", "employer"), ("beta", "employer"), ("helpers", "ngo"), ("other-ngo", "ngo")]:
        r = cli(srv, "org", "add", "--slug", slug, "--name", slug.title(), "--kind", kind)
        check(r.returncode == 0, f"organisation {slug} added", r.stderr)


def test_permission_table(srv):
    listed = subprocess.run([srv.binary, "routes"], capture_output=True, text=True).stdout.split("\n")
    routes = [" ".join(line.split(" ")[:2]) for line in listed if line.strip()]
    missing = [r for r in routes if r not in EXPECT]
    check(routes and not missing, f"every one of the {len(routes)} routes has an expectation in the walk", missing)
    clients = walk_users(srv)
    order = sorted(routes, key=lambda r: r == "POST /logout")  # sign-out last
    for route in order:
        if route in SKIP_FORMS:
            continue
        method, pattern = route.split(" ", 1)
        exp = EXPECT.get(route)
        for role in ROLES:
            if exp == "public":
                want = "allowed"
            elif role == "anon":
                want = "login"
            else:
                want = "allowed" if role in exp else "denied"
            got, st = outcome(clients[role], method, pattern)
            check(got == want, f"{route} as {role}: {want}", f"got {got} ({st})")


def test_metrics_guard(srv):
    st, _, _ = srv.get("/metrics", headers={"X-Forwarded-For": "203.0.113.9"})
    check(st == 401, "/metrics relayed by a proxy is not treated as local: sign-in required (401)", st)
    c = Client(srv, {"X-Forwarded-For": "203.0.113.9"})
    c.login("walk.cand@example.org")
    st, _, _ = c.req("GET", "/metrics")
    check(st == 403, "/metrics refused to a non-admin behind a proxy", st)
    c = Client(srv, {"X-Forwarded-For": "203.0.113.9"})
    c.login("walk.admin@example.org")
    st, _, body = c.req("GET", "/metrics")
    check(st == 200 and b"techdiv_http_requests_total" in body, "/metrics served to an administrator", st)


def test_admin_cannot_decrypt(srv):
    c = Client(srv)
    st, _, body = c.login("walk.admin@example.org")
    _, _, page = c.req("GET", "/admin?lang=en")
    check("Accounts erased at their owner" in page.decode() and b"seeded.person" not in page,
          "admin page shows anonymous counts only")
    st, _, page = c.post("/admin/orgs", {"slug": "gamma-ngo", "name": "Gamma <b>NGO</b>", "kind": "ngo"}, "/admin")
    check(st == 200 and b"Gamma &lt;b&gt;NGO&lt;/b&gt;" in page and b'href="/orgs/gamma-ngo"' in page,
          "an administrator creates an organisation (name escaped)", st)
    st, _, _ = c.post("/admin/orgs", {"slug": "Bad Slug!", "name": "X", "kind": "ngo"}, "/admin")
    check(st == 400, "an invalid short name is refused", st)
    st, _, _ = c.post("/admin/orgs", {"slug": "x", "name": "X", "kind": "government"}, "/admin")
    check(st == 400, "an unknown kind is refused", st)


def age_account(srv, email_like_id):
    sql = f"UPDATE app_user SET created_at = 0, last_signin_at = NULL WHERE id = {int(email_like_id)}"
    if srv.db.startswith("sqlite:"):
        con = sqlite3.connect(srv.db[7:], timeout=10)
        con.execute(sql)
        con.commit()
        con.close()
    else:
        bindir = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
        subprocess.run([os.path.join(bindir[-1], "psql"), srv.db, "-c", sql], capture_output=True)


def test_maintenance_rotate(srv, args):
    r = cli(srv, "user", "add", "--email", "dormant@example.org", "--role", "candidate", "--password-stdin", stdin=PW + "\n")
    uid = re.search(r"User (\d+)", r.stdout)
    age_account(srv, uid.group(1) if uid else 0)
    r = cli(srv, "maintenance")
    check(r.returncode == 0 and "Retention enforced" in r.stdout and "Inactive" not in r.stdout,
          "techdiv maintenance enforces retention (account retention off by default)", r.stderr)
    st, _, _ = Client(srv).login("dormant@example.org")
    check(st == 303, "the dormant account still exists", st)
    age_account(srv, uid.group(1) if uid else 0)
    r = cli(srv, "maintenance", "--inactive-days", "365")
    check(r.returncode == 0 and "Inactive accounts erased: 1." in r.stdout, "accounts unused for a year are erased", r.stdout)
    st, _, _ = Client(srv).login("dormant@example.org")
    check(st == 400, "the erased dormant account cannot sign in", st)
    st, _, _ = Client(srv).login("walk.admin@example.org")
    check(st == 303, "recently active accounts are kept", st)
    r = cli(srv, "keys", "rotate")
    check(r.returncode == 0 and "Key 2 is now current" in r.stdout, "techdiv keys rotate re-encrypts", r.stdout + r.stderr)
    data, where = db_bytes(srv)
    check(b"v1.2." in data, f"key-2 ciphertext in the {where}")
    srv2 = Server(args.binary, args.db)
    try:
        c = Client(srv2)
        st, _, _ = c.login("walk.admin@example.org")
        _, _, page = c.req("GET", "/account")
        check(st == 303 and b"walk.admin@example.org" in page, "after rotation and restart personal data decrypts")
    finally:
        srv2.stop()


def run(srv, args):
    add_orgs(srv)
    test_register_login(srv)
    test_csrf(srv)
    test_fixation(srv)
    test_revocation(srv)
    test_throttle(srv)
    test_reset(srv)
    test_bearer(srv)
    test_invitation(srv)
    test_ngo(srv)
    test_export_erase(srv)
    test_permission_table(srv)
    test_admin_cannot_decrypt(srv)
    test_metrics_guard(srv)
    test_at_rest(srv)
    test_audit_append_only(srv)
    test_expiry(args)
    test_maintenance_rotate(srv, args)
