#!/usr/bin/env bash
# Checks the container deployment without a Docker daemon (the test command runs it):
#  - docker-compose.yml against the Compose Specification: Debian's docker-compose validates a versionless file
#    against the Compose Specification's JSON Schema (compose_spec.json) in `config`, which needs no daemon;
#  - deploy/nginx/nginx.conf with `nginx -t` (Debian's nginx-light), the instances' names mapped to loopback;
#  - the shell scripts the database containers run, and the stack scripts, with `sh -n` / `bash -n`.
# Installs docker-compose and nginx-light from Debian packages where missing.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

missing=()
command -v docker-compose >/dev/null || missing+=(docker-compose)
[[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "installing ${missing[*]} from Debian packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/tmp/vesiting-apt.log 2>&1 \
    || { apt-get update -q >/tmp/vesiting-apt.log 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/tmp/vesiting-apt.log 2>&1; } \
    || { echo "could not install ${missing[*]}" >&2; tail -5 /tmp/vesiting-apt.log >&2; exit 1; }
fi

status=0
# Placeholder folders for the secrets and the certificate: the file refuses to start without them.
if VESITING_SECRETS_DIR=/tmp VESITING_TLS_DIR=/tmp \
  docker-compose -f docker-compose.yml config -q; then
  echo "docker-compose.yml: valid (Compose Specification)"
else
  echo "docker-compose.yml: not valid" >&2
  status=1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The included header files beside it, a throwaway self-signed certificate for the TLS server.
cp deploy/nginx/security-headers*.conf "$work/"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout "$work/privkey.pem" -out "$work/fullchain.pem" \
  >/dev/null 2>&1 || { echo "could not make a test certificate with openssl" >&2; exit 1; }
sed -e 's/server api-1:8080/server 127.0.0.1:18781/' -e 's/server api-2:8080/server 127.0.0.1:18782/' \
  -e "s|/var/cache/nginx/tiles|$work/tiles|" -e "s|/etc/nginx/tls/|$work/|" -e "s|/run/nginx.pid|$work/nginx.pid|" \
  -e "s|/var/log/nginx/access.log|$work/access.log|" deploy/nginx/nginx.conf >"$work/nginx.conf"
if /usr/sbin/nginx -t -q -p "$work" -c "$work/nginx.conf" -g "error_log $work/error.log;" 2>"$work/test.log"; then
  echo "deploy/nginx/nginx.conf: valid (nginx -t)"
else
  echo "deploy/nginx/nginx.conf: not valid: $(cat "$work/test.log")" >&2
  status=1
fi

# Errors nginx answers itself are problem+json like the service's own (#25).
python3 "$root/scripts/check-nginx-problems.py" || { echo "deploy/nginx/nginx.conf: an error nginx answers itself is not problem+json" >&2; status=1; }
# One instance gone and the other answering its own 503 now and then: the edge keeps reading from the live one (#25).
python3 "$root/scripts/check-nginx-failover.py" || { echo "deploy/nginx/nginx.conf: with one instance gone, an instance's own 503 makes the edge give up on it" >&2; status=1; }

for script in deploy/postgres/*.sh scripts/local-bases.sh scripts/compose-stack-test.sh; do
  shell=sh; [[ "$(head -1 "$script")" == *bash* ]] && shell=bash
  $shell -n "$script" || { echo "$script: not valid $shell" >&2; status=1; }
done
exit $status
