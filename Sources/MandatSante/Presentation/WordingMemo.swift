import RuleKit
import Synchronization

/// Wording that depends on a territory only through the values of a few of its facts, kept across the roadmaps a
/// presenter words (a batch): thousands of communes share the values one recommendation's condition reads, and
/// tracing that condition and wording what it found is the dearest part of a card. A value is computed by the
/// same function whether it is kept or not, so a roadmap reads the same either way; the key holds every value the
/// wording reads.
///
/// Shared by the threads of a batch (one lock; a look-up is short beside the wording it saves). Bounded, so that
/// memory stays flat whatever the number of territories: values are kept in two generations of at most half the
/// capacity each. When the current one is full it becomes the old one (the older is dropped), and a value found
/// in the old one moves back to the current one: the values many territories share stay kept, and the memory
/// reaches its ceiling within the first few hundred territories rather than grow for thousands.
final class WordingMemo<Value: Sendable>: Sendable {
    typealias Key = WordingKey

    private struct Generations {
        var current: [Key: Value] = [:]
        var old: [Key: Value] = [:]
    }

    private let entries = Mutex<Generations>(Generations())
    private let generation: Int

    init(capacity: Int = 10_000) {
        generation = max(1, capacity / 2)
    }

    /// The value kept for `key`, or `make()` kept for the next time.
    func value(_ key: Key, _ make: () -> Value) -> Value {
        if let known = entries.withLock({ table -> Value? in
            if let known = table.current[key] { return known }
            guard let known = table.old.removeValue(forKey: key) else { return nil }
            Self.keep(known, key, in: &table, generation: generation)
            return known
        }) { return known }
        let made = make()
        entries.withLock { Self.keep(made, key, in: &$0, generation: generation) }
        return made
    }

    private static func keep(_ value: Value, _ key: Key, in table: inout Generations, generation: Int) {
        if table.current.count >= generation {
            table.old = table.current
            table.current = [:]
        }
        table.current[key] = value
    }
}

/// A recommendation, what its score took into account, and the values of the facts its wording reads.
struct WordingKey: Hashable, Sendable {
    var recommendation: String
    var score: Score?
    var values: [FactValue?]
}
