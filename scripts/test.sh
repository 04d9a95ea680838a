#!/usr/bin/env bash
# VeSiting's test command (README): prepares what the tests need on a fresh Debian machine, checks
# formatting, builds with warnings as errors, runs every test project, and ends with one plain line
# "N passed, N failed" summed over all projects.
#
# What the tests need: the .NET 10 SDK; the data mirror ../shared/geodata (the tests obtain the data
# through geodata/sources.json into .cache/geodata; set VESITING_MIRROR to use another mirror);
# PostgreSQL 15 + PostGIS 3, installed from Debian packages and started here, with a throwaway role and
# databases removed afterwards (scripts/postgis-test-server.sh). PostGIS tests fail, never skip, without it;
# a throwaway primary and streaming hot standby from the same packages on ports 18701/18702, removed afterwards
# (scripts/replica-test-cluster.sh), for the replication tests, which fail, never skip, without them;
# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium; nothing is downloaded);
# npm for the web map's MapLibre package (installed from the npm registry at build time); Debian's docker-compose
# and nginx-light to validate the container deployment without a Docker daemon (scripts/validate-deploy.sh);
# Debian's gdal-bin: GDAL as an OGC API – Features and MVT client, and gdalinfo to read the siting GeoTIFF back;
# as root, Debian's docker.io, debootstrap and docker-compose to build and run the compose stack for real
# (scripts/compose-stack-test.sh: local base images, its own daemon under /tmp, removed afterwards).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'test command: %s\n' "$*" >&2; echo "0 passed, 1 failed"; exit 1; }
# The helpers, sourced once: apt_install and postgis_up/postgis_down; replica_cluster_up/replica_cluster_down.
source "$root/scripts/postgis-test-server.sh"
source "$root/scripts/replica-test-cluster.sh"

step "Prerequisites"
command -v dotnet >/dev/null || fail "the .NET SDK (dotnet) is not installed"
dotnet --version
mirror="${VESITING_MIRROR:-$root/../shared/geodata}"
[[ -d "$mirror" || -d .cache/geodata ]] || fail "no data mirror at $mirror and no cached data in .cache/geodata"

step "Chromium (browser tests), GDAL (OGC API client and GeoTIFF tests), poppler (case reports) and Node (web map packages)"
if [[ ! -x /usr/bin/chromium ]]; then
  echo "installing chromium from Debian packages"
  apt-get update -q >/tmp/vesiting-apt.log 2>&1 || true
  apt_install chromium || fail "could not install chromium"
fi
/usr/bin/chromium --version || fail "chromium does not start"
# GDAL as an OGC API – Features and MVT client (ogr2ogr, ogrinfo) and to read the siting GeoTIFF (gdalinfo).
if ! command -v ogr2ogr >/dev/null || ! command -v gdalinfo >/dev/null; then
  echo "installing gdal-bin from Debian packages"
  apt-get update -q >/tmp/vesiting-apt.log 2>&1 || true
  apt_install gdal-bin || fail "could not install gdal-bin"
fi
ogr2ogr --version || fail "ogr2ogr does not start"
gdalinfo --version || fail "gdalinfo does not start"
# osmium-tool: the OpenStreetMap reader's tests make the PBF form of the Samsø extract with it (and bench/ compares with it).
if ! command -v osmium >/dev/null; then
  echo "installing osmium-tool from Debian packages"
  apt-get update -q >/tmp/vesiting-apt.log 2>&1 || true
  apt_install osmium-tool || fail "could not install osmium-tool"
fi
osmium --version >/dev/null || fail "osmium does not start"
# poppler-utils: the case-report tests read the PDF back (pdftotext, pdfinfo); fonts-dejavu-core: the report's PDF and map fonts.
if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null || [[ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ]]; then
  echo "installing poppler-utils and fonts-dejavu-core from Debian packages"
  apt-get update -q >/tmp/vesiting-apt.log 2>&1 || true
  apt_install poppler-utils fonts-dejavu-core || fail "could not install poppler-utils and fonts-dejavu-core"
