/// How a roadmap names a public document: its title, publisher and date in words, and where to find it — the
/// reader checks a figure in the document itself, never in the rule base.
enum SourceWording {
    /// « Titre, éditeur, juillet 2026. Note. Adresse » as listed in the bibliography.
    static func reference(_ document: SourceDocument) -> String {
        var text = "\(document.title), \(document.publisher), \(date(document.date))."
        if let note = document.note { text += " " + sentence(note) }
        if let url = document.url { text += " \(url)" }
        if let access = document.access { text += (document.url == nil ? " " : " ; ") + sentence(access) }
        return text
    }

    /// The text closed by a period, unless it ends with one or with an address (a period would break a copied link).
    private static func sentence(_ text: String) -> String {
        let lastWord = text.split(separator: " ").last ?? ""
        return text.hasSuffix(".") || lastWord.contains("://") ? text : text + "."
    }

    /// « Titre court (éditeur, juillet 2026). Adresse » for the bibliography of the short edition: the address, the
    /// one given in how to obtain it, or none; the detailed edition gives the whole reference.
    static func compact(_ document: SourceDocument) -> String {
        let address = document.url ?? document.access?.split(separator: " ").last { $0.contains("://") }.map(String.init)
        return short(document) + "." + (address.map { " " + $0 } ?? "")
    }

    /// « Titre court (éditeur, juillet 2026) », for a citation under an action.
    static func short(_ document: SourceDocument) -> String {
        "\(document.shortTitle) (\(document.publisher), \(date(document.date)))"
    }

    /// « 2016 », « juillet 2026 », « 13 octobre 2021 ».
    static func date(_ date: SourceDate) -> String {
        guard let month = date.month else { return String(date.year) }
        let monthYear = YearMonth(year: date.year, month: month).longFrench
        guard let day = date.day else { return monthYear }
        return (day == 1 ? "1er" : String(day)) + " " + monthYear
    }
}
