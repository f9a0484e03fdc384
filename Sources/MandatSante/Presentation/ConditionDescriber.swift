import RuleKit

/// Reads a condition in plain French using the vocabulary's labels, for people who do not read expressions:
/// `not cpts and population < 3500` → « aucune CPTS ne couvre le territoire et population : moins de 3 500 habitants ».
public struct ConditionDescriber: Sendable {
    public let vocabulary: Vocabulary

    public init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
    }

    public func describe(_ expression: Expression) -> String {
        switch expression.kind {
        case .bool(let value):
            return value ? "s'applique à tout territoire" : "ne s'applique à aucun territoire"
        case .fact(let name):
            return vocabulary.fact(named: name)?.label ?? name
        case .named(let reference):
            return reference.label ?? describe(reference.expression)
        case .not(let written):
            // A named condition that says what its negation means: « une commune », not « type de territoire : autre
            // que … » nor « non (…) ».
            if case .named(let reference) = written.kind, let falseLabel = reference.falseLabel { return falseLabel }
            let inner = written.unwrapped
            if case .fact(let name) = inner.kind, let fact = vocabulary.fact(named: name) {
                return fact.falseLabel ?? "non : \(fact.label)"
            }
            if case .comparison(let op, let left, let right) = inner.kind, let negated = op.negation {
                return describe(Expression(.comparison(negated, left, right), range: inner.range))
            }
            return "non (\(describe(inner)))"
        case .and(let operands):
            return operands.map { describeNested($0) }.joined(separator: " et ")
        case .or(let operands):
            return operands.map { describeNested($0) }.joined(separator: " ou ")
        case .comparison(let op, let left, let right):
            return describeComparison(op, left, right)
        case .number, .string, .list:
            return operandText(expression, fact: nil)
        }
    }

    private func describeNested(_ expression: Expression) -> String {
        switch expression.unwrapped.kind {
        case .and, .or: return "(\(describe(expression)))"
        default: return describe(expression)
        }
    }

    private func describeComparison(_ op: ComparisonOperator, _ left: Expression, _ right: Expression) -> String {
        // `'v' in set` reads from the set's side.
        if case .fact(let name) = right.kind, let fact = vocabulary.fact(named: name), fact.type == .set {
            let value = operandText(left, fact: fact)
            return op == .in ? "\(fact.label) : comprend « \(value) »" : "\(fact.label) : ne comprend pas « \(value) »"
        }
        let fact: Fact? = { if case .fact(let name) = left.kind { return vocabulary.fact(named: name) }; return nil }()
        let subject = fact?.label ?? operandText(left, fact: nil)
        // Two facts compared (`seasonalPopulation > population`): a verb, since « : plus de population » says nothing.
        if case .fact = left.kind, case .fact(let name) = right.kind, let other = vocabulary.fact(named: name), other.type != .set {
            switch op {
            case .equal: return "\(subject) égale \(other.label)"
            case .notEqual: return "\(subject) diffère de \(other.label)"
            case .less: return "\(subject) n'atteint pas \(other.label)"
            case .lessOrEqual: return "\(subject) ne dépasse pas \(other.label)"
            case .greater: return "\(subject) dépasse \(other.label)"
            case .greaterOrEqual: return "\(subject) atteint au moins \(other.label)"
            case .in, .notIn: break
            }
        }
        let value = operandText(right, fact: fact)
        switch op {
        case .equal: return "\(subject) : \(value)"
        case .notEqual:
            // « autre que aucun CLS » is a double negative: « un CLS ».
            for (none, some) in [("aucun ", "un "), ("aucune ", "une ")] where value.hasPrefix(none) {
                return "\(subject) : \(some)\(value.dropFirst(none.count))"
            }
            return "\(subject) : autre que \(value)"
        case .less: return "\(subject) : moins de \(value)"
        case .lessOrEqual: return "\(subject) : au plus \(value)"
        case .greater: return "\(subject) : plus de \(value)"
        case .greaterOrEqual: return "\(subject) : au moins \(value)"
        case .in: return "\(subject) : \(value)"
        case .notIn: return "\(subject) : ni \(value.replacingOccurrences(of: " ou ", with: " ni "))"
        }
    }

    private func operandText(_ expression: Expression, fact: Fact?) -> String {
        switch expression.kind {
        case .number(let value):
            return ValueFormatter.value(.number(value), of: fact)
        case .string(let text):
            return fact?.label(ofChoice: text) ?? text
        case .bool(let value):
            return value ? "oui" : "non"
        case .fact(let name):
            return vocabulary.fact(named: name)?.label ?? name
        case .list(let items):
            let texts = items.map { operandText($0, fact: fact) }
            guard let last = texts.last else { return "aucune valeur" }
            return texts.count == 1 ? last : texts.dropLast().joined(separator: ", ") + " ou " + last
        default:
            return "(\(describe(expression)))"
        }
    }
}

extension ComparisonOperator {
    /// The operator meaning the opposite, so that `not (a < b)` reads as `a >= b`.
    var negation: ComparisonOperator? {
        switch self {
        case .equal: return .notEqual
        case .notEqual: return .equal
        case .less: return .greaterOrEqual
        case .lessOrEqual: return .greater
        case .greater: return .lessOrEqual
        case .greaterOrEqual: return .less
        case .in: return .notIn
        case .notIn: return .in
        }
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstUTF8Range(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
