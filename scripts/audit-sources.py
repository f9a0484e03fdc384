#!/usr/bin/env python3
"""Audit: every example and every figure a roadmap prints names a public, dated source.

For each example profile (Profiles/*.json), reads the detailed text edition
(`mandat-sante roadmap P --start 2026-12 --detail`) and checks, card by card:

- an « Exemple » ends with « (source [n], <month> <year>) » or « (source [n], <year>) »;
- a figure in the prose of the card (title, « Enjeu », « Premiers pas », « Partenaires »,
  « Financements », « Mises en garde ») — a number with %, €, habitants, médecins… — is
  printed again under the card's « Repères », whose every sentence names its document
  ([n]), or sits in a sourced example;
- every sentence of « Repères » ends with its document's number;
- every document in the final list of sources has a date (a year) and a publisher line;
- in the rule base itself (Rules/), every document that an example cites (« Source : … » under « Exemple »)
  has a date of publication: a page read without one (`consulted` only) can describe a rule in force, but an
  example tells what a territory did, and the reader must know when it was reported. This pass reads every
  example of the base, those no example profile prints included, and runs by default (content38b dated or
  removed the last examples that cited such a page);
- in the register of facts (Rules/facts.json), every figure (a statement with a digit) cites a document with a
  date of publication, not only a date of reading: a figure without a dated public source does not ship. This
  pass used to be opt-in (--facts-dated); content39 dated, reworded or removed the last six such figures, and it
  runs by default (--facts-dated and --examples-dated are still accepted and change nothing).

What the profile says about itself (« Pour vous », the commune's population) and what the
tool computes (capacity, cost bands, score, calendar) are not claims and are not checked; nor
are ages that name a public (« les 75 ans ou plus », « les 11-25 ans »).

Usage: scripts/audit-sources.py [--binary PATH] [PROFILE.json ...]
Exit code: 0 when nothing is found, 1 when something is, 2 when a roadmap cannot be produced.
"""
import glob
import json
import os
import re
import subprocess
import sys

# A figure: digits (with French thousands separators or a decimal comma) followed by a unit
# that makes it a claim about the world.
UNITS = (r"%|€|k€|M€|Md€|euros?|millions?|milliards?|habitants?|médecins?|communes?|"
         r"intercommunalités?|CPTS|CLSM|CLS|ASV|MSP|structures?|professionnels?|personnes?|"
         r"jours?|heures?|places?|lits?|départements?|quartiers?|fois")
FIGURE = re.compile(r"(?<![\w\[])(\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?)[ \u00a0\u202f]?(?:" + UNITS + r")")
# Fields whose text is the recommendation's prose.
PROSE_FIELDS = ("Enjeu", "Premiers pas", "Partenaires", "Financements", "Mises en garde")
FIELD = re.compile(r"^ {4,5}([A-ZÉ][^:]{1,30}?)[  \u202f]: ?(.*)$")
CARD = re.compile(r"^ ?(\d{1,2})\. (.*)$")
# A dated document (« juillet 2026 », « 13 octobre 2021 ») or a page without a date of publication, read then
# (« consulté en décembre 2026 »).
EXAMPLE_SOURCE = re.compile(r"\(source[ \u00a0]\[\d+\], (?:consulté[ \u00a0](?:en|le)[ \u00a0])?(?:\d{1,2}(?:er)?[ \u00a0])?(?:[a-zéû]+\.?[ \u00a0])?\d{4}\)\.?$")
NOTE = re.compile(r"\[\d+\]\.?$")


def normalise(number):
    return re.sub(r"[ \u00a0\u202f]", "", number)


def cards(text):
    """Yields (number, [(field, text)]) for each card of the « LES ACTIONS » part: the
    title comes as the field « titre », the header under it (carrier, deadline, effort, cost…) as
    « en-tête », each later field (« Enjeu », « Exemple »…) in order, its continuation lines joined."""
    current = None
    for line in text.split("\n"):
        match = CARD.match(line)
        if line.startswith("──") or match or (line and not line.startswith(" ")):
            if current:
                yield current
            current = (match.group(1), [["titre", match.group(2)]]) if match else None
            continue
        if current is None or not line.strip():
            continue
        match = FIELD.match(line)
        if len(current[1]) == 1 and " · " in line:
            # The card's header under its title (« La commune · d'ici déc. 2027 · effort faible · moins de
            # 10 000 € · … »): what the tool computes, not a claim.
            current[1].append(["en-tête", line.strip()])
        elif match:
            current[1].append([match.group(1), match.group(2)])
        elif line.startswith("    "):
            current[1][-1][1] += " " + line.strip()
    if current:
        yield current


