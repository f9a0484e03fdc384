/// Splits a condition into tokens; rejects what the language does not have with a hint of what it has.
struct Lexer {
    static let maximumIdentifierLength = 100

    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    static func tokenize(_ source: String) throws(ExpressionError) -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
    private func peek(_ offset: Int = 1) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func next() throws(ExpressionError) -> Token {
        while let scalar = current, scalar.properties.isWhitespace { index += 1 }
        let start = index
        guard let scalar = current else { return Token(kind: .end, range: start..<start) }
        func single(_ kind: Token.Kind) -> Token {
            index += 1
            return Token(kind: kind, range: start..<index)
        }
        switch scalar {
        case "(": return single(.leftParenthesis)
        case ")": return single(.rightParenthesis)
        case "[": return single(.leftBracket)
        case "]": return single(.rightBracket)
        case ",": return single(.comma)
        case "-": return single(.minus)
        case "'", "\"": return try string(quote: scalar)
        case "<", ">":
            let orEqual = peek() == "="
            index += orEqual ? 2 : 1
            let op: ComparisonOperator = scalar == "<" ? (orEqual ? .lessOrEqual : .less) : (orEqual ? .greaterOrEqual : .greater)
            return Token(kind: .comparison(op), range: start..<index)
        case "=":
            if peek() == "=" {
                index += 2
                return Token(kind: .comparison(.equal), range: start..<index)
            }
            throw ExpressionError("expression.operateur-inconnu", ["operator": "="], at: start..<start + 1)
        case "!":
            if peek() == "=" {
                index += 2
                return Token(kind: .comparison(.notEqual), range: start..<index)
            }
            throw ExpressionError("expression.operateur-inconnu", ["operator": "!"], at: start..<start + 1)
        case "&":
            throw ExpressionError("expression.operateur-inconnu", ["operator": peek() == "&" ? "&&" : "&"], at: start..<start + (peek() == "&" ? 2 : 1))
        case "|":
            throw ExpressionError("expression.operateur-inconnu", ["operator": peek() == "|" ? "||" : "|"], at: start..<start + (peek() == "|" ? 2 : 1))
        default:
            if Self.isDigit(scalar) { return try number() }
            if Self.isIdentifierStart(scalar) { return try word() }
            throw ExpressionError("expression.caractere-inattendu", ["character": String(Character(scalar))], at: start..<start + 1)
        }
    }

    private mutating func string(quote: Unicode.Scalar) throws(ExpressionError) -> Token {
        let start = index
        index += 1
        var text = String.UnicodeScalarView()
        while let scalar = current, scalar != quote {
            text.append(scalar)
            index += 1
        }
        guard current == quote else {
            throw ExpressionError("expression.texte-non-termine", at: start..<scalars.count)
        }
        index += 1
        return Token(kind: .string(String(text)), range: start..<index)
    }

    private mutating func number() throws(ExpressionError) -> Token {
        let start = index
        var digits = ""
        while let scalar = current, Self.isDigit(scalar) || scalar == "_" || scalar == "." {
            if scalar != "_" { digits.unicodeScalars.append(scalar) }
            index += 1
        }
        if let scalar = current, Self.isIdentifierStart(scalar) {
            throw ExpressionError("expression.nombre-invalide", ["digits": digits, "reason": "letter"], at: start..<index + 1)
        }
        guard digits.count <= 30, let value = Double(digits), value.isFinite else {
            throw ExpressionError("expression.nombre-invalide", ["digits": String(digits.prefix(30))], at: start..<index)
        }
        return Token(kind: .number(value), range: start..<index)
    }

    private mutating func word() throws(ExpressionError) -> Token {
        let start = index
        var text = ""
        // A hyphen between letters or digits belongs to the name: named conditions are written `petite-commune`.
        while let scalar = current,
              Self.isIdentifierStart(scalar) || Self.isDigit(scalar)
                || (scalar == "-" && peek().map { Self.isIdentifierStart($0) || Self.isDigit($0) } == true) {
            text.unicodeScalars.append(scalar)
            index += 1
        }
        if let scalar = current, scalar.properties.isAlphabetic {
            throw ExpressionError("expression.caractere-inattendu", ["character": String(Character(scalar)), "in": "name"], at: index..<index + 1)
        }
        if text.count > Self.maximumIdentifierLength {
            throw ExpressionError("expression.identifiant-trop-long", ["length": String(text.count), "maximum": String(Self.maximumIdentifierLength)], at: start..<index)
        }
        let range = start..<index
        if let keyword = Token.Keyword(rawValue: text) {
            return Token(kind: .keyword(keyword), range: range)
        }
        let upper = ["AND": "and", "OR": "or", "NOT": "not", "IN": "in", "True": "true", "False": "false", "TRUE": "true", "FALSE": "false"]
        if let lowered = upper[text] {
            throw ExpressionError("expression.mot-cle", ["word": text, "suggestion": lowered], at: range)
        }
        return Token(kind: .identifier(text), range: range)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }
}
