#!/usr/bin/env bash
# National-scale OpenStreetMap: a synthetic Denmark of the real extract's order (bench/synthetic_osm.py over the
# dwellings of `vesiting synth dwellings`: ADDRESSES address nodes, BUILDINGS building ways, roads up to about NODES
# nodes; labelled synthetic), written as OPL and made into .osm.pbf by osmium-tool (kept in .cache/osm-national/ and reused), then
#  0. the baseline, osmium-tool (Debian) extracting the same tags from the same file: `osmium tags-filter` for
#     addr:housenumber, building and power on nodes, ways and relations;
#  1. `vesiting data add osm FILE`: the one streamed pass, which also writes the extract cache beside the copy (wall time,
#     CPU time, peak memory);
#  2. the embedded load: every source read (the OSM records from the extract cache, not the PBF) and indexed by
#     `vesiting nearest -v`;
#  3. with $VESITING_BENCH_DB: `vesiting import` into PostGIS (binary COPY of every table in one transaction).
# Peak memory is GNU time's maximum resident set size. Uses its own cache folder under a scratch folder, never geodata/.
# Writes the "## National OpenStreetMap" section of bench/RESULTS.md (other sections are kept).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
addresses="${ADDRESSES:-2500000}"
buildings="${BUILDINGS:-4000000}"
nodes="${NODES:-50000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
vesiting="$root/vesiting"
timed() { local label="$1"; shift; /usr/bin/time -f "$label %e %M %U %S" -a -o "$work/times.txt" "$@"; }

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
cache="$work/cache"
"$vesiting" data fetch --cache "$cache" --format csv >/dev/null 2>&1  # also builds the command line, so no timed step includes a build
# The synthetic file takes many minutes to write at the full size: it is kept in the ignored .cache/osm-national/ (by
# its sizes) and reused by later runs; the OPL stream goes straight into osmium, never to disk.
synthetic="$root/.cache/osm-national"
file="$synthetic/denmark-synthetic-a$addresses-b$buildings-n$nodes.osm.pbf"
if [[ ! -s "$file" ]]; then
  mkdir -p "$synthetic"
  "$vesiting" synth dwellings --output "$work/dwellings.csv" >/dev/null
  /usr/bin/python3 "$root/bench/synthetic_osm.py" "$work/dwellings.csv" "$addresses" "$buildings" "$nodes" 2> "$file.generated.txt" \
    | osmium cat -F opl - -f pbf -o "$file.partial" --overwrite
  mv "$file.partial" "$file"
  rm "$work/dwellings.csv"
fi
cp "$file.generated.txt" "$work/generated.txt"
bytes=$(stat -c %s "$file")

timed osmium osmium tags-filter "$file" nwr/addr:housenumber nwr/building nwr/power -o "$work/filtered.osm.pbf" --overwrite
timed add "$vesiting" data add osm "$file" --cache "$cache" --format json > "$work/add.json"
timed embedded "$vesiting" nearest --utm "638500 6150500" --cache "$cache" --verbose --format csv > /dev/null 2> "$work/embedded.log"
postgis=""
if [[ -n "${VESITING_BENCH_DB:-}" ]]; then
  "$vesiting" db migrate --db "$VESITING_BENCH_DB" >/dev/null
  timed import "$vesiting" import --db "$VESITING_BENCH_DB" --cache "$cache" --format json > "$work/import.json"
  postgis=yes
fi

python3 - "$root/bench/RESULTS.md" "$work" "$bytes" "$(nproc)" "$postgis" "$(date -u '+%Y-%m-%d %H:%M UTC')" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" "$addresses" "$buildings" "$nodes" <<'PY'
import json, os, re, sys
results, work, size, cores, postgis, when, load_before, load, addresses, buildings, nodes = sys.argv[1:12]
sys.path.insert(0, os.path.dirname(results))  # bench/, beside RESULTS.md
from bench_times import met, read_times
times = read_times(work)
generated = open(f"{work}/generated.txt").read().strip()
add = json.load(open(f"{work}/add.json"))["summary"]
log = open(f"{work}/embedded.log").read()
loaded = re.search(r"Loaded data version \S+ in ([\d.]+) s", log)
indexed = re.search(r"Indexed in ([\d.]+) s", log)
committed = json.load(open(f"{work}/import.json"))["summary"].get("committed_in_s") if postgis else None
def row(label, key, goal_s, note):
    s, mb, cpu = times[key]
    goal = f"≤ {goal_s} s: {met(s, goal_s)}; ≤ 2,048 MB: {met(mb, 2048)}" if goal_s else ""
    return f"| {label} | {s:.1f} s | {cpu:.1f} s | {mb:,.0f} MB | {goal} | {note} |"
lines = [
    "## National OpenStreetMap (bench/osm-national.sh)",
    "",
    f"Date: {when}; {cores} cores, shared with other work (load average {load_before} before, {load} at the end). "
    f"Synthetic Denmark (labelled synthetic: streets \"Syntetisk vej …\", source=synthetic) from bench/synthetic_osm.py, made PBF by osmium-tool: {generated}; "
    f"{int(size) / 1e6:,.0f} MB. Command: `VESITING_BENCH_DB='Host=…' bash bench/osm-national.sh` "
    f"(ADDRESSES={addresses}, BUILDINGS={buildings}, NODES={nodes}).",
    "",
    "| Step | Wall time | CPU time (user + system) | Peak memory (RSS) | Goal | Notes |",
    "|---|---:|---:|---:|---|---|",
    row("Baseline: `osmium tags-filter FILE nwr/addr:housenumber nwr/building nwr/power` (osmium-tool, C++)", "osmium", None, "the same tags, written to a PBF"),
    row("`vesiting data add osm FILE` (one streamed pass: PBF blocks decoded on 2 threads, check, copy into the cache, extract cache written)", "add", 60, f"{add['records_read']:,} records (addresses, buildings, plants)"),
    row("Embedded load (`vesiting nearest -v`: every source read, OSM from the extract cache, merged, then indexed)", "embedded", 60, f"read and merged in {loaded.group(1) if loaded else '?'} s, indexed in {indexed.group(1) if indexed else '?'} s, as the command reports"),
]
if postgis:
    lines.append(row("`vesiting import` into PostGIS (every source read again, OSM from the extract cache; binary COPY of every table in one transaction)", "import", 90, f"copied and committed in {committed} s, as the command reports (the rest: reading the sources)"))
else:
    lines.append("| PostGIS | not run | | | | set VESITING_BENCH_DB |")
ratio = times["add"][0] / times["osmium"][0] if times["osmium"][0] > 0 else float("nan")
cpu_ratio = times["add"][2] / times["osmium"][2] if times["osmium"][2] > 0 else float("nan")
lines += ["", f"Ratio to the baseline (the pass of `data add osm` against osmium's tags-filter): {ratio:.1f}× by wall time, "
          f"{cpu_ratio:.1f}× by CPU time (the machine's other work stretches wall times, not CPU times). "
          "Goals: embedded load ≤ 60 s, PostGIS import ≤ 90 s, peak memory ≤ 2 GB on 2 cores.", ""]
section = "\n".join(lines)
text = open(results).read()
pattern = re.compile(r"## National OpenStreetMap \(bench/osm-national.sh\)\n.*?(?=\n## |\Z)", re.S)
text = pattern.sub(lambda _: section, text, count=1) if pattern.search(text) else text.rstrip() + "\n\n" + section
open(results, "w").write(text)
print(section)
PY
echo "written to $root/bench/RESULTS.md" >&2
