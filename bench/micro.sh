#!/usr/bin/env bash
# Micro-benchmarks with BenchmarkDotNet (bench/VeSiting.Benchmarks: short runs in one process, each benchmark class
# with its baseline, so the table shows ratios from the same run). Writes the section "Micro-benchmarks
# (BenchmarkDotNet)" of bench/RESULTS.md (other sections are kept). FILTER selects benchmarks (default '*').
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
filter="${FILTER:-*}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date +%s)
( cd "$root" && VESITING_HOME="$root" dotnet run -c Release --project bench/VeSiting.Benchmarks -- --filter "$filter" --artifacts "$work" )
elapsed=$(( $(date +%s) - started ))
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

results="$root/bench/RESULTS.md"
python3 - "$results" "$work/results" "$filter" "$(date -u '+%Y-%m-%d %H:%M')" "$(nproc)" "$load_before" "$load_after" "$elapsed" <<'PY'
import os, re, sys
path, reports, filter_, date, cores, load_before, load_after, elapsed = sys.argv[1:]
# One GitHub-Markdown report per benchmark class: the environment block once, then each class's table.
tables, environment = [], None
for name in sorted(f for f in os.listdir(reports) if f.endswith("-report-github.md")):
    text = open(os.path.join(reports, name)).read().strip()
    at = text.find("\n|")  # the table begins at the first line starting with "|"
    head, table = text[:at].strip(), text[at:]
    environment = environment or head
    title = name.removesuffix("-report-github.md").split(".")[-1]
    tables.append(f"**{title}**\n\n{table.strip()}")
table = (environment or "") + "\n\n" + "\n\n".join(tables)
section = f"""## Micro-benchmarks (BenchmarkDotNet)

- Date: {date} UTC; machine: {cores} cores shared with other processes (load average {load_before} before, {load_after} after); the run took {int(elapsed) // 60} min {int(elapsed) % 60} s.
- Command: `bash bench/micro.sh`, i.e. `dotnet run -c Release --project bench/VeSiting.Benchmarks -- --filter '{filter_}'`.
- Job: ShortRun with 9 measured iterations instead of 3 (1 launch, 3 warm-up), in process (`InProcessEmitToolchain`), so the real data set is loaded once. The machine is shared, so the error columns are wide: read the **Ratio** column (each class against its `Baseline = true` benchmark, same run) and the medians.
- Input: covered plants in operation from the real register (wind ≥ 25 m total height, solar ≥ 500 kW); 200,000 **synthetic** dwellings (`SyntheticDwellings.Generate`, seed 42); site assessments at 64 random points in Denmark's bounding box, per assessment (`OperationsPerInvoke`). Indexes are built in the setup and not timed; each setup checks that the engine and its baseline agree.

{table}
"""
text = open(path).read() if os.path.exists(path) else "# Benchmark results\n"
heading = "## Micro-benchmarks (BenchmarkDotNet)"
if heading in text:
    text = re.sub(re.escape(heading) + r"\n.*?(?=\n## |\Z)", lambda _: section.rstrip() + "\n", text, flags=re.S)
else:
    text = text.rstrip() + "\n\n" + section
open(path, "w").write(text)
PY
echo "written to $results"
