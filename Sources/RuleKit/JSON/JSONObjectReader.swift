/// Reads the fields of one JSON object, collecting a diagnostic for each missing, mistyped or unknown field
/// instead of stopping at the first.
///
/// Diagnostics carry the field's `key`, what was `expected` and what was `found` (a kind name), and the
/// `context`: how the caller names the object (the engine words nothing; the caller's wording does).
public struct JSONObjectReader {
    public let node: JSONNode
    public let file: String
    /// How the object is named in messages, given by the caller, e.g. « la recommandation « cls-engager » ».
    public let context: String
    public private(set) var diagnostics: [Diagnostic] = []
    private let members: [JSONMember]
    private var requested: [String] = []

    /// Returns nil, with a diagnostic, when `node` is not an object.
    public init?(_ node: JSONNode, file: String, context: String, diagnostics: inout [Diagnostic]) {
        guard case .object(let members) = node.value else {
            diagnostics.append(.error("json.type", ["context": context, "expected": "object", "found": node.kindName],
                                      at: node.location.placed(in: file)))
            return nil
        }
        self.node = node
        self.file = file
        self.context = context
        self.members = members
    }

    /// The raw member, marking the key as known.
    public mutating func member(_ key: String, required: Bool = false) -> JSONMember? {
        requested.append(key)
        guard let member = members.first(where: { $0.key == key }) else {
            if required {
                report("json.champ-manquant", ["key": key, "context": context], at: node.location)
            }
            return nil
        }
        return member
    }

    public mutating func stringNode(_ key: String, required: Bool = false) -> JSONNode? {
        guard let member = member(key, required: required) else { return nil }
        guard case .string = member.value.value else {
            return mistyped(member, expected: "string")
        }
        reportControlCharacter(in: member.value, key: key)
        return member.value
    }

    /// Texts of a rule base end up in terminals and documents: a control character (escape, tabulation, line
    /// break…) in one is reported where it is.
    private mutating func reportControlCharacter(in node: JSONNode, key: String) {
        guard case .string(let text) = node.value,
              let offset = text.unicodeScalars.firstIndex(where: TerminalText.isForbiddenInText) else { return }
        let position = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: offset)
        let scalar = text.unicodeScalars[offset]
        report("json.caractere-de-controle", ["key": key, "character": TerminalText.codePoint(scalar)], at: node.locationInString(offset: position))
    }

    public mutating func string(_ key: String, required: Bool = false, nonEmpty: Bool = true) -> String? {
        guard let node = stringNode(key, required: required), case .string(let text) = node.value else { return nil }
        if nonEmpty && text.trimmingSpaces.isEmpty {
            report("json.texte-vide", ["key": key, "context": context], at: node.location)
            return nil
        }
        return text
    }

    public mutating func number(_ key: String, required: Bool = false, in range: ClosedRange<Double>? = nil, integer: Bool = false) -> Double? {
        guard let member = member(key, required: required) else { return nil }
        guard case .number(let value, let literal) = member.value.value else {
            return mistyped(member, expected: integer ? "integer" : "number")
        }
        if integer && value.rounded() != value {
            report("json.type", ["key": key, "expected": "integer", "literal": literal], at: member.value.location)
            return nil
        }
        if let range, !range.contains(value) {
            report("json.hors-limites", ["key": key, "literal": literal, "minimum": Self.format(range.lowerBound), "maximum": Self.format(range.upperBound)],
                   at: member.value.location)
            return nil
        }
        return value
    }

    public mutating func int(_ key: String, required: Bool = false, in range: ClosedRange<Int>? = nil) -> Int? {
        let doubleRange = range.map { Double($0.lowerBound)...Double($0.upperBound) }
        return number(key, required: required, in: doubleRange, integer: true).map { Int($0) }
    }

    public mutating func bool(_ key: String, required: Bool = false) -> Bool? {
        guard let member = member(key, required: required) else { return nil }
        guard case .bool(let value) = member.value.value else {
            return mistyped(member, expected: "boolean")
        }
        return value
    }

    public mutating func array(_ key: String, required: Bool = false) -> [JSONNode]? {
        guard let member = member(key, required: required) else { return nil }
        guard case .array(let elements) = member.value.value else {
            return mistyped(member, expected: "array")
        }
        return elements
    }

    /// A list of texts, each with its node; `count` bounds the number of elements.
    public mutating func stringNodes(_ key: String, required: Bool = false, count: ClosedRange<Int>? = nil) -> [(text: String, node: JSONNode)]? {
        guard let elements = array(key, required: required) else { return nil }
        var result: [(String, JSONNode)] = []
        for element in elements {
            guard case .string(let text) = element.value, !text.trimmingSpaces.isEmpty else {
                report("json.type", ["key": key, "expected": "non-empty-strings", "found": element.kindName], at: element.location)
                continue
            }
            reportControlCharacter(in: element, key: key)
            result.append((text, element))
        }
        if let count, !count.contains(elements.count), let member = members.first(where: { $0.key == key }) {
            var arguments = ["key": key, "count": String(elements.count), "minimum": String(count.lowerBound), "context": context]
            if count.upperBound != Int.max { arguments["maximum"] = String(count.upperBound) }
            report("json.nombre-elements", arguments, at: member.value.location)
        }
        return result
    }

    public mutating func strings(_ key: String, required: Bool = false, count: ClosedRange<Int>? = nil) -> [String]? {
        stringNodes(key, required: required, count: count).map { $0.map(\.text) }
    }

    /// Reports fields that were never asked for, with the nearest known field name.
    public mutating func reportUnknownFields(severity: Diagnostic.Severity = .error) {
        for member in members where !requested.contains(member.key) {
            var arguments = ["key": member.key, "context": context]
            arguments["suggestion"] = Suggestion.closest(to: member.key, among: requested)
            report("json.champ-inconnu", arguments, at: member.keyLocation, severity: severity)
        }
    }

    public mutating func report(_ code: String, _ arguments: [String: String], at location: SourceLocation, severity: Diagnostic.Severity = .error) {
        diagnostics.append(Diagnostic(severity, code: code, arguments: arguments, at: location.placed(in: file)))
    }

    /// Adds diagnostics found while reading a part of the object (a nested object read by a reader of its own).
    public mutating func append(_ more: [Diagnostic]) {
        diagnostics += more.map { diagnostic in
            var placed = diagnostic
            placed.location = diagnostic.location.placed(in: file)
            return placed
        }
    }

    private mutating func mistyped<T>(_ member: JSONMember, expected: String) -> T? {
        report("json.type", ["key": member.key, "expected": expected, "found": member.value.kindName], at: member.value.location)
        return nil
    }

    public static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

extension String {
    var trimmingSpaces: Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return Substring(scalars[first...last])
    }
}
