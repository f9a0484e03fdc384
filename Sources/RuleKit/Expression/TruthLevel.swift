/// A truth as a number — false 0, unknown 1, true 2 — so that Kleene's `and` is the minimum of its operands,
/// `or` their maximum and `not` is `2 − level`: combining truths takes no branch.
struct TruthLevel: Comparable, Sendable {
    private let value: UInt8

    private init(value: UInt8) { self.value = value }

    /// The level as a byte (false 0, unknown 1, true 2), for programs that combine levels in flat arrays.
    var rawValue: UInt8 { value }

    static let `false` = TruthLevel(value: 0)
    static let unknown = TruthLevel(value: 1)
    static let `true` = TruthLevel(value: 2)

    init(_ truth: Truth) {
        switch truth {
        case .false: self = .false
        case .unknown: self = .unknown
        case .true: self = .true
        }
    }

    var negation: TruthLevel { TruthLevel(value: 2 - value) }

    var truth: Truth { self == .true ? .true : self == .false ? .false : .unknown }

    static func < (lhs: TruthLevel, rhs: TruthLevel) -> Bool { lhs.value < rhs.value }
}
