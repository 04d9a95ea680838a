#!/usr/bin/env python3
"""Runs deploy/nginx/nginx.conf on loopback with no instance behind it and sends the requests nginx answers itself
(#25's probe: a NUL in the path, a bad Content-Length, an empty Host, a NUL in a header, a URL past nginx's buffers,
too many header bytes, a body over client_max_body_size, no instance reachable). Each answer must be an RFC 7807
application/problem+json whose status is the HTTP status. Exit 1 on the first that is not. Python stdlib only."""
import json
import re
import socket
import subprocess
import sys
import tempfile
import time

import nginx_loopback

PORT = 18793


def config(work):
    # Nothing listens where the instances were: 502.
    return nginx_loopback.config(work, PORT, lambda text: re.sub(r"server api-\d+:8080[^;]*;", "server 127.0.0.1:18794;", text))


def send(raw):
    with socket.create_connection(("127.0.0.1", PORT), timeout=10) as s:
        try:
            s.sendall(raw)
        except OSError:
            pass  # nginx may answer and close before it has read a large body
        answer = b""
        try:
            while chunk := s.recv(65536):
                answer += chunk
        except OSError:
            pass
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (l.partition(":") for l in lines[1:])}
    return status, headers, body


CASES = [
    ("NUL in a path segment", b"GET /api/a%00b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400),
    ("bad Content-Length", b"POST /api/projects HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\nConnection: close\r\n\r\n", 400),
    ("empty Host", b"GET /api HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n", 400),
    ("NUL in a header value", b"GET /api HTTP/1.1\r\nHost: x\r\nX-A: a\x00b\r\nConnection: close\r\n\r\n", 400),
    ("URL of 20,000 characters", b"GET /api/" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 414),
    ("a header of 40 kB", b"GET /api HTTP/1.1\r\nHost: x\r\nX-P: " + b"p" * 40000 + b"\r\nConnection: close\r\n\r\n", 400),
    ("body over client_max_body_size", b"POST /api/projects HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\nConnection: close\r\n\r\n", 413),
    ("no instance reachable", b"GET /api HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 502),
]


def main():
    work = tempfile.mkdtemp(prefix="vesiting-nginx-problems-")
    nginx = subprocess.Popen(["/usr/sbin/nginx", "-p", work, "-c", config(work), "-g", f"daemon off; pid {work}/nginx.pid; error_log {work}/error.log;"])
    failed = 0
    try:
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", PORT), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        for name, raw, expected in CASES:
            status, headers, body = send(raw)
            problem = None
            if headers.get("content-type", "").startswith("application/problem+json"):
                try:
                    problem = json.loads(body)
                except ValueError:
                    pass
            ok = status == expected and problem is not None and problem.get("status") == status and problem.get("reason")
            print(f"{'ok  ' if ok else 'FAIL'} {name}: {status} {headers.get('content-type')}")
            failed += not ok
    finally:
        nginx.terminate()
        nginx.wait()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
