/// Values of a vocabulary's facts, stored by slot for fast evaluation. `nil` means absent (unknown).
public struct FactValues: Hashable, Sendable {
    public private(set) var slots: [FactValue?]

    /// Facts with every default of the vocabulary filled in.
    public init(defaultsOf vocabulary: Vocabulary) {
        slots = vocabulary.facts.map(\.defaultValue)
    }

    public subscript(slot: Int) -> FactValue? {
        get { slot < slots.count ? slots[slot] : nil }
        set { if slot < slots.count { slots[slot] = newValue } }
    }

    public func value(of name: String, in vocabulary: Vocabulary) -> FactValue? {
        vocabulary.slot(of: name).flatMap { self[$0] }
    }

    public mutating func set(_ name: String, to value: FactValue?, in vocabulary: Vocabulary) {
        if let slot = vocabulary.slot(of: name) { self[slot] = value }
    }
}
