import MandatSante
import Testing

/// A card says what is true of the territory it is printed for (reader13, « Pour content13 »): no diagnostic to
/// feed where the CLS is in force, no lecture on working at the intercommunal level to a commune already in its CLS,
/// a cost that matches what the card offers, and no trace of a condition (« la maison ou le centre de santé »,
/// « selon ce qui existe ») where the profile says which.
@Suite("des fiches fidèles au territoire : portée, coût et traces de conditions")
struct TruthfulScopeTests {
    static func text(_ lines: [String]) -> String {
        lines.joined(separator: "\n").replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
    }

    @Test("préfecture au CLS en vigueur : la parole des habitants nourrit le CLS en cours ; l'hôpital voit sa place au comité de pilotage vérifiée ; les partenaires sont les instances qui existent")
    func clsInForce() throws {
        let document = try ExampleSynthesisTests.document("prefecture-ght-specialistes", detail: true)
        let participation = try PresentationTests.card("participation-habitants-diagnostic", in: document)
        #expect(participation.title.contains("nourrit le CLS en cours"))
        #expect(Self.text(participation.steps).contains("comité de pilotage du CLS et à son évaluation"))
        #expect(!Self.text(participation.steps).contains("verser la synthèse au diagnostic partagé"))
        #expect(!Self.text(participation.partners).contains("selon ce qui existe"))
        #expect(participation.partners.contains("conseils de quartier") && participation.partners.contains("conseil citoyen"))
        #expect(!participation.partners.contains("conseil des aînés"))
        let cooperation = try PresentationTests.card("cooperation-ville-hopital", in: document)
        #expect(Self.text(cooperation.steps).contains("Vérifier la place de l'hôpital au comité de pilotage du CLS en vigueur"))
        #expect(!Self.text(cooperation.steps).contains("Proposer que l'hôpital siège"))
    }

    @Test("agglomération au CLS en préparation : achever le diagnostic engagé ; l'ASV se crée avec les communes concernées, dans le contrat de ville")
    func clsInPreparation() throws {
        let document = try ExampleSynthesisTests.document("agglomeration-qpv-cls-en-preparation", detail: true)
        let diagnostic = try PresentationTests.card("diagnostic-sante-partage", in: document)
        #expect(diagnostic.title.hasPrefix("Achever ou actualiser le diagnostic local de santé engagé pour le CLS"))
        #expect(Self.text(diagnostic.steps).contains("le compléter plutôt que de le recommencer"))
        #expect(!Self.text(diagnostic.steps).contains("Cadrer le diagnostic"))
        let asv = try PresentationTests.card("asv-creer", in: document)
        #expect(asv.title.contains("avec les communes concernées") && asv.title.contains("dans le contrat de ville"))
        #expect(Self.text(asv.steps).contains("Convenir avec les communes des quartiers prioritaires, le délégué du préfet et l'ARS de qui porte l'atelier santé ville"))
    }

    @Test("commune dans un CLS intercommunal en vigueur, couverte par une CPTS : prendre sa place dans ce CLS, sans leçon ni chiffre de CPTS")
    func intercommunalClsInForce() throws {
        let document = try ExampleSynthesisTests.document("commune-nouvelle-hopital-proximite", detail: true)
        let card = try PresentationTests.card("agir-echelle-intercommunale", in: document)
        #expect(card.title.hasPrefix("Prendre sa place dans le contrat local de santé intercommunal"))
        #expect(!Self.text([card.why] + card.facts.map(\.statement)).contains("82 000"))
        #expect(Self.text(card.steps).contains("Vérifier la place de la commune au comité de pilotage"))
        #expect(!Self.text(card.steps).contains("Demander à être associée"))
    }

    @Test("le coût dit ce que la fiche offre : locaux et secrétariat, extension d'une maison de santé, appuis à l'hôpital de proximité")
    func costsMatchTheCard() throws {
        let prefecture = try ExampleSynthesisTests.document("prefecture-ght-specialistes", detail: true)
        #expect(try PresentationTests.card("soins-non-programmes", in: prefecture).costRangeID == "moyen")
        #expect(try PresentationTests.card("msp-conforter-existante", in: prefecture).costRangeID == "eleve")
        let communeNouvelle = try ExampleSynthesisTests.document("commune-nouvelle-hopital-proximite", detail: true)
        #expect(try PresentationTests.card("hopital-de-proximite-projet", in: communeNouvelle).costRangeID == "moyen")
    }

    @Test("aucune trace de condition dans les 27 feuilles de route détaillées : la maison ou le centre de santé, selon ce qui existe, PVD ou Villages d'avenir, la question de FTS citée en constat")
    func noTracesOfConditions() throws {
        let traces = ["la maison ou le centre de santé", "selon ce qui existe", "Petites Villes de Demain ou Villages d'avenir des communes membres",
                      "s'interroge sur la précarité", "dans le plan de mobilité ou le schéma cyclable."]
        for name in CalibrationReadingTests.examples {
            let document = try ExampleSynthesisTests.document(name, detail: true)
            for card in document.cards {
                let text = Self.text([card.why] + card.steps + card.partners + card.funding)
                for trace in traces where text.contains(trace) {
                    Issue.record("\(name), \(card.id) : « \(trace) »")
                }
                if ["cls-coordinateur", "coordination-securiser-poste"].contains(card.id) {
                    #expect(!card.partners.contains("Fabrique Territoires Santé"), "\(name), \(card.id)")
                }
            }
        }
    }
}
