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
    test_import_candidates_bulk(args)
    test_import_candidates_store_fails(args)


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


def db_count(args, sql):
    """One number from the test database, read beside the server; None when no client is at hand."""
    if args.db.startswith("sqlite:"):
        import sqlite3
        with sqlite3.connect(args.db[len("sqlite:"):]) as db:
            return db.execute(sql).fetchone()[0]
    import shutil
    if not shutil.which("psql"):
        return None
    p = subprocess.run(["psql", "-At", "-c", sql, args.db], capture_output=True, text=True)
    return int(p.stdout.strip()) if p.returncode == 0 else None


def db_exec(args, sql):
    """Runs sql beside the server; False when no client is at hand."""
    if args.db.startswith("sqlite:"):
        import sqlite3
        with sqlite3.connect(args.db[len("sqlite:"):]) as db:
            db.executescript(sql)
        return True
    import shutil
    return bool(shutil.which("psql")) and subprocess.run(["psql", "-q", "-c", sql, args.db]).returncode == 0


def test_import_candidates_store_fails(args):
    """The store refuses a profile in the middle of a bulk import: nothing is kept, the reader stops."""
    if args.db.startswith("sqlite:"):
        trap = ("CREATE TRIGGER refuse_one BEFORE INSERT ON candidate WHEN new.external_id = 'trap-4321' "
                "BEGIN SELECT RAISE(ABORT, 'refused'); END;")
        untrap = "DROP TRIGGER refuse_one;"
    else:
        trap = ("CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "IF NEW.external_id = 'trap-4321' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$; "
                "CREATE TRIGGER refuse_one BEFORE INSERT ON candidate FOR EACH ROW EXECUTE FUNCTION refuse_one();")
        untrap = "DROP TRIGGER refuse_one ON candidate; DROP FUNCTION refuse_one();"
    if not db_exec(args, trap):
        return
    try:
        before = db_count(args, "SELECT COUNT(*) FROM candidate")
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "trap.jsonl")
            with open(path, "w") as f:
                for i in range(15000):
                    f.write(json.dumps({"external_id": f"trap-{i}", "skills": [
                        {"uri": "http://data.europa.eu/esco/skill/trap-%d" % (i % 97), "level": 2}]}) + "\n")
            p = subprocess.run([args.binary, "import", "candidates", path, "--db", args.db], capture_output=True,
                               text=True, timeout=120)
        check(p.returncode == 1 and "could not be stored" in p.stderr and "Nothing was stored" in p.stderr,
              "a store failure in the middle of a bulk import is reported", p.stdout + p.stderr)
        check(db_count(args, "SELECT COUNT(*) FROM candidate") == before, "and nothing of the file is kept")
    finally:
        db_exec(args, untrap)


def test_import_candidates_bulk(args):
    """12,000 profiles: several batches, the bulk path (index rebuilt at the end), a repeated id."""
    uri = "http://data.europa.eu/esco/skill/"
    skills0 = db_count(args, "SELECT COUNT(*) FROM candidate_skill")
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "bulk.jsonl")
        with open(path, "w") as f:
            for i in range(12000):
                f.write(json.dumps({"external_id": f"bulk-{i}", "skills": [
                    {"uri": f"{uri}bulk-{(i * 7 + k * 61) % 500}", "level": 1 + k % 4} for k in range(4)],
                    "cities": ["Larnaka"], "remote": "only"}) + "\n")
            # the same profile again, later in the file: it replaces the first
            f.write(json.dumps({"external_id": "bulk-5", "skills": [{"uri": uri + "bulk-last", "level": 2}]}) + "\n")
        p = subprocess.run([args.binary, "import", "candidates", path, "--db", args.db], capture_output=True, text=True)
        check(p.returncode == 0 and "12001 candidate profiles imported" in p.stdout, "a bulk import of 12,001 lines",
              p.stdout + p.stderr)
        with open(path) as f:
            p = subprocess.run([args.binary, "import", "candidates", "-", "--db", args.db], stdin=f,
                               capture_output=True, text=True)
        check(p.returncode == 0, "the same file again from standard input updates in place", p.stderr)
    if skills0 is None:
        return
    check(db_count(args, "SELECT COUNT(*) FROM candidate_skill") == skills0 + 11999 * 4 + 1,
          "every skill row is there once, read through candidate_skill")
    check(db_count(args, "SELECT COUNT(*) FROM candidate_skill cs JOIN candidate c ON c.id = cs.candidate_id "
                         f"WHERE c.external_id = 'bulk-5' AND cs.skill_uri = '{uri}bulk-last'") == 1,
          "a profile repeated in the file keeps its last skills")
    idx = ("SELECT COUNT(*) FROM sqlite_master WHERE name = 'candidate_skill_key_skill'" if args.db.startswith("sqlite:")
           else "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'candidate_skill_key_skill'")
    check(db_count(args, idx) == 1, "the index of skills is there after the bulk import")
