import MandatSante
import RuleKit
import Testing

/// The rule test runner: reading a test file, each kind of expectation passing and failing, with its words.
@Suite("tests de règles : lecture, attentes, échecs")
struct RuleTestRunnerTests {
    /// A test file holding one test of the standard fixture for `Fixture.bourg`, with the given `expect` members.
    private func run(_ expect: String, facts: String? = nil, start: String = "2026-12", top: Int? = nil) throws -> RuleTestResult {
        let base = try Fixture.ruleBase()
        let factsMember = facts.map { ", \"facts\": \($0)" } ?? ""
        let topMember = top.map { ", \"top\": \($0)" } ?? ""
        let text = """
        { "tests": [ { "name": "bourg", "profile": "bourg.json"\(factsMember), "start": "\(start)"\(topMember),
          "expect": { \(expect) } } ] }
        """
        let (tests, diagnostics) = RuleTestReader.read(Array(text.utf8), file: "tests.json")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.summary))")
        let test = try #require(tests.first)
        let profile = try Fixture.profile(Fixture.bourg, in: base)
        return RuleTestRunner(ruleBase: base).run(test, baseProfile: profile)
    }

    @Test("chaque attente tenue : le test passe")
    func passingExpectations() throws {
        let result = try run("""
        "included": ["cpts-soutenir", "cls-renouveler", "seniors-canicule"], "excluded": ["cls-engager", "petite-commune-mutualiser"],
        "before": [["diagnostic-partage", "cpts-soutenir"]], "inTop": { "3": ["cpts-soutenir"] },
        "phase": { "cpts-soutenir": "annee-1" }, "phaseBy": { "cls-renouveler": "fin-mandat" },
        "replacedBy": { "cls-engager": "cls-renouveler" }, "minScore": { "cpts-soutenir": 85 }
        """)
        #expect(result.passed, "\(result.failures.joined(separator: "\n---\n")) \(result.diagnostics.map(\.summary))")
        #expect(result.roadmap != nil)
    }

    @Test("chaque attente manquée dit ce qui était attendu et ce qui est arrivé")
    func failingExpectations() throws {
        let result = try run("""
        "included": ["petite-commune-mutualiser"], "excluded": ["cpts-soutenir"], "before": [["cpts-soutenir", "diagnostic-partage"]],
        "inTop": { "1": ["bilan-mandat"] }, "phase": { "cpts-soutenir": "100-jours" }, "phaseBy": { "bilan-mandat": "annee-1" },
        "replacedBy": { "cpts-soutenir": "cls-engager" }, "minScore": { "bilan-mandat": 99 }
        """)
        #expect(!result.passed)
        #expect(result.diagnostics.isEmpty)
        let failures = result.failures
        #expect(failures.count == 8, "\(failures.joined(separator: "\n---\n"))")
        #expect(failures.contains { $0.hasPrefix("attendu : « Mutualiser l'ingénierie santé avec l'intercommunalité » [petite-commune-mutualiser] dans la feuille de route\n  obtenu : non retenue, ne s'applique pas ici : population : moins de 3\u{A0}500\u{A0}habitants") })
        #expect(failures.contains("attendu : « Soutenir l'émergence d'une CPTS » [cpts-soutenir] absente de la feuille de route\n  obtenu : retenue au rang 3 (phase « D'ici fin 2027 » (mars 2027 – déc. 2027))\n  car : aucune CPTS ne couvre le territoire\u{A0}; l'accès aux soins est une priorité de l'équipe\u{A0}; communauté de communes de 12\u{A0}000\u{A0}habitants"))
        #expect(failures.contains("attendu : [cpts-soutenir] avant [diagnostic-partage]\n  obtenu : [cpts-soutenir] au rang 3, [diagnostic-partage] au rang 2"))
        #expect(failures.contains("attendu : « Évaluer la politique de santé du mandat » [bilan-mandat] parmi les 1 premières actions\n  obtenu : rang 6, score 30 (priorité de base)"))
        #expect(failures.contains("attendu : « Soutenir l'émergence d'une CPTS » [cpts-soutenir] dans la phase de l'horizon « 100-jours »\n  obtenu : phase « D'ici fin 2027 » (mars 2027 – déc. 2027)"))
        #expect(failures.contains("attendu : « Évaluer la politique de santé du mandat » [bilan-mandat] au plus tard dans la phase de l'horizon « annee-1 »\n  obtenu : phase « Jusqu'à la fin du mandat » (avr. 2029 – févr. 2032)"))
        #expect(failures.contains("attendu : [cpts-soutenir] remplacée par [cls-engager]\n  obtenu : [cpts-soutenir] retenue au rang 3 (phase « D'ici fin 2027 » (mars 2027 – déc. 2027))"))
        #expect(failures.contains("attendu : [bilan-mandat] avec un score d'au moins 99\n  obtenu : 30 (priorité de base)"))
    }

    @Test("« says » : la fiche dit ces mots (espaces insécables lus comme des espaces) ; sinon l'échec cite la fiche")
    func saysExpectation() throws {
        let passed = try run(#""says": { "cpts-soutenir": ["aucune CPTS ne couvre le territoire", "communauté de communes de 12 000 habitants"] }"#)
        #expect(passed.passed, "\(passed.failures.joined(separator: "\n---\n"))")
        let failed = try run(#""says": { "cpts-soutenir": ["une CPTS couvre déjà le territoire"] }"#)
        let failure = try #require(failed.failures.first)
        #expect(failed.failures.count == 1)
        #expect(failure.hasPrefix("""
            attendu : « Soutenir l'émergence d'une CPTS » [cpts-soutenir] dit « une CPTS couvre déjà le territoire »
              obtenu : retenue au rang 3 (phase « D'ici fin 2027 » (mars 2027 – déc. 2027)) ; la fiche dit :
                Soutenir l'émergence d'une CPTS
            """), "\(failure)")
        #expect(failure.contains("\n    aucune CPTS ne couvre le territoire\n"))
    }

    @Test("« saysNot » : la fiche, coût et sources compris, ne dit pas ces mots ; sinon l'échec cite la fiche")
    func saysNotExpectation() throws {
        let passed = try run(#""saysNot": { "cpts-soutenir": ["une CPTS couvre déjà le territoire"], "clsm-creer": ["absente"] }"#)
        #expect(passed.passed, "\(passed.failures.joined(separator: "\n---\n"))")
        // The card's sources are part of what it says.
        let failed = try run(#""saysNot": { "cpts-soutenir": ["Livre blanc"] }"#)
        let failure = try #require(failed.failures.first)
        #expect(failed.failures.count == 1)
        #expect(failure.hasPrefix("attendu : « Soutenir l'émergence d'une CPTS » [cpts-soutenir] ne dit pas « Livre blanc »"), "\(failure)")
    }

    @Test("une attente sur une recommandation inconnue est une erreur positionnée, avec suggestion")
    func unknownRecommendation() throws {
        let result = try run(#""included": ["cpts-soutnir"]"#)
        #expect(!result.passed)
        #expect(result.roadmap == nil)
        #expect(result.diagnostics.map(\.summary) == ["tests.json:2:28: test.recommandation-inconnue recommandation inconnue « cpts-soutnir » ; vouliez-vous dire « cpts-soutenir » ?"])
    }

    @Test("« facts » modifie le profil du test ; un fait inconnu ou une valeur fausse y est signalé")
    func factsOverrideTheProfile() throws {
        let overridden = try run(#""excluded": ["cls-renouveler"], "included": ["cls-engager"]"#, facts: #"{ "cls": "aucun" }"#)
        #expect(overridden.passed, "\(overridden.failures)")
        let unknown = try run(#""included": ["cls-engager"]"#, facts: #"{ "clss": "aucun", "population": -1 }"#)
        #expect(unknown.diagnostics.map(\.code) == ["faits.inconnu", "faits.hors-limites"])
        #expect(unknown.diagnostics.first?.message == "fait inconnu « clss » ; vouliez-vous dire « cls » ?")
    }

    @Test("« top » limite la feuille de route, « start » la date ; un départ hors du mandat est signalé")
    func topAndStart() throws {
        let top = try run(#""excluded": ["cpts-soutenir"], "included": ["diagnostic-partage"]"#, top: 2)
        #expect(top.passed, "\(top.failures)")
        #expect(top.roadmap?.items.count == 2)
        let late = try run(#""included": ["cpts-soutenir"]"#, start: "2033-01")
        #expect(top.roadmap?.leftOut.first { $0.recommendation.id == "cpts-soutenir" }?.reason == .beyondTop(2))
        #expect(late.diagnostics.map(\.code) == ["test.date"])
    }

    @Test("lecture : attentes mal formées, profil absent, champ inconnu — chacun à sa position")
    func readerErrors() {
        let text = """
        { "tests": [
          { "name": "sans profil", "expect": { "included": ["a"] } },
          { "name": "attentes", "facts": {}, "expect": { "inTop": { "premier": ["a"] }, "phase": { "a": "demain" }, "before": [["a"]], "inclus": ["a"] } },
          { "name": "vide", "facts": {}, "expect": {} },
          { "name": "dit", "facts": {}, "expect": { "says": { "a": "pourquoi", "b": [3] } } }
        ] }
        """
        let (tests, diagnostics) = RuleTestReader.read(Array(text.utf8), file: "t.json")
        #expect(tests.count == 4)
        #expect(diagnostics.sorted().map(\.summary) == [
            "t.json:2:3: test.profil-manquant le test doit indiquer un profil (« profile ») ou des faits (« facts »)",
            // No expectation of the second test is valid: it has none, and each invalid one is reported.
            "t.json:3:48: test.attente « expect » ne contient aucune attente",
            "t.json:3:61: test.attente les clés de « inTop » sont des rangs (« 5 »), pas « premier »",
            "t.json:3:97: test.attente la phase attendue pour « a » doit être l'une de : 100-jours, annee-1, mi-mandat, fin-mandat",
            "t.json:3:120: test.attente chaque élément de « before » doit être une paire [\"avant\", \"après\"]",
            "t.json:3:128: json.champ-inconnu champ inconnu « inclus » dans « expect »",
            "t.json:4:44: test.attente « expect » ne contient aucune attente",
            "t.json:5:43: test.attente « expect » ne contient aucune attente",
            "t.json:5:60: test.attente « says » associe une recommandation à une liste de passages (des textes), pas à un texte",
            "t.json:5:78: test.attente un passage (texte) que la fiche doit dire était attendu, pas un nombre",
        ])
    }
}
