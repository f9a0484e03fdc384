import Foundation
import MandatSante
import RuleKit
import Testing

/// What session 35 changed in the planner and its wording (issue 12): a deferred card names what held each phase it
/// could not enter, in the order of time.
@Suite("Planification : ce qui tient chaque phase dit phase par phase (session 35)")
struct Plan35Tests {
    /// The numbers of actions a deferred card's reason names (« les actions 7 (à échéance) et 9 », « les actions 5 à
    /// 8 »), without what the parentheses say (« liée à l'action 11 ») nor the lighter action whose place it took.
    static func namedRanks(_ brief: String) -> [Int] {
        var text = brief.components(separatedBy: " ; elle prend alors la place de ").first ?? brief
        // A first step taken now says why before the deferral (« plus d'un habitant sur sept a 75 ans ou plus ») :
        // only what follows « le reste » names holders.
        if let rest = text.range(of: " ; le reste ") { text = String(text[rest.upperBound...]) }
        text = text.replacingOccurrences(of: "\u{00A0}", with: " ")
        // Parentheses hold causes and links, not holders.
        while let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
            text.removeSubrange(open...close)
        }
        // Nor is the first phase of a start in the spring (« dans les 100 premiers jours du mandat »).
        text = text.replacingOccurrences(of: "100 premiers jours", with: "")
        // Years and months are not action numbers.
        return text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.filter { $0 < 1_000 }
    }

    /// reader34: the agglomeration's unscheduled care (85) and the commune nouvelle's falls prevention (85), deferred
    /// from 2027 to April 2029, said « jusque-là la place est prise par l'action 7 (à échéance) » — an action that
    /// ends in December 2027. Since session 37 (reader36) a card names only what took its place: the holders of the
    /// phase just before its own, or of an earlier phase that would have held it without them. The agglomeration's
    /// 2027 is loaded beyond what the survey (action 7) frees, and better actions hold 2028: nothing to name. The
    /// falls prevention names the action due by the review that holds 2028.
    @Test("les soins non programmés de l'agglomération et la prévention des chutes de la commune nouvelle disent ce qui a vraiment pris leur place")
    func eachPhaseSaysWhatHeldIt() throws {
        let (agglomeration, aggloDocument) = try Plan24Tests.plan("agglomeration-porteuse-cls")
        let care = try #require(aggloDocument.cards.first { $0.id == "soins-non-programmes" })
        #expect(try #require(agglomeration.item("soins-non-programmes")).phaseIndex == 3)
        #expect(Plan24Tests.plain(care.placementBrief) == "à partir d'avr. 2029, car jusque-là le temps de l'équipe est déjà pris", "\(care.placementBrief ?? "")")
        let (_, zacDocument) = try Plan24Tests.plan("commune-nouvelle-zac")
        let falls = try #require(zacDocument.cards.first { $0.id == "prevention-perte-autonomie-chutes" })
        #expect(Plan24Tests.plain(falls.placementBrief) == "à partir d'avr. 2029, car d'ici le bilan de mi-mandat la place est prise par les actions 9 (priorité de l'équipe), 10 et 11 (tenues par une échéance)",
                "\(falls.placementBrief ?? "")")
    }

    /// Over the example profiles and the generated territories: an action a deferred card names as holding « la
    /// place » sits in a phase the card could not enter — between the phase it was meant for and its own.
    @Test("une fiche reportée ne nomme comme tenant la place que des actions des phases qu'elle n'a pas pu prendre")
    func namedHoldersSitInThePhasesBetween() throws {
        var checked = 0, wrong: [String] = []
        func check(_ name: String, _ roadmap: Roadmap, _ document: RoadmapDocument) {
            let cards = Dictionary(document.cards.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for item in roadmap.items {
                guard case .capacity(let wanted) = item.placement, let brief = cards[item.recommendation.id]?.placementBrief,
                      brief.contains("la place est prise par"), !brief.contains("avec elle, elle demande") else { continue }
                checked += 1
                let phases = Set(roadmap.items.filter { (wanted..<item.phaseIndex).contains($0.phaseIndex) }.map(\.rank))
                let outside = Self.namedRanks(brief).filter { !phases.contains($0) }
                if !outside.isEmpty { wrong.append("\(name) \(item.recommendation.id) : \(outside) hors des phases \(wanted)..<\(item.phaseIndex) — \(brief)") }
            }
        }
        for name in Plan34Tests.examples {
            let (roadmap, document) = try Plan24Tests.plan(name)
            check(name, roadmap, document)
        }
        let documents = try PlanningInvariantTests.presented()
        for (number, (profile, _, roadmap)) in try PlanningInvariantTests.planned().enumerated() {
            check("\(profile.name) (n° \(number + 1))", roadmap, documents[number])
        }
        #expect(wrong.isEmpty, "\(wrong.count) : \(wrong.prefix(3).joined(separator: " | "))")
        #expect(checked >= 100, "\(checked)")
    }
}

/// Page 1 says the load of a roadmap whose better action took a lighter one's place as an élu reads it (plan35).
@Suite("Page 1 : la charge du mandat dite sans unités d'effort (session 35)")
struct Plan35PageOneTests {
    @Test("page 1 ne parle jamais d'« unité d'effort » ; La Réunion, sans autre conseil de renfort, dit quoi faire ; Valmont, qui le dit déjà, ne le répète pas")
    func loadInPlainFrench() throws {
        for name in Plan34Tests.examples {
            let (_, document) = try Plan24Tests.plan(name)
            let size = Plan24Tests.plain(document.synthesis.sizeNote)
            #expect(!size.contains("unité d'effort") && !size.contains("demi-unité"), "\(name) : \(size)")
        }
        // Since plan39 La Réunion's urban renewal (85, dated) also takes a lighter action's place, which loads 2028: the
        // heavy period says what to do (the CLS coordination's post), and the trade's sentence does not say it twice.
        let (_, reunion) = try Plan24Tests.plan("commune-outre-mer-reunion")
        let reunionSize = Plan24Tests.plain(reunion.synthesis.sizeNote)
        #expect(reunionSize.contains("le poste de coordination du CLS (action 5) portera une part de la charge."), "\(reunionSize)")
        // The heavy period already says that the team cannot carry it all: the trade ends on what gave its place.
        #expect(reunionSize.hasSuffix("prennent la place d'actions plus légères, le repérage des personnes âgées isolées et l'accueil des docteurs juniors, à envisager ensuite."), "\(reunionSize)")
        #expect(!reunionSize.contains("la charge du mandat"), "\(reunionSize)")
        let (_, valmont) = try Plan24Tests.plan("ville-moyenne-qpv-cls")
        let size = Plan24Tests.plain(valmont.synthesis.sizeNote)
        // No trade since rel38 (the health screening of projects is « à envisager ensuite »): the note ends on the reinforcement.
        #expect(size.hasSuffix("passent d'abord ; prévoir un renfort."), "\(size)")
    }
}
