import RuleKit

/// The territories file `mandat-sante batch --modele` writes for a spreadsheet user to fill: one column per fact
/// of the vocabulary headed by its French label, one example row filled with labels as a person writes them
/// (« rural à habitat dispersé », « oui », « 15,5 »), then comment rows (`#`, skipped by the reader) that say, for
/// each column, whether it is required, what it holds and its allowed values. `batch` reads the template as it is.
public enum BatchTemplate {
    /// The example territory: the facts the application knows by their role (`FactRole`), then a few others by
    /// name; a fact not listed (or renamed) takes its default, or stays empty.
    static let exampleByRole: [FactRole: String] = [
        .name: "Village de Saint-Aubin (exemple)", .kind: "commune", .inseeCode: "00000", .population: "420",
        .density: "rural-disperse", .departement: "Creuse", .region: "Nouvelle-Aquitaine",
        .priorities: "acces-aux-soins|bien-vieillir", .staff: "0",
    ]
    static let exampleByName: [String: String] = [
        "medicalZoning": "zip", "gpDepartures": "oui", "share75Plus": "15,5", "cpts": "non", "msp": "non", "hospital": "non",
    ]

    static func example(_ vocabulary: Vocabulary) -> [String: String] {
        var values = exampleByName
        for (role, value) in exampleByRole { values[vocabulary.factName(role)] = value }
        return values
    }

    public static func csv(vocabulary: Vocabulary) -> String {
        let example = example(vocabulary)
        let notes = [
            "# Une ligne par territoire, à la place de l'exemple ; les lignes qui commencent par # sont ignorées.",
            "# Les en-têtes peuvent aussi être les noms des faits (name, kind, population…) ; une cellule vide laisse la valeur par défaut.",
            "# Les valeurs s'écrivent en toutes lettres (« rural à habitat dispersé ») ou par leur identifiant (rural-disperse) ; plusieurs valeurs se séparent par « | ».",
        ] + vocabulary.facts.map { "# " + Self.documentation(of: $0) }
        func line(_ cells: [String]) -> String { cells.map { CSVField.encode($0, separator: ";") }.joined(separator: ";") + CSVWriter.lineEnd }
        // The example's texts quoted, so that a spreadsheet can keep its INSEE code (00000) as text.
        let exampleCells = vocabulary.facts.map { fact in
            let cell = exampleCell(fact, example: example)
            return CSVField.encode(cell, separator: ";", asText: fact.type == .text && !cell.isEmpty)
        }
        return CSVWriter.byteOrderMark + line(vocabulary.facts.map { Typography.capitalized($0.label) })
            + exampleCells.joined(separator: ";") + CSVWriter.lineEnd + notes.map { line([$0]) }.joined()
    }

    /// « Type de territoire (kind) — obligatoire — une valeur parmi : commune | communauté de communes… »
    static func documentation(of fact: Fact) -> String {
        var parts = ["\(Typography.capitalized(fact.label)) (\(fact.name))", fact.required ? "obligatoire" : "facultatif"]
        switch fact.type {
        case .bool: parts.append("oui ou non")
        case .int, .number:
            var range = fact.type == .int ? "nombre entier" : "nombre (virgule décimale)"
            if let minimum = fact.minimum, let maximum = fact.maximum {
                range += " de \(ValueFormatter.number(minimum)) à \(ValueFormatter.number(maximum))"
            } else if let minimum = fact.minimum {
                range += " d'au moins \(ValueFormatter.number(minimum))"
            }
            if let unit = fact.unit, !unit.isEmpty { range += " (\(unit))" }
            parts.append(range)
        case .text: parts.append("texte")
        case .enum: parts.append("une valeur parmi : " + fact.choices.map(\.label).joined(separator: " | "))
        case .set: parts.append("aucune, une ou plusieurs valeurs séparées par « | » parmi : " + fact.choices.map(\.label).joined(separator: " | "))
        }
        if let value = fact.defaultValue, let shown = cell(value, of: fact), !shown.isEmpty {
            parts.append("vide : \(shown)")
        }
        return parts.joined(separator: " — ")
    }

    private static func exampleCell(_ fact: Fact, example: [String: String]) -> String {
        if let typed = example[fact.name], case .success(let value?) = TypedValueReader.read(typed, for: fact) {
            return cell(value, of: fact) ?? typed
        }
        return fact.defaultValue.flatMap { cell($0, of: fact) } ?? ""
    }

    /// A value as a person writes it: labels rather than ids.
    static func cell(_ value: FactValue, of fact: Fact) -> String? {
        switch value {
        case .bool(let flag): return flag ? "oui" : "non"
        case .number(let number): return BatchTables.number(number)
        case .text(let text): return fact.type == .enum ? fact.choice(text)?.label ?? text : text
        case .set(let members):
            let ordered = fact.choices.filter { members.contains($0.id) }.map(\.label)
            return ordered.isEmpty ? "aucun" : ordered.joined(separator: " | ")
        }
    }
}
