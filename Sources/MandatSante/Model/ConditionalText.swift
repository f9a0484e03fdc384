import RuleKit

/// A line of a recommendation (a first step, a partner, a funding) that may hold only for some territories:
/// « Confier au DGS… » only where there is a DGS. Lines without a condition always hold.
public struct ConditionalText: Sendable {
    public let text: String
    public let condition: Condition?

    public init(_ text: String, condition: Condition? = nil) {
        self.text = text
        self.condition = condition
    }

    /// Whether the line is shown for these facts: no condition, or one that is true (an unknown fact hides it).
    public func holds(for facts: FactValues) -> Bool {
        condition.map { $0.evaluate(facts) == .true } ?? true
    }
}

extension Array where Element == ConditionalText {
    /// The texts of the lines that hold for `facts`.
    public func texts(for facts: FactValues) -> [String] {
        filter { $0.holds(for: facts) }.map(\.text)
    }

    /// Every text, whatever its condition (for the catalogue).
    public var allTexts: [String] { map(\.text) }
}
