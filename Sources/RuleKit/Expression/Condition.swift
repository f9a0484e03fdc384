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

    /// Parses, type-checks and compiles `source`, resolving the named conditions it uses; returns every problem
    /// found when it is not valid (none when it only fails because a definition it uses is itself invalid).
    public static func compile(_ source: String, vocabulary: Vocabulary, definitions: ConditionDefinitions = ConditionDefinitions()) -> Result<Condition, ExpressionFailure> {
        let parsed: Expression
        do {
            parsed = try Parser.parse(source)
        } catch {
            return .failure(ExpressionFailure([error]))
        }
        let expression: Expression
        switch definitions.resolveAndCheck(parsed, vocabulary: vocabulary) {
        case .success(let resolved): expression = resolved
        case .failure(let failure): return .failure(failure)
        }
        var slots: [String: Int] = [:]
        for name in expression.factNames {
            slots[name] = vocabulary.slot(of: name)
        }
        return .success(Condition(source: source, expression: expression, slots: slots))
    }

    /// The named conditions this condition uses directly.
    public var references: [String] {
        var names: [String] = []
        func visit(_ node: Expression) {
            if case .named(let reference) = node.kind {
                if !names.contains(reference.name) { names.append(reference.name) }
                return
            }
            node.children.forEach(visit)
        }
        visit(expression)
        return names
    }

    /// The condition as written, with every named condition it uses written out.
    public var resolvedSource: String {
        ConditionDefinitions.resolvedText(of: expression, source: source)
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
