#!/usr/bin/env python3
"""Integration tests against the real techdiv binary on 127.0.0.1.

The same suite runs with SQLite and with PostgreSQL:
    tests/integ/run.py --binary build/techdiv --db sqlite:/tmp/x.db
    tests/integ/run.py --binary build/techdiv --db postgresql://..."""
import argparse
import json
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(__file__))
from harness import Server, check, done, parse_html  # noqa: E402
import suite_accounts  # noqa: E402
import suite_foundation  # noqa: E402
import suite_skills  # noqa: E402
import suite_adcheck  # noqa: E402
import suite_workspace  # noqa: E402
import suite_jobs  # noqa: E402
import suite_iapedit  # noqa: E402
import suite_profile  # noqa: E402
import suite_actions  # noqa: E402
import suite_roadmap  # noqa: E402
import suite_selfcheck  # noqa: E402
import suite_stakeholders  # noqa: E402

SUITES = [suite_foundation, suite_skills, suite_adcheck, suite_workspace, suite_jobs, suite_iapedit, suite_selfcheck,
          suite_accounts, suite_profile, suite_actions, suite_roadmap, suite_stakeholders]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--only", help="run only the suites whose names contain this (while developing)")
    args = ap.parse_args()
    if not os.environ.get("TECHDIV_KEYS"):  # keys outside the repository, one set per run
        import tempfile
        os.environ["TECHDIV_KEYS"] = os.path.join(tempfile.mkdtemp(prefix="techdiv-keys-"), "keys")
    srv = Server(args.binary, args.db)
    try:
        for suite in SUITES:
            if args.only and args.only not in suite.__name__:
                continue
            try:
                suite.run(srv, args)
            except Exception as e:  # noqa: BLE001 - report and go on with the next suite
                import traceback
                check(False, f"{suite.__name__} ran to the end", traceback.format_exc())
        # A write acknowledged just before SIGTERM must survive the restart.
        c = suite_accounts.Client(srv)
        st, _, _ = c.post("/register", {"email": "last.write@example.org", "name": "Last Write",
                                        "password": suite_accounts.PW, "consent": "yes"}, "/register")
        check(st == 303, "a registration is acknowledged just before the stop", st)
    finally:
        rc = srv.stop()
        check(rc == 0, "server exits with status 0 on SIGTERM", f"exit status {rc}")
    srv = Server(args.binary, args.db)
    try:
        st, _, _ = suite_accounts.Client(srv).login("last.write@example.org")
        check(st == 303, "after a restart the acknowledged registration is there (no write lost)", st)
    finally:
        check(srv.stop() == 0, "the restarted server stops cleanly too")
    done()


if __name__ == "__main__":
    main()
