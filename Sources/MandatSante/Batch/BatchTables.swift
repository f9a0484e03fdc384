import RuleKit

/// The spreadsheets of a batch, written row by row as it streams, each a CSV a French spreadsheet opens as is
/// (UTF-8 with a byte order mark, `;`, CRLF, RFC 4180 quoting and the formula-injection defence of `CSVField`):
///
/// - `synthese.csv`: **one row per territory** — line, INSEE code, name, kind, population, number of actions, the
///   count of actions per lever (one column per lever of the rule base), then the actions of the main roadmap in
///   order. 35,000 communes make 35,001 rows, far below a spreadsheet's 1,048,576.
/// - `actions.csv`: one row per territory and action, with its lever, carrier, effort, deadline and score.
/// - `leviers.csv`: one row per territory and lever it has actions of — ready for a pivot table by lever.
/// - `erreurs.csv`: one row per problem of a rejected row — line, column, territory, code, message.
///
/// Numbers are written for a French spreadsheet: integers without separators (a spreadsheet groups them itself),
/// a decimal comma.
public enum BatchTables {
    public static let separator: Character = ";"
    static let separatorByte: UInt8 = 0x3B
    public static let lineEnd = CSVWriter.lineEnd
    public static let byteOrderMark = CSVWriter.byteOrderMark
    /// Several values in one cell are joined with this, as in `roadmap --format csv`.
    public static let listSeparator = CSVRoadmapRenderer.listSeparator

    public enum Table: String, CaseIterable, Sendable {
        case synthesis = "synthese.csv"
        case actions = "actions.csv"
        case levers = "leviers.csv"
        case errors = "erreurs.csv"

        public var fileName: String { rawValue }
    }

    /// Who a row is about: the first columns of every table but the errors.
    public struct Territory: Sendable {
        public var line: Int
        public var inseeCode: String
        public var name: String
        /// The kind's label: « commune », « communauté de communes ».
        public var kind: String
        public var population: String

        public init(line: Int, inseeCode: String, name: String, kind: String, population: String) {
            self.line = line
            self.inseeCode = inseeCode
            self.name = name
            self.kind = kind
            self.population = population
        }

        /// Read from a planned profile.
        public init(line: Int, profile: Profile, vocabulary: Vocabulary) {
            func text(_ name: String) -> String {
                if case .text(let value)? = profile.value(name) { return value }
                return ""
            }
            // The facts are found by their role (`FactRole`), whatever the vocabulary names them.
            let kindName = vocabulary.factName(.kind)
            let kindID = text(kindName)
            let kindLabel = vocabulary.fact(named: kindName)?.choice(kindID)?.label ?? kindID
            var population = ""
            if case .number(let value)? = profile.value(vocabulary.factName(.population)) { population = BatchTables.number(value) }
            self.init(line: line, inseeCode: text(vocabulary.factName(.inseeCode)), name: profile.name, kind: kindLabel, population: population)
        }

        var cells: [String] { [String(line), inseeCode, name, kind, population] }
    }

    static let territoryColumns = ["ligne", "code INSEE", "territoire", "type", "population"]
    /// The INSEE code (01001, 2A004) is text, quoted so that a spreadsheet can keep its leading zeros (`CSVField`).
    static let inseeColumn = 1

    /// The byte order mark and the header line of `table`.
    public static func header(_ table: Table, levers: [Lever]) -> String {
        let columns: [String]
        switch table {
        case .synthesis:
            columns = territoryColumns + ["actions"] + levers.map(\.title) + ["actions dans l'ordre", "identifiants dans l'ordre"]
        case .actions:
            columns = territoryColumns + ["rang", "phase", "période", "identifiant", "action", "levier", "porteur", "échéance",
                                          "effort", "coût", "score"]
        case .levers:
            columns = territoryColumns + ["levier", "identifiant du levier", "actions", "rangs"]
        case .errors:
            columns = ["ligne", "colonne", "territoire", "code", "message"]
        }
        return byteOrderMark + line(columns)
    }

    /// The rows of one planned territory in the synthesis, the actions table and the levers table.
    public static func rows(_ document: RoadmapDocument, territory: Territory, levers: [Lever]) -> (synthesis: String, actions: String, levers: String) {
        let cards = document.cards
        var perLever: [String: [Int]] = [:]
        for card in cards { perLever[card.lever, default: []].append(card.rank) }
        // The territory's cells open every row: encoded once, each row written as bytes.
        var head: [UInt8] = []
        for (index, cell) in territory.cells.enumerated() {
            CSVField.append(cell, separator: separatorByte, asText: index == inseeColumn, to: &head)
            head.append(separatorByte)
        }
        func row(_ cells: [String], into out: inout [UInt8]) {
            out += head
            CSVField.appendRow(cells, separator: separatorByte, to: &out)
        }
        var synthesis: [UInt8] = []
        row([String(cards.count)] + levers.map { String(perLever[$0.id]?.count ?? 0) }
            + [cards.map(\.title).joined(separator: listSeparator), cards.map(\.id).joined(separator: listSeparator)], into: &synthesis)
        var actions: [UInt8] = []
        actions.reserveCapacity(cards.count * 256)
        for card in cards {
            row([String(card.rank), card.phaseTitle, card.period, card.id, card.title, card.leverTitle,
                 card.carrier, card.deadlineCell ?? "", card.effort, card.costRange ?? "", String(card.score)], into: &actions)
        }
        var leverRows: [UInt8] = []
        for lever in levers {
            guard let ranks = perLever[lever.id] else { continue }
            row([lever.title, lever.id, String(ranks.count), ranks.map(String.init).joined(separator: listSeparator)], into: &leverRows)
        }
        func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
        return (text(synthesis), text(actions), text(leverRows))
    }

    /// The rows of `diagnostics` in `erreurs.csv`; `territory` is the name cell of the row when it could be read.
    public static func errorRows(_ diagnostics: [Diagnostic], territory: String) -> String {
        var text = ""
        for diagnostic in diagnostics {
            let location = diagnostic.location
            text += line([location.line > 0 ? String(location.line) : "", location.column > 0 ? String(location.column) : "",
                          territory, diagnostic.code, diagnostic.message])
        }
        return text
    }

    /// A number for a French spreadsheet: `12400`, `15,5`.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        return String(value).replacing(".", with: ",")
    }

    /// One row; `textColumn` is quoted whatever it holds.
    static func line(_ fields: [String], textColumn: Int? = nil) -> String {
        self.fields(fields, textColumn: textColumn) + lineEnd
    }

    /// The fields of a row, encoded and separated, without the line end.
    private static func fields(_ fields: [String], textColumn: Int? = nil) -> String {
        fields.indices.map { CSVField.encode(fields[$0], separator: separator, asText: $0 == textColumn) }.joined(separator: String(separator))
    }
}
