"""Small TAP harness and a real techdiv server on 127.0.0.1 for integration tests."""
import http.client
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser

_n = 0
_failed = 0


def check(cond, name, detail=None):
    global _n, _failed
    _n += 1
    if cond:
        print(f"ok {_n} - {name}")
    else:
        _failed += 1
        print(f"not ok {_n} - {name}")
        if detail:
            for line in str(detail).splitlines()[:20]:
                print(f"#   {line}")
    sys.stdout.flush()
    return cond


def done():
    print(f"1..{_n}")
    print(f"# {_n - _failed} passed, {_failed} failed")
    sys.exit(1 if _failed else 0)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    """Runs `techdiv init --demo` then `techdiv serve` on a free port."""

    def __init__(self, binary, db, extra=()):
        self.binary, self.db = binary, db
        self.port = free_port()
        self.log = tempfile.NamedTemporaryFile(prefix="techdiv-integ-", suffix=".log", delete=False)
        init = subprocess.run([binary, "init", "--db", db, "--demo"], capture_output=True, text=True)
        if init.returncode != 0:
            raise RuntimeError("init failed: " + init.stderr)
        self.proc = subprocess.Popen([binary, "serve", "--db", db, "--listen", f"127.0.0.1:{self.port}", *extra],
                                     stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                if self.get("/healthz")[0] in (200, 503):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("server did not start: " + self.read_log())

    def read_log(self):
        with open(self.log.name, encoding="utf-8", errors="replace") as f:
            return f.read()

    def request(self, method, path, body=None, headers=None):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read()
        hdrs = {k.lower(): v for k, v in r.getheaders()}
        c.close()
        return r.status, hdrs, data

    def request_early(self, method, path, body, headers):
        """Sends a request whose body the server may refuse before reading it:
        write errors are ignored and the answer is read afterwards."""
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=30)
        head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(body)}\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "Connection: close\r\n\r\n"
        try:
            sock.sendall(head.encode())
            sock.sendall(body)
        except OSError:
            pass
        data = b""
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                data += chunk
        except OSError:
            pass
        sock.close()
        head, _, rest = data.partition(b"\r\n\r\n")
        status = int(head.split(b" ")[1]) if head.startswith(b"HTTP/") else 0
        return status, rest

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def stop(self, sig=signal.SIGTERM, timeout=60):
        self.proc.send_signal(sig)
        try:
            rc = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            rc = None
        if rc != 0:  # show why: sanitizer reports, crashes
            for line in self.read_log().splitlines()[-40:]:
                print(f"# server: {line}")
        os.unlink(self.log.name)
        return rc


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class WellFormed(HTMLParser):
    """Checks that every element is closed in order, ids are unique and counts h1."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.ids, self.h1 = [], [], set(), 0
        self.lang = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "h1":
            self.h1 += 1
        if "id" in a:
            if a["id"] in self.ids:
                self.errors.append(f"duplicate id {a['id']}")
            self.ids.add(a["id"])
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}>, open: {self.stack[-3:]}")
            return
        self.stack.pop()


def parse_html(body):
    p = WellFormed()
    p.feed(body.decode("utf-8"))
    p.close()
    if p.stack:
        p.errors.append(f"unclosed: {p.stack}")
    return p
