import RuleKit

/// The questions of `init` as a state machine with no input or output: it says what to ask next, takes the typed
/// answers and keeps the stated facts. `InitDialogue` prints and reads; tests can drive it with a list of answers.
///
/// Facts are asked in vocabulary order. A fact whose `askWhen` is false for the answers so far is skipped and
/// takes its default, as it would in a profile that does not state it. A condition that cannot be decided yet
/// (it reads a fact not reached) does not skip: better one question too many than a missing one.
struct Questionnaire {
    enum Step: Equatable {
        case ask(Question)
        /// The question does not apply; the trace says why.
        case skip(Question)
        case finished
    }

    let vocabulary: Vocabulary
    private let askWhen: [String: Condition]
    private let previous: [String: Answer]
    private var nextIndex = 0
    /// The question waiting for an answer.
    private(set) var current: Question?
    /// What `askWhen` conditions read: answers so far, defaults of skipped facts, nothing for facts not reached.
    private(set) var facts: FactValues
    /// Each asked fact with its answer, in vocabulary order.
    private(set) var answers: [(fact: Fact, answer: Answer)] = []
    private(set) var skipped: [Fact] = []

    /// `previous` answers (from a first pass) are proposed again: Enter keeps them.
    init(vocabulary: Vocabulary, previous: [String: Answer] = [:]) {
        self.vocabulary = vocabulary
        self.previous = previous
        var conditions: [String: Condition] = [:]
        for fact in vocabulary.facts {
            // The rule base loader has already reported an invalid askWhen; such a question is simply asked.
            if let source = fact.askWhen, case .success(let condition) = Condition.compile(source, vocabulary: vocabulary) {
                conditions[fact.name] = condition
            }
        }
        askWhen = conditions
        var unknown = FactValues(defaultsOf: vocabulary)
        for fact in vocabulary.facts { unknown.set(fact.name, to: nil, in: vocabulary) }
        facts = unknown
    }

    /// Moves to the next question to ask, or reports the next skipped one; `.finished` after the last fact.
    mutating func next() -> Step {
        guard current == nil else { return current.map(Step.ask) ?? .finished }
        guard nextIndex < vocabulary.facts.count else { return .finished }
        let fact = vocabulary.facts[nextIndex]
        nextIndex += 1
        let question = Question(fact: fact, number: nextIndex, count: vocabulary.facts.count, previous: previous[fact.name])
        if let condition = askWhen[fact.name], condition.evaluate(facts) == .false {
            facts.set(fact.name, to: fact.defaultValue, in: vocabulary)
            skipped.append(fact)
            return .skip(question)
        }
        current = question
        return .ask(question)
    }

    /// Answers the current question. A refused answer leaves it current, to be asked again.
    @discardableResult
    mutating func answer(_ typed: String) -> Result<Answer, AnswerError> {
        guard let question = current else { return .failure(AnswerError("aucune question n'attend de réponse.")) }
        let result = AnswerReader.read(typed, for: question)
        if case .success(let answer) = result {
            facts.set(question.fact.name, to: answer.value ?? question.fact.defaultValue, in: vocabulary)
            answers.append((question.fact, answer))
            current = nil
        }
        return result
    }

    /// Why a skipped question does not apply: its condition evaluated on the answers so far.
    func skipTrace(_ question: Question) -> ConditionTrace? {
        askWhen[question.fact.name]?.trace(facts)
    }

    /// The answers by fact, to propose them again on a second pass.
    var answersByFact: [String: Answer] {
        Dictionary(answers.map { ($0.fact.name, $0.answer) }, uniquingKeysWith: { _, last in last })
    }
}
