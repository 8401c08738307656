#!/usr/bin/env python3
"""A stand-in for the Hub's /api/models on loopback, for the fetch tests.

Binds 127.0.0.1 on a free port and prints the port on the first line of standard output.
Serves --pages pages of --per-page generated models (sorted by downloads, most first), each
with a Link: <...>; rel="next" header to the next page, as the Hub does. Faults are keyed by
the request's number (1-based, over all requests): --fault 2=429 answers 429 with
Retry-After: 1, 503 answers 503, drop sends half the body (with the whole Content-Length)
and closes the connection, notjson answers 200 with HTML. --delay PAGE=SECONDS holds a
page back, the first time it is asked for (for killing a fetch mid-run). Every request is logged as one JSON line to --log:
its number, path, query, headers (all of them: the tests check the token arrived here and
nowhere else) and the status answered.
"""
import argparse
import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit


def model(index, total):
    org = f"org{index % 7}"
    return {
        "_id": f"id{index:06d}",
        "id": f"{org}/model-{index:05d}",
        "author": org,
        "downloads": (total - index) * 10,
        "downloadsAllTime": (total - index) * 100,
        "createdAt": "2025-01-02T03:04:05.000Z",
        "pipeline_tag": "text-generation",
        "library_name": "transformers",
        "tags": ["transformers", f"base_model:org0/model-{0:05d}"] if index % 3 == 1 else ["transformers"],
        "likes": index,
    }


def main():
    # A process Foundation's Process starts may inherit a mask that blocks SIGTERM: unblock
    # it, so that the test's terminate() stops the server.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=5)
    parser.add_argument("--per-page", type=int, default=4)
    parser.add_argument("--log", required=True)
    parser.add_argument("--fault", action="append", default=[])
    parser.add_argument("--delay", action="append", default=[])
    args = parser.parse_args()
    faults = {int(n): kind for n, kind in (f.split("=") for f in args.fault)}
    delays = {int(p): float(s) for p, s in (d.split("=") for d in args.delay)}
    total = args.pages * args.per_page
    lock = threading.Lock()
    state = {"count": 0}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_):
            pass

        def record(self, number, status):
            parts = urlsplit(self.path)
            entry = {"n": number, "path": parts.path, "query": parse_qs(parts.query), "headers": dict(self.headers.items()),
                     "status": status}
            with lock, open(args.log, "a") as log:
                log.write(json.dumps(entry) + "\n")

        def send(self, status, body, headers=(), cut=False):
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if cut:
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(2)
                return
            self.wfile.write(body)

        def do_GET(self):
            with lock:
                state["count"] += 1
                number = state["count"]
            parts = urlsplit(self.path)
            if parts.path != "/api/models":
                self.record(number, 404)
                return self.send(404, b'{"error":"not found"}')
            query = parse_qs(parts.query)
            page = int(query.get("cursor", ["0"])[0])
            fault = faults.get(number)
            if fault == "429":
                self.record(number, 429)
                return self.send(429, b'{"error":"rate limited"}', [("Retry-After", "1")])
            if fault == "503":
                self.record(number, 503)
                return self.send(503, b"<html>unavailable</html>", [("Content-Type", "text/html")])
            if fault == "notjson":
                self.record(number, 200)
                return self.send(200, b"<html>a proxy's page</html>", [("Content-Type", "text/html")])
            if page in delays:  # once: the fetch that goes on after a kill is not held back
                time.sleep(delays.pop(page))
            first = page * args.per_page
            models = [model(i, total) for i in range(first, min(total, first + args.per_page))]
            body = json.dumps(models).encode()
            headers = [("Content-Type", "application/json")]
            if page + 1 < args.pages:
                kept = [(k, v) for k, values in parse_qs(parts.query, keep_blank_values=True).items() if k != "cursor" for v in values]
                rest = urlencode(kept)  # expand%5B%5D=..., as the Hub writes it
                port = self.server.server_address[1]
                headers.append(("Link", f'<http://127.0.0.1:{port}/api/models?{rest}&cursor={page + 1}>; rel="next"'))
            self.record(number, "drop" if fault == "drop" else 200)
            self.send(200, body, headers, cut=fault == "drop")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
