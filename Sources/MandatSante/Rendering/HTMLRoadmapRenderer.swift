/// The roadmap as one self-contained HTML page, to read on screen or print on A4 and hand out: page one is the
/// executive synthesis, then one card per action, what to consider later and the portrait; style sheet inline,
/// no script, no font or image to fetch. Every value from a profile or a rule is escaped.
public struct HTMLRoadmapRenderer: RoadmapRenderer {
    public init() {}

    public func render(_ document: RoadmapDocument) -> String {
        let header = document.header
        var out = [
            "<!DOCTYPE html>",
            #"<html lang="fr">"#,
            "<head>",
            #"<meta charset="utf-8">"#,
            #"<meta name="viewport" content="width=device-width, initial-scale=1">"#,
            "<title>\(text(DocumentLabels.documentTitle)) — \(text(header.title))</title>",
            "<style>", HTMLStyle.css, segmentWidths(document), "</style>",
            "</head>",
            "<body>",
            #"<div class="page">"#,
            #"<header class="cover">"#,
            #"<p class="kicker">\#(text(DocumentLabels.documentTitle)) 2026-2032</p>"#,
            "<h1>\(text(header.title))</h1>",
            #"<p class="summary">\#(text(header.summary))</p>"#,
            #"<p class="period">\#(text(header.period))</p>"#,
            "</header>",
            "<main>",
        ]
        out += synthesis(document)
        out.append(#"<section id="actions" class="actions">"#)
        out.append("<h2>\(text(DocumentLabels.actions))</h2>")
        for phase in document.phases where !phase.cards.isEmpty {
            out.append(#"<h3 class="phase-head" id="phase-\#(text(phase.id))">\#(text(phase.title)) <span class="when">\#(text(phase.period))</span></h3>"#)
            if phase.outlined { out.append(#"<p class="note">\#(text(DocumentLabels.outlineNote))</p>"#) }
            for card in phase.cards { out += self.card(card, edition: DocumentLabels.edition(of: phase, in: document)) }
        }
        out.append("</section>")
        let later = document.shownConsiderLater
        if !later.entries.isEmpty {
            out += [#"<section id="ensuite">"#, "<h2>\(text(DocumentLabels.considerLater))</h2>", "<p>\(text(DocumentLabels.considerLaterIntro))</p>", "<ul class=\"later\">"]
            for entry in later.entries {
                out.append("<li><strong>\(text(entry.title))</strong>\(entry.line.map { " — \(text($0))" } ?? "")</li>")
            }
            out.append("</ul>")
            if let more = DocumentLabels.moreConsiderLater(later.more) { out.append("<p class=\"note\">\(text(more))</p>") }
            out.append("</section>")
        }
        out += [#"<section id="portrait">"#, "<h2>\(text(DocumentLabels.portrait))</h2>", #"<dl class="portrait">"#]
        for line in document.portrait.lines {
            out.append("<dt>\(text(line.label))</dt><dd>\(text(line.text))</dd>")
        }
        out += ["</dl>", "</section>"]
        out += [#"<section id="sources">"#, "<h2>\(text(DocumentLabels.bibliography))</h2>", "<p>\(text(DocumentLabels.bibliographyIntro))</p>", #"<ol class="bibliography">"#]
        out += document.bibliography.enumerated().map { #"<li id="source-\#($0.offset + 1)">\#(text($0.element.title))</li>"# }
        out += ["</ol>", "</section>"]
        if document.detail { out += annexes(document) }
        out.append("</main>")
        out.append(#"<footer><p>\#(text(header.edition)). Chaque action cite ses sources publiques.</p></footer>"#)
        out += ["</div>", "</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    /// Page one: findings, decisions, calendar with the titles of the actions.
    private func synthesis(_ document: RoadmapDocument) -> [String] {
        let synthesis = document.synthesis
        var out = [#"<section id="synthese" class="synthesis">"#, "<h2>\(text(DocumentLabels.synthesis))</h2>"]
        out += ["<h3>\(text(DocumentLabels.findings))</h3>", #"<ul class="findings">"#]
        out += synthesis.findings.map { "<li>\(text($0))</li>" }
        out.append("</ul>")
        if let priorities = synthesis.priorities {
            out.append(#"<p class="priorities"><strong>\#(text(DocumentLabels.priorities))</strong> : \#(text(priorities)).</p>"#)
        }
        // A list rather than a table: on one A4 page, each decision takes two lines instead of five.
        out += ["<h3>\(text(DocumentLabels.decisions)) <span class=\"note\">(\(text(DocumentLabels.decisionsNote)))</span></h3>", #"<ol class="decisions">"#]
        for decision in synthesis.decisions {
            let note = decision.note.map { #" <span class="note">— \#(text($0))</span>"# } ?? ""
            out.append(##"<li value="\##(decision.rank)"><a href="#action-\##(decision.rank)"><strong>\##(text(decision.title))</strong></a>\##(note)<br><span class="decision-line">\##(text(DocumentLabels.decisionLine(decision)))</span></li>"##)
        }
        out += ["</ol>", "<h3>\(text(DocumentLabels.calendar))</h3>", #"<p class="size-note">\#(text(synthesis.sizeNote))</p>"#]
        out += timeline(document)
        out.append("</section>")
        return out
    }

    /// The phases side by side, each with its period, its milestones and the titles of its actions; above them,
    /// a bar whose segments are as long as the phases.
    private func timeline(_ document: RoadmapDocument) -> [String] {
        var out = [#"<div class="timeline" role="list">"#]
        let total = max(1, document.phases.reduce(0) { $0 + $1.months })
        out.append(#"<div class="bar" aria-hidden="true">"# + document.phases.enumerated().map { index, phase in
            #"<span class="segment segment-\#(index)">\#(phase.months * 100 / total >= 8 ? text(phase.period) : "")</span>"#
        }.joined() + "</div>")
        out.append(#"<div class="columns-\#(document.phases.count) phases">"#)
        for phase in document.phases {
            out.append(#"<div class="phase-column" role="listitem">"#)
            out.append(#"<p class="phase-title">\#(text(phase.title))</p><p class="phase-period">\#(text(phase.period))</p>"#)
            if !phase.milestones.isEmpty {
                out.append(#"<p class="milestones">\#(text(Typography.capitalized(phase.milestones.joined(separator: " · "))))</p>"#)
            }
            if phase.cards.isEmpty {
                out.append(#"<p class="note">Suite des actions engagées.</p>"#)
            } else {
                out.append("<ol>")
                out += phase.cards.map { ##"<li value="\##($0.rank)"><a href="#action-\##($0.rank)">\##(text($0.title))</a></li>"## }
                out.append("</ol>")
            }
            out.append("</div>")
        }
        out += ["</div>", "</div>"]
        return out
    }

    /// The bar's segments as long as their phases (rules in the style sheet rather than style attributes).
    /// On paper, each phase's column of the calendar as wide as its text is long — heading, milestones and titles,
    /// each title counted 20 characters longer for the end of line it wastes, plus 120 so that no column is too
    /// narrow —, so that the columns end at about the same height and the page-one calendar is as short as it can
    /// be (the largest territories' 16 to 17 titles).
    private func segmentWidths(_ document: RoadmapDocument) -> String {
        let columns = document.phases.map { phase in
            let heading = phase.title.count + phase.period.count + phase.milestones.reduce(0) { $0 + $1.count }
            return "\(phase.cards.reduce(120 + heading) { $0 + $1.title.count + 20 })fr"
        }.joined(separator: " ")
        return document.phases.indices.map { ".segment-\($0) { flex: \(document.phases[$0].months) 1 0; }" }.joined(separator: "\n")
            + "\n@media print { .phases { grid-template-columns: \(columns); } }"
    }

    private func card(_ card: RoadmapDocument.Card, edition: CardEdition) -> [String] {
        var out = [
            #"<article class="card" id="action-\#(card.rank)">"#,
            #"<header class="card-head"><span class="rank">\#(card.rank)</span><div>"#,
            "<h4>\(text(card.title))</h4>",
            #"<p class="meta">"# + DocumentLabels.facts(card, edition: edition).map { "<span><strong>\(text($0.label))</strong> : \(text($0.text))</span>" }.joined()
                + "</p>",
            "</div></header>",
        ]
        let forYou = DocumentLabels.forYou(card, edition: edition)
        if !forYou.isEmpty {
            out += [#"<div class="block for-you">"#, "<h5>\(text(DocumentLabels.forYou))</h5>", "<ul>"] + forYou.map { "<li>\(text($0))</li>" } + ["</ul>", "</div>"]
        }
        for caution in card.cautions {
            out.append(#"<p class="block caution"><strong>\#(text(DocumentLabels.cautions))</strong> : \#(text(caution))</p>"#)
        }
        let relations = DocumentLabels.relations(card, edition: edition)
        if !relations.isEmpty {
            out.append(#"<p class="block note"><strong>\#(text(DocumentLabels.relations))</strong> : \#(text(Typography.inline(relations)))</p>"#)
        }
        if let placement = DocumentLabels.placement(card, edition: edition) {
            out.append(#"<p class="block note"><strong>\#(text(DocumentLabels.placement))</strong> : \#(text(placement))</p>"#)
        }
        out += [#"<div class="block">"#, "<h5>\(text(DocumentLabels.why))</h5>", "<p>\(text(DocumentLabels.why(card, edition: edition)))</p>", "</div>"]
        out.append(#"<div class="columns">"#)
        out += [#"<div class="block">"#, "<h5>\(text(DocumentLabels.steps))</h5>", "<ol>"] + DocumentLabels.steps(card, edition: edition).map { "<li>\(text($0))</li>" } + ["</ol>", "</div>"]
        out.append("<div>")
        out += section(DocumentLabels.partners, [Typography.inline(DocumentLabels.partners(card, edition: edition))], asList: false)
        out += section(DocumentLabels.funding, DocumentLabels.funding(card, edition: edition))
        out += section(DocumentLabels.indicators, DocumentLabels.indicators(card, edition: edition))
        out.append("</div>")
        out.append("</div>")
        for example in DocumentLabels.examples(card, edition: edition) {
            let linked = citing(example.text, numbers: example.sourceNumber.map { [$0] } ?? [])
            out.append(#"<p class="block"><strong>\#(text(DocumentLabels.example))</strong> : \#(linked)</p>"#)
        }
        if edition == .full, let evidence = card.evidence {
            out.append(#"<p class="block"><strong>\#(text(DocumentLabels.evidence))</strong> : \#(citing(evidence, numbers: Set(card.sourceNumbers)))</p>"#)
        }
        let links = edition == .full ? zip(card.sourceNumbers, card.sources).map { number, source in ##"<a href="#source-\##(number)">[\##(number)]</a> \##(text(source.section))"## }
            : Array(Set(card.sourceNumbers)).sorted().map { number in ##"<a href="#source-\##(number)">[\##(number)]</a>"## }
        out.append(#"<p class="block source"><strong>\#(text(DocumentLabels.sources))</strong> : \#(links.joined(separator: ", "))</p>"#)
        if edition == .full {
            out.append(#"<p class="block note"><strong>\#(text(DocumentLabels.score))</strong> : \#(text(card.scoreLine))</p>"#)
        }
        out.append("</article>")
        return out
    }

    private func section(_ label: String, _ lines: [String], asList: Bool = true) -> [String] {
        let lines = lines.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return [] }
        let body = asList ? ["<ul>"] + lines.map { "<li>\(text($0))</li>" } + ["</ul>"] : lines.map { "<p>\(text($0))</p>" }
        return [#"<div class="block">"#, "<h5>\(text(label))</h5>"] + body + ["</div>"]
    }

    private func annexes(_ document: RoadmapDocument) -> [String] {
        var out: [String] = []
        if !document.leftOut.isEmpty {
            out += [#"<section id="non-retenues" class="annex">"#, "<h2>\(text(DocumentLabels.leftOut))</h2>"]
            for group in document.leftOut {
                out += ["<h3>\(text(group.title)) <span class=\"note\">(\(group.entries.count))</span></h3>", "<ul>"]
                out += group.entries.map { #"<li><strong>\#(text($0.title))</strong> <span class="id">\#(text($0.id))</span> — \#(text($0.reason))</li>"# }
                out.append("</ul>")
            }
            out.append("</section>")
        }
        out += [#"<section id="scores" class="annex">"#, "<h2>\(text(DocumentLabels.scoring))</h2>", "<table><thead><tr><th class=\"number\">N°</th><th>Identifiant</th><th>Score</th></tr></thead><tbody>"]
        out += document.cards.map { #"<tr><td class="number">\#($0.rank)</td><td class="id">\#(text($0.id))</td><td>\#(text($0.scoreLine))</td></tr>"# }
        out += ["</tbody></table>", "</section>"]
        return out
    }

    private func text(_ value: String) -> String { HTMLEscaping.prose(value) }

    /// The text escaped, each « [n] » it prints for one of `numbers` (the document's numbers for this card or
    /// example) made a link to that entry of the list of sources, so that a reader goes from a figure to its document.
    private func citing(_ value: String, numbers: Set<Int>) -> String {
        numbers.sorted().reduce(text(value)) { html, number in
            html.replacingOccurrences(of: "[\(number)]", with: ##"<a href="#source-\##(number)">[\##(number)]</a>"##)
        }
    }
}
