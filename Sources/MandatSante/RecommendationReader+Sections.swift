import RuleKit

// The sections of a recommendation file: paragraphs, lists with `[si condition]` lines, examples, facts, sources.
extension RecommendationReader {
    /// The one paragraph of a prose section.
    func paragraph(_ section: MarkdownDocument.Section, _ file: inout FileReading) -> String? {
        guard let first = section.blocks.first else {
            file.report("regles.partie-vide", ["section": section.heading.text, "expected": "paragraphe"], at: section.location)
            return nil
        }
        guard first.kind == .paragraph else {
            file.report("regles.forme", ["section": section.heading.text, "reason": "liste-au-lieu-de-texte"], at: first.location)
            return nil
        }
        if section.blocks.count > 1 {
            file.report("regles.forme", ["section": section.heading.text, "reason": "paragraphe-coupe"], at: section.blocks[1].location)
            return nil
        }
        return first.items.first?.text
    }

    /// The items of a list section: one list of `kind`, with a number of items in `count`.
    func items(_ section: MarkdownDocument.Section, kind: MarkdownDocument.Block.Kind, count: ClosedRange<Int>, _ file: inout FileReading) -> [LocatedText]? {
        let expected = kind == .numberedList ? "liste-numerotee" : "liste-a-puces"
        guard let first = section.blocks.first else {
            file.report("regles.partie-vide", ["section": section.heading.text, "expected": expected], at: section.location)
            return nil
        }
        guard first.kind == kind, section.blocks.count == 1 else {
            let wrong = section.blocks.first { $0.kind != kind } ?? section.blocks[1]
            file.report("regles.forme", ["section": section.heading.text, "reason": "autre-chose", "expected": expected], at: wrong.location)
            return nil
        }
        // Each item's clauses are read once, not once as the item and again as the next one's previous item.
        let clauses = first.items.map { Self.leadingCondition($0.text).map(Self.topLevelClauses) }
        let counted = first.items.count - zip(clauses, clauses.dropFirst()).filter { previous, item in
            guard let previous, let item else { return false }
            return Self.isVariant(clauses: item, of: previous)
        }.count
        if !count.contains(counted) {
            var arguments = ["section": section.heading.text, "count": String(counted), "minimum": String(count.lowerBound)]
            if count.upperBound != Int.max { arguments["maximum"] = String(count.upperBound) }
            file.report("regles.nombre-elements", arguments, at: first.location)
            return nil
        }
        return first.items
    }

    /// Whether `item` is a variant of `previous` for other territories, counted with it: after the clauses their
    /// conditions share, the next clause of one is the negation of the next clause of the other (`[si A and not C]`
    /// then `[si A and C]`, `[si not C]` then `[si C]`, or `[si not C]` then `[si C and not D]`), so that at most one
    /// of the two is printed. A chain of them is one step: `[si not outre-mer]`, `[si outre-mer and not P]`,
    /// `[si outre-mer and P]` give the mainland, the other overseas territories and the Pacific each their version.
    static func isVariant(_ item: String, of previous: String) -> Bool {
        guard let condition = leadingCondition(item), let before = leadingCondition(previous) else { return false }
        return isVariant(clauses: topLevelClauses(condition), of: topLevelClauses(before))
    }

    /// `isVariant(_:of:)` on the top-level clauses of the two conditions.
    static func isVariant(clauses: [String], of clausesBefore: [String]) -> Bool {
        let shared = zip(clauses, clausesBefore).prefix { $0 == $1 }.count
        guard shared < clauses.count, shared < clausesBefore.count else { return false }
        let (next, nextBefore) = (clauses[shared], clausesBefore[shared])
        return next == "not " + nextBefore || nextBefore == "not " + next
    }

    /// The clauses joined by ` and ` outside parentheses, brackets and quotes; the whole condition as one clause when
    /// an ` or ` joins its parts (`and` binds tighter: its parts are not clauses of one conjunction).
    static func topLevelClauses(_ condition: String) -> [String] {
        var clauses: [String] = [], current = "", depth = 0
        var quote: Character?
        var hasTopLevelOr = false
        var characters = Substring(condition)
        while let character = characters.first {
            if quote == nil && depth == 0 {
                if characters.hasPrefix(" and ") {
                    clauses.append(current)
                    current = ""
                    characters = characters.dropFirst(5)
                    continue
                }
                if characters.hasPrefix(" or ") { hasTopLevelOr = true }
            }
            if let open = quote {
                if character == open { quote = nil }
            } else {
                switch character {
                case "'", "\"": quote = character
                case "(", "[": depth += 1
                case ")", "]": depth -= 1
                default: break
                }
            }
            current.append(character)
            characters = characters.dropFirst()
        }
        clauses.append(current)
        return hasTopLevelOr ? [condition] : clauses
    }

