import MandatSante
import Testing

@Suite("Export HTML")
struct HTMLExportTests {
    static let hostileName = #"Saint-<script>alert("x")</script> & l'Ouest"#

    static func render(_ spec: Fixture.ProfileSpec, recs: [Fixture.Rec] = Fixture.standard) throws -> (html: String, presentation: RoadmapPresentation) {
        let (base, roadmap) = try Fixture.plan(spec, recs: recs)
        let presentation = RoadmapPresentation(roadmap: roadmap, ruleBase: base)
        return (HTMLRoadmapRenderer().render(presentation), presentation)
    }

    /// The inline SVG timeline.
    static func timeline(_ html: String) throws -> Substring {
        let start = try #require(html.firstRange(of: "<svg class=\"timeline\""))
        let end = try #require(html[start.lowerBound...].firstRange(of: "</svg>"))
        return html[start.lowerBound..<end.upperBound]
    }

    static func occurrences(_ needle: String, in text: some StringProtocol) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test("une page complète, en français, sans ressource externe ni script")
    func selfContained() throws {
        let html = try Self.render(Fixture.bourg).html
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(!html.contains("http"))
        for forbidden in ["<script", "<link", "<img", "<iframe", "@import", "url(", "src="] {
            #expect(!html.contains(forbidden), "« \(forbidden) »")
        }
        // Every link points inside the page, to an element that exists.
        for part in html.components(separatedBy: "href=\"").dropFirst() {
            let target = String(part.prefix { $0 != "\"" })
            #expect(target.hasPrefix("#"), "lien externe \(target)")
            #expect(html.contains("id=\"\(target.dropFirst())\""), "cible absente \(target)")
        }
    }

    @Test("une règle @page A4 avec marges, les fiches jamais coupées, chaque phase sur une nouvelle page")
    func printStyle() throws {
        let html = try Self.render(Fixture.bourg).html
        #expect(html.contains("@page {\n  size: A4; margin: 16mm 15mm 18mm;"))
        #expect(html.contains("break-inside: avoid"))
        #expect(html.contains(".phase, .left-out { break-before: page; }"))
    }

    @Test("l'en-tête donne le territoire, son résumé et la période ; le portrait et ce qui oriente suivent")
    func header() throws {
        let (html, presentation) = try Self.render(Fixture.bourg)
        #expect(html.contains("<h1>Communauté du Bourg</h1>"))
        #expect(html.contains("<p class=\"summary\">\(presentation.portrait.summary)</p>"))
        #expect(html.contains("Établie à partir de décembre 2026, jusqu'aux élections de mars 2032.</p>"))
        #expect(html.contains("<h2>Portrait du territoire</h2>"))
        for line in presentation.portrait.lines {
            #expect(html.contains("<dt>\(HTMLEscapingProbe.escape(line.label))</dt>"))
        }
        #expect(html.contains("<h2>Ce qui oriente la feuille de route</h2>"))
    }

