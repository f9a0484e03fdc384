import RuleKit

/// Plans and renders one row of a territories file. Pure and `Sendable`: rows can be processed on any thread,
/// in any order, and give the same bytes.
public struct BatchRowProcessor: Sendable {
    public let ruleBase: RuleBase
    public let calendar: MandateCalendar
    public let format: RoadmapFormat
    public let header: BatchHeader
    /// The territories file as the user named it, for diagnostics.
    public let file: String
    /// Whether each territory gets its roadmap rendered (`false`: the syntheses only).
    public let rendersRoadmaps: Bool

    private let planner: Planner
    private let presenter: RoadmapPresenter
    private let renderer: any RoadmapRenderer
    /// The choices of each column's fact, folded once for every row.
    private let choices: [FoldedChoices?]

    public init(ruleBase: RuleBase, calendar: MandateCalendar, format: RoadmapFormat, header: BatchHeader, file: String,
                rendersRoadmaps: Bool = true) {
        self.ruleBase = ruleBase
        self.calendar = calendar
        self.format = format
        self.header = header
        self.file = file
        self.rendersRoadmaps = rendersRoadmaps
        planner = Planner(ruleBase: ruleBase)
        presenter = RoadmapPresenter(ruleBase: ruleBase, wordsLeftOut: rendersRoadmaps && format == .json,
                                     considerLaterLines: rendersRoadmaps ? format.considerLaterLines : 0,
                                     wordsConsiderLaterReasons: rendersRoadmaps && format == .json,
                                     wordsSpecialistParts: rendersRoadmaps && format == .json,
                                     wordsPageOne: rendersRoadmaps && format.printsPageOne, cachesWording: true)
        renderer = format.renderer
        choices = header.facts.map { fact in fact.flatMap { $0.choices.isEmpty ? nil : FoldedChoices($0) } }
    }

    /// The territory of `record`, or the problems of its cells.
    public func process(_ record: CSVRecord) -> BatchRowOutcome {
        let (profile, diagnostics) = BatchRow.profile(record, header: header, file: file, vocabulary: ruleBase.vocabulary, choices: choices)
        guard let profile else { return .invalid(diagnostics, territory: header.territoryName(in: record, vocabulary: ruleBase.vocabulary)) }
        let roadmap = planner.plan(profile, calendar: calendar)
        let document = presenter.document(roadmap)
        let territory = BatchTables.Territory(line: record.line, profile: profile, vocabulary: ruleBase.vocabulary)
        let rows = BatchTables.rows(document, territory: territory, levers: ruleBase.levers)
        var processed = BatchTerritory(
            line: record.line, name: profile.name,
            fileName: BatchFileName.name(line: record.line, territory: profile.name, format: format),
            roadmap: rendersRoadmaps ? renderer.renderBytes(document) : nil,
            rows: BatchTerritory.Rows(synthesis: rows.synthesis, actions: rows.actions, levers: rows.levers),
            selections: roadmap.items.map { BatchTerritory.Selection(id: $0.recommendation.id, lever: $0.recommendation.lever) })
        processed.notices = diagnostics
        return .territory(processed)
    }
}

/// One row of a batch, processed: a territory, or the errors that made it skipped (with the territory's name as
/// written in the row, when it has one).
public enum BatchRowOutcome: Sendable {
    case territory(BatchTerritory)
    case invalid([Diagnostic], territory: String)
}
