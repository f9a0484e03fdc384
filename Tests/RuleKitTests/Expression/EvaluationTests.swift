import Testing
import EngineTestSupport
import RuleKit

@Suite("Evaluation")
struct EvaluationTests {
    private static func value(_ truth: Truth) -> FactValue? {
        switch truth {
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .unknown: return nil
        }
    }

    /// Evaluates with the compiled closure and with the trace; both must agree.
    private func evaluate(_ source: String, _ assignments: [String: FactValue?]) throws -> Truth {
        let condition = try TestVocabulary.condition(source)
        let facts = TestVocabulary.values(assignments)
        let truth = condition.evaluate(facts)
        #expect(condition.trace(facts).truth == truth, "trace disagrees for \(source)")
        return truth
    }

    // MARK: Three-valued logic

    /// Kleene logic, written out: (a, b, a and b, a or b). `clsm` and `cpts` are absent for unknown.
    static let twoValued: [(Truth, Truth, Truth, Truth)] = [
        (.true, .true, .true, .true),
        (.true, .false, .false, .true),
        (.true, .unknown, .unknown, .true),
        (.false, .true, .false, .true),
        (.false, .false, .false, .false),
        (.false, .unknown, .false, .unknown),
        (.unknown, .true, .unknown, .true),
        (.unknown, .false, .false, .unknown),
        (.unknown, .unknown, .unknown, .unknown),
    ]

    @Test(arguments: twoValued)
    func andOrTruthTable(a: Truth, b: Truth, and: Truth, or: Truth) throws {
        let facts: [String: FactValue?] = ["clsm": Self.value(a), "cpts": Self.value(b)]
        #expect(try evaluate("clsm and cpts", facts) == and)
        #expect(try evaluate("clsm or cpts", facts) == or)
        #expect(try evaluate("not (clsm and cpts)", facts) == !and)
        #expect(try evaluate("not clsm or not cpts", facts) == !and)
    }

    @Test(arguments: [(Truth.true, Truth.false), (.false, .true), (.unknown, .unknown)])
    func notTruthTable(a: Truth, expected: Truth) throws {
        #expect(try evaluate("not clsm", ["clsm": Self.value(a)]) == expected)
        #expect(try evaluate("not not clsm", ["clsm": Self.value(a)]) == a)
    }

    @Test func absentOptionalFactIsUnknownNotFalse() throws {
        let absent: [String: FactValue?] = ["share75Plus": nil, "cpts": .bool(true)]
        #expect(try evaluate("share75Plus > 20", absent) == .unknown)
        #expect(try evaluate("share75Plus <= 20", absent) == .unknown)
        #expect(try evaluate("not (share75Plus > 20)", absent) == .unknown)
        #expect(try evaluate("share75Plus > 20 and population < 0", absent.merging(["population": .number(5)]) { $1 }) == .false)
        #expect(try evaluate("share75Plus > 20 or cpts", absent) == .true)
        #expect(try evaluate("share75Plus > 20 and cpts", absent) == .unknown)
        #expect(Truth.unknown.holds == false)
        #expect(Truth.true.holds)
    }

    @Test func defaultsAreUsedWhenAFactIsNotStated() throws {
        #expect(try evaluate("cpts", [:]) == .false)
        #expect(try evaluate("not cpts", [:]) == .true)
        #expect(try evaluate("'prevention' in priorities", [:]) == .false)
        #expect(try evaluate("clsm", [:]) == .unknown)
    }

    // MARK: Comparisons and membership

    struct Case: Sendable, CustomTestStringConvertible {
        var source: String
        var facts: [String: FactValue?]
        var expected: Truth

        init(_ source: String, _ facts: [String: FactValue?], _ expected: Truth) {
            self.source = source
            self.facts = facts
            self.expected = expected
        }

        var testDescription: String { "\(source) with \(facts.keys.sorted()) → \(expected)" }
    }