    /// The text of a leading `[si …]`, brackets inside it (lists) allowed; nil without one.
    static func leadingCondition(_ text: String) -> String? {
        // Most items have no condition: said without copying their scalars (`isVariant` asks it of every item).
        guard text.unicodeScalars.starts(with: conditionOpening) else { return nil }
        let scalars = Array(text.unicodeScalars)
        guard scalars.starts(with: conditionOpening), let end = conditionEnd(scalars) else { return nil }
        return String(String.UnicodeScalarView(scalars[conditionOpening.count..<end]))
    }

    private static let conditionOpening: [Unicode.Scalar] = ["[", "s", "i", " "]

    /// The offset of the `]` that closes a leading `[si …`, skipping quoted text and the brackets of a list; nil
    /// when it is never closed.
    private static func conditionEnd(_ scalars: [Unicode.Scalar]) -> Int? {
        var quote: Unicode.Scalar?
        var depth = 0
        // An index loop: `enumerated().dropFirst` is slow unoptimised, and every conditional line is scanned.
        var offset = conditionOpening.count - 1
        while offset + 1 < scalars.count {
            offset += 1
            let scalar = scalars[offset]
            if let open = quote {
                if scalar == open { quote = nil }
                continue
            }
            switch scalar {
            case "'", "\"": quote = scalar
            case "[": depth += 1
            case "]" where depth > 0: depth -= 1
            case "]": return offset
            default: continue
            }
        }
        return nil
    }

    /// A list whose items may start with `[si condition]` for lines that hold only for some territories.
    func conditionalTexts(_ section: MarkdownDocument.Section, kind: MarkdownDocument.Block.Kind, count: ClosedRange<Int>, _ file: inout FileReading) -> [ConditionalText]? {
        guard let items = items(section, kind: kind, count: count, &file) else { return nil }
        let result = items.compactMap { item -> ConditionalText? in
            guard let (condition, text) = splitCondition(item, required: false, &file) else { return nil }
            guard let condition else { return ConditionalText(text.text) }
            return compile(condition, &file).map { ConditionalText(text.text, condition: $0) }
        }
        return result.count == items.count ? result : nil
    }

    /// `[si condition] text` → the condition (nil when the item has none) and the text. Nil when malformed.
    /// `missing`: the code reported when a required condition is absent.
    func splitCondition(_ item: LocatedText, required: Bool, missing: String = "regles.mise-en-garde", _ file: inout FileReading) -> (LocatedText?, LocatedText)? {
        let scalars = Array(item.text.unicodeScalars)
        guard scalars.starts(with: Self.conditionOpening) else {
            if required {
                file.report(missing, at: item.location)
                return nil
            }
            return (nil, item)
        }
        if let offset = Self.conditionEnd(scalars) {
            let text = item.slice(offset + 1..<scalars.count).trimmed()
            guard !text.text.isEmpty else {
                file.report("regles.condition-de-ligne", ["reason": "texte-manquant"], at: item.location(atOffset: offset))
                return nil
            }
            return (item.slice(Self.conditionOpening.count..<offset).trimmed(), text)
        }
        file.report("regles.condition-de-ligne", ["reason": "non-fermee"], at: item.location)
        return nil
    }

    /// `dès maintenant`: `[si condition] raison`, the condition required (an action pressing everywhere has a shorter
    /// horizon, not this field), or `[si condition] AAAA-MM : raison` for a window that closes that month: a
    /// roadmap that starts later no longer has it.
    func readStartNow(_ item: LocatedText, _ file: inout FileReading) -> StartNow? {
        guard let (conditionText, text) = splitCondition(item, required: true, missing: "regles.des-maintenant-sans-condition", &file),
              let conditionText, let condition = compile(conditionText, &file) else { return nil }
        if let colon = Self.firstColon(in: text), let month = YearMonth(parsing: text.slice(0..<colon).trimmed().text) {
            let reason = text.slice(colon + 1..<text.text.unicodeScalars.count).trimmed()
            guard !reason.text.isEmpty else {
                file.report("regles.condition-de-ligne", ["reason": "texte-manquant"], at: text.location(atOffset: colon))
                return nil
            }
            return StartNow(condition: condition, conditionText: conditionText.text, reason: reason.text, before: month)
        }
        return StartNow(condition: condition, conditionText: conditionText.text, reason: text.text)
    }

