/// The value every sub-expression of a condition took for one set of facts.
public struct ConditionTrace: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// A sub-condition and its truth.
        case truth(Truth)
        /// An operand (fact or literal) and its value; nil when the fact is absent.
        case value(FactValue?)
        /// A literal list.
        case list
    }

    public var expression: Expression
    /// The text `expression`'s range is an offset in (a named condition's definition has its own).
    public var source: String
    public var outcome: Outcome
    public var children: [ConditionTrace]

    /// The source text of this sub-expression: cut on demand, since only explanations that quote the condition
    /// read it (a batch builds thousands of traces per second and never does).
    public var text: String { expression.text(in: source) }

    public var truth: Truth {
        if case .truth(let truth) = outcome { return truth }
        return .unknown
    }

    static func build(_ expression: Expression, source: String, facts: FactValues, slots: [String: Int]) -> ConditionTrace {
        func node(_ outcome: Outcome, _ children: [ConditionTrace]) -> ConditionTrace {
            ConditionTrace(expression: expression, source: source, outcome: outcome, children: children)
        }
        func child(_ expression: Expression) -> ConditionTrace {
            build(expression, source: source, facts: facts, slots: slots)
        }
        switch expression.kind {
        case .bool(let value):
            return node(.truth(Truth(value)), [])
        case .number, .string:
            return node(.value(Semantics.literal(expression)), [])
        case .fact(let name):
            let value = slots[name].flatMap { facts[$0] }
            if case .bool(let flag) = value { return node(.truth(Truth(flag)), []) }
            return node(.value(value), [])
        case .list(let items):
            return node(.list, items.map(child))
        case .not(let inner):
            let innerTrace = child(inner)
            return node(.truth(!innerTrace.truth), [innerTrace])
        case .and(let operands):
            let traces = operands.map(child)
            return node(.truth(Semantics.and(traces.map(\.truth))), traces)
        case .or(let operands):
            let traces = operands.map(child)
            return node(.truth(Semantics.or(traces.map(\.truth))), traces)
        case .named(let reference):
            let inner = build(reference.expression, source: reference.source, facts: facts, slots: slots)
            return node(.truth(inner.truth), [inner])
        case .comparison(let op, let left, let right):
            let leftTrace = child(left)
            let rightTrace = child(right)
            let truth: Truth
            if case .list = rightTrace.outcome {
                truth = Semantics.member(leftTrace.operandValue, of: rightTrace.children.map(\.operandValue), negated: op == .notIn)
            } else {
                truth = Semantics.compare(op, leftTrace.operandValue, rightTrace.operandValue)
            }
            return node(.truth(truth), [leftTrace, rightTrace])
        }
    }

    /// The value of this node used as an operand (a boolean sub-condition becomes a boolean value).
    var operandValue: FactValue? {
        switch outcome {
        case .value(let value): return value
        case .truth(.true): return .bool(true)
        case .truth(.false): return .bool(false)
        case .truth(.unknown), .list: return nil
        }
    }
}
