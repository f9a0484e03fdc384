import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// Last session's reading (reader12, P2 and P4): no trace of a question the profile already answers (« s'il existe »,
/// « s'il y en a »), and the ambition card worded for the level of the territory, not « ne relèvent pas de la
/// commune » to a métropole.
@Suite("Relecture 13 : ni traces, ni mauvais niveau")
struct NoTracesTests {
    static let traces = ["s'il existe", "s'il y en a", "s'il en existe", "et, si oui"]

    static func lines(_ spec: Fixture.ProfileSpec) throws -> [(id: String, text: String)] {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let facts = try Fixture.profile(spec, in: ruleBase).facts
        return ruleBase.recommendations.filter { $0.condition.evaluate(facts) == .true }.flatMap { recommendation in
            ([recommendation.why].compactMap { $0 } + recommendation.steps.texts(for: facts) + recommendation.partners.texts(for: facts)
                + recommendation.funding.texts(for: facts) + recommendation.indicators).map { (id: recommendation.id, text: $0) }
        }
    }

    @Test("aucune fiche ne dit « s'il existe », « s'il y en a », « s'il en existe » ni « et, si oui » : le profil le dit, la ligne en dépend",
          arguments: [
            Fixture.ProfileSpec(population: 420, engineeringStaff: 0, share75Plus: 16, plannedProjects: ["renovation-urbaine"]),
            Fixture.ProfileSpec(name: "Bourg-Centre", population: 8_000, density: "petite-ville", engineeringStaff: 3, share75Plus: 14,
                                plannedProjects: ["renovation-urbaine"]),
            Fixture.ProfileSpec(name: "Communauté du Val", kind: "communaute-de-communes", population: 24_000, share75Plus: 13),
            Fixture.ProfileSpec(name: "Nouméa-Test", population: 9_000, density: "petite-ville", share75Plus: 13, outreMer: "pacifique",
                                plannedProjects: ["renovation-urbaine"]),
          ])
    func noTraces(_ spec: Fixture.ProfileSpec) throws {
        let found = try Self.lines(spec).filter { line in Self.traces.contains { line.text.contains($0) } }
        #expect(found.isEmpty, "\(found.map { "\($0.id) : \($0.text.prefix(120))" })")
    }

    @Test("les 27 textes par défaut relus : plus aucune de ces traces")
    func goldenTexts() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var read = 0
        for name in CalibrationReadingTests.examples {
            let text = try String(contentsOf: root.appendingPathComponent("Tests/Fixtures/golden/\(name)/feuille-de-route.txt"), encoding: .utf8)
                .replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
            read += 1
            #expect(!Self.traces.contains { text.contains($0) }, "\(name)")
        }
        #expect(read >= 27)
    }

    @Test("l'ambition d'une intercommunalité ne dit pas que les soins « ne relèvent pas de la commune » ; la phrase vaut pour tous les niveaux")
    func ambitionForTheLevel() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let why = try #require(ruleBase.recommendation("ambition-politique-sante")?.why)
        #expect(!why.contains("ne relèvent pas de la commune"))
        #expect(why.hasPrefix("Les soins et leur remboursement ne relèvent pas des collectivités locales"))
        let metropole = try ExampleSynthesisTests.document("metropole-cls-clsm")
        #expect(metropole.card("ambition-politique-sante") != nil)
    }

    @Test("rénovation urbaine : l'atelier santé ville associé là où il fonctionne, le conseil citoyen seul ailleurs")
    func urbanRenewalAndASV() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let recommendation = try #require(ruleBase.recommendation("renouvellement-urbain-sante"))
        var spec = Fixture.ProfileSpec(name: "Grande-Ville", population: 32_000, density: "centre-urbain-intermediaire", engineeringStaff: 3)
        spec.plannedProjects = ["renovation-urbaine"]
        let without = recommendation.steps.texts(for: try Fixture.profile(spec, in: ruleBase).facts)
        #expect(without.contains("Associer le conseil citoyen à ces choix.") && !without.contains { $0.contains("atelier santé ville") })
        var facts = try Fixture.profile(spec, in: ruleBase).facts
        let asv = try #require(ruleBase.vocabulary.slot(of: "asv"))
        facts[asv] = .bool(true)
        let with = recommendation.steps.texts(for: facts)
        #expect(with.contains("Associer le conseil citoyen et l'atelier santé ville à ces choix."))
    }
}

/// Saint-Pierre-et-Miquelon has no ARS, no CPAM and no CAF: the administration territoriale de santé (ATS) and the
/// caisse de prévoyance sociale (CPS) hold their roles; no « Pourquoi », step, partner, funding or indicator of a card
/// that applies there names them, except to say the ATS holds the ARS's role.
@Suite("Saint-Pierre-et-Miquelon : l'ATS et la CPS, jamais l'ARS ni la CPAM")
struct SaintPierreEtMiquelonWordingTests {
    static func names(_ text: String, _ word: String) -> Bool {
        text.ranges(of: word).contains { range in
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            return !(before?.isLetter ?? false) && !(after?.isLetter ?? false)
        }
    }

    @Test("une commune de l'archipel, petite ou grande, en ZIP, sans CLS : ni ARS, ni CPAM, ni CAF, ni FIR",
          arguments: [1_200, 5_500])
    func noMainlandAuthorities(_ population: Int) throws {
        var spec = Fixture.ProfileSpec(name: "Saint-Pierre", population: population, density: "petite-ville", engineeringStaff: 2,
                                       outreMer: "saint-pierre-et-miquelon", plannedProjects: ["renovation-urbaine"], medicalZoning: "zip")
        spec.departement = "Saint-Pierre-et-Miquelon"
        spec.region = "Saint-Pierre-et-Miquelon"
        // A « Pourquoi » may name an ARS for what it is elsewhere: a national fact (the zoning, the 2016 convention), an
        // ARS official quoted by name, the regional fund a card is about.
        let national = ["zones-rouges-solidarite", "formation-cnfpt-agents", "mobiliser-ressources-existantes", "ars-fir-financement"]
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let whys = Set(national.compactMap { ruleBase.recommendation($0)?.why })
        let lines = try NoTracesTests.lines(spec).filter { !whys.contains($0.text) }.map { line in
            (id: line.id, text: line.text.replacingOccurrences(of: "tient le rôle de l'ARS", with: "")
                .replacingOccurrences(of: "les compétences d'une ARS", with: ""))
        }
        #expect(lines.count > 40)
        let wrong = lines.filter { line in ["ARS", "CPAM", "CAF", "FIR"].contains { Self.names(line.text, $0) } }
        #expect(wrong.isEmpty, "\(wrong.map { "\($0.id) : \($0.text.prefix(140))" })")
    }
}
