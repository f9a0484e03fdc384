// libFuzzer target: any text given as a condition is parsed, type-checked, compiled, evaluated, traced,
// described in French and analysed without crashing.
import MandatSante
import RuleKit

let vocabulary = Vocabulary(facts: [
    Fact(name: "population", type: .int, label: "population", required: true, minimum: 1, maximum: 3_000_000, unit: "habitants"),
    Fact(name: "share75Plus", type: .number, label: "part des 75 ans ou plus", minimum: 0, maximum: 100, unit: "%"),
    Fact(name: "cpts", type: .bool, label: "une CPTS", falseLabel: "pas de CPTS", defaultValue: .bool(false)),
    Fact(name: "density", type: .enum, label: "densité",
         choices: [.init(id: "bourg-rural", label: "bourg rural"), .init(id: "petite-ville", label: "petite ville")],
         required: true),
    Fact(name: "priorities", type: .set, label: "priorités",
         choices: [.init(id: "acces-aux-soins", label: "accès aux soins"), .init(id: "sante-mentale", label: "santé mentale")],
         defaultValue: .set([])),
    Fact(name: "name", type: .text, label: "nom", required: true),
])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    guard case .success(let condition) = Condition.compile(source, vocabulary: vocabulary) else { return 0 }
    var facts = FactValues(defaultsOf: vocabulary)
    facts.set("population", to: .number(Double(size * 97 % 50_000 + 1)), in: vocabulary)
    facts.set("density", to: .text(size % 2 == 0 ? "bourg-rural" : "petite-ville"), in: vocabulary)
    let truth = condition.evaluate(facts)
    let trace = condition.trace(facts)
    // The compiled evaluator and the tracing interpreter must agree.
    if trace.truth != truth { fatalError("evaluate and trace disagree on: \(source)") }
    _ = ConditionExplainer(vocabulary: vocabulary).reasons(trace)
    _ = ConditionDescriber(vocabulary: vocabulary).describe(condition.expression)
    _ = ConditionAnalyzer.analyze(condition, vocabulary: vocabulary)
    return 0
}
