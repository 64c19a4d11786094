"""Stakeholders of a city's URBACT Local Group over HTTP, as a city officer:
the contact person kept as personal data (shown to the officer, validated,
never in the public plan page, its PDF/DOCX/ODT/HTML exports, the calendars
or the server's log, never in clear text in the database, still readable
after `techdiv keys rotate` and a restart, erased by "forget" and with its
stakeholder), the local group's members listed first and named in the
plan's governance section, and good practices in the plan's annex."""
import io
import os
import re
import subprocess
import zipfile
from urllib.parse import urlencode

from harness import Server, check, parse_html
from suite_accounts import Client, add_user, cli
from suite_iapedit import officer as iapedit_officer, save as post, version
from suite_workspace import pdf_text

CITY = "idrija"
WS = f"/cities/{CITY}/workspace"
SH = f"{WS}/stakeholders"
# The named limits of src/domain/workspace/stakeholder.h.
WS_CONTACT_NAME_MAX = 200
WS_CONTACT_EMAIL_MAX = 254
WS_CONTACT_LOCAL_MAX = 64
WS_CONTACT_PHONE_MAX = 32
WS_CONTACT_DIGITS_MIN = 6
WS_CONTACT_DIGITS_MAX = 15

NAME = "Ana Kontaktnik-Zupan"
EMAIL = "ana.kontakt-7391@stakeholder-test.si"
PHONE = "+386 5 372 1100"
ORG = "Zavod Stake Test"
SECRETS = [EMAIL, NAME, "372 1100", "Kontaktnik"]


def officer(srv, email):
    return iapedit_officer(srv, email, CITY)


def stake_form(org, ulg="yes", **contact):
    f = {"organisation": org, "sector": "education", "role": "partner", "influence": "4", "interest": "5",
         "ulg": ulg}
    f.update({k: v for k, v in contact.items()})
    return f


def contact(name=NAME, email=EMAIL, phone=PHONE, agreed="2024-03-01"):
    return {"contact_name": name, "contact_email": email, "contact_phone": phone, "contact_agreed": agreed}




def db_dump(db, sql):
    """Rows of a query as text, straight from the database (SQLite file or PostgreSQL)."""
    if db.startswith("sqlite:"):
        import sqlite3
        con = sqlite3.connect(db[len("sqlite:"):])
        try:
            return "\n".join("|".join(str(v) for v in row) for row in con.execute(sql))
        finally:
            con.close()
    r = subprocess.run(["psql", db, "-At", "-c", sql], capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else "psql failed: " + r.stderr


def db_exec(db, sql):
    if db.startswith("sqlite:"):
        import sqlite3
        con = sqlite3.connect(db[len("sqlite:"):])
        try:
            con.execute(sql)
            con.commit()
        finally:
            con.close()
        return True
    return subprocess.run(["psql", db, "-At", "-c", sql], capture_output=True).returncode == 0


def db_raw(db):
    """Every byte the database keeps: the SQLite files, or a full dump of PostgreSQL."""
    if db.startswith("sqlite:"):
        data = b""
        for suffix in ("", "-wal", "-journal"):
            path = db[len("sqlite:"):] + suffix
            if os.path.exists(path):
                with open(path, "rb") as f:
                    data += f.read()
        return data
    r = subprocess.run(["pg_dump", db], capture_output=True)
    return r.stdout if r.returncode == 0 else b"pg_dump failed " + r.stderr


def zip_text(data):
    z = zipfile.ZipFile(io.BytesIO(data))
    return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if not n.endswith((".png", ".jpg")))


def absent(text, what):
    leaked = [s for s in SECRETS if s in text]
    check(not leaked, f"the contact person is not in {what}", leaked)


