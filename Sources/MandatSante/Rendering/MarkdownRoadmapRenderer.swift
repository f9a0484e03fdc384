/// The roadmap as Markdown (CommonMark with pipe tables), to paste into a report or a wiki: the executive
/// synthesis, one section per action, what to consider later; the annexes only with `--detail`.
///
/// Written as it goes into one buffer of UTF-8 bytes (`MarkdownPage`), as the HTML page is: markup as it is, text
/// escaped on the way in, no string per line joined at the end.
public struct MarkdownRoadmapRenderer: RoadmapRenderer {
    public init() {}

    public func render(_ document: RoadmapDocument) -> String {
        var out = MarkdownPage()
        page(document, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// Written in a buffer kept from an earlier roadmap (`buffers`), then copied to its size: a batch holds
    /// hundreds of rendered roadmaps on their way to the disk.
    public func renderBytes(_ document: RoadmapDocument) -> [UInt8] {
        Self.buffers.rendered(by: MarkdownPage.self) { page(document, into: &$0) }
    }

    /// The writing buffers of the roadmaps of a batch: as many as the threads that render at once, usually.
    private static let buffers = RenderBufferPool(capacity: 1 << 15)

    private func page(_ document: RoadmapDocument, into out: inout MarkdownPage) {
        let header = document.header
        out.raw("# \(DocumentLabels.documentTitle) — "); out.text(header.title); out.end(); out.end()
        out.raw("*"); out.text(header.summary); out.raw("* — "); out.text(header.period); out.raw("."); out.end(); out.end()
        out.text(header.edition); out.end(); out.end()
        synthesis(document, into: &out)
        out.line("## \(DocumentLabels.actions)"); out.end()
        for phase in document.phases where !phase.cards.isEmpty {
            out.raw("### "); out.text(phase.title); out.raw(" ("); out.text(phase.period); out.raw(")"); out.end(); out.end()
            if phase.outlined { out.line("*\(DocumentLabels.outlineNote)*"); out.end() }
            for card in phase.cards { self.card(card, edition: DocumentLabels.edition(of: phase, in: document), into: &out) }
        }
        let later = document.shownConsiderLater
        if !later.entries.isEmpty {
            out.line("## \(DocumentLabels.considerLater)"); out.end(); out.line(DocumentLabels.considerLaterIntro); out.end()
            for entry in later.entries {
                out.raw("- **"); out.text(entry.title); out.raw("**")
                if let line = entry.line { out.raw(" — "); out.text(line) }
                out.end()
            }
            if let more = DocumentLabels.moreConsiderLater(later.more) { out.end(); out.line(more) }
            out.end()
        }
        out.line("## \(DocumentLabels.portrait)"); out.end()
        for line in document.portrait.lines { out.raw("- **\(line.label)**\u{00A0}: "); out.text(line.text); out.end() }
        out.end(); out.line("## \(DocumentLabels.bibliography)"); out.end(); out.line(DocumentLabels.bibliographyIntro); out.end()
        for (offset, source) in document.bibliography.enumerated() { out.number(offset + 1); out.raw(". "); out.text(source.title); out.end() }
        out.end()
        if document.detail { annexes(document, into: &out) }
        out.finish()
    }

    private func synthesis(_ document: RoadmapDocument, into out: inout MarkdownPage) {
        let synthesis = document.synthesis
        out.line("## \(DocumentLabels.synthesis)"); out.end(); out.line("### \(DocumentLabels.findings)"); out.end()
        for finding in synthesis.findings { out.raw("- "); out.text(finding); out.end() }
        if let priorities = synthesis.priorities { out.end(); out.raw("\(DocumentLabels.priorities) : "); out.text(priorities); out.raw("."); out.end() }
        out.end(); out.line("### \(DocumentLabels.decisions)"); out.end()
        out.line("| N° | Décision | Porteur | Quand | Effort | Coût | Financement |")
        out.line("|---:|---|---|---|---|---|---|")
        for decision in synthesis.decisions {
            out.raw("| "); out.number(decision.rank); out.raw(" | "); out.text(decision.title)
            if let note = decision.note { out.raw(" — *"); out.text(note); out.raw("*") }
            out.raw(" | "); out.text(decision.carrier); out.raw(" | "); out.text(decision.when); out.raw(" | \(decision.effort) | ")
            out.text(decision.costRange ?? "—"); out.raw(" | "); out.text(decision.funder ?? "—"); out.raw(" |"); out.end()
        }
        if let also = synthesis.alsoFirst { out.end(); out.text(also); out.end() }
        out.end(); out.line("### \(DocumentLabels.calendar)"); out.end()
        for phase in document.phases {
            out.raw("- **"); out.text(phase.title); out.raw("** ("); out.text(phase.period); out.raw(")")
            if !phase.milestones.isEmpty { out.raw(" — \(DocumentLabels.milestones) : "); out.text(phase.milestones.joined(separator: ", ")) }
            out.end()
            for card in phase.cards { out.raw("  "); out.number(card.rank); out.raw(". "); out.text(card.title); out.end() }
        }
        out.end(); out.text(synthesis.sizeNote); out.end(); out.end()
    }

    private func card(_ card: RoadmapDocument.Card, edition: CardEdition, into out: inout MarkdownPage) {
        out.raw("#### "); out.number(card.rank); out.raw(". "); out.text(card.title); out.end(); out.end()
        for (offset, fact) in DocumentLabels.facts(card, edition: edition).enumerated() {
            if offset > 0 { out.raw(" · ") }
            if let label = fact.label { out.raw("**\(label)**\u{00A0}: ") }
            out.text(fact.text)
        }
        out.raw("  "); out.end(); out.end()
        func line(_ label: String, _ text: String?) {
            guard let text, !text.isEmpty else { return }
            out.raw("**\(label)**\u{00A0}: "); out.text(text); out.end(); out.end()
        }
        func list(_ label: String, _ items: [String], numbered: Bool = false) {
            guard !items.isEmpty else { return }
            out.line("**\(label)**\u{00A0}:"); out.end()
            for (offset, item) in items.enumerated() {
                if numbered { out.number(offset + 1); out.raw(". ") } else { out.raw("- ") }
                out.text(item); out.end()
            }
            out.end()
        }
        line(DocumentLabels.forYou, Typography.inline(DocumentLabels.forYou(card, edition: edition)))
        for caution in card.cautions { line(DocumentLabels.cautions, caution) }
        line(DocumentLabels.relations, Typography.inline(DocumentLabels.relations(card, edition: edition)))
        line(DocumentLabels.placement, DocumentLabels.placement(card, edition: edition))
        line(DocumentLabels.why, DocumentLabels.why(card, edition: edition))
        list(DocumentLabels.steps, DocumentLabels.steps(card, edition: edition), numbered: true)
        line(DocumentLabels.partners, Typography.inline(DocumentLabels.partners(card, edition: edition)))
        let funding = DocumentLabels.funding(card, edition: edition)
        if funding.count == 1 { line(DocumentLabels.funding(count: 1), funding[0]) } else { list(DocumentLabels.funding, funding) }
        for example in DocumentLabels.examples(card) { line(DocumentLabels.example, example.text) }
        if edition == .full { line(DocumentLabels.evidence, card.evidence) }
        list(DocumentLabels.indicators, DocumentLabels.indicators(card, edition: edition))
        line(DocumentLabels.sources, DocumentLabels.sourceNumbers(card, edition: edition))
        if edition == .full { line(DocumentLabels.score, card.scoreLine) }
    }

    private func annexes(_ document: RoadmapDocument, into out: inout MarkdownPage) {
        if !document.leftOut.isEmpty {
            out.line("## \(DocumentLabels.leftOut)"); out.end()
            for group in document.leftOut {
                out.line("### \(group.title) (\(group.entries.count))"); out.end()
                for entry in group.entries {
                    out.raw("- **"); out.text(entry.title); out.raw("** `\(entry.id)` — "); out.text(entry.reason); out.end()
                }
                out.end()
            }
        }
        out.line("## \(DocumentLabels.scoring)"); out.end(); out.line("| N° | Identifiant | Score |"); out.line("|---:|---|---|")
        for card in document.cards { out.raw("| "); out.number(card.rank); out.raw(" | `\(card.id)` | "); out.text(card.scoreLine); out.raw(" |"); out.end() }
        out.end()
    }

    /// Text from a profile or a rule as one line of Markdown (see `MarkdownEscaping`): a value never turns into a
    /// heading, a list, a table cell or a link.
    public func inline(_ text: String) -> String {
        MarkdownEscaping.line(text)
    }
}

/// A Markdown document written as it goes into one buffer of UTF-8 bytes: each line ended by a line feed, except
/// the last (`finish`).
struct MarkdownPage: PooledWriter {
    var bytes: [UInt8]

    init() {
        bytes = []
        bytes.reserveCapacity(1 << 15)
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Markup, written as it is.
    mutating func raw(_ markup: String) { bytes += markup.utf8 }

    /// Text from the document or the rules, as one line of Markdown (`MarkdownEscaping.line`).
    mutating func text(_ value: String) { MarkdownEscaping.appendLine(value, to: &bytes) }

    mutating func number(_ value: Int) { bytes += String(value).utf8 }

    /// Ends the current line (an empty one when nothing was written since the last).
    mutating func end() { bytes.append(0x0A) }

    /// Markup, then the end of the line.
    mutating func line(_ markup: String) {
        raw(markup)
        end()
    }

    /// The document ends with its last line, without a line feed of its own.
    mutating func finish() {
        if bytes.last == 0x0A { bytes.removeLast() }
    }
}
