import Foundation
import MandatSante
import RuleKit
import Testing

/// Calibration from the consultant's reading (reader 10, findings 8, 13, 21): the heat-wave plan where heat is a
/// risk, the zone-rouge check where it can be one, costs and funders that match the action.
@Suite("Calibrage : plan canicule, zones rouges, coûts et financeurs")
struct CalibrationContent11Tests {
    @Test("sans exposition à la chaleur, pas de plan canicule en tête : la station balnéaire, le bourg, le village et la préfecture ouvrent sur d'autres actions ; exposée, la ceinture urbaine le garde dans les trois premiers mois", arguments: [
        "tres-petite-commune-rurale", "bourg-cls-pays", "bourg-rural-zac-msp", "village-departs-cabinet", "station-balneaire-saisonniere", "prefecture-hopital-support",
    ])
    func heatPlanFollowsExposure(_ name: String) throws {
        let document = try ExampleSynthesisTests.document(name)
        #expect(document.card("canicule-personnes-vulnerables") == nil, "\(name)")
        #expect(!document.synthesis.decisions.contains { $0.id == "canicule-personnes-vulnerables" }, "\(name)")
        let exposed = try ExampleSynthesisTests.document("ceinture-urbaine-chaleur-ecole")
        let plan = try #require(exposed.card("canicule-personnes-vulnerables"))
        #expect(plan.phaseID == "premiers-mois" && plan.deadline != nil, "\(plan.phaseID)")
    }

    @Test("dans un village sans exposition à la chaleur, le registre des personnes vulnérables reste dit, par l'élu référent aînés de l'action bien vieillir")
    func registerStaysVisible() throws {
        let village = try ExampleSynthesisTests.document("tres-petite-commune-rurale", detail: true)
        let elders = try #require(village.card("bien-vieillir-petite-commune"))
        #expect(elders.steps.contains { $0.contains("registre des personnes vulnérables") }, "\(elders.steps)")
    }

    @Test("une préfecture urbaine ne vérifie pas d'abord si elle est en « zone rouge » (des intercommunalités rurales, loin des grandes agglomérations) ; un village en ZIP, si")
    func zoneRougeForRuralTerritories() throws {
        let prefecture = try ExampleSynthesisTests.document("prefecture-hopital-support")
        #expect(prefecture.cards.first { $0.id == "zones-rouges-solidarite" }?.phaseID != "premiers-mois")
        // The village in ZIP asks in its first months, in the letter to its intercommunality, which carries the
        // question since the check was folded into it.
        let village = try ExampleSynthesisTests.document("village-rural-zip")
        #expect(village.card("zones-rouges-solidarite") == nil)
        let intercommunal = try #require(village.card("agir-echelle-intercommunale"))
        #expect(intercommunal.phaseID == "premiers-mois")
        #expect(intercommunal.steps.contains { $0.contains("zones rouges") }, "\(intercommunal.steps)")
    }

    @Test("conforter la maison de santé coûte plus qu'une réunion et nomme les financeurs de son extension ; rapprocher ville et hôpital, qui coûte du temps, n'a pas de financeur d'investissement")
    func costsMatchFunders() throws {
        let document = try ExampleSynthesisTests.document("prefecture-hopital-support")
        let msp = try #require(document.card("msp-conforter-existante"))
        #expect(msp.costRangeID == "eleve", "\(String(describing: msp.costRangeID))")
        // A city of 40,000: the DSIL, the DETR being for rural communes and small intercommunalities.
        #expect(msp.funding.first?.hasPrefix("État – dotation de soutien à l'investissement local (DSIL)") == true, "\(msp.funding)")
        let detailed = try ExampleSynthesisTests.document("prefecture-hopital-support", detail: true)
        #expect(detailed.card("msp-conforter-existante")?.funding.contains { $0.hasPrefix("Région") } == true)
        let cooperation = try #require(document.card("cooperation-ville-hopital"))
        #expect(cooperation.funding.isEmpty, "\(cooperation.funding)")
    }
}

/// Overseas wording (reader 10, findings 12 and 19): Saint-Martin and Saint-Barthélemy have neither communes nor
/// intercommunalities, the Pacific no SDIS, and vector control is not titled « before the rains » at a start inside them.
@Suite("Outre-mer : collectivités sans commune, Pacifique, saison des pluies")
struct OverseasWordingContent11Tests {
    static let saintMartin = ["outreMer=autre", "departement=Saint-Martin", "region=Saint-Martin", "population=32000"]

