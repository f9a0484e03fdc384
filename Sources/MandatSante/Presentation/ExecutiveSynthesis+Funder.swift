import RuleKit

/// The funder a decision's line names on page 1.
extension ExecutiveSynthesis {
    /// Who funds, from a funding line: the part before its first dash, colon or parenthesis.
    static func funder(_ line: String) -> String? {
        // « Aucun financement spécifique nécessaire : … » names no funder.
        if line.hasPrefix("Aucun") { return nil }
        var end = line.endIndex
        // « Budget de la collectivité ; aucun financement spécifique pour … » names its funder before the semicolon.
        for marker in [" – ", " — ", " : ", "\u{00A0}: ", " ; ", "\u{00A0}; ", " (", ", "] {
            if let range = line.firstUTF8Range(of: marker), range.lowerBound < end { end = range.lowerBound }
        }
        let name = Typography.withoutFinalPeriod(String(line[..<end]))
        // A funder named by a common noun reads in lower case inside the line (« budget de la commune »).
        let first = name.prefix { $0.isLetter }
        return commonNouns.contains(String(first)) ? first.lowercased() + name.dropFirst(first.count) : name
    }

    static let commonNouns: Set<String> = ["Budget", "Budgets", "Fonds", "Crédits", "Dotation", "Dotations", "Aides", "Subventions", "Mécénat", "Appel", "Appels"]
}
