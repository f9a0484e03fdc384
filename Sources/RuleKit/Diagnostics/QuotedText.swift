/// Keeps messages readable whatever the input: text quoted between « » that comes from a file or a command
/// line (a 100,000-character identifier, say) is shortened to its start.
public enum QuotedText {
    public static let maximumLength = 80

    /// `message` with every « … » longer than `maximumLength` scalars cut, marked with « … ».
    public static func clip(_ message: String) -> String {
        guard message.unicodeScalars.count > maximumLength + 4 else { return message }
        var result = String.UnicodeScalarView()
        var quoted = String.UnicodeScalarView()
        var depth = 0
        for scalar in message.unicodeScalars {
            if scalar == "«" {
                depth += 1
                if depth == 1 { result.append(scalar); continue }
            }
            if scalar == "»", depth > 0 {
                depth -= 1
                if depth == 0 {
                    result.append(contentsOf: shortened(quoted))
                    quoted.removeAll()
                    result.append(scalar)
                    continue
                }
            }
            if depth > 0 { quoted.append(scalar) } else { result.append(scalar) }
        }
        result.append(contentsOf: shortened(quoted))
        return String(result)
    }

    private static func shortened(_ text: String.UnicodeScalarView) -> String.UnicodeScalarView {
        guard text.count > maximumLength else { return text }
        var cut = String.UnicodeScalarView(text.prefix(maximumLength - 1))
        cut.append("…")
        cut.append(" ")
        return cut
    }
}
