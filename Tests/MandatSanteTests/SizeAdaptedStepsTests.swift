@testable import MandatSante
import Testing

/// The first steps of the rule base fit the size of the territory: a village is not told to amend its PLH, to
/// negotiate with social landlords or to have its services write a grid, and a town still is.
@Suite("Premiers pas à la mesure du territoire")
struct SizeAdaptedStepsTests {
    static func steps(_ id: String, for spec: Fixture.ProfileSpec) throws -> [String] {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let recommendation = try #require(ruleBase.recommendation(id))
        return recommendation.steps.texts(for: try Fixture.profile(spec, in: ruleBase).facts)
    }

    static let village = Fixture.ProfileSpec(population: 420, engineeringStaff: 0)
    static let town = Fixture.ProfileSpec(name: "Bourg-Centre", population: 8_000, density: "petite-ville", engineeringStaff: 3)

    @Test("ni PLH, ni bailleurs sociaux, ni services pour un village ; ses besoins remontent à l'intercommunalité")
    func housing() throws {
        let village = try Self.steps("logement-adapte-vieillissement", for: Self.village)
        #expect(!village.contains { $0.contains("PLH et les opérations") || $0.hasPrefix("Convenir avec les bailleurs sociaux") })
        #expect(village.contains { $0.hasPrefix("Faire remonter à l'intercommunalité") })
        let town = try Self.steps("logement-adapte-vieillissement", for: Self.town)
        #expect(town.contains { $0.contains("PLH") } && town.contains { $0.hasPrefix("Convenir avec les bailleurs sociaux") })
        #expect(!town.contains { $0.hasPrefix("Faire remonter à l'intercommunalité") })
    }

    @Test("la grille « santé » des projets : les services d'une ville, le secrétariat de mairie d'un village")
    func projectGrid() throws {
        #expect(try Self.steps("reflexe-sante-projets", for: Self.village).first?.hasPrefix("Écrire avec le secrétariat de mairie") == true)
        #expect(try Self.steps("reflexe-sante-projets", for: Self.town).first?.hasPrefix("Élaborer avec les services") == true)
    }

    @Test("sans agent, pas d'agent à désigner : l'intercommunalité tient le rôle technique")
    func noStaff() throws {
        let steps = try Self.steps("elu-referent-sante", for: Self.village)
        #expect(!steps.contains { $0.hasPrefix("Désigner l'agent") })
        #expect(steps.contains { $0.contains("demander à l'intercommunalité de tenir ou d'appuyer ce rôle technique") })
    }

    @Test("sans agent, l'ambition du mandat tient dans le pilotage : un engagement d'une page voté par le conseil municipal, son point chaque année ; une commune qui a un agent garde l'ambition à part")
    func noStaffFoldsTheAmbition() throws {
        let village = try Self.steps("elu-referent-sante", for: Self.village)
        #expect(village.filter { $0.hasPrefix("Faire adopter par le conseil municipal un engagement santé d'une page") && $0.contains("chaque année en conseil municipal") }.count == 1)
        #expect(village.count <= 6)
        let town = try Self.steps("elu-referent-sante", for: Self.town)
        #expect(!town.contains { $0.contains("engagement santé") })
        let document = try ExampleSynthesisTests.document("tres-petite-commune-rurale")
        #expect(document.card("ambition-politique-sante") == nil)
        #expect(document.card("elu-referent-sante")?.title == "Installer le pilotage santé du mandat : un élu référent, un engagement voté par le conseil et l'appui de l'intercommunalité")
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        #expect(document.cards.filter { ruleBase.recommendation($0.id)?.lever == "methode-mandat" }.map(\.id) == ["elu-referent-sante"])
        #expect(try ExampleSynthesisTests.document("village-rural-zip").card("ambition-politique-sante") != nil)
    }

    @Test("un CLS porté par un pays : la commune rejoint son comité de pilotage ; sans démarche intercommunale, elle la propose")
    func clsCarriedByAPays() throws {
        let pays = try Self.steps("agir-echelle-intercommunale", for: Fixture.ProfileSpec(population: 4_200, density: "bourg-rural", cls: "en-vigueur", clsCarrier: "pays"))
        #expect(pays.contains { $0.hasPrefix("Demander au pays ou au PETR que la commune siège au comité de pilotage du CLS") })
        #expect(!pays.contains { $0.contains("mission santé de l'intercommunalité") || $0.contains("avec les communes voisines, demander que l'intercommunalité engage") })
        let alone = try Self.steps("agir-echelle-intercommunale", for: Fixture.ProfileSpec(population: 4_200, density: "bourg-rural"))
        #expect(alone.contains { $0.contains("avec les communes voisines, demander que l'intercommunalité engage un diagnostic local de santé") })
        #expect(!alone.contains { $0.contains("pays ou le PETR") || $0.contains("mission santé de l'intercommunalité") })
    }

