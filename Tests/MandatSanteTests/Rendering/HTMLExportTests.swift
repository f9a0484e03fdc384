import MandatSante
import Testing

@Suite("Export HTML")
struct HTMLExportTests {
    static let hostileName = #"Saint-<script>alert("x")</script> & l'Ouest"#

    static func render(_ spec: Fixture.ProfileSpec, recs: [Fixture.Rec] = Fixture.standard, detail: Bool = false) throws -> (html: String, document: RoadmapDocument) {
        let document = try PresentationTests.document(spec, recs: recs, detail: detail)
        return (HTMLRoadmapRenderer().render(document), document)
    }

    static func section(_ id: String, of html: String) throws -> Substring {
        let start = try #require(html.firstRange(of: "<section id=\"\(id)\""))
        let end = try #require(html[start.upperBound...].firstRange(of: "</section>"))
        return html[start.lowerBound..<end.upperBound]
    }

    @Test("une page complète, en français, sans ressource externe ni script, aux liens internes valides")
    func selfContained() throws {
        let html = try Self.render(Fixture.bourg, detail: true).html
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(html.hasSuffix("</html>\n"))
        // The sources' web addresses are printed as text, never fetched nor linked.
        #expect(!html.contains("href=\"http") && !html.contains("src="))
        for forbidden in ["<script", "<link", "<img", "<iframe", "@import", "url(", "src=", "style=\""] {
            #expect(!html.contains(forbidden), "« \(forbidden) »")
        }
        for part in html.components(separatedBy: "href=\"").dropFirst() {
            let target = String(part.prefix { $0 != "\"" })
            #expect(target.hasPrefix("#"), "lien externe \(target)")
            #expect(html.contains("id=\"\(target.dropFirst())\""), "cible absente \(target)")
        }
    }

    @Test("à l'impression : A4, corps à 10,5 pt, la synthèse seule en page 1, des fiches qui peuvent se couper entre leurs rubriques")
    func printStyle() throws {
        let html = try Self.render(Fixture.bourg).html
        #expect(html.contains("size: A4;"))
        #expect(html.contains("body { background: none; font-size: 10.5pt;"))
        #expect(html.contains(".synthesis { break-after: page; }"))
        #expect(html.contains(".block { break-inside: avoid; }"))
        #expect(!html.contains(".card { break-inside: avoid"))
        // No print text smaller than 8 pt (page numbers aside).
        for size in html.components(separatedBy: "font-size: ").dropFirst().compactMap({ Double($0.prefix { $0.isNumber || $0 == "." }) })
            where html.contains("font-size: \(size)pt") {
            #expect(size >= 8, "\(size) pt")
        }
    }

    @Test("page 1 imprimée : les lignes des décisions à l'encre ; un interligne plus ample pour une petite synthèse, serré pour celle de la métropole (print29, item 9)")
    func pageOneSpacing() throws {
        let html = try Self.render(Fixture.bourg).html
        #expect(html.contains(".decision-line { color: var(--ink); }"))
        #expect(html.contains(".synthesis { line-height: 1; }"))
        #expect(html.contains(".synthesis.spacious { line-height: 1.2; }"))
        let village = HTMLRoadmapRenderer().render(try ExampleSynthesisTests.document("tres-petite-commune-rurale"))
        #expect(village.contains(#"<section id="synthese" class="synthesis spacious">"#))
        // Eight decisions and sixteen titles: page one holds them only with tight lines.
        let metropole = HTMLRoadmapRenderer().render(try ExampleSynthesisTests.document("metropole-cls-clsm"))
        #expect(metropole.contains(#"<section id="synthese" class="synthesis">"#))
    }