    static let cases: [Case] = [
        Case("population < 3500", ["population": .number(3499)], .true),
        Case("population < 3500", ["population": .number(3500)], .false),
        Case("population <= 3500", ["population": .number(3500)], .true),
        Case("population > 3499.5", ["population": .number(3500)], .true),
        Case("population >= 3500", ["population": .number(3499)], .false),
        Case("-3 < share75Plus", ["share75Plus": .number(0)], .true),
        Case("population == 3500", ["population": .number(3500)], .true),
        Case("population != 3500", ["population": .number(3500)], .false),
        Case("name == 'Lyon'", ["name": .text("Lyon")], .true),
        Case("name == 'Lyon'", ["name": .text("lyon")], .false),
        Case("name != 'Lyon'", ["name": nil], .unknown),
        Case("density == 'rural'", ["density": .text("rural")], .true),
        Case("cpts == clsm", ["cpts": .bool(false), "clsm": .bool(false)], .true),
        Case("cpts == clsm", ["cpts": .bool(true), "clsm": nil], .unknown),
        Case("(population > 3500) != cpts", ["population": .number(5000), "cpts": .bool(false)], .true),
        Case("(share75Plus > 3500) != cpts", ["share75Plus": nil, "cpts": .bool(false)], .unknown),
        Case("density in ['urbain', 'rural']", ["density": .text("urbain")], .true),
        Case("density in ['urbain', 'rural']", ["density": .text("periurbain")], .false),
        Case("density in ['urbain', 'rural']", ["density": nil], .unknown),
        Case("density not in ['urbain', 'rural']", ["density": .text("urbain")], .false),
        Case("density not in ['urbain', 'rural']", ["density": .text("periurbain")], .true),
        Case("density not in ['urbain', 'rural']", ["density": nil], .unknown),
        Case("'prevention' in priorities", ["priorities": .set(["prevention"])], .true),
        Case("'prevention' in priorities", ["priorities": .set([])], .false),
        Case("'prevention' in priorities", ["priorities": nil], .unknown),
        Case("'prevention' not in priorities", ["priorities": .set(["prevention", "sante-mentale"])], .false),
        Case("'prevention' not in priorities", ["priorities": .set(["sante-mentale"])], .true),
        Case("'prevention' not in priorities", ["priorities": nil], .unknown),
        Case("name in priorities", ["name": .text("prevention"), "priorities": .set(["prevention"])], .true),
        Case("population in [share75Plus, 3500]", ["population": .number(3500), "share75Plus": nil], .true),
        Case("population in [share75Plus, 3500]", ["population": .number(100), "share75Plus": nil], .unknown),
        Case("population in [share75Plus, 3500]", ["population": .number(100), "share75Plus": .number(100)], .true),
        Case("population in [share75Plus, 3500]", ["population": .number(100), "share75Plus": .number(50)], .false),
        Case("population not in [share75Plus, 3500]", ["population": .number(3500), "share75Plus": nil], .false),
        Case("population not in [share75Plus, 3500]", ["population": .number(100), "share75Plus": nil], .unknown),
        Case("population not in [share75Plus, 3500]", ["population": .number(100), "share75Plus": .number(50)], .true),
        Case("population in []", ["population": .number(1)], .false),
        Case("population not in []", ["population": .number(1)], .true),
        Case("population in [1, 2]", ["population": nil], .unknown),
        Case("cpts in [clsm, true]", ["cpts": .bool(false), "clsm": nil], .unknown),
        Case("cpts in [clsm, true]", ["cpts": .bool(true), "clsm": nil], .true),
        Case("cpts in [clsm, true]", ["cpts": .bool(false), "clsm": .bool(false)], .true),
        Case("true and not false", [:], .true),
        Case("false or false", [:], .false),
    ]

    @Test(arguments: cases)
    func evaluates(_ testCase: Case) throws {
        #expect(try evaluate(testCase.source, testCase.facts) == testCase.expected)
    }

    // MARK: Trace

    @Test func traceRecordsEverySubExpression() throws {
        let condition = try TestVocabulary.condition("not cpts and population < 3500")
        let trace = condition.trace(TestVocabulary.values(["population": .number(12_400)]))
        #expect(trace.text == "not cpts and population < 3500")
        #expect(trace.outcome == .truth(.false))
        #expect(trace.children.map(\.text) == ["not cpts", "population < 3500"])
        #expect(trace.children.map(\.outcome) == [.truth(.true), .truth(.false)])
        #expect(trace.children[0].children.map(\.outcome) == [.truth(.false)])
        let comparison = trace.children[1]
        #expect(comparison.children.map(\.text) == ["population", "3500"])
        #expect(comparison.children.map(\.outcome) == [.value(.number(12_400)), .value(.number(3500))])
    }

    @Test func traceOfListsAndAbsentFacts() throws {
        let condition = try TestVocabulary.condition("population in [share75Plus, 3500]")
        let trace = condition.trace(TestVocabulary.values(["population": .number(7), "share75Plus": nil]))
        #expect(trace.truth == .unknown)
        let list = trace.children[1]
        #expect(list.outcome == .list)
        #expect(list.truth == .unknown)
        #expect(list.children.map(\.outcome) == [.value(nil), .value(.number(3500))])
    }

    // MARK: Property: the compiled evaluator, the trace and a reference interpreter agree

    static let propertyExpressions = [
        "not cpts and population < 3500",
        "cpts or clsm",
        "not clsm",
        "density in ['urbain', 'rural']",
        "density not in ['periurbain']",
        "'sante-mentale' in priorities",
        "'prevention' not in priorities or share75Plus >= 12.5",
        "population >= 1000 and (density == 'rural' or not cpts)",
        "share75Plus > 20 and clsm",
        "cpts == clsm",
        "(population > 3500) != cpts",
        "name == 'Lyon' or name != 'Paris'",
        "population in [1, 500, 12400]",
        "not (cpts and clsm) or share75Plus < -1",
        "cpts in [clsm, true]",
        "population not in [share75Plus, 3500] and not (density == 'urbain')",
        "name in priorities or not ('acces-aux-soins' in priorities and clsm)",
    ]

