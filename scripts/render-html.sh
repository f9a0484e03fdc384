#!/usr/bin/env bash
# Renders the HTML roadmap of a profile and checks it in a real browser: headless Chromium takes a screenshot
# (PNG) and prints it to PDF (A4, as the page's print style sheet asks), to look at both.
#
#   scripts/render-html.sh PROFILE OUT_DIR [--start AAAA-MM]
#
# Writes OUT_DIR/NAME.html, NAME.png and NAME.pdf, NAME being the profile's file name without « .json ».
# Needs Chromium: on Debian or Ubuntu, « apt-get update && apt-get install -y chromium ».
# Environment: CHROMIUM (browser to use), SCRATCH_PATH (SwiftPM build folder, default .build).
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "utilisation : scripts/render-html.sh PROFIL.json DOSSIER_DE_SORTIE [--start AAAA-MM]" >&2
  exit 2
fi
profile=$1
out_dir=$2
start=${4:-2026-12}
if [[ $# -ge 3 && $3 != "--start" ]]; then
  echo "option inconnue « $3 » (seule --start AAAA-MM est acceptée)" >&2
  exit 2
fi

root=$(cd "$(dirname "$0")/.." && pwd)
[[ -f $profile ]] || { echo "profil « $profile » introuvable" >&2; exit 4; }

browser=${CHROMIUM:-}
if [[ -z $browser ]]; then
  for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" > /dev/null; then browser=$candidate; break; fi
  done
fi
if [[ -z $browser ]]; then
  echo "Chromium est introuvable. Installez-le (Debian, Ubuntu) avec :" >&2
  echo "  apt-get update && apt-get install -y chromium" >&2
  echo "ou indiquez le navigateur à utiliser : CHROMIUM=/chemin/vers/chrome $0 …" >&2
  exit 4
fi

mkdir -p "$out_dir"
out_dir=$(cd "$out_dir" && pwd)
profile=$(cd "$(dirname "$profile")" && pwd)/$(basename "$profile")
name=$(basename "$profile" .json)
scratch=${SCRATCH_PATH:-$root/.build}

echo "== construction de mandat-sante"
(cd "$root" && swift build --scratch-path "$scratch" > /dev/null)
binary=$(cd "$root" && swift build --scratch-path "$scratch" --show-bin-path)/mandat-sante

echo "== feuille de route HTML"
(cd "$root" && "$binary" roadmap "$profile" --start "$start" --format html --output "$out_dir/$name.html")

# A private profile folder per run: Chromium refuses to share one between concurrent instances.
browser_home=$(mktemp -d)
trap 'rm -rf "$browser_home"' EXIT
chrome() {
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$browser_home" "$@" 2> "$browser_home/stderr.log" \
    || { cat "$browser_home/stderr.log" >&2; return 1; }
}

echo "== capture d'écran (1280 × 2000)"
chrome --window-size=1280,2000 --screenshot="$out_dir/$name.png" "file://$out_dir/$name.html"
echo "== impression PDF (A4)"
chrome --no-pdf-header-footer --print-to-pdf="$out_dir/$name.pdf" "file://$out_dir/$name.html"

echo "Écrit : $out_dir/$name.html, $out_dir/$name.png, $out_dir/$name.pdf"
if command -v pdfinfo > /dev/null; then
  pdfinfo "$out_dir/$name.pdf" | grep -E '^(Pages|Page size)' || true
fi
