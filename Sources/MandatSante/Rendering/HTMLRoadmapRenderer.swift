/// The roadmap as one self-contained HTML page, to read on screen or print on A4 and hand out: page one is the
/// executive synthesis, then one card per action, what to consider later and the portrait; style sheet inline,
/// no script, no font or image to fetch. Every value from a profile or a rule is escaped.
///
/// Written as UTF-8 bytes into one buffer (`HTMLPage`): markup as it is, text in French typography and escaped
/// on its way in, without a string per line (a batch writes thousands of pages).
public struct HTMLRoadmapRenderer: RoadmapRenderer {
    public init() {}

    public func render(_ document: RoadmapDocument) -> String {
        var out = HTMLPage()
        page(document, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// Written in a buffer kept from an earlier roadmap (`buffers`), then copied to its size: a batch holds
    /// hundreds of rendered roadmaps on their way to the disk.
    public func renderBytes(_ document: RoadmapDocument) -> [UInt8] {
        Self.buffers.rendered(by: HTMLPage.self) { page(document, into: &$0) }
    }

    /// The writing buffers of the roadmaps of a batch: as many as the threads that render at once, usually.
    private static let buffers = RenderBufferPool(capacity: 1 << 16)

    private func page(_ document: RoadmapDocument, into out: inout HTMLPage) {
        let header = document.header
        out.line("<!DOCTYPE html>")
        out.line(#"<html lang="fr">"#)
        out.line("<head>")
        out.line(#"<meta charset="utf-8">"#)
        out.line(#"<meta name="viewport" content="width=device-width, initial-scale=1">"#)
        out.raw("<title>"); out.text(DocumentLabels.documentTitle); out.raw(" — "); out.text(header.title); out.line("</title>")
        out.line("<style>")
        out.line(HTMLStyle.css)
        out.line(segmentWidths(document))
        out.line("</style>")
        out.line("</head>")
        out.line("<body>")
        out.line(#"<div class="page">"#)
        out.line(#"<header class="cover">"#)
        // The edition on page one: a printed page handed out in a council names its date and the rule base's version.
        out.raw(#"<p class="kicker">"#); out.text(DocumentLabels.documentTitle); out.raw(" 2026-2032")
        out.raw(#" <span class="edition">"#); out.text(header.edition); out.line("</span></p>")
        out.raw("<h1>"); out.text(header.title); out.line("</h1>")
        out.raw(#"<p class="summary">"#); out.text(header.summary); out.line("</p>")
        out.raw(#"<p class="period">"#); out.text(header.period); out.line("</p>")
        out.line("</header>")
        out.line("<main>")
        synthesis(document, into: &out)
        out.line(#"<section id="actions" class="actions">"#)
        out.raw("<h2>"); out.text(DocumentLabels.actions); out.line("</h2>")
        for phase in document.phases where !phase.cards.isEmpty {
            out.raw(#"<h3 class="phase-head" id="phase-"#); out.text(phase.id); out.raw(#"">"#); out.text(phase.title)
            out.raw(#" <span class="when">"#); out.text(phase.period); out.line("</span></h3>")
            if phase.outlined { out.raw(#"<p class="note">"#); out.text(DocumentLabels.outlineNote); out.line("</p>") }
            for card in phase.cards { self.card(card, edition: DocumentLabels.edition(of: phase, in: document), into: &out) }
        }
        out.line("</section>")
        let later = document.shownConsiderLater
        if !later.entries.isEmpty {
            out.line(#"<section id="ensuite">"#)
            out.raw("<h2>"); out.text(DocumentLabels.considerLater); out.line("</h2>")
            out.raw("<p>"); out.text(DocumentLabels.considerLaterIntro); out.line("</p>")
            out.line("<ul class=\"later\">")
            for entry in later.entries {
                out.raw("<li><strong>"); out.text(entry.title); out.raw("</strong>")
                if let line = entry.line { out.raw(" — "); out.text(line) }
                out.line("</li>")
            }
            out.line("</ul>")
            if let more = DocumentLabels.moreConsiderLater(later.more) { out.raw("<p class=\"note\">"); out.text(more); out.line("</p>") }
            out.line("</section>")
        }
        out.line(#"<section id="portrait">"#)
        out.raw("<h2>"); out.text(DocumentLabels.portrait); out.line("</h2>")
        out.line(#"<dl class="portrait">"#)
        for line in document.portrait.lines {
            out.raw("<dt>"); out.text(line.label); out.raw("</dt><dd>"); out.text(line.text); out.line("</dd>")
        }
        out.line("</dl>")
        out.line("</section>")
        out.line(#"<section id="sources">"#)
        out.raw("<h2>"); out.text(DocumentLabels.bibliography); out.line("</h2>")
        out.raw("<p>"); out.text(DocumentLabels.bibliographyIntro); out.line("</p>")
        out.line(#"<ol class="bibliography">"#)
        for (offset, source) in document.bibliography.enumerated() {
            out.raw(#"<li id="source-"#); out.number(offset + 1); out.raw(#"">"#); out.text(source.title); out.line("</li>")
        }
        out.line("</ol>")
        out.line("</section>")
        if document.detail { annexes(document, into: &out) }
        out.line("</main>")
        out.raw("<footer><p>"); out.text(header.edition); out.line(". Chaque action cite ses sources publiques.</p></footer>")
        out.line("</div>")
        out.line("</body>")
        out.line("</html>")
    }

    /// Page one: findings, decisions, calendar with the titles of the actions.
    private func synthesis(_ document: RoadmapDocument, into out: inout HTMLPage) {
        let synthesis = document.synthesis
        out.line(HTMLStyle.isSpacious(synthesis, actions: document.cards.count)
                 ? #"<section id="synthese" class="synthesis spacious">"# : #"<section id="synthese" class="synthesis">"#)
        out.raw("<h2>"); out.text(DocumentLabels.synthesis); out.line("</h2>")
        out.raw("<h3>"); out.text(DocumentLabels.findings); out.line("</h3>")
        out.line(#"<ul class="findings">"#)
        for finding in synthesis.findings { out.raw("<li>"); out.text(finding); out.line("</li>") }
        out.line("</ul>")
        if let priorities = synthesis.priorities {
            out.raw(#"<p class="priorities"><strong>"#); out.text(DocumentLabels.priorities); out.raw("</strong>\u{00A0}: "); out.text(priorities); out.line(".</p>")
        }
        // A list rather than a table: on one A4 page, each decision takes two lines instead of five.
        out.raw("<h3>"); out.text(DocumentLabels.decisions); out.raw(" <span class=\"note\">("); out.text(DocumentLabels.decisionsNote(synthesis)); out.line(")</span></h3>")
        out.line(#"<ol class="decisions">"#)
        for decision in synthesis.decisions {
            out.raw(#"<li value=""#); out.number(decision.rank); out.raw(##""><a href="#action-"##); out.number(decision.rank); out.raw(#""><strong>"#)
            out.text(decision.title); out.raw("</strong></a>")
            // The note ends the line, as in the text: after a long title it would take a line of its own.
            out.raw(#"<br><span class="decision-line">"#); out.text(DocumentLabels.decisionLine(decision, sharedCarrier: synthesis.sharedCarrier))
            if let note = decision.note { out.raw(" — "); out.text(note) }
            out.line("</span></li>")
        }
        out.line("</ol>")
        if let also = synthesis.alsoFirst { out.raw(#"<p class="also-first">"#); out.text(also); out.line("</p>") }
        out.raw("<h3>"); out.text(DocumentLabels.calendar); out.line("</h3>")
        out.raw(#"<p class="size-note">"#); out.text(synthesis.sizeNote); out.line("</p>")
        timeline(document, into: &out)
        out.line("</section>")
    }

    /// The phases side by side on screen (one band each on paper), each with its period, its milestones and the
    /// titles of its actions; above them, on screen, a bar whose segments are as long as the phases.
    private func timeline(_ document: RoadmapDocument, into out: inout HTMLPage) {
        out.line(#"<div class="timeline" role="list">"#)
        let total = max(1, document.phases.reduce(0) { $0 + $1.months })
        out.raw(#"<div class="bar" aria-hidden="true">"#)
        for (index, phase) in document.phases.enumerated() {
            out.raw(#"<span class="segment segment-"#); out.number(index); out.raw(#"">"#)
            if phase.months * 100 / total >= 8 { out.text(phase.period) }
            out.raw("</span>")
        }
        out.line("</div>")
        out.raw(#"<div class="columns-"#); out.number(document.phases.count); out.line(#" phases">"#)
        for phase in document.phases {
            out.line(#"<div class="phase-column" role="listitem">"#)
            out.raw(#"<p class="phase-title">"#); out.text(phase.title); out.raw(#"</p><p class="phase-period">"#); out.text(phase.period); out.line("</p>")
            if !phase.milestones.isEmpty {
                out.raw(#"<p class="milestones">"#); out.text(phase.milestones.joined(separator: " · ")); out.line("</p>")
            }
            if phase.cards.isEmpty {
                out.line(#"<p class="note">Suite des actions engagées.</p>"#)
            } else {
                out.line("<ol>")
                for card in phase.cards {
                    out.raw(#"<li value=""#); out.number(card.rank); out.raw(##""><a href="#action-"##); out.number(card.rank); out.raw(#"">"#)
                    out.text(card.title); out.line("</a></li>")
                }
                out.line("</ol>")
            }
            out.line("</div>")
        }
        out.line("</div>")
        out.line("</div>")
    }

    /// The bar's segments as long as their phases (rules in the style sheet rather than style attributes).
    private func segmentWidths(_ document: RoadmapDocument) -> String {
        document.phases.indices.map { ".segment-\($0) { flex: \(document.phases[$0].months) 1 0; }" }.joined(separator: "\n")
    }

    private func card(_ card: RoadmapDocument.Card, edition: CardEdition, into out: inout HTMLPage) {
        out.raw(#"<article class="card" id="action-"#); out.number(card.rank); out.line(#"">"#)
        out.raw(#"<header class="card-head"><span class="rank">"#); out.number(card.rank); out.line("</span><div>")
        out.raw("<h4>"); out.text(card.title); out.line("</h4>")
        out.raw(#"<p class="meta">"#)
        for fact in DocumentLabels.facts(card, edition: edition) {
            out.raw("<span>")
            if let label = fact.label { out.raw("<strong>"); out.text(label); out.raw("</strong>\u{00A0}: ") }
            out.text(fact.text); out.raw("</span>")
        }
        out.line("</p>")
        out.line("</div></header>")
        let forYou = DocumentLabels.forYou(card, edition: edition)
        if !forYou.isEmpty {
            out.line(#"<div class="block for-you">"#)
            out.raw("<h5>"); out.text(DocumentLabels.forYou); out.line("</h5>")
            out.line("<ul>")
            for reason in forYou { out.raw("<li>"); out.text(reason); out.line("</li>") }
            out.line("</ul>")
            out.line("</div>")
        }
        for caution in card.cautions {
            out.raw(#"<p class="block caution"><strong>"#); out.text(DocumentLabels.cautions); out.raw("</strong>\u{00A0}: "); out.text(caution); out.line("</p>")
        }
        let relations = DocumentLabels.relations(card, edition: edition)
        if !relations.isEmpty {
            out.raw(#"<p class="block note"><strong>"#); out.text(DocumentLabels.relations); out.raw("</strong>\u{00A0}: "); out.text(Typography.inline(relations)); out.line("</p>")
        }
        if let placement = DocumentLabels.placement(card, edition: edition) {
            out.raw(#"<p class="block note"><strong>"#); out.text(DocumentLabels.placement); out.raw("</strong>\u{00A0}: "); out.text(placement); out.line("</p>")
        }
        out.line(#"<div class="block">"#)
        out.raw("<h5>"); out.text(DocumentLabels.why); out.line("</h5>")
        out.raw("<p>"); out.text(DocumentLabels.why(card, edition: edition)); out.line("</p>")
        out.line("</div>")
        out.line(#"<div class="columns">"#)
        out.line(#"<div class="block">"#)
        out.raw("<h5>"); out.text(DocumentLabels.steps); out.line("</h5>")
        out.line("<ol>")
        for step in DocumentLabels.steps(card, edition: edition) { out.raw("<li>"); out.text(step); out.line("</li>") }
        out.line("</ol>")
        out.line("</div>")
        out.line("<div>")
        section(DocumentLabels.partners, [Typography.inline(DocumentLabels.partners(card, edition: edition))], asList: false, into: &out)
        let funding = DocumentLabels.funding(card, edition: edition)
        section(DocumentLabels.funding(count: funding.count), funding, asList: funding.count > 1, into: &out)
        section(DocumentLabels.indicators, DocumentLabels.indicators(card, edition: edition), into: &out)
        out.line("</div>")
        out.line("</div>")
        for example in DocumentLabels.examples(card) {
            out.raw(#"<p class="block"><strong>"#); out.text(DocumentLabels.example); out.raw("</strong>\u{00A0}: ")
            out.citing(example.text, numbers: example.sourceNumber.map { [$0] } ?? []); out.line("</p>")
        }
        if edition == .full, let evidence = card.evidence {
            out.raw(#"<p class="block"><strong>"#); out.text(DocumentLabels.evidence); out.raw("</strong>\u{00A0}: "); out.citing(evidence, numbers: Set(card.sourceNumbers))
            out.line("</p>")
        }
        out.raw(#"<p class="block source"><strong>"#); out.text(DocumentLabels.sources); out.raw("</strong>\u{00A0}: ")
        if edition == .full {
            for (offset, (number, source)) in zip(card.sourceNumbers, card.sources).enumerated() {
                if offset > 0 { out.raw(", ") }
                sourceLink(number, into: &out); out.raw(" "); out.text(source.section)
            }
        } else {
            for (offset, number) in Set(card.sourceNumbers).sorted().enumerated() {
                if offset > 0 { out.raw(", ") }
                sourceLink(number, into: &out)
            }
        }
        out.line("</p>")
        if edition == .full {
            out.raw(#"<p class="block note"><strong>"#); out.text(DocumentLabels.score); out.raw("</strong>\u{00A0}: "); out.text(card.scoreLine); out.line("</p>")
        }
        out.line("</article>")
    }

    /// « <a href="#source-3">[3]</a> »
    private func sourceLink(_ number: Int, into out: inout HTMLPage) {
        out.raw(##"<a href="#source-"##); out.number(number); out.raw(#"">["#); out.number(number); out.raw("]</a>")
    }

    private func section(_ label: String, _ lines: [String], asList: Bool = true, into out: inout HTMLPage) {
        guard lines.contains(where: { !$0.isEmpty }) else { return }
        out.line(#"<div class="block">"#)
        out.raw("<h5>"); out.text(label); out.line("</h5>")
        if asList { out.line("<ul>") }
        for line in lines where !line.isEmpty {
            out.raw(asList ? "<li>" : "<p>"); out.text(line); out.line(asList ? "</li>" : "</p>")
        }
        if asList { out.line("</ul>") }
        out.line("</div>")
    }

    private func annexes(_ document: RoadmapDocument, into out: inout HTMLPage) {
        if !document.leftOut.isEmpty {
            out.line(#"<section id="non-retenues" class="annex">"#)
            out.raw("<h2>"); out.text(DocumentLabels.leftOut); out.line("</h2>")
            for group in document.leftOut {
                out.raw("<h3>"); out.text(group.title); out.raw(" <span class=\"note\">("); out.number(group.entries.count); out.line(")</span></h3>")
                out.line("<ul>")
                for entry in group.entries {
                    out.raw("<li><strong>"); out.text(entry.title); out.raw(#"</strong> <span class="id">"#); out.text(entry.id); out.raw("</span> — ")
                    out.text(entry.reason); out.line("</li>")
                }
                out.line("</ul>")
            }
            out.line("</section>")
        }
        out.line(#"<section id="scores" class="annex">"#)
        out.raw("<h2>"); out.text(DocumentLabels.scoring); out.line("</h2>")
        out.line("<table><thead><tr><th class=\"number\">N°</th><th>Identifiant</th><th>Score</th></tr></thead><tbody>")
        for card in document.cards {
            out.raw(#"<tr><td class="number">"#); out.number(card.rank); out.raw(#"</td><td class="id">"#); out.text(card.id); out.raw("</td><td>")
            out.text(card.scoreLine); out.line("</td></tr>")
        }
        out.line("</tbody></table>")
        out.line("</section>")
    }

}

/// An HTML page as it is written: UTF-8 bytes, markup appended as it is, text in French typography and escaped.
struct HTMLPage: PooledWriter {
    var bytes: [UInt8]

    init() {
        bytes = []
        bytes.reserveCapacity(1 << 16)
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Markup, written as it is.
    mutating func raw(_ markup: String) { bytes += markup.utf8 }

    /// Markup, then the end of the line.
    mutating func line(_ markup: String) {
        bytes += markup.utf8
        bytes.append(0x0A)
    }

    /// Text from the document or the rules: in French typography, escaped (`HTMLEscaping.prose`).
    mutating func text(_ value: String) { HTMLEscaping.appendProse(value, to: &bytes) }

    mutating func number(_ value: Int) { bytes += String(value).utf8 }

    /// Text as `text` writes it, each « [n] » it prints for one of `numbers` (the document's numbers for this card or
    /// example) made a link to that entry of the list of sources, so that a reader goes from a figure to its
    /// document: « <a href="#source-3">[3]</a> ».
    ///
    /// One pass over the escaped bytes (searching the text once per number, through `String`, was a tenth of an
    /// HTML page's cost). A « [ », digits without a leading zero and a « ] » are ASCII, never inside a longer
    /// UTF-8 sequence, and escaping leaves them as they are.
    mutating func citing(_ value: String, numbers: Set<Int>) {
        guard !numbers.isEmpty else { return text(value) }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(value.utf8.count + 16)
        HTMLEscaping.appendProse(value, to: &escaped)
        var copied = 0
        var index = 0
        let count = escaped.count
        while index < count {
            guard escaped[index] == 0x5B else { index += 1; continue }
            var end = index + 1
            var number = 0
            while end < count, escaped[end] &- 0x30 < 10, end - index <= 9 {
                number = number * 10 + Int(escaped[end] &- 0x30)
                end += 1
            }
            let digits = end - index - 1
            guard digits > 0, end < count, escaped[end] == 0x5D, escaped[index + 1] != 0x30 || digits == 1, numbers.contains(number) else {
                index += 1
                continue
            }
            bytes += escaped[copied..<index]
            raw(##"<a href="#source-"##); self.number(number); raw(#"">["#); self.number(number); raw("]</a>")
            index = end + 1
            copied = index
        }
        bytes += escaped[copied...]
    }
}