def test_validation(c):
    cases = [
        (contact(email="not-an-address"), "contact_email", "an e-mail address without @ is refused"),
        (contact(email="a@b"), "contact_email", "an e-mail address without a domain is refused"),
        (contact(email="two@@example.org"), "contact_email", "two @ are refused"),
        (contact(email="x" * (WS_CONTACT_LOCAL_MAX + 1) + "@example.org"), "contact_email",
         "a local part over WS_CONTACT_LOCAL_MAX is refused"),
        (contact(email="a@" + "b" * 62 + "." + "c" * 62 + "." + "d" * 62 + "." + "e" * 62 + ".si"), "contact_email",
         "an address over WS_CONTACT_EMAIL_MAX is refused"),
        (contact(email="a b@example.org"), "contact_email", "a blank in an address is refused"),
        (contact(email="<script>@example.org"), "contact_email", "markup in an address is refused"),
        (contact(phone="call me"), "contact_phone", "a phone number of letters is refused"),
        (contact(phone="12345"), "contact_phone", "a phone number under WS_CONTACT_DIGITS_MIN digits is refused"),
        (contact(phone="+" + "1" * (WS_CONTACT_DIGITS_MAX + 1)), "contact_phone",
         "a phone number over WS_CONTACT_DIGITS_MAX digits is refused"),
        (contact(phone="0" + " " * WS_CONTACT_PHONE_MAX + "51234567"), "contact_phone", "a phone number over WS_CONTACT_PHONE_MAX characters is refused"),
        (contact(agreed=""), "contact_agreed", "a contact without the date of agreement is refused"),
        (contact(agreed="2999-01-01"), "contact_agreed", "a date of agreement in the future is refused"),
        (contact(agreed="2024-02-30"), "contact_agreed", "an impossible date is refused"),
        (contact(name=""), "contact_name", "a contact without a name is refused"),
        (contact(email=""), "contact_email", "a contact without an e-mail address is refused"),
        (contact(name="n" * (WS_CONTACT_NAME_MAX + 1)), "contact_name", "a name over WS_CONTACT_NAME_MAX is refused"),
        (contact(name="Ana\r\nBcc: x@example.org"), "contact_name", "CR/LF in a name is refused"),
        (contact(name="Ana \xff"), None, "invalid UTF-8 is refused"),
    ]
    before = len(re.findall(rf'href="{SH}/[^"/]+"', c.req("GET", f"{SH}?lang=en")[2].decode()))
    for form, field, name in cases:
        if field is None:  # raw bytes: invalid UTF-8
            body = urlencode(stake_form("Invalid Org")).encode()
            body += b"&contact_name=Ana%FF&contact_email=a%40example.org&contact_agreed=2024-01-01&csrf="
            body += c.csrf(SH).encode()
            st, _, page = c.req("POST", SH, raw=body,
                                headers={"Content-Type": "application/x-www-form-urlencoded"})
            check(st == 400, name, st)
            continue
        st, _, page = post(c, SH, stake_form("Invalid Org", **form))
        check(st == 400 and f'id="f-{field}"' in page and 'aria-invalid="true"' in page and f'href="#f-{field}"' in page,
              name, st)
    after = len(re.findall(rf'href="{SH}/[^"/]+"', c.req("GET", f"{SH}?lang=en")[2].decode()))
    check(before == after, "no refused form added a stakeholder", (before, after))
    st, loc, _ = post(c, SH, stake_form("At The Limits", ulg="",
                                        **contact(name="n" * WS_CONTACT_NAME_MAX,
                                                  email="l" * WS_CONTACT_LOCAL_MAX + "@example.org",
                                                  phone="+" + "1" * WS_CONTACT_DIGITS_MAX)))
    check(st == 303, "a contact at the limits is kept", st)
    st, _, _ = post(c, SH, stake_form("No Contact", ulg=""))
    check(st == 303, "a stakeholder without a contact person is fine", st)
    return loc.split("?")[0]


def test_contact_saved(c):
    st, loc, body = post(c, SH, stake_form(ORG, **contact()))
    check(st == 303 and loc.startswith(f"{SH}/"), "a stakeholder with its contact person is added", (st, body[:300]))
    path = loc.split("?")[0]
    st, _, body = c.req("GET", path + "?lang=en")
    page = body.decode()
    check(st == 200 and EMAIL in page and NAME in page and PHONE in page and "2024-03-01" in page,
          "the officer sees the contact person on the stakeholder's page", st)
    check("forget-contact" in page, "the page offers to forget the contact person")
    check(not parse_html(body).errors, "the stakeholder page is well-formed", parse_html(body).errors)
    return path


def test_members_first(c):
    _, _, body = c.req("GET", f"{SH}?lang=en")
    page = body.decode()
    m = re.search(r"Members of the URBACT Local Group: (\d+)", page)
    check(m and int(m.group(1)) >= 1, "the list counts the local group's members", m and m.group(0))
    i_member, i_other = page.find(ORG), page.find("No Contact")
    i_head = page.find("Other stakeholders")
    check(0 <= i_member < i_head < i_other, "members come first, the others after", (i_member, i_head, i_other))
    absent(page.replace(ORG, ""), "the stakeholder list")


