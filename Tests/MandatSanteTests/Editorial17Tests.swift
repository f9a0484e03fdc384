import Foundation
@testable import MandatSante
import Testing

/// A shorter default edition (editorial17): what a reader has just read is not said again, and what says nothing
/// is not printed; the detailed edition and the JSON keep everything.
@Suite("Édition 17 : une édition par défaut plus courte, sans rien perdre de ce qu'il faut au lecteur")
struct Editorial17Tests {
    static func text(_ document: RoadmapDocument) -> String {
        Fixture.flattened(TextRoadmapRenderer().render(document))
    }

    @Test("l'enchaînement nomme une action de la feuille de route par son numéro ; l'édition détaillée garde le titre")
    func relationsByNumber() throws {
        let document = try ExampleSynthesisTests.document("prefecture-ght-specialistes")
        let msp = try #require(document.card("msp-conforter-existante"))
        let juniors = try #require(document.cards.first { $0.together.contains("msp-conforter-existante") })
        #expect(msp.briefRelations == ["avec l'action\u{A0}\(juniors.rank)"], "\(msp.briefRelations)")
        #expect(msp.relations == ["avec « \(juniors.title) » (rang\u{A0}\(juniors.rank))"], "\(msp.relations)")
        let text = Self.text(document)
        #expect(text.contains("Enchaînement : avec l'action \(juniors.rank) Calendrier"))
        #expect(!text.contains("(rang "))
        let detailed = Self.text(try ExampleSynthesisTests.document("prefecture-ght-specialistes", detail: true))
        #expect(detailed.contains("Enchaînement : avec « \(juniors.title) » (rang \(juniors.rank))"))
        // A card that follows two actions says both by their numbers, in one « après » (the CLS after its
        // coordinator and its diagnostic).
        let qpv = try ExampleSynthesisTests.document("agglomeration-qpv-cls-en-preparation")
        #expect(qpv.cards.flatMap(\.briefRelations).contains { $0.hasPrefix("après les actions\u{A0}") }, "\(qpv.cards.flatMap(\.briefRelations))")
        #expect(!qpv.cards.flatMap(\.briefRelations).contains { $0.contains("rang") })
    }

