/// A checked, compiled condition: parse and check once when the rules load, evaluate fast for every input.
public struct Condition: Sendable {
    public let source: String
    public let expression: Expression
    private let evaluator: @Sendable (FactValues) -> Truth
    private let slots: [String: Int]

    /// Parses, type-checks and compiles `source`; returns every problem found when it is not valid.
    public static func compile(_ source: String, vocabulary: Vocabulary) -> Result<Condition, ExpressionFailure> {
        let expression: Expression
        do {
            expression = try Parser.parse(source)
        } catch {
            return .failure(ExpressionFailure([error]))
        }
        let errors = TypeChecker.check(expression, vocabulary: vocabulary)
        if errors.contains(where: { $0.severity == .error }) { return .failure(ExpressionFailure(errors)) }
        var slots: [String: Int] = [:]
        for name in expression.factNames {
            slots[name] = vocabulary.slot(of: name)
        }
        let compiler = ConditionCompiler(slots: slots)
        return .success(Condition(source: source, expression: expression, evaluator: compiler.condition(expression), slots: slots))
    }

    /// The same condition compiled again: closures of its own, shared with no other thread (see `Planner.replica`).
    public func recompiled() -> Condition {
        Condition(source: source, expression: expression, evaluator: ConditionCompiler(slots: slots).condition(expression), slots: slots)
    }

    public func evaluate(_ facts: FactValues) -> Truth {
        evaluator(facts)
    }

    /// Evaluates again, recording the value of every sub-expression (slower; for explanations).
    public func trace(_ facts: FactValues) -> ConditionTrace {
        ConditionTrace.build(expression, source: source, facts: facts, slots: slots)
    }
}

/// Turns a checked tree into nested closures, with literal operands and literal lists resolved ahead of time.
struct ConditionCompiler {
    typealias Predicate = @Sendable (FactValues) -> Truth
    typealias Operand = @Sendable (FactValues) -> FactValue?

    let slots: [String: Int]

    func condition(_ expression: Expression) -> Predicate {
        switch expression.kind {
        case .bool(let value):
            let truth = Truth(value)
            return { _ in truth }
        case .fact(let name):
            if let slot = slots[name] {
                return { facts in
                    guard case .bool(let flag)? = facts[slot] else { return .unknown }
                    return Truth(flag)
                }
            }
            let value = operand(expression)
            return { facts in
                guard case .bool(let flag) = value(facts) else { return .unknown }
                return Truth(flag)
            }
        case .not(let inner):
            let predicate = condition(inner)
            return { !predicate($0) }
        case .and(let operands):
            let predicates = operands.map(condition)
            return { facts in Semantics.and(predicates.lazy.map { $0(facts) }) }
        case .or(let operands):
            let predicates = operands.map(condition)
            return { facts in Semantics.or(predicates.lazy.map { $0(facts) }) }
        case .comparison(let op, let left, let right):
            return comparison(op, left, right)
        case .number, .string, .list:
            return { _ in .unknown }
        }
    }

    private func comparison(_ op: ComparisonOperator, _ left: Expression, _ right: Expression) -> Predicate {
        if let predicate = factAgainstLiterals(op, left, right) { return predicate }
        let leftValue = operand(left)
        if case .list(let items) = right.kind {
            let negated = op == .notIn
            if items.allSatisfy({ Semantics.literal($0) != nil }) {
                let values = items.compactMap(Semantics.literal)
                return { facts in Semantics.member(leftValue(facts), of: values, negated: negated) }
            }
            let itemValues = items.map(operand)
            return { facts in Semantics.member(leftValue(facts), of: itemValues.map { $0(facts) }, negated: negated) }
        }
        let rightValue = operand(right)
        return { facts in Semantics.compare(op, leftValue(facts), rightValue(facts)) }
    }

    /// The forms nearly every rule is written in — a fact compared with a literal, a fact in a list of literals,
    /// a literal in a set fact — read the fact's slot in place instead of going through operand closures and
    /// optional values: conditions are evaluated a few hundred times per profile. `Semantics` stays the reference;
    /// the tests check the two agree on every form.
    private func factAgainstLiterals(_ op: ComparisonOperator, _ left: Expression, _ right: Expression) -> Predicate? {
        if case .fact(let name) = right.kind, let slot = slots[name], op == .in || op == .notIn,
           case .text(let member)? = Semantics.literal(left) {
            let negated = op == .notIn
            return { facts in
                guard case .set(let members)? = facts[slot] else { return .unknown }
                return Truth(members.contains(member) != negated)
            }
        }
        guard case .fact(let name) = left.kind, let slot = slots[name] else { return nil }
        if case .list(let items) = right.kind {
            let values = items.compactMap(Semantics.literal)
            guard values.count == items.count else { return nil }
            let negated = op == .notIn
            return { facts in
                guard let value = facts[slot] else { return .unknown }
                return Truth(values.contains(value) != negated)
            }
        }
        guard let literal = Semantics.literal(right) else { return nil }
        switch (op, literal) {
        case (.less, .number(let bound)), (.lessOrEqual, .number(let bound)), (.greater, .number(let bound)), (.greaterOrEqual, .number(let bound)):
            return { facts in
                guard case .number(let value)? = facts[slot] else { return .unknown }
                switch op {
                case .less: return Truth(value < bound)
                case .lessOrEqual: return Truth(value <= bound)
                case .greater: return Truth(value > bound)
                default: return Truth(value >= bound)
                }
            }
        case (.equal, _), (.notEqual, _):
            let negated = op == .notEqual
            return { facts in
                guard let value = facts[slot] else { return .unknown }
                return Truth((value == literal) != negated)
            }
        default:
            return nil
        }
    }

    private func operand(_ expression: Expression) -> Operand {
        if let literal = Semantics.literal(expression) {
            return { _ in literal }
        }
        if case .fact(let name) = expression.kind, let slot = slots[name] {
            return { $0[slot] }
        }
        let predicate = condition(expression)
        return { facts in
            switch predicate(facts) {
            case .true: return .bool(true)
            case .false: return .bool(false)
            case .unknown: return nil
            }
        }
    }
}
