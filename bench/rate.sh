#!/usr/bin/env bash
# Point assessments at fixed request rates on loopback only (127.0.0.1): the open-loop client `bench/run rate`
# sends /api/assess/site requests at their intended times and measures latency from those times (coordinated omission
# corrected, as wrk2 does). Runs at each rate in RATES (default 500 2000 4000) for SECONDS (default 20) after a warm-up,
# and writes the section "Point assessments at a fixed rate" of bench/RESULTS.md (other sections are kept).
# NICE (e.g. -5, needs root) runs server and client at that niceness, ahead of other work on a shared machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${PORT:-5197}"
url="http://127.0.0.1:$port"
rates="${RATES:-500 2000 4000}"
seconds="${SECONDS_PER_RATE:-20}"
work="$(mktemp -d)"
nice_cmd=(); [[ -n "${NICE:-}" ]] && nice_cmd=(nice -n "$NICE")
dotnet build "$root/src/VeSiting.Api/VeSiting.Api.csproj" -c Release --nologo -v quiet >/dev/null
dotnet build "$root/bench/VeSiting.Bench/VeSiting.Bench.csproj" -c Release --nologo -v quiet >/dev/null
client() { VESITING_HOME="$root" "${nice_cmd[@]}" dotnet "$root/bench/VeSiting.Bench/bin/Release/net10.0/vesiting-bench.dll" "$@"; }
source "$root/bench/lib.sh"
trap 'stop_apis; rm -rf "$work"' EXIT
api_prefix=("${nice_cmd[@]}")
start_api "$url" "$work/server.log"
server=${api_pids[-1]}
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }   # server user + system time in clock ticks

# The same 300 random points within Denmark as bench/load.sh (seed 42).
python3 - "$work" <<'PY'
import random, sys
random.seed(42)
points = [f"/api/assess/site?e={random.uniform(450000, 720000):.0f}&n={random.uniform(6080000, 6350000):.0f}" for _ in range(300)]
open(f"{sys.argv[1]}/points.txt", "w").write("\n".join(points) + "\n")
PY
# Warm-up: every point once, then 10 s at 1,000 requests/s (JIT, tiered compilation, connection pool).
while read -r p; do curl -s -o /dev/null "$url$p"; done < "$work/points.txt"
client rate --url "$url" --rate 1000 --seconds 10 --warmup 0 --paths "$work/points.txt" >/dev/null

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for rate in $rates; do
  before=$(cpu)
  client rate --url "$url" --rate "$rate" --seconds "$seconds" --warmup 3 --paths "$work/points.txt" --json > "$work/rate-$rate.json"
  after=$(cpu)
  echo "$(( (after - before) ))" > "$work/server-cpu-$rate.txt"
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['report']; print(f\"{r['target_rate']} req/s: achieved {r['achieved_rate']:.1f}, p50 {r['from_intended']['p50']:.3f} ms, p99 {r['from_intended']['p99']:.3f} ms, max {r['from_intended']['max']:.3f} ms, non-2xx {r['non2xx']}, errors {r['errors']}\", *r['warnings'], sep='\n  ')" "$work/rate-$rate.json"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

results="$root/bench/RESULTS.md"
python3 - "$results" "$work" "$seconds" "$rates" "$(date -u '+%Y-%m-%d %H:%M')" "$(nproc)" "$(uname -sr)" "$(dotnet --version)" "$load_before" "$load_after" "$(getconf CLK_TCK)" "${NICE:-}" <<'PY'
import json, os, re, sys
path, work, seconds, rates, date, cores, kernel, sdk, load_before, load_after, clk, nice = sys.argv[1:]
rows, goal = [], None
for rate in rates.split():
    r = json.load(open(f"{work}/rate-{rate}.json"))["report"]
    server_cpu = int(open(f"{work}/server-cpu-{rate}.txt").read()) / int(clk)
    wall = r["scheduled_seconds"] + 3  # the measured run and its 3 s warm-up at the same rate
    i, s, lag = r["from_intended"], r["from_sent"], r["send_lag"]
    kept = "yes" if not r["warnings"] else "**no**"
    rows.append(f"| {r['target_rate']:,} | {r['achieved_rate']:,.1f} | {r['responses']:,} | {r['non2xx']} | {r['errors']} "
                f"| {i['p50']:.2f} | {i['p90']:.2f} | **{i['p99']:.2f}** | {i['p999']:.2f} | {i['max']:.2f} "
                f"| {s['p50']:.2f} / {s['p99']:.2f} | {lag['p99']:.2f} / {lag['max']:.2f} | {r['client_cpu_percent']:.0f} % | {server_cpu / wall * 100:.0f} % | {kept} |")
    if r["target_rate"] == 2000:
        goal = (i["p99"], not r["warnings"])
verdict = ("not measured (2,000 was not among the rates)" if goal is None else
           f"p99 {goal[0]:.2f} ms from the intended send time: goal {'met' if goal[0] <= 5 else '**not met**'}"
           + ("" if goal[1] else " (the client fell behind its schedule in that run, see the table)"))
section = f"""## Point assessments at a fixed rate

- Date: {date} UTC; machine: {cores} cores, {kernel}, .NET SDK {sdk}; embedded engine, Release build, rate limiter off (`VeSiting__ExpensiveRequestsPerMinute=0`).
- Command: `{f"NICE={nice} " if nice else ""}bash bench/rate.sh` (RATES="{rates}", SECONDS_PER_RATE={seconds}); each rate is `bench/run rate --url http://127.0.0.1:PORT --rate R --seconds {seconds} --warmup 3 --paths points.txt` over the 300 random points of bench/load.sh (seed 42), after every point once and 10 s at 1,000/s.
- **Client and server share the {cores} cores** (and 127.0.0.1), and other processes ran on the machine: load average {load_before} before, {load_after} after{f"; server and client ran at niceness {nice}, ahead of them" if nice else ""}. Figures are of this machine at this time, not of the server alone.
- Goal at 2,000 requests/s, p99 ≤ 5 ms: {verdict}.

| target /s | achieved /s | responses | non-2xx | errors | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | from actual send p50 / p99 ms | sender lag p99 / max ms | client CPU (of one core) | server CPU (of one core) | client kept up |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
""" + "\n".join(rows) + """

- Latency columns p50 … max are measured from each request's **intended** send time (open loop: requests go out on
  schedule whether or not earlier ones were answered, so a stall shows in the figures instead of silently lowering the
  rate; this corrects coordinated omission as wrk2 does). "From actual send" leaves out any delay in the client before
  the request went out. The sender wakes about every millisecond (wrk2's timer granularity too) and sends what is due,
  so up to ~1 ms of the intended-time latency is the client's own batching.
- "Client kept up" is *no* when the sender's p99 lag behind schedule exceeded 2 ms or it did not send every request;
  then the intended-time figures include the client's own lag and overstate the server's.
- Every response is timed (non-2xx too); requests without a response are counted as errors, not timed. Responses are
  read in full over at most 64 kept-alive HTTP/1.1 connections (`SocketsHttpHandler`).
"""
text = open(path).read() if os.path.exists(path) else "# Benchmark results\n"
if "## Point assessments at a fixed rate" in text:
    text = re.sub(r"## Point assessments at a fixed rate\n.*?(?=\n## |\Z)", lambda _: section.rstrip() + "\n", text, flags=re.S)
else:
    text = text.rstrip() + "\n\n" + section
open(path, "w").write(text)
PY
echo "written to $results"