    static func randomFacts(_ generator: inout SeededGenerator) -> FactValues {
        func pick<T>(_ options: [T]) -> T { options[Int(generator.next() % UInt64(options.count))] }
        var facts = TestVocabulary.values()
        let vocabulary = TestVocabulary.vocabulary
        facts.set("name", to: pick([nil, .text("Lyon"), .text("Paris"), .text("Saint-Étienne"), .text("prevention")]), in: vocabulary)
        facts.set("population", to: pick([nil] + [1, 500, 3499, 3500, 3501, 12_400, 250_000].map { .number($0) }), in: vocabulary)
        facts.set("density", to: pick([nil, .text("urbain"), .text("periurbain"), .text("rural")]), in: vocabulary)
        facts.set("cpts", to: pick([nil, .bool(true), .bool(false)]), in: vocabulary)
        facts.set("clsm", to: pick([nil, .bool(true), .bool(false)]), in: vocabulary)
        let priorities = ["acces-aux-soins", "sante-mentale", "prevention"].filter { _ in generator.next() % 2 == 0 }
        facts.set("priorities", to: generator.next() % 5 == 0 ? nil : .set(Set(priorities)), in: vocabulary)
        facts.set("share75Plus", to: pick([nil] + [0, 12.5, 20, 20.5, 100].map { .number($0) }), in: vocabulary)
        return facts
    }

    @Test(arguments: propertyExpressions)
    func compiledEvaluatorAgreesWithTrace(source: String) throws {
        let condition = try TestVocabulary.condition(source)
        var generator = SeededGenerator(seed: 0x5EED_2026)
        var seen: Set<Truth> = []
        for _ in 0..<300 {
            let facts = Self.randomFacts(&generator)
            let compiled = condition.evaluate(facts)
            let trace = condition.trace(facts)
            #expect(compiled == trace.truth, "\(source) with \(facts.slots)")
            #expect(compiled == ReferenceInterpreter.truth(condition.expression, facts), "\(source) with \(facts.slots)")
            seen.insert(compiled)
        }
        // The inputs are varied enough to reach more than one outcome for every expression.
        #expect(seen.count >= 2, "\(source) only gave \(seen)")
    }

    @Test func generatorIsDeterministic() {
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        #expect((0..<10).map { _ in a.next() } == (0..<10).map { _ in b.next() })
    }
}

/// A deliberately plain, independent reading of the language's semantics, to check the engine against.
private enum ReferenceInterpreter {
    static func truth(_ expression: Expression, _ facts: FactValues) -> Truth {
        switch expression.kind {
        case .bool(let value):
            return value ? .true : .false
        case .named(let reference):
            return truth(reference.expression, facts)
        case .fact:
            guard case .bool(let flag)? = operand(expression, facts) else { return .unknown }
            return flag ? .true : .false
        case .not(let inner):
            switch truth(inner, facts) {
            case .true: return .false
            case .false: return .true
            case .unknown: return .unknown
            }
        case .and(let operands):
            let values = operands.map { truth($0, facts) }
            if values.contains(.false) { return .false }
            return values.contains(.unknown) ? .unknown : .true
        case .or(let operands):
            let values = operands.map { truth($0, facts) }
            if values.contains(.true) { return .true }
            return values.contains(.unknown) ? .unknown : .false
        case .comparison(let op, let left, let right):
            guard let leftValue = operand(left, facts) else { return .unknown }
            if case .list(let items) = right.kind {
                let values = items.map { operand($0, facts) }
                let found = values.contains { $0 == leftValue }
                if found { return op == .in ? .true : .false }
                if values.contains(where: { $0 == nil }) { return .unknown }
                return op == .in ? .false : .true
            }
            guard let rightValue = operand(right, facts) else { return .unknown }
            switch (op, leftValue, rightValue) {
            case (.equal, _, _): return leftValue == rightValue ? .true : .false
            case (.notEqual, _, _): return leftValue != rightValue ? .true : .false
            case (.less, .number(let a), .number(let b)): return a < b ? .true : .false
            case (.lessOrEqual, .number(let a), .number(let b)): return a <= b ? .true : .false
            case (.greater, .number(let a), .number(let b)): return a > b ? .true : .false
            case (.greaterOrEqual, .number(let a), .number(let b)): return a >= b ? .true : .false
            case (.in, .text(let value), .set(let members)): return members.contains(value) ? .true : .false
            case (.notIn, .text(let value), .set(let members)): return members.contains(value) ? .false : .true
            default: return .unknown
            }
        case .number, .string, .list:
            return .unknown
        }
    }

    static func operand(_ expression: Expression, _ facts: FactValues) -> FactValue? {
        switch expression.kind {
        case .number(let value): return .number(value)
        case .string(let text): return .text(text)
        case .bool(let value): return .bool(value)
        case .fact(let name): return facts.value(of: name, in: TestVocabulary.vocabulary)
        default:
            switch truth(expression, facts) {
            case .true: return .bool(true)
            case .false: return .bool(false)
            case .unknown: return nil
            }
        }
    }
}
