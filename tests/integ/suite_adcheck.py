"""The job-ad checker over HTTP: JSON API (same output as the command) and the form."""
import json
import subprocess
import urllib.parse

from harness import check, parse_html

AD = ("Senior Python developer (m/f/d)\nWe are a young and dynamic team looking for a native English speaker. "
      "Please send your CV with a photo and your current salary.")
FAIR = ("Backend developer\nWe especially welcome applications from women and people with disabilities. "
        "Salary 3.000-3.800 EUR gross per month. English at B2 level.")


def post_json(srv, body, ctype="application/json"):
    status, h, data = srv.request("POST", "/api/v1/adcheck", body=body, headers={"Content-Type": ctype})
    try:
        return status, json.loads(data)
    except ValueError:
        return status, {}


def test_api(srv, args):
    status, j = post_json(srv, json.dumps({"text": AD, "lang": "en"}).encode())
    cats = {f["category"] for f in j.get("findings", [])}
    check(status == 200 and {"age", "native-language", "photo", "salary-history", "pay-missing"} <= cats,
          "the API finds age, native speaker, photo, salary history and missing pay", cats)
    f0 = next((f for f in j["findings"] if f["category"] == "photo"), None)
    check(f0 and AD.encode()[f0["start"]:f0["end"]].decode().lower().find("photo") >= 0,
          "finding offsets are byte offsets into the ad")
    cli = subprocess.run([args.binary, "check-ad", "--lang", "en", "--format", "json", "-"], input=AD.encode(),
                         capture_output=True)
    check(json.loads(cli.stdout) == j, "the API answers exactly what `techdiv check-ad --format json` prints")
    status, j = post_json(srv, json.dumps({"text": FAIR}).encode())
    cats = {f["category"] for f in j.get("findings", [])}
    check(status == 200 and j.get("lang") == "en" and not (cats - {"gendered-wording"}),
          "a fair ad with a positive-action sentence and a pay range is not blocked", cats)
    for body, ctype, want, name in [
        (b"{not json", "application/json", 400, "malformed JSON"),
        (json.dumps({"txt": "x"}).encode(), "application/json", 400, "missing text"),
        (json.dumps({"text": "x", "lang": "fr"}).encode(), "application/json", 400, "unsupported language"),
        (b"text=x", "application/x-www-form-urlencoded", 415, "wrong content type"),
        (json.dumps({"text": "a " * 200000}).encode(), "application/json", 413, "an ad over the named limit"),
    ]:
        status, j = post_json(srv, body, ctype)
        check(status == want and j.get("status") == want, f"the API refuses {name} with {want}", status)


def test_page(srv):
    status, _, body = srv.get("/jobs/check?lang=it")
    check(status == 200 and not parse_html(body).errors and "textarea" in body.decode(), "the checker form renders")
    from suite_accounts import Client
    c = Client(srv)
    csrf = c.csrf("/jobs/check")
    status, _, body = c.req("POST", "/jobs/check?lang=en",
                            {"text": AD + " <script>alert(1)</script>", "adlang": "auto", "csrf": csrf})
    text = body.decode()
    p = parse_html(body)
    check(status == 200 and not p.errors and p.h1 == 1, "the result page is well-formed", p.errors[:3])
    check("<script>alert(1)" not in text and "&lt;script&gt;" in text, "the ad is escaped in the result")
    check('<mark id="mark-' in text and 'href="#finding-' in text, "findings are marked in the text and linked")
    check("Must be fixed:" in text and "No pay range" in text, "blocking findings are explained")


def test_csrf(srv):
    form = urllib.parse.urlencode({"text": AD, "adlang": "auto"}).encode()
    status, _, _ = srv.request("POST", "/jobs/check", body=form,
                               headers={"Content-Type": "application/x-www-form-urlencoded"})
    check(status == 403, "the checker form without its CSRF token is refused", status)


def run(srv, args):
    test_csrf(srv)
    test_api(srv, args)
    test_page(srv)
