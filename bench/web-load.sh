#!/usr/bin/env bash
# Load test of the web application, release build, on loopback:
#   bench/web-load.sh [--requests N] [--clients C] [--time-limit S]   (defaults: 10 000 requests, 200 clients, 600 s)
# Starts `mandat-sante serve` (first free port from 8426), measures one client alone first (the baseline: one
# request at a time), then C concurrent clients until N requests have been answered; prints the median and p99
# latency of a roadmap page and the server's resident memory after the run. Exits 1 on any error.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
echo "== construction en release"
swift build -c release --product mandat-sante 2>&1 | grep -E "error:|Build" || true
binary=$(swift build -c release --show-bin-path)/mandat-sante
log=$(mktemp)
"$binary" serve > "$log" 2>&1 &
server=$!
trap 'kill $server 2> /dev/null || true; rm -f "$log"' EXIT
url=""
for _ in $(seq 100); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" || true)
  [[ -n $url ]] && break
  sleep 0.1
done
[[ -n $url ]] || { cat "$log" >&2; exit 1; }
echo "== un client seul, 200 requêtes (référence)"
python3 "$root/bench/web-load.py" "$url" "$server" --requests 200 --clients 1
echo "== charge"
python3 "$root/bench/web-load.py" "$url" "$server" "$@"