    @Test("la frise SVG va du mois de départ à mars 2032, nomme les phases et place un repère par action, numéroté par son rang")
    func timeline() throws {
        let (html, presentation) = try Self.render(Fixture.bourg)
        let svg = try Self.timeline(html)
        let items = presentation.phases.flatMap(\.items)
        #expect(!items.isEmpty)
        #expect(Self.occurrences("<a href=\"#action-", in: svg) == items.count)
        for item in items {
            #expect(svg.contains("<a href=\"#action-\(item.rank)\">"))
            #expect(svg.contains(">\(item.rank)</text></g></a>"))
            #expect(svg.contains("<title>\(item.rank). \(HTMLEscapingProbe.escape(item.title)) (effort \(item.effort))</title>"))
        }
        for phase in presentation.phases {
            #expect(svg.contains("<text class=\"phase-title\""), "\(phase.title)")
            #expect(svg.contains(">\(HTMLEscapingProbe.escape(phase.title))</text>"))
            #expect(svg.contains(">\(phase.period)</text>"))
        }
        #expect(svg.contains(">déc. 2026</text>"))
        #expect(svg.contains(">mars 2032</text>"))
        // January 2027 is too close to the start month for its year to be written beside it.
        for year in 2028...2031 { #expect(svg.contains(">\(year)</text>")) }
        #expect(!svg.contains(">2027</text>"))
        #expect(Self.occurrences("class=\"tick-year\"", in: svg) == 6)
        #expect(!svg.contains("xmlns"))
    }

    @Test("une phase sans action figure sur la frise mais n'a pas de section")
    func emptyPhase() throws {
        let (html, presentation) = try Self.render(Fixture.smallCommune)
        #expect(presentation.phases[0].items.isEmpty)
        #expect(try Self.timeline(html).contains(">Les 100 premiers jours</text>"))
        #expect(!html.contains("id=\"phase-1\""))
        #expect(html.contains("<a href=\"#phase-2\">Les actions</a>"))
    }

    @Test("une fiche par action avec toutes ses rubriques")
    func cards() throws {
        let (html, presentation) = try Self.render(Fixture.bourg)
        let items = presentation.phases.flatMap(\.items)
        #expect(Self.occurrences("<article class=\"card\"", in: html) == items.count)
        for item in items {
            #expect(html.contains("<article class=\"card\" id=\"action-\(item.rank)\">"))
            #expect(html.contains("<h3>\(HTMLEscapingProbe.escape(item.title))</h3>"))
        }
        let cpts = try #require(html.components(separatedBy: "<article").first { $0.contains("cpts-soutenir") })
        for heading in ["Pourquoi pour vous", "Enjeu", "Premiers pas", "Partenaires", "Indicateurs de suivi"] {
            #expect(cpts.contains("<h4>\(heading)</h4>"), "\(heading)")
        }
        #expect(cpts.contains("<strong>Score</strong> : 70 (priorité de base) + 15 (l&#39;accès aux soins est une priorité de l&#39;équipe) = 85"))
        #expect(cpts.contains("<strong>Calendrier</strong> : placée en «\u{00A0}La première année\u{00A0}» pour venir après «\u{00A0}Établir un diagnostic local de santé partagé\u{00A0}»"))
        #expect(cpts.contains("<strong>Enchaînement</strong> : après : Établir un diagnostic local de santé partagé"))
        #expect(cpts.contains("<span>Offre de soins</span><span>effort moyen</span><span>score 85</span>"))
        #expect(cpts.contains("<p class=\"source\"><strong>Source</strong> : Livre blanc 2026 — Chapitre 1</p>"))
    }

    @Test("le résumé par levier donne le nombre d'actions et leurs rangs, liés aux fiches")
    func levers() throws {
        let (html, presentation) = try Self.render(Fixture.bourg)
        let items = presentation.phases.flatMap(\.items)
        for lever in Set(items.map(\.leverTitle)) {
            let ranks = items.filter { $0.leverTitle == lever }.map(\.rank)
            let links = ranks.map { "<a href=\"#action-\($0)\">\($0)</a>" }.joined(separator: ", ")
            #expect(html.contains("<tr><td>\(lever)</td><td class=\"number\">\(ranks.count)</td><td>\(links)</td></tr>"))
        }
    }

    @Test("les écartées, par groupe, avec leur raison")
    func leftOut() throws {
        let (html, presentation) = try Self.render(Fixture.bourg)
        #expect(html.contains("<h2>Écartées, et pourquoi</h2>"))
        for group in presentation.leftOut {
            #expect(html.contains("<h3>\(HTMLEscapingProbe.escape(group.title)) <span class=\"note\">(\(group.entries.count))</span></h3>"))
        }
        #expect(html.contains("<li><strong>Engager un contrat local de santé</strong> <span class=\"id\">cls-engager</span> — remplacée par «\u{00A0}Renouveler le contrat local de santé\u{00A0}»</li>"))
    }

    @Test("un nom de territoire hostile est échappé partout, y compris dans le SVG")
    func hostileProfileName() throws {
        var spec = Fixture.bourg
        spec.name = Self.hostileName
        let html = try Self.render(spec).html
        let escaped = "Saint-&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; l&#39;Ouest"
        #expect(!html.contains("<script"))
        #expect(!html.contains("\"x\""))
        #expect(html.contains("<title>Feuille de route santé du mandat — \(escaped)</title>"))
        #expect(html.contains("<h1>\(escaped)</h1>"))
        #expect(try Self.timeline(html).contains("<title id=\"timeline-title\">Calendrier du mandat — \(escaped)</title>"))
    }

    @Test("les nombres ne se coupent pas : « 1 000 000 habitants », « 12 % » gardent des espaces insécables")
    func numbersStayWhole() throws {
        var recs = Fixture.standard
        recs[1].why = "Sur 1 000 000 habitants, 12 % vivent à plus de 30 minutes ; 2026 2027 restent séparés."
        let html = try Self.render(Fixture.bourg, recs: recs).html
        #expect(html.contains("<p>Sur 1\u{00A0}000\u{00A0}000 habitants, 12\u{00A0}% vivent à plus de 30 minutes ; 2026 2027 restent séparés.</p>"))
    }

    @Test("un titre de recommandation hostile est échappé dans la fiche et dans la frise")
    func hostileRuleTitle() throws {
        var recs = Fixture.standard
        recs[1].title = #"Soutenir <b>la CPTS</b> & "l'équipe""#
        let html = try Self.render(Fixture.bourg, recs: recs).html
        let escaped = "Soutenir &lt;b&gt;la CPTS&lt;/b&gt; &amp; &quot;l&#39;équipe&quot;"
        #expect(!html.contains("<b>"))
        #expect(html.contains("<h3>\(escaped)</h3>"))
        #expect(try Self.timeline(html).contains(escaped))
    }
}

/// The escaping the renderer must apply, restated here so the tests do not trust the code they check.
enum HTMLEscapingProbe {
    static func escape(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
            .replacing("\"", with: "&quot;").replacing("'", with: "&#39;")
            .replacing("« ", with: "«\u{00A0}").replacing(" »", with: "\u{00A0}»")
    }
}
