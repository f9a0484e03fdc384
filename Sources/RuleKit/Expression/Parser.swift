/// Parses a condition into an `Expression` tree.
///
/// Grammar (lowest precedence first):
/// ```
/// or         := and ("or" and)*
/// and        := unary ("and" unary)*
/// unary      := "not" unary | comparison
/// comparison := operand (("==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not" "in") operand)?
/// operand    := number | "-" number | string | "true" | "false" | fact | "[" list "]" | "(" or ")"
/// ```
public struct Parser {
    /// Longer conditions are refused: a rule condition is a line, not a program.
    public static let maximumLength = 2_000
    /// Deeper nesting of parentheses and `not` is refused before it can exhaust the stack.
    public static let maximumDepth = 40

    private let tokens: [Token]
    private let source: String
    private var position = 0
    private var depth = 0

    public static func parse(_ source: String) throws(ExpressionError) -> Expression {
        let length = source.unicodeScalars.count
        if length > maximumLength {
            throw ExpressionError("expression.trop-longue", ["length": String(length), "maximum": String(maximumLength)], at: 0..<1)
        }
        var parser = Parser(tokens: try Lexer.tokenize(source), source: source)
        if parser.current.kind == .end {
            throw ExpressionError("expression.vide", at: 0..<max(length, 1))
        }
        let expression = try parser.parseOr()
        guard parser.current.kind == .end else {
            throw ExpressionError("expression.jeton-inattendu", ["token": parser.text(of: parser.current), "expected": "connective"], at: parser.current.range)
        }
        return expression
    }

    private init(tokens: [Token], source: String) {
        self.tokens = tokens
        self.source = source
    }

    private var current: Token { tokens[min(position, tokens.count - 1)] }

    private mutating func advance() -> Token {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func text(of token: Token) -> String {
        Expression(.bool(true), range: token.range).text(in: source)
    }

    private mutating func parseOr() throws(ExpressionError) -> Expression {
        var operands = [try parseAnd()]
        while current.kind == .keyword(.or) {
            _ = advance()
            operands.append(try parseAnd())
        }
        return operands.count == 1 ? operands[0] : Expression(.or(operands), range: Self.span(operands))
    }

    private mutating func parseAnd() throws(ExpressionError) -> Expression {
        var operands = [try parseUnary()]
        while current.kind == .keyword(.and) {
            _ = advance()
            operands.append(try parseUnary())
        }
        return operands.count == 1 ? operands[0] : Expression(.and(operands), range: Self.span(operands))
    }

    private mutating func parseUnary() throws(ExpressionError) -> Expression {
        guard current.kind == .keyword(.not) else { return try parseComparison() }
        let notToken = advance()
        try descend(at: notToken.range)
        defer { depth -= 1 }
        let operand = try parseUnary()
        return Expression(.not(operand), range: notToken.range.lowerBound..<operand.range.upperBound)
    }

    private mutating func parseComparison() throws(ExpressionError) -> Expression {
        let left = try parseOperand(after: tokens[max(position - 1, 0)])
        let op: ComparisonOperator
        switch current.kind {
        case .comparison(let comparison):
            op = comparison
        case .keyword(.in):
            op = .in
        case .keyword(.not):
            let notToken = current
            guard position + 1 < tokens.count, tokens[position + 1].kind == .keyword(.in) else {
                throw ExpressionError("expression.jeton-inattendu", ["token": "not", "expected": "not-placement"], at: notToken.range)
            }
            _ = advance()
            op = .notIn
        default:
            return left
        }
        let operatorToken = advance()
        let right = try parseOperand(after: operatorToken)
        if case .comparison = current.kind {
            throw ExpressionError("expression.comparaison-enchainee", at: current.range)
        }
        return Expression(.comparison(op, left, right), range: left.range.lowerBound..<right.range.upperBound)
    }

    private mutating func parseOperand(after previous: Token) throws(ExpressionError) -> Expression {
        let token = current
        switch token.kind {
        case .number(let value):
            _ = advance()
            return Expression(.number(value), range: token.range)
        case .minus:
            _ = advance()
            guard case .number(let value) = current.kind else {
                throw ExpressionError("expression.nombre-attendu", at: current.range.isEmpty ? token.range : current.range)
            }
            let number = advance()
            return Expression(.number(-value), range: token.range.lowerBound..<number.range.upperBound)
        case .string(let text):
            _ = advance()
            return Expression(.string(text), range: token.range)
        case .keyword(.true):
            _ = advance()
            return Expression(.bool(true), range: token.range)
        case .keyword(.false):
            _ = advance()
            return Expression(.bool(false), range: token.range)
        case .identifier(let name):
            _ = advance()
            return Expression(.fact(name), range: token.range)
        case .leftBracket:
            return try parseList()
        case .leftParenthesis:
            _ = advance()
            try descend(at: token.range)
            defer { depth -= 1 }
            let inner = try parseOr()
            guard current.kind == .rightParenthesis else {
                if current.kind == .end {
                    throw ExpressionError("expression.parenthese-non-fermee", at: token.range)
                }
                throw ExpressionError("expression.jeton-inattendu", ["token": text(of: current), "expected": "closing-parenthesis"], at: current.range)
            }
            let closing = advance()
            return Expression(inner.kind, range: token.range.lowerBound..<closing.range.upperBound)
        case .end:
            throw ExpressionError("expression.incomplete", position == 0 ? [:] : ["after": text(of: previous)], at: previous.range)
        case .rightParenthesis:
            throw ExpressionError("expression.parenthese-en-trop", at: token.range)
        default:
            throw ExpressionError("expression.jeton-inattendu", ["token": text(of: token), "expected": "operand"], at: token.range)
        }
    }

    private mutating func parseList() throws(ExpressionError) -> Expression {
        let open = advance()
        var items: [Expression] = []
        if current.kind == .rightBracket {
            let close = advance()
            return Expression(.list(items), range: open.range.lowerBound..<close.range.upperBound)
        }
        while true {
            let item = try parseOperand(after: tokens[max(position - 1, 0)])
            if case .list = item.kind {
                throw ExpressionError("expression.liste-imbriquee", at: item.range)
            }
            items.append(item)
            switch current.kind {
            case .comma:
                _ = advance()
            case .rightBracket:
                let close = advance()
                return Expression(.list(items), range: open.range.lowerBound..<close.range.upperBound)
            case .end:
                throw ExpressionError("expression.crochet-non-ferme", at: open.range)
            default:
                throw ExpressionError("expression.jeton-inattendu", ["token": text(of: current), "expected": "list-separator"], at: current.range)
            }
        }
    }

    private mutating func descend(at range: Range<Int>) throws(ExpressionError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw ExpressionError("expression.trop-imbriquee", ["maximum": String(Self.maximumDepth)], at: range)
        }
    }

    private static func span(_ expressions: [Expression]) -> Range<Int> {
        (expressions.first?.range.lowerBound ?? 0)..<(expressions.last?.range.upperBound ?? 0)
    }
}
