/// The text layer under the Markdown reader: the bytes checked as UTF-8 with the position of the first bad one,
/// then cut into lines of scalars whatever the line ending.
extension MarkdownReader {
    /// The lines of `text` as scalars; LF, CRLF and a lone CR end a line.
    static func lines(_ text: String) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if !previousWasCR { lines.append(current) }
                current = []
                previousWasCR = false
            } else if scalar == "\r" {
                lines.append(current)
                current = []
                previousWasCR = true
            } else {
                current.append(scalar)
                previousWasCR = false
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The position of the first byte that is not valid UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> SourceLocation? {
        var index = 0
        var line = 1
        var column = 1
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0..<0x80: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return SourceLocation(line: line, column: column)
            }
            guard index + length <= bytes.count else { return SourceLocation(line: line, column: column) }
            if length > 1 {
                var value = UInt32(lead) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
                for offset in 1..<length {
                    let byte = bytes[index + offset]
                    guard byte & 0xC0 == 0x80 else { return SourceLocation(line: line, column: column) }
                    value = (value << 6) | UInt32(byte & 0x3F)
                }
                let minimum: UInt32 = length == 2 ? 0x80 : (length == 3 ? 0x800 : 0x10000)
                guard value >= minimum, Unicode.Scalar(value) != nil else { return SourceLocation(line: line, column: column) }
            }
            if lead == UInt8(ascii: "\n") || (lead == UInt8(ascii: "\r") && (index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: "\n"))) {
                line += 1
                column = 1
            } else if lead != UInt8(ascii: "\r") {
                column += 1
            }
            index += length
        }
        return nil
    }
}
