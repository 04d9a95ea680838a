#!/usr/bin/env bash
# Tiles before and after a change, same machine, same moment, loopback only: the service at BASE (a git revision,
# built from `git archive` into a scratch folder) and the working tree's, both Release on the embedded engine,
# alternated round by round so that the shared machine's load falls on both alike.
#  1. Cached MVT tiles: the paths of bench/load.sh without the scheme rings (z10 plants and boundaries, z12 dwellings),
#     warmed, then wrk -t2 -c32 for SECONDS per round (ROUNDS rounds each); then one round each on all 242 paths of
#     bench/load.sh, scheme rings included.
#  2. Uncached MVT tiles (the tile cache off: every request encodes its tile): the same paths layer by layer (plants,
#     dwellings, boundaries, scheme rings), wrk -t2 -c4 for SECONDS per round and layer, ROUNDS rounds, base and working
#     tree alternated (which goes first alternates too), with the service's CPU time per tile from /proc: what a tile
#     costs to make.
#  3. Suitability tiles from the cached 100 m greenhouse raster with the tile cache off (every tile built from the
#     raster): /api/sites?cell=100 once, a warm-up on tiles around Aalborg (WARM passes, 5: the JIT's tiers settle),
#     then distinct MVT and PNG tiles at
#     zooms 5–20 around Aarhus and Odense, each
#     timed by curl over one keep-alive connection per tile. Baseline tool: gdalwarp + gdal_translate cutting the same
#     tiles (EPSG:3857, 256 px, nearest) out of the same raster's GeoTIFF score band (one process pair per tile).
# DATA=base: both builds read the base revision's geodata/ (sources, rules, profiles; VESITING_HOME) from the same data
# cache (VESITING_CACHE, default .cache/geodata here), for a base older than a source the working tree added (default:
# the working tree's, which such a base cannot read).
# CHANGE="Before: …; after: …" describes the change compared in the section's text.
# Writes the "## Tiles before and after" section of bench/RESULTS.md (other sections are kept).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="${BASE:?set BASE to the git revision to compare with, e.g. BASE=158e680}"
seconds="${SECONDS_PER_ROUND:-15}"
rounds="${ROUNDS:-2}"
port="${PORT:-19460}"
parts="${PARTS:-cached,uncached,suitability}"   # which parts to run; a part not run keeps its figures from the last run
work="$(mktemp -d)"
data_home="$root"
[[ "${DATA:-}" == base ]] && data_home="$work/base"
export VESITING_CACHE="${VESITING_CACHE:-$root/.cache/geodata}"
source "$root/bench/lib.sh"
trap 'stop_apis; rm -rf "$work"' EXIT
for tool in wrk curl gdalwarp gdal_translate; do command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install -y wrk curl gdal-bin)" >&2; exit 1; }; done
started="$(date -u '+%Y-%m-%d %H:%M UTC')"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

echo "== building $base and the working tree (Release)" >&2
mkdir -p "$work/base"
git -C "$root" archive "$base" | tar -x -C "$work/base"
[[ -d "$root/web/node_modules" ]] && ln -s "$root/web/node_modules" "$work/base/web/node_modules"  # MapLibre, without npm
( cd "$work/base/src/VeSiting.Api" && dotnet build -c Release --nologo -v quiet >"$work/base-build.log" 2>&1 ) || { cat "$work/base-build.log" >&2; exit 1; }
( cd "$root/src/VeSiting.Api" && dotnet build -c Release --nologo -v quiet >"$work/build.log" 2>&1 ) || { cat "$work/build.log" >&2; exit 1; }

# start NAME TREE PORT [NAME=VALUE …]: the service of a tree on the data of $data_home (VESITING_HOME).
start() {
  local name="$1" tree="$2" p="$3"
  shift 3
  ( cd "$tree/src/VeSiting.Api" && exec env VESITING_HOME="$data_home" VeSiting__ExpensiveRequestsPerMinute=0 VeSiting__HeavyTimeLimitSeconds=600 "$@" \
      dotnet bin/Release/net10.0/VeSiting.Api.dll --urls "http://127.0.0.1:$p" --contentRoot . >"$work/$name.log" 2>&1 ) &
  api_pids+=($!)
  for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$p/health" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "$name did not start:" >&2; cat "$work/$name.log" >&2; exit 1
}
stop_last() { kill "${api_pids[-1]}"; wait "${api_pids[-1]}" 2>/dev/null || true; unset 'api_pids[-1]'; }

