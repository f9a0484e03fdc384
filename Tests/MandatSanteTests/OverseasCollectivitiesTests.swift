@testable import MandatSante
import Testing

/// Overseas, the bodies a card names are the territory's own: in Martinique and French Guiana one collectivité
/// territoriale (CTM, CTG) holds the powers of the département and the région; in Mayotte the Département holds the
/// région's; the Olympic movement is a regional or territorial committee (CROS, CTOS), not a departmental one; and a
/// figure counted for mainland France is not printed for an overseas commune.
@Suite("Collectivités et repères outre-mer")
struct OverseasCollectivitiesTests {
    /// Every step, partner and funding line of the rule base that holds for `spec`, of the cards that may print there.
    static func lines(_ spec: Fixture.ProfileSpec) throws -> [(id: String, text: String)] {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let facts = try Fixture.profile(spec, in: ruleBase).facts
        // A card for one territory only (French Guiana's hospital centre) is read where it can print.
        return ruleBase.recommendations.filter { OverseasWordingTests.mayPrint($0, in: spec.outreMer ?? "non") }.flatMap { recommendation in
            (recommendation.steps.texts(for: facts) + recommendation.partners.texts(for: facts) + recommendation.funding.texts(for: facts))
                .map { (id: recommendation.id, text: $0) }
        }
    }

    static func spec(_ outreMer: String, departement: String? = nil, population: Int = 24_000) -> Fixture.ProfileSpec {
        Fixture.ProfileSpec(name: "Saint-Test", population: population, density: "petite-ville", priorities: ["bien-vieillir"],
                            share75Plus: 14, outreMer: outreMer, plannedProjects: ["maison-de-sante", "equipement-sportif"],
                            medicalZoning: "zip", departement: departement, region: departement)
    }

    /// « conseil départemental » as the collectivity, not the Ordre des médecins' council, which exists everywhere.
    static func namesDepartementalCouncil(_ text: String) -> Bool {
        text.replacingOccurrences(of: "conseil départemental de l'Ordre", with: "").contains("conseil départemental")
    }

    @Test("Martinique et Guyane : la collectivité territoriale (CTM, CTG), ni conseil départemental ni conseil régional")
    func singleCollectivity() throws {
        for (outreMer, departement, body, other) in [("antilles", "Martinique", "Collectivité territoriale de Martinique", "Guyane"),
                                                      ("guyane", "Guyane", "Collectivité territoriale de Guyane", "Martinique")] {
            for population in [2_000, 24_000] {
                let lines = try Self.lines(Self.spec(outreMer, departement: departement, population: population))
                let wrong = lines.filter { Self.namesDepartementalCouncil($0.text) || $0.text.contains("conseil régional") || $0.text.contains(other) }
                #expect(wrong.isEmpty, "\(departement) : \(wrong.prefix(4).map { "\($0.id) : \($0.text.prefix(100))" })")
                #expect(lines.filter { $0.text.contains(body) }.count >= 10, "\(departement), \(population)")
            }
        }
        // The partner line says which body, and a first step says what it holds.
        let martinique = try Self.lines(Self.spec("antilles", departement: "Martinique"))
        #expect(martinique.contains { $0.id == "contrat-territorial-autonomie" || $0.text == "Collectivité territoriale de Martinique (direction de l'autonomie)" })
        #expect(martinique.contains { $0.id == "region-partenaire-sante" && $0.text.hasPrefix("Repérer sur le site de la Collectivité territoriale de Martinique, qui exerce les compétences de la Région") })
    }

    @Test("Guadeloupe et La Réunion gardent conseil départemental et conseil régional ; l'Hexagone n'a pas de collectivité territoriale unique")
    func departementAndRegion() throws {
        for (outreMer, departement) in [("antilles", "Guadeloupe"), ("reunion", "La Réunion"), ("non", "Cantal")] {
            let lines = try Self.lines(Self.spec(outreMer, departement: departement))
            #expect(lines.filter { Self.namesDepartementalCouncil($0.text) }.count >= 10, "\(departement)")
            #expect(lines.contains { $0.text.hasPrefix("conseil régional") }, "\(departement)")
            // « conseil territorial de santé » is the health democracy's council, everywhere; the collectivity's council is not.
            #expect(!lines.contains { $0.text.contains("Collectivité territoriale de") || $0.text.hasPrefix("conseil territorial (") || $0.text == "conseil territorial" }, "\(departement)")
        }
    }

