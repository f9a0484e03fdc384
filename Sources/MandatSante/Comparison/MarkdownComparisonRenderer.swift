/// A roadmap comparison as Markdown (CommonMark with pipe tables), to paste into a note for the council.
public struct MarkdownComparisonRenderer: ComparisonRenderer {
    public init() {}

    public func render(_ comparison: RoadmapComparison) -> String {
        let markdown = MarkdownRoadmapRenderer()
        func escape(_ text: String) -> String { markdown.inline(text) }
        var out: [String] = []
        out.append("# Comparaison de feuilles de route")
        out.append("")
        out.append("- **Avant** : \(escape(comparison.beforeLabel))")
        out.append("- **Après** : \(escape(comparison.afterLabel))")
        out.append("- Établies à partir de \(comparison.startMonth) ; \(comparison.countBefore) actions avant, \(comparison.countAfter) après.")
        out.append("")
        out.append("## Ce qui change dans le profil")
        out.append("")
        let capacity = comparison.yearlyCapacity
        if comparison.factChanges.isEmpty && capacity.before == capacity.after {
            out.append("Rien : les deux profils décrivent le même territoire.")
        } else {
            out.append("| Fait | Avant | Après |")
            out.append("|---|---|---|")
            for change in comparison.factChanges {
                out.append("| \(escape(change.label)) | \(escape(change.before)) | \(escape(change.after)) |")
            }
            if capacity.before != capacity.after {
                out.append("| capacité (unités d'effort par an) | \(capacity.before) | \(capacity.after) |")
            }
        }
        out.append("")
        guard comparison.hasChanges else {
            out.append("**Aucune différence** : les deux feuilles de route retiennent les mêmes actions, aux mêmes rangs et dans les mêmes phases.")
            return out.joined(separator: "\n") + "\n"
        }
        out.append("**En bref** : \(comparison.summary).")
        for section in comparison.sections where !section.changes.isEmpty {
            out.append("")
            out.append("## \(section.title) (\(section.changes.count))")
            out.append("")
            for change in section.changes {
                out.append("- **\(escape(change.title))** (`\(change.id)`) — \(escape(RoadmapComparison.position(change)))" + (change.reasons.isEmpty ? "" : "  "))
                if !change.reasons.isEmpty {
                    out.append("  Pourquoi : " + Self.text(change.reasons.joined(separator: " ; ")))
                }
            }
        }
        out.append("")
        out.append("Pour le détail d'une action : `mandat-sante explain PROFIL IDENTIFIANT` (avec les mêmes `--set`).")
        return out.joined(separator: "\n") + "\n"
    }

    /// Escaped Markdown in which the recommendation ids written « [id] » become code spans.
    static func text(_ text: String) -> String {
        let markdown = MarkdownRoadmapRenderer()
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "[") {
            out += markdown.inline(String(rest[..<open]))
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "]"), !after[..<close].isEmpty,
               after[..<close].allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) {
                out += "`\(after[..<close])`"
                rest = after[after.index(after: close)...]
            } else {
                out += "\\["
                rest = after
            }
        }
        return out + markdown.inline(String(rest))
    }
}
