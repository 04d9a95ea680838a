#!/usr/bin/python3
"""A soak of the running compose stack through its edge (bench/stack-soak.sh brings the stack up and calls this).

Mixed load for VESITING_SOAK_SECONDS (default 600) on a few threads: tiles (plants and noise layers around Samsø at
z10–z14, many of them cached by nginx), site assessments, saved projects (one saved every 20 s, the saved ones read),
and one siting request a minute; half-way, api-2 is restarted (docker-compose restart). Every minute: requests,
errors by status, median and 95th-percentile latency, and each container's memory (docker stats). At the end a
Markdown section for bench/RESULTS.md on stdout (after the line "-- results").
No assertion here (benchmarks never assert timings); the figures are read by a person.
"""
import collections
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "scripts"))
import stack_checks as stack  # noqa: E402  (the same client, certificate and compose helpers as the stack checks)

SECONDS = int(os.environ.get("VESITING_SOAK_SECONDS", "600"))
THREADS = int(os.environ.get("VESITING_SOAK_THREADS", "6"))
LOCK = threading.Lock()
log = []  # (time, kind, status, seconds)
projects = []
stop = threading.Event()


def tile_paths():
    paths = []
    for z in range(10, 15):
        x, y = stack.tile_of(stack.LAT, stack.LON, z)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                paths += [f"/tiles/plants/{z}/{x + dx}/{y + dy}.mvt"]
    return paths


TILES = tile_paths()
SITES = [f"/api/assess/site?lat={stack.LAT + d:.4f}&lon={stack.LON + d:.4f}" for d in (-0.04, -0.02, 0, 0.02, 0.04)]


def record(kind, response, started):
    with LOCK:
        log.append((time.monotonic(), kind, response.status, time.monotonic() - started))


def reader(seed):
    rng = random.Random(seed)
    while not stop.is_set():
        started = time.monotonic()
        roll = rng.random()
        if roll < 0.6:
            record("tile", stack.get(rng.choice(TILES), timeout=60), started)
        elif roll < 0.9:
            record("assessment", stack.get(rng.choice(SITES), timeout=60), started)
        else:
            with LOCK:
                saved = list(projects)
            path = f"/api/projects/{rng.choice(saved)}" if saved else "/api/projects"
            record("project read", stack.get(path, timeout=60), started)
        time.sleep(0.02)


def writer():
    while not stop.wait(20):
        started = time.monotonic()
        r = stack.write("POST", "/api/projects", stack.PROJECT, "application/geo+json")
        record("project save", r, started)
        if r.status == 201:
            with LOCK:
                projects.append(r.header("location").rsplit("/", 1)[-1])


def siting(profile):
    while not stop.is_set():
        started = time.monotonic()
        record("siting", stack.get(f"/api/sites?profile={profile}&area=municipality:0741&cell=1000", timeout=300), started)
        stop.wait(max(0.0, 60 - (time.monotonic() - started)))


def memory():
    out = subprocess.run(["docker", "stats", "--no-stream", "--format", "{{.Name}} {{.MemUsage}}"],
                         capture_output=True, text=True).stdout
    return {line.split()[0].split("_")[1] if "_" in line.split()[0] else line.split()[0]: line.split()[1]
            for line in out.splitlines() if line.strip()}


def main():
    if not stack.wait_for_edge():
        print("the stack does not answer")
        return 1
    profiles = stack.get("/api/sites/profiles").json()
    profile = profiles[0]["id"] if isinstance(profiles, list) else profiles["profiles"][0]["id"]
    start = time.monotonic()
    threads = [threading.Thread(target=reader, args=(i,), daemon=True) for i in range(THREADS)]
    threads += [threading.Thread(target=writer, daemon=True), threading.Thread(target=siting, args=(profile,), daemon=True)]
    for t in threads:
        t.start()
    minutes, restart_at, restarted = [], SECONDS / 2, None
    memories = [("start", memory())]
    next_minute = start + 60
    while time.monotonic() - start < SECONDS:
        time.sleep(1)
        if restarted is None and time.monotonic() - start >= restart_at:
            restarted = time.monotonic()
            print(f"{time.strftime('%T')} restarting api-2", flush=True)
            stack.compose("restart", "api-2")
            restarted_done = time.monotonic()
            print(f"{time.strftime('%T')} api-2 restarted in {restarted_done - restarted:.1f} s", flush=True)
        if time.monotonic() >= next_minute:
            next_minute += 60
            memories.append((f"{len(memories)} min", memory()))
            with LOCK:
                window = [e for e in log if e[0] >= next_minute - 120]
            errors = collections.Counter(e[2] for e in window if e[2] not in (200, 201))
            print(f"{time.strftime('%T')} minute {len(memories) - 1}: {len(window)} requests, errors {dict(errors)}, "
                  f"memory {memories[-1][1]}", flush=True)
    stop.set()
    for t in threads:
        t.join(timeout=300)
    elapsed = time.monotonic() - start

    print("-- results")
    print(f"- Duration {elapsed:.0f} s, {THREADS} reader threads + one saver (every 20 s) + one siting request a minute; "
          f"api-2 restarted at {restarted - start:.0f} s." if restarted else "")
    print("\n| kind | requests | errors | median | p95 |\n|---|---|---|---|---|")
    by_kind = collections.defaultdict(list)
    for e in log:
        by_kind[e[1]].append(e)
    for kind, entries in sorted(by_kind.items()):
        latencies = sorted(e[3] for e in entries)
        errors = collections.Counter(e[2] for e in entries if e[2] not in (200, 201))
        p95 = latencies[int(0.95 * (len(latencies) - 1))]
        print(f"| {kind} | {len(entries)} | {sum(errors.values())} {dict(errors) if errors else ''} | "
              f"{statistics.median(latencies) * 1000:.0f} ms | {p95 * 1000:.0f} ms |")
    total = len(log)
    failed = [e for e in log if e[2] not in (200, 201)]
    near_restart = [e for e in failed if restarted and restarted - 5 <= e[0] <= restarted + 60]
    print(f"\n- {total} requests, {total / elapsed:.1f}/s; {len(failed)} not 200/201, of which {len(near_restart)} within "
          f"a minute of the restart.")
    print("\n| when | " + " | ".join(sorted(memories[0][1])) + " |\n|---|" + "---|" * len(memories[0][1]))
    for when, m in memories:
        print(f"| {when} | " + " | ".join(m.get(k, "–") for k in sorted(memories[0][1])) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
