/// Checks a parsed condition against a vocabulary: facts exist, values are allowed, types fit.
///
/// Collects every problem of the expression rather than stopping at the first.
public struct TypeChecker {
    /// The static type of a sub-expression.
    indirect enum StaticType {
        case bool
        case number
        /// Text; `fact` is set for enumerated facts, whose values are restricted.
        case text(fact: Fact?)
        case set(Fact)
        case list([(type: StaticType, expression: Expression)])
        case invalid

        /// A stable name for diagnostics.
        var name: String {
            switch self {
            case .bool: return "boolean"
            case .number: return "number"
            case .text(let fact): return fact == nil ? "text" : "choice"
            case .set: return "set"
            case .list: return "list"
            case .invalid: return "invalid"
            }
        }
    }

    let vocabulary: Vocabulary
    /// The named conditions the expression could have used, for suggestions when a name is unknown.
    let definitionNames: [String]
    private(set) var errors: [ExpressionError] = []

    public static func check(_ expression: Expression, vocabulary: Vocabulary, definitionNames: [String] = []) -> [ExpressionError] {
        var checker = TypeChecker(vocabulary: vocabulary, definitionNames: definitionNames)
        checker.requireCondition(expression)
        return checker.errors
    }

    private init(vocabulary: Vocabulary, definitionNames: [String]) {
        self.vocabulary = vocabulary
        self.definitionNames = definitionNames
    }

    /// `expression` is used where a truth value is needed.
    private mutating func requireCondition(_ expression: Expression) {
        switch expression.kind {
        case .and(let operands), .or(let operands):
            operands.forEach { requireCondition($0) }
        case .not(let operand):
            requireCondition(operand)
        case .comparison(let op, let left, let right):
            checkComparison(op, left, right, range: expression.range)
        case .bool, .named:
            // A named condition was checked where it is defined.
            break
        case .fact(let name):
            guard let fact = lookUp(name, at: expression.range) else { return }
            if fact.type != .bool {
                errors.append(ExpressionError("expression.type", ["reason": "not-a-condition", "fact": name, "factType": fact.type.rawValue, "choice": fact.choiceIDs.first ?? ""], at: expression.range))
            }
        case .number, .string:
            errors.append(ExpressionError("expression.type", ["reason": "lone-value"], at: expression.range))
        case .list:
            errors.append(ExpressionError("expression.type", ["reason": "lone-list"], at: expression.range))
        }
    }

    private mutating func type(of expression: Expression) -> StaticType {
        switch expression.kind {
        case .bool: return .bool
        case .number: return .number
        case .string: return .text(fact: nil)
        case .named: return .bool
        case .fact(let name):
            guard let fact = lookUp(name, at: expression.range) else { return .invalid }
            switch fact.type {
            case .bool: return .bool
            case .int, .number: return .number
            case .text: return .text(fact: nil)
            case .enum: return .text(fact: fact)
            case .set: return .set(fact)
            }
        case .list(let items):
            return .list(items.map { (type(of: $0), $0) })
        case .and, .or, .not, .comparison:
            requireCondition(expression)
            return .bool
        }
    }

    private mutating func checkComparison(_ op: ComparisonOperator, _ left: Expression, _ right: Expression, range: Range<Int>) {
        let leftType = type(of: left)
        let rightType = type(of: right)
        switch op {
        case .equal, .notEqual:
            checkEquality(leftType, left, rightType, right)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            for (type, expression) in [(leftType, left), (rightType, right)] {
                switch type {
                case .number, .invalid: continue
                default:
                    errors.append(ExpressionError("expression.type", ["reason": "not-a-number", "operator": op.rawValue, "operand": describe(expression), "operandType": type.name], at: expression.range))
                }
            }
        case .in, .notIn:
            checkMembership(op, leftType, left, rightType, right)
        }
    }

    private mutating func checkEquality(_ leftType: StaticType, _ left: Expression, _ rightType: StaticType, _ right: Expression) {
        switch (leftType, rightType) {
        case (.invalid, _), (_, .invalid), (.bool, .bool), (.number, .number):
            return
        case (.text(let leftFact), .text(let rightFact)):
            if let fact = leftFact { checkChoice(right, of: fact) }
            if let fact = rightFact { checkChoice(left, of: fact) }
        case (.set(let fact), _), (_, .set(let fact)):
            errors.append(ExpressionError("expression.type", ["reason": "set-equality", "fact": fact.name], at: left.range.lowerBound..<right.range.upperBound))
        default:
            errors.append(ExpressionError("expression.type", ["reason": "mismatch", "left": describe(left), "leftType": leftType.name, "right": describe(right), "rightType": rightType.name], at: left.range.lowerBound..<right.range.upperBound))
        }
    }

    private mutating func checkMembership(_ op: ComparisonOperator, _ leftType: StaticType, _ left: Expression, _ rightType: StaticType, _ right: Expression) {
        switch rightType {
        case .invalid:
            return
        case .list(let items):
            for item in items {
                switch (leftType, item.type) {
                case (.invalid, _), (_, .invalid), (.number, .number), (.bool, .bool):
                    continue
                case (.text(let fact), .text):
                    if let fact { checkChoice(item.expression, of: fact) }
                default:
                    errors.append(ExpressionError("expression.type", ["reason": "list-item-mismatch", "item": describe(item.expression), "itemType": item.type.name, "left": describe(left), "leftType": leftType.name], at: item.expression.range))
                }
            }
        case .set(let fact):
            switch leftType {
            case .invalid: return
            case .text(let leftFact) where leftFact == nil:
                checkChoice(left, of: fact)
            default:
                errors.append(ExpressionError("expression.type", ["reason": "set-membership-left", "operator": op.rawValue, "fact": fact.name, "choice": fact.choiceIDs.first ?? ""], at: left.range))
            }
        default:
            errors.append(ExpressionError("expression.type", ["reason": "membership-right", "operator": op.rawValue, "right": describe(right), "rightType": rightType.name], at: right.range))
        }
    }

    /// A string literal compared with an enumerated fact must be one of its values.
    private mutating func checkChoice(_ expression: Expression, of fact: Fact) {
        guard case .string(let value) = expression.kind, fact.type == .enum || fact.type == .set else { return }
        guard fact.choice(value) == nil else { return }
var arguments = ["value": value, "fact": fact.name, "allowed": fact.choiceIDs.joined(separator: ", ")]
        arguments["suggestion"] = Suggestion.closest(to: value, among: fact.choiceIDs)
        errors.append(ExpressionError("expression.valeur-inconnue", arguments, at: expression.range))
    }

    private mutating func lookUp(_ name: String, at range: Range<Int>) -> Fact? {
        if let fact = vocabulary.fact(named: name) { return fact }
        var arguments = ["name": name]
        arguments["suggestion"] = Suggestion.closest(to: name, among: vocabulary.factNames + definitionNames)
        errors.append(ExpressionError(name.contains("-") ? "expression.definition-inconnue" : "expression.fait-inconnu", arguments, at: range))
        return nil
    }

    private func describe(_ expression: Expression) -> String {
        switch expression.kind {
        case .fact(let name): return name
        case .named(let reference): return reference.name
        case .string(let text): return "'\(text)'"
        case .number(let value): return JSONObjectReader.format(value)
        case .bool(let value): return value ? "true" : "false"
        case .list: return "[…]"
        default: return "(…)"
        }
    }
}
