#!/usr/bin/env bash
# A 10-minute soak of the compose stack (not part of the test command; as root): scripts/compose-stack-test.sh builds
# and starts the stack exactly as the test does, then bench/stack_soak.py loads it through the edge (tiles,
# assessments, saved projects, one siting request a minute) and restarts api-2 half-way; the stack is removed after.
# Figures (requests, errors, latencies, each container's memory by minute) go to bench/out/stack-soak.txt; the
# section after "-- results" is what bench/RESULTS.md records.
#   bench/stack-soak.sh                       # VESITING_SOAK_SECONDS=600 VESITING_SOAK_THREADS=6 by default
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$root/bench/out"
VESITING_STACK_RUN="python3 $root/bench/stack_soak.py" bash "$root/scripts/compose-stack-test.sh" 2>&1 \
  | tee "$root/bench/out/stack-soak.txt"
