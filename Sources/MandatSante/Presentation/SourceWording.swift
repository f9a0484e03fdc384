/// How a roadmap names a public document: its title, publisher and date in words, and where to find it — the
/// reader checks a figure in the document itself, never in the rule base.
enum SourceWording {
    /// « Titre, éditeur, juillet 2026. Note. Adresse » as listed in the bibliography; `asOf`, the date of the rule
    /// base: a document published more than five years before it says so (`ageCaveat`).
    static func reference(_ document: SourceDocument, asOf: SourceDate? = nil) -> String {
        var text = "\(document.title), \(document.publisher), \(when(document))."
        if let caveat = ageCaveat(document, asOf: asOf) { text += " " + caveat }
        if let note = document.note { text += " " + sentence(note) }
        if let url = document.url { text += " \(url)" }
        if let access = document.access { text += (document.url == nil ? " " : " ; ") + sentence(access) }
        return text
    }

    /// The text closed by a period, unless it ends with one or with an address (a period would break a copied link).
    private static func sentence(_ text: String) -> String {
        // The last run of characters other than a space, read back from its end: splitting the whole note on its
        // spaces for it cost most of a reference (a batch roadmap words a few, for the sources page 1 cites).
        let lastWord = text.lastIndex { $0 != " " }.map { end in
            text[..<end].lastIndex(of: " ").map { text[text.index(after: $0)...end] } ?? text[...end]
        } ?? ""
        return text.hasSuffix(".") || lastWord.contains("://") ? text : text + "."
    }

    /// « Titre court (éditeur, juillet 2026). Adresse » for the bibliography of the short edition: the address, or
    /// the part of how to obtain it that gives one, or nothing; the detailed edition gives the whole reference. No
    /// age caveat here: the short edition goes to élus, who read the year beside the title; « à vérifier » is an
    /// instruction for whoever maintains or audits the advice (`check`, the detailed edition).
    static func compact(_ document: SourceDocument) -> String {
        let address = document.url ?? document.access.flatMap(whereToFind)
        return short(document) + "." + (address.map { " " + $0 } ?? "")
    }

    /// « Plus de cinq ans : à vérifier. » for a document published more
    /// than five years before `asOf` (the date of the rule base, never the clock), the age `check` warns about: the
    /// consultant reading the detailed edition learns it next to the document. Nothing for a page known only by when
    /// it was read.
    static func ageCaveat(_ document: SourceDocument, asOf: SourceDate?) -> String? {
        guard let asOf, let published = document.date,
              published.endsBefore(asOf.shifted(years: SourceAgeCheck.maximumAge)) else { return nil }
        return "Plus de cinq ans : à vérifier."
    }

    /// The clause of « how to obtain it » that holds its last address, up to that address: « La liste est
    /// reproduite par Le Quotidien du médecin : https://… ». The address alone would hand a ministry's communiqué
    /// over as a newspaper's page, or a law as a bare home page.
    private static func whereToFind(_ access: String) -> String? {
        guard let clause = access.split(separator: " ; ").last(where: { $0.contains("://") }) else { return nil }
        var words = clause.split(separator: " ")
        guard let last = words.lastIndex(where: { $0.contains("://") }) else { return nil }
        words = Array(words[...last])
        while let end = words[last].last, ",.;".contains(end) { words[last].removeLast() }
        let text = words.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// « Titre court (éditeur, juillet 2026) », for a citation under an action.
    static func short(_ document: SourceDocument) -> String {
        "\(document.shortTitle) (\(document.publisher), \(when(document)))"
    }

    /// The document's date of publication in words, or, for a page that shows none, when it was read: « juillet
    /// 2026 », « consulté en décembre 2026 ».
    static func when(_ document: SourceDocument) -> String {
        if let published = document.date { return date(published) }
        guard let consulted = document.consulted else { return "sans date" }
        return (consulted.day == nil ? "consulté en " : "consulté le ") + date(consulted)
    }

    /// « 2016 », « juillet 2026 », « 13 octobre 2021 ».
    static func date(_ date: SourceDate) -> String {
        guard let month = date.month else { return String(date.year) }
        let monthYear = YearMonth(year: date.year, month: month).longFrench
        guard let day = date.day else { return monthYear }
        return (day == 1 ? "1er" : String(day)) + " " + monthYear
    }
}
