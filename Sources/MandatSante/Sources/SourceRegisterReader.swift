import RuleKit

/// Reads the documents of `sources.json` and the facts of `facts.json`, reporting each problem at its position.
enum SourceRegisterReader {
    /// `{ "sources": [ { "id", "title", "shortTitle", "publisher", "date", "consulted", "url", "access", "note" }, … ] }`:
    /// `date`, the date of publication, or for a page that shows none, `consulted`, the month it was read.
    static func documents(_ root: JSONNode, file: String, _ diagnostics: inout [Diagnostic]) -> [SourceDocument] {
        JSONListReader.read(root, key: "sources", file: file, context: "une source", &diagnostics) { reader in
            let id = reader.string("id", required: true)
            let title = reader.string("title", required: true)
            let shortTitleNode = reader.stringNode("shortTitle")
            let shortTitle = shortTitleNode.flatMap { node -> String? in if case .string(let text) = node.value { return text } else { return nil } }
            let publisher = reader.string("publisher", required: true)
            let dateNode = reader.stringNode("date")
            let consultedNode = reader.stringNode("consulted")
            // Without a date of publication, the month the page was read; neither is an error at `date`.
            let date = date(&reader, key: "date", file: file, required: consultedNode == nil)
            let consulted = consultedNode == nil ? nil : self.date(&reader, key: "consulted", file: file)
            let url = address(&reader, file: file)
            let access = reader.string("access")
            let note = reader.string("note")
            if reader.member("url") == nil && access == nil {
                reader.report("regles.source-acces", id.map { ["document": $0] } ?? [:], at: reader.node.location)
            }
            if let title, let number = legalNumber(title), !(shortTitle ?? title).contains(number) {
                // The roadmap cites a document by its short title, and tells the reader to look a legal text up by
                // its number: a short title without it leaves nothing to search Légifrance by.
                reader.report("regles.source-numero", ["document": id ?? "", "number": number],
                              at: shortTitleNode?.location ?? reader.node.location)
            }
            guard let id, let title, let publisher, date != nil || consulted != nil else { return nil }
            if dateNode != nil && date == nil || consultedNode != nil && consulted == nil { return nil }
            return SourceDocument(id: id, title: title, shortTitle: shortTitle, publisher: publisher, date: date, consulted: consulted,
                                  url: url, access: access, note: note,
                                  dateLocation: dateNode.map { $0.location.placed(in: file) })
        }
    }

    /// « n° 2022-1616 » in the title of a law, a decree or an ordinance of the Journal officiel (« Loi n° 2022-1616 du
    /// 23 décembre 2022 … »); nil for any other document, even one whose title mentions a law, and for a prefect's
    /// order, which Légifrance does not hold.
    static func legalNumber(_ title: String) -> String? {
        let kinds = ["Loi n° ", "Loi organique n° ", "Décret n° ", "Ordonnance n° "]
        guard let kind = kinds.first(where: { title.hasPrefix($0) }) else { return nil }
        let number = title.dropFirst(kind.count).prefix { $0.isNumber || $0 == "-" }
        guard number.contains(where: \.isNumber) else { return nil }
        return "n° " + number
    }

    /// `{ "facts": [ { "id", "statement", "source", "section" }, … ] }`; a document unknown to `sourceIDs` is an error.
    static func facts(_ root: JSONNode, file: String, sourceIDs: [String], _ diagnostics: inout [Diagnostic]) -> [RegisteredFact] {
        JSONListReader.read(root, key: "facts", file: file, context: "un fait", &diagnostics) { reader in
            let id = reader.string("id", required: true)
            let statement = reader.string("statement", required: true)
            let sourceNode = reader.stringNode("source", required: true)
            let section = reader.string("section", required: true)
            var source: String?
            if let sourceNode, case .string(let document) = sourceNode.value {
                if sourceIDs.contains(document) {
                    source = document
                } else {
                    reader.report("regles.source-inconnue", Suggestion.arguments("document", document, among: sourceIDs), at: sourceNode.location)
                }
            }
            guard let id, let statement, let source, let section else { return nil }
            return RegisteredFact(id: id, statement: statement, source: SourceReference(document: source, section: section),
                                  location: reader.node.location.placed(in: file))
        }
    }

    /// A date field in ISO form; missing or malformed, an error at its place.
    static func date(_ reader: inout JSONObjectReader, key: String, file: String, required: Bool = true) -> SourceDate? {
        guard let node = reader.stringNode(key, required: required), case .string(let text) = node.value else { return nil }
        guard let date = SourceDate(text) else {
            reader.report("regles.date", ["value": text], at: node.location)
            return nil
        }
        return date
    }

    /// `url`: a complete web address.
    private static func address(_ reader: inout JSONObjectReader, file: String) -> String? {
        guard let node = reader.stringNode("url"), case .string(let text) = node.value else { return nil }
        guard text.hasPrefix("https://") || text.hasPrefix("http://"), !text.contains(" ") else {
            reader.report("regles.source-adresse", ["value": text], at: node.location)
            return nil
        }
        return text
    }
}
