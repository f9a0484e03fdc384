import Testing
import EngineTestSupport
import RuleKit

@Suite("conditions nommées")
struct ConditionDefinitionsTests {
    private func entry(_ name: String, _ condition: String, line: Int) -> ConditionDefinitions.Entry {
        ConditionDefinitions.Entry(name: LocatedText(name, at: SourceLocation(line: line, column: 5)),
                                   condition: LocatedText(condition, at: SourceLocation(line: line, column: 30)))
    }

    private func definitions(_ entries: [ConditionDefinitions.Entry]) -> (ConditionDefinitions, [Diagnostic]) {
        ConditionDefinitions.compile(entries, vocabulary: TestVocabulary.vocabulary)
    }

    @Test func aNamedConditionEvaluatesLikeItsDefinition() throws {
        let (defined, problems) = definitions([
            entry("petite-commune", "population < 3500", line: 1),
            entry("petite-commune-sans-cpts", "petite-commune and not cpts", line: 2),
        ])
        #expect(problems.isEmpty)
        let named = try #require(try? Condition.compile("petite-commune-sans-cpts or clsm", vocabulary: TestVocabulary.vocabulary, definitions: defined).get())
        let written = try TestVocabulary.condition("(population < 3500 and not cpts) or clsm")
        for population in [100.0, 3499, 3500, 20000] {
            for cpts in [true, false] {
                for clsm: FactValue? in [.bool(true), .bool(false), nil] {
                    let facts = TestVocabulary.values(["population": .number(population), "cpts": .bool(cpts), "clsm": clsm])
                    #expect(named.evaluate(facts) == written.evaluate(facts))
                    #expect(named.trace(facts).truth == written.trace(facts).truth)
                }
            }
        }
        #expect(named.references == ["petite-commune-sans-cpts"])
        #expect(named.resolvedSource == "(population < 3500 and not cpts) or clsm")
        #expect(named.source == "petite-commune-sans-cpts or clsm")
    }

    @Test func tracedThroughTheNamedCondition() throws {
        let (defined, _) = definitions([entry("petite-commune", "population < 3500", line: 1)])
        let named = try #require(try? Condition.compile("petite-commune and not cpts", vocabulary: TestVocabulary.vocabulary, definitions: defined).get())
        let trace = named.trace(TestVocabulary.values(["population": .number(420)]))
        #expect(trace.truth == .true)
        #expect(trace.children.first?.text == "petite-commune")
        #expect(trace.children.first?.children.first?.text == "population < 3500")
    }

    @Test func problemsAreReportedWhereTheDefinitionIsWritten() {
        let (_, problems) = definitions([
            entry("petite-commune", "population < 3500", line: 1),
            entry("petite-commune", "population < 2000", line: 2),
            entry("Grande", "population > 1", line: 3),
            entry("cpts", "true", line: 4),
            entry("boucle-a", "boucle-b and cpts", line: 5),
            entry("boucle-b", "boucle-a", line: 6),
            entry("faute", "populaton < 3", line: 7),
            entry("utilise-faute", "faute or cpts", line: 8),
        ])
        #expect(problems.map(\.code) == [
            "definitions.doublon", "definitions.nom-invalide", "definitions.nom-de-fait", "definitions.cycle", "expression.fait-inconnu",
        ])
        #expect(problems[0].location == SourceLocation(line: 2, column: 5))
        #expect(problems[0].notes.map(\.location) == [SourceLocation(line: 1, column: 5)])
        #expect(problems[3].arguments == ["cycle": "boucle-a → boucle-b → boucle-a"])
        #expect(problems[3].notes.map(\.location) == [SourceLocation(line: 6, column: 5)])
        #expect(problems[4].location == SourceLocation(line: 7, column: 30))
    }

    @Test func anUnknownNameIsSuggestedAmongFactsAndDefinitions() {
        let (defined, _) = definitions([entry("petite-commune", "population < 3500", line: 1)])
        guard case .failure(let failure) = Condition.compile("petite-comune and cpts", vocabulary: TestVocabulary.vocabulary, definitions: defined) else {
            Issue.record("an unknown named condition must be refused")
            return
        }
        #expect(failure.errors.map(\.code) == ["expression.definition-inconnue"])
        #expect(failure.errors.first?.arguments == ["name": "petite-comune", "suggestion": "petite-commune"])
        #expect(failure.errors.first?.range == 0..<13)
    }

    @Test func hyphensOnlyJoinNamePartsInTheLexer() throws {
        let negative = try TestVocabulary.condition("population > -5")
        #expect(negative.evaluate(TestVocabulary.values(["population": .number(1)])) == .true)
    }
}
