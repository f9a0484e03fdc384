import RuleKit

/// The header row of a territories file: which fact of the vocabulary each column states.
///
/// A column is named by the fact's name (`population`, `medicalZoning`) or by its French label as the
/// vocabulary writes it (« zonage médical de l'ARS »), case, accents and apostrophes ignored; the label without
/// its parenthesis (« code INSEE »), the acronym in it (« MSP »), or its first words (« zonage médical ») do too,
/// as long as they name one fact only. A column that could be two facts is an error that names both.
public struct BatchHeader: Sendable {
    /// Columns a file may carry besides facts (a free description, as in a profile); their cells are ignored.
    public static let ignoredColumns: Set<String> = ["description"]

    /// The column names as written (trimmed), in order.
    public var names: [String]
    /// The fact of each column, `nil` for an ignored column.
    public var facts: [Fact?]

    /// The trimmed cell of the `name` column of `record`, for messages about a rejected row; empty when absent.
    public func territoryName(in record: CSVRecord, vocabulary: Vocabulary) -> String {
        let name = vocabulary.factName(.name)
        guard let index = facts.firstIndex(where: { $0?.name == name }), index < record.fields.count else { return "" }
        return TerminalText.neutralized(record.fields[index].trimmingCellSpaces, [])
    }

    /// Reads the header `record`; every problem is reported at once (unknown, ambiguous, empty or repeated
    /// column, missing required fact). The header is usable only when there is no error. `templateHint` says where
    /// this reader finds a file with every column (the command line and the web page each have their own).
    public static func read(_ record: CSVRecord, file: String, vocabulary: Vocabulary, templateHint: String? = nil) -> (BatchHeader?, [Diagnostic]) {
        let matcher = ColumnMatcher(vocabulary: vocabulary)
        // One column that names no fact: not a territories file at all (a password file, a text given by mistake),
        // whose first line is not quoted back.
        if record.fields.count == 1, case .none = matcher.match(record.fields[0].trimmingCellSpaces) {
            let required = vocabulary.facts.filter(\.required).map(\.name).joined(separator: ", ")
            return (nil, [.error("csv.pas-un-en-tete", "la première ligne n'est pas un en-tête de territoires : ni « ; » ni « , » n'y sépare de colonnes ; une ligne d'en-tête était attendue, avec au moins les colonnes \(required)", file: file, at: SourceLocation(line: record.line, column: 1))])
        }
        var diagnostics: [Diagnostic] = []
        var names: [String] = []
        var facts: [Fact?] = []
        var seenNames: [String: Int] = [:]
        var seenFacts: [String: (column: Int, name: String)] = [:]
        for (index, rawName) in record.fields.enumerated() {
            let name = rawName.trimmingCellSpaces
            let column = index + 1
            let location = SourceLocation(line: record.fieldLines[index], column: column)
            names.append(name)
            facts.append(nil)
            if name.isEmpty {
                diagnostics.append(.error("csv.colonne-sans-nom", "la colonne \(column) n'a pas de nom ; chaque colonne doit porter le nom d'un fait du vocabulaire (name, kind, population…) ou son libellé (« nom du territoire », « type de territoire »…)", file: file, at: location))
                continue
            }
            if let first = seenNames[name] {
                diagnostics.append(.error("csv.colonne-en-double", "la colonne « \(name) » apparaît deux fois (colonnes \(first) et \(column))", file: file, at: location))
                continue
            }
            seenNames[name] = column
            if ignoredColumns.contains(name) { continue }
            switch matcher.match(name) {
            case .none:
                let hint = Suggestion.hint(for: name, among: vocabulary.factNames + vocabulary.facts.map(\.label))
                diagnostics.append(.error("csv.colonne-inconnue", "colonne \(column) : fait inconnu « \(name) »\(hint) ; les colonnes portent le nom d'un fait du vocabulaire ou son libellé\(templateHint.map { " (\($0))" } ?? "")", file: file, at: location))
            case .ambiguous(let candidates):
                let list = candidates.map { "« \($0.label) » (\($0.name))" }.joined(separator: " et ")
                diagnostics.append(.error("csv.colonne-ambigue", "colonne \(column) : « \(name) » peut désigner deux faits, \(list) ; écrivez le libellé complet ou le nom du fait", file: file, at: location))
            case .fact(let fact):
                if let first = seenFacts[fact.name] {
                    diagnostics.append(.error("csv.colonne-en-double", "les colonnes \(first.column) « \(first.name) » et \(column) « \(name) » désignent le même fait, \(fact.name) (\(fact.label)) ; gardez-en une", file: file, at: location))
                    continue
                }
                seenFacts[fact.name] = (column, name)
                facts[index] = fact
            }
        }
        for fact in vocabulary.facts where fact.required && seenFacts[fact.name] == nil {
            diagnostics.append(.error("csv.colonne-manquante", "colonne obligatoire « \(fact.name) » (\(fact.label)) absente de l'en-tête ; colonnes obligatoires : \(vocabulary.facts.filter(\.required).map { "\($0.name) (« \($0.label) »)" }.joined(separator: ", "))", file: file, at: SourceLocation(line: record.line, column: record.fields.count + 1)))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (BatchHeader(names: names, facts: facts), diagnostics)
    }
}

/// Which fact a column header names (see `BatchHeader`).
struct ColumnMatcher {
    enum Match {
        case fact(Fact)
        case ambiguous([Fact])
        case none
    }

