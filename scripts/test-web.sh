#!/usr/bin/env bash
# Tests the web application in real headless Chromium (Selenium): questionnaire, roadmap, print to PDF,
# « Et si ? », every download, an example, a profile file, a territories file. Screenshots go to OUT_DIR.
#
#   scripts/test-web.sh [OUT_DIR] [--binary CHEMIN] [--url URL]
#
# Without --url, builds mandat-sante (or takes --binary) and starts « mandat-sante serve » itself, from the
# binary's folder when it has Rules beside it, else from the project. Installs chromium, chromium-driver and
# python3-selenium with apt-get when they are missing. Last line: « N passed, 0 failed ».
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/.build/test-web
binary=""
url=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --binary) binary=$2; shift 2 ;;
    --url) url=$2; shift 2 ;;
    -*) echo "option inconnue « $1 »" >&2; exit 2 ;;
    *) out=$1; shift ;;
  esac
done
mkdir -p "$out"

if ! command -v chromedriver > /dev/null || ! command -v chromium > /dev/null || ! /usr/bin/python3 -c "import selenium" 2> /dev/null; then
  echo "== installation de chromium, chromium-driver et python3-selenium"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver python3-selenium > /dev/null
fi

server_pid=""
cleanup() { [[ -n $server_pid ]] && kill "$server_pid" 2> /dev/null || true; }
trap cleanup EXIT
if [[ -z $url ]]; then
  if [[ -z $binary ]]; then
    echo "== construction de mandat-sante"
    (cd "$root" && swift build --product mandat-sante > /dev/null)
    binary=$(cd "$root" && swift build --show-bin-path)/mandat-sante
  fi
  log=$out/serve.log
  # From a folder with no Rules: the binary must find its rules itself (beside it, or the project's via the variable).
  binary_dir=$(cd "$(dirname "$binary")" && pwd)
  if [[ -d $binary_dir/Rules ]]; then (cd /tmp && exec "$binary_dir/$(basename "$binary")" serve > "$log" 2>&1) &
  else (cd /tmp && MANDAT_SANTE_RULES=$root/Rules exec "$binary_dir/$(basename "$binary")" serve > "$log" 2>&1) & fi
  server_pid=$!
  for _ in $(seq 100); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" || true)
    [[ -n $url ]] && break
    kill -0 "$server_pid" 2> /dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  [[ -n $url ]] || { echo "le serveur n'a pas affiché son adresse" >&2; cat "$log" >&2; exit 1; }
  echo "== serveur : $url"
fi
/usr/bin/python3 "$root/scripts/test-web.py" "$url" "$out" --repo "$root"
