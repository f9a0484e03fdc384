import Foundation
import MandatSante
import RuleKit
import Testing

/// Every declared priority has a concrete action by the end of the first year: the best-merit one that can take the
/// place of a less merited action without deadline, which moves to a later phase and says why (plan21).
@Suite("Priorités déclarées : une action concrète dès la première année, l'action décalée dit pourquoi")
struct FirstYearPriorityTests {
    @Test("ceinture en croissance : la priorité « accès aux soins » servie en 2027 par le partenariat avec la CPTS ; les achats sans perturbateurs endocriniens, décalés pour lui puis plus légers qu'une action mieux notée, le disent")
    func ceintureAccessToCareIn2027() throws {
        // Since reader28c, the partnership with the CPTS serves access to care (a priority mission of a CPTS, with a
        // médecin traitant for every patient): it answers the priority in 2027 where the welcome of professionals,
        // left out for capacity since session 21, could not be brought in.
        let roadmap = try PressingDeadlineTests.plan("ceinture-croissance-hors-zonage")
        let phases = roadmap.calendar.phases
        let partnership = try #require(roadmap.item("cpts-partenariat-collectivite"))
        #expect(phases[partnership.phaseIndex].id == "fin-d-annee")
        #expect(partnership.selection == .priority("acces-aux-soins"))
        // Moved on for it, the purchases (70, light) then give their place to the collective prevention (76), merit
        // first (plan34: `Capacity.betterBy`).
        #expect(roadmap.item("perturbateurs-endocriniens-achats") == nil)
        #expect(roadmap.tradedPlaces.contains { $0.taker == "prevention-primaire-collective" && $0.given == ["perturbateurs-endocriniens-achats"] },
                "\(roadmap.tradedPlaces)")
        // The school's EIS, due before the choice of the project manager, and the survey the MSP waits for stay.
        #expect(phases[try #require(roadmap.item("eis-ecole")).phaseIndex].id == "fin-d-annee")
        #expect(phases[try #require(roadmap.item("participation-habitants-diagnostic")).phaseIndex].id == "fin-d-annee")

        let document = try ExampleSynthesisTests.document("ceinture-croissance-hors-zonage")
        let purchases = try #require(document.considerLater.first { $0.id == "perturbateurs-endocriniens-achats" })
        let prevention = try #require(document.card("prevention-primaire-collective"))
        #expect(Plan24Tests.plain(purchases.line ?? "").contains("sa place va à l'action \(prevention.rank), mieux notée"), "\(purchases.line ?? "")")
        #expect(document.card("cpts-partenariat-collectivite")?.selection == "répond à la priorité « accès aux soins » de l'équipe")
        // Page 1 does not say the priority waits.
        let line = try #require(document.synthesis.priorities)
        #expect(line.contains("accès aux soins (actions"), "\(line)")
        #expect(!line.contains("faute de place plus tôt"), "\(line)")
        #expect(document.synthesis.decisions.contains { $0.id == "cpts-partenariat-collectivite" })
    }

    @Test("ce qui ne peut pas bouger ne bouge pas : la commune nouvelle garde en 2027 la maison de santé et les docteurs juniors dus avant les départs de médecins ; le bien vieillir attend et la page 1 le dit")
    func nothingMovableIsSaid() throws {
        let roadmap = try PressingDeadlineTests.plan("commune-nouvelle-hopital-proximite")
        let phases = roadmap.calendar.phases
        for id in ["msp-conforter-existante", "docteurs-juniors"] {
            #expect(phases[try #require(roadmap.item(id)).phaseIndex].id == "fin-d-annee", "\(id)")
        }
        #expect(!roadmap.items.contains { if case .yielded = $0.placement { return true } else { return false } })
        let line = try #require(try ExampleSynthesisTests.document("commune-nouvelle-hopital-proximite").synthesis.priorities)
        #expect(line.contains("bien vieillir et autonomie (actions"), "\(line)")
        // The isolated seniors' first step is now: the line says it rather than « faute de place plus tôt » (plan36).
        #expect(Plan24Tests.plain(line).contains("à partir de janv. 2028, avec un premier pas de l'action 8 dès maintenant"), "\(line)")
    }

    @Test("chaque priorité déclarée des profils d'exemple : une action concrète d'ici fin 2027, ou aucune action de l'année ne pouvait bouger (fondation, échéance, priorité, préalable d'une action placée, action rapide de grand mérite avancée)")
    func everyExampleServedOrNothingMovable() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let methodLevers = Set(ruleBase.levers.filter(\.isMethod).map(\.id))
        func concrete(_ item: RoadmapItem) -> Bool {
            !methodLevers.contains(item.recommendation.lever) && !(item.recommendation.lever == "coordination" && item.recommendation.horizon == .hundredDays)
        }
        for name in DeclaredPriorityTests.examples {
            let roadmap = try PressingDeadlineTests.plan(name)
            guard case .set(let declared)? = roadmap.profile.value(roadmap.profile.vocabulary.factName(.priorities)),
                  roadmap.calendar.reviewPhase >= 1 else { continue }
            for id in declared.sorted() {
                let served = roadmap.items.contains { $0.phaseIndex <= 1 && concrete($0) && $0.recommendation.serves.contains(id) }
                guard !served else { continue }
                // Unserved: every action of 2027 holds its place for a stated reason.
                for item in roadmap.items where item.phaseIndex == 1 {
                    let held = item.selection != .merit || item.deadline != nil || item.recommendation.isFoundation
                        || roadmap.items.contains { $0.prerequisites.contains(item.recommendation.id) || $0.together.contains(item.recommendation.id) }
                    let message: Comment = "\(name) : « \(id) » sans action en 2027 alors que « \(item.recommendation.id) » pouvait lui faire place"
                    #expect(held, message)
                }
            }
        }
    }
}
