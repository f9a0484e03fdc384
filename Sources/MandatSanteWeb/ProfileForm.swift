import Foundation
import LoopbackHTTP
import MandatSante
import RuleKit

/// Names of form and query fields that are not facts. None can be a fact name used in a condition (a fact named
/// so would have to be renamed; `WebApplication` checks this at start).
enum ReservedField {
    /// The per-server token of every form sent by POST.
    static let token = "jeton"
    /// The roadmap's start month, `AAAA-MM`.
    static let start = "depart"
    /// In « Et si ? », the profile before the change, as a query.
    static let before = "avant"
    static let all: Set<String> = [token, start, before]
}

/// A profile as a person entered it in a form (or as a query carries it): the values as typed, to show the form
/// again, the problems by field, and the facts when there is none.
///
/// Field conventions, the same in the questionnaire, « Et si ? » and the links of every page:
/// - one field per fact, named after it; a set fact repeats its field (one per ticked box);
/// - an absent or empty field states nothing: the fact keeps its default, or stays unknown (an error when the
///   fact is required), as in a profile file;
/// - `?` states that the fact is unknown (« je ne sais pas »), for a fact that is not required;
/// - booleans are `oui` or `non`; numbers take a decimal comma and spaces between thousands; enumerated values
///   and set members are the vocabulary's ids.
struct ProfileForm: Sendable {
    static let unknownValue = "?"
    /// Unknown fields listed at most (a forged form may send thousands).
    static let maximumReported = 10

    /// The fields as sent, by name.
    var entered: [String: [String]] = [:]
    /// The problem of each fact's field, by fact name.
    var errors: [String: String] = [:]
    /// Problems not tied to a fact's field (an unknown field), and the start month's.
    var generalErrors: [String] = []
    var startError: String?
    var facts: FactValues
    var start: YearMonth

    var isValid: Bool { errors.isEmpty && generalErrors.isEmpty && startError == nil }

    func values(_ name: String) -> [String] { entered[name] ?? [] }

    /// Reads `fields`. With `applyingAskWhen`, questions whose `askWhen` is false for the answers before them
    /// are set aside as `init` does: they take their default, whatever the field says.
    init(_ fields: [(name: String, value: String)], vocabulary: Vocabulary, defaultStart: YearMonth, applyingAskWhen: Bool = false) {
        for field in fields { entered[field.name, default: []].append(field.value) }
        facts = FactValues(defaultsOf: vocabulary)
        start = defaultStart
        let unknown = entered.keys.sorted().filter { vocabulary.fact(named: $0) == nil && !ReservedField.all.contains($0) }
        for name in unknown.prefix(Self.maximumReported) {
            generalErrors.append("champ inconnu « \(QuotedText.clip(name)) » : ce n'est pas un fait du vocabulaire\(Suggestion.hint(for: name, among: vocabulary.factNames))")
        }
        if unknown.count > Self.maximumReported {
            generalErrors.append("… et \(unknown.count - Self.maximumReported) autres champs inconnus")
        }
        readStart()
        // What `askWhen` reads: the answers so far; facts not reached yet are unknown.
        var reached = FactValues(defaultsOf: vocabulary)
        for fact in vocabulary.facts { reached.set(fact.name, to: nil, in: vocabulary) }
        for fact in vocabulary.facts {
            if applyingAskWhen, let source = fact.askWhen, case .success(let condition) = Condition.compile(source, vocabulary: vocabulary),
               condition.evaluate(reached) == .false {
                facts.set(fact.name, to: fact.defaultValue, in: vocabulary)
                reached.set(fact.name, to: fact.defaultValue, in: vocabulary)
                continue
            }
            switch Self.value(values(fact.name), for: fact) {
            case .success(let value):
                facts.set(fact.name, to: value, in: vocabulary)
                reached.set(fact.name, to: value, in: vocabulary)
            case .failure(let error):
                errors[fact.name] = error.message
            }
        }
        // A place that contradicts the overseas situation is refused, as the command line refuses it in a file.
        if errors.isEmpty {
            errors = OverseasCoherence.formErrors(Profile(facts: facts, vocabulary: vocabulary, file: "formulaire"))
        }
    }

    private mutating func readStart() {
        guard let text = entered[ReservedField.start]?.last?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return }
        guard let month = YearMonth(parsing: text) else {
            startError = "« \(QuotedText.clip(text)) » n'est pas un mois au format AAAA-MM (par exemple 2026-12)"
            return
        }
        if case .failure(let message) = WebRoadmapService.calendar(month) {
            startError = message.text
            return
        }
        start = month
    }

    /// The value of one fact from its fields, read by `TypedValueReader` (the reader of every value a person
    /// types, so the messages are the command line's): `nil` for unknown, the default when nothing is stated.
    static func value(_ values: [String], for fact: Fact) -> Result<FactValue?, FactValueError> {
        if fact.type == .set {
            // Check boxes: one field per ticked member.
            let members = values.map { TypedValueReader.trimmed($0) }.filter { !$0.isEmpty }
            if members == [unknownValue] && !fact.required { return .success(nil) }
            if members.isEmpty { return .success(fact.defaultValue ?? .set([])) }
            let (set, problems) = TypedValueReader.members(members, for: fact)
            if let problem = problems.first { return .failure(problem) }
            return .success(.set(set))
        }
        guard values.count <= 1 else { return .failure(FactValueError("une seule valeur était attendue, \(values.count) ont été envoyées")) }
        let text = values.first ?? ""
        if TypedValueReader.trimmed(text) == unknownValue && fact.type != .text {
            if fact.required { return .failure(FactValueError("une réponse est obligatoire pour cette question ; « je ne sais pas » n'est pas possible ici.")) }
            return .success(nil)
        }
        switch TypedValueReader.read(text, for: fact) {
        case .success(nil): return .success(fact.defaultValue)
        case .success(let value): return .success(value)
        case .failure(let error) where error.kind == .missing:
            return .failure(FactValueError("une réponse est obligatoire pour cette question."))
        case .failure(let error): return .failure(error)
        }
    }

    /// The fields that state `facts` and `start`: the facts that differ from their default, in the vocabulary's
    /// order, then the start month. Read back by `init`, they give the same facts.
    static func fields(_ facts: FactValues, start: YearMonth, vocabulary: Vocabulary) -> [(String, String)] {
        var fields: [(String, String)] = []
        for fact in vocabulary.facts {
            let value = facts.value(of: fact.name, in: vocabulary)
            guard value != fact.defaultValue else { continue }
            fields += fieldValues(value, of: fact).map { (fact.name, $0) }
        }
        fields.append((ReservedField.start, start.description))
        return fields
    }

    /// How a value is written in its field(s).
    static func fieldValues(_ value: FactValue?, of fact: Fact) -> [String] {
        switch value {
        case nil: return fact.type == .text ? [] : [unknownValue]
        case .bool(let flag)?: return [flag ? "oui" : "non"]
        case .number(let number)?:
            return [number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)]
        case .text(let text)?: return [text]
        case .set(let members)?: return fact.choiceIDs.filter(members.contains)
        }
    }

    /// `fields` as a query string.
    static func query(_ facts: FactValues, start: YearMonth, vocabulary: Vocabulary) -> String {
        URLEncoding.encodeForm(fields(facts, start: start, vocabulary: vocabulary))
    }
}
