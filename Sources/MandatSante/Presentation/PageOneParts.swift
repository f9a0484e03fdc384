/// The parts of a roadmap only its page 1 and its portrait print, which a presenter may leave unworded
/// (`RoadmapPresenter.wordsPageOne`): the CSV of a batch prints the cards and which of them are page 1's decisions,
/// and a batch writing only its syntheses prints the cards' titles, levers and ranks. Neither reads the findings'
/// lines, the size note, the priorities, the portrait's lines nor the phases' milestones, which cost a fifth of
/// wording a roadmap (perf41: 0.57 of 2.71 million instructions per territory). What the cards print never depends
/// on them: the findings are still chosen, since a finding's documents join the sources of its first action.
extension RoadmapDocument.Synthesis {
    /// Page 1 with its decisions only: what a CSV row says of it (« Décision de la page 1 »).
    static func decisionsOnly(_ decisions: [RoadmapDocument.Decision]) -> Self {
        Self(decisions: decisions, sharedCarrier: nil, alsoFirst: nil, findings: [], priorities: nil, sizeNote: "")
    }
}

extension TerritoryPortrait {
    /// The portrait's title and summary (the document's header), without its lines.
    init(summaryOf profile: Profile) {
        title = profile.name
        summary = Self.summary(profile)
        lines = []
    }
}
