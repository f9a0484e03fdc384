/// Wraps prose to a terminal width with hanging indents. No-break spaces (in « 3 500 », « 12 % ») never break,
/// French guillemets stay attached to the words they enclose, and a line never starts with « : », « ; », « ! » or
/// « ? » (French puts a space before them, which must not break).
///
/// Works on UTF-8 bytes: appending scalar by scalar to a `String` went through Unicode repair and was most of
/// the time it took to render a roadmap as text. A line's length is its number of Unicode scalars.
public enum TextWrapper {
    public static func wrap(_ text: String, width: Int = 80, indent: String = "", firstIndent: String? = nil) -> [String] {
        var lines: [String] = []
        var line: [UInt8] = []
        wrap(text, width: width, indent: indent, firstIndent: firstIndent, into: &line) { line in
            lines.append(String(decoding: line, as: UTF8.self))
            line.removeAll(keepingCapacity: true)
        }
        return lines
    }

    /// Appends the lines of `text` to `out`, each followed by a line feed: a document is written in one buffer,
    /// without a string per line.
    static func wrap(_ text: String, width: Int, indent: String, firstIndent: String?, into out: inout [UInt8]) {
        wrap(text, width: width, indent: indent, firstIndent: firstIndent, into: &out) { $0.append(0x0A) }
    }

    /// Words are split at spaces, except the space after « and before », which becomes a no-break space so that a
    /// guillemet never starts or ends a line alone, and the space before a high punctuation sign, kept inside the
    /// word. `endLine` ends each line written to `out`.
    private static func wrap(_ text: String, width: Int, indent: String, firstIndent: String?, into out: inout [UInt8],
                             endLine: (inout [UInt8]) -> Void) {
        var text = text
        let first = (firstIndent ?? indent).utf8
        let indentLength = indent.unicodeScalars.count
        var lineLength = first.count == 0 ? 0 : (firstIndent ?? indent).unicodeScalars.count
        out += first
        var lineHasWord = false
        text.withUTF8 { source in
            let count = source.count
            /// Whether the space at `index` joins the words around it, and whether as a no-break space.
            func joins(_ index: Int) -> (joins: Bool, noBreak: Bool) {
                let afterOpening = index >= 2 && source[index - 2] == twoByteLead && source[index - 1] == openingGuillemet
                let beforeClosing = index + 2 < count && source[index + 1] == twoByteLead && source[index + 2] == closingGuillemet
                if afterOpening || beforeClosing { return (true, true) }
                let beforeSign = index + 1 < count && isHighPunctuation(source[index + 1]) && (index + 2 == count || source[index + 2] == space)
                return (beforeSign, false)
            }
            var index = 0
            while index < count {
                if source[index] == space && !joins(index).joins { index += 1; continue }
                // A word: up to the next space that does not join.
                let start = index
                var length = 0
                var inner = 0
                while index < count {
                    let byte = source[index]
                    if byte == space {
                        guard joins(index).joins else { break }
                        inner += 1
                    }
                    if byte & 0xC0 != 0x80 { length += 1 }
                    index += 1
                }
                if lineHasWord && lineLength + 1 + length > width {
                    endLine(&out)
                    out += indent.utf8
                    lineLength = indentLength
                    lineHasWord = false
                }
                if lineHasWord {
                    out.append(space)
                    lineLength += 1
                }
                if inner == 0 {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<index]))
                } else {
                    for offset in start..<index {
                        if source[offset] == space && joins(offset).noBreak { out += noBreakSpace } else { out.append(source[offset]) }
                    }
                }
                lineLength += length
                lineHasWord = true
            }
        }
        endLine(&out)
    }

    private static let space: UInt8 = 0x20
    /// « is U+00AB, » is U+00BB and the no-break space U+00A0: each C2 then one byte in UTF-8.
    private static let twoByteLead: UInt8 = 0xC2
    private static let openingGuillemet: UInt8 = 0xAB
    private static let closingGuillemet: UInt8 = 0xBB
    private static let noBreakSpace: [UInt8] = [0xC2, 0xA0]
    /// « : », « ; », « ! », « ? »
    private static func isHighPunctuation(_ byte: UInt8) -> Bool {
        byte == 0x3A || byte == 0x3B || byte == 0x21 || byte == 0x3F
    }
}
