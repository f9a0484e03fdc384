@testable import MandatSante
import ProfileGeneration
import RuleKit
import Testing

/// « Pour vous » states what made a condition hold. A batch finds those parts with one program per recommendation
/// (`HeldLeafProgram`) instead of tracing each condition: it must find exactly what the trace finds.
@Suite("Parties d'une condition qui ont tenu, sans trace")
struct HeldLeafProgramTests {
    @Test("300 territoires générés : pour chaque condition et chaque bonus, les mêmes parties que la trace, dans le même ordre")
    func sameLeavesAsTheTrace() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase, "la base de règles Rules/ doit se charger")
        let profiles = try ProfileGenerator(vocabulary: ruleBase.vocabulary, seed: 20_261_205).profiles(count: 300)
        var differing: [String] = []
        var heldCount = 0, failedUnderNot = 0
        for recommendation in ruleBase.recommendations {
            let program = HeldLeafProgram(recommendation, vocabulary: ruleBase.vocabulary)
            let conditions = [recommendation.condition] + recommendation.boosts.map(\.condition)
            for profile in profiles {
                let found = program.leaves(profile.facts)
                for (index, condition) in conditions.enumerated() {
                    let traced = FactStatement.heldLeaves(condition.trace(profile.facts)).map { ($0.expression, $0.truth == .true) }
                    let leaves = found[index].map { ($0.expression, $0.held) }
                    heldCount += leaves.filter(\.1).count
                    failedUnderNot += leaves.filter { !$0.1 }.count
                    if !traced.elementsEqual(leaves, by: { $0.0 == $1.0 && $0.1 == $1.1 }) {
                        differing.append("\(recommendation.id) (condition \(index)) pour \(profile.name)")
                    }
                }
            }
        }
        #expect(differing.isEmpty, "\(differing.count) différences, dont \(differing.prefix(5).joined(separator: ", "))")
        // The rule base does have conditions that hold, and `not` over combinations whose failed parts are named.
        #expect(heldCount > 10_000, "\(heldCount) parties tenues")
        #expect(failedUnderNot > 100, "\(failedUnderNot) parties en échec sous un « not »")
    }
}

/// The reference `HeldLeafProgram` is checked against: the same parts found by walking a condition's trace.
extension FactStatement {
    /// The smallest sub-conditions that made a holding condition hold: through named conditions, and through a
    /// `not` to what did not hold under it (« not sante-portee-par-l-intercommunalite » held because the
    /// intercommunality carries nothing, not because of every fact the definition reads). The reference of
    /// `HeldLeafProgram`, which finds the same without a trace.
    static func heldLeaves(_ trace: ConditionTrace) -> [ConditionTrace] {
        guard trace.truth == .true else { return [] }
        switch trace.expression.kind {
        case .and, .or, .named: return trace.children.flatMap(heldLeaves)
        case .not: return isComposite(trace) ? trace.children.flatMap(failedLeaves) : [trace]
        default: return [trace]
        }
    }

    /// The smallest sub-conditions that made a condition fail: every part of a failed `or`, the first failed
    /// part of an `and` (the one that decided it).
    static func failedLeaves(_ trace: ConditionTrace) -> [ConditionTrace] {
        guard trace.truth == .false else { return [] }
        switch trace.expression.kind {
        case .or, .named: return trace.children.flatMap(failedLeaves)
        case .and: return trace.children.first { $0.truth == .false }.map(failedLeaves) ?? [trace]
        case .not: return isComposite(trace) ? trace.children.flatMap(heldLeaves) : [trace]
        default: return [trace]
        }
    }

    /// A `not` over a named condition or a combination, whose parts are worth stating one by one; `not msp` is
    /// stated as it is.
    static func isComposite(_ negation: ConditionTrace) -> Bool {
        guard case .not(let inner) = negation.expression.kind else { return false }
        switch inner.unwrapped.kind {
        case .and, .or, .named, .not: return !negation.children.isEmpty
        default: return false
        }
    }
}
