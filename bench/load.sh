#!/usr/bin/env bash
# Bounded load runs on loopback only (127.0.0.1): cached tile throughput, point assessments, and a mixed soak of
# tiles and assessments (≤ 60 s) with non-2xx counts and memory before/after. Appends the figures to bench/RESULTS.md.
# Needs wrk (Debian package `wrk`; installed here when missing).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${PORT:-5097}"
url="http://127.0.0.1:$port"
soak="${SOAK_SECONDS:-45}"
work="$(mktemp -d)"
command -v wrk >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null
dotnet build "$root/src/VeSiting.Api/VeSiting.Api.csproj" -c Release --nologo -v quiet >/dev/null
source "$root/bench/lib.sh"
trap 'stop_apis; rm -rf "$work"' EXIT
start_api "$url" "$work/server.log"
pid=${api_pids[-1]}
rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status"; }

# Tile paths over Denmark (z10 plants, boundaries, scheme zones; z12 dwellings around Odense and Copenhagen) and assessment points.
python3 - "$work" "$root/bench" <<'PY'
import random, sys
work = sys.argv[1]
sys.path.insert(0, sys.argv[2])
from tile_paths import mixed_tiles
tiles = mixed_tiles()
random.seed(42)
points = [f"/api/assess/site?e={random.uniform(450000, 720000):.0f}&n={random.uniform(6080000, 6350000):.0f}" for _ in range(300)]
open(f"{work}/tiles.txt", "w").write("\n".join(tiles) + "\n")
open(f"{work}/points.txt", "w").write("\n".join(points) + "\n")
open(f"{work}/mixed.txt", "w").write("\n".join(tiles + points) + "\n")
PY
# Warm the tile cache (the first render of each tile is not what the throughput run measures).
while read -r p; do curl -s -o /dev/null "$url$p"; done < "$work/tiles.txt"
rss_start=$(rss)

run() { wrk -t2 -c"$2" -d"$3"s --latency -s "$root/bench/wrk-paths.lua" "$url" -- "$work/$1" | grep '^JSON' | sed 's/^JSON //'; }
cached=$(run tiles.txt 32 15)
points=$(run points.txt 16 15)
rss_mid=$(rss)
mixed=$(run mixed.txt 32 "$soak")
rss_end=$(rss)
echo "cached tiles: $cached"; echo "assessments: $points"; echo "mixed soak: $mixed"; echo "memory MB: $rss_start → $rss_mid → $rss_end"

field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
results="$root/bench/RESULTS.md"
python3 - "$results" <<PY
import sys, re
path = sys.argv[1]
text = open(path).read() if __import__('os').path.exists(path) else "# Benchmark results\n"
section = """## Load on loopback (bench/load.sh)

- Date: $(date -u '+%Y-%m-%d %H:%M') UTC; $(nproc) cores; server and wrk (2 threads) on the same machine, 127.0.0.1 only; embedded engine.
- Command: \`bash bench/load.sh\` (SOAK_SECONDS=$soak).

| run | connections | seconds | requests/s | p50 | p99 | non-2xx | socket errors |
|---|---|---|---|---|---|---|---|
| cached MVT tiles ($(wc -l < "$work/tiles.txt") paths, warmed) | 32 | $(field "$cached" seconds) | $(field "$cached" rps) | $(field "$cached" p50_ms) ms | $(field "$cached" p99_ms) ms | $(field "$cached" non2xx) | $(field "$cached" socket_errors) |
| point assessments (/api/assess/site, 300 random points) | 16 | $(field "$points" seconds) | $(field "$points" rps) | $(field "$points" p50_ms) ms | $(field "$points" p99_ms) ms | $(field "$points" non2xx) | $(field "$points" socket_errors) |
| mixed soak: tiles and assessments | 32 | $(field "$mixed" seconds) | $(field "$mixed" rps) | $(field "$mixed" p50_ms) ms | $(field "$mixed" p99_ms) ms | $(field "$mixed" non2xx) | $(field "$mixed" socket_errors) |

- Resident memory of the server: $rss_start MB after warm-up, $rss_mid MB before the soak, $rss_end MB after it.
"""
text = re.sub(r"## Load on loopback.*?(?=\n## |\Z)", "", text, flags=re.S).rstrip() + "\n\n" + section
open(path, "w").write(text)
PY
echo "written to $results"