    @Test("le bus de santé : une commune le propose à son intercommunalité, une intercommunalité à ses communes")
    func mobileUnitAtTheRightLevel() throws {
        let commune = try Self.steps("medicobus-aller-vers", for: Self.village)
        #expect(commune.contains { $0.hasPrefix("Proposer à l'intercommunalité un circuit commun") })
        #expect(commune.contains { $0.contains("secrétariat de mairie") })
        let community = try Self.steps("medicobus-aller-vers", for: Fixture.ProfileSpec(name: "Communauté du Val", kind: "communaute-de-communes", population: 24_000))
        #expect(community.contains { $0.hasPrefix("Proposer aux communes membres un circuit commun") })
        #expect(!community.contains { $0.contains("Proposer à l'intercommunalité") || $0.contains("secrétariat de mairie") })
        let city = try Self.steps("medicobus-aller-vers", for: Fixture.ProfileSpec(name: "Grande-Ville", population: 40_000, density: "centre-urbain-intermediaire"))
        #expect(city.contains { $0.hasPrefix("Choisir avec l'opérateur des arrêts à jours fixes dans les quartiers") })
        #expect(!city.contains { $0.contains("dans chaque commune") || $0.contains("secrétariat de mairie") })
    }

    static let community = Fixture.ProfileSpec(name: "Communauté du Val", kind: "communaute-de-communes", population: 24_000, density: "bourg-rural", engineeringStaff: 2)

    @Test("une commune et une intercommunalité ne reçoivent pas les mêmes mots : adjoint ou vice-président, conseil municipal ou communautaire")
    func communeOrCommunity() throws {
        let commune = Self.town, community = Self.community
        let referent = try Self.steps("elu-referent-sante", for: commune), referentEPCI = try Self.steps("elu-referent-sante", for: community)
        #expect(referent.contains { $0.contains("une adjointe ou un adjoint") } && !referent.contains { $0.contains("vice-président") })
        #expect(referentEPCI.contains { $0.contains("une vice-présidente ou un vice-président") } && !referentEPCI.contains { $0.contains("adjoint") })
        let hospital = try Self.steps("hopital-conseil-surveillance", for: commune), hospitalEPCI = try Self.steps("hopital-conseil-surveillance", for: community)
        #expect(hospital.contains { $0.contains("que le conseil municipal a élus") } && hospitalEPCI.contains { $0.contains("désignés par le conseil communautaire") })
        #expect(!(hospital + hospitalEPCI).contains { $0.contains("municipal ou communautaire") || $0.contains("à la ville et à l'hôpital") })
        // What a commune reads never explains what an intercommunality would do, and the reverse.
        for id in ["acces-soins-transport", "formation-cnfpt-agents", "cls-engager"] {
            #expect(!(try Self.steps(id, for: commune)).contains { $0.contains("communes membres") || $0.contains("pour une intercommunalité") }, "\(id)")
        }
        #expect(try Self.steps("acces-soins-transport", for: community).first?.hasPrefix("Recenser les besoins avec le CIAS ou les CCAS des communes membres") == true)
        #expect(try Self.steps("cls-engager", for: community).contains { $0.contains("maires des communes membres") })
        #expect(!(try Self.steps("msp-conforter-existante", for: community)).contains { $0.contains("avec l'intercommunalité") })
        #expect(!(try Self.steps("cls-engager", for: community)).contains { $0.contains("achever") })
    }

    @Test("les cours d'école : la commune les transforme, l'intercommunalité appuie ses communes ; pas deux fois l'école en projet")
    func schoolYards() throws {
        let metropole = try Self.steps("ilots-chaleur-ombre", for: Fixture.ProfileSpec(name: "Métropole", kind: "metropole", population: 520_000, density: "grand-centre-urbain"))
        #expect(metropole.contains { $0.contains("communes membres, qui ont la charge des écoles") })
        #expect(!metropole.contains { $0.hasPrefix("Transformer en priorité") })
        var renovating = Self.town
        renovating.plannedProjects = ["renovation-ecole"]
        let town = try Self.steps("ilots-chaleur-ombre", for: renovating)
        #expect(town.contains { $0.hasPrefix("Après l'école en projet") } && !town.contains { $0.hasPrefix("Transformer en priorité") })
    }

