#!/usr/bin/env bash
# The deployment as shipped, run for real (part of the test command; as root): starts a Docker daemon if none answers
# (its own data-root, exec-root and socket under /tmp, stopped and removed at the end), makes the local base images
# (scripts/local-bases.sh: no public registry is needed), builds every image of docker-compose.yml on them, brings the
# stack up with throwaway secrets (files, as Docker secrets) and a self-signed certificate, and runs scripts/stack_checks.py on it: the web map,
# both instances, the hardened edge, an instance killed, the replica and the primary stopped, down/up, backup and
# restore. Ends with the checker's line "stack: N passed, N failed" (the test command adds it to its count) and
# removes the stack, its volumes and its images (and the daemon, if it started one).
# Installs docker.io, debootstrap, docker-compose and openssl from Debian packages where missing.
# Environment: VESITING_MIRROR (the data mirror), VESITING_STACK_HTTPS_PORT / VESITING_STACK_HTTP_PORT (18443/18080),
#              VESITING_STACK_KEEP=1 (leave the stack and daemon running, for a look after a failure);
#              VESITING_STACK_RUN (what to run on the stack instead of the checks: bench/stack-soak.sh uses it).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
say() { printf '%s stack: %s\n' "$(date +%T)" "$*"; }
give_up() { say "$*" >&2; echo "stack: 0 passed, 1 failed"; exit 1; }

missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v docker-compose >/dev/null || missing+=(docker-compose)
command -v openssl >/dev/null || missing+=(openssl)
if [[ ${#missing[@]} -gt 0 ]]; then
  say "installing ${missing[*]} from Debian packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/tmp/vesiting-apt.log 2>&1 \
    || { apt-get update -q >/tmp/vesiting-apt.log 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/tmp/vesiting-apt.log 2>&1; } \
    || give_up "could not install ${missing[*]}: $(tail -3 /tmp/vesiting-apt.log)"
fi
[[ $(id -u) -eq 0 ]] || give_up "needs root (to start dockerd and debootstrap the base images)"

work="$(mktemp -d /tmp/vesiting-stack.XXXXXX)"
export VESITING_STACK_WORK="$work"
daemon_pid=""
cleanup() {
  if [[ "${VESITING_STACK_KEEP:-0}" == 1 ]]; then
    say "kept: DOCKER_HOST=$DOCKER_HOST COMPOSE_PROJECT_NAME=$COMPOSE_PROJECT_NAME (work folder $work)"
    return
  fi
  say "removing the stack, its volumes and images"
  docker-compose down -v --rmi all --remove-orphans >"$work/down.log" 2>&1 || tail -5 "$work/down.log" >&2
  if [[ -n "$daemon_pid" ]]; then
    kill "$daemon_pid" 2>/dev/null
    for _ in $(seq 60); do kill -0 "$daemon_pid" 2>/dev/null || break; sleep 1; done
    # Layers are mounted under the data root while the daemon runs; only after it ended may they go.
    kill -0 "$daemon_pid" 2>/dev/null && say "dockerd ($daemon_pid) did not stop" >&2
  fi
  umount -R "$work/docker-exec" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# A daemon: the one DOCKER_HOST (or the default socket) names if it answers, else our own.
if ! docker info >/dev/null 2>&1; then
  mkdir -p "$work/docker-data" "$work/docker-exec"
  export DOCKER_HOST="unix://$work/docker.sock"
  say "starting dockerd (data root $work/docker-data)"
  dockerd --data-root "$work/docker-data" --exec-root "$work/docker-exec" -H "$DOCKER_HOST" \
    --pidfile "$work/docker.pid" >"$work/dockerd.log" 2>&1 &
  daemon_pid=$!
  for _ in $(seq 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || give_up "dockerd did not start: $(tail -5 "$work/dockerd.log")"
fi
export DOCKER_HOST="${DOCKER_HOST:-unix:///var/run/docker.sock}"

say "local base images"
bash "$root/scripts/local-bases.sh" >"$work/bases.log" 2>&1 || give_up "local base images: $(tail -5 "$work/bases.log")"
export VESITING_DEBIAN_IMAGE=local/debian:bookworm VESITING_SDK_IMAGE=local/dotnet-sdk:10.0 \
  VESITING_ASPNET_IMAGE=local/dotnet-aspnet:10.0 VESITING_RUNTIME_IMAGE=local/dotnet-aspnet:10.0 \
  VESITING_NODE_IMAGE=local/node:bookworm

# Throwaway secrets and a self-signed certificate for localhost, made for this run only.
export COMPOSE_PROJECT_NAME=vesiting-stack-test COMPOSE_FILE="$root/docker-compose.yml"
export VESITING_DB_PASSWORD="db-$(openssl rand -hex 12)" VESITING_REPLICATION_PASSWORD="repl-$(openssl rand -hex 12)"
export VESITING_API_KEY="key-$(openssl rand -hex 16)"
# As a user keeps them: one file per secret (readable by the containers' users), mounted as Docker secrets.
export VESITING_SECRETS_DIR="$work/secrets"
mkdir -p "$VESITING_SECRETS_DIR"
printf '%s\n' "$VESITING_DB_PASSWORD" >"$VESITING_SECRETS_DIR/db_password"
printf '%s\n' "$VESITING_REPLICATION_PASSWORD" >"$VESITING_SECRETS_DIR/replication_password"
printf '%s\n' "$VESITING_API_KEY" >"$VESITING_SECRETS_DIR/api_key"
chmod 755 "$VESITING_SECRETS_DIR" && chmod 644 "$VESITING_SECRETS_DIR"/*
export VESITING_HTTPS_PORT="${VESITING_STACK_HTTPS_PORT:-18443}" VESITING_HTTP_PORT="${VESITING_STACK_HTTP_PORT:-18080}"
mirror="${VESITING_MIRROR:-$root/../shared/geodata}"
[[ -d "$mirror" ]] || mirror="$root/.cache/geodata"
export VESITING_MIRROR_DIR="$(cd "$mirror" && pwd)"
export VESITING_TLS_DIR="$work/tls"
mkdir -p "$VESITING_TLS_DIR"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost -addext "subjectAltName=DNS:localhost" \
  -keyout "$VESITING_TLS_DIR/privkey.pem" -out "$VESITING_TLS_DIR/fullchain.pem" >/dev/null 2>&1 \
  || give_up "could not make the test certificate"
chmod 644 "$VESITING_TLS_DIR"/*.pem

say "building the images"
# The Debian images (mostly apt downloads) beside the .NET ones (mostly CPU); the CLI first, so that the service's
# build stage comes from its cache (building both at once would compile everything twice).
( docker-compose build postgis && docker-compose build proxy ) >"$work/build-debian.log" 2>&1 &
debian_build=$!
( docker-compose build import && docker-compose build api-1 ) >"$work/build.log" 2>&1 \
  || give_up "docker-compose build failed: $(tail -20 "$work/build.log")"
wait "$debian_build" || give_up "docker-compose build failed: $(tail -20 "$work/build-debian.log")"
say "up"
docker-compose up -d >"$work/up.log" 2>&1 || { docker-compose logs --tail=30 >&2; give_up "docker-compose up failed: $(tail -10 "$work/up.log")"; }

say "checks on the running stack"
${VESITING_STACK_RUN:-python3 "$root/scripts/stack_checks.py"}
status=$?
if [[ $status -ne 0 ]]; then
  docker-compose ps >&2
  docker-compose logs --tail=40 >&2
fi
exit $status
