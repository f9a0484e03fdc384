/// The roadmap as Markdown (CommonMark with pipe tables), to paste into a report or a wiki.
public struct MarkdownRoadmapRenderer: RoadmapRenderer {
    public init() {}

    public func render(_ presentation: RoadmapPresentation) -> String {
        var out: [String] = []
        out.append("# Feuille de route santé du mandat — \(escape(presentation.portrait.title))")
        out.append("")
        out.append("*\(escape(presentation.portrait.summary))* — établie à partir de \(presentation.startMonth), jusqu'aux élections de mars 2032.")
        out.append("")
        out.append("## Portrait du territoire")
        out.append("")
        for line in presentation.portrait.lines {
            out.append("- **\(line.label)** : \(escape(line.text))")
        }
        out.append("")
        if !presentation.drivers.isEmpty {
            out.append("## Ce qui oriente la feuille de route")
            out.append("")
            for driver in presentation.drivers {
                out.append("- \(escape(driver.text)) (\(driver.count) recommandation\(driver.count > 1 ? "s" : ""))")
            }
            out.append("")
        }
        out.append("## Calendrier")
        out.append("")
        out.append("| Phase | Période | Actions | Effort (unités / capacité) |")
        out.append("|---|---|---:|---:|")
        for phase in presentation.phases {
            out.append("| \(phase.title) | \(phase.period) | \(phase.items.count) | \(phase.used) / \(phase.capacity) |")
        }
        out.append("")
        out.append("\(presentation.itemCount) actions retenues sur \(presentation.recommendationCount) recommandations examinées.")
        out.append("")
        for phase in presentation.phases where !phase.items.isEmpty {
            out.append("## \(phase.title) (\(phase.period))")
            out.append("")
            for item in phase.items {
                out += renderItem(item)
            }
        }
        if !presentation.leftOut.isEmpty {
            out.append("## Écartées et pourquoi")
            out.append("")
            for group in presentation.leftOut {
                out.append("### \(group.title) (\(group.entries.count))")
                out.append("")
                for entry in group.entries {
                    out.append("- \(escape(entry.title)) (`\(entry.id)`) — \(escape(entry.reason))")
                }
                out.append("")
            }
        }
        out.append("---")
        out.append("")
        out.append("Chaque action cite sa source. Pour comprendre un choix : `mandat-sante explain PROFIL IDENTIFIANT`.")
        return out.joined(separator: "\n") + "\n"
    }

    private func renderItem(_ item: ItemPresentation) -> [String] {
        var out: [String] = []
        out.append("### \(item.rank). \(escape(item.title))")
        out.append("")
        out.append("*\(escape(item.leverTitle)) · effort \(item.effort) · score \(item.score) · `\(item.id)`*")
        out.append("")
        func list(_ label: String, _ lines: [String], numbered: Bool = false) {
            guard !lines.isEmpty else { return }
            out.append("**\(label)**")
            out.append("")
            for (offset, line) in lines.enumerated() {
                out.append((numbered ? "\(offset + 1). " : "- ") + escape(line))
            }
            out.append("")
        }
        func paragraph(_ label: String, _ text: String) {
            out.append("**\(label)** : \(escape(text))")
            out.append("")
        }
        list("Pourquoi pour vous", item.reasons)
        paragraph("Score", item.scoreLine)
        if let note = item.placementNote { paragraph("Calendrier", note) }
        list("Enchaînement", item.relations)
        paragraph("Enjeu", item.why)
        list("Premiers pas", item.steps, numbered: true)
        paragraph("Partenaires", item.partners.joined(separator: " ; "))
        if !item.funding.isEmpty { paragraph("Financements", item.funding.joined(separator: " ; ")) }
        list("Exemple", item.examples)
        if let evidence = item.evidence { paragraph("Repères", evidence) }
        list("Indicateurs de suivi", item.indicators)
        list("Source", item.sources)
        return out
    }

    /// Escapes what Markdown would otherwise interpret in data coming from a profile or a rule.
    func escape(_ text: String) -> String {
        MarkdownEscaping.line(text)
    }
}
