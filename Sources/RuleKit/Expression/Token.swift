/// A lexical unit of the condition language, with its range in scalar offsets.
struct Token: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case number(Double)
        case string(String)
        case identifier(String)
        case keyword(Keyword)
        case comparison(ComparisonOperator)
        case leftParenthesis, rightParenthesis, leftBracket, rightBracket, comma, minus
        case end
    }

    enum Keyword: String, Hashable, Sendable {
        case and, or, not, `in`, `true`, `false`
    }

    var kind: Kind
    var range: Range<Int>
}
