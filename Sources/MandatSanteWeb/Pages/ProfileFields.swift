import MandatSante
import RuleKit

/// The questions of the vocabulary as form controls, in its order — shared by the questionnaire and « Et si ? ».
/// Each control has a label tied to it, its help and its problem referenced by `aria-describedby`; choices are
/// radio buttons or check boxes inside a fieldset whose legend is the question.
struct ProfileFields {
    let vocabulary: Vocabulary
    /// The values to show, by field name (as typed, or as `ProfileForm.fields` writes a profile).
    let values: [String: [String]]
    let errors: [String: String]
    /// Without help texts nor conditions (« Et si ? », where the questions are already answered).
    var compact = false

    func render() -> String {
        let describer = ConditionDescriber(vocabulary: vocabulary)
        return vocabulary.facts.enumerated().map { index, fact in
            question(fact, number: index + 1, describer: describer)
        }.joined(separator: "\n")
    }

    private func question(_ fact: Fact, number: Int, describer: ConditionDescriber) -> String {
        let name = HTML.escape(fact.name)
        let error = errors[fact.name]
        // Help, condition, expected format and problem, each a paragraph the control points to.
        var notes: [(id: String, html: String)] = []
        if !compact && !fact.help.isEmpty {
            notes.append(("aide-\(name)", "<p class=\"help\" id=\"aide-\(name)\">\(HTML.escape(Typography.french(fact.help)))</p>"))
        }
        if !compact, let source = fact.askWhen, case .success(let condition) = Condition.compile(source, vocabulary: vocabulary) {
            let fallback = fact.defaultValue == .bool(false) ? fact.falseLabel ?? "non" : ValueFormatter.value(fact.defaultValue, of: fact)
            notes.append(("condition-\(name)", "<p class=\"condition\" id=\"condition-\(name)\">Question posée seulement si « \(HTML.escape(describer.describe(condition.expression))) » ; sinon elle est sans objet et la réponse reste « \(HTML.escape(fallback)) ».</p>"))
        }
        if let hint = Self.format(fact) {
            notes.append(("format-\(name)", "<p class=\"help\" id=\"format-\(name)\">\(HTML.escape(Typography.french(hint)))</p>"))
        }
        if let error {
            notes.append(("erreur-\(name)", "<p class=\"error-message\" id=\"erreur-\(name)\">Erreur : \(HTML.escape(error))</p>"))
        }
        let describedBy = notes.isEmpty ? "" : " aria-describedby=\"\(notes.map(\.id).joined(separator: " "))\""
        let notesHTML = notes.map(\.html).joined(separator: "\n")
        let invalid = error == nil ? "" : " aria-invalid=\"true\""
        let tag = fact.required ? " <span class=\"tag\">obligatoire</span>" : ""
        let title = "<span class=\"number\">\(number).</span> \(HTML.escape(HTML.capitalized(fact.label)))"
        let classes = "question\(error == nil ? "" : " invalid")"
        let current = values[fact.name] ?? []

        switch fact.type {
        case .text, .int, .number:
            let attributes: String
            switch fact.type {
            case .int: attributes = " inputmode=\"numeric\" class=\"short\""
            case .number: attributes = " inputmode=\"decimal\" class=\"short\""
            default: attributes = " maxlength=\"\(fact.maximumLength)\""
            }
            let unit = fact.unit.map { "<span class=\"unit\">\(HTML.escape($0))</span>" } ?? ""
            let required = fact.required ? " aria-required=\"true\"" : ""
            return """
            <div class="\(classes)" id="q-\(name)">
            <label class="question-label" for="f-\(name)">\(title)\(tag)</label>
            \(notesHTML)
            <input type="text" id="f-\(name)" name="\(name)" value="\(HTML.escape(current.last ?? ""))"\(attributes)\(required)\(describedBy)\(invalid)>\(unit)
            </div>
            """
        case .bool, .enum, .set:
            var options: [(value: String, label: String)]
            switch fact.type {
            case .bool: options = [("oui", "Oui"), ("non", "Non")]
            default: options = fact.choices.map { ($0.id, HTML.capitalized($0.label)) }
            }
            if !fact.required && (fact.defaultValue == nil || current == [ProfileForm.unknownValue]) {
                options.append((ProfileForm.unknownValue, "Je ne sais pas"))
            }
            let kind = fact.type == .set ? "checkbox" : "radio"
            let inputs = options.enumerated().map { offset, option in
                let checked = current.contains(option.value) ? " checked" : ""
                let id = "f-\(name)\(offset == 0 ? "" : "-\(offset + 1)")"
                return "<label for=\"\(id)\"><input type=\"\(kind)\" name=\"\(name)\" id=\"\(id)\" value=\"\(HTML.escape(option.value))\"\(checked)\(invalid)> <span>\(HTML.escape(option.label))</span></label>"
            }.joined(separator: "\n")
            let question = fact.type == .bool ? "\(title)\u{00A0}?" : title
            let several = fact.type == .set ? " <span class=\"tag\">plusieurs choix possibles</span>" : ""
            return """
            <div class="\(classes)" id="q-\(name)">
            <fieldset\(describedBy)>
            <legend>\(question)\(tag)\(several)</legend>
            \(notesHTML)
            <div class="choices">
            \(inputs)
            </div>
            </fieldset>
            </div>
            """
        }
    }

    /// What to type in a text field: the range of a number, and how to say « je ne sais pas ».
    static func format(_ fact: Fact) -> String? {
        var hint = fact.type == .int || fact.type == .number ? range(fact) : ""
        if !fact.required && fact.defaultValue == nil {
            guard fact.type != .bool && fact.type != .enum && fact.type != .set else { return nil }
            hint += (hint.isEmpty ? "" : " ") + "Laissez vide si vous ne savez pas."
        }
        return hint.isEmpty ? nil : hint
    }

    /// « Nombre entier entre 1 et 3 000 000. »
    static func range(_ fact: Fact) -> String {
        let kind = fact.type == .int ? "Nombre entier" : "Nombre (virgule décimale possible)"
        switch (fact.minimum, fact.maximum) {
        case let (minimum?, maximum?): return "\(kind) entre \(ValueFormatter.number(minimum)) et \(ValueFormatter.number(maximum))."
        case let (minimum?, nil): return "\(kind) d'au moins \(ValueFormatter.number(minimum))."
        case let (nil, maximum?): return "\(kind) d'au plus \(ValueFormatter.number(maximum))."
        case (nil, nil): return "\(kind)."
        }
    }
}
