import RuleKit

/// A small vocabulary built in Swift, independent of the project's rule files.
public enum TestVocabulary {
    public static let nbsp = "\u{00A0}"

    public static let facts: [Fact] = [
        Fact(name: "name", type: .text, label: "nom du territoire", required: true),
        Fact(name: "population", type: .int, label: "population", required: true, minimum: 1, unit: "habitants"),
        Fact(name: "density", type: .enum, label: "densité", choices: [
            Fact.Choice(id: "urbain", label: "zone urbaine"),
            Fact.Choice(id: "periurbain", label: "zone périurbaine"),
            Fact.Choice(id: "rural", label: "zone rurale"),
        ], required: true),
        Fact(name: "cpts", type: .bool, label: "une CPTS couvre le territoire",
             falseLabel: "aucune CPTS ne couvre le territoire", defaultValue: .bool(false)),
        Fact(name: "clsm", type: .bool, label: "un CLSM existe", falseLabel: "pas de CLSM"),
        Fact(name: "priorities", type: .set, label: "priorités", choices: [
            Fact.Choice(id: "acces-aux-soins", label: "accès aux soins"),
            Fact.Choice(id: "sante-mentale", label: "santé mentale"),
            Fact.Choice(id: "prevention", label: "prévention"),
        ], defaultValue: .set([])),
        Fact(name: "share75Plus", type: .number, label: "part des 75 ans et plus", minimum: 0, maximum: 100, unit: "%"),
    ]

    public static let vocabulary = Vocabulary(facts: facts)

    public static func fact(_ name: String) -> Fact {
        guard let fact = vocabulary.fact(named: name) else { fatalError("no test fact \(name)") }
        return fact
    }

    /// Defaults of the vocabulary, then the given values (`nil` makes a fact absent).
    public static func values(_ assignments: [String: FactValue?] = [:]) -> FactValues {
        var values = FactValues(defaultsOf: vocabulary)
        for (name, value) in assignments {
            precondition(vocabulary.slot(of: name) != nil, "no test fact \(name)")
            values.set(name, to: value, in: vocabulary)
        }
        return values
    }

    /// Compiles a condition that must be valid.
    public static func condition(_ source: String) throws -> Condition {
        switch Condition.compile(source, vocabulary: vocabulary) {
        case .success(let condition): return condition
        case .failure(let failure): throw failure
        }
    }
}

/// A deterministic pseudo-random generator (SplitMix64), so that property tests always see the same inputs.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Expression {
    /// The tree as an S-expression, e.g. `(or (and (not a) b) c)`, to assert structure in one string.
    public var tree: String {
        switch kind {
        case .bool(let value): return value ? "true" : "false"
        case .number(let value):
            return value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .string(let text): return "'\(text)'"
        case .fact(let name): return name
        case .list(let items): return "[" + items.map(\.tree).joined(separator: " ") + "]"
        case .not(let operand): return "(not \(operand.tree))"
        case .and(let operands): return "(and " + operands.map(\.tree).joined(separator: " ") + ")"
        case .or(let operands): return "(or " + operands.map(\.tree).joined(separator: " ") + ")"
        case .comparison(let op, let left, let right): return "(\(op.rawValue) \(left.tree) \(right.tree))"
        case .named(let reference): return "<\(reference.name)>"
        }
    }
}

/// Parses `source` and returns the error, or nil when it parses.
public func parseError(_ source: String) -> ExpressionError? {
    do {
        _ = try Parser.parse(source)
        return nil
    } catch {
        return error
    }
}

/// Parses JSON and returns the error, or nil when it parses.
public func jsonError(_ bytes: [UInt8]) -> JSONSyntaxError? {
    do {
        _ = try JSONParser.parse(bytes)
        return nil
    } catch {
        return error
    }
}

public func jsonError(_ text: String) -> JSONSyntaxError? {
    jsonError(Array(text.utf8))
}

public func loc(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(line: line, column: column)
}
