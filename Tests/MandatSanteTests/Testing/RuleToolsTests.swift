import MandatSante
import RuleKit
import Testing

@Suite("couverture des tests de règles")
struct CoverageTests {
    @Test("recommandations retenues, jamais retenues, et branches vues vraies et fausses")
    func coverage() throws {
        let base = try Fixture.ruleBase()
        let profiles = [try Fixture.profile(Fixture.bourg, in: base), try Fixture.profile(Fixture.smallCommune, in: base)]
        let coverage = Coverage(ruleBase: base, profiles: profiles)
        #expect(coverage.profileCount == 2)
        #expect(coverage.recommendationCount == Fixture.standard.count)
        // The small commune (420 inhabitants, no CPTS, « santé mentale ») and the bourg select these.
        #expect(coverage.selectedIDs.contains("cpts-soutenir"))
        #expect(coverage.selectedIDs.contains("petite-commune-mutualiser"))
        #expect(coverage.neverSelected.map(\.id).isEmpty == (coverage.selectedIDs.count == Fixture.standard.count))
        let cpts = coverage.branches.filter { $0.recommendationID == "cpts-soutenir" && $0.part == "condition" }
        // « not cpts and population >= 2000 »: the whole, « not cpts », « cpts », « population >= 2000 ».
        #expect(cpts.map(\.text) == ["not cpts and population >= 2000", "not cpts", "cpts", "population >= 2000"])
        let population = try #require(cpts.last)
        #expect(population.seenTrue && population.seenFalse && population.covered)
        let notCPTS = try #require(cpts.dropFirst().first)
        #expect(notCPTS.seenTrue && !notCPTS.seenFalse, "aucun profil de test n'a de CPTS")
        #expect(population.file == "Rules/recommendations/cpts-soutenir.md")
        let boosts = coverage.branches.filter { $0.recommendationID == "cpts-soutenir" && $0.part == "bonus 1" }
        #expect(boosts.map(\.text) == ["'acces-aux-soins' in priorities"])
        #expect(coverage.coveredBranches == coverage.branches.filter(\.covered).count)
        let json = coverage.json().rendered()
        #expect(json.contains("\"profils\": 2"))
    }

    @Test("sans profil de test : toutes les branches jamais évaluées, aucune recommandation retenue")
    func withoutProfiles() throws {
        let base = try Fixture.ruleBase()
        let coverage = Coverage(ruleBase: base, profiles: [])
        #expect(coverage.selectedIDs.isEmpty)
        #expect(coverage.neverSelected.count == Fixture.standard.count)
        #expect(!coverage.branches.isEmpty && coverage.branches.allSatisfy { !$0.seenTrue && !$0.seenFalse })
    }
}

@Suite("linter de la base de règles")
struct RuleBaseLinterTests {
    /// The linter's messages, without the warnings about cost, evidence and inequalities, which the fixture
    /// recommendations leave out (`weighingFields` checks them).
    private func lint(_ recs: [Fixture.Rec], tests: [RuleTestResult]? = nil, weighing: Bool = false) throws -> [String] {
        let base = try Fixture.ruleBase(recs)
        return RuleBaseLinter.lint(base, leverFile: "Rules/levers.json", testResults: tests)
            .filter { weighing || $0.code != "lint.a-renseigner" }
            .map { "\($0.severity == .error ? "erreur" : "avertissement") \($0.code) \($0.message)" }
    }

