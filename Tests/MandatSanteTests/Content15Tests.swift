import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// Session 15 (issue 14, content): an example is told only to the territories it fits; the cards about the « zones
/// rouges », the specialists, the city–hospital cooperation and the France Santé label say what their public sources
/// say, for the territories they apply to.
@Suite("Contenu 15 : exemples à leur place, cartes justes pour l'outre-mer, sources datées")
struct Content15Tests {
    /// The examples the detailed edition tells on a card, by territory.
    static func told(_ id: String, in document: RoadmapDocument) throws -> [String] {
        try #require(document.card(id)).examples.filter(\.told).map(\.territory)
    }

    @Test("la station de montagne lit l'exemple d'une station de sports d'hiver, jamais celui de Cabourg ; la station balnéaire, Cabourg")
    func seasonalExamples() throws {
        let mountain = try ExampleSynthesisTests.document("station-montagne-saisonniere", detail: true)
        #expect(try Self.told("soins-saison-touristique", in: mountain) == ["Samoëns (Haute-Savoie)"])
        let card = try #require(mountain.card("soins-saison-touristique"))
        let texts = card.examples.map { $0.text.replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ") }
        #expect(texts.contains { $0.contains("hiver 2022-2023") && $0.contains("11 octobre 2022)") }, "\(texts)")
        let seaside = try ExampleSynthesisTests.document("station-balneaire-saisonniere", detail: true)
        // A Breton resort reads the Atlantic coast's example first (Lacanau), then Cabourg; elsewhere, Cabourg alone.
        #expect(try Self.told("soins-saison-touristique", in: seaside) == ["Lacanau (Gironde)", "Cabourg (Calvados)"])
        let channel = try ExampleSynthesisTests.document("station-balneaire-saisonniere", overrides: ["departement=Calvados", "region=Normandie"], detail: true)
        #expect(try Self.told("soins-saison-touristique", in: channel) == ["Cabourg (Calvados)"])
        // A summer resort overseas is neither Cabourg nor a ski resort: no example rather than the wrong one.
        let overseas = try ExampleSynthesisTests.document("station-balneaire-saisonniere", overrides: ["outreMer=reunion", "departement=La Réunion", "region=La Réunion"], detail: true)
        #expect(try Self.told("soins-saison-touristique", in: overseas).isEmpty)
    }

    @Test("un exemple sous condition se lit « ### [si condition] Territoire » et la condition est exportée ; sans condition, rien ne change")
    func exampleConditionRead() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let examples = try #require(ruleBase.recommendation("soins-saison-touristique")).examples
        #expect(examples.map(\.territory) == ["Lacanau (Gironde)", "Cabourg (Calvados)", "Samoëns (Haute-Savoie)"])
        #expect(examples.map { $0.condition?.source } == ["peakSeason == 'ete' and not outre-mer and region in ['Bretagne', 'bretagne', 'Pays de la Loire', 'pays-de-la-loire', 'Nouvelle-Aquitaine', 'nouvelle-aquitaine']", "peakSeason == 'ete' and not outre-mer", "peakSeason in ['hiver', 'les-deux'] and not outre-mer"])
        #expect(try #require(ruleBase.recommendation("zones-rouges-solidarite")).examples.allSatisfy { $0.condition == nil })
    }

    @Test("Guadeloupe, des spécialistes manquent : les consultations avancées, seule réponse à ce constat, gardent la dernière place (plan34), et le constat ne renvoie pas à l'accueil des installations")
    func antillesSpecialists() throws {
        let document = try ExampleSynthesisTests.document("commune-antilles-dengue")
        #expect(document.card("specialistes-consultations-avancees")?.phaseID == "fin-mandat")
        // The collective prevention, better scored, is served by three other actions of the priority: it waits.
        #expect(document.card("prevention-primaire-collective") == nil)
        #expect(document.considerLater.contains { $0.id == "prevention-primaire-collective" })
        #expect(document.card("accueil-installation-professionnels") == nil)
        let finding = document.synthesis.findings.first { $0.contains("spécialistes") }
        #expect(finding == nil || !(finding?.contains("installation") ?? false), "\(document.synthesis.findings)")
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        #expect(ruleBase.recommendation("specialistes-consultations-avancees")?.priority == 70)
        #expect(ruleBase.recommendation("chlordecone-jardins-familiaux")?.priority == 55)
    }

    @Test("la coopération ville-hôpital est portée par l'hôpital et les professionnels de ville, la collectivité en appui")
    func cityHospitalCarrier() throws {
        let document = try ExampleSynthesisTests.document("prefecture-hopital-support")
        let card = try #require(document.card("cooperation-ville-hopital"))
        #expect(card.carrierID == "partenaire")
        #expect(card.carrier == "l'hôpital et les soignants de ville, avec l'appui de la commune", "\(card.carrier)")
    }

