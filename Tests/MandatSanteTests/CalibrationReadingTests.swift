import Foundation
import MandatSante
import RuleKit
import Testing

/// What last session's reading of the example roadmaps found odd, checked where the document is made: a page-1
/// finding lists the actions that answer it, an action's card says what it covers rather than what it replaces, and a
/// dated step still holds wherever the planner places its card.
@Suite("Relecture des profils d'exemple : constats, remplacements, premiers pas datés")
struct CalibrationReadingTests {
    static let examples: [String] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Profiles").path)) ?? [])
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }()

    /// The ranks a finding names (« — les actions 3, 4, 5, 7 et 8 y répondent. », « — l'action 5 y répond. »).
    static func ranks(_ finding: String) -> [Int] {
        guard let dash = finding.range(of: " — ", options: .backwards) else { return [] }
        return finding[dash.upperBound...].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
    }

    @Test("village en ZIP : le constat « zone d'intervention prioritaire » cite les actions qui y répondent, pas le pilotage ni l'ambition du mandat")
    func zipFindingWithoutFoundations() throws {
        let document = try ExampleSynthesisTests.document("village-rural-zip")
        let zip = try #require(document.synthesis.findings.first { $0.contains("zone d'intervention prioritaire") })
        let method = Set(document.cards.filter { ["elu-referent-sante", "ambition-politique-sante"].contains($0.id) }.map(\.rank))
        #expect(method.count == 2)
        #expect(!Self.ranks(zip).isEmpty)
        #expect(Set(Self.ranks(zip)).isDisjoint(with: method), "\(zip)")
        // The intercommunal scale and the doctor's office do answer it.
        let answering = Set(document.cards.filter { ["agir-echelle-intercommunale", "cabinet-medical-logement"].contains($0.id) }.map(\.rank))
        #expect(answering.count == 2 && answering.isSubset(of: Set(Self.ranks(zip))), "\(zip)")
    }

    @Test("une action de méthode ne répond qu'au constat qui la fait s'appliquer : l'ambition à aucun, le pilotage à l'absence de référent ou de coordination, pas au zonage ni aux départs de médecins", arguments: examples)
    func methodActionsAnswerOnlyTheirCondition(_ name: String) throws {
        let document = try ExampleSynthesisTests.document(name)
        let ambition = document.cards.first { $0.id == "ambition-politique-sante" }?.rank
        let pilot = document.cards.first { $0.id == "elu-referent-sante" }?.rank
        for finding in document.synthesis.findings {
            let ranks = Self.ranks(finding)
            if let ambition { #expect(!ranks.contains(ambition), "\(name) : \(finding)") }
            if let pilot, ranks.contains(pilot) {
                #expect(finding.contains("référent") || finding.contains("coordination"), "\(name) : \(finding)")
            }
        }
    }

    @Test("la carte « bien vieillir » d'un village ne dit pas qu'elle « remplace « Recueillir la parole des habitants… » » : l'édition courte ne nomme pas ce qu'une action remplace, l'édition détaillée le garde")
    func replacementsOnlyInDetail() throws {
        let document = try ExampleSynthesisTests.document("village-rural-zip")
        let card = try #require(document.cards.first { $0.id == "bien-vieillir-petite-commune" })
        #expect(card.relations.contains { $0.hasPrefix("remplace ") && $0.contains("Recueillir la parole des habitants") })
        #expect(!card.briefRelations.contains { $0.contains("remplace") }, "\(card.briefRelations)")
        for name in Self.examples {
            let cards = try ExampleSynthesisTests.document(name).cards
            #expect(!cards.flatMap(\.briefRelations).contains { $0.hasPrefix("remplace ") }, "\(name)")
        }
    }

    @Test("un premier pas ne fixe pas une saison que la phase de sa carte a déjà passée : pas de « avant le printemps » sur un plan canicule placé à partir de mars", arguments: examples)
    func stepsFitAnyPlacement(_ name: String) throws {
        let document = try ExampleSynthesisTests.document(name)
        for card in document.cards {
            #expect(!card.steps.contains { $0.contains("avant le printemps") }, "\(name) : \(card.id)")
        }
    }

    @Test("métropole : l'appui aux communes pour la saison chaude, placé à partir de mars 2027, réunit les communes « au moins trois mois avant la saison chaude »")
    func heatPlanStepRelativeToItsSummer() throws {
        let document = try ExampleSynthesisTests.document("metropole-cls-clsm")
        let card = try #require(document.cards.first { $0.id == "canicule-appui-communes" })
        #expect(card.period.contains("2027"))
        #expect(card.steps.first?.contains("au moins trois mois avant la saison chaude") == true, "\(card.steps)")
    }
}
