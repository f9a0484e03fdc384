#!/usr/bin/env bash
# Builds the archive of MandatSanté for a machine without Swift: the release binary with the Swift runtime and
# Foundation linked in (--static-swift-stdlib), the rules, the example profiles and the French user guide.
#
#   scripts/package.sh [--skip-build]
#
# Writes dist/mandat-sante-VERSION-linux-ARCH.tar.gz (dist/ is not versioned), then checks the archive as a user
# would get it: unpacked in a new folder, `ldd` lists no Swift library, and the binary runs from another folder
# with no Swift toolchain on the PATH (--version, check, roadmap, serve answering a request).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if [[ ${1:-} != --skip-build ]]; then
  echo "== construction en release, bibliothèque Swift et Foundation liées statiquement"
  swift build -c release --static-swift-stdlib --product mandat-sante 2>&1 | grep -E "error|Compiling|Build" | grep -v "^\[" || true
fi
binary=$(swift build -c release --show-bin-path)/mandat-sante
[[ -x $binary ]] || { echo "binaire introuvable : $binary" >&2; exit 1; }

version=$("$binary" --version | awk '{print $2}')
name=mandat-sante-$version-linux-$(uname -m)
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
folder=$staging/$name
mkdir -p "$folder"

echo "== contenu de $name"
cp "$binary" "$folder/mandat-sante"
strip --strip-unneeded "$folder/mandat-sante"
cp -R Rules "$folder/Rules"
cp -R Profiles "$folder/Profiles"
cp docs/guide-utilisateur.md "$folder/GUIDE.md"
mkdir -p dist
archive=dist/$name.tar.gz
tar -C "$staging" -czf "$archive.tmp" --owner=0 --group=0 "$name"
mv "$archive.tmp" "$archive"

echo "== vérification de l'archive, dépaquetée ailleurs"
check=$(mktemp -d)
trap 'rm -rf "$staging" "$check"' EXIT
tar -C "$check" -xzf "$archive"
unpacked=$check/$name/mandat-sante
echo "-- ldd $name/mandat-sante"
ldd "$unpacked" | sed 's/ (0x[0-9a-f]*)//'
if ldd "$unpacked" | grep -Eqi 'swift|foundation|dispatch|icu|/opt/'; then
  echo "ÉCHEC : le binaire dépend encore d'une bibliothèque de Swift" >&2
  exit 1
fi
# A clean environment: no Swift on the PATH, run from a folder that is neither the project nor the archive.
elsewhere=$check/ailleurs
mkdir -p "$elsewhere"
run() { (cd "$elsewhere" && env -i PATH=/usr/bin:/bin HOME="$elsewhere" LANG=C.UTF-8 "$@"); }
if run sh -c 'command -v swift' > /dev/null; then
  echo "ÉCHEC : swift est encore sur le PATH de la vérification" >&2
  exit 1
fi
run "$unpacked" --version
run "$unpacked" check --no-tests > /dev/null && echo "check : base de règles sans erreur (règles trouvées à côté du programme)"
run "$unpacked" roadmap "$check/$name/Profiles/village-rural-zip.json" --start 2026-12 | head -1
port=$((20000 + RANDOM % 20000))
run "$unpacked" serve --port "$port" > "$check/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do grep -q "http://127.0.0.1:$port/" "$check/serve.log" 2> /dev/null && break; sleep 0.1; done
answer=$(exec 3<> "/dev/tcp/127.0.0.1/$port" && printf 'GET /exemples/village-rural-zip HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$port" >&3 && head -1 <&3)
kill "$server" 2> /dev/null || true
wait "$server" 2> /dev/null || true
echo "serve : $answer"
[[ $answer == "HTTP/1.1 303 See Other"* ]] || { echo "ÉCHEC : serve ne répond pas" >&2; cat "$check/serve.log" >&2; exit 1; }

size=$(du -h "$archive" | cut -f1)
echo "Archive : $archive ($size ; binaire dépaqueté : $(du -h "$unpacked" | cut -f1))"
