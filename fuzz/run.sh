#!/usr/bin/env bash
# Builds a libFuzzer target (with AddressSanitizer) and runs it for SECONDS.
#   [FUZZ_TIMEOUT=S] fuzz/run.sh json|expression|profile|csv|value|markdown|http|web SECONDS
# Run from anywhere; works from a fresh clone. Crashes are written to fuzz/out/crashes/TARGET/ and the
# growing corpus to fuzz/out/corpus/TARGET/ (seeded from fuzz/seeds/TARGET/ and the repository's files).
set -euo pipefail
usage() { echo "usage : fuzz/run.sh json|expression|profile|csv|value|markdown|http|web SECONDES" >&2; exit 2; }
[ $# -eq 2 ] || usage
target=$1
seconds=$2
case "$target" in json|expression|profile|csv|value|markdown|http|web) ;; *) usage ;; esac
[[ "$seconds" =~ ^[0-9]+$ ]] || usage

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/fuzz/out"
build="$out/build"
mkdir -p "$build" "$out/crashes/$target" "$out/corpus/$target"
# One package name for every module, as SwiftPM gives: the modules use `package` declarations of each other.
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -package-name mandat_sante)

# The project's modules a target needs are compiled as static libraries with the fuzzer's instrumentation,
# again only when one of their sources (or a library they use) has changed.
# swiftc with its noise filtered out; a failed compilation stops the script (no fuzzing of a stale binary).
compile() {
  local what=$1; shift
  set +e
  swiftc "$@" 2>&1 | grep -v "warning: Cannot export"
  local status=${PIPESTATUS[0]}
  set -e
  if [ "$status" -ne 0 ]; then
    echo "ÉCHEC : la compilation de $what a échoué (code $status) ; rien n'a été lancé" >&2
    exit 1
  fi
}
library() {
  local module=$1; shift
  local lib="$build/lib$module.a"
  if [ ! -f "$lib" ] || [ -n "$(find "$root/Sources/$module" "$@" -newer "$lib" | head -1)" ]; then
    echo "== compilation de $module (instrumentée)"
    rm -f "$lib"
    compile "$module" -emit-library -static -emit-module -module-name "$module" "${flags[@]}" -I "$build" \
      $(find "$root/Sources/$module" -name '*.swift' | sort) \
      -emit-module-path "$build/$module.swiftmodule" -o "$lib"
  fi
}
# Libraries built with other flags (an older version of this script) are built again.
if [ "$(cat "$build/flags" 2> /dev/null)" != "${flags[*]}" ]; then
  rm -f "$build"/*.a
  echo "${flags[*]}" > "$build/flags"
fi
libs=()
case "$target" in
  http)
    library LoopbackHTTP
    libs=("$build/libLoopbackHTTP.a") ;;
  *)
    library RuleKit
    libs=("$build/libRuleKit.a")
    # The French wording of conditions and values is in MandatSante: every target but json and markdown needs it.
    if [ "$target" != json ] && [ "$target" != markdown ]; then
      library MandatSante "$build/libRuleKit.a"
      libs=("$build/libMandatSante.a" "${libs[@]}")
    fi
    if [ "$target" = web ]; then
      library LoopbackHTTP
      library MandatSanteWeb "$build/libMandatSante.a" "$build/libLoopbackHTTP.a"
      libs=("$build/libMandatSanteWeb.a" "$build/libLoopbackHTTP.a" "${libs[@]}")
    fi ;;
esac
echo "== compilation de la cible $target"
rm -f "$build/fuzz-$target"
compile "la cible $target" "${flags[@]}" -I "$build" "$root/fuzz/targets/$target.swift" "${libs[@]}" -o "$build/fuzz-$target"

# Seeds: the project's own files of the right kind.
seeds=("$out/corpus/$target")
case "$target" in
  json|profile) seeds+=("$root/Profiles") ;;
  expression|csv|value|markdown|http|web) seeds+=("$root/fuzz/seeds/$target") ;;
esac
[ "$target" = json ] && seeds+=("$root/Rules/recommendations")

cd "$root"
echo "== fuzzing de $target pendant $seconds s"
set +e
# Leak detection is off: LeakSanitizer cannot follow the bit-packed pointers of the Swift runtime on Linux
# and reports objects that are still reachable (here, the rule base a target loads once) as leaked
# (llvm/llvm-project#56751). AddressSanitizer's memory-error checks stay on.
# Swift's own crash handler is off: it reads the stack in a way AddressSanitizer reports as an error of its own,
# which would hide the real failure (the Swift message is printed either way).
# A unit slower than FUZZ_TIMEOUT seconds of wall-clock time (10 by default) is reported as a hang and stops the
# run: on a machine shared with other builds, raise it (FUZZ_TIMEOUT=60) and replay any « timeout-* » artifact
# alone before calling it a hang.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$build/fuzz-$target" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=4096 -max_len=65536 -detect_leaks=0 \
  -artifact_prefix="$out/crashes/$target/" -print_final_stats=1 "${seeds[@]}" 2>&1 | tee "$out/$target.log" | grep -E "^(#[0-9]+.*(INITED|DONE)|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|Done)"
status=${PIPESTATUS[0]}
set -e
crashes=$(find "$out/crashes/$target" -type f | wc -l)
executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/$target.log" | grep -o '[0-9]*$' | tail -1)
echo "cible $target : ${executions:-0} exécutions en $seconds s, $crashes plantage(s) enregistré(s) dans fuzz/out/crashes/$target/"
exit $status