def test_practice(c):
    form = {"title": "Stake Good Practice", "kind": "good-practice", "partner": "Idrija",
            "body_in_charge": "Idrija Tech Hub", "link": "https://example.org/gp", "timescale": "2022–2024",
            "abstract_local": "Mentorstvo za dekleta", "abstract_en": "Mentoring for girls in tech",
            "what_worked_en": "Peer mentors", "people_en": "The hub's coordinator"}
    st, _, body = post(c, f"{WS}/practices", form)
    check(st == 303, "a good practice is added", (st, body[:300]))


def test_public(srv, db):
    st, _, body = srv.get(f"/cities/{CITY}/plan?lang=en")
    page = body.decode()
    check(st == 200 and ORG in page and "Member organisations of the URBACT Local Group" in page,
          "the plan page names the local group's member organisations", st)
    check("Annex: good practices and case examples" in page and "Stake Good Practice" in page and
          "Mentoring for girls in tech" in page and "Idrija Tech Hub" in page,
          "the plan page has the good practice in its annex")
    absent(page, "the public plan page")
    for lang in ("en", "sl"):
        st, _, data = srv.get(f"/cities/{CITY}/plan.pdf?lang={lang}")
        ok, text = pdf_text(data)
        text1 = " ".join(text.split())
        check(st == 200 and ok and "Stake Good Practice" in text1 and ORG in text1,
              f"the PDF ({lang}) has the annex and the local group", st)
        absent(text1, f"the PDF ({lang})")
    for fmt in ("docx", "odt"):
        st, _, data = srv.get(f"/cities/{CITY}/plan.{fmt}?lang=en")
        text = zip_text(data)
        check(st == 200 and "Stake Good Practice" in text and "Peer mentors" in text and ORG in text,
              f"the {fmt.upper()} has the annex and the local group", st)
        absent(text, f"the {fmt.upper()}")
    st, _, data = srv.get(f"/cities/{CITY}/plan.html?lang=en")
    check(st == 200 and b"Stake Good Practice" in data, "the standalone HTML has the annex", st)
    absent(data.decode(), "the standalone HTML")
    st, _, data = srv.get(f"/cities/{CITY}/plan.xlsx?lang=en")
    absent(zip_text(data) if st == 200 else "", "the XLSX")
    for path in (f"/cities/{CITY}/calendar.ics", "/calendar.ics", f"/cities/{CITY}", "/calendar"):
        st, _, data = srv.get(path)
        check(st == 200, f"{path} answers", st)
        absent(data.decode("utf-8", "replace"), path)
    st, _, data = srv.get("/reports/2024Q2?lang=en")
    absent(data.decode("utf-8", "replace"), "the quarterly report")


def test_at_rest(db):
    raw = db_raw(db)
    check(len(raw) > 1000, "the database can be read", len(raw))
    leaked = [s for s in SECRETS if s.encode() in raw]
    check(not leaked, "the contact person is nowhere in the database in clear text", leaked)
    rows = db_dump(db, "SELECT rec_id, contact_enc FROM stakeholder_contact")
    check(rows and all(line.split("|")[1].startswith("v1.") for line in rows.splitlines()),
          "each kept contact is one vault ciphertext", rows[:200])
    docs = db_dump(db, "SELECT doc FROM iap_record WHERE kind = 'stakeholder'")
    check("contact" not in docs and "Kontaktnik" not in docs, "the stakeholder records hold no contact", docs[:300])


def test_rotation(srv, args, officer_email, path):
    before = db_dump(args.db, "SELECT contact_enc FROM stakeholder_contact ORDER BY id")
    r = cli(srv, "keys", "rotate")
    check(r.returncode == 0, "keys rotate with stakeholder contacts in the database", r.stderr)
    after = db_dump(args.db, "SELECT contact_enc FROM stakeholder_contact ORDER BY id")
    kid = lambda s: {line.split(".")[1] for line in s.splitlines() if line}  # noqa: E731
    check(after and before != after and len(kid(after)) == 1 and kid(after) != kid(before),
          "every contact is re-encrypted under the new key", (kid(before), kid(after)))
    srv2 = Server(args.binary, args.db)
    try:
        c2 = Client(srv2)
        c2.login(officer_email)
        st, _, body = c2.req("GET", path + "?lang=en")
        check(st == 200 and EMAIL.encode() in body and NAME.encode() in body,
              "after rotation and a restart the contact person still decrypts", st)
    finally:
        srv2.stop()


