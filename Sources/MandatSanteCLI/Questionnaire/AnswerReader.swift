import Foundation
import RuleKit

/// Reads what someone typed for a question: numbered choices, o/n, French numbers (« 12 400 », « 12,5 »).
enum AnswerReader {
    static func read(_ typed: String, for question: Question) -> Result<Answer, AnswerError> {
        let text = trimmed(typed)
        if text.isEmpty {
            guard let proposal = question.proposal else { return .failure(AnswerError("une réponse est obligatoire pour cette question.")) }
            return .success(proposal)
        }
        let fact = question.fact
        switch fact.type {
        case .bool:
            guard let flag = yesNo(text) else { return .failure(AnswerError("« \(text) » : répondez o (oui) ou n (non).")) }
            return .success(.value(.bool(flag)))
        case .int, .number:
            return number(text, for: fact).map { .value(.number($0)) }
        case .text:
            guard text.count <= maximumTextLength else {
                return .failure(AnswerError("réponse trop longue (\(text.count) caractères) : \(maximumTextLength) au plus."))
            }
            return .success(.value(.text(text)))
        case .enum:
            guard let index = choiceIndex(text, of: fact) else {
                let how = Int(text) == nil ? " Tapez un numéro de 1 à \(fact.choices.count)." : ""
                return .failure(AnswerError(notAChoice(text, of: fact) + how))
            }
            return .success(.value(.text(fact.choices[index].id)))
        case .set:
            return choices(text, of: fact).map { .value(.set($0)) }
        }
    }

    static let maximumTextLength = 200

    /// o/oui/n/non, and the English and boolean spellings people also type.
    static func yesNo(_ typed: String) -> Bool? {
        switch trimmed(typed).lowercased() {
        case "o", "oui", "y", "yes", "vrai", "true", "1": return true
        case "n", "non", "no", "faux", "false", "0": return false
        default: return nil
        }
    }

    /// A number written the French way: spaces (ordinary or no-break) between thousands, a decimal comma,
    /// and optionally the fact's unit after it (« 12,5 % », « 420 habitants »).
    static func number(_ text: String, for fact: Fact) -> Result<Double, AnswerError> {
        var compact = text.filter { !$0.isWhitespace && $0 != "_" && $0 != "'" && $0 != "’" }
        for unit in [fact.unit, "%"].compactMap({ $0?.filter { !$0.isWhitespace } }) where !unit.isEmpty && compact.hasSuffix(unit) {
            compact.removeLast(unit.count)
        }
        let normalized = compact.replacingOccurrences(of: ",", with: ".")
        let example = fact.type == .int ? "12\(ValueFormatter.groupSeparator)400" : "12,5"
        guard !normalized.isEmpty, normalized.allSatisfy({ "0123456789.-+".contains($0) }),
              let number = Double(normalized), number.isFinite else {
            return .failure(AnswerError("« \(text) » n'est pas un nombre : tapez des chiffres, par exemple \(example)."))
        }
        if fact.type == .int && number.rounded() != number {
            return .failure(AnswerError("« \(text) » n'est pas un nombre entier."))
        }
        if let minimum = fact.minimum, number < minimum { return .failure(outOfRange(number, fact)) }
        if let maximum = fact.maximum, number > maximum { return .failure(outOfRange(number, fact)) }
        return .success(number)
    }

    private static func outOfRange(_ number: Double, _ fact: Fact) -> AnswerError {
        AnswerError("\(ValueFormatter.number(number)) est hors limites : la réponse doit être \(QuestionWording.range(of: fact)).")
    }

    /// The choices of a set: numbers or names, separated by commas (« 1,3,5 », « 1, 3 », « 1 3 5 »).
    static func choices(_ text: String, of fact: Fact) -> Result<Set<String>, AnswerError> {
        if ["aucun", "aucune", "-"].contains(text.lowercased()) { return .success([]) }
        var members: Set<String> = []
        for piece in text.split(whereSeparator: { $0 == "," || $0 == ";" }).map({ trimmed(String($0)) }) where !piece.isEmpty {
            if let index = choiceIndex(piece, of: fact) {
                members.insert(fact.choices[index].id)
                continue
            }
            let words = piece.split(whereSeparator: \.isWhitespace).map(String.init)
            let indexes = words.compactMap { Int($0) }
            guard words.count > 1, indexes.count == words.count else {
                let how = Int(piece) == nil ? " Tapez les numéros séparés par des virgules, par exemple 1,3,5." : ""
                return .failure(AnswerError(notAChoice(piece, of: fact) + how))
            }
            for (word, index) in zip(words, indexes) {
                guard fact.choices.indices.contains(index - 1) else { return .failure(AnswerError(notAChoice(word, of: fact))) }
                members.insert(fact.choices[index - 1].id)
            }
        }
        return .success(members)
    }

    /// A choice typed by its number, its id or its label (accents and case do not matter).
    static func choiceIndex(_ text: String, of fact: Fact) -> Int? {
        if let number = Int(text) {
            return fact.choices.indices.contains(number - 1) ? number - 1 : nil
        }
        let key = folded(text)
        return fact.choices.firstIndex { folded($0.id) == key || folded($0.label) == key }
    }

    private static func notAChoice(_ text: String, of fact: Fact) -> String {
        if Int(text) != nil { return "« \(text) » n'est pas un des choix : les numéros vont de 1 à \(fact.choices.count)." }
        let labels = fact.choices.map(\.label)
        let hint = Suggestion.closest(to: text, among: labels + fact.choiceIDs).map { match in
            " ; vouliez-vous dire « \(fact.choice(match)?.label ?? match) » ?"
        } ?? ""
        return "« \(text) » n'est pas un des choix\(hint)."
    }

    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "fr_FR"))
            .replacingOccurrences(of: "’", with: "'")
    }
}
