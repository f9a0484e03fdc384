/// Text literals that conditions compare one fact with, numbered so that reading the fact once gives a bit
/// mask of the literals it equals (a text fact) or contains (a set fact). At most 64 literals per group; a
/// fact compared with more is spread over several groups.
struct LiteralGroup: Hashable, Sendable {
    enum Reading: Hashable, Sendable {
        /// `fact == 'a'`, `fact in ['a', 'b']`: the literal the text fact equals.
        case text
        /// `'a' in fact`: the literals the set fact contains.
        case set
    }

    static let capacity = 64

    let slot: Int
    let reading: Reading
    private(set) var bits: [String: Int] = [:]
    /// The literals by bit, and an open-addressing table of their bits by a cheap hash of their bytes: reading
    /// a profile's fact looks a value up there rather than hashing it for `bits` (which costs more than the rest
    /// of the reading). Only for ASCII values and literals, whose bytes say whether they are equal.
    private var literals: [String] = []
    private var table: [Int] = []
    private var asciiLiterals = true

    init(slot: Int, reading: Reading) {
        self.slot = slot
        self.reading = reading
    }

    /// Whether the literals missing from the group fit in it.
    func canHold(_ literals: Set<String>) -> Bool {
        literals.filter { bits[$0] == nil }.count <= Self.capacity - bits.count
    }

    /// The mask of `literals`, numbering those the group does not hold yet (it must have room: `canHold`).
    mutating func mask(inserting literals: Set<String>) -> UInt64 {
        var mask: UInt64 = 0
        for literal in literals.sorted() {
            let bit = bits[literal] ?? bits.count
            if bits[literal] == nil { self.literals.append(literal) }
            bits[literal] = bit
            mask |= 1 << UInt64(bit)
        }
        table = [Int](repeating: -1, count: 1 << (Int.bitWidth - (2 * self.literals.count).leadingZeroBitCount))
        for (bit, literal) in self.literals.enumerated() {
            guard let hash = Self.asciiHash(literal) else {
                asciiLiterals = false
                continue
            }
            var entry = hash & (table.count - 1)
            while table[entry] >= 0 { entry = (entry + 1) & (table.count - 1) }
            table[entry] = bit
        }
        return mask
    }

    /// FNV-1a of the bytes of an ASCII text; nil for any other text (or one whose bytes are not at hand).
    private static func asciiHash(_ text: String) -> Int? {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            var any: UInt8 = 0
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
                any |= byte
            }
            return any < 0x80 ? Int(truncatingIfNeeded: hash ^ hash >> 32) : nil
        } ?? nil
    }

    /// The bit of `text` when the group holds it.
    private func bit(of text: String) -> Int? {
        guard asciiLiterals, let hash = Self.asciiHash(text) else { return bits[text] }
        let mask = table.count - 1
        var entry = hash & mask
        while table[entry] >= 0 {
            if literals[table[entry]] == text { return table[entry] }
            entry = (entry + 1) & mask
        }
        return nil
    }

    /// The mask of this group's literals that the fact matches; `nil` when the comparison is unknown. Mirrors
    /// `Semantics`: an absent fact is unknown; a text fact of another type equals no literal; membership in
    /// anything but a set is unknown.
    func read(_ facts: FactValues) -> UInt64? {
        guard let value = facts[slot] else { return nil }
        switch (reading, value) {
        case (.text, .text(let text)):
            return bit(of: text).map { 1 << UInt64($0) } ?? 0
        case (.text, _):
            return 0
        case (.set, .set(let members)):
            var mask: UInt64 = 0
            for member in members {
                if let bit = bit(of: member) { mask |= 1 << UInt64(bit) }
            }
            return mask
        case (.set, _):
            return nil
        }
    }
}
