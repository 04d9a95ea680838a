#!/usr/bin/env bash
# Tiles against their baselines, on loopback (127.0.0.1) only:
#  1. PostGIS-backed MVT throughput vs. raw pgbench for the same ≈200 random non-empty z14 `plants` tiles: pgbench runs
#     exactly the SQL the store runs (`bench/run tile-sql plants`); the HTTP service runs on the same database with the
#     tile cache off (VeSiting__TileCacheMegabytes=0) and is loaded with wrk. Both with 2 clients for the same seconds,
#     alternated (pgbench, wrk, pgbench, wrk) so that both see the same machine.
#  2. Cold PNG renders at z10: 50 distinct tiles over Denmark × plants, boundaries, scheme-zones, cache off, on the
#     PostGIS-backed and on the embedded service; per-tile p50/p90 (MapServer's figure is the issue's, not measured).
# The database is migrated and the real data imported into it first (it needs PostGIS; nothing else is touched).
# Connection: $VESITING_BENCH_DB (an Npgsql connection string); the password is passed to psql/pgbench by environment
# only. Needs psql, pgbench and wrk. Writes the "## Tile throughput on PostGIS and cold PNG renders" section of
# bench/RESULTS.md (other sections are kept).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
db="${VESITING_BENCH_DB:?set VESITING_BENCH_DB to the Npgsql connection string of the benchmark database}"
seconds="${BENCH_SECONDS:-15}"
tiles="${BENCH_TILES:-200}"
port="${PORT:-5098}"
url="http://127.0.0.1:$port"
embedded_url="http://127.0.0.1:$((port + 1))"
work="$(mktemp -d)"
source "$root/bench/lib.sh"
trap 'stop_apis; rm -rf "$work"' EXIT
for tool in psql pgbench wrk; do command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done

pg_env_from_npgsql "$db"

# pgbench's sessions get the settings the store's sessions get (PostGisConnection.SessionOptions).
export PGOPTIONS="-c jit=off -c max_parallel_workers_per_gather=0 -c plan_cache_mode=force_custom_plan"

echo "building…" >&2
dotnet build "$root/src/VeSiting.Api/VeSiting.Api.csproj" -c Release --nologo -v quiet >/dev/null
"$root/vesiting" db migrate --db "$db" --format json >/dev/null
"$root/vesiting" import --db "$db" --format json >/dev/null
"$root/bench/run" tile-sql plants > "$work/plants.sql"

# Tiles: the z14 (and, for PNG, z10) tiles that hold an operating or planned wind turbine, sampled with a fixed seed.
draw_turbine_tiles "$tiles"
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
pick = [tuple(map(int, l.split())) for l in open(f"{work}/z14-pick.txt") if l.strip()]
sql = open(f"{work}/plants.sql").read().replace("@z", ":z").replace("@x", ":x").replace("@y", ":y").strip().rstrip(";")
case = lambda k: "CASE " + " ".join(f"WHEN :i = {i + 1} THEN {t[k]}" for i, t in enumerate(pick)) + " END"
# pgbench picks a tile number and looks its x and y up client-side, then runs the store's SQL with them as parameters.
script = f"\\set i random(1, {len(pick)})\n\\set z 14\n\\set x {case(0)}\n\\set y {case(1)}\n" + " ".join(sql.split()) + ";\n"
open(f"{work}/pgbench.sql", "w").write(script)
open(f"{work}/paths.txt", "w").write("".join(f"/tiles/plants/14/{x}/{y}.mvt\n" for x, y in pick))
PY

start_api "$url" "$work/server.log" VESITING_DB="$db" VeSiting__TileCacheMegabytes=0

# The service must answer exactly what PostGIS makes: compare one tile byte for byte.
read -r x y < <(sed -n 1p "$work/paths.txt" | awk -F/ '{print $5, $6}' | sed 's/\.mvt//')
service_md5=$(curl -sf "$url/tiles/plants/14/$x/$y.mvt" | md5sum | cut -d' ' -f1)
postgis_md5=$(echo "SELECT md5(t) FROM ($(sed 's/@z/:z/g; s/@x/:x/g; s/@y/:y/g' "$work/plants.sql")) AS q(t);" | psql -X -q -A -t -v z=14 -v x="$x" -v y="$y" | head -1)
same=$([[ "$service_md5" == "$postgis_md5" ]] && echo "byte-identical" || echo "DIFFERENT ($service_md5 vs. $postgis_md5)")
echo "tile 14/$x/$y from the service vs. psql: $same" >&2

