import RuleKit

/// Turns one row of a territories file into a profile, with the cell conventions of a spreadsheet:
///
/// - an empty cell states nothing: the fact keeps its default, or stays unknown (a required fact is an error);
/// - booleans: `oui`/`non`, `true`/`false` (also `vrai`/`faux`, `1`/`0`), in any case;
/// - numbers: a decimal comma or point, spaces between thousands (`12 400`, `15,5`);
/// - sets: values separated by `|` (`acces-aux-soins|sante-mentale`); a comma is accepted too.
///
/// Every problem of the row is reported, at its line and column (the 1-based field number).
public enum BatchRow {
    public static func profile(
        _ record: CSVRecord, header: BatchHeader, file: String, vocabulary: Vocabulary
    ) -> (Profile?, [Diagnostic]) {
        var facts = FactValues(defaultsOf: vocabulary)
        var diagnostics: [Diagnostic] = []
        for (index, cell) in record.fields.enumerated() where index < header.facts.count {
            guard let fact = header.facts[index] else { continue }
            let column = index + 1
            let location = SourceLocation(line: record.fieldLines[index], column: column)
            let text = cell.trimmingCellSpaces
            if text.isEmpty {
                if fact.required {
                    let expected = fact.type == .text ? "" : " ; \(FactsReader.expectation(for: fact))"
                    diagnostics.append(.error("csv.cellule-vide", "colonne \(column) « \(fact.name) » : cellule vide, or ce fait est obligatoire (\(fact.label))\(expected)", file: file, at: location))
                }
                continue
            }
            switch value(text, for: fact) {
            case .success(let value): facts.set(fact.name, to: value, in: vocabulary)
            case .failure(let error):
                diagnostics.append(.error("csv.valeur", "colonne \(column) « \(fact.name) » : \(error.message)", file: file, at: location))
            }
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        return (Profile(facts: facts, vocabulary: vocabulary, file: "\(file):\(record.line)"), [])
    }

    /// Converts one non-empty cell, with the messages of `FactsReader` but the conventions of a CSV file.
    static func value(_ text: String, for fact: Fact) -> Result<FactValue, FactValueError> {
        switch fact.type {
        case .bool:
            let result = FactsReader.value(parsing: text, for: fact)
            if case .failure = result {
                return .failure(FactValueError("« \(text) » n'est pas un booléen ; oui ou non (ou true, false) était attendu"))
            }
            return result
        case .int, .number:
            // Spreadsheets group thousands with no-break spaces (« 12 400 »).
            let compact = text.replacing("\u{00A0}", with: "").replacing("\u{202F}", with: "")
            return FactsReader.value(parsing: compact, for: fact)
        case .set:
            let items = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "|" || $0 == "," }).map { $0.trimmingCellSpaces }
            for item in items where item.isEmpty {
                return .failure(FactValueError("« \(text) » contient une valeur vide ; les valeurs se séparent par « | », par exemple \(example(for: fact))"))
            }
            return FactsReader.value(parsing: items.joined(separator: ","), for: fact)
        case .text, .enum:
            return FactsReader.value(parsing: text, for: fact)
        }
    }

    private static func example(for fact: Fact) -> String {
        fact.choiceIDs.prefix(2).joined(separator: "|")
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
