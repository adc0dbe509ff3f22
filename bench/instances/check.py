#!/usr/bin/env python3
"""Checks that two instances behind a round-robin proxy behave as one service (see run.sh).
Prints one line per check and exits non-zero if any fails.

Usage: check.py PROXY_URL FORM_TOKEN PER_ADDRESS_LIMIT
"""
import http.client
import re
import sys
import urllib.parse

proxy = urllib.parse.urlparse(sys.argv[1])
form_token = sys.argv[2]
limit = int(sys.argv[3])
failures = []


class Browser:
    """One person's browser: keeps cookies, follows nothing by itself."""

    def __init__(self):
        self.cookies = {}

    def request(self, method, path, form=None):
        conn = http.client.HTTPConnection(proxy.hostname, proxy.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        r = conn.getresponse()
        text = r.read().decode("utf-8", "replace")
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                value = rest.split(";")[0]
                if "Max-Age=0" in v:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = value
        conn.close()
        return r.status, r.getheader("Location") or "", r.getheader("X-Served-By"), text


def csrf(html):
    m = re.search(r'name="_csrf" value="([^"]+)"', html)
    return m.group(1) if m else ""


def check(what, ok, detail=""):
    print(("PASS " if ok else "FAIL ") + what + (f" ({detail})" if detail else ""))
    if not ok:
        failures.append(what)


# Sessions: signing in on one instance holds on the other (Spring Session in PostgreSQL).
b = Browser()
status, _, first, page = b.request("GET", "/sign-in")
status, location, second, _ = b.request("POST", "/sign-in", {"username": "facilitator", "password": "demo-coproduction-2026", "_csrf": csrf(page)})
check("the sign-in form from one instance is accepted by the other (CSRF token in the shared session)",
      status == 302 and "error" not in location and first != second, f"{first} then {second}: {status} {location}")
served = []
for _ in range(10):
    status, location, by, _ = b.request("GET", "/framework")
    served.append((by, status))
check("signed in on both instances: 10 pages, alternating instances, all shown",
      all(s == 200 for _, s in served) and {by for by, _ in served} == {"A", "B"}, str(served))

# Signing out on one instance ends the session on both.
status, _, by, page = b.request("GET", "/framework")
status, location, by_out, _ = b.request("POST", "/sign-out", {"_csrf": csrf(page)})
after = [b.request("GET", "/framework")[:3] for _ in range(2)]
check("signed out through one instance, refused by both",
      all(s == 302 and "sign-in" in loc for s, loc, _ in after) and {x[2] for x in after} == {"A", "B"}, f"signed out on {by_out}; then {after}")

# The public form's per-address limit: counted by each instance on its own (kept in memory).
p = Browser()
status, _, _, page = p.request("GET", f"/r/{form_token}")
token = csrf(page)
allowed = 0
for _ in range(limit * 3):
    status, _, _, _ = p.request("POST", f"/r/{form_token}/start", {"_csrf": token})
    if status in (302, 303):
        allowed += 1
check(f"the per-address limit ({limit} a minute) holds per instance: two instances let through {2 * limit}, not more",
      allowed == 2 * limit, f"{allowed} starts let through of {limit * 3}")

sys.exit(1 if failures else 0)