    @Test("une commune dont l'intercommunalité porte la santé s'y inscrit, sans demander qu'on l'inscrive à l'ordre du jour ; le programme dont elle est lauréate, seul")
    func joiningTheIntercommunality() throws {
        var joining = Fixture.ProfileSpec(population: 2_800, intercommunalHealth: true)
        joining.programmes = ["villages-d-avenir"]
        let steps = try Self.steps("agir-echelle-intercommunale", for: joining)
        #expect(!steps.contains { $0.hasPrefix("Demander l'inscription de la santé à l'ordre du jour") })
        #expect(steps.contains { $0.hasPrefix("Demander à être associée à la démarche de santé de l'intercommunalité") })
        #expect(steps.contains { $0.contains("accompagnement Villages d'avenir") && $0.contains("chef de projet") } && !steps.contains { $0.contains("Petites Villes de Demain") })
    }

    @Test("la cheffe ou le chef de projet du programme : une fois, nommé — au pilotage d'une intercommunalité, dans la démarche intercommunale d'une commune")
    func programmeProjectLeadOnce() throws {
        var town = Self.town
        town.programmes = ["petites-villes-de-demain"]
        let pilot = try Self.steps("elu-referent-sante", for: town), joining = try Self.steps("agir-echelle-intercommunale", for: town)
        #expect(!pilot.contains { $0.contains("chef de projet") })
        #expect(joining.filter { $0.contains("chef de projet Petites Villes de Demain") }.count == 1)
        var community = Fixture.ProfileSpec(name: "Communauté du Val", kind: "communaute-de-communes", population: 24_000, engineeringStaff: 2)
        community.programmes = ["petites-villes-de-demain"]
        let epci = try Self.steps("elu-referent-sante", for: community)
        #expect(epci.contains { $0.contains("chefs de projet Petites Villes de Demain") })
        #expect(!epci.contains { $0.contains("du programme de l'État dont le territoire est lauréat") })
    }

    @Test("l'ambition, le budget du centre de santé et le conseil de surveillance : le conseil municipal d'une commune, le conseil communautaire d'une intercommunalité, jamais « l'assemblée délibérante »")
    func councilOfTheLevel() throws {
        let community = Fixture.ProfileSpec(name: "Communauté du Val", kind: "communaute-de-communes", population: 24_000)
        for id in ["ambition-politique-sante", "centre-sante-consolider", "hopital-conseil-surveillance"] {
            let commune = try Self.steps(id, for: Self.town), epci = try Self.steps(id, for: community)
            #expect(commune.contains { $0.contains("conseil municipal") } && !commune.contains { $0.contains("conseil communautaire") }, "\(id)")
            #expect(epci.contains { $0.contains("conseil communautaire") } && !epci.contains { $0.contains("conseil municipal") }, "\(id)")
            #expect(!(commune + epci).contains { $0.contains("assemblée délibérante") }, "\(id)")
        }
    }

    @Test("les indicateurs du mandat : deux ou trois suivis en mairie au village, cinq à huit avec l'ORS en ville ; le CCAS d'une ville existe")
    func indicatorsAndRegister() throws {
        let village = try Self.steps("ambition-politique-sante", for: Self.village)
        #expect(village.contains { $0.hasPrefix("Retenir deux ou trois indicateurs simples") })
        #expect(!village.contains { $0.contains("cinq à huit indicateurs") || $0.contains("direction générale des services") })
        let town = try Self.steps("ambition-politique-sante", for: Self.town)
        #expect(town.contains { $0.hasPrefix("Retenir cinq à huit indicateurs") } && !town.contains { $0.contains("deux ou trois indicateurs simples") })
        #expect(try Self.steps("canicule-personnes-vulnerables", for: Self.village).first?.contains("s'il n'y en a pas, le secrétariat de mairie") == true)
        #expect(!(try Self.steps("canicule-personnes-vulnerables", for: Self.town)).contains { $0.contains("secrétariat de mairie") })
    }