fi
pdftotext -v >/dev/null 2>&1 || fail "pdftotext does not start"
command -v npm >/dev/null || fail "npm is needed to install the web map's MapLibre package"

step "PostgreSQL 15 + PostGIS 3"
postgis_up || fail "PostgreSQL + PostGIS could not be installed or started"
trap 'postgis_down' EXIT

step "PostgreSQL primary + hot standby (replication tests)"
trap 'replica_cluster_down; postgis_down' EXIT
replica_cluster_up || fail "the primary and hot standby could not be set up"

step "Deployment files (compose file against the Compose Specification, nginx.conf)"
bash "$root/scripts/validate-deploy.sh" || fail "docker-compose.yml or deploy/ is not valid"

step "Format (dotnet format --verify-no-changes)"
dotnet format VeSiting.sln --verify-no-changes || fail "code is not formatted: run 'dotnet format'"

step "Build (warnings are errors)"
dotnet build VeSiting.sln --nologo -v quiet || fail "build failed"

# The built-in sources fetched once, before any test: tests that read the cache folder itself (or copy it for a service
# of their own) then never depend on which other test happened to fetch first. Checksums are verified as always.
step "Data (the built-in sources into .cache/geodata)"
dotnet src/VeSiting.Cli/bin/Debug/net10.0/vesiting.dll data fetch --format csv >/dev/null || fail "the built-in sources could not be fetched"

step "Tests"
results="$(mktemp -d)"
trap 'rm -rf "$results"; replica_cluster_down; postgis_down' EXIT
dotnet test VeSiting.sln --no-build --nologo --logger "trx" --logger "console;verbosity=normal" --results-directory "$results"
status=$?

passed=0
failed=0
files=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  files=$((files + 1))
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  e="$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
done

# The container deployment run for real (scripts/compose-stack-test.sh): its checks count in the same line. It makes
# local base images, builds the stack and checks it running: about 7 minutes on a quiet 2-core machine (2026-12-06).
# VESITING_STACK_TEST=0 skips it (a developer's quick run); CI runs it.
if [[ "${VESITING_STACK_TEST:-1}" != 0 ]]; then
  step "The compose stack: build, up, checks on the running stack, down"
  stack_log="$results/stack.log"
  bash "$root/scripts/compose-stack-test.sh" 2>&1 | tee "$stack_log"
  stack_status=${PIPESTATUS[0]}
  stack_line="$(grep -E '^stack: [0-9]+ passed, [0-9]+ failed$' "$stack_log" | tail -1)"
  if [[ -z "$stack_line" ]]; then
    echo "test command: the compose stack check reported no result" >&2
    failed=$((failed + 1))
  else
    passed=$((passed + $(sed -E 's/^stack: ([0-9]+) passed.*/\1/' <<<"$stack_line")))
    failed=$((failed + $(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$stack_line")))
  fi
  [[ $stack_status -eq 0 ]] || status=1
else
  echo "(the compose stack run is skipped: VESITING_STACK_TEST=0)"
fi

expected_projects=$(ls tests/*/*.Tests.csproj | wc -l)
if [[ $files -lt $expected_projects ]]; then
  echo "test command: only $files of $expected_projects test projects reported results" >&2
  [[ $failed -gt 0 ]] || failed=1
  status=1
fi
if [[ $status -eq 0 && $passed -eq 0 ]]; then
  echo "test command: no test ran" >&2
  status=1
fi

# The failed tests by name, just above the summary line, so that the tail of a long log says what failed.
if [[ $failed -gt 0 ]]; then
  echo
  echo "failed tests:"
  for trx in "$results"/*.trx; do
    [[ -f "$trx" ]] || continue
    grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | sed -n 's/.* testName="\([^"]*\)".*/  \1/p' | cut -c1-240
  done
  [[ -n "${stack_log:-}" && -f "$stack_log" ]] && grep -E '^FAIL ' "$stack_log" | sed 's/^/  stack: /' | cut -c1-240
fi

echo
echo "$passed passed, $failed failed"
exit $status
