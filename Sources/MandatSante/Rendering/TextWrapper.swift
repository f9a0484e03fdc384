/// Wraps prose to a terminal width with hanging indents. No-break spaces (in « 3 500 », « 12 % ») never break,
/// and French guillemets stay attached to the words they enclose.
public enum TextWrapper {
    public static func wrap(_ text: String, width: Int = 80, indent: String = "", firstIndent: String? = nil) -> [String] {
        let first = firstIndent ?? indent
        var lines: [String] = []
        var current = first
        var currentLength = first.count
        var lineHasWord = false
        for word in words(of: text) {
            if lineHasWord && currentLength + 1 + word.length > width {
                lines.append(current)
                current = indent
                currentLength = indent.count
                lineHasWord = false
            }
            if lineHasWord {
                current += " "
                currentLength += 1
            }
            current.unicodeScalars.append(contentsOf: word.scalars)
            currentLength += word.length
            lineHasWord = true
        }
        if lineHasWord || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// The words of `text` in one pass: split at spaces, except the space after « and before », which
    /// becomes a no-break space so that a guillemet never starts or ends a line alone.
    private static func words(of text: String) -> [(scalars: String.UnicodeScalarView.SubSequence, length: Int)] {
        var words: [(String.UnicodeScalarView.SubSequence, Int)] = []
        let scalars = Array(text.unicodeScalars)
        var word = String.UnicodeScalarView()
        var previous: Unicode.Scalar = " "
        func flush() {
            if !word.isEmpty { words.append((word[...], word.count)) }
            word = String.UnicodeScalarView()
        }
        for (index, scalar) in scalars.enumerated() {
            if scalar == " " {
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                if previous == "«" || next == "»" {
                    word.append("\u{00A0}")
                } else {
                    flush()
                }
            } else {
                word.append(scalar)
            }
            previous = scalar
        }
        flush()
        return words
    }
}
