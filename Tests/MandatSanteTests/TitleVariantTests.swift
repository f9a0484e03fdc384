import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// `autres titres:` in a recommendation's header: a title for some territories, so that a title never contradicts the
/// profile (« Installer … un élu référent » where one is designated).
@Suite("Titres sous condition")
struct TitleVariantTests {
    static func rec(_ variants: [String]) -> Fixture.Rec {
        var rec = RuleBaseLoadingTests.valid
        rec.extraHeader = ["autres titres:"] + variants.map { "  - \($0)" }
        return rec
    }

    @Test("le premier autre titre dont la condition tient remplace le titre « # … » sur la fiche, le calendrier et les relations ; sinon le titre reste")
    func firstHoldingVariantReplacesTheTitle() throws {
        let rec = Self.rec(["[si cpts] Travailler avec la CPTS en place", "[si population >= 100] Mener l'action avec les communes voisines"])
        let result = RuleBaseLoadingTests.loadWith([rec]).result
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let loaded = try #require(result.ruleBase?.recommendation("action-test"))
        #expect(loaded.titleVariants.map(\.text) == ["Travailler avec la CPTS en place", "Mener l'action avec les communes voisines"])

        var withCPTS = Fixture.ProfileSpec()
        withCPTS.cpts = true
        let (base, roadmap) = try Fixture.plan(withCPTS, recs: Fixture.standard + [rec])
        let document = RoadmapPresenter(ruleBase: base).document(roadmap)
        #expect(document.card("action-test")?.title == "Travailler avec la CPTS en place")
        #expect(loaded.title(for: roadmap.profile.facts) == "Travailler avec la CPTS en place")

        var small = Fixture.ProfileSpec()
        small.population = 50
        let (_, plain) = try Fixture.plan(small, recs: Fixture.standard + [rec])
        #expect(loaded.title(for: plain.profile.facts) == "Mener une action de test")
        let (_, second) = try Fixture.plan(Fixture.ProfileSpec(), recs: Fixture.standard + [rec])
        #expect(loaded.title(for: second.profile.facts) == "Mener l'action avec les communes voisines")
    }

    @Test("un autre titre sans condition, ou à la condition mal écrite, est une erreur positionnée en français")
    func badVariantIsAPositionedError() throws {
        let (missing, missingText) = RuleBaseLoadingTests.loadWith([Self.rec(["Travailler avec la CPTS en place"])])
        let diagnostic = try #require(missing.diagnostics.first)
        #expect(missing.diagnostics.map(\.code) == ["regles.titre-sans-condition"])
        #expect(diagnostic.location.lineColumn == Fixture.location(of: "Travailler avec", in: missingText))
        #expect(diagnostic.message.contains("[si condition] Titre"))
        #expect(missing.ruleBase?.recommendation("action-test") == nil)

        let (unknown, unknownText) = RuleBaseLoadingTests.loadWith([Self.rec(["[si cpst] Travailler avec la CPTS en place"])])
        let fact = try #require(unknown.diagnostics.first)
        #expect(unknown.diagnostics.count == 1)
        #expect(fact.location.lineColumn == Fixture.location(of: "cpst", in: unknownText))
        #expect(fact.message.contains("cpst"))

        let (unclosed, _) = RuleBaseLoadingTests.loadWith([Self.rec(["[si cpts Travailler avec la CPTS"])])
        #expect(unclosed.diagnostics.map(\.code) == ["regles.condition-de-ligne"])
    }

    @Test("le pilotage dit ce qui manque : un appui technique là où l'élu référent est désigné, un élu là où la coordination existe")
    func referentTitleFollowsTheProfile() throws {
        let bourg = try ExampleSynthesisTests.document("bourg-cls-pays")
        let pilot = try #require(bourg.card("elu-referent-sante"))
        #expect(pilot.title == "Donner à l'élu référent santé un appui technique et une feuille de route écrite")
        #expect(bourg.synthesis.decisions.contains { $0.title == pilot.title })
        let village = try ExampleSynthesisTests.document("tres-petite-commune-rurale")
        #expect(village.card("elu-referent-sante")?.title.hasPrefix("Installer le pilotage santé du mandat") == true)
        let coordinated = try ExampleSynthesisTests.document("tres-petite-commune-rurale", overrides: ["healthCoordinator=true"])
        #expect(coordinated.card("elu-referent-sante")?.title == "Désigner l'élu référent santé qui pilote la démarche avec la coordination en place")
        // Staff of one designates its agent; only a team without agents asks the intercommunality.
        let newCommune = try ExampleSynthesisTests.document("commune-nouvelle-hopital-proximite", detail: true)
        let steps = try #require(newCommune.card("elu-referent-sante")).steps
        #expect(!(steps.contains { $0.contains("Désigner l'agent") } && steps.contains { $0.contains("demander à l'intercommunalité de tenir") }), "\(steps)")
    }

    @Test("une ville de plus de 10 000 habitants articule sa politique de santé avec l'intercommunalité plutôt que « d'agir seule » ; un bourg prend sa place dans le CLS du pays")
    func intercommunalTitleFitsTheSize() throws {
        // The suburb with an atelier santé ville supports it first: its articulation with the intercommunality may be
        // « à envisager ensuite », under the same title.
        for name in ["banlieue-qpv-centre-sante", "banlieue-centre-sante-deficit"] {
            let document = try ExampleSynthesisTests.document(name, detail: true)
            let title = try #require(document.card("agir-echelle-intercommunale")?.title ?? document.entry("agir-echelle-intercommunale")?.title, "\(name)")
            #expect(title == "Articuler la politique de santé de la commune avec la démarche de santé intercommunale", "\(name)")
        }
        let bourg = try #require(try ExampleSynthesisTests.document("bourg-cls-pays").card("agir-echelle-intercommunale"))
        #expect(bourg.title == "Prendre sa place dans le contrat local de santé du pays ou du PETR")
        #expect(bourg.funding.isEmpty, "the action costs time: \(bourg.funding)")
        let village = try #require(try ExampleSynthesisTests.document("village-rural-zip").card("agir-echelle-intercommunale"))
        #expect(village.title == "Porter les enjeux de santé à l'échelle intercommunale plutôt que d'agir seule")
    }
}
