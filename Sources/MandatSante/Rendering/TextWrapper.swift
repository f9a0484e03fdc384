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
    ///
    /// A line is copied from `text` at once when it is there as it is written — its words separated by one space,
    /// none joined inside (nearly every line) — rather than word by word.
    private static func wrap(_ text: String, width: Int, indent: String, firstIndent: String?, into out: inout [UInt8],
                             endLine: (inout [UInt8]) -> Void) {
        var text = text
        let first = firstIndent ?? indent
        out += first.utf8
        var lineLength = scalarCount(first)
        let indentLength = scalarCount(indent)
        text.withUTF8 { source in
            let count = source.count
            // The words placed on the line being filled: `source[lineStart..<lineEnd]`, copied as it is when
            // `verbatim`.
            var lineStart = 0
            var lineEnd = 0
            var lineHasWord = false
            var verbatim = true
            func flush(into out: inout [UInt8]) {
                guard lineHasWord else { return }
                if verbatim {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: source[lineStart..<lineEnd]))
                } else {
                    appendWords(source, from: lineStart, to: lineEnd, into: &out)
                }
            }
            var index = 0
            while index < count {
                if source[index] == space && !joins(source, at: index) { index += 1; continue }
                // A word: up to the next space that does not join.
                let start = index
                var length = 0
                var joined = false
                while index < count {
                    let byte = source[index]
                    if byte == space {
                        guard joins(source, at: index) else { break }
                        joined = true
                    }
                    if byte & 0xC0 != 0x80 { length += 1 }
                    index += 1
                }
                if lineHasWord && lineLength + 1 + length > width {
                    flush(into: &out)
                    endLine(&out)
                    out += indent.utf8
                    lineLength = indentLength
                    lineHasWord = false
                }
                if lineHasWord {
                    lineLength += 1
                    // The word before ended at a space: one space, and the line still reads as in `text`.
                    if start != lineEnd + 1 { verbatim = false }
                } else {
                    lineStart = start
                    verbatim = true
                }
                if joined { verbatim = false }
                lineEnd = index
                lineLength += length
                lineHasWord = true
            }
            flush(into: &out)
        }
        endLine(&out)
    }

    /// The words of `source[start..<end]`, one space between them, a joining space after « or before » as a
    /// no-break space.
    private static func appendWords(_ source: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, into out: inout [UInt8]) {
        var index = start
        var firstWord = true
        while index < end {
            if source[index] == space && !joins(source, at: index) { index += 1; continue }
            if !firstWord { out.append(space) }
            firstWord = false
            while index < end {
                let byte = source[index]
                if byte == space {
                    guard joins(source, at: index) else { break }
                    if isBesideGuillemet(source, at: index) {
                        out += noBreakSpace
                        index += 1
                        continue
                    }
                }
                out.append(byte)
                index += 1
            }
        }
    }

    /// Whether the space at `index` joins the words around it: after « or before » (then written as a no-break
    /// space), or before a high punctuation sign that ends a word.
    @inline(__always)
    private static func joins(_ source: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        if isBesideGuillemet(source, at: index) { return true }
        let count = source.count
        return index + 1 < count && isHighPunctuation(source[index + 1]) && (index + 2 == count || source[index + 2] == space)
    }

    @inline(__always)
    private static func isBesideGuillemet(_ source: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let afterOpening = index >= 2 && source[index - 2] == twoByteLead && source[index - 1] == openingGuillemet
        let beforeClosing = index + 2 < source.count && source[index + 1] == twoByteLead && source[index + 2] == closingGuillemet
        return afterOpening || beforeClosing
    }

    /// The length of an indent in Unicode scalars, counted on its bytes.
    private static func scalarCount(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte & 0xC0 != 0x80 { count += 1 }
        return count
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
