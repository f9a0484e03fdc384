#!/usr/bin/env bash
# Builds the planner benchmark in release and runs it from the project root (so that Rules/ is found).
# Every argument goes to mandat-sante-bench:
#   bash bench/run.sh                # full benchmark: 1 000 / 10 000 / 100 000 profiles, base ×1 / ×10 / ×100
#   bash bench/run.sh --quick        # smoke test (CI): 1 000 profiles, base ×1
#   bash bench/run.sh --json > bench.json
#   bash bench/run.sh --batch        # batch per format over 35 000 generated communes vs a plain write
#   bash bench/run.sh --batch --repeat 3          # 3 paired passes per format: median of the per-pass ratios,
#                                                 # best of 3 on each side, the load (uptime) of each pass
#   bash bench/run.sh --batch --repeat 3 --tmpfs  # the same on /dev/shm: a control where no disk varies
# BENCH_SCRATCH_PATH=/tmp/build-bench builds in another folder (not to block a build running in .build).
# BENCH_CONFIGURATION=debug runs the debug build instead (CI's smoke test: the engine and the domain are optimized in
# debug builds too, see Package.swift; its timings are not those of a release build and are not compared with them).
set -euo pipefail
cd "$(dirname "$0")/.."

build=(swift build -c "${BENCH_CONFIGURATION:-release}")
if [[ -n "${BENCH_SCRATCH_PATH:-}" ]]; then build+=(--scratch-path "$BENCH_SCRATCH_PATH"); fi
# The benchmark and mandat-sante itself (which `--batch` runs as a child process).
"${build[@]}" --product mandat-sante-bench >&2
"${build[@]}" --product mandat-sante >&2
bin="$("${build[@]}" --show-bin-path)"
exec "$bin/mandat-sante-bench" "$@"
