import Foundation
import MandatSante
import RuleKit
import Testing

/// Page one of example roadmaps, read as an élu reads it: what is dated is decided now, and the findings are the
/// facts that drive what is decided now.
@Suite("Synthèse des profils d'exemple")
struct ExampleSynthesisTests {
    /// The example `name`'s document, with `overrides` (« fait=valeur ») applied to its profile.
    static func document(_ name: String, overrides: [String] = [], detail: Bool = false) throws -> RoadmapDocument {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("Profiles/\(name).json").path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let loaded = try #require(ProfileLoader.load(Array(bytes), file: path, vocabulary: ruleBase.vocabulary).0)
        let profile = try ProfileLoader.override(loaded, with: overrides).get()
        let roadmap = try #require(PlanningInvariantTests.planner).plan(profile, calendar: try Fixture.calendar(2026, 12), top: nil)
        return RoadmapPresenter(ruleBase: ruleBase, detail: detail).document(roadmap)
    }

    @Test("un constat chiffré de la première page se lit avec sa référence : la part des 75 ans ou plus du bourg avec celle de la France, le taux de pauvreté de La Réunion avec celui de l'île puis de la France métropolitaine, celui de Mayotte avec celui de l'île, celui d'une ville de l'Hexagone avec la France métropolitaine ; jamais dans le portrait ni les raisons des cartes")
    func findingsSayTheirReference() throws {
        let bourg = try Self.document("bourg-cls-pays")
        #expect(bourg.synthesis.findings.contains { Content17Tests.plain($0).hasPrefix("Part des 75 ans ou plus : 12 % (France : 10,4 % début 2024, Insee [") && $0.contains("]) — ") },
                "\(bourg.synthesis.findings)")
        let reunion = try Self.document("commune-outre-mer-reunion")
        #expect(reunion.synthesis.findings.contains { Content17Tests.plain($0).hasPrefix("Taux de pauvreté : 36 % (La Réunion : 36 % en 2021 ; France métropolitaine : 14,4 % en 2022, Insee [") && $0.contains("]) — ") },
                "\(reunion.synthesis.findings)")
        let mayotte = try Self.document("village-mayotte-zip")
        #expect(mayotte.synthesis.findings.contains { Content17Tests.plain($0).hasPrefix("Taux de pauvreté : 77 % (Mayotte : 77 % en 2018, cinq fois la France métropolitaine, Insee [") && $0.contains("]) — ") },
                "\(mayotte.synthesis.findings)")
        let mainland = try Self.document("ville-moyenne-qpv-cls")
        #expect(mainland.synthesis.findings.contains { Content17Tests.plain($0).hasPrefix("Taux de pauvreté : 22 % (France métropolitaine : 14,4 % en 2022, Insee [") && $0.contains("]) — ") },
                "\(mainland.synthesis.findings)")
        #expect(!bourg.cards.contains { Content17Tests.plain($0.why).contains("France : 10,4") })
    }

    @Test("une intercommunalité porte ses actions sous son nom : « la métropole », « la communauté de communes » ; une commune que son intercommunalité sert le dit")
    func intercommunalityCarriesUnderItsOwnName() throws {
        let metropole = try ExampleSynthesisTests.document("metropole-cls-clsm")
        #expect(metropole.synthesis.decisions.first?.carrier == "la métropole")
        #expect(!metropole.synthesis.decisions.contains { $0.carrier.contains("l'intercommunalité") })
        let ruralCommunity = try ExampleSynthesisTests.document("communaute-communes-rurale")
        #expect(ruralCommunity.synthesis.decisions.first?.carrier == "la communauté de communes")
        let village = try ExampleSynthesisTests.document("tres-petite-commune-rurale")
        #expect(village.synthesis.decisions.allSatisfy { $0.carrier.hasSuffix("la commune") || $0.carrier.hasPrefix("la commune") || $0.carrier.hasPrefix("l'intercommunalité, à la demande") })
    }

    @Test("La Réunion : la lutte contre les moustiques vecteurs, datée, est une décision à prendre d'abord même quand priorités et fondations remplissent la page")
    func datedActionIsADecision() throws {
        let document = try ExampleSynthesisTests.document("commune-outre-mer-reunion")
        let decisions = document.synthesis.decisions.map(\.id)
        #expect(decisions.contains("lutte-antivectorielle-outre-mer"))
        #expect(decisions.count <= 8)
    }

    @Test("une échéance, une date : la carte dit l'échéance comme la page 1 et le JSON, celle de l'action (« d'ici mars 2029, avant le choix de la maîtrise d'œuvre ») même placée plus tôt, pas la fin de sa phase")
    func oneDatePerDecision() throws {
        for name in ["banlieue-qpv-centre-sante", "petite-ville-pvd-msp", "ville-moyenne-qpv-cls"] {
            let document = try ExampleSynthesisTests.document(name)
            var compared = 0
            for decision in document.synthesis.decisions {
                guard let card = document.cards.first(where: { $0.id == decision.id }), let deadline = card.deadline else { continue }
                #expect(decision.when == deadline, "\(name) \(card.id)")
                compared += 1
            }
            #expect(compared > 0, "\(name)")
        }
        let banlieue = try ExampleSynthesisTests.document("banlieue-qpv-centre-sante")
        let eis = try #require(banlieue.cards.first { $0.id == "eis-ecole" })
        #expect(eis.deadline?.hasPrefix("d'ici mars 2029, avant le choix de la maîtrise d'œuvre") == true, "\(eis.deadline ?? "")")
        #expect(eis.deadlineMonth == "2029-03")
        #expect(eis.phaseID == "fin-d-annee", "\(eis.phaseID)")
    }

    @Test("une raison, une date : dans une feuille de route, deux échéances qui donnent la même raison (« avant les départs de médecins attendus ») donnent la même date", arguments: ExampleSynthesisTests.exampleNames)
    func oneDatePerReason(_ name: String) throws {
        var dates: [String: Set<String>] = [:]
        for card in try ExampleSynthesisTests.document(name).cards {
            guard let deadline = card.deadline, deadline.hasPrefix("d'ici "), let comma = deadline.range(of: ", ") else { continue }
            dates[String(deadline[comma.upperBound...]), default: []].insert(String(deadline[..<comma.lowerBound]))
        }
        for (reason, said) in dates { #expect(said.count == 1, "\(name) : « \(reason) » \(said.sorted())") }
    }

    @Test("petite ville PVD : la CPTS en place, à laquelle ne répond qu'une action d'après le bilan de mi-mandat, n'est pas un des trois constats")
    func lateOnlyFindingComesLast() throws {
        let document = try ExampleSynthesisTests.document("petite-ville-pvd-msp")
        #expect(document.synthesis.findings.count == 3)
        #expect(!document.synthesis.findings.contains { $0.contains("CPTS") }, "\(document.synthesis.findings)")
    }

    /// Until plan39 the PLUi revision was answered only by an action after the review, and the zoning came before it. Since
    /// plan39 the PLUi's health strand keeps its deadline in 2028: the planned projects drive a decision before the review
    /// with an action of their own, while the zoning repeats in part the actions of the GP departures; the projects are
    /// one of the three findings, the zoning stays in the portrait.
    @Test("communauté de communes en ZIP : les projets prévus, auxquels répond en 2028 la santé dans le PLUi, passent avant le zonage, qui reprend en partie les actions des départs de médecins")
    func lateOnlyFindingYieldsToARepetition() throws {
        let document = try ExampleSynthesisTests.document("communaute-communes-rurale")
        let findings = document.synthesis.findings
        #expect(findings.count == 3)
        #expect(findings.contains { $0.hasPrefix("Projets structurants prévus pendant le mandat") && $0.contains("PLUi") }, "\(findings)")
        #expect(findings.contains { $0.hasPrefix("Des départs de médecins généralistes sont attendus") }, "\(findings)")
        #expect(!findings.contains { $0.hasPrefix("Territoire en zone d'intervention prioritaire (ZIP)") }, "\(findings)")
    }

    @Test("« Hexagone ou Corse » n'est pas une raison pour un territoire de l'Hexagone : une carte qui exclut le Pacifique n'en dit rien sous « pour vous »")
    func mainlandIsNoReason() throws {
        for name in ["station-montagne-saisonniere", "metropole-cls-clsm", "banlieue-qpv-centre-sante", "ceinture-croissance-hors-zonage"] {
            let document = try ExampleSynthesisTests.document(name)
            let lines = document.cards.flatMap(\.forYou) + document.considerLater.compactMap(\.line)
            #expect(!lines.contains { $0.contains("situation outre-mer") }, "\(name)")
        }
        // Overseas, the situation still says why a card applies (vector control in La Réunion).
        let reunion = try ExampleSynthesisTests.document("commune-outre-mer-reunion")
        #expect(reunion.cards.flatMap(\.forYou).contains { $0.contains("La Réunion") })
    }

    @Test("le CLS se dit une fois : « CLS échu… », jamais « contrat local de santé (CLS) : CLS échu… », en page 1 comme sous « pour vous »")
    func contractStatedOnce() throws {
        for name in ["metropole-cls-clsm", "prefecture-hopital-support", "communaute-communes-rurale"] {
            let document = try ExampleSynthesisTests.document(name)
            let lines = document.synthesis.findings + document.cards.flatMap(\.forYou)
            #expect(!lines.contains { $0.localizedCaseInsensitiveContains("contrat local de santé (CLS) : CLS") }, "\(name)")
            #expect(lines.contains { $0.contains("CLS") }, "\(name)")
        }
    }

    @Test("banlieue au centre de santé de la collectivité : la carte des aides à l'installation en libéral prévient que le centre et ces aides recrutent les mêmes médecins ; le centre en déficit, ces aides attendent (reader32b)")
    func salariedCentreAndLiberalAidsWarned() throws {
        // The centre in deficit comes first: the liberal aids wait among « à envisager ensuite » (reader32b).
        let deficit = try ExampleSynthesisTests.document("banlieue-centre-sante-deficit")
        #expect(!deficit.cards.contains { $0.id == "aides-installation-medecins" })
        #expect(deficit.considerLater.contains { $0.id == "aides-installation-medecins" })
        let document = try ExampleSynthesisTests.document("banlieue-centre-sante-deficit", overrides: ["centreSanteSituation=recrutement"])
        let card = try #require(document.cards.first { $0.id == "aides-installation-medecins" })
        #expect(card.cautions.contains { $0.contains("centre de santé") && $0.contains("mêmes médecins") }, "\(card.cautions)")
        // Without a centre run by the collectivity, no such warning (read from the rule: the Réunion roadmap, where
        // access to rights now outranks these aids of contradictory evidence, no longer keeps the card).
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let reunion = try Content16Tests.facts(Content16Tests.reunionTown)
        let cautions = try #require(ruleBase.recommendation("aides-installation-medecins")).cautions
            .filter { $0.condition.evaluate(reunion) == .true }.map(\.text)
        #expect(!cautions.contains { $0.contains("centre de santé") }, "\(cautions)")
    }

    @Test("préfecture siège de l'hôpital support : les constats sont ceux qui portent le plus d'actions, l'hôpital parmi eux ; l'intercommunalité sans démarche, qui ne porte aucune action d'ici le bilan, n'en est pas")
    func findingsRankedByWhatTheyDrive() throws {
        let document = try ExampleSynthesisTests.document("prefecture-hopital-support")
        let findings = document.synthesis.findings
        #expect(findings.count == 3)
        #expect(findings.contains { $0.localizedCaseInsensitiveContains("hôpital") }, "\(findings)")
        #expect(!findings.contains { $0.contains("intercommunalité") }, "\(findings)")
    }

    @Test("l'enjeu dit pourquoi agir, pas qui le recommande ; « pour vous » dit un fait du territoire, pas une vérité générale")
    func reasonsAreReasons() throws {
        let metropole = try ExampleSynthesisTests.document("metropole-cls-clsm")
        let youth = try #require(metropole.card("sante-mentale-jeunes"))
        #expect(!youth.whyShort.contains("ESPT") && youth.whyShort.contains("compétences psychosociales"), "\(youth.whyShort)")
        let prefecture = try ExampleSynthesisTests.document("prefecture-hopital-support")
        let board = try #require(prefecture.card("hopital-conseil-surveillance"))
        #expect(board.whyShort.hasPrefix("Le conseil de surveillance ne dirige pas l'hôpital"), "\(board.whyShort)")
        // Screening left the préfecture's roadmap when its atelier santé ville came in (a CLS to renew is a CLS); it is
        // back there since rel38, the ASV being created with the renewed CLS.
        let screening = try #require(try ExampleSynthesisTests.document("communaute-urbaine-cls-clsm-plui").card("depistages-aller-vers"))
        #expect(screening.forYou.contains { $0.contains("quartiers prioritaires") && $0.contains("dépistages organisés") }, "\(screening.forYou)")
        let agglomeration = try ExampleSynthesisTests.document("agglomeration-qpv-cls-en-preparation")
        let pilot = try #require(agglomeration.card("elu-referent-sante"))
        #expect(pilot.whyShort.contains("un appui technique qui le seconde"), "a referent is named here: the missing piece is the technical support")
    }

    @Test("« pour vous » nomme la priorité que l'équipe a déclarée, pas « les mobilités ou l'accès aux soins » ; une intercommunalité organise la zone rouge avec ses communes membres, pas « avec l'intercommunalité »")
    func reasonsNameWhatHolds() throws {
        // The village's transport card, which its one-agent team leaves for later, in a bourg of three agents.
        let village = try ExampleSynthesisTests.document("village-departs-cabinet", overrides: ["population=5000", "engineeringStaff=3", "priorities=acces-aux-soins"])
        let transport = try #require(village.card("acces-soins-transport"))
        #expect(transport.forYou.contains("l'accès aux soins est une priorité de l'équipe"), "\(transport.forYou)")
        let communeNouvelle = try ExampleSynthesisTests.document("commune-nouvelle-zac")
        let delegated = try #require(communeNouvelle.card("acces-soins-transport"))
        #expect(delegated.forYou.contains("les mobilités sont une priorité de l'équipe"), "\(delegated.forYou)")
        let belt = try ExampleSynthesisTests.document("ceinture-urbaine-chaleur-ecole")
        let yard = try #require(belt.card("ecole-cour-oasis"))
        #expect(yard.forYou.contains("l'enfance et la jeunesse ainsi que l'adaptation au changement climatique sont des priorités de l'équipe"), "\(yard.forYou)")
        for card in [transport, delegated, yard] {
            #expect(!card.forYou.contains { $0.contains(" ou l'accès aux soins sont") || $0.contains("au climat ou la santé") }, "\(card.forYou)")
        }
        // A rural community of communes: an urban agglomeration rarely is a zone rouge (the card's -20).
        let community = try ExampleSynthesisTests.document("communaute-communes-rurale")
        let epciCheck = try #require(community.card("zones-rouges-solidarite"))
        #expect(epciCheck.steps.contains { $0.hasPrefix("Organiser avec les communes membres") }, "\(epciCheck.steps)")
        #expect(!epciCheck.steps.contains { $0.contains("avec l'intercommunalité") }, "\(epciCheck.steps)")
        // A commune asks through its letter to the intercommunality (the check is folded into it).
        let villageCheck = try #require(try ExampleSynthesisTests.document("village-rural-zip").card("agir-echelle-intercommunale"))
        #expect(villageCheck.steps.contains { $0.hasPrefix("Demander à l'ARS si l'intercommunalité figure parmi les") }, "\(villageCheck.steps)")
    }

    @Test("la capacité dit en toutes lettres ce que prend chaque effort : « une demi-unité », pas « une demie » à côté de chiffres (édition détaillée)")
    func capacityUnitsInWords() throws {
        let document = try ExampleSynthesisTests.document("bourg-rural-zac-msp", detail: true)
        let capacity = try #require(document.portrait.lines.first { $0.label == "Capacité" }?.text, "\(document.portrait.lines.map(\.label))")
        #expect(capacity.contains("une action rapide des premiers mois en prend une demi-unité, une légère une, une moyenne deux, une lourde trois"), "\(capacity)")
        #expect(!capacity.contains("une demie,"), "\(capacity)")
    }

    @Test("la capacité dit pourquoi son total n'est pas le chiffre annuel fois les années dans l'édition détaillée, l'édition des élus s'en tient aux chiffres ; et pourquoi le second agent d'une petite équipe ne compte pas")
    func capacityArithmeticIsExplained() throws {
        let weighting = "sur le reste du mandat, les quinze premiers mois comptant double, les quinze suivants une fois, les autres pour moitié"
        for name in ["village-rural-zip", "prefecture-ght-specialistes"] {
            let detailed = try ExampleSynthesisTests.document(name, detail: true)
            let capacity = try #require(detailed.portrait.lines.first { $0.label == "Capacité" }?.text)
            #expect(capacity.contains(weighting), "\(name) : \(capacity)")
            let short = try ExampleSynthesisTests.document(name)
            let shortLine = try #require(short.portrait.lines.first { $0.label == "Capacité" }?.text)
            #expect(!shortLine.contains("comptant double") && !shortLine.contains("demi-unité"), "\(name) : \(shortLine)")
            #expect(shortLine.hasSuffix("sur le reste du mandat"), "\(name) : \(shortLine)")
        }
        // The figures can be checked: the prefecture's 4,2 units a year over 63 months so weighted
        // (15 × 2 + 15 + 33 / 2 = 61,5 months) make 21,5, of which the phases hold 21 (each rounded).
        let prefecture = try ExampleSynthesisTests.document("prefecture-ght-specialistes")
        let line421 = try #require(prefecture.portrait.lines.first { $0.label == "Capacité" }?.text)
        #expect(line421.contains("environ\u{00A0}4,2\u{00A0}unités d'effort par an, 21\u{00A0}sur le reste du mandat"), "\(line421)")
        // A village that declares two agents counts both (plan19: declared agents are respected), with a village's
        // size: 0,8 + 0,2 + 2 × 0,6 = 2,2 units a year, and no « petite équipe » in which one agent counts.
        let small = try ExampleSynthesisTests.document("village-rural-zip", overrides: ["engineeringStaff=2"])
        let line = try #require(small.portrait.lines.first { $0.label == "Capacité" }?.text)
        #expect(line.hasPrefix("2\u{00A0}agents pour porter des projets") && line.contains("environ\u{00A0}2,2\u{00A0}unités d'effort par an"), "\(line)")
        #expect(!line.contains("petite équipe") && !line.contains("un seul agent compte"), "\(line)")
        let town = try ExampleSynthesisTests.document("prefecture-ght-specialistes")
        let townLine = try #require(town.portrait.lines.first { $0.label == "Capacité" }?.text)
        #expect(!townLine.contains("petite équipe"), "\(townLine)")
    }

    @Test("une commune sans agent en a « aucun », pas « 0 agent »")
    func noStaffSaidInWords() throws {
        let document = try ExampleSynthesisTests.document("tres-petite-commune-rurale")
        #expect(document.synthesis.sizeNote.contains("(aucun agent pour porter des projets"), "\(document.synthesis.sizeNote)")
        #expect(!document.synthesis.sizeNote.contains("0\u{00A0}agent") && !document.synthesis.sizeNote.contains("0 agent"))
    }
}

