import MandatSante
import RuleKit

/// The French text of `init`: questions, instructions, skipped questions, the recap.
enum QuestionWording {
    static let width = TextRoadmapRenderer.width
    /// French typography wants a no-break space before « ? » and « : ».
    static let beforePunctuation = ValueFormatter.groupSeparator

    /// The lines printed before the answer prompt.
    static func lines(_ question: Question) -> [String] {
        let fact = question.fact
        var lines = [""]
        lines += wrap("(\(question.number)/\(question.count)) \(capitalized(fact.label))\(beforePunctuation)?", indent: "    ")
        if !fact.help.isEmpty { lines += wrap(fact.help, indent: "   ", first: "   ") }
        let digits = String(fact.choices.count).count
        for (offset, choice) in fact.choices.enumerated() where fact.type == .enum || fact.type == .set {
            let number = String(repeating: " ", count: digits - String(offset + 1).count) + "\(offset + 1). "
            lines += wrap(choice.label, indent: "     " + String(repeating: " ", count: number.count), first: "     " + number)
        }
        lines += wrap(instruction(question), indent: "   ", first: "   ")
        return lines
    }

    /// What to type, and what Enter does.
    static func instruction(_ question: Question) -> String {
        let fact = question.fact
        let what: String
        switch fact.type {
        case .bool: what = "Répondez o (oui) ou n (non)"
        case .int, .number:
            let kind = fact.type == .int ? "Un nombre entier" : "Un nombre"
            let example = fact.type == .number ? ", par exemple 12,5" : ""
            what = "\(kind) \(range(of: fact))\(example)"
        case .text:
            switch question.proposal {
            case nil: return "Réponse obligatoire."
            case .unstated?: return "Entrée pour passer."
            case .value(let value)?: return "Entrée\(beforePunctuation)= \(proposal(value, of: fact))."
            }
        case .enum: what = "Tapez le numéro de votre choix, de 1 à \(fact.choices.count)"
        case .set: what = "Tapez un ou plusieurs numéros séparés par des virgules, par exemple 1,3,5"
        }
        switch question.proposal {
        case nil: return what + " ; réponse obligatoire."
        case .unstated?: return what + " ; Entrée pour passer."
        case .value(let value)?: return what + " ; Entrée\(beforePunctuation)= \(proposal(value, of: fact))."
        }
    }

    /// « entre 1 et 3 000 000 habitants », « d'au moins 0 agent »…
    static func range(of fact: Fact) -> String {
        let unit = fact.unit.map { $0 == "%" ? "\(beforePunctuation)%" : " \($0)" } ?? ""
        switch (fact.minimum, fact.maximum) {
        case let (minimum?, maximum?): return "entre \(ValueFormatter.number(minimum)) et \(ValueFormatter.number(maximum))\(unit)"
        case let (minimum?, nil): return "d'au moins \(ValueFormatter.number(minimum))\(unit)"
        case let (nil, maximum?): return "d'au plus \(ValueFormatter.number(maximum))\(unit)"
        case (nil, nil): return unit.isEmpty ? "" : "(en\(unit))"
        }
    }

    private static func proposal(_ value: FactValue, of fact: Fact) -> String {
        switch value {
        case .number(let number): return ValueFormatter.number(number)
        case .text(let id) where fact.type == .enum:
            let number = (fact.choices.firstIndex { $0.id == id } ?? 0) + 1
            return "\(number). \(fact.label(ofChoice: id))"
        case .set(let members) where !members.isEmpty:
            let numbers = fact.choices.indices.filter { members.contains(fact.choices[$0].id) }.map { String($0 + 1) }
            return "\(numbers.joined(separator: ",")) (\(labels(members, of: fact)))"
        default: return display(value, of: fact)
        }
    }

    /// A skipped question: the condition it depends on, and the values that make it false.
    static func skipped(_ question: Question, trace: ConditionTrace, vocabulary: Vocabulary) -> [String] {
        let explainer = ConditionExplainer(vocabulary: vocabulary)
        let values = explainer.factValues(in: trace).filter { !$0.isBool }
            .map { "\(vocabulary.fact(named: $0.name)?.label ?? $0.name)\(beforePunctuation): \($0.text)" }
        let here = values.isEmpty ? "" : " (\(values.joined(separator: ", ")))"
        let condition = explainer.describer.describe(trace.expression)
        return [""] + wrap("(\(question.number)/\(question.count)) Question passée — « \(capitalized(question.fact.label)) » : posée seulement si « \(condition) », ce qui n'est pas le cas ici\(here).", indent: "    ")
    }

    /// The answers, one per line, before asking for confirmation.
    static func recap(_ answers: [(fact: Fact, answer: Answer)], skipped: [Fact]) -> [String] {
        var lines = ["", "RÉCAPITULATIF"]
        for (fact, answer) in answers {
            let text = answer.value.map { display($0, of: fact) } ?? "non renseigné"
            lines += wrap("\(capitalized(fact.label))\(beforePunctuation): \(text)", indent: "      ", first: "  ")
        }
        if !skipped.isEmpty {
            lines.append("")
            lines += wrap("Sans objet pour ce territoire (valeur par défaut)\(beforePunctuation): \(skipped.map(\.label).joined(separator: " ; ")).", indent: "  ", first: "  ")
        }
        return lines
    }

    static func display(_ value: FactValue, of fact: Fact) -> String {
        switch value {
        case .set(let members): return members.isEmpty ? "aucun" : labels(members, of: fact)
        default: return ValueFormatter.value(value, of: fact)
        }
    }

    /// A set's labels in the vocabulary's order (not alphabetical), as the questions listed them.
    private static func labels(_ members: Set<String>, of fact: Fact) -> String {
        fact.choices.filter { members.contains($0.id) }.map(\.label).joined(separator: ", ")
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// Wraps to 80 columns; a space before « : », « ; », « ? » or « ! » (as in the vocabulary's help) is held
    /// during wrapping so that no line starts with the punctuation.
    static func wrap(_ text: String, indent: String, first: String = "") -> [String] {
        let glue = "\u{1}"
        var held = text
        for mark in [":", ";", "?", "!"] { held = held.replacing(" " + mark, with: glue + mark) }
        return TextWrapper.wrap(held, width: width, indent: indent, firstIndent: first).map { $0.replacing(glue, with: " ") }
    }
}
