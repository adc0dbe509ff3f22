#!/usr/bin/env python3
"""Respondents for the crash suite: each sends the final "Send my answers" of prepared drafts, and
notes which sends the service acknowledged (a redirect to the "Thank you" page). A send that meets
an outage (no connection, a dropped one, an error page) is tried again later with the same draft,
as a person coming back to their half-done form would. Writes a JSON summary.

Usage: respondents.py BASE_URL FORM_TOKEN FIRST LAST CONCURRENCY CSRF_COOKIE CSRF_PARAM OUT.json [DEADLINE_S] [PAUSE_S]
(PAUSE_S: each respondent's pause between two sends, so that the sends span the crashes.)
"""
import http.client
import json
import queue
import sys
import threading
import time
import urllib.parse

base, form, first, last, concurrency, csrf_cookie, csrf_param, out = sys.argv[1:9]
deadline = time.time() + (float(sys.argv[9]) if len(sys.argv) > 9 else 600)
pause = float(sys.argv[10]) if len(sys.argv) > 10 else 0
url = urllib.parse.urlparse(base)


def token(n):
    s = "bench" + str(n).replace("0", "z").replace("1", "y")
    return s + "k" * (32 - len(s))


todo = queue.Queue()
for n in range(int(first), int(last)):
    todo.put(token(n))

lock = threading.Lock()
acknowledged = []
outcomes = {}          # what respondents met: "302 done", "500", "connection refused", ...
outage_pages = {}      # status -> first body seen, to check it is a plain page
came_back = set()      # drafts whose first try met an outage and that were later sent


def note(kind):
    with lock:
        outcomes[kind] = outcomes.get(kind, 0) + 1


def respondent():
    conn = None
    while time.time() < deadline:
        try:
            t = todo.get(timeout=1)
        except queue.Empty:
            if todo.unfinished_tasks == 0:
                return
            continue
        try:
            if conn is None:
                conn = http.client.HTTPConnection(url.hostname, url.port, timeout=15)
            conn.request("POST", f"/r/{form}/submit", body=f"_csrf={csrf_param}", headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"form_draft={t}; respondent_csrf={csrf_cookie}",
            })
            r = conn.getresponse()
            body = r.read()
            location = r.getheader("Location") or ""
            if r.status == 302 and location.endswith(f"/r/{form}/done"):
                note("302 done")
                with lock:
                    acknowledged.append(t)
                todo.task_done()
                time.sleep(pause)
                continue
            note(str(r.status))
            with lock:
                outage_pages.setdefault(str(r.status), body.decode("utf-8", "replace")[:4000])
        except (ConnectionError, http.client.HTTPException, OSError) as e:
            note(type(e).__name__)
            if conn is not None:
                conn.close()
            conn = None
        # Not acknowledged: this person comes back a little later with the same half-done form.
        with lock:
            came_back.add(t)
        todo.task_done()
        todo.put(t)
        time.sleep(0.3)


threads = [threading.Thread(target=respondent, daemon=True) for _ in range(int(concurrency))]
start = time.time()
for th in threads:
    th.start()
for th in threads:
    th.join()
with lock:
    summary = {
        "seconds": round(time.time() - start, 1),
        "acknowledged": len(acknowledged),
        "never_acknowledged": todo.qsize(),
        "outcomes": outcomes,
        "came_back_and_sent": len(came_back & set(acknowledged)),
        "outage_pages": outage_pages,
    }
json.dump({"summary": summary, "tokens": sorted(set(acknowledged))}, open(out, "w"))
print(json.dumps({k: v for k, v in summary.items() if k != "outage_pages"}))