/// What page 1 and « pour vous » state of the territory: a fact once, the place itself, never a rule's threshold.
@Suite("Constats et raisons des profils d'exemple")
struct ExampleFindingWordingTests {
    @Test("un constat ne répète pas son sujet (« population en croissance », pas « évolution de la population : population en croissance ») ; « pour vous » nomme le territoire d'outre-mer, pas « Guadeloupe ou Martinique » ; ni « Hexagone ou Corse » ni « Situation outre-mer » ne sont des constats")
    func findingsSayTheFactOnce() throws {
        let belt = try ExampleSynthesisTests.document("ceinture-croissance-hors-zonage")
        #expect(belt.synthesis.findings.contains { $0.hasPrefix("Population en croissance —") }, "\(belt.synthesis.findings)")
        let antilles = try ExampleSynthesisTests.document("commune-antilles-dengue")
        // The overseas territory is a label, not a finding: what it brings (departures, a ZIP, heat) is.
        #expect(!antilles.synthesis.findings.contains { $0.hasPrefix("Situation outre-mer") }, "\(antilles.synthesis.findings)")
        #expect(antilles.synthesis.findings.contains { $0.contains("départs de médecins") }, "\(antilles.synthesis.findings)")
        let lines = antilles.synthesis.findings + antilles.cards.flatMap(\.forYou)
        #expect(!lines.contains { $0.contains("Martinique") }, "\(lines)")
        let school = try ExampleSynthesisTests.document("ceinture-urbaine-chaleur-ecole")
        #expect(!school.synthesis.findings.contains { $0.hasPrefix("Pas de") }, "\(school.synthesis.findings)")
        #expect(!school.synthesis.findings.contains { $0.contains("Hexagone") }, "\(school.synthesis.findings)")
    }

