import RuleKit

/// The facts one recommendation's « Pour vous » and findings read in one territory, by their slot in the vocabulary
/// (`RoadmapPresenter.Context.wordTerritorial`). Why it exists: the same work with sets of fact names hashed every name
/// of every leaf again for each territory, then sorted the names back into the vocabulary's order — the slots of a
/// leaf's facts are known once per rule base (`HeldLeafProgram.Part.factSlots`), and reading the slots in order gives
/// that order for free (perf41).
struct ReadFacts {
    /// For each slot: read by a held leaf (`read`), by one of the condition (`inCondition`), by a leaf that is not a
    /// member test (`whole`).
    private var flags: [UInt8]
    /// For each slot, the points of the applying boosts whose held leaves read it, once per leaf.
    private(set) var raising: [Int]

    private static let read: UInt8 = 1, inCondition: UInt8 = 2, whole: UInt8 = 4

    init(count: Int) {
        flags = [UInt8](repeating: 0, count: count)
        raising = [Int](repeating: 0, count: count)
    }

    /// Notes the facts of a held leaf: of the condition, or of a boost that applies with `points`.
    mutating func note(_ slots: [Int], inCondition: Bool, whole: Bool, points: Int = 0) {
        let mark = Self.read | (inCondition ? Self.inCondition : 0) | (whole ? Self.whole : 0)
        for slot in slots {
            flags[slot] |= mark
            raising[slot] += points
        }
    }

    /// The slots read, in the vocabulary's order.
    var readSlots: [Int] { flags.indices.filter { flags[$0] & Self.read != 0 } }

    func isInCondition(_ slot: Int) -> Bool { flags[slot] & Self.inCondition != 0 }

    func isReadWhole(_ slot: Int) -> Bool { flags[slot] & Self.whole != 0 }
}