    /// Partners are printed in a line after « Partenaires : », joined by « ; »: a common noun keeps its small
    /// letter there (« conseil départemental », « préfecture »), a proper name its capital.
    @Test("les partenaires : un nom commun sans majuscule au fil de la ligne")
    func partnersInLowerCase() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let common = ["Conseil départemental", "Conseil régional", "Préfecture", "Associations", "Bailleurs", "Services", "Observatoire",
                      "Intercommunalité", "Communes", "Centres sociaux", "Professionnels", "Psychiatrie", "Clubs", "Mission locale"]
        for recommendation in ruleBase.recommendations {
            for partner in recommendation.partners.allTexts {
                #expect(!common.contains { partner == $0 || partner.hasPrefix($0 + " ") }, "« \(partner) » (\(recommendation.id))")
            }
        }
    }

    @Test("le dispositif de participation : un diagnostic en marchant au village, l'enquête et les groupes de discussion en ville")
    func participation() throws {
        let village = try Self.steps("participation-habitants-diagnostic", for: Fixture.ProfileSpec(population: 420))
        #expect(village.count == 3 && !village.contains { $0.contains("questionnaire") || $0.contains("groupes de discussion") })
        let city = try Self.steps("participation-habitants-diagnostic", for: Fixture.ProfileSpec(name: "Grande-Ville", population: 30_000, density: "centre-urbain-intermediaire"))
        #expect(city.count == 5 && city.contains { $0.contains("questionnaire") } && city.contains { $0.contains("groupes de discussion") })
    }
}

/// What a consultant reading a whole roadmap objects to: a partner the territory does not have, a framework that does
/// not exist yet, a city told about its « mairies » or its « centre-bourg », the same meeting with the hospital twice.
@Suite("Ce qu'un consultant relève à la lecture")
struct ReaderWordingTests {
    static func texts(_ id: String, for spec: Fixture.ProfileSpec) throws -> [String] {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let recommendation = try #require(ruleBase.recommendation(id))
        let facts = try Fixture.profile(spec, in: ruleBase).facts
        return recommendation.steps.texts(for: facts) + recommendation.partners.texts(for: facts) + recommendation.funding.texts(for: facts)
    }

    static let city = Fixture.ProfileSpec(name: "Grande-Ville", population: 32_000, density: "centre-urbain-intermediaire", engineeringStaff: 3)

    @Test("la prévention : ni CPTS ni CLS là où il n'y en a pas ; inscrite au CLS là où il existe")
    func preventionBuildsOnWhatExists() throws {
        var none = Self.city
        (none.cpts, none.msp, none.cls) = (false, false, "aucun")
        let bare = try Self.texts("prevention-primaire-collective", for: none)
        #expect(!bare.contains { $0.contains("CPTS") || $0.contains("maisons de santé") || $0.contains("quand il existe") }, "\(bare)")
        #expect(bare.contains { $0.contains("contrat local de santé en préparation ou à venir") } && bare.contains { $0.contains("URPS") })
        var equipped = Self.city
        (equipped.cpts, equipped.msp, equipped.cls) = (true, true, "en-vigueur")
        let full = try Self.texts("prevention-primaire-collective", for: equipped)
        #expect(full.contains { $0.hasSuffix("et l'inscrire dans le contrat local de santé.") } && full.contains("CPTS et maisons de santé"))
    }

    @Test("une ville a un CCAS, une mairie et des quartiers ; une intercommunalité des CIAS ou CCAS et des mairies")
    func cityOrCommunity() throws {
        let ids = ["participation-habitants-diagnostic", "diagnostic-sante-partage", "acces-aux-droits-sante", "bien-vieillir-strategie-territoriale"]
        for id in ids {
            let city = try Self.texts(id, for: Self.city)
            #expect(!city.contains { $0.contains("CIAS") || $0.contains("les mairies") || $0.contains("centre-bourg") }, "\(id)")
        }
        let community = try Self.texts("acces-aux-droits-sante", for: SizeAdaptedStepsTests.community)
        #expect(community.contains { $0.contains("CIAS") })
    }

    @Test("une ville siège de l'hôpital part de ce qu'elle a fixé au conseil de surveillance, sans rencontrer la direction une seconde fois")
    func hospitalTown() throws {
        var hospitalTown = Self.city
        hospitalTown.hospitalRole = "etablissement-support-ght"
        let steps = try SizeAdaptedStepsTests.steps("cooperation-ville-hopital", for: hospitalTown)
        #expect(steps.first?.hasPrefix("Partir des sujets retenus avec la direction au conseil de surveillance") == true)
        #expect(!steps.contains { $0.hasPrefix("Rencontrer la direction") || $0.contains("hôpital de proximité") })
    }

    @Test("l'élu référent : l'agent qui le seconde est formé, sans « s'il y en a un » après l'avoir désigné")
    func referentsAgent() throws {
        for spec in [Self.city, SizeAdaptedStepsTests.village] {
            #expect(!(try SizeAdaptedStepsTests.steps("elu-referent-sante", for: spec)).contains { $0.contains("s'il y en a un") })
        }
    }

