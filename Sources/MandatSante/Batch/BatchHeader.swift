import RuleKit

/// The header row of a territories file: which fact of the vocabulary each column states.
public struct BatchHeader: Sendable {
    /// Columns a file may carry besides facts (a free description, as in a profile); their cells are ignored.
    public static let ignoredColumns: Set<String> = ["description"]

    /// The column names as written (trimmed), in order.
    public var names: [String]
    /// The fact of each column, `nil` for an ignored column.
    public var facts: [Fact?]

    /// Reads the header `record`; every problem is reported at once (unknown, empty or repeated column,
    /// missing required fact). The header is usable only when there is no error.
    public static func read(_ record: CSVRecord, file: String, vocabulary: Vocabulary) -> (BatchHeader?, [Diagnostic]) {
        // One column that names no fact: not a territories file at all (a password file, a text given by mistake),
        // whose first line is not quoted back.
        if record.fields.count == 1, vocabulary.fact(named: record.fields[0].trimmingCellSpaces) == nil {
            let required = vocabulary.facts.filter(\.required).map(\.name).joined(separator: ", ")
            return (nil, [.error("csv.pas-un-en-tete", "la première ligne n'est pas un en-tête de territoires : ni « ; » ni « , » n'y sépare de colonnes ; une ligne d'en-tête était attendue, avec au moins les colonnes \(required)", file: file, at: SourceLocation(line: record.line, column: 1))])
        }
        var diagnostics: [Diagnostic] = []
        var names: [String] = []
        var facts: [Fact?] = []
        var seen: [String: Int] = [:]
        for (index, rawName) in record.fields.enumerated() {
            let name = rawName.trimmingCellSpaces
            let column = index + 1
            let location = SourceLocation(line: record.fieldLines[index], column: column)
            names.append(name)
            facts.append(nil)
            if name.isEmpty {
                diagnostics.append(.error("csv.colonne-sans-nom", "la colonne \(column) n'a pas de nom ; chaque colonne doit porter le nom d'un fait du vocabulaire (name, kind, population, density…)", file: file, at: location))
                continue
            }
            if let first = seen[name] {
                diagnostics.append(.error("csv.colonne-en-double", "la colonne « \(name) » apparaît deux fois (colonnes \(first) et \(column))", file: file, at: location))
                continue
            }
            seen[name] = column
            if ignoredColumns.contains(name) { continue }
            guard let fact = vocabulary.fact(named: name) else {
                let hint = Suggestion.hint(for: name, among: vocabulary.factNames)
                diagnostics.append(.error("csv.colonne-inconnue", "colonne \(column) : fait inconnu « \(name) »\(hint) ; les colonnes portent les noms des faits de Rules/vocabulary.json", file: file, at: location))
                continue
            }
            facts[index] = fact
        }
        for fact in vocabulary.facts where fact.required && seen[fact.name] == nil {
            diagnostics.append(.error("csv.colonne-manquante", "colonne obligatoire « \(fact.name) » (\(fact.label)) absente de l'en-tête ; colonnes obligatoires : \(vocabulary.facts.filter(\.required).map(\.name).joined(separator: ", "))", file: file, at: SourceLocation(line: record.line, column: record.fields.count + 1)))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (BatchHeader(names: names, facts: facts), diagnostics)
    }
}
