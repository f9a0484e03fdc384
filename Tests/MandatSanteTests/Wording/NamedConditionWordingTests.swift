import Testing
import EngineTestSupport
import MandatSante
import RuleKit

@Suite("conditions nommées, lues en français")
struct NamedConditionWordingTests {
    private func entry(_ name: String, _ condition: String, line: Int) -> ConditionDefinitions.Entry {
        ConditionDefinitions.Entry(name: LocatedText(name, at: SourceLocation(line: line, column: 5)),
                                   condition: LocatedText(condition, at: SourceLocation(line: line, column: 30)))
    }

    private func definitions(_ entries: [ConditionDefinitions.Entry]) -> (ConditionDefinitions, [Diagnostic]) {
        ConditionDefinitions.compile(entries, vocabulary: TestVocabulary.vocabulary)
    }

    @Test func describedAndExplainedLikeTheConditionItStandsFor() throws {
        let (defined, _) = definitions([entry("petite-commune", "population < 3500", line: 1), entry("sans-cpts", "not cpts", line: 2)])
        let named = try #require(try? Condition.compile("petite-commune and sans-cpts", vocabulary: TestVocabulary.vocabulary, definitions: defined).get())
        let written = try TestVocabulary.condition("population < 3500 and not cpts")
        let describer = ConditionDescriber(vocabulary: TestVocabulary.vocabulary)
        #expect(describer.describe(named.expression) == describer.describe(written.expression))
        let explainer = ConditionExplainer(vocabulary: TestVocabulary.vocabulary)
        let facts = TestVocabulary.values(["population": .number(420)])
        #expect(explainer.reasons(named.trace(facts)) == explainer.reasons(written.trace(facts)))
        #expect(explainer.heldLeaves(named.trace(facts)) == explainer.heldLeaves(written.trace(facts)))
        #expect(named.trace(facts).children.first?.text == "petite-commune")
    }

}
