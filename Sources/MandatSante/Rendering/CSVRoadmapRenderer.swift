/// The roadmap as a spreadsheet: one row per action in rank order, to sort, filter and assign in a table.
public struct CSVRoadmapRenderer: RoadmapRenderer {
    /// Several values in one cell (first steps, partners…) are joined with this.
    public static let listSeparator = " | "

    /// The columns, in order: the action and when it happens, what carries it and what it asks, why and how (the
    /// lines of the card as the document prints them), then who and when the file is for — a file once shared still
    /// names its territory and its edition — and last the score, the computation behind the order of merit, which
    /// is not the order of the plan (a deadline, a foundation or a priority places an action before better scores).
    public static let header = [
        "Rang", "Phase", "Période", "Identifiant", "Action", "Décision de la page 1", "Levier", "Porteur", "Échéance",
        "Calendrier", "Enchaînement", "Effort", "Coût", "Niveau de preuve", "Effet sur les inégalités", "Pourquoi",
        "Premiers pas", "Partenaires", "Financements", "Indicateurs", "Sources", "Territoire", "Édition",
        "Score calculé (priorité de base + bonus)",
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
        // Written in a buffer kept from an earlier roadmap, then copied to its size: a batch holds hundreds of
        // rendered roadmaps on their way to the disk.
        return Self.buffers.rendered { out in
            out += separator == Self.semicolon ? Self.semicolonHead : Self.head(separator)
            Self.forEachRow(of: document) { card, cells in
                out += String(card.rank).utf8
                cells { value in
                    out.append(separator)
                    CSVField.append(value, separator: separator, to: &out)
                }
                out += CSVWriter.lineEndBytes
            }
        }
    }

    /// The writing buffers of the roadmaps of a batch: as many as the threads that render at once, usually.
    private static let buffers = RenderBufferPool(capacity: 1 << 15)

    /// For each card in rank order, its cells after the rank, handed one by one to `cell`: one list of the columns
    /// for the bytes and for the strings of a separator beyond ASCII.
    private static func forEachRow(of document: RoadmapDocument, _ body: (RoadmapDocument.Card, (_ cell: (String) -> Void) -> Void) -> Void) {
        let decisions = Set(document.synthesis.decisions.map(\.id))
        let territory = document.header.title
        let edition = document.header.editionName
        for phase in document.phases {
            // The card's lines as the document prints them: the reasons, relations and placement of its edition.
            let cardEdition = DocumentLabels.edition(of: phase, in: document)
            for card in phase.cards {
                body(card) { cell in
                    cell(card.phaseTitle)
                    cell(card.period)
                    cell(card.id)
                    cell(card.title)
                    cell(decisions.contains(card.id) ? "oui" : "non")
                    cell(card.leverTitle)
                    cell(card.carrier)
                    cell(card.deadlineCell ?? "")
                    cell(DocumentLabels.placement(card, edition: cardEdition) ?? "")
                    cell(Typography.inline(DocumentLabels.relations(card, edition: cardEdition)))
                    cell(card.effort)
                    cell(card.costRange ?? "")
                    cell(card.evidenceLevel ?? "")
                    cell(card.inequalityEffect ?? "")
                    cell(Typography.inline(DocumentLabels.forYou(card, edition: cardEdition)))
                    cell(join(card.steps))
                    cell(join(card.partners))
                    cell(join(card.funding))
                    cell(join(card.indicators))
                    cell(join(card.sources.map(\.citation)))
                    cell(territory)
                    cell(edition)
                    cell(String(card.score))
                }
            }
        }
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
        Self.forEachRow(of: document) { card, cells in
            var row = [String(card.rank)]
            cells { row.append($0) }
            writer.append(row)
        }
        return writer.text
    }

    private static func join(_ values: [String]) -> String {
        values.joined(separator: listSeparator)
    }
}
