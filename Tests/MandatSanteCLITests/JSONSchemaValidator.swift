import Foundation

/// A validator for the subset of JSON Schema (draft 2020-12) that the generated schemas use, so tests check
/// documents against a schema instead of by eye. A keyword outside the subset is reported as an error rather
/// than ignored: the validator never passes a document it did not really check.
struct JSONSchemaValidator {
    /// Keywords that only document.
    static let annotations: Set<String> = ["$schema", "$id", "$defs", "title", "description", "default"]
    static let supported: Set<String> = [
        "type", "enum", "const", "properties", "required", "additionalProperties", "items", "minItems", "maxItems",
        "uniqueItems", "minLength", "minimum", "maximum", "pattern", "$ref", "anyOf", "minProperties", "propertyNames",
    ]

    let root: [String: Any]

    /// Every violation, as « $.chemin : message ».
    func errors(in document: Any) -> [String] {
        var errors: [String] = []
        check(document, against: root, at: "$", errors: &errors)
        return errors
    }

    private func check(_ value: Any, against schema: [String: Any], at path: String, errors: inout [String]) {
        for keyword in schema.keys where !Self.annotations.contains(keyword) && !Self.supported.contains(keyword) {
            errors.append("\(path) : mot-clé de schéma non pris en charge « \(keyword) »")
        }
        if let reference = schema["$ref"] as? String {
            guard let target = resolve(reference) else {
                errors.append("\(path) : référence introuvable \(reference)")
                return
            }
            check(value, against: target, at: path, errors: &errors)
        }
        if let alternatives = schema["anyOf"] as? [[String: Any]] {
            let matches = alternatives.contains { alternative in
                var scratch: [String] = []
                check(value, against: alternative, at: path, errors: &scratch)
                return scratch.isEmpty
            }
            if !matches { errors.append("\(path) : aucune des possibilités de anyOf ne convient") }
        }
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [(type as? String) ?? ""]
            if !types.contains(where: { Self.value(value, hasType: $0) }) {
                errors.append("\(path) : type \(types.joined(separator: " ou ")) attendu, pas \(Self.describe(value))")
                return
            }
        }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { Self.equal($0, value) }) {
            errors.append("\(path) : valeur \(Self.describe(value)) hors de l'énumération")
        }
        if let constant = schema["const"], !Self.equal(constant, value) {
            errors.append("\(path) : \(constant) attendu, pas \(Self.describe(value))")
        }
        if let object = value as? [String: Any] { checkObject(object, schema, at: path, errors: &errors) }
        if let array = value as? [Any], !(value is String) { checkArray(array, schema, at: path, errors: &errors) }
        if let text = value as? String { checkString(text, schema, at: path, errors: &errors) }
        if let number = Self.number(value) {
            if let minimum = schema["minimum"] as? Double, number < minimum { errors.append("\(path) : \(number) < minimum \(minimum)") }
            if let maximum = schema["maximum"] as? Double, number > maximum { errors.append("\(path) : \(number) > maximum \(maximum)") }
        }
    }

    private func checkObject(_ object: [String: Any], _ schema: [String: Any], at path: String, errors: inout [String]) {
        let properties = schema["properties"] as? [String: Any] ?? [:]
        for key in schema["required"] as? [String] ?? [] where object[key] == nil {
            errors.append("\(path) : clé obligatoire « \(key) » absente")
        }
        if let minimum = schema["minProperties"] as? Int, object.count < minimum {
            errors.append("\(path) : au moins \(minimum) clé(s) attendue(s)")
        }
        for (key, member) in object.sorted(by: { $0.key < $1.key }) {
            if let names = schema["propertyNames"] as? [String: Any] {
                check(key, against: names, at: "\(path).\(key) (nom)", errors: &errors)
            }
            if let propertySchema = properties[key] as? [String: Any] {
                check(member, against: propertySchema, at: "\(path).\(key)", errors: &errors)
            } else if let additional = schema["additionalProperties"] as? [String: Any] {
                check(member, against: additional, at: "\(path).\(key)", errors: &errors)
            } else if (schema["additionalProperties"] as? Bool) == false {
                errors.append("\(path) : clé non prévue « \(key) »")
            }
        }
    }

    private func checkArray(_ array: [Any], _ schema: [String: Any], at path: String, errors: inout [String]) {
        if let minimum = schema["minItems"] as? Int, array.count < minimum { errors.append("\(path) : au moins \(minimum) éléments attendus") }
        if let maximum = schema["maxItems"] as? Int, array.count > maximum { errors.append("\(path) : au plus \(maximum) éléments attendus") }
        if schema["uniqueItems"] as? Bool == true {
            for (index, item) in array.enumerated() where array[..<index].contains(where: { Self.equal($0, item) }) {
                errors.append("\(path)[\(index)] : élément en double")
            }
        }
        if let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() {
                check(item, against: items, at: "\(path)[\(index)]", errors: &errors)
            }
        }
    }

    private func checkString(_ text: String, _ schema: [String: Any], at path: String, errors: inout [String]) {
        if let minimum = schema["minLength"] as? Int, text.unicodeScalars.count < minimum {
            errors.append("\(path) : texte d'au moins \(minimum) caractère(s) attendu")
        }
        if let pattern = schema["pattern"] as? String, text.range(of: pattern, options: .regularExpression) == nil {
            errors.append("\(path) : « \(text) » ne suit pas le motif \(pattern)")
        }
    }

    /// Only local references (`#/$defs/name`, `#/properties/…`) are used.
    private func resolve(_ reference: String) -> [String: Any]? {
        guard reference.hasPrefix("#/") else { return nil }
        var current: Any = root
        for part in reference.dropFirst(2).split(separator: "/") {
            guard let object = current as? [String: Any], let next = object[String(part)] else { return nil }
            current = next
        }
        return current as? [String: Any]
    }

    // MARK: Values from JSONSerialization (booleans and numbers are both NSNumber)

    /// JSON booleans come back as NSNumbers of the C type `char` (`__NSCFBoolean`); JSON numbers never do.
    private static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    private static func number(_ value: Any) -> Double? {
        guard !isBool(value), let number = value as? NSNumber else { return nil }
        return number.doubleValue
    }

    static func value(_ value: Any, hasType type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "boolean": return isBool(value)
        case "integer": return number(value).map { $0.rounded() == $0 } ?? false
        case "number": return number(value) != nil
        case "string": return value is String
        case "array": return value is [Any]
        case "object": return value is [String: Any]
        default: return false
        }
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        if isBool(a) || isBool(b) { return isBool(a) && isBool(b) && (a as? Bool) == (b as? Bool) }
        if let x = number(a), let y = number(b) { return x == y }
        if let x = a as? String, let y = b as? String { return x == y }
        if a is NSNull, b is NSNull { return true }
        if let x = a as? [Any], let y = b as? [Any] { return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) } }
        if let x = a as? [String: Any], let y = b as? [String: Any] {
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { equal(value, $0) } ?? false }
        }
        return false
    }

    static func describe(_ value: Any) -> String {
        if value is NSNull { return "null" }
        if isBool(value) { return (value as? Bool) == true ? "true" : "false" }
        if let text = value as? String { return "« \(text) »" }
        if value is [Any] { return "un tableau" }
        if value is [String: Any] { return "un objet" }
        return "\(value)"
    }
}
