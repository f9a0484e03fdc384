import RuleKit
import Synchronization

/// Wording that depends on a territory only through the values of a few of its facts, kept across the roadmaps a
/// presenter words (a batch): thousands of communes share the values one recommendation's condition reads, and
/// tracing that condition and wording what it found is the dearest part of a card. A value is computed by the
/// same function whether it is kept or not, so a roadmap reads the same either way; the key holds every value the
/// wording reads.
///
/// Shared by the threads of a batch (one lock; a look-up is short beside the wording it saves). Of a fixed size, so
/// that memory stays flat whatever the number of territories: at most `capacity` values, and once full each new value
/// takes the place of an old one, chosen by « second chance » (a hand goes round the places; a value looked up since
/// the hand last passed is spared once, the first other one gives its place). The values many territories share stay
/// kept, and the memory is at its ceiling as soon as `capacity` different keys have been met, then no longer grows
/// (batch39: two generations of half the capacity each reached their ceiling only after some 10,000 territories, and
/// the « pour vous » memory added 0.2 MB every 2,000 rows until then).
final class WordingMemo<Value: Sendable>: Sendable {
    typealias Key = WordingKey

    private struct Entry {
        let key: Key
        let value: Value
        /// Looked up since the hand last passed this place.
        var used = false
    }

    private struct Table {
        /// The place of each key in `entries`.
        var places: [Key: Int] = [:]
        var entries: [Entry] = []
        /// The next place the hand considers, once `entries` is full.
        var hand = 0

        mutating func keep(_ value: Value, _ key: Key, capacity: Int) {
            // Another thread may have kept it meanwhile: the same value (made by the same function).
            guard places[key] == nil else { return }
            guard entries.count >= capacity else {
                places[key] = entries.count
                entries.append(Entry(key: key, value: value))
                return
            }
            while entries[hand].used {
                entries[hand].used = false
                hand = hand + 1 == entries.count ? 0 : hand + 1
            }
            places.removeValue(forKey: entries[hand].key)
            places[key] = hand
            entries[hand] = Entry(key: key, value: value)
            hand = hand + 1 == entries.count ? 0 : hand + 1
        }
    }

    private let table = Mutex<Table>(Table())
    private let capacity: Int

    init(capacity: Int = 10_000) {
        self.capacity = max(1, capacity)
    }

    /// How many values are kept (at most the capacity).
    var count: Int { table.withLock { $0.entries.count } }

    /// The value kept for `key`, or `make()` kept for the next time.
    func value(_ key: Key, _ make: () -> Value) -> Value {
        if let known = table.withLock({ table -> Value? in
            guard let place = table.places[key] else { return nil }
            table.entries[place].used = true
            return table.entries[place].value
        }) { return known }
        let made = make()
        table.withLock { $0.keep(made, key, capacity: capacity) }
        return made
    }
}

/// A recommendation, what its score took into account, and the values of the facts its wording reads.
///
/// Hashed once, when made, by a short mix of the bits of its fields (`digest`); the fields themselves decide
/// equality. A JSON roadmap looks up some eighty kept wordings, and `Hasher` over the id and each value of each key
/// cost more than the rest of the look-up.
struct WordingKey: Hashable, Sendable {
    let recommendation: String
    let score: Score?
    let values: [FactValue?]
    private let digest: UInt64

    init(recommendation: String, score: Score?, values: [FactValue?]) {
        self.recommendation = recommendation
        self.score = score
        self.values = values
        var digest = KeyDigest()
        digest.add(recommendation)
        if let score {
            digest.add(UInt64(bitPattern: Int64(score.priority)))
            digest.add(UInt64(bitPattern: Int64(score.total)))
            digest.add(UInt64(truncatingIfNeeded: score.hashValue))
        }
        for value in values {
            switch value {
            case nil: digest.add(1)
            case .bool(let flag)?: digest.add(flag ? 2 : 3)
            case .number(let number)?: digest.add(number.bitPattern)
            case .text(let text)?: digest.add(text)
            case .set(let members)?:
                // Order-free, as the set is: the members' own digests summed.
                var sum: UInt64 = 4
                for member in members {
                    var one = KeyDigest()
                    one.add(member)
                    sum &+= one.value
                }
                digest.add(sum)
            }
        }
        self.digest = digest.value
    }

    static func == (left: WordingKey, right: WordingKey) -> Bool {
        left.digest == right.digest && left.recommendation == right.recommendation && left.score == right.score && left.values == right.values
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
    }
}

/// A 64-bit mix of words and strings (multiply and fold, as in wyhash): not a defence against chosen keys (the
/// keys are a rule base's ids and a territory's values, and equality is checked in full), a spread of the buckets.
private struct KeyDigest {
    private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    mutating func add(_ word: UInt64) {
        let product = (value ^ word).multipliedFullWidth(by: 0x9E37_79B9_7F4A_7C15)
        value = product.high ^ product.low
    }

    /// Eight bytes at a time, then the rest and the length.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            if let base = UnsafeRawPointer(bytes.baseAddress) {
                while index + 8 <= bytes.count {
                    add(base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    index += 8
                }
            }
            var rest: UInt64 = UInt64(bytes.count) << 56
            for offset in index..<bytes.count { rest |= UInt64(bytes[offset]) << (8 * UInt64(offset - index)) }
            add(rest)
        }
    }
}
