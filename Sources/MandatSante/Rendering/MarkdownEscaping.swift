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
    /// Characters escaped wherever they are.
    static let inlineSpecials: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~"]

    /// `text` as one line of Markdown: line breaks become spaces.
    public static func line(_ text: String) -> String {
        escapeLine(lines(of: text).enumerated().map { $0.offset == 0 ? String($0.element) : unindented($0.element) }.joined(separator: " "))
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

    private static func escapeLine(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            // `&` only where it could start a character reference (`&copy;`, `&#169;`); « santé & territoires » stays.
            let startsReference = character == "&" && index + 1 < characters.count && (characters[index + 1].isLetter || characters[index + 1].isNumber || characters[index + 1] == "#")
            if inlineSpecials.contains(character) || startsReference { result.append("\\") }
            result.append(character)
        }
        return escapeBlockStart(result)
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
