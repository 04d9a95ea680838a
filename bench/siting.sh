#!/usr/bin/env bash
# Spin-off siting as a raster (issue #15) against GDAL in the same run, on loopback only:
#  1. `bench/run siting`: the greenhouse profile over the whole of Denmark at each cell size (default 1000 and
#     100 m), data loaded once, one warm-up, then RUNS timed runs; the process's peak working set.
#  2. GDAL on the same machine, same grids, same point layers (exported by step 1 in EPSG:25832): gdal_rasterize of
#     each distance criterion's points (district heating, dwellings, covered plants for the tariff zone), gdal_proximity
#     for their distances, and gdal_calc for the weighted linear sum of those three criteria, worst/best and zone limits
#     read from the profile and scenario files (not typed here). Each step under /usr/bin/time (wall s, peak RSS).
#  3. The service (Release, tile cache off): /api/sites at 100 m once (computes and caches the raster), then distinct
#     suitability tiles (MVT and PNG) at zooms 5–14 around Aarhus and Odense, each timed by curl.
# Writes the "## Spin-off siting as a raster" section of bench/RESULTS.md (other sections are kept).
# Needs gdal-bin (gdal_rasterize, gdal_proximity.py, gdal_calc.py from Debian) and curl.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cells="${CELLS:-1000,100}"
runs="${RUNS:-5}"
port="${PORT:-18515}"
url="http://127.0.0.1:$port"
work="$(mktemp -d)"
source "$root/bench/lib.sh"
trap 'stop_apis; rm -rf "$work"' EXIT
for tool in gdal_rasterize gdal_proximity.py gdal_calc.py curl /usr/bin/time; do command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install -y gdal-bin curl time)" >&2; exit 1; }; done
cd "$root"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u '+%Y-%m-%d %H:%M UTC')"

echo "== VeSiting raster engine" >&2
bench/run siting --cells "$cells" --runs "$runs" --export "$work/in" --year 2026 >&2

echo "== GDAL" >&2
timed() { # timed LABEL CMD…: appends "LABEL seconds peak_kb" to $work/gdal.txt
  local label="$1"; shift
  /usr/bin/time -f "$label %e %M" -a -o "$work/gdal.txt" "$@" >/dev/null 2>>"$work/gdal.log"
}
calc="$(python3 - "$root" <<'PY'
import json, sys
root = sys.argv[1]
profile = json.load(open(f"{root}/geodata/siting/profiles/greenhouse.json"))
scenario = json.load(open(f"{root}/geodata/tariffs/scenarios/{profile['scenario']}.json"))
c = {x["criterion"]: x for x in profile["criteria"]}
def lin(band, spec):
    return f"{spec['weight']}*clip(({band}-({spec['worst']}))/(({spec['best']})-({spec['worst']})),0,1)"
# Power price by zone: the zone's share of the best zone's DSO discount stands in for the price score (same work: a
# threshold cascade on the covered-plant distance).
zones = scenario["zones"]
best = max(z["discounts"].get("dsoTariff", 0) for z in zones)
cascade = "0"
for z in reversed(zones):
    cascade = f"where(C<={z['maxDistance']},{z['discounts'].get('dsoTariff', 0) / best},{cascade})"
