#!/usr/bin/env bash
# Capacity of one service instance and of one read replica, on loopback only, for docs/capacity.md:
#  - starts a throwaway PostgreSQL 15 + PostGIS 3 primary and hot standby (scripts/replica-test-cluster.sh), imports the
#    real data into the primary and waits until the standby has replayed it;
#  - baseline: pgbench on the standby running exactly the store's tile SQL (`bench/run tile-sql plants`) for 200
#    random z14 tiles that hold a turbine (bench/lib.sh, seed 42): what one replica gives without the service;
#  - one instance (Release) with VeSiting:ReadDatabases on the standby, loaded with wrk: uncached tiles (tile cache off:
#    every request a pinned REPEATABLE READ snapshot on the standby), cached tiles (warmed), point assessments;
#  - removes the servers. Writes the "## Capacity per instance and per replica" section of bench/RESULTS.md.
# Runs as root (it starts the servers as postgres). Needs psql, pgbench, wrk. BENCH_SECONDS (default 10) per run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${BENCH_SECONDS:-10}"
port="${PORT:-18790}"
url="http://127.0.0.1:$port"
work="$(mktemp -d)"
for tool in psql pgbench wrk; do command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
source "$root/bench/lib.sh"
source "$root/scripts/postgis-test-server.sh"
source "$root/scripts/replica-test-cluster.sh"
trap 'stop_apis; replica_cluster_down; rm -rf "$work"' EXIT
replica_cluster_up
read -r primary_port standby_port <<<"${VESITING_REPLICA_PORTS:-18701 18702}"

primary_admin="$(cat "$VESITING_REPLICA_CLUSTER/primary.connection")"
standby_admin="$(cat "$VESITING_REPLICA_CLUSTER/standby.connection")"
primary="${primary_admin/Database=postgres/Database=vesiting_capacity}"
standby="${standby_admin/Database=postgres/Database=vesiting_capacity}"
pg_env_from_npgsql "$primary_admin"
psql -X -q -c "CREATE DATABASE vesiting_capacity"

echo "building and importing…" >&2
dotnet build "$root/src/VeSiting.Api/VeSiting.Api.csproj" -c Release --nologo -v quiet >/dev/null
"$root/vesiting" db migrate --db "$primary" --format json >/dev/null
"$root/vesiting" import --db "$primary" --format json >/dev/null
"$root/bench/run" tile-sql plants > "$work/plants.sql"
pg_env_from_npgsql "$standby"
version="$(PGPORT="$primary_port" psql -X -A -t -c "SELECT id FROM data_version")"
for _ in $(seq 1 60); do [[ "$(psql -X -A -t -c "SELECT id FROM data_version" 2>/dev/null)" == "$version" ]] && break; sleep 1; done
[[ "$(psql -X -A -t -c "SELECT pg_is_in_recovery()")" == "t" ]] || { echo "the read server is not a standby" >&2; exit 1; }

draw_turbine_tiles 200
python3 - "$work" <<'PY'
import random, sys
work = sys.argv[1]
pick = [tuple(map(int, l.split())) for l in open(f"{work}/z14-pick.txt") if l.strip()]
sql = open(f"{work}/plants.sql").read().replace("@z", ":z").replace("@x", ":x").replace("@y", ":y").strip().rstrip(";")
case = lambda k: "CASE " + " ".join(f"WHEN :i = {i + 1} THEN {t[k]}" for i, t in enumerate(pick)) + " END"
open(f"{work}/pgbench.sql", "w").write(f"\\set i random(1, {len(pick)})\n\\set z 14\n\\set x {case(0)}\n\\set y {case(1)}\n" + " ".join(sql.split()) + ";\n")
open(f"{work}/tiles.txt", "w").write("".join(f"/tiles/plants/14/{x}/{y}.mvt\n" for x, y in pick))
random.seed(42)
open(f"{work}/points.txt", "w").write("".join(f"/api/assess/site?e={random.uniform(450000, 720000):.0f}&n={random.uniform(6080000, 6350000):.0f}\n" for _ in range(300)))
PY

export PGOPTIONS="-c jit=off -c max_parallel_workers_per_gather=0 -c plan_cache_mode=force_custom_plan"
run_pgbench() { pgbench -n -M prepared -c "$1" -j 2 -T "$seconds" -f "$work/pgbench.sql" 2>&1 | tee -a "$work/pgbench.log" | awk '/^tps = / {print $3; exit}'; }
run_wrk() { wrk -t2 -c"$2" -d"$seconds"s --latency -s "$root/bench/wrk-paths.lua" "$3" -- "$work/$1" | grep '^JSON' | sed 's/^JSON //'; }
# CPU seconds (user + system) used so far by the service (the last started) and by the standby's server processes.
cpu_seconds() {
  local postmaster pids
  postmaster="$(head -1 "$VESITING_REPLICA_CLUSTER/standby/postmaster.pid")"
  case "$1" in
    service) pids="${api_pids[-1]}" ;;
    standby) pids="$postmaster $(pgrep -P "$postmaster" | tr '\n' ' ')" ;;
  esac
  python3 - $pids <<'PY'
import os, sys
ticks = 0
for pid in sys.argv[1:]:
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])
    except OSError:
        pass
