@testable import MandatSante
import RuleKit
import Testing

/// reader13's content findings: the board of the hospital was designated after the council's installation in March
/// 2026 (check who sits, do not designate again), and three more traces of a question the profile answers.
@Suite("Relecture 13 : le conseil de surveillance déjà désigné, trois traces de moins")
struct Reader13ContentTests {
    static let town = SizeAdaptedStepsTests.town
    static let community = SizeAdaptedStepsTests.community

    @Test("conseil de surveillance : vérifier qui siège au nom de la commune ou de l'intercommunalité et préparer la prochaine séance, pas désigner à nouveau")
    func boardAlreadyDesignated() throws {
        let commune = try SizeAdaptedStepsTests.steps("hopital-conseil-surveillance", for: Self.town)
        let epci = try SizeAdaptedStepsTests.steps("hopital-conseil-surveillance", for: Self.community)
        #expect(commune.first?.hasPrefix("Vérifier qui siège au conseil de surveillance au nom de la commune") == true)
        #expect(epci.first?.hasPrefix("Vérifier qui représente l'intercommunalité au conseil de surveillance") == true)
        #expect(!(commune + epci).contains { $0.hasPrefix("Désigner") || $0.contains("première séance") })
    }

    @Test("la CPTS au comité de pilotage du CLS là où il existe, au diagnostic qui le prépare ailleurs ; ni « le cas échéant » ni « si possible » pour ce que le profile dit")
    func tracesOfTheProfile() throws {
        var withCLS = Self.town
        withCLS.cls = "en-vigueur"
        withCLS.cpts = true
        var without = Self.town
        without.cls = "aucun"
        without.cpts = true
        let inCLS = try SizeAdaptedStepsTests.steps("cpts-partenariat-collectivite", for: withCLS)
        let beforeCLS = try SizeAdaptedStepsTests.steps("cpts-partenariat-collectivite", for: without)
        #expect(inCLS.contains("Inviter la CPTS au comité de pilotage du CLS.") && !inCLS.contains { $0.contains("diagnostic") })
        #expect(beforeCLS.contains { $0.hasPrefix("Associer la CPTS au diagnostic local de santé") } && !beforeCLS.contains { $0.contains("comité de pilotage du CLS") })
        #expect(!(try SizeAdaptedStepsTests.steps("cls-coordinateur", for: withCLS)).contains { $0.contains("le cas échéant") })
        let canteen = try SizeAdaptedStepsTests.steps("restauration-scolaire-sante", for: Self.town)
        #expect(!canteen.contains { $0.contains("conseil municipal des jeunes") || $0.contains("si possible") })
        var youth = Self.town
        youth.councils = ["conseil-jeunes"]
        let withYouth = try SizeAdaptedStepsTests.steps("restauration-scolaire-sante", for: youth)
        #expect(withYouth.first?.contains("et des élus du conseil municipal des jeunes") == true)
    }
}
