#!/usr/bin/env bash
# Noise and shadow flicker at national scale and for one layout (issue #22), with a NumPy baseline in the same run:
#  1. `bench/run noise`: noise at 8 m/s (octave bands) at every synthetic dwelling from every wind turbine in operation
#     (NoiseField, all cores; median of RUNS), a 10-turbine layout's dwellings and noise bands at 10 m cells, worst-case
#     flicker (1-minute steps, a year) at every synthetic dwelling within reach of a turbine, one layout's dwellings and one
#     dwelling's calendar. It exports the turbines (positions, hub heights, cut-offs, octave sound powers) and dwellings.
#  2. bench/noise_numpy.py: the same formula in NumPy on the same input, timed once; the levels compared.
#  3. bench/flicker_numpy.py: worst-case flicker in NumPy (every minute of the year at once per dwelling) at a sample of the
#     national dwellings (--flicker-sample, 300 by default: all ~90,000 would take NumPy hours), against VeSiting on one thread
#     on the same sample; the minutes compared.
# Writes the "## Noise and shadow flicker" section of bench/RESULTS.md (other sections are kept).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-3}"
work="$(mktemp -d)"
trap '[[ -n "${KEEP:-}" ]] || rm -rf "$work"' EXIT
echo "work folder: $work" >&2
cd "$root"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u '+%Y-%m-%d %H:%M UTC')"

echo "== VeSiting" >&2
bench/run noise --runs "$runs" --export "$work" ${NOISE_ARGS:-} >"$work/out.txt"
echo "== NumPy" >&2
/usr/bin/python3 bench/noise_numpy.py "$work" >"$work/numpy.json"
if [[ -f "$work/flicker_sample.csv" ]]; then
  echo "== NumPy flicker" >&2
  /usr/bin/python3 bench/flicker_numpy.py "$work" >"$work/flicker_numpy.json"
fi
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$work" "$root/bench/RESULTS.md" "$started" "$load_before" "$load_after" "$runs" <<'PY'
import json, sys
sys.path.insert(0, sys.argv[2].rsplit("/", 1)[0])
from bench_times import met
work, results, started, load_before, load_after, runs = sys.argv[1:7]
f = json.load(open(f"{work}/figures.json"))
n = json.load(open(f"{work}/numpy.json"))
m = json.load(open(f"{work}/method.json"))
nat, lay, fp = f["national"], f["layout"], f["flickerProject"]
fn = f.get("flickerNational")
ratio = n["seconds"] / nat["seconds"]
cpu_ratio = f" ({n['cpuSeconds'] / nat['cpuSeconds']:.1f} × less CPU)" if "cpuSeconds" in n and "cpuSeconds" in nat else ""
def cpu_note(figures, scale, unit):
    return f" ({figures['cpuSeconds'] * scale:.0f} {unit} of CPU over all threads)" if "cpuSeconds" in figures else ""