python3 - "$work" "$root/bench" <<'PY'
import sys
work = sys.argv[1]
sys.path.insert(0, sys.argv[2])
from tile_paths import mixed_tiles, tile
tiles = mixed_tiles()
open(f"{work}/mixed.txt", "w").write("\n".join(tiles) + "\n")
# Without the scheme rings: their version string also holds the rules in force, which the hand-made cache (one version
# for all layers, emptied when it changes) took for a new data version, so mixed requests kept emptying it.
open(f"{work}/cached.txt", "w").write("\n".join(t for t in tiles if "/scheme-zones/" not in t) + "\n")
for layer in ("plants", "dwellings", "boundaries", "scheme-zones"):
    open(f"{work}/uncached-{layer}.txt", "w").write("\n".join(t for t in tiles if f"/{layer}/" in t) + "\n")
suitability = set()
for z in range(5, 21):
    for lon, lat in ((10.20, 56.15), (10.39, 55.40)):
        x, y = tile(lon, lat, z)
        for dx, dy in ((0, 0), (1, 0), (0, 1)):
            suitability.add((z, x + dx, y + dy))
open(f"{work}/suitability.txt", "w").write("\n".join(f"{z} {x} {y}" for z, x, y in sorted(suitability)) + "\n")
# Warm-up tiles elsewhere (Aalborg), so that compilation and first-use set-up are not what is timed.
warm = [(z, *tile(9.92, 57.05, z)) for z in range(5, 21)]
open(f"{work}/warm.txt", "w").write("\n".join(f"{z} {x} {y}" for z, x, y in warm) + "\n")
PY

touch "$work/cached-results.txt" "$work/suitability-times.txt"
[[ ",$parts," == *",cached,"* ]] && echo "== cached tiles" >&2
[[ ",$parts," == *",cached,"* ]] && for round in $(seq 1 "$rounds") mixed; do
  paths=cached.txt; [[ "$round" == mixed ]] && paths=mixed.txt
  order="base new"; [[ "$round" =~ ^[0-9]+$ ]] && (( round % 2 == 0 )) && order="new base"
  for which in $order; do
    tree="$root"; [[ "$which" == base ]] && tree="$work/base"
    start "$which" "$tree" "$port"
    while read -r p; do curl -s -o /dev/null "http://127.0.0.1:$port$p"; done < "$work/$paths"
    wrk -t2 -c32 -d"${seconds}s" --latency -s "$root/bench/wrk-paths.lua" "http://127.0.0.1:$port" -- "$work/$paths" \
      | grep '^JSON' | sed "s/^JSON /$which $round /" >> "$work/cached-results.txt"
    stop_last
  done
done

touch "$work/uncached-results.txt"
[[ ",$parts," == *",uncached,"* ]] && echo "== uncached tiles" >&2
[[ ",$parts," == *",uncached,"* ]] && for round in $(seq 1 "$rounds"); do
  order="base new"; (( round % 2 == 0 )) && order="new base"
  for which in $order; do
    tree="$root"; [[ "$which" == base ]] && tree="$work/base"
    start "$which-uncached" "$tree" "$port" VeSiting__TileCacheEntries=0 VeSiting__TileCacheMegabytes=0
    pid="${api_pids[-1]}"   # the service itself: start's subshell execs env, which execs dotnet
    for set in plants dwellings boundaries scheme-zones; do
      while read -r p; do curl -s -o /dev/null "http://127.0.0.1:$port$p"; done < "$work/uncached-$set.txt"   # JIT warm-up
      ticks_before="$(awk '{print $14 + $15}' "/proc/$pid/stat")"
      result="$(wrk -t2 -c4 -d"${seconds}s" --latency -s "$root/bench/wrk-paths.lua" "http://127.0.0.1:$port" -- "$work/uncached-$set.txt" | grep '^JSON')"
      ticks_after="$(awk '{print $14 + $15}' "/proc/$pid/stat")"
      echo "$which $round $set $((ticks_after - ticks_before)) ${result#JSON }" >> "$work/uncached-results.txt"
    done
    stop_last
  done
