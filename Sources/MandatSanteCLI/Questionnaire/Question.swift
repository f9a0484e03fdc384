import RuleKit

/// One question of `init`: a fact of the vocabulary, its place in the list, and what Enter means.
struct Question: Hashable, Sendable {
    var fact: Fact
    /// 1-based position of the fact in the vocabulary.
    var number: Int
    /// How many facts the vocabulary declares (some are skipped, so not all are asked).
    var count: Int
    /// What an empty answer (Enter) stands for: the previous answer on a second pass, else the fact's default,
    /// else « not stated » for an optional fact; `nil` when an answer is required.
    var proposal: Answer?

    init(fact: Fact, number: Int, count: Int, previous: Answer? = nil) {
        self.fact = fact
        self.number = number
        self.count = count
        if let previous {
            proposal = previous
        } else if let defaultValue = fact.defaultValue {
            proposal = .value(defaultValue)
        } else {
            proposal = fact.required ? nil : .unstated
        }
    }
}

/// An accepted answer: a value for the fact, or nothing for an optional fact left blank.
enum Answer: Hashable, Sendable {
    case value(FactValue)
    /// Left out of the profile: the fact keeps its default, or stays unknown when it has none.
    case unstated

    var value: FactValue? {
        if case .value(let value) = self { return value }
        return nil
    }
}

/// Why a typed answer was refused, worded for the person typing it.
struct AnswerError: Error, Hashable, Sendable {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
