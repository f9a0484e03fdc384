/// The roadmap as a spreadsheet: one row per action in rank order, to sort, filter and assign in a table.
public struct CSVRoadmapRenderer: RoadmapRenderer {
    /// Several values in one cell (first steps, partners…) are joined with this.
    public static let listSeparator = " | "

    public static let header = [
        "Rang", "Phase", "Période", "Identifiant", "Action", "Levier", "Porteur", "Échéance", "Effort", "Coût", "Niveau de preuve", "Effet sur les inégalités", "Score",
        "Pourquoi", "Premiers pas", "Partenaires", "Financements", "Indicateurs", "Sources",
    ]

    public var separator: Character

    public init(separator: Character = ";") {
        self.separator = separator
    }

    public func render(_ document: RoadmapDocument) -> String {
        guard separator.asciiValue != nil else { return renderCharacters(document) }
        return String(decoding: renderBytes(document), as: UTF8.self)
    }

    /// The rows written straight to bytes (`CSVField.append`, as `CSVWriter` does), without an array of strings per
    /// row, nor a string of the whole file converted back to bytes: a batch writes one such file per territory.
    public func renderBytes(_ document: RoadmapDocument) -> [UInt8] {
        guard let separator = separator.asciiValue else { return Array(renderCharacters(document).utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(1 << 15)
        out += separator == Self.semicolon ? Self.semicolonHead : Self.head(separator)
        func cell(_ value: String) {
            out.append(separator)
            CSVField.append(value, separator: separator, to: &out)
        }
        for card in document.cards {
            out += String(card.rank).utf8
            cell(card.phaseTitle)
            cell(card.period)
            cell(card.id)
            cell(card.title)
            cell(card.leverTitle)
            cell(card.carrier)
            cell(card.deadlineCell ?? "")
            cell(card.effort)
            cell(card.costRange ?? "")
            cell(card.evidenceLevel ?? "")
            cell(card.inequalityEffect ?? "")
            cell(String(card.score))
            cell(join(card.forYou))
            cell(join(card.steps))
            cell(join(card.partners))
            cell(join(card.funding))
            cell(join(card.indicators))
            cell(join(card.sources.map(\.citation)))
            out += CSVWriter.lineEndBytes
        }
        // A copy of the right size: a batch holds hundreds of rendered roadmaps on their way to the disk.
        return out.rightSized()
    }

    private static let semicolon = UInt8(ascii: ";")
    private static let semicolonHead = head(semicolon)

    /// The byte order mark and the header row.
    private static func head(_ separator: UInt8) -> [UInt8] {
        var out = Array(CSVWriter.byteOrderMark.utf8)
        CSVField.appendRow(header, separator: separator, to: &out)
        return out
    }

    /// A separator beyond ASCII: the rows as strings, through `CSVWriter`.
    private func renderCharacters(_ document: RoadmapDocument) -> String {
        var writer = CSVWriter(separator: separator)
        writer.append(Self.header)
        for card in document.cards {
            writer.append([
                String(card.rank), card.phaseTitle, card.period, card.id, card.title, card.leverTitle, card.carrier,
                card.deadlineCell ?? "", card.effort, card.costRange ?? "", card.evidenceLevel ?? "",
                card.inequalityEffect ?? "", String(card.score), join(card.forYou), join(card.steps),
                join(card.partners), join(card.funding), join(card.indicators), join(card.sources.map(\.citation)),
            ])
        }
        return writer.text
    }

    private func join(_ values: [String]) -> String {
        values.joined(separator: Self.listSeparator)
    }
}
