import Foundation
import MandatSante
import Testing

/// Cost, level of evidence and effect on health inequalities: worded once by the presenter, shown in the
/// decisions and the cards of every format, exported in JSON next to the carrier, and given by every
/// recommendation of the rule base.
@Suite("Coût, niveau de preuve et effet sur les inégalités")
struct WeighingFieldsTests {
    /// The standard fixture, the CPTS action (a decision of the bourg) weighed.
    static let recs: [Fixture.Rec] = Fixture.standard.map { rec in
        guard rec.id == "cpts-soutenir" else { return rec }
        var weighed = rec
        weighed.extraHeader = ["coût: faible", "niveau de preuve: avis-d-experts", "effet sur les inégalités: reduit"]
        return weighed
    }

    @Test("le document les formule une fois : fiche et décision disent la même chose")
    func worded() throws {
        let document = try PresentationTests.document(Fixture.bourg, recs: Self.recs)
        let card = try PresentationTests.card("cpts-soutenir", in: document)
        #expect(card.costRangeID == "faible" && card.costRange == "moins de 10 000 €")
        #expect(card.evidenceLevelID == "avis-d-experts" && card.evidenceLevel == "avis d'experts")
        #expect(card.inequalityEffectID == "reduit" && card.inequalityEffect == "les réduit")
        let decision = try #require(document.synthesis.decisions.first { $0.id == "cpts-soutenir" })
        #expect(decision.costRange == card.costRange && decision.evidenceLevel == card.evidenceLevel && decision.inequalityEffect == card.inequalityEffect)
        // A recommendation that says nothing shows nothing rather than a guess.
        let other = try #require(document.cards.first { $0.id != "cpts-soutenir" })
        #expect(other.evidenceLevel == nil && other.inequalityEffect == nil)
    }

    @Test("texte, Markdown et HTML les montrent dans la fiche ; la décision de la page 1 dit porteur, échéance, effort, coût et financeur")
    func rendered() throws {
        let document = try PresentationTests.document(Fixture.bourg, recs: Self.recs)
        // Spaces as a reader sees them: line breaks, non-breaking and narrow spaces are all one space.
        func plain(_ rendered: String) -> String {
            rendered.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{00A0}" || $0 == "\u{202F}" }).joined(separator: " ")
        }
        let text = plain(TextRoadmapRenderer().render(document))
        #expect(text.contains("effort moyen · moins de 10 000 €"))
        let page1 = String(text[..<(try #require(text.range(of: "LES ACTIONS")).lowerBound)])
        #expect(!page1.contains("preuve : avis d'experts") && !page1.contains("inégalités : les réduit"))
        #expect(text.contains("moins de 10 000 € · preuve : avis d'experts · inégalités : les réduit"))
        let markdown = plain(MarkdownRoadmapRenderer().render(document))
        #expect(markdown.contains("| moyen | moins de 10 000 € |"))
        #expect(!markdown.contains("| avis d'experts |"))
        #expect(markdown.contains("moins de 10 000 € · **preuve** : avis d'experts · **inégalités** : les réduit"))
        let html = plain(HTMLRoadmapRenderer().render(document))
        #expect(html.contains("effort moyen · moins de 10 000 €"))
        #expect(!html.contains("preuve : avis d&#39;experts"))
        #expect(html.contains("<span>moins de 10 000 €</span><span><strong>preuve</strong> : avis d&#39;experts</span><span><strong>inégalités</strong> : les réduit</span>"))
    }

    @Test("JSON : costRange, evidenceLevel et inequalityEffect à côté de carrier, avec leur identifiant et leur texte")
    func json() throws {
        let document = try PresentationTests.document(Fixture.bourg, recs: Self.recs)
        let json = JSONRoadmapRenderer().render(document)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let items = try #require(root["items"] as? [[String: Any]])
        let cpts = try #require(items.first { $0["id"] as? String == "cpts-soutenir" })
        #expect(cpts["evidenceLevel"] as? [String: String] == ["id": "avis-d-experts", "text": "avis d'experts"])
        #expect(cpts["inequalityEffect"] as? [String: String] == ["id": "reduit", "text": "les réduit"])
        #expect(cpts["costRange"] as? [String: String] == ["id": "faible", "text": "moins de 10 000 €"])
        let keys = json.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let carrier = try #require(keys.firstIndex { $0.hasPrefix("\"carrier\": {") })
        #expect(keys[carrier...].first { $0.hasPrefix("\"costRange\"") } != nil)
        let synthesis = try #require(root["synthesis"] as? [String: Any])
        let decisions = try #require(synthesis["decisions"] as? [[String: Any]])
        let decision = try #require(decisions.first { $0["id"] as? String == "cpts-soutenir" })
        #expect(decision["evidenceLevel"] as? String == "avis d'experts" && decision["inequalityEffect"] as? String == "les réduit")
        #expect(decision["costRange"] as? String == "moins de 10 000 €")
    }

    @Test("chaque recommandation de la base dit son coût, son niveau de preuve et son effet sur les inégalités")
    func everyRecommendationWeighed() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        #expect(ruleBase.recommendations.count > 50)
        for recommendation in ruleBase.recommendations {
            #expect(recommendation.costRange != nil && recommendation.evidenceLevel != nil && recommendation.inequalityEffect != nil,
                    "\(recommendation.id) : coût, niveau de preuve ou effet sur les inégalités manquant")
        }
    }
}
