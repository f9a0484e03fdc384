import RuleKit

/// Reads a rule test file: `{ "tests": [ { "name", "profile"?, "facts"?, "start"?, "top"?, "expect": {…} } ] }`.
public enum RuleTestReader {
    public static let defaultStart = YearMonth(year: 2026, month: 12)

    public static func read(_ bytes: [UInt8], file: String) -> ([RuleTest], [Diagnostic]) {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            return ([], [error.diagnostic(file: file)])
        }
        var diagnostics: [Diagnostic] = []
        guard var document = JSONObjectReader(root, file: file, context: "le fichier de tests", diagnostics: &diagnostics) else { return ([], diagnostics) }
        let elements = document.array("tests", required: true) ?? []
        _ = document.member("$schema")
        document.reportUnknownFields()
        diagnostics += document.diagnostics
        var tests: [RuleTest] = []
        for element in elements {
            if let test = readTest(element, file: file, &diagnostics) { tests.append(test) }
        }
        return (tests, diagnostics)
    }

    private static func readTest(_ node: JSONNode, file: String, _ diagnostics: inout [Diagnostic]) -> RuleTest? {
        guard var reader = JSONObjectReader(node, file: file, context: "un test", diagnostics: &diagnostics) else { return nil }
        defer { diagnostics += reader.diagnostics }
        let name = reader.string("name", required: true)
        let profileNode = reader.stringNode("profile")
        let facts = reader.member("facts")?.value
        let startNode = reader.stringNode("start")
        let top = reader.int("top", in: 1...1000)
        let expectNode = reader.member("expect", required: true)?.value
        reader.reportUnknownFields()

        if profileNode == nil && facts == nil {
            reader.report("test.profil-manquant", [:], at: node.location)
        }
        if let facts, case .object = facts.value {} else if let facts {
            reader.report("json.type", ["key": "facts", "expected": "object", "found": facts.kindName], at: facts.location)
        }
        var start = defaultStart
        if let startNode, case .string(let text) = startNode.value {
            if let parsed = YearMonth(parsing: text) { start = parsed } else {
                reader.report("test.date", ["value": text], at: startNode.location)
            }
        }
        var expectations: [Expectation] = []
        if let expectNode {
            var local: [Diagnostic] = []
            expectations = readExpectations(expectNode, file: file, &local)
            reader.diagnostics(appendAll: local)
        }
        guard let name else { return nil }
        var profilePath: String?
        if let profileNode, case .string(let path) = profileNode.value { profilePath = path }
        return RuleTest(name: name, file: file, location: node.location, profilePath: profilePath, profileLocation: profileNode?.location,
                        facts: facts, start: start, top: top, expectations: expectations)
    }

    private static func readExpectations(_ node: JSONNode, file: String, _ diagnostics: inout [Diagnostic]) -> [Expectation] {
        guard var reader = JSONObjectReader(node, file: file, context: "« expect »", diagnostics: &diagnostics) else { return [] }
        defer { diagnostics += reader.diagnostics }
        var result: [Expectation] = []
        for (text, element) in reader.stringNodes("included") ?? [] {
            result.append(Expectation(kind: .included(text), location: element.location))
        }
        for (text, element) in reader.stringNodes("excluded") ?? [] {
            result.append(Expectation(kind: .excluded(text), location: element.location))
        }
        for (text, element) in reader.stringNodes("applies") ?? [] {
            result.append(Expectation(kind: .applies(text), location: element.location))
        }
        for (text, element) in reader.stringNodes("considerLater") ?? [] {
            result.append(Expectation(kind: .considerLater(text), location: element.location))
        }
        for (text, element) in reader.stringNodes("decisions") ?? [] {
            result.append(Expectation(kind: .decision(text), location: element.location))
        }
        for (text, element) in reader.stringNodes("notDecisions") ?? [] {
            result.append(Expectation(kind: .notDecision(text), location: element.location))
        }
        for pair in reader.array("samePhase") ?? [] {
            guard case .array(let items) = pair.value, items.count == 2,
                  case .string(let first) = items[0].value, case .string(let second) = items[1].value else {
                reader.report("test.attente", ["reason": "paire", "key": "samePhase"], at: pair.location)
                continue
            }
            result.append(Expectation(kind: .samePhase(first, second), location: pair.location))
        }
        for pair in reader.array("before") ?? [] {
            guard case .array(let items) = pair.value, items.count == 2,
                  case .string(let first) = items[0].value, case .string(let second) = items[1].value else {
                reader.report("test.attente", ["reason": "paire", "key": "before"], at: pair.location)
                continue
            }
            result.append(Expectation(kind: .before(first, second), location: pair.location))
        }
        for member in objectMembers(&reader, "inTop") {
            guard let n = Int(member.key), n >= 1 else {
                reader.report("test.attente", ["reason": "rang", "value": member.key], at: member.keyLocation)
                continue
            }
            for id in strings(member.value, &reader) {
                result.append(Expectation(kind: .inTop(id.text, n), location: id.location))
            }
        }
        for key in ["phase", "phaseBy"] {
            for member in objectMembers(&reader, key) {
                guard case .string(let text) = member.value.value, let horizon = Horizon(rawValue: text) else {
                    reader.report("test.attente", ["reason": "phase", "id": member.key, "allowed": Horizon.allCases.map(\.rawValue).joined(separator: ", ")],
                                  at: member.value.location)
                    continue
                }
                let kind: Expectation.Kind = key == "phase" ? .phase(member.key, horizon) : .phaseBy(member.key, horizon)
                result.append(Expectation(kind: kind, location: member.keyLocation))
            }
        }
        for member in objectMembers(&reader, "replacedBy") {
            guard case .string(let by) = member.value.value else {
                reader.report("test.attente", ["reason": "remplacement"], at: member.value.location)
                continue
            }
            result.append(Expectation(kind: .replacedBy(member.key, by), location: member.keyLocation))
        }
        for member in objectMembers(&reader, "minScore") {
            guard case .number(let value, _) = member.value.value, value.rounded() == value else {
                reader.report("test.attente", ["reason": "score"], at: member.value.location)
                continue
            }
            result.append(Expectation(kind: .minimumScore(member.key, Int(value)), location: member.keyLocation))
        }
        for member in objectMembers(&reader, "says") {
            for text in strings(member.value, &reader, listReason: "liste-de-textes", itemReason: "texte") where !text.text.isEmpty {
                result.append(Expectation(kind: .says(member.key, text.text), location: text.location))
            }
        }
        for member in objectMembers(&reader, "saysNot") {
            for text in strings(member.value, &reader, listReason: "liste-de-textes", itemReason: "texte") where !text.text.isEmpty {
                result.append(Expectation(kind: .saysNot(member.key, text.text), location: text.location))
            }
        }
        reader.reportUnknownFields()
        if result.isEmpty {
            reader.report("test.attente", ["reason": "vide"], at: node.location)
        }
        return result
    }

    private static func objectMembers(_ reader: inout JSONObjectReader, _ key: String) -> [JSONMember] {
        guard let member = reader.member(key) else { return [] }
        guard case .object(let members) = member.value.value else {
            reader.report("json.type", ["key": key, "expected": "object", "found": member.value.kindName], at: member.value.location)
            return []
        }
        return members
    }

    private static func strings(_ node: JSONNode, _ reader: inout JSONObjectReader, listReason: String = "liste-d-identifiants",
                                itemReason: String = "identifiant") -> [(text: String, location: SourceLocation)] {
        guard case .array(let items) = node.value else {
            reader.report("test.attente", ["reason": listReason, "found": node.kindName], at: node.location)
            return []
        }
        return items.compactMap { item in
            guard case .string(let text) = item.value else {
                reader.report("test.attente", ["reason": itemReason, "found": item.kindName], at: item.location)
                return nil
            }
            return (text, item.location)
        }
    }
}

extension JSONObjectReader {
    mutating func diagnostics(appendAll more: [Diagnostic]) {
        append(more)
    }
}
