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
        case .fact:
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
