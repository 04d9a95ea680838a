#!/usr/bin/env bash
# The tariff proposal's national impact over the synthetic dwellings (≈ 2.8 million, labelled synthetic):
#  1. `bench/run impact --export`: every scenario zoned and added up by VeSiting (ScenarioZoner.ZoneAll + the calculator),
#     cold on every core and on one, and from the cache (a second request of the same scenario and data edition);
#  2. the baseline, bench/impact_numpy.py: the same zoning written the straightforward NumPy way (Debian's python3-numpy),
#     on the same dwellings and covered plants, which also counts the dwellings whose zone differs from VeSiting's.
# Goal: national impact ≤ 2 s. Writes the "## Tariff proposal: national impact" section of bench/RESULTS.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-5}"
# SCENARIOS="banded-distance capacity-weighted" times only those (default: every scenario of the library).
scenario_args=()
for s in ${SCENARIOS:-}; do scenario_args+=(--scenario "$s"); done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
"$root/bench/run" impact --runs "$runs" "${scenario_args[@]}" --export "$work" > "$work/vesiting.json"
/usr/bin/python3 "$root/bench/impact_numpy.py" "$work" "$root/geodata/tariffs/scenarios" 1 > "$work/numpy.json"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 - "$work" "$root/bench/RESULTS.md" "$runs" "$load_before" "$load_after" <<'PY'
import datetime, json, os, re, sys
sys.path.insert(0, os.path.dirname(sys.argv[2]))
from bench_times import met
work, results, runs, before, after = sys.argv[1:6]
selected = os.environ.get("SCENARIOS", "").split()
prefix = 'SCENARIOS="' + " ".join(selected) + '" ' if selected else ""
v = json.load(open(f"{work}/vesiting.json"))
n = json.load(open(f"{work}/numpy.json"))
base = {s["scenario"]: s for s in n["scenarios"]}
goal = 2.0
lines = ["## Tariff proposal: national impact", "",
         f"- Date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; {v['cores']} cores (shared: load average {before} before, {after} after); price stack {v['priceStack']}.",
         f"- Command: `{prefix}RUNS={runs} bash bench/impact.sh`: `bench/run impact` and its NumPy baseline `bench/impact_numpy.py` (NumPy {n['numpy']}) on the same data.",
         f"- Input: {v['dwellings']:,} **synthetic** dwellings (seed {v['seed']}; municipal population / 2.13 persons per dwelling, uniform in each municipality; generated once in {v['generateSeconds']:.1f} s, not counted), the real register's plants, each scenario's covered plants.",
         "- Cold: every dwelling zoned and the national answer added up (zones, municipalities, who pays), wall-clock median; CPU time: what the cold runs on all cores used of the processors (all threads together; on a machine shared with other work the wall clock waits for the processors, the CPU time does not). Cached: the same request again over the same data edition (`ProposalImpactCache`: households and zones kept, the answer added up again).",
         "",
         "| scenario | basis, reach | covered plants | VeSiting cold, all cores | CPU time (cold) | one core | cached | NumPy baseline | NumPy / VeSiting | zones differing | goal ≤ 2 s (cold) |",
         "|---|---|---|---|---|---|---|---|---|---|---|"]
for s in v["scenarios"]:
    b = base.get(s["scenario"])
    ratio = f"{b['medianSeconds'] / s['medianSeconds']:.1f} ×" if b else "–"
    lines.append(f"| {s['scenario']} | {s['basis']}, {s['reachM'] / 1000:g} km | {s['coveredPlants']:,} | {s['medianSeconds']:.3f} s | {s['cpuMedianSeconds']:.3f} s | {s['oneCoreMedianSeconds']:.3f} s | "
                 f"{s['cachedMedianSeconds']:.3f} s | {b['medianSeconds']:.2f} s | {ratio} | {b['differ'] if b else '–'} | {met(s['medianSeconds'], goal)} |")
lines.append("")
lines.append("Households per zone (VeSiting; the NumPy counts are the same where 'zones differing' is 0):")
lines.append("")
for s in v["scenarios"]:
    zones = ", ".join(f"{z['zone'] or 'outside'} {z['households']:,}" for z in s["zones"])
    uplift = f"{s['upliftOrePerKwh']:.2f} øre/kWh" if s["upliftOrePerKwh"] is not None else "none"
    lines.append(f"- {s['scenario']}: {zones}; revenue-neutral increase outside the zones {uplift} (proposal/estimate)")
section = "\n".join(lines) + "\n"
text = open(results).read() if os.path.exists(results) else "# Benchmark results\n"
pattern = re.compile(r"## Tariff proposal: national impact\n.*?(?=\n## |\Z)", re.S)
text = pattern.sub(section.rstrip("\n") + "\n", text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
open(results, "w").write(text)
print(section)
PY