    @Test("une recommandation qui ne dit pas son coût, son niveau de preuve ou son effet sur les inégalités est signalée")
    func weighingFields() throws {
        var weighed = Fixture.Rec(id: "pesee", title: "Pesée", when: "population >= 1000", lever: "methode")
        weighed.extraHeader = ["coût: temps", "niveau de preuve: probable", "effet sur les inégalités: neutre"]
        var partly = Fixture.Rec(id: "en-partie", title: "En partie", when: "population >= 2000", lever: "coordination")
        partly.extraHeader = ["coût: faible"]
        #expect(try lint([Self.plain, weighed, partly], weighing: true).filter { $0.contains("lint.a-renseigner") } == [
            "avertissement lint.a-renseigner « en-partie » ne dit pas « niveau de preuve », « effet sur les inégalités » : un professionnel pèse chaque action à son coût, à son niveau de preuve et à son effet sur les inégalités de santé",
            "avertissement lint.a-renseigner « simple » ne dit pas « coût », « niveau de preuve », « effet sur les inégalités » : un professionnel pèse chaque action à son coût, à son niveau de preuve et à son effet sur les inégalités de santé",
        ])
    }

    private static let plain = Fixture.Rec(id: "simple", title: "Simple", when: "population >= 1000", lever: "offre-de-soins")

    @Test("condition jamais vraie (erreur), toujours vraie (avertissement, sauf « true » écrit tel quel)")
    func conditions() throws {
        let never = Fixture.Rec(id: "jamais", title: "Jamais", when: "population < 1", lever: "coordination")
        let always = Fixture.Rec(id: "toujours", title: "Toujours", when: "population >= 1", lever: "coordination")
        let literal = Fixture.Rec(id: "vrai", title: "Vrai", when: "true", lever: "coordination")
        #expect(try lint([Self.plain, never, always, literal]) == [
            "erreur lint.jamais-vraie la condition de « jamais » ne peut jamais être vraie, quel que soit le profil : la recommandation ne sortira jamais",
            "avertissement lint.toujours-vraie la condition de « toujours » est vraie pour tout profil : écrivez « true » si c'est voulu",
            "avertissement lint.levier-vide le levier « methode » n'a aucune recommandation",
        ])
    }

    @Test("bonus qui ne s'applique jamais ou toujours ; levier sans recommandation")
    func boostsAndLevers() throws {
        var rec = Self.plain
        rec.boosts = [Fixture.boost("population > 5000000", 5, "jamais"), Fixture.boost("population >= 1", 5, "toujours"),
                      Fixture.boost("cpts", 5, "parfois")]
        #expect(try lint([rec]) == [
            "avertissement lint.bonus-jamais le bonus « jamais » de « simple » ne s'applique jamais",
            "avertissement lint.bonus-toujours le bonus « toujours » de « simple » s'applique toujours : ajoutez-le plutôt à la priorité",
            "avertissement lint.levier-vide le levier « methode » n'a aucune recommandation",
            "avertissement lint.levier-vide le levier « coordination » n'a aucune recommandation",
        ])
    }

    @Test("une raison de bonus qui porte un deux-points est signalée : la feuille de route en ferait une virgule juxtaposée")
    func reasonWithAColon() throws {
        var rec = Self.plain
        rec.boosts = [Fixture.boost("cpts", 5, "pauvreté marquée : les habitants renoncent aux soins"),
                      Fixture.boost("cpts", 5, "pauvreté marquée, qui éloigne les habitants des soins")]
        #expect(try lint([rec]).filter { $0.contains("lint.raison-deux-points") } == [
            "avertissement lint.raison-deux-points la raison « pauvreté marquée : les habitants renoncent aux soins » de « simple » porte un "
                + "deux-points, que la feuille de route change en « — » ou en « , » après « pourquoi » : écrivez-la en une phrase, par une relative",
        ])
    }

    @Test("une recommandation qu'aucun test n'exerce est signalée ; citée par une attente, elle est exercée")
    func untested() throws {
        let base = try Fixture.ruleBase()
        let profile = try Fixture.profile(Fixture.smallCommune, in: base)
        let text = #"{ "tests": [ { "name": "t", "profile": "p.json", "expect": { "excluded": ["cls-renouveler"] } } ] }"#
        let test = try #require(RuleTestReader.read(Array(text.utf8), file: "t.json").0.first)
        let result = RuleTestRunner(ruleBase: base).run(test, baseProfile: profile)
        let roadmap = try #require(result.roadmap)
        let diagnostics = RuleBaseLinter.lint(base, leverFile: "l.json", testResults: [result])
        let untested = Set(diagnostics.filter { $0.code == "lint.non-testee" }.map { $0.message })
        let exercised = RuleBaseLinter.exercisedIDs([result])
        #expect(exercised.contains("cls-renouveler"))
        #expect(exercised.isSuperset(of: roadmap.ids))
        for recommendation in base.recommendations {
            #expect(untested.contains { $0.contains("« \(recommendation.id) »") } == !exercised.contains(recommendation.id))
        }
    }

    @Test("l'analyse d'une recommandation a un coût borné : 64 bonus lourds ne coûtent pas 64 analyses complètes")
    func boundedAnalysis() throws {
        // Each boost reads four facts whose classes multiply to more than the budget left by the first ones.
        let heavy = "engineeringStaff in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20] and population in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20] and share75Plus >= 20 and share75Plus < 40"
        var rec = Self.plain
        // Never true (population is at most 20), so each analysis must go through every combination.
        rec.boosts = (1...64).map { Fixture.boost(heavy + " and population > \($0 + 100)", 1, "bonus \($0)") }
        let messages = try lint([rec, Fixture.Rec(id: "autre", title: "Autre", when: "cpts", lever: "coordination")])
        // The condition and the first 20 boosts fit in the budget of 100,000 evaluations; the 44 others are not analyzed
        // (before the budget, the 64 boosts cost 64 full analyses, about 1.5 s).
        #expect(messages.filter { $0.hasPrefix("avertissement lint.bonus-jamais") }.count == 20)
        #expect(messages.filter { !$0.hasPrefix("avertissement lint.bonus-jamais") } == [
            "avertissement lint.non-analysee 44 conditions sur 65 de « simple » (condition et bonus) comptent trop de cas pour être analysées : « jamais vraie » et « toujours vraie » n'y sont pas vérifiés",
            "avertissement lint.levier-vide le levier « methode » n'a aucune recommandation"])
    }

    @Test("une condition de trop de cas est tout de même reconnue possible dès qu'un cas vrai et un cas faux sont trouvés")
    func contingentBeyondTheLimit() throws {
        // Six facts of many classes each: more combinations than the exhaustive limit, yet true and false cases come early.
        let wide = "engineeringStaff in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20] and population in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20] and (share75Plus >= 20 or cpts or kind == 'commune')"
        var rec = Self.plain
        rec.boosts = [Fixture.boost(wide, 1, "large")]
        let messages = try lint([rec, Fixture.Rec(id: "autre", title: "Autre", when: "cpts", lever: "coordination")])
        #expect(messages == ["avertissement lint.levier-vide le levier « methode » n'a aucune recommandation"])
        // « never » still needs every combination: beyond the limit it stays undecided, whatever the budget.
        rec.boosts = [Fixture.boost(wide + " and share75Plus in [21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39] and population > 30", 1, "jamais")]
        let never = try lint([rec, Fixture.Rec(id: "autre", title: "Autre", when: "cpts", lever: "coordination")])
        #expect(never.first == "avertissement lint.non-analysee 1 condition sur 2 de « simple » (condition et bonus) compte trop de cas pour être analysée : « jamais vraie » et « toujours vraie » n'y sont pas vérifiés")
    }
}

