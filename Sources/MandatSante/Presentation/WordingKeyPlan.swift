import RuleKit

/// Which values of a territory's facts one recommendation's wording depends on: the key under which a batch keeps
/// that wording (`WordingMemo`).
///
/// A number the conditions only compare with constants (`population >= 10000`, `povertyRate > 18`) enters the key
/// by where it falls among those constants, not by its value: every condition comes out the same for all the
/// values in between, and the wording names the number through a placeholder (`WordingPlaceholder`) that each
/// territory fills with its own. So communes of 420 and of 610 inhabitants share the wording of a recommendation
/// that only asks whether they have fewer than 3,500. With `membership`, a set the conditions only test for a few
/// members (`'prevention' in priorities`, never under a `not`) enters the key by which of those members it holds
/// and whether it holds any at all (what a « Pour vous » says of it: « priorités : prévention », and whether the
/// fact is stated), not by all its members: a team's priorities and projects come in many combinations. Any other
/// fact enters the key by its value.
struct WordingKeyPlan: Sendable {
    /// Slots of the facts read, in vocabulary order.
    let slots: [Int]
    /// For each of `slots`, the constants the fact is compared with (sorted) when it is a number compared with
    /// nothing else; nil when its value enters the key.
    let thresholds: [[Double]?]
    /// The names of the facts worded through a placeholder: those with `thresholds`, and `placeheldByValue`.
    let placeheld: Set<String>
    /// For each of `slots`, when the fact is a set keyed by membership: the members tested (sorted), and every
    /// choice of the fact; nil when its value enters the key.
    let memberships: [Membership?]

    struct Membership: Sendable {
        let tested: [String]
        let choices: Set<String>
    }

    /// The plan of a wording that reads `facts`, of which `expressions` (conditions and named conditions
    /// included) are every test. `membership`: sets only tested for members enter the key by those members.
    /// `placeheldByValue`: facts that enter the key by their value but are worded through a placeholder all the
    /// same, their statement reading other facts the key leaves out (the overseas situation, stated by the
    /// territory the département names).
    init(facts: Set<String>, expressions: [Expression], vocabulary: Vocabulary, membership: Bool = false,
         placeheldByValue: Set<String> = []) {
        var constants: [String: Set<Double>] = [:]
        var members: [String: Set<String>] = [:]
        var otherwiseRead: Set<String> = []
        func visit(_ expression: Expression, negated: Bool) {
            if membership, !negated, case .comparison(let op, let left, let right) = expression.kind, op == .in || op == .notIn,
               case .string(let member) = left.kind, case .fact(let name) = right.kind, vocabulary.fact(named: name)?.type == .set {
                members[name, default: []].insert(member)
                return
            }
            switch expression.kind {
            case .fact(let name):
                otherwiseRead.insert(name)
            case .not(let operand):
                // A negated test is stated with the whole value of its facts (`FactStatement`).
                visit(operand, negated: true)
            case .comparison(let op, let left, let right) where op != .in && op != .notIn:
                if case .fact(let name) = left.kind, case .number(let value) = right.kind {
                    constants[name, default: []].insert(value)
                } else if case .number(let value) = left.kind, case .fact(let name) = right.kind {
                    constants[name, default: []].insert(value)
                } else {
                    expression.children.forEach { visit($0, negated: negated) }
                }
            default:
                expression.children.forEach { visit($0, negated: negated) }
            }
        }
        expressions.forEach { visit($0, negated: false) }
        let ordered = facts.compactMap { name in vocabulary.slot(of: name).map { (name: name, slot: $0) } }.sorted { $0.slot < $1.slot }
        var placeheld: Set<String> = []
        thresholds = ordered.map { fact in
            guard vocabulary.fact(named: fact.name)?.type.isNumeric == true, !otherwiseRead.contains(fact.name) else { return nil }
            placeheld.insert(fact.name)
            return (constants[fact.name] ?? []).sorted()
        }
        memberships = ordered.map { fact in
            // One bit per member tested, one for « holds any choice »: within a 64-bit mask.
            guard let tested = members[fact.name], !otherwiseRead.contains(fact.name), tested.count < 63,
                  let choices = vocabulary.fact(named: fact.name)?.choices else { return nil }
            return Membership(tested: tested.sorted(), choices: Set(choices.map(\.id)))
        }
        slots = ordered.map(\.slot)
        self.placeheld = placeheld.union(placeheldByValue)
    }

