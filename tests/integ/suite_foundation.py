"""The foundation: pages, headers, escaping, limits, languages, health, metrics."""
import json
import re

from harness import check, parse_html

LANGS = ["en", "el", "it", "pt", "pl", "ro", "sl"]
CITIES = ["trikala", "amarante", "arezzo", "bielsko-biala", "bucharest-d6", "idrija", "larnaka", "psachna"]
PAGES = ["/", "/calendar", "/calendar?city=idrija", "/about"] + [f"/cities/{c}" for c in CITIES]
HOSTILE = "<script>alert(1)</script>"


def security_headers(h):
    csp = h.get("content-security-policy", "")
    return ("script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
            and h.get("x-content-type-options") == "nosniff" and "referrer-policy" in h)


def page_ok(srv, path, lang):
    sep = "&" if "?" in path else "?"
    status, h, body = srv.get(f"{path}{sep}lang={lang}")
    p = parse_html(body)
    problems = list(p.errors)
    if status != 200:
        problems.append(f"status {status}")
    if not security_headers(h):
        problems.append(f"headers {h}")
    if p.lang != lang:
        problems.append(f"html lang={p.lang}")
    if p.h1 != 1:
        problems.append(f"{p.h1} h1 elements")
    if not h.get("content-type", "").startswith("text/html; charset=utf-8"):
        problems.append("content type")
    return check(not problems, f"GET {path} [{lang}] is well-formed with security headers", "\n".join(problems))


def test_pages(srv):
    for lang in LANGS:
        for path in PAGES:
            page_ok(srv, path, lang)


def test_demo_data(srv):
    _, _, body = srv.get("/?lang=en")
    text = body.decode()
    for name in ["Trikala", "Amarante", "Arezzo", "Bielsko-Biała", "Bucharest District 6", "Idrija", "Larnaka",
                 "Psachna"]:
        check(name in text, f"home page lists {name}")
    check("Lead partner" in text, "home page marks the lead partner")
    _, _, cal = srv.get("/calendar?lang=en")
    cal = cal.decode()
    for needle in ["6–7 March 2024", "12–13 June 2024", "17–18 September 2024", "Quarterly Network Report 2"]:
        check(needle in cal, f"calendar shows {needle}")
    _, _, idrija = srv.get("/cities/idrija?lang=en")
    check("young people" in idrija.decode().lower() and "migrants" in idrija.decode(),
          "Idrija's local group focus: young people, women and migrants")
    _, _, bb = srv.get("/cities/bielsko-biala?lang=en")
    check("IT inspiration" in bb.decode() and "IT leadership" in bb.decode(),
          "Bielsko-Biała's areas: IT inspiration, specialisation, leadership")
    _, _, one = srv.get("/calendar?city=bielsko-biala&lang=en")
    one = one.decode()
    check("BBDays.4.IT" in one and "Idrija identifies" not in one,
          "city filter keeps the city's and the network's events only")


def test_escaping(srv):
    cases = [
        ("/calendar?city=" + "%3Cscript%3Ealert(1)%3C%2Fscript%3E", 400),
        ("/?lang=%3Cscript%3Ealert(1)%3C%2Fscript%3E", 200),
        ("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&x=%22%27%3E", 200),
        ("/cities/%3Cscript%3Ealert(1)%3C%2Fscript%3E", 404),
        ("/nope/%22onmouseover%3D%22alert(1)", 404),
        ("/calendar?city=%FF%FE", 400),
        ("/calendar?city=a%0D%0ASet-Cookie:%20x=1", 400),
    ]
    for path, want in cases:
        status, h, body = srv.get(path)
        text = body.decode("utf-8", errors="replace")
        ok = status == want and HOSTILE not in text and 'onmouseover="alert' not in text \
            and "set-cookie" not in {k for k in h if h[k].startswith("x=1")}
        check(ok and not parse_html(body).errors, f"hostile request {path} answered {want} and escaped",
              f"status {status}")