    @Test("le financement principal d'une fiche est un financement : le FIR avant « aucun financement spécifique »")
    func fundingFirst() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        // The FIR funds residents' voice that feeds a CLS's diagnostic: a city with a CLS.
        var city = Self.city
        city.cls = "en-vigueur"
        let facts = try Fixture.profile(city, in: ruleBase).facts
        let participation = try #require(ruleBase.recommendation("participation-habitants-diagnostic"))
        #expect(participation.funding.texts(for: facts).first?.hasPrefix("ARS – fonds d'intervention régional") == true)
    }

    @Test("la liste des sources : un éditeur sans parenthèses, pour ne pas en ouvrir deux l'une dans l'autre")
    func publishersWithoutParentheses() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        for document in ruleBase.sources {
            #expect(!document.publisher.contains("(") && !document.shortTitle.hasSuffix(")"), "\(document.id) : \(document.publisher)")
        }
    }
}

/// Overseas, the Assurance Maladie is a CGSS (or the CSSM in Mayotte), not a CPAM, and the ARS has no « délégation
/// départementale » as in mainland France: no first step or partner of the rule base reads as if written for
/// mainland France only, and mainland cards keep the department delegation.
@Suite("Premiers pas et partenaires outre-mer")
struct OverseasWordingTests {
    /// Whether `recommendation` may print in a territory whose fact `outreMer` is `place`: not when its condition
    /// starts by naming another place (« outreMer == 'non' » for the tiger mosquito's card, « outreMer ==
    /// 'reunion' » for La Réunion's nutrition card), nor, in the Pacific, when it says « not
    /// collectivite-du-pacifique ».
    static func mayPrint(_ recommendation: Recommendation, in place: String) -> Bool {
        let condition = recommendation.conditionText.text
        if place == "pacifique", condition.contains("not collectivite-du-pacifique") { return false }
        guard condition.hasPrefix("outreMer == '"), let value = condition.dropFirst("outreMer == '".count).split(separator: "'").first
        else { return true }
        return value == place
    }

    static func texts(for spec: Fixture.ProfileSpec) throws -> [(id: String, text: String)] {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let facts = try Fixture.profile(spec, in: ruleBase).facts
        // A card for mainland France only (the tiger mosquito's) keeps its mainland partners.
        return ruleBase.recommendations.filter { mayPrint($0, in: spec.outreMer ?? "non") && !$0.conditionText.text.hasPrefix("outreMer == 'non'") }.flatMap { recommendation in
            (recommendation.steps.texts(for: facts) + recommendation.partners.texts(for: facts)).map { (recommendation.id, $0) }
        }
    }

    @Test("outre-mer : ni « délégation départementale » de l'ARS, ni CPAM sans la CGSS")
    func overseas() throws {
        let texts = try Self.texts(for: Fixture.ProfileSpec(name: "Saint-Pierre", population: 32_000, density: "centre-urbain-intermediaire", outreMer: "reunion"))
        let mainlandOnly = texts.filter { $0.text.contains("délégation départementale") || ($0.text.contains("CPAM") && !$0.text.contains("CGSS")) }
        #expect(mainlandOnly.isEmpty, "\(mainlandOnly.prefix(5).map { "\($0.id) : \($0.text)" })")
    }