    @Test("la synthèse d'abord : constats, décisions avec porteur, quand, effort, coût et financeur, calendrier avec les titres")
    func synthesis() throws {
        let (html, document) = try Self.render(Fixture.bourg)
        let synthesis = try Self.section("synthese", of: html)
        #expect(html.firstRange(of: "id=\"synthese\"")!.lowerBound < html.firstRange(of: "id=\"actions\"")!.lowerBound)
        for finding in document.synthesis.findings { #expect(synthesis.contains(HTMLEscapingProbe.escape(finding))) }
        // Each decision in two lines (one A4 page): its title, then who carries it, when, effort, cost and funder.
        // The carrier of every decision is said once, in the heading's note, not on each line.
        #expect(synthesis.contains(##"<span class="note">(numérotées comme les actions, portées par la communauté de communes sauf mention)</span>"##))
        #expect(synthesis.contains(##"<li value="3"><a href="#action-3"><strong>Soutenir l&#39;émergence d&#39;une CPTS</strong></a><br><span class="decision-line">D&#39;ici déc. 2027 · effort moyen</span></li>"##))
        // The calendar names every action by its title, phase by phase, with the milestones.
        for card in document.cards {
            #expect(synthesis.contains(##"<li value="\##(card.rank)"><a href="#action-\##(card.rank)">\##(HTMLEscapingProbe.escape(card.title))</a></li>"##))
        }
        #expect(synthesis.contains("Bilan de mi-mandat (mars 2029)") || synthesis.contains("bilan de mi-mandat (mars 2029)"))
        #expect(synthesis.contains("Élections municipales (mars 2032)") || synthesis.contains("élections municipales (mars 2032)"))
    }

    @Test("une fiche par action, ses rubriques et ses sources numérotées renvoyant à la liste des sources")
    func cards() throws {
        let (html, document) = try Self.render(Fixture.bourg)
        #expect(html.components(separatedBy: "<article class=\"card\"").count - 1 == document.cards.count)
        let cpts = try #require(html.firstRange(of: "id=\"action-3\"")).lowerBound
        let card = html[cpts...].prefix { _ in true }.components(separatedBy: "</article>")[0]
        #expect(card.contains("<h4>Soutenir l&#39;émergence d&#39;une CPTS</h4>"))
        #expect(card.contains("<p class=\"meta\"><span>La communauté de communes</span><span>effort moyen</span>"))
        #expect(card.contains("<h5>Pourquoi</h5>"))
        #expect(card.contains("<h5>Premiers pas</h5>"))
        #expect(card.contains(##"<a href="#source-1">[1]</a>"##))
        #expect(html.contains("<li id=\"source-1\">Livre blanc (Éditeur d&#39;essai, juillet 2026). https://example.org/livre-blanc</li>") || html.contains("<li id=\"source-1\">Livre blanc sur la santé des territoires, Éditeur d&#39;essai, juillet 2026. https://example.org/livre-blanc</li>"))
        #expect(!card.contains("Score"))
    }

    @Test("les numéros [n] des repères et des exemples renvoient à leur document dans la liste des sources")
    func citationsLinkToSources() throws {
        var rec = SourceRegisterTests.rec(facts: ["acces-40", "ancien"])
        rec.extraBody += ["", "## Exemple", "", "### Vierzon (Cher)", "",
                          "La ville a confié son centre de santé à un groupement (voir [9]) d'intérêt public.", "",
                          "Source : rapport-2022 : Annexe"]
        let ruleBase = try #require(SourceRegisterTests.load([rec]).ruleBase)
        let profile = try Fixture.profile(Fixture.bourg, in: ruleBase)
        let roadmap = Planner(ruleBase: ruleBase).plan(profile, calendar: try Fixture.calendar(2026, 12))
        let nbsp = "\u{00A0}"
        for detail in [false, true] {
            let document = RoadmapPresenter(ruleBase: ruleBase, detail: detail).document(roadmap)
            let html = HTMLRoadmapRenderer().render(document)
            let number = { (id: String) in try #require(document.bibliography.firstIndex { $0.document == id }) + 1 }
            // The example's report: its number, taken from the document, links to its entry of the list.
            let report = try number("rapport-2022")
            #expect(try #require(document.card("acces-aux-soins")?.examples.first?.sourceNumber) == report)
            #expect(html.contains(##"(source\##(nbsp)<a href="#source-\##(report)">[\##(report)]</a>, janvier\##(nbsp)2022).</p>"##))
            #expect(html.contains(##"<li id="source-\##(report)">"##))
            // Brackets that cite no document of the action stay text.
            #expect(html.contains("groupement (voir [9]) d&#39;intérêt public"))
            #expect(!html.contains("href=\"#source-9\""))
            if detail {
                let paper = try number("livre-blanc-2026"), old = try number("rapport-2020")
                #expect(html.contains(##"<strong>Repères</strong>\##(nbsp): 40\##(nbsp)% des habitants déclarent des difficultés d&#39;accès aux soins\##(nbsp)<a href="#source-\##(paper)">[\##(paper)]</a>. Un chiffre de 2020\##(nbsp)<a href="#source-\##(old)">[\##(old)]</a>.</p>"##))
            } else {
                #expect(!html.contains("<strong>Repères</strong>"))
            }
        }
    }

    @Test("les annexes (non retenues, scores) seulement avec --detail")
    func annexes() throws {
        #expect(!(try Self.render(Fixture.bourg).html.contains("id=\"non-retenues\"")))
        let html = try Self.render(Fixture.bourg, detail: true).html
        let annex = try Self.section("non-retenues", of: html)
        #expect(annex.contains("<li><strong>Engager un contrat local de santé</strong> <span class=\"id\">cls-engager</span> — remplacée par «\u{00A0}Renouveler le contrat local de santé\u{00A0}», plus adaptée à ce territoire</li>"))
        #expect(html.contains("id=\"scores\""))
    }

    @Test("un nom de territoire hostile est échappé partout")
    func hostileProfileName() throws {
        var spec = Fixture.bourg
        spec.name = Self.hostileName
        let html = try Self.render(spec).html
        let escaped = "Saint-&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; l&#39;Ouest"
        #expect(!html.contains("<script"))
        #expect(!html.contains("\"x\""))
        #expect(html.contains("<title>Feuille de route santé du mandat — \(escaped)</title>"))
        #expect(html.contains("<h1>\(escaped)</h1>"))
    }

    @Test("les nombres ne se coupent pas : « 1 000 000 habitants », « 12 % », « 30 minutes » gardent des espaces insécables")
    func numbersStayWhole() throws {
        var recs = Fixture.standard
        recs[1].why = "Sur 1 000 000 habitants, 12 % vivent à plus de 30 minutes ; 2026 2027 restent séparés."
        let html = try Self.render(Fixture.bourg, recs: recs).html
        #expect(html.contains("Sur 1\u{00A0}000\u{00A0}000\u{00A0}habitants, 12\u{00A0}% vivent à plus de 30\u{00A0}minutes\u{00A0}; 2026 2027\u{00A0}restent séparés."))
    }

    @Test("un titre de recommandation hostile est échappé dans la fiche et dans le calendrier")
    func hostileRuleTitle() throws {
        var recs = Fixture.standard
        recs[1].title = #"Soutenir <b>la CPTS</b> & "l'équipe""#
        let html = try Self.render(Fixture.bourg, recs: recs).html
        let escaped = "Soutenir &lt;b&gt;la CPTS&lt;/b&gt; &amp; &quot;l&#39;équipe&quot;"
        #expect(!html.contains("<b>"))
        #expect(html.contains("<h4>\(escaped)</h4>"))
        #expect(try Self.section("synthese", of: html).contains(escaped))
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