    @Test("un profil qui ne donne que son département ou que sa région (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte) garde toutes ses lignes")
    func departementOrRegionAlone() throws {
        for (outreMer, place) in [("antilles", "Guadeloupe"), ("antilles", "Martinique"), ("guyane", "Guyane"), ("reunion", "La Réunion"), ("mayotte", "Mayotte")] {
            let both = try Self.lines(Self.spec(outreMer, departement: place)).map(\.text)
            var departementOnly = Self.spec(outreMer, departement: place)
            departementOnly.region = nil
            var regionOnly = Self.spec(outreMer)
            regionOnly.region = place
            #expect(try Self.lines(departementOnly).map(\.text) == both, "\(place), département seul")
            #expect(try Self.lines(regionOnly).map(\.text) == both, "\(place), région seule")
        }
        // The steering committee of the diagnostic names the Guadeloupe conseil départemental with the département alone.
        var guadeloupe = Self.spec("antilles", departement: "971")
        guadeloupe.region = nil
        #expect(try Self.lines(guadeloupe).contains { $0.id == "diagnostic-sante-partage" && $0.text.contains("conseil départemental, associations") })
        // A name that contradicts the overseas situation is not carried to the other fact (the loader reports it).
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        var mainland = Fixture.ProfileSpec(outreMer: "non")
        mainland.departement = "Guadeloupe"
        let (profile, _) = ProfileLoader.load(Array(mainland.json.utf8), file: "t.json", vocabulary: ruleBase.vocabulary)
        #expect(profile == nil)
    }

    @Test("Saint-Martin, Saint-Barthélemy, Saint-Pierre-et-Miquelon : la collectivité et son conseil territorial, ni conseil départemental ni conseil régional")
    func territorialCouncil() throws {
        for (outreMer, place) in [("autre", "Saint-Martin"), ("autre", "Saint-Barthélemy"), ("saint-pierre-et-miquelon", "Saint-Pierre-et-Miquelon")] {
            for population in [600, 24_000] {
                var spec = Self.spec(outreMer, population: population)
                spec.region = place
                let lines = try Self.lines(spec)
                let wrong = lines.filter {
                    Self.namesDepartementalCouncil($0.text) || $0.text.contains("conseil régional") || $0.text.contains("et la Région")
                        || $0.text.hasPrefix("Région") || $0.text.contains("Collectivité territoriale de")
                }
                #expect(wrong.isEmpty, "\(place) : \(wrong.prefix(6).map { "\($0.id) : \($0.text.prefix(120))" })")
                #expect(lines.filter { $0.text.contains("conseil territorial") && !$0.text.contains("conseil territorial de santé") }.count >= 10, "\(place), \(population)")
            }
        }
    }

    /// Whether `text` names a body that does not exist in Saint-Pierre-et-Miquelon: an ARS (the administration
    /// territoriale de santé holds its powers, code de la santé publique, article L1441-1) or a CPAM, CARSAT, CAF or
    /// MSA (the caisse de prévoyance sociale runs every branch of the archipelago's own social-security scheme).
    static func namesMainlandBody(_ text: String) -> Bool {
        !words(text).isDisjoint(with: ["ARS", "CPAM", "CARSAT", "CAF", "MSA", "FIR"]) || text.contains("agence régionale de santé")
    }

    static func words(_ text: String) -> Set<String> { Set(text.split { !$0.isLetter }.map(String.init)) }

    @Test("Saint-Pierre-et-Miquelon : l'administration territoriale de santé (ATS) et la caisse de prévoyance sociale (CPS), ni ARS ni CPAM")
    func saintPierreEtMiquelon() throws {
        var specs: [Fixture.ProfileSpec] = []
        for population in [600, 5_500] {
            for cls in ["aucun", "en-preparation", "en-vigueur"] {
                var spec = Self.spec("saint-pierre-et-miquelon", population: population)
                spec.region = "Saint-Pierre-et-Miquelon"
                spec.cls = cls
                spec.priorities = ["acces-aux-soins", "bien-vieillir", "sante-mentale", "prevention", "enfance-jeunesse", "sante-environnementale"]
                specs.append(spec)
            }
        }
        var withTools = specs[1]
        withTools.cpts = true
        withTools.msp = true
        withTools.hospitalRole = "centre-hospitalier"
        specs.append(withTools)
        var wrong: Set<String> = []
        var authority = 0
        var fund = 0
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        for spec in specs {
            // The recommendations that apply to the archipelago (not the Hexagon's tiger mosquito).
            let facts = try Fixture.profile(spec, in: ruleBase).facts
            let applying = Set(ruleBase.recommendations.filter { $0.condition.evaluate(facts) == .true }.map(\.id))
            let lines = try Self.lines(spec).filter { applying.contains($0.id) }
            // A line naming the ATS may say that it holds the role of the ARS.
            for line in lines where Self.namesMainlandBody(line.text) && !Self.words(line.text).contains("ATS") { wrong.insert("\(line.id) : \(line.text)") }
            authority += lines.filter { Self.words($0.text).contains("ATS") }.count
            fund += lines.filter { $0.text.contains("caisse de prévoyance sociale") || $0.text.contains("CPS") }.count
        }
        #expect(wrong.isEmpty, "\(wrong.count) lignes : \(wrong.sorted().joined(separator: "\n"))")
        #expect(authority >= 50 && fund >= 10, "ATS \(authority), CPS \(fund)")
        // The same lines elsewhere keep their ARS and their CGSS.
        let guadeloupe = try Self.lines(Self.spec("antilles", departement: "Guadeloupe"))
        #expect(guadeloupe.contains { Self.words($0.text).contains("ARS") } && guadeloupe.contains { $0.text.contains("CGSS") })
        #expect(!guadeloupe.contains { Self.words($0.text).contains("ATS") || $0.text.contains("caisse de prévoyance sociale") })
    }

