"""The job board: public list and filters, job pages with JSON-LD, Atom feeds,
employers' postings through the checker, and the JSON API with permissions."""
import json
import re
import xml.dom.minidom

from harness import check, parse_html
from suite_accounts import Client, add_user, cli

LD_RE = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
FAIR = {
    "title": "Programista/Programistka C", "adlang": "pl",
    "description": "Tworzymy oprogramowanie dla szpitali. Pracujemy w małym zespole.\n"
                   "Wynagrodzenie 8 000–11 000 zł brutto miesięcznie. Angielski B2.",
    "occupation": "software developer", "skills_essential": "Python (computer programming)\nSQL",
    "skills_optional": "", "languages": "pl C1\nen B2", "city": "Bielsko-Biała", "country": "PL",
    "remote": "hybrid", "hours": "full-time", "hours_per_week": "40", "contract": "permanent",
    "experience_months": "0", "pay_min": "8000", "pay_max": "11000", "currency": "PLN", "period": "month",
    "gross": "on", "deadline": "2030-01-31", "questions": "Opisz program, który napisałeś/napisałaś.",
    "action": "publish",
}


def ids_in(body):
    return [int(x) for x in re.findall(r'href="/jobs/(\d+)"', body.decode())]


def test_public(srv):
    st, _, body = srv.get("/jobs?lang=en")
    p = parse_html(body)
    check(st == 200 and not p.errors and p.h1 == 1 and len(ids_in(body)) == 8, "the board lists the 8 demo jobs",
          len(ids_in(body)))
    for q, want in [("city=Arezzo", 1), ("remote=remote", 1), ("hours=part-time", 1),
                    ("accommodation=sign-language", 1), ("skill=python", 2), ("skill=zzqqxx", 0)]:
        _, _, body = srv.get(f"/jobs?{q}")
        check(len(ids_in(body)) == want, f"filter {q} leaves {want}", len(ids_in(body)))
    _, _, body = srv.get("/jobs?remote=remote")
    jid = ids_in(body)[0]
    st, _, page = srv.get(f"/jobs/{jid}?lang=en")
    m = LD_RE.search(page.decode())
    ld = json.loads(m.group(1)) if m else {}
    check(st == 200 and ld.get("@type") == "JobPosting", "a job page carries schema.org JobPosting JSON-LD")
    check(ld.get("jobLocationType") == "TELECOMMUTE" and ld.get("applicantLocationRequirements"),
          "a remote job says so, with where applicants may live", ld.get("jobLocationType"))
    sal = ld.get("baseSalary", {}).get("value", {})
    check(sal.get("minValue") == 18000 and sal.get("maxValue") == 22000, "baseSalary carries the pay range", sal)
    check(str(ld.get("occupationalCategory", "")).find("data.europa.eu/esco/occupation/") >= 0,
          "occupationalCategory is the ESCO occupation")
    st, _, _ = srv.get("/jobs/999999")
    check(st == 404, "an unknown job is 404")
    st, h, feed = srv.get("/cities/arezzo/jobs.atom")
    doc = xml.dom.minidom.parseString(feed)
    check(st == 200 and "atom" in h.get("content-type", "") and len(doc.getElementsByTagName("entry")) == 1,
          "each city has an Atom feed of its open jobs")
    st, _, body = srv.get("/api/v1/jobs?city=Idrija")
    j = json.loads(body)
    check(st == 200 and len(j["jobs"]) == 1 and j["jobs"][0]["pay"]["currency"] == "EUR", "GET /api/v1/jobs filters")


def employer(srv, email, org):
    cli(srv, "org", "add", "--slug", org, "--name", org.title() + " Ltd", "--kind", "employer")
    add_user(srv, email, "employer", "--org", org)
    c = Client(srv)
    c.login(email)
    return c


