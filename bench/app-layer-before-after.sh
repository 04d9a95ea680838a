#!/usr/bin/env bash
# The benchmarks of bench/run (nearest, siting, tiles) before and after a change, in one run on the same machine: the
# benchmark tool of BEFORE (a checkout, e.g. a throwaway `git worktree add --detach DIR REV`) and of AFTER (default: this
# checkout), each built by its own bench/run, on the same data cache (VESITING_CACHE, default .cache/geodata here),
# alternated round by round (before first in odd rounds, after first in even ones) so that the shared machine's load
# falls on both alike. Each round:
#  1. `bench/run nearest --dwellings DWELLINGS --runs RUNS --baseline-runs 0`: the grid's nearest covered plant for every
#     synthetic dwelling, and the 8 × H join; answers: the zones of the nearest turbine, the join's pairs and dwellings.
#  2. `bench/run siting --cells 1000,100 --runs SITING_RUNS --year 2026 --export DIR`: the greenhouse profile over Denmark;
#     answers: land and ranked cells per cell size, and the SHA-256 of the 100 m raster's GeoTIFF.
#  3. `bench/run tiles --dwellings DWELLINGS --runs TILE_RUNS --previous-runs 0`: the densest z14 tile of the synthetic
#     dwellings through the point-layer writer; answers: the tile, its points and its bytes.
# DATA: a checkout whose geodata/ (sources, rules, profiles) both builds read (VESITING_HOME), so that both answer on
# the same data set (default: each its own, which differs where sources were added between the two). The load average
# is read before every benchmark. SECTION names the section of bench/RESULTS.md written (replaced if
# there); CHANGE describes the change compared.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
before="${BEFORE:?set BEFORE to a checkout of the revision to compare with}"
after="${AFTER:-$root}"
rounds="${ROUNDS:-3}"
dwellings="${DWELLINGS:-2800000}"
runs="${RUNS:-5}"
siting_runs="${SITING_RUNS:-3}"
tile_runs="${TILE_RUNS:-21}"
data_home="${DATA:-}"
section="${SECTION:-Before and after (bench/app-layer-before-after.sh)}"
export VESITING_CACHE="${VESITING_CACHE:-$root/.cache/geodata}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
started="$(date -u '+%Y-%m-%d %H:%M UTC')"

echo "== building the benchmark tool of $before and $after (Release)" >&2
"$before/bench/run" --help >/dev/null
"$after/bench/run" --help >/dev/null

bench() { # bench NAME TREE ROUND: the three benchmarks of one tree, each output kept
  local name="$1" tree="$2" round="$3" out="$work/$1-$3"
  mkdir -p "$out"
  export VESITING_HOME="${data_home:-$tree}"
  echo "$(cut -d' ' -f1-3 /proc/loadavg)" > "$out/load-nearest"
  "$tree/bench/run" nearest --dwellings "$dwellings" --runs "$runs" --baseline-runs 0 > "$out/nearest.txt" 2>&1
  echo "$(cut -d' ' -f1-3 /proc/loadavg)" > "$out/load-siting"
  "$tree/bench/run" siting --cells 1000,100 --runs "$siting_runs" --year 2026 --export "$out/siting" > "$out/siting.txt" 2>&1
  sha256sum "$out/siting/vesiting-100m.tif" | cut -d' ' -f1 > "$out/siting-sha256"
  rm -f "$out/siting/"*.tif "$out/siting/"*.geojson
  echo "$(cut -d' ' -f1-3 /proc/loadavg)" > "$out/load-tiles"
  "$tree/bench/run" tiles --dwellings "$dwellings" --runs "$tile_runs" --previous-runs 0 > "$out/tiles.txt" 2>&1
}

for round in $(seq 1 "$rounds"); do
  order=(before after)
  (( round % 2 == 0 )) && order=(after before)
  for which in "${order[@]}"; do
    tree="$after"; [[ "$which" == before ]] && tree="$before"
    echo "== round $round: $which ($tree)" >&2
    bench "$which" "$tree" "$round"
  done
done
finished="$(date -u '+%H:%M UTC')"

python3 - "$root/bench/RESULTS.md" "$work" "$rounds" "$started" "$finished" "$section" "$(git -C "$before" rev-parse --short HEAD)" "$(git -C "$after" rev-parse --short HEAD)" \
  "$dwellings" "$runs" "$siting_runs" "$tile_runs" "${data_home:+$(git -C "$data_home" rev-parse --short HEAD)}" <<'PY'
import json, os, re, statistics, sys
path, work, rounds, started, finished, section, base, head, dwellings, runs, siting_runs, tile_runs, data_rev = sys.argv[1:]
rounds = int(rounds)

def read(name, rnd, file):
    return open(f"{work}/{name}-{rnd}/{file}").read()

