#!/usr/bin/env python3
"""Runs every meson test of a build directory (unit tests, fuzz corpora)
with its declared environment, arguments and timeout, from the source root.
Writes one log per test and prints "NAME LOG EXITCODE" lines for tests/run.
usage: tests/unit-runner.py BUILDDIR OUTDIR LABEL"""
import json
import os
import subprocess
import sys


def main():
    build, out, label = sys.argv[1:4]
    tests = json.loads(subprocess.check_output(["meson", "introspect", build, "--tests"]))
    for t in tests:
        env = dict(os.environ)
        env.update(t.get("env") or {})
        log = os.path.join(out, f"{label}-{t['name']}.log")
        timeout = t.get("timeout") or 300
        with open(log, "w") as f:
            try:
                rc = subprocess.run(t["cmd"], env=env, stdout=f, stderr=subprocess.STDOUT,
                                    timeout=max(timeout, 60) * 3).returncode
            except subprocess.TimeoutExpired:
                f.write(f"\nnot ok - {t['name']} timed out\n")
                rc = 124
        print(t["name"], log, rc, flush=True)


if __name__ == "__main__":
    main()
