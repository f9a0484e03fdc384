import Foundation
import MandatSante
import RuleKit
import Testing

/// Each priority the team declared is served by a concrete action in the first two phases when one applies and
/// its horizon allows, or page 1 says why not; a priority is never printed bare.
@Suite("Priorités de l'équipe : une action concrète dans les deux premières phases, ou la page 1 dit pourquoi")
struct DeclaredPriorityTests {
    static let examples: [String] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Profiles").path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }()

    @Test("chaque priorité déclarée a une action concrète d'ici la fin de la deuxième phase, ou la ligne des priorités dit pourquoi")
    func everyPriorityServedEarlyOrExplained() throws {
        #expect(Self.examples.count >= 27)
        for name in Self.examples {
            let roadmap = try PressingDeadlineTests.plan(name)
            let document = try ExampleSynthesisTests.document(name)
            guard case .set(let declared)? = roadmap.profile.value(roadmap.profile.vocabulary.factName(.priorities)) else { continue }
            let line = document.synthesis.priorities ?? ""
            let definition = roadmap.profile.vocabulary.fact(named: roadmap.profile.vocabulary.factName(.priorities))
            for id in declared.sorted() {
                let label = definition?.label(ofChoice: id) ?? id
                // Never bare: the label is followed by its actions or by the reason it has none — alone, or with the
                // priorities served by the same actions (« bien vieillir et autonomie, cohésion sociale et isolement
                // (action 4) »).
                let segment = line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.hasPrefix("\(label) (") || $0.hasPrefix("\(label), ") || $0.contains(", \(label) (") || $0.contains(", \(label), ") } ?? ""
                #expect(segment.hasSuffix(")"), "\(name) : « \(label) » sans action ni raison dans « \(line) »")
                let early = roadmap.items.contains { $0.recommendation.serves.contains(id) && $0.phaseIndex <= 1 }
                let explained = segment.contains("(action à envisager ensuite") || segment.contains("après le bilan de mi-mandat") || segment.contains("à partir de")
                #expect(early || explained, "\(name) : « \(label) » servie seulement après la deuxième phase, sans raison : « \(line) »")
            }
        }
    }

    @Test("très petite commune : deux priorités servies par la même action sont dites ensemble, une fois")
    func prioritiesServedByOneActionSaidOnce() throws {
        let document = try ExampleSynthesisTests.document("tres-petite-commune-rurale")
        let line = try #require(document.synthesis.priorities)
        #expect(line.range(of: "^bien vieillir et autonomie, cohésion sociale et isolement \\(action\u{A0}[0-9]+\\)$", options: .regularExpression) != nil, "\(line)")
    }

    @Test("agglomération en préparation de CLS : le CLSM, première priorité des élus, avec le CLS en 2027, à la place du partenariat CPTS qui va avec le CLS (session 29)")
    func mentalHealthWithTheCLS() throws {
        let roadmap = try PressingDeadlineTests.plan("agglomeration-qpv-cls-en-preparation")
        let clsm = try #require(roadmap.item("clsm-creer"))
        let cls = try #require(roadmap.item("cls-engager"))
        #expect(cls.phaseIndex == 1 && clsm.phaseIndex == 1)
        #expect(clsm.placement == .horizon)
        #expect(roadmap.item("cpts-partenariat-collectivite")?.placement == .yielded(from: 1, to: "clsm-creer", priority: "sante-mentale"))
        guard case .priority = clsm.selection else { Issue.record("le CLSM n'est pas l'action de la priorité santé mentale"); return }
        // The conseil de développement is consulted within the diagnosis (one of its steps), not as a card of its own.
        #expect(roadmap.item("conseil-developpement-sante") == nil && roadmap.item("diagnostic-sante-partage") != nil)
    }

    @Test("station balnéaire : « habitat et logement » a son action en fin de mandat, à la place d'une plus légère (plan31) ; le bien vieillir en janvier 2028, après les docteurs juniors qui tiennent leur échéance (plan32)")
    func unservedPrioritySaysWhy() throws {
        let document = try ExampleSynthesisTests.document("station-balneaire-saisonniere")
        #expect(Plan24Tests.plain(document.synthesis.priorities ?? "").hasSuffix("habitat et logement (action 8 : premier pas dès maintenant, le reste après le bilan de mi-mandat)"), "\(document.synthesis.priorities ?? "")")
        let roadmap = try PressingDeadlineTests.plan("station-balneaire-saisonniere")
        #expect(roadmap.item("bien-vieillir-petite-commune")?.phaseIndex == 2)
        #expect(roadmap.item("docteurs-juniors").map { $0.phaseIndex <= 1 } ?? false)
        #expect(roadmap.item("logement-saisonniers-professionnels")?.phaseIndex == roadmap.calendar.phases.count - 1)
    }
}

/// Page 1 does not open on three decisions of procedure: at most two steps of method or governance among the
/// decisions to take first besides the foundations of the mandate (the pilotage, the ambition, the existing
/// coordination's mission), the team's priorities aside. A seat on the hospital's board, which serves access to
/// care, is no procedure.
@Suite("Décisions de la page 1 : au plus deux étapes de méthode ou de gouvernance")
struct SteeringDecisionTests {
    @Test("dans chacun des exemples, au plus deux décisions de méthode ou de gouvernance qui ne sont ni fondatrices ni l'action d'une priorité, fondatrices comprises si elles sont deux")
    func atMostTwoSteeringDecisions() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let methodLevers = Set(ruleBase.levers.filter(\.isMethod).map(\.id))
        for name in DeclaredPriorityTests.examples {
            let roadmap = try PressingDeadlineTests.plan(name)
            let document = try ExampleSynthesisTests.document(name)
            // Where the intercommunality does not carry health, the letter asking it to is a decision of its own
            // (plan21); a method step listed so that the first months' numbers have no hole says it is one and is
            // not chosen as a decision.
            let provokes = roadmap.profile.value("intercommunalHealth") == .bool(false)
            let steering = document.synthesis.decisions.compactMap { decision -> RoadmapItem? in
                guard let item = roadmap.item(decision.id), decision.note != "étape de méthode" else { return nil }
                if case .priority = item.selection { return nil }
                let procedure = methodLevers.contains(item.recommendation.lever)
                    || (!provokes && item.recommendation.lever == "coordination" && item.recommendation.horizon == .hundredDays && item.recommendation.serves.isEmpty)
                return procedure ? item : nil
            }
            let foundations = steering.filter(\.recommendation.isFoundation).count
            #expect(steering.count <= max(2, foundations), "\(name) : \(steering.map(\.recommendation.id))")
        }
        // The village in ZIP, whose intercommunality does not carry health: the letter asking it to is the third
        // decision (plan21), and carries the question of the « zone rouge » put to the ARS (rel21).
        let village = try ExampleSynthesisTests.document("village-rural-zip")
        #expect(village.synthesis.decisions.map(\.id).prefix(3) == ["elu-referent-sante", "ambition-politique-sante", "agir-echelle-intercommunale"])
        #expect(!village.synthesis.decisions.contains { $0.id == "zones-rouges-solidarite" })
        #expect(try PressingDeadlineTests.plan("village-rural-zip").item("agir-echelle-intercommunale")?.phaseIndex == 0)
    }
}