done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # the service's user + system CPU, in clock ticks
time_tiles() { # NAME PORT: wall time by curl, and the service's CPU time, per tile
  local pid="${api_pids[-1]}"
  while read -r z x y; do
    for fmt in mvt png; do
      local before; before=$(cpu_ticks "$pid")
      read -r code size t < <(curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}\n' "http://127.0.0.1:$2/tiles/suitability/$z/$x/$y.$fmt?profile=greenhouse&cell=100")
      [[ "$code" == 200 ]] || { echo "$1: tile $z/$x/$y.$fmt answered $code" >&2; exit 1; }
      echo "$1 $fmt $z $t $size $(( $(cpu_ticks "$pid") - before ))" >> "$work/suitability-times.txt"
    done
  done < "$work/suitability.txt"
}
[[ ",$parts," == *",suitability,"* ]] && echo "== suitability tiles" >&2
[[ ",$parts," == *",suitability,"* ]] && for which in base new; do
  tree="$root"; [[ "$which" == base ]] && tree="$work/base"
  # Both cache settings: the base knows TileCacheEntries, the working tree TileCacheMegabytes.
  start "$which-suitability" "$tree" "$port" VeSiting__TileCacheEntries=0 VeSiting__TileCacheMegabytes=0
  curl -sf -o /dev/null "http://127.0.0.1:$port/api/sites?profile=greenhouse&cell=100&limit=1"
  for _ in $(seq 1 "${WARM:-5}"); do
    while read -r z x y; do
      for fmt in mvt png; do curl -sf -o /dev/null "http://127.0.0.1:$port/tiles/suitability/$z/$x/$y.$fmt?profile=greenhouse&cell=100"; done
    done < "$work/warm.txt"
  done
  if [[ "$which" == new ]]; then
    curl -sf -o "$work/raster.tif" "http://127.0.0.1:$port/api/sites?profile=greenhouse&cell=100&format=geotiff"
    gdal_translate -q -b 1 "$work/raster.tif" "$work/score.tif" && rm "$work/raster.tif"   # the score band, not timed
  fi
  time_tiles "$which" "$port"
  stop_last
done
[[ ",$parts," == *",suitability,"* ]] && python3 - "$work" <<'PY'
import math, subprocess, sys, time
work = sys.argv[1]
R = 6378137 * math.pi
for line in open(f"{work}/suitability.txt"):
    z, x, y = map(int, line.split())
    n = 2 ** z
    size = 2 * R / n
    xmin, ymax = -R + x * size, R - y * size
    t0 = time.perf_counter()
    subprocess.run(["gdalwarp", "-q", "-overwrite", "-t_srs", "EPSG:3857", "-te", str(xmin), str(ymax - size), str(xmin + size), str(ymax),
                    "-ts", "256", "256", "-r", "near", f"{work}/score.tif", f"{work}/tile.tif"], check=True)
    subprocess.run(["gdal_translate", "-q", "-of", "PNG", "-scale", "0", "100", "0", "255", "-ot", "Byte", f"{work}/tile.tif", f"{work}/tile.png"], check=True)
    with open(f"{work}/suitability-times.txt", "a") as out:
        out.write(f"gdal png {z} {time.perf_counter() - t0} 0 0\n")
PY
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$root/bench/RESULTS.md" "$work" "$started" "$load_before" "$load_after" "$base" "$(git -C "$root" rev-parse --short HEAD)" "$seconds" "$rounds" "$(getconf CLK_TCK)" "$parts" "${WARM:-5}" <<'PY'
import json, os, re, statistics, sys
path, work, started, before, after, base, head, seconds, rounds, ticks, parts, warm = sys.argv[1:]
tick_ms = 1000 / int(ticks)
out = ["## Tiles before and after (bench/tiles-before-after.sh)", ""]
out.append(f"- Date: {started}; 2 cores shared with other work (load average {before} before, {after} after): compare the two columns, not the absolute figures with other sections.")
data = " DATA=base" if os.environ.get("DATA") == "base" else ""
out.append(f"- Command: `BASE={base}{data} PARTS={parts} bash bench/tiles-before-after.sh` (SECONDS_PER_ROUND={seconds}, ROUNDS={rounds}, WARM={warm}); after = the working tree at {head}"
           + ("; data: the geodata of the base revision for both." if data else "."))