def test_errors(srv):
    status, h, body = srv.get("/does-not-exist")
    p = parse_html(body)
    check(status == 404 and p.h1 == 1 and "Page not found" in body.decode() and security_headers(h),
          "unknown route gives a 404 page with security headers")
    status, _, body = srv.get("/does-not-exist", headers={"Accept-Language": "pl"})
    check(status == 404 and 'lang="pl"' in body.decode(), "404 page in the negotiated language")
    status, _, _ = srv.request("POST", "/calendar", body=b"a=1",
                               headers={"Content-Type": "application/x-www-form-urlencoded"})
    check(status == 405, "wrong method gives 405", status)
    big = b"x=" + b"a" * (2 * 1024 * 1024)
    status, body = srv.request_early("POST", "/", big, {"Content-Type": "application/x-www-form-urlencoded"})
    check(status == 413 and "Too much data" in body.decode(), "oversized body gives 413", status)
    many = "&".join(f"k{i}=v" for i in range(200))
    status, _, _ = srv.get("/?" + many)
    check(status == 413, "more than the named limit of query fields gives 413", status)
    status, _, _ = srv.get("/?" + "a" * 200000)
    check(status >= 400, "an enormous URL is refused, not crashed on", status)
    status, _, body = srv.get("/api/v1/nothing")
    try:
        j = json.loads(body)
    except ValueError:
        j = {}
    check(status == 404 and j.get("status") == 404, "unknown API route answers JSON 404")
    status, _, _ = srv.get("/healthz")
    check(status == 200, "server still healthy after hostile requests")


def test_languages(srv):
    def lang_of(headers, path="/"):
        _, h, body = srv.get(path, headers=headers)
        return parse_html(body).lang, h

    check(lang_of({"Accept-Language": "pl-PL,pl;q=0.9,en;q=0.5"})[0] == "pl", "Accept-Language picks Polish")
    check(lang_of({"Accept-Language": "fr, de"})[0] == "en", "unsupported languages fall back to English")
    check(lang_of({"Accept-Language": "pl", "Cookie": "lang=ro"})[0] == "ro", "cookie beats Accept-Language")
    lang, h = lang_of({"Accept-Language": "pl", "Cookie": "lang=ro"}, "/?lang=sl")
    check(lang == "sl" and "lang=sl" in h.get("set-cookie", ""), "?lang= beats both and is remembered in a cookie")
    check(lang_of({"Cookie": "lang=xx"})[0] == "en", "invalid cookie language is ignored")
    _, _, body = srv.get("/?lang=el")
    text = body.decode()
    for code, name in [("en", "English"), ("el", "Ελληνικά"), ("it", "Italiano"), ("pt", "Português"),
                       ("pl", "Polski"), ("ro", "Română"), ("sl", "Slovenščina")]:
        check(f'hreflang="{code}" lang="{code}"' in text and name in text, f"language switcher offers {name}")
    _, _, body = srv.get("/calendar?city=idrija&lang=en")
    check('href="/calendar?city=idrija&amp;lang=sl"' in body.decode(), "language switcher keeps the page's filters")
    for lang, word in [("el", "Ιουνίου"), ("it", "giugno"), ("pt", "junho"), ("pl", "czerwca"), ("ro", "iunie"),
                       ("sl", "junij")]:
        _, _, body = srv.get(f"/calendar?lang={lang}")
        check(word in body.decode(), f"calendar dates are localised in {lang} ({word})")
    _, _, body = srv.get("/?lang=el")
    check("Το δίκτυο TechDiversity" in body.decode(), "home page heading is translated into Greek")


def test_static(srv):
    status, h, body = srv.get("/static/style.css")
    etag = h.get("etag")
    check(status == 200 and h.get("content-type", "").startswith("text/css") and etag, "stylesheet served with ETag")
    status, _, _ = srv.get("/static/style.css", headers={"If-None-Match": etag})
    check(status == 304, "conditional request gives 304", status)
    version = etag.strip('"')
    _, h, _ = srv.get(f"/static/style.css?v={version}")
    check("immutable" in h.get("cache-control", ""), "versioned asset is cached for a year")
    status, _, _ = srv.get("/static/../meson.build")
    check(status == 404, "no path traversal out of the embedded assets", status)
    status, h, body = srv.get("/static/app.js")
    check(status == 200 and "javascript" in h.get("content-type", ""), "script served as JavaScript")


