import RuleKit
import Synchronization

/// Everything a finished card of a document reads besides its recommendation and the rule base: the key under
/// which a batch keeps whole cards from one territory to the next (`RoadmapPresenter.Memos.cards`). Thousands of
/// communes get the same card for an action — same rank, same reasons, same conditional lines, same numbers of
/// their sources —, and making one (its relations, its carrier, its lines, its citations) costs more than this key.
///
/// A value the card states is in the key as that value (its « Pour vous », its placement) or as what decides it
/// (the ranks its relations name, which conditional lines hold): a card made for one territory is the card any
/// other territory with the same key would get.
struct CardKey: Hashable, Sendable {
    var recommendation: String
    /// The calendar (the phase's title and period).
    var start: YearMonth
    var rank: Int
    var phaseIndex: Int
    /// The score and the boosts it counts (the score line and its terms).
    var score: Score
    var selection: SelectionReason
    var deadline: ScheduledDeadline?
    var placement: Placement
    /// The placement as worded, when the card has one (it names the ranks that took the place, and why).
    var placementBrief: String?
    var placementCauses: String?
    var prerequisites: [String]
    var assumedPrerequisites: [String]
    var together: [String]
    var supersedes: [String]
    /// The rank of each prerequisite then of each companion (0 when not in the roadmap), then 1 for each
    /// prerequisite placed in an earlier phase and 0 for the others, then 1 for each absent prerequisite that is
    /// to do first (it applies here) and 0 for the others.
    var related: [Int]
    /// Whether the territory is a commune (the carrier's wording).
    var isCommune: Bool
    /// « Pour vous », filled with the territory's own numbers.
    var forYou: [String]
    /// The territory's size when `forYou` states it.
    var sizeReason: String?
    /// Which conditional lines hold: cautions, steps, partners, funding, then the registered facts printed.
    var holds: [Bool]
    /// The document's number of each source the card cites, of each printed fact's document (0 when the
    /// bibliography does not have it), and the rank of the card that already told each example (0 when none).
    var sourceNumbers: [Int]
    var factNumbers: [Int]
    var toldAtRanks: [Int]

    /// A few fields tell most cards apart; equality still compares every field. Hashing every string of the key
    /// (its reasons, its relations) cost a tenth of a card.
    func hash(into hasher: inout Hasher) {
        hasher.combine(recommendation)
        hasher.combine(rank)
        hasher.combine(phaseIndex)
        hasher.combine(score.total)
        hasher.combine(forYou.count)
        for line in forYou { hasher.combine(line.utf8.count) }
        hasher.combine(holds.count)
        for (offset, holds) in holds.enumerated() where holds { hasher.combine(offset) }
        hasher.combine(sourceNumbers)
    }
}

/// A card as one renderer shows it: the card (by its `serial`) and how much of it the edition shows.
struct RenderedCardKey: Hashable, Sendable {
    var serial: Int
    var edition: CardEdition

    /// How many rendered cards a renderer keeps (a few kilobytes each).
    static let kept = 8_000
}

/// Numbers cards kept by a batch's presenter (`RoadmapDocument.Card.serial`): unique in the process, so that a
/// renderer that keeps cards it rendered never confuses two presenters' cards.
enum CardSerial {
    private static let last = Atomic<Int>(0)

    static func next() -> Int { last.add(1, ordering: .relaxed).newValue }
}
