#!/usr/bin/env bash
# Writes screenshots of the web map's main views at 1400 × 900 and 1024 × 768 in English and Danish for a reviewer (not a test: nothing
# passes or fails here). Usage: scripts/screenshots.sh [output folder, default .cache/screenshots]
# Starts the service (the browser tests' build, embedded engine, default data) on a free port, drives Debian's
# Chromium through the Playwright driver that build carries, and stops the service again.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-$here/.cache/screenshots}")"
bin="$here/tests/VeSiting.Api.Tests/bin/Debug/net10.0"
mkdir -p "$out"
[ -x /usr/bin/chromium ] || { echo "needs Chromium at /usr/bin/chromium (apt-get install chromium)" >&2; exit 1; }
dotnet build "$here/tests/VeSiting.Api.Tests" -v quiet >/dev/null
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
VESITING_HOME="$here" VeSiting__Year=2026 dotnet "$bin/VeSiting.Api.dll" --urls "http://127.0.0.1:$port" --contentRoot "$here/src/VeSiting.Api" >"$out/service.log" 2>&1 &
service=$!
trap 'kill "$service" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
"$bin/.playwright/node/linux-x64/node" "$here/scripts/screenshots.mjs" "http://127.0.0.1:$port" "$out" "$bin/.playwright/package"
echo "screenshots in $out"
