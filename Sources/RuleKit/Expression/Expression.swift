/// A comparison operator of the condition language.
public enum ComparisonOperator: String, Hashable, Sendable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case `in` = "in"
    case notIn = "not in"
}

/// A named condition where it is used: its name, and the definition's expression, whose ranges are offsets in
/// the definition's own text (`source`), not in the condition that uses it.
public struct NamedCondition: Hashable, Sendable {
    public var name: String
    public var expression: Expression
    public var source: String
    /// What the condition means, said for people (« une intercommunalité »), when its definition gives it: an
    /// explanation says this rather than the definition's parts (« type de territoire : autre que commune »).
    public var label: String?
    /// What its negation means (« une commune »), so that `not` over it is not a double negative.
    public var falseLabel: String?

    public init(name: String, expression: Expression, source: String, label: String? = nil, falseLabel: String? = nil) {
        self.name = name
        self.expression = expression
        self.source = source
        self.label = label
        self.falseLabel = falseLabel
    }
}

/// A parsed condition: a tree whose every node knows its range in the source text.
public struct Expression: Hashable, Sendable {
    public indirect enum Kind: Hashable, Sendable {
        case bool(Bool)
        case number(Double)
        case string(String)
        case fact(String)
        case list([Expression])
        case not(Expression)
        case and([Expression])
        case or([Expression])
        case comparison(ComparisonOperator, Expression, Expression)
        /// A named condition used by its name (`petite-commune`), with what it stands for.
        case named(NamedCondition)
    }

    public var kind: Kind
    /// Scalar offsets `[start, end)` in the expression's text.
    public var range: Range<Int>

    public init(_ kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }

    /// The direct sub-expressions, in source order.
    public var children: [Expression] {
        switch kind {
        case .bool, .number, .string, .fact: return []
        case .list(let items), .and(let items), .or(let items): return items
        case .not(let operand): return [operand]
        case .comparison(_, let left, let right): return [left, right]
        case .named(let reference): return [reference.expression]
        }
    }

    /// This expression without the named conditions it may be wrapped in: what it stands for.
    public var unwrapped: Expression {
        var result = self
        while case .named(let reference) = result.kind { result = reference.expression }
        return result
    }

    /// Every fact name the expression reads.
    public var factNames: Set<String> {
        var names: Set<String> = []
        collectFactNames(into: &names)
        return names
    }

    /// Into one set, without a set (and an array of children) per node: presenting a roadmap asks this of
    /// hundreds of sub-conditions.
    private func collectFactNames(into names: inout Set<String>) {
        switch kind {
        case .bool, .number, .string: return
        case .fact(let name): names.insert(name)
        case .list(let items), .and(let items), .or(let items): for item in items { item.collectFactNames(into: &names) }
        case .not(let operand): operand.collectFactNames(into: &names)
        case .comparison(_, let left, let right):
            left.collectFactNames(into: &names)
            right.collectFactNames(into: &names)
        case .named(let reference): reference.expression.collectFactNames(into: &names)
        }
    }

    /// The source text of this node, cut out of the full expression text.
    public func text(in source: String) -> String {
        let scalars = source.unicodeScalars
        guard range.lowerBound >= 0, range.upperBound <= scalars.count else { return "" }
        let start = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
        let end = scalars.index(start, offsetBy: range.count)
        return String(scalars[start..<end])
    }
}