def test_forget_and_delete(c, db, path, limits_path):
    rid = path.rsplit("/", 1)[1]
    st, loc, _ = post(c, f"{path}/forget-contact", {}, path)
    check(st == 303 and loc.startswith(path), "forget answers with the stakeholder's page", (st, loc))
    st, _, body = c.req("GET", path + "?lang=en&forgotten=1")
    page = body.decode()
    check(st == 200 and EMAIL not in page and NAME not in page and ORG in page,
          "the contact person is gone, the stakeholder stays", st)
    check(db_dump(db, f"SELECT COUNT(*) FROM stakeholder_contact WHERE rec_id = '{rid}'").strip() == "0",
          "forget erased the row")
    # Save again with a contact, then delete the stakeholder itself.
    lid = limits_path.rsplit("/", 1)[1]
    check(db_dump(db, f"SELECT COUNT(*) FROM stakeholder_contact WHERE rec_id = '{lid}'").strip() == "1",
          "another stakeholder's contact is kept")
    st, _, _ = post(c, f"{limits_path}/delete", {"version": version(c, limits_path)}, limits_path)
    check(st == 303, "the stakeholder is deleted", st)
    check(db_dump(db, f"SELECT COUNT(*) FROM stakeholder_contact WHERE rec_id = '{lid}'").strip() == "0",
          "deleting the stakeholder deleted its contact person")
    # Emptying every contact field erases the contact too.
    st, _, _ = post(c, path, {**stake_form(ORG, **contact()), "version": version(c, path)})
    check(st == 303, "a contact is kept again", st)
    st, _, _ = post(c, path, {**stake_form(ORG, **contact("", "", "", "")), "version": version(c, path)})
    check(st == 303 and db_dump(db, f"SELECT COUNT(*) FROM stakeholder_contact WHERE rec_id = '{rid}'").strip() == "0",
          "saving with every contact field empty erases the contact", st)
    st, _, _ = post(c, f"{SH}/stakeholder-999/forget-contact", {}, path)
    check(st == 404, "forgetting on an unknown stakeholder is 404", st)


def test_unreadable(c, db):
    """A ciphertext that no key opens: the officer is told, nothing is shown, and it can be forgotten."""
    st, loc, _ = post(c, SH, stake_form("Unreadable Org", ulg="", **contact()))
    path = loc.split("?")[0]
    rid = path.rsplit("/", 1)[1]
    check(st == 303 and db_exec(db, f"UPDATE stakeholder_contact SET contact_enc = 'v1.1.AAAAAAAA' "
                                    f"WHERE rec_id = '{rid}'"), "a kept contact is damaged", st)
    st, _, body = c.req("GET", path + "?lang=en")
    page = body.decode()
    check(st == 200 and "cannot be read" in page and "forget-contact" in page and EMAIL not in page,
          "an unreadable contact is reported, not shown, and can be forgotten", st)
    st, _, _ = post(c, f"{path}/forget-contact", {}, path)
    check(st == 303 and db_dump(db, f"SELECT COUNT(*) FROM stakeholder_contact WHERE rec_id = '{rid}'").strip() == "0",
          "forgetting erases the unreadable contact", st)


def test_refused(srv, path):
    other = Client(srv)
    ok, err = add_user(srv, "stake.other@example.org", "city", "--city", "arezzo")
    other.login("stake.other@example.org")
    st, _, body = other.req("GET", path)
    check(st == 403 and EMAIL.encode() not in body, "another city's officer cannot see the contact", st)
    st, _, _ = other.post(f"{path}/forget-contact", {}, "/account")
    check(st == 403, "nor forget it", st)
    st, _, body = Client(srv).req("GET", path)
    check(st in (303, 401) and EMAIL.encode() not in body, "an anonymous visitor cannot see it", st)


def run(srv, args):
    c = officer(srv, "stake.officer@example.org")
    limits_path = test_validation(c)
    path = test_contact_saved(c)
    test_members_first(c)
    test_practice(c)
    test_public(srv, args.db)
    test_refused(srv, path)
    test_at_rest(args.db)
    test_rotation(srv, args, "stake.officer@example.org", path)
    test_forget_and_delete(c, args.db, path, limits_path)
    test_unreadable(c, args.db)
    log = srv.read_log()
    leaked = [s for s in SECRETS if s in log]
    check(not leaked, "the contact person is not in the server's log", leaked)