out.append("- " + os.environ.get("CHANGE", "Before: the hand-made tile cache (a dictionary emptied when full) and suitability cells as NetTopologySuite squares reprojected and clipped; "
           "after: ASP.NET Core output caching (keyed and tagged by data version, one render per tile for concurrent requests) and suitability tiles written from the raster "
           "(MVT polygons in tile units, PNG sampled per pixel)."))
out.append("")
cached_lines = open(f"{work}/cached-results.txt").read().split("\n")
cached_lines = [l for l in cached_lines if l.strip()]
out.append("### Cached MVT tiles (paths of bench/load.sh, warmed; wrk -t2 -c32)")
out.append("")
n_cached = sum(1 for _ in open(f"{work}/cached.txt"))
n_mixed = sum(1 for _ in open(f"{work}/mixed.txt"))
out.append(f"Rounds 1…: the {n_cached} paths without scheme rings; round *mixed*: all {n_mixed} paths. The hand-made cache kept one version for all layers and emptied itself when it changed; "
           "the scheme rings' version also holds the rules in force, so mixed requests kept emptying it (before, *mixed*).")
out.append("")
out.append("| round | build | requests/s | p50 | p99 | non-2xx | socket errors |")
out.append("|---|---|---|---|---|---|---|")
rps = {"base": [], "new": []}
for line in cached_lines:
    which, rnd, js = line.split(" ", 2)
    r = json.loads(js)
    if rnd != "mixed":
        rps[which].append(r["rps"])
    out.append(f"| {rnd} | {'before' if which == 'base' else 'after'} | {r['rps']:,.1f} | {r['p50_ms']} ms | {r['p99_ms']} ms | {r['non2xx']} | {r['socket_errors']} |")
out.append("")
ratio = statistics.median(rps["new"]) / statistics.median(rps["base"]) if rps["new"] and rps["base"] else float("nan")
out.append(f"- Median requests/s after / before over the rounds without scheme rings: **{ratio:.2f}** (goal: cached tiles no slower, i.e. ≥ 1 within noise).")
out.append("")
uncached_lines = [l for l in open(f"{work}/uncached-results.txt").read().split("\n") if l.strip()]
out.append("### Uncached MVT tiles (tile cache off; wrk -t2 -c4)")
out.append("")
out.append("Every request encodes its tile, layer by layer (plants z10, dwellings z12, boundaries z10, scheme rings) over the paths of bench/load.sh. "
           "Rounds alternate which build goes first. *CPU/tile* is the service's own user + system time over the run divided by its requests "
           "(clock ticks of /proc/PID/stat): the machine's other work slows the requests a second but hardly the CPU each takes.")
out.append("")
out.append("| round | layer | build | requests/s | CPU/tile | p50 | p99 | non-2xx | socket errors |")
out.append("|---|---|---|---|---|---|---|---|---|")
urps, ucpu = {}, {}
for line in uncached_lines:
    which, rnd, tset, ticks, js = line.split(" ", 4)
    r = json.loads(js)
    cpu = int(ticks) * tick_ms / max(1, r["requests"])
    urps.setdefault((which, tset), []).append(r["rps"])
    ucpu.setdefault((which, tset), []).append(cpu)
    out.append(f"| {rnd} | {tset} | {'before' if which == 'base' else 'after'} | {r['rps']:,.1f} | {cpu:.3f} ms | {r['p50_ms']} ms | {r['p99_ms']} ms | {r['non2xx']} | {r['socket_errors']} |")
out.append("")
for tset in ("plants", "dwellings", "boundaries", "scheme-zones"):
    if urps.get(("new", tset)) and urps.get(("base", tset)):
        out.append(f"- {tset}: median requests/s after / before **{statistics.median(urps[('new', tset)]) / statistics.median(urps[('base', tset)]):.2f}**, "
                   f"median CPU per tile after / before **{statistics.median(ucpu[('new', tset)]) / statistics.median(ucpu[('base', tset)]):.2f}**.")