    @Test("une station : sa population de saison et sa saison sur une ligne ; un bourg sous le CLS d'un pays : le CLS en vigueur et la CPTS nommés comme points d'appui, non comme constats")
    func companionFactsShareALine() throws {
        let station = try ExampleSynthesisTests.document("station-montagne-saisonniere").synthesis.findings
        #expect(station.contains { $0.hasPrefix("Population en pointe saisonnière\u{00A0}: 25\u{00A0}000\u{00A0}personnes\u{00A0}; pointe de fréquentation en hiver — les actions") }, "\(station)")
        #expect(!station.contains { $0.hasPrefix("Saison de pointe") }, "\(station)")
        // Without its EHPAD, whose partnership takes the CPTS partnership's place in the roadmap.
        let bourg = try ExampleSynthesisTests.document("bourg-cls-pays", overrides: ["ehpad=false"]).synthesis.findings
        #expect(bourg.count == 2, "\(bourg)")
        #expect(bourg.last?.hasPrefix("CLS signé et en vigueur\u{00A0}; une CPTS couvre le territoire — point d'appui des actions") == true, "\(bourg)")
        // A finding the actions answer comes before what they build on.
        #expect(bourg.first?.contains("y répondent") == true, "\(bourg)")
        let withEhpad = try ExampleSynthesisTests.document("bourg-cls-pays").synthesis.findings
        #expect(withEhpad.last == "Un EHPAD sur le territoire — point d'appui de l'action\u{00A0}7.", "\(withEhpad)")
    }

