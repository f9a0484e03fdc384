#!/usr/bin/env bash
# Opens the syntheses of a `mandat-sante batch` folder in LibreOffice Calc, as a French user would, and counts
# what Calc read: headless conversion of synthese.csv, actions.csv, leviers.csv and erreurs.csv to a workbook with
# the French CSV import options (separator « ; », text between « " », UTF-8, from line 1, French locale, quoted
# fields formatted as text), then the workbook's rows, columns, text and number cells and formulas read back from
# its XML (python zipfile + xml). Each file's rows must equal the CSV's own records, or the script fails.
#
#   scripts/open-in-calc.sh DOSSIER_DE_BATCH [--format xlsx|ods] [--keep DOSSIER]
#
# Needs LibreOffice Calc: « apt-get update && apt-get install -y libreoffice-calc-nogui ».
# Environment: SOFFICE (the program, default soffice). Exit codes: 0 all read, 1 a count differs, 2 usage,
# 4 LibreOffice missing.
set -euo pipefail

usage() { echo "usage : $0 DOSSIER_DE_BATCH [--format xlsx|ods] [--keep DOSSIER]" >&2; exit 2; }
[[ $# -ge 1 ]] || usage
folder=$1; shift
format=xlsx
keep=
while [[ $# -gt 0 ]]; do
  case $1 in
    --format) [[ $# -ge 2 ]] || usage; format=$2; shift 2 ;;
    --keep) [[ $# -ge 2 ]] || usage; keep=$2; shift 2 ;;
    *) usage ;;
  esac
done
[[ $format == xlsx || $format == ods ]] || usage
[[ -d $folder ]] || { echo "« $folder » n'est pas un dossier" >&2; exit 2; }
soffice=${SOFFICE:-soffice}
if ! command -v "$soffice" > /dev/null; then
  echo "LibreOffice est introuvable. Installez-le (Debian, Ubuntu) avec :" >&2
  echo "  apt-get update && apt-get install -y libreoffice-calc-nogui" >&2
  exit 4
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=${keep:-$work/out}
mkdir -p "$out"
# A profile of its own, so that a LibreOffice already open (or another conversion) does not block this one.
profile="file://$work/profile"
# CSV import: 59 « ; », 34 « " », 76 UTF-8, first line 1, no column types, 1036 French (France), quoted fields as text.
filter='CSV:59,34,76,1,,1036,true'

files=()
for name in synthese.csv actions.csv leviers.csv erreurs.csv; do
  if [[ -f $folder/$name ]]; then files+=("$folder/$name"); else echo "absent : $folder/$name" >&2; fi
done
[[ ${#files[@]} -gt 0 ]] || { echo "aucune synthèse dans « $folder »" >&2; exit 1; }

echo "$("$soffice" --version | head -n 1) ; import CSV « $filter » ; conversion en $format"
start=$(date +%s)
"$soffice" -env:UserInstallation="$profile" --headless --infilter="$filter" --convert-to "$format" \
  --outdir "$out" "${files[@]}" > "$work/soffice.log" 2>&1 || { cat "$work/soffice.log" >&2; exit 1; }
echo "conversion : $(( $(date +%s) - start )) s"

python3 - "$folder" "$out" "$format" "${files[@]}" <<'PYTHON'
import csv, os, re, sys, zipfile
import xml.etree.ElementTree as ET

folder, out, fmt, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
failed = False

def grouped(number):
    """« 268 464 »: French digit groups (narrow no-break space)."""
    return f"{number:,}".replace(",", "\u202f")

def count(number, noun):
    return f"{grouped(number)} {noun}{'s' if number > 1 else ''}"

def column_index(reference):
    letters = re.match(r"[A-Z]+", reference).group(0)
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number - 1

def read_xlsx(path, keep_column):
    """Rows of the first sheet: for each, a list of (column, kind) with kind 'text', 'number' or 'formula';
    and the texts Calc holds in column `keep_column` (the INSEE code), row by row."""
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(path) as archive:
        shared = []
        if "xl/sharedStrings.xml" in archive.namelist():
            with archive.open("xl/sharedStrings.xml") as strings:
                for _, element in ET.iterparse(strings):
                    if element.tag == ns + "si":
                        shared.append("".join(t.text or "" for t in element.iter(ns + "t")))
                        element.clear()
        kept = []
        with archive.open("xl/worksheets/sheet1.xml") as sheet:
            rows = []
            for _, element in ET.iterparse(sheet):
                if element.tag == ns + "row":
                    cells = []
                    for cell in element.iter(ns + "c"):
                        if cell.find(ns + "f") is not None:
                            kind = "formula"
                        elif cell.get("t") in ("s", "inlineStr", "str"):
                            kind = "text"
                        elif cell.find(ns + "v") is not None:
                            kind = "number" if cell.get("t") in (None, "n") else cell.get("t")
                        else:
                            continue
                        column = column_index(cell.get("r"))
                        cells.append((column, kind))
                        if column == keep_column and kind == "text" and cell.get("t") == "s":
                            kept.append((len(rows), shared[int(cell.find(ns + "v").text)]))
                    rows.append(cells)
                    element.clear()
            return rows, kept

def read_ods(path):
    ns = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
          "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0"}
    repeat_rows = "{%s}number-rows-repeated" % ns["table"]
    repeat_cols = "{%s}number-columns-repeated" % ns["table"]
    value_type = "{%s}value-type" % ns["office"]
    formula = "{%s}formula" % ns["table"]
    rows = []
    with zipfile.ZipFile(path) as archive:
        with archive.open("content.xml") as content:
            for _, element in ET.iterparse(content):
                if element.tag == "{%s}table-row" % ns["table"]:
                    cells, column = [], 0
                    for cell in element:
                        span = int(cell.get(repeat_cols, "1"))
                        kind = cell.get(value_type)
                        if cell.get(formula):
                            kind = "formula"
                        if kind:
                            kind = "text" if kind == "string" else "number" if kind in ("float", "percentage", "currency") else kind
                            cells += [(column + k, kind) for k in range(span)]
                        column += span
                    if cells:
                        rows += [cells] * int(element.get(repeat_rows, "1"))
                    element.clear()
    return rows

for path in files:
    name = os.path.basename(path)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        records = list(csv.reader(handle, delimiter=";", quotechar='"'))
    header = records[0] if records else []
    converted = os.path.join(out, name[:-4] + "." + fmt)
    if not os.path.exists(converted):
        print(f"{name} : pas de classeur écrit par LibreOffice")
        failed = True
        continue
    insee = next((i for i, title in enumerate(header) if "insee" in title.lower()), -1)
    rows, kept = read_xlsx(converted, insee) if fmt == "xlsx" else (read_ods(converted), None)
    columns = max((cell[0] + 1 for row in rows for cell in row), default=0)
    formulas = sum(1 for row in rows for cell in row if cell[1] == "formula")
    print(f"{name} : {count(len(rows), 'ligne')} × {count(columns, 'colonne')} lues par Calc (CSV : {count(len(records), 'enregistrement')} "
          f"× {count(len(header), 'colonne')}) ; {count(formulas, 'formule')}")
    if len(rows) != len(records) or columns != len(header) or formulas:
        print("  ÉCART : Calc n'a pas lu ce que le fichier contient")
        failed = True
    # The columns a spreadsheet user checks first: the INSEE code (text, leading zero kept) and numbers.
    for index, title in enumerate(header):
        lowered = title.lower()
        if "insee" in lowered or lowered in ("population", "actions", "rang", "score"):
            kinds = {}
            for row in rows[1:]:
                kind = next((k for c, k in row if c == index), "vide")
                kinds[kind] = kinds.get(kind, 0) + 1
            names = {"text": "texte", "number": "nombre", "formula": "formule", "vide": "vide"}
            summary = ", ".join(f"{grouped(n)} {names.get(kind, kind)}" for kind, n in sorted(kinds.items()))
            print(f"  « {title} » : {summary}")
            if "insee" in lowered:
                written = [record[index] for record in records[1:] if len(record) > index]
                zeros = sum(1 for code in written if code.startswith("0"))
                line = f"    {grouped(zeros)} codes commencent par 0 dans le CSV"
                if kept is not None:
                    read = dict(kept)
                    same = sum(1 for row, code in enumerate(written, start=1) if read.get(row) == code)
                    line += f" ; {grouped(same)} sur {grouped(len(written))} lus par Calc tels qu'écrits, zéros de tête compris"
                    if same != len(written):
                        failed = True
                print(line)
sys.exit(1 if failed else 0)
PYTHON
