import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// Session 18 (issue 14, content): page 1 overseas names what drives the roadmap there (dengue, water cuts,
/// chlordecone); the extreme-events card names the hazards of its territory; examples from the right territory.
@Suite("Contenu 18 : outre-mer (constats, risques, exemples)")
struct Content18Tests {
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
    }

    @Test("Guadeloupe : la page 1 dit la dengue, les coupures d'eau et la chlordécone, avec les actions qui y répondent ; le portrait dit « Guadeloupe », pas « Guadeloupe ou Martinique »")
    func antillesFindings() throws {
        let document = try ExampleSynthesisTests.document("commune-antilles-dengue")
        let findings = document.synthesis.findings.map(Self.plain)
        let situation = try #require(findings.first { $0.contains("Risque de dengue et de chikungunya") }, "\(findings)")
        #expect(situation.contains("coupures d'eau potable récurrentes") && situation.contains("chlordécone"))
        for id in ["lutte-antivectorielle-outre-mer", "eau-potable-coupures-outre-mer", "chlordecone-jardins-familiaux"] {
            let rank = try #require(document.card(id)?.rank, "\(id)")
            #expect(situation.contains(" \(rank)") , "\(id) \(rank) : \(situation)")
        }
        #expect(findings.count <= ExecutiveSynthesis.findingCount)
        let territory = try #require(document.portrait.lines.first { $0.label == "Territoire" })
        let said = Self.plain(territory.text)
        #expect(said.contains("situation outre-mer : Guadeloupe") && !said.contains("ou Martinique"), "\(said)")
    }

    @Test("La Réunion et Mayotte : la page 1 dit les épidémies transmises par les moustiques (et à Mayotte les coupures d'eau) ; l'Hexagone n'a pas ce constat")
    func otherOverseasFindings() throws {
        let reunion = try ExampleSynthesisTests.document("commune-outre-mer-reunion").synthesis.findings.map(Self.plain)
        #expect(reunion.contains { $0.range(of: #"^Risque de dengue et de chikungunya à chaque saison des pluies \[\d+\] —"#, options: .regularExpression) != nil }, "\(reunion)")
        #expect(!reunion.contains { $0.contains("chlordécone") || $0.contains("coupures d'eau") })
        let mayotte = try ExampleSynthesisTests.document("village-mayotte-zip").synthesis.findings.map(Self.plain)
        #expect(mayotte.contains { $0.range(of: #"^Risque de dengue et de chikungunya à chaque saison des pluies \[\d+\] et coupures d'eau potable récurrentes \[\d+\] —"#, options: .regularExpression) != nil }, "\(mayotte)")
        let mainland = try ExampleSynthesisTests.document("village-departs-cabinet").synthesis.findings.map(Self.plain)
        #expect(!mainland.contains { $0.contains("Dengue") })
    }

    @Test("événements extrêmes : aux Antilles séisme, tsunami et sargasses (H2S), pas de feu de forêt, un titre qui le dit et ses sources ; dans l'Hexagone les risques du climat ; ailleurs outre-mer le dossier départemental des risques majeurs")
    func extremeEventsHazards() throws {
        let antilles = try ExampleSynthesisTests.document("commune-antilles-dengue", detail: true)
        let card = try #require(antilles.card("evenements-extremes-continuite-services"))
        let text = Self.plain(([card.title, card.why] + card.steps).joined(separator: " "))
        #expect(card.title.hasPrefix("Préparer les cyclones, les séismes"))
        #expect(text.contains("séisme et tsunami") && text.contains("sargasses") && text.contains("H2S"))
        #expect(!text.contains("feu de forêt"), "\(text)")
        #expect(Set(card.facts.map(\.id)) == ["antilles-seisme-tsunami-2023", "sargasses-h2s-2024"])
        let reunion = try #require(try ExampleSynthesisTests.document("commune-outre-mer-reunion", detail: true).card("evenements-extremes-continuite-services"))
        #expect(reunion.steps.first?.contains("dossier départemental sur les risques majeurs") == true)
        #expect(!reunion.steps.joined().contains("sargasses") && reunion.facts.isEmpty)
        let mainland = try ExampleSynthesisTests.document("ceinture-urbaine-chaleur-ecole", detail: true)
        if let heat = mainland.card("evenements-extremes-continuite-services") {
            #expect(heat.steps.first?.contains("feu de forêt là où la forêt est proche") == true)
            #expect(!heat.steps.joined().contains("séisme"))
        }
    }

    @Test("lutte antivectorielle : l'exemple vient du territoire — Morne-à-L'Eau aux Antilles, Saint-Benoît à La Réunion, aucun à Mayotte")
    func vectorControlExamples() throws {
        let antilles = try #require(try ExampleSynthesisTests.document("commune-antilles-dengue", detail: true).card("lutte-antivectorielle-outre-mer"))
        #expect(antilles.examples.map(\.territory) == ["Morne-à-L'Eau (Guadeloupe)"])
        #expect(antilles.examples.first?.source?.document == "karibinfo-morne-a-l-eau-lav-2023")
        let reunion = try #require(try ExampleSynthesisTests.document("commune-outre-mer-reunion", detail: true).card("lutte-antivectorielle-outre-mer"))
        #expect(reunion.examples.map(\.territory) == ["Saint-Benoît (La Réunion)"])
        let mayotte = try #require(try ExampleSynthesisTests.document("village-mayotte-zip", detail: true).card("lutte-antivectorielle-outre-mer"))
        #expect(mayotte.examples.isEmpty)
    }

    @Test("village qui perd son dernier médecin : un centre de médecins volontaires qui se relaient (Charenton-du-Cher) ou une téléconsultation assistée, retenu avant la fin du mandat dans les deux villages ; pas là où une MSP existe, ni dans une ville")
    func volunteerDoctorsCentre() throws {
        for name in ["village-departs-cabinet", "village-rural-zip"] {
            let document = try ExampleSynthesisTests.document(name, detail: true)
            let card = try #require(document.card("medecins-volontaires-relais"), "\(name)")
            #expect(card.title.hasPrefix("Accueillir un centre de santé où des médecins volontaires se relaient"))
            #expect(card.steps.contains { $0.contains("Médecins Solidaires") } && card.steps.contains { $0.contains("téléconsultation assistée") })
            #expect(card.examples.map(\.territory) == ["Charenton-du-Cher (Cher)"])
            #expect(card.facts.map(\.id) == ["medecins-solidaires-2025"])
            #expect(card.phaseID != "fin-mandat", "\(name) : \(card.phaseTitle)")
            // The relay first, the cabinet with housing after it: a village carries one at a time.
            let cabinet = try #require(document.card("cabinet-medical-logement"))
            #expect(card.rank < cabinet.rank && card.phaseID != cabinet.phaseID, "\(name)")
            #expect(document.card("zones-rouges-solidarite").map { $0.examples.isEmpty } ?? true)
        }
        for name in ["bourg-rural-zac-msp", "petite-ville-zip-msp-voisine", "prefecture-ght-specialistes", "village-mayotte-zip"] {
            let document = try ExampleSynthesisTests.document(name)
            #expect(document.card("medecins-volontaires-relais") == nil, "\(name)")
        }
    }

    static func inequalityRec(_ variants: [String]) -> Fixture.Rec {
        var rec = RuleBaseLoadingTests.valid
        rec.extraHeader = ["autres effets sur les inégalités:"] + variants.map { "  - \($0)" }
        return rec
    }

    @Test("autres effets sur les inégalités : le premier dont la condition tient remplace l'effet de l'en-tête sur la fiche ; sans condition ou avec une valeur inconnue, une erreur positionnée")
    func inequalityVariants() throws {
        let rec = Self.inequalityRec(["[si cpts] reduit"])
        let result = RuleBaseLoadingTests.loadWith([rec]).result
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let loaded = try #require(result.ruleBase?.recommendation("action-test"))
        var withCPTS = Fixture.ProfileSpec()
        withCPTS.cpts = true
        let (base, roadmap) = try Fixture.plan(withCPTS, recs: Fixture.standard + [rec])
        #expect(loaded.inequalityEffect(for: roadmap.profile.facts) == .reduces)
        #expect(RoadmapPresenter(ruleBase: base).document(roadmap).card("action-test")?.inequalityEffectID == "reduit")
        let (_, plain) = try Fixture.plan(Fixture.ProfileSpec(), recs: Fixture.standard + [rec])
        #expect(loaded.inequalityEffect(for: plain.profile.facts) == loaded.inequalityEffect)

        let (missing, missingText) = RuleBaseLoadingTests.loadWith([Self.inequalityRec(["reduit"])])
        #expect(missing.diagnostics.map(\.code) == ["regles.effet-sans-condition"])
        #expect(missing.diagnostics.first?.location.lineColumn == Fixture.location(of: "reduit", in: missingText))
        let (unknown, _) = RuleBaseLoadingTests.loadWith([Self.inequalityRec(["[si cpts] diminue"])])
        #expect(unknown.diagnostics.count == 1 && unknown.ruleBase?.recommendation("action-test") == nil)
    }

    @Test("cour « oasis » : réduit les inégalités dans une banlieue à QPV, neutre ailleurs")
    func schoolyardInequality() throws {
        let qpv = try #require(try ExampleSynthesisTests.document("banlieue-qpv-centre-sante").card("ecole-cour-oasis"))
        #expect(qpv.inequalityEffectID == "reduit")
        let belt = try #require(try ExampleSynthesisTests.document("ceinture-urbaine-chaleur-ecole").card("ecole-cour-oasis"))
        #expect(belt.inequalityEffectID == "neutre")
    }

    @Test("Miquelon (moins de 1 500 habitants, sans intercommunalité) : ni « intercommunalité » ni « CIAS » ni CCAS dans les pas et les financements du bien vieillir, de l'inclusion numérique, du médicobus et du transport ; Saint-Pierre garde son CCAS")
    func saintPierreEtMiquelonSmallCommune() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let miquelon = try Content16Tests.facts(Fixture.ProfileSpec(name: "Miquelon-Langlade", population: 580, outreMer: "saint-pierre-et-miquelon"))
        for id in ["bien-vieillir-petite-commune", "inclusion-numerique-sante", "medicobus-aller-vers", "acces-soins-transport"] {
            let recommendation = try #require(ruleBase.recommendation(id))
            let lines = recommendation.steps.texts(for: miquelon) + recommendation.funding.texts(for: miquelon) + recommendation.partners.texts(for: miquelon)
            let named = lines.filter { $0.contains("intercommunalité") || $0.contains("CIAS") || $0.contains("communauté de communes") || $0.contains("avec le CCAS") || $0 == "CCAS" }
            #expect(named.isEmpty, "\(id) : \(named)")
        }
        let saintPierre = try Content16Tests.facts(Fixture.ProfileSpec(name: "Saint-Pierre", population: 3_000, outreMer: "saint-pierre-et-miquelon"))
        let partners = try #require(ruleBase.recommendation("bien-vieillir-petite-commune")).partners.texts(for: saintPierre)
        #expect(partners.contains("CCAS") && !partners.contains { $0.contains("CIAS") || $0.contains("communauté de communes") })
    }

    @Test("maison de santé à conforter : l'exemple de Sinceny dit ce que l'État et la Région ont apporté, et la ligne de la Région le cite")
    func mspExampleWithinItsFunding() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let recommendation = try #require(ruleBase.recommendation("msp-conforter-existante"))
        let example = try #require(recommendation.examples.first { $0.territory.hasPrefix("Communauté d'agglomération Chauny-Tergnier") })
        #expect(example.what.contains("financés notamment par l'État (416 447 €) et par la Région Hauts-de-France (500 000 €)"))
        let facts = try Content16Tests.facts(Content16Tests.mainlandTown)
        #expect(recommendation.funding.texts(for: facts).contains { $0.hasPrefix("Région") && $0.contains("Sinceny") })
    }
}
