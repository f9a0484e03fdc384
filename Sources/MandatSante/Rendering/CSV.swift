/// One CSV field, quoted as RFC 4180 asks: a field holding the separator, a double quote or a line break is
/// wrapped in double quotes, with its own double quotes doubled; any other field is written as is.
///
/// Every CSV the tool writes goes through here, so this is also where the OWASP defence against formula
/// injection lives: a text cell that a spreadsheet would run as a formula — it starts, after any spaces or
/// tabulations the spreadsheet trims, with `=`, `+`, `-`, `@`, a tabulation, a carriage return or their
/// full-width forms (`=HYPERLINK(…)`, `+cmd|' /C calc'!A0`, `@SUM(1+1)`, `-1+1`) — is prefixed with an
/// apostrophe, which spreadsheets show as text. A plain number (`-12`, `3,5`) is a number, not a formula, and
/// is left as it is.
///
/// A text made of digits that a spreadsheet would read as a number and strip of its leading zeros (an INSEE code,
/// 01001) is written `asText`: always quoted. LibreOffice Calc keeps a quoted field as text when the import option
/// « Format quoted field as text » is ticked; without it, nothing in a CSV keeps the zeros but a formula
/// (`="01001"`), which the defence above forbids.
public enum CSVField {
    public static func encode(_ value: String, separator: Character, asText: Bool = false) -> String {
        if let ascii = separator.asciiValue {
            var out: [UInt8] = []
            append(value, separator: ascii, asText: asText, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        let safe = neutralizingFormula(value)
        if asText && !safe.isEmpty { return "\"" + safe.replacing("\"", with: "\"\"") + "\"" }
        let separatorScalars = Set(String(separator).unicodeScalars)
        let needsQuotes = safe.unicodeScalars.contains { scalar in
            scalar == "\"" || scalar == "\n" || scalar == "\r" || separatorScalars.contains(scalar)
        }
        guard needsQuotes else { return safe }
        return "\"" + safe.replacing("\"", with: "\"\"") + "\""
    }

    /// `value` encoded and appended to `out`, for a separator of one ASCII byte (`;`, `,`, tab: the common case),
    /// on bytes, without a string per field. Bytes, not Characters: "\r\n" is a single Character and would hide
    /// its "\n", and a double quote followed by a combining mark is one Character that is not a double quote.
    static func append(_ value: String, separator: UInt8, asText: Bool = false, to out: inout [UInt8]) {
        var safe = neutralizingFormula(value)
        safe.withUTF8 { bytes in
            let quoted = (asText && !bytes.isEmpty) || bytes.contains { $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == separator }
            guard quoted else {
                out.append(contentsOf: bytes)
                return
            }
            out.append(0x22)
            for byte in bytes {
                out.append(byte)
                if byte == 0x22 { out.append(0x22) }
            }
            out.append(0x22)
        }
    }

    /// `fields` as one row, separated and ended by CRLF, appended to `out`; `textColumn` is quoted whatever it holds.
    static func appendRow(_ fields: [String], separator: UInt8, textColumn: Int? = nil, to out: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(separator) }
            append(field, separator: separator, asText: index == textColumn, to: &out)
        }
        out += CSVWriter.lineEndBytes
    }

    /// The characters that make a spreadsheet read a cell as a formula (or a DDE command) when they come first.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]

    /// `value` with an apostrophe in front when a spreadsheet would run it.
    static func neutralizingFormula(_ value: String) -> String {
        // Most cells start with a letter or a digit: decided on the first byte, without decoding.
        if let lead = value.utf8.first, (0x30...0x39).contains(lead) || (0x41...0x5A).contains(lead) || (0x61...0x7A).contains(lead) { return value }
        let scalars = value.unicodeScalars
        // Spreadsheets trim spaces before deciding; a leading tabulation or carriage return is itself suspect.
        guard let first = scalars.first(where: { $0 != " " && $0 != "\u{A0}" }), formulaStarts.contains(first) else { return value }
        if isPlainNumber(value) { return value }
        return "'" + value
    }

    /// `-12`, `+3`, `-0,5`, `1.25`: a sign, digits, at most one decimal mark.
    static func isPlainNumber(_ value: String) -> Bool {
        var scalars = Substring(value).unicodeScalars[...]
        if let sign = scalars.first, sign == "-" || sign == "+" { scalars = scalars.dropFirst() }
        var digits = 0
        var marks = 0
        for scalar in scalars {
            if ("0"..."9").contains(scalar) { digits += 1 } else if scalar == "." || scalar == "," { marks += 1 } else { return false }
        }
        return digits > 0 && marks <= 1 && scalars.first != "." && scalars.first != "," && scalars.last != "." && scalars.last != ","
    }
}

/// Builds a CSV document that French spreadsheet software opens as is: UTF-8 with a byte order mark (without
/// it Excel reads the accents as Latin-1), `;` between fields by default (the comma is the French decimal
/// separator), CRLF line ends, RFC 4180 quoting.
public struct CSVWriter: Sendable {
    public static let byteOrderMark = "\u{FEFF}"
    public static let lineEnd = "\r\n"
    static let lineEndBytes: [UInt8] = [0x0D, 0x0A]

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
        guard let ascii = separator.asciiValue else {
            var out = Self.byteOrderMark
            for row in rows {
                out += row.map { CSVField.encode($0, separator: separator) }.joined(separator: String(separator))
                out += Self.lineEnd
            }
            return out
        }
        var out = Array(Self.byteOrderMark.utf8)
        out.reserveCapacity(1 << 14)
        for row in rows { CSVField.appendRow(row, separator: ascii, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }
}
