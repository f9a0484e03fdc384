import EngineTestSupport
import RuleKit
import Testing

@Suite("ConditionAnalyzer : une condition peut-elle être vraie, l'est-elle toujours ?")
struct ConditionAnalyzerTests {
    private func verdict(_ source: String) throws -> ConditionAnalyzer.Verdict {
        ConditionAnalyzer.analyze(try TestVocabulary.condition(source), vocabulary: TestVocabulary.vocabulary)
    }

    @Test(arguments: [
        ("population >= 1000", ConditionAnalyzer.Verdict.contingent),
        ("population >= 1", .alwaysTrue),
        ("population < 1", .neverTrue),
        ("population > 10 and population < 5", .neverTrue),
        ("population < 10 or population >= 10", .alwaysTrue),
        ("cpts or not cpts", .alwaysTrue),
        ("cpts and not cpts", .neverTrue),
        ("density in ['urbain', 'periurbain', 'rural']", .alwaysTrue),
        ("density == 'rural' and density == 'urbain'", .neverTrue),
        ("'prevention' in priorities and not 'prevention' in priorities", .neverTrue),
        ("share75Plus > 100", .neverTrue),
        ("share75Plus >= 0", .contingent),  // unknown when absent: not always true
        ("share75Plus > 12.5 and share75Plus < 12.6", .contingent),
        ("name == 'Saint-Aubin'", .contingent),
        ("clsm or not clsm", .contingent),  // an absent optional fact makes both unknown
    ])
    func verdicts(source: String, expected: ConditionAnalyzer.Verdict) throws {
        #expect(try verdict(source) == expected)
    }

    @Test("au-delà de 50 000 combinaisons : « possible » dès qu'un cas vrai et un cas faux sont trouvés, sinon indécis")
    func tooManyCombinations() throws {
        let numbers = (1...40).map(String.init).joined(separator: ", ")
        let source = "population in [\(numbers)] and share75Plus in [\(numbers)] and name in ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't']"
        var budget = ConditionAnalyzer.Budget(1_000_000)
        #expect(ConditionAnalyzer.analyze(try TestVocabulary.condition(source), vocabulary: TestVocabulary.vocabulary, budget: &budget) == .contingent)
        #expect(budget.remaining > 1_000_000 - 1_000, "a true and a false case come early")
        // Never true: only every combination could show it, and there are too many; the exploration stops at the limit.
        var small = ConditionAnalyzer.Budget(1_000_000)
        #expect(ConditionAnalyzer.analyze(try TestVocabulary.condition(source + " and population > 50"), vocabulary: TestVocabulary.vocabulary, budget: &small) == .undecided)
        #expect(small.remaining == 1_000_000 - ConditionAnalyzer.maximumCombinations)
    }

    @Test("un budget partagé : chaque analyse en paie le coût, celles qui ne tiennent plus sont indécises")
    func sharedBudget() throws {
        // Never true, so each analysis goes through every combination.
        let condition = try TestVocabulary.condition("population in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] and share75Plus in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] and population > 20")
        var budget = ConditionAnalyzer.Budget(2_000)
        let first = ConditionAnalyzer.analyze(condition, vocabulary: TestVocabulary.vocabulary, budget: &budget)
        #expect(first == .neverTrue)
        let cost = 2_000 - budget.remaining
        #expect(cost > 0 && cost <= 2_000)
        var verdicts: [ConditionAnalyzer.Verdict] = []
        for _ in 0..<10 { verdicts.append(ConditionAnalyzer.analyze(condition, vocabulary: TestVocabulary.vocabulary, budget: &budget)) }
        #expect(verdicts.contains(.undecided))
        #expect(budget.remaining >= 0 && budget.remaining < cost)
    }
}
