import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// Page 1 and the cards say what the profile says, as an élu would write it (issue 12, Deliver 3; reader36).
@Suite("Page 1 et fiches : ce que dit le profil, en phrases d'élu")
struct Page37Tests {
    static func card(_ document: RoadmapDocument, _ id: String) throws -> RoadmapDocument.Card {
        try #require(document.cards.first { $0.id == id }, "\(document.cards.map(\.id))")
    }

    static func why(_ card: RoadmapDocument.Card) -> String { Plan24Tests.plain(card.forYou.joined(separator: " ; ")) }

    @Test("le CLS du pays est une phrase : « CLS signé et en vigueur, porté par le pays ou le PETR », sur la page 1 et dans le portrait")
    func clsCarriedByThePays() throws {
        let (_, document) = try Plan24Tests.plan("bourg-cls-pays")
        let findings = document.synthesis.findings.map(Plan24Tests.plain)
        #expect(findings.contains { $0.hasPrefix("CLS signé et en vigueur, porté par le pays ou le PETR — point d'appui ") }, "\(findings)")
        #expect(!findings.contains { $0.contains("porteur du contrat local de santé") }, "\(findings)")
        let coordination = try #require(document.portrait.lines.first { $0.label == "Coordination" })
        #expect(Plan24Tests.plain(coordination.text).hasPrefix("CLS signé et en vigueur, porté par le pays ou le PETR ; "), "\(coordination.text)")
        let (_, interco) = try Plan24Tests.plan("banlieue-centre-sante-deficit")
        let line = try #require(interco.portrait.lines.first { $0.label == "Coordination" })
        #expect(Plan24Tests.plain(line.text).hasPrefix("CLS signé et en vigueur, porté par l'intercommunalité ; "), "\(line.text)")
    }

    @Test("le zonage, l'hôpital et la saison de pointe se disent en constats, pas en « libellé : valeur »")
    func choicesAsFindings() throws {
        let (_, zip) = try Plan24Tests.plan("village-rural-zip")
        let findings = zip.synthesis.findings.map(Plan24Tests.plain)
        #expect(findings.contains { $0.hasPrefix("Territoire en zone d'intervention prioritaire (ZIP) — ") }, "\(findings)")
        let (_, ght) = try Plan24Tests.plan("prefecture-ght-specialistes")
        let hospital = ght.synthesis.findings.map(Plan24Tests.plain)
        #expect(hospital.contains { $0.hasPrefix("L'hôpital du territoire est l'établissement support de son groupement hospitalier de territoire (GHT) — ") }, "\(hospital)")
        let (_, proximity) = try Plan24Tests.plan("commune-nouvelle-hopital-proximite")
        #expect(proximity.synthesis.findings.map(Plan24Tests.plain).contains { $0.hasPrefix("Un hôpital de proximité sur le territoire — ") })
        let (_, zac) = try Plan24Tests.plan("agglomeration-porteuse-cls")
        let reasons = zac.cards.map(Self.why)
        #expect(reasons.contains { $0.hasPrefix("territoire en zone d'action complémentaire (ZAC)") }, "\(reasons)")
        #expect(!reasons.contains { $0.contains("zonage médical de l'ARS") }, "\(reasons)")
        let (_, resort) = try Plan24Tests.plan("station-montagne-saisonniere")
        let season = resort.synthesis.findings.map(Plan24Tests.plain)
        #expect(season.contains { $0.contains("pointe de fréquentation en hiver") && !$0.contains("saison de pointe de la fréquentation :") }, "\(season)")
        // No example's page 1 states a choice as « label : value » any more.
        for name in ["village-departs-cabinet", "banlieue-qpv-centre-sante", "ville-moyenne-qpv-cls", "communaute-communes-rurale", "petite-ville-pvd-msp"] {
            let (_, document) = try Plan24Tests.plan(name)
            for line in document.synthesis.findings.map(Plan24Tests.plain) {
                #expect(!line.contains("zonage médical de l'ARS :") && !line.contains("Zonage médical de l'ARS :") && !line.contains("Hôpital implanté sur le territoire :"), "\(name): \(line)")
            }
        }
    }