    @Test("Saint-Martin : la déclaration d'ambition passe en conseil territorial, la maison de santé s'agrandit sans intercommunalité, ni zone rouge ni échelle intercommunale")
    func saintMartinHasNoCommune() throws {
        let document = try ExampleSynthesisTests.document("commune-antilles-dengue", overrides: Self.saintMartin, detail: true)
        let lines = document.cards.flatMap { $0.steps + $0.partners }
        func mainland(_ line: String) -> Bool {
            line.replacingOccurrences(of: "conseil municipal des jeunes", with: "").contains("conseil municipal")
                || line.contains("avec l'intercommunalité") || line.hasPrefix("intercommunalité")
        }
        #expect(!lines.contains(where: mainland), "\(lines.filter(mainland))")
        #expect(document.card("ambition-politique-sante")?.steps.contains { $0.contains("conseil territorial") } == true)
        #expect(document.card("zones-rouges-solidarite") == nil && document.card("agir-echelle-intercommunale") == nil)
        // Guadeloupe keeps its intercommunality.
        let guadeloupe = try ExampleSynthesisTests.document("commune-antilles-dengue", detail: true)
        #expect(guadeloupe.card("lutte-antivectorielle-outre-mer")?.steps.contains { $0.contains("l'intercommunalité") } == true)
    }

    @Test("Saint-Martin et Saint-Barthélemy : « Porteur : la collectivité », jamais la commune ni l'intercommunalité ; Guadeloupe garde la commune")
    func collectivityCarries() throws {
        let saintBarthelemy = ["outreMer=autre", "departement=Saint-Barthélemy", "region=Saint-Barthélemy", "population=10000"]
        for overrides in [Self.saintMartin, saintBarthelemy] {
            let document = try ExampleSynthesisTests.document("commune-antilles-dengue", overrides: overrides, detail: true)
            let carriers = document.cards.map(\.carrier) + document.synthesis.decisions.map(\.carrier)
            #expect(carriers.count >= 10)
            let wrong = carriers.filter { $0.contains("commune") || $0.contains("intercommunalité") || !$0.hasSuffix("la collectivité") }
            #expect(wrong.isEmpty, "\(overrides[1]) : \(wrong)")
            #expect(document.cards.contains { $0.carrier.hasSuffix(", avec l'appui de la collectivité") })
            let portrait = document.portrait.lines.map(\.text).joined(separator: " ; ")
            #expect(!portrait.contains("intercommunalité"), "\(portrait)")
        }
        let guadeloupe = try ExampleSynthesisTests.document("commune-antilles-dengue")
        #expect(guadeloupe.cards.contains { $0.carrier == "la commune" })
        #expect(!guadeloupe.cards.contains { $0.carrier.contains("collectivité") })
    }

    @Test("La Réunion, départ en décembre en pleine saison des pluies : le titre de la lutte antivectorielle ne dit pas « avant la saison des pluies »")
    func vectorControlTitleHoldsInSeason() throws {
        let card = try #require(try ExampleSynthesisTests.document("commune-outre-mer-reunion").card("lutte-antivectorielle-outre-mer"))
        #expect(card.title == "Organiser, avant et pendant chaque saison des pluies, la lutte contre les moustiques vecteurs de la dengue et du chikungunya")
    }

    @Test("Pacifique : les événements extrêmes se préparent avec le haut-commissariat et les services d'incendie et de secours du territoire, pas un SDIS")
    func pacificHasNoSDIS() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let recommendation = try #require(ruleBase.recommendation("evenements-extremes-continuite-services"))
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("Profiles/village-mayotte-zip.json").path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let loaded = try #require(ProfileLoader.load(Array(bytes), file: path, vocabulary: ruleBase.vocabulary).0)
        let pacific = try ProfileLoader.override(loaded, with: ["outreMer=pacifique", "departement=Nouvelle-Calédonie", "region=Nouvelle-Calédonie", "medicalZoning=inconnu"]).get()
        let partners = recommendation.partners.texts(for: pacific.facts)
        let mainland = recommendation.partners.texts(for: try ProfileLoader.override(loaded, with: ["outreMer=non", "departement=Ardèche", "region=Auvergne-Rhône-Alpes"]).get().facts)
        #expect(mainland.contains { $0.contains("départemental d'incendie") }, "\(mainland)")
        #expect(!partners.contains { $0.contains("départemental d'incendie") }, "\(partners)")
        #expect(partners.contains { $0.contains("haut-commissariat") }, "\(partners)")
    }
}
