@testable import MandatSante
import Testing

/// Why an action is left out, when its condition uses a named condition: said by what the definition means
/// (« une commune », « hors des collectivités du Pacifique »), never by a double negative (« autre que aucun CLS »,
/// « non (…) ») nor by a part of the definition that held for this territory (« Hexagone ou Corse »).
@Suite("Raisons des actions écartées : les conditions nommées dites par leur sens")
struct NamedConditionReasonsTests {
    /// The reason each left-out action of `spec`'s detailed roadmap gives, by id.
    static func reasons(_ spec: Fixture.ProfileSpec) throws -> [String: String] {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let profile = try Fixture.profile(spec, in: ruleBase)
        let roadmap = Planner(ruleBase: ruleBase).plan(profile, calendar: try Fixture.calendar(2026, 12), top: nil)
        let document = RoadmapPresenter(ruleBase: ruleBase, detail: true).document(roadmap)
        return Dictionary(document.leftOut.flatMap(\.entries).map { ($0.id, $0.reason) }, uniquingKeysWith: { first, _ in first })
    }

    @Test("Pacifique : l'action « je ne sais pas » sur le zonage de l'ARS ne s'y applique pas, et dit pourquoi sans double négation")
    func pacificZoning() throws {
        let reasons = try Self.reasons(Fixture.ProfileSpec(name: "Nouméa-Sud", population: 12_000, density: "petite-ville", outreMer: "pacifique"))
        let zoning = try #require(reasons["zonage-medecins-verifier"])
        #expect(zoning.contains("situation outre-mer : Nouvelle-Calédonie, Polynésie française ou Wallis-et-Futuna"), "\(zoning)")
        #expect(!zoning.contains("autre que"))
        // The default « inconnu » says nothing of a shortage there: the installation aids built on it are left out too.
        #expect(reasons["aides-installation-medecins"] != nil)
    }

    @Test("Hexagone : l'alternative « zonage inconnu » d'une action écartée ne nomme pas « Hexagone ou Corse », qui tenait")
    func mainlandAlternative() throws {
        let reasons = try Self.reasons(Fixture.ProfileSpec(name: "Bourg-Centre", population: 8_000, density: "petite-ville", medicalZoning: "aucun"))
        let all = reasons.values.joined(separator: "\n")
        for reason in reasons.values where reason.contains("zonage inconnu") {
            #expect(!reason.contains("Hexagone ou Corse") && !reason.contains("Pacifique"), "\(reason)")
        }
        #expect(!all.contains("autre que Hexagone"), "\(all)")
        #expect(all.contains("zonage médical de l'ARS : zonage inconnu — ici hors zonage"))
    }

    @Test("des profils d'exemple : ni « autre que aucun », ni « non ( », ni « autre que Hexagone », ni les parties de « intercommunalité »",
          arguments: ["metropole-cls-clsm", "banlieue-centre-sante-deficit", "village-mayotte-zip", "commune-outre-mer-reunion", "bourg-cls-pays",
                      "agglomeration-qpv-cls-en-preparation", "ceinture-croissance-hors-zonage", "prefecture-hopital-support"])
    func examples(name: String) throws {
        let document = try ExampleSynthesisTests.document(name, detail: true)
        for entry in document.leftOut.flatMap(\.entries) {
            for wrong in ["autre que aucun", "non (", "autre que Hexagone", "type de territoire : autre que commune"] {
                #expect(!entry.reason.contains(wrong), "\(name), \(entry.id) : \(entry.reason)")
            }
        }
    }

    @Test("une commune dont l'intercommunalité porte le CLS : le CLS communal écarté « une démarche de santé propre à la commune », un hôpital absent dit comme tel")
    func namedMeaning() throws {
        let reasons = try Self.reasons(Fixture.ProfileSpec(name: "Val-Commune", population: 14_000, density: "petite-ville", cls: "en-vigueur",
                                                           clsCarrier: "intercommunalite", hospitalRole: nil))
        let cls = try #require(reasons["cls-approfondir"])
        #expect(cls.contains("une démarche de santé propre à la commune, sans démarche ni CLS de l'intercommunalité, d'un pays ou d'un PETR — ici"), "\(cls)")
        let board = try #require(reasons["hopital-conseil-surveillance"])
        #expect(board.contains("un hôpital sur le territoire — ici aucun hôpital sur le territoire"), "\(board)")
        let pcaet = try #require(reasons["sante-dans-pcaet"])
        #expect(pcaet.contains("une intercommunalité — ici commune"), "\(pcaet)")
    }
}