    @Test("le label France Santé : annoncé le 30 octobre 2025, accordé par l'ARS, ses critères publics ; ni dans le Pacifique")
    func franceSanteWording() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let recommendation = try #require(ruleBase.recommendation("label-france-sante"))
        let why = recommendation.why
        #expect(why.hasPrefix("Annoncé par le Premier ministre le 30 octobre 2025 et inscrit dans la loi de financement de la sécurité sociale pour 2026"))
        #expect(why.contains("accordé par l'ARS") && why.contains("pas de dépassements d'honoraires") && why.contains("qui remplit ces critères peut y prétendre"))
        #expect(!why.contains("y est éligible"))
        #expect(recommendation.evidence?.factIDs.contains("france-sante-criteres-2025") == true)
        #expect(ruleBase.fact("france-sante-criteres-2025")?.source.document == "tendance-ouest-france-sante-2025")
        #expect(ruleBase.source("tendance-ouest-france-sante-2025")?.date?.description == "2025-10-31")
        #expect(recommendation.condition.source.contains("not collectivite-du-pacifique"))
    }

    @Test("les « zones rouges » : proposées outre-mer avec le fait qui le fonde, jamais à Saint-Pierre-et-Miquelon ni dans le Pacifique")
    func redZonesOverseas() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let recommendation = try #require(ruleBase.recommendation("zones-rouges-solidarite"))
        #expect(recommendation.condition.source.hasSuffix("and not collectivite-sans-commune and not collectivite-du-pacifique and not saint-pierre-et-miquelon"))
        #expect(recommendation.factConditions["zones-rouges-outre-mer-2025"]?.source == "outre-mer and not departement-de-mayotte")
        #expect(recommendation.factConditions["mayotte-zip-zones-rouges-2025"]?.source == "departement-de-mayotte")
        #expect(ruleBase.fact("zones-rouges-outre-mer-2025")?.statement.contains("communauté de communes des Savanes, en Guyane") == true)
        let lines = recommendation.steps.map(\.text) + recommendation.partners.map(\.text)
        #expect(!lines.contains { $0.contains("ATS") || $0.contains("CAFAT") || $0.contains("Wallis") }, "\(lines)")
    }

    @Test("les documents qui avaient une date à trouver sont datés : la note de la DGOS, l'appel de l'ARS Île-de-France")
    func datedSources() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        #expect(ruleBase.source("hopitalex-asp-2024")?.date?.description == "2024-07-26")
        #expect(ruleBase.source("ars-idf-asp-2025")?.date?.description == "2025")
        #expect(ruleBase.source("la-savoie-giffre-medecins-2022")?.date?.description == "2022-10-11")
        #expect(ruleBase.sources.allSatisfy { !$0.publisher.isEmpty && ($0.date != nil || $0.consulted != nil) })
    }

    @Test("Saint-Pierre-et-Miquelon : le zonage n'est jamais dit « zonage médical de l'ARS » ; la ZIP s'y dit, comme ailleurs, « territoire en zone d'intervention prioritaire (ZIP) »")
    func zoningLabelOverseas() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        func document(_ outreMer: String?, _ place: String?) throws -> RoadmapDocument {
            var spec = Fixture.ProfileSpec(name: "Saint-Pierre", population: 5_500, density: "petite-ville", engineeringStaff: 2, outreMer: outreMer,
                                           medicalZoning: "zip")
            spec.departement = place
            spec.region = place
            let roadmap = Planner(ruleBase: ruleBase).plan(try Fixture.profile(spec, in: ruleBase), calendar: try Fixture.calendar(2026, 12), top: nil)
            return RoadmapPresenter(ruleBase: ruleBase, detail: true).document(roadmap)
        }
        func texts(_ document: RoadmapDocument) -> [String] {
            (document.synthesis.findings + document.cards.flatMap(\.forYou) + document.considerLater.compactMap(\.line))
                .map { $0.replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ") }
        }
        let archipelago = texts(try document("saint-pierre-et-miquelon", "Saint-Pierre-et-Miquelon"))
        // The ZIP said as a finding (`statement` of the choice) names no administration, the ARS nor the ATS.
        #expect(archipelago.contains { $0.contains("erritoire en zone d'intervention prioritaire (ZIP)") }, "\(archipelago)")
        #expect(!archipelago.contains { $0.lowercased().contains("zonage médical de l'ars") }, "\(archipelago.filter { $0.lowercased().contains("zonage médical de l'ars") })")
        let mainland = texts(try document(nil, nil))
        #expect(mainland.contains { $0.contains("erritoire en zone d'intervention prioritaire (ZIP)") })
        #expect(!mainland.contains { $0.contains("administration territoriale") })
    }

    @Test("« labels » d'un fait : sa condition est vérifiée au chargement, l'erreur dit où")
    func labelVariantsChecked() throws {
        let (vocabulary, diagnostics) = VocabularyLoader.load(try JSONParser.parse("""
        {"facts": [
          {"name": "outreMer", "type": "enum", "label": "situation", "values": [{"id": "non", "label": "Hexagone"}, {"id": "spm", "label": "archipel"}]},
          {"name": "zoning", "type": "enum", "label": "zonage de l'ARS", "values": [{"id": "zip", "label": "ZIP"}],
           "labels": [{"when": "outreMer == 'spm'", "label": "zonage de l'ATS"}, {"when": "outreMr == 'spm'", "label": "faute"}]}
        ]}
        """), file: "vocabulaire.json")
        #expect(vocabulary.fact(named: "zoning")?.labelVariants.first == Fact.Variant(when: "outreMer == 'spm'", text: "zonage de l'ATS"))
        #expect(diagnostics.count == 1)
        let message = try #require(diagnostics.first.map { FrenchDiagnostics().message($0.code, $0.arguments) })
        #expect(message.hasPrefix("dans « labels » du fait « zoning » : "), "\(message)")
    }

    @Test("« references » d'un fait : lues comme « labels », leur condition vérifiée au chargement, l'erreur dit où ; une référence sans texte est refusée")
    func referenceVariantsChecked() throws {
        let (vocabulary, diagnostics) = VocabularyLoader.load(try JSONParser.parse("""
        {"facts": [
          {"name": "outreMer", "type": "enum", "label": "situation", "values": [{"id": "non", "label": "Hexagone"}, {"id": "reunion", "label": "La Réunion"}]},
          {"name": "poverty", "type": "number", "min": 0, "max": 100, "label": "taux de pauvreté", "reference": "France : 14 %",
           "references": [{"when": "outreMer == 'reunion'", "reference": "La Réunion : 36 %"}, {"when": "outreMe == 'reunion'", "reference": "faute"},
                          {"when": "outreMer == 'non'"}]}
        ]}
        """), file: "vocabulaire.json")
        let first = try #require(vocabulary.fact(named: "poverty")?.referenceVariants.first)
        #expect(first.when == "outreMer == 'reunion'" && first.text == "La Réunion : 36 %" && first.sources.isEmpty)
        let messages = diagnostics.map { "\($0.location) \(FrenchDiagnostics().message($0.code, $0.arguments))" }
        #expect(diagnostics.count == 2, "\(messages)")
        #expect(messages.contains { $0.contains("dans « references » du fait « poverty » : ") }, "\(messages)")
        #expect(messages.contains { $0.contains("vocabulaire.json:5:") && $0.contains("« reference »") && $0.contains("une référence du fait « poverty »") }, "\(messages)")
    }

    @Test("l'annexe détaillée met à part ce qui est propre à une autre partie du monde : la dengue et le Pacifique pour l'Hexagone, le moustique tigre pour la Guadeloupe")
    func elsewhereSetApart() throws {
        func groups(_ name: String) throws -> (elsewhere: [String], notApplying: [String], last: String?) {
            let document = try ExampleSynthesisTests.document(name, detail: true)
            let elsewhere = document.leftOut.first { $0.title.hasPrefix("Propres à d'autres territoires") }
            #expect(elsewhere?.entries.allSatisfy { $0.reasonCode == "autre-territoire" && $0.reason.hasPrefix("propre à d'autres territoires : ") } == true)
            let notApplying = document.leftOut.first { $0.title == "Ne s'appliquent pas à ce territoire" }?.entries.map(\.id) ?? []
            return (elsewhere?.entries.map(\.id) ?? [], notApplying, document.leftOut.last?.title)
        }
        let mainland = try groups("petite-ville-pvd-msp")
        #expect(Set(mainland.elsewhere) == ["pacifique-cadre-sanitaire", "lutte-antivectorielle-outre-mer", "eau-potable-coupures-outre-mer", "chlordecone-jardins-familiaux",
                                              "nutrition-diabete-obesite-reunion", "guyane-centre-sante-hopital"], "\(mainland.elsewhere)")
        #expect(mainland.notApplying.count > 40 && mainland.notApplying.allSatisfy { !mainland.elsewhere.contains($0) })
        #expect(mainland.last?.hasPrefix("Propres à d'autres territoires") == true)
        let guadeloupe = try groups("commune-antilles-dengue")
        #expect(guadeloupe.elsewhere.contains("moustique-tigre-hexagone") && guadeloupe.elsewhere.contains("pacifique-cadre-sanitaire"))
        #expect(!guadeloupe.elsewhere.contains("lutte-antivectorielle-outre-mer"))
        // A condition that fails on something else than where the territory lies stays a reason of this territory.
        #expect(mainland.notApplying.contains("asv-creer"))
    }

    @Test("une ville sans pointe saisonnière déclarée : les actions des stations ne s'appliquent pas, sans réclamer de réponse ; un fait facultatif d'un autre genre reste à renseigner")
    func absentSeasonalPopulation() throws {
        let document = try ExampleSynthesisTests.document("petite-ville-pvd-msp", detail: true)
        for id in ["soins-saison-touristique", "logement-saisonniers-professionnels"] {
            let entry = try #require(document.entry(id), "\(id)")
            #expect(entry.reasonCode == "condition-non-remplie", "\(id)")
            #expect(entry.reason == "ne s'applique pas ici : pas de pointe de fréquentation saisonnière déclarée", "\(entry.reason)")
        }
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        #expect(ruleBase.vocabulary.fact(named: "seasonalPopulation")?.absentLabel == "pas de pointe de fréquentation saisonnière déclarée")
        #expect(ruleBase.vocabulary.fact(named: "povertyRate")?.absentLabel == nil)
    }
}
