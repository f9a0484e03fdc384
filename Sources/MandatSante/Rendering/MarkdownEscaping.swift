/// Escaping of text from a profile or a rule inside a Markdown document (CommonMark with GFM tables and
/// strikethrough), so that a value is read as the text it is, never as structure: a name cannot open a code block,
/// a list, a heading, a link, raw HTML or a table column, whatever it holds.
///
/// - Inline: every character with an inline meaning gets a backslash (`\ ` * _ [ ] < > | # ~`, and `&` where it
///   could start a character reference such as `&copy;`), as CommonMark defines for any ASCII punctuation.
/// - Line starts: what would start a block (`- `, `+ `, `=`, `1.`, `1)`, a `>` quote, indentation) is escaped.
/// - Line breaks: `line` makes one line of the text (for a heading, a list item, a table cell); `block` keeps
///   them as hard line breaks (a backslash at the end of the line), each new line escaped like the first.
public enum MarkdownEscaping {
    /// `text` as one line of Markdown: line breaks become spaces.
    public static func line(_ text: String) -> String {
        if isPlain(text) { return text }
        // Most texts are one line already: no splitting (which walks characters) for them.
        if !hasLineBreak(text) { return escapeLine(text) }
        return escapeLine(lines(of: text).enumerated().map { $0.offset == 0 ? String($0.element) : unindented($0.element) }.joined(separator: " "))
    }

    /// `line(text)` appended to `bytes`: a plain text (most of a roadmap's) as its own bytes, without a string.
    static func appendLine(_ text: String, to bytes: inout [UInt8]) {
        guard isPlain(text) else {
            bytes += line(text).utf8
            return
        }
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Whether `text` needs no escaping: no special character, no `&`, no line break, and a first character that
    /// cannot start a block (`-`, `+`, `=`, a digit). Most texts of a roadmap: returned as they are, in one pass
    /// over their bytes.
    private static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first else { return true }
            if first == 0x2D || first == 0x2B || first == 0x3D || (0x30...0x39).contains(first) { return false }
            // One look-up per byte; a suspect byte (A8, A9) is a line separator only after E2 80.
            for index in 0..<bytes.count where unplain[Int(bytes[index])] {
                let byte = bytes[index]
                if byte < 0x80 || (index >= 2 && bytes[index - 1] == 0x80 && bytes[index - 2] == 0xE2) { return false }
            }
            return true
        }
    }

    /// The bytes `isPlain` stops at: the inline specials, `&`, line feed and carriage return; A8 and A9, the last
    /// bytes of U+2028 and U+2029.
    private static let unplain: [Bool] = (0...255).map { value in
        let byte = UInt8(value)
        return isInlineSpecial(byte) || byte == 0x26 || byte == 0x0A || byte == 0x0D || byte == 0xA8 || byte == 0xA9
    }

    /// Whether `text` holds `\n`, `\r`, U+2028 or U+2029 (`E2 80 A8`, `E2 80 A9`).
    private static func hasLineBreak(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0A || byte == 0x0D { return true }
            if (byte == 0xA8 || byte == 0xA9) && previous == 0x80 && beforePrevious == 0xE2 { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// `text` as Markdown that keeps its line breaks (hard breaks), for a paragraph of a multi-line value; a new
    /// line loses its indentation, which would make it code.
    public static func block(_ text: String) -> String {
        lines(of: text).enumerated().map { escapeLine($0.offset == 0 ? String($0.element) : unindented($0.element)) }.joined(separator: "\\\n")
    }

    private static func unindented(_ line: Substring) -> String {
        String(line.drop { $0 == " " || $0 == "\t" })
    }

    private static func lines(of text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\u{2028}" || $0 == "\u{2029}" }
    }

    /// Escapes on UTF-8 bytes: every special is ASCII, so a byte below 0x80 is the whole character.
    private static func escapeLine(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 8)
        for (index, byte) in bytes.enumerated() {
            // `&` only where it could start a character reference (`&copy;`, `&#169;`); « santé & territoires » stays.
            let startsReference = byte == 0x26 && index + 1 < bytes.count && startsLetterNumberOrHash(bytes, at: index + 1)
            if isInlineSpecial(byte) || startsReference { result.append(0x5C) }
            result.append(byte)
        }
        return escapeBlockStart(String(decoding: result, as: UTF8.self))
    }

    /// `\ ` * _ [ ] < > | # ~`
    private static func isInlineSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x7C, 0x23, 0x7E: return true
        default: return false
        }
    }

    private static func startsLetterNumberOrHash(_ bytes: [UInt8], at index: Int) -> Bool {
        let lead = bytes[index]
        if lead < 0x80 {
            return lead == 0x23 || (0x30...0x39).contains(lead) || (0x41...0x5A).contains(lead) || (0x61...0x7A).contains(lead)
        }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let character = Character(String(decoding: bytes[index..<end], as: UTF8.self))
        return character.isLetter || character.isNumber
    }

    /// `- x`, `+ x`, `12. x`, `12) x`, a line of `=` or `-` only: escaped so that the text stays a paragraph (or stays
    /// in the list item or heading it is printed in) instead of starting a list, a heading underline or a rule.
    private static func escapeBlockStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        let afterFirst = line.dropFirst().first
        let endsMarker = afterFirst == nil || afterFirst == " " || afterFirst == "\t"
        if (first == "-" || first == "+") && endsMarker { return "\\" + line }
        if first == "=" || first == "-", line.allSatisfy({ $0 == first || $0 == " " || $0 == "\t" }) { return "\\" + line }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = line.dropFirst(digits.count)
            let afterMarker = rest.dropFirst().first
            if let marker = rest.first, marker == "." || marker == ")", afterMarker == nil || afterMarker == " " || afterMarker == "\t" {
                return digits + "\\" + rest
            }
        }
        return line
    }
}
