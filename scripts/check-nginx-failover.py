#!/usr/bin/env python3
"""Runs deploy/nginx/nginx.conf on loopback with its two instances replaced by one that is gone (nothing listens:
the killed instance) and one that lives but answers its own 503 problem+json now and then (a store hiccup, a full
heavy-work queue). The stack run (#25) saw this: api-1 was killed, api-2 answered two 503s, nginx counted them as
failures, marked api-2 down as well and answered "no live upstreams" (502) to every read for fail_timeout. The edge
must pass an instance's own 503 through to its one client and keep sending every other read to the live instance.
Exit 1 when any read but the 503s is not 200. Python stdlib only."""
import http.server
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

import nginx_loopback

EDGE, LIVE, GONE = 18795, 18796, 18797
# The live instance's answers in order: every fifth read is its own 503 (two within any fail_timeout of the edge).
PROBLEM = b'{"type":"about:blank","title":"Store unavailable","status":503,"reason":"the store did not answer"}'


def config(work):
    def upstreams(text):
        text = text.replace("server api-1:8080", f"server 127.0.0.1:{GONE}", 1).replace("server api-2:8080", f"server 127.0.0.1:{LIVE}", 1)
        if f"127.0.0.1:{GONE}" not in text or f"127.0.0.1:{LIVE}" not in text:
            sys.exit("FAIL nginx.conf no longer names the upstreams api-1:8080 and api-2:8080; update this check")
        return re.sub(r"limit_req zone=[a-z_]+ burst=\d+ nodelay;", "", text)  # this check is not about rates
    return nginx_loopback.config(work, EDGE, upstreams)


class Instance(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    served = 0
    lock = threading.Lock()

    def do_GET(self):
        with Instance.lock:
            Instance.served += 1
            hiccup = Instance.served % 5 == 0
        body = PROBLEM if hiccup else b'{"ok":true}'
        self.send_response(503 if hiccup else 200)
        self.send_header("Content-Type", "application/problem+json" if hiccup else "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_):
        pass


def read(path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{EDGE}{path}", timeout=10) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def main():
    live = http.server.ThreadingHTTPServer(("127.0.0.1", LIVE), Instance)
    threading.Thread(target=live.serve_forever, daemon=True).start()
    work = tempfile.mkdtemp(prefix="vesiting-nginx-failover-")
    nginx = subprocess.Popen(["/usr/sbin/nginx", "-p", work, "-c", config(work), "-g", f"daemon off; pid {work}/nginx.pid; error_log {work}/error.log;"])
    try:
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", EDGE), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        statuses = [read(f"/api/legend?read={i}") for i in range(40)]
    finally:
        nginx.terminate()
        nginx.wait()
        live.shutdown()
    counts = {s: statuses.count(s) for s in sorted(set(statuses))}
    # Every answer the live instance gave reached the client as it was: its 503s (one in five reads it served) and
    # 200s; nothing else (a 502 means the edge gave up on the live instance).
    ok = set(counts) <= {200, 503} and counts.get(503, 0) == Instance.served // 5 and len(statuses) == Instance.served
    print(f"{'ok  ' if ok else 'FAIL'} one instance gone, the other answering its own 503 now and then: "
          f"{len(statuses)} reads, answers {counts}, the live instance served {Instance.served}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
