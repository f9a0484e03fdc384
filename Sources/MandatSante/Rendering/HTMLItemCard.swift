/// One action of the HTML roadmap as a card, kept whole on a printed page.
struct HTMLItemCard {
    var item: ItemPresentation
    var period: String

    func render() -> [String] {
        var out = [
            #"<article class="card" id="action-\#(item.rank)">"#,
            #"<header class="card-head"><span class="rank">\#(item.rank)</span><div>"#,
            "<h3>\(text(item.title))</h3>",
            #"<p class="meta"><span>\#(text(item.phaseTitle)) (\#(text(period)))</span><span>\#(text(item.leverTitle))</span><span>effort \#(text(item.effort))</span><span>score \#(item.score)</span><span class="id">\#(text(item.id))</span></p>"#,
            "</div></header>",
        ]
        if !item.reasons.isEmpty {
            out += [#"<div class="why-you">"#, "<h4>Pourquoi pour vous</h4>"] + list(item.reasons) + ["</div>"]
        }
        out.append(#"<p class="note"><strong>Score</strong> : \#(text(item.scoreLine))</p>"#)
        if let note = item.placementNote {
            out.append(#"<p class="note"><strong>Calendrier</strong> : \#(text(note))</p>"#)
        }
        if !item.relations.isEmpty {
            out.append(#"<p class="note"><strong>Enchaînement</strong> : \#(item.relations.map(text).joined(separator: " ; "))</p>"#)
        }
        out += ["<h4>Enjeu</h4>", "<p>\(text(item.why))</p>"]
        out.append(#"<div class="columns">"#)
        out += ["<div>", "<h4>Premiers pas</h4>"] + list(item.steps, tag: "ol") + ["</div>"]
        out += ["<div>"] + section("Partenaires", item.partners, inline: true) + section("Financements", item.funding)
            + section("Indicateurs de suivi", item.indicators) + ["</div>"]
        out.append("</div>")
        let example = section("Exemple", item.examples)
        let evidence = item.evidence.map { ["<h4>Repères</h4>", "<p>\(text($0))</p>"] } ?? []
        if example.isEmpty || evidence.isEmpty {
            out += example + evidence
        } else {
            out += [#"<div class="columns">"#, "<div>"] + example + ["</div>", "<div>"] + evidence + ["</div>", "</div>"]
        }
        if !item.sources.isEmpty {
            out.append(#"<p class="source"><strong>Source</strong> : \#(item.sources.map(text).joined(separator: " ; "))</p>"#)
        }
        out.append("</article>")
        return out
    }

    /// A labelled list; short items (partners) run on one line, separated by semicolons.
    private func section(_ label: String, _ lines: [String], inline: Bool = false) -> [String] {
        lines.isEmpty ? [] : ["<h4>\(label)</h4>"] + list(lines, tag: "ul", inline: inline)
    }

    private func list(_ lines: [String], tag: String = "ul", inline: Bool = false) -> [String] {
        [inline ? "<\(tag) class=\"inline\">" : "<\(tag)>"] + lines.map { "<li>\(text($0))</li>" } + ["</\(tag)>"]
    }

    private func text(_ value: String) -> String { HTMLEscaping.prose(value) }
}
