/// The roadmap as plain text for an 80-column terminal.
public struct TextRoadmapRenderer: RoadmapRenderer {
    public static let width = 80

    public init() {}

    public func render(_ presentation: RoadmapPresentation) -> String {
        var out: [String] = []
        let rule = String(repeating: "=", count: Self.width)
        out += wrap("FEUILLE DE ROUTE SANTÉ DU MANDAT — \(presentation.portrait.title)")
        out += wrap(presentation.portrait.summary)
        out += wrap("Établie à partir de \(presentation.startMonth), jusqu'aux élections de mars 2032.")
        out.append(rule)
        out.append("")

        out.append("PORTRAIT DU TERRITOIRE")
        for line in presentation.portrait.lines {
            out += wrap("\(line.label) : \(line.text)", indent: "    ", first: "  ")
        }
        out.append("")
        if !presentation.drivers.isEmpty {
            out.append("CE QUI ORIENTE LA FEUILLE DE ROUTE")
            for driver in presentation.drivers {
                out += wrap("\(driver.text) (\(driver.count) recommandation\(driver.count > 1 ? "s" : ""))", indent: "    ", first: "  - ")
            }
            out.append("")
        }
        out.append("CALENDRIER")
        for (index, phase) in presentation.phases.enumerated() {
            out += wrap("\(index + 1). \(phase.title) (\(phase.period)) : \(phase.items.count) action\(phase.items.count > 1 ? "s" : ""), \(phase.used) unités d'effort sur \(phase.capacity)", indent: "     ", first: "  ")
        }
        out.append("")
        out += wrap("\(presentation.itemCount) actions retenues sur \(presentation.recommendationCount) recommandations examinées.")
        out.append("")

        for phase in presentation.phases where !phase.items.isEmpty {
            let heading = "── \(phase.title) (\(phase.period)) "
            out.append(heading + String(repeating: "─", count: max(3, Self.width - heading.count)))
            out.append("")
            for item in phase.items {
                out += renderItem(item)
                out.append("")
            }
        }

        if !presentation.leftOut.isEmpty {
            out.append("ÉCARTÉES ET POURQUOI")
            for group in presentation.leftOut {
                out.append("")
                out += wrap("\(group.title) (\(group.entries.count)) :", first: "  ")
                for entry in group.entries {
                    out += wrap("\(entry.title) [\(entry.id)] — \(entry.reason)", indent: "      ", first: "    - ")
                }
            }
            out.append("")
        }
        out += wrap("Chaque action cite sa source. Pour comprendre un choix : mandat-sante explain PROFIL IDENTIFIANT.")
        return out.joined(separator: "\n") + "\n"
    }

    private func renderItem(_ item: ItemPresentation) -> [String] {
        var out: [String] = []
        let number = "\(item.rank). "
        let indent = String(repeating: " ", count: number.count + 1)
        out += wrap(item.title, indent: indent, first: " " + number)
        out += wrap("\(item.leverTitle) · effort \(item.effort) · score \(item.score) · [\(item.id)]", indent: indent, first: indent)
        out.append("")
        func section(_ label: String, _ lines: [String], numbered: Bool = false) {
            guard !lines.isEmpty else { return }
            out.append(indent + label)
            for (offset, line) in lines.enumerated() {
                let bullet = numbered ? "\(offset + 1). " : "- "
                out += wrap(line, indent: indent + "  " + String(repeating: " ", count: bullet.count), first: indent + "  " + bullet)
            }
        }
        section("Pourquoi pour vous :", item.reasons)
        out += wrap("Score : \(item.scoreLine)", indent: indent + "  ", first: indent)
        if let note = item.placementNote {
            out += wrap("Calendrier : \(note)", indent: indent + "  ", first: indent)
        }
        section("Enchaînement :", item.relations)
        out += wrap("Enjeu : \(item.why)", indent: indent + "  ", first: indent)
        section("Premiers pas :", item.steps, numbered: true)
        out += wrap("Partenaires : \(item.partners.joined(separator: " ; "))", indent: indent + "  ", first: indent)
        if !item.funding.isEmpty {
            out += wrap("Financements : \(item.funding.joined(separator: " ; "))", indent: indent + "  ", first: indent)
        }
        section("Exemple :", item.examples)
        if let evidence = item.evidence {
            out += wrap("Repères : \(evidence)", indent: indent + "  ", first: indent)
        }
        section("Indicateurs de suivi :", item.indicators)
        section("Source :", item.sources)
        return out
    }

    private func wrap(_ text: String, indent: String = "", first: String? = nil) -> [String] {
        TextWrapper.wrap(text, width: Self.width, indent: indent, firstIndent: first)
    }
}
