#!/usr/bin/env bash
# Runs the commands of the README as a new user would: in a fresh clone, each line of every ```sh block, as
# written (comments after « # » removed), and reports which ones fail.
#
#   scripts/test-readme.sh [README.md]
#
# Skipped, and said so: lines with a placeholder (« … »), `swift test` and `bash .ci/run` (the CI runs them),
# `init` without input is answered as a new user would (the territory « Saint-Aubin », a commune of 420
# inhabitants, rural with dispersed housing, Entrée for every other question), so that the commands after it
# find the profile it writes; once that profile exists, a later `init` writing it again is skipped (it would ask
# before replacing it; `scripts/test-init-tmux.sh` tests that in a terminal). `serve` is started, asked for its
# home page, then stopped. Last line: « N passed, N failed ».
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
readme=$(cd "$(dirname "${1:-$root/README.md}")" && pwd)/$(basename "${1:-README.md}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$root" "$work/clone"
cd "$work/clone"
echo "== swift build (clone neuf)"
swift build 2>&1 | grep -E "error:|Build complete" || exit 1

passed=0
failed=0
python3 - "$readme" > "$work/commands" <<'PYTHON'
import re, sys
inside = False
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("```"):
        inside = line.strip() == "```sh"
        continue
    if inside and line.strip():
        # A comment starts at « # » preceded by spaces, outside quotes.
        command, quote = "", None
        for index, character in enumerate(line):
            if quote:
                quote = None if character == quote else quote
            elif character in "'\"":
                quote = character
            elif character == "#" and line[max(0, index - 1)] == " ":
                break
            command += character
        print(command.strip())
PYTHON

while IFS= read -r command; do
  case $command in
    *…*) echo "-- ignorée (exemple à compléter) : $command"; continue ;;
    "swift test"*|"bash .ci/run"*) echo "-- ignorée (lancée par la CI) : $command"; continue ;;
    *"mandat-sante init"*)
      if [[ $command != *"|"* ]]; then
        written=Profiles/saint-aubin.json
        [[ $command =~ --output\ ([^ ]+) ]] && written=${BASH_REMATCH[1]}
        if [[ -e $written ]]; then echo "-- ignorée (interactive, « $written » déjà écrit) : $command"; continue; fi
        command="{ printf '%s\\n' Saint-Aubin 1 '' 420 6; yes ''; } | $command"
      fi ;;
  esac
  if [[ $command == *"mandat-sante serve"* ]]; then
    port=$((20000 + RANDOM % 20000))
    bash -c "$command --port $port" > "$work/serve.log" 2>&1 &
    server=$!
    for _ in $(seq 600); do grep -q "http://127.0.0.1:$port/" "$work/serve.log" && break; sleep 0.2; done
    answer=$(exec 3<> "/dev/tcp/127.0.0.1/$port" 2> /dev/null && printf 'GET / HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$port" >&3 && head -1 <&3)
    pkill -INT -P "$server" 2> /dev/null; kill -INT "$server" 2> /dev/null; wait "$server" 2> /dev/null
    if [[ $answer == "HTTP/1.1 200 OK"* ]]; then passed=$((passed + 1)); echo "ok : $command"
    else failed=$((failed + 1)); echo "ÉCHEC : $command"; sed 's/^/    /' "$work/serve.log" | head -5; fi
    continue
  fi
  timeout 600 bash -c "$command" > "$work/out.log" 2>&1
  status=$?
  if [[ $status -eq 0 ]]; then
    passed=$((passed + 1)); echo "ok : $command"
  else
    failed=$((failed + 1)); echo "ÉCHEC (code $status) : $command"; sed 's/^/    /' "$work/out.log" | tail -3
  fi
done < "$work/commands"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
