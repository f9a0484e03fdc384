import RuleKit

/// The French wording of every diagnostic: the engine (`RuleKit`) and the readers give a stable code and its
/// arguments, this catalogue makes the sentence a user reads. One place for every message, so that a wording is
/// changed once and all of them can be reviewed together. `sentence` dispatches by the code's family; each
/// family's sentences are in `FrenchDiagnostics+JSON`, `+Expressions`, `+Facts` and `+RuleFiles`.
///
/// Arguments hold raw values (a name, a number as written, a list joined by « , »); values quoted between « »
/// are cut at `QuotedText.maximumLength` characters, and a whole message at `QuotedText.maximumMessageLength`.
public struct FrenchDiagnostics: DiagnosticWording {
    public init() {}

    public func message(_ code: String, _ arguments: [String: String]) -> String {
        QuotedText.clipMessage(Self.sentence(code, Arguments(arguments)))
    }

    public func severity(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: return "erreur"
        case .warning: return "avertissement"
        }
    }

    public var noteLabel: String { "note" }

    /// « et 3 autres erreurs et 1 autre avertissement ».
    public func remainder(errors: Int, warnings: Int) -> String {
        func count(_ number: Int, _ noun: String) -> String {
            "\(ValueFormatter.number(Double(number))) autre\(number > 1 ? "s" : "") \(noun)\(number > 1 ? "s" : "")"
        }
        return "et " + [errors > 0 ? count(errors, "erreur") : nil, warnings > 0 ? count(warnings, "avertissement") : nil]
            .compactMap { $0 }.joined(separator: " et ")
    }

    /// The arguments of one diagnostic, read with defaults so that a missing one never breaks a sentence.
    struct Arguments {
        let values: [String: String]

        init(_ values: [String: String]) { self.values = values }

        subscript(_ key: String) -> String { values[key] ?? "" }

        func has(_ key: String) -> Bool { values[key] != nil }

        /// ` ; vouliez-vous dire « x » ?` when there is a suggestion.
        var hint: String { values["suggestion"].map { " ; vouliez-vous dire « \($0) » ?" } ?? "" }

        /// How the object a field belongs to is named: the caller's French phrase, or a key of the engine.
        var context: String { FrenchDiagnostics.context(self["context"]) }

        /// What a value of a fact should have been, from `FactsReader.expectation(for:)`.
        var expectation: String { FrenchDiagnostics.expectation(self) }
    }

    // MARK: Sentences

    static func sentence(_ code: String, _ a: Arguments) -> String {
        if let message = a.values["message"] { return message }
        switch code {
        // JSON
        case "json.syntaxe": return jsonSyntax(a)
        case "json.type": return jsonType(a)
        case "json.champ-manquant": return "champ obligatoire « \(a["key"]) » manquant dans \(a.context)"
        case "json.texte-vide": return "« \(a["key"]) » ne doit pas être vide dans \(a.context)"
        case "json.hors-limites": return "« \(a["key"]) » vaut \(a["literal"]) ; une valeur entre \(a["minimum"]) et \(a["maximum"]) était attendue"
        case "json.nombre-elements":
            let expected = a.has("maximum") ? "de \(a["minimum"]) à \(a["maximum"])" : "au moins \(a["minimum"])"
            return "« \(a["key"]) » compte \(a["count"]) élément(s) ; \(expected) étaient attendus dans \(a.context)"
        case "json.champ-inconnu": return "champ inconnu « \(a["key"]) » dans \(a.context)\(a.hint)"
        case "json.caractere-de-controle":
            return "caractère de contrôle \(character(a["character"])) dans « \(a["key"]) » : un texte de la base de règles n'en contient pas"
        // Conditions
        case let code where code.hasPrefix("expression."):
            let sentence = expression(code, a)
            if a.has("variantsOf") { return "dans « \(a["variantField"]) » du fait « \(a["variantsOf"]) » : \(sentence)" }
            return a.has("askWhenOf") ? "dans « askWhen » du fait « \(a["askWhenOf"]) » : \(sentence)" : sentence
        // Vocabulary and facts
        case let code where code.hasPrefix("vocabulaire."): return vocabulary(code, a)
        case let code where code.hasPrefix("faits."): return facts(code, a)
        // Markdown and named conditions
        case let code where code.hasPrefix("markdown."): return markdown(code, a)
        case let code where code.hasPrefix("definitions."): return definitions(code, a)
        case let code where code.hasPrefix("portrait."): return portrait(code, a)
        case let code where code.hasPrefix("regles."): return recommendationFile(code, a)
        case let code where code.hasPrefix("lint."): return lint(code, a)
        case let code where code.hasPrefix("test."): return ruleTest(code, a)
        case let code where code.hasPrefix("note."): return note(code, a)
        default:
            let details = a.values.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", ")
            return "problème « \(code) »" + (details.isEmpty ? "" : " (\(details))")
        }
    }

    /// A JSON kind in French: « un objet », « une liste »…
    static func kind(_ name: String) -> String {
        ["object": "un objet", "array": "une liste", "string": "un texte", "number": "un nombre", "boolean": "un booléen", "null": "null"][name] ?? name
    }

    /// The object a field belongs to: a key given by the engine, or the phrase the caller wrote.
    static func context(_ raw: String) -> String {
        switch raw {
        case "vocabulary": return "le vocabulaire"
        case "vocabulary-fact": return "un fait du vocabulaire"
        case let choice where choice.hasPrefix("vocabulary-choice:"): return "une valeur du fait « \(choice.dropFirst("vocabulary-choice:".count)) »"
        case let variant where variant.hasPrefix("vocabulary-label:"): return "un libellé du fait « \(variant.dropFirst("vocabulary-label:".count)) »"
        case let variant where variant.hasPrefix("vocabulary-reference:"): return "une référence du fait « \(variant.dropFirst("vocabulary-reference:".count)) »"
        default: return raw
        }
    }

    /// A number written by the engine (`3500`) the French way (`3 500`).
    static func number(_ written: String) -> String {
        Double(written).map(ValueFormatter.number) ?? written
    }

    private static func note(_ code: String, _ a: Arguments) -> String {
        switch code {
        case "note.premiere-occurrence": return "première occurrence"
        case "note.premiere-definition": return "première définition"
        case "note.maillon": return "« \(a["name"]) », maillon du cycle"
        case "note.cycle-apres": return "une recommandation ne peut pas attendre, même indirectement, une recommandation qui l'attend"
        case "note.cycle-remplace": return "chacune écarterait la suivante : aucune ne sortirait ; gardez un seul sens de remplacement"
        case "note.cycle-avec": return "« avec » se déclare d'un seul côté : l'action rejoint celle qu'elle cite"
        default: return code
        }
    }

    /// « U+001B (échappement) »: a control character's code point and, when it has one, its name.
    public static func name(of scalar: Unicode.Scalar) -> String {
        character(TerminalText.codePoint(scalar))
    }

    static func character(_ codePoint: String) -> String {
        let names = [
            "U+0000": "caractère nul", "U+0007": "sonnerie", "U+0008": "retour arrière", "U+0009": "tabulation", "U+000A": "retour à la ligne",
            "U+000B": "tabulation verticale", "U+000C": "saut de page", "U+000D": "retour chariot", "U+001B": "échappement", "U+007F": "suppression",
            "U+009B": "introducteur de séquence de contrôle", "U+2028": "séparateur de ligne", "U+2029": "séparateur de paragraphe",
        ]
        if let name = names[codePoint] { return "\(codePoint) (\(name))" }
        if let value = UInt32(codePoint.dropFirst(2), radix: 16), TerminalText.isBidirectionalControl(value) {
            return "\(codePoint) (inversion du sens d'écriture)"
        }
        return codePoint
    }
}