    @Test("« pour vous » donne une raison, pas le seuil d'une règle (« d'au moins 14 % ») ni une alternative (« quartier prioritaire ou pauvreté élevée »)")
    func reasonsAreNotThresholds() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Profiles").path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        #expect(names.count >= 20)
        for name in names {
            let document = try ExampleSynthesisTests.document(name)
            let lines = document.cards.flatMap(\.forYou) + document.considerLater.compactMap(\.line)
            #expect(!lines.contains { $0.contains("d'au moins") || $0.contains(" ou pauvreté") }, "\(name) : \(lines.filter { $0.contains("d'au moins") || $0.contains(" ou pauvreté") })")
        }
    }

    @Test("deux constats ne citent pas les mêmes actions : les départs de médecins et le zonage qui en découle font un constat, la place va à un autre fait (le CLS en préparation, la pauvreté)")
    func findingsSayDifferentThings() throws {
        let agglomeration = try ExampleSynthesisTests.document("agglomeration-qpv-cls-en-preparation")
        let findings = agglomeration.synthesis.findings
        #expect(findings.count == 3)
        #expect(findings.contains { $0.contains("départs de médecins") }, "\(findings)")
        #expect(!findings.contains { $0.hasPrefix("Zonage médical") }, "\(findings)")
        #expect(findings.contains { $0.hasPrefix("CLS en préparation") }, "\(findings)")
        for name in ExampleSynthesisTests.exampleNames {
            // The actions each finding cites, by its « actions 3, 10 et 14 y répondent ».
            let cited = try ExampleSynthesisTests.document(name).synthesis.findings.map { finding -> Set<Int> in
                let tail = finding.components(separatedBy: " — ").last ?? ""
                return Set(tail.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) })
            }
            for (index, actions) in cited.enumerated() where actions.count >= 2 {
                for earlier in cited[..<index] {
                    #expect(actions != earlier, "\(name) : deux constats citent les actions \(actions.sorted())")
                }
            }
        }
    }

    @Test("les constats sont les faits qui ont relevé le score des actions placées : les 12 % sans médecin traitant de la préfecture, le déficit du centre de santé de la banlieue")
    func findingsAreWhatRaisedTheScores() throws {
        let prefecture = try ExampleSynthesisTests.document("prefecture-ght-specialistes")
        #expect(prefecture.synthesis.findings.count == 3)
        #expect(prefecture.synthesis.findings.contains { $0.hasPrefix("Part des habitants sans médecin traitant\u{00A0}: 12\u{00A0}%") }, "\(prefecture.synthesis.findings)")
        #expect(prefecture.synthesis.findings.contains { $0.contains("établissement support") }, "\(prefecture.synthesis.findings)")
        let banlieue = try ExampleSynthesisTests.document("banlieue-centre-sante-deficit")
        let deficit = try #require(banlieue.synthesis.findings.first { $0.contains("déficit") }, "\(banlieue.synthesis.findings)")
        let centre = try #require(banlieue.cards.first { $0.id == "centre-sante-consolider" })
        #expect(deficit.hasSuffix("l'action\u{A0}\(centre.rank)\u{A0}y répond."), "\(deficit)")
    }

    @Test("ni une valeur par défaut (« aucun élu référent santé désigné »), ni le territoire d'outre-mer comme tel ne sont des constats ; ce qui existe déjà (une MSP, une CPTS, un CLS en vigueur) n'est qu'un point d'appui", arguments: ExampleSynthesisTests.exampleNames)
    func findingsAreNotDefaultsNorAssets(_ name: String) throws {
        let findings = try ExampleSynthesisTests.document(name).synthesis.findings
        let refused = ["Aucun élu référent", "Au moins une maison de santé", "Au moins un centre de santé", "Une CPTS couvre", "CLS signé et en vigueur",
                       "Situation outre-mer", "Aucune CPTS", "Aucun CLS", "Porteur du contrat local", "Un hôpital sur le territoire", "Instances de participation"]
        // What exists may be named only as what the actions build on, never as a situation they answer.
        for finding in findings where refused.contains(where: { finding.hasPrefix($0) }) {
            #expect(finding.contains("point d'appui") && !finding.contains("y répond"), "\(name) : \(finding)")
        }
        #expect(!findings.isEmpty && findings.count <= 3, "\(name)")
    }

    @Test("un profil qui ne déclare que des valeurs par défaut et des appuis existants le dit en page 1 plutôt que de laisser le titre vide")
    func noFindingSaidInWords() throws {
        let document = try ExampleSynthesisTests.document("bourg-cls-pays", overrides: ["share75Plus=8", "medicalZoning=aucun"])
        #expect(document.synthesis.findings.first == ExampleSynthesisTests.noFindingText, "\(document.synthesis.findings)")
        #expect(document.synthesis.findings.dropFirst().allSatisfy { $0.contains("point d'appui") }, "\(document.synthesis.findings)")
    }

    @Test("des actions qui vont ensemble se décident ensemble : la maison de santé et les docteurs juniors qu'elle accueille sont toutes deux parmi les décisions, ou aucune")
    func togetherDecidedTogether() throws {
        var pairs = 0
        for name in ExampleSynthesisTests.exampleNames {
            let document = try ExampleSynthesisTests.document(name)
            let decided = Set(document.synthesis.decisions.map(\.id))
            for card in document.cards where decided.contains(card.id) {
                for partner in card.together {
                    guard let other = document.cards.first(where: { $0.id == partner }), other.phaseID == card.phaseID else { continue }
                    pairs += 1
                    #expect(decided.contains(partner), "\(name) : « \(card.id) » décidée sans « \(partner) »")
                }
            }
        }
        #expect(pairs >= 4, "\(pairs) paires décidées")
    }

    @Test("une situation pressante qui date des actions (départs de médecins attendus) est l'un des trois constats, dans chaque exemple où elle tient")
    func pressingSituationIsAFinding() throws {
        let mayotte = try ExampleSynthesisTests.document("village-mayotte-zip")
        #expect(mayotte.synthesis.findings.contains { $0.contains("départs de médecins") }, "\(mayotte.synthesis.findings)")
        var checked = 0
        for name in ExampleSynthesisTests.exampleNames {
            let document = try ExampleSynthesisTests.document(name)
            guard document.cards.contains(where: { ($0.deadline ?? "").contains("avant les départs de médecins attendus") }) else { continue }
            checked += 1
            // Three, or two when the third would cite the very same actions (findingsSayDifferentThings).
            #expect(document.synthesis.findings.count >= 2, "\(name)")
            #expect(document.synthesis.findings.contains { $0.contains("départs de médecins") }, "\(name) : \(document.synthesis.findings)")
        }
        #expect(checked >= 5, "\(checked) exemples avec des départs de médecins qui datent des actions")
    }

    @Test("une priorité déclarée est servie par une action concrète : vérifier auprès de l'ARS la « zone rouge » n'en est pas une")
    func prioritiesServedByConcreteActions() throws {
        for name in ExampleSynthesisTests.exampleNames {
            let document = try ExampleSynthesisTests.document(name)
            guard let zonesRouges = document.cards.first(where: { $0.id == "zones-rouges-solidarite" }) else { continue }
            let priorities = document.synthesis.priorities ?? ""
            let numbers = priorities.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            #expect(!numbers.contains(zonesRouges.rank), "\(name) : \(priorities)")
            #expect(!document.synthesis.decisions.contains { $0.id == "zones-rouges-solidarite" && ($0.note ?? "").contains("priorité") }, "\(name)")
        }
        let antilles = try ExampleSynthesisTests.document("commune-antilles-dengue")
        #expect(antilles.synthesis.priorities?.contains("accès aux soins (actions") == true, "\(antilles.synthesis.priorities ?? "")")
    }
}

