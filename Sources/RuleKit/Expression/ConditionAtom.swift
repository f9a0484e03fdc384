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
    /// A fact against another fact (`seasonalPopulation > population`).
    case factPair(left: Int, ComparisonOperator, right: Int)
    /// Any other form (a sub-condition as an operand…), interpreted by the trace.
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
        case .factPair(let left, let op, let right):
            return Semantics.compare(op, facts[left], facts[right])
        case .general(let index):
            let general = generals[index]
            return ConditionTrace.build(general.expression, source: "", facts: facts, slots: general.slots).truth
        }
    }
}
