#!/usr/bin/env bash
# Light requests while heavy ones run (issue #14): /health and point assessments at a fixed rate (open loop,
# `bench/run rate`) in three phases of SECONDS (default 15) each: idle (the baseline), while four heavy siting
# requests (all of Denmark at CELLS, default 100 110 120 130 m: seconds each as rasters) run, and right after their clients are killed. Writes the subsection
# "Heavy work" of the Reliability section of bench/RESULTS.md (other sections are kept).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${PORT:-5198}"
url="http://127.0.0.1:$port"
rate="${RATE:-50}"
seconds="${SECONDS_PER_PHASE:-15}"
cells="${CELLS:-100 110 120 130}"
work="$(mktemp -d)"
dotnet build "$root/src/VeSiting.Api/VeSiting.Api.csproj" -c Release --nologo -v quiet >/dev/null
dotnet build "$root/bench/VeSiting.Bench/VeSiting.Bench.csproj" -c Release --nologo -v quiet >/dev/null
client() { VESITING_HOME="$root" dotnet "$root/bench/VeSiting.Bench/bin/Release/net10.0/vesiting-bench.dll" "$@"; }
source "$root/bench/lib.sh"
heavy_pids=()
trap 'for p in "${heavy_pids[@]}"; do kill "$p" 2>/dev/null || true; done; stop_apis; rm -rf "$work"' EXIT
start_api "$url" "$work/server.log"

# /health and 100 random point assessments in Denmark (seed 42), alternating.
python3 - "$work" <<'PY'
import random, sys
random.seed(42)
lines = []
for _ in range(100):
    lines += ["/health", f"/api/assess/site?e={random.uniform(450000, 720000):.0f}&n={random.uniform(6080000, 6350000):.0f}"]
open(f"{sys.argv[1]}/paths.txt", "w").write("\n".join(lines) + "\n")
PY
while read -r p; do curl -s -o /dev/null "$url$p"; done < "$work/paths.txt"

measure() { client rate --url "$url" --rate "$rate" --seconds "$seconds" --warmup 2 --paths "$work/paths.txt" --json > "$work/$1.json"; }
measure idle
for cell in $cells; do
  curl -s -o /dev/null -w "%{http_code}\n" -m 900 "$url/api/sites?area=denmark&cell=$cell&limit=1" > "$work/heavy-$cell.txt" &
  heavy_pids+=($!)
done
sleep 2
measure busy
for p in "${heavy_pids[@]}"; do kill "$p" 2>/dev/null || true; done
heavy_pids=()
measure aborted

python3 - "$root/bench/RESULTS.md" "$work" "$rate" "$seconds" "$(date -u '+%Y-%m-%d %H:%M')" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$cells" <<'PY'
import json, re, sys
path, work, rate, seconds, date, cores, load, cells = sys.argv[1:]
rows = []
for phase, what in [("idle", "idle (baseline)"), ("busy", "while 4 heavy siting requests run"), ("aborted", "right after their clients are killed")]:
    r = json.load(open(f"{work}/{phase}.json"))["report"]
    i = r["from_intended"]
    rows.append(f"| {what} | {r['achieved_rate']:.1f} | {r['responses']} | {r['non2xx']} | {r['errors']} | {i['p50']:.2f} | {i['p90']:.2f} | **{i['p99']:.2f}** | {i['max']:.2f} |")
section = f"""### Heavy work: light requests while heavy ones run (bench/heavy.sh)

- Date: {date} UTC; {cores} cores shared with other work (load average {load} at the end); embedded engine, Release build, default heavy-work budget (`HeavyConcurrency` = half the cores, queue 8, 120 s).
- Command: `bash bench/heavy.sh` (RATE={rate}, SECONDS_PER_PHASE={seconds}): `/health` and point assessments alternating, `bench/run rate --rate {rate} --seconds {seconds}` (open loop, latency from the intended send time) in each phase; the heavy requests are `GET /api/sites?area=denmark&cell=C` for C in {cells} m by curl, killed before the last phase.

| phase | achieved /s | responses | non-2xx | errors | p50 ms | p90 ms | p99 ms | max ms |
|---|---|---|---|---|---|---|---|---|
""" + "\n".join(rows) + "\n"
text = open(path).read()
pattern = re.compile(r"### Heavy work: light requests while heavy ones run \(bench/heavy.sh\)\n.*?(?=\n## |\n### |\Z)", re.S)
if pattern.search(text):
    text = pattern.sub(section.rstrip("\n") + "\n", text)
else:
    anchor = "\n## PNG tiles vs. MapServer 8"
    text = text.replace(anchor, "\n" + section + anchor, 1) if anchor in text else text + "\n" + section
open(path, "w").write(text)
print(section)
PY
