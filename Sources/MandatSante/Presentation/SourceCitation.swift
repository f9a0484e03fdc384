extension RoadmapDocument.Source {
    /// Whether `other` cites the same document for the same section, hence is the same source: every source is made
    /// from these two alone (`RoadmapPresenter.Context.source`). Why it exists: `==` also compares the long title and
    /// citation, strings beyond ASCII that Swift compares character by character, for each source a card may add
    /// (perf41: 0.07 million instructions per territory).
    func isSameCitation(as other: Self) -> Bool {
        document == other.document && section == other.section
    }
}
