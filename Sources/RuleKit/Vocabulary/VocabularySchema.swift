/// The JSON Schema (draft 2020-12) of a document of facts, generated from the vocabulary, so that editors
/// validate and complete profiles.
public enum VocabularySchema {
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// `extraProperties` are allowed besides the facts (e.g. `$schema`, `description`).
    public static func factsSchema(_ vocabulary: Vocabulary, id: String, title: String, extraProperties: [(String, JSONOutput)]) -> JSONOutput {
        var properties = extraProperties
        for fact in vocabulary.facts {
            properties.append((fact.name, schema(of: fact)))
        }
        let required = vocabulary.facts.filter(\.required).map { JSONOutput.string($0.name) }
        return .object([
            ("$schema", .string(dialect)),
            ("$id", .string(id)),
            ("title", .string(title)),
            ("type", .string("object")),
            ("required", .array(required)),
            ("additionalProperties", .bool(false)),
            ("properties", .object(properties)),
        ])
    }

    /// The schema of one fact's value: type, bounds, allowed values with their labels.
    public static func schema(of fact: Fact) -> JSONOutput {
        var members: [(String, JSONOutput)] = [("title", .string(fact.label))]
        var description = fact.help
        let nullable = !fact.required
        func type(_ name: String) -> JSONOutput {
            nullable ? .array([.string(name), .string("null")]) : .string(name)
        }
        switch fact.type {
        case .bool:
            members.append(("type", type("boolean")))
        case .int, .number:
            members.append(("type", type(fact.type == .int ? "integer" : "number")))
            if let minimum = fact.minimum { members.append(("minimum", .number(minimum))) }
            if let maximum = fact.maximum { members.append(("maximum", .number(maximum))) }
        case .text:
            members.append(("type", type("string")))
            members.append(("minLength", .integer(1)))
        case .enum:
            members.append(("enum", .array(fact.choices.map { .string($0.id) } + (nullable ? [.null] : []))))
            description += " Valeurs : " + fact.choices.map { "\($0.id) = \($0.label)" }.joined(separator: " ; ") + "."
        case .set:
            members.append(("type", .string("array")))
            members.append(("uniqueItems", .bool(true)))
            members.append(("items", .object([("enum", .array(fact.choices.map { .string($0.id) }))])))
            description += " Valeurs : " + fact.choices.map { "\($0.id) = \($0.label)" }.joined(separator: " ; ") + "."
        }
        members.insert(("description", .string(description.trimmingSpaces.isEmpty ? fact.label : String(description.trimmingSpaces))), at: 1)
        if let defaultValue = fact.defaultValue {
            members.append(("default", output(defaultValue)))
        }
        return .object(members)
    }

    public static func output(_ value: FactValue) -> JSONOutput {
        switch value {
        case .bool(let flag): return .bool(flag)
        case .number(let number): return .number(number)
        case .text(let text): return .string(text)
        case .set(let members): return .array(members.sorted().map { .string($0) })
        }
    }
}
