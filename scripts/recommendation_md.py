"""A recommendation given as the dictionary of the former JSON format, written as the Markdown file the rule
base reads (`Rules/README.md` describes the format). Used by scripts that generate rule files
(`adversarial-sweep.py`); the one-off conversion of the rule base to Markdown used the same function."""


def check_line(text, what):
    """A text written on one line of the file (the format joins lines; a line break would change the text)."""
    if '\n' in text or text != text.strip():
        raise ValueError(f"{what}: texte sur plusieurs lignes ou entouré d'espaces : {text!r}")
    return text


def cond_item(x):
    if isinstance(x, str):
        return x
    return f"[si {x['when']}] {x['text']}"

def to_markdown(r):
    h = []
    h.append(f"identifiant: {r['id']}")
    h.append(f"levier: {r['lever']}")
    h.append(f"condition: {r['when']}")
    h.append(f"priorité: {r['priority']}")
    if r.get('boosts'):
        h.append("bonus:")
        for b in r['boosts']:
            sign = '+' if b['points'] >= 0 else '-'
            h.append(f"  - {sign}{abs(b['points'])} si {b['when']} : {b['reason']}")
    h.append(f"horizon: {r['horizon']}")
    h.append(f"effort: {r['effort']}")
    h.append(f"porteur: {r['carrier']}")
    if 'carriedBy' in r: h.append(f"porté par: {r['carriedBy']}")
    if 'cost' in r: h.append(f"coût: {r['cost']}")
    if 'deadline' in r:
        d = r['deadline']
        if isinstance(d, str): h.append(f"échéance: {d}")
        else: h.append(f"échéance: {d['before']} : {d['reason']}")
    if r.get('foundation'): h.append("fondation: oui")
    for key, field in [('sert', 'serves'), ('après', 'after'), ('avec', 'together'), ('remplace', 'replaces'), ('écarte', 'excludes')]:
        if r.get(field):
            h.append(f"{key}: " + ", ".join(r[field]))
    out = ["---"] + h + ["---", "", f"# {check_line(r['title'], 'title')}", ""]
    def section(title, lines):
        out.extend([f"## {title}", ""] + lines + [""])
    section("Pourquoi", [check_line(r.get('why', ''), 'why')])
    section("Premiers pas", [f"{i+1}. {check_line(cond_item(s), 'step')}" for i, s in enumerate(r.get('steps', []))])
    section("Partenaires", [f"- {check_line(cond_item(s), 'partner')}" for s in r.get('partners', [])])
    if r.get('funding'):
        section("Financements", [f"- {check_line(cond_item(s), 'funding')}" for s in r['funding']])
    if r.get('cautions'):
        section("Mises en garde", [f"- [si {c['when']}] {check_line(c['text'], 'caution')}" for c in r['cautions']])
    if r.get('examples'):
        lines = []
        for e in r['examples']:
            territory = check_line(e['territory'], 'territory')
            if 'when' in e: territory = f"[si {e['when']}] {territory}"
            lines += [f"### {territory}", "", check_line(e['what'], 'what'), ""]
            if 'source' in e:
                lines += [f"Source : {e['source']['document']} : {check_line(e['source']['section'], 'section')}", ""]
        out.extend([f"## {'Exemple' if len(r['examples']) == 1 else 'Exemples'}", ""] + lines)
    if r.get('evidence'):
        section("Repères", [check_line(r['evidence'], 'evidence')])
    section("Indicateurs", [f"- {check_line(s, 'indicator')}" for s in r.get('indicators', [])])
    section("Sources", [f"- {s['document']} : {check_line(s['section'], 'section')}" for s in r.get('sources', [])])
    while out[-1] == "": out.pop()
    return "\n".join(out) + "\n"