def figures(name, rnd):
    nearest, siting, tiles = read(name, rnd, "nearest.txt"), read(name, rnd, "siting.txt"), read(name, rnd, "tiles.txt")
    f = {}
    f["grid"] = float(re.search(r"^grid: median ([\d.]+) s", nearest, re.M).group(1))
    join = re.search(r"^8 × H join: median ([\d.]+) s, ([\d,]+) pairs, ([\d,]+) dwellings", nearest, re.M)
    f["join"] = float(join.group(1))
    zones = re.search(r"Zones of the nearest covered turbine: (.*)$", nearest, re.M).group(1).rstrip(".")
    for cell in ("1000", "100"):
        m = re.search(rf"^{cell} m: .* median ([\d.]+) s, CPU ([\d.]+) s", siting, re.M)
        f[f"siting{cell}"] = float(m.group(1))
        f[f"siting{cell}cpu"] = float(m.group(2))
    fig = json.load(open(f"{work}/{name}-{rnd}/siting/figures.json"))
    tile = re.search(r"^densest z14 tile: (\S+) with", tiles, re.M).group(1)
    writer = re.search(r"^VeSiting point-layer writer: median ([\d.]+) ms, ([\d,]+) points, ([\d,]+) bytes", tiles, re.M)
    f["tile"] = float(writer.group(1))
    answers = {
        "nearest zones": zones,
        "8 × H join": f"{join.group(2)} pairs, {join.group(3)} dwellings",
        "siting cells": "; ".join(f"{int(s['cell'])} m: {s['Columns']} × {s['Rows']}, {s['land']:,} land, {s['ranked']:,} ranked" for s in fig["sizes"]),
        "siting 100 m GeoTIFF SHA-256": read(name, rnd, "siting-sha256").strip()[:16] + "…",
        "densest tile": f"{tile}: {writer.group(2)} points, {writer.group(3)} bytes",
    }
    loads = {k: read(name, rnd, f"load-{k}").strip() for k in ("nearest", "siting", "tiles")}
    return f, answers, loads

data = {w: [figures(w, r) for r in range(1, rounds + 1)] for w in ("before", "after")}
rows = [
    ("grid", "nearest covered plant for every dwelling (grid, all cores)", "s"),
    ("join", "dwellings within 8 × H of a covered turbine (join)", "s"),
    ("siting1000", "siting raster, greenhouse, 1000 m (wall)", "s"),
    ("siting1000cpu", "siting raster, greenhouse, 1000 m (CPU, all threads)", "s"),
    ("siting100", "siting raster, greenhouse, 100 m (wall)", "s"),
    ("siting100cpu", "siting raster, greenhouse, 100 m (CPU, all threads)", "s"),
    ("tile", "densest z14 dwelling tile, point-layer writer", "ms"),
]
out = [f"## {section}", ""]
out.append(f"- Date: {started} to {finished}; 2 cores shared with other work (load averages below): compare the columns of the same run, not the absolute figures with other sections.")
out.append(f"- Command: `BEFORE=<checkout of {base}> {f'DATA=<checkout of {data_rev}> ' if data_rev else ''}ROUNDS={rounds} DWELLINGS={dwellings} RUNS={runs} SITING_RUNS={siting_runs} TILE_RUNS={tile_runs} bash bench/app-layer-before-after.sh`; "
           f"before = {base}, after = {head}; data: {f'the geodata of {data_rev} for both' if data_rev else 'each its own geodata'}; each figure is the benchmark's own median over its runs, one per round; rounds alternate which build goes first.")
if os.environ.get("CHANGE"):
    out.append(f"- {os.environ['CHANGE']}")
out.append("")
out.append("| benchmark | before, per round | after, per round | after / before (median of rounds) |")
out.append("|---|---|---|---|")
for key, label, unit in rows:
    b = [d[0][key] for d in data["before"]]
    a = [d[0][key] for d in data["after"]]
    fmt = (lambda v: f"{v:.3f}") if unit == "s" else (lambda v: f"{v:.1f}")
    out.append(f"| {label} | {', '.join(fmt(v) for v in b)} {unit} | {', '.join(fmt(v) for v in a)} {unit} | **{statistics.median(a) / statistics.median(b):.2f}** |")
out.append("")
out.append("Answers (every round of both builds):")
out.append("")
out.append("| answer | before | after | same |")
out.append("|---|---|---|---|")
for key in data["before"][0][1]:
    b = {d[1][key] for d in data["before"]}
    a = {d[1][key] for d in data["after"]}
    out.append(f"| {key} | {' / '.join(sorted(b))} | {' / '.join(sorted(a))} | {'yes' if a == b and len(a) == 1 else '**no**'} |")
out.append("")
out.append("Load average (1, 5, 15 min) before each benchmark: " + "; ".join(
    f"round {r + 1} {w}: " + ", ".join(f"{k} {v}" for k, v in data[w][r][2].items()) for r in range(rounds) for w in ("before", "after")) + ".")
text = "\n".join(out) + "\n"
doc = open(path).read()
pattern = re.compile(rf"^## {re.escape(section)}[ \t]*\n.*?(?=^## |\Z)", re.M | re.S)
doc = pattern.sub(lambda m: text + "\n", doc, count=1) if pattern.search(doc) else doc.rstrip() + "\n\n" + text
open(path, "w").write(doc.rstrip() + "\n")
print(text)
PY
echo "written to $root/bench/RESULTS.md" >&2