    @Test("Mayotte : le conseil départemental, qui exerce aussi les compétences de la Région ; pas de conseil régional, une seule caisse CSSM par fiche")
    func mayotte() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let lines = try Self.lines(Self.spec("mayotte", departement: "Mayotte"))
        #expect(!lines.contains { $0.text.contains("conseil régional") || $0.text.hasPrefix("Région") || $0.text.contains("et la Région") },
                "\(lines.filter { $0.text.contains("conseil régional") || $0.text.hasPrefix("Région") || $0.text.contains("et la Région") }.prefix(3).map(\.text))")
        #expect(lines.contains { $0.id == "region-partenaire-sante" && $0.text.hasPrefix("Repérer sur le site du Département de Mayotte, qui exerce les compétences de la Région") })
        #expect(lines.filter { Self.namesDepartementalCouncil($0.text) }.count >= 10)
        // No card names the Assurance Maladie of Mayotte twice (once by its acronym, once in full).
        let facts = try Fixture.profile(Self.spec("mayotte", departement: "Mayotte"), in: ruleBase).facts
        for recommendation in ruleBase.recommendations {
            let partners = recommendation.partners.texts(for: facts)
            #expect(Set(partners).count == partners.count, "\(recommendation.id)")
            #expect(partners.filter { $0.hasPrefix("Assurance Maladie") }.count <= 1, "\(recommendation.id) : \(partners)")
        }
    }

    @Test("outre-mer, le comité régional ou territorial olympique et sportif (CROS, CTOS) ; le comité départemental dans l'Hexagone")
    func olympicCommittees() throws {
        for outreMer in ["reunion", "antilles", "guyane", "mayotte"] {
            let lines = try Self.lines(Self.spec(outreMer, departement: outreMer == "antilles" ? "Martinique" : nil, population: 2_000))
            #expect(!lines.contains { $0.text.contains("comité départemental olympique") }, "\(outreMer)")
            #expect(lines.contains { $0.text.contains("comité régional ou territorial olympique et sportif (CROS ou CTOS)") }, "\(outreMer)")
        }
        let mainland = try Self.lines(Self.spec("non", population: 2_000))
        #expect(mainland.contains { $0.text.contains("comité départemental olympique et sportif") })
        #expect(!mainland.contains { $0.text.contains("CROS") })
    }

    @Test("un chiffre de l'Hexagone (communes de moins de 500 habitants, quartiers prioritaires) n'est pas imprimé outre-mer")
    func mainlandFigures() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let intercommunal = try #require(ruleBase.recommendation("agir-echelle-intercommunale"))
        let asv = try #require(ruleBase.recommendation("asv-creer"))
        for (outreMer, printed) in [("non", true), ("mayotte", false), ("reunion", false)] {
            let facts = try Fixture.profile(Fixture.ProfileSpec(population: 3_000, outreMer: outreMer), in: ruleBase).facts
            #expect(intercommunal.prints(fact: "petites-communes-moins-500", for: facts) == printed, "\(outreMer)")
            #expect(asv.prints(fact: "qpv-hexagone-2024", for: facts) == printed, "\(outreMer)")
        }
    }

    @Test("le village de Mayotte : ni chiffre des communes de l'Hexagone, ni ambroisie au portrait, la saison des pluies en cours a son premier pas")
    func mayotteVillage() throws {
        let document = try ExampleSynthesisTests.document("village-mayotte-zip")
        let portrait = document.portrait.lines.map(\.text).joined(separator: " ; ")
        #expect(!portrait.contains("ambroisie"), "\(portrait)")
        #expect(portrait.contains("Mayotte"))
        let cards = document.phases.flatMap(\.cards)
        let intercommunal = try #require(cards.first { $0.id == "agir-echelle-intercommunale" })
        #expect(!(intercommunal.evidence ?? "").contains("métropolitaine"), "\(intercommunal.evidence ?? "")")
        let vectors = try #require(cards.first { $0.id == "lutte-antivectorielle-outre-mer" })
        #expect(vectors.phaseID == "premiers-mois")
        #expect(vectors.steps.contains { $0.hasPrefix("Pendant chaque saison des pluies, dès que des cas sont signalés, organiser") })
        // Ragweed is said where it is reported (a mainland commune without any says nothing of it, as Mayotte).
        let mainland = try ExampleSynthesisTests.document("village-departs-cabinet")
        #expect(!mainland.portrait.lines.map(\.text).joined(separator: " ; ").contains("ambroisie"))
        let reported = try ExampleSynthesisTests.document("village-departs-cabinet", overrides: ["ambroisie=true"])
        #expect(reported.portrait.lines.map(\.text).joined(separator: " ; ").contains("présence d'ambroisie signalée"))
    }
}
