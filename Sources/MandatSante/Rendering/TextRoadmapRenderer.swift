/// The roadmap as plain text for an 80-column terminal: the executive synthesis first, then one card per
/// action, then what to consider later; the annexes for specialists only with `--detail`.
public struct TextRoadmapRenderer: RoadmapRenderer {
    public static let width = 80

    public init() {}

    public func render(_ document: RoadmapDocument) -> String {
        var out = TextLines()
        lines(document, into: &out)
        return out.text
    }

    /// Written in a buffer kept from an earlier roadmap (`buffers`), then copied to its size: a batch holds
    /// hundreds of rendered roadmaps on their way to the disk.
    public func renderBytes(_ document: RoadmapDocument) -> [UInt8] {
        Self.buffers.rendered(by: TextLines.self) { lines(document, into: &$0) }
    }

    /// The writing buffers of the roadmaps of a batch: as many as the threads that render at once, usually.
    private static let buffers = RenderBufferPool(capacity: 1 << 15)

    private func lines(_ document: RoadmapDocument, into out: inout TextLines) {
        let header = document.header
        out.wrap("\(Headings.documentTitle) — \(header.title)")
        out.wrap(header.summary)
        out.wrap(header.period)
        out.wrap(header.edition)
        out.doubleRule()
        out.blank()
        synthesis(document, into: &out)
        out.doubleRule()
        out.blank()
        out.append(Headings.actions)
        out.blank()
        for phase in document.phases where !phase.cards.isEmpty {
            let heading = "── \(phase.title) (\(phase.period)) "
            out.append(heading, ruledWith: max(3, Self.width - heading.count))
            out.blank()
            if phase.outlined {
                out.wrap(DocumentLabels.outlineNote)
                out.blank()
            }
            for card in phase.cards {
                self.card(card, edition: DocumentLabels.edition(of: phase, in: document), into: &out)
                out.blank()
            }
        }
        let later = document.shownConsiderLater
        if !later.entries.isEmpty {
            out.append(Headings.considerLater)
            out.wrap(DocumentLabels.considerLaterIntro, indent: "  ", first: "  ")
            for entry in later.entries {
                out.wrap("\(entry.title)\(entry.line.map { " — \($0)" } ?? "")", indent: "    ", first: "  - ")
            }
            if let more = DocumentLabels.moreConsiderLater(later.more) { out.wrap(more, indent: "  ", first: "  ") }
            out.blank()
        }
        out.append(Headings.portrait)
        for line in document.portrait.lines {
            out.wrap(label: line.label, line.text, indent: "    ", first: "  ")
        }
        out.blank()
        out.append(Headings.bibliography)
        out.wrap(DocumentLabels.bibliographyIntro, indent: "  ", first: "  ")
        for (offset, source) in document.bibliography.enumerated() {
            let number = "[\(offset + 1)] "
            out.wrap(source.title, indent: TextLines.spaces(2 + number.count), first: "  " + number)
        }
        out.blank()
        if document.detail { annexes(document, into: &out) }
    }

    private func synthesis(_ document: RoadmapDocument, into out: inout TextLines) {
        let synthesis = document.synthesis
        out.append(Headings.synthesis)
        out.blank()
        out.append(DocumentLabels.findings)
        for finding in synthesis.findings { out.wrap(finding, indent: "    ", first: "  - ") }
        if let priorities = synthesis.priorities {
            out.wrap("\(DocumentLabels.priorities) : \(priorities).", indent: "    ", first: "  ")
        }
        out.blank()
        out.wrap("\(DocumentLabels.decisions) (\(DocumentLabels.decisionsNote(synthesis)))", indent: "  ", first: "")
        for decision in synthesis.decisions {
            let number = "\(decision.rank). "
            let indent = TextLines.spaces(2 + number.count)
            out.wrap(decision.title, indent: indent, first: "  " + number)
            let line = DocumentLabels.decisionLine(decision, sharedCarrier: synthesis.sharedCarrier) + (decision.note.map { " — \($0)" } ?? "")
            out.wrap(Typography.french(line + "."), indent: indent + "  ", first: indent)
        }
        if let also = synthesis.alsoFirst { out.wrap(also, indent: "  ", first: "  ") }
        out.blank()
        out.append(DocumentLabels.calendar)
        for phase in document.phases {
            let milestones = phase.milestones.isEmpty ? "" : " — \(DocumentLabels.milestones) : \(phase.milestones.joined(separator: ", "))"
            out.wrap("\(phase.title) (\(phase.period))\(milestones)", indent: "    ", first: "  ")
            if phase.cards.isEmpty { out.wrap("aucune action nouvelle : la suite des actions engagées", indent: "      ", first: "    ") }
            for card in phase.cards {
                let number = "\(card.rank). "
                out.wrap(card.title, indent: TextLines.spaces(4 + number.count), first: "    " + number)
            }
        }
        out.blank()
        out.wrap(synthesis.sizeNote)
        out.blank()
    }

