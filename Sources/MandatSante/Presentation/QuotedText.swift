import RuleKit

/// Keeps messages readable whatever the input: text quoted between « » that comes from a file or a command
/// line (a 100,000-character identifier, say) is shortened to its start.
public enum QuotedText {
    public static let maximumLength = 80
    /// No message is longer than this, whatever it quotes: a value that slipped past the quoting (one holding
    /// a « » of its own, quoted without `quote`) cannot make a 100 KB error line.
    public static let maximumMessageLength = 2_000

    /// `value` between « », safe to put in a message: at most `maximumLength` characters (cut with « … »),
    /// control characters made visible (`TerminalText`), and its own « » turned into ‹ › so that they cannot
    /// close the quotation early.
    public static func quote(_ value: some StringProtocol) -> String {
        // The spaces inside « » count, so that `clip` leaves an already quoted value as it is.
        let limit = maximumLength - 2
        let head = String(String.UnicodeScalarView(value.unicodeScalars.prefix(limit + 1).map { scalar -> Unicode.Scalar in
            scalar == "«" ? "‹" : (scalar == "»" ? "›" : scalar)
        }))
        let safe = Array(TerminalText.neutralized(head, [.bidirectional]).unicodeScalars)
        guard safe.count > limit else { return "« " + String(String.UnicodeScalarView(safe)) + " »" }
        return "« " + String(String.UnicodeScalarView(safe.prefix(limit - 1))) + "… »"
    }

    /// A file path between « », safe to put in a message: like `quote`, but a long path keeps its end — the file's
    /// name — rather than its start: « …/sortie/005-petite-ville-de-rivebelle.txt ».
    public static func path(_ path: String) -> String {
        let limit = maximumLength - 2
        let scalars = Array(path.unicodeScalars)
        guard scalars.count > limit else { return quote(path) }
        let tail = String(String.UnicodeScalarView(scalars.suffix(limit - 1)))
        return "« …" + String(quote(tail).dropFirst(2))
    }

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

    /// One message of one problem: quotations clipped, and the whole cut at `maximumMessageLength`.
    public static func clipMessage(_ message: String) -> String {
        let clipped = clip(message)
        guard clipped.unicodeScalars.count > maximumMessageLength else { return clipped }
        var cut = String.UnicodeScalarView(clipped.unicodeScalars.prefix(maximumMessageLength - 1))
        cut.append("…")
        return String(cut)
    }

    private static func shortened(_ text: String.UnicodeScalarView) -> String.UnicodeScalarView {
        guard text.count > maximumLength else { return text }
        var cut = String.UnicodeScalarView(text.prefix(maximumLength - 1))
        cut.append("…")
        cut.append(" ")
        return cut
    }
}
