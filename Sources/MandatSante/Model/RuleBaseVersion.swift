/// Which rule base a roadmap was made with: the version its authors give it (`Rules/version.json`) and a
/// fingerprint of the files' contents, so that a printed roadmap can be traced to the exact rules.
public struct RuleBaseVersion: Sendable, Hashable {
    /// « 2026.12 », or « non versionnée » when the rule base declares none.
    public var label: String
    /// Eight hexadecimal digits of a hash of every rule file (names and bytes, in name order).
    public var fingerprint: String
    /// The date the rule base was reviewed against its sources (`version.json`, « date »): the age of a cited
    /// document is measured from it, never from the clock, so that `check` says the same thing every day.
    public var date: SourceDate?

    public init(label: String, fingerprint: String, date: SourceDate? = nil) {
        self.label = label
        self.fingerprint = fingerprint
        self.date = date
    }

    /// FNV-1a (64 bits) of each file's name (without its folder, so that the same rules give the same
    /// fingerprint wherever they are) and bytes, files taken in name order.
    static func fingerprint(of files: [RuleFile]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        // An index loop over an array, not a generic sequence: every byte of the rule base goes through it at each
        // start, and the generic loop was a tenth of the loading time unoptimised. Same bytes, same hash.
        func mix(_ bytes: [UInt8]) {
            bytes.withUnsafeBufferPointer { buffer in
                var index = 0
                while index < buffer.count {
                    hash ^= UInt64(buffer[index])
                    hash = hash &* 0x0000_0100_0000_01B3
                    index += 1
                }
            }
        }
        let named = files.map { (name: $0.path.split(separator: "/").last.map(String.init) ?? $0.path, bytes: $0.bytes) }
        for file in named.sorted(by: { $0.name < $1.name }) {
            mix(Array(file.name.utf8))
            mix([0])
            mix(file.bytes)
            mix([0])
        }
        let hex = String(hash >> 32, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
