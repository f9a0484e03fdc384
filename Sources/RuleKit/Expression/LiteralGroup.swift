/// Text literals that conditions compare one fact with, numbered so that reading the fact once gives a bit
/// mask of the literals it equals (a text fact) or contains (a set fact). At most 64 literals per group; a
/// fact compared with more is spread over several groups.
struct LiteralGroup: Hashable, Sendable {
    enum Reading: Hashable, Sendable {
        /// `fact == 'a'`, `fact in ['a', 'b']`: the literal the text fact equals.
        case text
        /// `'a' in fact`: the literals the set fact contains.
        case set
    }

    static let capacity = 64

    let slot: Int
    let reading: Reading
    private(set) var bits: [String: Int] = [:]

    init(slot: Int, reading: Reading) {
        self.slot = slot
        self.reading = reading
    }

    /// Whether the literals missing from the group fit in it.
    func canHold(_ literals: Set<String>) -> Bool {
        literals.filter { bits[$0] == nil }.count <= Self.capacity - bits.count
    }

    /// The mask of `literals`, numbering those the group does not hold yet (it must have room: `canHold`).
    mutating func mask(inserting literals: Set<String>) -> UInt64 {
        var mask: UInt64 = 0
        for literal in literals.sorted() {
            let bit = bits[literal] ?? bits.count
            bits[literal] = bit
            mask |= 1 << UInt64(bit)
        }
        return mask
    }

    /// The mask of this group's literals that the fact matches; `nil` when the comparison is unknown. Mirrors
    /// `Semantics`: an absent fact is unknown; a text fact of another type equals no literal; membership in
    /// anything but a set is unknown.
    func read(_ facts: FactValues) -> UInt64? {
        guard let value = facts[slot] else { return nil }
        switch (reading, value) {
        case (.text, .text(let text)):
            return bits[text].map { 1 << UInt64($0) } ?? 0
        case (.text, _):
            return 0
        case (.set, .set(let members)):
            var mask: UInt64 = 0
            for member in members {
                if let bit = bits[member] { mask |= 1 << UInt64(bit) }
            }
            return mask
        case (.set, _):
            return nil
        }
    }
}
