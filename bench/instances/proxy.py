#!/usr/bin/env python3
"""A small round-robin HTTP proxy for the several-instances check: each request goes to the next
backend in turn, and the response says which one served it (X-Served-By). Loopback only.

Usage: proxy.py LISTEN_PORT NAME=PORT [NAME=PORT ...]
"""
import http.client
import http.server
import itertools
import sys
import threading

listen = int(sys.argv[1])
backends = [(name, int(port)) for name, port in (a.split("=") for a in sys.argv[2:])]
turn = itertools.cycle(backends)
lock = threading.Lock()
HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection"}


class Proxy(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def forward(self):
        with lock:
            name, port = next(turn)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP}
        upstream = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        upstream.request(self.command, self.path, body=body, headers=headers)
        r = upstream.getresponse()
        data = r.read()
        self.send_response(r.status)
        for k, v in r.getheaders():
            if k.lower() not in HOP and k.lower() != "content-length":
                self.send_header(k, v)
        self.send_header("X-Served-By", name)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        upstream.close()

    do_GET = do_POST = do_HEAD = forward

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", listen), Proxy).serve_forever()
