/// A checked, compiled condition: parsed, checked and compiled once when the rules load.
public struct Condition: Sendable {
    public let source: String
    public let expression: Expression
    /// Slots of the facts the expression names.
    let slots: [String: Int]
    private let program: ConditionProgram

    private init(source: String, expression: Expression, slots: [String: Int]) {
        self.source = source
        self.expression = expression
        self.slots = slots
        program = ConditionProgram(expressions: [(expression, slots)])
    }

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
        return .success(Condition(source: source, expression: expression, slots: slots))
    }

    /// Evaluates this condition alone; to evaluate many conditions for the same facts, compile them together
    /// into a `ConditionProgram`.
    public func evaluate(_ facts: FactValues) -> Truth {
        program.evaluate(facts)[0]
    }

    /// Evaluates again, recording the value of every sub-expression (slower; for explanations).
    public func trace(_ facts: FactValues) -> ConditionTrace {
        ConditionTrace.build(expression, source: source, facts: facts, slots: slots)
    }
}