    /// `autres titres`: `[si condition] Titre`, the condition required (a title for every territory is the `# …` one).
    func readTitleVariant(_ item: LocatedText, _ file: inout FileReading) -> ConditionalText? {
        guard let (conditionText, text) = splitCondition(item, required: true, missing: "regles.titre-sans-condition", &file), let conditionText,
              let condition = compile(conditionText, &file) else { return nil }
        return ConditionalText(text.text, condition: condition)
    }

    /// `autres porteurs`: `[si condition] porteur`, the condition required, the carrier one of `porteur`'s values; a
    /// partner says who it is after a colon (`[si cpts] partenaire : la CPTS`), another carrier names no one.
    func readCarrierVariant(_ item: LocatedText, _ file: inout FileReading) -> ConditionalCarrier? {
        guard let (conditionText, text) = splitCondition(item, required: true, missing: "regles.porteur-sans-condition", &file), let conditionText,
              let condition = compile(conditionText, &file) else { return nil }
        var carrierText = text, carriedBy: LocatedText?
        if let colon = Self.firstColon(in: text) {
            carrierText = text.slice(0..<colon).trimmed()
            carriedBy = text.slice(colon + 1..<text.text.unicodeScalars.count).trimmed()
        }
        guard let carrier = enumValue(Carrier.self, carrierText, field: .carrierVariants, &file) else { return nil }
        if let carriedBy, carrier != .partner || carriedBy.text.isEmpty {
            file.report("regles.porteur-nomme", ["carrier": carrier.rawValue], at: carriedBy.location)
            return nil
        }
        return ConditionalCarrier(condition: condition, carrier: carrier, carriedBy: carriedBy?.text)
    }

    /// `autres coûts:` (`- [si condition] faible`) and `autres effets sur les inégalités:` (`- [si qpv] reduit`): the
    /// condition required (`missing`: the error without it), the value one of `field`'s.
    func readVariant<Value: RawRepresentable & CaseIterable & Sendable>(
        _ item: LocatedText, field: Field, missing: String, _ file: inout FileReading
    ) -> Conditional<Value>? where Value.RawValue == String {
        guard let (conditionText, text) = splitCondition(item, required: true, missing: missing, &file), let conditionText,
              let condition = compile(conditionText, &file),
              let value = enumValue(Value.self, text, field: field, &file) else { return nil }
        return Conditional(condition: condition, value: value)
    }

    func readCaution(_ item: LocatedText, _ file: inout FileReading) -> Caution? {
        guard let (conditionText, text) = splitCondition(item, required: true, &file), let conditionText,
              let condition = compile(conditionText, &file) else { return nil }
        return Caution(condition: condition, text: text.text)
    }

    /// `## Exemple`: one `### Territoire` per example, its paragraph, then « Source : document : section » (without it, a
    /// warning). `### [si condition] Territoire`: an example told only where the condition holds.
    func readExamples(_ section: MarkdownDocument.Section, _ file: inout FileReading) -> [Example]? {
        if let block = section.blocks.first {
            file.report("regles.forme", ["section": section.heading.text, "reason": "exemples-en-sous-parties"], at: block.location)
            return nil
        }
        if section.subsections.isEmpty {
            file.report("regles.partie-vide", ["section": section.heading.text, "expected": "exemples"], at: section.location)
            return nil
        }
        var examples: [Example] = []
        for subsection in section.subsections {
            guard let (conditionText, territory) = splitCondition(subsection.heading, required: false, &file) else { continue }
            var condition: Condition?
            if let conditionText {
                guard let compiled = compile(conditionText, &file) else { continue }
                condition = compiled
            }
            let blocks = subsection.blocks
            guard let what = blocks.first, what.kind == .paragraph, let whatText = what.items.first,
                  blocks.count <= 2, blocks.allSatisfy({ $0.kind == .paragraph }) else {
                file.report("regles.forme", ["example": territory.text, "reason": "exemple"], at: blocks.first?.location ?? subsection.location)
                continue
            }
            var source: SourceReference?
            if blocks.count == 2, let line = blocks[1].items.first {
                let prefix = "Source :"
                guard line.text.hasPrefix(prefix) else {
                    file.report("regles.forme", ["reason": "source-d-exemple"], at: line.location)
                    continue
                }
                guard let reference = readSource(line.slice(prefix.unicodeScalars.count..<line.text.unicodeScalars.count).trimmed(), &file) else { continue }
                source = reference
            } else {
                // Loaded all the same, but a roadmap could print no document or date for it.
                file.report("regles.exemple-sans-source", ["example": territory.text], at: subsection.location, severity: .warning)
            }
            examples.append(Example(territory: territory.text, what: whatText.text, source: source, condition: condition))
        }
        return examples.count == section.subsections.count ? examples : nil
    }

