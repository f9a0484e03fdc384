import RuleKit

/// A warning a professional would give with an action when the territory is in a given situation, e.g. that a
/// salaried health centre competes for the same doctors as an existing MSP.
public struct Caution: Sendable {
    public let condition: Condition
    public let text: String

    public init(condition: Condition, text: String) {
        self.condition = condition
        self.text = text
    }
}
