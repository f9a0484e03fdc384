import MandatSante
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
        #expect(steps.contains { $0.contains("demander à l'intercommunalité de tenir ce rôle technique") })
    }

    @Test("le dispositif de participation : un diagnostic en marchant au village, l'enquête et les groupes de discussion en ville")
    func participation() throws {
        let village = try Self.steps("participation-habitants-diagnostic", for: Fixture.ProfileSpec(population: 420))
        #expect(village.count == 3 && !village.contains { $0.contains("questionnaire") || $0.contains("groupes de discussion") })
        let city = try Self.steps("participation-habitants-diagnostic", for: Fixture.ProfileSpec(name: "Grande-Ville", population: 30_000, density: "centre-urbain-intermediaire"))
        #expect(city.count == 5 && city.contains { $0.contains("questionnaire") } && city.contains { $0.contains("groupes de discussion") })
    }
}