    let vocabulary: Vocabulary
    /// Folded name and full label of each fact: an exact match.
    private let exact: [String: Fact]
    /// The label without its parenthesis and the acronym inside it.
    private let short: [String: [Fact]]
    /// Each fact's folded label without its parenthesis, for a match on its first words.
    private let labels: [(words: String, fact: Fact)]

    init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        var exact: [String: Fact] = [:]
        var short: [String: [Fact]] = [:]
        var labels: [(String, Fact)] = []
        for fact in vocabulary.facts {
            exact[Self.fold(fact.name)] = exact[Self.fold(fact.name)] ?? fact
            exact[Self.fold(fact.label)] = exact[Self.fold(fact.label)] ?? fact
            let (outside, inside) = Self.parenthesis(fact.label)
            for form in [outside, inside].compactMap({ $0 }) where !form.isEmpty && form != Self.fold(fact.label) {
                if !(short[form]?.contains { $0.name == fact.name } ?? false) { short[form, default: []].append(fact) }
            }
            labels.append((outside ?? Self.fold(fact.label), fact))
        }
        self.exact = exact
        self.short = short
        self.labels = labels
    }

    func match(_ header: String) -> Match {
        let key = Self.fold(header)
        guard !key.isEmpty else { return .none }
        if let fact = vocabulary.fact(named: header) ?? exact[key] { return .fact(fact) }
        if let facts = short[key] { return facts.count == 1 ? .fact(facts[0]) : .ambiguous(facts) }
        // The first whole words of a label: « zonage médical » for « zonage médical de l'ARS ».
        let starting = labels.filter { $0.words.hasPrefix(key + " ") }.map(\.fact)
        switch starting.count {
        case 0: return .none
        case 1: return .fact(starting[0])
        default: return .ambiguous(starting)
        }
    }

    /// Lower case, without accents, straight apostrophes, single spaces (`TypedValueReader`'s folding).
    static func fold(_ text: String) -> String {
        TypedValueReader.folded(text).split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || $0 == "_" }).joined(separator: " ")
    }

    /// « code INSEE (ou SIREN de l'EPCI) » → (« code insee », « ou siren de l'epci »), folded.
    static func parenthesis(_ label: String) -> (outside: String?, inside: String?) {
        guard let open = label.firstIndex(of: "("), let close = label[open...].firstIndex(of: ")") else { return (nil, nil) }
        let outside = fold(String(label[..<open]) + " " + String(label[label.index(after: close)...]))
        let inside = fold(String(label[label.index(after: open)..<close]))
        return (outside, inside)
    }
}
