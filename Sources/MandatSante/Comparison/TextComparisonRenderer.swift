/// A roadmap comparison as plain text for an 80-column terminal.
public struct TextComparisonRenderer: ComparisonRenderer {
    public static let width = TextRoadmapRenderer.width

    public init() {}

    public func render(_ comparison: RoadmapComparison) -> String {
        var out: [String] = []
        out.append("COMPARAISON DE FEUILLES DE ROUTE")
        out += wrap("Avant : \(comparison.beforeLabel)", indent: "        ", first: "")
        out += wrap("Après : \(comparison.afterLabel)", indent: "        ", first: "")
        out += wrap("Établies à partir de \(comparison.startMonth) ; \(comparison.countBefore) actions avant, \(comparison.countAfter) après.")
        out.append(String(repeating: "=", count: Self.width))
        out.append("")
        out.append("CE QUI CHANGE DANS LE PROFIL")
        if comparison.factChanges.isEmpty {
            out.append("  - rien : les deux profils décrivent le même territoire")
        }
        for change in comparison.factChanges {
            out += wrap("\(change.label) : \(change.before) → \(change.after)", indent: "    ", first: "  - ")
        }
        let capacity = comparison.yearlyCapacity
        if capacity.before != capacity.after {
            out += wrap("capacité : \(capacity.before) → \(capacity.after) unités d'effort par an", indent: "    ", first: "  - ")
        }
        out.append("")
        guard comparison.hasChanges else {
            out += wrap("Aucune différence : les deux feuilles de route retiennent les mêmes actions, aux mêmes rangs et dans les mêmes phases.")
            return out.joined(separator: "\n") + "\n"
        }
        out += wrap("EN BREF : \(comparison.summary).")
        for section in comparison.sections where !section.changes.isEmpty {
            out.append("")
            out.append("\(section.title.uppercased()) (\(section.changes.count))")
            for change in section.changes {
                out += wrap("\(change.title) [\(change.id)]", indent: "    ", first: "  \(section.symbol) ")
                out += wrap(RoadmapComparison.position(change), indent: "    ", first: "    ")
                if !change.reasons.isEmpty {
                    out += wrap("Pourquoi : " + change.reasons.joined(separator: " ; "), indent: "      ", first: "    ")
                }
            }
        }
        out.append("")
        out += wrap("Pour le détail d'une action : mandat-sante explain PROFIL IDENTIFIANT (avec les mêmes --set).")
        return out.joined(separator: "\n") + "\n"
    }

    private func wrap(_ text: String, indent: String = "", first: String? = nil) -> [String] {
        TextWrapper.wrap(text, width: Self.width, indent: indent, firstIndent: first)
    }
}