# Warm both sides up (JIT, connection pools, PostgreSQL caches), then alternate the measured runs.
while read -r p; do curl -s -o /dev/null "$url$p"; done < "$work/paths.txt"
pgbench -n -M prepared -c 2 -j 2 -T 3 -f "$work/pgbench.sql" >/dev/null 2>&1
run_pgbench() { pgbench -n -M "$2" -c 2 -j 2 -T "$seconds" -f "$work/pgbench.sql" 2>&1 | tee "$work/pgbench.$1.log" | awk '/^tps = / {print $3; exit}'; }
run_wrk() { wrk -t2 -c2 -d"$seconds"s --latency -s "$root/bench/wrk-paths.lua" "$url" -- "$work/paths.txt" | grep '^JSON' | sed 's/^JSON //'; }
pg1=$(run_pgbench 1 prepared); echo "pgbench: $pg1 tiles/s" >&2
wrk1=$(run_wrk); echo "wrk: $wrk1" >&2
pg2=$(run_pgbench 2 prepared); echo "pgbench: $pg2 tiles/s" >&2
wrk2=$(run_wrk); echo "wrk: $wrk2" >&2
pgx=$(run_pgbench 3 extended); echo "pgbench (extended, unprepared): $pgx tiles/s" >&2
grep -q "number of failed transactions: 0" "$work/pgbench.1.log" || { echo "pgbench had failures:" >&2; cat "$work/pgbench.1.log" >&2; exit 1; }

# Cold PNG renders: every request renders (cache off); a warm-up on other tiles first (JIT), then each z10 tile once.
start_api "$embedded_url" "$work/embedded.log" VESITING_DB= VeSiting__TileCacheMegabytes=0
png_times() { # $1 = base address, $2 = output json
  python3 - "$1" "$work/png.txt" "$2" <<'PY'
import http.client, json, sys, time, urllib.parse
base, tiles, out = sys.argv[1], sys.argv[2], sys.argv[3]
u = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(u.hostname, u.port)
def get(path):
    start = time.perf_counter()
    conn.request("GET", path)
    r = conn.getresponse()
    body = r.read()
    elapsed = (time.perf_counter() - start) * 1000
    if r.status != 200 or body[:4] != b"\x89PNG":
        raise SystemExit(f"{path}: {r.status}")
    return elapsed
layers = ["plants", "boundaries", "scheme-zones"]
tiles = [tuple(map(int, line.split())) for line in open(tiles)]
# Warm-up on other tiles (the z11 children of the measured ones), so that JIT compilation is not what is timed.
for x, y in tiles:
    for layer in layers:
        get(f"/tiles/{layer}/11/{2 * x + 1}/{2 * y}.png")
times = {layer: [] for layer in layers}
for x, y in tiles:
    for layer in layers:
        times[layer].append(get(f"/tiles/{layer}/10/{x}/{y}.png"))
json.dump(times, open(out, "w"))
PY
}
png_times "$url" "$work/png-postgis.json"
png_times "$embedded_url" "$work/png-embedded.json"

python3 - "$root/bench/RESULTS.md" "$work" "$pg1" "$pg2" "$wrk1" "$wrk2" "$seconds" "$same" "$(nproc)" "$pgx" <<'PY'
import json, math, os, re, sys, datetime
path, work, pg1, pg2, wrk1, wrk2, seconds, same, cores, pgx = sys.argv[1:]
pg = [float(pg1), float(pg2)]
wrk = [json.loads(wrk1), json.loads(wrk2)]
ntiles = sum(1 for _ in open(f"{work}/paths.txt"))
def pct(values, p):
    s = sorted(values)
    return s[max(0, min(len(s) - 1, math.ceil(p / 100 * len(s)) - 1))]
def med(values):
    s = sorted(values); n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
rows = []
for i in range(2):
    w = wrk[i]
    rows.append(f"| {i + 1} | {pg[i]:.1f} | {w['rps']:.1f} | {w['rps'] / pg[i]:.2f} | {w['p50_ms']:.2f} ms | {w['p99_ms']:.2f} ms | {w['non2xx']} | {w['socket_errors']} |")