    @Test("la page 1 donne pour chaque décision porteur, échéance, effort, coût et financeur ; la fiche garde preuve et inégalités, le JSON aussi")
    func decisionLineIsWhatAnExecutiveDecides() throws {
        let document = try ExampleSynthesisTests.document("prefecture-ght-specialistes")
        let text = TextRoadmapRenderer().render(document)
        let page1 = Fixture.flattened(String(text[..<(try #require(text.range(of: "LES ACTIONS")).lowerBound)]))
        // The commune, which carries most decisions, is named once above them; a partner that carries one is named on it.
        #expect(page1.contains("Les décisions à prendre d'abord (numérotées comme les actions, portées par la commune sauf mention)"), "\(page1)")
        #expect(page1.contains("Avant l'été 2027 (juin 2027) · effort faible · moins de 10 000 € · budget de la commune et du CCAS."), "\(page1)")
        #expect(page1.contains("Les médecins et les professionnels de santé du territoire, avec l'appui de la commune · d'ici déc. 2027 · effort moyen"), "\(page1)")
        #expect(!page1.contains("La commune · "), "\(page1)")
        #expect(!page1.contains("preuve :") && !page1.contains("inégalités :"))
        let heat = try #require(document.card("canicule-personnes-vulnerables"))
        #expect(Self.text(document).contains("preuve : modérée · inégalités : les réduit"))
        let decision = try #require(document.synthesis.decisions.first { $0.id == heat.id })
        #expect(decision.evidenceLevel == "modérée" && decision.inequalityEffect == "les réduit")
        let json = JSONRoadmapRenderer().render(document)
        #expect(json.contains("\"evidenceLevel\": \"modérée\""))
    }

    @Test("une fiche ne dit « effet inconnu » sur les inégalités que dans l'édition détaillée ; un effet connu, partout")
    func unknownInequalityEffectOnlyInDetail() throws {
        let document = try ExampleSynthesisTests.document("metropole-cls-clsm")
        let unknown = try #require(document.cards.first { $0.inequalityEffectID == "inconnu" })
        #expect(unknown.inequalityEffect == "effet inconnu")
        let short = Self.text(document)
        #expect(!short.contains("inégalités : effet inconnu"))
        #expect(short.contains("inégalités : les réduit"))
        let detailed = Self.text(try ExampleSynthesisTests.document("metropole-cls-clsm", detail: true))
        #expect(detailed.contains("inégalités : effet inconnu"))
        #expect(JSONRoadmapRenderer().render(document).contains("\"id\": \"inconnu\""))
    }

    /// The portrait of an example profile, one line per part, as the short edition prints it.
    static func portrait(_ name: String, overrides: [String] = []) throws -> [String: String] {
        let document = try ExampleSynthesisTests.document(name, overrides: overrides)
        return Dictionary(document.portrait.lines.map { ($0.label, $0.text.replacing("\u{00A0}", with: " ")) }, uniquingKeysWith: { $1 })
    }

    @Test("le portrait dit ce que l'équipe a déclaré et ce qui explique la feuille de route : l'hôpital une fois, le porteur du CLS sans redire la commune, sans négations qui n'apprennent rien")
    func portraitSaysWhatMatters() throws {
        let prefecture = try Self.portrait("prefecture-ght-specialistes")
        let care = try #require(prefecture["Accès aux soins"])
        // The hospital it hosts says it has one: « un hôpital à moins de 30 minutes » would say it twice.
        #expect(care.contains("l'hôpital du territoire est l'établissement support de son groupement hospitalier de territoire (GHT)"), "\(care)")
        #expect(!care.contains("à moins de 30 minutes"), "\(care)")
        let coordination = try #require(prefecture["Coordination"])
        // A commune's own CLS: no « porteur : une commune (la commune elle-même…) ».
        #expect(coordination.hasPrefix("CLS signé et en vigueur ; un conseil local de santé mentale"), "\(coordination)")
        #expect(!coordination.contains("porteur du contrat local de santé"))
        // What the team declared and what the roadmap answers stay, negatives included.
        #expect(coordination.contains("pas d'atelier santé ville (ASV)") && coordination.contains("l'intercommunalité ne porte pas de démarche de santé"))
        #expect(care.contains("aucun centre de santé") && care.contains("pas de départ de médecin généraliste annoncé"))
        let living = try #require(prefecture["Population et cadre de vie"])
        #expect(living.hasSuffix("territoire exposé aux vagues de chaleur ou aux îlots de chaleur"), "\(living)")
        #expect(!living.contains("ambroisie") && !living.contains("projet alimentaire"))
        #expect(prefecture["Projets prévus"] == nil)

        // Where they hold, they are said.
        let metropole = try Self.portrait("metropole-cls-clsm")
        #expect(metropole["Population et cadre de vie"]?.contains("présence d'ambroisie signalée ; un projet alimentaire territorial (PAT) existe") == true)
        #expect(metropole["Accès aux soins"]?.contains("un hôpital sur le territoire ou à moins de 30 minutes") == true)
        #expect(metropole["Projets prévus"]?.contains("élaboration ou révision du PLU / PLUi") == true)
        // An intercommunality's CLS carried by a member commune, and a village without a hospital, still say so.
        let carried = try Self.portrait("metropole-cls-clsm", overrides: ["clsCarrier=commune"])
        #expect(carried["Coordination"]?.hasPrefix("CLS échu ou arrivant à échéance avant 2028, porté à l'échelle d'une commune ; ") == true, "\(carried)")
        let village = try Self.portrait("village-rural-zip")
        #expect(village["Accès aux soins"]?.contains("pas d'hôpital à moins de 30 minutes") == true)
    }

    @Test("l'en-tête d'une fiche dit porteur, échéance, effort et coût dans les mots de la page 1, sans étiquettes répétées ; preuve et inégalités gardent la leur")
    func cardHeaderInTheWordsOfPageOne() throws {
        let document = try ExampleSynthesisTests.document("prefecture-ght-specialistes")
        let text = Self.text(document)
        #expect(text.contains("4. Préparer la saison chaude : registre des personnes vulnérables, lieux rafraîchis et appels de veille La commune · avant l'été 2027 (juin 2027) · effort faible · moins de 10 000 € · preuve : modérée · inégalités : les réduit Pourquoi"), "\(text)")
        #expect(!text.contains("Porteur :") && !text.contains("Effort :") && !text.contains("Coût :") && !text.contains("Échéance :"))
        // A partner that carries it leads the line the same way.
        #expect(text.contains("Les médecins et les professionnels de santé du territoire, avec l'appui de la commune · effort moyen · de 10 000 à 100 000 €"))
        let detailed = Self.text(try ExampleSynthesisTests.document("prefecture-ght-specialistes", detail: true))
        #expect(detailed.contains("La commune · période : déc. 2026 – févr. 2027 · effort faible · temps d'élus et d'agents · preuve : avis d'experts · inégalités : effet inconnu · levier :"), "\(detailed)")
        // The outline note is one short sentence; the size of the roadmap on page 1 counts agents (the effort units
        // are in the portrait).
        #expect(text.contains("Actions à préciser au bilan de mi-mandat : ici l'essentiel de chacune."))
        #expect(document.synthesis.sizeNote.hasPrefix("15\u{00A0}actions à la mesure de l'équipe (6\u{00A0}agents pour porter des projets) ; "), "\(document.synthesis.sizeNote)")
        #expect(document.portrait.lines.last?.text.contains("unités d'effort par an") == true)
        // Without any agent, the élus' own time is what page 1 says the team can carry.
        let tiny = try ExampleSynthesisTests.document("tres-petite-commune-rurale")
        #expect(tiny.synthesis.sizeNote.contains("(aucun agent pour porter des projets : le temps des élus suffit à environ une action légère par an)"), "\(tiny.synthesis.sizeNote)")
    }

    @Test("l'édition par défaut raconte trois exemples, ceux des premières fiches qui en ont ; l'édition détaillée et le JSON les gardent tous")
    func threeExamples() throws {
        let document = try ExampleSynthesisTests.document("communaute-urbaine-cls-clsm-plui")
        let told = document.cards.filter { $0.examples.contains(where: \.told) }
        #expect(told.map(\.rank) == Array(document.cards.filter { !$0.examples.isEmpty }.map(\.rank).prefix(3)), "\(told.map(\.rank))")
        let text = Self.text(document)
        #expect(text.components(separatedBy: " Exemple : ").count - 1 == 3)
        let untold = try #require(document.cards.first { !$0.examples.isEmpty && !$0.examples.contains(where: \.told) })
        let detailed = try ExampleSynthesisTests.document("communaute-urbaine-cls-clsm-plui", detail: true)
        #expect(detailed.card(untold.id)?.examples.first?.told == true)
        #expect(JSONRoadmapRenderer().render(document).contains(try #require(untold.examples.first?.territory)))
    }

    @Test("un seul financement se dit sur une ligne, comme les partenaires ; plusieurs font une liste")
    func singleFundingLine() throws {
        let document = try ExampleSynthesisTests.document("prefecture-ght-specialistes")
        let text = Self.text(document)
        #expect(text.contains("Financement : Budget de la commune et du CCAS"), "\(text)")
        #expect(!text.contains("Financements :"))
        let markdown = MarkdownRoadmapRenderer().render(document)
        #expect(markdown.contains("**Financement**\u{A0}: Budget de la commune et du CCAS"))
        let html = HTMLRoadmapRenderer().render(document)
        #expect(html.contains("<h5>Financement</h5>\n<p>Budget de la commune et du CCAS</p>"))
        let detailed = Self.text(try ExampleSynthesisTests.document("prefecture-ght-specialistes", detail: true))
        #expect(detailed.contains("Financements : - "))
    }
}
