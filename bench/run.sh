#!/usr/bin/env bash
# Builds the planner benchmark in release and runs it from the project root (so that Rules/ is found).
# Every argument goes to mandat-sante-bench:
#   bash bench/run.sh                # full benchmark: 1 000 / 10 000 / 100 000 profiles, base ×1 / ×10 / ×100
#   bash bench/run.sh --quick        # smoke test (CI): 1 000 profiles, base ×1
#   bash bench/run.sh --json > bench.json
# BENCH_SCRATCH_PATH=/tmp/build-bench builds in another folder (not to block a build running in .build).
set -euo pipefail
cd "$(dirname "$0")/.."

build=(swift build -c release --product mandat-sante-bench)
if [[ -n "${BENCH_SCRATCH_PATH:-}" ]]; then build+=(--scratch-path "$BENCH_SCRATCH_PATH"); fi
"${build[@]}" >&2
bin="$("${build[@]}" --show-bin-path)"
exec "$bin/mandat-sante-bench" "$@"
