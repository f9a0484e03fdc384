/// Wraps prose to a terminal width with hanging indents. No-break spaces (in « 3 500 », « 12 % ») never break.
public enum TextWrapper {
    public static func wrap(_ text: String, width: Int = 80, indent: String = "", firstIndent: String? = nil) -> [String] {
        let first = firstIndent ?? indent
        // French guillemets stay attached to the words they enclose.
        let text = text.replacing("« ", with: "«\u{00A0}").replacing(" »", with: "\u{00A0}»")
        var lines: [String] = []
        var current = first
        var currentLength = first.count
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let length = word.count
            if lineHasWord && currentLength + 1 + length > width {
                lines.append(current)
                current = indent
                currentLength = indent.count
                lineHasWord = false
            }
            if lineHasWord {
                current += " "
                currentLength += 1
            }
            current += word
            currentLength += length
            lineHasWord = true
        }
        if lineHasWord || lines.isEmpty { lines.append(current) }
        return lines
    }
}
