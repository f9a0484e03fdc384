/// The roadmap as one self-contained HTML page, to read on screen or print on A4 and hand out: style sheet
/// and timeline inline, no script, no font or image to fetch. Every value from a profile or a rule is escaped.
public struct HTMLRoadmapRenderer: RoadmapRenderer {
    public init() {}

    public func render(_ presentation: RoadmapPresentation) -> String {
        let title = "Feuille de route santé du mandat — \(presentation.portrait.title)"
        var out = [
            "<!DOCTYPE html>",
            #"<html lang="fr">"#,
            "<head>",
            #"<meta charset="utf-8">"#,
            #"<meta name="viewport" content="width=device-width, initial-scale=1">"#,
            "<title>\(text(title))</title>",
            "<style>", HTMLStyle.css, "</style>",
            "</head>",
            "<body>",
            #"<div class="page">"#,
        ]
        out += cover(presentation)
        out.append("<main>")
        out += portrait(presentation)
        out += drivers(presentation)
        out += calendar(presentation)
        out += levers(presentation)
        for (index, phase) in presentation.phases.enumerated() where !phase.items.isEmpty {
            // The heading and the first card stay together on paper.
            out.append(#"<section class="phase" id="phase-\#(index + 1)">"#)
            out.append(#"<div class="phase-start">"#)
            out.append(#"<h2 class="phase-head">\#(text(phase.title)) <span class="when">\#(text(phase.period))</span></h2>"#)
            out.append(#"<p class="phase-intro">\#(count(phase.items.count, "action")), \#(phase.used) unités d'effort sur \#(phase.capacity) disponibles.</p>"#)
            for (offset, item) in phase.items.enumerated() {
                out += HTMLItemCard(item: item, period: phase.period).render()
                if offset == 0 { out.append("</div>") }
            }
            out.append("</section>")
        }
        out += leftOut(presentation)
        out.append("</main>")
        out.append("<footer>")
        out.append("<p>Chaque action cite sa source. Pour comprendre un choix : <code>mandat-sante explain PROFIL IDENTIFIANT</code>.</p>")
        out.append("<p>Établi avec MandatSanté à partir du profil du territoire et de la base de recommandations.</p>")
        out.append("</footer>")
        out += ["</div>", "</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    private func cover(_ presentation: RoadmapPresentation) -> [String] {
        let phasesWithItems = presentation.phases.filter { !$0.items.isEmpty }.count
        return [
            #"<header class="cover">"#,
            #"<p class="kicker">Feuille de route santé du mandat 2026-2032</p>"#,
            "<h1>\(text(presentation.portrait.title))</h1>",
            #"<p class="summary">\#(text(presentation.portrait.summary))</p>"#,
            #"<p class="period">Établie à partir de \#(text(presentation.startMonth)), jusqu'aux élections de mars 2032.</p>"#,
            #"<ul class="figures">"#,
            "<li><strong>\(presentation.itemCount)</strong> action\(presentation.itemCount > 1 ? "s retenues" : " retenue")</li>",
            "<li><strong>\(phasesWithItems)</strong> phase\(phasesWithItems > 1 ? "s" : "") du mandat</li>",
            "<li><strong>\(presentation.recommendationCount)</strong> recommandations examinées</li>",
            "<li><strong>\(presentation.roadmap.capacity.yearlyUnits)</strong> unités d'effort par an</li>",
            "</ul>",
            navigation(presentation),
            "</header>",
        ]
    }

    private func navigation(_ presentation: RoadmapPresentation) -> String {
        var links = [("portrait", "Portrait"), ("calendrier", "Calendrier"), ("leviers", "Par levier")]
        if let first = presentation.phases.firstIndex(where: { !$0.items.isEmpty }) {
            links.append(("phase-\(first + 1)", "Les actions"))
        }
        if !presentation.leftOut.isEmpty { links.append(("ecartees", "Écartées")) }
        return "<nav class=\"toc\">" + links.map { "<a href=\"#\($0.0)\">\($0.1)</a>" }.joined(separator: " ") + "</nav>"
    }

    private func portrait(_ presentation: RoadmapPresentation) -> [String] {
        var out = [#"<section id="portrait">"#, "<h2>Portrait du territoire</h2>", #"<dl class="portrait">"#]
        for line in presentation.portrait.lines {
            out.append("<dt>\(text(line.label))</dt><dd>\(text(line.text))</dd>")
        }
        out += ["</dl>", "</section>"]
        return out
    }

    private func drivers(_ presentation: RoadmapPresentation) -> [String] {
        guard !presentation.drivers.isEmpty else { return [] }
        var out = [#"<section id="moteurs">"#, "<h2>Ce qui oriente la feuille de route</h2>", "<ul>"]
        for driver in presentation.drivers {
            out.append("<li>\(text(driver.text)) <span class=\"note\">(\(count(driver.count, "action")))</span></li>")
        }
        out += ["</ul>", "</section>"]
        return out
    }

    private func calendar(_ presentation: RoadmapPresentation) -> [String] {
        let phases = presentation.roadmap.calendar.phases
        let timeline = TimelineSVG(
            caption: "Calendrier du mandat — \(presentation.portrait.title)",
            start: presentation.roadmap.calendar.start, end: MandateCalendar.mandateEnd,
            phases: zip(phases, presentation.phases).map { phase, summary in
                TimelineSVG.Phase(title: summary.title, period: summary.period, start: phase.start, end: phase.end,
                                  items: summary.items.map { TimelineSVG.Mark(rank: $0.rank, title: $0.title, effort: $0.effort) })
            })
        var out = [
            #"<section id="calendrier">"#, "<h2>Calendrier du mandat</h2>",
            "<figure>", timeline.render(),
            "<figcaption>Les actions par phase, de \(text(presentation.startMonth)) aux élections de mars 2032 ; le tableau donne l'effort placé dans chaque phase et sa capacité.</figcaption>",
            "</figure>",
            #"<table><thead><tr><th>Phase</th><th>Période</th><th class="number">Actions</th><th class="number">Effort (unités / capacité)</th></tr></thead><tbody>"#,
        ]
        for phase in presentation.phases {
            out.append(#"<tr><td>\#(text(phase.title))</td><td>\#(text(phase.period))</td><td class="number">\#(phase.items.count)</td><td class="number">\#(phase.used) / \#(phase.capacity)</td></tr>"#)
        }
        out += ["</tbody></table>", "</section>"]
        return out
    }

    /// Levers by number of actions (then by first rank), each with the ranks of its actions.
    private func levers(_ presentation: RoadmapPresentation) -> [String] {
        var ranks: [String: [Int]] = [:]
        for item in presentation.phases.flatMap(\.items) {
            ranks[item.leverTitle, default: []].append(item.rank)
        }
        let ordered = ranks.sorted { a, b in
            a.value.count != b.value.count ? a.value.count > b.value.count : (a.value.first ?? 0) < (b.value.first ?? 0)
        }
        var out = [
            #"<section id="leviers">"#, "<h2>Les actions par levier</h2>",
            #"<table><thead><tr><th>Levier</th><th class="number">Actions</th><th>Rangs</th></tr></thead><tbody>"#,
        ]
        for (lever, leverRanks) in ordered {
            let links = leverRanks.map { "<a href=\"#action-\($0)\">\($0)</a>" }.joined(separator: ", ")
            out.append(#"<tr><td>\#(text(lever))</td><td class="number">\#(leverRanks.count)</td><td>\#(links)</td></tr>"#)
        }
        out += ["</tbody></table>", "</section>"]
        return out
    }

    private func leftOut(_ presentation: RoadmapPresentation) -> [String] {
        guard !presentation.leftOut.isEmpty else { return [] }
        var out = [#"<section id="ecartees" class="left-out">"#, "<h2>Écartées, et pourquoi</h2>"]
        for group in presentation.leftOut {
            out.append("<h3>\(text(group.title)) <span class=\"note\">(\(group.entries.count))</span></h3>")
            out.append("<ul>")
            for entry in group.entries {
                out.append(#"<li><strong>\#(text(entry.title))</strong> <span class="id">\#(text(entry.id))</span> — \#(text(entry.reason))</li>"#)
            }
            out.append("</ul>")
        }
        out.append("</section>")
        return out
    }

    private func text(_ value: String) -> String { HTMLEscaping.prose(value) }

    private func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number > 1 ? "s" : "")" }
}