extension ExampleSynthesisTests {
    /// Every example profile of the repository, by file name.
    static let noFindingText = "Le profil ne signale pas de situation particulière\u{00A0}: les actions suivent les priorités de l'équipe et ce qui existe déjà."

    static var exampleNames: [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let files = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Profiles").path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    @Test("un constat sur des projets prévus ne nomme que ceux auxquels les actions répondent : le renouvellement urbain, pas le plan de mobilité qu'aucune action ne sert ; à Brémontel, la qualité de l'air des écoles sert le plan de mobilité, qui est nommé")
    func setFindingNamesOnlyAnsweredMembers() throws {
        let document = try ExampleSynthesisTests.document("agglomeration-qpv-cls-en-preparation")
        let projects = try #require(document.synthesis.findings.first { $0.hasPrefix("Projets structurants") }, "\(document.synthesis.findings)")
        #expect(projects.contains("renouvellement urbain"), "\(projects)")
        #expect(!projects.contains("mobilité"), "\(projects)")
        #expect(!document.cards.contains { $0.id == "mobilites-actives-sante" })
        // reader27b: the belt keeps the school air-quality card, whose plan-de-mobilité boost answers that project.
        let belt = try ExampleSynthesisTests.document("ceinture-urbaine-chaleur-ecole")
        let beltProjects = try #require(belt.synthesis.findings.first { $0.hasPrefix("Projets structurants") }, "\(belt.synthesis.findings)")
        #expect(beltProjects.contains("rénovation d'une école") && beltProjects.contains("mobilité"), "\(beltProjects)")
        #expect(belt.cards.contains { $0.id == "qualite-air-abords-ecoles" })
    }

    @Test("page 1 ne saute pas une action du premier trimestre : l'articulation intercommunale du village est parmi les décisions, numérotées sans trou")
    func firstQuarterActionsOutOfTheDecisionsAreNamed() throws {
        let document = try ExampleSynthesisTests.document("village-departs-cabinet")
        let decided = Set(document.synthesis.decisions.map(\.rank))
        let intercommunal = try #require(document.cards.first { $0.id == "agir-echelle-intercommunale" })
        #expect(intercommunal.phaseID == document.phases[0].id)
        // Listed with the decisions (plan21): the numbers of the first months have no hole.
        #expect(decided.contains(intercommunal.rank))
        #expect(Array(decided).sorted() == Array(1...decided.count))
        // What starts now besides is the cabinet with housing, its doctors leaving (reader27c).
        let cabinet = try #require(document.cards.first { $0.id == "cabinet-medical-logement" })
        #expect(Content17Tests.plain(document.synthesis.alsoFirst ?? "")
                == "À lancer aussi dans les trois prochains mois : le premier pas de l'action \(cabinet.rank) (le cabinet médical avec logement).")
        // Every action of the first quarter is on page 1, as a decision or in that line.
        let banlieue = try ExampleSynthesisTests.document("banlieue-qpv-centre-sante")
        #expect(banlieue.cards.filter { $0.phaseID == banlieue.phases[0].id }.allSatisfy { card in banlieue.synthesis.decisions.contains { $0.rank == card.rank } })
        // What starts now without being a decision (the renewal project's first step, since the ANRU commits its last
        // co-funding by the end of 2027) is named in the line that follows them.
        #expect(banlieue.synthesis.alsoFirst.map(Content17Tests.plain) == "À lancer aussi dans les trois prochains mois : le premier pas de l'action 10 (la santé dans le projet de renouvellement urbain).")
    }

    @Test("petite ville à la MSP voisine, assez grande pour un centre de santé : la carte du centre salarié prévient qu'il recruterait les mêmes médecins que la MSP voisine")
    func salariedCentreWarnedOfTheNeighbouringMSP() throws {
        let document = try ExampleSynthesisTests.document("petite-ville-zip-msp-voisine", overrides: ["engineeringStaff=8", "population=12000"])
        let card = try #require(document.cards.first { $0.id == "centre-sante-salaries" })
        #expect(card.cautions.contains { $0.hasPrefix("Une maison de santé fonctionne dans une commune voisine") && $0.contains("même vivier de médecins") }, "\(card.cautions)")
    }
}