    @Test("l'énoncé d'une valeur ne reprend entre accolades qu'un autre fait du vocabulaire : sinon, une erreur à sa position")
    func statementPlaceholderChecked() throws {
        let (vocabulary, diagnostics) = VocabularyLoader.load(try JSONParser.parse("""
        {"facts": [
          {"name": "cls", "type": "enum", "label": "CLS", "values": [{"id": "oui", "label": "CLS en vigueur"}]},
          {"name": "carrier", "type": "enum", "label": "porteur", "values": [
            {"id": "epci", "label": "l'intercommunalité", "statement": "{cls}, porté par l'intercommunalité"},
            {"id": "pays", "label": "un pays", "statement": "{clss}, porté par le pays"},
            {"id": "moi", "label": "lui-même", "statement": "{carrier}, porté par lui-même"}]}
        ]}
        """), file: "vocabulaire.json")
        #expect(vocabulary.fact(named: "carrier")?.choice("epci")?.statementFacts == ["cls"])
        #expect(diagnostics.map { $0.code } == ["vocabulaire.enonce-fait-inconnu", "vocabulaire.enonce-fait-inconnu"], "\(diagnostics)")
        #expect(diagnostics.allSatisfy { $0.location.line == 5 || $0.location.line == 6 }, "\(diagnostics.map { $0.location })")
        let message = try #require(diagnostics.first.map { FrenchDiagnostics().message($0.code, $0.arguments) })
        #expect(message.contains("« {clss} »"), "\(message)")
    }

    @Test("une commune dans le CLS de son intercommunalité ou d'un pays n'a « aucun poste de coordination santé à la commune » : la coordination du CLS existe, ailleurs")
    func communesOwnPost() throws {
        // content38: banlieue-centre-sante-deficit left this list: its ASV's coordinator is now declared (healthCoordinator).
        for name in ["bourg-cls-pays", "commune-nouvelle-hopital-proximite"] {
            let (_, document) = try Plan24Tests.plan(name)
            let reasons = document.cards.map(Self.why)
            #expect(reasons.contains { $0.contains("aucun poste de coordination santé à la commune") }, "\(name): \(reasons)")
            #expect(!reasons.contains { $0.hasSuffix("aucun poste de coordination santé") || $0.contains("aucun poste de coordination santé ;") }, "\(name): \(reasons)")
        }
        // A commune without a CLS of its intercommunality, and an intercommunality, keep the plain wording.
        for name in ["village-departs-cabinet", "communaute-communes-rurale"] {
            let (_, document) = try Plan24Tests.plan(name)
            let reasons = document.cards.map(Self.why)
            #expect(reasons.contains { $0.contains("aucun poste de coordination santé") }, "\(name): \(reasons)")
            #expect(!reasons.contains { $0.contains("à la commune") && $0.contains("coordination santé") }, "\(name): \(reasons)")
        }
    }

    @Test("la page 1 nomme le renfort du territoire : la coordination du CLS d'un pays ou de l'intercommunalité, la mission santé de l'intercommunalité, sinon un renfort")
    func reliefThatFitsTheTerritory() throws {
        func size(_ name: String) throws -> String { Plan24Tests.plain(try Plan24Tests.plan(name).1.synthesis.sizeNote) }
        let bourg = try size("bourg-cls-pays")
        #expect(bourg.contains("D'ici fin 2027, l'équipe ne peut pas tout porter : les actions 4 et 5 (priorités de l'équipe) passent d'abord ; s'appuyer sur la coordinatrice ou le coordinateur du CLS."), "\(bourg)")
        #expect(!bourg.contains("renfort"), "\(bourg)")
        let belt = try size("ceinture-croissance-hors-zonage")
        #expect(belt.contains("passent d'abord ; en confier une part à la mission santé de l'intercommunalité."), "\(belt)")
        // A village without intercommunal health approach shares the load with its intercommunality; a métropole of 25
        // agents puts off the rest or hands a part over (plan38); a préfecture of five agents hires.
        #expect(try size("village-rural-zip").contains("passent d'abord ; demander à l'intercommunalité ou aux communes voisines d'en porter une part."))
        let metropole = try size("metropole-cls-clsm")
        #expect(metropole.contains("passent d'abord ; reporter le reste ou en confier une part à un partenaire."), "\(metropole)")
        #expect(!metropole.contains("renfort"), "\(metropole)")
        #expect(try size("prefecture-hopital-support").contains("passent d'abord ; prévoir un renfort."))
    }

    @Test("« falseLabels » d'un fait oui/non : lus comme « labels », leur condition vérifiée au chargement")
    func falseLabelVariantsChecked() throws {
        let (vocabulary, diagnostics) = VocabularyLoader.load(try JSONParser.parse("""
        {"facts": [
          {"name": "kind", "type": "enum", "label": "type", "values": [{"id": "commune", "label": "commune"}, {"id": "epci", "label": "EPCI"}]},
          {"name": "coordinator", "type": "bool", "label": "un poste est pourvu", "falseLabel": "aucun poste",
           "falseLabels": [{"when": "kind == 'commune'", "label": "aucun poste à la commune"}, {"when": "kinds == 'commune'", "label": "faute"}]}
        ]}
        """), file: "vocabulaire.json")
        #expect(vocabulary.fact(named: "coordinator")?.falseLabelVariants.first?.text == "aucun poste à la commune")
        #expect(diagnostics.count == 1, "\(diagnostics)")
        let message = try #require(diagnostics.first.map { FrenchDiagnostics().message($0.code, $0.arguments) })
        #expect(message.contains("falseLabels"), "\(message)")
    }
}
