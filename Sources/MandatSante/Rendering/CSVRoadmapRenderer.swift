/// The roadmap as a spreadsheet: one row per action in rank order, to sort, filter and assign in a table.
public struct CSVRoadmapRenderer: RoadmapRenderer {
    /// Several values in one cell (first steps, partners…) are joined with this.
    public static let listSeparator = " | "

    public static let header = [
        "Rang", "Phase", "Période", "Identifiant", "Action", "Levier", "Porteur", "Échéance", "Effort", "Coût", "Niveau de preuve", "Effet sur les inégalités", "Score",
        "Pour vous", "Premiers pas", "Partenaires", "Financements", "Indicateurs", "Sources",
    ]

    public var separator: Character

    public init(separator: Character = ";") {
        self.separator = separator
    }

    public func render(_ document: RoadmapDocument) -> String {
        var writer = CSVWriter(separator: separator)
        writer.append(Self.header)
        for card in document.cards {
            writer.append([
                String(card.rank), card.phaseTitle, card.period, card.id, card.title, card.leverTitle, card.carrier,
                card.deadline ?? "", card.effort, card.costRange ?? "", card.evidenceLevel ?? "",
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
