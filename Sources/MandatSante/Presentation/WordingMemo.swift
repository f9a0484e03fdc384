import RuleKit
import Synchronization

/// Wording that depends on a territory only through the values of a few of its facts, kept across the roadmaps a
/// presenter words (a batch): thousands of communes share the values one recommendation's condition reads, and
/// tracing that condition and wording what it found is the dearest part of a card. A value is computed by the
/// same function whether it is kept or not, so a roadmap reads the same either way; the key holds every value the
/// wording reads.
///
/// Shared by the threads of a batch (one lock; a look-up is short beside the wording it saves). Bounded: when full,
/// it starts again empty, so that memory stays flat whatever the number of territories.
final class WordingMemo<Value: Sendable>: Sendable {
    typealias Key = WordingKey

    private let entries = Mutex<[Key: Value]>([:])
    private let capacity: Int

    init(capacity: Int = 10_000) {
        self.capacity = capacity
    }

    /// The value kept for `key`, or `make()` kept for the next time.
    func value(_ key: Key, _ make: () -> Value) -> Value {
        if let known = entries.withLock({ $0[key] }) { return known }
        let made = make()
        entries.withLock { table in
            if table.count >= capacity { table.removeAll(keepingCapacity: true) }
            table[key] = made
        }
        return made
    }
}

/// A recommendation, what its score took into account, and the values of the facts its wording reads.
struct WordingKey: Hashable, Sendable {
    var recommendation: String
    var score: Score?
    var values: [FactValue?]
}