def audit(profile, binary):
    result = subprocess.run([binary, "roadmap", profile, "--start", "2026-12", "--detail"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        print(f"{profile}: la feuille de route n'a pas pu être produite : {result.stderr.strip()}")
        return None
    findings = []
    roadmap = result.stdout
    actions = roadmap[roadmap.find("\nLES ACTIONS\n"):roadmap.find("\nPORTRAIT DU TERRITOIRE\n")]
    for number, fields in cards(actions):
        title = fields[0][1]
        where = f"{profile}: action {number} « {title[:70]} »"
        reperes = " ".join(text for name, text in fields if name == "Repères")
        sourced_numbers = {normalise(n) for n in re.findall(r"\d[\d \u00a0\u202f]*\d|\d", reperes)}
        for name, text in fields:
            if name == "Exemple" and not EXAMPLE_SOURCE.search(text.strip()):
                findings.append(f"{where} : exemple sans source datée : « {text[:110]}… »")
        if reperes:
            for sentence in re.split(r"(?<=\]\.) ", reperes.strip()):
                if sentence and not NOTE.search(sentence.strip()):
                    findings.append(f"{where} : repère sans numéro de document : « {sentence[:110]}… »")
        for name, prose in fields:
            if name not in ("titre",) + PROSE_FIELDS:
                continue
            for match in FIGURE.finditer(prose):
                if normalise(match.group(1)) in sourced_numbers:
                    continue
                context = prose[max(0, match.start() - 60):match.end() + 30]
                findings.append(f"{where} : chiffre sans repère ({name}) : « {match.group(0)} » dans « …{context}… »")
    # The list of documents at the end: each has a year.
    if "\nSOURCES CITÉES\n" in roadmap:
        tail = roadmap[roadmap.index("\nSOURCES CITÉES\n"):]
        tail = tail[:tail.find("\nANNEXE") if "\nANNEXE" in tail else len(tail)]
        for entry in re.split(r"\n  (?=\[\d+\] )", tail)[1:]:
            entry = re.sub(r"\s+", " ", entry.split("\n\n")[0])
            if not re.search(r"\b(19|20)\d{2}\b", entry):
                findings.append(f"{profile}: document sans date : « {entry[:110]}… »")
    return findings


def register(root="Rules"):
    """The documents of the register, by identifier."""
    with open(os.path.join(root, "sources.json"), encoding="utf-8") as handle:
        return {entry["id"]: entry for entry in json.load(handle)["sources"]}


def undated_examples(root="Rules"):
    """Examples of the rule base whose document has no date of publication (`consulted` only, or nothing)."""
    sources = register(root)
    findings = []
    for path in sorted(glob.glob(os.path.join(root, "recommendations", "*.md"))):
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        examples = re.search(r"^## Exemples?\n(.*?)(?=^## |\Z)", text, re.M | re.S)
        if not examples:
            continue
        territory = None
        for line in examples.group(1).split("\n"):
            if line.startswith("### "):
                territory = line[4:].strip()
            match = re.match(r"Source : ([a-z0-9-]+)", line)
            if not match:
                continue
            document = sources.get(match.group(1))
            if document is None or not document.get("date"):
                how = "inconnu du registre" if document is None else (
                    f"sans date de publication (consulté en {document['consulted']})" if document.get("consulted")
                    else "sans date")
                findings.append(f"{path}: exemple « {territory} » : document « {match.group(1)} » {how}")
    return findings


def undated_facts(root="Rules"):
    """Figures of the register (a statement with a digit) read on a page without a date of publication."""
    sources = register(root)
    findings = []
    with open(os.path.join(root, "facts.json"), encoding="utf-8") as handle:
        facts = json.load(handle)["facts"]
    for fact in facts:
        document = sources.get(fact["source"])
        if re.search(r"\d", fact["statement"]) and (document is None or not document.get("date")):
            findings.append(f"{root}/facts.json: fait chiffré « {fact['id']} » : document « {fact['source']} » sans date de publication")
    return findings


def main(argv):
    binary = ".build/debug/mandat-sante"
    profiles = []
    args = iter(argv)
    for arg in args:
        if arg in ("--facts-dated", "--examples-dated"):
            continue  # the default since content39; accepted so that older calls still run
        elif arg == "--binary":
            binary = next(args, binary)
        else:
            profiles.append(arg)
    if not profiles:
        profiles = sorted(glob.glob("Profiles/*.json"))
    if not os.path.exists(binary):
        print(f"{binary} introuvable : lancez d'abord « swift build ».")
        return 2
    total = 0
    failed = False
    for profile in profiles:
        findings = audit(profile, binary)
        if findings is None:
            failed = True
            continue
        for finding in findings:
            print(finding)
        total += len(findings)
    base = undated_examples() + undated_facts()
    for finding in base:
        print(finding)
    total += len(base)
    print(f"{len(profiles)} feuilles de route relues, et les exemples et les faits chiffrés de la base ; {total} constat(s).")
    return 2 if failed else (1 if total else 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
