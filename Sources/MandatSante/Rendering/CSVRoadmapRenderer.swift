/// The roadmap as a spreadsheet: one row per action in rank order, to sort, filter and assign in a table.
public struct CSVRoadmapRenderer: RoadmapRenderer {
    /// Several values in one cell (first steps, partners…) are joined with this.
    public static let listSeparator = " | "

    public static let header = [
        "Rang", "Phase", "Période", "Identifiant", "Action", "Levier", "Effort", "Score",
        "Pourquoi pour vous", "Premiers pas", "Partenaires", "Financements", "Source",
    ]

    public var separator: Character

    public init(separator: Character = ";") {
        self.separator = separator
    }

    public func render(_ presentation: RoadmapPresentation) -> String {
        var writer = CSVWriter(separator: separator)
        writer.append(Self.header)
        for phase in presentation.phases {
            for item in phase.items {
                writer.append([
                    String(item.rank), phase.title, phase.period, item.id, item.title, item.leverTitle, item.effort,
                    String(item.score), join(item.reasons), join(item.steps), join(item.partners), join(item.funding),
                    join(item.sources),
                ])
            }
        }
        return writer.text
    }

    private func join(_ values: [String]) -> String {
        values.joined(separator: Self.listSeparator)
    }
}
