import MandatSante
import RuleKit

/// Reads what someone typed for a question. Enter gives the question's proposal; anything else is read by
/// `TypedValueReader`, the reader shared by every value typed by a person (CSV cells, `--set`, the web form),
/// with choices also typed by their number. Only the wording of a refusal is the questionnaire's own.
enum AnswerReader {
    static func read(_ typed: String, for question: Question) -> Result<Answer, AnswerError> {
        let text = trimmed(typed)
        if text.isEmpty {
            guard let proposal = question.proposal else { return .failure(AnswerError("une réponse est obligatoire pour cette question.")) }
            return .success(proposal)
        }
        switch TypedValueReader.read(typed, for: question.fact, choiceNumbers: true) {
        case .success(let value): return .success(value.map(Answer.value) ?? .unstated)
        case .failure(let error): return .failure(AnswerError(wording(error, typed: text, fact: question.fact)))
        }
    }

    /// o/oui/n/non, and the English and boolean spellings people also type.
    static func yesNo(_ typed: String) -> Bool? {
        TypedValueReader.boolean(typed)
    }

    /// A number written the French way (« 12 400 », « 12,5 % »), checked against the fact.
    static func number(_ text: String, for fact: Fact) -> Result<Double, AnswerError> {
        switch TypedValueReader.read(text, for: fact) {
        case .success(.number(let number)?): return .success(number)
        case .success: return .failure(AnswerError("une réponse est obligatoire pour cette question."))
        case .failure(let error): return .failure(AnswerError(wording(error, typed: trimmed(text), fact: fact)))
        }
    }

    /// The questionnaire's wording of a refused answer: it speaks to the person typing.
    private static func wording(_ error: FactValueError, typed: String, fact: Fact) -> String {
        let subject = QuotedText.quote(error.subject ?? typed)
        switch error.kind {
        case .notABoolean:
            return "\(subject) : répondez o (oui) ou n (non)."
        case .notANumber:
            let example = fact.type == .int ? "12\(ValueFormatter.groupSeparator)400" : "12,5"
            return "\(subject) n'est pas un nombre : tapez des chiffres, par exemple \(example)."
        case .notAnInteger:
            return "\(subject) n'est pas un nombre entier."
        case .outOfRange:
            return "\(error.subject ?? typed) est hors limites : la réponse doit être \(QuestionWording.range(of: fact))."
        case .unknownChoice:
            let piece = error.subject ?? typed
            let how = Int(piece) == nil && fact.type == .enum ? " Tapez un numéro de 1 à \(fact.choices.count)." : ""
            let howSet = Int(piece) == nil && fact.type == .set ? " Tapez les numéros séparés par des virgules, par exemple 1,3,5." : ""
            return notAChoice(piece, of: fact) + how + howSet
        default:
            return error.message + "."
        }
    }

    private static func notAChoice(_ text: String, of fact: Fact) -> String {
        if Int(text) != nil { return "\(QuotedText.quote(text)) n'est pas un des choix : les numéros vont de 1 à \(fact.choices.count)." }
        let labels = fact.choices.map(\.label)
        let hint = Suggestion.closest(to: text, among: labels + fact.choiceIDs).map { match in
            " ; vouliez-vous dire « \(fact.choice(match)?.label ?? match) » ?"
        } ?? ""
        return "\(QuotedText.quote(text)) n'est pas un des choix\(hint)."
    }

    static func trimmed(_ text: String) -> String {
        TypedValueReader.trimmed(text)
    }
}
