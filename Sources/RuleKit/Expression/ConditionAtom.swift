/// One test of a condition that is not a combination of others — a boolean fact, a comparison — in the form
/// a `ConditionProgram` evaluates without closures, strings or reference counting for the forms rules are
/// written in. Equal atoms are evaluated once for all the conditions that contain them.
enum ConditionAtom: Hashable, Sendable {
    /// A boolean fact used as a condition.
    case flag(slot: Int)
    /// A number fact against a number literal (`<`, `<=`, `>`, `>=`).
    case bound(slot: Int, ComparisonOperator, Double)
    /// A fact equal (or not) to a literal that is not text, or in a list of such literals.
    case oneOf(slot: Int, [FactValue], negated: Bool)
    /// A text fact equal to one of some text literals, or a text literal in a set fact: a bit test on the
    /// group's reading of the fact (see `LiteralGroup`).
    case literals(group: Int, mask: UInt64, negated: Bool)
    /// Any other form (a fact against a fact, a sub-condition as an operand…), interpreted by the trace.
    case general(index: Int)

    func truth(_ facts: FactValues, groups: [UInt64?], generals: [ConditionProgram.General]) -> Truth {
        switch self {
        case .flag(let slot):
            guard case .bool(let flag)? = facts[slot] else { return .unknown }
            return Truth(flag)
        case .bound(let slot, let op, let bound):
            guard case .number(let value)? = facts[slot] else { return .unknown }
            switch op {
            case .less: return Truth(value < bound)
            case .lessOrEqual: return Truth(value <= bound)
            case .greater: return Truth(value > bound)
            default: return Truth(value >= bound)
            }
        case .oneOf(let slot, let values, let negated):
            guard let value = facts[slot] else { return .unknown }
            return Truth(values.contains { Semantics.equal(value, $0) } != negated)
        case .literals(let group, let mask, let negated):
            guard let read = groups[group] else { return .unknown }
            return Truth((read & mask != 0) != negated)
        case .general(let index):
            let general = generals[index]
            return ConditionTrace.build(general.expression, source: "", facts: facts, slots: general.slots).truth
        }
    }
}

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