print(ticks / os.sysconf("SC_CLK_TCK"))
PY
}
# measured_wrk NAME PATHS CONNECTIONS: the wrk run, and the CPU the service and the standby spent per 1,000 requests.
measured_wrk() {
  local s0 d0 result
  s0=$(cpu_seconds service); d0=$(cpu_seconds standby)
  result=$(run_wrk "$2" "$3" "$url")
  python3 - "$1" "$result" "$s0" "$(cpu_seconds service)" "$d0" "$(cpu_seconds standby)" >>"$work/cpu.txt" <<'PY'
import json, sys
name, result, s0, s1, d0, d1 = sys.argv[1], json.loads(sys.argv[2]), *map(float, sys.argv[3:])
n = result["requests"]
print(f"{name}\t{(s1 - s0) / n * 1000:.2f}\t{(d1 - d0) / n * 1000:.2f}")
PY
  echo "$result"
}

start_api "$url" "$work/uncached.log" VeSiting__Database="$primary" VeSiting__ReadDatabases__0="$standby" VeSiting__TileCacheMegabytes=0
while read -r p; do curl -s -o /dev/null "$url$p"; done < "$work/tiles.txt"
pgbench -n -M prepared -c 2 -j 2 -T 3 -f "$work/pgbench.sql" >/dev/null 2>&1
pg2=$(run_pgbench 2); echo "pgbench on the standby, 2 clients: $pg2" >&2
uncached2=$(run_wrk tiles.txt 2 "$url"); echo "uncached, 2 connections: $uncached2" >&2
pg8=$(run_pgbench 8); echo "pgbench on the standby, 8 clients: $pg8" >&2
uncached8=$(measured_wrk "uncached tiles" tiles.txt 8); echo "uncached, 8 connections: $uncached8" >&2
grep -q "number of failed transactions: 0" "$work/pgbench.log" || { echo "pgbench had failures" >&2; cat "$work/pgbench.log" >&2; exit 1; }
# Where the uncached tiles were drawn: sessions of the instance on each server that ran more than Npgsql's role check.
sessions() { PGPORT="$1" psql -X -A -t -c "SELECT count(*) FROM pg_stat_activity WHERE datname = 'vesiting_capacity' AND application_name = 'vesiting' AND query NOT IN ('SHOW default_transaction_read_only', 'SELECT pg_is_in_recovery()')"; }
on_standby=$(sessions "$standby_port"); on_primary=$(sessions "$primary_port")
stop_apis; api_pids=()

start_api "$url" "$work/cached.log" VeSiting__Database="$primary" VeSiting__ReadDatabases__0="$standby"
while read -r p; do curl -s -o /dev/null "$url$p"; done < "$work/tiles.txt"
cached=$(measured_wrk "cached tiles" tiles.txt 32); echo "cached: $cached" >&2
while read -r p; do curl -s -o /dev/null "$url$p"; done < <(head -50 "$work/points.txt")
points=$(measured_wrk "point assessments" points.txt 16); echo "assessments: $points" >&2

field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
row() { echo "| $1 | $2 | $(field "$3" rps) | $(field "$3" p50_ms) ms | $(field "$3" p99_ms) ms | $(field "$3" non2xx) | $(field "$3" socket_errors) |"; }
section="$(cat <<MD
## Capacity per instance and per replica (bench/capacity.sh)

- Date: $(date -u '+%Y-%m-%d %H:%M') UTC; $(nproc) cores shared by the primary, the standby, the service and the load generator (and other work on the machine); 127.0.0.1 only.
- Command: \`bash bench/capacity.sh\` (BENCH_SECONDS=$seconds): a throwaway primary and streaming hot standby (scripts/replica-test-cluster.sh), the real data imported into the primary and replayed on the standby, one instance (Release) with \`VeSiting:ReadDatabases\` on the standby.
- Tiles: 200 random z14 \`plants\` tiles that hold an operating or planned wind turbine (seed 42); assessments: 300 random points over Denmark (seed 42), \`/api/assess/site\`.
- Baseline: pgbench on the standby running exactly the store's tile SQL (\`bench/run tile-sql plants\`), prepared, with the store's session settings — what one replica gives without the service.

| run | clients / connections | requests/s | p50 | p99 | non-2xx | socket errors |
|---|---|---|---|---|---|---|
| pgbench on the standby: tile SQL | 2 | $pg2 | | | | |
| instance, uncached tiles (every tile a pinned snapshot on the standby) | 2 | $(field "$uncached2" rps) | $(field "$uncached2" p50_ms) ms | $(field "$uncached2" p99_ms) ms | $(field "$uncached2" non2xx) | $(field "$uncached2" socket_errors) |
| pgbench on the standby: tile SQL | 8 | $pg8 | | | | |
$(row "instance, uncached tiles" 8 "$uncached8")
$(row "instance, cached tiles (warmed)" 32 "$cached")
$(row "instance, point assessments on the standby" 16 "$points")

CPU per 1,000 requests (user + system seconds, from /proc, over the same runs; the standby: its postmaster and backends):

| run | service CPU s / 1,000 requests | standby CPU s / 1,000 requests |
|---|---|---|
$(awk -F'\t' '{print "| " $1 " | " $2 " | " $3 " |"}' "$work/cpu.txt")

- Uncached tiles were drawn on the standby: afterwards the instance had $on_standby session(s) there that ran queries and $on_primary on the primary (beyond Npgsql's role check).
- Capacity note and the national load: [docs/capacity.md](../docs/capacity.md).
MD
)"
python3 - "$root/bench/RESULTS.md" "$section" <<'PY'
import re, sys
path, section = sys.argv[1], sys.argv[2]
text = open(path).read()
text = re.sub(r"## Capacity per instance and per replica.*?(?=\n## |\Z)", "", text, flags=re.S).rstrip() + "\n\n" + section + "\n"
open(path, "w").write(text)
PY
echo "written to bench/RESULTS.md" >&2