out.append("")
out.append("### Suitability tiles from the cached 100 m raster (tile cache off; curl per tile)")
out.append("")
times = {}
cpu = {}
for line in open(f"{work}/suitability-times.txt"):
    which, fmt, z, t, size, used = line.split()
    times.setdefault((which, fmt), {}).setdefault(int(z), []).append(float(t) * 1000)
    cpu.setdefault((which, fmt), {}).setdefault(int(z), []).append(int(used) * tick_ms)
out.append("Wall time per tile by curl (median / p90 / max), and the service's CPU time per tile (its user + system time over the group, divided by the tiles; "
           f"clock ticks of {tick_ms:.0f} ms, so averages only), which the machine's other work does not inflate.")
out.append("")
out.append("| tiles | zooms | n | before: median / p90 / max ms | after: median / p90 / max ms | service CPU per tile, before → after | GDAL gdalwarp + gdal_translate PNG: median ms | goal ≤ 20 ms (after) |")
out.append("|---|---|---|---|---|---|---|---|")
def p90(ts):
    ts = sorted(ts)
    return ts[min(len(ts) - 1, int(round(0.9 * (len(ts) - 1))))]
for fmt in ("mvt", "png"):
    for lo, hi in ((5, 8), (9, 11), (12, 14), (15, 20)):
        def pick(which, f=fmt):
            return [t for z, ts in times.get((which, f), {}).items() if lo <= z <= hi for t in ts]
        b, a, g = pick("base"), pick("new"), pick("gdal", "png")
        if not a or not b:
            continue
        def mean_cpu(which, f=fmt):
            used = [t for z, ts in cpu.get((which, f), {}).items() if lo <= z <= hi for t in ts]
            return sum(used) / len(used)
        gd = f"{statistics.median(g):.1f}" if fmt == "png" and g else "–"
        verdict = "met (max)" if max(a) <= 20 else ("median and CPU met, max **not met**" if statistics.median(a) <= 20 and mean_cpu("new") <= 20 else "**not met**")
        out.append(f"| {fmt.upper()} | z{lo}–{hi} | {len(a)} | {statistics.median(b):.1f} / {p90(b):.1f} / {max(b):.1f} | {statistics.median(a):.1f} / {p90(a):.1f} / {max(a):.1f} | "
                   f"{mean_cpu('base'):.1f} → {mean_cpu('new'):.1f} ms | {gd} | {verdict} |")
out.append("")
out.append("- GDAL cuts each tile out of the GeoTIFF's score band in two processes (their start-up included), the way a static tile pipeline would; it draws no legend colours.")
doc = open(path).read()
old = re.search(r"^## Tiles before and after.*?(?=^## |\Z)", doc, re.M | re.S)
old = old.group(0) if old else ""
def kept(title):
    m = re.search(rf"^### {re.escape(title)}.*?(?=^### |\Z)", old, re.M | re.S)
    return m.group(0).rstrip().split("\n") if m else []
text = "\n".join(out)
parts_out = re.split(r"(?m)^(?=### )", text)
merged = [parts_out[0].rstrip("\n").split("\n")]
for chunk in parts_out[1:]:
    title = chunk.split("\n", 1)[0][4:].split(" (")[0]
    empty = ("Cached MVT" in title and not cached_lines) or ("Uncached MVT" in title and not uncached_lines) or ("Suitability" in title and not times)
    previous = kept(title.split(" (")[0])
    if empty and previous:
        if any(l.startswith("(figures of the") for l in previous):
            merged.append(previous)   # already carried over, with the note of the run it comes from
        else:
            when = re.search(r"- Date: ([^;]+);", old)
            merged.append(previous + ["", f"(figures of the run of {when.group(1) if when else 'an earlier date'}, at its revision: this part was not run this time)"])
    else:
        merged.append(chunk.rstrip("\n").split("\n"))
section = "\n\n".join("\n".join(m) for m in merged) + "\n"
pattern = re.compile(r"^## Tiles before and after.*?(?=^## |\Z)", re.M | re.S)
doc = pattern.sub("", doc).rstrip() + "\n\n" + section
open(path, "w").write(doc)
PY
echo "written to $root/bench/RESULTS.md" >&2