def test_health_metrics(srv):
    status, h, body = srv.get("/healthz")
    j = json.loads(body)
    check(status == 200 and j["status"] == "ok" and j["database"]["reachable"] is True and j["version"],
          "healthz reports status, database and version")
    check(h.get("content-type") == "application/json", "healthz is JSON")
    srv.get("/")
    _, h, body = srv.get("/metrics")
    text = body.decode()
    check('techdiv_http_requests_total{route="/",method="GET",code="2xx"}' in text, "metrics count requests by route")
    check('techdiv_http_request_duration_seconds_bucket{route="/",method="GET",le="+Inf"}' in text,
          "metrics have a latency histogram by route")
    check("techdiv_db_errors_total" in text, "metrics report database errors")
    check(re.search(r"^# TYPE techdiv_http_requests_total counter$", text, re.M) is not None, "Prometheus TYPE lines")
    status, h, body = srv.request("HEAD", "/")
    check(status == 200 and body == b"", "HEAD answers without a body")


def run(srv, args):
    test_pages(srv)
    test_demo_data(srv)
    test_escaping(srv)
    test_errors(srv)
    test_languages(srv)
    test_static(srv)
    test_health_metrics(srv)
    test_ics(srv)


def validate_ics(data):
    """RFC 5545 essentials: CRLF lines of at most 75 octets, balanced
    components, required properties, unique UIDs, DTEND after DTSTART."""
    problems = []
    if not data.endswith(b"\r\n") or b"\n" in data.replace(b"\r\n", b""):
        problems.append("lines must end with CRLF")
    raw = data.split(b"\r\n")[:-1]
    problems += [f"line over 75 octets: {ln[:30]!r}" for ln in raw if len(ln) > 75]
    lines = []
    for ln in raw:  # unfold
        if ln[:1] in (b" ", b"\t") and lines:
            lines[-1] += ln[1:]
        else:
            lines.append(ln)
    text = [ln.decode("utf-8") for ln in lines]
    if text[:1] != ["BEGIN:VCALENDAR"] or text[-1:] != ["END:VCALENDAR"]:
        problems.append("not one VCALENDAR")
    for prop in ("VERSION:2.0", "PRODID:"):
        if not any(t.startswith(prop) for t in text):
            problems.append(f"missing {prop}")
    uids, ev = set(), None
    for t in text:
        if t == "BEGIN:VEVENT":
            ev = {}
        elif t == "END:VEVENT":
            for req in ("UID", "DTSTAMP", "DTSTART"):
                if req not in ev:
                    problems.append(f"VEVENT without {req}")
            if ev.get("UID") in uids:
                problems.append("duplicate UID")
            uids.add(ev.get("UID"))
            if "DTEND" in ev and ev["DTEND"] <= ev["DTSTART"]:
                problems.append(f"DTEND not after DTSTART in {ev.get('UID')}")
            ev = None
        elif ev is not None:
            name = t.split(":", 1)[0].split(";", 1)[0]
            ev[name] = t.split(":", 1)[1] if ":" in t else ""
    return problems, len(uids)


def test_ics(srv):
    status, h, body = srv.get("/calendar.ics")
    problems, n = validate_ics(body)
    check(status == 200 and h.get("content-type", "").startswith("text/calendar") and not problems and n == 26,
          "network calendar is valid iCalendar with every event", problems[:5])
    check(b"UID:2024-cnm3@" in body and b"DTSTART;VALUE=DATE:20240612" in body and b"DTEND;VALUE=DATE:20240614" in body,
          "CNM3 Bucharest is an all-day event on 12-13 June 2024")
    status, _, body = srv.get("/cities/idrija/calendar.ics?lang=sl")
    problems, n = validate_ics(body)
    check(status == 200 and not problems and b"Idrija identifies" in body and b"Amarante identifies" not in body,
          "a city's calendar holds its own and the network's events", problems[:5])
    check("Srečanje omrežja".encode() in body, "event categories are in the requested language")
    status, _, _ = srv.get("/cities/nowhere/calendar.ics")
    check(status == 404, "unknown city calendar is 404")
