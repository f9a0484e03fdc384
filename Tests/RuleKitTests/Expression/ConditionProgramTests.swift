import Testing
import EngineTestSupport
import RuleKit

@Suite("Condition program")
struct ConditionProgramTests {
    private func program(_ sources: [String]) throws -> ConditionProgram {
        ConditionProgram(try sources.map(TestVocabulary.condition))
    }

    @Test func manyConditionsTogetherAgreeWithTheTraceOfEach() throws {
        let sources = EvaluationTests.propertyExpressions
        let conditions = try sources.map(TestVocabulary.condition)
        let program = ConditionProgram(conditions)
        var generator = SeededGenerator(seed: 0xC0DE_2026)
        for _ in 0..<300 {
            let facts = EvaluationTests.randomFacts(&generator)
            let truths = program.evaluate(facts)
            #expect(truths.count == sources.count)
            for (index, condition) in conditions.enumerated() {
                #expect(truths[index] == condition.trace(facts).truth, "\(sources[index]) with \(facts.slots)")
            }
        }
    }

    @Test func aTestSharedByConditionsIsOneAtom() throws {
        let program = try program([
            "population < 3500 and cpts",
            "not cpts or population < 3500",
            "population < 3500",
            "'prevention' in priorities and density == 'rural'",
            "'prevention' in priorities or density == 'rural' or density == 'urbain'",
        ])
        // population < 3500, cpts, 'prevention' in priorities, density == 'rural', density == 'urbain'.
        #expect(program.atomCount == 5)
        let facts = TestVocabulary.values(["population": .number(1200), "cpts": .bool(false), "density": .text("urbain")])
        #expect(program.evaluate(facts) == [.false, .true, .true, .false, .true])
    }

    @Test func moreThanSixtyFourLiteralsOfOneFactSpreadOverGroups() throws {
        let literals = (0..<70).map { "ville-\($0)" }
        let list = literals.map { "'\($0)'" }.joined(separator: ", ")
        let sources = ["name in [\(list)]", "name == 'ville-69'", "name != 'ville-3'", "name not in ['ville-0', 'ville-65']"]
        let program = try program(sources)
        for name in ["ville-0", "ville-3", "ville-64", "ville-65", "ville-69", "Lyon"] {
            let facts = TestVocabulary.values(["name": .text(name)])
            let expected: [Truth] = [
                Truth(literals.contains(name)), Truth(name == "ville-69"), Truth(name != "ville-3"),
                Truth(name != "ville-0" && name != "ville-65"),
            ]
            #expect(program.evaluate(facts) == expected, "name = \(name)")
        }
        #expect(program.evaluate(TestVocabulary.values(["name": nil])) == [.unknown, .unknown, .unknown, .unknown])
    }

    @Test func formsWithoutAnAtomOfTheirOwnAreStillEvaluated() throws {
        let program = try program(["cpts == clsm", "(population > 3500) != cpts", "-3 < share75Plus", "name in priorities"])
        let facts = TestVocabulary.values([
            "cpts": .bool(false), "clsm": .bool(false), "population": .number(5000), "share75Plus": .number(0),
            "name": .text("prevention"), "priorities": .set(["prevention"]),
        ])
        #expect(program.evaluate(facts) == [.true, .true, .true, .true])
        #expect(program.evaluate(TestVocabulary.values(["clsm": nil, "share75Plus": nil, "population": .number(10)]))
            == [.unknown, .false, .unknown, .unknown])
    }

    @Test func noConditionsGiveNoTruths() {
        #expect(ConditionProgram([]).evaluate(TestVocabulary.values()).isEmpty)
    }
}
