/// The meaning of each operator, shared by the compiled evaluator and the tracing interpreter so that both
/// always agree.
enum Semantics {
    static func compare(_ op: ComparisonOperator, _ left: FactValue?, _ right: FactValue?) -> Truth {
        guard let left, let right else { return .unknown }
        switch op {
        case .equal: return Truth(equal(left, right))
        case .notEqual: return Truth(!equal(left, right))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard case .number(let a) = left, case .number(let b) = right else { return .unknown }
            switch op {
            case .less: return Truth(a < b)
            case .lessOrEqual: return Truth(a <= b)
            case .greater: return Truth(a > b)
            default: return Truth(a >= b)
            }
        case .in, .notIn:
            let contained: Bool
            if case .set(let members) = right, case .text(let value) = left {
                contained = members.contains(value)
            } else {
                return .unknown
            }
            return Truth(op == .in ? contained : !contained)
        }
    }

    /// Membership of `left` in a list of values (`x in [a, b]`); unknown items make a non-match unknown.
    static func member(_ left: FactValue?, of items: [FactValue?], negated: Bool) -> Truth {
        guard let left else { return .unknown }
        var sawUnknown = false
        for item in items {
            guard let item else { sawUnknown = true; continue }
            if equal(left, item) { return Truth(!negated) }
        }
        return sawUnknown ? .unknown : Truth(negated)
    }

    static func equal(_ left: FactValue, _ right: FactValue) -> Bool {
        switch (left, right) {
        case (.number(let a), .number(let b)): return a == b
        case (.text(let a), .text(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.set(let a), .set(let b)): return a == b
        default: return false
        }
    }

    /// Kleene conjunction: false wins, then unknown.
    static func and(_ values: some Sequence<Truth>) -> Truth {
        var result = Truth.true
        for value in values {
            if value == .false { return .false }
            if value == .unknown { result = .unknown }
        }
        return result
    }

    /// Kleene disjunction: true wins, then unknown.
    static func or(_ values: some Sequence<Truth>) -> Truth {
        var result = Truth.false
        for value in values {
            if value == .true { return .true }
            if value == .unknown { result = .unknown }
        }
        return result
    }

    static func literal(_ expression: Expression) -> FactValue? {
        switch expression.kind {
        case .bool(let value): return .bool(value)
        case .number(let value): return .number(value)
        case .string(let value): return .text(value)
        default: return nil
        }
    }
}