    /// The key's values for `facts`: a placeheld number as its position among its constants (twice the count of
    /// those below it, plus one when it equals the next), every other fact as its value.
    func values(_ facts: FactValues) -> [FactValue?] {
        var values: [FactValue?] = []
        values.reserveCapacity(slots.count)
        for (index, (slot, constants)) in zip(slots, thresholds).enumerated() {
            let value = facts[slot]
            if let membership = memberships[index], case .set(let held)? = value {
                var mask: UInt64 = held.contains(where: membership.choices.contains) ? 1 : 0
                for (bit, member) in membership.tested.enumerated() where held.contains(member) { mask |= 1 << UInt64(bit + 1) }
                values.append(.number(Double(mask)))
                continue
            }
            guard let constants, case .number(let number)? = value else {
                values.append(value)
                continue
            }
            var below = 0
            while below < constants.count, constants[below] < number { below += 1 }
            let equal = below < constants.count && constants[below] == number
            values.append(.number(Double(2 * below + (equal ? 1 : 0))))
        }
        return values
    }
}

/// A fact's value left out of a kept wording, filled in for each territory: a private-use character, the fact's
/// name, another private-use character. Rule texts and labels never hold these characters.
enum WordingPlaceholder {
    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"

    static func marker(_ name: String) -> String { "\(open)\(name)\(close)" }

    /// The size of the territory (« commune de 420 habitants »): no fact has an empty name.
    static let size = marker("")

    /// `text` with each placeholder replaced by `value(name)`. On UTF-8 bytes (U+E000 is `EE 80 80`, U+E001
    /// `EE 80 81`): searching characters cost more than the wording it saves.
    static func fill(_ text: String, _ value: (String) -> String) -> String {
        // Most kept texts hold no placeholder: decided on the string's own bytes, without copying them.
        var text = text
        let filled = text.withUTF8 { bytes -> String? in
            guard bytes.contains(0xEE) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            runs(bytes) { run, name in
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run]))
                if let name { out += value(String(decoding: UnsafeBufferPointer(rebasing: bytes[name]), as: UTF8.self)).utf8 }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return filled ?? text
    }

    /// Each run of `bytes` up to a placeholder, with that placeholder's name (its bytes between the open and close
    /// characters), in order; the last run, to the end, with none. The runs are copied from one `EE` lead byte to
    /// the next.
    private static func runs(_ bytes: UnsafeBufferPointer<UInt8>, _ visit: (_ run: Range<Int>, _ name: Range<Int>?) -> Void) {
        func marker(at index: Int, _ last: UInt8) -> Bool {
            index + 2 < bytes.count && bytes[index] == 0xEE && bytes[index + 1] == 0x80 && bytes[index + 2] == last
        }
        var copied = 0
        var lead = bytes.firstIndex(of: 0xEE)
        while let found = lead {
            var next = found + 1
            if marker(at: found, 0x80) {
                // Up to its close; another open first leaves this one as it is (a placeholder has no open in it).
                var end = found + 3
                while end < bytes.count, !marker(at: end, 0x81), !marker(at: end, 0x80) { end += 1 }
                if end < bytes.count, marker(at: end, 0x81) {
                    visit(copied..<found, found + 3..<end)
                    copied = end + 3
                    next = copied
                }
            }
            lead = next < bytes.count ? bytes[next...].firstIndex(of: 0xEE) : nil
        }
        visit(copied..<bytes.count, nil)
    }

    /// A kept text cut at its placeholders once, when it is kept: each territory then fills it by joining its pieces
    /// (`filled`), without looking through its bytes again — a JSON roadmap fills some forty kept sentences.
    struct Cut: Sendable {
        /// The text before, between and after the placeholders: one more than `names`.
        private let runs: [String]
        /// The name in each placeholder, in order.
        private let names: [String]
        /// The bytes of `runs` together.
        private let runBytes: Int

        /// Nil when `text` holds no placeholder.
        init?(_ text: String) {
            var text = text
            var runs: [String] = [], names: [String] = []
            text.withUTF8 { bytes in
                WordingPlaceholder.runs(bytes) { run, name in
                    // A run starts and ends at a whole character (a placeholder's open and close are characters).
                    runs.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[run]), as: UTF8.self))
                    if let name { names.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[name]), as: UTF8.self)) }
                }
            }
            guard !names.isEmpty else { return nil }
            self.runs = runs
            self.names = names
            runBytes = runs.reduce(0) { $0 + $1.utf8.count }
        }

        /// The text with each placeholder replaced by `value(name)`: what `fill` gives for the whole text.
        func filled(_ value: (String) -> String) -> String {
            var out = ""
            out.reserveCapacity(runBytes + 16 * names.count)
            out += runs[0]
            for (index, name) in names.enumerated() {
                out += value(name)
                out += runs[index + 1]
            }
            return out
        }
    }
}
