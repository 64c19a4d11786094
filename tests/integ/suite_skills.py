"""ESCO skills: search API and page, limits, escaping, the import command."""
import json
import os
import subprocess
import tempfile

from harness import check, parse_html


def api(srv, query):
    status, h, body = srv.get("/api/v1/skills?" + query)
    try:
        return status, json.loads(body)
    except ValueError:
        return status, {}


def labels(j):
    return [s["label"] for s in j.get("skills", [])]


def test_search(srv):
    status, j = api(srv, "q=python&limit=5")
    check(status == 200 and labels(j)[:1] == ["Python (computer programming)"], "python finds Python first", j)
    status, j = api(srv, "q=JAVASCRIPT&limit=5")
    check(status == 200 and "JavaScript" in labels(j), "search ignores case", labels(j))
    status, j = api(srv, "q=javascrpt&limit=10")
    check("JavaScript" in labels(j), "a small typo still finds JavaScript", labels(j))
    status, j = api(srv, "q=python&limit=5")
    check(all(s["uri"].startswith("http://data.europa.eu/esco/skill/") for s in j["skills"]), "results carry ESCO URIs")
    status, j = api(srv, "q=zzqqxxyy")
    check(status == 200 and j["skills"] == [], "no match is an empty list")
    for q, want in [("q=x&limit=0", 400), ("q=x&limit=51", 400), ("limit=5", 400), ("q=" + "a" * 300, 413),
                    ("q=%FF", 400)]:
        status, j = api(srv, q)
        check(status == want and j.get("status") == want, f"skills API refuses {q[:20]} with {want}", status)


def test_page(srv):
    status, _, body = srv.get("/skills?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    check(status == 200 and b"<script>alert(1)" not in body and not parse_html(body).errors,
          "the search page escapes the query")
    status, _, body = srv.get("/skills?q=sql&lang=pl")
    text = body.decode()
    check(status == 200 and "SQL" in text and 'lang="pl"' in text, "the search page works without JavaScript")


def test_import_cli(srv, args):
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "skills_en.csv"), "w") as f:
            f.write('conceptType,conceptUri,preferredLabel,altLabels\nKnowledgeSkillCompetence,http://x/1,"broken\n')
        with open(os.path.join(d, "occupations_en.csv"), "w") as f:
            f.write("conceptType,conceptUri,preferredLabel\n")
        p = subprocess.run([args.binary, "import", "esco", d, "--db", args.db], capture_output=True, text=True)
        check(p.returncode == 1 and "Nothing was stored" in p.stderr and "skills_en.csv" in p.stderr,
              "import of a malformed ESCO file fails clearly", p.stderr)
    p = subprocess.run([args.binary, "import", "esco"], capture_output=True, text=True)
    check(p.returncode == 2, "import without a directory is a usage error")
    status, j = api(srv, "q=python&limit=1")
    check(labels(j)[:1] == ["Python (computer programming)"], "skills are intact after the failed import")


def run(srv, args):
    test_search(srv)
    test_page(srv)
    test_import_cli(srv, args)
    test_import_candidates(srv, args)


def test_import_candidates(srv, args):
    import json as _json
    d = tempfile.mkdtemp()
    try:
        good = os.path.join(d, "good.jsonl")
        with open(good, "w") as f:
            for i in range(50):
                f.write(_json.dumps({"external_id": f"t-{i}", "skills": [
                    {"uri": "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d", "level": 3}],
                    "languages": [{"code": "ro", "level": "native"}], "cities": ["Bucharest"], "remote": "hybrid"})
                    + "\n")
        p = subprocess.run([args.binary, "import", "candidates", good, "--db", args.db], capture_output=True, text=True)
        check(p.returncode == 0 and "50 candidate profiles imported" in p.stdout, "import candidates loads a JSONL file",
              p.stderr)
        p = subprocess.run([args.binary, "import", "candidates", good, "--db", args.db], capture_output=True, text=True)
        check(p.returncode == 0, "importing the same profiles again updates them in place", p.stderr)
        bad = os.path.join(d, "bad.jsonl")
        with open(bad, "w") as f:
            f.write('{"external_id": "ok-1", "skills": [], "languages": [], "cities": [], "remote": "no"}\n')
            f.write('{"external_id": "bad-2", "skills": "python"}\n')
        p = subprocess.run([args.binary, "import", "candidates", bad, "--db", args.db], capture_output=True, text=True)
        check(p.returncode == 1 and "line 2" in p.stderr and "Nothing was stored" in p.stderr,
              "a malformed line is reported with its number and nothing is stored", p.stderr)
        p = subprocess.run([args.binary, "import", "candidates", os.path.join(d, "missing.jsonl"), "--db", args.db],
                           capture_output=True, text=True)
        check(p.returncode == 1 and p.stderr, "a missing file is a clear error")
    finally:
        import shutil
        shutil.rmtree(d)
