"""deploy/nginx/nginx.conf made runnable on loopback without TLS, root or Docker, for the checks that send it requests
(check-nginx-problems.py, check-nginx-failover.py). Python stdlib only."""
import os
import re
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def config(work, port, upstreams):
    """Writes the edge's config into `work`, listening on 127.0.0.1:`port`; `upstreams(text)` rewrites the instances."""
    text = upstreams(open(os.path.join(ROOT, "deploy", "nginx", "nginx.conf"), encoding="utf-8").read())
    # The edge's TLS server, on plain loopback HTTP (no certificate here); the port-80 redirect server goes.
    text = re.sub(r"\n    # Plain HTTP only redirects to HTTPS\.\n    server \{\n        listen 80;.*?\n    \}\n", "\n", text, flags=re.S)
    text = re.sub(r"\npid [^;]*;", "\n", text)  # the pid file is given on the command line
    text = re.sub(r"listen\s+443 ssl[^;]*;", f"listen 127.0.0.1:{port};", text)
    text = re.sub(r"\n\s*ssl_[a-z_]+ [^;]*;", "", text)
    for headers in ("security-headers.conf", "security-headers-common.conf"):  # included relative to the config's folder
        shutil.copy(os.path.join(ROOT, "deploy", "nginx", headers), work)
    text = text.replace("/var/cache/nginx/tiles", os.path.join(work, "tiles"))
    text = text.replace("http {", f"http {{ access_log off; client_body_temp_path {work}/body; proxy_temp_path {work}/proxy;", 1)
    path = os.path.join(work, "nginx.conf")
    open(path, "w", encoding="utf-8").write(text)
    return path