ratio = sum(w["rps"] for w in wrk) / sum(pg)
png_rows = []
for engine, name in (("postgis", "PostGIS-backed"), ("embedded", "embedded")):
    t = json.load(open(f"{work}/png-{engine}.json"))
    for layer, v in t.items():
        png_rows.append(f"| {name} | {layer} | {len(v)} | {med(v):.1f} ms | {pct(v, 50):.1f} ms | {pct(v, 90):.1f} ms | {max(v):.1f} ms |")
    per_tile = [sum(x) for x in zip(*t.values())]
    png_rows.append(f"| {name} | all three layers of a tile | {len(per_tile)} | {med(per_tile):.1f} ms | {pct(per_tile, 50):.1f} ms | {pct(per_tile, 90):.1f} ms | {max(per_tile):.1f} ms |")
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M")
section = f"""## Tile throughput on PostGIS and cold PNG renders (bench/tiles-postgis.sh)

- Date: {now} UTC; {cores} cores shared by PostgreSQL 15 + PostGIS 3.3, the service and the load generator; 127.0.0.1 only.
- Command: `VESITING_BENCH_DB="Host=127.0.0.1;…;Database=vesiting_bench_tiles" bash bench/tiles-postgis.sh` (BENCH_SECONDS={seconds}).
- Data: the real register imported with `./vesiting import`; {ntiles} random z14 `plants` tiles that hold an operating or planned wind turbine (seed 42).

### PostGIS-backed MVT throughput vs. raw pgbench, same tiles, same SQL

pgbench: `pgbench -n -M prepared -c 2 -j 2 -T {seconds}` with a script that draws a tile number (`\\set i random(1, {ntiles})`), looks up its x and y client-side and runs exactly the SQL of `bench/run tile-sql plants` (the store's ST_AsMVT query) with z, x, y as parameters, prepared once per connection and planned for each tile's parameters, with the session settings the store uses (`PGOPTIONS=\"-c jit=off -c max_parallel_workers_per_gather=0 -c plan_cache_mode=force_custom_plan\"`), as Npgsql does for the service (`Max Auto Prepare`). VeSiting: the HTTP service on the same database with `VeSiting__TileCacheMegabytes=0` (every request queries PostGIS), `wrk -t2 -c2 -d{seconds}s -s bench/wrk-paths.lua` over the same paths. The runs alternate, pgbench first; both connect over TLS (libpq and Npgsql default to it when the server offers it). One tile fetched from the service and from psql is {same}.

| round | pgbench tiles/s | VeSiting HTTP tiles/s | VeSiting / pgbench | HTTP p50 | HTTP p99 | non-2xx | socket errors |
|---|---|---|---|---|---|---|---|
{chr(10).join(rows)}

- Over both rounds VeSiting serves **{ratio * 100:.0f} %** of pgbench's tiles/s (goal: within 10 %, i.e. ≥ 90 %{" — met" if ratio >= 0.9 else " — not met"}).
- Latency: pgbench's mean per tile is 2 clients / tiles/s = {2000 / (sum(pg) / 2):.2f} ms; the service's median is {sum(w['p50_ms'] for w in wrk) / 2:.2f} ms, so HTTP, the service and its second hop to PostgreSQL add about {sum(w['p50_ms'] for w in wrk) / 2 - 2000 / (sum(pg) / 2):.2f} ms per tile. With two connections the service is bound by that latency, and its processes share the two cores with PostgreSQL and wrk.
- For reference, the same pgbench script unprepared (`-M extended`, every query parsed and planned, as the store ran before it enabled auto-prepare; same session settings): {float(pgx):.1f} tiles/s.

### Cold PNG tiles at z10 (uncached renders)

Each of 50 distinct z10 tiles over Denmark that hold a wind turbine (seed 42), requested once per layer from a service with the tile cache off, one keep-alive connection, timed by the client (so HTTP on loopback is included), after a warm-up on 50 other tiles per layer (their z11 children) so that JIT compilation is not what is timed. Goal p50 ≤ 10 ms. MapServer 8, the baseline, is measured on the same tiles in its own run: `bash bench/png-mapserver.sh` (section "PNG tiles vs. MapServer 8").

| engine | layer | tiles | median | p50 | p90 | max |
|---|---|---|---|---|---|---|
{chr(10).join(png_rows)}
"""
text = open(path).read() if os.path.exists(path) else "# Benchmark results\n"
heading = "## Tile throughput on PostGIS and cold PNG renders"
pattern = re.compile(r"^" + re.escape(heading) + r".*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda _: section + "\n", text, count=1) if pattern.search(text) else text.rstrip() + "\n\n" + section
open(path, "w").write(text.rstrip() + "\n")
print(section)
PY
echo "written to $root/bench/RESULTS.md" >&2