@Suite("explain : pourquoi une recommandation sort ou non")
struct ExplanationTests {
    @Test("retenue : chaque partie de la condition avec sa valeur, les bonus, le score, le rang et la phase")
    func selected() throws {
        let (base, roadmap) = try Fixture.plan(Fixture.bourg)
        let lines = Explanation(recommendationID: "cpts-soutenir", roadmap: roadmap, document: RoadmapPresenter(ruleBase: base).document(roadmap), ruleBase: base).lines
        #expect(lines.first == "Recommandation [cpts-soutenir] : Soutenir l'émergence d'une CPTS")
        #expect(lines.contains("Condition → vrai"))
        #expect(lines.contains { $0.contains("✓") && $0.contains("population >= 2000 → vrai (population = 12\u{A0}000\u{A0}habitants)") })
        #expect(lines.contains("  ✓ +15 si 'acces-aux-soins' in priorities → vrai (l'accès aux soins est une priorité de l'équipe)"))
        #expect(lines.contains("  ✗ +10 si density == 'rural-disperse' → faux (habitat dispersé : l'accès aux soins est critique)"))
        #expect(lines.contains { $0.hasPrefix("Score : 70 (priorité de base) + 15 (") && $0.hasSuffix("= 85") })
        #expect(lines.last == "Résultat : retenue au rang 3, phase « D'ici fin 2027 » (mars 2027 – déc. 2027) ; après « Établir un diagnostic local de santé partagé » (rang\u{A0}2).")
    }

    @Test("écartée : la condition fausse, le remplacement, l'exclusion mutuelle")
    func leftOut() throws {
        let (base, roadmap) = try Fixture.plan(Fixture.bourg)
        let condition = Explanation(recommendationID: "petite-commune-mutualiser", roadmap: roadmap, document: RoadmapPresenter(ruleBase: base).document(roadmap), ruleBase: base).lines
        #expect(condition.contains("Condition → faux"))
        #expect(condition.last == "Résultat : non retenue : ne s'applique pas ici : population : moins de 3\u{A0}500\u{A0}habitants — ici 12\u{A0}000\u{A0}habitants.")
        let replaced = Explanation(recommendationID: "cls-engager", roadmap: roadmap, document: RoadmapPresenter(ruleBase: base).document(roadmap), ruleBase: base).lines
        #expect(replaced.last == "Résultat : non retenue : remplacée par « Renouveler le contrat local de santé », plus adaptée à ce territoire.")
        let (smallBase, small) = try Fixture.plan(Fixture.smallCommune)
        let unknown = Explanation(recommendationID: "seniors-canicule", roadmap: small, document: RoadmapPresenter(ruleBase: smallBase).document(small), ruleBase: smallBase).lines
        #expect(unknown.last == "Résultat : non retenue : ne peut pas être établie, un fait n'étant pas renseigné : part des 75 ans et plus : au moins 12\u{A0}% — ici non renseigné (inconnu).")
        #expect(Explanation(recommendationID: "inconnue", roadmap: small, document: RoadmapPresenter(ruleBase: smallBase).document(small), ruleBase: smallBase).lines.isEmpty)
    }
}
