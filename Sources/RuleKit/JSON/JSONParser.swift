/// A strict JSON reader (RFC 8259) that keeps the position of every value and key.
///
/// Foundation's decoder drops positions; rule authors need `file:line:col`. Limits on depth and number length
/// turn hostile inputs into errors instead of stack overflows.
public struct JSONParser {
    public static let defaultMaximumDepth = 128

    private let bytes: [UInt8]
    private let file: String
    private let maximumDepth: Int
    private var index = 0
    private var line = 1
    private var column = 1

    /// Parses a whole document of `file` (the name every position carries); a UTF-8 byte order mark at the
    /// start is skipped.
    public static func parse(
        _ bytes: [UInt8], file: String = "", maximumDepth: Int = defaultMaximumDepth
    ) throws(JSONSyntaxError) -> JSONNode {
        var parser = JSONParser(bytes: bytes, file: file, maximumDepth: maximumDepth)
        return try parser.parseDocument()
    }

    public static func parse(_ text: String, file: String = "", maximumDepth: Int = defaultMaximumDepth) throws(JSONSyntaxError) -> JSONNode {
        try parse(Array(text.utf8), file: file, maximumDepth: maximumDepth)
    }

    private init(bytes: [UInt8], file: String, maximumDepth: Int) {
        self.bytes = bytes
        self.file = file
        self.maximumDepth = maximumDepth
    }

