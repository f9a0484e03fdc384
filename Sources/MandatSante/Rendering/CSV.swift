/// One CSV field, quoted as RFC 4180 asks: a field holding the separator, a double quote or a line break is
/// wrapped in double quotes, with its own double quotes doubled; any other field is written as is.
public enum CSVField {
    public static func encode(_ value: String, separator: Character) -> String {
        // Scalars, not Characters: "\r\n" is a single Character and would hide its "\n".
        let separatorScalars = Set(String(separator).unicodeScalars)
        let needsQuotes = value.unicodeScalars.contains { scalar in
            scalar == "\"" || scalar == "\n" || scalar == "\r" || separatorScalars.contains(scalar)
        }
        guard needsQuotes else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}

/// Builds a CSV document that French spreadsheet software opens as is: UTF-8 with a byte order mark (without
/// it Excel reads the accents as Latin-1), `;` between fields by default (the comma is the French decimal
/// separator), CRLF line ends, RFC 4180 quoting.
public struct CSVWriter: Sendable {
    public static let byteOrderMark = "\u{FEFF}"
    public static let lineEnd = "\r\n"

    public var separator: Character
    public private(set) var rows: [[String]] = []

    public init(separator: Character = ";") {
        self.separator = separator
    }

    public mutating func append(_ fields: [String]) {
        rows.append(fields)
    }

    /// The whole document: the byte order mark, then every row ended by CRLF.
    public var text: String {
        var out = Self.byteOrderMark
        for row in rows {
            out += row.map { CSVField.encode($0, separator: separator) }.joined(separator: String(separator))
            out += Self.lineEnd
        }
        return out
    }
}