print(f"{lin('A', c['heat-distance'])}+{lin('B', c['dwelling-distance'])}+{c['power-price']['weight']}*{cascade}")
PY
)"
for cell in ${cells//,/ }; do
  read -r west south east north < <(python3 -c "import json,sys; f=json.load(open('$work/in/figures.json')); s=[x for x in f['sizes'] if x['cell']==$cell][0]; print(s['West'], s['South'], s['East'], s['North'])")
  for layer in heat dwellings covered; do
    timed "rasterize-$layer-$cell" gdal_rasterize -q -burn 1 -init 0 -ot Byte -a_srs EPSG:25832 -tr "$cell" "$cell" -te "$west" "$south" "$east" "$north" "$work/in/$layer.geojson" "$work/$layer-$cell.tif"
    timed "proximity-$layer-$cell" gdal_proximity.py -q "$work/$layer-$cell.tif" "$work/$layer-$cell-d.tif" -distunits GEO -values 1 -ot Float32
  done
  timed "calc-$cell" gdal_calc.py --quiet -A "$work/heat-$cell-d.tif" -B "$work/dwellings-$cell-d.tif" -C "$work/covered-$cell-d.tif" --outfile="$work/score-$cell.tif" --type=Float32 --calc="$calc"
done

echo "== Service tiles" >&2
( cd src/VeSiting.Api && dotnet build -c Release --nologo -v quiet >"$work/build.log" 2>&1 ) || { echo "the service did not build:" >&2; cat "$work/build.log" >&2; exit 1; }
start_api "$url" "$work/api.log" VeSiting__TileCacheMegabytes=0
read -r code first < <(curl -s -o "$work/first.json" -w '%{http_code} %{time_total}\n' "$url/api/sites?profile=greenhouse&cell=100&limit=1")
[[ "$code" == 200 ]] || { echo "/api/sites answered $code:" >&2; cat "$work/first.json" "$work/api.log" >&2; exit 1; }
python3 - > "$work/tiles.txt" <<'PY'
import math
def tile(lon, lat, z):
    n = 2 ** z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    return x, y
for z in range(5, 15):
    for lon, lat in ((10.20, 56.15), (10.39, 55.40)):
        x, y = tile(lon, lat, z)
        for dx, dy in ((0, 0), (1, 0), (0, 1)):
            print(z, x + dx, y + dy)
PY
sort -u "$work/tiles.txt" | while read -r z x y; do
  for fmt in mvt png; do
    read -r code size t < <(curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}\n' "$url/tiles/suitability/$z/$x/$y.$fmt?profile=greenhouse&cell=100")
    [[ "$code" == 200 ]] || { echo "tile $z/$x/$y.$fmt answered $code" >&2; exit 1; }
    echo "$fmt $z $t $size" >> "$work/tile-times.txt"
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$root/bench/RESULTS.md" "$work" "$started" "$load_before" "$load_after" "$first" "$cells" "$runs" <<'PY'
import json, re, statistics, sys
path, work, started, before, after, first, cells, runs = sys.argv[1:]
f = json.load(open(f"{work}/in/figures.json"))
gdal = {}
for line in open(f"{work}/gdal.txt"):
    parts = line.split()
    if len(parts) == 3 and not line.startswith("Command"):
        gdal[parts[0]] = (float(parts[1]), int(parts[2]))
tiles = {}
for line in open(f"{work}/tile-times.txt"):
    fmt, z, t, size = line.split()
    tiles.setdefault(fmt, {}).setdefault(int(z), []).append(float(t) * 1000)
out = []
out.append("## Spin-off siting as a raster")
out.append("")
out.append(f"- Date: {started}; machine: {f['cores']} cores, .NET {f['dotnet']}; load average {before} before, {after} after "
           "(the machine is shared: figures are of this machine at this time).")
out.append(f"- Command: `CELLS={cells} RUNS={runs} bash bench/siting.sh` (profile {f['profile']}, scenario {f['scenario']}; "
           f"{f['plants']:,} plants, {f['heatPlants']:,} district-heating plants, {f['dwellings']:,} dwellings from the default data set).")
out.append("- VeSiting: every criterion of the profile (power price by tariff zone, heat distance, renewable MW within 10 km, "
           "population within 30 km, dwelling distance), the 4 × H exclusion and the overlay, on all cores; GDAL: the three "
           "distance-based criteria only (rasterize + proximity per layer, then gdal_calc for their weighted sum), one process per step.")
out.append("")
out.append("| cell | grid | land cells | VeSiting all criteria (median wall) | CPU (median, all threads) | runs (s) | VeSiting process peak | GDAL rasterize + proximity × 3 + calc (wall) | GDAL peak RSS (largest step) | goal |")
out.append("|---|---|---|---|---|---|---|---|---|---|")
for s in f["sizes"]:
    c = int(s["cell"])
    steps = {k: v for k, v in gdal.items() if k.endswith(f"-{c}")}
    total = sum(v[0] for v in steps.values())
    peak = max((v[1] for v in steps.values()), default=0) / 1024
    goal = "≤ 3 s, ≤ 1.5 GB" if c == 100 else ("≤ 0.2 s" if c == 1000 else "–")
    met = ""
    if c == 100:
        met = "met" if s["medianSeconds"] <= 3 and s["peakWorkingSetMb"] <= 1500 else "**not met**"
    elif c == 1000:
        met = "met" if s["medianSeconds"] <= 0.2 else "**not met**"
    out.append(f"| {c} m | {s['Columns']:,} × {s['Rows']:,} | {s['land']:,} | **{s['medianSeconds']:.3f} s** | {s['medianCpuSeconds']:.3f} s | "
               f"{', '.join(f'{r:.3f}' for r in s['runs'])} | {s['peakWorkingSetMb']:,.0f} MB | {total:.2f} s | {peak:,.0f} MB | {goal}: {met} |")
out.append("")
out.append("GDAL steps (wall s, peak RSS MB): " + "; ".join(f"{k} {v[0]:.2f} s {v[1] / 1024:.0f} MB" for k, v in gdal.items()) + ".")
out.append("")
out.append(f"- Process peak is the whole `vesiting` process's peak working set (loaded data, all cell sizes run so far, .NET heap); "
           f"allocated per run: " + ", ".join(f"{int(s['cell'])} m {s['allocatedMb']:,.0f} MB" for s in f["sizes"]) + ".")
out.append("- At 1 km the fixed costs dominate. Before they were removed (run of 2026-11-29 21:42 UTC) 1 km took 0.564 s wall, 0.276 s CPU; "
           "CPU per stage (one core): population 80–100 ms (radius sums over 43,000 population cells), power price 25 ms, overlay 19 ms, "
           "much of it loops still in unoptimised tier-0 JIT code. Since then population is summed on its own 1 km lattice as the per-cell "
           "engine sums it (row prefix sums, vectorised), radius sums run over flat sorted arrays, the raster loops are JIT-optimised at once "
           "(AggressiveOptimization) and grids under a million cells run on one thread (handing rows to other threads cost more than the rows).")
out.append(f"- Service: `/api/sites?profile=greenhouse&cell=100&limit=1` answered in {float(first):.2f} s the first time (loads the inputs, computes and caches the raster, explains the best cell).")
out.append("")
out.append("| suitability tile from the cached 100 m raster | tiles | median ms | max ms | goal ≤ 20 ms |")
out.append("|---|---|---|---|---|")
for fmt in ("mvt", "png"):
    zs = sorted(tiles.get(fmt, {}))
    for lo, hi in ((5, 8), (9, 11), (12, 14)):
        ts = [t for z in zs if lo <= z <= hi for t in tiles[fmt][z]]
        if ts:
            out.append(f"| {fmt.upper()} z{lo}–{hi} | {len(ts)} | {statistics.median(ts):.1f} | {max(ts):.1f} | {'met' if max(ts) <= 20 else '**not met**'} |")
out.append("")
out.append("- Tiles are timed by curl over loopback with the tile cache off (`VeSiting__TileCacheMegabytes=0`), so each is built from the raster's arrays.")
section = "\n".join(out) + "\n"
try:
    doc = open(path).read()
except FileNotFoundError:
    doc = "# Benchmark results\n"
pattern = re.compile(r"^## Spin-off siting as a raster[ \t]*\n.*?(?=^## |\Z)", re.M | re.S)
doc = pattern.sub(lambda m: section + "\n", doc, count=1) if pattern.search(doc) else doc.rstrip() + "\n\n" + section
open(path, "w").write(doc.rstrip() + "\n")
print(section)
PY
