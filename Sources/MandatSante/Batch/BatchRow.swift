import RuleKit

/// Turns one row of a territories file into a profile. Each cell is read by `TypedValueReader`, like every value
/// typed by a person: an empty cell states nothing (the fact keeps its default, or stays unknown; a required
/// fact is an error), booleans are `oui`/`non` (or `true`/`false`…), numbers are written the French way
/// (`12 400`, `15,5`), sets separate their values with `|` (a comma is accepted too).
///
/// Every problem of the row is reported, at its line and column (the 1-based field number).
public enum BatchRow {
    ///
    /// `choices`: for each column, its fact's choices folded once (`FoldedChoices`), when many rows are read.
    public static func profile(
        _ record: CSVRecord, header: BatchHeader, file: String, vocabulary: Vocabulary, choices: [FoldedChoices?] = []
    ) -> (Profile?, [Diagnostic]) {
        var facts = FactValues(defaultsOf: vocabulary)
        var diagnostics: [Diagnostic] = []
        for (index, cell) in record.fields.enumerated() where index < header.facts.count {
            guard let fact = header.facts[index] else { continue }
            let column = index + 1
            let location = SourceLocation(line: record.fieldLines[index], column: column)
            switch TypedValueReader.read(cell, for: fact, choices: index < choices.count ? choices[index] : nil) {
            case .success(let value?): facts.set(fact.name, to: value, in: vocabulary)
            case .success(nil): continue
            case .failure(let error):
                let (code, message): (String, String)
                switch error.kind {
                case .missing:
                    let expected = fact.type == .text ? "" : " ; \(FactsReader.expectationText(for: fact))"
                    (code, message) = ("csv.cellule-vide", "cellule vide, or ce fait est obligatoire (\(fact.label))\(expected)")
                case .controlCharacter: (code, message) = ("csv.caractere-de-controle", error.message)
                default: (code, message) = ("csv.valeur", error.message)
                }
                diagnostics.append(.error(code, "colonne \(column) « \(fact.name) » : \(message)", file: file, at: location))
            }
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        let profile = Profile(facts: facts, vocabulary: vocabulary, file: "\(file):\(record.line)")
        func column(_ name: String) -> Int? { header.facts.firstIndex { $0?.name == name } }
        let stated = { (name: String) in column(name).map { $0 < record.fields.count && !record.fields[$0].trimmingCellSpaces.isEmpty } ?? false }
        let conflicts = OverseasCoherence.diagnostics(profile, stated: stated) { name in
            let index = column(name) ?? 0
            return SourceLocation(line: index < record.fieldLines.count ? record.fieldLines[index] : record.line, column: index + 1)
        }
        guard conflicts.isEmpty else {
            return (nil, conflicts.sorted().map { .error("csv.outre-mer", "colonne \($0.location.column) « \($0.arguments["fact"] ?? "") » : \($0.message)", file: file, at: $0.location) })
        }
        let notices = OverseasCoherence.notices(profile) { name in
            let index = column(name) ?? 0
            return SourceLocation(line: index < record.fieldLines.count ? record.fieldLines[index] : record.line, column: index + 1).placed(in: file)
        }
        return (profile, notices)
    }
}

extension StringProtocol {
    /// Without the spaces, tabs and no-break spaces a spreadsheet cell may carry around its value.
    var trimmingCellSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