    private var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }
    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        if let encoding = TextEncoding.wide(bytes) {
            throw JSONSyntaxError("encodage-large", ["encoding": encoding], at: location)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        skipWhitespace()
        guard current != nil else {
            throw JSONSyntaxError("vide", at: location)
        }
        let root = try parseValue(depth: 1)
        skipWhitespace()
        if current != nil {
            throw JSONSyntaxError("contenu-apres", at: location)
        }
        return root
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        guard let byte = current else {
            throw JSONSyntaxError("fin-inattendue", ["expected": "valeur"], at: location)
        }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return try parseString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "'"):
            throw JSONSyntaxError("apostrophe", at: location)
        case UInt8(ascii: "/"):
            throw JSONSyntaxError("commentaire", at: location)
        default:
            return try parseWord()
        }
    }

    private mutating func enter(_ depth: Int) throws(JSONSyntaxError) {
        if depth > maximumDepth {
            throw JSONSyntaxError("trop-profond", ["maximum": String(maximumDepth)], at: location)
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        try enter(depth)
        let start = location
        advance()
        var members: [JSONMember] = []
        var seen: Set<String> = []
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            advance()
            return JSONNode(.object(members), at: start)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                throw unexpected(expecting: current == UInt8(ascii: "}") ? "virgule-avant-accolade" : "nom-de-champ")
            }
            let keyLocation = location
            guard case .string(let key) = try parseString().value else { break }
            if !seen.insert(key).inserted {
                throw JSONSyntaxError("champ-en-double", ["key": key], at: keyLocation)
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else {
                throw unexpected(expecting: "deux-points", ["key": key])
            }
            advance()
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            members.append(JSONMember(key: key, keyLocation: keyLocation, value: value))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                advance()
                continue
            }
            if current == UInt8(ascii: "}") {
                advance()
                break
            }
            throw unexpected(expecting: "virgule-ou-accolade", ["start": "\(start.line):\(start.column)"])
        }
        return JSONNode(.object(members), at: start)
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        try enter(depth)
        let start = location
        advance()
        var elements: [JSONNode] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            advance()
            return JSONNode(.array(elements), at: start)
        }
        while true {
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                throw JSONSyntaxError("virgule-avant-crochet", at: location)
            }
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                advance()
                continue
            }
            if current == UInt8(ascii: "]") {
                advance()
                break
            }
            throw unexpected(expecting: "virgule-ou-crochet", ["start": "\(start.line):\(start.column)"])
        }
        return JSONNode(.array(elements), at: start)
    }

    private mutating func parseWord() throws(JSONSyntaxError) -> JSONNode {
        let start = location
        let begin = index
        while let byte = current, Self.isWordByte(byte) { advance() }
        let word = String(decoding: bytes[begin..<index], as: UTF8.self)
        switch word {
        case "true": return JSONNode(.bool(true), at: start)
        case "false": return JSONNode(.bool(false), at: start)
        case "null": return JSONNode(.null, at: start)
        case "NaN", "Infinity", "nan", "inf":
            throw JSONSyntaxError("non-fini", ["word": word], at: start)
        case "True", "False", "TRUE", "FALSE", "Null", "NULL", "None":
            throw JSONSyntaxError("mot-en-majuscules", ["word": word, "suggestion": word.lowercased() == "none" ? "null" : word.lowercased()], at: start)
        case "":
            index = begin
            throw unexpected(expecting: "valeur-detaillee")
        default:
            let shown = word.count > 40 ? String(word.prefix(40)) + "…" : word
            throw JSONSyntaxError("mot-inattendu", ["word": shown], at: start)
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }

    // MARK: Numbers

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONNode {
        let start = location
        let begin = index
        if current == UInt8(ascii: "-") { advance() }
        guard let first = current, Self.isDigit(first) else {
            throw JSONSyntaxError("chiffre-apres-moins", at: location)
        }
        if first == UInt8(ascii: "0") {
            advance()
            if let next = current, Self.isDigit(next) {
                throw JSONSyntaxError("zero-initial", at: start)
            }
        } else {
            skipDigits()
        }
        if current == UInt8(ascii: ".") {
            advance()
            guard let next = current, Self.isDigit(next) else {
                throw JSONSyntaxError("chiffre-apres-point", at: location)
            }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            guard let next = current, Self.isDigit(next) else {
                throw JSONSyntaxError("chiffre-exposant", at: location)
            }
            skipDigits()
        }
        let literal = String(decoding: bytes[begin..<index], as: UTF8.self)
        guard literal.count <= 64, let number = Double(literal), number.isFinite else {
            throw JSONSyntaxError("nombre-hors-limites", ["literal": "\(literal.prefix(40))\(literal.count > 40 ? "…" : "")"], at: start)
        }
        return JSONNode(.number(number, literal: literal), at: start)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while let byte = current, Self.isDigit(byte) { advance() }
    }

    // MARK: Strings

    private mutating func parseString() throws(JSONSyntaxError) -> JSONNode {
        let start = location
        advance()
        var scalars = String.UnicodeScalarView()
        var columns: [Int]? = nil
        while true {
            guard let byte = current else {
                throw JSONSyntaxError("texte-non-termine", at: start)
            }
            let scalarColumn = column
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return JSONNode(.string(String(scalars)), at: start, scalarColumns: columns)
            case UInt8(ascii: "\\"):
                if columns == nil { columns = (0..<scalars.count).map { start.column + 1 + $0 } }
                let scalar = try parseEscape()
                scalars.append(scalar)
                columns?.append(scalarColumn)
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw JSONSyntaxError("texte-non-termine-ligne", at: start)
            case 0..<0x20:
                throw JSONSyntaxError("caractere-de-controle", at: location)
            case 0..<0x80:
                scalars.append(Unicode.Scalar(byte))
                columns?.append(scalarColumn)
                advance()
            default:
                scalars.append(try decodeMultibyteScalar())
                columns?.append(scalarColumn)
            }
        }
    }

    private mutating func parseEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let escapeLocation = location
        advance()
        guard let byte = current else {
            throw JSONSyntaxError("echappement-incomplet", at: escapeLocation)
        }
        advance()
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try parseHex4(escapeLocation)
            if (0xD800...0xDBFF).contains(high) {
                guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                    throw JSONSyntaxError("seconde-moitie-manquante", at: escapeLocation)
                }
                advance(); advance()
                let low = try parseHex4(escapeLocation)
                guard (0xDC00...0xDFFF).contains(low),
                      let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) else {
                    throw JSONSyntaxError("paire-utf16", at: escapeLocation)
                }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else {
                throw JSONSyntaxError("demi-caractere", at: escapeLocation)
            }
            return scalar
        default:
            throw JSONSyntaxError("echappement-inconnu", ["escape": String(Character(Unicode.Scalar(byte)))], at: escapeLocation)
        }
    }

    private mutating func parseHex4(_ escapeLocation: SourceLocation) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexValue(byte) else {
                throw JSONSyntaxError("hexadecimal", at: escapeLocation)
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Decodes one UTF-8 sequence, rejecting overlong forms, surrogates and truncated sequences.
    private mutating func decodeMultibyteScalar() throws(JSONSyntaxError) -> Unicode.Scalar {
        let start = location
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: throw Self.invalidUTF8(at: start)
        }
        guard index + length <= bytes.count else { throw Self.invalidUTF8(at: start) }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { throw Self.invalidUTF8(at: start) }
            value = (value << 6) | UInt32(byte & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : (length == 3 ? 0x800 : 0x10000)
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { throw Self.invalidUTF8(at: start) }
        index += length
        column += 1
        return scalar
    }

    private static func invalidUTF8(at location: SourceLocation) -> JSONSyntaxError {
        JSONSyntaxError("utf8", at: location)
    }

    // MARK: Scanning

    /// Lines end with LF, CRLF or a lone CR (old Mac files), as `DiagnosticPrinter` counts them.
    private mutating func advance() {
        guard index < bytes.count else { return }
        let byte = bytes[index]
        if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && (index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: "\n"))) {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
        index += 1
    }

    private mutating func skipWhitespace() {
        while let byte = current,
              byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
            advance()
        }
    }

    /// What was found where `expectation` (a key the wording knows, with its `arguments`) was expected.
    private func unexpected(expecting expectation: String, _ arguments: [String: String] = [:]) -> JSONSyntaxError {
        let expected = arguments.merging(["expected": expectation]) { first, _ in first }
        guard let byte = current else {
            return JSONSyntaxError("fin-inattendue", expected, at: location)
        }
        if byte == UInt8(ascii: "/") {
            return JSONSyntaxError("commentaire", at: location)
        }
        if byte >= 0x80 {
            var copy = self
            if let scalar = try? copy.decodeMultibyteScalar() {
                return JSONSyntaxError("caractere-inattendu", expected.merging(["character": String(Character(scalar))]) { first, _ in first }, at: location)
            }
            return Self.invalidUTF8(at: location)
        }
        let hex = String(byte, radix: 16, uppercase: true)
        let shown = byte < 0x20 ? "U+00" + (hex.count < 2 ? "0" : "") + hex : String(Character(Unicode.Scalar(byte)))
        return JSONSyntaxError("caractere-inattendu", expected.merging(["character": shown]) { first, _ in first }, at: location)
    }
}
