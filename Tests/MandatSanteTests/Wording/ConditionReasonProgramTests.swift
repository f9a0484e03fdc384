@testable import MandatSante
import ProfileGeneration
import RuleKit
import EngineTestSupport
import Testing

/// Why a recommendation does not apply names the parts of its condition that failed, with the territory's values.
/// A batch finds them with one program per recommendation (`ConditionReasonProgram`) instead of tracing each
/// condition: it must say exactly what the trace says.
@Suite("Raisons d'une condition non remplie, sans trace")
struct ConditionReasonProgramTests {
    @Test("300 territoires générés : pour chaque condition, les mêmes raisons que la trace, mot pour mot")
    func sameReasonsAsTheTrace() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase, "la base de règles Rules/ doit se charger")
        let vocabulary = ruleBase.vocabulary
        let explainer = ConditionExplainer(vocabulary: vocabulary)
        let profiles = try ProfileGenerator(vocabulary: vocabulary, seed: 20_261_203).profiles(count: 300)
        var differing: [String] = []
        var failed = 0, unknown = 0, neither = 0, compared = 0
        for recommendation in ruleBase.recommendations {
            let program = ConditionReasonProgram(recommendation.condition.expression, vocabulary: vocabulary)
            for profile in profiles {
                let facts = profile.facts
                let trace = recommendation.condition.trace(facts)
                let traced = explainer.reasons(trace)
                let found = program.reasons(facts)
                // As a batch asks: the numbers of the territory written once.
                let numbers = vocabulary.facts.map { $0.type.isNumeric ? ValueFormatter.value(profile.value($0.name), of: $0) : nil }
                if program.reasons(facts, numbers: numbers) != traced { differing.append("\(recommendation.id) pour \(profile.name), nombres écrits d'avance") }
                if trace.truth == .false { failed += 1 }
                if trace.truth == .unknown { unknown += 1 }
                if trace.truth != .true {
                    neither += traced.filter { $0.hasPrefix("ni ") }.count
                    compared += traced.filter { $0.contains(" contre ") }.count
                }
                if found != traced {
                    differing.append("\(recommendation.id) pour \(profile.name) : \(found) au lieu de \(traced)")
                }
            }
        }
        #expect(differing.isEmpty, "\(differing.count) différences, dont \(differing.prefix(3).joined(separator: " ; "))")
        // The rule base has conditions that fail, that cannot be decided, that fail on every part of an `or`, and
        // that compare two facts.
        #expect(failed > 10_000, "\(failed) conditions non remplies")
        #expect(unknown > 100, "\(unknown) conditions indéterminées")
        #expect(neither > 1_000, "\(neither) raisons « ni … »")
        #expect(compared > 10, "\(compared) raisons qui comparent deux faits")
    }

    @Test("Chaque forme de condition : les parties en échec, avec les valeurs du territoire, comme la trace",
          arguments: [
              ("population >= 3500 and (cpts or density == 'rural')", ["population": .number(1_200), "cpts": .bool(false), "density": .text("urbain")]),
              ("cpts or density == 'rural'", ["cpts": .bool(false), "density": .text("urbain")]),
              ("share75Plus > population", ["population": .number(120), "share75Plus": .number(12.5)]),
              ("not (cpts and population < 3500)", ["population": .number(1_200), "cpts": .bool(true)]),
              ("share75Plus > 12 and population < 3500", ["population": .number(1_200)]),
              ("density not in ['urbain', 'rural'] and 'prevention' in priorities", ["density": .text("rural"), "priorities": .set(["prevention"])]),
          ] as [(String, [String: FactValue?])])
    func sameReasonsForEachForm(source: String, facts assignments: [String: FactValue?]) throws {
        let condition = try TestVocabulary.condition(source)
        let facts = TestVocabulary.values(assignments)
        let program = ConditionReasonProgram(condition.expression, vocabulary: TestVocabulary.vocabulary)
        let found = program.reasons(facts)
        #expect(found == ConditionExplainer(vocabulary: TestVocabulary.vocabulary).reasons(condition.trace(facts)))
    }

    @Test("Une condition non remplie : la population du territoire, puis les deux alternatives qui manquent")
    func failedPartsWithTheirValues() throws {
        let condition = try TestVocabulary.condition("population >= 3500 and (cpts or density == 'rural')")
        let facts = TestVocabulary.values(["population": .number(1_200), "cpts": .bool(false), "density": .text("urbain")])
        let program = ConditionReasonProgram(condition.expression, vocabulary: TestVocabulary.vocabulary)
        let found = program.reasons(facts)
        #expect(found == [
            "population : au moins 3\u{00A0}500\u{00A0}habitants — ici 1\u{00A0}200\u{00A0}habitants",
            "ni une CPTS couvre le territoire ; ni densité : zone rurale — ici zone urbaine",
        ])
    }
}
