import MandatSante

/// Escaping for the pages: every value from a profile, a form, a file or the rule base goes through here.
enum HTML {
    /// `&`, `<`, `>`, `"` and `'` as references (the export's own escaping): safe in text and in attribute values
    /// in either quote.
    static func escape(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }

    /// A first letter in capitals, for a label used as a heading (« population » → « Population »).
    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// « 1 action », « 3 actions ».
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number > 1 ? "s" : "")"
    }
}