    /// `## Repères`: a list of facts of the register, `- identifiant` each, or `- [si condition] identifiant` for a
    /// fact printed only where the condition holds; a paragraph, the older form, is read with a warning, its figures
    /// having no source of their own.
    func readEvidence(_ section: MarkdownDocument.Section, _ file: inout FileReading) -> (Evidence, [String: Condition])? {
        if section.blocks.first?.kind == .paragraph {
            guard let text = paragraph(section, &file) else { return nil }
            file.report("regles.reperes-hors-registre", at: section.location, severity: .warning)
            return (.paragraph(text), [:])
        }
        guard let items = items(section, kind: .bulletList, count: 1...Int.max, &file) else { return nil }
        var ids: [String] = []
        var conditions: [String: Condition] = [:]
        for item in items {
            guard let (conditionText, fact) = splitCondition(item, required: false, &file) else { continue }
            guard factIDs.contains(fact.text) else {
                file.report("regles.fait-inconnu", Suggestion.arguments("fact", fact.text, among: factIDs), at: fact.location)
                continue
            }
            if ids.contains(fact.text) {
                file.report("regles.doublon", ["fact": fact.text], at: fact.location)
                continue
            }
            if let conditionText {
                guard let condition = compile(conditionText, &file) else { continue }
                conditions[fact.text] = condition
            }
            ids.append(fact.text)
        }
        return ids.count == items.count ? (.facts(ids), conditions) : nil
    }

    /// `[si condition] document : section`: a source cited only where its condition holds (the document of a step
    /// printed for some territories), with the same syntax and checks as a conditional step. Nil when malformed.
    func readConditionalSource(_ item: LocatedText, _ file: inout FileReading) -> (reference: SourceReference, condition: Condition?)? {
        guard let (conditionText, text) = splitCondition(item, required: false, &file) else { return nil }
        var condition: Condition?
        if let conditionText {
            guard let compiled = compile(conditionText, &file) else { return nil }
            condition = compiled
        }
        return readSource(text, &file).map { ($0, condition) }
    }

    /// `document : section`, the document being an id of `Rules/sources.json`.
    func readSource(_ item: LocatedText, _ file: inout FileReading) -> SourceReference? {
        guard let colon = Self.firstColon(in: item) else {
            file.report("regles.source", ["reason": "illisible", "value": item.text], at: item.location)
            return nil
        }
        let document = item.slice(0..<colon).trimmed()
        let section = item.slice(colon + 1..<item.text.unicodeScalars.count).trimmed()
        guard sourceIDs.contains(document.text) else {
            file.report("regles.source-inconnue", Suggestion.arguments("document", document.text, among: sourceIDs), at: document.location)
            return nil
        }
        guard !section.text.isEmpty else {
            file.report("regles.source", ["reason": "sans-section", "document": document.text], at: item.location(atOffset: colon))
            return nil
        }
        return SourceReference(document: document.text, section: section.text)
    }

    /// Compiles a condition; each problem is reported at its exact position in the file.
    func compile(_ text: LocatedText, _ file: inout FileReading) -> Condition? {
        switch Condition.compile(text.text, vocabulary: vocabulary, definitions: definitions.conditions) {
        case .success(let condition):
            return condition
        case .failure(let failure):
            file.diagnostics += failure.errors.map { $0.diagnostic(in: text) }
            if failure.errors.isEmpty { file.report("regles.condition", at: text.location) }
            return nil
        }
    }
}