    private func card(_ card: RoadmapDocument.Card, edition: CardEdition, into out: inout TextLines) {
        let number = "\(card.rank). "
        let indent = TextLines.spaces(number.count + 1)
        let hanging = indent + "  "
        out.wrap(card.title, indent: indent, first: " " + number)
        out.wrap(facts: DocumentLabels.facts(card, edition: edition), indent: hanging, first: indent)
        func line(_ label: String, _ text: String?) {
            guard let text, !text.isEmpty else { return }
            out.wrap(label: label, text, indent: hanging, first: indent)
        }
        func list(_ label: String, _ items: [String], numbered: Bool = false) {
            guard !items.isEmpty else { return }
            out.append(indent + label + " :")
            for (offset, item) in items.enumerated() {
                let bullet = numbered ? "\(offset + 1). " : "- "
                out.wrap(item, indent: TextLines.spaces(indent.utf8.count + 2 + bullet.utf8.count), first: indent + "  " + bullet)
            }
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

    private func annexes(_ document: RoadmapDocument, into out: inout TextLines) {
        if !document.leftOut.isEmpty {
            out.append(Headings.leftOut)
            for group in document.leftOut {
                out.blank()
                out.wrap("\(group.title) (\(group.entries.count)) :", first: "  ")
                for entry in group.entries {
                    out.wrap("\(entry.title) [\(entry.id)] — \(entry.reason)", indent: "      ", first: "    - ")
                }
            }
            out.blank()
        }
        out.append(Headings.scoring)
        for card in document.cards {
            out.wrap("\(card.rank). [\(card.id)] \(card.scoreLine)", indent: "      ", first: "  ")
        }
        for entry in document.considerLater {
            out.wrap("-. [\(entry.id)] \(entry.score) — à envisager ensuite", indent: "      ", first: "  ")
        }
        out.blank()
    }
}

/// The section headings in capitals, made once rather than for each roadmap.
private enum Headings {
    static let documentTitle = DocumentLabels.documentTitle.uppercased()
    static let synthesis = DocumentLabels.synthesis.uppercased()
    static let actions = DocumentLabels.actions.uppercased()
    static let considerLater = DocumentLabels.considerLater.uppercased()
    static let portrait = DocumentLabels.portrait.uppercased()
    static let bibliography = DocumentLabels.bibliography.uppercased()
    static let leftOut = DocumentLabels.leftOut.uppercased()
    static let scoring = DocumentLabels.scoring.uppercased()
}

/// Lines of a text document, wrapped to the terminal width: written as they come into one buffer of UTF-8 bytes,
/// each followed by a line feed.
struct TextLines: PooledWriter {
    var bytes: [UInt8]

    init() {
        bytes = []
        bytes.reserveCapacity(1 << 15)
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func append(_ line: String) {
        bytes += line.utf8
        bytes.append(0x0A)
    }

    mutating func blank() { bytes.append(0x0A) }

    /// A line of « = » across the width.
    mutating func doubleRule() {
        bytes.append(contentsOf: repeatElement(0x3D, count: TextRoadmapRenderer.width))
        bytes.append(0x0A)
    }

    /// `heading`, then `count` box-drawing dashes « ─ » (U+2500, E2 94 80).
    mutating func append(_ heading: String, ruledWith count: Int) {
        bytes += heading.utf8
        for _ in 0..<count { bytes.append(0xE2); bytes.append(0x94); bytes.append(0x80) }
        bytes.append(0x0A)
    }

    /// `count` spaces: the hanging indents of numbered lines, made once.
    static func spaces(_ count: Int) -> String {
        count < indents.count ? indents[count] : String(repeating: " ", count: count)
    }

    private static let indents = (0..<24).map { String(repeating: " ", count: $0) }

    mutating func wrap(_ text: String, indent: String = "", first: String? = nil) {
        TextWrapper.wrap(text, width: TextRoadmapRenderer.width, indent: indent, firstIndent: first, into: &bytes)
    }

    /// « label : text », wrapped: put together in `scratch` rather than in a string made for the line.
    mutating func wrap(label: String, _ text: String, indent: String, first: String) {
        compose(indent: indent, first: first) { line in
            Self.append(label, to: &line)
            Self.append(Self.labelSeparator, to: &line)
            Self.append(text, to: &line)
        }
    }

    /// The facts of a card on one line (« La commune · effort faible · preuve : modérée »), each
    /// `DocumentLabels.fact`, wrapped: put together in `scratch`.
    mutating func wrap(facts: [(label: String?, text: String)], indent: String, first: String) {
        compose(indent: indent, first: first) { line in
            for (offset, fact) in facts.enumerated() {
                if offset > 0 { Self.append(Self.factSeparator, to: &line) }
                if let label = fact.label {
                    Self.append(label, to: &line)
                    Self.append(Self.labelSeparator, to: &line)
                }
                Self.append(fact.text, to: &line)
            }
        }
    }

    /// Room where a line of several pieces is put together before it is wrapped, kept from one line to the next.
    private var scratch: [UInt8] = []

    private mutating func compose(indent: String, first: String, _ pieces: (inout [UInt8]) -> Void) {
        var line = scratch
        scratch = []
        line.removeAll(keepingCapacity: true)
        pieces(&line)
        line.withUnsafeBufferPointer { line in
            TextWrapper.wrap(bytes: line, width: TextRoadmapRenderer.width, indent: indent, firstIndent: first, into: &bytes)
        }
        scratch = line
    }

    private static func append(_ text: String, to line: inout [UInt8]) {
        var text = text
        text.withUTF8 { line.append(contentsOf: $0) }
    }

    private static let labelSeparator = " : "
    private static let factSeparator = " · "

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