def test_employer(srv):
    c = employer(srv, "hr@jobs-a.example.org", "jobs-a")
    st, _, body = c.req("GET", "/orgs/jobs-a/jobs/new?lang=pl")
    check(st == 200 and not parse_html(body).errors, "the job form renders for the organisation's employer")
    bad = dict(FAIR, description="Szukamy młodej osoby do 30 lat. Prosimy o CV ze zdjęciem.", pay_min="", pay_max="")
    st, _, body = c.post("/orgs/jobs-a/jobs", bad, "/orgs/jobs-a/jobs/new")
    text = body.decode()
    check(st == 422 and 'aria-invalid="true"' in text and 'href="#f-' in text,
          "a posting with age and photo requirements and no pay is refused with linked problems", st)
    st, h, _ = c.post("/orgs/jobs-a/jobs", FAIR, "/orgs/jobs-a/jobs/new")
    loc = h.get("location", "")
    m = re.search(r"/jobs/(\d+)/edit", loc)
    check(st == 303 and m, "a fair posting is published", (st, loc))
    jid = int(m.group(1)) if m else 0
    st, _, page = srv.get(f"/jobs/{jid}")
    check(st == 200 and "Programista/Programistka C" in page.decode(), "the published job is public")
    other = employer(srv, "hr@jobs-b.example.org", "jobs-b")
    st, _, _ = other.req("GET", f"/orgs/jobs-a/jobs/{jid}/edit")
    check(st == 403, "another employer cannot open the posting", st)
    st, _, _ = other.req("GET", f"/orgs/jobs-b/jobs/{jid}/edit")
    check(st == 404, "nor reach it through their own organisation", st)
    st, h, _ = c.post(f"/orgs/jobs-a/jobs/{jid}/close", {}, f"/orgs/jobs-a/jobs/{jid}/edit")
    _, _, page = srv.get(f"/jobs/{jid}?lang=en")
    check(st == 303 and "This job is closed." in page.decode(), "the employer closes the posting")
    return jid


def test_api(srv):
    employer(srv, "api@jobs-c.example.org", "jobs-c")
    tok = cli(srv, "token", "create", "--user", "api@jobs-c.example.org").stdout.strip()
    auth = {"Authorization": f"Bearer {tok}", "Content-Type": "application/json"}
    draft = {"title": "Data analyst", "description": "Help a city team read its data.", "lang": "en",
             "location": {"city": "Larnaka", "country": "CY", "remote": "onsite"}, "hours": "full-time",
             "contract": "permanent", "questions": ["How would you check a spreadsheet for errors?"],
             "deadline": "2030-06-30T23:59:59Z"}
    st, _, body = srv.request("POST", "/api/v1/jobs", body=json.dumps(draft).encode(), headers=auth)
    j = json.loads(body) if body else {}
    check(st == 201 and j.get("status") == "draft" and j.get("id"), "POST /api/v1/jobs creates a draft", body[:200])
    jid = j.get("id")
    st, _, body = srv.request("PATCH", f"/api/v1/jobs/{jid}", body=json.dumps({"status": "published"}).encode(),
                              headers=auth)
    probs = json.loads(body).get("problems", []) if body else []
    check(st == 422 and any(p["field"].startswith("pay") for p in probs), "publishing without a pay range is refused",
          body[:300])
    patch = {"status": "published", "pay": {"min": 1500, "max": 1900, "currency": "EUR", "period": "month",
                                             "gross": True},
             "occupation": {"uri": "http://data.europa.eu/esco/occupation/d3edb8f8-3a06-47a0-8fb9-9b212c006aa2",
                            "label": "data analyst"},
             "skills": [{"uri": "http://data.europa.eu/esco/skill/97bd1c21-66b2-4b7e-ad0f-e3cda590e378",
                         "label": "data analytics", "essential": True}],
             "languages": [{"code": "en", "level": "B2"}]}
    st, _, body = srv.request("PATCH", f"/api/v1/jobs/{jid}", body=json.dumps(patch).encode(), headers=auth)
    check(st == 200 and json.loads(body).get("status") == "published", "PATCH with a pay range publishes", body[:300])
    st, _, body = srv.get(f"/api/v1/jobs/{jid}")
    check(st == 200 and json.loads(body)["pay"]["max"] == 1900, "GET /api/v1/jobs/{id} returns the posting")
    employer(srv, "api@jobs-d.example.org", "jobs-d")
    tok2 = cli(srv, "token", "create", "--user", "api@jobs-d.example.org").stdout.strip()
    st, _, _ = srv.request("PATCH", f"/api/v1/jobs/{jid}", body=b'{"title": "Mine now"}',
                           headers={"Authorization": f"Bearer {tok2}", "Content-Type": "application/json"})
    check(st == 403, "another employer cannot change the posting through the API", st)
    st, _, _ = srv.request("POST", "/api/v1/jobs", body=json.dumps(draft).encode(),
                           headers={"Content-Type": "application/json"})
    check(st == 401, "creating a posting needs an employer's token", st)
    st, _, _ = srv.request("POST", "/api/v1/jobs", body=b"{oops", headers=auth)
    check(st == 400, "malformed JSON is refused", st)


def run(srv, args):
    test_public(srv)
    test_employer(srv)
    test_api(srv)
