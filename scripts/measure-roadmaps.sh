#!/usr/bin/env bash
# Measures the roadmap of every example profile as issue « une feuille de route qu'un professionnel signerait »
# asks: actions of the main roadmap (`items` of the JSON export), words of the default text (`wc -w`), A4 pages
# of the HTML printed by headless Chromium (`pdfinfo`). Prints one row per profile, then the range of each column.
#
#   scripts/measure-roadmaps.sh [OUT_DIR] [--start AAAA-MM]
#
# Writes OUT_DIR/NAME.txt, NAME.json, NAME.html and NAME.pdf (OUT_DIR defaults to a new temporary folder).
# Needs Chromium and pdfinfo: « apt-get update && apt-get install -y chromium poppler-utils ».
# Environment: CHROMIUM (browser to use), SCRATCH_PATH (SwiftPM build folder, default .build).
set -euo pipefail

out_dir=${1:-$(mktemp -d)}
start=${3:-2026-12}
if [[ $# -ge 2 && $2 != "--start" ]]; then
  echo "option inconnue « $2 » (seule --start AAAA-MM est acceptée)" >&2
  exit 2
fi

root=$(cd "$(dirname "$0")/.." && pwd)
browser=${CHROMIUM:-}
if [[ -z $browser ]]; then
  for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" > /dev/null; then browser=$candidate; break; fi
  done
fi
if [[ -z $browser ]] || ! command -v pdfinfo > /dev/null; then
  echo "Chromium ou pdfinfo est introuvable. Installez-les (Debian, Ubuntu) avec :" >&2
  echo "  apt-get update && apt-get install -y chromium poppler-utils" >&2
  exit 4
fi

mkdir -p "$out_dir"
out_dir=$(cd "$out_dir" && pwd)
scratch=${SCRATCH_PATH:-$root/.build}
(cd "$root" && swift build --scratch-path "$scratch" --product mandat-sante > /dev/null)
binary=$(cd "$root" && swift build --scratch-path "$scratch" --show-bin-path)/mandat-sante

browser_home=$(mktemp -d)
trap 'rm -rf "$browser_home"' EXIT

# The tool reports each file it writes on stderr: keep that quiet unless it fails.
roadmap() {
  "$binary" roadmap "$@" 2> "$browser_home/roadmap.log" || { cat "$browser_home/roadmap.log" >&2; return 1; }
}

cd "$root"
printf "%-42s %7s %6s %6s %s\n" profil actions mots pages "synthèse en page 1"
for profile in Profiles/*.json; do
  name=$(basename "$profile" .json)
  roadmap "$profile" --start "$start" --output "$out_dir/$name.txt"
  roadmap "$profile" --start "$start" --format json --output "$out_dir/$name.json"
  roadmap "$profile" --start "$start" --format html --output "$out_dir/$name.html"
  actions=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["items"]))' "$out_dir/$name.json")
  words=$(wc -w < "$out_dir/$name.txt")
  "$browser" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$browser_home" \
    --no-pdf-header-footer --print-to-pdf="$out_dir/$name.pdf" "file://$out_dir/$name.html" 2> /dev/null
  pages=$(pdfinfo "$out_dir/$name.pdf" | awk '/^Pages:/ { print $2 }')
  # The synthesis holds on page one when page two opens on the cards' heading (its page number, « 2 / 12 »,
  # may come first in the extracted text).
  second_page=$(pdftotext -f 2 -l 2 "$out_dir/$name.pdf" - | grep -v -E '^[[:space:]]*([0-9]+ / [0-9]+)?[[:space:]]*$' | head -n 1 || true)
  fits=$([[ $second_page == "Les actions" ]] && echo oui || echo non)
  printf "%-42s %7s %6s %6s %s\n" "$name" "$actions" "$words" "$pages" "$fits"
done | tee "$out_dir/mesures.txt"
awk '{ for (c = 2; c <= 4; c++) { if (NR == 1 || $c < lo[c]) lo[c] = $c; if (NR == 1 || $c > hi[c]) hi[c] = $c } }
     $5 == "oui" { fit++ }
     END { printf "%d profils : %d à %d actions, %d à %d mots, %d à %d pages, synthèse en page 1 pour %d\n", NR, lo[2], hi[2], lo[3], hi[3], lo[4], hi[4], fit }' \
  "$out_dir/mesures.txt"
echo "Écrit dans $out_dir"