    @Test("dans les départements d'outre-mer, ni CARSAT, ni MSA, ni CPAM dans l'en-tête, « Pourquoi », un premier pas, un partenaire, un financement ou un indicateur : la CGSS, à Mayotte la CSSM")
    func overseasDepartmentsFunds() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        // Cards for mainland France or for the Pacific only never print in an overseas département.
        let printable = ruleBase.recommendations.filter { !$0.conditionText.text.hasPrefix("outreMer == ") }
        func lines(_ outreMer: String, population: Int) throws -> [(id: String, text: String)] {
            let spec = Fixture.ProfileSpec(name: "Saint-Test", population: population, density: "bourg-rural", outreMer: outreMer)
            let facts = try Fixture.profile(spec, in: ruleBase).facts
            return printable.flatMap { recommendation in
                ([recommendation.carriedBy, recommendation.why].compactMap { $0 } + recommendation.steps.texts(for: facts)
                    + recommendation.partners.texts(for: facts) + recommendation.funding.texts(for: facts) + recommendation.indicators)
                    .map { (id: recommendation.id, text: $0) }
            }
        }
        func names(_ text: String) -> Bool {
            ["CARSAT", "Carsat", "MSA", "CPAM"].contains { word in
                text.ranges(of: word).contains { range in
                    let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
                    let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
                    return !(before?.isLetter ?? false) && !(after?.isLetter ?? false)
                }
            }
        }
        for outreMer in ["antilles", "guyane", "reunion", "mayotte"] {
            // A village (steps for small communes) and a town (steps for 10,000 inhabitants or more).
            for population in [1_200, 24_000] {
                let all = try lines(outreMer, population: population)
                let wrong = all.filter { names($0.text) }
                #expect(wrong.isEmpty, "\(outreMer), \(population) : \(wrong.prefix(6).map { "\($0.id) : \($0.text.prefix(110))" })")
                let body = outreMer == "mayotte" ? "caisse de sécurité sociale de Mayotte (CSSM)" : "caisse générale de sécurité sociale (CGSS)"
                #expect(all.filter { $0.text.contains(body) }.count >= 6, "\(outreMer), \(population)")
                let insurer = outreMer == "mayotte" ? "Assurance Maladie (CSSM)" : "Assurance Maladie (CGSS)"
                #expect(all.filter { $0.text == insurer }.count >= 15, "\(outreMer), \(population)")
            }
        }
        // Mainland France keeps its retirement funds; Saint-Pierre-et-Miquelon gets its own fund, unnamed.
        let mainland = try lines("non", population: 1_200)
        #expect(mainland.filter { $0.text.contains("CARSAT") }.count >= 8)
        #expect(!mainland.contains { $0.text.contains("CGSS") && !$0.text.contains("CPAM") })
        let archipelago = try lines("saint-pierre-et-miquelon", population: 1_200)
        #expect(!archipelago.contains { names($0.text) || $0.text.contains("CGSS") })
        #expect(archipelago.filter { $0.text.contains("caisse de sécurité sociale du territoire, qui gère aussi les retraites") }.count >= 6)
    }

    @Test("pourquoi le Pacifique et Saint-Pierre-et-Miquelon n'ont pas de CPTS : dit là-bas, pas à un village de l'Hexagone ni à Saint-Martin")
    func overseasCPTSAside() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        for id in ["cpts-soutenir-emergence", "agir-echelle-intercommunale"] {
            let recommendation = try #require(ruleBase.recommendation(id))
            // Saint-Pierre-et-Miquelon has two communes and no intercommunality: the intercommunal card never
            // applies there (its condition), so it carries the archipelago's CPTS aside no more.
            let archipelago = id == "cpts-soutenir-emergence"
            for (outreMer, printed) in [("non", false), ("reunion", false), ("saint-pierre-et-miquelon", archipelago), ("pacifique", true), ("autre", false)] {
                let facts = try Fixture.profile(Fixture.ProfileSpec(population: 420, outreMer: outreMer), in: ruleBase).facts
                #expect(recommendation.prints(fact: "cpts-outre-mer-2024", for: facts) == printed, "\(id), \(outreMer)")
                #expect(recommendation.prints(fact: "cpts-couverture-2024", for: facts), "\(id), \(outreMer)")
            }
        }
    }

    @Test("à Saint-Pierre-et-Miquelon, l'administration territoriale de santé tient le rôle de l'ARS")
    func saintPierreEtMiquelon() throws {
        // Vector control never applies there (no Aedes vector): its partner lines are not read.
        let texts = try Self.texts(for: Fixture.ProfileSpec(name: "Miquelon", population: 5_500, density: "bourg-rural", outreMer: "saint-pierre-et-miquelon"))
            .filter { $0.id != "lutte-antivectorielle-outre-mer" }
        #expect(texts.filter { $0.text.hasPrefix("administration territoriale de santé (ATS)") }.count >= 40)
        #expect(!texts.contains { $0.text == "ARS" || $0.text.hasPrefix("ARS (") }, "\(texts.filter { $0.text == "ARS" || $0.text.hasPrefix("ARS (") }.prefix(3).map { "\($0.id) : \($0.text)" })")
        let reunion = try Self.texts(for: Fixture.ProfileSpec(name: "Saint-Pierre", population: 32_000, density: "centre-urbain-intermediaire", outreMer: "reunion"))
        #expect(!reunion.contains { $0.text.contains("administration territoriale de santé") })
    }

    @Test("dans le Pacifique, ni ARS ni CPAM : l'autorité de santé et la protection sociale du territoire ; à Saint-Martin, l'ARS")
    func pacific() throws {
        let texts = try Self.texts(for: Fixture.ProfileSpec(name: "Nouméa-Sud", population: 12_000, density: "petite-ville", outreMer: "pacifique"))
        let national = texts.filter { $0.text == "ARS" || $0.text.hasPrefix("ARS (") || $0.text.contains("CPAM") || $0.text.hasPrefix("Assurance Maladie (") }
        #expect(national.isEmpty, "\(national.prefix(3).map { "\($0.id) : \($0.text)" })")
        #expect(texts.filter { $0.text.hasPrefix("autorité de santé du territoire") }.count >= 40)
        #expect(texts.contains { $0.text.hasPrefix("protection sociale du territoire : CAFAT") })
        // The Pacific's own first decision never applies there: its lines are not read.
        let saintMartin = try Self.texts(for: Fixture.ProfileSpec(name: "Marigot", population: 32_000, density: "centre-urbain-intermediaire", outreMer: "autre"))
            .filter { $0.id != "pacifique-cadre-sanitaire" }
        #expect(saintMartin.filter { $0.text == "ARS" }.count >= 40)
        #expect(!saintMartin.contains { $0.text.hasPrefix("autorité de santé du territoire") })
    }

    @Test("dans le Pacifique, ni l'ARS, ni son fonds d'intervention régional, ni l'Assurance Maladie comme financeur ou dans un premier pas : l'autorité de santé du territoire ; à Saint-Martin, le FIR reste")
    func pacificFundersAndSteps() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        // Every card but those that never apply in the Pacific (their condition says so).
        func lines(_ outreMer: String) throws -> [(id: String, text: String)] {
            let spec = Fixture.ProfileSpec(name: "Faa'a-Test", population: 30_000, density: "centre-urbain-intermediaire", outreMer: outreMer)
            let facts = try Fixture.profile(spec, in: ruleBase).facts
            return ruleBase.recommendations.filter { Self.mayPrint($0, in: "pacifique") }.flatMap { recommendation in
                (recommendation.steps.texts(for: facts) + recommendation.funding.texts(for: facts)).map { (recommendation.id, $0) }
            }
        }
        let replaced = Set(try #require(ruleBase.recommendation("pacifique-cadre-sanitaire")).replaces)
        let pacific = try lines("pacifique").filter { !replaced.contains($0.id) }
        let national = pacific.filter { line in
            ["l'ARS", "ARS –", "ARS et", "(FIR)", "Assurance Maladie –", "l'Assurance Maladie", "caisse d'Assurance Maladie", "CARSAT", "la MSA"].contains { line.text.contains($0) }
                && !line.text.contains("n'existe pas dans le Pacifique") && !line.text.contains("dans le Pacifique)")
        }
        #expect(national.isEmpty, "\(national.prefix(5).map { "\($0.id) : \($0.text)" })")
        let funders = pacific.filter { $0.text.hasPrefix("Autorité de santé du territoire – ") }
        #expect(funders.count >= 30, "\(funders.count)")
        let saintMartin = try lines("autre")
        #expect(saintMartin.filter { $0.text.hasPrefix("ARS – fonds d'intervention régional (FIR)") }.count >= 30)
        #expect(!saintMartin.contains { $0.text.hasPrefix("Autorité de santé du territoire") })
    }

    @Test("dans le Pacifique, ni l'en-tête « porté par », ni « Pourquoi », ni un partenaire, ni un indicateur ne nomment l'ARS, son FIR, l'Assurance Maladie, la CPAM, la CARSAT ou la MSA")
    func pacificCarriersReasonsAndPartners() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let facts = try Fixture.profile(Fixture.ProfileSpec(name: "Papeete-Test", population: 26_000, density: "centre-urbain-intermediaire", outreMer: "pacifique"), in: ruleBase).facts
        let replaced = Set(try #require(ruleBase.recommendation("pacifique-cadre-sanitaire")).replaces)
        // Cards that can print in the Pacific: their condition does not exclude it, the Pacific card does not replace them.
        let printable = ruleBase.recommendations.filter {
            Self.mayPrint($0, in: "pacifique") && !replaced.contains($0.id)
        }
        let national = ["ARS", "FIR", "CPAM", "CARSAT", "Carsat", "MSA", "Assurance Maladie", "fonds d'intervention régional"]
        func names(_ text: String) -> Bool {
            national.contains { word in
                text.ranges(of: word).contains { range in
                    // A whole word: « ARS » but not « MARS », « MSA » but not « MSAP ».
                    let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
                    let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
                    return !(before?.isLetter ?? false) && !(after?.isLetter ?? false)
                }
            } && !text.contains("n'existe pas dans le Pacifique") && !text.contains("ne relève pas d'une ARS") && !text.contains("Il n'y a ni ARS")
                // Neither an actor nor a funder there: a quoted speaker, the history of a national agreement.
                && !text.contains("de l'ARS Nouvelle-Aquitaine observe") && !text.contains("l'ARS et le CNFPT de Provence-Alpes-Côte d'Azur ont signé")
        }
        let lines = printable.flatMap { recommendation in
            ([recommendation.carriedBy, recommendation.why].compactMap { $0 } + recommendation.partners.texts(for: facts) + recommendation.indicators)
                .map { (id: recommendation.id, text: $0) }
        }
        let wrong = lines.filter { names($0.text) }
        #expect(wrong.isEmpty, "\(wrong.prefix(8).map { "\($0.id) : \($0.text.prefix(120))" })")
        // Mainland cards keep the retirement funds and the ARS.
        let mainland = try Fixture.profile(Fixture.ProfileSpec(name: "Bourg-Centre", population: 8_000, density: "petite-ville"), in: ruleBase).facts
        #expect(printable.flatMap { $0.partners.texts(for: mainland) }.filter { $0.contains("CARSAT") }.count >= 6)
    }

    @Test("dans le Pacifique, ni « conseil départemental » dans un premier pas, un partenaire ou un financement, ni le zonage des ARS au portrait : la province ou les services du territoire")
    func pacificHasNoDepartment() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let replaced = Set(try #require(ruleBase.recommendation("pacifique-cadre-sanitaire")).replaces)
        let printable = ruleBase.recommendations.filter {
            Self.mayPrint($0, in: "pacifique") && !replaced.contains($0.id)
        }
        func lines(_ outreMer: String, population: Int) throws -> [(id: String, text: String)] {
            let facts = try Fixture.profile(Fixture.ProfileSpec(name: "Test-Pacifique", population: population, density: "bourg-rural", outreMer: outreMer), in: ruleBase).facts
            return printable.flatMap { recommendation in
                ([recommendation.carriedBy].compactMap { $0 } + recommendation.steps.texts(for: facts) + recommendation.partners.texts(for: facts)
                    + recommendation.funding.texts(for: facts)).map { (id: recommendation.id, text: $0) }
            }
        }
        for population in [1_200, 24_000] {
            let pacific = try lines("pacifique", population: population)
            let wrong = pacific.filter { $0.text.contains("onseil départemental") || $0.text.contains("Conférence des financeurs") }
            #expect(wrong.isEmpty, "\(population) : \(wrong.prefix(6).map { "\($0.id) : \($0.text.prefix(110))" })")
            #expect(pacific.filter { $0.text.contains("province ou services sociaux du territoire") }.count >= 5, "\(population)")
            #expect(pacific.contains { $0.text == "ordre des médecins du territoire" })
            // La Réunion keeps its conseil départemental.
            let reunion = try lines("reunion", population: population)
            #expect(reunion.filter { $0.text.contains("conseil départemental") }.count >= 5, "\(population)")
            #expect(!reunion.contains { $0.text.contains("province ou services") || $0.text.contains("ordre des médecins du territoire") })
        }
        // The portrait says nothing of a zoning that does not exist there, known or not; it still does elsewhere.
        for (outreMer, zoning, said) in [("pacifique", nil, false), ("pacifique", "aucun", false), ("reunion", nil, true), ("non", "zac", true)] {
            var spec = Fixture.ProfileSpec(name: "Test-Portrait", population: 9_000, density: "petite-ville", outreMer: outreMer)
            if let zoning { spec.medicalZoning = zoning }
            let profile = try Fixture.profile(spec, in: ruleBase)
            let capacity = Capacity(population: 9_000, engineeringStaff: 1, phases: try MandateCalendar(start: YearMonth(year: 2026, month: 12)).phases)
            let access = TerritoryPortrait(profile: profile, capacity: capacity, layout: ruleBase.portrait).lines.first { $0.label == "Accès aux soins" }?.text ?? ""
            #expect((access.contains("zonage") || access.contains("(ZAC)")) == said, "\(outreMer), \(zoning ?? "-") : \(access)")
        }
    }

    @Test("dans l'Hexagone, l'ARS reste celle de la délégation départementale")
    func mainland() throws {
        let texts = try Self.texts(for: Fixture.ProfileSpec(name: "Bourg-Centre", population: 8_000, density: "petite-ville"))
        #expect(texts.filter { $0.text == "ARS (délégation départementale)" }.count >= 40)
        #expect(!texts.contains { $0.text.contains("CGSS") && !$0.text.contains("CPAM") })
    }
}