lines = [
    "## Noise and shadow flicker (bench/noise.sh)",
    "",
    f"- Date: {started}; machine: {f['cores']} cores **shared with other engineers' builds and tests**: load average {load_before} before, {load_after} after the run (figures on a quiet machine would be lower).",
    f"- Command: `bash bench/noise.sh` (RUNS={runs}); {nat['dwellings']:,} **synthetic** dwellings (seed 42), {nat['turbines']:,} wind turbines in operation with a sound power (estimated where no data sheet: `noise-estimates`), largest cut-off {nat['largestCutoffM']:,.0f} m.",
    "",
    "| workload | VeSiting | baseline | ratio | goal |",
    "|---|---|---|---|---|",
    f"| noise at 8 m/s, octave bands, every dwelling (`NoiseField`, all cores; median of {runs}) | {nat['seconds']:.3f} s{cpu_note(nat, 1000, 'ms')} | NumPy, same formula and cut-offs, one thread: {n['seconds']:.3f} s{cpu_note(n, 1000, 'ms')} | {ratio:.1f} × faster{cpu_ratio} | ≤ 2 s: {met(nat['seconds'], 2)}; ≥ 5 ×: {'**met**' if ratio >= 5 else '**not met**'} |",
    *([f"| the same on one thread (as NumPy runs; CPU time compares the two on a shared machine) | {nat['oneThreadSeconds']:.3f} s{cpu_note({'cpuSeconds': nat['oneThreadCpuSeconds']}, 1000, 'ms')} | NumPy, as above | {n['cpuSeconds'] / nat['oneThreadCpuSeconds']:.1f} × less CPU | – |"] if "oneThreadCpuSeconds" in nat and "cpuSeconds" in n else []),
    f"| one 10-turbine layout: noise at its {lay['dwellings']} dwellings (with {lay['existingTurbines']} turbines in operation; store queries included) + bands over {lay['cells']:,} cells of {lay['cellM']:.0f} m (median of {runs}; the bands alone {lay['bandsSeconds'] * 1000:.0f} ms) | {lay['seconds'] * 1000:.0f} ms{cpu_note(lay, 1000, 'ms')} | – | – | ≤ 100 ms: {met(lay['seconds'], 0.1)} |",
]
fnp = json.load(open(f"{work}/flicker_numpy.json")) if fn else None
if fn:
    lines.append(f"| worst-case flicker (1-minute steps, {f.get('year', 2026)}; expected hours computed alongside) at every dwelling within reach of {fn['turbines']:,} turbines in operation or planned: {fn['dwellings']:,} dwellings, {fn['withFlicker']:,} with flicker (all cores) | {fn['seconds']:.1f} s (+ {fn['selectSeconds']:.2f} s selecting them){cpu_note(fn, 1, 's')} | – | – | ≤ 60 s: {met(fn['seconds'], 60)} |")
    fratio = fnp["seconds"] / fn["sampleSecondsOneThread"]
    lines.append(f"| the same at a sample of {fn['sampleDwellings']} of those dwellings (every {fn['dwellings'] // max(1, fn['sampleDwellings']):,}th), one thread each | {fn['sampleSecondsOneThread']:.2f} s | NumPy, every minute of the year per dwelling, one thread: {fnp['seconds']:.1f} s (worst case only) | {fratio:.0f} × faster | – |")
else:
    lines.append("| worst-case flicker at every dwelling within reach of a turbine | not run (`--skip-national-flicker`) | – | – | ≤ 60 s |")
lines += [
    f"| flicker at one layout's {fp['dwellings']} dwellings (10 turbines; store query included; median of {runs}) | {fp['seconds']:.3f} s | – | – | ≤ 1 s: {met(fp['seconds'], 1)} |",
    f"| one dwelling's calendar ({fp['calendarDwelling']}, {fp['calendarSpells']} spells; median of {runs}) | {fp['calendarSeconds'] * 1000:.1f} ms | – | – | ≤ 50 ms: {met(fp['calendarSeconds'], 0.05)} |",
    "",
    f"- Agreement: the NumPy levels differ from VeSiting's by at most {n['maxAbsDifferenceDb']:.4f} dB where both reach a dwelling; {n['reachDisagreements']} dwellings reached by one and not the other. {nat['reached']:,} dwellings are within some turbine's cut-off; {nat['over8OpenCountry']:,} over {m['limitOpenCountry8']:g} and {nat['over8NoiseSensitive']:,} over {m['limitNoiseSensitive8']:g} dB(A) at 8 m/s (the limits of the rules in force) (synthetic dwellings are spread uniformly, some right under turbines).",
    *([f"- Flicker agreement on the sample: NumPy's worst-case minutes differ from VeSiting's at {fnp['differingDwellings']} of {fnp['dwellings']} dwellings (at most {fnp['maxAbsDifferenceMinutes']} minutes; pyproj's and ProjNet's longitudes and latitudes differ in the last digits, which can move a boundary minute); {fnp['totalMinutes']:,} minutes against {fnp['ourTotalMinutes']:,}. NumPy uses VeSiting's Sun table (exported), so the Sun itself is compared elsewhere (the SPA tests against ephem)."] if fnp else []),
    f"- The Sun's year (SPA once an hour, minutes interpolated) is built once in {fp['sunYearSeconds']:.2f} s and shared by every dwelling. Peak working set {f['peakMb']:.0f} MB.",
    "",
]
text = "\n".join(lines) + "\n"
print(text)
old = open(results).read()
head = "## Noise and shadow flicker (bench/noise.sh)"
if head in old:
    before, rest = old.split(head, 1)
    after = rest.split("\n## ", 1)
    old = before + ("## " + after[1] if len(after) > 1 else "")
open(results, "w").write(old.rstrip("\n") + "\n\n" + text)
PY
