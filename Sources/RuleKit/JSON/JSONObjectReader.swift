/// Reads the fields of one JSON object, collecting a diagnostic for each missing, mistyped or unknown field
/// instead of stopping at the first.
public struct JSONObjectReader {
    public let node: JSONNode
    public let file: String
    /// How the object is named in messages, e.g. « la recommandation « cls-engager » ».
    public let context: String
    public private(set) var diagnostics: [Diagnostic] = []
    private let members: [JSONMember]
    private var requested: [String] = []

    /// Returns nil, with a diagnostic, when `node` is not an object.
    public init?(_ node: JSONNode, file: String, context: String, diagnostics: inout [Diagnostic]) {
        guard case .object(let members) = node.value else {
            diagnostics.append(.error("json.type", "\(context) doit être un objet JSON, pas \(node.kindDescription)", file: file, at: node.location))
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
                report("json.champ-manquant", "champ obligatoire « \(key) » manquant dans \(context)", at: node.location)
            }
            return nil
        }
        return member
    }

    public mutating func stringNode(_ key: String, required: Bool = false) -> JSONNode? {
        guard let member = member(key, required: required) else { return nil }
        guard case .string = member.value.value else {
            return mistyped(member, expected: "un texte")
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
        report("json.caractere-de-controle", "caractère de contrôle \(TerminalText.describe(scalar)) dans « \(key) » : un texte de la base de règles n'en contient pas", at: node.locationInString(offset: position))
    }

    public mutating func string(_ key: String, required: Bool = false, nonEmpty: Bool = true) -> String? {
        guard let node = stringNode(key, required: required), case .string(let text) = node.value else { return nil }
        if nonEmpty && text.trimmingSpaces.isEmpty {
            report("json.texte-vide", "« \(key) » ne doit pas être vide dans \(context)", at: node.location)
            return nil
        }
        return text
    }

    public mutating func number(_ key: String, required: Bool = false, in range: ClosedRange<Double>? = nil, integer: Bool = false) -> Double? {
        guard let member = member(key, required: required) else { return nil }
        guard case .number(let value, let literal) = member.value.value else {
            return mistyped(member, expected: integer ? "un nombre entier" : "un nombre")
        }
        if integer && value.rounded() != value {
            report("json.type", "« \(key) » doit être un nombre entier, pas \(literal)", at: member.value.location)
            return nil
        }
        if let range, !range.contains(value) {
            report("json.hors-limites", "« \(key) » vaut \(literal) ; une valeur entre \(Self.format(range.lowerBound)) et \(Self.format(range.upperBound)) était attendue", at: member.value.location)
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
            return mistyped(member, expected: "true ou false")
        }
        return value
    }

    public mutating func array(_ key: String, required: Bool = false) -> [JSONNode]? {
        guard let member = member(key, required: required) else { return nil }
        guard case .array(let elements) = member.value.value else {
            return mistyped(member, expected: "une liste")
        }
        return elements
    }

    /// A list of texts, each with its node; `count` bounds the number of elements.
    public mutating func stringNodes(_ key: String, required: Bool = false, count: ClosedRange<Int>? = nil) -> [(text: String, node: JSONNode)]? {
        guard let elements = array(key, required: required) else { return nil }
        var result: [(String, JSONNode)] = []
        for element in elements {
            guard case .string(let text) = element.value, !text.trimmingSpaces.isEmpty else {
                report("json.type", "« \(key) » ne doit contenir que des textes non vides, pas \(element.kindDescription)", at: element.location)
                continue
            }
            reportControlCharacter(in: element, key: key)
            result.append((text, element))
        }
        if let count, !count.contains(elements.count), let member = members.first(where: { $0.key == key }) {
            let expected = count.upperBound == Int.max ? "au moins \(count.lowerBound)" : "de \(count.lowerBound) à \(count.upperBound)"
            report("json.nombre-elements", "« \(key) » compte \(elements.count) élément(s) ; \(expected) étaient attendus dans \(context)", at: member.value.location)
        }
        return result
    }

    public mutating func strings(_ key: String, required: Bool = false, count: ClosedRange<Int>? = nil) -> [String]? {
        stringNodes(key, required: required, count: count).map { $0.map(\.text) }
    }

    /// Reports fields that were never asked for, with the nearest known field name.
    public mutating func reportUnknownFields(severity: Diagnostic.Severity = .error) {
        for member in members where !requested.contains(member.key) {
            let hint = Suggestion.hint(for: member.key, among: requested)
            diagnostics.append(Diagnostic(severity, code: "json.champ-inconnu", message: "champ inconnu « \(member.key) » dans \(context)\(hint)", file: file, location: member.keyLocation))
        }
    }

    public mutating func report(_ code: String, _ message: String, at location: SourceLocation, severity: Diagnostic.Severity = .error) {
        diagnostics.append(Diagnostic(severity, code: code, message: message, file: file, location: location))
    }

    private mutating func mistyped<T>(_ member: JSONMember, expected: String) -> T? {
        report("json.type", "« \(member.key) » doit être \(expected), pas \(member.value.kindDescription)", at: member.value.location)
        return nil
    }

    static func format(_ value: Double) -> String {
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
