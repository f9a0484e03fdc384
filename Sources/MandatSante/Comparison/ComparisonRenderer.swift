/// An output format of a roadmap comparison; each format is one renderer over `RoadmapComparison`.
public protocol ComparisonRenderer: Sendable {
    func render(_ comparison: RoadmapComparison) -> String
}

/// The formats of `compare`, by their French names (a subset of the roadmap's: a comparison is read, not loaded).
public enum ComparisonFormat: String, CaseIterable, Sendable {
    case text = "texte"
    case markdown = "markdown"

    public var renderer: any ComparisonRenderer {
        switch self {
        case .text: return TextComparisonRenderer()
        case .markdown: return MarkdownComparisonRenderer()
        }
    }
}

extension RoadmapComparison {
    /// The sections in the order renderers show them: heading, symbol of each line, changes.
    public var sections: [(title: String, symbol: String, changes: [Change])] {
        [("Ajoutées", "+", added), ("Retirées", "-", removed), ("Changent de phase", "→", movedPhase),
         ("Montent", "↑", movedUp), ("Descendent", "↓", movedDown)]
    }

    /// « 1 ajoutée, 1 retirée, 3 changent de phase, 4 montent, 5 descendent »
    public var summary: String {
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n > 1 ? many : one)" }
        return [count(added.count, "ajoutée", "ajoutées"), count(removed.count, "retirée", "retirées"),
                count(movedPhase.count, "change de phase", "changent de phase"),
                count(movedUp.count, "monte", "montent"), count(movedDown.count, "descend", "descendent")].joined(separator: ", ")
    }

    /// « rang 13 → 10 · Jusqu'à mi-mandat → La première année · score 90 → 95 », or « était au rang 5 · … ».
    public static func position(_ change: Change) -> String {
        func pair<T: Equatable>(_ old: T?, _ new: T?, _ show: (T) -> String) -> String? {
            switch (old, new) {
            case let (old?, new?): return old == new ? show(old) : "\(show(old)) → \(show(new))"
            case let (value?, nil), let (nil, value?): return show(value)
            default: return nil
            }
        }
        let rank: String
        switch (change.rankBefore, change.rankAfter) {
        case let (old?, new?): rank = old == new ? "rang \(old)" : "rang \(old) → \(new)"
        case let (old?, nil): rank = "était au rang \(old)"
        case let (nil, new?): rank = "rang \(new)"
        default: rank = ""
        }
        let score = pair(change.scoreBefore, change.scoreAfter) { String($0) }.map { "score \($0)" }
        return [rank, pair(change.phaseBefore, change.phaseAfter) { $0 }, score].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
    }
}
