import Testing
import RuleKit
@testable import MandatSante

@Suite("le portrait du territoire, décrit par portrait.json")
struct PortraitTests {
    static let layoutJSON = """
    { "sections": [
      { "label": "Territoire", "lines": [
        { "fact": "outreMer", "show": "libelle-et-valeur-hors-defaut" },
        { "fact": "share75Plus", "show": "libelle-et-valeur-si-renseigne" } ] },
      { "label": "Accès aux soins", "lines": [ { "fact": "cpts", "show": "oui-non" } ] },
      { "label": "Coordination", "lines": [
        { "fact": "cls", "show": "valeur" },
        { "fact": "intercommunalHealth", "show": "si-vrai", "when": "kind == 'commune' and cls != 'aucun'" } ] },
      { "label": "Priorités de l'équipe", "lines": [
        { "fact": "priorities", "show": "seulement-si-vide", "none": "aucune priorité déclarée" } ] }
    ] }
    """

    static func portrait(_ profileJSON: String) throws -> [String] {
        let ruleBase = try Fixture.ruleBase()
        var diagnostics: [Diagnostic] = []
        let layout = PortraitLayoutReader.read(try JSONParser.parse(Array(layoutJSON.utf8)), file: "Rules/portrait.json",
                                               vocabulary: ruleBase.vocabulary, &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.summary))")
        let (loaded, problems) = ProfileLoader.load(Array(profileJSON.utf8), file: "profil.json", vocabulary: ruleBase.vocabulary)
        let profile = try #require(loaded, "\(problems.map(\.summary))")
        let capacity = Capacity(population: 1_000, engineeringStaff: 1, phases: try MandateCalendar(start: YearMonth(year: 2026, month: 12)).phases)
        return TerritoryPortrait(profile: profile, capacity: capacity, layout: layout).lines.map { "\($0.label) : \($0.text)" }
    }

    @Test("chaque ligne dit le fait comme son affichage le demande, seulement si sa condition tient ; une partie vide est omise")
    func lines() throws {
        let nbsp = "\u{00A0}"
        let commune = try Self.portrait("""
        { "name": "A", "kind": "commune", "population": 900, "density": "bourg-rural", "cls": "en-vigueur",
          "intercommunalHealth": true, "outreMer": "reunion", "share75Plus": 14, "cpts": false }
        """)
        #expect(Array(commune.dropLast()) == [
            "Territoire : situation outre-mer\(nbsp): La Réunion\(nbsp); part des 75\(nbsp)ans et plus\(nbsp): 14\(nbsp)%",
            "Accès aux soins : aucune CPTS ne couvre le territoire",
            "Coordination : CLS en vigueur\(nbsp); l'intercommunalité porte déjà une démarche de santé",
            "Priorités de l'équipe : aucune priorité déclarée",
        ])
        #expect(commune.last?.hasPrefix("Capacité : 1\(nbsp)agent") == true, "the number and its noun kept on one line")

        // Default values, an unset number, a condition that fails and declared priorities say nothing.
        let intercommunality = try Self.portrait("""
        { "name": "B", "kind": "communaute-de-communes", "population": 9000, "density": "urbain",
          "intercommunalHealth": true, "priorities": ["sante-mentale"], "cpts": true }
        """)
        #expect(Array(intercommunality.dropLast()) == [
            "Accès aux soins : une CPTS couvre le territoire",
            "Coordination : aucun CLS",
        ])
    }
}
