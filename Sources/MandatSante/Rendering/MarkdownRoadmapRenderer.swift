/// The roadmap as Markdown (CommonMark with pipe tables), to paste into a report or a wiki: the executive
/// synthesis, one section per action, what to consider later; the annexes only with `--detail`.
public struct MarkdownRoadmapRenderer: RoadmapRenderer {
    public init() {}

    public func render(_ document: RoadmapDocument) -> String {
        var out: [String] = []
        let header = document.header
        out += ["# \(DocumentLabels.documentTitle) — \(inline(header.title))", ""]
        out += ["*\(inline(header.summary))* — \(inline(header.period)).", "", "\(inline(header.edition))", ""]
        out += synthesis(document)
        out += ["## \(DocumentLabels.actions)", ""]
        for phase in document.phases where !phase.cards.isEmpty {
            out += ["### \(inline(phase.title)) (\(inline(phase.period)))", ""]
            if phase.outlined { out += ["*\(DocumentLabels.outlineNote)*", ""] }
            for card in phase.cards { out += self.card(card, edition: DocumentLabels.edition(of: phase, in: document)) }
        }
        let later = document.shownConsiderLater
        if !later.entries.isEmpty {
            out += ["## \(DocumentLabels.considerLater)", "", DocumentLabels.considerLaterIntro, ""]
            for entry in later.entries {
                out.append("- **\(inline(entry.title))**\(entry.line.map { " — \(inline($0))" } ?? "")")
            }
            if let more = DocumentLabels.moreConsiderLater(later.more) { out += ["", more] }
            out.append("")
        }
        out += ["## \(DocumentLabels.portrait)", ""]
        for line in document.portrait.lines { out.append("- **\(line.label)** : \(inline(line.text))") }
        out += ["", "## \(DocumentLabels.bibliography)", "", DocumentLabels.bibliographyIntro, ""]
        for (offset, source) in document.bibliography.enumerated() { out.append("\(offset + 1). \(inline(source.title))") }
        out.append("")
        if document.detail { out += annexes(document) }
        return out.joined(separator: "\n")
    }

    private func synthesis(_ document: RoadmapDocument) -> [String] {
        let synthesis = document.synthesis
        var out = ["## \(DocumentLabels.synthesis)", "", "### \(DocumentLabels.findings)", ""]
        out += synthesis.findings.map { "- \(inline($0))" }
        if let priorities = synthesis.priorities { out += ["", "\(DocumentLabels.priorities) : \(inline(priorities))."] }
        out += ["", "### \(DocumentLabels.decisions)", "", "| N° | Décision | Porteur | Quand | Effort | Coût | Preuve | Inégalités | Financement |", "|---:|---|---|---|---|---|---|---|---|"]
        for decision in synthesis.decisions {
            let title = inline(decision.title) + (decision.note.map { " — *\(inline($0))*" } ?? "")
            out.append("| \(decision.rank) | \(title) | \(inline(decision.carrier)) | \(inline(decision.when)) | \(decision.effort) | \(inline(decision.costRange ?? "—")) | \(inline(decision.evidenceLevel ?? "—")) | \(inline(decision.inequalityEffect ?? "—")) | \(inline(decision.funder ?? "—")) |")
        }
        out += ["", "### \(DocumentLabels.calendar)", ""]
        for phase in document.phases {
            let milestones = phase.milestones.isEmpty ? "" : " — \(DocumentLabels.milestones) : \(inline(phase.milestones.joined(separator: ", ")))"
            out.append("- **\(inline(phase.title))** (\(inline(phase.period)))\(milestones)")
            for card in phase.cards { out.append("  \(card.rank). \(inline(card.title))") }
        }
        out += ["", inline(synthesis.sizeNote), ""]
        return out
    }

    private func card(_ card: RoadmapDocument.Card, edition: CardEdition) -> [String] {
        var out = ["#### \(card.rank). \(inline(card.title))", ""]
        out.append(DocumentLabels.facts(card, edition: edition).map { "**\($0.label)** : \(inline($0.text))" }.joined(separator: " · ") + "  ")
        out.append("")
        func line(_ label: String, _ text: String?) {
            guard let text, !text.isEmpty else { return }
            out += ["**\(label)** : \(inline(text))", ""]
        }
        func list(_ label: String, _ items: [String], numbered: Bool = false) {
            guard !items.isEmpty else { return }
            out += ["**\(label)** :", ""]
            for (offset, item) in items.enumerated() { out.append("\(numbered ? "\(offset + 1)." : "-") \(inline(item))") }
            out.append("")
        }
        line(DocumentLabels.forYou, Typography.inline(DocumentLabels.forYou(card, edition: edition)))
        for caution in card.cautions { line(DocumentLabels.cautions, caution) }
        line(DocumentLabels.relations, Typography.inline(DocumentLabels.relations(card, edition: edition)))
        line(DocumentLabels.placement, DocumentLabels.placement(card, edition: edition))
        line(DocumentLabels.why, DocumentLabels.why(card, edition: edition))
        list(DocumentLabels.steps, DocumentLabels.steps(card, edition: edition), numbered: true)
        line(DocumentLabels.partners, Typography.inline(DocumentLabels.partners(card, edition: edition)))
        list(DocumentLabels.funding, DocumentLabels.funding(card, edition: edition))
        for example in DocumentLabels.examples(card, edition: edition) { line(DocumentLabels.example, example.text) }
        if edition == .full { line(DocumentLabels.evidence, card.evidence) }
        list(DocumentLabels.indicators, DocumentLabels.indicators(card, edition: edition))
        line(DocumentLabels.sources, DocumentLabels.sourceNumbers(card, edition: edition))
        if edition == .full { line(DocumentLabels.score, card.scoreLine) }
        return out
    }

    private func annexes(_ document: RoadmapDocument) -> [String] {
        var out: [String] = []
        if !document.leftOut.isEmpty {
            out += ["## \(DocumentLabels.leftOut)", ""]
            for group in document.leftOut {
                out += ["### \(group.title) (\(group.entries.count))", ""]
                out += group.entries.map { "- **\(inline($0.title))** `\($0.id)` — \(inline($0.reason))" }
                out.append("")
            }
        }
        out += ["## \(DocumentLabels.scoring)", "", "| N° | Identifiant | Score |", "|---:|---|---|"]
        out += document.cards.map { "| \($0.rank) | `\($0.id)` | \(inline($0.scoreLine)) |" }
        out.append("")
        return out
    }

    /// Text from a profile or a rule as one line of Markdown (see `MarkdownEscaping`): a value never turns into a
    /// heading, a list, a table cell or a link.
    public func inline(_ text: String) -> String {
        MarkdownEscaping.line(text)
    }
}
